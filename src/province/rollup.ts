/**
 * rollup.csv (and the workbook's first sheet): one row per unit and period, one column per catalog metric, each the
 * report's own value for its period by the rule of src/province/heads.ts — the period's count for a flow, the running
 * total for a stock, the stated level otherwise — with the file it came from. A unit's own report gives its row; a
 * unit the batch knows only from a roll-up's rows (a commune in a district's quarterly table) gets a row from that
 * roll-up (`source` = `rollup`). A unit that sent a period twice gets the row of the copy dated last (else the later
 * file), the others named in `also_in`.
 */
import type { RollupRow } from '../model/index.ts';
import { columnSeries } from './heads.ts';
import { tierOf } from './units.ts';
import type { ProvinceView, UnitValue } from './view.ts';

/** The catalog's metrics in the contract's order: rollup.csv's metric columns. */
export const ROLLUP_METRICS = [
  'villages', 'households', 'population', 'area_km2',
  'tasks.assigned', 'tasks.completed', 'tasks.unfinished', 'tasks.recurring', 'tasks.in_progress', 'tasks.overdue',
  'eid.accounts', 'eid.level1', 'eid.level2', 'eid.activated', 'eid.applications',
  'idcards.issued', 'idcards.applications',
  'dossiers.received', 'dossiers.resolved', 'dossiers.due', 'dossiers.early', 'dossiers.online', 'dossiers.direct', 'dossiers.on_time',
  'dossiers.late', 'dossiers.in_progress', 'dossiers.returned', 'dossiers.supplement', 'dossiers.carried_over',
  'digitized.dossiers', 'digitized.results',
  'services.essential', 'services.full_online', 'services.partial_online', 'procedures.published',
  'outreach.posts', 'outreach.broadcasts', 'outreach.meetings', 'outreach.participants',
  'smartphone_rate',
] as const;

const TIER_ORDER = { province: 0, district: 1, commune: 2 } as const;

export function rollupRows(view: ProvinceView): RollupRow[] {
  const parents = new Map<string, string>();
  for (const identity of view.identities) {
    const issuer = identity.unit ? view.unitInfo(identity.unit) : undefined;
    if (!issuer || tierOf(issuer.level) !== 'district') continue;
    for (const unit of view.namedUnits.get(identity.report.file) ?? []) if (!parents.has(unit)) parents.set(unit, issuer.name);
  }

  const rows: RollupRow[] = [];
  const covered = new Set<string>();
  const ownGroups = new Map<string, typeof view.identities>();
  for (const identity of view.identities) {
    if (!identity.unit || !identity.period || identity.report.figures.length === 0) continue;
    const key = `${identity.unit}\u0000${identity.period.key}`;
    ownGroups.set(key, [...(ownGroups.get(key) ?? []), identity]);
  }
  for (const [key, copies] of ownGroups) {
    covered.add(key);
    const chosen = [...copies].sort((a, b) => (a.report.metadata.reportDate ?? '').localeCompare(b.report.metadata.reportDate ?? '') || a.report.index - b.report.index).pop()!;
    const unit = chosen.unit!;
    const values = view.valuesOf(unit).filter((value) => value.own && value.file === chosen.report.file && value.period.key === chosen.period!.key);
    rows.push(row(view, unit, chosen.period!.key, chosen.report.file, 'report', copies.filter((copy) => copy !== chosen).map((copy) => copy.report.file), values, parents, chosen.report.metadata));
  }
  const fromRollups = new Map<string, UnitValue[]>();
  for (const value of view.values) {
    if (value.own) continue;
    const key = `${value.unit}\u0000${value.period.key}`;
    if (covered.has(key)) continue;
    fromRollups.set(key, [...(fromRollups.get(key) ?? []), value]);
  }
  for (const values of fromRollups.values()) {
    const file = values[0]!.file;
    const first = values.filter((value) => value.file === file);
    const others = [...new Set(values.map((value) => value.file))].filter((other) => other !== file);
    rows.push(row(view, first[0]!.unit, first[0]!.period.key, file, 'rollup', others, first, parents));
  }
  return rows.sort(compareRows);
}

function row(
  view: ProvinceView,
  unit: string,
  period: string,
  file: string,
  source: RollupRow['source'],
  alsoIn: string[],
  values: readonly UnitValue[],
  parents: ReadonlyMap<string, string>,
  metadata?: { docType?: string; reportDate?: string },
): RollupRow {
  const info = view.unitInfo(unit);
  const span = values[0]?.period;
  const columns: Record<string, number> = {};
  for (const metric of ROLLUP_METRICS) {
    const series = columnSeries(metric);
    const value = values.find((candidate) => candidate.metric === metric && candidate.type === series);
    if (value) columns[metric] = value.value;
  }
  const district = tierOf(info?.level) === 'commune' ? (info?.district ?? parents.get(unit)) : undefined;
  return {
    unit: view.unitLabel(unit),
    ...(info?.level ? { unitLevel: info.level } : {}),
    unitName: info?.name ?? unit,
    ...(district ? { district } : {}),
    ...(info?.province ? { province: info.province } : {}),
    period,
    ...(span ? { periodStart: span.start, periodEnd: span.end } : {}),
    ...(metadata?.docType ? { docType: metadata.docType } : {}),
    ...(metadata?.reportDate ? { reportDate: metadata.reportDate } : {}),
    file,
    source,
    alsoIn,
    values: columns,
  };
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** A district, then its communes; units by name the Vietnamese way; periods by their last day, a month before the quarter it ends. */
function compareRows(a: RollupRow, b: RollupRow): number {
  const tier = (row: RollupRow) => TIER_ORDER[tierOf(row.unitLevel as never) ?? 'commune'];
  const group = (row: RollupRow) => (tier(row) === 2 ? (row.district ?? '') : tier(row) === 1 ? row.unitName : '');
  return (
    collator.compare(a.province ?? '', b.province ?? '') ||
    collator.compare(group(a), group(b)) ||
    tier(a) - tier(b) ||
    collator.compare(a.unitName, b.unitName) ||
    collator.compare(a.unitLevel ?? '', b.unitLevel ?? '') ||
    (a.periodEnd ?? '').localeCompare(b.periodEnd ?? '') ||
    (b.periodStart ?? '').localeCompare(a.periodStart ?? '') ||
    a.file.localeCompare(b.file)
  );
}
