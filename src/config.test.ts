import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('config', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      PORT: 8000,
      DATABASE_PATH: './data/race-engineer.db',
      RULEBOOK_TOP_K: 6,
      WS_HEARTBEAT_INTERVAL: 15,
      WS_STALE_TIMEOUT: 60,
      TOOL_TIMEOUT: 30,
      isProduction: false,
    });
  });

  it('names the variable of a bad value in one line', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc' });
    } catch (e) {
      expect((e as Error).message).toMatch(/^Invalid configuration: PORT .*\(got "abc"\)$/);
      expect((e as Error).message).not.toContain('\n');
    }
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ VECTOR_STORE: 'faiss' })).toThrow(/VECTOR_STORE/);
  });

  it('treats ENVIRONMENT=production as production and splits origin lists', () => {
    const c = loadConfig({
      ENVIRONMENT: 'production',
      ALLOWED_ORIGINS: 'https://a.example, https://b.example',
    });
    expect(c.isProduction).toBe(true);
    expect(c.ALLOWED_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
  });

  it('reads every data source from one F1_DATA_DIR, an explicit variable winning', () => {
    const c = loadConfig({ F1_DATA_DIR: '/data/', LAPS_DIR: '/elsewhere/laps' });
    expect(c.F1DB_DIR).toBe('/data/f1db');
    expect(c.RULEBOOK_DIR).toBe('/data/rulebook');
    expect(c.ERGAST_CSV_DIR).toBe('/data/ergast-csv/data');
    expect(c.CIRCUITS_GEOJSON_DIR).toBe('/data/circuits-geojson');
    expect(c.LAPS_DIR).toBe('/elsewhere/laps');
    expect(loadConfig({}).F1DB_DIR).toBeUndefined();
  });
});
