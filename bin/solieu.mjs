#!/usr/bin/env node
// In a checkout, runs from a bundle of the TypeScript sources, rebuilt when they change (bin/build.mjs), so it
// works right after `npm install` with no build step; SOLIEU_FROM_SOURCE=1 runs the sources through tsx.
// Installed from the package (no sources beside it), runs the bundle built into lib/ when it was packed.
import { existsSync } from 'node:fs';

async function loadCli() {
  if (!existsSync(new URL('../src/cli.ts', import.meta.url))) {
    const packaged = new URL('../lib/cli.mjs', import.meta.url);
    if (!existsSync(packaged)) throw new Error('solieu: bản cài đặt thiếu lib/cli.mjs (gói chưa được dựng bằng "npm run build"); hãy cài lại gói.');
    return import(packaged.href);
  }
  if (process.env.SOLIEU_FROM_SOURCE !== '1') {
    const { builtEntry, BuildError } = await import('./build.mjs');
    let entry;
    try {
      entry = await builtEntry('cli');
    } catch (error) {
      // A checkout we may not write to, or no esbuild for this platform: the sources still run, slower
      // to start. A bundle that built but does not load is a bug to see, so only the build falls back.
      if (!(error instanceof BuildError)) throw error;
      process.stderr.write(`solieu: chạy thẳng mã nguồn (khởi động chậm hơn) vì không dựng được bản đóng gói: ${error.message}\n`);
    }
    if (entry) return import(entry);
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/cli.ts');
}

const cli = await loadCli();
process.exitCode = await cli.main(process.argv.slice(2));
