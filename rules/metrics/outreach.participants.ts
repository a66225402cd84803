import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "outreach.participants",
  description: "Số người tham gia các buổi tuyên truyền",
  unit: "persons",
  nouns: ["người", "lượt người"],
  // "thu hút 1.126 lượt người dự": the people an event drew.
  cues: ["tham gia", "người tham gia", "tham dự", "dự", "thu hút"],
  excludes: ["dự kiến", "dự án", "dự thảo", "dự toán"],
  percent: "never",
  examples: {
    positive: [
      { text: "Qua các buổi họp thôn: 10 buổi = 313 người tham gia nghe", expect: [{ value: 313 }] },
      { text: "Các ấp tổ chức 14 cuộc họp dân lồng ghép nội dung Đề án 06, thu hút 1.126 lượt người dự.", expect: [{ value: 1126 }] },
      { text: "xã tổ chức 18 lớp/2.950 người tham gia", expect: [{ value: 2950 }] },
    ],
    negative: [
      "Dân số toàn xã là 9.850 người",
      "dự kiến có 500 người dân dự hội nghị",
    ],
  },
});
