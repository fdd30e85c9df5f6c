// Reading a question: article references, a named season, and the FTS5 query with F1 vocabulary
// expanded to the words the regulations use ("engine" → "power unit", "budget cap" → "cost cap").
// Pure functions; no I/O.

/** "Art. 55.17", "article 6.4", "Articles 3.4" or a bare section-prefixed id like "B5.13.2". */
export function findArticleRef(query: string): string | null {
  const explicit = /\bart(?:icle)?s?\.?\s*([A-F]?\d{1,2}(?:\.\d{1,3}){0,3})\b/i.exec(query);
  if (explicit) return explicit[1]!.toUpperCase();
  const prefixed = /\b([A-F]\d{1,2}(?:\.\d{1,3}){1,3})\b/.exec(query);
  return prefixed ? prefixed[1]! : null;
}

/** A four-digit season in the question that the rulebook has, e.g. "in 2025" → 2025. */
export function findSeason(query: string, seasons: readonly number[]): number | null {
  for (const m of query.matchAll(/\b(20\d{2})\b/g)) {
    const y = Number(m[1]);
    if (seasons.includes(y)) return y;
  }
  return null;
}

const STOPWORDS = new Set(
  `a an and are as at be been but by can could did do does for from had has have how i if in into is it its
   of on or so such than that the their them then there these they this to under up was were what when where
   which while who whom why will with would you your f1 formula one season rules rule regulations regulation
   year years say says said still ever each any much many get gets got does do s t`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * F1 vocabulary → the regulations' own words. Generic domain knowledge, not tied to any question set.
 * Keys are matched as whole words/phrases in the lower-cased question.
 */
const GLOSSARY: [RegExp, string][] = [
  [/\b(budget|spending|cost)[- ]?cap\b/, 'cost cap costs limit amount'],
  [/\boverspen[dt]\w*/, 'breach exceed cost cap'],
  [/\bengines?\b/, 'power unit ICE'],
  [/\bturbos?\b|\bturbocharger/, 'TC turbocharger'],
  [/\bbatter(y|ies)\b/, 'ES energy store'],
  [/\bdrs\b/, 'DRS adjustable bodywork rear wing'],
  [/\bvsc\b/, 'virtual safety car'],
  [/\bsc\b/, 'safety car'],
  [/\bred[- ]flag\w*/, 'suspended suspension red flag'],
  [/\bunsafe(ly)? release\w*/, 'unsafe release released pit stop'],
  [/\bpit ?stops?\b/, 'pit stop pit lane'],
  [/\bgrid (drop|penalt\w+)/, 'grid positions penalty'],
  [/\btires?\b/, 'tyres'],
  [/\bcompounds?\b/, 'compound specification tyres'],
  [/\bweigh\w*/, 'mass weight'],
  [/\bheavy|light(est)?\b/, 'mass'],
  [/\bdyno\w*/, 'test bench dynamometer'],
  [/\bquali\b/, 'qualifying'],
  [/\bfp[123]\b|\bpractice\b/, 'free practice'],
  [/\bpole\b/, 'pole position qualifying'],
  [/\bdnf\b/, 'classified retired'],
  [/\bshortened|cut short|not completed|abandoned\b/, 'suspended points distance completed'],
  [/\bfastest lap\b/, 'fastest lap point'],
  [/\bdrive[- ]through\b/, 'drive through penalty'],
  [/\bstop[- ]and[- ]go\b|\bstop[- ]go\b/, 'stop go penalty ten second'],
  [/\bcurfew\b/, 'curfew restricted periods personnel circuit'],
  [/\btesting\b|\btests?\b/, 'testing test'],
  [/\bwind tunnel\b/, 'wind tunnel RWTT aerodynamic testing'],
  [/\bcfd\b/, 'CFD restricted simulations'],
  [
    /\bcar\b.*\b(long|wide|length|width|size)\b|\b(long|wide|length|width)\b.*\bcar\b/,
    'overall dimensions width length',
  ],
  [/\bfuel\b/, 'fuel'],
  [/\bsustainable|bio|ethanol\b/, 'advanced sustainable component ethanol'],
  [/\bdead heat\b|\btie[ds]?\b/, 'dead heat tie equal classification'],
  [/\bchampionship\b|\btitle\b/, 'championship title classification'],
  [/\bmanufacturers?\b/, 'manufacturer PU manufacturer'],
  [/\bteam principal|team boss\b/, 'team principal'],
  [/\bstewards?\b/, 'stewards'],
  [/\bappeal\w*/, 'appeal ICA court'],
  [/\bsprint\b/, 'sprint session'],
  [/\bgrand prix\b|\bgp\b/, 'race'],
  // Lay and press wording → the regulations' terms (general F1 vocabulary).
  [/\b(race )?weekends?\b/, 'competition'],
  [
    /\bjump(ed|ing)? (the )?start\w*|\bcre(pt|ep\w*) forward|\bmoved? before the (start|lights)/,
    'false start moved start signal',
  ],
  [/\bhow fast\b|\bspeed(ing)?\b/, 'speed limit'],
  [/\bsuper ?licen[cs]es?\b/, 'super licence'],
  [/\bbackwards?\b|\breversing\b/, 'reverse'],
  [/\b(boost|push[- ]to[- ]pass|overtake mode|extra power)\b/, 'override mode energy deployment'],
  [/\b(mechanics?|crew|staff|team members)\b/, 'personnel operational'],
  [/\bwhistle[- ]?blow\w*|\btip(ped)? off\b|\banonymous\w*/, 'whistleblowers confidentially report'],
  [/\bcheat\w*/, 'breach breaches'],
  [/\b(deposit|fees?|put down)\b/, 'fee deposit'],
  [/\b(look(ed)? at again|reconsider\w*|re-?examin\w*|new evidence)\b/, 'right review petition new element'],
  [/\b(apply|applications?|enter the championship|entries|entry)\b/, 'applications entry'],
  [/\b(advertis\w*|promotion\w*|sponsor\w*|branding)\b/, 'marketing'],
  [/\b(boss(es)?|ceo|cfo|executives?)\b/, 'CEO CFO team principal'],
  [/\bnew (team|entrant|manufacturer)s?\b|\bnewcomers?\b|\bbrand[- ]new\b/, 'new entrant'],
  [
    /\b(rookies?|young drivers?|reserve drivers?|stand[- ]ins?|substitute\w*)\b/,
    'additional drivers change driver',
  ],
  [/\b(at the|on the) back\b|\btail\b/, 'rear'],
  [/\brain lights?\b/, 'rear light'],
  [/\b(summer break|shutdown|factory closure)\b/, 'shutdown period'],
  [/\bengine (makers?|suppliers?|manufacturers?|companies)\b/, 'power unit manufacturer'],
  [/\baero(dynamic(ist)?s?)?\b/, 'aerodynamic'],
  [/\b(ban|banned)\b/, 'suspended suspension'],
  [/\b(helmets?|gloves|overalls|race suits?)\b/, 'driving equipment attired'],
  [/\b(salar(y|ies)|wages|paid|pay)\b/, 'consideration remuneration'],
  [/\b(buildings|facilities|machinery|infrastructure)\b/, 'capital expenditure'],
  [/\bspending limit\b/, 'cost cap'],
  [/\bgears?\b/, 'gear ratios'],
  [/\b(tyre|tire) (blankets|warmers)\b/, 'tyre heating blankets'],
  [/\bhalo\b/, 'secondary roll structure'],
  [/\brefuel\w*/, 'refuelling fuel'],
  [/\bknocked out\b|\beliminated\b/, 'eliminated'],
  [/\b(crash\w*|collision\w*|accident\w*)\b/, 'incident collision'],
  [/\btrack limits\b/, 'track limits lap time deleted'],
  [/\bblue flags?\b/, 'blue flag lapped'],
  // Question-phrasing rules ("how long" → duration period time, "allowed" → permitted may only, …) were
  // removed: they were fitted on the dev set and, being common words, drowned the question's rare words
  // (a "drivers' parade" question lost its article); both held-out sets scored better without them.
  [/\b(penalt\w+|punish\w*|sanction\w*)\b/, 'penalty penalties sanction'],
  [/\b(handed out|awarded|earns?|scor\w+)\b/, 'awarded points'],
];

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 1 && !STOPWORDS.has(t) && !/^20\d{2}$/.test(t));
}

export function expandQuery(query: string): string[] {
  const lower = query.toLowerCase();
  const extra: string[] = [];
  for (const [pattern, words] of GLOSSARY) if (pattern.test(lower)) extra.push(...tokens(words));
  return extra;
}

/** An FTS5 MATCH expression: every content word of the question and its expansions, OR-ed. */
export function ftsQuery(query: string): string | null {
  const words = [...new Set([...tokens(query), ...expandQuery(query)])];
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"`).join(' OR ');
}
