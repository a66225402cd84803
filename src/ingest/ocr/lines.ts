/**
 * OCR words become the same `PdfLine`s that pdf.js text becomes, in PDF points, so that a scanned page
 * goes through the very layout code a text page does (running headers, tables, paragraphs, headings)
 * and its blocks get pages and line numbers the same way.
 *
 * Each word is drawn in a font of its own, named after the word: the join code that merges lines into
 * paragraphs and cells already carries font runs through every offset change (dropped hyphens, added
 * spaces), so the word's stretch of the final block text comes out exactly. `attachOcrInfo` turns those
 * stretches into the block's `ocr` confidence and uncertain ranges and removes the pseudo-fonts.
 */
import type { Block, FontSpan, OcrInfo, TableCell } from '../../model/document.ts';
import { buildLines, type PdfLine, type TextPiece } from '../pdf/lines.ts';
import type { OcrLine, OcrPageText, OcrWord } from './hocr.ts';
import type { Rule } from '../pdf/graphics.ts';
import { deskewPoint, type Deskew } from './rules.ts';
import { splitGluedSyllables } from './words.ts';

/** Below this word confidence (Tesseract's 0–100), a number read there is flagged as uncertain. */
export const UNCERTAIN_BELOW = 75;

/**
 * Scanner noise reads as lone marks ("|", "!", ":", "‘") in the margins and between lines. Marks that
 * never stand alone in a report are always dropped; other lone punctuation only when Tesseract was
 * unsure of it; bullets and signs ("-", "+", "•", "%") are kept, since they shape lists and figures.
 */
