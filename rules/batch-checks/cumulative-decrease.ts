import { defineBatchCheck } from '../../src/province/rule.ts';
import { preferOwn, uniqueFiles } from '../../src/province/compare.ts';
import { fileList } from '../../src/province/engine.ts';
import { dayLabel } from '../../src/province/periods.ts';
import type { UnitValue } from '../../src/province/view.ts';
import { commune } from './examples.ts';

/**
 * A running total of one unit that is lower at a later day than at an earlier one: accounts activated, cards issued,
 * dossiers digitised (stocks, rules/measures.ts), or any count the report states as "lũy kế"/"tính đến" — within one
 * year for a flow's running total, which starts again in January. The unit's own reports speak for it; a roll-up's
 * row for it only where it has none for that day. Compared day after day as the batch has them: a month missing in
 * between does not hide a fall. A month's own counts going down (fewer dossiers after Tết) are no running totals and
 * are never compared here.
 */
export default defineBatchCheck({
  meta: {
    id: 'cumulative-decrease',
    description: 'Số lũy kế (tài khoản, thẻ, hồ sơ số hóa, "lũy kế", "tính đến") của một đơn vị ở kỳ sau thấp hơn ở kỳ trước.',
    defaultSeverity: 'warning',
    messages: {
      decrease:
        '{{metric}} lũy kế của {{unit}} giảm từ {{earlier}} (đến {{earlierDate}}, {{earlierFiles}}) xuống {{later}} (đến {{laterDate}}, {{laterFiles}}): số lũy kế không thể giảm, một trong hai số bị sai.',
    },
  },
  check({ view, metricLabel, report }) {
    for (const unit of view.units.all()) {
      const series = new Map<string, UnitValue[]>();
      for (const value of view.valuesOf(unit.key)) {
        const running = (value.kind === 'stock' && value.type === 'level') || value.type === 'running';
        if (!running) continue;
        const key = `${value.metric}\u0000${value.type}`;
        series.set(key, [...(series.get(key) ?? []), value]);
      }
      for (const values of series.values()) {
        const byDate = new Map<string, UnitValue[]>();
        for (const value of values) byDate.set(value.date, [...(byDate.get(value.date) ?? []), value]);
        const dates = [...byDate.keys()].sort();
        for (let index = 1; index < dates.length; index++) {
          const [before, after] = [dates[index - 1]!, dates[index]!];
          // A flow's running total starts again each year.
          if (values[0]!.type === 'running' && before.slice(0, 4) !== after.slice(0, 4)) continue;
          const earlier = preferOwn(byDate.get(before)!);
          const later = preferOwn(byDate.get(after)!);
          // Every value either report states for that day counts: only a fall whatever copy is right is said.
          const earlierValue = Math.min(...earlier.flatMap((value) => [value.value, ...value.alternatives]));
          const laterValue = Math.max(...later.flatMap((value) => [value.value, ...value.alternatives]));
          if (laterValue >= earlierValue) continue;
          const first = values[0]!;
          const earlierFiles = uniqueFiles(byDate.get(before)!.filter((value) => value.value === earlierValue).map((value) => value.file));
          const laterFiles = uniqueFiles(byDate.get(after)!.filter((value) => value.value === laterValue).map((value) => value.file));
          const shown = later.find((value) => value.value === laterValue) ?? later[0]!;
          report({
            messageId: 'decrease',
            data: {
              metric: metricLabel(first.metric),
              unit: view.unitLabel(unit.key),
              earlier: earlierValue,
              later: laterValue,
              earlierDate: dayLabel(before),
              laterDate: dayLabel(after),
              earlierFiles: fileList(earlierFiles),
              laterFiles: fileList(laterFiles),
            },
            values: [earlierValue, laterValue],
            file: shown.file,
            involved: [
              ...byDate.get(before)!.filter((value) => value.value === earlierValue).map((value) => ({ file: value.file, figure: value.figure })),
              ...byDate.get(after)!.filter((value) => value.value === laterValue).map((value) => ({ file: value.file, figure: value.figure })),
            ],
            unit: view.unitLabel(unit.key),
            period: `${before}/${after}`,
            metric: first.metric,
          });
        }
      }
    }
  },
  tests: {
    valid: [
      {
        name: 'running totals that grow, and a month\'s own count that falls after Tết',
        reports: [
          { file: 'an-hoa-01.txt', text: commune('An Hòa', 1, 'Trong tháng, xã tiếp nhận 320 hồ sơ. Lũy kế đến ngày 31/01/2025, toàn xã đã cấp 8.028 thẻ Căn cước.') },
          { file: 'an-hoa-02.txt', text: commune('An Hòa', 2, 'Trong tháng, xã tiếp nhận 210 hồ sơ. Lũy kế đến ngày 28/02/2025, toàn xã đã cấp 8.124 thẻ Căn cước.') },
        ],
      },
      {
        name: 'two units: one unit\'s total is not another\'s earlier one',
        reports: [
          { file: 'an-hoa-01.txt', text: commune('An Hòa', 1, 'Lũy kế đến ngày 31/01/2025, toàn xã đã cấp 8.028 thẻ Căn cước.') },
          { file: 'binh-minh-02.txt', text: commune('Bình Minh', 2, 'Lũy kế đến ngày 28/02/2025, toàn xã đã cấp 6.236 thẻ Căn cước.') },
        ],
      },
    ],
    invalid: [
      {
        name: 'accounts activated fall from February to March (digits swapped: 4.521 written 4.251)',
        reports: [
          { file: 'hong-phong-02.txt', text: commune('Hồng Phong', 2, 'Lũy kế đến ngày 28/02/2025, toàn xã có 4.433 tài khoản định danh điện tử mức 2 đã kích hoạt.') },
          { file: 'hong-phong-03.txt', text: commune('Hồng Phong', 3, 'Lũy kế đến ngày 31/3/2025, toàn xã có 4.251 tài khoản định danh điện tử mức 2 đã kích hoạt.') },
        ],
        errors: [{ messageId: 'decrease', values: [4433, 4251], files: ['hong-phong-02.txt', 'hong-phong-03.txt'] }],
      },
      {
        name: 'a fall across a missing month',
        reports: [
          { file: 'an-hoa-01.txt', text: commune('An Hòa', 1, 'Lũy kế đến ngày 31/01/2025, toàn xã đã cấp 8.028 thẻ Căn cước.') },
          { file: 'an-hoa-03.txt', text: commune('An Hòa', 3, 'Lũy kế đến ngày 31/3/2025, toàn xã đã cấp 8.002 thẻ Căn cước.') },
        ],
        errors: [{ messageId: 'decrease', values: [8028, 8002] }],
      },
    ],
  },
});

