// The agent over HTTP: POST /api/ask (one JSON answer), POST /api/chat (Server-Sent Events:
// tool_start, tool_end, delta, error, done) and the stored chats, each owned by the identity that made it
// (identity.ts): another owner's chat answers 404, and a stored history cannot be rewritten through /api/chat.
// Both question routes share one rate-limit bucket per client; oversized messages are refused with 413
// before any work is done.
import rateLimit from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OutgoingHttpHeaders } from 'node:http';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App } from '../server/app.ts';
import type { AppContext } from '../server/context.ts';
import { AppError, notFound } from '../errors.ts';
import { Agent, safeMessage, type HistoryMessage } from './service.ts';
import { identify, type Identity } from './identity.ts';

const message = z.object({ role: z.enum(['user', 'assistant']), content: z.string().min(1) });

/** The agent of a context, built once (it holds the provider client). */
const agents = new WeakMap<AppContext, Agent>();
export function agentOf(ctx: AppContext): Agent {
  let agent = agents.get(ctx);
  if (!agent) {
    agent = new Agent({ config: ctx.config, logger: ctx.logger, db: () => ctx.db() });
    agents.set(ctx, agent);
  }
  return agent;
}

function checkSizes(ctx: AppContext, texts: string[]): void {
  const max = ctx.config.CHAT_MAX_MESSAGE_CHARS;
  if (texts.some((t) => t.length > max))
    throw new AppError('payload_too_large', `A message is longer than ${max} characters.`);
  if (texts.length > ctx.config.CHAT_MAX_MESSAGES) {
    throw new AppError('payload_too_large', `At most ${ctx.config.CHAT_MAX_MESSAGES} messages per request.`);
  }
}

/** The owner of a request; a new identity's cookie is set on the reply. */
function ownerOf(ctx: AppContext, req: FastifyRequest, reply: FastifyReply): Identity {
  const id = identify(req, reply, ctx.config.API_TOKENS)!;
  if (id.setCookie) void reply.header('set-cookie', id.setCookie);
  return id;
}

export async function registerAgentRoutes(app: App, ctx: AppContext): Promise<void> {
  const bodyLimit = Math.max(64 * 1024, ctx.config.CHAT_MAX_MESSAGE_CHARS * ctx.config.CHAT_MAX_MESSAGES * 4);

  await app.register(async (plain) => {
    await plain.register(rateLimit, { global: false });
    // One handler, so one bucket per client for every question, whichever route asks it.
    const questionLimit = plain.rateLimit({ max: ctx.config.CHAT_RATE_LIMIT, timeWindow: 60_000 });
    const scope = plain.withTypeProvider<ZodTypeProvider>();

    scope.post(
      '/api/ask',
      {
        bodyLimit,
        onRequest: questionLimit,
        schema: {
          tags: ['agent'],
          summary: 'Ask the race engineer one question (not streamed)',
          body: z.object({ question: z.string().trim().min(1), history: z.array(message).optional() }),
        },
      },
      async (req) => {
        const { question, history = [] } = req.body;
        checkSizes(ctx, [question, ...history.map((m) => m.content)]);
        const res = await agentOf(ctx).ask({ question, history });
        return {
          answer: res.answer,
          engine: res.engine,
          tools: res.tools,
          sources: res.sources,
          ...(res.fallback ? { fallback: true } : {}),
        };
      },
    );

    scope.post(
      '/api/chat',
      {
        bodyLimit,
        onRequest: questionLimit,
        schema: {
          tags: ['agent'],
          summary:
            'Chat with the race engineer (Server-Sent Events: tool_start, tool_end, delta, error, done)',
          body: z.object({ chatId: z.string().uuid().optional(), messages: z.array(message).min(1) }),
        },
      },
      async (req, reply) => {
        const { messages } = req.body;
        checkSizes(
          ctx,
          messages.map((m) => m.content),
        );
        const last = messages.at(-1)!;
        if (last.role !== 'user')
          throw new AppError('bad_request', "The last message must be the user's question.");
        const { owner } = ownerOf(ctx, req, reply);
        const store = ctx.chats();
        let chatId = req.body.chatId;
        if (chatId && !store.exists(chatId, owner)) throw notFound(`No chat ${chatId}`);
        // History: what the client sent before the question, else what the chat has stored.
        // For a stored chat the stored messages win over the client's copies (mergeHistory).
        const sent: HistoryMessage[] = messages.slice(0, -1);
        const history: HistoryMessage[] = !chatId
          ? sent
          : messages.length > 1
            ? store.mergeHistory(chatId, sent)
            : (store.get(chatId, owner)?.messages ?? []).map((m) => ({ role: m.role, content: m.content }));
        chatId ??= store.create(last.content, owner);

        const controller = new AbortController();
        reply.hijack();
        const raw = reply.raw;
        // A hijacked reply sends only what is written here: the headers set so far (security headers, CORS,
        // request id) go with the stream's own.
        raw.writeHead(200, {
          ...(reply.getHeaders() as OutgoingHttpHeaders),
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
          'x-request-id': String(req.id),
        });
        raw.on('close', () => {
          if (!raw.writableFinished) controller.abort();
        });
        const send = (event: string, data: unknown) => {
          if (!raw.destroyed) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
        };
        try {
          const res = await agentOf(ctx).ask({
            question: last.content,
            history,
            signal: controller.signal,
            events: {
              toolStart: (e) => send('tool_start', e),
              toolEnd: (e) => send('tool_end', e),
              delta: (text) => send('delta', { text }),
            },
          });
          store.saveTurn(chatId, history, [
            { role: 'user', content: last.content },
            {
              role: 'assistant',
              content: res.answer,
              meta: { engine: res.engine, tools: res.tools, sources: res.sources },
            },
          ]);
        } catch (err) {
          req.log.warn({ event: 'agent.chat.error', error: safeMessage(err) }, 'chat failed');
          send('error', {
            message: err instanceof AppError ? err.message : 'The race engineer could not answer.',
          });
        }
        send('done', { chatId });
        raw.end();
      },
    );
  });

  app.get(
    '/api/chats',
    { schema: { tags: ['agent'], summary: 'Your stored chats, most recent first' } },
    async (req, reply) => ({ chats: ctx.chats().list(ownerOf(ctx, req, reply).owner) }),
  );

  app.delete(
    '/api/chats',
    { schema: { tags: ['agent'], summary: 'Delete every chat of your identity' } },
    async (req, reply) => ({ deleted: ctx.chats().deleteAll(ownerOf(ctx, req, reply).owner) }),
  );

  app.get(
    '/api/chats/:id',
    {
      schema: {
        tags: ['agent'],
        summary: 'One of your stored chats with its messages',
        params: z.object({ id: z.string().uuid() }),
      },
    },
    async (req, reply) => {
      const chat = ctx.chats().get(req.params.id, ownerOf(ctx, req, reply).owner);
      if (!chat) throw notFound(`No chat ${req.params.id}`);
      return chat;
    },
  );

  app.delete(
    '/api/chats/:id',
    {
      schema: {
        tags: ['agent'],
        summary: 'Delete one of your stored chats',
        params: z.object({ id: z.string().uuid() }),
      },
    },
    async (req, reply) => {
      if (!ctx.chats().delete(req.params.id, ownerOf(ctx, req, reply).owner))
        throw notFound(`No chat ${req.params.id}`);
      return reply.status(204).send();
    },
  );
}
