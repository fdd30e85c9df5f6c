// Benchmark server process: the real live routes and hub, fed by a ticker source that changes the state every
// 250 ms (one driver's lap and the clock, stamped with the wall time so clients can measure delivery latency).
// Reports memory and CPU to the parent over IPC.
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/logger.ts';
import type { App } from '../../src/server/app.ts';
import { createContext } from '../../src/server/context.ts';
import { Channel, type ChannelInfo } from '../../src/live/hub.ts';
import { registerLiveRoutes } from '../../src/live/routes.ts';
import { LiveService } from '../../src/live/service.ts';
import type { LiveSource, SourceSink } from '../../src/live/sources/source.ts';

const TICK_MS = 250;

class TickerSource implements LiveSource {
  readonly kind = 'f1' as const;
  private timer?: NodeJS.Timeout;
  start(sink: SourceSink): void {
    sink.status('live');
    sink.update({
      kind: 'session',
      timeMs: 0,
      session: { id: 'bench', name: 'Benchmark GP Race', type: 'Race', live: true },
    });
    for (let i = 1; i <= 20; i++) {
      sink.update({
        kind: 'driver',
        timeMs: 0,
        number: String(i),
        patch: {
          tla: `D${i}`,
          name: `Driver ${i}`,
          team: `Team ${Math.ceil(i / 2)}`,
          teamColour: 'FF8000',
          position: i,
          laps: 0,
        },
      });
    }
    let tick = 0;
    this.timer = setInterval(() => {
      tick++;
      const number = String((tick % 20) + 1);
      sink.update({
        kind: 'driver',
        timeMs: tick * TICK_MS,
        number,
        patch: { laps: Math.floor(tick / 20) + 1, lastLapMs: 90_000 + (tick % 997) },
      });
      sink.update({
        kind: 'clock',
        timeMs: tick * TICK_MS,
        remainingMs: null,
        extrapolating: true,
        utc: new Date().toISOString(),
      });
    }, TICK_MS);
  }
  async stop(): Promise<void> {
    clearInterval(this.timer);
  }
}

class BenchLiveService extends LiveService {
  override open(info: ChannelInfo): Promise<Channel> {
    return this.hub.open(info, async () => new TickerSource());
  }
}

const config = loadConfig({
  ...process.env,
  LIVE_SOURCE: 'f1',
  LIVE_BUS: process.env.BENCH_LIVE_BUS ?? 'local',
  LOG_LEVEL: 'silent',
  WS_STALE_TIMEOUT: '600',
});
const ctx = createContext(config, silentLogger);
const app = Fastify({ logger: false }) as unknown as App;
app.setValidatorCompiler(validatorCompiler);
app.setSerializerCompiler(serializerCompiler);
const service = new BenchLiveService(config, silentLogger);
await app.register(registerLiveRoutes, { live: service });
app.addHook('onClose', async () => ctx.close());
await app.listen({ port: 0, host: '127.0.0.1', backlog: 4096 });

// Times each delta broadcast (serialise + the send loop over every client), to tell the server's own cost
// from the clients' and the scheduler's share of the latency.
const broadcastMs: number[] = [];
const receive = Channel.prototype.receive;
Channel.prototype.receive = function (this: Channel, m: Parameters<Channel['receive']>[0]) {
  const t = performance.now();
  receive.call(this, m);
  if (m.type === 'delta') broadcastMs.push(performance.now() - t);
};
const gc = (globalThis as { gc?: () => void }).gc;
let cpuMark = process.cpuUsage();
let wallMark = performance.now();
process.on('message', (m: { cmd: string }) => {
  if (m.cmd === 'memory') {
    gc?.();
    gc?.();
    const mem = process.memoryUsage();
    process.send!({
      rss: mem.rss,
      heapUsed: mem.heapUsed,
      external: mem.external,
      clients: service.hub.clients.size,
    });
  } else if (m.cmd === 'cpu-start') {
    cpuMark = process.cpuUsage();
    broadcastMs.length = 0;
    wallMark = performance.now();
    process.send!({ ok: true });
  } else if (m.cmd === 'cpu-stop') {
    const used = process.cpuUsage(cpuMark);
    const wall = performance.now() - wallMark;
    const sorted = broadcastMs.splice(0).sort((a, b) => a - b);
    process.send!({
      cpuPct: ((used.user + used.system) / 1000 / wall) * 100,
      sysPct: (used.system / 1000 / wall) * 100,
      broadcastMs: sorted[sorted.length >> 1] ?? NaN,
    });
  } else if (m.cmd === 'exit') {
    void app.close().then(() => process.exit(0));
  }
});
process.send!({ port: (app.server.address() as { port: number }).port });
