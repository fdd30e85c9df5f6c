// Rulebook benchmark: cold ingest of every PDF (with embeddings), re-ingest with nothing changed,
// cold initialisation (open + model load + first inference) against warm queries per retrieval mode.
// Usage: F1_DATA_DIR=../shared/data (or RULEBOOK_DIR=../shared/data/rulebook) npx tsx bench/rulebook.bench.ts [--cold] [--db path] [--tfjs]
//   The index is kept at .cache/bench/rulebook.db and reused; --cold rebuilds it from nothing
//   (a fresh file, so no cached embeddings) and times that. --tfjs embeds with the reference
//   implementation (USE-lite on the tfjs WASM backend) instead of ONNX Runtime, for comparison.
// Queries are questions written for this benchmark (not the eval set). Each mode gets its own
// Rulebook, so its query-embedding cache starts empty: the "new" pass embeds every question, the
// "repeated" pass asks them again (embedding cache hits).
import './data-env.ts';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { silentLogger } from '../src/logger.ts';
import { UseLiteEmbedder, UseLiteTfjsEmbedder } from '../src/rulebook/embedder.ts';
import { percentile } from '../src/rulebook/evaluate.ts';
import { Rulebook, type SearchMode } from '../src/rulebook/rulebook.ts';

const dir = process.env.RULEBOOK_DIR;
if (!dir) {
  console.error('bench:rulebook needs RULEBOOK_DIR (a folder of FIA regulation PDFs)');
  process.exit(2);
}
const args = process.argv.slice(2);
const dbPath = resolve(args.includes('--db') ? args[args.indexOf('--db') + 1]! : '.cache/bench/rulebook.db');
const cold = args.includes('--cold') || !existsSync(dbPath);
mkdirSync(dirname(dbPath), { recursive: true });

const tfjs = args.includes('--tfjs');
const open = () =>
  new Rulebook({
    dbPath,
    backend: 'sqlite-vec',
    embedder: tfjs ? new UseLiteTfjsEmbedder() : new UseLiteEmbedder(),
    logger: silentLogger,
  });
const ms = (x: number) => `${x.toFixed(1)} ms`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

console.log(`embedder: USE-lite on ${tfjs ? 'tfjs WASM' : 'ONNX Runtime'}; load average at start: ${load()}`);
if (cold) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  const rb = open();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const s = await rb.ingest(dir, (p) => {
    if (p.phase === 'document') process.stderr.write(`  [${p.index}/${p.total}] ${p.file}\n`);
  });
  const total = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `cold ingest: ${s.ingested} PDFs, ${s.chunks} chunks, ${s.embedded} embedded (${s.embeddingsFromCache} shared) in ${(total / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU`,
  );
  await rb.close();
}

{
  const rb = open();
  const t0 = performance.now();
  const s = await rb.ingest(dir);
  console.log(
    `re-ingest unchanged: ${s.skipped} skipped in ${ms(performance.now() - t0)} (includes open + model load + hashing)`,
  );
  await rb.close();
}

const QUESTIONS = [
  'What happens to a driver who ignores blue flags?',
  'How many sets of dry-weather tyres is each driver allocated for an event?',
  'Who may lodge a protest and what fee has to be paid with it?',
  'Can a reserve driver take part in the first free practice session?',
  'How is the starting grid decided if qualifying cannot take place?',
  'What is the maximum fuel mass flow rate?',
  'What must drivers do after the chequered flag has been shown?',
  'How many team members may work on a car during a pit stop?',
  'What is the penalty for speeding in the pit lane?',
  'When must a team submit its full year reporting documentation?',
  'When do parc fermé conditions start and what may be changed on the car under them?',
  'Which costs are excluded from the cost cap calculation?',
  'How much wind tunnel running is a team allowed?',
  'What does a black and white flag mean?',
  'What are the requirements for drivers’ helmets and safety equipment?',
  'How are fuel samples taken from a car?',
  'What is the procedure for a restart after the race has been suspended?',
  'What happens if a car stalls on the grid before the formation lap?',
  'Who appoints the stewards of an event?',
  'What records must a power unit manufacturer keep for the cost audit?',
  'Where may ballast be fitted on the car and how must it be secured?',
  'How many cars may a team enter in the championship?',
  'May a driver gain an advantage by leaving the track?',
  'What are the rules on pit to car radio messages?',
  'How long does a team have to appeal a stewards’ decision?',
  'What is the minimum number of laps a driver must complete to be classified?',
  'When are tyre blankets allowed to be used?',
  'What happens if a team exceeds the number of power unit components allowed?',
  'How is a tie in the constructors’ championship resolved?',
  'What information must be shown on the timing screens during a session?',
];

const rows: string[] = [];
let initMs = 0;
for (const [i, mode] of (['bm25', 'dense', 'hybrid'] as SearchMode[]).entries()) {
  const rb = open();
  const t0 = performance.now();
  await rb.init();
  const init = performance.now() - t0;
  if (i === 0) initMs = init;
  for (const pass of ['new', 'repeated'] as const) {
    const times: number[] = [];
    for (const q of QUESTIONS) {
      const s = performance.now();
      await rb.search(q, { mode });
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 50);
    rows.push(
      `${mode.padEnd(7)} ${pass.padEnd(9)} p50 ${ms(p50).padStart(8)}  p95 ${ms(percentile(times, 95)).padStart(8)}  max ${ms(times.at(-1)!).padStart(8)}  (init of this instance ${ms(init)})`,
    );
  }
  await rb.close();
}
console.log(`cold init (open SQLite + build and load USE-lite + first inference): ${ms(initMs)}`);
console.log(`warm queries (${QUESTIONS.length} per row, k=6):`);
for (const r of rows) console.log(`  ${r}`);
console.log(`load average at end: ${load()}`);
