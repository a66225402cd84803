/**
 * How a report says which period it covers, and the value each phrase stands for (docs/contract.md, "Report
 * identity"): `2025-08`, `2025-Q3`, `2025-H1`, `2025-H2`, `2025`, `2022/2025` (a phase), `2025-01/2025-09` (the
 * months from January: "9 tháng"), `2024-12-15/2025-06-14` (a custom range). src/extract/identity/periods.ts runs
 * them over the title first, then the opening of the body; the earliest phrase in the text wins, the longer one
 * where two begin together. Every example runs in test/identity.test.ts.
 */

export interface PeriodContext {
  /** The year of the document (its date), for phrases that leave the year out ("trong tháng 8", "quý I"). */
  year?: number;
  /** The document's date (ISO): a yearless phrase never reaches past it ("tháng 12" in a January report is last year's). */
  date?: string;
}

export interface PeriodPhrase {
  id: string;
  /** Matched case-insensitively; groups feed `value`. */
  pattern: string;
  value: (groups: ReadonlyArray<string | undefined>, context: PeriodContext) => string | undefined;
  /** A bare year: in a body, any month, quarter or range phrase is preferred to it. */
  weak?: boolean;
  /** Matched even inside a masked stretch (the programme's name): "Sơ kết 3 năm … giai đoạn 2022 - 2025". */
  ignoresMasks?: boolean;
  examples: ReadonlyArray<[text: string, expected: string | null, context?: PeriodContext]>;
}

/** Numbers of months and quarters as words ("chín tháng", "Sáu tháng"). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  'một': 1, 'hai': 2, 'ba': 3, 'bốn': 4, 'tư': 4, 'năm': 5, 'sáu': 6, 'bảy': 7, 'tám': 8, 'chín': 9, 'mười': 10, 'mười một': 11, 'mười hai': 12,
};
const COUNT = String.raw`(\d{1,2}|mười một|mười hai|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)`;
const YEAR = String.raw`((?:19|20)\d{2})`;
const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };

const count = (word: string | undefined): number | undefined => {
  if (word === undefined) return undefined;
  const lower = word.toLowerCase();
  return /^\d+$/.test(lower) ? Number(lower) : NUMBER_WORDS[lower];
};
const pad = (month: number) => String(month).padStart(2, '0');
const yearOf = (written: string | undefined, context: PeriodContext) => (written ? Number(written) : context.year);

/** The months from January to `months`, in the contract's shortest form: Q1, H1, a year, or `YYYY-01/YYYY-MM`. */
export function monthsFromJanuary(year: number, months: number): string | undefined {
  if (months < 1 || months > 12) return undefined;
  if (months === 1) return `${year}-01`;
  if (months === 3) return `${year}-Q1`;
  if (months === 6) return `${year}-H1`;
  if (months === 12) return `${year}`;
  return `${year}-01/${year}-${pad(months)}`;
}

/**
 * A range of days in the contract's shortest form: whole months from January collapse like "N tháng" do (01/01–31/5
 * is `2024-01/2024-05`), one whole month, quarter, half or year is written as such; anything else stays a range of
 * days.
 */
export function dayRange(from: { y: number; m: number; d: number }, to: { y: number; m: number; d: number }): string | undefined {
  const valid = (date: { y: number; m: number; d: number }) => date.m >= 1 && date.m <= 12 && date.d >= 1 && date.d <= 31;
  if (!valid(from) || !valid(to)) return undefined;
  const iso = (date: { y: number; m: number; d: number }) => `${date.y}-${pad(date.m)}-${pad(date.d)}`;
  if (iso(from) > iso(to)) return undefined;
  const lastDay = new Date(Date.UTC(to.y, to.m, 0)).getUTCDate();
  const wholeMonths = from.d === 1 && to.d === lastDay && from.y === to.y;
  if (wholeMonths) {
    if (from.m === to.m) return `${from.y}-${pad(from.m)}`;
    if (from.m === 1) return monthsFromJanuary(from.y, to.m);
    if (from.m === 7 && to.m === 12) return `${from.y}-H2`;
    if ((from.m - 1) % 3 === 0 && to.m === from.m + 2) return `${from.y}-Q${(from.m + 2) / 3}`;
  }
  return `${iso(from)}/${iso(to)}`;
}

