import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_IDS, seedText } from './support/seeds.ts';
import { DocumentSchema, type SourceDocument } from '../src/model/document.ts';
import { isValidVietnameseSyllable } from '../src/normalize/syllables.ts';
import {
  detectLegacyEncoding,
  normalizeDocument,
  normalizeVietnameseText,
} from '../src/normalize/vietnamese.ts';


/**
 * A report sentence typed in TCVN3, written by hand from the VN3 table (and checked against
 * glibc's `iconv -t TCVN5712-1`, which gives the same bytes), and what it says.
 */
const TCVN3_PARAGRAPH =
  'Thùc hiÖn KÕ ho¹ch sè 56/KH-UBND, trong th¸ng x· ®· tiÕp nhËn 120 hå s¬, trong ®ã trùc tuyÕn 31 hå s¬, ' +
  'tr¶ kÕt qu¶ ®óng h¹n cho ng\u00adêi d©n. UBND x· S¬n T©y H¹ b¸o c¸o kÕt qu¶ thùc hiÖn §Ò ¸n 06.';
const TCVN3_PARAGRAPH_UNICODE =
  'Thực hiện Kế hoạch số 56/KH-UBND, trong tháng xã đã tiếp nhận 120 hồ sơ, trong đó trực tuyến 31 hồ sơ, ' +
  'trả kết quả đúng hạn cho người dân. UBND xã Sơn Tây Hạ báo cáo kết quả thực hiện Đề án 06.';

/** The same kind of sentence in VNI, written by hand from the VNI table. */
const VNI_PARAGRAPH =
  'UÛy ban nhaân daân xaõ baùo caùo keát quaû thöïc hieän Ñeà aùn 06 trong thaùng, ñaõ tieáp nhaän 120 hoà sô, ' +
  'trong ñoù tröïc tuyeán 31 hoà sô, traû keát quaû ñuùng haïn cho ngöôøi daân.';
const VNI_PARAGRAPH_UNICODE =
  'Ủy ban nhân dân xã báo cáo kết quả thực hiện Đề án 06 trong tháng, đã tiếp nhận 120 hồ sơ, ' +
  'trong đó trực tuyến 31 hồ sơ, trả kết quả đúng hạn cho người dân.';

const LOCATION = { page: 1, line: 1 };

function sourceDocument(blocks: SourceDocument['blocks']): SourceDocument {
  return {
    source: { path: 'sample.pdf', format: 'pdf', sha256: '0'.repeat(64), bytes: 1, pages: 1 },
    blocks,
    notes: [],
  };
}

describe('detectLegacyEncoding', () => {
  it('trusts a legacy font name, with or without a subset prefix', () => {
    expect(detectLegacyEncoding('anything', '.VnTime')).toEqual({ encoding: 'tcvn3', detectedBy: 'font' });
    expect(detectLegacyEncoding('anything', 'ABCDEF+.VnTimeH')).toEqual({ encoding: 'tcvn3', detectedBy: 'font' });
    expect(detectLegacyEncoding('anything', '.VnArial')).toEqual({ encoding: 'tcvn3', detectedBy: 'font' });
    expect(detectLegacyEncoding('anything', 'VNI-Times')).toEqual({ encoding: 'vni', detectedBy: 'font' });
    expect(detectLegacyEncoding('anything', 'XYZABC+VNI-Helve')).toEqual({ encoding: 'vni', detectedBy: 'font' });
  });

  it('falls back to statistics when the font name says nothing', () => {
    expect(detectLegacyEncoding(TCVN3_PARAGRAPH, 'Times New Roman')).toEqual({ encoding: 'tcvn3', detectedBy: 'statistics' });
    expect(detectLegacyEncoding('Báo cáo tháng', 'Times New Roman')).toEqual({ encoding: 'unicode', detectedBy: 'statistics' });
  });

  it('finds TCVN3 and VNI paragraphs by statistics', () => {
    expect(detectLegacyEncoding(TCVN3_PARAGRAPH)).toEqual({ encoding: 'tcvn3', detectedBy: 'statistics' });
    expect(detectLegacyEncoding(VNI_PARAGRAPH)).toEqual({ encoding: 'vni', detectedBy: 'statistics' });
    expect(detectLegacyEncoding('B¸o c¸o kÕt qu¶ thùc hiÖn').encoding).toBe('tcvn3');
    expect(detectLegacyEncoding('Baùo caùo keát quaû thöïc hieän').encoding).toBe('vni');
  });

  it('leaves Unicode Vietnamese, English, numbers and short strings alone', () => {
    const unicode = [
      'Ban hành Quyết định số 97/QĐ-UBND',
      'ISO 9001:2015',
      TCVN3_PARAGRAPH_UNICODE,
      VNI_PARAGRAPH_UNICODE,
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Công an xã, Ô tô, hòa giải, có, cô, mùa',
      'The quick brown fox jumps over the lazy dog.',
      'café crème brûlée à la française, Müller, año',
      '12.345', '6.702/6.715 hồ sơ = 91%', '2022 - 2025', '(1)', '',
      'Hà', 'Ô', 'OK', 'a', 'Th«n', '°C',
      // valid syllables under both tables ("phủ, Thông tư" / "phuỷ, Thoõng tử"): no guess without a hint
      'phuû, Thoâng tö, Thoâng tö',
      TCVN3_PARAGRAPH_UNICODE.normalize('NFD'),
    ];
    for (const text of unicode) expect(detectLegacyEncoding(text).encoding, text).toBe('unicode');
  });

  it('finds no legacy encoding in any line of the five real seeds', () => {
    for (const file of SEED_IDS) {
      const text = seedText(file);
      expect(detectLegacyEncoding(text).encoding, file).toBe('unicode');
      for (const line of text.split('\n')) expect(detectLegacyEncoding(line).encoding, `${file}: ${line}`).toBe('unicode');
    }
  });
});

