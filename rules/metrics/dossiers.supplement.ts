import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "dossiers.supplement",
  description: "Số hồ sơ yêu cầu bổ sung",
  unit: "dossiers",
  nouns: ["hồ sơ", "trường hợp", "số hồ sơ"],
  bareNumber: true,
  cues: ["yêu cầu bổ sung", "bổ sung"],
  context: ["hồ sơ", "TTHC", "thủ tục", "trường hợp", "tiếp nhận", "giải quyết"],
  percent: "allowed",
  examples: {
    positive: [
      { text: "+ Số hồ sơ yêu cầu bổ sung: 1 hồ sơ.", expect: [{ value: 1 }] },
    ],
    negative: [
      "+ Số hồ sơ đang trong quá trình giải quyết: 14 hồ sơ.",
    ],
  },
});
