// Two nodes behind nginx against one node, on this machine (`race-engineer cluster`: PostgreSQL, Redis,
// Chroma, nginx; src/server/cluster.ts). Prints, each as the median of BENCH_RUNS runs:
//   REST p99 at BENCH_RATE req/s (GET /api/schedule/2024): one node directly, two nodes through nginx;
//   live broadcast p99 with BENCH_CLIENTS WebSocket clients (all on one node; split over both via nginx):
//     for each delta, how long after its first receiver every other client got it;
//   chat create → list across nodes (POST /api/chat on node 1, GET /api/chats on node 2) vs on one node;
//   failover: kill -9 of a node → its live clients back through nginx with a snapshot.
// The live session is the F1 live feed (LIVE_SOURCE=f1, the production path: one node ingests it, the bus
// fans it out) played by a local SignalR server (src/live/testing/feed-server.ts) from the 2025 Mexico City
// qualifying, starting BENCH_FEED_START minutes in: the recording's first 13.5 minutes (before the session
// starts) carry about one update a minute, so a window there measures no delta at all.
// Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test F1_DATA_DIR=… npm run bench:cluster
//   BENCH_RATE (2000) BENCH_DURATION s (10) BENCH_CLIENTS (2000) BENCH_RUNS (3) BENCH_LIVE_WINDOW s (30)
//   BENCH_FEED_START min (15)
// The machine may be shared: the load average is printed with the figures.
import './data-env.ts';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadavg } from 'node:os';
import WebSocket from 'ws';
import { readFeedRecording } from '../src/live/recordings/jsonstream.ts';
import { listFeedRecordings } from '../src/live/recordings/livetiming.ts';
import { startFeedServer } from '../src/live/testing/feed-server.ts';
import { startCluster, type Cluster } from '../src/server/cluster.ts';
import { uniqueSchema, urlWithSchema } from '../src/store/testing/postgres.ts';

const RATE = Number(process.env.BENCH_RATE ?? 2000);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const LIVE_WINDOW = Number(process.env.BENCH_LIVE_WINDOW ?? 30);
const FEED_START_MIN = Number(process.env.BENCH_FEED_START ?? 15);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LIVE = '/api/live/current';
const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const median = (all: number[], xs = all.filter((x) => !Number.isNaN(x))) =>
  xs.length === 0 ? NaN : [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function rest(url: string): Promise<{ p99: number; errors: number; rps: number }> {
  const r = await autocannon({
    url: `${url}/api/schedule/2024`,
    connections: 50,
    duration: DURATION,
    overallRate: RATE,
  });
  return { p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx, rps: r.requests.average };
}

interface LiveClient {
  ws: WebSocket;
  snapshotAt: number | null;
  arrivals: Map<number, number>;
}

function connect(url: string): LiveClient {
  const ws = new WebSocket(url.replace('http', 'ws') + LIVE, { perMessageDeflate: false });
  const c: LiveClient = { ws, snapshotAt: null, arrivals: new Map() };
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString()) as { type: string; seq?: number };
    if (m.type === 'snapshot') c.snapshotAt = performance.now();
    else if (m.type === 'delta') c.arrivals.set(m.seq!, performance.now());
    else if (m.type === 'ping') ws.send('{"type":"pong"}');
  });
  ws.on('error', () => undefined);
  return c;
}

async function connectAll(urls: string[], n: number): Promise<LiveClient[]> {
  const out: LiveClient[] = [];
  for (let i = 0; i < n; i++) {
    out.push(connect(urls[i % urls.length]!));
    if (i % 100 === 99) await sleep(50);
  }
  const deadline = Date.now() + 60_000;
  while (out.some((c) => c.snapshotAt === null) && Date.now() < deadline) await sleep(100);
  return out;
}

/** p99 over deltas of (arrival − the delta's first arrival), after `settleMs` of deltas. */
async function broadcast(urls: string[]): Promise<number> {
  const clients = await connectAll(urls, CLIENTS);
  // A session joined right after another node let it go waits for the ingest to move (the bus's ownership
  // lease): measure once deltas flow.
  const deadline = Date.now() + 40_000;
  while (clients.every((c) => c.arrivals.size === 0) && Date.now() < deadline) await sleep(100);
  await sleep(500);
  for (const c of clients) c.arrivals.clear();
  await sleep(LIVE_WINDOW * 1000);
  const spread: number[] = [];
  const seqs = new Set<number>();
  for (const c of clients) for (const s of c.arrivals.keys()) seqs.add(s);
  let measured = 0;
  for (const s of seqs) {
    const times = clients.map((c) => c.arrivals.get(s)).filter((t): t is number => t !== undefined);
    if (times.length < clients.length * 0.99) continue; // a delta from before everyone was connected
    measured++;
    const first = Math.min(...times);
    for (const t of times) spread.push(t - first);
  }
  console.error(
    `broadcast ${urls.join(' ')}: ${measured} deltas reached ≥99% of ${clients.length} clients in ${LIVE_WINDOW} s`,
  );
  if (!spread.length) {
    const counts = [...seqs].map((q) => clients.filter((c) => c.arrivals.has(q)).length);
    console.error(
      `broadcast: no delta reached 99% of ${clients.length} clients (${clients.filter((c) => c.snapshotAt).length} with a snapshot; best delta reached ${Math.max(0, ...counts)})`,
    );
  }
  clients.forEach((c) => c.ws.terminate());
  await sleep(1000);
  return spread.length ? pct(spread, 0.99) : NaN;
}

