import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "dossiers.resolved",
  description: "Số hồ sơ đã giải quyết (đã trả kết quả)",
  unit: "dossiers",
  nouns: ["hồ sơ", "trường hợp", "số hồ sơ"],
  bareNumber: true,
  cues: ["đã giải quyết", "giải quyết xong", "đã trả kết quả", "đã xử lý", "trả kết quả"],
  context: ["hồ sơ", "TTHC", "thủ tục", "trường hợp", "tiếp nhận", "giải quyết"],
  excludes: ["đúng hạn", "đúng thời hạn", "trước hạn", "trước hẹn", "đúng hẹn", "trễ hạn", "quá hạn"],
  percent: "allowed",
  examples: {
    positive: [
      { text: "- Tiếp nhận 0 hồ sơ, đã trả kết quả 0 hồ sơ", expect: [{ value: 0 }] },
      { text: "+ Đăng ký khai tử: 63 trường hợp, đã giải quyết 63 hồ sơ", expect: [{ value: 63, procedure: "khai-tu" }] },
    ],
    negative: [
      "+ 89 hồ sơ đã trả kết quả đúng thời hạn",
      "đang giải quyết 3 hồ sơ",
    ],
  },
});
