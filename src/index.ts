/** The package's public surface: the model's schemas (results.json is validated by ResultsSchema) and the pipeline. */
export * from './model/index.ts';
export { processBytes } from './pipeline/index.ts';
export { runBatch } from './batch/run.ts';
export { ReviewSchema, ReviewDecisionSchema, REVIEW_FORMAT_VERSION, type Review, type ReviewDecision } from './batch/baseline.ts';
