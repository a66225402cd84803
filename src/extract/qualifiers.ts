import type { Quantity } from '../model/index.ts';
import { findNumbers } from '../normalize/numbers.ts';
import { AS_OF_BEFORE_DATE, CUMULATIVE_CUES, DATA_CUT_OFF, RANGE_END_BEFORE_DATE, FIELDS, NOT_A_UNIT, PERIOD_PHRASES, REPORT_OPENING, UNIT_LEVEL_WORDS } from '../../rules/qualifiers.ts';
import { foldDiacritics } from './text-match.ts';
import type { Statement } from './statements.ts';

/**
 * Reads what scopes each quantity besides its metric (rules/qualifiers.ts): whether it is a running total and
 * as of when, its own period when the words name another than the report's, the unit it belongs to when that
 * is not the issuer, and its field of work. Words count where they govern the number: its own clause, the
 * opening of its sentence ("Lũy kế đến nay, …"), its table row and column, the label right above it.
 */
export interface ReportContext {
  /** The one year the report's period lies in, if it lies in one. */
  year?: number;
  /** The report's own period as the outputs write it ("2025-08", "2025-Q3", "2025"). */
  period?: string;
  /** The issuer's unit name ("Hương Minh"): a unit named in a sentence that is the issuer is no other unit. */
  unitName?: string;
  /** The issuer's level ("huyện"): the district of Minh Lâm is not its town of Minh Lâm. */
  unitLevel?: string;
}

type Found = { figure: Quantity; statement: Statement };

/** Level words in either case of their first letter ("Xã", "xã"), the proper name after them in its own capitals. */
const LEVEL_WORDS = UNIT_LEVEL_WORDS.map((word) => `[${word[0]!.toUpperCase()}${word[0]!.toLowerCase()}]${word.slice(1).replace(/\./gu, '\\.')}`).join('|');
const NAME = String.raw`\p{Lu}[\p{Ll}\p{M}]*(?:[ \t]+\p{Lu}[\p{Ll}\p{M}]*){0,3}(?:[ \t]*\(cũ\))?`;
const UNIT_MENTION = new RegExp(String.raw`(?<![\p{L}])(${LEVEL_WORDS})[ \t]*(${NAME})`, 'gu');
const UNIT_MENTION_AT_START = new RegExp(`^${UNIT_MENTION.source}`, 'u');
const PROPER_NAME_ONLY = new RegExp(String.raw`^${NAME}$`, 'u');
// Compiled once: they run for every figure that names a unit.
const LEVEL_AND_NUMBER = new RegExp(String.raw`^(${LEVEL_WORDS})\s+(\d{1,3})$`, 'u');
const LEADING_LEVEL = new RegExp(String.raw`^(${LEVEL_WORDS})`, 'u');
const LEADING_LEVEL_AND_SPACE = new RegExp(String.raw`^(?:${LEVEL_WORDS})\s*`, 'u');

export function readQualifiers(found: readonly Found[], report: ReportContext): void {
  const issuer = report.unitName === undefined ? undefined : comparableName(report.unitName);
  for (const { figure, statement } of found) {
    const text = statement.text;
    const at = figure.location.start ?? 0;
    const governing = governingText(statement, at);
    // "(số liệu tính đến ngày 28/02/2025)" in a report's opening dates the whole report, not a running total; a DOCX
    // keeps that opening as the label above every paragraph below it.
    // The same for the report's own opening sentence ("… UBND xã Tân Thủy báo cáo kết quả … tháng 01/2025 (tính đến ngày
    // 31/01/2025) như sau:"), which the list below hangs from.
    const labelText = statement.scopes.find((scope) => !scope.heading && /:\s*$/u.test(scope.text))?.text ?? '';
    const labelAbove = REPORT_OPENING.test(labelText) ? '' : labelText.replace(DATA_CUT_OFF, ' ');
    // A table's title speaks for each of its cells: "Bảng 2. Kết quả lũy kế đến ngày 31/3/2025".
    const tableTitle = (statement.table?.title ?? '').replace(DATA_CUT_OFF, ' ');

    if (hasCumulativeCue(`${governing.opening} ${governing.clause} ${labelAbove} ${tableTitle}`)) figure.cumulative = true;
    const asOf = asOfDate(`${governing.opening} ${governing.clause}`, report.year) ?? asOfDate(labelAbove, report.year) ?? asOfDate(tableTitle, report.year);
    if (asOf) {
      figure.asOf = asOf;
      figure.cumulative = true;
    }
    const period = ownPeriod(governing.clause, figure.year ?? report.year) ?? ownPeriod(governing.opening, figure.year ?? report.year);
    if (period !== undefined && period !== 'own' && period !== report.period && !figure.cumulative) figure.period = period;

    // "03 hồ sơ của xã Đồn Đạc và 02 hồ sơ của xã Minh Cầm": a unit named after a count is its own, and the one before it the previous count's.
    const subject = ownerAfter(text, figure.location.end ?? at) ?? subjectOf(statement, governing.clause, text.slice(0, at));
    if (subject !== undefined && !(comparableName(stripLevel(subject)) === issuer && sameLevel(subject, report.unitLevel))) figure.subject = subject;

    // A heading's field is too broad to scope by ("III. CÔNG TÁC … LAO ĐỘNG, XÃ HỘI" over every count below it).
    const field = fieldOf([governing.clause, statement.table?.rowLabel ?? '', labelAbove]);
    if (field) figure.field = field;
  }
}

