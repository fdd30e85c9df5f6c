#!/usr/bin/env python3
"""Build fan-qa-blind-m.jsonl (held-out fan-style F1 QA set M) from the f1db YAML.

Self-contained: loads the YAML itself (PyYAML, CSafeLoader when available) and imports no other eval tool.
Every answer is computed here from the data; only the question parameters and the wording are hand-chosen.

    python3 eval/tools/build_blind_m.py        # writes eval/fan-qa-blind-m.jsonl
    python3 eval/tools/build_blind_m.py -v     # also prints every record

Environment: F1DB=<f1db src/data>, BM_CACHE=<pickle path> (default /tmp/m.pkl; empty string = no cache).
Output is byte-identical across runs (fixed shuffle seed 20261206, ids fbm-001 ... fbm-120).
"""
import os
import sys
import glob
import json
import pickle
import random
import re
import unicodedata
import datetime as dt
from collections import Counter, defaultdict

import yaml

try:
    Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    Loader = yaml.SafeLoader

HERE = os.path.dirname(os.path.abspath(__file__))
F1DB = os.environ.get("F1DB") or os.path.normpath(
    os.path.join(HERE, "..", "..", "..", "shared", "data", "f1db", "src", "data"))
CACHE = os.environ.get("BM_CACHE", "/tmp/m.pkl")
OUT = os.path.join(HERE, "..", "fan-qa-blind-m.jsonl")
SEED = 20261206
TODAY = dt.date(2026, 12, 4)

RESULT_FILES = ["race-results", "qualifying-results", "starting-grid-positions", "sprint-race-results",
                "sprint-starting-grid-positions", "sprint-qualifying-results", "fastest-laps",
                "driver-of-the-day-results", "pit-stops", "driver-standings", "constructor-standings"]


def _y(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=Loader)


def _load_raw():
    d = {}
    for kind in ["drivers", "constructors", "engine-manufacturers", "circuits", "grands-prix", "countries",
                 "tyre-manufacturers"]:
        d[kind] = {}
        for p in sorted(glob.glob(os.path.join(F1DB, kind, "*.yml"))):
            v = _y(p)
            d[kind][v["id"]] = v
    seasons = {}
    for sp in sorted(glob.glob(os.path.join(F1DB, "seasons", "*"))):
        year = int(os.path.basename(sp))
        s = {"year": year, "races": []}
        for name in ["entrants", "driver-standings", "constructor-standings"]:
            p = os.path.join(sp, name + ".yml")
            s[name] = _y(p) if os.path.exists(p) else None
        for rp in sorted(glob.glob(os.path.join(sp, "races", "*"))):
            r = {"dir": "seasons/%d/races/%s" % (year, os.path.basename(rp))}
            r["race"] = _y(os.path.join(rp, "race.yml"))
            for name in RESULT_FILES:
                p = os.path.join(rp, name + ".yml")
                if os.path.exists(p):
                    r[name] = _y(p) or []
            s["races"].append(r)
        s["races"].sort(key=lambda r: r["race"]["round"])
        seasons[year] = s
    d["seasons"] = seasons
    return d


def load():
    if CACHE and os.path.exists(CACHE):
        try:
            with open(CACHE, "rb") as f:
                c = pickle.load(f)
            if c.get("_f1db") == F1DB:
                return c
        except Exception:
            pass
    d = _load_raw()
    d["_f1db"] = F1DB
    if CACHE:
        tmp = CACHE + ".tmp%d" % os.getpid()
        with open(tmp, "wb") as f:
            pickle.dump(d, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, CACHE)
    return d


# ----------------------------------------------------------------------------------------------------------------
# Derived tables
# ----------------------------------------------------------------------------------------------------------------
NONSTART = {"DNQ", "DNPQ", "DNS", "DNP", "EX"}


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def norm(s):
    return fold(s).lower()


class DB:
    def __init__(self, d):
        self.d = d
        self.drivers = d["drivers"]
        self.cons = d["constructors"]
        self.engines = d["engine-manufacturers"]
        self.circuits = d["circuits"]
        self.gps = d["grands-prix"]
        self.countries = d["countries"]
        self.tyres = d["tyre-manufacturers"]
        self.seasons = d["seasons"]
        self.all_races = []  # every calendar entry
        for y in sorted(self.seasons):
            for r in self.seasons[y]["races"]:
                r["year"] = y
                r["round"] = r["race"]["round"]
                r["gp"] = r["race"]["grandPrixId"]
                r["circuit"] = r["race"]["circuitId"]
                r["date"] = r["race"]["date"]
                if isinstance(r["date"], str):
                    r["date"] = dt.date.fromisoformat(r["date"])
                self.all_races.append(r)
        # races with a Grand Prix result, chronological
        self.races = [r for r in self.all_races if r.get("race-results")]

    # --- names -------------------------------------------------------------------------------------------------
    def dname(self, did):
        return self.drivers[did]["name"]

    def cname(self, cid):
        return self.cons[cid]["name"]

    def ename(self, eid):
        return self.engines[eid]["name"]

    def gpname(self, gid):
        return self.gps[gid]["fullName"]

    def race_label(self, r):
        return "%d %s" % (r["year"], self.gpname(r["gp"]))

    def race_by(self, year, gp):
        rs = [r for r in self.seasons[year]["races"] if r["gp"] == gp]
        assert len(rs) == 1, (year, gp, len(rs))
        return rs[0]

    # --- rows --------------------------------------------------------------------------------------------------
    @staticmethod
    def pos(row):
        p = row.get("position")
        return p if isinstance(p, int) else None

    @staticmethod
    def started(row):
        return row.get("position") not in NONSTART

    def at(self, r, kind, position):
        rows = [x for x in r.get(kind, []) if x.get("position") == position]
        return rows

    def one_at(self, r, kind, position):
        rows = self.at(r, kind, position)
        if len(rows) != 1:
            raise Drop("%s %s position %s has %d rows" % (r["dir"], kind, position, len(rows)))
        return rows[0]

    def winners(self, r):
        return [x["driverId"] for x in self.at(r, "race-results", 1)]

    def pole_q(self, r):
        rows = self.at(r, "qualifying-results", 1)
        return rows[0]["driverId"] if len(rows) == 1 else None

    def pole_g(self, r):
        rows = self.at(r, "starting-grid-positions", 1)
        return rows[0]["driverId"] if len(rows) == 1 else None

    def dob(self, did):
        b = self.drivers[did]["dateOfBirth"]
        return dt.date.fromisoformat(b) if isinstance(b, str) else b

    def age_days(self, did, day):
        return (day - self.dob(did)).days

    def age(self, did, day):
        """(years, days since the last birthday) on `day`."""
        b = self.dob(did)
        y = day.year - b.year - ((day.month, day.day) < (b.month, b.day))
        try:
            last = b.replace(year=b.year + y)
        except ValueError:  # 29 February
            last = dt.date(b.year + y, 3, 1)
        return y, (day - last).days

    # --- scopes for the surname rule ---------------------------------------------------------------------------
    def race_field(self, r):
        return {x["driverId"] for x in r.get("race-results", [])}

    def season_field(self, year):
        return {x["driverId"] for r in self.seasons[year]["races"] for x in r.get("race-results", [])}

    def all_winners(self):
        return {x["driverId"] for r in self.races for x in self.at(r, "race-results", 1)}

    # --- iteration helpers -------------------------------------------------------------------------------------
    def rows(self, kind="race-results", races=None):
        for r in (self.races if races is None else races):
            for x in r.get(kind, []):
                yield r, x

    def season_races(self, year):
        return [r for r in self.seasons[year]["races"] if r.get("race-results")]

    def standings(self, year, kind="driver"):
        return self.seasons[year][kind + "-standings"]


class Drop(Exception):
    pass


def need(cond, why):
    if not cond:
        raise Drop(why)


def strict_top(counter, what):
    """Leader of a Counter; Drop if the top is tied."""
    mc = counter.most_common()
    need(mc, "%s: empty" % what)
    if len(mc) > 1:
        need(mc[0][1] != mc[1][1], "%s: tie at the top %s" % (what, mc[:3]))
    return mc[0]


def strict_bottom(pairs, what):
    """pairs: list of (key, value); the smallest value must be unique."""
    s = sorted(pairs, key=lambda kv: kv[1])
    need(s, what + ": empty")
    if len(s) > 1:
        need(s[0][1] != s[1][1], "%s: tie at the bottom %s" % (what, s[:3]))
    return s[0]


# ----------------------------------------------------------------------------------------------------------------
# Accept strings
# ----------------------------------------------------------------------------------------------------------------
ALIASES = {
    "sergio-perez": ["Checo", "Checo Perez"],
    "michael-schumacher": ["Schumi", "Michael Schumacher"],
    "carlos-sainz-jr": ["Carlos Sainz"],
    "alexander-albon": ["Alex Albon"],
    "kimi-antonelli": ["Andrea Kimi Antonelli"],
    "nino-farina": ["Giuseppe Farina"],
    "kimi-raikkonen": ["Kimi Raikkonen"],
    "nelson-piquet": ["Nelson Piquet Sr"],
    "nelson-piquet-jr": ["Nelson Piquet Jr", "Nelsinho Piquet"],
    "jose-froilan-gonzalez": ["Froilan Gonzalez"],
}
TEAM_ALIASES = {
    "ferrari": ["Scuderia Ferrari"],
    "red-bull": ["Red Bull Racing"],
    "mercedes": ["Mercedes-AMG", "Mercedes AMG"],
    "lotus": ["Team Lotus"],
    "matra": [],
    "brabham": [],
}
ENGINE_ALIASES = {"ford": ["Cosworth"], "climax": ["Coventry Climax"], "tag": ["TAG Porsche", "TAG-Porsche"]}


def dedup(xs):
    out, seen = [], set()
    for x in xs:
        k = x.strip()
        if k and k not in seen:
            seen.add(k)
            out.append(k)
    return out


def clean_surname(s):
    return re.sub(r"\s+(Jr\.?|Sr\.?)$", "", s)


class Names:
    def __init__(self, db):
        self.db = db
        self._winners = None

    def winners(self):
        if self._winners is None:
            self._winners = self.db.all_winners()
        return self._winners

    def surname_unique(self, did, scope):
        sn = norm(clean_surname(self.db.drivers[did]["lastName"]))
        for o in scope:
            if o != did and norm(clean_surname(self.db.drivers[o]["lastName"])) == sn:
                return False
        return True

    def driver(self, did, scope=None, surname=True):
        """scope: set of driverIds (race/season field) or 'all' for all-time (all race winners)."""
        d = self.db.drivers[did]
        full = d["name"]
        fl = "%s %s" % (d["firstName"], d["lastName"])
        fl2 = "%s %s" % (d["firstName"], clean_surname(d["lastName"]))
        out = [full, fold(full), fl, fold(fl), fl2, fold(fl2)]
        out += ALIASES.get(did, [])
        if surname:
            if scope == "all" or scope is None:
                sc = self.winners() | {did}
            else:
                sc = set(scope) | {did}
            if self.surname_unique(did, sc):
                sn = clean_surname(d["lastName"])
                out += [sn, fold(sn)]
        return dedup(out)

    def surname(self, did):
        return fold(clean_surname(self.db.drivers[did]["lastName"]))

    def team(self, cid):
        c = self.db.cons[cid]
        out = [c["name"], fold(c["name"]), c.get("fullName") or c["name"]] + TEAM_ALIASES.get(cid, [])
        return dedup(out)

    def engine(self, eid):
        e = self.db.engines[eid]
        return dedup([e["name"], fold(e["name"])] + ENGINE_ALIASES.get(eid, []))


# ----------------------------------------------------------------------------------------------------------------
# Grading (dev README rules 1-3)
# ----------------------------------------------------------------------------------------------------------------
def str_match(reply, s):
    r, t = norm(reply), norm(s)
    if re.fullmatch(r"\d+", t):
        return re.search(r"(?<!\d)(?<!\d[.,])" + t + r"(?!\d)(?![.,]\d)", r) is not None
    return t in r


def grade(reply, rec):
    ok = any(str_match(reply, a) for a in rec["accept"])
    return ok and all(str_match(reply, a) for a in rec.get("accept_all", []))


