import type { DocumentResult, Finding } from '../model/index.ts';
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
