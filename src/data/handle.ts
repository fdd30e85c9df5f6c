// The F1 database of a running server, swappable without a restart. An import (a sync, or `data import`
// from another process) renames a complete new file over DATABASE_PATH; this handle notices (a stat at most
// once a second, or `refresh()` right after an in-process sync), opens the new file and retires the old one.
//
// Requests in flight finish on the version they started with: `pinRequests` gives each request a lease on
// the current version (AsyncLocalStorage), so every `db()` inside it answers from that version, and a
// retired version is closed only when its last lease ends (and a grace period passed, for work that holds a
// handle outside a request). Every version is opened through its own hard link (`<db>.open-<pid>-<n>`), so
// `db().name` names exactly that version: the SQL tool's query processes open that path and the agent's
// tools and its SQL see the same data. Caches keyed per handle (memoPerDb: JSON texts, name indexes,
// prepared statements) start empty for the new version by construction; `onSwap` listeners drop the others.
import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync, linkSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Logger } from '../logger.ts';
import { databaseProblem, openDatabase, readMeta, type Db } from './db.ts';

export interface DataVersion {
  /** f1db version (`2026.20.1`), or the upstream commit / content hash of a local import. */
  version: string | null;
  /** Publication time of the f1db release (synced releases only). */
  releaseDate: string | null;
  importedAt: string | null;
}

interface Version {
  db: Db;
  ino: number;
  mtimeMs: number;
  link: string | null;
  leases: number;
  retiredAt: number | null;
  meta: DataVersion;
}

export interface Lease {
  release(): void;
}

interface Pin {
  version: Version;
  released: boolean;
}

export interface DbHandleOptions {
  logger: Logger;
  /** How often `db()` stats the file for a replacement (ms). */
  checkIntervalMs?: number;
  /** A retired version stays open at least this long (ms), for work holding it outside a request. */
  retireGraceMs?: number;
}

let linkCounter = 0;

export class DbHandle {
  private current: Version | undefined;
  private readonly retired = new Set<Version>();
  private readonly pins = new AsyncLocalStorage<Pin>();
  private readonly listeners = new Set<(v: DataVersion) => void>();
  private lastCheck = 0;
  private closeTimer: NodeJS.Timeout | undefined;
  private readonly checkIntervalMs: number;
  private readonly retireGraceMs: number;
  private closed = false;
  readonly path: string;

  constructor(
    path: string,
    private readonly opts: DbHandleOptions,
  ) {
    this.path = resolve(path);
    this.checkIntervalMs = opts.checkIntervalMs ?? 1000;
    this.retireGraceMs = opts.retireGraceMs ?? 30_000;
    removeLeftoverLinks(this.path);
  }

  /** The database: the request's pinned version, else the current one (opened on first use). */
  db(): Db {
    const pin = this.pins.getStore();
    if (pin && !pin.released) return pin.version.db;
    return this.now().db;
  }

  /** Metadata of the current version. */
  version(): DataVersion {
    return this.now().meta;
  }

  /** Runs `fn` with the current version pinned until the returned lease is released. */
  lease(): { lease: Lease; run<T>(fn: () => T): T } {
    const version = this.now();
    version.leases++;
    const pin: Pin = { version, released: false };
    return {
      lease: {
        release: () => {
          if (pin.released) return;
          pin.released = true;
          version.leases--;
          if (version.retiredAt !== null) this.scheduleClose();
        },
      },
      run: (fn) => this.pins.run(pin, fn),
    };
  }

  /** Looks at the file now; swaps when it was replaced by a complete database. True when it swapped. */
  refresh(): boolean {
    this.lastCheck = Date.now();
    if (this.closed || !this.current) return false;
    let st;
    try {
      st = statSync(this.path);
    } catch {
      return false; // gone for a moment (never, with rename) or removed: keep serving what is open
    }
    if (st.ino === this.current.ino && st.mtimeMs === this.current.mtimeMs) return false;
    const problem = databaseProblem(this.path);
    if (problem) {
      this.opts.logger.error(
        { event: 'data.swap.refused', path: this.path, problem },
        `the new F1 database is ${problem}; still serving ${this.current.meta.version ?? 'the old one'}`,
      );
      // Remember it, so the same bad file is not re-examined every second.
      this.current.ino = st.ino;
      this.current.mtimeMs = st.mtimeMs;
      return false;
    }
    const old = this.current;
    const next = this.open();
    this.current = next;
    old.retiredAt = Date.now();
    this.retired.add(old);
    this.scheduleClose();
    this.opts.logger.info(
      {
        event: 'data.swap.done',
        from: old.meta.version,
        to: next.meta.version,
        releaseDate: next.meta.releaseDate,
      },
      `F1 database swapped: ${old.meta.version ?? '?'} → ${next.meta.version ?? '?'}`,
    );
    for (const l of this.listeners) {
      try {
        l(next.meta);
      } catch (err) {
        this.opts.logger.warn({ event: 'data.swap.listener_failed', err }, 'a swap listener failed');
      }
    }
    return true;
  }

