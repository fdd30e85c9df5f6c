// Finding F1 entities in free text: drivers, teams and races named the way fans type them
// ("Hülkenberg", "RBR", "Yas Marina 2019", "Formula 1 Rolex Grosser Preis von Österreich 2023").
// Built once per database handle. Tool arguments and whole questions resolve through the same index,
// so the LLM path and the offline engine agree on what "Sakhir 2020" means.
import type { Db } from '../data/db.ts';
import { memoPerDb } from '../data/queries/statements.ts';
import { topByKeys } from '../data/queries/names.ts';
import { normalize } from './text.ts';
import { COUNTRY_ALIASES, GRAND_PRIX_ALIASES } from '../data/queries/aliases.ts';
import { constructorCatalogue, driverCatalogue, preferKeys } from '../data/queries/name-catalogue.ts';
import {
  resolveConstructor,
  resolveDriver,
  resolveRace as resolveRaceRound,
} from '../data/queries/resolve.ts';
import { AppError } from '../errors.ts';
import { distance } from 'fastest-levenshtein';

export interface DriverEntity {
  id: string;
  name: string;
  lastName: string;
  abbreviation: string | null;
  /** Race starts over the whole career: the tie-breaker between namesakes of different eras. */
  starts: number;
  years: Set<number>;
}

export interface ConstructorEntity {
  id: string;
  name: string;
  fullName: string;
  years: Set<number>;
}

export interface RaceEntity {
  id: number;
  year: number;
  round: number;
  date: string;
  time: string | null;
  grandPrixId: string;
  /** "Abu Dhabi Grand Prix" */
  grandPrixName: string;
  officialName: string;
  circuitId: string;
  circuitName: string;
  place: string;
  country: string;
  isSprintWeekend: boolean;
  hasRaceResults: boolean;
  hasSprintResults: boolean;
  hasQualifying: boolean;
  /** Normalised phrases naming this race, with how strongly each names it. */
  aliases: { text: string; weight: number }[];
}

/** Common words that open a question ("First ever…", "Will…", "May I…"): a capital there makes no name. */
const SENTENCE_OPENERS = new Set([
  'first',
  'may',
  'will',
  'new',
  'top',
  'grand',
  'start',
  'race',
  'time',
  'long',
]);

/** Words that are also surnames or team names: they name an entity only when capitalised. */
const COMMON_WORDS = new Set(
  'driver may love hall bell rose force pace miles ward fry brown will long field day bird power park time race top grand start king rain stop young black white green wood little new north south gray grey first era elder life march token spirit shadow eagle wolf ram moore turner pacific rae boro lec rb man hunt hill'.split(
    ' ',
  ),
);

/** Generic words of circuit names that never identify one circuit on their own. */
const GENERIC = new Set(
  'circuit circuito circuit autodromo autodrome international internazionale nazionale street park raceway speedway motor racing grand prix de del la le di do da and the of ring city'.split(
    ' ',
  ),
);

export class EntityIndex {
  readonly drivers: DriverEntity[];
  readonly constructors: ConstructorEntity[];
  readonly races: RaceEntity[];
  private readonly driverAliases = new Map<string, { driver: DriverEntity; full: boolean }[]>();
  private readonly constructorAliases = new Map<string, ConstructorEntity[]>();
  private readonly abbreviations = new Map<string, DriverEntity[]>();
  /** Drivers by the first word of their first name ("kimi", "lewis"), for questions that use only that. */
  private readonly firstNameIndex = new Map<string, DriverEntity[]>();
  private readonly placeAliases = new Set<string>();
  /** Engine manufacturer ids by normalised name ("honda", "mercedes", "cosworth"). */
  private readonly engineMakers = new Map<string, { id: string; name: string }>();
  /** Tyre manufacturer ids by normalised name ("pirelli", "bridgestone"). */
  private readonly tyreMakers = new Map<string, { id: string; name: string }>();
  /** Country ids by normalised name and demonym ("brazil", "brazilian", "british"). */
  private readonly countries = new Map<string, string>();
  private maxPhrase = 1;

