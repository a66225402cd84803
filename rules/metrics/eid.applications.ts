import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "eid.applications",
  description: "Số hồ sơ đề nghị cấp tài khoản định danh điện tử đã thu nhận",
  unit: "dossiers",
  nouns: ["hồ sơ"],
  bareNumber: true,
  cues: ["thu nhận", "hồ sơ đề nghị cấp tài khoản", "hồ sơ cấp tài khoản", "đề nghị cấp tài khoản"],
  context: ["định danh", "VNeID", "tài khoản"],
  percent: "never",
  examples: {
    positive: [
      { text: "thu nhận 1.250 hồ sơ đề nghị cấp tài khoản định danh điện tử mức độ 2", expect: [{ value: 1250 }] },
    ],
    negative: [
      "thu nhận 320 hồ sơ cấp thẻ Căn cước",
    ],
  },
});
