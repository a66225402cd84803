import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "outreach.meetings",
  description: "Số buổi họp, hội nghị tuyên truyền",
  unit: "meetings",
  // "cuộc họp dân" (a meeting of residents) is outreach; a "cuộc họp" alone is the working group's own meeting.
  identifyingNouns: ["buổi", "buổi họp", "hội nghị", "buổi tuyên truyền", "cuộc họp dân", "buổi họp dân", "cuộc tuyên truyền"],
  percent: "never",
  examples: {
    positive: [
      { text: "Qua các buổi họp thôn: 10 buổi = 313 người tham gia nghe", expect: [{ value: 10 }] },
      { text: "Các ấp tổ chức 14 cuộc họp dân lồng ghép nội dung Đề án 06, thu hút 1.126 lượt người dự.", expect: [{ value: 14 }] },
    ],
    negative: [
      "hướng dẫn 30 người tham gia",
      "Tổ công tác tổ chức 05 cuộc họp để triển khai Đề án 06",
    ],
  },
});
