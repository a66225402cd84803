import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BatchFinding, DocumentResult, Evidence, Finding, RollupRow, Severity, SuppressedBatchFinding, SuppressedFinding } from '../../model/index.ts';
import { RATES } from '../../../rules/measures.ts';
import { analyseDocuments, metricLabel, type ProvinceResults } from '../../province/index.ts';
import { periodLabel } from '../../province/periods.ts';
import type { CheckConfig } from '../../check/config.ts';
import { tierOf } from '../../province/units.ts';
import type { UnitLevel } from '../../model/index.ts';
import { ROLLUP_METRICS } from '../../province/rollup.ts';
import { formatVietnameseNumber, parseVietnameseNumber } from '../../normalize/numbers.ts';
import type { Review, ReviewDecision } from '../../batch/baseline.ts';
import { RULES_VERSION, TOOL_VERSION } from '../../version.ts';

/**
 * What report.html embeds as JSON and its script renders. Everything an auditor reads is prepared here, in
 * Node, where it can be tested: numbers already in Vietnamese format, highlight ranges already found, PDF links
 * already built. The page's script only turns it into DOM text nodes.
 */
export interface PageData {
  generatedAt: string;
  toolVersion: string;
  rulesVersion: string;
  /** localStorage keys of this page's review decisions start with it. */
  storagePrefix: string;
  /** The decisions of the `--baseline` review (all of them, so that an export carries them forward), or null. */
  review: { decisions: ReviewDecision[] } | null;
  /** Vietnamese names of the rules that occur in this batch. */
  ruleLabels: Record<string, string>;
  /** Findings across reports, once for the batch (shown first). */
  batchFindings: PageBatchFinding[];
  /** Batch findings a `--baseline` review dismissed. */
  batchSuppressed: Array<PageSuppressed & { files: string[] }>;
  /** The province overview: each unit's values and rates by period (rollup.csv), for the charts. */
  province: PageProvince;
  reports: PageReport[];
}

/** A report a finding across reports involves: its name and, when it is in the batch, the id of its page entry. */
export interface PageFileRef {
  file: string;
  reportId?: number;
}

export interface PageBatchFinding extends PageFinding {
  /** The report it is shown under. */
  file: string;
  reportId?: number;
  files: PageFileRef[];
  evidence: Array<PageEvidence & PageFileRef>;
  unit?: string;
  /** The period as people name it ("tháng 2/2025"), and as the outputs write it ("2025-02"; two days for a fall). */
  period?: string;
  periodKey?: string;
  metric?: string;
}

export interface PageProvince {
  metrics: Array<{ id: string; label: string }>;
  rates: Array<{ id: string; label: string }>;
  rows: PageRollupRow[];
}

export interface PageRollupRow {
  unit: string;
  level?: string;
  /** `commune`, `district` or `province`: the rates chart compares units of one tier. */
  tier?: string;
  district?: string;
  period: string;
  periodLabel: string;
  /** Whole months from year 0 of the period's first and last month, for ordering a unit's series. */
  start?: string;
  end?: string;
  file: string;
  reportId?: number;
  source: RollupRow['source'];
  values: Record<string, number>;
  /** Each rate of rules/measures.ts the row's own values give, in percent to one decimal. */
  rates: Record<string, number>;
}

export interface PageReport {
  id: number;
  file: string;
  /** `file:` URL of the input, when its absolute path is known. */
  href?: string;
  format?: 'pdf' | 'docx' | 'txt';
  status: DocumentResult['status'];
  /** "xã Giai Xuân". */
  unit?: string;
  province?: string;
  period?: string;
  reportDate?: string;
  docType?: string;
  pages?: number;
  figures: number;
  counts: Record<Severity, number>;
  findings: PageFinding[];
  suppressed: PageSuppressed[];
}

export interface PageFinding {
  fingerprint: string;
  rule: string;
  severity: Severity;
  fatal: boolean;
  message: string;
  /** The numbers involved, in Vietnamese format. */
  values: string[];
  /** The recomputed value, in Vietnamese format. */
  expected?: string;
  evidence: PageEvidence[];
  detail?: string;
  /** Why the checker linked these numbers (the marker or structure), for the auditor to judge a doubtful finding. */
  why?: string;
}

export interface PageEvidence {
  quote: string;
  page?: number;
  line: number;
  endLine?: number;
  /** [start, end) UTF-16 ranges of the quote to highlight: the numbers the finding is about. */
  marks: Array<[number, number]>;
  /** [start, end) of the whole statement the numbers belong to ("6.702/6.715 hồ sơ = 91%"), when the location gives it. */
  statement?: [number, number];
  /** `file:` URL that opens the PDF at this page. */
  href?: string;
}

