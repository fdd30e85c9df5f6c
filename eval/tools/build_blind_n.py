#!/usr/bin/env python3
"""Build the fan-style F1 QA held-out set N (eval/fan-qa-blind-n.jsonl) from the f1db YAML.

Self-contained: loads the YAML itself (PyYAML, CSafeLoader when available) and imports nothing from the other
eval tools.  Every answer is computed here from the data; only question parameters and wording are hand-chosen.

  python3 eval/tools/build_blind_n.py        # writes the JSONL, prints counts, self-check and drops
  python3 eval/tools/build_blind_n.py -v     # also prints every record

Settings: F1DB=<path to src/data>; BN_CACHE=<pickle path> (default /tmp/n.pkl, BN_CACHE= disables the cache).
"""
import collections
import datetime
import glob
import json
import os
import pickle
import random
import re
import sys
import unicodedata

import yaml

try:
    Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    Loader = yaml.SafeLoader

HERE = os.path.dirname(os.path.abspath(__file__))
F1DB = os.environ.get('F1DB', os.path.normpath(os.path.join(HERE, '..', '..', '..', 'shared', 'data', 'f1db',
                                                            'src', 'data')))
if not os.path.isdir(F1DB):
    F1DB = '/work/shared/data/f1db/src/data'
CACHE = os.environ.get('BN_CACHE', '/tmp/n.pkl')
OUT = os.path.normpath(os.path.join(HERE, '..', 'fan-qa-blind-n.jsonl'))
SEED = 20261207
PREFIX = 'fbn'
TODAY = '2026-12-04'
TARGET = collections.OrderedDict([('aggregate', 25), ('colloquial', 22), ('relational', 20), ('career_history', 15),
                                  ('comparative', 13), ('multi_part', 13), ('unavailable', 12)])
NONSTART = {'DNQ', 'DNPQ', 'DNS', 'DNP', 'EX'}
LAST_COMPLETE = 2025
THIS, LAST = 2026, 2025
CUTOFF_NOTE = 'data cutoff: 2026 Hungarian Grand Prix, round 11, 2026-07-26'


# ----------------------------------------------------------------------------------------------------------------
# loading

def _ly(p):
    with open(p, encoding='utf-8') as f:
        return yaml.load(f, Loader=Loader)


def _load():
    D = {}
    for ent in ['drivers', 'constructors', 'circuits', 'grands-prix', 'engine-manufacturers', 'tyre-manufacturers',
                'countries']:
        D[ent] = {}
        for p in sorted(glob.glob(os.path.join(F1DB, ent, '*.yml'))):
            d = _ly(p)
            D[ent][d['id']] = d
    D['seasons'] = {}
    for sp in sorted(glob.glob(os.path.join(F1DB, 'seasons', '*'))):
        y = int(os.path.basename(sp))
        S = {'races': []}
        for fn in ['entrants', 'driver-standings', 'constructor-standings']:
            p = os.path.join(sp, fn + '.yml')
            S[fn] = _ly(p) if os.path.exists(p) else None
        for rp in sorted(glob.glob(os.path.join(sp, 'races', '*'))):
            R = {'dir': os.path.relpath(rp, F1DB).replace(os.sep, '/')}
            for p in sorted(glob.glob(os.path.join(rp, '*.yml'))):
                R[os.path.basename(p)[:-4]] = _ly(p)
            S['races'].append(R)
        D['seasons'][y] = S
    return D


def load():
    key = os.path.abspath(F1DB)
    if CACHE and os.path.exists(CACHE):
        try:
            with open(CACHE, 'rb') as f:
                k, D = pickle.load(f)
            if k == key:
                return D
        except Exception:
            pass
    D = _load()
    if CACHE:
        with open(CACHE, 'wb') as f:
            pickle.dump((key, D), f, protocol=4)
    return D


D = load()
DRV, CON, CIR, GP, ENG, CTY = (D['drivers'], D['constructors'], D['circuits'], D['grands-prix'],
                               D['engine-manufacturers'], D['countries'])
SEASONS = D['seasons']
RACES = []
for _y in sorted(SEASONS):
    for _R in SEASONS[_y]['races']:
        _R['year'] = _y
        _R['info'] = _R['race']
        _R['round'] = _R['race']['round']
        _R['gp'] = _R['race']['grandPrixId']
        _R['circuit'] = _R['race']['circuitId']
        _R['date'] = str(_R['race']['date'])
        RACES.append(_R)
RES = [R for R in RACES if R.get('race-results')]


# ----------------------------------------------------------------------------------------------------------------
# basic helpers

class Drop(Exception):
    pass


def need(cond, msg):
    if not cond:
        raise Drop(msg)


def rr(R):
    return R.get('race-results') or []


def at(R, p, kind='race-results'):
    return [r for r in (R.get(kind) or []) if r['position'] == p]


def one_at(R, p, kind='race-results'):
    rows = at(R, p, kind)
    need(len(rows) == 1, '%s %s P%s has %d rows' % (R['dir'], kind, p, len(rows)))
    return rows[0]


def winners(R):
    return [r['driverId'] for r in at(R, 1)]


def started(r):
    return str(r['position']) not in NONSTART


def starters(R):
    out = []
    for r in rr(R):
        if started(r) and r['driverId'] not in out:
            out.append(r['driverId'])
    return out


def field(R):
    out = []
    for r in rr(R):
        if r['driverId'] not in out:
            out.append(r['driverId'])
    return out


def season_races(y):
    return [R for R in RES if R['year'] == y]


def season_field(y):
    out = set()
    for R in season_races(y):
        out.update(field(R))
    return out


def race(y, gp=None, rnd=None):
    c = [R for R in RACES if R['year'] == y and (gp is None or R['gp'] == gp) and (rnd is None or R['round'] == rnd)]
    need(len(c) == 1, 'race %s %s %s: %d matches' % (y, gp, rnd, len(c)))
    return c[0]


def pole_q(R):
    return [r['driverId'] for r in at(R, 1, 'qualifying-results')]


def pole_g(R):
    return [r['driverId'] for r in at(R, 1, 'starting-grid-positions')]


def pole(R):
    q, g = pole_q(R), pole_g(R)
    need(len(q) == 1 and q == g, '%s pole: qualifying P1 %s, grid P1 %s' % (R['dir'], q, g))
    return q[0]


def fmtnum(x):
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return str(x)


def dname(d):
    return DRV[d]['name']


def cname(c):
    return CON[c]['name']


def gpname(R):
    return GP[R['gp']]['fullName']


def rtitle(R):
    return '%d %s' % (R['year'], gpname(R))


def rdesc(R):
    return '%d %s (%s)' % (R['year'], gpname(R), R['date'])


def fold(s):
    return ''.join(ch for ch in unicodedata.normalize('NFKD', s) if not unicodedata.combining(ch))


def norm(s):
    return fold(s).lower()


def age_days(d, date):
    b = datetime.date.fromisoformat(str(DRV[d]['dateOfBirth']))
    t = datetime.date.fromisoformat(str(date))
    return (t - b).days


def age_years(d, date):
    b = datetime.date.fromisoformat(str(DRV[d]['dateOfBirth']))
    t = datetime.date.fromisoformat(str(date))
    return t.year - b.year - ((t.month, t.day) < (b.month, b.day))


def ranked(counter):
    return sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))


def strict_top(counter, what):
    items = ranked(counter)
    need(len(items) >= 1 and items[0][1] > 0, '%s: empty' % what)
    if len(items) > 1:
        need(items[0][1] > items[1][1], '%s: tie at the top %s / %s' % (what, items[0], items[1]))
    return items


def listing(items, namef, n=3, skip=1):
    return ', '.join('%s %s' % (namef(k), fmtnum(v)) for k, v in items[skip:skip + n])


def src_race(R, kind='race-results'):
    return '%s/%s.yml' % (R['dir'], kind)


def ordinal(n):
    suf = 'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')
    return '%d%s' % (n, suf)


WORDS = {1: 'first', 2: 'second', 3: 'third', 4: 'fourth', 5: 'fifth', 6: 'sixth', 7: 'seventh', 8: 'eighth',
         9: 'ninth', 10: 'tenth', 11: 'eleventh', 12: 'twelfth', 13: 'thirteenth', 14: 'fourteenth',
         15: 'fifteenth', 16: 'sixteenth', 17: 'seventeenth', 18: 'eighteenth', 19: 'nineteenth', 20: 'twentieth'}


def pos_accept(n):
    out = ['P%d' % n, ordinal(n)]
    if n in WORDS:
        out.append(WORDS[n])
    if n == 2:
        out.append('runner-up')
    return out


def plural(n, word, pl=None):
    return '%d %s' % (n, word if n == 1 else (pl or word + 's'))


def article(word):
    return ('an ' if word[:1].lower() in 'aeiou' else 'a ') + word


def uniq(seq):
    out = []
    for s in seq:
        if s and s not in out:
            out.append(s)
    return out


# ----------------------------------------------------------------------------------------------------------------
# accept strings

ALIASES = {
    'sergio-perez': ['Checo'],
    'michael-schumacher': ['Schumi'],
    'kimi-antonelli': ['Andrea Kimi Antonelli'],
    'nelson-piquet': ['Nelson Piquet Sr'],
    'alexander-albon': ['Alex Albon'],
    'nino-farina': ['Giuseppe Farina'],
}


def surname(d):
    ln = DRV[d]['lastName']
    ln = re.sub(r'\s+Jr\.?$', '', ln)
    return ln


def first_last(d):
    return '%s %s' % (DRV[d]['firstName'], surname(d))


def all_time_scope():
    s = set()
    for R in RES:
        s.update(winners(R))
    return s


ALL_WINNERS = None


def names(d, scope=None, allow_surname=True):
    """Accept strings for a driver.  scope: the set of driver ids in scope (race field, season field or all
    winners); the bare surname is added only if no other driver in scope shares it."""
    global ALL_WINNERS
    if scope is None:
        if ALL_WINNERS is None:
            ALL_WINNERS = all_time_scope()
        scope = ALL_WINNERS
    nm = DRV[d]['name']
    out = [nm, fold(nm), first_last(d), fold(first_last(d))]
    out += ALIASES.get(d, [])
    sn = surname(d)
    if allow_surname:
        clash = [o for o in scope | {d} if o != d and norm(surname(o)) == norm(sn)]
        if not clash:
            out += [sn, fold(sn)]
    return uniq(out)


def surname_ok(d, scope):
    sn = surname(d)
    return not [o for o in scope | {d} if o != d and norm(surname(o)) == norm(sn)]


def key_name(d, scope=None):
    """A short string for accept_all: the surname when unique in scope, else the display name."""
    global ALL_WINNERS
    if scope is None:
        if ALL_WINNERS is None:
            ALL_WINNERS = all_time_scope()
        scope = ALL_WINNERS
    return fold(surname(d)) if surname_ok(d, scope) else fold(first_last(d))


CON_ALIASES = {
    'red-bull': ['Red Bull Racing'],
    'racing-bulls': ['Racing Bulls', 'VCARB'],
    'kick-sauber': ['Sauber'],
    'hrt': ['Hispania', 'HRT'],
    'brabham': ['Brabham'],
}


def con_names(c):
    return uniq([CON[c]['name'], fold(CON[c]['name']), CON[c]['fullName'], fold(CON[c]['fullName'])] +
                CON_ALIASES.get(c, []))


ENG_ALIASES = {'ford': ['Cosworth']}


def eng_names(e):
    return uniq([ENG[e]['name'], fold(ENG[e]['name'])] + ENG_ALIASES.get(e, []))


def venue_names(R):
    g = GP[R['gp']]
    c = CIR[R['circuit']]
    cand = [g['name'], g['fullName'], g['shortName'], c['name'], c['fullName']] + list(c.get('previousNames') or []) \
        + [c.get('placeName')]
    cand = uniq([x for x in cand if x] + [fold(x) for x in cand if x])
    # a string that is (part of) the name of another Grand Prix would match a wrong answer: leave it out
    # (e.g. "Spa" is inside "Spanish Grand Prix", "Bahrain" names the Bahrain GP as well as the Sakhir circuit)
    others = []
    for gid, g2 in sorted(GP.items()):
        if gid != R['gp']:
            others += [norm(x) for x in [g2['name'], g2['fullName'], g2['shortName']] if x]
    people = set(norm(d['name']) for d in DRV.values())     # "Gilles Villeneuve" is a circuit and a driver
    return [x for x in cand if not any(norm(x) in o for o in others) and norm(x) not in people]


