/** The explicit list of consistency checks (contract: "Check ids"). Adding a check is adding a file and a line here. */
import type { CheckRule } from '../../src/check/rule.ts';
import ambiguousNumber from './ambiguous-number.ts';
import conflictingValues from './conflicting-values.ts';
import countListMismatch from './count-list-mismatch.ts';
import exceedsPopulation from './exceeds-population.ts';
import partExceedsWhole from './part-exceeds-whole.ts';
import percentOutOfRange from './percent-out-of-range.ts';
import ratioMismatch from './ratio-mismatch.ts';
import reconciliation from './reconciliation.ts';
import roundedToFull from './rounded-to-full.ts';
import statusContradiction from './status-contradiction.ts';
import sumMismatch from './sum-mismatch.ts';

export const CHECK_RULES: readonly CheckRule[] = [
  ratioMismatch,
  roundedToFull,
  sumMismatch,
  partExceedsWhole,
  statusContradiction,
  countListMismatch,
  conflictingValues,
  reconciliation,
  percentOutOfRange,
  exceedsPopulation,
  ambiguousNumber,
];
