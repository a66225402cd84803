import type { Document, Figure } from '../model/index.ts';
import { FIGURE_KINDS, findNumbers, textShowsDotDecimal, type NumberMention } from '../normalize/numbers.ts';
import { PROCEDURES } from '../../rules/procedures.ts';
import { FIGURE_VETOES } from '../../rules/vetoes.ts';
import { OTHER_NOUNS } from '../../rules/nouns.ts';
import type { MetricRule } from './rule.ts';
import { PhraseSet, hasLostDiacritics } from './text-match.ts';
import { statementsOf, type Statement } from './statements.ts';

interface CompiledRule {
  rule: MetricRule;
  nouns: PhraseSet;
  identifyingNouns: PhraseSet;
  cues: PhraseSet;
  context: PhraseSet;
  excludes: PhraseSet;
}

interface Candidate {
  compiled: CompiledRule;
  /** Own clause (2) beats an enclosing label (1) beats the counted noun alone (0). */
  tier: number;
  specificity: number;
}

export interface ExtractOptions {
  /** Only for tests: run a subset of rules. */
  rules?: readonly MetricRule[];
}

/**
 * The engine that runs rules/metrics over a Document. It knows nothing Vietnamese itself: the nouns,
 * cues, procedures and vetoes all come from rules/.
 */
export class FigureExtractor {
  private readonly compiled: CompiledRule[];
  private readonly allNouns: PhraseSet;
  private readonly procedures: Array<{ id: string; cues: PhraseSet }>;

  constructor(rules: readonly MetricRule[]) {
    this.compiled = rules.map((rule) => ({
      rule,
      nouns: new PhraseSet([...rule.nouns, ...rule.identifyingNouns]),
      identifyingNouns: new PhraseSet(rule.identifyingNouns),
      cues: new PhraseSet(rule.cues),
      context: new PhraseSet(rule.context),
      excludes: new PhraseSet(rule.excludes),
    }));
    this.allNouns = new PhraseSet([...rules.flatMap((rule) => [...rule.nouns, ...rule.identifyingNouns]), ...OTHER_NOUNS]);
    this.procedures = PROCEDURES.map((procedure) => ({ id: procedure.id, cues: new PhraseSet(procedure.cues) }));
  }

  /** Blocks of the document being read that stated figures: such a label is a total, not a measure name. */
  private blocksWithFigures = new Set<number>();
  private dotDecimalSeen = false;

  extract(document: Document): Figure[] {
    return this.extractWithStatements(document).found.map(({ figure }) => figure);
  }

  /** Figures with the statement each came from, and every statement (the breakdown linker needs the bare "Trong đó:" lines too). */
  extractWithStatements(document: Document): { found: Array<{ figure: Figure; statement: Statement }>; statements: Statement[] } {
    const found: Array<{ figure: Figure; statement: Statement }> = [];
    const statements: Statement[] = [];
    const sample = documentSample(document);
    const folded = hasLostDiacritics(sample);
    // A writer who types "121.81 km2" elsewhere makes every "x.yyy" of theirs uncertain.
    this.dotDecimalSeen = textShowsDotDecimal(documentSample(document, Number.POSITIVE_INFINITY));
    this.blocksWithFigures = new Set();
    for (const statement of statementsOf(document)) {
      statements.push(statement);
      for (const figure of this.extractStatement(statement, folded, found.length)) {
        found.push({ figure, statement });
        this.blocksWithFigures.add(statement.blockIndex);
      }
    }
    return { found, statements };
  }

  /** Reads one statement; `firstIndex` numbers the figures so ids are stable across runs. */
  extractStatement(statement: Statement, folded: boolean, firstIndex: number): Figure[] {
    const mentions = findNumbers(statement.text, { dotDecimalSeen: this.dotDecimalSeen });
    const figures: Figure[] = [];
    let previousFigureEnd = 0;
    let previousFigure: Figure | undefined;
    let previousFigureStart = 0;
    for (let index = 0; index < mentions.length; index++) {
      const mention = mentions[index]!;
      if (!FIGURE_KINDS.has(mention.kind)) continue;
      const text = statement.text;
      const clauseStart = Math.max(lastClauseBoundary(text, mention.start), previousFigureEnd);
      const left = text.slice(clauseStart, mention.start);
      const nextFigure = mentions.slice(index + 1).find((next) => FIGURE_KINDS.has(next.kind));
      const rightLimit = Math.min(nextClauseBoundary(text, mention.end), nextFigure?.start ?? text.length);
      const noun = this.allNouns.startingAt(text, mention.end, folded, /^[\s:]*/u);
      // A number followed by a word we do not know counts something we do not track ("1 chủ hộ"); only a
      // known noun, or punctuation/end of clause, lets it be a figure.
      const followedByUnknownWord = !noun && /^\s*\p{L}/u.test(text.slice(mention.end)) && !/^\s*(?:và|hoặc|là|đạt|trên|so|với|trong|gồm|bằng|chiếm|=)\b/iu.test(text.slice(mention.end));
      const afterNounStart = noun ? noun.end : mention.end;
      const rightAttached = attachedTail(text.slice(afterNounStart, rightLimit));
      previousFigureEnd = mention.end;

      if (isVetoed(text.slice(clauseStart, mention.start), text.slice(mention.end, rightLimit))) continue;

      // A percentage right after a count in the same clause ("5616 tài khoản đạt 40%/ tổng dân số") is that count's rate.
      if (mention.kind === 'percent' && previousFigure && previousFigure.percent === undefined && RATE_OF_PREVIOUS.test(left)) {
        previousFigure.percent = mention.percent ?? mention.value;
        if (mention.percentDecimals !== undefined) previousFigure.percentDecimals = mention.percentDecimals;
        previousFigure.raw = text.slice(previousFigureStart, mention.end).trim();
        continue;
      }

      const candidate = followedByUnknownWord && mention.kind !== 'percent' ? undefined : this.choose(mention, noun?.phrase, left, rightAttached, statement, folded);
      const inherited = !candidate && previousFigure && startsParallelClause(left) ? previousFigure : undefined;
      const rule = candidate?.compiled.rule ?? (inherited ? this.ruleById(inherited.metric) : undefined);
      if (!rule) continue;

      const figure = this.buildFigure(rule, mention, statement, left, firstIndex + figures.length, noun?.end);
      if (inherited && figure.procedure === undefined && inherited.procedure !== undefined) figure.procedure = inherited.procedure;
      figures.push(figure);
      previousFigure = figure;
      previousFigureStart = mention.start;
    }
    return figures;
  }

