/**
 * Prints who issued each file, for which period and what it is, with where each field was read — what an auditor
 * checks before correcting one: `npx tsx scripts/show-identity.ts fixtures/reports/seed-001.txt [more files…]`.
 */
import { readFileSync } from 'node:fs';
import { ingestBytes } from '../src/ingest/index.ts';
import { normalizeDocument } from '../src/normalize/vietnamese.ts';
import { extractMetadata } from '../src/extract/index.ts';

const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error('usage: tsx scripts/show-identity.ts <file>...');
  process.exit(2);
}
for (const path of paths) {
  const { evidence, ...metadata } = extractMetadata(normalizeDocument(await ingestBytes(readFileSync(path), path, { ocr: { mode: 'off' } })));
  const unit = [metadata.unitLevel, metadata.unitName].filter(Boolean).join(' ') || '–';
  console.log(`${path}\n  ${unit} · huyện ${metadata.district ?? '–'} · tỉnh ${metadata.province ?? '–'} · ${metadata.docType} · ${metadata.period ?? '–'} · ${metadata.reportDate ?? '–'}`);
  for (const [field, read] of Object.entries(evidence ?? {})) {
    const where = read.location ? `${read.location.page ? `p${read.location.page} ` : ''}l${read.location.line}` : '';
    console.log(`  ${field.padEnd(10)} ${`${read.source}${read.guess ? ' (đoán)' : ''}`.padEnd(18)} ${where.padEnd(8)} «${read.quote}»`);
  }
}
