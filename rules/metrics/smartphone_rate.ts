import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "smartphone_rate",
  description: "Tỷ lệ người (hộ) có điện thoại thông minh (%)",
  unit: "percent",
  bareNumber: true,
  cues: ["điện thoại thông minh"],
  percent: "only",
  examples: {
    positive: [
      { text: "tỷ lệ dân số trưởng thành có điện thoại thông minh đạt 71,6%", expect: [{ value: 71.6 }] },
    ],
    negative: [
      "được phủ sóng thông tin di động đạt 100%",
    ],
  },
});
