/**
 * What a table says, whatever file it came from: which rows are headers, what each column measures, which
 * row is a total of its column and which column a total of its row, which column is a percentage of two
 * others. One analysis for DOCX tables, ruled and borderless PDF tables, OCR'd tables and tables typed as
 * text (src/ingest/text-tables.ts), so that the same table gives the same figures from every file.
 *
 * The model (src/model/document.ts) lists in each row only the cells that start in it, HTML-style: a cell
 * with `rowSpan` 2 also covers the same columns of the next row, which does not list it again. Every
 * producer follows this (mammoth for DOCX, the grid reader for ruled PDF tables), so columns are counted
 * here, once, by laying the cells out on a grid.
 */
import type { TableBlock, TableCell } from '../model/index.ts';
import { ratioVerdict } from '../check/arithmetic.ts';
import { findNumbers } from '../normalize/numbers.ts';
import { foldDiacritics } from './text-match.ts';
import { TOTAL_ROW_LABEL } from '../../rules/breakdown-markers.ts';

export interface GridCell {
  cell: TableCell;
  /** Index of the row (in `block.rows`) the cell starts in. */
  row: number;
  /** First grid column the cell covers. */
  column: number;
  colSpan: number;
  rowSpan: number;
}

/** How one numeric cell is a part of a total in the same table. */
export interface CellLinks {
  /** The row holding the total of this cell's column ("Tổng cộng"), when the cell is one of its parts. */
  columnTotalRow?: number;
  /** The column holding the total of this cell's row ("Tổng số"), when the cell is one of its parts. */
  rowTotalColumn?: number;
}

/** A percentage cell read as the rate of two counts of its row: "Đúng hạn" of "Tổng số". */
export interface CellRate {
  denominator: number;
  percent: number;
  percentDecimals: number;
  /** The percentage cell's text, for the figure's raw text. */
  raw: string;
  /** Grid column of the percentage. */
  column: number;
}

export type RowRole = 'header' | 'column-numbers' | 'title' | 'unit' | 'section' | 'data';

export interface TableGrid {
  block: TableBlock;
  columnCount: number;
  /** The cells starting in each row, left to right. */
  rows: GridCell[][];
  /** The cell covering each (row, column), wherever it starts. */
  owners: (GridCell | undefined)[][];
  roles: RowRole[];
  /** Index of the first row after the header rows. */
  bodyStart: number;
  /** Per column: its header labels top to bottom, joined ("Hồ sơ tiếp nhận Trực tuyến"). */
  columnHeaders: string[];
  /** Every label the table gives itself — headers, unit row, title rows — for what its figures are about. */
  context: string;
  /** The table's own title: the captions above it and its title rows ("Bảng 2. Kết quả lũy kế đến ngày 31/3/2025"). */
  title: string;
  /** "Đơn vị tính: hồ sơ" → "hồ sơ". */
  unit?: string;
  totalRows: ReadonlySet<number>;
  totalColumns: ReadonlySet<number>;
  /** Per column: its group, the columns under one label of the top header row (merged, or spread over blanks). */
  groups: number[];
  /** The table groups thousands with commas ("11,191") and marks decimals with a dot. */
  commaGrouping: boolean;
  /** Rows holding figures (not headers, titles, unit or section rows), in order. */
  dataRows: number[];
  /** A data row → the total row of its columns ("Tổng cộng") it is a part of. */
  columnTotalOf: ReadonlyMap<number, number>;
  /** A count column → the total column of its row ("Tổng số") it is a part of. */
  rowTotalOf: ReadonlyMap<number, number>;
  /** Columns of percentages ("Tỷ lệ (%)" over "95,2"), whether or not they are read as rates of their row. */
  percentColumns: Set<number>;
  /** Rows whose unit column ("Đơn vị tính") says "%": their numbers are percentages. */
  percentRows: ReadonlySet<number>;
  /** Percentage columns consumed as rates: the percentage column → its numerator column. */
  rateColumns: ReadonlyMap<number, { numerator: number; denominator: number }>;
}

/** "1.234", "12,5%", "6.065/6.588", "(5)": a cell that is only a number (or a ratio, or a percentage). */
export const NUMERIC_CELL = /^[\s\d.,/%=()+\-–]*\d[\s\d.,/%=()+\-–;:]*$/u;
/** A footnote mark after a cell's number ("13.176¹", a PDF's superscript): not part of the number. */
const FOOTNOTE_MARK = /[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*$/u;

/** "8 386", "1 146,5": one number whose thousands are grouped with spaces, as some units type them. */
const SPACE_GROUPED = /^\s*\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?:,\d+)?\s*%?\s*$/u;

