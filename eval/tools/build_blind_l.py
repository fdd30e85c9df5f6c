#!/usr/bin/env python3
"""Build the held-out fan-style F1 QA set L (eval/fan-qa-blind-l.jsonl).

Every answer is computed here from the f1db YAML (env F1DB, default
/work/shared/data/f1db/src/data). Only question parameters and phrasings are
chosen by hand. Self-contained: own YAML loading (yaml.CSafeLoader), optional
pickle cache (env BL_CACHE, default /tmp/l.pkl; set BL_CACHE= to disable).

Run:  python3 eval/tools/build_blind_l.py
"""
import json
import os
import pickle
import random
import re
import sys
import time
import unicodedata
from collections import Counter

import yaml

F1DB = os.environ.get('F1DB', '/work/shared/data/f1db/src/data')
CACHE = os.environ.get('BL_CACHE', '/tmp/l.pkl')
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fan-qa-blind-l.jsonl')
SEED = 20261205
TODAY = '2026-12-04'
CUTOFF = 'data cutoff: 2026 Hungarian Grand Prix, round 11, 2026-07-26'
GROUP_SIZES = {'aggregate': 25, 'colloquial': 22, 'relational': 20, 'career_history': 15,
               'comparative': 13, 'multi_part': 13, 'unavailable': 12}
RACE_FILES = ['race-results', 'qualifying-results', 'starting-grid-positions',
              'sprint-race-results', 'fastest-laps']
NONSTART = {'DNS', 'DNQ', 'DNPQ', 'EX', 'DNP'}


# --------------------------------------------------------------------------- loading

def _y(path):
    with open(path, encoding='utf-8') as f:
        return yaml.load(f, Loader=yaml.CSafeLoader)


def _load_dir(sub):
    out = {}
    d = os.path.join(F1DB, sub)
    for fn in sorted(os.listdir(d)):
        if fn.endswith('.yml'):
            doc = _y(os.path.join(d, fn))
            out[doc['id']] = doc
    return out


def load_raw():
    db = {k: _load_dir(k) for k in ['drivers', 'constructors', 'circuits', 'grands-prix',
                                     'countries', 'engine-manufacturers']}
    seasons = {}
    sdir = os.path.join(F1DB, 'seasons')
    for ys in sorted(os.listdir(sdir)):
        if not ys.isdigit():
            continue
        y = int(ys)
        sp = os.path.join(sdir, ys)
        s = {'races': []}
        for k in ['driver-standings', 'constructor-standings']:
            p = os.path.join(sp, k + '.yml')
            s[k] = _y(p) if os.path.exists(p) else None
        rdir = os.path.join(sp, 'races')
        for rd in sorted(os.listdir(rdir)):
            rp = os.path.join(rdir, rd)
            race = _y(os.path.join(rp, 'race.yml'))
            race['dir'] = rd
            race['year'] = y
            race['path'] = 'seasons/%d/races/%s' % (y, rd)
            race['files'] = sorted(os.listdir(rp))
            for k in RACE_FILES:
                p = os.path.join(rp, k + '.yml')
                race[k] = (_y(p) or []) if os.path.exists(p) else None
            s['races'].append(race)
        s['races'].sort(key=lambda r: r['round'])
        seasons[y] = s
    db['seasons'] = seasons
    return db


def load():
    if CACHE and os.path.exists(CACHE):
        try:
            with open(CACHE, 'rb') as f:
                obj = pickle.load(f)
            if obj.get('_f1db') == F1DB and obj.get('_v') == 1:
                return obj['db']
        except Exception:
            pass
    db = load_raw()
    if CACHE:
        try:
            with open(CACHE, 'wb') as f:
                pickle.dump({'_f1db': F1DB, '_v': 1, 'db': db}, f, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:
            pass
    return db


# --------------------------------------------------------------------------- text helpers

def fold(t):
    t = unicodedata.normalize('NFKD', str(t))
    return ''.join(c for c in t if not unicodedata.combining(c)).lower()


def deaccent(t):
    t = unicodedata.normalize('NFKD', str(t))
    return unicodedata.normalize('NFC', ''.join(c for c in t if not unicodedata.combining(c)))


def num(x):
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return str(x)


def ordinal(n):
    n = int(n)
    suf = 'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')
    return '%d%s' % (n, suf)


WORDS = {1: 'first', 2: 'second', 3: 'third', 4: 'fourth', 5: 'fifth', 6: 'sixth', 7: 'seventh',
         8: 'eighth', 9: 'ninth', 10: 'tenth', 11: 'eleventh', 12: 'twelfth'}


def pos_accept(n):
    out = ['P%d' % n, ordinal(n)]
    if n in WORDS:
        out.append(WORDS[n])
    if n == 2:
        out += ['runner-up', 'runner up']
    return out


def uniq(seq):
    out, seen = [], set()
    for x in seq:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def hit(reply, s):
    r, t = fold(reply), fold(s)
    if re.fullmatch(r'\d+', t):
        return re.search(r'(?<![\d.])' + re.escape(t) + r'(?![\d]|\.\d)', r) is not None
    return t in r


def grade(reply, rec):
    return any(hit(reply, a) for a in rec['accept']) and all(hit(reply, a) for a in rec.get('accept_all', []))


# --------------------------------------------------------------------------- stats

ALIASES = {
    'sergio-perez': ['Checo Pérez', 'Checo Perez', 'Checo'],
    'michael-schumacher': ['M. Schumacher', 'Schumi'],
    'carlos-sainz-jr': ['Carlos Sainz'],
    'nico-hulkenberg': ['Hulkenberg', 'Hülkenberg', 'the Hulk'],
    'kimi-raikkonen': ['Raikkonen', 'Räikkönen', 'Kimi Raikkonen'],
    'mika-hakkinen': ['Hakkinen', 'Häkkinen'],
    'jacques-villeneuve': ['J. Villeneuve'],
    'keke-rosberg': ['Keke'],
    'nino-farina': ['Giuseppe Farina'],
    'kimi-antonelli': ['Andrea Kimi Antonelli'],
    'kevin-magnussen': ['KMag'],
}
# aliases that are a bare surname are only added when the surname is unique in scope
SURNAME_ALIASES = {'nico-hulkenberg': {'Hulkenberg', 'Hülkenberg'},
                   'kimi-raikkonen': {'Raikkonen', 'Räikkönen'},
                   'mika-hakkinen': {'Hakkinen', 'Häkkinen'}}


