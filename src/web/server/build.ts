// Builds the web client when dist/web is missing or older than its sources, so `npm start` and the
// browser tests always serve the current client without a separate manual step.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WEB_DIST_DIR } from './routes.ts';

const WEB_DIR = fileURLToPath(new URL('..', import.meta.url));
/** Folders under src/web that are not part of the client bundle. */
const NOT_CLIENT = new Set(['server', 'e2e']);

function newestMtime(dir: string, top = true): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (top && NOT_CLIENT.has(entry.name)) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path, false) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when dist/web/index.html is missing or older than any client source file. */
export function webBuildIsStale(distDir = WEB_DIST_DIR): boolean {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return true;
  return newestMtime(WEB_DIR) > statSync(index).mtimeMs;
}

/** Runs `vite build` for the client; resolves when done, rejects with vite's output on failure. */
export function buildWeb(): Promise<void> {
  // vite's package exports hide bin/, so find it beside its package.json.
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--config', join(WEB_DIR, 'vite.config.ts')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build failed (exit ${code}):\n${output}`)),
    );
  });
}

/** Builds the client only when needed; returns whether it built. */
export async function ensureWebBuild(): Promise<boolean> {
  if (!webBuildIsStale()) return false;
  await buildWeb();
  return true;
}
