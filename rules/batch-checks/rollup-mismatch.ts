import { defineBatchCheck } from '../../src/province/rule.ts';
import { distinctValues, equal, someSumEquals, uniqueFiles } from '../../src/province/compare.ts';
import { fileList } from '../../src/province/engine.ts';
import { vietnamese } from '../../src/check/engine.ts';
import { periodLabel } from '../../src/province/periods.ts';
import type { UnitValue } from '../../src/province/view.ts';
import { commune, district } from './examples.ts';

/**
 * A district's (or province's) report that gives its units' figures — a table of communes, "trong đó xã A …, xã B …"
 * — checked against the units' own reports of the same period, when the batch has a report from every unit it names:
 *
 * - `row`: the value the roll-up gives a unit differs from the unit's own (values: the roll-up's, the unit's);
 * - `total`: the roll-up's own figure differs from the sum of its units' own figures (values: the roll-up's, then each
 *   unit's in the order the roll-up names them), for a figure the roll-up itself gives unit by unit (a district's own
 *   broadcasts are no sum of its communes'), and only when every unit it names sent its own report. A roll-up that
 *   adds up with its own rows can still be off when a row was copied wrong: both are said.
 *
 * Counts only (rates are compared by `peer-outlier`, and a rate written with another precision is no contradiction).
 * A unit that sent the period twice with different values is compared with either copy (`duplicate-report` says the rest).
 */