async function chatAcross(create: string, list: string): Promise<number> {
  const times: number[] = [];
  let cookie: string | undefined;
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    const res = await fetch(`${create}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ messages: [{ role: 'user', content: `Who won the ${2000 + i} title?` }] }),
    });
    const text = await res.text();
    cookie ??= res.headers.get('set-cookie')!.split(';')[0]!;
    const id = (JSON.parse(/event: done\ndata: (.*)\n/.exec(text)![1]!) as { chatId: string }).chatId;
    const listed = (await (await fetch(`${list}/api/chats`, { headers: { cookie } })).text()).includes(id);
    if (!listed) throw new Error('chat not listed');
    times.push(performance.now() - t);
  }
  return median(times);
}

async function failover(cluster: Cluster): Promise<number> {
  const clients = await connectAll([cluster.url], 200);
  const victim = cluster.nodes[0]!;
  const theirs = () => clients.filter((c) => c.ws.readyState !== WebSocket.OPEN);
  const t0 = performance.now();
  await victim.stop('SIGKILL');
  while (theirs().length === 0) await sleep(5);
  const back = await Promise.all(
    theirs().map(
      () =>
        new Promise<number>((resolve) => {
          const c = connect(cluster.url);
          const check = setInterval(() => {
            if (c.snapshotAt !== null) {
              clearInterval(check);
              c.ws.terminate();
              resolve(c.snapshotAt - t0);
            }
          }, 5);
        }),
    ),
  );
  clients.forEach((c) => c.ws.terminate());
  await victim.start();
  await sleep(1500);
  return Math.max(...back);
}

const schema = uniqueSchema('bench');
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`CREATE SCHEMA ${schema}`);
const recording = (await listFeedRecordings(process.env.LIVETIMING_DIR!)).find((r) =>
  r.id.includes('Mexico-City_Qualifying'),
);
if (!recording)
  throw new Error('the 2025 Mexico City qualifying recording is missing (F1_DATA_DIR/livetiming)');
const feed = await startFeedServer({
  frames: await readFeedRecording(recording.dir),
  startMs: FEED_START_MIN * 60_000,
});
console.error('starting the cluster…');
const cluster = await startCluster({
  databaseUrl: urlWithSchema(schema, base),
  env: {
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    LLM_PROVIDER: 'offline',
    RULEBOOK_AUTO_INGEST: 'false',
    ANALYSIS_WARMUP: 'false',
    CHAT_RATE_LIMIT: '1000000',
    WS_STALE_TIMEOUT: '600',
    DATA_SYNC: 'off', // no upstream to reach from here
    LIVE_SOURCE: 'f1',
    F1_LIVE_URL: feed.url,
  },
  log: (l) => console.error(`cluster: ${l}`),
});
const [one, two] = cluster.nodes;
const rows: Record<string, { one: number[]; two: number[] }> = {
  'REST p99 ms': { one: [], two: [] },
  'live broadcast p99 ms': { one: [], two: [] },
  'chat create→list ms': { one: [], two: [] },
};
const failovers: number[] = [];
try {
  for (let run = 1; run <= RUNS; run++) {
    console.error(`run ${run}/${RUNS} (load ${loadavg()[0]!.toFixed(1)})`);
    rows['REST p99 ms']!.one.push((await rest(one!.url)).p99);
    rows['REST p99 ms']!.two.push((await rest(cluster.url)).p99);
    rows['live broadcast p99 ms']!.one.push(await broadcast([one!.url]));
    rows['live broadcast p99 ms']!.two.push(await broadcast([cluster.url]));
    rows['chat create→list ms']!.one.push(await chatAcross(one!.url, one!.url));
    rows['chat create→list ms']!.two.push(await chatAcross(one!.url, two!.url));
    failovers.push(await failover(cluster));
  }
} finally {
  await cluster.stop();
  await feed.close();
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
}
console.log(
  `\ncluster bench: medians of ${RUNS} runs; ${RATE} req/s, ${CLIENTS} live clients; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} (shared machine)`,
);
console.log('| figure | one node | two nodes behind nginx |\n|---|---|---|');
for (const [name, r] of Object.entries(rows))
  console.log(`| ${name} | ${median(r.one).toFixed(1)} | ${median(r.two).toFixed(1)} |`);
console.log(`| failover (kill -9 → clients back with a snapshot) ms | — | ${median(failovers).toFixed(0)} |`);
