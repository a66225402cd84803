/**
 * The explicit list of part–whole relations between metrics. Adding one is adding a file here and a line
 * below; test/relations.test.ts runs every relation's examples through the whole pipeline and fails for a
 * file that is not listed.
 */
import type { Relation } from '../../src/check/relation.ts';
import dossiersDue from './dossiers-due.ts';
import dossiersReceived from './dossiers-received.ts';
import dossiersResolved from './dossiers-resolved.ts';
import eidAccounts from './eid-accounts.ts';
import eidApplications from './eid-applications.ts';
import eidLevel2 from './eid-level2.ts';
import population from './population.ts';
import proceduresPublished from './procedures-published.ts';
import servicesEssential from './services-essential.ts';
import tasksAssigned from './tasks-assigned.ts';
import tasksUnfinished from './tasks-unfinished.ts';

export const RELATIONS: readonly Relation[] = [
  dossiersDue,
  dossiersReceived,
  dossiersResolved,
  eidAccounts,
  eidApplications,
  eidLevel2,
  population,
  proceduresPublished,
  servicesEssential,
  tasksAssigned,
  tasksUnfinished,
];
