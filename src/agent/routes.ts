// The agent over HTTP: POST /api/ask (one JSON answer), POST /api/chat (Server-Sent Events:
// tool_start, tool_end, delta, error, done) and the stored chats, each owned by the identity that made it
// (identity.ts): another owner's chat answers 404, and a stored history cannot be rewritten through /api/chat.
// Both question routes share one rate-limit bucket per client; oversized messages are refused with 413
// before any work is done.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OutgoingHttpHeaders } from 'node:http';
import { z } from 'zod';
import { timeZoneSchema } from '../time-zone.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import { AppError, notFound } from '../errors.ts';
import { safeMessage, type Agent, type HistoryMessage } from './service.ts';
import type { Identities, Identity } from './identity.ts';
import type { ChatStore } from './chats.ts';

const message = z.object({ role: z.enum(['user', 'assistant']), content: z.string().min(1) });

/** What the agent's routes need; the server's context owns each of them. */
export interface AgentRouteDeps {
  config: Config;
  agent: Agent;
  chats: ChatStore;
  identities: Identities;
}

function checkSizes(ctx: AgentRouteDeps, texts: string[]): void {
  const max = ctx.config.CHAT_MAX_MESSAGE_CHARS;
  if (texts.some((t) => t.length > max))
    throw new AppError('payload_too_large', `A message is longer than ${max} characters.`);
  if (texts.length > ctx.config.CHAT_MAX_MESSAGES) {
    throw new AppError('payload_too_large', `At most ${ctx.config.CHAT_MAX_MESSAGES} messages per request.`);
  }
}

/** The owner of a request; a new identity's cookie is set on the reply. */
async function ownerOf(ctx: AgentRouteDeps, req: FastifyRequest, reply: FastifyReply): Promise<Identity> {
  const id = (await ctx.identities.identify(req, reply))!;
  if (id.setCookie) void reply.header('set-cookie', id.setCookie);
  return id;
}

/** The agent's routes, as a Fastify plugin: `app.register(registerAgentRoutes, deps)`. */
export async function registerAgentRoutes(root: FastifyInstance, ctx: AgentRouteDeps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
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
          body: z.object({
            question: z.string().trim().min(1),
            history: z.array(message).optional(),
            timeZone: timeZoneSchema
              .optional()
              .describe('Your IANA time zone: race times are also given in it'),
          }),
        },
      },
      async (req, reply) => {
        const { question, history = [], timeZone } = req.body;
        checkSizes(ctx, [question, ...history.map((m) => m.content)]);
        // The spend limit's identity: the caller's token or cookie when it has one, else its address.
        const who = (await ctx.identities.identify(req, reply, { issue: false }))?.owner ?? `ip:${req.ip}`;
        const res = await ctx.agent.ask({
          question,
          history,
          identity: who,
          ...(timeZone ? { timeZone } : {}),
        });
        return {
          answer: res.answer,
          engine: res.engine,
          tools: res.tools,
          sources: res.sources,
          ...(res.fallback ? { fallback: true } : {}),
          ...(res.limited ? { limited: res.limited } : {}),
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
          body: z.object({
            chatId: z.string().uuid().optional(),
            messages: z.array(message).min(1),
            timeZone: timeZoneSchema
              .optional()
              .describe('Your IANA time zone: race times are also given in it'),
          }),
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
        const { owner } = await ownerOf(ctx, req, reply);
        const store = ctx.chats;
        let chatId = req.body.chatId;
        if (chatId && !(await store.exists(chatId, owner))) throw notFound(`No chat ${chatId}`);
        // History: what the client sent before the question, else what the chat has stored.
        // For a stored chat the stored messages win over the client's copies (mergeHistory).
        const sent: HistoryMessage[] = messages.slice(0, -1);
        const history: HistoryMessage[] = !chatId
          ? sent
          : messages.length > 1
            ? await store.mergeHistory(chatId, sent)
            : ((await store.get(chatId, owner))?.messages ?? []).map((m) => ({
                role: m.role,
                content: m.content,
              }));
        chatId ??= await store.create(last.content, owner);

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
          const res = await ctx.agent.ask({
            question: last.content,
            history,
            identity: owner,
            signal: controller.signal,
            ...(req.body.timeZone ? { timeZone: req.body.timeZone } : {}),
            events: {
              toolStart: (e) => send('tool_start', e),
              toolEnd: (e) => send('tool_end', e),
              delta: (text) => send('delta', { text }),
            },
          });
          await store.saveTurn(chatId, history, [
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
    async (req, reply) => ({ chats: await ctx.chats.list((await ownerOf(ctx, req, reply)).owner) }),
  );

  app.delete(
    '/api/chats',
    { schema: { tags: ['agent'], summary: 'Delete every chat of your identity' } },
    async (req, reply) => ({ deleted: await ctx.chats.deleteAll((await ownerOf(ctx, req, reply)).owner) }),
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
      const chat = await ctx.chats.get(req.params.id, (await ownerOf(ctx, req, reply)).owner);
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
      if (!(await ctx.chats.delete(req.params.id, (await ownerOf(ctx, req, reply)).owner)))
        throw notFound(`No chat ${req.params.id}`);
      return reply.status(204).send();
    },
  );
}
