/**
 * The two places where a Vietnamese administrative document sets two independent texts side by
 * side (a borderless layout table in the source): the heading block (issuing body on the left,
 * "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" on the right) and the signature block ("Nơi nhận:" and its
 * list on the left, "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH" and the name on the right). Read line by line
 * they interleave ("- Phòng PC06; CHỦ TỊCH"); each side must be read on its own, left first.
 * Both are fixed by the national format for administrative documents, so they are recognised by
 * their wording rather than by geometry alone, which would also split real label/value tables.
 */
import { ASCENT, DESCENT, joinPieces, segmentsOf, type PdfLine, type TextPiece } from './lines.ts';
import { COLUMN_GAP_EM } from './tables.ts';

const LEFT_ANCHOR = /^Nơi nhận\s*:?/iu;
const RIGHT_ANCHOR = /^CỘNG H[OÒ]À\s+XÃ\s+HỘI/iu;

/** The gap between the two sides; smaller than a table's column gap would be unsafe. */
const SIDE_GAP_EM = 1.5;
/** Signature blocks leave room for the signature and stamp: several blank lines before the name. */
const SIGNATURE_MAX_PITCH_EM = 8;
/** The heading block is followed, after some space, by the centred title, which is not part of it. */
const HEADING_MAX_PITCH_EM = 2.5;

/** One side's part of a line, measured on its own pieces (the other side may use another size). */
function lineFrom(line: PdfLine, pieces: TextPiece[]): PdfLine {
  const { text, fontRuns } = joinPieces(pieces);
  const dominant = pieces.reduce((a, b) => (b.size > a.size ? b : a));
  return {
    ...line,
    pieces,
    text,
    fontRuns,
    x: pieces[0]!.x,
    xEnd: Math.max(...pieces.map((p) => p.xEnd)),
    y: dominant.y,
    size: dominant.size,
    top: Math.min(...pieces.map((p) => p.y - ASCENT * p.size)),
    bottom: Math.max(...pieces.map((p) => p.y + DESCENT * p.size)),
  };
}

export interface SideBySideResult {
  /** The page's lines with each side-by-side region rewritten as its left side, then its right. */
  lines: PdfLine[];
  /** Lines that must open a new block (the first line of each side). */
  breaksBefore: Set<PdfLine>;
  /** Every line (rewritten) that belongs to a side-by-side region. */
  regionLines: Set<PdfLine>;
}

type Side = 'left' | 'right' | 'across';

/**
 * How a segment of a line inside a region is assigned. The signature block's left side is
 * left-aligned ("Nơi nhận:" and its dashes all start at one x) while its right side is centred,
 * so the left edge decides. The heading block centres both sides in their halves, so the middle
 * of the gap on the anchor line decides. A segment that runs well into the other side is body text.
 */
function sideClassifier(kind: 'signature' | 'heading', anchor: TextPiece[][], size: number): (segment: TextPiece[]) => Side {
  const [leftAnchor, rightAnchor] = [anchor[0]!, anchor[1]!];
  if (kind === 'signature') {
    const leftX = leftAnchor[0]!.x;
    let rightMin = rightAnchor[0]!.x;
    return (segment) => {
      const x = segment[0]!.x;
      const xEnd = Math.max(...segment.map((p) => p.xEnd));
      if (x <= leftX + 2 * size) return xEnd > rightMin + 0.5 * size ? 'across' : 'left';
      rightMin = Math.min(rightMin, x);
      return 'right';
    };
  }
  const boundary = (Math.max(...leftAnchor.map((p) => p.xEnd)) + rightAnchor[0]!.x) / 2;
  return (segment) => {
    const x = segment[0]!.x;
    const xEnd = Math.max(...segment.map((p) => p.xEnd));
    if (x < boundary - 2 * size && xEnd > boundary + 2 * size) return 'across';
    return (x + xEnd) / 2 < boundary ? 'left' : 'right';
  };
}

/** Rewrites the page's side-by-side regions into reading order. Lines must be one page's, top-down. */
export function readSideBySide(lines: PdfLine[]): SideBySideResult {
  const out: PdfLine[] = [];
  const breaksBefore = new Set<PdfLine>();
  const regionLines = new Set<PdfLine>();
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const segments = segmentsOf(line, SIDE_GAP_EM);
    const signature = segments.length === 2 && LEFT_ANCHOR.test(joinPieces(segments[0]!).text);
    const heading = segments.length === 2 && RIGHT_ANCHOR.test(joinPieces(segments[1]!).text);
    if (!signature && !heading) {
      out.push(line);
      i++;
      continue;
    }
    const sideOf = sideClassifier(signature ? 'signature' : 'heading', segments, line.size);
    const left: PdfLine[] = [lineFrom(line, segments[0]!)];
    const right: PdfLine[] = [lineFrom(line, segments[1]!)];
    let previousY = line.y;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const next = lines[j]!;
      if (next.y - previousY > (signature ? SIGNATURE_MAX_PITCH_EM : HEADING_MAX_PITCH_EM) * next.size) break;
      const sides = segmentsOf(next, COLUMN_GAP_EM).map((segment) => ({ segment, side: sideOf(segment) }));
      // A line running across both sides is body text again: the region is over.
      if (sides.some((s) => s.side === 'across')) break;
      const leftPieces = sides.filter((s) => s.side === 'left').flatMap((s) => s.segment);
      const rightPieces = sides.filter((s) => s.side === 'right').flatMap((s) => s.segment);
      if (leftPieces.length > 0) left.push(lineFrom(next, leftPieces));
      if (rightPieces.length > 0) right.push(lineFrom(next, rightPieces));
      previousY = next.y;
    }
    breaksBefore.add(left[0]!);
    breaksBefore.add(right[0]!);
    out.push(...left, ...right);
    for (const part of [...left, ...right]) regionLines.add(part);
    i = j;
  }
  return { lines: out, breaksBefore, regionLines };
}
