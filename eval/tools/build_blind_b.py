#!/usr/bin/env python3
"""Build the held-out fan-QA set /work/main/eval/fan-qa-blind-b.jsonl from the f1db YAML.

Every answer is computed here from shared/data/f1db/src/data (read-only). Question wording, the entity a
question is about and the fan aliases are written by hand; values (names, counts, points, dates) come from the
YAML. The script ends with the README self-check: each answerable record's answer_note is graded with rules 1-3
as if it were a reply and must pass.

Run:  python3 /work/main/eval/tools/build_blind_b.py
"""
import datetime as dt
import functools
import json
import os
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict

import yaml

D = '/work/shared/data/f1db/src/data'
OUT = '/work/main/eval/fan-qa-blind-b.jsonl'
Loader = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)

TODAY = dt.date(2026, 12, 3)
LAST_COMPLETE_SEASON = 2025
THIS_YEAR = 2026


# ----------------------------------------------------------------------------------------------- loading
@functools.lru_cache(None)
def y(path):
    p = os.path.join(D, path)
    if not os.path.exists(p):
        return None
    with open(p) as f:
        return yaml.load(f, Loader=Loader)


@functools.lru_cache(None)
def races():
    out = []
    for sd in sorted(os.listdir(D + '/seasons')):
        rd = f'{D}/seasons/{sd}/races'
        if not os.path.isdir(rd):
            continue
        for r in sorted(os.listdir(rd)):
            meta = dict(y(f'seasons/{sd}/races/{r}/race.yml'))
            meta['dir'] = f'seasons/{sd}/races/{r}'
            meta['year'] = int(sd)
            meta['date'] = todate(meta['date'])
            out.append(meta)
    out.sort(key=lambda r: (r['date'], r['round']))
    return out


def todate(v):
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))


def res(r, kind='race-results'):
    return y(f"{r['dir']}/{kind}.yml") or []


def done_races():
    return [r for r in races() if res(r)]


def race(year, gp):
    rs = [r for r in races() if r['year'] == year and r['grandPrixId'] == gp]
    assert len(rs) == 1, (year, gp, rs)
    return rs[0]


def drv(i):
    return y(f'drivers/{i}.yml')


def dname(i):
    return drv(i)['name']


def cname(i):
    return y(f'constructors/{i}.yml')['name']


def ename(i):
    return y(f'engine-manufacturers/{i}.yml')['name']


def gpname(i):
    return y(f'grands-prix/{i}.yml')['fullName']


def circ(i):
    return y(f'circuits/{i}.yml')


def rlabel(r):
    return f"{r['year']} {gpname(r['grandPrixId'])} ({r['date'].isoformat()})"


def at(r, pos, kind='race-results'):
    return [e for e in res(r, kind) if e['position'] == pos]


def winners(r):
    return [e['driverId'] for e in at(r, 1)]


def pole(r):
    return [e['driverId'] for e in at(r, 1, 'qualifying-results')]


def standings(year, kind='driver'):
    return y(f'seasons/{year}/{kind}-standings.yml') or []


def champion(year, kind='driver'):
    key = 'driverId' if kind == 'driver' else 'constructorId'
    return [e[key] for e in standings(year, kind) if e['position'] == 1]


def pts(year, ident, kind='driver'):
    key = 'driverId' if kind == 'driver' else 'constructorId'
    return next(e for e in standings(year, kind) if e[key] == ident)


def age(born, on):
    born, on = todate(born), todate(on)
    yrs = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    anniv = born.replace(year=born.year + yrs)
    return yrs, (on - anniv).days


def num(x):
    """Points as digits: 133.0 -> '133', 0.5 -> '0.5'."""
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return str(x)


# ----------------------------------------------------------------------------------------------- global tallies
@functools.lru_cache(None)
def tallies():
    t = defaultdict(Counter)
    for r in done_races():
        rr = res(r)
        for e in rr:
            if e['position'] == 1:
                t['win'][e['driverId']] += 1
            if e['position'] in (1, 2, 3):
                t['podium'][e['driverId']] += 1
            if e.get('grandSlam'):
                t['grandslam'][e['driverId']] += 1
            if e['position'] not in ('DNQ', 'DNPQ', 'DNP', 'EX', 'DNS'):
                t['start'][e['driverId']] += 1
        for c in {e['constructorId'] for e in rr if e['position'] == 1}:
            t['cwin'][c] += 1
        for e in res(r, 'qualifying-results'):
            if e['position'] == 1:
                t['pole'][e['driverId']] += 1
        for e in res(r, 'starting-grid-positions'):
            if e['position'] == 1:
                t['grid1'][e['driverId']] += 1
        for e in res(r, 'fastest-laps'):
            if e['position'] == 1:
                t['fl'][e['driverId']] += 1
    return t


def all_winners():
    return set(tallies()['win'])


def field(r):
    return {e['driverId'] for e in res(r)}


def season_field(year):
    s = set()
    for r in done_races():
        if r['year'] == year:
            s |= field(r)
    return s


# ----------------------------------------------------------------------------------------------- accept helpers
def fold(s):
    return ''.join(ch for ch in unicodedata.normalize('NFKD', s) if not unicodedata.combining(ch)).lower()


def uniq(xs):
    seen, out = set(), []
    for x in xs:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def strip_accents(s):
    return ''.join(ch for ch in unicodedata.normalize('NFKD', s) if not unicodedata.combining(ch))


def surname_unique(did, scope):
    ln = fold(drv(did)['lastName'])
    return all(fold(drv(o)['lastName']) != ln for o in scope if o != did)


def names(did, scope, aliases=()):
    d = drv(did)
    out = [d['name'], strip_accents(d['name'])]
    if surname_unique(did, scope | {did}):
        out += [d['lastName'], strip_accents(d['lastName'])]
    out += list(aliases)
    return uniq(out)


ALIASES = {
    'michael-schumacher': ['M. Schumacher', 'Schumi'],
    'ralf-schumacher': ['R. Schumacher'],
    'sergio-perez': ['Checo'],
    'kimi-antonelli': ['Andrea Kimi Antonelli'],
    'nico-hulkenberg': ['Hulkenberg', 'Hülkenberg'],
    'max-verstappen': [],
    'alex-zanardi': ['Alessandro Zanardi'],
    'nino-farina': ['Giuseppe Farina'],
    'alexander-albon': ['Alex Albon'],
    'jackie-stewart': [],
}


def N(did, scope, extra=()):
    return names(did, scope, list(ALIASES.get(did, [])) + list(extra))


# ----------------------------------------------------------------------------------------------- grading (README rules 1-3)
def norm(s):
    return fold(s)


def matches(reply, s):
    r, s = norm(reply), norm(s)
    if re.fullmatch(r'\d+', s):
        return re.search(r'(?<!\d)(?<!\d[.,])' + s + r'(?![\d])(?![.,]\d)', r) is not None
    return s in r


def grade(rec, reply):
    if rec['expect_unavailable']:
        raise ValueError('unavailable records are judged, not string-matched')
    ok = any(matches(reply, a) for a in rec['accept'])
    return ok and all(matches(reply, a) for a in rec.get('accept_all', []))


# ----------------------------------------------------------------------------------------------- records
RECS = []


def rec(group, category, question, accept, note, source, accept_all=None, unavailable=False):
    r = {'category': category, 'group': group, 'question': question, 'accept': [] if unavailable else uniq(accept)}
    if accept_all:
        r['accept_all'] = list(accept_all)
    r['expect_unavailable'] = unavailable
    r['answer_note'] = note
    r['source'] = source
    RECS.append(r)
    return r