  private readonly driverById: Map<string, DriverEntity>;
  private readonly constructorById: Map<string, ConstructorEntity>;

  constructor(private readonly db: Db) {
    // Names come from the one catalogue the name resolver (data/queries/resolve.ts) also reads.
    const catalogue = driverCatalogue(db);
    this.drivers = catalogue.map((d) => ({
      id: d.id,
      name: d.name,
      lastName: d.lastName,
      abbreviation: d.code,
      starts: d.fame,
      years: d.years,
    }));
    const firstNames = new Set<string>();
    catalogue.forEach((n, i) => {
      const d = this.drivers[i]!;
      for (const f of [...n.fullNames, ...n.nicknames]) this.addDriverAlias(normalize(f), d, true);
      for (const f of n.surnames) this.addDriverAlias(normalize(f), d, false);
      if (n.code) {
        const list = this.abbreviations.get(n.code) ?? [];
        list.push(d);
        this.abbreviations.set(n.code, list);
      }
      const first = normalize(n.firstName);
      firstNames.add(first);
      const firstWord = first.split(' ')[0];
      if (firstWord) this.firstNameIndex.set(firstWord, [...(this.firstNameIndex.get(firstWord) ?? []), d]);
      for (const f of n.surnames) firstNames.add(normalize(f));
    });

    // A demonym several countries share ("French": France, French Guiana, French Southern Territories) is the
    // country with the most drivers; a country's own name always wins over another's demonym.
    const countryRows = db
      .prepare(
        `SELECT c.id, c.name, c.demonym FROM country c
         ORDER BY (SELECT COUNT(*) FROM driver d WHERE d.nationality_country_id = c.id) DESC, c.id`,
      )
      .all() as { id: string; name: string; demonym: string | null }[];
    for (const c of countryRows) this.countries.set(normalize(c.name), c.id);
    for (const c of countryRows) {
      const key = c.demonym ? normalize(c.demonym) : '';
      if (key && !this.countries.has(key)) this.countries.set(key, c.id);
    }
    for (const [id, { people }] of Object.entries(COUNTRY_ALIASES))
      for (const word of people) this.countries.set(word, id);
    for (const e of db.prepare('SELECT id, name FROM engine_manufacturer').all() as {
      id: string;
      name: string;
    }[])
      for (const n of [e.name, e.id]) this.engineMakers.set(normalize(n), e);
    for (const t of db.prepare('SELECT id, name FROM tyre_manufacturer').all() as {
      id: string;
      name: string;
    }[])
      for (const n of [t.name, t.id]) this.tyreMakers.set(normalize(n), t);

    this.driverById = new Map(this.drivers.map((d) => [d.id, d]));
    const teams = constructorCatalogue(db);
    this.constructors = teams.map((c) => ({ id: c.id, name: c.name, fullName: c.fullName, years: c.years }));
    this.constructorById = new Map(this.constructors.map((c) => [c.id, c]));
    teams.forEach((t, i) => {
      const c = this.constructors[i]!;
      for (const a of new Set(t.names.map(normalize))) {
        if (!a) continue;
        const list = this.constructorAliases.get(a) ?? [];
        if (!list.includes(c)) list.push(c);
        this.constructorAliases.set(a, list);
        this.maxPhrase = Math.max(this.maxPhrase, a.split(' ').length);
      }
      // The f1db names (not the everyday aliases) also keep a word from reading as a circuit word.
      for (const a of [t.name, t.fullName, t.id.replace(/-/g, ' ')]) firstNames.add(normalize(a));
    });

    const raceRows = db
      .prepare(
        `SELECT r.id, r.year, r.round, r.date, r.time, r.grand_prix_id, r.official_name, r.circuit_id,
                r.is_sprint_weekend,
                gp.name AS gp_name, gp.full_name AS gp_full_name, gp.short_name AS gp_short_name,
                gpc.name AS gp_country,
                c.name AS circuit_name, c.full_name AS circuit_full_name, c.previous_names, c.place_name,
                cc.name AS circuit_country,
                EXISTS (SELECT 1 FROM race_result x WHERE x.race_id = r.id AND x.session = 'RACE') AS has_race,
                EXISTS (SELECT 1 FROM race_result x WHERE x.race_id = r.id AND x.session = 'SPRINT_RACE') AS has_sprint,
                EXISTS (SELECT 1 FROM qualifying_result x WHERE x.race_id = r.id) AS has_quali
         FROM race r
         JOIN grand_prix gp ON gp.id = r.grand_prix_id
         LEFT JOIN country gpc ON gpc.id = gp.country_id
         JOIN circuit c ON c.id = r.circuit_id
         LEFT JOIN country cc ON cc.id = c.country_id
         ORDER BY r.date`,
      )
      .all() as Record<string, string | number | null>[];
    const localNames = localGrandPrixNames(raceRows);
    this.races = raceRows.map((r) => {
      const aliases = new Map<string, number>();
      const add = (text: string | null | undefined, weight: number) => {
        const t = text ? normalize(text) : '';
        if (!t) return;
        aliases.set(t, Math.max(aliases.get(t) ?? 0, weight));
      };
      const gpFull = String(r.gp_full_name);
      // Grand prix names weigh most: "Sakhir 2020" is the Sakhir GP, not the Bahrain GP at Sakhir.
      add(String(r.gp_name), 3);
      add(gpFull, 3);
      add(String(r.gp_short_name), 3);
      add(gpFull.replace(/\s*Grand Prix\s*/i, ' '), 3);
      add(String(r.grand_prix_id).replace(/-/g, ' '), 3);
      for (const extra of GRAND_PRIX_ALIASES[String(r.grand_prix_id)] ?? []) add(extra, 2.5);
      const official = normalize(String(r.official_name))
        .replace(/\b(19|20)\d\d\b/g, '')
        .replace(/^formula 1 /, '')
        .trim();
      add(official, 4);
      // "Grosser Preis von Deutschland", "Magyar Nagydíj": the local name inside any year's official name.
      for (const local of localNames.get(String(r.grand_prix_id)) ?? []) add(local, 3);
      add(String(r.circuit_name), 2);
      add(String(r.circuit_full_name), 2);
      for (const p of String(r.previous_names ?? '').split(',')) add(p, 2);
      // "Albert Park" for "Albert Park Circuit": a circuit name without its generic last word.
      for (const n of [r.circuit_full_name, ...String(r.previous_names ?? '').split(',')])
        add(
          String(n ?? '').replace(
            /\s+(street |international |grand prix |racing )?(circuit|raceway|speedway)\s*$/i,
            '',
          ),
          2,
        );
      add(String(r.place_name), 2);
      add(String(r.circuit_id).replace(/-/g, ' '), 2);
      for (const word of normalize(`${r.circuit_full_name} ${r.circuit_name}`).split(' ')) {
        if (word.length >= 4 && !GENERIC.has(word) && !firstNames.has(word)) add(word, 1.5);
      }
      add(r.gp_country as string | null, 1);
      add(r.circuit_country as string | null, 1);
      const list = [...aliases].map(([text, weight]) => ({ text, weight }));
      for (const a of list) {
        this.placeAliases.add(a.text);
        this.maxPhrase = Math.max(this.maxPhrase, Math.min(a.text.split(' ').length, 8));
      }
      return {
        id: Number(r.id),
        year: Number(r.year),
        round: Number(r.round),
        date: String(r.date),
        time: (r.time as string | null) ?? null,
        grandPrixId: String(r.grand_prix_id),
        grandPrixName: gpFull,
        officialName: String(r.official_name),
        circuitId: String(r.circuit_id),
        circuitName: String(r.circuit_full_name),
        place: String(r.place_name ?? ''),
        country: String(r.circuit_country ?? ''),
        isSprintWeekend: Number(r.is_sprint_weekend) === 1,
        hasRaceResults: Number(r.has_race) === 1,
        hasSprintResults: Number(r.has_sprint) === 1,
        hasQualifying: Number(r.has_quali) === 1,
        aliases: list,
      };
    });
  }

