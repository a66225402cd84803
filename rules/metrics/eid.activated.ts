import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "eid.activated",
  description: "Số tài khoản định danh điện tử đã kích hoạt",
  unit: "accounts",
  nouns: ["tài khoản", "tài khoản định danh điện tử", "tài khoản định danh", "tài khoản VNeID", "TK"],
  bareNumber: true,
  cues: ["kích hoạt", "đã kích hoạt"],
  context: ["định danh", "VNeID", "tài khoản"],
  percent: "allowed",
  examples: {
    positive: [
      { text: "đã kích hoạt 4.120 tài khoản định danh điện tử", expect: [{ value: 4120 }] },
    ],
    negative: [
      "hướng dẫn người dân cài đặt, kích hoạt tài khoản định danh điện tử mức độ 2",
    ],
  },
});