T = tallies()
W = all_winners()


def top(counter, n=3):
    return counter.most_common(n)


def top_list(counter, n=3):
    return ', '.join(f'{dname(k)} {v}' for k, v in counter.most_common(n))


# ============================================================================ AGGREGATE (18)
# a1 most fastest laps
c = T['fl']; (k1, v1), (k2, v2) = top(c, 2)
assert v1 > v2
rec('aggregate', 'career_record', 'fastest lap record holder (career)?',
    N(k1, W),
    f"{dname(k1)} has the most race fastest laps: {v1} (P1 of fastest-laps.yml over every race with results, as of "
    f"the 2026 Hungarian GP). Next: {dname(k2)} {v2}.",
    ['seasons/*/races/*/fastest-laps.yml'])

# a2 most grand slams
c = T['grandslam']; (k1, v1), (k2, v2) = top(c, 2)
assert v1 > v2
others = [dname(k) for k, v in c.items() if v == v2]
rec('aggregate', 'career_record',
    'Which driver has the most grand slams - pole, win, fastest lap and leading every lap in the same race?',
    N(k1, W),
    f"{dname(k1)} with {v1} grand slams (race-results grandSlam flag). Next: {', '.join(sorted(others))} with {v2} each.",
    ['seasons/*/races/*/race-results.yml'])

# a3 most wins by a team in one season
sc = Counter(); nr = Counter()
for r in done_races():
    nr[r['year']] += 1
    for cc in {e['constructorId'] for e in at(r, 1)}:
        sc[(r['year'], cc)] += 1
((yy, cc), v1), (_, v2) = sc.most_common(2)
assert v1 > v2
rec('aggregate', 'season_record', "what's the most races one team has won in a single season",
    [str(v1)],
    f"{v1} wins: {cname(cc)} in {yy} won {v1} of the {nr[yy]} Grands Prix. The next best is {v2}. "
    f"A win is race-results P1, counted once per race per constructor.",
    [f'seasons/{yy}/races/*/race-results.yml'], accept_all=[cname(cc)])

# a4 Monaco poles
c = Counter(); cg = Counter()
for r in done_races():
    if r['grandPrixId'] == 'monaco':
        c.update(pole(r))
        cg.update(e['driverId'] for e in at(r, 1, 'starting-grid-positions'))
(k1, v1), (k2, v2) = top(c, 2)
assert cg[k1] == v1
assert v1 > v2
rec('aggregate', 'gp_record', "who's the king of monaco qualifying - most poles there?",
    N(k1, W),
    f"{dname(k1)} took {v1} Monaco GP poles (qualifying P1). Next: "
    f"{', '.join(sorted(dname(k) for k, v in c.items() if v == v2))} with {v2} each.",
    ['seasons/*/races/*-monaco/qualifying-results.yml'])

# a5 most podiums without a win
nowin = Counter({k: v for k, v in T['podium'].items() if T['win'][k] == 0})
(k1, v1), (k2, v2) = top(nowin, 2)
assert v1 > v2
rec('aggregate', 'career_record', 'who has the most podiums without ever winning a grand prix',
    N(k1, set(T['podium'])),
    f"{dname(k1)}: {v1} Grand Prix podiums (race-results P1-P3, sprints excluded) and no win. "
    f"Next: {dname(k2)} {v2}.",
    ['seasons/*/races/*/race-results.yml'])

# a6 distinct winners 2012
ws = set()
for r in done_races():
    if r['year'] == 2012:
        ws |= set(winners(r))
rec('aggregate', 'season_count', '2012 had loads of different winners, how many exactly',
    [str(len(ws))],
    f"{len(ws)} different winners in 2012: {', '.join(sorted(dname(w) for w in ws))}.",
    ['seasons/2012/races/*/race-results.yml'])

# a7 oldest winner
old = []
for r in done_races():
    for e in at(r, 1):
        old.append(((r['date'] - todate(drv(e['driverId'])['dateOfBirth'])).days, e['driverId'], r))
old.sort(key=lambda x: -x[0])
days, k1, r1 = old[0]
a_y, a_d = age(drv(k1)['dateOfBirth'], r1['date'])
rec('aggregate', 'age_record', 'oldest guy to ever win an f1 race?',
    N(k1, W),
    f"{dname(k1)} won the {rlabel(r1)} aged {a_y} years {a_d} days (a shared drive with Juan Manuel Fangio; "
    f"shared-car wins count for both drivers). Next oldest: {dname(old[1][1])} ({old[1][2]['year']}).",
    [f"drivers/{k1}.yml", f"{r1['dir']}/race-results.yml"])

# a8 lowest grid position won from
lg = []
for r in done_races():
    for e in at(r, 1):
        if isinstance(e.get('gridPosition'), int):
            lg.append((e['gridPosition'], e['driverId'], r))
lg.sort(key=lambda x: -x[0])
g1, k1, r1 = lg[0]
assert g1 > lg[1][0]
rec('aggregate', 'grid_record', "what's the lowest grid position anyone has won a race from?",
    [str(g1), f'{g1}nd'],
    f"{g1}nd on the grid: {dname(k1)} won the {rlabel(r1)} (Long Beach) from grid {g1}. Next lowest: "
    f"{dname(lg[1][1])} from {lg[1][0]} at the {lg[1][2]['year']} {gpname(lg[1][2]['grandPrixId'])}.",
    [f"{r1['dir']}/race-results.yml", 'seasons/*/races/*/race-results.yml'], accept_all=[drv(k1)['lastName']])

# a9 Belgian GPs held
bel = [r for r in done_races() if r['grandPrixId'] == 'belgium']
rec('aggregate', 'gp_count', 'How many Belgian Grands Prix have been run as world championship rounds up to now?',
    [str(len(bel))],
    f"{len(bel)} Belgian Grands Prix with results, {bel[0]['year']}-{bel[-1]['year']} (the latest is round "
    f"{bel[-1]['round']} of 2026). Circuits: "
    f"{', '.join(sorted({circ(r['circuitId'])['name'] for r in bel}))}.",
    ['seasons/*/races/*-belgium/race.yml', 'seasons/*/races/*-belgium/race-results.yml'])

# a10 McLaren wins 1988
m88 = [r for r in done_races() if r['year'] == 1988]
mw = [r for r in m88 if any(e['constructorId'] == 'mclaren' for e in at(r, 1))]
rec('aggregate', 'season_count', 'how many races did mclaren win in 1988',
    [str(len(mw))],
    f"McLaren won {len(mw)} of the {len(m88)} races in 1988 (Senna "
    f"{sum(1 for r in mw if 'ayrton-senna' in winners(r))}, Prost {sum(1 for r in mw if 'alain-prost' in winners(r))}); "
    f"the one they missed was the {[r for r in m88 if r not in mw][0]['year']} "
    f"{gpname([r for r in m88 if r not in mw][0]['grandPrixId'])}.",
    ['seasons/1988/races/*/race-results.yml'])

# a11 longest winning streak
best = (0, None, None, None); cur = {}
for r in done_races():
    w = set(winners(r))
    cur = {d: (cur.get(d, (0, r))[0] + 1, cur.get(d, (0, r))[1]) for d in w}
    for d, (n, start) in cur.items():
        if n > best[0]:
            best = (n, d, start, r)
