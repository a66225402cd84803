import type { Block, Document, LineStart, Location, OcrInfo, TableBlock } from '../model/index.ts';
import { cellLinks, cellText, isNumericCell, isBlankCell, isConsumedRate, labelOfRow, rateOf, readTableGrid, type CellLinks, type CellRate } from './table-grid.ts';

/**
 * A statement is a piece of text figures are read from — a paragraph, heading, list item, or one table
 * cell framed by its row and column labels — together with the labels of the sections it sits in.
 * "- Đăng ký thường trú:" followed by "Tiếp nhận: 31 hồ sơ" gives the second line the first as scope.
 */
export interface Statement {
  text: string;
  /** Labels of enclosing scopes, nearest first (the label's own text, e.g. "- Đăng ký thường trú:"). */
  scopes: ScopeLabel[];
  /** Index of the block in the document. */
  blockIndex: number;
  /** Unique per statement, in reading order (a table yields several statements from one block). */
  key: number;
  /** Outline depth of the block (headings 1–9, list items 10+, paragraphs half a step below what is open). */
  depth: number;
  /** Maps a character range of `text` back to the page/line an auditor looks at. */
  locate: (start: number, end: number) => Location;
  /** The sentence or table row to quote as evidence. */
  evidence: string;
  /** Offsets in `text` where a new source line begins (a PDF or text line wrapped into this block). */
  lineStartOffsets: readonly number[];
  /** A cell of a table read as prose (its row's first cell labels it). */
  inTable?: boolean;
  /** A list item (a real one, or a paragraph that types its marker): what the outline nests under a total. */
  listItem?: boolean;
  /** Set when the text was read by OCR: figures from it are marked, and numbers in unsure stretches flagged. */
  ocr?: OcrInfo;
  /** A numeric table cell: where it sits and what the table says of it (./table-grid.ts). */
  table?: TableCellInfo;
  /** The block opens a breakdown ("…, trong đó:" / "Trong đó:") that following deeper blocks belong to. */
  opensBreakdown: boolean;
}

export interface TableCellInfo extends CellLinks {
  /** Grid column (merged cells and cells merged down from the rows above counted) and row index in the block. */
  column: number;
  row: number;
  /** The column's header labels, top to bottom. */
  header: string;
  rowLabel: string;
  /** The row is a "Tổng cộng"/"Tổng số"/"Cộng" row: the total of its column. */
  isTotalRow: boolean;
  /** The column is headed "Tổng số"/"Tổng cộng"/"Cộng": the total of its row. */
  isTotalColumn: boolean;
  /** Where the column header ends, and where the cell's own text starts, in "<header> <row label>: <cell>". */
  headerEnd: number;
  cellStart: number;
  /** Every label of the table (headers, unit row, title rows): what its numbers are about. */
  context: string;
  /** The table's captions and title rows: what they say of every cell ("lũy kế đến ngày …") holds for each. */
  title: string;
  /** The rate a percentage column of the row gives this count ("Tỷ lệ đúng hạn" of "Đúng hạn" and "Tổng số"). */
  rate?: CellRate;
  /** The cell as written, when the statement reads it rewritten ("8 386", "11,191", "13.176¹"): the figure's raw text. */
  cellRaw?: string;
}

export interface ScopeLabel {
  text: string;
  blockIndex: number;
  /** The statement this label is. */
  key: number;
  /** True for headings: weaker evidence of meaning than a label right above. */
  heading: boolean;
  depth: number;
  /** A list item that only names what follows ("- Đăng ký tạm trú:") and states no number. */
  label: boolean;
  /** The first cell of the table row the statement is in: as much the statement's own words as its clause. */
  rowLabel?: boolean;
}

type OpenScope = ScopeLabel;

/**
 * Depth of a block in the outline: headings by level, then list items ("-" below "1.", "+" below "-"),
 * then plain paragraphs, which continue whatever is open above them (half a step deeper) — so
 * "Tiếp nhận: 89 hồ sơ, trong đó:" sits under "- Đăng ký tạm trú:" and above its "+" lines.
 */
