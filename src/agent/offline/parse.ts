// Reading a fan's question: which entities it names (drivers, teams, a race, a season, a round) and
// what it asks about. Pure text work over the entity index; no answers are produced here.
import type { ConstructorEntity, DriverEntity, EntityIndex, Mention, RaceEntity } from '../entities.ts';
import { currentSeason, fullYear, LAST_RACE, NEXT_RACE, relativeSeasonPhrase } from '../race-ref.ts';
import { normalize } from '../text.ts';
import { isEnglishWord } from '../dictionary.ts';

export interface ParsedQuestion {
  text: string;
  norm: string;
  year?: number;
  /** "round 13", "after round 2", "as of round 11". */
  round?: number;
  drivers: DriverEntity[];
  /** Other drivers a surname-only mention could mean (Michael or Ralf for "Schumacher"), by chosen driver id. */
  namesakes: Map<string, DriverEntity[]>;
  constructors: ConstructorEntity[];
  /** True when the text names a place (grand prix, circuit, country) or a relative race. */
  namesRace: boolean;
  /** A driver's full name that is also a circuit's ("Nelson Piquet", "Gilles Villeneuve"). */
  maybePlace: boolean;
  /** Ids of drivers named by such a phrase: they may be the circuit instead. */
  placeDrivers: Set<string>;
  relative?: 'last' | 'next';
  cues: Cues;
}

const CUE_PATTERNS = {
  sprint: /\bsprint\b/,
  sprintQualifying: /\bsprint (qualifying|shootout|quali)\b|\bshootout\b|\bsprint pole\b/,
  retirement:
    /\b(retire|retired|retirement|retirements|dnf|dnfd|not finish|didnt finish|fail(ed)? to finish|put \w+( \w+)? out|out of the race|knocked out|reason|why did)\b/,
  pit: /\b(pit|pits|pitted|pitting|pitstops?|stops?|stopped)\b/,
  grid: /\b(start|started|starting|grid|line up|lined up|lines up)\b/,
  qualified:
    /\b(qualify|qualified|qualifying position|quali position|qualifying result|in qualifying|in quali)\b/,
  pole: /\bpoles?\b|\bqualif\w* (fastest|first|quickest|on top)\b|\b(fastest|quickest|top) (in |of )?(qualifying|quali)\b|\b(top|best|fastest) qualifier\b/,
  fastestLap: /\b(fastest|quickest) (race )?laps?\b/,
  versus: /\b(vs|versus|v|or|ahead|higher|in front|beat|better|before)\b/,
  finish:
    /\b(finish|finished|finishing|result|results|end up|ended up|end|place|placed|position|classified|come|came)\b/,
  winner:
    /\b(won|win|wins|winner|winning|victory|victorious|came out on top|come out on top|first place|triumph(ed)?)\b/,
  date: /\b(what day|which day|when|date|take place|took place|which round|what round)\b/,
  venue: /\b(circuit|track|venue|where was|where is|where s|held|host|hosted|which city)\b/,
  championship:
    /\b(champion|champions|championships?|titles?|wdc|wcc|crowns?|champs?)\b(?! (race|races|round|rounds|grand prix|gp)\b)|\b(in|of|won|top of|lead|leading|led) the (constructors|drivers)\b(?= *$| (in|of|for|after|this|last|that|back|standings|table)\b)/,
  leader: /\b(led|lead|leader|leading|top of|ahead in|on top of)\b/,
  constructorTitle: /\b(constructor|constructors|team|teams|wcc|manufacturer)\b/,
  // "what did he score in 2014": a driver or team scores points.
  points: /\bpoints?\b|\bwhat did .{1,40} score\b|\bhow much did .{1,40} score\b/,
  podium: /\bpodiums?\b/,
  count: /\b(how many|number of|count|total|tally)\b/,
  career: /\b(career|so far|all time|ever|in total|through|as of|to date|up to|until)\b/,
  standings: /\b(standings|table|classification of the championship)\b/,
  schedule: /\b(schedule|calendar|next race|upcoming|next grand prix|next gp|when is)\b/,
  rulebook:
    /\b(rule|rules|regulation|regulations|regs|article|allowed|permitted|legal|illegal|penalty|penalties|parc ferme|drs|sporting code|fia|cost cap|budget cap|power unit|tyre allocation|red flag|safety car rules|blue flags?|track limits|curfew|stewards?)\b/,
  regulation:
    /\b(regulations?|rules?|regs|rulebook|article|allowed|permitted|penalt(y|ies)|cost cap|budget cap|spending cap|overspend|breach|infringement|financial|sporting code|minimum weight|power units?(?! (have |has |had )?(won|win|wins|took|scored))|engines? (allocation|limit)|parc ferme|curfew|dead heat|tied on points|drive through|stop and go|red flag(ged)?|homologat\w*|wind tunnel|dyno|test bench|pre season testing|testing|ballast|fuel|compounds?|dry race|mgu k|turbos?|reference weight|time limit|unsafe release|unsafe pit release|safety car rules?|how are points|points (system|handed out|awarded|for (a |the )?(win|victory|pole|fastest lap|\w+ place)))\b/,
  prediction:
    /\b(will win|going to win|predict|prediction|predictions|chances?|favou?rites?|odds|likely to win|who wins)\b/,
  weather: /\b(weather|rain|raining|wet|forecast|temperature|temperatures|hot|cold)\b/,
  profile: /\b(who is|tell me about|profile|biography|born|nationality)\b/,
  teammate:
    /\b(team ?mates?|partnered|partner|paired with|alongside)\b|\bshared (the |a )?([a-z]+ )?(garage|team|pit|box|cars?) with\b|\b(driving|drove|in|driver of|who had) the other (car|\w+)\b/,
};

