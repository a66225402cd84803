// Worker threads do not inherit the parent's module hooks, and Node 20 ignores `--import tsx` in a
// worker's execArgv, so the worker registers tsx itself before loading the TypeScript sources.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

// pdf.js is plain JavaScript, but loaded through tsx's hooks its two big modules (the API and the
// parser it runs in this thread as a "fake worker") cost each worker hundreds of MB of RSS and most of
// a second (bench/RESULTS.md). Loaded natively first, the TypeScript sources that import it later get
// the same module instances from the module map.
await import('../ingest/pdfjs/index.mjs');
register();
await import(workerData.workerModule);
