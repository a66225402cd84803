import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "tasks.unfinished",
  description: "Số nhiệm vụ chưa hoàn thành",
  unit: "tasks",
  nouns: ["nhiệm vụ"],
  bareNumber: true,
  cues: ["chưa hoàn thành", "không hoàn thành"],
  context: ["nhiệm vụ"],
  percent: "never",
  examples: {
    positive: [
      { text: "- Tổng số nhiệm vụ chưa hoàn thành: 0;", expect: [{ value: 0 }] },
      { text: "còn 03 nhiệm vụ chưa hoàn thành", expect: [{ value: 3 }] },
    ],
    negative: [
      "- Tổng số nhiệm vụ đã hoàn thành: 16;",
      "các hồ sơ chưa hoàn thành: 2 hồ sơ",
    ],
  },
});
