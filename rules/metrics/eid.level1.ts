import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "eid.level1",
  description: "Số tài khoản định danh điện tử mức 1",
  unit: "accounts",
  nouns: ["tài khoản", "tài khoản định danh điện tử", "tài khoản định danh", "tài khoản VNeID", "TK", "người", "công dân", "người dân"],
  bareNumber: true,
  cues: ["mức 1", "mức độ 1"],
  context: ["định danh", "VNeID", "tài khoản"],
  excludes: ["mức độ 1 và mức độ 2", "mức 1 và mức 2", "mức độ 1 và 2", "mức 1 và 2", "mức 1, mức 2", "mức độ 1, mức độ 2"],
  percent: "allowed",
  examples: {
    positive: [
      { text: "cấp tài khoản định danh điện tử (mức 1 = 541; mức 2 = 11.359).", expect: [{ value: 541 }] },
      { text: "có 1.204 người được cấp tài khoản định danh điện tử mức 1.", expect: [{ value: 1204 }] },
    ],
    negative: [
      "8344 tài khoản định danh điện tử mức độ 1 và mức độ 2;",
    ],
  },
});
