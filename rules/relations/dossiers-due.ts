import { defineRelation } from '../../src/check/relation.ts';

export default defineRelation({
  id: 'dossiers-due',
  description: 'Hồ sơ đến hạn giải quyết gồm giải quyết trước hạn, đúng hạn và quá hạn.',
  whole: 'dossiers.due',
  partitions: [{ by: 'timeliness', parts: ['dossiers.early', 'dossiers.on_time', 'dossiers.late'], exhaustive: 'always' }],
  examples: {
    consistent: ['Tiếp nhận mới 1.100 hồ sơ; số hồ sơ đến hạn giải quyết là 1.180, trong đó đúng hạn 1.150, quá hạn 30.'],
    inconsistent: [{ text: 'Tiếp nhận mới 1.100 hồ sơ; số hồ sơ đến hạn giải quyết là 1.180, trong đó đúng hạn 1.150, quá hạn 40.', check: 'sum-mismatch', values: [1180, 1150, 40] }],
  },
});
