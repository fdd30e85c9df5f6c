// Conversation state of the offline agent: a follow-up inherits from the history only when it is
// elliptical, and a name it gives replaces the previous question's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../logger.ts';
import { openDatabase, type Db } from '../data/db.ts';
import { Agent, isElliptical } from './service.ts';

let db: Db;
let agent: Agent;
beforeAll(() => {
  const config = loadConfig({ ...process.env, LLM_PROVIDER: 'offline' });
  db = openDatabase(config.DATABASE_PATH);
  agent = new Agent(
    { config, logger: silentLogger, db: () => db, now: () => new Date('2026-12-03T12:00:00Z') },
    null,
  );
});
afterAll(() => db.close());

const after = async (previous: string, question: string) =>
  (
    await agent.ask({
      question,
      history: [
        { role: 'user', content: previous },
        { role: 'assistant', content: '…' },
      ],
    })
  ).answer;

describe('offline conversation state', () => {
  it('reads elliptical follow-ups with the previous question, the new name replacing the old', async () => {
    expect(await after('how many wins did Verstappen have in 2021?', 'and Hamilton?')).toContain(
      'Lewis Hamilton: 8 Grand Prix wins in 2021',
    );
    expect(await after('Who won the 2021 Abu Dhabi GP?', 'and in 2019?')).toContain(
      'Lewis Hamilton won the 2019 Abu Dhabi Grand Prix',
    );
    expect(await after('who won the 2019 german gp', 'who was second?')).toContain(
      'Sebastian Vettel finished P2',
    );
  });

  it('never applies the history to a complete question', async () => {
    expect(await after('tell me about Lando Norris', "what's the undercut?")).toMatch(/^The undercut/);
    expect(await after('tell me about Lando Norris', 'who wn the brazlian gp in 2024')).toContain(
      'Max Verstappen won the 2024 São Paulo Grand Prix',
    );
  });

  it('knows an elliptical question when it sees one', () => {
    for (const q of ['and Verstappen?', 'what about 2019?', 'who was second?', 'and in the sprint?'])
      expect(isElliptical(q), q).toBe(true);
    for (const q of ['who won the 2020 British GP?', 'what is the undercut?'])
      expect(isElliptical(q), q).toBe(false);
  });
});
