// Worker threads running this project's TypeScript. The sources run through tsx, and a worker inherits
// neither the parent's loader nor (on Node 20) `--import` in its execArgv, so it starts from an evaluated
// bootstrap that registers tsx and then imports the worker module.
import { Worker } from 'node:worker_threads';

export function startTsWorker(entry: URL, workerData: unknown, name: string): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData, name });
}
