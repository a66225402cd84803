/**
 * Renders `.src` corpus sources into the files a province receives.
 *
 *   npx tsx scripts/corpus/make.ts --src <dir-or-file> [more dirs or files…] --out <dir>
 *       [--producers txt,a.docx,b.docx,a.pdf,b.pdf] [--scan id,id]
 *
 * Writes <out>/<id>.txt, <id>.a.docx, <id>.b.docx, <id>.a.pdf, <id>.b.pdf and, for the --scan ids,
 * <id>.scan.pdf (id = the source file name without ".src"), one printed line per file.
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSources, parseProducers, sourceFiles } from './load.ts';
import { renderAll } from './render-all.ts';

/** Relative to the working directory when inside it, absolute otherwise. */
function displayPath(path: string): string {
  const near = relative(process.cwd(), path);
  return near && !near.startsWith('..') ? near : resolve(path);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      src: { type: 'string', multiple: true },
      out: { type: 'string' },
      producers: { type: 'string' },
      scan: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.out || (!values.src?.length && !positionals.length)) {
    console.error('usage: npx tsx scripts/corpus/make.ts --src <dir-or-files…> --out <dir> [--producers txt,a.docx,b.docx,a.pdf,b.pdf] [--scan id,id]');
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  // "--src dir a.src b.src": parseArgs keeps the extra names as positionals.
  const files = sourceFiles([...(values.src ?? []), ...positionals]);
  if (files.length === 0) throw new Error('no .src files found');
  const models = loadSources(files);
  const producers = parseProducers(values.producers);
  const scan = (values.scan ?? '').split(',').map((id) => id.trim()).filter(Boolean);
  const started = performance.now();
  const written = await renderAll(models, values.out, producers, {
    scan,
    onFile: (file) => console.log(`${displayPath(file.path)}  ${file.bytes} B`),
    onTiming: (producer, ms, count) => console.error(`  ${producer}: ${count} document(s) in ${(ms / 1000).toFixed(1)} s`),
  });
  console.error(`wrote ${written.length} files for ${models.length} document(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(`make: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
