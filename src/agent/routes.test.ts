// The agent's HTTP interface with no API key configured: the offline engine answers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../server/app.ts';
import { createContext, type AppContext } from '../server/context.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../logger.ts';
import { startScriptedLlm } from './testing/scripted-llm.ts';

const QUESTION = 'who won the 2021 Abu Dhabi GP?';
let dir: string;

async function makeApp(env: Record<string, string> = {}): Promise<{ app: App; ctx: AppContext }> {
  const config = loadConfig({
    ...process.env,
    LLM_PROVIDER: 'auto',
    OPENAI_API_KEY: '',
    ANTHROPIC_API_KEY: '',
    CHATS_DB_PATH: join(dir, `chats-${Math.random().toString(36).slice(2)}.db`),
    ...env,
  });
  const ctx = createContext(config, silentLogger);
  const app = await buildApp(config, silentLogger, ctx);
  return { app, ctx };
}

function parseSse(body: string): { event: string; data: Record<string, unknown> }[] {
  return body
    .split('\n\n')
    .filter((b) => b.trim())
    .map((block) => {
      const event = /^event: (.+)$/m.exec(block)?.[1] ?? '';
      const data = JSON.parse(/^data: (.+)$/m.exec(block)?.[1] ?? '{}') as Record<string, unknown>;
      return { event, data };
    });
}

type Inject = (opts: InjectOptions) => Promise<LightMyRequestResponse>;

