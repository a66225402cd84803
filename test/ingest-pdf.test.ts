/**
 * The PDF adapter against real PDFs: the ones test/data/pdf/make.ts builds with LibreOffice (their
 * content is written out in make.ts, so the expected values below come from there and from the
 * printed pages), and the shared fixtures under fixtures/reports when they exist.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { diffChars } from 'diff';
import { describe, expect, it } from 'vitest';
import { seedText } from './support/seeds.ts';
import { readPdf } from '../src/ingest/pdf.ts';
import { lineJoint } from '../src/ingest/pdf/join.ts';
import { isPageNumber } from '../src/ingest/pdf/running-text.ts';
import { SourceDocumentSchema, type Block, type SourceDocument, type TableBlock } from '../src/model/document.ts';
import { IngestError } from '../src/model/errors.ts';

const DATA = join(import.meta.dirname, 'data', 'pdf');
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'reports');

async function read(path: string): Promise<SourceDocument> {
  const bytes = readFileSync(path);
  return readPdf(new Uint8Array(bytes), { path, sha256: 'test', bytes: bytes.length });
}

async function readError(path: string): Promise<IngestError> {
  try {
    await read(path);
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    return error as IngestError;
  }
  throw new Error(`${path} was read without an error`);
}

function allText(block: Block): string {
  return block.kind === 'table' ? block.rows.flatMap((row) => row.cells.map((cell) => cell.text)).join(' ') : block.text;
}

function tableRows(table: TableBlock): string[][] {
  return table.rows.map((row) => row.cells.map((cell) => cell.text));
}

const RESULT_TABLE = [
  ['STT', 'Thủ tục', 'Tiếp nhận', 'Đã giải quyết', 'Tỷ lệ (%)'],
  ['1', 'Đăng ký thường trú', '31', '30', '96,8'],
  ['2', 'Đăng ký tạm trú và thông báo lưu trú cho người nước ngoài tại địa bàn xã', '89', '89', '100'],
  ['3', 'Đăng ký khai sinh', '120', '118', '98,3'],
  ['', 'Cộng', '240', '237', '98,8'],
];

describe('readPdf on a LibreOffice report (layout.pdf)', async () => {
  const doc = await read(join(DATA, 'layout.pdf'));

  it('returns a valid SourceDocument with the page count', () => {
    expect(SourceDocumentSchema.parse(doc)).toBeTruthy();
    expect(doc.source).toMatchObject({ format: 'pdf', pages: 3 });
    expect(doc.notes).toEqual([]);
  });

  it('rebuilds the lines of page 1 in reading order, numbered after the header is dropped', () => {
    const firstBlocks = doc.blocks.slice(0, 8).map((block) => ({
      kind: block.kind,
      text: allText(block),
      location: block.location,
    }));
    expect(firstBlocks).toEqual([
      { kind: 'paragraph', text: 'BÁO CÁO', location: { page: 1, line: 1 } },
      { kind: 'paragraph', text: 'Kết quả thực hiện Đề án 06 năm 2024 trên địa bàn xã Hòa Bình', location: { page: 1, line: 2 } },
      {
        kind: 'paragraph',
        text:
          'Thực hiện Kế hoạch số 56/KH-UBND ngày 02/03/2024 của Ủy ban nhân dân huyện về việc triển khai Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia, Ủy ban nhân dân xã Hòa Bình báo cáo kết quả thực hiện như sau:',
        location: { page: 1, line: 3, endLine: 6 },
      },
      { kind: 'heading', text: 'I. KHÁI QUÁT TÌNH HÌNH CHUNG', location: { page: 1, line: 7 } },
      { kind: 'heading', text: '1. Tình hình dân cư', location: { page: 1, line: 8 } },
      {
        kind: 'paragraph',
        text:
          'Xã Hòa Bình có diện tích tự nhiên 121,81 km2, gồm 12 thôn với 5.388 hộ, 21.187 nhân khẩu. Toàn xã có 15/15 thôn đã thành lập tổ công nghệ số cộng đồng, hoạt động thường xuyên và có hiệu quả.',
        location: { page: 1, line: 9, endLine: 11 },
      },
      {
        kind: 'list-item',
        text: '- Tổng số tài khoản định danh điện tử đã kích hoạt: 8.344 tài khoản, trong đó mức 1: 541 tài khoản, mức 2: 7.803 tài khoản.',
        location: { page: 1, line: 12, endLine: 13 },
      },
      { kind: 'list-item', text: '+ Đăng ký thường trú: tiếp nhận 31 hồ sơ;', location: { page: 1, line: 14 } },
    ]);
  });

  it('records where each source line starts inside a wrapped paragraph', () => {
    const block = doc.blocks[2]!;
    expect(block.kind).toBe('paragraph');
    if (block.kind === 'table') return;
    expect(block.lineStarts?.map((start) => [start.page, start.line])).toEqual([[1, 3], [1, 4], [1, 5], [1, 6]]);
    // Line 4 of page 1 begins with "huyện về việc triển khai".
    const second = block.lineStarts![1]!.start;
    expect(block.text.slice(second, second + 24)).toBe('huyện về việc triển khai');
  });

  it('classifies headings and list items by their markers', () => {
    const headings = doc.blocks.filter((b) => b.kind === 'heading').map((b) => [b.kind === 'heading' && b.level, allText(b)]);
    expect(headings).toEqual([
      [1, 'I. KHÁI QUÁT TÌNH HÌNH CHUNG'],
      [2, '1. Tình hình dân cư'],
      [2, '2. Kết quả giải quyết thủ tục hành chính'],
      [1, 'II. NHỮNG KHÓ KHĂN, VƯỚNG MẮC'],
      [1, 'III. PHƯƠNG HƯỚNG NHIỆM VỤ THỜI GIAN TỚI'],
    ]);
    const items = doc.blocks.flatMap((b) => (b.kind === 'list-item' ? [[b.marker, b.level]] : []));
    expect(items).toEqual([['-', 1], ['+', 2], ['+', 2], ['-', 1], ['-', 1]]);
  });

  it('drops the running header, the footer and the page numbers', () => {
    for (const block of doc.blocks) {
      const text = allText(block);
      expect(text).not.toContain('UBND XÃ HÒA BÌNH – BÁO CÁO ĐỀ ÁN 06 NĂM 2024');
      expect(text).not.toMatch(/Trang \d/);
    }
  });

  it('rejoins a word split by a hyphen at a line end, but not a "2022 -" range', () => {
    const paragraph = doc.blocks.find((b) => allText(b).startsWith('Xã đã phối hợp'));
    expect(paragraph && allText(paragraph)).toBe(
      'Xã đã phối hợp với doanh nghiệp viễn thông kết nối phần mềm một cửa với hệ thống interoperability của tỉnh, bảo đảm dữ liệu được đồng bộ hằng ngày trong toàn bộ giai đoạn 2022 - 2025 mà không phải nhập lại hồ sơ giấy.',
    );
  });

  it('recognises the ruled table with its rows, cells, numbers and the wrapped cell', () => {
    const table = doc.blocks.find((b): b is TableBlock => b.kind === 'table');
    expect(table).toBeDefined();
    expect(tableRows(table!)).toEqual(RESULT_TABLE);
    expect(table!.rows[0]!.header).toBe(true);
    // Row 2's "Thủ tục" cell wraps over two printed lines; its numbers sit on the first.
    const wrapped = table!.rows[2]!.cells[1]!;
    expect(wrapped.location).toEqual({ page: 1, line: 25, endLine: 26 });
    expect(wrapped.lineStarts?.map((s) => s.line)).toEqual([25, 26]);
    expect(table!.rows[2]!.cells[2]!.location).toEqual({ page: 1, line: 25 });
    expect(table!.rows[3]!.location).toEqual({ page: 1, line: 27 });
    expect(table!.location).toEqual({ page: 1, line: 23, endLine: 28 });
  });

  it('continues a paragraph across the page break', () => {
    // Page 2 ends "... của người dân gặp nhiều"; page 3 goes on "khó khăn, nhất là vào giờ cao điểm."
    const crossing = doc.blocks.filter((b) => b.kind === 'paragraph' && b.lineStarts?.some((s) => s.page === 3));
    expect(crossing).toHaveLength(1);
    const block = crossing[0]!;
    if (block.kind === 'table') return;
    expect(block.location.page).toBe(2);
    expect(block.text).toContain('của người dân gặp nhiều khó khăn, nhất là vào giờ cao điểm. Một bộ phận');
    const firstOnPage3 = block.lineStarts!.find((s) => s.page === 3)!;
    expect(firstOnPage3.line).toBe(1);
    expect(block.text.slice(firstOnPage3.start)).toMatch(/^khó khăn, nhất là vào giờ cao điểm\./);
  });

  it('gives 1-based locations that increase through the document', () => {
    let last: [number, number] = [0, 0];
    for (const block of doc.blocks) {
      const { page = 0, line, endLine } = block.location;
      expect(page).toBeGreaterThanOrEqual(1);
      expect(line).toBeGreaterThanOrEqual(1);
      if (endLine !== undefined) expect(endLine).toBeGreaterThan(line);
      expect(page > last[0] || (page === last[0] && line > last[1])).toBe(true);
      last = [page, endLine ?? line];
      if (block.kind !== 'table' && block.lineStarts) {
        expect(block.lineStarts[0]!.start).toBe(0);
        for (let i = 1; i < block.lineStarts.length; i++) {
          const [a, b] = [block.lineStarts[i - 1]!, block.lineStarts[i]!];
          expect(b.start).toBeGreaterThan(a.start);
          expect((b.page ?? 0) > (a.page ?? 0) || ((b.page ?? 0) === (a.page ?? 0) && b.line === a.line + 1)).toBe(true);
        }
        const lastStart = block.lineStarts[block.lineStarts.length - 1]!;
        last = [lastStart.page ?? page, lastStart.line];
      }
    }
  });

  it('names the fonts the text was drawn in', () => {
    const heading = doc.blocks.find((b) => b.kind === 'heading');
    expect(heading && 'fontSpans' in heading && heading.fontSpans?.[0]?.font).toMatch(/^[A-Z]{6}\+LiberationSerif-Bold$/);
  });
});

describe('readPdf on other layouts', () => {
  it('recognises a table drawn without borders from the alignment of its columns', async () => {
    const doc = await read(join(DATA, 'borderless.pdf'));
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(tableRows(doc.blocks[1] as TableBlock)).toEqual(RESULT_TABLE);
    expect(allText(doc.blocks[2]!)).toBe('Các hồ sơ còn lại đang được giải quyết theo đúng quy định.');
  });

  it('keeps a ruled table broken by a page break as one table, without its repeated header row', async () => {
    const doc = await read(join(DATA, 'long-table.pdf'));
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    const table = doc.blocks[1] as TableBlock;
    // make.ts: village i has 100 + (i - 1) households and 400 + 3 (i - 1) persons.
    const villages = Array.from({ length: 70 }, (_, i) => [String(i + 1), `Thôn ${i + 1}`, String(100 + i), String(400 + 3 * i)]);
    expect(tableRows(table)).toEqual([['STT', 'Thôn', 'Số hộ', 'Nhân khẩu'], ...villages]);
    expect(table.rows.filter((row) => row.header)).toHaveLength(1);
    // Page 2 opens with the repeated header (line 1), then village 47.
    expect(table.rows[47]!.location).toEqual({ page: 2, line: 2 });
    expect(table.rows[47]!.cells[1]!.location).toEqual({ page: 2, line: 2 });
  });

  it('keeps a borderless table broken by a page break as one table when its wrapped header repeats above each part as text', async () => {
    // table-over-pages.src: 30 communes and a "Toàn huyện" row, laid out by pdfkit; the header's lines are read as text.
    const doc = await read(join(DATA, 'table-over-pages.b.pdf'));
    const tables = doc.blocks.filter((block): block is TableBlock => block.kind === 'table' && block.rows.some((row) => row.cells[0]!.text.startsWith('Xã ')));
    expect(tables).toHaveLength(1);
    const rows = tableRows(tables[0]!);
    expect(rows.filter((row) => row[0]!.startsWith('Xã '))).toHaveLength(30);
    expect(rows[rows.length - 1]).toEqual(['Toàn huyện', '12.045', '9.375', '77,8']);
    expect(new Set(tables[0]!.rows.map((row) => row.location.page))).toEqual(new Set([1, 2]));
    // The header lines are said once, above the table, not again in the middle of the report.
    const texts = doc.blocks.filter((block) => block.kind !== 'table').map(allText);
    expect(texts.filter((text) => text.includes('mức 2') && text.length < 20)).toHaveLength(1);
  });

  it('reads items with hanging "+" sub-items as a list, not as a borderless table of markers', async () => {
    const doc = await read(join(DATA, 'hanging-list.a.pdf'));
    const items = doc.blocks.filter((block) => block.kind === 'list-item');
    expect(items.map((item) => [item.level, item.marker, allText(item).replace(/^[-+]\s+/u, '').slice(0, 30)])).toEqual([
      [1, '-', 'Xã Phú Lâm: được giao 12 nhiệm'],
      [2, '+', 'Đã hoàn thành: 04 nhiệm vụ;'],
      [2, '+', 'Thực hiện thường xuyên: 06 nhi'],
      [2, '+', 'Đang thực hiện: 02 nhiệm vụ.'],
      [1, '-', 'Xã Phú Đông: được giao 12 nhiệ'],
      [1, '-', 'Xã Phú Sơn: được giao 12 nhiệm'],
    ]);
    // The item that wraps stays whole.
    expect(allText(items[4]!)).toContain('đang thực hiện 03 nhiệm vụ theo kế hoạch của huyện.');
    expect(doc.blocks.filter((block) => block.kind === 'table' && allText(block).includes('nhiệm vụ'))).toHaveLength(0);
  });

  it.each(['lettered-titles.a.pdf', 'lettered-titles.b.pdf'])('keeps each short "b) …" title of %s apart from the paragraph under it', async (name) => {
    const doc = await read(join(DATA, name));
    const texts = doc.blocks.map(allText);
    for (const title of ['a) Giải quyết thủ tục hành chính', 'b) Cấp thẻ Căn cước, tài khoản định danh điện tử', 'c) Tuyên truyền']) {
      const at = texts.indexOf(title);
      expect(at, title).toBeGreaterThanOrEqual(0);
      expect(texts[at + 1]).toMatch(/^(?:Trong tháng, |Đài truyền thanh)/u);
    }
  });

  it('keeps a numbered item that runs over the page break at its hanging indent in one block', async () => {
    // item-over-pages.src: eight items "1." … "8."; one of them is cut by the page break.
    const doc = await read(join(DATA, 'item-over-pages.b.pdf'));
    const texts = doc.blocks.map(allText);
    const first = texts.findIndex((text) => text.startsWith('1. '));
    expect(texts.slice(first, first + 9).map((text) => text.slice(0, 3))).toEqual(['1. ', '2. ', '3. ', '4. ', '5. ', '6. ', '7. ', '8. ', 'Các']);
    expect(texts.filter((text) => /^\d\. .*\.$/u.test(text))).toHaveLength(8);
    // The break is inside the list: its items start on two pages.
    expect(new Set(doc.blocks.slice(first, first + 8).map((block) => block.location.page)).size).toBe(2);
  });

  it('keeps "ƣ" (U+01A3) as the text layer has it', async () => {
    const doc = await read(join(DATA, 'u01a3.pdf'));
    const text = doc.blocks.map(allText).join('\n');
    expect(text).toContain('dữ liệu về dân cƣ, định danh');
    expect(text).toContain('huyện Quảng Xƣơng năm 2023, bảo đảm ngƣời dân đƣợc hƣớng dẫn');
    expect(text).not.toContain('Quảng Xương');
  });

  it('keeps the text pages of a partly scanned PDF and notes the page without text', async () => {
    const doc = await read(join(DATA, 'partly-scanned.pdf'));
    expect(doc.source.pages).toBe(4);
    expect(doc.notes).toEqual([expect.objectContaining({ code: 'page-without-text', location: { page: 4, line: 1 } })]);
    expect(doc.notes[0]!.message).toContain('Trang 4');
    expect(doc.blocks.some((b) => b.kind === 'table')).toBe(true);
    expect(Math.max(...doc.blocks.map((b) => b.location.page ?? 0))).toBe(3);
  });
});

describe('readPdf on PDFs it cannot use', () => {
  it('asks for a copy without password when the PDF is encrypted', async () => {
    const error = await readError(join(DATA, 'encrypted.pdf'));
    expect(error.code).toBe('failed');
    expect(error.messageVi).toBe('Tệp PDF được bảo vệ bằng mật khẩu; hãy gửi bản không đặt mật khẩu.');
  });

  it.each(['truncated.pdf', 'garbage.pdf'])('calls %s corrupt and asks to re-export or re-send it', async (name) => {
    const error = await readError(join(DATA, name));
    expect(error.code).toBe('failed');
    expect(error.messageVi).toMatch(/bị hỏng/);
    expect(error.messageVi).toMatch(/xuất lại|gửi lại/);
    expect(error.messageVi).not.toMatch(/\bat\b|Error|Exception/);
  });

  it('sends a scan to OCR, with its page count', async () => {
    const error = await readError(join(DATA, 'scan-only.pdf'));
    expect(error.code).toBe('needs-ocr');
    expect(error.pages).toBe(1);
    expect(error.messageVi).toMatch(/bản quét/);
    expect(error.messageVi).toMatch(/OCR/);
  });

  it('calls a PDF with neither text nor images empty', async () => {
    const error = await readError(join(DATA, 'blank.pdf'));
    expect(error.code).toBe('empty');
    expect(error.pages).toBe(1);
  });

  it('does not detach the caller\'s buffer', async () => {
    const bytes = new Uint8Array(readFileSync(join(DATA, 'u01a3.pdf')));
    await readPdf(bytes, { path: 'u01a3.pdf', sha256: 'test', bytes: bytes.length });
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
  });
});

describe('line joints and page numbers', () => {
  it.each([
    ['hệ thống inter-', 'operability của', 'hệ thống interoperability của'],
    ['giai đoạn 2022 -', '2025 mà', 'giai đoạn 2022 - 2025 mà'],
    ['Văn bản số 7277/UBND-', 'KSTT ngày', 'Văn bản số 7277/UBND-KSTT ngày'],
    ['giai đoạn 2022-', '2025', 'giai đoạn 2022-2025'],
    ['theo quy định;', '- Tiếp nhận', 'theo quy định; - Tiếp nhận'],
    ['tổng số', '35 nhiệm vụ', 'tổng số 35 nhiệm vụ'],
  ])('joins "%s" and "%s" as "%s"', (previous, next, joined) => {
    const joint = lineJoint(previous, next);
    expect((joint.dropLast ? previous.slice(0, -1) : previous) + joint.separator + next).toBe(joined);
  });

  it.each(['5', '- 5 -', '– 12 –', 'Trang 5', 'trang 5/9', '5/9', '5 / 9', 'Page 3 of 9'])('"%s" is a page number', (text) => {
    expect(isPageNumber(text)).toBe(true);
  });

  it.each(['2025', '15/15 xóm', 'Trang 5 của báo cáo', '- Tiếp nhận: 5', '05 mô hình'])('"%s" is not a page number', (text) => {
    expect(isPageNumber(text)).toBe(false);
  });
});

describe('readPdf in a long batch', () => {
  it('does not grow the heap or RSS without bound over 200 opens of the same PDF', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const bytes = new Uint8Array(readFileSync(join(DATA, 'page1.pdf')));
    const open = async (times: number): Promise<void> => {
      for (let i = 0; i < times; i++) await readPdf(bytes, { path: 'page1.pdf', sha256: 'test', bytes: bytes.length });
    };
    const measure = (): { heap: number; rss: number } => {
      gc();
      gc();
      const usage = process.memoryUsage();
      return { heap: usage.heapUsed / 2 ** 20, rss: usage.rss / 2 ** 20 };
    };
    await open(20);
    const warm = measure();
    await open(90);
    const middle = measure();
    await open(90);
    const end = measure();
    const report = (m: { heap: number; rss: number }): string => `heap ${m.heap.toFixed(1)} MB, rss ${m.rss.toFixed(1)} MB`;
    console.log(`readPdf × 200: after 20: ${report(warm)}; after 110: ${report(middle)}; after 200: ${report(end)}`);
    // A leak of one document per open would cost several MB each time (hundreds over 180 opens).
    expect(end.heap - warm.heap).toBeLessThan(40);
    expect(end.rss - warm.rss).toBeLessThan(200);
    // And the second half must not grow faster than the first: no steady climb.
    expect(end.heap - middle.heap).toBeLessThan(Math.max(15, 2 * (middle.heap - warm.heap)));
  });
});

/** Folds whitespace so that layout differences (line breaks, spaces before them) do not count. */
function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function similarity(a: string, b: string): number {
  let same = 0;
  for (const part of diffChars(a, b)) if (!part.added && !part.removed) same += part.value.length;
  return (2 * same) / (a.length + b.length);
}

