/**
 * The parts of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP lays them out) and of a news or
 * portal page, as src/extract/identity/front.ts finds them: the letterhead (issuing body, top left), the national
 * motto (top right), the number and the dateline, the title (a type word — BÁO CÁO, KẾ HOẠCH … — over one or two
 * lines saying what and when), the addressee ("Kính gửi"), and at the end the recipients ("Nơi nhận") and the
 * signature ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"). Every pattern is matched case-insensitively unless said;
 * every example runs in test/identity.test.ts.
 */
import type { DocType } from '../../src/model/results.ts';

export interface LayoutPattern {
  id: string;
  pattern: string;
  examples: readonly string[];
  /** Lines it must not match. */
  counterExamples?: readonly string[];
}

/** The national motto beside the letterhead: removed from a letterhead line that shares its text line (TXT). */
export const MOTTO: LayoutPattern = {
  id: 'motto',
  pattern: String.raw`(?:cộng\s+h(?:òa|oà)\s+xã\s+hội\s+chủ\s+nghĩa\s+việt(?:\s+nam)?|độc\s+lập\s*[-–]\s*tự\s+do\s*[-–]\s*hạnh\s+phúc|^\s*nam\s*$|^[-_\s]{3,}$)`,
  examples: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Cộng hòa xã hội chủ nghĩa Việt Nam - Độc lập - Tự do - Hạnh phúc', 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT'],
};

/** The document number ("Số: 68/BC-UBND"); group 1 is the number. */
export const DOCUMENT_NUMBER: LayoutPattern = {
  id: 'document-number',
  pattern: String.raw`\bSố\s*:?\s*(\d{1,6}\s*\/\s*[\p{L}\d]+(?:-[\p{L}\d]+)*)`,
  examples: ['Số: 68/BC-UBND', 'Số: 1486/BC-CAT-PC06', 'Số: 486/UBND-CA'],
  counterExamples: ['Số liệu tính đến ngày 30/6/2025'],
};

/**
 * The dateline of an administrative document: "Tân Lập, ngày 04 tháng 4 năm 2025", "Thanh Lạng, ngày 06/02/2025";
 * groups: day, month, year (words) or day, month, year (digits).
 */
export const DATELINE: LayoutPattern = {
  id: 'dateline',
  pattern: String.raw`(?:^|,)\s*ngày\s+(\d{1,2})?\s*tháng\s+(\d{1,2})[.,]?\s*năm\s+(\d{4})|,\s*ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})`,
  examples: ['Tân Lập, ngày 04 tháng 4 năm 2025', 'TP. Bắc Giang, ngày 16 tháng 12 năm 2024', 'Thanh Lạng, ngày 06/02/2025', 'Hải Phòng, ngày 05/7/2025'],
  counterExamples: ['Sáng ngày 15 tháng 5 năm 2025, Tổ công tác triển khai Đề án 06 huyện Quảng Xương tổ chức Hội nghị'],
};

/**
 * The date line under a news headline or a portal page's title: "Thứ Sáu, 27/06/2025 - 07:45", "Ngày đăng:
 * 22/9/2025", "Cập nhật lúc: 16/05/2025 15:20", "08:32, 03/09/2025", "Lâm Đồng, 15/9/2025". Groups: day, month, year.
 */
export const NEWS_DATE: LayoutPattern = {
  id: 'news-date',
  pattern: String.raw`^(?:(?:thứ\s+\p{L}+|chủ\s+nhật|ngày\s+đăng|cập\s+nhật(?:\s+lúc|\s+ngày)?|đăng\s+lúc(?:\s+\d{1,2}[:h]\d{2})?(?:\s+ngày)?|\d{1,2}[:h]\d{2}|[\p{Lu}][\p{L}.]*(?:\s+[\p{Lu}][\p{L}.]*){0,3})\s*[,:|-]?\s*)?(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?:\s*[-,|]?\s*\d{1,2}[:h]\d{2}(?:\s*\[GMT[+\d]*\])?)?(?:\s*\|.*)?$`,
  examples: ['Thứ Sáu, 27/06/2025 - 07:45', 'Ngày đăng: 22/9/2025', 'Cập nhật lúc: 16/05/2025 15:20', '08:32, 03/09/2025', 'Lâm Đồng, 15/9/2025', 'Cập nhật ngày 14/10/2025', 'Đăng lúc 10:15 ngày 04/9/2025', 'Ngày đăng 08/10/2025 | Văn phòng UBND tỉnh', 'Thứ Sáu, 10/01/2025, 16:05 [GMT+7]'],
  counterExamples: ['Số: 68/BC-UBND'],
};

