/**
 * The OCR settings and the note codes, apart from the OCR engine itself: the batch's main thread needs
 * these (cache key, summary) but must not load pdf.js and the renderer, which only workers use.
 */
import { findNativeTesseract, type OcrEngineChoice } from './ocr/engines.ts';

export type OcrMode = 'off' | 'auto' | 'force';
export const OCR_MODES: readonly OcrMode[] = ['off', 'auto', 'force'];

export interface OcrOptions {
  /** `off`: scanned pages are reported, not read; `auto`: pages without text are read; `force`: every page is read. */
  mode: OcrMode;
  engine: OcrEngineChoice;
  /** Pages read by OCR per file at most; the rest are reported unread. */
  maxPages: number;
  /** Pages the native engine reads side by side (one process each); the cores this thread may use. Defaults to all of them. */
  pagesAtOnce?: number;
  /** Epoch milliseconds after which no further page is started (the batch's per-file time limit). */
  deadline?: number;
}

export const DEFAULT_OCR_MAX_PAGES = 50;

export const DEFAULT_OCR_OPTIONS: OcrOptions = { mode: 'auto', engine: 'auto', maxPages: DEFAULT_OCR_MAX_PAGES };

export function resolveOcrOptions(options: Partial<OcrOptions> | undefined): OcrOptions {
  return { ...DEFAULT_OCR_OPTIONS, ...options };
}

/**
 * What of the OCR set-up decides a result, for the batch cache: the mode, the page cap and which
 * engine this machine will use (the native CLI and tesseract.js read slightly differently).
 */
export function ocrCacheKey(options: Partial<OcrOptions> | undefined): string {
  const resolved = resolveOcrOptions(options);
  if (resolved.mode === 'off') return 'ocr-off';
  const native = resolved.engine !== 'embedded' ? findNativeTesseract() : null;
  const engine = native ? `tesseract-${native.version}` : resolved.engine === 'native' ? 'native-missing' : 'embedded';
  return `ocr-${resolved.mode}_${engine}_max-${resolved.maxPages}`;
}

export const OCR_NOTE = {
  read: 'ocr-read',
  unreadable: 'ocr-unreadable',
  pageLimit: 'ocr-page-limit',
  timeLimit: 'ocr-time-limit',
  blank: 'blank-page',
} as const;
