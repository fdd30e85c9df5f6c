#!/usr/bin/env python3
"""Build /work/main/eval/fan-qa-blind-d.jsonl (80 held-out fan questions) from the f1db YAML."""
import collections, json, random, sys, os, yaml
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bd_data
from bd_data import fold, matches

db = bd_data.load()
R = db['races']; DR = db['drivers']; CO = db['constructors']; GP = db['gps']
TODAY = '2026-12-03'
W = collections.Counter(); POD = collections.Counter(); POLE = collections.Counter(); GRID = collections.Counter(); FL = collections.Counter()
winners = set()
for r in R:
    for x in r['race-results'] or []:
        if x['position'] == 1: W[x['driverId']] += 1; winners.add(x['driverId'])
        if x['position'] in (1, 2, 3): POD[x['driverId']] += 1
    for k, c in [('qualifying-results', POLE), ('starting-grid-positions', GRID), ('fastest-laps', FL)]:
        for x in r[k] or []:
            if x['position'] == 1: c[x['driverId']] += 1

def race(y, gp):
    m = [r for r in R if r['year'] == y and r['grandPrixId'] == gp]
    assert len(m) == 1, (y, gp); return m[0]
def season(y): return [r for r in R if r['year'] == y]
def pos(r, p, key='race-results'):
    m = [x['driverId'] for x in r[key] or [] if x['position'] == p]
    assert len(m) == 1, (r['dir'], p, m); return m[0]
def row(r, d, key='race-results'):
    m = [x for x in r[key] or [] if x['driverId'] == d]; assert len(m) == 1; return m[0]
def wins_of(r): return [x['driverId'] for x in r['race-results'] or [] if x['position'] == 1]
def gpname(r): return f"{r['year']} {GP[r['grandPrixId']]['fullName']}"
def dn(d): return DR[d]['name']
def cn(c): return CO[c]['name']
def src(r, f='race-results'): return f"{r['dir']}/{f}.yml"
def field(rs):
    return {x['driverId'] for r in rs for x in (r['race-results'] or [])}
ALIAS = {'sergio-perez': ['Checo'], 'carlos-sainz-jr': ['Carlos Sainz'], 'kimi-antonelli': ['Andrea Kimi Antonelli'],
         'michael-schumacher': ['Michael Schumacher'], 'kimi-raikkonen': ['Kimi Raikkonen', 'Raikkonen'],
         'nico-hulkenberg': ['Hulkenberg'], 'daniel-ricciardo': ['Ricciardo'], 'mika-hakkinen': ['Hakkinen']}
def names(d, scope=None):
    """display name, accent-folded form, aliases, surname if unique in scope (default: all race winners)."""
    nm = DR[d]['name']; out = [nm]
    if fold(nm) != nm.lower(): out.append(fold(nm).title())
    out += ALIAS.get(d, [])
    scope = winners | {d} if scope is None else set(scope) | {d}
    ln = DR[d]['lastName']
    if sum(1 for s in scope if fold(DR[s]['lastName']) == fold(ln)) == 1: out.append(ln)
    seen = []; [seen.append(x) for x in out if x not in seen]; return seen
def sname(d, scope=None):
    """shortest accept form for accept_all: surname if unambiguous else full name."""
    return names(d, scope)[-1] if names(d, scope)[-1] == DR[d]['lastName'] else fold(DR[d]['name'])
def final(y, kind='d'):
    s = db['dstand' if kind == 'd' else 'cstand'][y]; return s
def champ(y, kind='d'):
    s = final(y, kind); assert s[0]['position'] == 1 and s[1]['position'] == 2
    return s[0]['driverId' if kind == 'd' else 'constructorId']
def spts(y, ident, kind='d'):
    k = 'driverId' if kind == 'd' else 'constructorId'
    m = [x for x in final(y, kind) if x[k] == ident]; assert len(m) == 1; return m[0]
def top(counter):
    (a, n), (b, m) = counter.most_common(2); assert n > m, counter.most_common(3); return a, n, b, m
def second(counter, namef):
    m = counter.most_common(2)[1][1]
    return ' and '.join(namef(k) for k, v in counter.items() if v == m) + f' {m}'
def titles(d, kind='d'):
    k = 'driverId' if kind == 'd' else 'constructorId'
    return [y for y in range(1950 if kind == 'd' else 1958, 2026) if final(y, kind)[0][k] == d]
def age(d, date):
    b = DR[d]['dateOfBirth']; b = str(b); y, m, dd = map(int, b.split('-')); Y, M, Dd = map(int, str(date).split('-'))
    yrs = Y - y - ((M, Dd) < (m, dd)); return yrs

Q = []
def add(group, cat, q, accept, note, source, accept_all=None, unavailable=False):
    rec = {'category': cat, 'group': group, 'question': q, 'accept': [] if unavailable else accept}
    if accept_all: rec['accept_all'] = accept_all
    rec.update({'expect_unavailable': unavailable, 'answer_note': note, 'source': source})
    Q.append(rec)

