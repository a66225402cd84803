import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "dossiers.due",
  description: "Số hồ sơ đến hạn giải quyết",
  unit: "dossiers",
  nouns: ["hồ sơ", "trường hợp", "số hồ sơ"],
  bareNumber: true,
  cues: ["đến hạn giải quyết", "đến hạn"],
  context: ["hồ sơ", "TTHC", "thủ tục", "trường hợp", "tiếp nhận", "giải quyết"],
  percent: "allowed",
  examples: {
    positive: [
      { text: "Số hồ sơ đến hạn giải quyết: 118 hồ sơ", expect: [{ value: 118 }] },
    ],
    negative: [
      "Số hồ sơ quá hạn giải quyết: 2 hồ sơ",
    ],
  },
});
