// Obtaining the regulation PDFs: `rulebook fetch` downloads the documents of the manifest kept in the
// repository (src/rulebook/manifest.json, or RULEBOOK_MANIFEST) into RULEBOOK_DIR/<season>/, and
// `rulebook add <file|url>` puts one more document there. The index holds one issue per season and section
// (documents.ts keys them so), so a newer issue of a season's section replaces the earlier one in the folder
// (moved to DATA_SYNC_DIR/rulebook-superseded/, kept, not indexed) and becomes what searches read; other
// seasons stay as they are, so "latest" is the newest season of each section and a named season searches
// its own documents (scope.ts). Downloads go through an Upstream (user agent, budget, backoff, resume) and
// must be PDFs (`%PDF-`).
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  closeSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { AppError, badRequest } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { Upstream } from '../data/sync/http.ts';
import type { SeasonRange } from '../data/sync/source.ts';
import { describeDocument } from './documents.ts';
import { SECTIONS } from './types.ts';

const entrySchema = z.object({
  season: z.number().int().min(1950).max(2100),
  section: z.enum(SECTIONS),
  issue: z.number().int().min(0),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  url: z.string().url(),
});
const manifestSchema = z.object({ note: z.string().optional(), documents: z.array(entrySchema) });
export type ManifestEntry = z.infer<typeof entrySchema>;

export const DEFAULT_MANIFEST = fileURLToPath(new URL('./manifest.json', import.meta.url));

export function loadManifest(path = DEFAULT_MANIFEST): ManifestEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw badRequest(`rulebook manifest ${path}: ${(err as Error).message}`);
  }
  const r = manifestSchema.safeParse(raw);
  if (!r.success)
    throw badRequest(
      `rulebook manifest ${path}: ${r.error.issues[0]!.path.join('.')} ${r.error.issues[0]!.message}`,
    );
  return r.data.documents;
}

/** The file name a document is stored under: the last path segment of its URL, decoded. */
export function fileNameOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  if (!/\.pdf$/i.test(name)) throw badRequest(`${url} does not name a .pdf file`);
  return name.replace(/[/\\]/g, '_');
}

export interface FetchItem {
  entry: ManifestEntry;
  dest: string;
  /** Why it is not fetched (present, superseded by a higher issue on disk). */
  skip?: string;
}

function isPdf(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(5);
    readSync(fd, buf, 0, 5, 0);
    return buf.toString('latin1') === '%PDF-';
  } finally {
    closeSync(fd);
  }
}

/** PDFs in the season folder describing the same season and section as `info` (other issues of it). */
function sameDocument(seasonDir: string, key: string, except: string): string[] {
  if (!existsSync(seasonDir)) return [];
  return readdirSync(seasonDir)
    .filter((f) => f !== except && /\.pdf$/i.test(f))
    .filter((f) => describeDocument(join(seasonDir, f))?.key === key);
}

/** What `fetch` would download for these seasons (all when null). */
export function planFetch(
  config: Config,
  seasons: SeasonRange | null,
  manifest = loadManifest(config.RULEBOOK_MANIFEST ?? DEFAULT_MANIFEST),
): FetchItem[] {
  const dir = rulebookDir(config);
  // Only the highest issue per season and section is wanted.
  const best = new Map<string, ManifestEntry>();
  for (const e of manifest) {
    if (seasons && (e.season < seasons.from || e.season > seasons.to)) continue;
    const k = `${e.season}/${e.section}`;
    if (!best.has(k) || best.get(k)!.issue < e.issue) best.set(k, e);
  }
  return [...best.values()].map((entry) => {
    const dest = join(dir, String(entry.season), fileNameOf(entry.url));
    if (existsSync(dest)) return { entry, dest, skip: 'present' };
    const others = sameDocument(dirname(dest), `${entry.season}-${slug(entry.section)}`, basename(dest));
    const higher = others.find((f) => (describeDocument(join(dirname(dest), f))?.issue ?? -1) > entry.issue);
    return higher ? { entry, dest, skip: `superseded by ${higher} on disk` } : { entry, dest };
  });
}

function slug(section: string): string {
  return section.toLowerCase().replace(/ /g, '-');
}

export function rulebookDir(config: Config): string {
  return resolve(config.RULEBOOK_DIR ?? join(dirname(resolve(config.DATABASE_PATH)), 'rulebook'));
}

export interface PlacedDocument {
  file: string;
  season: number;
  section: string;
  issue: number | null;
  /** Earlier issues of the same season and section moved out of the indexed folder. */
  superseded: string[];
}

