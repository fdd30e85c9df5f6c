// The one place configuration is read. Every variable is validated with zod at start-up;
// a bad value stops start-up with one line naming the variable (see ConfigError).
import { existsSync } from 'node:fs';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const seconds = (def: number) => z.coerce.number().positive().default(def);
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));
const csv = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

export const F1DB_DEFAULT_SOURCE_URL = 'https://github.com/f1db/f1db/archive/refs/heads/main.tar.gz';

const schema = z.object({
  // --- server ---
  PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  HOST: z.string().default('127.0.0.1'),
  /** Seconds a SIGTERM waits for requests in flight before the process exits anyway. */
  SHUTDOWN_TIMEOUT: seconds(15),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  ENVIRONMENT: z.enum(['development', 'production', 'test']).optional(),
  ALLOWED_ORIGINS: csv,
  /**
   * Host names (Host header, port ignored) the server answers; anything else gets 421 (DNS rebinding).
   * Empty: the loopback names, HOST when it is a name or address other than 0.0.0.0/::, and PUBLIC_URL's host.
   * `*` turns the check off.
   */
  ALLOWED_HOSTS: csv,
  /** The public base URL of this server (https://f1.example.org); links the server prints (Ergast MRData.url). */
  PUBLIC_URL: z
    .string()
    .url()
    .optional()
    .transform((v) => v?.replace(/\/+$/, '')),
  /** Bearer tokens API clients may send (`Authorization: Bearer <token>`); each token is its own chat owner. */
  API_TOKENS: csv,
  /** Signs the anonymous-identity cookie (≥ 32 characters); unset: a random secret kept in CHATS_DB_PATH. */
  COOKIE_SECRET: z.string().min(32).optional(),
  // --- F1 data ---
  DATABASE_PATH: z.string().default('./data/race-engineer.db'),
  // --- run-time store (chats, tokens, tracker …; src/store/) ---
  /** postgres://user:pass@host:5432/db: every node shares chats and the rest there; unset: SQLite files. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** PostgreSQL connections per node. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  F1_DATA_DIR: optionalString,
  F1DB_DIR: optionalString,
  // Unset: `data import` downloads F1DB_DEFAULT_SOURCE_URL; `serve` only imports from a configured source.
  F1DB_SOURCE_URL: z.string().url().optional(),
  AUTO_IMPORT: bool.default(true),
  // --- data sync (docs/data-sync.md) ---
  /** What `serve` keeps current on its own: nothing, f1db releases, or every sync source (default: f1db, off in tests). */
  DATA_SYNC: z.enum(['off', 'f1db', 'all']).optional(),
  /** Seconds between checks; after a session ends by the calendar, DATA_SYNC_FAST_INTERVAL until f1db has it. */
  DATA_SYNC_INTERVAL: seconds(6 * 3600),
  DATA_SYNC_FAST_INTERVAL: seconds(15 * 60),
  /** Hours after a session's end the fast polling lasts (f1db usually releases within a day). */
  DATA_SYNC_FAST_WINDOW: z.coerce.number().positive().default(48),
  /** Requests one upstream may receive in one sync run (every retry counts). */
  DATA_SYNC_BUDGET: z.coerce.number().int().min(1).default(200),
  /** First backoff delay after a 429/5xx, in milliseconds (doubles per retry). */
  DATA_SYNC_BACKOFF_MS: z.coerce.number().int().min(0).default(2000),
  /** Downloads in progress (resumable .part files) and sync state. */
  DATA_SYNC_DIR: z.string().default('./data/sync'),
  /** The official live-timing static archive (`<year>/Index.json` → sessions → topics). */
  TIMING_ARCHIVE_URL: z.string().url().default('https://livetiming.formula1.com/static/'),
  /** Where `data sync --only timing` keeps the archived sessions (gzip topics, one folder per session). */
  TIMING_DIR: z.string().default('./data/timing'),
  /** Requests to the timing archive in one run: a season is ~70 sessions × 13 topics. */
  TIMING_SYNC_BUDGET: z.coerce.number().int().min(1).default(4000),
  /** Where `data sync --only openf1` keeps OpenF1 records (the OPENF1_DIR layout: openf1/<year>/<session_key>/). */
  OPENF1_CACHE_DIR: z.string().default('./data/openf1'),
  /** Requests to OpenF1 in one run: a season is ~60 sessions x 7 endpoints plus its session and meeting lists. */
  OPENF1_SYNC_BUDGET: z.coerce.number().int().min(1).default(2000),
  /** OpenF1's free-tier limits (3 requests a second, 30 a minute); the sync stays under both. */
  OPENF1_RATE_PER_SECOND: z.coerce.number().positive().default(3),
  OPENF1_RATE_PER_MINUTE: z.coerce.number().positive().default(30),
  /** Store provisional results from replayed recordings too (default: live sessions only). */
  PROVISIONAL_FROM_REPLAYS: bool.default(false),
  GITHUB_API_URL: z.string().url().default('https://api.github.com'),
  /** Optional: raises GitHub's API limit from 60 to 5000 requests an hour. */
  GITHUB_TOKEN: optionalString,
  F1DB_REPO: z
    .string()
    .regex(/^[\w.-]+\/[\w.-]+$/, 'must be owner/name')
    .default('f1db/f1db'),
  ERGAST_CSV_DIR: optionalString,
  LAPS_DIR: optionalString,
  OPENF1_DIR: optionalString,
  LIVETIMING_DIR: optionalString,
  CIRCUITS_GEOJSON_DIR: optionalString,
  // --- rulebook ---
  RULEBOOK_DIR: optionalString,
  /** `serve` ingests RULEBOOK_DIR in the background once listening (default: on, except NODE_ENV=test). */
  RULEBOOK_AUTO_INGEST: bool.optional(),
  RULEBOOK_DB_PATH: z.string().default('./data/rulebook.db'),
  /** The regulation documents `rulebook fetch` downloads (default: src/rulebook/manifest.json). */
  RULEBOOK_MANIFEST: optionalString,
  VECTOR_STORE: z.enum(['sqlite-vec', 'chroma']).default('sqlite-vec'),
  CHROMA_URL: z.string().url().default('http://127.0.0.1:8001'),
  /** `use-lite-512` (built in, offline) or `openai:<model>` for an OpenAI-compatible /embeddings endpoint. */
  EMBEDDING_MODEL_NAME: optionalString,
  /** The endpoint for `openai:<model>` embeddings (default OPENAI_BASE_URL), its key and vector size. */
  EMBEDDING_BASE_URL: z.string().url().optional(),
  EMBEDDING_API_KEY: optionalString,
  EMBEDDING_DIMENSIONS: z.coerce.number().int().min(8).max(8192).optional(),
  RULEBOOK_TOP_K: z.coerce.number().int().min(1).max(50).default(6),
  // --- agent ---
  TOOL_TIMEOUT: seconds(30),
  MAX_AGENT_TURNS: z.coerce.number().int().min(1).max(50).default(8),
  LLM_PROVIDER: z.enum(['auto', 'offline', 'openai', 'anthropic']).default('auto'),
  OPENAI_BASE_URL: z.string().url().default('https://api.openai.com/v1'),
  OPENAI_API_KEY: optionalString,
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  ANTHROPIC_BASE_URL: optionalString,
  ANTHROPIC_API_KEY: optionalString,
  ANTHROPIC_MODEL: z.string().default('claude-3-5-haiku-latest'),
  LLM_TIMEOUT: seconds(60),
  /** Tokens per UTC day the whole deployment may spend on the LLM (estimated); past it the offline engine answers. 0: no limit. */
  LLM_DAILY_TOKEN_BUDGET: z.coerce.number().int().min(0).default(0),
  /** LLM answers per identity (chat owner or client address) per UTC day; past it the offline engine answers. 0: no limit. */
  LLM_DAILY_ANSWERS_PER_IDENTITY: z.coerce.number().int().min(0).default(0),
  LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  TAVILY_API_KEY: optionalString,
  TAVILY_BASE_URL: z.string().url().default('https://api.tavily.com'),
  CHATS_DB_PATH: z.string().default('./data/chats.db'),
  CHAT_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  CHAT_MAX_MESSAGE_CHARS: z.coerce.number().int().min(100).default(4000),
  CHAT_MAX_MESSAGES: z.coerce.number().int().min(1).default(50),
  // --- SQL tool (query_f1_database, agent and MCP alike) ---
  /** Query processes kept ready (each runs one query at a time, at the lowest CPU priority). */
  SQL_WORKERS: z.coerce.number().int().min(1).max(8).default(2),
  /** Queries waiting for a free worker before new ones are refused as busy. */
  SQL_QUEUE: z.coerce.number().int().min(0).max(1000).default(16),
  /** Rows and bytes (JSON) of one result; past either the result is cut and says so. */
  SQL_MAX_ROWS: z.coerce.number().int().min(1).max(10_000).default(200),
  SQL_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(256 * 1024),
  /** Seconds one query may run (queue wait not included); the worker is killed and replaced past it. */
  SQL_TIMEOUT: seconds(5),
  // --- analysis ---
  ANALYSIS_DB_PATH: z.string().default('./data/analysis.db'),
  ANALYSIS_CACHE_DIR: z.string().default('./data/cache'),
  // lap tables parsed into ANALYSIS_CACHE_DIR by a thread at server start (unset: on, off in tests)
  ANALYSIS_WARMUP: bool.optional(),
  OPEN_METEO_URL: z.string().url().default('https://api.open-meteo.com'),
  OPEN_METEO_TIMEOUT: seconds(10),
  WEATHER_CACHE_TTL: seconds(600),
  // --- live timing ---
  WS_HEARTBEAT_INTERVAL: seconds(15),
  WS_STALE_TIMEOUT: seconds(60),
  REDIS_URL: optionalString,
  // local: this process ingests and fans out; redis: one node ingests per session, every node fans out (needs REDIS_URL)
  LIVE_BUS: z.enum(['local', 'redis']).default('local'),
  // what /api/live/current follows: the F1 SignalR feed, OpenF1 polling, or the latest recording
  LIVE_SOURCE: z.enum(['replay', 'f1', 'openf1']).default('replay'),
  F1_LIVE_URL: z.string().url().default('https://livetiming.formula1.com/signalrcore'),
  F1TV_TOKEN: optionalString,
  OPENF1_BASE_URL: z.string().url().default('https://api.openf1.org/v1'),
  OPENF1_POLL_INTERVAL: seconds(4),
  LIVE_BROADCAST_DELAY: z.coerce.number().min(0).max(300).default(0),
  // --- notifications (Web Push, docs/notifications.md) ---
  /** VAPID key pair (base64url, `npx web-push generate-vapid-keys`); unset: generated once and kept in the store. */
  VAPID_PUBLIC_KEY: optionalString,
  VAPID_PRIVATE_KEY: optionalString,
  /** Who push services contact about this sender: mailto: or https: (unset: PUBLIC_URL when https). */
  VAPID_SUBJECT: optionalString,
  /**
   * Push subscriptions and deliveries on SQLite (unless DATABASE_URL points at PostgreSQL); unset: push.db in
   * CHATS_DB_PATH's folder.
   */
  PUSH_DB_PATH: optionalString,
  /** The reminder and alert sender runs in `serve` (default: on, except NODE_ENV=test). */
  PUSH_SCHEDULER: bool.optional(),
  PUSH_TICK_INTERVAL: seconds(10),
  PUSH_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  /** Race alerts from replays too (demos); live sessions always alert. */
  PUSH_ALERTS_FROM_REPLAYS: bool.default(false),
});

