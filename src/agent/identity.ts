// Who is asking, for owned chats. A browser gets an anonymous identity: a random id in a signed, HttpOnly,
// SameSite=Strict cookie (@fastify/cookie; the secret is COOKIE_SECRET, else one kept in the chats file), set
// on its first agent request. API clients send `Authorization: Bearer <token>` with a token listed in
// API_TOKENS; each token is one owner. A bearer token that is not listed is refused (401), never ignored.
import cookie, { Signer } from '@fastify/cookie';
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../server/context.ts';
import { AppError } from '../errors.ts';

export const IDENTITY_COOKIE = 're_id';
const ONE_YEAR_S = 365 * 24 * 3600;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface Identity {
  /** `anon:<uuid>` or `token:<hash prefix>`. */
  owner: string;
  /** A Set-Cookie header value to send when the identity is new. */
  setCookie?: string;
}

/** Registers cookie parsing with a signer whose secret is read on first use (no chats file opened before). */
export async function registerIdentity(app: FastifyInstance, ctx: AppContext): Promise<void> {
  let signer: Signer | undefined;
  const get = () =>
    (signer ??= new Signer(ctx.config.COOKIE_SECRET ?? ctx.chats().secret('identity-cookie')));
  await app.register(cookie, {
    secret: { sign: (v: string) => get().sign(v), unsign: (v: string) => get().unsign(v) },
    hook: 'onRequest',
  });
}

const sameToken = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * The owner of this request. With `issue`, a request without any identity gets a new anonymous one (its
 * cookie in `setCookie`); without, it has none (undefined).
 */
export function identify(
  req: FastifyRequest,
  reply: FastifyReply,
  tokens: string[],
  { issue = true }: { issue?: boolean } = {},
): Identity | undefined {
  const auth = req.headers.authorization;
  if (auth !== undefined) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (!m || !tokens.some((t) => sameToken(t, m[1]!)))
      throw new AppError('unauthorized', 'Unknown API token (see API_TOKENS).');
    return { owner: `token:${createHash('sha256').update(m[1]!).digest('hex').slice(0, 16)}` };
  }
  const raw = req.cookies[IDENTITY_COOKIE];
  if (raw) {
    const { valid, value } = req.unsignCookie(raw);
    if (valid && value && UUID.test(value)) return { owner: `anon:${value}` };
  }
  if (!issue) return undefined;
  const id = randomUUID();
  const setCookie = req.server.serializeCookie(IDENTITY_COOKIE, reply.signCookie(id), {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.protocol === 'https',
    path: '/',
    maxAge: ONE_YEAR_S,
  });
  return { owner: `anon:${id}`, setCookie };
}
