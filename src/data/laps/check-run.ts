// `race-engineer data laps-check`: builds the lap table of every recorded session (LIVETIMING_DIR, TIMING_DIR)
// and prints its agreement with f1db's qualifying times and with the lap-table CSVs (LAPS_DIR).
import type { Config } from '../../config.ts';
import { openDatabase } from '../db.ts';
import { readFeedTopicsSync } from '../../live/recordings/jsonstream.ts';
import { checkQualifying, compareLapTables, feedBestSectors, officialQualifying } from './check.ts';
import { loadRaceLaps, type LapSession } from './laps.ts';
import { listRecordedSessions, recordedSessionLaps } from './recorded.ts';

const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);

export interface LapsCheckLine {
  session: string;
  text: string;
}

export function runLapsCheck(config: Config): LapsCheckLine[] {
  const dirs = [config.LIVETIMING_DIR, config.TIMING_DIR].filter((d): d is string => Boolean(d));
  const db = openDatabase(config.DATABASE_PATH);
  const out: LapsCheckLine[] = [];
  try {
    for (const s of listRecordedSessions(dirs)) {
      const label = `${s.year} ${s.eventName} ${s.name}`;
      if (s.round === null) continue;
      const laps = recordedSessionLaps(s);
      if (s.name === 'Qualifying' || s.name === 'Sprint Qualifying' || s.name === 'Sprint Shootout') {
        const official = officialQualifying(db, s.year, s.round, s.name !== 'Qualifying');
        if (official.size === 0) {
          out.push({ session: label, text: `${label}: no official times in f1db` });
          continue;
        }
        const q = checkQualifying(
          laps,
          official,
          feedBestSectors(readFeedTopicsSync(s.dir, ['TimingStats'])),
        );
        const off = q.drivers
          .filter((d) => !d.lapAgrees)
          .map((d) => `${d.driver} ${d.builtMs}≠${d.officialMs}`);
        out.push({
          session: label,
          text:
            `${label}: ${laps.length} laps; best lap = f1db Q time for ${pct(q.lapAgreement)} of ${q.drivers.length} drivers` +
            `, best lap's sectors add up for ${pct(q.sectorSumAgreement)}, best sectors = TimingStats for ${pct(q.bestSectorAgreement)}` +
            (off.length ? ` (differ: ${off.join(', ')})` : ''),
        });
        continue;
      }
      const session: LapSession | null =
        s.name === 'Race' ? 'grand_prix' : s.name === 'Sprint' ? 'sprint' : null;
      if (!session || !config.LAPS_DIR) continue;
      // Only the CSV, never the recording-built fallback, is the reference.
      const table = loadRaceLaps(config.LAPS_DIR, s.year, s.round, session, config.ANALYSIS_CACHE_DIR);
      if (!table || table.laps === laps) {
        out.push({ session: label, text: `${label}: ${laps.length} laps built; not in the lap-table CSVs` });
        continue;
      }
      const a = compareLapTables(laps, table.laps);
      out.push({
        session: label,
        text:
          `${label}: ${a.laps} laps in both (${a.builtOnly} only built, ${a.tableOnly} only in the CSV); agree: ` +
          `time ±${a.timeTolerance}s ${pct(a.time)} (median error ${a.timeMedianError?.toFixed(3) ?? 'n/a'} s), position ${pct(a.position)}, compound ${pct(a.compound)}, ` +
          `stint ${pct(a.stint)}, tyre age ${pct(a.tyreLife)}`,
      });
    }
  } finally {
    db.close();
  }
  return out;
}
