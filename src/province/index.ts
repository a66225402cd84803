/**
 * The province view of a batch: its checks across reports and its roll-up, computed once every file is read, from the
 * per-file results only (so a cached result and a result parsed by any worker count alike).
 */
import type { BatchFinding, DocumentResult, RollupRow, SuppressedBatchFinding } from '../model/index.ts';
import { decisionsByFingerprint, type Review } from '../batch/baseline.ts';
import { BATCH_CHECK_RULES } from '../../rules/batch-checks/index.ts';
import { METRIC_RULES } from '../../rules/index.ts';
import type { CheckConfig } from '../check/config.ts';
import { runBatchChecks } from './engine.ts';
import { summarizeForBatch, type BatchReport } from './heads.ts';
import { rollupRows } from './rollup.ts';
import { ProvinceView } from './view.ts';

export { BATCH_CHECK_RULES, summarizeForBatch, ProvinceView };
export type { BatchReport };

const LABELS = new Map(METRIC_RULES.map((rule) => [rule.id, rule.description]));

/** "Số thẻ CCCD / thẻ Căn cước đã cấp"; a metric outside the catalog is its id. */
export function metricLabel(metric: string): string {
  return LABELS.get(metric) ?? metric;
}

export interface ProvinceOptions {
  /** `solieu.config.json` / `--rule`: batch checks are configured like the per-file ones. */
  checks?: CheckConfig;
  /** `--baseline`: batch findings it dismissed leave the outputs as a file's do (kept apart, with the note). */
  review?: Review;
}

export interface ProvinceResults {
  findings: BatchFinding[];
  suppressed: SuppressedBatchFinding[];
  rollup: RollupRow[];
  view: ProvinceView;
}

/** The checks across reports and the roll-up of one batch, from what the batch kept of each document. */
export function analyseBatch(reports: readonly BatchReport[], options: ProvinceOptions = {}): ProvinceResults {
  const view = new ProvinceView(reports);
  const all = runBatchChecks(BATCH_CHECK_RULES, view, metricLabel, options.checks);
  const { findings, suppressed } = options.review ? applyBatchReview(all, options.review) : { findings: all, suppressed: [] };
  return { findings, suppressed, rollup: rollupRows(view), view };
}

/** The same from whole document results (tests, the whole-batch writers, the library). */
export function analyseDocuments(documents: readonly DocumentResult[], options: ProvinceOptions = {}): ProvinceResults {
  return analyseBatch(documents.map((document, index) => summarizeForBatch(document, index)), options);
}

/** Batch findings a review dismissed move out, with the auditor's note, as a file's do (src/batch/baseline.ts). */
export function applyBatchReview(findings: readonly BatchFinding[], review: Review): { findings: BatchFinding[]; suppressed: SuppressedBatchFinding[] } {
  const decisions = decisionsByFingerprint(review);
  const kept: BatchFinding[] = [];
  const suppressed: SuppressedBatchFinding[] = [];
  for (const finding of findings) {
    const decision = decisions.get(finding.fingerprint);
    if (decision?.decision !== 'dismissed') kept.push(finding);
    else suppressed.push({ ...finding, review: { decision: 'dismissed', note: decision.note, ...(decision.decidedAt !== undefined ? { decidedAt: decision.decidedAt } : {}) } });
  }
  return { findings: kept, suppressed };
}
