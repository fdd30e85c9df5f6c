// Every replayable recorded session, from the three recording kinds; loads them (a few cached).
import { LRUCache } from 'lru-cache';
import { notFound } from '../../errors.ts';
import { listLapRaces, loadLapRace } from './laps.ts';
import { listFeedRecordings, loadFeedRecording } from './livetiming.ts';
import { listOpenF1Sessions, loadOpenF1Recording } from './openf1.ts';
import type { EntrantLookup } from './entrants.ts';
import type { LoadedRecording, RecordingMeta, RecordingSource } from './types.ts';

export interface CatalogDirs {
  livetimingDir?: string;
  /** Sessions synced from the timing archive (`data sync --only timing`), listed as `timing:<folder>`. */
  timingDir?: string;
  lapsDir?: string;
  /** The analysis module's cache folder for the lap tables (ANALYSIS_CACHE_DIR); unset: memory only. */
  lapsCacheDir?: string;
  openf1Dir?: string;
  /** Who drove which car (the F1 database): codes, names, teams and colours for recordings without them. */
  entrants?: EntrantLookup;
}

const PREFERENCE: RecordingSource[] = ['livetiming', 'laps', 'openf1'];

/** A listed recording; `default` marks the one a round's URL opens for its session. */
export type ListedRecording = RecordingMeta & { default: boolean };

/** Most complete first (a feed recording without TimingData loses to a lap-table race), then the richest source. */
function rank(a: RecordingMeta, b: RecordingMeta): number {
  return (
    Number(b.complete) - Number(a.complete) || PREFERENCE.indexOf(a.source) - PREFERENCE.indexOf(b.source)
  );
}

export class RecordingCatalog {
  private listing?: Promise<RecordingMeta[]>;
  private readonly cache = new LRUCache<string, Promise<LoadedRecording>>({ max: 4 });
  /** Replay lengths learned by loading recordings, for the listing. */
  private readonly durations = new Map<string, number>();

  constructor(private readonly dirs: CatalogDirs) {}

  list(): Promise<RecordingMeta[]> {
    this.listing ??= (async () => {
      const { livetimingDir, timingDir, lapsDir, lapsCacheDir, openf1Dir } = this.dirs;
      const all = [
        ...(livetimingDir ? (await listFeedRecordings(livetimingDir)).map(({ dir: _dir, ...m }) => m) : []),
        ...(timingDir ? (await listFeedRecordings(timingDir, 'timing')).map(({ dir: _dir, ...m }) => m) : []),
        ...(lapsDir ? await listLapRaces(lapsDir, lapsCacheDir) : []),
        ...(openf1Dir ? await listOpenF1Sessions(openf1Dir) : []),
      ];
      return all.sort((a, b) => a.year - b.year || (a.round ?? 0) - (b.round ?? 0));
    })();
    this.listing.catch(() => (this.listing = undefined));
    return this.listing;
  }

  /** Every recording with its duration when known, and which one each round's URL opens per session. */
  async sessions(): Promise<ListedRecording[]> {
    const all = await this.list();
    const defaults = new Set<string>();
    const best = new Map<string, RecordingMeta>();
    for (const m of all) {
      const k = `${m.year}|${m.round}|${m.session}`;
      const cur = best.get(k);
      if (!cur || rank(m, cur) < 0) best.set(k, m);
    }
    for (const m of best.values()) defaults.add(m.id);
    return all.map((m) => ({
      ...m,
      durationMs: m.durationMs ?? this.durations.get(m.id) ?? null,
      default: defaults.has(m.id),
    }));
  }

  /**
   * The recording for a round: `session` defaults to the race; `source` to the most complete recording (one
   * with timing data), then the richest source.
   */
  async resolve(year: number, round: number, session?: string, source?: string): Promise<RecordingMeta> {
    const all = (await this.list()).filter((m) => m.year === year && m.round === round);
    const bySession = all.filter((m) => m.session === (session ?? 'R'));
    const pool = session ? bySession : bySession.length > 0 ? bySession : all;
    const pick = pool.filter((m) => !source || m.source === source).sort(rank)[0];
    if (!pick) {
      throw notFound(
        `No recorded session for ${year} round ${round}${session ? ` session ${session}` : ''}${source ? ` from ${source}` : ''}`,
      );
    }
    return pick;
  }

  async latest(): Promise<RecordingMeta> {
    const all = await this.list();
    const last = all.at(-1);
    if (!last) throw notFound('No recorded sessions configured (LIVETIMING_DIR, LAPS_DIR, OPENF1_DIR)');
    return last;
  }

  async byId(id: string): Promise<RecordingMeta> {
    const m = (await this.list()).find((r) => r.id === id);
    if (!m) throw notFound(`No recorded session "${id}"`);
    return m;
  }

  load(id: string): Promise<LoadedRecording> {
    let p = this.cache.get(id);
    if (!p) {
      p = this.loadUncached(id);
      p.then(
        (r) => this.durations.set(id, r.durationMs),
        () => this.cache.delete(id),
      );
      this.cache.set(id, p);
    }
    return p;
  }

  private loadUncached(id: string): Promise<LoadedRecording> {
    const { livetimingDir, timingDir, lapsDir, lapsCacheDir, openf1Dir, entrants } = this.dirs;
    if (id.startsWith('livetiming:') && livetimingDir) return loadFeedRecording(livetimingDir, id);
    if (id.startsWith('timing:') && timingDir) return loadFeedRecording(timingDir, id, 'timing');
    if (id.startsWith('laps:') && lapsDir) return loadLapRace(lapsDir, id, lapsCacheDir, entrants);
    if (id.startsWith('openf1:') && openf1Dir) return loadOpenF1Recording(openf1Dir, id, entrants);
    return Promise.reject(notFound(`No recorded session "${id}"`));
  }
}
