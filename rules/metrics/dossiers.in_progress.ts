import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "dossiers.in_progress",
  description: "Số hồ sơ đang giải quyết, chưa giải quyết, đang chờ",
  unit: "dossiers",
  nouns: ["hồ sơ", "trường hợp", "số hồ sơ"],
  bareNumber: true,
  cues: ["đang giải quyết", "chưa giải quyết", "đang chờ", "đang trong quá trình giải quyết", "đang xử lý", "đang chờ KQXM"],
  context: ["hồ sơ", "TTHC", "thủ tục", "trường hợp", "tiếp nhận", "giải quyết"],
  percent: "allowed",
  examples: {
    positive: [
      { text: "+ Số hồ sơ đang trong quá trình giải quyết: 14 hồ sơ.", expect: [{ value: 14 }] },
      { text: "+ 120 hồ sơ đã trả kết quả đúng thời hạn (0 hồ sơ đang chờ KQXM)", expect: [{ value: 0 }] },
    ],
    negative: [
      "+ Số hồ sơ yêu cầu bổ sung: 1 hồ sơ.",
    ],
  },
});
