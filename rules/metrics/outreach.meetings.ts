import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "outreach.meetings",
  description: "Số buổi họp, hội nghị tuyên truyền",
  unit: "meetings",
  identifyingNouns: ["buổi", "buổi họp", "hội nghị", "buổi tuyên truyền"],
  percent: "never",
  examples: {
    positive: [
      { text: "Qua các buổi họp thôn: 10 buổi = 313 người tham gia nghe", expect: [{ value: 10 }] },
    ],
    negative: [
      "hướng dẫn 30 người tham gia",
    ],
  },
});
