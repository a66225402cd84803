import { defineCheck } from '../../src/check/rule.ts';
import { vietnamese } from '../../src/check/engine.ts';
import { partGroups, sums } from '../../src/check/partitions.ts';
import type { Quantity } from '../../src/model/index.ts';

/**
 * A flow that must balance, stated side by side rather than as a breakdown: received (+ carried over) =
 * resolved (or on time + late) + in progress + returned + asked for more papers. Which partitions are flows is
 * declared in rules/relations/ (`sideBySideCheck: 'reconciliation'`, with what they require and add); the same
 * parts linked by a marker are sum-mismatch's.
 */
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
    for (const group of partGroups(context.quantities, context.figureById, context.relations, context.reportYear)) {
      if (!group.sideBySide || group.partition?.sideBySideCheck !== 'reconciliation' || !group.exhaustive) continue;
      const { parts, whole } = sums(group);
      if (parts === whole) continue;
      const incoming = [group.total, ...group.plus];
      const label = (quantity: Quantity) => `${LABELS[quantity.metric ?? ''] ?? quantity.metric ?? quantity.noun} ${vietnamese(quantity.value)}`;
      context.report({
        messageId: 'unbalanced',
        data: {
          incoming: whole,
          incomingTerms: incoming.map(label).join(' + '),
          outgoingTerms: group.parts.map(label).join(' + '),
          outgoing: parts,
          difference: Math.abs(whole - parts),
        },
        values: [...incoming, ...group.parts].map((quantity) => quantity.value),
        expected: parts,
        figures: [...incoming, ...group.parts],
        why: `Các số được nêu cạnh nhau và quan hệ khai báo (rules/relations/) nói chúng phải cân: ${group.linkedBy}.`,
      });
    }
  },
  tests: {
    valid: [
      {
        name: 'a paragraph on another topic does not settle the dossiers of the one before it',
        text: 'UBND XÃ PHÚ AN\nBÁO CÁO kết quả giải quyết thủ tục hành chính tháng 10 năm 2025\nTrong tháng 10, Bộ phận Một cửa xã tiếp nhận mới 640 hồ sơ; hồ sơ tồn kỳ trước chuyển sang là 22 hồ sơ.\nRiêng lĩnh vực đất đai, Bộ phận đã giải quyết 610 hồ sơ; đang giải quyết 41 hồ sơ; trả lại 3 hồ sơ.',
      },
      {
        name: 'a pending count stated twice with two values: which is the part, the text does not say',
        text: '- Tiếp nhận: 287 hồ sơ.\n- Đã giải quyết: 283 hồ sơ.\n- Hồ sơ quá hạn chưa giải quyết: 0\n- Đang giải quyết trong hạn: 04 hồ sơ',
      },
      { name: 'seed 003: 120 = 0 returned + 120 on time + 0 waiting', text: '- Tổng số hồ sơ tiếp nhận: 120 hồ sơ\n+ 0 hồ sơ bị trả lại do thiếu giấy tờ\n+ 120 hồ sơ đã trả kết quả đúng thời hạn (0 hồ sơ đang chờ KQXM)' },
      { name: 'nothing to reconcile without an in-progress count', text: '- Số lượng hồ sơ tiếp nhận 18 hồ sơ.\n+ 0 hồ sơ bị trả lại do thiếu giấy tờ\n+ 16 hồ sơ đã trả kết quả đúng thời hạn' },
      {
        name: 'a balanced flow with carried-over dossiers',
        text: '+ Tổng số tiếp nhận mới 100 hồ sơ; tồn trước 5 hồ sơ.\n+ Số hồ sơ đã giải quyết đúng hạn: 90 hồ sơ\n+ Số hồ sơ đang trong quá trình giải quyết: 14 hồ sơ.\n+ Số hồ sơ yêu cầu bổ sung: 1 hồ sơ.',
      },
    ],
    invalid: [
      {
        name: 'a paragraph opening with "Kết quả," settles the dossiers the paragraph before it received',
        text: 'UBND XÃ PHÚ AN\nBÁO CÁO kết quả giải quyết thủ tục hành chính tháng 10 năm 2025\nTrong tháng 10, Bộ phận Một cửa xã tiếp nhận mới 640 hồ sơ; hồ sơ tồn kỳ trước chuyển sang là 22 hồ sơ.\nKết quả, Bộ phận đã giải quyết 610 hồ sơ; đang giải quyết 41 hồ sơ; trả lại 3 hồ sơ.',
        errors: [{ messageId: 'unbalanced', values: [640, 22, 610, 41, 3] }],
      },
      {
        name: 'a flow whose resolved dossiers are broken down in a sub-list before the rest of it',
        text: '- Hồ sơ tồn kỳ trước chuyển sang: 10 hồ sơ.\n- Tiếp nhận mới: 500 hồ sơ.\n- Đã giải quyết: 470 hồ sơ, gồm:\n  + Đúng hạn: 465 hồ sơ;\n  + Trễ hạn: 05 hồ sơ.\n- Đang giải quyết: 32 hồ sơ.\n- Trả lại: 03 hồ sơ; yêu cầu bổ sung: 02 hồ sơ.',
        errors: [{ messageId: 'unbalanced', values: [500, 10, 470, 32, 3, 2] }],
      },
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
