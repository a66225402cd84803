import type { DocType, MetadataEvidence } from '../../model/index.ts';
import { NUMBER_CODES, SUBJECT_TYPES } from '../../../rules/identity/layout.ts';
import { REPORT_SUBJECT, ROLLUP_MIN_UNITS } from '../../../rules/identity/doc-types.ts';
import { findNumbers, isFigure } from '../../normalize/numbers.ts';
import { cite } from './evidence.ts';
import type { FrontMatter, Line } from './front.ts';
import { RANK, sameName, tierOf, unitMentions, type UnitMention } from './units.ts';

/** What kind of document: its title word, else its layout (a page, a statistics table), else its number's code. */

const SUBJECT_PATTERNS = SUBJECT_TYPES.map((subject) => ({ ...subject, regex: new RegExp(subject.pattern, 'iu') }));
const REPORT_SUBJECT_PATTERN = new RegExp(REPORT_SUBJECT.pattern, 'iu');

export function documentType(front: FrontMatter, issuer: UnitMention | undefined): { value: DocType; evidence?: MetadataEvidence } {
  const title = front.title;
  let type: DocType | undefined;
  let evidence: MetadataEvidence | undefined;
  if (title?.docType) {
    type = title.docType;
    evidence = cite('title', title.word, [title.word?.text, ...title.subject.filter((line) => line !== title.word).map((line) => line.text)].join(' '));
    const subject = title.subject.find((line) => line !== title.word)?.text ?? '';
    const refined = SUBJECT_PATTERNS.find((pattern) => pattern.regex.test(subject));
    if (refined && (type === 'other' || type === 'report')) type = refined.docType;
  } else if (front.statisticsCue && !front.dateline) {
    type = 'statistics';
    evidence = cite('layout', front.statisticsCue);
  } else if (front.headline && REPORT_SUBJECT_PATTERN.test(front.headline.text)) {
    type = 'report';
    evidence = cite('title', front.headline);
  } else if (front.documentNumber) {
    const code = /\/([\p{L}]+)/u.exec(front.documentNumber.value)?.[1]?.toUpperCase();
    const coded = NUMBER_CODES.find((entry) => entry.code === code);
    type = coded?.docType ?? 'dispatch';
    evidence = cite('document-number', front.documentNumber.line);
  } else if (front.headline) {
    type = 'news';
    evidence = cite('layout', front.newsDate?.line ?? front.pressTag ?? front.headline);
  }
  if (type === 'report' && issuer) {
    const quantified = unitsQuantified(front, issuer);
    if (quantified.count >= ROLLUP_MIN_UNITS) return { value: 'rollup', evidence: cite('units-quantified', quantified.line, quantified.quote) };
  }
  return type ? { value: type, ...(evidence ? { evidence } : {}) } : { value: 'other' };
}

/**
 * The units other than the issuer that the body gives figures for: a line, list item or table row that names a unit
 * and states a counted number. A report quantifying several is a roll-up of their reports.
 */
export function unitsQuantified(front: FrontMatter, issuer: UnitMention): { count: number; line?: Line; quote: string } {
  const units = new Map<string, Line>();
  const end = front.signature.length > 0 ? front.lines.indexOf(front.signature[0]!) : front.lines.length;
  for (const line of front.lines.slice(front.bodyStart, end)) {
    const mentions = unitMentions(line.text);
    mentions.forEach((mention, index) => {
      if (mention.level === issuer.level && sameName(mention.name, issuer.name)) return;
      if (RANK[tierOf(mention)]! > RANK[tierOf(issuer)]!) return;
      // Its own clause: up to the next unit, semicolon or full stop ("18.420" keeps its dot).
      const next = mentions[index + 1]?.start ?? line.text.length;
      const clause = line.text.slice(mention.end, next).split(/;|\.(?:\s|$)/u)[0]!;
      if (!findNumbers(clause).some((number) => isFigure(number))) return;
      const key = `${mention.level} ${mention.name.toLowerCase()}`;
      if (!units.has(key)) units.set(key, line);
    });
  }
  const lines = [...units.values()];
  return { count: units.size, ...(lines[0] ? { line: lines[0] } : {}), quote: [...units.keys()].join(', ') };
}
