/**
 * The `.src` corpus format (/work/corpus-work/FORMAT.md) as a typed model.
 *
 * A source says what a document looks like (titles, headings, typed list markers, the two-column
 * letterhead and signature, tables in four styles) and never how a program lays it out; every renderer
 * in this folder starts from the `SourceModel` this parser builds. The parser is strict on purpose: a
 * writer's typo that silently became a plain paragraph would put the wrong text into five files at once,
 * so anything the format does not allow fails with the line number.
 */

export type MarkerKind = 'bullet' | 'decimal' | 'decimal-paren' | 'paren' | 'lower-letter';

export interface ListMarker {
  /** The marker exactly as typed, without the following space: "-", "1.", "1)", "(1)", "a)". */
  text: string;
  kind: MarkerKind;
  /** The bullet character, for `kind: 'bullet'`. */
  bullet?: string;
  /** The item's number: 1 for "1." / "1)" / "(1)"; for a letter its place in the Latin alphabet (a = 1), none for "đ". */
  value?: number;
  /** For `lower-letter`: the letter itself ("a", "đ"). */
  letter?: string;
}

export type TableStyle = 'ruled' | 'borderless' | 'text' | 'pipes';

export interface TableCell {
  /** Empty for a cell covered by a merge. */
  text: string;
  /** For the top-left cell of a merge: how many rows / columns it spans. 1 otherwise. */
  rowSpan: number;
  colSpan: number;
  /** Set on the cells a merge covers: the row and column of the merge's top-left cell. */
  coveredBy?: { row: number; col: number };
  /** "<" or "^" for a covered cell, as written in the source. */
  mergeMarker?: '<' | '^';
}

export interface TableRow {
  cells: TableCell[];
  /** The source line, trimmed: `pipes` tables print exactly this. */
  raw: string;
  line: number;
}

export interface TitleBlock { kind: 'title'; text: string; line: number }
export interface HeadingBlock { kind: 'heading'; text: string; /** 2 for "##", 3 for "###" … */ level: number; line: number }
export interface ParagraphBlock { kind: 'paragraph'; text: string; line: number }
export interface ListItemBlock { kind: 'list-item'; text: string; marker: ListMarker; /** 0 at the margin, +1 per 2 spaces. */ level: number; line: number }
export interface TwoColumnRow { left: string; right: string; line: number }
export interface TwoColumnBlock { kind: 'two-column'; role: 'header' | 'signature'; rows: TwoColumnRow[]; line: number }
export interface TableBlock {
  kind: 'table';
  style: TableStyle;
  /** Rows above the `|---|` separator; 0 when the table has none. */
  headerRows: number;
  columnCount: number;
  rows: TableRow[];
  line: number;
}
export interface PageBreakBlock { kind: 'page-break'; line: number }

export type Block = TitleBlock | HeadingBlock | ParagraphBlock | ListItemBlock | TwoColumnBlock | TableBlock | PageBreakBlock;

export interface SourceModel {
  blocks: Block[];
}

export class SourceError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'SourceError';
  }
}

const TABLE_STYLES: readonly TableStyle[] = ['ruled', 'borderless', 'text', 'pipes'];

/** The same marker set as check-src.mjs: anything else at the start of a line is text. */
const MARKER = /^(?<marker>[-+*•–]|\d{1,2}\.|\d{1,2}\)|\(\d{1,2}\)|[a-zđ]\)) /u;

/** Word's lowerLetter counts a, b, c …; the Vietnamese "đ" (after d) has no place in that count. */
export function letterValue(letter: string): number | undefined {
  return letter === 'đ' ? undefined : letter.charCodeAt(0) - 96;
}

export function parseMarker(text: string): ListMarker {
  if (/^[-+*•–]$/u.test(text)) return { text, kind: 'bullet', bullet: text };
  let match = /^(\d{1,2})\.$/u.exec(text);
  if (match) return { text, kind: 'decimal', value: Number(match[1]) };
  match = /^(\d{1,2})\)$/u.exec(text);
  if (match) return { text, kind: 'decimal-paren', value: Number(match[1]) };
  match = /^\((\d{1,2})\)$/u.exec(text);
  if (match) return { text, kind: 'paren', value: Number(match[1]) };
  match = /^([a-zđ])\)$/u.exec(text);
  if (match) {
    const value = letterValue(match[1]!);
    return { text, kind: 'lower-letter', letter: match[1]!, ...(value === undefined ? {} : { value }) };
  }
  throw new Error(`not a list marker: ${JSON.stringify(text)}`);
}

/** `| a | b |` → ["a", "b"]; the caller has checked the pipes at both ends. */
function splitRow(line: string): string[] {
  return line.trim().slice(1, -1).split('|').map((cell) => cell.trim());
}

const SEPARATOR_ROW = /^\|(\s*:?-{2,}:?\s*\|)+\s*$/u;

interface PendingTable {
  style: TableStyle;
  line: number;
  headerRows: number | undefined;
  rows: { cells: string[]; raw: string; line: number }[];
}

