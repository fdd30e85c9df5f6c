// Rulebook benchmark: cold ingest of every PDF (with embeddings), re-ingest with nothing changed,
// cold initialisation (open + model load) against warm queries per retrieval mode.
// Usage: RULEBOOK_DIR=../shared/data/rulebook npx tsx bench/rulebook.bench.ts [--cold] [--db path]
//   The index is kept at .cache/bench/rulebook.db and reused; --cold rebuilds it from nothing
//   (a fresh file, so no cached embeddings) and times that.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { silentLogger } from '../src/logger.ts';
import { UseLiteEmbedder } from '../src/rulebook/embedder.ts';
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

const open = () =>
  new Rulebook({ dbPath, backend: 'sqlite-vec', embedder: new UseLiteEmbedder(), logger: silentLogger });
const ms = (x: number) => `${x.toFixed(1)} ms`;

if (cold) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  const rb = open();
  const t0 = performance.now();
  const s = await rb.ingest(dir, (p) => {
    if (p.phase === 'document') process.stderr.write(`  [${p.index}/${p.total}] ${p.file}\n`);
  });
  const total = performance.now() - t0;
  console.log(
    `cold ingest: ${s.ingested} PDFs, ${s.chunks} chunks, ${s.embedded} embedded (${s.embeddingsFromCache} shared) in ${(total / 1000).toFixed(1)} s`,
  );
  await rb.close();
}

{
  const rb = open();
  const t0 = performance.now();
  const s = await rb.ingest(dir);
  console.log(
    `re-ingest unchanged: ${s.skipped} skipped in ${ms(performance.now() - t0)} (includes open + hashing)`,
  );
  await rb.close();
}

// Queries: the dev questions if present (EVAL_DIR), else a built-in list; each asked once per mode.
const evalFile = process.env.EVAL_DIR ? resolve(process.env.EVAL_DIR, 'rulebook-dev.jsonl') : '';
const queries = existsSync(evalFile)
  ? readFileSync(evalFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { question: string }).question)
  : [
      'What is the penalty for an unsafe release?',
      'How many points for a shortened race?',
      'What is the cost cap?',
      'How long is the summer shutdown?',
      'Art. 55.17',
    ];

const rb = open();
const t0 = performance.now();
await rb.init();
const initMs = performance.now() - t0;
console.log(`cold init (open SQLite + load USE-lite + first inference): ${ms(initMs)}`);

const rows: string[] = [];
for (const mode of ['bm25', 'dense', 'hybrid'] as SearchMode[]) {
  for (const pass of ['new query', 'repeated query'] as const) {
    const times: number[] = [];
    for (const q of queries) {
      // "new query" varies the text so the query-embedding cache cannot answer it.
      const text = pass === 'new query' ? `${q} (${mode})` : q;
      const s = performance.now();
      await rb.search(text, { mode });
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 50);
    rows.push(
      `${mode.padEnd(7)} ${pass.padEnd(15)} p50 ${ms(p50).padStart(9)}  p95 ${ms(percentile(times, 95)).padStart(9)}  cold init / p50 = ${(initMs / p50).toFixed(0)}x`,
    );
  }
}
console.log(`warm queries (${queries.length} per row, k=6):`);
for (const r of rows) console.log(`  ${r}`);
await rb.close();
