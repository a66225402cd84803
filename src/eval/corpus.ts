import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentResult, Figure, Finding } from '../model/index.ts';
import { BatchGoldSchema, CATALOG_METRIC_IDS, CHECK_IDS, CorpusGoldFileSchema, type BatchGold, type CorpusGoldFigure, type CorpusGoldFile } from '../model/gold.ts';
import { processBytes } from '../pipeline/index.ts';

/**
 * Scores the pipeline on the blind corpus (fixtures/corpus/): reports written by helpers who never read the
 * rules, annotated by other helpers from the text alone, each rendered by several producers. Nothing here was
 * tuned to: a rule that passes only the sentence it was written for shows up as a miss elsewhere.
 */

/** The files one report comes as, by producer (fixtures/corpus/README.md). */
export const CORPUS_FORMATS = ['txt', 'a.docx', 'b.docx', 'a.pdf', 'b.pdf', 'scan.pdf'] as const;
export type CorpusFormat = (typeof CORPUS_FORMATS)[number];

/** Groups of the corpus, by the prefix of their ids: what each was written to test. */
export const CORPUS_GROUPS: Record<string, string> = {
  c: 'reports of communes, districts, provinces',
  n: 'news, portal pages, plain-text tables',
  i: 'report identity: every level, header and period',
  p: 'one district\'s inbox for a quarter',
};

export function groupOf(id: string): string {
  return id.startsWith('p-') ? 'p' : id[0]!;
}

export interface CorpusReport {
  id: string;
  gold: CorpusGoldFile;
  files: Array<{ format: CorpusFormat; path: string }>;
}

export function loadCorpus(root: string, options: { formats?: readonly CorpusFormat[]; ids?: readonly string[] } = {}): CorpusReport[] {
  const goldDir = join(root, 'fixtures/corpus/gold');
  const filesDir = join(root, 'fixtures/corpus/files');
  return readdirSync(goldDir)
    .filter((name) => name.endsWith('.json') && !name.startsWith('batch-'))
    .map((name) => name.slice(0, -'.json'.length))
    .filter((id) => !options.ids || options.ids.includes(id))
    .sort()
    .map((id) => ({
      id,
      gold: CorpusGoldFileSchema.parse(JSON.parse(readFileSync(join(goldDir, `${id}.json`), 'utf8'))),
      files: (options.formats ?? CORPUS_FORMATS)
        .map((format) => ({ format, path: join(filesDir, `${id}.${format}`) }))
        .filter((file) => existsSync(file.path)),
    }));
}

export function loadBatchGold(root: string, name: string): BatchGold {
  return BatchGoldSchema.parse(JSON.parse(readFileSync(join(root, 'fixtures/corpus/gold', `batch-${name}.json`), 'utf8')));
}

const CATALOG = new Set<string>(CATALOG_METRIC_IDS);
/** Contract checks scored on findings: ambiguous-number is about layout, ingest.* about the file. */
const SCORED_CHECKS = new Set<string>(CHECK_IDS.filter((id) => id !== 'ambiguous-number'));

export interface CorpusFileScore {
  id: string;
  format: CorpusFormat;
  figures: { truePositives: number; falsePositives: Figure[]; falseNegatives: CorpusGoldFigure[]; expected: number };
  findings: { truePositives: Finding[]; falsePositives: Finding[]; falseNegatives: CorpusGoldFile['findings']; trapHits: Finding[] };
  /** Dates (and other listed non-figures) read as figures. */
  nonFigures: Array<{ figure: Figure; notFigure: string }>;
  metadata: Array<{ field: string; expected: unknown; actual: unknown }>;
  /** Error and warning findings as "rule [sorted values]": what must not depend on the producer. */
  signature: string[];
  result: DocumentResult;
}

export async function scoreCorpusFile(report: CorpusReport, file: { format: CorpusFormat; path: string }): Promise<CorpusFileScore> {
  const { result } = await processBytes(readFileSync(file.path), `${report.id}.${file.format}`);
  const { gold } = report;
  const expected = gold.figures.filter((figure) => figure.metric !== null && CATALOG.has(figure.metric) && figure.change_vs === undefined);
  const unmatched = new Set(expected);
  const falsePositives: Figure[] = [];
  const matched = new Set<Figure>();
  for (const figure of result.figures) {
    const match = [...unmatched].find((candidate) => sameFigure(figure, candidate, ownYear(gold)) && overlaps(figure.evidence, candidate.quote));
    if (match) {
      unmatched.delete(match);
      matched.add(figure);
    } else if (!isAmbiguousOrExtra(figure, gold)) {
      falsePositives.push(figure);
    }
  }
  const truePositives = matched.size;
  // A figure the gold lists as one is no date or identifier read as a figure, whatever else its sentence holds
  // ("14 ấp" in a paragraph that also shows the time "14:22").
  const nonFigures = nonFigureViolations(result.figures.filter((figure) => !matched.has(figure)), gold);
  const findings = scoreFindings(result.findings, gold);
  return {
    id: report.id,
    format: file.format,
    figures: { truePositives, falsePositives, falseNegatives: [...unmatched], expected: expected.length },
    findings,
    nonFigures,
    metadata: metadataComparison(result, gold),
    signature: signatureOf(result.findings),
    result,
  };
}

