/**
 * Decoders for the two legacy 8-bit Vietnamese encodings that still turn up in reports:
 * TCVN3 ("ABC", fonts `.VnTime`, `.VnArial`, ...) and VNI Windows (fonts `VNI-Times`, ...).
 *
 * What reaches us is what a DOCX or a PDF text layer gives for such a font: every byte shown as
 * its Windows-1252 / Latin-1 character, so "Báo cáo" arrives as "B¸o c¸o" (TCVN3) or
 * "Baùo caùo" (VNI). Decoding is a single left-to-right pass over the text with a longest-match
 * table lookup; anything not in the table (ASCII letters, digits, punctuation) passes through.
 *
 * Sources of the tables:
 * - TCVN3: TCVN 5712:1993 ("VSCII"), part VN3, plus the upper-case letters VN2 adds in the
 *   0xA0–0xFF range. Cross-checked code by code against glibc's `TCVN5712-1` converter
 *   (`iconv -f TCVN5712-1`), and against the TCVN table in xvnkb (Dao Hai Lam, `tcvn.h`).
 *   The VN1-only capitals that TCVN 5712 puts on the C0/C1 control codes (0x01–0x17, 0x80–0x9F)
 *   are left out on purpose: VN3 fonts keep Windows' curly quotes, dashes and bullets there,
 *   and those must not turn into "Ò", "Ỏ", "Ọ". VN3 itself writes toned capitals with an
 *   all-capitals font (`.VnTimeH`): lower-case codes drawn as capitals, see `isAllCapsTcvn3Font`.
 * - VNI: the VNI Windows code table as given in xvnkb (`vni.h`) and in the Unikey/VietKey
 *   converters: a letter is its base letter followed by one mark character (tone, or a combined
 *   modifier+tone), e.g. "aù" = á, "aá" = ấ, "oâ" = ô, "ô" = ơ, "ö" = ư, "ñ" = đ.
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

/** TCVN3 (VN3 + VN2 capitals): code (as its Latin-1 character) → Unicode. */
const TCVN3_CODES: ReadonlyArray<readonly [number, string]> = [
  // capitals without tone (VN3)
  [0xa1, 'Ă'], [0xa2, 'Â'], [0xa3, 'Ê'], [0xa4, 'Ô'], [0xa5, 'Ơ'], [0xa6, 'Ư'], [0xa7, 'Đ'],
  // lower case without tone (VN3); 0xAD is ư, which a Latin-1 reading shows as the soft hyphen
  [0xa8, 'ă'], [0xa9, 'â'], [0xaa, 'ê'], [0xab, 'ô'], [0xac, 'ơ'], [0xad, 'ư'], [0xae, 'đ'],
  // a
  [0xb8, 'á'], [0xb5, 'à'], [0xb6, 'ả'], [0xb7, 'ã'], [0xb9, 'ạ'],
  // ă
  [0xbe, 'ắ'], [0xbb, 'ằ'], [0xbc, 'ẳ'], [0xbd, 'ẵ'], [0xc6, 'ặ'],
  // â
  [0xca, 'ấ'], [0xc7, 'ầ'], [0xc8, 'ẩ'], [0xc9, 'ẫ'], [0xcb, 'ậ'],
  // e
  [0xd0, 'é'], [0xcc, 'è'], [0xce, 'ẻ'], [0xcf, 'ẽ'], [0xd1, 'ẹ'],
  // ê
  [0xd5, 'ế'], [0xd2, 'ề'], [0xd3, 'ể'], [0xd4, 'ễ'], [0xd6, 'ệ'],
  // i
  [0xdd, 'í'], [0xd7, 'ì'], [0xd8, 'ỉ'], [0xdc, 'ĩ'], [0xde, 'ị'],
  // o
  [0xe3, 'ó'], [0xdf, 'ò'], [0xe1, 'ỏ'], [0xe2, 'õ'], [0xe4, 'ọ'],
  // ô
  [0xe8, 'ố'], [0xe5, 'ồ'], [0xe6, 'ổ'], [0xe7, 'ỗ'], [0xe9, 'ộ'],
  // ơ
  [0xed, 'ớ'], [0xea, 'ờ'], [0xeb, 'ở'], [0xec, 'ỡ'], [0xee, 'ợ'],
  // u
  [0xf3, 'ú'], [0xef, 'ù'], [0xf1, 'ủ'], [0xf2, 'ũ'], [0xf4, 'ụ'],
  // ư
  [0xf8, 'ứ'], [0xf5, 'ừ'], [0xf6, 'ử'], [0xf7, 'ữ'], [0xf9, 'ự'],
  // y
  [0xfd, 'ý'], [0xfa, 'ỳ'], [0xfb, 'ỷ'], [0xfc, 'ỹ'], [0xfe, 'ỵ'],
  // toned capitals that VN2 adds inside 0xA0–0xFF
  [0xc0, 'Ắ'], [0xaf, 'Ằ'], [0xba, 'Ẳ'], [0xbf, 'Ẵ'],
  [0xc4, 'Ấ'], [0xc1, 'Ầ'], [0xc2, 'Ẩ'], [0xc3, 'Ẫ'],
  [0xda, 'Ế'], [0xc5, 'Ề'], [0xcd, 'Ể'], [0xd9, 'Ễ'],
  [0xff, 'Ố'], [0xdb, 'Ồ'], [0xe0, 'Ổ'], [0xf0, 'Ỗ'],
];

