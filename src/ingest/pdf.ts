/**
 * The PDF adapter: pdf.js text items → lines → (running headers dropped) → tables and
 * paragraphs, each with the page and line an auditor will look at.
 *
 * Text is taken as the file encodes it (no Unicode normalization): legacy TCVN3/VNI bytes and
 * "ƣ" reach the normalizer unchanged, with the fonts they were drawn in where that is cheap.
 *
 * Scanned pages (no text layer, or almost none over a page-sized image) are read by OCR (./ocr.ts)
 * into the same kind of lines, page by page, so a mixed PDF keeps its text pages as they are.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, type PDFDocumentProxy, type PDFPageProxy } from './pdfjs/index.mjs';
import type { IngestNote, SourceDocument } from '../model/document.ts';
import { IngestError } from '../model/errors.ts';
import { MAX_IMAGE_PIXELS, resolveLimits, tooManyPages, type IngestLimits } from './limits.ts';
import { attachOcrInfo, ocrFindingMessage, ocrScannedPages, registerPseudoFonts, resolveOcrOptions, OCR_NOTE, type OcrOptions } from './ocr.ts';
import { buildBlocks, layoutsByPage } from './pdf/blocks.ts';
import { restoreDroppedMarks } from './pdf/format-marks.ts';
import { multiply, readGraphics, type Matrix, type PageGraphics } from './pdf/graphics.ts';
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
  // Scanners write JBIG2 and JPEG 2000 images, which pdf.js decodes with these WebAssembly modules.
  wasmUrl: join(pdfjsRoot, 'wasm') + '/',
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  verbosity: 0,
  // pdf.js allocates what an image's header declares; a tiny stream can declare 100 000 × 100 000
  // pixels. Over this the image is dropped (its page reads as having no picture), not decoded.
  maxImageSize: MAX_IMAGE_PIXELS,
} as const;

const MESSAGES = {
  password: 'Tệp PDF được bảo vệ bằng mật khẩu; hãy gửi bản không đặt mật khẩu.',
  corrupt:
    'Tệp PDF bị hỏng hoặc không đầy đủ nên không đọc được; hãy xuất lại tệp PDF từ văn bản gốc hoặc gửi lại tệp.',
  needsOcr:
    'Tệp PDF là bản quét (chỉ có hình ảnh, không có lớp chữ); cần nhận dạng chữ (OCR) hoặc gửi bản PDF xuất trực tiếp từ văn bản.',
  needsOcrButOff:
    'Tệp PDF là bản quét (chỉ có hình ảnh, không có lớp chữ) và nhận dạng chữ (OCR) đang tắt (--ocr off); hãy chạy lại với --ocr auto hoặc gửi bản PDF xuất trực tiếp từ văn bản.',
  ocrReadNothing: (reasons: string) => `Tệp PDF là bản quét (không có lớp chữ) và không trang nào đọc được bằng OCR. ${reasons}`,
  empty:
    'Tệp PDF không có nội dung chữ nào để đọc (ảnh lớn hơn 16 megapixel, tức bản quét A4 trên 400 dpi, cũng bị bỏ qua không đọc); ' +
    'hãy kiểm tra lại tệp, quét lại ở 300 dpi, hoặc gửi bản có nội dung.',
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

/** Lines set in columns from which a page holds a table even with no figure side by side (a table of names). */
const TABLE_LINES_WITHOUT_FIGURES = 6;

/**
 * Whether the page is worth an operator list (which costs about half as much again as its text):
 * page 1 always, so that the fonts most of the document uses get their names (bold titles, legacy
 * encodings); a page showing legacy-encoded characters, for its fonts; a page whose text suggests a
 * table, for its borders. Two columns of words alone are most often a signature block ("Nơi nhận:" beside
 * "TM. ỦY BAN NHÂN DÂN"): over the corpus PDFs, 182 of the 211 later pages read for borders that had none
 * showed no line with figures in two of its columns and had fewer than 6 lines in columns; every page with
 * a ruled table had one or the other.
 */
function wantsGraphics(pageNumber: number, lines: PdfLine[]): boolean {
  if (pageNumber === 1 && lines.length > 0) return true;
  if (lines.some((line) => LEGACY_ENCODING_HINT.test(line.text))) return true;
  let linesInColumns = 0;
  for (const line of lines) {
    const segments = segmentsOf(line, COLUMN_GAP_EM);
    if (segments.length < 2) continue;
    if (++linesInColumns >= TABLE_LINES_WITHOUT_FIGURES) return true;
    if (segments.filter((segment) => segment.some((piece) => /\d/u.test(piece.text))).length >= 2) return true;
  }
  return false;
}

