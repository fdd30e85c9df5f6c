// The offline engine: answers F1 questions with no language model. It reads the question (intent plus
// entities), calls the same tools the LLM would, and writes a short answer in a race engineer's voice
// with its source. When the data does not have the answer it says so; when it does not understand,
// it says what it can answer.
import { uncovered } from './coverage.ts';
import { mendWords } from './spelling.ts';
import { AppError } from '../../errors.ts';
import { entityIndex, type DriverEntity, type EntityIndex, type RaceEntity } from '../entities.ts';
import {
  currentSeason,
  fullYear,
  isoDate,
  label,
  LAST_RACE,
  NEXT_RACE,
  lastRace,
  nextRace,
  relativeSeasonPhrase,
  resolveRace,
} from '../race-ref.ts';
import { containsPhrase, formatPoints, normalize, ordinal, PLACE_WORDS } from '../text.ts';
import { listTools, runTool, type ToolCallOutcome } from '../tools/registry.ts';
import type { ToolContext, ToolResult } from '../tools/types.ts';
import type { SessionRow, StandingRow } from '../../data/queries/agent-extra.ts';
import { markdownTable } from '../../markdown.ts';
import { NON_START_CODES } from '../../data/queries/starts.ts';
import { CUE_REGULATION, parseQuestion, placeText, type ParsedQuestion } from './parse.ts';
import { bestSentences } from '../../rulebook/quote.ts';
import { plainSpeech, yearsAgo } from './colloquial.ts';
import { ORDINARY_WORDS, readStatsFrame, type StatsFrame } from './frame.ts';
import { answerStats } from './stats-answer.ts';
import { eventText, type StatsData } from '../tools/stats.tool.ts';
import { startText } from '../../time-zone.ts';
import { answerRelation, relationAsked, seasonMeant } from './relations.ts';
import { missingStatistic, missingText } from './unavailable.ts';
import { definitionAsked } from './glossary.ts';
import { isEnglishWord } from '../dictionary.ts';

/** answered: facts stated; unavailable: the data does not hold it (said plainly); abstained: not understood. */
export type AnswerStatus = 'answered' | 'unavailable' | 'abstained';

export interface EngineAnswer {
  answer: string;
  tools: ToolCallOutcome[];
  sources: string[];
  status: AnswerStatus;
}

/** An answer that is not one: the engine did not understand (part of) the question. */
class Abstain extends Error {}
/** A question answered whole before its parts are read (an age at a referenced event). */
class Answered extends Error {
  constructor(readonly body: Body) {
    super('answered');
  }
}

export const CAPABILITIES =
  "I can answer from the F1 database (1950 to the latest race): race and sprint winners, poles, finishing and grid positions, fastest laps, pit stops, retirements and why, head-to-heads, champions and points, the standings after any round, a driver's season or career totals, race dates and venues, the calendar and the next race — plus the FIA rulebook.";

class Answerer {
  readonly tools: ToolCallOutcome[] = [];
  readonly index: EntityIndex;

  constructor(readonly ctx: ToolContext) {
    this.index = entityIndex(ctx.db());
  }

  /** Calls a tool; a failure becomes an AppError carrying the tool's message (said to the user as is). */
  async call<T>(name: string, args: Record<string, unknown>): Promise<{ data: T; sources: string[] }> {
    const r = await this.callFull(name, args);
    return { data: r.data as T, sources: r.sources };
  }

  /** The whole tool result, Markdown rendering included (for answers that are the tool's table). */
  async callFull(name: string, args: Record<string, unknown>): Promise<ToolResult> {
    const outcome = await runTool(name, args, this.ctx, listTools(this.ctx.config));
    this.tools.push(outcome);
    // The tool's own code travels on: a timeout or a 503 is not "not in the data".
    if (!outcome.ok || !outcome.result)
      throw new AppError(outcome.code ?? 'internal', outcome.error ?? `${name} failed`);
    return outcome.result;
  }
}

interface RaceData {
  race: { year: number; round: number; grandPrix: string; date: string; circuit: string };
  results: SessionRow[];
  fastestLap: { driver: string; constructor: string; time: string | null; lap: number | null } | null;
}

function raceArgs(race: RaceEntity) {
  return { year: race.year, grand_prix: `round ${race.round}` };
}

function rowOf(rows: SessionRow[], d: DriverEntity): SessionRow | undefined {
  return rows.find((r) => r.driverId === d.id);
}

function finishText(r: SessionRow): string {
  if (r.position !== null) return `P${r.position}`;
  const reason = r.reasonRetired ? ` — ${r.reasonRetired}` : '';
  return `${r.positionText}${reason}`;
}

/** Resolves the race a question is about, or throws the "not available" answer the user should read. */
function raceOfQuestion(
  index: EntityIndex,
  q: ParsedQuestion,
  now: Date,
  allowRound = true,
): RaceEntity | undefined {
  // "last weekend's race", "yesterday": the calendar's race of that weekend, results or not.
  if (
    /\blast weekend\b|\byesterday\b|\bthis weekend\b|\blast sunday\b/.test(q.norm) &&
    !placeText(index, q).match(/grand prix|gp/)
  ) {
    const today = isoDate(now);
    const weekend = /\bthis weekend\b/.test(q.norm)
      ? index.races.find((r) => r.date >= today)
      : index.races.filter((r) => r.date <= today).at(-1);
    if (weekend && !weekend.hasRaceResults) {
      const latest = lastRace(index, now);
      throw new AppError(
        'not_found',
        `That race — the ${label(weekend)} (${weekend.date}) — has no result in the data yet${latest ? `; the latest race with results is the ${label(latest)} (${latest.date})` : ''}.`,
      );
    }
    if (weekend) return weekend;
  }
  if (q.relative === 'last') return lastRace(index, now, q.year);
  if (q.relative === 'next') return nextRace(index, now, q.year);
  const text = placeText(index, q);
  if (q.year !== undefined && index.racesOf(q.year).length === 0) {
    const years = index.years();
    throw new AppError(
      'not_found',
      `That is not available: the data covers ${years[0]}–${years.at(-1)}, and the ${q.year} season is not in it.`,
    );
  }
  // "the very first world championship race": round 1 of 1950.
  if (
    /\b(very first|first ever) ((world )?championship )?(race|round|grand prix|gp)\b|\bfirst (world )?championship (race|round|grand prix)\b/.test(
      q.norm,
    ) &&
    q.year === undefined &&
    !placeText(index, q).match(/\b(at|in) the new\b/) &&
    index.matchRaces(placeText(index, q)).length === 0
  )
    return index.races[0];
  // "the season opener in 2017", "the final race of 2008": the first or last round on that calendar.
  if (q.year !== undefined) {
    const rounds = index.racesOf(q.year);
    if (/\b(first (race|round|grand prix|gp)|opening (race|round)|season opener|opener)\b/.test(q.norm))
      return rounds[0];
    if (/\b(final (race|round|grand prix|gp)|season finale|finale)\b/.test(q.norm)) return rounds.at(-1);
  }
  if (allowRound && q.round !== undefined && !index.matchRaces(text, q.year).length) {
    return resolveRace(index, { year: q.year, round: q.round }, now);
  }
  if (!q.namesRace && !q.maybePlace) return undefined;
  // A circuit named after a driver ("Gilles Villeneuve 2014") only shows in the unblanked text.
  let matches = index.matchRaces(text, q.year);
  if (matches.length === 0) matches = index.matchRaces(q.text, q.year);
  if (matches.length === 0) {
    if (q.year !== undefined) {
      throw new AppError(
        'not_found',
        `That race is not available: there was no such grand prix in ${q.year} (the ${q.year} calendar has ${index.racesOf(q.year).length} rounds, none at that venue).`,
      );
    }
    return undefined;
  }
  if (q.year !== undefined) return matches[0]!.race;
  const best = matches.filter((m) => m.score === matches[0]!.score).map((m) => m.race);
  // "When was the first Miami Grand Prix?": the earliest edition.
  if (/\b(inaugural|debut|maiden)\b|\bthe first [a-z ]*(grand prix|gp|edition)\b/.test(q.norm))
    return [...best].sort((x, y) => x.date.localeCompare(y.date))[0];
  // "When is the Las Vegas GP?": this season's edition, run or not.
  if (q.cues.date || q.cues.schedule || q.cues.prediction || q.cues.weather) {
    const season = currentSeason(index, now);
    const current = best.find((r) => r.year === season);
    if (current) return current;
  }
  // "who topped sprint qualifying at Zandvoort": the latest edition that was a sprint weekend, held by today.
  if (q.cues.sprint || q.cues.sprintQualifying) {
    const today = isoDate(now);
    const sprint = best.find(
      (r) => r.isSprintWeekend && r.date <= today && (q.cues.sprintQualifying || r.hasSprintResults),
    );
    if (sprint) return sprint;
  }
  return best.find((r) => r.hasRaceResults) ?? best[0];
}

const src = (sources: string[]) =>
  sources.length ? `\n\n_Source: ${[...new Set(sources)].join('; ')}._` : '';

export async function answerOffline(question: string, ctx: ToolContext): Promise<EngineAnswer> {
  const a = new Answerer(ctx);
  const now = ctx.now();
  let body: { text: string; sources: string[] };
  let status: AnswerStatus = 'answered';
  const referenceSources: string[] = [];
  try {
    if (
      /\b(select|drop|insert|delete|update|union|pragma|attach)\b[^?]*\b(from|table|into|set|select|database)\b|;\s*--/i.test(
        question,
      )
    )
      throw new Abstain(
        'That looks like SQL. Offline I answer questions asked in words — e.g. "who won the 2021 Abu Dhabi GP?". (Programs can run read-only SELECTs through the query_f1_database tool over MCP.)',
      );
    const mended = await resolveNeighbourRace(
      a,
      eventAttributes(readablePlainly(a.index, question, now)),
      now,
    );
    // "…when Jim Clark won his first title": that event is looked up first and named in its place.
    const resolved = await resolveReference(a, mended, now);
    if (resolved.sources.length) referenceSources.push(...resolved.sources);
    // "How old was Brabham when he won his last title?": the age on the day of that event.
    if (resolved.age && /\b(how old|what age|at what age|how young)\b/.test(normalize(mended)))
      throw new Answered({ text: resolved.age, sources: resolved.sources });
    // "Piquet won the 87 title, but who won more races that year?": "that year" is the year it names.
    const named = normalize(resolved.text);
    const chained = CHAINED.exec(
      /\b(19[5-9]\d|20\d\d)\b|\b(in|the|of) '?\d\d\b/.test(named)
        ? named.replace(/\bthat (year|season)\b/g, ' ')
        : named,
    );
    if (chained)
      throw new Abstain(
        `I can't answer that offline: "${chained[0]}" refers to another fact the question does not name, and I do not chain one answer into the next. Ask in two steps, naming the race or season — e.g. "When did Piastri win his first race?", then "Who finished second in the 2024 Hungarian GP?".`,
      );
    // A rules question is searched whole: the rulebook ranks articles by all of its words.
    const regulation = CUE_REGULATION.test(normalize(resolved.text));
    const { topic, ask } = regulation ? { ask: resolved.text } : topicAndAsk(resolved.text);
    const parts = regulation ? [ask] : splitQuestion(ask);
    const answers: Body[] = [];
    for (const [i, part] of parts.entries()) {
      // "…and who was on pole?": a later part inherits the race, season and names of the first.
      // Each part is read with the names and season of the others before it, so its own words win.
      // A later part lends only its place and season: "who won the 97 title and what engine did his Williams
      // have" asks the first part of the champion, not of Williams.
      const others = [
        contextPhrase(a.index, [topic ?? '', ...parts.slice(0, i)].join(' ')),
        contextPhrase(a.index, parts.slice(i + 1).join(' '), {
          // "How many GP wins and how many sprint wins does Russell have?": a part with no subject of its own
          // takes the names of the parts after it too.
          placesOnly: /^(who|whom|whose|which|what (team|driver|constructor))\b/.test(normalize(part)),
        }),
      ].join(' ');
      // "Clark or Hill - who won more?": a topic naming a comparison lends its connective too.
      const comparing = topic && /\b(or|vs|versus|v)\b/i.test(topic);
      // A topic before one ask is read whole ("1989 constructors - how far ahead were McLaren of Williams").
      let text =
        comparing ||
        (topic && (parts.length === 1 || normalize(part).split(' ').length <= 2) && namingTopic(topic, part))
          ? `${topic} ${part}`
          : parts.length > 1 || topic
            ? `${others} ${part}`
            : part;
      // "…+ what team was he driving for?": a pronoun with no name of its own is the driver the part before
      // answered with.
      const previous = answers.at(-1);
      if (previous && !previous.status && /\b(he|him|his|she|her)\b/i.test(part)) {
        const own = parseQuestion(a.index, part, now);
        const named = own.drivers.length ? undefined : firstDriverNamed(a.index, previous.text);
        if (named) text = `${named.name} ${text}`;
      } else if (previous && !previous.status && /\b(they|them|their|it|its)\b/i.test(part)) {
        // "who won the constructors' in 1984 and how many races did they win": the team that answer named.
        const own = parseQuestion(a.index, part, now);
        const team =
          own.drivers.length || own.constructors.length ? undefined : firstTeamNamed(a.index, previous.text);
        if (team) text = `${team} ${text}`;
      }
      const answer = await answerPart(a, parseQuestion(a.index, text, now), now);
      // "…, and who did it with which team?": a part pointing back at what the part before answered adds
      // nothing when it cannot be read on its own.
      if (
        i > 0 &&
        answers.length &&
        !answers.at(-1)!.status &&
        answer.text.startsWith("I couldn't pin that down") &&
        (/\b(it|that|this|them|those|did it|done it)\b/i.test(part) ||
          // "…, and which team?" after an answer that named it.
          /^(and )?(which|what) (team|driver|constructor|one)\W*$/i.test(part.trim()) ||
          // "…, and when?" after an answer that gave the date.
          (/^(when|where was it held)\W*$/i.test(part) && /\b\d{4}-\d\d-\d\d\b/.test(answers.at(-1)!.text)))
      )
        continue;
      answers.push(answer);
    }
    body = {
      // "who won more, and how many did each win": two parts the one comparison answers are said once.
      text: [...new Set(answers.map((x) => x.text)), ...(resolved.note ? [resolved.note] : [])].join('\n\n'),
      sources: [...referenceSources, ...answers.flatMap((x) => x.sources)],
    };
    if (answers.every((x) => x.status === 'unavailable')) status = 'unavailable';
    if (!answers.some((x) => x.status)) {
      const gaps = uncovered(parseQuestion(a.index, resolved.text, now), body.text);
      if (gaps.length && !body.text.startsWith("I couldn't pin that down"))
        throw new Abstain(
          `I can't answer that offline with confidence: the answer I found does not cover ${gaps.join(' or ')}, so it would answer a different question. Try asking about one driver and one season at a time, e.g. "How many races did Lauda win?".`,
        );
    }
  } catch (err) {
    if (err instanceof Answered) {
      body = err.body;
    } else if (err instanceof Abstain) {
      body = { text: err.message, sources: [] };
      status = 'abstained';
    } else if (err instanceof AppError) {
      body = { text: err.message, sources: [] };
      status = 'unavailable';
    } else {
      // A reading the engine did not foresee: logged for us, and an honest abstention for the fan.
      ctx.logger.error(
        { event: 'agent.offline.error', err, question },
        'offline engine failed on a question',
      );
      body = {
        text: `I can't answer that offline: I could not read this question reliably. Try asking one thing at a time, naming the driver, team, race or season.`,
        sources: [],
      };
      status = 'abstained';
    }
  }
  if (body.text.startsWith("I couldn't pin that down")) status = 'abstained';
  const sources = [...new Set(body.sources)];
  return { answer: body.text + src(sources), tools: a.tools, sources, status };
}

