// Request ids: a caller's X-Request-Id is kept (and echoed) only when it is short and made of safe
// characters; anything else gets a fresh UUID, so a header can neither bloat responses and logs nor
// inject text into them.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}