# ---------------- aggregate (16) ----------------
c = collections.Counter(d for r in R if r['grandPrixId'] == 'france' for d in wins_of(r))
a, n, b, m = top(c)
add('aggregate', 'most_wins_gp', "Who has won the French Grand Prix the most times?", names(a),
    f"French Grand Prix (grandPrixId france, all venues), race-results P1: {dn(a)} {n} wins, next {second(c, dn)}.", ['seasons/*/races/*-france/race-results.yml'])

a, n, b, m = top(POLE); ga = GRID.most_common(1)[0]
assert ga[0] == a
add('aggregate', 'most_poles', "all time pole position record holder?", names(a),
    f"Most pole positions: {dn(a)} with {n} qualifying P1s (starting-grid P1: {ga[1]}); next {second(POLE, dn)}.", ['seasons/*/races/*/qualifying-results.yml', 'seasons/*/races/*/starting-grid-positions.yml'])

sw = collections.Counter((d, r['year']) for r in R for d in wins_of(r))
(d0, y0), n = sw.most_common(1)[0]; assert sw.most_common(2)[1][1] < n
add('aggregate', 'season_win_record', "What's the most Grand Prix wins anyone has managed in one season?", [str(n)],
    f"Single-season win record: {dn(d0)}, {n} wins in {y0} (race-results P1); next best season has {sw.most_common(2)[1][1]}.", ['seasons/*/races/*/race-results.yml'])

ws = {pos(r, 1) for r in season(2012)}
add('aggregate', 'distinct_winners', "How many different drivers won races in the 2012 season?", [str(len(ws))],
    f"2012: {len(season(2012))} races, {len(ws)} different winners: " + ', '.join(sorted(dn(d) for d in ws)) + '.', ['seasons/2012/races/*/race-results.yml'])

cc = collections.Counter(final(y, 'c')[0]['constructorId'] for y in range(1958, 2026))
a, n, b, m = top(cc)
add('aggregate', 'most_constructor_titles', "which team has won the most constructors championships", [cn(a)],
    f"Constructors' titles 1958-2025 (P1 of constructor-standings): {cn(a)} {n}, {second(cc, cn)}. 2026 undecided.", ['seasons/*/constructor-standings.yml'])

c = collections.Counter(d for r in R if r['grandPrixId'] == 'monaco' for d in wins_of(r))
a, n, b, m = top(c)
add('aggregate', 'most_wins_gp', "Which driver has the most victories in Monaco?", names(a),
    f"Monaco Grand Prix race-results P1: {dn(a)} {n}, next {second(c, dn)}.", ['seasons/*/races/*-monaco/race-results.yml'])

c = collections.Counter(x['constructorId'] for r in R if r['grandPrixId'] == 'great-britain' for x in r['race-results'] or [] if x['position'] == 1)
a, n, b, m = top(c)
add('aggregate', 'most_wins_gp_team', "Which constructor has won the British GP most often?", [cn(a)],
    f"British Grand Prix winners by constructor: {cn(a)} {n}, {second(c, cn)}.", ['seasons/*/races/*-great-britain/race-results.yml'])

best = None
for r in R:
    for x in r['race-results'] or []:
        if x['position'] == 1:
            b_ = str(DR[x['driverId']]['dateOfBirth']); dd = (r['date'] - DR[x['driverId']]['dateOfBirth']).days
            if best is None or dd < best[0]: best = (dd, x['driverId'], r)
dd, d, r = best
add('aggregate', 'youngest_winner', "Who is the youngest driver ever to win a Grand Prix?", names(d),
    f"Youngest winner: {dn(d)} (born {DR[d]['dateOfBirth']}) won the {gpname(r)} on {r['date']}, aged {age(d, r['date'])} ({dd} days).", [src(r), f"drivers/{d}.yml"])

c = collections.Counter({d: n for d, n in POD.items() if W[d] == 0})
a, n, b, m = top(c)
add('aggregate', 'podiums_no_win', "Which driver has the most podium finishes without ever winning a race?", names(a, field(R)),
    f"Most GP podiums (race P1-P3) with zero wins: {dn(a)} {n}, next {second(c, dn)}.", ['seasons/*/races/*/race-results.yml'])

c = collections.Counter(DR[d]['nationalityCountryId'] for d in W.elements())
a, n, b, m = top(c)
CN = {'united-kingdom': ['United Kingdom', 'Britain', 'British', 'UK']}
add('aggregate', 'country_wins', "drivers from which country have won the most GPs in total?", CN[a],
    f"GP wins by driver nationality (nationalityCountryId): United Kingdom ({a}) {n}, {b} {m}.", ['seasons/*/races/*/race-results.yml', 'drivers/*.yml'])

sil = [r for r in R if r['circuitId'] == 'silverstone' and r['race-results']]
add('aggregate', 'circuit_count', "How many world championship Grands Prix have been run at Silverstone?", [str(len(sil))],
    f"Races with results at circuitId silverstone: {len(sil)} ({sil[0]['year']}-{sil[-1]['year']}, of which {sum(1 for r in sil if r['grandPrixId']!='great-britain')} not a British GP: the 2020 70th Anniversary GP).", ['seasons/*/races/*/race.yml'])

