/**
 * The Vietnamese number reader: finds every number mention in a line (or a rebuilt paragraph) of
 * normalized Vietnamese text and says what it is. It decides *what the digits are* and *whether they
 * can be a figure at all*; what a figure means is left to the extraction rules.
 *
 * The reader is a list of rules, Duckling-style: each has a name, a pattern and a production that may
 * reject its match. Rules run in order and a later rule cannot read characters an earlier one has
 * claimed, so the specific non-figure readings (document numbers, dates, years, levels, ages, list
 * markers, ...) go first and the plain integer reading comes last.
 *
 * Separator policy (Vietnamese convention: "." groups thousands, "," is the decimal mark):
 * - "5.388", "1.234.567" are thousands; "0,76", "71,6" are decimals; "1.234,5" is 1 234,5.
 * - A dot followed by other than exactly 3 digits cannot be a thousands group: "121.81", "2.5" are
 *   dot decimals, and that is their only reading, so they are *not* uncertain.
 * - "x.yyy" (one dot, three digits) is read as thousands. It is marked uncertain, with the decimal
 *   reading kept in `alternatives`, only when both readings are plausible and the context does not
 *   decide:
 *     · followed by a measure that takes decimals (km2, ha, tấn, tỷ, triệu, ...) → uncertain;
 *     · the text (or, via `dotDecimalSeen`, the document) writes dot decimals elsewhere → uncertain;
 *     · followed by a counted noun (hộ, hồ sơ, ...) or inside a ratio → certain: counts are whole;
 *     · "x.000" → certain thousands (nobody writes a decimal as "12.000");
 *     · "0.yyy" → certain decimal (a thousands group never follows a lone zero);
 *     · "x.yyy%" → read as the decimal (a percentage in the thousands is not credible) but uncertain.
 * - "x,yyy" is a decimal by convention; only before a counted noun (where a fraction is impossible)
 *   is it read as an English-style thousands group, and then marked uncertain.
 * - "x.yyyy" (dot + 4 digits) is no thousands group and no plausible dot decimal in these reports:
 *   typically a footnote mark glued to a thousands number ("13.1761" = 13.176 + footnote 1). Always
 *   uncertain; in a count context the footnote reading is chosen, otherwise the literal decimal.
 * Uncertain readings are never silent: `uncertain`, `uncertainReason` and `alternatives` say why.
 */
import type { Figure } from '../model/figure.ts';
import { NUMERAL_FIRST_WORDS, parseNumberWords } from './number-words.ts';

export type NumberKind =
  | 'integer' | 'decimal' | 'percent' | 'ratio' | 'word-number'
  // the non-figure kinds: never reported as figures
  | 'year' | 'year-range' | 'date' | 'document-number' | 'list-marker' | 'level' | 'age'
  | 'identifier' | 'band' | 'time' | 'footnote';

export type NumberQualifier = NonNullable<Figure['qualifier']>;

export type NumberMention = {
  /** Character range in the input text: raw === text.slice(start, end). */
  start: number;
  end: number;
  raw: string;
  kind: NumberKind;
  /** integer/decimal/percent/word-number: the value; ratio: the numerator; year: the year;
   * band/year-range: the lower end; list-marker: its (last) number; level/age: the number. */
  value?: number;
  /** ratio a/b: b. */
  denominator?: number;
  /** The percentage stated with it: p% alone, a/b = p%, a/b hồ sơ = p%. */
  percent?: number;
  /** How many decimals the percentage was written with ("0,76%" → 2): the checker's rounding interval. */
  percentDecimals?: number;
  /** "đạt 40%/ tổng dân số": the base named after the slash ("tổng dân số"). */
  baseText?: string;
  /** band ("từ 500 đến 1.000") and year-range ("2022 – 2025"): the upper end. */
  rangeEnd?: number;
  /** date: the parts that were written ("tháng 6/2025" → month 6, year 2025). */
  date?: { day?: number; month?: number; year?: number };
  qualifier?: NumberQualifier;
  /** The separator (or kind) reading is not certain; `alternatives` holds the other reading(s) of `value`. */
  uncertain?: boolean;
  uncertainReason?: string;
  alternatives?: number[];
  /** list-marker: how it was written. */
  markerStyle?: 'paren' | 'dotted' | 'bare' | 'roman' | 'letter';
  /** Name of the reading rule that produced it (for explanations and debugging). */
  rule: string;
};

export type FindNumbersOptions = {
  /** Nouns that make a preceding number a count (and a number word a figure). Defaults to DEFAULT_COUNT_NOUNS. */
  countNouns?: readonly string[];
  /** The document writes dot decimals elsewhere ("121.81 km2"): a lone "1.500" is then no longer sure to be thousands.
   * Compute it once per document with `textShowsDotDecimal`. */
  dotDecimalSeen?: boolean;
  /** The document groups thousands with plain spaces ("4 106 hồ sơ"): compute it once per document with `textShowsSpaceThousands`. */
  spaceThousandsSeen?: boolean;
};

export const FIGURE_KINDS: ReadonlySet<NumberKind> = new Set<NumberKind>(['integer', 'decimal', 'percent', 'ratio', 'word-number']);

export function isFigure(mention: Pick<NumberMention, 'kind'>): boolean {
  return FIGURE_KINDS.has(mention.kind);
}

/** Counting nouns of the Đề án 06 reports; multi-word nouns are matched whole. */
export const DEFAULT_COUNT_NOUNS: readonly string[] = [
  'hộ', 'hộ gia đình', 'hộ dân', 'người', 'người dân', 'nhân khẩu', 'khẩu', 'công dân', 'cử tri', 'trẻ', 'cháu',
  'học sinh', 'sinh viên', 'cán bộ', 'công chức', 'viên chức', 'đồng chí', 'đối tượng', 'đảng viên',
  'thôn', 'xóm', 'bản', 'khu phố', 'tổ dân phố', 'tổ', 'ấp', 'khối', 'làng', 'xã', 'phường', 'thị trấn', 'huyện', 'tỉnh',
  'nhiệm vụ', 'hồ sơ', 'tài khoản', 'thẻ', 'buổi', 'lượt', 'tin', 'bài', 'tin bài', 'phóng sự', 'video', 'clip',
  'mô hình', 'máy', 'máy tính', 'thiết bị', 'camera', 'điện thoại', 'loa', 'cụm loa', 'chiếc', 'cái',
  'văn bản', 'kế hoạch', 'quyết định', 'công văn', 'nghị quyết', 'thông báo', 'báo cáo',
  'thủ tục', 'tthc', 'dvc', 'dịch vụ', 'dịch vụ công', 'trường hợp', 'cuộc', 'cuộc họp', 'hội nghị', 'lớp',
  'đoàn', 'đơn vị', 'cơ quan', 'cơ sở', 'doanh nghiệp', 'tổ chức', 'điểm', 'trường', 'trường học',
  'nhóm', 'tiện ích', 'phần mềm', 'ứng dụng', 'cấp', 'ngành', 'lĩnh vực', 'nội dung', 'tiêu chí', 'chỉ tiêu',
  'câu hỏi', 'giấy', 'bản sao', 'biển số', 'xe', 'phương tiện', 'cccd', 'cmnd', 'căn cước', 'trang', 'tờ',
  'mẫu', 'kiến nghị', 'vụ', 'vụ việc', 'đường truyền', 'bàn', 'ghế',
];

// ---------------------------------------------------------------------------------------------
// Separator reading
// ---------------------------------------------------------------------------------------------

export type NumberReading = {
  value: number;
  uncertain: boolean;
  reason?: string;
  /** The other plausible reading, when the notation allows two. */
  alternative?: number;
  /** Fraction digits of the chosen reading as written ("0,76" → 2, "5.388" → 0). */
  decimals: number;
};

const NUMBER_TOKEN = /^\d+(?:[.,]\d+)*$/;
const VN_THOUSANDS_DECIMAL = /^\d{1,3}(?:\.\d{3})+,\d+$/;
const EN_THOUSANDS_DECIMAL = /^\d{1,3}(?:,\d{3})+\.\d+$/;

function hasLeadingZero(digits: string): boolean {
  return digits.length > 1 && digits.startsWith('0');
}

/**
 * Reads one written number token ("5.388", "0,76", "121.81", "1.234,5", "08") by the separator policy
 * at the top of this file, without context. Returns null for what is no number ("2.1.3", "1,2.3").
 */
