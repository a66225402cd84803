import { defineCheck } from '../../src/check/rule.ts';
import { isCertainCount } from '../../src/check/figures.ts';

/**
 * Counts a declared bound caps (rules/relations/ with `boundCheck: 'exceeds-population'`: each person has at
 * most one ID card and one electronic ID account) stated above the bound stated in the report.
 */
export default defineCheck({
  meta: {
    id: 'exceeds-population',
    description: 'Số tài khoản, số thẻ hoặc số người được tính vượt quá dân số được nêu.',
    defaultSeverity: 'warning',
    messages: {
      exceeds: '{{value}} ({{raw}}) lớn hơn dân số {{population}} ({{populationRaw}}) nêu trong báo cáo — {{why}}',
    },
  },
  check(context) {
    for (const relation of context.relations.relations) {
      if (relation.boundCheck !== 'exceeds-population') continue;
      const bounds = context.quantities.filter((quantity) => quantity.metric === relation.whole && isCertainCount(quantity) && quantity.year === undefined);
      if (bounds.length === 0 || new Set(bounds.map((quantity) => quantity.value)).size !== 1) continue;
      const bound = bounds[0]!;
      for (const quantity of context.quantities) {
        if (quantity.metric === undefined || !relation.parts.includes(quantity.metric) || !isCertainCount(quantity) || quantity.value <= bound.value) continue;
        context.report({
          messageId: 'exceeds',
          data: { value: quantity.value, raw: quantity.raw, population: bound.value, populationRaw: bound.raw, why: relation.description },
          values: [quantity.value, bound.value],
          figures: [quantity, bound],
          why: `Quan hệ khai báo (rules/relations/${relation.id}).`,
        });
      }
    }
  },
  tests: {
    valid: [
      { name: 'seed 001: 11241 cards and 8344 accounts below 14.140 persons', text: 'Tổng số 3319 hộ, với 14.140 nhân khẩu.\nĐến nay, đã cấp 11241 thẻ CCCD/CC và 8344 tài khoản định danh điện tử mức độ 1 và mức độ 2;' },
      { name: 'no population stated, nothing to compare', text: 'Đến nay, đã cấp 11241 thẻ CCCD/CC.' },
    ],
    invalid: [
      { name: 'more cards than people', text: 'Xã có 5.388 hộ; 9.187 nhân khẩu.\nĐến nay, đã cấp 11.241 thẻ CCCD/CC.', errors: [{ messageId: 'exceeds', values: [11241, 9187] }] },
    ],
  },
});