const seedPdfs = existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((name) => /^seed-\d+\.pdf$/.test(name)) : [];

/** Tables drawn with borders in each seed's source DOCX (its w:tbl elements whose borders are not "none"). */
const RULED_TABLES: Record<string, number> = { 'seed-000.pdf': 0, 'seed-001.pdf': 1, 'seed-002.pdf': 1, 'seed-003.pdf': 1, 'seed-004.pdf': 2 };

function fixtureText(doc: SourceDocument): string {
  return doc.blocks.map(allText).join('\n');
}

describe.runIf(seedPdfs.length > 0)('readPdf on the seed fixtures', () => {
  it.each(seedPdfs)('%s reads back as its seed text', async (name) => {
    const number = /seed-(\d+)/.exec(name)![1]!.padStart(3, '0');
    const doc = await read(join(FIXTURES, name));
    const extracted = fold(doc.blocks.map(allText).join(' '));
    const seed = fold(seedText(number));
    const score = similarity(extracted, seed);
    console.log(`${name}: ${doc.source.pages} pages, ${doc.blocks.length} blocks, similarity ${(100 * score).toFixed(2)}%`);
    expect(score).toBeGreaterThanOrEqual(0.99);
    if (name in RULED_TABLES) expect(doc.blocks.filter((b) => b.kind === 'table')).toHaveLength(RULED_TABLES[name]!);
    expect(SourceDocumentSchema.parse(doc)).toBeTruthy();
  });

  it.runIf(seedPdfs.includes('seed-002.pdf'))('keeps the "ƣ" of seed 002 as its text layer has it', async () => {
    const text = fixtureText(await read(join(FIXTURES, 'seed-002.pdf')));
    expect(text).toContain('huyện Quảng Xƣơng');
    expect(text).not.toContain('Quảng Xương');
  });

  it.runIf(seedPdfs.includes('seed-001.pdf'))('reads the task table of seed 001 as label and value cells', async () => {
    const doc = await read(join(FIXTURES, 'seed-001.pdf'));
    const table = doc.blocks.find((b): b is TableBlock => b.kind === 'table')!;
    expect(tableRows(table)).toEqual([
      ['- Tổng số nhiệm vụ được giao thực hiện trong giai đoạn 2022-2025:', '35;'],
      ['- Tổng số nhiệm vụ đã hoàn thành:', '16;'],
      ['- Tổng số nhiệm vụ chưa hoàn thành:', '0;'],
      ['- Tổng số nhiệm vụ thực hiện thường xuyên:', '17;'],
      ['- Tổng số nhiệm vụ đang triển khai:', '2;'],
    ]);
  });

  it.runIf(seedPdfs.includes('seed-004.pdf'))('keeps a footnote reference apart from the figure it follows', async () => {
    // Seed 004's annex table: "12.648/13.176" then a superscript "1" (a footnote), then "100%" and a superscript "2".
    const doc = await read(join(FIXTURES, 'seed-004.pdf'));
    const annex = doc.blocks.filter((b): b is TableBlock => b.kind === 'table').find((t) => allText(t).includes('Tư pháp'))!;
    expect(tableRows(annex)[1]!.slice(3)).toEqual(['12.648/13.176¹', '100%²']);
  });

  it.runIf(seedPdfs.includes('seed-000.pdf'))('reads the signature block one side after the other', async () => {
    const texts = (await read(join(FIXTURES, 'seed-000.pdf'))).blocks.map(allText);
    const start = texts.indexOf('Nơi nhận:');
    expect(texts.slice(start, start + 10)).toEqual([
      'Nơi nhận:',
      '- Phòng PC06;',
      '- Thường trực Đảng ủy;',
      '- Thường trực HĐND xã;',
      '- CT, PCT UBND xã;',
      '- CPVP, TH;',
      '- Lưu: VT, CAX.',
      'TM. UỶ BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Nguyễn Thị Tình',
    ]);
  });
});

