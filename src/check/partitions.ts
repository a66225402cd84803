import type { Quantity } from '../model/index.ts';
import type { Partition, RelationIndex } from './relation.ts';
import { groupBy, isCertainCount, near } from './figures.ts';

/**
 * The stated parts of each total, grouped by what splits it: a partition declared in rules/relations/
 * (accounts by level, dossiers by channel or outcome, tasks by status), or, for parts of the same measure or
 * noun as the total, the dimension they differ in (procedure, year, unit, or just kind). sum-mismatch,
 * status-contradiction and reconciliation all read these groups; none of them names a metric.
 */
export interface PartGroup {
  total: Quantity;
  parts: Quantity[];
  /** The declared partition, when the parts are different metrics of one. */
  partition?: Partition;
  /** "level", "channel" … for a declared partition; "procedure", "year", "subject", "kind" otherwise. */
  by: string;
  /** The parts must make the whole (not merely fit in it). */
  exhaustive: boolean;
  /** Stated counts added to the whole before comparing (dossiers carried over). */
  plus: Quantity[];
  /** Every part was linked only by being stated beside the total, not by a marker or the structure. */
  sideBySide: boolean;
  /** What linked the parts, for the finding ("trong đó", "dòng tổng của bảng" …). */
  linkedBy: string;
}

/** The parts of one total that split it one way, while they are gathered. */
interface SplitEntry {
  partition?: Partition;
  by: string;
  parts: Quantity[];
  /** A partition's part stated twice with two values: the parts are not known to be all of the total. */
  ambiguous?: boolean;
}

export function partGroups(quantities: readonly Quantity[], byId: ReadonlyMap<string, Quantity>, relations: RelationIndex, reportYear?: number): PartGroup[] {
  const groups: PartGroup[] = [];
  const parts = quantities.filter((quantity) => quantity.parentId !== undefined && isCertainCount(quantity));
  for (const [parentId, children] of groupBy(parts, (quantity) => quantity.parentId!)) {
    const total = byId.get(parentId);
    if (!total || !isCertainCount(total)) continue;
    const keyed = new Map<string, SplitEntry>();
    for (const part of children) {
      // A count outside the catalog carries its noun as unit ("cấp đổi 205 hồ sơ" under 318 dossiers): the same noun is the same unit.
      if (part.unit !== total.unit && part.noun !== total.noun && (part.metric === undefined || total.metric === undefined || !relations.isPartOf(part.metric, total.metric))) continue;
      const split = splitOf(total, part, relations);
      if (!split) continue;
      const key = split.partition ? `partition:${split.by}` : `same:${split.by}`;
      const entry: SplitEntry = keyed.get(key) ?? { ...split, parts: [] };
      // A declared partition's parts are different metrics: a second mention of one is a restatement, not a part; with
      // another value ("chưa giải quyết: 0" beside "đang giải quyết trong hạn: 04") the parts are no longer known to be
      // all of the total — which of the two is the part, the text does not say.
      const again = split.partition ? entry.parts.find((other) => other.metric === part.metric) : undefined;
      if (again) {
        if (again.value !== part.value) entry.ambiguous = true;
        continue;
      }
      entry.parts.push(part);
      keyed.set(key, entry);
    }
    // "- Đăng ký thường trú: 128 hồ sơ; … - Xác nhận thông tin về cư trú: 107 hồ sơ": an item naming a procedure the
    // vocabulary lacks is still one of the list's parts, not a split of its own.
    const byProcedure = keyed.get('same:procedure');
    const byKind = keyed.get('same:kind');
    if (byProcedure && byKind && [...byProcedure.parts, ...byKind.parts].every((part) => sameBreakdown(part, byProcedure.parts[0]!))) {
      byProcedure.parts.push(...byKind.parts);
      keyed.delete('same:kind');
    }
    // "niêm yết 118 TTHC, gồm 52 … toàn trình, 59 … một phần và 09 … chỉ thực hiện trực tiếp": a list the text gives as all of
    // the total ("gồm", a colon) is one sum, parts a declared partition names and parts it does not alike.
    const entries = [...keyed.values()];
    if (entries.length > 1 && entries.filter((entry) => entry.partition).length <= 1 && children.every((part) => part.exhaustiveLink && sameBreakdown(part, children[0]!))) {
      const listed = entries.flatMap((entry) => entry.parts);
      keyed.clear();
      keyed.set('same:listed', { by: 'listed', parts: listed });
    }
    // Parts no declared partition names ("trong đó qua VNeID 5.406 hồ sơ, qua Cổng 512, trực tiếp 300") show the
    // partition's stated parts are not all of the total.
    const unclassified = [...keyed.values()].filter((entry) => !entry.partition).flatMap((entry) => entry.parts);
    for (const { partition, by, parts: members, ambiguous } of keyed.values()) {
      const sideBySide = members.every((part) => part.partKind === 'side-by-side');
      const linkedBy = [...new Set(members.map((part) => part.linkedBy).filter((text): text is string => text !== undefined))].join('; ');
      groups.push({
        total,
        parts: members,
        ...(partition ? { partition } : {}),
        by,
        exhaustive: ambiguous ? false : partition ? !unclassified.some((other) => members.some((part) => sameBreakdown(part, other))) && partitionIsExhaustive(partition, members) : sameMeasureIsExhaustive(by, members, total),
        plus: partition ? plusFor(partition, total, quantities, reportYear) : [],
        sideBySide,
        linkedBy,
      });
    }
  }
  for (const group of groups) completeByParallelSplit(group, groups);
  return groups;
}

