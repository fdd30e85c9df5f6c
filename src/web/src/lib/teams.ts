// Team colours by f1db constructor id (current and recent liveries). Teams not listed get a stable colour
// derived from their id, so every team is still told apart.
const COLOURS: Record<string, string> = {
  'red-bull': '#3671c6',
  ferrari: '#e8002d',
  mercedes: '#27f4d2',
  mclaren: '#ff8000',
  'aston-martin': '#229971',
  alpine: '#0093cc',
  williams: '#64c4ff',
  rb: '#6692ff',
  'racing-bulls': '#6692ff',
  alphatauri: '#5e8faa',
  'toro-rosso': '#469bff',
  sauber: '#52e252',
  'kick-sauber': '#52e252',
  'alfa-romeo': '#c92d4b',
  audi: '#bb0a30',
  haas: '#b6babd',
  cadillac: '#c8a24a',
  'racing-point': '#f596c8',
  renault: '#fff500',
  'force-india': '#ff80c7',
  lotus: '#ffb800',
  'lotus-f1': '#ffb800',
  brawn: '#c6ff00',
  'manor-marussia': '#ed1c24',
  marussia: '#6e0000',
  caterham: '#0b6b36',
  toyota: '#cc0000',
  honda: '#e6e6e6',
  bmw: '#0066b1',
  'bmw-sauber': '#0066b1',
  jaguar: '#005028',
  minardi: '#1a1a1a',
  jordan: '#f8d200',
  benetton: '#00a6e3',
  tyrrell: '#1b3c8c',
  brabham: '#1f6f3f',
};

/** The dark theme's panel colour (styles.css --panel): team colours are drawn on it. */
export const PANEL = '#141821';
/** WCAG 1.4.11: a graphic that identifies something needs 3:1 against what surrounds it. */
export const MIN_CONTRAST = 3;

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const hex = (c: number[]) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

function luminance(hexColour: string): number {
  const [r, g, b] = rgb(hexColour).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The livery colour, lightened towards white just enough to reach 3:1 on the dark panel. */
function onDark(colour: string): string {
  if (contrastRatio(colour, PANEL) >= MIN_CONTRAST) return colour;
  let c = rgb(colour);
  for (let i = 0; i < 20 && contrastRatio(hex(c), PANEL) < MIN_CONTRAST; i++)
    c = c.map((v) => v + (255 - v) * 0.1);
  return hex(c);
}

function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return 255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1)));
  };
  return hex([f(0), f(8), f(4)]);
}

export function teamColour(id: string | null | undefined): string {
  if (!id) return '#8a8f9c';
  const known = COLOURS[id];
  if (known) return onDark(known);
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return onDark(hslToHex(h % 360, 0.55, 0.55));
}

/** Every colour of the table, for tests. */
export const KNOWN_TEAMS = Object.keys(COLOURS);

/** Team names as timing feeds print them ("Red Bull Racing", "Kick Sauber") → f1db ids, most specific first. */
const NAME_TO_ID: [RegExp, string][] = [
  [/racing bulls|visa cash app|\brb\b/i, 'racing-bulls'],
  [/alphatauri/i, 'alphatauri'],
  [/toro rosso/i, 'toro-rosso'],
  [/red bull/i, 'red-bull'],
  [/ferrari/i, 'ferrari'],
  [/mercedes/i, 'mercedes'],
  [/mclaren/i, 'mclaren'],
  [/aston martin/i, 'aston-martin'],
  [/alpine/i, 'alpine'],
  [/williams/i, 'williams'],
  [/haas/i, 'haas'],
  [/alfa romeo/i, 'alfa-romeo'],
  [/sauber|stake/i, 'kick-sauber'],
  [/audi/i, 'audi'],
  [/cadillac/i, 'cadillac'],
  [/racing point/i, 'racing-point'],
  [/force india/i, 'force-india'],
  [/renault/i, 'renault'],
];

/** A feed's own colour when it gives one ("3671C6"), else the colour of the team it names. */
export function teamColourFromFeed(
  feedColour: string | null | undefined,
  teamName: string | null | undefined,
): string {
  const hex = (feedColour ?? '').replace(/^#/, '');
  if (/^[0-9a-f]{6}$/i.test(hex)) return onDark(`#${hex}`);
  const hit = NAME_TO_ID.find(([re]) => re.test(teamName ?? ''));
  return teamColour(hit ? hit[1] : teamName);
}
