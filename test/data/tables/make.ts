/**
 * The table matrix's fixtures: the same four tables, as every kind of file a province sends
 * (`npx tsx test/data/tables/make.ts`; test/table-matrix.test.ts reads the outputs, which are committed, so
 * the tests need none of the tools below).
 *
 *   report.txt             TXT, the tables as pipe rows ("| 1 | Đăng ký thường trú | 46 | 40 | 46 |")
 *   report-aligned.txt     TXT, the tables as columns aligned with spaces under header lines of labels
 *   report-docxlib.docx    DOCX written by the `docx` library: real tables, merged header cells (gridSpan, vMerge)
 *   report-tabs.docx       DOCX written by the `docx` library: the tables typed as tab-separated paragraphs
 *   report-lo.docx         DOCX written by LibreOffice from an ODT it made of the HTML (colspan/rowspan)
 *   report-lo.pdf          PDF exported by LibreOffice from the same ODT (ruled tables)
 *   report-pdfkit.pdf      PDF drawn by pdfkit: tables 1 and 2 ruled, 3 and 4 without borders
 *   report-pdfkit-pipes.pdf PDF drawn by pdfkit: the tables as pipe rows of text
 *   report-scan.pdf        report-lo.pdf's pages rendered at 200 dpi (pdftoppm) and wrapped as images (img2pdf)
 *   report-scan-blurred.pdf the first page of that scan blurred and speckled (ImageMagick): OCR reads it as
 *                          gibberish, for test/few-figures.test.ts (a report read with almost no figures)
 *
 * The tables: several column counts (3, 5, 6), a two-row header with merged cells, total rows ("Tổng cộng",
 * "Cả năm"), a total column ("Tổng số"), a percentage column ("Tỷ lệ đúng hạn (%)"), an empty cell, a "-" cell
 * and cells with two numbers ("402/410"). Two errors are planted, the same in every file: table 1's online
 * column adds up to 158, not the 150 its total row states, and table 3 gives 98,6% for 2.290/2.300 (99,57%).
 *
 * Needs: soffice (LibreOffice Writer), pdftoppm (poppler-utils), img2pdf, ImageMagick's /usr/bin/convert, the
 * DejaVu fonts (fonts-dejavu-core).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Tab, Table, TableCell, TableRow, TabStopType, TextRun, WidthType } from 'docx';
import PDFDocument from 'pdfkit';

const OUT = import.meta.dirname;
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const FONT_BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';

/** A header cell; cells covered by a span are not listed (HTML's convention). */
interface HeaderCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}

interface SourceTable {
  caption: string;
  unit?: string;
  header: HeaderCell[][];
  body: string[][];
  /** Columns whose numbers are right-aligned in DOCX and PDF. */
  numeric: number[];
}

export const TITLE = ['ỦY BAN NHÂN DÂN XÃ AN HÒA', 'BÁO CÁO', 'Kết quả thực hiện Đề án 06 quý III năm 2025'];

