/**
 * Turns numbered lines (and the tables found among them) into blocks: wrapped lines merged back
 * into paragraphs, list items and section headings recognised by their markers.
 */
import type { Block, FontSpan, LineStart, TableBlock } from '../../model/document.ts';
import type { FontRun, PdfLine } from './lines.ts';
import { joinParts, type JoinedText } from './join.ts';
import type { TableDraft } from './tables.ts';

/** "I.", "IV)" — top-level sections of Vietnamese administrative documents. */
const ROMAN_MARKER = /^[IVXL]{1,5}[.)]\s*\S/u;
/** "1.", "2.1.", "3)", and "2.1 Công tác" (sub-numbering without the final dot, before a capital). */
const NUMBER_MARKER = /^(?:\d{1,2}(?:\.\d{1,2})*[.)](?=\s|\p{L})|\d{1,2}(?:\.\d{1,2})+\s+(?=\p{Lu}))/u;
/** "(1)", "a)", "đ)". */
const ENUMERATION_MARKER = /^(?:\(\d{1,2}\)|[a-zđ]\))\s*\S/u;
/** "-", "+", "•", "–", "*" opening a list item. */
const BULLET_MARKER = /^([-–—+•*])\s*\S/u;

const SENTENCE_END = /(?:[.!?:;…]|\.\/\.)["”’)\]]*$/u;

/** A line is "clearly shorter" than the text width when it stops this share of the width early. */
const SHORT_LINE = 0.1;
/** A vertical step this much larger than the usual leading separates paragraphs. */
const PARAGRAPH_GAP = 1.15;
/** A line indented by more than this many ems relative to the previous one opens a paragraph. */
const INDENT_EM = 1;

export interface Layout {
  left: number;
  right: number;
  leading: number;
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(share * (sorted.length - 1))))] ?? 0;
}

/** The text column and the usual line pitch, measured over prose lines. */
export function measureLayout(lines: PdfLine[]): Layout {
  const pitches: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1]!;
    const line = lines[i]!;
    if (line.page !== previous.page) continue;
    const pitch = line.y - previous.y;
    if (pitch > 0 && pitch < 3 * line.size) pitches.push(pitch);
  }
  return {
    left: percentile(lines.map((l) => l.x), 0.1),
    right: percentile(lines.map((l) => l.xEnd), 0.9),
    leading: pitches.length > 0 ? percentile(pitches, 0.5) : 0,
  };
}

function isUpperCase(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toLocaleUpperCase('vi');
}

function isCentered(line: PdfLine, layout: Layout): boolean {
  const leftGap = line.x - layout.left;
  const rightGap = layout.right - line.xEnd;
  // A first-line indent (1–1.27 cm, under 3 em) with a ragged end must not pass for centring.
  return leftGap > 3 * line.size && rightGap > 3 * line.size && Math.abs(leftGap - rightGap) < 1.5 * line.size;
}

/**
 * Two lines of one centred title too wide to look centred on their own: both centred on the text
 * column, the upper one clear of both margins (a justified line reaches the right margin).
 */
function sharesCentre(previous: PdfLine, line: PdfLine, layout: Layout): boolean {
  const centre = (layout.left + layout.right) / 2;
  const tolerance = 0.5 * line.size;
  return (
    Math.abs((previous.x + previous.xEnd) / 2 - centre) < tolerance &&
    Math.abs((line.x + line.xEnd) / 2 - centre) < tolerance &&
    previous.x > layout.left + tolerance &&
    previous.xEnd < layout.right - tolerance
  );
}

function isShort(line: PdfLine, layout: Layout): boolean {
  return line.xEnd < layout.right - SHORT_LINE * (layout.right - layout.left);
}

function startsWithMarker(text: string): boolean {
  return ROMAN_MARKER.test(text) || NUMBER_MARKER.test(text) || ENUMERATION_MARKER.test(text) || BULLET_MARKER.test(text);
}

/**
 * Whether `previous` ended where its author ended it: the first word of `line` would have fitted
 * after it, so the line was not wrapped there. Lines that visibly continue (a dash or a hyphen
 * left at the end, a comma) are never taken as ended.
 */
