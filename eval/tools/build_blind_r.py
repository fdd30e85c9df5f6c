#!/usr/bin/env python3
"""Build fan-qa-blind-r.jsonl from f1db YAML. Deterministic; answers computed from data only."""
import os, sys, glob, json, pickle, random, re, unicodedata
from collections import Counter, defaultdict
import yaml
L = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)
D = os.environ.get('F1DB', '/work/shared/data/f1db/src/data')
CACHE = os.environ.get('BR_CACHE', '/tmp/r.pkl')
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fan-qa-blind-r.jsonl')

def ly(p):
    with open(p) as f: return yaml.load(f, Loader=L)

def load():
    if os.path.exists(CACHE):
        with open(CACHE, 'rb') as f: return pickle.load(f)
    db = {'drivers': {}, 'constructors': {}, 'em': {}, 'gp': {}, 'circ': {}, 'races': [], 'ds': {}, 'cs': {}, 'ent': {}}
    for k, d in (('drivers', 'drivers'), ('constructors', 'constructors'), ('em', 'engine-manufacturers'), ('gp', 'grands-prix'), ('circ', 'circuits')):
        for p in glob.glob(f'{D}/{d}/*.yml'):
            x = ly(p); db[k][x['id']] = x
    for sd in sorted(glob.glob(f'{D}/seasons/*')):
        y = int(os.path.basename(sd))
        for nm, k in (('driver-standings.yml', 'ds'), ('constructor-standings.yml', 'cs'), ('entrants.yml', 'ent')):
            if os.path.exists(f'{sd}/{nm}'): db[k][y] = ly(f'{sd}/{nm}') or []
        for rd in sorted(glob.glob(f'{sd}/races/*')):
            r = ly(f'{rd}/race.yml'); r['year'] = y; r['dir'] = os.path.relpath(rd, D)
            for nm in ('race-results', 'qualifying-results', 'starting-grid-positions', 'fastest-laps', 'sprint-race-results'):
                p = f'{rd}/{nm}.yml'
                r[nm] = (ly(p) or []) if os.path.exists(p) else None
            db['races'].append(r)
    db['races'].sort(key=lambda r: (r['year'], r['round']))
    with open(CACHE, 'wb') as f: pickle.dump(db, f)
    return db

db = load()
DR, CO, EM, GP = db['drivers'], db['constructors'], db['em'], db['gp']
RACES = [r for r in db['races'] if r['race-results']]
last = RACES[-1]
assert last['year'] == 2026 and last['round'] == 11 and last['grandPrixId'] == 'hungary', (last['year'], last['round'])
NOSTART = {'DNQ', 'DNPQ', 'DNS', 'DNP', 'EX'}

def fold(s): return ''.join(c for c in unicodedata.normalize('NFKD', s) if not unicodedata.combining(c))
def dn(i): return DR[i]['name']
def cn(i): return CO[i]['name']
def gpn(r): return f"{r['year']} {GP[r['grandPrixId']]['fullName']}"
def starts(r): return [x for x in r['race-results'] if str(x['position']) not in NOSTART]
def pos(r, p): return [x for x in r['race-results'] if str(x['position']) == str(p)]
STARTERS = {x['driverId'] for r in RACES for x in starts(r)}
SURN = Counter(DR[d]['lastName'] for d in STARTERS)
ALIAS = {'sergio-perez': ['Checo'], 'carlos-sainz-jr': ['Carlos Sainz'], 'kimi-antonelli': ['Antonelli', 'Kimi Antonelli']}
def dacc(i):
    n = dn(i); out = [n, fold(n)]
    s = DR[i]['lastName']
    if SURN[s] == 1: out += [s, fold(s)]
    out += ALIAS.get(i, [])
    return list(dict.fromkeys(out))
def cacc(i):
    out = [cn(i), fold(cn(i))]
    if CO[i].get('fullName'): out.append(CO[i]['fullName'])
    return list(dict.fromkeys(out))
def surname_key(i):  # string for accept_all
    s = DR[i]['lastName']; return fold(s) if SURN[s] == 1 else fold(dn(i))
def find_race(y, gp):
    rr = [r for r in RACES if r['year'] == y and r['grandPrixId'] == gp]
    assert len(rr) == 1, (y, gp); return rr[0]
def pole(r):
    q = [x for x in (r['qualifying-results'] or []) if str(x['position']) == '1']
    g = [x for x in (r['starting-grid-positions'] or []) if str(x['position']) == '1']
    assert len(q) == 1 and len(g) == 1 and q[0]['driverId'] == g[0]['driverId'], ('pole', r['dir'])
    return q[0]['driverId']
def top1(cnt, what=''):
    m = cnt.most_common(); assert m and (len(m) == 1 or m[0][1] > m[1][1]), ('tie', what, m[:3])
    return m[0]
def bottom1(cnt, what=''):
    m = sorted(cnt.items(), key=lambda kv: kv[1]); assert len(m) == 1 or m[0][1] < m[1][1], ('tie', what, m[:3])
    return m[0]
def wins_of(pred=lambda r: True):
    c = Counter()
    for r in RACES:
        if pred(r):
            w = pos(r, 1)
            for x in w: c[x['driverId']] += 1
    return c
def dob(i):
    v = DR[i]['dateOfBirth']; return v if not isinstance(v, str) else __import__('datetime').date.fromisoformat(v)
def age(i, d):
    import datetime
    if isinstance(d, str): d = datetime.date.fromisoformat(d)
    b = dob(i); y = d.year - b.year - ((d.month, d.day) < (b.month, b.day)); return y, (d - b).days
def ds_row(y, d):
    rr = [x for x in db['ds'][y] if x['driverId'] == d]; assert len(rr) == 1; return rr[0]
