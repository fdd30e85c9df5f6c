#!/usr/bin/env python3
"""Build /work/main/eval/fan-qa-blind-e.jsonl (120 held-out fan questions) from the f1db YAML.

Every answer is computed here from the YAML (loader: bd_data.py). The script asserts the facts a question
depends on (strict leaders, unique line-ups, missing results for the unavailable ones) and finally grades every
answerable record's own answer_note with grading rules 1-3.
"""
import collections, json, os, random, sys, datetime
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bd_data
from bd_data import fold, matches

D = bd_data.D
db = bd_data.load()
R = sorted(db['races'], key=lambda r: (r['year'], r['round']))
DR = db['drivers']; CO = db['constructors']; GP = db['gps']; CI = db['circuits']
TODAY = datetime.date(2026, 12, 3)
C = collections.Counter
NOSTART = {'DNS', 'DNQ', 'DNPQ', 'EX', 'DNP'}
RES = [r for r in R if r['race-results']]
LAST = RES[-1]
assert (LAST['year'], LAST['round'], LAST['grandPrixId']) == (2026, 11, 'hungary')
CUT = f"data cutoff: 2026 Hungarian Grand Prix, round 11, {LAST['date']}"


def wins_of(r): return [x['driverId'] for x in r['race-results'] or [] if x['position'] == 1]
def rows(r, key='race-results'): return r[key] or []
def race(y, gp):
    m = [r for r in R if r['year'] == y and r['grandPrixId'] == gp]
    assert len(m) == 1, (y, gp); return m[0]
def season(y): return [r for r in RES if r['year'] == y]
def pos(r, p, key='race-results'):
    m = [x['driverId'] for x in rows(r, key) if x['position'] == p]
    assert len(m) == 1, (r['dir'], p, m); return m[0]
def prow(r, p, key='race-results'):
    m = [x for x in rows(r, key) if x['position'] == p]; assert len(m) == 1; return m[0]
def gpname(r): return f"{r['year']} {GP[r['grandPrixId']]['fullName']}"
def dn(d): return DR[d]['name']
def cn(c): return CO[c]['name']
def src(r, f='race-results'): return f"{r['dir']}/{f}.yml"
def field(rs): return {x['driverId'] for r in rs for x in rows(r)}
WINNERS = {d for r in RES for d in wins_of(r)}
ALL = field(RES)
ALIAS = {'sergio-perez': ['Checo', 'Sergio Perez'], 'carlos-sainz-jr': ['Carlos Sainz'], 'kimi-antonelli': ['Andrea Kimi Antonelli'],
         'michael-schumacher': ['Michael Schumacher'], 'kimi-raikkonen': ['Kimi Raikkonen', 'Raikkonen'],
         'nico-hulkenberg': ['Nico Hulkenberg', 'Hulkenberg'], 'mika-hakkinen': ['Mika Hakkinen', 'Hakkinen'],
         'jose-froilan-gonzalez': ['Froilan Gonzalez', 'Froilán González'], 'keke-rosberg': ['Keke'],
         'jos-verstappen': ['Jos Verstappen'], 'max-verstappen': ['Max Verstappen'], 'nico-rosberg': ['Nico Rosberg'],
         'jacques-villeneuve': ['Jacques Villeneuve'], 'damon-hill': ['Damon Hill'], 'graham-hill': ['Graham Hill'],
         'phil-hill': ['Phil Hill'], 'emerson-fittipaldi': ['Emerson Fittipaldi']}


def names(d, scope=None):
    """display name, accent-folded form, aliases, surname if unique in scope (default: all race winners)."""
    nm = DR[d]['name']; out = [nm]
    if fold(nm) != nm.lower(): out.append(fold(nm).title())
    out += ALIAS.get(d, [])
    scope = WINNERS | {d} if scope is None else set(scope) | {d}
    ln = DR[d]['lastName']
    if sum(1 for s in scope if fold(DR[s]['lastName']) == fold(ln)) == 1:
        out.append(ln)
        if fold(ln) != ln.lower(): out.append(fold(ln).title())
    seen = []; [seen.append(x) for x in out if x not in seen]; return seen


def sname(d, scope=None):
    """shortest accept form for accept_all: (folded) surname if unambiguous in scope, else folded full name."""
    ln = DR[d]['lastName']
    return fold(ln) if ln in names(d, scope) else fold(DR[d]['name'])


def final(y, kind='d'): return db['dstand' if kind == 'd' else 'cstand'][y]
def champ(y, kind='d'):
    s = final(y, kind); assert s[0]['position'] == 1 and s[1]['position'] == 2, y
    return s[0]['driverId' if kind == 'd' else 'constructorId']
def spts(y, ident, kind='d'):
    k = 'driverId' if kind == 'd' else 'constructorId'
    m = [x for x in final(y, kind) if x[k] == ident]; assert len(m) == 1; return m[0]
def fmt(v): return str(int(v)) if float(v) == int(v) else str(v)
def top(counter, margin=1):
    (a, n), (b, m) = counter.most_common(2); assert n - m >= margin, counter.most_common(4); return a, n
def rest(counter, namef, k=3):
    return ', '.join(f'{namef(a)} {n}' for a, n in counter.most_common(k + 1)[1:])
def titles(d, kind='d'):
    k = 'driverId' if kind == 'd' else 'constructorId'
    return [y for y in range(1950 if kind == 'd' else 1958, 2026) if final(y, kind)[0][k] == d]
def age(d, date):
    b = DR[d]['dateOfBirth']; return date.year - b.year - ((date.month, date.day) < (b.month, b.day))
def team_wins(rs):  # one per race per constructor (shared cars are not double counted)
    return C(c for r in rs for c in {x['constructorId'] for x in rows(r) if x['position'] == 1})
def drv_count(rs, p, key='race-results'):
    return C(x['driverId'] for r in rs for x in rows(r, key) if x['position'] == p)
def lineup(y, c): return {x['driverId'] for r in season(y) for x in rows(r) if x['constructorId'] == c}
def first_last(d, p=1):
    m = [r for r in RES for x in rows(r) if x['driverId'] == d and x['position'] == p]; return m[0], m[-1]


Q = []
def add(group, cat, q, accept, note, source, accept_all=None, unavailable=False):
    rec = {'category': cat, 'group': group, 'question': q, 'accept': [] if unavailable else accept}
    if accept_all: rec['accept_all'] = accept_all
    rec.update({'expect_unavailable': unavailable, 'answer_note': note, 'source': source})
    Q.append(rec)

RR = 'seasons/*/races/*/race-results.yml'
W = drv_count(RES, 1); POD = C(x['driverId'] for r in RES for x in rows(r) if x['position'] in (1, 2, 3))
POLE = drv_count(RES, 1, 'qualifying-results'); GRID = drv_count(RES, 1, 'starting-grid-positions')

# ======================= aggregate (26) =======================
def gp_wins(gp=None, circuit=None):
    return C(d for r in RES if (gp is None or r['grandPrixId'] == gp) and (circuit is None or r['circuitId'] == circuit) for d in wins_of(r))

