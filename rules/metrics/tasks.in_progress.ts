import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "tasks.in_progress",
  description: "Số nhiệm vụ đang triển khai, đang thực hiện",
  unit: "tasks",
  nouns: ["nhiệm vụ"],
  bareNumber: true,
  cues: ["đang triển khai", "đang thực hiện", "đang tiến hành"],
  context: ["nhiệm vụ"],
  percent: "never",
  examples: {
    positive: [
      { text: "- Tổng số nhiệm vụ đang triển khai: 2;", expect: [{ value: 2 }] },
    ],
    negative: [
      "- Tổng số nhiệm vụ thực hiện thường xuyên: 17;",
      "đang thực hiện 5 hồ sơ",
    ],
  },
});