export type Cues = Record<keyof typeof CUE_PATTERNS, boolean>;

/** Words of a rules question (the regulation cue). */
export const CUE_REGULATION = CUE_PATTERNS.regulation;

/** Capitalised words that start questions or name other things, never read as a driver's first name. */
const NOT_FIRST_NAMES = new Set([
  'who',
  'what',
  'where',
  'when',
  'why',
  'how',
  'which',
  'did',
  'does',
  'was',
  'were',
  'will',
  'can',
  'could',
  'the',
  'grand',
  'prix',
  'formula',
  'race',
  'sprint',
  'round',
  'season',
  'team',
  'mark',
  'may',
  'grant',
]);

export function parseQuestion(index: EntityIndex, text: string, now: Date): ParsedQuestion {
  const norm = normalize(text);
  const cues = Object.fromEntries(Object.entries(CUE_PATTERNS).map(([k, re]) => [k, re.test(norm)])) as Cues;
  // "who won the wet one in Brazil": "wet" describes the race asked about; the weather is not the question.
  if (
    cues.weather &&
    !/\b(weather|forecast|temperatures?)\b|\bwill it\b|\bgoing to\b/.test(norm) &&
    /\b(who|which driver|whom)\b/.test(norm) &&
    (cues.winner || cues.pole || cues.finish || cues.podium || /\bdriver of the day\b|\bdotd\b/.test(norm))
  )
    cues.weather = false;
  // A season before 1950 is read too, so it is answered as outside the data, never as another season.
  const yearMatch = [...norm.matchAll(/\b(19[0-4]\d|19[5-9]\d|20\d\d)\b/g)].map((m) => Number(m[1]));
  let year = yearMatch.at(-1);
  // "in 92", "back in '99": a two-digit season.
  const short =
    year === undefined
      ? (/\b(?:in|of|from|season|back in|the) (\d\d)\b(?! (?:races?|wins?|points|laps|poles|podiums|times|seconds|s|th|st|nd|rd|drivers|cars|percent)\b)/.exec(
          norm,
        ) ??
        // "mansell in 92 - wins and poles": after "in", 50-99 is a season even before a count word.
        /\b(?:in|back in) ([5-9]\d)\b(?! (?:races?|laps|times|seconds|s|th|st|nd|rd|drivers|cars|percent|starts|attempts|tries)\b)/.exec(
          norm,
        ) ??
        (index.matchRaces(norm).length
          ? /\b[a-z]{3,} (\d\d)\b(?! (?:races?|wins?|points|laps|poles|podiums|times|seconds|s|th|st|nd|rd)\b)/.exec(
              norm,
            )
          : null))
      : null;
  if (short) year = fullYear(short[1]!);
  const relativeSeason = year === undefined ? relativeSeasonPhrase(norm) : undefined;
  if (relativeSeason) year = currentSeason(index, now) + relativeSeason.offset;
  const roundMatch = /\b(?:round|r)\s*(\d{1,2})\b/.exec(norm);
  const round = roundMatch ? Number(roundMatch[1]) : undefined;

  const mentions = index.scan(text);
  const drivers: DriverEntity[] = [];
  const namesakes = new Map<string, DriverEntity[]>();
  const constructors: ConstructorEntity[] = [];
  const teamChoices = new Map<ConstructorEntity, readonly ConstructorEntity[]>();
  let namesPlace = false;
  let maybePlace = false;
  const placeDrivers = new Set<string>();
  // "Driver of the Day" names an award, not Paddy Driver.
  const words = norm.split(' ');
  const award = new Set<number>();
  words.forEach((w, i) => {
    if (w === 'driver' && words.slice(i + 1, i + 4).join(' ') === 'of the day') award.add(i);
  });
  for (const m of mentions) {
    if (m.end - m.start === 1 && award.has(m.start)) continue;
    // A phrase that names both a place and a person ("Villeneuve", "Monaco"): a full name is a person,
    // otherwise the place wins when the question is about a race.
    // "José Carlos Pace 2011": a circuit named after a driver who did not race that season is the circuit.
    if (m.place && m.fullName && year !== undefined && !m.drivers.some((d) => d.years.has(year))) {
      namesPlace = true;
      continue;
    }
    if (m.place && m.drivers.length && m.fullName) {
      maybePlace = true;
      for (const d of m.drivers) placeDrivers.add(d.id);
    } else if (m.place) namesPlace = true;
    // "McLaren", "Williams", "Brabham": a bare surname that is also a team's name is the team.
    const teamNamed =
      m.constructors.length > 0 && !m.fullName && (saysTeam(norm, m) || teamOverDriver(index, m, year));
    if (m.drivers.length && (m.fullName || !m.place) && !teamNamed) {
      let d = index.pickDriver(m.drivers, year);
      // "Lewis" in 2020 is Hamilton, not the 1960s' Jackie Lewis: a bare name nobody of that season bears as
      // a surname is read as the first name of the one driver of the season who has it.
      if (d && !m.fullName && year !== undefined && !d.years.has(year)) {
        const word = norm.split(' ').slice(m.start, m.end).join(' ');
        const byFirst = index.driversByFirstName(word, year);
        if (byFirst.length === 1) d = byFirst[0]!;
      }
      // With no season: "lewis's last win" is Hamilton (391 starts), not Jackie Lewis (9) — a first name
      // wins over a surname when its best-known bearer raced far more.
      if (d && !m.fullName && year === undefined) {
        const word = norm.split(' ').slice(m.start, m.end).join(' ');
        const famous = index.driversByFirstNameAnyYear(word).sort((x, y) => y.starts - x.starts)[0];
        if (famous && famous !== d && famous.starts > 10 * Math.max(d.starts, 1)) d = famous;
      }
      if (d && !drivers.includes(d)) {
        drivers.push(d);
        if (!m.fullName && m.drivers.length > 1)
          namesakes.set(
            d.id,
            m.drivers.filter((x) => x !== d),
          );
      }
    } else if (m.constructors.length && (!m.place || teamNamed)) {
      const c = index.pickConstructor(m.constructors, year);
      if (c && !constructors.includes(c)) {
        constructors.push(c);
        if (m.constructors.length > 1) teamChoices.set(c, m.constructors);
      }
    }
  }
  // "Where did Kimi end up in Spa 2009?": a capitalised first name, when nothing else named a driver, a
  // question asks about one driver's result and exactly one driver of that season has that first name.
  const perDriverCue =
    cues.finish || cues.grid || cues.pit || cues.retirement || cues.qualified || cues.points || cues.podium;
  // A first name typed alone ("how many poles did lando get last year", "what was kimi's final win") names
  // its bearer when it is no English word or is said of a person; one more is read next to a named driver
  // in a comparison ("vettel vs kimi"). With a season, the one driver of that season who has it; without,
  // the one famous bearer — by far the longest career of all who had it.
  const ownCue = perDriverCue && !cues.winner && !cues.pole;
  if (drivers.length === 0 || (drivers.length === 1 && cues.versus)) {
    // Words of a driver already named or of a place the question names ("Jose Carlos Pace") are no first names.
    const taken = new Set(drivers.flatMap((d) => normalize(d.name).split(' ')));
    for (const r of index.matchRaces(norm).slice(0, 1))
      for (const a of r.race.aliases)
        if ((' ' + norm + ' ').includes(' ' + a.text + ' ')) for (const w of a.text.split(' ')) taken.add(w);
    const person = /\b(he|his|him)\b/.test(norm);
    for (const word of text.match(/\b\p{Lu}\p{Ll}{2,}\b|\b\p{Ll}{3,}\b/gu) ?? []) {
      const first = normalize(word);
      if (NOT_FIRST_NAMES.has(first) || taken.has(first)) continue;
      const lower = word === word.toLowerCase();
      const said = new RegExp(
        `\\b(did|does|has|had|was|is|vs|v|and|or) ${first}\\b|\\b${first} s\\b|^${first} (vs|v|or|and)\\b`,
      ).test(norm);
      if (year !== undefined) {
        if ((first.length < 4 && !said) || !(ownCue || said || !isEnglishWord(first))) continue;
        const matches = index
          .driversByFirstName(first, year)
          .filter((d) => !lower || normalize(d.name).startsWith(`${first} `));
        if (matches.length === 1 && !drivers.includes(matches[0]!)) {
          drivers.push(matches[0]!);
          // "max v charles": in a comparison both sides may be first names.
          if (!(cues.versus && drivers.length < 2)) break;
        }
      } else {
        if (!(person || said || !isEnglishWord(first))) continue;
        const [top, next] = index
          .driversByFirstNameAnyYear(first)
          .filter((d) => normalize(d.name).startsWith(`${first} `))
          .sort((x, y) => y.starts - x.starts);
        if (
          top &&
          top.starts >= 50 &&
          (!next || top.starts > 5 * Math.max(next.starts, 1)) &&
          !drivers.includes(top)
        ) {
          drivers.push(top);
          if (!(cues.versus && drivers.length < 2)) break;
        }
      }
    }
  }
  // "how many races did Kimi win for Lotus": with no season, a team name several constructors share is the
  // one whose seasons overlap the named driver's most (Lotus F1 2012-13, not Team Lotus).
  if (year === undefined && drivers.length === 1)
    constructors.forEach((c, i) => {
      const overlap = (t: ConstructorEntity) => [...t.years].filter((y) => drivers[0]!.years.has(y)).length;
      const best = [...(teamChoices.get(c) ?? [])].sort((x, y) => overlap(y) - overlap(x))[0];
      if (best && overlap(best) > overlap(c)) constructors[i] = best;
    });
  // "jenson buttons team brawn": the driver only points at the team the question is about.
  if (drivers.length === 1 && constructors.length === 1) {
    const last = normalize(drivers[0]!.lastName);
    const team = normalize(constructors[0]!.name);
    if (new RegExp(`\\b${last}( s|s)? (team|outfit|squad|car) ${team}\\b`).test(norm)) drivers.splice(0, 1);
  }
  // "Jackie Stewart's own team": the constructor that bears the driver's name.
  if (
    /\bs own (team|outfit|squad|constructor|cars?)\b/.test(norm) &&
    drivers.length === 1 &&
    !constructors.length
  ) {
    const namesake = index.scan(drivers[0]!.lastName).find((m) => m.constructors.length);
    const team = namesake ? index.pickConstructor(namesake.constructors, year) : undefined;
    if (team) {
      constructors.push(team);
      drivers.splice(0, 1);
    }
  }
  const relative = LAST_RACE.test(norm) ? 'last' : NEXT_RACE.test(norm) ? 'next' : undefined;
  return {
    text,
    norm,
    ...(year !== undefined ? { year } : {}),
    ...(round !== undefined ? { round } : {}),
    drivers,
    namesakes,
    constructors,
    namesRace: namesPlace || relative !== undefined,
    maybePlace,
    placeDrivers,
    ...(relative ? { relative } : {}),
    cues,
  };
}

