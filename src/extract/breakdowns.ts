import type { Quantity } from '../model/index.ts';
import type { RelationIndex } from '../check/relation.ts';
import { CONTINUES_PREVIOUS_PARAGRAPH, TOTAL_WORDS, type BreakdownMarker } from '../../rules/breakdown-markers.ts';
import type { Statement } from './statements.ts';
import { linkTableFigures } from './table-links.ts';

/**
 * Part → total links between quantities, which the checks add up and bound. Which total a part belongs to
 * is read from the sentence first, then from the structure, then from what the parts are:
 * 1. a breakdown marker ("trong đó", "gồm", "Trong số …:", "cụ thể", "chia ra"), a colon or a parenthesis
 *    right after a count: each count after it is a part of the nearest count of the same noun before it
 *    ("Tiếp nhận mới 1.100 hồ sơ; số hồ sơ đến hạn giải quyết là 1.180, trong đó đúng hạn 1.150, quá hạn 30"
 *    — the parts are the 1.180's);
 * 2. structure: items below a total ("- Tổng số hồ sơ tiếp nhận: 120 hồ sơ" then "+ 0 hồ sơ bị trả lại"), the
 *    items after a "Trong đó:" line, the rows above a table's total row; list depth only refines;
 * 3. side by side: a count whose metric is a declared part of a count stated just before it, in the same
 *    sentence or list (online and in person beside what was received), per rules/relations/.
 * Every part records what linked it (`linkedBy`), so an auditor can judge a doubtful one.
 */
export interface LinkRules {
  relations: RelationIndex;
  markers: readonly BreakdownMarker[];
  /** The report's own year: "năm 2024" on a figure of the 2024 report scopes nothing new. */
  reportYear?: number;
}

type Found = { figure: Quantity; statement: Statement };

/**
 * Bounds that keep one line of thousands of numbers linear to read (fixtures/bad/long-line-numbers.txt): how many
 * quantities before a part are looked at for its total (a list of counts is a few dozen long at most), and how
 * many characters a breakdown or a parenthesis may run (a real one is a few hundred).
 */
const SIDE_BY_SIDE_REACH = 64;
export const BREAKDOWN_REACH = 2_000;

export function linkBreakdowns(found: readonly Found[], statements: readonly Statement[], rules: LinkRules): void {
  const byStatement = new Map<number, Found[]>();
  for (const item of found) {
    const list = byStatement.get(item.statement.key) ?? [];
    list.push(item);
    byStatement.set(item.statement.key, list);
  }
  const linker = new Linker(rules);
  linkTableFigures(found, (part, total) => linker.canBePartOf(part, total, true), (part, total, kind, linkedBy) => linker.link(part, total, kind, linkedBy, true));
  for (const statement of statements) {
    if (statement.table) continue;
    linker.linkWithinStatement(statement, (byStatement.get(statement.key) ?? []).map(({ figure }) => figure));
  }
  linker.linkByStructure(statements, byStatement);
  linker.linkSideBySide(statements, byStatement);
  linker.nestDeclaredParts(found.map(({ figure }) => figure));
}

/** A marker found in a statement's text: where it is, what it says of the parts after it. */
interface MarkerHit {
  start: number;
  end: number;
  label: string;
  exhaustive: boolean;
  totalAfter: boolean;
  /** The parts end here: the end of the sentence, or of the parenthesis the marker sits in. */
  scopeEnd: number;
}

interface Frame {
  depth: number;
  parent: Quantity;
  /** Covers later blocks of the same depth too (not only deeper ones). */
  siblings: boolean;
  /** Only the first quantity of each sibling's subtree is a part ("- Trong đó:" / "- Đăng ký thường trú:" / "Tiếp nhận: 31 hồ sơ"). */
  firstOnly: boolean;
  linkedInSubtree: boolean;
  linkedBy: string;
  exhaustive: boolean;
  /** The total's statement ends by announcing its parts ("…, trong đó:", "… như sau:"): paragraphs below count too. */
  announced: boolean;
  /** No total: a paragraph announcing its own list ("Tình hình giải quyết:") — the items below are not an earlier item's parts. */
  barrier?: boolean;
  /** Parts already linked to this frame's total by the outline. */
  partsLinked?: number;
  /**
   * For a statement that announces its parts ("…, tổng số hồ sơ phải giải quyết là 493 hồ sơ. Kết quả:"), its counts
   * nearest the announcement first: a part belongs to the nearest one that can hold it.
   */
  totals?: Quantity[];
  /** The ordered marker its statement opens with ("3.", "b)", "(2)"), whatever depth the reader gave it. */
  marker?: OrderedMarker;
}

