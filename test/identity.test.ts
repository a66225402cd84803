import { describe, expect, it } from 'vitest';
import type { Block, Document, DocumentMetadata, DocumentResult } from '../src/model/index.ts';
import { ResultsSchema } from '../src/model/index.ts';
import { ingestBytes } from '../src/ingest/index.ts';
import { normalizeDocument } from '../src/normalize/vietnamese.ts';
import { extractMetadata } from '../src/extract/index.ts';
import { compile, isLetterheadLine, letterheadText } from '../src/extract/identity/front.ts';
import { readPeriod } from '../src/extract/identity/periods.ts';
import { unitMentions } from '../src/extract/identity/units.ts';
import { identitySource, REPORT_COLUMNS, reportsCsv } from '../src/report/csv.ts';
import { resultsJson } from '../src/report/json.ts';
import { BODY_HEADS, CLOSING_REFERENCE, ISSUING_BODIES, LEVEL_WORDS, SELF_REFERENCE } from '../rules/identity/units.ts';
import { PERIOD_MASKS, PERIOD_PHRASES, dayRange, monthsFromJanuary } from '../rules/identity/periods.ts';
import {
  ADDRESSEE, ANNEX_REFERENCE, BULLET, CUTOFF_DATE, DATELINE, DOCUMENT_NUMBER, HEADING, MOTTO, NEWS_DATE, PRESS_TAG, SIGNATURE_BODY,
  SIGNATURE_START, STATISTICS_CUES, SUBJECT_TYPES, TITLE_END, TITLE_WORDS, type LayoutPattern,
} from '../rules/identity/layout.ts';
import { AS_OF_MONTH, REPORT_SUBJECT } from '../rules/identity/doc-types.ts';
import { CENTRAL_CITIES, canonicalProvince, isCentralCity } from '../rules/provinces.ts';
import { readCsv } from './support/read-csv.ts';

/**
 * Report identity (issue 21): who issued a document, for which period, what kind it is, each with where it was read.
 * First every example the rules in rules/identity/ carry (Duckling-style: the rules' corpus is the test), then whole
 * documents laid out the usual ways — written here, none taken from the blind corpus — then the outputs.
 */

async function fromText(text: string, name = 'bao-cao.txt'): Promise<Document> {
  return normalizeDocument(await ingestBytes(new TextEncoder().encode(text), name));
}

const cell = (text: string, line: number) => ({ text, colSpan: 1, rowSpan: 1, location: { line } });

/** A document as a DOCX reader gives it: the letterhead in a two-column table, then paragraphs. */
function withHeaderTable(rows: ReadonlyArray<readonly [string, string]>, paragraphs: readonly string[]): Document {
  const blocks: Block[] = [
    { kind: 'table', location: { line: 1 }, rows: rows.map(([left, right], index) => ({ header: false, location: { line: index + 1 }, cells: [cell(left, index + 1), cell(right, index + 1)] })) },
    ...paragraphs.map((text, index): Block => ({ kind: 'paragraph', text, location: { line: rows.length + index + 1 } })),
  ];
  return { source: { path: 'bao-cao.docx', format: 'docx', sha256: '0'.repeat(64), bytes: 1 }, blocks, notes: [], repairs: [] };
}

const identity = (metadata: DocumentMetadata) => ({
  unit: metadata.unitName && `${metadata.unitLevel} ${metadata.unitName}`,
  district: metadata.district,
  province: metadata.province,
  type: metadata.docType,
  period: metadata.period,
  date: metadata.reportDate,
});

