// Worker threads running this project's TypeScript. The sources run through tsx, and a worker inherits
// neither the parent's loader nor (on Node 20) `--import` in its execArgv, so it starts from an evaluated
// bootstrap that registers tsx and then imports the worker module.
//
// A job's worker module posts `{ type: 'done', result }` or `{ type: 'failed', message }` once; anything else
// it posts (progress, log lines) goes to `onMessage`.
import { Worker } from 'node:worker_threads';

export interface WorkerJob<T> {
  /** Settles when the thread is done; rejects when it failed, or with "stopped" after stop(). */
  done: Promise<T>;
  /** Stops the thread if it still runs (server shutdown). */
  stop(): Promise<void>;
}

export function startTsWorker(entry: URL, workerData: unknown, name: string): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData, name });
}

export function runWorkerJob<T, M = unknown>(
  entry: URL,
  workerData: unknown,
  name: string,
  onMessage: (message: M) => void = () => {},
): WorkerJob<T> {
  const worker = startTsWorker(entry, workerData, name);
  let settled = false;
  let stopped = false;
  let exited = false;
  const done = new Promise<T>((resolve, reject) => {
    worker.on('message', (m: { type: string; result?: T; message?: string }) => {
      if (m.type === 'done') {
        settled = true;
        resolve(m.result as T);
      } else if (m.type === 'failed') {
        settled = true;
        reject(new Error(m.message));
      } else onMessage(m as M);
    });
    worker.on('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.on('exit', (code) => {
      exited = true;
      if (!settled) reject(new Error(stopped ? 'stopped' : `${name} thread exited with code ${code}`));
    });
  });
  return {
    done,
    async stop() {
      if (exited || stopped) return;
      stopped = true;
      await worker.terminate();
    },
  };
}