  private ruleById(id: string): MetricRule | undefined {
    return this.compiled.find((compiled) => compiled.rule.id === id)?.rule;
  }

  private choose(
    mention: NumberMention,
    noun: string | undefined,
    left: string,
    rightAttached: string,
    statement: Statement,
    folded: boolean,
  ): Candidate | undefined {
    const clause = `${left} ${rightAttached}`;
    let best: Candidate | undefined;
    for (const compiled of this.compiled) {
      const { rule } = compiled;
      if (!this.kindFits(rule, mention)) continue;
      if (noun !== undefined ? !compiled.nouns.has(noun, folded) : !rule.bareNumber) continue;
      if (!compiled.excludes.isEmpty && compiled.excludes.test(clause, folded)) continue;
      if (!compiled.context.isEmpty && !this.inContext(compiled, statement, folded)) continue;
      const candidate = this.score(compiled, left, rightAttached, statement, folded, noun);
      if (!candidate) continue;
      if (!best || better(candidate, best)) best = candidate;
    }
    return best;
  }

  private inContext(compiled: CompiledRule, statement: Statement, folded: boolean): boolean {
    if (compiled.context.test(statement.text, folded)) return true;
    const nearest = statement.scopes.find((scope) => !scope.heading) ?? statement.scopes[0];
    return nearest !== undefined && compiled.context.test(nearest.text, folded);
  }

  private kindFits(rule: MetricRule, mention: NumberMention): boolean {
    const isPercentOnly = mention.kind === 'percent';
    if (rule.percent === 'only') return isPercentOnly;
    if (isPercentOnly) return false;
    if (rule.percent === 'never' && mention.percent !== undefined) return false;
    return true;
  }

  private score(
    compiled: CompiledRule,
    left: string,
    rightAttached: string,
    statement: Statement,
    folded: boolean,
    noun: string | undefined,
  ): Candidate | undefined {
    const identified = noun !== undefined && compiled.identifyingNouns.has(noun, folded);
    const own = [compiled.cues.lastBefore(left, left.length, folded), compiled.cues.findAll(rightAttached, folded)[0]]
      .filter((hit) => hit !== undefined)
      .map((hit) => hit.phrase.length);
    if (own.length > 0) return { compiled, tier: 2, specificity: Math.max(...own) };
    // Nothing in its own clause: the nearest enclosing label may name the measure ("- Tỷ lệ số hóa hồ sơ:" above "Năm 2022: …").
    // A label that states figures of its own is a total, and its measure is not its parts' measure.
    for (const scope of statement.scopes) {
      if (!scope.heading && this.blocksWithFigures.has(scope.blockIndex)) break;
      const hit = compiled.cues.lastBefore(scope.text, scope.text.length, folded);
      if (hit) return { compiled, tier: scope.heading ? 1 : 1.5, specificity: hit.phrase.length };
    }
    return identified ? { compiled, tier: 0, specificity: noun.length } : undefined;
  }

  private buildFigure(rule: MetricRule, mention: NumberMention, statement: Statement, left: string, index: number, nounEnd: number | undefined): Figure {
    const rawEnd = Math.max(mention.end, nounEnd ?? mention.end);
    const figure: Figure = {
      id: `f${index + 1}`,
      metric: rule.id,
      value: mention.value ?? 0,
      unit: rule.unit,
      raw: statement.text.slice(mention.start, rawEnd).trim(),
      evidence: statement.evidence,
      location: statement.locate(mention.start, rawEnd),
      rule: `metrics/${rule.id}`,
    };
    if (mention.denominator !== undefined) figure.denominator = mention.denominator;
    if (mention.percent !== undefined && mention.kind !== 'percent') figure.percent = mention.percent;
    if (mention.percentDecimals !== undefined) figure.percentDecimals = mention.percentDecimals;
    if (mention.qualifier !== undefined) figure.qualifier = mention.qualifier;
    if (mention.uncertain) figure.uncertain = true;
    const year = this.yearOf(statement, left);
    if (year !== undefined) figure.year = year;
    const procedure = this.procedureOf(statement, statement.text.slice(0, mention.start));
    if (procedure !== undefined) figure.procedure = procedure;
    return figure;
  }

