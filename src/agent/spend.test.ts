// Spend limits against a real OpenAI-wire server (scripted-llm.ts) and the real run-time store: past the
// answers per identity or the daily token budget, the offline engine answers and says why.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../logger.ts';
import { buildApp } from '../server/app.ts';
import { createContext } from '../server/context.ts';
import { startScriptedOpenAi } from './testing/scripted-llm.ts';

const dir = mkdtempSync(join(tmpdir(), 'spend-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function appWith(limits: Record<string, string>, replies: number) {
  const llm = await startScriptedOpenAi(
    Array.from({ length: replies }, () => ({ kind: 'text' as const, pieces: ['Max ', 'Verstappen.'] })),
  );
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    LLM_PROVIDER: 'openai',
    OPENAI_BASE_URL: llm.baseURL,
    OPENAI_API_KEY: 'sk-test',
    LLM_MAX_RETRIES: '0',
    CHATS_DB_PATH: join(dir, `chats-${Math.random().toString(36).slice(2)}.db`),
    ANALYSIS_DB_PATH: join(dir, 'analysis.db'),
    ...limits,
  });
  const ctx = createContext(config, silentLogger);
  const app = await buildApp(config, silentLogger, ctx);
  const ask = async (token?: string) =>
    (
      await app.inject({
        method: 'POST',
        url: '/api/ask',
        payload: { question: 'Who won the 2021 championship?' },
        ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
      })
    ).json() as { engine: string; answer: string; limited?: string };
  return { app, llm, ask, ctx };
}

describe('spend limits', () => {
  it('answers per identity per day: the third question of one token goes to the offline engine, another token still gets the model', async () => {
    const { app, llm, ask } = await appWith(
      { LLM_DAILY_ANSWERS_PER_IDENTITY: '2', API_TOKENS: 'tok-a-123456,tok-b-123456' },
      4,
    );
    try {
      expect((await ask('tok-a-123456')).engine).toMatch(/^llm:/);
      expect((await ask('tok-a-123456')).engine).toMatch(/^llm:/);
      const third = await ask('tok-a-123456');
      expect(third.engine).toBe('offline');
      expect(third.limited).toBe("You have had today's 2 AI model answers");
      expect(third.answer).toMatch(
        /^_You have had today's 2 AI model answers; the offline engine answers instead\._/,
      );
      expect((await ask('tok-b-123456')).engine).toMatch(/^llm:/);
      expect(llm.requests).toHaveLength(3);
    } finally {
      await app.close();
      await llm.close();
    }
  });

  it('daily token budget: once the estimated tokens reach it, every identity gets the offline engine, saying why', async () => {
    const { app, llm, ask, ctx } = await appWith({ LLM_DAILY_TOKEN_BUDGET: '50' }, 3);
    try {
      const first = await ask();
      expect(first.engine).toMatch(/^llm:/);
      const used = await ctx.store.usage.get(new Date().toISOString().slice(0, 10), '*');
      expect(used.answers).toBe(1);
      expect(used.tokens).toBeGreaterThan(50); // the system prompt and tool specs alone are more
      const next = await ask();
      expect(next.engine).toBe('offline');
      expect(next.limited).toBe("Today's AI model budget of this server (50 tokens) is used up");
      expect(llm.requests).toHaveLength(1);
      const metrics = (await app.inject('/metrics')).body;
      expect(metrics).toMatch(/race_engineer_agent_answers_total\{engine="offline",outcome="limited"\} 1/);
      expect(metrics).toMatch(/race_engineer_agent_answers_total\{engine="llm",outcome="answered"\} 1/);
    } finally {
      await app.close();
      await llm.close();
    }
  });
});
