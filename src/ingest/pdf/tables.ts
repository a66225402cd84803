/**
 * Finds tables on a page and splits their text into rows and cells.
 *
 * Two routes. When the page draws ruling lines (LibreOffice and Word export every cell border),
 * the borders give the grid exactly, including merged cells and text wrapped inside a cell.
 * Otherwise, text aligned in the same column bands over several consecutive lines is taken for a
 * table drawn without borders.
 */
import type { Rule } from './graphics.ts';
import { joinPieces, segmentsOf, type PdfLine, type TextPiece } from './lines.ts';
import { joinParts, type JoinedText, type LinePart } from './join.ts';

export interface CellDraft {
  joined: JoinedText;
  colSpan: number;
  rowSpan: number;
  page: number;
  line: number;
  endLine: number;
}

export interface RowDraft {
  cells: CellDraft[];
  page: number;
  line: number;
  endLine: number;
}

export interface TableDraft {
  page: number;
  /** Every line whose text went into the table; the paragraph builder skips them. */
  lines: Set<PdfLine>;
  rows: RowDraft[];
  firstLine: PdfLine;
}

/** Rules this close (points) are the same border drawn twice or cell by cell. */
const RULE_TOLERANCE = 2;

/** A gap of this many ems between pieces of one line separates two cells of a borderless table. */
export const COLUMN_GAP_EM = 1.0;

interface Grid {
  xs: number[];
  ys: number[];
  horizontals: Rule[];
  verticals: Rule[];
}

function mergeRules(rules: Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from);
  const merged: Rule[] = [];
  for (const rule of sorted) {
    const same = merged.find((m) => Math.abs(m.at - rule.at) <= RULE_TOLERANCE && rule.from <= m.to + RULE_TOLERANCE && rule.to >= m.from - RULE_TOLERANCE);
    if (same) {
      same.from = Math.min(same.from, rule.from);
      same.to = Math.max(same.to, rule.to);
    } else {
      merged.push({ ...rule });
    }
  }
  return merged;
}

function clusterPositions(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const value of sorted) {
    const last = clusters[clusters.length - 1];
    if (last && value - last[last.length - 1]! <= RULE_TOLERANCE) last.push(value);
    else clusters.push([value]);
  }
  return clusters.map((cluster) => cluster.reduce((sum, v) => sum + v, 0) / cluster.length);
}

function crosses(h: Rule, v: Rule): boolean {
  return (
    v.at >= h.from - RULE_TOLERANCE &&
    v.at <= h.to + RULE_TOLERANCE &&
    h.at >= v.from - RULE_TOLERANCE &&
    h.at <= v.to + RULE_TOLERANCE
  );
}

/** Groups ruling lines into grids: sets of horizontal and vertical rules that touch each other. */
function findGrids(rules: Rule[]): Grid[] {
  const horizontals = mergeRules(rules.filter((r) => r.orientation === 'h'));
  const verticals = mergeRules(rules.filter((r) => r.orientation === 'v'));
  const all = [...horizontals, ...verticals];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  horizontals.forEach((h, i) => {
    verticals.forEach((v, j) => {
      if (crosses(h, v)) parent[find(i)] = find(horizontals.length + j);
    });
  });
  const components = new Map<number, Rule[]>();
  all.forEach((rule, i) => {
    const root = find(i);
    components.set(root, [...(components.get(root) ?? []), rule]);
  });
  const grids: Grid[] = [];
  for (const component of components.values()) {
    const hs = component.filter((r) => r.orientation === 'h');
    const vs = component.filter((r) => r.orientation === 'v');
    const xs = clusterPositions(vs.map((r) => r.at));
    const ys = clusterPositions(hs.map((r) => r.at));
    if (xs.length >= 3 && ys.length >= 2) grids.push({ xs, ys, horizontals: hs, verticals: vs });
  }
  return grids;
}

function hasVertical(grid: Grid, x: number, yMid: number): boolean {
  return grid.verticals.some((v) => Math.abs(v.at - x) <= RULE_TOLERANCE && v.from - RULE_TOLERANCE <= yMid && v.to + RULE_TOLERANCE >= yMid);
}

function hasHorizontal(grid: Grid, y: number, xMid: number): boolean {
  return grid.horizontals.some((h) => Math.abs(h.at - y) <= RULE_TOLERANCE && h.from - RULE_TOLERANCE <= xMid && h.to + RULE_TOLERANCE >= xMid);
}

