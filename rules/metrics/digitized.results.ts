import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "digitized.results",
  description: "Số kết quả giải quyết TTHC được số hóa",
  unit: "dossiers",
  nouns: ["hồ sơ", "TTHC", "thủ tục", "kết quả"],
  bareNumber: true,
  cues: ["số hóa kết quả", "số hoá kết quả", "kết quả giải quyết được số hóa", "tỷ lệ số hóa kết quả", "số hóa đầu kết quả", "kết quả hồ sơ giải quyết", "kết quả giải quyết TTHC"],
  context: ["số hóa", "số hoá"],
  percent: "allowed",
  examples: {
    positive: [
      { text: "Năm 2022: 50/6.588 hồ sơ = 0,76%;", headings: ["- Tỷ lệ số hóa kết quả giải quyết TTHC:"], expect: [{ value: 50, denominator: 6588, percent: 0.76, year: 2022 }] },
    ],
    negative: [
      "Năm 2022: 6.065/6588 hồ sơ = 92%;",
    ],
  },
});
