/**
 * Metrics that are parts of other metrics by definition, with the same year and procedure: a level-2
 * account is an account, a dossier resolved on time was received. Used by part-exceeds-whole for figures
 * that the text does not link as "trong đó" parts.
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
