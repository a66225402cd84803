import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "tasks.completed",
  description: "Số nhiệm vụ đã hoàn thành",
  unit: "tasks",
  nouns: ["nhiệm vụ"],
  bareNumber: true,
  cues: ["đã hoàn thành", "hoàn thành", "nhiệm vụ đã hoàn thành"],
  context: ["nhiệm vụ"],
  excludes: ["chưa hoàn thành"],
  percent: "never",
  examples: {
    positive: [
      { text: "- Tổng số nhiệm vụ đã hoàn thành: 16;", expect: [{ value: 16 }] },
      { text: "đã hoàn thành 12/15 nhiệm vụ", expect: [{ value: 12, denominator: 15 }] },
    ],
    negative: [
      "- Tổng số nhiệm vụ chưa hoàn thành: 0;",
      "Công an xã đã hoàn thành các nội dung làm sạch như: Hộ nhiều hơn 1 chủ hộ",
    ],
  },
});
