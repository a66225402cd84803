/**
 * What one input may cost before it is refused. Inboxes hold whatever people send: a 5 GB video
 * renamed .pdf, a PDF of 50 000 blank pages, a DOCX that inflates to gigabytes. Each limit is checked
 * before the expensive work it protects (reading the bytes, reading any page, inflating any part),
 * and a file over one becomes a `failed` row whose message says which limit, the file's value, the
 * limit and what to do.
 *
 * The defaults fit a real report with a wide margin (see README, "Hostile inputs and limits").
 */
import { IngestError } from '../model/errors.ts';

export interface IngestLimits {
  /** Size of the file as sent. */
  maxFileMb: number;
  /** Pages of a PDF, checked from the page tree before any page is read. */
  maxPages: number;
  /** Sum of the uncompressed sizes of a DOCX's parts (its zip directory, then what is actually inflated). */
  maxUnzippedMb: number;
}

export const DEFAULT_LIMITS: Readonly<IngestLimits> = {
  maxFileMb: 100,
  maxPages: 1000,
  maxUnzippedMb: 300,
};

/**
 * Fixed guards that no real document comes near, so they are not options: a DOCX has a few dozen
 * parts plus one per picture; Word nests elements a few dozen deep (tables in tables included);
 * a 600 dpi A3 scan is about 70 million pixels.
 */
export const MAX_ZIP_ENTRIES = 10_000;
export const MAX_XML_DEPTH = 400;
/**
 * Pixels of one PDF image that pdf.js may decode; a larger one is dropped unread. Decoding and rendering an
 * image costs about 19 bytes per pixel of native memory (the decoded stream, its RGBA copy, pdf.js's canvas
 * for it and the page's), which V8's heap limit (--max-memory-mb) does not see: measured, a 420 KB PDF
 * declaring 144 megapixels took one worker to 2.7 GB. 16 megapixels is a 400 dpi scan of an A4 page (the
 * format of Vietnamese administrative documents, Nghị định 30/2020/NĐ-CP); a worker's worst case is then
 * about 550 MB (see README, "Hostile inputs and limits").
 */
export const MAX_IMAGE_PIXELS = 16_000_000;

export function resolveLimits(limits: Partial<IngestLimits> | undefined): IngestLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

/** Stable text of the limits, for cache keys: a file refused under one limit may be read under another. */
export function limitsCacheKey(limits: Partial<IngestLimits> | undefined): string {
  const resolved = resolveLimits(limits);
  return `limits:${resolved.maxFileMb}/${resolved.maxPages}/${resolved.maxUnzippedMb}`;
}

const MB = 1024 * 1024;

export function megabytes(bytes: number): string {
  const value = bytes / MB;
  return value >= 10 ? String(Math.round(value)) : value.toFixed(1).replace('.', ',');
}

export function fileTooLarge(bytes: number, limits: IngestLimits): IngestError {
  return new IngestError(
    'failed',
    `Tệp quá lớn: ${megabytes(bytes)} MB, vượt giới hạn ${limits.maxFileMb} MB cho một tệp (--max-file-mb); tệp không được đọc. ` +
      'Hãy tách báo cáo thành nhiều tệp, xuất lại PDF với ảnh nén nhỏ hơn, hoặc chạy lại với --max-file-mb lớn hơn nếu tệp đúng là báo cáo.',
    `file size ${bytes} bytes > ${limits.maxFileMb} MB`,
  );
}

export function tooManyPages(pages: number, limits: IngestLimits): IngestError {
  return new IngestError(
    'failed',
    `Tệp PDF có ${pages} trang, vượt giới hạn ${limits.maxPages} trang cho một tệp (--max-pages); không trang nào được đọc. ` +
      'Hãy tách riêng phần báo cáo (bỏ phụ lục, tài liệu đính kèm) thành tệp nhỏ hơn, hoặc chạy lại với --max-pages lớn hơn.',
    `${pages} pages > ${limits.maxPages}`,
    pages,
  );
}

/** `stoppedAt`: inflating was cut off at the limit, so the true size is only known to be above it. */
export function unzipsTooLarge(bytes: number, limits: IngestLimits, stoppedAt = false): IngestError {
  const size = stoppedAt ? `hơn ${limits.maxUnzippedMb} MB (đã dừng giải nén ở giới hạn)` : `${megabytes(bytes)} MB`;
  return new IngestError(
    'failed',
    `Tệp DOCX khi giải nén lên tới ${size}, vượt giới hạn ${limits.maxUnzippedMb} MB (--max-unzipped-mb); có thể là tệp hỏng hoặc "bom nén", nên không được đọc. ` +
      'Hãy mở bằng Word, xóa bớt ảnh/đối tượng nhúng rồi lưu lại, hoặc gửi bản PDF; nếu tệp đúng là báo cáo, chạy lại với --max-unzipped-mb lớn hơn.',
    `uncompressed ${bytes} bytes > ${limits.maxUnzippedMb} MB`,
  );
}

export function tooManyZipEntries(entries: number): IngestError {
  return new IngestError(
    'failed',
    `Tệp DOCX chứa ${entries} thành phần nén, vượt giới hạn ${MAX_ZIP_ENTRIES}; văn bản Word thật chỉ có vài chục thành phần, nên tệp không được đọc. ` +
      'Hãy mở bằng Word, lưu lại thành .docx mới hoặc xuất PDF rồi gửi lại.',
    `${entries} zip entries > ${MAX_ZIP_ENTRIES}`,
  );
}

export function xmlTooDeep(part: string, depth: number): IngestError {
  return new IngestError(
    'failed',
    `Phần "${part}" của tệp DOCX lồng nhau quá sâu (hơn ${depth} cấp, giới hạn ${MAX_XML_DEPTH}); văn bản Word thật không như vậy, nên tệp không được đọc. ` +
      'Hãy mở bằng Word, sao chép nội dung sang văn bản mới và lưu lại, hoặc gửi bản PDF.',
    `XML nesting deeper than ${MAX_XML_DEPTH} in ${part}`,
  );
}
