#!/usr/bin/env node
// Builds the package's lib/ (run by `npm run build`, and so by `prepare` and `prepack`): the public API, the
// command and the pool's worker as one esbuild bundle (lib/index.mjs, lib/cli.mjs, lib/worker.mjs and their
// shared chunks; dependencies stay imports from node_modules), and the API's type declarations from tsc
// (lib/types/). Plain JavaScript so that it runs on a bare `node` before anything is built. lib/ is not committed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from '../bin/build.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const LIB = join(ROOT, 'lib');
const scratch = join(ROOT, `lib.building-${process.pid}`);

rmSync(scratch, { recursive: true, force: true });
try {
  await bundle(scratch, { index: 'src/index.ts' });
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.lib.json', '--outDir', join(scratch, 'types')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (tsc.status !== 0) throw new Error(`tsc exited with ${tsc.status ?? tsc.signal}`);
  // The sources import each other as './x.ts' (allowImportingTsExtensions), and tsc keeps that in the
  // declarations; './x.js' is what every TypeScript consumer resolves to './x.d.ts'.
  for (const entry of readdirSync(join(scratch, 'types'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    const text = readFileSync(path, 'utf8');
    const rewritten = text.replace(/((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]*?)\.(m?)ts(['"])/gu, '$1$2.$3js$4');
    if (rewritten !== text) writeFileSync(path, rewritten);
  }
  // Hand-written declarations of our plain-JavaScript modules (the pdf.js door, the source fingerprint) are
  // referenced by the generated ones, which tsc does not copy.
  for (const entry of readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.d.mts')) continue;
    const from = join(entry.parentPath, entry.name);
    const to = join(scratch, 'types', relative(ROOT, from));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
  }
  rmSync(LIB, { recursive: true, force: true });
  renameSync(scratch, LIB);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`solieu: built ${LIB}`);