# ----------------------------------------------------------------------------------------------------------------
# Statistics helpers
# ----------------------------------------------------------------------------------------------------------------
class Stats:
    def __init__(self, db):
        self.db = db
        self.last = db.races[-1]

    def cutoff(self):
        r = self.last
        return "data cutoff: %s, round %d, %s" % (self.db.race_label(r), r["round"], r["date"].isoformat())

    # wins / podiums / starts -----------------------------------------------------------------------------------
    def win_races(self, did, pred=lambda r, x: True, kind="race-results"):
        return [r for r in self.db.races for x in self.db.at(r, kind, 1) if x["driverId"] == did and pred(r, x)]

    def count_pos(self, pred_row, pred_race=lambda r: True, kind="race-results"):
        """Per driver, the number of races with at least one row matching pred_row (a shared drive counts once)."""
        c = Counter()
        for r in self.db.races:
            if not pred_race(r):
                continue
            for d in {x["driverId"] for x in r.get(kind, []) if pred_row(x)}:
                c[d] += 1
        return c

    def wins(self, pred_race=lambda r: True):
        return self.count_pos(lambda x: x["position"] == 1, pred_race)

    def podiums(self, pred_race=lambda r: True):
        return self.count_pos(lambda x: x["position"] in (1, 2, 3), pred_race)

    def starts(self, pred_race=lambda r: True):
        return self.count_pos(lambda x: self.db.started(x), pred_race)

    def team_wins(self, pred_race=lambda r: True):
        c = Counter()
        for r in self.db.races:
            if pred_race(r):
                for cid in {x["constructorId"] for x in self.db.at(r, "race-results", 1)}:
                    c[cid] += 1
        return c

    def poles(self, pred_race=lambda r: True):
        """(qualifying-P1 counter, grid-P1 counter)."""
        q, g = Counter(), Counter()
        for r in self.db.races:
            if not pred_race(r):
                continue
            a, b = self.db.pole_q(r), self.db.pole_g(r)
            if a:
                q[a] += 1
            if b:
                g[b] += 1
        return q, g

    def pole_count(self, did, pred_race=lambda r: True):
        q, g = self.poles(pred_race)
        need(q[did] == g[did], "pole count %s: qualifying %d vs grid %d" % (did, q[did], g[did]))
        return q[did]

    def pole_of(self, r):
        a, b = self.db.pole_q(r), self.db.pole_g(r)
        need(a is not None and a == b, "pole %s: qualifying %s vs grid %s" % (r["dir"], a, b))
        return a

    def top_poles(self, pred_race, what):
        q, g = self.poles(pred_race)
        lq, nq = strict_top(q, what + " (qualifying)")
        lg, ng = strict_top(g, what + " (grid)")
        need(lq == lg, "%s: qualifying leader %s vs grid leader %s" % (what, lq, lg))
        return lq, nq, ng, q

    # drivers in a season ---------------------------------------------------------------------------------------
    def driver_season_rows(self, did, year, cid=None):
        out = []
        for r in self.db.season_races(year):
            for x in r["race-results"]:
                if x["driverId"] == did and (cid is None or x["constructorId"] == cid):
                    out.append((r, x))
        return out

    def main_team(self, did, year):
        c = Counter(x["constructorId"] for r, x in self.driver_season_rows(did, year) if self.db.started(x))
        cid, n = strict_top(c, "team of %s in %d" % (did, year))
        return cid

    def team_mate(self, did, year, cid=None):
        """The team-mate who shared >= 80 % of the driver's starts for the team; nobody else >= 50 %."""
        cid = cid or self.main_team(did, year)
        mine = [(r, x) for r, x in self.driver_season_rows(did, year, cid) if self.db.started(x)]
        need(mine, "no starts %s %d" % (did, year))
        c = Counter()
        for r, x in mine:
            for y in r["race-results"]:
                if y["constructorId"] == cid and y["driverId"] != did and self.db.started(y):
                    c[y["driverId"]] += 1
        mc = c.most_common()
        need(mc, "no team-mate")
        tm, n = mc[0]
        need(n >= 0.8 * len(mine), "team-mate %s only %d/%d" % (tm, n, len(mine)))
        need(all(k < 0.5 * len(mine) for _, k in mc[1:]), "second team-mate too frequent %s" % mc[:3])
        return cid, tm, n, len(mine), mc

    def team_engines(self, cid, year):
        e = Counter(x["engineManufacturerId"] for r in self.db.season_races(year) for x in r["race-results"]
                    if x["constructorId"] == cid)
        need(e, "no entries %s %d" % (cid, year))
        need(len(e) == 1, "%s %d engines %s" % (cid, year, dict(e)))
        for em in entrant_engines(self.db.seasons[year]["entrants"], cid):
            need(em in e, "entrants engine differs %s" % em)
        for r in self.db.season_races(year):
            for x in r.get("qualifying-results", []):
                if x["constructorId"] == cid:
                    need(x["engineManufacturerId"] in e, "qualifying engine differs %s" % x["engineManufacturerId"])
        eid, n = e.most_common(1)[0]
        return eid, n

    def team_drivers(self, cid, year):
        c = Counter(x["driverId"] for r in self.db.season_races(year) for x in r["race-results"]
                    if x["constructorId"] == cid and self.db.started(x))
        return c

    def champion(self, year, kind="driver"):
        need(year <= 2025, "season %d not complete" % year)
        st = self.db.standings(year, kind)
        p1 = [x for x in st if x["position"] == 1]
        need(len(p1) == 1, "standings P1 ambiguous %d" % year)
        return p1[0]

    def standing(self, year, key, kind="driver"):
        k = "driverId" if kind == "driver" else "constructorId"
        for x in self.db.standings(year, kind):
            if x[k] == key:
                return x
        raise Drop("no standing %s %d" % (key, year))

    def season_pts(self, year, key, kind="driver"):
        return self.standing(year, key, kind)["points"]


def entrant_engines(node, cid, inside=False):
    """Every engineManufacturerId listed in entrants.yml under a block with constructorId == cid."""
    out = set()
    if isinstance(node, list):
        for v in node:
            out |= entrant_engines(v, cid, inside)
    elif isinstance(node, dict):
        here = inside or node.get("constructorId") == cid
        if here and node.get("engineManufacturerId"):
            out.add(node["engineManufacturerId"])
        for k, v in node.items():
            if isinstance(v, (list, dict)):
                out |= entrant_engines(v, cid, here)
    return out


def fmtnum(v):
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v)


def rank_text(pairs, db_name, n=4):
    return ", ".join("%s %s" % (db_name(k), fmtnum(v)) for k, v in pairs[:n])


# ----------------------------------------------------------------------------------------------------------------
# Question candidates.  Each function returns one record (without id) or raises Drop.
# ----------------------------------------------------------------------------------------------------------------
CANDS = []


def q(group, category):
    def deco(f):
        CANDS.append((group, category, f))
        return f
    return deco


def R(question, accept, note, source, accept_all=None):
    rec = {"question": question, "accept": dedup(accept)}
    if accept_all:
        rec["accept_all"] = dedup(accept_all)
    rec["expect_unavailable"] = False
    rec["answer_note"] = note
    rec["source"] = source
    return rec


def U(question, note, source):
    return {"question": question, "accept": [], "expect_unavailable": True, "answer_note": note, "source": source}


RR = "seasons/*/races/*/race-results.yml"
QR = "seasons/*/races/*/qualifying-results.yml"
GR = "seasons/*/races/*/starting-grid-positions.yml"
RACEYML = "seasons/*/races/*/race.yml"
DRV = "drivers/*.yml"


def circuit_most_wins(c, circuit, question):
    db, st, nm = c.db, c.st, c.nm
    w = st.wins(lambda r: r["circuit"] == circuit)
    lead, n = strict_top(w, "wins at " + circuit)
    nraces = sum(1 for r in db.races if r["circuit"] == circuit)
    gps = sorted({db.gps[r["gp"]]["name"] for r in db.races if r["circuit"] == circuit})
    yrs = [r["year"] for r in db.races if r["circuit"] == circuit for x in db.at(r, "race-results", 1)
           if x["driverId"] == lead]
    note = ("%s with %d wins at %s (%s), counted by circuitId over its %d championship races (Grands Prix held "
            "there: %s). Next: %s. Sprints not counted." % (
                db.dname(lead), n, db.circuits[circuit]["fullName"], ", ".join(map(str, yrs)), nraces,
                ", ".join(gps), rank_text(w.most_common()[1:], db.dname, 3)))
    return R(question, nm.driver(lead, "all"), note, [RACEYML, RR])


@q("aggregate", "most_wins_circuit")
def a_nurburgring(c):
    return circuit_most_wins(c, "nurburgring", "Who has won the most Formula 1 races at the Nürburgring?")


@q("aggregate", "most_wins_circuit")
def a_kyalami(c):
    return circuit_most_wins(c, "kyalami", "Which driver won the most world championship races at Kyalami?")


@q("aggregate", "most_wins_circuit")
def a_paul_ricard(c):
    return circuit_most_wins(c, "paul-ricard", "Most wins ever at Paul Ricard — who holds that?")


def gp_most_wins(c, gp, question):
    db, st, nm = c.db, c.st, c.nm
    w = st.wins(lambda r: r["gp"] == gp)
    lead, n = strict_top(w, "wins at " + gp)
    held = [r for r in db.races if r["gp"] == gp]
    yrs = [r["year"] for r in held for x in db.at(r, "race-results", 1) if x["driverId"] == lead]
    note = ("%s: %d wins (%s) out of %d %s editions with results (counted by grandPrixId, Grand Prix races only, "
            "sprints not counted; %s). Next: %s." % (
        db.dname(lead), n, ", ".join(map(str, yrs)), len(held), db.gpname(gp), st.cutoff(),
        rank_text(w.most_common()[1:], db.dname, 3)))
    return R(question, nm.driver(lead, "all"), note, ["seasons/*/races/*-%s/race-results.yml" % gp])


@q("aggregate", "most_wins_gp")
def a_qatar(c):
    return gp_most_wins(c, "qatar", "Which driver has the most Qatar Grand Prix wins?")


@q("aggregate", "most_wins_gp")
def a_indy(c):
    return gp_most_wins(c, "indianapolis",
                        "The Indy 500 used to count for the F1 world championship. Who won it most often in "
                        "those years?")


def nat_top_winner(c, country, question):
    db, st, nm = c.db, c.st, c.nm
    w = st.wins()
    cc = Counter({d: n for d, n in w.items() if db.drivers[d]["nationalityCountryId"] == country})
    lead, n = strict_top(cc, "top winner " + country)
    note = ("%s with %d Grand Prix wins is the most successful %s driver (nationalityCountryId %s; sprints not "
            "counted; %s). Next: %s." % (db.dname(lead), n, db.countries[country]["demonym"], country, st.cutoff(),
                                         rank_text(cc.most_common()[1:], db.dname, 3)))
    return R(question, nm.driver(lead, "all"), note, [RR, DRV])


@q("aggregate", "top_winner_nationality")
def a_italian(c):
    return nat_top_winner(c, "italy", "Which Italian driver has won the most Grands Prix?")


@q("aggregate", "top_winner_nationality")
def a_kiwi(c):
    return nat_top_winner(c, "new-zealand", "Who is New Zealand's most successful F1 driver by race wins?")


@q("aggregate", "career_points")
def a_career_points(c):
    db, st, nm = c.db, c.st, c.nm
    pts = Counter()
    for y, s in db.seasons.items():
        for x in s["driver-standings"] or []:
            pts[x["driverId"]] += x["points"] or 0
    lead, n = strict_top(pts, "career points")
    note = ("%s: %s career points, the sum of his season totals in the drivers' standings (sprint points included, "
            "%s). Next: %s." % (db.dname(lead), fmtnum(n), st.cutoff(),
                                 rank_text(pts.most_common()[1:], db.dname, 3)))
    return R("Who has scored the most points in Formula 1 history?", nm.driver(lead, "all"), note,
             ["seasons/*/driver-standings.yml"])


@q("aggregate", "most_seasons")
def a_most_seasons(c):
    db, st, nm = c.db, c.st, c.nm
    seas = defaultdict(set)
    for r, x in db.rows():
        if db.started(x):
            seas[x["driverId"]].add(r["year"])
    cnt = Counter({d: len(v) for d, v in seas.items()})
    lead, n = strict_top(cnt, "seasons")
    ys = sorted(seas[lead])
    note = ("%s has started races in %d different seasons (%d-%d, missing %s; %s). Next: %s." % (
        db.dname(lead), n, ys[0], ys[-1], ", ".join(str(y) for y in range(ys[0], ys[-1] + 1) if y not in ys),
        st.cutoff(), rank_text(cnt.most_common()[1:], db.dname, 4)))
    return R("which driver has raced in the most different F1 seasons?", nm.driver(lead, "all"), note, [RR])


@q("aggregate", "most_non_qualifications")
def a_dnq(c):
    db, st, nm = c.db, c.st, c.nm
    both = st.count_pos(lambda x: x["position"] in ("DNQ", "DNPQ"))
    dnq = st.count_pos(lambda x: x["position"] == "DNQ")
    lead, n = strict_top(both, "DNQ+DNPQ")
    lead2, n2 = strict_top(dnq, "DNQ")
    need(lead == lead2, "leader on DNQ+DNPQ is %s (%d) but on DNQ alone %s (%d)" % (lead, n, lead2, n2))
    scope = set(both) | nm.winners()
    note = ("%s failed to make the race %d times (race-results rows DNQ or DNPQ: %d DNQ + %d DNPQ); he also leads "
            "on DNQ alone. Next: %s." % (db.dname(lead), n, dnq[lead], n - dnq[lead],
                                         rank_text(both.most_common()[1:], db.dname, 3)))
    return R("Which driver failed to qualify (DNQ / pre-qualifying included) more times than anyone else?",
             nm.driver(lead, scope), note, [RR])


