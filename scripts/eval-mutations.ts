/**
 * `npm run eval:mutations`: the planted-error harness. From the consistent places the blind gold lists — a total
 * whose parts add up, task counts by status, a ratio with its numerator and denominator, a share of a stated
 * total, a figure restated elsewhere, a part within its whole — plant one error per variant (one number changed
 * the way a clerk slips), render the report again with every producer, run the pipeline, and count per kind of
 * site: planted, caught (a new finding of a check that should catch it, naming the changed number), recall, and
 * new false alarms (new error/warning findings that do not involve the changed number).
 *
 * Sites come from the gold (fixtures/corpus/gold/), never from the tool's output. The mutated documents are
 * rendered by the corpus generator (scripts/corpus/), which needs LibreOffice for b.docx and a.pdf; without it,
 * only txt, a.docx and b.pdf are planted.
 *
 * Options: `--formats txt,a.docx,b.pdf` (default: all five), `--per-report N` (sites per kind per report, default
 * 2), `--ids c01,c02`, `--list` (every miss and new alarm), `--json FILE`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { loadCorpus, signatureOf, type CorpusFormat, type CorpusReport } from '../src/eval/corpus.ts';
import type { CorpusGoldFigure } from '../src/model/gold.ts';
import type { Finding } from '../src/model/index.ts';
import { processBytes } from '../src/pipeline/index.ts';
import { parseSource } from './corpus/source.ts';
import { locateNumber, replaceNumber, renderAll, type NamedModel } from './corpus/mutate.ts';
import type { Producer } from './corpus/tools.ts';

const ROOT = join(import.meta.dirname, '..');

/** What kind of consistent place a site is, and which checks catch an error planted there. */
const SITE_KINDS = {
  breakdown: ['sum-mismatch', 'reconciliation', 'part-exceeds-whole', 'status-contradiction'],
  // A dossier flow (received = resolved + in progress) that no longer balances is reconciliation's, as in a breakdown.
  status: ['sum-mismatch', 'reconciliation', 'status-contradiction', 'part-exceeds-whole'],
  ratio: ['ratio-mismatch', 'rounded-to-full', 'percent-out-of-range', 'part-exceeds-whole'],
  share: ['ratio-mismatch', 'rounded-to-full', 'percent-out-of-range'],
  restatement: ['conflicting-values'],
  'part-whole': ['part-exceeds-whole', 'sum-mismatch', 'status-contradiction'],
} as const;
type SiteKind = keyof typeof SITE_KINDS;

interface Site {
  id: string;
  kind: SiteKind;
  quote: string;
  /** The number token as written in the quote ("1.050", "92%"). */
  token: string;
  occurrence: number;
  newToken: string;
  newValue: number;
  what: string;
}

// ------------------------------------------------------------------------------------------ sites from gold

const NUMBER_TOKEN = /\d{1,3}(?:[.,  ]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?/gu;

/** Folded like the generator folds quotes: runs of whitespace to one space. */
const fold = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** Start offsets of `token` standing alone in `text` (not inside a longer number). */
function standalone(token: string, text: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text.slice(at + token.length, at + token.length + 2);
    if (/[\d.,]/u.test(before) && /\d/u.test(text[at - 2] ?? '')) continue;
    if (/\d/u.test(before)) continue;
    if (/^\d|^[.,]\d/u.test(after)) continue;
    if (!token.endsWith('%') && after.startsWith('%')) continue;
    found.push(at);
  }
  return found;
}

/** The token of a figure's raw that holds `value` (or its percent), and which standalone occurrence of it in the quote. */
function tokenOf(figure: CorpusGoldFigure, wantPercent: boolean): { token: string; occurrence: number } | undefined {
  const quote = fold(figure.quote);
  const raw = fold(figure.raw);
  const rawAt = standaloneSpan(raw, quote, figure.occurrence ?? 1);
  if (rawAt < 0) return undefined;
  const tokens = [...raw.matchAll(NUMBER_TOKEN)];
  const pick = wantPercent
    ? tokens.filter((match) => raw.slice((match.index ?? 0) + match[0].length).trimStart().startsWith('%')).pop()
    : tokens.find((match) => readNumber(match[0]) === figure.value);
  if (!pick) return undefined;
  const token = wantPercent ? `${pick[0]}%` : pick[0];
  const tokenAt = rawAt + (pick.index ?? 0);
  const occurrences = standalone(token, quote);
  const occurrence = occurrences.indexOf(tokenAt) + 1;
  return occurrence > 0 ? { token, occurrence } : undefined;
}