const SYMBOLS_ONLY = /^[^\p{L}\p{N}]+$/u;
const NEVER_ALONE = /^[|¦`´ˆ˜°~_^¬]+$/u;
const BULLET_OR_SIGN = /^[-–—+•%=()/]/u;
const NOISE_CONFIDENCE = 60;

export interface OcrWordRecord {
  confidence: number;
}

/** The words of every OCR'd page, by the pseudo-font id their text was drawn in. */
export type OcrWordIndex = Map<string, OcrWordRecord>;

const FONT_PREFIX = 'ocr-word:';

/** A dash narrower than this share of an em is a speck: a printed hyphen or bullet is a quarter em wide. */
const MIN_DASH_EM = 0.12;
/** Punctuation hangs on the word before it; one standing this far (ems) from any word is a speck. */
const LONE_MARK_GAP_EM = 1;

function gapToNeighbours(word: OcrWord, line: OcrLine): { before: number; after: number } {
  let before = Infinity;
  let after = Infinity;
  for (const other of line.words) {
    if (other === word) continue;
    if (other.box.x1 <= word.box.x0 + 1) before = Math.min(before, word.box.x0 - other.box.x1);
    else if (other.box.x0 >= word.box.x1 - 1) after = Math.min(after, other.box.x0 - word.box.x1);
  }
  return { before, after };
}

function isNoise(word: OcrWord, line: OcrLine): boolean {
  if (!SYMBOLS_ONLY.test(word.text)) return false;
  if (NEVER_ALONE.test(word.text)) return true;
  if (/^[-–—]$/u.test(word.text) && word.box.x1 - word.box.x0 < MIN_DASH_EM * line.size) return true;
  if (BULLET_OR_SIGN.test(word.text)) return false;
  const { before, after } = gapToNeighbours(word, line);
  return word.confidence < NOISE_CONFIDENCE || Math.min(before, after) > LONE_MARK_GAP_EM * line.size;
}

function baselineAt(line: OcrLine, x: number): number {
  return line.box.y1 + line.baseline.offset + line.baseline.slope * (x - line.box.x0);
}

/** Lines this short give no reliable slope. */
const MIN_WORDS_FOR_SLOPE = 3;

/**
 * How the page is rotated, from the baselines Tesseract measured: the median slope of its longer lines.
 * Scans are rarely straight; half a degree moves the end of a line by a third of a line height.
 */
export function pageDeskew(text: OcrPageText, dpi: number): Deskew {
  const slopes = text.lines.filter((line) => line.words.length >= MIN_WORDS_FOR_SLOPE).map((line) => line.baseline.slope).sort((a, b) => a - b);
  const slope = slopes.length === 0 ? 0 : slopes[Math.floor(slopes.length / 2)]!;
  return { slope, centreX: text.width / 2, centreY: text.height / 2, scale: 72 / dpi };
}

/**
 * A short word Tesseract was unsure of, standing apart from the rest of its line (or alone on it), is a
 * speck or a stamp's edge read as letters; kept, it would pass for a column of a table.
 */
const STRAY_CONFIDENCE = 60;
const STRAY_MAX_LENGTH = 3;
const STRAY_GAP_EM = 2;

function isStray(word: OcrWord, line: OcrLine): boolean {
  if (word.confidence >= STRAY_CONFIDENCE || [...word.text].length > STRAY_MAX_LENGTH || /^\d+$/u.test(word.text)) return false;
  const gap = Math.min(
    ...line.words.filter((other) => other !== word).map((other) => Math.max(other.box.x0 - word.box.x1, word.box.x0 - other.box.x1)),
  );
  return !Number.isFinite(gap) || gap > STRAY_GAP_EM * line.size;
}

/** Characters that never begin or end a word in these reports, only a border misread next to one. */
const BRACKET_GLYPHS = /[|[\]{}]/u;
/** Letter-like glyphs a border is also read as; they are real letters unless the border runs through them. */
const STROKE_GLYPHS = /[Il!'‘’]/u;

interface PlacedWord {
  text: string;
  x: number;
  xEnd: number;
  y: number;
}

/**
 * Drops the character a vertical table border was read as ("{thiếu", "tờ|"). A bar or brace goes when
 * a border runs within half an em of the word's edge; a letter-like glyph only when the border passes
 * through that very character, since real text keeps the cell's padding away from the border.
 */
function stripBorderGlyphs(word: PlacedWord, size: number, verticals: readonly Rule[]): PlacedWord {
  const borderWithin = (from: number, to: number): boolean =>
    verticals.some((rule) => rule.at >= from && rule.at <= to && rule.from - size <= word.y && rule.to + size >= word.y);
  let { text, x, xEnd } = word;
  const charWidth = (xEnd - x) / Math.max(1, [...text].length);
  const first = text[0] ?? '';
  if (
    text.length > 1 &&
    ((BRACKET_GLYPHS.test(first) && borderWithin(x - 0.5 * size, x + charWidth)) ||
      (STROKE_GLYPHS.test(first) && borderWithin(x - 1, x + 0.5 * charWidth)))
  ) {
    text = text.slice(1);
    x += charWidth;
  }
  const last = text[text.length - 1] ?? '';
  if (
    text.length > 1 &&
    ((BRACKET_GLYPHS.test(last) && borderWithin(xEnd - charWidth, xEnd + 0.5 * size)) ||
      (STROKE_GLYPHS.test(last) && borderWithin(xEnd - 0.5 * charWidth, xEnd + 1)))
  ) {
    text = text.slice(0, -1);
    xEnd -= charWidth;
  }
  return { ...word, text, x, xEnd };
}

/**
 * The page's words as pdf.js-like text pieces in deskewed PDF points, grouped into lines by the same
 * code as a text page's (so two columns side by side share a line, as they do on a text page). Every
 * kept word is registered in `index`. `rules` are the page's table borders, in the same coordinates.
 */
export function ocrLinesOf(pageNumber: number, text: OcrPageText, deskew: Deskew, index: OcrWordIndex, rules: readonly Rule[] = []): PdfLine[] {
  const verticals = rules.filter((rule) => rule.orientation === 'v');
  const pieces: TextPiece[] = [];
  for (const ocrLine of text.lines) {
    const size = Math.max(1, ocrLine.size * deskew.scale);
    const words = ocrLine.words
      .filter((word) => !isNoise(word, ocrLine) && !isStray(word, ocrLine))
      .map((word) => {
        const middle = (word.box.x0 + word.box.x1) / 2;
        const left = deskewPoint(deskew, word.box.x0, baselineAt(ocrLine, word.box.x0));
        const placed: PlacedWord = {
          text: word.text,
          x: left.x,
          xEnd: left.x + (word.box.x1 - word.box.x0) * deskew.scale,
          y: deskewPoint(deskew, middle, baselineAt(ocrLine, middle)).y,
        };
        const stripped = stripBorderGlyphs(placed, size, verticals);
        return { word, placed: { ...stripped, text: splitGluedSyllables(stripped.text) } };
      })
      .filter(({ placed }) => !NEVER_ALONE.test(placed.text) && !(verticals.length > 0 && /^[|[\]{}]$/u.test(placed.text)));
    if (!words.some(({ placed }) => /[\p{L}\p{N}]/u.test(placed.text))) continue;
    words.forEach(({ word, placed }, i) => {
      const fontId = `${FONT_PREFIX}${pageNumber}:${index.size}`;
      index.set(fontId, { confidence: word.confidence });
      // Tesseract already decided where its words end: the trailing space keeps them apart even where
      // the gap is narrower than the pdf.js line builder's word-space threshold.
      const spaced = i < words.length - 1 ? `${placed.text} ` : placed.text;
      pieces.push({ text: spaced, x: placed.x, xEnd: placed.xEnd, y: placed.y, size, fontId });
    });
  }
  return buildLines(pageNumber, pieces);
}

/** Mean confidence of the words kept on a page, 0 when none was. */
export function meanConfidence(lines: readonly PdfLine[], index: OcrWordIndex): number {
  const confidences = lines.flatMap((line) => line.fontRuns.map((run) => index.get(run.fontId)?.confidence ?? 0));
  return confidences.length === 0 ? 0 : confidences.reduce((sum, value) => sum + value, 0) / confidences.length;
}

/** The pseudo-font names the block builder must know to keep their spans (it drops unnamed fonts). */
export function registerPseudoFonts(index: OcrWordIndex, fontNames: Map<string, string>): void {
  for (const fontId of index.keys()) fontNames.set(fontId, fontId);
}

interface OcrField {
  text: string;
  fontSpans?: FontSpan[] | undefined;
  ocr?: OcrInfo | undefined;
}

function annotateField<T extends OcrField>(field: T, index: OcrWordIndex): T {
  if (!field.fontSpans) return field;
  const words = field.fontSpans.filter((span) => span.font.startsWith(FONT_PREFIX));
  if (words.length === 0) return field;
  const otherSpans = field.fontSpans.filter((span) => !span.font.startsWith(FONT_PREFIX));
  const confidences = words.map((span) => index.get(span.font)?.confidence ?? 0);
  const uncertainRanges: Array<{ start: number; end: number }> = [];
  words.forEach((span, i) => {
    if (confidences[i]! >= UNCERTAIN_BELOW) return;
    // A word's span carries the space the line builder put before or after it.
    let { start, end } = span;
    while (start < end && /\s/u.test(field.text[start] ?? '')) start++;
    while (end > start && /\s/u.test(field.text[end - 1] ?? '')) end--;
    if (end <= start) return;
    const last = uncertainRanges[uncertainRanges.length - 1];
    if (last && start - last.end <= 1) last.end = end;
    else uncertainRanges.push({ start, end });
  });
  const confidence = Math.round((confidences.reduce((sum, value) => sum + value, 0) / confidences.length) * 10) / 10;
  const { fontSpans: _dropped, ...rest } = field;
  return {
    ...rest,
    ...(otherSpans.length > 0 ? { fontSpans: otherSpans } : {}),
    ocr: { confidence, ...(uncertainRanges.length > 0 ? { uncertainRanges } : {}) },
  } as T;
}

/**
 * Gives every block and table cell built from OCR words its `ocr` info (mean word confidence, the
 * stretches read with low confidence) and removes the per-word pseudo-fonts.
 */
export function attachOcrInfo(blocks: Block[], index: OcrWordIndex): Block[] {
  if (index.size === 0) return blocks;
  return blocks.map((block): Block => {
    if (block.kind !== 'table') return annotateField(block, index);
    return {
      ...block,
      rows: block.rows.map((row) => ({ ...row, cells: row.cells.map((cell): TableCell => annotateField(cell, index)) })),
    };
  });
}
