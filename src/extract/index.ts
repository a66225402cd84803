import type { Document, Figure, Quantity } from '../model/index.ts';
import { METRIC_RULES } from '../../rules/index.ts';
import { BREAKDOWN_MARKERS } from '../../rules/breakdown-markers.ts';
import { relationIndex } from '../check/index.ts';
import { FigureExtractor, isFigure } from './engine.ts';
import { linkBreakdowns } from './breakdowns.ts';

export { FigureExtractor, isFigure } from './engine.ts';
export { extractMetadata } from './metadata.ts';

let shared: FigureExtractor | undefined;
/**
 * Every counted number of the document, in reading order, with the parts linked to their totals: `figures`
 * are those of the metric catalog, `quantities` all of them (figures included, same objects).
 */
export function extractQuantities(document: Document): { figures: Figure[]; quantities: Quantity[] } {
  shared ??= new FigureExtractor(METRIC_RULES, BREAKDOWN_MARKERS);
  const { found, statements } = shared.extractWithStatements(document);
  linkBreakdowns(found, statements, { relations: relationIndex(), markers: BREAKDOWN_MARKERS });
  const quantities = found.map(({ figure }) => figure);
  return { figures: quantities.filter(isFigure), quantities };
}

/** Figures of every catalog metric stated in the document, in reading order. */
export function extractFigures(document: Document): Figure[] {
  return extractQuantities(document).figures;
}
