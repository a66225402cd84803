import type { Document, Figure, Quantity } from '../model/index.ts';
import { FIGURE_KINDS, findNumbers, textShowsDotDecimal, textShowsSpaceThousands, type NumberMention } from '../normalize/numbers.ts';
import { PROCEDURES } from '../../rules/procedures.ts';
import { FIGURE_VETOES } from '../../rules/vetoes.ts';
import { COUNT_HEADER, HELPING, OTHER_NOUNS, PERSON_NOUNS, RECIPIENT_AFTER, RECIPIENT_BEFORE, canonicalNoun, isCountedNoun, nounOfUnit } from '../../rules/nouns.ts';
import { PERCENT_BASES } from '../../rules/bases.ts';
import type { MetricRule } from './rule.ts';
import { PhraseSet, hasLostDiacritics, type PhraseHit } from './text-match.ts';
import { statementsOf, type Statement } from './statements.ts';
import { endOfBreakdown } from './breakdowns.ts';
import { BREAKDOWN_MARKERS, type BreakdownMarker } from '../../rules/breakdown-markers.ts';

interface CompiledRule {
  rule: MetricRule;
  nouns: PhraseSet;
  identifyingNouns: PhraseSet;
  cues: PhraseSet;
  labels: PhraseSet;
  context: PhraseSet;
  excludes: PhraseSet;
}

interface Candidate {
  compiled: CompiledRule;
  /** Own clause (2) beats an enclosing label (1) beats the counted noun alone (0). */
  tier: number;
  specificity: number;
  /**
   * How many sub-clause stops (",", ":", " - ") stand between the cue and the number: the words nearest the number
   * govern it ("kết quả giải quyết TTHC: tiếp nhận mới 8.412 hồ sơ" counts received dossiers, not resolved ones).
   */
  segment: number;
  /** The cue opens the words right after the counted noun and so qualifies it: "6.530 hồ sơ đến hạn đều được … đúng hạn". */
  adjacent?: boolean;
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
  /** The nouns that name a metric on their own ("hộ", "nhân khẩu"): what a table column may be headed by. */
  private readonly identifyingNouns: PhraseSet;
  private readonly personNouns = new PhraseSet(PERSON_NOUNS);
  private readonly procedures: Array<{ id: string; cues: PhraseSet }>;

  /** Matches any breakdown marker that puts its parts after itself ("trong đó", "gồm", …). */
  private readonly partsMarker: RegExp;
  /** A label that ends by announcing its parts: "…, cụ thể:", "…, trong đó:", "… gồm:". */
  private readonly partsFollow: RegExp;

  constructor(rules: readonly MetricRule[], markers: readonly BreakdownMarker[] = BREAKDOWN_MARKERS) {
    const phrases = markers.filter((marker) => !marker.totalAfter).map((marker) => marker.phrase).sort((a, b) => b.length - a.length);
    this.partsMarker = new RegExp(`(?<!\\p{L})(?:${phrases.map(escapeRegExp).join('|')})(?!\\p{L})`, 'giu');
    this.partsFollow = new RegExp(`(?<!\\p{L})(?:${phrases.map(escapeRegExp).join('|')})(?:\\s+(?:là|như sau))?\\s*:?\\s*$`, 'iu');
    this.compiled = rules.map((rule) => ({
      rule,
      nouns: new PhraseSet([...rule.nouns, ...rule.identifyingNouns]),
      identifyingNouns: new PhraseSet(rule.identifyingNouns),
      cues: new PhraseSet(rule.cues),
      labels: new PhraseSet(rule.labels),
      context: new PhraseSet(rule.context),
      excludes: new PhraseSet(rule.excludes),
    }));
    this.allNouns = new PhraseSet([...rules.flatMap((rule) => [...rule.nouns, ...rule.identifyingNouns]), ...OTHER_NOUNS]);
    this.identifyingNouns = new PhraseSet(rules.flatMap((rule) => rule.identifyingNouns));
    this.procedures = PROCEDURES.map((procedure) => ({ id: procedure.id, cues: new PhraseSet(procedure.cues) }));
  }

  /** Statements of the document being read that stated figures: such a label is a total, not a measure name. */
  private statementsWithFigures = new Set<number>();
  /** The quantities read from each statement of the document being read, by statement key. */
  private quantitiesOf = new Map<number, Quantity[]>();
  private dotDecimalSeen = false;
  private spaceThousandsSeen = false;

  /** The catalog figures only (the metric rules' own examples are checked against these). */
  extract(document: Document): Figure[] {
    return this.extractWithStatements(document).found.map(({ figure }) => figure).filter(isFigure);
  }

  /**
   * Every quantity (catalog figures and the other counted numbers) with the statement each came from, and every
   * statement (the breakdown linker needs the bare "Trong đó:" lines too).
   */
  extractWithStatements(document: Document): { found: Array<{ figure: Quantity; statement: Statement }>; statements: Statement[] } {
    const found: Array<{ figure: Quantity; statement: Statement }> = [];
    const statements: Statement[] = [];
    const sample = documentSample(document);
    const folded = hasLostDiacritics(sample);
    // A writer who types "121.81 km2" elsewhere makes every "x.yyy" of theirs uncertain.
    const wholeText = documentSample(document, Number.POSITIVE_INFINITY);
    this.dotDecimalSeen = textShowsDotDecimal(wholeText);
    this.spaceThousandsSeen = textShowsSpaceThousands(wholeText);
    this.statementsWithFigures = new Set();
    this.quantitiesOf = new Map();
    this.contextCache = new Map();
    this.previousStatement = undefined;
    this.pendingBases = [];
    for (const statement of statementsOf(document)) {
      statements.push(statement);
      let figures = this.extractStatement(statement, folded, found.length);
      // OCR misreads tone marks in short labels ("Trục tuyến" for "Trực tuyến"): a table cell read by OCR that
      // names nothing exactly is read again without diacritics, as a document that lost them all is.
      if (figures.length === 0 && !folded && statement.table && statement.ocr) figures = this.extractStatement(statement, true, found.length);
      for (const figure of figures) {
        found.push({ figure, statement });
        this.statementsWithFigures.add(statement.key);
        const ofStatement = this.quantitiesOf.get(statement.key);
        if (ofStatement) ofStatement.push(figure);
        else this.quantitiesOf.set(statement.key, [figure]);
      }
    }
    this.resolveBases(found.map(({ figure }) => figure));
    return { found, statements };
  }

