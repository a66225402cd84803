/**
 * The sheets of solieu.xlsx (src/report/xlsx.ts): one per output, with the CSV's columns and each column's kind —
 * numbers stay numbers, dates become dates — so the workbook adds up in any locale.
 */
import type { RollupRow } from '../model/index.ts';
import { FIGURE_COLUMNS, FINDING_COLUMNS, REPORT_COLUMNS, ROLLUP_COLUMNS, rollupRowCells } from './csv.ts';
import type { CellValue, SheetColumn } from './xlsx.ts';

const DATES = new Set(['report_date', 'period_start', 'period_end']);
const TEXT = new Set(['fingerprint', 'values', 'period']);

function columns(names: readonly string[], wide: readonly string[] = []): SheetColumn[] {
  return names.map((header) => ({
    header,
    ...(DATES.has(header) ? { kind: 'date' as const } : TEXT.has(header) ? { kind: 'text' as const } : {}),
    ...(wide.includes(header) ? { width: 60 } : {}),
  }));
}

export const WORKBOOK_SHEETS = {
  rollup: {
    name: 'rollup',
    csv: 'rollup.csv',
    columns: columns(ROLLUP_COLUMNS),
    cells: (row: RollupRow): CellValue[] => rollupRowCells(row),
  },
  reports: { name: 'reports', csv: 'reports.csv', columns: columns(REPORT_COLUMNS) },
  findings: { name: 'findings', csv: 'findings.csv', columns: columns(FINDING_COLUMNS, ['message', 'evidence']) },
  figures: { name: 'figures', csv: 'figures.csv', columns: columns(FIGURE_COLUMNS, ['evidence']) },
} as const;
