// A worker thread's entry: runs a TypeScript module of the benchmark (through tsx) in the worker.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
