// One conformance suite for the provider interface, run against every provider through its official SDK
// and a local server speaking that provider's real wire format.
import { afterEach, describe, expect, it } from 'vitest';
import { AnthropicProvider } from './anthropic.ts';
import { OpenAiProvider } from './openai.ts';
import type { ChatMessage, LlmProvider, ToolSpec } from './types.ts';
import {
  startScriptedLlm,
  type Dialect,
  type ScriptStep,
  type ScriptedServer,
} from '../testing/scripted-llm.ts';

const backends: {
  name: string;
  dialect: Dialect;
  make: (baseURL: string, opts: { timeoutMs: number; maxRetries: number }) => LlmProvider;
}[] = [
  {
    name: 'openai',
    dialect: 'openai',
    make: (baseURL, o) => new OpenAiProvider({ baseURL, apiKey: 'sk-test', model: 'm-openai', ...o }),
  },
  {
    name: 'anthropic',
    dialect: 'anthropic',
    make: (baseURL, o) =>
      new AnthropicProvider({ baseURL, apiKey: 'sk-ant-test', model: 'm-anthropic', ...o }),
  },
];

const TOOLS: ToolSpec[] = [
  {
    name: 'get_race_results',
    description: 'Race classification',
    parameters: { type: 'object', properties: { year: { type: 'integer' }, grand_prix: { type: 'string' } } },
  },
];
const USER: ChatMessage[] = [
  { role: 'system', content: 'You are a race engineer.' },
  { role: 'user', content: 'Who won Abu Dhabi 2021?' },
];

describe.each(backends)('LLM provider conformance: $name', ({ dialect, make }) => {
  let server: ScriptedServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const start = async (script: ScriptStep[], opts = { timeoutMs: 5_000, maxRetries: 0 }) => {
    server = await startScriptedLlm(script, dialect);
    return { provider: make(server.baseURL, opts), server };
  };

  it('streams text deltas and returns the full text', async () => {
    const { provider } = await start([{ kind: 'text', pieces: ['Box ', 'this ', 'lap.'] }]);
    const deltas: string[] = [];
    const res = await provider.complete({ messages: USER, tools: TOOLS, onDelta: (t) => deltas.push(t) });
    expect(res).toEqual({ content: 'Box this lap.', toolCalls: [] });
    expect(deltas.join('')).toBe('Box this lap.');
  });

  it('assembles parallel tool calls from fragmented argument JSON', async () => {
    const { provider, server } = await start([
      {
        kind: 'tools',
        calls: [
          { name: 'get_race_results', arguments: '{"year":2021,"grand_prix":"Abu Dhabi"}', id: 'c1' },
          { name: 'get_race_results', arguments: '{"year":2020,"grand_prix":"Sakhir"}', id: 'c2' },
        ],
      },
    ]);
    const res = await provider.complete({ messages: USER, tools: TOOLS });
    expect(res.toolCalls.map((c) => ({ ...c, arguments: JSON.parse(c.arguments) as unknown }))).toEqual([
      { id: 'c1', name: 'get_race_results', arguments: { year: 2021, grand_prix: 'Abu Dhabi' } },
      { id: 'c2', name: 'get_race_results', arguments: { year: 2020, grand_prix: 'Sakhir' } },
    ]);
    const sent = JSON.stringify(server.requests[0]);
    expect(sent).toContain('get_race_results');
    expect(sent).toContain('You are a race engineer.');
  });

  it('sends tool results back in the provider format', async () => {
    const { provider, server } = await start([{ kind: 'text', pieces: ['Verstappen.'] }]);
    await provider.complete({
      messages: [
        ...USER,
        {
          role: 'assistant',
          content: '',
          toolCalls: [{ id: 'c1', name: 'get_race_results', arguments: '{"year":2021}' }],
        },
        {
          role: 'tool',
          toolCallId: 'c1',
          name: 'get_race_results',
          content: '<tool_output>P1 Max Verstappen</tool_output>',
        },
      ],
      tools: TOOLS,
    });
    const body = server.requests[0] as { messages: Record<string, unknown>[] };
    if (dialect === 'openai') {
      expect(body.messages.at(-1)).toEqual({
        role: 'tool',
        tool_call_id: 'c1',
        content: '<tool_output>P1 Max Verstappen</tool_output>',
      });
    } else {
      expect(body.messages.at(-1)).toEqual({
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'c1', content: '<tool_output>P1 Max Verstappen</tool_output>' },
        ],
      });
      expect(body.messages.at(-2)).toMatchObject({
        role: 'assistant',
        content: [{ type: 'tool_use', id: 'c1', name: 'get_race_results', input: { year: 2021 } }],
      });
    }
  });

  it('retries 429 and 5xx with backoff', async () => {
    const { provider, server } = await start(
      [
        { kind: 'error', status: 429, message: 'slow down', headers: { 'retry-after-ms': '10' } },
        { kind: 'error', status: 529, message: 'overloaded', headers: { 'retry-after-ms': '10' } },
        { kind: 'text', pieces: ['ok'] },
      ],
      { timeoutMs: 5_000, maxRetries: 2 },
    );
    expect((await provider.complete({ messages: USER, tools: [] })).content).toBe('ok');
    expect(server.requests).toHaveLength(3);
  });

  it('fails after the retries, and on the request timeout', async () => {
    const failing = await start([{ kind: 'error', status: 500, message: 'boom' }]);
    await expect(failing.provider.complete({ messages: USER, tools: [] })).rejects.toThrow();
    await failing.server.close();
    const slow = await start([{ kind: 'hang', ms: 3_000 }], { timeoutMs: 200, maxRetries: 0 });
    await expect(slow.provider.complete({ messages: USER, tools: [] })).rejects.toThrow(/timed? ?out/i);
  });
});
