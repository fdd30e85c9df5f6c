// Security headers on every answer (@fastify/helmet): nosniff, no framing, a strict Referrer-Policy, and a
// Content-Security-Policy the web app lives within (its own scripts, styles and workers only; API and
// WebSocket calls to this origin). The API docs at /docs set their own, looser policy (swagger-ui).
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  // React sets style properties, which CSP allows; style attributes in the Markdown renderer need inline.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  // The server may be served over plain HTTP on a LAN: do not rewrite its own URLs to https.
  upgradeInsecureRequests: null,
};

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    // HSTS only means something over https; behind a TLS proxy the proxy sets it.
    strictTransportSecurity: false,
  });
}
