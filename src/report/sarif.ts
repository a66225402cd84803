/**
 * SARIF 2.1.0 (OASIS), for code-scanning dashboards and CI: `solieu run --format sarif` prints one log with one
 * run. Every finding is a result with its rule, level, Vietnamese message, the place of its first quote (the
 * file relative to the folder given on the command line; the line — within its page for a PDF, the page itself
 * in the location's properties; the quote as the region's snippet), the other quotes as related locations, and
 * the fingerprint baselines match on in `partialFingerprints`. Findings a `--baseline` review dismissed are
 * results too, with an external suppression whose justification is the auditor's note. The rules of the run —
 * every check and every ingest id, with the severity configured for this run — are in tool.driver.rules.
 * The official schema is shipped in schemas/sarif-schema-2.1.0.json and test/sarif.test.ts validates against it.
 */
import type { BatchFinding, DocumentResult, Evidence, Finding, Severity, SuppressedBatchFinding, SuppressedFinding } from '../model/index.ts';
import { TOOL_VERSION } from '../version.ts';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The key of `partialFingerprints`: versioned, as SARIF recommends, in case the fingerprint ever changes. */
export const FINGERPRINT_KEY = 'solieu/v1';

export interface SarifRule {
  id: string;
  /** Short Vietnamese name (the report page's label). */
  name: string;
  /** What it flags, in Vietnamese. */
  description: string;
  /** The severity this run gives it; `off` when configured off. */
  severity: Severity | 'off';
}

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

function levelOf(severity: Severity | 'off'): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : severity === 'info' ? 'note' : 'none';
}

/** The start of the log, up to the opening of `results`: the tool and its rules. */
export function sarifHead(rules: readonly SarifRule[]): string {
  const driver = {
    name: 'solieu',
    version: TOOL_VERSION,
    semanticVersion: TOOL_VERSION,
    language: 'vi',
    rules: rules.map((rule) => ({
      id: rule.id,
      name: rule.id,
      shortDescription: { text: rule.name },
      fullDescription: { text: rule.description },
      defaultConfiguration: rule.severity === 'off' ? { enabled: false, level: 'none' as const } : { level: levelOf(rule.severity) },
    })),
  };
  const head = JSON.stringify({ $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [{ tool: { driver }, columnKind: 'utf16CodeUnits', results: [] }] }, null, 2);
  // `"results": []` ends the text: everything before its "]" is the head.
  return head.slice(0, head.lastIndexOf('[') + 1);
}

/** The end of the log: the invocation (when it ended) after the results. */
export function sarifTail(generatedAt: Date, resultsWritten: number): string {
  const invocation = JSON.stringify({ executionSuccessful: true, endTimeUtc: generatedAt.toISOString() });
  return `${resultsWritten === 0 ? '' : '\n      '}],\n      "invocations": [${invocation}]\n    }\n  ]\n}\n`;
}