function depthOf(block: Block, open: readonly OpenScope[]): number {
  if (block.kind === 'heading') return block.level;
  if (block.kind === 'list-item') {
    const marker = block.marker ?? '';
    if (marker === '+') return 12;
    if (/^\(?\d+\)$/.test(marker) || /^[a-zđ]\)$/.test(marker)) return 10;
    return 10 + block.level;
  }
  // A DOCX typed with literal markers has paragraphs, not list items: "* Trong năm 2023 …:" heads the
  // "-"/"+" items below it like "(1)" or "a)", "-" items are one level, "+" items the next.
  if (block.kind === 'paragraph') {
    const marker = literalMarker(block.text);
    if (marker !== undefined) return marker;
  }
  const top = open[open.length - 1];
  // A new sentence after a list item that is a whole statement (not a label ending in ":") leaves the list: it
  // belongs to the section around the list, not to the last item ("Lũy kế đến ngày …" after "+ Các đơn vị còn lại: 2.715 hồ sơ.").
  if (block.kind === 'paragraph' && top && top.depth >= 10 && !top.heading && /[.;]\s*$/u.test(top.text) && /^\p{Lu}/u.test(block.text.trim())) {
    const outer = [...open].reverse().find((scope) => scope.depth < 10);
    // Beside the paragraph the list hangs from ("…, chia ra:"), or in the section the heading opens.
    return outer ? (outer.heading ? outer.depth + 0.5 : outer.depth) : 9.5;
  }
  return top ? top.depth + 0.5 : 9.5;
}

/** Depth of a paragraph that starts with a typed list marker, as if it were that list item. */
function literalMarker(text: string): number | undefined {
  if (/^\s*\*\s/u.test(text)) return 10;
  if (/^\s*[-–•]\s/u.test(text)) return 11;
  if (/^\s*\+\s/u.test(text)) return 12;
  // "a)", "đ)", "(1)", "2)": typed like the list items a plain text makes of them.
  if (/^\s*(?:\(?\d{1,2}\)|[a-zđ]\))\s/u.test(text)) return 10;
  return undefined;
}

/**
 * A block whose text sets context for what follows: a heading, a list item (its deeper items belong to
 * it), or a paragraph that announces what follows (ends with ":" or "trong đó").
 */
function opensScope(block: Block, text: string): boolean {
  if (block.kind === 'heading' || block.kind === 'list-item') return true;
  if (block.kind === 'paragraph' && literalMarker(text) !== undefined) return true;
  return /(?::|trong đó:?|như sau:?)\s*$/iu.test(text.trim()) || /^[-+–]?\s*trong đó\s*:?\s*$/iu.test(text.trim());
}

export function opensBreakdown(text: string): boolean {
  return /trong đó\s*[:;,]?\s*$/iu.test(text.trim());
}

export function locatorFor(location: Location, lineStarts: readonly LineStart[] | undefined) {
  return (start: number, end: number): Location => {
    if (!lineStarts || lineStarts.length === 0) return { ...location, start, end };
    let current = lineStarts[0]!;
    for (const lineStart of lineStarts) {
      if (lineStart.start <= start) current = lineStart;
      else break;
    }
    const page = current.page ?? location.page;
    return { ...(page !== undefined ? { page } : {}), line: current.line, start, end };
  };
}

