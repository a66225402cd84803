import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_IDS, seedText } from './support/seeds.ts';
import {
  findNumbers,
  formatVietnameseNumber,
  isFigure,
  parseVietnameseNumber,
  textShowsDotDecimal,
  type FindNumbersOptions,
  type NumberKind,
  type NumberMention,
} from '../src/normalize/numbers.ts';
import { parseNumberWords } from '../src/normalize/number-words.ts';


type Expected = Partial<Omit<NumberMention, 'start' | 'end' | 'rule'>> & { raw: string; kind: NumberKind };

const m = (kind: NumberKind, raw: string, extra: Partial<Expected> = {}): Expected => ({ kind, raw, ...extra });
const int = (raw: string, value: number, extra: Partial<Expected> = {}) => m('integer', raw, { value, ...extra });
const dec = (raw: string, value: number, extra: Partial<Expected> = {}) => m('decimal', raw, { value, ...extra });
const pct = (raw: string, value: number, percentDecimals = 0, extra: Partial<Expected> = {}) =>
  m('percent', raw, { value, percent: value, percentDecimals, ...extra });
const ratio = (raw: string, value: number, denominator: number, extra: Partial<Expected> = {}) =>
  m('ratio', raw, { value, denominator, ...extra });
const year = (raw: string) => m('year', raw, { value: Number(raw) });
const years = (raw: string, value: number, rangeEnd: number) => m('year-range', raw, { value, rangeEnd });
const date = (raw: string, d: NumberMention['date'] = undefined, extra: Partial<Expected> = {}) =>
  m('date', raw, d ? { date: d, ...extra } : extra);
const doc = (raw: string) => m('document-number', raw);
const id = (raw: string) => m('identifier', raw);
const marker = (raw: string, value: number) => m('list-marker', raw, { value });
const level = (value: number) => m('level', String(value), { value });
const age = (raw: string, value: number, extra: Partial<Expected> = {}) => m('age', raw, { value, ...extra });
const word = (raw: string, value: number, extra: Partial<Expected> = {}) => m('word-number', raw, { value, ...extra });
const programme = (raw = '06') => id(raw);

/** Reads `text` and checks the mentions one by one, in order, and that there are no others. Fields a case
 * does not state must be absent for `qualifier` and `uncertain`: "trên địa bàn" must not turn into "more than". */
function expectReading(text: string, expected: Expected[], options?: FindNumbersOptions): void {
  const found = findNumbers(text, options);
  const shown = found.map((f) => `${f.kind} “${f.raw}”`).join(', ');
  expect(found.length, `${text}\n→ ${shown}`).toBe(expected.length);
  found.forEach((actual, i) => {
    const want = expected[i];
    if (!want) return;
    expect(actual, `${text}\n→ ${shown}`).toMatchObject(want);
    if (want.qualifier === undefined) expect(actual.qualifier, `qualifier of “${actual.raw}” in ${text}`).toBeUndefined();
    if (want.uncertain === undefined) expect(actual.uncertain ?? false, `uncertain “${actual.raw}” in ${text}: ${actual.uncertainReason}`).toBe(false);
    expect(actual.raw).toBe(text.slice(actual.start, actual.end));
  });
}

