import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "tasks.recurring",
  description: "Số nhiệm vụ thực hiện thường xuyên",
  unit: "tasks",
  nouns: ["nhiệm vụ"],
  bareNumber: true,
  cues: ["thực hiện thường xuyên", "thường xuyên"],
  context: ["nhiệm vụ"],
  percent: "never",
  examples: {
    positive: [
      { text: "- Tổng số nhiệm vụ thực hiện thường xuyên: 17;", expect: [{ value: 17 }] },
    ],
    negative: [
      "- Tổng số nhiệm vụ đang triển khai: 2;",
    ],
  },
});