/**
 * "16 lớp … với 1.284 người, trong đó 9 lớp … (412 người) và 6 lớp … (872 người)": two totals of one sentence split
 * side by side, part for part. Where one split adds up to its total exactly, the writer listed every part, so the
 * other split is meant to be all of its total too, whatever the marker ("trong đó") leaves open.
 */
function completeByParallelSplit(group: PartGroup, groups: readonly PartGroup[]): void {
  if (group.exhaustive || group.partition || group.parts.length < 2) return;
  if (sums(group).parts >= group.total.value) return;
  const partner = groups.find(
    (other) =>
      other !== group &&
      other.total !== group.total &&
      other.parts.length === group.parts.length &&
      other.total.evidence === group.total.evidence &&
      (other.total.location.page ?? 0) === (group.total.location.page ?? 0) &&
      sums(other).parts === other.total.value &&
      sideBySideParts(group.parts, other.parts),
  );
  if (!partner) return;
  group.exhaustive = true;
  group.linkedBy = `${group.linkedBy}; chia song song với ${partner.total.raw}, mà các phần cộng lại đúng bằng`;
}

/** The parts of two splits alternate in the text, one of each after the other ("9 lớp (412 người) và 6 lớp (872 người)"). */
function sideBySideParts(a: readonly Quantity[], b: readonly Quantity[]): boolean {
  const start = (quantity: Quantity) => quantity.location.start ?? 0;
  const inOrder = [...a.map((part) => ({ part, side: 0 })), ...b.map((part) => ({ part, side: 1 }))].sort((x, y) => start(x.part) - start(y.part));
  if (inOrder.some(({ part }) => part.evidence !== a[0]!.evidence)) return false;
  return inOrder.every((entry, index) => index === 0 || entry.side !== inOrder[index - 1]!.side);
}

/** How a part splits its total: its declared partition, or the dimension a part of the same measure differs in. */
function splitOf(total: Quantity, part: Quantity, relations: RelationIndex): { partition?: Partition; by: string } | undefined {
  // The rows above a table's total row are all of it, whatever else sets them apart (some name a procedure,
  // some only a field): one group.
  if (part.partKind === 'table' && (part.metric !== undefined ? part.metric === total.metric : total.metric === undefined && part.noun === total.noun)) {
    return { by: part.tablePart === 'row' ? 'table row' : 'table column' };
  }
  if (part.metric !== undefined && total.metric !== undefined && part.metric !== total.metric) {
    const partition = relations.partitionsOf(total.metric, part.metric)[0];
    return partition ? { partition, by: partition.by } : undefined;
  }
  if (part.metric !== total.metric && part.noun !== total.noun) return undefined;
  if (part.procedure !== undefined && part.procedure !== total.procedure) return { by: 'procedure' };
  if (part.year !== undefined && total.year === undefined) return { by: 'year' };
  return { by: 'kind' };
}

/** Two parts of one breakdown: linked to their total the same way, by the same words. */
function sameBreakdown(a: Quantity, b: Quantity): boolean {
  return a.partKind === b.partKind && a.linkedBy === b.linkedBy;
}

function partitionIsExhaustive(partition: Partition, parts: readonly Quantity[]): boolean {
  if (partition.exhaustive === 'never') return false;
  if (partition.exhaustive === 'when-listed' && !parts.every((part) => part.exhaustiveLink)) return false;
  return partition.requires.every((metrics) => parts.some((part) => part.metric !== undefined && metrics.includes(part.metric)));
}