export const PERIOD_PHRASES: readonly PeriodPhrase[] = [
  {
    id: 'day-range',
    pattern: String.raw`(?:từ|trong thời gian từ)\s+(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*${YEAR})?\s*(?:đến|tới|[-–])\s*(?:hết\s+)?(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*${YEAR}`,
    value: ([d1, m1, y1, d2, m2, y2]) => dayRange({ y: Number(y1 ?? y2), m: Number(m1), d: Number(d1) }, { y: Number(y2), m: Number(m2), d: Number(d2) }),
    examples: [
      ['(Số liệu từ ngày 15/12/2024 đến ngày 14/6/2025)', '2024-12-15/2025-06-14'],
      ['kết quả thực hiện Đề án 06 từ ngày 01/01/2024 đến ngày 31/5/2024', '2024-01/2024-05'],
      ['Thời kỳ kiểm tra: từ ngày 01/01/2024 đến ngày 31/3/2025.', '2024-01-01/2025-03-31'],
      ['(từ 01/6 đến 31/8/2025)', '2025-06-01/2025-08-31'],
      ['tháng 01/2025 (từ ngày 01/01/2025 đến ngày 31/01/2025)', '2025-01'],
      ['quý I năm 2025 (từ ngày 01/01/2025 đến ngày 31/3/2025)', '2025-Q1'],
      ['từ ngày 01/7/2024 đến ngày 31/12/2024', '2024-H2'],
    ],
  },
  {
    id: 'day-range-words',
    pattern: String.raw`từ\s+(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+${YEAR})?\s+đến\s+(?:hết\s+)?(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+${YEAR}`,
    value: ([d1, m1, y1, d2, m2, y2]) => dayRange({ y: Number(y1 ?? y2), m: Number(m1), d: Number(d1) }, { y: Number(y2), m: Number(m2), d: Number(d2) }),
    examples: [['từ ngày 15 tháng 6 đến ngày 12 tháng 9 năm 2025', '2025-06-15/2025-09-12']],
  },
  {
    id: 'phase-review',
    pattern: String.raw`(?:sơ|tổng)\s+kết\s+(?:\d+|ba|bốn|năm)\s+năm\b[^.;]{0,200}?giai\s+đoạn\s+${YEAR}\s*[-–]\s*${YEAR}`,
    value: ([from, to]) => `${from}/${to}`,
    ignoresMasks: true,
    examples: [['Sơ kết 3 năm triển khai Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025', '2022/2025']],
  },
  {
    id: 'phase',
    pattern: String.raw`giai\s+đoạn\s+(?:từ\s+(?:năm\s+)?)?${YEAR}\s*(?:[-–]|đến(?:\s+năm)?)\s*${YEAR}`,
    value: ([from, to]) => `${from}/${to}`,
    examples: [
      ['Sơ kết kết quả triển khai, thực hiện Đề án 06 giai đoạn 2022 - 2025', '2022/2025'],
      ['Tình hình thực hiện Đề án "Phát triển ứng dụng dữ liệu dân cư … phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030"', null],
    ],
  },
  {
    id: 'year-range',
    pattern: String.raw`từ\s+năm\s+${YEAR}\s+đến(?:\s+năm)?\s+${YEAR}`,
    value: ([from, to]) => `${from}/${to}`,
    examples: [['(từ năm 2022 đến 2023)', '2022/2023']],
  },
  {
    id: 'months-of-year',
    pattern: String.raw`(?<![\d/])${COUNT}\s+tháng\s+(?:(đầu|cuối)\s+năm(?:\s+${YEAR})?|(?:năm\s+)?${YEAR})(?![\d/])`,
    value: ([written, part, year, bareYear], context) => {
      year ??= bareYear;
      const months = count(written);
      const y = yearOf(year, context);
      if (months === undefined || y === undefined) return undefined;
      if (part?.toLowerCase() === 'cuối') return months === 6 ? `${y}-H2` : months === 3 ? `${y}-Q4` : months < 12 ? `${y}-${pad(13 - months)}/${y}-12` : undefined;
      return monthsFromJanuary(y, months);
    },
    examples: [
      ['Sơ kết 6 tháng đầu năm 2025 thực hiện Đề án 06', '2025-H1'],
      ['Kết quả thực hiện Đề án 06 chín tháng đầu năm 2025,', '2025-01/2025-09'],
      ['Kết quả thực hiện Đề án 06 9 tháng năm 2025, nhiệm vụ trọng tâm quý IV/2025', '2025-01/2025-09'],
      ['Triển khai thực hiện Đề án 06 và chuyển đổi số 6 tháng cuối năm 2025', '2025-H2'],
      ['Sáu tháng đầu năm, huyện Tân Kỳ', '2025-H1', { year: 2025 }],
      ['Sau gần 03 tháng vận hành chính quyền địa phương hai cấp', null, { year: 2025 }],
      ['trong 5 tháng đầu năm 2024', '2024-01/2024-05'],
    ],
  },
  {
    id: 'half-year',
    pattern: String.raw`nửa\s+(đầu|cuối)\s+năm\s*${YEAR}?`,
    value: ([part, year], context) => {
      const y = yearOf(year, context);
      return y === undefined ? undefined : `${y}-${part?.toLowerCase() === 'đầu' ? 'H1' : 'H2'}`;
    },
    examples: [['nửa đầu năm 2025', '2025-H1']],
  },
  {
    id: 'quarter',
    pattern: String.raw`quý\s+(IV|III|II|I|[1-4])\b(?:\s*(?:\/|-|năm)\s*${YEAR})?`,
    value: ([quarter, year], context) => {
      const q = /^\d$/.test(quarter!) ? Number(quarter) : ROMAN[quarter!.toLowerCase()];
      const y = yearOf(year, context);
      return q === undefined || y === undefined ? undefined : `${y}-Q${q}`;
    },
    examples: [
      ['Kết quả thực hiện Đề án 06 quý I năm 2025', '2025-Q1'],
      ['Tình hình, kết quả triển khai Đề án 06 quý III/2024', '2024-Q3'],
      ['Lào Cai: quý I, hơn 86% hồ sơ', '2025-Q1', { year: 2025 }],
      ['quý 3 năm 2025', '2025-Q3'],
    ],
  },
  {
    id: 'month',
    pattern: String.raw`(?<!ngày\s+(?:\d{1,2}\s+)?)tháng\s+(\d{1,2})(?:\s*(?:\/|-|năm)\s*${YEAR})?(?![\d/.-]*\d)`,
    value: ([month, year], context) => {
      const m = Number(month);
      const y = yearOf(year, context);
      return m < 1 || m > 12 || y === undefined ? undefined : `${y}-${pad(m)}`;
    },
    examples: [
      ['Kết quả thực hiện Đề án 06 tháng 3 năm 2025', '2025-03'],
      ['Kết quả thực hiện Đề án 06 tháng 01/2025', '2025-01'],
      ['(HNM) - Tháng 9-2025, Trung tâm Phục vụ hành chính công phường Ba Đình tiếp nhận', '2025-09'],
      ['hồ sơ được nộp trực tuyến trong tháng 8', '2025-08', { year: 2025 }],
      ['Tân Lập, ngày 04 tháng 4 năm 2025', null],
      ['Kèm theo Báo cáo số: /BC-UBND ngày tháng 4 năm 2024', null],
    ],
  },
  {
    id: 'year',
    pattern: String.raw`(?<!(?:đến|tới|từ|nhìn|trước|sau|cuối|hết)\s+|tháng\s+\d{1,2}\s+)năm\s+${YEAR}(?!\s*[-–]\s*\d)`,
    value: ([year]) => year,
    weak: true,
    examples: [
      ['Kết quả thực hiện Đề án 06 năm 2024', '2024'],
      ['Triển khai Đề án 06 trên địa bàn huyện Mù Cang Chải năm 2025', '2025'],
      ['tầm nhìn đến năm 2030', null],
      ['phấn đấu đến cuối năm 2025', null],
    ],
  },
];