const NEIGHBOUR =
  /\bthe (?:race|round|grand prix|gp|event) (after|before|following|preceding|that followed|that came after|that came before|prior to)\b/;

/**
 * "who won the race after Hungary this year" → "who won the 2026 Belgian Grand Prix": the round next to the
 * race named, on that season's calendar. "What is the race after Hungary?" is answered with that round.
 */
async function resolveNeighbourRace(a: Answerer, text: string, now: Date): Promise<string> {
  const norm = normalize(text);
  const m = NEIGHBOUR.exec(norm);
  // The words after the phrase must name the race ("after Hungary", "before the last race").
  const after = m ? norm.slice(m.index + m[0].length) : '';
  if (!m || !(a.index.matchRaces(after).length || LAST_RACE.test(after) || NEXT_RACE.test(after)))
    return text;
  const q = parseQuestion(a.index, norm.replace(m[0], ' '), now);
  const race = raceOfQuestion(a.index, q, now);
  if (!race) return text;
  const step = /^(before|preceding|that came before|prior to)$/.test(m[1]!) ? -1 : 1;
  const other = a.index.racesOf(race.year).find((r) => r.round === race.round + step);
  if (!other)
    throw new Answered({
      text: `The ${label(race)} was the ${step > 0 ? 'last' : 'first'} round of the ${race.year} calendar: there is no race ${step > 0 ? 'after' : 'before'} it that season.`,
      sources: [`f1db — ${race.year} calendar`],
    });
  const rel = `${step > 0 ? 'after' : 'before'} the ${label(race)}`;
  // "What's the race after Hungary?": the round itself.
  if (/^(whats|what|which)( s| is| was| will be| comes)?( the)?( next)?$/.test(norm.slice(0, m.index).trim()))
    throw new Answered({
      text: `The race ${rel} is the ${label(other)}: round ${other.round}, ${other.date}, at ${other.circuitName} (${other.place}).${other.hasRaceResults ? '' : ' It has not been run yet.'}`,
      sources: [`f1db — ${race.year} calendar`],
    });
  // The words that named the first race go; the round next to it takes the phrase's place.
  let rest = ` ${norm.replace(m[0], ` the ${race.year} ${other.grandPrixName.toLowerCase()} `)} `;
  const alias = race.aliases
    .filter((al) => rest.includes(` ${al.text} `) && !normalize(other.grandPrixName).includes(al.text))
    .sort((x, y) => y.text.length - x.text.length)[0];
  if (alias) rest = rest.replace(` ${alias.text} `, ' ');
  return rest.trim();
}

/** The first driver an answer names by full name ("Nigel Mansell (Williams) won the 1992…"). */
function firstDriverNamed(index: EntityIndex, text: string): DriverEntity | undefined {
  const m = index.scan(text).find((x) => x.fullName && x.drivers.length && !x.place);
  return m ? index.pickDriver(m.drivers, undefined) : undefined;
}

/** The team an answer opens with ("McLaren won the 1984 constructors' championship…"), if it opens with one. */
function firstTeamNamed(index: EntityIndex, text: string): string | undefined {
  const m = index.scan(text).find((x) => x.constructors.length || x.drivers.length);
  return m && m.constructors.length && !m.fullName
    ? index.pickConstructor(m.constructors, undefined)?.name
    : undefined;
}

/** One answer's text, its sources and, when it is not an answer, why. */
interface Body {
  text: string;
  sources: string[];
  status?: AnswerStatus;
}

async function answerPart(a: Answerer, q: ParsedQuestion, now: Date): Promise<Body> {
  const term = definitionAsked(q.norm);
  if (term) return { text: term, sources: ['Race Engineer glossary'] };
  if (SCENARIO.test(q.norm) && !q.cues.regulation) return scenario(a, q, now);
  const missing = missingStatistic(q.norm, q.year);
  if (missing) throw new AppError('not_found', missingText(missing));
  // "in 1948": a season outside the data is said so on every path, not read as another season.
  if (
    q.year !== undefined &&
    a.index.racesOf(q.year).length === 0 &&
    !/\b(since|after|before|from|until|between)\b/.test(q.norm)
  ) {
    const years = a.index.years();
    throw new AppError(
      'not_found',
      `That is not available: the data covers ${years[0]}–${years.at(-1)}${q.year < years[0]! ? ' (the World Championship began in 1950)' : ''}, and the ${q.year} season is not in it.`,
    );
  }
  const [only] = q.drivers;
  if (only && q.drivers.length === 1 && only.starts === 0 && !q.cues.profile)
    throw new AppError(
      'not_found',
      `${only.name} never started a World Championship race (0 starts): the data holds only entries that did not reach the start — did not qualify, did not start or practice only${only.years.size ? ` (${[...only.years].sort().join(', ')})` : ''}.`,
    );
  // "Who was runner-up to Piquet in 1981?": second in that season's championship (no race named).
  if (
    q.year !== undefined &&
    q.drivers.length + q.constructors.length === 1 &&
    (/\b(runner up|second|p2|2nd)( place| best)? (to|behind)\b/.test(q.norm) ||
      // "Hawthorn won the 1958 title — who was second?"
      (q.cues.championship &&
        /\bwho (was|finished|came|ended up) (second|runner up|p2|2nd)\b/.test(q.norm))) &&
    (q.cues.championship || !q.namesRace)
  )
    return championship(a, q, now);
  // "Where did Jordan end up in the 1999 constructors' championship?": that entry of the final table.
  if (STANDING_PLACE.test(q.norm) && (q.drivers.length === 1 || q.constructors.length === 1))
    return standingOf(a, q, now);
  const relation = relationAsked(q);
  if (relation) return answerRelation(a, a.index, q, relation, now);
  // "which tyre brand was the winner on", "the name of the car he won the title in": the race and title
  // answers do not say, so they would answer another question ("most wins on Bridgestones" is a statistic).
  const attribute = CAR_ATTRIBUTE.exec(q.norm);
  if (
    attribute &&
    !/\b(most|fewest|how many|number of|more|which (tyre|tire) (brand|manufacturer|maker|supplier)s? (has|have|won))\b/.test(
      q.norm,
    )
  )
    throw new Abstain(
      `I can't answer that offline: I can name the race's or season's results, but not "${attribute[0]}" of one car. Ask it as a statistic instead, e.g. "most wins on Bridgestone tyres", or ask the question with an LLM configured.`,
    );
  const frame = readStatsFrame({ index: a.index, q, now });
  const stats = frame && isStatsQuestion(frame, q, a.index) ? await statsOrAbstain(a, frame) : undefined;
  return stats ?? (await route(a, q, now));
}

/** What a race or title answer does not state: a car's chassis or its tyre maker. */
const CAR_ATTRIBUTE =
  /\b(chassis|(name|model) of the car|car (name|model)|(tyre|tire) (brand|manufacturer|maker|supplier|company)s?|(which|what) (tyres|tires) (was|were|did))\b/;

/** "Alonso's first win", "Hülkenberg's first ever podium": one event of a driver's career, named by its kind. */
const CAREER_EVENT =
  /\b([a-z]+(?: [a-z]+)?) s (first|maiden|last|only|final) (?:ever )?(?:f1 |formula 1 |grand prix |gp |world )?(win|victory|podium|pole position|pole|title|championship)\b/;

/**
 * "Alonso's first win: what race, what year, and which team?", "Button's first GP win — where did that happen?":
 * asks only of that event's race, year, team or place, which the event's own line states at once. Read as the
 * one question "what was Alonso's first win?" instead of three asks that each lose the event.
 */
function eventAttributes(text: string): string {
  const norm = normalize(text);
  const m = CAREER_EVENT.exec(norm);
  if (!m) return text;
  // Only an event stated first, as a topic ("Alonso's first win: …"); "where was his last win" is read as it is.
  if (/\b(what|which|where|when|who|how|was|did)\b/.test(norm.slice(0, m.index))) return text;
  const rest = norm.replace(m[0], ' ');
  const attributes =
    /\b(what|which) (race|year|season|team|car|circuit|track|grand prix|gp|venue)\b|\bwhere\b|\bwhen\b/.test(
      rest,
    );
  const otherAsk =
    /\b(who|whom|how many|how much|how old|what age|team ?mates?|points|grid|behind|second|margin|gap)\b/.test(
      rest,
    );
  // "last win for Mercedes", "first pole at Monza": a scope of its own is left to the full reading.
  const scoped = /\b(for|with|at|in|driving|since|before|after)\b/.test(
    rest.replace(/\b(in|for|with|at) (what|which)\b|\b(was )?(he|she) (was )?with\b/g, ' '),
  );
  return attributes && !otherAsk && !scoped ? `what was ${norm.slice(0, m.index + m[0].length)}?` : text;
}

/** "when he won his first title", "when Piastri got his first win in Hungary": an event named by its kind. */
const REFERENCE =
  /\b(when|the year|the season|the race where|the race when|in the race where) (he|she|[a-z]+(?: [a-z]+)?) (?:finally )?(?:got|won|took|scored|clinched|claimed) (?:his|her|the) (?:(first|maiden|last|only) )?(?:ever )?(?:drivers )?(title|championship|world title|win|victory|grand prix win|grand prix|race|gp|pole|podium)(?: (?:in|at) ([a-z]+(?: [a-z]+)?))?\b/;

/**
 * Replaces a reference to an event by the event itself — "when Jim Clark won his first title" → "in 1963",
 * "when he got his first win in Hungary" → "at the 2024 Hungarian Grand Prix" — using the stats query for
 * the driver named (or, for "he", the question's driver). Unresolvable references are left for the
 * chained-question abstention.
 */
