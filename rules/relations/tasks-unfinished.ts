import { defineRelation } from '../../src/check/relation.ts';

export default defineRelation({
  id: 'tasks-unfinished',
  description: 'Nhiệm vụ đang thực hiện hoặc quá hạn là nhiệm vụ chưa hoàn thành.',
  whole: 'tasks.unfinished',
  parts: ['tasks.in_progress', 'tasks.overdue'],
  zeroIsStatusClaim: true,
  // Listed beside one another ("đang thực hiện 05 nhiệm vụ, chưa thực hiện 01 nhiệm vụ"), the tasks not yet begun are a
  // status of their own, not the whole of the ones in progress: compared only where the text links them.
  onlyWhereLinked: true,
  examples: {
    consistent: ['Còn 4 nhiệm vụ chưa hoàn thành, trong đó 3 nhiệm vụ đang thực hiện.', 'Tỉnh giao huyện 15 nhiệm vụ trong năm 2025; đến ngày 30/9/2025 đã hoàn thành 09 nhiệm vụ, đang thực hiện 05 nhiệm vụ, chưa thực hiện 01 nhiệm vụ.'],
    inconsistent: [
      { text: '- Tổng số nhiệm vụ chưa hoàn thành: 0;\n- Tổng số nhiệm vụ đang triển khai: 2;', check: 'status-contradiction', values: [0, 2] },
      { text: 'Còn 4 nhiệm vụ chưa hoàn thành, trong đó 5 nhiệm vụ đang thực hiện.', check: 'part-exceeds-whole', values: [5, 4] },
    ],
  },
});