describe('normalizeVietnameseText', () => {
  it('decodes a TCVN3 paragraph found by statistics, soft hyphen and all', () => {
    const result = normalizeVietnameseText(TCVN3_PARAGRAPH);
    expect(result.text).toBe(TCVN3_PARAGRAPH_UNICODE);
    expect(result.repairs).toHaveLength(1);
    expect(result.repairs[0]).toMatchObject({ kind: 'tcvn3', detectedBy: 'statistics' });
    expect(result.repairs[0]!.before.startsWith('Thùc')).toBe(true);
    expect(result.repairs[0]!.after.startsWith('Thực')).toBe(true);
  });

  it('decodes a VNI paragraph found by statistics', () => {
    const result = normalizeVietnameseText(VNI_PARAGRAPH);
    expect(result.text).toBe(VNI_PARAGRAPH_UNICODE);
    expect(result.repairs.map((repair) => [repair.kind, repair.detectedBy])).toEqual([['vni', 'statistics']]);
  });

  it('decodes by font span and leaves the Unicode spans alone', () => {
    const unicodePart = 'Kính gửi: ';
    const legacyPart = 'UBND huyÖn Qu¶ng X\u00ad¬ng';
    const result = normalizeVietnameseText(unicodePart + legacyPart, {
      fontSpans: [
        { start: 0, end: unicodePart.length, font: 'Times New Roman' },
        { start: unicodePart.length, end: unicodePart.length + legacyPart.length, font: 'ABCDEF+.VnTime' },
      ],
    });
    expect(result.text).toBe('Kính gửi: UBND huyện Quảng Xương');
    expect(result.repairs.map((repair) => [repair.kind, repair.detectedBy])).toEqual([['tcvn3', 'font']]);
  });

  it('reads a .VnTimeH span (lower-case codes drawn as capitals) in capitals', () => {
    const text = 'céng hoµ x· héi chñ nghÜa viÖt nam';
    const result = normalizeVietnameseText(text, { fontSpans: [{ start: 0, end: text.length, font: '.VnTimeH' }] });
    expect(result.text).toBe('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  it('decodes a VNI span by font even when it is short', () => {
    const text = 'Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam';
    const result = normalizeVietnameseText(text, { fontSpans: [{ start: 0, end: text.length, font: 'VNI-Times' }] });
    expect(result.text).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
    const short = normalizeVietnameseText('Th«n', { fontSpans: [{ start: 0, end: 4, font: '.VnTime' }] });
    expect(short.text).toBe('Thôn');
  });

  it('reads a TCVN3 "ư" that a PDF text layer turned into a hyphen', () => {
    const text = 'c-êng ®é, n-íc s¹ch, d©n c- vµ Q§-UBND, kinh tÕ-x· héi';
    const result = normalizeVietnameseText(text, { fontSpans: [{ start: 0, end: text.length, font: '.VnTime' }] });
    expect(result.text).toBe('cường độ, nước sạch, dân cư và QĐ-UBND, kinh tế-xã hội');
  });

  it('keeps real hyphens: abbreviations, and text whose layer kept the 0xAD soft hyphen', () => {
    const abbreviation = 'KÕ ho¹ch sè 306/KH- UBND';
    expect(
      normalizeVietnameseText(abbreviation, { fontSpans: [{ start: 0, end: abbreviation.length, font: '.VnTime' }] }).text,
    ).toBe('Kế hoạch số 306/KH- UBND');
    const withSoftHyphen = 'ng\u00adêi d©n c- tró';
    expect(
      normalizeVietnameseText(withSoftHyphen, { fontSpans: [{ start: 0, end: withSoftHyphen.length, font: '.VnTime' }] }).text,
    ).toBe('người dân c- trú');
  });

  it('lets a short paragraph follow the encoding of its document', () => {
    expect(normalizeVietnameseText('Th«n').text).toBe('Th«n');
    expect(normalizeVietnameseText('Th«n', { legacyHint: 'tcvn3' }).text).toBe('Thôn');
    // "phÝ" reads as Unicode letters, but a capital after a small letter gives TCVN3 away.
    expect(normalizeVietnameseText('- VÒ kinh phÝ:', { legacyHint: 'tcvn3' }).text).toBe('- Về kinh phí:');
    // "xaõ" would be "xao" with the tone on its closing semivowel: VNI.
    expect(normalizeVietnameseText('- CT, PCT UBND xaõ;', { legacyHint: 'vni' }).text).toBe('- CT, PCT UBND xã;');
    // A hint never turns correct Unicode into mojibake.
    expect(normalizeVietnameseText('Thôn Đông, xã Sơn Tây', { legacyHint: 'tcvn3' }).text).toBe('Thôn Đông, xã Sơn Tây');
    expect(normalizeVietnameseText('Công hòa có', { legacyHint: 'vni' }).text).toBe('Công hòa có');
  });

  it('repairs "ƣ/Ƣ" (U+01A3/U+01A2) to "ư/Ư"', () => {
    const result = normalizeVietnameseText('dân cƣ, Quảng Xƣơng, ƢU TIÊN');
    expect(result.text).toBe('dân cư, Quảng Xương, ƯU TIÊN');
    expect(result.repairs).toEqual([
      expect.objectContaining({ kind: 'u01a3', count: 3, detectedBy: 'always', start: 5, end: 6 }),
    ]);
  });

  it('composes NFD input to NFC', () => {
    const result = normalizeVietnameseText('Quyết định số 97'.normalize('NFD'));
    expect(result.text).toBe('Quyết định số 97');
    expect(result.text).toBe(result.text.normalize('NFC'));
    expect(result.repairs.map((repair) => repair.kind)).toEqual(['nfc']);
  });

  it('removes a space an extractor put before a combining mark', () => {
    expect(normalizeVietnameseText('a \u0301').text).toBe('á');
    const result = normalizeVietnameseText('ca \u0301c xa \u0303');
    expect(result.text).toBe('các xã');
    expect(result.repairs.map((repair) => [repair.kind, repair.count])).toEqual([
      ['combining-space', 2],
      ['nfc', 2],
    ]);
  });

  it('collapses whitespace to single spaces on one line', () => {
    expect(normalizeVietnameseText('  Tiếp\tnhận:\u00a0\u00a0 31   hồ sơ\r\n tiếp  ').text).toBe('Tiếp nhận: 31 hồ sơ tiếp');
    expect(normalizeVietnameseText(' \n\t ').text).toBe('');
  });

  it('maps raw offsets onto the normalized text', () => {
    const raw = '  Baùo\u00a0\u00a0caùo  \n  ngày 5';
    const { text, map } = normalizeVietnameseText(raw, {
      fontSpans: [{ start: 0, end: 14, font: 'VNI-Times' }],
    });
    expect(text).toBe('Báo cáo ngày 5');
    expect(map.toNormalized(0)).toBe(0);
    expect(map.toNormalized(raw.indexOf('caùo'))).toBe(text.indexOf('cáo'));
    expect(map.toNormalized(raw.indexOf('ngày'))).toBe(text.indexOf('ngày'));
    expect(map.toNormalized(raw.indexOf('\n') + 1)).toBe(text.indexOf('ngày'));
    expect(map.toNormalized(raw.length)).toBe(text.length);
    expect(map.toRaw(text.indexOf('ngày'))).toBe(raw.indexOf('ngày'));
  });

  it('never throws, whatever the string', () => {
    const pool = ['a', 'Ă', '\u0301', ' ', '\u00a0', '\n', '\u00ad', '¸', 'ù', 'Ù', '-', 'ƣ', '\ud800', '\udc00', '😀',
      '°', '³', 'Ö', 'ß', 'ŉ', '\u1100', '\u1161', '\u0000', '\ufeff', '9'];
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 300; round++) {
      const length = Math.floor(random() * 40);
      const text = Array.from({ length }, () => pool[Math.floor(random() * pool.length)]).join('');
      const spans = round % 3 === 0 ? [{ start: 3, end: 2, font: '.VnTime' }, { start: 1, end: 999, font: 'VNI-Times' }] : undefined;
      const result = normalizeVietnameseText(text, spans ? { fontSpans: spans } : {});
      expect(typeof result.text).toBe('string');
      expect(result.text).toBe(result.text.normalize('NFC'));
      for (let offset = 0; offset <= text.length; offset++) {
        const mapped = result.map.toNormalized(offset);
        expect(mapped).toBeGreaterThanOrEqual(0);
        expect(mapped).toBeLessThanOrEqual(result.text.length);
      }
    }
  });

  it('leaves seed 002 with no "ƣ" and a high share of valid syllables', () => {
    const raw = seedText('002');
    expect(raw).toContain('\u01a3');
    const { text, repairs } = normalizeVietnameseText(raw);
    expect(text).not.toMatch(/[\u01a2\u01a3]/);
    expect(text).toContain('dân cư');
    expect(text).toContain('Quảng Xương');
    expect(repairs.map((repair) => repair.kind)).toEqual(['u01a3']);
    const words = text.split(/[^\p{L}\p{M}]+/u).filter((word) => /\p{Ll}/u.test(word));
    const valid = words.filter((word) => isValidVietnameseSyllable(word)).length;
    expect(words.length).toBeGreaterThan(5000);
    expect(valid / words.length).toBeGreaterThan(0.95);
  });
});