a, n, b, m = top(FL)
add('aggregate', 'most_fastest_laps', "who's got the most fastest laps in F1 history?", names(a),
    f"Most fastest laps (fastest-laps P1): {dn(a)} {n}, {second(FL, dn)}.", ['seasons/*/races/*/fastest-laps.yml'])

n = sum(1 for r in season(1988) for x in r['race-results'] if x['position'] == 1 and x['constructorId'] == 'mclaren')
add('aggregate', 'team_season_wins', "How many of the 1988 races did McLaren win?", [str(n)],
    f"1988: McLaren won {n} of {len(season(1988))} races (Senna {W and sum(1 for r in season(1988) if pos(r,1)=='ayrton-senna')}, Prost {sum(1 for r in season(1988) if pos(r,1)=='alain-prost')}).", ['seasons/1988/races/*/race-results.yml'])

n = len(season(2025))
add('aggregate', 'calendar_count', "How many rounds were there in the 2025 championship?", [str(n)],
    f"2025 season: {n} Grands Prix ({season(2025)[0]['grandPrixId']} to {season(2025)[-1]['grandPrixId']}).", ['seasons/2025/races/*/race.yml'])

c = collections.Counter(x['constructorId'] for r in R if 2000 <= r['year'] <= 2009 for x in r['race-results'] if x['position'] == 1)
a, n, b, m = top(c)
add('aggregate', 'decade_team_wins', "Which team won the most races between 2000 and 2009?", [cn(a)],
    f"2000-2009 race wins by constructor: {cn(a)} {n}, {second(c, cn)}.", ['seasons/200*/races/*/race-results.yml'])

allp = sorted(((x['points'], x['driverId'], y) for y in range(1950, 2026) for x in final(y)), reverse=True)
(p0, d0, y0), (p1, d1, y1) = allp[0], allp[1]; assert p0 > p1
add('aggregate', 'season_points_record', "Biggest points haul by a driver in a single season?", names(d0),
    f"Highest final-standings points in a season: {dn(d0)} {p0:g} in {y0}; next {dn(d1)} {p1:g} in {y1}.", ['seasons/*/driver-standings.yml'], accept_all=[f"{p0:g}"])

# ---------------- relational (13) ----------------
s90 = season(1990)
tm = sorted({x['driverId'] for r in s90 for x in r['race-results'] if x['constructorId'] == 'mclaren'} - {'ayrton-senna'})
assert len(tm) == 1
add('relational', 'teammate', "Who partnered Ayrton Senna at McLaren in 1990?", names(tm[0], field(s90)),
    f"1990 McLaren race entries: Ayrton Senna and {dn(tm[0])}.", ['seasons/1990/races/*/race-results.yml'])

r = race(1998, 'japan'); pd = [pos(r, i) for i in (1, 2, 3)]
add('relational', 'podium', "podium at suzuka 1998, all three please", names(pd[2], field([r])),
    f"{gpname(r)} ({r['date']}): P1 {dn(pd[0])}, P2 {dn(pd[1])}, P3 {dn(pd[2])}. All three required.", [src(r)],
    accept_all=[sname(d, field([r])) for d in pd])

eng = collections.Counter(x['engineManufacturerId'] for r in season(1978) for x in r['race-results'] if x['constructorId'] == 'lotus')
assert len(eng) == 1; e = list(eng)[0]
en = yaml.safe_load(open(f"{bd_data.D}/engine-manufacturers/{e}.yml"))['name']
add('relational', 'engine', "What engine was in the back of the Lotus in 1978?", [en, 'DFV', 'Cosworth'],
    f"1978 Lotus race-results rows: all engineManufacturerId {e} ({en}; the Ford-Cosworth DFV), {sum(eng.values())} rows.", ['seasons/1978/races/*/race-results.yml', f'engine-manufacturers/{e}.yml'])

r = race(2021, 'abu-dhabi'); d4 = pos(r, 4)
add('relational', 'p4', "Who just missed out on the podium in the 2021 Abu Dhabi finale?", names(d4, field([r])),
    f"{gpname(r)}: P1 {dn(pos(r,1))}, P2 {dn(pos(r,2))}, P3 {dn(pos(r,3))}, P4 {dn(d4)}.", [src(r)])

s = final(2008, 'c'); assert s[1]['position'] == 2
add('relational', 'constructor_runner_up', "Which team finished second in the 2008 constructors' standings?", [cn(s[1]['constructorId'])],
    f"2008 constructors: P1 {cn(s[0]['constructorId'])} {s[0]['points']:g}, P2 {cn(s[1]['constructorId'])} {s[1]['points']:g}.", ['seasons/2008/constructor-standings.yml'])

