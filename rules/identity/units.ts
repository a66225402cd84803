/**
 * How Vietnamese documents name administrative units and the bodies that issue documents for them: what
 * src/extract/identity/units.ts reads a letterhead, a title or a signature with. Each entry carries examples
 * that test/identity.test.ts runs through the reader.
 */
import type { UnitLevel } from '../../src/model/results.ts';

/** Which rung of the ladder a level is on: communes report to districts (before July 2025) or provinces. */
export type Tier = 'commune' | 'district' | 'province';

export interface LevelWord {
  level: UnitLevel;
  tier: Tier;
  /** The words in lower case; matched in lower case, capitalised, title case and upper case. */
  words: readonly string[];
  /** Abbreviations, matched exactly as written (followed by the capitalised name). */
  abbreviations: readonly string[];
  examples: ReadonlyArray<[text: string, name: string]>;
}

/**
 * The level words, longest first where one begins another ("thị trấn", "thị xã" before a bare word). A `thành phố`
 * is a district-tier city unless it is centrally run (rules/provinces.ts, CENTRAL_CITIES), then it is a province.
 */
export const LEVEL_WORDS: readonly LevelWord[] = [
  { level: 'thị trấn', tier: 'commune', words: ['thị trấn'], abbreviations: ['TT.', 'Tt.'], examples: [['UBND TT. PHÚ XUYÊN', 'Phú Xuyên'], ['Thị trấn Nghèn có 14 tổ dân phố', 'Nghèn']] },
  { level: 'thị xã', tier: 'district', words: ['thị xã'], abbreviations: ['TX.', 'Tx.'], examples: [['Ủy ban nhân dân thị xã Hoàng Mai', 'Hoàng Mai'], ['UBND TX. Sơn Tây', 'Sơn Tây']] },
  { level: 'thành phố', tier: 'district', words: ['thành phố'], abbreviations: ['TP.', 'Tp.', 'TP'], examples: [['UBND TP. BẮC GIANG', 'Bắc Giang'], ['năm 2024, TP Hạ Long tiếp tục', 'Hạ Long'], ['UBND thành phố Hà Nội', 'Hà Nội']] },
  { level: 'đặc khu', tier: 'commune', words: ['đặc khu'], abbreviations: [], examples: [['ĐẶC KHU CÔN ĐẢO', 'Côn Đảo'], ['Trung tâm Phục vụ hành chính công đặc khu Vân Đồn tiếp nhận', 'Vân Đồn']] },
  { level: 'phường', tier: 'commune', words: ['phường'], abbreviations: ['P.'], examples: [['UBND P. TÂN ĐỊNH', 'Tân Định'], ['(Phường Hà Giang 1), Phường Hà Giang 2', 'Hà Giang 1']] },
  { level: 'xã', tier: 'commune', words: ['xã'], abbreviations: [], examples: [['ỦY BAN NHÂN DÂN XÃ TÂN LẬP', 'Tân Lập'], ['các xã Giai Xuân (cũ)', 'Giai Xuân']] },
  { level: 'quận', tier: 'district', words: ['quận'], abbreviations: ['Q.'], examples: [['QUẬN HOÀNG MAI', 'Hoàng Mai'], ['UBND Q. Ninh Kiều', 'Ninh Kiều']] },
  { level: 'huyện', tier: 'district', words: ['huyện'], abbreviations: ['H.'], examples: [['UBND H. CAN LỘC', 'Can Lộc'], ['huyện Mù Cang Chải năm 2025', 'Mù Cang Chải']] },
  { level: 'tỉnh', tier: 'province', words: ['tỉnh'], abbreviations: [], examples: [['TỈNH BÀ RỊA - VŨNG TÀU', 'Bà Rịa - Vũng Tàu'], ['UBND tỉnh Thừa Thiên Huế', 'Thừa Thiên Huế']] },
];

/**
 * The bodies that issue documents for a unit, as their names begin ("UBND", "Công an", "Tổ công tác …"). In a
 * letterhead they end the unit name before them ("UBND HUYỆN ĐỒNG PHÚ ỦY BAN NHÂN DÂN XÃ TÂN LẬP"); before a level
 * word they make a mention an *issuer's* mention ("của UBND huyện Quảng Xương"), not a place merely named.
 * `pattern` is matched case-insensitively and may reach over a few words up to the level word ("Ban Chỉ đạo
 * chuyển đổi số và Đề án 06 huyện Can Lộc").
 */
export interface IssuingBody {
  id: string;
  pattern: string;
  /** [text, level, name] of an issuer mention the pattern must find. */
  examples: ReadonlyArray<[text: string, level: UnitLevel, name: string]>;
}