def src_all(*names): return [f'seasons/*/races/*/{n}.yml' for n in names]

recs, dropped = [], []
def add(group, category, question, accept, note, source, accept_all=None):
    recs.append(dict(category=category, group=group, question=question, accept=accept, accept_all=accept_all, expect_unavailable=False, answer_note=note, source=source))
def unav(category, question, note, source):
    recs.append(dict(category=category, group='unavailable', question=question, accept=[], accept_all=None, expect_unavailable=True, answer_note=note, source=source))
def attempt(name, fn, *a):
    try: fn(*a)
    except (AssertionError, KeyError, IndexError) as e: dropped.append(f'{name}{a}: {e!r}'[:200])

# ---------------- aggregate ----------------
def ag_circ(kind, circ, q):
    c = Counter()
    for r in RACES:
        if r['circuitId'] != circ: continue
        if kind == 'wins':
            for x in pos(r, 1): c[x['driverId']] += 1
        elif kind == 'poles': c[pole(r)] += 1
        elif kind == 'podiums':
            for p in (1, 2, 3):
                for x in pos(r, p): c[x['driverId']] += 1
    d, n = top1(c, circ)
    add('aggregate', f'most_{kind}_circuit', q, dacc(d), f"{dn(d)} with {n} {kind} at {db['circ'][circ]['fullName']} (championship races).", ['seasons/*/races/*/race.yml', 'seasons/*/races/*/race-results.yml'] + (['seasons/*/races/*/qualifying-results.yml', 'seasons/*/races/*/starting-grid-positions.yml'] if kind == 'poles' else []))
attempt('circ', ag_circ, 'wins', 'imola', 'Who has won the most F1 races at Imola?')
attempt('circ', ag_circ, 'poles', 'hungaroring', 'Which driver has taken the most pole positions at the Hungaroring?')
attempt('circ', ag_circ, 'wins', 'sepang', 'Who won the most Grands Prix at Sepang?')
attempt('circ', ag_circ, 'podiums', 'monaco', 'Who has the most podium finishes at Monaco?')
attempt('circ', ag_circ, 'wins', 'shanghai', 'Most wins at the Shanghai International Circuit — who holds that?')
attempt('circ', ag_circ, 'wins', 'suzuka', 'Which driver has won the most times at Suzuka?')

def ag_decade(kind, d0, q):
    c = Counter(); srcs = ['seasons/*/races/*/race-results.yml']
    for r in RACES:
        if not (d0 <= r['year'] < d0 + 10): continue
        if kind == 'wins':
            for x in pos(r, 1): c[x['driverId']] += 1
        elif kind == 'poles': c[pole(r)] += 1
        elif kind == 'fastest laps':
            for x in (r['fastest-laps'] or []):
                if str(x['position']) == '1': c[x['driverId']] += 1
    d, n = top1(c, (kind, d0))
    add('aggregate', f'most_{kind.replace(" ", "_")}_decade', q, dacc(d), f"{dn(d)} with {n} {kind} in {d0}-{d0+9}.", srcs)
attempt('dec', ag_decade, 'wins', 1960, 'Who won the most Grands Prix in the 1960s?')
attempt('dec', ag_decade, 'wins', 1980, 'Which driver won the most races during the 1980s?')
attempt('dec', ag_decade, 'fastest laps', 2010, 'Who set the most fastest laps in the 2010s?')
attempt('dec', ag_decade, 'wins', 1950, 'Who had the most race wins in the 1950s?')

def ag_team_top(kind, team, q):
    c = Counter()
    for r in RACES:
        if kind == 'wins':
            for x in pos(r, 1):
                if x['constructorId'] == team: c[x['driverId']] += 1
        elif kind == 'starts':
            for x in starts(r):
                if x['constructorId'] == team: c[x['driverId']] += 1
        elif kind == 'podiums':
            for p in (1, 2, 3):
                for x in pos(r, p):
                    if x['constructorId'] == team: c[x['driverId']] += 1
    d, n = top1(c, team)
    add('aggregate', f'team_top_{kind}', q, dacc(d), f"{dn(d)} with {n} Grand Prix {kind} for {cn(team)}.", ['seasons/*/races/*/race-results.yml'])
attempt('team', ag_team_top, 'wins', 'renault', 'Who has won the most races for Renault as a constructor?')
attempt('team', ag_team_top, 'starts', 'mclaren', 'Which driver has started the most Grands Prix for McLaren?')
attempt('team', ag_team_top, 'podiums', 'mercedes', 'Who has the most podiums driving for Mercedes?')
attempt('team', ag_team_top, 'wins', 'alfa-romeo', 'Who won the most races for Alfa Romeo?')

def ag_diffwinners(y, q):
    c = Counter(x['driverId'] for r in RACES if r['year'] == y for x in pos(r, 1))
    n = len(c); assert n > 0
    add('aggregate', 'distinct_winners_season', q, [str(n)], f"{n} different drivers won Grands Prix in {y}: " + ', '.join(f'{dn(d)} ({k})' for d, k in c.most_common()) + '.', [f'seasons/{y}/races/*/race-results.yml'])
attempt('dw', ag_diffwinners, 1982, 'How many different drivers won a race in 1982?')
attempt('dw', ag_diffwinners, 2012, 'How many different race winners were there in the 2012 season?')
def ag_nraces(y, q):
    n = sum(1 for r in RACES if r['year'] == y)
    add('aggregate', 'races_in_season', q, [str(n)], f"The {y} championship had {n} races.", [f'seasons/{y}/races/*/race.yml'])
