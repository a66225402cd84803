/**
 * Clause-level patterns that stop a number from being a figure whatever its cues: a change compared with
 * another period is not a stock ("tăng 29 hồ sơ so với năm 2022"), a target is not a result.
 * Each entry is tested on the text around the number (the clause); `why` is for the reader of this file.
 */
export interface FigureVeto {
  why: string;
  /** Tested on the number's clause before it. */
  before?: RegExp;
  /** Tested on the clause after it. */
  after?: RegExp;
  /** Tested on its whole statement up to the number (a plan's "Phấn đấu …; …; …" governs every clause). */
  statement?: RegExp;
  /** Tested on the nearest heading above (a section of tasks for next period states targets, not results). */
  section?: RegExp;
  /** Only for a percentage (an instruction to keep a rate is an aim; "bảo đảm thực hiện 57 thủ tục" is a result). */
  percentOnly?: boolean;
  /** Tested on a table cell's column header (a column of targets, "Chỉ tiêu năm 2025", holds no results). */
  header?: RegExp;
  /** Tested on a table's title rows and the caption above it ("Lộ trình thực hiện các mục tiêu:"). */
  title?: RegExp;
}

/** Verbs that open an aim rather than a result. */
const AIM = String.raw`(?:phấn đấu|nâng|đặt mục tiêu|hướng tới|cố gắng)`;
/** Verbs that open an instruction: the rates they name are aims, their counts may be results ("bảo đảm thực hiện 57 thủ tục"). */
const INSTRUCTION = String.raw`(?:duy trì|bảo đảm|đảm bảo|tiếp tục|tăng cường|đẩy mạnh|chỉ đạo|yêu cầu|đề nghị|giao)`;

/** An aim named inside a sentence; "đạt/hoàn thành/vượt mục tiêu" report one reached. */
const AIM_IN_SENTENCE = String.raw`(?<![\p{L}])(?:phấn đấu|đặt mục tiêu|(?<!(?:đạt|hoàn thành|vượt|theo)\s)mục tiêu|hướng tới|dự kiến)(?![\p{L}])`;
/** A request to bodies inside a sentence ("yêu cầu các sở, ngành"); "hồ sơ đề nghị cấp …" is an application. */
const REQUEST_IN_SENTENCE = String.raw`(?<![\p{L}])(?:yêu cầu|đề nghị)\s+(?:các|toàn bộ|mỗi|từng|UBND|Ủy ban|Công an|Tổ công tác)(?![\p{L}])`;
/** Up to 300 characters with no sentence end (". " before a capital) between: the same sentence. */
const REST_OF_SENTENCE = String.raw`(?:(?!\.\s+\p{Lu})[^]){0,300}`;

export const FIGURE_VETOES: readonly FigureVeto[] = [
  { why: 'a change versus another period, not a count', before: /(?:tăng|giảm)(?:\s+thêm)?\s*$/iu },
  { why: 'a change versus another period, not a count', before: /(?:tăng|giảm)\b[^;:.]{0,40}$/iu, after: /^[^;.]{0,60}\bso với\b/iu },
  { why: 'a target, not a result', before: /(?:phấn đấu|chỉ tiêu|mục tiêu|kế hoạch giao|dự kiến)[^;.]{0,60}$/iu },
  { why: 'an aim governs its whole statement: "Phấn đấu … đạt trên 83%; tỷ lệ thanh toán trực tuyến đạt trên 70%"', statement: new RegExp(String.raw`^[\s\-+•*–\d.)(]*${AIM}(?![\p{L}])`, 'iu') },
  { why: 'the rate an instruction names is an aim: "Duy trì tỷ lệ hồ sơ trực tuyến trên 90%"', statement: new RegExp(String.raw`^[\s\-+•*–\d.)(]*${INSTRUCTION}(?![\p{L}])`, 'iu'), percentOnly: true },
  {
    why: 'an aim governs the rest of its sentence, across ";": "Năm 2025, thành phố đặt mục tiêu 100% …; tỷ lệ hồ sơ trực tuyến đạt trên 95%"',
    statement: new RegExp(String.raw`${AIM_IN_SENTENCE}${REST_OF_SENTENCE}$`, 'iu'),
  },
  {
    why: 'so does a request: "UBND tỉnh yêu cầu …; các địa phương có tỷ lệ hồ sơ trực tuyến dưới 80% phải báo cáo"',
    statement: new RegExp(String.raw`${REQUEST_IN_SENTENCE}${REST_OF_SENTENCE}$`, 'iu'),
    percentOnly: true,
  },
  { why: 'a floor to reach is a target: "trên 90%", "từ 90% trở lên", "tối thiểu 65%"', before: /(?:tối thiểu|ít nhất|không dưới|không thấp hơn|lên trên|lên)\s*$/iu },
  { why: 'a floor to reach is a target', after: /^\s*(?:trở lên|trở xuống)/iu },
  {
    why: 'a mark a rate is measured against is no rate: "chưa đạt 87%", "lần đầu vượt 80%", "không đạt 90%"',
    before: /(?:(?:chưa|không)\s+đạt|vượt(?:\s+(?:mức|ngưỡng))?)\s*$/iu,
    percentOnly: true,
  },
  {
    why: 'a threshold that picks out units is no rate of theirs: "12 xã có tỷ lệ hồ sơ trực tuyến dưới 70%"',
    statement: /(?<![\p{L}])(?:xã|phường|thị trấn|đơn vị|địa phương|huyện|tỉnh|thôn|tổ dân phố)\s+(?:có|đạt)\s+(?:tỷ|tỉ) lệ[^%;.]{0,80}(?:dưới|trên|từ|không quá|thấp hơn|cao hơn)\s*$/iu,
    percentOnly: true,
  },
  { why: 'a column of targets or plans holds no results', header: /^\s*(?:chỉ tiêu|mục tiêu|kế hoạch|dự kiến|phấn đấu)/iu },
  {
    why: 'a table announced as a roadmap or as aims ("Lộ trình thực hiện các mục tiêu:", "Mức phấn đấu") holds targets, not results',
    title: /(?<![\p{L}])(?:lộ trình|phấn đấu|dự kiến)(?![\p{L}])/iu,
  },
  {
    why: 'a section of tasks, aims or proposals for the time ahead states targets, not results',
    section: /(?:nhiệm vụ|phương hướng|kế hoạch|giải pháp)[^.]{0,50}(?:tới|tiếp theo|sắp tới|cuối năm)|phương hướng|đề xuất|kiến nghị|mục tiêu/iu,
  },
];
