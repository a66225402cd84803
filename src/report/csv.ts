import { stringify } from 'csv-stringify/sync';
import type { BatchFinding, DocumentResult, Figure, Finding, RollupRow } from '../model/index.ts';
import { ownColumnValues } from '../province/heads.ts';
import { ROLLUP_METRICS } from '../province/rollup.ts';
import { analyseDocuments, type ProvinceOptions } from '../province/index.ts';

/**
 * Spreadsheets run a cell that begins with one of these as a formula. Vietnamese reports begin many
 * lines with "- " and "+ ", so quoting alone is not enough: such cells get a leading apostrophe,
 * which Excel, LibreOffice and Google Sheets show as text (OWASP's CSV-injection advice).
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_TRIGGER.test(cell) ? `'${cell}` : cell;
}

type CsvRow = ReadonlyArray<string | number | undefined>;

const CSV_OPTIONS = {
  record_delimiter: 'windows',
  quoted_match: /[",\r\n]/,
  cast: { string: neutraliseFormula },
} as const;

/** UTF-8 with BOM (Excel on Windows needs it for Vietnamese), RFC 4180 quoting, CRLF rows. */
function toCsv(header: readonly string[], rows: readonly CsvRow[]): string {
  return csvHeader(header) + csvRows(rows);
}

/** The BOM and the header row: the start of a CSV whose rows are written as they come (csvRows). */
export function csvHeader(header: readonly string[]): string {
  return stringify([header], { ...CSV_OPTIONS, bom: true });
}

/** Rows, each ending with CRLF, so that header + rows + rows… is the same text as the whole table at once. */
export function csvRows(rows: readonly CsvRow[]): string {
  return rows.length === 0 ? '' : stringify(rows as Array<Array<string | number | undefined>>, CSV_OPTIONS);
}

/**
 * Core metrics get their own column in reports.csv: the report's own value for its period (src/province/heads.ts —
 * the total rather than one year's part, the period's count of a flow, the running total of a stock). The first
 * version took the first value stated.
 */
export const CORE_METRICS = [
  'villages',
  'households',
  'population',
  'tasks.assigned',
  'tasks.completed',
  'tasks.unfinished',
  'tasks.in_progress',
  'eid.accounts',
  'eid.level2',
  'idcards.issued',
  'dossiers.received',
  'dossiers.online',
  'dossiers.on_time',
] as const;

/**
 * Appended columns: `ocr`, `yes` when the figure was read by OCR from a scanned page; `as_of`, the date a running
 * total is counted to ("tính đến ngày 31/5/2025" → `2025-05-31`, a month or year when that is all it names);
 * `subject`, the named unit a figure is about when it is not the issuing unit ("xã Tân Hòa đạt 98%"), empty for
 * the reporting unit's own figures.
 */
export const FIGURE_COLUMNS = [
  'file', 'metric', 'value', 'denominator', 'percent', 'unit', 'year', 'procedure', 'raw', 'page', 'line', 'evidence', 'rule',
  'ocr',
  'as_of', 'subject',
] as const;

/**
 * `files` (appended): for a finding across reports, every report involved, separated by "; " (`file` is the one it is
 * shown under); empty for a finding of one file.
 */
export const FINDING_COLUMNS = ['file', 'rule', 'severity', 'message', 'values', 'page', 'line', 'evidence', 'fingerprint', 'files'] as const;

/**
 * Columns are only ever appended (spreadsheets and scripts read them by position): `suppressed`, the number of
 * findings a `--baseline` review dismissed, comes after the core metrics; then the rest of the report's identity —
 * `unit_level`, `district`, and `identity_source`, where the unit, the period and the type were read
 * ("unit:letterhead; period:title; type:title", a `?` after a guess).
 */
export const REPORT_COLUMNS = [
  'file', 'status', 'doc_type', 'unit_name', 'province', 'period', 'report_date', 'pages', 'figures', 'errors', 'warnings', 'infos',
  ...CORE_METRICS,
  'suppressed',
  'unit_level', 'district', 'identity_source',
] as const;

export function figuresCsv(documents: readonly DocumentResult[]): string {
  return toCsv(FIGURE_COLUMNS, documents.flatMap(figureRows));
}

export function figureRows(document: DocumentResult): CsvRow[] {
  return document.figures.map((figure) => figureRow(document.file, figure));
}

