/** Prints the figures and metadata solieu reads from one file: `npx tsx scripts/show-figures.ts fixtures/reports/seed-003.txt`. */
import { readFileSync } from 'node:fs';
import { processBytes } from '../src/pipeline/index.ts';

const path = process.argv[2];
if (!path) {
  console.error('usage: tsx scripts/show-figures.ts <file>');
  process.exit(2);
}
const { result } = await processBytes(readFileSync(path), path);
console.log(result.status, JSON.stringify(result.metadata));
for (const figure of result.figures) {
  const qualifiers = [figure.year, figure.procedure, figure.qualifier, figure.uncertain ? 'uncertain' : undefined].filter(Boolean).join(' ');
  const where = `${figure.location.page ? `p${figure.location.page} ` : ''}l${figure.location.line}`;
  console.log(
    `${figure.id.padEnd(4)} ${figure.metric.padEnd(22)} ${String(figure.value).padStart(7)}${figure.denominator !== undefined ? `/${figure.denominator}` : ''}${figure.percent !== undefined ? ` =${figure.percent}%` : ''}  ${qualifiers.padEnd(14)} ${where.padEnd(8)} «${figure.raw}»${figure.parentId ? ` ⊂${figure.parentId}` : ''}`,
  );
}
for (const finding of result.findings) console.log(`! ${finding.rule} ${finding.message}`);
