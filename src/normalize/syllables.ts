/**
 * A pragmatic test of whether a word is a well-formed Vietnamese syllable, written in the
 * standard orthography: (onset) + (glide) + nucleus + (coda), with at most one tone mark.
 *
 * It exists to tell real Vietnamese from legacy-encoded mojibake ("B¸o", "Baùo") and from
 * everything else (English, abbreviations such as "UBND"). It accepts a few forms that do not
 * occur in the language (it knows the phonotactics only roughly), and it must not reject the
 * forms that do: both tone placements ("hoà"/"hòa", "thuỷ"/"thủy") are accepted.
 */

const TONE_MARKS = new Set([
  '\u0300', // huyền
  '\u0301', // sắc
  '\u0303', // ngã
  '\u0309', // hỏi
  '\u0323', // nặng
]);
const ACUTE = '\u0301';
const DOT_BELOW = '\u0323';

/** Diacritics that make a different vowel letter (â ă ê ô ơ ư), not a tone. */
const VOWEL_MODIFIERS = new Set(['\u0302', '\u0306', '\u031B']);

const VOWEL_LETTERS = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);

/** Onsets, longest first so that "ngh" is tried before "ng" and "n". */
const ONSETS = [
  'ngh', 'ch', 'gh', 'gi', 'kh', 'ng', 'nh', 'ph', 'qu', 'th', 'tr',
  'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', '',
];

type CodaRule = 'none' | 'required' | 'optional';

/**
 * Vowel groups (glide + nucleus, plus the semivowel coda where it is written as a vowel)
 * and whether a consonant coda may or must follow.
 */
const VOWEL_GROUPS: ReadonlyMap<string, CodaRule> = new Map<string, CodaRule>([
  // single vowels
  ['a', 'optional'], ['ă', 'required'], ['â', 'required'], ['e', 'optional'], ['ê', 'optional'],
  ['i', 'optional'], ['o', 'optional'], ['ô', 'optional'], ['ơ', 'optional'], ['u', 'optional'],
  ['ư', 'optional'], ['y', 'optional'],
  // diphthongs: open spellings (ia, ua, ưa) and closed ones (iê, yê, uô, ươ)
  ['ia', 'none'], ['ua', 'none'], ['ưa', 'none'], ['ya', 'none'],
  ['iê', 'required'], ['yê', 'required'], ['uô', 'required'], ['ươ', 'optional'],
  // rimes that end in a semivowel written i/y/o/u
  ['ai', 'none'], ['ao', 'none'], ['au', 'none'], ['ay', 'none'], ['âu', 'none'], ['ây', 'none'],
  ['eo', 'none'], ['êu', 'none'], ['iu', 'none'], ['oi', 'none'], ['ôi', 'none'], ['ơi', 'none'],
  ['ui', 'none'], ['ưi', 'none'], ['ưu', 'none'], ['iêu', 'none'], ['yêu', 'none'],
  ['uôi', 'none'], ['ươi', 'none'], ['ươu', 'none'],
  // with the medial glide o/u
  ['oa', 'optional'], ['oă', 'required'], ['oe', 'optional'], ['oo', 'required'],
  ['uâ', 'required'], ['uê', 'optional'], ['uơ', 'optional'], ['uy', 'optional'],
  ['uyê', 'required'], ['uya', 'none'], ['uyu', 'none'], ['oai', 'none'], ['oay', 'none'],
  ['oao', 'none'], ['oeo', 'none'], ['uây', 'none'], ['uêu', 'none'],
]);

const CODAS = ['ng', 'nh', 'ch', 'c', 'm', 'n', 'p', 't'];
const STOP_CODAS = new Set(['c', 'ch', 'p', 't']);
/** "-anh/-ach" and friends: the palatal codas follow only front vowels. */
const PALATAL_CODA_GROUPS = new Set(['a', 'ê', 'i', 'y', 'oa', 'uê', 'uy']);
/** "-ng/-c" never follow these (the language writes "-nh/-ch" there). */
const NO_VELAR_CODA_GROUPS = new Set(['i', 'ê', 'y', 'uy', 'uê', 'ơ']);

const FRONT_VOWEL_START = /^[ieêy]/;

interface SplitWord {
  /** Lower-case letters with tone marks removed, vowel modifiers kept, in NFC. */
  letters: string;
  tone: string | undefined;
  /** Index in `letters` of the letter carrying the tone. */
  toneIndex: number;
}

