/**
 * Producer "b.pdf": a PDF laid out by our own code with pdfkit, the way report generators and some
 * e-office systems print (no Word, no LibreOffice anywhere). Its text layer therefore differs from a.pdf's
 * in every respect a PDF reader cares about: font (an embedded DejaVu/Liberation subset), word positions,
 * typed list markers in their own text objects, table cells drawn as rectangles, page numbers at the bottom.
 */
import PDFDocument from 'pdfkit';
import { PINNED_DATE } from './determinism.ts';
import { fitTextTable, gridRowStyle, gridTableLayout, isCapitalised, measure, twoColumnLayout, vietnameseFontSet, type FontStyle } from './layout.ts';
import type { ListItemBlock, SourceModel, TableBlock, TwoColumnBlock } from './source.ts';
import { runningHeaderText } from './source.ts';
import { gridTexts, isNumericCell, textTableLayout } from './txt.ts';

const MARGIN = { top: 60, bottom: 62, left: 80, right: 56 };
const BODY_SIZE = 12;
const LINE_GAP = 2.5;
const CELL_PADDING = 4;

interface Cursor {
  doc: PDFKit.PDFDocument;
  y: number;
  left: number;
  width: number;
  bottom: number;
  top: number;
}

function newPage(cursor: Cursor): void {
  cursor.doc.addPage();
  cursor.y = cursor.top;
}

/** Starts a new page unless `height` more points fit on this one (an empty page always takes it). */
function ensureRoom(cursor: Cursor, height: number): void {
  if (cursor.y + height > cursor.bottom && cursor.y > cursor.top + 0.5) newPage(cursor);
}

function lineHeight(cursor: Cursor, size: number, style: FontStyle = 'regular'): number {
  return cursor.doc.font(style).fontSize(size).currentLineHeight(true) + LINE_GAP;
}

/** Flowing text: pdfkit wraps it and continues it on a new page by itself. */
function flow(cursor: Cursor, text: string, options: { x?: number; width?: number; style?: FontStyle; size?: number; align?: 'left' | 'center' | 'justify'; indent?: number; after?: number }): void {
  const size = options.size ?? BODY_SIZE;
  const style = options.style ?? 'regular';
  ensureRoom(cursor, lineHeight(cursor, size, style));
  const doc = cursor.doc.font(style).fontSize(size);
  doc.text(text, options.x ?? cursor.left, cursor.y, { width: options.width ?? cursor.width, align: options.align ?? 'left', indent: options.indent ?? 0, lineGap: LINE_GAP });
  cursor.y = doc.y + (options.after ?? 3);
}

function listItem(cursor: Cursor, item: ListItemBlock): void {
  const x = cursor.left + 14 + 20 * item.level;
  const hang = Math.max(measure(`${item.marker.text} `, BODY_SIZE), 16);
  ensureRoom(cursor, lineHeight(cursor, BODY_SIZE));
  cursor.doc.font('regular').fontSize(BODY_SIZE).text(item.marker.text, x, cursor.y, { lineBreak: false });
  flow(cursor, item.text, { x: x + hang, width: cursor.width - (x - cursor.left) - hang, align: 'justify', after: 2 });
}

function twoColumn(cursor: Cursor, block: TwoColumnBlock): void {
  const { size: letterSize, split } = twoColumnLayout(block.rows, cursor.width, 6, [11.5, 11, 10.5]);
  const columns = [
    { x: cursor.left, width: cursor.width * split },
    { x: cursor.left + cursor.width * split, width: cursor.width * (1 - split) },
  ];
  const styled = block.rows.map((row, rowIndex) =>
    [row.left, row.right].map((text, column) => {
      const listColumn = block.role === 'signature' && column === 0;
      const bold = isCapitalised(text) || /^Độc lập/u.test(text) || (listColumn && rowIndex === 0);
      const italic = /ngày\s+\d+.*tháng/iu.test(text) || (listColumn && rowIndex === 0);
      const style: FontStyle = bold && italic ? 'boldItalic' : bold ? 'bold' : italic ? 'italic' : 'regular';
      return { text, style, size: listColumn && rowIndex > 0 ? Math.min(10, letterSize) : letterSize, align: listColumn ? ('left' as const) : ('center' as const) };
    }),
  );
  const heights = styled.map((cells) =>
    Math.max(
      ...cells.map((cell, column) => (cell.text ? cursor.doc.font(cell.style).fontSize(cell.size).heightOfString(cell.text, { width: columns[column]!.width - 6, lineGap: 1 }) : cursor.doc.font('regular').fontSize(cell.size).currentLineHeight(true)) + 2),
    ),
  );
  if (block.role === 'signature') cursor.y += 12;
  // A letterhead or a signature is never split over two pages.
  ensureRoom(cursor, heights.reduce((a, b) => a + b, 0));
  styled.forEach((cells, rowIndex) => {
    cells.forEach((cell, column) => {
      if (!cell.text) return;
      cursor.doc.font(cell.style).fontSize(cell.size).text(cell.text, columns[column]!.x + 3, cursor.y, { width: columns[column]!.width - 6, align: cell.align, lineGap: 1 });
    });
    cursor.y += heights[rowIndex]!;
  });
  cursor.y += 10;
}

