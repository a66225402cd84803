/**
 * What scopes a figure besides its metric: when it was counted (the report's own period, another period, a
 * running total as of a date), whose it is (a unit other than the issuer), and which field of work it belongs
 * to. Read by src/extract/qualifiers.ts from the words before the number in its sentence, its table row and
 * column, and the label above it; checks compare figures only when these agree, so a commune's row is never
 * weighed against the district's total and a running total never against the month's count.
 */

/** Words that make a count a running total rather than the period's own ("lũy kế", "tính đến ngày …"). */
export const CUMULATIVE_CUES: readonly string[] = [
  'lũy kế', 'luỹ kế', 'tính đến', 'tính tới', 'từ đầu năm', 'đến nay', 'đến thời điểm', 'tính đến thời điểm', 'từ trước đến nay',
  'từ khi triển khai', 'kể từ khi triển khai', 'đến hết', 'tính hết',
];

/** The sentence a report opens its body with: "… báo cáo kết quả thực hiện … như sau:". */
export const REPORT_OPENING = /(?<![\p{L}])báo cáo(?![\p{L}])[^:]{0,300}(?:như sau|cụ thể)\s*:\s*$/iu;

/** A report's data cut-off ("số liệu tính đến ngày …", "số liệu cập nhật đến …"), with its brackets. */
export const DATA_CUT_OFF = /\(?\s*số liệu\s+(?:được\s+)?(?:tính|cập nhật|thống kê)\s+(?:đến|tới)[^()]*\)?/giu;

/** "(từ ngày 01/3/2025 đến ngày 31/3/2025)": the end of a period's range, which dates no running total. */
export const RANGE_END_BEFORE_DATE = /từ\s*(?:ngày\s*)?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?\s*(?:đến|tới|-|–)\s*(?:hết\s*)?(?:ngày\s*)?$/iu;
/** Right before a date, these make it the date a running total is counted to. */
export const AS_OF_BEFORE_DATE = /(?:tính đến|tính tới|lũy kế đến|luỹ kế đến|đến hết|tính hết|số liệu đến|cập nhật đến|đến|tới)\s*(?:hết\s*)?(?:ngày\s*)?$/iu;

/**
 * A figure's own period, when its words name one. `own` is the report's own period said another way ("trong
 * tháng", "trong kỳ"); `previous` a comparison with an earlier one ("cùng kỳ năm trước", "tháng trước").
 */
export const PERIOD_PHRASES: ReadonlyArray<{ pattern: RegExp; period: (match: RegExpExecArray, year: number | undefined) => string | undefined }> = [
  // "kỳ trước chuyển sang" is what was carried over into this period, not a figure of the last one.
  { pattern: /cùng kỳ|(?:kỳ|tháng|quý|năm) trước(?!\s*(?:chuyển|sang))|so với (?:năm|tháng|quý|kỳ|cùng)/iu, period: () => 'previous' },
  { pattern: /(?:6|sáu) tháng đầu năm(?:\s*(\d{4}))?/iu, period: (match, year) => `${match[1] ?? year ?? ''}-H1` },
  { pattern: /(?:6|sáu) tháng cuối năm(?:\s*(\d{4}))?/iu, period: (match, year) => `${match[1] ?? year ?? ''}-H2` },
  { pattern: /(?:9|chín) tháng(?: đầu năm)?(?:\s*(?:năm\s*)?(\d{4}))?/iu, period: (match, year) => `${match[1] ?? year ?? ''}-01/${match[1] ?? year ?? ''}-09` },
  { pattern: /quý\s*(I{1,3}|IV|[1-4])(?:\s*(?:\/|năm)\s*(\d{4}))?/iu, period: (match, year) => `${match[2] ?? year ?? ''}-Q${romanOrDigit(match[1]!)}` },
  { pattern: /tháng\s*(\d{1,2})(?:\s*(?:\/|năm)\s*(\d{4}))?(?![\d/])/iu, period: (match, year) => `${match[2] ?? year ?? ''}-${match[1]!.padStart(2, '0')}` },
  { pattern: /trong tháng|trong kỳ|kỳ báo cáo|trong quý|trong năm(?!\s*\d)/iu, period: () => 'own' },
];

