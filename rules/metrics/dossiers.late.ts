import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "dossiers.late",
  description: "Số hồ sơ giải quyết trễ hạn, quá hạn",
  unit: "dossiers",
  nouns: ["hồ sơ", "trường hợp", "số hồ sơ"],
  bareNumber: true,
  cues: ["trễ hạn", "quá hạn", "chậm giải quyết", "trễ hẹn", "quá hẹn"],
  context: ["hồ sơ", "TTHC", "thủ tục", "trường hợp", "tiếp nhận", "giải quyết"],
  percent: "allowed",
  examples: {
    positive: [
      { text: "Số hồ sơ trễ hạn: 2 hồ sơ", expect: [{ value: 2 }] },
    ],
    negative: [
      "+ 89 hồ sơ đã trả kết quả đúng thời hạn",
    ],
  },
});
