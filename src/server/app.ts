// Builds the HTTP application: fastify with request ids, the Host allow-list, security headers, CORS,
// OpenAPI docs at /docs, one error shape for every error (src/server/http-errors.ts), and the routes of
// every domain.
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { AppError } from '../errors.ts';
import type { AppContext } from './context.ts';
import { pinRequests } from '../data/handle.ts';
import { registerRoutes } from './routes/index.ts';
import { handleClientError, handleError, handleFrameworkError } from './http-errors.ts';
import { registerHostCheck } from './hosts.ts';
import { requestId } from './request-id.ts';
import { registerSecurityHeaders } from './security-headers.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export async function buildApp(config: Config, logger: Logger, ctx: AppContext): Promise<App> {
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // Our own `http.request` line replaces fastify's per-request lines; request ids logged as `requestId`.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId: requestId,
    frameworkErrors: handleFrameworkError,
    clientErrorHandler: handleClientError,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  // Each request reads one F1 database version from start to end, across a swap (src/data/handle.ts).
  pinRequests(app, ctx.data);
  // Shutting down: each connection closes after its answer, so no keep-alive socket holds the close up
  // (and a load balancer stops reusing connections to this node).
  app.addHook('onSend', async (_req, reply, payload) => {
    if (ctx.draining) reply.header('connection', 'close');
    return payload;
  });
  app.addHook('onResponse', async (req, reply) => {
    ctx.metrics.observeHttp(
      req.method,
      req.routeOptions.url ?? (reply.statusCode === 404 ? 'unmatched' : 'other'),
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
    req.log.info(
      {
        event: 'http.request',
        method: req.method,
        url: req.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 100) / 100,
      },
      'request',
    );
  });

  await registerSecurityHeaders(app);
  registerHostCheck(app, config);
  await app.register(cors, {
    origin: config.ALLOWED_ORIGINS.length === 0 ? false : config.ALLOWED_ORIGINS,
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Race Engineer API',
        version: '0.1.0',
        description: 'Formula 1 data, rulebook, agent and live timing',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

  app.setErrorHandler(handleError);
  app.setNotFoundHandler((req, reply) => {
    reply
      .status(404)
      .send(new AppError('not_found', `No route ${req.method} ${req.url.split('?')[0]}`).toJSON());
  });

  // The context's services close with the app (live clients, threads, the store, the F1 database).
  app.addHook('onClose', async () => ctx.close());
  await ctx.identities.register(app);
  await registerRoutes(app, ctx);
  return app;
}