# ----------------------------------------------------------------------------------------------------------------
# grading (dev README rules 1-3)

def _num_match(reply, s):
    return re.search(r'(?<![0-9])(?<![0-9][.,])' + re.escape(s) + r'(?![0-9])(?![.,][0-9])', reply) is not None


def matches(reply, s):
    r, t = norm(reply), norm(s)
    if re.fullmatch(r'[0-9]+', t):
        return _num_match(r, t)
    return t in r


def grade(rec, reply):
    if not any(matches(reply, s) for s in rec['accept']):
        return False
    return all(matches(reply, s) for s in rec.get('accept_all', []))


# ----------------------------------------------------------------------------------------------------------------
# statistics

DRIVER_ROWS = collections.defaultdict(list)      # driverId -> [(R, row)]
for _R in RES:
    for _r in rr(_R):
        DRIVER_ROWS[_r['driverId']].append((_R, _r))


def d_races(d, pred=lambda R, r: True):
    """distinct races (in order) where some row of d satisfies pred"""
    out = []
    for R, r in DRIVER_ROWS[d]:
        if pred(R, r) and (not out or out[-1] is not R):
            out.append(R)
    return out


def wins_of(d, pred=lambda R, r: True):
    return d_races(d, lambda R, r: r['position'] == 1 and pred(R, r))


def solo_wins_of(d, pred=lambda R, r: True):
    return [R for R in wins_of(d, pred) if len(at(R, 1)) == 1]


def podiums_of(d, pred=lambda R, r: True):
    return d_races(d, lambda R, r: r['position'] in (1, 2, 3) and pred(R, r))


def starts_of(d, pred=lambda R, r: True):
    return d_races(d, lambda R, r: started(r) and pred(R, r))


def poles_q_of(d, races=None):
    return [R for R in (races or RES) if d in pole_q(R)]


def poles_g_of(d, races=None):
    return [R for R in (races or RES) if d in pole_g(R)]


def count_by(races, keyf):
    c = collections.Counter()
    for R in races:
        for k in set(keyf(R)):
            c[k] += 1
    return c


def drv_stand(y):
    return SEASONS[y]['driver-standings'] or []


def con_stand(y):
    return SEASONS[y]['constructor-standings'] or []


def stand_row(y, d):
    rows = [r for r in drv_stand(y) if r['driverId'] == d]
    need(len(rows) == 1, '%d standings rows for %s in %d' % (len(rows), d, y))
    return rows[0]


def con_stand_row(y, c):
    rows = [r for r in con_stand(y) if r['constructorId'] == c]
    need(len(rows) == 1, '%d constructor standings rows for %s in %d' % (len(rows), c, y))
    return rows[0]


def champion(y):
    need(y <= LAST_COMPLETE, 'season %d not complete' % y)
    rows = [r for r in drv_stand(y) if r['position'] == 1]
    need(len(rows) == 1, 'champion %d' % y)
    return rows[0]


def con_champion(y):
    need(1958 <= y <= LAST_COMPLETE, 'no constructors title %d' % y)
    rows = [r for r in con_stand(y) if r['position'] == 1]
    need(len(rows) == 1, 'constructors champion %d' % y)
    return rows[0]


def main_team(d, y):
    c = collections.Counter(r['constructorId'] for R in season_races(y) for r in rr(R) if r['driverId'] == d)
    it = strict_top(c, 'main team of %s %d' % (d, y))
    return it[0][0]


def teammate(d, con, y):
    """The dominant team-mate: >= 80 % of d's starts for con in y, nobody else >= 50 %."""
    mine = [R for R in season_races(y) if any(r['driverId'] == d and r['constructorId'] == con and started(r)
                                               for r in rr(R))]
    need(mine, 'no starts for %s at %s in %d' % (d, con, y))
    c = collections.Counter()
    for R in mine:
        for o in set(r['driverId'] for r in rr(R) if r['constructorId'] == con and started(r) and r['driverId'] != d):
            c[o] += 1
    it = ranked(c)
    need(it, 'no team-mate')
    n = len(mine)
    need(it[0][1] >= 0.8 * n, 'team-mate of %s %d: top %s only %d of %d' % (d, y, it[0][0], it[0][1], n))
    need(all(v < 0.5 * n for k, v in it[1:]), 'team-mate of %s %d: second %s' % (d, y, it[1:2]))
    return it[0][0], it[0][1], n, it


def team_engine(con, y):
    es = set()
    rows = 0
    for R in season_races(y):
        for kind in ('race-results', 'qualifying-results'):
            for r in (R.get(kind) or []):
                if r['constructorId'] == con:
                    es.add(r['engineManufacturerId'])
                    rows += 1
    for e in (SEASONS[y]['entrants'] or []):
        for sub in (e.get('constructors') or [e]):
            if sub.get('constructorId') == con:
                es.add(sub['engineManufacturerId'])
    need(rows > 0, 'no rows for %s %d' % (con, y))
    need(len(es) == 1, 'mixed engines %s %d: %s' % (con, y, sorted(es)))
    return es.pop(), rows


# ----------------------------------------------------------------------------------------------------------------
# records

RECORDS = []        # (group, record)
DROPPED = []        # (group, label, reason): candidates whose answer was not unambiguous (raised Drop)
SPARES = []         # (group, label): valid candidates left over once a group was full
ECHOED = []         # (question, accept strings removed because the question itself contains them)


def rec(group, category, question, accept, note, source, accept_all=None, unavailable=False):
    r = collections.OrderedDict()
    r['id'] = None
    r['category'] = category
    r['group'] = group
    r['question'] = question
    r['accept'] = [] if unavailable else uniq(accept)
    if accept_all:
        r['accept_all'] = uniq(accept_all)
    r['expect_unavailable'] = bool(unavailable)
    r['answer_note'] = note
    r['source'] = source if isinstance(source, list) else [source]
    return r


CANDIDATES = collections.OrderedDict((g, []) for g in TARGET)


def cand(group, label):
    def deco(f):
        CANDIDATES[group].append((label, f))
        return f
    return deco


WIN_NOTE = 'Grand Prix wins only (race-results P1); sprints are not counted'
POD_NOTE = 'Grand Prix podiums only (race-results P1-P3); sprints are not counted'
POLE_NOTE = ('pole = Grand Prix qualifying P1 (sprint qualifying not counted); starting-grid P1 gives the same '
             'answer')


# ----------------------------------------------------------------------------------------------------------------
# AGGREGATE

def circuit_races(circ):
    rs = [R for R in RES if R['circuit'] == circ]
    need(rs, 'no races at %s' % circ)
    return rs


def circuit_winner_rec(label, circ, question):
    rs = circuit_races(circ)
    c = count_by(rs, winners)
    it = strict_top(c, 'wins at %s' % circ)
    solo = count_by([R for R in rs if len(at(R, 1)) == 1], winners)
    it2 = strict_top(solo, 'solo wins at %s' % circ)
    need(it2[0][0] == it[0][0], 'shared drives change the leader at %s' % circ)
    d, n = it[0]
    yrs = ', '.join(str(R['year']) for R in rs if d in winners(R))
    gps = sorted(set(GP[R['gp']]['fullName'] for R in rs))
    note = ('%s has won %d championship races at %s (%s), the most. Counted by circuitId %s over %d races there (%s); '
            'next: %s (%s). %s.' % (dname(d), n, CIR[circ]['fullName'], yrs, circ, len(rs), '; '.join(gps),
                                    listing(it, dname), CUTOFF_NOTE, WIN_NOTE))
    return rec('aggregate', 'most_wins_at_circuit', question, names(d), note,
               ['seasons/*/races/*/race.yml', 'seasons/*/races/*/race-results.yml'])


def circuit_pole_rec(label, circ, question):
    rs = circuit_races(circ)
    cq = count_by(rs, pole_q)
    cg = count_by(rs, pole_g)
    iq = strict_top(cq, 'poles at %s' % circ)
    ig = strict_top(cg, 'grid poles at %s' % circ)
    need(iq[0] == ig[0], 'pole leader at %s differs: %s / %s' % (circ, iq[0], ig[0]))
    d, n = iq[0]
    yrs = ', '.join(str(R['year']) for R in rs if d in pole_q(R))
    note = ('%s took %d poles at %s (%s), the most; next: %s. Counted by circuitId %s over %d races; %s (%s).'
            % (dname(d), n, CIR[circ]['fullName'], yrs, listing(iq, dname), circ, len(rs), POLE_NOTE, CUTOFF_NOTE))
    return rec('aggregate', 'most_poles_at_circuit', question, names(d), note,
               ['seasons/*/races/*/race.yml', 'seasons/*/races/*/qualifying-results.yml',
                'seasons/*/races/*/starting-grid-positions.yml'])


@cand('aggregate', 'most wins at Brands Hatch')
def _():
    return circuit_winner_rec('bh', 'brands-hatch', 'Who has won the most Formula 1 races at Brands Hatch?')


@cand('aggregate', 'most poles at Estoril')
def _():
    return circuit_pole_rec('est', 'estoril', 'Who took the most pole positions at Estoril?')


@cand('aggregate', 'most wins at Reims')
def _():
    return circuit_winner_rec('reims', 'reims', 'Most wins at Reims-Gueux in the world championship — who?')


@cand('aggregate', 'most poles at Adelaide')
def _():
    return circuit_pole_rec('adl', 'adelaide', 'who took the most pole positions at adelaide back when it hosted F1?')


@cand('aggregate', 'most poles at the Nurburgring')
def _():
    return circuit_pole_rec('nur', 'nurburgring', 'Which driver has the most poles at the Nürburgring?')


@cand('aggregate', 'most poles at Catalunya')
def _():
    return circuit_pole_rec('cat', 'catalunya', 'Who holds the record for pole positions at the Circuit de '
                            'Barcelona-Catalunya?')


@cand('aggregate', 'races held at Hockenheim')
def _():
    rs = circuit_races('hockenheimring')
    years = [R['year'] for R in rs]
    need(len(set(years)) == len(years), 'two races at Hockenheim in one year')
    n = len(rs)
    gps = collections.Counter(GP[R['gp']]['fullName'] for R in rs)
    note = ('%d championship races have been held at the Hockenheimring (%d-%d: %s). Counted by circuitId '
            'hockenheimring among races with results (%s).'
            % (n, min(years), max(years), ', '.join('%s %d' % kv for kv in sorted(gps.items())), CUTOFF_NOTE))
    return rec('aggregate', 'race_count_circuit', 'How many world championship races have been held at Hockenheim?',
               [str(n)], note, ['seasons/*/races/*/race.yml', 'seasons/*/races/*/race-results.yml'])


def nationality_leader(nat, what, question, category):
    ds = [d for d in DRIVER_ROWS if DRV[d]['nationalityCountryId'] == nat]
    c = collections.Counter()
    for d in ds:
        c[d] = len(wins_of(d) if what == 'wins' else podiums_of(d))
    c = collections.Counter({k: v for k, v in c.items() if v > 0})
    it = strict_top(c, '%s %s' % (nat, what))
    d, n = it[0]
    demonym = CTY[nat]['demonym']
    extra = ''
    if what == 'podiums':
        w = collections.Counter({x: len(wins_of(x)) for x in ds})
        wt = strict_top(w, '%s wins' % nat)
        extra = ' (The %s with the most wins is %s with %d.)' % (demonym, dname(wt[0][0]), wt[0][1])
    note = ('%s: %d Grand Prix %s, the most by %s driver (nationalityCountryId %s); next: %s.%s %s; %s.'
            % (dname(d), n, what, article(demonym), nat, listing(it, dname) or 'none', extra,
               WIN_NOTE if what == 'wins' else POD_NOTE, CUTOFF_NOTE))
    return rec('aggregate', category, question, names(d), note,
               ['drivers/*.yml', 'seasons/*/races/*/race-results.yml'])


@cand('aggregate', 'top Austrian winner')
def _():
    return nationality_leader('austria', 'wins', 'Which Austrian driver has won the most Grands Prix?',
                              'top_winner_nationality')


@cand('aggregate', 'top Belgian winner')
def _():
    return nationality_leader('belgium', 'wins', 'who is the most successful belgian f1 driver in terms of race wins',
                              'top_winner_nationality')


@cand('aggregate', 'Argentine driver with most podiums')
def _():
    return nationality_leader('argentina', 'podiums', 'Which Argentine driver stood on the most F1 podiums?',
                              'top_podiums_nationality')