/** "11,191": thousands grouped with commas, as a table typed the English way writes them. */
const COMMA_GROUPED = /^\s*\d{1,3}(?:,\d{3})+\s*$/u;

/**
 * The cell's text as a number is read from it: without a trailing footnote mark, and with the spaces that group
 * a lone number's thousands — or its commas, in a table that groups thousands the English way
 * (`TableGrid.commaGrouping`) — made no-break spaces, which the number reader groups like dots. Same length,
 * so offsets into the cell hold.
 */
export function cellText(text: string, commaGrouping = false): string {
  const withoutMark = text.replace(FOOTNOTE_MARK, '');
  if (SPACE_GROUPED.test(withoutMark)) return withoutMark.replace(/(\d) (?=\d{3}(?:\D|$))/gu, '$1\u00A0');
  if (commaGrouping && COMMA_GROUPED.test(withoutMark)) return withoutMark.replace(/,/gu, '\u00A0');
  return withoutMark;
}

/**
 * A table that writes "1,184" and "11,191" in its count columns and "93.1" in its rate column groups thousands
 * with commas and marks decimals with a dot, the English way: its "1,184" is 1184, not 1,184. Decided per table,
 * and only when the table shows a dot decimal or a number with two comma groups and no Vietnamese-style number.
 */
function groupsWithCommas(texts: readonly string[]): boolean {
  const grouped = texts.filter((text) => COMMA_GROUPED.test(text));
  if (grouped.length === 0) return false;
  if (texts.some((text) => /^\s*\d{1,3}(?:\.\d{3})+\s*%?\s*$/u.test(text) || /^\s*\d+,\d{1,2}\s*%?\s*$/u.test(text))) return false;
  return texts.some((text) => /^\s*\d+\.\d{1,2}\s*%?\s*$/u.test(text)) || grouped.some((text) => (text.match(/,/gu) ?? []).length > 1);
}
/** An empty cell, or one that says "none" with a dash or a cross: no figure, no label. */
const BLANK_CELL = /^[\s\-–—_.x×*/]*$/iu;
/** An STT cell: "1", "2.", "I", "a)". */
const ROW_NUMBER = /^\s*(?:\d{1,3}|[IVXLC]{1,5}|[a-zđ])[.)]?\s*$/u;
const UNIT_ROW = /^\s*\(?\s*đơn\s+vị(?:\s+tính)?\s*[:：]\s*(.+?)\s*\)?\s*$/iu;
/** A caption ending with its unit: "Bảng 3. Kết quả … Đơn vị tính: hồ sơ". */
const UNIT_AT_END = /\(?\s*đơn\s+vị(?:\s+tính)?\s*[:：]\s*([^():;]+?)\s*\)?\s*$/iu;
const RATE_HEADER = /(?:tỷ|tỉ)\s*lệ|%/iu;

export function isBlankCell(text: string): boolean {
  return BLANK_CELL.test(text);
}

export function isNumericCell(text: string): boolean {
  return !isBlankCell(text) && NUMERIC_CELL.test(cellText(text));
}

/** Digits that state a figure: not a date, a year, a level ("Mức 3"), a quarter, a month or a column number. */
function statesFigure(text: string): boolean {
  const stripped = text
    .replace(/(?<![\d.,/])\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?(?![\d.,/])/gu, '')
    .replace(/\b(?:19|20)\d\d\b/gu, '')
    .replace(/(?:mức(?:\s+độ)?|quý|tháng|lần|giai đoạn|phụ lục|biểu|cột|bảng|khu phố|tổ|thôn|xóm|đợt)\s*[\dIVX]+/giu, '');
  return /\d/u.test(stripped);
}

/** "(1) | (2) | (3)" or "1 | 2 | 3 = 1+2": the row numbering the columns of a Vietnamese form. */
function isColumnNumberRow(cells: readonly GridCell[]): boolean {
  const texts = cells.map((cell) => cell.cell.text.trim()).filter((text) => text !== '');
  if (texts.length < 3) return false;
  let previous = 0;
  for (const text of texts) {
    const match = /^\(?(\d{1,2})\)?(?:\s*=.*)?$/u.exec(text);
    if (!match || Number(match[1]) <= previous) return false;
    previous = Number(match[1]);
  }
  return true;
}