export default defineBatchCheck({
  meta: {
    id: 'rollup-mismatch',
    description: 'Số liệu báo cáo tổng hợp của huyện/tỉnh khác số liệu trong báo cáo của chính các đơn vị trực thuộc (từng dòng hoặc tổng).',
    defaultSeverity: 'error',
    messages: {
      row: '{{rollup}} ghi {{metric}} của {{unit}} {{period}} là {{stated}}, nhưng báo cáo của chính {{unit}} ({{ownFiles}}) ghi {{own}}: chênh {{difference}}.',
      total:
        '{{metric}} của {{issuer}} {{period}} là {{stated}} ({{rollup}}), nhưng cộng số liệu trong báo cáo của {{count}} đơn vị trực thuộc ({{parts}}) được {{sum}}: chênh {{difference}}.',
    },
  },
  check({ view, metricLabel, report }) {
    for (const identity of view.identities) {
      const named = view.namedUnits.get(identity.report.file);
      if (!identity.unit || !identity.period || !named) continue;
      const file = identity.report.file;
      const period = identity.period.key;
      const stated = view.values.filter((value) => value.file === file && value.period.key === period);

      // Each row against the unit's own report.
      for (const row of stated.filter((value) => !value.own)) {
        const own = view.valuesFor(row.unit, row.metric, row.type, period).filter((value) => value.own);
        if (own.length === 0 || distinctValues(own).some((value) => equal(value, row.value))) continue;
        const first = own[0]!;
        const ownFiles = uniqueFiles(own.filter((value) => value.value === first.value).map((value) => value.file));
        report({
          messageId: 'row',
          data: {
            rollup: file,
            metric: metricLabel(row.metric),
            unit: view.unitLabel(row.unit),
            period: periodLabel(period),
            stated: row.value,
            own: first.value,
            ownFiles: fileList(ownFiles),
            difference: Math.abs(row.value - first.value),
          },
          values: [row.value, first.value],
          expected: first.value,
          file,
          involved: [{ file, figure: row.figure }, ...own.filter((value) => value.value === first.value).map((value) => ({ file: value.file, figure: value.figure }))],
          discriminator: `${row.metric}:${row.type}`,
          unit: view.unitLabel(row.unit),
          period,
          metric: row.metric,
        });
      }

      // The roll-up's own figure against its units' own reports, when every unit it names sent one.
      if (named.length < 2) continue;
      for (const total of stated.filter((value) => value.own)) {
        // Only a figure the roll-up itself breaks down by unit is a sum of its units: a district's own broadcasts are not.
        const rows = new Set(stated.filter((value) => !value.own && value.metric === total.metric && value.type === total.type).map((value) => value.unit));
        if (rows.size < 2) continue;
        const parts = named.map((unit) => view.valuesFor(unit, total.metric, total.type, period).filter((value) => value.own));
        if (parts.some((values) => values.length === 0)) continue;
        const options = parts.map(distinctValues);
        if ([total.value, ...total.alternatives].some((value) => someSumEquals(options, value))) continue;
        const chosen = parts.map((values) => values[0]!);
        const sum = chosen.reduce((accumulated, part) => accumulated + part.value, 0);
        report({
          messageId: 'total',
          data: {
            metric: metricLabel(total.metric),
            issuer: view.unitLabel(identity.unit),
            period: periodLabel(period),
            stated: total.value,
            rollup: file,
            count: named.length,
            parts: chosen.map((part) => `${view.unitLabel(part.unit)} ${vietnamese(part.value)} — ${part.file}`).join('; '),
            sum,
            difference: Math.abs(total.value - sum),
          },
          values: [total.value, ...chosen.map((part) => part.value)],
          expected: sum,
          file,
          involved: [{ file, figure: total.figure }, ...chosen.map((part: UnitValue) => ({ file: part.file, figure: part.figure }))],
          discriminator: `${total.metric}:${total.type}`,
          unit: view.unitLabel(identity.unit),
          period,
          metric: total.metric,
        });
      }
    }
  },
  tests: {
    valid: [
      {
        name: 'the roll-up copies its communes and adds them up',
        reports: [
          { file: 'huyen-01.txt', text: district('Tân Lập', 1, 'Lũy kế đến ngày 31/01/2025, toàn huyện đã cấp 14.264 thẻ Căn cước, trong đó xã An Hòa 8.028 thẻ, xã Bình Minh 6.236 thẻ.') },
          { file: 'an-hoa-01.txt', text: commune('An Hòa', 1, 'Lũy kế đến ngày 31/01/2025, toàn xã đã cấp 8.028 thẻ Căn cước.') },
          { file: 'binh-minh-01.txt', text: commune('Bình Minh', 1, 'Lũy kế đến ngày 31/01/2025, toàn xã đã cấp 6.236 thẻ Căn cước.') },
        ],
      },
      {
        name: 'the district\'s own outreach is no sum of its communes\' (it gives no commune\'s)',
        reports: [
          { file: 'huyen-01.txt', text: district('Tân Lập', 1, 'Lũy kế đến ngày 31/01/2025, toàn huyện đã cấp 14.264 thẻ Căn cước, trong đó xã An Hòa 8.028 thẻ, xã Bình Minh 6.236 thẻ. Đài huyện phát 30 lượt tin về Đề án 06.') },
          { file: 'an-hoa-01.txt', text: commune('An Hòa', 1, 'Lũy kế đến ngày 31/01/2025, toàn xã đã cấp 8.028 thẻ Căn cước. Đài truyền thanh xã phát 24 lượt tin.') },
          { file: 'binh-minh-01.txt', text: commune('Bình Minh', 1, 'Lũy kế đến ngày 31/01/2025, toàn xã đã cấp 6.236 thẻ Căn cước. Đài truyền thanh xã phát 22 lượt tin.') },
        ],
      },
      {
        name: 'a commune it names is not in the batch: the total is not compared',
        reports: [
          { file: 'huyen-01.txt', text: district('Tân Lập', 1, 'Lũy kế đến ngày 31/01/2025, toàn huyện đã cấp 20.000 thẻ Căn cước, trong đó xã An Hòa 8.028 thẻ, xã Bình Minh 11.972 thẻ.') },
          { file: 'an-hoa-01.txt', text: commune('An Hòa', 1, 'Lũy kế đến ngày 31/01/2025, toàn xã đã cấp 8.028 thẻ Căn cước.') },
        ],
      },
    ],
    invalid: [
      {
        name: 'a row copied wrong (8.082 for 8.028): the row and the total both disagree with the communes',
        reports: [
          { file: 'huyen-01.txt', text: district('Tân Lập', 1, 'Lũy kế đến ngày 31/01/2025, toàn huyện đã cấp 14.318 thẻ Căn cước, trong đó xã An Hòa 8.082 thẻ, xã Bình Minh 6.236 thẻ.') },
          { file: 'an-hoa-01.txt', text: commune('An Hòa', 1, 'Lũy kế đến ngày 31/01/2025, toàn xã đã cấp 8.028 thẻ Căn cước.') },
          { file: 'binh-minh-01.txt', text: commune('Bình Minh', 1, 'Lũy kế đến ngày 31/01/2025, toàn xã đã cấp 6.236 thẻ Căn cước.') },
        ],
        errors: [
          { messageId: 'row', values: [8082, 8028], files: ['huyen-01.txt', 'an-hoa-01.txt'] },
          { messageId: 'total', values: [14318, 8028, 6236], files: ['huyen-01.txt', 'an-hoa-01.txt', 'binh-minh-01.txt'] },
        ],
      },
    ],
  },
});
