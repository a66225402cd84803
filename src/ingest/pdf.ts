/**
 * The PDF adapter: pdf.js text items → lines → (running headers dropped) → tables and
 * paragraphs, each with the page and line an auditor will look at.
 *
 * Text is taken as the file encodes it (no Unicode normalization): legacy TCVN3/VNI bytes and
 * "ƣ" reach the normalizer unchanged, with the fonts they were drawn in where that is cheap.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { IngestNote, SourceDocument } from '../model/document.ts';
import { IngestError } from '../model/errors.ts';
import { buildBlocks, layoutsByPage } from './pdf/blocks.ts';
import { restoreDroppedMarks } from './pdf/format-marks.ts';
import { readGraphics, type PageGraphics } from './pdf/graphics.ts';
import { buildLines, segmentsOf, toPieces, type PdfLine } from './pdf/lines.ts';
import { findRunningText } from './pdf/running-text.ts';
import { readSideBySide } from './pdf/side-by-side.ts';
import { COLUMN_GAP_EM, findAlignedTables, findRuledTables, type TableDraft } from './pdf/tables.ts';

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

const PDFJS_OPTIONS = {
  // pdf.js's Node file reader takes plain paths; the trailing slash is required.
  cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
  cMapPacked: true,
  standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  verbosity: 0,
} as const;

const MESSAGES = {
  password: 'Tệp PDF được bảo vệ bằng mật khẩu; hãy gửi bản không đặt mật khẩu.',
  corrupt:
    'Tệp PDF bị hỏng hoặc không đầy đủ nên không đọc được; hãy xuất lại tệp PDF từ văn bản gốc hoặc gửi lại tệp.',
  needsOcr:
    'Tệp PDF là bản quét (chỉ có hình ảnh, không có lớp chữ); cần nhận dạng chữ (OCR) hoặc gửi bản PDF xuất trực tiếp từ văn bản.',
  empty: 'Tệp PDF không có nội dung chữ nào để đọc; hãy kiểm tra lại tệp hoặc gửi bản có nội dung.',
  zeroBytes: 'Tệp PDF rỗng (0 byte), không có nội dung; hãy gửi lại tệp.',
  pageWithoutText: (page: number) =>
    `Trang ${page} không có lớp chữ (trang quét hoặc trang trắng); nội dung trang này chưa được đọc.`,
};

/**
 * Characters that Unicode Vietnamese never uses but TCVN3 (".VnTime": "B¸o c¸o") and VNI
 * ("VNI-Times": "Baùo caùo", đ as "ñ", ư as "ö") text decoded as Latin-1 is full of. Only pages
 * showing them pay for the operator list that names their fonts.
 */
const LEGACY_ENCODING_HINT = /[\u0080-\u009F\u00A1-\u00BF\u00C4-\u00C7\u00CB\u00CE-\u00D1\u00D6-\u00D8\u00DB\u00DC\u00DE-\u00DF\u00E4-\u00E7\u00EB\u00EE-\u00F1\u00F6-\u00F8\u00FB\u00FC\u00FE\u00FF]/u;

const USABLE = /[\p{L}\p{N}]/u;

interface PageRead {
  page: number;
  height: number;
  lines: PdfLine[];
  graphics?: PageGraphics;
}

type Matrix = [number, number, number, number, number, number];

function errorName(error: unknown): string {
  return error && typeof error === 'object' && 'name' in error && typeof error.name === 'string' ? error.name : '';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function translateError(error: unknown): IngestError {
  if (error instanceof IngestError) return error;
  if (errorName(error) === 'PasswordException') return new IngestError('failed', MESSAGES.password, errorMessage(error));
  return new IngestError('failed', MESSAGES.corrupt, `${errorName(error) || 'Error'}: ${errorMessage(error)}`);
}

/**
 * Whether the page is worth an operator list (which costs about half as much again as its text):
 * page 1 always, so that the fonts most of the document uses get their names (bold titles, legacy
 * encodings); a page showing legacy-encoded characters, for its fonts; a page with text set in
 * columns, for the table borders.
 */
function wantsGraphics(pageNumber: number, lines: PdfLine[]): boolean {
  if (pageNumber === 1 && lines.length > 0) return true;
  return lines.some((line) => LEGACY_ENCODING_HINT.test(line.text) || segmentsOf(line, COLUMN_GAP_EM).length >= 2);
}

async function readPage(doc: PDFDocumentProxy, pageNumber: number, fontNames: Map<string, string>): Promise<PageRead> {
  const page: PDFPageProxy = await doc.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const transform = viewport.transform as Matrix;
    const content = await page.getTextContent({ disableNormalization: true });
    const items = content.items.flatMap((item) =>
      'str' in item
        ? [{ str: item.str, width: item.width, fontId: item.fontName, matrix: composeTransform(transform, item.transform as Matrix) }]
        : [],
    );
    let lines = buildLines(pageNumber, toPieces(items));
    let graphics: PageGraphics | undefined;
    if (wantsGraphics(pageNumber, lines)) {
      graphics = readGraphics(await page.getOperatorList(), transform);
      if (lines.some((line) => LEGACY_ENCODING_HINT.test(line.text))) {
        restoreDroppedMarks(items, graphics.glyphText);
        lines = buildLines(pageNumber, toPieces(items));
      }
      for (const fontId of new Set(lines.flatMap((line) => line.fontRuns.map((run) => run.fontId)))) {
        if (fontNames.has(fontId) || !page.commonObjs.has(fontId)) continue;
        const font: unknown = page.commonObjs.get(fontId);
        const name = font && typeof font === 'object' && 'name' in font && typeof font.name === 'string' ? font.name : undefined;
        if (name) fontNames.set(fontId, name);
      }
    }
    return { page: pageNumber, height: viewport.height, lines, ...(graphics ? { graphics } : {}) };
  } finally {
    page.cleanup();
  }
}

