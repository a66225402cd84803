import { defineRelation } from '../../src/check/relation.ts';

/** An account is activated after its application is received: activations cannot outnumber the applications they follow. */
export default defineRelation({
  id: 'eid-applications',
  description: 'Tài khoản được kích hoạt là một phần của hồ sơ đề nghị cấp tài khoản đã thu nhận.',
  whole: 'eid.applications',
  parts: ['eid.activated'],
  examples: {
    consistent: ['Thu nhận 1.412 hồ sơ đề nghị cấp tài khoản định danh điện tử mức 2, trong đó đã kích hoạt thành công 1.397 tài khoản.'],
    inconsistent: [{ text: 'Thu nhận 1.412 hồ sơ đề nghị cấp tài khoản định danh điện tử mức 2, trong đó đã kích hoạt thành công 1.497 tài khoản.', check: 'part-exceeds-whole', values: [1497, 1412] }],
  },
});
