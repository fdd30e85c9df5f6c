// Reading a statistics question into a typed query frame: which metric (wins, poles, titles…), which
// operation (count, most, first, youngest, compare…), what the answer lists (drivers, teams, seasons…) and
// which filters (driver, team, nationality, place, seasons, position). The reader marks every word it
// explains; what is left over is reported, so the engine can abstain rather than answer another question.
// Pure text work over the entity index; execution is in `stats-answer.ts`.
import type { GroupBy, Metric } from '../../data/queries/stats.ts';
import type { ConstructorEntity, DriverEntity, EntityIndex } from '../entities.ts';
import type { ParsedQuestion } from './parse.ts';
import { currentSeason, relativeSeasonPhrase } from '../race-ref.ts';
import { normalize, PLACE_WORDS } from '../text.ts';
import { distance } from 'fastest-levenshtein';
import { COUNT_WORDS } from './colloquial.ts';

export type Operation =
  | 'count'
  | 'most'
  | 'fewest'
  | 'distinct'
  | 'first'
  | 'last'
  | 'youngest'
  | 'oldest'
  | 'list'
  | 'compare'
  | 'best';

export interface PlaceFilter {
  grandPrixId?: string;
  circuitId?: string;
  name: string;
}

export interface StatsFrame {
  metrics: Metric[];
  sessions: ('race' | 'sprint')[];
  op: Operation;
  /** What the answer is about when it lists or ranks: who, which team, which season… */
  subject: GroupBy;
  drivers: DriverEntity[];
  teams: ConstructorEntity[];
  place?: PlaceFilter;
  nationality?: string;
  /** Country id of the races' circuits ("American tracks", "races held in Italy"). */
  hostCountry?: string;
  fromYear?: number;
  toYear?: number;
  position?: number;
  grid?: number;
  withoutTitle?: boolean;
  withoutWin?: boolean;
  withoutPole?: boolean;
  withoutPodium?: boolean;
  champions?: boolean;
  /** "how many seasons did X race for Ferrari": count distinct seasons. */
  countSeasons?: boolean;
  /** Single-season records ("most poles in a season"). */
  perSeason?: boolean;
  /** The normalised question. */
  text: string;
  streak?: boolean;
  worstGrid?: boolean;
  notChampionThatSeason?: boolean;
  /** Engine manufacturer id ("Honda-engined"). */
  engineId?: string;
  /** Single-race records ("most pit stops in one race"). */
  perRace?: boolean;
  /** "min 20 starts", "among drivers with 50 or more starts": the floor of a record rate. */
  minStarts?: number;
  /** Only drivers who never scored a point. */
  withoutPoints?: boolean;
  /** Two engine or tyre makers compared ("Ferrari or Mercedes power units", "Bridgestone or Michelin"). */
  makers?: { kind: 'engine' | 'tyre'; id: string; name: string }[];
  /** Tyre manufacturer ("on Bridgestones"). */
  tyre?: { id: string; name: string };
  /** A driver's total with one team ("most wins with a single team"). */
  perTeam?: boolean;
  /** "how old was X when he won the title": the age at the event. */
  ageAsked?: boolean;
  /** "first to N wins": the N-th event of each driver. */
  nth?: number;
  gender?: 'FEMALE' | 'MALE';
  /** Only races up to this date ("as of round 11 of 2026"). */
  toDate?: string;
  /**
   * A rate instead of a total: the share of starts with the event ("win rate", "points per race"), or the
   * mean finishing position or grid slot ("average finishing position").
   */
  rate?: 'share' | 'average_position' | 'average_grid';
  /** "his first season at Ferrari": one season, the first (or last) the driver spent with the team. */
  seasonOf?: 'first' | 'last';
  /** Content words the reader could not explain. */
  unexplained: string[];
}

/** Words that carry no constraint of their own: grammar, filler, and F1 words every question has. */
const FILLER = new Set(
  `a an the of in on at to for by with from and or but as is are was were be been being am do does did done has have had
  having i me my we us our you your he him his she her it its they them their this that these those there here what
  which who whom whose when where why how much many any some all ever every each most more than then so such
  just only also even still yet ok okay hey hi hello please pls plz thanks thank tell know want wondering wonder
  curious quick question random one ones can could would should will shall may might must let lets like really
  actually basically literally kind sort about around approximately roughly exactly total overall altogether
  formula f1 grand prix gp gps grands race races racing driver drivers team teams car cars constructor
  constructors season seasons year years time times history historically all-time career careers sport
  championship world ever since til until till up down out over get got getting go goes going went make made
  take took taken come came become became becoming being s t d ll re ve m number amount far date sum
  guy guys man bloke person people somebody someone anyone anybody name list give show find say said called
  not no never record records stat stats statistic statistics official officially career's other else
  again per single same both either neither whole entire full lot lots wow damn heck like yeah yes right
  during across throughout often set sets setting largest add combined convert converted turned still
  round rounds loads lots exactly now currently produced produce produces yet ever been good best great top finish finished finishing ahead behind stood gave give given end ended ending finally eventually manage managed score scored
  scoring big gap doing wise hows whats whos wheres very much well hmm um uh anyway btw also too overall
  totals tally tot mate mates teammate teammates team-mate buddy pal career-wise alltime f1's them lol lmao haha
  rofl omg tbh imo ngl night modern heard hear apparently reckon successful bagged
  mad crazy wild insane nuts bonkers chaotic chaos epic unreal incredible amazing brilliant mental`.split(
    /\s+/,
  ),
);

/** Ordinary words of F1 questions: never "corrected" into a name by the typo mender. */
export const ORDINARY_WORDS: ReadonlySet<string> = new Set([
  ...FILLER,
  ...`result results placing placings winner winners points podium podiums poles championship championships champion champions champs
  constructor constructors qualifying qualified qualify fastest finished finish finishes finishing retired
  retire retirement retirements started start starts starting season seasons races racing raced driver drivers
  teammate teammates career victory victories standings title titles second third fourth fifth sixth seventh
  eighth ninth tenth first where which whose there their about after before between since until during
  against compared compare versus difference scored score scoring sprint sprints grand weather strategy
  predict prediction predictions forecast engine engines manufacturer manufacturers powered power running
  history world record records youngest oldest fewest least maiden debut replaced replace replacement seat
  stood behind ahead front position positions entered entries qualifier qualifiers appearances number total numbers times often
  circuit circuits track tracks venue venues hosted hosting held laps stops pitstops pitted tyres tyre tires
  compound compounds speed speeds telemetry sector sectors radio temperature temps overtakes overtake overtook
  lineup consecutive streak straight margin beaten better worse penalty penalties rules regulation
  regulations article allowed reason reasons because cause caused why happened happen drove drive driving drives partner partnered crashed crash
  failure mechanical classified disqualified leader leading points standing ended would could should might
  actually never always still already right wrong think thought guess maybe perhaps really since later
  earlier latest early clinch clinched clinch decide decided deciding chance chances odds favourite favorite
  undercut overcut safety yellow flags green calendar schedule today tomorrow yesterday weekend weekends
  morning night local times timezone sessions session practice shootout pole sitter sitters front rows
  nation nations country countries nationality british german french italian spanish brazilian finnish
  dutch american australian austrian belgian canadian mexican japanese monegasque swiss swedish danish
  thailand thai chinese russian polish argentinian argentine colombian venezuelan indian irish scottish
  english welsh kiwi aussie hungarian portuguese south african rookie rookies veteran legend legends
  greatest ever overall every season's cars motor motorsport chassis tyres grid slot slots lights dominant
  dominated dominance unreal insane amazing incredible crazy honestly seriously quick quickly question
  questions answer answers explain please thanks cheers mate mates bloke stats numbers total totals tally
  gained positions lost overall average mean median percentage percent rate ratio under above below
  again within without through across along among behind beyond during inside outside toward towards upon
  while whilst whether either other others another anything everything nothing something someone everyone
  being doing having going coming getting making taking seeing looking asking trying saying using giving
  thing things world place places month months weeks today later early always maybe think could would
  should shall might never often since still until whose whole quite rather really truly sure surely
  happen happens happened decided decide tied level equal count counts counted award awarded awards
  given gives share shared shares sharing holds holder holders broke broken break breaking leg injury
  injured stand stands mean means meant tells told title decider deciding season-long league table
  legal legally rules ruling stewards steward investigation penalised penalized fined banned crashed
  spun spin collided collision contact weather rained dried sunny cloudy windy track-limits unsafe release
  pitlane lane entry exit delta minimum maximum weight weights budget costs money spend spending limit
  limits happen`.split(/\s+/),
]);