// Real phrases from the five seeds (lines as extracted; "ƣ" already repaired to "ư" as the normalizer does),
// each with the reading a Vietnamese reader gives it.
const SEED_CORPUS: [string, Expected[]][] = [
  // 000 — Sơn Tây Hạ
  ['Sơ kết kết quả triển khai, thực hiện Đề án 06 giai đoạn 2022 - 2025', [programme(), years('2022 - 2025', 2022, 2025)]],
  ['1. Xã Sơn Tây Hạ, tỉnh Quảng Ngãi, sau sáp nhập, có 12 thôn với 5.388', [marker('1.', 1), int('12', 12), int('5.388', 5388)]],
  ['hộ; 21.187 nhân khẩu. Chính quyền địa phương đã đặt ra các kế hoạch chiến lược', [int('21.187', 21187)]],
  ['xây dựng các kế hoạch triển khai thực hiện 05 mô hình điểm trong thực hiện Đề', [int('05', 5)]],
  ['Nghị định số 104/2022/NĐ-CP của Chính phủ. Chỉ đạo bộ phận một cửa thực', [doc('104/2022/NĐ-CP')]],
  ['nghiêm túc 25 DVC thiết yếu và 28 DVC theo Quyết định số 422/QĐ-TTg của', [int('25', 25), int('28', 28), doc('422/QĐ-TTg')]],
  ['Đăng ký khai sinh đăng ký thường trú - cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi;', [age('6', 6, { qualifier: 'less-than' })]],
  ['Công an xã đã hoàn thành các nội dung làm sạch như: Hộ nhiều hơn 1 chủ', [int('1', 1, { qualifier: 'more-than' })]],
  ['biến động trên phần mềm dân cư; cập nhật CMND 9 số; làm sạch dữ liệu Bảo', [id('9')]],
  ['dân cư trên địa bàn luôn chính xác, đầy đủ, kịp thời; (9) Đảm bảo an ninh, trật', [marker('(9)', 9)]],
  ['ĐOẠN 2025-2030', [years('2025-2030', 2025, 2030)]],
  ['IV. ĐỀ XUẤT PHƯƠNG HƯỚNG NHIỆM VỤ CỦA ĐỀ ÁN 06 GIAI', [marker('IV.', 4), programme()]],
  ['- Về người dân: Một bộ phận người dân chưa quen sử dụng thiết bị thông', []],
  ['3.1. Đối với số hóa hồ sơ, kết quả giải quyết thủ tục hành chính:', [marker('3.1.', 1)]],
  ['thực hiện nhiệm vụ của Đề án 06/CP; tăng cường công tác tuyên truyền, phổ', [programme('06/CP')]],
  ['giải quyết hồ sơ; 100% TTHC từ khâu tiếp nhận và trả kết quả được số hóa xử lý', [pct('100%', 100)]],
  ['án 06 trên địa bàn xã.', [programme()]],
  ['PC06) để theo dõi, tập hợp./.', [id('06')]],
  ['3. Các tiện ích mang lại theo 5 nhóm tiện ích', [marker('3.', 3), int('5', 5)]],

  // 001 — Giai Xuân
  ['Thực hiện Công văn số 7277/UBND-KSTT ngày 24/7/2025 của UBND tỉnh', [doc('7277/UBND-KSTT'), date('24/7/2025', { day: 24, month: 7, year: 2025 })]],
  // "121.81" is a dot decimal (no thousands group has two digits); "14.140" before "nhân" | "khẩu" is a count.
  ['Với tổng diện tích tự nhiên khoảng 121.81 km2, tổng số 3319 hộ, với 14.140 nhân',
    [dec('121.81', 121.81, { qualifier: 'about' }), int('3319', 3319), int('14.140', 14140)]],
  ['khẩu. Hiện nay, địa bàn gồm có 15 xóm, dân số nhiều thành phần, chủ yếu là dân', [int('15', 15)]],
  ['và xã Tân Hợp của huyện Tân Kỳ, có tỉnh lộ 534D đi qua địa bàn. Đã có thuận lợi', [id('534D')]],
  ['Từ 01/7/2025, chính quyền địa phương 02 cấp chính thức đi vào hoạt động.', [date('01/7/2025', { day: 1, month: 7, year: 2025 }), int('02', 2)]],
  ['- Tổng số nhiệm vụ được giao thực hiện trong giai đoạn 2022-2025: 35;', [years('2022-2025', 2022, 2025), int('35', 35)]],
  ['- Tổng số nhiệm vụ chưa hoàn thành: 0;', [int('0', 0)]],
  ['- Tổng số nhiệm vụ đang triển khai: 2;', [int('2', 2)]],
  ['Trong 3 năm triển khai Đề án 06/CP của chính phủ (2022-2025), Tổ công', [int('3', 3), programme('06/CP'), years('2022-2025', 2022, 2025)]],
  ['- Trong năm 2022-2025 Tổ công tác Đề án 06 xã Giai Xuân đã chủ động', [years('2022-2025', 2022, 2025), programme()]],
  ['trong đó về Quản lý cư trú: đã xử lý 1412 số hồ sơ cư trú trong đó năm 2022 là', [int('1412', 1412), year('2022')]],
  ['227/395 hồ sơ tiếp nhận trực tiếp đến năm 2025 100% hồ sơ đã được tiếp nhận', [ratio('227/395', 227, 395), year('2025'), pct('100%', 100)]],
  ['qua cổng dịch vụ công quốc gia, 465 hồ sơ đăng ký xe mức độ 3,4. Trong năm', [int('465', 465), level(3), level(4)]],
  ['Hiện tại trên địa bàn xã đã đăng ký cho 8344 tài khoản định danh điện tử,', [int('8344', 8344)]],
  // The line break after "tổng" joined, as a rebuilt paragraph gives it.
  ['trong đó, tài khoản định danh điện tử mức độ 2 là 5616 tài khoản đạt 40%/ tổng dân số.',
    [level(2), int('5616', 5616), pct('40%/ tổng dân số', 40, 0, { baseText: 'tổng dân số' })]],
  ['ban hành hơn 50 văn bản như: Kế hoạch triển khai nhiệm vụ đề án 06 các năm', [int('50', 50, { qualifier: 'more-than' }), programme()]],
  ['2022, 2023, 2024, 2025; Kế hoạch tuyên truyền tuyên truyền, triển khai cấp CC', [year('2022'), year('2023'), year('2024'), year('2025')]],
  ['cho công dân dưới 14 tuổi, Các Kế hoạch cao điểm làm sạch dữ liệu về hôn nhân,', [age('14', 14, { qualifier: 'less-than' })]],
  ['gia đình, Số căn cước Công dân cha, mẹ… ca, 05 cuộc họp để chỉ đạo, đôn đốc', [int('05', 5)]],
  ['tịch UBND xã –Tổ trưởng Tổ công tác thực hiện Đề án 06 huyện 6 lượt kiểm tra', [programme(), int('6', 6)]],
  ['cửa UBND xã, Công an xã, tại các nhà văn hóa khối, xóm với hơn 312 lượt góp', [int('312', 312, { qualifier: 'more-than' })]],
  ['kết quả đã đăng hơn 200 tin bài tuyên truyền về Đề án 06/CP, Luật Căn cước,', [int('200', 200, { qualifier: 'more-than' }), programme('06/CP')]],
  ['khoản định danh và xác thực điện tử, các điểm mới của Luật căn cước 2023 có', [year('2023')]],
  // "tuổi" is on the next line: from this line alone "dưới 14" is only "less than 14".
  ['hiệu lực từ ngày 01/07/2024 nhất là việc cấp thẻ Căn cước cho công dân dưới 14',
    [date('01/07/2024', { day: 1, month: 7, year: 2024 }), int('14', 14, { qualifier: 'less-than' })]],
  ['số 50/NQ-CP ngày 08/4/2022 của Chính phủ về số hóa và tái sử dụng kết quả số', [doc('50/NQ-CP'), date('08/4/2022')]],
  ['- Phổ cập dịch vụ 4G. Triển khai tuyên truyền tắt sóng 2G, phổ cập điện', [id('4G'), id('2G')]],
  ['hết tháng 9 năm 2024. Phối hợp với các đơn vị viễn thông thực hiện phát triển', [date('9', { month: 9 }), year('2024')]],
  ['- 100% thôn, xóm, bản đã được phủ sóng Internet 3G/4G và Internet cáp', [pct('100%', 100), id('3G'), id('4G')]],
  ['- Kết quả triển khai 57/75 dịch vụ công thiết yếu theo Đề án 06/CP, Quyết', [ratio('57/75', 57, 75), programme('06/CP')]],
  ['định số 422/QĐ-TTg ngày 4/4/2022 và Quyết định số 206/QĐ-TTg ngày', [doc('422/QĐ-TTg'), date('4/4/2022'), doc('206/QĐ-TTg')]],
  ['hợp, cung cấp trên Cổng dịch vụ công quốc gia (Theo Phụ lục số 01 gửi kèm).', [id('01')]],
  ['đến nay, đã cấp 11241 thẻ CCCD/CC kể cả trẻ em và người dưới 14 tuổi và 8344',
    [int('11241', 11241), age('14', 14, { qualifier: 'less-than' }), int('8344', 8344)]],
  ['tài khoản định danh điện tử mức độ 1 và mức độ 2;', [level(1), level(2)]],
  [' - Kết quả triển khai ứng dụng công dân số tại địa phương, đến nay, 15/15 xóm đã được phủ sóng', [ratio('15/15', 15, 15)]],
  ['số trưởng thành có điện thoại thông minh đạt 71,6%; tỷ lệ hộ gia đình có điện', [pct('71,6%', 71.6, 1)]],
  ['Quốc gia; (7)Phối hợp với Bảo hiểm xã hội tỉnh làm sạch 100% dữ liệu công nhân', [marker('(7)', 7), pct('100%', 100)]],
  ['giải quyết TTHC (theo hướng “Một cửa số”); Hệ thống giao ban trực tuyến 2', [int('2', 2)]],
  ['truyền số liệu chuyên dùng với trên 372 điểm kết nối (sau sáp nhập). Thực hiện', [int('372', 372, { qualifier: 'more-than' })]],
  ['chuyển đổi IPv6 cho Cổng Thông tin điện tử tỉnh, Hệ thống thông tin giải quyết', [id('6')]],
  ['trường điện tử; Việc tái sử dụng kết quả trên kho dữ liệu thực hiện trên 80%;  Trên', [pct('80%', 80, 0, { qualifier: 'more-than' })]],
  ['chính quyền địa phương hai cấp.', [word('hai', 2)]],
  ['việc thực hiện Nghị quyết 57-NQ/TW.', [doc('57-NQ/TW')]],
  ['3.1 Phục vụ giải quyết thủ tục hành chính và cung cấp dịch vụ công trực', [marker('3.1', 1)]],
  ['- Phấn đấu đến năm 2030: 100% TTHC được số hóa và giải quyết trên môi', [year('2030'), pct('100%', 100)]],

  // 002 — Quảng Xương (plan)
  ['Thực hiện Kế hoạch số 156/KH-TCTTKĐA06 ngày 12/06/2023 của Chủ', [doc('156/KH-TCTTKĐA06'), date('12/06/2023', { day: 12, month: 6, year: 2023 })]],
  ['2023trên địa bàn huyện Quảng Xương. Để có cơ sở đánh giá kết quả thực hiện', [year('2023')]],
  ['kiểm tra phải được gửi cho các đơn vị liên quan trước ít nhất 02 ngày làm việc', [int('02', 2, { qualifier: 'at-least' })]],
  ['(kèm theo Kế hoạch số:      /KH-TCTTKĐA06 ngày    /7/2023 của Tổ công tác Đề án 06 huyện)',
    [id('06'), date('/7/2023', { month: 7, year: 2023 }), programme()]],
  ['(Số liệu báo cáo được lấy từ năm 2022 đến hết tháng 6/2023)', [year('2022'), date('6/2023', { month: 6, year: 2023 })]],
  ['nhất nào trên toàn quốc không? Số lượng DVC mức độ 3, số lượng DVC mức độ 4.', [level(3), level(4)]],
  ['Về hạ tầng, Công nghệ thông tin (căn cứ theo công văn số 1552 ngày', [doc('1552')]],
  ['và tiêu chuẩn, định mức phục vụ triển khai Đề án 06 (Phiên bản 1.0), phòng Văn', [programme(), id('1.0')]],
  ['Công tác triển khai Đề án; Quy trình 1505 ngày 09/11/2022 và Quy trình 1292', [doc('1505'), date('09/11/2022'), doc('1292')]],
  ['1552 ngày 26/4/2022 của Bộ Thông tin và truyền thông; Nghị quyết số 50/NQCP', [doc('1552'), date('26/4/2022'), doc('50/NQCP')]],
  ['theo thực hiện theo Công văn số 931/BYT-BH 2022 ngày 28/02/2022 của bộ Y tế,', [doc('931/BYT-BH'), year('2022'), date('28/02/2022')]],
  ['(1) Việc quán triệt thực hiện Công văn 931 của Bộ Y tế về sử dụng thẻ', [marker('(1)', 1), doc('931')]],
  ['lập số định danh; làm sạch, cập nhật CMND 9 số; xóa trùng dữ liệu; điều chỉnh chủ', [id('9')]],
  ['(2) Có yêu cầu học sinh xuất trình CT07 (giấy xác nhận cư trú) hoặc giấy tờ', [marker('(2)', 2), id('07')]],
  ['độ 1, mức độ 2).', [level(1), level(2)]],
  ['tại Quyết định số 468/QD-TTg ngày 27/3/2021 và Nghị định số 107/2021/NĐ-CP', [doc('468/QD-TTg'), date('27/3/2021'), doc('107/2021/NĐ-CP')]],
  ['1.1. Kết quả ban hành các văn bản triển khai thực hiện Kế hoạch số 61/KH-', [marker('1.1.', 1), doc('61/KH-')]],
  ['động gặp khó khăn do đại dịch Covid-19 theo Nghị quyết số 68/NQ-CP ngày', [id('19'), doc('68/NQ-CP')]],
  ['giúp việc theo Quyết định số 2378/QĐ-UBND ngày 24/5/2023 về kiện toàn Tổ', [doc('2378/QĐ-UBND'), date('24/5/2023')]],

  // 003 — Giai Phạm
  ['- Ban hành Quyết định số 97/QĐ-UBND ngày 18/4/2022 về việc Triển khai thực', [doc('97/QĐ-UBND'), date('18/4/2022', { day: 18, month: 4, year: 2022 })]],
  ['hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022 củaThủ tướng Chính phủ về việc phê', [doc('06/QĐ-TTg'), date('06/01/2022', { day: 6, month: 1, year: 2022 })]],
  ['- Về chế độ báo cáo:Tổ công tác Đề án 06 xã đã đề ra định kỳ trước ngày 15 hàng', [programme(), date('15', { day: 15 })]],
  ['Đề án 06 và Dịch vụ công trực tuyến mức độ 3, 4 trong lĩnh vực quản lý hành chính về', [programme(), level(3), level(4)]],
  ['+ Qua zalo: 0 bài;', [int('0', 0)]],
  ['+ Qua hệ thống loa phát thanh, truyền hình:10 lượt', [int('10', 10)]],
  ['Qua các buổi họp thôn: 10 buổi = 313 người tham gia nghe', [int('10', 10), int('313', 313)]],
  [' - Tổng số hồ sơ tiếp nhận: 120 hồ sơ', [int('120', 120)]],
  [' + 120 hồ sơ đã trả kết quả đúng thời hạn (0 hồ sơ đang chờ KQXM)', [int('120', 120), int('0', 0)]],
  [' Tiếp nhận: 31 hồ sơ, trong đó: ', [int('31', 31)]],
  ['- Đăng ký khai tử:Tiếp nhận: 04  hồ sơ, trong đó: ', [int('04', 4)]],
  [' + 05hồ sơ đã trả kết quả đúng thời hạn ', [int('05', 5)]],
  ['2.Kết quả triển khai dịch vụ công thiết yếu thuộc Đề án 06 trên môi trường trực', [marker('2.', 2), programme()]],
  [' 2.2.Kết quả thực hiện quy trình phối hợp nghiệp vụ thực hiện thủ tục: ', [marker('2.2.', 2)]],
  ['b)Về triển khai Đề án 06.', [marker('b)', 2), programme()]],
  ['sống”; phối hợp với cán bộ cơ sở rà soát số nhân khẩu từ đủ 14 tuổi còn lại chưa được cấp Căn', [age('14', 14)]],
  ['khoản khoản định danh điện tử, đặc biệt là cấp CCCD cho số học sinh sinh năm 2006 và 2009', [year('2006'), year('2009')]],
  ['tầm nhìn đến năm 2030”', [year('2030')]],
  ['- Ngay sau Hội nghị trực tuyến về triển khai một số nhiệm vụ và tích hợp 25 dịch vụ', [int('25', 25)]],

  // 004 — Giếng Đáy
  ['Tình hình, kết quả 01 năm thực hiện chỉ đạo của Thủ tướng Chính phủ về', [int('01', 1)]],
  ['(từ năm 2022 đến 2023)', [years('2022 đến 2023', 2022, 2023)]],
  ['Thực hiện Văn bản số 2628/UBND-VP, ngày 10/4/2024 của Uỷ ban nhân', [doc('2628/UBND-VP'), date('10/4/2024')]],
  ['dân (9 số) với Căn cước công dân trên Cổng Dịch vụ công quốc gia để 100% tài', [id('9'), pct('100%', 100)]],
  ['định danh điện tử (mức 1 = 541; mức 2 = 11.359).', [level(1), int('541', 541), level(2), int('11.359', 11359)]],
  ['Đảng uỷ phường đã ban hành kế hoạch số 60-KH/ĐU ngày 16/3/2022 về', [doc('60-KH/ĐU'), date('16/3/2022')]],
  ['thành phố, UBND phường Giếng Đáy đã ban hành Kế hoạch số 306/KH- UBND', [doc('306/KH- UBND')]],
  [' Ngày 25/03/2022, UBND phường ban hành 8 Quyết định  về việc thành lập', [date('25/03/2022'), int('8', 8)]],
  ['Giếng Đáy (sau đây viết tắt là Đề án 06).', [programme()]],
  ['xin phòng Covid-19 cho đối tượng trẻ em từ đủ 05 tuổi đến dưới 12 tuổi trên địa',
    [id('19'), age('05', 5), age('12', 12, { qualifier: 'less-than' })]],
  ['án 06 (gọi tắt là Tổ công tác 09-06); Kế hoạch số 24/KH-UBND ngày 28/02/2023', [programme(), id('09-06'), doc('24/KH-UBND'), date('28/02/2023')]],
  ['quản lý dân cư theo yêu cầu của Chính phủ tại 19 Nghị quyết chuyên đề và việc điều', [int('19', 19)]],
  ['Số lượng hồ sơ tiếp nhận TTHC trực tiếp năm 2023 tăng 29 hồ sơ so với năm', [year('2023'), int('29', 29)]],
  ['Năm 2022: 6.065/6588 hồ sơ = 92%;', [year('2022'), ratio('6.065/6588 hồ sơ = 92%', 6065, 6588, { percent: 92, percentDecimals: 0 })]],
  ['Năm 2023: 6.702/6.715 hồ sơ = 91%;', [year('2023'), ratio('6.702/6.715 hồ sơ = 91%', 6702, 6715, { percent: 91, percentDecimals: 0 })]],
  ['Năm 2022: 50/6.588 hồ sơ = 0,76%; (từ ngày 23/5/2022, Bộ phận Một cửa',
    [year('2022'), ratio('50/6.588 hồ sơ = 0,76%', 50, 6588, { percent: 0.76, percentDecimals: 2 }), date('23/5/2022')]],
  [' Năm 2023: 6.646/6.715 hồ sơ = 99%;', [year('2023'), ratio('6.646/6.715 hồ sơ = 99%', 6646, 6715, { percent: 99 })]],
  ['trình là 88 thủ tục; một phần là 74 thủ tục.', [int('88', 88), int('74', 74)]],
  ['Việc tăng cường cải cách hành chính, kiểm soát TTHC, áp dụng ISO 9001:', [id('9001')]],
  ['áp dụng ISO 9001: 2015 theo hình thức điện tử', [id('9001: 2015')]],
  ['2015 theo hình thức điện tử; công khai, minh bạch, tạo thuận lợi cho nhân dân', [year('2015')]],
  ['+ Số hồ sơ đã tiếp nhận trong năm 2022: 6.588; năm 2023: 6.715 hồ sơ',
    [year('2022'), int('6.588', 6588), year('2023'), int('6.715', 6715)]],
  ['(Tổng  số tiếp nhận mới 13.303 hồ sơ; tồn trước 3 hồ sơ).', [int('13.303', 13303), int('3', 3)]],
  ['+ Số hồ sơ đã giải quyết đúng hạn, trước hạn: 13.274/13.303 = 100%',
    [ratio('13.274/13.303 = 100%', 13274, 13303, { percent: 100, percentDecimals: 0 })]],
  ['+ Số hồ sơ đang trong quá trình giải quyết: 14 hồ sơ.', [int('14', 14)]],
  // The stray "3" after "hồ sơ" is left to the extractor (a page-layout artefact in the PDF text).
  ['+ Đăng ký tạm trú (Công an phường Giếng Đáy): 373 hồ sơ 3', [int('373', 373), int('3', 3)]],
  ['+ Đăng ký khai sinh: 263 trường hợp, đã giải quyết 263 hồ sơ (tỷ lệ 100%', [int('263', 263), int('263', 263), pct('100%', 100)]],
  ['đúng và trước hẹn) Trong đó: đăng ký lại 23, đăng ký khai sinh cho trẻ 240. Liên', [int('23', 23), int('240', 240)]],
  ['thông 3 ngành: 180.', [int('3', 3), int('180', 180)]],
  ['ký mới 83, đăng ký lại 6) (tỷ lệ 100% đúng và trước hẹn). Số hóa 100% hồ sơ, kết',
    [int('83', 83), int('6', 6), pct('100%', 100), pct('100%', 100)]],
  ['cấp xã. Trong năm 2023 thực hiện số hóa 6589 TTHC tiếp nhận, đạt tỷ lệ 100%.', [year('2023'), int('6589', 6589), pct('100%', 100)]],
  ['2022 là 466 hồ sơ, năm 2023 là 403 hồ sơ.', [year('2022'), int('466', 466), year('2023'), int('403', 403)]],
  ['cho cán bộ, công chức thực hiện nhiệm vụ: với diện tích sử dụng 40 m2. Được', [int('40', 40)]],
  ['trang thiết bị khác: 07 máy tính (01 máy All in one, 04 máy tính để bàn cho công', [int('07', 7), int('01', 1), int('04', 4)]],
  ['chức, 01 máy lãnh đạo trực, 01 máy laptop); 02 máy in A4; 01 máy scan A4, 01',
    [int('01', 1), int('01', 1), int('02', 2), id('4'), int('01', 1), id('4'), int('01', 1)]],
  ['(01 trường hợp được UBND thành phố giải quyết chế độ nghỉ việc từ tháng 8 năm', [int('01', 1), date('8', { month: 8 })]],
  ['truyền đến người dân từ 18 tuổi trở lên biết địa chỉ truy cập cổng dịch vụ công', [age('18', 18, { qualifier: 'at-least' })]],
  [' hiểm xã hội số, app Hạ Long Smart, app Smart Quảng Ninh, app Báo cháy 114...', [id('114')]],
  ['(Kèm theo Báo cáo số:        /BC-UBND ngày     tháng 4 năm 2024', [date('4', { month: 4 }), year('2024')]],
  // "13.1761" is 13.176 with the footnote mark "1" glued on, "100%2" carries footnote 2: 12.648/13.176 is 96%.
  ['1 Tư pháp – Hộ tịch  12.648/13.1761 100%2', [
    marker('1', 1),
    ratio('12.648/13.1761 100%', 12648, 13176, { percent: 100, uncertain: true, alternatives: [13.1761] }),
    m('footnote', '2', { value: 2 }),
  ]],
  ['2 Lao động – TB và XH  101/101 100%', [marker('2', 2), ratio('101/101 100%', 101, 101, { percent: 100 })]],
  ['3 Người có công  9/9 100%', [marker('3', 3), ratio('9/9 100%', 9, 9, { percent: 100 })]],
  ['I. Số hóa kết quả giải quyết TTHC còn hiệu lực theo Nghị định số 45/2020/NĐ-CP', [marker('I.', 1), doc('45/2020/NĐ-CP')]],
  ['Phụ lục 2. Việc thực thi 19 nghị quyết về đơn giản hóa thủ tục hành hính,', [id('2'), int('19', 19)]],
  ['1 Hiện nay, tuy Thành phố có thực hiện cấp chữ kí số cho công dân miễn phí', [marker('1', 1)]],
  ['(VNEID mức 2).', [level(2)]],
  ['(Số liệu báo cáo được lấy từ năm 2022 đến hết tháng 5/2023)', [year('2022'), date('5/2023')]],
  // A page number alone on its line: the reader cannot tell, the extractor must (no counted noun, no cue).
  ['5 ', [int('5', 5)]],
];

