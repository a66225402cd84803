/**
 * How Vietnamese administrative reports mark their structure in plain lines: Roman numerals for
 * parts ("I. KHÁI QUÁT"), arabic numbers for sections ("1.", "2.1."), "(1)" and "a)" for items,
 * "-" and "+" for bullets. Used where the format carries no structure of its own (TXT, and PDF
 * lines after layout analysis).
 */

const ROMAN_PART = /^(?:[IVX]{1,5})\s*[.:)]\s*\S/;
const NUMBERED_SECTION = /^\d{1,2}(?:\.\d{1,2}){0,3}(?:\.?\s+\S|\.(?=\p{Lu}))/u;
const PAREN_ITEM = /^\(\d{1,2}\)\s*\S/;
const LETTER_ITEM = /^[a-zđ]\)\s*\S/;
const DASH_ITEM = /^[-–—•]\s*\S/;
const PLUS_ITEM = /^\+\s*\S/;

/** Lines that begin a new statement whatever precedes them. */
export function beginsWithMarker(line: string): boolean {
  const text = line.trim();
  return (
    ROMAN_PART.test(text) ||
    NUMBERED_SECTION.test(text) ||
    PAREN_ITEM.test(text) ||
    LETTER_ITEM.test(text) ||
    DASH_ITEM.test(text) ||
    PLUS_ITEM.test(text)
  );
}

/**
 * A wrapped line continues its predecessor unless it begins with a marker or the predecessor ended a
 * sentence or announced a list (".", ":", ";", "!", "?"). A number at the start of a line after an
 * unfinished sentence ("… có 12 thôn với 5.388" / "hộ; 21.187 …") is a continuation, not a section,
 * so numbered markers only count after a finished line.
 */
export function startsNewBlock(previousLine: string, line: string): boolean {
  const previous = previousLine.trim();
  const text = line.trim();
  const previousEnded = /[.:;!?…]["”’)]?$/.test(previous);
  if (DASH_ITEM.test(text) || PLUS_ITEM.test(text) || PAREN_ITEM.test(text)) return true;
  if (previousEnded) return true;
  if (ROMAN_PART.test(text) && /^[IVX]{1,5}\.\s+\p{Lu}/u.test(text)) return true;
  // "2.1. Công tác …" or "2.Kết quả …" opens a section even after an unfinished line; a wrapped
  // thousands figure ("5.388") has three digits after its dot, a section number one or two.
  if (/^\d{1,2}\.(?:\d{1,2}\.?)*\s*\p{Lu}/u.test(text)) return true;
  return false;
}

export type LineShape =
  | { kind: 'heading'; level: number }
  | { kind: 'list-item'; level: number; marker: string; ordered: boolean }
  | { kind: 'paragraph' };

/** Heading or list item by its marker; long numbered sentences stay paragraphs of their section. */
export function classifyLine(text: string): LineShape {
  const trimmed = text.trim();
  // Section titles are short and are not sentences; "1. Xã … có 12 thôn …. Chính quyền …" is a paragraph.
  const looksLikeTitle = trimmed.length <= 120 && !/[;,]$/.test(trimmed) && !/\.\s+\p{Lu}/u.test(trimmed.slice(4));
  if (/^[IVX]{1,5}\.\s+\S/.test(trimmed) && trimmed.length <= 200) return { kind: 'heading', level: 1 };
  const numbered = /^(\d{1,2}(?:\.\d{1,2}){0,3})(?:\.?\s+\S|\.(?=\p{Lu}))/u.exec(trimmed);
  if (numbered && looksLikeTitle) {
    const depth = numbered[1]!.split('.').length;
    return { kind: 'heading', level: Math.min(depth + 1, 9) };
  }
  const dash = /^([-–—•])\s*/.exec(trimmed);
  if (dash) return { kind: 'list-item', level: 1, marker: dash[1]!, ordered: false };
  const plus = /^(\+)\s*/.exec(trimmed);
  if (plus) return { kind: 'list-item', level: 2, marker: '+', ordered: false };
  const paren = /^(\(\d{1,2}\)|[a-zđ]\))\s*/.exec(trimmed);
  if (paren) return { kind: 'list-item', level: 1, marker: paren[1]!, ordered: true };
  return { kind: 'paragraph' };
}
