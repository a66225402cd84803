import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "eid.accounts",
  description: "Tổng số tài khoản định danh điện tử (mức 1 và mức 2)",
  unit: "accounts",
  identifyingNouns: ["tài khoản định danh điện tử", "tài khoản định danh", "tài khoản VNeID"],
  nouns: ["tài khoản", "tài khoản định danh điện tử", "tài khoản định danh", "tài khoản VNeID", "TK", "người", "công dân", "người dân"],
  bareNumber: true,
  cues: ["tài khoản định danh điện tử", "định danh điện tử", "tài khoản định danh"],
  context: ["định danh", "VNeID", "tài khoản"],
  generic: true,
  percent: "allowed",
  examples: {
    positive: [
      { text: "Hiện tại trên địa bàn xã đã đăng ký cho 8344 tài khoản định danh điện tử, trong đó", expect: [{ value: 8344 }] },
      { text: "Toàn xã có 9.120 công dân đã có tài khoản định danh điện tử.", expect: [{ value: 9120 }] },
      { text: "đã cấp 11241 thẻ CCCD/CC kể cả trẻ em và người dưới 14 tuổi và 8344 tài khoản định danh điện tử mức độ 1 và mức độ 2;", expect: [{ value: 8344 }] },
    ],
    negative: [
      "tiến hành kích hoạt tài khoản định danh",
      "tuyên truyền cho 500 người dân về tài khoản định danh điện tử",
      "cấp tài khoản khoản định danh điện tử... đến đông đảo nhân dân",
    ],
  },
});