function figureRow(file: string, figure: Figure): Array<string | number | undefined> {
  return [
    file, figure.metric, figure.value, figure.denominator, figure.percent, figure.unit, figure.year, figure.procedure,
    figure.raw, figure.location.page, figure.location.line, figure.evidence, figure.rule,
    figure.ocr ? 'yes' : undefined,
    figure.asOf, figure.subject,
  ];
}

/** Every file's findings in batch order, then the findings across reports (`analyseDocuments`), once for the batch. */
export function findingsCsv(documents: readonly DocumentResult[], options: ProvinceOptions = {}): string {
  return toCsv(FINDING_COLUMNS, [...documents.flatMap(findingRows), ...batchFindingRows(analyseDocuments(documents, options).findings)]);
}

export function findingRows(document: DocumentResult): CsvRow[] {
  return document.findings.map((finding) => findingRow(document.file, finding));
}

function findingRow(file: string, finding: Finding): Array<string | number | undefined> {
  const primary = finding.evidence[0]?.location;
  return [
    file, finding.rule, finding.severity, finding.message, finding.values.join(';'), primary?.page, primary?.line,
    finding.evidence.map((evidence) => evidence.quote).join(' … '), finding.fingerprint, undefined,
  ];
}

/**
 * A finding across reports: one row for the batch, under the report it is shown under; page and line are its first
 * quote's from that report, and each quote says its report ("[p-district-01.docx] Tổng cộng …").
 */
export function batchFindingRows(findings: readonly BatchFinding[]): CsvRow[] {
  return findings.map((finding) => {
    const primary = finding.evidence.find((evidence) => evidence.file === finding.file)?.location;
    return [
      finding.file, finding.rule, finding.severity, finding.message, finding.values.join(';'), primary?.page, primary?.line,
      finding.evidence.map((evidence) => `[${evidence.file}] ${evidence.quote}`).join(' … '), finding.fingerprint, finding.files.join('; '),
    ];
  });
}

/**
 * rollup.csv: one row per unit and period (src/province/rollup.ts), the unit's identity, the period's first and last
 * day, the file the values come from (`source`: `report` its own, `rollup` a roll-up's row for it), other files of the
 * same unit and period (`also_in`), then one column per catalog metric.
 */
export const ROLLUP_COLUMNS = [
  'unit', 'unit_level', 'unit_name', 'district', 'province', 'period', 'period_start', 'period_end', 'doc_type', 'report_date',
  'file', 'source', 'also_in',
  ...ROLLUP_METRICS,
] as const;

export function rollupRowCells(row: RollupRow): Array<string | number | undefined> {
  return [
    row.unit, row.unitLevel, row.unitName, row.district, row.province, row.period, row.periodStart, row.periodEnd, row.docType, row.reportDate,
    row.file, row.source, row.alsoIn.length > 0 ? row.alsoIn.join('; ') : undefined,
    ...ROLLUP_METRICS.map((metric) => row.values[metric]),
  ];
}

export function rollupCsv(rows: readonly RollupRow[]): string {
  return toCsv(ROLLUP_COLUMNS, rows.map(rollupRowCells));
}

export function reportsCsv(documents: readonly DocumentResult[]): string {
  return toCsv(REPORT_COLUMNS, documents.map((document) => reportRow(document)));
}

export function reportRow(document: DocumentResult): Array<string | number | undefined> {
  const count = (severity: Finding['severity']) => document.findings.filter((finding) => finding.severity === severity).length;
  const heads = ownColumnValues(document);
  const { metadata } = document;
  return [
    document.file, document.status, metadata.docType, metadata.unitName, metadata.province, metadata.period, metadata.reportDate,
    document.source?.pages, document.figures.length, count('error'), count('warning'), count('info'),
    ...CORE_METRICS.map((metric) => heads.get(metric)),
    document.suppressedFindings?.length ?? 0,
    metadata.unitLevel, metadata.district, identitySource(metadata),
  ];
}

/** "unit:letterhead; period:title; type:title": where the fields an auditor sorts by were read; `?` marks a guess. */
export function identitySource(metadata: DocumentResult['metadata']): string | undefined {
  const evidence = metadata.evidence ?? {};
  const parts = (['unit', 'period', 'docType'] as const)
    .filter((field) => evidence[field])
    .map((field) => `${field === 'docType' ? 'type' : field}:${evidence[field]!.source}${evidence[field]!.guess ? '?' : ''}`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}