  /** Reads one statement; `firstIndex` numbers the figures so ids are stable across runs. */
  extractStatement(statement: Statement, folded: boolean, firstIndex: number): Quantity[] {
    const mentions = findNumbers(statement.text, { dotDecimalSeen: this.dotDecimalSeen, spaceThousandsSeen: this.spaceThousandsSeen });
    const figures: Quantity[] = [];
    let previousFigureEnd = 0;
    let previousFigure: Quantity | undefined;
    let previousFigureStart = 0;
    /** Start of the last number that could have been a figure: a rate goes with the count right before it, not past another number. */
    let previousCount: NumberMention | undefined;
    const text = statement.text;
    // "3.1 Phục vụ …" opens a section; a block that is nothing but a number is a page number or a table fragment.
    const markerEnd = LEADING_SECTION_NUMBER.exec(text)?.[0].length ?? 0;
    if (!statement.table && /^\s*[\d.,/%]+\s*$/u.test(text)) return figures;
    for (let index = 0; index < mentions.length; index++) {
      const mention = mentions[index]!;
      if (!FIGURE_KINDS.has(mention.kind) || mention.end <= markerEnd) continue;
      // A table cell's figures are its own numbers, never those of its labels ("6 tháng 2025", "Quý IV").
      if (statement.table && mention.start < statement.table.cellStart) continue;
      const clauseFrom = lastClauseBoundary(text, mention.start);
      const clauseStart = Math.max(clauseFrom, previousFigureEnd);
      const left = text.slice(clauseStart, mention.start);
      let nextFigure: NumberMention | undefined;
      let nextFigureIndex = -1;
      for (let next = index + 1; next < mentions.length && !nextFigure; next++) {
        if (FIGURE_KINDS.has(mentions[next]!.kind)) {
          nextFigure = mentions[next];
          nextFigureIndex = next;
        }
      }
      const rightLimit = Math.min(nextClauseBoundary(text, mention.end), nextFigure?.start ?? text.length);
      // "6.065/6588 hồ sơ = 92%": the reader keeps a ratio's unit word inside the mention.
      const innerNoun = mention.kind === 'ratio' ? this.nounInside(mention.raw, folded) : undefined;
      const noun = innerNoun ?? this.allNouns.startingAt(text, mention.end, folded, /^[\s:]*/u) ?? this.nounOfColumn(statement, mention, folded);
      // A number followed by a word we do not know counts something we do not track ("1 chủ hộ"); only a
      // known noun, or punctuation/end of clause, lets it be a figure.
      const followedByUnknownWord = !noun && /^\s*\p{L}/u.test(text.slice(mention.end)) && !/^\s*(?:và|hoặc|là|đạt|trên|so|với|trong|gồm|bằng|chiếm)(?![\p{L}\p{M}\p{N}])|^\s*=/iu.test(text.slice(mention.end));
      if (!noun && isRowNumber(statement, mention)) continue;
      const afterNounStart = noun ? noun.end : mention.end;
      const rightAttached = attachedTail(text.slice(afterNounStart, rightLimit));
      // The next number's clause starts after this one's counted noun: in "25 DVC thiết yếu và 28 DVC",
      // "thiết yếu" belongs to the 25; and after the words its noun carries up to a comma ("46 thủ tục … toàn
      // trình, 68 thủ tục trực tuyến một phần": "toàn trình" is the 46's).
      const previousClauseFrom = previousFigureEnd;
      const tailEndsAtComma = /^\s*,/u.test(text.slice(afterNounStart + rightAttached.length)) || /\svà\s*$/u.test(rightAttached);
      previousFigureEnd = Math.max(mention.end, noun && !innerNoun ? noun.end : 0, tailEndsAtComma ? afterNounStart + rightAttached.length : 0);

      const countBefore = previousCount;
      previousCount = mention;

      if (isVetoed(text.slice(clauseStart, mention.start), text.slice(mention.end, rightLimit), text.slice(0, mention.start), statement, mention.kind === 'percent' || mention.percent !== undefined)) continue;

      // A percentage right after a count in the same clause ("5616 tài khoản đạt 40%/ tổng dân số", "15.973 hồ sơ nộp trực
      // tuyến (86,7%)") is that count's rate — unless the words between name the rate of another measure ("giải quyết
      // 1.791 hồ sơ, tỷ lệ đúng hạn đạt 100%"), or another number stands between ("31.205 nhân khẩu, … 24.618 công dân …").
      if (
        mention.kind === 'percent' &&
        previousFigure &&
        previousFigure.percent === undefined &&
        previousFigure.unit !== 'percent' &&
        countBefore?.start === previousFigureStart &&
        !/;|\.\s/u.test(text.slice(previousClauseFrom, clauseFrom)) &&
        (RATE_OF_PREVIOUS.test(left) || RATE_IN_PARENTHESES.test(text.slice(previousClauseFrom, mention.start))) &&
        !this.namesAnotherRate(left, previousFigure, folded)
      ) {
        previousFigure.percent = mention.percent ?? mention.value;
        if (mention.percentDecimals !== undefined) previousFigure.percentDecimals = mention.percentDecimals;
        previousFigure.raw = text.slice(previousFigureStart, mention.end).trim();
        if (mention.baseText) {
          previousFigure.percentBase = mention.baseText;
          this.pendingBases.push({ figure: previousFigure, baseText: mention.baseText });
        }
        continue;
      }

      // "đạt 70,7% (534/755 hồ sơ)", "100% qua Cổng dịch vụ công quốc gia (486/486 hồ sơ)": a ratio in parentheses right
      // after a rate states that rate's numerator and denominator — one figure, of the measure the rate's words name.
      const rate =
        mention.kind === 'ratio' && mention.percent === undefined && countBefore?.kind === 'percent' && RATE_IN_PARENTHESES.test(text.slice(countBefore.end, mention.start))
          ? countBefore
          : undefined;
      if (rate && previousFigure && previousFigureStart === rate.start && previousFigure.unit === 'percent' && previousFigure.metric !== undefined) {
        const rule = this.ruleById(previousFigure.metric)!;
        const end = Math.max(mention.end, noun && !innerNoun ? noun.end : 0);
        Object.assign(previousFigure, { value: mention.value ?? 0, denominator: mention.denominator, percent: rate.percent ?? rate.value, unit: rule.unit, noun: nounOfUnit(rule.unit) });
        previousFigure.raw = text.slice(rate.start, end).trim();
        previousFigure.location = statement.locate(rate.start, end);
        continue;
      }

      // "đăng ký tạm trú (1 086 hồ sơ), đăng ký thường trú (412 hồ sơ)": a count opening a parenthesis right after a
      // name is that name's count, as after "đăng ký tạm trú: ".
      const named = left.trim() === '' ? nameBeforeParenthesis(text, clauseFrom) : undefined;
      const clause = named !== undefined ? `${named}: ` : text.slice(clauseFrom, mention.start);
      // The rate's words name the ratio's measure: "100% qua Cổng dịch vụ công (486/486 hồ sơ)" reads as "486/486 hồ sơ qua Cổng …".
      const governing = rate ? `${text.slice(rate.end, mention.start).replace(/\(\s*$/u, '')} ${left}` : left;
      let candidate =
        followedByUnknownWord && mention.kind !== 'percent' ? undefined : this.choose(mention, noun?.phrase, governing, clause, rightAttached, statement, folded);
      // A bare number ("…: 35") is a figure only when its own clause names the measure; a section title is not enough.
      if (candidate && !noun && candidate.tier < 2 && mention.kind !== 'ratio') candidate = undefined;
      if (candidate && mention.kind === 'percent' && candidate.compiled.rule.percent !== 'only' && candidate.tier < 2) candidate = undefined;
      // "…trong năm 2022: 6.588; năm 2023: 6.715 hồ sơ" — the second clause repeats the measure of the first.
      const inherited =
        previousFigure && (!candidate || candidate.tier < 2) && startsParallelClause(left)
          ? previousFigure
          : !candidate && !noun && !followedByUnknownWord
            ? (this.headlineOfBreakdown(figures, text, mention.start, left) ?? this.previousSiblingFigure(statement, left))
            : undefined;
      let rule = inherited ? (inherited.metric === undefined ? undefined : this.ruleById(inherited.metric)) : candidate?.compiled.rule;
      // "thu nhận 87 hồ sơ cấp thẻ Căn cước, trong đó: cấp mới 19 hồ sơ, cấp đổi 61 hồ sơ": a part that counts the
      // same noun as its total, with no measure of its own, is a part of the same measure.
      if (!rule && !candidate && noun && !followedByUnknownWord) {
        const headline = this.headlineOfBreakdown(figures, text, mention.start, left, canonicalNoun(noun.phrase));
        if (headline?.metric !== undefined && headline.noun === canonicalNoun(noun.phrase)) rule = this.ruleById(headline.metric);
        // The same, a line below: "- … tiếp nhận tổng cộng 126.390 hồ sơ …, cụ thể:" then "+ Năm 2022: 31.204 hồ sơ;".
        const total = rule ? undefined : this.totalAnnouncingParts(statement, canonicalNoun(noun.phrase));
        if (total?.metric !== undefined) rule = this.ruleById(total.metric);
      }
      // A count of something the catalog does not name ("18 lớp", "98 thủ tục", or a bare part after a breakdown
      // marker of such a total) is still a quantity: the checks add and bound it like a figure.
      const otherNoun = rule
        ? undefined
        : inherited
          ? inherited.noun
          : noun && COUNT_KINDS.has(mention.kind) && isCountedNoun(noun.phrase)
            ? canonicalNoun(noun.phrase)
            : undefined;
      if (!rule && !otherNoun) continue;

      const figure = this.buildFigure(rule, mention, statement, clause, firstIndex + figures.length, innerNoun ? undefined : noun?.end, noun?.phrase, otherNoun);
      if (rate) {
        figure.percent = rate.percent ?? rate.value ?? 0;
        if (rate.percentDecimals !== undefined) figure.percentDecimals = rate.percentDecimals;
      }
      // The procedure named in the number's own words, since the number before it, is its own: "đăng ký thường trú trực
      // tuyến đạt 88,2%, đăng ký tạm trú trực tuyến đạt 91,3%".
      const ownProcedure = figure.unit === 'dossiers' || figure.noun === 'hồ sơ' ? this.firstProcedure(left) : undefined;
      if (ownProcedure) figure.procedure = ownProcedure;
      // "465 hồ sơ đăng ký xe": the procedure may follow the counted noun; there it is this count's own, before any named
      // earlier in the clause ("gồm 186 hồ sơ đăng ký thường trú và 412 hồ sơ đăng ký tạm trú").
      if (noun && (figure.unit === 'dossiers' || figure.noun === 'hồ sơ')) {
        const after = this.firstProcedure(attachedTail(text.slice(noun.end, rightLimit)));
        if (after) figure.procedure = after;
      }
      if (inherited && figure.procedure === undefined && inherited.procedure !== undefined) figure.procedure = inherited.procedure;
      figures.push(figure);
      previousFigure = figure;
      previousFigureStart = mention.start;
      // "38.712 người được kích hoạt … mức 2 trên tổng số 48.906 nhân khẩu, đạt 79,2%": the count after "trên/trong tổng
      // số" at the end of this count's words is its denominator, not a figure of its own; the rate after it is this one's.
      if (
        nextFigure &&
        (mention.kind === 'integer' || mention.kind === 'word-number') &&
        (nextFigure.kind === 'integer' || nextFigure.kind === 'word-number') &&
        RATIO_IN_WORDS.test(text.slice(afterNounStart, nextFigure.start))
      ) {
        const denominatorNoun = this.allNouns.startingAt(text, nextFigure.end, folded, /^\s*/u);
        const end = denominatorNoun?.end ?? nextFigure.end;
        figure.denominator = nextFigure.value ?? 0;
        figure.raw = text.slice(mention.start, end).trim();
        figure.location = statement.locate(mention.start, end);
        const tail = attachedTail(text.slice(end, nextClauseBoundary(text, end)));
        previousFigureEnd = end + (/^\s*,/u.test(text.slice(end + tail.length)) ? tail.length : 0);
        index = nextFigureIndex;
      }
    }
    if (figures.length > 0) this.previousStatement = { statement, figure: figures[figures.length - 1]! };
    return figures;
  }

