/**
 * Tables typed as text: rows of cells separated by pipes ("| 1 | Đăng ký thường trú | 46 | 46 |"), by tabs
 * (what copying a Word table into a text file gives, and what clerks type with tab stops), or by runs of
 * spaces under a header line of labels ("Mức độ   Tổng số   Đúng hạn   Trễ hạn   Tỷ lệ" then
 * "Mức 3   5120   4875   245   95,2%"), as web portals print statistics. They arrive in TXT files, in DOCX
 * paragraphs and in PDF text without rulings; read as prose, their numbers took whatever cue was nearest.
 *
 * One detector for every format: `findTextTables` reads lines; the text adapter hands it the file's raw lines
 * (where the columns' positions are still exact), and `tablesInParagraphs` runs after every adapter over the
 * lines of consecutive text blocks, splitting a block where a table starts or ends inside it. Both make the
 * same TableBlocks as a real table, which the one table reader (src/extract/table-grid.ts) then reads.
 *
 * Conservative: a table needs two or more rows with the same column structure and numbers in columns; two
 * columns (a label and a number) only under a header line of labels, since "Mục lục … 5" lines and label-value
 * lists read fine as prose.
 */
import type { Block, FontSpan, OcrInfo, SourceDocument, TableBlock, TableCell, TableRow } from '../model/document.ts';
import type { Location } from '../model/location.ts';

export interface TextLine {
  /** The line as typed: inner runs of spaces and tabs kept, leading spaces kept where the source has them. */
  text: string;
  page?: number;
  line: number;
}

export interface TextTableCell {
  text: string;
  /** Offsets of the cell's text in its line. */
  start: number;
  end: number;
  colSpan: number;
}

export interface TextTableRow {
  /** Index of the row's line in the lines given. */
  lineIndex: number;
  cells: TextTableCell[];
  header: boolean;
}

export interface TextTable {
  /** First and last line (indexes in the lines given) the table covers, blank lines between rows included. */
  first: number;
  last: number;
  rows: TextTableRow[];
}

interface Segment {
  text: string;
  start: number;
  end: number;
}

type ParsedLine =
  | { kind: 'blank' }
  | { kind: 'separator' }
  | { kind: 'pipes' | 'tabs' | 'spaces' | 'text'; cells: Segment[] };

/** Same as the table reader's numeric cell: only a number, a ratio or a percentage. */
const NUMERIC = /^[\s\d.,/%=()+\-–]*\d[\s\d.,/%=()+\-–;:]*$/u;
const BLANK_CELL = /^[\s\-–—_.x×*/]*$/iu;
/** "-", "+", "1.", "a)", "(2)", "II.": the first "column" of a list set with tabs, not of a table. */
const MARKER_ONLY = /^(?:[-–—+•*]|\d{1,2}[.)]|[a-zđ][.)]|\(\d{1,2}\)|[IVXL]{1,5}[.)])$/u;
const SEPARATOR_CELL = /^\s*:?-{2,}:?\s*$/u;
/** A cell longer than this is a sentence, not a table cell. */
const MAX_CELL_LENGTH = 150;
/** Header labels wrapped by a narrow column take several lines. */
const MAX_HEADER_LINES = 6;

function isNumeric(text: string): boolean {
  return !BLANK_CELL.test(text) && NUMERIC.test(text);
}

/** "1", "12": an STT number, not a figure. */
function isRowNumber(text: string): boolean {
  return /^\s*(?:\d{1,3}|[IVXLC]{1,5}|[a-zđ])[.)]?\s*$/u.test(text);
}

function segmentsOf(line: string, separator: RegExp): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  const push = (from: number, to: number) => {
    const raw = line.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    segments.push({ text, start: from + lead, end: from + lead + text.length });
  };
  for (const match of line.matchAll(separator)) {
    push(last, match.index);
    last = match.index + match[0].length;
  }
  push(last, line.length);
  return segments;
}

