import type { Document, Evidence, Figure, Quantity, Severity } from '../model/index.ts';
import type { RelationIndex } from './relation.ts';

/**
 * A consistency check, shaped after an ESLint rule: `meta` says what it is and how it speaks; `check`
 * looks at a document's figures and reports problems by `messageId`. A check never chooses its own
 * severity — configuration does (src/check/config.ts) — and it ships `valid` and `invalid` cases, report
 * snippets that the test-suite runs through the whole pipeline (test/checks.test.ts).
 */
export interface CheckMeta {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** Vietnamese message templates; `{{name}}` is replaced by `data.name` (numbers in Vietnamese format). */
  messages: Record<string, string>;
}

export interface CheckProblem {
  messageId: string;
  /** Values for the template. Numbers are written the Vietnamese way ("6.702", "99,81"). */
  data?: Record<string, string | number>;
  /** Every number involved, in a fixed order (they are part of the fingerprint). */
  values: number[];
  /** The value the check recomputed, where there is one (99.81 for a stated 91%). */
  expected?: number;
  /** The figures (or other quantities) the finding is about: their sentences become its evidence, in this order. */
  figures?: readonly (Figure | Quantity)[];
  /** Evidence that is not a figure (the list items counted by count-list-mismatch). */
  evidence?: readonly Evidence[];
  /** What linked the numbers (the marker or structure), shown with the finding. */
  why?: string;
  /** Tells apart two problems of this check on the same numbers in one document. */
  discriminator?: string;
}

export interface CheckContext {
  file: string;
  document: Document;
  /** The catalog figures. */
  figures: readonly Figure[];
  /** Every counted number, figures included: what sums, bounds and ratios are checked over. */
  quantities: readonly Quantity[];
  /** Which metric is a part of which (rules/relations/): the checks read relations, never metric ids. */
  relations: RelationIndex;
  /** The one year the report's period lies in (figures stamped with it are of the report's own period). */
  reportYear?: number;
  /** Any quantity by id (a part's total, a rate's base). */
  figureById: ReadonlyMap<string, Quantity>;
  report(problem: CheckProblem): void;
}

export interface CheckCase {
  /** What the case shows, for the test's name. */
  name: string;
  /**
   * A report snippet read like a .txt report (one line per line; "-"/"+" items, "Năm 2022:" labels …);
   * consecutive lines starting with "|" form a table whose cells are separated by "|".
   */
  text: string;
}

export interface InvalidCheckCase extends CheckCase {
  errors: Array<{ messageId: string; values: number[] }>;
}

export interface CheckRule {
  meta: CheckMeta;
  check(context: CheckContext): void;
  tests: { valid: CheckCase[]; invalid: InvalidCheckCase[] };
}

/** Checked when the rule file loads: a check without both kinds of case is refused. */
export function defineCheck(rule: CheckRule): CheckRule {
  if (rule.tests.valid.length === 0 || rule.tests.invalid.length === 0) {
    throw new Error(`check ${rule.meta.id}: needs at least one valid and one invalid case`);
  }
  for (const invalid of rule.tests.invalid) {
    for (const error of invalid.errors) {
      if (!(error.messageId in rule.meta.messages)) throw new Error(`check ${rule.meta.id}: unknown messageId ${error.messageId} in case "${invalid.name}"`);
    }
  }
  return rule;
}
