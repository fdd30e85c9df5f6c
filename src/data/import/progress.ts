// A one-line progress indicator on stderr, only when it is a terminal.
export interface Progress {
  update(done: number, total: number, label: string): void;
  done(label: string): void;
}

export function createProgress(enabled: boolean, title: string): Progress {
  if (!enabled || !process.stderr.isTTY) return { update() {}, done() {} };
  const started = Date.now();
  return {
    update(done, total, label) {
      const pct = Math.floor((done / total) * 100);
      const width = 24;
      const filled = Math.round((done / total) * width);
      process.stderr.write(
        `\r${title} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}% ${label}   `,
      );
    },
    done(label) {
      process.stderr.write(
        `\r${title}: ${label} in ${((Date.now() - started) / 1000).toFixed(1)} s${' '.repeat(30)}\n`,
      );
    },
  };
}
