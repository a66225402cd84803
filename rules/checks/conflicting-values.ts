import { defineCheck } from '../../src/check/rule.ts';
import { groupBy, isCertainCount } from '../../src/check/figures.ts';
import type { Figure } from '../../src/model/index.ts';

/**
 * The same fact stated twice with different values. A fact is pinned by its metric, unit, year and
 * procedure: the size of the unit (villages, households, population, area) is one fact per report, and a
 * count of dossiers, services or accounts is one fact per year or procedure the text names. Counts with
 * neither are not compared — "126 thủ tục niêm yết" at the ward and "162 TTHC công khai" on the portal, or
 * 120 dossiers in section 2.1 and 256 in section 2.2, count different things. Parts of a total are not
 * restatements of it.
 */
const FACTS_OF_THE_UNIT = new Set(['villages', 'households', 'population', 'area_km2']);
export default defineCheck({
  meta: {
    id: 'conflicting-values',
    description: 'Cùng một chỉ tiêu với cùng năm và thủ tục được nêu hai lần với hai giá trị khác nhau.',
    defaultSeverity: 'warning',
    messages: {
      conflict: 'Cùng một số liệu{{qualifiers}} được nêu với hai giá trị khác nhau: {{first}} ({{firstRaw}}) và {{second}} ({{secondRaw}}).',
    },
  },
  check(context) {
    const candidates = context.figures.filter((figure) => {
      if (!isCertainCount(figure)) return false;
      if (!FACTS_OF_THE_UNIT.has(figure.metric) && figure.year === undefined && figure.procedure === undefined) return false;
      const parent = figure.parentId ? context.figureById.get(figure.parentId) : undefined;
      return !parent || parent.metric !== figure.metric;
    });
    const key = (figure: Figure) => [figure.metric, figure.unit, figure.year ?? '', figure.procedure ?? ''].join('|');
    for (const group of groupBy(candidates, key).values()) {
      const first = group[0]!;
      const second = group.find((figure) => figure.value !== first.value);
      if (!second) continue;
      const qualifiers = [first.year !== undefined ? `năm ${first.year}` : '', first.procedure ? `thủ tục ${first.procedure}` : ''].filter(Boolean).join(', ');
      context.report({
        messageId: 'conflict',
        data: { qualifiers: qualifiers ? ` (${qualifiers})` : '', first: first.value, firstRaw: first.raw, second: second.value, secondRaw: second.raw },
        values: [first.value, second.value],
        figures: [first, second],
      });
    }
  },
  tests: {
    valid: [
      { name: 'seed 001: 8344 accounts restated with the same value', text: 'Đã đăng ký cho 8344 tài khoản định danh điện tử.\nĐến nay đã cấp 8344 tài khoản định danh điện tử.' },
      { name: 'seed 003: 120 and 256 received dossiers in different sections', text: '2.1. Công tác đăng ký quản lý cư trú\n- Tổng số hồ sơ tiếp nhận: 120 hồ sơ\n2.2. Kết quả thực hiện quy trình phối hợp\n- Số lượng hồ sơ đăng ký lần đầu dịch vụ công liên thông: 256 hồ sơ.' },
      { name: 'parts of a total are not restatements of it', text: '+ Đăng ký kết hôn: 89 trường hợp, đã giải quyết 89 hồ sơ (trong đó đăng ký mới 83, đăng ký lại 6).' },
      { name: 'seed 004: 126 procedures published at the ward, 162 on the portal', text: 'Đã cập nhật niêm yết 126 thủ tục hành chính thuộc thẩm quyền giải quyết của UBND phường. Niêm yết 162 TTHC đã công khai tại trang dichvucong.quangninh.gov.vn.' },
      { name: 'different years', text: 'Năm 2022: 6.065/6588 hồ sơ = 92%;\nNăm 2023: 6.702/6.715 hồ sơ = 99%;' },
    ],
    invalid: [
      {
        name: 'seed 004: digitised in 2023 stated as 6.702 and as 6589',
        text: '- Số hoá đầu vào hồ sơ giải quyết TTHC:\nNăm 2023: 6.702/6.715 hồ sơ = 99,8%;\n3. Về thực hiện dịch vụ công trực tuyến\nTrong năm 2023 thực hiện số hóa 6589 TTHC tiếp nhận, đạt tỷ lệ 100%.',
        errors: [{ messageId: 'conflict', values: [6702, 6589] }],
      },
      { name: 'households restated differently', text: 'Xã có 12 thôn với 5.388 hộ.\nToàn xã có 5.400 hộ.', errors: [{ messageId: 'conflict', values: [5388, 5400] }] },
    ],
  },
});
