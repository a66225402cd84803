import { defineCheck } from '../../src/check/rule.ts';
import { groupBy, isCertainCount, near } from '../../src/check/figures.ts';
import { vietnamese } from '../../src/check/engine.ts';
import type { Figure } from '../../src/model/index.ts';

/**
 * A total whose stated parts do not add up. Parts are grouped by what splits the total — by procedure, by
 * year, into sub-kinds of the same measure, or into outcomes (returned, on time, late, in progress, asked
 * for more papers, which exclude one another). Parts adding up to MORE than their total is always wrong.
 * Parts adding up to LESS is wrong only where the parts are meant to be all of it: a table under a total
 * row, a list after a bare "Trong đó:" line, a year split with a "tổng", or an inline "trong đó" naming two
 * or more sub-kinds of the same measure. A nested item or an inline "trong đó" with one part may list only
 * the main parts, and flagging those would waste an auditor's time.
 */
const EXCLUSIVE_OUTCOMES = new Set(['dossiers.returned', 'dossiers.on_time', 'dossiers.late', 'dossiers.in_progress', 'dossiers.supplement']);

type Dimension = 'procedure' | 'year' | 'kind' | 'outcome';

export default defineCheck({
  meta: {
    id: 'sum-mismatch',
    description: 'Một tổng mà các phần được nêu ("trong đó", các dòng liệt kê, các dòng của bảng, các năm) cộng lại không bằng.',
    defaultSeverity: 'error',
    messages: {
      more: 'Các phần cộng lại lớn hơn tổng: {{sum}} = {{terms}}, nhưng tổng nêu là {{total}} ({{totalRaw}}).',
      less: 'Các phần cộng lại không bằng tổng: {{terms}} = {{sum}}, nhưng tổng nêu là {{total}} ({{totalRaw}}); chênh lệch {{difference}}.',
    },
  },
  check(context) {
    const parts = context.figures.filter((figure) => figure.parentId && isCertainCount(figure));
    for (const [parentId, children] of groupBy(parts, (figure) => figure.parentId!)) {
      const total = context.figureById.get(parentId);
      if (!total || !isCertainCount(total)) continue;
      for (const [dimension, group] of groupBy(children.filter((child) => child.unit === total.unit), (child) => dimensionOf(total, child) ?? '')) {
        if (dimension === '' || group.length < 2) continue;
        const exhaustive = group.every((child) => child.partKind === 'table' || child.partKind === 'list') || (dimension === 'kind' && group.every((child) => child.partKind === 'inline'));
        compare(total, group, exhaustive, dimension as Dimension);
      }
    }
    // "+ Số hồ sơ đã tiếp nhận trong năm 2022: 6.588; năm 2023: 6.715 hồ sơ (Tổng số tiếp nhận mới 13.303 hồ sơ …)"
    for (const total of context.figures) {
      if (total.year !== undefined || !isCertainCount(total) || total.parentId || !/tổng/iu.test(total.evidence)) continue;
      const years = context.figures.filter(
        (figure) => figure.metric === total.metric && figure.year !== undefined && (figure.procedure ?? null) === (total.procedure ?? null) && isCertainCount(figure) && near(figure, total),
      );
      if (years.length >= 2 && new Set(years.map((figure) => figure.year)).size === years.length) compare(total, years, true, 'year');
    }

    function compare(total: Figure, group: readonly Figure[], exhaustive: boolean, dimension: Dimension): void {
      const sum = group.reduce((accumulator, figure) => accumulator + figure.value, 0);
      if (sum === total.value || (sum < total.value && !exhaustive)) return;
      const terms = group.map((figure) => vietnamese(figure.value)).join(' + ');
      context.report({
        messageId: sum > total.value ? 'more' : 'less',
        data: { sum, terms, total: total.value, totalRaw: total.raw, difference: Math.abs(total.value - sum) },
        values: [total.value, ...group.map((figure) => figure.value)],
        expected: sum,
        figures: [total, ...group],
        discriminator: dimension,
      });
    }
  },
  tests: {
    valid: [
      {
        name: 'seed 003: 120 = 31 + 89 + 0 + 0 by procedure, after a bare "Trong đó:"',
        text: [
          '- Tổng số hồ sơ tiếp nhận: 120 hồ sơ',
          '+ 0 hồ sơ bị trả lại do thiếu giấy tờ',
          '+ 120 hồ sơ đã trả kết quả đúng thời hạn (0 hồ sơ đang chờ KQXM)',
          '- Trong đó:',
          '- Đăng ký thường trú:',
          'Tiếp nhận: 31 hồ sơ, trong đó:',
          '+ 0 hồ sơ bị trả lại do thiếu giấy tờ',
          '+ 31 hồ sơ đã trả kết quả đúng thời hạn',
          '- Đăng ký tạm trú:',
          'Tiếp nhận: 89 hồ sơ, trong đó:',
          '+ 89 hồ sơ đã trả kết quả đúng thời hạn',
          '- Khai báo tạm vắng:',
          'Tiếp nhận: 0 hồ sơ',
          '- Thông báo lưu trú:',
          '- Tiếp nhận 0 hồ sơ, đã trả kết quả 0 hồ sơ',
        ].join('\n'),
      },
      { name: 'seed 004: births 263 = 23 + 240', text: '+ Đăng ký khai sinh: 263 trường hợp, đã giải quyết 263 hồ sơ (tỷ lệ 100% đúng và trước hẹn) Trong đó: đăng ký lại 23, đăng ký khai sinh cho trẻ 240.' },
      { name: 'seed 004: marriages 89 = 83 + 6', text: '+ Đăng ký kết hôn: 89 trường hợp, đã giải quyết 89 hồ sơ (trong đó đăng ký mới 83, đăng ký lại 6) (tỷ lệ 100% đúng và trước hẹn).' },
      { name: 'seed 004: 6.588 + 6.715 = 13.303', text: '+ Số hồ sơ đã tiếp nhận trong năm 2022: 6.588; năm 2023: 6.715 hồ sơ\n(Tổng số tiếp nhận mới 13.303 hồ sơ; tồn trước 3 hồ sơ).' },
      { name: 'a nested list may name only the main parts', text: '- Tổng số hồ sơ tiếp nhận: 500 hồ sơ\n+ Đăng ký thường trú: 200 hồ sơ\n+ Đăng ký tạm trú: 150 hồ sơ' },
      { name: 'a table whose rows add up to its total row', text: '| Thủ tục | Tiếp nhận | Đúng hạn\n| Đăng ký thường trú | 31 | 31\n| Đăng ký tạm trú | 89 | 89\n| Tổng cộng | 120 | 120' },
    ],
    invalid: [
      {
        name: 'a year split that does not add up to its total',
        text: '+ Số hồ sơ đã tiếp nhận trong năm 2022: 6.588; năm 2023: 6.715 hồ sơ\n(Tổng số tiếp nhận mới 13.330 hồ sơ; tồn trước 3 hồ sơ).',
        errors: [{ messageId: 'less', values: [13330, 6588, 6715] }],
      },
      {
        name: 'parts by procedure after "Trong đó:" that fall short',
        text: '- Tổng số hồ sơ tiếp nhận: 130 hồ sơ\n- Trong đó:\n- Đăng ký thường trú:\nTiếp nhận: 31 hồ sơ\n- Đăng ký tạm trú:\nTiếp nhận: 89 hồ sơ',
        errors: [{ messageId: 'less', values: [130, 31, 89] }],
      },
      {
        name: 'outcomes adding up to more than the dossiers received',
        text: '- Tổng số hồ sơ tiếp nhận: 120 hồ sơ\n+ 10 hồ sơ bị trả lại do thiếu giấy tờ\n+ 120 hồ sơ đã trả kết quả đúng thời hạn',
        errors: [{ messageId: 'more', values: [120, 10, 120] }],
      },
      { name: 'births 263 ≠ 23 + 230', text: '+ Đăng ký khai sinh: 263 trường hợp, đã giải quyết 263 hồ sơ. Trong đó: đăng ký lại 23, đăng ký khai sinh cho trẻ 230.', errors: [{ messageId: 'less', values: [263, 23, 230] }] },
      { name: 'a table whose rows do not add up to its total row', text: '| Thủ tục | Tiếp nhận | Đúng hạn\n| Đăng ký thường trú | 31 | 31\n| Đăng ký tạm trú | 89 | 89\n| Tổng cộng | 125 | 120', errors: [{ messageId: 'less', values: [125, 31, 89] }] },
    ],
  },
});

/** How a part splits its total; undefined when it is not a split of it (an online count below on-time, say). */
function dimensionOf(total: Figure, part: Figure): Dimension | undefined {
  if (part.metric === total.metric) {
    if (part.procedure !== undefined && part.procedure !== total.procedure) return 'procedure';
    if (part.year !== undefined && total.year === undefined) return 'year';
    return 'kind';
  }
  if (EXCLUSIVE_OUTCOMES.has(part.metric) && (total.metric === 'dossiers.received' || total.metric === 'dossiers.resolved')) return 'outcome';
  return undefined;
}
