/**
 * OCR for scanned PDF pages, page by page: a page with no text layer (or almost none over a page-sized
 * image) is rendered, read by Tesseract in Vietnamese, and handed back as ordinary lines so that the
 * PDF adapter lays it out like any other page. Nothing is downloaded: the embedded engine is
 * tesseract.js with the model npm installed; the native `tesseract` CLI is used instead when found.
 *
 * Bounded per file: at most `maxPages` pages are read, and no page is started past the deadline the
 * batch worker sets from `--timeout`; pages left unread are reported with the reason.
 */
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import type { PDFDocumentProxy } from './pdfjs/index.mjs';
import type { IngestNote } from '../model/document.ts';
import type { PdfLine } from './pdf/lines.ts';
import { ocrEngine, OcrEngineError, shutdownOcrEngines, type OcrEngine, type OcrEngineChoice } from './ocr/engines.ts';
import { parseHocr } from './ocr/hocr.ts';
import type { Rule } from './pdf/graphics.ts';
import { meanConfidence, ocrLinesOf, pageDeskew, type OcrWordIndex } from './ocr/lines.ts';
import { inkShare, ocrDpi, pageImages, renderPageGrey } from './ocr/render.ts';
import { findRasterRules } from './ocr/rules.ts';

export { attachOcrInfo, registerPseudoFonts, type OcrWordIndex } from './ocr/lines.ts';
export type { OcrEngineChoice } from './ocr/engines.ts';
export * from './ocr-options.ts';
import { DEFAULT_OCR_MAX_PAGES, OCR_NOTE, resolveOcrOptions, type OcrMode, type OcrOptions } from './ocr-options.ts';

/** Ends the OCR engine this thread started; call when a batch or a test is done. */
export function shutdownOcr(): Promise<void> {
  return shutdownOcrEngines();
}

/** Fewer letters and digits than this over a page-covering image: the text is a stamp or a page number on a scan. */
const NEAR_EMPTY_CHARACTERS = 80;
/** An image this large (share of the page) is a scanned page, not a logo. */
const PAGE_SIZED_IMAGE = 0.5;
/** A page whose kept words average below this confidence is noise read as text, not text. */
const MIN_PAGE_CONFIDENCE = 45;
/** Fewer dark pixels than this share: a blank page (or the blank back of a duplex scan). */
const BLANK_INK_SHARE = 0.002;
/** No single page may take longer than this, whatever the deadline. */
const MAX_SECONDS_PER_PAGE = 120;


export interface PageText {
  page: number;
  lines: PdfLine[];
}

export interface OcrOutcome {
  /** OCR lines of each page read, to replace whatever text layer the page had. */
  lines: Map<number, PdfLine[]>;
  /** Table borders found in each page read, in the same coordinates as its lines. */
  rules: Map<number, Rule[]>;
  /** Pages that were candidates (a scan, or everything under `force`), read or not. */
  candidates: number[];
  /** Pages found blank once rendered: nothing to read, nothing to report. */
  blank: number[];
  notes: IngestNote[];
  words: OcrWordIndex;
}

const USABLE_CHARACTER = /[\p{L}\p{N}]/gu;

function usableCharacters(page: PageText): number {
  return page.lines.reduce((sum, line) => sum + (line.text.match(USABLE_CHARACTER)?.length ?? 0), 0);
}

async function isCandidate(doc: PDFDocumentProxy, page: PageText, mode: OcrMode): Promise<boolean> {
  if (mode === 'force') return true;
  const characters = usableCharacters(page);
  // A page with no text at all is read whatever it paints: text drawn as outlines has no image either.
  if (characters === 0) return true;
  if (characters >= NEAR_EMPTY_CHARACTERS) return false;
  return (await pageImages(doc, page.page)).coverage >= PAGE_SIZED_IMAGE;
}

function note(code: string, page: number, message: string): IngestNote {
  return { code, message, location: { page, line: 1 } };
}