// What the brief and domain notes name, in phrases a report writes.
const CONSTRUCTED_CORPUS: [string, Expected[]][] = [
  ['07 máy tính (01 + 04 + 01 + 01)', [int('07', 7), int('01', 1), int('04', 4), int('01', 1), int('01', 1)]],
  ['Tiếp nhận: 31 hồ sơ', [int('31', 31)]],
  ['Kế hoạch số 51/KH-UBND ngày 02/3/2023', [doc('51/KH-UBND'), date('02/3/2023')]],
  ['theo Công văn 123/CAX của Công an xã', [doc('123/CAX')]],
  ['Quyết định số 06/QĐ-TTg', [doc('06/QĐ-TTg')]],
  ['theo điểm a khoản 2 Điều 5 Nghị định 104/2022/NĐ-CP', [id('2'), id('5'), doc('104/2022/NĐ-CP')]],
  ['Chương II. Tổ chức thực hiện', [id('II')]],
  ['II. KẾT QUẢ THỰC HIỆN', [marker('II.', 2)]],
  ['a) Kết quả cấp thẻ Căn cước', [marker('a)', 1)]],
  ['Hội nghị bắt đầu lúc 8h00 và kết thúc lúc 14 giờ 30, họp tiếp lúc 16:45', [m('time', '8h00'), m('time', '14 giờ 30'), m('time', '16:45')]],
  ['từ 500 đến 1.000 hồ sơ mỗi tháng', [m('band', '500 đến 1.000', { value: 500, rangeEnd: 1000 })]],
  ['mỗi xã xử lý 500–1.000 hồ sơ', [m('band', '500–1.000', { value: 500, rangeEnd: 1000 })]],
  ['giai đoạn 2022 – 2025', [years('2022 – 2025', 2022, 2025)]],
  ['năm học 2022/2023', [years('2022/2023', 2022, 2023)]],
  ['trong quý 3/2023', [date('3/2023', { year: 2023 })]],
  ['ĐA 06 xã', [id('06')]],
  ['Số điện thoại: 0912 345 678', [id('0912 345 678')]],
  ['liên hệ 0912345678 hoặc 0203.3835.123', [id('0912345678'), id('0203.3835.123')]],
  ['Zalo 0987.654.321', [id('0987.654.321')]],
  ['số CCCD 001234567890', [id('001234567890')]],
  ['thôn 3 có 120 hộ', [id('3'), int('120', 120)]],
  ['lần thứ 2 kiểm tra 15 hộ', [id('2'), int('15', 15)]],
  ['Đoàn kiểm tra số 01', [id('01')]],
  ['tổng số 05 hồ sơ', [int('05', 5)]],
  // qualifiers
  ['đạt gần như 100%', [pct('100%', 100, 0, { qualifier: 'nearly' })]],
  ['đạt gần 100%', [pct('100%', 100, 0, { qualifier: 'nearly' })]],
  ['khoảng 200 hộ', [int('200', 200, { qualifier: 'about' })]],
  ['chừng 30 người', [int('30', 30, { qualifier: 'about' })]],
  ['xấp xỉ 99,5% số hộ', [pct('99,5%', 99.5, 1, { qualifier: 'about' })]],
  ['ít nhất 3 buổi', [int('3', 3, { qualifier: 'at-least' })]],
  ['tối thiểu 2 lượt', [int('2', 2, { qualifier: 'at-least' })]],
  ['dưới 5% hồ sơ trễ hạn', [pct('5%', 5, 0, { qualifier: 'less-than' })]],
  ['100 hồ sơ trở lên', [int('100', 100, { qualifier: 'at-least' })]],
  ['trên địa bàn có 12 thôn', [int('12', 12)]],
  ['tăng cao hơn 5% so với năm 2022', [pct('5%', 5), year('2022')]],
  // ratios
  ['6.065/tổng số 6.588 hồ sơ', [ratio('6.065/tổng số 6.588', 6065, 6588)]],
  ['đạt 20 trên 30 hồ sơ', [ratio('20 trên 30', 20, 30)]],
  ['có 3.417 trong tổng số 3.602 hồ sơ cư trú', [ratio('3.417 trong tổng số 3.602', 3417, 3602)]],
  ['12 trong số 15 xã đã hoàn thành', [ratio('12 trong số 15', 12, 15)]],
  ['giải quyết 5 trong 10 ngày', [int('5', 5), int('10', 10)]],
  ['15/15 xóm đạt 100%', [ratio('15/15 xóm đạt 100%', 15, 15, { percent: 100 })]],
  ['13/15 xóm 100% hộ dân', [ratio('13/15', 13, 15), pct('100%', 100)]],
  ['57/75 (76%) dịch vụ', [ratio('57/75 (76%)', 57, 75, { percent: 76 })]],
  ['đạt 2/3 kế hoạch', [ratio('2/3', 2, 3)]],
  ['đạt 2/3', [ratio('2/3', 2, 3, { uncertain: true })]],
  // separators and uncertainty
  ['diện tích 1.500 km2', [int('1.500', 1500, { uncertain: true, alternatives: [1.5] })]],
  ['diện tích 12.000 km2', [int('12.000', 12000)]],
  ['diện tích 2.5 km2', [dec('2.5', 2.5)]],
  ['có 12.000 hộ', [int('12.000', 12000)]],
  ['diện tích 121.81 km2, đường dài 1.500', [dec('121.81', 121.81), int('1.500', 1500, { uncertain: true, alternatives: [1.5] })]],
  ['đường dài 1.500', [int('1.500', 1500)]],
  ['tổng kinh phí 1.234,5 triệu đồng', [int('1.234,5 triệu', 1234500000)]],
  ['đã cấp 1,2 triệu tài khoản', [int('1,2 triệu', 1200000)]],
  ['khoảng 5 nghìn hộ', [int('5 nghìn', 5000, { qualifier: 'about' })]],
  ['13,274 hồ sơ', [int('13,274', 13274, { uncertain: true, alternatives: [13.274] })]],
  ['tỷ lệ 0,76', [dec('0,76', 0.76)]],
  ['tăng 5.388%', [pct('5.388%', 5.388, 3, { uncertain: true, alternatives: [5388] })]],
  ['tăng 99.8%', [pct('99.8%', 99.8, 1)]],
  ['đạt 0,76 %', [pct('0,76 %', 0.76, 2)]],
  ['đạt 100 phần trăm', [pct('100 phần trăm', 100)]],
  ['tháng 6/2025 đạt 15 hộ', [date('6/2025', { month: 6, year: 2025 }), int('15', 15)]],
  ['đến 6/2025 hoàn thành', [date('6/2025', { month: 6, year: 2025 }, { uncertain: true })]],
  ['ngày 2/9 hằng năm', [date('2/9', { day: 2, month: 9 })]],
  ['từ 0 - 5 tuổi', [age('0', 0), age('5', 5)]],
  ['mức hỗ trợ 1,5 triệu đồng', [int('1,5 triệu', 1500000)]],
  ['báo cáo 6 tháng đầu năm', [int('6', 6)]],
  ['ngày 15/13/2023', [id('15/13/2023')]],
  ['vào 2 ngày 24/7/2025 và 25/7/2025', [int('2', 2), date('24/7/2025'), date('25/7/2025')]],
  ['xóm 100% hộ dân', [pct('100%', 100)]],
  ['Trên đây là báo cáo sơ kết Đề án 06/CP giai đoạn 2022-2025 của UBND xã', [programme('06/CP'), years('2022-2025', 2022, 2025)]],
  ['khoảng 1.500 ha rừng', [int('1.500', 1500, { qualifier: 'about', uncertain: true, alternatives: [1.5] })]],
];

