import type { DocumentResult, Results } from '../model/index.ts';
import { ResultsSchema } from '../model/index.ts';
import { TOOL_VERSION, RULES_VERSION } from '../version.ts';

/** results.json, validated against the exported schema before it is written: a bad shape is our bug, caught here. */
export function resultsJson(documents: readonly DocumentResult[], generatedAt: Date): string {
  const results: Results = {
    tool: 'solieu',
    toolVersion: TOOL_VERSION,
    rulesVersion: RULES_VERSION,
    generatedAt: generatedAt.toISOString(),
    documents: [...documents],
  };
  return `${JSON.stringify(ResultsSchema.parse(results), null, 2)}\n`;
}
