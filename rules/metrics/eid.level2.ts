import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "eid.level2",
  description: "Số tài khoản định danh điện tử mức 2",
  unit: "accounts",
  nouns: ["tài khoản", "tài khoản định danh điện tử", "tài khoản định danh", "tài khoản VNeID", "TK"],
  bareNumber: true,
  cues: ["mức 2", "mức độ 2"],
  context: ["định danh", "VNeID", "tài khoản"],
  excludes: ["mức độ 1 và mức độ 2", "mức 1 và mức 2", "mức độ 1 và 2", "mức 1 và 2", "mức 1, mức 2", "mức độ 1, mức độ 2"],
  percent: "allowed",
  examples: {
    positive: [
      { text: "cấp tài khoản định danh điện tử (mức 1 = 541; mức 2 = 11.359).", expect: [{ value: 11359 }] },
      { text: "trong đó, tài khoản định danh điện tử mức độ 2 là 5616 tài khoản đạt 40%/ tổng dân số", expect: [{ value: 5616, percent: 40 }] },
    ],
    negative: [
      "8344 tài khoản định danh điện tử mức độ 1 và mức độ 2;",
      "kích hoạt tài khoản định danh điện tử mức độ 2 (VNEID mức 2).",
    ],
  },
});
