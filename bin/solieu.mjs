#!/usr/bin/env node
// Runs from a bundle of the TypeScript sources, rebuilt when they change (bin/build.mjs), so a checkout
// works right after `npm install` with no build step. SOLIEU_FROM_SOURCE=1 runs the sources through tsx.
const CANNOT_WRITE = new Set(['EACCES', 'EPERM', 'EROFS']);

async function loadCli() {
  if (process.env.SOLIEU_FROM_SOURCE !== '1') {
    const { builtEntry } = await import('./build.mjs');
    try {
      return await import(await builtEntry('cli'));
    } catch (error) {
      // Only a checkout the user cannot write to falls back: any other failure is a bug to see.
      if (!CANNOT_WRITE.has(error?.code)) throw error;
      process.stderr.write(`solieu: không ghi được thư mục dist/ (${error.code}), chạy thẳng mã nguồn (khởi động chậm hơn)\n`);
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/cli.ts');
}

const cli = await loadCli();
process.exitCode = await cli.main(process.argv.slice(2));