const TABLE_SIZES = [10.5, 10, 9.5, 9, 8.5, 8, 7.5];
const TEXT_TABLE_SIZES = [11.5, 11, 10.5, 10, 9.5, 9, 8.5, 8];

function columnLayout(table: TableBlock, width: number): { size: number; widths: number[] } {
  const layout = gridTableLayout(table, width, 2 * CELL_PADDING + 2, TABLE_SIZES);
  // Borderless tables are only as wide as their content, as such tables look in the files they imitate.
  if (table.style === 'borderless') {
    const natural = Array.from({ length: table.columnCount }, (_, col) =>
      Math.max(0, ...table.rows.map((row, rowIndex) => (row.cells[col]!.coveredBy || row.cells[col]!.colSpan > 1 ? 0 : measure(row.cells[col]!.text, layout.size, gridRowStyle(table, rowIndex))))) + 2 * CELL_PADDING + 14,
    );
    if (natural.reduce((a, b) => a + b, 0) <= width) return { size: layout.size, widths: natural };
  }
  return layout;
}

/**
 * A real table: cell text wraps inside its cell, rows never split across pages (nor do rows tied together by
 * a vertical merge), header rows repeat on every page the table continues on.
 */
function gridTable(cursor: Cursor, table: TableBlock): void {
  const doc = cursor.doc;
  const ruled = table.style === 'ruled';
  const { size: fontSize, widths } = columnLayout(table, cursor.width);
  const xs = widths.reduce<number[]>((acc, width) => [...acc, acc.at(-1)! + width], [cursor.left]);
  const styleOf = (rowIndex: number): FontStyle => gridRowStyle(table, rowIndex);
  const textHeight = (text: string, width: number, style: FontStyle): number => doc.font(style).fontSize(fontSize).heightOfString(text || ' ', { width: width - 2 * CELL_PADDING, lineGap: 1 });
  const spanWidth = (col: number, span: number): number => xs[col + span]! - xs[col]!;

  const oneLine = doc.font('regular').fontSize(fontSize).currentLineHeight(true);
  const heights = table.rows.map(
    (row, rowIndex) => Math.max(oneLine, ...row.cells.map((cell, col) => (cell.coveredBy || cell.rowSpan > 1 ? 0 : textHeight(cell.text, spanWidth(col, cell.colSpan), styleOf(rowIndex))))) + 2 * CELL_PADDING,
  );
  // A merged cell taller than the rows it spans makes its last row taller.
  table.rows.forEach((row, rowIndex) =>
    row.cells.forEach((cell, col) => {
      if (cell.coveredBy || cell.rowSpan === 1) return;
      const need = textHeight(cell.text, spanWidth(col, cell.colSpan), styleOf(rowIndex)) + 2 * CELL_PADDING;
      const have = heights.slice(rowIndex, rowIndex + cell.rowSpan).reduce((a, b) => a + b, 0);
      if (need > have) heights[rowIndex + cell.rowSpan - 1]! += need - have;
    }),
  );
  // Bands: runs of rows a vertical merge ties together; a band moves to the next page as a whole.
  const bandEnd = table.rows.map((_, index) => index);
  table.rows.forEach((row, rowIndex) => row.cells.forEach((cell) => {
    if (!cell.coveredBy && cell.rowSpan > 1) for (let r = rowIndex; r < rowIndex + cell.rowSpan; r++) bandEnd[r] = Math.max(bandEnd[r]!, rowIndex + cell.rowSpan - 1);
  }));
  for (let r = bandEnd.length - 2; r >= 0; r--) if (bandEnd[r]! >= r + 1) bandEnd[r] = Math.max(bandEnd[r]!, bandEnd[r + 1]!);

  const drawRows = (from: number, to: number): void => {
    let y = cursor.y;
    for (let rowIndex = from; rowIndex <= to; rowIndex++) {
      const row = table.rows[rowIndex]!;
      row.cells.forEach((cell, col) => {
        if (cell.coveredBy) return;
        const width = spanWidth(col, cell.colSpan);
        const height = heights.slice(rowIndex, rowIndex + cell.rowSpan).reduce((a, b) => a + b, 0);
        if (ruled) doc.lineWidth(0.6).rect(xs[col]!, y, width, height).stroke();
        if (!cell.text) return;
        const style = styleOf(rowIndex);
        const header = rowIndex < table.headerRows;
        const textH = textHeight(cell.text, width, style);
        const top = header || cell.rowSpan > 1 ? y + (height - textH) / 2 : y + CELL_PADDING;
        doc.font(style).fontSize(fontSize).text(cell.text, xs[col]! + CELL_PADDING, top, { width: width - 2 * CELL_PADDING, align: header ? 'center' : isNumericCell(cell.text) ? 'right' : 'left', lineGap: 1 });
      });
      y += heights[rowIndex]!;
    }
    cursor.y = y;
  };

  const headerHeight = heights.slice(0, table.headerRows).reduce((a, b) => a + b, 0);
  let rowIndex = 0;
  while (rowIndex < table.rows.length) {
    const end = Math.max(bandEnd[rowIndex]!, rowIndex < table.headerRows ? table.headerRows - 1 : rowIndex);
    const bandHeight = heights.slice(rowIndex, end + 1).reduce((a, b) => a + b, 0);
    // The header goes with at least the first body band: a header alone at a page foot helps nobody.
    const firstBody = rowIndex < table.headerRows ? end + 1 : -1;
    const withNext = firstBody >= 0 && firstBody < table.rows.length ? heights.slice(firstBody, bandEnd[firstBody]! + 1).reduce((a, b) => a + b, 0) : 0;
    if (cursor.y + bandHeight + withNext > cursor.bottom && cursor.y > cursor.top + 0.5) {
      newPage(cursor);
      if (rowIndex >= table.headerRows && table.headerRows > 0 && headerHeight + bandHeight <= cursor.bottom - cursor.top) drawRows(0, table.headerRows - 1);
    }
    drawRows(rowIndex, end);
    rowIndex = end + 1;
  }
  cursor.y += 8;
}

