import { diffChars } from 'diff';
import type { Document } from '../../src/model/index.ts';

/** The document's text in reading order: blocks one after another, tables row by row, cell by cell. */
export function documentText(document: Document): string {
  const parts: string[] = [];
  for (const block of document.blocks) {
    if (block.kind === 'table') {
      for (const row of block.rows) for (const cell of row.cells) parts.push(cell.text);
    } else {
      parts.push(block.text);
    }
  }
  return parts.join(' ');
}

/** Whitespace folded to single spaces: line wrapping and paragraphing are layout, not text. */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * Character similarity in [0, 1]: 2·(characters in common) / (length of both), the common characters
 * found by a Myers diff (the same measure as difflib's ratio). 0.99 allows ~1 stray character in 100.
 */
export function characterSimilarity(expected: string, actual: string): number {
  if (expected.length + actual.length === 0) return 1;
  let common = 0;
  for (const part of diffChars(expected, actual)) if (!part.added && !part.removed) common += part.value.length;
  return (2 * common) / (expected.length + actual.length);
}

/** The first few places where two texts differ, for a failure message a person can act on. */
export function firstDifferences(expected: string, actual: string, limit = 5): string[] {
  const differences: string[] = [];
  let context = '';
  for (const part of diffChars(expected, actual)) {
    if (part.added || part.removed) {
      differences.push(`${part.added ? '+' : '-'}«${part.value.slice(0, 80)}» after «${context.slice(-40)}»`);
      if (differences.length >= limit) break;
    } else {
      context = part.value;
    }
  }
  return differences;
}