/**
 * Turns "<" / "^" cells into spans. A "<" joins the merge its left neighbour belongs to (widening it when
 * that merge starts on this row); a "^" joins the merge above (deepening it). Rectangular merges written
 * as `X | <` over `^ | ^` come out as one 2×2 span.
 */
function resolveMerges(pending: PendingTable): TableRow[] {
  const rows: TableRow[] = pending.rows.map((row) => ({
    raw: row.raw,
    line: row.line,
    cells: row.cells.map((text) => ({ text, rowSpan: 1, colSpan: 1 })),
  }));
  const anchorOf = (row: number, col: number): { row: number; col: number } => rows[row]!.cells[col]!.coveredBy ?? { row, col };
  rows.forEach((row, r) => {
    row.cells.forEach((cell, c) => {
      if (cell.text !== '<' && cell.text !== '^') return;
      if (pending.style === 'text') throw new SourceError(row.line, 'text tables have no merged cells');
      const marker = cell.text;
      let anchor: { row: number; col: number };
      if (marker === '<') {
        if (c === 0) throw new SourceError(row.line, 'a "<" cell in the first column has nothing on its left to merge into');
        anchor = anchorOf(r, c - 1);
      } else {
        if (r === 0) throw new SourceError(row.line, 'a "^" cell in the first row has nothing above to merge into');
        anchor = anchorOf(r - 1, c);
      }
      const top = rows[anchor.row]!.cells[anchor.col]!;
      top.colSpan = Math.max(top.colSpan, c - anchor.col + 1);
      top.rowSpan = Math.max(top.rowSpan, r - anchor.row + 1);
      cell.text = '';
      cell.coveredBy = anchor;
      cell.mergeMarker = marker;
    });
  });
  // A merge must be a rectangle every cell of which is covered: otherwise no table program can draw it.
  rows.forEach((row, r) => {
    row.cells.forEach((cell, c) => {
      if (cell.coveredBy) return;
      for (let rr = r; rr < r + cell.rowSpan; rr++) {
        for (let cc = c; cc < c + cell.colSpan; cc++) {
          if (rr === r && cc === c) continue;
          const covered = rows[rr]?.cells[cc]?.coveredBy;
          if (!covered || covered.row !== r || covered.col !== c) {
            throw new SourceError(rows[rr]?.line ?? row.line, `merged cells starting at row ${r + 1}, column ${c + 1} do not form a rectangle (check the "<" and "^" cells)`);
          }
        }
      }
    });
  });
  return rows;
}

