import type { DocType, MetadataEvidence } from '../../model/index.ts';
import { ANNEX_REFERENCE, CUTOFF_DATE, DATELINE } from '../../../rules/identity/layout.ts';
import { AS_OF_MONTH } from '../../../rules/identity/doc-types.ts';
import { cite, type Found } from './evidence.ts';
import { compile, isoDate, type FrontMatter, type Line } from './front.ts';
import { readPeriod, type PeriodMatch } from './periods.ts';

/** When: the document's own date and the period it reports on. */

const DATELINE_PATTERN = compile(DATELINE);
const CUTOFF_PATTERN = compile(CUTOFF_DATE);
const ANNEX_DATE = compile(ANNEX_REFERENCE);

/**
 * The document's own date, never that of a letter it cites: the dateline beside the number, a page's date line, an
 * annex header that points back at this document ("Kèm theo Báo cáo số: /BC-UBND ngày tháng 4 năm 2024": blanks
 * left to be filled by hand keep only what is filled), a dateline on a line of its own further down, and for a
 * statistics page its cut-off ("Số liệu tính đến … ngày 30/9/2025").
 */
export function reportDate(front: FrontMatter): Found<string> | undefined {
  if (front.dateline) return { value: front.dateline.date, evidence: cite('dateline', front.dateline.line) };
  if (front.newsDate) return { value: front.newsDate.date, evidence: cite('dateline', front.newsDate.line) };
  for (const line of front.lines) {
    const annex = ANNEX_DATE.exec(line.text);
    if (annex) return { value: isoDate(annex[3] ?? annex[5]!, annex[2] ?? annex[4]!, annex[1]), evidence: cite('body', line) };
  }
  for (const line of front.lines) {
    if (!/^[\p{Lu}][\p{L}. ]{0,40},\s*ngày\b/u.test(line.text)) continue;
    const date = DATELINE_PATTERN.exec(line.text);
    if (date) return { value: isoDate(date[3] ?? date[6]!, date[2] ?? date[5]!, date[1] ?? date[4]), evidence: cite('dateline', line) };
  }
  if (front.statisticsCue) {
    for (const line of front.lines.slice(0, 4)) {
      const cutoff = CUTOFF_PATTERN.exec(line.text);
      if (cutoff) return { value: isoDate(cutoff[3]!, cutoff[2]!, cutoff[1]), evidence: cite('layout', line) };
    }
  }
  return undefined;
}

const AS_OF = new RegExp(AS_OF_MONTH.pattern, 'iu');

/**
 * The period reported on: the title's first period phrase (its second line included), else the opening of the
 * body's, else — for a page — the month its figures run to ("tính đến ngày 20-9"), else the body's first.
 */
export function reportPeriod(front: FrontMatter, date: string | undefined, type: DocType): Found<string> | undefined {
  const year = date ? Number(date.slice(0, 4)) : firstYear(front);
  const context = { ...(year ? { year } : {}), ...(date ? { date } : {}) };
  const found = (match: PeriodMatch | undefined, source: MetadataEvidence['source'], lines: readonly Line[], guess = false): Found<string> | undefined =>
    match ? { value: match.value, evidence: cite(source, lines.find((line) => line.text.includes(match.phrase)) ?? lines[0], match.phrase, guess) } : undefined;

  const titleLines = front.title?.subject ?? [];
  const inTitle = readPeriod(titleLines.map((line) => line.text).join(' \n '), context);
  if (inTitle) return found(inTitle, front.headline ? 'headline' : 'title', titleLines);

  // A page's figures run to a date ("Tính đến ngày 20-9, …", "Số liệu tính đến … ngày 30/9/2025"): its month is the
  // period unless a period phrase comes first.
  const page = type === 'news' || type === 'statistics';
  const openingLines = page ? front.lines.slice(1, front.bodyStart + 4).filter((line) => line !== front.headline) : front.opening;
  const openingText = openingLines.map((line) => line.text).join(' \n ');
  const opening = readPeriod(openingText, context, { body: true });
  const asOf = page ? AS_OF.exec(openingText) : null;
  if (asOf && context.year && (!opening || opening.weak || asOf.index < opening.start)) {
    const month = Number(asOf[2]);
    if (month >= 1 && month <= 12) return { value: `${asOf[3] ?? context.year}-${String(month).padStart(2, '0')}`, evidence: cite('opening', openingLines.find((line) => line.text.includes(asOf[0])) ?? openingLines[0], asOf[0]) };
  }
  if (opening) return found(opening, 'opening', openingLines);

  const end = front.signature.length > 0 ? front.lines.indexOf(front.signature[0]!) : front.lines.length;
  const body = front.lines.slice(front.bodyStart, end);
  const inBody = readPeriod(body.map((line) => line.text).join(' \n '), context, { body: true });
  return inBody && !inBody.weak ? found(inBody, 'body', body, true) : undefined;
}

function firstYear(front: FrontMatter): number | undefined {
  for (const line of front.lines.slice(0, 8)) {
    const year = /\b(20\d{2})\b/u.exec(line.text);
    if (year) return Number(year[1]);
  }
  return undefined;
}