function parseLine(text: string): ParsedLine {
  if (text.trim() === '') return { kind: 'blank' };
  const trimmed = text.trim();
  const pipes = (trimmed.match(/\|/gu) ?? []).length;
  if (trimmed.startsWith('|') ? pipes >= 2 : pipes >= 2 && / \| /u.test(trimmed)) {
    let cells = segmentsOf(text, /\|/gu);
    if (cells[0]?.text === '' && text.trimStart().startsWith('|')) cells = cells.slice(1);
    if (cells[cells.length - 1]?.text === '' && text.trimEnd().endsWith('|')) cells = cells.slice(0, -1);
    if (cells.length > 0 && cells.every((cell) => SEPARATOR_CELL.test(cell.text))) return { kind: 'separator' };
    return { kind: 'pipes', cells };
  }
  if (text.includes('\t')) {
    // Trailing tabs are empty cells (a group label's covered columns); trailing spaces are nothing.
    const cells = segmentsOf(text.replace(/[ \u00A0]+$/u, ''), /\t/gu);
    return { kind: cells.filter((cell) => cell.text !== '').length >= 2 ? 'tabs' : 'text', cells };
  }
  const cells = segmentsOf(text, /(?:[ \u00A0]{2,}|\u00A0)/gu).filter((cell) => cell.text !== '');
  return { kind: cells.length >= 2 ? 'spaces' : 'text', cells };
}

/** Every table typed as text among the lines, in order. */
export function findTextTables(lines: readonly TextLine[]): TextTable[] {
  const parsed = lines.map((line) => parseLine(line.text));
  const tables: TextTable[] = [];
  let index = 0;
  while (index < parsed.length) {
    const line = parsed[index]!;
    let found: TextTable | Retry | undefined;
    if (line.kind === 'pipes' || line.kind === 'separator') found = pipeTable(parsed, index);
    else if (line.kind === 'tabs' || line.kind === 'spaces') found = alignedTable(parsed, index);
    if (found && 'rows' in found) {
      tables.push(found);
      index = found.last + 1;
    } else {
      // A run that holds fewer than two rows of numbers holds no table anywhere in it: it is skipped whole,
      // so that a long run of tabbed lines is looked at once, not once per line.
      index = Math.max(index + 1, found?.from ?? 0);
    }
  }
  return tables;
}

/** No table here; none starts before `from` either. */
interface Retry {
  from: number;
}

/** A run of table-like lines is cut here: no report's table is longer, and the rest is looked at after it. */
const MAX_RUN_LINES = 2000;

/** Lines from `from` on that `accepts`, allowing one blank line between two of them. */
function runOf(parsed: readonly ParsedLine[], from: number, accepts: (line: ParsedLine) => boolean): number[] {
  const run: number[] = [];
  let index = from;
  while (index < parsed.length && run.length < MAX_RUN_LINES) {
    const line = parsed[index]!;
    if (accepts(line)) {
      run.push(index);
      index++;
    } else if (line.kind === 'blank' && run.length > 0 && index + 1 < parsed.length && accepts(parsed[index + 1]!)) {
      index++;
    } else {
      break;
    }
  }
  return run;
}

function pipeTable(parsed: readonly ParsedLine[], from: number): TextTable | Retry {
  const run = runOf(parsed, from, (line) => line.kind === 'pipes' || line.kind === 'separator');
  const skip = { from: run[run.length - 1]! + 1 };
  const rows = run.filter((index) => parsed[index]!.kind === 'pipes');
  if (rows.length < 2) return skip;
  const cellsOf = (index: number) => (parsed[index] as { cells: Segment[] }).cells;
  if (!rows.some((index) => cellsOf(index).some((cell, column) => isNumeric(cell.text) && !(column === 0 && isRowNumber(cell.text))))) return skip;
  const width = rows.reduce((widest, index) => Math.max(widest, cellsOf(index).length), 0);
  if (width < 2) return skip;
  // Rows above a "|---|---|" line are the header; without one, leading rows without numbers are.
  const separatorAt = run.findIndex((index) => parsed[index]!.kind === 'separator');
  const firstData = rows.findIndex((index) => cellsOf(index).some((cell) => isNumeric(cell.text) && !isRowNumber(cell.text)));
  return {
    first: run[0]!,
    last: run[run.length - 1]!,
    rows: rows.map((index, position) => ({
      lineIndex: index,
      header: separatorAt >= 0 ? index < run[separatorAt]! : position < firstData,
      cells: padded(cellsOf(index), width).map((cell) => ({ ...cell, colSpan: 1 })),
    })),
  };
}