export const ISSUING_BODIES: readonly IssuingBody[] = [
  { id: 'people-committee', pattern: String.raw`UBND|[UỦ][ỶY] ban nhân dân|Văn phòng (?:HĐND và )?UBND`, examples: [['Kính gửi: Ủy ban nhân dân tỉnh Quảng Ngãi.', 'tỉnh', 'Quảng Ngãi'], ['Văn phòng UBND thành phố Hải Phòng thông báo để các cơ quan biết', 'thành phố', 'Hải Phòng']] },
  { id: 'police', pattern: String.raw`Công an`, examples: [['CÔNG AN PHƯỜNG VIỆT HƯNG', 'phường', 'Việt Hưng']] },
  { id: 'working-group', pattern: String.raw`Tổ (?:công tác|CT)(?: triển khai| thực hiện)?(?: (?:Đề án|ĐA) ?06(?:/CP)?)?`, examples: [['Tổ công tác triển khai Đề án 06 huyện Yên Thành', 'huyện', 'Yên Thành'], ['Tổ CT Đề án 06 huyện Minh Lâm', 'huyện', 'Minh Lâm']] },
  { id: 'steering-committee', pattern: String.raw`(?:Ban Chỉ đạo|BCĐ)(?: [\p{L}\d/]+){0,8}?`, examples: [['Ban Chỉ đạo chuyển đổi số và Đề án 06 huyện Can Lộc ban hành', 'huyện', 'Can Lộc']] },
  { id: 'council', pattern: String.raw`HĐND|Hội đồng nhân dân`, examples: [['HĐND tỉnh Hà Tĩnh', 'tỉnh', 'Hà Tĩnh']] },
  { id: 'party', pattern: String.raw`Đảng [ủu][yỷ]`, examples: [['ĐẢNG ỦY XÃ ĐÔ LƯƠNG', 'xã', 'Đô Lương']] },
  { id: 'department', pattern: String.raw`Sở(?: [\p{L}]+){1,5}?`, examples: [['Sở Tư pháp tỉnh Hà Tĩnh', 'tỉnh', 'Hà Tĩnh'], ['Giám đốc Sở Khoa học và Công nghệ tỉnh Điện Biên', 'tỉnh', 'Điện Biên']] },
  { id: 'centre', pattern: String.raw`Trung tâm(?: [\p{L},]+){1,9}?`, examples: [['Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch huyện Quảng Xương', 'huyện', 'Quảng Xương']] },
  { id: 'portal', pattern: String.raw`Trang thông tin điện tử|Cổng thông tin điện tử|Cổng Dịch vụ công|Hệ thống thông tin giải quyết (?:thủ tục hành chính|TTHC)`, examples: [['Trang thông tin điện tử đặc khu Phú Quốc › Tin tức', 'đặc khu', 'Phú Quốc'], ['Cổng Dịch vụ công tỉnh Nghệ An - Số liệu', 'tỉnh', 'Nghệ An']] },
];

/**
 * Two-word heads of the issuing bodies: in an upper-case letterhead, where every word is capitalised, a unit's
 * name ends before one of these ("ĐỒNG PHÚ | ỦY BAN NHÂN DÂN", "AN HẢI | TỔ CÔNG TÁC").
 */
export const BODY_HEADS: readonly string[] = [
  'ubnd', 'ủy ban', 'uỷ ban', 'công an', 'tổ công', 'tổ ct', 'ban chỉ', 'bcđ', 'văn phòng', 'sở', 'đảng ủy', 'đảng uỷ', 'hđnd',
  'hội đồng', 'trung tâm', 'bộ công', 'cổng dịch', 'cổng thông', 'trang thông', 'hệ thống', 'cộng hòa', 'cộng hoà', 'độc lập', 'số:',
  'bản tin', 'báo cáo', 'kế hoạch', 'thông báo', 'kết luận',
];

/**
 * Words that open a line of a letterhead as a body of its own ("PHÒNG TƯ PHÁP", "BAN CHỈ ĐẠO …", "ĐỘI CẢNH SÁT …")
 * rather than the rest of a name the column was too narrow for ("ỦY BAN NHÂN DÂN XÃ TÂN" / "LẬP"). Besides the
 * BODY_HEADS; a single word here may also end a name ("Hải Phòng"), so it only counts at the start of a line.
 */
export const LETTERHEAD_LINE_HEADS: readonly string[] = ['phòng', 'ban', 'đội', 'cục', 'chi cục', 'bộ phận', 'tổ', 'bộ', 'đảng', 'huyện ủy', 'tỉnh ủy'];