function standaloneSpan(raw: string, quote: string, occurrence: number): number {
  const all: number[] = [];
  for (let at = quote.indexOf(raw); at >= 0; at = quote.indexOf(raw, at + 1)) if (!/\d/u.test(quote[at - 1] ?? '') && !/\d/u.test(quote[at + raw.length] ?? '')) all.push(at);
  return all[occurrence - 1] ?? -1;
}

/** "5.388" → 5388, "0,76" → 0.76, "4 106" → 4106: enough for the tokens the gold points at. */
function readNumber(token: string): number {
  const t = token.replace(/%$/u, '');
  if (/^\d{1,3}(?:[.  ]\d{3})+$/u.test(t)) return Number(t.replace(/[.  ]/gu, ''));
  if (/^\d{1,3}(?:,\d{3})+$/u.test(t) && t.length > 4) return Number(t.replace(/,/gu, ''));
  return Number(t.replace(',', '.'));
}

/** A new number written the way the old one was: same grouping mark, decimals and leading zeros. */
function writeLike(token: string, value: number): string {
  const percent = token.endsWith('%');
  const t = percent ? token.slice(0, -1) : token;
  const decimal = /([.,])(\d{1,2})$/u.exec(t);
  const decimalMark = decimal?.[1];
  const decimals = decimal?.[2]?.length ?? 0;
  const group = /^\d{1,3}([.,  ])\d{3}/u.exec(t)?.[1];
  let body = decimals > 0 ? value.toFixed(decimals).replace('.', decimalMark!) : String(Math.round(value));
  if (group && decimals === 0) body = body.replace(/\B(?=(\d{3})+(?!\d))/gu, group);
  if (/^0\d/u.test(t) && body.length < t.length) body = body.padStart(t.length, '0');
  return percent ? `${body}%` : body;
}

/** A slip of the pen: a count off by a round step, a percentage off by three points. */
function slipped(value: number, percent: boolean): number {
  if (percent) return value + 3 <= 100 ? Number((value + 3).toFixed(4)) : Number((value - 3).toFixed(4));
  if (value >= 1000) return value + 100;
  if (value >= 100) return value + 10;
  if (value >= 10) return value + 3;
  return value + 2;
}

function sitesOf(report: CorpusReport, perReport: number): Site[] {
  const { gold } = report;
  const sites: Site[] = [];
  const figures = gold.figures;
  const add = (kind: SiteKind, figure: CorpusGoldFigure, newValue: number | undefined, percent: boolean, what: string) => {
    if (sites.filter((site) => site.kind === kind).length >= perReport) return;
    const where = tokenOf(figure, percent);
    if (!where || newValue === undefined) return;
    sites.push({ id: report.id, kind, quote: figure.quote, token: where.token, occurrence: where.occurrence, newToken: writeLike(where.token, newValue), newValue, what });
  };
  for (const breakdown of gold.breakdowns) {
    const total = figures[breakdown.parent];
    const parts = figures.filter((figure) => figure.parent === breakdown.parent && figure.breakdown === breakdown.breakdown);
    if (!total || parts.length === 0 || total.unit === 'percent' || parts.some((part) => part.unit === 'percent')) continue;
    const sum = parts.reduce((accumulator, part) => accumulator + part.value, 0);
    const last = parts[parts.length - 1]!;
    if (breakdown.complete && parts.length >= 2 && sum === total.value) {
      const kind: SiteKind = breakdown.breakdown === 'status' ? 'status' : 'breakdown';
      add(kind, last, slipped(last.value, false), false, `${total.value} = ${parts.map((part) => part.value).join(' + ')}: ${last.value} → ${slipped(last.value, false)}`);
    } else if (!breakdown.complete && sum <= total.value) {
      add('part-whole', last, slipped(total.value, false), false, `${last.value} ≤ ${total.value}: ${last.value} → ${slipped(total.value, false)}, above the whole`);
    }
  }
  for (const figure of figures) {
    if (figure.percent === null || figure.unit === 'percent') continue;
    if (figure.denominator !== null) add('ratio', figure, slipped(figure.percent, true), true, `${figure.value}/${figure.denominator} = ${figure.percent}%: percent → ${slipped(figure.percent, true)}`);
    else if (figure.base !== undefined || figure.parent !== undefined) add('share', figure, slipped(figure.percent, true), true, `${figure.value} = ${figure.percent}% of its base: percent → ${slipped(figure.percent, true)}`);
  }
  const groups = new Map<string, CorpusGoldFigure[]>();
  for (const figure of figures) {
    if (figure.metric === null || figure.unit === 'percent' || figure.change_vs !== undefined) continue;
    const key = [figure.metric, figure.value, figure.year, figure.procedure, figure.subject, figure.period, figure.scope, figure.as_of].join('|');
    groups.set(key, [...(groups.get(key) ?? []), figure]);
  }
  for (const group of groups.values()) {
    const distinct = group.filter((figure, index) => group.findIndex((other) => fold(other.quote) === fold(figure.quote)) === index);
    if (distinct.length < 2) continue;
    const second = distinct[1]!;
    add('restatement', second, slipped(second.value, false), false, `${second.metric} ${second.value} stated ${distinct.length}×: the second → ${slipped(second.value, false)}`);
  }
  return sites;
}