export interface PageSuppressed {
  fingerprint: string;
  rule: string;
  severity: Severity;
  message: string;
  note: string;
  decidedAt?: string;
}

export const REVIEW_STORAGE_PREFIX = 'solieu.review.v1:';

/** Names an auditor reads in filters and on every finding; the id stays visible beside it. */
export const RULE_LABELS: Readonly<Record<string, string>> = {
  'ratio-mismatch': 'Tỷ lệ không khớp với tử số/mẫu số',
  'rounded-to-full': 'Làm tròn thành 100% dù chưa đủ',
  'sum-mismatch': 'Tổng không bằng các phần cộng lại',
  'part-exceeds-whole': 'Phần lớn hơn tổng',
  'status-contradiction': 'Trạng thái mâu thuẫn',
  'count-list-mismatch': 'Số lượng nêu khác số mục liệt kê',
  'conflicting-values': 'Cùng một chỉ tiêu, hai giá trị khác nhau',
  reconciliation: 'Số hồ sơ không cân đối',
  'percent-out-of-range': 'Tỷ lệ ngoài khoảng 0–100%',
  'exceeds-population': 'Vượt quá dân số',
  'ambiguous-number': 'Số đọc chưa chắc chắn',
  'ingest.failed': 'Không đọc được tệp',
  'ingest.needs-ocr': 'Cần nhận dạng chữ (OCR)',
  'ingest.encoding-repaired': 'Đã sửa lỗi bảng mã',
  'ingest.empty': 'Tệp không có nội dung',
  'ingest.format-mismatch': 'Đuôi tệp không đúng nội dung',
  'ingest.ocr': 'Đã đọc bằng nhận dạng chữ (OCR)',
  'ingest.unsupported-format': 'Định dạng solieu không đọc (cần lưu lại thành DOCX/PDF)',
  'ingest.skipped': 'Tệp được bỏ qua',
  'cumulative-decrease': 'Số lũy kế giảm so với kỳ trước',
  'ytd-mismatch': 'Số nhiều tháng khác tổng các tháng',
  'rollup-mismatch': 'Báo cáo tổng hợp khác báo cáo của đơn vị',
  'duplicate-report': 'Một đơn vị, một kỳ, nhiều báo cáo',
  'peer-outlier': 'Tỷ lệ khác xa các đơn vị cùng cấp',
};

export interface PageDataOptions {
  /** Absolute path of each document's input file, in the same order as the documents. */
  sourcePaths?: ReadonlyArray<string | undefined>;
  review?: Review;
  /** Builds `file:` URLs the way the machine that opens the page needs; defaults to this machine's platform. */
  windowsPaths?: boolean;
  /** Check configuration (severities of the checks across reports). */
  checks?: CheckConfig;
}

export function buildPageData(documents: readonly DocumentResult[], generatedAt: Date, options: PageDataOptions = {}): PageData {
  const rulesSeen = new Set<string>();
  const reports = documents.map((document, id) => pageReport(document, id, options.sourcePaths?.[id], options, rulesSeen));
  const province = analyseDocuments(documents, { ...(options.checks ? { checks: options.checks } : {}), ...(options.review ? { review: options.review } : {}) });
  const files: PageFiles = new Map(reports.map((report) => [report.file, { id: report.id, ...(report.format === 'pdf' && report.href ? { href: report.href } : {}) }]));
  return { ...pageDataHead(generatedAt, options, ruleLabelsOf(rulesSeen), province, files), reports };
}

/** The batch's files as the page links them: each report's id, and for a PDF the `file:` URL to open it at a page. */
export type PageFiles = ReadonlyMap<string, { id: number; href?: string }>;

/** Everything in PageData but the reports (an empty list), in PageData's key order. */
export function pageDataHead(
  generatedAt: Date,
  options: Pick<PageDataOptions, 'review'>,
  ruleLabels: Record<string, string>,
  province?: ProvinceResults,
  files: PageFiles = new Map(),
): PageData {
  const labels = { ...ruleLabels };
  for (const finding of [...(province?.findings ?? []), ...(province?.suppressed ?? [])]) labels[finding.rule] = RULE_LABELS[finding.rule] ?? finding.rule;
  return {
    generatedAt: generatedAt.toISOString(),
    toolVersion: TOOL_VERSION,
    rulesVersion: RULES_VERSION,
    storagePrefix: REVIEW_STORAGE_PREFIX,
    review: options.review ? { decisions: options.review.decisions } : null,
    ruleLabels: Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    batchFindings: (province?.findings ?? []).map((finding) => pageBatchFinding(finding, files)),
    batchSuppressed: (province?.suppressed ?? []).map((finding: SuppressedBatchFinding) => ({ ...pageSuppressed(finding as unknown as SuppressedFinding), files: finding.files })),
    province: pageProvince(province?.rollup ?? [], files),
    reports: [],
  };
}

