import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../src/ingest/docx.ts';
import {
  type Block,
  type FontSpan,
  type SourceDocument,
  type TableBlock,
  type TextBlock,
  SourceDocumentSchema,
} from '../src/model/document.ts';
import { IngestError } from '../src/model/errors.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'test', 'data', 'docx');
const fixturesDir = join(root, 'fixtures', 'reports');

async function read(path: string): Promise<SourceDocument> {
  const bytes = readFileSync(path);
  return readDocx(bytes, { path, sha256: 'test', bytes: bytes.length });
}

async function readError(bytes: Uint8Array, path = 'bao-cao.docx'): Promise<IngestError> {
  try {
    await readDocx(bytes, { path, sha256: 'test', bytes: bytes.length });
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    return error as IngestError;
  }
  throw new Error(`expected ${path} to be rejected`);
}

const textBlocks = (document: SourceDocument): TextBlock[] =>
  document.blocks.filter((block): block is TextBlock => block.kind !== 'table');
const tables = (document: SourceDocument): TableBlock[] =>
  document.blocks.filter((block): block is TableBlock => block.kind === 'table');

/** Every line a block or row claims, in document order. */
function linesOf(blocks: Block[]): number[] {
  return blocks.flatMap((block) => (block.kind === 'table' ? block.rows.map((row) => row.location.line) : [block.location.line]));
}

/** The text each font span covers, so expectations read as text rather than offsets. */
function fontStretches(text: string, spans: FontSpan[] | undefined): [string, string][] {
  return (spans ?? []).map((span) => [text.slice(span.start, span.end), span.font]);
}

function blockWithText(document: SourceDocument, text: string): TextBlock {
  const block = textBlocks(document).find((b) => b.text === text);
  if (!block) throw new Error(`no block with text ${JSON.stringify(text)}`);
  return block;
}

describe('readDocx: structure of a modern report (test/data/docx/structure.docx)', async () => {
  const document = await read(join(dataDir, 'structure.docx'));

  it('returns a SourceDocument the shared schema accepts, tagged as DOCX', () => {
    expect(() => SourceDocumentSchema.parse(document)).not.toThrow();
    expect(document.source).toMatchObject({ format: 'docx', sha256: 'test' });
  });

  it('keeps headings with their levels, paragraphs and list items in document order', () => {
    expect(textBlocks(document).map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'BÁO CÁO KẾT QUẢ ĐỀ ÁN 06'],
      ['heading', '1. Công tác cư trú'],
      ['paragraph', 'Tổng số 5.388 hộ, 21.187 nhân khẩu.'],
      ['list-item', 'Đăng ký thường trú: 31 hồ sơ'],
      ['list-item', 'Trực tuyến: 18 hồ sơ'],
      ['list-item', 'Đăng ký tạm trú: 89 hồ sơ'],
      ['list-item', 'Cấp 11241 thẻ Căn cước'],
      ['list-item', 'Kích hoạt 5616 tài khoản mức 2'],
      ['paragraph', 'Tỷ lệ\u00a0đạt 92%, người dùng\u00ad ký\u00a0tự.'],
      ['paragraph', 'Dòng thứ nhất\ndòng thứ hai'],
      ['paragraph', 'Số liệu đến ngày 15/6/2025.'],
    ]);
    const headings = textBlocks(document).filter((b) => b.kind === 'heading');
    expect(headings.map((b) => (b.kind === 'heading' ? b.level : 0))).toEqual([1, 2]);
  });

  it('gives list items their nesting level and whether the list is numbered, without inventing markers', () => {
    const items = textBlocks(document).filter((b) => b.kind === 'list-item');
    expect(items.map((b) => (b.kind === 'list-item' ? [b.level, b.ordered, b.marker] : []))).toEqual([
      [1, false, undefined],
      [2, false, undefined],
      [1, false, undefined],
      [1, true, undefined],
      [1, true, undefined],
    ]);
  });

  it('keeps the table as rows of cells with the header row, merged cells and the figures as written', () => {
    const [table] = tables(document);
    expect(table).toBeDefined();
    expect(table!.rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([
      ['TT', 'Nội dung', 'Năm 2022', 'Năm 2023'],
      ['1', 'Số hóa hồ sơ', '6.065/6588', '6.702/6.715'],
      ['Tỷ lệ', '92%', '91%'],
      ['Tổng cộng', 'Đúng hạn 13.274', '6589'],
    ]);
    expect(table!.rows.map((row) => row.header)).toEqual([true, false, false, false]);
    expect(table!.rows[1]!.cells[0]).toMatchObject({ text: '1', rowSpan: 2, colSpan: 1 });
    expect(table!.rows[3]!.cells[0]).toMatchObject({ text: 'Tổng cộng', colSpan: 2, rowSpan: 1 });
  });

  it('numbers paragraphs from 1, one line per heading, paragraph, list item and table row; cells share their row line', () => {
    const lines = linesOf(document.blocks);
    expect(lines[0]).toBe(1);
    expect(lines).toEqual(lines.map((_, index) => index + 1));
    // 8 text blocks before the table, so its four rows are lines 9–12.
    const [table] = tables(document);
    expect(table!.location.line).toBe(9);
    expect(table!.rows.map((row) => row.location.line)).toEqual([9, 10, 11, 12]);
    for (const row of table!.rows) for (const cell of row.cells) expect(cell.location.line).toBe(row.location.line);
    for (const block of document.blocks) expect(block.location.page).toBeUndefined();
  });

  it('skips empty and blank paragraphs, page header/footer, the image, and the footnote mark in the body', () => {
    for (const block of textBlocks(document)) expect(block.text.trim()).not.toBe('');
    const allText = JSON.stringify(document.blocks);
    expect(allText).not.toContain('đầu trang');
    expect(allText).not.toContain('Chân trang');
    expect(allText).not.toContain('[1]');
    expect(allText).not.toContain('↑');
    // The footnote is kept, after the body, as a paragraph of its own.
    expect(document.blocks[document.blocks.length - 1]).toMatchObject({ kind: 'paragraph', text: 'Số liệu đến ngày 15/6/2025.' });
  });

  it("keeps mammoth's warnings as notes, and says that an image was skipped", () => {
    expect(document.notes).toContainEqual({
      code: 'mammoth-warning',
      message: "Unrecognised paragraph style: 'Bao Cao Thuong' (Style ID: BaoCaoThuong)",
    });
    expect(document.notes.find((note) => note.code === 'docx-images-skipped')?.message).toMatch(/1 hình ảnh/);
  });

  it('follows lists down to the ninth level, past the five levels mammoth maps by default', async () => {
    const deep = await read(join(dataDir, 'deep-list.docx'));
    const levels = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(deep.blocks.map((b) => (b.kind === 'list-item' ? [b.level, b.text] : [b.kind]))).toEqual(
      levels.map((level) => [level, `Mức ${level}: ${10 * level} hồ sơ`]),
    );
    expect(deep.notes).toEqual([]);
  });

  it('reads a Uint8Array that is a view into a larger buffer', async () => {
    const bytes = readFileSync(join(dataDir, 'structure.docx'));
    const padded = new Uint8Array(bytes.length + 64);
    padded.set(bytes, 32);
    const view = padded.subarray(32, 32 + bytes.length);
    const again = await readDocx(view, { path: 'x.docx', sha256: 'test', bytes: view.length });
    expect(again.blocks).toEqual(document.blocks);
  });
});

