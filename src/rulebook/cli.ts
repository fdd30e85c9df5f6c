// `race-engineer rulebook ingest|search|fetch|add` and `race-engineer eval rulebook`.
import type { Command } from 'commander';
import type { CliContext } from '../cli.ts';
import { badRequest } from '../errors.ts';
import { evaluate, formatReport, readQuestions } from './evaluate.ts';
import type { IngestProgress } from './ingest.ts';
import { getRulebook, closeRulebooks, MAX_K } from './index.ts';
import type { SearchMode } from './rulebook.ts';
import { addDocument, fetchRulebook, planFetch } from './fetch.ts';
import { parseSeasons } from '../data/sync/run.ts';

function intOption(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw badRequest(`--${name} must be an integer from ${min} to ${max}`);
  return n;
}

function progressPrinter(): (p: IngestProgress) => void {
  return (p) => {
    if (p.phase === 'document') {
      process.stderr.write(
        `[${p.index}/${p.total}] ${p.action === 'skip' ? 'unchanged, skipped' : 'ingesting'} ${p.file}\n`,
      );
    } else if (p.done === p.total || p.done % 512 === 0) {
      process.stderr.write(`    embedded ${p.done}/${p.total} chunks\n`);
    }
  };
}

export function registerRulebookCommands(program: Command, ctx: CliContext): void {
  const rulebook = program.command('rulebook').description('FIA regulations: ingest PDFs and search them');

  rulebook
    .command('ingest')
    .description(
      'extract, chunk by article, index and embed the regulation PDFs (unchanged files are skipped)',
    )
    .option('--from <dir>', 'folder of PDFs, searched recursively (default: RULEBOOK_DIR)')
    .option('--force', 're-ingest even unchanged documents')
    .action(async (opts: { from?: string; force?: boolean }) => {
      const config = ctx.config();
      const dir = opts.from ?? config.RULEBOOK_DIR;
      if (!dir) throw badRequest('no PDF folder: pass --from <dir> or set RULEBOOK_DIR');
      const rb = getRulebook(config, ctx.logger());
      try {
        const s = await rb.ingest(dir, progressPrinter(), opts.force ?? false);
        console.log(
          `Rulebook: ${s.ingested} ingested, ${s.skipped} unchanged, ${s.failed.length} skipped as unreadable; ` +
            `${s.chunks} chunks, ${s.embedded} embedded (${s.embeddingsFromCache} from cache) in ${(s.ms / 1000).toFixed(1)} s`,
        );
        for (const f of s.failed) console.log(`  skipped ${f.file}: ${f.reason}`);
      } finally {
        await closeRulebooks();
      }
    });

  rulebook
    .command('fetch')
    .description(
      'download the regulation PDFs of the manifest (src/rulebook/manifest.json) into RULEBOOK_DIR',
    )
    .option('--seasons <range>', 'only these seasons, e.g. 2025-2026')
    .option('--dry-run', 'list what would be downloaded')
    .action(async (opts: { seasons?: string; dryRun?: boolean }) => {
      const config = ctx.config();
      const seasons = opts.seasons ? parseSeasons(opts.seasons) : null;
      if (opts.dryRun) {
        for (const i of planFetch(config, seasons))
          console.log(
            `${i.skip ? `skip (${i.skip})` : 'would fetch'} ${i.entry.season} ${i.entry.section} issue ${i.entry.issue} ${i.entry.url}`,
          );
        return;
      }
      const s = await fetchRulebook(config, ctx.logger(), { seasons });
      for (const f of s.fetched)
        console.log(
          `fetched ${f.file}${f.superseded.length ? ` (supersedes ${f.superseded.join(', ')})` : ''}`,
        );
      for (const f of s.failed) console.log(`failed ${f.url}: ${f.error}`);
      console.log(
        `Rulebook: ${s.fetched.length} fetched, ${s.present} present, ${s.failed.length} failed; run "race-engineer rulebook ingest" to index`,
      );
      if (s.failed.length) process.exitCode = 1;
    });

  rulebook
    .command('add')
    .description(
      "add one regulation PDF (a file or a URL) to RULEBOOK_DIR; a newer issue supersedes its season's older one",
    )
    .argument('<file|url>')
    .action(async (fileOrUrl: string) => {
      const d = await addDocument(ctx.config(), ctx.logger(), fileOrUrl);
      console.log(
        `added ${d.file} (${d.season} ${d.section}, issue ${d.issue ?? '?'})${d.superseded.length ? `; supersedes ${d.superseded.join(', ')}` : ''}`,
      );
    });

  rulebook
    .command('search')
    .description('hybrid search; prints a JSON array of cited chunks')
    .argument('<query...>', 'the question or an article reference ("Art. 55.17")')
    .option('--year <year>', 'season (default: the latest regulations of each section)')
    .option('--section <section>', 'General, Sporting, Technical, Financial, PU Financial or Operational')
    .option('--k <n>', 'number of results')
    .option('--json', 'JSON output (the default; kept for scripts)')
    .action(async (words: string[], opts: { year?: string; section?: string; k?: string }) => {
      const config = ctx.config();
      const rb = getRulebook(config, ctx.logger());
      try {
        const year = intOption('year', opts.year, 1950, 2100);
        const k = intOption('k', opts.k, 1, MAX_K);
        const result = await rb.search(words.join(' '), {
          ...(year ? { year } : {}),
          ...(opts.section ? { section: opts.section } : {}),
          ...(k ? { k } : {}),
        });
        console.log(
          JSON.stringify(
            result.hits.map(
              ({ document, section, season, article, heading, page, text, score, citation }) => ({
                document,
                section,
                season,
                article,
                heading,
                page,
                text,
                score,
                citation,
              }),
            ),
            null,
            2,
          ),
        );
        process.stderr.write(`${result.scope.note}\n`);
      } finally {
        await closeRulebooks();
      }
    });

  const evalCmd =
    program.commands.find((c) => c.name() === 'eval') ??
    program.command('eval').description('measure quality on question sets');
  evalCmd
    .command('rulebook')
    .description('recall@1/5/10, MRR and latency of BM25-only, dense-only and hybrid retrieval')
    .requiredOption('--file <jsonl>', 'questions: {id, question, year, document, articles}')
    .option('--mode <modes>', 'comma-separated subset of bm25,dense,hybrid', 'bm25,dense,hybrid')
    .option('--misses', 'list the questions whose article was not ranked first')
    .action(async (opts: { file: string; mode: string; misses?: boolean }) => {
      const modes = opts.mode.split(',').map((m) => m.trim()) as SearchMode[];
      for (const m of modes)
        if (!['bm25', 'dense', 'hybrid'].includes(m)) throw badRequest(`unknown mode "${m}"`);
      const questions = readQuestions(opts.file);
      const rb = getRulebook(ctx.config(), ctx.logger());
      try {
        const reports = await evaluate(rb, questions, modes);
        console.log(formatReport(reports));
        if (opts.misses)
          for (const r of reports) console.log(`${r.mode} not first: ${r.misses.join(', ') || 'none'}`);
      } finally {
        await closeRulebooks();
      }
    });
}
