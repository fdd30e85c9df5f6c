// Who is asking, for owned chats. A browser gets an anonymous identity: a random id in a signed, HttpOnly,
// SameSite=Strict cookie (@fastify/cookie; the secret is COOKIE_SECRET, else one kept in the run-time store,
// so every node of a cluster verifies the cookie another node set), set on its first agent request. API
// clients send `Authorization: Bearer <token>` with a token listed in API_TOKENS or one made with
// `race-engineer tokens create` (kept hashed in the store); each token is one owner. A bearer token that is
// not known is refused (401), never ignored.
import cookie, { Signer } from '@fastify/cookie';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { tokenOwner } from '../store/tokens.ts';

export const IDENTITY_COOKIE = 're_id';
const ONE_YEAR_S = 365 * 24 * 3600;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface Identity {
  /** `anon:<uuid>` or `token:<hash prefix>`. */
  owner: string;
  /** A Set-Cookie header value to send when the identity is new. */
  setCookie?: string;
}

export interface IdentityDeps {
  config: Pick<Config, 'COOKIE_SECRET' | 'API_TOKENS'>;
  /** The shared secret called `name` (made once per deployment). */
  secret(name: string): Promise<string>;
  /** The owner of a token made at run time, if it is live. */
  verifyToken(token: string): Promise<string | undefined>;
}

const sameToken = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export class Identities {
  private signer: Signer | undefined;
  private loading: Promise<Signer> | undefined;

  constructor(private readonly deps: IdentityDeps) {}

  private async loadSigner(): Promise<Signer> {
    if (this.signer) return this.signer;
    this.loading ??= (async () =>
      new Signer(this.deps.config.COOKIE_SECRET ?? (await this.deps.secret('identity-cookie'))))();
    try {
      this.signer = await this.loading;
    } finally {
      this.loading = undefined;
    }
    return this.signer;
  }

  /** Cookie parsing, signing with the secret once it is loaded (loaded by `identify`, never before). */
  async register(app: FastifyInstance): Promise<void> {
    const get = () => {
      if (!this.signer) throw new Error('identity secret not loaded');
      return this.signer;
    };
    await app.register(cookie, {
      secret: { sign: (v: string) => get().sign(v), unsign: (v: string) => get().unsign(v) },
      hook: 'onRequest',
    });
  }

  /**
   * The owner of this request. With `issue`, a request without any identity gets a new anonymous one (its
   * cookie in `setCookie`); without, it has none (undefined).
   */
  async identify(
    req: FastifyRequest,
    reply: FastifyReply,
    { issue = true }: { issue?: boolean } = {},
  ): Promise<Identity | undefined> {
    const auth = req.headers.authorization;
    if (auth !== undefined) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
      if (m && this.deps.config.API_TOKENS.some((t) => sameToken(t, m[1]!)))
        return { owner: tokenOwner(m[1]!) };
      const stored = m ? await this.deps.verifyToken(m[1]!) : undefined;
      if (!stored)
        throw new AppError('unauthorized', 'Unknown API token (see API_TOKENS or "race-engineer tokens").');
      return { owner: stored };
    }
    const raw = req.cookies[IDENTITY_COOKIE];
    if (raw || issue) await this.loadSigner();
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
}
