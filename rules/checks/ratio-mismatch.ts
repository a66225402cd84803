import { defineCheck } from '../../src/check/rule.ts';
import { ratioVerdict } from '../../src/check/arithmetic.ts';
import { vietnamese } from '../../src/check/engine.ts';
import type { Quantity } from '../../src/model/index.ts';

/**
 * statcheck for percentages: a stated percentage must be what its own numerator and denominator give under
 * rounding to the stated decimals. "100%" with a shortfall that rounding explains is rounded-to-full's.
 */
export default defineCheck({
  meta: {
    id: 'ratio-mismatch',
    description: 'Tỷ lệ phần trăm nêu ra không thể tính được từ chính tử số và mẫu số của nó (kể cả khi làm tròn).',
    defaultSeverity: 'error',
    messages: {
      mismatch: 'Tỷ lệ không khớp: {{numerator}}/{{denominator}} = {{actual}}%, không phải {{stated}}%.{{cause}}',
      ofBase: 'Tỷ lệ không khớp: {{numerator}} trên {{baseLabel}} {{denominator}} = {{actual}}%, không phải {{stated}}%.{{cause}}',
      ofTotal: 'Tỷ lệ không khớp: phần {{numerator}} của tổng {{denominator}} ({{totalRaw}}) là {{actual}}%, không phải {{stated}}%.{{cause}}',
    },
  },
  check(context) {
    const counts = context.quantities.filter((figure) => figure.unit !== 'percent' && !figure.uncertain);
    for (const figure of context.quantities) {
      if (figure.uncertain || figure.percent === undefined || figure.unit === 'percent') continue;
      const base = figure.denominator === undefined && figure.baseId ? context.figureById.get(figure.baseId) : undefined;
      // A share written beside a part ("8.215 hồ sơ (47,3%)", "chiếm 47,3%") is of the total the text made it a
      // part of, unless its words name another base ("đạt 70,2% dân số"). A table's percentage column is a rate
      // of its own row (the table reader gives it its denominator), not a share of the column's total.
      const parent =
        figure.denominator === undefined && !base && figure.percentBase === undefined && figure.parentId && figure.partKind !== 'table' ? context.figureById.get(figure.parentId) : undefined;
      const whole = parent && !parent.uncertain && parent.unit !== 'percent' && parent.value > 0 ? parent : undefined;
      const denominator = figure.denominator ?? base?.value ?? whole?.value;
      if (denominator === undefined || denominator <= 0) continue;
      const { consistent, actual } = ratioVerdict(figure.value, denominator, figure.percent, figure.percentDecimals);
      if (consistent) continue;
      const cause = likelyCause(figure.value, denominator, figure.percent, figure.percentDecimals, counts, figure);
      context.report({
        messageId: base ? 'ofBase' : whole ? 'ofTotal' : 'mismatch',
        data: { numerator: figure.value, denominator, actual, stated: figure.percent, cause, baseLabel: 'tổng số', totalRaw: whole?.raw ?? '' },
        values: [figure.value, denominator, figure.percent],
        expected: actual,
        figures: base ? [figure, base] : whole ? [figure, whole] : [figure],
        ...(whole ? { why: `Tỷ lệ nêu cạnh một phần của tổng ${whole.raw} (phần thuộc tổng vì: ${figure.linkedBy ?? 'được nêu ngay sau tổng'}).` } : {}),
      });
    }
  },
  tests: {
    valid: [
      { name: 'a share in parentheses of the total it is a part of', text: 'Tổng số hồ sơ tiếp nhận 17.368 hồ sơ, trong đó trực tuyến 8.215 hồ sơ (47,3%), trực tiếp 9.153 hồ sơ.' },
      { name: 'a share of the population, not of the total the part belongs to', text: 'Toàn xã có 14.140 nhân khẩu. Có 8.344 tài khoản định danh điện tử, trong đó mức 2 là 5.616 tài khoản, đạt 39,7% dân số.' },
      { name: 'seed 004: 6.065/6588 = 92% rounds right', text: '+ Số hoá đầu vào hồ sơ giải quyết TTHC:\nNăm 2022: 6.065/6588 hồ sơ = 92%;' },
      { name: 'seed 004: 50/6.588 = 0,76% with two decimals', text: '- Tỷ lệ số hóa kết quả:\nNăm 2022: 50/6.588 hồ sơ = 0,76%;' },
      { name: 'seed 004: 6.646/6.715 = 99% (98,97%)', text: '+ Số hoá đầu kết quả hồ sơ giải quyết TTHC:\nNăm 2023: 6.646/6.715 hồ sơ = 99%;' },
      { name: 'seed 001: 5616 accounts "đạt 40%/ tổng dân số" of 14.140 persons is 39,72%', text: 'Tổng số 3319 hộ, với 14.140 nhân khẩu.\nTài khoản định danh điện tử mức độ 2 là 5616 tài khoản đạt 40%/ tổng dân số.' },
      { name: 'a boundary accepted both ways: 1/8 = 12,5% written as 13%', text: 'Số hồ sơ tiếp nhận trực tuyến: 1/8 hồ sơ = 13%.' },
      { name: 'a boundary accepted both ways: 1/8 = 12,5% written as 12%', text: 'Số hồ sơ tiếp nhận trực tuyến: 1/8 hồ sơ = 12%.' },
      { name: 'one decimal: 50/6.588 = 0,759% may be written 0,8%', text: '+ Số hoá đầu kết quả hồ sơ giải quyết TTHC:\nNăm 2022: 50/6.588 hồ sơ = 0,8%;' },
      { name: 'an uncertain reading is not checked (ambiguous-number says so)', text: '1 Tư pháp – Hộ tịch 12.648/13.1761 100%' },
      { name: '100% with a shortfall is rounded-to-full, not a mismatch', text: '+ Số hồ sơ đã giải quyết đúng hạn, trước hạn: 13.274/13.303 = 100%' },
    ],
    invalid: [
      {
        name: 'a share beside a part that its total cannot give',
        text: 'Tổng số hồ sơ tiếp nhận 17.368 hồ sơ, trong đó trực tuyến 8.215 hồ sơ (57,3%), trực tiếp 9.153 hồ sơ.',
        errors: [{ messageId: 'ofTotal', values: [8215, 17368, 57.3] }],
      },
      { name: 'seed 004: 6.702/6.715 = 91% is really 99,81%', text: '+ Số hoá đầu vào hồ sơ giải quyết TTHC:\nNăm 2022: 6.065/6588 hồ sơ = 92%;\nNăm 2023: 6.702/6.715 hồ sơ = 91%;', errors: [{ messageId: 'mismatch', values: [6702, 6715, 91] }] },
      { name: 'digits swapped: 19% for 91%', text: 'Số hồ sơ tiếp nhận trực tuyến: 91/100 hồ sơ = 19%.', errors: [{ messageId: 'mismatch', values: [91, 100, 19] }] },
      { name: 'a rate of the population stated far away', text: 'Dân số toàn xã là 10.000 người.\nTrong năm, số tài khoản định danh điện tử mức độ 2 là 6.000 tài khoản đạt 40%/ tổng dân số.', errors: [{ messageId: 'ofBase', values: [6000, 10000, 40] }] },
      { name: 'decimals matter: 50/6.588 = 0,759% cannot be written 0,7% (one decimal: 0,65–0,75)', text: '+ Số hoá đầu kết quả hồ sơ giải quyết TTHC:\nNăm 2022: 50/6.588 hồ sơ = 0,7%;', errors: [{ messageId: 'mismatch', values: [50, 6588, 0.7] }] },
    ],
  },
});

/** Where the stated percentage may have come from: swapped digits, or another denominator stated in the document. */
function likelyCause(numerator: number, denominator: number, percent: number, decimals: number | undefined, counts: readonly Quantity[], self: Quantity): string {
  const digits = String(percent);
  const swapped = Number([...digits].reverse().join(''));
  if (/^\d\d$/u.test(digits) && swapped !== percent && ratioVerdict(numerator, denominator, swapped, decimals).consistent) {
    return ` Có thể hai chữ số bị đảo chỗ (${digits} ↔ ${[...digits].reverse().join('')}).`;
  }
  const other = counts.find(
    (figure) => figure !== self && figure.unit === self.unit && figure.value !== denominator && figure.value > 0 && ratioVerdict(numerator, figure.value, percent, decimals).consistent,
  );
  if (other) return ` Có thể đã chia cho ${formatCount(other.value)} (số liệu khác trong báo cáo) thay vì ${formatCount(denominator)}.`;
  return '';
}

function formatCount(value: number): string {
  return vietnamese(value);
}