class F1:
    def __init__(self, db):
        self.db = db
        self.D = db['drivers']
        self.C = db['constructors']
        self.CI = db['circuits']
        self.GP = db['grands-prix']
        self.CO = db['countries']
        self.EM = db['engine-manufacturers']
        self.S = db['seasons']
        self.races = [r for y in sorted(self.S) for r in self.S[y]['races'] if r['race-results']]
        self.races.sort(key=lambda r: str(r['date']))
        self.all_winners = {d for r in self.races for d in self.winners(r)}

    # --- race level
    def season_races(self, y):
        return [r for r in self.races if r['year'] == y]

    def race(self, y, gp):
        rr = [r for r in self.S[y]['races'] if r['grandPrixId'] == gp]
        assert len(rr) == 1, (y, gp, len(rr))
        return rr[0]

    def rows(self, r, pos):
        return [x for x in r['race-results'] if x['position'] == pos]

    def at(self, r, pos):
        rr = self.rows(r, pos)
        assert len(rr) == 1, (r['path'], pos, len(rr))
        return rr[0]

    def winners(self, r):
        return [x['driverId'] for x in self.rows(r, 1)]

    def win_team(self, r):
        t = {x['constructorId'] for x in self.rows(r, 1)}
        assert len(t) == 1, r['path']
        return t.pop()

    def q1(self, r):
        q = [x['driverId'] for x in (r['qualifying-results'] or []) if x['position'] == 1]
        return q[0] if len(q) == 1 else None

    def g1(self, r):
        g = [x['driverId'] for x in (r['starting-grid-positions'] or []) if x['position'] == 1]
        return g[0] if len(g) == 1 else None

    def pole(self, r):
        q, g = self.q1(r), self.g1(r)
        assert q and q == g, ('pole disagreement', r['path'], q, g)
        return q

    @staticmethod
    def started(x):
        return x['position'] not in NONSTART

    def fin(self, r, d):
        rr = [x for x in r['race-results'] if x['driverId'] == d]
        assert len(rr) == 1, (r['path'], d)
        return rr[0]

    # --- names
    def dname(self, d):
        return self.D[d]['name']

    def surname(self, d):
        return re.sub(r'\s+Jr\.?$', '', self.D[d]['lastName'])

    def race_scope(self, r):
        return {x['driverId'] for x in r['race-results']}

    def season_scope(self, y):
        return {x['driverId'] for r in self.season_races(y) for x in r['race-results']}

    def alltime_scope(self, *extra):
        return self.all_winners | set(extra)

    def surname_unique(self, d, scope):
        sn = fold(self.surname(d))
        return not any(fold(self.surname(o)) == sn for o in scope if o != d)

    def short(self, d, scope):
        """What a podium / comparison accept_all uses: surname if unique, else full name."""
        return self.surname(d) if self.surname_unique(d, scope) else self.dname(d)

    def names(self, d, scope):
        dd = self.D[d]
        sn = self.surname(d)
        out = [dd['name'], deaccent(dd['name']), '%s %s' % (dd['firstName'], sn)]
        uniq_sn = self.surname_unique(d, scope | {d})
        for a in ALIASES.get(d, []):
            if a in SURNAME_ALIASES.get(d, set()) and not uniq_sn:
                continue
            out.append(a)
        if uniq_sn:
            out += [sn, deaccent(sn)]
        return uniq(out)

    def cname(self, c):
        return self.C[c]['name']

    def cnames(self, c):
        cc = self.C[c]
        return uniq([cc['name'], cc['fullName'], deaccent(cc['name'])])

    def emname(self, e):
        return self.EM[e]['name']

    def gpname(self, r):
        return '%d %s' % (r['year'], self.GP[r['grandPrixId']]['fullName'])

    def venue_names(self, r):
        g = self.GP[r['grandPrixId']]
        ci = self.CI[r['circuitId']]
        out = [g['fullName'], g['shortName'], g['name']]
        same_year_gp_names = {fold(self.GP[o['grandPrixId']]['name'])
                              for o in self.S[r['year']]['races'] if o['grandPrixId'] != r['grandPrixId']}
        for v in [ci['name'], ci['fullName'], ci['placeName']] + list(ci.get('previousNames') or []):
            if fold(v) not in same_year_gp_names:
                out.append(v)
        return uniq(out + [deaccent(x) for x in out])

    # --- counts
    def wins(self, d, races=None, team=None):
        races = self.races if races is None else races
        return sum(1 for r in races for x in self.rows(r, 1)
                   if x['driverId'] == d and (team is None or x['constructorId'] == team))

    def podiums(self, d, races=None):
        races = self.races if races is None else races
        return sum(1 for r in races for x in r['race-results'] if x['driverId'] == d and x['position'] in (1, 2, 3))

    def poles(self, d, races=None):
        races = self.races if races is None else races
        q = sum(1 for r in races if self.q1(r) == d)
        g = sum(1 for r in races if self.g1(r) == d)
        assert q == g, ('pole count disagreement', d, q, g)
        return q

    def starts(self, d, races=None):
        races = self.races if races is None else races
        return sum(1 for r in races for x in r['race-results'] if x['driverId'] == d and self.started(x))

    def win_list(self, d):
        return [r for r in self.races if d in self.winners(r)]

    def standings(self, y, kind='driver'):
        return self.S[y]['%s-standings' % kind]

    def st_pos(self, y, pos, kind='driver'):
        rows = [x for x in self.standings(y, kind) if x['position'] == pos]
        assert len(rows) == 1, (y, pos, kind)
        return rows[0]

    def st_of(self, y, key, kind='driver'):
        k = 'driverId' if kind == 'driver' else 'constructorId'
        rows = [x for x in self.standings(y, kind) if x[k] == key]
        assert len(rows) == 1, (y, key)
        return rows[0]

    def champion(self, y, kind='driver'):
        assert 1950 <= y <= 2025
        return self.st_pos(y, 1, kind)

    def driver_team(self, d, y):
        c = Counter(x['constructorId'] for r in self.season_races(y) for x in r['race-results'] if x['driverId'] == d)
        return c.most_common(1)[0][0]

    def teammate(self, d, y):
        n = 0
        c = Counter()
        for r in self.season_races(y):
            mine = [x for x in r['race-results'] if x['driverId'] == d]
            if not mine:
                continue
            n += 1
            teams = {m['constructorId'] for m in mine}
            for x in r['race-results']:
                if x['constructorId'] in teams and x['driverId'] != d:
                    c[x['driverId']] += 1
        (tm, k), = c.most_common(1)
        others = [v for o, v in c.items() if o != tm]
        assert k >= 0.8 * n and all(v < 0.5 * n for v in others), ('team-mate unclear', d, y, c, n)
        return tm, k, n, c

    def team_engine(self, c, y):
        e = Counter(x['engineManufacturerId'] for r in self.season_races(y) for x in r['race-results']
                    if x['constructorId'] == c)
        assert len(e) == 1, ('engine not unique', c, y, e)
        (em, k), = e.items()
        return em, k


def leader(counter, what=''):
    mc = counter.most_common()
    assert mc, what
    assert len(mc) == 1 or mc[0][1] > mc[1][1], ('tie at the top', what, mc[:3])
    return mc[0][0], mc[0][1], mc[1:]


def runners(rest, fmt, n=3):
    return ', '.join('%s %s' % (fmt(k), num(v)) for k, v in rest[:n])


# --------------------------------------------------------------------------- records

RECS = []


def add(group, category, question, accept, note, source, accept_all=None, unavailable=False):
    rec = {'id': None, 'category': category, 'group': group, 'question': question,
           'accept': [] if unavailable else uniq(accept)}
    if accept_all:
        rec['accept_all'] = list(accept_all)
    rec['expect_unavailable'] = bool(unavailable)
    rec['answer_note'] = note
    rec['source'] = source
    RECS.append(rec)
    return rec


RR = 'seasons/*/races/*/race-results.yml'