@q("aggregate", "win_rate")
def a_win_rate(c):
    db, st, nm = c.db, c.st, c.nm
    w, s = st.wins(), st.starts()
    rate = {d: w[d] / s[d] for d in s if s[d] >= 20}
    top = sorted(rate.items(), key=lambda kv: -kv[1])
    need(top[0][1] > top[1][1], "win rate tie")
    lead = top[0][0]
    # the leader must stay the same if only Grands Prix he started without a shared car are counted as wins
    note = ("%s: %d wins from %d starts = %.1f%%, the best win rate of any driver with at least 20 starts (start = "
            "race-results row other than DNQ/DNPQ/DNS/DNP/EX, once per race; shared-car wins count; Indianapolis 500 "
            "included; sprints not counted). "
            "Next: %s." % (db.dname(lead), w[lead], s[lead], 100 * rate[lead],
                           ", ".join("%s %.1f%%" % (db.dname(d), 100 * v) for d, v in top[1:4])))
    return R("Whats the highest win percentage in F1 history? min 20 starts", nm.driver(lead, "all"), note, [RR])


def streak_table(db, cond, entries=False):
    """Longest run of consecutive starts satisfying cond, per driver -> (length, first race, last race).
    entries=True: consecutive race entries instead (a non-start breaks the run)."""
    per = defaultdict(list)
    for r in db.races:
        for x in r["race-results"]:
            if entries or db.started(x):
                per[x["driverId"]].append((r, x))
    best = {}
    for d, lst in per.items():
        cur, start, b = 0, None, (0, None, None)
        for r, x in lst:
            if cond(r, x):
                cur += 1
                start = r if cur == 1 else start
                if cur > b[0]:
                    b = (cur, start, r)
            else:
                cur = 0
        best[d] = b
    return best


def streak_q(c, cond, what, question):
    db, st, nm = c.db, c.st, c.nm
    best = streak_table(db, cond)
    cnt = Counter({d: v[0] for d, v in best.items()})
    lead, n = strict_top(cnt, what)
    alt = Counter({d: v[0] for d, v in streak_table(db, lambda r, x: db.started(x) and cond(r, x), True).items()})
    need(strict_top(alt, what + " (entries)") == (lead, n), "streak differs when counting entries")
    _, a, b = best[lead]
    note = ("%s: %d %s in a row, from the %s to the %s (consecutive races he started; the same when every race "
            "entry is counted). Next: %s." % (
        db.dname(lead), n, what, db.race_label(a), db.race_label(b), rank_text(cnt.most_common()[1:], db.dname, 3)))
    return R(question, nm.driver(lead, "all"), note, [RR]), lead, n


@q("aggregate", "podium_streak")
def a_podium_streak(c):
    rec, lead, n = streak_q(c, lambda r, x: x["position"] in (1, 2, 3), "Grand Prix podiums",
                            "Who holds the record for the most consecutive podium finishes?")
    rec["accept_all"] = [str(n)]
    rec["answer_note"] += " The count is required (accept_all)."
    return rec


@q("aggregate", "points_streak")
def a_points_streak(c):
    rec, lead, n = streak_q(c, lambda r, x: (x["points"] or 0) > 0, "points finishes",
                            "Longest run of consecutive races in the points — which driver?")
    return rec


@q("aggregate", "team_one_twos")
def a_one_twos(c):
    db, st, nm = c.db, c.st, c.nm
    cnt = Counter()
    for r in db.races:
        a, b = db.at(r, "race-results", 1), db.at(r, "race-results", 2)
        if len(a) == 1 and len(b) == 1 and a[0]["constructorId"] == b[0]["constructorId"]:
            cnt[a[0]["constructorId"]] += 1
    lead, n = strict_top(cnt, "1-2")
    note = ("%s: %d one-two finishes (P1 and P2 in Grand Prix race-results from the same constructor; sprints not "
            "counted; %s). Next: %s." % (
        db.cname(lead), n, st.cutoff(), rank_text(cnt.most_common()[1:], db.cname, 3)))
    return R("Which team has scored the most 1-2 finishes in Grands Prix?", nm.team(lead), note, [RR])


@q("aggregate", "team_one_twos_season")
def a_one_twos_season(c):
    db, st, nm = c.db, c.st, c.nm
    cnt = Counter()
    for r in db.races:
        a, b = db.at(r, "race-results", 1), db.at(r, "race-results", 2)
        if len(a) == 1 and len(b) == 1 and a[0]["constructorId"] == b[0]["constructorId"]:
            cnt[(a[0]["constructorId"], r["year"])] += 1
    (cid, y), n = strict_top(cnt, "1-2 season")
    nr = len(db.season_races(y))
    note = ("%s in %d: %d one-two finishes in %d Grands Prix (sprints not counted), the most by any team in one "
            "season. Next: %s." % (
        db.cname(cid), y, n, nr, ", ".join("%s %d %d" % (db.cname(k[0]), k[1], v) for k, v in cnt.most_common()[1:4])))
    return R("Most one-two finishes by a single team in one season: which team, which year, how many?",
             nm.team(cid), note, [RR], accept_all=[str(y), str(n)])


@q("aggregate", "tyre_wins")
def a_tyres(c):
    db, st, nm = c.db, c.st, c.nm
    cnt = Counter()
    for r in db.races:
        for t in {x["tyreManufacturerId"] for x in db.at(r, "race-results", 1)}:
            cnt[t] += 1
    lead, n = strict_top(cnt, "tyre wins")
    name = db.tyres[lead]["name"]
    note = ("%s: %d Grand Prix wins on its tyres (tyreManufacturerId of the winner, one per race, sprints not "
            "counted; %s). Next: %s." % (
        name, n, st.cutoff(), ", ".join("%s %d" % (db.tyres[k]["name"], v) for k, v in cnt.most_common()[1:4])))
    return R("Which tyre manufacturer has won the most F1 races?", [name, fold(name)], note, [RR])


def engine_decade(c, dec, question):
    db, st, nm = c.db, c.st, c.nm
    cnt = Counter()
    for r in db.races:
        if dec <= r["year"] <= dec + 9:
            for e in {x["engineManufacturerId"] for x in db.at(r, "race-results", 1)}:
                cnt[e] += 1
    lead, n = strict_top(cnt, "engine %d" % dec)
    note = ("%s engines won %d of the %d Grands Prix of %d-%d (engineManufacturerId of the winner, one per race). "
            "Next: %s." % (db.ename(lead), n, sum(1 for r in db.races if dec <= r["year"] <= dec + 9), dec, dec + 9,
                           rank_text(cnt.most_common()[1:], db.ename, 3)))
    return R(question, nm.engine(lead), note, ["seasons/%s*/races/*/race-results.yml" % str(dec)[:3]])


@q("aggregate", "engine_wins_decade")
def a_engine_80s(c):
    return engine_decade(c, 1980, "Which engine manufacturer won the most races in the 1980s?")


def age_record(c, kind, cond, oldest, question, what):
    db, st, nm = c.db, c.st, c.nm
    best = {}
    for r in db.races:
        for x in r.get(kind, []):
            if cond(x):
                d = x["driverId"]
                a = db.age_days(d, r["date"])
                if d not in best or (a > best[d][0] if oldest else a < best[d][0]):
                    best[d] = (a, r)
    pairs = [(d, -v[0] if oldest else v[0]) for d, v in best.items()]
    lead, _ = strict_bottom(pairs, what)
    a, r = best[lead]
    y, dd = db.age(lead, r["date"])
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0] if oldest else kv[1][0]))
    others = "; ".join("%s %d y %d d (%s)" % ((db.dname(d),) + db.age(d, v[1]["date"]) + (db.race_label(v[1]),))
                       for d, v in ranked[1:3])
    note = ("%s, aged %d years %d days at the %s (%s) — the %s (age from drivers/*.yml dateOfBirth on the race date; "
            "%s). Next: %s." % (db.dname(lead), y, dd, db.race_label(r), r["date"].isoformat(), what, st.cutoff(),
                                others))
    return R(question, nm.driver(lead, set(best) | nm.winners()), note, [r["dir"] + "/" + kind + ".yml", DRV])


@q("aggregate", "oldest_points_scorer")
def a_oldest_points(c):
    return age_record(c, "race-results", lambda x: (x["points"] or 0) > 0, True,
                      "Who is the oldest driver ever to score world championship points?",
                      "oldest driver to score points")


@q("aggregate", "youngest_fastest_lap")
def a_youngest_fl(c):
    return age_record(c, "fastest-laps", lambda x: x["position"] == 1, False,
                      "Who is the youngest driver to set a fastest lap in a Grand Prix?",
                      "youngest driver with a race fastest lap (fastest-laps.yml P1)")




@q("aggregate", "distinct_team_winners")
def a_redbull_winners(c):
    db, st, nm = c.db, c.st, c.nm
    ws = defaultdict(int)
    for r in db.races:
        for x in db.at(r, "race-results", 1):
            if x["constructorId"] == "red-bull":
                ws[x["driverId"]] += 1
    lst = sorted(ws.items(), key=lambda kv: -kv[1])
    note = ("%d different drivers have won a Grand Prix for Red Bull (constructorId red-bull; sprints not "
            "counted): %s (%s)." % (
        len(lst), ", ".join("%s %d" % (db.dname(d), n) for d, n in lst), st.cutoff()))
    return R("How many different drivers have won a race for Red Bull?", [str(len(lst))], note, [RR])


@q("aggregate", "distinct_circuits_country")
def a_us_circuits(c):
    db, st, nm = c.db, c.st, c.nm
    cs = {}
    for r in db.races:
        if db.circuits[r["circuit"]]["countryId"] == "united-states-of-america":
            cs.setdefault(r["circuit"], r["year"])
    names = ["%s (first %d)" % (db.circuits[k]["name"], v) for k, v in sorted(cs.items(), key=lambda kv: kv[1])]
    note = ("%d different circuits in the United States have held a world championship race with results "
            "(circuitId with countryId united-states-of-america, Indianapolis 500 included): %s (%s)." % (
                len(cs), ", ".join(names), st.cutoff()))
    return R("how many different american tracks have hosted a championship f1 race?", [str(len(cs))], note,
             [RACEYML, "circuits/*.yml"])


@q("aggregate", "most_sprint_podiums")
def a_sprint_podiums(c):
    db, st, nm = c.db, c.st, c.nm
    cnt = st.count_pos(lambda x: x["position"] in (1, 2, 3), kind="sprint-race-results")
    lead, n = strict_top(cnt, "sprint podiums")
    ns = sum(1 for r in db.races if r.get("sprint-race-results"))
    note = ("%s: %d sprint podiums (P1-P3 of sprint-race-results.yml) from the %d sprints held (%s). Next: %s." % (
        db.dname(lead), n, ns, st.cutoff(), rank_text(cnt.most_common()[1:], db.dname, 3)))
    return R("Who has the most podiums in sprint races?", nm.driver(lead, "all"), note,
             ["seasons/*/races/*/sprint-race-results.yml"])


def decade_top(c, dec, kind, question):
    db, st, nm = c.db, c.st, c.nm
    pr = lambda r: dec <= r["year"] <= dec + 9
    if kind == "wins":
        cnt = st.wins(pr)
    elif kind == "podiums":
        cnt = st.podiums(pr)
    else:
        raise ValueError(kind)
    lead, n = strict_top(cnt, "%s %d" % (kind, dec))
    note = ("%s: %d Grand Prix %s in %d-%d (sprints not counted). Next: %s." % (
        db.dname(lead), n, kind, dec, dec + 9, rank_text(cnt.most_common()[1:], db.dname, 3)))
    return R(question, nm.driver(lead, "all"), note, ["seasons/%s*/races/*/race-results.yml" % str(dec)[:3]])


@q("aggregate", "decade_podiums")
def a_1960s_podiums(c):
    return decade_top(c, 1960, "podiums", "Which driver had the most podium finishes in the 1960s?")


@q("aggregate", "decade_poles")
def a_1950s_poles(c):
    db, st, nm = c.db, c.st, c.nm
    lead, nq, ng, qc = st.top_poles(lambda r: 1950 <= r["year"] <= 1959, "poles 1950s")
    need(nq == ng, "1950s pole count differs")
    note = ("%s: %d pole positions in 1950-1959 (qualifying P1; starting-grid P1 gives the same %d). Next: %s." % (
        db.dname(lead), nq, ng, rank_text(qc.most_common()[1:], db.dname, 3)))
    return R("who took the most poles in the 1950s", nm.driver(lead, "all"), note, [QR, GR])


