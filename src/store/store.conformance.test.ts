// One suite for the run-time store, run against both backends: SQLite files in a temporary folder and a
// PostgreSQL schema of its own. "Two nodes" are two Store instances on the same database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../data/db.ts';
import { getRacePredictions } from '../analysis/predictions/service.ts';
import type { Store } from './store.ts';
import { storeBackends } from './testing/backends.ts';

const backends = storeBackends('store');

let f1: Db;
beforeAll(() => {
  f1 = openDatabase(process.env.DATABASE_PATH!);
});
afterAll(() => f1.close());

describe.each(backends)('Store on $name', (backend) => {
  let a: Store;
  let b: Store;
  let teardown: () => Promise<void>;

  beforeAll(async () => {
    const env = await backend.setup();
    teardown = env.teardown;
    a = env.open();
    b = env.open();
    // Two nodes starting at once: the migrations are applied once, and both are ready.
    await Promise.all([a.open(), b.open()]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await teardown?.();
  });

  it('is ready after open, with every migration recorded once', async () => {
    expect(a.ready()).toBe(true);
    expect(b.ready()).toBe(true);
    expect(a.backend).toBe(backend.name);
  });

  it('migrations are versioned, recorded once, and a later start applies none again', async () => {
    const ids = await a.appliedMigrations();
    expect(ids).toEqual(
      expect.arrayContaining([
        'secrets-001',
        'tokens-001',
        'chats-001',
        'chats-002',
        'tracker-001',
        'usage-001',
      ]),
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(await b.appliedMigrations()).toEqual(ids);
  });

  it('chats: created on one node, listed and read on the other, only by their owner', async () => {
    const id = await a.chats.create('Who won Monza 2019?', 'anon:one');
    expect(await b.chats.exists(id, 'anon:one')).toBe(true);
    expect(await b.chats.exists(id, 'anon:two')).toBe(false);
    await b.chats.saveTurn(
      id,
      [],
      [
        { role: 'user', content: 'Who won Monza 2019?' },
        { role: 'assistant', content: 'Charles Leclerc.', meta: { engine: 'offline' } },
      ],
    );
    const list = await a.chats.list('anon:one');
    expect(list.map((c) => c.id)).toContain(id);
    expect(list.find((c) => c.id === id)!.messageCount).toBe(2);
    expect(await a.chats.list('anon:two')).toEqual([]);
    const chat = await a.chats.get(id, 'anon:one');
    expect(chat!.messages.map((m) => m.content)).toEqual(['Who won Monza 2019?', 'Charles Leclerc.']);
    expect(chat!.messages[1]!.meta).toEqual({ engine: 'offline' });
    expect(await a.chats.get(id, 'anon:two')).toBeUndefined();
  });

  it('chats: a stored history cannot be rewritten; a regenerated answer replaces the old one', async () => {
    const id = await a.chats.create('q', 'anon:h');
    const q = { role: 'user' as const, content: 'q' };
    await a.chats.saveTurn(id, [], [q, { role: 'assistant', content: 'first' }]);
    await expect(a.chats.mergeHistory(id, [{ role: 'user', content: 'other' }])).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await b.chats.mergeHistory(id, [q, { role: 'assistant', content: 'client copy' }])).toEqual([
      q,
      { role: 'assistant', content: 'first' },
    ]);
    await b.chats.saveTurn(id, [], [q, { role: 'assistant', content: 'second' }]);
    expect((await a.chats.get(id, 'anon:h'))!.messages.map((m) => m.content)).toEqual(['q', 'second']);
  });

  it('chats: concurrent turns on two nodes keep a gap-free, ordered history', async () => {
    const id = await a.chats.create('many', 'anon:c');
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? a : b).chats.append(id, [{ role: 'user', content: `m${i}` }]),
      ),
    );
    const chat = await a.chats.get(id, 'anon:c');
    expect(chat!.messages).toHaveLength(8);
    expect(new Set(chat!.messages.map((m) => m.content)).size).toBe(8);
  });

  it('chats: delete one, delete all of an owner, never another owner’s', async () => {
    const x = await a.chats.create('x', 'anon:d');
    const y = await a.chats.create('y', 'anon:d');
    const z = await a.chats.create('z', 'anon:e');
    expect(await b.chats.delete(x, 'anon:e')).toBe(false);
    expect(await b.chats.delete(x, 'anon:d')).toBe(true);
    expect(await b.chats.delete(x, 'anon:d')).toBe(false);
    expect(await a.chats.deleteAll('anon:d')).toBe(1);
    expect(await a.chats.exists(y, 'anon:d')).toBe(false);
    expect(await a.chats.exists(z, 'anon:e')).toBe(true);
  });

  it('secrets: the first node to make one wins, every node reads the same', async () => {
    const [s1, s2] = await Promise.all([
      a.secrets.secret('identity-cookie'),
      b.secrets.secret('identity-cookie'),
    ]);
    expect(s1).toBe(s2);
    expect(s1.length).toBeGreaterThanOrEqual(32);
    expect(await a.secrets.secret('other')).not.toBe(s1);
  });

  it('API tokens: made on one node, accepted on the other until revoked; only the hash is kept', async () => {
    const made = await a.tokens.create('ci bot');
    expect(made.token).toMatch(/^re_/);
    expect(await b.tokens.verify(made.token)).toBe(made.owner);
    expect(await b.tokens.verify(made.token + 'x')).toBeUndefined();
    const listed = await b.tokens.list();
    expect(listed.find((t) => t.owner === made.owner)).toMatchObject({ name: 'ci bot', revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(made.token);
    expect(await b.tokens.revoke(made.owner)).toBe(true);
    expect(await a.tokens.verify(made.token)).toBeUndefined();
    expect(await a.tokens.revoke(made.owner)).toBe(false);
    expect(await a.tokens.revoke('token:not-hex')).toBe(false);
  });

  it('tracker: stores predictions only before the race, scores them once it is run (once across nodes)', async () => {
    expect(await a.tracker.summary()).toEqual({ tracked: 0, scored: 0, overall: null, races: [] });
    const upcoming = getRacePredictions(f1, 2026, 13);
    expect(await a.tracker.record(upcoming, false)).toBe(true);
    const past = getRacePredictions(f1, 2024, 5);
    expect(await a.tracker.record(past, true)).toBe(false);
    // A prediction stored before 2024 round 5 was run (as the tracker would have done at the time).
    await b.tracker.record(past, false);
    const scored = (await Promise.all([a.tracker.scorePending(f1), b.tracker.scorePending(f1)])).reduce(
      (x, y) => x + y,
    );
    expect(scored).toBeGreaterThanOrEqual(1);
    expect(await a.tracker.scorePending(f1)).toBe(0);
    const s = await b.tracker.summary();
    expect(s.tracked).toBe(2);
    expect(s.scored).toBe(1);
    const race = s.races.find((r) => r.year === 2024)!;
    expect(race.actualWinner).toBe(past.actualResult![0]!.driverId);
    expect(race.scores!.brierWin).toBeGreaterThanOrEqual(0);
    expect(s.races.find((r) => r.year === 2026)!.scores).toBeNull();
    expect(a.trackerExists()).toBe(true);
  });

  it('LLM usage: per identity and in total per day, counted from both nodes at once', async () => {
    await Promise.all([
      a.usage.add('2026-01-01', 'anon:u', 100),
      b.usage.add('2026-01-01', 'anon:u', 50),
      b.usage.add('2026-01-01', 'anon:v', 7),
    ]);
    expect(await a.usage.get('2026-01-01', 'anon:u')).toEqual({ answers: 2, tokens: 150 });
    expect(await b.usage.get('2026-01-01', '*')).toEqual({ answers: 3, tokens: 157 });
    expect(await b.usage.get('2026-01-02', '*')).toEqual({ answers: 0, tokens: 0 });
  });

  it('exclusive: one node at a time runs a job', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = a.exclusive('job', () => held.then(() => 'done'));
    await new Promise((r) => setTimeout(r, 100));
    const second = await b.exclusive('job', async () => 'also');
    if (backend.name === 'postgres') expect(second).toEqual({ ran: false });
    else expect(second).toEqual({ ran: true, value: 'also' });
    release();
    expect(await first).toEqual({ ran: true, value: 'done' });
    expect(await b.exclusive('job', async () => 'later')).toEqual({ ran: true, value: 'later' });
  });

  it('sync state: a version recorded on one node is read on the other; the same version keeps its first node', async () => {
    expect(await b.syncState.versions()).toEqual([]);
    await a.syncState.record('f1db', 'v2026.1.0', 'node-a', new Date('2026-03-09T10:00:00Z'));
    await b.syncState.record('f1db', 'v2026.1.0', 'node-b', new Date('2026-03-09T11:00:00Z'));
    expect(await b.syncState.versions()).toEqual([
      { source: 'f1db', version: 'v2026.1.0', node: 'node-a', updatedAt: '2026-03-09T10:00:00.000Z' },
    ]);
    await b.syncState.record('f1db', 'v2026.1.1', 'node-b', new Date('2026-03-10T10:00:00Z'));
    expect((await a.syncState.versions()).map((v) => [v.version, v.node])).toEqual([['v2026.1.1', 'node-b']]);
  });
});
