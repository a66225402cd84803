/**
 * Fonts and measuring shared by the producers that lay text out themselves (a.docx's tab stops and column
 * widths, b.pdf's whole page). Widths come from the real font files through pdfkit, so a column computed here
 * fits the text that is later drawn in it.
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { TableBlock } from './source.ts';

export interface FontSet {
  regular: string;
  bold: string;
  italic: string;
  boldItalic: string;
}

const FONT_SETS: readonly FontSet[] = [
  {
    regular: '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf',
    bold: '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf',
    italic: '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf',
    boldItalic: '/usr/share/fonts/truetype/dejavu/DejaVuSerif-BoldItalic.ttf',
  },
  {
    regular: '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf',
    bold: '/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf',
    italic: '/usr/share/fonts/truetype/liberation/LiberationSerif-Italic.ttf',
    boldItalic: '/usr/share/fonts/truetype/liberation/LiberationSerif-BoldItalic.ttf',
  },
  {
    regular: '/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf',
    bold: '/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf',
    italic: '/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf',
    boldItalic: '/usr/share/fonts/truetype/liberation2/LiberationSerif-BoldItalic.ttf',
  },
];

/** pdfkit's built-in fonts are WinAnsi only: Vietnamese needs an embedded TrueType font. */
export function vietnameseFontSet(): FontSet {
  for (const set of FONT_SETS) {
    if (existsSync(set.regular)) {
      return {
        regular: set.regular,
        bold: existsSync(set.bold) ? set.bold : set.regular,
        italic: existsSync(set.italic) ? set.italic : set.regular,
        boldItalic: existsSync(set.boldItalic) ? set.boldItalic : existsSync(set.bold) ? set.bold : set.regular,
      };
    }
  }
  throw new Error(`no Vietnamese-capable TrueType font (looked for ${FONT_SETS.map((set) => set.regular).join(', ')}); apt-get install fonts-dejavu-core`);
}

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

let measuringDocument: PDFKit.PDFDocument | undefined;

/** Width in points of `text` set in the Vietnamese font at `size` points. */
export function measure(text: string, size: number, style: FontStyle = 'regular'): number {
  if (!measuringDocument) {
    const fonts = vietnameseFontSet();
    measuringDocument = new PDFDocument({ autoFirstPage: false });
    for (const name of ['regular', 'bold', 'italic', 'boldItalic'] as const) measuringDocument.registerFont(name, fonts[name]);
  }
  return measuringDocument.font(style).fontSize(size).widthOfString(text);
}

/** The widest single word: a column narrower than this would break a word (or a number) in two. */
export function longestWordWidth(text: string, size: number, style: FontStyle = 'regular'): number {
  return Math.max(0, ...text.split(/\s+/u).map((word) => measure(word, size, style)));
}

export interface ColumnNeeds {
  /** Width of the cell text on one line. */
  natural: number;
  /** Width of its longest word. */
  minimum: number;
}

/**
 * Column widths that fill `total`: every column gets at least its longest word, and the room left is shared in
 * proportion to how much each column would need to fit its text on one line (the browser's auto layout, roughly).
 * `padding` is added to every column for the cell margins.
 */
export function allocateColumns(needs: readonly ColumnNeeds[], total: number, padding: number): number[] {
  const minimum = needs.map((need) => need.minimum + padding);
  const natural = needs.map((need, index) => Math.max(need.natural + padding, minimum[index]!));
  const naturalSum = natural.reduce((a, b) => a + b, 0);
  if (naturalSum <= total) return natural.map((width) => (width / naturalSum) * total);
  const minimumSum = minimum.reduce((a, b) => a + b, 0);
  if (minimumSum >= total) return minimum.map((width) => (width / minimumSum) * total);
  const room = total - minimumSum;
  const wants = natural.map((width, index) => width - minimum[index]!);
  const wantSum = wants.reduce((a, b) => a + b, 0) || 1;
  return minimum.map((width, index) => width + (wants[index]! / wantSum) * room);
}

/** Rows written in capitals ("CỘNG HÒA XÃ HỘI …", "TM. ỦY BAN NHÂN DÂN") are set bold in letterheads. */
export function isCapitalised(text: string): boolean {
  return /\p{Lu}/u.test(text) && text === text.toLocaleUpperCase('vi');
}

