// HTTP surface of live timing: recordings list, WebSocket + SSE streams, state and control (see PROTOCOL.md).
import websocket from '@fastify/websocket';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { WebSocket } from 'ws';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../errors.ts';
import { wholeNumber } from '../http/params.ts';
import type { ChannelInfo, ClientConn } from './hub.ts';
import { sseTransport, wsTransport } from './transport.ts';
import type { LiveService } from './service.ts';

const roundParams = z.object({ year: wholeNumber(1950, 2100, 'year'), round: wholeNumber(1, 40, 'round') });
const roundQuery = z.object({
  session: z.enum(['R', 'Q', 'S', 'SQ', 'P']).optional(),
  source: z.enum(['livetiming', 'laps', 'openf1']).optional(),
});
const controlQuery = z.object({ client: z.string().uuid() });

declare module 'fastify' {
  interface FastifyRequest {
    liveChannel?: ChannelInfo;
  }
}

/** What the live routes need: the server's live service (created and closed by the server's context). */
export interface LiveRouteDeps {
  live: LiveService;
}

/** The live routes, as a Fastify plugin: `app.register(registerLiveRoutes, deps)`. */
export async function registerLiveRoutes(app: FastifyInstance, { live }: LiveRouteDeps): Promise<void> {
  await app.register(websocket, {
    options: { maxPayload: 64 * 1024, perMessageDeflate: false },
    // A client's bad frame (invalid UTF-8, a reserved opcode, over maxPayload: ws's WS_ERR_* codes) is its
    // mistake, not ours: one warn line without a stack, and the socket goes.
    errorHandler: (err, socket, req) => {
      const code = (err as { code?: string }).code;
      if (code?.startsWith('WS_ERR_'))
        req.log.warn(
          { event: 'live.ws.bad_frame', code, reason: err.message.slice(0, 200) },
          'bad WebSocket frame',
        );
      else req.log.error({ event: 'live.ws.error', err }, 'WebSocket handler failed');
      socket.terminate();
    },
  });

  app.get('/api/live/sessions', { schema: { tags: ['live'] } }, async () => ({
    sessions: await live.catalog.sessions(),
  }));
  app.get('/api/live/stats', { schema: { tags: ['live'] } }, async () => live.hub.stats());

  const resolveRound = async (req: FastifyRequest) => {
    const { year, round } = req.params as z.infer<typeof roundParams>;
    const { session, source } = req.query as z.infer<typeof roundQuery>;
    req.liveChannel = await live.resolveRound(year, round, session, source);
  };
  const resolveCurrent = async (req: FastifyRequest) => {
    req.liveChannel = await live.resolveCurrent();
  };

  const wsHandler = async (socket: WebSocket, req: FastifyRequest) => {
    const transport = wsTransport(socket);
    const client = live.hub.register(transport);
    socket.on('message', (data, isBinary) => {
      if (isBinary) return void client.handle('\u0000binary');
      void client.handle(data.toString());
    });
    socket.on('close', () => {
      client.closed = true;
      void live.hub.remove(client);
    });
    try {
      live.hub.attach(client, await live.open(req.liveChannel!));
    } catch (err) {
      req.log.error({ event: 'live.open_failed', err }, 'could not open live channel');
      client.error('unavailable', 'Could not open the session');
      client.close(1011, 'could not open session');
    }
  };

  const sseHandler = async (req: FastifyRequest, reply: import('fastify').FastifyReply) => {
    const channel = await live.open(req.liveChannel!);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const transport = sseTransport(res);
    const client = live.hub.register(transport);
    // The response closes when the client goes away (the request's own 'close' fires once its body is read).
    res.on('close', () => {
      client.closed = true;
      void live.hub.remove(client);
    });
    live.hub.attach(client, channel);
  };

  const findClient = (id: string): ClientConn => {
    const c = live.hub.clients.get(id);
    if (!c) throw notFound(`No live client "${id}"`);
    return c;
  };
  const controlHandler = async (req: FastifyRequest) => {
    const { client } = req.query as z.infer<typeof controlQuery>;
    const c = findClient(client);
    await c.submit(req.body ?? null);
    return { ok: true, replay: c.privateReplay?.status() ?? c.channel?.replay ?? null };
  };

  app.route({
    method: 'GET',
    url: '/api/live/current',
    schema: { tags: ['live'] },
    preHandler: resolveCurrent,
    handler: async (req) => ({ session: req.liveChannel!.session, websocket: true }),
    wsHandler,
  });
  app.get('/api/live/current/sse', { schema: { tags: ['live'] }, preHandler: resolveCurrent }, sseHandler);
  app.get(
    '/api/live/current/state',
    { schema: { tags: ['live'] }, preHandler: resolveCurrent },
    async (req) => {
      const ch = await live.open(req.liveChannel!);
      return { seq: ch.seq, state: ch.state };
    },
  );
  app.post(
    '/api/live/current/control',
    { schema: { tags: ['live'], querystring: controlQuery } },
    controlHandler,
  );

  app.route({
    method: 'GET',
    url: '/api/live/:year/:round',
    schema: { tags: ['live'], params: roundParams, querystring: roundQuery },
    preHandler: resolveRound,
    handler: async (req) => ({ session: req.liveChannel!.session, websocket: true }),
    wsHandler,
  });
  app.get(
    '/api/live/:year/:round/sse',
    { schema: { tags: ['live'], params: roundParams, querystring: roundQuery }, preHandler: resolveRound },
    sseHandler,
  );
  app.get(
    '/api/live/:year/:round/state',
    { schema: { tags: ['live'], params: roundParams, querystring: roundQuery }, preHandler: resolveRound },
    async (req) => {
      const ch = await live.open(req.liveChannel!);
      return { seq: ch.seq, state: ch.state };
    },
  );
  app.post(
    '/api/live/:year/:round/control',
    { schema: { tags: ['live'], params: roundParams, querystring: controlQuery } },
    controlHandler,
  );
}
