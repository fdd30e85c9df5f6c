// The rulebook as a data sync source (`data sync --only rulebook`, DATA_SYNC=all): the manifest's documents
// fetched into RULEBOOK_DIR; the server's auto-ingest (or `rulebook ingest`) indexes what is new.
import type { SyncSource } from '../data/sync/source.ts';
import { fetchRulebook, fiaUpstream, planFetch } from './fetch.ts';

export const rulebookSyncSource: SyncSource = {
  name: 'rulebook',
  description: 'FIA regulation PDFs from the manifest (src/rulebook/manifest.json) into RULEBOOK_DIR',
  async plan(ctx) {
    const items = planFetch(ctx.config, ctx.seasons);
    const todo = items.filter((i) => !i.skip);
    return {
      items: todo.map((i) => ({
        label: `${i.entry.season} ${i.entry.section} issue ${i.entry.issue}`,
        url: i.entry.url,
      })),
      note: `${items.length - todo.length} of ${items.length} manifest documents present`,
    };
  },
  async sync(ctx) {
    const s = await fetchRulebook(ctx.config, ctx.logger, {
      seasons: ctx.seasons,
      upstream: fiaUpstream(ctx.config, ctx.logger, ctx.signal),
    });
    const superseded = s.fetched.flatMap((f) => f.superseded);
    if (s.failed.length && s.fetched.length === 0 && s.present === 0)
      throw new Error(`no regulation document could be fetched (${s.failed[0]!.error})`);
    return {
      changed: s.fetched.length > 0,
      summary:
        `${s.fetched.length} fetched, ${s.present} present, ${s.failed.length} failed` +
        (superseded.length ? `; superseded ${superseded.join(', ')}` : '') +
        (s.fetched.length ? ' (run "race-engineer rulebook ingest" or let serve ingest them)' : ''),
      requests: s.requests,
      bytes: s.bytes,
    };
  },
};