async function readPage(doc: PDFDocumentProxy, pageNumber: number, fontNames: Map<string, string>): Promise<PageRead> {
  const page: PDFPageProxy = await doc.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const transform = viewport.transform as Matrix;
    const content = await page.getTextContent({ disableNormalization: true });
    const items = content.items.flatMap((item) =>
      'str' in item
        ? [{ str: item.str, width: item.width, fontId: item.fontName, matrix: multiply(transform, item.transform as Matrix) }]
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

/**
 * Options of the PDF reader. Without `ocr` the adapter reads text layers only and reports scanned
 * pages, as it always did; `ingestBytes` is where OCR defaults to `auto`.
 */
export interface PdfReadOptions {
  ocr?: Partial<OcrOptions>;
  /** Only `maxPages` applies here; DEFAULT_LIMITS when absent. */
  limits?: Partial<IngestLimits>;
}

/** One sentence per OCR outcome that left pages unread, for a file of which no page could be read. */
function unreadReasons(notes: readonly IngestNote[], options: OcrOptions): string {
  const byCode = new Map<string, number[]>();
  for (const note of notes) {
    if (note.code === OCR_NOTE.read || note.code === OCR_NOTE.blank || note.location?.page === undefined) continue;
    byCode.set(note.code, [...(byCode.get(note.code) ?? []), note.location.page]);
  }
  return [...byCode].map(([code, pages]) => ocrFindingMessage(code, pages, { maxPages: options.maxPages })).filter(Boolean).join(' ');
}

export async function readPdf(
  bytes: Uint8Array,
  info: { path: string; sha256: string; bytes: number },
  options: PdfReadOptions = {},
): Promise<SourceDocument> {
  if (bytes.length === 0) throw new IngestError('empty', MESSAGES.zeroBytes);
  // pdf.js transfers (detaches) the buffer it is given; the caller keeps its own.
  const loadingTask = getDocument({ ...PDFJS_OPTIONS, data: bytes.slice() });
  try {
    const doc = await loadingTask.promise;
    // numPages comes from the page tree's /Count, known before any page is parsed.
    const limits = resolveLimits(options.limits);
    if (doc.numPages > limits.maxPages) throw tooManyPages(doc.numPages, limits);
    const fontNames = new Map<string, string>();
    const pages: PageRead[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await readPage(doc, n, fontNames));

    // Scanned pages are read by OCR into lines like any other page's; from here on they are text pages.
    const ocrOptions = resolveOcrOptions(options.ocr ?? { mode: 'off' });
    const ocr = await ocrScannedPages(doc, pages, ocrOptions);
    for (const page of pages) {
      const lines = ocr.lines.get(page.page);
      if (!lines) continue;
      page.lines = lines;
      // Borders found in the image take the place of vector ones, so scanned tables are read as tables.
      page.graphics = { rules: ocr.rules.get(page.page) ?? [], paintsImages: true, glyphText: '' };
    }
    registerPseudoFonts(ocr.words, fontNames);

    const hasText = (page: PageRead): boolean => page.lines.some((line) => USABLE.test(line.text));
    if (!pages.some(hasText)) {
      if (ocr.candidates.length > 0) {
        if (ocr.blank.length === ocr.candidates.length) throw new IngestError('empty', MESSAGES.empty, undefined, doc.numPages);
        throw new IngestError('needs-ocr', MESSAGES.ocrReadNothing(unreadReasons(ocr.notes, ocrOptions)), undefined, doc.numPages);
      }
      const scanned = await paintsAnyImage(doc);
      const message = ocrOptions.mode === 'off' ? MESSAGES.needsOcrButOff : MESSAGES.needsOcr;
      throw new IngestError(scanned ? 'needs-ocr' : 'empty', scanned ? message : MESSAGES.empty, undefined, doc.numPages);
    }
    // A page OCR looked at has its own note (read, blank, unreadable, not reached); the others that
    // still have no text are scans left unread (OCR off) or blank pages.
    const considered = new Set(ocr.candidates);
    const notes: IngestNote[] = [
      ...pages
        .filter((page) => !hasText(page) && !considered.has(page.page))
        .map((page) => ({ code: 'page-without-text', message: MESSAGES.pageWithoutText(page.page), location: { page: page.page, line: 1 } })),
      ...ocr.notes,
    ];

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
    const blocks = attachOcrInfo(buildBlocks(bodyLines, tables, layoutOf, fontNames, breaksBefore), ocr.words);
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
