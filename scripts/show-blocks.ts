/** Prints the blocks ingest + normalize make of a file, with their locations: `npx tsx scripts/show-blocks.ts <file> [from] [to]`. */
import { readFileSync } from 'node:fs';
import { processBytes } from '../src/pipeline/index.ts';

const [path, from = '0', to = '100000'] = process.argv.slice(2);
if (!path) {
  console.error('usage: tsx scripts/show-blocks.ts <file> [from-block] [to-block]');
  process.exit(2);
}
const { document, result } = await processBytes(readFileSync(path), path);
if (!document) {
  console.log(result.status, result.findings.map((finding) => finding.message).join('\n'));
  process.exit(0);
}
document.blocks.forEach((block, index) => {
  if (index < Number(from) || index > Number(to)) return;
  const where = `${block.location.page ? `p${block.location.page} ` : ''}l${block.location.line}`;
  if (block.kind === 'table') {
    console.log(`${index} ${where} table`);
    for (const row of block.rows) console.log(`    ${row.header ? 'H' : ' '} | ${row.cells.map((cell) => cell.text).join(' | ')}`);
  } else {
    const kind = block.kind === 'heading' ? `h${block.level}` : block.kind === 'list-item' ? `li${block.level}${block.marker ? block.marker : ''}` : 'p';
    console.log(`${index} ${where} ${kind}: ${block.text}`);
  }
});