bd = sorted({x['driverId'] for r in season(2009) for x in r['race-results'] if x['constructorId'] == 'brawn'})
assert len(bd) == 2
add('relational', 'lineup', "who were the two brawn gp drivers?", names(bd[0]),
    f"Brawn (one season, 2009) race entries: {dn(bd[0])} and {dn(bd[1])}. Both required.", ['seasons/2009/races/*/race-results.yml'],
    accept_all=[sname(d, field(season(2009))) for d in bd])

rb = [(r['round'], sorted(x['driverId'] for x in r['race-results'] if x['constructorId'] == 'red-bull')) for r in season(2019)]
first = rb[0][1]; last = rb[-1][1]; rep = sorted(set(last) - set(first)); assert first != last and len(rep) == 1
sw_round = next(rd for rd, ds in rb if ds != first)
add('relational', 'replacement', "Who took Pierre Gasly's Red Bull seat partway through 2019?", names(rep[0], field(season(2019))),
    f"2019 Red Bull: {' & '.join(dn(d) for d in first)} until round {sw_round-1}; from round {sw_round} {' & '.join(dn(d) for d in last)}.", ['seasons/2019/races/*/race-results.yml'])

r = race(2005, 'monaco'); pq = pos(r, 1, 'qualifying-results'); assert pq == pos(r, 1, 'starting-grid-positions')
add('relational', 'pole', "Who started from pole at Monaco in 2005?", names(pq, field([r])),
    f"{gpname(r)}: qualifying P1 and starting-grid P1 {dn(pq)}; winner {dn(pos(r,1))}.", [src(r, 'qualifying-results'), src(r, 'starting-grid-positions')])

s = final(2019)
add('relational', 'driver_runner_up', "Who was runner-up in the 2019 drivers' championship?", names(s[1]['driverId'], field(season(2019))),
    f"2019 drivers: P1 {dn(s[0]['driverId'])} {s[0]['points']:g}, P2 {dn(s[1]['driverId'])} {s[1]['points']:g}.", ['seasons/2019/driver-standings.yml'])

r = race(2026, 'hungary'); f = pos(r, 1, 'fastest-laps')
add('relational', 'fastest_lap', "Who set fastest lap at the 2026 Hungarian Grand Prix?", names(f, field([r])),
    f"{gpname(r)} ({r['date']}): fastest lap {dn(f)}, {row(r, f, 'fastest-laps')['time']} on lap {row(r, f, 'fastest-laps')['lap']}.", [src(r, 'fastest-laps')])

r = race(2026, 'hungary'); w = pos(r, 1); wc = row(r, w)['constructorId']
mate = [x['driverId'] for x in r['race-results'] if x['constructorId'] == wc and x['driverId'] != w]; assert len(mate) == 1
mr = row(r, mate[0]); assert mr['position'] == 'DNF'
add('relational', 'teammate', f"Norris won Hungary this summer - who was driving the other McLaren that day?", names(mate[0], field([r])),
    f"{gpname(r)}: {dn(w)} won for {cn(wc)}; team-mate {dn(mate[0])} retired (DNF, {mr['reasonRetired']}) after {mr['laps']} laps from grid P{mr['gridPosition']}.", [src(r)])

r = race(2008, 'great-britain'); d2 = pos(r, 2)
add('relational', 'p2', "Who came second behind Hamilton at Silverstone 2008?", names(d2, field([r])),
    f"{gpname(r)}: P1 {dn(pos(r,1))}, P2 {dn(d2)}, P3 {dn(pos(r,3))}.", [src(r)])

r = race(2011, 'canada'); pd = [pos(r, i) for i in (1, 2, 3)]; assert pd[0] == 'jenson-button'
add('relational', 'podium', "who else was on the podium with button at canada 2011", names(pd[1], field([r])),
    f"{gpname(r)}: P1 {dn(pd[0])}, P2 {dn(pd[1])}, P3 {dn(pd[2])}. Both other names required.", [src(r)],
    accept_all=[sname(d, field([r])) for d in pd[1:]])

# ---------------- colloquial (13) ----------------
r = race(2025, 'great-britain'); w = pos(r, 1)
add('colloquial', 'relative_time', "who won silverstone last yr", names(w, field([r])),
    f"Last year = 2025. {gpname(r)} ({r['date']}): winner {dn(w)} ({cn(row(r,w)['constructorId'])}).", [src(r)])

s26 = [r for r in season(2026) if r['race-results']]
n = sum(1 for r in s26 if pos(r, 1, 'qualifying-results') == 'kimi-antonelli'); g = sum(1 for r in s26 if pos(r, 1, 'starting-grid-positions') == 'kimi-antonelli')
assert n == g
add('colloquial', 'relative_time', "how many poles has antonelli racked up so far this season", [str(n)],
    f"This season = 2026, rounds 1-11 with results: Kimi Antonelli qualifying P1 {n} times (starting-grid P1 also {g}).", ['seasons/2026/races/*/qualifying-results.yml'])

pm = [r for r in R if r['grandPrixId'] == 'monaco' and 'sergio-perez' in wins_of(r)]; assert len(pm) == 1
add('colloquial', 'nickname', "did checo ever win monaco??", [str(pm[0]['year'])],
    f"Yes: Sergio Pérez won the {gpname(pm[0])} for {cn(row(pm[0],'sergio-perez')['constructorId'])} ({pm[0]['date']}).", [src(pm[0])])

