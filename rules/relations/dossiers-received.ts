import { defineRelation } from '../../src/check/relation.ts';

/**
 * Dossiers received split two ways: by how they came in, and by what became of them. The second balances
 * only with the dossiers still in progress stated, and with those carried over from the last period added
 * to what was received; stated side by side rather than as a breakdown, it is the reconciliation check's.
 */
export default defineRelation({
  id: 'dossiers-received',
  description: 'Hồ sơ tiếp nhận gồm trực tuyến và trực tiếp; và gồm đã giải quyết, đang giải quyết, trả lại, yêu cầu bổ sung.',
  whole: 'dossiers.received',
  partitions: [
    { by: 'channel', parts: ['dossiers.online', 'dossiers.direct'], exhaustive: 'always' },
    {
      by: 'outcome',
      parts: ['dossiers.resolved', 'dossiers.early', 'dossiers.on_time', 'dossiers.late', 'dossiers.in_progress', 'dossiers.returned', 'dossiers.supplement'],
      exhaustive: 'always',
      requires: [['dossiers.in_progress'], ['dossiers.resolved', 'dossiers.on_time', 'dossiers.early']],
      plus: ['dossiers.carried_over'],
      pending: 'dossiers.in_progress',
      sideBySideCheck: 'reconciliation',
    },
  ],
  examples: {
    consistent: [
      'Tổng số hồ sơ tiếp nhận 17.368 hồ sơ, trong đó trực tuyến 8.215 hồ sơ, trực tiếp 9.153 hồ sơ.',
      '- Tổng số hồ sơ tiếp nhận: 120 hồ sơ\n+ 0 hồ sơ bị trả lại do thiếu giấy tờ\n+ 120 hồ sơ đã trả kết quả đúng thời hạn (0 hồ sơ đang chờ KQXM)',
    ],
    inconsistent: [
      { text: 'Tổng số hồ sơ tiếp nhận 17.368 hồ sơ, trong đó trực tuyến 8.215 hồ sơ, trực tiếp 9.135 hồ sơ.', check: 'sum-mismatch', values: [17368, 8215, 9135] },
      { text: 'Tiếp nhận 500 hồ sơ; đã giải quyết đúng hạn 510 hồ sơ.', check: 'part-exceeds-whole', values: [510, 500] },
    ],
  },
});