/** Index of the band [edges[i], edges[i+1]) holding `value`, clamped to the outer bands. */
function bandOf(edges: number[], value: number): number {
  for (let i = 1; i < edges.length - 1; i++) if (value < edges[i]!) return i - 1;
  return edges.length - 2;
}

/** Where a line's glyphs sit vertically: a little above the baseline, inside the cell. */
function lineMiddle(line: PdfLine): number {
  return line.y - 0.3 * line.size;
}

interface CellSlot {
  row: number;
  col: number;
  colSpan: number;
  rowSpan: number;
  pieces: Map<PdfLine, TextPiece[]>;
}

function cellFromSlot(slot: CellSlot, page: number): CellDraft | undefined {
  const lines = [...slot.pieces.keys()].sort((a, b) => a.y - b.y);
  const parts: LinePart[] = lines.map((line) => {
    const { text, fontRuns } = joinPieces(slot.pieces.get(line)!);
    return { text, fontRuns, page, line: line.number };
  });
  const first = lines[0];
  const last = lines[lines.length - 1];
  return {
    joined: joinParts(parts),
    colSpan: slot.colSpan,
    rowSpan: slot.rowSpan,
    page,
    line: first?.number ?? 0,
    endLine: last?.number ?? 0,
  };
}

function emptyCell(slot: CellSlot, page: number, line: number): CellDraft {
  return { joined: { text: '', lineStarts: [], fontRuns: [] }, colSpan: slot.colSpan, rowSpan: slot.rowSpan, page, line, endLine: line };
}

/**
 * Builds rows from slots, dropping rows with no text at all (the gap rows some producers draw)
 * and giving empty cells the row's first line so every location stays valid.
 */
function rowsFromSlots(slotsByRow: CellSlot[][], page: number): RowDraft[] {
  const rows: RowDraft[] = [];
  for (const slots of slotsByRow) {
    const filled = slots.map((slot) => (slot.pieces.size > 0 ? cellFromSlot(slot, page) : undefined));
    const present = filled.filter((cell): cell is CellDraft => cell !== undefined && cell.joined.text.length > 0);
    if (present.length === 0) continue;
    const line = Math.min(...present.map((cell) => cell.line));
    const endLine = Math.max(...present.map((cell) => cell.endLine));
    const cells = slots.map((slot, i) => filled[i] ?? emptyCell(slot, page, line));
    rows.push({ cells, page, line, endLine });
  }
  return rows;
}

function tableFrom(page: number, lines: PdfLine[], rows: RowDraft[]): TableDraft | undefined {
  const cellsWithText = rows.flatMap((row) => row.cells).filter((cell) => cell.joined.text.length > 0);
  const rowsWithTwoCells = rows.filter((row) => row.cells.filter((cell) => cell.joined.text.length > 0).length >= 2);
  // A box around a paragraph, or a single decorative rule, is not a table.
  if (cellsWithText.length < 2 || rowsWithTwoCells.length === 0) return undefined;
  const sorted = [...lines].sort((a, b) => a.y - b.y);
  return { page, lines: new Set(lines), rows, firstLine: sorted[0]! };
}

function tableFromGrid(page: number, grid: Grid, lines: PdfLine[]): TableDraft | undefined {
  const { xs, ys } = grid;
  const top = ys[0]!;
  const bottom = ys[ys.length - 1]!;
  const left = xs[0]!;
  const right = xs[xs.length - 1]!;
  const inside = lines.filter((line) => {
    const middle = lineMiddle(line);
    return middle > top && middle < bottom && line.xEnd > left && line.x < right;
  });
  if (inside.length === 0) return undefined;

  // Slots: one per visible cell, found by walking the grid and following missing borders.
  const rowCount = ys.length - 1;
  const colCount = xs.length - 1;
  const owner: (CellSlot | undefined)[][] = [];
  const slotsByRow: CellSlot[][] = [];
  for (let r = 0; r < rowCount; r++) {
    owner.push([]);
    slotsByRow.push([]);
    const yMid = (ys[r]! + ys[r + 1]!) / 2;
    let c = 0;
    while (c < colCount) {
      let end = c + 1;
      while (end < colCount && !hasVertical(grid, xs[end]!, yMid)) end++;
      const xMid = (xs[c]! + xs[end]!) / 2;
      const above = r > 0 ? owner[r - 1]![c] : undefined;
      let slot: CellSlot;
      if (above && above.col === c && above.colSpan === end - c && !hasHorizontal(grid, ys[r]!, xMid)) {
        above.rowSpan++;
        slot = above;
      } else {
        slot = { row: r, col: c, colSpan: end - c, rowSpan: 1, pieces: new Map() };
        slotsByRow[r]!.push(slot);
      }
      for (let k = c; k < end; k++) owner[r]![k] = slot;
      c = end;
    }
  }

  for (const line of inside) {
    const r = bandOf(ys, lineMiddle(line));
    for (const piece of line.pieces) {
      const c = bandOf(xs, piece.x + Math.min(1, (piece.xEnd - piece.x) / 2));
      const slot = owner[r]![c]!;
      const pieces = slot.pieces.get(line) ?? [];
      pieces.push(piece);
      slot.pieces.set(line, pieces);
    }
  }
  return tableFrom(page, inside, rowsFromSlots(slotsByRow, page));
}

