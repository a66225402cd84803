import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "dossiers.early",
  description: "Số hồ sơ giải quyết trước hạn (nêu riêng với đúng hạn)",
  unit: "dossiers",
  nouns: ["hồ sơ", "trường hợp", "số hồ sơ"],
  bareNumber: true,
  cues: ["trước hạn", "trước hẹn"],
  context: ["hồ sơ", "TTHC", "thủ tục", "trường hợp", "tiếp nhận", "giải quyết"],
  excludes: ["đúng hạn", "đúng và trước", "đúng thời hạn", "đúng hẹn"],
  percent: "allowed",
  examples: {
    positive: [
      { text: "trong đó giải quyết trước hạn 45 hồ sơ", expect: [{ value: 45 }] },
    ],
    negative: [
      "+ Số hồ sơ đã giải quyết đúng hạn, trước hạn: 13.274/13.303 = 100%",
    ],
  },
});
