import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "services.partial_online",
  description: "Số dịch vụ công trực tuyến một phần",
  unit: "services",
  nouns: ["dịch vụ công", "DVC", "dịch vụ", "thủ tục", "TTHC", "thủ tục hành chính"],
  bareNumber: true,
  cues: ["một phần", "trực tuyến một phần"],
  percent: "allowed",
  examples: {
    positive: [
      { text: "trực tuyến toàn trình là 88 thủ tục; một phần là 74 thủ tục.", expect: [{ value: 74 }] },
    ],
    negative: [
      "trực tuyến toàn trình là 88 thủ tục",
    ],
  },
});