/**
 * Capitalised words that, after a name's first word, begin a sentence or a clause rather than continue the name:
 * "xã Đông Xuân Trong tháng" (a wrapped heading), "xã Tân Lập Tổ công tác …". Words that also end names ("Yên
 * Thành", "Công Thành", "Quỳnh Trang", "Văn Lang", "Trung Hà") are not here.
 */
export const NAME_STOP_WORDS: readonly string[] = [
  'Tổ', 'Thôn', 'Đảng', 'Uỷ', 'Ủy', 'UBND', 'Trong', 'Sau', 'Trước', 'Và', 'Theo', 'Tại', 'Từ', 'Đến', 'Tháng', 'Quý', 'Kính', 'Thực',
  'Căn', 'Báo', 'Kết', 'Số', 'Ngày', 'Nơi', 'Đề', 'Các', 'Này', 'Nhà', 'Ban', 'Chủ', 'Là', 'Có', 'Đã', 'Với', 'Về', 'Thời', 'Huyện',
  'Xã', 'Phường', 'Tỉnh', 'Quận', 'Đặc', 'Cộng', 'Độc', 'Cổng', 'Hệ', 'Sở',
];

/**
 * What reads like a unit but is none: the national motto's "XÃ HỘI CHỦ NGHĨA" when a scan garbles the rest of it.
 * Matched against the name.
 */
export const NOT_UNIT_NAMES = String.raw`^Hội\s+Chủ\s+Nghĩa\b`;

/** Words that make a unit a former one: "xã Giai Xuân (cũ)", "huyện Lý Sơn cũ". Such a unit issued nothing. */
export const FORMER_MARKERS = String.raw`\s*\(?\s*cũ\s*\)?`;

/**
 * What an issuer does in its own report, right after its name: "UBND xã Tân Lập báo cáo kết quả …", "Tổ công tác
 * triển khai Đề án 06 xã An Hải báo cáo …", "UBND xã Giai Xuân xây dựng Báo cáo …". A body named before one of
 * these is the document's author, not a superior it cites.
 */
export const SELF_REFERENCE: { pattern: string; examples: ReadonlyArray<[text: string, level: UnitLevel, name: string]> } = {
  pattern: String.raw`^\s*(?:\([^)]{0,60}\)\s*)?(?:đã\s+|tiếp\s+tục\s+)?(?:báo\s+cáo|ban\s+hành|xây\s+dựng|tổng\s+hợp|thông\s+báo|kết\s+luận|trân\s+trọng)\b`,
  examples: [
    ['Thực hiện Công văn số 412/UBND-NC ngày 24/3/2025 của UBND huyện, Ủy ban nhân dân xã Tân Lập báo cáo kết quả thực hiện tháng 3 năm 2025 như sau:', 'xã', 'Tân Lập'],
    ['UBND xã Giai Xuân xây dựng Báo cáo sơ kết kết quả triển khai', 'xã', 'Giai Xuân'],
  ],
};

/** "Trên đây là báo cáo … của UBND xã Tân Lập": the closing sentence names the author too. */
export const CLOSING_REFERENCE: { pattern: string; examples: ReadonlyArray<[text: string, level: UnitLevel, name: string]> } = {
  pattern: String.raw`trên\s+đây\s+là\s+(?:báo\s+cáo|kế\s+hoạch|thông\s+báo)\b[^.]{0,200}?\bcủa\s+$`,
  examples: [['Trên đây là báo cáo kết quả thực hiện Đề án 06 tháng 3 năm 2025 của UBND xã Tân Lập./.', 'xã', 'Tân Lập']],
};

/**
 * Where a place is the issuer's own: right after the issuer's name, "Xã Sơn Tây Hạ, tỉnh Quảng Ngãi", "phường Phan
 * Đình Phùng (tỉnh Thái Nguyên)", "xã … thuộc huyện Nam Đàn". Matched against the text between the two names.
 */
export const OWN_LOCATION_GAP = String.raw`^\s*(?:,|\(|,?\s*(?:nay\s+)?thuộc|của)\s*$`;

/** A territory the document speaks for, wherever named: "trên địa bàn tỉnh Thanh Hóa", "toàn tỉnh Lào Cai". */
export const TERRITORY_BEFORE = String.raw`(?:trên\s+địa\s+bàn|toàn)\s+$`;

/** The unit a title says it is about: "Triển khai Đề án 06 trên địa bàn huyện Quảng Xương năm 2023". */
export const TITLE_AREA_BEFORE = String.raw`(?:trên\s+địa\s+bàn|của)\s+$`;

/**
 * The district level of local government ended on 1 July 2025 (Nghị quyết 202/2025/QH15): a commune's document from
 * then on belongs to no district, whatever former district it names.
 */
export const DISTRICTS_ABOLISHED = '2025-07-01';