for gp, q in [('belgium', "who has won the belgian gp the most times"),
              ('brazil', "most wins ever at the Brazilian Grand Prix?"),
              ('united-states', "which driver has the most united states gp wins"),
              ('san-marino', "most san marino gp wins?? imola")]:
    c = gp_wins(gp); a, n = top(c)
    extra = {'brazil': ' The São Paulo Grand Prix (2021 onwards) is a separate grandPrixId and does not change the leader.',
             'united-states': ' Only grandPrixId united-states (not the United States West, Detroit, Dallas, Caesars Palace, Miami or Las Vegas GPs).',
             'san-marino': ' San Marino Grand Prix only (grandPrixId san-marino, 1981-2006 at Imola).'}.get(gp, '')
    add('aggregate', 'most_wins_gp', q, names(a),
        f"{GP[gp]['fullName']} race-results P1: {dn(a)} {n} wins; next {rest(c, dn)}.{extra}", [f'seasons/*/races/*-{gp}/race-results.yml'])

c = C(r['circuitId'] for r in RES); a, n = top(c)
add('aggregate', 'most_races_circuit', "which track has hosted the most f1 races", [CI[a]['name'], CI[a]['fullName']],
    f"Championship races with results by circuitId: {CI[a]['fullName']} ({CI[a]['name']}) {n}; next " + ', '.join(f"{CI[k]['name']} {v}" for k, v in c.most_common(4)[1:]) + f" ({CUT}).",
    ['seasons/*/races/*/race.yml'])

c = C(e for r in RES for e in {x['engineManufacturerId'] for x in rows(r) if x['position'] == 1}); a, n = top(c, 2)
em = {'ferrari': 'Ferrari', 'mercedes': 'Mercedes'}
add('aggregate', 'most_wins_engine', "which engine manufacturer has powered the most race winners", [em[a]],
    f"Race wins by the winner's engineManufacturerId (one per race): {em[a]} {n}; next " + ', '.join(f'{k} {v}' for k, v in c.most_common(4)[1:]) + f" ({CUT}).", [RR])

st = C(x['driverId'] for r in RES for x in rows(r) if x['position'] not in NOSTART)
en = C(x['driverId'] for r in RES for x in rows(r)); a, n = top(st); assert top(en)[0] == a
add('aggregate', 'most_starts', "who has started the most f1 races ever", names(a),
    f"{dn(a)}: {n} race starts (race-results rows except DNS/DNQ/DNPQ/EX/DNP; {en[a]} counting every entry), the record on both readings; next {rest(st, dn)} ({CUT}).", [RR])

c = drv_count(RES, 2); a, n = top(c)
add('aggregate', 'most_p2', "who has finished second the most times in f1", names(a),
    f"Most P2 finishes (race-results position 2): {dn(a)} {n}; next {rest(c, dn)} ({CUT}).", [RR])

c = drv_count(RES, 3); a, n = top(c)
add('aggregate', 'most_p3', "Which driver has the most third-place finishes?", names(a),
    f"Most P3 finishes (race-results position 3): {dn(a)} {n}; next {rest(c, dn)} ({CUT}).", [RR])

c = C(d for r in RES if 1970 <= r['year'] <= 1979 for d in wins_of(r)); a, n = top(c)
add('aggregate', 'decade_most_wins', "who won the most grands prix in the 1970s", names(a),
    f"1970-1979 race-results P1: {dn(a)} {n}; next {rest(c, dn)}.", ['seasons/197*/races/*/race-results.yml'])

c = team_wins([r for r in RES if 1990 <= r['year'] <= 1999]); a, n = top(c)
add('aggregate', 'decade_team_wins', "which team won the most races in the 90s", [cn(a)],
    f"1990-1999 race wins by constructor (one per race): {cn(a)} {n}; next {rest(c, cn)}.", ['seasons/199*/races/*/race-results.yml'])

c = C(d for r in RES if 1960 <= r['year'] <= 1969 for d in wins_of(r)); a, n = top(c)
add('aggregate', 'decade_most_wins', "Who was the winningest driver of the 1960s?", names(a),
    f"1960-1969 race-results P1: {dn(a)} {n}; next {rest(c, dn)}.", ['seasons/196*/races/*/race-results.yml'])

# longest winning streak (consecutive championship races with results won by the same driver)
best = (0, None, None, None); prev = None; n = 0; start = None
for r in RES:
    w = wins_of(r)
    if len(w) == 1 and w[0] == prev: n += 1
    else: prev = w[0] if len(w) == 1 else None; n = 1; start = r
    if n > best[0]: best = (n, prev, start, r)
n, d, r0, r1 = best
second_best = 0; prev = None; k = 0
for r in RES:
    w = wins_of(r)
    if len(w) == 1 and w[0] == prev: k += 1
    else: prev = w[0] if len(w) == 1 else None; k = 1
    if prev != d and k > second_best: second_best = k
assert second_best < n
add('aggregate', 'win_streak', "whats the record for most wins in a row? how many", [str(n)],
    f"{dn(d)} won {n} consecutive Grands Prix, {gpname(r0)} to {gpname(r1)}; no other driver has more than {second_best} in a row (race-results P1 in consecutive championship races).",
    ['seasons/2023/races/*/race-results.yml', RR], accept_all=[sname(d)])

sp = sorted(((x['points'], x['driverId'], y) for y, s in db['dstand'].items() for x in s), reverse=True)
assert sp[0][0] > sp[1][0]
add('aggregate', 'season_points_record', "most points anyone has scored in a single season?", [fmt(sp[0][0])],
    f"{dn(sp[0][1])} scored {fmt(sp[0][0])} points in {sp[0][2]} (driver-standings); next {fmt(sp[1][0])} ({dn(sp[1][1])} {sp[1][2]}).", ['seasons/*/driver-standings.yml'])

ws = sorted(((x['gridPosition'] or 0, r, x['driverId']) for r in RES for x in rows(r) if x['position'] == 1), key=lambda t: -t[0])
g, r, d = ws[0]; assert ws[1][0] < g
add('aggregate', 'lowest_grid_win', "furthest back anyone has ever started and still won a race?", [str(g)],
    f"{dn(d)} won the {gpname(r)} from grid position {g} (race-results gridPosition of the winner, Indianapolis 500 included); next lowest: {ws[1][0]} ({dn(ws[1][2])}, {gpname(ws[1][1])}).",
    [src(r), RR], accept_all=[sname(d)])

ch = [champ(y) for y in range(1950, 2026)]
add('aggregate', 'count_champions', "how many different drivers have been f1 world champion", [str(len(set(ch)))],
    f"{len(set(ch))} different drivers have won the drivers' title 1950-2025 (P1 of driver-standings; 2026 undecided).", ['seasons/*/driver-standings.yml'])

c = C(x['constructorId'] for r in RES for x in rows(r, 'qualifying-results') if x['position'] == 1)
cg = C(x['constructorId'] for r in RES for x in rows(r, 'starting-grid-positions') if x['position'] == 1)
a, n = top(c, 10); assert top(cg, 10)[0] == a
add('aggregate', 'team_most_poles', "which team has the most pole positions of all time", [cn(a)],
    f"Pole positions by constructor (qualifying-results P1): {cn(a)} {n}; next {rest(c, cn)} (starting-grid P1: {cn(a)} {cg[a]}, same leader) ({CUT}).",
    ['seasons/*/races/*/qualifying-results.yml'])

c = C(d for r in RES if 1950 <= r['year'] <= 1959 for d in wins_of(r)); a, n = top(c, 5)
add('aggregate', 'decade_most_wins', "who won the most races in the 1950s", names(a),
    f"1950-1959 race-results P1 (shared-car wins counted for both drivers; the leader is the same without them): {dn(a)} {n}; next {rest(c, dn)}.", ['seasons/195*/races/*/race-results.yml'])