/** "Tổng cộng", "Cộng", "Tổng số" …: total rows are set bold. */
export function isTotalRow(cells: readonly string[]): boolean {
  return cells.some((cell) => /^(tổng|cộng|toàn (xã|phường|huyện|tỉnh))/iu.test(cell));
}

/** Greedy word wrap of `text` into lines no wider than `width` (a word wider than that gets a line of its own). */
export function wrapWords(text: string, width: number, size: number, style: FontStyle): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (!line || measure(candidate, size, style) <= width) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

export interface FittedTextTable {
  /** Font size in points. */
  size: number;
  /** Column widths in points (without the gaps). */
  widths: number[];
  gap: number;
  /** The header row as printed: one array of column texts per line, labels wrapped to their column. */
  headerLines: string[][];
  /** Rows after the header. */
  bodyRows: string[][];
  /** False when even the smallest size leaves the table wider than `available`. */
  fits: boolean;
}

/**
 * Lays out a `text` table (typed statistics) for a page `available` points wide: columns as wide as their
 * body cells, header labels on one line when they fit and wrapped within their column when not (as typed
 * tables with long labels look), the font shrunk step by step before anything is allowed to overflow.
 */
export function fitTextTable(rows: readonly (readonly string[])[], headerRowCount: number, available: number, sizes: readonly number[]): FittedTextTable {
  const header = rows.slice(0, headerRowCount);
  const body = rows.slice(headerRowCount).map((row) => [...row]);
  const columns = Math.max(0, ...rows.map((row) => row.length));
  const label = (col: number): string => header.map((row) => row[col] ?? '').filter(Boolean).join(' ');
  let attempt: FittedTextTable | undefined;
  // First the largest size with the header on one line, down to 10 pt; failing that, the largest size with
  // the labels wrapped.
  const oneLineSizes = sizes.filter((size) => size >= 10);
  for (const [index, size] of [...oneLineSizes, ...sizes].entries()) {
    const wrapAllowed = index >= oneLineSizes.length;
    const gap = size * 1.3;
    const gaps = gap * Math.max(0, columns - 1);
    const bodyWidth = Array.from({ length: columns }, (_, col) => Math.max(0, ...body.map((row) => measure(row[col] ?? '', size, 'regular'))));
    const labelWidth = Array.from({ length: columns }, (_, col) => measure(label(col), size, 'bold'));
    const labelWord = Array.from({ length: columns }, (_, col) => longestWordWidth(label(col), size, 'bold'));
    const oneLine = bodyWidth.map((width, col) => Math.max(width, labelWidth[col]!));
    let widths: number[];
    if (oneLine.reduce((a, b) => a + b, 0) + gaps <= available) widths = oneLine;
    else if (!wrapAllowed) continue;
    else {
      widths = bodyWidth.map((width, col) => Math.max(width, labelWord[col]!));
      // Spare room goes to the labels that would otherwise wrap, to keep the header as short as possible.
      const spare = available - gaps - widths.reduce((a, b) => a + b, 0);
      const wants = widths.map((width, col) => Math.max(0, oneLine[col]! - width));
      const wantSum = wants.reduce((a, b) => a + b, 0);
      if (spare > 0 && wantSum > 0) widths = widths.map((width, col) => width + Math.min(wants[col]!, (wants[col]! / wantSum) * spare));
    }
    const wrapped = widths.map((width, col) => wrapWords(label(col), width + 0.01, size, 'bold'));
    const lineCount = Math.max(1, ...wrapped.map((lines) => lines.length));
    const headerLines = Array.from({ length: header.length ? lineCount : 0 }, (_, line) => wrapped.map((lines) => lines[line] ?? ''));
    const fits = widths.reduce((a, b) => a + b, 0) + gaps <= available;
    attempt = { size, widths, gap, headerLines, bodyRows: body, fits };
    if (fits) break;
  }
  if (!attempt) throw new Error('fitTextTable: no font sizes given');
  return attempt;
}

/** Header and total rows are set bold, which also makes them wider. */
export function gridRowStyle(table: TableBlock, rowIndex: number): FontStyle {
  return rowIndex < table.headerRows || isTotalRow(table.rows[rowIndex]!.cells.map((cell) => cell.text)) ? 'bold' : 'regular';
}

