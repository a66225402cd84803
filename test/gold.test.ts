import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CATALOG_METRIC_IDS,
  CHECK_IDS,
  EXTRA_METRIC_IDS,
  GoldFileSchema,
  PROCEDURE_IDS,
  type GoldFigure,
  type GoldFile,
} from '../src/model/gold.ts';
import { foldWhitespace } from './support/document-text.ts';
import { seedPath, seedText } from './support/seeds.ts';

/**
 * The gold files are typed by hand, so this suite checks the hand: every quote is really in its seed,
 * every raw number really in its quote, every id is one the contract (or the README) knows, and the
 * arithmetic written into the gold — breakdowns, ratios, the findings they justify — is right.
 */
const EXPECTED_DIR = join(import.meta.dirname, '../fixtures/expected');
const CONTRACT_PATH = join(import.meta.dirname, '../docs/contract.md');
const README_PATH = join(EXPECTED_DIR, 'README.md');

/** The seed as a reader sees it: "ƣ" is an extraction fault for "ư" (U+01A3 never occurs in Vietnamese). */
function readableSeedText(seedFile: string): string {
  const raw = seedText(seedFile).replace(/ƣ/gu, 'ư').replace(/Ƣ/gu, 'Ư');
  return foldWhitespace(raw.normalize('NFC'));
}

function countOccurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let index = haystack.indexOf(needle); index >= 0; index = haystack.indexOf(needle, index + 1)) count += 1;
  return count;
}

const DIGIT = /\p{Nd}/u;
const SEPARATOR = /[.,/]/u;

/**
 * Occurrences of `raw` that stand as a whole number: "0" inside "120", or "01" inside "01/01/2024", do
 * not count, because a reader would never take them for the figure.
 */
function countStandalone(quote: string, raw: string): number {
  let count = 0;
  for (let index = quote.indexOf(raw); index >= 0; index = quote.indexOf(raw, index + 1)) {
    const before = quote.slice(Math.max(0, index - 2), index);
    const after = quote.slice(index + raw.length, index + raw.length + 2);
    const startsWithDigit = DIGIT.test(raw[0] ?? '');
    const endsWithDigit = DIGIT.test(raw.at(-1) ?? '');
    const last = before.at(-1) ?? '';
    const first = after[0] ?? '';
    const gluedBefore = startsWithDigit && (DIGIT.test(last) || (SEPARATOR.test(last) && DIGIT.test(before[0] ?? '')));
    const gluedAfter = endsWithDigit && (DIGIT.test(first) || (SEPARATOR.test(first) && DIGIT.test(after[1] ?? '')));
    if (!gluedBefore && !gluedAfter) count += 1;
  }
  return count;
}

/** "5.388" groups thousands, "0,76" has a decimal comma, "121.81" (no group of three) is a decimal dot. */
function readVietnameseNumber(text: string): number {
  const [integerPart = '', decimalPart] = text.split(',');
  if (decimalPart !== undefined) return Number(`${integerPart.replace(/\./gu, '')}.${decimalPart}`);
  if (/^\d{1,3}(\.\d{3})+$/u.test(text)) return Number(text.replace(/\./gu, ''));
  return Number(text);
}

function numbersIn(raw: string): string[] {
  return raw.match(/\d+(?:[.,]\d+)*/gu) ?? [];
}

/** Decimals of the percentage as written ("0,76%" → 2): the width of the rounding interval. */
function percentDecimals(raw: string): number {
  const written = [...raw.matchAll(/(\d+(?:[.,]\d+)?)\s*%/gu)].at(-1)?.[1];
  if (written === undefined) throw new Error(`no percentage in raw "${raw}"`);
  const decimals = written.split(/[.,]/u)[1];
  return decimals === undefined ? 0 : decimals.length;
}

/** The contract's rounding rule: the exact ratio must fall inside the interval the stated decimals imply. */
function ratioIsConsistent(numerator: number, denominator: number, percent: number, decimals: number): boolean {
  const exact = (numerator / denominator) * 100;
  return Math.abs(exact - percent) <= 0.5 * 10 ** -decimals + 1e-9;
}

function ratioBase(gold: GoldFile, figure: GoldFigure): number | null {
  if (figure.denominator !== null) return figure.denominator;
  if (figure.base !== undefined) return gold.figures[figure.base]?.value ?? null;
  return null;
}