function fileRef(file: string, files: PageFiles): PageFileRef {
  const known = files.get(file);
  return { file, ...(known ? { reportId: known.id } : {}) };
}

function pageBatchFinding(finding: BatchFinding, files: PageFiles): PageBatchFinding {
  const base = pageFinding({ ...finding, evidence: [] } as unknown as Finding, undefined);
  return {
    ...base,
    evidence: finding.evidence.map((evidence) => ({ ...pageEvidence(evidence, finding.values, files.get(evidence.file)?.href), ...fileRef(evidence.file, files) })),
    ...fileRef(finding.file, files),
    files: finding.files.map((file) => fileRef(file, files)),
    ...(finding.unit !== undefined ? { unit: finding.unit } : {}),
    ...(finding.period !== undefined ? { period: periodLabel(finding.period), periodKey: finding.period } : {}),
    ...(finding.metric !== undefined ? { metric: finding.metric } : {}),
  };
}

function pageProvince(rows: readonly RollupRow[], files: PageFiles): PageProvince {
  const seen = new Set(rows.flatMap((row) => Object.keys(row.values)));
  return {
    metrics: ROLLUP_METRICS.filter((metric) => seen.has(metric)).map((id) => ({ id, label: metricLabel(id) })),
    rates: RATES.map((rate) => ({ id: rate.id, label: rate.label })),
    rows: rows.map((row) => {
      const rates: Record<string, number> = {};
      for (const rate of RATES) {
        const numerator = row.values[rate.numerator];
        const denominator = row.values[rate.denominator];
        if (numerator !== undefined && denominator !== undefined && denominator > 0 && numerator <= denominator) rates[rate.id] = Math.round((numerator / denominator) * 1000) / 10;
      }
      const known = files.get(row.file);
      return {
        unit: row.unit,
        ...(row.unitLevel ? { level: row.unitLevel } : {}),
        ...(tierOf(row.unitLevel as UnitLevel | undefined) ? { tier: tierOf(row.unitLevel as UnitLevel | undefined)! } : {}),
        ...(row.district ? { district: row.district } : {}),
        period: row.period,
        periodLabel: periodLabel(row.period),
        ...(row.periodStart ? { start: row.periodStart } : {}),
        ...(row.periodEnd ? { end: row.periodEnd } : {}),
        file: row.file,
        ...(known ? { reportId: known.id } : {}),
        source: row.source,
        values: row.values,
        rates,
      };
    }),
  };
}

/** The labels of the rules seen, sorted by id. */
export function ruleLabelsOf(rulesSeen: ReadonlySet<string>): Record<string, string> {
  const ruleLabels: Record<string, string> = {};
  for (const rule of [...rulesSeen].sort()) ruleLabels[rule] = RULE_LABELS[rule] ?? rule;
  return ruleLabels;
}

/** One document's entry on the page; adds the rules it mentions to `rulesSeen`. */
export function pageReport(
  document: DocumentResult,
  id: number,
  absolutePath: string | undefined,
  options: Pick<PageDataOptions, 'windowsPaths'>,
  rulesSeen: Set<string>,
): PageReport {
  const windows = options.windowsPaths ?? process.platform === 'win32';
  const href = absolutePath ? fileUrl(absolutePath, windows) : undefined;
  const format = document.source?.format ?? formatFromExtension(document.file);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of document.findings) {
    counts[finding.severity]++;
    rulesSeen.add(finding.rule);
  }
  for (const finding of document.suppressedFindings ?? []) rulesSeen.add(finding.rule);
  const { metadata } = document;
  return {
    id,
    file: document.file,
    ...(href !== undefined ? { href } : {}),
    ...(format !== undefined ? { format } : {}),
    status: document.status,
    ...optional('unit', metadata.unitName && [metadata.unitLevel, metadata.unitName].filter(Boolean).join(' ')),
    ...optional('province', metadata.province),
    ...optional('period', metadata.period?.replace(/^(\d{4})[-/](\d{4})$/, '$1–$2')),
    ...optional('reportDate', metadata.reportDate && vietnameseDate(metadata.reportDate)),
    ...optional('docType', metadata.docType),
    ...optional('pages', document.source?.pages),
    figures: document.figures.length,
    counts,
    findings: document.findings.map((finding) => pageFinding(finding, format === 'pdf' ? href : undefined)),
    suppressed: (document.suppressedFindings ?? []).map(pageSuppressed),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined | '' | 0 | false): Partial<Record<K, V>> {
  return value === undefined || value === '' || value === false ? {} : ({ [key]: value } as Record<K, V>);
}

/** "2024-04" → "04/2024", "2024-04-15" → "15/04/2024": how dates are written in Vietnam. */
function vietnameseDate(isoDate: string): string {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(isoDate);
  if (!match) return isoDate;
  return [match[3], match[2], match[1]].filter(Boolean).join('/');
}