function romanOrDigit(text: string): number {
  return ({ I: 1, II: 2, III: 3, IV: 4 } as Record<string, number>)[text.toUpperCase()] ?? Number(text);
}

/** Level words that name a unit before its proper name ("xã Hương Minh", "TP. Hạ Long"). */
export const UNIT_LEVEL_WORDS: readonly string[] = [
  'thị trấn', 'thị xã', 'thành phố', 'đặc khu', 'xã', 'phường', 'quận', 'huyện', 'tỉnh', 'TP.', 'TT.', 'TX.', 'P.', 'H.', 'Q.',
];

/** Row labels that are no unit even when capitalised like a name. */
export const NOT_A_UNIT = /^(?:tổng|cộng|toàn|cấp|bộ phận|lĩnh vực|trong đó|stt|tt|năm|tháng|quý|đơn vị|ghi chú|mức|nhóm)(?![\p{L}\p{M}\p{N}])/iu;

/**
 * Fields of work that reports split dossiers by ("Lĩnh vực cư trú", "Đất đai: 96 hồ sơ"): two counts of
 * dossiers in different fields are different facts.
 */
export const FIELDS: ReadonlyArray<{ id: string; cues: string[] }> = [
  { id: 'cu-tru', cues: ['cư trú'] },
  { id: 'ho-tich', cues: ['hộ tịch', 'khai sinh', 'khai tử', 'kết hôn'] },
  { id: 'chung-thuc', cues: ['chứng thực'] },
  { id: 'dat-dai', cues: ['đất đai'] },
  { id: 'dang-ky-xe', cues: ['đăng ký xe', 'biển số'] },
  { id: 'tu-phap', cues: ['tư pháp'] },
  { id: 'lao-dong', cues: ['lao động', 'thương binh', 'xã hội', 'bảo trợ'] },
  { id: 'xay-dung', cues: ['xây dựng'] },
  { id: 'kinh-doanh', cues: ['kinh doanh', 'đăng ký hộ kinh doanh'] },
  { id: 'giao-thong', cues: ['giao thông', 'vận tải'] },
  { id: 'y-te', cues: ['y tế', 'bảo hiểm y tế'] },
  { id: 'giao-duc', cues: ['giáo dục'] },
  { id: 'thue', cues: ['thuế'] },
  { id: 'nong-nghiep', cues: ['nông nghiệp'] },
  { id: 'can-cuoc', cues: ['căn cước', 'cccd'] },
];

/**
 * Sentences as reports write them, each with what its number must be qualified by (test/qualifiers.test.ts runs
 * them through the whole pipeline as a TXT report issued by `issuer` for `period`). `value` picks the number.
 */
