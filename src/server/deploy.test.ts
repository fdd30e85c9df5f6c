// The Dockerfile and compose.yaml cannot be built or run on this machine (no docker engine, no registry to
// pull base images from), so this checks what can be checked: every command they run exists in the CLI,
// every variable they set is one src/config.ts reads, and they mirror the tested cluster (same command,
// same variables, the same nginx file).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../config.ts';
import { NGINX_TEMPLATE } from './cluster.ts';

const dockerfile = readFileSync('Dockerfile', 'utf8');
type Service = {
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  healthcheck?: { test: string[] };
  image?: string;
  build?: string;
};
const raw = loadYaml(readFileSync('compose.yaml', 'utf8')) as {
  services: Record<string, Service & { '<<'?: Service }>;
};
// YAML merge keys (`<<: *app`) as Compose applies them: the anchor's keys, then the service's own.
const compose = {
  services: Object.fromEntries(
    Object.entries(raw.services).map(([name, { '<<': base, ...own }]) => [name, { ...base, ...own }]),
  ) as Record<string, Service>,
};
const apps = Object.entries(compose.services).filter(([, s]) => s.build !== undefined);

/** `race-engineer <cmd> [args]` runs; --help on that command exits 0. */
function cliHas(args: string[]): boolean {
  const r = spawnSync(process.execPath, ['bin/race-engineer.js', ...args, '--help'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return r.status === 0;
}

describe('Dockerfile', () => {
  const joined = dockerfile.replace(/\\\n/g, ' ');
  it('is multi-stage on Node 20, installs production dependencies only, runs as a non-root user with volumes and a health check', () => {
    const froms = [...joined.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]!);
    expect(froms.length).toBeGreaterThanOrEqual(2);
    expect(froms.every((f) => /^node:20[-.]/.test(f))).toBe(true);
    expect(joined).toMatch(/npm ci --omit=dev/);
    expect(joined).toMatch(/^USER node$/m);
    expect(joined).toMatch(/^VOLUME \["\/data", "\/index"\]/m);
    expect(joined).toMatch(/^HEALTHCHECK .*\/api\/health\/live/m);
  });

  it('sets only variables the configuration reads, and its CMD is a CLI command', () => {
    const env = /^ENV (.*)$/m.exec(joined)![1]!;
    const names = [...env.matchAll(/([A-Z_][A-Z0-9_]*)=/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(3);
    for (const n of names) expect(CONFIG_VARIABLES, n).toContain(n);
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(joined)![1]!) as string[];
    expect(cmd.slice(0, 2)).toEqual(['node', 'bin/race-engineer.js']);
    expect(cliHas(cmd.slice(2))).toBe(true);
    const port = /PORT=(\d+)/.exec(env)![1];
    expect(joined).toMatch(new RegExp(`^EXPOSE ${port}$`, 'm'));
  });

  it('copies only paths that exist', () => {
    for (const m of joined.matchAll(/^COPY (?!--from)(.*) \S+$/gm))
      for (const p of m[1]!.split(/\s+/)) expect(existsSync(p), p).toBe(true);
  });
});

describe('compose.yaml', () => {
  it('has two app nodes, nginx, postgres, redis and chroma', () => {
    expect(apps.map(([n]) => n).sort()).toEqual(['app1', 'app2']);
    for (const s of ['nginx', 'postgres', 'redis', 'chroma']) expect(compose.services[s], s).toBeDefined();
  });

  it('the app nodes run a CLI command with variables the configuration reads, the same ones the tested cluster sets', async () => {
    const clusterSource = readFileSync('src/server/cluster.ts', 'utf8');
    expect(apps).toHaveLength(2);
    for (const [name, app] of apps) {
      expect(app.command!.slice(0, 2)).toEqual(['node', 'bin/race-engineer.js']);
      expect(cliHas(app.command!.slice(2)), name).toBe(true);
      expect(clusterSource).toContain(`'bin/race-engineer.js'), '${app.command![2]}'`);
      const vars = Object.keys(app.environment!);
      for (const v of vars) expect(CONFIG_VARIABLES, `${name}: ${v}`).toContain(v);
      // What makes it a cluster, as in cluster.ts.
      expect(app.environment).toMatchObject({ LIVE_BUS: 'redis', VECTOR_STORE: 'chroma' });
      for (const v of ['DATABASE_URL', 'REDIS_URL', 'CHROMA_URL', 'HOST', 'PORT', 'RULEBOOK_DB_PATH'])
        expect(clusterSource, v).toMatch(new RegExp(`\\b${v}:`));
      expect(app.environment!.DATABASE_URL).toMatch(/^postgres:\/\//);
      expect(app.healthcheck!.test.join(' ')).toMatch(/\/api\/health\/ready/);
    }
  });

  it('nginx runs deploy/nginx.conf, the file the tested cluster uses, pointing at app1 and app2 on the app port', () => {
    const nginx = compose.services.nginx!;
    expect(nginx.volumes).toContain('./deploy/nginx.conf:/etc/nginx/nginx.conf:ro');
    expect(NGINX_TEMPLATE.endsWith('deploy/nginx.conf')).toBe(true);
    const conf = readFileSync('deploy/nginx.conf', 'utf8');
    const port = apps[0]![1].environment!.PORT;
    for (const [name] of apps) expect(conf).toMatch(new RegExp(`server ${name}:${port} `));
  });
});
