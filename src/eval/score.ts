import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentResult, Figure, Finding } from '../model/index.ts';
import { GoldFileSchema, CATALOG_METRIC_IDS, type GoldFile, type GoldFigure } from '../model/gold.ts';
import { processBytes } from '../pipeline/index.ts';
import { parseVietnameseNumber } from '../normalize/numbers.ts';
import { overlaps } from './corpus.ts';

/**
 * Scores extraction against the hand-written gold in fixtures/expected/: for every seed, every format we
 * generate from it is read by the real pipeline and its figures are matched one-to-one with the gold's.
 * A figure matches when metric, value, year, procedure, denominator and percent all agree. Numbers the gold
 * calls ambiguous are neither rewarded nor penalised; figures of the gold's extra metrics (outside the
 * catalog) are not expected, since the catalog is what we extract; nor are the gold's changes versus another
 * year ("tăng 29 hồ sơ so với năm 2022", `change_vs`), which are deltas, not the metric's level — the
 * extractor deliberately vetoes them (rules/vetoes.ts).
 */

export interface FixtureScore {
  fixture: string;
  seed: string;
  truePositives: Array<{ figure: Figure; gold: GoldFigure }>;
  falsePositives: Figure[];
  falseNegatives: GoldFigure[];
  ignored: Figure[];
  nonFigureViolations: Array<{ figure: Figure; notFigure: string }>;
  metadata: Array<{ field: string; expected: unknown; actual: unknown }>;
  findings: { truePositives: Finding[]; falsePositives: Finding[]; falseNegatives: GoldFile['findings'] };
  result: DocumentResult;
}

/**
 * Findings are scored for the contract's checks; `ambiguous-number` (an info about how a number was read,
 * which depends on the format's layout) and ingest findings are left out. A finding matches a gold one with
 * the same rule and the same numbers.
 */
const UNSCORED_FINDINGS = new Set(['ambiguous-number']);

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  const sorted = (values: readonly number[]) => [...values].sort((x, y) => x - y).join(';');
  return sorted(a) === sorted(b);
}

function scoreFindings(result: DocumentResult, gold: GoldFile): FixtureScore['findings'] {
  const produced = result.findings.filter((finding) => !finding.rule.startsWith('ingest.') && !UNSCORED_FINDINGS.has(finding.rule));
  const unmatched = [...gold.findings];
  const truePositives: Finding[] = [];
  const falsePositives: Finding[] = [];
  for (const finding of produced) {
    const index = unmatched.findIndex((expected) => expected.rule === finding.rule && sameNumbers(expected.values, finding.values));
    if (index >= 0) {
      unmatched.splice(index, 1);
      truePositives.push(finding);
    } else {
      falsePositives.push(finding);
    }
  }
  return { truePositives, falsePositives, falseNegatives: unmatched };
}

export const FIXTURE_FORMATS: Record<string, string[]> = {
  '000': ['seed-000.txt', 'seed-000.docx', 'seed-000.pdf'],
  '001': ['seed-001.txt', 'seed-001.docx', 'seed-001.pdf', 'legacy/seed-001-vni.docx', 'legacy/seed-001-vni.pdf'],
  '002': ['seed-002.txt', 'seed-002.docx', 'seed-002.pdf'],
  '003': ['seed-003.txt', 'seed-003.docx', 'seed-003.pdf', 'legacy/seed-003-tcvn3.docx', 'legacy/seed-003-tcvn3.pdf'],
  '004': ['seed-004.txt', 'seed-004.docx', 'seed-004.pdf'],
};

const CATALOG = new Set<string>(CATALOG_METRIC_IDS);

export function loadGold(root: string, seed: string): GoldFile {
  return GoldFileSchema.parse(JSON.parse(readFileSync(join(root, 'fixtures/expected', `seed-${seed}.json`), 'utf8')));
}

/**
 * Text as compared across formats: NFC, "ƣ" read as "ư", superscript digits as digits (a PDF's footnote mark
 * "13.176¹" is "13.1761" in the text seeds the gold quotes), table cell separators and whitespace folded.
 */
