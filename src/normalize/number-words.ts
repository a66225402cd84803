/**
 * Vietnamese numerals written as words ("hai", "mười lăm", "ba mươi tư", "một trăm linh năm",
 * "hai mươi mốt nghìn không trăm mười một").
 *
 * Modelled on Duckling's Vietnamese numeral rules (facebook/duckling, Duckling/Numeral/VI/Rules.hs),
 * with the gaps those rules leave filled in:
 * - "tư" for 4 after a ten ("ba mươi tư" = 34, "linh tư" = 4): Duckling only knows "bốn";
 * - "lăm"/"nhăm" for 5 after "mười" and after any "mươi" (Duckling has "mười lăm" and "X mươi lăm" but not "nhăm");
 * - "mốt" for 1 only after "mươi" ("hai mươi mốt"); "mười một", never "mười mốt";
 * - "linh"/"lẻ" only inside a number, after "trăm" or a scale word ("một trăm linh năm" = 105,
 *   "một nghìn lẻ hai" = 1002). Duckling maps a bare "lẻ" to 3 and lists "lẻ ba" in its regex but not
 *   in its value table, so "lẻ ba" never parses there;
 * - "rưỡi" (a half of the preceding unit: "một trăm rưỡi" = 150, "hai nghìn rưỡi" = 2 500).
 *
 * Deliberately not read here: "năm" after "mươi"/"mười" ("mười năm" is ten *years*; the numeral is
 * "mười lăm"), the colloquial elisions "hai mốt" / "ba lăm" / "hai tư" ("Ba Tư" is Persia), and the
 * vague "vài chục", "hàng trăm", "mươi" (about ten). Whether a parsed numeral is a *figure* (a counted
 * noun follows, "năm" is not the year, "một số" is not one) is decided by the caller.
 */

const DIGITS: ReadonlyMap<string, number> = new Map([
  ['một', 1], ['hai', 2], ['ba', 3], ['bốn', 4], ['năm', 5],
  ['sáu', 6], ['bảy', 7], ['bẩy', 7], ['tám', 8], ['chín', 9],
]);

/** The unit after "X mươi": "mốt" and "tư" and "lăm" are the usual spellings there. */
const UNITS_AFTER_MUOI: ReadonlyMap<string, number> = new Map([
  ['một', 1], ['mốt', 1], ['hai', 2], ['ba', 3], ['bốn', 4], ['tư', 4], ['lăm', 5], ['nhăm', 5],
  ['sáu', 6], ['bảy', 7], ['bẩy', 7], ['tám', 8], ['chín', 9],
]);

/** The unit after "mười" (11–19): "mười lăm", never "mười năm" (ten years), never "mười mốt". */
const UNITS_AFTER_MUOI_TEN: ReadonlyMap<string, number> = new Map([
  ['một', 1], ['hai', 2], ['ba', 3], ['bốn', 4], ['tư', 4], ['lăm', 5], ['nhăm', 5],
  ['sáu', 6], ['bảy', 7], ['bẩy', 7], ['tám', 8], ['chín', 9],
]);

/** The unit after "linh"/"lẻ" (the zero tens digit): "một trăm linh năm", "linh tư". */
const UNITS_AFTER_LINH: ReadonlyMap<string, number> = new Map([
  ['một', 1], ['hai', 2], ['ba', 3], ['bốn', 4], ['tư', 4], ['năm', 5],
  ['sáu', 6], ['bảy', 7], ['bẩy', 7], ['tám', 8], ['chín', 9],
]);

const SCALES: ReadonlyMap<string, number> = new Map([
  ['nghìn', 1e3], ['ngàn', 1e3], ['triệu', 1e6], ['tỷ', 1e9], ['tỉ', 1e9],
]);

const ZERO_TENS = new Set(['linh', 'lẻ']);

/** Words a numeral can start with (lower case). "không" only starts one as "không trăm ...". */
export const NUMERAL_FIRST_WORDS: readonly string[] = ['không', 'mười', ...DIGITS.keys()];

type Parsed = { value: number; next: number };

/** "mười [unit]", "X mươi [unit]", "X chục". */
function parseTens(words: readonly string[], i: number): Parsed | null {
  const w = words[i];
  if (w === 'mười') {
    const unit = UNITS_AFTER_MUOI_TEN.get(words[i + 1] ?? '');
    return unit === undefined ? { value: 10, next: i + 1 } : { value: 10 + unit, next: i + 2 };
  }
  const d = w === undefined ? undefined : DIGITS.get(w);
  if (d === undefined) return null;
  if (words[i + 1] === 'mươi' && d >= 2) {
    const unit = UNITS_AFTER_MUOI.get(words[i + 2] ?? '');
    return unit === undefined ? { value: d * 10, next: i + 2 } : { value: d * 10 + unit, next: i + 3 };
  }
  if (words[i + 1] === 'chục') return { value: d * 10, next: i + 2 };
  return null;
}

/** One group below a thousand: "bảy trăm hai mươi mốt", "không trăm mười hai", "tám". */
function parseGroup(words: readonly string[], i: number): Parsed | null {
  const w = words[i] ?? '';
  const d = w === 'không' ? 0 : DIGITS.get(w);
  if (d !== undefined && words[i + 1] === 'trăm') {
    let value = d * 100;
    let next = i + 2;
    const zeroTensUnit = ZERO_TENS.has(words[next] ?? '') ? UNITS_AFTER_LINH.get(words[next + 1] ?? '') : undefined;
    if (zeroTensUnit !== undefined) {
      value += zeroTensUnit;
      next += 2;
    } else {
      const tens = parseTens(words, next);
      if (tens) {
        value += tens.value;
        next = tens.next;
      } else if (words[next] === 'rưỡi') {
        value += 50;
        next += 1;
      }
    }
    return { value, next };
  }
  const tens = parseTens(words, i);
  if (tens) return tens;
  if (d !== undefined && d > 0) return { value: d, next: i + 1 };
  return null;
}

/**
 * Reads the longest numeral starting at `words[from]` (lower-case words, one per entry).
 * Returns its value and how many words it used, or null when no numeral starts there.
 */
export function parseNumberWords(words: readonly string[], from = 0): { value: number; wordCount: number } | null {
  let total = 0;
  let lastScale = Number.POSITIVE_INFINITY;
  let i = from;
  let afterScale = false;
  for (;;) {
    let group: Parsed | null = null;
    if (afterScale && ZERO_TENS.has(words[i] ?? '')) {
      // "một nghìn linh năm": the missing hundreds and tens of the next group are spoken as "linh"
      const unit = UNITS_AFTER_LINH.get(words[i + 1] ?? '');
      if (unit !== undefined) group = { value: unit, next: i + 2 };
    } else {
      group = parseGroup(words, i);
    }
    if (!group) {
      if (afterScale && words[i] === 'rưỡi') {
        total += lastScale / 2;
        i += 1;
      }
      break;
    }
    const scale = SCALES.get(words[group.next] ?? '');
    if (scale !== undefined && scale < lastScale) {
      total += group.value * scale;
      lastScale = scale;
      i = group.next + 1;
      afterScale = true;
      continue;
    }
    if (group.value >= lastScale) break; // "một nghìn hai nghìn" is two numbers, not one
    total += group.value;
    i = group.next;
    break;
  }
  if (i === from) return null;
  return { value: total, wordCount: i - from };
}
