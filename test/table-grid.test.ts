import { describe, expect, it } from 'vitest';
import { cellLinks, rateOf, readTableGrid } from '../src/extract/table-grid.ts';
import { extractFigures } from '../src/extract/index.ts';
import type { Document, TableBlock } from '../src/model/index.ts';

/** The table reader's structure, on tables written as rows of cell texts ("" an empty cell). */
function table(rows: string[][], spans: Record<string, { colSpan?: number; rowSpan?: number }> = {}): TableBlock {
  return {
    kind: 'table',
    location: { line: 1 },
    rows: rows.map((cells, r) => ({
      header: false,
      location: { line: r + 1 },
      cells: cells.map((text, c) => ({ text, colSpan: spans[`${r},${c}`]?.colSpan ?? 1, rowSpan: spans[`${r},${c}`]?.rowSpan ?? 1, location: { line: r + 1 } })),
    })),
  };
}

describe('the table grid', () => {
  it('counts columns under cells merged down from the rows above, and joins multi-row headers', () => {
    const grid = readTableGrid(
      table(
        [
          ['Quý', 'Hồ sơ tiếp nhận', 'Kết quả'],
          ['Tổng số', 'Trực tuyến', 'Đúng hạn'],
          ['Quý I', '100', '90', '95'],
        ],
        { '0,0': { rowSpan: 2 }, '0,1': { colSpan: 2 } },
      ),
    );
    expect(grid.bodyStart).toBe(2);
    expect(grid.columnHeaders).toEqual(['Quý', 'Hồ sơ tiếp nhận Tổng số', 'Hồ sơ tiếp nhận Trực tuyến', 'Kết quả Đúng hạn']);
    expect(grid.groups).toEqual([0, 1, 1, 3]);
  });

  it('reads a header repeated where the table runs onto the next page as a header, not as a total row', () => {
    const grid = readTableGrid(
      table([
        ['Lĩnh vực', 'Tổng số', 'Trực tuyến'],
        ['Hộ tịch', '108', '103'],
        ['Lĩnh vực', 'Tổng số', 'Trực tuyến'],
        ['Chứng thực', '147', '121'],
        ['Tổng cộng', '255', '224'],
      ]),
    );
    expect(grid.roles).toEqual(['header', 'data', 'header', 'data', 'data']);
    expect([...grid.totalRows]).toEqual([4]);
    expect(grid.columnTotalOf.get(1)).toBe(4);
    expect(grid.columnTotalOf.get(3)).toBe(4);
  });

  it('takes a unit row and a column-number row apart from the headers', () => {
    const grid = readTableGrid(table([['Đơn vị tính: hồ sơ'], ['Thủ tục', 'Tiếp nhận'], ['(1)', '(2)', '(3)'], ['Thường trú', '31'], ['Tạm trú', '89']]));
    expect(grid.unit).toBe('hồ sơ');
    expect(grid.roles.slice(0, 3)).toEqual(['unit', 'header', 'column-numbers']);
    expect(grid.columnHeaders.slice(0, 2)).toEqual(['Thủ tục', 'Tiếp nhận']);
  });

  it('links details to the total below them, or to a total that opens its block; subtotals to the grand total', () => {
    const grid = readTableGrid(
      table([
        ['Đơn vị', 'Tiếp nhận'],
        ['Xã A', '10'],
        ['Xã B', '20'],
        ['Cộng', '30'],
        ['Xã C', '5'],
        ['Cộng', '5'],
        ['Tổng cộng', '35'],
      ]),
    );
    expect([1, 2, 3, 4, 5, 6].map((r) => cellLinks(grid, r, 1).columnTotalRow)).toEqual([3, 3, 6, 5, 6, undefined]);
    const opening = readTableGrid(table([['Thủ tục', 'Tiếp nhận'], ['Tổng số', '120'], ['Thường trú', '31'], ['Tạm trú', '89']]));
    expect([2, 3].map((r) => cellLinks(opening, r, 1).columnTotalRow)).toEqual([1, 1]);
  });

  it('reads a "Tổng số" column as the total of the columns after it, and a rate column as the rate of two of them', () => {
    const grid = readTableGrid(table([['Mức độ', 'Tổng số', 'Đúng hạn', 'Trễ hạn', 'Tỷ lệ'], ['Mức 3', '5120', '4875', '245', '95,2%'], ['Mức 4', '2300', '2290', '10', '99,6%']]));
    expect([...grid.totalColumns]).toEqual([1]);
    expect([2, 3, 4].map((c) => cellLinks(grid, 1, c).rowTotalColumn)).toEqual([1, 1, undefined]);
    // A bare "Tỷ lệ": the column whose counts give the percentages.
    expect(rateOf(grid, 1, 2)).toMatchObject({ denominator: 5120, percent: 95.2, percentDecimals: 1 });
    expect(rateOf(grid, 1, 3)).toBeUndefined();
  });

  it('guesses no base for a rate the row does not explain', () => {
    const grid = readTableGrid(table([['Đơn vị', 'Tiếp nhận', 'Trực tuyến', 'Tỷ lệ (%)'], ['Xã A', '100', '80', '12,5'], ['Xã B', '200', '150', '33,0']]));
    expect(grid.rateColumns.size).toBe(0);
    expect(grid.percentColumns.has(3)).toBe(true);
  });

  it('reads a rate above 100 % written like its column\'s others as a rate (a finding to raise), not one whose decimal mark was lost', () => {
    const rows = [['Đơn vị', 'Tiếp nhận', 'Trực tuyến', 'Tỷ lệ (%)'], ['Phường Minh Xuân', '1.297', '1.352', '104,2'], ['Phường Hà Giang', '2.418', '2.371', '98,1'], ['Xã Yên Sơn', '846', '826', '97,6']];
    const grid = readTableGrid(table(rows));
    expect(grid.percentColumns.has(3)).toBe(true);
    expect(rateOf(grid, 1, 2)).toMatchObject({ denominator: 1297, percent: 104.2 });
    // "86,1" read by OCR as "861": no rate of 861 %, the column is left unread as rates.
    const misread = readTableGrid(table([rows[0]!, ['Xã A', '9.512', '8.640', '861'], rows[2]!, rows[3]!]));
    expect(misread.percentColumns.has(3)).toBe(false);
    expect(rateOf(misread, 1, 2)).toBeUndefined();
  });

  it('reads thousands grouped the English way in a table that writes decimals with a dot', () => {
    const grid = readTableGrid(table([['Phường', 'Tiếp nhận', 'Trực tuyến', 'Tỷ lệ trực tuyến (%)'], ['A', '1,184', '1,102', '93.1'], ['B', '812', '744', '91.6']]));
    expect(grid.commaGrouping).toBe(true);
    expect(rateOf(grid, 1, 2)).toMatchObject({ denominator: 1184, percent: 93.1 });
  });

  it('reads a table of thousands of rows in linear time', () => {
    const rows = [['Thôn', 'Hộ', 'Nhân khẩu'], ...Array.from({ length: 5000 }, (_, k) => [`Thôn ${k}`, String(100 + k), String(400 + k)]), ['Tổng cộng', '1', '2']];
    const started = performance.now();
    const grid = readTableGrid(table(rows));
    for (let r = 1; r < rows.length; r++) for (let c = 1; c < 3; c++) cellLinks(grid, r, c);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(cellLinks(grid, 1, 1).columnTotalRow).toBe(5001);
  });
});