function layOut(block: TableBlock): { rows: GridCell[][]; owners: (GridCell | undefined)[][]; columnCount: number } {
  const owners: (GridCell | undefined)[][] = block.rows.map(() => []);
  const rows: GridCell[][] = [];
  let columnCount = 0;
  block.rows.forEach((row, r) => {
    const placed: GridCell[] = [];
    let column = 0;
    for (const cell of row.cells) {
      while (owners[r]![column] !== undefined) column++;
      const colSpan = Math.max(1, cell.colSpan ?? 1);
      const rowSpan = Math.max(1, Math.min(cell.rowSpan ?? 1, block.rows.length - r));
      const gridCell: GridCell = { cell, row: r, column, colSpan, rowSpan };
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) owners[r + dr]![column + dc] = gridCell;
      placed.push(gridCell);
      column += colSpan;
    }
    columnCount = Math.max(columnCount, column, owners[r]!.length);
    rows.push(placed);
  });
  return { rows, owners, columnCount };
}

function filledCells(cells: readonly GridCell[]): GridCell[] {
  return cells.filter((cell) => !isBlankCell(cell.cell.text));
}

/** A cell that states a figure, not counting an STT number in the first column. */
function isFigureCell(cell: GridCell): boolean {
  if (cell.column === 0 && ROW_NUMBER.test(cell.cell.text)) return false;
  return statesFigure(cell.cell.text);
}

/** Header rows, a label wrapped over several lines in a borderless table counting once per line. */
const MAX_HEADER_ROWS = 6;

function classifyRows(block: TableBlock, rows: GridCell[][]): { roles: RowRole[]; bodyStart: number } {
  const roles: RowRole[] = rows.map(() => 'data');
  // A figure is a number cell, or a number in a cell of prose ("Tiếp nhận 08 hồ sơ, trong đó:"); a header label
  // wrapped after its digit ("TK mức" / "2 đã" / "kích hoạt") is neither.
  const hasFigures = rows.map(
    (cells) => !isColumnNumberRow(cells) && cells.some((cell) => isFigureCell(cell) && (isNumericCell(cell.cell.text) || cell.cell.text.trim().split(/\s+/u).length > 3)),
  );
  const firstFigureRow = hasFigures.indexOf(true);
  let bodyStart = 0;
  if (firstFigureRow > 0) {
    // Rows above the first figures are titles, a unit row, header rows and a column-number row, in any order.
    let headers = 0;
    for (let r = 0; r < firstFigureRow; r++) {
      const filled = filledCells(rows[r]!);
      if (filled.length === 0) roles[r] = 'title';
      else if (filled.length === 1 && UNIT_ROW.test(filled[0]!.cell.text)) roles[r] = 'unit';
      else if (filled.length === 1 && rows[r]!.length === 1) roles[r] = 'title';
      else if (isColumnNumberRow(rows[r]!)) roles[r] = 'column-numbers';
      else {
        roles[r] = 'header';
        headers++;
      }
    }
    if (headers <= MAX_HEADER_ROWS) bodyStart = firstFigureRow;
    else roles.fill('data', 0, firstFigureRow);
  }
  if (bodyStart === 0) {
    // No figures at all (or a wall of text above them): the rows the source marks as headers, else a first row of labels.
    let count = 0;
    while (count < block.rows.length && block.rows[count]!.header && !hasFigures[count]) count++;
    if (count === 0 && rows[0] && rows[0].every((cell) => !/\d/u.test(cell.cell.text) || /^(stt|tt)$/iu.test(cell.cell.text.trim()))) count = 1;
    for (let r = 0; r < count; r++) roles[r] = rows[r]!.length === 1 && filledCells(rows[r]!).length === 1 ? 'title' : 'header';
    bodyStart = count;
  }
  // A table running over a page repeats its header rows there ("Tổng số | Trực tuyến | …" on page 2): a header again,
  // not a row of the body — its "Tổng số" would pass for a total row and cut the rows above it off their total.
  const labelsOf = (cells: GridCell[]) => filledCells(cells).map((cell) => cell.cell.text.trim()).join('\u0000');
  const headerLabels = new Set(roles.flatMap((role, r) => (role === 'header' && r < bodyStart ? [labelsOf(rows[r]!)] : [])));
  for (let r = bodyStart; r < rows.length; r++) {
    const filled = filledCells(rows[r]!);
    if (!hasFigures[r] && filled.length > 1 && headerLabels.has(labelsOf(rows[r]!))) roles[r] = 'header';
    else if (filled.length === 1 && UNIT_ROW.test(filled[0]!.cell.text)) roles[r] = 'unit';
    else if (filled.length === 1 && !/\d/u.test(filled[0]!.cell.text)) roles[r] = 'section';
  }
  return { roles, bodyStart };
}