kw = [r for r in R if 'kimi-raikkonen' in wins_of(r)][-1]
add('colloquial', 'nickname', "when was the iceman's last win", [str(kw['year']) + ' ' + GP[kw['grandPrixId']]['fullName'], GP[kw['grandPrixId']]['shortName'], 'Austin', 'COTA', 'US GP'],
    f"The Iceman = Kimi Räikkönen. Last win (of {W['kimi-raikkonen']}): {gpname(kw)} ({kw['date']}).", [src(kw)], accept_all=[str(kw['year'])])

add('colloquial', 'nickname', "honey badger career wins?", [str(W['daniel-ricciardo'])],
    f"Honey Badger = Daniel Ricciardo: {W['daniel-ricciardo']} Grand Prix wins.", ['seasons/*/races/*/race-results.yml'])

r = race(2024, 'belgium'); w = pos(r, 1)
add('colloquial', 'relative_time', "who won at spa the year before last", names(w, field([r])),
    f"Year before last = 2024. {gpname(r)} ({r['date']}): winner {dn(w)} (P2 {dn(pos(r,2))}).", [src(r)])

t = titles('michael-schumacher')
add('colloquial', 'nickname', "how many titles did schumi win", [str(len(t))],
    f"Schumi = Michael Schumacher: {len(t)} drivers' titles ({', '.join(map(str, t))}).", ['seasons/*/driver-standings.yml'])

add('colloquial', 'typo', "vettle total gp wins?", [str(W['sebastian-vettel'])],
    f"Sebastian Vettel: {W['sebastian-vettel']} Grand Prix wins.", ['seasons/*/races/*/race-results.yml'])

last = s26[-1]; w = pos(last, 1)
add('colloquial', 'relative_time', "who won the most recent race?", names(w, field([last])),
    f"Most recent race with results: {gpname(last)} (round {last['round']}, {last['date']}), won by {dn(w)} ({cn(row(last,w)['constructorId'])}).", [src(last)])

r = race(2026, 'hungary'); hp = row(r, 'lewis-hamilton')
add('colloquial', 'relative_time', "where did hamilton end up in budapest this year", [f"P{hp['position']}", f"{hp['position']}th", 'fifth'],
    f"2026 Hungarian GP ({r['date']}): Lewis Hamilton ({cn(hp['constructorId'])}) finished P{hp['position']}, started P{hp['gridPosition']}.", [src(r)])

t = titles('alain-prost')
add('colloquial', 'nickname', "how many championships did the professor win", [str(len(t))],
    f"The Professor = Alain Prost: {len(t)} titles ({', '.join(map(str, t))}).", ['seasons/*/driver-standings.yml'])

n = sum(1 for r in R for x in r['race-results'] or [] if x['position'] == 1 and x['driverId'] == 'fernando-alonso' and x['constructorId'] == 'renault')
add('colloquial', 'nickname', "how many races did nando win in a renault", [str(n)],
    f"Nando = Fernando Alonso: {n} of his {W['fernando-alonso']} wins came with Renault.", ['seasons/*/races/*/race-results.yml'])

bw = [r for r in R if 'valtteri-bottas' in wins_of(r)][0]
add('colloquial', 'typo', "valteri botas first ever win - which race?", [GP[bw['grandPrixId']]['fullName'], GP[bw['grandPrixId']]['shortName'], 'Sochi', 'Russia'],
    f"Valtteri Bottas' first win: {gpname(bw)} ({bw['date']}).", [src(bw)], accept_all=[str(bw['year'])])

# ---------------- comparative (10) ----------------
a, b = W['alain-prost'], W['ayrton-senna']
add('comparative', 'career_wins', "Prost or Senna: who won more races, and by how many?", ['Prost'],
    f"Alain Prost {a} wins, Ayrton Senna {b}: Prost by {a-b}.", ['seasons/*/races/*/race-results.yml'], accept_all=[str(a-b)])

h, ro = spts(2016, 'lewis-hamilton')['points'], spts(2016, 'nico-rosberg')['points']; assert ro > h
add('comparative', 'season_points', "By how many points did Rosberg beat Hamilton to the 2016 title?", ['Rosberg'],
    f"2016 final standings: Nico Rosberg {ro:g}, Lewis Hamilton {h:g}: margin {ro-h:g}.", ['seasons/2016/driver-standings.yml'], accept_all=[f"{ro-h:g}"])

fe, mc = len(titles('ferrari', 'c')), len(titles('mclaren', 'c'))
add('comparative', 'team_titles', "ferrari vs mclaren constructors titles, how many more has the leader got", ['Ferrari'],
    f"Constructors' titles 1958-2025: Ferrari {fe}, McLaren {mc}: Ferrari by {fe-mc}.", ['seasons/*/constructor-standings.yml'], accept_all=[str(fe-mc)])