/** "the Stewart team", "Brabham as a constructor", "a Williams car": the words around a name make it the team. */
function saysTeam(norm: string, m: Mention): boolean {
  const words = norm.split(' ');
  const after = words.slice(m.end, m.end + 3).join(' ');
  return (
    /^(team|teams|constructor|outfit|squad|car|cars|chassis|works team)\b(?! ?mates?\b)/.test(after) ||
    /^(as a|as an|the) (team|constructor|outfit|manufacturer)\b|^s own (team|outfit|squad|constructor)\b/.test(
      after,
    ) ||
    /\bas an? (team|constructor|outfit|manufacturer)\b/.test(norm)
  );
}

/**
 * A bare name that is a team's and a driver's ("McLaren", "Williams", "Fittipaldi"): the one active in the
 * season asked about; with no season or both active, the team when it raced more seasons than the driver.
 */
function teamOverDriver(index: EntityIndex, m: Mention, year: number | undefined): boolean {
  const team = index.pickConstructor(m.constructors, year);
  const driver = index.pickDriver(m.drivers, year);
  if (!team || !driver) return !!team;
  if (year !== undefined) {
    const t = team.years.has(year);
    const d = driver.years.has(year);
    if (t !== d) return t;
  }
  return team.years.size > driver.years.size;
}

/** The text with the drivers' and teams' names blanked, so "Carlos Sainz" cannot name Interlagos' José Carlos Pace. */
export function placeText(index: EntityIndex, q: ParsedQuestion): string {
  const words = q.norm.split(' ');
  for (const m of index.scan(q.text)) {
    if (m.start >= words.length) continue;
    const isPerson = (m.drivers.length && (m.fullName || !m.place)) || (m.constructors.length && !m.place);
    if (isPerson) for (let i = m.start; i < m.end; i++) words[i] = '_';
  }
  return words.join(' ');
}

export type { RaceEntity };
