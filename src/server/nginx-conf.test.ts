// The local cluster's nginx configuration is deploy/nginx.conf with its node addresses replaced: every
// server line (primary and backup) repeated per local node, and nginx itself accepts the result.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureNginx, localNginxConf } from './cluster.ts';

const template = readFileSync(new URL('../../deploy/nginx.conf', import.meta.url), 'utf8');

describe('localNginxConf', () => {
  it('lists each local node as a primary and as a backup, and nginx -t accepts it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nginx-conf-'));
    try {
      const conf = localNginxConf(template, [5001, 5002, 5003], 9000, dir);
      const servers = conf.split('\n').filter((l) => /^\s*server\s+[^{\s]/.test(l));
      expect(servers.map((l) => l.trim())).toEqual([
        'server 127.0.0.1:5001 max_fails=1 fail_timeout=1s;',
        'server 127.0.0.1:5002 max_fails=1 fail_timeout=1s;',
        'server 127.0.0.1:5003 max_fails=1 fail_timeout=1s;',
        'server 127.0.0.1:5001 backup max_fails=0;',
        'server 127.0.0.1:5002 backup max_fails=0;',
        'server 127.0.0.1:5003 backup max_fails=0;',
      ]);
      expect(conf).not.toMatch(/app[12]:8000/);
      expect(conf).toContain('listen 127.0.0.1:9000;');
      mkdirSync(join(dir, 'nginx-tmp'));
      writeFileSync(join(dir, 'nginx.conf'), conf);
      const test = spawnSync(ensureNginx(), ['-t', '-q', '-p', dir, '-c', join(dir, 'nginx.conf')], {
        encoding: 'utf8',
      });
      expect(test.stderr).toBe('');
      expect(test.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a template without its upstream markers', () => {
    expect(() => localNginxConf('http {}', [5001], 9000, '/tmp')).toThrow(/upstream markers/);
  });
});
