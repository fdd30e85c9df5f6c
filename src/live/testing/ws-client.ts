// A WebSocket client for tests: collects messages, folds snapshots and deltas, answers pings when asked.
import WebSocket from 'ws';
import { applyDelta } from '../diff.ts';
import type { SessionState } from '../types.ts';
import { waitFor } from './collect.ts';

export type Msg = Record<string, unknown> & { type: string };

export class TestClient {
  readonly ws: WebSocket;
  messages: (Msg & { at: number })[] = [];
  state: SessionState | null = null;
  seq = 0;
  seqGaps = 0;
  closeCode: number | null = null;
  opened: Promise<void>;

  constructor(url: string, opts: { answerPings?: boolean } = {}) {
    this.ws = new WebSocket(url, { perMessageDeflate: false });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.ws.on('message', (data) => {
      const m = JSON.parse(data.toString()) as Msg;
      this.messages.push({ ...m, at: Date.now() });
      if (m.type === 'snapshot') {
        this.state = m.state as SessionState;
        this.seq = m.seq as number;
      } else if (m.type === 'delta' && this.state) {
        if ((m.seq as number) !== this.seq + 1) this.seqGaps++;
        this.state = applyDelta(this.state, m.delta as Record<string, unknown>);
        this.seq = m.seq as number;
      } else if (m.type === 'ping' && opts.answerPings) this.send({ type: 'pong' });
    });
    this.ws.on('close', (code) => (this.closeCode = code));
  }

  send(m: unknown): void {
    this.ws.send(typeof m === 'string' ? m : JSON.stringify(m));
  }

  of(type: string): (Msg & { at: number })[] {
    return this.messages.filter((m) => m.type === type);
  }

  private read = 0;

  /** The next message of `type` not yet returned by `next` (messages are consumed in order). */
  // 20 s: a session's first message waits for its recording to be listed and loaded, which on the loaded
  // 2-core CI machine (browser tests and two-server Redis tests alongside) has taken over 10 s.
  async next(type: string, pred: (m: Msg) => boolean = () => true, timeoutMs = 20_000): Promise<Msg> {
    let found = -1;
    await waitFor(
      () => (found = this.messages.findIndex((m, i) => i >= this.read && m.type === type && pred(m))) >= 0,
      timeoutMs,
      `a ${type} message`,
    );
    this.read = found + 1;
    return this.messages[found]!;
  }

  close(): void {
    this.ws.close();
  }
}