/**
 * Header text of each header row and column. A header line whose labels mostly start in lower case ("cước",
 * "mức 2", "đã cấp") continues the labels above it, wrapped by a narrow column in a borderless or typed table:
 * it is joined to them rather than read as a level of its own. A group label that the source could not merge
 * (pipes, typed text, a PDF that draws no inner borders in its header) stands in the first of its columns with
 * blanks to its right, above sub-labels: it is spread over them.
 */
function headerTexts(grid: { owners: (GridCell | undefined)[][]; columnCount: number }, headerRows: number[]): { texts: string[][]; rows: number[] } {
  const textOf = (r: number, c: number) => grid.owners[r]![c]?.cell.text.trim() ?? '';
  const rows: number[] = [];
  const texts: string[][] = [];
  for (const r of headerRows) {
    const previous = rows[rows.length - 1];
    // Cells of this row's own (not a label merged down from the row above).
    const own = Array.from({ length: grid.columnCount }, (_, c) => c).filter((c) => textOf(r, c) !== '' && (previous === undefined || grid.owners[r]![c] !== grid.owners[previous]![c]));
    const lower = own.filter((c) => /^[\p{Ll}\d(%/]/u.test(textOf(r, c))).length;
    if (previous !== undefined && own.length > 0 && lower * 2 > own.length) {
      const joined = texts[texts.length - 1]!;
      for (const c of own) joined[c] = `${joined[c]} ${textOf(r, c)}`.trim();
      continue;
    }
    rows.push(r);
    texts.push(Array.from({ length: grid.columnCount }, (_, c) => textOf(r, c)));
  }
  const last = texts[texts.length - 1];
  for (let h = 0; h < texts.length - 1; h++) {
    const row = texts[h]!;
    for (let c = 1; c < grid.columnCount; c++) {
      const owner = grid.owners[rows[h]!]![c];
      const leftOwner = grid.owners[rows[h]!]![c - 1];
      if (row[c] !== '' || owner !== undefined && owner === leftOwner) continue;
      if (row[c - 1] !== '' && last![c] !== '' && last![c - 1] !== '' && texts.slice(h + 1).some((lower) => lower[c - 1] !== row[c - 1])) row[c] = row[c - 1]!;
    }
  }
  return { texts, rows };
}

function fold(text: string): string {
  return foldDiacritics(text.toLowerCase()).replace(/[^a-z0-9]+/gu, ' ').trim();
}

/** One number read from a cell ("1.234", "95,2%", "95,2"), or undefined when it holds none or several. */
export function cellNumber(text: string, commaGrouping = false): { value: number; percent: boolean; decimals: number } | undefined {
  if (!isNumericCell(text)) return undefined;
  const mentions = findNumbers(cellText(text, commaGrouping).trim()).filter((mention) => mention.value !== undefined && mention.kind !== 'list-marker');
  if (mentions.length !== 1) return undefined;
  const mention = mentions[0]!;
  if (mention.kind === 'percent') return { value: mention.value!, percent: true, decimals: mention.percentDecimals ?? 0 };
  if (mention.kind !== 'integer' && mention.kind !== 'decimal') return undefined;
  const decimals = /[,.](\d{1,2})\s*%?\s*$/u.exec(mention.raw)?.[1]?.length ?? 0;
  return { value: mention.value!, percent: false, decimals };
}

/**
 * `captions`: the short paragraphs right above the table ("Bảng 2. Kết quả giải quyết hồ sơ theo mức độ",
 * "Đơn vị tính: hồ sơ"), which name what it counts as much as its own header does.
 */
export function readTableGrid(block: TableBlock, captions: readonly string[] = []): TableGrid {
  const { rows, owners, columnCount } = layOut(block);
  const { roles, bodyStart } = classifyRows(block, rows);
  const headerRowIndexes = roles.map((role, r) => (role === 'header' && r < bodyStart ? r : -1)).filter((r) => r >= 0);
  const { texts, rows: headerLevels } = headerRowIndexes.length > 0 ? headerTexts({ owners, columnCount }, headerRowIndexes) : { texts: [], rows: [] };
  const columnHeaders = Array.from({ length: columnCount }, (_, c) => {
    const parts: string[] = [];
    for (const row of texts) if (row[c] && parts[parts.length - 1] !== row[c]) parts.push(row[c]!);
    return parts.join(' ');
  });
  /** The lowest header label of a column: what it measures, without its group. */
  const ownHeader = (c: number) => {
    for (let h = texts.length - 1; h >= 0; h--) if (texts[h]![c]) return texts[h]![c]!;
    return '';
  };
  let unit: string | undefined;
  const contextParts: string[] = [];
  const titleParts: string[] = [...captions];
  for (const caption of captions) {
    unit ??= UNIT_AT_END.exec(caption)?.[1];
    contextParts.push(caption);
  }
  rows.forEach((cells, r) => {
    if (roles[r] === 'unit') {
      const text = filledCells(cells)[0]!.cell.text;
      unit ??= UNIT_ROW.exec(text)?.[1];
      contextParts.push(text);
    } else if (roles[r] === 'title' && r < bodyStart) {
      contextParts.push(...filledCells(cells).map((cell) => cell.cell.text));
      titleParts.push(...filledCells(cells).map((cell) => cell.cell.text));
    }
  });
  contextParts.push(...texts.flat().filter(Boolean));

  const dataRows = roles.map((role, r) => (role === 'data' && r >= bodyStart ? r : -1)).filter((r) => r >= 0);
  const numericColumns = new Set<number>();
  for (let c = 0; c < columnCount; c++) {
    const values = dataRows.map((r) => owners[r]![c]).filter((cell): cell is GridCell => cell !== undefined && cell.column === c && !isBlankCell(cell.cell.text));
    if (values.length > 0 && values.filter((cell) => isNumericCell(cell.cell.text) && isFigureCell(cell)).length * 2 > values.length) numericColumns.add(c);
  }
  const rowLabelOf = (r: number) => labelOfRow(owners, r, columnCount);
  const totalRows = new Set(dataRows.filter((r) => TOTAL_ROW_LABEL.test(rowLabelOf(r).trim())));
  const totalColumns = new Set([...numericColumns].filter((c) => TOTAL_ROW_LABEL.test(ownHeader(c)) || (ownHeader(c) === '' && TOTAL_ROW_LABEL.test(columnHeaders[c]!))));
  // A column headed only "Tổng số" counts what the unit row says: "Tổng số hồ sơ".
  if (unit) for (const c of totalColumns) if (/^(?:tổng\s*(?:cộng|số)?|cộng)$/iu.test(columnHeaders[c]!.trim())) columnHeaders[c] = `${columnHeaders[c]} ${unit}`;

  // Groups: a top-row label over several columns. Only meaningful with two header rows or more.
  const groups = Array.from({ length: columnCount }, (_, c) => c);
  if (texts.length >= 2) {
    const top = texts[0]!;
    for (let c = 1; c < columnCount; c++) {
      const owner = owners[headerLevels[0]!]![c];
      const sameCell = owner !== undefined && owner === owners[headerLevels[0]!]![c - 1];
      if (sameCell || (top[c] !== '' && top[c] === top[c - 1])) groups[c] = groups[c - 1]!;
    }
  }
  const rateColumns = new Map<number, { numerator: number; denominator: number }>();
  const grid: TableGrid = {
    block,
    columnCount,
    rows,
    owners,
    roles,
    bodyStart,
    columnHeaders,
    context: contextParts.join(' '),
    title: titleParts.join(' '),
    ...(unit ? { unit } : {}),
    totalRows,
    totalColumns,
    groups,
    dataRows,
    columnTotalOf: columnTotals(dataRows, totalRows),
    commaGrouping: groupsWithCommas(dataRows.flatMap((r) => rows[r]!.map((cell) => cell.cell.text.trim()))),
    rowTotalOf: new Map(),
    percentColumns: new Set(),
    percentRows: percentRowsOf(owners, dataRows, columnCount, ownHeader),
    rateColumns,
  };
  for (const [column, rate] of findRateColumns(grid, dataRows, numericColumns, ownHeader)) rateColumns.set(column, rate);
  const rowTotalOf = new Map<number, number>();
  for (const total of totalColumns) for (const part of rowPartsOf(grid, total)) if (!rowTotalOf.has(part)) rowTotalOf.set(part, total);
  grid.rowTotalOf = rowTotalOf;
  return grid;
}

/** The value met most often (on a tie, the one that got there first). */
function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (best === undefined || count > counts.get(best)!) best = value;
  }
  return best;
}