class Linker {
  constructor(private readonly rules: LinkRules) {}

  /**
   * May `part` be a part of `total`? Catalog figures only along the same metric or a declared relation;
   * a count outside the catalog only of a count of the same noun, and only where the text says so (a marker
   * or the structure), never side by side.
   */
  /** A year other than the report's own, or none. */
  private yearOf(quantity: Quantity): number | undefined {
    return quantity.year === this.rules.reportYear ? undefined : quantity.year;
  }

  canBePartOf(part: Quantity, total: Quantity, stated: boolean): boolean {
    if (part === total || part.unit === 'percent' || total.unit === 'percent') return false;
    // A comparison with an earlier period ("so với năm 2023 (6.692 hồ sơ)") is no part and no total of this one's.
    if (part.period === 'previous' || total.period === 'previous') return false;
    const partYear = this.yearOf(part);
    const totalYear = this.yearOf(total);
    if (partYear !== undefined && totalYear !== undefined && partYear !== totalYear) return false;
    if (totalYear !== undefined && partYear === undefined && !stated) return false;
    // A unit's own count is never a part of another unit's; the units' counts are parts of the whole's.
    if (total.subject !== undefined && part.subject !== total.subject) return false;
    if (total.field !== undefined && part.field !== undefined && part.field !== total.field) return false;
    if (!stated && ((part.cumulative ?? false) !== (total.cumulative ?? false) || part.period !== total.period)) return false;
    if (total.procedure !== undefined && part.procedure !== undefined && part.procedure !== total.procedure) return false;
    if (part.metric !== undefined && total.metric !== undefined) {
      // A declared relation may cross units (accounts activated out of the dossiers applying for them).
      if (part.metric === total.metric) return part.unit === total.unit;
      return this.rules.relations.isPartOf(part.metric, total.metric);
    }
    return stated && part.noun === total.noun;
  }

  /** The same noun, or catalog metrics the relations tie together: what "a total of its noun" means. */
  private sameKind(part: Quantity, total: Quantity): boolean {
    // "12 buổi tuyên truyền, trong đó 7 buổi tại thôn": one measure, however much of its name each count repeats.
    if (part.noun === total.noun || (part.metric !== undefined && part.metric === total.metric)) return true;
    return part.metric !== undefined && total.metric !== undefined && this.rules.relations.isPartOf(part.metric, total.metric);
  }

  link(part: Quantity, total: Quantity, kind: NonNullable<Quantity['partKind']>, linkedBy: string, exhaustive: boolean): void {
    part.parentId = total.id;
    part.partKind = kind;
    part.linkedBy = linkedBy;
    if (exhaustive) part.exhaustiveLink = true;
    else delete part.exhaustiveLink;
  }

