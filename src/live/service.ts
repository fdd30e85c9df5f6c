// Wires the live domain together from configuration: recordings catalog, bus, hub and the live sources.
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { openDatabase, type Db } from '../data/db.ts';
import { LocalBus, RedisBus, type LiveBus } from './bus.ts';
import { Hub, type Channel, type ChannelInfo } from './hub.ts';
import { RecordingCatalog } from './recordings/catalog.ts';
import { entrantsFromDb } from './recordings/entrants.ts';
import type { RecordingMeta } from './recordings/types.ts';
import { OpenF1Poller } from './sources/openf1.ts';
import { ReplaySource } from './sources/replay.ts';
import { SignalRSource } from './sources/signalr.ts';
import type { LiveSource } from './sources/source.ts';
import type { SessionState } from './types.ts';

export interface LiveServiceOptions {
  lingerMs?: number;
  /** The F1 database (codes, names, teams of recordings that lack them); default: DATABASE_PATH, read-only. */
  db?: () => Db;
}

export class LiveService {
  readonly catalog: RecordingCatalog;
  readonly hub: Hub;
  private db?: Db;

  constructor(
    private readonly config: Config,
    private readonly logger: Logger,
    opts: LiveServiceOptions = {},
  ) {
    this.catalog = new RecordingCatalog({
      livetimingDir: config.LIVETIMING_DIR,
      timingDir: config.TIMING_DIR,
      lapsDir: config.LAPS_DIR,
      lapsCacheDir: config.ANALYSIS_CACHE_DIR,
      openf1Dir: config.OPENF1_DIR,
      entrants: entrantsFromDb(opts.db ?? (() => (this.db ??= openDatabase(config.DATABASE_PATH)))),
    });
    let bus: LiveBus = new LocalBus();
    if (config.LIVE_BUS === 'redis') {
      if (!config.REDIS_URL) throw new Error('LIVE_BUS=redis needs REDIS_URL');
      bus = new RedisBus(config.REDIS_URL, logger);
    }
    this.hub = new Hub({
      bus,
      logger,
      catalog: this.catalog,
      heartbeatMs: config.WS_HEARTBEAT_INTERVAL * 1000,
      staleMs: config.WS_STALE_TIMEOUT * 1000,
      lingerMs: opts.lingerMs,
      defaultDelayMs: config.LIVE_BROADCAST_DELAY * 1000,
    });
  }

  /** Channel info for a recorded round (throws not_found: callers resolve before any upgrade). */
  async resolveRound(year: number, round: number, session?: string, source?: string): Promise<ChannelInfo> {
    return this.replayInfo(await this.catalog.resolve(year, round, session, source));
  }

  async resolveCurrent(): Promise<ChannelInfo> {
    if (this.config.LIVE_SOURCE === 'replay') return this.replayInfo(await this.catalog.latest());
    return {
      key: `live:${this.config.LIVE_SOURCE}`,
      session: { id: 'current', year: null, round: null, session: '', name: 'Current session', live: true },
    };
  }

  private replayInfo(meta: RecordingMeta): ChannelInfo {
    return {
      key: `replay:${meta.id}`,
      session: {
        id: meta.id,
        year: meta.year,
        round: meta.round,
        session: meta.session,
        name: meta.name,
        live: false,
      },
      recordingId: meta.id,
    };
  }

  open(info: ChannelInfo): Promise<Channel> {
    return this.hub.open(info, (resume) => this.makeSource(info, resume));
  }

  private async makeSource(info: ChannelInfo, resume: SessionState | null): Promise<LiveSource> {
    if (info.recordingId) {
      return new ReplaySource(await this.catalog.load(info.recordingId), { positionMs: resume?.timeMs ?? 0 });
    }
    if (this.config.LIVE_SOURCE === 'f1') {
      return new SignalRSource({
        url: this.config.F1_LIVE_URL,
        token: this.config.F1TV_TOKEN,
        logger: this.logger,
      });
    }
    return new OpenF1Poller({
      baseUrl: this.config.OPENF1_BASE_URL,
      sessionKey: 'latest',
      intervalMs: this.config.OPENF1_POLL_INTERVAL * 1000,
      logger: this.logger,
    });
  }

  async close(): Promise<void> {
    await this.hub.close();
    this.db?.close();
    this.db = undefined;
  }
}