n, k1, rs, re_ = best
second, second_d = 0, None; cur = {}
for r in done_races():
    w = set(winners(r))
    cur = {d: cur.get(d, 0) + 1 for d in w}
    for d, v in cur.items():
        if d != k1 and v > second:
            second, second_d = v, d
rec('aggregate', 'streak', 'longest winning streak in f1 history?',
    [str(n)],
    f"{n} consecutive Grand Prix wins by {dname(k1)}, from the {rs['year']} {gpname(rs['grandPrixId'])} to the "
    f"{re_['year']} {gpname(re_['grandPrixId'])} (consecutive championship races with results; sprints ignored). "
    f"Longest streak by anyone else: {second} ({dname(second_d)}).",
    [f'seasons/{rs["year"]}/races/*/race-results.yml'], accept_all=['Verstappen'])

# a12 most points in a season
bp = []
for yy in range(1950, THIS_YEAR + 1):
    for e in standings(yy):
        bp.append((e['points'], e['driverId'], yy))
bp.sort(key=lambda x: -x[0])
(p1, k1, y1), (p2, k2, y2) = bp[0], bp[1]
rec('aggregate', 'season_record', "what's the single-season points record",
    [num(p1)],
    f"{num(p1)} points: {dname(k1)} in {y1} (season driver-standings). Next: {dname(k2)} {num(p2)} in {y2}.",
    [f'seasons/{y1}/driver-standings.yml'], accept_all=['Verstappen'])

# a13 Ferrari total wins
fw = T['cwin']['ferrari']
fw25 = sum(1 for r in done_races() if r['year'] <= 2025 and any(e['constructorId'] == 'ferrari' for e in at(r, 1)))
rec('aggregate', 'team_total', "ferrari's all-time win count?",
    [str(fw)],
    f"Ferrari have won {fw} World Championship Grands Prix (race-results P1, once per race), as of the 2026 Hungarian "
    f"GP; {fw25} up to the end of 2025 plus {fw - fw25} in 2026. Next: McLaren {T['cwin']['mclaren']}.",
    ['seasons/*/races/*/race-results.yml'])

# a14 circuit with most races
cc = Counter(r['circuitId'] for r in done_races())
(k1, v1), (k2, v2) = cc.most_common(2)
rec('aggregate', 'circuit_count', 'which track has hosted the most world championship grands prix',
    [circ(k1)['name'], circ(k1)['fullName']],
    f"{circ(k1)['name']} ({circ(k1)['fullName']}) with {v1} championship races, as of 2026. Next: "
    f"{circ(k2)['name']} {v2}.",
    ['seasons/*/races/*/race.yml'])

# a15 country with most distinct winners
nat = defaultdict(set)
for d in W:
    nat[drv(d)['nationalityCountryId']].add(d)
ranked = sorted(nat.items(), key=lambda kv: -len(kv[1]))
(k1, s1), (k2, s2) = ranked[0], ranked[1]
assert k1 == 'united-kingdom'
rec('aggregate', 'nationality', 'which country has produced the most different grand prix winners',
    ['United Kingdom', 'UK', 'Britain', 'British', 'England'],
    f"The United Kingdom (British drivers): {len(s1)} different race winners by nationalityCountryId. "
    f"Next: {y('countries/' + k2 + '.yml')['name']} {len(s2)}.",
    ['seasons/*/races/*/race-results.yml', 'drivers/*.yml'])

# a16 Canadian GP most wins (tie)
c = Counter()
for r in done_races():
    if r['grandPrixId'] == 'canada':
        c.update(winners(r))
(k1, v1), (k2, v2), (k3, v3) = top(c, 3)
assert v1 == v2 > v3 and {k1, k2} == {'michael-schumacher', 'lewis-hamilton'}
rec('aggregate', 'gp_record', 'who has won the canadian grand prix the most times',
    N('lewis-hamilton', W),
    f"A tie: Lewis Hamilton and Michael Schumacher have {v1} Canadian GP wins each (race-results P1). Next: "
    f"{', '.join(sorted(dname(k) for k, v in c.items() if v == v3))} with {v3}. Both names are required (accept_all).",
    ['seasons/*/races/*-canada/race-results.yml'], accept_all=['Schumacher'])

# a17 most starts
c = T['start']; (k1, v1), (k2, v2) = top(c, 2)
rec('aggregate', 'career_record', "who's made the most f1 starts ever",
    N(k1, W),
    f"{dname(k1)}: {v1} Grand Prix starts (race-results rows other than DNQ/DNPQ/DNS/DNP/EX, as of the 2026 "
    f"Hungarian GP), ahead of {dname(k2)} {v2}.",
    ['seasons/*/races/*/race-results.yml'])

# a18 youngest pole sitter
yp = []
for r in done_races():
    qd = todate(r.get('qualifyingDate') or r['date'])
    for e in at(r, 1, 'qualifying-results'):
        yp.append(((qd - todate(drv(e['driverId'])['dateOfBirth'])).days, e['driverId'], r, qd))
yp.sort(key=lambda x: x[0])
_, k1, r1, qd = yp[0]
nxt = next(x for x in yp if x[1] != k1)
a_y, a_d = age(drv(k1)['dateOfBirth'], qd)
rec('aggregate', 'age_record', "who's the youngest pole sitter ever",
    N(k1, W),
    f"{dname(k1)} took pole for the {rlabel(r1)} on {qd.isoformat()} aged {a_y} years {a_d} days (qualifying P1). "
    f"Next youngest pole sitter: {dname(nxt[1])} ({nxt[2]['year']} {gpname(nxt[2]['grandPrixId'])}).",
    [f"{r1['dir']}/qualifying-results.yml", f'drivers/{k1}.yml'])

# ============================================================================ RELATIONAL (13)
# r1 right behind Hamilton Brazil 2008
r = race(2008, 'brazil')
hp = next(e['position'] for e in res(r) if e['driverId'] == 'lewis-hamilton')
behind = at(r, hp + 1)[0]['driverId']; ahead = at(r, hp - 1)[0]['driverId']
rec('relational', 'finished_behind', 'who finished right behind hamiltn in brazil 2008',
    N(behind, field(r)),
    f"{rlabel(r)}: Lewis Hamilton finished P{hp}, {dname(behind)} P{hp + 1} (right behind him); "
    f"{dname(ahead)} was P{hp - 1}; the winner was {dname(winners(r)[0])}.",
    [f"{r['dir']}/race-results.yml"])

# r2 pole Imola 94
r = race(1994, 'san-marino')
p = pole(r)[0]
rec('relational', 'pole', 'who was on pole for imola 94',
    N(p, field(r)),
    f"{rlabel(r)}: pole (qualifying P1) {dname(p)}; the race was won by {dname(winners(r)[0])}.",
    [f"{r['dir']}/qualifying-results.yml"])

# r3 Senna teammate Lotus 1987
tm = set()
for r in done_races():
    if r['year'] == 1987:
        tm |= {e['driverId'] for e in res(r) if e['constructorId'] == 'lotus'}
tm.discard('ayrton-senna'); assert len(tm) == 1
k = tm.pop()
rec('relational', 'teammate', "who was senna's teammate at lotus in 87",
    N(k, season_field(1987)),
    f"{dname(k)} partnered Ayrton Senna at Lotus (Honda engines) in every 1987 race.",
    ['seasons/1987/entrants.yml', 'seasons/1987/races/*/race-results.yml'])