/**
 * TCVN 5712 codes 0xB0–0xB4 are the five tones as combining marks, for a capital (or any
 * letter) that has no precomposed code. Latin-1 shows them as "°±²³´", which are real symbols
 * in other contexts ("25°C"), so they are decoded only right after a letter.
 */
const TCVN3_COMBINING_TONES: ReadonlyMap<string, string> = new Map([
  ['\u00b0', '\u0300'], // huyền
  ['\u00b1', '\u0309'], // hỏi
  ['\u00b2', '\u0303'], // ngã
  ['\u00b3', '\u0301'], // sắc
  ['\u00b4', '\u0323'], // nặng
]);

const TCVN3_TABLE: ReadonlyMap<string, string> = new Map(
  TCVN3_CODES.map(([code, letter]) => [String.fromCharCode(code), letter]),
);

/**
 * VNI Windows, lower case: for each Unicode row (plain, sắc, huyền, hỏi, ngã, nặng) its VNI
 * spelling. Capitals are the same rows in upper case ("AÙ" = Á, "Æ" = Ỉ, "Ñ" = Đ).
 */
const VNI_ROWS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['aáàảãạ', ['a', 'aù', 'aø', 'aû', 'aõ', 'aï']],
  ['ăắằẳẵặ', ['aê', 'aé', 'aè', 'aú', 'aü', 'aë']],
  ['âấầẩẫậ', ['aâ', 'aá', 'aà', 'aå', 'aã', 'aä']],
  ['eéèẻẽẹ', ['e', 'eù', 'eø', 'eû', 'eõ', 'eï']],
  ['êếềểễệ', ['eâ', 'eá', 'eà', 'eå', 'eã', 'eä']],
  ['iíìỉĩị', ['i', 'í', 'ì', 'æ', 'ó', 'ò']],
  ['oóòỏõọ', ['o', 'où', 'oø', 'oû', 'oõ', 'oï']],
  ['ôốồổỗộ', ['oâ', 'oá', 'oà', 'oå', 'oã', 'oä']],
  ['ơớờởỡợ', ['ô', 'ôù', 'ôø', 'ôû', 'ôõ', 'ôï']],
  ['uúùủũụ', ['u', 'uù', 'uø', 'uû', 'uõ', 'uï']],
  ['ưứừửữự', ['ö', 'öù', 'öø', 'öû', 'öõ', 'öï']],
  ['yýỳỷỹỵ', ['y', 'yù', 'yø', 'yû', 'yõ', 'î']],
  ['đ', ['ñ']],
];