async function resolveReference(
  a: Answerer,
  text: string,
  now: Date,
): Promise<{ text: string; sources: string[]; age?: string; note?: string }> {
  const norm = normalize(text);
  const debut = await resolveDebut(a, norm, now);
  if (debut) return debut;
  const titleYear = await resolveTitleYear(a, norm, now);
  if (titleYear) return titleYear;
  const m = REFERENCE.exec(norm);
  if (!m) return (await resolveWinAt(a, norm, now)) ?? { text, sources: [] };
  const [whole, , who, which, what, place] = m as unknown as [
    string,
    string,
    string,
    string | undefined,
    string,
    string | undefined,
  ];
  const named = /^(he|she)$/.test(who) ? undefined : a.index.findDriver(who);
  const others = parseQuestion(a.index, norm.replace(whole, ' '), now).drivers;
  // "who was older when he won his first title: Hill or Button?": "he" is each of them, not one event.
  if (!named && others.length > 1) return { text, sources: [] };
  const driver = named ?? others[0];
  if (!driver) return { text, sources: [] };
  const metric = /title|championship/.test(what)
    ? 'titles'
    : /pole/.test(what)
      ? 'poles'
      : /podium/.test(what)
        ? 'podiums'
        : 'wins';
  const args: Record<string, unknown> = {
    metric,
    group_by: 'driver',
    driver: driver.id,
    pick: which === 'last' ? 'last' : 'first',
  };
  if (place) {
    const race = a.index.matchRaces(place)[0]?.race;
    if (!race) return { text, sources: [] };
    args.grand_prix = race.grandPrixId;
  }
  const r = await a.call<StatsData>('get_f1_stats', args).catch(() => undefined);
  const e = r?.data.rows[0]?.event;
  // "when he won his title": only a driver with one names one event.
  if (!r || !e || (!which && r.data.events !== 1)) return { text, sources: [] };
  const replacement = metric === 'titles' ? `in ${e.year}` : `at the ${e.year} ${e.raceName}`;
  const kind =
    metric === 'titles' ? 'title' : metric === 'poles' ? 'pole' : metric === 'podiums' ? 'podium' : 'win';
  const age = e.age
    ? `${driver.name} was ${e.age.years} years and ${e.age.days} days old when he took his ${which} ${kind}${
        metric === 'titles'
          ? ` (${e.year}, counted on the date of the ${e.year} ${e.raceName}, ${e.date})`
          : ` (the ${e.year} ${e.raceName}, ${e.date})`
      }.`
    : undefined;
  return { text: norm.replace(whole, replacement), sources: r.sources, ...(age ? { age } : {}) };
}

/** "the race where Hamilton made his debut", "Norris's first race", "in his rookie season": his first start. */
const DEBUT_RACE =
  /\b(?:the race (?:where|when|in which)|when) (he|she|[a-z]+(?: [a-z]+)?) (?:made|making|had|did) (?:his|her) (?:f1 |formula 1 |formula one |grand prix |world championship )?debut\b|\b(his|her|[a-z]+(?: [a-z]+)? s) (?:f1 |grand prix )?(?:debut|first(?: ever)?) (?:race|grand prix|gp|start)\b(?! (?:win|wins|victory|podium|pole|points))|\b(?:turned out to be|was|became) (his|her|[a-z]+(?: [a-z]+)? s) (last|final)(?: (?:race|grand prix|gp|start)\b| *$)|\b(his|her|[a-z]+(?: [a-z]+)? s) (?:final|last) (?:f1 |formula 1 |formula one |grand prix |world championship )?(?:race|grand prix|gp|start)\b(?! (?:win|wins|victory|podium|pole|points))/;
const DEBUT_SEASON =
  /\b(?:in )?(his|her|[a-z]+(?: [a-z]+)? s) (?:rookie|debut|first|maiden) (?:f1 )?(?:year|season|campaign)\b(?! (with|for|at|in) [a-z])/;

/** "when he won in Montreal", "the time Kubica won at Canada": a driver's win at a place, if he won there once. */
const WIN_AT =
  /\b(?:when |the (?:time|year|race) (?:when )?)(he|she|[a-z]+(?: [a-z]+)?) won (?:in|at) ([a-z]+(?: [a-z]+)?)\b/;

async function resolveWinAt(
  a: Answerer,
  norm: string,
  now: Date,
): Promise<{ text: string; sources: string[] } | undefined> {
  const m = WIN_AT.exec(norm);
  if (!m) return undefined;
  const [whole, who, place] = m as unknown as [string, string, string];
  const named = /^(he|she)$/.test(who) ? undefined : a.index.findDriver(who);
  const driver = named ?? parseQuestion(a.index, norm.replace(whole, ' '), now).drivers[0];
  const race = a.index.matchRaces(place)[0]?.race;
  if (!driver || !race) return undefined;
  const r = await a
    .call<StatsData>('get_f1_stats', {
      metric: 'wins',
      group_by: 'driver',
      driver: driver.id,
      grand_prix: race.grandPrixId,
      pick: 'first',
    })
    .catch(() => undefined);
  const e = r?.data.rows[0]?.event;
  // Several wins there: which one is meant is not said, so the reference is left for the abstention.
  if (!r || !e || r.data.events !== 1) return undefined;
  return { text: norm.replace(whole, `at the ${e.year} ${e.raceName}`), sources: r.sources };
}

/**
 * "Who won the race where X made his debut?" → "Who won the 2007 Australian Grand Prix?"; "in X's rookie
 * year" → "in 2007". Only where the question asks about that race or season, not about the debut itself.
 */
async function resolveDebut(
  a: Answerer,
  norm: string,
  now: Date,
): Promise<{ text: string; sources: string[]; note?: string } | undefined> {
  // About that race (its winner, his finish there), not about the debut itself ("what was his first race",
  // "how old was he at his debut"), which the statistics reader answers.
  const aboutRace =
    /\b(who|which driver|what driver|finish|finished|place|placed|position|grid|qualif\w*|result|points|retire\w*|team ?mates?)\b/.test(
      norm,
    ) && !/\b(how old|what age|at what age)\b/.test(norm);
  const race = aboutRace ? DEBUT_RACE.exec(norm) : null;
  const season = race ? null : DEBUT_SEASON.exec(norm);
  const m = race ?? season;
  if (!m) return undefined;
  const who = (m[1] ?? m[2] ?? m[3] ?? m[5]!).replace(/ s$/, '');
  const last = !!(race && (m[4] || m[5]));
  // "Who won Ligier's first race?": a team's debut (Ligier the team, not Guy Ligier the driver), and — since
  // a fan may mean its first win — that win too.
  const asName = /^(he|she|his|her)$/.test(who) ? undefined : parseQuestion(a.index, who, now);
  const team = asName && !asName.drivers.length ? asName.constructors[0] : undefined;
  if (team && race) {
    const pick = (metric: string) =>
      a
        .call<StatsData>('get_f1_stats', {
          metric,
          group_by: 'constructor',
          team: team.id,
          pick: last ? 'last' : 'first',
          count: 'races',
        })
        .catch(() => undefined);
    const [debut, win] = await Promise.all([pick('starts'), pick('wins')]);
    const e = debut?.data.rows[0]?.event;
    if (!debut || !e) return undefined;
    const w = win?.data.rows[0]?.event;
    const note =
      /\b(who won|winner)\b/.test(norm) && w && (w.year !== e.year || w.raceName !== e.raceName)
        ? `${team.name}'s ${last ? 'last' : 'first'} race was the ${e.year} ${e.raceName}; its ${last ? 'last' : 'first'} win came at the ${eventText(w)}${w.driverName ? `, with ${w.driverName}` : ''}.`
        : undefined;
    return {
      text: norm.replace(m[0], `the ${e.year} ${e.raceName}`),
      sources: [...debut.sources, ...(win?.sources ?? [])],
      ...(note ? { note } : {}),
    };
  }
  const named = /^(he|she|his|her)$/.test(who) ? undefined : a.index.findDriver(who);
  const driver = named ?? parseQuestion(a.index, norm.replace(m[0], ' '), now).drivers[0];
  if (!driver) return undefined;
  const r = await a
    .call<StatsData>('get_f1_stats', {
      metric: 'starts',
      group_by: 'driver',
      driver: driver.id,
      pick: last ? 'last' : 'first',
    })
    .catch(() => undefined);
  const e = r?.data.rows[0]?.event;
  if (!r || !e) return undefined;
  // "…, who finished directly ahead of him?": the pronoun needs the driver the phrase named.
  const pronoun = /\b(he|him|his|she|her)\b/.test(norm.replace(m[0], ' '));
  const replacement = race
    ? `the ${e.year} ${e.raceName}${pronoun ? `, ${driver.name},` : ''}`
    : `${driver.name} in ${e.year}`;
  return { text: norm.replace(m[0], replacement), sources: r.sources };
}

const TITLE_YEAR =
  /\b(?:in |during )?(his|her|[a-z]+(?: [a-z]+)? s) (?:(?:world )?(?:title|championship)(?: winning)?) (?:year|season|campaign)\b|\b(?:in )?the (?:year|season) (he|she|[a-z]+(?: [a-z]+)?) (?:won|took|clinched) the (?:world )?(?:title|championship)\b/;

/**
 * "Rosberg's wins in his title year" → "Rosberg's wins in 2016": the season of a driver's only title. A
 * driver with several titles has no one title year, so the question says which and abstains.
 */
async function resolveTitleYear(
  a: Answerer,
  norm: string,
  now: Date,
): Promise<{ text: string; sources: string[] } | undefined> {
  const m = TITLE_YEAR.exec(norm);
  if (!m) return undefined;
  const who = (m[1] ?? m[2]!).replace(/ s$/, '');
  const named = /^(he|she|his|her)$/.test(who) ? undefined : a.index.findDriver(who);
  const driver = named ?? parseQuestion(a.index, norm.replace(m[0], ' '), now).drivers[0];
  if (!driver) return undefined;
  const pick = (p: 'first' | 'last') =>
    a
      .call<StatsData>('get_f1_stats', { metric: 'titles', group_by: 'driver', driver: driver.id, pick: p })
      .catch(() => undefined);
  const [first, last] = await Promise.all([pick('first'), pick('last')]);
  const from = first?.data.rows[0]?.event?.year;
  const to = last?.data.rows[0]?.event?.year;
  if (from === undefined || to === undefined) {
    if (first && !first.data.rows.length)
      throw new Abstain(
        `${driver.name} never won the drivers' championship, so there is no title year to ask about.`,
      );
    return undefined;
  }
  if (from !== to)
    throw new Abstain(
      `${driver.name} won more than one title (the first in ${from}, the last in ${to}), so "${m[0].trim()}" does not name one season. Ask about the season itself, e.g. "in ${to}".`,
    );
  return { text: norm.replace(m[0], ` ${driver.name} in ${from}`), sources: first!.sources };
}

/** References to a fact the question does not state: answering them needs one answer fed into another. */
const CHAINED =
  /\b(when|after|before|where) (he|she|they|[a-z]+( [a-z]+)?) (finally )?(got|won|took|scored|made|had|clinched) (his|her|their) (first|maiden|last|only|debut|\d+\w*)\b[^?]*|\b(his|her|their) (title|championship) (year|season|winning year)\b|\bthat (race|year|season|weekend|grand prix)\b(?! (was|is|were)\b)|\b(after|since) (he|she) (had )?(died|passed away|was killed)\b/;

/**
 * The question in the words the reader knows: fans' shorthand rewritten, relative years made seasons,
 * misspelt words and names mended, a trailing description of the race dropped.
 */
export function readablePlainly(index: EntityIndex, question: string, now: Date): string {
  const words = mendWords(question, ORDINARY_WORDS, (w) => index.isNameWord(w));
  const plain = yearsAgo(plainSpeech(words), currentSeason(index, now));
  return dropDescription(index.correctTypos(plain, (w) => ORDINARY_WORDS.has(w) || isEnglishWord(w)));
}

/** ", the race where Hamilton won the title on the last lap": a description of what is already named. */
function dropDescription(text: string): string {
  // "…, the race where…", "(the crazy wet one)": a description of the event the question already names.
  return (
    text
      .replace(/,\s*the (race|one|year|season|weekend) (where|when|in which)[^?,]*/i, '')
      .replace(/\(\s*the\b[^()]*\b(one|race|year|season|weekend|edition)\b[^()]*\)/gi, ' ')
      // "both titles (driver + team)": the aside restates the two championships.
      .replace(/\s*\(\s*(drivers?|driver s)\s*(and|&|\+|\/)\s*(teams?|constructors?)\s*\)/gi, ' ')
  );
}

/** "Where did Jordan end up in the 1999 constructors' championship?", "what position did Alonso finish in the standings". */
const STANDING_PLACE =
  /\b(where|what position|which position|what place) (did|does|do|was|is) [a-z]+( [a-z]+)? (end up|ended up|end|finish|finished|place|placed|come|came|rank|ranked)\b.*\b(championship|standings|table)\b/;

async function standingOf(a: Answerer, q: ParsedQuestion, now: Date): Promise<Body> {
  const team = q.drivers.length === 1 && !/\bconstructors?\b/.test(q.norm) ? undefined : q.constructors[0];
  const year = q.year ?? currentSeason(a.index, now);
  const { data, sources } = await a.call<{
    year: number;
    afterRound: number;
    seasonComplete: boolean;
    standings: StandingRow[];
  }>(team ? 'get_constructor_standings' : 'get_driver_standings', { year });
  const who = team ?? q.drivers[0]!;
  const row = data.standings.find((s) => s.id === who.id);
  if (!row)
    return {
      text: `${who.name} has no ${team ? "constructors'" : "drivers'"} championship standing in ${year} in the data.`,
      sources,
      status: 'unavailable',
    };
  const place = row.position ? `P${row.position} (${ordinal(row.position)})` : row.positionText;
  const when = data.seasonComplete ? `the ${year} season` : `${year} after round ${data.afterRound}`;
  return {
    text: `${who.name} finished ${place} in the ${team ? "constructors'" : "drivers'"} championship of ${when}, with ${formatPoints(row.points)} points and ${row.wins} win${row.wins === 1 ? '' : 's'}.`,
    sources,
  };
}