@q("aggregate", "most_wins_one_team")
def a_wins_one_team(c):
    db, st, nm = c.db, c.st, c.nm
    cnt = Counter()
    for r, x in db.rows():
        if x["position"] == 1:
            cnt[(x["driverId"], x["constructorId"])] += 1
    (d, cid), n = strict_top(cnt, "driver-team wins")
    note = ("%s with %s: %d Grand Prix wins, the most by one driver for one team (sprints not counted; %s). "
            "Next: %s." % (
        db.dname(d), db.cname(cid), n, st.cutoff(),
        ", ".join("%s/%s %d" % (db.dname(k[0]), db.cname(k[1]), v) for k, v in cnt.most_common()[1:4])))
    return R("What's the most race wins a driver has taken with a single team, and who did it with which team?",
             nm.driver(d, "all"), note, [RR], accept_all=[str(n)] + [nm.team(cid)[0]])


@q("aggregate", "most_points_no_win")
def a_points_no_win(c):
    db, st, nm = c.db, c.st, c.nm
    cand = Counter()
    for y in range(1950, 2026):
        w = st.wins(lambda r, y=y: r["year"] == y)
        for x in db.standings(y):
            if w[x["driverId"]] == 0:
                cand[(x["driverId"], y)] = x["points"]
    (d, y), p = strict_top(cand, "points without a win")
    note = ("%s in %d: %s points without winning a Grand Prix (P%d in the standings; sprint wins would not count "
            "as wins), the most points in a completed season (1950-2025) by a driver with no win that year. "
            "Next: %s." % (
                db.dname(d), y, fmtnum(p), st.standing(y, d)["position"],
                ", ".join("%s %d %s" % (db.dname(k[0]), k[1], fmtnum(v)) for k, v in cand.most_common()[1:4])))
    return R("Most points anyone has scored in a season without winning a single race?",
             nm.driver(d, db.season_field(y)), note, ["seasons/*/driver-standings.yml", RR],
             accept_all=[fmtnum(p)])


# ---------------------------------------------------------------------------------------------------- relational
def teammate_q(c, did, year, question):
    db, st, nm = c.db, c.st, c.nm
    cid, tm, n, tot, mc = st.team_mate(did, year)
    others = ", ".join("%s %d" % (db.dname(k), v) for k, v in mc[1:]) or "nobody else"
    note = ("%s's team-mate at %s in %d was %s, who started %d of the %d races %s started for the team (others: "
            "%s)." % (db.dname(did), db.cname(cid), year, db.dname(tm), n, tot, nm.surname(did), others))
    return R(question, nm.driver(tm, db.season_field(year)), note, ["seasons/%d/races/*/race-results.yml" % year])


@q("relational", "team_mate")
def r_tm_hamilton_2007(c):
    db = c.db
    need(min(r["year"] for r, x in db.rows() if x["driverId"] == "lewis-hamilton" and db.started(x)) == 2007,
         "rookie season")
    return teammate_q(c, "lewis-hamilton", 2007, "Who was Lewis Hamilton's team-mate in his rookie season?")


@q("relational", "team_mate")
def r_tm_leclerc_2018(c):
    need(c.st.main_team("charles-leclerc", 2018) == "sauber", "Leclerc 2018 team")
    return teammate_q(c, "charles-leclerc", 2018, "Who partnered Charles Leclerc at Sauber in 2018?")


@q("relational", "team_mate")
def r_tm_lauda_1977(c):
    need(c.st.main_team("niki-lauda", 1977) == "ferrari", "Lauda 1977 team")
    return teammate_q(c, "niki-lauda", 1977, "Niki Lauda's Ferrari team-mate in 1977?")


@q("relational", "team_mate")
def r_tm_stewart_1969(c):
    need(c.st.main_team("jackie-stewart", 1969) == "matra", "Stewart 1969 team")
    return teammate_q(c, "jackie-stewart", 1969, "Who was Jackie Stewart's team-mate at Matra in 1969?")


@q("relational", "team_mate")
def r_tm_gilles_1981(c):
    need(c.st.main_team("gilles-villeneuve", 1981) == "ferrari", "Villeneuve 1981 team")
    return teammate_q(c, "gilles-villeneuve", 1981, "In 1981, who shared the Ferrari garage with Gilles Villeneuve?")


@q("relational", "team_mate")
def r_tm_ghill_1962(c):
    need(c.st.champion(1962)["driverId"] == "graham-hill" and c.st.main_team("graham-hill", 1962) == "brm",
         "1962 premise")
    return teammate_q(c, "graham-hill", 1962, "Graham Hill won the 1962 title with BRM. Who was his team-mate?")


def engine_q(c, cid, year, question):
    db, st, nm = c.db, c.st, c.nm
    eid, n = st.team_engines(cid, year)
    note = ("%s used %s engines throughout %d: all %d of its race entries (race-results engineManufacturerId; "
            "entrants.yml and qualifying agree)." % (db.cname(cid), db.ename(eid), year, n))
    return R(question, nm.engine(eid), note, ["seasons/%d/entrants.yml" % year,
                                              "seasons/%d/races/*/race-results.yml" % year])


@q("relational", "engine")
def r_eng_ligier_1981(c):
    return engine_q(c, "ligier", 1981, "What engine did Ligier run in 1981?")


@q("relational", "engine")
def r_eng_lotus_1987(c):
    return engine_q(c, "lotus", 1987, "Who supplied Lotus's engines in 1987?")


@q("relational", "engine")
def r_eng_benetton_1986(c):
    need(min(r["year"] for r, x in c.db.rows() if x["constructorId"] == "benetton") == 1986, "Benetton first year")
    return engine_q(c, "benetton", 1986, "Benetton's first season as a constructor was 1986. Whose engines did they use?")


@q("relational", "engine")
def r_eng_minardi_1991(c):
    return engine_q(c, "minardi", 1991, "Which manufacturer's engine was in the back of the Minardi in 1991?")


@q("relational", "line_up")
def r_lineup_stewart_1999(c):
    db, st, nm = c.db, c.st, c.nm
    drv = st.team_drivers("stewart", 1999)
    need(len(drv) == 2, "Stewart 1999 drivers %s" % drv)
    names = sorted(drv, key=lambda d: -drv[d])
    f = db.season_field(1999)
    note = ("Stewart (constructorId stewart) started races in 1999 with exactly two drivers: %s." % (
        ", ".join("%s (%d starts)" % (db.dname(d), drv[d]) for d in names)))
    return R("Who drove for Stewart Grand Prix in 1999?", nm.driver(names[0], f) + nm.driver(names[1], f), note,
             ["seasons/1999/races/*/race-results.yml"], accept_all=[nm.surname(d) for d in names])


def position_q(c, year, gp, pos, question, with_gap=False):
    db, st, nm = c.db, c.st, c.nm
    r = db.race_by(year, gp)
    x = db.one_at(r, "race-results", pos)
    w = db.one_at(r, "race-results", 1)
    gap = x.get("gap")
    note = ("%s (%s): P%d %s (%s)%s; the winner was %s." % (
        db.race_label(r), r["date"].isoformat(), pos, db.dname(x["driverId"]), db.cname(x["constructorId"]),
        (", %s%s behind" % (gap.lstrip("+"), " s" if re.fullmatch(r"\+?[\d.]+", gap) else "")) if gap else "",
        db.dname(w["driverId"])))
    return R(question, nm.driver(x["driverId"], db.race_field(r)), note, [r["dir"] + "/race-results.yml"]), r, x


@q("relational", "runner_up_race")
def r_p2_austria_1982(c):
    return position_q(c, 1982, "austria", 2, "Who finished second at the 1982 Austrian Grand Prix?")[0]


@q("relational", "runner_up_race")
def r_p2_italy_1969(c):
    need(c.db.winners(c.db.race_by(1969, "italy")) == ["jackie-stewart"], "1969 Monza winner")
    need(c.db.race_by(1969, "italy")["circuit"] == "monza", "1969 Italian GP venue")
    return position_q(c, 1969, "italy", 2, "Who was runner-up to Jackie Stewart at Monza in 1969?")[0]


@q("relational", "right_behind")
def r_behind_hamilton_brazil_2007(c):
    db, st, nm = c.db, c.st, c.nm
    r = db.race_by(2007, "brazil")
    need(r is db.season_races(2007)[-1], "not the finale")
    h = [x for x in r["race-results"] if x["driverId"] == "lewis-hamilton"]
    need(len(h) == 1 and isinstance(h[0]["position"], int), "Hamilton row")
    p = h[0]["position"]
    x = db.one_at(r, "race-results", p + 1)
    note = ("%s: Lewis Hamilton finished P%d; right behind him in P%d was %s (%s)." % (
        db.race_label(r), p, p + 1, db.dname(x["driverId"]), db.cname(x["constructorId"])))
    return R("At the 2007 season finale in Brazil, who crossed the line right behind Lewis Hamilton?",
             nm.driver(x["driverId"], db.race_field(r)), note, [r["dir"] + "/race-results.yml"])


def standings_pos_q(c, year, pos, question, kind="driver"):
    db, st, nm = c.db, c.st, c.nm
    need(year <= 2025, "incomplete season")
    sts = db.standings(year, kind)
    x = [s for s in sts if s["position"] == pos]
    need(len(x) == 1, "standings pos ambiguous")
    x = x[0]
    p1 = [s for s in sts if s["position"] == pos - 1][0]
    need(x["points"] != p1["points"], "tied on points with the place above")
    if kind == "driver":
        note = ("%d drivers' championship: P%d %s with %s points, behind %s (%s)." % (
            year, pos, db.dname(x["driverId"]), fmtnum(x["points"]), db.dname(p1["driverId"]), fmtnum(p1["points"])))
        acc = nm.driver(x["driverId"], db.season_field(year))
    else:
        note = ("%d constructors' championship: P%d %s with %s points, behind %s (%s)." % (
            year, pos, db.cname(x["constructorId"]), fmtnum(x["points"]), db.cname(p1["constructorId"]),
            fmtnum(p1["points"])))
        acc = nm.team(x["constructorId"])
    return R(question, acc, note, ["seasons/%d/%s-standings.yml" % (year, kind)])


@q("relational", "championship_runner_up")
def r_ru_1958(c):
    need(c.st.champion(1958)["driverId"] == "mike-hawthorn", "1958 champion")
    return standings_pos_q(c, 1958, 2, "Mike Hawthorn won the 1958 title — who was second?")


@q("relational", "driver_of_the_day")
def r_dotd_japan_2026(c):
    db, st, nm = c.db, c.st, c.nm
    r = db.race_by(2026, "japan")
    x = db.one_at(r, "driver-of-the-day-results", 1)
    fin = [y for y in r["race-results"] if y["driverId"] == x["driverId"]][0]
    note = ("%s: Driver of the Day was %s (%s%% of the vote; finished %s)." % (
        db.race_label(r), db.dname(x["driverId"]), fmtnum(x["percentage"]), "P%s" % fin["position"]))
    return R("Who was voted Driver of the Day at Suzuka this season?", nm.driver(x["driverId"], db.race_field(r)),
             note, [r["dir"] + "/driver-of-the-day-results.yml"])


@q("relational", "fastest_lap")
def r_fl_monaco_2026(c):
    db, st, nm = c.db, c.st, c.nm
    r = db.race_by(2026, "monaco")
    x = db.one_at(r, "fastest-laps", 1)
    note = ("%s: fastest lap %s by %s on lap %s." % (db.race_label(r), x["time"], db.dname(x["driverId"]), x["lap"]))
    return R("Who set the fastest lap at the 2026 Monaco Grand Prix?", nm.driver(x["driverId"], db.race_field(r)),
             note, [r["dir"] + "/fastest-laps.yml"])


@q("relational", "replacement")
def r_repl_renault_2009(c):
    db, st, nm = c.db, c.st, c.nm
    rows = [(r, x) for r in db.season_races(2009) for x in r["race-results"]
            if x["constructorId"] == "renault" and db.started(x)]
    pj = [r for r, x in rows if x["driverId"] == "nelson-piquet-jr"]
    last = pj[-1]
    nxt = [r for r in db.season_races(2009) if r["round"] > last["round"]][0]
    before = {x["driverId"] for r, x in rows if r is last}
    after = {x["driverId"] for r, x in rows if r is nxt}
    new = after - before
    need(len(new) == 1 and "nelson-piquet-jr" not in after, "replacement unclear %s" % new)
    nd = new.pop()
    rest = [r for r, x in rows if x["driverId"] == nd]
    note = ("Nelson Piquet Jr. last raced for Renault at the %s (round %d); from the %s (round %d) his seat went to "
            "%s, who raced the remaining %d rounds alongside %s." % (
                db.race_label(last), last["round"], db.race_label(nxt), nxt["round"], db.dname(nd), len(rest),
                db.dname((before & after).pop())))
    return R("Who replaced Nelson Piquet Jr. at Renault during the 2009 season?", nm.driver(nd, db.season_field(2009)),
             note, ["seasons/2009/races/*/race-results.yml"])


