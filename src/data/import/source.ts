// Where the f1db source tree comes from: a local directory, or the source tarball downloaded from its
// public repository and unpacked into a temporary directory.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar';
import { AppError, badRequest } from '../../errors.ts';
import type { Logger } from '../../logger.ts';

/** The upstream commit a local f1db tree was taken at (its UPSTREAM_COMMIT file), without reading the tree. */
export function localUpstreamCommit(source: string): string | null {
  if (isUrl(source) || !existsSync(source) || !statSync(source).isDirectory()) return null;
  return upstreamCommitOf(resolve(source));
}

export interface F1dbSource {
  /** The `src/data` directory of the f1db tree. */
  dataDir: string;
  /** Upstream commit when known (UPSTREAM_COMMIT file), else null. */
  upstreamCommit: string | null;
  /** Removes any temporary download. */
  cleanup(): void;
}

function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

function dataDirOf(root: string): string | null {
  const candidates = [join(root, 'src', 'data'), root];
  return candidates.find((d) => existsSync(join(d, 'seasons')) && existsSync(join(d, 'drivers'))) ?? null;
}

function upstreamCommitOf(root: string): string | null {
  const file = join(root, 'UPSTREAM_COMMIT');
  if (!existsSync(file)) return null;
  return readFileSync(file, 'utf8').trim().split(/\s+/)[0] ?? null;
}

function isTarball(s: string): boolean {
  return /\.(tar\.gz|tgz)$/i.test(s) && existsSync(s) && statSync(s).isFile();
}

/** Only the f1db data and the commit file are unpacked; `strict` turns tar's warnings (bad framing) into errors. */
function untar(dir: string) {
  return tar.x({
    cwd: dir,
    strip: 1,
    strict: true,
    filter: (p) => /\/src\/data\/|\/UPSTREAM_COMMIT$/.test(p) || !p.includes('/'),
  });
}

/** A downloaded source tarball (an f1db release), unpacked into a temporary directory; a corrupt file throws. */
async function unpackTarball(file: string, logger: Logger): Promise<F1dbSource> {
  const dir = mkdtempSync(join(tmpdir(), 'f1db-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    try {
      await pipeline(createReadStream(file), untar(dir));
    } catch (err) {
      throw new AppError(
        'upstream_error',
        `${file} is not a readable f1db tarball (${(err as Error).message})`,
      );
    }
    const dataDir = dataDirOf(dir);
    if (!dataDir) throw new AppError('upstream_error', `${file} is not an f1db source tarball (no src/data)`);
    logger.debug({ event: 'data.download.unpacked', file }, 'f1db tarball unpacked');
    return { dataDir, upstreamCommit: upstreamCommitOf(dir), cleanup };
  } catch (err) {
    cleanup();
    throw err;
  }
}

export async function resolveSource(source: string, logger: Logger): Promise<F1dbSource> {
  if (!isUrl(source) && isTarball(source)) return unpackTarball(resolve(source), logger);
  if (!isUrl(source)) {
    const root = resolve(source);
    if (!existsSync(root) || !statSync(root).isDirectory()) {
      throw badRequest(`f1db source directory not found: ${root}`);
    }
    const dataDir = dataDirOf(root);
    if (!dataDir)
      throw badRequest(`${root} is not an f1db source tree (no src/data/seasons and src/data/drivers)`);
    return { dataDir, upstreamCommit: upstreamCommitOf(root), cleanup: () => {} };
  }
  const dir = mkdtempSync(join(tmpdir(), 'f1db-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    logger.info({ event: 'data.download.started', url: source }, 'downloading the f1db source tarball');
    let res: Response;
    try {
      res = await fetch(source, { redirect: 'follow', signal: AbortSignal.timeout(300_000) });
    } catch (err) {
      throw new AppError(
        'upstream_error',
        `Could not download f1db from ${source} (${(err as Error).message}). Offline? Clone https://github.com/f1db/f1db and set F1DB_DIR.`,
      );
    }
    if (!res.ok || !res.body) {
      throw new AppError('upstream_error', `Downloading f1db from ${source} failed: HTTP ${res.status}`);
    }
    await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), untar(dir));
    const dataDir = dataDirOf(dir);
    if (!dataDir)
      throw new AppError('upstream_error', `The download from ${source} is not an f1db source tarball`);
    logger.info({ event: 'data.download.done', url: source }, 'f1db source unpacked');
    return { dataDir, upstreamCommit: upstreamCommitOf(dir), cleanup };
  } catch (err) {
    cleanup();
    throw err;
  }
}

/** A stable fingerprint of the source content, so an unchanged tree can be recognised. */
export function contentHash(files: { path: string; text: string }[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(f.path).update('\0').update(f.text).update('\0');
  return h.digest('hex').slice(0, 16);
}