@cand('aggregate', 'most starts without a point')
def _():
    scorers = set()
    for R in RACES:
        for kind in ('race-results', 'sprint-race-results'):
            for r in (R.get(kind) or []):
                if r.get('points'):
                    scorers.add(r['driverId'])
    for y in SEASONS:
        for r in drv_stand(y):
            if r.get('points'):
                scorers.add(r['driverId'])
    c = collections.Counter({d: len(starts_of(d)) for d in DRIVER_ROWS if d not in scorers})
    it = strict_top(c, 'starts without a point')
    d, n = it[0]
    yrs = sorted(set(R['year'] for R in starts_of(d)))
    note = ('%s started %d Grands Prix (%s) without ever scoring a championship point, the most; next: %s. A start is '
            'a race-results row not marked DNQ/DNPQ/DNS/DNP/EX; no points in any race, sprint or standings row (%s).'
            % (dname(d), n, ', '.join(map(str, yrs)), listing(it, dname), CUTOFF_NOTE))
    return rec('aggregate', 'most_starts_no_points', 'Who made the most F1 starts without ever scoring a single point?',
               names(d, allow_surname=True), note, ['seasons/*/races/*/race-results.yml',
                                                   'seasons/*/driver-standings.yml'])


@cand('aggregate', 'best podium rate (min 50 starts)')
def _():
    rate = {}
    for d in DRIVER_ROWS:
        s = len(starts_of(d))
        if s >= 50:
            rate[d] = (len(podiums_of(d)), s)
    it = sorted(rate.items(), key=lambda kv: (-kv[1][0] / kv[1][1], kv[0]))
    need(it[0][1][0] / it[0][1][1] > it[1][1][0] / it[1][1][1], 'podium rate tie')
    d, (p, s) = it[0]
    nxt = ', '.join('%s %.1f%% (%d/%d)' % (dname(k), 100.0 * a / b, a, b) for k, (a, b) in it[1:4])
    note = ('%s: %d podiums from %d starts, %.1f%%, the best podium rate among drivers with at least 50 starts; next: '
            '%s. %s; %s.' % (dname(d), p, s, 100.0 * p / s, nxt, POD_NOTE, CUTOFF_NOTE))
    return rec('aggregate', 'best_podium_rate',
               'Among drivers with 50 or more starts, who has the highest percentage of podium finishes?',
               names(d), note, ['seasons/*/races/*/race-results.yml'])


@cand('aggregate', 'oldest driver to set a fastest lap')
def _():
    best = {}
    for R in RES:
        for r in at(R, 1, 'fastest-laps'):
            a = age_days(r['driverId'], R['date'])
            if r['driverId'] not in best or a > best[r['driverId']][0]:
                best[r['driverId']] = (a, R)
    it = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))
    need(it[0][1][0] > it[1][1][0], 'oldest FL tie')
    d, (a, R) = it[0]
    d2, (a2, R2) = it[1]
    note = ('%s, aged %d years (%d days), set the fastest lap at the %s; the oldest anyone has done it. Next oldest: '
            '%s, aged %d, %s. Fastest lap = P1 of fastest-laps.yml; age from dateOfBirth on the race date.'
            % (dname(d), age_years(d, R['date']), a, rdesc(R), dname(d2), age_years(d2, R2['date']), rtitle(R2)))
    return rec('aggregate', 'oldest_fastest_lap', 'who is the oldest driver ever to set a fastest lap in a GP?',
               names(d), note, ['seasons/*/races/*/fastest-laps.yml', 'drivers/*.yml'])


def decade(a):
    return [R for R in RES if a <= R['year'] <= a + 9]


@cand('aggregate', 'most poles in the 2000s')
def _():
    rs = decade(2000)
    iq = strict_top(count_by(rs, pole_q), 'poles 2000s')
    ig = strict_top(count_by(rs, pole_g), 'grid poles 2000s')
    need(iq[0] == ig[0], 'poles 2000s differ %s %s' % (iq[0], ig[0]))
    d, n = iq[0]
    note = ('%s took %d poles in 2000-2009, the most of the decade; next: %s. %s (grid P1 count also %d).'
            % (dname(d), n, listing(iq, dname), POLE_NOTE, ig[0][1]))
    return rec('aggregate', 'most_poles_decade', 'Who took the most pole positions in the 2000s (2000-2009)?',
               names(d), note, ['seasons/200*/races/*/qualifying-results.yml',
                                'seasons/200*/races/*/starting-grid-positions.yml'])


@cand('aggregate', 'most podiums in the 1970s')
def _():
    rs = decade(1970)
    it = strict_top(count_by(rs, lambda R: [r['driverId'] for r in rr(R) if r['position'] in (1, 2, 3)]),
                    'podiums 1970s')
    d, n = it[0]
    note = ('%s: %d podiums in 1970-1979, the most of the decade; next: %s. %s.' % (dname(d), n, listing(it, dname),
                                                                                  POD_NOTE))
    return rec('aggregate', 'most_podiums_decade', 'Who stood on the podium the most during the 1970s?', names(d), note,
               ['seasons/197*/races/*/race-results.yml'])


@cand('aggregate', 'most fastest laps in the 1980s')
def _():
    rs = decade(1980)
    it = strict_top(count_by(rs, lambda R: [r['driverId'] for r in at(R, 1, 'fastest-laps')]), 'FL 1980s')
    d, n = it[0]
    note = ('%s set %d fastest laps in 1980-1989, the most of the decade; next: %s. Fastest lap = P1 of '
            'fastest-laps.yml.' % (dname(d), n, listing(it, dname)))
    return rec('aggregate', 'most_fastest_laps_decade', 'Most fastest laps in the 1980s — which driver?', names(d),
               note, ['seasons/198*/races/*/fastest-laps.yml'])


@cand('aggregate', 'team with most poles in the 1960s')
def _():
    rs = decade(1960)
    iq = strict_top(count_by(rs, lambda R: [r['constructorId'] for r in at(R, 1, 'qualifying-results')]),
                    'team poles 1960s')
    ig = strict_top(count_by(rs, lambda R: [r['constructorId'] for r in at(R, 1, 'starting-grid-positions')]),
                    'team grid poles 1960s')
    need(iq[0] == ig[0], 'team poles 1960s differ')
    c, n = iq[0]
    note = ('%s took pole in %d races of 1960-1969, the most of any constructor; next: %s. Counted once per race '
            'where the constructor had qualifying P1; %s.' % (cname(c), n, listing(iq, cname), POLE_NOTE))
    return rec('aggregate', 'team_most_poles_decade', 'Which constructor had the most pole positions in the 1960s?',
               con_names(c), note, ['seasons/196*/races/*/qualifying-results.yml',
                                    'seasons/196*/races/*/starting-grid-positions.yml'])


@cand('aggregate', 'engine maker with most 1990s wins')
def _():
    rs = decade(1990)
    it = strict_top(count_by(rs, lambda R: [r['engineManufacturerId'] for r in at(R, 1)]), 'engine wins 1990s')
    e, n = it[0]
    note = ('%s engines won %d of the %d races of 1990-1999, the most of any engine maker; next: %s. Counted once per '
            'race by the winner\'s engineManufacturerId; %s.' % (ENG[e]['name'], n, len(rs),
                                                                  listing(it, lambda k: ENG[k]['name']), WIN_NOTE))
    return rec('aggregate', 'engine_most_wins_decade', 'Which engine manufacturer won the most races in the 1990s?',
               eng_names(e), note, ['seasons/199*/races/*/race-results.yml'])


def team_top(con, what, question, category):
    c = collections.Counter()
    for d in DRIVER_ROWS:
        pred = lambda R, r: r['constructorId'] == con
        if what == 'wins':
            c[d] = len(wins_of(d, pred))
        elif what == 'podiums':
            c[d] = len(podiums_of(d, pred))
        else:
            c[d] = len(starts_of(d, pred))
    c = collections.Counter({k: v for k, v in c.items() if v})
    it = strict_top(c, '%s %s' % (con, what))
    d, n = it[0]
    extra = {'wins': WIN_NOTE, 'podiums': POD_NOTE, 'starts': 'a start is a race-results row not marked '
             'DNQ/DNPQ/DNS/DNP/EX'}[what]
    note = ('%s: %d Grand Prix %s for %s (constructorId %s), the most; next: %s. %s; %s.'
            % (dname(d), n, what, cname(con), con, listing(it, dname), extra, CUTOFF_NOTE))
    return rec('aggregate', category, question, names(d), note, ['seasons/*/races/*/race-results.yml'])


@cand('aggregate', 'top winner for Ligier')
def _():
    return team_top('ligier', 'wins', 'Who won the most races for Ligier?', 'team_top_winner')


@cand('aggregate', 'top winner for BRM')
def _():
    return team_top('brm', 'wins', 'Which driver won the most Grands Prix in a BRM?', 'team_top_winner')


@cand('aggregate', 'most podiums for Toyota')
def _():
    need(not [R for R in RES if any(r['constructorId'] == 'toyota' for r in at(R, 1))], 'toyota won')
    return team_top('toyota', 'podiums', 'toyota never won in f1, but who got them the most podiums?',
                    'team_top_podiums')


@cand('aggregate', 'most starts for Haas')
def _():
    return team_top('haas', 'starts', 'Who has made the most starts for the Haas team?', 'team_most_starts')


@cand('aggregate', 'distinct winners in 2003')
def _():
    rs = season_races(2003)
    ws = []
    for R in rs:
        for d in winners(R):
            if d not in ws:
                ws.append(d)
    note = ('%d different drivers won the %d Grands Prix of 2003: %s. %s.'
            % (len(ws), len(rs), ', '.join('%s %d' % (dname(d), len(wins_of(d, lambda R, r: R['year'] == 2003)))
                                           for d in ws), WIN_NOTE))
    return rec('aggregate', 'distinct_winners_season', 'How many different race winners were there in the 2003 season?',
               [str(len(ws))], note, ['seasons/2003/races/*/race-results.yml'])


@cand('aggregate', 'longest constructor win streak')
def _():
    best = []
    cur = {}
    for R in RES:
        cs = set(r['constructorId'] for r in at(R, 1))
        new = {}
        for c in cs:
            s, start = cur.get(c, (0, R))
            new[c] = (s + 1, start)
        for c, (s, start) in new.items():
            best.append((s, c, start['dir'], R['dir']))
        cur = new
    bc = collections.Counter()
    for s, c, a, b in best:
        bc[c] = max(bc[c], s)
    it = strict_top(bc, 'team win streak')
    c, n = it[0]
    run = [x for x in best if x[1] == c and x[0] == n]
    need(len(run) == 1, 'two streaks of the same length')
    s, c, a, b = run[0]
    Ra = [R for R in RES if R['dir'] == a][0]
    Rb = [R for R in RES if R['dir'] == b][0]
    note = ('%s won %d consecutive Grands Prix, from the %s to the %s, the longest winning run by a constructor; next: '
            '%s. Consecutive championship races with results (Indianapolis 500s included); %s.'
            % (cname(c), n, rtitle(Ra), rtitle(Rb), listing(it, cname), WIN_NOTE))
    return rec('aggregate', 'team_win_streak', 'What is the longest winning streak by a team in F1, and which team?',
               con_names(c), note, ['seasons/*/races/*/race-results.yml'], accept_all=[str(n)])


@cand('aggregate', 'circuits used for the German GP')
def _():
    rs = [R for R in RES if R['gp'] == 'germany']
    cs = collections.OrderedDict()
    for R in rs:
        cs.setdefault(R['circuit'], []).append(R['year'])
    parts = '; '.join('%s (%s, %s)' % (CIR[c]['fullName'], plural(len(v), 'race'),
                                        '%d-%d' % (min(v), max(v)) if len(v) > 1 else str(v[0])) for c, v in cs.items())
    note = ('The German Grand Prix (grandPrixId germany, %d races) has been held at %d different circuits: %s. The '
            'European and Eifel GPs at the Nürburgring are separate Grands Prix and not counted.'
            % (len(rs), len(cs), parts))
    return rec('aggregate', 'distinct_circuits_gp', 'At how many different tracks has the German Grand Prix been held?',
               [str(len(cs))], note, ['seasons/*/races/*-germany/race.yml'])


@cand('aggregate', 'top Swiss winner')
def _():
    return nationality_leader('switzerland', 'wins', 'Which Swiss driver won the most world championship Grands Prix?',
                              'top_winner_nationality')


