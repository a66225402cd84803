import type { Quantity } from '../model/index.ts';
import type { Statement } from './statements.ts';

type Figure = Quantity;
/** May `part` be a part of `total`? The breakdown linker's answer (same measure, or a declared relation). */
export type CanLink = (part: Quantity, total: Quantity) => boolean;
/** Records the link, with what made it, on the part. */
export type Link = (part: Quantity, total: Quantity, kind: 'table', linkedBy: string) => void;

/**
 * What the cells of one table say of each other, put on the figures read from them. The table reader
 * (./table-grid.ts) has already worked out, for every numeric cell, the total row of its column and the total
 * column of its row it belongs to, and the rate a percentage column gives it; here those become links between
 * figures: `parentId` with `partKind: 'table'` and `tablePart` ('column' for a part of a total row, 'row' for
 * a part of a total column), and `denominator`/`percent` on the numerator of a rate ("Đúng hạn" of "Tổng số" =
 * "Tỷ lệ"), which the ratio check then verifies like "4.875/5.120 hồ sơ = 95,2%" in prose.
 *
 * A figure has one parent: a cell is first a part of its column's total, and only a cell with none (a cell of
 * the total row itself) becomes a part of its row's total. Only along what the linker allows (`canLink`: the
 * same measure or noun, or a relation of rules/relations/). A table's rows are all of its total row: the parts
 * are exhaustive, and the checker sums a total's table parts as one group.
 */
export function linkTableFigures(found: ReadonlyArray<{ figure: Figure; statement: Statement }>, canLink: CanLink, record: Link): void {
  const byCell = new Map<string, Figure>();
  const cellKey = (blockIndex: number, row: number, column: number) => `${blockIndex}:${row}:${column}`;
  const tableItems = found.filter((item) => item.statement.table);
  for (const { figure, statement } of tableItems) {
    const key = cellKey(statement.blockIndex, statement.table!.row, statement.table!.column);
    if (!byCell.has(key)) byCell.set(key, figure);
  }

  // A cell read rewritten ("8 386" with a no-break space, "11,191" the English way) keeps its own text as raw.
  for (const { figure, statement } of tableItems) {
    const { cellRaw } = statement.table!;
    if (cellRaw !== undefined && figure === byCell.get(cellKey(statement.blockIndex, statement.table!.row, statement.table!.column))) figure.raw = cellRaw;
  }

  for (const { figure, statement } of tableItems) {
    const rate = statement.table!.rate;
    if (!rate || figure !== byCell.get(cellKey(statement.blockIndex, statement.table!.row, statement.table!.column))) continue;
    if (figure.unit === 'percent' || figure.denominator !== undefined || figure.percent !== undefined) continue;
    figure.denominator = rate.denominator;
    figure.percent = rate.percent;
    figure.percentDecimals = rate.percentDecimals;
  }

  const link = (part: Figure, total: Figure | undefined, tablePart: 'column' | 'row'): boolean => {
    if (!total || total === part || part.parentId || part.unit === 'percent' || !canLink(part, total)) return false;
    record(part, total, 'table', tablePart === 'column' ? 'dòng tổng của bảng (cột của nó)' : 'cột tổng của bảng (dòng của nó)');
    part.tablePart = tablePart;
    return true;
  };
  // Column totals.
  const columnParts = new Map<Figure, Figure[]>();
  for (const { figure, statement } of tableItems) {
    const { column, columnTotalRow } = statement.table!;
    if (columnTotalRow === undefined) continue;
    const total = byCell.get(cellKey(statement.blockIndex, columnTotalRow, column));
    if (!total) continue;
    columnParts.set(total, [...(columnParts.get(total) ?? []), figure]);
  }
  for (const [total, parts] of columnParts) for (const part of parts) link(part, total, 'column');
  // Row totals.
  const rowParts = new Map<Figure, Figure[]>();
  for (const { figure, statement } of tableItems) {
    const { row, rowTotalColumn } = statement.table!;
    if (rowTotalColumn === undefined || figure.parentId) continue;
    const total = byCell.get(cellKey(statement.blockIndex, row, rowTotalColumn));
    if (!total) continue;
    rowParts.set(total, [...(rowParts.get(total) ?? []), figure]);
  }
  for (const [total, parts] of rowParts) for (const part of parts) link(part, total, 'row');
}