  private addDriverAlias(alias: string, driver: DriverEntity, full: boolean): void {
    if (!alias) return;
    const list = this.driverAliases.get(alias) ?? [];
    if (!list.some((x) => x.driver === driver)) list.push({ driver, full });
    this.driverAliases.set(alias, list);
    this.maxPhrase = Math.max(this.maxPhrase, alias.split(' ').length);
  }

  /**
   * The text with misspelt names mended ("shumacher" → "schumacher", "singapor" → "singapore"): a word of
   * five letters or more that names nothing and is no ordinary word, within a small edit distance (one
   * edit up to seven letters, two beyond) of exactly one name word with the same first letter.
   */
  correctTypos(text: string, ordinary: (word: string) => boolean): string {
    const vocab = this.nameWords();
    const paired = this.correctNamePairs(text, vocab);
    const single = paired.replace(/\p{L}+/gu, (raw) => {
      const w = normalize(raw);
      if (w.length < 5 || w.includes(' ') || vocab.has(w)) return raw;
      if (ordinary(w)) return this.doubledLetterSurname(w) ?? raw;
      const budget = w.length >= 8 ? 2 : 1;
      let best: string | undefined;
      let bestD = Infinity;
      let tie = false;
      for (const name of vocab) {
        if (name[0] !== w[0] || Math.abs(name.length - w.length) > budget) continue;
        let d = distance(w, name);
        if (d === 2 && isTransposition(w, name)) d = 1;
        if (d > budget) continue;
        // A first name loses a tie to a surname, team or place ("riciardo": Ricciardo, not Riccardo).
        if (this.firstNameOnly(name)) d += 0.5;
        if (d < bestD || (d === bestD && best !== undefined && this.fame(name) > 3 * this.fame(best))) {
          best = name;
          bestD = d;
          tie = false;
        } else if (d === bestD && name !== best && !(this.fame(best!) > 3 * this.fame(name))) tie = true;
      }
      return best && !tie ? best : raw;
    });
    // A first name mended on its own now vouches for the surname next to it ("valteri botas").
    return single === paired ? single : this.correctNamePairs(single, vocab);
  }