/**
 * "British GP this year: who was on pole?", "Norris won Hungary - who was his team-mate?": a topic stated
 * before a colon or dash, then the ask. The topic lends its names and season to the ask, not its verbs.
 */
export function topicAndAsk(text: string): { topic?: string; ask: string } {
  // "2008: Hamilton won the title, but did he win more races than Massa?": the statement before "but" is
  // context; the question after it is the ask.
  const but = /^(.{3,140}?),?\s+but\s+((?:did|does|was|were|is|are|has|have|who|what|which|how)\b.+)$/i.exec(
    text.trim(),
  );
  if (but && !/\?/.test(but[1]!)) return { topic: but[1]!.replace(/^([^:]{1,20}):\s*/, '$1 '), ask: but[2]! };
  const m =
    /^([^?:]{3,100}?)\s*(?::|\s[-–—]\s|\.\s+)\s*((?:who|what|which|how|where|when|did|was|were|is|are|has|have|give|name|list)\b.+)$/i.exec(
      text.trim(),
    );
  if (!m || /^(who|what|which|how|where|when)\b/i.test(m[1]!)) return { ask: text };
  // "Most Singapore GP wins - who holds that record?", "nando's last win - when and where was it?": an ask
  // pointing back at the topic ("that", "it") asks the topic itself.
  if (/\b(that|it|this|them|those)\b/i.test(m[2]!) && !/\b(he|she|his|her|they|their)\b/i.test(m[2]!))
    return { ask: `${m[1]} ${m[2]}` };
  // "Webber took ages to win a race — which one was his first?": an ask ending on "his first" takes its noun
  // from the topic.
  if (/\b(first|last|latest|most recent|final|maiden)\W*$/i.test(m[2]!)) return { ask: `${m[1]} ${m[2]}` };
  // "Most one-twos in a season: which team, which year, how many?": asks with no words of their own.
  if (
    /^((which|what) [a-z]+|who|how many|how much|when|where|whose)(\s*(,|and|&)?\s*((which|what) [a-z]+|who|how many|how much|when|where|whose))*\W*$/i.test(
      m[2]!.trim(),
    )
  )
    return { ask: `${m[1]} ${m[2]}` };
  // "Bottas's first win - which race?": a short ask only points at the topic, which is the question.
  if (normalize(m[2]!).split(' ').length <= 3) return { ask: `${m[1]} ${m[2]}` };
  return { topic: m[1]!, ask: m[2]! };
}

/** "Who won X and who was on pole?" → its parts; a question with one ask is one part. */
/**
 * A topic that only names a thing is read whole when it is short ("1989 constructors") or its ask is
 * ("Alonso's first ever F1 win — which race and year?"); one that says something happened ("Norris won
 * Hungary this summer") or qualifies ("Brabham the team (not Jack the driver)") lends only its names and season.
 */
function namingTopic(topic: string, ask: string): boolean {
  const norm = normalize(topic);
  const short = norm.split(' ').length <= 3 || normalize(ask).split(' ').length <= 4;
  return (
    short &&
    !/\b(won|did|does|was|were|is|are|has|have|had|took|got|finished|scored|drove|raced|not)\b/.test(norm)
  );
}

const ROLE = String.raw`(?:world |race |grand prix |gp |sprint )?(?:champ|champion|winner|runner[ -]?up|pole ?sitter|pole|fastest lap)`;
const ROLE_PAIR = new RegExp(
  String.raw`\b(${ROLE})\s*,?\s*(?:and|&|\+)\s+(?:the |who was )?(${ROLE})\b`,
  'i',
);

/** "drivers' and constructors' champions", "both championships": one ask per championship. */
const BOTH_TITLES =
  /\b(?:the )?drivers?'?(?: s)?\s*(?:and|&|\+|\/)\s*constructors?'?(?: s)?\s*(champions?|champs?|titles?|championships?|crowns?)\b|\bboth (?:the )?(?:(19[5-9]\d|20\d\d) )?(?:world )?(?:championships|titles|crowns|champions)\b(?:\s*[-–—:,]?\s*(?:the )?drivers?'?(?: s)? and constructors?'?(?: s)?)?/i;

/** "drivers champ and constructors champ", "1999 champions — driver and constructor": the same two asks. */
const TITLE_PAIR =
  /\bdrivers?'?(?: s)?\s+(champs?|champions?|titles?|championships?)\s*(?:and|&|\+|\/)\s*(?:the )?constructors?'?(?: s)?\s+(?:champs?|champions?|titles?|championships?)\b|\b(champions?|champs?)\s*[-–—:,]\s*(?:the )?drivers?'?(?: s)? and constructors?'?(?: s)?\b/i;

const QUANTITY_ASK = /\b(how many|how much|number of|count|total|tally|who|which|what|when|where)\b/;

export function splitQuestion(text: string): string[] {
  const both = BOTH_TITLES.exec(text);
  if (both) {
    const noun = both[1]
      ? both[1].toLowerCase().replace(/s$/, '')
      : /champions\b/i.test(both[0])
        ? 'champion'
        : 'championship';
    const year = both[2] ? `${both[2]} ` : '';
    return [`${year}drivers' ${noun}`, `${year}constructors' ${noun}`].flatMap((t) =>
      splitQuestion(text.replace(both[0], t)),
    );
  }
  const pair = TITLE_PAIR.exec(text);
  if (pair) {
    const noun = (pair[1] ?? pair[2]!).toLowerCase().replace(/s$/, '');
    return [`drivers' ${noun}`, `constructors' ${noun}`].flatMap((t) =>
      splitQuestion(text.replace(pair[0], t)),
    );
  }
  // "1992 world champ + what team was he driving for?": a plus joins two asks, whatever their shape.
  const plus = text.split(/\s+[+&]\s+/).filter(Boolean);
  if (plus.length > 1) return plus.flatMap((p) => splitQuestion(p));
  // "1959 world champ and runner-up?", "pole sitter and winner": two roles of one race or season, two asks.
  const roles = ROLE_PAIR.exec(text);
  if (roles) return [text.replace(roles[0], roles[1]!), text.replace(roles[0], roles[2]!)];
  const parts = text
    .split(
      /\s*[,;]?\s+\band (?=(?:who|whose|what|which|how many|how much|where|when|did|was)\b)|(?<=^(?:who|what|which|how|where|when|did|was|is)\b[^?]*)\?\s+(?=\S)/i,
    )
    .map((p) => p.trim())
    .filter(Boolean);
  // "…, and how many more?", "and by how much": the tail qualifies the first ask; it is not a new one.
  // "…, and when?", "and where?": a bare when or where asks it of the same race.
  const standalone = (p: string) =>
    (normalize(p).split(' ').length > 3 ||
      /^(who|whose|what|which|where|when) [a-z]+/.test(normalize(p)) ||
      /^(when|where)$/.test(normalize(p))) &&
    !/^(how (many|much) more|by how (much|many)|how big|what (was|is) the (gap|margin|difference))\b/.test(
      normalize(p),
    );
  // "number of rounds, and Max's win count?": two asks for a quantity, joined by a comma and "and".
  const commaParts = text.split(/\s*,\s*and\s+/i);
  if (
    commaParts.length === 2 &&
    commaParts.every((p) => QUANTITY_ASK.test(normalize(p))) &&
    standalone(commaParts[1]!)
  )
    return commaParts.flatMap((p) => splitQuestion(p));
  // Each part must ask something of its own ("How many Grands Prix and how many sprints did he win?" is one ask).
  // "…champions — which team, and whose engine?": a bare "which team" asks too.
  const asks = (p: string) =>
    /^(which|what) (team|constructor|driver|engine|car)s?$|^(when|where)$/.test(normalize(p)) ||
    /\b(who|won|win|wins|did|does|was|were|is|are|has|have|had|took|take|got|get|finished|scored|drove|started|champions?|champs?|winners?|pole ?sitters?)\b/.test(
      normalize(p),
    );
  if (parts.length < 2 || !parts.slice(1).every(standalone) || !parts.every(asks)) return [text];
  // "Where and when did Mass get his only win?": two wh-words of one question.
  if (/^(when|where|who|which|what|how)$/i.test(parts[0]!.trim())) return [text];
  return parts.map((p) => (/^where\W*$/i.test(p) ? 'where was it held' : p));
}

/**
 * An elliptical follow-up read against the previous question: "and Hamilton?" after "how many wins did
 * Verstappen have in 2021?" asks the same of Hamilton, so a driver (or team) the follow-up names replaces the
 * previous question's; anything else it says is appended, where its words win (the latest season named).
 */
export function mergeFollowUp(index: EntityIndex, previous: string, followUp: string): string {
  const own = index.scan(followUp).filter((m) => m.start < Number.MAX_SAFE_INTEGER);
  const prevWords = normalize(previous).split(' ');
  const replaceKind = (kind: 'drivers' | 'constructors') => {
    const mine = own.find((m) => m[kind].length && !m.place);
    const theirs = index.scan(previous).find((m) => m[kind].length && !m.place && m.start < prevWords.length);
    if (!mine || !theirs) return false;
    prevWords.splice(theirs.start, theirs.end - theirs.start, mine.text);
    return true;
  };
  const replaced = replaceKind('drivers') || replaceKind('constructors');
  if (!replaced) return `${previous} ${followUp}`;
  const rest = normalize(followUp)
    .split(' ')
    .filter(
      (w) =>
        !own.some((m) => m.text.split(' ').includes(w)) && !/^(and|what|about|how|for|same|the|of)$/.test(w),
    );
  return [...prevWords, ...rest].join(' ');
}

/** The names, place and season of a question, as words another question can inherit. */
export function contextPhrase(index: EntityIndex, text: string, o: { placesOnly?: boolean } = {}): string {
  const norm = normalize(text);
  const words = norm.split(' ');
  const keep: string[] = [];
  for (const m of index.scan(text))
    if (m.start < words.length && (!o.placesOnly || m.place)) {
      keep.push(words.slice(m.start, m.end).join(' '));
      // "spa 98", "adelaide 86": two digits right after a place are its season.
      if (m.place && /^\d\d$/.test(words[m.end] ?? '')) keep.push(String(fullYear(words[m.end]!)));
    }
  // "the 97 title": a short year lent on as the full one.
  for (const [, yy] of norm.matchAll(
    /\b(?:in|the|of|season) (\d\d)\b(?! (points?|wins?|races?|laps?|poles?|podiums?|times?)\b)/g,
  ))
    keep.push(String(fullYear(yy ?? '')));
  const time = norm.match(
    /\b((since|from|after|before|until|up to|prior to) )?(19[5-9]\d|20\d\d)\b|\b(last|latest|most recent|next) (race|grand prix|gp)\b|\b(very first|first ever) ((world )?championship )?(race|round|grand prix|gp)\b/g,
  );
  const season = relativeSeasonPhrase(norm)?.text;
  return [...new Set([...keep, ...(time ?? []), ...(season ? [season] : [])])].join(' ');
}