/** A column headed "Đơn vị tính" (or "ĐVT") names each row's unit; the rows it gives "%" hold percentages. */
function percentRowsOf(owners: (GridCell | undefined)[][], dataRows: number[], columnCount: number, ownHeader: (c: number) => string): Set<number> {
  const unitColumn = Array.from({ length: columnCount }, (_, c) => c).find((c) => /^(?:đơn\s+vị(?:\s+tính)?|đvt)$/iu.test(ownHeader(c).trim()));
  if (unitColumn === undefined) return new Set();
  return new Set(dataRows.filter((r) => owners[r]![unitColumn]?.cell.text.trim() === '%'));
}

/** The labels of a row: its cells that are neither numbers, blanks nor an STT, including labels merged down from above. */
export function labelOfRow(owners: (GridCell | undefined)[][], r: number, columnCount: number): string {
  const labels: string[] = [];
  for (let c = 0; c < columnCount; c++) {
    const owner = owners[r]![c];
    if (!owner || owner.column !== c) continue;
    const text = owner.cell.text.trim();
    if (isBlankCell(text) || isNumericCell(text) || (c === 0 && ROW_NUMBER.test(text) && /\d/u.test(text))) continue;
    if (labels[labels.length - 1] !== text) labels.push(text);
  }
  return labels.join(' ');
}