  /**
   * "valteri bottas", "valtteri botas", "lewis hamiltn": a misspelt word next to a name is read against the other
   * half of that name's drivers first, where a four-letter word or two slips are still one clear candidate.
   */
  private correctNamePairs(text: string, vocab: Set<string>): string {
    const tokens = [...text.matchAll(/\p{L}+/gu)];
    const words = tokens.map((t) => normalize(t[0]));
    const fixes = new Map<number, string>();
    const known = (w: string) => vocab.has(w) || this.driverAliases.has(w) || this.firstNameIndex.has(w);
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      // Next to a name even a dictionary word is read as its other half ("botas" is Bottas after Valtteri).
      if (w.length < 4 || known(w)) continue;
      const budget = w.length >= 6 ? 2 : 1;
      const candidates = new Set<string>();
      const next = words[i + 1];
      const prev = words[i - 1];
      // The word before a surname is a first name; the word after a first name is a surname.
      for (const d of next ? (this.driverAliases.get(next) ?? []).map((x) => x.driver) : [])
        if (normalize(d.lastName) === next) candidates.add(normalize(d.name).split(' ')[0]!);
      for (const d of prev ? (this.firstNameIndex.get(prev) ?? []) : [])
        candidates.add(normalize(d.lastName));
      let best: string | undefined;
      let bestD = Infinity;
      let tie = false;
      for (const c of candidates) {
        if (c.includes(' ') || c[0] !== w[0]) continue;
        let d = distance(w, c);
        if (d === 2 && isTransposition(w, c)) d = 1;
        if (d > budget || d > bestD) continue;
        tie = d === bestD && c !== best;
        if (d < bestD) [best, bestD] = [c, d];
      }
      if (best && !tie) fixes.set(tokens[i]!.index!, best);
    }
    if (!fixes.size) return text;
    return text.replace(/\p{L}+/gu, (raw, at: number) => fixes.get(at) ?? raw);
  }

  /**
   * "russel", "mansel": a rare dictionary word that is a well-known driver's surname with one letter doubled or
   * undoubled is that surname — the commonest slip in names. Only drivers of 50 starts or more, and only when
   * one surname fits, so a real word ("steward", "buttons") stays itself.
   */
  private doubledLetterSurname(word: string): string | undefined {
    const fits = [...this.driverAliases.keys()].filter(
      (name) => !name.includes(' ') && differsByDoubling(word, name) && this.fame(name) >= 50,
    );
    return fits.length === 1 ? fits[0] : undefined;
  }

  /** How well known a name word is: a place or team counts as very well known; a surname by its drivers' starts. */
  private fame(word: string): number {
    if (this.placeAliases.has(word) || this.constructorAliases.has(word)) return 1000;
    return Math.max(1, ...(this.driverAliases.get(word) ?? []).map((x) => x.driver.starts));
  }

  private firstNameOnly(word: string): boolean {
    return (
      this.firstNameIndex.has(word) &&
      !this.driverAliases.has(word) &&
      !this.constructorAliases.has(word) &&
      !this.placeAliases.has(word)
    );
  }

  /** True when a single word is (part of) a driver's, team's or place's name. */
  isNameWord(word: string): boolean {
    return (
      this.nameWords().has(word) ||
      this.driverAliases.has(word) ||
      this.constructorAliases.has(word) ||
      this.firstNameIndex.has(word) ||
      // "finn", "kiwi", "brit": nationality words are names too, never a slip for an English word.
      this.countries.has(word)
    );
  }

  private nameWordSet?: Set<string>;
  /** Single words that name a driver, team or place (five letters or more). */
  private nameWords(): Set<string> {
    if (!this.nameWordSet) {
      const set = new Set<string>();
      const add = (alias: string) => {
        for (const w of alias.split(' ')) if (w.length >= 5) set.add(w);
      };
      for (const a of this.driverAliases.keys()) add(a);
      for (const a of this.constructorAliases.keys()) add(a);
      for (const a of this.placeAliases) add(a);
      for (const a of this.countries.keys()) add(a);
      for (const a of this.firstNameIndex.keys()) add(a);
      this.nameWordSet = set;
    }
    return this.nameWordSet;
  }

  /** The engine manufacturer a name or f1db id means ("honda", "Ford Cosworth"), if any. */
  engineMaker(name: string): { id: string; name: string } | undefined {
    return this.engineMakers.get(normalize(name));
  }

  /** The tyre manufacturer a name or f1db id means ("pirelli"), if any. */
  tyreMaker(name: string): { id: string; name: string } | undefined {
    return this.tyreMakers.get(normalize(name));
  }

  /** The country a single word names as a nationality ("brazilian", "finnish", "uk"), if any. */
  country(word: string): string | undefined {
    return this.countries.get(word);
  }

  racesOf(year: number): RaceEntity[] {
    return this.races.filter((r) => r.year === year);
  }

  years(): number[] {
    return [...new Set(this.races.map((r) => r.year))];
  }

  /**
   * Drivers and teams named in the text, in order of appearance. Scans longest phrases first so
   * "Red Bull Ring" is a place, not the team, and "Ralf Schumacher" is not Michael.
   */
  scan(text: string): Mention[] {
    const words = normalize(text).split(' ').filter(Boolean);
    const mentions: Mention[] = [];
    // A capital that only opens the sentence makes no name of a word that opens questions ("First ever
    // Saudi GP…"); a surname still does ("Hill won how many races in 1996").
    const capitalised = (phrase: string) =>
      new RegExp(
        `${SENTENCE_OPENERS.has(phrase) ? `(?<!^[\\s"'“(]*|[.!?:;\\-–—]\\s*)` : ''}\\b${phrase.replace(/^./, (c) => c.toUpperCase())}\\b`,
      ).test(text);
    let i = 0;
    while (i < words.length) {
      let matched = false;
      for (let n = Math.min(this.maxPhrase, words.length - i); n >= 1; n--) {
        const phrase = words.slice(i, i + n).join(' ');
        const drivers = this.driverAliases.get(phrase) ?? [];
        const constructors = this.constructorAliases.get(phrase) ?? [];
        const place = this.placeAliases.has(phrase);
        if (drivers.length === 0 && constructors.length === 0 && !place) continue;
        // A common word ("hunt", "hill") names a driver in lower case only next to a comparison.
        // …but not beside a role word: "driver and constructor" names no Paddy Driver.
        const role = /^(constructors?|teams?|champions?|drivers?|titles?|championships?)$/;
        const besideName =
          (/^(vs|versus|v|or|and|than)$/.test(words[i - 1] ?? '') && !role.test(words[i - 2] ?? '')) ||
          (/^(vs|versus|v|or|and|than)$/.test(words[i + 1] ?? '') && !role.test(words[i + 2] ?? ''));
        if (n === 1 && COMMON_WORDS.has(phrase) && !capitalised(phrase) && !(drivers.length && besideName))
          continue;
        mentions.push({
          text: phrase,
          start: i,
          end: i + n,
          drivers: drivers.map((d) => d.driver),
          fullName: drivers.some((d) => d.full),
          constructors,
          place,
        });
        i += n;
        matched = true;
        break;
      }
      if (!matched) i++;
    }
    // "the flying finn hakkinen", "kimi raikkonen the iceman": a name next to a nickname that fits him is one
    // mention of him.
    for (let k = 0; k + 1 < mentions.length; k++) {
      const [x, y] = [mentions[k]!, mentions[k + 1]!];
      if (x.end !== y.start || !x.drivers.length || !y.drivers.length) continue;
      const both = x.drivers.filter((d) => y.drivers.includes(d));
      if (!both.length || (both.length === x.drivers.length && both.length === y.drivers.length)) continue;
      mentions.splice(k, 2, {
        text: `${x.text} ${y.text}`,
        start: x.start,
        end: y.end,
        drivers: both,
        fullName: true,
        constructors: [],
        place: false,
      });
    }
    // Three-letter codes ("VER", "HAM") only in capitals, where they cannot be ordinary words.
    // A code inside a matched phrase ("MSC Cruises Gran Premio…") is part of that name, not a driver.
    const covered = new Set(
      mentions.flatMap((x) => Array.from({ length: x.end - x.start }, (_, k) => x.start + k)),
    );
    const free = (code: string) => words.some((w, k) => w === code && !covered.has(k));
    for (const m of text.matchAll(/\b[A-Z]{3}\b/g)) {
      const drivers = this.abbreviations.get(m[0]);
      if (drivers && free(m[0].toLowerCase()) && !mentions.some((x) => x.text === m[0].toLowerCase())) {
        mentions.push({
          text: m[0].toLowerCase(),
          start: Number.MAX_SAFE_INTEGER,
          end: Number.MAX_SAFE_INTEGER,
          drivers,
          fullName: false,
          constructors: [],
          place: false,
        });
      }
    }
    return mentions;
  }

  /** The drivers of `year` whose first name starts with `first` (normalised). */
  driversByFirstName(first: string, year: number): DriverEntity[] {
    return (this.firstNameIndex.get(first) ?? []).filter((d) => d.years.has(year));
  }

  /** Every driver whose first name starts with `first` (normalised), any season. */
  driversByFirstNameAnyYear(first: string): DriverEntity[] {
    return [...(this.firstNameIndex.get(first) ?? [])];
  }

  /**
   * The one driver a mention means in a season, ranked as the name resolver ranks namesakes (`preferKeys`): a
   * driver of that season first, then the better known; in free text two of one season go to the better known.
   */
  pickDriver(candidates: readonly DriverEntity[], year?: number): DriverEntity | undefined {
    return topByKeys(candidates, [
      ...preferKeys((d: DriverEntity) => ({ years: d.years, fame: d.starts }), year),
      (d) => d.starts,
    ])[0];
  }

  pickConstructor(candidates: readonly ConstructorEntity[], year?: number): ConstructorEntity | undefined {
    const fame = (c: ConstructorEntity) => c.years.size;
    return topByKeys(candidates, [
      ...preferKeys((c: ConstructorEntity) => ({ years: c.years, fame: fame(c) }), year),
      fame,
    ])[0];
  }

  /**
   * The driver a name means, as the product's one name resolver (data/queries/resolve.ts) reads it; a phrase that
   * is no name on its own ("Max Verstappen (Red Bull)") is read as text. Throws the resolver's not_found, with
   * the closest names, when neither finds one driver; an ambiguous name is never read as text.
   */
  driver(name: string, year?: number): DriverEntity {
    return this.resolved(
      name,
      () => resolveDriver(this.db, name, { year }).id,
      this.driverById,
      () => {
        const m = this.scan(name).find((x) => x.drivers.length > 0);
        return m ? this.pickDriver(m.drivers, year) : undefined;
      },
    );
  }

  /** The team a name means, as `driver` reads a driver. */
  constructorNamed(name: string, year?: number): ConstructorEntity {
    return this.resolved(
      name,
      () => resolveConstructor(this.db, name, { year }).id,
      this.constructorById,
      () => {
        const m = this.scan(name).find((x) => x.constructors.length > 0);
        return m ? this.pickConstructor(m.constructors, year) : undefined;
      },
    );
  }

  /**
   * A round of a season named as the REST routes name it (typo-tolerant, data/queries/resolve.ts), for a name the
   * phrase scoring of `matchRaces` did not place. Throws the resolver's not_found with the closest names.
   */
  raceNamed(year: number, name: string): RaceEntity {
    const ref = resolveRaceRound(this.db, year, name);
    return this.races.find((r) => r.id === ref.id)!;
  }

  /** `driver`, or nothing when the name names no one driver. */
  findDriver(name: string, year?: number): DriverEntity | undefined {
    return orNothing(() => this.driver(name, year));
  }

  findConstructor(name: string, year?: number): ConstructorEntity | undefined {
    return orNothing(() => this.constructorNamed(name, year));
  }

  private resolved<T>(
    name: string,
    resolve: () => string,
    byId: Map<string, T>,
    asText: () => T | undefined,
  ): T {
    try {
      return byId.get(resolve())!;
    } catch (err) {
      if (!(err instanceof AppError) || err.details?.reason !== 'unknown_name') throw err;
      const read = name.trim() ? asText() : undefined;
      if (read) return read;
      throw err;
    }
  }

  /**
   * Scores every race (of `year`, or all) by the place phrases in the text; the best-scoring race wins,
   * the most recent one among equals. Returns nothing when the text names no place at all.
   */
  matchRaces(text: string, year?: number): { race: RaceEntity; score: number }[] {
    const words = normalize(text).split(' ');
    const pool = year === undefined ? this.races : this.racesOf(year);
    // Every alias occurrence as a word span; a span inside a longer matched span does not count
    // ("United States Grand Prix West" is not also the "United States Grand Prix").
    const hits: { race: RaceEntity; start: number; end: number; weight: number }[] = [];
    for (const race of pool) {
      for (const a of race.aliases) {
        const aw = a.text.split(' ');
        for (let i = 0; i + aw.length <= words.length; i++) {
          if (aw.every((w, k) => words[i + k] === w))
            hits.push({ race, start: i, end: i + aw.length, weight: a.weight });
        }
      }
    }
    const dominated = (h: (typeof hits)[number]) =>
      hits.some((o) => o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start);
    const scores = new Map<RaceEntity, number>();
    for (const h of hits) {
      if (dominated(h)) continue;
      scores.set(h.race, (scores.get(h.race) ?? 0) + h.weight * (h.end - h.start));
    }
    // Ties (Silverstone 2020: British GP and 70th Anniversary GP): the grand prix held more often.
    return [...scores]
      .map(([race, score]) => ({ race, score }))
      .sort(
        (a, b) =>
          b.score - a.score ||
          this.editions(b.race.grandPrixId) - this.editions(a.race.grandPrixId) ||
          b.race.date.localeCompare(a.race.date),
      );
  }

  private editionCounts?: Map<string, number>;
  private editions(grandPrixId: string): number {
    if (!this.editionCounts) {
      this.editionCounts = new Map();
      for (const r of this.races)
        this.editionCounts.set(r.grandPrixId, (this.editionCounts.get(r.grandPrixId) ?? 0) + 1);
    }
    return this.editionCounts.get(grandPrixId) ?? 0;
  }
}

/** True when `a` is `b` with two adjacent letters swapped ("leclrec" / "leclerc"). */
/** Two neighbouring letters swapped ('frist', 'hwo'): one slip, not two. */
/** True when one word is the other with one letter doubled ("russel" / "russell"). */
export function differsByDoubling(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1) return false;
  for (let i = 0; i + 1 < long.length; i++)
    if (long[i] === long[i + 1] && long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}

export function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  return (
    diff.length === 2 &&
    diff[1] === diff[0]! + 1 &&
    a[diff[0]!] === b[diff[1]!] &&
    a[diff[1]!] === b[diff[0]!]
  );
}