/**
 * A range of days shorter than this, read in a body, is the dates of an event ("từ ngày 11/6 đến ngày 14/6/2024, Đoàn
 * kiểm tra … đã kiểm tra tại 04 xã"), not the period reported on; in a title it is the period (a weekly report).
 */
export const SHORTEST_BODY_PERIOD_DAYS = 27;

/**
 * Stretches that name a period that is not the document's: the programme's own title ("… chuyển đổi số quốc gia
 * giai đoạn 2022 - 2025, tầm nhìn đến năm 2030"), a cited document with what it was about ("Kế hoạch số
 * 19/KH-TCT ngày 15/01/2025 của … về thực hiện Đề án 06 năm 2025;"), and dates.
 */
export const PERIOD_MASKS: ReadonlyArray<{ id: string; pattern: string; examples: readonly string[] }> = [
  {
    id: 'programme-title',
    pattern: String.raw`chuyển\s+đổi\s+số\s+quốc\s+gia,?\s+giai\s+đoạn\s+\d{4}\s*[-–]\s*\d{4}(?:,?\s*tầm\s+nhìn\s+đến\s+năm\s+\d{4})?`,
    examples: ['phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030'],
  },
  {
    id: 'cited-document',
    pattern: String.raw`(?:Kế hoạch|Công văn|Quyết định|Văn bản|Hướng dẫn|Chỉ thị|Thông báo|Nghị quyết|Báo cáo|Nghị định|Thông tư)(?:\s+kiểm tra)?\s+số\s*:?\s*[\d.]*\/?[\p{L}\d./-]*[^;,]*?(?=[;,]|\.\s|$)`,
    examples: [
      'Kế hoạch số 19/KH-TCT ngày 15/01/2025 của Tổ công tác triển khai Đề án 06 huyện Đồng Phú về thực hiện Đề án 06 năm 2025',
      'Công văn số 4682/UBND-NC ngày 03/10/2024 của UBND tỉnh Bạc Liêu về việc tập trung hoàn thành các chỉ tiêu Đề án 06 năm 2024',
    ],
  },
  {
    id: 'date',
    // Not the ends of a range ("từ ngày 01/01/2024 đến ngày 31/3/2025"), which is a period.
    pattern: String.raw`(?<!(?:từ|đến|tới)\s+)ngày\s+(?:\d{1,2}\s+)?tháng\s+\d{1,2}\s+năm\s+\d{4}|(?<!(?:từ|đến|tới)\s+)ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?`,
    examples: ['Tân Lập, ngày 04 tháng 4 năm 2025', 'Công văn … ngày 20/9/2025'],
  },
];
