import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "idcards.issued",
  description: "Số thẻ CCCD / thẻ Căn cước đã cấp",
  unit: "cards",
  identifyingNouns: ["thẻ CCCD", "thẻ CCCD/CC", "thẻ Căn cước", "thẻ căn cước công dân", "thẻ CC"],
  // Also counted by the people who got them ("cấp CCCD gắn chip cho 215.480 công dân"): see PERSON_NOUNS.
  nouns: ["thẻ", "thẻ CCCD", "thẻ CCCD/CC", "thẻ Căn cước", "thẻ căn cước công dân", "CCCD", "thẻ CC", "căn cước", "căn cước công dân", "người", "công dân", "người dân"],
  bareNumber: true,
  // "trả 198.102 thẻ cho công dân": cards handed over are cards issued.
  cues: ["đã cấp", "cấp thẻ", "cấp CCCD", "cấp căn cước", "trả thẻ", "trả", "đã trả"],
  context: ["thẻ", "CCCD", "căn cước"],
  excludes: ["thu nhận", "chưa được cấp"],
  percent: "allowed",
  examples: {
    positive: [
      { text: "đến nay, đã cấp 11241 thẻ CCCD/CC kể cả trẻ em và người dưới 14 tuổi", expect: [{ value: 11241 }] },
      { text: "Công an tỉnh đã thu nhận 1.254.870 hồ sơ cấp thẻ Căn cước và trả 1.249.112 thẻ cho công dân trên địa bàn.", expect: [{ value: 1249112 }] },
      { text: "- Công an huyện đã thu nhận 198.745 hồ sơ cấp Căn cước công dân, trả 198.102 thẻ; kích hoạt 183.416 tài khoản", expect: [{ value: 198102 }] },
      { text: "Từ năm 2021, Công an huyện đã cấp CCCD gắn chip cho 215.480 công dân.", expect: [{ value: 215480 }] },
      { text: "có 2.905 người đã được cấp thẻ Căn cước trong quý.", expect: [{ value: 2905 }] },
    ],
    negative: [
      "rà soát số nhân khẩu từ đủ 14 tuổi còn lại chưa được cấp Căn cước công dân gắn chíp điện tử",
      "thu nhận 320 hồ sơ cấp thẻ Căn cước",
      "hướng dẫn 150 công dân làm thủ tục cấp thẻ Căn cước",
      "rà soát 320 công dân chưa được cấp thẻ Căn cước",
    ],
  },
});
