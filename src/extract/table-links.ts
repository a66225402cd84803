import { canContain } from '../../rules/containment.ts';
import type { Figure } from '../model/index.ts';
import type { Statement } from './statements.ts';

/**
 * What the cells of one table say of each other, put on the figures read from them. The table reader
 * (./table-grid.ts) has already worked out, for every numeric cell, the total row of its column and the total
 * column of its row it belongs to, and the rate a percentage column gives it; here those become links between
 * figures: `parentId` with `partKind: 'table'` and `tablePart` ('column' for a part of a total row, 'row' for
 * a part of a total column), and `denominator`/`percent` on the numerator of a rate ("Đúng hạn" of "Tổng số" =
 * "Tỷ lệ"), which the ratio check then verifies like "4.875/5.120 hồ sơ = 95,2%" in prose.
 *
 * A figure has one parent: a cell is first a part of its column's total, and only a cell with none (a cell of
 * the total row itself) becomes a part of its row's total. Only figures of the same unit are linked, and only
 * along a relation the catalog allows (rules/containment.ts).
 */
export function linkTableFigures(found: ReadonlyArray<{ figure: Figure; statement: Statement }>): void {
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
    if (!total || total === part || part.parentId || part.unit === 'percent' || part.unit !== total.unit || !canContain(total.metric, part.metric)) return false;
    part.parentId = total.id;
    part.partKind = 'table';
    part.tablePart = tablePart;
    return true;
  };
  // Column totals. The checker sums a total's parts split by what sets them apart (procedure, year, kind); a
  // column whose rows only partly name a procedure ("Hộ tịch", "Chứng thực", "Cư trú") would be summed as two
  // partial groups each short of the total, so such a column is not linked at all (until the checker sums a
  // table's parts as one group).
  const columnParts = new Map<Figure, Figure[]>();
  for (const { figure, statement } of tableItems) {
    const { column, columnTotalRow } = statement.table!;
    if (columnTotalRow === undefined) continue;
    const total = byCell.get(cellKey(statement.blockIndex, columnTotalRow, column));
    if (!total) continue;
    columnParts.set(total, [...(columnParts.get(total) ?? []), figure]);
  }
  for (const [total, parts] of columnParts) {
    const sameMetric = parts.filter((part) => part.metric === total.metric);
    if (new Set(sameMetric.map((part) => splitOf(total, part))).size > 1) continue;
    for (const part of parts) link(part, total, 'column');
  }
  // Row totals, under the same rule: "Năm 2022 | Năm 2023 | 6 tháng 2025 | Tổng giai đoạn" splits by year
  // only in part, and is not linked.
  const rowParts = new Map<Figure, Figure[]>();
  for (const { figure, statement } of tableItems) {
    const { row, rowTotalColumn } = statement.table!;
    if (rowTotalColumn === undefined || figure.parentId) continue;
    const total = byCell.get(cellKey(statement.blockIndex, row, rowTotalColumn));
    if (!total) continue;
    rowParts.set(total, [...(rowParts.get(total) ?? []), figure]);
  }
  for (const [total, parts] of rowParts) {
    const sameMetric = parts.filter((part) => part.metric === total.metric);
    if (new Set(sameMetric.map((part) => splitOf(total, part))).size > 1) continue;
    for (const part of parts) link(part, total, 'row');
  }
}

/** What sets a part apart from its total of the same metric, as the sum check groups parts. */
function splitOf(total: Figure, part: Figure): string {
  if (part.procedure !== undefined && part.procedure !== total.procedure) return 'procedure';
  if (part.year !== undefined && total.year === undefined) return 'year';
  return 'kind';
}
