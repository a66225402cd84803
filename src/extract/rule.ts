import { z } from 'zod';

/**
 * A metric rule: what a figure of this metric looks like in a Vietnamese report. Rules are data
 * (rules/metrics/<id>.ts) and carry their own examples, which the test-suite runs (Duckling's corpus
 * idea): every positive example must yield exactly the expected figures, every negative none.
 *
 * How a number becomes a figure of this metric (src/extract/engine.ts):
 * - the counted noun right after it ("5.388 hộ") must be one of `nouns`, or no counted noun at all
 *   when the rule allows it (`bareNumber`: "Tổng số nhiệm vụ đã hoàn thành: 16"); a number followed
 *   by a word that is no known noun is not a figure;
 * - one of `cues` must appear in its clause — before it ("Tiếp nhận: 31 hồ sơ") or right after its
 *   noun ("89 hồ sơ đã trả kết quả đúng thời hạn") — or, failing that, in the label of an enclosing
 *   section ("- Tỷ lệ số hóa hồ sơ:" above "Năm 2022: …"), unless the noun alone identifies the
 *   metric (`identifyingNouns`, e.g. "12 thôn");
 * - when `context` is given, one of its words must appear in the statement or its nearest label
 *   ("đã hoàn thành: 16" is a task count only where the text is about "nhiệm vụ");
 * - none of `excludes` may appear in the clause;
 * - among the rules that accept a number, a cue in its own clause beats a section label, which beats
 *   the noun alone; then a specific rule beats a `generic` one ("qua DVC" beats "tiếp nhận"); then the
 *   longest cue wins.
 */
export const MetricExampleSchema = z.object({
  text: z.string(),
  /** Headings above the text, outermost first, when the example needs its section. */
  headings: z.array(z.string()).optional(),
  expect: z.array(
    z.object({
      value: z.number(),
      denominator: z.number().optional(),
      percent: z.number().optional(),
      year: z.number().optional(),
      procedure: z.string().optional(),
      qualifier: z.string().optional(),
    }),
  ),
});
export type MetricExample = z.infer<typeof MetricExampleSchema>;

export const MetricRuleSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/),
  description: z.string(),
  unit: z.string(),
  /** Counted nouns that may follow the number. */
  nouns: z.array(z.string()).default([]),
  /** A number with no counted noun after it may still be this metric when a cue names it. */
  bareNumber: z.boolean().default(false),
  /** Nouns that name the metric on their own, with no cue ("12 thôn", "21.187 nhân khẩu"). */
  identifyingNouns: z.array(z.string()).default([]),
  /** Phrases in the number's clause (or an enclosing label) that name this metric. */
  cues: z.array(z.string()).default([]),
  /**
   * Phrases that name this metric when they are the label right before the number: the clause reads
   * "<label> …: <number>" ("- Đăng ký thường trú (Công an phường): 1022 hồ sơ"), not merely mentions them.
   */
  labels: z.array(z.string()).default([]),
  /** Words of which one must appear in the statement or its nearest label. */
  context: z.array(z.string()).default([]),
  /** A catch-all for its unit (dossiers.received): any specific rule that also matches wins over it. */
  generic: z.boolean().default(false),
  /** Phrases anywhere in the clause that rule this metric out. */
  excludes: z.array(z.string()).default([]),
  /** Percentages: 'never' (counts), 'allowed' (a ratio a/b = p% or a count with its rate), 'only' (a rate metric). */
  percent: z.enum(['never', 'allowed', 'only']).default('allowed'),
  examples: z.object({
    positive: z.array(MetricExampleSchema).min(1, 'a rule needs at least one positive example'),
    negative: z.array(z.union([z.string(), z.object({ text: z.string(), headings: z.array(z.string()).optional() })])).min(
      1,
      'a rule needs at least one negative example',
    ),
  }),
});
export type MetricRuleInput = z.input<typeof MetricRuleSchema>;
export type MetricRule = z.output<typeof MetricRuleSchema>;

/** Validates a rule when its file is loaded, so a malformed rule fails loudly, not silently matches nothing. */
export function defineMetric(rule: MetricRuleInput): MetricRule {
  return MetricRuleSchema.parse(rule);
}
