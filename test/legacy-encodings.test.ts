import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  decodeTcvn3,
  decodeVni,
  isAllCapsTcvn3Font,
  legacyEncodingOfFont,
} from '../src/normalize/legacy-encodings.ts';
import { isValidVietnameseSyllable } from '../src/normalize/syllables.ts';

/**
 * TCVN3 (TCVN 5712:1993, VN3) codes of every lower-case letter, written out by hand from the
 * published table; each code is given as the Latin-1 character a text layer shows for it.
 * Rows: plain, sắc, huyền, hỏi, ngã, nặng.
 */
const TCVN3_LOWER: ReadonlyArray<readonly [string, string]> = [
  ['a', 'a'], ['á', '\xb8'], ['à', '\xb5'], ['ả', '\xb6'], ['ã', '\xb7'], ['ạ', '\xb9'],
  ['ă', '\xa8'], ['ắ', '\xbe'], ['ằ', '\xbb'], ['ẳ', '\xbc'], ['ẵ', '\xbd'], ['ặ', '\xc6'],
  ['â', '\xa9'], ['ấ', '\xca'], ['ầ', '\xc7'], ['ẩ', '\xc8'], ['ẫ', '\xc9'], ['ậ', '\xcb'],
  ['e', 'e'], ['é', '\xd0'], ['è', '\xcc'], ['ẻ', '\xce'], ['ẽ', '\xcf'], ['ẹ', '\xd1'],
  ['ê', '\xaa'], ['ế', '\xd5'], ['ề', '\xd2'], ['ể', '\xd3'], ['ễ', '\xd4'], ['ệ', '\xd6'],
  ['i', 'i'], ['í', '\xdd'], ['ì', '\xd7'], ['ỉ', '\xd8'], ['ĩ', '\xdc'], ['ị', '\xde'],
  ['o', 'o'], ['ó', '\xe3'], ['ò', '\xdf'], ['ỏ', '\xe1'], ['õ', '\xe2'], ['ọ', '\xe4'],
  ['ô', '\xab'], ['ố', '\xe8'], ['ồ', '\xe5'], ['ổ', '\xe6'], ['ỗ', '\xe7'], ['ộ', '\xe9'],
  ['ơ', '\xac'], ['ớ', '\xed'], ['ờ', '\xea'], ['ở', '\xeb'], ['ỡ', '\xec'], ['ợ', '\xee'],
  ['u', 'u'], ['ú', '\xf3'], ['ù', '\xef'], ['ủ', '\xf1'], ['ũ', '\xf2'], ['ụ', '\xf4'],
  ['ư', '\xad'], ['ứ', '\xf8'], ['ừ', '\xf5'], ['ử', '\xf6'], ['ữ', '\xf7'], ['ự', '\xf9'],
  ['y', 'y'], ['ý', '\xfd'], ['ỳ', '\xfa'], ['ỷ', '\xfb'], ['ỹ', '\xfc'], ['ỵ', '\xfe'],
  ['đ', '\xae'],
];

/** VN3's own capitals: the base letters without tone. */
const TCVN3_CAPITALS: ReadonlyArray<readonly [string, string]> = [
  ['Ă', '\xa1'], ['Â', '\xa2'], ['Ê', '\xa3'], ['Ô', '\xa4'], ['Ơ', '\xa5'], ['Ư', '\xa6'], ['Đ', '\xa7'],
];

/** Toned capitals that VN2 adds inside 0xA0–0xFF. */
const TCVN3_VN2_CAPITALS: ReadonlyArray<readonly [string, string]> = [
  ['Ắ', '\xc0'], ['Ằ', '\xaf'], ['Ẳ', '\xba'], ['Ẵ', '\xbf'],
  ['Ấ', '\xc4'], ['Ầ', '\xc1'], ['Ẩ', '\xc2'], ['Ẫ', '\xc3'],
  ['Ế', '\xda'], ['Ề', '\xc5'], ['Ể', '\xcd'], ['Ễ', '\xd9'],
  ['Ố', '\xff'], ['Ồ', '\xdb'], ['Ổ', '\xe0'], ['Ỗ', '\xf0'],
];

/** TCVN 5712 combining tones, in the order sắc, huyền, hỏi, ngã, nặng. */
const TCVN3_TONE_CODES = ['\xb3', '\xb0', '\xb1', '\xb2', '\xb4'];

