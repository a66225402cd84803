import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "dossiers.received",
  description: "Số hồ sơ tiếp nhận (tổng số hồ sơ)",
  unit: "dossiers",
  nouns: ["hồ sơ", "trường hợp", "số hồ sơ"],
  bareNumber: true,
  cues: ["tiếp nhận", "đã tiếp nhận", "hồ sơ tiếp nhận", "tổng số hồ sơ", "số lượng hồ sơ", "tiếp nhận mới", "tổng số tiếp nhận", "tổng số tiếp nhận mới"],
  // A procedure named as the label of a count counts its dossiers: "- Đăng ký thường trú (Công an phường): 1022 hồ sơ".
  labels: ["đăng ký thường trú", "đăng ký tạm trú", "khai báo tạm vắng", "thông báo lưu trú", "xác nhận thông tin về cư trú", "xác nhận thông tin cư trú", "tách hộ", "đăng ký khai sinh", "đăng ký khai tử", "đăng ký kết hôn", "chứng thực", "xác nhận tình trạng hôn nhân", "trích lục", "dịch vụ công liên thông đăng ký khai tử", "liên thông đăng ký khai sinh", "liên thông đăng ký khai tử"],
  context: ["hồ sơ", "TTHC", "thủ tục", "trường hợp", "tiếp nhận", "giải quyết"],
  generic: true,
  excludes: ["số hóa", "định danh", "thu nhận"],
  percent: "allowed",
  examples: {
    positive: [
      { text: "- Tổng số hồ sơ tiếp nhận: 120 hồ sơ", expect: [{ value: 120 }] },
      { text: "Tiếp nhận: 31 hồ sơ, trong đó:", headings: ["- Đăng ký thường trú:"], expect: [{ value: 31, procedure: "thuong-tru" }] },
      { text: "+ Đăng ký thường trú (Công an phường Giếng Đáy): 1022 hồ sơ", expect: [{ value: 1022, procedure: "thuong-tru" }] },
      // A procedure of the Law on Residence the contract gives no qualifier id names what was received all the same.
      { text: "- Xác nhận thông tin về cư trú: 64 hồ sơ; tách hộ: 9 hồ sơ.", headings: ["Tiếp nhận 250 hồ sơ qua Cổng dịch vụ công, cụ thể:"], expect: [{ value: 64 }, { value: 9 }] },
      { text: "+ Đăng ký khai sinh: 263 trường hợp, đã giải quyết 263 hồ sơ (tỷ lệ 100% đúng và trước hẹn) Trong đó: đăng ký lại 23, đăng ký khai sinh cho trẻ 240.", expect: [{ value: 263, procedure: "khai-sinh" }, { value: 23, procedure: "khai-sinh" }, { value: 240, procedure: "khai-sinh" }] },
      // A clause after ";" naming a procedure of its own gives it to its ratio, though the ratio sits in parentheses.
      { text: "Tỷ lệ hồ sơ liên thông khai sinh trên tổng số hồ sơ đăng ký khai sinh là 55,3% (578/1.045); ở nhóm thủ tục khai tử là 52,2% (199/381).", headings: ["Số hồ sơ liên thông tiếp nhận theo địa bàn:"], expect: [{ value: 578, procedure: "lien-thong-khai-sinh" }, { value: 199, procedure: "khai-tu" }] },
      { text: "+ Số hồ sơ đã tiếp nhận trong năm 2022: 6.588; năm 2023: 6.715 hồ sơ", expect: [{ value: 6588, year: 2022 }, { value: 6715, year: 2023 }] },
      { text: "Kết quả giải quyết TTHC: tiếp nhận mới 8.412 hồ sơ; đã giải quyết 8.100 hồ sơ.", expect: [{ value: 8412 }] },
      { text: "Các thủ tục phát sinh nhiều nhất là đăng ký tạm trú (1.086 hồ sơ), đăng ký thường trú (412 hồ sơ) và đăng ký khai sinh (231 hồ sơ).", expect: [{ value: 1086, procedure: "tam-tru" }, { value: 412, procedure: "thuong-tru" }, { value: 231, procedure: "khai-sinh" }] },
      { text: "Về cư trú, xã tiếp nhận tổng cộng 598 hồ sơ, gồm 186 hồ sơ đăng ký thường trú và 412 hồ sơ đăng ký tạm trú.", expect: [{ value: 598 }, { value: 186, procedure: "thuong-tru" }, { value: 412, procedure: "tam-tru" }] },
      { text: "Công an xã đã tiếp nhận 2.316 hồ sơ đề nghị cấp tài khoản định danh điện tử. Về cư trú, xã tiếp nhận 598 hồ sơ, gồm 186 hồ sơ đăng ký thường trú và 412 hồ sơ đăng ký tạm trú.", expect: [{ value: 598 }, { value: 186 }, { value: 412 }] },
    ],
    negative: [
      "Số lượng hồ sơ tiếp nhận TTHC trực tiếp năm 2023 tăng 29 hồ sơ so với năm 2022",
      "tiếp nhận và trả kết quả",
    ],
  },
});
