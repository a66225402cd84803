/**
 * The normalize stage for Vietnamese text: turns what ingest extracted into clean NFC Unicode,
 * one line per block, and keeps every offset (font spans, line starts, locations) pointing at
 * the same characters.
 *
 * Order matters and is fixed:
 *   1. legacy 8-bit decoding (TCVN3 / VNI), by font where ingest knows it, else by statistics;
 *   2. "ƣ/Ƣ" (U+01A3/U+01A2, never Vietnamese, produced by some PDF fonts) → "ư/Ư";
 *   3. spaces that an extractor put before a combining mark ("a \u0301") are removed;
 *   4. NFC;
 *   5. whitespace: runs of spaces, tabs, NBSP and line breaks become one space; trimmed.
 * Decoding comes first because TCVN3 writes "ư" as 0xAD, which Latin-1 shows as the soft hyphen,
 * and TCVN3 tones 0xB0–0xB4 as "°±²³´": no earlier step may touch those.
 */
import type {
  Block,
  Document,
  FontSpan,
  LineStart,
  OcrInfo,
  Repair,
  SourceDocument,
  TableCell,
} from '../model/document.ts';
import type { Location } from '../model/location.ts';
import {
  decodeLegacyIgnoringCase,
  decodeLegacyWithSources,
  isAllCapsTcvn3Font,
  legacyEncodingOfFont,
  type LegacyEncoding,
} from './legacy-encodings.ts';
import { isValidVietnameseSyllable } from './syllables.ts';

export { decodeTcvn3, decodeVni, legacyEncodingOfFont, isAllCapsTcvn3Font } from './legacy-encodings.ts';
export type { LegacyEncoding } from './legacy-encodings.ts';

export type RepairKind = Repair['kind'];

export interface LegacyDetection {
  encoding: LegacyEncoding | 'unicode';
  detectedBy: 'font' | 'statistics';
}

/** One kind of repair made in one text, with where its first occurrence landed. */
export interface TextRepair {
  kind: RepairKind;
  detectedBy: Repair['detectedBy'];
  /** How many characters (or character sequences) were changed. */
  count: number;
  /** Range of the first occurrence in the normalized text. */
  start: number;
  end: number;
  /** A short stretch of the raw text around the first occurrence, and the same stretch normalized. */
  before: string;
  after: string;
}

/** Maps offsets between the raw text handed to the normalizer and the normalized text. */
export interface OffsetMap {
  /** A raw offset → the offset of the same character (or the next surviving one) in the normalized text. */
  toNormalized(rawOffset: number): number;
  /** A normalized offset → the raw offset of the character it came from. */
  toRaw(normalizedOffset: number): number;
}

export interface NormalizedText {
  text: string;
  repairs: TextRepair[];
  map: OffsetMap;
}

export interface NormalizeTextOptions {
  /** Font-tagged ranges of the raw text; a legacy font name decides the decoding of its range. */
  fontSpans?: FontSpan[];
  /**
   * The legacy encoding the rest of the document was found in. A paragraph then needs less
   * evidence to be decoded the same way (a one-word heading such as "Th«n" cannot carry much).
   */
  legacyHint?: LegacyEncoding;
}

// ---------------------------------------------------------------------------------------------
// Statistical detection

/**
 * Word separators that mean the same in Unicode, TCVN3 and VNI: whitespace, ASCII punctuation,
 * digits, C1 controls and the General Punctuation block (curly quotes, dashes). None of these
 * is a table character in either encoding, so a legacy word is never cut in two.
 */