const LEGACY = join(FIXTURES, 'legacy');

describe.runIf(existsSync(LEGACY))('readPdf on legacy-encoded fixtures', () => {
  it.runIf(existsSync(join(LEGACY, 'seed-003-tcvn3.pdf')))('hands TCVN3 text over as typed, every "ư" (byte 0xAD) included, with its fonts', async () => {
    const doc = await read(join(LEGACY, 'seed-003-tcvn3.pdf'));
    const text = fixtureText(doc);
    expect(text).toContain('d©n c\u00AD, ®Þnh danh'); // "dân cư, định danh"
    const seed = seedText('003');
    expect(text.match(/\u00AD/g)?.length).toBe(seed.match(/ư/g)?.length);
    const fonts = new Set(doc.blocks.flatMap((b) => (b.kind === 'table' ? [] : (b.fontSpans ?? []).map((f) => f.font))));
    expect([...fonts].some((font) => /\+\.VnTime$/.test(font))).toBe(true);
  });

  it.runIf(existsSync(join(LEGACY, 'seed-001-vni.pdf')))('hands VNI text over as typed, with its fonts', async () => {
    const doc = await read(join(LEGACY, 'seed-001-vni.pdf'));
    expect(fixtureText(doc)).toContain('baùo caùo'); // "báo cáo"
    const spans = doc.blocks.flatMap((b) => (b.kind === 'table' ? [] : (b.fontSpans ?? [])));
    expect(spans.some((span) => /\+VNI-Times$/.test(span.font))).toBe(true);
  });
});

