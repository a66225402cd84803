/**
 * solieu.xlsx: the outputs as one workbook, the file to open in a spreadsheet. A CSV is text, and a spreadsheet set to
 * a Vietnamese locale (decimal comma) reads "71.6" as text, so sums and charts skip it; the CSVs stay machine-readable
 * (plain numbers, as the contract says) and the workbook is the locale-safe file: every number is a number cell and
 * every date a date cell, which a spreadsheet shows the way its locale writes them ("71,6", "05/03/2025") and adds up
 * in any locale. One sheet per output — rollup, reports, findings, figures — each with its header row frozen and a
 * filter on every column. Text cells are text (never formulas), so no apostrophe guard is needed here.
 *
 * Written with exceljs's streaming writer, one sheet after another, from rows staged as JSON lines while the batch
 * ran: memory does not grow with the batch. A sheet holds at most 1,048,575 rows (the format's limit); past it the
 * last row says how many were left out and which CSV has them.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type ExcelJS from 'exceljs';
// The streaming writer alone: the package's entry also loads its readers, as long again to load and never used here.
import WorkbookWriter from 'exceljs/lib/stream/xlsx/workbook-writer.js';

export type CellValue = string | number | undefined;

export interface SheetColumn {
  header: string;
  /** `date`: an ISO date ("2025-03-05", "2025-03") becomes a date cell; `number`: numbers stay numbers (the default for numbers). */
  kind?: 'text' | 'number' | 'date';
  width?: number;
}

export interface SheetSource {
  name: string;
  columns: readonly SheetColumn[];
  /** The CSV with the same rows, named when a sheet is cut at the format's row limit. */
  csv: string;
  rows: AsyncIterable<readonly CellValue[]> | Iterable<readonly CellValue[]>;
}

export const MAX_SHEET_ROWS = 1_048_576;

/** One staged row: the cells as JSON (numbers stay numbers, missing cells null). */
export function stagedRow(cells: readonly CellValue[]): string {
  return `${JSON.stringify(cells.map((cell) => (cell === undefined ? null : cell)))}\n`;
}

/** The rows of a staged file, one JSON array a line. */
export async function* readStagedRows(path: string): AsyncGenerator<CellValue[]> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line === '') continue;
    yield (JSON.parse(line) as Array<string | number | null>).map((cell) => (cell === null ? undefined : cell));
  }
}

const DATE_FORMATS: Record<number, string> = { 10: 'dd/mm/yyyy', 7: 'mm/yyyy' };

/** "2025-03-05" → a date (UTC midnight) shown dd/mm/yyyy; "2025-03" → mm/yyyy; anything else stays text. */
function dateCell(value: string): { value: Date; numFmt: string } | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/u.exec(value);
  if (!match) return undefined;
  return { value: new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3] ?? 1))), numFmt: DATE_FORMATS[value.length]! };
}

export async function writeWorkbook(path: string, sheets: readonly SheetSource[]): Promise<void> {
  const workbook = new WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  workbook.creator = 'solieu';
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    worksheet.columns = sheet.columns.map((column) => ({ header: column.header, width: column.width ?? Math.min(40, Math.max(10, column.header.length + 2)) }));
    const header = worksheet.getRow(1);
    header.font = { bold: true };
    header.commit();
    let rows = 1;
    let leftOut = 0;
    for await (const cells of sheet.rows) {
      if (rows >= MAX_SHEET_ROWS - 1) {
        leftOut++;
        continue;
      }
      const row = worksheet.addRow(cells.map((cell, index) => valueOf(cell, sheet.columns[index])));
      cells.forEach((cell, index) => {
        if (typeof cell === 'string' && sheet.columns[index]?.kind === 'date') {
          const date = dateCell(cell);
          if (date) row.getCell(index + 1).numFmt = date.numFmt;
        }
      });
      row.commit();
      rows++;
    }
    if (leftOut > 0) {
      worksheet.addRow([`… còn ${leftOut} dòng không vừa một trang tính (giới hạn ${MAX_SHEET_ROWS} dòng): xem ${sheet.csv}`]).commit();
      rows++;
    }
    worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows), column: sheet.columns.length } };
    await worksheet.commit();
  }
  await workbook.commit();
}

function valueOf(cell: CellValue, column: SheetColumn | undefined): ExcelJS.CellValue {
  if (cell === undefined) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (column?.kind === 'date') return dateCell(cell)?.value ?? cell;
  if (column?.kind === 'number' && /^-?\d+(?:\.\d+)?$/u.test(cell)) return Number(cell);
  return cell;
}
