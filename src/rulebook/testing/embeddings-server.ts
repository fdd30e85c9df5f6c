// A local server speaking the OpenAI `/v1/embeddings` wire format, for tests of the provider embedder:
// vectors are a hashed bag of words (so texts sharing words are similar), replies deliberately out of order.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export function hashedBagOfWords(text: string, dims: number): number[] {
  const v = new Array<number>(dims).fill(0);
  for (const w of text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)) {
    let h = 2166136261;
    for (const ch of w) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
    v[(h >>> 0) % dims]! += 1;
  }
  return v;
}

export interface EmbeddingsServer {
  baseURL: string;
  close(): Promise<void>;
}

export async function startEmbeddingsServer(dims = 64): Promise<EmbeddingsServer> {
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/embeddings') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
        return;
      }
      const { model, input } = JSON.parse(body) as { model: string; input: string[] };
      const data = input.map((t, index) => ({
        object: 'embedding',
        index,
        embedding: hashedBagOfWords(t, dims),
      }));
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          object: 'list',
          data: data.reverse(),
          model,
          usage: { prompt_tokens: 1, total_tokens: 1 },
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