/** A frame over many races (not one race's result): the statistics answerer's, not a race template's. */
function isStatsQuestion(f: StatsFrame, q: ParsedQuestion, index: EntityIndex): boolean {
  const c = q.cues;
  if (c.regulation || c.prediction || c.weather) return false;
  // "who won the 2021 title and by how many points": the champion and his margin, from the standings.
  if (
    /\b(won|win|took|take|clinched)\b.*\b(title|championship(?! (races?|rounds?|grands prix|gps?|points))|crown|wdc)\b.*\bby (how many|how much|what margin)\b/.test(
      q.norm,
    ) ||
    // "Who won the 2008 constructors' championship and on how many points?": the champion's line has them.
    (f.op !== 'compare' &&
      f.fromYear !== undefined &&
      f.fromYear === f.toYear &&
      !f.drivers.length &&
      !f.teams.length &&
      /\b(who|which team|which constructor|what team|which driver) won\b.*\b(title|championship(?! (races?|rounds?|grands prix|gps?))|crown|wdc|wcc)\b/.test(
        q.norm,
      )) ||
    // "1983 world champion, and by how many points did he win it?"
    (f.op !== 'compare' &&
      f.fromYear !== undefined &&
      f.fromYear === f.toYear &&
      /\b(world )?champ(ion)?\b/.test(q.norm) &&
      /\bby (how many|how much|what margin)\b|\b(winning )?margin\b/.test(q.norm))
  )
    return false;
  // "who's leading the championship this year": the standings of one season, not a count of titles.
  if (
    /\b(lead|leads|leading|leader|top of|on top of)( of)? (the )?(drivers'? |drivers s |constructors'? |world )?(championship|champ|champs|standings|title race|table)\b|\b(championship|standings|title) (lead|leader)\b/.test(
      q.norm,
    ) &&
    !f.op?.match(/^(count|first|last)$/)
  )
    return false;
  const oneSeason = f.fromYear !== undefined && f.fromYear === f.toYear;
  if (oneSeason && f.place && (f.op === 'count' || f.op === 'compare')) return false;
  // "the first ever Saudi Arabian GP in 2021 — who won it?": one race described, not a first event.
  if (oneSeason && f.place && !f.drivers.length && !f.teams.length && (f.op === 'first' || f.op === 'last'))
    return false;
  // "the first Madrid race this year", not run yet: the race itself says it has no result.
  if (oneSeason && f.place) {
    const editions = index
      .racesOf(f.fromYear!)
      .filter((r) => r.grandPrixId === f.place!.grandPrixId || r.circuitId === f.place!.circuitId);
    if (editions.length && editions.every((r) => !r.hasRaceResults)) return false;
  }
  // "Lauda's last grand prix win" is a pick over his career; "who won the last race" is one race.
  if (q.relative && !((f.op === 'first' || f.op === 'last') && (f.drivers.length || f.teams.length)))
    return false;
  // "Where did Jordan end up in the 1999 constructors' championship?": a standings place.
  if (STANDING_PLACE.test(q.norm)) return false;
  // "who took 10th at Silverstone this year": a place in one race.
  if (oneSeason && f.place && /\b\d{1,2}(st|nd|rd|th)\b|\bp\d{1,2}\b|\blast point\b/.test(q.norm))
    return false;
  // "who finished right behind Piastri…": a neighbour in one race's classification.
  if (
    /\b(behind|ahead of|in front of|(finished|came|came home|was) second to|runner up to)\b/.test(q.norm) &&
    f.drivers.length
  )
    return false;
  // "the first (ever) championship race", "the last race of 2008": one race, not a statistic.
  if (
    /\b(first|last|final|opening) (ever )?((world )?championship )?(race|round|grand prix|gp)\b/.test(
      q.norm,
    ) &&
    !f.drivers.length &&
    !f.teams.length
  )
    return false;
  return true;
}

async function statsOrAbstain(a: Answerer, f: StatsFrame): Promise<{ text: string; sources: string[] }> {
  if (f.unexplained.length) {
    throw new Abstain(
      `I can't answer that offline: I understood a question about ${f.metrics.map((m) => m.replace(/_/g, ' ')).join(' and ')}, but not "${f.unexplained.join(' ')}". Try rephrasing it with a driver, team, circuit or season, e.g. "most wins at Monaco" or "how many poles did Senna take with McLaren?".`,
    );
  }
  const answer = await answerStats(a, f);
  if (!answer)
    throw new Abstain(`I can't answer that kind of statistics question offline yet. ${CAPABILITIES}`);
  return answer;
}

async function route(a: Answerer, q: ParsedQuestion, now: Date): Promise<Body> {
  const c = q.cues;
  const [d1, d2] = q.drivers;

  // Rules questions ("under the 2026 regulations…", "what penalty for…") go to the rulebook first.
  if (c.regulation && !d1) return rulebook(a, q);

  if (d1 && !d2 && c.teammate && !c.winner && !c.finish) return teammates(a, q, d1, now);

  // Season and career statistics of one driver (no single race asked about).
  const statAsked =
    c.points || c.podium || (c.count && (c.winner || c.pole || c.fastestLap)) || /\bwins\b/.test(q.norm);
  if (d1 && !d2 && statAsked && !c.retirement && !c.pit && !c.grid) {
    const careerCue = c.career || /\bbefore\b/.test(q.norm) || (q.year === undefined && !q.namesRace);
    if (careerCue) return career(a, q, d1, now);
    if (q.year !== undefined && !q.namesRace) return seasonStats(a, q, d1);
  }

  // Championship questions: champions, leaders after a round.
  const seasonTop =
    !d1 &&
    !q.namesRace &&
    q.year !== undefined &&
    (/\bmost (points|wins|victories)\b/.test(q.norm) || MOST_WINS.test(q.norm));
  const leaderAfter = c.leader && (c.standings || c.points || /\bafter\b/.test(q.norm));
  // "who was the 1959 runner-up": with a season and no race, the championship's second place.
  const seasonRunnerUp = !d1 && !q.namesRace && q.year !== undefined && /\brunner up\b/.test(q.norm);
  if (c.championship || leaderAfter || c.standings || seasonTop || seasonRunnerUp) {
    if (!(d1 && (c.points || /\bwins\b/.test(q.norm)))) return championship(a, q, now);
  }

  // "When is the next race?" reads the calendar; "when is the Monaco GP this year?" is that race's date.
  const namesOneRace = q.namesRace && !q.relative;
  if (c.schedule && !namesOneRace && !c.winner && !c.pole && !c.fastestLap && !c.weather && !c.prediction)
    return schedule(a, q, now);

  // Two drivers over a season ("Hamilton vs Verstappen 2021").
  const raceCue = c.grid || c.retirement || c.pit || c.finish || c.pole || c.fastestLap || c.winner;
  if (d1 && d2 && !q.namesRace && q.year !== undefined && !(q.maybePlace && raceCue))
    return seasonHeadToHead(a, q, d1, d2);
  // A team's season ("Mercedes wins 2020", "Ferrari points in 2019").
  const [team] = q.constructors;
  if (team && !d1 && !q.namesRace && (statAsked || c.points || c.winner))
    return teamSeason(a, q, team.id, team.name);

  const race = raceOfQuestion(a.index, q, now);
  if (!race) {
    if (d1 && (c.profile || q.drivers.length === 1)) return career(a, q, d1, now);
    if (c.rulebook) return rulebook(a, q);
    return { text: `I couldn't pin that down to a race, driver or season. ${CAPABILITIES}`, sources: [] };
  }

  // Two rounds at one venue in a season (Silverstone 2020, Red Bull Ring 2021) named only by the venue:
  // answer for each rather than guess.
  const twins = q.year !== undefined && !q.relative ? sameVenueTwins(a.index, q, race) : [];
  if (twins.length > 1) {
    const parts = [];
    for (const r of twins)
      parts.push(
        await raceQuestion(a, q, r).catch((e: unknown) => ({
          text: String((e as Error).message),
          sources: [],
        })),
      );
    return {
      text: `${race.circuitName} hosted ${twins.length} rounds in ${race.year}:\n\n${parts.map((p) => `- ${p.text}`).join('\n')}`,
      sources: parts.flatMap((p) => p.sources),
    };
  }
  const answer = await raceQuestion(a, q, race);
  return q.relative === 'last'
    ? { ...answer, text: lastRaceCaveat(a.index, q, race, now) + answer.text }
    : answer;
}

/**
 * "Last race" answers from the latest race with results; when later rounds have been run but their results
 * are not in the data yet, say so first instead of presenting an older race as the latest.
 */
function lastRaceCaveat(index: EntityIndex, q: ParsedQuestion, race: RaceEntity, now: Date): string {
  const today = isoDate(now);
  const held = index.races.filter(
    (r) => r.date < today && (q.year === undefined || r.year === q.year) && !r.hasRaceResults,
  );
  const latest = held.at(-1);
  if (!latest || latest.date <= race.date) return '';
  return `The most recent race on the calendar, the ${latest.year} ${latest.grandPrixName} (${latest.date}), has no results in the data yet; the latest race with results is the ${race.year} ${race.grandPrixName}. `;
}

/** The races of the season tied with `race` for the best match, when they share its circuit. */
function sameVenueTwins(index: EntityIndex, q: ParsedQuestion, race: RaceEntity): RaceEntity[] {
  const matches = index.matchRaces(placeText(index, q), q.year);
  const top = matches[0]?.score;
  const tied = matches.filter((m) => m.score === top).map((m) => m.race);
  return tied.length > 1 && tied.every((r) => r.circuitId === race.circuitId)
    ? tied.sort((x, y) => x.round - y.round)
    : [];
}

/** Questions about one race: the session, then what about it (winner, a driver's result, pole, …). */
async function raceQuestion(a: Answerer, q: ParsedQuestion, race: RaceEntity) {
  const c = q.cues;
  // A driver whose name is the venue's ("Gilles Villeneuve 2014") named the circuit, not a driver.
  const named = q.drivers.filter(
    (d) =>
      !q.placeDrivers.has(d.id) || !race.aliases.some((al) => containsPhrase(al.text, normalize(d.name))),
  );
  const [d1, d2] = named;
  if (c.prediction && !race.hasRaceResults) return prediction(a, race, d1);
  if (STRATEGY.test(q.norm) && !c.regulation) return strategy(a, race, d1);
  if (c.weather && !c.regulation) return weather(a, race);
  if (c.date && !d1) return raceDate(a, race);
  if (c.venue && !d1 && !c.winner && !c.pole) return venue(a, race);
  if (c.sprintQualifying || (c.sprint && c.pole)) return pole(a, race, 'sprint', d1);
  if (d1 && !d2 && c.qualified && !c.pole && !c.grid)
    return qualifyingPosition(a, race, d1, c.sprint || c.sprintQualifying);
  if (c.pole && !c.fastestLap) return pole(a, race, 'race', d1);
  if (c.fastestLap) return fastestLap(a, race, c.sprint);

  const session = c.sprint ? 'sprint' : 'race';
  const data = await raceData(a, race, session);
  const name = `${label(race)}${session === 'sprint' ? ' sprint' : ''}`;
  const rows = data.race.results;
  // "Who was voted Driver of the Day at Suzuka?": the fans' vote, held since 2016.
  if (/\bdriver of the day\b|\bdotd\b/.test(q.norm)) {
    const voted = rows.find((r) => r.driverOfTheDay);
    return {
      text: voted
        ? `${voted.driver} (${voted.constructor}) was voted Driver of the Day at the ${name}, finishing ${finishText(voted)}.`
        : `No Driver of the Day vote for the ${name} is in the data (the fans' award began in 2016).`,
      sources: data.sources,
      ...(voted ? {} : { status: 'unavailable' as const }),
    };
  }
  // "Taylor" in 1961 is whichever Taylor took part in this race.
  const inRace = (d: DriverEntity) =>
    rowOf(rows, d) ? d : ((q.namesakes.get(d.id) ?? []).find((o) => rowOf(rows, o)) ?? d);
  if (d1 && d2) return headToHead(data, inRace(d1), inRace(d2), name);
  // "Who finished right behind Hamilton?", "who was just ahead of Massa?": the neighbour's place.
  // "Who finished second to Hamilton?" asks the same of a winner.
  const side =
    /\b(right |directly |just |immediately )?behind\b|\b(finished|came|came home|was) second to\b|\brunner up to\b/.test(
      q.norm,
    )
      ? 1
      : /\b(right |directly |just |immediately )?(ahead of|in front of)\b/.test(q.norm)
        ? -1
        : 0;
  if (d1 && side) {
    const own = rowOf(rows, inRace(d1));
    if (!own?.position)
      return {
        text: `${d1.name} was not classified in the ${name}, so nobody finished ${side > 0 ? 'behind' : 'ahead of'} him on the road.`,
        sources: data.sources,
      };
    const next = nthPlace(data, own.position + side, name);
    return { ...next, text: `${d1.name} finished P${own.position}; ${next.text}` };
  }
  // "How many laps was the last GP?": the winner's laps are the race distance.
  if (!d1 && /\bhow many laps\b/.test(q.norm) && !/\b(led|lead|leading)\b/.test(q.norm)) {
    const p1 = rows.find((r) => r.position === 1);
    if (p1?.laps)
      return {
        text: `The ${name} was run over ${p1.laps} laps (the winner, ${p1.driver}, completed all ${p1.laps}).`,
        sources: data.sources,
      };
  }
  // "How many cars finished the 2024 Monaco GP?", "how many retirements were there?": the race's counts.
  if (
    !d1 &&
    /\b(how many|number of)\b/.test(q.norm) &&
    /\b(finishers|finished|classified|retired|retirements|dnfs?|starters|started|cars|drivers|runners)\b/.test(
      q.norm,
    )
  )
    return raceCounts(data, name);
  const nth = positionAsked(q.norm);
  if (nth !== undefined && !d1) return nthPlace(data, nth, name);
  if (d1) {
    const answer = c.retirement ? retirement : c.pit ? pitStops : c.grid ? grid : finish;
    const main = inRace(d1);
    const first = answer(data, main, name);
    // A bare surname shared by two drivers of this race ("Schumacher" in 2005): answer for both.
    const others = [d1, ...(q.namesakes.get(d1.id) ?? [])].filter((o) => o !== main && rowOf(rows, o));
    const also = others.map((o) => answer(data, o, name).text);
    return also.length
      ? { text: `${first.text} (Also named ${main.lastName}: ${also.join(' ')})`, sources: first.sources }
      : first;
  }
  if (c.constructorTitle && c.winner) return winner(data, name, true);
  const rowsAsked = classificationRowsAsked(q.norm);
  if (rowsAsked !== undefined) return classification(data, name, rowsAsked, c.grid);
  return winner(data, name, false);
}