function formatFromExtension(file: string): PageReport['format'] {
  const extension = extname(file).toLowerCase();
  return extension === '.pdf' ? 'pdf' : extension === '.docx' ? 'docx' : extension === '.txt' ? 'txt' : undefined;
}

/**
 * `file:` URL of an absolute path, percent-encoded (spaces, Vietnamese letters, `#`, `%`), with a drive letter
 * or a UNC host for Windows paths: `C:\Báo cáo\x.pdf` → `file:///C:/B%C3%A1o%20c%C3%A1o/x.pdf`.
 */
export function fileUrl(absolutePath: string, windows: boolean): string {
  return pathToFileURL(absolutePath, { windows }).href;
}

function pageFinding(finding: Finding, pdfHref: string | undefined): PageFinding {
  return {
    fingerprint: finding.fingerprint,
    rule: finding.rule,
    severity: finding.severity,
    fatal: finding.fatal,
    message: finding.message,
    values: finding.values.map((value) => formatVietnameseNumber(value)),
    ...(finding.expected !== undefined ? { expected: formatVietnameseNumber(finding.expected) } : {}),
    evidence: finding.evidence.map((evidence) => pageEvidence(evidence, finding.values, pdfHref)),
    ...(finding.detail !== undefined ? { detail: finding.detail } : {}),
    ...(finding.why !== undefined ? { why: finding.why } : {}),
  };
}

function pageSuppressed(finding: SuppressedFinding): PageSuppressed {
  return {
    fingerprint: finding.fingerprint,
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    note: finding.review.note,
    ...(finding.review.decidedAt !== undefined ? { decidedAt: finding.review.decidedAt } : {}),
  };
}

function pageEvidence(evidence: Evidence, values: readonly number[], pdfHref: string | undefined): PageEvidence {
  const { location } = evidence;
  return {
    quote: evidence.quote,
    ...(location.page !== undefined ? { page: location.page } : {}),
    line: location.line,
    ...(location.endLine !== undefined && location.endLine !== location.line ? { endLine: location.endLine } : {}),
    ...highlightRanges(evidence, values),
    // pdf.js, Chromium's, Firefox's and Edge's PDF viewers all honour the open parameter #page=N.
    ...(pdfHref !== undefined ? { href: location.page !== undefined ? `${pdfHref}#page=${location.page}` : pdfHref } : {}),
  };
}

/** A written number: digits with "." or "," groups, not glued to a letter before it ("km2" is no number 2). */
const NUMBER_TOKEN = /(?<![\p{L}\d])\d+(?:[.,]\d+)*/gu;

/**
 * Where the numbers of `values` are written in the quote, so the auditor sees at once which figures the finding
 * is about: every written number whose value (or its other reading, "6.702" → 6.702) is one of `values`, with a
 * following "%". The location's start/end also marks the statement around them, but only when it demonstrably
 * points into this quote: it is a range of the source block (or table cell), and the quote is a window of that
 * block (src/model/evidence.ts), so the range, moved as a whole, must begin at the first character of an involved
 * number and end at the last of one.
 */
export function highlightRanges(evidence: Evidence, values: readonly number[]): Pick<PageEvidence, 'marks' | 'statement'> {
  const { quote, location } = evidence;
  if (values.length === 0 || quote.length === 0) return { marks: [] };
  const isInvolved = (value: number | undefined) => value !== undefined && values.some((involved) => Math.abs(involved - value) < 1e-9);
  const marks: Array<[number, number]> = [];
  for (const match of quote.matchAll(NUMBER_TOKEN)) {
    const reading = parseVietnameseNumber(match[0]);
    if (!reading || !(isInvolved(reading.value) || isInvolved(reading.alternative))) continue;
    const start = match.index;
    let end = start + match[0].length;
    if (quote[end] === '%') end++;
    else if (quote[end] === ' ' && quote[end + 1] === '%') end += 2;
    marks.push([start, end]);
  }
  const { start, end } = location;
  if (start === undefined || end === undefined || start >= end) return { marks };
  // The quote is a window of the block (its list marker left out, or a sentence of a long paragraph): the
  // statement is where the location's range, shifted by the window's offset, begins and ends at an involved number.
  // The window starts at or before the range, so the nearest candidate at or before `start` comes first.
  const candidates = marks.map(([markStart]) => markStart).filter((markStart) => markStart <= start).sort((a, b) => b - a);
  for (const markStart of candidates) {
    const markEnd = markStart + (end - start);
    if (markEnd <= quote.length && marks.some(([, candidateEnd]) => candidateEnd === markEnd)) return { marks, statement: [markStart, markEnd] };
  }
  return { marks };
}