function padded(cells: Segment[], width: number): Segment[] {
  const out = [...cells];
  const end = cells[cells.length - 1]?.end ?? 0;
  while (out.length < width) out.push({ text: '', start: end, end });
  return out;
}

/**
 * Rows of cells separated by tabs or runs of spaces: a run of such lines with numbers in columns, under up to
 * six header lines of labels (a label wrapped by a narrow column takes several). Columns are matched by position (spaces) or by tab count; a row with fewer
 * cells has its numbers aligned to the right, and a row typed with single spaces ("Mức 3 5120 4875 245 95,2%")
 * has its trailing numbers split off when that gives the table's column count.
 */
function alignedTable(parsed: readonly ParsedLine[], from: number): TextTable | Retry | undefined {
  const rowLike = (line: ParsedLine) => line.kind === 'tabs' || line.kind === 'spaces' || (line.kind === 'text' && typedRow(line.cells[0]!));
  const numbered = (line: ParsedLine) =>
    (line.kind === 'tabs' || line.kind === 'spaces' || line.kind === 'text') &&
    (line.kind === 'text' || line.cells.some((cell, column) => isNumeric(cell.text) && !(column === 0 && isRowNumber(cell.text))));
  // The run ends at the first line without numbers after lines with numbers: a table's rows are contiguous.
  let seenNumbers = false;
  // Above the rows, a tabbed line with one short label is a header label wrapped by its narrow column.
  const wrappedLabel = (line: ParsedLine) =>
    line.kind === 'text' && line.cells.length >= 2 && line.cells.every((cell) => cell.text.length <= 24) && trailingNumbers(line.cells.find((cell) => cell.text !== '') ?? line.cells[0]!).length === 0;
  const run = runOf(parsed, from, (line) => {
    if (!seenNumbers && wrappedLabel(line)) return true;
    if (!rowLike(line) || (seenNumbers && !numbered(line))) return false;
    seenNumbers ||= numbered(line);
    return true;
  });
  if (run.length < 2) return undefined;
  const usesTabs = run.filter((index) => parsed[index]!.kind === 'tabs' || wrappedLabel(parsed[index]!)).length * 2 > run.length;
  let cellsByLine = run.map((index) => cellsOfLine(parsed[index]!, usesTabs));
  // Tabs: a column every row leaves empty (a leading tab to reach a right-aligned stop) is no column.
  if (usesTabs) cellsByLine = dropEmptyColumns(cellsByLine);
  // Rows typed with single spaces take the column count of the lines that set columns apart.
  const setApart = cellsByLine.filter((_, k) => parsed[run[k]!]!.kind !== 'text').map((cells) => cells.length);
  if (setApart.length > 0) {
    const columns = modeOf(setApart);
    cellsByLine = cellsByLine.map((cells, k) => (parsed[run[k]!]!.kind === 'text' && !wrappedLabel(parsed[run[k]!]!) ? (splitTrailingNumbers(cells, columns) ?? cells) : cells));
  }

  const isData = (cells: Segment[]) => cells.some((cell, column) => isNumeric(cell.text) && !(column === 0 && isRowNumber(cell.text)));
  const firstData = cellsByLine.findIndex(isData);
  if (firstData < 0) return { from: run[run.length - 1]! + 1 };
  // The rows: the lines with numbers from the first on, up to a line without (a label line ends the table; it
  // may head the next one, which is looked for from there).
  let lastData = firstData;
  while (lastData + 1 < cellsByLine.length && isData(cellsByLine[lastData + 1]!)) lastData++;
  const retry: Retry = { from: run[lastData]! + 1 };
  if (lastData === firstData) return retry;
  // Header lines are the label lines right above the first row.
  const headerFrom = Math.max(0, firstData - MAX_HEADER_LINES);
  let start = firstData;
  // A label wrapped by a narrow column leaves a line with one word under it ("Đang" / "giải" / "quyết"): such a
  // line belongs to the header when a line above it, within reach, holds two labels or more.
  const labels = (position: number) => cellsByLine[position]!.filter((cell) => cell.text !== '').length;
  const isLabelLine = (position: number) =>
    labels(position) >= 1 && !isData(cellsByLine[position]!) && (cellsByLine[position]!.length >= 2 || cellsByLine[position]!.every((cell) => cell.text.length <= 20));
  let top = firstData;
  while (top > headerFrom && isLabelLine(top - 1)) top--;
  for (let candidate = top; candidate < firstData; candidate++) {
    if (labels(candidate) >= 2) {
      start = candidate;
      break;
    }
  }
  const positions = Array.from({ length: lastData - start + 1 }, (_, k) => start + k);
  const header = positions.filter((position) => position < firstData);
  const data = positions.filter((position) => position >= firstData);

  const width = modeOf(data.map((position) => cellsByLine[position]!.length));
  if (width < 2) return retry;
  if (data.some((position) => cellsByLine[position]!.some((cell) => cell.text.length > MAX_CELL_LENGTH))) return retry;
  if (header.some((position) => cellsByLine[position]!.some((cell) => cell.text.length > 60 || /[:;.]$/u.test(cell.text)))) return retry;

  // Rows: tail-split the short ones, then align every row on the columns of the full-width rows.
  const rows = positions.map((position) => {
    let cells = cellsByLine[position]!;
    if (cells.length < width && position >= firstData) cells = splitTrailingNumbers(cells, width) ?? splitLabelledNumbers(cells, width) ?? cells;
    return cells;
  });
  const full = rows.filter((cells, k) => positions[k]! >= firstData && cells.length === width);
  if (full.length * 2 < data.length) return retry;
  const bands = Array.from({ length: width }, (_, column) => ({
    from: full.reduce((least, cells) => Math.min(least, cells[column]!.start), Infinity),
    to: full.reduce((most, cells) => Math.max(most, cells[column]!.end), 0),
  }));
  const aligned = rows.map(
    (cells, k) =>
      alignRow(cells, width, bands, usesTabs || parsed[run[positions[k]!]!]!.kind === 'text', positions[k]! < firstData) ??
      // Lines whose leading spaces the source dropped (a PDF line, a DOCX paragraph) lose their positions.
      (cells.length < width ? alignRow(cells, width, bands, true, false) : undefined),
  );
  if (aligned.some((cells) => cells === undefined)) return retry;
  const cellAt = (position: number, column: number) => aligned[position - start]![column]!.text;

  const numericColumns = Array.from({ length: width }, (_, column) => column)
    .filter((column) => data.filter((position) => isNumeric(cellAt(position, column))).length * 2 >= data.length)
    .filter((column) => !(column === 0 && data.every((position) => isRowNumber(cellAt(position, 0)))));
  if (numericColumns.length === 0) return retry;
  // Two numbers a row, or one under a header of labels; never a list set with tabs ("1.<tab>Text").
  if (numericColumns.length < 2 && header.length === 0) return retry;
  if (width === 2 && data.every((position) => MARKER_ONLY.test(cellAt(position, 0)))) return retry;

  const lineIndexes = positions.map((position) => run[position]!);
  return {
    first: lineIndexes[0]!,
    last: lineIndexes[lineIndexes.length - 1]!,
    rows: aligned.map((cells, k) => ({ lineIndex: lineIndexes[k]!, header: positions[k]! < firstData, cells: cells! })),
  };
}