# r4 constructors champion 2007
ch = champion(2007, 'constructor')[0]; st = standings(2007, 'constructor')
mcl = [e for e in st if e['constructorId'] == 'mclaren']
rec('relational', 'constructors_champion', 'which team won the constructors championship in 2007?',
    [cname(ch)],
    f"{cname(ch)} won the 2007 constructors' title with {num(st[0]['points'])} points; "
    f"{cname(st[1]['constructorId'])} were second ({num(st[1]['points'])}). McLaren "
    f"{'were excluded (' + str(mcl[0]['position']) + ')' if mcl else 'do not appear (excluded)'}.",
    ['seasons/2007/constructor-standings.yml'])

# r5 P4 Abu Dhabi 2021
r = race(2021, 'abu-dhabi')
k = at(r, 4)[0]['driverId']
rec('relational', 'position', 'who came fourth in abu dhabi 2021',
    N(k, field(r)),
    f"{rlabel(r)}: P1 {dname(at(r, 1)[0]['driverId'])}, P2 {dname(at(r, 2)[0]['driverId'])}, "
    f"P3 {dname(at(r, 3)[0]['driverId'])}, P4 {dname(k)} ({cname(at(r, 4)[0]['constructorId'])}).",
    [f"{r['dir']}/race-results.yml"])

# r6 Monaco podium this year
r = race(THIS_YEAR, 'monaco')
pod = [at(r, i)[0] for i in (1, 2, 3)]
rec('relational', 'podium', 'who was on the podium at monaco this year?',
    N(pod[2]['driverId'], field(r)),
    f"{rlabel(r)}: P1 {dname(pod[0]['driverId'])} ({cname(pod[0]['constructorId'])}), P2 {dname(pod[1]['driverId'])} "
    f"({cname(pod[1]['constructorId'])}), P3 {dname(pod[2]['driverId'])} ({cname(pod[2]['constructorId'])}). "
    f"All three names are required (accept_all).",
    [f"{r['dir']}/race-results.yml"], accept_all=[drv(e['driverId'])['lastName'] for e in pod])

# r7 Alonso points with Renault 2005
p = pts(2005, 'fernando-alonso')
rp = sum(e['points'] or 0 for r in done_races() if r['year'] == 2005 for e in res(r)
         if e['driverId'] == 'fernando-alonso' and e['constructorId'] == 'renault')
assert rp == p['points']
rec('relational', 'points_with_team', 'how many points did alonso score with renault in 2005',
    [num(p['points'])],
    f"Fernando Alonso scored {num(p['points'])} points for Renault in 2005 (all his races that year were with Renault) "
    f"and won the title (P{p['position']} in the 2005 driver standings).",
    ['seasons/2005/driver-standings.yml', 'seasons/2005/races/*/race-results.yml'])

# r8 Gasly replaced at Red Bull 2019
ent = [e for e in y('seasons/2019/entrants.yml') if e.get('constructorId') == 'red-bull'][0]
rows = {d['driverId']: d['rounds'] for d in ent['drivers']}
assert rows['pierre-gasly'] == '1-12'
rep = [d for d, rr in rows.items() if isinstance(rr, str) and rr.startswith('13')][0]
r13 = [r for r in races() if r['year'] == 2019 and r['round'] == 13][0]
rec('relational', 'replacement', 'who replaced pierre gasly at red bull during 2019',
    N(rep, season_field(2019)),
    f"{dname(rep)} took Gasly's Red Bull seat from round 13, the {rlabel(r13)}; Gasly (rounds 1-12) went back to "
    f"Toro Rosso.",
    ['seasons/2019/entrants.yml'])

# r9 Jordan 1991 drivers
msdeb = next(r for r in done_races() if 'michael-schumacher' in field(r))
jd = []
for r in done_races():
    if r['year'] == 1991:
        for e in res(r):
            if e['constructorId'] == 'jordan' and e['driverId'] not in jd:
                jd.append(e['driverId'])
rec('relational', 'lineup', 'list every driver jordan used in 1991',
    N(jd[0], season_field(1991)),
    f"Jordan drivers in 1991 (race-results, in order of first appearance): {', '.join(dname(d) for d in jd)}. "
    f"Michael Schumacher made his debut for them at the {msdeb['year']} {gpname(msdeb['grandPrixId'])}. All {len(jd)} "
    f"names are required (accept_all).",
    ['seasons/1991/entrants.yml', 'seasons/1991/races/*/race-results.yml'],
    accept_all=[drv(d)['lastName'] for d in jd])

# r10 winner of Hulkenberg's first podium race
hr = next(r for r in done_races() for e in res(r) if e['driverId'] == 'nico-hulkenberg' and e['position'] in (1, 2, 3))
w = winners(hr)[0]
hpos = next(e for e in res(hr) if e['driverId'] == 'nico-hulkenberg')
rec('relational', 'race_winner', 'hulkenburg finally got a podium - who actually won that race?',
    N(w, field(hr)),
    f"Nico Hülkenberg's first podium was P{hpos['position']} for {cname(hpos['constructorId'])} at the {rlabel(hr)}; "
    f"that race was won by {dname(w)} ({cname(at(hr, 1)[0]['constructorId'])}).",
    [f"{hr['dir']}/race-results.yml"])

# r11 Lotus engine, Clark's first title
ft = next(yy for yy in range(1950, 2026) if champion(yy) == ['jim-clark'])
engs = Counter(e['engineManufacturerId'] for r in done_races() if r['year'] == ft for e in res(r)
               if e['driverId'] == 'jim-clark')
assert len(engs) == 1
eng = next(iter(engs))
rec('relational', 'engine', 'what engine did lotus run when jim clark won his first title',
    [ename(eng), 'Coventry Climax'],
    f"Clark's first title was {ft}; his Lotus used {ename(eng)} (Coventry Climax) engines in all "
    f"{sum(engs.values())} of his {ft} races. Lotus-{ename(eng)} also took the {ft} constructors' title.",
    [f'seasons/{ft}/races/*/race-results.yml', f'seasons/{ft}/constructor-standings.yml'])

# r12 last Italian winner before Antonelli
first_ant = next(r for r in done_races() if 'kimi-antonelli' in winners(r))
prev = [(r, d) for r in done_races() if r['date'] < first_ant['date'] for d in winners(r)
        if drv(d)['nationalityCountryId'] == 'italy']
pr, pd = prev[-1]
rec('relational', 'nationality', 'who was the last italian to win a gp before antonelli',
    N(pd, W),
    f"{dname(pd)}, at the {rlabel(pr)}. Kimi Antonelli's first win came at the {rlabel(first_ant)}.",
    [f"{pr['dir']}/race-results.yml", f"{first_ant['dir']}/race-results.yml"])

# r13 Stewart's team-mate 1973
tyr = Counter()
for r in done_races():
    if r['year'] == 1973:
        tyr.update(e['driverId'] for e in res(r) if e['constructorId'] == 'tyrrell')
tyr.pop('jackie-stewart')
k = tyr.most_common(1)[0][0]
extra = {d: v for d, v in tyr.items() if d != k}
rec('relational', 'teammate', "who was jackie stewart's regular team-mate at tyrrell in his last season",
    N(k, season_field(1973)),
    f"Stewart's last season was 1973; his regular Tyrrell team-mate was {dname(k)} ({tyr[k]} race entries). "
    f"Other Tyrrell race entries that year: {', '.join(f'{dname(d)} {v}' for d, v in extra.items()) or 'none'}.",
    ['seasons/1973/entrants.yml', 'seasons/1973/races/*/race-results.yml'])

