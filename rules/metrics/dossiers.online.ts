import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "dossiers.online",
  description: "Số hồ sơ tiếp nhận trực tuyến (qua dịch vụ công)",
  unit: "dossiers",
  nouns: ["hồ sơ", "trường hợp", "số hồ sơ"],
  bareNumber: true,
  cues: ["trực tuyến", "trực tuyến toàn trình", "trực tuyến một phần", "qua DVC", "qua dịch vụ công", "qua cổng dịch vụ công", "đăng ký qua DVC", "nộp trực tuyến", "dịch vụ công trực tuyến"],
  context: ["hồ sơ", "TTHC", "thủ tục", "trường hợp", "tiếp nhận", "giải quyết"],
  // "toàn trình"/"một phần" describe procedures (thủ tục) as well as dossiers filed online: the counted noun tells them apart.
  excludes: ["số hóa"],
  percent: "allowed",
  examples: {
    positive: [
      { text: "+ 18 hồ sơ đăng ký qua DVC", expect: [{ value: 18 }] },
      { text: "tiếp nhận 23 hồ sơ, trong đó 21 hồ sơ nộp qua dịch vụ công toàn trình", expect: [{ value: 21 }] },
      { text: "Số hồ sơ tiếp nhận trực tuyến: 350 hồ sơ", expect: [{ value: 350 }] },
      { text: "Vân Đồn: hơn 92% hồ sơ thủ tục hành chính được nộp trực tuyến trong tháng 8", expect: [{ value: 92, qualifier: "more-than" }] },
      { text: "Trong quý, hồ sơ cư trú nộp trực tuyến tăng mạnh: đăng ký thường trú trực tuyến đạt 88,2%, đăng ký tạm trú trực tuyến đạt 91,3%.", expect: [{ value: 88.2, procedure: "thuong-tru" }, { value: 91.3, procedure: "tam-tru" }] },
      { text: "tiếp nhận 3.204 hồ sơ, trong đó 2.987 hồ sơ trực tuyến (93,2%).", expect: [{ value: 2987, percent: 93.2 }] },
      { text: "Tỷ lệ hồ sơ nộp trực tuyến trong tháng đạt 70,7% (534/755 hồ sơ); không có hồ sơ trễ hạn.", expect: [{ value: 534, denominator: 755, percent: 70.7 }] },
      { text: "Trong kỳ tiếp nhận 486 hồ sơ, 100% qua Cổng dịch vụ công quốc gia (486/486 hồ sơ).", expect: [{ value: 486, denominator: 486, percent: 100 }] },
      { text: "Xã Thạch Hà có 3.417 trong tổng số 3.602 hồ sơ cư trú được tiếp nhận qua Cổng Dịch vụ công quốc gia, đạt 94,9%.", expect: [{ value: 3417, denominator: 3602, percent: 94.9 }] },
    ],
    negative: [
      "Số lượng hồ sơ tiếp nhận TTHC trực tuyến năm 2023 tăng 98 hồ sơ so với năm 2022.",
      "Trực tuyến toàn trình là 88 thủ tục",
      "Đặc khu đặt mục tiêu đến hết năm 2025, tỷ lệ hồ sơ trực tuyến toàn trình đạt trên 80% và 100% kết quả được số hóa.",
      "Năm 2025, thành phố đặt mục tiêu 100% thủ tục đủ điều kiện được cung cấp trực tuyến toàn trình; tỷ lệ hồ sơ trực tuyến đạt trên 95%.",
      "Tuy nhiên, còn 12 xã có tỷ lệ hồ sơ trực tuyến dưới 70%, thấp hơn mục tiêu của tỉnh.",
      "UBND tỉnh yêu cầu các địa phương có tỷ lệ hồ sơ trực tuyến thấp rà soát; địa phương nào dưới 80% phải báo cáo nguyên nhân.",
      "Hạn chế: tỷ lệ hồ sơ trực tuyến của xã Hồng Phong chưa đạt 87%.",
      "tỷ lệ hồ sơ trực tuyến toàn tỉnh lần đầu vượt 80%.",
      "Kết quả giải quyết TTHC: tiếp nhận mới 8.412 hồ sơ, trong tháng có nhiều hồ sơ trực tuyến.",
    ],
  },
});