/** Tables drawn with borders. */
export function findRuledTables(page: number, lines: PdfLine[], rules: Rule[]): TableDraft[] {
  const tables: TableDraft[] = [];
  for (const grid of findGrids(rules)) {
    const available = lines.filter((line) => !tables.some((t) => t.lines.has(line)));
    const table = tableFromGrid(page, grid, available);
    if (table) tables.push(table);
  }
  return tables;
}

/** "-", "+", "1.", "a)", "(2)", "II.": what sits in a first "column" of a list set with tabs. */
const MARKER_ONLY = /^(?:[-–—+•*]|\d{1,2}[.)]|[a-zđ][.)]|\(\d{1,2}\)|[IVXL]{1,5}[.)])$/u;

interface Band {
  from: number;
  to: number;
}

function overlaps(band: Band, from: number, to: number): boolean {
  return from < band.to + RULE_TOLERANCE && to > band.from - RULE_TOLERANCE;
}

function segmentExtent(segment: TextPiece[]): Band {
  return { from: segment[0]!.x, to: Math.max(...segment.map((p) => p.xEnd)) };
}

/**
 * Column bands from the segments of the lines that show the most columns; a segment that
 * overlaps several bands is a cell spanning them and does not widen any.
 */
function columnBands(segmentsByLine: TextPiece[][][]): Band[] {
  const bands: Band[] = [];
  const byWidth = [...segmentsByLine].sort((a, b) => b.length - a.length);
  for (const segments of byWidth) {
    for (const segment of segments) {
      const extent = segmentExtent(segment);
      const hit = bands.filter((band) => overlaps(band, extent.from, extent.to));
      if (hit.length === 0) bands.push(extent);
      else if (hit.length === 1) {
        hit[0]!.from = Math.min(hit[0]!.from, extent.from);
        hit[0]!.to = Math.max(hit[0]!.to, extent.to);
      }
    }
  }
  return bands.sort((a, b) => a.from - b.from);
}

/** Lines no further apart than this many ems can be rows (or wrapped cell lines) of one table. */
const MAX_ROW_PITCH_EM = 2.2;
/** A borderless table needs at least this many lines showing two or more columns. */
const MIN_ALIGNED_LINES = 3;

/** Tables drawn without borders: runs of lines whose text falls into the same column bands. */
export function findAlignedTables(page: number, lines: PdfLine[]): TableDraft[] {
  const tables: TableDraft[] = [];
  let i = 0;
  while (i < lines.length) {
    const segments = segmentsOf(lines[i]!, COLUMN_GAP_EM);
    if (segments.length < 2) {
      i++;
      continue;
    }
    // Grow a run: multi-column lines, and single-segment lines right below them (wrapped cells).
    const run: PdfLine[] = [lines[i]!];
    const runSegments: TextPiece[][][] = [segments];
    let j = i + 1;
    while (j < lines.length) {
      const line = lines[j]!;
      const previous = run[run.length - 1]!;
      if (line.y - previous.y > MAX_ROW_PITCH_EM * Math.max(line.size, previous.size)) break;
      const lineSegments = segmentsOf(line, COLUMN_GAP_EM);
      if (lineSegments.length < 2) {
        const bands = columnBands(runSegments.filter((s) => s.length >= 2));
        const extent = segmentExtent(lineSegments[0]!);
        const hit = bands.filter((band) => overlaps(band, extent.from, extent.to));
        // A wrapped cell stays inside one column; a paragraph line runs across several.
        if (hit.length !== 1 || extent.from < hit[0]!.from - 2 * line.size) break;
      }
      run.push(line);
      runSegments.push(lineSegments);
      j++;
    }
    const table = alignedTable(page, run, runSegments);
    if (table) {
      tables.push(table);
      i = j;
    } else {
      i++;
    }
  }
  return tables;
}

