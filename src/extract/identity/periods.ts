import { PERIOD_MASKS, PERIOD_PHRASES, SHORTEST_BODY_PERIOD_DAYS, type PeriodContext } from '../../../rules/identity/periods.ts';

/** A period phrase found in a text: its value, where it is, and whether it is only a bare year. */
export interface PeriodMatch {
  value: string;
  phrase: string;
  start: number;
  end: number;
  rule: string;
  weak: boolean;
  /** A range of days shorter than SHORTEST_BODY_PERIOD_DAYS. */
  brief: boolean;
}

const PHRASES = PERIOD_PHRASES.map((phrase) => ({ ...phrase, regex: new RegExp(phrase.pattern, 'giu') }));
const MASKS = PERIOD_MASKS.map((mask) => new RegExp(mask.pattern, 'giu'));

/**
 * Every period phrase of the text in reading order (rules/identity/periods.ts), outside the stretches that name some
 * other document's period (the programme's title, a cited plan, a date). Where two begin at the same place, the
 * longer is kept ("6 tháng đầu năm 2025" over "năm 2025" inside it).
 */
export function periodPhrases(text: string, context: PeriodContext = {}): PeriodMatch[] {
  const masked: Array<[number, number]> = [];
  for (const mask of MASKS) for (const match of text.matchAll(mask)) masked.push([match.index!, match.index! + match[0].length]);
  const inside = (start: number, end: number) => masked.some(([from, to]) => start < to && end > from);
  const found: PeriodMatch[] = [];
  for (const phrase of PHRASES) {
    for (const match of text.matchAll(phrase.regex)) {
      const start = match.index!;
      const end = start + match[0].length;
      if (!phrase.ignoresMasks && inside(start, end)) continue;
      const value = valueInContext(phrase.value, match.slice(1), context);
      if (value) found.push({ value, phrase: match[0].trim(), start, end, rule: phrase.id, weak: phrase.weak ?? false, brief: isBrief(value) });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // Drop phrases inside an earlier, longer one.
  return found.filter((match, index) => !found.slice(0, index).some((other) => other.start <= match.start && other.end >= match.end && other !== match));
}

/**
 * The period a text states first; with `body`, the first that is neither a bare year (unless nothing more precise is
 * said) nor a range of days too short to be a report's (an event's dates).
 */
export function readPeriod(text: string, context: PeriodContext = {}, options: { body?: boolean } = {}): PeriodMatch | undefined {
  const phrases = periodPhrases(text, context).filter((phrase) => !(options.body && phrase.brief));
  if (options.body) return phrases.find((phrase) => !phrase.weak) ?? phrases[0];
  return phrases[0];
}

/**
 * A phrase that leaves its year out ("tháng 12", "quý IV") takes the document's year, or the year before when that
 * would put the period after the document was written (a January report on "tháng 12").
 */
function valueInContext(
  value: (groups: ReadonlyArray<string | undefined>, context: PeriodContext) => string | undefined,
  groups: ReadonlyArray<string | undefined>,
  context: PeriodContext,
): string | undefined {
  const result = value(groups, context);
  if (!result || context.year === undefined || context.date === undefined) return result;
  const previous = value(groups, { ...context, year: context.year - 1 });
  if (previous === result) return result;
  return startOf(result) > context.date ? previous : result;
}

function isBrief(value: string): boolean {
  const range = /^(\d{4})-(\d{2})-(\d{2})\/(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!range) return false;
  const [from, to] = [Date.UTC(+range[1]!, +range[2]! - 1, +range[3]!), Date.UTC(+range[4]!, +range[5]! - 1, +range[6]!)];
  return to - from < SHORTEST_BODY_PERIOD_DAYS * 86_400_000;
}

/** The first day a period value covers, as an ISO date, for comparing with the document's date. */
export function startOf(period: string): string {
  const [first] = period.split('/');
  const quarter = /^(\d{4})-Q([1-4])$/.exec(first!);
  if (quarter) return `${quarter[1]}-${String(3 * Number(quarter[2]) - 2).padStart(2, '0')}-01`;
  const half = /^(\d{4})-H([12])$/.exec(first!);
  if (half) return `${half[1]}-${half[2] === '1' ? '01' : '07'}-01`;
  return first!.length === 4 ? `${first}-01-01` : first!.length === 7 ? `${first}-01` : first!;
}
