/**
 * Metrics that are parts of other metrics by definition, with the same year and procedure: a level-2
 * account is an account, a dossier resolved on time was received. Used by part-exceeds-whole for figures
 * that the text does not link as "trong đó" parts, and by the breakdown linker to refuse links no report
 * means (on-time dossiers are not a part of the returned ones, however the lines were laid out).
 */
export const CONTAINED_IN: ReadonlyArray<{ part: string; whole: string }> = [
  { part: 'eid.level1', whole: 'eid.accounts' },
  { part: 'eid.level2', whole: 'eid.accounts' },
  { part: 'eid.activated', whole: 'eid.accounts' },
  { part: 'tasks.completed', whole: 'tasks.assigned' },
  { part: 'tasks.unfinished', whole: 'tasks.assigned' },
  { part: 'tasks.in_progress', whole: 'tasks.assigned' },
  { part: 'tasks.recurring', whole: 'tasks.assigned' },
  { part: 'tasks.overdue', whole: 'tasks.assigned' },
  { part: 'dossiers.online', whole: 'dossiers.received' },
  { part: 'dossiers.direct', whole: 'dossiers.received' },
  { part: 'services.full_online', whole: 'services.essential' },
];

/** Outcomes of dossiers: each is a part of what was received (or resolved), none a part of another. */
const DOSSIER_OUTCOMES = ['dossiers.resolved', 'dossiers.on_time', 'dossiers.early', 'dossiers.late', 'dossiers.in_progress', 'dossiers.returned', 'dossiers.supplement', 'dossiers.due'];
/** How dossiers came in: a part of any count of dossiers (received, resolved, on time …). */
const DOSSIER_CHANNELS = ['dossiers.online', 'dossiers.direct'];

/**
 * Can a figure of metric `part` be a stated part of a total of metric `whole`? The same metric always can
 * (a split by procedure, year or kind); otherwise only along the relations above. Figures of metrics the
 * catalog does not relate (a count of services "trong đó" a count of dossiers) never are.
 */
export function canContain(whole: string, part: string): boolean {
  if (whole === part) return true;
  if (CONTAINED_IN.some((relation) => relation.whole === whole && relation.part === part)) return true;
  if (DOSSIER_OUTCOMES.includes(part)) return whole === 'dossiers.received' || (whole === 'dossiers.resolved' && part !== 'dossiers.resolved' && part !== 'dossiers.in_progress' && part !== 'dossiers.returned' && part !== 'dossiers.supplement');
  if (DOSSIER_CHANNELS.includes(part)) return whole === 'dossiers.received' || DOSSIER_OUTCOMES.includes(whole);
  if (part === 'dossiers.carried_over') return false;
  return whole.split('.')[0] === part.split('.')[0] && whole.endsWith('.received');
}