/** How far back a number's sentence is looked for: longer than any sentence an office writes. */
const GOVERNING_REACH = 600;

/**
 * The words that govern a number: its own clause (since the last ";", or since the last "," when a unit is named
 * right after it), and the opening of its sentence up to the first comma or colon ("Lũy kế đến nay, trên địa bàn
 * có …"). A table cell's statement is "<column> <row>: <cell>", all of which governs it.
 */
function governingText(statement: Statement, at: number): { clause: string; opening: string } {
  // Within reach of the number: a 1 MB line with no full stop must not be rescanned for each of its numbers.
  const before = statement.text.slice(Math.max(0, at - GOVERNING_REACH), at);
  const sentenceStart = Math.max(0, ...[...before.matchAll(/[.!?]\s+(?=\p{Lu})/gu)].map((match) => (match.index ?? 0) + match[0].length));
  const sentence = before.slice(sentenceStart);
  const clauseStart = sentence.lastIndexOf(';') + 1;
  const opening = /^[^,:;]{0,80}[,:]/u.exec(sentence)?.[0] ?? '';
  return { clause: sentence.slice(clauseStart), opening };
}

function hasCumulativeCue(text: string): boolean {
  const lower = text.toLowerCase();
  return CUMULATIVE_CUES.some((cue) => lower.includes(cue));
}

/**
 * "tính đến ngày 20/9/2025" → "2025-09-20"; "đến 15-10" in a 2025 report → "2025-10-15"; with no year anywhere,
 * ISO 8601's month-day form "--10-15".
 */
function asOfDate(text: string, year: number | undefined): string | undefined {
  let found: string | undefined;
  for (const mention of findNumbers(text)) {
    if (mention.kind !== 'date' || mention.date?.day === undefined || mention.date.month === undefined) continue;
    const before = text.slice(Math.max(0, mention.start - 80), mention.start);
    if (!AS_OF_BEFORE_DATE.test(before) || RANGE_END_BEFORE_DATE.test(before)) continue;
    const dateYear = mention.date.year ?? year;
    found = `${dateYear ?? '-'}-${String(mention.date.month).padStart(2, '0')}-${String(mention.date.day).padStart(2, '0')}`;
  }
  return found;
}

function ownPeriod(text: string, year: number | undefined): string | undefined {
  for (const phrase of PERIOD_PHRASES) {
    const match = phrase.pattern.exec(text);
    if (match) return phrase.period(match, year);
  }
  return undefined;
}

/**
 * A unit named in the number's clause ("xã Hương Minh tiếp nhận 1.402 hồ sơ"), else its table row when the row
 * is a unit ("Xã Hương Minh", or a bare proper name such as "Hương Minh" in a roll-up table).
 */