const SEPARATORS = /[\s\u0000-\u001f\u007f-\u009f!-\/:-@\[-`{-~0-9\u2000-\u206f]+/u;
const HAS_LETTER = /\p{L}/u;

interface Evidence {
  /** Words that hold a letter, or a character the decoding changes. */
  words: number;
  validBefore: number;
  validAfter: number;
  /** Words that decoding changed at all. */
  changed: number;
  /** Invalid before, valid after. */
  fixed: number;
  /** Valid before, invalid after. */
  broken: number;
}

/**
 * A capital after a small letter inside a word ("phÝ", "tÕ") is how TCVN3's lower-case toned
 * letters look when read as Latin-1 capitals; correct Unicode Vietnamese never does it.
 */
const CAPITAL_AFTER_SMALL = /\p{Ll}\p{M}*\p{Lu}/u;

function isValidBeforeDecoding(word: string): boolean {
  return !CAPITAL_AFTER_SMALL.test(word) && isValidVietnameseSyllable(word.normalize('NFC'));
}

function measureDecoding(text: string, encoding: LegacyEncoding): Evidence {
  const evidence: Evidence = { words: 0, validBefore: 0, validAfter: 0, changed: 0, fixed: 0, broken: 0 };
  for (const word of text.split(SEPARATORS)) {
    if (word === '') continue;
    const decoded = decodeLegacyIgnoringCase(word, encoding);
    const changed = decoded !== word;
    if (!changed && !HAS_LETTER.test(word)) continue;
    const before = isValidBeforeDecoding(word);
    const after = changed ? isValidVietnameseSyllable(decoded.normalize('NFC')) : before;
    evidence.words++;
    if (before) evidence.validBefore++;
    if (after) evidence.validAfter++;
    if (changed) evidence.changed++;
    if (!before && after) evidence.fixed++;
    if (before && !after) evidence.broken++;
  }
  return evidence;
}

/**
 * Thresholds for decoding on statistics alone. Real legacy text moves the share of valid
 * syllables from about 0.3–0.5 to above 0.9; correct Unicode Vietnamese only loses valid
 * syllables under either decoding (its words are valid already, and "à", "ô", "ò" become
 * nonsense), and English, numbers and abbreviations are not changed by either table. So:
 * - at least two words must be repaired (invalid → valid): one word is too little evidence;
 * - the valid share after decoding must reach 0.6 and rise by at least 0.2;
 * - repairs must outnumber the words the decoding breaks three to one.
 */
const MIN_FIXED_WORDS = 2;
const MIN_SHARE_AFTER = 0.6;
const MIN_SHARE_GAIN = 0.2;
const MIN_FIXED_PER_BROKEN = 3;

function isClearlyBetter(evidence: Evidence, hinted: boolean): boolean {
  if (evidence.changed === 0 || evidence.words === 0) return false;
  // With the document already known to be in this encoding, a net gain is enough.
  if (hinted) return evidence.fixed >= 1 && evidence.fixed > evidence.broken;
  const shareBefore = evidence.validBefore / evidence.words;
  const shareAfter = evidence.validAfter / evidence.words;
  return (
    evidence.fixed >= MIN_FIXED_WORDS &&
    shareAfter >= MIN_SHARE_AFTER &&
    shareAfter - shareBefore >= MIN_SHARE_GAIN &&
    evidence.fixed >= MIN_FIXED_PER_BROKEN * evidence.broken
  );
}

/**
 * The legacy encoding that clearly improves the text, if any. When both do, the one with more
 * valid syllables wins; a tie ("phuû, Thoâng tö" reads as valid syllables under both tables)
 * goes to the document's encoding when known, and otherwise to neither.
 */
/**
 * Legacy 8-bit text always shows Latin-1 characters that Unicode Vietnamese never uses ("¸", "µ", "«",
 * "®" in TCVN3; "ø", "û", "ï", "ñ", "ö" in VNI); Unicode Vietnamese uses only the Latin-1 letters below.
 * Text without any other Latin-1 character is not scored unless its document is known to be legacy:
 * scoring every word of every clean report was the most expensive step of normalizing.
 */
const UNICODE_VIETNAMESE_LATIN1 = new Set([...'àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ\u00a0']);

function mayBeLegacy(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xa1 && code <= 0xff && !UNICODE_VIETNAMESE_LATIN1.has(text[index]!)) return true;
  }
  return false;
}

function detectByStatistics(text: string, hint?: LegacyEncoding): LegacyEncoding | undefined {
  // With a document known to be legacy (hint), even a paragraph of only shared letters ("xaõ") is weighed.
  if (hint === undefined && !mayBeLegacy(text)) return undefined;
  const candidates = (['tcvn3', 'vni'] as const)
    .map((encoding) => ({ encoding, evidence: measureDecoding(text, encoding) }))
    .filter(({ encoding, evidence }) => isClearlyBetter(evidence, hint === encoding));
  const [first, second] = candidates;
  if (first === undefined) return undefined;
  if (second === undefined) return first.encoding;
  if (first.evidence.validAfter !== second.evidence.validAfter) {
    return first.evidence.validAfter > second.evidence.validAfter ? first.encoding : second.encoding;
  }
  return hint !== undefined && (hint === first.encoding || hint === second.encoding) ? hint : undefined;
}

/**
 * Which encoding a piece of text is in: the font name decides when it names a legacy font
 * (`.VnTime`, `ABCDEF+.VnArialH` → tcvn3; `VNI-Times` → vni); otherwise the share of valid
 * Vietnamese syllables before and after each decoding, converting only when clearly better.
 */
export function detectLegacyEncoding(text: string, fontName?: string): LegacyDetection {
  try {
    const byFont = legacyEncodingOfFont(fontName);
    if (byFont !== undefined) return { encoding: byFont, detectedBy: 'font' };
    return { encoding: detectByStatistics(text) ?? 'unicode', detectedBy: 'statistics' };
  } catch {
    return { encoding: 'unicode', detectedBy: 'statistics' };
  }
}

// ---------------------------------------------------------------------------------------------
// The text pipeline, carrying for every character the raw offset it came from

interface Traced {
  text: string;
  /** origins[j] = offset in the raw text of the character that produced text[j]; never decreasing. */
  origins: number[];
}

interface FirstOccurrence {
  rawStart: number;
  rawEnd: number;
}

interface PendingRepair {
  kind: RepairKind;
  detectedBy: Repair['detectedBy'];
  count: number;
  first: FirstOccurrence;
}

interface LegacySegment {
  start: number;
  end: number;
  encoding: LegacyEncoding;
  detectedBy: 'font' | 'statistics';
  allCaps: boolean;
}

function clampSpan(span: FontSpan, length: number): { start: number; end: number } {
  const bounded = (offset: number): number => (Number.isFinite(offset) ? Math.max(0, Math.min(length, Math.floor(offset))) : 0);
  const start = bounded(span.start);
  return { start, end: Math.max(start, bounded(span.end)) };
}

/** Paragraphs of the raw text (split at line breaks), as offset ranges. */
function paragraphRanges(text: string): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  const lineBreak = /\r\n|\r|\n|\u2028|\u2029/g;
  let start = 0;
  for (let match = lineBreak.exec(text); match !== null; match = lineBreak.exec(text)) {
    ranges.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  ranges.push({ start, end: text.length });
  return ranges;
}

function planLegacySegments(raw: string, options: NormalizeTextOptions): LegacySegment[] {
  const spans = (options.fontSpans ?? []).filter((span) => legacyEncodingOfFont(span.font) !== undefined);
  if (spans.length > 0) {
    const segments: LegacySegment[] = [];
    let covered = 0;
    for (const span of [...spans].sort((a, b) => a.start - b.start)) {
      const { start, end } = clampSpan(span, raw.length);
      const from = Math.max(start, covered);
      if (end <= from) continue;
      segments.push({
        start: from,
        end,
        encoding: legacyEncodingOfFont(span.font)!,
        detectedBy: 'font',
        allCaps: isAllCapsTcvn3Font(span.font),
      });
      covered = end;
    }
    return segments;
  }
  const paragraphs = paragraphRanges(raw);
  const wholeText = paragraphs.length > 1 ? detectByStatistics(raw, options.legacyHint) : undefined;
  const hint = options.legacyHint ?? wholeText;
  const segments: LegacySegment[] = [];
  for (const { start, end } of paragraphs) {
    if (end <= start) continue;
    const encoding = detectByStatistics(raw.slice(start, end), hint);
    if (encoding !== undefined) {
      segments.push({ start, end, encoding, detectedBy: 'statistics', allCaps: false });
    }
  }
  return segments;
}

const LETTER_AT_END = /\p{L}$/u;
const WORD_EDGE_PUNCTUATION = /^[^\p{L}]+|[^\p{L}]+$/gu;

/**
 * A PDF text layer read through WinAnsiEncoding names TCVN3's 0xAD (ư) "hyphen", so "cường"
 * can arrive as "c-êng". Inside decoded TCVN3 text a hyphen right after a letter is read as "ư"
 * when that makes the word a valid syllable and the hyphenated pieces were not all valid
 * ("c-êng" → "cường"; "tÕ-x·" → "tế-xã" and "Q§-UBND" → "QĐ-UBND" keep their hyphens).
 * Only for text that has no real 0xAD: a layer that kept the soft hyphen has real hyphens.
 * A capitalised word before a space ("KH- UBND") is an abbreviation cut at its hyphen.
 */
function restoreHyphenAsU(decoded: string): string {
  return decoded.replace(/\S*\p{L}-\S*/gu, (word) => {
    const allCaps = word === word.toUpperCase();
    if (allCaps && word.endsWith('-')) return word;
    const candidate = word.replace(/(\p{L})-/gu, (_match, letter: string) => letter + (allCaps ? 'Ư' : 'ư'));
    const core = candidate.replace(WORD_EDGE_PUNCTUATION, '');
    if (!isValidVietnameseSyllable(core.normalize('NFC'))) return word;
    const pieces = word.replace(WORD_EDGE_PUNCTUATION, '').split('-').filter((piece) => piece !== '');
    const allPiecesValid = pieces.every((piece) => isValidVietnameseSyllable(piece.normalize('NFC')));
    return allPiecesValid ? word : candidate;
  });
}

function upperCaseSameLength(text: string): string {
  let out = '';
  for (const ch of text) {
    const upper = ch.toUpperCase();
    out += upper.length === ch.length ? upper : ch;
  }
  return out;
}

function recordRepair(
  repairs: Map<RepairKind, PendingRepair>,
  kind: RepairKind,
  detectedBy: Repair['detectedBy'],
  count: number,
  first: FirstOccurrence,
): void {
  const existing = repairs.get(kind);
  if (existing === undefined) {
    repairs.set(kind, { kind, detectedBy, count, first });
    return;
  }
  existing.count += count;
  if (first.rawStart < existing.first.rawStart) {
    existing.first = first;
    existing.detectedBy = detectedBy;
  }
}

function identity(text: string): Traced {
  // A plain loop: Array.from with a mapping callback was most of normalize's time on clean Unicode.
  const origins = new Array<number>(text.length);
  for (let j = 0; j < text.length; j++) origins[j] = j;
  return { text, origins };
}

function decodeLegacySegments(
  raw: string,
  segments: LegacySegment[],
  repairs: Map<RepairKind, PendingRepair>,
): Traced {
  if (segments.length === 0) return identity(raw);
  let text = '';
  const origins: number[] = [];
  let cursor = 0;
  const copyRaw = (until: number): void => {
    for (; cursor < until; cursor++) {
      text += raw[cursor];
      origins.push(cursor);
    }
  };
  for (const segment of segments) {
    copyRaw(segment.start);
    const source = raw.slice(segment.start, segment.end);
    const decodedWithSources = decodeLegacyWithSources(source, segment.encoding);
    let decoded = decodedWithSources.text;
    if (segment.encoding === 'tcvn3' && !source.includes('\u00ad')) decoded = restoreHyphenAsU(decoded);
    if (segment.allCaps) decoded = upperCaseSameLength(decoded);
    let changed = 0;
    let firstChange: FirstOccurrence | undefined;
    const sources = decodedWithSources.sources;
    for (let j = 0; j < decoded.length; j++) {
      const from = sources[j]!;
      const to = j + 1 < sources.length ? sources[j + 1]! : source.length;
      if (decoded[j] !== source.slice(from, to)) {
        changed++;
        firstChange ??= { rawStart: segment.start + from, rawEnd: segment.start + to };
      }
      text += decoded[j];
      origins.push(segment.start + from);
    }
    cursor = segment.end;
    if (firstChange !== undefined) {
      recordRepair(repairs, segment.encoding, segment.detectedBy, changed, firstChange);
    }
  }
  copyRaw(raw.length);
  return { text, origins };
}

function repairLetterOi(input: Traced, repairs: Map<RepairKind, PendingRepair>): Traced {
  if (!/[\u01a2\u01a3]/.test(input.text)) return input;
  let count = 0;
  let first: FirstOccurrence | undefined;
  let text = '';
  for (let j = 0; j < input.text.length; j++) {
    const ch = input.text[j]!;
    const replacement = ch === '\u01a3' ? '\u01b0' : ch === '\u01a2' ? '\u01af' : undefined;
    if (replacement === undefined) {
      text += ch;
      continue;
    }
    text += replacement;
    count++;
    first ??= { rawStart: input.origins[j]!, rawEnd: input.origins[j]! + 1 };
  }
  if (first !== undefined) recordRepair(repairs, 'u01a3', 'always', count, first);
  return { text, origins: input.origins };
}

const WHITESPACE = /\s/;
const SPACE_BEFORE_MARK = /[ \t\u00a0]/;
const COMBINING_MARK = /\p{M}/u;

function removeSpacesBeforeMarks(input: Traced, repairs: Map<RepairKind, PendingRepair>): Traced {
  if (!COMBINING_MARK.test(input.text)) return input;
  let text = '';
  const origins: number[] = [];
  let count = 0;
  let first: FirstOccurrence | undefined;
  const source = input.text;
  for (let j = 0; j < source.length; j++) {
    const ch = source[j]!;
    if (SPACE_BEFORE_MARK.test(ch) && text !== '' && !WHITESPACE.test(text[text.length - 1]!)) {
      let k = j;
      while (k < source.length && SPACE_BEFORE_MARK.test(source[k]!)) k++;
      if (k < source.length && COMBINING_MARK.test(source[k]!)) {
        count++;
        first ??= { rawStart: input.origins[j]!, rawEnd: input.origins[k]! };
        j = k - 1;
        continue;
      }
    }
    text += ch;
    origins.push(input.origins[j]!);
  }
  if (first !== undefined) recordRepair(repairs, 'combining-space', 'always', count, first);
  return { text, origins };
}

/** Offsets into `text` where a new cluster (a character and its combining marks) starts. */
function clusterStarts(text: string): number[] {
  const starts: number[] = [];
  let j = 0;
  for (const ch of text) {
    if (starts.length === 0 || !COMBINING_MARK.test(ch)) starts.push(j);
    j += ch.length;
  }
  return starts;
}

function composeNfc(
  input: Traced,
  isLegacyOrigin: (rawOffset: number) => boolean,
  repairs: Map<RepairKind, PendingRepair>,
): Traced {
  const source = input.text;
  if (source === source.normalize('NFC')) return input;
  const starts = clusterStarts(source);
  let text = '';
  const origins: number[] = [];
  let count = 0;
  let first: FirstOccurrence | undefined;
  for (let c = 0; c < starts.length; c++) {
    const from = starts[c]!;
    const to = c + 1 < starts.length ? starts[c + 1]! : source.length;
    const cluster = source.slice(from, to);
    const composed = cluster.normalize('NFC');
    if (composed === cluster) {
      text += cluster;
      for (let j = from; j < to; j++) origins.push(input.origins[j]!);
      continue;
    }
    text += composed;
    for (let j = 0; j < composed.length; j++) origins.push(input.origins[from]!);
    // Combining tones that TCVN3 decoding produced are part of that repair, not an NFC repair.
    if (!isLegacyOrigin(input.origins[from]!)) {
      count++;
      first ??= { rawStart: input.origins[from]!, rawEnd: input.origins[to - 1]! + 1 };
    }
  }
  if (text !== text.normalize('NFC')) {
    // Compositions across clusters (Hangul jamo and the like): give up exact tracing, not correctness.
    const whole = text.normalize('NFC');
    const scaled = whole.length === 0 ? [] : Array.from({ length: whole.length }, (_, j) =>
      origins[Math.min(origins.length - 1, Math.floor((j * origins.length) / whole.length))]!,
    );
    text = whole;
    origins.length = 0;
    origins.push(...scaled);
  }
  if (first !== undefined) recordRepair(repairs, 'nfc', 'always', count, first);
  return { text, origins };
}

function collapseWhitespace(input: Traced): Traced {
  let text = '';
  const origins: number[] = [];
  let pendingSpaceOrigin: number | undefined;
  for (let j = 0; j < input.text.length; j++) {
    const ch = input.text[j]!;
    if (WHITESPACE.test(ch)) {
      pendingSpaceOrigin ??= input.origins[j]!;
      continue;
    }
    if (pendingSpaceOrigin !== undefined && text !== '') {
      text += ' ';
      origins.push(pendingSpaceOrigin);
    }
    pendingSpaceOrigin = undefined;
    text += ch;
    origins.push(input.origins[j]!);
  }
  return { text, origins };
}

function makeOffsetMap(origins: readonly number[], rawLength: number): OffsetMap {
  return {
    toNormalized(rawOffset: number): number {
      if (!(rawOffset > 0)) return 0;
      if (rawOffset >= rawLength) return origins.length;
      let low = 0;
      let high = origins.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (origins[mid]! < rawOffset) low = mid + 1;
        else high = mid;
      }
      return low;
    },
    toRaw(normalizedOffset: number): number {
      if (!(normalizedOffset > 0)) return origins.length === 0 ? rawLength : origins[0]!;
      if (normalizedOffset >= origins.length) return rawLength;
      return origins[Math.floor(normalizedOffset)]!;
    },
  };
}

const SAMPLE_LENGTH = 40;

/** A stretch of raw text around a repair, widened to whole words, and its normalized form. */
function sampleAround(raw: string, text: string, map: OffsetMap, first: FirstOccurrence): { before: string; after: string } {
  let from = first.rawStart;
  const minFrom = Math.max(0, from - 15);
  while (from > minFrom && !/\s/.test(raw[from - 1]!)) from--;
  let to = Math.min(raw.length, Math.max(first.rawEnd, from + SAMPLE_LENGTH));
  const maxTo = Math.min(raw.length, to + 15);
  while (to < maxTo && !/\s/.test(raw[to]!)) to++;
  const before = raw.slice(from, to).replace(/\s+/g, ' ').trim();
  const after = text.slice(map.toNormalized(from), map.toNormalized(to)).trim();
  return { before, after };
}

const REPAIR_ORDER: readonly RepairKind[] = ['tcvn3', 'vni', 'u01a3', 'combining-space', 'nfc'];

function normalizeUnsafe(raw: string, options: NormalizeTextOptions): NormalizedText {
  const repairs = new Map<RepairKind, PendingRepair>();
  const segments = planLegacySegments(raw, options);
  const isLegacyOrigin = (rawOffset: number): boolean =>
    segments.some((segment) => rawOffset >= segment.start && rawOffset < segment.end);

  let traced = decodeLegacySegments(raw, segments, repairs);
  traced = repairLetterOi(traced, repairs);
  traced = removeSpacesBeforeMarks(traced, repairs);
  traced = composeNfc(traced, isLegacyOrigin, repairs);
  traced = collapseWhitespace(traced);

  const map = makeOffsetMap(traced.origins, raw.length);
  const textRepairs: TextRepair[] = [];
  for (const kind of REPAIR_ORDER) {
    const pending = repairs.get(kind);
    if (pending === undefined) continue;
    const start = map.toNormalized(pending.first.rawStart);
    const end = Math.max(start, map.toNormalized(pending.first.rawEnd));
    textRepairs.push({
      kind,
      detectedBy: pending.detectedBy,
      count: pending.count,
      start,
      end,
      ...sampleAround(raw, traced.text, map, pending.first),
    });
  }
  return { text: traced.text, repairs: textRepairs, map };
}

/**
 * Normalizes one block's raw text (see the file comment for the steps). Never throws: on an
 * unexpected failure the text is returned with only its whitespace collapsed.
 */
export function normalizeVietnameseText(text: string, options: NormalizeTextOptions = {}): NormalizedText {
  const raw = typeof text === 'string' ? text : String(text ?? '');
  try {
    return normalizeUnsafe(raw, options);
  } catch {
    const fallback = collapseWhitespace(identity(raw));
    return { text: fallback.text, repairs: [], map: makeOffsetMap(fallback.origins, raw.length) };
  }
}

// ---------------------------------------------------------------------------------------------
// Documents

interface TextField {
  text: string;
  location: Location;
  fontSpans?: FontSpan[] | undefined;
  lineStarts?: LineStart[] | undefined;
  ocr?: OcrInfo | undefined;
}

function textFields(blocks: readonly Block[]): TextField[] {
  const fields: TextField[] = [];
  for (const block of blocks) {
    if (block.kind === 'table') {
      for (const row of block.rows) fields.push(...row.cells);
    } else {
      fields.push(block);
    }
  }
  return fields;
}

/**
 * The encoding most of the document is in, if it is legacy: from the fonts when any field names
 * a legacy font (the one covering most characters), else from statistics over all the text.
 */
function documentLegacyHint(fields: readonly TextField[]): LegacyEncoding | undefined {
  const byFont = new Map<LegacyEncoding, number>();
  for (const field of fields) {
    for (const span of field.fontSpans ?? []) {
      const encoding = legacyEncodingOfFont(span.font);
      if (encoding !== undefined) byFont.set(encoding, (byFont.get(encoding) ?? 0) + Math.max(1, span.end - span.start));
    }
  }
  if (byFont.size > 0) {
    return [...byFont.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  }
  return detectByStatistics(fields.map((field) => field.text).join('\n'));
}

class RepairCollector {
  private readonly byKind = new Map<RepairKind, Repair>();

  add(normalizedLocation: Location, repairs: readonly TextRepair[]): void {
    for (const repair of repairs) {
      const existing = this.byKind.get(repair.kind);
      if (existing !== undefined) {
        existing.count++;
        continue;
      }
      const { start: _start, end: _end, ...wholeField } = normalizedLocation;
      this.byKind.set(repair.kind, {
        kind: repair.kind,
        count: 1,
        detectedBy: repair.detectedBy,
        location: { ...wholeField, start: repair.start, end: repair.end },
        before: repair.before,
        after: repair.after,
      });
    }
  }

  repairs(): Repair[] {
    return REPAIR_ORDER.flatMap((kind) => {
      const repair = this.byKind.get(kind);
      return repair === undefined ? [] : [repair];
    });
  }
}

function remapLocation(location: Location, map: OffsetMap): Location {
  const remapped: Location = { ...location };
  if (location.start !== undefined) remapped.start = map.toNormalized(location.start);
  if (location.end !== undefined) remapped.end = map.toNormalized(location.end);
  return remapped;
}

function normalizeField<T extends TextField>(field: T, legacyHint: LegacyEncoding | undefined, collector: RepairCollector): T {
  const options: NormalizeTextOptions = {};
  if (field.fontSpans !== undefined) options.fontSpans = field.fontSpans;
  if (legacyHint !== undefined) options.legacyHint = legacyHint;
  const normalized = normalizeVietnameseText(field.text, options);
  const { map } = normalized;
  const location = remapLocation(field.location, map);
  const result: T = { ...field, text: normalized.text, location };
  if (field.fontSpans !== undefined) {
    result.fontSpans = field.fontSpans
      .map((span) => ({ ...span, start: map.toNormalized(span.start), end: map.toNormalized(span.end) }))
      .filter((span) => span.end > span.start);
  }
  if (field.lineStarts !== undefined) {
    result.lineStarts = field.lineStarts.map((lineStart) => ({ ...lineStart, start: map.toNormalized(lineStart.start) }));
  }
  if (field.ocr?.uncertainRanges !== undefined) {
    // The stretches OCR was unsure of must still cover the same characters, or an unsure digit would pass as sure.
    const uncertainRanges = field.ocr.uncertainRanges
      .map((range) => ({ start: map.toNormalized(range.start), end: map.toNormalized(range.end) }))
      .filter((range) => range.end > range.start);
    result.ocr = { ...field.ocr, uncertainRanges };
  }
  collector.add(location, normalized.repairs);
  return result;
}

/**
 * Normalizes every heading, paragraph, list item and table cell of a document, remaps their
 * offsets onto the normalized text, and reports one aggregated `Repair` per kind.
 */
export function normalizeDocument(source: SourceDocument): Document {
  const legacyHint = documentLegacyHint(textFields(source.blocks));
  const collector = new RepairCollector();
  const blocks = source.blocks.map((block): Block => {
    if (block.kind !== 'table') return normalizeField(block, legacyHint, collector);
    return {
      ...block,
      rows: block.rows.map((row) => ({
        ...row,
        cells: row.cells.map((cell): TableCell => normalizeField(cell, legacyHint, collector)),
      })),
    };
  });
  return { source: source.source, blocks, notes: source.notes, repairs: collector.repairs() };
}
