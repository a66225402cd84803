/**
 * Rebuilds visual lines from pdf.js text items. pdf.js gives positioned strings in content-stream
 * order, which is not reading order (a wrapped table cell comes before the rest of its row), and
 * it splits a line wherever the producer moved the pen.
 */

/** One pdf.js text item in display space: y grows downwards, units are PDF points. */
export interface TextPiece {
  text: string;
  x: number;
  xEnd: number;
  /** Baseline. */
  y: number;
  /** Font height (the em), from the text matrix. */
  size: number;
  /** pdf.js's internal font id ("g_d0_f3"); mapped to the real name later, when known. */
  fontId: string;
}

/** A run of a line's text drawn in one font; offsets into `PdfLine.text`. */
export interface FontRun {
  start: number;
  end: number;
  fontId: string;
}

export interface PdfLine {
  page: number;
  /** 1-based, counted after running headers and footers are dropped; 0 until then. */
  number: number;
  /** Content pieces (whitespace-only items removed) in x order. */
  pieces: TextPiece[];
  text: string;
  fontRuns: FontRun[];
  x: number;
  xEnd: number;
  /** Baseline of the line's dominant (largest) text. */
  y: number;
  top: number;
  bottom: number;
  size: number;
}

/**
 * Share of an em above and below the baseline that a line's glyphs occupy; close enough for
 * the Times/Arial faces these reports use to decide which items share a line.
 */
export const ASCENT = 0.8;
export const DESCENT = 0.2;

/**
 * Two items belong to one line when their vertical extents overlap by at least this share of the
 * smaller one: a superscript (raised about a third of an em) stays on its line, the next line
 * (about 1.15 em below) does not overlap at all.
 */
const LINE_OVERLAP = 0.5;

/**
 * A gap wider than this share of the font size between two items is a word space that the
 * producer expressed by moving the pen instead of drawing a space. A Times space is about
 * 0.25 em; kerning and per-glyph positioning stay well under 0.1 em.
 */
const WORD_GAP = 0.15;

/**
 * A footnote reference drawn small and raised right after a figure ("13.176" + "1") must not
 * become part of it ("13.1761"). Its digits are kept as superscript digits ("13.176¹"), which no
 * number reader takes for digits and a reader still sees.
 */
const SUPERSCRIPT_DIGITS = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

function isSuperscript(piece: TextPiece, line: { y: number; size: number }): boolean {
  return piece.size <= 0.8 * line.size && piece.y < line.y - 0.15 * line.size;
}

interface RawItem {
  str: string;
  /** pdf.js text matrix already combined with the page viewport (display space). */
  matrix: number[];
  width: number;
  fontId: string;
}

/**
 * Turns raw items into pieces, dropping rotated text (stamps, watermarks, margin notes written
 * sideways), which would otherwise be spliced into the lines it crosses.
 */
export function toPieces(items: RawItem[]): TextPiece[] {
  const pieces: TextPiece[] = [];
  for (const item of items) {
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.matrix;
    const scaleX = Math.hypot(a, b);
    const size = Math.hypot(c, d);
    if (size <= 0 || scaleX <= 0) continue;
    if (Math.abs(b) > 0.1 * scaleX) continue;
    // Whitespace items carry no information the gaps do not: pdf.js emits them for the gaps.
    if (item.str.trim().length === 0) continue;
    pieces.push({ text: item.str, x: e, xEnd: e + item.width, y: f, size, fontId: item.fontId });
  }
  return pieces;
}

function overlapShare(aTop: number, aBottom: number, bTop: number, bBottom: number): number {
  const overlap = Math.min(aBottom, bBottom) - Math.max(aTop, bTop);
  const smaller = Math.min(aBottom - aTop, bBottom - bTop);
  return smaller > 0 ? overlap / smaller : 0;
}