export function parseSource(input: string): SourceModel {
  // Writers' editors differ: a BOM, CRLF and decomposed accents carry no meaning of their own.
  const text = input.replace(/^\uFEFF/u, '').normalize('NFC');
  const lines = text.split(/\r?\n/u);
  const blocks: Block[] = [];
  let openBlock: { kind: 'two-column'; block: TwoColumnBlock } | { kind: 'table'; table: PendingTable } | undefined;

  const closeTable = (pending: PendingTable): void => {
    if (pending.rows.length === 0) throw new SourceError(pending.line, 'table has no rows');
    const columnCount = pending.rows[0]!.cells.length;
    if (pending.style === 'text' && (pending.headerRows ?? 1) > 1) throw new SourceError(pending.line, 'text tables have one header row');
    blocks.push({
      kind: 'table',
      style: pending.style,
      headerRows: pending.headerRows ?? 0,
      columnCount,
      rows: resolveMerges(pending),
      line: pending.line,
    });
  };

  lines.forEach((rawLine, index) => {
    const lineNo = index + 1;
    const line = rawLine.replace(/\s+$/u, '');
    if (/^:::\s*$/u.test(line)) {
      if (!openBlock) throw new SourceError(lineNo, '":::" closes no block');
      if (openBlock.kind === 'table') closeTable(openBlock.table);
      else {
        if (openBlock.block.rows.length === 0) throw new SourceError(openBlock.block.line, `${openBlock.block.role} block has no rows`);
        blocks.push(openBlock.block);
      }
      openBlock = undefined;
      return;
    }
    const open = /^:::\s*(\S+)(?:\s+(\S+))?\s*$/u.exec(line);
    if (open) {
      const [, kind, option] = open;
      if (openBlock) throw new SourceError(lineNo, `"::: ${kind}" inside a block opened on line ${openBlock.kind === 'table' ? openBlock.table.line : openBlock.block.line} (close it with ":::" first)`);
      if (kind === 'pagebreak') {
        if (option) throw new SourceError(lineNo, '"::: pagebreak" takes no argument');
        blocks.push({ kind: 'page-break', line: lineNo });
      } else if (kind === 'header' || kind === 'signature') {
        if (option) throw new SourceError(lineNo, `"::: ${kind}" takes no argument`);
        openBlock = { kind: 'two-column', block: { kind: 'two-column', role: kind, rows: [], line: lineNo } };
      } else if (kind === 'table') {
        if (!option || !TABLE_STYLES.includes(option as TableStyle)) throw new SourceError(lineNo, `table style must be one of ${TABLE_STYLES.join(', ')} (got ${option ? JSON.stringify(option) : 'none'})`);
        openBlock = { kind: 'table', table: { style: option as TableStyle, line: lineNo, headerRows: undefined, rows: [] } };
      } else {
        throw new SourceError(lineNo, `unknown block "${kind}" (expected header, signature, table or pagebreak)`);
      }
      return;
    }
    if (/^:::/u.test(line)) throw new SourceError(lineNo, `malformed block line ${JSON.stringify(line)}`);

    if (openBlock?.kind === 'table') {
      if (line.trim() === '') return;
      const table = openBlock.table;
      const trimmed = line.trim();
      if (!/^\|.*\|$/u.test(trimmed) || trimmed.length < 2) throw new SourceError(lineNo, 'a table row must start and end with "|"');
      if (SEPARATOR_ROW.test(trimmed)) {
        if (table.headerRows !== undefined) throw new SourceError(lineNo, 'a second |---| separator row');
        if (table.rows.length === 0) throw new SourceError(lineNo, 'the |---| separator must follow the header rows');
        table.headerRows = table.rows.length;
        return;
      }
      const cells = splitRow(trimmed);
      const expected = table.rows[0]?.cells.length;
      if (expected !== undefined && cells.length !== expected) throw new SourceError(lineNo, `${cells.length} cells, earlier rows have ${expected}`);
      table.rows.push({ cells, raw: trimmed, line: lineNo });
      return;
    }
    if (openBlock?.kind === 'two-column') {
      if (line.trim() === '') return;
      const at = line.indexOf('||');
      if (at < 0) throw new SourceError(lineNo, `${openBlock.block.role} rows are "left || right"`);
      if (line.indexOf('||', at + 2) >= 0) throw new SourceError(lineNo, `${openBlock.block.role} row has more than one "||"`);
      openBlock.block.rows.push({ left: line.slice(0, at).trim(), right: line.slice(at + 2).trim(), line: lineNo });
      return;
    }

    if (line.trim() === '') return;
    if (/\t/u.test(line)) throw new SourceError(lineNo, 'a tab character (indent with 2 spaces per level; tables go in ::: table blocks)');
    const indent = /^ */u.exec(line)![0].length;
    const body = line.slice(indent);
    const heading = /^(#+)(?: (.*))?$/u.exec(body);
    if (heading && indent === 0) {
      const [, hashes, headingText = ''] = heading;
      if (headingText.trim() === '') throw new SourceError(lineNo, `"${hashes}" with no text`);
      if (hashes!.length === 1) blocks.push({ kind: 'title', text: headingText.trim(), line: lineNo });
      else blocks.push({ kind: 'heading', text: headingText.trim(), level: hashes!.length, line: lineNo });
      return;
    }
    if (body.startsWith('#')) throw new SourceError(lineNo, '"#" must be followed by a space ("# TITLE", "## Heading")');
    const marker = MARKER.exec(body);
    if (marker) {
      if (indent % 2 !== 0) throw new SourceError(lineNo, `indentation of ${indent} spaces (list items nest by 2 spaces per level)`);
      blocks.push({ kind: 'list-item', marker: parseMarker(marker.groups!.marker!), text: body.slice(marker[0].length).trim(), level: indent / 2, line: lineNo });
      return;
    }
    if (indent > 0) throw new SourceError(lineNo, 'an indented line must be a list item (a marker such as "- ", "+ ", "1. ", "a) " after the indentation)');
    blocks.push({ kind: 'paragraph', text: body.trim(), line: lineNo });
  });
  if (openBlock) {
    const line = openBlock.kind === 'table' ? openBlock.table.line : openBlock.block.line;
    throw new SourceError(line, `block "${openBlock.kind === 'table' ? `table ${openBlock.table.style}` : openBlock.block.role}" is never closed with ":::"`);
  }
  return { blocks };
}

/** The document's first `#` line, or undefined. */
export function firstTitle(model: SourceModel): string | undefined {
  return model.blocks.find((block): block is TitleBlock => block.kind === 'title')?.text;
}

/**
 * What a running header says: the issuing unit from the letterhead (the last line of its left column above
 * "Số:", with the line before it when that last line is only a place, "ỦY BAN NHÂN DÂN" + "XÃ AN HÒA"), or
 * the first title line when the document has no letterhead block.
 */
export function runningHeaderText(model: SourceModel): string | undefined {
  const header = model.blocks.find((block): block is TwoColumnBlock => block.kind === 'two-column' && block.role === 'header');
  if (header) {
    const unit: string[] = [];
    for (const row of header.rows) {
      if (/^(Số|Số hiệu)\s*:/iu.test(row.left)) break;
      if (row.left) unit.push(row.left);
    }
    const last = unit.at(-1);
    if (last) {
      const placeOnly = /^(XÃ|PHƯỜNG|THỊ TRẤN|THỊ XÃ|HUYỆN|QUẬN|THÀNH PHỐ|TỈNH|ĐẶC KHU)\s/u.test(last);
      return placeOnly && unit.length > 1 ? `${unit.at(-2)} ${last}` : last;
    }
  }
  return firstTitle(model);
}