export const QUALIFIER_EXAMPLES: ReadonlyArray<{
  text: string;
  issuer: string;
  period: string;
  value: number;
  expected: { cumulative?: boolean; asOf?: string; period?: string; subject?: string; field?: string };
}> = [
  {
    text: 'Lũy kế đến ngày 31/5/2025, Công an xã đã thu nhận 4.215 hồ sơ cấp thẻ căn cước.',
    issuer: 'UBND XÃ AN PHÚ', period: 'tháng 5 năm 2025', value: 4215,
    expected: { cumulative: true, asOf: '2025-05-31' },
  },
  {
    text: 'Tính đến 15-10, toàn xã đã kích hoạt 3.120 tài khoản định danh điện tử mức 2.',
    issuer: 'UBND XÃ AN PHÚ', period: 'tháng 10 năm 2025', value: 3120,
    expected: { cumulative: true, asOf: '2025-10-15' },
  },
  {
    text: 'Cùng kỳ năm trước, Bộ phận một cửa tiếp nhận 1.020 hồ sơ thủ tục hành chính.',
    issuer: 'UBND XÃ AN PHÚ', period: 'quý III năm 2025', value: 1020,
    expected: { period: 'previous' },
  },
  {
    text: 'Trong 6 tháng đầu năm, Bộ phận một cửa tiếp nhận 2.318 hồ sơ thủ tục hành chính.',
    issuer: 'UBND XÃ AN PHÚ', period: 'tháng 9 năm 2025', value: 2318,
    expected: { period: '2025-H1' },
  },
  {
    // A report's opening that gives its period as a range dates none of the counts below it.
    text: 'UBND xã báo cáo kết quả tháng 3/2025 (từ ngày 01/03/2025 đến ngày 31/3/2025) như sau:\n- Trả 52 thẻ Căn cước cho công dân.',
    issuer: 'UBND XÃ AN PHÚ', period: 'tháng 3 năm 2025', value: 52,
    expected: {},
  },
  {
    // Nor does the report's opening sentence with its cut-off date: it dates the report.
    text: 'Căn cứ kết quả thực hiện nhiệm vụ trong tháng, UBND xã An Phú báo cáo kết quả thực hiện Đề án 06 tháng 01/2025 (tính đến ngày 31/01/2025) như sau:\n- Trả thẻ Căn cước cho công dân: 97 thẻ.',
    issuer: 'UBND XÃ AN PHÚ', period: 'tháng 1 năm 2025', value: 97,
    expected: { field: 'can-cuoc' },
  },
  {
    text: 'Xã Tân Hòa tiếp nhận 312 hồ sơ trực tuyến, cao nhất huyện.',
    issuer: 'UBND HUYỆN MINH LÂM', period: 'tháng 8 năm 2025', value: 312,
    expected: { subject: 'xã Tân Hòa' },
  },
  {
    // A province in parentheses after a ward's name says where the ward is: the count is the ward's.
    text: 'Tháng 9/2025, Trung tâm Phục vụ hành chính công phường Hòa Lạc (tỉnh Bắc Ninh) tiếp nhận mới 1.804 hồ sơ.',
    issuer: 'UBND HUYỆN MINH LÂM', period: 'tháng 9 năm 2025', value: 1804,
    expected: { subject: 'phường Hòa Lạc' },
  },
  {
    // A unit named with "của" after a count is that count's; the unit before it was the previous count's.
    text: 'Đang giải quyết 15 hồ sơ, trong đó 04 hồ sơ của xã Tân Hòa và 06 hồ sơ của xã Tân Lập chờ xác minh.',
    issuer: 'UBND HUYỆN MINH LÂM', period: 'tháng 8 năm 2025', value: 6,
    expected: { subject: 'xã Tân Lập' },
  },
  {
    text: 'Lĩnh vực đất đai: tiếp nhận 96 hồ sơ, đã giải quyết 90 hồ sơ.',
    issuer: 'UBND XÃ AN PHÚ', period: 'tháng 8 năm 2025', value: 96,
    expected: { field: 'dat-dai' },
  },
  {
    // The report's own month said again is no other period, and the issuer naming itself is no other unit.
    text: 'Trong tháng 8, UBND xã An Phú tiếp nhận 185 hồ sơ thủ tục hành chính.',
    issuer: 'UBND XÃ AN PHÚ', period: 'tháng 8 năm 2025', value: 185,
    expected: {},
  },
  {
    // A table's title speaks for each of its cells; a ward's number is part of its name.
    text: 'Bảng 2. Kết quả lũy kế đến ngày 31/3/2025\nSTT\tĐơn vị\tThẻ Căn cước đã cấp\tTài khoản mức 2\n1\tPhường Hà Giang 1\t12.418\t9.371\n2\tPhường Hà Giang 2\t8.388\t6.327',
    issuer: 'UBND THÀNH PHỐ HÀ GIANG', period: 'quý I năm 2025', value: 8388,
    expected: { cumulative: true, asOf: '2025-03-31', subject: 'phường Hà Giang 2' },
  },
  {
    text: 'Số hồ sơ tiếp nhận trong quý:\nSTT\tĐơn vị\tTiếp nhận\tTrực tuyến\n1\tPhường 3\t612\t540\n2\tPhường 12\t455\t431',
    issuer: 'UBND QUẬN 5', period: 'quý I năm 2025', value: 455,
    expected: { subject: 'phường 12' },
  },
];
