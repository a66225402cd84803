import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../src/ingest/pdf.ts';
import { getDocument } from '../src/ingest/pdfjs/index.mjs';
import { probeBuiltins } from './support/probe-builtins.ts';

// pdf.js's legacy build replaces these with core-js polyfills when it loads; src/ingest/pdfjs puts the
// engine's own back, since every push and JSON call in a worker would otherwise run through them.
describe('builtins after pdf.js has loaded', () => {
  it('are the engine’s own in this thread', () => {
    expect(typeof getDocument).toBe('function');
    expect(probeBuiltins()).toEqual({ push: 'native', parse: 'native' });
  });

  it('are the engine’s own in a pool worker, which loads pdf.js before tsx', async () => {
    const worker = new Worker(new URL('../src/batch/worker-entry.mjs', import.meta.url), {
      workerData: { workerModule: new URL('./support/report-builtins.ts', import.meta.url).href },
    });
    const report = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(report).toEqual({ push: 'native', parse: 'native' });
  });

  it('leave pdf.js reading a real PDF as before', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../fixtures/reports/seed-003.pdf', import.meta.url)));
    const document = await readPdf(bytes, { path: 'seed-003.pdf', sha256: 'x', bytes: bytes.length });
    expect(probeBuiltins()).toEqual({ push: 'native', parse: 'native' });
    expect(document.source.pages).toBeGreaterThan(1);
    const text = document.blocks.map((block) => ('text' in block ? block.text : '')).join('\n');
    expect(text).toContain('Tổ công tác Đề án 06 xã');
  });
});
