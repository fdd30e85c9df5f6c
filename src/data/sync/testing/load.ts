// Steady HTTP load against a running server while something happens (a database swap): `concurrency`
// clients each send the next request as soon as the previous answered, until `stop()`. Every answer is
// kept (status, latency, when), so a test can count errors and a benchmark can take percentiles of the
// requests that were in flight around the swap.
export interface Answer {
  path: string;
  status: number;
  ms: number;
  startedAt: number;
  endedAt: number;
  version?: string | null;
}

export interface Load {
  stop(): Promise<Answer[]>;
}

export function startLoad(base: string, paths: string[], concurrency: number): Load {
  let running = true;
  const answers: Answer[] = [];
  let i = 0;
  const client = async () => {
    while (running) {
      const path = paths[i++ % paths.length]!;
      const startedAt = performance.now();
      let status: number;
      let version: string | null | undefined;
      try {
        const res = await fetch(base + path);
        const text = await res.text();
        status = res.status;
        if (path === '/api/health' && res.ok)
          version = (JSON.parse(text) as { dataVersion: string | null }).dataVersion;
      } catch {
        status = 0; // connection failed: counted as an error
      }
      const endedAt = performance.now();
      answers.push({ path, status, ms: endedAt - startedAt, startedAt, endedAt, version });
    }
  };
  const clients = Array.from({ length: concurrency }, client);
  return {
    async stop() {
      running = false;
      await Promise.all(clients);
      return answers;
    },
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}