attempt('nr', ag_nraces, 1958, 'How many championship races were held in 1958?')
def ag_age(kind, old, q):
    best = None
    for r in RACES:
        if kind == 'win': ds = [x['driverId'] for x in pos(r, 1)]
        else: ds = [pole(r)] if r['year'] >= 1950 else []
        for d in ds:
            if not DR[d].get('dateOfBirth'): continue
            a = age(d, r['date'])[1]
            key = -a if old else a
            if best is None or key < best[0]: best = (key, d, r, a)
            elif key == best[0] and d != best[1]: raise AssertionError('tie')
    _, d, r, a = best; yrs, _ = age(d, r['date'])
    add('aggregate', f"{'oldest' if old else 'youngest'}_{kind}", q, dacc(d), f"{dn(d)}, aged {yrs} ({a} days) at the {gpn(r)} ({r['date']}).", ['drivers/*.yml', 'seasons/*/races/*/race-results.yml'] + (['seasons/*/races/*/qualifying-results.yml'] if kind == 'pole' else []))
def _safe_pole_age(kind, old, q):
    # poles: skip races where qualifying/grid disagree by using only races where they agree
    global pole
    orig = pole
    def p2(r):
        try: return orig(r)
        except AssertionError: return None
    if kind == 'pole':
        best = None
        for r in RACES:
            d = p2(r)
            if not d or not DR[d].get('dateOfBirth'): continue
            a = age(d, r['date'])[1]; key = -a if old else a
            if best is None or key < best[0]: best = (key, d, r, a)
        _, d, r, a = best; yrs, _ = age(d, r['date'])
        add('aggregate', f"{'oldest' if old else 'youngest'}_pole", q, dacc(d), f"{dn(d)}, aged {yrs} ({a} days) at the {gpn(r)} ({r['date']}); counting races where qualifying P1 and grid P1 agree.", ['drivers/*.yml', 'seasons/*/races/*/qualifying-results.yml', 'seasons/*/races/*/starting-grid-positions.yml'])
    else: ag_age(kind, old, q)
attempt('age', _safe_pole_age, 'win', True, 'Who is the oldest driver ever to win a Formula 1 Grand Prix?')
attempt('age', _safe_pole_age, 'pole', False, 'Who is the youngest pole sitter in F1 history?')
attempt('age', _safe_pole_age, 'pole', True, 'Who is the oldest driver to take pole position?')
def ag_distinct_team_winners(team, q):
    c = Counter(x['driverId'] for r in RACES for x in pos(r, 1) if x['constructorId'] == team)
    add('aggregate', 'distinct_team_winners', q, [str(len(c))], f"{len(c)} different drivers have won for {cn(team)}: " + ', '.join(f'{dn(d)} ({k})' for d, k in c.most_common()) + '.', ['seasons/*/races/*/race-results.yml'])
attempt('dtw', ag_distinct_team_winners, 'williams', 'How many different drivers have won a Grand Prix for Williams?')
attempt('dtw', ag_distinct_team_winners, 'mclaren', 'How many different drivers have won a race for McLaren?')
def ag_season_most(y, kind, q):
    c = Counter()
    for r in RACES:
        if r['year'] != y: continue
        for x in r['race-results']:
            if kind == 'dnf' and str(x['position']) == 'DNF': c[x['driverId']] += 1
            if kind == 'podium' and str(x['position']) in ('1', '2', '3'): c[x['driverId']] += 1
    d, n = top1(c, (y, kind))
    add('aggregate', f'season_most_{kind}', q, dacc(d), f"{dn(d)} with {n} {'retirements (DNF)' if kind=='dnf' else 'podiums'} in {y}.", [f'seasons/{y}/races/*/race-results.yml'])
attempt('sm', ag_season_most, 1989, 'dnf', 'Which driver retired from the most races in 1989?')
attempt('sm', ag_season_most, 2001, 'dnf', 'Who had the most DNFs in the 2001 season?')
attempt('sm', ag_season_most, 1998, 'podium', 'Who stood on the podium most often in 1998?')
def ag_constructor_wins_season(y, q):
    c = Counter(x['constructorId'] for r in RACES if r['year'] == y for x in pos(r, 1))
    t, n = top1(c, y)
    add('aggregate', 'constructor_most_wins_season', q, cacc(t), f"{cn(t)} with {n} wins in {y}; " + ', '.join(f'{cn(k)} {v}' for k, v in c.most_common()) + '.', [f'seasons/{y}/races/*/race-results.yml'])
attempt('cw', ag_constructor_wins_season, 1983, 'Which constructor won the most races in 1983?')
attempt('cw', ag_constructor_wins_season, 1967, 'Which team won the most Grands Prix in 1967?')
attempt('circ', ag_circ, 'wins', 'hockenheimring', 'Who has won the most races at Hockenheim?')
attempt('circ', ag_circ, 'wins', 'montreal', 'Who has the most wins at the Circuit Gilles Villeneuve?')
attempt('dec', ag_decade, 'poles', 1970, 'Who took the most pole positions in the 1970s?')
attempt('sm', ag_season_most, 1985, 'dnf', 'Which driver retired from the most races in 1985?')
attempt('circ', ag_circ, 'wins', 'interlagos', 'Who has won the most races at Interlagos?')
attempt('cw', ag_constructor_wins_season, 1988, 'Which constructor won the most races in 1988?')
attempt('cw', ag_constructor_wins_season, 1976, 'Which constructor won the most races in 1976?')

# ---------------- colloquial ----------------
def co_points(d, y, q):
    r = ds_row(y, d); p = r['points']; p = int(p) if float(p).is_integer() else p
    add('colloquial', 'season_points', q, [str(p)], f"{dn(d)} scored {p} points in {y} (P{r['position']} in the drivers' standings{' after round 11' if y == 2026 else ''}).", [f'seasons/{y}/driver-standings.yml'])
