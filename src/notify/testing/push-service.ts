// A local push service speaking the Web Push protocol (RFC 8030 delivery, RFC 8292 VAPID, RFC 8291 message
// encryption), for tests: it receives each POST, verifies the VAPID JWT's ES256 signature against the key in
// the Authorization header (and the audience, expiry and subject claims), and decrypts the aes128gcm body
// with the browser's private key, as the browser would. Per endpoint a test can script the answers (410,
// 503, a dropped connection) to exercise pruning and retries.
import { createECDH, createDecipheriv, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserSubscription } from '../types.ts';

const b64u = (b: Buffer) => b.toString('base64url');
const unb64u = (s: string) => Buffer.from(s, 'base64url');

/** A browser's side of a subscription: the P-256 key pair and auth secret it keeps. */
export interface BrowserKeys {
  privateKey: Buffer;
  publicKey: Buffer;
  auth: Buffer;
}

export function newBrowserKeys(): BrowserKeys {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { privateKey: ecdh.getPrivateKey(), publicKey: ecdh.getPublicKey(), auth: randomBytes(16) };
}

/** RFC 8291 / RFC 8188 aes128gcm decryption of one push message body. */
export function decryptAes128gcm(body: Buffer, keys: BrowserKeys): Buffer {
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20]!;
  const asPublic = body.subarray(21, 21 + idlen);
  const records = body.subarray(21 + idlen);
  if (idlen !== 65) throw new Error(`keyid is not an uncompressed P-256 key (${idlen} bytes)`);
  if (records.length > rs) throw new Error('more than one record (the sender pads one record only)');
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(keys.privateKey);
  const ecdhSecret = ecdh.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), keys.publicKey, asPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, keys.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(records.subarray(records.length - 16));
  const padded = Buffer.concat([decipher.update(records.subarray(0, records.length - 16)), decipher.final()]);
  // Last record: the content, then the delimiter 0x02, then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('bad padding delimiter (not the last record)');
  return padded.subarray(0, end);
}

export interface VapidClaims {
  aud: string;
  exp: number;
  sub: string;
}

/** Verifies `Authorization: vapid t=<jwt>, k=<key>` (RFC 8292): ES256 over the JWT with the key given. */
export function verifyVapid(
  header: string | undefined,
  expectedAudience: string,
): { claims: VapidClaims; key: string } {
  const m = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!m) throw new Error(`no vapid Authorization header: ${header}`);
  const [, jwt, key] = m as unknown as [string, string, string];
  const [h, p, s] = jwt.split('.');
  if (!h || !p || !s) throw new Error('malformed JWT');
  const head = JSON.parse(unb64u(h).toString()) as { alg: string; typ: string };
  if (head.alg !== 'ES256') throw new Error(`JWT alg ${head.alg}`);
  const point = unb64u(key);
  if (point.length !== 65 || point[0] !== 4) throw new Error('k is not an uncompressed P-256 point');
  const publicKey = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64u(point.subarray(1, 33)), y: b64u(point.subarray(33)) },
    format: 'jwk',
  });
  const ok = verify(
    'sha256',
    Buffer.from(`${h}.${p}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    unb64u(s),
  );
  if (!ok) throw new Error('VAPID JWT signature does not verify');
  const claims = JSON.parse(unb64u(p).toString()) as VapidClaims;
  const now = Date.now() / 1000;
  if (claims.aud !== expectedAudience) throw new Error(`aud ${claims.aud} is not ${expectedAudience}`);
  if (!(claims.exp > now && claims.exp <= now + 24 * 3600 + 60))
    throw new Error(`exp ${claims.exp} out of range`);
  if (!/^(mailto:|https:)/.test(claims.sub)) throw new Error(`sub ${claims.sub} is not mailto: or https:`);
  return { claims, key };
}

export interface Received {
  endpointId: string;
  ttl: number;
  urgency: string | undefined;
  topic: string | undefined;
  vapidKey: string;
  claims: VapidClaims;
  /** The decrypted payload, parsed as JSON. */
  payload: Record<string, unknown>;
  at: number;
}

/** A scripted answer: an HTTP status, or `drop` (the connection is destroyed: the service is down). */
export type Answer = number | 'drop';

export interface LocalPushService {
  url: string;
  received: Received[];
  /** Requests that failed verification or decryption (a test asserts this stays empty). */
  rejected: string[];
  /** Every request, accepted or not, with the answer given. */
  requests: { endpointId: string; answer: Answer }[];
  /** A new browser subscription on this service (what PushManager.subscribe() hands the page). */
  subscribe(): { subscription: BrowserSubscription; keys: BrowserKeys; endpointId: string };
  /** Answers the next requests to `endpointId` with these, in order (then 201 again). */
  script(endpointId: string, answers: Answer[]): void;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

export async function startPushService(): Promise<LocalPushService> {
  const keys = new Map<string, BrowserKeys>();
  const scripts = new Map<string, Answer[]>();
  let seq = 0;
  let origin = '';
  const svc: LocalPushService = {
    url: '',
    received: [],
    rejected: [],
    requests: [],
    subscribe() {
      const endpointId = `sub${++seq}-${randomBytes(6).toString('hex')}`;
      const k = newBrowserKeys();
      keys.set(endpointId, k);
      return {
        endpointId,
        keys: k,
        subscription: {
          endpoint: `${origin}/push/${endpointId}`,
          expirationTime: null,
          keys: { p256dh: b64u(k.publicKey), auth: b64u(k.auth) },
        },
      };
    },
    script(endpointId, answers) {
      scripts.set(endpointId, [...(scripts.get(endpointId) ?? []), ...answers]);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer(async (req, res) => {
    const endpointId = /^\/push\/([\w-]+)$/.exec(req.url ?? '')?.[1] ?? '';
    const body = await readBody(req);
    const answer = scripts.get(endpointId)?.shift() ?? 201;
    svc.requests.push({ endpointId, answer });
    if (answer === 'drop') return void req.socket.destroy();
    const k = keys.get(endpointId);
    if (!k || req.method !== 'POST') {
      res.writeHead(404).end();
      return;
    }
    if (answer !== 201) {
      res.writeHead(answer, answer === 429 ? { 'retry-after': '1' } : {}).end();
      return;
    }
    try {
      if (req.headers['content-encoding'] !== 'aes128gcm')
        throw new Error(`content-encoding ${req.headers['content-encoding']}`);
      const ttl = Number(req.headers.ttl);
      if (!Number.isInteger(ttl) || ttl < 0) throw new Error(`TTL header ${req.headers.ttl}`);
      const { claims, key } = verifyVapid(req.headers.authorization, origin);
      const payload = JSON.parse(decryptAes128gcm(body, k).toString('utf8')) as Record<string, unknown>;
      svc.received.push({
        endpointId,
        ttl,
        urgency: req.headers.urgency as string | undefined,
        topic: req.headers.topic as string | undefined,
        vapidKey: key,
        claims,
        payload,
        at: Date.now(),
      });
      res.writeHead(201, { location: `${origin}/message/${svc.received.length}` }).end();
    } catch (err) {
      svc.rejected.push(`${endpointId}: ${(err as Error).message}`);
      res.writeHead(400).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  svc.url = origin;
  return svc;
}
