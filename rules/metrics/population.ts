import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "population",
  description: "Dân số: số nhân khẩu, số người trên địa bàn",
  unit: "persons",
  // "Tỉnh có hơn 650.000 dân": "dân" alone after a number counts inhabitants ("người dân" is another noun).
  identifyingNouns: ["nhân khẩu", "khẩu", "dân"],
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
      { text: "Tỉnh có hơn 650.000 dân, đến cuối tháng 9 đã có hơn 410 nghìn người được kích hoạt tài khoản", expect: [{ value: 650000, qualifier: "more-than" }] },
    ],
    negative: [
      "Qua các buổi họp thôn: 10 buổi = 313 người tham gia nghe",
      "hơn 200 người dân đến dự",
      "rà soát số nhân khẩu từ đủ 14 tuổi còn lại chưa được cấp Căn cước",
      "- Làm sạch dữ liệu: lũy kế 7.903/8.057 nhân khẩu, đạt 98,1%.",
    ],
  },
});