attempt('pts', co_points, 'george-russell', 2026, 'how many points has russell got this season')
attempt('pts', co_points, 'oscar-piastri', 2026, 'piastri points so far this yr??')
attempt('pts', co_points, 'carlos-sainz-jr', 2025, 'how many pts did sainz score last year')
attempt('pts', co_points, 'oliver-bearman', 2026, 'ollie bearman points tally this season?')
attempt('pts', co_points, 'kimi-antonelli', 2025, 'what did kimi antonelli score in his rookie year (last season) points wise')
def co_career(d, kind, q):
    c = 0
    for r in RACES:
        for x in r['race-results']:
            if x['driverId'] != d: continue
            p = str(x['position'])
            if kind == 'wins' and p == '1': c += 1
            if kind == 'podiums' and p in ('1', '2', '3'): c += 1
        if kind == 'poles':
            try:
                if pole(r) == d: c += 1
            except AssertionError:
                q_ = [x for x in (r['qualifying-results'] or []) if str(x['position']) == '1' and x['driverId'] == d]
                assert not q_, ('pole disagreement', r['dir'])
    add('colloquial', f'career_{kind}', q, [str(c)], f"{dn(d)}: {c} career Grand Prix {kind}.", ['seasons/*/races/*/race-results.yml'] + (['seasons/*/races/*/qualifying-results.yml', 'seasons/*/races/*/starting-grid-positions.yml'] if kind == 'poles' else []))
attempt('car', co_career, 'mika-hakkinen', 'wins', 'how many races did the flying finn hakkinen win')
attempt('car', co_career, 'alain-prost', 'poles', 'the professor - how many poles did prost get in his career?')
attempt('car', co_career, 'nigel-mansell', 'podiums', 'Il Leone Mansell total podiums?')
attempt('car', co_career, 'jackie-stewart', 'wins', 'how many GPs did the flying scot jackie stewart win')
attempt('car', co_career, 'jenson-button', 'wins', 'jb career wins?')
attempt('car', co_career, 'nico-rosberg', 'poles', 'how many poles did nico rosbreg have')
attempt('car', co_career, 'valtteri-bottas', 'wins', 'bottas how many wins in total lol')
def co_winner(y, gp, q, p=1):
    r = find_race(y, gp); w = pos(r, p); assert len(w) == 1
    d = w[0]['driverId']
    add('colloquial', 'race_result' if p > 1 else 'race_winner', q, dacc(d), f"{gpn(r)} ({r['date']}): P{p} {dn(d)} ({cn(w[0]['constructorId'])}).", [f"{r['dir']}/race-results.yml"])
attempt('win', co_winner, 1971, 'italy', 'who won monza 71? the super close one')
attempt('win', co_winner, 1994, 'spain', 'who won the 1994 spainsh gp')
attempt('win', co_winner, 2008, 'brazil', 'who won interlagos 2008 the race not the title')
attempt('win', co_winner, 1987, 'great-britain', 'silverstone 87 winner?')
attempt('win', co_winner, 2026, 'hungary', 'who came 2nd in the last race', 2)
attempt('win', co_winner, 2026, 'belgium', 'who won spa this year')
attempt('win', co_winner, 1990, 'mexico', 'who won mexico 90')
def co_season_count(d, y, kind, q):
    c = 0
    for r in RACES:
        if r['year'] != y: continue
        if kind == 'poles': c += (pole(r) == d)
        if kind == 'wins': c += any(x['driverId'] == d for x in pos(r, 1))
    add('colloquial', f'season_{kind}', q, [str(c)], f"{dn(d)}: {c} Grand Prix {kind} in {y}.", [f'seasons/{y}/races/*/race-results.yml'] + ([f'seasons/{y}/races/*/qualifying-results.yml', f'seasons/{y}/races/*/starting-grid-positions.yml'] if kind == 'poles' else []))
attempt('sc', co_season_count, 'max-verstappen', 2025, 'poles', 'how many poles did max get last year')
attempt('sc', co_season_count, 'sergio-perez', 2021, 'wins', 'how many races did checo win in 2021')
attempt('sc', co_season_count, 'lewis-hamilton', 2007, 'poles', 'HAM poles in his rookie season 2007?')
attempt('sc', co_season_count, 'kimi-antonelli', 2026, 'wins', 'how many GPs has kimi antonelli won this season')

# ---------------- relational ----------------
def team_races(d, team, y):
    return [r for r in RACES if r['year'] == y and any(x['driverId'] == d and x['constructorId'] == team and str(x['position']) not in NOSTART for x in r['race-results'])]
def re_teammate(d, team, y, q):
    rs = team_races(d, team, y); assert rs
    c = Counter()
    for r in rs:
        for x in starts(r):
            if x['constructorId'] == team and x['driverId'] != d: c[x['driverId']] += 1
    m = c.most_common(); assert m and m[0][1] >= 0.8 * len(rs), ('tm80', m)
    assert all(v < 0.5 * len(rs) for k, v in m[1:]), ('tm-other', m)
    t = m[0][0]
    add('relational', 'teammate', q, dacc(t), f"{dn(t)} was {dn(d)}'s team-mate at {cn(team)} in {y}, in {m[0][1]} of {dn(d)}'s {len(rs)} starts for the team." + (f" Others: " + ', '.join(f'{dn(k)} ({v})' for k, v in m[1:]) if m[1:] else ''), [f'seasons/{y}/races/*/race-results.yml', f'seasons/{y}/entrants.yml'])