export function signatureOf(findings: readonly Finding[]): string[] {
  return findings
    .filter((finding) => (finding.severity === 'error' || finding.severity === 'warning') && !finding.rule.startsWith('ingest.'))
    .map((finding) => `${finding.rule} [${[...finding.values].sort((a, b) => a - b).join(';')}]`)
    .sort();
}

/** The one year a report's period lies in ("2025-08" → 2025), when it lies in one. */
function ownYear(gold: CorpusGoldFile): number | undefined {
  const period = gold.metadata.period;
  const match = period ? /^(\d{4})(?:-[^/]*)?(?:\/(\d{4}))?/u.exec(period) : null;
  if (!match || (match[2] !== undefined && match[2] !== match[1])) return undefined;
  return Number(match[1]);
}

/**
 * The same figure, read the way the gold readers read (fixtures/corpus/decisions.md, "Scoring"):
 * - a year equal to the report's own year is the report's own period, stated or not ("năm 2024, phường được giao
 *   28 nhiệm vụ" in the 2024 report): readers stamped it on some figures and not on others;
 * - "tài khoản định danh điện tử mức 2 đã kích hoạt" is both a level-2 count and an activation count; the readers
 *   split between eid.level2 and eid.activated for it, so either is taken there.
 */
export function sameFigure(figure: Figure, gold: CorpusGoldFigure, reportYear: number | undefined): boolean {
  const same = (a: number | null | undefined, b: number | null | undefined) => (a ?? null) === (b ?? null);
  const year = (value: number | null | undefined) => (value === reportYear ? null : (value ?? null));
  const bothReadings = /kích hoạt/iu.test(gold.quote) && /mức(?: độ)? 2/iu.test(gold.quote) && [figure.metric, gold.metric].every((metric) => metric === 'eid.level2' || metric === 'eid.activated');
  return (
    (figure.metric === gold.metric || bothReadings) &&
    figure.value === gold.value &&
    year(figure.year) === year(gold.year) &&
    (figure.procedure ?? null) === gold.procedure &&
    (same(figure.denominator, gold.denominator) || inferredBaseOnly(figure, gold)) &&
    same(figure.percent, gold.percent)
  );
}

/**
 * docs/contract.md's `denominator` is the one a ratio statement writes ("6.065/6588 hồ sơ = 92%"), and that is what
 * the gold readers recorded. The reader also gives a rate the count it is taken over where the text only links them
 * (a table's rate column, "395 hồ sơ, trong đó trực tuyến 315 hồ sơ, đạt 79,7%"); where the gold has no denominator
 * and the figure's own text writes no ratio, that inferred base is more than the gold says, not a different reading.
 */
function inferredBaseOnly(figure: Figure, gold: CorpusGoldFigure): boolean {
  return gold.denominator === null && figure.denominator !== undefined && !/\d\s*\/\s*\d/u.test(figure.raw);
}