/** Phrases naming a metric, longest first in the regexes. */
const METRIC_PATTERNS: [Metric, RegExp][] = [
  ['grand_slams', /\bgrand slams?\b/],
  ['one_twos', /\b(1 2|one two|1 2s|one twos)( finish(es)?| results?)?\b/],
  ['hat_tricks', /\bhat ?tricks?\b/],
  ['driver_of_the_day', /\b(voted |named |picked as |chosen as )?(the )?driver of the day( awards?)?\b/],
  ['fastest_laps', /\b(fastest|quickest) (race )?laps?\b/],
  ['front_rows', /\bfront rows?( starts?)?\b/],
  [
    'constructor_titles',
    /\bconstructors? (world )?(titles?|championships?|crowns?|cups?|champions?|champs?)\b(?! season)|\bwcc\b/,
  ],
  [
    'titles',
    /\b(world )?(titles?|championships?|crowns?)\b(?! (race|races|round|rounds|grand prix|grands prix|gps?|points|standings|lead|leader|table|battle|fight|era|season))|\bworld champions?\b|\bwdcs?\b|\bchampions?\b|\bchamps?\b/,
  ],
  ['poles', /\bpoles?( positions?| sitters?| starts?)?\b/],
  [
    'laps',
    /\blaps (completed|raced|driven|done|covered)\b|\b(complete|completed|cover|covered|drive|drove|do|did) [a-z ]{0,20}?laps\b|\bhow many laps\b/,
  ],
  ['podiums', /\bpodiums?( finishes| places| appearances)?\b|\btop (three|3)( finishes)?\b/],
  [
    'points_finishes',
    /\bpoints? finishes\b|\bfinish(ed)? in the points\b|\bscored points\b(?= in \d+ races)/,
  ],
  [
    'points_finishes',
    /\b(races|finishes|results|starts) in the points\b|\bpoints scoring (finishes|results|races)\b/,
  ],
  ['points', /\bpoints?\b/],
  // "the fewest classified finishers": cars classified at the end of a race.
  ['finishes', /\b(classified )?finishers\b|\bclassified (finishes|cars|runners|drivers)\b/],
  ['retirements', /\bretirements?\b|\bretired\b|\bdnfs?\b|\bdid not finish\b|\bdidn t finish\b/],
  ['disqualifications', /\bdisqualif\w+\b|\bdsqs?\b/],
  ['pit_stops', /\bpit ?stops?\b/],
  ['races_held', /\b(hosted|held|staged|host|hold|editions?|been run|run as)\b/],
  [
    'starts',
    /\bstarters\b|\b(race )?starts\b|\bappearances\b|\bto (start|enter|race in|compete in|take part in) (a |an )?(world championship |f1 |formula (1|one) )?(race|grand prix|gp)\b|\braces? (entered|started|contested)\b|\b(entered|started|contested|competed in|raced in|took part in) \w*\s?(races|grands prix|gps)\b/,
  ],
  [
    'wins',
    /\b(race |grand prix |gp )?(wins?|won|winning|winners?|victor(y|ies)|triumphs?|took the (win|chequered flag|checkered flag))\b/,
  ],
];

const OPERATION_PATTERNS: [Operation, RegExp][] = [
  ['youngest', /\byoungest\b/],
  ['oldest', /\boldest\b/],
  ['fewest', /\b(fewest|least|lowest number of)\b/],
  [
    'distinct',
    /\bhow many (different |distinct |unique )?(drivers|winners|pole ?sitters|teams|constructors|nations|countries|champions|circuits|tracks|venues)\b(?! (s )?(titles?|championships?|crowns?)\b)|\b(different|distinct|unique)( (drivers|winners|pole ?sitters|teams|constructors|circuits|tracks|venues))?\b/,
  ],
  [
    'most',
    /\b(most(?! recent)|record|highest|more than (any|anyone|any other)|the biggest|biggest|the greatest number|top|leading)\b|\bmore [a-z0-9 ]{1,40}? than any( other| one|one)?\b/,
  ],
  ['first', /\b(first|maiden|debut|earliest)\b(?! (place|race of|round|lap|corner|time i|half|stint))/],
  [
    'last',
    /\b(last|most recent|latest|final)\b(?! (place|race|round|lap|year|season|corner|weekend|time i))/,
  ],
  ['list', /\b(which|what) (years?|seasons?)\b|\bin which (years?|seasons?)\b|\bwhen did\b|\bwhat year\b/],
  ['count', /\b(how many|how much|number of|count|tally|totals?)\b|\bhow often\b/],
];

const SUBJECT_PATTERNS: [GroupBy, RegExp][] = [
  [
    'tyre',
    /\b(which|what) (tyre|tire) (manufacturers?|brands?|suppliers?|makers?|compan(y|ies)|firms?)\b|\b(tyre|tire) (manufacturers?|brands?|suppliers?|makers?)\b/,
  ],
  ['nationality', /\b(which|what) (country|countries|nation|nations|nationality)\b|\bnation\b|\bcountry\b/],
  [
    'engine',
    /\b(which|what) (engine (manufacturer|supplier|maker|make)s?|engines?|power units?)( (has |have |had )?(powered|supplied))?\b/,
  ],
  [
    'constructor',
    /\b(which|what) (teams?|constructors?|manufacturers?|outfits?|marques?)\b|\b(one|a|any|single) (team|constructor)\b|^(the )?(team|constructor|manufacturer) (with|has|had)\b/,
  ],
  [
    'circuit',
    /\b(which|what) (circuits?|tracks?|venues?)\b|\bhow many (different |distinct )?(circuits|tracks|venues)\b/,
  ],
  ['race', /\b(which|what|at which|in which) (races?|grand prix|gp|grands prix|event)\b/],
  ['season', /\b(which|what|in which) (years?|seasons?)\b|\bwhen\b/],
  [
    'driver',
    /\b(who (drove|was driving|was at the wheel)|who|whom|which drivers?|what drivers?|which (man|person|guy)|name the drivers?)\b/,
  ],
];

