import type { Document, Figure, Finding } from '../model/index.ts';
import { CHECK_RULES } from '../../rules/checks/index.ts';
import type { CheckConfig } from './config.ts';
import { runChecks } from './engine.ts';

export type { CheckConfig } from './config.ts';
export { CHECK_RULES };

/** Every configured consistency check over one document's figures. */
export function checkDocument(input: { file: string; document: Document; figures: readonly Figure[] }, config?: CheckConfig): Finding[] {
  return runChecks(CHECK_RULES, input, config);
}