/**
 * Parts of the same measure are all of the total where the text lists them as such ("gồm", a colon, a table's
 * total row, a list after "Trong đó:"), and where an inline "trong đó" names two or more kinds of a catalog
 * measure ("263 trường hợp … Trong đó: đăng ký lại 23, đăng ký khai sinh cho trẻ 240"). A split by procedure or
 * unit under "trong đó" may name only the main ones.
 */
function sameMeasureIsExhaustive(by: string, parts: readonly Quantity[], total: Quantity): boolean {
  if (parts.every((part) => part.exhaustiveLink)) return true;
  // "12 hồ sơ, trong đó 03 hồ sơ của xã Đồn Đạc và 02 hồ sơ của xã Minh Cầm đang chờ xác minh": units named are a selection.
  if (parts.some((part) => part.subject !== undefined && part.subject !== total.subject)) return false;
  return by === 'kind' && parts.every((part) => part.partKind === 'inline' && part.metric !== undefined);
}

/** The counts a partition adds to the whole (dossiers carried over), stated near the total with its qualifiers. */
function plusFor(partition: Partition, total: Quantity, quantities: readonly Quantity[], _reportYear?: number): Quantity[] {
  if (partition.plus.length === 0) return [];
  return partition.plus
    .map((metric) => {
      // What is carried over belongs to the last period by definition: its year and period are not the total's.
      const candidates = quantities.filter((quantity) => quantity.metric === metric && isCertainCount(quantity) && (quantity.subject ?? null) === (total.subject ?? null) && (quantity.procedure ?? null) === (total.procedure ?? null));
      // Linked to the total or beside it; else the one stated in the same section, when there is just one.
      // "Cộng với 07 hồ sơ tồn kỳ trước chuyển sang, tổng số hồ sơ phải giải quyết là 493": stated before the total in its
      // own sentence, the addend is already in it.
      const addedAlready = (quantity: Quantity) => sameSentenceBefore(quantity, total);
      if (candidates.some(addedAlready)) return undefined;
      const close = candidates.find((quantity) => quantity.parentId === total.id || near(quantity, total));
      const inSection = candidates.filter((quantity) => quantity.section !== undefined && quantity.section === total.section);
      return close ?? (inSection.length === 1 ? inSection[0] : undefined);
    })
    .filter((quantity): quantity is Quantity => quantity !== undefined);
}

/** Is `quantity` stated before `total` in the same sentence (of one statement, whatever lines a PDF wraps it over)? */
function sameSentenceBefore(quantity: Quantity, total: Quantity): boolean {
  if ((quantity.location.page ?? 0) !== (total.location.page ?? 0)) return false;
  const from = quantity.location.start ?? 0;
  const to = total.location.start ?? 0;
  if (from >= to || quantity.evidence !== total.evidence) return false;
  const between = quantity.evidence.slice(quantity.evidence.indexOf(quantity.raw) + quantity.raw.length, quantity.evidence.indexOf(total.raw));
  return between.length > 0 && !/[.;]\s/u.test(between);
}

/**
 * The sum of the parts and of the whole. Where the partition adds to the whole (dossiers carried over), writers
 * count it in or leave it out of the received figure ("tiếp nhận 1.214 hồ sơ (kể cả 9 hồ sơ tồn)"): either
 * reading that balances is taken; otherwise the whole with what is added.
 */
export function sums(group: PartGroup): { parts: number; whole: number } {
  const parts = group.parts.reduce((sum, part) => sum + part.value, 0);
  const withPlus = group.total.value + group.plus.reduce((sum, quantity) => sum + quantity.value, 0);
  return { parts, whole: parts === group.total.value ? group.total.value : withPlus };
}

/** The partition's "nothing is open" or "everything is done" claim that the other parts deny, if any. */
export function statusClaim(group: PartGroup): { kind: 'none-pending'; pending: Quantity } | { kind: 'all-complete'; complete: Quantity; open: Quantity } | undefined {
  const partition = group.partition;
  if (!partition) return undefined;
  const { parts, whole } = sums(group);
  const pending = partition.pending ? group.parts.find((part) => part.metric === partition.pending) : undefined;
  if (pending && pending.value === 0 && parts < whole && group.exhaustive) return { kind: 'none-pending', pending };
  const complete = partition.complete ? group.parts.find((part) => part.metric === partition.complete) : undefined;
  const open = group.parts.find((part) => part !== complete && part.value > 0);
  if (complete && open && complete.value === group.total.value) return { kind: 'all-complete', complete, open };
  return undefined;
}
