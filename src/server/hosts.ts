// The Host allow-list (ALLOWED_HOSTS): a page on another site that rebinds its own name to this server's
// address (DNS rebinding) sends its own name as Host; every request whose Host is not one of ours is
// refused with 421 before any route runs.
import type { FastifyInstance } from 'fastify';
import { allowedHosts, type Config } from '../config.ts';
import { AppError } from '../errors.ts';

/** `example.org:8000` → `example.org`, `[::1]:8000` → `[::1]`. */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.indexOf(':');
  return (colon === -1 ? h : h.slice(0, colon)).replace(/\.$/, '');
}

export function hostAllowed(host: string | undefined, allowed: string[]): boolean {
  if (allowed.includes('*')) return true;
  if (!host) return false;
  return allowed.includes(hostName(host));
}

export function registerHostCheck(app: FastifyInstance, config: Config): void {
  const allowed = allowedHosts(config);
  app.addHook('onRequest', async (req) => {
    if (!hostAllowed(req.headers.host, allowed)) {
      req.log.warn({ event: 'http.host_refused', host: req.headers.host?.slice(0, 100) }, 'foreign Host');
      throw new AppError(
        'misdirected_request',
        'This server does not answer for that host name (set ALLOWED_HOSTS to add it).',
      );
    }
  });
}
