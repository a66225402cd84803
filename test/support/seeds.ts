import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The five seed documents live in the repository as `fixtures/reports/seed-NNN.txt` (byte-for-byte copies
 * of the team's shared seeds, refreshed by `npm run refresh-shared`), so a fresh clone has everything its
 * tests read. Gold files name a seed by its original file name ("001_4ae7970b20c84757.txt"); its first
 * three digits pick the copy.
 */
export const SEEDS_DIR = resolve(import.meta.dirname, '../../fixtures/reports');
export const SEED_IDS = ['000', '001', '002', '003', '004'] as const;

export function seedPath(idOrOriginalName: string): string {
  const id = /^(\d{3})/u.exec(idOrOriginalName)?.[1];
  if (id === undefined) throw new Error(`not a seed: ${idOrOriginalName}`);
  return join(SEEDS_DIR, `seed-${id}.txt`);
}

export function seedText(idOrOriginalName: string): string {
  return readFileSync(seedPath(idOrOriginalName), 'utf8');
}
