import type { Document, Figure } from '../model/index.ts';
import { METRIC_RULES } from '../../rules/index.ts';
import { FigureExtractor } from './engine.ts';
import { linkBreakdowns } from './breakdowns.ts';

export { FigureExtractor } from './engine.ts';
export { extractMetadata } from './metadata.ts';

let shared: FigureExtractor | undefined;

/** Figures of every catalog metric stated in the document, in reading order. */
export function extractFigures(document: Document): Figure[] {
  shared ??= new FigureExtractor(METRIC_RULES);
  const { found, statements } = shared.extractWithStatements(document);
  linkBreakdowns(found, statements);
  return found.map(({ figure }) => figure);
}