@q("relational", "pole")
def r_pole_netherlands_1967(c):
    db, st, nm = c.db, c.st, c.nm
    r = db.race_by(1967, "netherlands")
    p = st.pole_of(r)
    w = db.winners(r)
    note = ("%s: pole position %s (qualifying P1 and starting-grid P1 agree); the race was won by %s." % (
        db.race_label(r), db.dname(p), ", ".join(db.dname(d) for d in w)))
    return R("Who was on pole at Zandvoort in 1967?", nm.driver(p, db.race_field(r)), note,
             [r["dir"] + "/qualifying-results.yml", r["dir"] + "/starting-grid-positions.yml"])


@q("relational", "constructors_position")
def r_wcc_p2_1991(c):
    return standings_pos_q(c, 1991, 2, "Which team finished second in the 1991 constructors' championship?",
                           kind="constructor")


# ---------------------------------------------------------------------------------------------------- colloquial
ZERO = ["0", "zero", "none", "no wins", "hasn't won", "has not won", "not won", "yet to win", "winless",
        "no races", "no grand prix", "without a win"]


def title_years(c, did):
    return [y for y in range(1950, 2026) if c.st.champion(y)["driverId"] == did]


@q("colloquial", "nickname_title_year")
def c_schumi_first_title(c):
    db, st, nm = c.db, c.st, c.nm
    ys = title_years(c, "michael-schumacher")
    t = st.main_team("michael-schumacher", ys[0])
    note = ("Michael Schumacher's first drivers' title was %d (with %s); his titles: %s." % (
        ys[0], db.cname(t), ", ".join(map(str, ys))))
    return R("wat year did schumi win his 1st wdc", [str(ys[0])], note, ["seasons/*/driver-standings.yml"])


@q("colloquial", "typo_title_year")
def c_kimi_title(c):
    db, st, nm = c.db, c.st, c.nm
    ys = title_years(c, "kimi-raikkonen")
    need(len(ys) == 1, "Räikkönen titles %s" % ys)
    p2 = [x for x in db.standings(ys[0]) if x["position"] == 2]
    note = ("Kimi Räikkönen was world champion once, in %d (with %s), %s points to %s for %s." % (
        ys[0], db.cname(st.main_team("kimi-raikkonen", ys[0])), fmtnum(st.champion(ys[0])["points"]),
        ", ".join(fmtnum(x["points"]) for x in p2), " and ".join(db.dname(x["driverId"]) for x in p2)))
    return R("which year was kimi raikonen world champ?", [str(ys[0])], note,
             ["seasons/%d/driver-standings.yml" % ys[0]])


def team_count_q(c, did, cid, question, what="wins", season=None):
    db, st, nm = c.db, c.st, c.nm
    pos = (1,) if what == "wins" else (1, 2, 3)
    lst = sorted({(r["year"], r["round"], db.race_label(r)) for r in db.races for x in r["race-results"]
                  if x["driverId"] == did and x["constructorId"] == cid and x["position"] in pos
                  and (season is None or r["year"] == season)})
    n = len(lst)
    yrs = Counter(y for y, _, _ in lst)
    note = ("%s: %d Grand Prix %s with %s (%s; sprints not counted; %s)." % (
        db.dname(did), n, what, db.cname(cid), ", ".join("%d: %d" % kv for kv in sorted(yrs.items())) or "none",
        st.cutoff()))
    return R(question, [str(n)], note, [RR]), lst


@q("colloquial", "nickname_team_wins")
def c_seb_ferrari_wins(c):
    return team_count_q(c, "sebastian-vettel", "ferrari", "how many races did seb win for ferrari")[0]


@q("colloquial", "relative_time_zero")
def c_max_wins_2026(c):
    db, st, nm = c.db, c.st, c.nm
    w = st.wins(lambda r: r["year"] == 2026)
    n = w["max-verstappen"]
    need(n == 0, "Verstappen has 2026 wins")
    best = min((x["position"] for r in db.season_races(2026) for x in r["race-results"]
                if x["driverId"] == "max-verstappen" and isinstance(x["position"], int)))
    note = ("Max Verstappen has won 0 Grands Prix in 2026 so far (%d rounds run; best finish P%d; sprints not "
            "counted). The 2026 Grand Prix winners: "
            "%s (%s)." % (len(db.season_races(2026)), best, rank_text(w.most_common(), db.dname, 9), st.cutoff()))
    return R("how many gps has max won this season?", ZERO, note, ["seasons/2026/races/*/race-results.yml"])


@q("colloquial", "typo_team_podiums")
def c_hamilton_ferrari_podiums(c):
    rec, lst = team_count_q(c, "lewis-hamilton", "ferrari", "hamiltn podiums for ferrari so far??", what="podiums")
    return rec


@q("colloquial", "typo_team_podiums")
def c_alonso_aston_podiums(c):
    rec, lst = team_count_q(c, "fernando-alonso", "aston-martin", "alonzo podiums w aston martin, how many?",
                            what="podiums")
    return rec


def pts_q(c, did, year, question):
    db, st, nm = c.db, c.st, c.nm
    x = st.standing(year, did)
    note = ("%s scored %s points in %d, P%d in the drivers' standings%s." % (
        db.dname(did), fmtnum(x["points"]), year, x["position"],
        " (after round 11, sprints included)" if year == 2026 else ""))
    acc = [fmtnum(x["points"])]
    if x["points"] == 0:
        acc += ["zero", "no points", "didn't score", "did not score", "failed to score", "scoreless",
                "without scoring", "without a point"]
    return R(question, acc, note, ["seasons/%d/driver-standings.yml" % year])


@q("colloquial", "nickname_relative_points")
def c_hulk_2025(c):
    return pts_q(c, "nico-hulkenberg", 2025, "hulk's points tally last season?")


@q("colloquial", "nickname_points")
def c_checo_2024(c):
    return pts_q(c, "sergio-perez", 2024, "how many points did checo get in 2024 lol")


@q("colloquial", "rookie_points")
def c_mick_2021(c):
    db = c.db
    first = min(r["year"] for r in db.races for x in r["race-results"]
                if x["driverId"] == "mick-schumacher" and db.started(x))
    return pts_q(c, "mick-schumacher", first, "how many pts did mick schumacher score in his rookie yr")


@q("colloquial", "relative_pole")
def c_baku_pole_2025(c):
    db, st, nm = c.db, c.st, c.nm
    r = db.race_by(2025, "azerbaijan")
    p = st.pole_of(r)
    note = ("%s (%s): pole position %s (qualifying P1 = starting-grid P1); race won by %s." % (
        db.race_label(r), r["date"].isoformat(), db.dname(p), db.dname(db.winners(r)[0])))
    return R("who was p1 in quali in baku last year", nm.driver(p, db.race_field(r)), note,
             [r["dir"] + "/qualifying-results.yml", r["dir"] + "/starting-grid-positions.yml"])


@q("colloquial", "last_race_position")
def c_p5_last_race(c):
    db, st, nm = c.db, c.st, c.nm
    r = st.last
    x = db.one_at(r, "race-results", 5)
    note = ("The last race with results is the %s (%s). P5: %s (%s)." % (
        db.race_label(r), r["date"].isoformat(), db.dname(x["driverId"]), db.cname(x["constructorId"])))
    return R("who came 5th in the last race", nm.driver(x["driverId"], db.race_field(r)), note,
             [r["dir"] + "/race-results.yml"])


@q("colloquial", "last_race_qualifying")
def c_lewis_quali_last(c):
    db, st, nm = c.db, c.st, c.nm
    r = st.last
    qx = [x for x in r["qualifying-results"] if x["driverId"] == "lewis-hamilton"]
    gx = [x for x in r["starting-grid-positions"] if x["driverId"] == "lewis-hamilton"]
    need(len(qx) == 1 and isinstance(qx[0]["position"], int), "quali row")
    p = qx[0]["position"]
    words = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth"}
    suf = {1: "st", 2: "nd", 3: "rd"}.get(p, "th")
    note = ("%s: Lewis Hamilton qualified P%d (qualifying-results); he started from grid P%s." % (
        db.race_label(r), p, gx[0]["position"] if gx else "?"))
    acc = ["P%d" % p, "%d%s" % (p, suf)] + ([words[p]] if p in words else [])
    return R("lewis quali position at the last gp?", acc, note,
             [r["dir"] + "/qualifying-results.yml", r["dir"] + "/starting-grid-positions.yml"])


@q("colloquial", "relative_dnfs")
def c_stroll_dnfs_2026(c):
    db, st, nm = c.db, c.st, c.nm
    rows = [(r, x) for r in db.season_races(2026) for x in r["race-results"] if x["driverId"] == "lance-stroll"]
    dnf = [r for r, x in rows if x["position"] == "DNF"]
    other = Counter(str(x["position"]) for r, x in rows if not isinstance(x["position"], int) and x["position"] != "DNF")
    note = ("Lance Stroll has %d DNFs in 2026 (race-results position DNF: %s) from %d race entries; other "
            "non-classifications: %s (%s)." % (
                len(dnf), ", ".join(db.gps[r["gp"]]["name"] for r in dnf), len(rows),
                ", ".join("%s %d" % kv for kv in sorted(other.items())) or "none", st.cutoff()))
    return R("how many dnfs has stroll had this year", [str(len(dnf))], note,
             ["seasons/2026/races/*/race-results.yml"])


@q("colloquial", "typo_first_pole")
def c_max_first_pole(c):
    db, st, nm = c.db, c.st, c.nm
    q_ = [r for r in db.races if db.pole_q(r) == "max-verstappen"]
    g_ = [r for r in db.races if db.pole_g(r) == "max-verstappen"]
    need(q_[0] is g_[0], "first pole differs")
    r = q_[0]
    note = ("Max Verstappen's first pole position was at the %s (%s), qualifying P1 and grid P1; he finished P%s." % (
        db.race_label(r), r["date"].isoformat(),
        [x["position"] for x in r["race-results"] if x["driverId"] == "max-verstappen"][0]))
    return R("verstappens frist ever pole, which race was it?", venue_accept(db, r), note,
             [QR, GR], accept_all=[str(r["year"])])


@q("colloquial", "nickname_poles")
def c_peterson_poles(c):
    db, st, nm = c.db, c.st, c.nm
    n = st.pole_count("ronnie-peterson")
    note = ("Ronnie Peterson took %d pole positions (Grand Prix qualifying P1; starting-grid P1 gives the same "
            "number)." % n)
    return R("super swede peterson - how many poles did he get in his career", [str(n)], note, [QR, GR])


@q("colloquial", "typo_race_winner")
def c_hungary_2021(c):
    db, st, nm = c.db, c.st, c.nm
    r = db.race_by(2021, "hungary")
    w = db.one_at(r, "race-results", 1)
    note = ("%s (%s): won by %s (%s), from grid P%s." % (
        db.race_label(r), r["date"].isoformat(), db.dname(w["driverId"]), db.cname(w["constructorId"]),
        w["gridPosition"]))
    return R("who won in hungry 2021? i missed it", nm.driver(w["driverId"], db.race_field(r)), note,
             [r["dir"] + "/race-results.yml"])


@q("colloquial", "short_year_p2")
def c_monaco_2023_p2(c):
    return position_q(c, 2023, "monaco", 2, "monaco 2k23 who came 2nd")[0]


@q("colloquial", "nickname_team_wins")
def c_iceman_mclaren(c):
    return team_count_q(c, "kimi-raikkonen", "mclaren", "how many wins did the iceman get with mclaren")[0]


@q("colloquial", "relative_years_ago")
def c_british_20_years_ago(c):
    db, st, nm = c.db, c.st, c.nm
    y = TODAY.year - 20
    r = db.race_by(y, "great-britain")
    w = db.one_at(r, "race-results", 1)
    note = ("20 years before 2026 = %d. %s (%s): won by %s (%s)." % (
        y, db.race_label(r), r["date"].isoformat(), db.dname(w["driverId"]), db.cname(w["constructorId"])))
    return R("who won the british gp 20 yrs ago", nm.driver(w["driverId"], db.race_field(r)), note,
             [r["dir"] + "/race-results.yml"])


@q("colloquial", "calendar_next_round")
def c_after_hungary(c):
    db, st, nm = c.db, c.st, c.nm
    last = st.last
    nxt = [r for r in db.seasons[2026]["races"] if r["round"] == last["round"] + 1]
    need(len(nxt) == 1, "no next round")
    r = nxt[0]
    gp = db.gps[r["gp"]]
    ci = db.circuits[r["circuit"]]
    note = ("On the 2026 calendar the round after the Hungarian GP (round %d) is round %d, the %s at %s (%s), dated "
            "%s; it has no race result in the data." % (last["round"], r["round"], gp["fullName"], ci["name"],
                                                        ci["placeName"], r["date"].isoformat()))
    return R("whats the race after hungary on this years calendar?",
             [gp["fullName"], gp["shortName"], ci["name"], "Dutch", "Netherlands"], note, [r["dir"] + "/race.yml"])


@q("colloquial", "calendar_count")
def c_calendar_count(c):
    db, st, nm = c.db, c.st, c.nm
    rs = db.seasons[2026]["races"]
    ran = [r for r in rs if r.get("race-results")]
    note = ("The 2026 calendar in the data has %d rounds (%s to %s); %d have results so far (%s)." % (
        len(rs), db.race_label(rs[0]), db.race_label(rs[-1]), len(ran), st.cutoff()))
    return R("how many races r on the calendar this season", [str(len(rs))], note, ["seasons/2026/races/*/race.yml"])