/** Text as compared across formats: NFC, table cell separators and whitespace folded, lower case. */
export function fold(text: string): string {
  return text.normalize('NFC').replace(/ƣ/gu, 'ư').replace(/\s*\|\s*/gu, ' ').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/**
 * Does a figure's evidence come from the sentence or row the gold quotes? Producers lay a row or a wrapped
 * sentence out differently, and evidence is a window around the number: one containing the other, or most of
 * the shorter one's words shared, is the same place.
 */
export function overlaps(evidence: string, quote: string): boolean {
  const a = fold(evidence).replace(/^…|…$/gu, '');
  const b = fold(quote);
  if (a.includes(b) || b.includes(a)) return true;
  const words = (text: string) => new Set(text.split(/[\s,;:()]+/u).filter((word) => word.length > 0));
  const wa = words(a);
  const wb = words(b);
  const shared = [...wa].filter((word) => wb.has(word)).length;
  return shared / Math.min(wa.size, wb.size) >= 0.6;
}

function numbersOf(text: string): string[] {
  return text.match(/\d[\d.,]*\d|\d/gu) ?? [];
}

/** Figures of the gold's extra metrics, its quantities outside the catalog, changes and ambiguous numbers are neither right nor wrong. */
function isAmbiguousOrExtra(figure: Figure, gold: CorpusGoldFile): boolean {
  const spot = (quote: string, raw: string) => numbersOf(raw).some((number) => numbersOf(figure.raw).includes(number)) && overlaps(figure.evidence, quote);
  if (gold.ambiguous.some((entry) => spot(entry.quote, entry.raw))) return true;
  return gold.figures.some((entry) => (entry.metric === null || !CATALOG.has(entry.metric) || entry.change_vs !== undefined) && spot(entry.quote, entry.raw));
}

function nonFigureViolations(figures: readonly Figure[], gold: CorpusGoldFile): Array<{ figure: Figure; notFigure: string }> {
  const violations: Array<{ figure: Figure; notFigure: string }> = [];
  for (const figure of figures) {
    const first = numbersOf(figure.raw)[0];
    if (first === undefined) continue;
    for (const entry of gold.not_figures) {
      const raw = typeof entry === 'string' ? entry : entry.raw;
      if (!numbersOf(raw).includes(first)) continue;
      // A bare string is a non-figure wherever its exact text stands; an object only in its quote.
      const inPlace = typeof entry === 'string' ? figure.raw.includes(raw) || (fold(figure.evidence).includes(fold(raw)) && fold(raw).startsWith(first)) : overlaps(figure.evidence, entry.quote) && fold(raw).includes(fold(figure.raw));
      if (inPlace) {
        violations.push({ figure, notFigure: raw });
        break;
      }
    }
  }
  return violations;
}

function sameNumbers(a: readonly number[], b: readonly number[], rule?: string): boolean {
  // A restatement may be stated three times with two values: what conflicts is the set of values.
  const distinct = rule === 'conflicting-values';
  const sorted = (values: readonly number[]) => [...(distinct ? new Set(values) : values)].sort((x, y) => x - y).join(';');
  return sorted(a) === sorted(b);
}

function scoreFindings(findings: readonly Finding[], gold: CorpusGoldFile): CorpusFileScore['findings'] {
  const produced = findings.filter((finding) => SCORED_CHECKS.has(finding.rule));
  const unmatched = [...gold.findings];
  const truePositives: Finding[] = [];
  const falsePositives: Finding[] = [];
  const trapHits: Finding[] = [];
  const goldValues = (indices: readonly number[]) => indices.map((index) => gold.figures[index]?.value).filter((value): value is number => value !== undefined);
  for (const finding of produced) {
    const index = unmatched.findIndex((expected) => expected.rule === finding.rule && sameNumbers(expected.values, finding.values, finding.rule));
    if (index >= 0) {
      truePositives.push(finding);
      unmatched.splice(index, 1);
      continue;
    }
    // A finding on the same contradiction already matched (the same numbers said by another check) is no new alarm.
    if (gold.findings.some((expected) => expected.rule === finding.rule && sameNumbers(expected.values, finding.values, finding.rule))) continue;
    falsePositives.push(finding);
    if (gold.silent.some((trap) => trap.rule === finding.rule && goldValues(trap.figures).every((value) => finding.values.includes(value)) && trap.figures.length > 0)) trapHits.push(finding);
  }
  return { truePositives, falsePositives, falseNegatives: unmatched, trapHits };
}

function metadataComparison(result: DocumentResult, gold: CorpusGoldFile): CorpusFileScore['metadata'] {
  const actual = result.metadata as Record<string, unknown>;
  const expected = gold.metadata;
  const pairs: Array<[string, unknown, unknown]> = [
    ['unit_name', expected.unit_name, actual.unitName ?? null],
    ['unit_level', expected.unit_level, actual.unitLevel ?? null],
    ['district', expected.district, actual.district ?? null],
    ['province', expected.province, actual.province ?? null],
    ['doc_type', expected.doc_type, actual.docType ?? null],
    ['period', expected.period, actual.period ?? null],
    ['report_date', expected.report_date, actual.reportDate ?? null],
  ];
  return pairs.map(([field, expectedValue, actualValue]) => ({ field, expected: expectedValue, actual: actualValue }));
}

/** Is a metadata field read right? Names compare without case, diacritics left as they are. */
export function metadataRight(entry: { field: string; expected: unknown; actual: unknown }): boolean {
  const norm = (value: unknown) => (typeof value === 'string' ? value.normalize('NFC').toLowerCase().trim() : value);
  return norm(entry.expected) === norm(entry.actual);
}
