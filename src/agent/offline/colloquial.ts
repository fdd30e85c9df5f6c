// Fan shorthand read as the plain words the question reader knows: "last yr" is "last year", "racked up"
// is "got", "this summer" is this season. Only phrasings that mean one thing everywhere belong here; a word
// whose meaning depends on the question stays for the reader to explain (or to abstain on).

const REWRITES: [RegExp, string][] = [
  [/\byrs\b/gi, 'years'],
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
  [/\b(separately|individually|respectively)\b/gi, ''],
  // "on the day", "that day" after a race already named: the race itself.
  [/\b(on |that |on that )day\b/gi, ''],
  [/\bpls\b|\bplz\b/gi, ''],
];

export function plainSpeech(text: string): string {
  let out = text;
  for (const [re, to] of REWRITES) out = out.replace(re, to);
  return out.replace(/\s{2,}/g, ' ').trim();
}