describe('rules/identity: every example', () => {
  describe('level words', () => {
    for (const entry of LEVEL_WORDS) {
      it.each(entry.examples.map(([text, name]) => [text, name] as const))(`«%s» names a ${entry.level} %s`, (text, name) => {
        expect(unitMentions(text).map((mention) => [mention.level, mention.name])).toContainEqual([entry.level, name]);
      });
    }
  });

  describe('issuing bodies', () => {
    for (const body of ISSUING_BODIES) {
      it(`${body.id} has examples`, () => expect(body.examples.length).toBeGreaterThan(0));
      it.each(body.examples.map(([text, level, name]) => [text, level, name] as const))(`«%s»: %s %s named by ${body.id}`, (text, level, name) => {
        const mention = unitMentions(text).find((candidate) => candidate.level === level && candidate.name === name);
        expect(mention?.body).toMatch(new RegExp(`^(?:${body.pattern})$`, 'iu'));
      });
    }
  });

  it('a letterhead name ends where the next body begins, in capitals too', () => {
    expect(unitMentions('UBND HUYỆN ĐỒNG PHÚ ỦY BAN NHÂN DÂN XÃ TÂN LẬP').map((mention) => `${mention.level} ${mention.name}`)).toEqual(['huyện Đồng Phú', 'xã Tân Lập']);
    expect(unitMentions('UBND XÃ AN HẢI TỔ CÔNG TÁC ĐỀ ÁN 06').map((mention) => mention.name)).toEqual(['An Hải']);
    expect(unitMentions('UBND TỈNH HÀ TĨNH SỞ TƯ PHÁP').map((mention) => mention.name)).toEqual(['Hà Tĩnh']);
    for (const head of BODY_HEADS) expect(head).toBe(head.toLowerCase());
  });

  it('knows where the issuing body before a unit begins', () => {
    const text = 'Trên đây là báo cáo của (UBND xã Tân Lập)';
    const [mention] = unitMentions(text);
    expect(text.slice(mention!.bodyStart)).toBe('UBND xã Tân Lập)');
  });

  it('reads former units, numbered wards and no counts as names', () => {
    const [former, current] = unitMentions('các xã Giai Xuân (cũ) nay là xã Tân Phú');
    expect([former?.name, former?.former, current?.name, current?.former]).toEqual(['Giai Xuân', true, 'Tân Phú', false]);
    expect(unitMentions('UBND Quận 10 và Phường 3').map((mention) => `${mention.level} ${mention.name}`)).toEqual(['quận 10', 'phường 3']);
    expect(unitMentions('xã Tân Lập 12 nhiệm vụ').map((mention) => mention.name)).toEqual(['Tân Lập']);
    expect(unitMentions('bảo đảm an sinh xã hội, trật tự xã hội')).toEqual([]);
    expect(unitMentions('CỘNG HOÀ XÀ HỘI XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toEqual([]);
  });

  it('the self-reference and closing patterns find the issuer in their examples', () => {
    for (const [text, level, name] of [...SELF_REFERENCE.examples, ...CLOSING_REFERENCE.examples]) {
      const document: Document = { source: { path: 'x.txt', format: 'txt', sha256: '0'.repeat(64), bytes: 1 }, blocks: [{ kind: 'paragraph', text: 'BÁO CÁO', location: { line: 1 } }, { kind: 'paragraph', text: 'Kết quả thực hiện Đề án 06', location: { line: 2 } }, { kind: 'paragraph', text, location: { line: 3 } }], notes: [], repairs: [] };
      const metadata = extractMetadata(document);
      expect([metadata.unitLevel, metadata.unitName, metadata.evidence?.unit?.source]).toEqual([level, name, 'self-reference']);
    }
  });

  describe('period phrases', () => {
    for (const phrase of PERIOD_PHRASES) {
      it(`${phrase.id} has examples`, () => expect(phrase.examples.length).toBeGreaterThan(0));
      it.each(phrase.examples.map(([text, expected, context]) => [text, expected, context] as const))(`${phrase.id}: «%s» → %s`, (text, expected, context) => {
        expect(readPeriod(text, context ?? {})?.value ?? null).toBe(expected);
      });
    }
    for (const mask of PERIOD_MASKS) {
      it.each(mask.examples.map((text) => [text]))(`${mask.id}: no period in «%s»`, (text) => {
        expect(readPeriod(text, { year: 2025 })).toBeUndefined();
      });
    }
  });

  it('collapses whole months from January, a quarter, a half and a year; keeps other ranges as days', () => {
    expect([1, 3, 5, 6, 9, 12].map((months) => monthsFromJanuary(2025, months))).toEqual(['2025-01', '2025-Q1', '2025-01/2025-05', '2025-H1', '2025-01/2025-09', '2025']);
    expect(dayRange({ y: 2025, m: 4, d: 1 }, { y: 2025, m: 6, d: 30 })).toBe('2025-Q2');
    expect(dayRange({ y: 2025, m: 6, d: 1 }, { y: 2025, m: 8, d: 31 })).toBe('2025-06-01/2025-08-31');
    expect(dayRange({ y: 2024, m: 12, d: 15 }, { y: 2025, m: 6, d: 14 })).toBe('2024-12-15/2025-06-14');
    expect(dayRange({ y: 2025, m: 6, d: 11 }, { y: 2025, m: 6, d: 14 })).toBe('2025-06-11/2025-06-14');
  });

  it('a range of a few days is a period in a title (a weekly report), the dates of an event in a body', () => {
    expect(readPeriod('Báo cáo tuần (từ ngày 25/8 đến ngày 31/8/2025)')?.value).toBe('2025-08-25/2025-08-31');
    const body = 'Từ ngày 11/6 đến ngày 14/6/2024, Đoàn kiểm tra đã kiểm tra kết quả từ ngày 01/01/2024 đến ngày 31/5/2024.';
    expect(readPeriod(body, {}, { body: true })?.value).toBe('2024-01/2024-05');
  });

  it('a yearless phrase takes the year that keeps it before the document’s date', () => {
    expect(readPeriod('Kết quả tháng 12', { year: 2025, date: '2025-01-06' })?.value).toBe('2024-12');
    expect(readPeriod('Kết quả quý IV', { year: 2025, date: '2025-01-06' })?.value).toBe('2024-Q4');
    expect(readPeriod('Kết quả tháng 12 năm 2025', { year: 2025, date: '2025-01-06' })?.value).toBe('2025-12');
  });

  describe('layout patterns', () => {
    const patterns: Array<[string, LayoutPattern, string]> = [
      ['motto', MOTTO, 'iu'], ['number', DOCUMENT_NUMBER, 'u'], ['dateline', DATELINE, 'iu'], ['news date', NEWS_DATE, 'iu'],
      ['press tag', PRESS_TAG, 'u'], ['signature start', SIGNATURE_START, 'iu'], ['signature body', SIGNATURE_BODY, 'iu'],
      ['title end', TITLE_END, 'iu'], ['cut-off date', CUTOFF_DATE, 'iu'], ['addressee', ADDRESSEE, 'iu'], ['heading', HEADING, 'u'],
      ['bullet', BULLET, 'u'], ['annex reference', ANNEX_REFERENCE, 'iu'], ...STATISTICS_CUES.map((cue): [string, LayoutPattern, string] => [cue.id, cue, 'iu']),
    ];
    for (const [name, pattern, flags] of patterns) {
      it(`${name}: matches its examples and none of its counter-examples`, () => {
        expect(pattern.examples.length).toBeGreaterThan(0);
        for (const example of pattern.examples) expect(compile(pattern, flags).test(example), example).toBe(true);
        for (const example of pattern.counterExamples ?? []) expect(compile(pattern, flags).test(example), example).toBe(false);
      });
    }
    it('title words and subjects give their type', () => {
      for (const word of TITLE_WORDS) for (const example of word.examples) expect(new RegExp(word.pattern, 'iu').test(example), example).toBe(true);
      for (const subject of SUBJECT_TYPES) for (const example of subject.examples) expect(new RegExp(subject.pattern, 'iu').test(example), example).toBe(true);
      for (const example of REPORT_SUBJECT.examples) expect(new RegExp(REPORT_SUBJECT.pattern, 'iu').test(example), example).toBe(true);
      for (const example of REPORT_SUBJECT.counterExamples) expect(new RegExp(REPORT_SUBJECT.pattern, 'iu').test(example), example).toBe(false);
    });
    it('as-of dates give their month', () => {
      for (const [text, month] of AS_OF_MONTH.examples) {
        const match = new RegExp(AS_OF_MONTH.pattern, 'iu').exec(text);
        expect(`${match?.[3] ?? 2025}-${match?.[2]?.padStart(2, '0')}`).toBe(month);
      }
    });
    it('letterhead lines lose the motto, number and dateline that share their text line', () => {
      expect(letterheadText('UBND HUYỆN KỲ ANH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toBe('UBND HUYỆN KỲ ANH');
      expect(letterheadText('Số: 15/BC-UBND Kỳ Tân, ngày 03 tháng 6 năm 2024')).toBe('');
      expect(isLetterheadLine('ỦY BAN NHÂN DÂN', false)).toBe(true);
      expect(isLetterheadLine('LẬP', true)).toBe(true);
      expect(isLetterheadLine('Công an Hà Tĩnh đẩy mạnh cấp Căn cước, kích hoạt định danh điện tử sau sắp xếp chính quyền hai cấp', false)).toBe(false);
    });
  });

  it('provinces: central cities, spellings, short forms', () => {
    expect(CENTRAL_CITIES.every((city) => isCentralCity(city))).toBe(true);
    expect([canonicalProvince('THANH HOÁ'), canonicalProvince('HCM'), isCentralCity('Hạ Long')]).toEqual(['Thanh Hóa', 'Hồ Chí Minh', false]);
  });
});

describe('report identity, document by document', () => {
  it('a commune report before July 2025: letterhead over the motto, title month, district from the letterhead, a neighbour province ignored', async () => {
    const document = await fromText(
      [
        'UBND HUYỆN KỲ ANH                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'ỦY BAN NHÂN DÂN XÃ KỲ TÂN             Độc lập - Tự do - Hạnh phúc',
        'Số: 15/BC-UBND                        Kỳ Tân, ngày 03 tháng 6 năm 2024',
        '',
        'BÁO CÁO',
        'Kết quả thực hiện Đề án 06 tháng 5 năm 2024',
        '',
        'Thực hiện Kế hoạch số 21/KH-UBND ngày 10/01/2024 của UBND huyện Kỳ Anh về thực hiện Đề án 06 năm 2024, UBND xã Kỳ Tân báo cáo như sau:',
        '',
        'I. TÌNH HÌNH CHUNG',
        'Xã Kỳ Tân giáp xã Kỳ Lạc và huyện Tuyên Hóa (tỉnh Quảng Bình); có 11 thôn với 2.104 hộ.',
        'Trong tháng 4 chuyển sang 3 hồ sơ; tháng 6 dự kiến tiếp nhận thêm.',
      ].join('\n'),
    );
    const metadata = extractMetadata(document);
    expect(identity(metadata)).toEqual({ unit: 'xã Kỳ Tân', district: 'Kỳ Anh', province: undefined, type: 'report', period: '2024-05', date: '2024-06-03' });
    expect(metadata.evidence?.unit).toMatchObject({ source: 'letterhead', location: { line: 1 } });
    // The reader joins the title's lines into one block: its place is the block's.
    expect(metadata.evidence?.period).toMatchObject({ source: 'title', quote: 'tháng 5 năm 2024', location: { line: 5, endLine: 6 } });
    expect(metadata.evidence?.district?.source).toBe('letterhead');
    expect(metadata.documentNumber).toBe('15/BC-UBND');
  });

  it('a DOCX header table: a numbered ward, its district and a central city as the province, a second title line', () => {
    const document = withHeaderTable(
      [['ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'], ['PHƯỜNG 3', 'Độc lập - Tự do - Hạnh phúc'], ['Số: 88/BC-UBND', 'Quận 10, ngày 28 tháng 6 năm 2024']],
      [
        'BÁO CÁO',
        'Kết quả thực hiện Đề án 06',
        'Quý II năm 2024',
        'Kính gửi: Ủy ban nhân dân Quận 10.',
        'Thực hiện Kế hoạch số 33/KH-UBND của Ủy ban nhân dân Thành phố Hồ Chí Minh, UBND Phường 3 báo cáo kết quả 6 tháng đầu năm 2024 như sau:',
      ],
    );
    expect(identity(extractMetadata(document))).toEqual({ unit: 'phường 3', district: '10', province: 'Hồ Chí Minh', type: 'report', period: '2024-Q2', date: '2024-06-28' });
  });

  it('a name wrapped in a narrow letterhead column, and the title word put in the right-hand column', () => {
    const document = withHeaderTable(
      [['UBND HUYỆN THẠCH THẤT', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT'], ['ỦY BAN NHÂN DÂN XÃ ĐẠI', 'NAM'], ['ĐỒNG', 'Độc lập - Tự do - Hạnh phúc'], ['Số: 40/BC-UBND', 'Đại Đồng, ngày 05 tháng 3 năm'], ['', '2025'], ['', 'BÁO CÁO']],
      ['Kết quả thực hiện Đề án 06 tháng 02/2025', 'UBND xã Đại Đồng báo cáo kết quả như sau:'],
    );
    expect(identity(extractMetadata(document))).toEqual({ unit: 'xã Đại Đồng', district: 'Thạch Thất', province: undefined, type: 'report', period: '2025-02', date: '2025-03-05' });
  });

  it('a department under its district: the name stops at the line of the body that issued it', async () => {
    const document = await fromText('UBND HUYỆN KỲ ANH\nPHÒNG TƯ PHÁP\nSố: 41/BC-TP\nKỳ Anh, ngày 02 tháng 4 năm 2024\nBÁO CÁO\nKết quả số hóa sổ hộ tịch quý I năm 2024\nThực hiện Kế hoạch số 3/KH-UBND của UBND tỉnh Hà Tĩnh, Phòng Tư pháp báo cáo như sau:');
    const metadata = extractMetadata(document);
    expect(identity(metadata)).toEqual({ unit: 'huyện Kỳ Anh', district: undefined, province: 'Hà Tĩnh', type: 'report', period: '2024-Q1', date: '2024-04-02' });
    expect(metadata.evidence?.unit?.quote).toBe('UBND HUYỆN KỲ ANH | PHÒNG TƯ PHÁP');
  });

  it('a police ward after July 2025: no district, the province from the letterhead, a custom range on the second title line', async () => {
    const document = await fromText(
      [
        'CÔNG AN TỈNH BẮC NINH',
        'CÔNG AN PHƯỜNG VŨ NINH',
        'Số: 311/BC-CAP',
        'Vũ Ninh, ngày 16 tháng 10 năm 2025',
        'BÁO CÁO',
        'Kết quả thực hiện các nhiệm vụ Đề án 06 do Công an phường chủ trì',
        '(Số liệu từ ngày 15/9/2025 đến ngày 14/10/2025)',
        'Thực hiện Hướng dẫn số 12/HD-CAT của Công an tỉnh Bắc Ninh, Công an phường Vũ Ninh báo cáo như sau:',
        'Phường Vũ Ninh được thành lập trên cơ sở các phường Vũ Ninh, Kinh Bắc (cũ) thuộc thành phố Bắc Ninh (cũ).',
      ].join('\n'),
    );
    expect(identity(extractMetadata(document))).toEqual({ unit: 'phường Vũ Ninh', district: undefined, province: 'Bắc Ninh', type: 'report', period: '2025-09-15/2025-10-14', date: '2025-10-16' });
  });

  it('a province working group’s roll-up of its districts, with abbreviations and nine months', async () => {
    const document = await fromText(
      [
        'UBND TỈNH QUẢNG BÌNH',
        'TỔ CÔNG TÁC TRIỂN KHAI ĐỀ ÁN 06',
        'Số: 77/BC-TCT',
        'Quảng Bình, ngày 07 tháng 10 năm 2024',
        'BÁO CÁO',
        'Kết quả triển khai Đề án 06 9 tháng năm 2024',
        'I. KẾT QUẢ',
        'Hồ sơ trực tuyến theo địa phương:',
        'Đơn vị\tTiếp nhận\tTrực tuyến',
        'TP. Đồng Hới\t21.400\t18.100',
        'TX. Ba Đồn\t9.850\t7.420',
        'H. Bố Trạch\t12.300\t9.120',
      ].join('\n'),
    );
    const metadata = extractMetadata(document);
    expect(identity(metadata)).toEqual({ unit: 'tỉnh Quảng Bình', district: undefined, province: 'Quảng Bình', type: 'rollup', period: '2024-01/2024-09', date: '2024-10-07' });
    expect(metadata.evidence?.docType).toMatchObject({ source: 'units-quantified', quote: 'thành phố đồng hới, thị xã ba đồn, huyện bố trạch' });
  });

  it('a plan, an inspection conclusion and a công văn are typed from their titles', async () => {
    const plan = await fromText('UBND H. NGHI LỘC\nSố: 19/KH-UBND\nNghi Lộc, ngày 12 tháng 01 năm 2025\nKẾ HOẠCH\nTriển khai Đề án 06 trên địa bàn huyện năm 2025\nCăn cứ Kế hoạch số 5/KH-UBND của UBND tỉnh Nghệ An;');
    expect(identity(extractMetadata(plan))).toEqual({ unit: 'huyện Nghi Lộc', district: undefined, province: 'Nghệ An', type: 'plan', period: '2025', date: '2025-01-12' });

    const inspection = await fromText(
      'UBND HUYỆN ĐỨC THỌ\nTỔ CÔNG TÁC ĐỀ ÁN 06\nSố: 12/TB-TCT\nĐức Thọ, ngày 20 tháng 7 năm 2024\nTHÔNG BÁO\nKết luận kiểm tra việc thực hiện Đề án 06 tại xã Tùng Ảnh\nNgày 10/7/2024, Đoàn kiểm tra đã làm việc với UBND xã Tùng Ảnh về kết quả thực hiện Đề án 06 từ ngày 01/01/2024 đến ngày 30/6/2024.\nXã Tùng Ảnh tiếp nhận 820 hồ sơ.',
    );
    expect(identity(extractMetadata(inspection))).toEqual({ unit: 'huyện Đức Thọ', district: undefined, province: undefined, type: 'inspection', period: '2024-H1', date: '2024-07-20' });

    const dispatch = await fromText('ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG\nSố: 2210/UBND-NC\nĐà Nẵng, ngày 15 tháng 7 năm 2025\nV/v đẩy nhanh tiến độ số hóa hồ sơ\nKính gửi: UBND các xã, phường.\nSáu tháng đầu năm 2025, tỷ lệ số hóa hồ sơ đạt 71%.');
    expect(identity(extractMetadata(dispatch))).toEqual({ unit: 'thành phố Đà Nẵng', district: undefined, province: 'Đà Nẵng', type: 'dispatch', period: '2025-H1', date: '2025-07-15' });
  });

  it('a news article: the unit of its headline, its date line, the period of its lead', async () => {
    const document = await fromText(
      'Đức Thọ: hơn 80% hồ sơ được nộp trực tuyến\nThứ Hai, 14/07/2025 - 08:00\n(HTO) - Sáu tháng đầu năm 2025, huyện Đức Thọ tiếp nhận 9.412 hồ sơ, trong đó 7.600 hồ sơ trực tuyến.\nPhó Chủ tịch UBND huyện Đức Thọ cho biết, tỉnh Hà Tĩnh đặt mục tiêu 85%.\nMinh Châu',
    );
    const metadata = extractMetadata(document);
    expect(identity(metadata)).toEqual({ unit: 'huyện Đức Thọ', district: undefined, province: 'Hà Tĩnh', type: 'news', period: '2025-H1', date: '2025-07-14' });
    expect(metadata.evidence?.unit?.source).toBe('headline');
  });

  it('a portal statistics page: the portal’s unit, the month of its cut-off, the cut-off as its date', async () => {
    const document = await fromText(
      'THỐNG KÊ HỒ SƠ THỦ TỤC HÀNH CHÍNH THEO ĐƠN VỊ\nCổng Dịch vụ công tỉnh Gia Lai - Số liệu tính đến 17 giờ ngày 31/7/2025\nĐơn vị\tTiếp nhận\tTrực tuyến\nXã Ia Grai\t812\t640\nPhường Pleiku\t2.310\t2.104',
    );
    expect(identity(extractMetadata(document))).toEqual({ unit: 'tỉnh Gia Lai', district: undefined, province: 'Gia Lai', type: 'statistics', period: '2025-07', date: '2025-07-31' });
  });

  it('a report whose header was lost: its subject line, the issuer naming itself, the phase', async () => {
    const document = await fromText(
      'Sơ kết kết quả triển khai, thực hiện Đề án 06 giai đoạn 2022 - 2025\n\nThực hiện Công văn số 501/UBND-NC của UBND tỉnh Hòa Bình, UBND xã Mông Hóa báo cáo như sau:\n\nXã Mông Hóa có 14 xóm, 3.120 hộ.',
    );
    const metadata = extractMetadata(document);
    expect(identity(metadata)).toEqual({ unit: 'xã Mông Hóa', district: undefined, province: 'Hòa Bình', type: 'report', period: '2022/2025', date: undefined });
    expect(metadata.evidence?.unit?.source).toBe('self-reference');
  });

  it('a title in sentence case is still a title; the line under a type word is its subject even when it opens like a body', async () => {
    const report = await fromText('Ủy ban nhân dân xã Hương Trà\nSố: 12/BC-UBND\nHương Trà, ngày 5 tháng 10 năm 2025\nBáo cáo kết quả thực hiện Đề án 06 tháng 9 năm 2025\nKính gửi: UBND tỉnh Hà Tĩnh.\nTrong tháng 10, UBND xã sẽ tiếp tục.');
    expect([extractMetadata(report).period, extractMetadata(report).evidence?.period?.source, extractMetadata(report).evidence?.docType?.source]).toEqual(['2025-09', 'title', 'title']);
    const plan = await fromText('UBND PHƯỜNG BẾN THÀNH\nSố: 90/KH-UBND\nBến Thành, ngày 2 tháng 8 năm 2025\nKẾ HOẠCH\nThực hiện Đề án 06 quý IV năm 2025\nCăn cứ Kế hoạch số 10/KH-UBND ngày 20/7/2025 của UBND Thành phố Hồ Chí Minh;');
    expect(identity(extractMetadata(plan))).toEqual({ unit: 'phường Bến Thành', district: undefined, province: 'Hồ Chí Minh', type: 'plan', period: '2025-Q4', date: '2025-08-02' });
  });

  it('a headline that opens with a unit is no letterhead', async () => {
    const document = await fromText('Xã Tân Thuận đưa Đề án 06 đến từng ấp\nCập nhật: 05/09/2025 - 14:22\n(CMO) Trong tháng 8/2025, xã Tân Thuận đẩy mạnh tuyên truyền,\nhướng dẫn người dân sử dụng dịch vụ công.');
    const metadata = extractMetadata(document);
    expect(identity(metadata)).toEqual({ unit: 'xã Tân Thuận', district: undefined, province: undefined, type: 'news', period: '2025-08', date: '2025-09-05' });
    expect(metadata.evidence?.unit?.source).toBe('headline');
  });

  it('a title wrapped onto a lower-case line goes on; the body begins with a capital', async () => {
    const document = await fromText('BÁO CÁO\nSơ kết kết quả triển khai,\n\nthực hiện Đề án 06 giai đoạn 2022 - 2025\n\nThực hiện Công văn số 12/UBND-NC ngày 20/7/2025 của UBND tỉnh Lào Cai, UBND xã Bảo Hà báo cáo như sau:');
    const metadata = extractMetadata(document);
    expect([metadata.period, metadata.evidence?.period?.source, metadata.unitName, metadata.province]).toEqual(['2022/2025', 'title', 'Bảo Hà', 'Lào Cai']);
  });

  it('nothing but mentions: the unit is a guess, and says so; a former unit is never it', async () => {
    const document = await fromText('Tình hình thực hiện Đề án 06\n\nXã Thạch Sơn có 9 thôn. Xã Thạch Sơn tiếp nhận 120 hồ sơ; xã Thạch Kênh (cũ) 40 hồ sơ; xã Thạch Kênh (cũ) còn 3 hồ sơ.');
    const metadata = extractMetadata(document);
    expect([metadata.unitLevel, metadata.unitName]).toEqual(['xã', 'Thạch Sơn']);
    expect(metadata.evidence?.unit).toMatchObject({ source: 'mentions', guess: true });
    expect(identitySource(metadata)).toBe('unit:mentions?; type:title');
  });

  it('a centrally run city issues as a province; a provincial city has its province named by its superior', async () => {
    const city = await fromText('UBND TP. VINH\nSố: 90/BC-UBND\nTP. Vinh, ngày 10 tháng 12 năm 2024\nBÁO CÁO\nKết quả thực hiện Đề án 06 năm 2024\nThực hiện Công văn số 88/UBND-NC của UBND tỉnh Nghệ An, UBND thành phố Vinh báo cáo:');
    expect(identity(extractMetadata(city))).toEqual({ unit: 'thành phố Vinh', district: undefined, province: 'Nghệ An', type: 'report', period: '2024', date: '2024-12-10' });
  });
});

describe('identity in the outputs', () => {
  const metadata: DocumentMetadata = {
    unitName: 'Kỳ Tân', unitLevel: 'xã', district: 'Kỳ Anh', docType: 'report', period: '2024-05', reportDate: '2024-06-03',
    evidence: {
      unit: { source: 'letterhead', quote: 'UBND HUYỆN KỲ ANH ỦY BAN NHÂN DÂN XÃ KỲ TÂN', location: { line: 1 } },
      period: { source: 'title', quote: 'tháng 5 năm 2024', location: { line: 6 } },
      docType: { source: 'title', quote: 'BÁO CÁO Kết quả thực hiện Đề án 06 tháng 5 năm 2024', location: { line: 5 } },
    },
  };
  const document: DocumentResult = { file: 'ky-tan.txt', status: 'ok', metadata, figures: [], findings: [] };

  it('reports.csv keeps every earlier column where it was and appends level, district and where they were read', () => {
    const [header, row] = readCsv(reportsCsv([document]).slice(1));
    expect(header!.slice(0, 7)).toEqual(['file', 'status', 'doc_type', 'unit_name', 'province', 'period', 'report_date']);
    expect(header!.slice(-4)).toEqual(['suppressed', 'unit_level', 'district', 'identity_source']);
    expect(REPORT_COLUMNS.length).toBe(header!.length);
    expect(row!.slice(2, 7)).toEqual(['report', 'Kỳ Tân', '', '2024-05', '2024-06-03']);
    expect(row!.slice(-3)).toEqual(['xã', 'Kỳ Anh', 'unit:letterhead; period:title; type:title']);
  });

  it('results.json carries each field’s evidence and validates', () => {
    const parsed = ResultsSchema.parse(JSON.parse(resultsJson([document], new Date(0))));
    expect(parsed.documents[0]!.metadata.evidence?.period).toEqual({ source: 'title', quote: 'tháng 5 năm 2024', location: { line: 6 } });
    expect(parsed.documents[0]!.metadata.district).toBe('Kỳ Anh');
  });
});