# ============================================================================ COLLOQUIAL (13)
# c1 constructors two seasons ago
ch = champion(2024, 'constructor')[0]
rec('colloquial', 'relative_time', 'which team won the constructors two seasons ago',
    [cname(ch)],
    f"Two seasons ago = 2024: {cname(ch)} won the constructors' title with {num(standings(2024, 'constructor')[0]['points'])} "
    f"points, ahead of {cname(standings(2024, 'constructor')[1]['constructorId'])}.",
    ['seasons/2024/constructor-standings.yml'])

# c2 WDC last season
st = standings(2025)
rec('colloquial', 'relative_time', 'who won the wdc last season',
    N(st[0]['driverId'], season_field(2025)),
    f"Last season = 2025: {dname(st[0]['driverId'])} won the drivers' title with {num(st[0]['points'])} points, "
    f"{dname(st[1]['driverId'])} {num(st[1]['points'])}, {dname(st[2]['driverId'])} {num(st[2]['points'])}.",
    ['seasons/2025/driver-standings.yml'])

# c3 the professor titles
tit = [yy for yy in range(1950, 2026) if champion(yy) == ['alain-prost']]
rec('colloquial', 'nickname', 'the professor won how many championships?',
    [str(len(tit))],
    f"'The Professor' is Alain Prost: {len(tit)} drivers' titles ({', '.join(map(str, tit))}).",
    [f'seasons/{yy}/driver-standings.yml' for yy in tit])

# c4 seb vettel poles
v = T['pole']['sebastian-vettel']; assert v == T['grid1']['sebastian-vettel']
rec('colloquial', 'nickname', 'seb vettel total poles??',
    [str(v)],
    f"Sebastian Vettel took {v} pole positions (qualifying P1) in his career "
    f"({min(r['year'] for r in done_races() if 'sebastian-vettel' in field(r))}-"
    f"{max(r['year'] for r in done_races() if 'sebastian-vettel' in field(r))}).",
    ['seasons/*/races/*/qualifying-results.yml'])

# c5 baby schumi wins
v = T['win']['ralf-schumacher']
rw = [r for r in done_races() if 'ralf-schumacher' in winners(r)]
rec('colloquial', 'nickname', 'how many races did baby schumi win',
    [str(v)],
    f"'Baby Schumi' = Ralf Schumacher: {v} Grand Prix wins, all with "
    f"{'/'.join(sorted({cname(e['constructorId']) for r in rw for e in at(r, 1)}))} "
    f"({', '.join(str(r['year']) + ' ' + gpname(r['grandPrixId']) for r in rw)}).",
    [f"{r['dir']}/race-results.yml" for r in rw])

# c6 jpm wins
v = T['win']['juan-pablo-montoya']
rec('colloquial', 'nickname', 'jpm career win total?',
    [str(v)],
    f"JPM = Juan Pablo Montoya: {v} Grand Prix wins ("
    f"{', '.join(f'{cname(c)} {n}' for c, n in Counter(at(r, 1)[0]['constructorId'] for r in done_races() if 'juan-pablo-montoya' in winners(r)).items())}).",
    ['seasons/*/races/*/race-results.yml'])

# c7 sir lewis at Silverstone
sl = [r for r in done_races() if r['circuitId'] == 'silverstone' and 'lewis-hamilton' in winners(r)]
rec('colloquial', 'nickname', 'sir lewis at silverstone, how many wins is it now',
    [str(len(sl))],
    f"Lewis Hamilton has {len(sl)} wins at Silverstone, all British GPs: {', '.join(str(r['year']) for r in sl)}.",
    [f"{r['dir']}/race-results.yml" for r in sl])

# c8 Antonelli poles this year
ap = [r for r in done_races() if r['year'] == THIS_YEAR and 'kimi-antonelli' in pole(r)]
apg = [r for r in done_races() if r['year'] == THIS_YEAR and
       any(e['driverId'] == 'kimi-antonelli' for e in at(r, 1, 'starting-grid-positions'))]
assert len(ap) == len(apg)
rec('colloquial', 'relative_time', 'how many poles has antonelli got this season',
    [str(len(ap))],
    f"This season = 2026. Kimi Antonelli has {len(ap)} Grand Prix poles in the 11 rounds with results: "
    f"{', '.join(gpname(r['grandPrixId']) for r in ap)} (qualifying P1; sprint-qualifying not counted).",
    [f"{r['dir']}/qualifying-results.yml" for r in ap])

# c9 Azerbaijan 2023
r = race(2023, 'azerbaijan')
w = winners(r)[0]
rec('colloquial', 'typo', 'winner of the azerbajan gp 2023?',
    N(w, field(r)),
    f"{rlabel(r)} (Baku): won by {dname(w)} ({cname(at(r, 1)[0]['constructorId'])}), ahead of "
    f"{dname(at(r, 2)[0]['driverId'])}.",
    [f"{r['dir']}/race-results.yml"])

# c10 Alonso Monaco wins
am = [r for r in done_races() if r['grandPrixId'] == 'monaco' and 'fernando-alonso' in winners(r)]
rec('colloquial', 'typo', 'how many times did alonzo win monaco',
    [str(len(am))],
    f"Fernando Alonso won the Monaco GP {len(am)} times: {' and '.join(str(r['year']) for r in am)}.",
    [f"{r['dir']}/race-results.yml" for r in am])

# c11 the hulk poles
hp_ = [r for r in done_races() if 'nico-hulkenberg' in pole(r)]
assert len(hp_) == 1 == T['grid1']['nico-hulkenberg']
rec('colloquial', 'nickname', 'how many poles does the hulk have',
    [str(len(hp_)), f"{hp_[0]['year']} Brazil", 'Brazilian Grand Prix', 'Brazilian GP'],
    f"Nico Hülkenberg has {len(hp_)} pole position, at the {rlabel(hp_[0])} (Williams).",
    [f"{hp_[0]['dir']}/qualifying-results.yml"])

# c12 iceman first win
kw = next(r for r in done_races() if 'kimi-raikkonen' in winners(r))
rec('colloquial', 'nickname', 'when did the iceman win his first race',
    ['Malaysia', 'Malaysian', 'Sepang'],
    f"'The Iceman' = Kimi Räikkönen: first win at the {rlabel(kw)} for {cname(at(kw, 1)[0]['constructorId'])}.",
    [f"{kw['dir']}/race-results.yml"], accept_all=[str(kw['year'])])

# c13 Leclerc points this season
p = pts(THIS_YEAR, 'charles-leclerc')
rec('colloquial', 'typo', "what's charles leclerk on points this season",
    [num(p['points'])],
    f"This season = 2026, after round 11 (Hungary): Charles Leclerc has {num(p['points'])} points, P{p['position']} in "
    f"the drivers' standings.",
    [f'seasons/{THIS_YEAR}/driver-standings.yml'])

# ============================================================================ COMPARATIVE (10)
# p1 Prost vs Senna wins
a, b = T['win']['alain-prost'], T['win']['ayrton-senna']
rec('comparative', 'career_wins', 'who won more races, prost or senna, and by how many?',
    N('alain-prost', W),
    f"Alain Prost: {a} wins, Ayrton Senna: {b}. Prost by {a - b}.",
    ['seasons/*/races/*/race-results.yml'], accept_all=[str(a - b)])