/** The results of one document, as JSON texts (one per finding, dismissed ones included). */
export function sarifResults(document: DocumentResult, ruleIndex: ReadonlyMap<string, number>): string[] {
  const uri = document.file.split('/').map(encodeURIComponent).join('/');
  const results: string[] = [];
  const add = (finding: Finding | SuppressedFinding, suppressed: boolean) => {
    const [primary, ...related] = finding.evidence;
    const index = ruleIndex.get(finding.rule);
    const result = {
      ruleId: finding.rule,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: levelOf(finding.severity),
      message: { text: finding.message },
      locations: [location(uri, primary)],
      ...(related.length > 0 ? { relatedLocations: related.map((evidence, at) => ({ id: at + 1, ...location(uri, evidence) })) } : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
      ...(suppressed ? { suppressions: [{ kind: 'external', status: 'accepted', justification: (finding as SuppressedFinding).review.note }] } : {}),
      properties: {
        values: finding.values,
        ...(finding.expected !== undefined ? { expected: finding.expected } : {}),
        fatal: finding.fatal,
        status: document.status,
      },
    };
    results.push(JSON.stringify(result));
  };
  for (const finding of document.findings) add(finding, false);
  for (const finding of document.suppressedFindings ?? []) add(finding, true);
  return results;
}

/**
 * A finding across reports: located in the report it is shown under (its quote from that report, else the file as a
 * whole), the quotes from the other reports as related locations in their own files, and every report involved in
 * `properties.files`.
 */
export function sarifBatchResults(
  findings: readonly BatchFinding[],
  suppressed: readonly SuppressedBatchFinding[],
  ruleIndex: ReadonlyMap<string, number>,
): string[] {
  const uriOf = (file: string) => file.split('/').map(encodeURIComponent).join('/');
  const add = (finding: BatchFinding | SuppressedBatchFinding, isSuppressed: boolean) => {
    const primary = finding.evidence.find((evidence) => evidence.file === finding.file);
    const related = finding.evidence.filter((evidence) => evidence !== primary);
    const index = ruleIndex.get(finding.rule);
    return JSON.stringify({
      ruleId: finding.rule,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: levelOf(finding.severity),
      message: { text: finding.message },
      locations: [location(uriOf(finding.file), primary)],
      ...(related.length > 0 ? { relatedLocations: related.map((evidence, at) => ({ id: at + 1, ...location(uriOf(evidence.file), evidence) })) } : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
      ...(isSuppressed ? { suppressions: [{ kind: 'external', status: 'accepted', justification: (finding as SuppressedBatchFinding).review.note }] } : {}),
      properties: {
        values: finding.values,
        ...(finding.expected !== undefined ? { expected: finding.expected } : {}),
        fatal: false,
        files: finding.files,
      },
    });
  };
  return [...findings.map((finding) => add(finding, false)), ...suppressed.map((finding) => add(finding, true))];
}

function location(uri: string, evidence: Evidence | undefined) {
  const artifactLocation = { uri };
  if (!evidence) return { physicalLocation: { artifactLocation } };
  const { page, line, endLine } = evidence.location;
  return {
    physicalLocation: {
      artifactLocation,
      region: { startLine: line, ...(endLine !== undefined && endLine > line ? { endLine } : {}), snippet: { text: evidence.quote } },
    },
    ...(page !== undefined ? { properties: { page } } : {}),
  };
}

/** The ingest ids, in the contract's order, with what each means and its (fixed) severity. */
export const INGEST_RULES: readonly SarifRule[] = [
  { id: 'ingest.failed', name: 'Không đọc được tệp', description: 'Tệp không đọc được: hỏng, đặt mật khẩu, vượt giới hạn, hoặc không phải định dạng nó mang.', severity: 'error' },
  { id: 'ingest.needs-ocr', name: 'Cần nhận dạng chữ (OCR)', description: 'Trang (hoặc cả tệp) quét chưa được đọc: OCR tắt, không đọc được hoặc chưa tới.', severity: 'warning' },
  { id: 'ingest.empty', name: 'Tệp không có nội dung', description: 'Tệp rỗng hoặc không có chữ để đọc.', severity: 'warning' },
  { id: 'ingest.encoding-repaired', name: 'Đã sửa lỗi bảng mã', description: 'Chữ theo bảng mã cũ (TCVN3, VNI) hoặc ký tự "ƣ" đã được chuyển sang Unicode.', severity: 'info' },
  { id: 'ingest.format-mismatch', name: 'Đuôi tệp không đúng nội dung', description: 'Đuôi tệp không khớp nội dung; tệp được đọc theo nội dung thật.', severity: 'info' },
  { id: 'ingest.ocr', name: 'Đã đọc bằng nhận dạng chữ (OCR)', description: 'Các trang quét đã được đọc bằng OCR, với độ tin cậy trung bình.', severity: 'info' },
  {
    id: 'ingest.unsupported-format',
    name: 'Định dạng solieu không đọc',
    description: 'Văn bản Word 97–2003 (.doc), RTF, OpenDocument (.odt) hoặc trang web lưu thành .doc: được bỏ qua, cần lưu lại thành DOCX hoặc PDF.',
    severity: 'warning',
  },
  { id: 'ingest.skipped', name: 'Tệp được bỏ qua', description: 'Tệp không phải báo cáo (định dạng khác) hoặc không phải tệp thông thường (FIFO, socket, thiết bị).', severity: 'info' },
];
