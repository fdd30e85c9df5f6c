// f1db from its GitHub releases: the latest release (`/repos/f1db/f1db/releases/latest`) is compared with
// the release recorded in the database (meta `f1db_release_tag`); a different tag (a new round, or a patch
// release YYYY.RR.MICRO with corrections) is downloaded, verified and imported aside, then swapped in.
//
// Which file: f1db's release assets are its generated exports (CSV, JSON, SQL dumps, a SQLite file in f1db's
// own schema); the importer reads f1db's YAML source tree (src/data), which only the tag's source tarball
// carries, so the tarball of the release's tag (`tarball_url`, redirected to codeload) is the one taken.
// Verification: the gzip stream's CRC and length and the tar framing are checked while it is unpacked
// (a cut or corrupt file fails there), the tree must be an f1db tree, and the import's own checks
// (YAML parse, references) run before anything is swapped. A bad archive is deleted (the next run downloads
// it afresh) and the database in place stays.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../../config.ts';
import { AppError } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import { readMetaOf } from '../import/importer.ts';
import { importInThread } from '../import/import-thread.ts';
import { SCHEMA_VERSION } from '../schema.ts';
import { Upstream } from './http.ts';
import type { SyncContext, SyncPlan, SyncSource } from './source.ts';

export interface GithubAsset {
  name: string;
  browser_download_url: string;
  size?: number;
  digest?: string | null;
}

export interface GithubRelease {
  tag_name: string;
  published_at: string;
  tarball_url?: string;
  assets: GithubAsset[];
}

export interface F1dbVersion {
  year: number;
  round: number;
  micro: number;
}

/** `v2026.20.1` / `2026.20.1` → its parts; null for a tag that is not an f1db version. */
export function parseF1dbVersion(tag: string): F1dbVersion | null {
  const m = /^v?(\d{4})\.(\d{1,3})\.(\d{1,3})$/.exec(tag.trim());
  return m ? { year: Number(m[1]), round: Number(m[2]), micro: Number(m[3]) } : null;
}

export function compareF1dbVersions(a: F1dbVersion, b: F1dbVersion): number {
  return a.year - b.year || a.round - b.round || a.micro - b.micro;
}

export interface InstalledRelease {
  tag: string | null;
  releaseDate: string | null;
  importedAt: string | null;
  schemaCurrent: boolean;
}

export function installedRelease(dbPath: string): InstalledRelease {
  const meta = readMetaOf(dbPath);
  return {
    tag: meta?.f1db_release_tag ?? null,
    releaseDate: meta?.f1db_release_date ?? null,
    importedAt: meta?.imported_at ?? null,
    schemaCurrent: meta?.schema_version === String(SCHEMA_VERSION),
  };
}

export function githubUpstream(config: Config, logger: Logger, signal?: AbortSignal): Upstream {
  return new Upstream({
    name: 'github',
    budget: config.DATA_SYNC_BUDGET,
    baseDelayMs: config.DATA_SYNC_BACKOFF_MS,
    headers: {
      'x-github-api-version': '2022-11-28',
      ...(config.GITHUB_TOKEN ? { authorization: `Bearer ${config.GITHUB_TOKEN}` } : {}),
    },
    logger,
    signal,
  });
}

export function latestReleaseUrl(config: Config): string {
  return `${config.GITHUB_API_URL.replace(/\/+$/, '')}/repos/${config.F1DB_REPO}/releases/latest`;
}

/** The download that carries the YAML source tree: a source asset if the release has one, else the tag tarball. */
export function sourceDownloadOf(config: Config, release: GithubRelease): string {
  const asset = release.assets.find((a) => /source.*\.tar\.gz$/i.test(a.name));
  if (asset) return asset.browser_download_url;
  return (
    release.tarball_url ??
    `${config.GITHUB_API_URL.replace(/\/+$/, '')}/repos/${config.F1DB_REPO}/tarball/${release.tag_name}`
  );
}

async function latest(upstream: Upstream, config: Config): Promise<GithubRelease> {
  const r = await upstream.json<GithubRelease>(latestReleaseUrl(config));
  if (typeof r?.tag_name !== 'string' || !Array.isArray(r.assets))
    throw new AppError('upstream_error', 'github: the latest f1db release has no tag_name/assets');
  if (!parseF1dbVersion(r.tag_name))
    throw new AppError(
      'upstream_error',
      `github: the latest f1db release "${r.tag_name}" is not a YYYY.RR.MICRO version`,
    );
  return r;
}

type Decision = { take: true } | { take: false; why: string };

function decide(installed: InstalledRelease, release: GithubRelease): Decision {
  if (!installed.schemaCurrent) return { take: true };
  if (installed.tag === release.tag_name) return { take: false, why: 'current' };
  const have = installed.tag ? parseF1dbVersion(installed.tag) : null;
  const next = parseF1dbVersion(release.tag_name)!;
  if (have && compareF1dbVersions(next, have) < 0)
    return { take: false, why: `upstream's latest ${release.tag_name} is older than the installed one` };
  return { take: true };
}