@q("colloquial", "last_time_team_won_gp")
def c_ferrari_monza_last(c):
    db, st, nm = c.db, c.st, c.nm
    lst = [(r, x) for r in db.races if r["circuit"] == "monza" for x in db.at(r, "race-results", 1)
           if x["constructorId"] == "ferrari"]
    r, x = lst[-1]
    prev = lst[-2]
    note = ("Ferrari's most recent win at Monza (circuitId monza) is the %s, won by %s (before that: %d, %s; %s)." % (
        db.race_label(r), db.dname(x["driverId"]), prev[0]["year"], db.dname(prev[1]["driverId"]), st.cutoff()))
    return R("when was the last time a ferrari won at monza??", [str(r["year"])], note,
             [RACEYML, RR])


# ------------------------------------------------------------------------------------------------ career_history
def venue_accept(db, r):
    """Grand Prix names, circuit name (+ previous names) and place name, minus names of other GPs that year."""
    gp = db.gps[r["gp"]]
    ci = db.circuits[r["circuit"]]
    acc = [gp["fullName"], gp["shortName"], gp["name"], ci["name"], ci["fullName"], ci.get("placeName") or ""]
    for pn in ci.get("previousNames") or []:
        acc.append(pn)
    other = {norm(db.gps[o["gp"]]["name"]) for o in db.seasons[r["year"]]["races"] if o["gp"] != r["gp"]}
    acc = [a for a in acc if a and norm(a) not in other]
    return dedup(acc + [fold(a) for a in acc])


def driver_race_list(db, did, cond):
    return [(r, x) for r in db.races for x in r["race-results"] if x["driverId"] == did and cond(x)]


def first_last_q(c, did, which, what, question):
    db, st, nm = c.db, c.st, c.nm
    cond = {"win": lambda x: x["position"] == 1, "podium": lambda x: x["position"] in (1, 2, 3),
            "start": lambda x: db.started(x)}[what]
    lst = driver_race_list(db, did, cond)
    need(lst, "no %s" % what)
    r, x = lst[0] if which == "first" else lst[-1]
    extra = ""
    if what == "podium":
        extra = " (P%d)" % x["position"]
    if what == "start":
        extra = ", finishing %s" % ("P%s" % x["position"] if isinstance(x["position"], int) else x["position"])
    label = {"win": "Grand Prix win", "podium": "Grand Prix podium", "start": "race start"}[what]
    if what in ("win", "podium"):
        extra += " (sprints not counted)"
    note = ("%s's %s %s was the %s (%s)%s, with %s. %s: %d in total (%s)." % (
        db.dname(did), which, label, db.race_label(r), r["date"].isoformat(), extra, db.cname(x["constructorId"]),
        label[0].upper() + label[1:] + "s", len(lst), st.cutoff()))
    return R(question, venue_accept(db, r), note, [r["dir"] + "/race-results.yml"], accept_all=[str(r["year"])])


@q("career_history", "first_win")
def h_rosberg_first_win(c):
    return first_last_q(c, "nico-rosberg", "first", "win", "Where and when did Nico Rosberg win his first Grand Prix?")


@q("career_history", "first_win")
def h_massa_first_win(c):
    return first_last_q(c, "felipe-massa", "first", "win", "Felipe Massa's maiden F1 victory — which race, which year?")


@q("career_history", "first_win")
def h_dhill_first_win(c):
    return first_last_q(c, "damon-hill", "first", "win", "Which Grand Prix gave Damon Hill his first win, and in what year?")


@q("career_history", "last_win")
def h_webber_last_win(c):
    return first_last_q(c, "mark-webber", "last", "win", "What was Mark Webber's last Grand Prix win?")


@q("career_history", "last_win")
def h_senna_last_win(c):
    return first_last_q(c, "ayrton-senna", "last", "win", "Which race was Ayrton Senna's final victory?")


def team_first_last_win(c, cid, which, question):
    db, st, nm = c.db, c.st, c.nm
    lst = [(r, x) for r in db.races for x in db.at(r, "race-results", 1) if x["constructorId"] == cid]
    need(lst, "no wins")
    r, x = lst[0] if which == "first" else lst[-1]
    need(len(db.winners(r)) == 1, "shared win")
    note = ("%s's %s Grand Prix win: %s at the %s (%s); %d Grand Prix wins in total (sprints not counted)." % (
        db.cname(cid), which, db.dname(x["driverId"]), db.race_label(r), r["date"].isoformat(), len(lst)))
    return R(question, nm.driver(x["driverId"], db.race_field(r)), note, [RR], accept_all=[str(r["year"])])


@q("career_history", "team_last_win")
def h_tyrrell_last_win(c):
    return team_first_last_win(c, "tyrrell", "last", "Who gave Tyrrell its last ever win, and in which year?")


@q("career_history", "team_last_win")
def h_brabham_last_win(c):
    return team_first_last_win(c, "brabham", "last", "Brabham's final Grand Prix victory: who was driving, and when?")


def first_edition_q(c, gp, question):
    db, st, nm = c.db, c.st, c.nm
    rs = [r for r in db.races if r["gp"] == gp]
    r = rs[0]
    w = db.one_at(r, "race-results", 1)
    note = ("The first %s was held in %d (%s, %s) and won by %s (%s)." % (
        db.gpname(gp), r["year"], db.circuits[r["circuit"]]["name"], r["date"].isoformat(), db.dname(w["driverId"]),
        db.cname(w["constructorId"])))
    return R(question, nm.driver(w["driverId"], db.race_field(r)), note, [r["dir"] + "/race-results.yml"])


@q("career_history", "first_edition_winner")
def h_first_abu_dhabi(c):
    return first_edition_q(c, "abu-dhabi", "Who won the very first Abu Dhabi Grand Prix?")


@q("career_history", "first_edition_winner")
def h_first_hungary(c):
    return first_edition_q(c, "hungary", "Who won the first ever Hungarian Grand Prix?")


@q("career_history", "debut_race")
def h_leclerc_debut(c):
    return first_last_q(c, "charles-leclerc", "first", "start", "Which race was Charles Leclerc's F1 debut?")


@q("career_history", "debut_team")
def h_lauda_debut_team(c):
    db, st, nm = c.db, c.st, c.nm
    lst = driver_race_list(db, "niki-lauda", db.started)
    r, x = lst[0]
    note = ("Niki Lauda made his race debut at the %s (%s) driving for %s." % (
        db.race_label(r), r["date"].isoformat(), db.cname(x["constructorId"])))
    return R("Which team did Niki Lauda make his F1 debut with?", nm.team(x["constructorId"]), note,
             [r["dir"] + "/race-results.yml"])


@q("career_history", "first_podium")
def h_norris_first_podium(c):
    return first_last_q(c, "lando-norris", "first", "podium", "When did Lando Norris get his first F1 podium?")


@q("career_history", "teams_driven_for")
def h_sainz_teams(c):
    db, st, nm = c.db, c.st, c.nm
    seen = []
    for r in db.races:
        for x in r["race-results"]:
            if x["driverId"] == "carlos-sainz-jr" and db.started(x) and x["constructorId"] not in seen:
                seen.append((x["constructorId"]))
    yrs = {cid: sorted({r["year"] for r in db.races for x in r["race-results"] if x["driverId"] == "carlos-sainz-jr"
                        and x["constructorId"] == cid and db.started(x)}) for cid in seen}
    note = ("Carlos Sainz has raced for %d teams: %s (%s)." % (
        len(seen), ", ".join("%s (%s)" % (db.cname(t), "-".join(map(str, sorted({yrs[t][0], yrs[t][-1]}))))
                             for t in seen), st.cutoff()))
    return R("Which teams has Carlos Sainz raced for in F1?", [db.cname(t) for t in seen], note, [RR],
             accept_all=[db.cname(t) for t in seen])


@q("career_history", "seasons_with_team")
def h_hamilton_mercedes_seasons(c):
    db, st, nm = c.db, c.st, c.nm
    ys = sorted({r["year"] for r in db.races for x in r["race-results"] if x["driverId"] == "lewis-hamilton"
                 and x["constructorId"] == "mercedes" and db.started(x)})
    need(ys == list(range(ys[0], ys[-1] + 1)), "gap in seasons")
    note = "Lewis Hamilton raced for Mercedes in %d seasons, %d-%d, before moving to %s." % (
        len(ys), ys[0], ys[-1], db.cname(st.main_team("lewis-hamilton", ys[-1] + 1)))
    return R("How many seasons did Lewis Hamilton spend at Mercedes?", [str(len(ys))], note, [RR])


@q("career_history", "team_first_title")
def h_redbull_first_wcc(c):
    db, st, nm = c.db, c.st, c.nm
    ys = [y for y in range(1958, 2026) if st.champion(y, "constructor")["constructorId"] == "red-bull"]
    note = "Red Bull's first constructors' title came in %d; titles: %s." % (ys[0], ", ".join(map(str, ys)))
    return R("What year did Red Bull win their first constructors' championship?", [str(ys[0])], note,
             ["seasons/*/constructor-standings.yml"])


# --------------------------------------------------------------------------------------------------- comparative
def career_cmp(c, a, b, what, question):
    db, st, nm = c.db, c.st, c.nm
    cnt = {"wins": st.wins, "podiums": st.podiums}[what]()
    na, nb = cnt[a], cnt[b]
    need(na != nb, "equal")
    lead, trail = (a, b) if na > nb else (b, a)
    m = abs(na - nb)
    note = ("%s %d, %s %d Grand Prix %s: %s leads by %d (sprints not counted; %s)." % (
        db.dname(a), na, db.dname(b), nb, what, db.dname(lead), m, st.cutoff()))
    return R(question, nm.driver(lead, "all"), note, [RR], accept_all=[str(m)])


@q("comparative", "career_wins")
def k_lauda_piquet(c):
    return career_cmp(c, "niki-lauda", "nelson-piquet", "wins",
                      "Lauda or Piquet — who won more races in their careers, and by how many?")


@q("comparative", "career_wins")
def k_webber_massa(c):
    return career_cmp(c, "mark-webber", "felipe-massa", "wins", "Webber vs Massa career wins: who has more, and what's the gap?")


@q("comparative", "career_wins")
def k_rosberg_hakkinen(c):
    return career_cmp(c, "nico-rosberg", "mika-hakkinen", "wins",
                      "Did Nico Rosberg or Mika Häkkinen win more Grands Prix? By how many?")


@q("comparative", "career_podiums")
def k_vettel_raikkonen_podiums(c):
    return career_cmp(c, "sebastian-vettel", "kimi-raikkonen", "podiums",
                      "Vettel or Räikkönen: who had more podiums, and how many more?")


def season_pts_cmp(c, year, a, b, question):
    db, st, nm = c.db, c.st, c.nm
    need(year >= 1991 or year == 2026, "dropped-score era")
    pa, pb = st.season_pts(year, a), st.season_pts(year, b)
    need(pa != pb, "equal")
    lead = a if pa > pb else b
    m = abs(pa - pb)
    note = ("%d drivers' standings%s: %s %s points (P%d), %s %s (P%d); %s ahead by %s." % (
        year, " after round 11" if year == 2026 else "", db.dname(a), fmtnum(pa), st.standing(year, a)["position"],
        db.dname(b), fmtnum(pb), st.standing(year, b)["position"], db.dname(lead), fmtnum(m)))
    return R(question, nm.driver(lead, db.season_field(year)), note, ["seasons/%d/driver-standings.yml" % year],
             accept_all=[fmtnum(m)])


@q("comparative", "season_points")
def k_2003_msc_rai(c):
    return season_pts_cmp(c, 2003, "michael-schumacher", "kimi-raikkonen",
                          "How many points separated Michael Schumacher and Kimi Räikkönen at the end of 2003?")


@q("comparative", "teammate_points")
def k_2017_ham_bot(c):
    db, st = c.db, c.st
    need(st.main_team("valtteri-bottas", 2017) == st.main_team("lewis-hamilton", 2017) == "mercedes", "2017 teams")
    need(all(x["constructorId"] != "mercedes" for r, x in db.rows() if x["driverId"] == "valtteri-bottas"
             and r["year"] < 2017), "Bottas at Mercedes before 2017")
    return season_pts_cmp(c, 2017, "lewis-hamilton", "valtteri-bottas",
                          "Hamilton v Bottas in 2017, their first year as team-mates: who scored more points and by how much?")


@q("comparative", "teammate_points")
def k_2021_nor_ric(c):
    need(c.st.main_team("lando-norris", 2021) == c.st.main_team("daniel-ricciardo", 2021) == "mclaren", "2021 teams")
    return season_pts_cmp(c, 2021, "lando-norris", "daniel-ricciardo",
                          "Norris or Ricciardo, who outscored the other at McLaren in 2021 and by how many points?")


