// Questions generated from the database by templates — random races, drivers and seasons, phrased in
// several ways — with the accepted answers read by plain SQL, independently of the tools. A check on
// kinds and phrasings beyond the hand-written dev set (`race-engineer eval qa --generated 300`).
import type { Db } from '../../data/db.ts';
import type { QaItem } from './qa.ts';

type Row = Record<string, string | number | null>;

/** A small deterministic generator (LCG), so a seed reproduces a question set. */
function random(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return { next, pick: <T>(items: readonly T[]): T | undefined => items[Math.floor(next() * items.length)] };
}

export function generateQuestions(db: Db, count: number, seed = 1): QaItem[] {
  const { next, pick } = random(seed);
  const races = db
    .prepare(
      `SELECT r.id, r.year, r.date, r.is_sprint_weekend AS sprint, gp.full_name AS gp, c.name AS cname, c.full_name AS cfull,
              c.place_name AS place
       FROM race r JOIN grand_prix gp ON gp.id = r.grand_prix_id JOIN circuit c ON c.id = r.circuit_id
       WHERE EXISTS (SELECT 1 FROM race_result x WHERE x.race_id = r.id AND x.session = 'RACE')`,
    )
    .all() as Row[];
  // Venue-only references are ambiguous when a circuit hosted two rounds that season: name the grand prix.
  const twice = new Set(
    (
      db
        .prepare('SELECT year, circuit_id FROM race GROUP BY year, circuit_id HAVING COUNT(*) > 1')
        .all() as Row[]
    ).map((r) => `${r.year}|${r.circuit_id}`),
  );
  const venueOk = (r: Row) =>
    !twice.has(
      `${r.year}|${(db.prepare('SELECT circuit_id FROM race WHERE id = ?').get(r.id) as Row).circuit_id}`,
    );
  const ref = (r: Row) =>
    pick(
      venueOk(r)
        ? [
            `the ${r.year} ${r.gp}`,
            `${r.cname} ${r.year}`,
            `${r.place} in ${r.year}`,
            `the ${String(r.gp).replace('Grand Prix', 'GP')} ${r.year}`,
          ]
        : [`the ${r.year} ${r.gp}`],
    )!;
  const results = (raceId: unknown, session = 'RACE') =>
    db
      .prepare(
        `SELECT rr.*, d.name AS dname, d.last_name FROM race_result rr JOIN driver d ON d.id = rr.driver_id
         WHERE rr.race_id = ? AND rr.session = ? ORDER BY rr.position_display_order`,
      )
      .all(raceId, session) as Row[];
  // Surnames shared by two drivers of the same race are ambiguous: use the full name there.
  const nameIn = (rows: Row[], x: Row) =>
    rows.filter((y) => y.last_name === x.last_name && y.driver_id !== x.driver_id).length || next() < 0.5
      ? String(x.dname)
      : String(x.last_name).replace(/,? (Jr|Sr)\.$/, '');
  const years = [...new Set(races.map((r) => Number(r.year)))].filter((y) => y < 2026);
  const items: QaItem[] = [];
  const add = (category: string, question: string, accept: string) =>
    items.push({
      id: `gen-${items.length + 1}`,
      category,
      question,
      accept: [accept],
      expect_unavailable: false,
    });

  while (items.length < count) {
    const r = pick(races)!;
    const rows = results(r.id);
    const kind = Math.floor(next() * 12);
    if (kind === 0)
      add(
        'race_winner',
        `${pick(['Who won', 'Who was the winner of', 'Winner of'])} ${ref(r)}?`,
        String(rows[0]!.dname),
      );
    else if (kind === 1) {
      const x = pick(rows.filter((z) => z.position_number !== null && z.reason_retired === null));
      if (x)
        add(
          'finishing_position',
          `Where did ${nameIn(rows, x)} finish in ${ref(r)}?`,
          `P${x.position_number}`,
        );
    } else if (kind === 2) {
      const x = pick(rows.filter((z) => z.grid_position_number !== null));
      if (x)
        add(
          'grid_position',
          `What grid position did ${nameIn(rows, x)} start from at ${ref(r)}?`,
          `P${x.grid_position_number}`,
        );
    } else if (kind === 3) {
      const retired = rows.filter((z) => z.reason_retired !== null);
      const x = pick(retired);
      // Shared cars: one driver, several rows — skip those.
      if (x && retired.filter((z) => z.driver_id === x.driver_id).length === 1)
        add('retirement', `Why did ${nameIn(rows, x)} retire from ${ref(r)}?`, String(x.reason_retired));
    } else if (kind === 4) {
      const fl = db
        .prepare(
          'SELECT d.name FROM fastest_lap f JOIN driver d ON d.id = f.driver_id WHERE f.race_id = ? ORDER BY f.position_display_order LIMIT 1',
        )
        .get(r.id) as Row | undefined;
      if (fl) add('fastest_lap', `Who set the fastest lap at ${ref(r)}?`, String(fl.name));
    } else if (kind === 5) {
      const classified = rows.filter((z) => z.position_number !== null);
      const a = pick(classified);
      const b = pick(classified.filter((z) => z.driver_id !== a?.driver_id));
      if (a && b && a.last_name !== b.last_name) {
        const ahead = Number(a.position_number) < Number(b.position_number) ? a : b;
        add(
          'head_to_head',
          `Who finished ahead at ${ref(r)}, ${nameIn(rows, a)} or ${nameIn(rows, b)}?`,
          String(ahead.dname),
        );
      }
    } else if (kind === 6) {
      const p = db
        .prepare(
          `SELECT d.name FROM qualifying_result q JOIN driver d ON d.id = q.driver_id
           WHERE q.race_id = ? AND q.session = 'QUALIFYING' AND q.position_number = 1`,
        )
        .get(r.id) as Row | undefined;
      if (p)
        add(
          'pole_position',
          `${pick(['Who took pole at', 'Pole sitter for', 'Who was on pole for'])} ${ref(r)}?`,
          String(p.name),
        );
    } else if (kind === 7) {
      const s = pick(races.filter((x) => x.sprint === 1))!;
      const w = results(s.id, 'SPRINT_RACE')[0];
      if (w) add('sprint_winner', `Who won the sprint at ${ref(s)}?`, String(w.dname));
    } else if (kind === 8) {
      add('race_date_circuit', pick([`When was ${ref(r)}?`, `What date was ${ref(r)}?`])!, String(r.date));
    } else if (kind === 9) {
      const y = pick(years.filter((v) => v >= 1958))!;
      const team = next() < 0.5;
      const t = db
        .prepare(
          team
            ? 'SELECT c.name FROM season_constructor_standing s JOIN constructor c ON c.id = s.constructor_id WHERE year = ? AND position_number = 1'
            : 'SELECT d.name FROM season_driver_standing s JOIN driver d ON d.id = s.driver_id WHERE year = ? AND position_number = 1',
        )
        .get(y) as Row;
      add(
        'season_champion',
        team ? `Which team won the constructors' title in ${y}?` : `Who was the ${y} world champion?`,
        String(t.name),
      );
    } else if (kind === 10) {
      const y = pick(years)!;
      const rounds = Number((db.prepare('SELECT MAX(round) AS m FROM race WHERE year = ?').get(y) as Row).m);
      const n = 1 + Math.floor(next() * (rounds - 1));
      const t = db
        .prepare(
          `SELECT d.name FROM driver_standing s JOIN race r ON r.id = s.race_id JOIN driver d ON d.id = s.driver_id
           WHERE r.year = ? AND r.round = ? AND s.position_display_order = 1`,
        )
        .get(y, n) as Row | undefined;
      if (t)
        add(
          'championship_leader_after_round',
          `Who led the drivers' championship after round ${n} of ${y}?`,
          String(t.name),
        );
    } else {
      const y = pick(years)!;
      const s = pick(
        db
          .prepare(
            `SELECT d.name, d.last_name, s.points FROM season_driver_standing s JOIN driver d ON d.id = s.driver_id
             WHERE s.year = ? AND s.points > 0
               AND (SELECT COUNT(*) FROM season_driver_standing s2 JOIN driver d2 ON d2.id = s2.driver_id
                    WHERE s2.year = s.year AND d2.last_name = d.last_name) = 1`,
          )
          .all(y) as Row[],
      );
      if (s)
        add(
          'driver_season_points_wins',
          `How many points did ${s.name} score in ${y}?`,
          String(Math.round(Number(s.points) * 100) / 100),
        );
    }
  }
  return items;
}
