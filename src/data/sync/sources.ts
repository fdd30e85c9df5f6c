// The registered sync sources, in the order a full sync runs them (f1db first: the other sources read the
// calendar from it). A new source is one import and one entry here (see src/data/sync/source.ts).
import type { SyncSource } from './source.ts';
import { f1dbReleaseSource } from './f1db-release.ts';
import { openf1SyncSource } from './openf1.ts';
import { timingArchiveSource } from './timing-archive.ts';
import { rulebookSyncSource } from '../../rulebook/fetch-source.ts';

export function syncSources(): SyncSource[] {
  return [f1dbReleaseSource, timingArchiveSource, openf1SyncSource, rulebookSyncSource];
}
