import { defineRelation } from '../../src/check/relation.ts';

/**
 * The procedures a unit publishes, by how far they can be done online: fully, partly, or not at all ("chỉ thực hiện
 * trực tiếp", "chỉ cung cấp thông tin", which the catalog does not name). Listed with "gồm", the levels named and
 * the ones it does not name are together all of them.
 */
export default defineRelation({
  id: 'procedures-published',
  description: 'Thủ tục hành chính niêm yết gồm thủ tục trực tuyến toàn trình, trực tuyến một phần và thủ tục chỉ thực hiện trực tiếp.',
  whole: 'procedures.published',
  partitions: [{ by: 'online level', parts: ['services.full_online', 'services.partial_online'], exhaustive: 'when-listed' }],
  // A count of full-online procedures elsewhere in a report is over another set (the essential services, a field).
  onlyWhereLinked: true,
  examples: {
    consistent: ['UBND xã niêm yết 120 thủ tục hành chính, gồm 54 thủ tục trực tuyến toàn trình, 58 thủ tục trực tuyến một phần và 08 thủ tục chỉ thực hiện trực tiếp.'],
    inconsistent: [
      {
        text: 'UBND xã niêm yết 120 thủ tục hành chính, gồm 54 thủ tục trực tuyến toàn trình, 61 thủ tục trực tuyến một phần và 08 thủ tục chỉ thực hiện trực tiếp.',
        check: 'sum-mismatch',
        values: [120, 54, 61, 8],
      },
    ],
  },
});
