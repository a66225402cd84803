/**
 * Which value heads a report: the one number a spreadsheet user means by "the report's received dossiers" or "its
 * accounts", and the one the checks across reports compare. A report states many values of one metric — a year's
 * part and the total, the month's count and the running total, a commune's row in a district's table, last year's
 * figure for comparison — and only one is its own value for its own period.
 *
 * The rule, for one report and one metric:
 *
 * 1. Only the report's own figures for its own period: no `subject` (a roll-up's row is its unit's value, below), no
 *    `period` of its own (a comparison with last year, the first half in a monthly report), no `year` other than the
 *    one the report's period lies in, no `procedure` (a procedure's count is a part), no percentage (a rate is not a
 *    count), and not a part of a figure of the same metric (a field's or a channel's share of the total).
 * 2. The kind of the metric (rules/measures.ts) says which of them: a `flow` (dossiers, applications, outreach) heads
 *    with the period's own count, not a running total; a `stock` (accounts, cards, digitised dossiers) with its running
 *    total ("lũy kế", "tính đến", "nâng tổng số … lên"), not what was done in the period; a `level` (population,
 *    villages, tasks) with what it states.
 * 3. Among those: an exact value before an approximate one ("hơn 200"); for a running total, the latest date it counts
 *    to; then the first in reading order (the summary sentence comes before the table that repeats it).
 *
 * A roll-up's row for a unit ("3 Xã Hồng Phong 126 111 …") heads that unit's values by the same rule, as stated by the
 * roll-up: rollup.csv uses them for a unit whose own report is not in the batch, the checks compare them with it.
 */
import type { DocumentMetadata, DocumentResult, Figure, Location } from '../model/index.ts';
import { kindOf, SAME_COUNT, type MeasureKind } from '../../rules/measures.ts';
import { parsePeriod, type PeriodSpan } from './periods.ts';
import { yearOfPeriod } from '../extract/qualifiers.ts';

/** What one figure keeps for the batch: enough to pick heads, compare, and quote it. */
export interface BatchFigure {
  id: string;
  metric: string;
  value: number;
  denominator?: number;
  unit: string;
  year?: number;
  qualifier?: Figure['qualifier'];
  cumulative?: boolean;
  asOf?: string;
  period?: string;
  subject?: string;
  raw: string;
  evidence: string;
  location: Location;
}

/** A document as the batch keeps it once read: its identity and the figures that can head a value. */
export interface BatchReport {
  /** Position in the batch (output order). */
  index: number;
  file: string;
  metadata: Omit<DocumentMetadata, 'evidence'>;
  figures: BatchFigure[];
}

/** Documents whose figures are results: a plan's are targets, a công văn's are someone else's. */
const RESULT_TYPES = new Set<string | undefined>([undefined, 'report', 'rollup', 'statistics', 'inspection', 'news']);

/**
 * The part of a document result the batch keeps (memory grows with the batch, so only figures that may head a value,
 * with their quotes). Unreadable files and plans keep no figures.
 */
export function summarizeForBatch(document: DocumentResult, index: number): BatchReport {
  const { evidence: _evidence, ...metadata } = document.metadata;
  void _evidence;
  const byId = new Map(document.figures.map((figure) => [figure.id, figure]));
  const usable = document.status === 'ok' && RESULT_TYPES.has(metadata.docType);
  const figures: BatchFigure[] = [];
  if (usable) {
    for (const figure of document.figures) {
      if (figure.procedure !== undefined || figure.unit === 'percent' || figure.period === 'previous') continue;
      const parent = figure.parentId === undefined ? undefined : byId.get(figure.parentId);
      // A part of a total of the same metric (a field's, a procedure's, a unit's share) is not the total — unless it is
      // a unit's row, which heads that unit.
      if (parent && parent.metric === figure.metric && !figure.subject) continue;
      figures.push({
        id: figure.id,
        metric: figure.metric,
        value: figure.value,
        ...(figure.denominator !== undefined ? { denominator: figure.denominator } : {}),
        unit: figure.unit,
        ...(figure.year !== undefined ? { year: figure.year } : {}),
        ...(figure.qualifier !== undefined ? { qualifier: figure.qualifier } : {}),
        ...(figure.cumulative ? { cumulative: true } : {}),
        ...(figure.asOf !== undefined ? { asOf: figure.asOf } : {}),
        ...(figure.period !== undefined ? { period: figure.period } : {}),
        ...(figure.subject !== undefined ? { subject: figure.subject } : {}),
        raw: figure.raw,
        evidence: figure.evidence,
        location: figure.location,
      });
    }
  }
  return { index, file: document.file, metadata, figures };
}

/** `period`: the period's own count; `level`: a running total or a state, counted to `date`; `running`: a flow's running total. */
export type SeriesType = 'period' | 'level' | 'running';

