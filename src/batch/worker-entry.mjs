// Worker threads do not inherit the parent's module hooks, and Node 20 ignores `--import tsx` in a
// worker's execArgv, so the worker registers tsx itself before loading the TypeScript sources.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.workerModule);