/**
 * How many rows of a race's classification the question asks to see ("full results", "top 10", "the
 * finishing order", "the starting grid"), or undefined when it asks one fact (who won, who was P3).
 */
function classificationRowsAsked(norm: string): number | undefined {
  const top = /\btop (\d{1,2}|three|five|ten|twenty)\b/.exec(norm);
  if (top) return COUNT_NUMBERS[top[1]!] ?? Number(top[1]);
  if (/\b(who|whom|which|how many)\b/.test(norm)) return undefined;
  if (
    /\b(full|complete|whole|final) (results?|classification|order)\b|\bclassification\b|\bfinishing order\b|\bresult sheet\b|\b(the|starting) grid\b/.test(
      norm,
    )
  )
    return Infinity;
  // "results of Monza 2019" is the table; "what was the result" is the winner and the podium.
  return /\bresults\b/.test(norm) && !/\b(did|was|is)\b/.test(norm) ? Infinity : undefined;
}

/** The classification (or, asked for the grid, the starting order) as a table. */
function classification(d: Loaded, name: string, rows: number, byGrid: boolean) {
  const all = d.race.results;
  if (byGrid) {
    const grid = all
      .filter((r) => r.grid !== null && r.grid > 0)
      .sort((x, y) => x.grid! - y.grid!)
      .slice(0, rows);
    return {
      text: `Starting grid of the ${name}:\n\n${markdownTable(
        ['Grid', 'Driver', 'Team', 'Finished'],
        grid.map((r) => [r.grid, r.driver, r.constructor, finishText(r)]),
      )}`,
      sources: d.sources,
    };
  }
  return {
    text: `Classification of the ${name}:\n\n${markdownTable(
      ['Pos', 'Driver', 'Team', 'Laps', 'Time / gap', 'Points'],
      all
        .slice(0, rows)
        .map((r) => [
          r.positionText,
          r.driver,
          r.constructor,
          r.laps,
          r.position === 1 ? r.time : (r.gap ?? r.reasonRetired),
          r.points ? formatPoints(r.points) : '',
        ]),
    )}`,
    sources: d.sources,
  };
}

async function raceData(a: Answerer, race: RaceEntity, session: 'race' | 'sprint') {
  const { data, sources } = await a.call<RaceData>(
    session === 'race' ? 'get_race_results' : 'get_sprint_results',
    raceArgs(race),
  );
  return { race: data, sources };
}

const ORDINALS: Record<string, number> = { ...PLACE_WORDS, last: -1 };

/** "who finished second", "who came P3", "who was 4th" → the position asked about. */
function positionAsked(norm: string): number | undefined {
  if (/\brunner up\b/.test(norm)) return 2;
  if (/\b(took|scored|got) the last point\b/.test(norm)) return 10;
  const inPlace = /\bin (\d{1,2})(?:st|nd|rd|th)( place)?\b/.exec(norm);
  if (inPlace) return Number(inPlace[1]);
  if (/\b(just )?missed (out on )?the podium\b|\bfirst (driver )?off the podium\b/.test(norm)) return 4;
  if (/\b(finished|came|come|was|placed|classified) last\b|\blast classified\b/.test(norm)) return -1;
  const m =
    /\b(?:finish(?:ed)?|came|come|was|placed|ended|end) (?:in )?(?:p(\d{1,2})|(\d{1,2})(?:st|nd|rd|th)|(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))\b/.exec(
      norm,
    ) ??
    /\b(?:p(\d{1,2})|(\d{1,2})(?:st|nd|rd|th)|(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)) (?:place|position)\b/.exec(
      norm,
    ) ??
    // "P3 at the 2019 German GP?", "who was P5 in Monza 2020"
    /^(?:(?:who|whos|who s) (?:was|got|took|is )?)?p(\d{1,2})()() (?:at|in)\b/.exec(norm);
  if (!m) return undefined;
  if (m[1] ?? m[2]) return Number(m[1] ?? m[2]);
  return ORDINALS[m[3]!];
}

function nthPlace(d: Loaded, asked: number, name: string) {
  // -1: the last classified finisher.
  const n = asked === -1 ? Math.max(0, ...d.race.results.map((x) => x.position ?? 0)) : asked;
  const r = d.race.results.find((x) => x.position === n);
  if (!r) return { text: `Nobody was classified P${n} in the ${name}.`, sources: d.sources };
  // "how far behind the winner".
  const gap = n > 1 ? gapText(r.gap) : undefined;
  const p1 = d.race.results.find((x) => x.position === 1);
  const behind = gap && p1 ? `, ${gap} behind the winner, ${p1.driver}` : '';
  return {
    text: `${r.driver} finished P${n} (${ordinal(n)}) in the ${name} for ${r.constructor}${r.grid ? `, from P${r.grid} on the grid` : ''}${behind}.`,
    sources: d.sources,
  };
}

type Loaded = Awaited<ReturnType<typeof raceData>>;

/** A classification gap as said: "+0.011" → "0.011 s", "+1:29.600" → "1 min 29.600 s", "+2 laps" → "2 laps". */
function gapText(gap: string | null): string | undefined {
  const g = gap?.replace(/^\+/, '');
  if (!g) return undefined;
  return /lap/.test(g) ? g : `${g.replace(/^(\d+):(\d\d(?:\.\d+)?)$/, '$1 min $2')} s`;
}

/** Starters, classified finishers and why the others are not classified. */
function raceCounts(d: Loaded, name: string) {
  const started = d.race.results.filter((r) => !NON_START_CODES.has(r.positionText));
  const classified = started.filter((r) => r.position !== null);
  const out = new Map<string, number>();
  for (const r of started)
    if (r.position === null) out.set(r.positionText, (out.get(r.positionText) ?? 0) + 1);
  const why = [...out].map(([code, n]) => `${code} ${n}`).join(', ');
  return {
    text: `${classified.length} of ${started.length} starters were classified in the ${name}${
      why ? `; not classified: ${why}` : ''
    }.`,
    sources: d.sources,
  };
}

function winner(d: Loaded, name: string, team: boolean) {
  const rows = d.race.results;
  const p1 = rows.find((r) => r.position === 1)!;
  const p2 = rows.find((r) => r.position === 2);
  const p3 = rows.find((r) => r.position === 3);
  // The margin to the runner-up.
  const gap = p2 ? gapText(p2.gap) : undefined;
  const margin = gap ? `, ${gap} ahead of ${p2!.driver}` : '';
  const podium =
    p2 && p3
      ? margin
        ? ` ${p3.driver} completed the podium.`
        : ` ${p2.driver} and ${p3.driver} completed the podium.`
      : '';
  const from = p1.grid ? `, from ${p1.grid === 1 ? 'pole' : `P${p1.grid} on the grid`}` : '';
  const text = team
    ? `${p1.constructor} won the ${name} with ${p1.driver}${from}${margin}.${podium}`
    : `${p1.driver} won the ${name} for ${p1.constructor}${from}${margin}.${podium}`;
  return { text, sources: d.sources };
}

function finish(d: Loaded, driver: DriverEntity, name: string) {
  const r = rowOf(d.race.results, driver);
  if (!r)
    return {
      text: `${driver.name} is not in the classification of the ${name}: no result for him is available.`,
      sources: d.sources,
    };
  const grid = r.grid ? ` from ${r.grid === 1 ? 'pole' : `P${r.grid}`} on the grid` : '';
  const text =
    r.position !== null
      ? `${driver.name} finished P${r.position} (${ordinal(r.position)}) in the ${name} for ${r.constructor}${grid}${r.points ? `, scoring ${formatPoints(r.points)} points` : ''}.`
      : `${driver.name} was not classified in the ${name} (${finishText(r)})${grid}.`;
  return { text, sources: d.sources };
}

function grid(d: Loaded, driver: DriverEntity, name: string) {
  const r = rowOf(d.race.results, driver);
  if (!r || (r.grid === null && !r.gridText)) {
    return {
      text: `No grid slot for ${driver.name} in the ${name} is available in the data.`,
      sources: d.sources,
    };
  }
  const slot =
    r.grid !== null
      ? `P${r.grid} (${ordinal(r.grid)})`
      : r.gridText === 'PL'
        ? 'the pit lane'
        : String(r.gridText);
  return {
    text: `${driver.name} started the ${name} from ${slot} in the ${r.constructor} and finished ${finishText(r)}.`,
    sources: d.sources,
  };
}

function retirement(d: Loaded, driver: DriverEntity, name: string) {
  // Shared cars of the 1950s: a driver can have several rows; the retirement is the one with a reason.
  const r =
    d.race.results.find((x) => x.driverId === driver.id && x.reasonRetired) ?? rowOf(d.race.results, driver);
  if (!r) return { text: `${driver.name} did not take part in the ${name}.`, sources: d.sources };
  if (!r.reasonRetired) {
    return {
      text: `${driver.name} did not retire from the ${name}: classified ${finishText(r)}.`,
      sources: d.sources,
    };
  }
  // A car that never took the start did not retire from the race: "did not start", with the reason.
  const verb =
    r.positionText === 'DNS'
      ? 'did not start'
      : r.positionText === 'DSQ'
        ? 'was disqualified from'
        : 'retired from';
  return {
    text: `${driver.name} ${verb} the ${name}${r.laps ? ` after ${r.laps} laps` : ''} — reason: ${r.reasonRetired} (${r.positionText}, ${r.constructor}).`,
    sources: d.sources,
  };
}

function pitStops(d: Loaded, driver: DriverEntity, name: string) {
  const r = rowOf(d.race.results, driver);
  if (!r) return { text: `${driver.name} did not take part in the ${name}.`, sources: d.sources };
  if (r.pitStops === null) {
    return {
      text: `Pit-stop data for ${driver.name} in the ${name} is not available (f1db records pit stops from 1994).`,
      sources: d.sources,
    };
  }
  const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];
  return {
    text: `${driver.name} made ${r.pitStops} pit stop${r.pitStops === 1 ? '' : 's'} (${words[r.pitStops] ?? r.pitStops}) in the ${name}, finishing ${finishText(r)}.`,
    sources: d.sources,
  };
}

function headToHead(d: Loaded, x: DriverEntity, y: DriverEntity, name: string) {
  const rows = d.race.results;
  const rx = rowOf(rows, x);
  const ry = rowOf(rows, y);
  if (!rx || !ry) {
    const missing = [rx ? null : x.name, ry ? null : y.name].filter(Boolean).join(' and ');
    return {
      text: `${missing} did not take part in the ${name}: no head-to-head is available.`,
      sources: d.sources,
    };
  }
  const [ahead, behind, ra, rb] = rows.indexOf(rx) < rows.indexOf(ry) ? [x, y, rx, ry] : [y, x, ry, rx];
  return {
    text: `${ahead.name} finished ahead: ${finishText(ra)} against ${behind.name}'s ${finishText(rb)} in the ${name}.`,
    sources: d.sources,
  };
}

async function pole(a: Answerer, race: RaceEntity, kind: 'race' | 'sprint', driver?: DriverEntity) {
  const tool = kind === 'race' ? 'get_qualifying_results' : 'get_sprint_qualifying_results';
  const { data, sources } = await a.call<{
    pole: { driver: string; driverId: string; constructor: string; time: string | null } | null;
  }>(tool, raceArgs(race));
  const what = kind === 'race' ? 'pole position' : 'sprint pole';
  if (!data.pole)
    return { text: `The ${what} for the ${label(race)} is not available in the data.`, sources };
  const time = data.pole.time ? ` with a ${data.pole.time}` : '';
  const extra = driver && driver.id !== data.pole.driverId ? ` (${driver.name} was not on pole.)` : '';
  return {
    text: `${data.pole.driver} took ${what} for the ${label(race)} in the ${data.pole.constructor}${time}.${extra}`,
    sources,
  };
}

async function fastestLap(a: Answerer, race: RaceEntity, sprint: boolean) {
  const d = await raceData(a, race, sprint ? 'sprint' : 'race');
  const fl = d.race.fastestLap ?? d.race.results.find((r) => r.fastestLap);
  if (!fl)
    return {
      text: `The fastest lap of the ${label(race)} is not available in the data.`,
      sources: d.sources,
    };
  const detail =
    'lap' in fl && fl.lap
      ? ` — ${fl.time ?? ''} on lap ${fl.lap}`
      : 'time' in fl && fl.time
        ? ` — ${fl.time}`
        : '';
  return {
    text: `${fl.driver} set the fastest lap of the ${label(race)} in the ${fl.constructor}${detail}.`,
    sources: d.sources,
  };
}

/** ", lights out 13:00 UTC (Sun 6 Dec, 14:00 (Europe/Rome))" for a race whose start time is known. */
function startAt(a: Answerer, race: RaceEntity): string {
  const start = startText(race.date, race.time, a.ctx.timeZone);
  return start ? `, lights out ${start}` : '';
}