function buildVniTable(): Map<string, string> {
  const table = new Map<string, string>();
  const add = (spelling: string, letter: string): void => {
    // Plain ASCII vowels are not table entries: they decode to themselves anyway.
    if (spelling !== letter) table.set(spelling, letter);
  };
  for (const [letters, spellings] of VNI_ROWS) {
    [...letters].forEach((letter, tone) => {
      const spelling = spellings[tone]!;
      const upperLetter = letter.toUpperCase();
      add(spelling, letter);
      add(spelling.toUpperCase(), upperLetter);
      if (spelling.length === 2) {
        // Converters and hand-typed text mix the case of base and mark ("Aù", "aÙ"); the base
        // letter carries the case.
        const [base, mark] = [spelling[0]!, spelling[1]!];
        add(base.toUpperCase() + mark, upperLetter);
        add(base + mark.toUpperCase(), letter);
      }
    });
  }
  return table;
}

const VNI_TABLE: ReadonlyMap<string, string> = buildVniTable();

/** Decoded text with, for every output UTF-16 unit, the index of the input unit it came from. */
export interface DecodedWithSources {
  text: string;
  sources: number[];
}

const LETTER = /\p{L}/u;

/**
 * VN3 has no toned capitals, so a capitalised word typed in a normal `.VnTime` font mixes base
 * capitals with the lower-case toned codes: "B¸O C¸O" is "BÁO CÁO". A word whose own capitals
 * (ASCII letters and the VN3 capitals Ă Â Ê Ô Ơ Ư Đ) number at least two and are all upper case
 * is written in capitals throughout. A word with a single capital ("X·") is ambiguous — title
 * case in "X· S¬n T©y" — and follows its neighbours: capitals when every neighbouring word is
 * in capitals and at least one of them is a capitalised toned word ("HOµ X· HéI").
 */
type WordCase = 'capitals' | 'single-capital' | 'mixed';

function capitaliseTcvn3Words(input: string, decoded: string, sources: readonly number[]): string {
  const words: Array<{ offset: number; word: string; wordCase: WordCase; hasLowerToned: boolean }> = [];
  for (const match of decoded.matchAll(/[\p{L}\p{M}]+/gu)) {
    const word = match[0];
    const offset = match.index;
    let baseLetters = 0;
    let hasLowerBase = false;
    let hasLowerToned = false;
    for (let j = offset; j < offset + word.length; j++) {
      const letter = decoded[j]!;
      const isLower = letter !== letter.toUpperCase();
      if (TCVN3_TABLE.has(input[sources[j]!]!) && isLower) {
        hasLowerToned = true;
      } else if (!/\p{M}/u.test(letter)) {
        baseLetters++;
        if (isLower) hasLowerBase = true;
      }
    }
    const wordCase: WordCase =
      hasLowerBase || baseLetters === 0 ? 'mixed' : baseLetters === 1 ? 'single-capital' : 'capitals';
    words.push({ offset, word, wordCase, hasLowerToned });
  }
  let out = '';
  let cursor = 0;
  words.forEach(({ offset, word, wordCase, hasLowerToned }, index) => {
    if (!hasLowerToned) return;
    let capitalise = wordCase === 'capitals';
    if (wordCase === 'single-capital') {
      // Abbreviations ("UBND KÕ ho¹ch") are capitals without tones and say nothing about the word.
      const neighbours = [words[index - 1], words[index + 1]].filter((w) => w !== undefined);
      capitalise =
        neighbours.length > 0 &&
        neighbours.every((w) => w.wordCase === 'capitals') &&
        neighbours.some((w) => w.hasLowerToned);
    }
    if (!capitalise) return;
    out += decoded.slice(cursor, offset);
    for (const ch of word) {
      const upper = ch.toUpperCase();
      out += upper.length === ch.length ? upper : ch;
    }
    cursor = offset + word.length;
  });
  return out + decoded.slice(cursor);
}