@cand('aggregate', 'top winner for Cooper')
def _():
    return team_top('cooper', 'wins', 'Who won the most races driving a Cooper?', 'team_top_winner')


@cand('aggregate', 'youngest Ferrari race winner')
def _():
    best = {}
    for R in RES:
        for r in at(R, 1):
            if r['constructorId'] == 'ferrari':
                a = age_days(r['driverId'], R['date'])
                if r['driverId'] not in best or a < best[r['driverId']][0]:
                    best[r['driverId']] = (a, R)
    it = sorted(best.items(), key=lambda kv: (kv[1][0], kv[0]))
    need(it[0][1][0] < it[1][1][0], 'tie')
    d, (a, R) = it[0]
    d2, (a2, R2) = it[1]
    note = ('%s was %d (%d days) when he won the %s for Ferrari, the youngest Ferrari winner; next youngest: %s, aged '
            '%d, %s. %s.' % (dname(d), age_years(d, R['date']), a, rdesc(R), dname(d2), age_years(d2, R2['date']),
                             rtitle(R2), WIN_NOTE))
    return rec('aggregate', 'youngest_team_winner', 'Who is the youngest driver ever to win a race for Ferrari?',
               names(d), note, ['seasons/*/races/*/race-results.yml', 'drivers/*.yml'])


@cand('aggregate', 'most wins at Jacarepagua (spare)')
def _():
    return circuit_winner_rec('jac', 'jacarepagua',
                              'which driver won the most times at Jacarepaguá when the Brazilian GP was in Rio?')


# ----------------------------------------------------------------------------------------------------------------
# COLLOQUIAL

def season_points_rec(group, category, d, y, question, extra=''):
    row = stand_row(y, d)
    pts = fmtnum(row['points'])
    when = ('2026 standings after round 11 (the 2026 Hungarian GP), sprints included' if y == THIS
            else '%d final standings, sprints included' % y)
    note = ('%s has %s points in %d (P%d in the %s).%s' % (dname(d), pts, y, row['position'], when, extra))
    return rec(group, category, question, [pts], note, ['seasons/%d/driver-standings.yml' % y])


@cand('colloquial', 'Hulkenberg 2026 points')
def _():
    return season_points_rec('colloquial', 'nickname_relative_time', 'nico-hulkenberg', THIS,
                             'how many pts has the hulk got this season', ' "The hulk" = Nico Hülkenberg; this '
                             'season = 2026.')


@cand('colloquial', 'Albon 2026 points')
def _():
    return season_points_rec('colloquial', 'abbreviation_relative_time', 'alexander-albon', THIS,
                             'albon pts this yr?', ' This yr = 2026.')


@cand('colloquial', 'Bortoleto 2025 points')
def _():
    return season_points_rec('colloquial', 'typo_relative_time', 'gabriel-bortoleto', LAST,
                             'how many points did bortoletto score last season', ' "bortoletto" = Gabriel Bortoleto; '
                             'last season = 2025.')


def last_race():
    return [R for R in RES if R['year'] == THIS][-1]


@cand('colloquial', 'Alonso at the last race')
def _():
    R = last_race()
    rows = [r for r in rr(R) if r['driverId'] == 'fernando-alonso']
    need(len(rows) == 1 and isinstance(rows[0]['position'], int), 'Alonso row')
    r = rows[0]
    p = r['position']
    need(not r['points'], 'Alonso scored')
    note = ('The last race is the %s. "Nando" = Fernando Alonso (%s): he finished P%d, so no points (points go to the '
            'top 10).' % (rdesc(R), cname(r['constructorId']), p))
    return rec('colloquial', 'nickname_last_race', 'did nando score at the last race?? where did he finish',
               pos_accept(p), note, src_race(R))


@cand('colloquial', 'DNFs at the last race')
def _():
    R = last_race()
    dnf = [r for r in rr(R) if r['position'] == 'DNF']
    n = len(dnf)
    note = ('The last race is the %s. %d cars retired (position DNF): %s.'
            % (rdesc(R), n, ', '.join('%s (%s)' % (dname(r['driverId']), r['reasonRetired']) for r in dnf)))
    return rec('colloquial', 'slang_last_race', 'how many dnfs were there in the last race lol', [str(n)], note,
               src_race(R))


@cand('colloquial', 'Perez career podiums')
def _():
    d = 'sergio-perez'
    n = len(podiums_of(d))
    note = ('"The minister of defence" = Sergio Pérez: %d Grand Prix podiums in his career (%s; %s).'
            % (n, POD_NOTE, CUTOFF_NOTE))
    return rec('colloquial', 'nickname', 'how many career podiums has the minister of defence got', [str(n)], note,
               'seasons/*/races/*/race-results.yml')


@cand('colloquial', 'Fisichella Jordan win')
def _():
    d = 'giancarlo-fisichella'
    ws = wins_of(d, lambda R, r: r['constructorId'] == 'jordan')
    need(len(ws) == 1, 'fisichella jordan wins %d' % len(ws))
    R = ws[0]
    note = ('"Fisico" = Giancarlo Fisichella. His only win for Jordan was the %s at %s (f1db race-results P1; sprints not counted). '
            'The year is required.' % (rdesc(R), CIR[R['circuit']]['fullName']))
    return rec('colloquial', 'nickname', "fisico's win for jordan, which race was that??", venue_names(R), note,
               src_race(R), accept_all=[str(R['year'])])


@cand('colloquial', 'Heidfeld best finish')
def _():
    d = 'nick-heidfeld'
    ps = [r['position'] for R, r in DRIVER_ROWS[d] if isinstance(r['position'], int)]
    b = min(ps)
    n = ps.count(b)
    need(len(wins_of(d)) == 0, 'heidfeld won')
    need(not any(r['driverId'] == d for R in RACES for r in (R.get('sprint-race-results') or [])), 'sprints')
    ex = [rtitle(R) for R, r in DRIVER_ROWS[d] if r['position'] == b]
    note = ('"Quick Nick" = Nick Heidfeld. His best Grand Prix finish was P%d, %d times (%s); he never won a race. '
            'He never raced a sprint.'
            % (b, n, '; '.join(ex)))
    return rec('colloquial', 'nickname', 'quick nick heidfeld best ever finish in a gp?', pos_accept(b), note,
               'seasons/*/races/*/race-results.yml')


@cand('colloquial', 'Barrichello Ferrari wins')
def _():
    d = 'rubens-barrichello'
    ws = wins_of(d, lambda R, r: r['constructorId'] == 'ferrari')
    note = ('"Rubinho" = Rubens Barrichello: %d Grand Prix wins with Ferrari (%s). %s.'
            % (len(ws), ', '.join(rtitle(R) for R in ws), WIN_NOTE))
    return rec('colloquial', 'nickname', 'how many wins did rubinho get for ferarri', [str(len(ws))], note,
               'seasons/*/races/*/race-results.yml')


@cand('colloquial', 'Kvyat podiums')
def _():
    d = 'daniil-kvyat'
    ps = podiums_of(d)
    note = ('"The torpedo" = Daniil Kvyat: %d Grand Prix podiums (%s). %s.'
            % (len(ps), '; '.join('%s P%d' % (rtitle(R), [r['position'] for r in rr(R) if r['driverId'] == d][0])
                                  for R in ps), POD_NOTE))
    return rec('colloquial', 'nickname', 'did the torpedo ever get on the podium? how many times',
               [str(len(ps))], note, 'seasons/*/races/*/race-results.yml')


@cand('colloquial', '1979 champion')
def _():
    c = champion(1979)
    d = c['driverId']
    r2 = [r for r in drv_stand(1979) if r['position'] == 2][0]
    note = ('%s won the 1979 drivers\' championship (WDC) with %s points for %s; P2 %s (%s).'
            % (dname(d), fmtnum(c['points']), cname(main_team(d, 1979)), dname(r2['driverId']),
               fmtnum(r2['points'])))
    return rec('colloquial', 'abbreviation_short_year', 'who won the wdc in 79', names(d, season_field(1979)), note,
               'seasons/1979/driver-standings.yml')


@cand('colloquial', 'Gasly career podiums')
def _():
    d = 'pierre-gasly'
    ps = podiums_of(d)
    note = ('"gasley" = Pierre Gasly: %d Grand Prix podiums (%s). %s; %s.'
            % (len(ps), '; '.join(rtitle(R) for R in ps), POD_NOTE, CUTOFF_NOTE))
    return rec('colloquial', 'typo', 'how many podiums has gasley got in his career', [str(len(ps))], note,
               'seasons/*/races/*/race-results.yml')


def race_winner_rec(group, category, y, gp, question, extra=''):
    R = race(y, gp)
    w = one_at(R, 1)
    d = w['driverId']
    p2 = one_at(R, 2)['driverId']
    note = ('%s won the %s at %s for %s; P2 %s.%s' % (dname(d), rdesc(R), CIR[R['circuit']]['fullName'],
                                                        cname(w['constructorId']), dname(p2), extra))
    return rec(group, category, question, names(d, set(field(R))), note, src_race(R))


@cand('colloquial', '2009 Belgian GP winner')
def _():
    return race_winner_rec('colloquial', 'short_year', 2009, 'belgium', 'who won spa 2k09', ' "spa 2k09" = the 2009 '
                           'Belgian Grand Prix at Spa-Francorchamps.')


@cand('colloquial', '1968 German GP winner')
def _():
    return race_winner_rec('colloquial', 'slang_circuit_name', 1968, 'germany',
                           'who won at the ring in 68? the one in the fog', ' "the ring in 68" = the 1968 German Grand '
                           'Prix on the Nürburgring.')


@cand('colloquial', '1978 Canadian GP winner')
def _():
    first = min(R['year'] for R in RES if R['circuit'] == 'montreal')
    need(first == 1978, 'first montreal race %d' % first)
    return race_winner_rec('colloquial', 'circuit_name_short_year', 1978, 'canada', "who won in montreal in '78?",
                           ' Montreal 1978 = the 1978 Canadian Grand Prix, the first championship race at the Montreal '
                           'circuit.')


@cand('colloquial', '2026 sprints so far')
def _():
    rs = [R for R in RACES if R['year'] == THIS and R.get('sprint-race-results')]
    cal = [R for R in RACES if R['year'] == THIS and R['info'].get('sprintRaceDate')]
    note = ('%d sprints have been run in 2026 up to the cutoff: %s. The calendar has %d sprint weekends in all; the '
            'remaining ones (%s) have no sprint result in the data.'
            % (len(rs), ', '.join('%s (round %d)' % (GP[R['gp']]['name'], R['round']) for R in rs), len(cal),
               ', '.join('%s (round %d)' % (GP[R['gp']]['name'], R['round']) for R in cal if R not in rs)))
    return rec('colloquial', 'relative_time', 'how many sprints have we had so far this season?', [str(len(rs))], note,
               ['seasons/2026/races/*/sprint-race-results.yml', 'seasons/2026/races/*/race.yml'])


@cand('colloquial', 'Ocon best 2025 finish')
def _():
    d = 'esteban-ocon'
    rows = [(R, r) for R, r in DRIVER_ROWS[d] if R['year'] == LAST and isinstance(r['position'], int)]
    b = min(r['position'] for R, r in rows)
    at_b = [R for R, r in rows if r['position'] == b]
    need(len(at_b) == 1, 'ocon best twice')
    note = ('Last year = 2025. Esteban Ocon\'s best Grand Prix finish was P%d at the %s (for %s). Sprints not counted.'
            % (b, rdesc(at_b[0]), cname(main_team(d, LAST))))
    return rec('colloquial', 'abbreviation_relative_time', "ocon's best reslut last yr?", pos_accept(b), note,
               'seasons/2025/races/*/race-results.yml')


@cand('colloquial', 'Hadjar 2025 podium race')
def _():
    d = 'isack-hadjar'
    ps = [R for R in podiums_of(d) if R['year'] == LAST]
    need(len(ps) == 1, 'hadjar podiums %d' % len(ps))
    R = ps[0]
    p = [r['position'] for r in rr(R) if r['driverId'] == d][0]
    note = ('Last year = 2025. Isack Hadjar\'s only Grand Prix podium of 2025 (sprints not counted) was P%d at the %s, '
            '%s.'
            % (p, rdesc(R), CIR[R['circuit']]['fullName']))
    return rec('colloquial', 'relative_time', 'hadjar got a podium last year right? which race was it', venue_names(R),
               note, src_race(R))