/** A press agency's tag opening a news lead: "(Baonghean) -", "BG -", "QTV -", "(CMO)", "ĐẮK LẮK -". */
export const PRESS_TAG: LayoutPattern = {
  id: 'press-tag',
  pattern: String.raw`^(?:\([\p{L} .]{2,30}\)\s*[-–]?|[\p{Lu}Đ]{2,}(?:\s+[\p{Lu}Đ]{2,}){0,3}\s+[-–])\s`,
  examples: ['(Baonghean) - Sáu tháng đầu năm 2025, huyện Tân Kỳ', 'BG - Năm 2024, huyện Lục Ngạn', '(CMO) Trong tháng 8/2025, xã Tân Thuận', 'ĐẮK LẮK - Thời gian qua'],
  counterExamples: ['UBND xã Kim Sơn báo cáo kết quả', 'I. TÌNH HÌNH CHUNG'],
};

/** The addressee line ("Kính gửi: …"), skipped on the way to the body's opening with the list under it. */
export const ADDRESSEE: LayoutPattern = { id: 'addressee', pattern: String.raw`^kính\s+gửi`, examples: ['Kính gửi: Ủy ban nhân dân tỉnh Gia Lai.', 'Kính gửi:'] };

/** A numbered heading ("I. TÌNH HÌNH CHUNG", "2. Kết quả"): the body's opening ends at one. Matched case-sensitively. */
export const HEADING: LayoutPattern = { id: 'heading', pattern: String.raw`^(?:[IVX]+|\d+)\.\s`, examples: ['I. TÌNH HÌNH CHUNG', '2. Kết quả thực hiện'], counterExamples: ['Ít hồ sơ'] };

/** A list item's marker ("- UBND huyện Minh Lâm;" under "Kính gửi:"). Matched case-sensitively. */
export const BULLET: LayoutPattern = { id: 'bullet', pattern: String.raw`^[-+•]\s`, examples: ['- UBND huyện Minh Lâm;', '+ Cấp mới: 38 hồ sơ'] };

/** Where the recipients and the signature begin. */
export const SIGNATURE_START: LayoutPattern = {
  id: 'signature-start',
  pattern: String.raw`^(?:nơi\s+nhận\s*:|(?:tm|kt|tl|tuq)\.\s*\p{Lu})`,
  examples: ['Nơi nhận: TM. ỦY BAN NHÂN DÂN', 'TM. TỔ CÔNG TÁC', 'KT. CHỦ TỊCH'],
};

/** A signature line naming the body signed for: "TM. ỦY BAN NHÂN DÂN XÃ X", "CHỦ TỊCH UBND XÃ X", "TRƯỞNG CÔNG AN THỊ TRẤN". */
export const SIGNATURE_BODY: LayoutPattern = {
  id: 'signature-body',
  pattern: String.raw`(?:\b(?:tm|kt|tl)\.\s*|\b(?:chủ\s+tịch|trưởng|giám\s+đốc|tổ\s+trưởng)\s+)(.+)$`,
  examples: ['TM. ỦY BAN NHÂN DÂN XÃ KIM SƠN', 'CHỦ TỊCH UBND XÃ HỒNG PHONG'],
};

/**
 * The words that open a title, and the type of document each makes. The first line among the document's first lines
 * that opens with one — in capitals, or alone on its line — is its title; the lines after it up to the body (an
 * addressee, "Thực hiện …", a heading) continue it. A công văn has no type word: its subject line "V/v …" stands in
 * the title's place.
 */
export interface TitleWord {
  pattern: string;
  docType: DocType;
  examples: readonly string[];
}

export const TITLE_WORDS: readonly TitleWord[] = [
  { pattern: String.raw`^(?:thông\s+báo\s+)?kết\s+luận(?:\s+kiểm\s+tra)?\b`, docType: 'inspection', examples: ['KẾT LUẬN', 'KẾT LUẬN KIỂM TRA'] },
  { pattern: String.raw`^kế\s+hoạch\b`, docType: 'plan', examples: ['KẾ HOẠCH', 'KẾ HOẠCH Kiểm tra kết quả thực hiện các nhiệm vụ của Đề án'] },
  { pattern: String.raw`^báo\s+cáo\b`, docType: 'report', examples: ['BÁO CÁO'] },
  { pattern: String.raw`^thông\s+báo\b`, docType: 'other', examples: ['THÔNG BÁO'] },
  { pattern: String.raw`^(?:tờ\s+trình|quyết\s+định|chỉ\s+thị|hướng\s+dẫn|công\s+điện)(?![\p{L}\p{M}\p{N}])`, docType: 'other', examples: ['TỜ TRÌNH', 'QUYẾT ĐỊNH', 'CHỈ THỊ'] },
  { pattern: String.raw`^công\s+văn\s*$|^v\/v\b|^về\s+việc\b`, docType: 'dispatch', examples: ['V/v đôn đốc thực hiện các chỉ tiêu Đề án 06 còn chậm tiến độ'] },
  { pattern: String.raw`^bản\s+tin\b`, docType: 'news', examples: ['BẢN TIN SINH HOẠT CHI BỘ - SỐ 10/2025'] },
];