/** Groups pieces into lines, top to bottom, each line's pieces left to right. */
export function buildLines(page: number, pieces: TextPiece[]): PdfLine[] {
  const sorted = [...pieces].sort((p, q) => p.y - q.y || p.x - q.x);
  const groups: { pieces: TextPiece[]; top: number; bottom: number; y: number; size: number }[] = [];
  for (const piece of sorted) {
    const top = piece.y - ASCENT * piece.size;
    const bottom = piece.y + DESCENT * piece.size;
    // Items arrive sorted by baseline, so only the last few groups can still take this one.
    let target: (typeof groups)[number] | undefined;
    for (let i = groups.length - 1; i >= 0 && i >= groups.length - 3; i--) {
      const group = groups[i]!;
      if (overlapShare(top, bottom, group.top, group.bottom) >= LINE_OVERLAP) {
        target = group;
        break;
      }
    }
    if (!target) {
      groups.push({ pieces: [piece], top, bottom, y: piece.y, size: piece.size });
      continue;
    }
    target.pieces.push(piece);
    target.top = Math.min(target.top, top);
    target.bottom = Math.max(target.bottom, bottom);
    if (piece.size > target.size) {
      target.size = piece.size;
      target.y = piece.y;
    }
  }
  groups.sort((g, h) => g.y - h.y);
  return groups.map((group) => {
    group.pieces.sort((p, q) => p.x - q.x);
    for (const piece of group.pieces) {
      if (isSuperscript(piece, group)) piece.text = piece.text.replace(/[0-9]/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]!);
    }
    const { text, fontRuns } = joinPieces(group.pieces);
    return {
      page,
      number: 0,
      pieces: group.pieces,
      text,
      fontRuns,
      x: group.pieces[0]!.x,
      xEnd: Math.max(...group.pieces.map((p) => p.xEnd)),
      y: group.y,
      top: group.top,
      bottom: group.bottom,
      size: group.size,
    };
  });
}

/**
 * Concatenates pieces in x order with exactly one space wherever the text or the geometry shows
 * a word boundary, and never two.
 */
export function joinPieces(pieces: TextPiece[]): { text: string; fontRuns: FontRun[] } {
  let text = '';
  const fontRuns: FontRun[] = [];
  let previous: TextPiece | undefined;
  for (const piece of pieces) {
    let chunk = piece.text.replace(/\s+/g, ' ');
    if (previous) {
      const gap = piece.x - previous.xEnd;
      const boundary = gap > WORD_GAP * Math.min(piece.size, previous.size);
      if (boundary && !text.endsWith(' ') && !chunk.startsWith(' ')) chunk = ' ' + chunk;
      else if (text.endsWith(' ') && chunk.startsWith(' ')) chunk = chunk.slice(1);
    } else {
      chunk = chunk.trimStart();
    }
    if (chunk.length === 0) continue;
    const start = text.length;
    text += chunk;
    const last = fontRuns[fontRuns.length - 1];
    if (last && last.fontId === piece.fontId && last.end === start) last.end = text.length;
    else fontRuns.push({ start, end: text.length, fontId: piece.fontId });
    previous = piece;
  }
  const trimmed = text.trimEnd();
  for (const run of fontRuns) run.end = Math.min(run.end, trimmed.length);
  return { text: trimmed, fontRuns: fontRuns.filter((run) => run.end > run.start) };
}

/**
 * Splits a line into horizontal segments separated by gaps of at least `minGap` points: the
 * cells of a table row drawn without borders, or a label and its value set apart by a tab.
 */
export function segmentsOf(line: PdfLine, minGapEm: number): TextPiece[][] {
  const segments: TextPiece[][] = [];
  let current: TextPiece[] = [];
  let currentEnd = -Infinity;
  for (const piece of line.pieces) {
    if (current.length > 0 && piece.x - currentEnd >= minGapEm * Math.min(piece.size, line.size)) {
      segments.push(current);
      current = [];
    }
    current.push(piece);
    currentEnd = Math.max(currentEnd, piece.xEnd);
  }
  if (current.length > 0) segments.push(current);
  return segments;
}
