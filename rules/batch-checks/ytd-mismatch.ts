import { defineBatchCheck } from '../../src/province/rule.ts';
import { distinctValues, preferOwn, someSumEquals, uniqueFiles } from '../../src/province/compare.ts';
import { fileList } from '../../src/province/engine.ts';
import { vietnamese } from '../../src/check/engine.ts';
import { periodLabel, tilings } from '../../src/province/periods.ts';
import type { UnitValue } from '../../src/province/view.ts';
import { commune, district } from './examples.ts';

/**
 * A count of several months — a quarter, a half year, a year, "9 tháng" — that is not the sum of the same unit's
 * counts of each month (or quarter) in it, when the batch has every one of them. Counts of a period only (flows, and
 * what was done in the period of a stock: "trả 2.077 thẻ trong quý"), never running totals. The several-months value
 * may be the unit's own report or a roll-up's row for it; the parts are the unit's own reports, or roll-up rows where
 * it has none. A unit that sent one month twice with different values is compared with either copy: the difference
 * belongs to `duplicate-report`.
 */
export default defineBatchCheck({
  meta: {
    id: 'ytd-mismatch',
    description: 'Số liệu lũy kế nhiều tháng (quý, 6 tháng, năm, từ đầu năm) của một đơn vị khác tổng số liệu từng tháng của chính đơn vị đó.',
    defaultSeverity: 'error',
    messages: {
      mismatch:
        '{{metric}} của {{unit}} {{period}} là {{stated}} ({{statedFiles}}), nhưng cộng {{parts}} ({{partFiles}}) được {{sum}}: chênh {{difference}}.',
    },
  },
  check({ view, metricLabel, report }) {
    for (const unit of view.units.all()) {
      const groups = new Map<string, UnitValue[]>();
      for (const value of view.valuesOf(unit.key)) {
        if (value.type !== 'period' || !value.period.months || value.period.months[1] === value.period.months[0]) continue;
        const key = `${value.metric}\u0000${value.period.key}`;
        groups.set(key, [...(groups.get(key) ?? []), value]);
      }
      for (const stated of groups.values()) {
        const { metric, period } = stated[0]!;
        for (const tiling of tilings(period)) {
          const parts = tiling.map((key) => preferOwn(view.valuesFor(unit.key, metric, 'period', key)));
          if (parts.some((values) => values.length === 0)) continue;
          const options = parts.map(distinctValues);
          for (const value of distinctValues(stated)) {
            if (someSumEquals(options, value)) continue;
            const chosen = parts.map((values) => values[0]!);
            const sum = chosen.reduce((total, part) => total + part.value, 0);
            const statedBy = stated.filter((candidate) => candidate.value === value || candidate.alternatives.includes(value));
            const shown = statedBy.find((candidate) => candidate.own) ?? statedBy[0]!;
            const partFiles = uniqueFiles(tiling.flatMap((key, at) => view.filesStating(unit.key, metric, 'period', key, chosen[at]!.value)));
            report({
              messageId: 'mismatch',
              data: {
                metric: metricLabel(metric),
                unit: view.unitLabel(unit.key),
                period: periodLabel(period.key),
                stated: value,
                statedFiles: fileList(uniqueFiles(statedBy.map((candidate) => candidate.file))),
                parts: chosen.map((part, at) => `${periodLabel(tiling[at])} ${vietnamese(part.value)}`).join(' + '),
                partFiles: fileList(partFiles),
                sum,
                difference: Math.abs(value - sum),
              },
              values: [value, ...chosen.map((part) => part.value)],
              expected: sum,
              file: shown.file,
              involved: [
                ...statedBy.map((candidate) => ({ file: candidate.file, figure: candidate.figure })),
                ...tiling.flatMap((key, at) =>
                  view.valuesFor(unit.key, metric, 'period', key).filter((candidate) => candidate.value === chosen[at]!.value).map((candidate) => ({ file: candidate.file, figure: candidate.figure })),
                ),
              ],
              unit: view.unitLabel(unit.key),
              period: period.key,
              metric,
            });
          }
          break;
        }
      }
    }
  },
  tests: {
    valid: [
      {
        name: 'a quarter that is its three months',
        reports: [
          { file: 'q1.txt', text: district('Minh Lâm', 'quý I', 'Trong quý, toàn huyện tiếp nhận 5.619 hồ sơ.') },
          { file: 'thang-1.txt', text: district('Minh Lâm', 1, 'Trong tháng, toàn huyện tiếp nhận 1.952 hồ sơ.') },
          { file: 'thang-2.txt', text: district('Minh Lâm', 2, 'Trong tháng, toàn huyện tiếp nhận 1.513 hồ sơ.') },
          { file: 'thang-3.txt', text: district('Minh Lâm', 3, 'Trong tháng, toàn huyện tiếp nhận 2.154 hồ sơ.') },
        ],
      },
      {
        name: 'a month missing from the batch: nothing to compare',
        reports: [
          { file: 'q1.txt', text: district('Minh Lâm', 'quý I', 'Trong quý, toàn huyện tiếp nhận 9.000 hồ sơ.') },
          { file: 'thang-1.txt', text: district('Minh Lâm', 1, 'Trong tháng, toàn huyện tiếp nhận 1.952 hồ sơ.') },
          { file: 'thang-2.txt', text: district('Minh Lâm', 2, 'Trong tháng, toàn huyện tiếp nhận 1.513 hồ sơ.') },
        ],
      },
      {
        name: 'a month sent twice: the quarter matches one copy',
        reports: [
          { file: 'q1.txt', text: commune('Đức Trạch', 'quý I', 'Trong quý, xã tiếp nhận 500 hồ sơ.') },
          { file: 'thang-1.txt', text: commune('Đức Trạch', 1, 'Trong tháng, xã tiếp nhận 150 hồ sơ.') },
          { file: 'thang-2.txt', text: commune('Đức Trạch', 2, 'Trong tháng, xã tiếp nhận 170 hồ sơ.') },
          { file: 'thang-2-gui-lai.txt', text: commune('Đức Trạch', 2, 'Trong tháng, xã tiếp nhận 160 hồ sơ.') },
          { file: 'thang-3.txt', text: commune('Đức Trạch', 3, 'Trong tháng, xã tiếp nhận 190 hồ sơ.') },
        ],
      },
    ],
    invalid: [
      {
        name: 'the quarter\'s applications swap two digits of the months\' sum (2.416 for 2.461)',
        reports: [
          { file: 'q1.txt', text: district('Minh Lâm', 'quý I', 'Trong quý, toàn huyện thu nhận 2.416 hồ sơ cấp Căn cước.') },
          { file: 'thang-1.txt', text: district('Minh Lâm', 1, 'Trong tháng, toàn huyện thu nhận 865 hồ sơ cấp Căn cước.') },
          { file: 'thang-2.txt', text: district('Minh Lâm', 2, 'Trong tháng, toàn huyện thu nhận 502 hồ sơ cấp Căn cước.') },
          { file: 'thang-3.txt', text: district('Minh Lâm', 3, 'Trong tháng, toàn huyện thu nhận 1.094 hồ sơ cấp Căn cước.') },
        ],
        errors: [{ messageId: 'mismatch', values: [2416, 865, 502, 1094], files: ['q1.txt', 'thang-1.txt', 'thang-2.txt', 'thang-3.txt'] }],
      },
    ],
  },
});
