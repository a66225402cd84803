import { defineCheck } from '../../src/check/rule.ts';

/** A share of something cannot exceed 100% or fall below 0%. Growth rates are not extracted as figures. */
export default defineCheck({
  meta: {
    id: 'percent-out-of-range',
    description: 'Tỷ lệ phần trăm lớn hơn 100% hoặc nhỏ hơn 0% ở nơi điều đó không thể xảy ra.',
    defaultSeverity: 'error',
    messages: {
      outOfRange: 'Tỷ lệ {{percent}}% nằm ngoài khoảng 0–100%: một tỷ lệ phần trăm của tổng số không thể như vậy.',
    },
  },
  check(context) {
    for (const figure of context.figures) {
      if (figure.uncertain) continue;
      const percent = figure.unit === 'percent' ? figure.value : figure.percent;
      if (percent === undefined || (percent >= 0 && percent <= 100)) continue;
      context.report({ messageId: 'outOfRange', data: { percent }, values: [percent], figures: [figure] });
    }
  },
  tests: {
    valid: [
      { name: 'a rate within range', text: 'tỷ lệ dân số trưởng thành có điện thoại thông minh đạt 71,6%' },
      { name: 'an increase is not a share', text: 'Số lượng hồ sơ tiếp nhận trực tuyến năm 2023 tăng 150% so với năm 2022.' },
    ],
    invalid: [
      { name: 'a smartphone rate above 100%', text: 'tỷ lệ dân số trưởng thành có điện thoại thông minh đạt 117%', errors: [{ messageId: 'outOfRange', values: [117] }] },
      { name: 'a ratio stated above 100%', text: '+ Số hoá đầu vào hồ sơ giải quyết TTHC:\nNăm 2022: 6.065/6588 hồ sơ = 192%;', errors: [{ messageId: 'outOfRange', values: [192] }] },
    ],
  },
});
