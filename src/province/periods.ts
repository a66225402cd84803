/**
 * Periods as the batch compares them. A report's period (docs/contract.md, "Report identity") is read into the
 * months it covers — `2025-08` one month, `2025-Q3` three, `2025-H1` six, `2025` twelve, `2025-01/2025-09` nine —
 * so that a quarter can be found to be the sum of its months and a running total ordered by the day it counts to.
 * A range of days that is not whole months keeps its days and is compared with nothing but itself.
 */
export interface PeriodSpan {
  /** The period as the outputs write it. */
  key: string;
  /** First and last day, ISO. */
  start: string;
  end: string;
  /** Months from January of year 0 (year × 12 + month − 1), first and last; absent for a range of days that is not whole months. */
  months?: [number, number];
}

const MONTH = /^(\d{4})-(\d{2})$/u;
const QUARTER = /^(\d{4})-Q([1-4])$/u;
const HALF = /^(\d{4})-H([12])$/u;
const YEAR = /^(\d{4})$/u;
const PHASE = /^(\d{4})[/-](\d{4})$/u;
const MONTH_RANGE = /^(\d{4})-(\d{2})\/(\d{4})-(\d{2})$/u;
const DAY_RANGE = /^(\d{4})-(\d{2})-(\d{2})\/(\d{4})-(\d{2})-(\d{2})$/u;

export function monthIndex(year: number, month: number): number {
  return year * 12 + month - 1;
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function spanOfMonths(key: string, first: number, last: number): PeriodSpan {
  const [startYear, startMonth] = [Math.floor(first / 12), (first % 12) + 1];
  const [endYear, endMonth] = [Math.floor(last / 12), (last % 12) + 1];
  return { key, start: iso(startYear, startMonth, 1), end: iso(endYear, endMonth, lastDay(endYear, endMonth)), months: [first, last] };
}

/** The span of a period written as the contract writes it; undefined for anything else. */
export function parsePeriod(key: string | undefined): PeriodSpan | undefined {
  if (!key) return undefined;
  let match: RegExpExecArray | null;
  if ((match = MONTH.exec(key))) {
    const month = monthIndex(Number(match[1]), Number(match[2]));
    return Number(match[2]) >= 1 && Number(match[2]) <= 12 ? spanOfMonths(key, month, month) : undefined;
  }
  if ((match = QUARTER.exec(key))) {
    const first = monthIndex(Number(match[1]), (Number(match[2]) - 1) * 3 + 1);
    return spanOfMonths(key, first, first + 2);
  }
  if ((match = HALF.exec(key))) {
    const first = monthIndex(Number(match[1]), match[2] === '1' ? 1 : 7);
    return spanOfMonths(key, first, first + 5);
  }
  if ((match = YEAR.exec(key))) return spanOfMonths(key, monthIndex(Number(match[1]), 1), monthIndex(Number(match[1]), 12));
  if ((match = PHASE.exec(key))) {
    const [from, to] = [Number(match[1]), Number(match[2])];
    return to >= from ? spanOfMonths(key, monthIndex(from, 1), monthIndex(to, 12)) : undefined;
  }
  if ((match = MONTH_RANGE.exec(key))) {
    const first = monthIndex(Number(match[1]), Number(match[2]));
    const last = monthIndex(Number(match[3]), Number(match[4]));
    return last >= first ? spanOfMonths(key, first, last) : undefined;
  }
  if ((match = DAY_RANGE.exec(key))) {
    const [y1, m1, d1, y2, m2, d2] = match.slice(1).map(Number) as [number, number, number, number, number, number];
    const start = iso(y1, m1, d1);
    const end = iso(y2, m2, d2);
    if (end < start) return undefined;
    // Whole months (1 January to the end of May) are months, and compare with monthly reports.
    if (d1 === 1 && d2 === lastDay(y2, m2)) return { ...spanOfMonths(key, monthIndex(y1, m1), monthIndex(y2, m2)), key };
    return { key, start, end };
  }
  return undefined;
}

/** The key of one month: 2025 × 12 + 7 → `2025-08`. */
export function monthKey(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The key a span of whole months is written with: a month, a quarter, a half, a year, else `YYYY-MM/YYYY-MM`. */
export function keyOfMonths(first: number, last: number): string {
  const year = Math.floor(first / 12);
  const startMonth = (first % 12) + 1;
  const length = last - first + 1;
  if (length === 1) return monthKey(first);
  if (Math.floor(last / 12) === year) {
    if (length === 3 && startMonth % 3 === 1) return `${year}-Q${(startMonth + 2) / 3}`;
    if (length === 6 && (startMonth === 1 || startMonth === 7)) return `${year}-H${startMonth === 1 ? 1 : 2}`;
    if (length === 12) return String(year);
  }
  return `${monthKey(first)}/${monthKey(last)}`;
}

/**
 * Ways to cut a span of several months into shorter periods that tile it exactly, finest first: its months, then
 * its quarters, then its halves. A quarter is its three months; a year its months, its quarters or its halves.
 */
export function tilings(span: PeriodSpan): string[][] {
  if (!span.months) return [];
  const [first, last] = span.months;
  const length = last - first + 1;
  if (length < 2) return [];
  const result: string[][] = [];
  const cut = (size: number) => {
    const parts: string[] = [];
    for (let at = first; at <= last; at += size) {
      if (at + size - 1 > last) return;
      const key = keyOfMonths(at, at + size - 1);
      if (size > 1 && key.includes('/')) return; // only calendar quarters and halves
      parts.push(key);
    }
    if (parts.length > 1) result.push(parts);
  };
  cut(1);
  if (length > 3) cut(3);
  if (length > 6) cut(6);
  return result;
}

/** Whether `inner` lies within `outer` (whole months, or days). */
export function within(inner: PeriodSpan, outer: PeriodSpan): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** How Vietnamese documents name a period: `2025-08` → "tháng 8/2025", `2025-Q1` → "quý I/2025". */
export function periodLabel(key: string | undefined): string {
  if (!key) return 'kỳ không rõ';
  let match: RegExpExecArray | null;
  if ((match = MONTH.exec(key))) return `tháng ${Number(match[2])}/${match[1]}`;
  if ((match = QUARTER.exec(key))) return `quý ${ROMAN[Number(match[2]) - 1]}/${match[1]}`;
  if ((match = HALF.exec(key))) return `6 tháng ${match[2] === '1' ? 'đầu' : 'cuối'} năm ${match[1]}`;
  if ((match = YEAR.exec(key))) return `năm ${match[1]}`;
  if ((match = PHASE.exec(key))) return `giai đoạn ${match[1]}–${match[2]}`;
  if ((match = MONTH_RANGE.exec(key))) {
    if (match[1] === match[3] && match[2] === '01') return `${Number(match[4])} tháng năm ${match[1]}`;
    return `từ tháng ${Number(match[2])}/${match[1]} đến tháng ${Number(match[4])}/${match[3]}`;
  }
  if ((match = DAY_RANGE.exec(key))) return `từ ${match[3]}/${match[2]}/${match[1]} đến ${match[6]}/${match[5]}/${match[4]}`;
  return key;
}

/** "2025-02-28" → "28/02/2025". */
export function dayLabel(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(isoDate);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDate;
}