/**
 * Puts a PDF into RULEBOOK_DIR/<season>/ (its name must say season and section, as FIA names do) and moves
 * earlier issues of that season's section out of the indexed folder.
 */
export function placeDocument(
  config: Config,
  file: string,
  name = basename(file),
  logger?: Logger,
): PlacedDocument {
  if (!isPdf(file)) throw new AppError('bad_request', `${name} is not a PDF`);
  const info = describeDocument(name);
  if (!info)
    throw badRequest(
      `${name}: no season or section in its name (FIA names say e.g. "2026 … Section B [Sporting] … Iss 04")`,
    );
  const seasonDir = join(rulebookDir(config), String(info.season));
  mkdirSync(seasonDir, { recursive: true });
  const dest = join(seasonDir, name);
  const superseded: string[] = [];
  for (const other of sameDocument(seasonDir, info.key, name)) {
    const o = describeDocument(join(seasonDir, other));
    if ((o?.issue ?? -1) > (info.issue ?? -1))
      throw badRequest(
        `${name} (issue ${info.issue ?? '?'}) is older than ${other} (issue ${o?.issue}) already in ${seasonDir}`,
      );
    const aside = join(resolve(config.DATA_SYNC_DIR), 'rulebook-superseded', String(info.season));
    mkdirSync(aside, { recursive: true });
    renameSync(join(seasonDir, other), join(aside, other));
    superseded.push(other);
  }
  if (resolve(file) !== dest) copyFileSync(file, dest);
  logger?.info({ event: 'rulebook.document.added', file: dest, superseded }, `rulebook: ${name} added`);
  return { file: dest, season: info.season, section: info.section, issue: info.issue, superseded };
}

export interface FetchSummary {
  fetched: PlacedDocument[];
  present: number;
  failed: { url: string; error: string }[];
  requests: number;
  bytes: number;
}

export function fiaUpstream(config: Config, logger: Logger, signal?: AbortSignal): Upstream {
  return new Upstream({
    name: 'fia',
    budget: config.DATA_SYNC_BUDGET,
    baseDelayMs: config.DATA_SYNC_BACKOFF_MS,
    logger,
    ...(signal ? { signal } : {}),
  });
}

export async function fetchRulebook(
  config: Config,
  logger: Logger,
  opts: { seasons?: SeasonRange | null; upstream?: Upstream; manifest?: ManifestEntry[] } = {},
): Promise<FetchSummary> {
  const upstream = opts.upstream ?? fiaUpstream(config, logger);
  const items = planFetch(config, opts.seasons ?? null, opts.manifest);
  const summary: FetchSummary = { fetched: [], present: 0, failed: [], requests: 0, bytes: 0 };
  const partDir = join(resolve(config.DATA_SYNC_DIR), 'rulebook-downloads');
  mkdirSync(partDir, { recursive: true });
  for (const item of items) {
    if (item.skip) {
      summary.present++;
      continue;
    }
    const tmp = join(partDir, basename(item.dest));
    try {
      await upstream.download(item.entry.url, tmp);
      summary.fetched.push(placeDocument(config, tmp, basename(item.dest), logger));
    } catch (err) {
      summary.failed.push({ url: item.entry.url, error: (err as Error).message });
      logger.warn(
        { event: 'rulebook.fetch.failed', url: item.entry.url, error: (err as Error).message },
        'rulebook document not fetched',
      );
    } finally {
      rmSync(tmp, { force: true });
    }
  }
  summary.requests = upstream.requests;
  summary.bytes = upstream.bytes;
  return summary;
}

/** `rulebook add <file|url>`: a local PDF, or one downloaded first. */
export async function addDocument(
  config: Config,
  logger: Logger,
  fileOrUrl: string,
): Promise<PlacedDocument> {
  if (!/^https?:\/\//i.test(fileOrUrl)) {
    if (!existsSync(fileOrUrl)) throw badRequest(`no such file: ${fileOrUrl}`);
    return placeDocument(config, fileOrUrl, basename(fileOrUrl), logger);
  }
  const name = fileNameOf(fileOrUrl);
  const partDir = join(resolve(config.DATA_SYNC_DIR), 'rulebook-downloads');
  mkdirSync(partDir, { recursive: true });
  const tmp = join(partDir, name);
  try {
    await fiaUpstream(config, logger).download(fileOrUrl, tmp);
    return placeDocument(config, tmp, name, logger);
  } finally {
    rmSync(tmp, { force: true });
  }
}
