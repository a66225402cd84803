import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "tasks.overdue",
  description: "Số nhiệm vụ quá hạn, chậm tiến độ",
  unit: "tasks",
  nouns: ["nhiệm vụ"],
  bareNumber: true,
  cues: ["quá hạn", "chậm tiến độ", "trễ hạn", "chậm"],
  context: ["nhiệm vụ"],
  percent: "never",
  examples: {
    positive: [
      { text: "- Số nhiệm vụ quá hạn: 1;", expect: [{ value: 1 }] },
    ],
    negative: [
      "- Tổng số nhiệm vụ đã hoàn thành: 16;",
      "Số hồ sơ quá hạn: 2 hồ sơ",
    ],
  },
});