function decodeTcvn3WithSources(input: string, restoreCapitals = true): DecodedWithSources {
  let text = '';
  const sources: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    const letter = TCVN3_TABLE.get(ch);
    if (letter !== undefined) {
      text += letter;
      sources.push(i);
      continue;
    }
    const tone = TCVN3_COMBINING_TONES.get(ch);
    const previous = text[text.length - 1];
    if (tone !== undefined && previous !== undefined && LETTER.test(previous)) {
      text += tone;
      sources.push(i);
      continue;
    }
    text += ch;
    sources.push(i);
  }
  return { text: restoreCapitals ? capitaliseTcvn3Words(input, text, sources) : text, sources };
}

function decodeVniWithSources(input: string): DecodedWithSources {
  let text = '';
  const sources: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const pair = VNI_TABLE.get(input.slice(i, i + 2));
    if (pair !== undefined && i + 1 < input.length) {
      text += pair;
      sources.push(i);
      i++;
      continue;
    }
    const ch = input[i]!;
    text += VNI_TABLE.get(ch) ?? ch;
    sources.push(i);
  }
  return { text, sources };
}

/** Decodes with a record of where each output character came from (for offset remapping). */
export function decodeLegacyWithSources(input: string, encoding: LegacyEncoding): DecodedWithSources {
  return encoding === 'tcvn3' ? decodeTcvn3WithSources(input) : decodeVniWithSources(input);
}

/**
 * Decoding for measuring only: letter case is left as the table gives it (syllable validity
 * does not depend on case), which saves the word-case pass on every word of a document.
 */
export function decodeLegacyIgnoringCase(input: string, encoding: LegacyEncoding): string {
  return encoding === 'tcvn3' ? decodeTcvn3WithSources(input, false).text : decodeVniWithSources(input).text;
}

/** "B¸o c¸o" → "Báo cáo". Output may hold combining tones (from 0xB0–0xB4); NFC composes them. */
export function decodeTcvn3(text: string): string {
  return decodeTcvn3WithSources(text).text;
}

/** "Baùo caùo" → "Báo cáo", "AÙ" → "Á". */
export function decodeVni(text: string): string {
  return decodeVniWithSources(text).text;
}

export function decodeLegacy(text: string, encoding: LegacyEncoding): string {
  return decodeLegacyWithSources(text, encoding).text;
}


/** A PDF subset prefix ("ABCDEF+") and style suffixes (",Bold", "-Italic") say nothing of the encoding. */
function fontFamily(fontName: string): string {
  let name = fontName.trim().replace(/^["']|["']$/g, '').replace(/^[A-Z]{6}\+/, '');
  const style = /[,\-\s]+(?:Bold|Italic|Oblique|Regular|Normal|BoldItalic|BoldOblique)$/i;
  while (style.test(name)) name = name.replace(style, '');
  return name;
}

/**
 * The encoding a font name implies: `.VnTime`, `.VnArialH`, `ABCDEF+.VnTime` → tcvn3;
 * `VNI-Times`, `VNI-Helve-Bold` → vni; anything else → undefined (the name says nothing).
 */
export function legacyEncodingOfFont(fontName: string | undefined): LegacyEncoding | undefined {
  if (fontName === undefined) return undefined;
  const family = fontFamily(fontName);
  // All TCVN3 font families are named ".Vn" + a capitalised name; some PDF producers drop the dot.
  if (/^\.vn/i.test(family) || /^Vn[A-Z]/.test(family)) return 'tcvn3';
  if (/^VNI[-_ ]/i.test(family)) return 'vni';
  return undefined;
}

/**
 * TCVN3's capital-letter fonts (`.VnTimeH`, `.VnArialH`, ...) draw the lower-case codes as
 * capitals: "b¸o c¸o" in `.VnTimeH` is read as "BÁO CÁO". This is how VN3 writes toned capitals.
 */
export function isAllCapsTcvn3Font(fontName: string | undefined): boolean {
  if (legacyEncodingOfFont(fontName) !== 'tcvn3') return false;
  return /H$/.test(fontFamily(fontName ?? ''));
}
