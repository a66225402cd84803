import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "dossiers.carried_over",
  description: "Số hồ sơ tồn kỳ trước chuyển sang",
  unit: "dossiers",
  nouns: ["hồ sơ", "trường hợp", "số hồ sơ"],
  bareNumber: true,
  cues: ["tồn trước", "kỳ trước chuyển sang", "tồn kỳ trước", "tồn", "chuyển sang", "chuyển qua", "nhận bàn giao", "bàn giao từ", "tháng trước chuyển sang", "năm trước chuyển sang"],
  context: ["hồ sơ", "TTHC", "thủ tục", "trường hợp", "tiếp nhận", "giải quyết"],
  // People moved to another post are "chuyển sang" too.
  excludes: ["nghỉ việc", "chế độ", "công tác", "cán bộ", "công chức"],
  percent: "never",
  examples: {
    positive: [
      { text: "(Tổng số tiếp nhận mới 13.303 hồ sơ; tồn trước 3 hồ sơ).", expect: [{ value: 3 }] },
      { text: "- Hồ sơ năm 2024 chuyển sang: 23 hồ sơ.", expect: [{ value: 23, year: 2024 }] },
      { text: "- Hồ sơ nhận bàn giao từ các xã cũ: 19 hồ sơ.", expect: [{ value: 19 }] },
    ],
    negative: [
      "Số hồ sơ yêu cầu bổ sung: 1 hồ sơ.",
      "(01 trường hợp được UBND thành phố giải quyết chế độ nghỉ việc từ tháng 8 năm 2022, 01 trường hợp chuyển sang công tác khác)",
    ],
  },
});
