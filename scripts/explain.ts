/**
 * Shows how one sentence is read: every number mention the reader finds, and the figures the rules make
 * of them. For writing rules and their examples: `npx tsx scripts/explain.ts "Tiếp nhận: 31 hồ sơ" ["- Đăng ký thường trú:"]`.
 */
import { findNumbers } from '../src/normalize/numbers.ts';
import { extractFigures } from '../src/extract/index.ts';
import { documentFromText } from '../test/support/documents.ts';

const [text, ...headings] = process.argv.slice(2);
if (!text) {
  console.error('usage: tsx scripts/explain.ts "<sentence>" ["<label above>" ...]');
  process.exit(2);
}
console.log('numbers:');
for (const mention of findNumbers(text)) console.log('  ', JSON.stringify(mention));
console.log('figures:');
for (const figure of extractFigures(documentFromText(text, headings))) {
  const { metric, value, denominator, percent, year, procedure, qualifier, raw, parentId, id } = figure;
  console.log('  ', JSON.stringify({ id, metric, value, denominator, percent, year, procedure, qualifier, raw, parentId }));
}