/**
 * Percentage columns whose numerator and denominator are columns of the same row. The numerator is the column
 * the header names ("Tỷ lệ đúng hạn (%)" → "Đúng hạn"); under a bare "Tỷ lệ", the one column whose counts give
 * the percentages in most rows. The denominator: see `denominatorFor` below. A wrong percentage in some rows
 * is then reported by the ratio check; a column no pair of columns explains is left alone.
 */
function findRateColumns(grid: TableGrid, dataRows: number[], numericColumns: Set<number>, ownHeader: (c: number) => string): Map<number, { numerator: number; denominator: number }> {
  const found = new Map<number, { numerator: number; denominator: number }>();
  const cellAt = (r: number, c: number) => {
    const owner = grid.owners[r]![c];
    return owner && owner.column === c && owner.row === r ? owner : undefined;
  };
  const numberAt = (r: number, c: number) => {
    const cell = cellAt(r, c);
    return cell ? cellNumber(cell.cell.text, grid.commaGrouping) : undefined;
  };
  for (let c = 0; c < grid.columnCount; c++) {
    const header = grid.columnHeaders[c] ?? '';
    const rows = dataRows.filter((r) => cellAt(r, c) && !isBlankCell(cellAt(r, c)!.cell.text));
    if (rows.length === 0) continue;
    const readings = rows.map((r) => numberAt(r, c));
    const allPercent = readings.every((reading) => reading?.percent);
    // A rate above 100 % under a "(%)" header is still a percentage (a share over its base is a finding, not a count)
    // when it is written as the column's other rates are ("104,2" among "98,1", "97,6"); written otherwise ("861" among
    // "86,1", a decimal mark lost to OCR) it is no rate, and the column is not read as rates.
    const usualDecimals = mostCommon(readings.map((reading) => reading?.decimals));
    const percentColumn =
      allPercent ||
      (RATE_HEADER.test(header) &&
        /%/u.test(header) &&
        readings.every((reading) => reading !== undefined && (reading.value <= 100 || reading.decimals === usualDecimals)) &&
        readings.filter((reading) => reading!.value <= 100).length * 2 > readings.length);
    if (!percentColumn || !RATE_HEADER.test(header)) continue;
    grid.percentColumns.add(c);
    const counts = [...numericColumns].filter((k) => k !== c && !rows.some((r) => numberAt(r, k)?.percent) && !isRateLike(grid.columnHeaders[k] ?? ''));
    if (counts.length < 2) continue;
    // "Tỷ lệ kích hoạt/dân số (%)": what follows the slash names the base.
    const [numeratorName = '', baseName] = (ownHeader(c) || header).split('/');
    const named = namedColumn(numeratorName, counts, ownHeader);
    const namedBase = baseName !== undefined ? namedColumn(baseName, counts, ownHeader) : undefined;
    const fitsOf = (numerator: number, denominator: number) => {
      let fits = 0;
      for (const r of rows) {
        const n = numberAt(r, numerator);
        const d = numberAt(r, denominator);
        const p = numberAt(r, c);
        if (n && d && p && d.value > 0 && ratioVerdict(n.value, d.value, p.value, p.decimals).consistent) fits++;
      }
      return fits;
    };
    // The base of a rate: the column the header names after a slash; the total column of the numerator's header
    // group ("Đã giải quyết" for "Đúng hạn" under "Kết quả giải quyết"), the group's first count column; the
    // table's total column; the count columns left of the numerator, nearest first; its first count column —
    // the first of these that the stated percentages fit in most rows. A base is never guessed against the
    // numbers: when none fits, the percentage stays a figure of its own, unchecked.
    const denominatorFor = (numerator: number) => {
      const others = counts.filter((k) => k !== numerator);
      const group = others.filter((k) => grid.groups[k] === grid.groups[numerator]);
      const candidates = [
        ...(namedBase !== undefined && namedBase !== numerator ? [namedBase] : []),
        ...group.filter((k) => grid.totalColumns.has(k)),
        ...(group.length > 0 && group[0]! < numerator ? [group[0]!] : []),
        ...others.filter((k) => grid.totalColumns.has(k)),
        ...others.filter((k) => k < numerator).reverse(),
        ...others.slice(0, 1),
      ].filter((k, index, all) => all.indexOf(k) === index);
      return candidates.find((k) => fitsOf(numerator, k) * 2 >= rows.length);
    };
    if (named !== undefined) {
      const denominator = denominatorFor(named);
      if (denominator !== undefined) found.set(c, { numerator: named, denominator });
      continue;
    }
    // A bare "Tỷ lệ": the column that explains the percentages, when exactly one does in most rows.
    let best: { numerator: number; denominator: number; fits: number } | undefined;
    let tie = false;
    for (const numerator of counts) {
      const denominator = denominatorFor(numerator);
      if (denominator === undefined || denominator === numerator) continue;
      const fits = fitsOf(numerator, denominator);
      if (fits * 2 < rows.length || fits === 0) continue;
      if (!best || fits > best.fits) {
        best = { numerator, denominator, fits };
        tie = false;
      } else if (fits === best.fits) tie = true;
    }
    if (best && !tie) found.set(c, { numerator: best.numerator, denominator: best.denominator });
  }
  return found;
}