/** Every capital, by row: its VN3 base code, then the five toned capitals (sắc, huyền, hỏi, ngã, nặng). */
const CAPITAL_ROWS: ReadonlyArray<readonly [string, string]> = [
  ['A', 'ÁÀẢÃẠ'], ['\xa1', 'ẮẰẲẴẶ'], ['\xa2', 'ẤẦẨẪẬ'], ['E', 'ÉÈẺẼẸ'], ['\xa3', 'ẾỀỂỄỆ'],
  ['I', 'ÍÌỈĨỊ'], ['O', 'ÓÒỎÕỌ'], ['\xa4', 'ỐỒỔỖỘ'], ['\xa5', 'ỚỜỞỠỢ'], ['U', 'ÚÙỦŨỤ'],
  ['\xa6', 'ỨỪỬỮỰ'], ['Y', 'ÝỲỶỸỴ'],
];

/** VNI Windows spellings, written out by hand from the VNI code table (lower case). */
const VNI_LOWER = `
  a:a á:aù à:aø ả:aû ã:aõ ạ:aï
  ă:aê ắ:aé ằ:aè ẳ:aú ẵ:aü ặ:aë
  â:aâ ấ:aá ầ:aà ẩ:aå ẫ:aã ậ:aä
  e:e é:eù è:eø ẻ:eû ẽ:eõ ẹ:eï
  ê:eâ ế:eá ề:eà ể:eå ễ:eã ệ:eä
  i:i í:í ì:ì ỉ:æ ĩ:ó ị:ò
  o:o ó:où ò:oø ỏ:oû õ:oõ ọ:oï
  ô:oâ ố:oá ồ:oà ổ:oå ỗ:oã ộ:oä
  ơ:ô ớ:ôù ờ:ôø ở:ôû ỡ:ôõ ợ:ôï
  u:u ú:uù ù:uø ủ:uû ũ:uõ ụ:uï
  ư:ö ứ:öù ừ:öø ử:öû ữ:öõ ự:öï
  y:y ý:yù ỳ:yø ỷ:yû ỹ:yõ ỵ:î
  đ:ñ`;

/** The same, capitals: marks are written in upper case after a capital ("AÙ"). */
const VNI_UPPER = `
  A:A Á:AÙ À:AØ Ả:AÛ Ã:AÕ Ạ:AÏ
  Ă:AÊ Ắ:AÉ Ằ:AÈ Ẳ:AÚ Ẵ:AÜ Ặ:AË
  Â:AÂ Ấ:AÁ Ầ:AÀ Ẩ:AÅ Ẫ:AÃ Ậ:AÄ
  E:E É:EÙ È:EØ Ẻ:EÛ Ẽ:EÕ Ẹ:EÏ
  Ê:EÂ Ế:EÁ Ề:EÀ Ể:EÅ Ễ:EÃ Ệ:EÄ
  I:I Í:Í Ì:Ì Ỉ:Æ Ĩ:Ó Ị:Ò
  O:O Ó:OÙ Ò:OØ Ỏ:OÛ Õ:OÕ Ọ:OÏ
  Ô:OÂ Ố:OÁ Ồ:OÀ Ổ:OÅ Ỗ:OÃ Ộ:OÄ
  Ơ:Ô Ớ:ÔÙ Ờ:ÔØ Ở:ÔÛ Ỡ:ÔÕ Ợ:ÔÏ
  U:U Ú:UÙ Ù:UØ Ủ:UÛ Ũ:UÕ Ụ:UÏ
  Ư:Ö Ứ:ÖÙ Ừ:ÖØ Ử:ÖÛ Ữ:ÖÕ Ự:ÖÏ
  Y:Y Ý:YÙ Ỳ:YØ Ỷ:YÛ Ỹ:YÕ Ỵ:Î
  Đ:Ñ`;

function parsePairs(table: string): Array<[string, string]> {
  return table
    .trim()
    .split(/\s+/)
    .map((pair) => pair.split(':') as [string, string]);
}

