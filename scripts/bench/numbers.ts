/**
 * `npx tsx scripts/bench/numbers.ts [--signature FILE] DIR...` times the number reader (findNumbers) alone
 * over the statements of up to 20 reports from each folder, six passes, and can write every reading to
 * FILE, so that a change meant only to make it faster can be shown to read exactly the same numbers
 * (`cmp` the files written before and after).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { statementsOf } from '../../src/extract/statements.ts';
import { ingestBytes } from '../../src/ingest/index.ts';
import { findNumbers } from '../../src/normalize/numbers.ts';
import { normalizeDocument } from '../../src/normalize/vietnamese.ts';

const { values, positionals } = parseArgs({ options: { signature: { type: 'string' } }, allowPositionals: true });
const texts: string[] = [];
for (const folder of positionals) {
  for (const name of readdirSync(folder).filter((entry) => /\.(pdf|docx|txt)$/u.test(entry)).slice(0, 20)) {
    const document = normalizeDocument(await ingestBytes(new Uint8Array(readFileSync(join(folder, name))), name, { ocr: { mode: 'off' } }));
    for (const statement of statementsOf(document)) texts.push(statement.text);
  }
}
const passes: string[] = [];
for (let pass = 0; pass < 6; pass++) {
  const startedAt = performance.now();
  let mentions = 0;
  for (const text of texts) mentions += findNumbers(text).length;
  passes.push(`${(performance.now() - startedAt).toFixed(0)} ms (${mentions} mentions)`);
}
console.log(`${texts.length} statements, ${texts.filter((text) => /\d/u.test(text)).length} with a digit; passes: ${passes.join(', ')}`);
if (values.signature) writeFileSync(values.signature, texts.map((text) => JSON.stringify(findNumbers(text))).join('\n'));
