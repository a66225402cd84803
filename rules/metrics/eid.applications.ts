import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "eid.applications",
  description: "Số hồ sơ đề nghị cấp tài khoản định danh điện tử đã thu nhận",
  unit: "dossiers",
  nouns: ["hồ sơ"],
  bareNumber: true,
  cues: ["thu nhận", "hồ sơ đề nghị cấp tài khoản", "hồ sơ cấp tài khoản", "đề nghị cấp tài khoản"],
  context: ["định danh", "VNeID", "tài khoản"],
  // Applications for an ID card are counted under a heading about cards and accounts alike: the card says which.
  excludes: ["cấp thẻ", "thẻ căn cước", "thẻ CCCD", "cấp căn cước", "cấp CCCD"],
  percent: "never",
  examples: {
    positive: [
      { text: "thu nhận 1.250 hồ sơ đề nghị cấp tài khoản định danh điện tử mức độ 2", expect: [{ value: 1250 }] },
    ],
    negative: [
      "thu nhận 320 hồ sơ cấp thẻ Căn cước",
      { text: "- Công an xã thu nhận 104 hồ sơ cấp thẻ Căn cước (cấp mới 33, cấp đổi 64, cấp lại 7).", headings: ["3. Công tác cấp Căn cước và tài khoản định danh điện tử"] },
    ],
  },
});
