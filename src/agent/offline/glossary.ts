// Short definitions of F1 terms fans ask about ("what is the undercut?"). Written for this product; the
// rulebook is the authority for anything regulated, and the answer says where to look there.
const TERMS: { names: RegExp; text: string }[] = [
  {
    names: /\bundercut\b/,
    text: 'The undercut: pitting a lap or more before the rival you are racing, so your fresh tyres are quicker while he is still on worn ones; if the time gained on the out-lap and the next laps exceeds the gap, you are ahead when he stops. Ask "strategy for the 2024 Italian GP" for real undercut battles from the lap tables.',
  },
  {
    names: /\bovercut\b/,
    text: 'The overcut: staying out longer than the rival who pits first, gaining time on clear track (or while his new tyres warm up) so you come out ahead after your own stop. It works when tyres degrade little or the new ones are slow to warm up.',
  },
  {
    names: /\bdrs\b|\bdrag reduction\b/,
    text: 'DRS (Drag Reduction System): a flap in the rear wing that opens on designated straights to cut drag, usable in a race when within one second of the car ahead at the detection point (rules through 2025; the 2026 cars use active aerodynamics instead). Ask the rulebook for the exact article of a season.',
  },
  {
    names: /\bparc ferme\b/,
    text: 'Parc fermé: the conditions under which cars may not be changed (beyond a short list of permitted work) from qualifying until the race, so the car that qualified is the car that races. The Sporting Regulations set the details; ask "parc fermé rules 2025".',
  },
  {
    names: /\b(virtual safety car|vsc)\b/,
    text: 'The Virtual Safety Car (VSC): every driver must stay above a minimum lap time set by the FIA, neutralising the race without bunching the field behind a real safety car; a stop under VSC costs roughly half the usual pit loss.',
  },
  {
    names: /\bsafety car\b/,
    text: 'The safety car leads the field at reduced speed after an incident; overtaking is banned and the gaps close up, which is why a pit stop under the safety car costs much less time than under green flags.',
  },
  {
    names: /\bgrand slam\b/,
    text: 'A grand slam: pole position, the win, the fastest lap and leading every lap of the same race. Ask "who has the most grand slams?" for the record.',
  },
  {
    names: /\bhat ?trick\b/,
    text: 'A hat-trick in F1: pole position, the win and the fastest lap in the same race.',
  },
  {
    names: /\bpole position\b|\bwhat is (a |the )?pole\b/,
    text: 'Pole position: first place on the starting grid, earned by setting the fastest time in qualifying.',
  },
  {
    names: /\bsprint( race)?\b/,
    text: 'A sprint: a short Saturday race (about 100 km, no mandatory stop) on some weekends since 2021, with its own qualifying (sprint shootout/qualifying) and points for the top eight.',
  },
  {
    names: /\bdirty air\b/,
    text: 'Dirty air: the turbulent wake behind a car, which costs the following car downforce in corners and makes it hard to follow closely.',
  },
  {
    names: /\bblue flags?\b/,
    text: 'A blue flag tells a driver about to be lapped to let the faster car by; ignoring blue flags is penalised. The Sporting Regulations give the exact procedure.',
  },
  {
    names: /\bdeg(radation)?\b|\btyre deg\b/,
    text: 'Tyre degradation ("deg"): how much slower a tyre gets lap by lap as it wears and overheats. Ask for a race\'s strategy to see the measured degradation per compound (2018 on).',
  },
];

/** "what is the undercut?", "what does DRS mean", "explain parc ferme": a definition, if the term is known. */
export function definitionAsked(norm: string): string | undefined {
  const asking =
    /^(what s|whats|what is|what are|what does|what do|define|explain|meaning of|what s an?|what is an?)\b/.test(
      norm,
    ) || /\b(mean|means|meaning|stand for|stands for)\b/.test(norm);
  if (!asking) return undefined;
  // A question about a particular race or season is not a definition.
  if (/\b(19[5-9]\d|20\d\d)\b|\b(who|how many|most)\b/.test(norm)) return undefined;
  return TERMS.find((t) => t.names.test(norm))?.text;
}
