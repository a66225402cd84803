import { defineMetric } from '../../src/extract/rule.ts';

export default defineMetric({
  id: "tasks.assigned",
  description: "Tổng số nhiệm vụ được giao",
  unit: "tasks",
  nouns: ["nhiệm vụ"],
  bareNumber: true,
  // "Ban Chỉ đạo huyện giao xã 12 nhiệm vụ": the one who assigns says it as well as the one assigned.
  cues: ["tổng số nhiệm vụ", "nhiệm vụ được giao", "được giao", "giao thực hiện", "giao"],
  context: ["nhiệm vụ"],
  generic: true,
  percent: "never",
  examples: {
    positive: [
      { text: "- Tổng số nhiệm vụ được giao thực hiện trong giai đoạn 2022-2025: 35;", expect: [{ value: 35 }] },
      { text: "Tổ công tác được giao 40 nhiệm vụ", expect: [{ value: 40 }] },
      { text: "Năm 2025, Ban Chỉ đạo huyện giao thị trấn 21 nhiệm vụ; kết quả: hoàn thành 14 nhiệm vụ.", expect: [{ value: 21 }] },
    ],
    negative: [
      "xác định tổng số nhiệm vụ được giao chủ trì hoặc phối hợp triển khai, thực hiện Đề án 06, trong đó: (1) UBND xã chủ trì",
      "Nghiêm túc thực hiện các chức năng, nhiệm vụ được phân công",
    ],
  },
});
