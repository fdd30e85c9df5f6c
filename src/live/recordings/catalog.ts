// Every replayable recorded session, from the three recording kinds; loads them (a few cached).
import { LRUCache } from 'lru-cache';
import { notFound } from '../../errors.ts';
import { listLapRaces, loadLapRace } from './laps.ts';
import { listFeedRecordings, loadFeedRecording } from './livetiming.ts';
import { listOpenF1Sessions, loadOpenF1Recording } from './openf1.ts';
import type { LoadedRecording, RecordingMeta, RecordingSource } from './types.ts';

export interface CatalogDirs {
  livetimingDir?: string;
  lapsDir?: string;
  /** The analysis module's cache folder for the lap tables (ANALYSIS_CACHE_DIR); unset: memory only. */
  lapsCacheDir?: string;
  openf1Dir?: string;
}

const PREFERENCE: RecordingSource[] = ['livetiming', 'laps', 'openf1'];

export class RecordingCatalog {
  private listing?: Promise<RecordingMeta[]>;
  private readonly cache = new LRUCache<string, Promise<LoadedRecording>>({ max: 4 });

  constructor(private readonly dirs: CatalogDirs) {}

  list(): Promise<RecordingMeta[]> {
    this.listing ??= (async () => {
      const { livetimingDir, lapsDir, lapsCacheDir, openf1Dir } = this.dirs;
      const all = [
        ...(livetimingDir ? (await listFeedRecordings(livetimingDir)).map(({ dir: _dir, ...m }) => m) : []),
        ...(lapsDir ? await listLapRaces(lapsDir, lapsCacheDir) : []),
        ...(openf1Dir ? await listOpenF1Sessions(openf1Dir) : []),
      ];
      return all.sort((a, b) => a.year - b.year || (a.round ?? 0) - (b.round ?? 0));
    })();
    this.listing.catch(() => (this.listing = undefined));
    return this.listing;
  }

  /** The recording for a round: `session` defaults to the race; `source` to the richest recording. */
  async resolve(year: number, round: number, session?: string, source?: string): Promise<RecordingMeta> {
    const all = (await this.list()).filter((m) => m.year === year && m.round === round);
    const bySession = all.filter((m) => m.session === (session ?? 'R'));
    const pool = session ? bySession : bySession.length > 0 ? bySession : all;
    const pick = pool
      .filter((m) => !source || m.source === source)
      .sort((a, b) => PREFERENCE.indexOf(a.source) - PREFERENCE.indexOf(b.source))[0];
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
      p.catch(() => this.cache.delete(id));
      this.cache.set(id, p);
    }
    return p;
  }

  private loadUncached(id: string): Promise<LoadedRecording> {
    const { livetimingDir, lapsDir, lapsCacheDir, openf1Dir } = this.dirs;
    if (id.startsWith('livetiming:') && livetimingDir) return loadFeedRecording(livetimingDir, id);
    if (id.startsWith('laps:') && lapsDir) return loadLapRace(lapsDir, id, lapsCacheDir);
    if (id.startsWith('openf1:') && openf1Dir) return loadOpenF1Recording(openf1Dir, id);
    return Promise.reject(notFound(`No recorded session "${id}"`));
  }
}
