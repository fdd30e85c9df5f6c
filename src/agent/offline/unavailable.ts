// Statistics the F1 database does not hold. A question about one of them gets a plain "not in the data"
// naming what is missing and what the data has instead, never a nearby fact passed off as the answer.
const MISSING: [RegExp, string, string][] = [
  [
    /\b(how many (people|fans|viewers|spectators) (watched|attended|were there|saw|were (at|in|watching)|came|turned up|went)|tv (audience|viewers|ratings?)|viewing figures|viewership|attendance|spectators|crowd size|tickets? sold)\b/,
    'audience, attendance or TV figures',
    'race results, the calendar and circuits',
  ],
  [
    /\b(top speed|speed traps?|km ?h|mph|fastest speed|maximum speed|how fast was)\b/,
    'speed-trap or top-speed figures',
    'lap times, fastest laps and race results',
  ],
  [
    /\bsectors?( \d| one| two| three)?( times?)?\b|\bmini ?sectors?\b/,
    'sector times',
    'qualifying lap times (Q1–Q3) and fastest laps',
  ],
  [
    /\b(telemetry|throttle|braking|brake (pressure|temps?|temperatures?)|gear shifts?|rpm|g ?force|downforce|ers|ers deployment|battery|deploy(ed|ment)?|harvest(ed|ing)?|fuel (load|usage|used|consumption))\b/,
    'car telemetry',
    'session results, pit stops and (2018 on) lap-by-lap tables',
  ],
  [
    /\bbrakes?\b.*\b(hot|cold|temps?|temperatures?|glowing|wear)\b|\bhow (hot|cold) (were|was|are|is) [a-z ]{0,30}\bbrakes?\b/,
    'car telemetry (brake temperatures)',
    'session results, pit stops and (2018 on) lap-by-lap tables',
  ],
  [
    /\b((rear|front) )?wing (levels?|angles?|settings?|configurations?|specs?)\b|\b(car |his |her |their )?set ?ups?\b(?! (of|for) the (race|weekend|season))|\bride heights?\b|\bgear ratios?\b|\bsuspension (settings?|set ?ups?)\b|\bengine modes?\b|\b(low|high|medium) downforce\b/,
    'car set-up (wing levels, ride height, gear ratios)',
    'results, grid positions and pit stops',
  ],
  [
    /\b(drs)\b(?! (rules?|zones? (rules?|regulations?))).*\b(open|opened|use[ds]?|activations?|times)\b|\b(open|opened|used|activated) (the )?drs\b/,
    'DRS activations',
    'race results and lap times',
  ],
  [
    /\btyre (temps?|temperatures?|pressures?|wear)\b|\btire (temps?|temperatures?|pressures?|wear)\b/,
    'tyre temperatures, pressures or wear',
    'pit stops and (2018 on) the compound of each stint',
  ],
  [
    /\b(how long was [a-z ]{1,30} stationary|stationary (time|for)|(stopped|standing) (still )?for how long|tyre change time|wheel change time|time (the car |he |she )?(was |spent )?stationary)\b/,
    'stationary times at pit stops (the data has each stop’s pit-lane time, not the time the car stood still)',
    'pit stops with their lap and pit-lane time',
  ],
  [
    /\b(team radio|radio messages?|on the radio|over the radio|radio call)\b/,
    'team radio',
    'results, pit stops and race-control data from live recordings',
  ],
  [
    /\blaps? led\b|\bled (the most|\d+|how many) laps\b|\bhow many laps did \w+( \w+)? lead\b/,
    'laps led',
    'winners, poles, fastest laps and grand slams',
  ],
  [
    /\b(how many )?overtakes?\b(?! on)|\bovertaking moves?\b|\bpasses made\b/,
    'overtake counts',
    'grid and finishing positions (places gained)',
  ],
  [
    /\b(salary|salaries|wages?|how much (is|was|does|did) \w+( \w+)? (paid|earn|make|get paid)|how much did \w+( \w+)? (pay|paid)|(paid|pay|pays|paying) (him|her|\w+) (for|in|per)|contract (value|worth)|net worth|earnings|retainer|sign(ing)? on fee)\b/,
    'salaries or contracts',
    'results and career statistics',
  ],
  [/\b(fuel (load|consumption|used)|how much fuel)\b/, 'fuel loads', 'race results'],
  [
    /\b(heart ?rates?|pulse|bpm|heartbeat|biometrics?|body temperature|weight loss|lost \w+ (kg|kilos?) of|(kg|kilos?) of (sweat|water|fluid))\b/,
    "drivers' biometrics",
    'results and career statistics',
  ],
  [
    /\b(track|air|asphalt|ambient|surface) (temp|temps|temperatures?)\b|\bhow (hot|cold|warm) was (it|the track|the air)\b/,
    'track or air temperatures',
    'race results (and, for recorded sessions, the weather feed of that recording)',
  ],
  [
    /\btrack limits? (warnings?|violations?|breaches|infringements|deleted laps?)\b|\b(laps?|times?) deleted\b|\bblack and white flags?\b/,
    'track-limits warnings and deleted laps',
    'race results, penalties shown in the classification and disqualifications',
  ],
  [
    /\b(power unit|engine|pu) (elements?|components?|parts?)\b|\bhow many (engines|power units|gearboxes|turbos|mgu ?[hk]s?) (has|have|did|had)\b/,
    'power-unit element usage',
    'engine makers by team and season',
  ],
  [
    /\bprize money\b|\bprize fund\b|\b(fom|foca) (payments?|money)\b|\bhow much money\b/,
    'prize money or payments',
    'results and championship standings',
  ],
  [
    /\bweigh\b|\bweighs\b|\bweighed\b|\b(car|chassis) weights?\b|\bhow heavy\b|\bhorsepower\b|\b(bhp|hp)\b|\bpower output\b/,
    'car weights or power outputs',
    'the chassis and engine names per entry',
  ],
  [
    /\b(penalty points|super ?licen[cs]e points|points on (his|her|the) licen[cs]e)\b/,
    'licence penalty points',
    'race results, grid positions and disqualifications',
  ],
  [
    /\b(mm|millimet(re|er)s?|inches) of (rain|rainfall|water)\b|\brainfall\b|\bhow much (rain|water) fell\b/,
    'rainfall measurements',
    'race results (and the recorded weather of races with a weather record)',
  ],
  [
    /\b(attendance|spectators|crowd|tv (viewers|audience)|viewership)\b/,
    'attendance or audience figures',
    'race results',
  ],
];