async function raceDate(a: Answerer, race: RaceEntity) {
  const { sources } = await a.call('get_season_schedule', { year: race.year });
  const d = new Date(`${race.date}T00:00:00Z`);
  const long = d.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const weekday = d.toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });
  const ran = race.hasRaceResults
    ? 'was held'
    : race.date >= new Date().toISOString().slice(0, 10)
      ? 'is scheduled'
      : 'was scheduled';
  return {
    text: `The ${label(race)} (round ${race.round}) ${ran} on ${weekday} ${long} (${race.date})${startAt(a, race)} at ${race.circuitName}, ${race.place}.`,
    sources,
  };
}

async function venue(a: Answerer, race: RaceEntity) {
  const { sources } = await a.call('get_season_schedule', { year: race.year });
  return {
    text: `The ${label(race)} (round ${race.round}, ${race.date}) ${race.hasRaceResults ? 'was held' : 'is held'} at ${race.circuitName} in ${race.place}, ${race.country}.`,
    sources,
  };
}

async function schedule(a: Answerer, q: ParsedQuestion, now: Date) {
  const { data, sources } = await a.call<{
    year: number;
    races: {
      round: number;
      grandPrix: string;
      date: string;
      circuit: string;
      place: string;
      status: string;
    }[];
    nextRace: {
      round: number;
      grandPrix: string;
      date: string;
      circuit: string;
      start: string | null;
    } | null;
    lastRace: { round: number; grandPrix: string; date: string } | null;
  }>('get_season_schedule', q.year !== undefined ? { year: q.year } : {});
  if (q.relative === 'last' && data.lastRace) {
    return {
      text: `The last race with results is round ${data.lastRace.round}, the ${data.lastRace.grandPrix} on ${data.lastRace.date}.`,
      sources,
    };
  }
  if (/\bnext\b|\bupcoming\b|\bwhen is\b/.test(q.norm) || !q.year) {
    const later = data.nextRace ? undefined : nextRace(entityIndex(a.ctx.db()), now);
    const next =
      data.nextRace ??
      (later
        ? {
            round: later.round,
            grandPrix: later.grandPrixName,
            date: later.date,
            circuit: later.circuitName,
            start: startText(later.date, later.time, a.ctx.timeZone) ?? null,
          }
        : null);
    if (!next) return { text: `No upcoming race is on the calendar in the data.`, sources };
    const year = later?.year ?? data.year;
    return {
      text: `Next up: round ${next.round}, the ${year} ${next.grandPrix} on ${next.date}${next.start ? `, lights out ${next.start}` : ''} at ${next.circuit}.`,
      sources,
    };
  }
  const list = data.races
    .map((r) => `R${r.round} ${r.grandPrix.replace(' Grand Prix', '')} (${r.date})`)
    .join(', ');
  return { text: `The ${data.year} calendar has ${data.races.length} rounds: ${list}.`, sources };
}

const MOST_WINS = /\b(most (wins|victories|race wins|grand prix wins|races|grands prix)|won (the )?most)\b/;

const COUNT_NUMBERS: Record<string, number> = { three: 3, five: 5, ten: 10, twenty: 20 };

/**
 * How many rows of the standings a question asks to see ("top 5", "the standings", "the final table"), or
 * undefined when it asks one fact of them (who leads, who was second, who won the most races).
 */
function standingsRowsAsked(norm: string): number | undefined {
  const top = /\btop (\d{1,2}|three|five|ten|twenty)\b/.exec(norm);
  if (top) return COUNT_NUMBERS[top[1]!] ?? Number(top[1]);
  if (/\b(who|whom|which|what position|what place|where|how many|how much|did|was|is)\b/.test(norm))
    return undefined;
  return /\b(standings|table|classification|points table)\b/.test(norm) ? 10 : undefined;
}

async function championship(a: Answerer, q: ParsedQuestion, now: Date) {
  const c = q.cues;
  // "Who won the 1978 world title, and for which team?": the team is his, not the constructors' title.
  const team =
    c.constructorTitle &&
    !/\bdrivers?\b/.test(q.norm) &&
    !/\b(who|which driver)\b[^?]*\b(world )?(title|championship|crown|champion|champ)\b[^?]*\b(for|with|driving for|in) (which|what) (team|car|constructor)\b|\b(world )?(champion|champ)\b[^?]*\bwho\b[^?]*\b(for|with|driving for) (which|what) (team|car|constructor)\b/.test(
      q.norm,
    );
  const tool = team ? 'get_constructor_standings' : 'get_driver_standings';
  const args: Record<string, unknown> = q.year !== undefined ? { year: q.year } : {};
  // "after round 13", "after the German GP", "after Silverstone".
  const afterRace = c.leader || /\bafter\b/.test(q.norm);
  if (afterRace) {
    if (q.round !== undefined) args.after_round = q.round;
    else {
      const race = raceOfQuestion(a.index, q, now, false);
      if (race) args.after_round = race.round;
    }
  }
  const { data, sources } = await a.call<{
    year: number;
    afterRound: number;
    afterGrandPrix: string;
    seasonComplete: boolean;
    requestedRound: number | null;
    standings: (StandingRow & { teams?: string[] })[];
  }>(tool, args);
  // "Who won the most races in 2008?": the most wins, which need not be the leader on points.
  if (MOST_WINS.test(q.norm)) {
    const most = Math.max(...data.standings.map((s) => s.wins));
    const leaders = data.standings.filter((s) => s.wins === most);
    const scope =
      data.seasonComplete && !afterRace
        ? `in ${data.year}`
        : `in ${data.year} up to round ${data.afterRound}`;
    return {
      text: `${leaders.map((s) => s.name).join(' and ')} won the most grands prix ${scope}: ${most} win${most === 1 ? '' : 's'}${leaders.length > 1 ? ' each' : ''}.`,
      sources,
    };
  }
  const top = data.standings[0]!;
  const who = team ? top.name : `${top.name}${top.teams?.length ? ` (${top.teams.join(', ')})` : ''}`;
  // "2023 standings", "top 5 in the 2019 constructors' table": the table itself.
  const rows = standingsRowsAsked(q.norm);
  if (rows !== undefined && !(data.requestedRound !== null && data.requestedRound > data.afterRound)) {
    const shown = data.standings.slice(0, rows);
    const title = `${data.year} ${team ? "constructors'" : "drivers'"} championship ${data.seasonComplete && !afterRace ? '(final)' : `after round ${data.afterRound} (${data.afterGrandPrix})`}:`;
    const body = markdownTable(
      team ? ['Pos', 'Team', 'Points', 'Wins'] : ['Pos', 'Driver', 'Team', 'Points', 'Wins'],
      shown.map((r) =>
        team
          ? [r.positionText, r.name, formatPoints(r.points), r.wins]
          : [r.positionText, r.name, r.teams?.join(', '), formatPoints(r.points), r.wins],
      ),
    );
    return { text: `${title}\n\n${body}`, sources };
  }
  // "Who was second in the 2021 championship?"
  const nth = positionAsked(q.norm);
  if (nth !== undefined && nth > 1) {
    const row = data.standings.find((s) => s.position === nth);
    if (row) {
      const final = data.seasonComplete && !afterRace;
      const behind = `${formatPoints(top.points - row.points)} behind ${top.name}${final && !team ? `, the champion` : ''}`;
      return {
        text: `${row.name} ${final ? 'finished' : 'was'} P${nth} (${ordinal(nth)}) in the ${data.year} ${team ? "constructors'" : "drivers'"} championship${final ? '' : ` after round ${data.afterRound}`} with ${formatPoints(row.points)} points and ${row.wins} win${row.wins === 1 ? '' : 's'}, ${behind}.`,
        sources,
      };
    }
  }
  const second = data.standings[1];
  const margin = second ? `, ${formatPoints(top.points - second.points)} clear of ${second.name}` : '';
  if (data.requestedRound !== null && data.requestedRound > data.afterRound) {
    return {
      text: `Standings after round ${data.requestedRound} of ${data.year} are not available yet; the latest are after round ${data.afterRound} (${data.afterGrandPrix}), where ${who} led with ${formatPoints(top.points)} points.`,
      sources,
    };
  }
  if (afterRace || !data.seasonComplete) {
    const lead = `${who} led the ${data.year} ${team ? "constructors'" : "drivers'"} championship after round ${data.afterRound} (${data.afterGrandPrix}) with ${formatPoints(top.points)} points${margin}.`;
    const undecided = !afterRace && !data.seasonComplete;
    const note = undecided ? ` The ${data.year} season is not over, so the title is not decided yet.` : '';
    // "Who is the 2026 champion?" has no answer yet: the leader is context, not the champion.
    return { text: lead + note, sources, ...(undecided ? { status: 'unavailable' as const } : {}) };
  }
  return {
    text: `${who} won the ${data.year} ${team ? "constructors'" : "drivers'"} world championship with ${formatPoints(top.points)} points and ${top.wins} ${top.wins === 1 ? 'win' : 'wins'}${margin}.`,
    sources,
  };
}

interface CareerLine {
  name: string;
  starts: number;
  wins: number;
  podiums: number;
  poles: number;
  fastestLaps: number;
  points: number;
}

/** Podiums, poles or fastest laps within one season: career totals up to it minus those before it. */
async function seasonCounts(a: Answerer, q: ParsedQuestion, driver: DriverEntity, year: number) {
  const upTo: Record<string, unknown> = { driver: driver.id, up_to_year: year };
  if (q.round !== undefined) upTo.up_to_round = q.round;
  const now = await a.call<CareerLine>('get_driver_profile', upTo);
  const before =
    year > 1950
      ? (await a.call<CareerLine>('get_driver_profile', { driver: driver.id, up_to_year: year - 1 })).data
      : { starts: 0, wins: 0, podiums: 0, poles: 0, fastestLaps: 0, points: 0 };
  const d = now.data;
  const diff = {
    starts: d.starts - before.starts,
    wins: d.wins - before.wins,
    podiums: d.podiums - before.podiums,
    poles: d.poles - before.poles,
    fastestLaps: d.fastestLaps - before.fastestLaps,
  };
  const c = q.cues;
  const plural = (n: number, word: string) => `${n === 0 ? '0 (zero)' : n} ${word}${n === 1 ? '' : 's'}`;
  const focus: string[] = [];
  if (c.podium) focus.push(plural(diff.podiums, 'podium'));
  if (c.pole) focus.push(plural(diff.poles, 'pole position'));
  if (c.fastestLap) focus.push(plural(diff.fastestLaps, 'fastest lap'));
  const scope = q.round !== undefined ? `${year} up to round ${q.round}` : `the ${year} season`;
  return {
    text: `${d.name} had ${focus.join(' and ')} in ${scope}, from ${diff.starts} start${diff.starts === 1 ? '' : 's'} (${plural(diff.wins, 'win')}).`,
    sources: now.sources,
  };
}

/** Who drove for the same team(s) as `driver` in a season (the current one when none is named). */
async function teammates(a: Answerer, q: ParsedQuestion, driver: DriverEntity, now: Date) {
  // "his team-mate in his first race", "at the 1991 Belgian GP": the team-mate in that race's classification.
  const race = q.namesRace ? raceOfQuestion(a.index, q, now, false) : undefined;
  if (race?.hasRaceResults) {
    const { data, sources } = await a.call<RaceData>('get_race_results', raceArgs(race));
    const own = rowOf(data.results, driver);
    if (own) {
      const mates = data.results.filter(
        (r) => r.constructorId === own.constructorId && r.driverId !== driver.id,
      );
      return {
        text: mates.length
          ? `${driver.name}'s team-mate${mates.length > 1 ? 's' : ''} at ${own.constructor} in the ${label(race)}: ${mates.map((m) => `${m.driver} (${finishText(m)})`).join(', ')}; ${driver.name} ${finishText(own)}.`
          : `${driver.name} had no team-mate at ${own.constructor} in the ${label(race)}.`,
        sources,
      };
    }
  }
  const year = q.year ?? seasonMeant(q.norm, driver.years, currentSeason(a.index, now));
  const { data, sources } = await a.call<{
    standings: (StandingRow & { teams: string[] })[];
  }>('get_driver_standings', { year });
  const own = data.standings.find((s) => s.id === driver.id);
  if (!own) return { text: `${driver.name} has no race result in ${year} in the data.`, sources };
  const parts = own.teams.map((team) => {
    const mates = data.standings
      .filter((s) => s.id !== driver.id && s.teams.includes(team))
      .map((s) => s.name);
    return mates.length
      ? `at ${team}: ${mates.join(', ')}`
      : `at ${team}: no other driver with a result that season`;
  });
  return {
    text: `${driver.name}'s team-mate${parts.length > 1 || /,/.test(parts[0] ?? '') ? 's' : ''} in ${year} ${parts.join('; ')}.`,
    sources,
  };
}

