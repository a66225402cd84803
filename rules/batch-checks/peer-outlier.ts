import { defineBatchCheck } from '../../src/province/rule.ts';
import { median, round1, uniqueFiles } from '../../src/province/compare.ts';
import { fileList } from '../../src/province/engine.ts';
import { vietnamese } from '../../src/check/engine.ts';
import { periodLabel, within } from '../../src/province/periods.ts';
import { tierOf } from '../../src/province/units.ts';
import type { RateValue } from '../../src/province/view.ts';
import { commune } from './examples.ts';

/** Below this many peers a median says little. */
const MIN_PEERS = 5;
/** Iglewicz and Hoaglin's cut-off for the modified z-score. */
const Z_LIMIT = 3.5;

/**
 * A unit's rate (rules/measures.ts RATES: online share of dossiers, on-time share, level-2 accounts and cards per
 * inhabitant) far from its peers' — the other units of its tier (communes with communes) for the same period: a
 * modified z-score (0,6745 × distance from the median / median absolute deviation) over 3,5 and at least the rate's
 * `minGap` percentage points from the peers' median. Rates are computed from the counts the reports state (a
 * percentage a report got wrong is `ratio-mismatch`'s, not an outlier). A unit already far off in a month is not
 * reported again for the quarter or year that holds that month: the same anomaly, carried into the longer period.
 */
export default defineBatchCheck({
  meta: {
    id: 'peer-outlier',
    description: 'Tỷ lệ của một đơn vị khác xa các đơn vị cùng cấp trong cùng kỳ (điểm z theo trung vị).',
    defaultSeverity: 'info',
    messages: {
      outlier:
        '{{rate}} của {{unit}} {{period}} là {{value}}% ({{numerator}}/{{denominator}}), khác xa {{peers}} đơn vị cùng cấp (trung vị {{median}}%, từ {{low}}% đến {{high}}%): cần xem lại số liệu ({{files}}).',
    },
  },
  check({ view, report }) {
    const groups = new Map<string, RateValue[]>();
    for (const rate of view.rates()) {
      const tier = tierOf(view.unitInfo(rate.unit)?.level);
      if (!tier) continue;
      const key = `${rate.rate.id}\u0000${rate.period.key}\u0000${tier}`;
      groups.set(key, [...(groups.get(key) ?? []), rate]);
    }
    const flagged: RateValue[] = [];
    // Shorter periods first, so that a month's anomaly is found before the quarter that carries it.
    const ordered = [...groups.values()].sort((a, b) => length(a[0]!) - length(b[0]!));
    for (const group of ordered) {
      if (group.length < MIN_PEERS + 1) continue;
      const all = group.map((rate) => rate.value);
      const center = median(all);
      const mad = median(all.map((value) => Math.abs(value - center)));
      const spread = mad > 0 ? mad / 0.6745 : (all.reduce((sum, value) => sum + Math.abs(value - center), 0) / all.length) * 1.2533;
      if (spread === 0) continue;
      for (const candidate of group) {
        const peers = group.filter((other) => other !== candidate).map((other) => other.value);
        const peersMedian = median(peers);
        const z = (candidate.value - center) / spread;
        if (Math.abs(z) <= Z_LIMIT || Math.abs(candidate.value - peersMedian) < candidate.rate.minGap) continue;
        if (flagged.some((earlier) => earlier.unit === candidate.unit && earlier.rate.id === candidate.rate.id && earlier.period.key !== candidate.period.key && within(earlier.period, candidate.period))) continue;
        flagged.push(candidate);
        const files = uniqueFiles([candidate.numerator.file, candidate.denominator.file, ...view.filesStating(candidate.unit, candidate.numerator.metric, candidate.numerator.type, candidate.period.key, candidate.numerator.value)]);
        report({
          messageId: 'outlier',
          data: {
            rate: candidate.rate.label,
            unit: view.unitLabel(candidate.unit),
            period: periodLabel(candidate.period.key),
            value: vietnamese(round1(candidate.value)),
            numerator: candidate.numerator.value,
            denominator: candidate.denominator.value,
            peers: peers.length,
            median: vietnamese(round1(peersMedian)),
            low: vietnamese(round1(Math.min(...peers))),
            high: vietnamese(round1(Math.max(...peers))),
            files: fileList(files),
          },
          values: [round1(candidate.value), round1(peersMedian)],
          file: candidate.numerator.file,
          involved: [
            { file: candidate.numerator.file, figure: candidate.numerator.figure },
            { file: candidate.denominator.file, figure: candidate.denominator.figure },
            ...files.map((file) => ({ file })),
          ],
          discriminator: candidate.rate.id,
          unit: view.unitLabel(candidate.unit),
          period: candidate.period.key,
          metric: candidate.rate.numerator,
        });
      }
    }
  },
  tests: {
    valid: [
      {
        name: 'a spread of a few points is no outlier',
        reports: ['An Hòa:120:106', 'Bình Minh:140:121', 'Cát Tiên:100:88', 'Đông Sơn:90:81', 'Gia Hòa:150:129', 'Hà Lâm:80:66'].map(onlineReport),
      },
    ],
    invalid: [
      {
        name: 'one commune at 14,3 % online against 88–90 %',
        reports: ['An Hòa:352:317', 'Bình Minh:198:176', 'Cát Tiên:126:111', 'Đông Sơn:183:163', 'Gia Hòa:91:13', 'Hà Lâm:157:142', 'Kim Sơn:241:215'].map(onlineReport),
        errors: [{ messageId: 'outlier', values: [14.3, 89.1], files: ['gia-hoa.txt'] }],
      },
    ],
  },
});

function length(rate: RateValue): number {
  return rate.period.months ? rate.period.months[1] - rate.period.months[0] : 0;
}

/** "Gia Hòa:91:13" → a February report of xã Gia Hòa: 91 dossiers received, 13 of them online. */
function onlineReport(spec: string): { file: string; text: string } {
  const [name, received, online] = spec.split(':') as [string, string, string];
  const file = `${name.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/đ/giu, 'd').toLowerCase().replace(/\s+/gu, '-')}.txt`;
  return { file, text: commune(name, 2, `Trong tháng, xã tiếp nhận ${received} hồ sơ, trong đó trực tuyến ${online} hồ sơ.`) };
}