export const TABLES: SourceTable[] = [
  {
    caption: 'Bảng 1. Kết quả giải quyết thủ tục hành chính lĩnh vực cư trú',
    header: [[{ text: 'STT' }, { text: 'Thủ tục' }, { text: 'Tiếp nhận' }, { text: 'Trực tuyến' }, { text: 'Đúng hạn' }]],
    body: [
      ['1', 'Đăng ký thường trú', '46', '40', '46'],
      ['2', 'Đăng ký tạm trú', '120', '118', '119'],
      ['3', 'Khai báo tạm vắng', '12', '-', '12'],
      ['4', 'Thông báo lưu trú', '25', '', '25'],
      ['', 'Tổng cộng', '203', '150', '202'],
    ],
    numeric: [2, 3, 4],
  },
  {
    caption: 'Bảng 2. Hồ sơ tiếp nhận và kết quả giải quyết theo quý',
    header: [
      [{ text: 'Quý', rowSpan: 2 }, { text: 'Hồ sơ tiếp nhận', colSpan: 3 }, { text: 'Kết quả giải quyết', colSpan: 2 }],
      [{ text: 'Tổng số' }, { text: 'Trực tuyến' }, { text: 'Trực tiếp' }, { text: 'Đúng hạn' }, { text: 'Trễ hạn' }],
    ],
    body: [
      ['Quý I', '1.702', '1.561', '141', '1.690', '5'],
      ['Quý II', '1.893', '1.748', '145', '1.884', '4'],
      ['Cả năm', '3.595', '3.309', '286', '3.574', '9'],
    ],
    numeric: [1, 2, 3, 4, 5],
  },
  {
    caption: 'Bảng 3. Kết quả giải quyết hồ sơ theo mức độ dịch vụ công trực tuyến',
    unit: 'Đơn vị tính: hồ sơ',
    header: [[{ text: 'Mức độ' }, { text: 'Tổng số' }, { text: 'Đúng hạn' }, { text: 'Trễ hạn' }, { text: 'Tỷ lệ đúng hạn (%)' }]],
    body: [
      ['Mức 3', '5.120', '4.875', '245', '95,2'],
      ['Mức 4', '2.300', '2.290', '10', '98,6'],
      ['Tổng cộng', '7.420', '7.165', '255', '96,6'],
    ],
    numeric: [1, 2, 3, 4],
  },
  {
    caption: 'Bảng 4. Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
    header: [[{ text: 'Lĩnh vực' }, { text: 'Số hóa hồ sơ' }, { text: 'Số hóa kết quả' }]],
    body: [
      ['Hộ tịch', '402/410', '398/410'],
      ['Chứng thực', '811/811', '805/811'],
      ['Cư trú', '318/320', '318/320'],
    ],
    numeric: [1, 2],
  },
];

const CLOSING = 'Trên đây là báo cáo kết quả thực hiện Đề án 06 của UBND xã An Hòa.';

// ---------------------------------------------------------------------------------------------
// Header rows as full grids: the text at a merged cell's first column, '' where a span covers.

function columnCount(table: SourceTable): number {
  return table.body[0]!.length;
}

function headerGrid(table: SourceTable): string[][] {
  const width = columnCount(table);
  const grid = table.header.map(() => Array.from({ length: width }, () => ''));
  const covered = table.header.map(() => Array.from({ length: width }, () => false));
  table.header.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (covered[r]![c]) c++;
      grid[r]![c] = cell.text;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) covered[r + dr]![c + dc] = true;
      c += cell.colSpan ?? 1;
    }
  });
  return grid;
}

// ---------------------------------------------------------------------------------------------
// TXT

function pipeRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function pipesText(): string {
  const lines = [...TITLE, ''];
  for (const table of TABLES) {
    lines.push(table.caption);
    if (table.unit) lines.push(table.unit);
    for (const row of headerGrid(table)) lines.push(pipeRow(row));
    lines.push(pipeRow(Array.from({ length: columnCount(table) }, () => '---')));
    for (const row of table.body) lines.push(pipeRow(row));
    lines.push('');
  }
  lines.push(CLOSING, '');
  return lines.join('\n');
}

