import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "dossiers.on_time",
  description: "Số hồ sơ giải quyết đúng hạn (kể cả \"đúng và trước hạn\")",
  unit: "dossiers",
  nouns: ["hồ sơ", "trường hợp", "số hồ sơ"],
  bareNumber: true,
  cues: ["đúng hạn", "đúng thời hạn", "đúng và trước hạn", "đúng và trước hẹn", "đúng hẹn", "trả kết quả đúng thời hạn", "đã trả kết quả đúng thời hạn", "giải quyết đúng hạn", "đã giải quyết đúng hạn", "đúng hạn, trước hạn", "đã giải quyết đúng hạn, trước hạn"],
  context: ["hồ sơ", "TTHC", "thủ tục", "trường hợp", "tiếp nhận", "giải quyết"],
  percent: "allowed",
  examples: {
    positive: [
      { text: "+ 89 hồ sơ đã trả kết quả đúng thời hạn (0 hồ sơ đang chờ KQXM)", expect: [{ value: 89 }] },
      { text: "+ Đăng ký khai tử: 63 trường hợp, đã giải quyết 63 hồ sơ (tỷ lệ 100% đúng và trước hẹn).", expect: [{ value: 100, procedure: "khai-tu" }] },
      { text: "+ Số hồ sơ đã giải quyết đúng hạn, trước hạn: 13.274/13.303 = 100%", expect: [{ value: 13274, denominator: 13303, percent: 100 }] },
    ],
    negative: [
      "+ 0 hồ sơ bị trả lại do thiếu giấy tờ",
      "Số hồ sơ trễ hạn: 2 hồ sơ",
      "phấn đấu 100% hồ sơ được giải quyết đúng hạn",
    ],
  },
});