no, pi = spts(2025, 'lando-norris')['points'], spts(2025, 'oscar-piastri')['points']
add('comparative', 'season_points', "How far ahead of Piastri was Norris at the end of 2025?", ['Norris'],
    f"2025 final standings: Lando Norris {no:g} (champion), Oscar Piastri {pi:g} (P3): gap {no-pi:g} points.", ['seasons/2025/driver-standings.yml'], accept_all=[f"{no-pi:g}"])

add('comparative', 'career_poles', "Who has more pole positions, Vettel or Alonso? Give the leader's total.", ['Vettel'],
    f"Sebastian Vettel {POLE['sebastian-vettel']} poles (grid P1 {GRID['sebastian-vettel']}); Fernando Alonso {POLE['fernando-alonso']} (grid P1 {GRID['fernando-alonso']}).", ['seasons/*/races/*/qualifying-results.yml'], accept_all=[str(POLE['sebastian-vettel'])])
assert POLE['sebastian-vettel'] == GRID['sebastian-vettel']

a, b = W['nigel-mansell'], W['nelson-piquet']
add('comparative', 'career_wins', "mansell v piquet - whose got more gp wins and whats the difference", ['Mansell'],
    f"Nigel Mansell {a} wins, Nelson Piquet {b} (Nelson Piquet Sr.): Mansell by {a-b}.", ['seasons/*/races/*/race-results.yml'], accept_all=[str(a-b)])

hu, la = spts(1976, 'james-hunt')['points'], spts(1976, 'niki-lauda')['points']
add('comparative', 'season_points', "1976: Hunt vs Lauda, what was the final points gap?", ['Hunt'],
    f"1976 final standings: James Hunt {hu:g} (champion), Niki Lauda {la:g}: gap {hu-la:g}.", ['seasons/1976/driver-standings.yml'], accept_all=[f"{hu-la:g}"])

aw = sum(1 for r in s26 if pos(r, 1) == 'kimi-antonelli'); rw = sum(1 for r in s26 if pos(r, 1) == 'george-russell')
add('comparative', 'season_wins', "Mercedes teammates this year - how many more wins does Antonelli have than Russell?", [str(aw-rw)],
    f"2026 rounds 1-11: Kimi Antonelli {aw} wins, George Russell {rw}: Antonelli by {aw-rw}.", ['seasons/2026/races/*/race-results.yml'], accept_all=['Antonelli'])

ha, ir = spts(1999, 'mika-hakkinen')['points'], spts(1999, 'eddie-irvine')['points']
add('comparative', 'season_points', "how close was irvine to hakkinen in the 1999 championship", ['Hakkinen', 'Häkkinen'],
    f"1999 final standings: Mika Häkkinen {ha:g} (champion), Eddie Irvine {ir:g}: {ha-ir:g} point(s).", ['seasons/1999/driver-standings.yml'], accept_all=[f"{ha-ir:g}"])

a, b = POLE['lewis-hamilton'], POLE['michael-schumacher']; ga, gb = GRID['lewis-hamilton'], GRID['michael-schumacher']; assert a - b == ga - gb
add('comparative', 'career_poles', "hamilton vs michael schumacher on poles - how big is the gap?", ['Hamilton'],
    f"Pole positions (qualifying P1): Lewis Hamilton {a}, Michael Schumacher {b}: Hamilton by {a-b} (starting-grid P1: {ga} vs {gb}, same gap).", ['seasons/*/races/*/qualifying-results.yml', 'seasons/*/races/*/starting-grid-positions.yml'], accept_all=[str(a-b)])

# ---------------- unavailable (10) ----------------
for gp_, qtext in [('italy', "Who won the Italian Grand Prix at Monza in 2026?"), ('las-vegas', "give me the las vegas podium from this year")]:
    r = race(2026, gp_); assert not r['race-results']
    add('unavailable', 'not_run', qtext, [], f"{gpname(r)} is round {r['round']} on {r['date']}; the data has no result for it (results end with round 11, Hungary, 2026-07-26).", [r['dir'] + '/race.yml'], unavailable=True)
