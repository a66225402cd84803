// The distance functions only: the package's main entry loads its whole NLP toolkit and prints to stdout.
import { DamerauLevenshteinDistance, DamerauLevenshteinDistanceSearch } from 'natural/lib/natural/distance/index.js';

/**
 * Phrase matching for cues. Cues are written with diacritics; text read by OCR or typed in a hurry
 * often has none ("ho so" for "hồ sơ"). Matching exactly first and folding only text that has lost its
 * diacritics keeps "hộ" (household) apart from "hồ" (in "hồ sơ") wherever the writer kept them.
 */

/** Lower case, no diacritics, đ → d: the form used to compare text that has lost its marks. */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

const OLD_STYLE_TONES: Record<string, string> = {
  oà: 'òa', oá: 'óa', oả: 'ỏa', oã: 'õa', oạ: 'ọa',
  oè: 'òe', oé: 'óe', oẻ: 'ỏe', oẽ: 'õe', oẹ: 'ọe',
  uỳ: 'ùy', uý: 'úy', uỷ: 'ủy', uỹ: 'ũy', uỵ: 'ụy',
};
const OLD_STYLE_PATTERN = new RegExp(`(${Object.keys(OLD_STYLE_TONES).join('|')})(?![\\p{L}\\p{M}])`, 'gu');

/**
 * Both "số hoá" (old style: tone on the second vowel of an open "oa/oe/uy") and "số hóa" (new style) are
 * correct Vietnamese, and reports mix them; cues compare in the new style. Same length, so offsets hold.
 */
export function canonicalToneMarks(lowerCaseText: string): string {
  return lowerCaseText.replace(OLD_STYLE_PATTERN, (pair) => OLD_STYLE_TONES[pair] ?? pair);
}

/** True when a Vietnamese text has (almost) no diacritics left, i.e. exact cue matching would miss. */
export function hasLostDiacritics(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 12) return false;
  const marked = text.normalize('NFD').match(/\p{M}|đ|Đ/gu)?.length ?? 0;
  return marked / letters < 0.02;
}

export interface PhraseHit {
  phrase: string;
  start: number;
  end: number;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** How many characters startingAt lets `skip` pass over before the phrase, plus one to see the phrase's end. */
const STARTING_AT_REACH = 201;

function isBoundary(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return true;
  return !WORD_CHAR.test(text[index - 1]!) || !WORD_CHAR.test(text[index]!);
}

/**
 * A compiled list of phrases, searched as whole words, case-insensitively. Folding is a one-to-one
 * character map for NFC Vietnamese (each precomposed letter folds to one letter), so offsets found in
 * the folded text are offsets in the original.
 */
export class PhraseSet {
  private readonly exact: string[];
  private readonly folded: string[];

  constructor(readonly phrases: readonly string[]) {
    const unique = [...new Set(phrases.map((phrase) => phrase.toLowerCase()))].sort((a, b) => b.length - a.length);
    this.exact = unique.map(canonicalToneMarks);
    this.folded = unique.map(foldDiacritics);
  }

  get isEmpty(): boolean {
    return this.exact.length === 0;
  }

  /**
   * Every whole-word occurrence, longest phrases first at each place; overlapping shorter hits are dropped.
   * In folded mode (text that lost its diacritics, usually to OCR) a long phrase also matches with one
   * edit per eight characters ("tiep nhna" for "tiếp nhận"), found with natural's Damerau–Levenshtein search.
   */
  findAll(text: string, folded = false): PhraseHit[] {
    const haystack = folded ? foldDiacritics(text) : canonicalToneMarks(text.toLowerCase());
    const phrases = folded ? this.folded : this.exact;
    const hits: PhraseHit[] = [];
    for (let index = 0; index < phrases.length; index++) {
      const phrase = phrases[index]!;
      if (phrase === '') continue;
      let from = 0;
      for (;;) {
        const at = haystack.indexOf(phrase, from);
        if (at < 0) break;
        from = at + 1;
        const end = at + phrase.length;
        if (!isBoundary(haystack, at) || !isBoundary(haystack, end)) continue;
        if (hits.some((hit) => at < hit.end && end > hit.start)) continue;
        hits.push({ phrase: this.exact[index]!, start: at, end });
      }
    }
    if (folded) this.addNearMisses(haystack, hits);
    return hits.sort((a, b) => a.start - b.start);
  }