// Number words: a counted noun must follow; Duckling's gaps (tư, lăm, mốt, linh/lẻ, rưỡi) filled.
const WORD_CORPUS: [string, Expected[]][] = [
  ['có hai thôn', [word('hai', 2)]],
  ['mười lăm hồ sơ', [word('mười lăm', 15)]],
  ['một trăm linh năm hộ', [word('một trăm linh năm', 105)]],
  ['một trăm lẻ hai hộ', [word('một trăm lẻ hai', 102)]],
  ['một trăm linh tư hộ', [word('một trăm linh tư', 104)]],
  ['ba mươi tư người', [word('ba mươi tư', 34)]],
  ['hai mươi mốt tài khoản', [word('hai mươi mốt', 21)]],
  ['bốn mươi lăm buổi', [word('bốn mươi lăm', 45)]],
  ['năm mươi nhăm lượt', [word('năm mươi nhăm', 55)]],
  ['chín mươi chín người', [word('chín mươi chín', 99)]],
  ['một nghìn hộ', [word('một nghìn', 1000)]],
  ['một ngàn hộ', [word('một ngàn', 1000)]],
  ['một nghìn linh năm hộ', [word('một nghìn linh năm', 1005)]],
  ['hai nghìn rưỡi lượt', [word('hai nghìn rưỡi', 2500)]],
  ['ba chục hộ', [word('ba chục', 30)]],
  ['mười hộ', [word('mười', 10)]],
  ['Năm hộ dân đã đăng ký', [word('Năm', 5)]],
  ['hai mươi mốt nghìn không trăm mười một người', [word('hai mươi mốt nghìn không trăm mười một', 21011)]],
  ['bảy trăm hai mươi mốt nghìn không trăm mười hai người', [word('bảy trăm hai mươi mốt nghìn không trăm mười hai', 721012)]],
  ['hơn hai trăm lượt', [word('hai trăm', 200, { qualifier: 'more-than' })]],
  // not numbers, or not figures
  ['năm 2023', [year('2023')]],
  ['hằng năm người dân đều được tuyên truyền', []],
  ['trong năm người dân đã nộp hồ sơ', []],
  ['năm nay', []],
  ['một số hồ sơ còn tồn', []],
  ['Bộ phận một cửa', []],
  ['một người dân đến nộp', []],
  ['mọi người dân', []],
  ['ngày thứ hai', []],
  ['thứ ba người', []],
  ['mười năm qua', []],
  ['hai mươi năm', []],
  ['Ba Tư', []],
];