@cand('colloquial', '2025 Monaco pole')
def _():
    R = race(LAST, 'monaco')
    d = pole(R)
    note = ('Last yr = 2025. %s took pole for the %s (%s).' % (dname(d), rdesc(R), POLE_NOTE))
    return rec('colloquial', 'abbreviation_relative_time', 'who got p1 in quali at monaco last yr',
               names(d, set(field(R))), note, [src_race(R, 'qualifying-results'),
                                               src_race(R, 'starting-grid-positions')])


@cand('colloquial', '2025 British GP driver of the day')
def _():
    R = race(LAST, 'great-britain')
    d = one_at(R, 1, 'driver-of-the-day-results')['driverId']
    note = ('Last yr = 2025, Silverstone = the %s. Driver of the Day (P1 of driver-of-the-day-results): %s.'
            % (rdesc(R), dname(d)))
    return rec('colloquial', 'abbreviation_relative_time', 'dotd at silverstone last yr?', names(d, set(field(R))),
               note, src_race(R, 'driver-of-the-day-results'))


@cand('colloquial', '2006 constructors champion')
def _():
    c = con_champion(2006)
    r2 = [r for r in con_stand(2006) if r['position'] == 2][0]
    note = ('%s won the 2006 constructors\' championship (WCC) with %s points; P2 %s (%s).'
            % (cname(c['constructorId']), fmtnum(c['points']), cname(r2['constructorId']), fmtnum(r2['points'])))
    return rec('colloquial', 'abbreviation', 'which team won the wcc in 2006', con_names(c['constructorId']), note,
               'seasons/2006/constructor-standings.yml')


@cand('colloquial', 'Ferrari 2025 GP wins')
def _():
    rs = season_races(LAST)
    ws = [R for R in rs if any(r['constructorId'] == 'ferrari' for r in at(R, 1))]
    need(len(ws) == 0, 'ferrari won in 2025')
    sp = [R for R in RACES if R['year'] == LAST and any(r['constructorId'] == 'ferrari'
                                                        for r in at(R, 1, 'sprint-race-results'))]
    note = ('Last season = 2025: Ferrari won 0 of the %d Grands Prix (no wins). Sprints are not Grands Prix; Ferrari '
            'did win %s (%s).' % (len(rs), plural(len(sp), 'sprint'), ', '.join('%s sprint, %s' % (
                rtitle(R), dname(one_at(R, 1, 'sprint-race-results')['driverId'])) for R in sp)))
    return rec('colloquial', 'relative_time_zero', 'how many gps did ferrari win last season',
               ['0', 'zero', 'no wins', 'none', "didn't win", 'did not win', 'winless', 'no grand prix wins',
                'no gp wins', 'no race wins', 'not a single'], note, 'seasons/2025/races/*/race-results.yml')


@cand('colloquial', '1987 drivers runner-up')
def _():
    r2 = [r for r in drv_stand(1987) if r['position'] == 2]
    need(len(r2) == 1, 'p2')
    d = r2[0]['driverId']
    note = ('%s was runner-up in the 1987 WDC with %s points, behind %s.' % (
        dname(d), fmtnum(r2[0]['points']), dname(champion(1987)['driverId'])))
    return rec('colloquial', 'abbreviation_short_year', 'who came 2nd in the wdc in 87', names(d, season_field(1987)),
               note, 'seasons/1987/driver-standings.yml')


# ----------------------------------------------------------------------------------------------------------------
# RELATIONAL

def teammate_rec(d, con, y, question, premise=''):
    mate, k, n, it = teammate(d, con, y)
    others = ', '.join('%s %d' % (dname(o), v) for o, v in it[1:])
    note = ('%s\'s team-mate at %s in %d was %s, alongside him in %d of his %d starts for the team%s.%s'
            % (dname(d), cname(con), y, dname(mate), k, n, (' (others: %s)' % others) if others else '', premise))
    return rec('relational', 'teammate', question, names(mate, season_field(y)), note,
               'seasons/%d/races/*/race-results.yml' % y)


@cand('relational', 'Hadjar team-mate 2025')
def _():
    need(main_team('isack-hadjar', LAST) == 'racing-bulls', 'team')
    return teammate_rec('isack-hadjar', 'racing-bulls', LAST, "who was hadjar's team-mate last year?",
                        ' Last year = 2025.')


@cand('relational', 'Fittipaldi team-mate 1974')
def _():
    return teammate_rec('emerson-fittipaldi', 'mclaren', 1974, "Who was Emerson Fittipaldi's team-mate at McLaren in "
                        "his 1974 title season?")


@cand('relational', 'Alan Jones team-mate 1980')
def _():
    need(champion(1980)['driverId'] == 'alan-jones', 'premise')
    return teammate_rec('alan-jones', 'williams', 1980, 'Who partnered Alan Jones at Williams in 1980, the year he won '
                        'the title?', ' Jones was the 1980 champion.')


@cand('relational', 'Hulme team-mate 1967')
def _():
    need(champion(1967)['driverId'] == 'denny-hulme', 'premise')
    return teammate_rec('denny-hulme', 'brabham', 1967, "Denny Hulme's team-mate at Brabham in 1967?")


@cand('relational', 'J. Villeneuve team-mate 1997')
def _():
    need(champion(1997)['driverId'] == 'jacques-villeneuve', 'premise')
    return teammate_rec('jacques-villeneuve', 'williams', 1997, 'who was jacques villeneuves teammate in his '
                        'championship year 1997')


@cand('relational', 'Albon team-mate 2023')
def _():
    return teammate_rec('alexander-albon', 'williams', 2023, "Who was Alex Albon's team-mate at Williams in 2023?")


def engine_rec(con, y, question):
    e, n = team_engine(con, y)
    note = ('%s used %s engines throughout %d: all %d race and qualifying rows of the team name engineManufacturerId %s, '
            'and entrants.yml lists no other.' % (cname(con), ENG[e]['name'], y, n, e))
    return rec('relational', 'engine_supplier', question, eng_names(e), note,
               ['seasons/%d/races/*/race-results.yml' % y, 'seasons/%d/entrants.yml' % y])


@cand('relational', 'Jordan 1995 engine')
def _():
    return engine_rec('jordan', 1995, 'What engine was in the back of the Jordan in 1995?')


@cand('relational', 'Brabham 1986 engine')
def _():
    return engine_rec('brabham', 1986, 'who supplied brabham with engines in 1986')


@cand('relational', 'Stewart 1997 engine')
def _():
    need(min(R['year'] for R in RES if any(r['constructorId'] == 'stewart' for r in rr(R))) == 1997, 'first season')
    return engine_rec('stewart', 1997, "Which engine maker powered Jackie Stewart's own team in its first season, "
                      "1997?")


@cand('relational', 'Force India 2008 engine')
def _():
    need(min(R['year'] for R in RES if any(r['constructorId'] == 'force-india' for r in rr(R))) == 2008, 'debut')
    return engine_rec('force-india', 2008, 'Force India’s debut season in 2008 — whose engines did they run?')


def lineup_rec(con, y, question):
    ds = []
    for R in season_races(y):
        for r in rr(R):
            if r['constructorId'] == con and started(r) and r['driverId'] not in ds:
                ds.append(r['driverId'])
    rows_all = set(r['driverId'] for R in season_races(y) for r in rr(R) if r['constructorId'] == con)
    need(len(ds) == 2 and rows_all == set(ds), 'line-up %s %d: %s' % (con, y, sorted(rows_all)))
    nrace = len(season_races(y))
    cnt = {d: len(starts_of(d, lambda R, r: R['year'] == y and r['constructorId'] == con)) for d in ds}
    scope = season_field(y)
    note = ('%s\'s %d line-up: %s and %s, the only two drivers with a race-results row for the team that season '
            '(starts: %s of %d races). Both names are required.'
            % (cname(con), y, dname(ds[0]), dname(ds[1]), ', '.join('%s %d' % (dname(d), cnt[d]) for d in ds), nrace))
    return rec('relational', 'lineup', question, names(ds[0], scope) + names(ds[1], scope), note,
               'seasons/%d/races/*/race-results.yml' % y, accept_all=[key_name(ds[0], scope), key_name(ds[1], scope)])


@cand('relational', 'Sauber 2001 line-up')
def _():
    return lineup_rec('sauber', 2001, 'Who drove for Sauber in 2001?')


@cand('relational', 'Jordan 1998 line-up')
def _():
    return lineup_rec('jordan', 1998, "who were jordan's two drivers in 1998")


def position_rec(y, gp, p, question, category, extra=''):
    R = race(y, gp)
    r = one_at(R, p)
    d = r['driverId']
    w = one_at(R, 1)['driverId']
    note = ('%s finished P%d in the %s (%s), behind winner %s.%s' % (dname(d), p, rdesc(R), cname(r['constructorId']),
                                                                    dname(w), extra))
    return rec('relational', category, question, names(d, set(field(R))), note, src_race(R))


@cand('relational', '1961 Monaco P2')
def _():
    R = race(1961, 'monaco')
    return position_rec(1961, 'monaco', 2, 'Who finished second to %s at Monaco in 1961?' % dname(one_at(R, 1)[
        'driverId']), 'second_to_winner')


@cand('relational', 'ahead of Schumacher in his last race')
def _():
    d = 'michael-schumacher'
    R = starts_of(d)[-1]
    mine = [r for r in rr(R) if r['driverId'] == d][0]
    need(isinstance(mine['position'], int) and mine['position'] > 1, 'schumacher pos')
    r = one_at(R, mine['position'] - 1)
    note = ('Michael Schumacher\'s last start was the %s, where he finished P%d; right ahead of him in P%d was %s (%s).'
            % (rdesc(R), mine['position'], r['position'], dname(r['driverId']), cname(r['constructorId'])))
    return rec('relational', 'right_ahead', 'In Michael Schumacher’s final F1 race, who finished directly ahead of him?',
               names(r['driverId'], set(field(R))), note, src_race(R))


@cand('relational', 'right behind Stroll, Baku 2017')
def _():
    d = 'lance-stroll'
    R = podiums_of(d)[0]
    need(R['year'] == 2017 and R['gp'] == 'azerbaijan', 'first podium %s' % R['dir'])
    mine = [r for r in rr(R) if r['driverId'] == d][0]
    r = one_at(R, mine['position'] + 1)
    note = ('Lance Stroll\'s first podium was P%d at the %s; right behind him in P%d was %s (%s).'
            % (mine['position'], rdesc(R), r['position'], dname(r['driverId']), cname(r['constructorId'])))
    return rec('relational', 'right_behind', 'Lance Stroll got his first podium in Baku in 2017 — who crossed the line '
               'right behind him?', names(r['driverId'], set(field(R))), note, src_race(R))


@cand('relational', '1970 Mexican GP P3')
def _():
    return position_rec(1970, 'mexico', 3, 'who took the last step of the podium at the 1970 Mexican GP?', 'p3')


@cand('relational', '1977 drivers runner-up')
def _():
    r2 = [r for r in drv_stand(1977) if r['position'] == 2]
    need(len(r2) == 1, 'p2')
    d = r2[0]['driverId']
    c = champion(1977)
    note = ('%s was runner-up in the 1977 drivers\' championship with %s points (%s), behind champion %s (%s).'
            % (dname(d), fmtnum(r2[0]['points']), cname(main_team(d, 1977)), dname(c['driverId']),
               fmtnum(c['points'])))
    return rec('relational', 'drivers_runner_up', 'Who finished runner-up in the 1977 drivers’ championship?',
               names(d, season_field(1977)), note, 'seasons/1977/driver-standings.yml')


@cand('relational', '1979 constructors runner-up')
def _():
    r2 = [r for r in con_stand(1979) if r['position'] == 2]
    need(len(r2) == 1, 'p2')
    c = r2[0]['constructorId']
    ch = con_champion(1979)
    note = ('%s finished second in the 1979 constructors\' championship with %s points, behind %s (%s).'
            % (cname(c), fmtnum(r2[0]['points']), cname(ch['constructorId']), fmtnum(ch['points'])))
    return rec('relational', 'constructors_runner_up', 'Which team was second in the 1979 constructors’ standings?',
               con_names(c), note, 'seasons/1979/constructor-standings.yml')