function fold(text: string): string {
  return text.normalize('NFC').replace(/ƣ/g, 'ư').replace(/[¹²³⁴⁵⁶⁷⁸⁹⁰]/gu, (mark) => String('⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(mark))).replace(/\s*\|\s*/gu, ' ').replace(/\s+/gu, ' ').trim().toLowerCase();
}

function numbersOf(text: string): string[] {
  return text.match(/\d[\d.,]*\d|\d/gu) ?? [];
}

const same = (a: number | null | undefined, b: number | null | undefined) => (a ?? null) === (b ?? null);

function matches(figure: Figure, gold: GoldFigure): boolean {
  return (
    figure.metric === gold.metric &&
    figure.value === gold.value &&
    same(figure.year, gold.year) &&
    (figure.procedure ?? null) === gold.procedure &&
    same(figure.denominator, gold.denominator) &&
    same(figure.percent, gold.percent)
  );
}

/** Does the figure read the same stretch of text the gold entry points at? Quotes are compared loosely (layout differs by format). */
function sameSpot(figure: Figure, quote: string, raw: string): boolean {
  const value = parseVietnameseNumber(raw.replace(/%$/u, ''))?.value;
  if (value !== undefined && value !== figure.value) return false;
  const evidence = fold(figure.evidence);
  const goldQuote = fold(quote);
  // Evidence is a quote around the number (src/model/evidence.ts): most of its words in the gold's quote is the same spot.
  return evidence.includes(goldQuote) || goldQuote.includes(evidence) || evidence.includes(goldQuote.slice(0, 40)) || overlaps(figure.evidence, quote);
}

export async function scoreFixture(root: string, seed: string, fixture: string, gold: GoldFile): Promise<FixtureScore> {
  const path = join(root, 'fixtures/reports', fixture);
  const { result } = await processBytes(readFileSync(path), fixture);
  const expected = gold.figures.filter((figure) => CATALOG.has(figure.metric) && figure.change_vs === undefined);
  const unmatched = new Set(expected);
  const score: FixtureScore = {
    fixture,
    seed,
    truePositives: [],
    falsePositives: [],
    falseNegatives: [],
    ignored: [],
    nonFigureViolations: [],
    metadata: [],
    findings: scoreFindings(result, gold),
    result,
  };
  for (const figure of result.figures) {
    const match = [...unmatched].find((candidate) => matches(figure, candidate));
    if (match) {
      unmatched.delete(match);
      score.truePositives.push({ figure, gold: match });
    } else if (isAmbiguousOrExtra(figure, gold)) {
      score.ignored.push(figure);
    } else {
      score.falsePositives.push(figure);
    }
    for (const notFigure of gold.not_figures) {
      const raw = typeof notFigure === 'string' ? notFigure : notFigure.raw;
      const quote = typeof notFigure === 'string' ? notFigure : notFigure.quote;
      const figureNumber = numbersOf(figure.raw)[0];
      if (figureNumber !== undefined && numbersOf(raw).includes(figureNumber) && fold(figure.evidence).includes(fold(quote))) {
        // "mức 1 = 541": the level "1" is not a figure, the 541 beside it is — same quote, different number.
        if (typeof notFigure !== 'string' || fold(raw).includes(fold(figure.raw))) score.nonFigureViolations.push({ figure, notFigure: raw });
      }
    }
  }
  score.falseNegatives = [...unmatched];

  const metadata = gold.metadata;
  const actual = result.metadata;
  const fields: Array<[string, unknown, unknown]> = [
    ['unit_name', metadata.unit_name, actual.unitName ?? null],
    ['unit_level', metadata.unit_level, actual.unitLevel ?? null],
    ['province', metadata.province, actual.province ?? null],
    ['doc_type', metadata.doc_type, actual.docType ?? null],
    // The seeds' gold predates the contract's period values: its phase "2022-2025" is the contract's "2022/2025".
    ['period', metadata.period?.replace(/^(\d{4})-(\d{4})$/u, '$1/$2') ?? null, actual.period ?? null],
    ['report_date', metadata.report_date, actual.reportDate ?? null],
    ['document_number', metadata.document_number, actual.documentNumber ?? null],
  ];
  score.metadata = fields.map(([field, expectedValue, actualValue]) => ({ field, expected: expectedValue, actual: actualValue }));
  return score;
}

/** A figure the gold files under `ambiguous`, or as a figure of an extra metric, is neither right nor wrong. */
function isAmbiguousOrExtra(figure: Figure, gold: GoldFile): boolean {
  if (gold.ambiguous.some((entry) => sameSpot(figure, entry.quote, entry.raw))) return true;
  return gold.figures.some((entry) => (!CATALOG.has(entry.metric) || entry.change_vs !== undefined) && sameSpot(figure, entry.quote, entry.raw));
}

export interface MetricTally {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export function tallyByMetric(scores: readonly FixtureScore[]): Map<string, MetricTally> {
  const tally = new Map<string, MetricTally>();
  const get = (metric: string) => {
    let entry = tally.get(metric);
    if (!entry) tally.set(metric, (entry = { truePositives: 0, falsePositives: 0, falseNegatives: 0 }));
    return entry;
  };
  for (const score of scores) {
    for (const { figure } of score.truePositives) get(figure.metric).truePositives++;
    for (const figure of score.falsePositives) get(figure.metric).falsePositives++;
    for (const gold of score.falseNegatives) get(gold.metric).falseNegatives++;
  }
  return tally;
}

export function precisionRecall(tally: MetricTally): { precision: number; recall: number } {
  const found = tally.truePositives + tally.falsePositives;
  const expected = tally.truePositives + tally.falseNegatives;
  return { precision: found === 0 ? 1 : tally.truePositives / found, recall: expected === 0 ? 1 : tally.truePositives / expected };
}

export function total(tallies: Iterable<MetricTally>): MetricTally {
  const sum = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  for (const tally of tallies) {
    sum.truePositives += tally.truePositives;
    sum.falsePositives += tally.falsePositives;
    sum.falseNegatives += tally.falseNegatives;
  }
  return sum;
}

/** Every fixture of every seed that has a gold file, scored. */
export async function scoreAll(root: string): Promise<FixtureScore[]> {
  const scores: FixtureScore[] = [];
  const goldSeeds = readdirSync(join(root, 'fixtures/expected'))
    .map((name) => /^seed-(\d{3})\.json$/u.exec(name)?.[1])
    .filter((seed): seed is string => seed !== undefined)
    .sort();
  for (const seed of goldSeeds) {
    const gold = loadGold(root, seed);
    for (const fixture of FIXTURE_FORMATS[seed] ?? []) {
      if (existsSync(join(root, 'fixtures/reports', fixture))) scores.push(await scoreFixture(root, seed, fixture, gold));
    }
  }
  return scores;
}

/** A figure's identity across formats: what it says, not where it sits. */
export function figureKey(figure: Figure): string {
  return [figure.metric, figure.value, figure.denominator ?? '', figure.percent ?? '', figure.year ?? '', figure.procedure ?? ''].join('|');
}
