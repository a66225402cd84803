import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "services.full_online",
  description: "Số dịch vụ công trực tuyến toàn trình",
  unit: "services",
  nouns: ["dịch vụ công", "DVC", "dịch vụ", "thủ tục", "TTHC", "thủ tục hành chính"],
  bareNumber: true,
  cues: ["toàn trình", "trực tuyến toàn trình"],
  percent: "allowed",
  examples: {
    positive: [
      { text: "trực tuyến toàn trình là 88 thủ tục; một phần là 74 thủ tục.", expect: [{ value: 88 }] },
    ],
    negative: [
      "một phần là 74 thủ tục.",
    ],
  },
});
