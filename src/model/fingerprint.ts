import { createHash } from 'node:crypto';

/**
 * What a baseline matches a finding by. Built from the file's content hash, the rule and the numbers
 * involved — not from page or line — so re-running the tool, or moving the sentence, keeps the match,
 * while a corrected figure (different values) makes it a new finding that deserves a new look.
 */
export function fingerprintOf(fileSha256: string, rule: string, values: readonly number[]): string {
  return createHash('sha256')
    .update(`${fileSha256}\u0000${rule}\u0000${values.join(';')}`)
    .digest('hex')
    .slice(0, 20);
}