/**
 * A borderless table centres its header labels while its rows are set left (labels) or right (numbers), so a
 * label can stand in a band of its own that no row with figures uses. Such a band joins the nearest band the
 * rows with figures use, provided no line has text in both and the joined band swallows no other.
 */
function mergeHeaderOnlyBands(bands: Band[], runSegments: TextPiece[][][]): Band[] {
  const statesFigure = (segment: TextPiece[]) => /\d/u.test(joinPieces(segment).text.replace(/\b(?:19|20)\d\d\b/gu, ''));
  const firstData = runSegments.findIndex((segments) => segments.some(statesFigure));
  if (firstData <= 0) return bands;
  const usage = bands.map((band) => new Set(runSegments.flatMap((segments, index) => (segments.some((segment) => {
    const extent = segmentExtent(segment);
    return overlaps(band, extent.from, extent.to);
  }) ? [index] : []))));
  const headerOnly = usage.map((lines) => lines.size > 0 && [...lines].every((index) => index < firstData));
  if (!headerOnly.some(Boolean) || headerOnly.every(Boolean)) return bands;
  const result = bands.map((band) => ({ ...band }));
  const removed = new Set<number>();
  headerOnly.forEach((only, b) => {
    if (!only) return;
    const band = result[b]!;
    const middle = (band.from + band.to) / 2;
    const target = result
      .map((other, k) => ({ k, other }))
      .filter(({ k }) => !headerOnly[k] && !removed.has(k) && [...usage[b]!].every((index) => !usage[k]!.has(index)))
      .sort((x, y) => Math.abs((x.other.from + x.other.to) / 2 - middle) - Math.abs((y.other.from + y.other.to) / 2 - middle))[0];
    if (!target) return;
    const from = Math.min(target.other.from, band.from);
    const to = Math.max(target.other.to, band.to);
    if (result.some((other, k) => k !== target.k && k !== b && !removed.has(k) && other.from < to && other.to > from)) return;
    target.other.from = from;
    target.other.to = to;
    for (const index of usage[b]!) usage[target.k]!.add(index);
    removed.add(b);
  });
  return result.filter((_, k) => !removed.has(k)).sort((a, b) => a.from - b.from);
}

function alignedTable(page: number, run: PdfLine[], runSegments: TextPiece[][][]): TableDraft | undefined {
  const multi = runSegments.filter((s) => s.length >= 2);
  if (multi.length < MIN_ALIGNED_LINES) return undefined;
  const bands = mergeHeaderOnlyBands(columnBands(multi), runSegments);
  if (bands.length < 2) return undefined;
  const support = bands.map((band) => multi.filter((segments) => segments.some((s) => {
    const extent = segmentExtent(s);
    return overlaps(band, extent.from, extent.to);
  })).length);
  if (support.filter((count) => count >= 2).length < 2) return undefined;
  // "1.<tab>Text" or "-<tab>Text" set with tabs: a list, not a table — also when its sub-items hang their "+" one
  // indent further in ("- Xã A: …" / "<indent>+ Đã hoàn thành: 05"), which spreads the markers over two columns.
  const firstSegments = multi.map((segments) => joinPieces(segments[0]!).text);
  if (firstSegments.every((text) => MARKER_ONLY.test(text))) return undefined;

  const edges = [bands[0]!.from - 1, ...bands.slice(1).map((band, k) => (bands[k]!.to + band.from) / 2), Infinity];
  const slotsByRow: CellSlot[][] = [];
  let current: CellSlot[] | undefined;
  run.forEach((line, index) => {
    const segments = runSegments[index]!;
    const columns = new Set(segments.map((segment) => bandOf(edges, segment[0]!.x)));
    const startsRow = !current || columns.has(0) || columns.size >= Math.ceil(bands.length / 2);
    if (startsRow) {
      current = bands.map((_, col) => ({ row: slotsByRow.length, col, colSpan: 1, rowSpan: 1, pieces: new Map() }));
      slotsByRow.push(current);
    }
    for (const segment of segments) {
      const slot = current![bandOf(edges, segment[0]!.x)]!;
      slot.pieces.set(line, [...(slot.pieces.get(line) ?? []), ...segment]);
    }
  });
  return tableFrom(page, run, rowsFromSlots(slotsByRow, page));
}
