import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "villages",
  description: "Số thôn, xóm, bản, khu phố, tổ dân phố của đơn vị",
  unit: "villages",
  identifyingNouns: ["thôn", "xóm", "bản", "khu phố", "tổ dân phố", "thôn, xóm", "thôn/xóm", "khối", "ấp", "làng"],
  percent: "never",
  examples: {
    positive: [
      { text: "Xã Sơn Tây Hạ, tỉnh Quảng Ngãi, sau sáp nhập, có 12 thôn với 5.388 hộ", expect: [{ value: 12 }] },
      { text: "Hiện nay, địa bàn gồm có 15 xóm, dân số nhiều thành phần", expect: [{ value: 15 }] },
    ],
    negative: [
      "Ban hành Quyết định thành lập các tổ Đề án 06 tại các thôn Yên Phú, thôn Giai Phạm",
      "tại các nhà văn hóa khối, xóm với hơn 312 lượt góp ý",
      "100% thôn, xóm, bản đã được phủ sóng Internet 3G/4G",
    ],
  },
});