function describe(installed: InstalledRelease): string {
  return installed.tag
    ? `f1db ${installed.tag} (${installed.releaseDate?.slice(0, 10) ?? '?'})`
    : 'no f1db release';
}

export interface F1dbSyncResult {
  changed: boolean;
  summary: string;
  requests: number;
  bytes: number;
  version?: string;
}

/** The whole step, usable outside a sync run (the server's schedule calls it for DATA_SYNC=f1db). */
export async function syncF1dbRelease(
  config: Config,
  logger: Logger,
  opts: { progress?: SyncContext['progress']; signal?: AbortSignal; upstream?: Upstream } = {},
): Promise<F1dbSyncResult> {
  const upstream = opts.upstream ?? githubUpstream(config, logger, opts.signal);
  const dbPath = resolve(config.DATABASE_PATH);
  const installed = installedRelease(dbPath);
  const release = await latest(upstream, config);
  const decision = decide(installed, release);
  if (!decision.take) {
    logger.info(
      { event: 'data.sync.f1db.current', version: installed.tag, latest: release.tag_name },
      `f1db ${installed.tag}: ${decision.why}`,
    );
    return {
      changed: false,
      summary: `${describe(installed)}: ${decision.why}`,
      requests: upstream.requests,
      bytes: upstream.bytes,
      version: installed.tag ?? undefined,
    };
  }
  const dir = resolve(config.DATA_SYNC_DIR, 'f1db');
  mkdirSync(dir, { recursive: true });
  // Only the archive of the release being taken is kept (a .part of it resumes); older ones go.
  const file = join(dir, `f1db-${release.tag_name}.tar.gz`);
  for (const f of readdirSync(dir))
    if (!f.startsWith(`f1db-${release.tag_name}.tar.gz`)) rmSync(join(dir, f), { force: true });
  const url = sourceDownloadOf(config, release);
  if (!existsSync(file)) {
    const bar = opts.progress?.(`f1db ${release.tag_name}`);
    const d = await upstream.download(url, file, {
      onProgress: (n, total) => bar?.update(n, total ?? Math.max(n, 1), `${(n / 1e6).toFixed(1)} MB`),
    });
    bar?.done(
      `${(d.bytes / 1e6).toFixed(1)} MB${d.resumedFrom ? `, resumed at ${(d.resumedFrom / 1e6).toFixed(1)} MB` : ''}`,
    );
  }
  try {
    // In a worker thread: a serving process keeps answering while the new database is built.
    const summary = await importInThread(
      {
        source: file,
        dbPath,
        version: release.tag_name.replace(/^v/, ''),
        meta: {
          f1db_release_tag: release.tag_name,
          f1db_release_date: release.published_at,
          f1db_release_url: url,
        },
        ...(config.ERGAST_CSV_DIR ? { ergastCsvDir: config.ERGAST_CSV_DIR } : {}),
      },
      logger,
    );
    rmSync(file, { force: true });
    return {
      changed: true,
      summary: `${describe(installed)} → f1db ${release.tag_name} (${release.published_at.slice(0, 10)}), imported in ${(summary.durationMs / 1000).toFixed(1)} s`,
      requests: upstream.requests,
      bytes: upstream.bytes,
      version: release.tag_name,
    };
  } catch (err) {
    // A corrupt or unreadable archive: delete it so the next run downloads it again; the database stays.
    rmSync(file, { force: true });
    throw new AppError(
      'upstream_error',
      `f1db ${release.tag_name} from ${url} could not be imported (${(err as Error).message}); keeping ${describe(installed)}`,
    );
  }
}

export const f1dbReleaseSource: SyncSource = {
  name: 'f1db',
  description: "f1db's latest GitHub release (YAML source of the tag), imported aside and swapped in",
  async plan(ctx): Promise<SyncPlan> {
    const upstream = githubUpstream(ctx.config, ctx.logger, ctx.signal);
    const installed = installedRelease(resolve(ctx.config.DATABASE_PATH));
    const release = await latest(upstream, ctx.config);
    const decision = decide(installed, release);
    const note = `installed ${describe(installed)}, latest ${release.tag_name} (${release.published_at.slice(0, 10)})`;
    if (!decision.take) return { items: [], note: `${note}: ${decision.why}` };
    return {
      items: [
        { label: `f1db ${release.tag_name} source tarball`, url: sourceDownloadOf(ctx.config, release) },
      ],
      note,
    };
  },
  async sync(ctx) {
    return syncF1dbRelease(ctx.config, ctx.logger, { progress: ctx.progress, signal: ctx.signal });
  },
};
