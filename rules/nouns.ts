/**
 * Counted nouns that belong to no metric. A number followed by one of these is a count of something
 * the catalog does not track ("02 Quyết định", "05 cuộc họp", "dưới 6 tuổi"), so no rule may claim it.
 * Listing them also stops a shorter metric noun matching inside them ("hộ nghèo" is not "hộ").
 */
export const OTHER_NOUNS: readonly string[] = [
  'văn bản', 'quyết định', 'kế hoạch', 'công văn', 'thông báo', 'nghị quyết', 'chỉ thị', 'báo cáo',
  'lượt kiểm tra', 'lượt góp ý', 'cuộc kiểm tra', 'cuộc họp', 'cuộc', 'lớp', 'lớp tập huấn', 'đợt', 'lần', 'kỳ',
  'điểm', 'điểm kết nối', 'điểm mới', 'nhóm', 'nhóm tiện ích', 'tiện ích', 'mô hình', 'mô hình điểm',
  'năm', 'tháng', 'ngày', 'giờ', 'phút', 'tuần', 'quý', 'tuổi',
  'máy', 'máy tính', 'máy in', 'máy scan', 'màn hình', 'thiết bị', 'bộ', 'm2', 'km', 'đồng', 'triệu', 'tỷ', 'nghìn đồng',
  'công chức', 'cán bộ', 'đồng chí', 'thành viên', 'tổ', 'tổ công tác', 'đơn vị', 'cơ quan', 'cơ sở', 'trường', 'ngành', 'cấp',
  'xã', 'phường', 'huyện', 'tỉnh', 'thị trấn',
  'hộ nghèo', 'hộ cận nghèo', 'hộ kinh doanh', 'hộ chiếu', 'hộ khẩu', 'hộ tịch', 'chủ hộ', 'hộ gia đình có',
  'câu hỏi', 'chỉ tiêu', 'nhiệm vụ trọng tâm', 'giải pháp', 'nội dung', 'trường hợp học sinh',
  'số', 'chữ số', 'ký tự', 'ngành nghề', 'dịch vụ viễn thông',
];

/**
 * A table column headed by what its numbers count ("Số hộ", "Nhân khẩu", "Nhân khẩu thường trú", "Tổng số tin bài"):
 * the header is the counted noun of every number under it, as "512 hộ" is in prose. Group 1 must be a metric's
 * identifying noun, whole: "Dân tộc", "Hộ nghèo" or "Số hộ được hỗ trợ cài đặt" name nothing counted this way.
 */
export const COUNT_HEADER = /^(?:(?:tổng\s+)?số(?:\s+lượng)?\s+)?(.+?)(?:\s+(?:thường trú|tạm trú|hiện có|trên địa bàn))?(?:\s*\([^()]*\))?\s*$/iu;

/**
 * Nouns that count people. A metric that counts something else — accounts, cards — is often counted by the people it
 * was done for: "58 214 người được kích hoạt tài khoản định danh điện tử mức 2", "cấp CCCD gắn chip cho 215.480 công
 * dân". Such a number is that metric only when its own clause says what was done for them, in the words right after
 * the noun (opening with `RECIPIENT_AFTER`) or before the number (ending with `RECIPIENT_BEFORE`), and no word of
 * helping (`HELPING`) governs them: "hướng dẫn 300 người kích hoạt tài khoản" counts people helped, not accounts.
 */
export const PERSON_NOUNS: readonly string[] = ['người', 'công dân', 'người dân'];

/** "… người được kích hoạt", "… công dân đã có tài khoản", "… người đã được cấp": what the people got. */
export const RECIPIENT_AFTER = /^\s*(?:đã|được|có|đều được)(?![\p{L}\p{M}])/iu;

/** "cấp CCCD gắn chip cho 215.480 công dân", "kích hoạt cho 69.815 công dân tài khoản …". */
export const RECIPIENT_BEFORE = /(?<![\p{L}\p{M}])cho\s*$/iu;

