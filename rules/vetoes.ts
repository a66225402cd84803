/**
 * Clause-level patterns that stop a number from being a figure whatever its cues: a change compared with
 * another period is not a stock ("tăng 29 hồ sơ so với năm 2022"), a target is not a result.
 * Each entry is tested on the text around the number (the clause); `why` is for the reader of this file.
 */
export const FIGURE_VETOES: ReadonlyArray<{ why: string; before?: RegExp; after?: RegExp }> = [
  { why: 'a change versus another period, not a count', before: /(?:tăng|giảm)(?:\s+thêm)?\s*$/iu },
  { why: 'a change versus another period, not a count', before: /(?:tăng|giảm)\b[^;:.]{0,40}$/iu, after: /^[^;.]{0,60}\bso với\b/iu },
  { why: 'a target, not a result', before: /(?:phấn đấu|chỉ tiêu|mục tiêu|kế hoạch giao|dự kiến)[^;.]{0,60}$/iu },
];
