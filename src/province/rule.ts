/**
 * A check across the reports of one batch, shaped like the per-file checks (src/check/rule.ts): `meta` says what it is
 * and how it speaks, `check` looks at the province view and reports problems by `messageId`; configuration, never the
 * check, chooses the severity. Each ships `valid` and `invalid` example batches — a few short reports as text — that
 * test/batch-checks.test.ts reads through the whole pipeline and then checks as one batch.
 */
import type { Severity } from '../model/index.ts';
import type { BatchFigure } from './heads.ts';
import type { ProvinceView } from './view.ts';

export interface BatchCheckMeta {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** Vietnamese message templates; `{{name}}` is replaced by `data.name`. */
  messages: Record<string, string>;
}

/** A report involved in a problem, and the figure of it the finding quotes (none: the report as a whole). */
export interface Involved {
  file: string;
  figure?: BatchFigure;
}

export interface BatchProblem {
  messageId: string;
  data?: Record<string, string | number>;
  /** Every number involved, in the order the contract gives for the check (part of the fingerprint). */
  values: number[];
  expected?: number;
  /** The report the finding is shown under. */
  file: string;
  /** Every report involved, with the figure quoted from it; the order is the quotes' order. */
  involved: readonly Involved[];
  why?: string;
  /** Tells apart two problems of this check on the same numbers and files. */
  discriminator?: string;
  unit?: string;
  period?: string;
  metric?: string;
}

export interface BatchCheckContext {
  view: ProvinceView;
  /** Vietnamese name of a metric ("Số hồ sơ tiếp nhận"), for messages. */
  metricLabel(metric: string): string;
  report(problem: BatchProblem): void;
}

export interface BatchCase {
  name: string;
  /** The reports of the batch: a file name (its extension says how it is read) and its text. */
  reports: Array<{ file: string; text: string }>;
}

export interface InvalidBatchCase extends BatchCase {
  errors: Array<{ messageId: string; values: number[]; files?: string[] }>;
}

export interface BatchCheckRule {
  meta: BatchCheckMeta;
  check(context: BatchCheckContext): void;
  tests: { valid: BatchCase[]; invalid: InvalidBatchCase[] };
}

/** Checked when the rule file loads: a check without both kinds of example batch is refused. */
export function defineBatchCheck(rule: BatchCheckRule): BatchCheckRule {
  if (rule.tests.valid.length === 0 || rule.tests.invalid.length === 0) throw new Error(`batch check ${rule.meta.id}: needs at least one valid and one invalid batch`);
  for (const invalid of rule.tests.invalid) {
    for (const error of invalid.errors) {
      if (!(error.messageId in rule.meta.messages)) throw new Error(`batch check ${rule.meta.id}: unknown messageId ${error.messageId} in "${invalid.name}"`);
    }
  }
  return rule;
}