function endsDeliberately(previous: PdfLine, line: PdfLine, layout: Layout): boolean {
  if (/[-–—,]$/u.test(previous.text)) return false;
  const firstWord = line.text.split(' ')[0] ?? '';
  const charWidth = (line.xEnd - line.x) / Math.max(1, line.text.length);
  // The width is estimated from the line's average glyph, so leave a margin for wide letters.
  const needed = 1.2 * (0.3 * previous.size + firstWord.length * charWidth) + 0.5 * previous.size;
  return previous.xEnd + needed < layout.right;
}

export type LayoutOf = (line: PdfLine) => Layout;

/** Why `line` opens a new block after `previous` (both text lines, in reading order), if it does. */
export function blockBreak(previous: PdfLine, line: PdfLine, layoutOf: LayoutOf): string | undefined {
  const before = layoutOf(previous);
  const here = layoutOf(line);
  // "giai đoạn 2022" / "- 2025": a range wrapped at its dash, not a list item.
  const rangeContinues = /\d$/u.test(previous.text) && /^[-–]\s*\d/u.test(line.text);
  if (startsWithMarker(line.text) && !rangeContinues) return 'marker';
  const ended = endsDeliberately(previous, line, before);
  if (ended && SENTENCE_END.test(previous.text)) return 'sentence-end';
  // A section title ("2. Kết quả giải quyết thủ tục hành chính") ends its own block without punctuation.
  if (ended && (ROMAN_MARKER.test(previous.text) || NUMBER_MARKER.test(previous.text))) return 'title';
  if (ended && isUpperCase(previous.text) !== isUpperCase(line.text)) return 'case-change';
  // "b) Cấp thẻ Căn cước, tài khoản định danh điện tử" then "Mười tháng năm 2024, …" under its marker or indented as
  // a paragraph: a lettered or bulleted title that ends short; an item's own text wrapping would fill the line first.
  if (ended && line.page === previous.page && startsWithMarker(previous.text) && line.x > previous.x - 0.5 * line.size) return 'item-title';
  // A centred title followed by body text, or body text followed by a centred title; not a full
  // line followed by the centred rest of a title.
  const centredBefore = isCentered(previous, before);
  const centredHere = isCentered(line, here);
  if (centredBefore && !centredHere) return 'centred-title';
  if (centredHere && !centredBefore && ended) return 'centred-title';
  if (line.page === previous.page) {
    if (here.leading > 0 && line.y - previous.y > PARAGRAPH_GAP * here.leading + 0.5) return 'gap';
    const centredBlock = sharesCentre(previous, line, here);
    if (line.x > previous.x + INDENT_EM * line.size && !centredHere && !centredBlock && !startsWithMarker(previous.text)) {
      return 'indent';
    }
  } else {
    // An item that runs over the page break goes on at its hanging indent ("6. Triển khai … an sinh" / "xã hội."),
    // which is no paragraph's first-line indent.
    const itemGoesOn = startsWithMarker(previous.text) && !ended && !SENTENCE_END.test(previous.text);
    if (line.x > here.left + INDENT_EM * line.size && !itemGoesOn) return 'indent-after-page-break';
    if (ended) return 'ended-before-page-break';
  }
  return undefined;
}

/** Bold faces by their PostScript names ("TimesNewRomanPS-BoldMT", "Arial,Bold"); ".VnTimeH" is only upper case. */
const BOLD_FONT = /bold|black|heavy|demi/i;

function headingLevel(
  joined: JoinedText,
  lines: PdfLine[],
  layout: Layout,
  fontNames: ReadonlyMap<string, string>,
): number | undefined {
  const text = joined.text;
  const names = joined.fontRuns.map((run) => fontNames.get(run.fontId));
  const allBold = names.length > 0 && names.every((name) => name !== undefined && BOLD_FONT.test(name));
  const last = lines[lines.length - 1]!;
  if (ROMAN_MARKER.test(text)) {
    if (lines.length <= 3 && (isUpperCase(text) || (lines.length === 1 && !/[.;,]$/u.test(text)))) return 1;
    return undefined;
  }
  const numbered = NUMBER_MARKER.exec(text);
  if (numbered) {
    const depth = numbered[0].split('.').filter((part) => /\d/.test(part)).length;
    // Where the fonts are known, a bold numbered line is a title even when it ends with a period.
    const boldTitle = allBold && text.length <= 200 && lines.length <= 2 && !/[;,]$/u.test(text);
    const titleLike =
      text.length <= 120 &&
      (lines.length === 1 || (lines.length === 2 && isUpperCase(text))) &&
      isShort(last, layout) &&
      !/[.;,]$/u.test(text);
    if (boldTitle || titleLike) return Math.min(9, depth + 1);
  }
  return undefined;
}

