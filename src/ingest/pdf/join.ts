/**
 * Joins the lines of a wrapped paragraph (or table cell) back into one string, keeping where each
 * line starts so any offset maps back to its page and line.
 */
import type { FontRun } from './lines.ts';

export interface LinePart {
  text: string;
  page: number;
  line: number;
  fontRuns: FontRun[];
}

export interface JoinedText {
  text: string;
  lineStarts: { start: number; page: number; line: number }[];
  fontRuns: FontRun[];
}

/**
 * A hyphen right after a letter or digit, ending the line. U+00AD is deliberately not one: in
 * TCVN3 text that byte is the letter "ư", and a line ending in "nh\u00AD" is "như".
 */
const TRAILING_HYPHEN = /[\p{L}\p{N}][-\u2010]$/u;

/**
 * How two lines meet. A word split by hyphenation ("inter-" / "operability") loses its hyphen.
 * A compound or code broken at its own hyphen ("UBND-" / "KSTT", "2022-" / "2025") keeps the
 * hyphen but no space. A free-standing dash ("2022 -" / "2025") is punctuation: one space.
 */
export function lineJoint(previous: string, next: string): { dropLast: boolean; separator: string } {
  if (TRAILING_HYPHEN.test(previous) && next.length > 0) {
    if (/^\p{Ll}/u.test(next) && /\p{L}.$/u.test(previous)) return { dropLast: true, separator: '' };
    if (/^[\p{L}\p{N}]/u.test(next)) return { dropLast: false, separator: '' };
  }
  return { dropLast: false, separator: ' ' };
}

export function joinParts(parts: LinePart[]): JoinedText {
  let text = '';
  const lineStarts: JoinedText['lineStarts'] = [];
  const fontRuns: FontRun[] = [];
  for (const part of parts) {
    if (part.text.length === 0) continue;
    if (text.length > 0) {
      const joint = lineJoint(text, part.text);
      if (joint.dropLast) {
        text = text.slice(0, -1);
        const last = fontRuns[fontRuns.length - 1];
        if (last) last.end = Math.min(last.end, text.length);
      }
      text += joint.separator;
    }
    const start = text.length;
    lineStarts.push({ start, page: part.page, line: part.line });
    text += part.text;
    for (const run of part.fontRuns) {
      const last = fontRuns[fontRuns.length - 1];
      const runStart = start + run.start;
      if (last && last.fontId === run.fontId && runStart - last.end <= 1) last.end = start + run.end;
      else fontRuns.push({ start: runStart, end: start + run.end, fontId: run.fontId });
    }
  }
  return { text, lineStarts, fontRuns: fontRuns.filter((run) => run.end > run.start) };
}
