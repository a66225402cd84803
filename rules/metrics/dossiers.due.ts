import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "dossiers.due",
  description: "Số hồ sơ đến hạn giải quyết",
  unit: "dossiers",
  nouns: ["hồ sơ", "trường hợp", "số hồ sơ"],
  bareNumber: true,
  cues: ["đến hạn giải quyết", "đến hạn"],
  context: ["hồ sơ", "TTHC", "thủ tục", "trường hợp", "tiếp nhận", "giải quyết"],
  // "Đang giải quyết, chưa đến hạn: 12 hồ sơ" counts dossiers in progress that are not due yet.
  excludes: ["chưa đến hạn"],
  percent: "allowed",
  examples: {
    positive: [
      { text: "Số hồ sơ đến hạn giải quyết: 118 hồ sơ", expect: [{ value: 118 }] },
      { text: "trong tháng, toàn bộ 6.530 hồ sơ đến hạn đều được giải quyết và trả kết quả đúng hạn", expect: [{ value: 6530 }] },
    ],
    negative: [
      "Số hồ sơ quá hạn giải quyết: 2 hồ sơ",
      "Hồ sơ đang giải quyết, chưa đến hạn: 0 hồ sơ.",
    ],
  },
});
