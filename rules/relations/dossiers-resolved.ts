import { defineRelation } from '../../src/check/relation.ts';

export default defineRelation({
  id: 'dossiers-resolved',
  description: 'Hồ sơ đã giải quyết gồm trước hạn, đúng hạn và trễ hạn.',
  whole: 'dossiers.resolved',
  partitions: [{ by: 'timeliness', parts: ['dossiers.early', 'dossiers.on_time', 'dossiers.late'], exhaustive: 'always' }],
  examples: {
    consistent: ['Đã giải quyết 480 hồ sơ, trong đó đúng hạn 470 hồ sơ, trễ hạn 10 hồ sơ.'],
    inconsistent: [{ text: 'Đã giải quyết 480 hồ sơ, trong đó đúng hạn 470 hồ sơ, trễ hạn 15 hồ sơ.', check: 'sum-mismatch', values: [480, 470, 15] }],
  },
});
