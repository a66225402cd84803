import { defineCheck } from '../../src/check/rule.ts';
import { groupBy, isCertainCount, near } from '../../src/check/figures.ts';
import { vietnamese } from '../../src/check/engine.ts';
import { likelySlip } from '../../src/check/arithmetic.ts';
import { partGroups, statusClaim, sums, type PartGroup } from '../../src/check/partitions.ts';
import type { Quantity } from '../../src/model/index.ts';

/**
 * A total whose stated parts do not add up. The parts are the ones the text links to the total (a marker, the
 * structure, or a declared relation for counts side by side), grouped by what splits the total: a partition
 * declared in rules/relations/, or a split of the same measure by procedure, year or kind. Parts adding up to
 * MORE than their total is always wrong; to LESS only where the parts are meant to be all of it (an exhaustive
 * partition, "gồm", a table's total row, a list after "Trong đó:"). Side-by-side dossier flows are
 * reconciliation's, and a "nothing pending"/"all done" claim that the parts deny is status-contradiction's.
 */
export default defineCheck({
  meta: {
    id: 'sum-mismatch',
    description: 'Một tổng mà các phần được nêu ("trong đó", các dòng liệt kê, các dòng của bảng, các năm) cộng lại không bằng.',
    defaultSeverity: 'error',
    messages: {
      more: 'Các phần cộng lại lớn hơn tổng: {{sum}} = {{terms}}, nhưng tổng nêu là {{total}} ({{totalRaw}}).{{slip}}',
      less: 'Các phần cộng lại không bằng tổng: {{terms}} = {{sum}}, nhưng tổng nêu là {{total}} ({{totalRaw}}); chênh lệch {{difference}}.{{slip}}',
    },
  },
  check(context) {
    for (const group of partGroups(context.quantities, context.figureById, context.relations, context.reportYear)) {
      if (group.parts.length < 2) continue;
      if (group.sideBySide && group.partition?.sideBySideCheck === 'reconciliation') continue;
      if (statusClaim(group)) continue;
      compare(group);
    }
    // "+ Số hồ sơ đã tiếp nhận trong năm 2022: 6.588; năm 2023: 6.715 hồ sơ (Tổng số tiếp nhận mới 13.303 hồ sơ …)":
    // a total stated after the years it sums.
    for (const total of context.quantities) {
      if (total.year !== undefined || !isCertainCount(total) || total.parentId || !/tổng/iu.test(total.evidence)) continue;
      const years = context.quantities.filter(
        (quantity) => quantity.metric === total.metric && quantity.noun === total.noun && quantity.year !== undefined && (quantity.procedure ?? null) === (total.procedure ?? null) && isCertainCount(quantity) && near(quantity, total) && !quantity.parentId,
      );
      if (years.length >= 2 && new Set(years.map((quantity) => quantity.year)).size === years.length && years.every((quantity) => (quantity.location.start ?? 0) < (total.location.start ?? 0) || quantity.location.line < total.location.line)) {
        compare({ total, parts: years, by: 'year', exhaustive: true, plus: [], sideBySide: true, linkedBy: 'các năm nêu trước một "tổng"' });
      }
    }

    function compare(group: PartGroup): void {
      const { parts: sum, whole } = sums(group);
      if (sum === whole || (sum < whole && !group.exhaustive)) return;
      const { total } = group;
      const terms = group.parts.map((part) => vietnamese(part.value)).join(' + ');
      const slip = likelySlip(whole, group.parts.map((part) => part.value));
      const slipText = slip
        ? ` Có thể ${slip.index < 0 ? 'tổng' : `số ${vietnamese(slip.written)}`} bị viết nhầm (đảo hai chữ số) từ ${vietnamese(slip.meant)}.`
        : '';
      context.report({
        messageId: sum > whole ? 'more' : 'less',
        data: { sum, terms, total: whole, totalRaw: total.raw, difference: Math.abs(whole - sum), slip: slipText },
        values: [total.value, ...group.plus.map((quantity) => quantity.value), ...group.parts.map((part) => part.value)],
        expected: sum,
        figures: [total, ...group.plus, ...group.parts],
        discriminator: group.by,
        why: whyOf(group),
      });
    }
  },
  tests: {
    valid: [
      { name: 'a parenthesis breaks down the count it follows, not an earlier total of its noun', text: 'Xã tổ chức 12 buổi tuyên truyền với 930 người dự; các thôn tổ chức 7 buổi (500 người), trường học tổ chức 4 buổi (350 người).' },
      { name: 'a "trong đó" split with no companion split that adds up may name only some parts', text: 'Xã mở 12 lớp bồi dưỡng kỹ năng số, trong đó 7 lớp tại các thôn và 4 lớp tại trường học.' },
      { name: '"trong đó" without a colon may pick out only some parts', text: 'Toàn huyện xây dựng 58 mô hình chuyển đổi số, trong đó 31 mô hình tại khu dân cư, 19 mô hình tại trường học.' },
      { name: 'a part outside the catalog is a part by its noun', text: 'Công an xã thu nhận 240 hồ sơ cấp Căn cước, trong đó cấp mới 80 hồ sơ, cấp đổi 150 hồ sơ, cấp lại 10 hồ sơ.' },
      { name: 'a breakdown with a part no partition names: the partition is not all of the total', text: 'Trung tâm tiếp nhận 2.400 hồ sơ, trong đó qua ứng dụng VNeID 1.900 hồ sơ, qua Cổng Dịch vụ công 320 hồ sơ, trực tiếp 180 hồ sơ.' },
      {
        name: 'seed 003: 120 = 31 + 89 + 0 + 0 by procedure, after a bare "Trong đó:"',
        text: [
          '- Tổng số hồ sơ tiếp nhận: 120 hồ sơ',
          '+ 0 hồ sơ bị trả lại do thiếu giấy tờ',
          '+ 120 hồ sơ đã trả kết quả đúng thời hạn (0 hồ sơ đang chờ KQXM)',
          '- Trong đó:',
          '- Đăng ký thường trú:',
          'Tiếp nhận: 31 hồ sơ, trong đó:',
          '+ 0 hồ sơ bị trả lại do thiếu giấy tờ',
          '+ 31 hồ sơ đã trả kết quả đúng thời hạn',
          '- Đăng ký tạm trú:',
          'Tiếp nhận: 89 hồ sơ, trong đó:',
          '+ 89 hồ sơ đã trả kết quả đúng thời hạn',
          '- Khai báo tạm vắng:',
          'Tiếp nhận: 0 hồ sơ',
          '- Thông báo lưu trú:',
          '- Tiếp nhận 0 hồ sơ, đã trả kết quả 0 hồ sơ',
        ].join('\n'),
      },
      { name: 'seed 004: births 263 = 23 + 240', text: '+ Đăng ký khai sinh: 263 trường hợp, đã giải quyết 263 hồ sơ (tỷ lệ 100% đúng và trước hẹn) Trong đó: đăng ký lại 23, đăng ký khai sinh cho trẻ 240.' },
      { name: 'seed 004: marriages 89 = 83 + 6', text: '+ Đăng ký kết hôn: 89 trường hợp, đã giải quyết 89 hồ sơ (trong đó đăng ký mới 83, đăng ký lại 6) (tỷ lệ 100% đúng và trước hẹn).' },
      { name: 'seed 004: 6.588 + 6.715 = 13.303', text: '+ Số hồ sơ đã tiếp nhận trong năm 2022: 6.588; năm 2023: 6.715 hồ sơ\n(Tổng số tiếp nhận mới 13.303 hồ sơ; tồn trước 3 hồ sơ).' },
      {
        name: 'a paragraph announcing a list of its own ends the list before it: the outcomes are no part of the last field',
        text: '1. Lĩnh vực chứng thực: 140 hồ sơ.\n2. Các lĩnh vực khác: 18 hồ sơ.\nKết quả giải quyết:\n- Đã giải quyết 150 hồ sơ, trong đó đúng hạn 149 hồ sơ, trễ hạn 01 hồ sơ.\n- Đang giải quyết: 08 hồ sơ.',
      },
      {
        name: 'an item announcing a list of its own ("- Kết quả giải quyết:") ends the list of fields before it',
        text: '- Chia theo lĩnh vực:\n  * Hộ tịch: 95 hồ sơ;\n  * Lĩnh vực khác: 33 hồ sơ.\n- Kết quả giải quyết:\n  + Đã giải quyết: 120 hồ sơ;\n  + Đang giải quyết: 08 hồ sơ.',
      },
      { name: 'a bare count before "và" is a part too (no word boundary after "và" in a regular expression)', text: 'Các xã tiếp nhận 120 hồ sơ qua Cổng Dịch vụ công. Trong đó: xã Yên Lạc 45, xã Yên Hòa 38 và xã Yên Phú 37 hồ sơ.' },
      {
        name: 'a parenthesis after a part, past words with an age in them, breaks down that part, not the total',
        text: 'Công an xã thu nhận 300 hồ sơ cấp thẻ Căn cước, trong đó 180 hồ sơ của trẻ em dưới 14 tuổi (dưới 6 tuổi: 100 hồ sơ; từ đủ 6 tuổi đến dưới 14 tuổi: 80 hồ sơ); đã trả 250 thẻ Căn cước.',
      },
      { name: 'units named under "trong đó" are a selection, not all of the total', text: 'UBND HUYỆN MINH LÂM\nBÁO CÁO\n- Đang giải quyết: 15 hồ sơ, trong đó 04 hồ sơ của xã Tân Hòa và 06 hồ sơ của xã Tân Lập đang chờ xác minh.' },
      { name: 'an item naming a procedure the vocabulary lacks is one of the listed parts', text: 'Tiếp nhận 300 hồ sơ, cụ thể:\n- Đăng ký thường trú: 100 hồ sơ;\n- Đăng ký tạm trú: 150 hồ sơ;\n- Điều chỉnh thông tin về cư trú: 50 hồ sơ.' },
      {
        name: 'outcomes that balance the count the text calls the total',
        text: 'Trong quý tiếp nhận mới 200 hồ sơ, trong đó trực tuyến 180 hồ sơ. Cộng với 05 hồ sơ tồn kỳ trước chuyển sang, tổng số hồ sơ phải giải quyết là 205 hồ sơ. Kết quả:\n- Đã giải quyết: 190 hồ sơ;\n- Đang giải quyết: 13 hồ sơ;\n- Trả lại: 02 hồ sơ.',
      },
      { name: 'a count said again below the line that announced it is no part of it', text: 'Đoàn kiểm tra thực tế tại 03 đơn vị cấp xã, kết quả như sau:\n- Kiểm tra xác suất 90 hồ sơ tại 03 đơn vị, phát hiện 04 hồ sơ chưa số hóa.\n- Cả 03 đơn vị đều niêm yết đủ thủ tục.' },
      { name: 'a nested list may name only the main parts', text: '- Tổng số hồ sơ tiếp nhận: 500 hồ sơ\n+ Đăng ký thường trú: 200 hồ sơ\n+ Đăng ký tạm trú: 150 hồ sơ' },
      { name: 'a table whose rows add up to its total row', text: '| Thủ tục | Tiếp nhận | Đúng hạn\n| Đăng ký thường trú | 31 | 31\n| Đăng ký tạm trú | 89 | 89\n| Tổng cộng | 120 | 120' },
    ],
    invalid: [
      {
        name: 'a "Toàn huyện" row is the total of the communes above it',
        text: 'UBND HUYỆN ĐỒNG XUÂN\nBÁO CÁO kết quả tháng 10 năm 2025\nKết quả theo xã:\nXã\tTiếp nhận\tTrực tuyến\nXã An Phú\t120\t100\nXã An Hòa\t95\t80\nToàn huyện\t225\t180',
        errors: [{ messageId: 'less', values: [225, 120, 95] }],
      },
      {
        name: 'a split beside another of the same sentence that adds up exactly is all of its total too',
        text: 'Xã mở 12 lớp bồi dưỡng kỹ năng số với 930 người tham gia, trong đó 7 lớp tại các thôn (540 người) và 4 lớp tại trường học (390 người).',
        errors: [{ messageId: 'less', values: [12, 7, 4] }],
      },
      {
        name: '"trong đó:" with a colon opens an enumeration that is all of the total, as the same parts on lines would be',
        text: 'Toàn huyện xây dựng 58 mô hình chuyển đổi số, trong đó: 31 mô hình tại khu dân cư, 19 mô hình tại trường học, 6 mô hình tại chợ.',
        errors: [{ messageId: 'less', values: [58, 31, 19, 6] }],
      },
      { name: 'parts outside the catalog above their total', text: 'Công an xã thu nhận 240 hồ sơ cấp Căn cước, trong đó cấp mới 80 hồ sơ, cấp đổi 170 hồ sơ, cấp lại 10 hồ sơ.', errors: [{ messageId: 'more', values: [240, 80, 170, 10] }] },
      {
        name: 'a year split that does not add up to its total',
        text: '+ Số hồ sơ đã tiếp nhận trong năm 2022: 6.588; năm 2023: 6.715 hồ sơ\n(Tổng số tiếp nhận mới 13.330 hồ sơ; tồn trước 3 hồ sơ).',
        errors: [{ messageId: 'less', values: [13330, 6588, 6715] }],
      },
      {
        name: 'parts by procedure after "Trong đó:" that fall short',
        text: '- Tổng số hồ sơ tiếp nhận: 130 hồ sơ\n- Trong đó:\n- Đăng ký thường trú:\nTiếp nhận: 31 hồ sơ\n- Đăng ký tạm trú:\nTiếp nhận: 89 hồ sơ',
        errors: [{ messageId: 'less', values: [130, 31, 89] }],
      },
      {
        name: 'outcomes adding up to more than the dossiers received',
        text: '- Tổng số hồ sơ tiếp nhận: 120 hồ sơ\n+ 10 hồ sơ bị trả lại do thiếu giấy tờ\n+ 120 hồ sơ đã trả kết quả đúng thời hạn',
        errors: [{ messageId: 'more', values: [120, 10, 120] }],
      },
      { name: 'a list of procedures, one the vocabulary lacks, short of its total', text: 'Tiếp nhận 300 hồ sơ, cụ thể:\n- Đăng ký thường trú: 100 hồ sơ;\n- Đăng ký tạm trú: 150 hồ sơ;\n- Điều chỉnh thông tin về cư trú: 40 hồ sơ.', errors: [{ messageId: 'less', values: [300, 100, 150, 40] }] },
      {
        name: 'a "gồm" list of parts a declared partition names and one it does not',
        text: 'Xã niêm yết 96 thủ tục hành chính, gồm 40 thủ tục trực tuyến toàn trình, 49 thủ tục trực tuyến một phần và 09 thủ tục chỉ thực hiện trực tiếp.',
        errors: [{ messageId: 'more', values: [96, 40, 49, 9] }],
      },
      {
        name: 'the outcomes listed under the count the text calls the total, which already holds the carried-over dossiers',
        text: 'Trong quý tiếp nhận mới 200 hồ sơ, trong đó trực tuyến 180 hồ sơ. Cộng với 05 hồ sơ tồn kỳ trước chuyển sang, tổng số hồ sơ phải giải quyết là 205 hồ sơ. Kết quả:\n- Đã giải quyết: 190 hồ sơ;\n- Đang giải quyết: 08 hồ sơ;\n- Trả lại: 02 hồ sơ.',
        errors: [{ messageId: 'less', values: [205, 190, 8, 2] }],
      },
      { name: 'births 263 ≠ 23 + 230', text: '+ Đăng ký khai sinh: 263 trường hợp, đã giải quyết 263 hồ sơ. Trong đó: đăng ký lại 23, đăng ký khai sinh cho trẻ 230.', errors: [{ messageId: 'less', values: [263, 23, 230] }] },
      { name: 'a table whose rows do not add up to its total row', text: '| Thủ tục | Tiếp nhận | Đúng hạn\n| Đăng ký thường trú | 31 | 31\n| Đăng ký tạm trú | 89 | 89\n| Tổng cộng | 125 | 120', errors: [{ messageId: 'less', values: [125, 31, 89] }] },
    ],
  },
});

/** What linked the parts to the total, in an auditor's words. */
function whyOf(group: PartGroup): string {
  const noun = group.total.metric === undefined ? ` (đếm ${group.total.noun})` : '';
  return `Các phần thuộc tổng vì: ${group.linkedBy || 'được nêu ngay sau tổng'}; chia theo ${group.by}${noun}.`;
}