  /** "Năm 2022: …", "trong năm 2023 …", or the nearest enclosing label that names one year. */
  private yearOf(statement: Statement, left: string): number | undefined {
    const own = lastYear(left);
    if (own !== undefined) return own;
    for (const scope of statement.scopes) {
      const year = lastYear(scope.text);
      if (year !== undefined) return year;
    }
    return undefined;
  }

  /** The first procedure named in the statement before the number ("Đăng ký khai tử: 63 trường hợp, đã giải quyết 63 hồ sơ"), else the nearest label's. */
  private procedureOf(statement: Statement, before: string): string | undefined {
    const own = this.firstProcedure(before);
    if (own) return own;
    for (const scope of statement.scopes) {
      if (scope.heading && scope !== statement.scopes[0]) continue;
      const procedure = this.firstProcedure(scope.text);
      if (procedure) return procedure;
    }
    return undefined;
  }

  private firstProcedure(text: string): string | undefined {
    let best: { id: string; start: number; length: number } | undefined;
    for (const procedure of this.procedures) {
      const hit = procedure.cues.findAll(text)[0];
      if (hit && (!best || hit.start < best.start || (hit.start === best.start && hit.phrase.length > best.length))) {
        best = { id: procedure.id, start: hit.start, length: hit.phrase.length };
      }
    }
    return best?.id;
  }
}

/** "…6589 TTHC tiếp nhận, đạt tỷ lệ 100%": the words between a count and its rate, at most a short phrase. */
const RATE_OF_PREVIOUS = /^[^;:.()\d]{0,40}(?:đạt|chiếm|bằng|=)\s*(?:tỷ lệ|tỉ lệ)?\s*$/iu;

function better(a: Candidate, b: Candidate): boolean {
  if (a.tier !== b.tier) return a.tier > b.tier;
  if (a.compiled.rule.generic !== b.compiled.rule.generic) return !a.compiled.rule.generic;
  return a.specificity > b.specificity;
}

/** "năm 2022", "Năm 2023:" — a single year scoping what follows (a range "2022-2025" scopes nothing). */
function lastYear(text: string): number | undefined {
  let year: number | undefined;
  for (const match of text.matchAll(/\bnăm\s+(20\d\d|19\d\d)\b(?!\s*[-–]\s*\d)/giu)) year = Number(match[1]);
  return year;
}

/**
 * Where the clause holding position `before` starts: after the last ";" or sentence end, or after the "("
 * of a parenthesis the number sits in. A parenthesis that closed before the number is an aside: the
 * clause runs on across it ("- Đăng ký thường trú (Công an phường): 1022 hồ sơ").
 */
function lastClauseBoundary(text: string, before: number): number {
  let boundary = 0;
  const openParens: number[] = [];
  for (let index = 0; index < before; index++) {
    const character = text[index]!;
    if (character === '(') openParens.push(index + 1);
    else if (character === ')') openParens.pop();
    else if (character === ';' || (character === '.' && /^\.\s+\p{Lu}/u.test(text.slice(index, index + 3)))) {
      boundary = index + 1;
      openParens.length = 0;
    }
  }
  return Math.max(boundary, openParens[openParens.length - 1] ?? 0);
}

function nextClauseBoundary(text: string, after: number): number {
  const rest = text.slice(after);
  const match = /[;,(]|\.(?:\s|$)/u.exec(rest);
  return match ? after + match.index : text.length;
}

/** Words that qualify a count right after its noun ("89 hồ sơ đã trả kết quả đúng thời hạn"), up to punctuation. */
function attachedTail(text: string): string {
  return /^[^,;:()]*/u.exec(text)?.[0] ?? '';
}

/** "năm 2023: 6.715 hồ sơ" after "Số hồ sơ đã tiếp nhận trong năm 2022: 6.588;" continues the same measure. */
function startsParallelClause(left: string): boolean {
  return /^\s*[,;]?\s*(?:và\s+)?(?:năm\s+\d{4}|trong năm\s+\d{4})\s*(?:là|:)?\s*$/iu.test(left);
}

function isVetoed(before: string, after: string): boolean {
  return FIGURE_VETOES.some((veto) => (!veto.before || veto.before.test(before)) && (!veto.after || veto.after.test(after)));
}

function documentSample(document: Document, limit = 4000): string {
  let sample = '';
  for (const block of document.blocks) {
    if (block.kind !== 'table') sample += ` ${block.text}`;
    if (sample.length > limit) break;
  }
  return sample;
}
