import { describe, expect, it } from 'vitest';
import { findTextTables, tablesInParagraphs, type TextLine } from '../src/ingest/text-tables.ts';
import { readText } from '../src/ingest/text.ts';
import { readTableGrid } from '../src/extract/table-grid.ts';
import type { Block, SourceDocument, TableBlock } from '../src/model/index.ts';

/**
 * Tables typed as text become tables (src/ingest/text-tables.ts) — and lines that only look a little like
 * them stay prose: the detector must be conservative, since a wrong table loses a sentence's meaning.
 */
function linesOf(text: string): TextLine[] {
  return text.split('\n').map((line, index) => ({ text: line, line: index + 1 }));
}

function cells(text: string): string[][][] {
  const lines = linesOf(text);
  return findTextTables(lines).map((table) => table.rows.map((row) => row.cells.flatMap((cell) => [cell.text, ...Array.from({ length: cell.colSpan - 1 }, () => '«')])));
}

function txtBlocks(text: string): Block[] {
  return readText(new TextEncoder().encode(text), { path: 'x.txt', sha256: '0', bytes: text.length }).blocks;
}

describe('tables typed as text', () => {
  it('reads a header of labels over rows of numbers aligned with spaces (issue 17)', () => {
    expect(cells('Mức độ   Tổng số   Đúng hạn   Trễ hạn   Tỷ lệ\nMức 3   5120   4875   245   95,2%\nMức 4   2300   2290   10   99,6%')).toEqual([
      [
        ['Mức độ', 'Tổng số', 'Đúng hạn', 'Trễ hạn', 'Tỷ lệ'],
        ['Mức 3', '5120', '4875', '245', '95,2%'],
        ['Mức 4', '2300', '2290', '10', '99,6%'],
      ],
    ]);
  });

  it('ends a tabbed table at a sentence that happens to end with two numbers', () => {
    const text = 'Xã\tKhai sinh\tKhai tử\nXã An Phú\t348\t110\nXã An Hòa\t230\t89\nToàn huyện\t578\t199\nTỷ lệ hồ sơ khai sinh trên tổng số hồ sơ là 55,3% (578/1.045); ở nhóm thủ tục khai tử là 52,2% (199/381).';
    expect(cells(text)).toEqual([
      [
        ['Xã', 'Khai sinh', 'Khai tử'],
        ['Xã An Phú', '348', '110'],
        ['Xã An Hòa', '230', '89'],
        ['Toàn huyện', '578', '199'],
      ],
    ]);
  });

  it('splits rows typed with single spaces by the header\'s column count', () => {
    expect(cells('Mức độ   Tổng số   Đúng hạn   Trễ hạn   Tỷ lệ\nMức 3 5120 4875 245 95,2%\nMức 4 2300 2290 10 99,6%')[0]![1]).toEqual(['Mức 3', '5120', '4875', '245', '95,2%']);
  });

  it('reads pipe rows, with or without a separator line, and keeps empty cells', () => {
    expect(cells('| 1 | Đăng ký thường trú | 46 | 46 |\n| 2 | Đăng ký tạm trú | 89 |  |')).toEqual([
      [
        ['1', 'Đăng ký thường trú', '46', '46'],
        ['2', 'Đăng ký tạm trú', '89', ''],
      ],
    ]);
    const withHeader = findTextTables(linesOf('| Thủ tục | Tiếp nhận |\n|---|---|\n| Thường trú | 31 |\n| Tạm trú | 89 |'))[0]!;
    expect(withHeader.rows.map((row) => row.header)).toEqual([true, false, false]);
  });

  it('reads tab-separated rows, where a tab more is an empty cell', () => {
    expect(cells('Quý\tTiếp nhận\tTrực tuyến\nQuý I\t1702\t\nQuý II\t1893\t1748')).toEqual([
      [
        ['Quý', 'Tiếp nhận', 'Trực tuyến'],
        ['Quý I', '1702', ''],
        ['Quý II', '1893', '1748'],
      ],
    ]);
  });

  it('places a group label over the columns it stands above, which the table reader spreads', () => {
    const blocks = txtBlocks('Quý      Hồ sơ tiếp nhận                  Kết quả\n         Tổng số   Trực tuyến   Trực tiếp   Đúng hạn\nQuý I    1.702     1.561        141         1.690\nQuý II   1.893     1.748        145         1.884');
    const grid = readTableGrid(blocks[0] as TableBlock);
    expect(grid.columnHeaders).toEqual(['Quý', 'Hồ sơ tiếp nhận Tổng số', 'Hồ sơ tiếp nhận Trực tuyến', 'Hồ sơ tiếp nhận Trực tiếp', 'Kết quả Đúng hạn']);
  });

  it('joins a header label a narrow column wrapped over lines of one word each (a Word table copied as tabs)', () => {
    const blocks = txtBlocks('Thủ tục\tTiếp\tTrực\tĐã giải\tĐang\n\tnhận\ttuyến\tquyết\tgiải\n\t\t\t\tquyết\nĐăng ký thường trú\t18\t18\t17\t1\nĐăng ký tạm trú\t11\t11\t11\t0');
    const grid = readTableGrid(blocks[0] as TableBlock);
    expect(grid.columnHeaders).toEqual(['Thủ tục', 'Tiếp nhận', 'Trực tuyến', 'Đã giải quyết', 'Đang giải quyết']);
  });

  it.each([
    ['a table of contents', 'I. Tình hình chung\t3\nII. Kết quả thực hiện\t5\nIII. Phương hướng\t9'],
    ['a list set with tabs', '1.\tĐăng ký thường trú 31 hồ sơ\n2.\tĐăng ký tạm trú 89 hồ sơ\n3.\tKhai báo tạm vắng 0 hồ sơ'],
    ['a letterhead set with tabs', 'ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ AN HÒA\t\tĐộc lập - Tự do - Hạnh phúc\nSố: 125/BC-UBND\t\tAn Hòa, ngày 05 tháng 9 năm 2025'],
    ['label-value lines with a double space', '- Tổng số nhiệm vụ được giao:  35;\n- Tổng số nhiệm vụ đã hoàn thành:  16;'],
    ['one row only', 'Mức độ   Tổng số   Đúng hạn\nMức 3   5120   4875'],
    ['prose with a pipe', 'Truy cập dichvucong.gov.vn | Cổng dịch vụ công quốc gia: 1.412 hồ sơ | 100%'],
  ])('leaves %s as text', (_name, text) => {
    expect(cells(text)).toEqual([]);
  });

  it('makes a TableBlock of a text file\'s table and keeps the prose around it', () => {
    const blocks = txtBlocks('Kết quả tiếp nhận hồ sơ như sau:\n| Thủ tục | Tiếp nhận |\n| Thường trú | 31 |\n| Tạm trú | 89 |\nTrên đây là báo cáo.');
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    const table = blocks[1] as TableBlock;
    expect(table.rows.map((row) => row.location.line)).toEqual([2, 3, 4]);
    expect(table.rows[2]!.cells.map((cell) => cell.text)).toEqual(['Tạm trú', '89']);
  });

  it('splits a paragraph block (a PDF\'s wrapped lines) where a table starts, keeping pages, lines and fonts', () => {
    // A PDF paragraph rebuilt from five lines: prose, three pipe rows, prose.
    const lines = ['Kết quả như sau:', '| Thủ tục | Tiếp nhận |', '| Thường trú | 31 |', '| Tạm trú | 89 |', 'Hết.'];
    const text = lines.join(' ');
    const starts = lines.map((_, k) => lines.slice(0, k).reduce((sum, line) => sum + line.length + 1, 0));
    const document: SourceDocument = {
      source: { path: 'x.pdf', format: 'pdf', sha256: '0', bytes: 0, pages: 1 },
      notes: [],
      blocks: [
        {
          kind: 'paragraph',
          text,
          location: { page: 2, line: 7 },
          lineStarts: starts.map((start, k) => ({ start, page: 2, line: 7 + k })),
          fontSpans: [{ start: 0, end: text.length, font: 'Times' }],
        },
      ],
    };
    const blocks = tablesInParagraphs(document).blocks;
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(blocks[0]).toMatchObject({ text: 'Kết quả như sau:', location: { page: 2, line: 7 } });
    const table = blocks[1] as TableBlock;
    expect(table.rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([['Thủ tục', 'Tiếp nhận'], ['Thường trú', '31'], ['Tạm trú', '89']]);
    expect(table.rows[2]!.cells[1]).toMatchObject({ location: { page: 2, line: 10 }, fontSpans: [{ start: 0, end: 2, font: 'Times' }] });
    expect(blocks[2]).toMatchObject({ text: 'Hết.', location: { page: 2, line: 11 } });
  });
});
