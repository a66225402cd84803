import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "outreach.participants",
  description: "Số người tham gia các buổi tuyên truyền",
  unit: "persons",
  nouns: ["người", "lượt người"],
  cues: ["tham gia", "người tham gia", "tham dự"],
  percent: "never",
  examples: {
    positive: [
      { text: "Qua các buổi họp thôn: 10 buổi = 313 người tham gia nghe", expect: [{ value: 313 }] },
    ],
    negative: [
      "Dân số toàn xã là 9.850 người",
    ],
  },
});
