// The tested cluster: two server processes sharing PostgreSQL (a schema of their own), Redis (started for
// the test) and a Chroma server, behind nginx (deploy/nginx.conf), as `race-engineer cluster` and
// compose.yaml run them. Needs PostgreSQL (TEST_DATABASE_URL) and nginx (installed when missing, as root):
// without them the test fails saying so; it never skips.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../live/testing/collect.ts';
import { TestClient } from '../live/testing/ws-client.ts';
import { startCluster, type Cluster } from './cluster.ts';
import {
  dropSchema,
  requirePostgres,
  TEST_DATABASE_URL,
  uniqueSchema,
  urlWithSchema,
} from '../store/testing/postgres.ts';

const schema = uniqueSchema('cluster');
let cluster: Cluster;
const clients: TestClient[] = [];
const LIVE = '/api/live/2025/20?session=Q';

beforeAll(async () => {
  await requirePostgres();
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  cluster = await startCluster({
    databaseUrl: urlWithSchema(schema),
    env: {
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      LLM_PROVIDER: 'offline',
      RULEBOOK_AUTO_INGEST: 'false',
      ANALYSIS_WARMUP: 'false',
      CHAT_RATE_LIMIT: '100000',
      WS_HEARTBEAT_INTERVAL: '2',
      SHUTDOWN_TIMEOUT: '10',
    },
  });
}, 180_000);

afterAll(async () => {
  clients.forEach((c) => c.close());
  await cluster?.stop();
  await dropSchema(schema).catch(() => undefined);
}, 60_000);

