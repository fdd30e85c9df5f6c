// The web client's dev server proxies the API to where the server listens: HOST and PORT from the one config.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';

describe('vite dev proxy', () => {
  it('targets the configured server port (8000 by default, not 3000)', async () => {
    const { default: vite } = await import('./vite.config.ts');
    const target = (vite.server?.proxy?.['/api'] as { target: string }).target;
    expect(target).toBe(`http://127.0.0.1:${loadConfig().PORT}`);
  });
});