  /** Markers, colons and parentheses inside one statement. */
  linkWithinStatement(statement: Statement, items: readonly Quantity[]): void {
    if (items.length < 2) return;
    const text = statement.text;
    const start = (quantity: Quantity) => quantity.location.start ?? 0;
    const byStart = [...items].sort((a, b) => start(a) - start(b));
    const firstAt = (position: number) => {
      let low = 0;
      let high = byStart.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (start(byStart[middle]!) < position) low = middle + 1;
        else high = middle;
      }
      return low;
    };
    // The nearest marker claims its parts first: in "…, trong đó cấp mới 96 hồ sơ (có 71 hồ sơ của trẻ em), …" the
    // 71 belong to the 96, the 96 to the total before "trong đó".
    for (const marker of this.markersIn(text, items).reverse()) {
      const parts = byStart.slice(firstAt(marker.end), firstAt(marker.scopeEnd)).filter((item) => item.parentId === undefined);
      if (marker.totalAfter) {
        // "Trong số 1.200 hồ sơ tiếp nhận, có 1.150 hồ sơ đúng hạn …": the first count is the total.
        const [total, ...rest] = parts;
        if (!total) continue;
        for (const part of rest) if (this.canBePartOf(part, total, true)) this.link(part, total, 'inline', `"${marker.label}"`, marker.exhaustive);
        continue;
      }
      const markerAt = firstAt(marker.start);
      // A parenthesis breaks down the count it follows and no other: in "9 lớp … (412 người)" the people are the 9
      // classes' attendance, not a part of the 1.284 people stated before.
      const reach = marker.label === '(…)' ? 1 : SIDE_BY_SIDE_REACH;
      const before = byStart.slice(Math.max(0, markerAt - reach), markerAt).filter((item) => !inAside(text, start(item), marker.start)).reverse();
      for (const part of parts) {
        // The nearest count of the same noun before the marker that can hold the part is its total
        // ("đã giải quyết 263 hồ sơ. Trong đó: đăng ký lại 23" — the 23 registrations are received ones too).
        const total = before.find((candidate) => this.sameKind(part, candidate) && this.canBePartOf(part, candidate, true));
        if (total) this.link(part, total, 'inline', `"${marker.label}"`, marker.exhaustive);
      }
    }
    // Counts side by side in one sentence ("tiếp nhận 489 hồ sơ, trực tuyến 447 hồ sơ"): the online count is the
    // 489's, before any total the outline puts the whole sentence under.
    for (const [index, part] of byStart.entries()) {
      if (part.parentId !== undefined || part.metric === undefined || part.unit === 'percent') continue;
      const whole = byStart
        .slice(Math.max(0, index - SIDE_BY_SIDE_REACH), index)
        .reverse()
        .find((candidate) => !inAside(text, start(candidate), start(part)) && this.isSideBySideWhole(part, candidate));
      if (whole) this.linkSideBySidePart(part, whole);
    }
  }

  /** Breakdown markers of the rules, a colon after a count, a parenthesis after a count: in reading order. */
  private markersIn(text: string, items: readonly Quantity[]): MarkerHit[] {
    const hits: MarkerHit[] = [];
    const lower = text.toLowerCase();
    // Characters already claimed by a marker: one look per character instead of one per marker found so far.
    const taken = new Uint8Array(text.length + 1);
    for (const marker of [...this.rules.markers].sort((a, b) => b.phrase.length - a.phrase.length)) {
      for (let at = lower.indexOf(marker.phrase); at >= 0; at = lower.indexOf(marker.phrase, at + 1)) {
        const end = at + marker.phrase.length;
        if (/\p{L}/u.test(lower[at - 1] ?? '') || /\p{L}/u.test(lower[end] ?? '')) continue;
        if (taken.subarray(at, end).some((claimed) => claimed === 1)) continue;
        taken.fill(1, at, end);
        // "236 thủ tục, trong đó: 118 …, 104 …, 12 …": a colon after the words opens an enumeration, all of the total as
        // the same parts listed on lines under "trong đó:" are; without it the words may pick out only some.
        const colon = /^\s*:/u.exec(text.slice(end, end + 4));
        const labelEnd = colon ? end + colon[0].length : end;
        hits.push({ start: at, end: labelEnd, label: text.slice(at, labelEnd), exhaustive: marker.exhaustive || colon !== null, totalAfter: marker.totalAfter === true, scopeEnd: endOfBreakdown(text, at) });
      }
    }
    const ends = items.map((item) => item.location.end ?? item.location.start ?? 0);
    const starts = items.map((item) => item.location.start ?? 0).sort((a, b) => a - b);
    for (const end of ends) {
      // "480 hồ sơ: đúng hạn 470 …" or "07 máy tính (01 + 04 …)": a few words of the count's own, then the punctuation.
      const tail = /^[^:;(),.]{0,40}?([:(])/u.exec(text.slice(end, end + 48));
      if (!tail) continue;
      const at = end + tail[0].length - 1;
      // Those words may hold a number that counts nothing ("276 hồ sơ của trẻ em dưới 14 tuổi (dưới 6 tuổi: 153 …)"), but
      // not another count, whose parenthesis it would be, nor a comparison ("tăng 47 so với tháng 9/2023 (265 hồ sơ)").
      if (/\d/u.test(tail[0]) && ((starts[firstAtOrAfter(starts, end)] ?? Infinity) < at || /so với|tăng|giảm|cùng kỳ|bằng/iu.test(tail[0]))) continue;
      // "(Tổng số …", "(tăng 20 so với …": a parenthesis that states another total or a change is an aside.
      if (tail[1] === '(' && /^\(\s*(?:tổng|cộng|tăng|giảm|so với|bằng|đạt|chiếm|tỷ lệ|tỉ lệ)/iu.test(text.slice(at))) continue;
      if (taken[at] === 1) continue;
      if (tail[1] === '(') {
        const close = text.slice(at, at + BREAKDOWN_REACH).indexOf(')') + at;
        hits.push({ start: at, end: at + 1, label: '(…)', exhaustive: true, totalAfter: false, scopeEnd: close < at ? Math.min(text.length, at + BREAKDOWN_REACH) : close });
      } else {
        hits.push({ start: at, end: at + 1, label: ':', exhaustive: true, totalAfter: false, scopeEnd: endOfBreakdown(text, at) });
      }
    }
    return hits.sort((a, b) => a.start - b.start);
  }

  /**
   * Items below a total, items after a "Trong đó:" line, and the items after a statement that ends with a
   * marker ("…, trong đó:"): the frames of the outline.
   */
  linkByStructure(statements: readonly Statement[], byStatement: ReadonlyMap<number, Found[]>): void {
    const frames: Frame[] = [];
    const lastWithFiguresAtDepth = new Map<number, Quantity>();
    for (const statement of statements) {
      if (statement.table) continue;
      const { text, depth } = statement;
      const items = (byStatement.get(statement.key) ?? []).map(({ figure }) => figure);
      // "3. Lĩnh vực cư trú: 65 hồ sơ, gồm:" … "4. Đăng ký xe: 21 hồ sơ.": the next number of the same enumeration is a
      // sibling, wherever the reader put it in the outline (a PDF may read the one a heading, the other a paragraph).
      const marker = orderedMarkerOf(text);
      const sibling = marker === undefined ? -1 : frames.findIndex((frame) => frame.marker === marker);
      if (sibling >= 0) frames.length = sibling;
      while (frames.length > 0) {
        const top = frames[frames.length - 1]!;
        if (top.siblings ? depth < top.depth : depth <= top.depth) frames.pop();
        else break;
      }
      // "…, trong đó:" followed by deeper items has its parts below it; the next item at its own depth is then
      // its sibling, not one of its parts. Only when the parts follow at the same depth do siblings count.
      for (const frame of frames) if (frame.siblings && !frame.firstOnly && depth > frame.depth) frame.siblings = false;
      for (const frame of frames) if (frame.firstOnly && depth === frame.depth) frame.linkedInSubtree = false;

      for (const figure of items) {
        if (figure.parentId) continue;
        // A plain paragraph after a list item continues the text; only an item below a total is a part of it.
        // "Qua kiểm tra tại 04 đơn vị, kết quả như sau:" … "Kiểm tra xác suất … tại 04 đơn vị": the count said again, not a part.
        const saidAgain = (total: Quantity) => figure.metric === undefined && figure.noun === total.noun && figure.value === total.value;
        const totalIn = (frame: Frame) =>
          statement.listItem || frame.announced ? (frame.totals ?? [frame.parent]).find((total) => !saidAgain(total) && this.canBePartOf(figure, total, true)) : undefined;
        const found = frameFor(frames, totalIn);
        if (!found) continue;
        const { frame, total } = found;
        if (frame.firstOnly && frame.linkedInSubtree) continue;
        this.link(figure, total, frame.firstOnly ? 'list' : 'nested', frame.linkedBy, frame.exhaustive);
        frame.partsLinked = (frame.partsLinked ?? 0) + 1;
        if (frame.firstOnly) frame.linkedInSubtree = true;
      }

      const trailing = trailingMarker(text, this.rules.markers);
      if (trailing && items.length === 0 && isBareMarkerLine(text, trailing)) {
        const total = lastWithFiguresAtDepth.get(depth);
        if (total) frames.push({ depth, parent: total, siblings: true, firstOnly: true, linkedInSubtree: false, linkedBy: `dòng "${trailing.phrase}" trước các mục`, exhaustive: true, announced: true });
      } else if (items.length === 0 && !trailing && /:\s*$/u.test(text.trim()) && announcesItsOwnList(frames[frames.length - 1])) {
        // "5. Các lĩnh vực khác: 23 hồ sơ." / "Tình hình giải quyết:" / "- Đã giải quyết 348 hồ sơ": a paragraph that announces a
        // list of its own after a count that announced nothing, or whose announced parts came already; what it lists
        // belongs to it, not to that count.
        const top = frames[frames.length - 1]!;
        frames.push({ ...top, depth, barrier: true, siblings: false, announced: false });
      } else if (items.length > 0) {
        const markerAt = trailing ? text.toLowerCase().lastIndexOf(trailing.phrase) : -1;
        const before = markerAt >= 0 ? items.filter((figure) => (figure.location.start ?? 0) < markerAt && !inAside(text, figure.location.start ?? 0, markerAt)) : items;
        const parent = (trailing ? before[before.length - 1] : (before[0] ?? items[0])) ?? items[0]!;
        const announced = trailing !== undefined || /:\s*$/u.test(text.trim());
        // "… Cộng với 07 hồ sơ tồn, tổng số hồ sơ phải giải quyết là 493 hồ sơ. Kết quả:": a count the text calls a total
        // ("tổng số", "tổng cộng") is what the list below breaks down, before the statement's first count.
        const namedTotals = before.filter((figure) => figure.unit !== 'percent' && namedAsTotal(text, figure.location.start ?? 0)).reverse();
        // In a table a row ends the breakdown its cells opened: the next row is the next part, not a part of it.
        frames.push({
          depth,
          parent,
          siblings: trailing !== undefined && !statement.inTable,
          firstOnly: false,
          linkedInSubtree: false,
          linkedBy: trailing ? `"${trailing.phrase}" cuối dòng` : 'các mục liệt kê dưới tổng',
          exhaustive: trailing?.exhaustive ?? false,
          announced,
          ...(announced && namedTotals.length > 0 && !namedTotals.includes(parent) ? { totals: [...namedTotals, parent] } : {}),
          ...(marker !== undefined ? { marker } : {}),
        });
        lastWithFiguresAtDepth.set(depth, items[0]!);
      }
    }
  }

  /**
   * Counts stated one after another with no marker: a count whose metric is a declared part of a count stated
   * just before it — in the same statement, or in the sibling items of the same list — is its part
   * ("- Tổng số nhiệm vụ được giao: 35;" then "- … đã hoàn thành: 16;").
   */
  linkSideBySide(statements: readonly Statement[], byStatement: ReadonlyMap<number, Found[]>): void {
    const window: Statement[] = [];
    for (const statement of statements) {
      if (statement.table) {
        window.length = 0;
        continue;
      }
      // A heading closes the list the side-by-side counts are in; an item back at the list's own depth closes only the
      // sub-list before it ("- Đã giải quyết: 3.451 hồ sơ, gồm:" / "+ Đúng hạn …" / "- Đang giải quyết: 31 hồ sơ").
      if (statement.scopes[0]?.heading && statement.scopes[0].key === statement.key - 1) window.length = 0;
      while (window.length > 0 && window[window.length - 1]!.depth > statement.depth + 0.5) window.pop();
      while (window.length > 8) window.shift();
      const items = (byStatement.get(statement.key) ?? []).map(({ figure }) => figure);
      // Across statements only between items of one list ("- Tổng số nhiệm vụ …: 35;" / "- … đã hoàn thành: 16;"):
      // a paragraph after a list starts another topic ("Lĩnh vực cư trú: 214 hồ sơ …").
      const previous = window[window.length - 1];
      const earlier = statement.listItem
        ? window.filter((other) => other.listItem).flatMap((other) => (byStatement.get(other.key) ?? []).map(({ figure }) => figure))
        : previous !== undefined && !previous.listItem && !previous.scopes[0]?.heading && CONTINUES_PREVIOUS_PARAGRAPH.test(statement.text)
          ? (byStatement.get(previous.key) ?? []).map(({ figure }) => figure)
          : [];
      for (const [index, part] of items.entries()) {
        if (part.parentId !== undefined || part.metric === undefined || part.unit === 'percent') continue;
        // The nearest quantities first, and no more than SIDE_BY_SIDE_REACH of them: a line of thousands of numbers stays linear.
        const candidates = [...earlier.slice(-SIDE_BY_SIDE_REACH), ...items.slice(Math.max(0, index - SIDE_BY_SIDE_REACH), index)].reverse().slice(0, SIDE_BY_SIDE_REACH);
        const whole = candidates.find((candidate) => this.isSideBySideWhole(part, candidate));
        if (whole) this.linkSideBySidePart(part, whole);
      }
      if (statement.scopes[0]?.heading || items.length > 0 || window.length > 0) window.push(statement);
    }
  }

  /** Could `candidate`, stated before `part` with no marker between them, be the whole a declared relation makes it part of? */
  isSideBySideWhole(part: Quantity, candidate: Quantity): boolean {
    return (
      candidate.metric !== undefined &&
      part.metric !== undefined &&
      candidate.metric !== part.metric &&
      this.rules.relations.isPartOf(part.metric, candidate.metric) &&
      (this.yearOf(candidate) ?? null) === (this.yearOf(part) ?? null) &&
      (candidate.procedure ?? null) === (part.procedure ?? null) &&
      (candidate.subject ?? null) === (part.subject ?? null) &&
      ((candidate.cumulative ?? false) === (part.cumulative ?? false) || this.isStatusOnADay(part, candidate)) &&
      (candidate.period ?? null) === (part.period ?? null) &&
      (candidate.field ?? null) === (part.field ?? null) &&
      // Inferred links only where they can hold: 2 in progress beside "0 chưa hoàn thành" are a status of
      // their own, not a part of the zero (that claim is status-contradiction's to judge).
      candidate.value >= part.value &&
      !candidate.uncertain
    );
  }

  /**
   * "đến ngày 10/6/2024 đã hoàn thành 11" or "Đến nay đã hoàn thành 19" beside the year's 20 tasks: a status on a day
   * of a whole the relations say may be dated so.
   */
  private isStatusOnADay(part: Quantity, whole: Quantity): boolean {
    return (
      part.cumulative === true &&
      !whole.cumulative &&
      this.rules.relations.partitionsOf(whole.metric!, part.metric!).some((partition) => partition.statusAsOf) &&
      (whole.year === undefined || part.asOf === undefined || part.asOf.startsWith(`${whole.year}-`))
    );
  }

  private linkSideBySidePart(part: Quantity, whole: Quantity): void {
    this.link(part, whole, 'side-by-side', `nêu cạnh nhau: ${part.metric} là một phần của ${whole.metric} (rules/relations)`, false);
  }

  /**
   * Two parts of one total of which one is a declared part of the other (resolved and resolved-on-time, both
   * after "trong đó" of what was received): the smaller belongs to the larger, so neither is counted twice.
   */
  nestDeclaredParts(quantities: readonly Quantity[]): void {
    const byParent = new Map<string, Quantity[]>();
    for (const quantity of quantities) if (quantity.parentId) byParent.set(quantity.parentId, [...(byParent.get(quantity.parentId) ?? []), quantity]);
    const byId = new Map(quantities.map((quantity) => [quantity.id, quantity]));
    for (const [parentId, parts] of byParent) {
      const total = byId.get(parentId);
      for (const [index, inner] of parts.entries()) {
        if (inner.metric === undefined) continue;
        // The outer part is a declared sub-whole (resolved within received), not a share of the total's own measure.
        const outer = parts
          .slice(0, index)
          .reverse()
          .find((candidate) => candidate.metric !== undefined && candidate.metric !== inner.metric && candidate.metric !== total?.metric && this.rules.relations.isPartOf(inner.metric!, candidate.metric) && inner.value <= candidate.value);
        if (outer) this.link(inner, outer, inner.partKind ?? 'side-by-side', `${inner.linkedBy ?? ''}; thuộc ${outer.metric} đã nêu trước`, inner.exhaustiveLink === true);
      }
    }
  }

}

/**
 * An inline breakdown lists its parts up to the end of its sentence, or of its parenthesis:
 * "(trong đó đăng ký mới 83, đăng ký lại 6) … Trong năm 2023 thực hiện số hóa 6589 TTHC" — 6589 is no part of it.
 */
export function endOfBreakdown(text: string, at: number): number {
  const back = text.slice(Math.max(0, at - BREAKDOWN_REACH), at + 1);
  const insideParenthesis = back.lastIndexOf('(') > back.lastIndexOf(')');
  const reach = Math.min(text.length, at + BREAKDOWN_REACH);
  const rest = text.slice(at, reach);
  // Cut at the reach, the slice's end is not the text's: "$" may only match where the text really ends.
  const end = insideParenthesis ? rest.indexOf(')') : rest.search(reach === text.length ? /\.(?:\s+\p{Lu}|\s*$)/u : /\.\s+\p{Lu}/u);
  return end < 0 ? reach : at + end;
}

/** Is `position` inside a parenthesis that closes before `before` ("… so với năm 2023 (6.692 hồ sơ). Trong đó:")? An aside, not a total. */
function inAside(text: string, position: number, before: number): boolean {
  const { opens, closes } = parenthesesOf(text);
  const open = lastAtOrBefore(opens, position);
  if (open === undefined || open < position - BREAKDOWN_REACH) return false;
  const closedBefore = lastAtOrBefore(closes, position);
  if (closedBefore !== undefined && closedBefore > open) return false;
  const close = closes[firstAtOrAfter(closes, position)];
  return close !== undefined && close < before;
}

/** Where a text's parentheses are, found once per text: this runs for every number against every marker of a line. */
let parenthesesCache: { text: string; opens: number[]; closes: number[] } | undefined;
function parenthesesOf(text: string): { opens: number[]; closes: number[] } {
  if (parenthesesCache?.text !== text) {
    const opens: number[] = [];
    const closes: number[] = [];
    for (let at = text.indexOf('('); at >= 0; at = text.indexOf('(', at + 1)) opens.push(at);
    for (let at = text.indexOf(')'); at >= 0; at = text.indexOf(')', at + 1)) closes.push(at);
    parenthesesCache = { text, opens, closes };
  }
  return parenthesesCache;
}

function firstAtOrAfter(sorted: readonly number[], position: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < position) low = middle + 1;
    else high = middle;
  }
  return low;
}

