import { z } from 'zod';

/**
 * Part–whole relations between metrics, declared as data beside the metrics (rules/relations/), the way
 * XBRL calculation links and Statistics Netherlands' `validate` rules declare them. The breakdown linker
 * reads them to know which figure may be a part of which, and the checks (sum-mismatch,
 * part-exceeds-whole, reconciliation, status-contradiction, exceeds-population) read only them: no
 * check names a metric.
 *
 * A relation has one whole and
 * - partitions: groups of parts that exclude one another (accounts by level, dossiers by channel). When
 *   the text states two or more parts of one partition for a whole, they must not add up to more than the
 *   whole, and, where the partition is exhaustive, to exactly the whole;
 * - parts: metrics that are each at most the whole and belong to no partition (activated accounts).
 */
export const PartitionSchema = z.strictObject({
  /** What splits the whole: "level", "channel", "timeliness", "status", "outcome". Named in findings. */
  by: z.string().min(1),
  parts: z.array(z.string().min(1)).min(2),
  /**
   * When the stated parts must make the whole:
   * - `always`: whenever two or more of them are stated for it (level 1 + level 2 = all accounts);
   * - `when-listed`: only when the text lists them as the breakdown ("gồm", a colon, a table, a list after
   *   "Trong đó:"); under an inline "trong đó" or side by side they may be only the main parts;
   * - `never`: they are only bounded by the whole.
   */
  exhaustive: z.enum(['always', 'when-listed', 'never']),
  /**
   * The parts make the whole only when one metric of each group is stated (a flow of dossiers balances
   * only when the ones still in progress are stated).
   */
  requires: z.array(z.array(z.string().min(1)).min(1)).default([]),
  /** Added to the whole before comparing: dossiers carried over from the last period are settled too. */
  plus: z.array(z.string().min(1)).default([]),
  /**
   * The part that counts what is still open (dossiers in progress, tasks not done). Stated as 0 while the other
   * parts fall short of the whole, it claims nothing is open while some is: status-contradiction says so.
   */
  pending: z.string().min(1).optional(),
  /** The part that, equal to the whole, claims everything is done: beside another open part, a status contradiction. */
  complete: z.string().min(1).optional(),
  /** Which check speaks when the parts stated side by side (not linked by a breakdown marker) disagree. */
  sideBySideCheck: z.enum(['sum-mismatch', 'reconciliation']).default('sum-mismatch'),
  /**
   * The parts are the whole's status on a day, which the text may date while the whole is a period's ("năm 2024,
   * xã được giao 20 nhiệm vụ; đến ngày 10/6/2024 đã hoàn thành 11, đang thực hiện 05 …"): a part dated so is still
   * the whole's.
   */
  statusAsOf: z.boolean().default(false),
});
export type Partition = z.output<typeof PartitionSchema>;

export const RelationExampleSchema = z.strictObject({
  text: z.string().min(1),
  check: z.string().min(1),
  values: z.array(z.number()),
});

export const RelationSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/u),
  description: z.string().min(1),
  whole: z.string().min(1),
  partitions: z.array(PartitionSchema).default([]),
  /** Each at most the whole, in no partition. */
  parts: z.array(z.string().min(1)).default([]),
  /**
   * A stated count of 0 for the whole beside a part above 0 is a claim about status that the part denies
   * ("0 nhiệm vụ chưa hoàn thành" beside 2 in progress): status-contradiction says it, not part-exceeds-whole.
   */
  zeroIsStatusClaim: z.boolean().default(false),
  /**
   * The parts are this whole's only where the text links them to it ("25 dịch vụ công thiết yếu, gồm 20 toàn
   * trình …"): stated apart they may count over something wider (procedures provided fully online, of every kind,
   * beside the essential services), so no bound is checked between them.
   */
  onlyWhereLinked: z.boolean().default(false),
  /**
   * The whole bounds the parts without being their sum, and they are never a stated breakdown of it (accounts
   * and cards counted against the population): the check that says a part is above it.
   */
  boundCheck: z.enum(['part-exceeds-whole', 'exceeds-population']).default('part-exceeds-whole'),
  examples: z.strictObject({
    /** Report snippets where every part fits its whole: no finding of any relation check. */
    consistent: z.array(z.string().min(1)).min(1, 'a relation needs a consistent example'),
    /** Snippets that break the relation, with the finding each must give. */
    inconsistent: z.array(RelationExampleSchema).min(1, 'a relation needs an inconsistent example'),
  }),
});
export type RelationInput = z.input<typeof RelationSchema>;
export type Relation = z.output<typeof RelationSchema>;

/** Validated when the file loads, so a malformed relation fails loudly instead of silently relating nothing. */
export function defineRelation(relation: RelationInput): Relation {
  const parsed = RelationSchema.parse(relation);
  for (const partition of parsed.partitions) {
    for (const metric of [partition.pending, partition.complete]) {
      if (metric !== undefined && !partition.parts.includes(metric)) throw new Error(`relation ${parsed.id}: "${metric}" of partition "${partition.by}" is none of its parts`);
    }
    for (const group of partition.requires) {
      for (const metric of group) if (!partition.parts.includes(metric)) throw new Error(`relation ${parsed.id}: "${metric}" required by partition "${partition.by}" is none of its parts`);
    }
  }
  return parsed;
}

/**
 * The relations of one rule set, indexed for the linker and the checks. "Part of" is transitive: a dossier
 * resolved on time was resolved, and was received.
 */
export class RelationIndex {
  private readonly directParts = new Map<string, Set<string>>();
  private readonly closure = new Map<string, Set<string>>();

  constructor(readonly relations: readonly Relation[]) {
    for (const relation of relations) {
      if (relation.boundCheck !== 'part-exceeds-whole') continue;
      const parts = this.directParts.get(relation.whole) ?? new Set<string>();
      for (const metric of [...relation.partitions.flatMap((partition) => partition.parts), ...relation.parts]) parts.add(metric);
      this.directParts.set(relation.whole, parts);
    }
  }

  /** Every metric that is, directly or through another, a declared part of `whole`. */
  partsOf(whole: string): ReadonlySet<string> {
    let parts = this.closure.get(whole);
    if (parts) return parts;
    parts = new Set<string>();
    const pending = [...(this.directParts.get(whole) ?? [])];
    while (pending.length > 0) {
      const metric = pending.pop()!;
      if (parts.has(metric) || metric === whole) continue;
      parts.add(metric);
      pending.push(...(this.directParts.get(metric) ?? []));
    }
    this.closure.set(whole, parts);
    return parts;
  }

  /** Is `part` a declared part of `whole`, directly or not? */
  isPartOf(part: string, whole: string): boolean {
    return this.partsOf(whole).has(part);
  }

  /** The partitions of `whole` that hold `part` as one of their parts. */
  partitionsOf(whole: string, part: string): Partition[] {
    return this.relations.filter((relation) => relation.whole === whole).flatMap((relation) => relation.partitions.filter((partition) => partition.parts.includes(part)));
  }

  /** Relations whose whole is `metric`. */
  withWhole(metric: string): Relation[] {
    return this.relations.filter((relation) => relation.whole === metric);
  }
}