// ------------------------------------------------------------------------------------------ running

interface Outcome {
  site: Site;
  format: CorpusFormat;
  caught: boolean;
  newAlarms: string[];
}

const key = (finding: Finding) => `${finding.rule} [${[...finding.values].sort((a, b) => a - b).join(';')}]`;

async function findingsOf(path: string, name: string): Promise<Finding[]> {
  return (await processBytes(readFileSync(path), name)).result.findings;
}

export async function runMutations(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({ args: [...argv], options: { formats: { type: 'string' }, 'per-report': { type: 'string' }, ids: { type: 'string' }, list: { type: 'boolean' }, json: { type: 'string' } }, strict: false });
  const haveSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
  const wanted = (typeof values.formats === 'string' ? values.formats.split(',') : ['txt', 'a.docx', 'b.docx', 'a.pdf', 'b.pdf']) as CorpusFormat[];
  const formats = wanted.filter((format) => haveSoffice || (format !== 'b.docx' && format !== 'a.pdf'));
  if (formats.length < wanted.length) console.log(`LibreOffice (soffice) is not installed: ${wanted.filter((format) => !formats.includes(format)).join(', ')} not planted.`);
  const perReport = Number(values['per-report'] ?? 2);
  const ids = typeof values.ids === 'string' ? values.ids.split(',') : undefined;
  const reports = loadCorpus(ROOT, { formats, ...(ids ? { ids } : {}) });

  const sites = reports.flatMap((report) => sitesOf(report, perReport));
  const models: NamedModel[] = [];
  const planted: Array<{ site: Site; name: string }> = [];
  const skipped: string[] = [];
  for (const [index, site] of sites.entries()) {
    const model = parseSource(readFileSync(join(ROOT, 'fixtures/corpus/sources', `${site.id}.src`), 'utf8'));
    try {
      const location = locateNumber(model, { quote: site.quote, raw: site.token, occurrence: site.occurrence });
      const name = `${site.id}__m${index}`;
      models.push({ id: name, model: replaceNumber(model, location, site.newToken) });
      planted.push({ site, name });
    } catch (error) {
      skipped.push(`${site.id} ${site.kind} «${site.token}»: ${(error as Error).message.slice(0, 120)}`);
    }
  }
  const work = mkdtempSync(join(tmpdir(), 'solieu-mutations-'));
  const started = performance.now();
  try {
    await renderAll(models, work, formats.filter((format): format is Producer => format !== 'scan.pdf'));
    const baselines = new Map<string, Set<string>>();
    const outcomes: Outcome[] = [];
    for (const { site, name } of planted) {
      for (const format of formats) {
        const baseKey = `${site.id}.${format}`;
        if (!baselines.has(baseKey)) baselines.set(baseKey, new Set((await findingsOf(join(ROOT, 'fixtures/corpus/files', baseKey), baseKey)).map(key)));
        const before = baselines.get(baseKey)!;
        const after = await findingsOf(join(work, `${name}.${format}`), `${site.id}.${format}`);
        const fresh = after.filter((finding) => !before.has(key(finding)) && !finding.rule.startsWith('ingest.'));
        const accepted: readonly string[] = SITE_KINDS[site.kind];
        const caught = fresh.some((finding) => accepted.includes(finding.rule) && finding.values.some((value) => Math.abs(value - site.newValue) < 1e-9));
        const newAlarms = fresh.filter((finding) => finding.severity !== 'info' && !finding.values.some((value) => Math.abs(value - site.newValue) < 1e-9)).map(key);
        outcomes.push({ site, format, caught, newAlarms });
      }
    }
    report(outcomes, formats, skipped, values.list === true, ((performance.now() - started) / 1000).toFixed(0));
    if (typeof values.json === 'string') {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(values.json, `${JSON.stringify(summarise(outcomes), null, 2)}\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function summarise(outcomes: readonly Outcome[]) {
  const byKind: Record<string, { planted: number; caught: number; newAlarms: number }> = {};
  for (const outcome of outcomes) {
    const entry = (byKind[outcome.site.kind] ??= { planted: 0, caught: 0, newAlarms: 0 });
    entry.planted++;
    if (outcome.caught) entry.caught++;
    entry.newAlarms += outcome.newAlarms.length;
  }
  return byKind;
}

function report(outcomes: readonly Outcome[], formats: readonly CorpusFormat[], skipped: readonly string[], list: boolean, seconds: string): void {
  const sites = new Set(outcomes.map((outcome) => outcome.site));
  console.log(`\n=== Planted errors (one per variant, at consistent places of the blind gold), ${sites.size} sites × ${formats.length} formats, ${seconds} s ===\n`);
  const percent = (part: number, whole: number) => (whole === 0 ? '    –' : `${((100 * part) / whole).toFixed(1)}%`.padStart(6));
  const header = `${'kind'.padEnd(12)} ${'planted'.padStart(7)} ${'caught'.padStart(6)} ${'recall'.padStart(6)} ${'new alarms'.padStart(10)}   ${formats.map((format) => format.padStart(7)).join(' ')}`;
  console.log(header);
  const kinds = Object.keys(SITE_KINDS) as SiteKind[];
  const line = (name: string, rows: readonly Outcome[]) => {
    const caught = rows.filter((outcome) => outcome.caught).length;
    const alarms = rows.reduce((sum, outcome) => sum + outcome.newAlarms.length, 0);
    const perFormat = formats.map((format) => {
      const own = rows.filter((outcome) => outcome.format === format);
      return percent(own.filter((outcome) => outcome.caught).length, own.length).padStart(7);
    });
    console.log(`${name.padEnd(12)} ${String(rows.length).padStart(7)} ${String(caught).padStart(6)} ${percent(caught, rows.length)} ${String(alarms).padStart(10)}   ${perFormat.join(' ')}`);
  };
  for (const kind of kinds) {
    const rows = outcomes.filter((outcome) => outcome.site.kind === kind);
    if (rows.length > 0) line(kind, rows);
  }
  console.log('-'.repeat(header.length));
  line('all', outcomes);
  if (skipped.length > 0) console.log(`\n${skipped.length} gold sites could not be located in their source (not planted)${list ? `:\n  ${skipped.join('\n  ')}` : ' (--list)'}`);
  if (list) {
    for (const outcome of outcomes) {
      if (outcome.caught && outcome.newAlarms.length === 0) continue;
      console.log(`${outcome.caught ? 'caught' : 'MISSED'} ${outcome.site.id}.${outcome.format} ${outcome.site.kind}: ${outcome.site.what}${outcome.newAlarms.length > 0 ? ` — new alarms: ${outcome.newAlarms.join(', ')}` : ''}`);
    }
  }
}

if (process.argv[1]?.endsWith('eval-mutations.ts')) await runMutations(process.argv.slice(2));