function composeTransform(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/** Only called when no page has text: is it a scan (images) or simply blank? */
async function paintsAnyImage(doc: PDFDocumentProxy): Promise<boolean> {
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    try {
      const viewport = page.getViewport({ scale: 1 });
      if (readGraphics(await page.getOperatorList(), viewport.transform as Matrix).paintsImages) return true;
    } finally {
      page.cleanup();
    }
  }
  return false;
}

/**
 * One page's lines in reading order, numbered after its running text is dropped, with the tables
 * found among them. Ruled tables come first (their borders are certain), then the fixed
 * side-by-side blocks (read left side first), then whatever still lines up in columns.
 */
function layOutPage(
  page: PageRead,
  running: ReadonlySet<PdfLine>,
): { lines: PdfLine[]; tables: TableDraft[]; breaksBefore: ReadonlySet<PdfLine> } {
  const lines = page.lines.filter((line) => !running.has(line));
  lines.forEach((line, index) => (line.number = index + 1));
  const ruled = page.graphics ? findRuledTables(page.page, lines, page.graphics.rules) : [];
  const inRuled = new Set(ruled.flatMap((table) => [...table.lines]));
  const sideBySide = readSideBySide(lines.filter((line) => !inRuled.has(line)));
  const aligned = findAlignedTables(
    page.page,
    sideBySide.lines.filter((line) => !sideBySide.regionLines.has(line)),
  );
  // A ruled table's first line marks where the table block goes; its other lines are skipped.
  const ordered = [...sideBySide.lines];
  for (const table of ruled) {
    const at = ordered.findIndex((line) => line.y > table.firstLine.y);
    ordered.splice(at === -1 ? ordered.length : at, 0, table.firstLine);
  }
  return { lines: ordered, tables: [...ruled, ...aligned], breaksBefore: sideBySide.breaksBefore };
}

export async function readPdf(
  bytes: Uint8Array,
  info: { path: string; sha256: string; bytes: number },
): Promise<SourceDocument> {
  if (bytes.length === 0) throw new IngestError('empty', MESSAGES.zeroBytes);
  // pdf.js transfers (detaches) the buffer it is given; the caller keeps its own.
  const loadingTask = getDocument({ ...PDFJS_OPTIONS, data: bytes.slice() });
  try {
    const doc = await loadingTask.promise;
    const fontNames = new Map<string, string>();
    const pages: PageRead[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await readPage(doc, n, fontNames));

    const hasText = (page: PageRead): boolean => page.lines.some((line) => USABLE.test(line.text));
    if (!pages.some(hasText)) {
      const scanned = await paintsAnyImage(doc);
      throw new IngestError(scanned ? 'needs-ocr' : 'empty', scanned ? MESSAGES.needsOcr : MESSAGES.empty, undefined, doc.numPages);
    }
    const notes: IngestNote[] = pages
      .filter((page) => !hasText(page))
      .map((page) => ({ code: 'page-without-text', message: MESSAGES.pageWithoutText(page.page), location: { page: page.page, line: 1 } }));

    const running = findRunningText(pages);
    const tables: TableDraft[] = [];
    const bodyLines: PdfLine[] = [];
    const breaksBefore = new Set<PdfLine>();
    for (const page of pages) {
      const laidOut = layOutPage(page, running);
      tables.push(...laidOut.tables);
      bodyLines.push(...laidOut.lines);
      for (const line of laidOut.breaksBefore) breaksBefore.add(line);
    }
    const tableLines = new Set(tables.flatMap((table) => [...table.lines]));
    const layoutOf = layoutsByPage(bodyLines.filter((line) => !tableLines.has(line)));
    const blocks = buildBlocks(bodyLines, tables, layoutOf, fontNames, breaksBefore);
    if (blocks.length === 0) throw new IngestError('empty', MESSAGES.empty, undefined, doc.numPages);
    return {
      source: { path: info.path, format: 'pdf', sha256: info.sha256, bytes: info.bytes, pages: doc.numPages },
      blocks,
      notes,
    };
  } catch (error) {
    throw translateError(error);
  } finally {
    await loadingTask.destroy();
  }
}
