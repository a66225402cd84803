// The one door to pdf.js for the whole program: every module imports pdf.js from here, never from
// pdfjs-dist directly, so that the builtins are captured before pdf.js first loads.
//
// The legacy build (the one that runs on Node 20) bundles core-js, which on Node 20 replaces
// Array.prototype.push with a JavaScript function (V8's push fails a spec corner case about arrays
// with a read-only length) and JSON.parse/stringify with wrappers (for the reviver's source text). They
// are global: every push and every JSON call in the process, ours and pdf.js's own, then runs through them.
// pdf.js uses none of those corner cases, so the natives go back once both of its modules are in.
// Measured in bench/RESULTS.md. This file is plain JavaScript so that worker threads can load it
// natively, before tsx's loader hooks, which would make pdf.js cost far more memory and time.
import { nativeBuiltins } from './builtins.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

// pdf.js runs its parser in this thread (a "fake worker") and takes it from here rather than
// importing it again by URL.
globalThis.pdfjsWorker = pdfjsWorker;

for (const { owner, key, native } of nativeBuiltins) {
  if (owner[key] !== native) owner[key] = native;
}

export const { getDocument, OPS, Util } = pdfjs;
