import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "tasks.unfinished",
  description: "Số nhiệm vụ chưa hoàn thành",
  unit: "tasks",
  nouns: ["nhiệm vụ"],
  bareNumber: true,
  // "chưa thực hiện 02" (not begun) is not finished either.
  cues: ["chưa hoàn thành", "không hoàn thành", "chưa thực hiện", "chưa triển khai"],
  context: ["nhiệm vụ"],
  percent: "never",
  examples: {
    positive: [
      { text: "- Tổng số nhiệm vụ chưa hoàn thành: 0;", expect: [{ value: 0 }] },
      { text: "còn 03 nhiệm vụ chưa hoàn thành", expect: [{ value: 3 }] },
      { text: "Trong đó: đã hoàn thành 9; đang thực hiện 4; chưa thực hiện 01 nhiệm vụ (chờ hướng dẫn của tỉnh).", expect: [{ value: 1 }] },
    ],
    negative: [
      "- Tổng số nhiệm vụ đã hoàn thành: 16;",
      "các hồ sơ chưa hoàn thành: 2 hồ sơ",
    ],
  },
});