/** What became of one candidate page before its words join the document's (which happens in page order). */
type PageRecognition =
  | { kind: 'over-page-limit' }
  | { kind: 'over-time-limit' }
  | { kind: 'blank' }
  | { kind: 'recognized'; text: ReturnType<typeof parseHocr>; deskew: ReturnType<typeof pageDeskew>; rules: Rule[] }
  | { kind: 'failed'; reason: string };

/**
 * Pages in flight at once. The native engine is one process per page, so pages run side by side on the cores
 * this worker may use; the embedded engine reads one page at a time, and a second in flight only has the next
 * page rendered while the current one is read.
 */
function pagesAtOnce(engine: OcrEngine | undefined, options: OcrOptions): number {
  if (engine?.kind !== 'native') return 2;
  return Math.max(1, options.pagesAtOnce ?? availableParallelism());
}

/**
 * Reads the pages that need OCR. Never throws for a page: an engine failure, an unreadable page, the
 * page cap and the deadline all become notes naming the page. Pages are rendered and recognized side by
 * side (pagesAtOnce), and their results taken in page order, so the outcome is the same as one by one.
 */
export async function ocrScannedPages(doc: PDFDocumentProxy, pages: readonly PageText[], options: OcrOptions): Promise<OcrOutcome> {
  const outcome: OcrOutcome = { lines: new Map(), rules: new Map(), candidates: [], blank: [], notes: [], words: new Map() };
  if (options.mode === 'off') return outcome;
  for (const page of pages) if (await isCandidate(doc, page, options.mode)) outcome.candidates.push(page.page);
  if (outcome.candidates.length === 0) return outcome;

  let engine: OcrEngine | undefined;
  let engineError: unknown;
  try {
    engine = ocrEngine(options.engine);
  } catch (error) {
    engineError = error;
  }
  const limit = pLimit(pagesAtOnce(engine, options));
  const recognize = async (pageNumber: number): Promise<PageRecognition> => {
    const remainingMs = options.deadline === undefined ? Infinity : options.deadline - Date.now();
    if (remainingMs <= 0) return { kind: 'over-time-limit' };
    try {
      if (!engine) throw engineError;
      const images = await pageImages(doc, pageNumber);
      const rendered = await renderPageGrey(doc, pageNumber, ocrDpi(images.coverage >= PAGE_SIZED_IMAGE ? images.scanDpi : undefined));
      if (inkShare(rendered.image) < BLANK_INK_SHARE) return { kind: 'blank' };
      const hocr = await engine.recognize(rendered.image, rendered.dpi, Math.min(remainingMs, MAX_SECONDS_PER_PAGE * 1000));
      const text = parseHocr(hocr);
      const deskew = pageDeskew(text, rendered.dpi);
      return { kind: 'recognized', text, deskew, rules: findRasterRules(rendered.image, rendered.dpi, deskew) };
    } catch (error) {
      // A page cut short by the file's deadline was not read for lack of time, like the pages after it.
      if (error instanceof OcrEngineError && error.timedOut && options.deadline !== undefined && Date.now() >= options.deadline - 1_000) return { kind: 'over-time-limit' };
      const reason = error instanceof OcrEngineError ? error.message : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return { kind: 'failed', reason };
    }
  };
  const recognitions = outcome.candidates.map((pageNumber, position) =>
    position >= options.maxPages ? Promise.resolve<PageRecognition>({ kind: 'over-page-limit' }) : limit(() => recognize(pageNumber)),
  );

  for (const [position, pageNumber] of outcome.candidates.entries()) {
    const recognition = await recognitions[position]!;
    switch (recognition.kind) {
      case 'over-page-limit':
        outcome.notes.push(note(OCR_NOTE.pageLimit, pageNumber, `Trang ${pageNumber} chưa được OCR: vượt giới hạn ${options.maxPages} trang mỗi tệp.`));
        continue;
      case 'over-time-limit':
        outcome.notes.push(note(OCR_NOTE.timeLimit, pageNumber, `Trang ${pageNumber} chưa được OCR: hết thời gian dành cho tệp.`));
        continue;
      case 'blank':
        outcome.blank.push(pageNumber);
        outcome.notes.push(note(OCR_NOTE.blank, pageNumber, `Trang ${pageNumber} là trang trắng.`));
        continue;
      case 'failed':
        outcome.notes.push(note(OCR_NOTE.unreadable, pageNumber, `Trang ${pageNumber}: OCR thất bại (${recognition.reason}).`));
        continue;
    }
    const wordsBefore = new Map(outcome.words);
    const lines = ocrLinesOf(pageNumber, recognition.text, recognition.deskew, outcome.words, recognition.rules);
    const confidence = meanConfidence(lines, outcome.words);
    if (lines.length === 0 || confidence < MIN_PAGE_CONFIDENCE) {
      // Forget the words of a page that is not kept: they must not name fonts in any block.
      outcome.words.clear();
      for (const [id, word] of wordsBefore) outcome.words.set(id, word);
      const why = lines.length === 0 ? 'không nhận ra chữ nào' : `độ tin cậy chỉ ${Math.round(confidence)}%`;
      outcome.notes.push(note(OCR_NOTE.unreadable, pageNumber, `Trang ${pageNumber}: OCR ${why}.`));
      continue;
    }
    outcome.lines.set(pageNumber, lines);
    outcome.rules.set(pageNumber, recognition.rules);
    outcome.notes.push(note(OCR_NOTE.read, pageNumber, `Trang ${pageNumber} được đọc bằng OCR (${engine!.id}, độ tin cậy ${Math.round(confidence)}%).`));
  }
  return outcome;
}

