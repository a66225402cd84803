import type { Document, Figure, Finding, Quantity } from '../model/index.ts';
import { CHECK_RULES } from '../../rules/checks/index.ts';
import { RELATIONS } from '../../rules/relations/index.ts';
import type { CheckConfig } from './config.ts';
import { runChecks } from './engine.ts';
import { RelationIndex } from './relation.ts';

export type { CheckConfig } from './config.ts';
export { CHECK_RULES };

let relations: RelationIndex | undefined;

/** The relations of rules/relations/, indexed once per process. */
export function relationIndex(): RelationIndex {
  return (relations ??= new RelationIndex(RELATIONS));
}

/** Every configured consistency check over one document's quantities. */
export function checkDocument(input: { file: string; document: Document; figures: readonly Figure[]; quantities?: readonly Quantity[]; reportYear?: number }, config?: CheckConfig): Finding[] {
  return runChecks(CHECK_RULES, { ...input, relations: relationIndex() }, config);
}
