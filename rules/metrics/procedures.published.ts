import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "procedures.published",
  description: "Số thủ tục hành chính được niêm yết, công bố, công khai",
  unit: "procedures",
  nouns: ["thủ tục hành chính", "TTHC", "thủ tục"],
  bareNumber: true,
  cues: ["niêm yết", "công bố", "công khai", "cập nhật niêm yết"],
  percent: "allowed",
  examples: {
    positive: [
      { text: "Đã cập nhật niêm yết 126 thủ tục hành chính thuộc thẩm quyền giải quyết của UBND phường", expect: [{ value: 126 }] },
      { text: "Niêm yết 162 TTHC đã công khai tại trang dichvucong.quangninh.gov.vn.", expect: [{ value: 162 }] },
    ],
    negative: [
      "8 TTHC liên thông với cấp Thành phố",
    ],
  },
});