function fontSpans(runs: FontRun[], fontNames: ReadonlyMap<string, string>): FontSpan[] | undefined {
  const spans: FontSpan[] = [];
  for (const run of runs) {
    const font = fontNames.get(run.fontId);
    if (!font) continue;
    const last = spans[spans.length - 1];
    if (last && last.font === font && last.end >= run.start - 1) last.end = run.end;
    else spans.push({ start: run.start, end: run.end, font });
  }
  return spans.length > 0 ? spans : undefined;
}

/**
 * The layout each line is judged against: its page's own where the page has enough prose to
 * measure (a landscape annex has a wider column than the portrait body), else the document's.
 */
export function layoutsByPage(lines: PdfLine[]): LayoutOf {
  const documentLayout = measureLayout(lines);
  const byPage = new Map<number, PdfLine[]>();
  for (const line of lines) byPage.set(line.page, [...(byPage.get(line.page) ?? []), line]);
  const pageLayouts = new Map<number, Layout>();
  for (const [page, pageLines] of byPage) {
    if (pageLines.length >= MIN_LINES_FOR_PAGE_LAYOUT) pageLayouts.set(page, { ...measureLayout(pageLines), leading: documentLayout.leading });
  }
  return (line) => pageLayouts.get(line.page) ?? documentLayout;
}

/** Below this many prose lines, a page's margins are not measured on their own. */
const MIN_LINES_FOR_PAGE_LAYOUT = 8;

function textBlock(lines: PdfLine[], layoutOf: LayoutOf, fontNames: ReadonlyMap<string, string>): Block {
  const joined = joinParts(lines.map((line) => ({ text: line.text, page: line.page, line: line.number, fontRuns: line.fontRuns })));
  const first = lines[0]!;
  // A block that crosses a page break ends its location on the first page; lineStarts carry the rest.
  const onFirstPage = lines.filter((line) => line.page === first.page);
  const endLine = onFirstPage[onFirstPage.length - 1]!.number;
  const location = { page: first.page, line: first.number, ...(endLine > first.number ? { endLine } : {}) };
  const lineStarts: LineStart[] = joined.lineStarts;
  const spans = fontSpans(joined.fontRuns, fontNames);
  const common = { text: joined.text, location, lineStarts, ...(spans ? { fontSpans: spans } : {}) };

  const level = headingLevel(joined, lines, layoutOf(lines[lines.length - 1]!), fontNames);
  if (level !== undefined) return { kind: 'heading', level, ...common };
  const bullet = BULLET_MARKER.exec(joined.text);
  if (bullet) {
    const marker = bullet[1]!;
    return { kind: 'list-item', level: marker === '+' ? 2 : 1, marker, ordered: false, ...common };
  }
  return { kind: 'paragraph', ...common };
}

function tableBlock(table: TableDraft, fontNames: ReadonlyMap<string, string>): TableBlock {
  const rows = table.rows.map((row, index) => ({
    header: index === 0,
    location: { page: row.page, line: row.line, ...(row.endLine > row.line ? { endLine: row.endLine } : {}) },
    cells: row.cells.map((cell) => {
      const spans = fontSpans(cell.joined.fontRuns, fontNames);
      return {
        text: cell.joined.text,
        colSpan: cell.colSpan,
        rowSpan: cell.rowSpan,
        location: { page: cell.page, line: cell.line, ...(cell.endLine > cell.line ? { endLine: cell.endLine } : {}) },
        ...(cell.joined.lineStarts.length > 0 ? { lineStarts: cell.joined.lineStarts } : {}),
        ...(spans ? { fontSpans: spans } : {}),
      };
    }),
  }));
  const first = table.rows[0]!;
  const last = table.rows[table.rows.length - 1]!;
  return {
    kind: 'table',
    rows,
    location: { page: table.page, line: first.line, ...(last.endLine > first.line ? { endLine: last.endLine } : {}) },
  };
}

function columnCount(row: TableBlock['rows'][number]): number {
  return row.cells.reduce((sum, cell) => sum + cell.colSpan, 0);
}

/**
 * A table broken by a page break: the next page starts with a table of the same columns, nothing
 * in between. Auditors add up its rows as one table, so it stays one block.
 */