function alignedText(): string {
  const lines = [...TITLE, ''];
  for (const table of TABLES) {
    lines.push(table.caption);
    if (table.unit) lines.push(table.unit);
    const header = headerGrid(table);
    const width = columnCount(table);
    // A column is as wide as its longest cell; a group label over several columns only needs to fit over them.
    const widths = Array.from({ length: width }, (_, c) => Math.max(...[...table.body, header[header.length - 1]!].map((row) => row[c]!.length)));
    for (const row of header.slice(0, -1)) {
      row.forEach((text, c) => {
        if (text.length <= widths[c]!) return;
        let span = 1;
        while (c + span < width && row[c + span] === '') span++;
        const available = widths.slice(c, c + span).reduce((sum, w) => sum + w + 3, -3);
        if (text.length > available) widths[c]! += text.length - available;
      });
    }
    const render = (row: readonly string[]) => {
      let line = '';
      row.forEach((text, c) => {
        const at = widths.slice(0, c).reduce((sum, w) => sum + w + 3, 0);
        if (text === '') return;
        line = line.padEnd(at === 0 ? 0 : Math.max(at, line.length + 3)) + text;
      });
      return line.trimEnd();
    };
    for (const row of header) lines.push(render(row));
    for (const row of table.body) lines.push(render(row));
    lines.push('');
  }
  lines.push(CLOSING, '');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// DOCX with the docx library

const TIMES = 'Times New Roman';

function run(text: string, bold = false): TextRun {
  return new TextRun({ text, bold, font: TIMES, size: 24 });
}

function docxTable(table: SourceTable): Table {
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: line, bottom: line, left: line, right: line };
  const cell = (text: string, options: { bold?: boolean; right?: boolean; colSpan?: number; rowSpan?: number }) =>
    new TableCell({
      borders,
      ...(options.colSpan ? { columnSpan: options.colSpan } : {}),
      ...(options.rowSpan ? { rowSpan: options.rowSpan } : {}),
      children: [new Paragraph({ alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: text ? [run(text, options.bold)] : [] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      ...table.header.map(
        (row) => new TableRow({ tableHeader: true, children: row.map((header) => cell(header.text, { bold: true, ...(header.colSpan ? { colSpan: header.colSpan } : {}), ...(header.rowSpan ? { rowSpan: header.rowSpan } : {}) })) }),
      ),
      ...table.body.map((row) => new TableRow({ children: row.map((text, c) => cell(text, { right: table.numeric.includes(c), bold: /^(Tổng cộng|Cả năm)$/u.test(row[0]!) || row[1] === 'Tổng cộng' })) })),
    ],
  });
}

function titleParagraphs(): Paragraph[] {
  return TITLE.map((text, index) => new Paragraph({ alignment: index === 0 ? AlignmentType.LEFT : AlignmentType.CENTER, children: [run(text, index > 0)] }));
}

async function docxWithTables(): Promise<Buffer> {
  const children: (Paragraph | Table)[] = titleParagraphs();
  for (const table of TABLES) {
    children.push(new Paragraph({ children: [run(table.caption, true)] }));
    if (table.unit) children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: table.unit, italics: true, font: TIMES, size: 24 })] }));
    children.push(docxTable(table), new Paragraph({ children: [] }));
  }
  children.push(new Paragraph({ children: [run(CLOSING)] }));
  return Packer.toBuffer(new Document({ creator: 'solieu', sections: [{ children }] }));
}

/** Each row one paragraph, cells separated by tabs set on tab stops: a table typed, or pasted as text. */
async function docxWithTabs(): Promise<Buffer> {
  const children: Paragraph[] = titleParagraphs();
  for (const table of TABLES) {
    children.push(new Paragraph({ children: [run(table.caption, true)] }));
    if (table.unit) children.push(new Paragraph({ children: [run(table.unit)] }));
    const width = columnCount(table);
    const stops = Array.from({ length: width - 1 }, (_, k) => ({ type: TabStopType.LEFT, position: 2600 + k * 1500 }));
    const rows = [...headerGrid(table), ...table.body];
    for (const row of rows) {
      const parts: (string | Tab)[] = [];
      row.forEach((text, c) => {
        if (c > 0) parts.push(new Tab());
        if (text) parts.push(text);
      });
      children.push(new Paragraph({ tabStops: stops, children: [new TextRun({ children: parts, font: TIMES, size: 22 })] }));
    }
    children.push(new Paragraph({ children: [] }));
  }
  children.push(new Paragraph({ children: [run(CLOSING)] }));
  return Packer.toBuffer(new Document({ creator: 'solieu', sections: [{ children }] }));
}

// ---------------------------------------------------------------------------------------------
// HTML → ODT → DOCX and PDF with LibreOffice

function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

