import { defineRelation } from '../../src/check/relation.ts';

export default defineRelation({
  id: 'eid-accounts',
  description: 'Tài khoản định danh điện tử gồm mức 1 và mức 2; tài khoản đã kích hoạt là một phần của tổng số.',
  whole: 'eid.accounts',
  partitions: [{ by: 'level', parts: ['eid.level1', 'eid.level2'], exhaustive: 'always' }],
  parts: ['eid.activated'],
  examples: {
    consistent: [
      'Tổng số tài khoản định danh điện tử: 9.120 tài khoản, trong đó mức 1: 1.050 tài khoản; mức 2: 8.070 tài khoản.',
      '- Tổng số tài khoản định danh điện tử đã cấp: 8.000 tài khoản\n+ Mức 1: 1.000 tài khoản\n+ Mức 2: 7.000 tài khoản',
    ],
    inconsistent: [
      { text: 'Tổng số tài khoản định danh điện tử: 9.120 tài khoản, trong đó mức 1: 1.050 tài khoản; mức 2: 8.170 tài khoản.', check: 'sum-mismatch', values: [9120, 1050, 8170] },
      { text: 'Tổng số tài khoản định danh điện tử: 8.000 tài khoản, trong đó mức 2: 8.400 tài khoản.', check: 'part-exceeds-whole', values: [8400, 8000] },
    ],
  },
});
