/**
 * One pipeline run in a process of its own, so that its peak RSS (main thread and every worker thread) is
 * this run's alone. It runs the bundle `solieu run` runs (bin/build.mjs), on plain Node, so the numbers
 * are the command's. Prints one JSON line: runBatch's stats and the process's peak RSS.
 */
import { builtEntry } from '../../bin/build.mjs';

const request = JSON.parse(process.argv[2] ?? '{}');
const { runBatch } = await import(await builtEntry('run'));
const startedAt = performance.now();
const cpuBefore = process.cpuUsage();
// The outputs are streamed to disk; keeping every document for the caller is what would grow with N.
const summary = await runBatch({ inputs: request.inputs, outDir: request.outDir, jobs: request.jobs, cache: request.cache, retainDocuments: false });
const wallMs = performance.now() - startedAt;
// CPU of every thread of the process (workers, V8's compiler and GC threads, libuv's pool): how many
// cores' worth the run kept busy, which bounds what a second worker can add.
const cpu = process.cpuUsage(cpuBefore);
const cpuMs = (cpu.user + cpu.system) / 1000;
// resourceUsage().maxRSS is in kilobytes and covers the whole process, worker threads included.
process.stdout.write(`${JSON.stringify({ stats: summary.stats, wallMs, cpuMs, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
