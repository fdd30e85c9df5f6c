// One error shape for everything the server answers, `{ error: { code, message } }`: our AppErrors, request
// validation, fastify's and its plugins' own errors (bad percent-encoding, unsupported media type, rate
// limits), and the errors node's HTTP parser answers before fastify sees a request (431, bad requests).
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, codeOfStatus, isAppError } from '../errors.ts';

export function errorBody(status: number, message: string): { error: { code: string; message: string } } {
  return { error: { code: codeOfStatus(status), message } };
}

/** The route error handler: AppError → its status; validation → 400; framework 4xx → their status. */
export function handleError(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
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
  if (status && status >= 400 && status < 500)
    return reply.status(status).send(errorBody(status, err.message));
  req.log.error({ event: 'http.error', err }, 'unhandled error');
  return reply.status(500).send(new AppError('internal', 'Internal server error').toJSON());
}

/** fastify's `frameworkErrors`: a URL it cannot decode (`/api/races/%zz/1`), a parameter over its length. */
export function handleFrameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
  const message =
    err.code === 'FST_ERR_BAD_URL' ? 'The URL is not valid (bad percent-encoding).' : err.message;
  req.log.info({ event: 'http.bad_url', code: err.code }, message);
  // No hook has run for such a request: the headers every answer carries are set here.
  void reply
    .header('x-request-id', req.id)
    .header('x-content-type-options', 'nosniff')
    .status(status)
    .send(errorBody(status, message));
}

/** node's `clientError`: the request could not be parsed (headers or URL too large, bad syntax, timeout). */
export function handleClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const status =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? 431
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 408
        : err.code === 'HPE_URI_TOO_LONG'
          ? 414
          : 400;
  const message =
    status === 431
      ? 'The request headers (URL included) are too large.'
      : status === 408
        ? 'The request took too long to arrive.'
        : 'The request could not be parsed.';
  const body = JSON.stringify(errorBody(status, message));
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `X-Content-Type-Options: nosniff\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  socket.destroy(err);
}