attempt('tm', re_teammate, 'fernando-alonso', 'mclaren', 2007, "Who was Alonso's team-mate at McLaren in 2007?")
attempt('tm', re_teammate, 'jenson-button', 'brawn', 2009, "Who partnered Jenson Button at Brawn in 2009?")
attempt('tm', re_teammate, 'nico-rosberg', 'mercedes', 2010, "Nico Rosberg's team-mate in 2010?")
attempt('tm', re_teammate, 'kimi-raikkonen', 'mclaren', 2005, "Who drove alongside Räikkönen at McLaren in 2005?")
attempt('tm', re_teammate, 'nelson-piquet', 'williams', 1986, "Who was Nelson Piquet's team-mate at Williams in 1986?")
attempt('tm', re_teammate, 'emerson-fittipaldi', 'mclaren', 1974, "Who was Emerson Fittipaldi's McLaren team-mate in 1974?")
attempt('tm', re_teammate, 'charles-leclerc', 'ferrari', 2019, "Leclerc's team-mate in his first Ferrari season, 2019?")
def re_engine(team, y, q):
    es = {e['engineManufacturerId'] for e in db['ent'][y] if e.get('constructorId') == team}
    rs = {x['engineManufacturerId'] for r in RACES if r['year'] == y for x in r['race-results'] if x['constructorId'] == team}
    assert len(es) == 1 and es == rs, ('engine', es, rs)
    e = es.pop()
    add('relational', 'engine', q, [EM[e]['name'], fold(EM[e]['name'])], f"{cn(team)} used {EM[e]['name']} engines in {y} (every entry).", [f'seasons/{y}/entrants.yml'])
attempt('eng', re_engine, 'tyrrell', 1998, 'What engine did Tyrrell run in 1998?')
attempt('eng', re_engine, 'arrows', 1999, 'Which engine maker powered Arrows in 1999?')
attempt('eng', re_engine, 'jaguar', 2003, 'Whose engines did Jaguar use in 2003?')
attempt('eng', re_engine, 'lotus', 1987, 'What engine was in the back of the 1987 Lotus?')
attempt('eng', re_engine, 'mclaren', 1983, 'Which engine did McLaren use in 1983?')
attempt('eng', re_engine, 'toro-rosso', 2008, 'Who supplied Toro Rosso engines in 2008?')
def re_lineup(team, y, q):
    c = Counter(x['driverId'] for r in RACES if r['year'] == y for x in starts(r) if x['constructorId'] == team)
    assert 2 <= len(c) <= 3
    ds = [d for d, _ in c.most_common()]
    add('relational', 'lineup', q, dacc(ds[0]), f"{cn(team)} {y} Grand Prix starters: " + ', '.join(f'{dn(d)} ({k} starts)' for d, k in c.most_common()) + '. All names required (accept_all).', [f'seasons/{y}/races/*/race-results.yml', f'seasons/{y}/entrants.yml'], accept_all=[surname_key(d) for d in ds])
attempt('lu', re_lineup, 'jaguar', 2002, 'Who drove for Jaguar in 2002?')
attempt('lu', re_lineup, 'stewart', 1999, 'Who were the Stewart drivers in 1999?')
def re_pos(y, gp, p, q):
    r = find_race(y, gp); w = pos(r, p); assert len(w) == 1; d = w[0]['driverId']
    add('relational', 'race_position', q, dacc(d), f"{gpn(r)}: P{p} {dn(d)} ({cn(w[0]['constructorId'])}).", [f"{r['dir']}/race-results.yml"])
attempt('pos', re_pos, 1986, 'australia', 2, 'Who finished second at Adelaide in 1986?')
attempt('pos', re_pos, 1996, 'monaco', 3, 'Who took third in the 1996 Monaco Grand Prix?')
def re_adj(y, gp, d, behind, q):
    r = find_race(y, gp); me = [x for x in r['race-results'] if x['driverId'] == d]; assert len(me) == 1
    p = int(me[0]['position']); t = p + 1 if behind else p - 1; w = pos(r, t); assert len(w) == 1
    o = w[0]['driverId']
    add('relational', 'adjacent_finisher', q, dacc(o), f"{gpn(r)}: {dn(d)} P{p}; P{t} {dn(o)}.", [f"{r['dir']}/race-results.yml"])
attempt('adj', re_adj, 2021, 'abu-dhabi', 'lewis-hamilton', True, 'Who finished right behind Hamilton at Abu Dhabi 2021?')
attempt('adj', re_adj, 2010, 'abu-dhabi', 'fernando-alonso', False, 'Who finished directly ahead of Alonso at the 2010 Abu Dhabi GP?')
def re_standing(y, p, cons, q):
    rows = db['cs' if cons else 'ds'][y]; w = [x for x in rows if str(x['position']) == str(p)]; assert len(w) == 1
    if cons:
        t = w[0]['constructorId']; add('relational', 'constructors_position', q, cacc(t), f"{y} constructors' championship: P{p} {cn(t)} ({w[0]['points']} points).", [f'seasons/{y}/constructor-standings.yml'])
    else:
        d = w[0]['driverId']; add('relational', 'drivers_position', q, dacc(d), f"{y} drivers' championship: P{p} {dn(d)} ({w[0]['points']} points).", [f'seasons/{y}/driver-standings.yml'])
attempt('st', re_standing, 1958, 2, False, "Who was runner-up in the 1958 drivers' championship?")
attempt('st', re_standing, 1981, 2, False, 'Who finished second in the 1981 world championship?')
attempt('st', re_standing, 1994, 2, True, "Which team was second in the 1994 constructors' standings?")

# ---------------- career history ----------------
def dres(d):
    return [(r, x) for r in RACES for x in r['race-results'] if x['driverId'] == d]