function html(): string {
  const parts = [`<p>${escapeHtml(TITLE[0]!)}</p>`, ...TITLE.slice(1).map((text) => `<p align="center"><b>${escapeHtml(text)}</b></p>`)];
  for (const table of TABLES) {
    parts.push(`<p><b>${escapeHtml(table.caption)}</b></p>`);
    if (table.unit) parts.push(`<p align="right"><i>${escapeHtml(table.unit)}</i></p>`);
    const rows = [
      ...table.header.map((row) => `<tr>${row.map((cell) => `<th${cell.colSpan ? ` colspan="${cell.colSpan}"` : ''}${cell.rowSpan ? ` rowspan="${cell.rowSpan}"` : ''}>${escapeHtml(cell.text)}</th>`).join('')}</tr>`),
      ...table.body.map((row) => `<tr>${row.map((text, c) => `<td${table.numeric.includes(c) ? ' align="right"' : ''}>${escapeHtml(text)}</td>`).join('')}</tr>`),
    ];
    parts.push(`<table border="1" cellspacing="0" cellpadding="4" width="100%">${rows.join('\n')}</table>`, '<p></p>');
  }
  parts.push(`<p>${escapeHtml(CLOSING)}</p>`);
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Báo cáo</title><style>body{font-family:"Times New Roman";font-size:12pt}</style></head><body>\n${parts.join('\n')}\n</body></html>\n`;
}

function sh(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.error?.message ?? result.stderr.toString()}`);
}

function libreOffice(work: string): { docx: Buffer; pdf: Buffer } {
  const profile = `file://${join(work, 'profile')}`;
  const soffice = (filter: string, input: string) => sh('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', filter, '--outdir', work, input]);
  writeFileSync(join(work, 'report.html'), html());
  soffice('odt:writer8', join(work, 'report.html'));
  soffice('docx:MS Word 2007 XML', join(work, 'report.odt'));
  soffice('pdf:writer_pdf_Export', join(work, 'report.odt'));
  return { docx: readFileSync(join(work, 'report.docx')), pdf: readFileSync(join(work, 'report.pdf')) };
}

function scan(work: string, pdf: Buffer): { scan: Buffer; blurred: Buffer } {
  writeFileSync(join(work, 'scan-source.pdf'), pdf);
  sh('pdftoppm', ['-r', '200', '-gray', '-png', join(work, 'scan-source.pdf'), join(work, 'page')]);
  const pages = readdirSync(work).filter((name) => /^page-\d+\.png$/u.test(name)).sort().map((name) => join(work, name));
  sh('img2pdf', ['--output', join(work, 'scan.pdf'), ...pages]);
  // A bad scan: blurred, speckled and thresholded, so OCR still finds words but reads most of them wrong.
  sh('/usr/bin/convert', [pages[0]!, '-seed', '6', '-blur', '0x2.2', '-attenuate', '0.5', '+noise', 'Gaussian', '-threshold', '60%', join(work, 'blurred.png')]);
  sh('img2pdf', ['--output', join(work, 'blurred.pdf'), join(work, 'blurred.png')]);
  return { scan: readFileSync(join(work, 'scan.pdf')), blurred: readFileSync(join(work, 'blurred.pdf')) };
}

// ---------------------------------------------------------------------------------------------
// PDF with pdfkit

const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const SIZE = 10;

function pdfkitDocument(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: PAGE.margin, info: { Title: 'Báo cáo', Author: 'solieu', CreationDate: new Date('2025-10-01T08:00:00Z') } });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

function pdfTitle(doc: PDFKit.PDFDocument): number {
  let y = PAGE.margin;
  TITLE.forEach((text, index) => {
    doc.font(index === 0 ? 'body' : 'bold').fontSize(SIZE + 1);
    doc.text(text, PAGE.margin, y, { width: PAGE.width - 2 * PAGE.margin, align: index === 0 ? 'left' : 'center', lineBreak: false });
    y += 18;
  });
  return y + 10;
}

/** Column widths that fit the page: the label column takes what the number columns leave. */
function pdfColumnWidths(doc: PDFKit.PDFDocument, table: SourceTable): number[] {
  const width = columnCount(table);
  const header = headerGrid(table);
  doc.font('body').fontSize(SIZE);
  const natural = Array.from({ length: width }, (_, c) => Math.max(...[...table.body, header[header.length - 1]!].map((row) => doc.widthOfString(row[c]!))) + 12);
  const total = PAGE.width - 2 * PAGE.margin;
  const sum = natural.reduce((a, b) => a + b, 0);
  return natural.map((w) => (w * total) / sum);
}