def wins_for(team): return C(x['driverId'] for r in RES for x in rows(r) if x['position'] == 1 and x['constructorId'] == team)
c = wins_for('williams'); a, n = top(c)
add('aggregate', 'team_top_winner', "who won the most races for williams", names(a),
    f"Williams race wins by driver: {dn(a)} {n}; next {rest(c, dn)}.", [RR])

c = wins_for('mclaren'); a, n = top(c)
add('aggregate', 'team_top_winner', "which driver has won the most grands prix for McLaren?", names(a),
    f"McLaren race wins by driver: {dn(a)} {n}; next {rest(c, dn)} ({CUT}).", [RR])

ws26 = {d for r in season(2026) for d in wins_of(r)}
add('aggregate', 'distinct_winners', "how many different winners have we had this season", [str(len(ws26))],
    f"2026 (this season; {len(season(2026))} races with results, to the Hungarian GP): {len(ws26)} different winners: " + ', '.join(f'{dn(d)} {drv_count(season(2026),1)[d]}' for d in sorted(ws26, key=lambda d: -drv_count(season(2026),1)[d])) + '.',
    ['seasons/2026/races/*/race-results.yml'])

# youngest champion: age at the final race of the title season
ages = sorted(((DR[champ(y)]['dateOfBirth'], y) for y in range(1950, 2026)), key=lambda t: (season(t[1])[-1]['date'] - t[0]).days)
(b0, y0), (b1, y1) = ages[0], ages[1]
d0 = champ(y0); dd0 = (season(y0)[-1]['date'] - b0).days; dd1 = (season(y1)[-1]['date'] - b1).days
add('aggregate', 'youngest_champion', "youngest world champ ever?", names(d0),
    f"{dn(d0)}, {y0} champion, aged {age(d0, season(y0)[-1]['date'])} years ({dd0} days) at the season's final race; next youngest {dn(champ(y1))} ({y1}, {dd1} days).",
    ['drivers/*.yml', 'seasons/*/driver-standings.yml'])

c = C(x['driverId'] for r in RES for x in rows(r) if x.get('grandSlam')); a, n = top(c)
add('aggregate', 'most_grand_slams', "who has the most grand slams in f1 (pole win fastest lap and led every lap)", names(a),
    f"f1db race-results grandSlam flag: {dn(a)} {n}; next {rest(c, dn)} ({CUT}).", [RR])

fin = C({d: W[d] for d in W if DR[d]['nationalityCountryId'] == 'finland'}); a, n = top(fin)
add('aggregate', 'nationality_top_winner', "which finnish driver has won the most races", names(a),
    f"Race wins by Finnish drivers (nationalityCountryId finland): {dn(a)} {n}; next {rest(fin, dn)}.", [RR, 'drivers/*.yml'])

aus = C({d: W[d] for d in W if DR[d]['nationalityCountryId'] == 'australia'}); a, n = top(aus)
add('aggregate', 'nationality_top_winner', "most successful aussie in terms of gp wins?", names(a),
    f"Race wins by Australian drivers (nationalityCountryId australia): {dn(a)} {n}; next {rest(aus, dn)} ({CUT}).", [RR, 'drivers/*.yml'])

# ======================= relational (20) =======================
def teammate_q(y, team, d, q):
    L = lineup(y, team); assert len(L) == 2 and d in L, (y, team, L); (o,) = L - {d}
    add('relational', 'teammate', q, names(o, field(season(y))),
        f"{y} {cn(team)} race line-up: {dn(d)} and {dn(o)} (the only two {cn(team)} drivers in {y} race-results).", [f'seasons/{y}/races/*/race-results.yml'])
teammate_q(1996, 'williams', 'damon-hill', "who was damon hill's teammate in 1996")
teammate_q(1990, 'ferrari', 'alain-prost', "Who partnered Alain Prost at Ferrari in 1990?")
teammate_q(2008, 'toro-rosso', 'sebastian-vettel', "vettel toro rosso 2008 team mate?")
teammate_q(1983, 'brabham', 'nelson-piquet', "who drove the other brabham alongside piquet in 1983")

def podium_q(y, gp, q):
    r = race(y, gp); p = [pos(r, i) for i in (1, 2, 3)]; fl = field([r])
    add('relational', 'podium', q, names(p[2], fl), f"{gpname(r)} ({r['date']}): P1 {dn(p[0])}, P2 {dn(p[1])}, P3 {dn(p[2])}; P4 {dn(pos(r, 4))}. All three names are required (accept_all).",
        [src(r)], accept_all=[sname(x, fl) for x in p])
podium_q(2005, 'united-states', "who was on the podium at indy 2005, the one where only 6 cars raced")
podium_q(1999, 'europe', "Who made up the podium at the 1999 European Grand Prix?")

def pos_q(y, gp, p, q, cat='driver_at_position', extra=''):
    r = race(y, gp); d = pos(r, p); fl = field([r])
    add('relational', cat, q, names(d, fl), f"{gpname(r)} ({r['date']}): P{p} {dn(d)}; P1 {dn(pos(r, 1))}.{extra}", [src(r)])
pos_q(2021, 'abu-dhabi', 2, "who came second in abu dhabi 2021")
pos_q(1986, 'australia', 2, "who finished runner up in the 1986 australian gp?")
r = race(2025, 'great-britain'); pos_q(2025, 'great-britain', 3, "who finished 3rd at silverstone in 2025", extra=f" P2 {dn(pos(r, 2))}.")

def engine_q(y, team, q, ename):
    e = {x['engineManufacturerId'] for r in season(y) for x in rows(r) if x['constructorId'] == team}; assert len(e) == 1, e
    add('relational', 'team_engine', q, [ename], f"Every {y} {cn(team)} race-results row has engineManufacturerId {e.pop()} ({ename}).", [f'seasons/{y}/races/*/race-results.yml'])
engine_q(1998, 'mclaren', "what engine was in the mclaren in 1998", 'Mercedes')
engine_q(1983, 'brabham', "Which engine did Brabham run in 1983?", 'BMW')

r = race(1994, 'san-marino'); d = pos(r, 1, 'qualifying-results'); assert pos(r, 1, 'starting-grid-positions') == d
add('relational', 'pole', "who was on pole at imola in 94", names(d, field([r])),
    f"{gpname(r)} ({r['date']}): pole (qualifying P1 and grid P1) {dn(d)}; race winner {dn(pos(r, 1))}.", [src(r, 'qualifying-results')])

r = race(2024, 'saudi-arabia'); fr = [x['driverId'] for x in rows(r) if x['constructorId'] == 'ferrari']
assert 'carlos-sainz-jr' not in fr and set(fr) == {'charles-leclerc', 'oliver-bearman'}
b = [x for x in rows(r) if x['driverId'] == 'oliver-bearman'][0]
add('relational', 'replacement', "who stood in for sainz at ferrari in jeddah 2024", names('oliver-bearman', field(season(2024))),
    f"{gpname(r)}: Ferrari raced Charles Leclerc and Oliver Bearman (P{b['position']}); Carlos Sainz has no row in this race and drove every other 2024 round for Ferrari.", [src(r), 'seasons/2024/entrants.yml'])

