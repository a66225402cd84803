import { describe, expect, it } from 'vitest';
import type { Block, Document } from '../src/model/index.ts';
import { extractQuantities } from '../src/extract/index.ts';
import { checkDocument } from '../src/check/index.ts';

/**
 * The outline as a PDF reader hands it over, where numbered lines ending in "." are paragraphs and "a)" items are
 * paragraphs with a typed marker (fixtures/corpus c07.a.pdf): which total a list belongs to must not depend on it.
 */
interface BlockDraft {
  kind: 'heading' | 'paragraph' | 'list-item';
  text: string;
  level?: number;
  marker?: string;
}

function documentOf(blocks: BlockDraft[]): Document {
  return {
    source: { path: 'bao-cao.pdf', format: 'pdf', sha256: '0'.repeat(64), bytes: 1 },
    blocks: blocks.map((block, index) => ({ ...block, location: { line: index + 1, page: 1 } }) as Block),
    notes: [],
    repairs: [],
  };
}

function sumFindings(document: Document) {
  const { figures, quantities } = extractQuantities(document, {});
  return checkDocument({ file: 'bao-cao.pdf', document, figures, quantities }).filter((finding) => finding.rule === 'sum-mismatch' || finding.rule === 'part-exceeds-whole');
}

describe('a list announced by a line of its own', () => {
  const fields: BlockDraft[] = [
    { kind: 'heading', level: 2, text: '2. Tiếp nhận, giải quyết thủ tục hành chính' },
    { kind: 'heading', level: 2, text: '1. Lĩnh vực cư trú: 65 hồ sơ, gồm:' },
    { kind: 'paragraph', text: 'a) Đăng ký thường trú: 27 hồ sơ;' },
    { kind: 'paragraph', text: 'b) Đăng ký tạm trú: 36 hồ sơ;' },
    { kind: 'paragraph', text: 'c) Khai báo tạm vắng: 02 hồ sơ.' },
    { kind: 'paragraph', text: '2. Các lĩnh vực khác: 40 hồ sơ.' },
  ];

  it('belongs to that line, not to the total whose parts came before it', () => {
    const document = documentOf([
      ...fields,
      { kind: 'paragraph', text: 'Tình hình giải quyết:' },
      { kind: 'list-item', level: 1, marker: '-', text: '- Đã giải quyết 98 hồ sơ, trong đó đúng hạn 97 hồ sơ, trễ hạn 01 hồ sơ.' },
      { kind: 'list-item', level: 1, marker: '-', text: '- Đang giải quyết: 07 hồ sơ.' },
    ]);
    expect(sumFindings(document)).toEqual([]);
  });

  it('still lets the announced parts be checked against their total', () => {
    const document = documentOf([...fields.slice(0, 4), { kind: 'paragraph', text: 'c) Khai báo tạm vắng: 05 hồ sơ.' }]);
    expect(sumFindings(document).map((finding) => finding.values)).toEqual([[65, 27, 36, 5]]);
  });
});
