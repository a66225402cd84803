import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "households",
  description: "Số hộ (hộ gia đình) trên địa bàn",
  unit: "households",
  identifyingNouns: ["hộ", "hộ gia đình", "hộ dân"],
  excludes: ["hộ nghèo", "hộ cận nghèo", "hộ kinh doanh"],
  percent: "never",
  examples: {
    positive: [
      { text: "có 12 thôn với 5.388 hộ; 21.187 nhân khẩu", expect: [{ value: 5388 }] },
      { text: "Với tổng diện tích tự nhiên khoảng 121.81 km2, tổng số 3319 hộ, với 14.140 nhân khẩu", expect: [{ value: 3319 }] },
    ],
    negative: [
      "Công an xã đã hoàn thành các nội dung làm sạch như: Hộ nhiều hơn 1 chủ hộ",
      "hỗ trợ 12 hộ nghèo",
      "tỷ lệ hộ gia đình có điện thoại thông minh đạt 80%",
    ],
  },
});