describe('decodeTcvn3: the published VN3 table', () => {
  it('covers every lower-case letter with all five tones and none', () => {
    expect(TCVN3_LOWER).toHaveLength(12 * 6 + 1);
    for (const [letter, code] of TCVN3_LOWER) {
      expect(decodeTcvn3(code), `code ${code.charCodeAt(0).toString(16)}`).toBe(letter);
      // Inside a word, too: between ASCII consonants.
      expect(decodeTcvn3(`th${code}n`)).toBe(`th${letter}n`);
    }
  });

  it('decodes the seven capitals VN3 has, and the toned capitals VN2 adds', () => {
    for (const [letter, code] of [...TCVN3_CAPITALS, ...TCVN3_VN2_CAPITALS]) {
      expect(decodeTcvn3(code)).toBe(letter);
    }
  });

  it('writes every toned capital as a base capital followed by a TCVN 5712 combining tone', () => {
    for (const [base, capitals] of CAPITAL_ROWS) {
      [...capitals].forEach((capital, tone) => {
        expect(decodeTcvn3(base + TCVN3_TONE_CODES[tone]!).normalize('NFC')).toBe(capital);
      });
    }
  });

  it('reads a word of base capitals with lower-case toned codes as capitals ("B¸O C¸O")', () => {
    for (const [base, capitals] of CAPITAL_ROWS) {
      [...capitals].forEach((capital, tone) => {
        const lowerCode = TCVN3_LOWER.find(([letter]) => letter === capital.toLowerCase())![1];
        expect(decodeTcvn3(`TH${lowerCode}NG`), `${base} tone ${tone}`).toBe(`TH${capital}NG`);
      });
    }
    expect(decodeTcvn3('B¸O C¸O KÕT QU¶')).toBe('BÁO CÁO KẾT QUẢ');
    expect(decodeTcvn3('CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM')).toBe('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    // One capital is title case, not capitals.
    expect(decodeTcvn3('X· S¬n T©y H¹')).toBe('Xã Sơn Tây Hạ');
    expect(decodeTcvn3('Kú häp')).toBe('Kỳ họp');
    // Abbreviations are capitals without tones: no evidence for the word beside them.
    expect(decodeTcvn3('sè 84/KH-UBND KÕ ho¹ch')).toBe('số 84/KH-UBND Kế hoạch');
  });

  it('decodes the known spellings', () => {
    expect(decodeTcvn3('B¸o c¸o')).toBe('Báo cáo');
    expect(decodeTcvn3('Th«n')).toBe('Thôn');
    expect(decodeTcvn3('®¨ng ký')).toBe('đăng ký');
    expect(decodeTcvn3('d©n c\u00ad')).toBe('dân cư');
    expect(decodeTcvn3('Qu¶ng Ng·i')).toBe('Quảng Ngãi');
    expect(decodeTcvn3('ng\u00adêi d©n')).toBe('người dân');
    expect(decodeTcvn3('§Ò ¸n 06')).toBe('Đề án 06');
  });

  it('passes digits, ASCII, punctuation and Windows quotes/dashes through', () => {
    const plain = 'ISO 9001:2015 (UBND) - 100% / 97/QĐ-UBND; "a" \u201cb\u201d \u2013 \u2014 \u2026 \u2022';
    expect(decodeTcvn3(plain)).toBe(plain);
    expect(decodeTcvn3('25°C, ±5')).toBe('25°C, ±5');
    expect(decodeTcvn3('')).toBe('');
  });

  it('agrees with glibc iconv TCVN5712-1 on every VN3/VN2 code of 0xA0–0xFF', (context) => {
    let glibc: Buffer;
    const codes = Array.from({ length: 0x60 }, (_, i) => 0xa0 + i).filter((code) => code < 0xb0 || code > 0xb4);
    try {
      glibc = execFileSync('iconv', ['-f', 'TCVN5712-1', '-t', 'UTF-16LE'], { input: Buffer.from(codes) });
    } catch {
      context.skip();
      return;
    }
    const expected = [...glibc.toString('utf16le')];
    // One code per word, so that no word mixes capitals and lower case.
    const decoded = decodeTcvn3(codes.map((code) => String.fromCharCode(code)).join(' ')).split(' ');
    expect(decoded).toEqual(expected);
  });
});

describe('decodeVni: the VNI Windows table', () => {
  const lower = parsePairs(VNI_LOWER);
  const upper = parsePairs(VNI_UPPER);

  it('covers every letter with all five tones and none, lower and upper case', () => {
    expect(lower).toHaveLength(12 * 6 + 1);
    expect(upper).toHaveLength(12 * 6 + 1);
    for (const [letter, spelling] of [...lower, ...upper]) {
      expect(decodeVni(spelling), spelling).toBe(letter);
      expect(decodeVni(`th${spelling}n`)).toBe(`th${letter}n`);
      expect(decodeVni(`TH${spelling}N`)).toBe(`TH${letter}N`);
    }
  });

  it('decodes the known spellings', () => {
    expect(decodeVni('Baùo caùo')).toBe('Báo cáo');
    expect(decodeVni('Ñaêng kyù')).toBe('Đăng ký');
    expect(decodeVni('Quaûng Ngaõi')).toBe('Quảng Ngãi');
    expect(decodeVni('BAÙO CAÙO')).toBe('BÁO CÁO');
    expect(decodeVni('ngöôøi daân')).toBe('người dân');
    expect(decodeVni('thuôû')).toBe('thuở');
    expect(decodeVni('UÛy ban')).toBe('Ủy ban');
    expect(decodeVni('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam')).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
  });

  it('lets the base letter carry the case when base and mark disagree', () => {
    expect(decodeVni('Aù')).toBe('Á');
    expect(decodeVni('aÙ')).toBe('á');
  });

  it('passes digits, ASCII and punctuation through', () => {
    const plain = 'ISO 9001:2015 (UBND) - 100% / 97/QD-UBND; \u201cb\u201d \u2013';
    expect(decodeVni(plain)).toBe(plain);
    expect(decodeVni('')).toBe('');
  });
});

describe('font names', () => {
  it('recognises TCVN3 fonts, with and without a PDF subset prefix', () => {
    for (const font of ['.VnTime', '.VnTimeH', '.VnArial', '.VnArialH', '.VnCentury Schoolbook', '.VnBook-Antiqua',
      'ABCDEF+.VnTime', 'QWERTY+.VnTimeH,Bold', '.VnTime-Bold', 'VnTime']) {
      expect(legacyEncodingOfFont(font), font).toBe('tcvn3');
    }
  });

  it('recognises VNI fonts', () => {
    for (const font of ['VNI-Times', 'VNI-Helve', 'VNI-Times-Bold', 'ABCDEF+VNI-Times', 'VNI-Helve-Condense']) {
      expect(legacyEncodingOfFont(font), font).toBe('vni');
    }
  });

  it('says nothing of Unicode fonts', () => {
    for (const font of ['Times New Roman', 'ABCDEF+TimesNewRomanPSMT', 'Arial', 'Calibri', 'F1', '', 'Verdana', 'VNtimes']) {
      expect(legacyEncodingOfFont(font), font).toBeUndefined();
    }
    expect(legacyEncodingOfFont(undefined)).toBeUndefined();
  });

  it('knows the all-capitals TCVN3 fonts', () => {
    expect(isAllCapsTcvn3Font('.VnTimeH')).toBe(true);
    expect(isAllCapsTcvn3Font('ABCDEF+.VnArialH,Bold')).toBe(true);
    expect(isAllCapsTcvn3Font('.VnTime')).toBe(false);
    expect(isAllCapsTcvn3Font('VNI-Helve')).toBe(false);
    expect(isAllCapsTcvn3Font('Times New Roman')).toBe(false);
  });
});

describe('isValidVietnameseSyllable', () => {
  it('accepts real syllables, in any case and with either tone placement', () => {
    const valid = ['người', 'Nguyễn', 'quốc', 'giữa', 'gì', 'khuya', 'thuở', 'nghiệp', 'kiểm', 'xoong', 'hoặc',
      'HOÀ', 'hòa', 'hoà', 'thủy', 'thuỷ', 'ĐỀ', 'án', 'ước', 'yêu', 'khuỷu', 'quyết', 'tiếng', 'anh', 'ếch',
      'uống', 'của', 'xã', 'dân', 'cư', 'tháng', 'năm', 'thôn', 'hộ', 'khẩu', 'ý', 'a', 'ạ', 'ngoài', 'thuế'];
    for (const word of valid) {
      expect(isValidVietnameseSyllable(word), word).toBe(true);
      expect(isValidVietnameseSyllable(word.normalize('NFD')), `${word} (NFD)`).toBe(true);
    }
  });

  it('rejects abbreviations, foreign words, mojibake and impossible spellings', () => {
    const invalid = ['UBND', 'QĐ', 'report', 'B¸o', 'Baùo', 'caùo', 'Th«n', 'thưc', 'bac', 'kan', 'ngi', 'ghơ',
      'háá', 'xyz', '9001', '', 'aa', 'tiê', 'ăn̂', 'cƣ', 'VNeID', 'ISO',
      // the tone never sits on a closing semivowel, nor on the first vowel of iê/uô/ươ
      'xaõ', 'giaù', 'maỳ', 'míêng', 'múôn'];
    for (const word of invalid) expect(isValidVietnameseSyllable(word), word).toBe(false);
  });
});