describe('readDocx: fonts of legacy text (test/data/docx/tcvn3.docx, theme-fonts.docx)', async () => {
  const document = await read(join(dataDir, 'tcvn3.docx'));

  it('takes the font from the heading style', () => {
    const heading = blockWithText(document, 'B¸O C¸O');
    expect(heading.kind).toBe('heading');
    expect(fontStretches(heading.text, heading.fontSpans)).toEqual([['B¸O C¸O', '.VnTimeH']]);
  });

  it('takes the font from a paragraph style, and from the style that style is based on', () => {
    const styled = blockWithText(document, 'Tæng sè 5.388 hé');
    expect(fontStretches(styled.text, styled.fontSpans)).toEqual([['Tæng sè 5.388 hé', '.VnTime']]);
    const basedOn = blockWithText(document, '§· cÊp 11.241 thÎ');
    expect(fontStretches(basedOn.text, basedOn.fontSpans)).toEqual([['§· cÊp 11.241 thÎ', '.VnTime']]);
  });

  it('takes direct formatting first and the document defaults last, and keeps the soft hyphen that is TCVN3 "ư"', () => {
    const mixed = blockWithText(document, 'Dân số: c\u00ad tró');
    expect(fontStretches(mixed.text, mixed.fontSpans)).toEqual([
      ['Dân số: ', 'Times New Roman'],
      ['c\u00ad tró', '.VnTime'],
    ]);
    const overridden = blockWithText(document, 'Tæng Arial 2025 hé');
    expect(fontStretches(overridden.text, overridden.fontSpans)).toEqual([
      ['Tæng ', '.VnTime'],
      ['Arial 2025', 'Arial'],
      [' hé', '.VnTime'],
    ]);
  });

  it('keeps a soft hyphen at the very end of a paragraph, where trimming would eat a lesser-known space', () => {
    const ending = blockWithText(document, 'Khu d©n c\u00ad');
    expect(fontStretches(ending.text, ending.fontSpans)).toEqual([['Khu d©n c\u00ad', '.VnTime']]);
  });

  it('takes the font from a character style', () => {
    const vni = blockWithText(document, 'Baùo caùo');
    expect(fontStretches(vni.text, vni.fontSpans)).toEqual([['Baùo caùo', 'VNI-Times']]);
  });

  it('records fonts inside table cells', () => {
    const [table] = tables(document);
    const [legacy, plain] = table!.rows[0]!.cells;
    expect(fontStretches(legacy!.text, legacy!.fontSpans)).toEqual([['Sè hé', '.VnTime']]);
    expect(fontStretches(plain!.text, plain!.fontSpans)).toEqual([['5388', 'Times New Roman']]);
  });

  it('gives up fonts, not text, when the text already uses the private-use plane of the font markers', async () => {
    const clash = await read(join(dataDir, 'private-use.docx'));
    expect(clash.blocks).toEqual([{ kind: 'paragraph', text: 'Ký hiệu \u{100001} riêng', location: { line: 1 } }]);
    expect(clash.notes.map((note) => note.code)).toContain('docx-fonts-unavailable');
  });

  it('resolves theme fonts (body and headings) through the theme part', async () => {
    const themed = await read(join(dataDir, 'theme-fonts.docx'));
    expect(themed.blocks.map((b) => (b.kind === 'table' ? [] : fontStretches(b.text, b.fontSpans)))).toEqual([
      [['Baùo caùo', 'VNI-Times']],
      [['Tæng sè 5.388 hé', '.VnTime']],
    ]);
  });
});