@q("comparative", "season_points")
def k_1991_sen_man(c):
    return season_pts_cmp(c, 1991, "ayrton-senna", "nigel-mansell",
                          "Senna vs Mansell 1991 — final points gap?")


def wins_by_attr(db, attr):
    cnt = Counter()
    for r in db.races:
        for v in {x[attr] for x in db.at(r, "race-results", 1)}:
            cnt[v] += 1
    return cnt


def attr_cmp(c, attr, a, b, namef, question, what):
    db, st, nm = c.db, c.st, c.nm
    cnt = wins_by_attr(db, attr)
    na, nb = cnt[a], cnt[b]
    need(na != nb, "equal")
    lead = a if na > nb else b
    m = abs(na - nb)
    note = ("Grand Prix wins by %s (counted once per race, sprints not counted): %s %d, %s %d; %s ahead by %d "
            "(%s)." % (
        what, namef(a), na, namef(b), nb, namef(lead), m, st.cutoff()))
    return lead, m, note


@q("comparative", "tyre_wins")
def k_bridgestone_michelin(c):
    db = c.db
    lead, m, note = attr_cmp(c, "tyreManufacturerId", "bridgestone", "michelin", lambda t: db.tyres[t]["name"],
                             "", "tyre manufacturer")
    return R("Bridgestone or Michelin: which tyre brand won more F1 races, and by how many?",
             [db.tyres[lead]["name"]], note, [RR], accept_all=[str(m)])


@q("comparative", "engine_wins")
def k_ferrari_mercedes_engines(c):
    db, nm = c.db, c.nm
    lead, m, note = attr_cmp(c, "engineManufacturerId", "ferrari", "mercedes", db.ename, "", "engine manufacturer")
    return R("Counting engines rather than teams, have Ferrari or Mercedes power units won more Grands Prix? What's the difference?",
             nm.engine(lead), note, [RR], accept_all=[str(m)])


@q("comparative", "team_wins")
def k_mercedes_redbull_wins(c):
    db, nm = c.db, c.nm
    lead, m, note = attr_cmp(c, "constructorId", "mercedes", "red-bull", db.cname, "", "constructor")
    return R("All-time race wins, Mercedes vs Red Bull: who's ahead and by how many?", nm.team(lead), note, [RR],
             accept_all=[str(m)])


@q("comparative", "race_finish")
def k_monaco_2026_rus_nor(c):
    db, st, nm = c.db, c.st, c.nm
    r = db.race_by(2026, "monaco")
    pa = [x for x in r["race-results"] if x["driverId"] == "george-russell"][0]
    pb = [x for x in r["race-results"] if x["driverId"] == "lando-norris"][0]
    ia, ib = isinstance(pa["position"], int), isinstance(pb["position"], int)
    need(ia or ib, "neither classified")
    if ia and ib:
        lead = "george-russell" if pa["position"] < pb["position"] else "lando-norris"
    else:
        lead = "george-russell" if ia else "lando-norris"
    def fm(x):
        return "P%d" % x["position"] if isinstance(x["position"], int) else "%s (%s)" % (
            x["position"], x.get("reasonRetired") or "")
    note = ("%s: George Russell %s, Lando Norris %s; %s finished higher." % (
        db.race_label(r), fm(pa), fm(pb), db.dname(lead)))
    lx = pa if lead == "george-russell" else pb
    aa = [str(lx["position"])] if isinstance(lx["position"], int) else []
    return R("At Monaco this year, who finished higher: Russell or Norris?", nm.driver(lead, db.race_field(r)), note,
             [r["dir"] + "/race-results.yml"], accept_all=aa)


@q("comparative", "career_wins")
def k_ascari_farina(c):
    return career_cmp(c, "alberto-ascari", "nino-farina", "wins",
                      "Ascari versus Farina — who won more championship races, and by how many?")


# ---------------------------------------------------------------------------------------------------- multi_part
@q("multi_part", "sprint_and_gp_winner")
def m_austria_2024_sprint_gp(c):
    db, st, nm = c.db, c.st, c.nm
    r = db.race_by(2024, "austria")
    s_ = db.one_at(r, "sprint-race-results", 1)
    g = db.one_at(r, "race-results", 1)
    need(s_["driverId"] != g["driverId"], "same winner")
    f = db.race_field(r)
    note = ("%s weekend: sprint won by %s (%s), Grand Prix won by %s (%s). Both names are required (accept_all)." % (
        db.race_label(r), db.dname(s_["driverId"]), db.cname(s_["constructorId"]), db.dname(g["driverId"]),
        db.cname(g["constructorId"])))
    return R("Austria 2024: who won the sprint and who won the Grand Prix?",
             nm.driver(g["driverId"], f), note,
             [r["dir"] + "/sprint-race-results.yml", r["dir"] + "/race-results.yml"],
             accept_all=[nm.surname(s_["driverId"]), nm.surname(g["driverId"])])


@q("multi_part", "pole_and_winner")
def m_austria_2019_pole_win(c):
    db, st, nm = c.db, c.st, c.nm
    r = db.race_by(2019, "austria")
    p = st.pole_of(r)
    w = db.one_at(r, "race-results", 1)["driverId"]
    need(p != w, "pole = winner")
    f = db.race_field(r)
    note = ("%s (%s): pole %s (qualifying P1 = grid P1), winner %s. Both names are required (accept_all)." % (
        db.race_label(r), r["date"].isoformat(), db.dname(p), db.dname(w)))
    return R("Red Bull Ring 2019: who started on pole and who won the race?", nm.driver(w, f), note,
             [r["dir"] + "/qualifying-results.yml", r["dir"] + "/starting-grid-positions.yml",
              r["dir"] + "/race-results.yml"], accept_all=[nm.surname(p), nm.surname(w)])


def champ_team_q(c, year, question, engine=False, wins=False, margin=False):
    db, st, nm = c.db, c.st, c.nm
    ch = st.champion(year)
    d = ch["driverId"]
    t = st.main_team(d, year)
    f = db.season_field(year)
    parts = []
    aa = []
    note = "%d drivers' champion: %s (%s points) with %s" % (year, db.dname(d), fmtnum(ch["points"]), db.cname(t))
    if engine:
        e, n = st.team_engines(t, year)
        note += "-%s (all %d %s entries that season had %s engines)" % (db.ename(e), n, db.cname(t), db.ename(e))
        aa += [db.cname(t), db.ename(e)]
    elif not wins and not margin:
        aa += [db.cname(t)]
    if wins:
        w = st.wins(lambda r: r["year"] == year)[d]
        note += "; he won %d of the %d Grands Prix (sprints not counted)" % (w, len(db.season_races(year)))
        aa += [str(w)]
    if margin:
        p2 = [x for x in db.standings(year) if x["position"] == 2]
        need(len(p2) == 1, "p2 tie")
        m = ch["points"] - p2[0]["points"]
        note += "; runner-up %s on %s, a margin of %s points" % (db.dname(p2[0]["driverId"]),
                                                                 fmtnum(p2[0]["points"]), fmtnum(m))
        aa += [fmtnum(m)]
    note += ". All parts are required (accept_all)."
    return R(question, nm.driver(d, f), note, ["seasons/%d/driver-standings.yml" % year,
                                               "seasons/%d/races/*/race-results.yml" % year], accept_all=aa)


@q("multi_part", "champion_and_team")
def m_1967_champ_team(c):
    return champ_team_q(c, 1967, "Who won the 1967 drivers' title and for which team?")


@q("multi_part", "champion_and_margin")
def m_1983_champ_margin(c):
    return champ_team_q(c, 1983, "1983 world champion, and by how many points did he win it?", margin=True)


@q("multi_part", "champion_team_engine")
def m_1996_champ_team_engine(c):
    return champ_team_q(c, 1996, "Who was the 1996 champion, and what team and engine was he using?", engine=True)


@q("multi_part", "champion_and_wins")
def m_1972_champ_wins(c):
    return champ_team_q(c, 1972, "who won the 1972 championship and how many races did he win that year", wins=True)


@q("multi_part", "champion_and_wins")
def m_1955_champ_wins(c):
    return champ_team_q(c, 1955, "Name the 1955 world champion and his number of wins that season.", wins=True)


def wins_podiums_q(c, did, year, question):
    db, st, nm = c.db, c.st, c.nm
    pr = (lambda r: r["year"] == year) if year else (lambda r: True)
    w, p = st.wins(pr)[did], st.podiums(pr)[did]
    need(w != p, "same numbers")
    scope = db.season_field(year) if year else "all"
    nr = len([r for r in db.races if pr(r)])
    note = ("%s %s: %d Grand Prix win%s and %d podiums%s (sprints not counted%s). Both numbers are required "
            "(accept_all)." % (db.dname(did), str(year) if year else "career", w, "" if w == 1 else "s", p,
                               " from %d races" % nr if year else "",
                               "; 2026 = first 11 rounds" if year == 2026 else ("; " + st.cutoff() if not year else "")))
    return R(question, nm.driver(did, scope), note, [("seasons/%d/races/*/race-results.yml" % year) if year else RR],
             accept_all=[str(w), str(p)])


@q("multi_part", "wins_and_podiums")
def m_max_2021(c):
    return wins_podiums_q(c, "max-verstappen", 2021, "Max Verstappen in 2021: how many wins and how many podiums?")


@q("multi_part", "wins_and_podiums")
def m_leclerc_2026(c):
    return wins_podiums_q(c, "charles-leclerc", 2026, "So far this season, how many wins and podiums does Leclerc have?")


@q("multi_part", "career_wins_and_podiums")
def m_scheckter_career(c):
    return wins_podiums_q(c, "jody-scheckter", None, "Jody Scheckter's F1 career: how many GP wins and how many podiums?")


@q("multi_part", "constructors_champion_and_points")
def m_2011_wcc_points(c):
    db, st, nm = c.db, c.st, c.nm
    ch = st.champion(2011, "constructor")
    p2 = [x for x in db.standings(2011, "constructor") if x["position"] == 2][0]
    note = ("2011 constructors' champion: %s with %s points (runner-up %s, %s). Both parts are required "
            "(accept_all)." % (db.cname(ch["constructorId"]), fmtnum(ch["points"]), db.cname(p2["constructorId"]),
                               fmtnum(p2["points"])))
    return R("Which team took the 2011 constructors' title, and with how many points?", nm.team(ch["constructorId"]),
             note, ["seasons/2011/constructor-standings.yml"], accept_all=[fmtnum(ch["points"])])


@q("multi_part", "both_champions")
def m_2005_both(c):
    db, st, nm = c.db, c.st, c.nm
    d = st.champion(2005)
    k = st.champion(2005, "constructor")
    note = ("2005: drivers' champion %s (%s points), constructors' champion %s (%s points). Both are required "
            "(accept_all)." % (db.dname(d["driverId"]), fmtnum(d["points"]), db.cname(k["constructorId"]),
                               fmtnum(k["points"])))
    return R("Who were the 2005 drivers' and constructors' champions?", nm.driver(d["driverId"], db.season_field(2005)),
             note, ["seasons/2005/driver-standings.yml", "seasons/2005/constructor-standings.yml"],
             accept_all=[db.cname(k["constructorId"])])


@q("multi_part", "runner_up_and_gap")
def m_spain_1986_p2_gap(c):
    rec, r, x = position_q(c, 1986, "spain", 2, "Jerez 1986: who finished second, and how far behind the winner?")
    gap = x["gap"].lstrip("+")
    rec["accept_all"] = [gap]
    rec["answer_note"] += " The gap is required (accept_all)."
    return rec


# --------------------------------------------------------------------------------------------------- unavailable
def future_round(c, gp, need_files=()):
    db, st = c.db, c.st
    rs = [r for r in db.seasons[2026]["races"] if r["gp"] == gp]
    need(len(rs) == 1, "2026 %s" % gp)
    r = rs[0]
    need(r["round"] > st.last["round"], "round already run")
    for k in ("race-results", "sprint-race-results", "qualifying-results", "starting-grid-positions",
              "fastest-laps", "driver-of-the-day-results") + tuple(need_files):
        need(not r.get(k), "%s has %s" % (r["dir"], k))
    return r


def present_files(r):
    return sorted(k for k in RESULT_FILES if k in r)


@q("unavailable", "future_race")
def u_dutch_2026_winner(c):
    db, st = c.db, c.st
    r = future_round(c, "netherlands")
    note = ("The race after the last one with results (the %s, round %d) is the %s (round %d, %s). It has no race "
            "result in the data (files present: race.yml%s), so the winner is not available; the reply must not name "
            "one." % (db.race_label(st.last), st.last["round"], db.race_label(r), r["round"], r["date"].isoformat(),
                      "".join(", " + f + ".yml" for f in present_files(r))))
    return U("who won the race after hungary this year?", note, [r["dir"] + "/race.yml"])


