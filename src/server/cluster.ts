// A local cluster, as compose.yaml runs it: N server nodes (`race-engineer serve`) sharing PostgreSQL for
// state (DATABASE_URL), Redis for the live bus (LIVE_BUS=redis) and a Chroma server for the rulebook vectors
// (VECTOR_STORE=chroma), with nginx in front (deploy/nginx.conf). Used by `race-engineer cluster`
// (scripts/cluster.sh), the cluster test and bench:cluster. Redis and Chroma are started here on free ports
// unless REDIS_URL / CHROMA_URL are given; PostgreSQL is the server DATABASE_URL names. nginx is the Debian
// package: missing, it is installed (apt-get, as root) or the start fails saying how to install it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChromaServer, type ChromaServer } from '../rulebook/chroma-server.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const NGINX_TEMPLATE = join(ROOT, 'deploy/nginx.conf');

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });
}

export interface ClusterOptions {
  /** PostgreSQL for state (required: the point of a cluster). */
  databaseUrl: string;
  nodes?: number;
  /** nginx's port (0: a free one). */
  port?: number;
  redisUrl?: string;
  chromaUrl?: string;
  /** Extra environment for every node. */
  env?: Record<string, string>;
  /** Where logs and configuration go (default: a temporary folder, removed on stop). */
  dir?: string;
  log?: (line: string) => void;
}

export interface ClusterNode {
  readonly index: number;
  readonly port: number;
  readonly url: string;
  readonly pid: number | undefined;
  readonly alive: boolean;
  /** Sends a signal (SIGKILL: the crash case; SIGTERM: a graceful stop) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Starts the node again on the same port and waits until it is ready. */
  start(): Promise<void>;
}