# p2 Rosberg vs Hamilton 2016
a, b = pts(2016, 'nico-rosberg')['points'], pts(2016, 'lewis-hamilton')['points']
rec('comparative', 'season_points', 'by how many points did rosberg beat hamilton to the 2016 title',
    N('nico-rosberg', season_field(2016)),
    f"2016: Nico Rosberg {num(a)} points, Lewis Hamilton {num(b)}. Rosberg won by {num(a - b)} points.",
    ['seasons/2016/driver-standings.yml'], accept_all=[num(a - b)])

# p3 Norris vs Piastri last season
a, b = pts(2025, 'lando-norris')['points'], pts(2025, 'oscar-piastri')['points']
rec('comparative', 'season_points', 'norris vs piastri last season, who finished ahead on points and by how much',
    N('lando-norris', season_field(2025)),
    f"Last season = 2025: Lando Norris {num(a)} points (champion), Oscar Piastri {num(b)} (P3). Norris ahead by "
    f"{num(a - b)}.",
    ['seasons/2025/driver-standings.yml'], accept_all=[num(a - b)])

# p4 McLaren vs Ferrari at Monaco
mon = Counter()
for r in done_races():
    if r['grandPrixId'] == 'monaco':
        mon.update({e['constructorId'] for e in at(r, 1)})
a, b = mon['mclaren'], mon['ferrari']
rec('comparative', 'team_gp_wins', 'monaco wins: has mclaren or ferrari won it more?',
    ['McLaren'],
    f"McLaren {a} Monaco GP wins, Ferrari {b} (race-results P1, once per race). McLaren by {a - b}.",
    ['seasons/*/races/*-monaco/race-results.yml'], accept_all=[str(a)])

# p5 Mansell vs Stewart
a, b = T['win']['nigel-mansell'], T['win']['jackie-stewart']
rec('comparative', 'career_wins', 'mansell or jackie stewart - who has more wins',
    N('nigel-mansell', W),
    f"Nigel Mansell {a} Grand Prix wins, Jackie Stewart {b}. Mansell has {a - b} more.",
    ['seasons/*/races/*/race-results.yml'], accept_all=[str(a)])

# p6 Ferrari vs McLaren this year
a, b = pts(THIS_YEAR, 'ferrari', 'constructor'), pts(THIS_YEAR, 'mclaren', 'constructor')
rec('comparative', 'relative_time', 'is ferrari ahead of mclaren in the constructors so far this year? by how much',
    ['Ferrari'],
    f"2026 constructors' standings after round 11: Ferrari P{a['position']} with {num(a['points'])} points, McLaren "
    f"P{b['position']} with {num(b['points'])}. Yes, Ferrari lead McLaren by {num(a['points'] - b['points'])} points.",
    [f'seasons/{THIS_YEAR}/constructor-standings.yml'], accept_all=[num(a['points'] - b['points'])])

# p7 Clark vs Fangio poles
a, b = T['pole']['jim-clark'], T['pole']['juan-manuel-fangio']
assert (a, b) == (T['grid1']['jim-clark'], T['grid1']['juan-manuel-fangio'])
rec('comparative', 'career_poles', 'did jim clark take more poles than fangio?',
    N('jim-clark', W),
    f"Yes. Jim Clark {a} poles, Juan Manuel Fangio {b} (qualifying P1). Clark has {a - b} more.",
    ['seasons/*/races/*/qualifying-results.yml'], accept_all=[str(a)])

# p8 Hunt vs Lauda 1976
a, b = pts(1976, 'james-hunt')['points'], pts(1976, 'niki-lauda')['points']
rec('comparative', 'season_points', "hunt vs lauda in '76 - what were their final points totals?",
    N('james-hunt', W),
    f"1976 driver standings: James Hunt {num(a)} points (champion), Niki Lauda {num(b)}. Hunt won by {num(a - b)}. "
    f"Both totals are required (accept_all).",
    ['seasons/1976/driver-standings.yml'], accept_all=[num(a), num(b)])

# p9 Hawthorn vs Moss 1958 wins
def wins_in(yy, d):
    return sum(1 for r in done_races() if r['year'] == yy and d in winners(r))
a, b = wins_in(1958, 'stirling-moss'), wins_in(1958, 'mike-hawthorn')
assert champion(1958) == ['mike-hawthorn']
rec('comparative', 'season_wins', 'hawthorn was champ in 58 but did he actually win more races than moss?',
    N('stirling-moss', W),
    f"Stirling Moss won {a} races in 1958, Mike Hawthorn {b}; Hawthorn still took the title, "
    f"{num(pts(1958, 'mike-hawthorn')['points'])} points to {num(pts(1958, 'stirling-moss')['points'])}.",
    ['seasons/1958/races/*/race-results.yml', 'seasons/1958/driver-standings.yml'], accept_all=[str(a)])

# p10 Williams vs Lotus wins
a, b = T['cwin']['williams'], T['cwin']['lotus']
lf1 = T['cwin']['lotus-f1']
rec('comparative', 'team_wins', 'who has more wins, williams or lotus',
    ['Williams'],
    f"Williams {a} Grand Prix wins, Lotus (Team Lotus, constructor 'lotus') {b}; Williams by {a - b}. Even adding "
    f"the 2012-2015 Lotus F1 team's {lf1} wins, Williams lead.",
    ['seasons/*/races/*/race-results.yml'], accept_all=[str(a)])

# ============================================================================ UNAVAILABLE (10)
r = race(THIS_YEAR, 'italy')
assert not res(r) and r['date'] < TODAY
rec('unavailable', 'no_results_yet', 'monza this year - who took the win?',
    [],
    f"The 2026 Italian GP (round {r['round']}, Monza, {r['date'].isoformat()}) is only a calendar entry: the data has "
    f"no result for it (last race with results: 2026 Hungarian GP, round 11). A correct reply says the result is "
    f"not available and names no winner.",
    [f"{r['dir']}/race.yml"], unavailable=True)

lw = [r for r in races() if r['year'] == THIS_YEAR and TODAY - dt.timedelta(days=7) <= r['date'] < TODAY]
assert len(lw) == 1 and not res(lw[0])
last_done = done_races()[-1]
rec('unavailable', 'no_results_yet', "who won last weekend's race?",
    [],
    f"Today is 2026-12-03, so last weekend's race is the {gpname(lw[0]['grandPrixId'])} (round {lw[0]['round']}, "
    f"{lw[0]['date'].isoformat()}). It has no result in the data (rounds 12-22 are calendar entries only). The most "
    f"recent race with results is the {rlabel(last_done)}, won by {dname(winners(last_done)[0])}; mentioning that is "
    f"fine, but presenting it as last weekend's winner, or inventing a Qatar winner, is wrong.",
    [f"{lw[0]['dir']}/race.yml", f"{last_done['dir']}/race-results.yml"], unavailable=True)

st = standings(THIS_YEAR)
fin = [r for r in races() if r['year'] == THIS_YEAR][-1]
rec('unavailable', 'undecided', 'so who ended up 2026 world champion?',
    [],
    f"Not decided in the data: 2026 has results only up to round 11; the final round ({gpname(fin['grandPrixId'])}, "
    f"{fin['date'].isoformat()}) is after today. The current leader is {dname(st[0]['driverId'])} on "
    f"{num(st[0]['points'])} points ({dname(st[1]['driverId'])} {num(st[1]['points'])}); saying he leads is fine, "
    f"calling him champion is not.",
    [f'seasons/{THIS_YEAR}/driver-standings.yml', f"{fin['dir']}/race.yml"], unavailable=True)

