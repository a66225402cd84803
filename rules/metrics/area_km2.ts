import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "area_km2",
  description: "Diện tích tự nhiên (km²)",
  unit: "km2",
  identifyingNouns: ["km2", "km²", "km 2"],
  percent: "never",
  examples: {
    positive: [
      { text: "Với tổng diện tích tự nhiên khoảng 121.81 km2, tổng số 3319 hộ", expect: [{ value: 121.81, qualifier: "about" }] },
      { text: "diện tích 45,6 km²", expect: [{ value: 45.6 }] },
    ],
    negative: [
      "với diện tích sử dụng 40 m2",
      "cách trung tâm huyện 12 km",
    ],
  },
});
