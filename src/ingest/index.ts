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
  /**
   * The caller is done with the bytes: pdf.js may take them over (it detaches what it is given) instead of a
   * copy, which saves the size of the file in memory. The batch's workers and processFile read the file for
   * this call only; a caller that keeps its bytes leaves this unset.
   */
  transferBytes?: boolean;
}

/** Extensions the batch reads; anything else is listed as `skipped`. */
export const READABLE_EXTENSIONS = new Set(['.pdf', '.docx', '.txt']);

/**
 * Word-processor formats reports also arrive in: their bytes decide. A DOCX or PDF that only has the
 * wrong name is read; a real Word 97–2003, RTF or OpenDocument file is `skipped` with how to re-save it.
 */
export const SNIFFED_EXTENSIONS = new Set(['.doc', '.rtf', '.odt']);

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
  const unsupported = unsupportedFormat(bytes, kind, extension);
  if (unsupported) throw unsupported;
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
      // pdf.js refuses Node Buffers and detaches what it is given: hand it a plain copy, unless the caller gave the bytes away.
      return readPdf(ownsWholeBuffer(bytes, options) ? bytes : new Uint8Array(bytes), info, { ocr: resolveOcrOptions(options.ocr), limits });
    case 'zip':
      return readDocx(bytes, info, { limits });
    case 'ole':
      // Word 97–2003 was answered above; a password-protected DOCX is an OLE container too, and the DOCX
      // reader says which case it is (encrypted, or another old Office file).
      return readDocx(bytes, info, { limits });
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

const RESAVE_WORD = 'chọn Tệp > Lưu thành (Save As) > Tài liệu Word (*.docx), hoặc Tệp > Xuất thành PDF, rồi chạy lại';

/**
 * A document in a format solieu does not read, told by its bytes whatever its name: Word 97–2003 (an OLE
 * file with a WordDocument stream and no encrypted package — a password-protected DOCX is an OLE file
 * too, and the DOCX reader says so), RTF, OpenDocument (a zip whose first entry, `mimetype`, says so), a
 * web page Word saved as .doc, or a .doc/.rtf/.odt whose bytes are none of these. Each says how to re-save it.
 */
export function unsupportedFormat(bytes: Uint8Array, kind: SniffedKind, extension: string): IngestError | undefined {
  const named = (what: string) => (extensionFormat(extension) === undefined ? `Tệp là ${what}` : `Tệp có đuôi "${extension}" nhưng là ${what}`);
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096));
  if (kind === 'ole') {
    const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const stream = (name: string) => all.includes(Buffer.from(name, 'utf16le'));
    if (stream('WordDocument') && !stream('EncryptedPackage') && !stream('EncryptionInfo')) {
      return new IngestError('unsupported-format', `${named('văn bản Word 97–2003 (.doc)')}, định dạng cũ mà solieu không đọc; hãy mở bằng Word hoặc LibreOffice Writer, ${RESAVE_WORD}.`, 'Word 97-2003 document (OLE compound file)');
    }
    return undefined;
  }
  if (head.subarray(0, 5).toString('latin1') === '{\\rtf') {
    return new IngestError('unsupported-format', `${named('văn bản RTF')}, định dạng mà solieu không đọc; hãy mở bằng Word hoặc LibreOffice Writer, ${RESAVE_WORD}.`, 'RTF document');
  }
  // OpenDocument's first entry is `mimetype`, stored uncompressed: its bytes follow the local header, name and extra field.
  if (kind === 'zip' && head.length >= 30 && head.subarray(30, 30 + head.readUInt16LE(26)).toString('latin1') === 'mimetype') {
    const dataAt = 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
    const mimetype = head.subarray(dataAt, dataAt + 80).toString('latin1');
    if (mimetype.startsWith('application/vnd.oasis.opendocument')) {
      const what = mimetype.startsWith('application/vnd.oasis.opendocument.text') ? 'văn bản OpenDocument (.odt, của LibreOffice/OpenOffice)' : 'tệp OpenDocument (LibreOffice/OpenOffice)';
      return new IngestError(
        'unsupported-format',
        `${named(what)}, định dạng mà solieu không đọc; hãy mở bằng LibreOffice Writer, chọn Tệp > Lưu thành > Word 2007–365 (.docx), hoặc Tệp > Xuất thành PDF, rồi chạy lại.`,
        `OpenDocument (${mimetype.replace(/[^\x21-\x7e].*$/su, '')})`,
      );
    }
  }
  if (kind === 'unknown' && SNIFFED_EXTENSIONS.has(extension)) {
    const text = head.toString('latin1').replace(/^\xef\xbb\xbf/u, '').trimStart().toLowerCase();
    if (text.startsWith('<html') || text.startsWith('<!doctype html') || (text.startsWith('<?xml') && text.includes('<html')) || text.includes('urn:schemas-microsoft-com:office:word')) {
      return new IngestError('unsupported-format', `Tệp có đuôi "${extension}" nhưng là trang web (HTML) do Word lưu, định dạng mà solieu không đọc; hãy mở bằng Word, ${RESAVE_WORD}.`, 'HTML document');
    }
    return new IngestError(
      'unsupported-format',
      `Tệp có đuôi "${extension}" nhưng nội dung không phải văn bản Word, RTF hay OpenDocument mà solieu nhận ra; nếu đây là báo cáo, hãy mở bằng chương trình đã tạo ra nó, lưu thành .docx hoặc xuất PDF rồi chạy lại.`,
      'unrecognised content',
    );
  }
  return undefined;
}

/** Bytes pdf.js may detach: given away by the caller, a plain view, and alone in their ArrayBuffer (never a slice of Node's pool). */
function ownsWholeBuffer(bytes: Uint8Array, options: IngestOptions): boolean {
  return options.transferBytes === true && !Buffer.isBuffer(bytes) && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
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
