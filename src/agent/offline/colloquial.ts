// Fan shorthand read as the plain words the question reader knows: "last yr" is "last year", "racked up"
// is "got", "this summer" is this season. Only phrasings that mean one thing everywhere belong here; a word
// whose meaning depends on the question stays for the reader to explain (or to abstain on).

import { fullYear } from '../race-ref.ts';

const REWRITES: [RegExp, string][] = [
  [/\byrs\b/gi, 'years'],
  [/\b(rn|atm)\b(?=\W*$|\W)/gi, 'right now'],
  // "ricardo's last win? danny ric i mean": the correction is the name; "i mean" is not a word of the question.
  [/[,.;]?\s*\bi mean\b/gi, ''],
  // "quick nick... no wait, nick heidfeld": the correction is what counts.
  [/^.*?\b(no wait|scratch that|sorry i mean|or rather)\b[,.]?\s*/gi, ''],
  [/\b(jnr|junior)\b/gi, 'jr'],
  [/\s*\(?\bor the other way (a)?round\b\)?/gi, ''],
  [/\byr\b/gi, 'year'],
  [/\b(this|last) (summer|spring|autumn|fall|winter)\b/gi, '$1 year'],
  // Verbs of accumulating: "racked up 6 poles", "has he bagged", "notched".
  [
    /\b(racked|racking|rack|notched|notching|chalked|clocked|totted|amassed|amass|bagged|bag|banked|bank|grabbed|nabbed|snagged|snatched|collected|collect|claimed|claim)( up)?\b|\bpicked up\b/gi,
    'got',
  ],
  [/\b(points )haul\b/gi, '$1'],
  [/\bhaul of points\b/gi, 'points'],
  [/\bso far\b/gi, ''],
  // "since they brought them in", "ever since sprints started": the whole history of the thing asked about.
  [
    /\b(ever )?since (they|it|sprints?|the sprints?|sprint races?) (were |was )?(brought|introduced|came|started|began|first (ran|run|held))( (them|it))?( in)?\b/gi,
    '',
  ],
  // "any venue counts", "any circuit": no circuit filter, which is what a grand prix over the years is anyway.
  [/[,;]?\s*\b(any|whatever|every) (venue|circuit|track)s? (counts?|is fine|goes|included)\b/gi, ''],
  // "who has done the most races", "done 300 grands prix": races started.
  [
    /\b(done|did|do) (the most|more|fewer|the fewest|\d+) (races|grands prix|gps|starts)\b/gi,
    'started $2 races',
  ],
  // "who lost out to Hunt for the 76 title": the runner-up to him.
  [/\blost out to\b/gi, 'was runner-up to'],
  // "how many more poles did the pole-getter of the two get": the one ahead, which a comparison names anyway.
  [/\bthe ([a-z]+[- ]?)?(getter|taker|sitter|winner|leader|one) of the (two|pair)\b/gi, 'the one ahead'],
  // "the 1955 Indy 500 counted for the world championship": a championship race held, not a question of titles.
  [
    /\b(which |that )?(counted|counts|count|used to count|was part of|were part of|was a round of) (for |towards? |in |of )?the (f1 )?(world )?championship\b/gi,
    ' held ',
  ],
  // "who came home fourth", "came in second": finished.
  [
    /\bcame (home|in) (?=(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|p\d|\d+(st|nd|rd|th))\b)/gi,
    'finished ',
  ],
  // "grand slams (pole, win, fastest lap, led every lap)": the definition in brackets asks nothing more.
  [/\b(grand slams?|hat[- ]tricks?)(\W*)\(\s*(pole|win|fastest)[^)]*\)/gi, '$1$2'],
  // "win in red", "his wins in red": at Ferrari.
  [/\b(in|wearing) (the )?red\b(?! (bull|flags?|and)\b)/gi, 'for ferrari'],
  // "lined up for the most grands prix": started.
  [/\blined up (for|in) /gi, 'started '],
  // "more often than anybody": the most.
  [/\bmore (often|times) than any(body|one| other driver| other)\b/gi, 'the most times'],
  // "who still lost the title", "who didn't win the title that year": a season he was not champion.
  [
    /\bby (someone|a driver|somebody) who (still )?lost the (title|championship)\b/gi,
    "in a season where he didn't win the title",
  ],
  [
    /\b(for )?(a driver|someone|somebody) who (didn'?t|did not|never) (win|take) the (title|championship) that (year|season)\b/gi,
    "in a season where he didn't win the title",
  ],
  // "bring up his 100th win", "brought up": reach.
  [/\b(bring|brought|bringing) up\b/gi, 'reach'],
  // "top of the constructors atm": leading that championship.
  [
    /\b(top of|on top of|heading|leads?|leading) the (constructors|drivers)'?( standings| championship| table)?\b/gi,
    'leading the $2 championship',
  ],
  // "how many GP wins do Finnish drivers have between them": in total.
  [/\b(have|has|had|got|scored|won) between them\b/gi, '$1 in total'],
  // "how many more did the faster qualifier have": the one ahead.
  [/\bthe (faster|quicker|better|stronger) (qualifier|driver|one)\b/gi, 'the one ahead'],
  // "polesitters", "pole-sitter": two words.
  [/\bpole-?(sitters?)\b/gi, 'pole $1'],
  // "how many times did the pole sitter go on to win": wins from pole.
  [
    /\b(how many times|how often) (did|has|have) the pole ?sitters? (go on to |went on to |gone on to |actually )?(win|won)( it| the race)?\b/gi,
    'how many wins from pole',
  ],
  [
    /\b(did )?the pole ?sitter (go on to |went on to |actually )?(win|won)( it| the race)?\b/gi,
    'wins from pole',
  ],
  // "2010 Abu Dhabi, the title decider: who came fourth": the race that decided it.
  [/\b(the )?(title|championship) (decider|showdown)\b/gi, 'the race'],
  // "antonelli points tally rn": this season's points.
  [
    /\b(points?( tally| total| haul)?|standings? position) (right now|currently|at the moment|atm|as it stands)\b/gi,
    '$1 this season',
  ],
  // "Honda's own works team", "as a works outfit": the constructor of that name.
  [/\b(own )?works (team|outfit|entry|squad)\b/gi, 'team'],
  // Tag questions: "2012 was mad wasn't it,", "the hulk finally got a podium didn't he?" ask nothing themselves.
  [
    /[,]?\s*\b(wasn'?t|isn'?t|didn'?t|doesn'?t|hasn'?t|haven'?t|weren'?t|aren'?t|wasnt|isnt|didnt|doesnt|hasnt|havent|werent|arent) (it|he|she|they)\b(?=\s*[,?.!]|\s*$)/gi,
    '',
  ],
  [/\b(separately|individually|respectively)\b/gi, ''],
  // "on the day", "that day" after a race already named: the race itself.
  [/\b(on |that |on that )day\b/gi, ''],
  [/\bpls\b|\bplz\b/gi, ''],
  [/\bwinningest\b/gi, 'most winning'],
  // "who else was on the podium with Button at Canada 2011": the podium of that race, Button included.
  [
    /\bwho else (was|were|finished|stood|got) on the podium (with|alongside|besides|apart from|other than) [a-z'.-]+( [a-z'.-]+)??(?= (at|in|during|for)\b|\?|$)/gi,
    'who was on the podium',
  ],
  // "2005 world champ and his team?": a second ask, "what team was he driving for".
  [/\band (his|her) (team|car|constructor)\s*\??$/gi, 'and what team was $1 driving for?'],
  // "won the constructors in 1984": the constructors' championship.
  [
    /\b(won|win|wins|take|took|takes|clinched|clinch) the (constructors|drivers)\b(?!'? ?(championship|title|cup|standings|crown|(and|&|\+) constructors))/gi,
    "$1 the $2' championship",
  ],
  // "most successful Aussie in terms of GP wins": the Australian with the most GP wins.
  [/\b(?:most successful|best|greatest|top) (.+?) in terms of (.+)$/gi, '$1 with the most $2'],
  // "Tyrrell's most successful driver by race wins": the same, measured "by" a count.
  [
    /\b(?:most successful|best|greatest|top) (.+?) (?:by|by number of|when it comes to|measured by|on) ((?:race |grand prix |gp |career )?(?:wins|victories|poles|pole positions|podiums|points|titles|championships))\b/gi,
    '$1 with the most $2',
  ],
  // A fan's word for a driver of a country (never the country's Grand Prix).
  [/\baussies?\b(?! (driver|gp|grand prix))/gi, 'australian driver'],
  [/\bbrits?\b(?! (driver|gp|grand prix))/gi, 'british driver'],
  [/\bkiwis?\b(?! (driver|gp|grand prix))/gi, 'new zealand driver'],
  // Transposed letters in the shortest words, which the name and word mender leaves alone.
  [/\blsat\b/gi, 'last'],
  [/\bfrist\b/gi, 'first'],
  [/\b(waht|wat|wot)\b/gi, 'what'],
  [/\b(wich|whihc|wihch)\b/gi, 'which'],
  [/\bgimme\b/gi, 'give me'],
  [/\bpts\b/gi, 'points'],
  [/\bhwo\b/gi, 'who'],
  [/\byrs\b/gi, 'years'],
  [/\byr\b/gi, 'year'],
  // "the last step of the podium": third place; "the top step": the win.
  [/\b(the )?(last|third|bottom|lowest) step of the podium\b/gi, 'third place'],
  [/\b(the )?(second|middle) step of the podium\b/gi, 'second place'],
  [/\b(the )?top step of the podium\b/gi, 'the win'],
  // Texting shorthand: "how many races r on the calendar", "podiums w aston martin", "his 1st wdc".
  [/\br\b(?= (on|there|the|in|they|we|you|both|all|left|still)\b)/gi, 'are'],
  [/\bu\b(?= (know|think|tell|give|show)\b)/gi, 'you'],
  [/\bw\/\s?|\bw\b(?= (the |a )?[a-z]{3,})/gi, 'with '],
  [/\b(his|her|their|its|the) 1st\b/gi, '$1 first'],
  // "hungry 2021": the race, when a season or race word stands beside it.
  [
    /\bhungry\b(?=,? (19[5-9]\d|20\d\d|gp|grand prix|race)\b)|(?<=\b(in|at) )hungry\b(?=,? (19[5-9]\d|20\d\d|\d\d)\b)/gi,
    'hungary',
  ],
  [/\b(wen|wehn|whn)\b(?= (did|was|is|were|does|do|will|has|had)\b)/gi, 'when'],
  [/\bteh\b/gi, 'the'],
  [/\bwon't\b/gi, 'will not'],
  // "leading the wcc", "the 2003 wdc": the championship the letters stand for ("wdcs" stays a count of titles).
  [/\bwcc\b/gi, "constructors' championship"],
  [/\bwdc\b/gi, "drivers' championship"],
  // "2k12": 2012.
  [/\b2k(\d\d)\b/gi, '20$1'],
  // "who has started the most F1 races": the most starts.
  [
    /\b(started|entered|contested|competed in|raced in|taken part in|took part in) the (most|fewest) (f1 |formula 1 |formula one |grand prix |world championship )?(races|grands prix|gps)\b/gi,
    'the $2 starts',
  ],
];

/** Counts spelt out ("a", "five", "twelve"). */
export const COUNT_WORDS: Record<string, number> = {
  a: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
};

/** "10 years ago", "a decade ago" → the season it names, counted back from `season` (the current one). */
export function yearsAgo(text: string, season: number): string {
  return text
    .replace(/\ba decade ago\b/gi, `in ${season - 10}`)
    .replace(/\b(\d{1,2}|[a-z]+) (years|seasons|yrs) ago\b/gi, (all, n: string) => {
      const k = /^\d+$/.test(n) ? Number(n) : COUNT_WORDS[n.toLowerCase()];
      return k && season - k >= 1950 ? `in ${season - k}` : all;
    });
}

export function plainSpeech(text: string): string {
  // "who won the 78 wdc": two digits just before the letters are its season (before the letters are spelt
  // out, when "the 78 drivers'" would read as a count of drivers).
  let out = text.replace(/(?<![\d.])'?(\d\d)(?= (wdc|wcc)\b)/gi, (_, yy: string) => String(fullYear(yy)));
  for (const [re, to] of REWRITES) out = out.replace(re, to);
  // "Mercedes came back in 2010. When did they win their first race after that?": since that season.
  out = out.replace(
    /\b((?:19[5-9]|20\d)\d)\b([^?]*?[.!;,]\s+[^?]*?)\b(after that|since then|from then on)\b/i,
    (_, year: string, between: string) => `${year}${between}since ${year}`,
  );
  // "86 wdc winner?", "'09 season champ": a question opening on a short year names that season.
  out = out.replace(
    /^\s*'?(\d\d)(?= (wdc|wcc|world|title|season|championship|champion|champ|drivers|constructors|f1)\b)/i,
    (_, yy: string) => `in ${fullYear(yy)}`,
  );
  return out.replace(/\s{2,}/g, ' ').trim();
}
