// How the test upstreams serve a download: an ETag, byte ranges (with If-Range) as GitHub's codeload and the
// timing archive's static host do, and an optional cut mid-body to exercise the client's resume.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export function header(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

/**
 * Answers `body` for `req` (200, 206 or 416). When `cutAt` lies inside the bytes sent, the connection is
 * destroyed there and `true` is returned, so the caller can clear its one-shot cut.
 */
export function serveRange(
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  contentType: string,
  cutAt: number | null,
): boolean {
  const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
  const m = /^bytes=(\d+)-$/.exec(header(req, 'range') ?? '');
  const ifRange = header(req, 'if-range');
  const from = m && (!ifRange || ifRange === etag) ? Number(m[1]) : 0;
  if (from >= body.length && from > 0) {
    res.writeHead(416, { 'content-range': `bytes */${body.length}` });
    res.end();
    return false;
  }
  const headers: Record<string, string | number> = {
    'content-type': contentType,
    etag,
    'accept-ranges': 'bytes',
    'content-length': body.length - from,
  };
  if (from > 0) headers['content-range'] = `bytes ${from}-${body.length - 1}/${body.length}`;
  res.writeHead(from > 0 ? 206 : 200, headers);
  if (cutAt !== null && cutAt > from && cutAt < body.length) {
    res.write(body.subarray(from, cutAt), () => setTimeout(() => res.socket?.destroy(), 20));
    return true;
  }
  res.end(body.subarray(from));
  return false;
}