@cand('relational', '1989 Japanese GP pole')
def _():
    R = race(1989, 'japan')
    d = pole(R)
    note = ('%s took pole for the %s at Suzuka (%s).' % (dname(d), rdesc(R), POLE_NOTE))
    return rec('relational', 'pole', 'Who started from pole at Suzuka in 1989?', names(d, set(field(R))), note,
               [src_race(R, 'qualifying-results'), src_race(R, 'starting-grid-positions')])


@cand('relational', '2025 Sao Paulo DOTD')
def _():
    R = race(LAST, 'sao-paulo')
    d = one_at(R, 1, 'driver-of-the-day-results')['driverId']
    note = 'Driver of the Day at the %s (P1 of driver-of-the-day-results): %s.' % (rdesc(R), dname(d))
    return rec('relational', 'driver_of_the_day', 'Who was voted Driver of the Day at Interlagos in 2025?',
               names(d, set(field(R))), note, src_race(R, 'driver-of-the-day-results'))


@cand('relational', '2025 Abu Dhabi fastest lap')
def _():
    R = race(LAST, 'abu-dhabi')
    r = one_at(R, 1, 'fastest-laps')
    note = 'Fastest lap of the %s: %s, %s on lap %s (P1 of fastest-laps.yml).' % (rdesc(R), dname(r['driverId']),
                                                                                 r['time'], r['lap'])
    return rec('relational', 'fastest_lap', 'Who set the fastest lap in the 2025 Abu Dhabi Grand Prix?',
               names(r['driverId'], set(field(R))), note, src_race(R, 'fastest-laps'))


@cand('relational', "winner of Schumacher's debut race")
def _():
    d = 'michael-schumacher'
    R = starts_of(d)[0]
    w = one_at(R, 1)['driverId']
    note = ('Michael Schumacher\'s first start was the %s (for %s); it was won by %s.'
            % (rdesc(R), cname([r for r in rr(R) if r['driverId'] == d][0]['constructorId']), dname(w)))
    return rec('relational', 'winner_of_debut', "who won the race that michael schumacher made his debut in?",
               names(w, set(field(R))), note, src_race(R))


@cand('relational', "Lawson's replacement at Red Bull 2025")
def _():
    rs = season_races(LAST)
    rb = [[r['driverId'] for r in rr(R) if r['constructorId'] == 'red-bull'] for R in rs]
    idx = [i for i, ds in enumerate(rb) if 'liam-lawson' in ds]
    need(idx and idx == list(range(idx[0], idx[-1] + 1)), 'lawson rounds')
    nxt = idx[-1] + 1
    new = sorted(set(rb[nxt]) - set(rb[idx[-1]]))
    need(len(new) == 1, 'replacement %s' % new)
    d = new[0]
    note = ('Liam Lawson drove for Red Bull in rounds %d-%d of 2025 (last: %s); from the %s (round %d) his seat went to '
            '%s, alongside Max Verstappen.' % (rs[idx[0]]['round'], rs[idx[-1]]['round'], rtitle(rs[idx[-1]]),
                                               rtitle(rs[nxt]), rs[nxt]['round'], dname(d)))
    return rec('relational', 'replacement', "Who took Liam Lawson's Red Bull seat early in 2025?",
               names(d, season_field(LAST)), note, 'seasons/2025/races/*/race-results.yml')


@cand('relational', 'Keke Rosberg team-mate 1982')
def _():
    return teammate_rec('keke-rosberg', 'williams', 1982, "Who was Keke Rosberg's team-mate for most of 1982?")


# ----------------------------------------------------------------------------------------------------------------
# CAREER HISTORY

def first_win_rec(d, question, category='first_win'):
    ws = wins_of(d)
    need(ws, 'no wins')
    R = ws[0]
    note = ('%s\'s first Grand Prix win: the %s at %s, for %s (%s in his career; sprints not counted). The year is required.'
            % (dname(d), rdesc(R), CIR[R['circuit']]['fullName'],
               cname([r for r in rr(R) if r['driverId'] == d][0]['constructorId']), plural(len(ws), 'win')))
    return rec('career_history', category, question, venue_names(R), note, 'seasons/*/races/*/race-results.yml',
               accept_all=[str(R['year'])])


def last_win_rec(d, question):
    ws = wins_of(d)
    need(ws, 'no wins')
    R = ws[-1]
    note = ('%s\'s last Grand Prix win: the %s at %s, for %s (win %d of %d; sprints not counted). The year is required.'
            % (dname(d), rdesc(R), CIR[R['circuit']]['fullName'],
               cname([r for r in rr(R) if r['driverId'] == d][0]['constructorId']), len(ws), len(ws)))
    return rec('career_history', 'last_win', question, venue_names(R), note, 'seasons/*/races/*/race-results.yml',
               accept_all=[str(R['year'])])


@cand('career_history', 'Alesi first win')
def _():
    return first_win_rec('jean-alesi', 'Where and when did Jean Alesi win his first Grand Prix?')


@cand('career_history', 'Kovalainen first win')
def _():
    return first_win_rec('heikki-kovalainen', 'Which race gave Heikki Kovalainen his first F1 win?')


@cand('career_history', 'Montoya first win')
def _():
    return first_win_rec('juan-pablo-montoya', "Juan Pablo Montoya's maiden Grand Prix victory came where, and in "
                         "what year?")


@cand('career_history', 'Trulli first win')
def _():
    return first_win_rec('jarno-trulli', 'what was jarno trullis first ever win')


@cand('career_history', 'Rosberg last win')
def _():
    return last_win_rec('nico-rosberg', "What was Nico Rosberg's last Grand Prix victory?")


@cand('career_history', 'Coulthard last win')
def _():
    return last_win_rec('david-coulthard', 'When and where did David Coulthard last win a race?')


@cand('career_history', 'Fangio last win')
def _():
    return last_win_rec('juan-manuel-fangio', "Which Grand Prix was Fangio's final win?")


@cand('career_history', 'Mansell debut race')
def _():
    d = 'nigel-mansell'
    R = starts_of(d)[0]
    r = [x for x in rr(R) if x['driverId'] == d][0]
    note = ('%s\'s first Grand Prix start: the %s, for %s (result: %s). The year is required.' % (dname(d),
               rdesc(R), cname(r['constructorId']), r['position'] if not isinstance(r['position'], int)
               else 'P%d' % r['position']))
    return rec('career_history', 'debut_race', 'In which race did Nigel Mansell make his F1 debut?', venue_names(R),
               note, 'seasons/*/races/*/race-results.yml', accept_all=[str(R['year'])])


def debut_team_rec(d, question):
    R = starts_of(d)[0]
    r = [x for x in rr(R) if x['driverId'] == d][0]
    c = r['constructorId']
    note = ('%s made his first Grand Prix start for %s at the %s.' % (dname(d), cname(c), rdesc(R)))
    return rec('career_history', 'debut_team', question, con_names(c), note, 'seasons/*/races/*/race-results.yml')


@cand('career_history', 'Raikkonen debut team')
def _():
    return debut_team_rec('kimi-raikkonen', 'Which team gave Kimi Räikkönen his F1 debut?')


@cand('career_history', 'Ricciardo debut team')
def _():
    return debut_team_rec('daniel-ricciardo', 'what team did daniel ricciardo start his f1 career with')


@cand('career_history', 'Russell first podium')
def _():
    d = 'george-russell'
    R = podiums_of(d)[0]
    r = [x for x in rr(R) if x['driverId'] == d][0]
    note = ('George Russell\'s first Grand Prix podium (sprints not counted): P%d at the %s, for %s. The year is '
            'required.'
            % (r['position'], rdesc(R), cname(r['constructorId'])))
    return rec('career_history', 'first_podium', 'When did George Russell score his first podium?', venue_names(R),
               note, 'seasons/*/races/*/race-results.yml', accept_all=[str(R['year'])])


def team_first_podium_rec(con, question):
    ps = [R for R in RES if any(r['constructorId'] == con and r['position'] in (1, 2, 3) for r in rr(R))]
    need(ps, 'no podium')
    R = ps[0]
    rows = [r for r in rr(R) if r['constructorId'] == con and r['position'] in (1, 2, 3)]
    need(len(rows) == 1, 'two podium cars')
    d = rows[0]['driverId']
    note = ('%s\'s first Grand Prix podium (sprints not counted): %s, P%d at the %s. Driver and year are required.'
            % (cname(con), dname(d), rows[0]['position'], rdesc(R)))
    return rec('career_history', 'team_first_podium', question, names(d, set(field(R))), note,
               'seasons/*/races/*/race-results.yml', accept_all=[str(R['year'])])


@cand('career_history', 'Toyota first podium')
def _():
    return team_first_podium_rec('toyota', 'Who gave Toyota its first F1 podium, and in which year?')


@cand('career_history', 'Aston Martin first podium')
def _():
    return team_first_podium_rec('aston-martin', 'who scored the first podium for the modern aston martin team and '
                                 'when')


@cand('career_history', 'Vettel teams')
def _():
    d = 'sebastian-vettel'
    cs = []
    for R in starts_of(d):
        for r in rr(R):
            if r['driverId'] == d and r['constructorId'] not in cs:
                cs.append(r['constructorId'])
    need(len(cs) >= 3, 'teams')
    spans = []
    for c in cs:
        ys = sorted(set(R['year'] for R in starts_of(d, lambda R, r, c=c: r['constructorId'] == c)))
        spans.append('%s (%s)' % (cname(c), '%d-%d' % (ys[0], ys[-1]) if len(ys) > 1 else str(ys[0])))
    keys = ['Sauber' if c == 'bmw-sauber' else cname(c) for c in cs]
    note = ('Sebastian Vettel started races for %d teams: %s. All five are required ("Sauber" matches BMW Sauber).'
            % (len(cs), ', '.join(spans)))
    need(len(cs) == 5, 'vettel teams %d' % len(cs))
    return rec('career_history', 'teams_driven_for', 'Which teams did Sebastian Vettel race for in F1?',
               [keys[0], cname(cs[0])], note, 'seasons/*/races/*/race-results.yml', accept_all=keys)


@cand('career_history', 'Button seasons')
def _():
    d = 'jenson-button'
    ys = sorted(set(R['year'] for R in starts_of(d)))
    last = [R for R in starts_of(d) if R['year'] == ys[-1]]
    note = ('Jenson Button started races in %d seasons: %d-%d (%s; in %d he started only the %s). A season counts if he '
            'started at least one Grand Prix.' % (len(ys), ys[0], ys[-1], ', '.join(map(str, ys)), ys[-1],
                                                  ', '.join(rtitle(R) for R in last)))
    need(ys == list(range(ys[0], ys[-1] + 1)), 'gap in seasons')
    return rec('career_history', 'seasons_raced', 'How many seasons did Jenson Button race in Formula 1?',
               [str(len(ys))], note, 'seasons/*/races/*/race-results.yml')


@cand('career_history', 'Honda first win')
def _():
    ws = [R for R in RES if any(r['constructorId'] == 'honda' for r in at(R, 1))]
    R = ws[0]
    d = one_at(R, 1)['driverId']
    note = ('Honda (as a constructor) first won at the %s with %s. Driver and year are required.' % (rdesc(R), dname(d)))
    return rec('career_history', 'team_first_win', "Who gave Honda's works team its first Grand Prix win, and when?",
               names(d, set(field(R))), note, 'seasons/*/races/*/race-results.yml', accept_all=[str(R['year'])])


@cand('career_history', 'McLaren title before 2024')
def _():
    ys = [y for y in range(1958, LAST_COMPLETE + 1) if con_champion(y)['constructorId'] == 'mclaren']
    need(2024 in ys, 'mclaren 2024')
    prev = [y for y in ys if y < 2024][-1]
    note = ('McLaren\'s constructors\' titles: %s. Before 2024 the last one was %d.' % (', '.join(map(str, ys)), prev))
    return rec('career_history', 'team_title', "Before 2024, when had McLaren last won the constructors' "
               "championship?", [str(prev)], note, 'seasons/*/constructor-standings.yml')


# ----------------------------------------------------------------------------------------------------------------
# COMPARATIVE