/** "1–3, 5, 7–9": pages as an auditor reads them. */
export function pageRanges(pages: readonly number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i + 1 ? `${sorted[i]}–${sorted[j]}` : j === i + 1 ? `${sorted[i]}, ${sorted[j]}` : `${sorted[i]}`);
    i = j;
  }
  return parts.join(', ');
}

/**
 * The auditor's sentence for a group of pages that share an OCR outcome: what happened and what to do.
 * `confidence` is the mean over the pages read (for `ocr-read`).
 */
export function ocrFindingMessage(code: string, pages: readonly number[], extra: { maxPages?: number; confidence?: number } = {}): string | undefined {
  const which = `Trang ${pageRanges(pages)}`;
  switch (code) {
    case OCR_NOTE.read:
      return (
        `${which} là bản quét, đã được đọc bằng nhận dạng ký tự (OCR, độ tin cậy trung bình ${Math.round(extra.confidence ?? 0)}%); ` +
        'các số liệu từ đây được đánh dấu OCR, cần đối chiếu với bản giấy, nhất là những số được gắn cờ ambiguous-number.'
      );
    case OCR_NOTE.unreadable:
      return (
        `${which} là bản quét nhưng nhận dạng ký tự (OCR) không đọc được (không thấy chữ hoặc độ tin cậy quá thấp); số liệu trên các trang này chưa được đọc — ` +
        'hãy quét lại rõ hơn (300 dpi, trang thẳng, không mờ nhòe) hoặc gửi bản PDF xuất trực tiếp từ Word.'
      );
    case OCR_NOTE.pageLimit:
      return (
        `${which} là bản quét nhưng chưa được nhận dạng ký tự (OCR) vì mỗi tệp chỉ OCR tối đa ${extra.maxPages ?? DEFAULT_OCR_MAX_PAGES} trang; ` +
        'số liệu trên các trang này chưa được đọc — hãy chạy lại với --ocr-max-pages lớn hơn hoặc tách tệp.'
      );
    case OCR_NOTE.timeLimit:
      return (
        `${which} là bản quét nhưng chưa được nhận dạng ký tự (OCR) vì hết thời gian dành cho một tệp; ` +
        'số liệu trên các trang này chưa được đọc — hãy chạy lại với --timeout lớn hơn.'
      );
    default:
      return undefined;
  }
}