/** The missing statistic a question asks for, if any: [what, what the data has instead]. */
export function missingStatistic(norm: string, year?: number): { what: string; instead: string } | undefined {
  if (/\b(rule|rules|regulation|regulations|allowed|article|legal)\b/.test(norm)) return undefined;
  // Compounds per stint exist only where lap tables do (2018 on); the tyre maker is in f1db for every year.
  const compounds =
    /\bcompounds?\b|\b(soft|medium|hard|intermediate|supersoft|ultrasoft)s?\b|\b(tyre|tire) (strategy|choice|choices)\b|\b(tyres?|tires?)\b.*\b(start|started|starting|fitted|switch|switched|change|changed|run|ran|running|use|used|using) (the race )?(on|to|for)?\b|\b(what|which) (tyres?|tires?) (was|were|is|did)\b|\b(start|started) (the race )?on (what|which) (tyres?|tires?)\b|\b(which|what) (tyres?|tires?) did\b/.test(
      norm,
    ) && !/\b(strategy|stints?|pit stops?|stops?)\b/.test(norm);
  // From 2018 the compounds come from lap tables, which the strategy tool reads; f1db itself has none.
  if (compounds && (year === undefined || year >= 2018))
    return {
      what: 'tyre compounds (the strategy tool has the stints of races with lap tables)',
      instead: 'pit stops, and stints per driver via "pit strategy for <race>"',
    };
  if (compounds && year !== undefined && year < 2018)
    return {
      what: `the tyre compounds used before 2018 (lap tables start in 2018)`,
      instead: 'pit stops and the tyre manufacturer',
    };
  // Who ran where on a given lap needs lap tables, which start in 2018.
  if (
    (year === undefined || year < 2018) &&
    /\b(lead|leading|led|leader|position|running|who was (first|second|third|p\d)) (on|at|after) lap \d+\b|\blap \d+ (leader|positions?)\b/.test(
      norm,
    )
  )
    return {
      what: `positions lap by lap${year !== undefined ? ` in ${year}` : ''} (lap tables start in 2018)`,
      instead: 'the classification, the grid, fastest laps and pit stops',
    };
  // "grand slams (pole, win, fastest lap, led every lap)": the definition of a statistic the data has.
  const asked = /\bgrand slams?\b/.test(norm)
    ? norm.replace(/\b(led|leading|lead) (every|all|each) laps?\b|\blaps? led\b/g, ' ')
    : norm;
  for (const [re, what, instead] of MISSING) if (re.test(asked)) return { what, instead };
  return undefined;
}

export function missingText(m: { what: string; instead: string }): string {
  return `That is not in the data: f1db does not store ${m.what}. It has ${m.instead} — ask for those instead.`;
}