describe('normalizeDocument', () => {
  const heading = 'KÕ ho¹ch kiÓm tra';
  const paragraph = 'Quản lý dân cƣ trên\n  địa bàn huyện Quảng Xƣơng';
  const source = sourceDocument([
    {
      kind: 'heading',
      level: 1,
      text: heading,
      location: { page: 1, line: 1 },
      fontSpans: [{ start: 0, end: heading.length, font: 'ABCDEF+.VnTime' }],
    },
    {
      kind: 'paragraph',
      text: paragraph,
      location: { page: 1, line: 2, endLine: 3 },
      lineStarts: [
        { start: 0, page: 1, line: 2 },
        { start: 'Quản lý dân cƣ trên\n'.length, page: 1, line: 3 },
      ],
      fontSpans: [
        { start: 0, end: 19, font: 'TimesNewRomanPSMT' },
        { start: 19, end: paragraph.length, font: 'TimesNewRomanPS-BoldMT' },
      ],
    },
    {
      kind: 'list-item',
      level: 1,
      marker: '-',
      ordered: false,
      text: 'Tiếp nhận: 31 hồ sơ'.normalize('NFD'),
      location: { page: 1, line: 4, start: 0, end: 'Tiếp nhận'.normalize('NFD').length },
    },
    {
      kind: 'table',
      location: { page: 2, line: 1 },
      rows: [
        {
          header: false,
          location: { page: 2, line: 1 },
          cells: [
            { text: 'ca \u0301c xã', colSpan: 1, rowSpan: 1, location: { page: 2, line: 1 } },
            { text: 'Hồ sơ'.normalize('NFD'), colSpan: 1, rowSpan: 1, location: { page: 2, line: 1 } },
          ],
        },
      ],
    },
  ]);

  it('normalizes every text block and table cell', () => {
    const document = normalizeDocument(source);
    expect(() => DocumentSchema.parse(document)).not.toThrow();
    const [first, second, third, table] = document.blocks;
    expect(first).toMatchObject({ kind: 'heading', text: 'Kế hoạch kiểm tra' });
    expect(second).toMatchObject({ kind: 'paragraph', text: 'Quản lý dân cư trên địa bàn huyện Quảng Xương' });
    expect(third).toMatchObject({ kind: 'list-item', text: 'Tiếp nhận: 31 hồ sơ', marker: '-' });
    if (table?.kind !== 'table') throw new Error('table expected');
    expect(table.rows[0]!.cells.map((cell) => cell.text)).toEqual(['các xã', 'Hồ sơ']);
    expect(document.source).toEqual(source.source);
  });

  it('remaps line starts, font spans and locations onto the normalized text', () => {
    const document = normalizeDocument(source);
    const paragraph = document.blocks[1]!;
    if (paragraph.kind !== 'paragraph') throw new Error('paragraph expected');
    expect(paragraph.lineStarts).toEqual([
      { start: 0, page: 1, line: 2 },
      { start: paragraph.text.indexOf('địa'), page: 1, line: 3 },
    ]);
    expect(paragraph.fontSpans).toEqual([
      { start: 0, end: 'Quản lý dân cư trên'.length, font: 'TimesNewRomanPSMT' },
      { start: 'Quản lý dân cư trên'.length, end: paragraph.text.length, font: 'TimesNewRomanPS-BoldMT' },
    ]);
    const listItem = document.blocks[2]!;
    expect(listItem.location).toEqual({ page: 1, line: 4, start: 0, end: 'Tiếp nhận'.length });
    const heading = document.blocks[0]!;
    if (heading.kind !== 'heading') throw new Error('heading expected');
    expect(heading.fontSpans).toEqual([{ start: 0, end: 'Kế hoạch kiểm tra'.length, font: 'ABCDEF+.VnTime' }]);
  });

  it('reports one aggregated repair per kind, with its first location and a sample', () => {
    const { repairs } = normalizeDocument(source);
    expect(repairs.map((repair) => [repair.kind, repair.count, repair.detectedBy])).toEqual([
      ['tcvn3', 1, 'font'],
      ['u01a3', 1, 'always'],
      ['combining-space', 1, 'always'],
      ['nfc', 3, 'always'],
    ]);
    const [tcvn3, u01a3, combiningSpace, nfc] = repairs;
    expect(tcvn3!.location).toEqual({ page: 1, line: 1, start: 1, end: 2 });
    expect(tcvn3!.before).toBe('KÕ ho¹ch kiÓm tra');
    expect(tcvn3!.after).toBe('Kế hoạch kiểm tra');
    expect(u01a3!.location).toMatchObject({ page: 1, line: 2, endLine: 3, start: 13, end: 14 });
    expect(u01a3!.before).toContain('cƣ');
    expect(u01a3!.after).toContain('cư');
    expect(combiningSpace!.location).toMatchObject({ page: 2, line: 1 });
    expect(nfc!.location).toMatchObject({ page: 1, line: 4 });
  });

  it('decodes a legacy document without font names paragraph by paragraph, short ones included', () => {
    const document = normalizeDocument(
      sourceDocument([
        { kind: 'heading', level: 1, text: 'Th«n', location: { line: 1 } },
        { kind: 'paragraph', text: TCVN3_PARAGRAPH, location: { line: 2 } },
        { kind: 'paragraph', text: 'B¸o c¸o', location: { line: 3 } },
        { kind: 'paragraph', text: 'ISO 9001:2015', location: { line: 4 } },
      ]),
    );
    expect(document.blocks.map((block) => (block.kind === 'table' ? '' : block.text))).toEqual([
      'Thôn',
      TCVN3_PARAGRAPH_UNICODE,
      'Báo cáo',
      'ISO 9001:2015',
    ]);
    expect(document.repairs).toEqual([
      expect.objectContaining({ kind: 'tcvn3', count: 3, detectedBy: 'statistics', location: { line: 1, start: 2, end: 3 } }),
    ]);
  });

  it('leaves the seeds as they are, apart from the "ƣ" of seed 002', () => {
    for (const file of SEED_IDS) {
      const lines = seedText(file).split('\n');
      const document = normalizeDocument(
        sourceDocument(lines.map((text, index) => ({ kind: 'paragraph' as const, text, location: { line: index + 1 } }))),
      );
      const kinds = document.repairs.map((repair) => repair.kind);
      expect(kinds, file).toEqual(file === '002' ? ['u01a3'] : []);
      document.blocks.forEach((block, index) => {
        if (block.kind === 'table') return;
        expect(block.text).toBe(lines[index]!.replace(/ƣ/g, 'ư').replace(/Ƣ/g, 'Ư').normalize('NFC').replace(/\s+/g, ' ').trim());
      });
    }
  });
});