function isRateLike(header: string): boolean {
  return /(?:tỷ|tỉ)\s*lệ|%/iu.test(header);
}

/** The count column a rate's header names: "Tỷ lệ đúng hạn (%)" → the column headed "Đúng hạn". */
function namedColumn(rateHeader: string, counts: number[], ownHeader: (c: number) => string): number | undefined {
  const named = fold(rateHeader.replace(/(?:tỷ|tỉ)\s*lệ|\(?%\)?|phần trăm/giu, ' '));
  if (named === '') return undefined;
  const exact = counts.filter((k) => fold(ownHeader(k)) === named);
  if (exact.length === 1) return exact[0];
  const containing = counts.filter((k) => {
    const own = fold(ownHeader(k));
    return own !== '' && (` ${named} `.includes(` ${own} `) || ` ${own} `.includes(` ${named} `));
  });
  return containing.length === 1 ? containing[0] : undefined;
}

/**
 * For a numeric cell of a data row: the total row of its column and the total column of its row it is a part
 * of. Column totals: the rows between two total rows belong to the total below them, or, when a total row opens
 * its block ("Tổng số" first, then the details), to the total above; a total row right after other total rows
 * (a grand total under subtotals) has those as its parts. Row totals: the columns sharing the total column's
 * group header, else the count columns after it (or, for a total at the end, before it) up to the next total.
 */
export function cellLinks(grid: TableGrid, r: number, c: number): CellLinks {
  const links: CellLinks = {};
  const columnTotal = columnTotalRowOf(grid, r);
  if (columnTotal !== undefined) links.columnTotalRow = columnTotal;
  const rowTotal = rowTotalColumnOf(grid, c);
  if (rowTotal !== undefined) links.rowTotalColumn = rowTotal;
  return links;
}

/**
 * The total row a data row is a part of. A total row closes the details right above it; one that opens its
 * block (the first data row, or the first after a section row) totals the details right below it instead; a
 * total row right under another total row is a grand total, whose parts are the subtotals before it.
 */
function columnTotalRowOf(grid: TableGrid, r: number): number | undefined {
  return grid.columnTotalOf.get(r);
}

