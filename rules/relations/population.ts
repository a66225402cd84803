import { defineRelation } from '../../src/check/relation.ts';

/** Each person has at most one ID card and one electronic ID account. */
export default defineRelation({
  id: 'population',
  description: 'Số tài khoản định danh điện tử và số thẻ căn cước không vượt quá dân số.',
  whole: 'population',
  parts: ['eid.accounts', 'eid.level1', 'eid.level2', 'eid.activated', 'idcards.issued'],
  boundCheck: 'exceeds-population',
  examples: {
    consistent: ['Toàn xã có 14.140 nhân khẩu. Đã cấp 11.241 thẻ Căn cước và 8.344 tài khoản định danh điện tử.'],
    inconsistent: [{ text: 'Toàn xã có 14.140 nhân khẩu. Đã cấp 15.241 thẻ Căn cước.', check: 'exceeds-population', values: [15241, 14140] }],
  },
});
