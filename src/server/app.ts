// Builds the HTTP application: fastify with request ids, CORS, OpenAPI docs at /docs,
// one error handler mapping AppError codes to statuses, and the routes of every domain.
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
import { randomUUID } from 'node:crypto';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  hasZodFastifySchemaValidationErrors,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { AppError, isAppError } from '../errors.ts';
import type { AppContext } from './context.ts';
import { registerRoutes } from './routes/index.ts';

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
    genReqId: (req) => (req.headers['x-request-id'] as string | undefined) ?? randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('onResponse', async (req, reply) => {
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
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.setErrorHandler((err, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0];
      const where = first?.instancePath ? first.instancePath.replace(/^\//, '').replace(/\//g, '.') : '';
      const message = `Invalid ${err.validationContext ?? 'request'}${where ? ` "${where}"` : ''}: ${first?.message ?? 'bad value'}`;
      return reply.status(400).send(new AppError('bad_request', message).toJSON());
    }
    if (isAppError(err)) {
      // 503 is an expected state (rulebook being indexed, provider down): one warn line, no stack.
      if (err.status === 503) req.log.warn({ event: 'http.unavailable', code: err.code }, err.message);
      else if (err.status >= 500) req.log.error({ event: 'http.error', err }, err.message);
      return reply.status(err.status).send(err.toJSON());
    }
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      const code =
        status === 404
          ? 'not_found'
          : status === 413
            ? 'payload_too_large'
            : status === 429
              ? 'rate_limited'
              : 'bad_request';
      return reply.status(status).send({ error: { code, message: (err as Error).message } });
    }
    req.log.error({ event: 'http.error', err }, 'unhandled error');
    return reply.status(500).send(new AppError('internal', 'Internal server error').toJSON());
  });
  app.setNotFoundHandler((req, reply) => {
    reply
      .status(404)
      .send(new AppError('not_found', `No route ${req.method} ${req.url.split('?')[0]}`).toJSON());
  });

  await registerRoutes(app, ctx);
  return app;
}