export type Config = z.infer<typeof schema> & { isProduction: boolean };

/** Every variable the configuration reads (the deploy files are checked against it). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid configuration: ${variable} ${detail}`);
    this.name = 'ConfigError';
  }
}

/** Loads `.env` (when present) into process.env without overriding real environment variables. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/** Where each data source sits inside one data folder (`F1_DATA_DIR`), laid out as the published data set. */
export const DATA_DIR_LAYOUT = {
  F1DB_DIR: 'f1db',
  RULEBOOK_DIR: 'rulebook',
  LAPS_DIR: 'laps',
  OPENF1_DIR: 'openf1',
  LIVETIMING_DIR: 'livetiming',
  ERGAST_CSV_DIR: 'ergast-csv/data',
  CIRCUITS_GEOJSON_DIR: 'circuits-geojson',
} as const;

/**
 * `F1_DATA_DIR=/path/to/data` stands for every source variable above that is not set itself, so one
 * variable configures a complete data folder; an explicit `LAPS_DIR` (etc.) still wins.
 */
export function withDataDirDefaults(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const root = env.F1_DATA_DIR?.trim();
  if (!root) return env;
  const out = { ...env };
  for (const [variable, sub] of Object.entries(DATA_DIR_LAYOUT))
    if (!out[variable]?.trim()) out[variable] = `${root.replace(/\/+$/, '')}/${sub}`;
  return out;
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1', '[::1]'];

/** The Host names the server answers (see ALLOWED_HOSTS); `['*']` for any. */
export function allowedHosts(config: Pick<Config, 'ALLOWED_HOSTS' | 'HOST' | 'PUBLIC_URL'>): string[] {
  if (config.ALLOWED_HOSTS.length > 0) return config.ALLOWED_HOSTS.map((h) => h.toLowerCase());
  const hosts = new Set(LOOPBACK_HOSTS);
  if (!['0.0.0.0', '::', ''].includes(config.HOST)) hosts.add(config.HOST.toLowerCase());
  if (config.PUBLIC_URL) hosts.add(new URL(config.PUBLIC_URL).hostname.toLowerCase());
  return [...hosts];
}

/** Where this server is reached from outside: PUBLIC_URL, else http://HOST:PORT (localhost for a wildcard bind). */
export function publicBaseUrl(config: Pick<Config, 'PUBLIC_URL' | 'HOST' | 'PORT'>): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL;
  const host = ['0.0.0.0', '::', ''].includes(config.HOST) ? 'localhost' : config.HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.PORT}`;
}

export function loadConfig(rawEnv: NodeJS.ProcessEnv = process.env): Config {
  const env = withDataDirDefaults(rawEnv);
  const result = schema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const got = env[variable];
    throw new ConfigError(variable, `${issue.message}${got === undefined ? '' : ` (got "${got}")`}`);
  }
  const cfg = result.data;
  const mode = cfg.ENVIRONMENT ?? cfg.NODE_ENV;
  return { ...cfg, NODE_ENV: mode, isProduction: mode === 'production' };
}
