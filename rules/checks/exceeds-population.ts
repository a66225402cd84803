import { defineCheck } from '../../src/check/rule.ts';
import { isCertainCount } from '../../src/check/figures.ts';

/** Each person has at most one ID card and one electronic ID account: counts above the population are suspect. */
const PER_PERSON = ['eid.accounts', 'eid.level1', 'eid.level2', 'eid.activated', 'idcards.issued'];

export default defineCheck({
  meta: {
    id: 'exceeds-population',
    description: 'Số tài khoản, số thẻ hoặc số người được tính vượt quá dân số được nêu.',
    defaultSeverity: 'warning',
    messages: {
      exceeds: '{{value}} ({{raw}}) lớn hơn dân số {{population}} ({{populationRaw}}) nêu trong báo cáo — mỗi người chỉ có một {{what}}.',
    },
  },
  check(context) {
    const populations = context.figures.filter((figure) => figure.metric === 'population' && isCertainCount(figure) && figure.year === undefined);
    if (populations.length === 0 || new Set(populations.map((figure) => figure.value)).size !== 1) return;
    const population = populations[0]!;
    for (const figure of context.figures) {
      if (!PER_PERSON.includes(figure.metric) || !isCertainCount(figure) || figure.value <= population.value) continue;
      context.report({
        messageId: 'exceeds',
        data: { value: figure.value, raw: figure.raw, population: population.value, populationRaw: population.raw, what: figure.metric === 'idcards.issued' ? 'thẻ căn cước' : 'tài khoản định danh điện tử' },
        values: [figure.value, population.value],
        figures: [figure, population],
      });
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