def career_cmp(a, b, what, question):
    f = {'wins': wins_of, 'podiums': podiums_of}[what]
    na, nb = len(f(a)), len(f(b))
    need(na != nb, 'equal')
    hi, lo, nh, nl = (a, b, na, nb) if na > nb else (b, a, nb, na)
    if what == 'wins':
        sa, sb = len(solo_wins_of(a)), len(solo_wins_of(b))
        need(abs(sa - sb) == abs(na - nb), 'shared drives change the margin')
    note = ('%s %d, %s %d career Grand Prix %s: %s leads by %d. %s; %s.'
            % (dname(hi), nh, dname(lo), nl, what, dname(hi), nh - nl, WIN_NOTE if what == 'wins' else POD_NOTE,
               CUTOFF_NOTE))
    scope = {a, b}
    return rec('comparative', 'career_%s' % what, question, names(hi, scope), note,
               'seasons/*/races/*/race-results.yml', accept_all=[str(nh - nl)])


@cand('comparative', 'D. Hill v Hakkinen wins')
def _():
    return career_cmp('damon-hill', 'mika-hakkinen', 'wins', 'Who won more races, Damon Hill or Mika Häkkinen, and by '
                      'how many?')


@cand('comparative', 'Alonso v Hamilton podiums')
def _():
    return career_cmp('fernando-alonso', 'lewis-hamilton', 'podiums', 'alonso vs hamilton career podiums — whos got more '
                      'and whats the gap')


@cand('comparative', 'Surtees v Brabham wins')
def _():
    return career_cmp('john-surtees', 'jack-brabham', 'wins', 'Between John Surtees and Jack Brabham, who won more '
                      'Grands Prix, and by how many?')


@cand('comparative', 'Peterson v Reutemann wins')
def _():
    return career_cmp('ronnie-peterson', 'carlos-reutemann', 'wins', 'Ronnie Peterson or Carlos Reutemann: who has '
                      'more F1 wins, and how many more?')


def season_cmp(a, b, y, question, extra=''):
    need(y >= 1991, 'dropped-score era')
    ra, rb_ = stand_row(y, a), stand_row(y, b)
    pa, pb = ra['points'], rb_['points']
    need(pa != pb, 'equal')
    hi, lo, rh, rl = (a, b, ra, rb_) if pa > pb else (b, a, rb_, ra)
    m = fmtnum(rh['points'] - rl['points'])
    note = ('%d drivers\' standings: %s %s points (P%d), %s %s (P%d); %s ahead by %s. Season totals, sprints included '
            'where held.%s' % (y, dname(hi), fmtnum(rh['points']), rh['position'], dname(lo), fmtnum(rl['points']),
                               rl['position'], dname(hi), m, extra))
    return rec('comparative', 'season_points', question, names(hi, {a, b}), note,
               'seasons/%d/driver-standings.yml' % y, accept_all=[m])


@cand('comparative', 'Button v Hamilton 2011')
def _():
    return season_cmp('jenson-button', 'lewis-hamilton', 2011, 'In 2011 at McLaren, who scored more points, Button or '
                      'Hamilton? By how much?')


@cand('comparative', 'Verstappen v Ricciardo 2018')
def _():
    return season_cmp('max-verstappen', 'daniel-ricciardo', 2018, 'max vs danny ric in 2018, who had more points and by '
                      'how many')


@cand('comparative', 'Norris v Piastri 2024')
def _():
    return season_cmp('lando-norris', 'oscar-piastri', 2024, 'Norris or Piastri in 2024: who scored more points, and '
                      'by how much?')


@cand('comparative', 'D. Hill v J. Villeneuve 1996')
def _():
    return season_cmp('damon-hill', 'jacques-villeneuve', 1996, 'Damon Hill vs Jacques Villeneuve in 1996: who '
                      'finished ahead on points, and what was the gap?')


@cand('comparative', 'Raikkonen v Montoya 2005')
def _():
    return season_cmp('kimi-raikkonen', 'juan-pablo-montoya', 2005, 'Räikkönen or Montoya — who outscored the other at '
                      'McLaren in 2005, and by how many points?')


@cand('comparative', 'Williams v Lotus constructors titles')
def _():
    c = collections.Counter(con_champion(y)['constructorId'] for y in range(1958, LAST_COMPLETE + 1))
    a, b = c['williams'], c['lotus']
    need(a != b, 'equal')
    hi, lo, nh, nl = ('williams', 'lotus', a, b) if a > b else ('lotus', 'williams', b, a)
    yrs = lambda k: ', '.join(str(y) for y in range(1958, LAST_COMPLETE + 1) if con_champion(y)['constructorId'] == k)
    note = ('Constructors\' titles (1958-2025): %s %d (%s), %s %d (%s); %s has %d more.'
            % (cname(hi), nh, yrs(hi), cname(lo), nl, yrs(lo), cname(hi), nh - nl))
    return rec('comparative', 'constructors_titles', 'Who has more constructors’ titles, Williams or Lotus, and how '
               'many more?', con_names(hi), note, 'seasons/*/constructor-standings.yml', accept_all=[str(nh - nl)])


def finish_cmp(y, gp, a, b, question):
    R = race(y, gp)
    ra = [r for r in rr(R) if r['driverId'] == a]
    rb_ = [r for r in rr(R) if r['driverId'] == b]
    need(len(ra) == 1 and len(rb_) == 1, 'rows')
    pa, pb = ra[0]['position'], rb_[0]['position']
    need(isinstance(pa, int) and isinstance(pb, int), 'both classified')
    hi, lo, ph, pl = (a, b, pa, pb) if pa < pb else (b, a, pb, pa)
    note = ('%s: %s finished P%d, %s P%d, so %s finished higher. The leader\'s position is required.'
            % (rdesc(R), dname(hi), ph, dname(lo), pl, dname(hi)))
    return rec('comparative', 'who_finished_higher', question, names(hi, {a, b}), note, src_race(R),
               accept_all=[str(ph)])


@cand('comparative', 'Leclerc v Hamilton, Austria 2026')
def _():
    return finish_cmp(THIS, 'austria', 'charles-leclerc', 'lewis-hamilton', 'ferrari boys at the red bull ring this '
                      'year, who finished higher, charles or lewis?')


@cand('comparative', 'Gasly v Colapinto 2026 Belgium')
def _():
    return finish_cmp(THIS, 'belgium', 'pierre-gasly', 'franco-colapinto', 'At Spa this year, which Alpine driver '
                      'finished higher, Gasly or Colapinto?')


@cand('comparative', 'McLaren v Red Bull 2025 wins')
def _():
    rs = season_races(LAST)
    c = count_by(rs, lambda R: [r['constructorId'] for r in at(R, 1)])
    a, b = c['mclaren'], c['red-bull']
    need(a != b, 'equal')
    hi, lo, nh, nl = ('mclaren', 'red-bull', a, b) if a > b else ('red-bull', 'mclaren', b, a)
    note = ('2025: %s won %d Grands Prix, %s %d (of %d); %s won %d more. %s.'
            % (cname(hi), nh, cname(lo), nl, len(rs), cname(hi), nh - nl, WIN_NOTE))
    return rec('comparative', 'team_season_wins', 'mclaren vs red bull gp wins last season, who had more and by '
               'how many', con_names(hi), note, 'seasons/2025/races/*/race-results.yml',
               accept_all=[str(nh - nl)])


# ----------------------------------------------------------------------------------------------------------------
# MULTI-PART

def champ_team_rec(y, question):
    c = champion(y)
    d = c['driverId']
    t = main_team(d, y)
    note = ('%d champion: %s (%s points), driving for %s. Both the driver and the team are required.'
            % (y, dname(d), fmtnum(c['points']), cname(t)))
    return rec('multi_part', 'champion_team', question, names(d, season_field(y)), note,
               ['seasons/%d/driver-standings.yml' % y, 'seasons/%d/races/*/race-results.yml' % y],
               accept_all=[cname(t)])


def champ_wins_rec(y, question):
    c = champion(y)
    d = c['driverId']
    ws = wins_of(d, lambda R, r: R['year'] == y)
    note = ('%d champion: %s, with %d Grand Prix wins that season (%s). Both parts are required; %s.'
            % (y, dname(d), len(ws), ', '.join(GP[R['gp']]['name'] for R in ws), WIN_NOTE))
    return rec('multi_part', 'champion_wins', question, names(d, season_field(y)), note,
               ['seasons/%d/driver-standings.yml' % y, 'seasons/%d/races/*/race-results.yml' % y],
               accept_all=[str(len(ws))])


@cand('multi_part', '1978 champion + team')
def _():
    return champ_team_rec(1978, 'Who won the 1978 world title, and for which team?')


@cand('multi_part', '1963 champion + wins')
def _():
    return champ_wins_rec(1963, '1963 world champion, and how many races did he win that year?')


@cand('multi_part', '1987 champion + wins')
def _():
    return champ_wins_rec(1987, 'who was champ in 1987 and how many gps did he actually win that season')


@cand('multi_part', '1995 champion + wins')
def _():
    return champ_wins_rec(1995, 'Name the 1995 drivers’ champion and his number of wins that year.')


@cand('multi_part', '1959 champion + team')
def _():
    return champ_team_rec(1959, '1959 world champion and his team?')


@cand('multi_part', '1998 constructors champion + points')
def _():
    c = con_champion(1998)
    r2 = [r for r in con_stand(1998) if r['position'] == 2][0]
    note = ('1998 constructors\' champion: %s with %s points (P2 %s, %s). Both parts are required.'
            % (cname(c['constructorId']), fmtnum(c['points']), cname(r2['constructorId']), fmtnum(r2['points'])))
    return rec('multi_part', 'constructors_champion_points', 'Which team took the 1998 constructors’ title, and with '
               'how many points?', con_names(c['constructorId']), note, 'seasons/1998/constructor-standings.yml',
               accept_all=[fmtnum(c['points'])])


def pole_winner_rec(y, gp, question, category='pole_and_winner'):
    R = race(y, gp)
    p = pole(R)
    w = one_at(R, 1)['driverId']
    need(p != w, 'same driver')
    sc = set(field(R))
    note = ('%s: pole %s, won by %s (%s; the winner is race-results P1). Both names are required.'
            % (rdesc(R), dname(p), dname(w), POLE_NOTE))
    return rec('multi_part', category, question, names(p, sc), note,
               [src_race(R, 'qualifying-results'), src_race(R, 'starting-grid-positions'), src_race(R)],
               accept_all=[key_name(p, sc), key_name(w, sc)])


@cand('multi_part', '2012 Brazil pole + winner')
def _():
    return pole_winner_rec(2012, 'brazil', 'Interlagos 2012: who was on pole and who won the race?')


@cand('multi_part', '2008 Singapore pole + winner')
def _():
    need(min(R['year'] for R in RES if R['gp'] == 'singapore') == 2008, 'first singapore')
    return pole_winner_rec(2008, 'singapore', 'first ever singapore night race 2008 — pole sitter and winner?')


def wins_podiums_rec(d, y, question):
    ws = wins_of(d, lambda R, r: R['year'] == y)
    ps = podiums_of(d, lambda R, r: R['year'] == y)
    need(len(ws) != len(ps), 'same numbers')
    note = ('%s in %d: %d Grand Prix wins and %d podiums (%d races). Both numbers are required; sprints not counted.'
            % (dname(d), y, len(ws), len(ps), len(season_races(y))))
    return rec('multi_part', 'wins_and_podiums', question, [str(len(ws))], note,
               'seasons/%d/races/*/race-results.yml' % y, accept_all=[str(len(ws)), str(len(ps))])


@cand('multi_part', 'Piastri 2025 wins + podiums')
def _():
    return wins_podiums_rec('oscar-piastri', LAST, 'piastri last season: how many wins and how many podiums?')


@cand('multi_part', 'Alonso 2012 wins + podiums')
def _():
    return wins_podiums_rec('fernando-alonso', 2012, 'How many wins and how many podiums did Alonso have in 2012?')


@cand('multi_part', 'Berger career wins + poles')
def _():
    d = 'gerhard-berger'
    w = len(wins_of(d))
    pq, pg = len(poles_q_of(d)), len(poles_g_of(d))
    need(pq == pg, 'berger poles %d/%d' % (pq, pg))
    need(w != pq, 'same numbers')
    need(not any(r['driverId'] == d for R in RACES for r in (R.get('sprint-race-results') or [])), 'sprints')
    note = ('Gerhard Berger: %d Grand Prix wins and %d poles in his career (Grand Prix qualifying P1; grid P1 also '
            '%d). Both numbers are required; he never raced a sprint, so sprints play no part.' % (w, pq, pg))
    return rec('multi_part', 'career_wins_poles', 'Gerhard Berger — career wins and career poles?', [str(w)], note,
               ['seasons/*/races/*/race-results.yml', 'seasons/*/races/*/qualifying-results.yml'],
               accept_all=[str(w), str(pq)])