export function parseVietnameseNumber(token: string): NumberReading | null {
  // Typographic thousands spaces (no-break, narrow no-break), and plain ones between groups of three, group like dots.
  const t = token.trim().replace(/[\u00A0\u202F]/g, '.').replace(/(?<=\d) (?=\d{3}(?!\d))/gu, '.');
  if (!NUMBER_TOKEN.test(t)) return null;
  const groups = t.split(/[.,]/);
  const dots = (t.match(/\./g) ?? []).length;
  const commas = (t.match(/,/g) ?? []).length;
  const first = groups[0] ?? '';
  const rest = groups.slice(1);

  if (dots === 0 && commas === 0) return { value: Number(t), uncertain: false, decimals: 0 };

  if (commas === 0) {
    if (dots === 1) {
      const frac = rest[0] ?? '';
      const asDecimal = Number(`${first}.${frac}`);
      if (frac.length === 3) {
        if (first === '0' || first.length > 3) return { value: asDecimal, uncertain: false, decimals: 3 };
        const asThousands = Number(first + frac);
        if (hasLeadingZero(first)) {
          return {
            value: asThousands, uncertain: true, alternative: asDecimal, decimals: 0,
            reason: `“${token}”: số 0 đứng đầu nhóm hàng nghìn là bất thường; có thể là ${formatVietnameseNumber(asThousands)} hoặc ${formatVietnameseNumber(asDecimal, 3)}`,
          };
        }
        if (frac === '000') return { value: asThousands, uncertain: false, decimals: 0 };
        return { value: asThousands, uncertain: false, alternative: asDecimal, decimals: 0 };
      }
      if (frac.length === 4 && first.length <= 3 && !hasLeadingZero(first)) {
        const withFootnote = Number(first + frac.slice(0, 3));
        return {
          value: asDecimal, uncertain: true, alternative: withFootnote, decimals: 4,
          reason: `“${token}”: dấu chấm trước 4 chữ số không phải phân cách hàng nghìn; có thể là ${formatVietnameseNumber(withFootnote)} kèm chú thích “${frac.slice(3)}” dính liền, hoặc số thập phân ${formatVietnameseNumber(asDecimal, 4)}`,
        };
      }
      if (frac.length >= 4) {
        return {
          value: asDecimal, uncertain: true, decimals: frac.length,
          reason: `“${token}”: dấu chấm trước ${frac.length} chữ số không phải phân cách hàng nghìn; đọc là số thập phân`,
        };
      }
      // One or two digits after the dot: only a (dot-written) decimal fits.
      return { value: asDecimal, uncertain: false, decimals: frac.length };
    }
    if (first.length <= 3 && rest.every((g) => g.length === 3)) {
      return { value: Number(first + rest.join('')), uncertain: false, decimals: 0 };
    }
    return null;
  }

  if (dots === 0) {
    if (commas === 1) {
      const frac = rest[0] ?? '';
      const value = Number(`${first}.${frac}`);
      if (frac.length === 3 && first.length <= 3 && first !== '0' && !hasLeadingZero(first)) {
        return { value, uncertain: false, alternative: Number(first + frac), decimals: 3 };
      }
      return { value, uncertain: false, decimals: frac.length };
    }
    // "1,234,567": several commas can only group thousands (English style).
    if (first.length <= 3 && rest.every((g) => g.length === 3)) {
      return { value: Number(first + rest.join('')), uncertain: false, decimals: 0 };
    }
    return null;
  }

  if (VN_THOUSANDS_DECIMAL.test(t)) {
    const [intPart = '', frac = ''] = t.split(',');
    return { value: Number(`${intPart.replace(/\./g, '')}.${frac}`), uncertain: false, decimals: frac.length };
  }
  if (EN_THOUSANDS_DECIMAL.test(t)) {
    const [intPart = '', frac = ''] = t.split('.');
    return { value: Number(`${intPart.replace(/,/g, '')}.${frac}`), uncertain: false, decimals: frac.length };
  }
  return null;
}

/**
 * Writes a number the Vietnamese way for messages: 5388 → "5.388", 99.81 → "99,81", 0.76 → "0,76".
 * With `decimals` the fraction is fixed to that many digits (99.8 with 2 → "99,80").
 */
export function formatVietnameseNumber(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) return String(value);
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  let fixed: string;
  if (decimals !== undefined) {
    fixed = abs.toFixed(Math.max(0, Math.min(20, Math.trunc(decimals))));
  } else {
    // Ten decimals absorb floating-point noise (0.1 + 0.2) and keep every decimal a report can write.
    fixed = abs.toFixed(10).replace(/\.?0+$/, '');
  }
  const [intPart = '0', frac] = fixed.split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const text = frac ? `${grouped},${frac}` : grouped;
  return text === '0' ? '0' : sign + text;
}

// ---------------------------------------------------------------------------------------------
// Context
// ---------------------------------------------------------------------------------------------

type ReadContext = 'count' | 'percent' | 'measure' | 'plain';

const DOT_THOUSANDS_SHAPE = /^\d{1,3}\.\d{3}$/;
const DOT_FOOTNOTE_SHAPE = /^\d{1,3}\.\d{4}$/;
const COMMA_THREE_SHAPE = /^\d{1,3},\d{3}$/;

function readInContext(token: string, ctx: ReadContext, dotDecimalSeen: boolean): NumberReading | null {
  const r = parseVietnameseNumber(token);
  if (!r || r.alternative === undefined) return r;
  if (DOT_THOUSANDS_SHAPE.test(token)) {
    const thousands = formatVietnameseNumber(r.value);
    const decimal = formatVietnameseNumber(r.alternative, 3);
    switch (ctx) {
      case 'count':
        return r.uncertain ? r : { value: r.value, uncertain: false, decimals: 0 };
      case 'percent':
        return {
          value: r.alternative, alternative: r.value, uncertain: true, decimals: 3,
          reason: `“${token}%”: đọc là ${decimal}% (dấu chấm thập phân) vì ${thousands}% không hợp lý; theo quy ước Việt Nam “${token}” là ${thousands}`,
        };
      case 'measure':
        return { ...r, uncertain: true, reason: r.reason ?? `“${token}” trước đơn vị đo: có thể là ${thousands} (dấu chấm phân cách hàng nghìn) hoặc ${decimal} (dấu chấm thập phân)` };
      case 'plain':
        return dotDecimalSeen
          ? { ...r, uncertain: true, reason: r.reason ?? `“${token}”: văn bản có dùng dấu chấm thập phân ở chỗ khác, nên có thể là ${thousands} hoặc ${decimal}` }
          : r;
    }
  }
  if (DOT_FOOTNOTE_SHAPE.test(token) && ctx === 'count') {
    return { ...r, value: r.alternative, alternative: r.value, decimals: 0 };
  }
  // A document that writes its decimals with a dot ("86.5%") writes its thousands with a comma ("6,372 hồ sơ"):
  // there "x,yyy" is a count, read with certainty wherever a count may stand.
  if (COMMA_THREE_SHAPE.test(token) && dotDecimalSeen && (ctx === 'count' || ctx === 'plain')) {
    return { value: r.alternative, alternative: r.value, uncertain: false, decimals: 0 };
  }
  if (COMMA_THREE_SHAPE.test(token) && ctx === 'count') {
    return {
      value: r.alternative, alternative: r.value, uncertain: true, decimals: 0,
      reason: `“${token}” đứng trước danh từ đếm được nên không thể là số lẻ ${formatVietnameseNumber(r.value, 3)}; đọc là ${formatVietnameseNumber(r.alternative)} (dấu phẩy phân cách hàng nghìn kiểu Anh)`,
    };
  }
  return r;
}

type NounMatcher = { sticky: RegExp; multiWord: readonly string[] };

const nounMatcherCache = new Map<string, NounMatcher>();

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** By list identity first: joining a few hundred nouns for the key on every call cost more than the reading. */
const nounMatcherByList = new WeakMap<readonly string[], NounMatcher>();

function nounMatcher(nouns: readonly string[]): NounMatcher {
  const known = nounMatcherByList.get(nouns);
  if (known) return known;
  const matcher = nounMatcherFor(nouns);
  nounMatcherByList.set(nouns, matcher);
  return matcher;
}

