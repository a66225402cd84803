// Remembers the builtins pdf.js's legacy build replaces, imports one module (a script's argument, or
// `probeTarget` in a worker's workerData), and reports which builtins are still the same functions.
// Plain JavaScript run on plain Node, so that nothing has loaded pdf.js before the originals are taken.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

const watched = [
  ['push', Array.prototype],
  ['parse', JSON],
  ['stringify', JSON],
  ['toString', Function.prototype],
].map(([key, owner]) => ({ key, owner, original: owner[key] }));

await import(isMainThread ? process.argv[2] : workerData.probeTarget);

const report = Object.fromEntries(watched.map(({ key, owner, original }) => [key, owner[key] === original ? 'native' : 'replaced']));
if (isMainThread) process.stdout.write(JSON.stringify(report));
else parentPort.postMessage({ probe: report });
