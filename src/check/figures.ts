import type { Figure } from '../model/index.ts';

/** Helpers the checks share: which figures speak of the same thing. */

export function sameQualifiers(a: Figure, b: Figure): boolean {
  return (a.year ?? null) === (b.year ?? null) && (a.procedure ?? null) === (b.procedure ?? null);
}

/** A count (not a rate) read with certainty. */
export function isCertainCount(figure: Figure): boolean {
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
export function near(a: Figure, b: Figure, lines = 4): boolean {
  return (a.location.page ?? 0) === (b.location.page ?? 0) && Math.abs(a.location.line - b.location.line) <= lines;
}