function continuesTable(previous: TableBlock, next: TableBlock): boolean {
  const lastRow = previous.rows[previous.rows.length - 1]!;
  const firstRow = next.rows[0]!;
  return (
    (next.location.page ?? 0) === (lastRow.location.page ?? 0) + 1 &&
    next.location.line === 1 &&
    columnCount(previous.rows[0]!) === columnCount(firstRow)
  );
}

/**
 * A table broken by a page break whose repeated header begins with lines the table reader left above it as text
 * ("Tỷ lệ" over "kích hoạt (%)", or the whole header): the same lines stood above the table on the page before,
 * and the continuation has the table's columns. Returns how many blocks before the end of `blocks` the first part is,
 * or undefined. At most three such lines: a header is a few lines high.
 */
function tableContinuedUnderRepeatedLines(blocks: readonly Block[], next: TableBlock): number | undefined {
  if (blocks[blocks.length - 1]?.kind === 'table') return undefined;
  for (let between = 1; between <= 3; between++) {
    const at = blocks.length - 1 - between;
    const previous = blocks[at];
    if (previous === undefined) return undefined;
    // Lines between: the blocks after `at` were looked at already and none was a table.
    if (previous.kind !== 'table') continue;
    const lastRow = previous.rows[previous.rows.length - 1]!;
    const repeated = blocks.slice(at + 1);
    const above = blocks.slice(at - between, at);
    const sameLines = above.length === between && above.every((block, index) => block.kind !== 'table' && block.text.trim() !== '' && block.text.trim() === (repeated[index] as { text: string }).text.trim());
    const continues =
      sameLines &&
      (next.location.page ?? 0) === (lastRow.location.page ?? 0) + 1 &&
      columnCount(previous.rows[0]!) === columnCount(next.rows[0]!);
    return continues ? between : undefined;
  }
  return undefined;
}

function rowText(row: TableBlock['rows'][number]): string {
  return row.cells.map((cell) => cell.text).join('\u0000');
}

/** Appends a continuation's rows, without the header rows it repeats (Word's "repeat header row"). */
function appendRows(table: TableBlock, continuation: TableBlock): void {
  const rows = continuation.rows.map((row) => ({ ...row, header: false }));
  let repeated = 0;
  while (repeated < rows.length && repeated < table.rows.length - 1 && rowText(rows[repeated]!) === rowText(table.rows[repeated]!)) repeated++;
  table.rows.push(...rows.slice(repeated));
}

/**
 * Builds blocks from all pages' lines in reading order. Each table is emitted where its first
 * line comes; every other line inside a table is skipped as text. `breaksBefore` forces a new
 * block (the two sides of a side-by-side region).
 */
export function buildBlocks(
  lines: PdfLine[],
  tables: TableDraft[],
  layoutOf: LayoutOf,
  fontNames: ReadonlyMap<string, string>,
  breaksBefore: ReadonlySet<PdfLine> = new Set(),
): Block[] {
  const tableByFirstLine = new Map(tables.map((table) => [table.firstLine, table]));
  const tableLines = new Set(tables.flatMap((table) => [...table.lines]));
  const blocks: Block[] = [];
  let current: PdfLine[] = [];
  const flush = (): void => {
    if (current.length > 0) blocks.push(textBlock(current, layoutOf, fontNames));
    current = [];
  };
  for (const line of lines) {
    const table = tableByFirstLine.get(line);
    if (table) {
      flush();
      if (table.rows.length === 0) continue;
      const block = tableBlock(table, fontNames);
      const previous = blocks[blocks.length - 1];
      const repeatedLines = previous?.kind === 'table' && continuesTable(previous, block) ? 0 : tableContinuedUnderRepeatedLines(blocks, block);
      if (repeatedLines === undefined) blocks.push(block);
      else {
        // The repeated header lines go; the rows join the table they continue.
        blocks.splice(blocks.length - repeatedLines, repeatedLines);
        appendRows(blocks[blocks.length - 1] as TableBlock, block);
      }
      continue;
    }
    if (tableLines.has(line)) continue;
    const previous = current[current.length - 1];
    if (previous && (breaksBefore.has(line) || blockBreak(previous, line, layoutOf) !== undefined)) flush();
    current.push(line);
  }
  flush();
  return blocks;
}