/**
 * What a title's subject says beyond its type word: a THÔNG BÁO "Kết luận kiểm tra …" is an inspection conclusion,
 * a BÁO CÁO is one whatever its subject.
 */
export const SUBJECT_TYPES: ReadonlyArray<{ pattern: string; docType: DocType; examples: readonly string[] }> = [
  { pattern: String.raw`^kết\s+luận(?:\s+kiểm\s+tra)?\b|^thông\s+báo\s+kết\s+luận`, docType: 'inspection', examples: ['Kết luận kiểm tra tình hình, kết quả thực hiện Đề án 06 tại thị xã Nghi Sơn'] },
];

/** Where the title stops: the addressee, the opening of the body, a numbered heading. */
export const TITLE_END: LayoutPattern = {
  id: 'title-end',
  pattern: String.raw`^(?:kính\s+gửi|thực\s+hiện|căn\s+cứ|theo\s|trên\s+cơ\s+sở|sau\s|trong\s|ngày\s+\d|nhằm|để\s|[IVX]+\.|\d+\.\s|[-+•]\s)`,
  examples: ['Kính gửi: Tổ công tác triển khai Đề án 06 tỉnh Thanh Hóa.', 'Thực hiện Công văn số 1245/UBND-CA', 'I. TÌNH HÌNH CHUNG'],
};

/**
 * A statistics page: a title that says it counts ("THỐNG KÊ …", "SỐ LIỆU …", "Xếp hạng …", "Bảng tổng hợp …") or a
 * line under it that gives the data's cut-off ("Số liệu tính đến 17 giờ ngày 30/9/2025"), with no dateline or
 * signature of an administrative document.
 */
export const STATISTICS_CUES: readonly LayoutPattern[] = [
  { id: 'statistics-title', pattern: String.raw`^(?:thống\s+kê|số\s+liệu|xếp\s+hạng|bảng\s+tổng\s+hợp)(?![\p{L}\p{M}])`, examples: ['THỐNG KÊ KẾT QUẢ GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH THÁNG 9/2025', 'Xếp hạng 10 xã, phường có tỷ lệ hồ sơ trực tuyến cao nhất tháng 9/2025'] },
  { id: 'statistics-cutoff', pattern: String.raw`(?:^|\s-\s)(?:số\s+liệu\s+tính\s+đến|kỳ\s+thống\s+kê|nguồn\s*:)`, examples: ['Số liệu tính đến hết ngày 31/8/2025 (trích từ Hệ thống thông tin giải quyết TTHC tỉnh)', 'Tuyên Quang - Số liệu tính đến 24h00 ngày 30/9/2025'] },
];

/** The cut-off date of a statistics page, its date when it has no other: "tính đến 17 giờ ngày 30/9/2025". */
export const CUTOFF_DATE: LayoutPattern = {
  id: 'cutoff-date',
  pattern: String.raw`tính\s+đến\s+(?:hết\s+)?(?:[\d:h]+\s*(?:giờ)?\s*)?(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})`,
  examples: ['Số liệu tính đến 17 giờ ngày 30/9/2025', 'Số liệu tính đến 17h00 ngày 30/9/2025', 'Số liệu tính đến hết ngày 31/8/2025'],
};

/**
 * An annex header pointing back at its document, whose date it gives when the document's own dateline is missing:
 * "(Kèm theo Báo cáo số: /BC-UBND ngày tháng 4 năm 2024)" — blanks left to be filled by hand keep only what is filled.
 * Groups: day, month, year (words) or month, year (digits).
 */
export const ANNEX_REFERENCE: LayoutPattern = {
  id: 'annex-reference',
  pattern: String.raw`kèm\s+theo\s+(?:báo\s+cáo|kế\s+hoạch)\s+số\s*:?[^()]{0,40}?ngày\s*(\d{1,2})?\s*(?:tháng\s*(\d{1,2})\s*năm\s*(\d{4})|\/\s*(\d{1,2})\s*\/\s*(\d{4}))`,
  examples: ['(Kèm theo Báo cáo số: /BC-UBND ngày tháng 4 năm 2024)', '(kèm theo Kế hoạch số: /KH-TCTTKĐA06 ngày /7/2023 của Tổ công tác Đề án 06 huyện)'],
};

/** Document number codes (the part after the slash) and the type they make: "/BC-" a report, "/KH-" a plan. */
export const NUMBER_CODES: ReadonlyArray<{ code: string; docType: DocType }> = [
  { code: 'BC', docType: 'report' },
  { code: 'KH', docType: 'plan' },
  { code: 'KL', docType: 'inspection' },
  { code: 'TB', docType: 'other' },
  { code: 'QĐ', docType: 'other' },
];
