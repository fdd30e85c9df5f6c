// `npm start` runs this first (prestart): build the web client when it is missing or out of date.
import { ensureWebBuild } from './build.ts';

const started = Date.now();
process.stderr.write('web: checking the client build…\n');
ensureWebBuild().then(
  (built) => {
    if (built)
      process.stderr.write(`web: built dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  },
  (err: unknown) => {
    process.stderr.write(`web: build failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
