import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "idcards.applications",
  description: "Số hồ sơ đề nghị cấp thẻ CCCD / Căn cước đã thu nhận",
  unit: "dossiers",
  nouns: ["hồ sơ", "trường hợp"],
  bareNumber: true,
  cues: ["thu nhận", "thu nhận hồ sơ"],
  context: ["CCCD", "căn cước", "thẻ"],
  excludes: ["định danh"],
  percent: "never",
  examples: {
    positive: [
      { text: "thu nhận 320 hồ sơ cấp thẻ Căn cước", expect: [{ value: 320 }] },
    ],
    negative: [
      "thu nhận 1.250 hồ sơ đề nghị cấp tài khoản định danh điện tử mức độ 2",
    ],
  },
});
