import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "dossiers.direct",
  description: "Số hồ sơ tiếp nhận trực tiếp",
  unit: "dossiers",
  nouns: ["hồ sơ", "trường hợp", "số hồ sơ"],
  bareNumber: true,
  cues: ["trực tiếp", "tiếp nhận trực tiếp", "nộp trực tiếp"],
  context: ["hồ sơ", "TTHC", "thủ tục", "trường hợp", "tiếp nhận", "giải quyết"],
  percent: "allowed",
  examples: {
    positive: [
      { text: "Số hồ sơ tiếp nhận trực tiếp: 210 hồ sơ", expect: [{ value: 210 }] },
    ],
    negative: [
      "Số lượng hồ sơ tiếp nhận TTHC trực tiếp năm 2023 tăng 29 hồ sơ so với năm 2022",
    ],
  },
});