function backtickedIdsOfTable(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(heading);
  if (start < 0) throw new Error(`heading "${heading}" not found in the contract`);
  const section = markdown.slice(start + heading.length).split(/\n## /u)[0] ?? '';
  return [...section.matchAll(/^\| `([^`]+)` \|/gmu)].map((match) => match[1] ?? '');
}

const goldFiles = readdirSync(EXPECTED_DIR)
  .filter((name) => /^seed-\d{3}\.json$/u.test(name))
  .sort();

const golds = goldFiles.map((file) => {
  const json: unknown = JSON.parse(readFileSync(join(EXPECTED_DIR, file), 'utf8'));
  return { file, json, parsed: GoldFileSchema.safeParse(json) };
});

function goldOf(fixture: string): GoldFile {
  const entry = golds.find((gold) => gold.file === `${fixture}.json`);
  if (!entry?.parsed.success) throw new Error(`${fixture}.json missing or invalid`);
  return entry.parsed.data;
}

describe('gold files', () => {
  it('exist for the five seeds', () => {
    expect(goldFiles).toEqual(['seed-000.json', 'seed-001.json', 'seed-002.json', 'seed-003.json', 'seed-004.json']);
  });

  describe.each(golds)('$file', ({ file, parsed }) => {
    it('parses with GoldFileSchema', () => {
      expect(parsed.error?.issues ?? []).toEqual([]);
    });
    if (!parsed.success) return;
    const gold = parsed.data;
    const seedExists = existsSync(seedPath(gold.seed));

    it('names itself and its seed consistently', () => {
      expect(`${gold.fixture}.json`).toBe(file);
      expect(gold.seed.slice(0, 3)).toBe(gold.fixture.slice(-3));
      expect(seedExists, `seed ${gold.seed} not at ${seedPath(gold.seed)}`).toBe(true);
    });

    it.skipIf(!seedExists)('quotes every figure from one unique place in the seed', () => {
      const seed = readableSeedText(gold.seed);
      const problems = gold.figures
        .map((figure, index) => ({ index, count: countOccurrences(seed, figure.quote), quote: figure.quote }))
        .filter(({ count }) => count !== 1);
      expect(problems).toEqual([]);
    });

    it.skipIf(!seedExists)('quotes findings, traps, ambiguous numbers and non-figures from the seed', () => {
      const seed = readableSeedText(gold.seed);
      const quotes = [
        ...gold.findings.flatMap((finding) => finding.quotes),
        ...gold.silent.flatMap((trap) => trap.quotes),
        ...gold.ambiguous.map((entry) => entry.quote),
        ...gold.not_figures.map((entry) => (typeof entry === 'string' ? entry : entry.quote)),
      ];
      expect(quotes.filter((quote) => !seed.includes(quote))).toEqual([]);
    });

    it('finds every raw number standing alone in its quote, and says which one when it repeats', () => {
      const entries = [
        ...gold.figures.map((figure, index) => ({ where: `figures[${index}]`, ...figure })),
        ...gold.ambiguous.map((entry, index) => ({ where: `ambiguous[${index}]`, ...entry })),
        ...gold.not_figures.flatMap((entry, index) => (typeof entry === 'string' ? [] : [{ where: `not_figures[${index}]`, ...entry }])),
      ];
      const problems: string[] = [];
      for (const entry of entries) {
        const count = countStandalone(entry.quote, entry.raw);
        if (count === 0) problems.push(`${entry.where}: "${entry.raw}" not in its quote`);
        else if (count > 1 && entry.occurrence === undefined) problems.push(`${entry.where}: "${entry.raw}" occurs ${count}×, occurrence missing`);
        else if (entry.occurrence !== undefined && entry.occurrence > count) problems.push(`${entry.where}: occurrence ${entry.occurrence} > ${count}`);
      }
      expect(problems).toEqual([]);
    });

    it('writes value, denominator and percent as the raw text reads in Vietnamese', () => {
      const problems: string[] = [];
      gold.figures.forEach((figure, index) => {
        const numbers = numbersIn(figure.raw);
        const first = numbers[0];
        if (first === undefined || readVietnameseNumber(first) !== figure.value) problems.push(`figures[${index}] value ${figure.value} ≠ raw "${figure.raw}"`);
        // Phụ lục 4 of seed 004 glues a footnote marker to the denominator ("13.1761"); the note says so.
        const footnoted = figure.note?.includes('footnote') ?? false;
        if (figure.denominator !== null && !footnoted && readVietnameseNumber(numbers[1] ?? '') !== figure.denominator) {
          problems.push(`figures[${index}] denominator ${figure.denominator} ≠ raw "${figure.raw}"`);
        }
        if (figure.percent !== null && readVietnameseNumber(numbers.at(-1) ?? '') !== figure.percent) {
          problems.push(`figures[${index}] percent ${figure.percent} ≠ raw "${figure.raw}"`);
        }
        if (figure.unit === 'percent' && !figure.raw.endsWith('%')) problems.push(`figures[${index}] unit percent without "%"`);
      });
      expect(problems).toEqual([]);
    });

    it('uses only metric ids of the catalog or of the documented extra list', () => {
      const known = new Set<string>([...CATALOG_METRIC_IDS, ...EXTRA_METRIC_IDS]);
      const used = new Set([...gold.figures.map((figure) => figure.metric), ...gold.ambiguous.flatMap((entry) => entry.candidates ?? [])]);
      expect([...used].filter((metric) => !known.has(metric))).toEqual([]);
    });

    it('uses only contract check ids', () => {
      const known = new Set<string>(CHECK_IDS);
      const rules = [...gold.findings.map((finding) => finding.rule), ...gold.silent.map((trap) => trap.rule)];
      expect(rules.filter((rule) => !known.has(rule))).toEqual([]);
    });

    it('adds up every complete breakdown, or reports the gap as a finding', () => {
      const problems: string[] = [];
      for (const entry of gold.breakdowns.filter((breakdown) => breakdown.complete)) {
        const total = gold.figures[entry.parent];
        const parts = gold.figures.filter((figure) => figure.parent === entry.parent && figure.breakdown === entry.breakdown);
        const sum = parts.reduce((accumulated, part) => accumulated + part.value, 0);
        const reported = gold.findings.some((finding) => finding.rule === 'sum-mismatch' && finding.figures.includes(entry.parent));
        if (total === undefined || (sum !== total.value && !reported)) problems.push(`breakdown "${entry.breakdown}" of figures[${entry.parent}]: parts sum to ${sum}, total ${total?.value}`);
      }
      expect(problems).toEqual([]);
    });

    it('flags exactly the stated ratios that rounding cannot explain, and the 100% that hides a shortfall', () => {
      const problems: string[] = [];
      gold.figures.forEach((figure, index) => {
        const base = ratioBase(gold, figure);
        if (figure.percent === null || base === null) return;
        const consistent = ratioIsConsistent(figure.value, base, figure.percent, percentDecimals(figure.raw));
        const flagged = gold.findings.some((finding) => finding.rule === 'ratio-mismatch' && finding.figures.includes(index));
        if (consistent === flagged) problems.push(`figures[${index}] ${figure.value}/${base} = ${figure.percent}%: consistent=${consistent}, ratio-mismatch finding=${flagged}`);
        const hidesShortfall = figure.percent === 100 && figure.value < base;
        const rounded = gold.findings.some((finding) => finding.rule === 'rounded-to-full' && finding.figures.includes(index));
        if (hidesShortfall !== rounded) problems.push(`figures[${index}] ${figure.value}/${base} = 100%: rounded-to-full finding=${rounded}`);
      });
      expect(problems).toEqual([]);
    });

    it('states in every finding the numbers of the figures it cites', () => {
      const problems: string[] = [];
      gold.findings.forEach((finding, index) => {
        // A list's length is counted by the reader, not stated: it belongs to no figure.
        if (finding.rule === 'count-list-mismatch') return;
        const stated = new Set(finding.figures.flatMap((figureIndex) => {
          const figure = gold.figures[figureIndex];
          return figure === undefined ? [] : [figure.value, figure.denominator, figure.percent];
        }));
        const foreign = finding.values.filter((value) => !stated.has(value));
        if (foreign.length > 0) problems.push(`findings[${index}] ${finding.rule}: ${foreign.join(', ')} not in its figures`);
      });
      expect(problems).toEqual([]);
    });

    it('gives bare percentages a value between 0 and 100', () => {
      const outOfRange = gold.figures.filter((figure) => figure.unit === 'percent' && (figure.value < 0 || figure.value > 100));
      expect(outOfRange).toEqual([]);
    });

    it.skipIf(!seedExists)('lists non-figures that occur in the seed', () => {
      const seed = readableSeedText(gold.seed);
      const missing = gold.not_figures.filter((entry): entry is string => typeof entry === 'string').filter((raw) => !seed.includes(raw));
      expect(missing).toEqual([]);
    });
  });
});

describe('the seed cases of the contract and the domain notes', () => {
  const finds = (fixture: string, rule: string, values: number[]) =>
    goldOf(fixture).findings.some((finding) => finding.rule === rule && JSON.stringify(finding.values) === JSON.stringify(values));
  const staysSilent = (fixture: string, rule: string, value: number) => {
    const gold = goldOf(fixture);
    return gold.silent.some((trap) => trap.rule === rule && trap.figures.some((index) => gold.figures[index]?.value === value));
  };

  it('keeps every named inconsistency as a finding', () => {
    expect(finds('seed-004', 'ratio-mismatch', [6702, 6715, 91])).toBe(true);
    expect(finds('seed-004', 'rounded-to-full', [13274, 13303, 100])).toBe(true);
    expect(finds('seed-001', 'status-contradiction', [0, 2])).toBe(true);
    expect(finds('seed-000', 'count-list-mismatch', [5, 4])).toBe(true);
    expect(finds('seed-004', 'conflicting-values', [6702, 6589])).toBe(true);
    expect(finds('seed-004', 'reconciliation', [13303, 3, 13274, 14, 1])).toBe(true);
  });

  it('keeps every named trap silent', () => {
    expect(staysSilent('seed-001', 'ratio-mismatch', 5616)).toBe(true);
    expect(staysSilent('seed-004', 'ratio-mismatch', 6065)).toBe(true);
    expect(staysSilent('seed-004', 'ratio-mismatch', 50)).toBe(true);
    expect(staysSilent('seed-004', 'ratio-mismatch', 6646)).toBe(true);
    expect(staysSilent('seed-004', 'sum-mismatch', 263)).toBe(true);
    expect(staysSilent('seed-004', 'sum-mismatch', 89)).toBe(true);
    expect(staysSilent('seed-004', 'sum-mismatch', 7)).toBe(true);
    expect(staysSilent('seed-003', 'sum-mismatch', 120)).toBe(true);
    expect(staysSilent('seed-003', 'sum-mismatch', 256)).toBe(true);
  });

  it('reads the catalog examples the contract names', () => {
    const has = (fixture: string, metric: string, value: number) => goldOf(fixture).figures.some((figure) => figure.metric === metric && figure.value === value);
    expect(has('seed-000', 'villages', 12)).toBe(true);
    expect(has('seed-001', 'villages', 15)).toBe(true);
    expect(has('seed-000', 'households', 5388)).toBe(true);
    expect(has('seed-001', 'households', 3319)).toBe(true);
    expect(has('seed-000', 'population', 21187)).toBe(true);
    expect(has('seed-001', 'area_km2', 121.81)).toBe(true);
    expect(has('seed-001', 'tasks.recurring', 17)).toBe(true);
    expect(has('seed-001', 'eid.accounts', 8344)).toBe(true);
    expect(has('seed-004', 'eid.level1', 541)).toBe(true);
    expect(has('seed-004', 'eid.level2', 11359)).toBe(true);
    expect(has('seed-001', 'idcards.issued', 11241)).toBe(true);
    expect(has('seed-003', 'dossiers.received', 120)).toBe(true);
    expect(has('seed-003', 'dossiers.online', 18)).toBe(true);
    expect(has('seed-004', 'dossiers.carried_over', 3)).toBe(true);
    expect(has('seed-000', 'services.essential', 25)).toBe(true);
    expect(has('seed-004', 'services.full_online', 88)).toBe(true);
    expect(has('seed-004', 'services.partial_online', 74)).toBe(true);
    expect(has('seed-004', 'procedures.published', 162)).toBe(true);
    expect(has('seed-001', 'outreach.posts', 200)).toBe(true);
    expect(has('seed-003', 'outreach.participants', 313)).toBe(true);
    expect(has('seed-001', 'smartphone_rate', 71.6)).toBe(true);
    const received2022 = goldOf('seed-004').figures.find((figure) => figure.metric === 'dossiers.received' && figure.value === 6588);
    expect(received2022?.year).toBe(2022);
    const thuongTru = goldOf('seed-003').figures.find((figure) => figure.metric === 'dossiers.received' && figure.value === 31);
    expect(thuongTru?.procedure).toBe('thuong-tru');
  });
});

describe('id lists', () => {
  it('match the contract: metric catalog, check ids, procedure qualifiers', () => {
    const contract = readFileSync(CONTRACT_PATH, 'utf8');
    expect([...CATALOG_METRIC_IDS].sort()).toEqual(backtickedIdsOfTable(contract, '## Metric catalog').sort());
    expect([...CHECK_IDS].sort()).toEqual(backtickedIdsOfTable(contract, '## Check ids').sort());
    const qualifiers = contract.slice(contract.indexOf('Procedure qualifiers:')).split(/\n\n/u)[0] ?? '';
    const procedures = [...qualifiers.matchAll(/`([a-z-]+)`/gu)].map((match) => match[1]);
    expect([...PROCEDURE_IDS].sort()).toEqual(procedures.sort());
  });

  it('keep extras apart from the catalog, each documented in the README', () => {
    const readme = readFileSync(README_PATH, 'utf8');
    const catalog = new Set<string>(CATALOG_METRIC_IDS);
    expect(EXTRA_METRIC_IDS.filter((metric) => catalog.has(metric))).toEqual([]);
    expect(EXTRA_METRIC_IDS.filter((metric) => !readme.includes(`\`${metric}\``))).toEqual([]);
  });
});
