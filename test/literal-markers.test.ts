import { describe, expect, it } from 'vitest';
import { checkDocument } from '../src/check/index.ts';
import { extractFigures } from '../src/extract/index.ts';
import type { Block, Document } from '../src/model/index.ts';

/**
 * Many DOCX reports type "- " and "+ " by hand instead of using Word lists, so mammoth gives paragraphs,
 * not list items. Their outline must be read from the typed markers, as it is for text and PDF lines;
 * otherwise the parts below a "Trong đó:" line are never linked to their total and a wrong sum goes unseen.
 */
function paragraphs(lines: string[]): Document {
  const blocks: Block[] = lines.map((text, index) => ({ kind: 'paragraph', text, location: { line: index + 1 } }));
  return { source: { path: 'typed.docx', format: 'docx', sha256: '0'.repeat(64), bytes: 0 }, blocks, notes: [], repairs: [] };
}

describe('paragraphs with typed list markers', () => {
  const lines = [
    '- Tổng số hồ sơ tiếp nhận: 297 hồ sơ',
    '+ 11 hồ sơ bị trả lại do thiếu giấy tờ',
    '+ 286 hồ sơ đã trả kết quả đúng thời hạn',
    '- Trong đó:',
    '- Đăng ký thường trú:',
    'Tiếp nhận: 109 hồ sơ',
    '- Đăng ký tạm trú:',
    'Tiếp nhận: 177 hồ sơ',
  ];

  it('link the parts by procedure after "- Trong đó:" to their total, with their procedures', () => {
    const figures = extractFigures(paragraphs(lines));
    const total = figures.find((figure) => figure.value === 297)!;
    const parts = figures.filter((figure) => figure.parentId === total.id && figure.metric === 'dossiers.received');
    expect(parts.map((figure) => [figure.value, figure.procedure])).toEqual([
      [109, 'thuong-tru'],
      [177, 'tam-tru'],
    ]);
  });

  it('so a breakdown that falls short of its total is flagged', () => {
    const document = paragraphs(lines);
    const findings = checkDocument({ file: 'typed.docx', document, figures: extractFigures(document) });
    expect(findings.map((finding) => [finding.rule, finding.values])).toEqual([['sum-mismatch', [297, 109, 177]]]);
  });
});

describe('paragraphs typed "a)", "b)" (a PDF keeps them as text)', () => {
  const lines = [
    'a) Thu nhận hồ sơ cấp Căn cước: 150 hồ sơ, trong đó:',
    '- Công dân từ đủ 14 tuổi trở lên: 110 hồ sơ',
    '- Trẻ em dưới 14 tuổi: 40 hồ sơ',
    'b) Làm sạch dữ liệu dân cư: trong tháng cập nhật, chỉnh sửa 35 trường hợp.',
  ];

  it('close the breakdown of the item before: the next letter is no part of its total', () => {
    const figures = extractFigures(paragraphs(lines));
    const total = figures.find((figure) => figure.value === 150)!;
    const quantities = figures.filter((figure) => figure.parentId === total.id);
    expect(quantities.map((figure) => figure.value)).toEqual([110, 40]);
    const document = paragraphs(lines);
    expect(checkDocument({ file: 'typed.pdf', document, figures: extractFigures(document) })).toEqual([]);
  });
});
