/**
 * The province view of a batch: its checks across reports and its roll-up, computed once every file is read, from the
 * per-file results only (so a cached result and a result parsed by any worker count alike).
 */
import type { BatchFinding, DocumentResult, RollupRow } from '../model/index.ts';
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

export interface ProvinceResults {
  findings: BatchFinding[];
  rollup: RollupRow[];
  view: ProvinceView;
}

/** The checks across reports and the roll-up of one batch, from what the batch kept of each document. */
export function analyseBatch(reports: readonly BatchReport[], config?: CheckConfig): ProvinceResults {
  const view = new ProvinceView(reports);
  return { findings: runBatchChecks(BATCH_CHECK_RULES, view, metricLabel, config), rollup: rollupRows(view), view };
}

/** The same from whole document results (tests, the library). */
export function analyseDocuments(documents: readonly DocumentResult[], config?: CheckConfig): ProvinceResults {
  return analyseBatch(documents.map((document, index) => summarizeForBatch(document, index)), config);
}