@cand('multi_part', '2025 Miami sprint + GP winners')
def _():
    R = race(LAST, 'miami')
    s = one_at(R, 1, 'sprint-race-results')['driverId']
    g = one_at(R, 1)['driverId']
    need(s != g, 'same winner')
    sc = set(field(R)) | set(r['driverId'] for r in R['sprint-race-results'])
    note = ('%s: the sprint was won by %s and the Grand Prix by %s. Both names are required.' % (rdesc(R), dname(s),
                                                                                                 dname(g)))
    return rec('multi_part', 'sprint_and_gp_winner', 'Miami last year: who won the sprint, and who won the main race?',
               names(s, sc), note, [src_race(R, 'sprint-race-results'), src_race(R)],
               accept_all=[key_name(s, sc), key_name(g, sc)])


@cand('multi_part', '1990 both champions')
def _():
    d = champion(1990)
    c = con_champion(1990)
    note = ('1990: drivers\' champion %s (%s points), constructors\' champion %s (%s points). Both are required.'
            % (dname(d['driverId']), fmtnum(d['points']), cname(c['constructorId']), fmtnum(c['points'])))
    return rec('multi_part', 'both_champions', 'Who won the drivers’ and the constructors’ championships in 1990?',
               names(d['driverId'], season_field(1990)), note,
               ['seasons/1990/driver-standings.yml', 'seasons/1990/constructor-standings.yml'],
               accept_all=[key_name(d['driverId'], season_field(1990)), cname(c['constructorId'])])


@cand('multi_part', '2015 champion + wins')
def _():
    return champ_wins_rec(2015, 'Who won the 2015 championship and how many Grands Prix did he win?')


# ----------------------------------------------------------------------------------------------------------------
# UNAVAILABLE

def not_held_rec(y, gp, question, circuits):
    need(not [R for R in RACES if R['year'] == y and R['gp'] == gp], 'held')
    need(not [R for R in RACES if R['year'] == y and R['circuit'] in circuits], 'circuit used')
    held = sorted(set(R['year'] for R in RACES if R['gp'] == gp))
    before = [x for x in held if x < y]
    after = [x for x in held if x > y]
    cal = ', '.join(GP[R['gp']]['name'] for R in RACES if R['year'] == y)
    note = ('There was no %s in %d: the %d calendar (%d rounds: %s) has no %s entry and no race at %s. Nearest editions: '
            '%s and %s. The reply should say the race was not held that year.'
            % (GP[gp]['fullName'], y, y, len([R for R in RACES if R['year'] == y]), cal, gp,
               ' / '.join(CIR[c]['name'] for c in circuits), before[-1] if before else 'none',
               after[0] if after else 'none'))
    return rec('unavailable', 'not_held', question, [], note, 'seasons/%d/races/*/race.yml' % y, unavailable=True)


@cand('unavailable', '2021 Singapore GP')
def _():
    return not_held_rec(2021, 'singapore', 'Who won the 2021 Singapore Grand Prix?', ['marina-bay'])


@cand('unavailable', '2003 Belgian GP')
def _():
    return not_held_rec(2003, 'belgium', 'who got pole at spa in 2003', ['spa-francorchamps'])


@cand('unavailable', '2001 Portuguese GP')
def _():
    return not_held_rec(2001, 'portugal', 'Who won the Portuguese GP in 2001?', ['estoril', 'portimao'])


@cand('unavailable', '1955 German GP')
def _():
    return not_held_rec(1955, 'germany', 'Who won the 1955 German Grand Prix at the Nürburgring?', ['nurburgring'])


@cand('unavailable', 'Perry McCarthy never started')
def _():
    d = 'perry-mccarthy'
    rows = DRIVER_ROWS[d]
    need(rows and all(not started(r) for R, r in rows), 'started')
    for R in RACES:
        for kind in ('starting-grid-positions', 'sprint-race-results', 'sprint-starting-grid-positions'):
            need(not any(x.get('driverId') == d for x in (R.get(kind) or [])), 'grid row')
    c = collections.Counter(r['position'] for R, r in rows)
    yrs = sorted(set(R['year'] for R, r in rows))
    teams = sorted(set(cname(r['constructorId']) for R, r in rows))
    note = ('Perry McCarthy never started a Grand Prix: his %d race-results rows (%s, %s) are all non-starts '
            '(%s), and he has no starting-grid row. So he has no race finish at all; the reply should say he never '
            'started a race.' % (len(rows), ', '.join(map(str, yrs)), ', '.join(teams),
                                 ', '.join('%s %d' % (k, v) for k, v in sorted(c.items()))))
    return rec('unavailable', 'never_started', "what was perry mccarthy's best race finish in f1?", [], note,
               'seasons/1992/races/*/race-results.yml', unavailable=True)


def not_run_rec(gp, what, question):
    R = race(THIS, gp)
    need(R['date'] < TODAY, 'date after today')
    for kind in ('race-results', 'sprint-race-results', 'qualifying-results', 'starting-grid-positions',
                 'fastest-laps', 'driver-of-the-day-results'):
        need(not R.get(kind), '%s has %s' % (R['dir'], kind))
    note = ('The %s (round %d, %s) is on the 2026 calendar but has no results in the data (the last race with results '
            'is the 2026 Hungarian GP, round 11). The %s is therefore not available; the reply must not invent one.'
            % (gpname(R), R['round'], R['date'], what))
    return rec('unavailable', 'not_run_yet', question, [], note, '%s/race.yml' % R['dir'], unavailable=True)


@cand('unavailable', '2026 Mexico City GP winner')
def _():
    return not_run_rec('mexico', 'winner', 'who won the mexico city gp this year')


@cand('unavailable', '2026 Azerbaijan fastest lap')
def _():
    return not_run_rec('azerbaijan', 'fastest lap', 'Who set the fastest lap in Baku this season?')


@cand('unavailable', '2026 Madrid podium')
def _():
    R = race(THIS, 'spain')
    need(R['circuit'] == 'madring', 'madring')
    need(not [x for x in RACES if x['circuit'] == 'madring' and x is not R], 'earlier madring race')
    return not_run_rec('spain', 'podium', 'Who was on the podium at the first Madrid race this year?')


@cand('unavailable', 'Honda 1988 horsepower')
def _():
    e, n = team_engine('mclaren', 1988)
    need(e == 'honda', 'engine')
    note = ('f1db stores which engine each car used (McLaren 1988: %s, in all %d race and qualifying rows) but no '
            'power output. The horsepower of that engine is not in the data; the reply should say so.'
            % (ENG[e]['name'], n))
    return rec('unavailable', 'not_stored', 'How much horsepower did the Honda engine in the 1988 McLaren make?', [],
               note, ['seasons/1988/entrants.yml', 'engines/*.yml'], unavailable=True)


@cand('unavailable', 'lap 30 leader Hungary 1986')
def _():
    R = race(1986, 'hungary')
    need(min(x['year'] for x in RES if x['gp'] == 'hungary') == 1986, 'first hungary')
    w = one_at(R, 1)['driverId']
    note = ('f1db has no lap-by-lap positions (no lap chart), only the final result (winner %s) and the fastest lap. '
            'Who led on lap 30 of the %s is not in the data.' % (dname(w), rdesc(R)))
    return rec('unavailable', 'not_stored', 'Who was leading on lap 30 of the first Hungarian GP in 1986?', [], note,
               [src_race(R)], unavailable=True)


@cand('unavailable', 'penalty points')
def _():
    note = ('f1db does not store super-licence penalty points. The reply should say penalty-point totals are not in '
            'the data (race results and grid penalties of the 2024 races are, but not licence points).')
    return rec('unavailable', 'not_stored', 'how many penalty points did kevin magnussen have on his licence after miami '
               '2024', [], note, ['seasons/2024/races/06-miami/race-results.yml'], unavailable=True)


@cand('unavailable', 'rainfall Austria 1975')
def _():
    R = race(1975, 'austria')
    note = ('f1db stores no weather data (no rainfall, temperatures or track condition). The amount of rain at the %s '
            'is not in the data; the result itself (winner %s) is.' % (rdesc(R), dname(one_at(R, 1)['driverId'])))
    return rec('unavailable', 'not_stored', 'how many mm of rain fell during the 1975 austrian gp?', [], note,
               [src_race(R)], unavailable=True)


# ----------------------------------------------------------------------------------------------------------------
# checks and output

def check_cutoff():
    withres = [R for R in RACES if R.get('race-results') or R.get('sprint-race-results')]
    last = withres[-1]
    assert (last['year'], last['round'], last['gp'], last['date']) == (2026, 11, 'hungary', '2026-07-26'), last['dir']
    for R in RACES:
        if R['year'] == THIS:
            has = bool(R.get('race-results'))
            assert has == (R['round'] <= 11), R['dir']
            if R['round'] > 11:
                assert not R.get('sprint-race-results'), R['dir']
    assert all(y <= THIS for y in SEASONS)
    final = [R for R in RACES if R['year'] == THIS and R['round'] == 11][0]
    assert final.get('driver-standings') == SEASONS[THIS]['driver-standings'], '2026 standings != after round 11'


def check_source(paths):
    for p in paths:
        full = os.path.join(F1DB, p)
        if any(ch in p for ch in '*?['):
            assert glob.glob(full), 'glob matches nothing: %s' % p
        else:
            assert os.path.exists(full), 'missing source %s' % p


EXPECTED_DROPS = [
    ('aggregate', 'most wins at Reims'),
    ('relational', 'Fittipaldi team-mate 1974'),
]


def build(verbose=False):
    check_cutoff()
    out = []
    for g, lst in CANDIDATES.items():
        got = []
        for label, f in lst:
            try:
                r = f()
            except Drop as e:
                DROPPED.append((g, label, str(e)))
                continue
            if len(got) < TARGET[g]:
                got.append(r)
            else:
                SPARES.append((g, label))
        assert len(got) == TARGET[g], '%s: %d of %d' % (g, len(got), TARGET[g])
        out += got
    for r in out:
        if r['expect_unavailable']:
            continue
        if r['group'] != 'comparative':
            echo = [a for a in r['accept'] if matches(r['question'], a)]
            if echo:
                ECHOED.append((r['question'], echo))
                r['accept'] = [a for a in r['accept'] if a not in echo]
        assert r['accept'], 'no accept left: %s' % r['question']
        assert not [a for a in r.get('accept_all', []) if matches(r['question'], a)], r['question']
    qs = [norm(r['question']) for r in out]
    assert len(set(qs)) == len(qs), 'duplicate questions'
    ok = 0
    for r in out:
        check_source(r['source'])
        if r['expect_unavailable']:
            assert r['accept'] == [] and 'accept_all' not in r, r['question']
        else:
            assert r['accept'], r['question']
            assert grade(r, r['answer_note']), 'self-check failed: %s | %s' % (r['question'], r['answer_note'])
            ok += 1
    rnd = random.Random(SEED)
    rnd.shuffle(out)
    for i, r in enumerate(out):
        r['id'] = '%s-%03d' % (PREFIX, i + 1)
    with open(OUT, 'w', encoding='utf-8') as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    cnt = collections.Counter(r['group'] for r in out)
    print('wrote %s: %d records' % (OUT, len(out)))
    for g in TARGET:
        print('  %-15s %d' % (g, cnt[g]))
    print('accept_all: %d, expect_unavailable: %d' % (sum(1 for r in out if 'accept_all' in r),
                                                       sum(1 for r in out if r['expect_unavailable'])))
    print('self-check: %d of %d answerable records pass' % (ok, sum(1 for r in out if not r['expect_unavailable'])))
    print('dropped candidates:')
    for g, label, why in DROPPED:
        print('  [%s] %s: %s' % (g, label, why))
    for q, e in ECHOED:
        print('accept strings removed (contained in the question): %s <- %s' % (e, q))
    print('spare candidates (valid, not used):')
    for g, label in SPARES:
        print('  [%s] %s' % (g, label))
    if EXPECTED_DROPS is not None:
        got = sorted((g, l) for g, l, w in DROPPED)
        assert got == sorted(EXPECTED_DROPS), 'unexpected drops: %s' % got
    if verbose:
        for r in sorted(out, key=lambda r: r['id']):
            print(json.dumps(r, ensure_ascii=False, indent=1))
    return out


if __name__ == '__main__':
    build('-v' in sys.argv[1:])
