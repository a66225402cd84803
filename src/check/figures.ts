import type { Quantity } from '../model/index.ts';

type Qualified = Pick<Quantity, 'year' | 'procedure'>;

/** Helpers the checks share: which figures speak of the same thing. */

export function sameQualifiers(a: Qualified, b: Qualified): boolean {
  return (a.year ?? null) === (b.year ?? null) && (a.procedure ?? null) === (b.procedure ?? null);
}

/** A count (not a rate) read with certainty. */
export function isCertainCount(figure: Pick<Quantity, 'unit' | 'uncertain'>): boolean {
  return figure.unit !== 'percent' && !figure.uncertain;
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