function subjectOf(statement: Statement, clause: string, before: string): string | undefined {
  const row = statement.table?.rowLabel.trim();
  if (row !== undefined && !statement.table?.isTotalRow) {
    const cleaned = row.replace(/^\d{1,3}[.)]?\s+/u, '').trim();
    const inRow = [...cleaned.matchAll(UNIT_MENTION)].pop();
    // "Phường Hà Giang 1" and "Phường Hà Giang 2" are two wards; a row labelled "Phường 12" is one too.
    const numbered = inRow ? /^\s+(\d{1,3})\s*$/u.exec(cleaned.slice((inRow.index ?? 0) + inRow[0].length))?.[1] : undefined;
    if (inRow) return `${inRow[1]!.toLowerCase()} ${inRow[2]!}${numbered ? ` ${numbered}` : ''}`;
    const levelAndNumber = LEVEL_AND_NUMBER.exec(cleaned);
    if (levelAndNumber) return `${levelAndNumber[1]!.toLowerCase()} ${levelAndNumber[2]!}`;
    if (PROPER_NAME_ONLY.test(cleaned) && !NOT_A_UNIT.test(cleaned)) return cleaned;
  }
  // Only the clause's own words: after the last comma the unit is that part's ("xã A 50 hồ sơ, xã B 40 hồ sơ").
  // "phường Phan Đình Phùng (tỉnh Thái Nguyên)": a unit in parentheses after a unit's name says where that unit is.
  const unlocated = clause.replace(LOCATING_PARENTHESIS, '$1');
  const own = unlocated.slice(Math.max(0, unlocated.lastIndexOf(',') + 1));
  const mention = [...own.matchAll(UNIT_MENTION)].pop() ?? (own === unlocated ? undefined : [...unlocated.matchAll(UNIT_MENTION)].pop());
  void before;
  return mention ? `${mention[1]!.toLowerCase()} ${mention[2]!}` : undefined;
}

const LOCATING_PARENTHESIS = /(\p{Lu}[\p{L}\p{M}]*)\s*\(\s*(?:tỉnh|thành phố|tp\.|huyện|quận|thị xã)\s[^()]{1,40}\)/gu;

/** "03 hồ sơ của xã Đồn Đạc": the unit a count belongs to, named with "của" right after its counted noun. */
function ownerAfter(text: string, end: number): string | undefined {
  const after = /^\s*(?:[\p{L}\p{M}]+\s+){0,2}?của\s+/u.exec(text.slice(end, end + 40));
  if (!after) return undefined;
  const from = end + after[0].length;
  const mention = UNIT_MENTION_AT_START.exec(text.slice(from, from + 80));
  return mention ? `${mention[1]!.toLowerCase()} ${mention[2]!}` : undefined;
}

function fieldOf(texts: readonly string[]): string | undefined {
  for (const text of texts) {
    const lower = text.toLowerCase();
    const hit = FIELDS.map((field) => ({ id: field.id, at: Math.min(...field.cues.map((cue) => lower.indexOf(cue)).filter((index) => index >= 0)) })).filter((entry) => Number.isFinite(entry.at)).sort((a, b) => a.at - b.at)[0];
    if (hit) return hit.id;
  }
  return undefined;
}

/** Does the unit named carry the issuer's level (or no level word to tell)? */
function sameLevel(subject: string, level: string | undefined): boolean {
  if (level === undefined) return true;
  const named = LEADING_LEVEL.exec(subject)?.[1]?.toLowerCase();
  if (named === undefined) return true;
  const expanded = ({ 'tp.': 'thành phố', 'tt.': 'thị trấn', 'tx.': 'thị xã', 'p.': 'phường', 'h.': 'huyện', 'q.': 'quận' } as Record<string, string>)[named] ?? named;
  return expanded === level.toLowerCase();
}

function stripLevel(name: string): string {
  return name.replace(LEADING_LEVEL_AND_SPACE, '').replace(/\s*\(cũ\)$/u, '');
}

/** Names compared without diacritics' accidents, case or spacing. */
export function comparableName(name: string): string {
  return foldDiacritics(name.normalize('NFC').toLowerCase()).replace(/\s+/gu, ' ').trim();
}

/**
 * The year a report's period is of: "2025-08" → 2025, "2025" → 2025; a range of a year or less is of the year it
 * ends in ("2024-12-15/2025-06-14", the police's half-year → 2025); a phase ("2022/2025", "2022-2025") has none.
 */
export function yearOfPeriod(period: string | undefined): number | undefined {
  if (!period) return undefined;
  const years = [...new Set(period.match(/\b(?:19|20)\d\d\b/gu) ?? [])];
  if (years.length === 1) return Number(years[0]);
  const range = /^(\d{4})-(\d{2})(?:-\d{2})?\/(\d{4})-(\d{2})/u.exec(period);
  if (range && Number(range[3]) - Number(range[1]) === 1 && Number(range[4]) <= Number(range[2])) return Number(range[3]);
  return undefined;
}
