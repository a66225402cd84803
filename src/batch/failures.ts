import type { DocumentResult, Finding } from '../model/index.ts';
import type { InputKind } from './walk.ts';
import { fingerprintOf } from '../model/index.ts';

/**
 * Rows for files the pipeline never got to judge: the batch could not read them, or a worker had to
 * be stopped while parsing them. Each is a `failed` row with one fatal `ingest.failed` finding whose
 * sentence says which limit was hit and what the sender or the operator can do about it.
 */

const vietnameseNumber = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 3 });

function failedRow(file: string, message: string, values: number[]): DocumentResult {
  const finding: Finding = {
    rule: 'ingest.failed',
    severity: 'error',
    fatal: true,
    message,
    values,
    evidence: [],
    fingerprint: fingerprintOf(file, 'ingest.failed', values),
  };
  return { file, status: 'failed', metadata: {}, figures: [], findings: [finding] };
}

/** The file vanished or is not readable by us. */
export function unreadableFileResult(file: string, errorCode: string): DocumentResult {
  return failedRow(
    file,
    `Không mở được tệp (${errorCode}); hãy kiểm tra quyền truy cập hoặc đường dẫn rồi chạy lại.`,
    [],
  );
}

export function timeLimitResult(file: string, timeoutSeconds: number): DocumentResult {
  return failedRow(
    file,
    `Tệp xử lý quá ${vietnameseNumber.format(timeoutSeconds)} giây nên đã bị dừng; tệp có thể quá lớn hoặc bị hỏng — ` +
      'hãy mở tệp kiểm tra, xuất lại hoặc tách thành tệp nhỏ hơn, hoặc chạy lại với --timeout lớn hơn.',
    [timeoutSeconds],
  );
}

export function memoryLimitResult(file: string, maxMemoryMb: number): DocumentResult {
  return failedRow(
    file,
    `Tệp cần quá ${vietnameseNumber.format(maxMemoryMb)} MB bộ nhớ nên đã bị dừng; tệp có thể quá lớn hoặc bị hỏng — ` +
      'hãy mở tệp kiểm tra, xuất lại hoặc tách thành tệp nhỏ hơn, hoặc chạy lại với --max-memory-mb lớn hơn.',
    [maxMemoryMb],
  );
}

export function workerCrashResult(file: string): DocumentResult {
  return failedRow(
    file,
    'Bộ đọc gặp sự cố và dừng đột ngột khi xử lý tệp này; hãy mở tệp, lưu lại (hoặc xuất lại PDF) rồi chạy lại, ' +
      'đồng thời báo lỗi cho nhóm phát triển.',
    [],
  );
}

/**
 * A file the batch does not open: another file type, or not a regular file at all. `skipped`, with an info
 * finding `ingest.skipped` that says why and what to do (nothing is left out without a word).
 */
function skippedRow(file: string, message: string, discriminator: string): DocumentResult {
  const rule = 'ingest.skipped';
  const finding: Finding = { rule, severity: 'info', fatal: true, message, values: [], evidence: [], discriminator, fingerprint: fingerprintOf(file, rule, [], discriminator) };
  return { file, status: 'skipped', metadata: {}, figures: [], findings: [finding] };
}

/** A file whose extension is not one solieu reads. */
export function otherFileTypeResult(file: string, extension: string): DocumentResult {
  const message =
    extension === ''
      ? 'Tệp không có đuôi nên không rõ là định dạng gì và được bỏ qua; nếu đây là báo cáo, hãy đặt đúng đuôi (.pdf, .docx hoặc .txt), ' +
        'hoặc mở bằng chương trình đã tạo ra nó và lưu thành .docx hoặc xuất PDF, rồi chạy lại.'
      : `Tệp "${extension}" không phải định dạng báo cáo mà solieu đọc (PDF, DOCX, TXT; DOC, RTF, ODT được nhận ra) nên được bỏ qua; ` +
        'nếu đây là báo cáo, hãy mở bằng chương trình đã tạo ra nó và lưu thành .docx hoặc xuất PDF, rồi chạy lại.';
  return skippedRow(file, message, 'other-file-type');
}

const SPECIAL_NAMES: Record<Extract<InputKind, { type: 'special' }>['what'], string> = {
  fifo: 'một đường ống (FIFO)',
  socket: 'một socket',
  'character-device': 'một thiết bị (như /dev/zero, /dev/urandom)',
  'block-device': 'một thiết bị lưu trữ (ổ đĩa)',
  other: 'một mục đặc biệt của hệ thống tệp',
};

/** A FIFO, socket or device (or a link to one): reading it could block forever or never end, so it is never opened. */
export function specialFileResult(file: string, kind: Extract<InputKind, { type: 'special' }>): DocumentResult {
  return skippedRow(
    file,
    `Đây không phải tệp thông thường mà là ${kind.viaLink ? 'liên kết tới ' : ''}${SPECIAL_NAMES[kind.what]}; solieu chỉ mở tệp thông thường ` +
      '(đọc mục này có thể treo mãi hoặc không bao giờ hết) nên đã bỏ qua. Nếu đây là báo cáo, hãy lưu nội dung thành tệp .pdf, .docx hoặc .txt rồi chạy lại.',
    `special:${kind.what}`,
  );
}

/** A folder that could not be listed: the files in it were not read. */
export function unreadableFolderResult(folder: string, errorCode: string): DocumentResult {
  return failedRow(
    folder,
    `Không mở được thư mục này (${errorCode}) nên các tệp bên trong chưa được đọc; hãy kiểm tra quyền truy cập thư mục (quyền đọc và mở) rồi chạy lại.`,
    [],
  );
}
