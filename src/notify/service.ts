// Wires notifications together from configuration: the push store (the cluster's PostgreSQL when the run-time
// store is on it, else PUSH_DB_PATH), the VAPID keys (configured, or generated once and kept in the store so
// every node signs with the same pair), the sender, the scheduler and the live hub's alerts.
import { dirname, join } from 'node:path';
import type { Config } from '../config.ts';
import type { Db } from '../data/db.ts';
import type { HubMessage } from '../live/bus.ts';
import type { ChannelInfo, Hub } from '../live/hub.ts';
import type { Logger } from '../logger.ts';
import { SqliteDatabase, type SqlDatabase } from '../store/sql.ts';
import { ChannelAlerts } from './alerts.ts';
import { CalendarSource } from './calendar.ts';
import { testPayload } from './messages.ts';
import { PushScheduler, systemClock, type Clock } from './scheduler.ts';
import { generateVapidKeys, WebPushSender, type PushSender, type VapidKeys } from './sender.ts';
import { SqlPushStore } from './sql-store.ts';
import type { PushStore } from './store.ts';
import type { StoredSubscription } from './types.ts';

export type NotifyConfig = Pick<
  Config,
  | 'VAPID_PUBLIC_KEY'
  | 'VAPID_PRIVATE_KEY'
  | 'VAPID_SUBJECT'
  | 'PUBLIC_URL'
  | 'PUSH_DB_PATH'
  | 'CHATS_DB_PATH'
  | 'PUSH_MAX_ATTEMPTS'
  | 'PUSH_ALERTS_FROM_REPLAYS'
>;

export interface NotifyOptions {
  config: NotifyConfig;
  logger: Logger;
  db: () => Db;
  /** The run-time store's PostgreSQL handle, when that is the backend (shared by the cluster). */
  postgres?: SqlDatabase;
  clock?: Clock;
  /** Default: web-push with the VAPID keys. */
  sender?: PushSender;
  node?: string;
  store?: PushStore;
}

export function vapidSubject(config: Pick<Config, 'VAPID_SUBJECT' | 'PUBLIC_URL'>): string {
  if (config.VAPID_SUBJECT) return config.VAPID_SUBJECT;
  if (config.PUBLIC_URL?.startsWith('https://')) return config.PUBLIC_URL;
  return 'mailto:race-engineer@localhost';
}

/** PUSH_DB_PATH, else push.db beside the chats file (so a test's temporary chats folder holds it too). */
export function pushDbPath(config: Pick<Config, 'PUSH_DB_PATH' | 'CHATS_DB_PATH'>): string {
  if (config.PUSH_DB_PATH) return config.PUSH_DB_PATH;
  return config.CHATS_DB_PATH === ':memory:' ? ':memory:' : join(dirname(config.CHATS_DB_PATH), 'push.db');
}

export class NotifyService {
  readonly store: PushStore;
  readonly scheduler: PushScheduler;
  readonly clock: Clock;
  readonly calendar: CalendarSource;
  private keys?: Promise<VapidKeys>;
  private sender?: PushSender;
  private readonly channels = new Map<string, ChannelAlerts>();
  private unobserve?: () => void;

  constructor(private readonly o: NotifyOptions) {
    const { config } = o;
    if (!!config.VAPID_PUBLIC_KEY !== !!config.VAPID_PRIVATE_KEY)
      throw new Error(
        'Set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither (then a pair is generated)',
      );
    this.clock = o.clock ?? systemClock;
    this.store =
      o.store ??
      (o.postgres
        ? new SqlPushStore(o.postgres, false)
        : new SqlPushStore(new SqliteDatabase(pushDbPath(config))));
    this.calendar = new CalendarSource(o.db);
    const lazySender: PushSender = {
      send: async (t, p, opts) => (await this.getSender()).send(t, p, opts),
    };
    this.scheduler = new PushScheduler({
      store: this.store,
      sender: lazySender,
      calendar: this.calendar,
      logger: o.logger,
      clock: this.clock,
      maxAttempts: config.PUSH_MAX_ATTEMPTS,
      ...(o.node ? { node: o.node } : {}),
    });
  }

  /** The VAPID keys: configured, else the stored pair (the first node to start generates it). */
  vapid(): Promise<VapidKeys> {
    const { config } = this.o;
    this.keys ??= (async () => {
      const subject = vapidSubject(config);
      if (config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY)
        return { publicKey: config.VAPID_PUBLIC_KEY, privateKey: config.VAPID_PRIVATE_KEY, subject };
      const stored = JSON.parse(
        await this.store.metaOrInsert('vapid', JSON.stringify(generateVapidKeys())),
      ) as {
        publicKey: string;
        privateKey: string;
      };
      this.o.logger.info({ event: 'push.vapid.ready', publicKey: stored.publicKey }, 'VAPID keys ready');
      return { ...stored, subject };
    })().catch((err) => {
      this.keys = undefined;
      throw err;
    });
    return this.keys;
  }

  private async getSender(): Promise<PushSender> {
    if (!this.sender) this.sender = this.o.sender ?? new WebPushSender(await this.vapid());
    return this.sender;
  }

  /** Queues a test notification for one subscription and sends it now. */
  async sendTest(sub: StoredSubscription): Promise<void> {
    const now = this.clock.now();
    await this.store.enqueue([
      {
        subscriptionId: sub.id,
        key: `test:${now}`,
        kind: 'test',
        payload: testPayload(sub, now),
        dueAt: now,
        expiresAt: now + 10 * 60_000,
      },
    ]);
    await this.scheduler.tick();
  }

  /** The alert pipeline of a channel (live sessions; replays only with PUSH_ALERTS_FROM_REPLAYS). */
  channelAlerts(info: ChannelInfo): ChannelAlerts | undefined {
    if (info.key.startsWith('private:')) return undefined;
    if (!info.session.live && !this.o.config.PUSH_ALERTS_FROM_REPLAYS) return undefined;
    let ch = this.channels.get(info.key);
    if (!ch) {
      ch = new ChannelAlerts(
        { id: info.session.id, name: info.session.name, year: info.session.year, round: info.session.round },
        this.store,
        this.clock,
        () => void this.scheduler.tick(),
      );
      this.channels.set(info.key, ch);
    }
    return ch;
  }

  /** Listens to the hub's ingests on this node (only the ingesting node hears a channel's messages). */
  watch(hub: Pick<Hub, 'observeIngest'>): void {
    this.unobserve?.();
    this.unobserve = hub.observeIngest((info: ChannelInfo, m: HubMessage) =>
      this.channelAlerts(info)?.observe(m),
    );
  }

  async close(): Promise<void> {
    this.unobserve?.();
    await this.scheduler.stop();
    await Promise.all([...this.channels.values()].map((c) => c.settled()));
    await this.store.close();
  }
}