describe('findNumbers — seed phrases', () => {
  it.each(SEED_CORPUS)('%s', (text, expected) => expectReading(text, expected));
});

describe('findNumbers — constructed phrases', () => {
  it.each(CONSTRUCTED_CORPUS)('%s', (text, expected) => expectReading(text, expected));
});

describe('findNumbers — number words', () => {
  it.each(WORD_CORPUS)('%s', (text, expected) => expectReading(text, expected));

  it('takes its counting nouns from the caller', () => {
    expectReading('năm con gà', [word('năm', 5)], { countNouns: ['con'] });
    expectReading('hai thôn', [], { countNouns: ['con'] });
  });
});

describe('findNumbers — options and helpers', () => {
  it('marks a lone x.yyy uncertain when the document writes dot decimals elsewhere', () => {
    expectReading('đường dài 1.500', [int('1.500', 1500, { uncertain: true, alternatives: [1.5] })], { dotDecimalSeen: true });
    // a count stays certain: 1,5 households cannot be
    expectReading('có 1.500 hộ', [int('1.500', 1500)], { dotDecimalSeen: true });
  });

  it('detects dot-decimal writing', () => {
    expect(textShowsDotDecimal('Với tổng diện tích tự nhiên khoảng 121.81 km2, tổng số 3319 hộ')).toBe(true);
    expect(textShowsDotDecimal('3.1 Phục vụ giải quyết thủ tục hành chính')).toBe(false);
    expect(textShowsDotDecimal('có 12 thôn với 5.388 hộ')).toBe(false);
  });

  it('tells figures from non-figures', () => {
    const kinds = findNumbers('Năm 2022: 6.065/6588 hồ sơ = 92%; 05 mô hình; Đề án 06').map((f) => [f.raw, isFigure(f)]);
    expect(kinds).toEqual([['2022', false], ['6.065/6588 hồ sơ = 92%', true], ['05', true], ['06', false]]);
  });

  it('reads a text asked about again the same way, with the options it is asked with, and each caller owns its array', () => {
    const text = 'Tiếp nhận 1.500 hồ sơ, đường dài 1.500; đạt 98,5%';
    const first = findNumbers(text);
    first.splice(0, first.length);
    const again = findNumbers(text);
    expect(again.map((mention) => mention.raw)).toEqual(['1.500', '1.500', '98,5%']);
    expect(again[1]!.uncertain).toBeFalsy();
    // The same text in a document that writes dot decimals elsewhere: read again, not taken from before.
    expect(findNumbers(text, { dotDecimalSeen: true })[1]!.uncertain).toBe(true);
    expect(findNumbers(text)[1]!.uncertain).toBeFalsy();
    // Mentions are shared between callers, so none may be changed in place.
    expect(() => {
      (again[0] as { value?: number }).value = 1;
    }).toThrow(TypeError);
  });

  it('keeps the uncertainty reason readable', () => {
    const [ratioMention] = findNumbers('12.648/13.1761 100%');
    expect(ratioMention?.uncertainReason).toContain('13.1761');
  });
});