  /** Called after every swap with the new version (cache owners drop what they keep). */
  onSwap(listener: (v: DataVersion) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Whether a version is open (metrics and health read nothing otherwise). */
  get opened(): boolean {
    return this.current !== undefined;
  }

  /** Versions still open after a swap (requests in flight on them); for tests and the benchmark. */
  get retiredOpen(): number {
    return this.retired.size;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.closeTimer);
    for (const v of [...this.retired, ...(this.current ? [this.current] : [])]) this.closeVersion(v);
    this.retired.clear();
    this.current = undefined;
  }

  private now(): Version {
    if (!this.current) {
      this.current = this.open();
      this.lastCheck = Date.now();
    } else if (Date.now() - this.lastCheck >= this.checkIntervalMs) {
      this.refresh();
    }
    return this.current;
  }

  private open(): Version {
    const db0 = openDatabase(this.path); // the how-to error when missing
    // The link is made from the open file's path right after opening: compare inodes, retry on a race.
    for (let attempt = 0; ; attempt++) {
      const st = statSync(this.path);
      const link = `${this.path}.open-${process.pid}-${++linkCounter}`;
      try {
        linkSync(this.path, link);
      } catch {
        return this.versionOf(db0, st.ino, st.mtimeMs, null); // no links here (read-only folder): the path itself
      }
      if (statSync(link).ino !== st.ino && attempt < 3) {
        rmSync(link, { force: true });
        continue;
      }
      db0.close();
      const db = openDatabase(link);
      return this.versionOf(db, st.ino, st.mtimeMs, link);
    }
  }

  private versionOf(db: Db, ino: number, mtimeMs: number, link: string | null): Version {
    const meta = readMeta(db);
    return {
      db,
      ino,
      mtimeMs,
      link,
      leases: 0,
      retiredAt: null,
      meta: {
        version: meta['f1db_version'] ?? null,
        releaseDate: meta['f1db_release_date'] ?? null,
        importedAt: meta['imported_at'] ?? null,
      },
    };
  }

  private scheduleClose(): void {
    clearTimeout(this.closeTimer);
    const now = Date.now();
    let next = Infinity;
    for (const v of this.retired) {
      const due = v.retiredAt! + this.retireGraceMs;
      if (v.leases === 0 && due <= now) {
        this.closeVersion(v);
        this.retired.delete(v);
      } else if (v.leases === 0) next = Math.min(next, due - now);
    }
    if (next !== Infinity) {
      this.closeTimer = setTimeout(() => this.scheduleClose(), next);
      this.closeTimer.unref();
    }
  }

  private closeVersion(v: Version): void {
    try {
      v.db.close();
    } catch {
      // already closed
    }
    if (v.link) rmSync(v.link, { force: true });
  }
}

/** Hard links of versions opened by processes no longer running. */
function removeLeftoverLinks(path: string): void {
  const dir = dirname(path);
  if (!existsSync(dir)) return;
  const prefix = `${basename(path)}.open-`;
  for (const f of readdirSync(dir)) {
    if (!f.startsWith(prefix)) continue;
    const pid = Number(f.slice(prefix.length).split('-')[0]);
    if (pid === process.pid || alive(pid)) continue;
    rmSync(join(dir, f), { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The part of a Fastify instance `pinRequests` needs (the data domain does not import the server). */
interface HookHost {
  addHook(
    name: 'onRequest',
    hook: (req: object, reply: unknown, done: (err?: Error) => void) => void,
  ): unknown;
  addHook(name: 'onResponse' | 'onRequestAbort', hook: (req: object) => Promise<void>): unknown;
}

/** Each request reads one version from its start to its end, even when a new one is swapped in meanwhile. */
export function pinRequests(app: HookHost, handle: DbHandle): void {
  const leases = new WeakMap<object, Lease>();
  app.addHook('onRequest', (req, _reply, done) => {
    let pinned: ReturnType<DbHandle['lease']>;
    try {
      pinned = handle.lease();
    } catch {
      done(); // no database yet: the routes that need it answer 503 themselves
      return;
    }
    leases.set(req, pinned.lease);
    pinned.run(() => done());
  });
  const end = async (req: object) => {
    leases.get(req)?.release();
    leases.delete(req);
  };
  app.addHook('onResponse', end);
  app.addHook('onRequestAbort', end);
}
