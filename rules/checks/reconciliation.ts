import { defineCheck } from '../../src/check/rule.ts';
import { groupBy, isCertainCount } from '../../src/check/figures.ts';
import { vietnamese } from '../../src/check/engine.ts';
import type { Figure } from '../../src/model/index.ts';

/**
 * Dossier flow must balance: received (+ carried over) = resolved (or on time + late) + in progress +
 * returned + asked for more papers. Checked within one block of statements — a total and the items
 * below it, or sibling items under one label — and only when received, in progress and the resolved (or
 * on-time) count are all stated there; returned, late and asked-for-more count as 0 when not stated.
 */
const FLOW = ['dossiers.received', 'dossiers.carried_over', 'dossiers.resolved', 'dossiers.on_time', 'dossiers.late', 'dossiers.in_progress', 'dossiers.returned', 'dossiers.supplement'];

export default defineCheck({
  meta: {
    id: 'reconciliation',
    description: 'Hồ sơ tiếp nhận (+ tồn trước) ≠ đã giải quyết + đang giải quyết + trả lại + yêu cầu bổ sung, khi tất cả đều được nêu.',
    defaultSeverity: 'warning',
    messages: {
      unbalanced:
        'Số hồ sơ không khớp: tiếp nhận {{incoming}} ({{incomingTerms}}) nhưng {{outgoingTerms}} = {{outgoing}}; chênh lệch {{difference}} hồ sơ chưa được giải thích.',
    },
  },
  check(context) {
    const flow = context.figures.filter((figure) => FLOW.includes(figure.metric) && isCertainCount(figure) && figure.unit === 'dossiers' && figure.procedure === undefined);
    const clusters: Figure[][] = [];
    // A total with the outcomes stated below it.
    for (const received of flow.filter((figure) => figure.metric === 'dossiers.received' && !figure.parentId)) {
      clusters.push([received, ...flow.filter((figure) => figure.parentId === received.id)]);
    }
    // Sibling items under one label, with no year or the same year.
    for (const group of groupBy(flow, (figure) => `${figure.section ?? ''}\u0000${figure.context ?? ''}\u0000${figure.year ?? ''}`).values()) {
      clusters.push(group.filter((figure) => !figure.parentId || !group.some((other) => other.id === figure.parentId)));
    }
    const seen = new Set<string>();
    for (const cluster of clusters) {
      const one = (metric: string) => {
        const figures = cluster.filter((figure) => figure.metric === metric);
        return new Set(figures.map((figure) => figure.value)).size === 1 ? figures[0] : undefined;
      };
      const received = one('dossiers.received');
      const inProgress = one('dossiers.in_progress');
      const resolved = one('dossiers.resolved');
      const onTime = one('dossiers.on_time');
      if (!received || !inProgress || (!resolved && !onTime)) continue;
      const carried = one('dossiers.carried_over');
      const late = resolved ? undefined : one('dossiers.late');
      const returned = one('dossiers.returned');
      const supplement = one('dossiers.supplement');
      const incoming = [received, carried].filter((figure): figure is Figure => figure !== undefined);
      const outgoing = [resolved ?? onTime!, late, inProgress, returned, supplement].filter((figure): figure is Figure => figure !== undefined);
      const sum = (figures: readonly Figure[]) => figures.reduce((total, figure) => total + figure.value, 0);
      if (sum(incoming) === sum(outgoing)) continue;
      const key = [...incoming, ...outgoing].map((figure) => figure.id).join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      context.report({
        messageId: 'unbalanced',
        data: {
          incoming: sum(incoming),
          incomingTerms: incoming.map((figure) => `${LABELS[figure.metric]} ${vietnamese(figure.value)}`).join(' + '),
          outgoingTerms: outgoing.map((figure) => `${LABELS[figure.metric]} ${vietnamese(figure.value)}`).join(' + '),
          outgoing: sum(outgoing),
          difference: Math.abs(sum(incoming) - sum(outgoing)),
        },
        values: [...incoming, ...outgoing].map((figure) => figure.value),
        expected: sum(outgoing),
        figures: [...incoming, ...outgoing],
      });
    }
  },
  tests: {
    valid: [
      { name: 'seed 003: 120 = 0 returned + 120 on time + 0 waiting', text: '- Tổng số hồ sơ tiếp nhận: 120 hồ sơ\n+ 0 hồ sơ bị trả lại do thiếu giấy tờ\n+ 120 hồ sơ đã trả kết quả đúng thời hạn (0 hồ sơ đang chờ KQXM)' },
      { name: 'nothing to reconcile without an in-progress count', text: '- Số lượng hồ sơ tiếp nhận 18 hồ sơ.\n+ 0 hồ sơ bị trả lại do thiếu giấy tờ\n+ 16 hồ sơ đã trả kết quả đúng thời hạn' },
      {
        name: 'a balanced flow with carried-over dossiers',
        text: '+ Tổng số tiếp nhận mới 100 hồ sơ; tồn trước 5 hồ sơ.\n+ Số hồ sơ đã giải quyết đúng hạn: 90 hồ sơ\n+ Số hồ sơ đang trong quá trình giải quyết: 14 hồ sơ.\n+ Số hồ sơ yêu cầu bổ sung: 1 hồ sơ.',
      },
    ],
    invalid: [
      {
        name: 'seed 004: 13.303 + 3 received vs 13.274 + 14 + 1',
        text: [
          '+ Số hồ sơ đã tiếp nhận trong năm 2022: 6.588; năm 2023: 6.715 hồ sơ',
          '(Tổng số tiếp nhận mới 13.303 hồ sơ; tồn trước 3 hồ sơ).',
          '+ Số hồ sơ đã giải quyết đúng hạn, trước hạn: 13.274/13.303 = 100%',
          '+ Số hồ sơ đang trong quá trình giải quyết: 14 hồ sơ.',
          '+ Số hồ sơ yêu cầu bổ sung: 1 hồ sơ.',
        ].join('\n'),
        errors: [{ messageId: 'unbalanced', values: [13303, 3, 13274, 14, 1] }],
      },
    ],
  },
});

const LABELS: Record<string, string> = {
  'dossiers.received': 'tiếp nhận',
  'dossiers.carried_over': 'tồn trước',
  'dossiers.resolved': 'đã giải quyết',
  'dossiers.on_time': 'đúng hạn',
  'dossiers.late': 'trễ hạn',
  'dossiers.in_progress': 'đang giải quyết',
  'dossiers.returned': 'trả lại',
  'dossiers.supplement': 'yêu cầu bổ sung',
};