function cellsOfLine(line: ParsedLine, usesTabs: boolean): Segment[] {
  if (line.kind === 'blank' || line.kind === 'separator') return [];
  if (line.kind === 'tabs' && !usesTabs) return line.cells.filter((cell) => cell.text !== '');
  return line.cells;
}

function dropEmptyColumns(rows: Segment[][]): Segment[][] {
  const width = rows.reduce((widest, cells) => Math.max(widest, cells.length), 0);
  const empty = Array.from({ length: width }, (_, column) => rows.every((cells) => (cells[column]?.text ?? '') === ''));
  return rows.map((cells) => cells.filter((_, column) => !empty[column]));
}

function modeOf(values: number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
}

/** The numbers a segment ends with, each as its own segment: "Mức 3 5120 4875" → ["5120", "4875"] (and the rest). */
function trailingNumbers(segment: Segment): Segment[] {
  const tokens = [...segment.text.matchAll(/\S+/gu)].map((match) => ({ text: match[0], start: segment.start + match.index, end: segment.start + match.index + match[0].length }));
  const numbers: Segment[] = [];
  for (let k = tokens.length - 1; k >= 0 && isNumeric(tokens[k]!.text); k--) numbers.unshift(tokens[k]!);
  return numbers;
}

/**
 * A row typed with single spaces: a short label, then two numbers or more ("Mức 3 5120 4875 245 95,2%"). A sentence
 * that happens to end with two ("… ở nhóm thủ tục khai tử là 52,2% (1.402/2.687).") is prose after the table.
 */
