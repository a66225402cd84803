import type { Evidence, Finding } from './finding.ts';
import type { Figure } from './figure.ts';

/**
 * What a quote may be. Evidence is there so an auditor can find the sentence in the report; it is not a
 * copy of the report. Every figure used to carry its whole paragraph, so outputs grew with figures ×
 * paragraph length: one 25 KB line of figures gave 110 MB of outputs, a 100 KB line none at all
 * ("Invalid string length"). These caps are part of the contract (docs/contract.md).
 */
export const EVIDENCE_LIMITS = {
  /** Characters of one quote, the "…" marks included: the paragraph when it is this short, else its sentence, else a window. */
  quoteChars: 300,
  /** Quotes one finding carries; they come in the order the check gave them (the figures it is about first). */
  quotesPerFinding: 10,
  /**
   * Characters of evidence one file carries, findings first, then figures. Past it, a figure's evidence is
   * its own raw text and a finding keeps its first quote, cut to `quoteCharsPastBudget`. A real report
   * (60 pages, ~1,500 figures) uses a third of it.
   */
  charsPerFile: 1_000_000,
  quoteCharsPastBudget: 80,
} as const;

/**
 * A list marker at the very start of a paragraph: "- ", "+ ", "* ", "• ", "– ", "a) ", "1. ", "1) ", "(1) ", "(a) ".
 * It is layout, not part of the sentence an auditor reads (and in a spreadsheet "- " or "+ " forces a
 * leading apostrophe against formula injection).
 */
const LIST_MARKER = /^\s*(?:[-+*•–—▪●○◦]|\(?(?:\d{1,3}|[a-zđ])\)|\d{1,3}\.)\s+/u;

/** The length of the list marker (and the spaces around it) that opens `text`, or 0. */
export function listMarkerLength(text: string): number {
  return LIST_MARKER.exec(text)?.[0].length ?? 0;
}

/** A sentence ends at ".", ";", "!", "?" or "…" followed by a space (a decimal point is not), or at a line break. */
function endsSentence(text: string, index: number): boolean {
  const character = text[index]!;
  if (character === '\n') return true;
  return (character === '.' || character === ';' || character === '!' || character === '?' || character === '…') && /\s/u.test(text[index + 1] ?? ' ');
}

export interface Quote {
  quote: string;
  /** Offset in `text` of the quote's first character after a leading "…" (quote[i + (cutBefore ? 1 : 0)] is text[offset + i]). */
  offset: number;
  /** True when the quote starts with "…" because text before it was left out. */
  cutBefore: boolean;
}

/**
 * The one function that makes evidence quotes: the part of `text` (a paragraph, a table row) that an
 * auditor needs to find `text.slice(start, end)` (the number and its noun) — the whole paragraph when it
 * is short, else the sentence holding the number, else at most `limit` characters around it cut at
 * spaces, with "…" where text was left out; never the list marker that opens the paragraph. It looks at
 * no more than about `limit` characters on either side of the number, so a line of a million characters
 * costs what a short one does.
 */
export function quoteAround(text: string, start: number, end: number, limit: number = EVIDENCE_LIMITS.quoteChars): Quote {
  start = clamp(start, 0, text.length);
  end = clamp(Math.max(start, end), 0, text.length);
  const marker = listMarkerLength(text);
  // The number itself may sit inside what looks like a marker ("1. " as a figure is rare, but keep it whole).
  const floor = start >= marker ? marker : 0;
  if (end - start >= limit) return { quote: `${text.slice(start, start + limit - 1)}…`, offset: start, cutBefore: false };

  if (text.length - floor <= limit) return trimmed(text, floor, text.length, false, false);

  // The sentence: back to the end of the previous one, forward to the end of this one, each within the limit.
  const lookBackTo = Math.max(floor, start - limit);
  let sentenceStart = lookBackTo === floor ? floor : -1;
  for (let index = start - 1; index >= lookBackTo; index--) {
    if (endsSentence(text, index)) {
      sentenceStart = index + 1;
      break;
    }
  }
  const lookAheadTo = Math.min(text.length, start + limit + 1);
  let sentenceEnd = lookAheadTo === text.length ? text.length : -1;
  for (let index = end; index < lookAheadTo; index++) {
    if (endsSentence(text, index)) {
      sentenceEnd = text[index] === '\n' ? index : index + 1;
      break;
    }
  }
  if (sentenceStart >= 0 && sentenceEnd >= 0) {
    const from = skipSpaces(text, sentenceStart);
    if (sentenceEnd - from <= limit) return trimmed(text, from, sentenceEnd, false, false);
  }

  // A window centred on the number, cut at spaces.
  const room = limit - 2 - (end - start);
  let from = Math.max(floor, start - Math.floor(room / 2));
  let to = Math.min(text.length, end + (room - (start - from)));
  from = Math.max(floor, start - (room - (to - end)));
  if (from > floor) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > end) to = space;
  }
  return trimmed(text, from, to, from > floor, to < text.length);
}

