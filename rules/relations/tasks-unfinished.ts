import { defineRelation } from '../../src/check/relation.ts';

export default defineRelation({
  id: 'tasks-unfinished',
  description: 'Nhiệm vụ đang thực hiện hoặc quá hạn là nhiệm vụ chưa hoàn thành.',
  whole: 'tasks.unfinished',
  parts: ['tasks.in_progress', 'tasks.overdue'],
  zeroIsStatusClaim: true,
  examples: {
    consistent: ['Còn 4 nhiệm vụ chưa hoàn thành, trong đó 3 nhiệm vụ đang thực hiện.'],
    inconsistent: [
      { text: '- Tổng số nhiệm vụ chưa hoàn thành: 0;\n- Tổng số nhiệm vụ đang triển khai: 2;', check: 'status-contradiction', values: [0, 2] },
      { text: 'Còn 4 nhiệm vụ chưa hoàn thành, trong đó 5 nhiệm vụ đang thực hiện.', check: 'part-exceeds-whole', values: [5, 4] },
    ],
  },
});