/** The figures of a table, with the paragraph above it as its caption when one is given. */
function figuresOf(rows: string[][], caption?: string): Array<[string, number, number | undefined]> {
  const blocks: Document['blocks'] = [...(caption ? [{ kind: 'paragraph' as const, text: caption, location: { line: 1 } }] : []), table(rows)];
  const document: Document = { source: { path: 'x.txt', format: 'txt', sha256: '0'.repeat(64), bytes: 0 }, blocks, notes: [], repairs: [] };
  return extractFigures(document).map((figure) => [figure.metric, figure.value, figure.percent]);
}

describe('rate columns', () => {
  const header = ['STT', 'Đơn vị', 'Dân số', 'Hồ sơ mức 2 đã thu nhận', 'Đã kích hoạt', 'Tỷ lệ kích hoạt/hồ sơ (%)', 'Tỷ lệ kích hoạt/dân số (%)'];

  it('gives a count its first rate and reads a second rate of the same count as a percentage of its own', () => {
    const caption = 'Thống kê tài khoản định danh điện tử mức 2 theo đơn vị hành chính cấp xã';
    const figures = figuresOf([header, ['1', 'Thị trấn Kim Bài', '14.218', '11.406', '10.952', '96,0', '77,0'], ['2', 'Xã Bình Minh', '18.904', '15.230', '14.617', '96,0', '77,3']], caption);
    expect(figures.filter(([metric]) => metric === 'eid.activated')).toEqual([
      ['eid.activated', 10952, 96], ['eid.activated', 77, undefined], ['eid.activated', 14617, 96], ['eid.activated', 77.3, undefined],
    ]);
  });

  it('reads no results from a table its caption announces as a roadmap of targets', () => {
    const rows = [['Mốc thời gian', 'Tỷ lệ hồ sơ trực tuyến cấp xã (%)', 'Số hóa kết quả (%)'], ['Đến ngày 15/10/2025', '78', '90'], ['Đến ngày 15/11/2025', '82', '95']];
    expect(figuresOf(rows, 'Lộ trình thực hiện các mục tiêu:')).toEqual([]);
    // The same columns of results are read.
    expect(figuresOf(rows, 'Kết quả thực hiện trong quý:').map(([metric, value]) => [metric, value])).toContainEqual(['dossiers.online', 78]);
  });
});

describe('a column headed by what its numbers count', () => {

  it('gives each bare number the noun its header names, as "512 hộ" in prose ("Số hộ", "Nhân khẩu thường trú", "Tổng số hộ")', () => {
    const counted = (rows: string[][]) => figuresOf(rows).map(([metric, value]) => [metric, value]);
    expect(counted([['STT', 'Tổ dân phố', 'Số hộ', 'Nhân khẩu'], ['1', 'TDP Ba Đình', '512', '1.842'], ['2', 'TDP Điện Biên', '590', '2.105']])).toEqual([
      ['households', 512], ['population', 1842], ['households', 590], ['population', 2105],
    ]);
    expect(counted([['Đơn vị', 'Nhân khẩu thường trú', 'Tổng số hộ (hộ)'], ['Xã An Phú', '3.415', '1.020']])).toEqual([['population', 3415], ['households', 1020]]);
  });

  it('leaves a header that only begins with such a noun alone ("Dân tộc", "Hộ nghèo", "Số hộ được hỗ trợ cài đặt")', () => {
    expect(figuresOf([['Đơn vị', 'Dân tộc', 'Hộ nghèo', 'Số hộ được hỗ trợ cài đặt'], ['Xã An Phú', '12', '35', '240']])).toEqual([]);
  });
});
