// Prometheus metrics at /metrics (prom-client), one registry per server context. Domains do not import
// this: they publish on Node diagnostics channels (live fan-out, agent answers) and expose counts (hub
// stats, SQL pool queue); this module subscribes and reads them at scrape time.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { LIVE_FANOUT_CHANNEL } from '../live/channel.ts';
import { AGENT_ANSWER_CHANNEL, type AnswerEvent } from '../agent/service.ts';
import { allSqlPools } from '../agent/tools/sql-pool.ts';

export interface MetricsSources {
  /** Live clients and channels of this node; undefined while the live service is not created. */
  live(): { clients: number; channels: { key: string; clients: number }[] } | undefined;
  /** When the F1 data was last imported (ISO), for the sync age; undefined when unknown. */
  importedAt(): string | undefined;
}

export class Metrics {
  readonly registry = new Registry();
  private readonly http: Histogram<'method' | 'route' | 'status'>;
  private readonly answers: Counter<'engine' | 'outcome'>;
  private readonly tools: Counter<'tool' | 'outcome'>;
  private readonly fanout: Histogram<'type'>;
  private readonly onFanout = (m: unknown) => {
    const e = m as { type: string; ms: number };
    this.fanout.observe({ type: e.type }, e.ms / 1000);
  };
  private readonly onAnswer = (m: unknown) => {
    const e = m as AnswerEvent;
    this.answers.inc({ engine: e.engine.startsWith('llm:') ? 'llm' : e.engine, outcome: e.outcome });
    for (const t of e.tools) this.tools.inc({ tool: t.name, outcome: t.ok ? 'ok' : 'error' });
  };

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'race_engineer_' });
    this.http = new Histogram({
      name: 'race_engineer_http_request_duration_seconds',
      help: 'HTTP request latency by route (the route pattern, not the URL)',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.answers = new Counter({
      name: 'race_engineer_agent_answers_total',
      help: 'Agent answers by engine (offline, llm) and outcome (answered, fallback, limited, error)',
      labelNames: ['engine', 'outcome'],
      registers,
    });
    this.tools = new Counter({
      name: 'race_engineer_agent_tool_calls_total',
      help: 'Agent tool calls by tool and outcome (ok, error)',
      labelNames: ['tool', 'outcome'],
      registers,
    });
    this.fanout = new Histogram({
      name: 'race_engineer_live_broadcast_seconds',
      help: 'Time to hand one live message to every client of its channel on this node',
      labelNames: ['type'],
      buckets: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
      registers,
    });
    new Gauge({
      name: 'race_engineer_live_clients',
      help: 'Live clients connected to this node',
      registers,
      collect() {
        this.set(sources.live()?.clients ?? 0);
      },
    });
    new Gauge({
      name: 'race_engineer_live_channels',
      help: 'Live channels open on this node',
      registers,
      collect() {
        this.set(sources.live()?.channels.length ?? 0);
      },
    });
    new Gauge({
      name: 'race_engineer_sql_queue_waiting',
      help: 'SQL tool queries waiting for a free process',
      registers,
      collect() {
        this.set(allSqlPools().reduce((n, p) => n + p.waiting, 0));
      },
    });
    new Gauge({
      name: 'race_engineer_sql_busy',
      help: 'SQL tool processes running a query',
      registers,
      collect() {
        this.set(allSqlPools().reduce((n, p) => n + p.busy, 0));
      },
    });
    new Gauge({
      name: 'race_engineer_data_sync_age_seconds',
      help: 'Seconds since the F1 data in use was imported (-1: unknown)',
      registers,
      collect() {
        const at = sources.importedAt();
        const t = at ? Date.parse(at) : NaN;
        this.set(Number.isFinite(t) ? Math.max(0, (Date.now() - t) / 1000) : -1);
      },
    });
    subscribe(LIVE_FANOUT_CHANNEL, this.onFanout);
    subscribe(AGENT_ANSWER_CHANNEL, this.onAnswer);
  }

  observeHttp(method: string, route: string, status: number, seconds: number): void {
    this.http.observe({ method, route, status: String(status) }, seconds);
  }

  async text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  close(): void {
    unsubscribe(LIVE_FANOUT_CHANNEL, this.onFanout);
    unsubscribe(AGENT_ANSWER_CHANNEL, this.onAnswer);
    this.registry.clear();
  }
}