def ch_first_last(d, kind, first, q):
    rs = [(r, x) for r, x in dres(d) if (str(x['position']) == '1' if kind == 'win' else str(x['position']) in ('1', '2', '3') if kind == 'podium' else str(x['position']) not in NOSTART)]
    assert rs; r, x = rs[0] if first else rs[-1]
    gpname = GP[r['grandPrixId']]['fullName']
    add('career_history', f"{'first' if first else 'last'}_{kind}", q, [gpname, fold(gpname)], f"{dn(d)}'s {'first' if first else 'last'} {'start' if kind=='race' else kind}: {gpn(r)} ({r['date']}), P{x['position']} for {cn(x['constructorId'])}. Race and year required (accept_all).", [f"{r['dir']}/race-results.yml"], accept_all=[str(r['year'])])
attempt('fl', ch_first_last, 'mika-hakkinen', 'win', True, "Where and when did Häkkinen win his first Grand Prix?")
attempt('fl', ch_first_last, 'nigel-mansell', 'win', True, "Which race was Nigel Mansell's first F1 win (and what year)?")
attempt('fl', ch_first_last, 'oscar-piastri', 'win', True, "Which Grand Prix did Piastri win first, and in what year?")
attempt('fl', ch_first_last, 'fernando-alonso', 'win', False, "When was Alonso's most recent Grand Prix win — which race and year?")
attempt('fl', ch_first_last, 'sebastian-vettel', 'win', False, "What was Vettel's last ever F1 win? Race and year please")
attempt('fl', ch_first_last, 'felipe-massa', 'win', False, "Felipe Massa's final race win — which GP, which year?")
attempt('fl', ch_first_last, 'lando-norris', 'podium', True, "Where did Lando Norris get his first podium? Race and year.")
attempt('fl', ch_first_last, 'george-russell', 'podium', True, "George Russell's first F1 podium: which race and which year?")
attempt('fl', ch_first_last, 'sebastian-vettel', 'race', True, "Which race was Sebastian Vettel's Grand Prix debut, and what year?")
def ch_seasons(d, q):
    ys = sorted({r['year'] for r, x in dres(d) if str(x['position']) not in NOSTART})
    add('career_history', 'number_of_seasons', q, [str(len(ys))], f"{dn(d)} started races in {len(ys)} seasons ({ys[0]}-{ys[-1]}).", ['seasons/*/races/*/race-results.yml'])
attempt('ns', ch_seasons, 'rubens-barrichello', 'How many seasons did Rubens Barrichello race in F1?')
attempt('ns', ch_seasons, 'jenson-button', 'In how many different seasons did Jenson Button start a Grand Prix?')
def ch_debut_year(d, q):
    ys = sorted({r['year'] for r, x in dres(d) if str(x['position']) not in NOSTART})
    add('career_history', 'debut_year', q, [str(ys[0])], f"{dn(d)} made his first Grand Prix start in {ys[0]}.", ['seasons/*/races/*/race-results.yml'])
attempt('dy', ch_debut_year, 'alain-prost', 'What year did Alain Prost make his F1 debut?')
attempt('dy', ch_debut_year, 'ayrton-senna', 'When did Senna first race in Formula 1 (year)?')
def ch_team_first(team, kind, q):
    for r in RACES:
        if kind == 'pole':
            try: pd = pole(r)
            except AssertionError: continue
            x = [x for x in r['qualifying-results'] if x['driverId'] == pd][0]
            if x['constructorId'] == team: d = pd; break
        else:
            w = [x for x in pos(r, 1) if x['constructorId'] == team]
            if w: d = w[0]['driverId']; break
    else: raise AssertionError('none')
    add('career_history', f'team_first_{kind}', q, dacc(d), f"{cn(team)}'s first {kind}: {dn(d)} at the {gpn(r)} ({r['date']}). Driver and year required (accept_all).", [f"{r['dir']}/race-results.yml"], accept_all=[str(r['year'])])
attempt('tf', ch_team_first, 'red-bull', 'pole', "Who took Red Bull's first ever pole, and in what year?")
attempt('tf', ch_team_first, 'ferrari', 'win', "Who gave Ferrari its first championship Grand Prix win, and when?")

# ---------------- comparative ----------------
def cp_season(a, b, y, q):
    ra, rb = ds_row(y, a), ds_row(y, b)
    w, l = (ra, rb) if int(ra['position']) < int(rb['position']) else (rb, ra)
    m = w['points'] - l['points']; m = int(m) if float(m).is_integer() else m
    add('comparative', 'season_points_h2h', q, dacc(w['driverId']), f"{y}: {dn(w['driverId'])} P{w['position']} {w['points']} pts vs {dn(l['driverId'])} P{l['position']} {l['points']} pts; margin {m}. Name and margin required.", [f'seasons/{y}/driver-standings.yml'], accept_all=[surname_key(w['driverId']), str(m)])
