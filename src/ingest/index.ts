import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { SourceDocument, SourceFormat } from '../model/index.ts';
import { IngestError } from '../model/errors.ts';
import { readDocx } from './docx.ts';
import { resolveOcrOptions, type OcrOptions } from './ocr.ts';
import { fileTooLarge, resolveLimits, type IngestLimits } from './limits.ts';
import { readPdf } from './pdf.ts';
import { readText, type FileInfo } from './text.ts';
import { tablesInParagraphs } from './text-tables.ts';

export type { FileInfo } from './text.ts';
export { DEFAULT_LIMITS, limitsCacheKey, resolveLimits, type IngestLimits } from './limits.ts';

/** How files are read. */
export interface IngestOptions {
  /** OCR of scanned PDF pages; `{ mode: 'auto' }` (read pages that have no text) when absent. */
  ocr?: Partial<OcrOptions>;
  /** Size, page and decompression limits; DEFAULT_LIMITS for whatever is absent. */
  limits?: Partial<IngestLimits>;
}

/** Extensions the batch reads; anything else is listed as `skipped`. */
export const READABLE_EXTENSIONS = new Set(['.pdf', '.docx', '.txt']);

type SniffedKind = 'pdf' | 'zip' | 'ole' | 'unknown';

/**
 * What the bytes really are. Inboxes hold DOCX files renamed to .pdf and the reverse, so the
 * extension only decides for plain text, which has no magic number.
 */
export function sniffFormat(bytes: Uint8Array): SniffedKind {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  // The PDF spec allows junk before the header; readers accept it within the first kilobyte.
  if (head.includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05)) return 'zip';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole';
  return 'unknown';
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Reads one file of any supported format into a SourceDocument. Throws only IngestError; every
 * library failure is translated into a sentence that tells the sender what to do.
 */
export async function ingestBytes(bytes: Uint8Array, path: string, options: IngestOptions = {}): Promise<SourceDocument> {
  const info: FileInfo = { path, sha256: sha256Hex(bytes), bytes: bytes.byteLength };
  const extension = extname(path).toLowerCase();
  if (bytes.byteLength === 0) {
    throw new IngestError('empty', 'Tệp rỗng (0 byte); hãy gửi lại tệp báo cáo có nội dung.');
  }
  const limits = resolveLimits(options.limits);
  // The batch worker refuses an oversized file before reading it; this guards every other caller.
  if (bytes.byteLength > limits.maxFileMb * 1024 * 1024) throw fileTooLarge(bytes.byteLength, limits);
  const kind = sniffFormat(bytes);
  // Tables typed as text (pipes, tabs, aligned columns) in DOCX paragraphs and PDF text become tables, as in TXT.
  const document = tablesInParagraphs(await readByKind(kind, extension, bytes, info, options, limits));
  if (kind !== 'unknown' && extensionFormat(extension) !== document.source.format) {
    document.notes.push({
      code: 'format-mismatch',
      message: `Tệp có đuôi "${extension || '(không có)'}" nhưng nội dung là ${formatLabel(document.source.format)}; đã đọc theo nội dung thật.`,
    });
  }
  return document;
}

async function readByKind(
  kind: SniffedKind,
  extension: string,
  bytes: Uint8Array,
  info: FileInfo,
  options: IngestOptions,
  limits: IngestLimits,
): Promise<SourceDocument> {
  switch (kind) {
    case 'pdf':
      // pdf.js refuses Node Buffers and detaches what it is given: hand it a plain copy.
      return readPdf(new Uint8Array(bytes), info, { ocr: resolveOcrOptions(options.ocr), limits });
    case 'zip':
      return readDocx(bytes, info, { limits });
    case 'ole':
      // A password-protected DOCX is an OLE container; the DOCX reader says which case it is.
      if (extension === '.docx') return readDocx(bytes, info, { limits });
      throw new IngestError(
        'failed',
        'Tệp là văn bản Word cũ (.doc) hoặc tệp Word đặt mật khẩu; hãy mở bằng Word, bỏ mật khẩu nếu có và lưu thành .docx hoặc PDF rồi gửi lại.',
        'OLE compound file',
      );
    case 'unknown':
      if (extension === '.txt') return readText(bytes, info);
      if (isMostlyText(bytes)) {
        throw new IngestError(
          'failed',
          `Tệp có đuôi "${extension}" nhưng nội dung không phải ${extension === '.pdf' ? 'PDF' : 'DOCX'} mà là văn bản thuần; hãy xuất lại đúng định dạng hoặc đổi đuôi thành .txt.`,
        );
      }
      throw new IngestError(
        'failed',
        `Tệp có đuôi "${extension}" nhưng nội dung không phải ${extension === '.pdf' ? 'PDF' : extension === '.docx' ? 'DOCX' : 'định dạng được hỗ trợ'} (tệp hỏng hoặc sai định dạng); hãy xuất lại từ bản gốc và gửi lại.`,
      );
  }
}

function extensionFormat(extension: string): SourceFormat | undefined {
  if (extension === '.pdf') return 'pdf';
  if (extension === '.docx') return 'docx';
  if (extension === '.txt') return 'txt';
  return undefined;
}

function formatLabel(format: SourceFormat): string {
  return format === 'pdf' ? 'PDF' : format === 'docx' ? 'văn bản Word (DOCX)' : 'văn bản thuần';
}

function isMostlyText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const byte of sample) if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  return control / Math.max(1, sample.length) < 0.01;
}
