import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "dossiers.online",
  description: "Số hồ sơ tiếp nhận trực tuyến (qua dịch vụ công)",
  unit: "dossiers",
  nouns: ["hồ sơ", "trường hợp", "số hồ sơ"],
  bareNumber: true,
  cues: ["trực tuyến", "trực tuyến toàn trình", "trực tuyến một phần", "qua DVC", "qua dịch vụ công", "qua cổng dịch vụ công", "đăng ký qua DVC", "nộp trực tuyến", "dịch vụ công trực tuyến"],
  context: ["hồ sơ", "TTHC", "thủ tục", "trường hợp", "tiếp nhận", "giải quyết"],
  // "toàn trình"/"một phần" describe procedures (thủ tục) as well as dossiers filed online: the counted noun tells them apart.
  excludes: ["số hóa"],
  percent: "allowed",
  examples: {
    positive: [
      { text: "+ 18 hồ sơ đăng ký qua DVC", expect: [{ value: 18 }] },
      { text: "tiếp nhận 23 hồ sơ, trong đó 21 hồ sơ nộp qua dịch vụ công toàn trình", expect: [{ value: 21 }] },
      { text: "Số hồ sơ tiếp nhận trực tuyến: 350 hồ sơ", expect: [{ value: 350 }] },
    ],
    negative: [
      "Số lượng hồ sơ tiếp nhận TTHC trực tuyến năm 2023 tăng 98 hồ sơ so với năm 2022.",
      "Trực tuyến toàn trình là 88 thủ tục",
    ],
  },
});
