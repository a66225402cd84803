import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "outreach.broadcasts",
  description: "Số lượt phát thanh (loa, truyền thanh)",
  unit: "broadcasts",
  identifyingNouns: ["lượt phát thanh", "lượt phát sóng", "buổi phát thanh"],
  nouns: ["lượt", "lần"],
  bareNumber: true,
  cues: ["phát thanh", "loa", "truyền thanh", "truyền hình"],
  percent: "never",
  examples: {
    positive: [
      { text: "+ Qua hệ thống loa phát thanh, truyền hình:10 lượt", expect: [{ value: 10 }] },
    ],
    negative: [
      "tham mưu Chủ tịch UBND xã 6 lượt kiểm tra",
    ],
  },
});