describe('readDocx: unusable files become IngestError with a Vietnamese message', () => {
  const cases: [file: string, code: IngestError['code'], message: RegExp][] = [
    ['not-a-zip.docx', 'failed', /bị hỏng hoặc không đọc được/],
    ['truncated.docx', 'failed', /bị hỏng hoặc không đọc được/],
    ['broken-xml.docx', 'failed', /bị hỏng hoặc không đọc được/],
    ['spreadsheet.docx', 'failed', /có đuôi \.docx nhưng không phải văn bản Word.*Excel/],
    ['encrypted.docx', 'failed', /mật khẩu/],
    ['word97-renamed.docx', 'failed', /Word cũ \(\.doc/],
    ['rtf-renamed.docx', 'failed', /RTF/],
    ['empty-text.docx', 'empty', /không có chữ/],
    ['image-only.docx', 'empty', /chỉ có hình ảnh/],
  ];

  it.each(cases)('%s → %s', async (file, code, message) => {
    const error = await readError(readFileSync(join(dataDir, file)), file);
    expect(error.code).toBe(code);
    expect(error.messageVi).toMatch(message);
    // The sentence for the auditor says what to do, and carries no library text or stack.
    expect(error.messageVi).toMatch(/hãy/);
    expect(error.messageVi).not.toMatch(/Error|\bat \S+:\d+/);
  });

  it('rejects a zero-byte file and random bytes behind a zip signature', async () => {
    expect((await readError(new Uint8Array(0))).code).toBe('empty');
    const garbage = new Uint8Array(2048).map((_, index) => (index * 7919) % 251);
    garbage.set([0x50, 0x4b, 0x03, 0x04]);
    const error = await readError(garbage);
    expect(error.code).toBe('failed');
    expect(error.messageVi).toMatch(/bị hỏng/);
  });

  it('names a zip that is not a Word document without claiming a .docx extension it does not have', async () => {
    const error = await readError(readFileSync(join(dataDir, 'spreadsheet.docx')), 'bang-tinh.pdf');
    expect(error.messageVi).toMatch(/^Tệp không phải văn bản Word \(DOCX\)/);
  });
});

// The shared sample reports are made by another generator (scripts/make-fixtures.ts); the expected
// texts below come from the seeds (fixtures/reports/seed-NNN.txt) and, for legacy files, from the TCVN3/VNI tables.
const fixture = (name: string) => join(fixturesDir, name);
const fixturesPresent = existsSync(fixture('legacy/seed-003-tcvn3.docx')) && existsSync(fixture('seed-001.docx'));

function fontsIn(document: SourceDocument): Set<string> {
  return new Set(
    document.blocks.flatMap((block) =>
      block.kind === 'table'
        ? block.rows.flatMap((row) => row.cells.flatMap((cell) => (cell.fontSpans ?? []).map((span) => span.font)))
        : (block.fontSpans ?? []).map((span) => span.font),
    ),
  );
}

describe.skipIf(!fixturesPresent)('readDocx: shared fixtures (fixtures/reports)', () => {
  it('reads every seed DOCX with increasing 1-based lines and a schema-valid result', async () => {
    for (const name of ['seed-000.docx', 'seed-001.docx', 'seed-002.docx', 'seed-003.docx', 'seed-004.docx']) {
      const document = await read(fixture(name));
      expect(() => SourceDocumentSchema.parse(document)).not.toThrow();
      const lines = linesOf(document.blocks);
      expect(lines[0]).toBe(1);
      expect(lines).toEqual(lines.map((_, index) => index + 1));
    }
  });

  it('seed 001: the task counts stay in their table, as body rows, next to their labels', async () => {
    const document = await read(fixture('seed-001.docx'));
    const taskTable = tables(document).find((table) => table.rows.some((row) => row.cells[0]?.text.includes('nhiệm vụ đã hoàn thành')));
    expect(taskTable).toBeDefined();
    const rows = taskTable!.rows.map((row) => row.cells.map((cell) => cell.text));
    // seed 001: "- Tổng số nhiệm vụ chưa hoàn thành: 0;" and "- Tổng số nhiệm vụ đang triển khai: 2;"
    expect(rows).toContainEqual(['- Tổng số nhiệm vụ chưa hoàn thành:', '0;']);
    expect(rows).toContainEqual(['- Tổng số nhiệm vụ đang triển khai:', '2;']);
    expect(taskTable!.rows.every((row) => !row.header)).toBe(true);
    // The running header is not body text.
    expect(JSON.stringify(document.blocks)).not.toContain('Giai Xuân – Báo cáo sơ kết');
  });

  it('seed 004: the digitisation ratios sit in table cells; the appendix table has one header row', async () => {
    const document = await read(fixture('seed-004.docx'));
    const cells = tables(document).flatMap((table) => table.rows.map((row) => row.cells.map((cell) => cell.text)));
    expect(cells).toContainEqual(['Năm 2023:', '6.702/6.715 hồ sơ = 91%;']);
    const appendix = tables(document).find((table) => table.rows[0]?.cells[0]?.text === 'STT');
    expect(appendix?.rows.map((row) => row.header).filter(Boolean)).toEqual([true]);
    expect(appendix?.rows[0]?.header).toBe(true);
  });

  it('TCVN3 fixture: .VnTime/.VnTimeH runs are found and the soft hyphen of "dân cư" survives', async () => {
    const document = await read(fixture('legacy/seed-003-tcvn3.docx'));
    expect(fontsIn(document)).toEqual(new Set(['.VnTime', '.VnTimeH']));
    // "Tình hình thực hiện Đề án “Phát triển ứng dụng dữ liệu dân cư, …" in TCVN3: ì=×, ự=ù, ệ=Ö, Đ=§, ề=Ò, á=¸, ư=0xAD.
    const line = textBlocks(document).find((block) => block.text.startsWith('T×nh h×nh thùc hiÖn §Ò ¸n'));
    expect(line).toBeDefined();
    const at = line!.text.indexOf('d©n c\u00ad,');
    expect(at).toBeGreaterThan(0);
    expect(line!.fontSpans?.find((span) => span.start <= at && at + 6 <= span.end)?.font).toBe('.VnTime');
  });

  it('VNI fixture: VNI-Times runs are found', async () => {
    const document = await read(fixture('legacy/seed-001-vni.docx'));
    expect(fontsIn(document)).toContain('VNI-Times');
    // "BÁO CÁO" in VNI capitals: Á = A + Ù.
    const title = blockWithText(document, 'BAÙO CAÙO');
    expect(fontStretches(title.text, title.fontSpans)).toEqual([['BAÙO CAÙO', 'VNI-Times']]);
  });

  it('rejects the bad fixtures with the right codes', async () => {
    const empty = await readError(readFileSync(fixture('bad/empty-text.docx')), 'empty-text.docx');
    expect(empty.code).toBe('empty');
    const notDocx = await readError(readFileSync(fixture('bad/not-a-docx.docx')), 'not-a-docx.docx');
    expect(notDocx.code).toBe('failed');
    expect(notDocx.messageVi).toMatch(/không phải văn bản Word/);
  });
});

describe('mammoth as the DOCX adapter loads it', () => {
  it('parses its style-map lines for the first document only', async () => {
    const { styleMapLinesParsed } = await import('../src/ingest/docx/mammoth.ts');
    const bytes = new Uint8Array(readFileSync(new URL('../fixtures/reports/seed-001.docx', import.meta.url)));
    const read = () => readDocx(bytes.slice(), { path: 'seed-001.docx', sha256: 'x', bytes: bytes.length });
    await read();
    const afterFirst = styleMapLinesParsed();
    // mammoth's ~50 default lines and ours: if mammoth had kept its own readStyle, none would be counted.
    expect(afterFirst).toBeGreaterThan(40);
    await read();
    await read();
    expect(styleMapLinesParsed()).toBe(afterFirst);
  });
});
