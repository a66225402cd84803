/**
 * What kind of document it is, beyond its title word (rules/identity/layout.ts, TITLE_WORDS): the cues for pages
 * without one, and what makes a report a roll-up. Every example runs in test/identity.test.ts.
 */

/**
 * A headline that is a report's own subject line (a report whose letterhead and type word were lost): "Sơ kết kết
 * quả triển khai, thực hiện Đề án 06 giai đoạn 2022 - 2025". A news headline tells instead ("Hội nghị sơ kết …",
 * "Tân Kỳ: Đề án 06 tạo chuyển biến …").
 */
export const REPORT_SUBJECT = {
  pattern: String.raw`^(?:báo\s+cáo|sơ\s+kết|tổng\s+kết|kết\s+quả\s+(?:thực\s+hiện|triển\s+khai)|tình\s+hình(?:,\s+kết\s+quả)?\s+(?:thực\s+hiện|triển\s+khai))\b`,
  examples: ['Sơ kết kết quả triển khai, thực hiện Đề án 06 giai đoạn 2022 - 2025', 'Tình hình thực hiện Đề án 06'],
  counterExamples: ['Hội nghị sơ kết 3 năm thực hiện Đề án 06 trên địa bàn huyện Quảng Xương', 'Tân Kỳ: Đề án 06 tạo chuyển biến rõ ở cơ sở'],
};

/**
 * A roll-up is a report that names several units and gives each its figures (a district's table of its communes,
 * "- Huyện Vĩnh Bảo: 3.412/7.991 hồ sơ"): this many units, other than the issuer and not above it, each on a line or
 * table row with a counted number.
 */
export const ROLLUP_MIN_UNITS = 2;

/**
 * The month a page's figures run to, its period when it names none: "Tính đến ngày 20-9, Công an tỉnh …" in a
 * September article is `2025-09`. Groups: day, month, year.
 */
export const AS_OF_MONTH = {
  pattern: String.raw`(?:tính\s+đến|đến\s+(?:hết\s+)?ngày)\s+(?:hết\s+)?(?:\d{1,2}\s*(?:h|giờ|:)\s*(?:\d{2})?\s*)?(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?`,
  examples: [
    ['Tính đến ngày 20-9, Công an tỉnh Hà Tĩnh đã thu nhận', '2025-09'],
    ['Số liệu tính đến 17h00 ngày 30/9/2025 (Công an phường cung cấp)', '2025-09'],
    ['Số liệu tính đến ngày 30/6/2025', '2025-06'],
  ] as ReadonlyArray<[string, string]>,
};