/** One value a report states for a unit, a period and a series, chosen by the rule above. */
export interface Head {
  file: string;
  reportIndex: number;
  /** The issuer's key when the report states it of itself, else the row's unit (resolved by the caller). */
  subject?: string;
  period: PeriodSpan;
  metric: string;
  kind: MeasureKind;
  type: SeriesType;
  value: number;
  /** Other values of the same standing the report also states (a restatement that differs). */
  alternatives: number[];
  /** The day a running total or a state is counted to. */
  date: string;
  figure: BatchFigure;
}

function seriesTypeOf(kind: MeasureKind, cumulative: boolean): SeriesType {
  if (kind === 'level') return 'level';
  if (kind === 'stock') return cumulative ? 'level' : 'period';
  return cumulative ? 'running' : 'period';
}

/**
 * Heads of one report: for each subject (undefined = the issuer itself), period and series, the value the rule picks.
 * `eid.activated` is read as `eid.level2` in a report that states no `eid.level2` of that series (rules/measures.ts).
 */
export function headsOf(report: BatchReport): Head[] {
  // A report whose period is unknown still heads its own values (reports.csv); the batch compares it with nothing.
  const reportSpan = parsePeriod(report.metadata.period) ?? { key: report.metadata.period ?? '', start: '', end: '' };
  const reportYear = yearOfPeriod(report.metadata.period);
  const groups = new Map<string, { subject?: string; period: PeriodSpan; metric: string; kind: MeasureKind; type: SeriesType; figures: BatchFigure[] }>();
  for (const figure of report.figures) {
    let period = reportSpan;
    if (figure.period !== undefined) {
      const own = parsePeriod(figure.period);
      if (!own) continue;
      period = own;
    } else if (figure.year !== undefined && figure.year !== reportYear) {
      const own = parsePeriod(String(figure.year));
      if (!own) continue;
      period = own;
    }
    const cumulative = figure.cumulative === true || figure.asOf !== undefined;
    const kind = kindOf(figure.metric, cumulative);
    const type = seriesTypeOf(kind, cumulative);
    const key = `${figure.subject ?? ''}\u0000${period.key}\u0000${figure.metric}\u0000${type}`;
    const group = groups.get(key) ?? { ...(figure.subject !== undefined ? { subject: figure.subject } : {}), period, metric: figure.metric, kind, type, figures: [] };
    group.figures.push(figure);
    groups.set(key, group);
  }
  for (const [canonical, alias] of SAME_COUNT) {
    for (const [key, group] of [...groups]) {
      if (group.metric !== alias) continue;
      const canonicalKey = key.replace(`\u0000${alias}\u0000`, `\u0000${canonical}\u0000`);
      if (groups.has(canonicalKey)) continue;
      groups.delete(key);
      groups.set(canonicalKey, { ...group, metric: canonical, kind: kindOf(canonical, group.type !== 'period') });
    }
  }
  const heads: Head[] = [];
  for (const group of groups.values()) {
    const ranked = [...group.figures].sort((a, b) => rank(a, group.period) - rank(b, group.period) || dateOf(b, group.period).localeCompare(dateOf(a, group.period)) || 0);
    const best = ranked[0]!;
    const sameStanding = ranked.filter((figure) => rank(figure, group.period) === rank(best, group.period) && dateOf(figure, group.period) === dateOf(best, group.period));
    const alternatives = [...new Set(sameStanding.map((figure) => figure.value).filter((value) => value !== best.value))];
    heads.push({
      file: report.file,
      reportIndex: report.index,
      ...(group.subject !== undefined ? { subject: group.subject } : {}),
      period: group.period,
      metric: group.metric,
      kind: group.kind,
      type: group.type,
      value: best.value,
      alternatives,
      date: dateOf(best, group.period),
      figure: best,
    });
  }
  return heads;
}

/** 0 for an exact value, 1 for an approximate one. Array.sort is stable: reading order decides the rest. */
function rank(figure: BatchFigure, _period: PeriodSpan): number {
  return figure.qualifier === undefined ? 0 : 1;
}

function dateOf(figure: BatchFigure, period: PeriodSpan): string {
  return figure.asOf && /^\d{4}-\d{2}-\d{2}$/u.test(figure.asOf) ? figure.asOf : period.end;
}

/** The series a metric's rollup.csv column shows: the period's count for a flow, the running total for a stock, else the level. */
export function columnSeries(metric: string): SeriesType {
  const kind = kindOf(metric, false);
  return kind === 'flow' ? 'period' : 'level';
}

/**
 * reports.csv's metric columns: the report's own value for its own period of each metric (the rule above), the
 * column's series (`columnSeries`): a flow's count of the period, a stock's running total, a level as stated.
 */
export function ownColumnValues(document: DocumentResult): Map<string, number> {
  const summary = summarizeForBatch({ ...document, status: 'ok' }, 0);
  const own = document.metadata.period ?? '';
  const values = new Map<string, number>();
  for (const head of headsOf(summary)) {
    if (head.subject !== undefined || head.period.key !== own || head.type !== columnSeries(head.metric)) continue;
    if (!values.has(head.metric)) values.set(head.metric, head.value);
  }
  return values;
}
