import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "outreach.posts",
  description: "Số tin, bài tuyên truyền",
  unit: "posts",
  identifyingNouns: ["tin bài", "tin, bài", "bài viết", "bài", "tin"],
  percent: "never",
  examples: {
    positive: [
      { text: "kết quả đã đăng hơn 200 tin bài tuyên truyền về Đề án 06/CP", expect: [{ value: 200, qualifier: "more-than" }] },
      { text: "+ Qua zalo: 0 bài;", expect: [{ value: 0 }] },
    ],
    negative: [
      "10 điểm mới và những câu hỏi thường gặp",
    ],
  },
});
