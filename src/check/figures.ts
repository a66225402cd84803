import { WHOLE_UNITS } from '../../rules/units.ts';
import type { Quantity } from '../model/index.ts';

type Qualified = Pick<Quantity, 'year' | 'procedure' | 'subject' | 'period' | 'cumulative' | 'asOf'>;

/** Helpers the checks share: which figures speak of the same thing. */

/**
 * The same scope: year (the report's own year counts as none), procedure, unit, period, and running total or
 * not. Two figures that differ in any of these are different facts, never a part and its whole of one another.
 */
export function sameQualifiers(a: Qualified, b: Qualified, reportYear?: number): boolean {
  const year = (quantity: Qualified) => (quantity.year === reportYear ? null : (quantity.year ?? null));
  return (
    year(a) === year(b) &&
    (a.procedure ?? null) === (b.procedure ?? null) &&
    (a.subject ?? null) === (b.subject ?? null) &&
    (a.period ?? null) === (b.period ?? null) &&
    (a.cumulative ?? false) === (b.cumulative ?? false)
  );
}

/** A count (not a rate) read with certainty. */
export function isCertainCount(figure: Pick<Quantity, 'unit' | 'uncertain' | 'value'>): boolean {
  return figure.unit !== 'percent' && !figure.uncertain && (Number.isInteger(figure.value) || !WHOLE_UNITS.has(figure.unit));
}


export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}

/** Near each other in the file: same page (or no pages) and within a few lines. */
export function near(a: Pick<Quantity, 'location'>, b: Pick<Quantity, 'location'>, lines = 4): boolean {
  return (a.location.page ?? 0) === (b.location.page ?? 0) && Math.abs(a.location.line - b.location.line) <= lines;
}
