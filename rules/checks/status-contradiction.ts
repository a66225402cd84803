import { defineCheck } from '../../src/check/rule.ts';
import { isCertainCount, sameQualifiers } from '../../src/check/figures.ts';
import type { Figure } from '../../src/model/index.ts';

/**
 * Statuses that cannot both be true: "0 nhiệm vụ chưa hoàn thành" beside tasks still in progress or
 * overdue (those are unfinished), or "all tasks completed" (completed = assigned) beside tasks in progress.
 */
export default defineCheck({
  meta: {
    id: 'status-contradiction',
    description: '"0 chưa hoàn thành" / "0 đang chờ" nêu cạnh các nhiệm vụ hoặc hồ sơ vẫn đang thực hiện.',
    defaultSeverity: 'error',
    messages: {
      noneUnfinished: 'Mâu thuẫn: báo cáo nêu {{unfinished}} nhiệm vụ chưa hoàn thành nhưng lại có {{open}} nhiệm vụ {{openLabel}} — các nhiệm vụ này đều chưa hoàn thành.',
      allCompleted: 'Mâu thuẫn: đã hoàn thành {{completed}}/{{assigned}} nhiệm vụ (tất cả) nhưng lại có {{open}} nhiệm vụ {{openLabel}}.',
      noneWaiting: 'Mâu thuẫn: báo cáo nêu {{waiting}} hồ sơ đang chờ/chưa giải quyết nhưng tiếp nhận {{received}} hồ sơ mà chỉ giải quyết {{settled}} hồ sơ.',
    },
  },
  check(context) {
    const certain = context.figures.filter(isCertainCount);
    const of = (metric: string) => certain.filter((figure) => figure.metric === metric);
    const openTasks = [...of('tasks.in_progress'), ...of('tasks.overdue')].filter((figure) => figure.value > 0);
    const label = (figure: Figure) => (figure.metric === 'tasks.overdue' ? 'quá hạn' : 'đang triển khai');
    for (const unfinished of of('tasks.unfinished').filter((figure) => figure.value === 0)) {
      const open = openTasks.find((figure) => sameQualifiers(figure, unfinished));
      if (!open) continue;
      context.report({
        messageId: 'noneUnfinished',
        data: { unfinished: 0, open: open.value, openLabel: label(open) },
        values: [0, open.value],
        figures: [unfinished, open],
      });
    }
    for (const completed of of('tasks.completed')) {
      const assigned = of('tasks.assigned').find((figure) => sameQualifiers(figure, completed) && figure.value === completed.value);
      const open = openTasks.find((figure) => sameQualifiers(figure, completed));
      if (!assigned || !open) continue;
      context.report({
        messageId: 'allCompleted',
        data: { completed: completed.value, assigned: assigned.value, open: open.value, openLabel: label(open) },
        values: [completed.value, assigned.value, open.value],
        figures: [completed, assigned, open],
      });
    }
    // "(0 hồ sơ đang chờ …)" inside a block whose own numbers leave dossiers unsettled.
    for (const waiting of of('dossiers.in_progress').filter((figure) => figure.value === 0 && figure.parentId)) {
      const received = context.figureById.get(waiting.parentId!);
      if (!received || received.metric !== 'dossiers.received' || !isCertainCount(received)) continue;
      const settled = certain.filter(
        (figure) => figure.parentId === received.id && ['dossiers.on_time', 'dossiers.late', 'dossiers.returned', 'dossiers.supplement'].includes(figure.metric),
      );
      const onTimeOrLate = settled.some((figure) => figure.metric === 'dossiers.on_time' || figure.metric === 'dossiers.late');
      const total = settled.reduce((sum, figure) => sum + figure.value, 0);
      if (!onTimeOrLate || total >= received.value) continue;
      context.report({
        messageId: 'noneWaiting',
        data: { waiting: 0, received: received.value, settled: total },
        values: [0, received.value, total],
        figures: [waiting, received, ...settled],
      });
    }
  },
  tests: {
    valid: [
      {
        name: 'seed 001 without the contradiction: 1 unfinished beside 1 in progress',
        text: '- Tổng số nhiệm vụ được giao: 35;\n- Tổng số nhiệm vụ đã hoàn thành: 16;\n- Tổng số nhiệm vụ chưa hoàn thành: 2;\n- Tổng số nhiệm vụ đang triển khai: 2;',
      },
      { name: 'seed 003: "0 hồ sơ đang chờ" beside dossiers all returned on time', text: '- Tổng số hồ sơ tiếp nhận: 120 hồ sơ\n+ 0 hồ sơ bị trả lại do thiếu giấy tờ\n+ 120 hồ sơ đã trả kết quả đúng thời hạn (0 hồ sơ đang chờ KQXM)' },
      { name: 'different years do not contradict', text: 'Năm 2022: số nhiệm vụ chưa hoàn thành: 0.\nNăm 2023: số nhiệm vụ đang triển khai: 3.' },
    ],
    invalid: [
      {
        name: 'seed 001: 0 unfinished, 2 in progress',
        text: '- Tổng số nhiệm vụ được giao thực hiện trong giai đoạn 2022-2025: 35;\n- Tổng số nhiệm vụ đã hoàn thành: 16;\n- Tổng số nhiệm vụ chưa hoàn thành: 0;\n- Tổng số nhiệm vụ thực hiện thường xuyên: 17;\n- Tổng số nhiệm vụ đang triển khai: 2;',
        errors: [{ messageId: 'noneUnfinished', values: [0, 2] }],
      },
      {
        name: 'all tasks completed, yet some in progress',
        text: '- Tổng số nhiệm vụ được giao: 20;\n- Tổng số nhiệm vụ đã hoàn thành: 20;\n- Tổng số nhiệm vụ đang triển khai: 3;',
        errors: [{ messageId: 'allCompleted', values: [20, 20, 3] }],
      },
      {
        name: 'nothing waiting, yet dossiers left unsettled',
        text: '- Tổng số hồ sơ tiếp nhận: 120 hồ sơ\n+ 0 hồ sơ bị trả lại do thiếu giấy tờ\n+ 100 hồ sơ đã trả kết quả đúng thời hạn (0 hồ sơ đang chờ KQXM)',
        errors: [{ messageId: 'noneWaiting', values: [0, 120, 100] }],
      },
    ],
  },
});