  /** Rates "of the population" etc. waiting for the base figure, which may be stated pages later. */
  private pendingBases: Array<{ figure: Quantity; baseText: string }> = [];

  /** Links each rate to the one figure of its base's metric, when the document states exactly one value for it. */
  private resolveBases(figures: readonly Quantity[]): void {
    for (const { figure, baseText } of this.pendingBases) {
      const metric = PERCENT_BASES.find((base) => base.pattern.test(baseText))?.metric;
      if (!metric) continue;
      const candidates = figures.filter((other) => other.metric === metric && other.denominator === undefined && other.unit !== 'percent' && !other.uncertain);
      if (new Set(candidates.map((other) => other.value)).size === 1) figure.baseId = candidates[0]!.id;
    }
    this.pendingBases = [];
  }

  /** The last statement that stated a figure, for items that repeat their sibling's measure. */
  private previousStatement: { statement: Statement; figure: Quantity } | undefined;

  /**
   * "Trong đó: đăng ký lại 23, đăng ký khai sinh cho trẻ 240": short labelled numbers inside an inline breakdown
   * are parts of the statement's headline count and share its measure.
   */
  private headlineOfBreakdown(figures: readonly Quantity[], text: string, position: number, left: string, noun?: string): Quantity | undefined {
    const windowStart = Math.max(0, position - CLAUSE_WINDOW);
    const window = text.slice(windowStart, position);
    let breakdownAt = -1;
    let markerEnd = -1;
    for (const match of window.matchAll(this.partsMarker)) {
      breakdownAt = windowStart + match.index;
      markerEnd = breakdownAt + match[0].length;
    }
    // "07 máy tính (01 + 04 + 01 + 01)": a parenthesis opened right after a count lists its parts too.
    const open = window.lastIndexOf('(');
    // Only counts ending within the window can be the one the parenthesis follows (figures are in reading order).
    const recent: Quantity[] = [];
    for (let index = figures.length - 1; index >= 0 && (figures[index]!.location.end ?? 0) >= windowStart; index--) recent.push(figures[index]!);
    const opensAfterCount = open > window.lastIndexOf(')') && recent.some((figure) => /^[^\d();:]{0,40}$/u.test(text.slice(figure.location.end ?? 0, windowStart + open)) && (figure.location.end ?? 0) <= windowStart + open);
    if (opensAfterCount && windowStart + open > breakdownAt) {
      breakdownAt = windowStart + open;
      markerEnd = breakdownAt + 1;
    }
    if (breakdownAt < 0 || position > endOfBreakdown(text, breakdownAt)) return undefined;
    // The number's own label ("đăng ký lại 23") is short and holds no other number.
    const label = text.slice(Math.max(markerEnd, position - left.length), position).replace(/^[\s,:;(+]*/u, '');
    if (label.split(/\s+/u).filter(Boolean).length > 8 || /\d/u.test(label)) return undefined;
    // The first count before the marker, or the last one (for a parenthesis), found without listing them all; of the
    // same noun when the part names one. The first in the marker's own clause: in "… tiếp nhận 2.316 hồ sơ … . Về cư
    // trú, xã tiếp nhận 598 hồ sơ, gồm 186 hồ sơ …" the parts are the 598's, not the statement's first count's.
    const isBefore = (figure: Quantity) => (figure.location.start ?? 0) < breakdownAt && (noun === undefined || figure.noun === noun);
    let last: Quantity | undefined;
    for (let index = figures.length - 1; index >= 0 && !last; index--) if (isBefore(figures[index]!)) last = figures[index];
    const markerClause = lastClauseBoundary(text, breakdownAt);
    let first: Quantity | undefined;
    for (let index = figures.length - 1; index >= 0 && (figures[index]!.location.start ?? 0) >= markerClause; index--) if (isBefore(figures[index]!)) first = figures[index];
    if (!first && noun === undefined && figures[0] !== undefined && isBefore(figures[0])) first = figures[0];
    if (!first && noun !== undefined) for (let index = 0; index < figures.length && !first; index++) if (isBefore(figures[index]!)) first = figures[index];
    const headline = breakdownAt === windowStart + open ? last : first;
    // A bare number after a breakdown of a count the catalog does not name ("04 xã, gồm: …") counts the same
    // thing only in plain arithmetic ("(01 + 04 + 01 + 01)"): after a name it is a figure about that unit.
    if (headline?.metric === undefined && !/^[\s\d.,+()]*$/u.test(text.slice(markerEnd, position))) return undefined;
    return headline;
  }

  /**
   * "+ Qua zalo: 0 bài;" then "+ Qua Face book: 0": a list item built like its sibling, with a bare number
   * after its label, counts what the sibling counted.
   */
  private previousSiblingFigure(statement: Statement, left: string): Quantity | undefined {
    const previous = this.previousStatement;
    if (!previous || previous.statement.depth !== statement.depth || !/:\s*$/u.test(left)) return undefined;
    const opening = (text: string) => /^[\s\-+*•]*(\p{L}+)/u.exec(text)?.[1]?.toLowerCase();
    const sameShape = opening(statement.text) !== undefined && opening(statement.text) === opening(previous.statement.text);
    return sameShape && previous.statement.key === statement.key - 1 ? previous.figure : undefined;
  }

  /** The count of `noun` in the label right above that ends by announcing its parts ("…, cụ thể:"), if any. */
  private totalAnnouncingParts(statement: Statement, noun: string): Quantity | undefined {
    const label = statement.scopes.find((scope) => !scope.heading);
    if (!label || !this.partsFollow.test(label.text)) return undefined;
    const counts = (this.quantitiesOf.get(label.key) ?? []).filter((quantity) => quantity.noun === noun && quantity.unit !== 'percent');
    return counts[counts.length - 1];
  }

  /** "…, tỷ lệ đúng hạn đạt 100%": the words before a rate name the rate of a measure other than the count before it. */
  private namesAnotherRate(between: string, previous: Quantity, folded: boolean): boolean {
    const rate = /(?:tỷ|tỉ) lệ/iu.exec(between);
    if (!rate) return false;
    const named = between.slice(rate.index);
    return this.compiled.some(({ rule, cues }) => rule.percent !== 'never' && rule.id !== previous.metric && cues.test(named, folded));
  }

  private nounInside(raw: string, folded: boolean): PhraseHit | undefined {
    // Past the denominator, written "/6588", "/ tổng số 6.588", " trên 30" or " trong tổng số 3.602".
    const denominator = /^[\d.,\s]*?(?:\s*\/\s*|\s+(?:trên|trong)\s+)(?:tổng\s+)?(?:số\s+)?[\d.,]+/iu.exec(raw);
    if (!denominator) return undefined;
    return this.allNouns.startingAt(raw, denominator[0].length, folded, /^\s*/u);
  }

  /**
   * A bare number in a table column headed by what it counts ("Số hộ" above "512") has that noun, as "512 hộ" would;
   * the noun sits at the number's end, adding nothing to its raw text.
   */
  private nounOfColumn(statement: Statement, mention: NumberMention, folded: boolean): PhraseHit | undefined {
    if (!statement.table || mention.start < statement.table.cellStart) return undefined;
    const counted = COUNT_HEADER.exec(statement.table.header.trim())?.[1];
    if (!counted) return undefined;
    const hit = this.identifyingNouns.startingAt(counted, 0, folded, /^/u);
    return hit && hit.end === counted.length ? { phrase: hit.phrase, start: mention.end, end: mention.end } : undefined;
  }

  private ruleById(id: string): MetricRule | undefined {
    return this.compiled.find((compiled) => compiled.rule.id === id)?.rule;
  }

  private choose(
    mention: NumberMention,
    noun: string | undefined,
    left: string,
    clause: string,
    rightAttached: string,
    statement: Statement,
    folded: boolean,
  ): Candidate | undefined {
    // Only the words that govern this number can rule a metric out: "thu nhận 1.254.870 hồ sơ …, trả 1.249.112 thẻ" —
    // "thu nhận" governs the first number, not the cards returned after it.
    const around = `${left} ${rightAttached}`;
    let best: Candidate | undefined;
    for (const compiled of this.compiled) {
      const { rule } = compiled;
      if (!this.kindFits(rule, mention, clause, noun)) continue;
      if (noun !== undefined ? !compiled.nouns.has(noun, folded) : !rule.bareNumber) continue;
      if (!compiled.excludes.isEmpty && compiled.excludes.test(around, folded)) continue;
      if (!compiled.context.isEmpty && !this.inContext(compiled, statement, folded)) continue;
      const candidate = this.score(compiled, left, clause, rightAttached, statement, folded, noun);
      if (!candidate) continue;
      // Accounts or cards counted by the people they were done for: only when the clause says what was done for them.
      if (noun !== undefined && rule.unit !== 'persons' && this.personNouns.has(noun, folded) && !(candidate.tier >= 2 && governsRecipients(left, rightAttached))) continue;
      if (!best || better(candidate, best)) best = candidate;
    }
    return best;
  }

  /** Per statement and rule: whether the rule's subject is spoken of (the answer is the same for every number in it). */
  private contextCache = new Map<string, boolean>();

  /** The statement, or a label above it up to the nearest heading, speaks of the rule's subject. */
  private inContext(compiled: CompiledRule, statement: Statement, folded: boolean): boolean {
    const key = `${statement.key}\u0000${compiled.rule.id}`;
    let answer = this.contextCache.get(key);
    if (answer === undefined) {
      answer = this.speaksOf(compiled, statement, folded);
      this.contextCache.set(key, answer);
    }
    return answer;
  }

  private speaksOf(compiled: CompiledRule, statement: Statement, folded: boolean): boolean {
    if (compiled.context.test(statement.text, folded)) return true;
    // A table cell is about what its table's headers, unit and title rows speak of ("Trực tuyến" beside "Thủ tục").
    if (statement.table && compiled.context.test(statement.table.context, folded)) return true;
    for (const scope of statement.scopes) {
      if (compiled.context.test(scope.text, folded)) return true;
      if (scope.heading) break;
    }
    return false;
  }

  private kindFits(rule: MetricRule, mention: NumberMention, clause: string, noun: string | undefined): boolean {
    const isPercentOnly = mention.kind === 'percent';
    if (rule.percent === 'only') return isPercentOnly;
    // "(tỷ lệ 100% đúng và trước hẹn)", "tỷ lệ công dân … được kích hoạt tài khoản … mức 2 đạt 81,4%": a rate stated of
    // a count metric, kept as that metric in percent; so is a share of the counted things, "hơn 92% hồ sơ … được nộp
    // trực tuyến" (the noun then has to be the rule's, and its cue has to be in the clause).
    // "đăng ký tạm trú trực tuyến đạt 91,3%" says the same without "tỷ lệ": the measure's words, then "đạt".
    if (isPercentOnly) return rule.percent === 'allowed' && (noun !== undefined || /(?:tỷ|tỉ) lệ(?:[^%;]|\(%\)){0,90}$/iu.test(clause) || RATE_VERB_BEFORE.test(clause));
    if (rule.percent === 'never' && mention.percent !== undefined) return false;
    return true;
  }

  private score(
    compiled: CompiledRule,
    left: string,
    clause: string,
    rightAttached: string,
    statement: Statement,
    folded: boolean,
    noun: string | undefined,
  ): Candidate | undefined {
    const identified = noun !== undefined && compiled.identifyingNouns.has(noun, folded);
    // A table's column header names what its cells measure; its row label names whose or which they are: a cue
    // in the header ("Được giao") beats one in the row label ("Phát triển công dân số").
    if (statement.table && statement.table.headerEnd > 0) {
      const inHeader = compiled.cues.lastBefore(statement.text.slice(0, statement.table.headerEnd), undefined, folded);
      if (inHeader) return { compiled, tier: 2.5, specificity: inHeader.phrase.length, segment: 0 };
    }
    const label = compiled.labels.isEmpty ? undefined : labelBefore(compiled.labels, clause, folded);
    if (label) return { compiled, tier: 2, specificity: label.length, segment: 0 };
    const before = compiled.cues.lastBefore(left, left.length, folded);
    const after = compiled.cues.findAll(rightAttached, folded)[0];
    if (before || after) {
      const specificity = Math.max(before?.phrase.length ?? 0, after?.phrase.length ?? 0);
      // Words right after the counted noun are its own ("89 hồ sơ đã trả kết quả đúng thời hạn"): no stop between.
      const segment = after ? 0 : subClauseStops(left.slice(before!.end));
      return { compiled, tier: 2, specificity, segment, adjacent: after !== undefined && rightAttached.slice(0, after.start).trim() === '' };
    }
    // Nothing in its own clause: the nearest enclosing label may name the measure ("- Tỷ lệ số hóa hồ sơ:" above "Năm 2022: …").
    // Only a clause with nothing of its own to say ("Năm 2022: 6.065/6588 hồ sơ = 92%") borrows the label above.
    if (!saysNothingOfItsOwn(left)) return identified ? { compiled, tier: 0, specificity: noun.length, segment: 0 } : undefined;
    // A label that states figures of its own is a total, and its measure is not its parts' measure.
    for (const scope of statement.scopes) {
      if (!scope.heading && this.statementsWithFigures.has(scope.key)) break;
      const hit = compiled.cues.lastBefore(scope.text, scope.text.length, folded);
      if (hit) return { compiled, tier: scope.rowLabel ? 2 : scope.heading ? 1 : 1.5, specificity: hit.phrase.length, segment: 0 };
    }
    return identified ? { compiled, tier: 0, specificity: noun.length, segment: 0 } : undefined;
  }

  /** A figure of `rule`'s metric, or, without a rule, a quantity of `otherNoun` that the catalog does not name. */
  private buildFigure(
    rule: MetricRule | undefined,
    mention: NumberMention,
    statement: Statement,
    clause: string,
    index: number,
    nounEnd: number | undefined,
    writtenNoun: string | undefined,
    otherNoun?: string,
  ): Quantity {
    const rawEnd = Math.max(mention.end, nounEnd ?? mention.end);
    const noun = otherNoun ?? (writtenNoun !== undefined ? canonicalNoun(writtenNoun) : nounOfUnit(rule!.unit));
    const figure: Quantity = {
      id: `f${index + 1}`,
      ...(rule ? { metric: rule.id } : {}),
      value: mention.value ?? 0,
      unit: mention.kind === 'percent' ? 'percent' : rule ? rule.unit : noun,
      noun,
      raw: statement.text.slice(mention.start, rawEnd).trim(),
      evidence: statement.evidence,
      location: statement.locate(mention.start, rawEnd),
      rule: rule ? `metrics/${rule.id}` : 'quantities/counted-noun',
    };
    if (mention.denominator !== undefined) figure.denominator = mention.denominator;
    if (mention.percent !== undefined && mention.kind !== 'percent') figure.percent = mention.percent;
    if (mention.percentDecimals !== undefined) figure.percentDecimals = mention.percentDecimals;
    if (mention.qualifier !== undefined) figure.qualifier = mention.qualifier;
    // In a table column a bare "9/9" is a ratio, not the 9th of September.
    const dateDoubt = mention.kind === 'ratio' && (statement.table !== undefined || statement.inTable === true) && /ngày|tháng/iu.test(mention.uncertainReason ?? '');
    if (mention.uncertain && !dateDoubt) {
      figure.uncertain = true;
      if (mention.uncertainReason) figure.uncertainReason = mention.uncertainReason;
      if (mention.alternatives?.length) figure.alternatives = [...mention.alternatives];
    }
    const section = statement.scopes.find((scope) => scope.heading);
    if (section) figure.section = section.text;
    const label = statement.scopes.find((scope) => !scope.heading);
    if (label) figure.context = label.text;
    if (statement.ocr) {
      figure.ocr = true;
      // A digit the OCR engine was unsure of is a guess: flag the number rather than pass it as read.
      const unsure = statement.ocr.uncertainRanges?.some(({ start, end }) => start < mention.end && end > mention.start);
      if (unsure) {
        figure.uncertain = true;
        figure.uncertainReason ??= 'phần mềm nhận dạng chữ (OCR) không chắc chắn về các chữ số này';
      }
    }
    const year = this.yearOf(statement, clause);
    if (year !== undefined) figure.year = year;
    // A procedure names what dossiers were filed for; "thường trú 9.540 nhân khẩu" are residents, not a procedure.
    const procedure =
      figure.unit === 'dossiers' || figure.noun === 'hồ sơ'
        ? (this.procedureOf(statement, clause) ?? this.procedureBeforeParenthesis(statement.text, clause, mention.start) ?? this.procedureOfItemLabel(statement, clause, mention.start))
        : undefined;
    if (procedure !== undefined) figure.procedure = procedure;
    return figure;
  }

  /**
   * "Năm 2022: …", "trong năm 2023 …" in the figure's own clause, or a label that is about one year
   * ("Năm 2022:", "* Trong năm 2023 kết quả … như sau:"). A year in passing ("tầm nhìn đến năm 2030",
   * "Luật Cư trú năm 2020") scopes nothing.
   */
  private yearOf(statement: Statement, clause: string): number | undefined {
    const own = lastYear(clause);
    if (own !== undefined) return own;
    for (const scope of statement.scopes) {
      const label = /^[\s\-+*•]*(?:trong\s+)?năm\s+((?:19|20)\d\d)\b(?!\s*[-–]\s*\d)(?!\s+đến)/iu.exec(scope.text);
      if (label) return Number(label[1]);
    }
    return undefined;
  }

  /** The first procedure named in the figure's clause ("Đăng ký khai tử: 63 trường hợp, đã giải quyết 63 hồ sơ"), else the nearest label's. */
  private procedureOf(statement: Statement, clause: string): string | undefined {
    const own = this.firstProcedure(clause);
    if (own) return own;
    // Labels above, up to and including the nearest heading ("2.4. Đăng ký, cấp biển số mô tô …").
    for (const scope of statement.scopes) {
      const procedure = this.firstProcedure(scope.text);
      if (procedure) return procedure;
      if (scope.heading) break;
    }
    return undefined;
  }

  /**
   * "- Xác nhận tình trạng hôn nhân. Tiếp nhận: 07 hồ sơ": the item's opening label names the procedure of
   * the sentence right after it — but not of later sentences, which may be about something else.
   */
  private procedureOfItemLabel(statement: Statement, clause: string, position: number): string | undefined {
    const clauseStart = position - clause.length;
    const firstBoundary = /[.;:]\s/u.exec(statement.text)?.index;
    if (firstBoundary === undefined || clauseStart <= firstBoundary || statement.text.slice(firstBoundary + 1, clauseStart).search(/[.;]\s/u) >= 0) return undefined;
    return this.firstProcedure(statement.text.slice(0, firstBoundary));
  }

  /**
   * "…khai sinh … (3.915/7.082); ở nhóm thủ tục khai tử là 52,2% (1.402/2.687)": a number in parentheses has the
   * words of its sentence's clause before the parenthesis, and a procedure they name is its own.
   */
  private procedureBeforeParenthesis(text: string, clause: string, position: number): string | undefined {
    const open = position - clause.length - 1;
    if (text[open] !== '(') return undefined;
    const before = text.slice(Math.max(0, open - 200), open);
    const boundary = Math.max(before.lastIndexOf('; '), before.lastIndexOf('. '), before.lastIndexOf('('), before.lastIndexOf(')'));
    return this.firstProcedure(before.slice(boundary + 1));
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

/** Mentions that count something (a percentage alone is a rate, not a count). */
const COUNT_KINDS: ReadonlySet<NumberMention['kind']> = new Set<NumberMention['kind']>(['integer', 'decimal', 'ratio', 'word-number']);

/** A quantity whose metric the catalog names. */
export function isFigure(quantity: Quantity): quantity is Quantity & Figure {
  return quantity.metric !== undefined;
}

/**
 * "…6589 TTHC tiếp nhận, đạt tỷ lệ 100%", "183.416 tài khoản …, đạt khoảng 76%": the words between a count and its
 * rate, at most a short phrase.
 */
const RATE_OF_PREVIOUS = /^(?:(?:[^;:.()\d]|mức(?: độ)? \d){0,60}(?:đạt|chiếm|bằng|=)\s*(?:tỷ lệ|tỉ lệ)?\s*(?:khoảng|gần|hơn|trên|xấp xỉ|ước)?|\s*\()\s*$/iu;
/** The words between a count and its denominator: "… tài khoản … mức 2 trên tổng số ", " trong tổng số ". */
const RATIO_IN_WORDS = /^(?:[^;:.()\d]|mức(?: độ)? \d){0,100}?\s(?:trên|trong)\s+(?:tổng(?:\s+số)?|số)\s*$/iu;
/** "… trực tuyến đạt 91,3%": a rate verb right before a percentage. */
const RATE_VERB_BEFORE = /(?:đạt|chiếm)\s*(?:khoảng|gần|hơn|trên|xấp xỉ)?\s*$/iu;
/** "2.987 hồ sơ trực tuyến (93,2%)": a rate in parentheses after the words of its count. */
const RATE_IN_PARENTHESES = /^[^;:.()\d]{0,60}\(\s*$/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

function better(a: Candidate, b: Candidate): boolean {
  if (a.tier !== b.tier) return a.tier > b.tier;
  if (a.segment !== b.segment) return a.segment < b.segment;
  if (a.compiled.rule.generic !== b.compiled.rule.generic) return !a.compiled.rule.generic;
  if (Boolean(a.adjacent) !== Boolean(b.adjacent)) return Boolean(a.adjacent);
  return a.specificity > b.specificity;
}

/** "năm 2022", "Năm 2023:" — a single year scoping what follows (a range "2022-2025" scopes nothing). */
function lastYear(text: string): number | undefined {
  let year: number | undefined;
  for (const match of text.matchAll(/(đến|tới|từ|trước|sau|luật[\p{L}\s]{0,20})?\s*\bnăm\s+(20\d\d|19\d\d)\b(\s*[-–]\s*\d|\s+đến)?/giu)) {
    // "đến năm 2025 …" moves the text to another time: what follows is not about the year named before it.
    year = match[1] || match[3] ? undefined : Number(match[2]);
  }
  return year;
}

/** How far back from a number its clause, labels and "trong đó" are looked for, in characters. */
const CLAUSE_WINDOW = 400;

/**
 * Where the clause holding position `before` starts: after the last ";" or sentence end, or after the "("
 * of a parenthesis the number sits in. A parenthesis that closed before the number is an aside: the
 * clause runs on across it ("- Đăng ký thường trú (Công an phường): 1022 hồ sơ").
 */
function lastClauseBoundary(text: string, before: number): number {
  // A clause never reaches further back than the window: a line of thousands of numbers with no ";" stays linear.
  let boundary = Math.max(0, before - CLAUSE_WINDOW);
  const openParens: number[] = [];
  for (let index = boundary; index < before; index++) {
    const character = text[index]!;
    if (character === '(') openParens.push(index + 1);
    else if (character === ')') openParens.pop();
    else if (character === ';' || (character === '.' && /^\.\s+\p{Lu}/u.test(text.slice(index, index + 3)))) {
      boundary = index + 1;
      openParens.length = 0;
    } else if ((character === 't' || character === 'T' || character === 'g' || character === 'G') && /^(?:trong đó|gồm)(?!\p{L})/iu.test(text.slice(index, index + 9))) {
      // What follows "trong đó"/"gồm" are the parts, each with its own label: the total's words are not theirs.
      boundary = index + (/^gồm/iu.test(text.slice(index, index + 3)) ? 3 : 8);
    }
  }
  return Math.max(boundary, openParens[openParens.length - 1] ?? 0);
}

function nextClauseBoundary(text: string, after: number): number {
  const rest = text.slice(after);
  const match = /[;,(]|\.(?:\s|$)/u.exec(rest);
  return match ? after + match.index : text.length;
}

/** "58 214 người được kích hoạt …", "cấp CCCD cho 215.480 công dân": the clause says what the people counted got (rules/nouns.ts). */
function governsRecipients(left: string, rightAttached: string): boolean {
  if (HELPING.test(left) || HELPING.test(rightAttached)) return false;
  return RECIPIENT_AFTER.test(rightAttached) || RECIPIENT_BEFORE.test(left);
}

/** The words that open a parenthesis ending at `position`, back to the previous stop or "là"/"và": "… là đăng ký tạm trú (". */
function nameBeforeParenthesis(text: string, position: number): string | undefined {
  const before = text.slice(Math.max(0, position - 80), position);
  return /(?:^|[,;:(]|\s(?:là|và|gồm)\s)\s*((?:(?!\s(?:là|và|gồm)\s)[^,;:()\d]){1,60}?)\s*\(\s*$/u.exec(before)?.[1];
}

/** Sub-clause stops in the words between a cue and its number: commas, colons, dashes between spaces (not "08:32"). */
function subClauseStops(text: string): number {
  return text.match(/,|:(?!\d)|\s[-–]\s/gu)?.length ?? 0;
}

/** Words that qualify a count right after its noun ("89 hồ sơ đã trả kết quả đúng thời hạn"), up to punctuation. */
function attachedTail(text: string): string {
  return /^[^,;:()]*/u.exec(text)?.[0] ?? '';
}

/** "năm 2023: 6.715 hồ sơ" after "Số hồ sơ đã tiếp nhận trong năm 2022: 6.588;" continues the same measure. */
function startsParallelClause(left: string): boolean {
  return /^\s*(?:\p{L}+\s*){0,3}?[,;]?\s*(?:và\s+)?(?:trong\s+)?năm\s+\d{4}\s*(?:là|:|đạt)?\s*$/iu.test(left);
}

/**
 * A small number opening a wrapped line and followed by a capitalised word that counts nothing we know
 * ("1 Tư pháp – Hộ tịch …"), or by a placeholder ("1 …"), is the STT column of a table flattened into text.
 */
function isRowNumber(statement: Statement, mention: NumberMention): boolean {
  if (mention.kind !== 'integer' || (mention.value ?? 0) > 99) return false;
  const after = statement.text.slice(mention.end);
  if (/^\s*(?:…|\.\.\.)/u.test(after)) return true;
  const lineStart = statement.lineStartOffsets.some((offset) => statement.text.slice(offset, mention.start).trim() === '');
  return lineStart && /^\s+\p{Lu}/u.test(after);
}

/** "3.1 Phục vụ …", "2.2.Kết quả …": a section number, not a figure. */
const LEADING_SECTION_NUMBER = /^\s*(?:[-+•*]\s*)?\d{1,2}(?:\.\d{1,2}){1,3}\.?(?=\s|\p{L})/u;

/** "- Đăng ký thường trú (Công an phường Giếng Đáy): " — a label phrase opening the clause and a colon closing it. */
function labelBefore(labels: PhraseSet, clause: string, folded: boolean): string | undefined {
  const opening = /^[\s\-+*•]*/u.exec(clause)?.[0].length ?? 0;
  const hit = labels.startingAt(clause, opening, folded, /^/u);
  if (!hit) return undefined;
  return /^[^:;]{0,80}:\s*$/u.test(clause.slice(hit.end)) ? hit.phrase : undefined;
}

/** The words before a number are only a year, a procedure-free marker or punctuation: the measure must come from above. */
function saysNothingOfItsOwn(left: string): boolean {
  const rest = left
    .replace(/(?:trong\s+)?năm\s+\d{4}/giu, ' ')
    .replace(/[-+*•:;,.=()\d\s]+/gu, ' ')
    .trim();
  return rest === '' || rest.split(/\s+/u).length <= 1;
}

function isVetoed(before: string, after: string, wholeStatementBefore: string, statement: Statement, isRate: boolean): boolean {
  // A statement's vetoes look at its opening ("^Phấn đấu …") or at the sentence the number ends (a few hundred
  // characters "…$"): a 1 MB line is not rescanned whole for each of its numbers.
  const statementBefore = wholeStatementBefore.length <= STATEMENT_VETO_REACH * 2 ? wholeStatementBefore : `${wholeStatementBefore.slice(0, STATEMENT_VETO_REACH)}\n${wholeStatementBefore.slice(-STATEMENT_VETO_REACH)}`;
  const section = () => statement.scopes.find((scope) => scope.heading)?.text ?? '';
  return FIGURE_VETOES.some(
    (veto) =>
      (!veto.percentOnly || isRate) &&
      (!veto.before || veto.before.test(before)) &&
      (!veto.after || veto.after.test(after)) &&
      (!veto.statement || veto.statement.test(statementBefore)) &&
      (!veto.section || veto.section.test(section())) &&
      (!veto.header || (statement.table !== undefined && veto.header.test(statement.table.header))) &&
      (!veto.title || (statement.table !== undefined && veto.title.test(statement.table.title))),
  );
}

/** How much of a statement's opening, and of the words before a number, its vetoes need. */
const STATEMENT_VETO_REACH = 500;

function documentSample(document: Document, limit = 4000): string {
  let sample = '';
  for (const block of document.blocks) {
    if (block.kind !== 'table') sample += ` ${block.text}`;
    if (sample.length > limit) break;
  }
  return sample;
}