attempt('cps', cp_season, 'lewis-hamilton', 'felipe-massa', 2008, 'Hamilton vs Massa in 2008: who finished higher and by how many points?')
attempt('cps', cp_season, 'sebastian-vettel', 'fernando-alonso', 2010, 'In 2010, did Vettel or Alonso end up ahead in the championship, and by how many points?')
attempt('cps', cp_season, 'nico-rosberg', 'lewis-hamilton', 2016, 'Rosberg v Hamilton 2016 — who came out on top and what was the points gap?')
attempt('cps', cp_season, 'lando-norris', 'oscar-piastri', 2026, 'Norris or Piastri — who has more points this season, and by how much?')
attempt('cps', cp_season, 'charles-leclerc', 'lewis-hamilton', 2025, 'Leclerc vs Hamilton last year at Ferrari: who finished ahead on points and by what margin?')
def cp_career(a, b, kind, q):
    ca = Counter()
    for r in RACES:
        for x in r['race-results']:
            if x['driverId'] in (a, b):
                if kind == 'wins' and str(x['position']) == '1': ca[x['driverId']] += 1
                if kind == 'podiums' and str(x['position']) in ('1', '2', '3'): ca[x['driverId']] += 1
    assert ca[a] != ca[b]
    w, l = (a, b) if ca[a] > ca[b] else (b, a)
    add('comparative', f'career_{kind}_h2h', q, dacc(w), f"{dn(w)} {ca[w]} career {kind} vs {dn(l)} {ca[l]}; margin {ca[w]-ca[l]}. Name and count required.", ['seasons/*/races/*/race-results.yml'], accept_all=[surname_key(w), str(ca[w])])
attempt('cpc', cp_career, 'alain-prost', 'ayrton-senna', 'wins', 'Prost or Senna — who won more Grands Prix in their career, and how many?')
attempt('cpc', cp_career, 'nigel-mansell', 'nelson-piquet', 'wins', 'Mansell vs Piquet: who has more career wins, and what is his total?')
attempt('cpc', cp_career, 'jim-clark', 'jackie-stewart', 'wins', 'Jim Clark or Jackie Stewart, who won more races and how many?')
attempt('cpc', cp_career, 'fernando-alonso', 'sebastian-vettel', 'podiums', 'Who has more career podiums, Alonso or Vettel, and how many?')
def cp_race(a, b, y, gp, q):
    r = find_race(y, gp)
    pa = [x for x in r['race-results'] if x['driverId'] == a][0]; pb = [x for x in r['race-results'] if x['driverId'] == b][0]
    ia, ib = str(pa['position']), str(pb['position']); assert ia.isdigit() and ib.isdigit()
    w, l, pw, pl = (a, b, int(ia), int(ib)) if int(ia) < int(ib) else (b, a, int(ib), int(ia))
    add('comparative', 'race_h2h', q, dacc(w), f"{gpn(r)}: {dn(w)} P{pw}, {dn(l)} P{pl}. Name and position required.", [f"{r['dir']}/race-results.yml"], accept_all=[surname_key(w), str(pw)])
attempt('cpr', cp_race, 'george-russell', 'kimi-antonelli', 2026, 'monaco', 'Monaco this year: Russell or Antonelli, who finished higher and in what position?')
attempt('cpr', cp_race, 'max-verstappen', 'charles-leclerc', 2026, 'austria', 'Austrian GP 2026 — did Verstappen or Leclerc finish ahead, and where?')
attempt('cpr', cp_race, 'ayrton-senna', 'alain-prost', 1988, 'japan', 'Suzuka 1988, Senna vs Prost: who finished ahead, and in which position?')
attempt('cpr', cp_race, 'damon-hill', 'michael-schumacher', 1996, 'japan', 'At the 1996 Japanese GP, who finished higher between Damon Hill and Michael Schumacher, and in what position?')

# ---------------- multi-part ----------------
def mp_wins_poles(d, y, q):
    w = sum(1 for r in RACES if r['year'] == y for x in pos(r, 1) if x['driverId'] == d)
    p = sum(1 for r in RACES if r['year'] == y if pole(r) == d)
    add('multi_part', 'wins_and_poles', q, [str(w)], f"{dn(d)} in {y}: {w} wins and {p} poles (qualifying P1 = grid P1 in every race). Both numbers required.", [f'seasons/{y}/races/*/race-results.yml', f'seasons/{y}/races/*/qualifying-results.yml'], accept_all=list(dict.fromkeys([str(w), str(p)])))
attempt('mwp', mp_wins_poles, 'mika-hakkinen', 1998, 'How many wins and how many poles did Häkkinen have in 1998?')
attempt('mwp', mp_wins_poles, 'nigel-mansell', 1992, "Mansell's 1992: number of wins and number of poles?")
attempt('mwp', mp_wins_poles, 'lewis-hamilton', 2020, 'Give me Hamilton 2020 wins and poles')
def mp_podium(y, gp, q):
    r = find_race(y, gp); ds = []
    for p in (1, 2, 3):
        w = pos(r, p); assert len(w) == 1; ds.append(w[0]['driverId'])
    add('multi_part', 'podium', q, dacc(ds[0]), f"{gpn(r)}: P1 {dn(ds[0])}, P2 {dn(ds[1])}, P3 {dn(ds[2])}. All three required.", [f"{r['dir']}/race-results.yml"], accept_all=[surname_key(d) for d in ds])
attempt('mpo', mp_podium, 1976, 'japan', 'Who were the top three at Fuji in 1976?')
attempt('mpo', mp_podium, 2026, 'canada', 'podium in canada this year? all 3 pls')
attempt('mpo', mp_podium, 2003, 'brazil', 'Name the podium of the 2003 Brazilian GP')
attempt('mpo', mp_podium, 1999, 'europe', 'Who made up the podium at the 1999 European Grand Prix?')
def mp_champ_team(y, q):
    r = [x for x in db['ds'][y] if str(x['position']) == '1']; assert len(r) == 1; d = r[0]['driverId']
    c = [x for x in db['cs'][y] if str(x['position']) == '1']; assert len(c) == 1; t = c[0]['constructorId']
    add('multi_part', 'champions', q, dacc(d), f"{y}: drivers' champion {dn(d)} ({r[0]['points']} pts); constructors' champion {cn(t)} ({c[0]['points']} pts). Both required.", [f'seasons/{y}/driver-standings.yml', f'seasons/{y}/constructor-standings.yml'], accept_all=[surname_key(d), fold(cn(t))])
