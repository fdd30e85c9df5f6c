// A local OpenAI-compatible chat completions server for tests: it plays scripted replies in the real
// wire format (JSON errors with their status codes, streamed `chat.completion.chunk` SSE events ending in
// `data: [DONE]`) and records every request body, so tests drive the real SDK and the real loop.
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

/** Serves `script` in order, one step per request; after the script ends, every request gets a 500. */
export async function startScriptedOpenAi(script: ScriptStep[]): Promise<ScriptedServer> {
  const requests: Record<string, unknown>[] = [];
  let step = 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
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
        res.end(
          JSON.stringify({
            error: { message: s.message ?? `HTTP ${s.status}`, type: 'server_error', code: null },
          }),
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
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