c = champ(1958, 'c'); assert min(db['cstand']) == 1958
add('relational', 'constructors_champion', "which team won the very first constructors championship in 1958", [cn(c)],
    f"1958 constructor-standings P1: {cn(c)} ({fmt(spts(1958, c, 'c')['points'])} points), the first season with a constructors' championship; P2 {cn(final(1958,'c')[1]['constructorId'])}.", ['seasons/1958/constructor-standings.yml'])

s = final(2008); assert s[2]['position'] == 3
add('relational', 'championship_position', "who finished 3rd in the drivers championship in 2008", names(s[2]['driverId'], field(season(2008))),
    f"2008 driver-standings: P1 {dn(s[0]['driverId'])} {s[0]['points']}, P2 {dn(s[1]['driverId'])} {s[1]['points']}, P3 {dn(s[2]['driverId'])} {s[2]['points']}.", ['seasons/2008/driver-standings.yml'])

r = race(2026, 'miami'); d = pos(r, 1, 'sprint-race-results')
add('relational', 'sprint_winner', "Who won the sprint race in Miami in 2026?", names(d, field([r])),
    f"2026 Miami sprint (sprint-race-results P1): {dn(d)}; the Grand Prix itself was won by {dn(pos(r, 1))}.", [src(r, 'sprint-race-results')])

r = race(2024, 'abu-dhabi'); d = pos(r, 1, 'fastest-laps')
add('relational', 'fastest_lap', "who set the fastest lap at the 2024 abu dhabi gp", names(d, field([r])),
    f"{gpname(r)}: fastest-laps P1 {dn(d)} ({prow(r, 1, 'fastest-laps')['time']}, lap {prow(r, 1, 'fastest-laps')['lap']}); race winner {dn(pos(r, 1))}.", [src(r, 'fastest-laps')])

L = lineup(2026, 'cadillac'); assert len(L) == 2
add('relational', 'team_lineup', "who drives for cadillac", names(sorted(L)[0], field(season(2026))),
    "Cadillac's 2026 race line-up (its first season): " + ' and '.join(dn(d) for d in sorted(L)) + '. Both names are required (accept_all).',
    ['seasons/2026/races/*/race-results.yml'], accept_all=[sname(d, field(season(2026))) for d in sorted(L)])

rb16 = [(r['round'], {x['driverId'] for x in rows(r) if x['constructorId'] == 'red-bull'}) for r in season(2016)]
kv = [rd for rd, s in rb16 if 'daniil-kvyat' in s]; mv = [rd for rd, s in rb16 if 'max-verstappen' in s]
assert kv == list(range(1, max(kv) + 1)) and min(mv) == max(kv) + 1
add('relational', 'replacement', "who did max verstappen replace at red bull in 2016", names('daniil-kvyat', field(season(2016))),
    f"2016 Red Bull: Daniil Kvyat raced rounds 1-{max(kv)}, Max Verstappen from round {min(mv)} ({gpname(season(2016)[min(mv)-1])}, which he won). Team-mate throughout: Daniel Ricciardo.",
    ['seasons/2016/races/*/race-results.yml'])

r = race(2026, 'canada'); d = pos(r, 4)
add('relational', 'driver_at_position', "who just missed out on the podium in canada this year", names(d, field([r])),
    f"This year = 2026. {gpname(r)} ({r['date']}): P4 {dn(d)}; podium {dn(pos(r,1))}, {dn(pos(r,2))}, {dn(pos(r,3))}.", [src(r)])

# ======================= colloquial (22) =======================
add('colloquial', 'nickname', "how many poles did mad max get last season",
    [str(drv_count(season(2025), 1, 'qualifying-results')['max-verstappen'])],
    f"Mad Max = Max Verstappen; last season = 2025. Qualifying P1 in 2025: Verstappen {drv_count(season(2025),1,'qualifying-results')['max-verstappen']} (grid P1: {drv_count(season(2025),1,'starting-grid-positions')['max-verstappen']}); sprint qualifying not counted.",
    ['seasons/2025/races/*/qualifying-results.yml'])
assert drv_count(season(2025), 1, 'qualifying-results')['max-verstappen'] == drv_count(season(2025), 1, 'starting-grid-positions')['max-verstappen']

add('colloquial', 'nickname', "how many titles did black jack win", [str(len(titles('jack-brabham')))],
    f"Black Jack = Jack Brabham: {len(titles('jack-brabham'))} drivers' titles ({', '.join(map(str, titles('jack-brabham')))}).", ['seasons/*/driver-standings.yml'])

n = sum(1 for r in season(1992) if wins_of(r) == ['nigel-mansell'])
add('colloquial', 'nickname', "how many races did our nige win in 92", [str(n)],
    f"Our Nige = Nigel Mansell; 92 = 1992. Mansell won {n} of {len(season(1992))} races in 1992 (and the title).", ['seasons/1992/races/*/race-results.yml'])

ys = [r['year'] for r in RES if r['grandPrixId'] == 'monaco' and wins_of(r) == ['daniel-ricciardo']]; assert len(ys) == 1
add('colloquial', 'nickname', "what year did danny ric win monaco", [str(ys[0])],
    f"Danny Ric = Daniel Ricciardo; he won the Monaco Grand Prix once, in {ys[0]} (Red Bull).", [f'seasons/{ys[0]}/races/*-monaco/race-results.yml'])

c = [r for r in RES for x in rows(r) if x['driverId'] == 'carlos-sainz-jr' and x['position'] == 1]
assert all(x['constructorId'] == 'ferrari' for r in c for x in rows(r) if x['position'] == 1)
add('colloquial', 'nickname', "how many wins did the smooth operator get at ferrari", [str(len(c))],
    f"Smooth Operator = Carlos Sainz. His Ferrari wins: " + ', '.join(gpname(r) for r in c) + f" = {len(c)} (all his wins are with Ferrari; sprints not counted).", [RR])

n = sum(1 for r in RES if r['grandPrixId'] == 'netherlands' and wins_of(r) == ['max-verstappen'])
add('colloquial', 'typo', "how many times has verstapen won at zandvort", [str(n)],
    f"verstapen = Max Verstappen, zandvort = Zandvoort (Dutch Grand Prix). Verstappen won it {n} times (" + ', '.join(str(r['year']) for r in RES if r['grandPrixId'] == 'netherlands' and wins_of(r) == ['max-verstappen']) + f"); 2025 winner Oscar Piastri; the 2026 race has no result ({CUT}).",
    ['seasons/*/races/*-netherlands/race-results.yml'])

ys = [r['year'] for r in RES if r['grandPrixId'] == 'italy' and wins_of(r) == ['charles-leclerc']]; assert ys == [2019, 2024]
add('colloquial', 'typo', "did lecrerc ever win at monza?", ['2019'],
    "lecrerc = Charles Leclerc. Yes, twice: the 2019 and 2024 Italian Grand Prix at Monza (Ferrari). Both years are required (accept_all).",
    ['seasons/2019/races/14-italy/race-results.yml', 'seasons/2024/races/16-italy/race-results.yml'], accept_all=['2024'])

n = drv_count(season(2014), 1, 'qualifying-results')['lewis-hamilton']; assert n == drv_count(season(2014), 1, 'starting-grid-positions')['lewis-hamilton']
add('colloquial', 'typo', "how many poles did hamiltn get in 2014", [str(n)],
    f"hamiltn = Lewis Hamilton. 2014 qualifying P1: Hamilton {n} (grid P1 also {n}); Nico Rosberg {drv_count(season(2014),1,'qualifying-results')['nico-rosberg']}.", ['seasons/2014/races/*/qualifying-results.yml'])

