/**
 * What kind of count each catalog metric is, for comparing reports with each other (src/province/): which value
 * heads a report in rollup.csv, which counts may only grow, which add up over months. Knowledge, not code: a new
 * metric is a line here (a metric left out is read by its figures' own words, see `kindOf`).
 *
 * - `level`: a state at a moment — villages, households, population, tasks, services and procedures in place. The
 *   report's value is the one it states, running total or not.
 * - `stock`: a running total of what was done since the programme began — accounts, cards issued, dossiers digitised.
 *   The report's value is its running total ("lũy kế", "tính đến", "nâng tổng số … lên"); a count of the same thing
 *   done within the period ("đã trả 75 thẻ" in the month) is the period's activity, not the stock. A stock never goes
 *   down (`cumulative-decrease`).
 * - `flow`: what happened within the period — dossiers received, resolved, online; applications; outreach. The
 *   report's value is the period's own count; a quarter's flow is the sum of its months (`ytd-mismatch`); a flow
 *   stated as a running total ("lũy kế từ đầu năm") is kept apart.
 */
export type MeasureKind = 'level' | 'stock' | 'flow';

export const METRIC_KINDS: Readonly<Record<string, MeasureKind>> = {
  villages: 'level',
  households: 'level',
  population: 'level',
  area_km2: 'level',
  'tasks.assigned': 'level',
  'tasks.completed': 'level',
  'tasks.unfinished': 'level',
  'tasks.recurring': 'level',
  'tasks.in_progress': 'level',
  'tasks.overdue': 'level',
  'services.essential': 'level',
  'services.full_online': 'level',
  'services.partial_online': 'level',
  'procedures.published': 'level',
  smartphone_rate: 'level',
  'eid.accounts': 'stock',
  'eid.level1': 'stock',
  'eid.level2': 'stock',
  'eid.activated': 'stock',
  'idcards.issued': 'stock',
  'digitized.dossiers': 'stock',
  'digitized.results': 'stock',
  'eid.applications': 'flow',
  'idcards.applications': 'flow',
  'dossiers.received': 'flow',
  'dossiers.resolved': 'flow',
  'dossiers.due': 'flow',
  'dossiers.early': 'flow',
  'dossiers.online': 'flow',
  'dossiers.direct': 'flow',
  'dossiers.on_time': 'flow',
  'dossiers.late': 'flow',
  'dossiers.in_progress': 'level',
  'dossiers.returned': 'flow',
  'dossiers.supplement': 'flow',
  'dossiers.carried_over': 'level',
  'outreach.posts': 'flow',
  'outreach.broadcasts': 'flow',
  'outreach.meetings': 'flow',
  'outreach.participants': 'flow',
};

/** A metric's kind; one not listed is a stock when its figure is a running total, else a flow. */
export function kindOf(metric: string, cumulative: boolean): MeasureKind {
  return METRIC_KINDS[metric] ?? (cumulative ? 'stock' : 'flow');
}

/**
 * Metrics that count the same thing under two ids, as the blind corpus's readers found ("tài khoản định danh điện
 * tử mức 2 đã kích hoạt" is read as `eid.level2` by some and `eid.activated` by others): the batch compares them as one.
 */
/** [the id compared, the id read as the same count]. */
export const SAME_COUNT: ReadonlyArray<readonly [string, string]> = [['eid.level2', 'eid.activated']];

/**
 * The rates an auditor compares across units (`peer-outlier`, the page's charts): numerator over denominator, both
 * the report's own values for its period, in percent. `minGap` is how many percentage points from the peers' median a
 * rate must be, besides a robust z-score over 3.5, to be called far: a spread of a few points between mountain and
 * lowland communes is the province's reality, not an error.
 */
export interface RateDefinition {
  id: string;
  label: string;
  numerator: string;
  denominator: string;
  minGap: number;
}

export const RATES: readonly RateDefinition[] = [
  { id: 'online-share', label: 'Tỷ lệ hồ sơ nộp trực tuyến', numerator: 'dossiers.online', denominator: 'dossiers.received', minGap: 10 },
  { id: 'on-time-share', label: 'Tỷ lệ hồ sơ giải quyết đúng hạn', numerator: 'dossiers.on_time', denominator: 'dossiers.resolved', minGap: 5 },
  { id: 'eid-level2-per-population', label: 'Tài khoản định danh mức 2 trên dân số', numerator: 'eid.level2', denominator: 'population', minGap: 10 },
  { id: 'idcards-per-population', label: 'Thẻ Căn cước đã cấp trên dân số', numerator: 'idcards.issued', denominator: 'population', minGap: 10 },
];