r = race(1988, 'italy')
assert 'ayrton-senna' in field(r)
rec('unavailable', 'not_stored', "what was senna's top speed at monza in 1988",
    [],
    f"f1db stores no speed-trap or top-speed data. It has Senna's 1988 Italian GP result (classified "
    f"P{next(e['position'] for e in res(r) if e['driverId'] == 'ayrton-senna')}, retired: "
    f"{next(e['reasonRetired'] for e in res(r) if e['driverId'] == 'ayrton-senna')}), but no top speed.",
    [f"{r['dir']}/race-results.yml"], unavailable=True)

r = race(1995, 'belgium')
ms = next(e for e in res(r) if e['driverId'] == 'michael-schumacher')
rec('unavailable', 'not_stored', 'what tyre compounds did schumacher use at spa in 95',
    [],
    f"f1db stores only the tyre manufacturer per entry ({ms['tyreManufacturerId'].title()} for Schumacher's Benetton, "
    f"who won the {rlabel(r)} from grid {ms['gridPosition']}); compounds and tyre strategies are not stored.",
    [f"{r['dir']}/race-results.yml"], unavailable=True)

r = race(2012, 'abu-dhabi')
rec('unavailable', 'not_stored', 'what did kimi say on team radio in abu dhabi 2012',
    [],
    f"Team-radio messages are not in f1db. The data only has the result: Kimi Räikkönen won the {rlabel(r)} for "
    f"{cname(at(r, 1)[0]['constructorId'])}. Quoting radio as if from the data is wrong; saying radio is not stored "
    f"is correct.",
    [f"{r['dir']}/race-results.yml"], unavailable=True)

g20 = [r for r in races() if r['year'] == 2020]
assert not any(r['grandPrixId'] == 'germany' for r in g20)
eif = [r for r in g20 if r['grandPrixId'] == 'eifel'][0]
rec('unavailable', 'not_held', 'who won the german grand prix in 2020',
    [],
    f"There was no German Grand Prix in 2020 ({len(g20)} rounds, none with grandPrixId germany). "
    f"{circ(eif['circuitId'])['name']} hosted the {gpname('eifel')} instead ({eif['date'].isoformat()}, won by {dname(winners(eif)[0])}); mentioning that is "
    f"fine as long as it is not called the German GP.",
    ['seasons/2020/races/'], unavailable=True)

r = race(2025, 'japan')
q = at(r, 1, 'qualifying-results')[0]
rec('unavailable', 'not_stored', "sector times for verstappen's pole lap at suzuka last season?",
    [],
    f"Last season = 2025. {dname(q['driverId'])} was on pole for the {rlabel(r)} with a Q3 time of {q['q3']}, but "
    f"f1db has no sector times (only Q1/Q2/Q3 lap times). The lap time may be quoted; sector splits must not be.",
    [f"{r['dir']}/qualifying-results.yml"], unavailable=True)

hfp = [r for r in races() if any(e['driverId'] == 'colton-herta' for e in res(r, 'free-practice-1-results'))]
assert not any('colton-herta' in field(r) for r in done_races())
rec('unavailable', 'never_raced', "what was colton herta's best race finish in f1",
    [],
    f"Colton Herta has never started a World Championship race: he is in the 2026 entry list (Cadillac) and appears "
    f"only in free practice 1 ({', '.join(str(r['year']) + ' ' + gpname(r['grandPrixId']) for r in hfp)}). There is "
    f"no race finish to report.",
    ['drivers/colton-herta.yml', f'seasons/{THIS_YEAR}/entrants.yml'] + [f"{r['dir']}/free-practice-1-results.yml" for r in hfp],
    unavailable=True)

r = race(2021, 'abu-dhabi')
rec('unavailable', 'not_stored', "can you pull up max's throttle and braking telemetry from his abu dhabi 2021 win",
    [],
    f"f1db has no telemetry (throttle, brake, speed or DRS traces). It has the result: {dname(winners(r)[0])} won the "
    f"{rlabel(r)}. A correct reply says telemetry is not in the data.",
    [f"{r['dir']}/race-results.yml"], unavailable=True)

# ============================================================================ CAREER HISTORY (10)
fr = next(r for r in done_races() if 'daniel-ricciardo' in winners(r))
rec('career_history', 'maiden_win', 'when did danny ric get his first win',
    ['Canada', 'Canadian', 'Montreal'],
    f"Daniel Ricciardo's first win: {rlabel(fr)} for {cname(at(fr, 1)[0]['constructorId'])}.",
    [f"{fr['dir']}/race-results.yml"], accept_all=[str(fr['year'])])

fy = next(yy for yy in range(1958, 2026) if champion(yy, 'constructor') == ['mclaren'])
rec('career_history', 'first_title', 'what year did mclaren win their first constructors title',
    [str(fy)],
    f"{fy}: McLaren ({ename(standings(fy, 'constructor')[0]['engineManufacturerId'])} engines) topped the {fy} "
    f"constructors' standings with {num(standings(fy, 'constructor')[0]['points'])} points.",
    [f'seasons/{fy}/constructor-standings.yml'])

sg = next(r for r in done_races() if r['grandPrixId'] == 'singapore')
w = winners(sg)[0]
rec('career_history', 'first_winner', 'first ever singapore gp winner?',
    N(w, W),
    f"The first Singapore GP was in {sg['year']} ({sg['date'].isoformat()}, Marina Bay): won by {dname(w)} "
    f"({cname(at(sg, 1)[0]['constructorId'])}).",
    [f"{sg['dir']}/race-results.yml"])

bc = next((yy, d) for yy in range(1950, 2026) for d in champion(yy) if drv(d)['nationalityCountryId'] == 'brazil')
rec('career_history', 'first_x', 'who was the first driver from brazil to win the world title',
    N(bc[1], W),
    f"{dname(bc[1])}, champion in {bc[0]}. Other Brazilian champions: "
    f"{', '.join(sorted({dname(d) for yy in range(bc[0] + 1, 2026) for d in champion(yy) if drv(d)['nationalityCountryId'] == 'brazil'} - {dname(bc[1])}))}.",
    [f'seasons/{bc[0]}/driver-standings.yml', f'drivers/{bc[1]}.yml'])

fw_ = next((r, e) for r in done_races() for e in res(r)
           if (e.get('points') or 0) > 0 and drv(e['driverId'])['gender'] == 'FEMALE')
women_pts = {e['driverId'] for r in done_races() for e in res(r) if (e.get('points') or 0) > 0 and drv(e['driverId'])['gender'] == 'FEMALE'}
rec('career_history', 'first_x', 'first woman to score points in f1?',
    N(fw_[1]['driverId'], set(tallies()['start'])),
    f"{dname(fw_[1]['driverId'])}: P{fw_[1]['position']} at the {rlabel(fw_[0])}, {num(fw_[1]['points'])} points (half "
    f"points were awarded at that race). She is the only woman with championship points in the data "
    f"({len(women_pts)} such driver).",
    [f"{fw_[0]['dir']}/race-results.yml", f"drivers/{fw_[1]['driverId']}.yml"])