export function* statementsOf(document: Document): Generator<Statement> {
  const open: OpenScope[] = [];
  const counter = { next: 0 };
  for (let blockIndex = 0; blockIndex < document.blocks.length; blockIndex++) {
    const block = document.blocks[blockIndex]!;
    let depth = block.kind === 'table' ? Number.POSITIVE_INFINITY : depthOf(block, open);
    // "- Thông báo lưu trú:" then "- Tiếp nhận 0 hồ sơ": a list item that is only a label owns the next items
    // even when the writer gave them the same dash.
    const top = open[open.length - 1];
    if ((block.kind === 'list-item' || (block.kind === 'paragraph' && literalMarker(block.text) !== undefined)) && top && top.depth === depth && top.label) depth += 0.5;
    if (block.kind !== 'table') while (open.length > 0 && open[open.length - 1]!.depth >= depth) open.pop();
    const scopes: ScopeLabel[] = [...open].reverse();

    if (block.kind === 'table') {
      yield* tableStatements(block, blockIndex, scopes, (open[open.length - 1]?.depth ?? 0) + 0.5, counter, captionsOf(document, blockIndex));
      continue;
    }
    const key = counter.next++;
    yield {
      text: block.text,
      scopes,
      blockIndex,
      key,
      depth,
      locate: locatorFor(block.location, block.lineStarts),
      evidence: block.text,
      lineStartOffsets: (block.lineStarts ?? []).map((lineStart) => lineStart.start),
      ...(block.ocr ? { ocr: block.ocr } : {}),
      opensBreakdown: opensBreakdown(block.text),
      ...(block.kind === 'list-item' || (block.kind === 'paragraph' && literalMarker(block.text) !== undefined) ? { listItem: true } : {}),
    };
    if (opensScope(block, block.text)) {
      const itemLike = block.kind === 'list-item' || (block.kind === 'paragraph' && literalMarker(block.text) !== undefined);
      const label = itemLike && /:\s*$/u.test(block.text) && !/\d/u.test(block.text);
      open.push({ text: block.text, blockIndex, key, heading: block.kind === 'heading', depth, label });
    }
  }
}

/**
 * A table, read through its grid (./table-grid.ts): every cell holding only a number is read as "<column header>
 * <row label>: <number>", so a table whose header names the measures ("Tiếp nhận", "Đúng hạn") and whose rows
 * name procedures or years yields the same figures as the equivalent prose. The statement knows its table's
 * labels (`table.context`: a column "Trực tuyến" is about dossiers when another is headed "Thủ tục"), the total
 * row and total column it is a part of, and the rate a percentage column gives it. A cell holding prose with
 * numbers ("Đăng ký khai sinh: Tiếp nhận 08 hồ sơ, trong đó:" | "+ 0 hồ sơ bị trả lại …") is read as prose,
 * the row's first cell labelling the cells after it.
 */