/** A browser's view of the app: the identity cookie it was given on its first request goes with every request. */
async function browser(app: App): Promise<Inject> {
  const first = await app.inject({ method: 'GET', url: '/api/chats' });
  const cookie = String(first.headers['set-cookie']).split(';')[0]!;
  return (opts) => app.inject({ ...opts, headers: { ...opts.headers, cookie } });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'agent-routes-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('agent API (offline, no key)', () => {
  let app: App;
  let ctx: AppContext;
  let inject: Inject;
  beforeAll(async () => {
    ({ app, ctx } = await makeApp());
    inject = await browser(app);
  });
  afterAll(async () => {
    await app.close();
    await ctx.close();
  });

  it('POST /api/ask answers correctly with the tools and sources used', async () => {
    const res = await inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      answer: string;
      engine: string;
      tools: { name: string; ok: boolean }[];
      sources: string[];
    }>();
    expect(body.engine).toBe('offline');
    expect(body.answer).toMatch(/^Max Verstappen won the 2021 Abu Dhabi Grand Prix/);
    expect(body.tools).toMatchObject([{ name: 'get_race_results', ok: true }]);
    expect(body.sources).toEqual(['f1db — 2021 Abu Dhabi GP classification']);
  });

  it('reads a follow-up together with the previous question', async () => {
    const history = [
      { role: 'user', content: QUESTION },
      { role: 'assistant', content: 'Max Verstappen won the 2021 Abu Dhabi Grand Prix.' },
    ];
    const cases: [string, string][] = [
      ['and in 2019?', 'Lewis Hamilton won the 2019 Abu Dhabi Grand Prix'],
      ['what about Hamilton?', 'Lewis Hamilton finished P2'],
    ];
    for (const [question, expected] of cases) {
      const res = await inject({ method: 'POST', url: '/api/ask', payload: { question, history } });
      expect(res.json<{ answer: string }>().answer).toContain(expected);
    }
  });

  it('POST /api/chat streams tool events, deltas and done, and stores the chat', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/chat',
      payload: { messages: [{ role: 'user', content: QUESTION }] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    const events = parseSse(res.body);
    expect(events.map((e) => e.event).filter((e) => e !== 'delta')).toEqual([
      'tool_start',
      'tool_end',
      'done',
    ]);
    expect(events[0]!.data).toMatchObject({ name: 'get_race_results' });
    expect(events[1]!.data).toMatchObject({ name: 'get_race_results', ok: true });
    const text = events
      .filter((e) => e.event === 'delta')
      .map((e) => e.data.text)
      .join('');
    expect(text).toContain('Max Verstappen won the 2021 Abu Dhabi Grand Prix');
    const chatId = events.at(-1)!.data.chatId as string;

    const list = await inject({ method: 'GET', url: '/api/chats' });
    expect(list.json<{ chats: { id: string; messageCount: number }[] }>().chats).toContainEqual(
      expect.objectContaining({ id: chatId, messageCount: 2 }),
    );
    const chat = await inject({ method: 'GET', url: `/api/chats/${chatId}` });
    const stored = chat.json<{ messages: { role: string; content: string }[] }>();
    expect(stored.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(stored.messages[1]!.content).toBe(text);

    // A follow-up in the same chat appends to it.
    const again = await inject({
      method: 'POST',
      url: '/api/chat',
      payload: { chatId, messages: [{ role: 'user', content: 'Who took pole at Suzuka 2026?' }] },
    });
    expect(parseSse(again.body).at(-1)).toEqual({ event: 'done', data: { chatId } });
    const after = await inject({ method: 'GET', url: `/api/chats/${chatId}` });
    const four = after.json<{ messages: { role: string; content: string }[] }>().messages;
    expect(four).toHaveLength(4);

    // Regenerate: the client sends the history up to the last question; the old answer is replaced,
    // the question is not stored twice.
    const regen = await inject({
      method: 'POST',
      url: '/api/chat',
      payload: { chatId, messages: four.slice(0, 3).map(({ role, content }) => ({ role, content })) },
    });
    expect(parseSse(regen.body).at(-1)).toEqual({ event: 'done', data: { chatId } });
    const regenerated = (await inject({ method: 'GET', url: `/api/chats/${chatId}` })).json<{
      messages: { role: string; content: string }[];
    }>().messages;
    expect(regenerated.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(regenerated.slice(0, 3).map(({ role, content }) => ({ role, content }))).toEqual(
      four.slice(0, 3).map(({ role, content }) => ({ role, content })),
    );

    expect((await inject({ method: 'DELETE', url: `/api/chats/${chatId}` })).statusCode).toBe(204);
    expect((await inject({ method: 'GET', url: `/api/chats/${chatId}` })).statusCode).toBe(404);
    expect((await inject({ method: 'DELETE', url: `/api/chats/${chatId}` })).statusCode).toBe(404);
  });

  it('gives race start times in the time zone the client sends, on /api/ask and /api/chat', async () => {
    const question = 'When was the 2025 Abu Dhabi Grand Prix?';
    const ask = await inject({
      method: 'POST',
      url: '/api/ask',
      payload: { question, timeZone: 'Asia/Tokyo' },
    });
    expect(ask.statusCode).toBe(200);
    expect(ask.json<{ answer: string }>().answer).toContain(
      'lights out 13:00 UTC (Sun 7 Dec, 22:00 (Asia/Tokyo))',
    );
    const plain = await inject({ method: 'POST', url: '/api/ask', payload: { question } });
    expect(plain.json<{ answer: string }>().answer).toContain('lights out 13:00 UTC at');
    const chat = await inject({
      method: 'POST',
      url: '/api/chat',
      payload: { messages: [{ role: 'user', content: question }], timeZone: 'America/New_York' },
    });
    const text = parseSse(chat.body)
      .filter((e) => e.event === 'delta')
      .map((e) => e.data.text)
      .join('');
    expect(text).toContain('(Sun 7 Dec, 08:00 (America/New_York))');
  });

  it('refuses bad requests with 4xx and an error body, never a 200', async () => {
    const cases: [string, unknown, number][] = [
      ['/api/ask', { question: 'when is the next race', timeZone: 'Mars/Olympus' }, 400],
      ['/api/chat', { messages: [{ role: 'user', content: 'hi' }], timeZone: 42 }, 400],
      ['/api/ask', { question: '' }, 400],
      ['/api/ask', {}, 400],
      ['/api/ask', { question: 'x'.repeat(5000) }, 413],
      ['/api/chat', { messages: [] }, 400],
      ['/api/chat', { messages: [{ role: 'assistant', content: 'hi' }] }, 400],
      ['/api/chat', { messages: [{ role: 'user', content: 'x'.repeat(5000) }] }, 413],
      [
        '/api/chat',
        { chatId: '00000000-0000-4000-8000-000000000000', messages: [{ role: 'user', content: 'hi' }] },
        404,
      ],
    ];
    for (const [url, payload, status] of cases) {
      const res = await inject({ method: 'POST', url, payload: payload as Record<string, unknown> });
      expect(res.statusCode, `${url} ${JSON.stringify(payload).slice(0, 60)}`).toBe(status);
      expect(res.json<{ error: { code: string } }>().error.code).toBeTruthy();
    }
    const huge = await inject({
      method: 'POST',
      url: '/api/ask',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ question: 'y'.repeat(2_000_000) }),
    });
    expect(huge.statusCode).toBe(413);
  });
});

