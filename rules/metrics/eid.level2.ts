import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "eid.level2",
  description: "Số tài khoản định danh điện tử mức 2",
  unit: "accounts",
  // Also counted by the people who hold them ("58 214 người được kích hoạt tài khoản … mức 2"): see PERSON_NOUNS.
  nouns: ["tài khoản", "tài khoản định danh điện tử", "tài khoản định danh", "tài khoản VNeID", "TK", "người", "công dân", "người dân"],
  bareNumber: true,
  cues: ["mức 2", "mức độ 2"],
  context: ["định danh", "VNeID", "tài khoản"],
  excludes: ["mức độ 1 và mức độ 2", "mức 1 và mức 2", "mức độ 1 và 2", "mức 1 và 2", "mức 1, mức 2", "mức độ 1, mức độ 2"],
  percent: "allowed",
  examples: {
    positive: [
      { text: "cấp tài khoản định danh điện tử (mức 1 = 541; mức 2 = 11.359).", expect: [{ value: 11359 }] },
      { text: "trong đó, tài khoản định danh điện tử mức độ 2 là 5616 tài khoản đạt 40%/ tổng dân số", expect: [{ value: 5616, percent: 40 }] },
      { text: "Đến ngày 30-9, đã có 58.214 người được kích hoạt tài khoản định danh điện tử mức 2, đạt 88,4% dân số.", expect: [{ value: 58214, percent: 88.4 }] },
      { text: "Lũy kế đến nay, toàn xã có 27.148 công dân đã có tài khoản định danh điện tử mức 2, đạt 80,6% dân số.", expect: [{ value: 27148, percent: 80.6 }] },
      { text: "Công an phường đã kích hoạt cho 69.815 công dân tài khoản định danh điện tử mức 2, giúp người dân làm thủ tục", expect: [{ value: 69815 }] },
      { text: "đến cuối tháng 9 đã có hơn 410 nghìn người được kích hoạt tài khoản định danh điện tử mức 2", expect: [{ value: 410000, qualifier: "more-than" }] },
      { text: "toàn xã đã có 38.712 người được kích hoạt tài khoản định danh điện tử mức 2 trên tổng số 48.906 nhân khẩu, đạt 79,2%.", expect: [{ value: 38712, denominator: 48906, percent: 79.2 }] },
      { text: "tỷ lệ công dân đủ điều kiện được kích hoạt tài khoản định danh điện tử mức 2 đạt 81,4%.", expect: [{ value: 81.4 }] },
      { text: "- Lũy kế tài khoản mức 2 đã kích hoạt: 5.908 tài khoản (61% dân số)", expect: [{ value: 5908, percent: 61 }] },
    ],
    negative: [
      "8344 tài khoản định danh điện tử mức độ 1 và mức độ 2;",
      "kích hoạt tài khoản định danh điện tử mức độ 2 (VNEID mức 2).",
      "Tổ công tác đã hướng dẫn 1.200 người dân cài đặt, kích hoạt tài khoản định danh điện tử mức 2.",
      "Xã có 9.850 người, tài khoản định danh điện tử mức 2 tiếp tục tăng.",
    ],
  },
});