function* tableStatements(
  block: TableBlock,
  blockIndex: number,
  scopes: ScopeLabel[],
  depth: number,
  counter: { next: number },
  captions: readonly string[],
): Generator<Statement> {
  const grid = readTableGrid(block, captions);
  const { columnHeaders } = grid;
  // A header that is one spanning cell ("+ Số hoá đầu vào hồ sơ giải quyết TTHC:"), or a row of labels only
  // in the middle of a table, names what the rows below it measure.
  let sectionScope: ScopeLabel | undefined;
  const titles = grid.rows.flatMap((cells, r) => (r < grid.bodyStart && (grid.roles[r] === 'title' || grid.roles[r] === 'header') ? cells.map((cell) => cell.cell.text) : [])).filter((text) => text.trim() !== '');
  if (titles.length === 1) sectionScope = { text: titles[0]!, blockIndex, key: counter.next++, heading: false, depth, label: true };
  for (let rowIndex = grid.bodyStart; rowIndex < block.rows.length; rowIndex++) {
    const role = grid.roles[rowIndex];
    if (role === 'unit') continue;
    if (role === 'section') {
      const filled = grid.rows[rowIndex]!.find((cell) => !isBlankCell(cell.cell.text))!;
      sectionScope = { text: filled.cell.text, blockIndex, key: counter.next++, heading: false, depth, label: true };
      continue;
    }
    const cells = grid.rows[rowIndex]!;
    const rowScopes = sectionScope ? [sectionScope, ...scopes] : scopes;
    const rowLabel = labelOfRow(grid.owners, rowIndex, grid.columnCount);
    const evidence = block.rows[rowIndex]!.cells.map((cell) => cell.text).join(' | ');
    const isTotalRow = grid.totalRows.has(rowIndex);
    let rowLabelScope: ScopeLabel | undefined;
    for (const gridCell of cells) {
      const { cell, column } = gridCell;
      const header = columnHeaders[column] ?? '';
      const cellLocate = locatorFor(cell.location, cell.lineStarts);
      if (isBlankCell(cell.text)) continue;
      if (!isNumericCell(cell.text)) {
        if (!/\d/u.test(cell.text) && rowLabelScope) continue;
        const key = counter.next++;
        const cellScopes = rowLabelScope ? [rowLabelScope, ...rowScopes] : rowScopes;
        const cellDepth = rowLabelScope ? depth + 1 : depth;
        yield {
          text: cell.text,
          scopes: cellScopes,
          blockIndex,
          key,
          depth: cellDepth,
          locate: cellLocate,
          evidence,
          lineStartOffsets: [],
          inTable: true,
          ...(cell.ocr ? { ocr: cell.ocr } : {}),
          opensBreakdown: opensBreakdown(cell.text),
        };
        rowLabelScope ??= { text: cell.text, blockIndex, key, heading: false, depth, label: !/\d/u.test(cell.text), rowLabel: true };
        continue;
      }
      if (/^\s*\d{1,2}\s*$/.test(cell.text) && column === 0) continue;
      // A percentage read as the rate of two counts of its row goes with its numerator, not on its own.
      if (isConsumedRate(grid, rowIndex, column)) continue;
      // Labels only name the cell: their own stops ("TP. Phan Rang", "Số hồ sơ: tiếp nhận") end no clause here.
      const headerWords = labelWords(header);
      const prefix = `${headerWords} ${labelWords(rowLabel)}: `;
      const rate = rateOf(grid, rowIndex, column);
      const links = cellLinks(grid, rowIndex, column);
      // A bare "95,2" under "Tỷ lệ (%)", or in a row whose unit is "%", is a percentage.
      const bare = cellText(cell.text, grid.commaGrouping);
      const numberText = (grid.percentColumns.has(column) || grid.percentRows.has(rowIndex)) && !bare.includes('%') && /^\s*\d+(?:[.,]\d+)?\s*$/u.test(bare) ? `${bare.trimEnd()}%` : bare;
      yield {
        text: `${prefix}${numberText}`,
        scopes: rowScopes,
        blockIndex,
        key: counter.next++,
        depth,
        locate: (start, end) => cellLocate(Math.max(0, start - prefix.length), Math.max(0, end - prefix.length)),
        evidence,
        lineStartOffsets: [],
        ...(cell.ocr ? { ocr: shiftOcr(cell.ocr, prefix.length) } : {}),
        table: {
          column,
          row: rowIndex,
          header,
          rowLabel,
          isTotalRow,
          isTotalColumn: grid.totalColumns.has(column),
          headerEnd: headerWords.length,
          cellStart: prefix.length,
          context: grid.context,
          title: grid.title,
          ...links,
          ...(rate ? { rate } : {}),
          ...(numberText !== cell.text ? { cellRaw: cell.text.trim() } : {}),
        },
        opensBreakdown: false,
      };
    }
  }
}

/**
 * A header or row label as it frames a cell's number: an aside with a number ("Quý IV (đến 14/12)") and a date
 * left out, so that no number of the label is read before the cell's own, and its stops (".", ";", ":") made
 * spaces, so that "TP. Phan Rang" ends no clause.
 */
function labelWords(label: string): string {
  return label
    .replace(/\([^()]*\d[^()]*\)/gu, ' ')
    .replace(/(?<![\d.,/])\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?(?![\d.,/])/gu, ' ')
    .replace(/[.;:]+/gu, ' ');
}

/** A caption is short: a title or a unit line, not a paragraph of prose. */
const MAX_CAPTION_LENGTH = 200;

/** The short text blocks right above a table (its title, "Đơn vị tính: hồ sơ"), nearest last; at most two. */
function captionsOf(document: Document, blockIndex: number): string[] {
  const captions: string[] = [];
  for (let index = blockIndex - 1; index >= 0 && captions.length < 2; index--) {
    const block = document.blocks[index]!;
    if (block.kind === 'table' || block.text.length > MAX_CAPTION_LENGTH) break;
    captions.unshift(block.text);
  }
  return captions;
}

/** The cell's unsure stretches, moved to where the cell's text sits in "<header> <row label>: <cell>". */
function shiftOcr(ocr: OcrInfo, by: number): OcrInfo {
  return { ...ocr, ...(ocr.uncertainRanges ? { uncertainRanges: ocr.uncertainRanges.map(({ start, end }) => ({ start: start + by, end: end + by })) } : {}) };
}
