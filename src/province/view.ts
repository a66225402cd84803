/**
 * The province view: every report of a batch reduced to who says what about which unit for which period. Built once
 * per batch from the per-file results (src/province/heads.ts), after every file is read; the checks across reports
 * (rules/batch-checks/) and rollup.csv read it, never the files.
 */
import { RATES, type RateDefinition } from '../../rules/measures.ts';
import { headsOf, type BatchReport, type Head, type SeriesType } from './heads.ts';
import { parsePeriod, type PeriodSpan } from './periods.ts';
import { tierOf, unitOfMetadata, unitOfSubject, UnitRegistry, type UnitInfo } from './units.ts';

/** A head with its unit resolved: `own` when the unit issued the report, else a roll-up's row for it. */
export interface UnitValue extends Head {
  unit: string;
  own: boolean;
}

export interface ReportIdentity {
  report: BatchReport;
  unit?: string;
  period?: PeriodSpan;
}

/** A rate of one unit for one period (rules/measures.ts RATES), from one report's values. */
export interface RateValue {
  rate: RateDefinition;
  unit: string;
  period: PeriodSpan;
  /** Percent, unrounded. */
  value: number;
  numerator: UnitValue;
  denominator: UnitValue;
}

export class ProvinceView {
  readonly units = new UnitRegistry();
  readonly identities: ReportIdentity[];
  readonly values: UnitValue[] = [];
  /** For each report that names units in its rows: those units in the order it first names them. */
  readonly namedUnits = new Map<string, string[]>();
  private readonly byUnit = new Map<string, UnitValue[]>();

  constructor(readonly reports: readonly BatchReport[]) {
    for (const report of reports) {
      const ref = unitOfMetadata(report.metadata);
      if (ref) this.units.learn(ref);
    }
    this.identities = reports.map((report) => {
      const ref = unitOfMetadata(report.metadata);
      const period = parsePeriod(report.metadata.period);
      return { report, ...(ref ? { unit: this.units.resolve(ref) } : {}), ...(period ? { period } : {}) };
    });
    for (const identity of this.identities) {
      if (!identity.unit || !identity.period) continue;
      const named: string[] = [];
      const issuer = this.units.info(identity.unit);
      for (const head of headsOf(identity.report)) {
        let unit: string = identity.unit;
        if (head.subject !== undefined) {
          const ref = unitOfSubject(head.subject);
          if (!ref) continue;
          // A bare name ("Khác", "Hồng Phong") is a unit when the batch knows it, or in a roll-up's table of units.
          if (!ref.level && !this.units.knows(ref.name) && identity.report.metadata.docType !== 'rollup') continue;
          // A row names a unit below the issuer; a bare name in a district's table is one of its communes.
          unit = this.units.resolve({ ...ref, ...(issuer?.name && tierOf(issuer.level) === 'district' ? { district: issuer.name } : {}) });
          if (unit !== identity.unit && !named.includes(unit)) named.push(unit);
        }
        const value: UnitValue = { ...head, unit, own: unit === identity.unit };
        this.values.push(value);
        const list = this.byUnit.get(unit) ?? [];
        list.push(value);
        this.byUnit.set(unit, list);
      }
      if (named.length > 0) this.namedUnits.set(identity.report.file, named);
    }
  }

  unitInfo(key: string): UnitInfo | undefined {
    return this.units.info(key);
  }

  unitLabel(key: string): string {
    return this.units.label(key);
  }

  /** Every value stated for a unit, in batch order. */
  valuesOf(unit: string): readonly UnitValue[] {
    return this.byUnit.get(unit) ?? [];
  }

  /** The values of one unit, metric and series, for one period (by key), in batch order. */
  valuesFor(unit: string, metric: string, type: SeriesType, periodKey: string): UnitValue[] {
    return this.valuesOf(unit).filter((value) => value.metric === metric && value.type === type && value.period.key === periodKey);
  }

  /** Reports the unit issued itself for a period (by key), in batch order. */
  ownReports(unit: string, periodKey: string): ReportIdentity[] {
    return this.identities.filter((identity) => identity.unit === unit && identity.period?.key === periodKey);
  }

  /** Every file that states `value` for the unit, metric and series at that period (or, for a running total, that day). */
  filesStating(unit: string, metric: string, type: SeriesType, periodKey: string, value: number, date?: string): string[] {
    return this.valuesOf(unit)
      .filter((candidate) => candidate.metric === metric && candidate.type === type && candidate.value === value && (date !== undefined && type === 'level' ? candidate.date === date : candidate.period.key === periodKey))
      .map((candidate) => candidate.file);
  }

  /** Each rate of each unit and period from the values one report states for it (its own report first). */
  rates(): RateValue[] {
    const result: RateValue[] = [];
    const groups = new Map<string, UnitValue[]>();
    for (const value of this.values) {
      const key = `${value.file}\u0000${value.unit}\u0000${value.period.key}`;
      const list = groups.get(key) ?? [];
      list.push(value);
      groups.set(key, list);
    }
    const seen = new Set<string>();
    // Own reports first, so that a unit's rate comes from what it says itself when it has a report.
    const ordered = [...groups.values()].sort((a, b) => Number(b[0]!.own) - Number(a[0]!.own) || a[0]!.reportIndex - b[0]!.reportIndex);
    for (const values of ordered) {
      const { unit, period } = values[0]!;
      for (const rate of RATES) {
        const key = `${rate.id}\u0000${unit}\u0000${period.key}`;
        if (seen.has(key)) continue;
        const numerator = pick(values, rate.numerator);
        const denominator = pick(values, rate.denominator);
        if (!numerator || !denominator) continue;
        // A share above 100 % is a part read above its whole — the file's own finding (part-exceeds-whole), no rate.
        // A report that states two values of one standing (a table read two ways, a restatement that differs) gives no rate.
        if (numerator.alternatives.length > 0 || denominator.alternatives.length > 0) continue;
        if (!numerator || !denominator || denominator.value <= 0 || numerator.value > denominator.value) continue;
        seen.add(key);
        result.push({ rate, unit, period, value: (numerator.value / denominator.value) * 100, numerator, denominator });
      }
    }
    return result;
  }
}

/** The column's series of a metric (rules/measures.ts): a flow's count of the period, else its level. */
function pick(values: readonly UnitValue[], metric: string): UnitValue | undefined {
  const candidates = values.filter((value) => value.metric === metric);
  return candidates.find((value) => (value.kind === 'flow' ? value.type === 'period' : value.type === 'level'));
}