function nounMatcherFor(nouns: readonly string[]): NounMatcher {
  const key = nouns.join('\u0000');
  const cached = nounMatcherCache.get(key);
  if (cached) return cached;
  const cleaned = [...new Set(nouns.map((n) => n.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ')).filter(Boolean))]
    .sort((a, b) => b.length - a.length);
  const alternation = cleaned.map((n) => escapeRegExp(n).replace(/ /g, '\\s+')).join('|');
  const matcher: NounMatcher = {
    // A match of nothing would make every number a count.
    sticky: new RegExp(`[ \\t]*(?:${alternation || '(?!)'})(?![\\p{L}\\p{M}\\p{N}])`, 'iuy'),
    multiWord: cleaned.filter((n) => n.includes(' ')),
  };
  nounMatcherCache.set(key, matcher);
  return matcher;
}

/** A counted noun follows `pos` ("5.388 hộ", "05hồ sơ"); a line ending in the first word of a
 * multi-word noun ("14.140 nhân" | "khẩu" on the next line) counts too. */
function countNounAt(text: string, pos: number, nouns: NounMatcher): boolean {
  nouns.sticky.lastIndex = pos;
  if (nouns.sticky.test(text)) return true;
  // Only a short end of text can be the cut-off start of a noun; a bounded slice keeps long paragraphs linear.
  if (text.length - pos > 24) return false;
  const tail = text.slice(pos).trim().toLowerCase();
  if (!tail || /[^\p{L}\p{M} ]/u.test(tail)) return false;
  return nouns.multiWord.some((n) => n.startsWith(`${tail} `));
}

const MEASURE_AFTER = /[ \t]*(?:km2|km²|km|m2|m²|m3|ha|héc-ta|hecta|kg|tấn|tạ|lít|tỷ|tỉ|triệu|nghìn|ngàn|mb|gb|tb|mbps|gbps)(?![\p{L}\p{N}])/iuy;
const MULTIPLIER_AFTER = /[ \t]*(nghìn|ngàn|triệu|tỷ|tỉ)(?![\p{L}\p{M}])/iuy;
const MULTIPLIERS: Readonly<Record<string, number>> = { nghìn: 1e3, ngàn: 1e3, triệu: 1e6, tỷ: 1e9, tỉ: 1e9 };
const DATED_AFTER = /[ \t]*ngày[ \t]+\d/iuy;
const TIME_NOUN_AFTER = /[ \t]*(?:ngày|tháng|năm|tuần|quý|giờ)(?![\p{L}\p{M}])/iuy;

function stickyMatch(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** Tests `re` (anchored with $) against the text just before `pos`. */
function endsBefore(re: RegExp, text: string, pos: number, window = 48): RegExpExecArray | null {
  return re.exec(text.slice(Math.max(0, pos - window), pos));
}

const QUALIFIER_BEFORE =
  /(?<![\p{L}\p{M}])(nhiều hơn|ít hơn|không ít hơn|(?<!(?:cao|thấp|lớn|nhỏ|tăng|giảm|vượt) )hơn|trên|không dưới|dưới|khoảng chừng|khoảng|chừng|xấp xỉ|ước tính|ước khoảng|ước|gần như|gần|ít nhất|tối thiểu|tối đa|không quá|chưa đến|chưa tới)[ \t]*$/iu;
const QUALIFIER_AFTER = /(?:[ \t]+[\p{L}\p{M}]+){0,3}?[ \t]+trở[ \t]+(lên|xuống)(?![\p{L}\p{M}])/iuy;

function qualifierFor(word: string): NumberQualifier {
  switch (word.toLowerCase()) {
    case 'hơn': case 'nhiều hơn': case 'trên': return 'more-than';
    case 'dưới': case 'ít hơn': case 'tối đa': case 'không quá': case 'chưa đến': case 'chưa tới': return 'less-than';
    case 'gần': case 'gần như': return 'nearly';
    case 'ít nhất': case 'tối thiểu': case 'không dưới': case 'không ít hơn': return 'at-least';
    default: return 'about';
  }
}

const YEAR_CUE_BEFORE = /(?<![\p{L}])(?:năm|niên độ|niên khóa|giai đoạn|nhiệm kỳ)[ \t]*$/iu;
const QUANTITY_CUE_BEFORE = /(?:[:=]|(?<![\p{L}])là)[ \t]*$/iu;

function isYearValue(digits: string): boolean {
  if (!/^[12]\d{3}$/.test(digits)) return false;
  const y = Number(digits);
  return y >= 1900 && y <= 2100;
}

// ---------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------

/** A written number: digits with "." / "," groups (or typographic thousands spaces). */
const NUM = String.raw`\d+(?:[.,]\d+|[\u00A0\u202F]\d{3}(?!\d))*`;
/** Not inside a word or another number. */
const START = String.raw`(?<![\p{L}\p{M}\p{N}])(?<!\p{N}[.,\/])`;
/** The number does not go on. */
const STOP = String.raw`(?![\p{N}]|[.,]\d)`;

type Ctx = {
  text: string;
  nouns: NounMatcher;
  dotDecimalSeen: boolean;
  spaceThousandsSeen: boolean;
};

type Draft = Omit<NumberMention, 'raw' | 'rule'> & { rule?: string };

type Rule = {
  name: string;
  pattern: RegExp;
  /**
   * False for the rules that match without a digit (roman numerals, lettered list markers). Every other
   * rule is skipped on text without one: half the statements of a report have none, and running 40
   * patterns over each of them was most of the reader's time.
   */
  needsDigit?: false;
  /** The mentions this match stands for; [] claims nothing and says nothing; null rejects the match. */
  produce: (m: RegExpExecArray, ctx: Ctx) => Draft[] | null;
};

function group(m: RegExpExecArray, index: number): [number, number] | undefined {
  const span = m.indices?.[index];
  return span ? [span[0], span[1]] : undefined;
}

function rx(source: string, flags = ''): RegExp {
  return new RegExp(source, `dgu${flags}`);
}

function one(kind: NumberKind, span: [number, number] | undefined, extra: Partial<Draft> = {}): Draft[] | null {
  if (!span) return null;
  return [{ kind, start: span[0], end: span[1], ...extra }];
}

function romanValue(roman: string): number {
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const v = values[roman[i] ?? ''] ?? 0;
    const next = values[roman[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

function withReasons(...readings: (NumberReading | null | undefined)[]): Pick<Draft, 'uncertain' | 'uncertainReason'> {
  const reasons = readings.filter((r): r is NumberReading => !!r && r.uncertain).map((r) => r.reason ?? 'cách đọc không chắc chắn');
  return reasons.length ? { uncertain: true, uncertainReason: reasons.join('; ') } : {};
}

/** Vietnamese list letters run a, b, c, d, đ, e, g, ... (no f, j, w, z). */
const VIETNAMESE_LIST_LETTERS = 'abcdđeghiklmnopqrstuvxy';
const CODE = String.raw`\p{Lu}[\p{Lu}\p{N}&]*g?(?![\p{Ll}])`;
const DOC_TYPES = 'quyết định|kế hoạch|công văn|văn bản|nghị định|nghị quyết|thông tư|thông báo|chỉ thị|công điện|quy trình|hướng dẫn|báo cáo|tờ trình|quy định|luật|pháp lệnh|kết luận|thông tri|chương trình';
const NAME_CUES = 'phụ lục|điều|khoản|điểm|chương|mục|phần|mẫu số|biểu mẫu|biểu số|phiên bản|version|thôn|xóm|khu phố|tổ dân phố|tổ|khu|ấp|khối|đội|phường|quận|lô|tầng|phòng|lớp|đợt|lần thứ|lần|thứ|tuần|giai đoạn|khóa|khoá|nhóm|hạng|loại|mã số|mã|số hiệu|ca|cấp|bản';
const PHONE_CUES = 'điện thoại|đt|sđt|di động|hotline|đường dây nóng|tổng đài|fax|zalo|liên hệ';

const RULES: readonly Rule[] = [
  {
    // "100%2": a footnote mark glued to a percentage (seed 004, Phụ lục 4).
    name: 'footnote-after-percent',
    pattern: rx(String.raw`(?<=\d[ \t]?%)\d{1,2}(?![\p{N}%]|[.,]\d)`),
    produce: (m) => one('footnote', group(m, 0), { value: Number(m[0]) }),
  },
  {
    // The programme's own name: "Đề án 06", "Đề án số 06/CP", "ĐỀ ÁN 06", "ĐA 06", "án 06" after a line break.
    name: 'programme-name',
    pattern: rx(String.raw`(?:(?<![\p{L}])đề[ \t]+án|^[ \t]*án)(?:[ \t]+số)?[ \t]*(\d+(?:[ \t]*\/[ \t]*(?:CP|TTg))?)(?![\p{N}\p{L}])`, 'im'),
    produce: (m) => one('identifier', group(m, 1)),
  },
  {
    name: 'programme-name-abbreviated',
    pattern: rx(String.raw`(?<![\p{L}])ĐA[ \t]*(\d+)(?![\p{N}\p{L}])`),
    produce: (m) => one('identifier', group(m, 1)),
  },
  {
    // 7277/UBND-KSTT, 104/2022/NĐ-CP, 06/QĐ-TTg, 57-NQ/TW, 306/KH- UBND, 56/QĐ- (line break), 123/CAX.
    name: 'document-number-code',
    pattern: rx(String.raw`(?<![\p{L}\p{N}.,\/])\d+(?:\/\d{4})?[\/-]${CODE}(?:(?:[ \t]?[-–][ \t]?|\/)${CODE})*(?:-(?=[ \t]|$))?`, 'm'),
    produce: (m) => one('document-number', group(m, 0)),
  },
  {
    // "Công văn số 1552 ngày", "Quy trình 1505", "Công văn 931 của Bộ Y tế", "Kế hoạch số: 51".
    name: 'document-number-after-type',
    pattern: rx(String.raw`(?<![\p{L}])(?:${DOC_TYPES})[ \t]*(số)?[ \t]*:?[ \t]*(${NUM}(?:\/\d{4})?)${STOP}`, 'i'),
    produce: (m, ctx) => {
      const span = group(m, 2);
      if (!span) return null;
      const token = m[2] ?? '';
      // "Luật Căn cước 2023", "Kế hoạch 2025": a year, left to the year reading.
      if (!m[1] && isYearValue(token)) return null;
      // "báo cáo 6 tháng", "kế hoạch 5 năm", "văn bản 3 hồ sơ": a duration or a count, not a number of a
      // document; "Công văn số 1552 ngày 26/4/2022" and "Quy trình 1505 ngày 09/11/2022" are documents.
      if (!m[1] && !stickyMatch(DATED_AFTER, ctx.text, span[1])
        && (stickyMatch(TIME_NOUN_AFTER, ctx.text, span[1]) || countNounAt(ctx.text, span[1], ctx.nouns))) return null;
      return one('document-number', span);
    },
  },
  {
    // "... số" | "1552 ngày 26/4/2022" after a line break: a number dated like a document is one
    // ("vào 2 ngày 24/7 và 25/7" is two days, hence three digits or the start of the line).
    name: 'document-number-before-date',
    pattern: rx(String.raw`(?:^[ \t]*\d+|${START}\d{3,})(?=[ \t]+ngày[ \t]+\d{1,2}\/\d{1,2}\/\d{4})`, 'im'),
    produce: (m) => {
      const digits = /\d+/.exec(m[0]);
      if (!digits || isYearValue(digits[0])) return null;
      const start = m.index + digits.index;
      return one('document-number', [start, start + digits[0].length]);
    },
  },
  {
    // "ISO 9001:2015", "ISO 9001: 2015", "TCVN ISO 9001".
    name: 'standard-number',
    pattern: rx(String.raw`(?<![\p{L}])ISO(?:\/IEC)?[ \t]*(\d{3,5}(?:[ \t]*:[ \t]*\d{4})?)(?![\p{N}])`),
    produce: (m) => one('identifier', group(m, 1)),
  },
  {
    // Phone numbers after a cue ("ĐT: 0203 3835 123", "Zalo 0912345678"); "Zalo: 0 bài" is a count.
    name: 'phone-after-cue',
    pattern: rx(String.raw`(?<![\p{L}])(?:${PHONE_CUES})[ \t]*(?:số[ \t]*)?:?[ \t]*(\+?\d[\d \t.\-]{5,16}\d)(?![\p{N}])`, 'i'),
    produce: (m) => {
      const digits = (m[1] ?? '').replace(/\D/g, '');
      return digits.length >= 6 ? one('identifier', group(m, 1)) : null;
    },
  },
  {
    // 0912345678, 0912.345.678, +84 912 345 678: a leading zero and ten-odd digits is no count.
    name: 'phone-number',
    pattern: rx(String.raw`(?<![\p{L}\p{N}.,\/])(?:\+84[ .]?\d{2,3}(?:[ .]?\d{3}){2}|0\d{9,10}|0\d{2,4}(?:\.\d{3,4}){2})(?![\p{N}]|[.,]\d)`),
    produce: (m) => one('identifier', group(m, 0)),
  },
  {
    // Emergency numbers: "app Báo cháy 114", "gọi 113".
    name: 'emergency-number',
    pattern: rx(String.raw`(?<![\p{L}])(?:gọi|báo cháy|cứu hỏa|cứu hộ|cấp cứu|tổng đài|đường dây nóng)[ \t]+(11[1-9])(?![\p{N}])`, 'i'),
    produce: (m) => one('identifier', group(m, 1)),
  },
  {
    // Long digit strings (ID card numbers, codes): nobody counts in 12 unseparated digits.
    name: 'long-identifier',
    pattern: rx(String.raw`(?<![\p{L}\p{N}.,\/])\d{12,}(?![\p{N}])`),
    produce: (m) => one('identifier', group(m, 0)),
  },
  {
    // 8h00, 14h, 8g30, 14 giờ, 14 giờ 30 (phút), 14:30.
    name: 'time-of-day',
    pattern: rx(String.raw`(?<![\p{L}\p{N}.,\/:])(\d{1,2})(?:h(\d{2})?(?![\p{L}\p{N}])|g\d{2}(?![\p{L}\p{N}])|[ \t]*giờ(?:[ \t]*\d{1,2}(?:[ \t]*phút)?)?(?![\p{L}\p{M}])|:\d{2}(?![\p{N}]|[.,:]\d))`, 'i'),
    produce: (m) => (Number(m[1]) <= 24 ? one('time', group(m, 0)) : null),
  },
  {
    // Digits inside a word: PC06, IPv6, A4, CT07, TCTTKĐA06; the "2" of km2/m2 is part of the unit.
    name: 'digits-after-letters',
    pattern: rx(String.raw`(?<=[\p{L}])\d+(?:[.,]\d+)*`),
    produce: (m, ctx) => {
      const before = ctx.text.slice(Math.max(0, m.index - 3), m.index);
      if (/(?:^|[^\p{L}])[kcdm]?m$/u.test(before) && /^[23]$/.test(m[0])) return [];
      return one('identifier', group(m, 0));
    },
  },
  {
    // "Covid-19".
    name: 'digits-after-letter-hyphen',
    pattern: rx(String.raw`(?<=[\p{L}]-)\d+`),
    produce: (m) => one('identifier', group(m, 0)),
  },
  {
    // 4G, 5G, 3G/4G, "tỉnh lộ 534D", "Quốc lộ 1A": digits with a short capital suffix.
    name: 'digits-with-capital-suffix',
    pattern: rx(String.raw`(?<![\p{L}\p{N}.,])\d+\p{Lu}{1,3}(?![\p{L}\p{N}])`),
    produce: (m) => one('identifier', group(m, 0)),
  },
  // ------------------------------------------------------------------ list markers
  {
    // "(1)", "(7)Phối hợp" anywhere; "1)" at the start of a line.
    name: 'list-marker-paren',
    pattern: rx(String.raw`(?<![\p{L}\p{N}])\((\d{1,2})\)|^[ \t]*(([1-9]\d?)\))(?=[ \t]|\p{L}|$)`, 'm'),
    produce: (m) => {
      const span = m[1] !== undefined ? group(m, 0) : group(m, 2);
      return one('list-marker', span, { value: Number(m[1] ?? m[3]), markerStyle: 'paren' });
    },
  },
  {
    // "1.", "2.1.", "2.Kết quả", "10.3." at the start of a line.
    name: 'list-marker-dotted',
    pattern: rx(String.raw`^[ \t]*((?:\d{1,2}\.)*?(\d{1,2})\.)(?!\d)(?=[ \t]|\p{Lu}|$)`, 'm'),
    produce: (m) => one('list-marker', group(m, 1), { value: Number(m[2]), markerStyle: 'dotted' }),
  },
  {
    // "3.1 Phục vụ ..." (no final dot) at the start of a line.
    name: 'list-marker-section',
    pattern: rx(String.raw`^[ \t]*(\d{1,2}(?:\.\d{1,2})*\.(\d{1,2}))(?=[ \t]+\p{Lu})`, 'm'),
    produce: (m) => one('list-marker', group(m, 1), { value: Number(m[2]), markerStyle: 'dotted' }),
  },
  {
    // "1 Tư pháp – Hộ tịch ..." (a table row number), "1 Hiện nay ..." (a footnote's number).
    name: 'list-marker-bare',
    pattern: rx(String.raw`^[ \t]*(\d{1,2})(?=[ \t]+\p{Lu})`, 'm'),
    produce: (m, ctx) => {
      const span = group(m, 1);
      if (!span) return null;
      // "25 DVC thiết yếu" is a count; "3 Người có công  9/9 100%" is a table row numbered 3.
      const titleCaseWord = /^[ \t]+\p{Lu}\p{Ll}/u.test(ctx.text.slice(span[1], span[1] + 8));
      if (!titleCaseWord && countNounAt(ctx.text, span[1], ctx.nouns)) return null;
      return one('list-marker', span, { value: Number(m[1]), markerStyle: 'bare' });
    },
  },
  {
    // "II.", "IV. ĐỀ XUẤT" at the start of a line.
    name: 'list-marker-roman',
    needsDigit: false,
    pattern: rx(String.raw`^[ \t]*(([IVXLC]{1,6})[.)])(?=[ \t]|$)`, 'm'),
    produce: (m) => one('list-marker', group(m, 1), { value: romanValue(m[2] ?? ''), markerStyle: 'roman' }),
  },
  {
    // "a)", "b)Về triển khai", "c. Nội dung" at the start of a line.
    name: 'list-marker-letter',
    needsDigit: false,
    pattern: rx(String.raw`^[ \t]*(([a-zđ])\)|([a-zđ])\.(?=[ \t]+\p{Lu}))`, 'm'),
    produce: (m) => {
      const letter = m[2] ?? m[3] ?? 'a';
      return one('list-marker', group(m, 1), { value: VIETNAMESE_LIST_LETTERS.indexOf(letter) + 1, markerStyle: 'letter' });
    },
  },
  // ------------------------------------------------------------------ names with a number
  {
    // "Điều 5", "khoản 2", "Phụ lục số 01", "Phiên bản 1.0", "thôn 3", "lần thứ 2", "thứ 2", "cấp 2".
    name: 'numbered-name',
    pattern: rx(String.raw`(?<![\p{L}])(${NAME_CUES})[ \t]+(?:số[ \t]+)?(${NUM})${STOP}`, 'i'),
    produce: (m, ctx) => {
      const cue = m[1] ?? '';
      const span = group(m, 2);
      if (!span) return null;
      const lower = cue.toLowerCase();
      const before = ctx.text.slice(Math.max(0, m.index - 5), m.index).toLowerCase();
      if (lower === 'phần' && cue[0] !== 'P') return null; // "một phần 74 thủ tục" is "partly", not "Part"
      if (lower === 'khoản' && /tài[ \t]*$/u.test(before)) return null; // "tài khoản"
      if (lower === 'bản' && /văn[ \t]*$/u.test(before)) return null; // "văn bản"
      const token = m[2] ?? '';
      if ((lower === 'giai đoạn' || lower === 'khóa' || lower === 'khoá') && isYearValue(token)) return null;
      if (lower === 'cấp' && !/^[1-5]$/.test(token)) return null; // "đã cấp 11241 thẻ", "cấp 1,2 triệu": the verb "issue"
      // "xóm 100%", "thôn 3 hộ", "cấp 2 triệu": a quantity follows the noun, no name.
      if (/^[ \t]*(?:%|phần[ \t]+trăm)/iu.test(ctx.text.slice(span[1], span[1] + 16)) || stickyMatch(MULTIPLIER_AFTER, ctx.text, span[1])
        || countNounAt(ctx.text, span[1], ctx.nouns)) return null;
      return one('identifier', span);
    },
  },
  {
    // "Chương II", "Phần I", "Mục IV", "Quý III".
    name: 'numbered-name-roman',
    needsDigit: false,
    pattern: rx(String.raw`(?<![\p{L}])(?:[Cc]hương|CHƯƠNG|Phần|PHẦN|[Mm]ục|MỤC|[Pp]hụ lục|[Qq]uý|[Đđ]iều)[ \t]+([IVXLC]{1,6})(?![\p{L}\p{N}])`),
    produce: (m) => one('identifier', group(m, 1), { value: romanValue(m[1] ?? '') }),
  },
  // ------------------------------------------------------------------ dates
  {
    // 24/7/2025, 06/01/2022, 12.06.2023, 24-7-2025.
    name: 'date-day-month-year',
    pattern: rx(String.raw`(?<![\p{L}\p{N}.,\/])(\d{1,2})([\/.\-])(\d{1,2})\2(\d{4})(?![\p{N}\/]|[.,]\d)`),
    produce: (m) => {
      const day = Number(m[1]);
      const month = Number(m[3]);
      const year = Number(m[4]);
      if (day < 1 || day > 31 || month < 1 || month > 12 || !isYearValue(m[4] ?? '')) return null;
      return one('date', group(m, 0), { date: { day, month, year } });
    },
  },
  {
    // "ngày    /7/2023": a form with the day left blank.
    name: 'date-blank-day',
    pattern: rx(String.raw`(?<=^|[ \t(])\/(\d{1,2})\/(\d{4})(?![\p{N}\/])`, 'm'),
    produce: (m) => {
      const month = Number(m[1]);
      if (month < 1 || month > 12 || !isYearValue(m[2] ?? '')) return null;
      return one('date', group(m, 0), { date: { month, year: Number(m[2]) } });
    },
  },
  {
    // "ngày 2/9", "ngày 20-9", "ngày 15 hàng tháng".
    name: 'date-day',
    pattern: rx(String.raw`(?<![\p{L}])ngày[ \t]+((\d{1,2})(?:[\/\-.](\d{1,2}))?)(?![\p{N}\/]|[.,]\d)`, 'i'),
    produce: (m) => {
      const day = Number(m[2]);
      const month = m[3] === undefined ? undefined : Number(m[3]);
      if (day < 1 || day > 31 || (month !== undefined && (month < 1 || month > 12))) return null;
      return one('date', group(m, 1), { date: month === undefined ? { day } : { day, month } });
    },
  },
  {
    // "đến 15-10", "trước 30/6", "tính đến 31/5", "hạn chót 15.10": a day and month after a word of time; a
    // count after it ("từ 5/9 xã") makes it a ratio again.
    name: 'date-day-month-after-cue',
    pattern: rx(String.raw`(?<![\p{L}])(?:đến|tới|trước|sau|từ|hết|hạn|chậm nhất|kể từ|lúc|vào)(?:[ \t]+(?:ngày|hết|hạn))?[ \t]+((\d{1,2})([\/\-.])(\d{1,2}))(?![\p{N}]|[\/\-.]\d)`, 'i'),
    produce: (m, ctx) => {
      const span = group(m, 1);
      if (!span) return null;
      const day = Number(m[2]);
      const month = Number(m[4]);
      if (day < 1 || day > 31 || month < 1 || month > 12) return null;
      if (countNounAt(ctx.text, span[1], ctx.nouns)) return null;
      return one('date', span, { date: { day, month } });
    },
  },
  {
    // "tháng 6/2025", "quý 3/2023", and a bare "6/2025" (month/year, unless a count follows: then a ratio).
    name: 'date-month-year',
    pattern: rx(String.raw`(?<![\p{L}\p{N}.,\/])(\d{1,2})\/(\d{4})(?![\p{N}\/]|[.,]\d)`),
    produce: (m, ctx) => {
      const span = group(m, 0);
      if (!span) return null;
      const month = Number(m[1]);
      const year = Number(m[2]);
      if (!isYearValue(m[2] ?? '')) return null;
      if (endsBefore(/(?<![\p{L}])quý[ \t]*$/iu, ctx.text, span[0])) {
        return month >= 1 && month <= 4 ? one('date', span, { date: { year } }) : null;
      }
      if (month < 1 || month > 12) return null;
      if (endsBefore(/(?<![\p{L}])tháng[ \t]*$/iu, ctx.text, span[0])) return one('date', span, { date: { month, year } });
      if (countNounAt(ctx.text, span[1], ctx.nouns)) return null;
      return one('date', span, {
        date: { month, year },
        uncertain: true,
        uncertainReason: `“${m[0]}” không có chữ “tháng”: đọc là tháng ${month} năm ${year}, nhưng cũng có thể là tỷ số ${m[1]}/${m[2]}`,
      });
    },
  },
  {
    // "tháng 9 năm 2024", "hết tháng 6": the month; "06 tháng" (a duration) has its number first.
    name: 'date-month',
    pattern: rx(String.raw`(?<![\p{L}])tháng[ \t]+(\d{1,2})(?![\p{N}\/]|[.,]\d)`, 'i'),
    produce: (m) => {
      const month = Number(m[1]);
      return month >= 1 && month <= 12 ? one('date', group(m, 1), { date: { month } }) : null;
    },
  },
  {
    // "quý 3", "Quý 2 năm 2023".
    name: 'date-quarter',
    pattern: rx(String.raw`(?<![\p{L}])quý[ \t]+([1-4])(?![\p{N}\/]|[.,]\d)`, 'i'),
    produce: (m) => one('date', group(m, 1), { date: {} }),
  },
  {
    // "15/13/2023", "1/2/3": a slashed chain that is no valid date is a reference, never a ratio.
    name: 'slash-chain',
    pattern: rx(String.raw`(?<![\p{L}\p{N}.,\/])\d+(?:\/\d+){2,}(?![\p{N}\/])`),
    produce: (m) => one('identifier', group(m, 0)),
  },
  // ------------------------------------------------------------------ years
  {
    // "2022-2025", "2022 – 2025", "(2022-2025)", "2022 đến 2023", "2022/2023" (a school year).
    name: 'year-range',
    pattern: rx(String.raw`(?<![\p{L}\p{N}.,\/])(\d{4})[ \t]*([-–—\/]|đến|tới)[ \t]*(?:năm[ \t]+)?(\d{4})(?![\p{N}\/%]|[.,]\d)`, 'i'),
    produce: (m, ctx) => {
      const span = group(m, 0);
      if (!span || !isYearValue(m[1] ?? '') || !isYearValue(m[3] ?? '')) return null;
      const from = Number(m[1]);
      const to = Number(m[3]);
      const separator = m[2] ?? '';
      if (to < from || to - from > 50 || (separator === '/' && to !== from + 1)) return null;
      // "từ 2000 - 2100 hộ" would be a band of counts; "Trong năm 2022-2025 Tổ công tác ..." stays years.
      const yearCue = endsBefore(YEAR_CUE_BEFORE, ctx.text, span[0]) || endsBefore(/\($/u, ctx.text, span[0]);
      if (!yearCue && countNounAt(ctx.text, span[1], ctx.nouns)) return null;
      return one('year-range', span, { value: from, rangeEnd: to });
    },
  },
  {
    // "2022, 2023": written without the space, "2022,2023" would read as a decimal.
    name: 'year-pair',
    pattern: rx(String.raw`(?<![\p{L}\p{N}.,\/])(\d{4}),(\d{4})(?![\p{N}]|[.,]\d)`),
    produce: (m) => {
      if (!isYearValue(m[1] ?? '') || !isYearValue(m[2] ?? '')) return null;
      const a = group(m, 1);
      const b = group(m, 2);
      if (!a || !b) return null;
      return [
        { kind: 'year', start: a[0], end: a[1], value: Number(m[1]) },
        { kind: 'year', start: b[0], end: b[1], value: Number(m[2]) },
      ];
    },
  },
  // ------------------------------------------------------------------ levels and ages
  {
    // "mức 2", "mức độ 3, 4", "mức độ 3,4", "mức độ 3 và 4", "Mức độ 4"; "độ 1" after a line break.
    name: 'service-level',
    pattern: rx(String.raw`(?:(?<![\p{L}])mức(?:[ \t]+độ)?|^[ \t]*độ)[ \t]+(\d(?:[ \t]*(?:,|và|hoặc|hay|-|–|\/|đến)[ \t]*\d)*)(?![\p{N}])`, 'im'),
    produce: (m, ctx) => {
      const span = group(m, 1);
      if (!span) return null;
      // "mức 1,5 triệu đồng", "mức 100%": an amount, not a level.
      if (/^\d[.,]\d$/.test(m[1] ?? '') && (stickyMatch(MEASURE_AFTER, ctx.text, span[1]) || /^[ \t]*(?:%|đồng)/u.test(ctx.text.slice(span[1], span[1] + 12)))) return null;
      if (/^[ \t]*%/u.test(ctx.text.slice(span[1], span[1] + 8))) return null;
      const drafts: Draft[] = [];
      const digit = /\d/g;
      let d: RegExpExecArray | null;
      while ((d = digit.exec(m[1] ?? '')) !== null) {
        const start = span[0] + d.index;
        drafts.push({ kind: 'level', start, end: start + 1, value: Number(d[0]) });
      }
      return drafts;
    },
  },
  {
    // "dưới 14 tuổi", "từ 14 tuổi trở lên", "đủ 6 tuổi", "từ 0 - 5 tuổi".
    name: 'age',
    pattern: rx(String.raw`(?<![\p{L}\p{N}.,\/])(\d{1,3})(?:[ \t]*(?:-|–|đến)[ \t]*(\d{1,3}))?[ \t]*tuổi(?![\p{L}\p{M}])`, 'i'),
    produce: (m) => {
      const a = group(m, 1);
      const b = group(m, 2);
      if (!a) return null;
      const drafts: Draft[] = [{ kind: 'age', start: a[0], end: a[1], value: Number(m[1]) }];
      if (b) drafts.push({ kind: 'age', start: b[0], end: b[1], value: Number(m[2]) });
      return drafts;
    },
  },
  // ------------------------------------------------------------------ figures with structure
  {
    // "6.065/6588 hồ sơ = 92%", "13.274/13.303 = 100%", "101/101 100%", "15/15 xóm", "57/75",
    // "6.065/tổng số 6.588", "20 trên 30 hồ sơ", "3.417 trong tổng số 3.602 hồ sơ", "12 trong số 15 xã" ("trong" only
    // before "(tổng) số": "5 trong 10 ngày" is no ratio).
    name: 'ratio',
    pattern: rx(String.raw`(?<![\p{L}\p{N}.,\/])(${NUM})(?:[ \t]*\/[ \t]*|[ \t]+trên[ \t]+(?:tổng(?:[ \t]+số)?[ \t]+)?|[ \t]+trong[ \t]+(?:tổng[ \t]+)?số[ \t]+|[ \t]*\/[ \t]*tổng(?:[ \t]+số)?[ \t]+)(${NUM})(?![\p{N}]|[.,]\d|[ \t]*\/[ \t]*\d|[ \t]*%)`, 'i'),
    produce: (m, ctx) => {
      const a = group(m, 1);
      const b = group(m, 2);
      if (!a || !b) return null;
      // "năm 2023 trên 5.000 ...": a year, then "above".
      if (isYearValue(m[1] ?? '') && endsBefore(YEAR_CUE_BEFORE, ctx.text, a[0])) return null;
      const num = readInContext(m[1] ?? '', 'count', ctx.dotDecimalSeen);
      const den = readInContext(m[2] ?? '', 'count', ctx.dotDecimalSeen);
      if (!num || !den) return null;
      const tail = stickyMatch(RATIO_PERCENT_TAIL, ctx.text, b[1]);
      const draft: Draft = { kind: 'ratio', start: a[0], end: b[1], value: num.value, denominator: den.value };
      let pct: NumberReading | null = null;
      if (tail && !(tail[1]?.trim() && !tail[2])) {
        pct = readInContext(tail[3] ?? '', 'percent', ctx.dotDecimalSeen);
        if (pct) {
          draft.end = b[1] + tail[0].length;
          draft.percent = pct.value;
          draft.percentDecimals = pct.decimals;
        }
      }
      Object.assign(draft, withReasons(num, den, pct));
      const alternatives = [num.alternative, den.alternative].filter((v): v is number => v !== undefined && (num.uncertain || den.uncertain));
      if (alternatives.length && draft.uncertain) draft.alternatives = alternatives;
      // "9/9", "2/3" with no percentage and no count after: could be a day/month date.
      if (!pct && /^\d{1,2}$/.test(m[1] ?? '') && /^\d{1,2}$/.test(m[2] ?? '') && num.value >= 1 && num.value <= 31
        && den.value >= 1 && den.value <= 12 && m[0].includes('/') && !countNounAt(ctx.text, b[1], ctx.nouns)) {
        draft.uncertain = true;
        draft.uncertainReason = [draft.uncertainReason, `“${m[0]}” có thể là tỷ số hoặc ngày ${num.value} tháng ${den.value}`].filter(Boolean).join('; ');
      }
      return [draft];
    },
  },
  {
    // "từ 500 đến 1.000 hồ sơ", "500–1.000", "từ 2 - 3 lần"; "09-06" (a > b) is a name ("Tổ công tác 09-06").
    name: 'band',
    pattern: rx(String.raw`(?<![\p{L}\p{N}.,\/])(?:(từ)[ \t]+)?(${NUM})[ \t]*(?:([-–—])|(đến|tới))[ \t]*(${NUM})(?![\p{N}]|[.,]\d|[ \t]*%|\/)`, 'i'),
    produce: (m, ctx) => {
      const a = group(m, 2);
      const b = group(m, 5);
      if (!a || !b) return null;
      if (m[4] && !m[1]) return null; // "đến" alone ("tăng 5 đến ...") makes no band without "từ"
      const low = readInContext(m[2] ?? '', 'count', ctx.dotDecimalSeen);
      const high = readInContext(m[5] ?? '', 'count', ctx.dotDecimalSeen);
      if (!low || !high) return null;
      if (low.value > high.value) return m[3] ? one('identifier', [a[0], b[1]]) : null;
      return [{ kind: 'band', start: a[0], end: b[1], value: low.value, rangeEnd: high.value, ...withReasons(low, high) }];
    },
  },
  {
    // "92%", "0,76 %", "100%", "71,6%", "100 phần trăm", "40%/ tổng dân số".
    name: 'percent',
    pattern: rx(String.raw`(?<![\p{L}\p{N}.,\/])(${NUM})[ \t]*(?:%|phần[ \t]+trăm(?![\p{L}\p{M}]))`, 'i'),
    produce: (m, ctx) => {
      const span = group(m, 0);
      if (!span) return null;
      const r = readInContext(m[1] ?? '', 'percent', ctx.dotDecimalSeen);
      if (!r) return null;
      const draft: Draft = {
        kind: 'percent', start: span[0], end: span[1], value: r.value, percent: r.value, percentDecimals: r.decimals, ...withReasons(r),
      };
      if (r.uncertain && r.alternative !== undefined) draft.alternatives = [r.alternative];
      const base = stickyMatch(PERCENT_BASE, ctx.text, span[1]);
      if (base?.[1]) {
        draft.baseText = base[1].trim();
        draft.end = span[1] + base[0].trimEnd().length;
      } else {
        // "đạt 70,2% dân số": the base named without a slash; the words stay outside the mention.
        const named = stickyMatch(PERCENT_BASE_WORDS, ctx.text, span[1]);
        if (named?.[1]) draft.baseText = named[1].trim();
      }
      return [draft];
    },
  },
  // ------------------------------------------------------------------ other identifiers
  {
    // "CMND 9 số", "(9 số)": the number of digits of an ID, not a count; "1412 số hồ sơ" is a count.
    name: 'digit-count',
    pattern: rx(String.raw`${START}(\d{1,2})[ \t]+số(?![\p{L}\p{M}])`),
    produce: (m, ctx) => {
      const span = group(m, 1);
      if (!span || countNounAt(ctx.text, m.index + m[0].length, ctx.nouns)) return null;
      return one('identifier', span);
    },
  },
  {
    // "số 01" (a numbered team, form or annex): a leading zero after "số" names, it does not count.
    name: 'numbered-with-leading-zero',
    pattern: rx(String.raw`(?<![\p{L}])(?<!(?:tổng|dân)[ \t]+)số[ \t]+(0\d+)${STOP}`, 'i'),
    produce: (m, ctx) => {
      const span = group(m, 1);
      if (!span || countNounAt(ctx.text, span[1], ctx.nouns)) return null;
      return one('identifier', span);
    },
  },
  {
    // ID numbers after their cue: "CCCD số 001234567", "mã số thuế 0101234567".
    name: 'id-number',
    pattern: rx(String.raw`(?<![\p{L}])(?:cccd|cmnd|căn cước|hộ chiếu|định danh|mã số thuế|biển số)[ \t]*(?:số[ \t]*)?:?[ \t]*(\d{6,})(?![\p{N}])`, 'i'),
    produce: (m) => one('identifier', group(m, 1)),
  },
  // ------------------------------------------------------------------ plain numbers
  {
    // "4 106 hồ sơ", "1 248 306 người": thousands grouped by plain spaces, read so only in a document that writes
    // its counts that way (`spaceThousandsSeen`), since elsewhere two numbers may simply stand side by side.
    name: 'number-space-grouped',
    pattern: rx(String.raw`${START}\d{1,3}(?: \d{3})+(?![\p{N}]|[.,]\d)`),
    produce: (m, ctx) => (ctx.spaceThousandsSeen ? readPlainNumber(m, ctx) : null),
  },
  {
    name: 'number',
    pattern: rx(String.raw`${START}${NUM}`),
    produce: (m, ctx) => readPlainNumber(m, ctx),
  },
];

const RATIO_PERCENT_TAIL = new RegExp(
  String.raw`((?:[ \t]+[\p{L}\p{M}]+){0,6}?)[ \t]*(=|\(|đạt|bằng|chiếm|tương đương|tương ứng)?[ \t]*(${NUM})[ \t]*(?:%|phần[ \t]+trăm)(?:[ \t]*\))?`,
  'iuy',
);
const PERCENT_BASE = /[ \t]*\/[ \t]*(\p{L}[^;,.()\n\d%/]{0,60})/uy;
const PERCENT_BASE_WORDS = /[ \t]*(?:so với[ \t]+|trên[ \t]+|của[ \t]+)?((?:tổng[ \t]+)?(?:số[ \t]+)?(?:dân số|số dân|nhân khẩu|số hộ|hộ gia đình|người dân|công dân|người)(?![\p{L}]))/iuy;

function readPlainNumber(m: RegExpExecArray, ctx: Ctx): Draft[] | null {
  const token = m[0];
  const start = m.index;
  let end = start + token.length;
  const { text } = ctx;

  if (parseVietnameseNumber(token) === null) {
    // "2.1.3" in the middle of a sentence, "1,2.3": a reference, not a quantity.
    return [{ kind: 'identifier', start, end }];
  }

  const multiplier = stickyMatch(MULTIPLIER_AFTER, text, end);
  const afterNumber = multiplier ? end + multiplier[0].length : end;
  const counted = countNounAt(text, afterNumber, ctx.nouns);

  if (!multiplier && /^\d{4}$/.test(token) && isYearValue(token)) {
    const yearCue = endsBefore(YEAR_CUE_BEFORE, text, start);
    const quantityCue = endsBefore(QUALIFIER_BEFORE, text, start) || endsBefore(QUANTITY_CUE_BEFORE, text, start);
    if (yearCue || (!counted && !quantityCue)) return [{ kind: 'year', start, end, value: Number(token) }];
  }

  const measured = !counted && (multiplier !== null || stickyMatch(MEASURE_AFTER, text, end) !== null);
  const context: ReadContext = counted ? 'count' : measured ? 'measure' : 'plain';
  const reading = readInContext(token, context, ctx.dotDecimalSeen);
  if (!reading) return [{ kind: 'identifier', start, end }];

  let value = reading.value;
  let alternatives = reading.uncertain && reading.alternative !== undefined ? [reading.alternative] : undefined;
  if (multiplier) {
    const factor = MULTIPLIERS[(multiplier[1] ?? '').toLowerCase()] ?? 1;
    value = Math.round(value * factor * 1e6) / 1e6;
    alternatives = alternatives?.map((v) => Math.round(v * factor * 1e6) / 1e6);
    end = afterNumber;
  }
  const kind: NumberKind = Number.isInteger(value) ? 'integer' : 'decimal';
  const draft: Draft = { kind, start, end, value, ...withReasons(reading) };
  if (alternatives) draft.alternatives = alternatives;
  return [draft];
}

// ---------------------------------------------------------------------------------------------
// Number words
// ---------------------------------------------------------------------------------------------

const NUMERAL_START = new RegExp(
  `(?<![\\p{L}\\p{M}\\p{N}])(?:${NUMERAL_FIRST_WORDS.join('|')})(?![\\p{L}\\p{M}])`,
  'giu',
);
const ANY_NUMERAL_WORD = new RegExp(NUMERAL_START.source, 'iu');
/** Digits, a roman numeral's letters, or a lettered list marker: anything else holds no mention. */
const ANY_DIGIT = /\d/;
const MAY_HOLD_NUMBER = /[\dIVXLC]|^[ \t]*[a-zđ][.)]/mu;
const WORD = /[ \t]*([\p{L}\p{M}]+)/uy;
/** "năm" after these is the year, not five: "hằng năm", "trong năm người dân ...", "các năm". */
const YEAR_NAM_PREVIOUS = new Set([
  'hằng', 'hàng', 'mỗi', 'các', 'những', 'trong', 'cả', 'từng', 'nhiều', 'vài', 'mấy', 'cuối', 'đầu', 'giữa',
  'qua', 'sang', 'tháng', 'ngày', 'năm', 'này', 'một', 'sau', 'trước', 'hết', 'tới', 'đến', 'của',
]);
const PREVIOUS_WORD = /([\p{L}\p{M}]+)[ \t]*$/u;

function findNumberWords(ctx: Ctx, claimed: Uint8Array, out: NumberMention[]): void {
  const { text } = ctx;
  NUMERAL_START.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMERAL_START.exec(text)) !== null) {
    const start = m.index;
    if (claimed[start]) continue;
    const words: string[] = [];
    const ends: number[] = [];
    let pos = start;
    while (words.length < 16) {
      const w = stickyMatch(WORD, text, pos);
      if (!w) break;
      words.push((w[1] ?? '').toLowerCase());
      pos += w[0].length;
      ends.push(pos);
    }
    const parsed = parseNumberWords(words);
    if (!parsed) continue;
    const end = ends[parsed.wordCount - 1] ?? start;
    const previous = PREVIOUS_WORD.exec(text.slice(Math.max(0, start - 24), start))?.[1]?.toLowerCase();
    // "thứ hai" (second, Monday), "thứ ba": ordinals.
    if (previous === 'thứ') continue;
    if (parsed.wordCount === 1 && words[0] === 'năm' && previous !== undefined && YEAR_NAM_PREVIOUS.has(previous)) continue;
    // A lone "một" is the indefinite article ("một bộ phận người dân", "một cách", "một người dân"),
    // not the figure 1; it counts only inside a longer numeral ("một trăm", "hai mươi mốt").
    if (parsed.wordCount === 1 && words[0] === 'một') continue;
    if (!countNounAt(text, end, ctx.nouns)) continue;
    if (!isFree(claimed, start, end)) continue;
    claim(claimed, start, end);
    out.push({ kind: 'word-number', start, end, raw: text.slice(start, end), value: parsed.value, rule: 'number-words' });
    NUMERAL_START.lastIndex = end;
  }
}

// ---------------------------------------------------------------------------------------------
// Engine
// ---------------------------------------------------------------------------------------------

function isFree(claimed: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (claimed[i]) return false;
  return end > start;
}

function claim(claimed: Uint8Array, start: number, end: number): void {
  claimed.fill(1, start, end);
}

const QUALIFIED_KINDS: ReadonlySet<NumberKind> = new Set<NumberKind>(['integer', 'decimal', 'percent', 'ratio', 'word-number', 'band', 'age']);

function addQualifier(mention: NumberMention, text: string): void {
  if (!QUALIFIED_KINDS.has(mention.kind)) return;
  const before = endsBefore(QUALIFIER_BEFORE, text, mention.start, 32);
  if (before?.[1]) {
    mention.qualifier = qualifierFor(before[1]);
    return;
  }
  const after = stickyMatch(QUALIFIER_AFTER, text, mention.end);
  if (after?.[1]) mention.qualifier = after[1].toLowerCase() === 'lên' ? 'at-least' : 'less-than';
}

/**
 * Finds every number mention in `text` (NFC, single-spaced Vietnamese) and says what it is.
 * Mentions never overlap and come in text order; `raw === text.slice(start, end)` always holds.
 */
export function findNumbers(text: string, options: FindNumbersOptions = {}): NumberMention[] {
  if (!MAY_HOLD_NUMBER.test(text) && !ANY_NUMERAL_WORD.test(text)) return [];
  const dotDecimalSeen = options.dotDecimalSeen ?? textShowsDotDecimal(text);
  const spaceThousandsSeen = options.spaceThousandsSeen ?? textShowsSpaceThousands(text);
  if (options.countNouns !== undefined) return readNumbers(text, nounMatcher(options.countNouns), dotDecimalSeen, spaceThousandsSeen);
  const key = `${dotDecimalSeen ? 1 : 0}${spaceThousandsSeen ? 1 : 0}${text}`;
  let mentions = recentlyRead.get(key);
  if (mentions) {
    // Refreshed, so the texts a document keeps asking about stay while older ones go.
    recentlyRead.delete(key);
  } else {
    mentions = readNumbers(text, nounMatcher(DEFAULT_COUNT_NOUNS), dotDecimalSeen, spaceThousandsSeen);
    for (const mention of mentions) Object.freeze(mention);
    if (recentlyRead.size >= RECENTLY_READ_MAX) recentlyRead.delete(recentlyRead.keys().next().value!);
  }
  recentlyRead.set(key, mentions);
  return mentions.slice();
}

/**
 * The extraction, the few-figures warning and the count-vs-list check each read the numbers of the same
 * paragraphs: read three times, they cost a tenth of the bench's processing time, read once 4 %. The mentions
 * found are kept for the texts read last, frozen, as they are shared; a caller gets its own array.
 */
const recentlyRead = new Map<string, NumberMention[]>();
const RECENTLY_READ_MAX = 4096;

function readNumbers(text: string, nouns: Ctx['nouns'], dotDecimalSeen: boolean, spaceThousandsSeen: boolean): NumberMention[] {
  const out: NumberMention[] = [];
  const ctx: Ctx = { text, nouns, dotDecimalSeen, spaceThousandsSeen };
  const claimed = new Uint8Array(text.length);
  const hasDigit = ANY_DIGIT.test(text);
  for (const rule of RULES) {
    if (!hasDigit && rule.needsDigit !== false) continue;
    const re = rule.pattern;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex = m.index + 1;
        continue;
      }
      const drafts = rule.produce(m, ctx);
      if (drafts && drafts.every((d) => isFree(claimed, d.start, d.end))) {
        for (const d of drafts) {
          claim(claimed, d.start, d.end);
          out.push({ ...d, raw: text.slice(d.start, d.end), rule: d.rule ?? rule.name });
        }
      } else {
        // A rejected match may hide a good one that starts inside it.
        re.lastIndex = m.index + 1;
      }
    }
  }
  findNumberWords(ctx, claimed, out);
  for (const mention of out) addQualifier(mention, text);
  return out.sort((a, b) => a.start - b.start);
}

const DOT_DECIMAL_EVIDENCE =
  /(?<![\p{L}\p{N}.,\/])\d+\.\d{1,2}(?![\p{N}]|[.,]\d)[ \t]*(?:km2|km²|km|m2|m²|ha|kg|tấn|%|triệu|tỷ|tỉ)(?![\p{L}\p{N}])/iu;

const SPACE_THOUSANDS_EVIDENCE = /(?<![\p{N}.,])\d{1,3}(?: \d{3})+(?![\p{N}]|[.,]\d)[ \t]*(?:hồ sơ|hộ|người|nhân khẩu|tài khoản|thẻ|trường hợp|lượt|giao dịch|công dân|đồng)(?![\p{L}])/giu;

/**
 * The text writes counts with plain spaces between thousands ("4 106 hồ sơ", "2 918 hộ") at least twice before a
 * counted noun: then "1 382" elsewhere in it is one number, not two.
 */
export function textShowsSpaceThousands(text: string): boolean {
  let count = 0;
  SPACE_THOUSANDS_EVIDENCE.lastIndex = 0;
  while (SPACE_THOUSANDS_EVIDENCE.exec(text) !== null) if (++count >= 2) return true;
  return false;
}

/** The text writes a decimal with a dot before a unit ("121.81 km2", "99.8%"): evidence that its
 * writer uses the English decimal mark, so a lone "x.yyy" elsewhere in the document is ambiguous. */
export function textShowsDotDecimal(text: string): boolean {
  return DOT_DECIMAL_EVIDENCE.test(text);
}
