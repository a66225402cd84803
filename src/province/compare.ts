/** Small arithmetic the checks across reports share. */
import type { UnitValue } from './view.ts';

/** The values to use for one unit: its own report's when it has one, else the roll-ups' rows for it. */
export function preferOwn(values: readonly UnitValue[]): UnitValue[] {
  const own = values.filter((value) => value.own);
  return own.length > 0 ? own : [...values];
}

/** The distinct numbers among values (and the alternatives each report also states), first-seen order. */
export function distinctValues(values: readonly UnitValue[]): number[] {
  return [...new Set(values.flatMap((value) => [value.value, ...value.alternatives]))];
}

const MAX_COMBINATIONS = 256;

/**
 * Whether some choice of one option per part adds up to `target` (a unit reported twice with different values: either
 * copy may be the one the total was made from). Past 256 choices only the first option of each part is tried.
 */
export function someSumEquals(options: ReadonlyArray<readonly number[]>, target: number): boolean {
  const product = options.reduce((count, list) => count * Math.max(1, list.length), 1);
  if (product > MAX_COMBINATIONS) return equal(options.reduce((sum, list) => sum + (list[0] ?? 0), 0), target);
  let sums = [0];
  for (const list of options) sums = sums.flatMap((sum) => list.map((value) => sum + value));
  return sums.some((sum) => equal(sum, target));
}

export function equal(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One decimal, as rates are written. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Files in first-seen order, once each. */
export function uniqueFiles(files: Iterable<string>): string[] {
  return [...new Set(files)];
}
