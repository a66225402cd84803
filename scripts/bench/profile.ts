/**
 * `node --cpu-prof --cpu-prof-dir DIR --import tsx scripts/bench/profile.ts FILE...` runs processBytes over the
 * files in the main thread (where --cpu-prof sees it), then `tsx scripts/bench/profile.ts --summary DIR` prints
 * the functions with the most self time, with their files: what the pipeline spends its time on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
if (args[0] === '--summary') {
  const dir = args[1]!;
  for (const name of readdirSync(dir).filter((entry) => entry.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, name), 'utf8')) as CpuProfile;
    const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
    const selfMs = new Map<string, number>();
    const byFile = new Map<string, number>();
    let total = 0;
    profile.samples.forEach((id, index) => {
      const delta = (profile.timeDeltas[index] ?? 0) / 1000;
      total += delta;
      const frame = byNode.get(id)!.callFrame;
      const file = frame.url.replace(/^file:\/\//, '').replace(/\?.*$/, '');
      const where = file.includes('node_modules') ? file.replace(/.*node_modules\//, 'node_modules/') : relative(process.cwd(), file) || '(native)';
      const key = `${frame.functionName || '(anonymous)'}  ${where}:${frame.lineNumber + 1}`;
      selfMs.set(key, (selfMs.get(key) ?? 0) + delta);
      byFile.set(where, (byFile.get(where) ?? 0) + delta);
    });
    console.log(`${name}: ${(total / 1000).toFixed(1)} s sampled`);
    console.log('  by file:');
    for (const [key, ms] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`    ${(ms / 1000).toFixed(2)} s ${((100 * ms) / total).toFixed(1)}%  ${key}`);
    console.log('  by function (self):');
    for (const [key, ms] of [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`    ${(ms / 1000).toFixed(2)} s ${((100 * ms) / total).toFixed(1)}%  ${key}`);
  }
} else {
  const { processBytes } = await import('../../src/pipeline/index.ts');
  const totals = { ingestMs: 0, normalizeMs: 0, extractMs: 0, checkMs: 0 };
  for (const file of args) {
    const { timings } = await processBytes(new Uint8Array(readFileSync(file)), file);
    for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += timings[key];
  }
  console.log(JSON.stringify(totals));
}