/** `columnTotalRowOf` for every data row at once, in two passes over the rows. */
function columnTotals(rows: readonly number[], totalRows: ReadonlySet<number>): Map<number, number> {
  const totals = new Map<number, number>();
  if (totalRows.size === 0) return totals;
  const isTotal = (k: number) => k >= 0 && k < rows.length && totalRows.has(rows[k]!);
  const isGrand = (k: number) => isTotal(k) && isTotal(k - 1);
  const opens = (k: number) => isTotal(k) && !isTotal(k - 1) && (k === 0 || rows[k - 1]! + 1 !== rows[k]!);
  // Nearest total below each row, and nearest grand total below each row.
  const below: (number | undefined)[] = [];
  const grandBelow: (number | undefined)[] = [];
  let nextTotal: number | undefined;
  let nextGrand: number | undefined;
  for (let k = rows.length - 1; k >= 0; k--) {
    below[k] = nextTotal;
    grandBelow[k] = nextGrand;
    if (isTotal(k)) nextTotal = k;
    if (isGrand(k)) nextGrand = k;
  }
  let above: number | undefined;
  for (let k = 0; k < rows.length; k++) {
    if (isTotal(k)) {
      // A subtotal is a part of the next grand total below it; a grand total is a part of nothing.
      if (!isGrand(k) && grandBelow[k] !== undefined) totals.set(rows[k]!, rows[grandBelow[k]!]!);
      above = k;
      continue;
    }
    if (above !== undefined && opens(above)) totals.set(rows[k]!, rows[above]!);
    else if (below[k] !== undefined) totals.set(rows[k]!, rows[below[k]!]!);
  }
  return totals;
}

function rowTotalColumnOf(grid: TableGrid, c: number): number | undefined {
  if (grid.totalColumns.has(c) || grid.rateColumns.has(c)) return undefined;
  return grid.rowTotalOf.get(c);
}

/** The columns a total column sums. */
function rowPartsOf(grid: TableGrid, total: number): number[] {
  const isCount = (c: number) => c !== total && !grid.totalColumns.has(c) && !grid.rateColumns.has(c) && isCountColumn(grid, c);
  // A group header over the total column ("Hồ sơ tiếp nhận" over "Tổng số | Trực tuyến | Trực tiếp").
  const group = grid.groups.map((g, c) => (g === grid.groups[total] ? c : -1)).filter((c) => c >= 0);
  if (group.length > 1) return group.filter(isCount);
  const after: number[] = [];
  for (let c = total + 1; c < grid.columnCount && !grid.totalColumns.has(c); c++) if (isCount(c)) after.push(c);
  if (after.length > 0) return after;
  const before: number[] = [];
  for (let c = total - 1; c >= 0 && !grid.totalColumns.has(c); c--) if (isCount(c)) before.unshift(c);
  return before;
}

function isCountColumn(grid: TableGrid, c: number): boolean {
  const rows = grid.dataRows;
  let numeric = 0;
  let filled = 0;
  for (const r of rows) {
    const owner = grid.owners[r]![c];
    if (!owner || owner.column !== c || owner.row !== r || isBlankCell(owner.cell.text)) continue;
    filled++;
    if (isNumericCell(owner.cell.text) && isFigureCell(owner) && !cellNumber(owner.cell.text)?.percent) numeric++;
  }
  return filled > 0 && numeric * 2 > filled;
}

/** The rate a percentage column gives the numerator cell at (r, c), when its row states all three numbers. */
export function rateOf(grid: TableGrid, r: number, c: number): CellRate | undefined {
  for (const [column, { numerator, denominator }] of grid.rateColumns) {
    if (numerator !== c) continue;
    const cellAt = (k: number) => {
      const owner = grid.owners[r]![k];
      return owner && owner.column === k && owner.row === r ? owner : undefined;
    };
    const percentCell = cellAt(column);
    const denominatorCell = cellAt(denominator);
    const numeratorCell = cellAt(c);
    if (!percentCell || !denominatorCell || !numeratorCell) return undefined;
    const p = cellNumber(percentCell.cell.text, grid.commaGrouping);
    const d = cellNumber(denominatorCell.cell.text, grid.commaGrouping);
    if (!p || !d || d.percent || !cellNumber(numeratorCell.cell.text, grid.commaGrouping)) return undefined;
    return { denominator: d.value, percent: p.value, percentDecimals: p.decimals, raw: percentCell.cell.text.trim(), column };
  }
  return undefined;
}

/**
 * Whether the percentage cell at (r, c) is read as the rate of its row's numerator, not as a figure of its own. A count
 * carries one rate: a second rate column of the same count ("Tỷ lệ kích hoạt/hồ sơ (%)" then "Tỷ lệ kích hoạt/dân số
 * (%)") is read as percentages of their own.
 */
export function isConsumedRate(grid: TableGrid, r: number, c: number): boolean {
  const rate = grid.rateColumns.get(c);
  return rate !== undefined && rateOf(grid, r, rate.numerator)?.column === c;
}