describe('agent API rate limit', () => {
  it('limits questions per client and answers 429 with an error body', async () => {
    const { app, ctx } = await makeApp({ CHAT_RATE_LIMIT: '2' });
    try {
      const ask = () =>
        app.inject({
          method: 'POST',
          url: '/api/ask',
          payload: { question: QUESTION },
          remoteAddress: '10.0.0.7',
        });
      expect((await ask()).statusCode).toBe(200);
      expect((await ask()).statusCode).toBe(200);
      const limited = await ask();
      expect(limited.statusCode).toBe(429);
      expect(limited.json<{ error: { code: string } }>().error.code).toBe('rate_limited');
      // Another client is not affected.
      const other = await app.inject({
        method: 'POST',
        url: '/api/ask',
        payload: { question: QUESTION },
        remoteAddress: '10.0.0.8',
      });
      expect(other.statusCode).toBe(200);
    } finally {
      await app.close();
      await ctx.close();
    }
  });
});

describe('agent API with an LLM provider', () => {
  it("streams the model's tool calls and tokens over SSE and reports the engine", async () => {
    const llm = await startScriptedLlm(
      [
        {
          kind: 'tools',
          calls: [{ name: 'get_race_results', arguments: '{"year":2021,"grand_prix":"Abu Dhabi"}' }],
        },
        { kind: 'text', pieces: ['Max Verstappen ', 'won it, box box.'] },
      ],
      'openai',
    );
    const { app, ctx } = await makeApp({
      LLM_PROVIDER: 'openai',
      OPENAI_BASE_URL: llm.baseURL,
      OPENAI_API_KEY: 'sk-test-key-0000000000',
      OPENAI_MODEL: 'scripted',
      LLM_MAX_RETRIES: '0',
    });
    try {
      const inject = await browser(app);
      const res = await inject({
        method: 'POST',
        url: '/api/chat',
        payload: { messages: [{ role: 'user', content: QUESTION }] },
      });
      const events = parseSse(res.body);
      expect(events.map((e) => e.event)).toEqual(['tool_start', 'tool_end', 'delta', 'delta', 'done']);
      expect(events[0]!.data).toEqual({
        name: 'get_race_results',
        args: { year: 2021, grand_prix: 'Abu Dhabi' },
      });
      const chatId = events.at(-1)!.data.chatId as string;
      const stored = (await inject({ method: 'GET', url: `/api/chats/${chatId}` })).json<{
        messages: { content: string; meta: { engine: string } | null }[];
      }>();
      expect(stored.messages[1]).toMatchObject({
        content: 'Max Verstappen won it, box box.',
        meta: { engine: 'llm:scripted' },
      });
    } finally {
      await app.close();
      await ctx.close();
      await llm.close();
    }
  });
});