function typedRow(segment: Segment): boolean {
  const numbers = trailingNumbers(segment);
  if (numbers.length < 2) return false;
  const label = segment.text.slice(0, numbers[0]!.start - segment.start);
  return label.length <= MAX_TYPED_LABEL && !/[;:.,]\s/u.test(label);
}

/** A row label typed before its numbers is a name ("Xã Phú Lâm", "Đăng ký thường trú"), never a sentence. */
const MAX_TYPED_LABEL = 60;

/** Splits the last cell's trailing numbers into cells of their own, when that gives exactly `width` cells. */
function splitTrailingNumbers(cells: Segment[], width: number): Segment[] | undefined {
  const last = cells[cells.length - 1];
  if (!last) return undefined;
  const numbers = trailingNumbers(last);
  const missing = width - cells.length;
  if (numbers.length < missing) return undefined;
  const taken = numbers.slice(numbers.length - missing);
  const restText = last.text.slice(0, taken[0]!.start - last.start).trim();
  if (restText === '') return undefined;
  return [...cells.slice(0, -1), { text: restText, start: last.start, end: last.start + restText.length }, ...taken];
}

/** "Tổng cộng 7420" typed with one space where the other rows have two: every label + numbers cell split, when that gives `width`. */
function splitLabelledNumbers(cells: Segment[], width: number): Segment[] | undefined {
  const split = cells.flatMap((cell) => {
    const numbers = trailingNumbers(cell);
    const restText = numbers.length > 0 ? cell.text.slice(0, numbers[0]!.start - cell.start).trim() : '';
    if (numbers.length === 0 || restText === '') return [cell];
    return [{ text: restText, start: cell.start, end: cell.start + restText.length }, ...numbers];
  });
  return split.length === width ? split : undefined;
}

/**
 * Places a row's cells in the table's columns. Full rows map one to one. Shorter rows: by position when
 * spaces set the columns (a header label over several columns spans them); aligned to the right when tabs do
 * or the row was typed with single spaces (numbers end the row; a header missing only its first label, a
 * total row without an STT).
 */
function alignRow(cells: Segment[], width: number, bands: { from: number; to: number }[], byCount: boolean, header: boolean): TextTableCell[] | undefined {
  // A row typed with a tab too many at its end.
  while (cells.length > width && cells[cells.length - 1]!.text === '') cells = cells.slice(0, -1);
  if (cells.length === width) return cells.map((cell) => ({ ...cell, colSpan: 1 }));
  if (cells.length > width) return undefined;
  const empty = (at: number): TextTableCell => ({ text: '', start: at, end: at, colSpan: 1 });
  if (byCount) {
    const shift = width - cells.length;
    return [...Array.from({ length: shift }, () => empty(cells[0]?.start ?? 0)), ...cells.map((cell) => ({ ...cell, colSpan: 1 }))];
  }
  const placed: (TextTableCell | undefined)[] = Array.from({ length: width }, () => undefined);
  for (const cell of cells) {
    const overlapping = bands.map((band, column) => ({ column, overlap: Math.min(band.to, cell.end) - Math.max(band.from, cell.start) })).filter((entry) => entry.overlap > 0);
    let first: number;
    let last: number;
    if (overlapping.length > 0) {
      first = overlapping[0]!.column;
      last = overlapping[overlapping.length - 1]!.column;
      if (!header) first = last = overlapping.sort((a, b) => b.overlap - a.overlap)[0]!.column;
    } else {
      const middle = (cell.start + cell.end) / 2;
      first = last = bands.map((band, column) => ({ column, distance: Math.abs((band.from + band.to) / 2 - middle) })).sort((a, b) => a.distance - b.distance)[0]!.column;
    }
    while (first <= last && placed[first] !== undefined) first++;
    if (first > last) return undefined;
    placed[first] = { ...cell, colSpan: last - first + 1 };
    for (let column = first + 1; column <= last; column++) placed[column] = { text: '', start: cell.end, end: cell.end, colSpan: 0 };
  }
  const row: TextTableCell[] = [];
  placed.forEach((cell, column) => {
    if (cell === undefined) row.push(empty(Math.min(bands[column]?.from ?? 0, cells[cells.length - 1]?.end ?? 0)));
    else if (cell.colSpan > 0) row.push(cell);
  });
  return row;
}

