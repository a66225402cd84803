/**
 * Compares what each corpus writer says they planted (fixtures/corpus/intent/) with what the blind gold reader
 * found (fixtures/corpus/gold/): findings present in one and not the other, and identity fields that differ.
 * Each disagreement is decided by reading the sentence; decisions go to fixtures/corpus/decisions.md.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', 'fixtures/corpus');
const same = (a: number[], b: number[]) => [...a].sort((x, y) => x - y).join(';') === [...b].sort((x, y) => x - y).join(';');
let disagreements = 0;
for (const name of readdirSync(join(root, 'intent')).filter((file) => file.endsWith('.json') && !file.startsWith('batch-')).sort()) {
  const id = name.slice(0, -5);
  const intent = JSON.parse(readFileSync(join(root, 'intent', name), 'utf8'));
  const gold = JSON.parse(readFileSync(join(root, 'gold', name), 'utf8'));
  const lines: string[] = [];
  const planted: Array<{ check: string; values?: number[]; quote: string; explanation: string }> = intent.planted ?? [];
  const found: Array<{ rule: string; values: number[]; note: string }> = gold.findings ?? [];
  const perFile = planted.filter((plant) => !['cumulative-decrease', 'ytd-mismatch', 'rollup-mismatch', 'duplicate-report', 'peer-outlier'].includes(plant.check));
  for (const plant of perFile) {
    const match = found.find((finding) => finding.rule === plant.check && (!plant.values || same(plant.values, finding.values)));
    if (!match) lines.push(`  planted, not in gold: ${plant.check} [${plant.values?.join(';') ?? ''}] «${plant.quote.slice(0, 90)}» — ${plant.explanation.slice(0, 120)}`);
  }
  for (const finding of found) {
    const match = perFile.find((plant) => plant.check === finding.rule && (!plant.values || same(plant.values, finding.values)));
    if (!match) lines.push(`  in gold, not planted: ${finding.rule} [${finding.values.join(';')}] — ${finding.note.slice(0, 160)}`);
  }
  const identity: Array<[string, unknown, unknown]> = [
    ['unit_name', intent.issuer?.unit_name, gold.metadata.unit_name],
    ['unit_level', intent.issuer?.unit_level, gold.metadata.unit_level],
    ['district', intent.issuer?.district ?? null, gold.metadata.district],
    ['province', intent.issuer?.province ?? null, gold.metadata.province],
    ['doc_type', intent.doc_type, gold.metadata.doc_type],
    ['period', intent.period, gold.metadata.period],
  ];
  for (const [field, written, read] of identity) if (String(written ?? null).toLowerCase() !== String(read ?? null).toLowerCase()) lines.push(`  identity ${field}: writer ${JSON.stringify(written)} / gold ${JSON.stringify(read)}`);
  if (lines.length > 0) {
    disagreements += lines.length;
    console.log(`${id}\n${lines.join('\n')}`);
  }
}
console.log(`\n${disagreements} disagreements`);