describe('owned chats', () => {
  let app: App;
  let ctx: AppContext;
  beforeAll(
    async () => ({ app, ctx } = await makeApp({ API_TOKENS: 'tok-alpha-0123456789,tok-beta-0123456789' })),
  );
  afterAll(async () => {
    await app.close();
    await ctx.close();
  });

  async function newChat(inject: Inject): Promise<string> {
    const res = await inject({
      method: 'POST',
      url: '/api/chat',
      payload: { messages: [{ role: 'user', content: QUESTION }] },
    });
    return parseSse(res.body).at(-1)!.data.chatId as string;
  }

  it('gives a browser a signed, HttpOnly, SameSite identity cookie', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/chats' });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^re_id=[^;]+\.[^;]+;/); // value.signature
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(res.json()).toEqual({ chats: [] });
  });

  it('another identity cannot list, read, continue, overwrite or delete a chat: 404', async () => {
    const alice = await browser(app);
    const bob = await browser(app);
    const chatId = await newChat(alice);
    expect((await alice({ method: 'GET', url: '/api/chats' })).json().chats).toHaveLength(1);
    expect((await bob({ method: 'GET', url: '/api/chats' })).json().chats).toEqual([]);
    expect((await bob({ method: 'GET', url: `/api/chats/${chatId}` })).statusCode).toBe(404);
    expect((await bob({ method: 'DELETE', url: `/api/chats/${chatId}` })).statusCode).toBe(404);
    const post = await bob({
      method: 'POST',
      url: '/api/chat',
      payload: { chatId, messages: [{ role: 'user', content: 'and in 2019?' }] },
    });
    expect(post.statusCode).toBe(404);
    expect(post.json().error.code).toBe('not_found');
    // No cookie at all, or a forged one: a new identity, which owns nothing.
    expect((await app.inject({ method: 'GET', url: `/api/chats/${chatId}` })).statusCode).toBe(404);
    const forged = await app.inject({
      method: 'GET',
      url: `/api/chats/${chatId}`,
      headers: { cookie: 're_id=00000000-0000-4000-8000-000000000000.forgedsignature' },
    });
    expect(forged.statusCode).toBe(404);
    // The owner still has it, unchanged.
    expect((await alice({ method: 'GET', url: `/api/chats/${chatId}` })).json().messages).toHaveLength(2);
  });

  it('refuses to overwrite a stored history (409), regenerates the own chat', async () => {
    const alice = await browser(app);
    const chatId = await newChat(alice);
    const stored = (await alice({ method: 'GET', url: `/api/chats/${chatId}` })).json().messages as {
      role: string;
      content: string;
    }[];
    const rewrite = await alice({
      method: 'POST',
      url: '/api/chat',
      payload: {
        chatId,
        messages: [
          { role: 'user', content: 'something else entirely' },
          { role: 'assistant', content: 'an answer never given' },
          { role: 'user', content: 'next race?' },
        ],
      },
    });
    expect(rewrite.statusCode).toBe(409);
    expect(rewrite.json().error.code).toBe('conflict');
    const after = (await alice({ method: 'GET', url: `/api/chats/${chatId}` })).json().messages as unknown[];
    expect(after).toHaveLength(2);
    // A client's own copy of a stored answer never replaces it: the stored answer stays.
    const forged = await alice({
      method: 'POST',
      url: '/api/chat',
      payload: {
        chatId,
        messages: [
          { role: 'user', content: stored[0]!.content },
          { role: 'assistant', content: 'Forged: somebody else won.' },
          { role: 'user', content: 'and in 2019?' },
        ],
      },
    });
    expect(forged.statusCode).toBe(200);
    const kept = (await alice({ method: 'GET', url: `/api/chats/${chatId}` })).json().messages as {
      content: string;
    }[];
    expect(kept).toHaveLength(4);
    expect(kept[1]!.content).toBe(stored[1]!.content);
    expect(kept.map((m) => m.content).join(' ')).not.toMatch(/Forged/);
    // Regenerate (the history up to the question) is still fine.
    const regen = await alice({
      method: 'POST',
      url: '/api/chat',
      payload: { chatId, messages: [{ role: 'user', content: stored[0]!.content }] },
    });
    expect(regen.statusCode).toBe(200);
  });

  it('deletes every chat of the identity in one call, and only those', async () => {
    const alice = await browser(app);
    const bob = await browser(app);
    await newChat(alice);
    await newChat(alice);
    await newChat(bob);
    const del = await alice({ method: 'DELETE', url: '/api/chats' });
    expect(del.json()).toEqual({ deleted: 2 });
    expect((await alice({ method: 'GET', url: '/api/chats' })).json().chats).toEqual([]);
    expect((await bob({ method: 'GET', url: '/api/chats' })).json().chats).toHaveLength(1);
  });

  it('API clients own chats by bearer token (API_TOKENS); an unknown token is 401', async () => {
    const as =
      (token: string): Inject =>
      (opts) =>
        app.inject({ ...opts, headers: { ...opts.headers, authorization: `Bearer ${token}` } });
    const alpha = as('tok-alpha-0123456789');
    const beta = as('tok-beta-0123456789');
    const chatId = await newChat(alpha);
    expect((await alpha({ method: 'GET', url: `/api/chats/${chatId}` })).statusCode).toBe(200);
    expect((await beta({ method: 'GET', url: `/api/chats/${chatId}` })).statusCode).toBe(404);
    const unknown = await as('tok-nobody')({ method: 'GET', url: '/api/chats' });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe('unauthorized');
    // A token never gets a cookie.
    expect((await alpha({ method: 'GET', url: '/api/chats' })).headers['set-cookie']).toBeUndefined();
  });
});

describe('one rate-limit bucket for questions', () => {
  it('counts /api/ask and /api/chat together per client', async () => {
    const { app, ctx } = await makeApp({ CHAT_RATE_LIMIT: '2' });
    try {
      const from = { remoteAddress: '10.0.0.9' };
      const ask = await app.inject({
        method: 'POST',
        url: '/api/ask',
        payload: { question: QUESTION },
        ...from,
      });
      expect(ask.statusCode).toBe(200);
      const chat = await app.inject({
        method: 'POST',
        url: '/api/chat',
        payload: { messages: [{ role: 'user', content: QUESTION }] },
        ...from,
      });
      expect(chat.statusCode).toBe(200);
      for (const url of ['/api/ask', '/api/chat']) {
        const limited = await app.inject({
          method: 'POST',
          url,
          payload:
            url === '/api/ask' ? { question: QUESTION } : { messages: [{ role: 'user', content: QUESTION }] },
          ...from,
        });
        expect(limited.statusCode, url).toBe(429);
        expect(limited.json().error.code).toBe('rate_limited');
      }
    } finally {
      await app.close();
      await ctx.close();
    }
  });
});