// ---------------------------------------------------------------------------------------------
// After ingest: tables among the lines of consecutive text blocks.

interface BlockLine extends TextLine {
  blockIndex: number;
  /** Offsets of the line in its block's text. */
  start: number;
  end: number;
}

type TextBlock = Exclude<Block, TableBlock>;

function linesOf(block: TextBlock, blockIndex: number): BlockLine[] {
  const starts = block.lineStarts && block.lineStarts.length > 0 ? block.lineStarts : [{ start: 0, line: block.location.line, ...(block.location.page !== undefined ? { page: block.location.page } : {}) }];
  const lines: BlockLine[] = [];
  starts.forEach((lineStart, k) => {
    const end = k + 1 < starts.length ? starts[k + 1]!.start : block.text.length;
    const page = lineStart.page ?? block.location.page;
    // A line break inside a DOCX paragraph (<br>) separates rows as well.
    let from = lineStart.start;
    for (const piece of block.text.slice(lineStart.start, end).split('\n')) {
      lines.push({ text: piece, line: lineStart.line, ...(page !== undefined ? { page } : {}), blockIndex, start: from, end: from + piece.length });
      from += piece.length + 1;
    }
  });
  return lines;
}

/**
 * Finds tables typed as text in the document's text blocks and replaces their lines by TableBlocks. A block
 * holding text before or after a table is split there: the part before keeps its kind, the part after
 * becomes a paragraph.
 */
export function tablesInParagraphs(document: SourceDocument): SourceDocument {
  const lines: BlockLine[] = [];
  document.blocks.forEach((block, blockIndex) => {
    if (block.kind !== 'table') lines.push(...linesOf(block, blockIndex));
  });
  if (!lines.some((line) => line.text.includes('\t') || line.text.includes('|') || /\S[ \u00A0]{2,}\S/u.test(line.text))) return document;
  // Lines of different blocks with a table block between them are never one table.
  const tables = findTextTables(lines).filter((table) => {
    const blocks = lines.slice(table.first, table.last + 1).map((line) => line.blockIndex);
    return blocks.every((blockIndex, k) => k === 0 || blockIndex - blocks[k - 1]! <= 1);
  });
  if (tables.length === 0) return document;

  const linesByBlock = new Map<number, BlockLine[]>();
  for (const line of lines) {
    const list = linesByBlock.get(line.blockIndex);
    if (list) list.push(line);
    else linesByBlock.set(line.blockIndex, [line]);
  }
  const blocks: Block[] = [];
  let tableAt = 0;
  let lineAt = 0;
  document.blocks.forEach((block, blockIndex) => {
    if (block.kind === 'table') {
      blocks.push(block);
      return;
    }
    const own = linesByBlock.get(blockIndex) ?? [];
    let pieceStart = 0;
    let keptKind = true;
    for (const line of own) {
      const index = lineAt++;
      const table = tables[tableAt];
      if (!table || index < table.first || index > table.last) continue;
      if (index === table.first && line.start > pieceStart) {
        const before = slice(block, pieceStart, line.start, keptKind);
        if (before) blocks.push(before);
      }
      if (index === table.first) blocks.push(tableBlock(table, lines, document.blocks));
      pieceStart = line.end;
      keptKind = false;
      if (index === table.last) tableAt++;
    }
    if (pieceStart === 0 && keptKind) blocks.push(block);
    else {
      const after = slice(block, pieceStart, block.text.length, false);
      if (after) blocks.push(after);
    }
  });
  return { ...document, blocks };
}

