// One way to talk to the server: JSON GET/POST/DELETE with the API's error body turned into an ApiError,
// a network failure into a plain "cannot reach the server", and a missing route into "not available".
export type ApiErrorKind = 'network' | 'not_available' | 'http';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status = 0,
    readonly code = '',
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiResult<T> {
  data: T;
  /** Served by the service worker from the last data seen, because the server could not be reached. */
  fromCache: boolean;
}

/** Turns a non-2xx answer into an ApiError with the server's own message. */
export async function errorFrom(res: Response): Promise<ApiError> {
  let code = '';
  let message = `${res.status} ${res.statusText}`;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    code = body.error?.code ?? '';
    message = body.error?.message ?? message;
  } catch {
    // Not JSON: keep the status line.
  }
  // The server's own 404 for a route nobody registered: that API is not on this server (yet).
  if (res.status === 404 && message.startsWith('No route ')) {
    return new ApiError('not_available', 'This feature is not available on this server yet.', 404, code);
  }
  return new ApiError('http', message, res.status, code);
}

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? 'GET',
      headers: init.body !== undefined ? { 'content-type': 'application/json' } : undefined,
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      signal: init.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError('network', 'Cannot reach the Race Engineer server. Check that it is running.');
  }
  if (!res.ok) throw await errorFrom(res);
  const data = (res.status === 204 ? null : await res.json()) as T;
  return { data, fromCache: res.headers.get('x-served-from') === 'cache' };
}

export const qs = (params: Record<string, string | number | undefined | null>): string => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
};
