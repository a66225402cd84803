import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "eid.activated",
  description: "Số tài khoản định danh điện tử đã kích hoạt",
  unit: "accounts",
  nouns: ["tài khoản", "tài khoản định danh điện tử", "tài khoản định danh", "tài khoản VNeID", "TK", "người", "công dân", "người dân"],
  bareNumber: true,
  cues: ["kích hoạt", "đã kích hoạt"],
  context: ["định danh", "VNeID", "tài khoản"],
  // An activated level-2 account is counted as a level-2 account (eid.level2): "TK mức 2 đã kích hoạt".
  excludes: ["mức 2", "mức độ 2"],
  percent: "allowed",
  examples: {
    positive: [
      { text: "đã kích hoạt 4.120 tài khoản định danh điện tử", expect: [{ value: 4120 }] },
      { text: "hỗ trợ 48.617 người dân cài đặt ứng dụng VNeID, trong đó 36.204 người đã kích hoạt tài khoản.", expect: [{ value: 36204 }] },
      { text: "Từ ngày 1/7 đến 30/9/2025, Công an xã đã tiếp nhận 2.316 hồ sơ đề nghị cấp tài khoản định danh điện tử mức 2, hướng dẫn kích hoạt thành công 2.361 tài khoản.", expect: [{ value: 2361 }] },
    ],
    negative: [
      "hướng dẫn người dân cài đặt, kích hoạt tài khoản định danh điện tử mức độ 2",
      "đã kích hoạt 12.904 tài khoản định danh điện tử mức 2",
      "hướng dẫn 300 người dân kích hoạt tài khoản định danh điện tử",
    ],
  },
});
