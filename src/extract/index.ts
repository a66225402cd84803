import type { Document, Figure, Quantity } from '../model/index.ts';
import { METRIC_RULES } from '../../rules/index.ts';
import { BREAKDOWN_MARKERS } from '../../rules/breakdown-markers.ts';
import { relationIndex } from '../check/index.ts';
import { FigureExtractor, isFigure } from './engine.ts';
import { linkBreakdowns } from './breakdowns.ts';
import { extractMetadata } from './metadata.ts';
import { readQualifiers, yearOfPeriod, type ReportContext } from './qualifiers.ts';

export { FigureExtractor, isFigure } from './engine.ts';
export { extractMetadata } from './metadata.ts';
export type { ReportContext } from './qualifiers.ts';

/** What the report says of itself that scopes its figures: its year, its period, its issuer. */
export function reportContextOf(metadata: ReturnType<typeof extractMetadata>): ReportContext {
  const year = yearOfPeriod(metadata.period);
  return { ...(year !== undefined ? { year } : {}), ...(metadata.period ? { period: metadata.period } : {}), ...(metadata.unitName ? { unitName: metadata.unitName } : {}), ...(metadata.unitLevel ? { unitLevel: metadata.unitLevel } : {}) };
}

let shared: FigureExtractor | undefined;
/**
 * Every counted number of the document, in reading order, with the parts linked to their totals: `figures`
 * are those of the metric catalog, `quantities` all of them (figures included, same objects).
 */
export function extractQuantities(document: Document, report: ReportContext = reportContextOf(extractMetadata(document))): { figures: Figure[]; quantities: Quantity[] } {
  shared ??= new FigureExtractor(METRIC_RULES, BREAKDOWN_MARKERS);
  const { found, statements } = shared.extractWithStatements(document);
  readQualifiers(found, report);
  const rules: Parameters<typeof linkBreakdowns>[2] = { relations: relationIndex(), markers: BREAKDOWN_MARKERS };
  if (report.year !== undefined) rules.reportYear = report.year;
  linkBreakdowns(found, statements, rules);
  const quantities = found.map(({ figure }) => figure);
  return { figures: quantities.filter(isFigure), quantities };
}

/** Figures of every catalog metric stated in the document, in reading order. */
export function extractFigures(document: Document): Figure[] {
  return extractQuantities(document).figures;
}
