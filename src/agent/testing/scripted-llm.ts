// Local LLM servers for tests: they play scripted replies in the real wire formats — OpenAI-compatible
// chat completions (`chat.completion.chunk` SSE events ending in `data: [DONE]`) and Anthropic Messages
// (`message_start` … `message_stop` events) — with JSON errors and their status codes, and record every
// request body, so tests drive the real SDKs and the real loop.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ScriptStep =
  | { kind: 'text'; pieces: string[] }
  | { kind: 'tools'; calls: { name: string; arguments: string; id?: string }[]; text?: string }
  | { kind: 'error'; status: number; message?: string; headers?: Record<string, string> }
  | { kind: 'hang'; ms: number };

export interface ScriptedServer {
  baseURL: string;
  requests: Record<string, unknown>[];
  close(): Promise<void>;
}

function chunk(
  id: string,
  model: string,
  delta: Record<string, unknown>,
  finish: string | null = null,
): string {
  const body = {
    id,
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  };
  return `data: ${JSON.stringify(body)}\n\n`;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const parts: Buffer[] = [];
  for await (const p of req) parts.push(p as Buffer);
  return JSON.parse(Buffer.concat(parts).toString('utf8') || '{}') as Record<string, unknown>;
}

function anthropicEvent(type: string, body: Record<string, unknown>): string {
  return `event: ${type}\ndata: ${JSON.stringify({ type, ...body })}\n\n`;
}

/** One scripted reply as an Anthropic Messages stream. */
function anthropicStream(
  s: Extract<ScriptStep, { kind: 'text' | 'tools' }>,
  model: string,
  step: number,
): string {
  const out = [
    anthropicEvent('message_start', {
      message: {
        id: `msg_${step}`,
        type: 'message',
        role: 'assistant',
        model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 10, output_tokens: 1 },
      },
    }),
  ];
  let index = 0;
  const text = s.kind === 'text' ? s.pieces : s.text ? [s.text] : [];
  if (text.length) {
    out.push(anthropicEvent('content_block_start', { index, content_block: { type: 'text', text: '' } }));
    for (const t of text)
      out.push(anthropicEvent('content_block_delta', { index, delta: { type: 'text_delta', text: t } }));
    out.push(anthropicEvent('content_block_stop', { index }));
    index++;
  }
  if (s.kind === 'tools') {
    s.calls.forEach((c, i) => {
      const id = c.id ?? `toolu_${step}_${i}`;
      out.push(
        anthropicEvent('content_block_start', {
          index,
          content_block: { type: 'tool_use', id, name: c.name, input: {} },
        }),
      );
      const mid = Math.ceil(c.arguments.length / 2);
      for (const piece of [c.arguments.slice(0, mid), c.arguments.slice(mid)]) {
        if (piece)
          out.push(
            anthropicEvent('content_block_delta', {
              index,
              delta: { type: 'input_json_delta', partial_json: piece },
            }),
          );
      }
      out.push(anthropicEvent('content_block_stop', { index }));
      index++;
    });
  }
  out.push(
    anthropicEvent('message_delta', {
      delta: { stop_reason: s.kind === 'tools' ? 'tool_use' : 'end_turn', stop_sequence: null },
      usage: { output_tokens: 20 },
    }),
    anthropicEvent('message_stop', {}),
  );
  return out.join('');
}

export type Dialect = 'openai' | 'anthropic';

/** Serves `script` in order, one step per request; after the script ends, every request gets a 500. */
export async function startScriptedOpenAi(script: ScriptStep[]): Promise<ScriptedServer> {
  return startScriptedLlm(script, 'openai');
}

export async function startScriptedLlm(script: ScriptStep[], dialect: Dialect): Promise<ScriptedServer> {
  const requests: Record<string, unknown>[] = [];
  let step = 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = dialect === 'openai' ? '/chat/completions' : '/v1/messages';
      if (req.method !== 'POST' || !req.url?.split('?')[0]!.endsWith(path)) {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      const body = await readBody(req);
      requests.push(body);
      const s = script[step++] ?? { kind: 'error', status: 500, message: 'script exhausted' };
      const model = String(body.model ?? 'scripted');
      const id = `chatcmpl-${step}`;
      if (s.kind === 'error') {
        res.writeHead(s.status, { 'content-type': 'application/json', ...(s.headers ?? {}) });
        const message = s.message ?? `HTTP ${s.status}`;
        res.end(
          JSON.stringify(
            dialect === 'openai'
              ? { error: { message, type: 'server_error', code: null } }
              : {
                  type: 'error',
                  error: { type: s.status === 429 ? 'rate_limit_error' : 'api_error', message },
                },
          ),
        );
        return;
      }
      if (s.kind === 'hang') {
        const t = setTimeout(() => res.end(), s.ms);
        res.on('close', () => clearTimeout(t));
        return;
      }
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
      if (dialect === 'anthropic') {
        res.end(anthropicStream(s, model, step));
        return;
      }
      res.write(chunk(id, model, { role: 'assistant', content: '' }));
      if (s.kind === 'text') {
        for (const p of s.pieces) res.write(chunk(id, model, { content: p }));
        res.write(chunk(id, model, {}, 'stop'));
      } else {
        if (s.text) res.write(chunk(id, model, { content: s.text }));
        s.calls.forEach((c, index) => {
          res.write(
            chunk(id, model, {
              tool_calls: [
                {
                  index,
                  id: c.id ?? `call_${step}_${index}`,
                  type: 'function',
                  function: { name: c.name, arguments: '' },
                },
              ],
            }),
          );
          // Arguments stream in fragments, as real servers send them.
          const mid = Math.ceil(c.arguments.length / 2);
          for (const piece of [c.arguments.slice(0, mid), c.arguments.slice(mid)]) {
            if (piece)
              res.write(chunk(id, model, { tool_calls: [{ index, function: { arguments: piece } }] }));
          }
        });
        res.write(chunk(id, model, {}, 'tool_calls'));
      }
      res.end('data: [DONE]\n\n');
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    // The OpenAI SDK appends /chat/completions to its base URL; the Anthropic SDK appends /v1/messages.
    baseURL: dialect === 'openai' ? `http://127.0.0.1:${port}/v1` : `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
