/**
 * Renders sources with every producer and checks that each output really holds the document's numbers:
 * the digit groups of the TXT rendering must all be found in the text of both DOCX (word/document.xml)
 * and both PDFs (pdftotext), and anything found beyond them must be explainable (list-marker numbers,
 * page numbers, a running header, table header rows repeated on a new page). Scans have no text layer:
 * for them only "no text, as many pages as a.pdf" is checked. With --twice everything is rendered a second
 * time and compared byte for byte.
 *
 *   npx tsx scripts/corpus/selfcheck.ts --src <dir-or-files…> [--out /tmp/corpus-selfcheck] [--scan id,id] [--twice]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import JSZip from 'jszip';
import { loadSources, sourceFiles } from './load.ts';
import { outputName, renderAll, type NamedModel } from './render-all.ts';
import { runningHeaderText, type SourceModel } from './source.ts';
import { ALL_PRODUCERS, requirePrograms, run, type Producer } from './tools.ts';
import { renderTxt } from './txt.ts';

type Bag = Map<string, number>;

function digitGroups(text: string): string[] {
  return text.match(/[0-9]+/gu) ?? [];
}

function bagOf(tokens: readonly string[]): Bag {
  const bag: Bag = new Map();
  for (const token of tokens) bag.set(token, (bag.get(token) ?? 0) + 1);
  return bag;
}

function size(bag: Bag): number {
  let total = 0;
  for (const count of bag.values()) total += count;
  return total;
}

/** a − b as multisets. */
function minus(a: Bag, b: Bag): Bag {
  const rest: Bag = new Map();
  for (const [token, count] of a) {
    const left = count - (b.get(token) ?? 0);
    if (left > 0) rest.set(token, left);
  }
  return rest;
}

function show(bag: Bag, limit = 12): string {
  const tokens = [...bag].flatMap(([token, count]) => Array.from({ length: count }, () => token));
  return tokens.length > limit ? `${tokens.slice(0, limit).join(' ')} … (${tokens.length})` : tokens.join(' ');
}

/** Numbers a renderer may legitimately add or drop, for one document. */
function allowances(model: SourceModel): { markerDigits: string[]; repeatable: Set<string> } {
  const markerDigits: string[] = [];
  const repeatable = new Set<string>();
  for (const block of model.blocks) {
    if (block.kind === 'list-item') markerDigits.push(...digitGroups(block.marker.text));
    if (block.kind === 'table' && (block.style === 'ruled' || block.style === 'borderless')) {
      for (const row of block.rows.slice(0, block.headerRows)) for (const cell of row.cells) for (const digits of digitGroups(cell.text)) repeatable.add(digits);
    }
  }
  for (const digits of digitGroups(runningHeaderText(model) ?? '')) repeatable.add(digits);
  return { markerDigits, repeatable };
}

async function docxText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml
    .replace(/<w:tab\/>/gu, '\t')
    .replace(/<w:br\/>|<\/w:p>/gu, '\n')
    .replace(/<[^>]+>/gu, '')
    .replace(/&#(\d+);/gu, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&amp;/gu, '&');
}

function pdfPages(path: string): number {
  return Number(/^Pages:\s+(\d+)/mu.exec(run('pdfinfo', [path]).toString())?.[1] ?? 0);
}

interface Row {
  file: string;
  producer: string;
  expected: number;
  found: number;
  extra: string;
  ok: boolean;
  note: string;
}

async function checkDocument({ id, model }: NamedModel, outDir: string, producers: readonly Producer[]): Promise<Row[]> {
  const txt = renderTxt(model);
  const { markerDigits, repeatable } = allowances(model);
  // What must be everywhere: the TXT's numbers, less the list-marker numbers Word numbering takes out of the text.
  const expected = minus(bagOf(digitGroups(txt)), bagOf(markerDigits));
  const rows: Row[] = [];
  for (const producer of producers.filter((name) => name !== 'txt')) {
    const path = join(outDir, outputName(id, producer));
    const text = producer.endsWith('.pdf') ? run('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-']).toString('utf8') : await docxText(path);
    const found = bagOf(digitGroups(text));
    const missing = minus(expected, found);
    let extra = minus(found, expected);
    extra = minus(extra, bagOf(markerDigits));
    if (producer.endsWith('.pdf')) {
      const pages = pdfPages(path);
      extra = minus(extra, bagOf(Array.from({ length: pages }, (_, page) => String(page + 1))));
    }
    for (const token of repeatable) extra.delete(token);
    const notes = [missing.size ? `missing: ${show(missing)}` : '', extra.size ? `unexplained: ${show(extra)}` : ''].filter(Boolean);
    rows.push({ file: id, producer, expected: size(expected), found: size(expected) - size(missing), extra: String(size(extra)), ok: missing.size === 0 && extra.size === 0, note: notes.join('; ') });
  }
  return rows;
}