const badFixtures = existsSync(join(FIXTURES, 'bad')) ? readdirSync(join(FIXTURES, 'bad')).filter((n) => n.endsWith('.pdf')) : [];

describe.runIf(badFixtures.length > 0)('readPdf on the broken fixtures', () => {
  const expected: Record<string, { code: string; message: RegExp }> = {
    'encrypted.pdf': { code: 'failed', message: /mật khẩu/ },
    'corrupt.pdf': { code: 'failed', message: /bị hỏng/ },
    'truncated.pdf': { code: 'failed', message: /bị hỏng/ },
    // A zero-byte file: nothing to read, nothing to repair.
    'empty.pdf': { code: 'empty', message: /rỗng/ },
  };
  it.each(badFixtures.filter((name) => name in expected))('%s', async (name) => {
    const error = await readError(join(FIXTURES, 'bad', name));
    expect({ code: error.code, message: error.messageVi }).toEqual({
      code: expected[name]!.code,
      message: expect.stringMatching(expected[name]!.message),
    });
  });

  it.runIf(existsSync(join(FIXTURES, 'scan', 'seed-003-scan.pdf')))('seed-003-scan.pdf needs OCR', async () => {
    const error = await readError(join(FIXTURES, 'scan', 'seed-003-scan.pdf'));
    expect(error.code).toBe('needs-ocr');
    expect(error.pages).toBe(5);
  });
});
