import type { Block, Document, LineStart, Location, OcrInfo, TableBlock } from '../model/index.ts';

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
  table?: { column: number; row: number; header: string; rowLabel: string; isTotalRow: boolean };
  /** The block opens a breakdown ("…, trong đó:" / "Trong đó:") that following deeper blocks belong to. */
  opensBreakdown: boolean;
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
  return top ? top.depth + 0.5 : 20;
}

/** Depth of a paragraph that starts with a typed list marker, as if it were that list item. */
function literalMarker(text: string): number | undefined {
  if (/^\s*\*\s/u.test(text)) return 10;
  if (/^\s*[-–•]\s/u.test(text)) return 11;
  if (/^\s*\+\s/u.test(text)) return 12;
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

/** Digits other than years and item numbers: the row states figures, so it is data, not a header. */
function rowStatesFigures(row: TableBlock['rows'][number]): boolean {
  return row.cells.some((cell) => /\d/u.test(cell.text.replace(/\b(?:19|20)\d\d\b/gu, '').replace(/^\s*\(?\d{1,2}[.)]?\s*$/u, '')));
}

const TOTAL_ROW = /^(tổng\s*(cộng|số)?|cộng|tổng)\b/iu;

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
      yield* tableStatements(block, blockIndex, scopes, (open[open.length - 1]?.depth ?? 0) + 0.5, counter);
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

const NUMERIC_CELL = /^[\s\d.,/%=()+\-–]*\d[\s\d.,/%=()+\-–;:]*$/u;

/**
 * A table cell holding only a number is read as "<column header> <row label>: <number>", so a table whose
 * header names the measures ("Tiếp nhận", "Đúng hạn") and whose rows name procedures or years yields the
 * same figures as the equivalent prose. A cell holding prose with numbers ("Đăng ký khai sinh: Tiếp nhận
 * 08 hồ sơ, trong đó:" | "+ 0 hồ sơ bị trả lại …") is read as prose, the row's first cell labelling the
 * cells after it.
 */
function* tableStatements(
  block: TableBlock,
  blockIndex: number,
  scopes: ScopeLabel[],
  depth: number,
  counter: { next: number },
): Generator<Statement> {
  const headerRows = leadingHeaderRows(block);
  const columnHeaders: string[] = [];
  for (const row of block.rows.slice(0, headerRows)) {
    let column = 0;
    for (const cell of row.cells) {
      for (let span = 0; span < (cell.colSpan ?? 1); span++) {
        columnHeaders[column] = [columnHeaders[column], cell.text].filter(Boolean).join(' ');
        column++;
      }
    }
  }
  // A header that is one spanning cell ("+ Số hoá đầu vào hồ sơ giải quyết TTHC:"), or a row of labels only
  // in the middle of a table, names what the rows below it measure.
  let sectionScope: ScopeLabel | undefined;
  const header = block.rows.slice(0, headerRows).flatMap((row) => row.cells.map((cell) => cell.text)).filter((text) => text.trim() !== '');
  if (header.length === 1) sectionScope = { text: header[0]!, blockIndex, key: counter.next++, heading: false, depth, label: true };
  for (let rowIndex = headerRows; rowIndex < block.rows.length; rowIndex++) {
    const row = block.rows[rowIndex]!;
    const filled = row.cells.filter((cell) => cell.text.trim() !== '');
    if (filled.length === 1 && !/\d/u.test(filled[0]!.text)) {
      sectionScope = { text: filled[0]!.text, blockIndex, key: counter.next++, heading: false, depth, label: true };
      continue;
    }
    const rowScopes = sectionScope ? [sectionScope, ...scopes] : scopes;
    const labelCells = row.cells.filter((cell) => !NUMERIC_CELL.test(cell.text) && cell.text.trim() !== '');
    const rowLabel = labelCells.map((cell) => cell.text).join(' ');
    const evidence = row.cells.map((cell) => cell.text).join(' | ');
    const isTotalRow = TOTAL_ROW.test(rowLabel.trim());
    let column = 0;
    let rowLabelScope: ScopeLabel | undefined;
    for (const cell of row.cells) {
      const header = columnHeaders[column] ?? '';
      column += cell.colSpan ?? 1;
      const cellLocate = locatorFor(cell.location, cell.lineStarts);
      if (!NUMERIC_CELL.test(cell.text)) {
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
      if (/^\s*\d{1,2}\s*$/.test(cell.text) && column === 1) continue;
      const prefix = `${header} ${rowLabel}: `;
      yield {
        text: `${prefix}${cell.text}`,
        scopes: rowScopes,
        blockIndex,
        key: counter.next++,
        depth,
        locate: (start, end) => cellLocate(Math.max(0, start - prefix.length), Math.max(0, end - prefix.length)),
        evidence,
        lineStartOffsets: [],
        ...(cell.ocr ? { ocr: shiftOcr(cell.ocr, prefix.length) } : {}),
        table: { column: column - 1, row: rowIndex, header, rowLabel, isTotalRow },
        opensBreakdown: false,
      };
    }
  }
}

/** The cell's unsure stretches, moved to where the cell's text sits in "<header> <row label>: <cell>". */
function shiftOcr(ocr: OcrInfo, by: number): OcrInfo {
  return { ...ocr, ...(ocr.uncertainRanges ? { uncertainRanges: ocr.uncertainRanges.map(({ start, end }) => ({ start: start + by, end: end + by })) } : {}) };
}

/**
 * Header rows: marked as such by the source and holding no figures (a PDF reader marks the first row of
 * any grid, and a DOCX writer may mark a data row), or else the first row when it holds no number.
 */
function leadingHeaderRows(block: TableBlock): number {
  let count = 0;
  while (count < block.rows.length && block.rows[count]!.header && !rowStatesFigures(block.rows[count]!)) count++;
  if (count > 0) return count;
  const first = block.rows[0];
  return first && first.cells.every((cell) => !/\d/.test(cell.text) || /^(stt|tt)$/iu.test(cell.text.trim())) ? 1 : 0;
}