rb = next(r for r in done_races() if any(e['constructorId'] == 'red-bull' for e in at(r, 1)))
w = winners(rb)[0]
rec('career_history', 'first_win_team', 'who gave red bull their first ever win',
    N(w, W),
    f"{dname(w)} at the {rlabel(rb)}: Red Bull's first Grand Prix win (Red Bull Racing; Vettel's earlier 2008 Monza "
    f"win was for Toro Rosso).",
    [f"{rb['dir']}/race-results.yml"])

deb = next((r, e) for r in done_races() for e in res(r) if e['driverId'] == 'fernando-alonso')
rec('career_history', 'debut', 'which team did alonso make his f1 debut with',
    [cname(deb[1]['constructorId'])],
    f"Fernando Alonso debuted with {cname(deb[1]['constructorId'])} at the {rlabel(deb[0])} (finished "
    f"P{deb[1]['position']}, grid {deb[1]['gridPosition']}).",
    [f"{deb[0]['dir']}/race-results.yml"])

lw_ = [r for r in done_races() if 'niki-lauda' in winners(r)][-1]
rec('career_history', 'last_win', "what was niki lauda's last grand prix win",
    ['Dutch', 'Netherlands', 'Zandvoort'],
    f"Niki Lauda's last ({T['win']['niki-lauda']}th) win: the {rlabel(lw_)} at Zandvoort, for {cname(at(lw_, 1)[0]['constructorId'])}.",
    [f"{lw_['dir']}/race-results.yml"], accept_all=[str(lw_['year'])])

pp = next(r for r in done_races() if 'oscar-piastri' in pole(r))
rec('career_history', 'maiden_pole', 'when did oscar piastri take his first pole',
    ['China', 'Chinese', 'Shanghai'],
    f"Oscar Piastri's first Grand Prix pole (qualifying P1): {rlabel(pp)}, which he also won. Sprint poles are not "
    f"counted.",
    [f"{pp['dir']}/qualifying-results.yml"], accept_all=[str(pp['year'])])

post = [(yy, d) for yy in range(1950, 2026) for d in champion(yy)
        if drv(d)['dateOfDeath'] and todate(drv(d)['dateOfDeath']).year == yy]
assert len(post) == 1
yy, d = post[0]
rec('career_history', 'first_x', 'who is the only driver to win the title after he died',
    N(d, W),
    f"{dname(d)} won the {yy} title posthumously: he died on {todate(drv(d)['dateOfDeath']).isoformat()} and still "
    f"finished P1 in the {yy} standings with {num(standings(yy)[0]['points'])} points "
    f"(runner-up {dname(standings(yy)[1]['driverId'])} {num(standings(yy)[1]['points'])}).",
    [f'seasons/{yy}/driver-standings.yml', f'drivers/{d}.yml'])

# ============================================================================ MULTI PART (6)
ch = champion(2005)[0]
teams = {e['constructorId'] for r in done_races() if r['year'] == 2005 for e in res(r) if e['driverId'] == ch}
assert len(teams) == 1
rec('multi_part', 'champion_team', '2005 world champ and his team?',
    N(ch, season_field(2005)),
    f"{dname(ch)} won the 2005 drivers' title driving for {cname(teams.pop())}. Both parts are required (accept_all).",
    ['seasons/2005/driver-standings.yml', 'seasons/2005/races/*/race-results.yml'], accept_all=['Renault'])

r = race(THIS_YEAR, 'canada')
p, w = pole(r)[0], winners(r)[0]
rec('multi_part', 'pole_and_winner', 'who got pole and who won the canadian gp this year',
    N(w, field(r)),
    f"{rlabel(r)}: pole {dname(p)} (qualifying P1), race won by {dname(w)}. Both names are required (accept_all).",
    [f"{r['dir']}/qualifying-results.yml", f"{r['dir']}/race-results.yml"],
    accept_all=[drv(p)['lastName'], drv(w)['lastName']])

a, b = T['win']['mika-hakkinen'], T['pole']['mika-hakkinen']
assert b == T['grid1']['mika-hakkinen']
rec('multi_part', 'wins_and_poles', 'mika hakinen: how many wins and how many poles?',
    [str(a)],
    f"Mika Häkkinen: {a} Grand Prix wins and {b} pole positions (race-results P1, qualifying P1). Both numbers are "
    f"required (accept_all).",
    ['seasons/*/races/*/race-results.yml', 'seasons/*/races/*/qualifying-results.yml'], accept_all=[str(a), str(b)])

c98 = standings(1998, 'constructor')[0]
rec('multi_part', 'constructor_and_engine', "which team took the 98 constructors title and whose engines were they using?",
    [cname(c98['constructorId'])],
    f"{cname(c98['constructorId'])} won the 1998 constructors' title ({num(c98['points'])} points) with "
    f"{ename(c98['engineManufacturerId'])} engines. Both parts are required (accept_all).",
    ['seasons/1998/constructor-standings.yml'], accept_all=[ename(c98['engineManufacturerId'])])

r0 = done_races()[0]
w = winners(r0)[0]
rec('multi_part', 'first_race', 'the first ever championship race in 1950 - who was the winner and what track was it at?',
    N(w, W),
    f"The first World Championship race was the {rlabel(r0)} at {circ(r0['circuitId'])['name']}, won by {dname(w)} "
    f"({cname(at(r0, 1)[0]['constructorId'])}). Both parts are required (accept_all).",
    [f"{r0['dir']}/race.yml", f"{r0['dir']}/race-results.yml"], accept_all=[circ(r0['circuitId'])['name']])

mv = next(r for r in done_races() if 'max-verstappen' in winners(r))
rec('multi_part', 'when_and_where', 'when and where did mad max win his first grand prix',
    ['Spanish', 'Spain', 'Barcelona', 'Catalunya'],
    f"Max Verstappen's first win: the {rlabel(mv)} at the {circ(mv['circuitId'])['fullName']} (Barcelona), in his "
    f"first race for {cname(at(mv, 1)[0]['constructorId'])}. The year is required with the place (accept_all).",
    [f"{mv['dir']}/race-results.yml"], accept_all=[str(mv['year'])])


# ============================================================================ finish
def main():
    want = {'aggregate': 18, 'relational': 13, 'colloquial': 13, 'comparative': 10, 'unavailable': 10,
            'career_history': 10, 'multi_part': 6}
    got = Counter(r['group'] for r in RECS)
    assert got == Counter(want), got
    assert len({r['question'] for r in RECS}) == len(RECS)
    # self-check (README rules 1-3): each answerable note, graded as a reply, must pass
    bad = []
    for r in RECS:
        if r['expect_unavailable']:
            assert r['accept'] == [] and 'accept_all' not in r
            continue
        assert r['accept'], r
        if not grade(r, r['answer_note']):
            bad.append(r)
    for r in bad:
        print('SELF-CHECK FAIL:', r['question'], r['accept'], r.get('accept_all'), '|', r['answer_note'], file=sys.stderr)
    assert not bad
    rng = random.Random(20261203)
    order = RECS[:]
    rng.shuffle(order)
    out = []
    for i, r in enumerate(order, 1):
        out.append({'id': f'fbb-{i:03d}', **r})
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w') as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    print(f'wrote {len(out)} records to {OUT}; groups: {dict(got)}; '
          f"accept_all: {sum(1 for r in out if 'accept_all' in r)}; unavailable: {sum(1 for r in out if r['expect_unavailable'])}")
    if '-v' in sys.argv:
        for r in out:
            print(json.dumps(r, ensure_ascii=False))


if __name__ == '__main__':
    main()
