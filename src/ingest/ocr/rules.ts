/**
 * Table borders on a scanned page. A text PDF draws them as vector lines, which the PDF adapter reads
 * from the operator list; a scan only has their pixels. Long straight runs of ink are found in the
 * grey image along the page's skew (measured from the OCR baselines) and handed to the same ruled-table
 * code as vector borders, in the same deskewed point coordinates as the OCR words.
 */
import type { Rule } from '../pdf/graphics.ts';
import type { GreyImage } from './engines.ts';

/** A horizontal border is at least this long (points): longer than any dash or underlined word pair. */
const MIN_HORIZONTAL_PT = 40;
/** A vertical border spans at least one table row; no letter stroke is this tall. */
const MIN_VERTICAL_PT = 18;
/** Thicker than this (points, blur included) is a filled shape or a photo, not a border. */
const MAX_THICKNESS_PT = 4;
/** Breaks in a scanned line (noise, faint toner) shorter than this (points) are bridged. */
const MAX_GAP_PT = 1.2;

/** Maps image pixels to deskewed page points: rotate by the skew around the image centre, then scale. */
export interface Deskew {
  /** dy/dx of text baselines in the image. */
  slope: number;
  centreX: number;
  centreY: number;
  /** Points per pixel (72 / dpi). */
  scale: number;
}

export function deskewPoint(deskew: Deskew, x: number, y: number): { x: number; y: number } {
  const { slope, centreX, centreY, scale } = deskew;
  return { x: (x + slope * (y - centreY)) * scale, y: (y - slope * (x - centreX)) * scale };
}

/** Otsu's threshold: the grey level that best splits ink from paper on this page. */
export function inkThreshold(image: GreyImage): number {
  const histogram = new Array<number>(256).fill(0);
  for (let i = 0; i < image.pixels.length; i += 2) histogram[image.pixels[i]!]!++;
  const total = histogram.reduce((sum, count) => sum + count, 0);
  let sumAll = 0;
  for (let level = 0; level < 256; level++) sumAll += level * histogram[level]!;
  let weightBelow = 0;
  let sumBelow = 0;
  let best = 128;
  let bestVariance = -1;
  for (let level = 0; level < 256; level++) {
    weightBelow += histogram[level]!;
    if (weightBelow === 0) continue;
    const weightAbove = total - weightBelow;
    if (weightAbove === 0) break;
    sumBelow += level * histogram[level]!;
    const meanBelow = sumBelow / weightBelow;
    const meanAbove = (sumAll - sumBelow) / weightAbove;
    const variance = weightBelow * weightAbove * (meanBelow - meanAbove) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = level;
    }
  }
  return best;
}

interface Run {
  /** Row (horizontal) or column (vertical) in the deskewed pixel frame. */
  line: number;
  from: number;
  to: number;
}

/**
 * Runs of ink along every row (or column) of the deskewed frame, sampled along the skew so that a
 * slightly rotated border stays one run.
 */
function scanRuns(image: GreyImage, threshold: number, deskew: Deskew, vertical: boolean, minLength: number, maxGap: number): Run[] {
  const { width, height, pixels } = image;
  const lines = vertical ? width : height;
  const length = vertical ? height : width;
  const runs: Run[] = [];
  // A pixel either side of the path is accepted too: the measured skew is never exact, and over a
  // page-wide border an error of a thousandth drifts off a line two pixels thick.
  const isInk = (x: number, y: number): boolean => x >= 0 && x < width && y >= 0 && y < height && pixels[y * width + x]! <= threshold;
  for (let line = 0; line < lines; line++) {
    let start = -1;
    let lastInk = -1;
    for (let t = 0; t <= length; t++) {
      let ink = false;
      if (t < length) {
        const x = vertical ? Math.round(line - deskew.slope * (t - deskew.centreY)) : t;
        const y = vertical ? t : Math.round(line + deskew.slope * (t - deskew.centreX));
        ink = isInk(x, y) || (vertical ? isInk(x - 1, y) || isInk(x + 1, y) : isInk(x, y - 1) || isInk(x, y + 1));
      }
      if (ink) {
        if (start < 0 || t - lastInk > maxGap + 1) {
          if (start >= 0 && lastInk - start + 1 >= minLength) runs.push({ line, from: start, to: lastInk });
          start = t;
        }
        lastInk = t;
      }
    }
    if (start >= 0 && lastInk - start + 1 >= minLength) runs.push({ line, from: start, to: lastInk });
  }
  return runs;
}

/** Runs on neighbouring rows that overlap are one border drawn several pixels thick. */
function mergeRuns(runs: Run[], maxThickness: number): Array<{ at: number; from: number; to: number }> {
  const open: Array<{ first: number; last: number; from: number; to: number; sum: number; count: number }> = [];
  const done: typeof open = [];
  for (const run of runs) {
    for (let i = open.length - 1; i >= 0; i--) {
      if (open[i]!.last < run.line - 1) done.push(...open.splice(i, 1));
    }
    const target = open.find((group) => run.from <= group.to && run.to >= group.from);
    if (target) {
      target.last = run.line;
      target.from = Math.min(target.from, run.from);
      target.to = Math.max(target.to, run.to);
      target.sum += run.line;
      target.count++;
    } else {
      open.push({ first: run.line, last: run.line, from: run.from, to: run.to, sum: run.line, count: 1 });
    }
  }
  done.push(...open);
  return done
    .filter((group) => group.last - group.first + 1 <= maxThickness)
    .map((group) => ({ at: group.sum / group.count, from: group.from, to: group.to }));
}

/** The page's table borders in deskewed points, ready for the ruled-table finder. */
export function findRasterRules(image: GreyImage, dpi: number, deskew: Deskew): Rule[] {
  const pixelsPerPoint = dpi / 72;
  const threshold = Math.min(inkThreshold(image), 160);
  const maxGap = Math.max(1, Math.round(MAX_GAP_PT * pixelsPerPoint));
  // The one-pixel tolerance either side of the path widens every border by two rows.
  const maxThickness = Math.max(2, Math.round(MAX_THICKNESS_PT * pixelsPerPoint)) + 2;
  const rules: Rule[] = [];
  const horizontal = mergeRuns(scanRuns(image, threshold, deskew, false, MIN_HORIZONTAL_PT * pixelsPerPoint, maxGap), maxThickness);
  for (const rule of horizontal) {
    // Rows of the deskewed frame are image rows at the centre column; map both ends through the deskew.
    const start = deskewPoint(deskew, rule.from, rule.at + deskew.slope * (rule.from - deskew.centreX));
    const end = deskewPoint(deskew, rule.to, rule.at + deskew.slope * (rule.to - deskew.centreX));
    rules.push({ orientation: 'h', at: (start.y + end.y) / 2, from: start.x, to: end.x });
  }
  const vertical = mergeRuns(scanRuns(image, threshold, deskew, true, MIN_VERTICAL_PT * pixelsPerPoint, maxGap), maxThickness);
  for (const rule of vertical) {
    const start = deskewPoint(deskew, rule.at - deskew.slope * (rule.from - deskew.centreY), rule.from);
    const end = deskewPoint(deskew, rule.at - deskew.slope * (rule.to - deskew.centreY), rule.to);
    rules.push({ orientation: 'v', at: (start.x + end.x) / 2, from: start.y, to: end.y });
  }
  return rules;
}