function trimmed(text: string, from: number, to: number, cutBefore: boolean, cutAfter: boolean): Quote {
  const raw = text.slice(from, to);
  const leading = raw.length - raw.trimStart().length;
  const body = raw.trim();
  return { quote: `${cutBefore ? '…' : ''}${body}${cutAfter ? '…' : ''}`, offset: from + leading, cutBefore };
}

function skipSpaces(text: string, from: number): number {
  while (from < text.length && /\s/u.test(text[from]!)) from++;
  return from;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/**
 * A figure's evidence as the extraction made it (its paragraph or table row) turned into its quote. The
 * location's start/end are offsets into the paragraph (or into the table cell, whose row is the evidence):
 * when they point at the raw text the window is centred there, else on the first occurrence of the raw
 * text at or after them, looked for no further than 64 KB.
 */
export function figureQuote(figure: Pick<Figure, 'evidence' | 'raw' | 'location'>, limit: number = EVIDENCE_LIMITS.quoteChars): string {
  const { evidence, raw } = figure;
  const start = figure.location.start ?? 0;
  const end = figure.location.end ?? start + raw.length;
  if (evidence.length <= limit && listMarkerLength(evidence) === 0) return evidence.trim();
  let at = evidence.slice(start, end).trim() === raw ? start : -1;
  if (at < 0 && raw !== '') {
    // A table cell's offsets are into the cell; the cell sits at or after them in its row.
    const found = evidence.slice(start, start + 65_536 + raw.length).indexOf(raw);
    at = found >= 0 ? start + found : evidence.slice(0, 65_536).indexOf(raw);
  }
  if (at < 0) return quoteAround(evidence, 0, 0, limit).quote;
  return quoteAround(evidence, at, at + raw.length, limit).quote;
}

/**
 * Figures (and the other counted quantities) with their evidence bounded to a quote: what the checks and every
 * output see. In place, because extraction hands out the same objects in several lists (figures, quantities).
 */
export function quoteEvidenceInPlace(figures: ReadonlyArray<Pick<Figure, 'evidence' | 'raw' | 'location'>>): void {
  for (const figure of figures) figure.evidence = figureQuote(figure);
}

/**
 * The per-finding and per-file caps, applied to one file's findings and figures once the checks have run:
 * each quote at most `quoteChars` (without a list marker), each finding at most `quotesPerFinding` quotes,
 * and at most `charsPerFile` characters of evidence in all, findings first.
 */
export function boundFileEvidence<F extends Pick<Finding, 'evidence'>, G extends Pick<Figure, 'evidence' | 'raw'>>(
  findings: readonly F[],
  figures: readonly G[],
): { findings: F[]; figures: G[] } {
  let budget: number = EVIDENCE_LIMITS.charsPerFile;
  const boundedFindings = findings.map((finding) => {
    let evidence: Evidence[] = finding.evidence.slice(0, EVIDENCE_LIMITS.quotesPerFinding).map((item) => ({ ...item, quote: boundQuote(item.quote) }));
    const size = evidence.reduce((sum, item) => sum + item.quote.length, 0);
    if (size > budget) {
      evidence = evidence.slice(0, 1).map((item) => ({ ...item, quote: boundQuote(item.quote, EVIDENCE_LIMITS.quoteCharsPastBudget) }));
    }
    budget = Math.max(0, budget - evidence.reduce((sum, item) => sum + item.quote.length, 0));
    const unchanged = evidence.length === finding.evidence.length && evidence.every((item, index) => item.quote === finding.evidence[index]!.quote);
    return unchanged ? finding : { ...finding, evidence };
  });
  const boundedFigures = figures.map((figure) => {
    let evidence = figure.evidence.length > EVIDENCE_LIMITS.quoteChars || listMarkerLength(figure.evidence) > 0 ? boundQuote(figure.evidence) : figure.evidence;
    if (evidence.length > budget) evidence = boundQuote(figure.raw);
    budget = Math.max(0, budget - evidence.length);
    return evidence === figure.evidence ? figure : { ...figure, evidence };
  });
  return { findings: boundedFindings, figures: boundedFigures };
}

/** A quote of unknown focus: without its list marker, cut at `limit` characters. */
function boundQuote(quote: string, limit: number = EVIDENCE_LIMITS.quoteChars): string {
  const body = quote.slice(listMarkerLength(quote)).trim();
  return body.length <= limit ? body : `${body.slice(0, limit - 1)}…`;
}
