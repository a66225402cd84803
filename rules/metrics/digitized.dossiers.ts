import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "digitized.dossiers",
  description: "Số hồ sơ được số hóa (số hóa đầu vào)",
  unit: "dossiers",
  nouns: ["hồ sơ", "TTHC", "thủ tục", "kết quả"],
  bareNumber: true,
  cues: ["số hóa hồ sơ", "số hoá hồ sơ", "số hóa đầu vào", "tỷ lệ số hóa hồ sơ", "thực hiện số hóa", "số hóa", "số hoá"],
  context: ["số hóa", "số hoá"],
  excludes: ["số hóa kết quả", "số hoá kết quả", "kết quả giải quyết", "đầu kết quả", "kết quả hồ sơ giải quyết"],
  percent: "allowed",
  examples: {
    positive: [
      { text: "Năm 2022: 6.065/6588 hồ sơ = 92%;", headings: ["- Tỷ lệ số hóa hồ sơ:"], expect: [{ value: 6065, denominator: 6588, percent: 92, year: 2022 }] },
      { text: "Trong năm 2023 thực hiện số hóa 6589 TTHC tiếp nhận, đạt tỷ lệ 100%.", expect: [{ value: 6589, percent: 100, year: 2023 }] },
    ],
    negative: [
      "Năm 2022: 50/6.588 hồ sơ = 0,76%;",
    ],
  },
});
