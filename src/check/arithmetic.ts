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