t = titles('fernando-alonso')
add('colloquial', 'typo', "what year did alonzo win his first title", [str(t[0])],
    f"alonzo = Fernando Alonso. Titles: {', '.join(map(str, t))} (Renault); first = {t[0]}.", ['seasons/2005/driver-standings.yml', 'seasons/2006/driver-standings.yml'])

n = W['sergio-perez']
add('colloquial', 'typo', "how many races did checo peres win in his career", [str(n)],
    f"checo peres = Sergio Pérez: {n} Grand Prix wins (" + ', '.join(gpname(r) for r in RES if 'sergio-perez' in wins_of(r)) + f"); sprints not counted ({CUT}).", [RR])

n = sum(1 for r in RES if r['grandPrixId'] == 'hungary' and 'lewis-hamilton' in wins_of(r))
r = race(2025, 'abu-dhabi'); d = pos(r, 1)
add('colloquial', 'relative_time', "who won the last race of last season", names(d, field([r])),
    f"Last season = 2025; its last race was round {r['round']}, the {gpname(r)} ({r['date']}): P1 {dn(d)}, P2 {dn(pos(r,2))}, P3 {dn(pos(r,3))}.", [src(r)])

r = race(2024, 'monaco'); d = pos(r, 1)
add('colloquial', 'relative_time', "who won monaco 2 years ago", names(d, field([r])),
    f"Two years ago = 2024 (today 2026-12-03). {gpname(r)} ({r['date']}): P1 {dn(d)}, P2 {dn(pos(r,2))}, P3 {dn(pos(r,3))}.", [src(r)])

s = db['dstand'][2026]; assert s[0]['points'] > s[1]['points']
add('colloquial', 'relative_time', "whos leading the championship this year", names(s[0]['driverId'], field(season(2026))),
    f"This year = 2026. Driver standings after round 11 (Hungarian GP, the last race with results): P1 {dn(s[0]['driverId'])} {s[0]['points']}, P2 {dn(s[1]['driverId'])} {s[1]['points']}, P3 {dn(s[2]['driverId'])} {s[2]['points']}. The title is not decided in the data.",
    ['seasons/2026/driver-standings.yml'])

n = team_wins(season(2024))['mclaren']
add('colloquial', 'relative_time', "how many races did mclaren win the year before last", [str(n)],
    f"The year before last = 2024. McLaren won {n} Grands Prix in 2024 (Norris {drv_count(season(2024),1)['lando-norris']}, Piastri {drv_count(season(2024),1)['oscar-piastri']}); sprints not counted.", ['seasons/2024/races/*/race-results.yml'])

d = pos(LAST, 1, 'qualifying-results'); assert d == pos(LAST, 1, 'starting-grid-positions')
add('colloquial', 'relative_time', "who was on pole for the most recent race", names(d, field([LAST])),
    f"Most recent race with results = {gpname(LAST)} ({LAST['date']}); pole (qualifying and grid P1) {dn(d)}, who also won. Rounds 12+ have no results in the data.", [src(LAST, 'qualifying-results')])

d = champ(2016)
add('colloquial', 'relative_time', "who won the title 10 years ago", names(d),
    f"Ten years ago = 2016. 2016 champion {dn(d)} ({spts(2016, d)['points']} points), ahead of Lewis Hamilton ({spts(2016,'lewis-hamilton')['points']}).", ['seasons/2016/driver-standings.yml'])

r = race(2026, 'great-britain'); d = pos(r, 1)
add('colloquial', 'relative_time', "who won at silverstone this yr", names(d, field([r])),
    f"This year = 2026. {gpname(r)} at Silverstone ({r['date']}): P1 {dn(d)}, P2 {dn(pos(r,2))}, P3 {dn(pos(r,3))}.", [src(r)])

n = POD['kimi-raikkonen']
add('colloquial', 'nickname', "how many podiums did the iceman get in his career", [str(n)],
    f"The Iceman = Kimi Räikkönen: {n} Grand Prix podiums (race-results P1-P3; sprints not counted).", [RR])

t = [y for y in titles('sebastian-vettel')]; assert all(spts(y, 'sebastian-vettel') and champ(y, 'c') == 'red-bull' for y in t)
add('colloquial', 'slang', "seb won how many titles with red bull again", [str(len(t))],
    f"Seb = Sebastian Vettel: {len(t)} drivers' titles, all with Red Bull ({', '.join(map(str, t))}).", ['seasons/*/driver-standings.yml'])

c = [r for r in RES for x in rows(r) if x['driverId'] == 'lewis-hamilton' and x['position'] == 1 and x['constructorId'] == 'ferrari']
add('colloquial', 'slang', "how many gps has sir lewis won for ferrari so far", [str(len(c))],
    f"Sir Lewis = Lewis Hamilton. Grand Prix wins for Ferrari (2025-): " + ', '.join(gpname(r) for r in c) + f" = {len(c)}. His 2025 Chinese sprint win is not a Grand Prix win ({CUT}).",
    ['seasons/2025/races/*/race-results.yml', 'seasons/2026/races/*/race-results.yml'])

best = min(x['position'] for r in RES for x in rows(r) if x['driverId'] == 'jos-verstappen' and isinstance(x['position'], int))
bl = [gpname(r) for r in RES for x in rows(r) if x['driverId'] == 'jos-verstappen' and x['position'] == best]; assert best == 3
add('colloquial', 'nickname', "what was jos the boss's best ever finish in f1", ['3rd', 'third', 'P3'],
    f"Jos the Boss = Jos Verstappen. Best race result: 3rd (P3), twice: {' and '.join(bl)} (Benetton). He never won.", [RR])

n = W['jackie-stewart']
add('colloquial', 'slang', "jackie stewart total gp wins??", [str(n)],
    f"Jackie Stewart: {n} Grand Prix wins, titles {', '.join(map(str, titles('jackie-stewart')))}.", [RR])

# ======================= comparative (14) =======================
def cmp_pts(y, a, b, q, kind='d'):
    pa = spts(y, a, kind)['points']; pb = spts(y, b, kind)['points']; w, l = (a, b) if pa > pb else (b, a)
    nf = dn if kind == 'd' else cn
    m = abs(pa - pb)
    scope = field(season(y))
    acc = names(w, scope) if kind == 'd' else [cn(w)]
    add('comparative', 'points_comparison', q, acc,
        f"{y} final standings: {nf(w)} {fmt(max(pa,pb))}, {nf(l)} {fmt(min(pa,pb))}; {nf(w)} ahead by {fmt(m)} points." if y < 2026 else
        f"2026 driver standings after round 11 (Hungarian GP): {nf(w)} {fmt(max(pa,pb))}, {nf(l)} {fmt(min(pa,pb))}; {nf(w)} ahead by {fmt(m)} points.",
        [f'seasons/{y}/driver-standings.yml'], accept_all=[fmt(m)])
cmp_pts(1998, 'mika-hakkinen', 'michael-schumacher', "hakkinen vs schumi 1998, who had more points and by how much")
cmp_pts(2025, 'george-russell', 'lewis-hamilton', "russell or hamilton who scored more points last season? whats the gap")
cmp_pts(2024, 'charles-leclerc', 'carlos-sainz-jr', "leclerc vs sainz 2024 points - how far apart were they")
cmp_pts(2026, 'lando-norris', 'oscar-piastri', "norris or piastri, who's ahead on points this year and by how many")
cmp_pts(2009, 'jenson-button', 'rubens-barrichello', "By how many points did Button beat Barrichello in 2009?")

