import { defineRelation } from '../../src/check/relation.ts';

export default defineRelation({
  id: 'eid-level2',
  description: 'Tài khoản mức 2 đã kích hoạt không thể nhiều hơn số tài khoản mức 2.',
  whole: 'eid.level2',
  parts: ['eid.activated'],
  examples: {
    consistent: ['Toàn xã có 7.000 tài khoản định danh điện tử mức 2, đã kích hoạt 6.500 tài khoản.'],
    inconsistent: [{ text: 'Toàn xã có 7.000 tài khoản định danh điện tử mức 2, đã kích hoạt 7.200 tài khoản.', check: 'part-exceeds-whole', values: [7200, 7000] }],
  },
});
