/**
 * The explicit list of rules. Adding a metric is adding a file in rules/metrics/ and a line here;
 * the test-suite fails for a file that is not listed (test/rules.test.ts).
 */
import type { MetricRule } from '../src/extract/rule.ts';
import areaKm2 from './metrics/area_km2.ts';
import digitizedDossiers from './metrics/digitized.dossiers.ts';
import digitizedResults from './metrics/digitized.results.ts';
import dossiersCarriedOver from './metrics/dossiers.carried_over.ts';
import dossiersDirect from './metrics/dossiers.direct.ts';
import dossiersDue from './metrics/dossiers.due.ts';
import dossiersEarly from './metrics/dossiers.early.ts';
import dossiersInProgress from './metrics/dossiers.in_progress.ts';
import dossiersLate from './metrics/dossiers.late.ts';
import dossiersOnTime from './metrics/dossiers.on_time.ts';
import dossiersOnline from './metrics/dossiers.online.ts';
import dossiersReceived from './metrics/dossiers.received.ts';
import dossiersResolved from './metrics/dossiers.resolved.ts';
import dossiersReturned from './metrics/dossiers.returned.ts';
import dossiersSupplement from './metrics/dossiers.supplement.ts';
import eidAccounts from './metrics/eid.accounts.ts';
import eidActivated from './metrics/eid.activated.ts';
import eidApplications from './metrics/eid.applications.ts';
import eidLevel1 from './metrics/eid.level1.ts';
import eidLevel2 from './metrics/eid.level2.ts';
import households from './metrics/households.ts';
import idcardsApplications from './metrics/idcards.applications.ts';
import idcardsIssued from './metrics/idcards.issued.ts';
import outreachBroadcasts from './metrics/outreach.broadcasts.ts';
import outreachMeetings from './metrics/outreach.meetings.ts';
import outreachParticipants from './metrics/outreach.participants.ts';
import outreachPosts from './metrics/outreach.posts.ts';
import population from './metrics/population.ts';
import proceduresPublished from './metrics/procedures.published.ts';
import servicesEssential from './metrics/services.essential.ts';
import servicesFullOnline from './metrics/services.full_online.ts';
import servicesPartialOnline from './metrics/services.partial_online.ts';
import smartphoneRate from './metrics/smartphone_rate.ts';
import tasksAssigned from './metrics/tasks.assigned.ts';
import tasksCompleted from './metrics/tasks.completed.ts';
import tasksInProgress from './metrics/tasks.in_progress.ts';
import tasksOverdue from './metrics/tasks.overdue.ts';
import tasksRecurring from './metrics/tasks.recurring.ts';
import tasksUnfinished from './metrics/tasks.unfinished.ts';
import villages from './metrics/villages.ts';

export const METRIC_RULES: readonly MetricRule[] = [
  areaKm2,
  digitizedDossiers,
  digitizedResults,
  dossiersCarriedOver,
  dossiersDirect,
  dossiersDue,
  dossiersEarly,
  dossiersInProgress,
  dossiersLate,
  dossiersOnTime,
  dossiersOnline,
  dossiersReceived,
  dossiersResolved,
  dossiersReturned,
  dossiersSupplement,
  eidAccounts,
  eidActivated,
  eidApplications,
  eidLevel1,
  eidLevel2,
  households,
  idcardsApplications,
  idcardsIssued,
  outreachBroadcasts,
  outreachMeetings,
  outreachParticipants,
  outreachPosts,
  population,
  proceduresPublished,
  servicesEssential,
  servicesFullOnline,
  servicesPartialOnline,
  smartphoneRate,
  tasksAssigned,
  tasksCompleted,
  tasksInProgress,
  tasksOverdue,
  tasksRecurring,
  tasksUnfinished,
  villages,
];
