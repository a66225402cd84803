import type { Block, Document, SourceDocument, TableBlock } from '../model/index.ts';
import { readText } from '../ingest/text.ts';
import { normalizeDocument } from '../normalize/vietnamese.ts';

/**
 * A check case's report snippet as a Document, read the way a .txt report is: lines of prose and "-"/"+"
 * items through the text reader, and runs of lines starting with "|" as a table (cells split on "|").
 * Lives beside the checks because every rule's `valid`/`invalid` cases are written in it.
 */
export function documentFromReportText(text: string): Document {
  const blocks: Block[] = [];
  const lines = text.split('\n');
  let index = 0;
  let lineNumber = 1;
  while (index < lines.length) {
    if (lines[index]!.trimStart().startsWith('|')) {
      const table: TableBlock = { kind: 'table', rows: [], location: { line: lineNumber } };
      while (index < lines.length && lines[index]!.trimStart().startsWith('|')) {
        const cells = lines[index]!.trim().replace(/^\|/u, '').split('|').map((cell) => cell.trim());
        table.rows.push({ header: false, location: { line: lineNumber }, cells: cells.map((cell) => ({ text: cell, colSpan: 1, rowSpan: 1, location: { line: lineNumber } })) });
        index++;
        lineNumber++;
      }
      blocks.push(table);
      continue;
    }
    const prose: string[] = [];
    const firstLine = lineNumber;
    while (index < lines.length && !lines[index]!.trimStart().startsWith('|')) {
      prose.push(lines[index]!);
      index++;
      lineNumber++;
    }
    if (prose.join('').trim() === '') continue;
    const read = readText(new TextEncoder().encode(prose.join('\n')), { path: 'case.txt', sha256: '0'.repeat(64), bytes: 0 });
    for (const block of read.blocks) blocks.push(shiftLines(block, firstLine - 1));
  }
  const source: SourceDocument = { source: { path: 'case.txt', format: 'txt', sha256: '0'.repeat(64), bytes: text.length }, blocks, notes: [] };
  return normalizeDocument(source);
}

function shiftLines(block: Block, by: number): Block {
  if (block.kind === 'table' || by === 0) return block;
  return {
    ...block,
    location: { ...block.location, line: block.location.line + by, ...(block.location.endLine ? { endLine: block.location.endLine + by } : {}) },
    ...(block.lineStarts ? { lineStarts: block.lineStarts.map((start) => ({ ...start, line: start.line + by })) } : {}),
  };
}
