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

export function teamColour(id: string | null | undefined): string {
  if (!id) return '#666a75';
  const known = COLOURS[id];
  if (known) return known;
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `hsl(${h % 360} 55% 55%)`;
}
