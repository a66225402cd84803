import type { Document, Finding, IngestNote, Repair, Severity } from '../model/index.ts';
import { fingerprintOf, type IngestError } from '../model/index.ts';
import { ocrFindingMessage, OCR_NOTE } from '../ingest/ocr.ts';

/**
 * Ingest problems are findings too, so that an unreadable file shows up in the same spreadsheet as a
 * wrong percentage, with a sentence that says what to do. A file that could not be read is `fatal`.
 */
const INGEST_SEVERITY: Record<IngestError['code'], Severity> = {
  failed: 'error',
  'needs-ocr': 'warning',
  empty: 'warning',
  'unsupported-format': 'warning',
};

export function findingFromIngestError(error: IngestError, file: string): Finding {
  const rule = `ingest.${error.code}`;
  const values = error.pages !== undefined ? [error.pages] : [];
  return {
    rule,
    severity: INGEST_SEVERITY[error.code],
    fatal: true,
    message: error.messageVi,
    values,
    evidence: [],
    ...(error.detail !== undefined ? { detail: error.detail } : {}),
    fingerprint: fingerprintOf(file, rule, values),
  };
}

const REPAIR_DESCRIPTION: Record<Repair['kind'], string> = {
  tcvn3: 'bảng mã TCVN3 (ABC, phông .VnTime…) đã được chuyển sang Unicode',
  vni: 'bảng mã VNI (phông VNI-Times…) đã được chuyển sang Unicode',
  u01a3: 'ký tự "ƣ/Ƣ" (U+01A3/U+01A2, lỗi trích xuất PDF) đã được sửa thành "ư/Ư"',
  nfc: 'dấu tiếng Việt dạng tổ hợp (NFD) đã được chuẩn hóa về dạng dựng sẵn (NFC)',
  'combining-space': 'khoảng trắng thừa trước dấu thanh đã được bỏ',
};

const DETECTED_BY: Record<Repair['detectedBy'], string> = {
  font: 'nhận biết theo tên phông chữ',
  statistics: 'nhận biết theo thống kê âm tiết tiếng Việt',
  always: 'luôn sửa',
};

export function findingsFromRepairs(document: Document, file: string): Finding[] {
  return document.repairs.map((repair) => {
    const rule = 'ingest.encoding-repaired';
    const values = [repair.count];
    return {
      rule,
      severity: 'info' as const,
      fatal: false,
      message:
        `Văn bản có lỗi mã hóa: ${REPAIR_DESCRIPTION[repair.kind]} (${DETECTED_BY[repair.detectedBy]}; ` +
        `${repair.count} đoạn; ví dụ "${repair.before}" → "${repair.after}"). Hãy đối chiếu các số liệu trích ra với bản gốc.`,
      values,
      evidence: [{ quote: repair.after, location: repair.location }],
      discriminator: repair.kind,
      fingerprint: fingerprintOf(file, rule, values, repair.kind),
    };
  });
}

/** What the OCR findings need besides the notes: the text's confidences and the page cap in force. */
export interface OcrFindingContext {
  document?: Document;
  ocrMaxPages?: number;
}

/** Notes that an auditor should see: a lying extension, pages that need OCR. Library chatter stays a note. */
export function findingsFromNotes(notes: readonly IngestNote[], file: string, context: OcrFindingContext = {}): Finding[] {
  const findings: Finding[] = [];
  const mismatch = notes.find((note) => note.code === 'format-mismatch');
  if (mismatch) {
    const rule = 'ingest.format-mismatch';
    findings.push({
      rule,
      severity: 'info',
      fatal: false,
      message: mismatch.message,
      values: [],
      evidence: [],
      fingerprint: fingerprintOf(file, rule, []),
    });
  }
  const pagesWithoutText = notes
    .filter((note) => note.code === 'page-without-text' && note.location?.page !== undefined)
    .map((note) => note.location!.page!);
  if (pagesWithoutText.length > 0) {
    const rule = 'ingest.needs-ocr';
    findings.push({
      rule,
      severity: 'warning',
      fatal: false,
      message: `Trang ${pagesWithoutText.join(', ')} không có lớp chữ (trang scan); số liệu trên các trang này chưa được đọc — cần nhận dạng ký tự (OCR) hoặc bản PDF xuất trực tiếp từ Word.`,
      values: pagesWithoutText,
      evidence: [],
      fingerprint: fingerprintOf(file, rule, pagesWithoutText),
    });
  }
  findings.push(...ocrFindings(notes, file, context));
  return findings;
}

/**
 * Scanned pages read by OCR give one info finding (figures from them deserve a look at the paper);
 * scanned pages OCR could not read, or did not reach (page cap, time limit), give one `ingest.needs-ocr`
 * warning per reason, naming the pages and saying what to do.
 */
const OCR_FINDINGS: ReadonlyArray<{ code: string; rule: string; severity: Severity }> = [
  { code: OCR_NOTE.read, rule: 'ingest.ocr', severity: 'info' },
  { code: OCR_NOTE.unreadable, rule: 'ingest.needs-ocr', severity: 'warning' },
  { code: OCR_NOTE.pageLimit, rule: 'ingest.needs-ocr', severity: 'warning' },
  { code: OCR_NOTE.timeLimit, rule: 'ingest.needs-ocr', severity: 'warning' },
];

function ocrFindings(notes: readonly IngestNote[], file: string, context: OcrFindingContext): Finding[] {
  const findings: Finding[] = [];
  for (const { code, rule, severity } of OCR_FINDINGS) {
    const pages = notes.filter((note) => note.code === code && note.location?.page !== undefined).map((note) => note.location!.page!);
    if (pages.length === 0) continue;
    const message = ocrFindingMessage(code, pages, { confidence: ocrConfidence(context.document), ...(context.ocrMaxPages !== undefined ? { maxPages: context.ocrMaxPages } : {}) });
    if (message === undefined) continue;
    findings.push({
      rule,
      severity,
      fatal: false,
      message,
      values: pages,
      evidence: [],
      discriminator: code,
      fingerprint: fingerprintOf(file, rule, pages, code),
    });
  }
  return findings;
}

/** Mean OCR confidence over the document's OCR text, weighted by length. */
function ocrConfidence(document: Document | undefined): number {
  let weighted = 0;
  let length = 0;
  for (const block of document?.blocks ?? []) {
    const fields = block.kind === 'table' ? block.rows.flatMap((row) => row.cells) : [block];
    for (const field of fields) {
      if (!field.ocr) continue;
      weighted += field.ocr.confidence * field.text.length;
      length += field.text.length;
    }
  }
  return length === 0 ? 0 : weighted / length;
}
