import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "dossiers.returned",
  description: "Số hồ sơ bị trả lại",
  unit: "dossiers",
  nouns: ["hồ sơ", "trường hợp", "số hồ sơ"],
  bareNumber: true,
  cues: ["bị trả lại", "trả lại", "từ chối"],
  context: ["hồ sơ", "TTHC", "thủ tục", "trường hợp", "tiếp nhận", "giải quyết"],
  percent: "allowed",
  examples: {
    positive: [
      { text: "+ 0 hồ sơ bị trả lại do thiếu giấy tờ, không trùng khớp thông tin trên dữ liệu DCQG", expect: [{ value: 0 }] },
    ],
    negative: [
      "+ 89 hồ sơ đã trả kết quả đúng thời hạn",
    ],
  },
});