function checkScan(id: string, outDir: string): Row {
  const scan = join(outDir, outputName(id, 'scan.pdf'));
  const text = run('pdftotext', ['-enc', 'UTF-8', scan, '-']).toString('utf8').trim();
  const pages = pdfPages(scan);
  const expectedPages = pdfPages(join(outDir, outputName(id, 'a.pdf')));
  const ok = text === '' && pages === expectedPages;
  return { file: id, producer: 'scan.pdf', expected: 0, found: 0, extra: '-', ok, note: `${pages} page(s)${pages === expectedPages ? '' : `, a.pdf has ${expectedPages}`}, ${text === '' ? 'no text layer' : 'HAS A TEXT LAYER'} (numbers not checked)` };
}

function printTable(rows: readonly Row[]): void {
  const header = ['file', 'producer', 'numbers expected/found', 'unexplained', 'result'];
  const lines = rows.map((row) => [row.file, row.producer, `${row.expected}/${row.found}`, row.extra, row.ok ? 'ok' : 'FAIL']);
  const widths = header.map((title, col) => Math.max(title.length, ...lines.map((line) => line[col]!.length)));
  const format = (cells: readonly string[]): string => cells.map((cell, col) => (col === 2 || col === 3 ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!))).join('  ').trimEnd();
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  rows.forEach((row, index) => {
    console.log(format(lines[index]!));
    if (row.note && (!row.ok || row.producer === 'scan.pdf')) console.log(`    ${row.note}`);
  });
}

async function compareRuns(models: readonly NamedModel[], first: string, second: string, scan: readonly string[]): Promise<string[]> {
  const files = await renderAll(models, second, ALL_PRODUCERS, { scan });
  return files.filter((file) => !readFileSync(file.path).equals(readFileSync(join(first, outputName(file.id, file.producer))))).map((file) => outputName(file.id, file.producer));
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { src: { type: 'string', multiple: true }, out: { type: 'string' }, scan: { type: 'string' }, twice: { type: 'boolean' } },
  });
  const models = loadSources(sourceFiles([...(values.src ?? []), ...positionals]));
  if (models.length === 0) throw new Error('no .src files given (--src <dir-or-files…>)');
  requirePrograms(['pdftotext', 'pdfinfo']);
  const outDir = values.out ?? '/tmp/corpus-selfcheck';
  const scan = (values.scan ?? '').split(',').map((id) => id.trim()).filter(Boolean);
  const timings: string[] = [];
  await renderAll(models, outDir, ALL_PRODUCERS, { scan, onTiming: (producer, ms, count) => timings.push(`${producer}: ${count} document(s) in ${(ms / 1000).toFixed(1)} s (${(ms / Math.max(1, count)).toFixed(0)} ms each)`) });
  const rows: Row[] = [];
  for (const named of models) rows.push(...(await checkDocument(named, outDir, ALL_PRODUCERS)));
  for (const id of scan) rows.push(checkScan(id, outDir));
  printTable(rows);
  console.log(`\nrendering times:\n  ${timings.join('\n  ')}`);
  const failures = rows.filter((row) => !row.ok).length;
  if (values.twice) {
    const differing = await compareRuns(models, outDir, `${outDir}-again`, scan);
    console.log(differing.length ? `\nNOT reproducible: ${differing.join(', ')}` : '\nsecond rendering byte-identical: yes');
    if (differing.length) process.exitCode = 1;
  }
  console.log(`\n${rows.length - failures}/${rows.length} checks passed`);
  if (failures) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`selfcheck: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
