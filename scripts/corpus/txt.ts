/**
 * The TXT producer, and the text-layout helpers the other producers share with it.
 *
 * The TXT is what a clerk's "save as plain text" or a portal's copy-paste gives: one paragraph per line,
 * typed list markers kept with the source's indentation, Word tables as tab-separated rows, typed tables
 * aligned with spaces. The mutation harness quotes sentences "as they read in the TXT", so this file is
 * also the definition of what a unit of text is (see `textUnits`).
 */
import type { Block, ListItemBlock, SourceModel, TableBlock, TwoColumnRow } from './source.ts';

/** Where the right cell of a letterhead/signature row starts in the TXT, in characters. */
export const TWO_COLUMN_AT = 48;

export function listItemLine(item: ListItemBlock): string {
  return `${'  '.repeat(item.level)}${item.marker.text} ${item.text}`.trimEnd();
}

export function twoColumnLine(row: TwoColumnRow): string {
  if (!row.right) return row.left;
  // A left cell longer than the column still needs a visible gap, or the two cells read as one sentence.
  const gap = Math.max(TWO_COLUMN_AT - [...row.left].length, row.left ? 4 : TWO_COLUMN_AT);
  return `${row.left}${' '.repeat(gap)}${row.right}`;
}

/** A cell's text per row, merged cells empty except the first cell of the span. */
export function gridTexts(table: TableBlock): string[][] {
  return table.rows.map((row) => row.cells.map((cell) => cell.text));
}

/**
 * Counts, percentages, "-" and ratios: the cells a statistics page right-aligns. Deliberately loose
 * ("1.250", "80,96%", "6.065/6.588", "(12)") because portals right-align anything that looks numeric.
 */
export function isNumericCell(text: string): boolean {
  return /^[-–]$/u.test(text) || /^[<>~≈]?\(?[+-]?\d[\d.,\s/\u00A0]*(%|‰)?\)?$/u.test(text);
}

export interface ColumnLayout {
  widths: number[];
  rightAligned: boolean[];
}

/**
 * Column widths (in characters) and alignment of a `text` table: a column is right-aligned when every
 * body cell in it is numeric (or a dash), which is how portals print statistics.
 */
export function textTableLayout(table: TableBlock): ColumnLayout {
  const grid = gridTexts(table);
  const widths = Array.from({ length: table.columnCount }, (_, col) => Math.max(0, ...grid.map((row) => [...(row[col] ?? '')].length)));
  const body = grid.slice(Math.max(1, table.headerRows));
  const rightAligned = widths.map((_, col) => body.length > 0 && body.every((row) => (row[col] ?? '') === '' || isNumericCell(row[col] ?? '')) && body.some((row) => /\d/u.test(row[col] ?? '')));
  return { widths, rightAligned };
}

/** One `text` table row with its columns lined up by spaces (`pad` chooses the space character). */
export function alignedRow(cells: readonly string[], layout: ColumnLayout, pad = ' '): string {
  const parts = cells.map((cell, col) => {
    const width = layout.widths[col] ?? 0;
    const fill = pad.repeat(Math.max(0, width - [...cell].length));
    return layout.rightAligned[col] ? fill + cell : cell + fill;
  });
  // Each column is its widest cell plus two spaces; the last column needs no trailing padding.
  return parts.join(pad.repeat(2)).replace(pad === ' ' ? / +$/u : /\u00A0+$/u, '');
}

/** The TXT lines one block renders to (none for a page break). */
export function blockLines(block: Block): string[] {
  switch (block.kind) {
    case 'title':
    case 'heading':
    case 'paragraph':
      return [block.text];
    case 'list-item':
      return [listItemLine(block)];
    case 'two-column':
      return block.rows.map(twoColumnLine);
    case 'page-break':
      return [];
    case 'table':
      switch (block.style) {
        case 'ruled':
        case 'borderless':
          return gridTexts(block).map((cells) => cells.join('\t'));
        case 'text': {
          const layout = textTableLayout(block);
          return gridTexts(block).map((cells) => alignedRow(cells, layout));
        }
        case 'pipes':
          return block.rows.map((row) => row.raw);
      }
  }
}

export function renderTxt(model: SourceModel): string {
  return `${model.blocks.flatMap(blockLines).join('\n')}\n`;
}

/** Whitespace runs to one space, trimmed: how the harness compares quotes with the TXT. */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
