/**
 * Running headers, footers and page numbers: printed on every page, part of no sentence. Left
 * in, "Trang 5" or a bare "5" lands in the middle of a paragraph that crosses the page break and
 * becomes a figure.
 */
import type { PdfLine } from './lines.ts';

export interface PageLines {
  page: number;
  height: number;
  lines: PdfLine[];
}

/** Share of the page height at the top and at the bottom where headers and footers live. */
const BAND = 0.12;
/** Only this many lines from the top (or bottom) of a page can be running text. */
const MAX_RUNNING_LINES = 3;
/** Text (digits masked) must recur on at least this share of the pages, and on two at least. */
const RECURRENCE = 0.5;

/** "5", "- 5 -", "– 5 –", "Trang 5", "trang 5/9", "5/9", "5 / 9", "Page 5 of 9", "[5]". */
const PAGE_NUMBER = /^(?:(?:trang|page|tr\.)\s*)?[-–—[(]?\s*\d{1,3}\s*[-–—\])]?(?:\s*(?:\/|of|trên)\s*\d{1,3})?$/iu;

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

function runningKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** Lines that could be running text on their page: within the band and the first/last few lines. */
function edgeLines(page: PageLines): PdfLine[] {
  const top = page.lines.slice(0, MAX_RUNNING_LINES).filter((line) => line.bottom <= page.height * BAND);
  const bottom = page.lines.slice(-MAX_RUNNING_LINES).filter((line) => line.top >= page.height * (1 - BAND));
  return [...new Set([...top, ...bottom])];
}

/**
 * A running line sits at the same height on every page; body lines that happen to read alike
 * once digits are masked ("Tiếp nhận: 31 hồ sơ") do not.
 */
const SAME_POSITION = 3;

/** Returns the lines to drop, across all pages. */
export function findRunningText(pages: PageLines[]): Set<PdfLine> {
  const candidatesByKey = new Map<string, PdfLine[]>();
  for (const page of pages) {
    for (const line of edgeLines(page)) {
      const key = runningKey(line.text);
      if (key.length === 0) continue;
      const group = candidatesByKey.get(key) ?? [];
      group.push(line);
      candidatesByKey.set(key, group);
    }
  }
  const pagesWithText = pages.filter((page) => page.lines.length > 0).length;
  const needed = Math.max(2, Math.ceil(RECURRENCE * pagesWithText));
  const running = new Set<PdfLine>();
  for (const group of candidatesByKey.values()) {
    if (group.length < needed) continue;
    const ys = group.map((line) => line.y).sort((a, b) => a - b);
    const medianY = ys[Math.floor(ys.length / 2)]!;
    const aligned = group.filter((line) => Math.abs(line.y - medianY) <= SAME_POSITION);
    if (new Set(aligned.map((line) => line.page)).size >= needed) for (const line of aligned) running.add(line);
  }
  for (const page of pages) {
    for (const line of edgeLines(page)) if (isPageNumber(line.text)) running.add(line);
  }
  return running;
}