/**
 * A typed statistics table: one line per row, each column at its own x, numbers right-aligned; header labels
 * too long for their column wrap onto further header lines.
 */
function positionedColumns(cursor: Cursor, table: TableBlock): void {
  const alignment = textTableLayout(table);
  const indent = 14;
  const headerCount = Math.min(Math.max(1, table.headerRows), table.rows.length);
  const fitted = fitTextTable(gridTexts(table), headerCount, cursor.width - indent, TEXT_TABLE_SIZES);
  const xs = fitted.widths.reduce<number[]>((acc, width) => [...acc, acc.at(-1)! + width + fitted.gap], [cursor.left + indent]);
  const lines = [...fitted.headerLines.map((cells) => ({ cells, style: 'bold' as const })), ...fitted.bodyRows.map((cells) => ({ cells, style: 'regular' as const }))];
  // The header lines move to a new page together with the first row.
  ensureRoom(cursor, (fitted.headerLines.length + 1) * lineHeight(cursor, fitted.size, 'bold'));
  for (const { cells, style } of lines) {
    const height = lineHeight(cursor, fitted.size, style);
    ensureRoom(cursor, height);
    cells.forEach((text, col) => {
      if (!text) return;
      const x = alignment.rightAligned[col] ? xs[col]! + fitted.widths[col]! - measure(text, fitted.size, style) : xs[col]!;
      cursor.doc.font(style).fontSize(fitted.size).text(text, x, cursor.y, { lineBreak: false });
    });
    cursor.y += height;
  }
  cursor.y += 4;
}

export function renderPdfB(model: SourceModel): Promise<Buffer> {
  const fonts = vietnameseFontSet();
  const date = new Date(PINNED_DATE);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    // pdfkit stamps "now" and derives the /ID from the info dictionary: pin both through the dates.
    info: { CreationDate: date, ModDate: date, Producer: 'eOffice PDF', Creator: 'eOffice', Title: runningHeaderText(model) ?? '' },
  });
  for (const name of ['regular', 'bold', 'italic', 'boldItalic'] as const) doc.registerFont(name, fonts[name]);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const cursor: Cursor = { doc, y: MARGIN.top, left: MARGIN.left, width: doc.page.width - MARGIN.left - MARGIN.right, bottom: doc.page.height - MARGIN.bottom, top: MARGIN.top };

  for (const block of model.blocks) {
    switch (block.kind) {
      case 'title':
        flow(cursor, block.text, { style: 'bold', size: 12.5, align: 'center', after: 2 });
        break;
      case 'heading':
        // Keep a heading with the first line after it.
        ensureRoom(cursor, 3 * lineHeight(cursor, BODY_SIZE));
        cursor.y += 4;
        flow(cursor, block.text, { style: block.level > 2 ? 'boldItalic' : 'bold', align: 'left', after: 3 });
        break;
      case 'paragraph':
        flow(cursor, block.text, { align: 'justify', indent: 28, after: 4 });
        break;
      case 'list-item':
        listItem(cursor, block);
        break;
      case 'two-column':
        twoColumn(cursor, block);
        break;
      case 'table':
        if (block.style === 'ruled' || block.style === 'borderless') gridTable(cursor, block);
        else if (block.style === 'text') positionedColumns(cursor, block);
        else for (const row of block.rows) flow(cursor, row.raw, { align: 'left', after: 1 });
        break;
      case 'page-break':
        if (cursor.y > cursor.top + 0.5) newPage(cursor);
        break;
    }
  }

  const range = doc.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page++) {
    doc.switchToPage(page);
    // Writing inside the bottom margin would make pdfkit open a new page.
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(10).text(String(page + 1), MARGIN.left, doc.page.height - 36, { width: cursor.width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = savedBottom;
  }
  doc.end();
  return done;
}