/** Separates the tone from the letters; undefined when the word is not made of Vietnamese letters. */
function splitTone(word: string): SplitWord | undefined {
  const decomposed = word.normalize('NFD').toLowerCase();
  let tone: string | undefined;
  let toneIndex = -1;
  let bare = '';
  let lastBase = '';
  let baseCount = 0;
  for (const ch of decomposed) {
    if (TONE_MARKS.has(ch)) {
      // Two tones, or a tone on a consonant, is never Vietnamese.
      if (tone !== undefined || lastBase === '' || !'aeiouy'.includes(lastBase)) return undefined;
      tone = ch;
      toneIndex = baseCount - 1;
      continue;
    }
    if (VOWEL_MODIFIERS.has(ch)) {
      if (!'aeiouy'.includes(lastBase)) return undefined;
      bare += ch;
      continue;
    }
    if (!/[a-zđ]/.test(ch)) return undefined;
    lastBase = ch;
    baseCount++;
    bare += ch;
  }
  const letters = bare.normalize('NFC');
  // One letter per base letter, so toneIndex indexes `letters`.
  if (letters.length !== baseCount) return undefined;
  for (const ch of letters) {
    if (!VOWEL_LETTERS.has(ch) && !/[bcdđghklmnpqrstvx]/.test(ch)) return undefined;
  }
  return { letters, tone, toneIndex };
}

/** Diphthongs whose tone sits on their second vowel, in every spelling style ("tiến", "muốn", "được"). */
const TONE_ON_LAST_VOWEL = new Set(['iê', 'yê', 'uô', 'ươ', 'uyê']);

/**
 * Where the tone may sit in a vowel group (position counted within the group). Both the old
 * ("hòa") and the new ("hoà") placement are accepted; what neither style ever does is put the
 * tone on the closing semivowel of "ai, ao, au, ia, ua, ..." ("xaõ", "giaù" are VNI mojibake),
 * or on the first vowel of "iê, uô, ươ".
 */
function tonePlacementFits(group: string, rule: CodaRule, tonePosition: number): boolean {
  if (tonePosition < 0) return true;
  if (tonePosition >= group.length) return false;
  if (rule === 'none' && group.length > 1 && tonePosition === group.length - 1) return false;
  if (TONE_ON_LAST_VOWEL.has(group) && tonePosition !== group.length - 1) return false;
  return true;
}

function isValidRime(rime: string, tone: string | undefined, tonePosition: number): boolean {
  let vowelEnd = 0;
  while (vowelEnd < rime.length && VOWEL_LETTERS.has(rime[vowelEnd]!)) vowelEnd++;
  const group = rime.slice(0, vowelEnd);
  const coda = rime.slice(vowelEnd);
  const rule = VOWEL_GROUPS.get(group);
  if (rule === undefined) return false;
  if (tone !== undefined && !tonePlacementFits(group, rule, tonePosition)) return false;
  if (coda === '') return rule !== 'required';
  if (rule === 'none' || !CODAS.includes(coda)) return false;
  if (STOP_CODAS.has(coda) && tone !== ACUTE && tone !== DOT_BELOW) return false;
  if ((coda === 'ch' || coda === 'nh') && !PALATAL_CODA_GROUPS.has(group)) return false;
  if ((coda === 'c' || coda === 'ng') && NO_VELAR_CODA_GROUPS.has(group)) return false;
  return true;
}

function onsetFits(onset: string, rime: string): boolean {
  const front = FRONT_VOWEL_START.test(rime);
  switch (onset) {
    case 'k':
    case 'gh':
    case 'ngh':
      return front;
    case 'c':
    case 'ng':
      return !front;
    case 'g':
      return !/^[eê]/.test(rime);
    case 'qu':
      // "qu" already holds the glide: "quoa", "quu" are not written.
      return !/^[ou]/.test(rime);
    default:
      return true;
  }
}

/**
 * The same few hundred syllables make up most of a report, and the legacy-font detector, the few-figures warning and
 * OCR's word splitter each weigh them: each is weighed once, for the words weighed last.
 */
const weighed = new Map<string, boolean>();
const WEIGHED_MAX = 20_000;

/** True for a single well-formed Vietnamese syllable in any letter case (NFC or NFD input). */
export function isValidVietnameseSyllable(word: string): boolean {
  let valid = weighed.get(word);
  if (valid === undefined) {
    if (weighed.size >= WEIGHED_MAX) weighed.clear();
    weighed.set(word, (valid = weighSyllable(word)));
  }
  return valid;
}

function weighSyllable(word: string): boolean {
  if (word.length === 0 || word.length > 10) return false;
  const split = splitTone(word);
  if (split === undefined) return false;
  const { letters, tone, toneIndex } = split;
  for (const onset of ONSETS) {
    if (!letters.startsWith(onset)) continue;
    const rime = letters.slice(onset.length);
    if (rime === '') continue;
    if (!onsetFits(onset, rime)) continue;
    if (isValidRime(rime, tone, toneIndex - onset.length)) return true;
  }
  return false;
}
