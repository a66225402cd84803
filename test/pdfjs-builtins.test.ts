import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript run by `solieu` before any TypeScript loads; it has no declarations.
import { builtEntry } from '../bin/build.mjs';

// pdf.js's legacy build replaces these with core-js polyfills when it loads; src/ingest/pdfjs/index.mjs
// puts the engine's own back, since every push and JSON call in a worker would otherwise run through them.
// Each case takes the originals in a fresh process or thread before anything loads pdf.js, then compares.
const PROBE = new URL('./support/builtins-probe.mjs', import.meta.url);
const ALL_NATIVE = { push: 'native', parse: 'native', stringify: 'native', toString: 'native' };

function probeInProcess(target: URL): Record<string, string> {
  const run = spawnSync(process.execPath, [PROBE.pathname, target.href], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Record<string, string>;
}

async function probeInWorker(workerData: Record<string, unknown>): Promise<unknown> {
  const worker = new Worker(PROBE, { workerData, stdout: true, stderr: true });
  try {
    return await new Promise((resolve, reject) => {
      worker.on('message', (message: { probe?: unknown }) => {
        if (message.probe) resolve(message.probe);
      });
      worker.once('error', reject);
    });
  } finally {
    await worker.terminate();
  }
}

describe('builtins after pdf.js has loaded', () => {
  it.runIf(process.versions.node.startsWith('20.'))('are replaced by pdf.js imported directly (why the door exists, on Node 20)', () => {
    expect(probeInProcess(new URL('../node_modules/pdfjs-dist/legacy/build/pdf.mjs', import.meta.url)).push).toBe('replaced');
  });

  it('are the engine’s own after pdf.js is loaded through src/ingest/pdfjs/index.mjs', () => {
    expect(probeInProcess(new URL('../src/ingest/pdfjs/index.mjs', import.meta.url))).toEqual(ALL_NATIVE);
  });

  it('are the engine’s own in the bundled pool worker the command runs', async () => {
    const bundledWorker: string = await builtEntry('worker');
    expect(await probeInWorker({ probeTarget: bundledWorker })).toEqual(ALL_NATIVE);
  });

  it('are the engine’s own in the pool worker run from the sources (worker-entry.mjs, then tsx)', async () => {
    const probeTarget = new URL('../src/batch/worker-entry.mjs', import.meta.url).href;
    const workerModule = new URL('./support/noop-worker-module.mjs', import.meta.url).href;
    expect(await probeInWorker({ probeTarget, workerModule })).toEqual(ALL_NATIVE);
  });
});