/** A block's text from `start` to `end`, with its offsets moved; undefined when nothing but spaces is left. */
function slice(block: TextBlock, start: number, end: number, keepKind: boolean): TextBlock | undefined {
  const raw = block.text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (text === '') return undefined;
  const from = start + lead;
  const to = from + text.length;
  const lineStarts = (block.lineStarts ?? []).filter((lineStart) => lineStart.start < to);
  const firstStart = [...lineStarts].reverse().find((lineStart) => lineStart.start <= from) ?? lineStarts[0];
  const inside = lineStarts.filter((lineStart) => lineStart.start > from);
  const shiftedStarts = firstStart ? [{ ...firstStart, start: 0 }, ...inside.map((lineStart) => ({ ...lineStart, start: lineStart.start - from }))] : [];
  const page = firstStart?.page ?? block.location.page;
  const lastLine = shiftedStarts[shiftedStarts.length - 1]?.line;
  const location: Location = {
    ...(page !== undefined ? { page } : {}),
    line: firstStart?.line ?? block.location.line,
    ...(lastLine !== undefined && lastLine !== (firstStart?.line ?? block.location.line) && block.location.page === undefined ? { endLine: lastLine } : {}),
  };
  const fontSpans = clipSpans(block.fontSpans, from, to);
  const ocr = clipOcr(block.ocr, from, to);
  const common = {
    text,
    location,
    ...(shiftedStarts.length > 1 ? { lineStarts: shiftedStarts } : {}),
    ...(fontSpans ? { fontSpans } : {}),
    ...(ocr ? { ocr } : {}),
  };
  if (keepKind && block.kind === 'heading') return { kind: 'heading', level: block.level, ...common };
  if (keepKind && block.kind === 'list-item') return { kind: 'list-item', level: block.level, ordered: block.ordered, ...(block.marker !== undefined ? { marker: block.marker } : {}), ...common };
  return { kind: 'paragraph', ...common };
}

function clipSpans(spans: readonly FontSpan[] | undefined, from: number, to: number): FontSpan[] | undefined {
  if (!spans) return undefined;
  const clipped = spans
    .map((span) => ({ start: Math.max(span.start, from) - from, end: Math.min(span.end, to) - from, font: span.font }))
    .filter((span) => span.end > span.start);
  return clipped.length > 0 ? clipped : undefined;
}

function clipOcr(ocr: OcrInfo | undefined, from: number, to: number): OcrInfo | undefined {
  if (!ocr) return undefined;
  const ranges = ocr.uncertainRanges
    ?.map((range) => ({ start: Math.max(range.start, from) - from, end: Math.min(range.end, to) - from }))
    .filter((range) => range.end > range.start);
  return { confidence: ocr.confidence, ...(ranges && ranges.length > 0 ? { uncertainRanges: ranges } : {}) };
}

function tableBlock(table: TextTable, lines: readonly BlockLine[], sourceBlocks: readonly Block[]): TableBlock {
  const rows: TableRow[] = table.rows.map((row) => {
    const line = lines[row.lineIndex]!;
    const block = sourceBlocks[line.blockIndex] as TextBlock;
    const location: Location = { ...(line.page !== undefined ? { page: line.page } : {}), line: line.line };
    const cells: TableCell[] = row.cells.map((cell) => {
      const from = line.start + cell.start;
      const to = line.start + cell.end;
      const fontSpans = clipSpans(block.fontSpans, from, to);
      const ocr = clipOcr(block.ocr, from, to);
      return { text: cell.text, colSpan: cell.colSpan, rowSpan: 1, location: { ...location }, ...(fontSpans ? { fontSpans } : {}), ...(ocr ? { ocr } : {}) };
    });
    return { cells, header: row.header, location };
  });
  return { kind: 'table', rows, location: { ...rows[0]!.location } };
}

/** TableBlocks for the tables among a text file's raw lines (the text adapter's own use of the detector). */
export function tableBlockFromLines(table: TextTable, lines: readonly TextLine[]): TableBlock {
  const rows: TableRow[] = table.rows.map((row) => {
    const line = lines[row.lineIndex]!;
    const location: Location = { ...(line.page !== undefined ? { page: line.page } : {}), line: line.line };
    return { cells: row.cells.map((cell) => ({ text: cell.text, colSpan: cell.colSpan, rowSpan: 1, location: { ...location } })), header: row.header, location };
  });
  return { kind: 'table', rows, location: { ...rows[0]!.location } };
}
