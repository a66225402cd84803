import type { Block, Document } from '../../src/model/index.ts';

/**
 * A small Document for rule examples: optional section labels (a "- …:" label becomes a list item, anything
 * else a heading), then the example text as a paragraph — the same shapes ingest produces from real files.
 */
export function documentFromText(text: string, headings: readonly string[] = []): Document {
  const blocks: Block[] = headings.map((heading, index) =>
    /^[-+]\s/.test(heading)
      ? { kind: 'list-item', level: 1, marker: heading[0]!, ordered: false, text: heading, location: { line: index + 1 } }
      : { kind: 'heading', level: index + 1, text: heading, location: { line: index + 1 } },
  );
  blocks.push({ kind: 'paragraph', text, location: { line: headings.length + 1 } });
  return {
    source: { path: 'example.txt', format: 'txt', sha256: '0'.repeat(64), bytes: text.length },
    blocks,
    notes: [],
    repairs: [],
  };
}
