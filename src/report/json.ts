import type { DocumentResult, Results } from '../model/index.ts';
import { BatchFindingSchema, ResultsSchema, RollupRowSchema, SuppressedBatchFindingSchema } from '../model/index.ts';
import { TOOL_VERSION, RULES_VERSION } from '../version.ts';
import { analyseDocuments, type ProvinceOptions, type ProvinceResults } from '../province/index.ts';

/**
 * results.json, validated against the exported schema before it is written: a bad shape is our bug, caught here.
 * After the documents: `batchFindings` (the checks across reports, once for the batch), `batchSuppressedFindings`
 * (only when a baseline dismissed some) and `rollup` (rollup.csv's rows).
 */
export function resultsJson(documents: readonly DocumentResult[], generatedAt: Date, options: ProvinceOptions = {}): string {
  const province = analyseDocuments(documents, options);
  const results: Results = {
    tool: 'solieu',
    toolVersion: TOOL_VERSION,
    rulesVersion: RULES_VERSION,
    generatedAt: generatedAt.toISOString(),
    documents: [...documents],
    batchFindings: province.findings,
    ...(province.suppressed.length > 0 ? { batchSuppressedFindings: province.suppressed } : {}),
    rollup: province.rollup,
  };
  return `${JSON.stringify(ResultsSchema.parse(results), null, 2)}\n`;
}

/** What follows the documents' closing bracket in results.json, to its end: the same text resultsJson writes. */
export function batchJsonTail(province: Pick<ProvinceResults, 'findings' | 'suppressed' | 'rollup'>): string {
  const entries: Array<[string, unknown]> = [
    ['batchFindings', BatchFindingSchema.array().parse(province.findings)],
    ...(province.suppressed.length > 0 ? [['batchSuppressedFindings', SuppressedBatchFindingSchema.array().parse(province.suppressed)] as [string, unknown]] : []),
    ['rollup', RollupRowSchema.array().parse(province.rollup)],
  ];
  return `${entries.map(([key, value]) => `,\n  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replaceAll('\n', '\n  ')}`).join('')}\n}\n`;
}
