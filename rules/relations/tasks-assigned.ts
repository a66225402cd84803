import { defineRelation } from '../../src/check/relation.ts';

/**
 * Tasks by status. Reports list statuses side by side and mean them to exclude one another: seed 001
 * gives 35 = 16 done + 0 not done + 17 recurring + 2 in progress. Where "chưa hoàn thành" is broken down
 * into in progress and overdue, those are linked to it (tasks-unfinished), not to the assigned tasks.
 */
export default defineRelation({
  id: 'tasks-assigned',
  description: 'Nhiệm vụ được giao gồm đã hoàn thành, thường xuyên, đang thực hiện, quá hạn và chưa hoàn thành.',
  whole: 'tasks.assigned',
  partitions: [
    {
      by: 'status',
      parts: ['tasks.completed', 'tasks.unfinished', 'tasks.in_progress', 'tasks.recurring', 'tasks.overdue'],
      exhaustive: 'always',
      requires: [['tasks.completed']],
      pending: 'tasks.unfinished',
      complete: 'tasks.completed',
      statusAsOf: true,
    },
  ],
  examples: {
    consistent: [
      '- Tổng số nhiệm vụ được giao: 35;\n- Tổng số nhiệm vụ đã hoàn thành: 16;\n- Tổng số nhiệm vụ thực hiện thường xuyên: 17;\n- Tổng số nhiệm vụ đang triển khai: 2;',
      'Năm 2025, xã được giao 24 nhiệm vụ, trong đó đã hoàn thành 20 nhiệm vụ, chưa hoàn thành 4 nhiệm vụ (đang thực hiện 3, quá hạn 1).',
      'Năm 2025, xã được giao 18 nhiệm vụ; đến ngày 15/6/2025 đã hoàn thành 9 nhiệm vụ, đang thực hiện 6 nhiệm vụ, thực hiện thường xuyên 3 nhiệm vụ.',
    ],
    inconsistent: [
      {
        // The statuses on a day are the year's tasks': dated, they still add up to them.
        text: 'Năm 2025, xã được giao 18 nhiệm vụ; đến ngày 15/6/2025 đã hoàn thành 9 nhiệm vụ, đang thực hiện 8 nhiệm vụ, thực hiện thường xuyên 3 nhiệm vụ.',
        check: 'sum-mismatch',
        values: [18, 9, 8, 3],
      },
      {
        text: 'Năm 2025, phường được giao 28 nhiệm vụ. Đến nay đã hoàn thành 19 nhiệm vụ; 06 nhiệm vụ thực hiện thường xuyên; 05 nhiệm vụ đang triển khai.',
        check: 'sum-mismatch',
        values: [28, 19, 6, 5],
      },
      {
        text: '- Tổng số nhiệm vụ được giao: 35;\n- Tổng số nhiệm vụ đã hoàn thành: 18;\n- Tổng số nhiệm vụ thực hiện thường xuyên: 17;\n- Tổng số nhiệm vụ đang triển khai: 2;',
        check: 'sum-mismatch',
        values: [35, 18, 17, 2],
      },
    ],
  },
});
