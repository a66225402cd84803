import { defineRelation } from '../../src/check/relation.ts';

export default defineRelation({
  id: 'services-essential',
  description: 'Dịch vụ công thiết yếu được cung cấp trực tuyến toàn trình hoặc một phần.',
  whole: 'services.essential',
  partitions: [{ by: 'online level', parts: ['services.full_online', 'services.partial_online'], exhaustive: 'when-listed' }],
  // Procedures provided fully or partly online are counted over every procedure too, not only the essential ones.
  onlyWhereLinked: true,
  examples: {
    consistent: [
      'Thực hiện 25 dịch vụ công thiết yếu, gồm 20 dịch vụ trực tuyến toàn trình và 5 dịch vụ trực tuyến một phần.',
      'Xã đang cung cấp 64 thủ tục trực tuyến toàn trình và 38 thủ tục trực tuyến một phần.\nĐã triển khai 22 dịch vụ công thiết yếu theo Đề án 06.',
    ],
    inconsistent: [{ text: 'Thực hiện 25 dịch vụ công thiết yếu, gồm 20 dịch vụ trực tuyến toàn trình và 7 dịch vụ trực tuyến một phần.', check: 'sum-mismatch', values: [25, 20, 7] }],
  },
});
