import { defineBatchCheck } from '../../src/province/rule.ts';
import { fileList } from '../../src/province/engine.ts';
import { vietnamese } from '../../src/check/engine.ts';
import { periodLabel } from '../../src/province/periods.ts';
import type { UnitValue } from '../../src/province/view.ts';
import { commune, district } from './examples.ts';

/**
 * The same unit's report for the same period in two or more files: a resend under another name, or the same file
 * twice. Reports and roll-ups count as one kind (a district's monthly report is its roll-up); a plan or a công văn for
 * the same period is another document. The values are the figures that differ between the copies — for each, every
 * copy's value in batch order — and none when the copies agree.
 */
export default defineBatchCheck({
  meta: {
    id: 'duplicate-report',
    description: 'Cùng một đơn vị và cùng một kỳ báo cáo có ở hai tệp trở lên (gửi lại, gửi trùng).',
    defaultSeverity: 'warning',
    messages: {
      same: '{{unit}} có {{count}} báo cáo {{period}}: {{files}}, số liệu giống nhau — có thể là gửi trùng; chỉ nên giữ một bản.',
      differ: '{{unit}} có {{count}} báo cáo {{period}}: {{files}}, khác nhau ở {{differences}} — cần xác định bản nào đúng (thường là bản gửi sau).',
    },
  },
  check({ view, metricLabel, report }) {
    const groups = new Map<string, typeof view.identities>();
    for (const identity of view.identities) {
      const type = identity.report.metadata.docType;
      if (!identity.unit || !identity.period || !(type === undefined || type === 'report' || type === 'rollup' || type === 'statistics')) continue;
      const key = `${identity.unit}\u0000${identity.period.key}`;
      groups.set(key, [...(groups.get(key) ?? []), identity]);
    }
    for (const copies of groups.values()) {
      if (copies.length < 2) continue;
      const { unit, period } = copies[0]! as Required<(typeof copies)[number]>;
      const files = copies.map((copy) => copy.report.file);
      const series = new Map<string, Map<string, UnitValue>>();
      for (const value of view.valuesOf(unit)) {
        if (!value.own || value.period.key !== period.key || !files.includes(value.file)) continue;
        const key = `${value.metric}\u0000${value.type}`;
        const byFile = series.get(key) ?? new Map<string, UnitValue>();
        if (!byFile.has(value.file)) byFile.set(value.file, value);
        series.set(key, byFile);
      }
      const differing = [...series.values()].filter((byFile) => byFile.size === files.length && new Set([...byFile.values()].map((value) => value.value)).size > 1);
      const values = differing.flatMap((byFile) => files.map((file) => byFile.get(file)!.value));
      const differences = differing.map((byFile) => {
        const first = [...byFile.values()][0]!;
        return `${metricLabel(first.metric)}: ${files.map((file) => `${vietnamese(byFile.get(file)!.value)} (${file})`).join(', ')}`;
      });
      report({
        messageId: differing.length > 0 ? 'differ' : 'same',
        data: { unit: view.unitLabel(unit), count: files.length, period: periodLabel(period.key), files: fileList(files), differences: differences.join('; ') },
        values,
        file: files[0]!,
        involved: differing.length > 0 ? differing.flatMap((byFile) => files.map((file) => ({ file, figure: byFile.get(file)!.figure }))) : files.map((file) => ({ file })),
        unit: view.unitLabel(unit),
        period: period.key,
      });
    }
  },
  tests: {
    valid: [
      {
        name: 'a month and the quarter that repeats its running totals are different periods',
        reports: [
          { file: 'thang-3.txt', text: district('Minh Lâm', 3, 'Lũy kế đến ngày 31/3/2025, toàn huyện đã cấp 65.359 thẻ Căn cước.') },
          { file: 'quy-1.txt', text: district('Minh Lâm', 'quý I', 'Lũy kế đến ngày 31/3/2025, toàn huyện đã cấp 65.359 thẻ Căn cước.') },
        ],
      },
      {
        name: 'two communes, one month',
        reports: [
          { file: 'an-hoa-02.txt', text: commune('An Hòa', 2, 'Trong tháng, xã tiếp nhận 176 hồ sơ.') },
          { file: 'binh-minh-02.txt', text: commune('Bình Minh', 2, 'Trong tháng, xã tiếp nhận 176 hồ sơ.') },
        ],
      },
    ],
    invalid: [
      {
        name: 'a resend that corrects the late dossiers',
        reports: [
          { file: 'duc-trach-02.txt', text: commune('Đức Trạch', 2, 'Trong tháng, xã tiếp nhận 183 hồ sơ, trễ hạn 03 hồ sơ.') },
          { file: 'duc-trach-02-gui-lai.txt', text: commune('Đức Trạch', 2, 'Trong tháng, xã tiếp nhận 183 hồ sơ, trễ hạn 02 hồ sơ.') },
        ],
        errors: [{ messageId: 'differ', values: [3, 2], files: ['duc-trach-02.txt', 'duc-trach-02-gui-lai.txt'] }],
      },
      {
        name: 'the same report twice',
        reports: [
          { file: 'an-hoa-02.txt', text: commune('An Hòa', 2, 'Trong tháng, xã tiếp nhận 176 hồ sơ.') },
          { file: 'ban-sao/an-hoa-02.txt', text: commune('An Hòa', 2, 'Trong tháng, xã tiếp nhận 176 hồ sơ.') },
        ],
        errors: [{ messageId: 'same', values: [] }],
      },
    ],
  },
});
