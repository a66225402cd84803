import { defineCheck } from '../../src/check/rule.ts';
import { isCertainCount, near, sameQualifiers } from '../../src/check/figures.ts';
import { vietnamese } from '../../src/check/engine.ts';
import { partGroups, statusClaim, sums } from '../../src/check/partitions.ts';

/** Words that make a zero speak of some of the pending dossiers only (late ones, one unit's). */
const NARROWED = /quá hạn|trễ hạn|trong hạn|đến hạn|đúng hạn|(?<![\p{L}])của(?![\p{L}])/iu;

/**
 * Statuses that cannot both be true, as rules/relations/ declares them: a count of 0 for a whole that is a
 * status claim ("0 nhiệm vụ chưa hoàn thành") beside a part of it above 0 (tasks in progress); a partition's
 * "nothing pending" part stated as 0 while its other parts fall short of the whole ("0 hồ sơ đang chờ" yet
 * dossiers unsettled); its "all done" part equal to the whole beside another open part.
 */
export default defineCheck({
  meta: {
    id: 'status-contradiction',
    description: '"0 chưa hoàn thành" / "0 đang chờ" nêu cạnh các nhiệm vụ hoặc hồ sơ vẫn đang thực hiện.',
    defaultSeverity: 'error',
    messages: {
      noneUnfinished: 'Mâu thuẫn: báo cáo nêu {{zero}} là 0 ({{zeroRaw}}) nhưng lại có {{open}} ({{openRaw}}) — các số này thuộc về {{zero}}.',
      allCompleted: 'Mâu thuẫn: {{completed}}/{{assigned}} ({{completedRaw}}) tức là tất cả, nhưng lại có {{open}} ({{openRaw}}) chưa xong.',
      noneWaiting: 'Mâu thuẫn: báo cáo nêu 0 đang chờ/chưa xong ({{waitingRaw}}) nhưng tổng {{received}} mà các phần khác chỉ có {{settled}}; còn {{difference}} chưa được giải thích.',
    },
  },
  check(context) {
    const certain = context.quantities.filter(isCertainCount);
    for (const relation of context.relations.relations) {
      if (!relation.zeroIsStatusClaim) continue;
      for (const zero of certain.filter((quantity) => quantity.metric === relation.whole && quantity.value === 0)) {
        const open = certain.find((quantity) => quantity.metric !== undefined && relation.parts.includes(quantity.metric) && quantity.value > 0 && sameQualifiers(quantity, zero, context.reportYear));
        if (!open) continue;
        context.report({
          messageId: 'noneUnfinished',
          data: { zero: zero.raw === '0' ? relation.description : zero.raw, zeroRaw: zero.raw, open: open.value, openRaw: open.raw },
          values: [0, open.value],
          figures: [zero, open],
          why: `Quan hệ khai báo (rules/relations/${relation.id}): ${relation.description}`,
        });
      }
    }
    // "- Hồ sơ chưa giải quyết: 0" then "- Đang giải quyết trong hạn: 04 hồ sơ": a partition's "nothing pending" count
    // stated as 0, and as more than 0 a line or two away, of the same dossiers.
    const pendingMetrics = new Set(context.relations.relations.flatMap((relation) => relation.partitions.flatMap((partition) => (partition.pending ? [partition.pending] : []))));
    for (const zero of certain.filter((quantity) => quantity.metric !== undefined && pendingMetrics.has(quantity.metric) && quantity.value === 0 && context.figureById.get(quantity.parentId ?? '')?.metric !== quantity.metric)) {
      const open = certain.find(
        (quantity) =>
          quantity !== zero &&
          quantity.metric === zero.metric &&
          quantity.value > 0 &&
          // Unnamed, the two must be a line or two apart to be the same dossiers; a unit named in both is the same
          // unit's anywhere in the section ("03 hồ sơ của xã Đồn Đạc đang chờ …" / "Xã Đồn Đạc … chưa giải quyết: 0").
          // The section is the field then: the zero's own sentence need not repeat it. A layout that gives no sections
          // (numbered paragraphs of a DOCX) leaves the nearby lines.
          ((near(quantity, zero, 2) && (quantity.field ?? null) === (zero.field ?? null)) ||
            (zero.subject !== undefined && (zero.section !== undefined || quantity.section !== undefined ? zero.section === quantity.section : near(quantity, zero)))) &&
          sameQualifiers(quantity, zero, context.reportYear),
      );
      if (!open) continue;
      // The zero's own sentence, not the paragraph before it.
      const label = zero.evidence
        .slice(0, Math.max(0, zero.evidence.indexOf(zero.raw)))
        .replace(/^.*[.;!?]\s+/su, '')
        .replace(/^[\s\-+*•]+|[\s:]+$/gu, '');
      // "Hồ sơ quá hạn chưa giải quyết: 0" says none is late, not that none is pending.
      if (NARROWED.test(label)) continue;
      context.report({
        messageId: 'noneUnfinished',
        data: { zero: label || zero.raw, zeroRaw: zero.raw, open: open.value, openRaw: open.raw },
        values: [0, open.value],
        figures: [zero, open],
        why: 'Cùng một số liệu "đang/chưa giải quyết" (rules/relations/: phần "còn tồn" của kết quả giải quyết) được nêu là 0 và lớn hơn 0 cạnh nhau.',
      });
    }
    for (const group of partGroups(context.quantities, context.figureById, context.relations, context.reportYear)) {
      const claim = statusClaim(group);
      if (!claim) continue;
      if (claim.kind === 'all-complete') {
        context.report({
          messageId: 'allCompleted',
          data: { completed: claim.complete.value, assigned: group.total.value, completedRaw: claim.complete.raw, open: claim.open.value, openRaw: claim.open.raw },
          values: [claim.complete.value, group.total.value, claim.open.value],
          figures: [claim.complete, group.total, claim.open],
          why: `Các phần thuộc tổng vì: ${group.linkedBy}.`,
        });
      } else {
        const { parts, whole } = sums(group);
        // As an auditor says it: nothing pending, yet this many pending (the whole less what the parts account for).
        context.report({
          messageId: 'noneWaiting',
          data: { waitingRaw: claim.pending.raw, received: whole, settled: parts, difference: vietnamese(whole - parts) },
          values: [0, whole - parts],
          expected: whole - parts,
          figures: [claim.pending, group.total, ...group.parts.filter((part) => part !== claim.pending)],
          why: `Các phần thuộc tổng vì: ${group.linkedBy}.`,
        });
      }
    }
  },
  tests: {
    valid: [
      { name: 'none overdue is not none pending', text: '- Hồ sơ quá hạn chưa giải quyết: 0\n- Đang giải quyết trong hạn: 03 hồ sơ' },
      { name: 'nothing pending in one field, dossiers pending in another', text: '- Lĩnh vực hộ tịch: đang giải quyết 0 hồ sơ.\n- Lĩnh vực đất đai: đang giải quyết 4 hồ sơ.' },
      {
        name: 'seed 001 without the contradiction: 1 unfinished beside 1 in progress',
        text: '- Tổng số nhiệm vụ được giao: 35;\n- Tổng số nhiệm vụ đã hoàn thành: 16;\n- Tổng số nhiệm vụ chưa hoàn thành: 2;\n- Tổng số nhiệm vụ đang triển khai: 2;',
      },
      { name: 'seed 003: "0 hồ sơ đang chờ" beside dossiers all returned on time', text: '- Tổng số hồ sơ tiếp nhận: 120 hồ sơ\n+ 0 hồ sơ bị trả lại do thiếu giấy tờ\n+ 120 hồ sơ đã trả kết quả đúng thời hạn (0 hồ sơ đang chờ KQXM)' },
      {
        name: 'another unit settled everything while a named one still has dossiers pending',
        text: pendingOfPhuLamThenSettled('Xã Phú Đông'),
      },
      { name: 'different years do not contradict', text: 'Năm 2022: số nhiệm vụ chưa hoàn thành: 0.\nNăm 2023: số nhiệm vụ đang triển khai: 3.' },
    ],
    invalid: [
      {
        name: 'a named unit settled everything, yet a few lines up some of its dossiers are still being settled',
        text: pendingOfPhuLamThenSettled('Xã Phú Lâm'),
        errors: [{ messageId: 'noneUnfinished', values: [0, 4] }],
      },
      {
        name: 'dossiers "chưa giải quyết: 0" beside dossiers still being settled',
        text: '- Hồ sơ đã giải quyết: 152 hồ sơ\n- Hồ sơ chưa giải quyết: 0\n- Đang giải quyết trong hạn: 03 hồ sơ',
        errors: [{ messageId: 'noneUnfinished', values: [0, 3] }],
      },
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
        errors: [{ messageId: 'noneWaiting', values: [0, 20] }],
      },
    ],
  },
});

/** A district report: 04 of xã Phú Lâm's dossiers still pending, then, four lines down, `unit` said to have settled all. */
function pendingOfPhuLamThenSettled(unit: string): string {
  return [
    'UBND HUYỆN ĐỒNG XUÂN',
    'BÁO CÁO kết quả giải quyết hồ sơ tháng 10/2025',
    '1. Giải quyết hồ sơ cư trú',
    '- Đang giải quyết: 9 hồ sơ, trong đó 04 hồ sơ của xã Phú Lâm đang chờ bổ sung giấy tờ;',
    '- Trả lại: 02 hồ sơ.',
    'Các xã đều giải quyết đúng hạn.',
    'Tỷ lệ trực tuyến đạt 91%.',
    `${unit} đã giải quyết xong hồ sơ trong tháng, số hồ sơ chưa giải quyết: 0 hồ sơ.`,
  ].join('\n');
}