function lastAtOrBefore(sorted: readonly number[], position: number): number | undefined {
  return sorted[firstAtOrAfter(sorted, position + 1) - 1];
}

type OrderedMarker = 'number' | 'letter' | 'parenthesised';

/** The kind of ordered marker a statement opens with: "3. …", "b) …", "(2) …". */
function orderedMarkerOf(text: string): OrderedMarker | undefined {
  const head = text.trimStart().slice(0, 6);
  if (/^\d{1,2}\.(?!\d)/u.test(head)) return 'number';
  if (/^[a-zđ]\)/u.test(head)) return 'letter';
  if (/^\(\d{1,2}\)/u.test(head)) return 'parenthesised';
  return undefined;
}

/**
 * Does a figure-less line ending in ":" below this frame open a list of its own? Yes after a count that announced
 * nothing, or whose announced parts came already; not under "- Trong đó:", whose parts are such labelled items.
 */
function announcesItsOwnList(top: Frame | undefined): boolean {
  if (!top || top.firstOnly) return false;
  return !top.announced || (top.partsLinked ?? 0) > 0;
}

/** Do the words right before a count, in its own clause, call it a total ("tổng số hồ sơ phải giải quyết là 493")? */
function namedAsTotal(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 80), start);
  const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('.'), before.lastIndexOf(':')) + 1);
  return TOTAL_WORDS.test(clause);
}

