// Loading, empty, error and "not available yet" states shared by every page.
import type { ReactNode } from 'react';
import type { ApiError } from '../api.ts';
import type { Resource } from '../lib/useApi.ts';

export function ErrorBanner({ error, onRetry }: { error: ApiError | Error | string; onRetry?: () => void }) {
  const message = typeof error === 'string' ? error : error.message;
  const notAvailable = typeof error !== 'string' && 'kind' in error && error.kind === 'not_available';
  return (
    <div className={`banner ${notAvailable ? 'info' : 'error'}`} role="alert" data-testid="error-banner">
      <span>{message}</span>
      {onRetry && (
        <button className="btn small" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

export function Loading({ lines = 4 }: { lines?: number }) {
  return (
    <div role="status" aria-busy="true" aria-label="Loading">
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="skeleton" style={{ width: `${90 - i * 12}%` }} />
      ))}
    </div>
  );
}

export function StaleBanner() {
  return <div className="banner stale">Offline — showing the last data seen.</div>;
}

/** Renders a resource: skeleton while loading, a banner with Retry on error, the content otherwise. */
export function Async<T>({
  res,
  children,
  lines,
}: {
  res: Resource<T>;
  children: (data: T) => ReactNode;
  lines?: number;
}) {
  if (res.error) return <ErrorBanner error={res.error} onRetry={res.reload} />;
  if (res.data === undefined) return res.loading ? <Loading lines={lines} /> : null;
  return (
    <>
      {res.fromCache && <StaleBanner />}
      {children(res.data)}
    </>
  );
}
