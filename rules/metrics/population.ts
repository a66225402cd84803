import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "population",
  description: "Dân số: số nhân khẩu, số người trên địa bàn",
  unit: "persons",
  identifyingNouns: ["nhân khẩu", "khẩu"],
  nouns: ["người", "dân", "người dân"],
  bareNumber: true,
  cues: ["dân số", "tổng dân số", "quy mô dân số", "số dân", "tổng số nhân khẩu"],
  // "Làm sạch dữ liệu: lũy kế 7.903/8.057 nhân khẩu": records cleaned out of the population, not the population.
  excludes: ["tham gia", "dưới 14 tuổi", "người có công", "làm sạch"],
  percent: "never",
  examples: {
    positive: [
      { text: "có 12 thôn với 5.388 hộ; 21.187 nhân khẩu", expect: [{ value: 21187 }] },
      { text: "tổng số 3319 hộ, với 14.140 nhân khẩu", expect: [{ value: 14140 }] },
      { text: "Dân số toàn xã là 9.850 người", expect: [{ value: 9850 }] },
    ],
    negative: [
      "Qua các buổi họp thôn: 10 buổi = 313 người tham gia nghe",
      "hơn 200 người dân đến dự",
      "rà soát số nhân khẩu từ đủ 14 tuổi còn lại chưa được cấp Căn cước",
      "- Làm sạch dữ liệu: lũy kế 7.903/8.057 nhân khẩu, đạt 98,1%.",
    ],
  },
});
