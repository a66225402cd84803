import { defineCheck } from '../../src/check/rule.ts';
import { isCertainCount, sameQualifiers } from '../../src/check/figures.ts';
import { CONTAINED_IN } from '../containment.ts';
import type { Figure } from '../../src/model/index.ts';

/**
 * A part larger than its whole: a "trong đó" part or a table row above its total, a ratio whose numerator
 * exceeds its denominator, or a metric above the metric that contains it (level-2 accounts above all
 * accounts) when both are stated once for the same year and procedure.
 */
export default defineCheck({
  meta: {
    id: 'part-exceeds-whole',
    description: 'Một phần lớn hơn tổng của nó (tài khoản mức 2 nhiều hơn tổng số tài khoản, hồ sơ đúng hạn nhiều hơn hồ sơ tiếp nhận…).',
    defaultSeverity: 'error',
    messages: {
      part: 'Phần lớn hơn tổng: {{partValue}} ({{partRaw}}) lớn hơn tổng {{wholeValue}} ({{wholeRaw}}) mà nó thuộc về.',
      ratio: 'Tử số lớn hơn mẫu số: {{numerator}}/{{denominator}} — phần không thể lớn hơn tổng.',
    },
  },
  check(context) {
    const reported = new Set<string>();
    const report = (part: Figure, whole: Figure) => {
      const key = `${part.id}>${whole.id}`;
      if (reported.has(key)) return;
      reported.add(key);
      context.report({
        messageId: 'part',
        data: { partValue: part.value, partRaw: part.raw, wholeValue: whole.value, wholeRaw: whole.raw },
        values: [part.value, whole.value],
        figures: [part, whole],
      });
    };
    for (const figure of context.figures) {
      if (!isCertainCount(figure)) continue;
      if (figure.denominator !== undefined && figure.value > figure.denominator) {
        context.report({ messageId: 'ratio', data: { numerator: figure.value, denominator: figure.denominator }, values: [figure.value, figure.denominator], figures: [figure] });
      }
      const parent = figure.parentId ? context.figureById.get(figure.parentId) : undefined;
      if (parent && isCertainCount(parent) && parent.unit === figure.unit && figure.value > parent.value) report(figure, parent);
    }
    for (const { part, whole } of CONTAINED_IN) {
      const parts = uniqueByQualifiers(context.figures.filter((figure) => figure.metric === part && isCertainCount(figure)));
      const wholes = uniqueByQualifiers(context.figures.filter((figure) => figure.metric === whole && isCertainCount(figure)));
      for (const partFigure of parts) {
        const wholeFigure = wholes.find((candidate) => sameQualifiers(candidate, partFigure) && candidate.unit === partFigure.unit);
        if (wholeFigure && partFigure.value > wholeFigure.value) report(partFigure, wholeFigure);
      }
    }
  },
  tests: {
    valid: [
      { name: 'seed 001: level-2 accounts 5616 ≤ all accounts 8344', text: 'Hiện tại trên địa bàn xã đã đăng ký cho 8344 tài khoản định danh điện tử, trong đó, tài khoản định danh điện tử mức độ 2 là 5616 tài khoản.' },
      { name: 'seed 003: 18 online ≤ 18 on time', text: '- Số lượng hồ sơ tiếp nhận 18 hồ sơ.\n+ 0 hồ sơ bị trả lại do thiếu giấy tờ\n+ 18 hồ sơ đã trả kết quả đúng thời hạn, trong đó:\n+ 18 hồ sơ đăng ký qua DVC' },
      { name: 'different years are different wholes', text: 'Năm 2022: tiếp nhận 100 hồ sơ.\nNăm 2023: tiếp nhận 300 hồ sơ, trong đó 200 hồ sơ trực tuyến.' },
    ],
    invalid: [
      { name: 'level-2 accounts above all accounts', text: 'Đã đăng ký cho 5.000 tài khoản định danh điện tử, trong đó, tài khoản định danh điện tử mức độ 2 là 5.616 tài khoản.', errors: [{ messageId: 'part', values: [5616, 5000] }] },
      { name: 'a nested part above its total', text: '- Tổng số hồ sơ tiếp nhận: 120 hồ sơ\n+ 0 hồ sơ bị trả lại do thiếu giấy tờ\n+ 125 hồ sơ đã trả kết quả đúng thời hạn', errors: [{ messageId: 'part', values: [125, 120] }] },
      { name: 'a numerator above its denominator', text: '+ Số hoá đầu vào hồ sơ giải quyết TTHC:\nNăm 2022: 7.065/6588 hồ sơ = 107%;', errors: [{ messageId: 'ratio', values: [7065, 6588] }] },
      { name: 'tasks completed above tasks assigned, stated apart', text: '- Tổng số nhiệm vụ được giao: 30;\n- Tổng số nhiệm vụ đã hoàn thành: 32;', errors: [{ messageId: 'part', values: [32, 30] }] },
    ],
  },
});

/** Figures whose metric and qualifiers are stated with exactly one value (restatements of it collapse to one). */
function uniqueByQualifiers(figures: readonly Figure[]): Figure[] {
  const byKey = new Map<string, Figure[]>();
  for (const figure of figures) {
    const key = `${figure.year ?? ''}|${figure.procedure ?? ''}`;
    byKey.set(key, [...(byKey.get(key) ?? []), figure]);
  }
  return [...byKey.values()].filter((group) => new Set(group.map((figure) => figure.value)).size === 1).map((group) => group[0]!);
}