describe('parseVietnameseNumber', () => {
  it.each([
    ['5.388', 5388, false],
    ['13.274', 13274, false],
    ['0,76', 0.76, false],
    ['71,6', 71.6, false],
    ['121.81', 121.81, false],
    ['2.5', 2.5, false],
    ['12.000', 12000, false],
    ['1.500', 1500, false],
    ['6588', 6588, false],
    ['05', 5, false],
    ['08', 8, false],
    ['0', 0, false],
    ['1.234.567', 1234567, false],
    ['1.234,5', 1234.5, false],
    ['1,234,567', 1234567, false],
    ['1,234.5', 1234.5, false],
    ['0.388', 0.388, false],
    ['13.1761', 13.1761, true],
  ] as const)('%s → %d', (token, value, uncertain) => {
    const r = parseVietnameseNumber(token);
    expect(r?.value).toBe(value);
    expect(r?.uncertain).toBe(uncertain);
  });

  it('keeps the other reading of x.yyy and of x,yyy', () => {
    expect(parseVietnameseNumber('1.500')?.alternative).toBe(1.5);
    expect(parseVietnameseNumber('12.000')?.alternative).toBeUndefined();
    expect(parseVietnameseNumber('13,274')).toMatchObject({ value: 13.274, alternative: 13274 });
    expect(parseVietnameseNumber('13.1761')?.alternative).toBe(13176);
  });

  it('counts the decimals as written', () => {
    expect(parseVietnameseNumber('0,76')?.decimals).toBe(2);
    expect(parseVietnameseNumber('99,80')?.decimals).toBe(2);
    expect(parseVietnameseNumber('5.388')?.decimals).toBe(0);
  });

  it('refuses what is no number', () => {
    expect(parseVietnameseNumber('2.1.3')).toBeNull();
    expect(parseVietnameseNumber('1,2.3')).toBeNull();
    expect(parseVietnameseNumber('abc')).toBeNull();
    expect(parseVietnameseNumber('')).toBeNull();
  });
});

