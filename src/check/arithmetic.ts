/**
 * Exact arithmetic for ratio checks, as statcheck does for p-values: a percentage written with d decimals
 * stands for the interval p ± 0.5·10⁻ᵈ, and the statement is consistent when the exact ratio lies inside it,
 * boundaries included (so both half-up and half-down rounding are accepted). Computed on integers scaled by
 * 10ᵈ with BigInt, so 50/6.588 = 0,76% is decided without a float ever being rounded.
 */

/** A decimal number as an integer and a power of ten: 0.76 → { units: 76n, scale: 2 }. */
function toScaled(value: number, decimals: number): bigint {
  return BigInt(Math.round(value * 10 ** decimals));
}

function decimalsOf(value: number): number {
  if (Number.isInteger(value)) return 0;
  const text = String(value);
  return text.includes('e') ? 10 : text.split('.')[1]!.length;
}

export interface RatioVerdict {
  consistent: boolean;
  /** The exact percentage, rounded for display to two decimals more than stated (at least two). */
  actual: number;
}

/**
 * Is "numerator/denominator = percent%" (percent written with `decimals` decimals) possible under rounding?
 * |numerator·100·10ᵈ − P·denominator| ≤ denominator/2, with P the stated percent scaled by 10ᵈ.
 */
export function ratioVerdict(numerator: number, denominator: number, percent: number, decimals?: number): RatioVerdict {
  const places = decimals ?? decimalsOf(percent);
  const numeratorDecimals = Math.max(decimalsOf(numerator), decimalsOf(denominator));
  const n = toScaled(numerator, numeratorDecimals);
  const d = toScaled(denominator, numeratorDecimals);
  const stated = toScaled(percent, places);
  const scale = 10n ** BigInt(places);
  const difference = n * 100n * scale - stated * d;
  const distance = difference < 0n ? -difference : difference;
  const consistent = 2n * distance <= d;
  const actual = Number(((numerator / denominator) * 100).toFixed(Math.max(2, places + 1)));
  return { consistent, actual };
}

/** The percentage rounded half-up to `decimals` places, for "what the figures really give". */
export function roundPercent(numerator: number, denominator: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(((numerator * 100) / denominator) * factor) / factor;
}

/** Every number one slip of the pen away from `value`: two adjacent digits swapped (4.521 → 4.251). */
export function digitSwaps(value: number): number[] {
  if (!Number.isInteger(value) || value < 10) return [];
  const digits = [...String(value)];
  const swaps = new Set<number>();
  for (let index = 0; index + 1 < digits.length; index++) {
    if (digits[index] === digits[index + 1]) continue;
    const swapped = [...digits];
    [swapped[index], swapped[index + 1]] = [swapped[index + 1]!, swapped[index]!];
    if (swapped[0] !== '0') swaps.add(Number(swapped.join('')));
  }
  return [...swaps];
}

/**
 * Which one number of "total = sum of parts", written with two digits swapped, would make it hold? Found only
 * when exactly one number explains it (errorlocate's idea: the smallest change that satisfies the rule).
 * `index` is -1 for the total, else the part's position.
 */
export function likelySlip(total: number, parts: readonly number[]): { index: number; written: number; meant: number } | undefined {
  const sum = parts.reduce((accumulator, part) => accumulator + part, 0);
  const candidates: Array<{ index: number; written: number; meant: number }> = [];
  if (digitSwaps(total).includes(sum)) candidates.push({ index: -1, written: total, meant: sum });
  parts.forEach((part, index) => {
    const meant = total - (sum - part);
    if (digitSwaps(part).includes(meant)) candidates.push({ index, written: part, meant });
  });
  return candidates.length === 1 ? candidates[0] : undefined;
}