assert not [r for r in season(2020) if r['grandPrixId'] == 'germany']
add('unavailable', 'not_held', "Who won the 2020 German GP?", [], "No German Grand Prix was held in 2020 (17 rounds; the Nürburgring hosted the Eifel GP instead). Not in the data.", ['seasons/2020/races'], unavailable=True)
assert 'ryo-hirakawa' not in field(R)
add('unavailable', 'never_raced', "How many Grand Prix starts has Ryo Hirakawa made?", [], "Ryo Hirakawa appears only in free-practice sessions; he has no race entry or start in the data (never raced a GP).", ['drivers/ryo-hirakawa.yml'], unavailable=True)
add('unavailable', 'not_stored', "what were verstappen's sector times on his monaco 2023 pole lap", [], "f1db stores qualifying Q1/Q2/Q3 lap times but no sector times.", ['seasons/2023/races/06-monaco/qualifying-results.yml'], unavailable=True)
add('unavailable', 'not_stored', "Top speed through the speed trap at Monza 2025?", [], "f1db has no speed-trap or top-speed data.", ['seasons/2025/races/16-italy'], unavailable=True)
add('unavailable', 'not_stored', "Which tyre compounds did Norris run in the 2025 Dutch GP?", [], "f1db stores only the tyre manufacturer (Pirelli) and pit-stop laps/times, not compounds.", ['seasons/2025/races/15-netherlands/pit-stops.yml'], unavailable=True)
r = race(2026, 'netherlands'); assert not r['sprint-race-results']
add('unavailable', 'not_run', "who won the zandvoort sprint this year?", [], f"The 2026 Dutch GP sprint (round 12, {r['sprintRaceDate']}) has no result in the data; only FP1 and sprint-qualifying files exist.", [r['dir']], unavailable=True)
add('unavailable', 'not_stored', "How many overtakes were there in the 2024 São Paulo GP?", [], "f1db does not store overtakes or lap-by-lap positions.", ['seasons/2024/races/21-sao-paulo'], unavailable=True)
r = race(2026, 'abu-dhabi'); assert not r['race-results'] and str(r['date']) > TODAY
add('unavailable', 'not_run', "who won the abu dhabi gp this season", [], f"The 2026 Abu Dhabi GP (round 23) is on {r['date']}, after today (2026-12-03); no result exists. The 2026 title is undecided in the data.", [r['dir'] + '/race.yml'], unavailable=True)

# ---------------- career_history (10) ----------------
lw = [r for r in R if 'charles-leclerc' in wins_of(r)][0]
add('career_history', 'maiden_win', "Where did Charles Leclerc take his first Grand Prix victory?", [GP[lw['grandPrixId']]['fullName'], GP[lw['grandPrixId']]['shortName'], 'Spa'],
    f"Charles Leclerc's first win: {gpname(lw)} ({lw['date']}).", [src(lw)], accept_all=[str(lw['year'])])

mw = [r for r in R if any(x['position'] == 1 and x['constructorId'] == 'mclaren' for x in r['race-results'] or [])][0]
add('career_history', 'team_first_win', "What was McLaren's first ever Grand Prix win?", [GP[mw['grandPrixId']]['fullName'], GP[mw['grandPrixId']]['shortName']],
    f"McLaren's first win: {gpname(mw)} ({mw['date']}), driver {dn(pos(mw,1))}.", [src(mw)], accept_all=[str(mw['year'])])

t = titles('juan-manuel-fangio')
add('career_history', 'titles', "How many world titles did Fangio win?", [str(len(t))], f"Juan Manuel Fangio: {len(t)} titles ({', '.join(map(str, t))}).", ['seasons/195*/driver-standings.yml'])

add('career_history', 'career_wins', "Jim Clark's career win total?", [str(W['jim-clark'])], f"Jim Clark: {W['jim-clark']} Grand Prix wins.", ['seasons/19*/races/*/race-results.yml'])

add('career_history', 'first_champion', "Who was the very first Formula One world champion?", names(champ(1950)),
    f"1950 drivers' standings P1: {dn(champ(1950))} ({spts(1950, champ(1950))['points']:g} pts).", ['seasons/1950/driver-standings.yml'])

t = titles('williams', 'c')
add('career_history', 'last_team_title', "When did Williams last win the constructors' title?", [str(t[-1])],
    f"Williams constructors' titles: {', '.join(map(str, t))} ({len(t)}); last {t[-1]}.", ['seasons/*/constructor-standings.yml'])

t = titles('jackie-stewart')
add('career_history', 'titles', "Jackie Stewart — how many championships?", [str(len(t))], f"Jackie Stewart: {len(t)} titles ({', '.join(map(str, t))}).", ['seasons/19*/driver-standings.yml'])

t = titles('jenson-button')
add('career_history', 'title_year', "In which year did Jenson Button become world champion?", [str(t[0])], f"Jenson Button: champion in {t[0]} (only title).", ['seasons/2009/driver-standings.yml'])
assert len(t) == 1

n = sum(1 for r in R if r['grandPrixId'] == 'monaco' and 'graham-hill' in wins_of(r))
add('career_history', 'gp_wins', "How many times did Graham Hill win at Monaco?", [str(n)], f"Graham Hill Monaco GP wins: {n}.", ['seasons/19*/races/*-monaco/race-results.yml'])

br = [y for y in range(1950, 2026) if DR[champ(y)]['nationalityCountryId'] == 'brazil'][0]
add('career_history', 'first_nation_champion', "Who was Brazil's first Formula 1 world champion?", ['Emerson Fittipaldi'],
    f"First Brazilian champion: {dn(champ(br))} in {br}.", [f'seasons/{br}/driver-standings.yml'])
assert champ(br) == 'emerson-fittipaldi'

# ---------------- multi_part (8) ----------------
c10 = champ(2010); n = sum(1 for r in season(2010) if pos(r, 1) == c10)
add('multi_part', 'champion_and_wins', "who won the 2010 championship and how many races did he win that year?", names(c10),
    f"2010 champion {dn(c10)} ({spts(2010,c10)['points']:g} pts), {n} race wins in 2010.", ['seasons/2010/driver-standings.yml', 'seasons/2010/races/*/race-results.yml'], accept_all=[str(n)])