export interface Mention {
  text: string;
  /** Word positions in the normalised text (codes found in capitals sort last). */
  start: number;
  end: number;
  drivers: DriverEntity[];
  /** True when the phrase is a full name, not just a surname. */
  fullName: boolean;
  constructors: ConstructorEntity[];
  place: boolean;
}

function orNothing<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return undefined;
    throw err;
  }
}

export const entityIndex = memoPerDb((db: Db) => new EntityIndex(db));

/**
 * Local-language grand prix names found in official names, by grand prix id: the official name minus
 * "Formula 1", the year and the sponsor words before the name itself ("Formula 1 Mercedes-Benz Grosser
 * Preis von Deutschland 2019" → "grosser preis von deutschland"). Only names of three words or more, or
 * with a word of their own beyond "grand prix", so a bare "grand prix" never becomes an alias.
 */
function localGrandPrixNames(rows: Record<string, string | number | null>[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const start =
    /\b(grand prix|gran premio|grande premio|grande premio|grosser preis|grand premio|[a-z]+ nagydij)\b/;
  for (const r of rows) {
    const official = normalize(String(r.official_name ?? ''))
      .replace(/\b(19|20)\d\d\b/g, '')
      .replace(/^formula 1 /, '')
      .trim();
    const m = start.exec(official);
    if (!m) continue;
    const local = official.slice(m.index).trim();
    const words = local.split(' ');
    if (words.length < 3 && !/nagydij/.test(local)) continue;
    const id = String(r.grand_prix_id);
    const set = out.get(id) ?? new Set<string>();
    set.add(local);
    out.set(id, set);
  }
  return out;
}
