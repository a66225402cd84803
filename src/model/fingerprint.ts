import { createHash } from 'node:crypto';
import type { DocumentResult, Finding } from './index.ts';

/**
 * What a baseline matches a finding by: the file's path (relative to the folder given on the command line),
 * the rule, the numbers involved and, where one rule can fire twice on the same numbers, a discriminator.
 * Not the page, the line or the file's bytes: re-running the tool, moving the sentence or editing an
 * unrelated part of the report keeps the match, so a dismissed finding stays dismissed; a corrected figure
 * (different values) makes it a new finding that deserves a new look.
 */
export function fingerprintOf(file: string, rule: string, values: readonly number[], discriminator = ''): string {
  return createHash('sha256')
    .update(`${file}\u0000${rule}\u0000${values.join(';')}\u0000${discriminator}`)
    .digest('hex')
    .slice(0, 20);
}

export function fingerprintFinding(file: string, finding: Omit<Finding, 'fingerprint'>): string {
  return fingerprintOf(file, finding.rule, finding.values, finding.discriminator);
}

/** Fingerprints of a result whose file was renamed (a cached result re-labelled with the path it has now). */
export function refingerprint(result: DocumentResult): DocumentResult {
  return { ...result, findings: result.findings.map((finding) => ({ ...finding, fingerprint: fingerprintFinding(result.file, finding) })) };
}