/** The innermost frame with a total for a part, looking no further out than a paragraph that announced a list of its own. */
function frameFor(frames: readonly Frame[], totalIn: (frame: Frame) => Quantity | undefined): { frame: Frame; total: Quantity } | undefined {
  for (let index = frames.length - 1; index >= 0; index--) {
    const frame = frames[index]!;
    if (frame.barrier) return undefined;
    const total = totalIn(frame);
    if (total) return { frame, total };
  }
  return undefined;
}

/** The marker a statement ends with ("…, trong đó:", "- Trong đó:", "gồm:"), if any. */
function trailingMarker(text: string, markers: readonly BreakdownMarker[]): BreakdownMarker | undefined {
  const tail = text.trim().toLowerCase().replace(/[\s:;,.]+$/u, '');
  return markers
    .filter((marker) => !marker.totalAfter && tail.endsWith(marker.phrase) && !/\p{L}/u.test(tail[tail.length - marker.phrase.length - 1] ?? ''))
    .sort((a, b) => b.phrase.length - a.phrase.length)[0];
}

function isBareMarkerLine(text: string, marker: BreakdownMarker): boolean {
  return text.trim().toLowerCase().replace(/^[-+–•*]?\s*/u, '').replace(/[\s:;,.]+$/u, '') === marker.phrase;
}
