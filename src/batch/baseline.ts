import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { DocumentResult, SuppressedFinding } from '../model/index.ts';

/**
 * review.json: the auditors' decisions, exported by report.html and read back by `solieu run --baseline`.
 * Decisions are matched by fingerprint (src/model/fingerprint.ts), which survives re-runs and unrelated
 * edits of the report; `file` and `rule` are there for the people who read the file, not for matching.
 */
export const REVIEW_FORMAT_VERSION = 1;

export const ReviewDecisionSchema = z.object({
  fingerprint: z.string().min(1),
  decision: z.enum(['confirmed', 'dismissed']),
  note: z.string().default(''),
  file: z.string().optional(),
  rule: z.string().optional(),
  /** ISO 8601 time the auditor decided. */
  decidedAt: z.string().optional(),
});
export type ReviewDecision = z.infer<typeof ReviewDecisionSchema>;

export const ReviewSchema = z.object({
  tool: z.literal('solieu'),
  version: z.literal(REVIEW_FORMAT_VERSION),
  exportedAt: z.string().optional(),
  decisions: z.array(ReviewDecisionSchema),
});
export type Review = z.infer<typeof ReviewSchema>;

/** An unreadable or invalid baseline: the command cannot run as asked (exit status 2). */
export class BaselineError extends Error {
  override readonly name = 'BaselineError';
}

const MAX_ISSUES_SHOWN = 5;

/** Parses the text of a review.json; `source` names it in the Vietnamese error message. */
export function parseReview(text: string, source: string): Review {
  let data: unknown;
  try {
    // A file saved by Notepad may start with a BOM, which JSON.parse refuses.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new BaselineError(`tệp đánh giá "${source}" không phải JSON hợp lệ (${(error as Error).message}).`);
  }
  const parsed = ReviewSchema.safeParse(data, { error: z.locales.vi().localeError });
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, MAX_ISSUES_SHOWN)
      .map((issue) => `${issue.path.length > 0 ? pathText(issue.path) : '(gốc)'}: ${issue.message}`);
    const more = parsed.error.issues.length > MAX_ISSUES_SHOWN ? `; và ${parsed.error.issues.length - MAX_ISSUES_SHOWN} lỗi khác` : '';
    throw new BaselineError(
      `tệp đánh giá "${source}" không đúng định dạng review.json của solieu (phiên bản ${REVIEW_FORMAT_VERSION}): ${issues.join('; ')}${more}. ` +
        'Hãy dùng tệp được xuất bằng nút "Xuất review.json" trong report.html.',
    );
  }
  return parsed.data;
}

function pathText(path: ReadonlyArray<PropertyKey>): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
}

export async function readReview(path: string): Promise<Review> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new BaselineError(`không đọc được tệp đánh giá "${path}" (${code}).`);
  }
  return parseReview(text, path);
}

/** One decision per fingerprint; when a file lists a fingerprint twice, the later entry is the newer decision. */
export function decisionsByFingerprint(review: Review): Map<string, ReviewDecision> {
  return new Map(review.decisions.map((decision) => [decision.fingerprint, decision]));
}

/**
 * Moves every finding the review dismissed out of `findings` into `suppressedFindings` (with the note), so that
 * findings.csv, the counts and the page leave it out while results.json still shows it. Confirmed findings stay.
 */
export function applyReview(documents: readonly DocumentResult[], review: Review): DocumentResult[] {
  const decisions = decisionsByFingerprint(review);
  return documents.map((document) => {
    const suppressed: SuppressedFinding[] = [];
    const kept = document.findings.filter((finding) => {
      const decision = decisions.get(finding.fingerprint);
      if (decision?.decision !== 'dismissed') return true;
      suppressed.push({
        ...finding,
        review: { decision: 'dismissed', note: decision.note, ...(decision.decidedAt !== undefined ? { decidedAt: decision.decidedAt } : {}) },
      });
      return false;
    });
    if (suppressed.length === 0) return document;
    return { ...document, findings: kept, suppressedFindings: [...(document.suppressedFindings ?? []), ...suppressed] };
  });
}