export interface FrameInput {
  index: EntityIndex;
  q: ParsedQuestion;
  now: Date;
}

const DEMONYM_CUE = /\b(driver|drivers|champion|champions|racer|racers|man|men|winner|winners)\b/;

export function readStatsFrame({ index, q, now }: FrameInput): StatsFrame | undefined {
  const norm = q.norm;
  const words = norm.split(' ');
  // Character offset of each word, to map regex matches back to words.
  const starts: number[] = [];
  let off = 0;
  for (const w of words) {
    starts.push(off);
    off += w.length + 1;
  }
  const covered = new Array<boolean>(words.length).fill(false);
  const cover = (from: number, to: number) => {
    for (let i = 0; i < words.length; i++) if (starts[i]! >= from && starts[i]! < to) covered[i] = true;
  };
  // Explained phrases are blanked in `masked`, so a later pattern cannot read the same words again.
  let masked = norm;
  const blank = (m: RegExpExecArray) => {
    cover(m.index, m.index + m[0].length);
    masked = masked.slice(0, m.index) + ' '.repeat(m[0].length) + masked.slice(m.index + m[0].length);
  };
  const take = (re: RegExp): RegExpExecArray | undefined => {
    const m = new RegExp(re.source, 'g').exec(masked);
    if (!m || !m[0].trim()) return undefined;
    blank(m);
    return m;
  };
  take(/\bat least (one|once|a|an)\b/);
  // "back in 2001": the season, said with a nod to the past; "back when it hosted F1" is a clause of its own.
  take(/\bback in\b(?= (the )?('?\d\d|19[5-9]\d|20\d\d|day|days))/);
  take(/\bback when (it|they|he|she|we)( [a-z0-9]+){1,3}$/);
  // "took ages to win a race": the wait is colour, not a constraint.
  take(/\b(took|taking|takes) (ages|forever|a while|so long|a long time|long)\b/);
  take(/\bteam ?mates?\b|\bteam-mates?\b/);

  // Qualifiers read before the metrics, which would otherwise take their words.
  const pre: Metric[] = [];
  let withoutTitle = false;
  let withoutWin = false;
  let countSeasons = false;
  if (
    take(
      /\bwithout (ever )?(winning |taking |becoming |being )?(a |the )?(world )?(title|championship|champion|crown)\b|\bnever (won|became|been|winning|becoming) (a |the )?(world )?(title|championship|champion)\b|\bnon champions?\b/,
    )
  )
    withoutTitle = true;
  if (
    take(
      /\bwithout (ever )?(winning|taking) (a |one |any )?(single )?(race|grand prix|gp)s?\b|\bwithout (ever )?winning (one|any|once)\b|\bwithout (ever )?(a |any |one )?(single )?(win|victory)\b|\bnever (won|winning) (a |one |any )?(race|grand prix|gp)\b|\bwinless\b/,
    )
  )
    withoutWin = true;
  // "the most podiums but never got a pole position", "the most races without ever getting a podium".
  const never = String.raw`\b(without (ever )?|never |but never |and never )(getting |got |taking |took |scoring |scored |having |had |reaching |reached |making |made |finishing |finished |standing |stood )?(a |an |any |one |on (a |the )?)?(single )?`;
  const withoutPole = !!take(new RegExp(`${never}(pole positions?|poles?)\\b`));
  const withoutPoints = !!take(new RegExp(`${never}(championship )?(points?|a point)\\b`));
  // "best result last year", "his highest finish": the best classified place.
  const best = !!take(
    /\b(best|highest|top) (ever )?(race |grand prix |gp )?(result|finish|finishing (position|place|spot)|placing|place)\b/,
  );
  if (best) pre.push('finishes');
  // "min 20 starts", "among drivers with 50 or more starts", "(20+ starts)".
  const floor = take(
    /\b(?:(?:among|of|for) (?:drivers |those |all )?(?:with )?|min(?:imum)?(?: of)? |at least |with (?:at least )?)(\d{1,3})(?: or more| plus|\+)? (?:starts|races|gps|grands prix|grand prix starts)\b|\b(\d{1,3}) ?\+ (?:starts|races)\b/,
  );
  const minStarts = floor ? Number(floor[1] ?? floor[2]) : undefined;
  const withoutPodium = !!take(new RegExp(`${never}(podium finish(es)?|podiums?)\\b`));
  // "raced in the most different seasons": a ranking by seasons with a start.
  let mostSeasons = false;
  if (
    take(
      /(?<=\b(most|fewest) )(different |distinct |separate )?(f1 |formula (1|one) |world championship )?(seasons|years)\b/,
    )
  ) {
    mostSeasons = true;
    countSeasons = true;
    take(
      /\b(raced|competed|driven|drove|started|raced in|competed in|taken part in|took part in|appeared in)\b/,
    );
  } else if (take(/\bhow many (different |distinct |separate )?(seasons|years)\b/)) {
    countSeasons = true;
    // "how many seasons did Hamilton spend at Mercedes", "…did Button start a Grand Prix".
    take(
      /\b(spend|spent|spending|stay|stayed|last|lasted|be|been|was|raced|race|racing|competed|compete|drove|drive|driven|start|started)\b/,
    );
  }
  // "won from pole": the grid slot, not a pole metric.
  // "on pole" alone is a pole ("Fangio vs Ascari on pole positions"); "started on pole" is the grid slot.
  // "converted the most poles into wins": wins from pole.
  const converted = !!take(
    /\b(pole positions?|poles?) in ?to (race |grand prix )?(wins?|victories|victory)\b|\b(wins?|victories) (from|on) (pole|p1|the pole)( position)?\b/,
  );
  if (converted) pre.push('wins');
  const fromPole =
    converted ||
    !!take(
      /\b(started |starting |start |won |win |wins |winning )(from|on) (pole|p1|the pole)( position)?\b|\bfrom (pole|p1|the pole)( position)?\b/,
    );
  // "qualified on pole": the pole itself.
  take(/\b(qualified|qualify|qualifies|qualifying|put it|put the car|stuck it) (on|in) (?=(the )?pole\b)/);
  // "who put a Lotus on pole most": the team's poles.
  if (/\b(put|stuck|planted)( a| an| the| his| her| their)?( [a-z]+){0,2} on pole\b/.test(norm))
    take(/\b(put|stuck|planted)\b/);
  // "fourth-place finishes — just off the podium": the fourth place again.
  take(/\b(just |only )?(off|missed) the podium\b/);
  // "how many times did Alonso finish second", "P4 finishes": finishes at one place.
  const placeWord: Record<string, number> = { ...PLACE_WORDS, runner: 2 };
  let finishedAt: number | undefined;
  // "second in the constructors' standings" is a championship place, not a race finish.
  const fin = /\b(standings|championship|table)\b/.test(norm)
    ? undefined
    : take(
        /\b(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) (place finish(?:es)?|places?|finish(?:es)?)\b|\b(runner) up finishes\b|\b(?:finish|finished|came|come|ended up) (?:in )?(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|p\d{1,2}|\d{1,2}(?:st|nd|rd|th))\b|\bp(\d{1,2}) finishes\b/,
      );
  if (fin) {
    const w = fin[1] ?? fin[3] ?? fin[4] ?? `p${fin[5]}`;
    finishedAt = placeWord[w] ?? (Number(w.replace(/\D/g, '')) || undefined);
    if (finishedAt !== undefined) pre.push('finishes');
  }
  // "first driver to win 100 races": the first to reach the N-th event.
  let milestone: number | undefined;
  const nthWord = take(
    /\b(his|her|their|its) (second|third|fourth|fifth|sixth|seventh|\d{1,3}(?:st|nd|rd|th))\b/,
  );
  if (nthWord) {
    milestone = PLACE_WORDS[nthWord[2]!] ?? Number(nthWord[2]!.replace(/\D/g, ''));
    // "at which race did he reach his 100th win".
    take(/\b(reach|reached|reaching|hit|hits|notch|notched|record|recorded)\b/);
  }
  const ageAsked = !!take(/\bhow old (was|is|were)\b|\bat what age\b|\bwhat age\b|\bage (was|of)\b/);
  const ms = take(
    /\b(first|fastest|quickest) (driver |man |one |person |guy |team )?to (?:(win|reach|score|take|get|claim) )?(\d{1,3}|two|three|four|five|six|seven|eight|nine|ten)\b/,
  );
  if (ms) {
    milestone = COUNT_WORDS[ms[4]!] ?? Number(ms[4]);
    // "to win 100 races": race wins, unless the count is of titles, poles or sprints.
    if (
      ms[3] === 'win' &&
      !new RegExp(`\\b${ms[4]} (titles?|championships?|crowns?|poles?|sprints?)\\b`).test(norm)
    )
      pre.push('wins');
  }
  // "most wins in a season where he didn't win the title": the title of that season, not of a career.
  const notChampionThatSeason = !!take(
    /\bin a (single )?(season|year) (where|in which|when) (they|he|she) (didn t|did not|didnt|failed to|never) (win|take) the (title|championship|crown)\b|\bin (a|one) (single )?season by a driver who (still )?(didn t|did not|didnt) (become|win|take)( the)? (champion|title|championship)\b|\bwithout (winning|taking) the (title|championship) that (year|season)\b|\bin a (losing|non title|non championship) (season|year)\b|\bin a single season and (still )?(not|didn t|did not|never) (won|win|take|took|taken) the (championship|title)\b/,
  );
  if (notChampionThatSeason && !/\bpoints?\b/.test(norm)) pre.push('wins');
  // "his debut", "first f1 race", "last grand prix of his career": a race start picked first or last.
  const winVerb = /\b(win|won|winning|victory|pole|podium)\b/.test(norm);
  const startPicked = winVerb
    ? undefined
    : take(
        /\b(debut|first (ever )?(f1 |formula 1 |formula one )?(race|grand prix|gp|start)|last (f1 )?(race|grand prix|gp|start) (of|for|in) (his|her) career)\b/,
      );
  if (startPicked) pre.push('starts');

  // "average finishing position", "win rate", "points per race": a rate over the starts, not a total.
  let rate: StatsFrame['rate'];
  if (
    take(
      /\baverage (race )?(finishing|finish|finished) (position|place|spot|result)\b|\baverage (race )?(finish|result)\b|\b(finish|finished|finishes) on average\b/,
    )
  ) {
    rate = 'average_position';
    pre.push('finishes');
  } else if (
    take(
      /\baverage (starting|grid|start) (position|place|slot|spot)\b|\baverage grid\b|\b(start|started|starts) on average\b/,
    )
  ) {
    rate = 'average_grid';
    pre.push('starts');
  } else if (
    take(
      /(?<=\b(win|winning|pole|pole position|podium|podium finish|points?|dnf|retirement|scoring|victory|conversion)s? )(rates?|percentages?|ratios?|percent)\b|\b(what|which) (percentage|percent|proportion|share|fraction) of\b|\b(percentage|proportion|fraction) of\b|\bper (race|start|grand prix|gp|weekend|outing)\b|\b(on average|average)(?= (points|pts|wins|podiums|poles)\b)|(?<=\b(points|pts) )(on average|average)\b|\bon average\b|\bstrike rate\b/,
    )
  ) {
    rate = 'share';
    take(/\b(on average|average)\b/);
  }
  // "who has the better win rate": of two named subjects, the comparison states which.
  if (rate && q.drivers.length + q.constructors.length >= 2) take(/\b(better|higher|lower|worse)\b/);

  let countRacesHeld = false;
  // "how many races were there in 2025", "how many rounds in the 2025 championship": races held, no one's starts.
  // "number of rounds" is the calendar's even beside a driver another part of the question names.
  // "how many sprints have we had this season": sprint races run.
  let sprintsHeld = false;
  if (
    !q.drivers.length &&
    !q.constructors.length &&
    take(
      /\b(how many|(the )?(total )?number of) (sprints|sprint races|sprint events|sprint weekends)( have| were| are| was| will| did)?( we| there)?( had| held| run| been| be)?( on the calendar)?\b/,
    )
  ) {
    pre.push('races_held');
    countRacesHeld = true;
    sprintsHeld = true;
  } else if (
    ((!q.drivers.length && !q.constructors.length) || /\b(how many|number of) rounds\b/.test(norm)) &&
    take(
      /\b(how many|(the )?(total )?number of) ((world )?championship |f1 |formula (1|one) |grand prix )?(races|rounds|grands prix|gps|events)( were| are| was| will| did)?( there| held| run| be)?( on the calendar)?\b/,
    )
  ) {
    pre.push('races_held');
    countRacesHeld = true;
    take(/(?<=\b(19[5-9]\d|20\d\d) )(championship|season|calendar)\b|\b(championship|calendar|schedule)\b/);
  }
  // "Russell vs Hamilton in 2022, their first year together": the season named, not a first event.
  take(
    /\b(their|his|her) (first|last|final|only) (full )?(year|season)s? (together|as team ?mates|as partners)\b/,
  );
  // "Leclerc's first year at Ferrari", "his last season with McLaren": a season, not a first event.
  const seasonPick = take(
    /\b(his|her|their|its)? ?(first|debut|maiden|last|final) (full )?(year|season|campaign) (at|with|for|in|driving for)\b/,
  );
  // Metrics: every phrase found, in order of the lexicon (a title phrase is not also a win).
  // Answered in the order asked: "wins and podiums" states the wins first.
  const found: { metric: Metric; at: number }[] = [];
  for (const [metric, re] of METRIC_PATTERNS) {
    let at = Infinity;
    for (let m = take(re); m; m = take(re)) at = Math.min(at, m.index);
    if (at < Infinity) found.push({ metric, at });
  }
  const metrics: Metric[] = [...pre];
  for (const { metric } of found.sort((x, y) => x.at - y.at))
    if (!metrics.includes(metric)) metrics.push(metric);
  // "Mercedes or Red Bull: who has more championships?": a team's titles are the constructors' unless the
  // question says drivers'.
  if (
    metrics.includes('titles') &&
    q.constructors.length &&
    !q.drivers.length &&
    !/\b(drivers?|world champions?|champions?|champs?)\b/.test(norm)
  ) {
    metrics.splice(
      metrics.indexOf('titles'),
      1,
      ...(metrics.includes('constructor_titles') ? [] : ['constructor_titles' as Metric]),
    );
  }
  // "won the title": the verb belongs to the title, not to race wins.
  if (metrics.includes('titles') || metrics.includes('constructor_titles')) {
    const winVerbOnly =
      /\b(won|win|wins|winning)\b/.test(norm) &&
      !/\b(race|grand prix|gp) wins\b|\bwins\b|\b(races|grands prix|gps)\b/.test(norm);
    if (
      winVerbOnly ||
      /\b(won|win|winning) (the |a |his |their |her )?(\w+ )?(world )?(title|championship|crown)/.test(norm)
    )
      removeMetric(metrics, 'wins');
  }
  // "points" next to "wins" in "who won with the most points" stays; "scored points in N races" is points finishes.
  // "hosted"/"held" count races only in "how many times…hosted", "hosted the most"; "when was it held" is a date.
  if (metrics.includes('races_held') && !/\b(how many|most|fewest|number of|how often)\b/.test(norm))
    removeMetric(metrics, 'races_held');
  // "hosted a championship F1 race": the championship names the races, it is not a count of titles.
  if (
    metrics.includes('races_held') &&
    metrics.includes('titles') &&
    /\b(world )?championship (f1 |formula (1|one) |grand prix )?(races?|rounds?|events?|grands prix|gps?)\b/.test(
      norm,
    )
  )
    removeMetric(metrics, 'titles');
  if (withoutWin) removeMetric(metrics, 'wins');
  if (metrics.length === 0 && (withoutTitle || withoutWin)) metrics.push(withoutWin ? 'podiums' : 'wins');
  // "who has done the most races without a podium": the races are starts.
  if (metrics.length === 0 && (withoutPole || withoutPodium) && take(/\b(races|grands prix|gps)\b/))
    metrics.push('starts');
  if (metrics.length === 0 && countSeasons) metrics.push('starts');
  // "who is the oldest driver on the grid this year": the oldest (youngest) to start a race in that scope.
  let todaysGrid = false;
  if (
    metrics.length === 0 &&
    /\b(youngest|oldest)\b/.test(norm) &&
    take(/\b(driver|drivers|racer|guy|man|person)( in (f1|formula (1|one)))?\b/)
  ) {
    todaysGrid = !!take(/\bon the (current )?grid\b|\bin the (current )?field\b/);
    metrics.push('starts');
  }
  // "how many drivers have started from pole": starts from the first grid slot.
  if (metrics.length === 0 && fromPole) metrics.push('starts');
  // "is Ferrari ahead of McLaren in the constructors?": two names in a standings comparison are points.
  if (
    metrics.length === 0 &&
    (q.drivers.length >= 2 || q.constructors.length >= 2) &&
    /\b(ahead|behind|more|vs|versus|or|gap)\b/.test(norm) &&
    take(
      /\b(in the )?(constructors|drivers|standings|championship|table)( standings| championship| table)?\b/,
    )
  )
    metrics.push('points');
  // "how many races has Hamilton started": race starts.
  if (metrics.length === 0 && take(/\bhow many (races|grands prix|gps|starts|grand prix starts)\b/)) {
    metrics.push('starts');
    take(
      /\b(started|entered|raced|contested|competed|took part|taken part|driven|start|enter|race|contest|compete|take part|drive)( in)?\b/,
    );
  }
  // "the most successful driver in the history of the Malaysian GP": the most wins.
  let mostSuccessful = false;
  if (metrics.length === 0 && take(/\bmost successful\b/)) {
    mostSuccessful = true;
    metrics.push('wins');
    take(/\b(in (the )?history of|ever at)\b/);
  }
  if (metrics.length === 0) return undefined;

  // Seasons (before the operations, whose "last" would take "the year before last"): "as of round N of
  // YYYY", a range, a decade, "since", relative years, or one season.
  const yr: { fromYear?: number; toYear?: number; toDate?: string } = {};
  const season = currentSeason(index, now);
  let m: RegExpExecArray | undefined;
  let relative: ReturnType<typeof relativeSeasonPhrase>;
  if ((m = take(/\b(as of|after|up to|through|until) (round|r) (\d{1,2})( of (19[5-9]\d|20\d\d))?\b/))) {
    const y = m[5] ? Number(m[5]) : (q.year ?? season);
    const race = index.racesOf(y).find((r) => r.round === Number(m![3]));
    if (race) yr.toDate = race.date;
  }
  if ((m = take(/\b(between|from) (19[5-9]\d|20\d\d) (and|to|until|till) (19[5-9]\d|20\d\d)\b/))) {
    yr.fromYear = Number(m[2]);
    yr.toYear = Number(m[4]);
  } else if ((m = take(/\b(19[5-9]\d|20\d\d) (to|until|through|and)? ?(19[5-9]\d|20\d\d)\b/))) {
    yr.fromYear = Number(m[1]);
    yr.toYear = Number(m[3]);
  } else if (
    (m = take(/\b(in |during |across )?the (fifties|sixties|seventies|eighties|nineties|noughties)\b/))
  ) {
    const y = {
      fifties: 1950,
      sixties: 1960,
      seventies: 1970,
      eighties: 1980,
      nineties: 1990,
      noughties: 2000,
    }[m[2] as 'fifties'];
    yr.fromYear = y;
    yr.toYear = y + 9;
  } else if ((m = take(/\b(in |during |across )?the (19[5-9]0|20[0-2]0)s\b|\b(19[5-9]0|20[0-2]0)s\b/))) {
    const y = Number(m[2] ?? m[3]);
    yr.fromYear = y;
    yr.toYear = y + 9;
  } else if ((m = take(/\b(in )?the ([5-9]0)s\b/))) {
    const y = 1900 + Number(m[2]);
    yr.fromYear = y;
    yr.toYear = y + 9;
  } else if ((m = take(/\b(since|after) (19[5-9]\d|20\d\d)\b/))) {
    yr.fromYear = Number(m[2]) + (m[1] === 'after' ? 1 : 0);
  } else if ((m = take(/\b(before|until|up to) (the )?(19[5-9]\d|20\d\d)( season)?\b/))) {
    yr.toYear = Number(m[3]) - (m[1] === 'before' ? 1 : 0);
  } else if ((relative = relativeSeasonPhrase(masked, take))) {
    yr.fromYear = yr.toYear = season + relative.offset;
  } else if (
    q.year !== undefined &&
    take(/\b(in|the|of|season) '?\d\d\b(?! (points?|wins?|races?|laps?|poles?|podiums?|times?)\b)/)
  ) {
    // "mansell in 92": the short year the question reader already read.
    yr.fromYear = yr.toYear = q.year;
  } else if ((m = take(/\b(19[5-9]\d|20\d\d)\b/))) {
    yr.fromYear = yr.toYear = Number(m[1]);
  }
  // "the 2010s (2010-2019)": the range that spells out a decade is the same constraint, either way round.
  if (yr.fromYear !== undefined && yr.toYear !== undefined) {
    take(new RegExp(`\\b${yr.fromYear} (to |until |through |and )?${yr.toYear}\\b`));
    if (yr.toYear - yr.fromYear === 9 && yr.fromYear % 10 === 0)
      take(new RegExp(`\\b(in |during |across )?(the )?${yr.fromYear}s\\b`));
  }
  if (yr.fromYear === undefined && yr.toYear === undefined && q.year !== undefined && !yr.toDate)
    yr.fromYear = yr.toYear = q.year;
  // "on the grid" with no season named is today's grid.
  if (todaysGrid && yr.fromYear === undefined && yr.toYear === undefined) yr.fromYear = yr.toYear = season;

  // "when did he make his debut": the first start, whatever "when" would otherwise ask for.
  let op: Operation | undefined = countRacesHeld
    ? 'count'
    : startPicked && !/\b(how old|age|aged|how many|number of|who|team ?mates?)\b/.test(norm)
      ? /^last\b/.test(startPicked[0])
        ? 'last'
        : 'first'
      : undefined;
  let streak = false;
  let worstGrid = false;
  let gender: 'FEMALE' | undefined;
  // "When did Barrichello win his final race?": his last win.
  const wonPick =
    /\b(won|win|winning) (his|her|their) (last|final|first) (race|grand prix|gp|victory)\b/.exec(norm);
  if (wonPick && take(/\b(his|her|their) (last|final|first) (race|grand prix|gp|victory)\b/))
    op = wonPick[3] === 'first' ? 'first' : 'last';
  if (mostSuccessful) op = 'most';
  // "his only Grand Prix win": that one event, picked.
  if (
    !op &&
    /\b(his|her|their|its) only ([a-z]+ ){0,2}(win|victory|pole|podium|title|championship)\b/.test(norm) &&
    take(/\b(his|her|their|its) only\b/)
  )
    op = 'first';
  // "what was the last race Michael Schumacher won": his last win, not the latest race on the calendar.
  const pick =
    /\b(last|latest|most recent|final|first) (race|grand prix|gp) (that |which )?([a-z]+ ){1,3}(won|win|took|claimed)\b/.exec(
      norm,
    );
  if (pick && (q.drivers.length || q.constructors.length) && take(new RegExp(`\\b${pick[1]} ${pick[2]}\\b`)))
    op = pick[1] === 'first' ? 'first' : 'last';
  // "his final points total in 2022": the season's total, not the last race he scored in.
  if (
    /\b(final|end of (the )?season|season end) (points? |championship )?(total|tally|score|count)\b/.test(
      norm,
    )
  )
    if (take(/\b(final|end of (the )?season|season end)\b/)) op = 'count';
  // Every word of an operation is explained, not only its first ("total pole count").
  for (const [o, re] of OPERATION_PATTERNS) {
    if (take(re)) {
      op ??= o;
      while (take(re));
    }
  }
  // "dc won monaco twice right? which years": a list of the seasons states how many there were.
  if (op === 'list')
    take(/\b(once|twice|thrice|(\d{1,3}|two|three|four|five|six|seven|eight|nine|ten) times)\b/);
  // "X vs Y", "did X or Y have more", "difference between X's and Y's": a comparison.
  const compareCue =
    /\b(vs|versus|compared|compare|difference|more than|fewer than|or|than|v|ahead|beat|better|gap|between|clear|margin|leads?|separated|separates|outscored|outscore|out scored|outqualified|outperformed|how close)\b|\b(who|which)\b.*\b(more|fewer)\b/.test(
      norm,
    );
  const two = q.drivers.length >= 2 || q.constructors.length >= 2;
  // "how many did each win": two subjects' totals side by side are a comparison too.
  const eachCue = two && !!take(/\b(each|both|respectively|apiece|the two( of them)?)\b/);
  if (two && (compareCue || eachCue)) {
    op = 'compare';
    while (
      take(
        /\b(vs|versus|v|compared( to| with)?|compare|difference( between)?|more than|fewer than|or|than|beat|ahead( of)?|clear( of)?|who beat who(m)?|margin|who had more|(ended up |finished )?with more|how close( was it| were they| was| were)?|more|(finished |ended up |ended |came )?(higher|lower)( up)?|by how much|how big|gap( between them)?|between them|came out on top|on top|how far apart( were they| are they)?|apart|(who )?(leads|lead|led|is leading|is in front)|(who )?(outscored|outscore|out scored|outperformed)( the other| each other)?|(points |that )?(separated|separates|separate|split)( them| the two)?|between( them| the two)?)\b/,
      )
    );
    // "with numbers", "give both counts", "in the final standings": a comparison states both totals anyway.
    take(
      /\b(with (the )?numbers|(give |with )?(both|the two|the) (numbers|counts|totals|figures)|numbers|counts|figures|(in the )?(final )?(standings|table))\b/,
    );
    // "give the leader's total", "how many more has the leader got": the comparison states both and the margin.
    take(
      /\b(the )?(leader|leading one|one ahead|winner of the two)( s)?( total| tally| number| count| margin)?\b/,
    );
  }
  // "the longest winning streak", "most consecutive poles".
  if (take(/\b(longest |biggest )?(consecutive|in a row|straight|back to back|streaks?|run of)\b/)) {
    while (take(/\b(longest |biggest )?(consecutive|in a row|straight|back to back|streaks?|run of)\b/));
    take(/\blongest\b/);
    streak = true;
    if (op !== 'compare') op = 'most';
  }
  // "the lowest grid position anyone has won from", "furthest back on the grid".
  if (
    take(
      /\b(lowest|furthest back|farthest back|worst|deepest)( on| down)?( the)? grid( position| slot| spot)?\b|\bfrom the back( of the grid)?\b|\b(furthest|farthest) back (anyone|someone|a driver|a winner)?( has| had)?( ever)? (started|start)( and still)?\b/,
    )
  ) {
    worstGrid = true;
    op = 'most';
    // "…furthest back on the grid someone has started from and still won".
    take(/\b(anyone|someone|a driver|a winner)?( has| had)?( ever)? (started|start)( from)?( and still)?\b/);
  }
  if (take(/\b(woman|women|female|lady|ladies)\b/)) gender = 'FEMALE';
  take(/\brecord holders?\b|\bholders?\b|\bholds?( it)?\b/);
  if (metrics.includes('laps'))
    take(/\b(complete|completed|cover|covered|drive|drove|driven|racing|raced)\b/);
  if (metrics.includes('grand_slams') || metrics.includes('hat_tricks')) {
    while (take(/\b(pole|win|fastest lap|led|leading|lead|every|lap|laps|same race)\b/));
    // "grand slams (pole, win, fastest lap, led every lap)": the parts define it; they are not asked as well.
    for (const m of ['poles', 'wins', 'fastest_laps'] as const) removeMetric(metrics, m);
  }
  if (best) op = 'best';
  // "the best pole percentage", "the worst win rate": a record rate.
  if (!op && rate === 'share' && take(/\b(best|greatest|top)\b/)) op = 'most';
  if (!op && rate === 'share' && take(/\b(worst|poorest)\b/)) op = 'fewest';
  if (!op && milestone !== undefined) op = 'first';
  if (!op && ageAsked) op = 'youngest';
  if (!op) {
    // "Hamilton's wins at Silverstone", "Prost's McLaren wins": a total of one subject.
    if (q.drivers.length || q.constructors.length) op = 'count';
    // "Bridgestone or Michelin: which won more?": two tyre makers compared (read below).
    else if (compareCue && words.filter((w) => tyreNamed(index, w)).length >= 2) op = 'compare';
    else return undefined;
  }

  // Seasons: a range, a decade, "since", relative years, or one season.
  const frame: StatsFrame = {
    metrics,
    sessions: [],
    op,
    subject: 'driver',
    drivers: [],
    teams: [],
    text: norm,
    unexplained: [],
    ...yr,
    ...(withoutTitle ? { withoutTitle } : {}),
    ...(withoutWin ? { withoutWin } : {}),
    ...(withoutPole ? { withoutPole } : {}),
    ...(withoutPodium ? { withoutPodium } : {}),
    ...(countSeasons ? { countSeasons } : {}),
    ...(streak ? { streak } : {}),
    ...(worstGrid ? { worstGrid } : {}),
    ...(gender ? { gender } : {}),
    ...(notChampionThatSeason ? { notChampionThatSeason, perSeason: true } : {}),
    ...(ageAsked ? { ageAsked } : {}),
    ...(rate ? { rate } : {}),
    ...(minStarts ? { minStarts } : {}),
    ...(withoutPoints ? { withoutPoints } : {}),
    ...(seasonPick && q.drivers.length && q.constructors.length
      ? { seasonOf: /^(last|final)$/.test(seasonPick[2]!) ? ('last' as const) : ('first' as const) }
      : {}),
  };
  if (countSeasons) frame.op = mostSeasons ? op : 'count';
  if (
    (withoutTitle || withoutWin || withoutPole || withoutPodium || withoutPoints) &&
    frame.op === 'count' &&
    !q.drivers.length
  )
    frame.op = 'most';
  take(/\bso far\b|\bto date\b|\bof all time\b|\ball time\b|\bin (f1 )?history\b|\bever\b/);

  // Sessions: "sprint" names the sprint; "grands prix" next to "sprints" asks for both.
  const sprint = take(/\bsprints?( races?)?( wins?)?\b/);
  const gp = /\b(grands prix|grand prix|gps?|races|main races?)\b/.test(norm);
  frame.sessions = sprintsHeld
    ? ['sprint']
    : sprint
      ? gp && /\band\b/.test(norm)
        ? ['race', 'sprint']
        : ['sprint']
      : ['race'];

  // Filters from the question's entities.
  frame.drivers = [...q.drivers];
  frame.teams = [...q.constructors];
  for (const mention of index.scan(q.text)) {
    const isPerson =
      (mention.drivers.length && (mention.fullName || !mention.place)) ||
      (mention.constructors.length && !mention.place);
    if (isPerson && mention.start < words.length)
      for (let i = mention.start; i < mention.end; i++) covered[i] = true;
  }
  // Three-letter codes found in capitals are covered by their word.
  // So is a first name the question reader read as the driver ("how old was max when he…").
  for (const d of frame.drivers) {
    if (d.abbreviation) words.forEach((w, i) => w === d.abbreviation!.toLowerCase() && (covered[i] = true));
    const [first = '', ...rest] = normalize(d.name).split(' ');
    words.forEach((w, i) => w === first && (covered[i] = true));
    // "ollie bearman", "seb vettel": a short form of the first name just before the surname.
    const last = rest.at(-1);
    words.forEach((w, i) => {
      if (w.length >= 3 && words[i + 1] === last && first.startsWith(w.slice(0, 2))) covered[i] = true;
      // "jacques v": the first name and the surname's initial.
      if (w.length === 1 && words[i - 1] === first && last?.startsWith(w)) covered[i] = true;
      // "ricardo's last win? danny ric": a misspelt repeat of the surname of the driver named.
      if (last && w.length >= 5 && w[0] === last[0] && distance(w, last) <= 2) covered[i] = true;
    });
  }

  // "won the most grands prix driving for Benetton": the team filter's verb.
  if (frame.teams.length) take(/\b(driving|racing|drove|raced|while|when) (for|with|at)\b/);

  // Nationality: a demonym or country next to a person word ("British driver", "which Brazilian").
  for (let i = 0; i < words.length; i++) {
    if (covered[i]) continue;
    // "New Zealand's", "South African": a two-word country or demonym before a one-word one.
    const pair = !covered[i + 1] && words[i + 1] ? index.country(`${words[i]} ${words[i + 1]}`) : undefined;
    const from = i;
    if (pair) i++;
    const country = pair ?? index.country(words[i]!);
    if (!country) continue;
    const next = words[i + 1] ?? '';
    const prev = words[from - 1] ?? '';
    // "American tracks", "how many Italian circuits": the races' country, not the drivers'.
    if (
      /^(tracks?|circuits?|venues?)$/.test(next) &&
      (metrics.includes('races_held') || frame.subject === undefined)
    ) {
      frame.hostCountry = country;
      for (let k = from; k <= i + 1; k++) covered[k] = true;
      frame.subject = 'circuit';
      continue;
    }
    const asPlace = /^(grand|gp|race|circuit)$/.test(next) || /^(at|in)$/.test(prev);
    // "Brazil's first champion": a country's possessive is its people, unless a race follows ("Brazil's GP").
    const possessive = next === 's' && !/^(grand|gp|race|circuit)$/.test(words[i + 2] ?? '');
    if (
      !asPlace &&
      (possessive ||
        DEMONYM_CUE.test(next) ||
        // "the most successful Belgian F1 driver".
        (/^(f1|formula)$/.test(next) && DEMONYM_CUE.test(words.slice(i + 2, i + 4).join(' '))) ||
        /^(which|a|an|first|what|from)$/.test(prev) ||
        !q.namesRace)
    ) {
      frame.nationality = country;
      for (let k = from; k <= i; k++) covered[k] = true;
    } else i = from;
  }

  // "Have Ferrari or Mercedes power units won more?": two engine makers compared, not the two teams.
  if (frame.op === 'compare' && frame.teams.length >= 2 && !frame.drivers.length) {
    const makers = frame.teams.slice(0, 2).map((t) => index.engineMaker(normalize(t.name)));
    if (
      makers.every(Boolean) &&
      take(/\b(engines?|power units?|pus?|engine (makers?|manufacturers?|suppliers?)|motors?|powered)\b/)
    ) {
      while (
        take(
          /\b(engines?|power units?|pus?|rather( than)?|instead( of)?|not|teams?|constructors?|counting|count)\b/,
        )
      );
      frame.makers = makers.map((mk) => ({ kind: 'engine' as const, id: mk!.id, name: mk!.name }));
      frame.teams = [];
    }
  }

  // Tyres: "Bridgestone or Michelin", "wins on Pirellis", "which tyre brand".
  const tyres = words.flatMap((w, i) => {
    const t = covered[i] ? undefined : tyreNamed(index, w);
    if (t) covered[i] = true;
    return t ? [t] : [];
  });
  if (tyres.length) take(/\b(tyres?|tires?)( (manufacturers?|brands?|suppliers?|makers?))?\b/);
  if (tyres.length >= 2 && compareCue) {
    frame.op = 'compare';
    frame.makers = tyres.slice(0, 2).map((t) => ({ kind: 'tyre' as const, id: t.id, name: t.name }));
    while (take(/\b(or|vs|versus|v|more|than|difference|by how (much|many)|which|who)\b/));
  } else if (tyres.length === 1) frame.tyre = tyres[0]!;

  // Engine: "Honda-engined cars", "Renault-powered", "with a Ford engine".
  const eng = /\b([a-z]+) (engined|powered|engines?)\b/.exec(masked);
  const maker = eng ? index.engineMaker(eng[1]!) : undefined;
  if (eng && maker && (eng[2] !== 'engine' || !frame.teams.some((t) => normalize(t.name) === eng[1]))) {
    frame.engineId = maker.id;
    take(new RegExp(`\\b(a |an )?${eng[1]} ${eng[2]}( cars?)?\\b`));
    frame.teams = frame.teams.filter((t) => normalize(t.name) !== eng[1]);
  }

  // Place: a grand prix or circuit named (not a nationality).
  if (q.namesRace && !frame.nationality) {
    const place = placeOf(index, q, words, covered);
    if (place) frame.place = place;
  } else if (q.namesRace && frame.nationality) {
    const place = placeOf(index, q, words, covered);
    if (place) frame.place = place;
  }

  // Positions: "finished second", "P4", "from pole", "from the back of the grid".
  if (fromPole) frame.grid = 1;
  else if ((m = take(/\bfrom (p|grid slot |grid position |position )(\d{1,2})\b/))) frame.grid = Number(m[2]);
  else if (
    // "starting from second on the grid", "from 3rd on the grid", "started 10th on the grid".
    (m = take(
      /\b((starting|started|start|starts) )?(from |on )?(the )?(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(st|nd|rd|th)|p\d{1,2})( place| position| slot)? on the grid\b|\b(starting|started) (second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(st|nd|rd|th))\b/,
    ))
  ) {
    const w = m[5] ?? m[10]!;
    frame.grid = PLACE_WORDS[w] ?? Number(w.replace(/\D/g, ''));
  }
  if (finishedAt !== undefined) frame.position = finishedAt;
  if (milestone !== undefined) {
    frame.nth = milestone;
    frame.op = 'first';
  }

  if (metrics.length > 1 && metrics.includes('titles') && frame.op !== 'first') {
    // "most wins by a world champion": the title word qualifies the drivers.
    if (/\bby a (world )?champion\b|\bchampions only\b/.test(norm)) {
      frame.champions = true;
      removeMetric(metrics, 'titles');
    }
  }

  if (
    take(
      /\bin (a|one) (single )?season\b|\bsingle season\b|\bone season\b|\bin a year\b|\bin (a|one) single ([a-z]+ ){0,3}?season\b/,
    )
  )
    frame.perSeason = true;
  if (take(/\bin (a|one) (single )?(race|grand prix|gp)\b|\bsingle race\b/)) frame.perRace = true;
  if (
    !frame.teams.length &&
    take(/\b(with|for|at) (a|one|the same|a single|one single) (single )?(team|constructor|outfit)\b/)
  )
    frame.perTeam = true;

  // "McLaren's first win as a constructor", "Renault (the constructor)": which Renault is meant, not what is listed.
  if (frame.teams.length)
    take(
      /\bas an? (constructor|team|outfit|manufacturer)\b|\bthe (constructor|team|outfit|manufacturer)\b(?! (with|that|who|which|has|had)\b)/,
    );
  // "who drove and when": the driver of the event, which a first or last event names anyway.
  take(/\bwho (drove|was driving|was at the wheel)\b/);
  // What the answer lists.
  for (const [subject, re] of SUBJECT_PATTERNS) {
    if (take(re)) {
      frame.subject = subject;
      break;
    }
  }
  if (frame.subject === 'driver' && !/\b(who|whom|driver|drivers|winner|winners)\b/.test(norm)) {
    if (frame.teams.length && !frame.drivers.length) frame.subject = 'constructor';
    if (metrics.includes('constructor_titles') || metrics.includes('one_twos')) frame.subject = 'constructor';
  }
  if (frame.op === 'list' && frame.subject === 'driver') frame.subject = 'season';
  // "which country has hosted the most races": the country the races were held in.
  if (frame.subject === 'nationality' && metrics.includes('races_held')) frame.subject = 'host_country';

  // "who finished higher in the 2010 championship": within one season the championship is its standings —
  // the points decide the order — not a count of titles.
  if (
    frame.op === 'compare' &&
    frame.fromYear !== undefined &&
    frame.fromYear === frame.toYear &&
    metrics.length === 1 + Number(metrics.includes('points')) &&
    (metrics[0] === 'titles' || metrics[0] === 'constructor_titles') &&
    /\b(higher|lower|ahead|behind|better|gap|margin|between|separated|separates|difference|by how (much|many)|how close)\b/.test(
      norm,
    )
  )
    metrics.splice(0, metrics.length, 'points');

  // Whatever is left unexplained.
  frame.unexplained = words.filter((w, i) => !covered[i] && !FILLER.has(w) && !/^\d+$/.test(w));
  return frame;
}

/** The tyre maker a word names, singular or plural ("Bridgestones"). */
function tyreNamed(index: EntityIndex, word: string): { id: string; name: string } | undefined {
  return index.tyreMaker(word.replace(/s$/, '')) ?? index.tyreMaker(word);
}

function removeMetric(metrics: Metric[], metric: Metric): void {
  const i = metrics.indexOf(metric);
  if (i >= 0) metrics.splice(i, 1);
}

/** The grand prix or circuit named, marking its words explained. A circuit name is the circuit. */
function placeOf(
  index: EntityIndex,
  q: ParsedQuestion,
  words: string[],
  covered: boolean[],
): PlaceFilter | undefined {
  const text = words.map((w, i) => (covered[i] ? '_' : w)).join(' ');
  const matches = index.matchRaces(text);
  const best = matches[0]?.race;
  if (!best) return undefined;
  // The longest alias of that race found in the text says whether a grand prix or a circuit was named.
  let hit: { text: string; weight: number } | undefined;
  for (const a of best.aliases) {
    if ((' ' + text + ' ').includes(' ' + a.text + ' ') && (!hit || a.text.length > hit.text.length)) hit = a;
  }
  if (!hit) return undefined;
  // Every name of that race is explained: "in Shanghai / the Chinese GP" names one place twice.
  for (const alias of best.aliases) {
    const aw = alias.text.split(' ');
    for (let i = 0; i + aw.length <= words.length; i++)
      if (aw.every((w, k) => words[i + k] === w)) for (let k = 0; k < aw.length; k++) covered[i + k] = true;
  }
  for (let i = 0; i < words.length; i++)
    if (/^(grand|prix|gp|circuit|track)$/.test(words[i]!)) covered[i] = true;
  void q;
  // "Imola", "Silverstone", "Spa" name a circuit (the San Marino GP was at Imola too); "Hungarian" a grand prix.
  const circuitWords = normalize(`${best.circuitName} ${best.place}`);
  const namesCircuit = (' ' + circuitWords + ' ').includes(' ' + hit.text + ' ');
  return namesCircuit || (hit.weight < 2.5 && hit.weight !== 1)
    ? { circuitId: best.circuitId, name: best.circuitName }
    : { grandPrixId: best.grandPrixId, name: best.grandPrixName };
}