def cmp_wins(a, b, q, counter=W, what='Grand Prix wins', srcs=[RR], scope=None):
    na, nb = counter[a], counter[b]; assert na != nb; w, l = (a, b) if na > nb else (b, a)
    add('comparative', 'wins_comparison', q, names(w, scope), f"{what}: {dn(w)} {counter[w]}, {dn(l)} {counter[l]}; difference {counter[w]-counter[l]} ({CUT}).",
        srcs, accept_all=[str(counter[w] - counter[l])])
sv13 = drv_count(season(2013), 1)
cmp_wins('sebastian-vettel', 'mark-webber', "how many more races did vettel win than webber in 2013", sv13, '2013 race wins', ['seasons/2013/races/*/race-results.yml'])
cmp_wins('jim-clark', 'graham-hill', "jim clark or graham hill - who won more gps and by how many")
cmp_wins('niki-lauda', 'james-hunt', "lauda vs hunt career wins difference")
cmp_wins('sebastian-vettel', 'fernando-alonso', "vettel vs alonso who has more race wins, how many more")
cmp_wins('nico-rosberg', 'keke-rosberg', "who won more races, keke rosberg or his son nico? by how much", scope=WINNERS)

mon = C(d for r in RES if r['grandPrixId'] == 'monaco' for d in wins_of(r))
a, b = 'ayrton-senna', 'alain-prost'; assert mon[a] > mon[b]
add('comparative', 'two_counts', "senna vs prost at monaco, how many wins each", names(a),
    f"Monaco Grand Prix wins: Ayrton Senna {mon[a]}, Alain Prost {mon[b]}. Both numbers are required (accept_all).", ['seasons/*/races/*-monaco/race-results.yml'], accept_all=[str(mon[a]), str(mon[b])])

a, b = 'valtteri-bottas', 'sergio-perez'; assert POD[a] != POD[b]; w, l = (a, b) if POD[a] > POD[b] else (b, a)
add('comparative', 'podiums_comparison', "bottas or perez, who has more career podiums", names(w),
    f"Grand Prix podiums (race-results P1-P3): {dn(w)} {POD[w]}, {dn(l)} {POD[l]}; difference {POD[w]-POD[l]} ({CUT}).", [RR], accept_all=[str(POD[w])])

fc, mc_ = len(titles('ferrari', 'c')), len(titles('mercedes', 'c'))
add('comparative', 'titles_comparison', "ferrari vs mercedes constructors titles, how many more has ferrari got", ['Ferrari'],
    f"Constructors' titles 1958-2025 (constructor-standings P1): Ferrari {fc}, Mercedes {mc_} ({', '.join(map(str, titles('mercedes','c')))}); Ferrari {fc - mc_} more. 2026 undecided.",
    ['seasons/*/constructor-standings.yml'], accept_all=[str(fc - mc_)])

tw = team_wins(RES); a, b = 'mclaren', 'williams'
add('comparative', 'team_comparison', "mclaren vs williams total race wins, whats the difference", ['McLaren'],
    f"Grand Prix wins by constructor (one per race): McLaren {tw[a]}, Williams {tw[b]}; difference {tw[a]-tw[b]} ({CUT}).", [RR], accept_all=[str(tw[a] - tw[b])])

# ======================= unavailable (12) =======================
def no_results(y, rd):
    r = [r for r in R if r['year'] == y and r['round'] == rd][0]
    for f in ['race-results', 'qualifying-results', 'sprint-race-results', 'starting-grid-positions']:
        assert not os.path.exists(f"{D}/{r['dir']}/{f}.yml"), (r['dir'], f)
    return r
r = no_results(2026, 17)
add('unavailable', 'future_unavailable', "who won the singapore gp this year", [],
    f"The {gpname(r)} (round {r['round']}, {r['date']}) has only a calendar entry (race.yml): no race, qualifying or grid results in the data, whose last race is the 2026 Hungarian GP (round 11). The reply must say the result is not available.",
    [f"{r['dir']}/race.yml"], unavailable=True)
r = no_results(2026, 19)
add('unavailable', 'future_unavailable', "who took pole in mexico 2026?", [],
    f"The {gpname(r)} (round {r['round']}, {r['date']}) has no qualifying or race results in the data (only race.yml). The reply must say it is not available.",
    [f"{r['dir']}/race.yml"], unavailable=True)
r = [r for r in R if r['year'] == 2026 and r['round'] == 12][0]
assert not os.path.exists(f"{D}/{r['dir']}/race-results.yml") and not os.path.exists(f"{D}/{r['dir']}/sprint-race-results.yml")
add('unavailable', 'future_unavailable', "who won the dutch gp this season", [],
    f"This season = 2026. The {gpname(r)} (round 12, {r['date']}) has only free-practice-1 and sprint-qualifying results in the data; no race result. The reply must say the race result is not available and must not present a practice or sprint-qualifying P1 as the winner.",
    [f"{r['dir']}/race.yml", f"{r['dir']}/sprint-qualifying-results.yml"], unavailable=True)
assert len(season(2026)) == 11
add('unavailable', 'undecided', "who won the 2026 world championship", [],
    f"The 2026 season is incomplete in the data: results end at round 11 (Hungarian GP) of 23, so no 2026 champion exists in the data. Standings leader after round 11: {dn(db['dstand'][2026][0]['driverId'])} ({db['dstand'][2026][0]['points']}), which may be given as context but not as the champion.",
    ['seasons/2026/driver-standings.yml'], unavailable=True)
assert not [r for r in R if r['year'] == 2020 and r['grandPrixId'] == 'canada']
add('unavailable', 'not_held', "who won the canadian grand prix in 2020", [],
    "No 2020 Canadian Grand Prix exists in the data (the 2020 calendar has 17 rounds, none in Canada; the race was not held). The reply must say it did not take place.",
    ['seasons/2020/races/'], unavailable=True)
import glob, subprocess
hits = subprocess.run(['grep', '-rl', 'colton-herta', f'{D}/seasons'], capture_output=True, text=True).stdout.split()
assert hits and all(('free-practice' in h or 'entrants' in h) for h in hits), hits
assert 'colton-herta' not in ALL
add('unavailable', 'never_raced', "what's colton herta's best race finish in f1", [],
    "Colton Herta has no race, qualifying or sprint result in f1db: he appears only in 2026 entrants and free-practice-1 results. He has never started a Grand Prix, so there is no best finish; the reply must say so.",
    ['drivers/colton-herta.yml'], unavailable=True)
add('unavailable', 'no_data', "what was the top speed at monza in 2019", [],
    "f1db stores no speed-trap or top-speed data (race, qualifying, fastest-lap rows carry times, laps and gaps only). The reply must say the top speed is not available.",
    ['seasons/2019/races/14-italy/'], unavailable=True)
add('unavailable', 'no_data', "what did kimi say on the team radio at abu dhabi 2012", [],
    "f1db holds no team-radio messages. (Räikkönen won the 2012 Abu Dhabi Grand Prix; that result may be mentioned as context.) The reply must say the radio content is not in the data.",
    ['seasons/2012/races/18-abu-dhabi/race-results.yml'], unavailable=True)
