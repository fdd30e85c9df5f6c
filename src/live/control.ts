// The client → server control protocol (PROTOCOL.md): the one schema WebSocket frames and POST …/control bodies
// are validated against, and what each message does, given the hub operations it needs.
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { Channel } from './channel.ts';
import type { ClientConn } from './client.ts';

export const MAX_DELAY_S = 300;

export const controlSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pong') }),
  z.object({ type: z.literal('ping') }),
  z.object({ type: z.literal('delay'), seconds: z.number().min(0).max(MAX_DELAY_S) }),
  z.object({
    type: z.literal('replay.start'),
    id: z.string().min(1).max(200),
    speed: z.number().min(1).max(60).optional(),
    positionMs: z.number().min(0).optional(),
  }),
  z.object({ type: z.literal('replay.play') }),
  z.object({ type: z.literal('replay.pause') }),
  z.object({ type: z.literal('replay.seek'), positionMs: z.number().min(0) }),
  z.object({ type: z.literal('replay.speed'), speed: z.number().min(1).max(60) }),
  z.object({ type: z.literal('replay.stop') }),
]);
export type ControlMessage = z.infer<typeof controlSchema>;

export function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  return `invalid message${issue?.path.length ? ` at "${issue.path.join('.')}"` : ''}: ${issue?.message ?? 'bad value'}`;
}

/** What the control messages need from the hub. */
export interface ControlHost {
  /** Gives the client a private replay of `recordingId` (replacing any it had). */
  startPrivate(
    c: ClientConn,
    recordingId: string,
    opts: { speed?: number; positionMs?: number },
  ): Promise<void>;
  /** Sends the client back to the shared channel it came from (reopened if it closed meanwhile). */
  stopPrivate(c: ClientConn): Promise<void>;
  /** The recording id behind an id a client sent (not_found when unknown). */
  recording(id: string): Promise<string>;
}

export async function runControl(host: ControlHost, c: ClientConn, m: ControlMessage): Promise<void> {
  switch (m.type) {
    case 'pong':
    case 'ping':
      return;
    case 'delay':
      c.setDelay(Math.round(m.seconds * 1000));
      return;
    case 'replay.start':
      await host.startPrivate(c, await host.recording(m.id), { speed: m.speed, positionMs: m.positionMs });
      return;
    case 'replay.stop':
      await host.stopPrivate(c);
      return;
    default: {
      let r = c.privateReplay;
      if (!r) {
        const channel: Channel | null = c.channel;
        const rid = channel?.info.recordingId;
        if (!rid) throw new AppError('bad_request', 'This session is live: there is no replay to control');
        // The private copy starts where the shared replay is now, at its speed.
        const now = channel.replayNow();
        await host.startPrivate(c, rid, { positionMs: now?.positionMs ?? 0, speed: now?.speed });
        r = c.privateReplay!;
      }
      if (m.type === 'replay.play') r.play();
      else if (m.type === 'replay.pause') r.pause();
      else if (m.type === 'replay.seek') r.seek(m.positionMs);
      else if (m.type === 'replay.speed') r.setSpeed(m.speed);
    }
  }
}