/**
 * Font size and column widths (points) of a real table `available` points wide: the largest of `sizes` at
 * which every column is at least as wide as its longest word, so that no number is ever broken inside a
 * cell. When even the smallest size cannot do that, header labels may break mid-word; body cells still not.
 */
export function gridTableLayout(table: TableBlock, available: number, padding: number, sizes: readonly number[]): { size: number; widths: number[] } {
  const needsAt = (size: number): { body: ColumnNeeds[]; headerWord: number[]; headerLine: number[] } => {
    const body = Array.from({ length: table.columnCount }, () => ({ natural: 0, minimum: 0 }));
    const headerWord = Array.from({ length: table.columnCount }, () => 0);
    const headerLine = Array.from({ length: table.columnCount }, () => 0);
    table.rows.forEach((row, rowIndex) => {
      const style = gridRowStyle(table, rowIndex);
      row.cells.forEach((cell, col) => {
        // A spanning cell's text is shared by several columns; counting it in one would make that column too wide.
        if (cell.coveredBy || cell.colSpan > 1) return;
        const need = body[col]!;
        const word = longestWordWidth(cell.text, size, style);
        // Header labels wrap in their cells as a matter of course: they set a column's minimum, but the room
        // left over goes to the columns whose body text would otherwise wrap.
        if (rowIndex < table.headerRows) {
          headerWord[col] = Math.max(headerWord[col]!, word);
          headerLine[col] = Math.max(headerLine[col]!, measure(cell.text, size, style));
        } else {
          need.natural = Math.max(need.natural, measure(cell.text, size, style));
          need.minimum = Math.max(need.minimum, word);
        }
      });
    });
    return { body, headerWord, headerLine };
  };
  const total = (values: readonly number[]): number => values.reduce((a, b) => a + b + padding, 0);
  let chosen: { size: number; needs: ColumnNeeds[] } | undefined;
  // In order of preference: every cell on one line at a readable size; room to spare for the text columns to
  // wrap in (20 % of the width); just enough for the longest words.
  const tiers: ((needs: ColumnNeeds[], size: number) => boolean)[] = [
    (needs, size) => size >= 10 && total(needs.map((need) => Math.max(need.natural, need.minimum))) <= available,
    (needs) => total(needs.map((need) => need.minimum)) <= available * 0.8,
    (needs) => total(needs.map((need) => need.minimum)) <= available,
  ];
  tiers.forEach((fits, tier) => {
    for (const size of sizes) {
      if (chosen) return;
      const { body, headerWord, headerLine } = needsAt(size);
      // In the first tier the header is on one line too.
      const needs = body.map((need, col) => ({ natural: tier === 0 ? Math.max(need.natural, headerLine[col]!) : need.natural, minimum: Math.max(need.minimum, headerWord[col]!) }));
      if (fits(needs, size)) chosen = { size, needs };
    }
  });
  if (!chosen) {
    for (const size of sizes) {
      const { body } = needsAt(size);
      if (total(body.map((need) => need.minimum)) <= available || size === sizes.at(-1)) {
        chosen = { size, needs: body };
        break;
      }
    }
  }
  return { size: chosen!.size, widths: allocateColumns(chosen!.needs, available, padding) };
}

/**
 * Font size and the left column's share of a letterhead/signature table: the largest size at which the
 * longest line of each column fits its column (a unit name wrapped over two lines looks wrong), the left
 * share between 35 % and 55 %. `margin` is the cell padding per column, in points.
 */
export function twoColumnLayout(rows: readonly { left: string; right: string }[], available: number, margin: number, sizes: readonly number[]): { size: number; split: number } {
  let layout = { size: sizes[0]!, split: 0.5 };
  for (const size of sizes) {
    const left = Math.max(1, ...rows.map((row) => measure(row.left, size, 'bold'))) + margin;
    const right = Math.max(1, ...rows.map((row) => measure(row.right, size, 'bold'))) + margin;
    layout = { size, split: Math.min(0.55, Math.max(0.35, left / (left + right))) };
    if (left + right <= available && left <= available * layout.split && right <= available * (1 - layout.split)) break;
  }
  return layout;
}