/** A table drawn cell by cell: borders for every cell (merged ones as one box), or none at all. */
function pdfTable(doc: PDFKit.PDFDocument, table: SourceTable, top: number, ruled: boolean): number {
  const widths = pdfColumnWidths(doc, table);
  const xs = widths.reduce<number[]>((acc, w) => [...acc, acc[acc.length - 1]! + w], [PAGE.margin]);
  const rowHeight = 20;
  let y = top;
  doc.font('bold').fontSize(SIZE).text(table.caption, PAGE.margin, y, { lineBreak: false });
  y += 18;
  if (table.unit) {
    doc.font('body').text(table.unit, PAGE.margin, y, { width: PAGE.width - 2 * PAGE.margin, align: 'right', lineBreak: false });
    y += 18;
  }
  const box = (x0: number, y0: number, x1: number, y1: number) => {
    if (ruled) doc.lineWidth(0.6).rect(x0, y0, x1 - x0, y1 - y0).stroke();
  };
  const put = (text: string, x0: number, x1: number, y0: number, height: number, align: 'left' | 'right' | 'center', bold: boolean) => {
    if (!text) return;
    doc.font(bold ? 'bold' : 'body').fontSize(SIZE);
    doc.text(text, x0 + 4, y0 + (height - SIZE) / 2 - 1, { width: x1 - x0 - 8, align, lineBreak: false });
  };
  // Header rows with spans.
  const covered = table.header.map(() => Array.from({ length: columnCount(table) }, () => false));
  table.header.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (covered[r]![c]) c++;
      const colSpan = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) covered[r + dr]![c + dc] = true;
      const y0 = y + r * rowHeight;
      box(xs[c]!, y0, xs[c + colSpan]!, y0 + rowSpan * rowHeight);
      put(cell.text, xs[c]!, xs[c + colSpan]!, y0, rowSpan * rowHeight, 'center', true);
      c += colSpan;
    }
  });
  y += table.header.length * rowHeight;
  for (const row of table.body) {
    const bold = row.includes('Tổng cộng') || row[0] === 'Cả năm';
    row.forEach((text, c) => {
      box(xs[c]!, y, xs[c + 1]!, y + rowHeight);
      put(text, xs[c]!, xs[c + 1]!, y, rowHeight, table.numeric.includes(c) ? 'right' : 'left', bold);
    });
    y += rowHeight;
  }
  return y + 16;
}

function pdfkitTables(): Promise<Buffer> {
  return pdfkitDocument((doc) => {
    let y = pdfTitle(doc);
    TABLES.forEach((table, index) => {
      y = pdfTable(doc, table, y, index < 2);
    });
    doc.font('body').fontSize(SIZE).text(CLOSING, PAGE.margin, y, { lineBreak: false });
  });
}

function pdfkitPipes(): Promise<Buffer> {
  return pdfkitDocument((doc) => {
    let y = pdfTitle(doc);
    const lines = pipesText().split('\n').slice(TITLE.length + 1);
    doc.font('body').fontSize(SIZE - 1);
    for (const line of lines) {
      if (line !== '') doc.text(line, PAGE.margin, y, { lineBreak: false });
      y += line === '' ? 8 : 14;
    }
  });
}

// ---------------------------------------------------------------------------------------------

const work = mkdtempSync(join(tmpdir(), 'solieu-tables-'));
try {
  writeFileSync(join(OUT, 'report.txt'), pipesText());
  writeFileSync(join(OUT, 'report-aligned.txt'), alignedText());
  writeFileSync(join(OUT, 'report-docxlib.docx'), await docxWithTables());
  writeFileSync(join(OUT, 'report-tabs.docx'), await docxWithTabs());
  writeFileSync(join(OUT, 'report-pdfkit.pdf'), await pdfkitTables());
  writeFileSync(join(OUT, 'report-pdfkit-pipes.pdf'), await pdfkitPipes());
  const lo = libreOffice(work);
  writeFileSync(join(OUT, 'report-lo.docx'), lo.docx);
  writeFileSync(join(OUT, 'report-lo.pdf'), lo.pdf);
  const scans = scan(work, lo.pdf);
  writeFileSync(join(OUT, 'report-scan.pdf'), scans.scan);
  writeFileSync(join(OUT, 'report-scan-blurred.pdf'), scans.blurred);
  console.log(`wrote the table matrix to ${OUT}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
