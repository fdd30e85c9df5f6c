// Loads one API resource for a component: data, error, loading, whether it came from the offline cache,
// and reload() for the retry buttons. A new path cancels the previous request.
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api.ts';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  fromCache: boolean;
  reload: () => void;
}

export function useApi<T>(path: string | null): Resource<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean; fromCache: boolean }>({
    loading: path !== null,
    fromCache: false,
  });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    if (path === null) {
      setState({ loading: false, fromCache: false });
      return;
    }
    const ctrl = new AbortController();
    setState((s) => ({ data: s.data, loading: true, fromCache: false }));
    api<T>(path, { signal: ctrl.signal }).then(
      (r) => setState({ data: r.data, loading: false, fromCache: r.fromCache }),
      (err: unknown) => {
        if (ctrl.signal.aborted) return;
        const error = err instanceof ApiError ? err : new ApiError('http', String(err));
        setState({ error, loading: false, fromCache: false });
      },
    );
    return () => ctrl.abort();
  }, [path, attempt]);

  return { data: state.data, error: state.error, loading: state.loading, fromCache: state.fromCache, reload };
}