def build(f):
    # ------------------------------------------------------------------ AGGREGATE (25)
    G = 'aggregate'

    def most_wins_gp(gp, q):
        rr = [r for r in f.races if r['grandPrixId'] == gp]
        c = Counter(d for r in rr for d in f.winners(r))
        d, n, rest = leader(c, gp)
        add(G, 'most_wins_at_gp', q, f.names(d, f.alltime_scope(d)),
            '%s with %d %s wins (%d editions with results, %d-%d); next: %s (%s).' % (
                f.dname(d), n, f.GP[gp]['shortName'], len(rr), rr[0]['year'], rr[-1]['year'],
                runners(rest, f.dname), CUTOFF),
            ['seasons/*/races/*-%s/race-results.yml' % gp])

    most_wins_gp('europe', 'Who has won the European Grand Prix more times than anyone else?')
    most_wins_gp('russia', 'most wins at the russian gp - who?')
    most_wins_gp('detroit', 'Back when F1 raced on the streets of Detroit, which driver won there the most?')
    most_wins_gp('emilia-romagna', 'Since Imola returned as the Emilia Romagna GP, who has won it most often?')

    def most_poles_circuit(ci, q):
        rr = [r for r in f.races if r['circuitId'] == ci]
        cq = Counter(f.q1(r) for r in rr if f.q1(r))
        cg = Counter(f.g1(r) for r in rr if f.g1(r))
        d, n, rest = leader(cq, ci)
        d2, n2, _ = leader(cg, ci)
        assert (d, n) == (d2, n2), (ci, d, n, d2, n2)
        add(G, 'most_poles_at_circuit', q, f.names(d, f.alltime_scope(d)),
            '%s with %d pole positions at %s (qualifying P1; starting-grid P1 gives the same %d) across %d Grands Prix held there; next: %s (%s).' % (
                f.dname(d), n, f.CI[ci]['fullName'], n2, len(rr), runners(rest, f.dname), CUTOFF),
            ['seasons/*/races/*/race.yml', 'seasons/*/races/*/qualifying-results.yml',
             'seasons/*/races/*/starting-grid-positions.yml'])

    most_poles_circuit('suzuka', 'Who holds the record for the most pole positions at Suzuka?')
    most_poles_circuit('imola', 'Most poles ever at Imola?')
    most_poles_circuit('spa-francorchamps', 'Which driver has qualified on pole at Spa-Francorchamps the most times?')
    most_poles_circuit('baku', 'who has the most poles in baku')

    fins = sorted((sum(1 for x in r['race-results'] if isinstance(x['position'], int)), i) for i, r in enumerate(f.races))
    assert fins[0][0] < fins[1][0], fins[:3]
    n, i = fins[0]
    r = f.races[i]
    cls = [x for x in r['race-results'] if isinstance(x['position'], int)]
    add(G, 'fewest_finishers', 'Which Grand Prix had the fewest classified finishers ever?', f.venue_names(r),
        'The %s (%s): only %d classified finishers (%s) from %d starters; next fewest: %d (%s). Race (any accept string) and year (accept_all) required.' % (
            f.gpname(r), r['date'], n, ', '.join(f.dname(x['driverId']) for x in cls),
            sum(1 for x in r['race-results'] if f.started(x)), fins[1][0],
            '; '.join(f.gpname(f.races[j]) for k, j in fins[1:] if k == fins[1][0])),
        [RR], accept_all=[str(r['year'])])

    # most DNFs all time
    c = Counter(x['driverId'] for r in f.races for x in r['race-results'] if x['position'] == 'DNF')
    d, n, rest = leader(c, 'dnf')
    add(G, 'most_dnfs_career', 'Which driver has retired from more Grands Prix than anyone in F1 history?',
        f.names(d, f.alltime_scope(d)),
        '%s: %d retirements (race-results position DNF) in %d starts; next: %s (%s).' % (
            f.dname(d), n, f.starts(d), runners(rest, f.dname), CUTOFF), [RR])

    def decade(lo, what, q, cat):
        rr = [r for r in f.races if lo <= r['year'] <= lo + 9]
        if what == 'wins':
            c = Counter(d for r in rr for d in f.winners(r))
        elif what == 'podiums':
            c = Counter(x['driverId'] for r in rr for x in r['race-results'] if x['position'] in (1, 2, 3))
        elif what == 'poles':
            c = Counter(f.q1(r) for r in rr if f.q1(r))
            cg = Counter(f.g1(r) for r in rr if f.g1(r))
            assert leader(cg)[:2] == leader(c)[:2]
        d, n, rest = leader(c, (lo, what))
        if what != 'poles':
            src = ['seasons/%d?/races/*/race-results.yml' % (lo // 10)]
        else:
            src = ['seasons/%d?/races/*/qualifying-results.yml' % (lo // 10),
                   'seasons/%d?/races/*/starting-grid-positions.yml' % (lo // 10)]
        extra = ' (qualifying P1 and starting-grid P1 agree)' if what == 'poles' else ''
        add(G, cat, q, f.names(d, f.alltime_scope(d)),
            '%s: %d %s in %d-%d%s, from %d Grands Prix; next: %s.' % (
                f.dname(d), n, what, lo, lo + 9, extra, len(rr), runners(rest, f.dname)), src)

    decade(1990, 'wins', 'Who won the most Grands Prix in the 1990s?', 'decade_most_wins')
    decade(1970, 'poles', 'Most pole positions during the 1970s — who had them?', 'decade_most_poles')
    decade(1980, 'podiums', 'Which driver stood on the podium most often in the 1980s?', 'decade_most_podiums')

    def team_decade(lo, q):
        rr = [r for r in f.races if lo <= r['year'] <= lo + 9]
        c = Counter(f.win_team(r) for r in rr)
        t, n, rest = leader(c, lo)
        add(G, 'decade_team_wins', q, f.cnames(t),
            '%s won %d of the %d Grands Prix of %d-%d (races won by a car of that constructor); next: %s.' % (
                f.cname(t), n, len(rr), lo, lo + 9, runners(rest, f.cname)),
            ['seasons/%d?/races/*/race-results.yml' % (lo // 10)])

    team_decade(1970, 'Which constructor won the most races in the 1970s?')
    team_decade(1950, 'Which team won the most world championship races in the 1950s?')

    def nat_top(country, q):
        c = Counter(d for r in f.races for d in f.winners(r) if f.D[d]['nationalityCountryId'] == country)
        d, n, rest = leader(c, country)
        add(G, 'top_winner_nationality', q, f.names(d, f.alltime_scope(d)),
            '%s with %d Grand Prix wins, the most by %s %s driver (f1db nationality); next: %s (%s).' % (
                f.dname(d), n, 'an' if f.CO[country]['demonym'][0] in 'AEIOU' else 'a', f.CO[country]['demonym'], runners(rest, f.dname) or 'none', CUTOFF),
            [RR, 'drivers/*.yml'])

    nat_top('canada', 'Which Canadian driver has the most F1 wins?')
    nat_top('sweden', "Who's the most successful Swedish driver by Grand Prix wins?")
    nat_top('united-states-of-america', 'Which American has won the most world championship Grands Prix?')

    # distinct winners in a season
    y = 1975
    rr = f.season_races(y)
    w = Counter(d for r in rr for d in f.winners(r))
    add(G, 'distinct_winners_season', 'How many different drivers won a Grand Prix in 1975?', [str(len(w))],
        '%d different winners in the %d races of 1975: %s.' % (
            len(w), len(rr), ', '.join('%s %d' % (f.dname(k), v) for k, v in w.most_common())),
        ['seasons/1975/races/*/race-results.yml'])

    y = 1977
    rr = f.season_races(y)
    t = Counter(f.win_team(r) for r in rr)
    add(G, 'distinct_winning_teams_season', 'In 1977, how many different constructors won at least one race?',
        [str(len(t))],
        '%d constructors won races in the %d Grands Prix of 1977: %s.' % (
            len(t), len(rr), ', '.join('%s %d' % (f.cname(k), v) for k, v in t.most_common())),
        ['seasons/1977/races/*/race-results.yml'])

    cc = Counter(f.champion(y, 'constructor')['constructorId'] for y in range(1958, 2026))
    add(G, 'distinct_constructors_champions', "How many different teams have won the constructors' championship?",
        [str(len(cc))],
        "%d different constructors won the constructors' title in 1958-2025 (2026 undecided): %s." % (
            len(cc), ', '.join('%s %d' % (f.cname(k), v) for k, v in cc.most_common())),
        ['seasons/*/constructor-standings.yml'])

    rr = [r for r in f.races if r['circuitId'] == 'suzuka']
    gps = Counter(r['grandPrixId'] for r in rr)
    add(G, 'races_at_circuit', 'How many Grands Prix have been held at Suzuka?', [str(len(rr))],
        '%d Grands Prix with results at Suzuka (%s), %d-%d, including the 2026 Japanese GP; the Japanese GPs at Fuji are not counted (%s).' % (
            len(rr), ', '.join('%s %d' % (f.GP[k]['shortName'], v) for k, v in gps.items()),
            rr[0]['year'], rr[-1]['year'], CUTOFF),
        ['seasons/*/races/*/race.yml', 'seasons/*/races/*-japan/race-results.yml'])

    rr = f.season_races(1996)
    n = sum(1 for r in rr if f.win_team(r) == 'williams')
    wd = Counter(d for r in rr if f.win_team(r) == 'williams' for d in f.winners(r))
    add(G, 'team_wins_season', 'How many races did Williams win in 1996?', [str(n)],
        'Williams won %d of the %d Grands Prix of 1996 (%s).' % (
            n, len(rr), ', '.join('%s %d' % (f.dname(k), v) for k, v in wd.most_common())),
        ['seasons/1996/races/*/race-results.yml'])

    rr = f.season_races(2019)
    pods = [(r, x) for r in rr for x in r['race-results'] if x['constructorId'] == 'ferrari' and x['position'] in (1, 2, 3)]
    pd = Counter(x['driverId'] for r, x in pods)
    add(G, 'team_podiums_season', 'How many podium finishes did Ferrari score in 2019?', [str(len(pods))],
        'Ferrari had %d Grand Prix podium finishes in 2019 (%s) from %d races.' % (
            len(pods), ', '.join('%s %d' % (f.dname(k), v) for k, v in pd.most_common()), len(rr)),
        ['seasons/2019/races/*/race-results.yml'])

    c = Counter(d for r in f.races for d in f.winners(r) if f.q1(r) == d and f.g1(r) == d)
    d, n, rest = leader(c, 'wins from pole')
    add(G, 'most_wins_from_pole', 'Who has converted the most pole positions into race wins?',
        f.names(d, f.alltime_scope(d)),
        '%s: %d wins from pole (won the race after taking qualifying P1 and starting from grid P1); next: %s (%s).' % (
            f.dname(d), n, runners(rest, f.dname), CUTOFF),
        [RR, 'seasons/*/races/*/qualifying-results.yml', 'seasons/*/races/*/starting-grid-positions.yml'])

    # ------------------------------------------------------------------ COLLOQUIAL (22)
    G = 'colloquial'

    def season_count(d, y, what, q, cat, nick=''):
        rr = f.season_races(y)
        if what == 'wins':
            n = f.wins(d, rr)
        elif what == 'podiums':
            n = f.podiums(d, rr)
        elif what == 'poles':
            n = f.poles(d, rr)
        extra = ' (qualifying P1 and grid P1 agree)' if what == 'poles' else ''
        add(G, cat, q, [str(n)],
            '%s%s: %d %s in %d from %d starts%s (%s).' % (
                nick, f.dname(d), n, what, y, f.starts(d, rr), extra, f.cname(f.driver_team(d, y))),
            ['seasons/%d/races/*/%s.yml' % (y, 'qualifying-results' if what == 'poles' else 'race-results')])

    season_count('sergio-perez', 2021, 'podiums', 'how many podiums did checo get in 2021', 'nickname',
                 '"Checo" = ')
    season_count('sebastian-vettel', 2017, 'wins', "seb won how many races for ferrari in '17??", 'nickname_short_year',
                 '"Seb", \'17 = 2017: ')
    season_count('mika-hakkinen', 1999, 'poles', 'hakinen how many poles in 1999', 'typo',
                 '"hakinen" = ')
    season_count('nigel-mansell', 1987, 'wins', 'mansel 1987 how many wins', 'typo', '"mansel" = ')
    season_count('jacques-villeneuve', 1997, 'wins', 'how many races did jacques v win in 97', 'short_year',
                 '97 = 1997: ')

    st = f.st_of(2013, 'fernando-alonso')
    champ = f.st_pos(2013, 1)
    add(G, 'nickname', 'where did nando end up in the 2013 championship', pos_accept(st['position']),
        '"Nando" = Fernando Alonso: %s (P%d) in the 2013 drivers\' championship with %s points, behind %s (%s).' % (
            ordinal(st['position']), st['position'], num(st['points']), f.dname(champ['driverId']),
            num(champ['points'])), ['seasons/2013/driver-standings.yml'])

    wl = f.win_list('rubens-barrichello')
    r = wl[0]
    add(G, 'typo', 'wen did barichello win his first race', f.venue_names(r),
        '"barichello" = Rubens Barrichello: first win at the %s (%s, %s), from grid %d. Race (any accept string) and year (accept_all) required.' % (
            f.gpname(r), r['date'], f.CI[r['circuitId']]['name'], f.fin(r, 'rubens-barrichello')['gridPosition']),
        [r['path'] + '/race-results.yml'], accept_all=[str(r['year'])])

    def race_pos(y, gp, pos, q, cat, pre=''):
        r = f.race(y, gp)
        x = f.at(r, pos)
        pod = ', '.join('P%d %s' % (p, f.dname(f.at(r, p)['driverId'])) for p in (1, 2, 3, 4) if p != pos)
        add(G, cat, q, f.names(x['driverId'], f.race_scope(r)),
            '%s%s finished P%d at the %s (%s, %s) for %s; others: %s.' % (
                pre, f.dname(x['driverId']), pos, f.gpname(r), r['date'], f.CI[r['circuitId']]['name'],
                f.cname(x['constructorId']), pod), [r['path'] + '/race-results.yml'])
        return r

    race_pos(1988, 'italy', 1, "who won monza in '88", 'short_year', "'88 = 1988; Monza = Italian GP. ")
    race_pos(1998, 'belgium', 1, 'who won spa 98', 'short_year', 'Spa 98 = 1998 Belgian GP. ')
    race_pos(1995, 'canada', 1, 'canada 95 winner??', 'short_year', '95 = 1995. ')
    race_pos(1984, 'monaco', 2, 'monaco 84 who came 2nd', 'short_year', '84 = 1984. ')

    yrs = [r['year'] for r in f.races if r['grandPrixId'] == 'monaco' and 'david-coulthard' in f.winners(r)]
    assert len(yrs) == 2
    add(G, 'nickname', 'dc won monaco twice right? which years', [str(v) for v in yrs],
        '"DC" = David Coulthard: yes, he won the Monaco GP in %s and %s (McLaren). Both years required (accept_all).' % tuple(yrs),
        ['seasons/%d/races/*-monaco/race-results.yml' % v for v in yrs], accept_all=[str(v) for v in yrs])

    st = f.st_of(2025, 'fernando-alonso')
    add(G, 'relative_time', 'where did alonso finish in the standings last season', pos_accept(st['position']),
        '"Last season" = 2025 (today %s): Fernando Alonso was %s (P%d) with %s points (%s).' % (
            TODAY, ordinal(st['position']), st['position'], num(st['points']), f.cname(f.driver_team('fernando-alonso', 2025))),
        ['seasons/2025/driver-standings.yml'])

    last = f.races[-1]
    p = f.pole(last)
    add(G, 'relative_time', 'who got pole at the last race', f.names(p, f.race_scope(last)),
        'The last race with results is the %s (%s): pole %s (qualifying P1 and grid P1); he finished P%s.' % (
            f.gpname(last), last['date'], f.dname(p), f.fin(last, p)['position']),
        [last['path'] + '/qualifying-results.yml', last['path'] + '/starting-grid-positions.yml'])

    rr = f.season_races(2026)
    fw = [r for r in rr if f.win_team(r) == 'ferrari']
    add(G, 'relative_time', 'how many races has ferrari won this year', [str(len(fw))],
        '"This year" = 2026: Ferrari has won %d of the %d races with results (%s) (%s).' % (
            len(fw), len(rr), '; '.join('%s, %s' % (f.gpname(r), f.dname(f.winners(r)[0])) for r in fw), CUTOFF),
        ['seasons/2026/races/*/race-results.yml'])

    r = f.race(2024, 'emilia-romagna')
    add(G, 'relative_time', 'who won imola the year before last', f.names(f.winners(r)[0], f.race_scope(r)),
        '"The year before last" = 2024; Imola = Emilia Romagna GP. %s won the %s (%s); P2 %s, P3 %s.' % (
            f.dname(f.winners(r)[0]), f.gpname(r), r['date'], f.dname(f.at(r, 2)['driverId']),
            f.dname(f.at(r, 3)['driverId'])), [r['path'] + '/race-results.yml'])

    x = f.fin(last, 'lewis-hamilton')
    add(G, 'relative_time', 'what did lewis finish in the last race', pos_accept(x['position']),
        'The last race with results is the %s (%s): Lewis Hamilton (%s) finished %s (P%d), from grid %d; winner %s.' % (
            f.gpname(last), last['date'], f.cname(x['constructorId']), ordinal(x['position']), x['position'],
            x['gridPosition'], f.dname(f.winners(last)[0])), [last['path'] + '/race-results.yml'])

    n = f.wins('max-verstappen', rr)
    assert n == 0
    pods = f.podiums('max-verstappen', rr)
    add(G, 'relative_time', 'has max won a race yet this season',
        ['0 wins', 'zero wins', 'no wins', 'not won', "hasn't won", 'has not won', 'no race wins', 'winless',
         'without a win', 'won 0', 'won zero', 'yet to win', 'no victories', '0 victories', 'zero victories'],
        '"This season" = 2026: Max Verstappen has not won a race yet — 0 wins in %d races, with %d podiums (%s).' % (
            f.starts('max-verstappen', rr), pods, CUTOFF), ['seasons/2026/races/*/race-results.yml'])

    champs = [(y, f.champion(y)['driverId']) for y in range(1950, 2026)]
    bt = [y for y, d in champs if d == 'michael-schumacher' and f.driver_team(d, y) == 'benetton']
    allt = [y for y, d in champs if d == 'michael-schumacher']
    add(G, 'nickname', 'schumi won how many titles with benetton', [str(len(bt))],
        '"Schumi" = Michael Schumacher: %d titles with Benetton (%s); %d titles in all (%s).' % (
            len(bt), ', '.join(map(str, bt)), len(allt), ', '.join(map(str, allt))),
        ['seasons/*/driver-standings.yml', RR])

    kl = [r for r in f.win_list('kimi-raikkonen') if any(x['driverId'] == 'kimi-raikkonen' and x['constructorId'] == 'lotus-f1' for x in f.rows(r, 1))]
    add(G, 'nickname', 'how many races did the bwoah guy win for lotus', [str(len(kl))],
        '"The bwoah guy" = Kimi Räikkönen: %d wins for Lotus (%s); %d career wins in all.' % (
            len(kl), ', '.join(f.gpname(r) for r in kl), f.wins('kimi-raikkonen')),
        [r['path'] + '/race-results.yml' for r in kl])

    d = 'kevin-magnussen'
    fins = [(x['position'], r) for r in f.races for x in r['race-results'] if x['driverId'] == d and isinstance(x['position'], int)]
    best = min(p for p, _ in fins)
    br = [r for p, r in fins if p == best]
    assert len(br) == 1
    add(G, 'typo', 'magnusen best ever result in f1?', pos_accept(best),
        '"magnusen" = Kevin Magnussen: best finish P%d (%s), once — at the %s (%s, %s), his debut race.' % (
            best, ordinal(best), f.gpname(br[0]), br[0]['date'], f.cname(f.fin(br[0], d)['constructorId'])),
        [RR])
    assert f.races.index(br[0]) == min(i for i, r in enumerate(f.races) for x in r['race-results'] if x['driverId'] == d)

    d = 'nico-hulkenberg'
    n = f.starts(d)
    add(G, 'typo', 'how many gps has hulkenburg started', [str(n)],
        '"hulkenburg" = Nico Hülkenberg: %d Grand Prix starts (race-results rows that are not DNS/DNQ/DNPQ/EX/DNP), including the 2026 races (%s).' % (
            n, CUTOFF), [RR])

    # ------------------------------------------------------------------ RELATIONAL (20)
    G = 'relational'

    def tm_q(d, y, q, pre=''):
        tm, k, n, c = f.teammate(d, y)
        team = f.driver_team(d, y)
        add(G, 'teammate', q, f.names(tm, f.season_scope(y)),
            '%s%s drove the other %s in %d of %s\'s %d races in %d.' % (
                pre, f.dname(tm), f.cname(team), k, f.dname(d), n, y),
            ['seasons/%d/races/*/race-results.yml' % y])

    tm_q('jackie-stewart', 1973, "Who was Jackie Stewart's team-mate at Tyrrell in 1973?")
    tm_q('gilles-villeneuve', 1979, 'Who partnered Gilles Villeneuve at Ferrari in 1979?')
    tm_q('nigel-mansell', 1992, "Nigel Mansell's team-mate in his 1992 title season?")
    tm_q('john-surtees', 1964, 'Who drove alongside John Surtees at Ferrari in 1964?')
    ry = min(r['year'] for r in f.races for x in r['race-results'] if x['driverId'] == 'george-russell')
    tm_q('george-russell', ry, "Who was George Russell's team-mate in his rookie year at Williams?",
         'Rookie year = %d. ' % ry)
    tm_q('gabriel-bortoleto', 2025, "who was bortoleto's team-mate last season",
         '"Last season" = 2025. ')

    def rel_pos(y, gp, pos, q, cat, pre=''):
        r = f.race(y, gp)
        x = f.at(r, pos)
        others = ', '.join('P%d %s' % (p, f.dname(f.at(r, p)['driverId'])) for p in (1, 2, 3, 4) if p != pos)
        add(G, cat, q, f.names(x['driverId'], f.race_scope(r)),
            '%s%s (%s) finished P%d at the %s (%s); %s.' % (
                pre, f.dname(x['driverId']), f.cname(x['constructorId']), pos, f.gpname(r), r['date'], others),
            [r['path'] + '/race-results.yml'])

    rel_pos(2021, 'abu-dhabi', 3, 'Who finished third in the 2021 Abu Dhabi Grand Prix?', 'driver_at_position')
    r = f.race(2012, 'europe')
    assert f.winners(r) == ['fernando-alonso']
    rel_pos(2012, 'europe', 2, 'Who crossed the line right behind Alonso at Valencia in 2012?', 'right_behind',
            'Alonso won; right behind him = P2. ')
    r = f.race(2008, 'monaco')
    assert f.winners(r) == ['lewis-hamilton']
    rel_pos(2008, 'monaco', 2, 'Who finished second to Hamilton at Monaco in 2008?', 'driver_at_position')

    def podium(y, gp, q):
        r = f.race(y, gp)
        p = [f.at(r, i) for i in (1, 2, 3)]
        sc = f.race_scope(r)
        add(G, 'podium', q, f.names(p[2]['driverId'], sc),
            '%s (%s): P1 %s (%s), P2 %s (%s), P3 %s (%s); P4 %s; all three names are required (accept_all).' % (
                f.gpname(r), r['date'], *[v for x in p for v in (f.dname(x['driverId']), f.cname(x['constructorId']))],
                f.dname(f.at(r, 4)['driverId'])),
            [r['path'] + '/race-results.yml'], accept_all=[f.short(x['driverId'], sc) for x in p])

    podium(1996, 'monaco', 'Monaco 1996 — who was on the podium?')
    podium(2020, 'italy', 'Who were the top three at Monza in 2020?')
    podium(2020, 'sakhir', 'Podium at the 2020 Sakhir Grand Prix?')
    podium(1971, 'italy', 'Who made up the podium at the 1971 Italian GP?')

    def engine(c, y, q, extra=()):
        em, k = f.team_engine(c, y)
        add(G, 'team_engine', q, [f.emname(em), deaccent(f.emname(em))] + list(extra),
            '%s (every one of the %d %s race entries in %d had a %s engine).' % (
                f.emname(em), k, f.cname(c), y, f.emname(em)),
            ['seasons/%d/races/*/race-results.yml' % y])

    engine('benetton', 1995, 'What engine was in the back of the Benetton in 1995?')
    engine('jordan', 1998, "Who was Jordan's engine supplier in 1998?", ['Mugen Honda', 'Mugen'])
    engine('mclaren', 2015, "Who supplied McLaren's engines in 2015?")
    engine('toro-rosso', 2008, 'What engine did Toro Rosso run in 2008?')

    def runner_up(y, kind, q):
        p1, p2 = f.st_pos(y, 1, kind), f.st_pos(y, 2, kind)
        if kind == 'driver':
            acc = f.names(p2['driverId'], f.season_scope(y))
            n1, n2 = f.dname(p1['driverId']), f.dname(p2['driverId'])
        else:
            acc = f.cnames(p2['constructorId'])
            n1, n2 = f.cname(p1['constructorId']), f.cname(p2['constructorId'])
        add(G, 'championship_runner_up', q, acc,
            '%s was P2 in the %d %s standings with %s points, behind %s (%s).' % (
                n2, y, 'drivers\'' if kind == 'driver' else 'constructors\'', num(p2['points']), n1, num(p1['points'])),
            ['seasons/%d/%s-standings.yml' % (y, kind)])

    runner_up(1981, 'driver', "Who was runner-up to Piquet in the 1981 drivers' championship?")
    assert f.champion(1981)['driverId'] == 'nelson-piquet'
    runner_up(1994, 'constructor', "Which team finished second in the 1994 constructors' championship?")
    runner_up(1955, 'driver', 'Who finished second to Fangio in the 1955 world championship?')
    assert f.champion(1955)['driverId'] == 'juan-manuel-fangio'

    # ------------------------------------------------------------------ CAREER HISTORY (15)
    G = 'career_history'

    def win_race(d, which, q, cat):
        wl = f.win_list(d)
        r = wl[0] if which == 'first' else wl[-1]
        x = [x for x in f.rows(r, 1) if x['driverId'] == d][0]
        add(G, cat, q, f.venue_names(r),
            'The %s (%s, %s), driving for %s, from grid %s; %d Grand Prix wins in all (%s). Race (any accept string) and year (accept_all) required.' % (
                f.gpname(r), r['date'], f.CI[r['circuitId']]['fullName'], f.cname(x['constructorId']),
                x['gridPosition'], len(wl), CUTOFF),
            [r['path'] + '/race-results.yml'], accept_all=[str(r['year'])])

    win_race('carlos-sainz-jr', 'first', "Where did Carlos Sainz win his first Grand Prix?", 'first_win')
    win_race('george-russell', 'first', "Which race was George Russell's maiden F1 win?", 'first_win')
    win_race('lando-norris', 'first', 'When and where did Lando Norris finally get his first win?', 'first_win')
    win_race('valtteri-bottas', 'first', "What was Valtteri Bottas's first Grand Prix victory?", 'first_win')
    win_race('mark-webber', 'first', 'Mark Webber took ages to win a race — which one was his first?', 'first_win')
    win_race('felipe-massa', 'last', 'Which Grand Prix was the last one Felipe Massa won?', 'last_win')
    win_race('jenson-button', 'last', "What was Jenson Button's final F1 win?", 'last_win')

    def team_first(c, q):
        for r in f.races:
            xs = [x for x in f.rows(r, 1) if x['constructorId'] == c]
            if xs:
                break
        d = xs[0]['driverId']
        nw = sum(1 for rr_ in f.races if f.win_team(rr_) == c)
        nws = '%d Grand Prix' % nw if nw == 1 else '%d Grands Prix' % nw
        add(G, 'team_first_win', q, f.names(d, f.alltime_scope(d)),
            "%s won %s's first Grand Prix: the %s (%s)%s. %s won %s in all. Driver (accept) and year (accept_all) required." % (
                f.dname(d), f.cname(c), f.gpname(r), r['date'],
                ', in a Rob Walker-entered car' if (c, r['year']) == ('lotus', 1960) else '',
                f.cname(c), nws),
            [r['path'] + '/race-results.yml'], accept_all=[str(r['year'])])

    team_first('lotus', "Who gave Lotus its first ever Grand Prix win, and in what year?")
    team_first('ligier', "Who won Ligier's first race, and when?")
    team_first('stewart', 'Which driver won a race for the Stewart team, and in which year?')

    def debut(d):
        for r in f.races:
            for x in r['race-results']:
                if x['driverId'] == d and f.started(x):
                    return r, x

    r, x = debut('ayrton-senna')
    add(G, 'debut_team', 'Which team did Ayrton Senna make his F1 debut with?', f.cnames(x['constructorId']),
        '%s: debut at the %s (%s), grid %s, result %s.' % (
            f.cname(x['constructorId']), f.gpname(r), r['date'], x['gridPosition'], x['position']),
        [r['path'] + '/race-results.yml'])

    r, x = debut('sebastian-vettel')
    add(G, 'debut_race', "At which Grand Prix did Sebastian Vettel make his race debut?", f.venue_names(r),
        'The %s (%s, %s) for %s: started %s, finished P%s. Race (any accept string) and year (accept_all) required.' % (
            f.gpname(r), r['date'], f.CI[r['circuitId']]['name'], f.cname(x['constructorId']),
            x['gridPosition'], x['position']),
        [r['path'] + '/race-results.yml'], accept_all=[str(r['year'])])

    yrs = [y for y, d in champs if d == 'jack-brabham']
    add(G, 'title_years', 'Which years did Jack Brabham win the world title?', [str(v) for v in yrs],
        '%d titles: %s (%s). All years required (accept_all).' % (
            len(yrs), ', '.join(map(str, yrs)), ', '.join('%d %s' % (v, f.cname(f.driver_team('jack-brabham', v))) for v in yrs)),
        ['seasons/%d/driver-standings.yml' % v for v in yrs], accept_all=[str(v) for v in yrs])

    cy = [y for y in range(1958, 2026) if f.champion(y, 'constructor')['constructorId'] == 'mclaren']
    add(G, 'first_team_title', "When did McLaren win its first constructors' championship?", [str(cy[0])],
        "%d; McLaren has %d constructors' titles in all (%s)." % (cy[0], len(cy), ', '.join(map(str, cy))),
        ['seasons/%d/constructor-standings.yml' % cy[0], 'seasons/*/constructor-standings.yml'])

    fy = [(y, d) for y, d in champs if f.driver_team(d, y) == 'ferrari']
    y, d = fy[-1]
    add(G, 'team_last_title', "When did a Ferrari driver last win the drivers' championship?", [str(y)],
        '%d, %s (%s points); Ferrari drivers have won %d drivers\' titles (1950-2025).' % (
            y, f.dname(d), num(f.champion(y)['points']), len(fy)),
        ['seasons/*/driver-standings.yml', RR])

    # ------------------------------------------------------------------ COMPARATIVE (13)
    G = 'comparative'

    def cmp_points(y, a, b, q, kind='driver', pre=''):
        k = 'driverId' if kind == 'driver' else 'constructorId'
        sa, sb = f.st_of(y, a, kind), f.st_of(y, b, kind)
        assert sa['points'] != sb['points']
        hi, lo = (sa, sb) if sa['points'] > sb['points'] else (sb, sa)
        m = hi['points'] - lo['points']
        if kind == 'driver':
            sc = f.season_scope(y)
            nm = lambda s_: f.dname(s_[k])
            hn = f.short(hi[k], sc)
        else:
            nm = lambda s_: f.cname(s_[k])
            hn = f.cname(hi[k])
        after = ' (standings after round 11; %s)' % CUTOFF if y == 2026 else ''
        add(G, 'points_comparison', q, [num(m)],
            '%s%s P%d %s points vs %s P%d %s: %s ahead by %s%s. Name and margin required (accept_all).' % (
                pre, nm(hi), hi['position'], num(hi['points']), nm(lo), lo['position'], num(lo['points']), nm(hi), num(m), after),
            ['seasons/%d/%s-standings.yml' % (y, kind)], accept_all=[hn, num(m)])

    cmp_points(2014, 'lewis-hamilton', 'nico-rosberg', 'Hamilton vs Rosberg in 2014 — how many points separated them at the end?')
    cmp_points(2019, 'charles-leclerc', 'sebastian-vettel', 'Ferrari 2019: did Leclerc or Vettel finish higher, and by how many points?')
    cmp_points(2022, 'sergio-perez', 'carlos-sainz-jr', 'Who finished higher in the 2022 standings, Pérez or Sainz, and by how much?')
    cmp_points(2021, 'mercedes', 'red-bull', "How big was the gap between Mercedes and Red Bull in the 2021 constructors' championship?", 'constructor')
    cmp_points(2026, 'max-verstappen', 'lando-norris', "Verstappen or Norris — who has more points this season, and what's the gap?",
               pre='"This season" = 2026: ')
    cmp_points(2021, 'fernando-alonso', 'esteban-ocon', 'Alpine 2021: Alonso or Ocon, who outscored the other and by how much?')

    def cmp_career(a, b, what, q):
        fn = {'wins': f.wins, 'podiums': f.podiums}[what]
        va, vb = fn(a), fn(b)
        assert va != vb
        hi, lo, vh, vl = (a, b, va, vb) if va > vb else (b, a, vb, va)
        sc = f.alltime_scope(a, b)
        add(G, 'career_%s_comparison' % what, q, [str(vh - vl)],
            '%s %d career Grand Prix %s vs %s %d: %s by %d (%s). Name and margin required (accept_all).' % (
                f.dname(hi), vh, what, f.dname(lo), vl, f.dname(hi), vh - vl, CUTOFF),
            [RR], accept_all=[f.short(hi, sc), str(vh - vl)])

    cmp_career('emerson-fittipaldi', 'james-hunt', 'wins', 'Emerson Fittipaldi or James Hunt — who won more Grands Prix, and by how many?')
    cmp_career('jacky-ickx', 'ronnie-peterson', 'wins', 'Career wins: Jacky Ickx vs Ronnie Peterson, who had more and by how many?')
    cmp_career('david-coulthard', 'gerhard-berger', 'wins', 'Did Coulthard or Berger win more races in their careers? By how many?')
    cmp_career('nico-rosberg', 'valtteri-bottas', 'podiums', 'Who got more podiums in his career, Nico Rosberg or Valtteri Bottas, and how many more?')
    cmp_career('lando-norris', 'charles-leclerc', 'wins', 'Norris vs Leclerc career wins so far — who leads and by how many?')

    rr = f.season_races(1965)
    a, b = f.wins('jim-clark', rr), f.wins('jackie-stewart', rr)
    assert a > b
    add(G, 'season_wins_comparison', 'In 1965, how many more races did Jim Clark win than Jackie Stewart?', [str(a - b)],
        'Jim Clark %d wins vs Jackie Stewart %d in the %d races of 1965: Clark by %d. Name and margin required (accept_all).' % (
            a, b, len(rr), a - b), ['seasons/1965/races/*/race-results.yml'], accept_all=['Clark', str(a - b)])

    rr = f.season_races(2017)
    c = Counter(f.win_team(r) for r in rr)
    a, b = c['mercedes'], c['ferrari']
    assert a > b
    add(G, 'team_wins_comparison', 'Mercedes or Ferrari, who won more races in 2017, and by how many?', [str(a - b)],
        'Mercedes %d wins vs Ferrari %d in the %d races of 2017 (Red Bull %d): Mercedes by %d. Name and margin required (accept_all).' % (
            a, b, len(rr), c['red-bull'], a - b), ['seasons/2017/races/*/race-results.yml'], accept_all=['Mercedes', str(a - b)])

    # ------------------------------------------------------------------ MULTI PART (13)
    G = 'multi_part'

    y = 1982
    ch = f.champion(y)['driverId']
    cc_ = f.champion(y, 'constructor')['constructorId']
    nw = f.wins(ch, f.season_races(y))
    sc = f.season_scope(y)
    add(G, 'champion_wins_constructors', '1982: who won the drivers\' title, how many races did he win that year, and which team took the constructors\' crown?',
        f.names(ch, sc),
        "%s was the 1982 drivers' champion (%s points) with %d win%s in %d races; %s won the constructors' title (%s points). All three facts required (accept_all)." % (
            f.dname(ch), num(f.champion(y)['points']), nw, '' if nw == 1 else 's', len(f.season_races(y)), f.cname(cc_), num(f.champion(y, 'constructor')['points'])),
        ['seasons/1982/driver-standings.yml', 'seasons/1982/constructor-standings.yml', 'seasons/1982/races/*/race-results.yml'],
        accept_all=[f.short(ch, sc), str(nw), f.cname(cc_)])

    def pole_winner(y, gp, q):
        r = f.race(y, gp)
        p, w = f.pole(r), f.winners(r)[0]
        assert p != w
        sc = f.race_scope(r)
        add(G, 'pole_and_winner', q, f.names(w, sc),
            '%s (%s): pole %s (qualifying P1 and grid P1), winner %s; pole sitter finished P%s. Both names required (accept_all).' % (
                f.gpname(r), r['date'], f.dname(p), f.dname(w), f.fin(r, p)['position']),
            [r['path'] + '/qualifying-results.yml', r['path'] + '/race-results.yml'],
            accept_all=[f.short(p, sc), f.short(w, sc)])

    pole_winner(2019, 'canada', 'Canada 2019: who was on pole and who won?')
    pole_winner(2014, 'bahrain', 'Bahrain 2014 — pole sitter and race winner?')

    def two_counts(d, y, w1, w2, q):
        rr = f.season_races(y)
        vals = {}
        for w in (w1, w2):
            if w == 'wins':
                vals[w] = f.wins(d, rr)
            elif w == 'podiums':
                vals[w] = f.podiums(d, rr)
            elif w == 'poles':
                vals[w] = f.poles(d, rr)
            elif w == 'points':
                vals[w] = f.st_of(y, d)['points']
        a, b = num(vals[w1]), num(vals[w2])
        assert a != b
        extra = ' (qualifying P1 and grid P1 agree)' if 'poles' in (w1, w2) else ''
        add(G, 'two_counts', q, [a],
            '%s in %d: %s %s and %s %s from %d races%s (%s). Both numbers required (accept_all).' % (
                f.dname(d), y, a, w1, b, w2, len(rr), extra, f.cname(f.driver_team(d, y))),
            ['seasons/%d/races/*/race-results.yml' % y] + (['seasons/%d/races/*/qualifying-results.yml' % y] if 'poles' in (w1, w2) else [])
            + (['seasons/%d/driver-standings.yml' % y] if 'points' in (w1, w2) else []),
            accept_all=[a, b])

    two_counts('jenson-button', 2009, 'wins', 'podiums', "Button's 2009 title year: how many wins and how many podiums?")
    two_counts('sebastian-vettel', 2011, 'wins', 'points', 'How many races did Vettel win in 2011 and how many points did he finish with?')
    two_counts('nico-rosberg', 2016, 'wins', 'poles', "Rosberg's championship season 2016 — number of wins and number of poles?")
    two_counts('charles-leclerc', 2019, 'wins', 'podiums', "Leclerc's first year at Ferrari (2019): wins and podiums?")
    two_counts('alain-prost', 1993, 'wins', 'poles', 'Prost in 1993: how many wins and how many pole positions?')

    y = 1999
    dch, cch = f.champion(y)['driverId'], f.champion(y, 'constructor')['constructorId']
    assert f.driver_team(dch, y) != cch
    sc = f.season_scope(y)
    add(G, 'both_champions', "Who were the 1999 drivers' and constructors' champions?", f.names(dch, sc),
        "Drivers': %s (%s, %s points); constructors': %s (%s points) — the titles were split. Both required (accept_all)." % (
            f.dname(dch), f.cname(f.driver_team(dch, y)), num(f.champion(y)['points']), f.cname(cch), num(f.champion(y, 'constructor')['points'])),
        ['seasons/1999/driver-standings.yml', 'seasons/1999/constructor-standings.yml'],
        accept_all=[f.short(dch, sc), f.cname(cch)])

    r = f.race(2002, 'united-states')
    w, p2 = f.at(r, 1), f.at(r, 2)
    gap = p2['gap'].lstrip('+')
    sc = f.race_scope(r)
    add(G, 'winner_and_margin', 'Indianapolis 2002: who won, and by how much?', f.names(w['driverId'], sc),
        '%s won the %s (%s) by %s s from %s (team-mates at %s); P3 %s. Winner and gap required (accept_all).' % (
            f.dname(w['driverId']), f.gpname(r), r['date'], gap, f.dname(p2['driverId']), f.cname(w['constructorId']),
            f.dname(f.at(r, 3)['driverId'])),
        [r['path'] + '/race-results.yml'], accept_all=[f.short(w['driverId'], sc), gap])

    y = 1968
    cch = f.champion(y, 'constructor')
    em, k = f.team_engine(cch['constructorId'], y)
    add(G, 'constructors_champion_engine', "1968 constructors' champions — which team, and whose engine did it use?",
        f.cnames(cch['constructorId']),
        "%s won the 1968 constructors' title (%s points), powered by %s (all %d %s race entries). Both required (accept_all)." % (
            f.cname(cch['constructorId']), num(cch['points']), f.emname(em), k, f.cname(cch['constructorId'])),
        ['seasons/1968/constructor-standings.yml', 'seasons/1968/races/*/race-results.yml'],
        accept_all=[f.cname(cch['constructorId']), f.emname(em)])

    rr = f.season_races(2019)
    hw = f.wins('lewis-hamilton', rr)
    add(G, 'rounds_and_wins', 'How many races were there in 2019 and how many of them did Hamilton win?', [str(len(rr))],
        '%d Grands Prix in 2019; Lewis Hamilton won %d of them. Both numbers required (accept_all).' % (len(rr), hw),
        ['seasons/2019/races/*/race-results.yml'], accept_all=[str(len(rr)), str(hw)])

    r = f.race(2005, 'japan')
    w = f.at(r, 1)
    sc = f.race_scope(r)
    add(G, 'winner_and_grid', 'Suzuka 2005 — who won, and from where on the grid?', f.names(w['driverId'], sc),
        '%s won the %s (%s) for %s from grid position %d; P2 %s, P3 %s. Winner and grid slot required (accept_all).' % (
            f.dname(w['driverId']), f.gpname(r), r['date'], f.cname(w['constructorId']), w['gridPosition'],
            f.dname(f.at(r, 2)['driverId']), f.dname(f.at(r, 3)['driverId'])),
        [r['path'] + '/race-results.yml'], accept_all=[f.short(w['driverId'], sc), str(w['gridPosition'])])

    # ------------------------------------------------------------------ UNAVAILABLE (12)
    G = 'unavailable'

    def future_race(rd, q, what, extra=''):
        race = [r for r in f.S[2026]['races'] if r['dir'] == rd][0]
        assert race['race-results'] is None and race['qualifying-results'] is None
        assert race['sprint-race-results'] is None and race['fastest-laps'] is None
        files = ', '.join(race['files'])
        when = 'after today (%s)' % TODAY if str(race['date']) > TODAY else 'before today (%s) but has no results' % TODAY
        add(G, 'future_unavailable', q, [],
            'The %s (round %d, %s) is %s: the data holds only %s. The reply should say %s is not available. The last race with results is the %s.%s' % (
                f.gpname(race), race['round'], race['date'], when, files, what, f.gpname(f.races[-1]), extra),
            [race['path'] + '/race.yml'], unavailable=True)
        return race

    future_race('13-italy', 'who was on the podium at monza this year', 'the podium')
    future_race('16-bahrain', 'who set the fastest lap in bahrain this season?', 'the fastest lap')
    race = future_race('22-qatar', 'how many points did norris pick up in qatar last weekend', "Norris's Qatar points",
                       ' "Last weekend" = the weekend of 2026-11-29.')
    race = [r for r in f.S[2026]['races'] if r['dir'] == '23-abu-dhabi'][0]
    assert str(race['qualifyingDate']) > TODAY and race['qualifying-results'] is None
    add(G, 'future_unavailable', "who's on pole for abu dhabi this weekend?", [],
        'The %s (round 23) has qualifying on %s and the race on %s, after today (%s); the data holds only %s. The reply should say the pole is not known/available (no prediction offered as fact).' % (
            f.gpname(race), race['qualifyingDate'], race['date'], TODAY, ', '.join(race['files'])),
        [race['path'] + '/race.yml'], unavailable=True)

    def not_held(y, gp, circuit, q, extra=''):
        assert not any(r['grandPrixId'] == gp for r in f.S[y]['races'])
        assert not any(r['circuitId'] == circuit for r in f.S[y]['races'])
        ys = sorted({r['year'] for r in f.races if r['grandPrixId'] == gp})
        before = max([v for v in ys if v < y], default=None)
        after = min([v for v in ys if v > y], default=None)
        add(G, 'not_held', q, [],
            'There was no %s %s: it is not among the %d rounds of %d in the data, and no race was held at %s that year. The reply should say it was not held (%s).%s' % (
                y, f.GP[gp]['fullName'], len(f.S[y]['races']), y, f.CI[circuit]['name'],
                'the data has one in %s and in %s' % (before, after) if after else 'the most recent one in the data is %s' % before,
                extra),
            ['seasons/%d/races/' % y], unavailable=True)

    not_held(2026, 'saudi-arabia', 'jeddah', 'who won in jeddah this year',
             ' "This year" = 2026; the 2026 calendar in the data has no Saudi Arabian GP at all.')
    not_held(2021, 'japan', 'suzuka', 'Who won the 2021 Japanese Grand Prix at Suzuka?')
    not_held(1957, 'netherlands', 'zandvoort', 'who won at zandvoort in 1957?')

    r = f.race(2021, 'azerbaijan')
    x = f.fin(r, 'max-verstappen')
    add(G, 'no_data', "What tyre pressures was Verstappen running when his tyre failed in Baku 2021?", [],
        'f1db stores no tyre pressures (its only tyre field is the manufacturer); the reply should say it is not available. In the data Verstappen is %s at the %s (reason retired: %s, after %s laps).' % (
            ('classified P%s' % x['position']) if isinstance(x['position'], int) else x['position'], f.gpname(r), x['reasonRetired'], x['laps']),
        [r['path'] + '/race-results.yml'], unavailable=True)

    r = f.race(2012, 'abu-dhabi')
    assert f.winners(r) == ['kimi-raikkonen']
    add(G, 'no_data', 'what exactly did kimi say on the radio on his way to winning abu dhabi 2012', [], 
        'f1db has no team-radio messages; the reply should say the radio transcript is not in the data. The data does show Räikkönen won the %s (P1, %s).' % (
            f.gpname(r), f.cname(f.win_team(r))),
        [r['path'] + '/race-results.yml'], unavailable=True)

    r = f.race(2019, 'monaco')
    add(G, 'no_data', 'What brake balance and wing settings did Hamilton use to win Monaco in 2019?', [],
        'f1db stores no car setup (brake balance, wing angles). The reply should say it is not available; it may add that Hamilton won the %s (P1, from grid %d).' % (
            f.gpname(r), f.fin(r, 'lewis-hamilton')['gridPosition']),
        [r['path'] + '/race-results.yml'], unavailable=True)
    assert f.winners(r) == ['lewis-hamilton']

    r = f.race(1988, 'monaco')
    q = [x for x in r['qualifying-results'] if x['driverId'] == 'ayrton-senna'][0]
    add(G, 'no_data', "What RPM was Senna's Honda pulling on his pole lap at Monaco in 1988?", [],
        'f1db has no telemetry (engine RPM, speed, throttle). The reply should say it is not available; quoting the lap itself is fine (Senna qualified P%s, %s).' % (
            q['position'], q.get('time') or q.get('q1') or 'time listed'),
        [r['path'] + '/qualifying-results.yml'], unavailable=True)

    d = 'giovanna-amati'
    rows = [(r, x) for r in f.races for x in r['race-results'] if x['driverId'] == d]
    assert rows and all(not f.started(x) for _, x in rows)
    for sub in ('sprint-race-results',):
        assert not any(x['driverId'] == d for r in f.races for x in (r[sub] or []))
    add(G, 'never_raced', 'At which Grand Prix did Giovanna Amati make her race start?', [],
        'Giovanna Amati never started a Grand Prix: her only entries are %d non-qualifications (%s) in %d with %s. The reply should say she never started a race.' % (
            len(rows), ', '.join('%s %s' % (f.GP[r['grandPrixId']]['shortName'], x['position']) for r, x in rows),
            rows[0][0]['year'], f.cname(rows[0][1]['constructorId'])),
        ['drivers/giovanna-amati.yml', 'seasons/1992/races/*/race-results.yml'], unavailable=True)


# --------------------------------------------------------------------------- main

def main():
    t0 = time.time()
    db = load()
    f = F1(db)
    last = f.races[-1]
    assert (last['year'], last['round'], last['grandPrixId'], str(last['date'])) == (2026, 11, 'hungary', '2026-07-26'), \
        (last['path'], last['date'])
    later = [r for r in f.S[2026]['races'] if r['round'] > 11]
    assert later and all(r['race-results'] is None and r['sprint-race-results'] is None for r in later)
    st11 = _y(os.path.join(F1DB, last['path'], 'driver-standings.yml'))
    assert st11 == f.S[2026]['driver-standings'], '2026 standings are not the standings after round 11'
    build(f)

    counts = Counter(r['group'] for r in RECS)
    assert dict(counts) == GROUP_SIZES, counts
    qs = [fold(r['question']) for r in RECS]
    assert len(set(qs)) == len(qs), [q for q, n in Counter(qs).items() if n > 1]
    keys = [(r['category'], tuple(r['source']), tuple(r['accept']), tuple(r.get('accept_all', []))) for r in RECS]
    assert len(set(keys)) == len(keys), 'duplicate fact'
    for r in RECS:
        assert r['source'] and r['answer_note'] and r['question']
        if r['expect_unavailable']:
            assert r['accept'] == [] and 'accept_all' not in r
        else:
            assert r['accept'], r['question']
            assert grade(r['answer_note'], r), ('self-check failed', r['question'], r['accept'], r.get('accept_all'), r['answer_note'])
        for p in r['source']:
            if '*' not in p and '?' not in p:
                assert os.path.exists(os.path.join(F1DB, p)), p
    years = [int(m) for r in RECS for m in re.findall(r'\b(19[5-9]\d|20[0-2]\d)\b', r['question'])]
    assert min(years) == 1955 and max(years) <= 2026, (min(years), max(years))

    recs = list(RECS)
    random.Random(SEED).shuffle(recs)
    for i, r in enumerate(recs, 1):
        r['id'] = 'fbl-%03d' % i
    with open(OUT, 'w', encoding='utf-8') as fo:
        for r in recs:
            fo.write(json.dumps(r, ensure_ascii=False) + '\n')
    n_ans = sum(1 for r in recs if not r['expect_unavailable'])
    print('wrote %d records to %s' % (len(recs), os.path.normpath(OUT)))
    print('groups:', ', '.join('%s %d' % (g, counts[g]) for g in GROUP_SIZES))
    print('accept_all: %d, expect_unavailable: %d, self-check: %d/%d answerable notes pass' % (
        sum(1 for r in recs if 'accept_all' in r), len(recs) - n_ans, n_ans, n_ans))
    if '-v' in sys.argv:
        for r in recs:
            print(json.dumps(r, ensure_ascii=False))
    print('%.1f s' % (time.time() - t0))


if __name__ == '__main__':
    main()