describe('formatVietnameseNumber', () => {
  it.each([
    [5388, undefined, '5.388'],
    [99.81, undefined, '99,81'],
    [0.76, undefined, '0,76'],
    [1234567.5, undefined, '1.234.567,5'],
    [100, undefined, '100'],
    [0, undefined, '0'],
    [-1500, undefined, '-1.500'],
    [0.1 + 0.2, undefined, '0,3'],
    [99.8, 2, '99,80'],
    [(6702 / 6715) * 100, 2, '99,81'],
    [(5616 / 14140) * 100, 1, '39,7'],
    [13303, 0, '13.303'],
  ] as const)('%d (%s decimals) → %s', (value, decimals, text) => {
    expect(formatVietnameseNumber(value, decimals)).toBe(text);
  });

  it('round-trips through parseVietnameseNumber', () => {
    for (const v of [5388, 21187, 0.76, 71.6, 1234567.25, 13274]) {
      expect(parseVietnameseNumber(formatVietnameseNumber(v))?.value).toBe(v);
    }
  });
});

describe('parseNumberWords', () => {
  it('reads the longest numeral and says how many words it used', () => {
    expect(parseNumberWords(['hai', 'mươi', 'mốt', 'hộ'])).toEqual({ value: 21, wordCount: 3 });
    expect(parseNumberWords(['mười', 'năm'])).toEqual({ value: 10, wordCount: 1 });
    expect(parseNumberWords(['không'])).toBeNull();
    expect(parseNumberWords(['hộ'])).toBeNull();
  });
});

describe('findNumbers over every line of the seeds', () => {
  const files = [...SEED_IDS];

  it('finds the five seeds', () => expect(files).toHaveLength(5));

  it.each(files)('%s: never throws, raw is the exact slice, mentions do not overlap', (file) => {
    const lines = seedText(file).normalize('NFC').split(/\r?\n/);
    let mentions = 0;
    for (const line of lines) {
      const found = findNumbers(line);
      let previousEnd = 0;
      for (const f of found) {
        expect(f.raw).toBe(line.slice(f.start, f.end));
        expect(f.start).toBeGreaterThanOrEqual(previousEnd);
        expect(f.end).toBeGreaterThan(f.start);
        previousEnd = f.end;
        mentions++;
      }
    }
    expect(mentions).toBeGreaterThan(0);
  });
});