  private addNearMisses(haystack: string, hits: PhraseHit[]): void {
    for (let index = 0; index < this.folded.length; index++) {
      const phrase = this.folded[index]!;
      if (phrase.length < 7 || hits.some((hit) => hit.phrase === this.exact[index])) continue;
      const allowed = Math.floor(phrase.length / 8);
      let from = 0;
      while (from < haystack.length) {
        const window = haystack.slice(from);
        const best = DamerauLevenshteinDistanceSearch(phrase, window);
        if (best.distance > allowed || best.substring.length === 0) break;
        // Widen the approximate match to whole words, then judge the words themselves.
        let start = from + best.offset;
        let end = start + best.substring.length;
        while (start > 0 && !isBoundary(haystack, start)) start--;
        while (end < haystack.length && !isBoundary(haystack, end)) end++;
        const words = haystack.slice(start, end);
        if (DamerauLevenshteinDistance(phrase, words) <= allowed && !hits.some((hit) => start < hit.end && end > hit.start)) {
          hits.push({ phrase: this.exact[index]!, start, end });
        }
        from = Math.max(end, from + 1);
      }
    }
  }

  /** The hit that ends nearest before `position` (or anywhere when position is omitted, the last one). */
  lastBefore(text: string, position = text.length, folded = false): PhraseHit | undefined {
    let best: PhraseHit | undefined;
    for (const hit of this.findAll(text, folded)) if (hit.end <= position) best = hit;
    return best;
  }

  /** A phrase that begins at `position` (after optional spaces/punctuation given by `skip`). */
  startingAt(text: string, position: number, folded = false, skip = /^[\s:]*/u): PhraseHit | undefined {
    // Looks only as far as a phrase can reach (a line of a million characters stays linear to read).
    const rest = text.slice(position, position + STARTING_AT_REACH + (this.exact[0]?.length ?? 0));
    const skipped = skip.exec(rest)?.[0].length ?? 0;
    const tail = rest.slice(skipped);
    const haystack = folded ? foldDiacritics(tail) : canonicalToneMarks(tail.toLowerCase());
    const phrases = folded ? this.folded : this.exact;
    for (let index = 0; index < phrases.length; index++) {
      const phrase = phrases[index]!;
      if (phrase !== '' && haystack.startsWith(phrase) && isBoundary(haystack, phrase.length)) {
        return { phrase: this.exact[index]!, start: position + skipped, end: position + skipped + phrase.length };
      }
    }
    return undefined;
  }

  /** True when `phrase` is exactly one of the phrases (not merely contains one). */
  has(phrase: string, folded = false): boolean {
    const key = folded ? foldDiacritics(phrase) : canonicalToneMarks(phrase.toLowerCase());
    return (folded ? this.folded : this.exact).includes(key);
  }

  /** Does any phrase occur? Stops at the first whole-word occurrence instead of listing them all. */
  test(text: string, folded = false): boolean {
    const haystack = folded ? foldDiacritics(text) : canonicalToneMarks(text.toLowerCase());
    const phrases = folded ? this.folded : this.exact;
    for (const phrase of phrases) {
      if (phrase === '') continue;
      for (let at = haystack.indexOf(phrase); at >= 0; at = haystack.indexOf(phrase, at + 1)) {
        if (isBoundary(haystack, at) && isBoundary(haystack, at + phrase.length)) return true;
      }
    }
    return folded && this.findAll(text, true).length > 0;
  }
}