async function seasonStats(a: Answerer, q: ParsedQuestion, driver: DriverEntity) {
  const c = q.cues;
  if ((c.podium || c.pole || c.fastestLap) && q.year !== undefined) return seasonCounts(a, q, driver, q.year);
  const args: Record<string, unknown> = { year: q.year };
  if (q.round !== undefined) args.after_round = q.round;
  const { data, sources } = await a.call<{
    year: number;
    afterRound: number;
    seasonComplete: boolean;
    standings: (StandingRow & { teams: string[] })[];
  }>('get_driver_standings', args);
  const row = data.standings.find((s) => s.id === driver.id);
  if (!row)
    return {
      text: `${driver.name} has no championship standing in ${data.year}: no result for him that season is available.`,
      sources,
    };
  const scope = data.seasonComplete
    ? `the ${data.year} season`
    : `${data.year} (after round ${data.afterRound})`;
  const line = (r: StandingRow & { teams: string[] }, name: string) => {
    const wins = r.wins === 0 ? '0 wins (zero)' : `${r.wins} win${r.wins === 1 ? '' : 's'}`;
    const pos = r.positionText === String(r.position) ? `P${r.position}` : r.positionText;
    return `${name} scored ${formatPoints(r.points)} points and ${wins} in ${scope}, finishing ${pos} in the drivers' championship for ${r.teams.join(', ')}.`;
  };
  // Phil and Graham Hill in 1961: a bare surname gets both drivers' seasons.
  const also = (q.namesakes.get(driver.id) ?? []).flatMap((o) => {
    const r = data.standings.find((s) => s.id === o.id);
    return r ? [line(r, o.name)] : [];
  });
  const text =
    line(row, driver.name) + (also.length ? ` (Also named ${driver.lastName}: ${also.join(' ')})` : '');
  return { text, sources };
}

async function career(a: Answerer, q: ParsedQuestion, driver: DriverEntity, now: Date) {
  const args: Record<string, unknown> = { driver: driver.id };
  // "as of round 11 of 2026", "through the 2026 Hungarian GP", "up to 2010".
  if (q.year !== undefined) {
    args.up_to_year = q.year;
    if (q.round !== undefined) args.up_to_round = q.round;
    else {
      const race = q.namesRace ? raceOfQuestion(a.index, q, now, false) : undefined;
      if (race) args.up_to_round = race.round;
    }
    // "before the 2026 season", "before the 2026 Miami GP": up to the round before.
    if (/\bbefore\b/.test(q.norm)) {
      const round = args.up_to_round as number | undefined;
      if (round !== undefined && round > 1) args.up_to_round = round - 1;
      else {
        args.up_to_year = q.year - 1;
        delete args.up_to_round;
      }
    }
  }
  const { data, sources } = await a.call<
    CareerLine & {
      championships: number;
      sprintWins: number;
      seasons: number[];
      teams: string[];
    }
  >('get_driver_profile', args);
  const scope = args.up_to_year
    ? ` up to ${args.up_to_round ? `round ${String(args.up_to_round)} of ` : ''}${String(args.up_to_year)}`
    : '';
  const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
  const n = (x: number) => (x <= 10 ? `${x} (${words[x]})` : String(x));
  const c = q.cues;
  const focus: string[] = [];
  if (c.podium) focus.push(`${n(data.podiums)} podium${data.podiums === 1 ? '' : 's'}`);
  if (c.pole) focus.push(`${n(data.poles)} pole position${data.poles === 1 ? '' : 's'}`);
  if ((c.winner && !c.championship) || /\b(wins|victories)\b/.test(q.norm))
    focus.push(`${n(data.wins)} grand prix win${data.wins === 1 ? '' : 's'}`);
  if (c.fastestLap) focus.push(`${n(data.fastestLaps)} fastest lap${data.fastestLaps === 1 ? '' : 's'}`);
  if (c.points) focus.push(`${formatPoints(data.points)} points`);
  if (c.championship)
    focus.push(`${n(data.championships)} world title${data.championships === 1 ? '' : 's'}`);
  // "how many different teams has he raced for": the teams themselves, counted.
  if (/\bhow many (different |distinct |separate )?(teams|constructors|outfits)\b/.test(q.norm))
    focus.push(
      `raced for ${n(data.teams.length)} team${data.teams.length === 1 ? '' : 's'} (${data.teams.join(', ')})`,
    );
  const of = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  const summary = `${of(data.starts, 'start')}, ${of(data.wins, 'win')}, ${of(data.podiums, 'podium')}, ${of(data.poles, 'pole')}, ${formatPoints(data.points)} points, ${of(data.championships, 'title')}`;
  const span = data.seasons.length
    ? ` (${data.seasons[0]}–${data.seasons.at(-1)}, ${data.teams.join(', ')})`
    : '';
  const text = focus.length
    ? `${data.name} has ${focus.join(' and ')} in his career${scope}. Career line: ${summary}${span}.`
    : `${data.name}${scope}: ${summary}${span}.`;
  return { text, sources };
}

async function rulebook(a: Answerer, q: ParsedQuestion) {
  if (!listTools(a.ctx.config).some((t) => t.name === 'consult_rulebook')) {
    return { text: `The rulebook is not available in this installation. ${CAPABILITIES}`, sources: [] };
  }
  const { data, sources } = await a.call<{
    hits: { citation: string; heading: string; text: string }[];
    note: string;
  }>('consult_rulebook', { query: q.text, ...(q.year !== undefined ? { year: q.year } : {}) });
  if (data.hits.length === 0)
    return { text: `I found nothing in the regulations on that. ${data.note}`, sources };
  // No model to summarise: quote the sentences that answer, with their article; fall back to the best
  // article's opening when no sentence shares the question's words.
  const quotes = bestSentences(q.text, data.hits);
  const excerpt = (t: string) => (t.length > 450 ? `${t.slice(0, 450).replace(/\s+\S*$/, '')}…` : t);
  const best = data.hits[0]!;
  const text = quotes.length
    ? quotes.map((x) => `${x.citation}: “${x.sentence}”`).join('\n\n')
    : `${best.citation}${best.heading ? ` — ${best.heading}` : ''}: ${excerpt(best.text.replace(/\s+/g, ' ').trim())}`;
  const shown = quotes.length ? quotes.map((x) => x.citation) : [best.citation];
  return {
    text: `From the regulations:\n\n${text}\n\n_${data.note}_`,
    sources: sources.filter((s) => shown.includes(s)),
  };
}

async function seasonHeadToHead(a: Answerer, q: ParsedQuestion, x: DriverEntity, y: DriverEntity) {
  const { data, sources } = await a.call<{
    year: number;
    driver1: { driver: string; wins: number; podiums: number; racePoints: number; races: number };
    driver2: { driver: string; wins: number; podiums: number; racePoints: number; races: number };
    raceHeadToHead: { d1: number; d2: number };
    qualifyingHeadToHead: { d1: number; d2: number };
  }>('compare_drivers', { driver1: x.id, driver2: y.id, year: q.year });
  const { driver1: p, driver2: r, raceHeadToHead: rh, qualifyingHeadToHead: qh } = data;
  const lead = rh.d1 === rh.d2 ? 'Dead level' : `${rh.d1 > rh.d2 ? p.driver : r.driver} leads`;
  // "who scored more": the championship's points (sprints, dropped scores and all), else the races' sum.
  const table = await a
    .call<{ standings: { id: string; points: number }[] }>('get_driver_standings', { year: data.year })
    .catch(() => undefined);
  const px = table?.data.standings.find((s) => s.id === x.id)?.points;
  const py = table?.data.standings.find((s) => s.id === y.id)?.points;
  const points =
    px !== undefined && py !== undefined
      ? `championship points ${formatPoints(px)}–${formatPoints(py)} (${formatPoints(Math.abs(px - py))} apart)`
      : `race points ${formatPoints(p.racePoints)}–${formatPoints(r.racePoints)} (${formatPoints(Math.abs(p.racePoints - r.racePoints))} apart)`;
  return {
    text: `${data.year}, ${p.driver} vs ${r.driver}: ${lead} on race head-to-head ${rh.d1}–${rh.d2}; qualifying ${qh.d1}–${qh.d2}. Wins ${p.wins}–${r.wins}, podiums ${p.podiums}–${r.podiums}, ${points}.`,
    sources: [...sources, ...(table?.sources ?? [])],
  };
}

async function teamSeason(a: Answerer, q: ParsedQuestion, teamId: string, teamName: string) {
  const { data, sources } = await a.call<{
    year: number;
    afterRound: number;
    seasonComplete: boolean;
    standings: StandingRow[];
  }>('get_constructor_standings', q.year !== undefined ? { year: q.year } : {});
  const row = data.standings.find((s) => s.id === teamId);
  if (!row)
    return {
      text: `${teamName} has no constructors' standing in ${data.year}: not available in the data.`,
      sources,
    };
  const scope = data.seasonComplete
    ? `the ${data.year} season`
    : `${data.year} (after round ${data.afterRound})`;
  return {
    text: `${row.name} scored ${formatPoints(row.points)} points and ${row.wins} win${row.wins === 1 ? '' : 's'} in ${scope}, ${row.positionText === String(row.position) ? `P${row.position}` : row.positionText} in the constructors' championship.`,
    sources,
  };
}

async function qualifyingPosition(a: Answerer, race: RaceEntity, driver: DriverEntity, sprint: boolean) {
  const { data, sources } = await a.call<{
    results: {
      driverId: string;
      position: number | null;
      positionText: string;
      time: string | null;
      q1: string | null;
      q2: string | null;
      q3: string | null;
    }[];
  }>(sprint ? 'get_sprint_qualifying_results' : 'get_qualifying_results', raceArgs(race));
  const what = `${sprint ? 'sprint qualifying' : 'qualifying'} for the ${label(race)}`;
  const r = data.results.find((x) => x.driverId === driver.id);
  if (!r) return { text: `No ${what} result for ${driver.name} is available in the data.`, sources };
  const time = r.q3 ?? r.q2 ?? r.q1 ?? r.time;
  const pos = r.position !== null ? `P${r.position} (${ordinal(r.position)})` : r.positionText;
  return { text: `${driver.name} qualified ${pos} in ${what}${time ? ` with a ${time}` : ''}.`, sources };
}

const SCENARIO =
  /\b(clinch|clinches|clinched|wrap (it |the title )?up|mathematically|still (win|take|lose) the (title|championship)|can \w+( \w+)? (still )?(win|take) the (title|championship)|what does \w+( \w+)? need|title (scenario|permutations|maths|math)|who can (still )?win the (title|championship))\b/;
const STRATEGY =
  /\b(strategy|strategies|stints?|undercuts?|overcuts?|one stop|two stop|pit window|tyre plan|pit loss|degradation)\b/;

/** "Can Antonelli clinch the title in Abu Dhabi?": the title scenario after the latest round, for him. */
async function scenario(a: Answerer, q: ParsedQuestion, now: Date) {
  const year = q.year ?? currentSeason(a.index, now);
  const outcome = await a.callFull('calculate_championship_scenario', {
    year,
    ...(q.drivers[0] ? { driver: q.drivers[0].id } : {}),
  });
  return { text: outcome.markdown, sources: outcome.sources };
}

/** Stints, degradation, pit loss and undercut battles of one race, as the strategy tool renders them. */
async function strategy(a: Answerer, race: RaceEntity, driver?: DriverEntity) {
  const outcome = await a.callFull('get_pit_strategy', {
    ...raceArgs(race),
    ...(driver ? { driver: driver.id } : {}),
  });
  return { text: outcome.markdown, sources: outcome.sources };
}

async function prediction(a: Answerer, race: RaceEntity, driver?: DriverEntity) {
  const { data, sources } = await a.call<{
    stage: string;
    predictions: {
      driverId: string;
      name: string;
      team: string;
      pWin: number;
      pPodium: number;
      expectedPosition: number;
    }[];
  }>('get_race_predictions', raceArgs(race));
  const pct = (p: number) => `${Math.round(p * 100)}%`;
  const top = data.predictions.slice(0, 3);
  const list = top
    .map((p) => `${p.name} (${p.team}) ${pct(p.pWin)} to win, ${pct(p.pPodium)} podium`)
    .join('; ');
  const mine = driver ? data.predictions.find((p) => p.driverId === driver.id) : undefined;
  const focus = mine
    ? `${mine.name}: ${pct(mine.pWin)} to win, ${pct(mine.pPodium)} podium, expected P${mine.expectedPosition.toFixed(1)}. Top of the model: `
    : '';
  return {
    text: `Prediction for the ${label(race)} (${data.stage}): ${focus}${list}. A model estimate from data before the race, not a certainty.`,
    sources,
  };
}

async function weather(a: Answerer, race: RaceEntity) {
  const { data, sources } = await a.call<{ forecastAvailable: boolean; rainRisk: { note: string } }>(
    'get_weather_conditions',
    raceArgs(race),
  );
  // A race already run has its recorded weather or none; a forecast is no answer to it.
  if (race.hasRaceResults) {
    const unrecorded = /^No weather record/.test(data.rainRisk.note);
    return {
      text: `Weather for the ${label(race)}: ${data.rainRisk.note}${unrecorded ? ' That is not in the data.' : ''}`,
      sources,
      ...(unrecorded ? { status: 'unavailable' as const } : {}),
    };
  }
  const forecast = data.forecastAvailable
    ? ''
    : ' No live forecast is available for it yet (more than 16 days out, or offline).';
  return { text: `Weather for the ${label(race)}: ${data.rainRisk.note}${forecast}`, sources };
}
