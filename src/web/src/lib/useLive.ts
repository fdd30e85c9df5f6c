// One WebSocket to the live hub: holds the session state (snapshot + deltas), the server's `commentary`
// lines, replay status and link status; answers pings; reconnects with backoff.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LiveEvent, ReplayStatus, SessionMeta, SessionState } from '../../../live/types.ts';
import { emptyState, mergeDelta } from './live.ts';

export type LinkState = 'connecting' | 'open' | 'reconnecting' | 'closed' | 'unavailable';

export interface CommentaryLine {
  id: number;
  timeMs: number;
  kind: LiveEvent['kind'];
  text: string;
}

/** Replay status with the local time it arrived, so the position can advance between updates. */
export type TimedReplayStatus = ReplayStatus & { receivedAt: number };

export interface LiveConnection {
  state: SessionState | null;
  session: SessionMeta | null;
  replay: TimedReplayStatus | null;
  upstream: string | null;
  link: LinkState;
  error: string | null;
  commentary: CommentaryLine[];
  send: (msg: Record<string, unknown>) => void;
  reconnect: () => void;
}

export function useLive(path: string | null): LiveConnection {
  const [state, setState] = useState<SessionState | null>(null);
  const [session, setSession] = useState<SessionMeta | null>(null);
  const [replay, setReplay] = useState<TimedReplayStatus | null>(null);
  const [upstream, setUpstream] = useState<string | null>(null);
  const [link, setLink] = useState<LinkState>('connecting');
  const [error, setError] = useState<string | null>(null);
  const [lines, setLines] = useState<CommentaryLine[]>([]);
  const [attempt, setAttempt] = useState(0);
  const wsRef = useRef<WebSocket | null>(null);
  const stateRef = useRef<SessionState | null>(null);
  const lineId = useRef(0);

  useEffect(() => {
    if (!path) return;
    let closedByUs = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;

    const connect = () => {
      const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${path}`;
      const ws = new WebSocket(url);
      wsRef.current = ws;
      setLink(failures === 0 ? 'connecting' : 'reconnecting');
      let opened = false;
      ws.onopen = () => {
        opened = true;
        failures = 0;
        setLink('open');
        setError(null);
      };
      ws.onmessage = (e) => {
        let msg: Record<string, unknown>;
        try {
          msg = JSON.parse(String(e.data)) as Record<string, unknown>;
        } catch {
          return;
        }
        switch (msg.type) {
          case 'hello':
            // A new channel (another session, or a replay taking over): nothing from the previous one stays.
            setSession((msg.session as SessionMeta) ?? null);
            setLines([]);
            setReplay(null);
            break;
          case 'snapshot':
            stateRef.current = msg.state as SessionState;
            setState(stateRef.current);
            break;
          case 'delta':
            stateRef.current = mergeDelta(
              stateRef.current ?? emptyState(),
              msg.delta as Record<string, unknown>,
            );
            setState(stateRef.current);
            break;
          case 'commentary': {
            // Written on the server, once per channel, and delayed with the state.
            const line = msg.line as { timeMs: number; kind: LiveEvent['kind']; text: string };
            setLines((ls) => [{ id: ++lineId.current, ...line }, ...ls].slice(0, 200));
            break;
          }
          case 'replay':
            setReplay({ ...(msg.status as ReplayStatus), receivedAt: Date.now() });
            break;
          case 'status':
            setUpstream(String(msg.status));
            break;
          case 'ping':
            ws.send(JSON.stringify({ type: 'pong' }));
            break;
          case 'error':
            setError(String(msg.message ?? 'live error'));
            break;
        }
      };
      ws.onclose = () => {
        if (closedByUs) return;
        failures += 1;
        if (!opened && failures >= 3) {
          setLink('unavailable');
          setError('The live timing service is not reachable on this server.');
          return;
        }
        setLink('reconnecting');
        retry = setTimeout(connect, Math.min(10_000, 500 * 2 ** failures) * (0.75 + Math.random() * 0.5));
      };
    };
    connect();
    return () => {
      closedByUs = true;
      clearTimeout(retry);
      wsRef.current?.close();
      wsRef.current = null;
    };
  }, [path, attempt]);

  const send = useCallback((msg: Record<string, unknown>) => {
    const ws = wsRef.current;
    if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(msg));
  }, []);

  const reconnect = useCallback(() => {
    setError(null);
    setLines([]);
    setAttempt((n) => n + 1);
  }, []);

  return { state, session, replay, upstream, link, error, commentary: lines, send, reconnect };
}