/** Asks through /api/chat (SSE) and returns the stored chat's id and the identity cookie. */
async function chat(
  base: string,
  question: string,
  cookie?: string,
): Promise<{ chatId: string; cookie: string }> {
  const res = await fetch(`${base}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ messages: [{ role: 'user', content: question }] }),
  });
  expect(res.status).toBe(200);
  const text = await res.text();
  const done = /event: done\ndata: (.*)\n/.exec(text);
  expect(done, text.slice(-300)).not.toBeNull();
  const setCookie = res.headers.get('set-cookie');
  return {
    chatId: (JSON.parse(done![1]!) as { chatId: string }).chatId,
    cookie: cookie ?? setCookie!.split(';')[0]!,
  };
}

const listChats = async (base: string, cookie: string) =>
  (
    (await (await fetch(`${base}/api/chats`, { headers: { cookie } })).json()) as { chats: { id: string }[] }
  ).chats.map((c) => c.id);

const liveClients = async (base: string) =>
  ((await (await fetch(`${base}/api/live/stats`)).json()) as { clients: number }).clients;

describe('two nodes behind nginx', () => {
  let cookie = '';
  let chatId = '';

  it('a chat made through one node is listed and read through the other (and through nginx)', async () => {
    const [a, b] = cluster.nodes;
    ({ chatId, cookie } = await chat(a!.url, 'Who won the 2021 championship?'));
    expect(await listChats(b!.url, cookie)).toEqual([chatId]);
    const read = await fetch(`${b!.url}/api/chats/${chatId}`, { headers: { cookie } });
    expect(((await read.json()) as { messages: unknown[] }).messages).toHaveLength(2);
    // Through nginx, a second question to the same chat lands on either node and continues it.
    const again = await fetch(`${cluster.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ chatId, messages: [{ role: 'user', content: 'And in 2020?' }] }),
    });
    expect(again.status).toBe(200);
    await again.text();
    const viaA = await (await fetch(`${a!.url}/api/chats/${chatId}`, { headers: { cookie } })).json();
    expect((viaA as { messages: unknown[] }).messages).toHaveLength(4);
  }, 60_000);

  it('live clients spread over both nodes see the same session; a node killed mid-session loses its clients to the survivor, with a snapshot and nothing lost', async () => {
    for (let i = 0; i < 6; i++) {
      const c = new TestClient(cluster.url.replace('http', 'ws') + LIVE, { answerPings: true });
      clients.push(c);
      await c.next('snapshot', () => true, 30_000);
    }
    const perNode = await Promise.all(cluster.nodes.map((n) => liveClients(n.url)));
    expect(
      perNode.every((n) => n > 0),
      `clients per node ${perNode.join(', ')}`,
    ).toBe(true);
    expect(perNode.reduce((a, b) => a + b)).toBe(6);

    // The same deltas (same seq, same content) reach every client, whichever node serves it.
    await waitFor(() => clients.every((c) => c.of('delta').length >= 3), 30_000, 'deltas on every client');
    const reference = new Map(clients[0]!.of('delta').map((m) => [m.seq, JSON.stringify(m.delta)]));
    for (const c of clients.slice(1)) {
      const common = c.of('delta').filter((m) => reference.has(m.seq));
      expect(common.length).toBeGreaterThan(0);
      for (const m of common) expect(JSON.stringify(m.delta)).toBe(reference.get(m.seq));
      expect(c.seqGaps).toBe(0);
    }

    // kill -9 the first node: its clients' sockets drop; they reconnect through nginx and land on the survivor.
    const victim = cluster.nodes[0]!;
    const survivor = cluster.nodes[1]!;
    const before = clients.map((c) => c.seq);
    await victim.stop('SIGKILL');
    await waitFor(
      () => clients.filter((c) => c.closeCode !== null).length === perNode[0],
      10_000,
      'the victim’s clients to drop',
    );
    const dropped = clients.filter((c) => c.closeCode !== null);
    expect(dropped.length).toBe(perNode[0]);
    const t0 = Date.now();
    const back = await Promise.all(
      dropped.map(async (old) => {
        const c = new TestClient(cluster.url.replace('http', 'ws') + LIVE, { answerPings: true });
        clients.push(c);
        const snap = await c.next('snapshot', () => true, 20_000);
        return { old, c, seq: snap.seq as number };
      }),
    );
    const failoverMs = Date.now() - t0;
    expect(await liveClients(survivor.url)).toBe(6);
    for (const { old, seq } of back) expect(seq).toBeGreaterThanOrEqual(old.seq);
    expect(Math.min(...back.map((b) => b.seq))).toBeGreaterThanOrEqual(Math.min(...before));
    // After the snapshot the session goes on without a gap (the survivor takes over the ingest if needed).
    await waitFor(() => back.every(({ c }) => c.of('delta').length >= 2), 40_000, 'deltas after failover');
    for (const { c } of back) expect(c.seqGaps).toBe(0);
    // Nothing stored was lost either.
    expect(await listChats(cluster.url, cookie)).toEqual([chatId]);
    process.stderr.write(`failover: ${dropped.length} clients back with a snapshot in ${failoverMs} ms\n`);
    await victim.start();
    await new Promise((r) => setTimeout(r, 1500)); // nginx sees it back
  }, 120_000);

  it('a rolling restart of both nodes loses no request', async () => {
    let stop = false;
    const failures: string[] = [];
    let ok = 0;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const kind = (i + w) % 4;
        try {
          const res =
            kind === 0
              ? await fetch(`${cluster.url}/api/ask`, {
                  method: 'POST',
                  headers: { 'content-type': 'application/json' },
                  body: JSON.stringify({ question: 'Who won the 2019 Italian Grand Prix?' }),
                })
              : kind === 1
                ? await fetch(`${cluster.url}/api/chats`, { headers: { cookie } })
                : await fetch(`${cluster.url}/api/schedule/2024`);
          const body = await res.text();
          if (res.status !== 200) failures.push(`${kind} ${res.status} ${body.slice(0, 120)}`);
          else if (kind === 1 && !body.includes(chatId)) failures.push('chat list lost the chat');
          else ok++;
        } catch (err) {
          failures.push(`${kind} ${(err as Error).message}`);
        }
      }
    };
    const workers = Array.from({ length: 4 }, (_, w) => worker(w));
    await new Promise((r) => setTimeout(r, 500));
    await cluster.rollingRestart();
    await new Promise((r) => setTimeout(r, 500));
    stop = true;
    await Promise.all(workers);
    expect(failures).toEqual([]);
    expect(ok).toBeGreaterThan(50);
    process.stderr.write(`rolling restart: ${ok} requests, ${failures.length} failed\n`);
  }, 180_000);
});
