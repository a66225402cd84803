/**
 * Tesseract sometimes misses the spaces of a tightly set line and returns "hồsơ", "0hồsơbịtrảlạido" or
 * "năm2030" as one word, which hides the number from every rule ("18hồsơ" is no "18 hồ sơ"). Written
 * Vietnamese puts a space between every syllable, so such a word is split back into syllables when,
 * and only when, it is not a syllable itself, shows Vietnamese letters, and splits completely into
 * well-formed syllables. Abbreviations ("UBND", "KQXM", "QĐ"), foreign words ("zalo") and units
 * ("km2") are left alone.
 */
import { isValidVietnameseSyllable } from '../../normalize/syllables.ts';

/** Letters only Vietnamese uses among the Latin-script languages these reports mix in. */
const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu;
/** The longest Vietnamese syllable in letters ("nghiêng", "khuyếch"). */
const MAX_SYLLABLE = 7;

function isVietnameseSyllable(letters: string): boolean {
  return VIETNAMESE_LETTER.test(letters) && isValidVietnameseSyllable(letters);
}

/** The fewest well-formed syllables that spell `letters` exactly, or undefined. */
function syllables(letters: string): string[] | undefined {
  if (isValidVietnameseSyllable(letters)) return [letters];
  const characters = [...letters];
  const best: Array<string[] | undefined> = [[]];
  for (let end = 1; end <= characters.length; end++) {
    for (let start = Math.max(0, end - MAX_SYLLABLE); start < end; start++) {
      const before = best[start];
      if (!before) continue;
      const part = characters.slice(start, end).join('');
      if (!isValidVietnameseSyllable(part)) continue;
      const candidate = [...before, part];
      const current = best[end];
      if (!current || candidate.length < current.length) best[end] = candidate;
    }
  }
  return best[characters.length];
}

function splitLetters(letters: string): string[] {
  if (!VIETNAMESE_LETTER.test(letters)) return [letters];
  const parts = syllables(letters);
  // Every part must be real Vietnamese, not a stray "a" or "o" made up to complete a split.
  if (!parts || (parts.length > 1 && !parts.every((part) => isVietnameseSyllable(part) || part.length >= 2))) return [letters];
  return parts;
}

/** One run of letters and digits ("0hồsơ", "năm2030", "km2"), re-spaced. */
function splitRun(run: string): string {
  const chunks = run.match(/\p{N}+|\p{L}+/gu) ?? [run];
  let out = '';
  let previousKind: 'digits' | 'letters' | undefined;
  let previousVietnamese = false;
  for (const chunk of chunks) {
    const kind = /^\p{N}/u.test(chunk) ? 'digits' : 'letters';
    const parts = kind === 'letters' ? splitLetters(chunk) : [chunk];
    const firstVietnamese = kind === 'letters' && isVietnameseSyllable(parts[0]!);
    // "0hồ" and "năm2030" part; "km2", "4G", "H2" stay as written.
    const spaceBefore = previousKind !== undefined && previousKind !== kind && (kind === 'letters' ? firstVietnamese : previousVietnamese);
    out += (spaceBefore ? ' ' : '') + parts.join(' ');
    previousKind = kind;
    previousVietnamese = kind === 'letters' && isVietnameseSyllable(parts[parts.length - 1]!);
  }
  return out;
}

export function splitGluedSyllables(word: string): string {
  return word.replace(/[\p{L}\p{N}]+/gu, (run) => (/^\p{N}+$/u.test(run) ? run : splitRun(run)));
}