attempt('mch', mp_champ_team, 1983, "Who won the 1983 drivers' title, and which team won the constructors'?")
attempt('mch', mp_champ_team, 1999, "1999 champions — driver and constructor?")
attempt('mch', mp_champ_team, 2025, "last year's champions: driver and team?")
def mp_winner_pole(y, gp, q):
    r = find_race(y, gp); w = pos(r, 1); assert len(w) == 1; d = w[0]['driverId']; p = pole(r)
    assert d != p
    add('multi_part', 'winner_and_pole', q, dacc(d), f"{gpn(r)}: won by {dn(d)}; pole {dn(p)}. Both required.", [f"{r['dir']}/race-results.yml", f"{r['dir']}/qualifying-results.yml"], accept_all=[surname_key(d), surname_key(p)])
attempt('mwpo', mp_winner_pole, 2026, 'great-britain', 'silverstone this year - who was on pole and who won?')
attempt('mwpo', mp_winner_pole, 1995, 'italy', 'Monza 1995: pole sitter and race winner?')
attempt('mwpo', mp_winner_pole, 2012, 'europe', 'Valencia 2012 — who started on pole and who won?')

# ---------------- unavailable ----------------
cal2026 = {}
for p in glob.glob(f'{D}/seasons/2026/races/*/race.yml'):
    x = ly(p); cal2026[x['grandPrixId']] = x
run26 = {r['grandPrixId'] for r in RACES if r['year'] == 2026}
def un_future(gp, q):
    assert gp in cal2026 and gp not in run26 and cal2026[gp]['round'] > 11
    unav('race_not_run', q, f"The 2026 {GP[gp]['fullName']} (round {cal2026[gp]['round']}, {cal2026[gp]['date']}) has no results in the data; results run to round 11 (Hungary).", [f"seasons/2026/races/*-{gp}/race.yml"])
attempt('fut', un_future, 'italy', 'Who won the Italian GP at Monza this year?')
attempt('fut', un_future, 'mexico', 'Who won in Mexico City this season?')
attempt('fut', un_future, 'las-vegas', 'who won vegas this year?')
attempt('fut', un_future, 'abu-dhabi', 'Who won the 2026 Abu Dhabi Grand Prix?')
attempt('fut', un_future, 'singapore', 'who got pole in singapore 2026')
def un_notheld(y, gp, q):
    assert not any(r['year'] == y and r['grandPrixId'] == gp for r in db['races'])
    unav('race_not_held', q, f"There was no {GP[gp]['fullName']} in {y}; the {y} calendar has no such race.", [f'seasons/{y}/races/*/race.yml'])
attempt('nh', un_notheld, 2020, 'monaco', 'Who won the 2020 Monaco Grand Prix?')
attempt('nh', un_notheld, 1985, 'united-states', 'Who took pole at the 1985 United States Grand Prix?')
attempt('nh', un_notheld, 2022, 'russia', 'Who won in Sochi in 2022?')
def un_nostart(d, q):
    rs = dres(d); assert rs and all(str(x['position']) in NOSTART for r, x in rs)
    unav('never_started', q, f"{dn(d)} entered {len(rs)} Grand Prix weekend(s) but never started a race (results: {', '.join(sorted({str(x['position']) for r, x in rs}))}), so there is no best race finish.", ['seasons/*/races/*/race-results.yml'])
cands = sorted(d for d in DR if d not in STARTERS and any(x['driverId'] == d for r in RACES for x in r['race-results']) and 1985 <= min(r['year'] for r in RACES for x in r['race-results'] if x['driverId'] == d) <= 2005)
if cands:
    d = cands[len(cands) // 2]
    attempt('ns', un_nostart, d, f"What was {dn(d)}'s best race finish in Formula 1?")
else: dropped.append('never_started: no candidate')
unav('no_data', 'What top speed did Verstappen hit on the Kemmel straight at Spa this year?', 'f1db holds no speed-trap or telemetry data.', ['seasons/2026/races/10-belgium/race-results.yml'])
unav('no_data', "What did Hamilton say on team radio after the 2026 British GP?", 'f1db holds no team-radio content.', ['seasons/2026/races/09-great-britain/race-results.yml'])
unav('no_data', "How much fuel did Norris have left after the 2026 Hungarian GP?", 'f1db holds no fuel or telemetry data.', ['seasons/2026/races/11-hungary/race-results.yml'])

# ---------------- finalize ----------------
def norm(s): return fold(s).lower()
def hit(note, s):
    n, s = norm(note), norm(s)
    if s.isdigit(): return re.search(r'(?<![\d.])' + re.escape(s) + r'(?![\d]|\.\d)', n) is not None
    return s in n
for r in recs:
    if not r['expect_unavailable']:
        assert r['accept'] and any(hit(r['answer_note'], a) for a in r['accept']), r
        assert all(hit(r['answer_note'], a) for a in (r['accept_all'] or [])), r
qs = [r['question'] for r in recs]; assert len(qs) == len(set(qs))
random.Random(20261211).shuffle(recs)
with open(OUT, 'w') as f:
    for i, r in enumerate(recs, 1):
        o = {'id': f'fbr-{i:03d}', 'category': r['category'], 'group': r['group'], 'question': r['question'], 'accept': r['accept']}
        if r['accept_all']: o['accept_all'] = r['accept_all']
        o.update(expect_unavailable=r['expect_unavailable'], answer_note=r['answer_note'], source=r['source'])
        f.write(json.dumps(o, ensure_ascii=False) + '\n')
print(len(recs), dict(Counter(r['group'] for r in recs)))
print('dropped:', len(dropped)); [print(' ', x) for x in dropped]