export interface Cluster {
  /** nginx: what clients use. */
  readonly url: string;
  readonly nodes: ClusterNode[];
  readonly dir: string;
  /** Each node in turn: SIGTERM, wait, start, ready, settle. */
  rollingRestart(settleMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** nginx's path, installing the Debian package when it is missing and we may (root with apt-get). */
export function ensureNginx(log: (line: string) => void = () => undefined): string {
  const found = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'].find((p) => existsSync(p));
  if (found) return found;
  const root = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (!root || !hasApt)
    throw new Error(
      'nginx is not installed: run "apt-get install -y nginx" (the cluster uses it as its load balancer)',
    );
  log('nginx missing: apt-get install -y nginx');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let r = spawnSync('apt-get', ['install', '-y', '-qq', 'nginx'], {
    env,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (r.status !== 0) {
    spawnSync('apt-get', ['update', '-qq'], { env, timeout: 300_000 });
    r = spawnSync('apt-get', ['install', '-y', '-qq', 'nginx'], { env, encoding: 'utf8', timeout: 300_000 });
  }
  const path = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
  if (!path)
    throw new Error(
      `nginx could not be installed (apt-get install -y nginx): ${r.stderr?.slice(-300) ?? ''}`,
    );
  return path;
}

/** deploy/nginx.conf with this cluster's upstreams, port and paths (everything else as in production). */
export function localNginxConf(template: string, nodePorts: number[], port: number, dir: string): string {
  const begin = template.indexOf('# upstream:begin');
  const end = template.indexOf('# upstream:end');
  if (begin < 0 || end < 0) throw new Error('deploy/nginx.conf lost its upstream markers');
  // The template's server lines name its nodes; each distinct set of parameters (primary, backup) is
  // repeated for every local node port, the other lines kept as they are.
  const body = template.slice(begin, end).split('\n').slice(1);
  const server = /^\s*server\s+\S+\s*(.*?);\s*$/;
  const params = [...new Set(body.flatMap((l) => server.exec(l)?.[1] ?? []))];
  if (params.length === 0) throw new Error('deploy/nginx.conf has no server lines in its upstream block');
  const firstServer = body.findIndex((l) => server.test(l));
  const lastServer = body.findLastIndex((l) => server.test(l));
  const servers = params.flatMap((p) => nodePorts.map((port) => `    server 127.0.0.1:${port} ${p};`));
  const upstream = [...body.slice(0, firstServer), ...servers, ...body.slice(lastServer + 1)]
    .join('\n')
    .trim();
  const tmp = join(dir, 'nginx-tmp');
  const http = [
    `client_body_temp_path ${tmp}/body;`,
    `proxy_temp_path ${tmp}/proxy;`,
    `fastcgi_temp_path ${tmp}/fastcgi;`,
    `uwsgi_temp_path ${tmp}/uwsgi;`,
    `scgi_temp_path ${tmp}/scgi;`,
  ].join('\n  ');
  const conf =
    `${template.slice(0, begin)}${upstream}\n  ${template.slice(end + '# upstream:end'.length).trimStart()}`
      .replace(/listen 8080;/, `listen 127.0.0.1:${port};`)
      .replace(/http \{\n/, `http {\n  ${http}\n`);
  return `daemon off;\npid ${dir}/nginx.pid;\nerror_log ${dir}/nginx-error.log warn;\n${conf}`;
}

async function waitReady(
  url: string,
  proc: () => ChildProcess | undefined,
  timeoutMs: number,
  logFile: string,
) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const p = proc();
    if (!p || p.exitCode !== null || p.signalCode !== null)
      throw new Error(`${url} exited before it was ready: ${tail(logFile)}`);
    try {
      const r = await fetch(`${url}/api/health/ready`);
      if (r.ok) return;
      last = await r.text();
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms (${last.slice(0, 300)}): ${tail(logFile)}`);
}

const tail = (file: string) => {
  try {
    return readFileSync(file, 'utf8').slice(-800);
  } catch {
    return '';
  }
};

function exited(p: ChildProcess): Promise<number | null> {
  if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve(p.exitCode);
  return new Promise((r) => p.once('exit', (code) => r(code)));
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const log = options.log ?? (() => undefined);
  const ownDir = options.dir === undefined;
  const dir = options.dir ? resolve(options.dir) : mkdtempSync(join(tmpdir(), 'race-engineer-cluster-'));
  mkdirSync(dir, { recursive: true });
  const started: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const s of started.reverse()) await s().catch(() => undefined);
    started.length = 0;
    if (ownDir) rmSync(dir, { recursive: true, force: true });
  };
  try {
    const nginxBin = ensureNginx(log);

    // Redis for the live bus.
    let redisUrl = options.redisUrl;
    if (!redisUrl) {
      const port = await freePort();
      const redis = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        {
          stdio: ['ignore', 'ignore', 'ignore'],
        },
      );
      started.push(async () => {
        redis.kill('SIGTERM');
        await exited(redis);
      });
      redisUrl = `redis://127.0.0.1:${port}`;
      const deadline = Date.now() + 10_000;
      for (;;) {
        if (redis.exitCode !== null) throw new Error('redis-server did not start (is it installed?)');
        const up = await new Promise<boolean>((r) => {
          const s = new Socket();
          s.once('connect', () => (s.destroy(), r(true)));
          s.once('error', () => r(false));
          s.connect(port, '127.0.0.1');
        });
        if (up) break;
        if (Date.now() > deadline) throw new Error('redis-server did not listen');
        await new Promise((r) => setTimeout(r, 100));
      }
      log(`redis ${redisUrl}`);
    }

    // Chroma for the rulebook vectors.
    let chromaUrl = options.chromaUrl;
    if (!chromaUrl) {
      const chroma: ChromaServer = await startChromaServer(60_000);
      started.push(() => chroma.stop());
      chromaUrl = chroma.url;
      log(`chroma ${chromaUrl}`);
    }

    const count = options.nodes ?? 2;
    const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
    const nodes: ClusterNode[] = ports.map((port, index) => {
      let proc: ChildProcess | undefined;
      const url = `http://127.0.0.1:${port}`;
      const logFile = join(dir, `node-${index + 1}.log`);
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: options.databaseUrl,
        LIVE_BUS: 'redis',
        REDIS_URL: redisUrl,
        VECTOR_STORE: 'chroma',
        CHROMA_URL: chromaUrl,
        // Per node: the BM25 half of the rulebook and the (unused with DATABASE_URL) SQLite store paths.
        RULEBOOK_DB_PATH: join(dir, `node-${index + 1}-rulebook.db`),
        CHATS_DB_PATH: join(dir, `node-${index + 1}-chats.db`),
        ANALYSIS_DB_PATH: join(dir, `node-${index + 1}-analysis.db`),
        ...options.env,
      };
      const node: ClusterNode = {
        index,
        port,
        url,
        get pid() {
          return proc?.pid;
        },
        get alive() {
          return proc !== undefined && proc.exitCode === null && proc.signalCode === null;
        },
        async start() {
          if (node.alive) return;
          const fd = openSync(logFile, 'a');
          proc = spawn(process.execPath, [join(ROOT, 'bin/race-engineer.js'), 'serve'], {
            cwd: ROOT,
            env,
            stdio: ['ignore', fd, fd],
          });
          closeSync(fd);
          await waitReady(url, () => proc, 120_000, logFile);
          log(`node ${index + 1} ${url} ready (pid ${proc.pid})`);
        },
        async stop(signal: NodeJS.Signals = 'SIGTERM') {
          const p = proc;
          if (!p || !node.alive) return p?.exitCode ?? null;
          p.kill(signal);
          const code = await exited(p);
          return code;
        },
      };
      return node;
    });
    started.push(async () => {
      await Promise.all(nodes.map((n) => n.stop('SIGTERM')));
    });
    // The first node applies the migrations; the others then start together.
    await nodes[0]!.start();
    await Promise.all(nodes.slice(1).map((n) => n.start()));

    const port = options.port || (await freePort());
    mkdirSync(join(dir, 'nginx-tmp'), { recursive: true });
    chmodSync(join(dir, 'nginx-tmp'), 0o777);
    const confPath = join(dir, 'nginx.conf');
    writeFileSync(confPath, localNginxConf(readFileSync(NGINX_TEMPLATE, 'utf8'), ports, port, dir));
    const test = spawnSync(nginxBin, ['-t', '-q', '-p', dir, '-c', confPath], { encoding: 'utf8' });
    if (test.status !== 0) throw new Error(`nginx configuration rejected: ${test.stderr}`);
    const nginx = spawn(nginxBin, ['-p', dir, '-c', confPath], { stdio: ['ignore', 'ignore', 'pipe'] });
    let nginxErr = '';
    nginx.stderr?.on('data', (d: Buffer) => (nginxErr += d.toString()));
    started.push(async () => {
      nginx.kill('SIGQUIT');
      await Promise.race([exited(nginx), new Promise((r) => setTimeout(r, 5000))]);
      if (nginx.exitCode === null && nginx.signalCode === null) nginx.kill('SIGKILL');
    });
    const url = `http://127.0.0.1:${port}`;
    await waitReady(url, () => nginx, 20_000, join(dir, 'nginx-error.log')).catch((err: Error) => {
      throw new Error(`${err.message} ${nginxErr}`);
    });
    log(`nginx ${url} → ${ports.map((p) => `127.0.0.1:${p}`).join(', ')}`);

    return {
      url,
      nodes,
      dir,
      async rollingRestart(settleMs = 2000) {
        for (const n of nodes) {
          await n.stop('SIGTERM');
          await n.start();
          // As an orchestrator's minimum ready time: nginx (passive checks) sees the node back before the
          // next one goes.
          await new Promise((r) => setTimeout(r, settleMs));
        }
      },
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
