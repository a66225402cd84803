import { z } from 'zod';
import { LocationSchema } from './location.ts';

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/** A quote from the source that supports a finding, with where it is. */
export const EvidenceSchema = z.object({
  quote: z.string(),
  location: LocationSchema,
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/**
 * A finding, shaped after vfile-message: which rule, how severe, a Vietnamese sentence, the numbers
 * involved, and every piece of evidence. `fatal` separates "this file could not be read" from
 * "these figures disagree".
 */
export const FindingSchema = z.object({
  rule: z.string(),
  severity: SeveritySchema,
  fatal: z.boolean().default(false),
  message: z.string(),
  /** Every number involved, plain JavaScript numbers. */
  values: z.array(z.number()),
  /** What the rule expected where it recomputed something (e.g. 99.81 for a stated 91%). */
  expected: z.number().optional(),
  evidence: z.array(EvidenceSchema),
  /**
   * Why the checker put these numbers together, so an auditor can judge a doubtful finding: the marker or the
   * structure that made the parts parts of the total ("trong đó", "dòng tổng của bảng", "nêu cạnh nhau …").
   */
  why: z.string().optional(),
  /** Technical detail for whoever investigates (the library's own error), never the auditor's message. */
  detail: z.string().optional(),
  /** Tells apart two findings of one rule on the same numbers in one file (e.g. which encoding was repaired). */
  discriminator: z.string().optional(),
  /** Stable hash of (file path, rule, values, discriminator): what baselines match on (src/model/fingerprint.ts). */
  fingerprint: z.string(),
});
export type Finding = z.infer<typeof FindingSchema>;
