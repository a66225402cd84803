import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "services.essential",
  description: "Số dịch vụ công thiết yếu",
  unit: "services",
  identifyingNouns: ["dịch vụ công thiết yếu", "DVC thiết yếu", "thủ tục thiết yếu", "dịch vụ thiết yếu"],
  nouns: ["dịch vụ công", "DVC", "dịch vụ", "thủ tục", "TTHC", "thủ tục hành chính"],
  cues: ["thiết yếu"],
  // "tích hợp 25 dịch vụ công thiết yếu theo Đề án 06" names the national list, not what the unit provides.
  excludes: ["tích hợp"],
  percent: "allowed",
  examples: {
    positive: [
      { text: "- Kết quả triển khai 57/75 dịch vụ công thiết yếu theo Đề án 06/CP", expect: [{ value: 57, denominator: 75 }] },
      { text: "* Trong năm 2023 kết quả thực hiện 25 dịch vụ công thiết yếu như sau", expect: [{ value: 25 }] },
    ],
    negative: [
      "Trực tuyến toàn trình là 88 thủ tục",
      "Ngay sau Hội nghị trực tuyến về triển khai một số nhiệm vụ và tích hợp 25 dịch vụ công thiết yếu theo Đề án 06 của Chính phủ",
    ],
  },
});
