/**
 * What the page's drawing operators tell that its text does not: the ruling lines of tables
 * (LibreOffice and Word draw every cell border) and whether the page paints images (a scan).
 * Reading the operator list costs about as much as reading the text again, so the adapter asks
 * for it only on pages that need it.
 */
import { OPS, Util } from '../pdfjs/index.mjs';

/** An axis-aligned ruling line in display space (y grows downwards). */
export interface Rule {
  orientation: 'h' | 'v';
  /** y for a horizontal rule, x for a vertical one. */
  at: number;
  from: number;
  to: number;
}

export interface PageGraphics {
  rules: Rule[];
  paintsImages: boolean;
  /** Every glyph's text in drawing order, as the renderer sees it (see restoreDroppedMarks). */
  glyphText: string;
}

export type Matrix = [number, number, number, number, number, number];

/** m × n, as pdf.js composes its transforms (its own Util.transform, so the three readers agree with it). */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return Util.transform(m, n) as Matrix;
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function asMatrix(value: unknown): Matrix | undefined {
  if (!value || typeof value !== 'object' || !('length' in value)) return undefined;
  const array = Array.from(value as ArrayLike<unknown>);
  if (array.length !== 6 || !array.every((v) => typeof v === 'number')) return undefined;
  return array as Matrix;
}

const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintImageMaskXObjectGroup,
  OPS.paintSolidColorImageMask,
]);

const TEXT_OPS = new Set<number>([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText]);

const STROKE_OPS = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILL_OPS = new Set<number>([OPS.fill, OPS.eoFill]);

/** pdf.js's path encoding (DrawOPS in its source). */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_CURVE_TO = 3;
const CLOSE_PATH = 4;

/**
 * A filled rectangle thinner than this (points) is a border drawn as a fill, as Word does;
 * anything thicker is shading.
 */
const MAX_RULE_THICKNESS = 3;
/** Segments shorter than this are tick marks, underlines of a letter, bullets: not borders. */
const MIN_RULE_LENGTH = 4;
/** How far from exactly horizontal/vertical a border may be (points over its length). */
const AXIS_TOLERANCE = 0.5;

/**
 * Walks the operator list with the current transformation matrix, collecting ruling lines.
 * `viewport` maps PDF user space to display space (it flips y and applies /Rotate).
 */
export function readGraphics(operatorList: { fnArray: number[]; argsArray: unknown[] }, viewport: Matrix): PageGraphics {
  const rules: Rule[] = [];
  let paintsImages = false;
  let glyphText = '';
  let ctm: Matrix = viewport;
  const stack: Matrix[] = [];
  const { fnArray, argsArray } = operatorList;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) {
      const m = asMatrix(args);
      if (m) ctm = multiply(ctm, m);
    } else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = Array.isArray(args) ? asMatrix(args[0]) : undefined;
      if (m) ctm = multiply(ctm, m);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (IMAGE_OPS.has(fn)) paintsImages = true;
    else if (TEXT_OPS.has(fn) && Array.isArray(args) && Array.isArray(args[0])) {
      for (const glyph of args[0] as unknown[]) {
        if (glyph && typeof glyph === 'object' && 'unicode' in glyph && typeof glyph.unicode === 'string') glyphText += glyph.unicode;
      }
    }
    else if (fn === OPS.constructPath && Array.isArray(args)) {
      const paintOp = args[0];
      const data = Array.isArray(args[1]) ? args[1][0] : undefined;
      if (typeof paintOp !== 'number' || !data || typeof data !== 'object' || !('length' in data)) continue;
      const path = Array.from(data as ArrayLike<number>);
      if (STROKE_OPS.has(paintOp)) collectStrokedSegments(path, ctm, rules);
      else if (FILL_OPS.has(paintOp)) collectThinRectangles(path, ctm, rules);
    }
  }
  return { rules, paintsImages, glyphText };
}

/** Splits pdf.js's flat path encoding into subpaths of points (curves flattened to their ends). */
function subpathsOf(path: number[], ctm: Matrix): { points: [number, number][]; closed: boolean }[] {
  const subpaths: { points: [number, number][]; closed: boolean }[] = [];
  let current: { points: [number, number][]; closed: boolean } | undefined;
  let i = 0;
  while (i < path.length) {
    const op = path[i++];
    if (op === MOVE_TO) {
      current = { points: [apply(ctm, path[i]!, path[i + 1]!)], closed: false };
      subpaths.push(current);
      i += 2;
    } else if (op === LINE_TO) {
      current?.points.push(apply(ctm, path[i]!, path[i + 1]!));
      i += 2;
    } else if (op === CURVE_TO) {
      // A curve is never a table border; break the subpath so no straight edge is invented.
      current = { points: [apply(ctm, path[i + 4]!, path[i + 5]!)], closed: false };
      subpaths.push(current);
      i += 6;
    } else if (op === QUADRATIC_CURVE_TO) {
      current = { points: [apply(ctm, path[i + 2]!, path[i + 3]!)], closed: false };
      subpaths.push(current);
      i += 4;
    } else if (op === CLOSE_PATH) {
      if (current) current.closed = true;
    } else {
      break;
    }
  }
  return subpaths;
}

function pushSegment(x1: number, y1: number, x2: number, y2: number, rules: Rule[]): void {
  if (Math.abs(y1 - y2) <= AXIS_TOLERANCE && Math.abs(x2 - x1) >= MIN_RULE_LENGTH) {
    rules.push({ orientation: 'h', at: (y1 + y2) / 2, from: Math.min(x1, x2), to: Math.max(x1, x2) });
  } else if (Math.abs(x1 - x2) <= AXIS_TOLERANCE && Math.abs(y2 - y1) >= MIN_RULE_LENGTH) {
    rules.push({ orientation: 'v', at: (x1 + x2) / 2, from: Math.min(y1, y2), to: Math.max(y1, y2) });
  }
}

function collectStrokedSegments(path: number[], ctm: Matrix, rules: Rule[]): void {
  for (const { points, closed } of subpathsOf(path, ctm)) {
    for (let k = 1; k < points.length; k++) {
      const [x1, y1] = points[k - 1]!;
      const [x2, y2] = points[k]!;
      pushSegment(x1, y1, x2, y2, rules);
    }
    if (closed && points.length > 2) {
      const [x1, y1] = points[points.length - 1]!;
      const [x2, y2] = points[0]!;
      pushSegment(x1, y1, x2, y2, rules);
    }
  }
}

function collectThinRectangles(path: number[], ctm: Matrix, rules: Rule[]): void {
  for (const { points } of subpathsOf(path, ctm)) {
    if (points.length < 4 || points.length > 5) continue;
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const left = Math.min(...xs);
    const right = Math.max(...xs);
    const top = Math.min(...ys);
    const bottom = Math.max(...ys);
    const width = right - left;
    const height = bottom - top;
    if (height <= MAX_RULE_THICKNESS && width >= MIN_RULE_LENGTH) {
      rules.push({ orientation: 'h', at: (top + bottom) / 2, from: left, to: right });
    } else if (width <= MAX_RULE_THICKNESS && height >= MIN_RULE_LENGTH) {
      rules.push({ orientation: 'v', at: (left + right) / 2, from: top, to: bottom });
    }
    // Larger fills (cell shading, highlighted words, page backgrounds) are left out: a highlight
    // inside a cell would otherwise split it.
  }
}
