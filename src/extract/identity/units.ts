import type { UnitLevel } from '../../model/index.ts';
import { BODY_HEADS, FORMER_MARKERS, ISSUING_BODIES, LEVEL_WORDS, NAME_STOP_WORDS, NOT_UNIT_NAMES, type Tier } from '../../../rules/identity/units.ts';
import { canonicalProvince, isCentralCity } from '../../../rules/provinces.ts';

/**
 * Units named in a text ("xã Tân Lập", "UBND TP. BẮC GIANG", "Công an tỉnh Quảng Ninh"), read with the level words,
 * abbreviations and issuing bodies of rules/identity/units.ts.
 */
export interface UnitMention {
  level: UnitLevel;
  /** As written, diacritics kept; upper-case letterhead names in title case ("TÂN LẬP" → "Tân Lập"). */
  name: string;
  start: number;
  end: number;
  /** "xã Giai Xuân (cũ)": a unit that no longer exists. */
  former: boolean;
  /** The issuing body named right before it ("UBND", "Công an", "Tổ công tác Đề án 06"), if any, and where it starts. */
  body?: string;
  bodyStart?: number;
}

const variants = (word: string): string[] => {
  const capitalised = word[0]!.toUpperCase() + word.slice(1);
  const title = word.split(' ').map((part) => part[0]!.toUpperCase() + part.slice(1)).join(' ');
  return [...new Set([word, capitalised, title, word.toUpperCase()])];
};
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const LEVEL_FORMS: Array<{ form: string; level: UnitLevel }> = LEVEL_WORDS.flatMap((entry) => [
  ...entry.words.flatMap((word) => variants(word).map((form) => ({ form, level: entry.level }))),
  ...entry.abbreviations.map((form) => ({ form, level: entry.level })),
]).sort((a, b) => b.form.length - a.form.length);
const LEVEL_OF = new Map(LEVEL_FORMS.map(({ form, level }) => [form, level]));
const NAME_WORD = String.raw`(?:\p{Lu}[\p{Ll}\p{Lu}\p{M}]*|\d{1,2}(?![\d,/%]|\.\d))`;
const MENTION = new RegExp(
  String.raw`(?<![\p{L}\p{M}])(${LEVEL_FORMS.map(({ form }) => escape(form)).join('|')})(?:(?<=\.)\s*|[ \t]+)(${NAME_WORD}(?:(?:[ \t]+|[ \t]*-[ \t]*)${NAME_WORD}){0,6})`,
  'gu',
);
const FORMER = new RegExp(`^${FORMER_MARKERS}(?![\\p{L}])`, 'iu');
const BODY_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])(${ISSUING_BODIES.map((body) => `(?:${body.pattern})`).join('|')})\s+$`, 'iu');
const STOP = new Set(NAME_STOP_WORDS);
const NOT_A_UNIT = new RegExp(NOT_UNIT_NAMES, 'iu');
const LOWER_LEVEL_WORDS = new Set(LEVEL_WORDS.flatMap((entry) => entry.words.map((word) => word.split(' ')[0]!)));

export const TIER: Record<UnitLevel, Tier> = Object.fromEntries(LEVEL_WORDS.map((entry) => [entry.level, entry.tier])) as Record<UnitLevel, Tier>;

/** Lower tiers report to higher ones. */
export const RANK: Record<Tier, number> = { commune: 0, district: 1, province: 2 };

/** The tier a mention stands on: a centrally run city is a province. */
export function tierOf(mention: Pick<UnitMention, 'level' | 'name'>): Tier {
  return mention.level === 'thành phố' && isCentralCity(mention.name) ? 'province' : TIER[mention.level];
}

/**
 * Identity reading asks about the same lines many times (issuer, district, province, roll-up): the last document's
 * answers are kept. Callers must not change the returned mentions.
 */
const recent = new Map<string, readonly UnitMention[]>();

export function unitMentions(text: string): readonly UnitMention[] {
  const known = recent.get(text);
  if (known) return known;
  if (recent.size > 4000) recent.clear();
  const found = readMentions(text);
  recent.set(text, found);
  return found;
}

function readMentions(text: string): UnitMention[] {
  const mentions: UnitMention[] = [];
  const pattern = new RegExp(MENTION.source, MENTION.flags);
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const level = LEVEL_OF.get(match[1]!);
    if (!level) continue;
    // The name may stop well before the match does ("NAM ĐÀN | CÔNG AN XÃ XUÂN LÂM"): go on from where it stops.
    const resume = (at: number) => (pattern.lastIndex = Math.max(at, match!.index + match![1]!.length));
    let name = cleanName(match[2]!);
    const start = match.index!;
    const nameStart = start + match[0].length - match[2]!.length;
    let end = nameStart + rawLength(match[2]!, name);
    // "xã Tân Lập 12 nhiệm vụ", "Xã Thanh Sơn 52 48" (a table's columns), "phường 38 tin bài": a number is part of
    // a name where the name ends with it ("Phường Hà Giang 1;") or where it is the whole name of a capitalised
    // "Quận"/"Phường" ("UBND Quận 10 và Phường 3").
    const numbered = /^\d{1,2}$/.test(name) && /^\p{Lu}/u.test(match[1]!) && /^(?:quận|phường|q\.|p\.)$/iu.test(match[1]!);
    if (!numbered && /(?:^|\s)\d{1,2}$/.test(name) && !/^(?:$|\s*[,;:.)|\t]|\s+[-–(])/u.test(text.slice(end))) {
      name = name.replace(/\s*\d{1,2}$/, '');
      end = nameStart + rawLength(match[2]!, name);
    }
    resume(end);
    if (!name || (/^\d/.test(name) && !/^(?:quận|phường|q\.|p\.)$/iu.test(match[1]!)) || NOT_A_UNIT.test(displayName(name))) continue;
    const former = FORMER.test(text.slice(end));
    const window = Math.max(0, start - 90);
    const body = BODY_BEFORE.exec(text.slice(window, start));
    mentions.push({
      level, name: displayName(name), start, end, former,
      ...(body ? { body: body[1]!, bodyStart: window + body.index + body[0].indexOf(body[1]!) } : {}),
    });
  }
  return mentions;
}

/**
 * The name proper: capitalised words up to a word that begins something else — an issuing body ("ĐỒNG PHÚ ỦY BAN
 * NHÂN DÂN"), another level word, a sentence ("Giai Phạm Trong tháng") — at most five words.
 */
function cleanName(raw: string): string {
  const words = raw.split(/[ \t]+/);
  const kept: string[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const lower = word.toLowerCase();
    const pair = `${lower} ${(words[index + 1] ?? '').toLowerCase()}`;
    if (BODY_HEADS.some((head) => head === lower || (head.includes(' ') && head === pair))) break;
    if (kept.length > 0 && (STOP.has(word) || (LOWER_LEVEL_WORDS.has(lower) && isLevelAt(words, index)))) break;
    // A number is a name only on its own ("Quận 1") or at the end ("Phường Hà Giang 1").
    if (kept.length > 0 && /^\d/.test(kept.at(-1)!)) break;
    kept.push(word);
    if (kept.filter((part) => part !== '-').length >= 5) break;
  }
  while (kept.length > 0 && kept.at(-1) === '-') kept.pop();
  return kept.join(' ').replace(/\s+-\s+/g, ' - ');
}

function isLevelAt(words: readonly string[], index: number): boolean {
  const two = `${words[index]} ${words[index + 1] ?? ''}`.toLowerCase();
  const one = words[index]!.toLowerCase();
  return LEVEL_WORDS.some((entry) => entry.words.some((word) => word === one || word === two));
}

/** How many characters of the raw match the kept name covers. */
function rawLength(raw: string, name: string): number {
  const words = name.split(/\s+/).length;
  const parts = raw.split(/([ \t]+)/);
  let length = 0;
  let seen = 0;
  for (const part of parts) {
    if (/^[ \t]+$/.test(part)) {
      if (seen >= words) break;
      length += part.length;
      continue;
    }
    length += part.length;
    seen++;
    if (seen >= words) break;
  }
  return length;
}

/** "TÂN LẬP" → "Tân Lập"; names already in mixed case are kept as written. */
export function displayName(name: string): string {
  const letters = name.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2 || letters !== letters.toUpperCase()) return name.normalize('NFC');
  return name
    .toLowerCase()
    .split(' ')
    .map((word) => (word ? word[0]!.toUpperCase() + word.slice(1) : word))
    .join(' ')
    .normalize('NFC');
}

/** The province a mention names, if it is one: "tỉnh Thanh Hoá" → Thanh Hóa, "thành phố Đà Nẵng" → Đà Nẵng. */
export function provinceOf(mention: Pick<UnitMention, 'level' | 'name'>): string | undefined {
  if (mention.level === 'tỉnh') return longestProvince(mention.name);
  if (mention.level === 'thành phố' && isCentralCity(mention.name)) return canonicalProvince(mention.name);
  return undefined;
}

/** "Quảng Ninh Tổ" or "Lâm Đồng Phòng" after a cut that missed: the longest leading run of words that is a province. */
export function longestProvince(name: string): string | undefined {
  const words = name.split(/\s+/);
  for (let length = words.length; length >= 1; length--) {
    const province = canonicalProvince(words.slice(0, length).join(' '));
    if (province) return province;
  }
  return undefined;
}

/** Same unit, however written: case, old and new tone placement ("Hoà"/"Hòa"). */
export function sameName(a: string, b: string): boolean {
  return comparable(a) === comparable(b);
}

export function comparable(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/o([àáảãạ])/g, (_, mark: string) => `${{ 'à': 'ò', 'á': 'ó', 'ả': 'ỏ', 'ã': 'õ', 'ạ': 'ọ' }[mark]}a`)
    .replace(/u([ỳýỷỹỵ])/g, (_, mark: string) => `${{ 'ỳ': 'ù', 'ý': 'ú', 'ỷ': 'ủ', 'ỹ': 'ũ', 'ỵ': 'ụ' }[mark]}y`)
    .replace(/\s+/g, ' ')
    .trim();
}
