// Loaded by test/pdfjs-builtins.test.ts as a pool worker's module (after worker-entry.mjs has loaded
// pdf.js and registered tsx): reports how the builtins pdf.js's polyfills replace behave here.
import { parentPort } from 'node:worker_threads';
import { probeBuiltins } from './probe-builtins.ts';

parentPort?.postMessage(probeBuiltins());
