// The command runs from a bundle of the TypeScript sources, built here on first use and whenever the
// sources change, so a checkout still works right after `npm install` with no build step to remember.
// Why bundle at all: run through tsx's loader hooks, every worker thread spent ~0.6 s and a hooks
// thread of CPU compiling ~150 modules before reading its first file (bench/RESULTS.md); the bundle
// loads in ~0.2 s. `SOLIEU_FROM_SOURCE=1` runs the sources through tsx instead.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fingerprintFiles } from '../src/source-fingerprint.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'dist');
/**
 * Builds other than the current one are removed once unused for this long, not before: a running batch
 * may still start workers from one. Each use refreshes a build's time.
 */
const KEEP_OLD_BUILDS_MS = 24 * 60 * 60 * 1000;
/** The bundle's entry points: the command, the pool's worker, and the batch runner the benchmark drives. */
const ENTRY_POINTS = { cli: 'src/cli.ts', worker: 'src/batch/worker.ts', run: 'src/batch/run.ts' };
/**
 * pdf.js is reached only through this plain-JavaScript module, which must run before pdf.js loads; an
 * external import keeps it a module of its own instead of code esbuild would reorder into a chunk.
 */
const PDFJS_DOOR = join(ROOT, 'src', 'ingest', 'pdfjs', 'index.mjs');

/**
 * sha256 over what the bundle is made of: every file under src/ and rules/, the manifests, tsconfig.json
 * (esbuild reads it), this file and esbuild's version.
 */
function sourceKey() {
  const sources = fingerprintFiles(ROOT, {
    folders: ['src', 'rules'],
    files: ['package.json', 'package-lock.json', 'tsconfig.json', relative(ROOT, fileURLToPath(import.meta.url))],
  });
  const esbuildVersion = createRequire(import.meta.url)('esbuild/package.json').version;
  return createHash('sha256').update(sources).update(esbuildVersion).digest('hex').slice(0, 16);
}

/**
 * Bundles our sources (dependencies stay imports from node_modules) into `outdir`: the entry points above,
 * plus any given. scripts/build-lib.mjs uses it for the package's lib/, with the public API as `index`.
 */
export async function bundle(outdir, extraEntryPoints = {}) {
  const esbuild = await import('esbuild');
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { ...ENTRY_POINTS, ...extraEntryPoints },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    // Dependencies load from node_modules as usual; only our own sources are bundled.
    packages: 'external',
    // Tells src/batch/pool.ts that the worker is the bundled worker.mjs beside it, not the TypeScript source.
    define: { SOLIEU_BUILT: 'true' },
    logLevel: 'warning',
    plugins: [
      {
        name: 'pdfjs-door',
        setup(build) {
          build.onResolve({ filter: /pdfjs[\\/]index\.mjs$/ }, (args) => {
            // Bundled into a chunk, the door would run after the pdf.js imports esbuild hoists: refuse.
            if (join(args.resolveDir, args.path) !== PDFJS_DOOR) throw new Error(`${args.path} from ${args.importer} is not ${PDFJS_DOOR}`);
            return { path: relative(outdir, PDFJS_DOOR).split(sep).join('/'), external: true };
          });
        },
      },
    ],
  });
}

function removeOldBuilds(distDir, current) {
  let entries = [];
  try {
    entries = readdirSync(distDir, { withFileTypes: true });
  } catch {
    return;
  }
  const now = Date.now();
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name === current) continue;
    const path = join(distDir, entry.name);
    try {
      if (now - statSync(path).mtimeMs > KEEP_OLD_BUILDS_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Another process removed it first.
    }
  }
}

/** A build step that failed: the caller may run the sources instead. A bundle that built but fails to load is not one. */
export class BuildError extends Error {}

/**
 * The URL of a bundled entry point ('cli', 'worker' or 'run'), building the bundle first if the
 * sources changed since the last build. Several processes may start at once: each builds into a
 * folder of its own and renames it into place; the first rename wins and the others discard theirs.
 * `distDir` is for tests, which build into a folder of their own.
 */
export async function builtEntry(name, { distDir = DIST } = {}) {
  const key = sourceKey();
  const folder = join(distDir, key);
  const entry = join(folder, `${name}.mjs`);
  if (!existsSync(entry)) {
    const scratch = join(distDir, `.building-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      mkdirSync(distDir, { recursive: true });
      // Made here, not by esbuild, so that a folder we may not write to fails with its own code (EACCES).
      mkdirSync(scratch);
      // Built one level down like the final folder, so relative paths out of it stay the same.
      await bundle(scratch);
      try {
        renameSync(scratch, folder);
      } catch (error) {
        // Another process renamed its build into place first (ENOTEMPTY/EEXIST here, EPERM on Windows).
        if (!existsSync(entry)) throw error;
      }
    } catch (error) {
      throw new BuildError(`could not build ${folder}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    removeOldBuilds(distDir, key);
  }
  try {
    const now = new Date();
    utimesSync(folder, now, now);
  } catch {
    // A read-only checkout with a bundle already in it: nothing will remove it either.
  }
  return pathToFileURL(entry).href;
}
