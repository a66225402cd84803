import { defineCheck } from '../../src/check/rule.ts';
import { ratioVerdict } from '../../src/check/arithmetic.ts';
import { unitWord } from '../units.ts';

/** "13.274/13.303 = 100%": true under rounding, yet 29 dossiers were not on time — say so, quietly. */
export default defineCheck({
  meta: {
    id: 'rounded-to-full',
    description: '"100%" nêu ra khi tử số nhỏ hơn mẫu số: làm tròn đã che mất phần còn thiếu.',
    defaultSeverity: 'info',
    messages: {
      rounded: '{{numerator}}/{{denominator}} = {{actual}}%, được làm tròn thành 100%: vẫn còn {{shortfall}} {{unit}} chưa đạt.',
    },
  },
  check(context) {
    for (const figure of context.figures) {
      if (figure.uncertain || figure.percent !== 100 || figure.denominator === undefined) continue;
      if (figure.value >= figure.denominator) continue;
      const { consistent, actual } = ratioVerdict(figure.value, figure.denominator, 100, figure.percentDecimals);
      if (!consistent) continue;
      context.report({
        messageId: 'rounded',
        data: { numerator: figure.value, denominator: figure.denominator, actual, shortfall: figure.denominator - figure.value, unit: unitWord(figure.unit) },
        values: [figure.value, figure.denominator, 100],
        expected: actual,
        figures: [figure],
      });
    }
  },
  tests: {
    valid: [
      { name: 'a true 100%', text: '+ 18 hồ sơ đã trả kết quả đúng thời hạn: 18/18 hồ sơ = 100%' },
      { name: 'a ratio below 100% is not this check’s', text: 'Năm 2022: 6.065/6588 hồ sơ = 92%;' },
      { name: '50/60 = 100% is a plain mismatch (ratio-mismatch), not rounding', text: 'Số hồ sơ giải quyết đúng hạn: 50/60 hồ sơ = 100%' },
    ],
    invalid: [
      {
        name: 'seed 004: 13.274/13.303 = 100% hides 29 dossiers',
        text: '+ Số hồ sơ đã giải quyết đúng hạn, trước hạn: 13.274/13.303 = 100%',
        errors: [{ messageId: 'rounded', values: [13274, 13303, 100] }],
      },
    ],
  },
});