add('unavailable', 'no_data', "how many overtakes did hamilton do in brazil 2016", [],
    "f1db has no overtake counts (no lap-by-lap positions for 2016). The reply must say the number is not available.",
    ['seasons/2016/races/20-brazil/race-results.yml'], unavailable=True)
add('unavailable', 'no_data', "what was the track temp at the 2010 bahrain gp", [],
    "f1db stores no weather or track-temperature data. The reply must say it is not available.",
    ['seasons/2010/races/01-bahrain/race.yml'], unavailable=True)
add('unavailable', 'no_data', "what tyres did hamilton start on in abu dhabi 2016", [],
    "f1db stores only the tyre manufacturer per entry (Pirelli), not compounds or stints, and no lap tables cover 2016. The reply must say the starting compound is not in the data.",
    ['seasons/2016/races/21-abu-dhabi/race-results.yml'], unavailable=True)
add('unavailable', 'no_data', "how much is max verstappen paid a year", [],
    "f1db holds no salaries or contract data. The reply must say it is not in the data.", ['drivers/max-verstappen.yml'], unavailable=True)

# ======================= career_history (14) =======================
def first_win_q(d, q, accept_year=True):
    f, l = first_last(d)
    add('career_history', 'first_win', q, [str(f['year'])], f"{dn(d)}'s first Grand Prix win: {gpname(f)} ({f['date']}).", [src(f)])
first_win_q('jenson-button', "when did jenson button win his first race")

wf = [r for r in RES if any(x['position'] == 1 and x['constructorId'] == 'ferrari' for x in rows(r))][0]
d = [x['driverId'] for x in rows(wf) if x['position'] == 1 and x['constructorId'] == 'ferrari']; assert len(d) == 1; d = d[0]
add('career_history', 'team_first_win', "who gave ferrari their first ever f1 win", names(d),
    f"Ferrari's first championship Grand Prix win: {gpname(wf)} ({wf['date']}), {dn(d)}.", [src(wf)])

y = min(titles('mercedes', 'c'))
add('career_history', 'first_team_title', "what year did mercedes win their first constructors title", [str(y)],
    f"Mercedes' constructors' titles: {', '.join(map(str, titles('mercedes', 'c')))} (constructor-standings P1; no constructors' title before 1958). First = {y}.", [f'seasons/{y}/constructor-standings.yml'])

rb = [r for r in RES if any(x['position'] == 1 and x['constructorId'] == 'red-bull' for x in rows(r))][0]
add('career_history', 'team_first_win', "when did red bull first win a race", [str(rb['year'])],
    f"Red Bull's first Grand Prix win: {gpname(rb)} ({rb['date']}), {dn(pos(rb,1))}.", [src(rb)])

lw = [r for r in RES if any(x['position'] == 1 and x['constructorId'] == 'williams' for x in rows(r))][-1]
add('career_history', 'team_last_win', "when was the last time a williams won a race", [str(lw['year'])],
    f"Williams' most recent Grand Prix win: {gpname(lw)} ({lw['date']}), {dn(pos(lw,1))} ({CUT}).", [src(lw)])

y = max(titles('ferrari', 'c'))
add('career_history', 'team_last_title', "last time ferrari won the constructors championship?", [str(y)],
    f"Ferrari's most recent constructors' title (constructor-standings P1, 1958-2025): {y}. 2026 undecided.", [f'seasons/{y}/constructor-standings.yml'])

us = [(y, champ(y)) for y in range(1950, 2026) if DR[champ(y)]['nationalityCountryId'] == 'united-states-of-america']
add('career_history', 'first_nationality_champion', "who was the first american f1 world champion", names(us[0][1]),
    f"American drivers' champions (nationalityCountryId united-states-of-america): " + ', '.join(f'{dn(d)} {y}' for y, d in us) + f". First = {dn(us[0][1])} ({us[0][0]}).", ['seasons/*/driver-standings.yml', 'drivers/*.yml'])

f, l = first_last('fernando-alonso')
add('career_history', 'last_win', "when did alonso last win a race", [str(l['year'])],
    f"Fernando Alonso's most recent Grand Prix win: {gpname(l)} ({l['date']}); {W['fernando-alonso']} wins in total ({CUT}).", [src(l)])

f, l = first_last('michael-schumacher')
add('career_history', 'first_win', "where did michael schumacher get his first win", ['Belgi'],
    f"Michael Schumacher's first Grand Prix win: {gpname(f)} ({f['date']}, Spa-Francorchamps), Benetton. Year also required (accept_all).", [src(f)], accept_all=[str(f['year'])])
assert f['grandPrixId'] == 'belgium'

f, l = first_last('michael-schumacher')
add('career_history', 'last_win', "what was the last race michael schumacher won", ['Chin'],
    f"Michael Schumacher's last Grand Prix win: {gpname(l)} ({l['date']}), Ferrari. Year also required (accept_all).", [src(l)], accept_all=[str(l['year'])])
assert l['grandPrixId'] == 'china'

hp = [r for r in RES for x in rows(r) if x['driverId'] == 'nico-hulkenberg' and x['position'] in (1, 2, 3)]
add('career_history', 'first_podium', "when did hulkenberg finally get his first podium", [str(hp[0]['year'])],
    f"Nico Hülkenberg's first Grand Prix podium: P{[x['position'] for x in rows(hp[0]) if x['driverId']=='nico-hulkenberg'][0]} at the {gpname(hp[0])} ({hp[0]['date']}), Kick Sauber; {len(hp)} podium(s) in total ({CUT}).", [src(hp[0])])

mc = [y for y in range(1950, 2026) if any(x['constructorId'] == 'mclaren' for r in season(y) for x in rows(r) if x['driverId'] == champ(y))]
mc = [y for y in mc if {x['constructorId'] for r in season(y) for x in rows(r) if x['driverId'] == champ(y)} == {'mclaren'}]
add('career_history', 'team_first_drivers_title', "who won mclaren's first drivers' championship", names(champ(mc[0])),
    f"Champions who drove only for McLaren that season: first {dn(champ(mc[0]))} in {mc[0]}; later " + ', '.join(f'{y} {dn(champ(y))}' for y in mc[1:4]) + '...', ['seasons/*/driver-standings.yml'])

fi = [(y, champ(y)) for y in range(1950, 2026) if DR[champ(y)]['nationalityCountryId'] == 'finland']
add('career_history', 'first_nationality_champion', "first finnish world champion?", names(fi[0][1]),
    f"Finnish champions: " + ', '.join(f'{dn(d)} {y}' for y, d in fi) + f". First = {dn(fi[0][1])} ({fi[0][0]}).", ['seasons/*/driver-standings.yml', 'drivers/*.yml'])

t = titles('jack-brabham'); y = t[-1]; a1 = age('jack-brabham', season(y)[-1]['date'])
a0 = age('jack-brabham', season(y)[0]['date']); assert a0 == a1
add('career_history', 'age', "how old was jack brabham when he won his last title", [str(a1)],
    f"Jack Brabham's last title was {y}; born {DR['jack-brabham']['dateOfBirth']}, he was {a1} throughout the {y} season (first race {season(y)[0]['date']}, last {season(y)[-1]['date']}), so the clinch date does not matter.", ['drivers/jack-brabham.yml', f'seasons/{y}/driver-standings.yml'])