/** Words that make the people counted the ones helped or taught, not the holders of what was done. */
export const HELPING = /(?<![\p{L}\p{M}])(?:hướng dẫn|hỗ trợ|tuyên truyền|vận động|tập huấn|giúp)(?![\p{L}\p{M}])/iu;

/**
 * Nouns after a number that measure time, age, size or money rather than count things ("5 năm", "dưới 14
 * tuổi", "2 tỷ đồng"): such a number is no quantity the checks add up.
 */
const MEASURE_NOUNS: ReadonlySet<string> = new Set([
  'năm', 'tháng', 'ngày', 'giờ', 'phút', 'tuần', 'quý', 'tuổi', 'số', 'chữ số', 'ký tự', 'm2', 'km', 'đồng', 'triệu', 'tỷ',
  'nghìn đồng', 'cấp', 'điểm mới', 'nhóm tiện ích', 'tiện ích', 'kỳ', 'lần', 'đợt', 'ngành nghề',
]);

/**
 * Spellings of one counted thing, mapped to one name: the checks add "TTHC" to "thủ tục hành chính" and
 * "dịch vụ công" (the reports use them for the same procedures), "trường hợp" to "hồ sơ" (civil-status
 * registrations are counted either way). Keys are lower case.
 */
const NOUN_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['số hồ sơ', 'hồ sơ'], ['bộ hồ sơ', 'hồ sơ'], ['trường hợp', 'hồ sơ'],
  ['tthc', 'thủ tục'], ['thủ tục hành chính', 'thủ tục'], ['dịch vụ công', 'thủ tục'], ['dvc', 'thủ tục'], ['dịch vụ', 'thủ tục'],
  ['tk', 'tài khoản'], ['tài khoản định danh điện tử', 'tài khoản'], ['tài khoản định danh', 'tài khoản'], ['tài khoản vneid', 'tài khoản'],
  ['thẻ cccd', 'thẻ'], ['thẻ cccd/cc', 'thẻ'], ['thẻ căn cước', 'thẻ'], ['thẻ căn cước công dân', 'thẻ'], ['cccd', 'thẻ'], ['thẻ cc', 'thẻ'],
  ['căn cước', 'thẻ'], ['căn cước công dân', 'thẻ'],
  ['người dân', 'người'], ['công dân', 'người'], ['dân', 'người'], ['lượt người', 'người'],
  ['hộ gia đình', 'hộ'],
  ['lớp tập huấn', 'lớp'], ['tin', 'tin bài'], ['bài', 'tin bài'], ['bài viết', 'tin bài'], ['tin, bài', 'tin bài'],
  ['cuộc họp', 'cuộc'], ['cuộc kiểm tra', 'cuộc'], ['mô hình điểm', 'mô hình'], ['tổ công tác', 'tổ'],
]);

/** The name a counted noun is compared by. */
export function canonicalNoun(written: string): string {
  const lower = written.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
  return NOUN_SYNONYMS.get(lower) ?? lower;
}

/** Does the noun count things (not time, age, size or money)? */
export function isCountedNoun(written: string): boolean {
  return !MEASURE_NOUNS.has(written.normalize('NFC').toLowerCase().trim());
}

/** What a catalog figure with no written noun counts, by its metric's unit ("mức 2: 8.170" counts accounts). */
const NOUN_OF_UNIT: Readonly<Record<string, string>> = {
  accounts: 'tài khoản', dossiers: 'hồ sơ', tasks: 'nhiệm vụ', cards: 'thẻ', services: 'thủ tục', procedures: 'thủ tục',
  households: 'hộ', persons: 'người', villages: 'thôn', posts: 'tin bài', broadcasts: 'lượt', meetings: 'buổi', km2: 'km2', percent: '%',
};

export function nounOfUnit(unit: string): string {
  return NOUN_OF_UNIT[unit] ?? unit;
}