@q("unavailable", "future_driver_of_the_day")
def u_mexico_2026_dotd(c):
    db, st = c.db, c.st
    r = future_round(c, "mexico")
    note = ("The %s (round %d, %s) has no results in the data (only race.yml), so there is no Driver of the Day "
            "for it; %s." % (db.race_label(r), r["round"], r["date"].isoformat(), st.cutoff()))
    return U("Who got driver of the day in Mexico City this season?", note, [r["dir"] + "/race.yml"])


@q("unavailable", "future_sprint")
def u_singapore_2026_sprint(c):
    db, st = c.db, c.st
    r = future_round(c, "singapore")
    need(r["race"].get("sprintRaceDate") or r["race"].get("sprintRaceLaps"), "no sprint scheduled")
    note = ("The %s weekend (round %d) is scheduled with a sprint (race.yml sprint fields), but no sprint or race "
            "result exists in the data; %s. The winner is not available." % (
                db.race_label(r), r["round"], st.cutoff()))
    return U("who won the singapore sprint this year", note, [r["dir"] + "/race.yml"])


@q("unavailable", "future_race_position")
def u_las_vegas_2026_p2(c):
    db, st = c.db, c.st
    r = future_round(c, "las-vegas")
    note = ("The %s (round %d, %s) has no race result in the data (only race.yml); %s. Nobody can be named as P2." % (
        db.race_label(r), r["round"], r["date"].isoformat(), st.cutoff()))
    return U("Who finished second in Las Vegas this year?", note, [r["dir"] + "/race.yml"])


def not_held(c, year, gp, circuits):
    db = c.db
    cal = [r["gp"] for r in db.seasons[year]["races"]]
    need(gp not in cal, "%s held in %d" % (gp, year))
    for ci in circuits:
        need(all(r["circuit"] != ci for r in db.seasons[year]["races"]), "%s used in %d" % (ci, year))
    held = sorted(r["year"] for r in db.races if r["gp"] == gp)
    before = [y for y in held if y < year]
    after = [y for y in held if y > year]
    return cal, (before[-1] if before else None), (after[0] if after else None)


@q("unavailable", "not_held")
def u_canada_2009(c):
    db = c.db
    cal, b, a = not_held(c, 2009, "canada", ["montreal"])
    note = ("There was no Canadian Grand Prix in 2009: the 2009 calendar has %d rounds and none is in Canada or at "
            "Montreal (the race was held in %d and again from %d). The reply should say it was not held." % (
                len(cal), b, a))
    return U("Who won the 2009 Canadian Grand Prix?", note, ["seasons/2009/races/"])


@q("unavailable", "not_held")
def u_india_2014(c):
    db = c.db
    cal, b, a = not_held(c, 2014, "india", ["buddh"])
    need(a is None, "India came back")
    note = ("There was no Indian Grand Prix in 2014: the race was held only %s and is absent from the %d-round 2014 "
            "calendar. The reply should say it was not held." % (
                ", ".join(str(r["year"]) for r in db.races if r["gp"] == "india"), len(cal)))
    return U("who was on pole for the indian gp in 2014", note, ["seasons/2014/races/"])


@q("unavailable", "not_held")
def u_dutch_2020(c):
    db = c.db
    cal, b, a = not_held(c, 2020, "netherlands", ["zandvoort"])
    note = ("The 2020 season (%d rounds) had no Dutch Grand Prix and no race at Zandvoort; the Dutch GP returned in "
            "%d (previous edition %d). The reply should say it was not held." % (len(cal), a, b))
    return U("zandvoort 2020 - who won?", note, ["seasons/2020/races/"])


@q("unavailable", "never_started")
def u_ecclestone(c):
    db = c.db
    did = "bernie-ecclestone"
    rows = [(r, x) for r in db.all_races for x in r.get("race-results", []) if x["driverId"] == did]
    need(rows and all(not db.started(x) for r, x in rows), "Ecclestone started")
    for r in db.all_races:
        for k in ("starting-grid-positions", "qualifying-results", "sprint-race-results"):
            need(all(x["driverId"] != did for x in r.get(k, [])), "Ecclestone in %s" % k)
    note = ("Bernie Ecclestone never started a world championship race: his only race-results row%s %s %s. With "
            "no start there is no best finish, no points and no race result; the reply should say he never raced "
            "(did not qualify)." % ("" if len(rows) == 1 else "s", "is" if len(rows) == 1 else "are",
                                   "; ".join("%s: %s with %s" % (db.race_label(r), x["position"],
                                                                 db.cname(x["constructorId"])) for r, x in rows)))
    return U("What was Bernie Ecclestone's best race finish as an F1 driver?", note, [RR, "drivers/bernie-ecclestone.yml"])


@q("unavailable", "no_data_top_speed")
def u_top_speed(c):
    db = c.db
    r = db.race_by(1991, "italy")
    w = db.one_at(r, "race-results", 1)
    note = ("f1db stores no speed-trap or top-speed data. The %s exists (won by %s), but its rows only hold "
            "positions, laps, times, gaps and points. The reply should say top speeds are not in the data." % (
                db.race_label(r), db.dname(w["driverId"])))
    return U("What was the top speed recorded at Monza in 1991, and who set it?", note,
             [r["dir"] + "/race-results.yml"])


@q("unavailable", "no_data_tyre_temperature")
def u_tyre_temps(c):
    db = c.db
    r = db.race_by(2019, "great-britain")
    note = ("f1db has no tyre temperature data. The %s is in the data (won by %s) but only with results, grid, "
            "qualifying, pit-stop and fastest-lap tables. The reply should say tyre temperatures are not stored." % (
                db.race_label(r), db.dname(db.winners(r)[0])))
    return U("what were hamilton's front-left tyre temps in the last stint at silverstone 2019", note,
             [r["dir"] + "/"])


@q("unavailable", "no_data_team_radio")
def u_radio(c):
    db, st = c.db, c.st
    r = st.last
    w = db.one_at(r, "race-results", 1)
    note = ("Team radio is not in f1db. The last race (%s) has results (won by %s) but no radio transcripts. The "
            "reply should say radio messages are not available." % (db.race_label(r), db.dname(w["driverId"])))
    return U("What did Norris say on team radio after crossing the line in the last race?", note,
             [r["dir"] + "/"])


@q("unavailable", "no_data_telemetry")
def u_telemetry(c):
    db = c.db
    r = db.race_by(1990, "monaco")
    need(c.st.pole_of(r) == "ayrton-senna", "1990 Monaco pole")
    note = ("f1db holds no telemetry (throttle, brake, gear, speed traces). The %s is in the data only as results, "
            "qualifying and grid (won by %s). The reply should say telemetry is not available." % (
                db.race_label(r), db.dname(db.winners(r)[0])))
    return U("show me senna's throttle and brake trace for his pole lap at monaco 1990", note,
             [r["dir"] + "/qualifying-results.yml"])



# ------------------------------------------------------------------------------------------------------------------
# Candidates kept in the script because the robustness checks reject them (they are reported as dropped).
# ------------------------------------------------------------------------------------------------------------------
@q("aggregate", "pole_streak")
def a_pole_streak(c):
    db, st = c.db, c.st
    for reading in (db.pole_q, db.pole_g):
        best = streak_table(db, lambda r, x, f=reading: f(r) == x["driverId"])
        strict_top(Counter({d: v[0] for d, v in best.items()}), "consecutive poles")
    raise AssertionError("expected this candidate to be dropped by the checks")


@q("aggregate", "most_teams")
def a_most_teams(c):
    db, st, nm = c.db, c.st, c.nm
    teams = defaultdict(set)
    for r, x in db.rows():
        if db.started(x):
            teams[x["driverId"]].add(x["constructorId"])
    strict_top(Counter({d: len(v) for d, v in teams.items()}), "most teams driven for")
    raise AssertionError("expected this candidate to be dropped by the checks")


@q("multi_part", "career_wins_and_poles")
def m_alonso_wins_poles(c):
    st = c.st
    st.pole_count("fernando-alonso")
    raise AssertionError("expected this candidate to be dropped by the checks")


@q("relational", "team_mate")
def r_tm_clark_1965(c):
    return teammate_q(c, "jim-clark", 1965, "Who was Jim Clark's team-mate in 1965?")


@q("relational", "engine")
def r_eng_lotus_1967(c):
    return engine_q(c, "lotus", 1967, "What engine did Lotus use in 1967?")




# ----------------------------------------------------------------------------------------------------------------
# Build
# ----------------------------------------------------------------------------------------------------------------
GROUP_COUNTS = [("aggregate", 25), ("colloquial", 22), ("relational", 20), ("career_history", 15),
                ("comparative", 13), ("multi_part", 13), ("unavailable", 12)]


class Ctx:
    def __init__(self, db):
        self.db = db
        self.st = Stats(db)
        self.nm = Names(db)


def check_cutoff(db):
    last = db.races[-1]
    assert (last["year"], last["round"], last["gp"]) == (2026, 11, "hungary"), last["dir"]
    for r in db.all_races:
        if (r["year"], r["round"]) > (2026, 11):
            assert not r.get("race-results") and not r.get("sprint-race-results"), r["dir"]
    for r in db.seasons[2026]["races"]:
        if r["round"] <= 11:
            assert r.get("race-results"), r["dir"]
    # the 2026 season standings file equals the standings after round 11
    a = [(x["driverId"], x["points"]) for x in db.seasons[2026]["driver-standings"]]
    b = [(x["driverId"], x["points"]) for x in last["driver-standings"]]
    assert a == b, "2026 standings file is not the post-round-11 standings"
    return last


# candidates that the robustness checks must reject (a tie, two pole readings, a shared seat, mixed engines)
EXPECTED_DROPS = {"a_dnq", "a_pole_streak", "a_most_teams", "m_alonso_wins_poles", "r_tm_clark_1965",
                  "r_eng_lotus_1967"}


def self_check(records):
    """Grade every answerable record's own answer_note with dev rules 1-3; other structural assertions."""
    n = 0
    qs = Counter(norm(r["question"]) for r in records)
    assert all(v == 1 for v in qs.values()), [k for k, v in qs.items() if v > 1]
    fns = Counter(r["_fn"] for r in records)
    assert all(v == 1 for v in fns.values())
    for r in records:
        assert r["group"] in dict(GROUP_COUNTS), r["group"]
        assert r["answer_note"] and r["source"], r["_fn"]
        for src in r["source"]:
            if not any(ch in src for ch in "*?["):
                assert os.path.exists(os.path.join(F1DB, src)), (r["_fn"], src)
        if r["expect_unavailable"]:
            assert r["accept"] == [] and "accept_all" not in r, r["_fn"]
            continue
        assert r["accept"], r["_fn"]
        assert grade(r["answer_note"], r), ("self-check failed", r["_fn"], r["accept"], r.get("accept_all"),
                                            r["answer_note"])
        n += 1
    return n


def build(verbose=False):
    db = DB(load())
    check_cutoff(db)
    ctx = Ctx(db)
    per_group = defaultdict(list)
    dropped = []
    for group, category, f in CANDS:
        try:
            rec = f(ctx)
        except Drop as e:
            dropped.append((group, f.__name__, str(e)))
            continue
        out = {"id": None, "category": category, "group": group}
        out.update(rec)
        out["_fn"] = f.__name__
        per_group[group].append(out)
    assert {d[1] for d in dropped} == EXPECTED_DROPS, sorted({d[1] for d in dropped} ^ EXPECTED_DROPS)
    records = []
    for g, n in GROUP_COUNTS:
        lst = per_group[g]
        assert len(lst) == n, "group %s has %d candidates, want %d" % (g, len(lst), n)
        records += lst
    passed = self_check(records)
    random.Random(SEED).shuffle(records)
    for i, r in enumerate(records, 1):
        r["id"] = "fbm-%03d" % i
    return db, records, dropped, passed


KEY_ORDER = ["id", "category", "group", "question", "accept", "accept_all", "expect_unavailable", "answer_note",
             "source"]


def main():
    verbose = "-v" in sys.argv
    db, records, dropped, passed = build(verbose)
    lines = []
    for r in records:
        rr = {k: r[k] for k in KEY_ORDER if k in r}
        assert set(rr) | {"_fn"} == set(r), sorted(set(r) - set(rr))
        lines.append(json.dumps(rr, ensure_ascii=False))
        if verbose:
            print(r["id"], r["_fn"], "|", r["question"])
            print("    accept:", r["accept"], "accept_all:", r.get("accept_all"))
            print("    note:", r["answer_note"])
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    counts = Counter(r["group"] for r in records)
    print("wrote %s: %d records" % (os.path.normpath(OUT), len(records)))
    print("groups:", ", ".join("%s %d" % (g, counts[g]) for g, _ in GROUP_COUNTS))
    print("accept_all: %d, expect_unavailable: %d" % (sum(1 for r in records if "accept_all" in r),
                                                      sum(1 for r in records if r["expect_unavailable"])))
    print("self-check: %d of %d answerable notes pass" % (passed, sum(1 for r in records if not r["expect_unavailable"])))
    for d in dropped:
        print("dropped [%s] %s: %s" % d)


if __name__ == "__main__":
    main()