t = titles('jackie-stewart')
add('career_history', 'last_title', "which year did jackie stewart win his last title", [str(t[-1])],
    f"Jackie Stewart's titles: {', '.join(map(str, t))}; last = {t[-1]}.", ['seasons/*/driver-standings.yml'])

# ======================= multi_part (12) =======================
s = final(2021); m = s[0]['points'] - s[1]['points']
add('multi_part', 'champion_and_margin', "who won the 2021 title and by how many points", names(s[0]['driverId']),
    f"2021 champion {dn(s[0]['driverId'])} {fmt(s[0]['points'])} points, {dn(s[1]['driverId'])} {fmt(s[1]['points'])}: margin {fmt(m)}.", ['seasons/2021/driver-standings.yml'], accept_all=[fmt(m)])

s = final(2007)
add('multi_part', 'champion_and_points', "who was champion in 2007 and how many points did he finish on", names(s[0]['driverId']),
    f"2007 champion {dn(s[0]['driverId'])} with {s[0]['points']} points; {dn(s[1]['driverId'])} and {dn(s[2]['driverId'])} {s[1]['points']} each.", ['seasons/2007/driver-standings.yml'], accept_all=[str(s[0]['points'])])
assert s[0]['points'] > s[1]['points']

r = race(2026, 'canada'); pl = pos(r, 1, 'qualifying-results'); w = pos(r, 1); fl = field([r]); assert pl == pos(r, 1, 'starting-grid-positions') and pl != w
add('multi_part', 'pole_and_winner', "who was on pole in canada this year and who won", names(w, fl),
    f"This year = 2026. {gpname(r)}: pole {dn(pl)} (qualifying and grid P1), winner {dn(w)}. Both names required (accept_all).", [src(r, 'qualifying-results'), src(r)],
    accept_all=[sname(pl, fl), sname(w, fl)])

w20 = drv_count(season(2020), 1)['lewis-hamilton']; p20 = drv_count(season(2020), 1, 'qualifying-results')['lewis-hamilton']
assert p20 == drv_count(season(2020), 1, 'starting-grid-positions')['lewis-hamilton']
add('multi_part', 'wins_and_poles', "how many wins and poles did hamilton get in 2020", [str(w20)],
    f"Lewis Hamilton in 2020: {w20} wins and {p20} poles (qualifying P1; grid P1 the same) from {len(season(2020))} races. Both numbers required.", ['seasons/2020/races/*/race-results.yml', 'seasons/2020/races/*/qualifying-results.yml'],
    accept_all=[str(w20), str(p20)])
assert w20 != p20

r = season(2026)[0]; a, b = pos(r, 1), pos(r, 2); fl = field([r])
add('multi_part', 'first_race', "who won the first race of this season and who was 2nd", names(a, fl),
    f"This season = 2026; first race {gpname(r)} ({r['date']}): P1 {dn(a)}, P2 {dn(b)}. Both names required.", [src(r)], accept_all=[sname(a, fl), sname(b, fl)])

d = champ(2009); t = {x['constructorId'] for r in season(2009) for x in rows(r) if x['driverId'] == d}; assert t == {'brawn'}
add('multi_part', 'champion_and_team', "2009 world champion and what team was he driving for", names(d),
    f"2009 champion {dn(d)} ({spts(2009, d)['points']} points), driving for Brawn (also the 2009 constructors' champion). Team required (accept_all).", ['seasons/2009/driver-standings.yml'], accept_all=['Brawn'])

n26 = len(season(2026)); m26 = team_wins(season(2026))['mercedes']
add('multi_part', 'count_and_team_wins', "how many races have been run this year and how many has mercedes won", [str(n26)],
    f"This year = 2026: {n26} Grands Prix with results (rounds 1-11, to the Hungarian GP); Mercedes won {m26} of them (Antonelli {drv_count(season(2026),1)['kimi-antonelli']}, Russell {drv_count(season(2026),1)['george-russell']}). Both numbers required.",
    ['seasons/2026/races/*/race-results.yml'], accept_all=[str(n26), str(m26)])

c = champ(1984, 'c'); n = team_wins(season(1984))[c]
add('multi_part', 'team_title_and_wins', "who won the constructors in 1984 and how many races did they win", [cn(c)],
    f"1984 constructors' champion {cn(c)} ({spts(1984, c, 'c')['points']} points) won {n} of {len(season(1984))} races (Prost {drv_count(season(1984),1)['alain-prost']}, Lauda {drv_count(season(1984),1)['niki-lauda']}). Win count required.",
    ['seasons/1984/constructor-standings.yml', 'seasons/1984/races/*/race-results.yml'], accept_all=[str(n)])

d = champ(1997); e = {x['engineManufacturerId'] for r in season(1997) for x in rows(r) if x['constructorId'] == 'williams'}; assert e == {'renault'} and champ(1997, 'c') == 'williams'
add('multi_part', 'champion_and_engine', "who won the 97 title and what engine did his williams have", names(d),
    f"1997 champion {dn(d)} (Williams); every 1997 Williams row has engineManufacturerId renault (Renault). Engine required (accept_all).", ['seasons/1997/driver-standings.yml', 'seasons/1997/races/*/race-results.yml'], accept_all=['Renault'])

t = titles('jim-clark')
add('multi_part', 'titles_and_wins', "jim clark how many titles and how many wins", [str(len(t))],
    f"Jim Clark: {len(t)} titles ({', '.join(map(str, t))}) and {W['jim-clark']} Grand Prix wins. Both numbers required.", ['seasons/*/driver-standings.yml', RR], accept_all=[str(len(t)), str(W['jim-clark'])])

r = season(2008)[-1]; w = pos(r, 1); d = champ(2008); fl = field([r])
add('multi_part', 'race_and_champion', "who won the final race of 2008 and who won the championship", names(w, fl),
    f"Last race of 2008: {gpname(r)} ({r['date']}), winner {dn(w)}; champion {dn(d)} ({spts(2008, d)['points']} points, 1 ahead of {dn(w)}). Both names required.",
    [src(r), 'seasons/2008/driver-standings.yml'], accept_all=[sname(w, fl), sname(d, fl)])

f, l = first_last('oscar-piastri')
add('multi_part', 'first_win_and_total', "when was piastri's first win and how many has he won now", [str(f['year'])],
    f"Oscar Piastri's first Grand Prix win: {gpname(f)} ({f['date']}); {W['oscar-piastri']} Grand Prix wins in total (sprints not counted) ({CUT}). Both the year and the total are required.",
    [src(f), RR], accept_all=[str(W['oscar-piastri'])])

# ======================= output + self-check =======================
G = C(q['group'] for q in Q)
print(G, len(Q))
random.Random(20261203 + 5).shuffle(Q)
out = []
for i, q in enumerate(Q, 1):
    out.append({'id': f'fbe-{i:03d}', **q})
bad = []
for q in out:
    assert len(set(q['question'].lower() for q in out)) == len(out)
    if q['expect_unavailable']:
        assert q['accept'] == [] and 'accept_all' not in q; continue
    n = q['answer_note']
    if not (any(matches(n, a) for a in q['accept']) and all(matches(n, a) for a in q.get('accept_all', []))):
        bad.append(q['id'])
print('self-check fails:', bad, 'answerable:', sum(1 for q in out if not q['expect_unavailable']))
assert not bad
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fan-qa-blind-e.jsonl'), 'w') as f:
    for q in out: f.write(json.dumps(q, ensure_ascii=False) + '\n')