r = race(2026, 'great-britain'); pq, w = pos(r, 1, 'qualifying-results'), pos(r, 1); assert pq == pos(r, 1, 'starting-grid-positions') and pq != w
add('multi_part', 'pole_and_winner', "British GP this year: who was on pole and who won?", names(w, field([r])),
    f"2026 British GP ({r['date']}): pole {dn(pq)} (qualifying and grid P1), winner {dn(w)}.", [src(r), src(r, 'qualifying-results')], accept_all=[sname(pq, field([r])), sname(w, field([r]))])

s88 = season(1988); wn = sum(1 for r in s88 if pos(r, 1) == 'ayrton-senna'); pl = sum(1 for r in s88 if pos(r, 1, 'qualifying-results') == 'ayrton-senna')
assert pl == sum(1 for r in s88 if pos(r, 1, 'starting-grid-positions') == 'ayrton-senna')
add('multi_part', 'wins_and_poles', "Senna in 1988 — number of wins and number of poles?", [str(wn)],
    f"1988 Ayrton Senna: {wn} wins, {pl} poles (qualifying and grid P1 agree).", ['seasons/1988/races/*/race-results.yml', 'seasons/1988/races/*/qualifying-results.yml'], accept_all=[str(wn), str(pl)])

c = final(2025, 'c')[0]
add('multi_part', 'team_champion_points', "which team won the 2025 constructors and with how many points", [cn(c['constructorId'])],
    f"2025 constructors' champion {cn(c['constructorId'])} with {c['points']:g} points.", ['seasons/2025/constructor-standings.yml'], accept_all=[f"{c['points']:g}"])

s24 = season(2024); a, b = pos(s24[0], 1), pos(s24[-1], 1)
add('multi_part', 'first_last_winner', "Who won the first race of 2024 and who won the last one?", names(a, field(s24)),
    f"2024 round 1 {gpname(s24[0])}: {dn(a)}; round {s24[-1]['round']} {gpname(s24[-1])}: {dn(b)}.", [src(s24[0]), src(s24[-1])], accept_all=[sname(a, field(s24)), sname(b, field(s24))])

c92 = champ(1992); tms = {x['constructorId'] for r in season(1992) for x in r['race-results'] if x['driverId'] == c92}; assert len(tms) == 1
add('multi_part', 'champion_and_team', "1992 world champ + what team was he driving for?", names(c92, field(season(1992))),
    f"1992 champion {dn(c92)}, driving for {cn(list(tms)[0])}.", ['seasons/1992/driver-standings.yml'], accept_all=[cn(list(tms)[0])])

t = titles('fernando-alonso')
add('multi_part', 'wins_and_titles', "alonso: how many wins and how many titles?", [str(W['fernando-alonso'])],
    f"Fernando Alonso: {W['fernando-alonso']} Grand Prix wins, {len(t)} titles ({', '.join(map(str, t))}).", ['seasons/*/races/*/race-results.yml', 'seasons/*/driver-standings.yml'], accept_all=[str(W['fernando-alonso']), str(len(t))])

sp = sum(1 for r in s26 if r['sprint-race-results'] and pos(r, 1, 'sprint-race-results') == 'kimi-antonelli')
add('multi_part', 'gp_and_sprint_wins', "antonelli this year: GP wins and sprint wins separately pls", [str(aw)],
    f"2026 rounds 1-11: Kimi Antonelli {aw} Grand Prix wins and {sp} sprint win(s) (sprints are not counted as GP wins).", ['seasons/2026/races/*/race-results.yml', 'seasons/2026/races/*/sprint-race-results.yml'], accept_all=[str(aw), str(sp)])

# ---------------- checks + write ----------------
want = {'aggregate': 16, 'relational': 13, 'colloquial': 13, 'comparative': 10, 'unavailable': 10, 'career_history': 10, 'multi_part': 8}
cnt = collections.Counter(q['group'] for q in Q)
assert cnt == want, cnt
ok = True
for q in Q:
    if q['expect_unavailable']:
        assert q['accept'] == [] and 'accept_all' not in q
        continue
    assert q['accept'], q
    n_ = q['answer_note']
    if not (any(matches(n_, s) for s in q['accept']) and all(matches(n_, s) for s in q.get('accept_all', []))):
        ok = False; print('SELF-CHECK FAIL', q['question'], q['accept'], q.get('accept_all'), n_)
random.Random(20261203).shuffle(Q)
out = []
for i, q in enumerate(Q, 1):
    out.append({'id': f'fbd-{i:03d}', **q})
with open('/work/main/eval/fan-qa-blind-d.jsonl', 'w') as f:
    for q in out: f.write(json.dumps(q, ensure_ascii=False) + '\n')
print(dict(cnt), 'self-check', 'PASSED' if ok else 'FAILED')
