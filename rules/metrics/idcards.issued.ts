import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "idcards.issued",
  description: "Số thẻ CCCD / thẻ Căn cước đã cấp",
  unit: "cards",
  identifyingNouns: ["thẻ CCCD", "thẻ CCCD/CC", "thẻ Căn cước", "thẻ căn cước công dân", "thẻ CC"],
  nouns: ["thẻ", "thẻ CCCD", "thẻ CCCD/CC", "thẻ Căn cước", "thẻ căn cước công dân", "CCCD", "thẻ CC", "căn cước", "căn cước công dân"],
  bareNumber: true,
  cues: ["đã cấp", "cấp thẻ", "cấp CCCD", "cấp căn cước", "trả thẻ"],
  context: ["thẻ", "CCCD", "căn cước"],
  excludes: ["thu nhận", "chưa được cấp"],
  percent: "allowed",
  examples: {
    positive: [
      { text: "đến nay, đã cấp 11241 thẻ CCCD/CC kể cả trẻ em và người dưới 14 tuổi", expect: [{ value: 11241 }] },
    ],
    negative: [
      "rà soát số nhân khẩu từ đủ 14 tuổi còn lại chưa được cấp Căn cước công dân gắn chíp điện tử",
      "thu nhận 320 hồ sơ cấp thẻ Căn cước",
    ],
  },
});
