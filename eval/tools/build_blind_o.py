#!/usr/bin/env python3
"""Build the held-out fan-style F1 QA set O (eval/fan-qa-blind-o.jsonl) from the f1db YAML.

Self-contained: loads the YAML itself (PyYAML, CSafeLoader when available), imports no other eval tool.
Every answer is computed here from the data; only question parameters and wording are chosen by hand.

    cd /work/main && python3 eval/tools/build_blind_o.py      # -v prints every record

Environment: F1DB=<path to f1db src/data>, BO_CACHE=<pickle cache path> (default /tmp/o.pkl; empty = no cache).
"""
import glob
import json
import os
import pickle
import random
import re
import sys
import unicodedata
from collections import Counter
from datetime import date
from functools import lru_cache

import yaml

try:
    Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    Loader = yaml.SafeLoader

HERE = os.path.dirname(os.path.abspath(__file__))
MAIN = os.path.dirname(os.path.dirname(HERE))
F1DB = os.environ.get("F1DB", "/work/shared/data/f1db/src/data")
CACHE = os.environ.get("BO_CACHE", "/tmp/o.pkl")
OUT = os.path.join(MAIN, "eval", "fan-qa-blind-o.jsonl")
SEED = 20261208
PREFIX = "fbo"
TODAY = date(2026, 12, 4)
CUTOFF_YEAR, CUTOFF_ROUND = 2026, 11
CACHE_VERSION = 3

TARGETS = [("aggregate", 25), ("colloquial", 22), ("relational", 20), ("career_history", 15),
           ("comparative", 13), ("multi_part", 13), ("unavailable", 12)]

NONSTART = {"DNQ", "DNPQ", "DNS", "DNP", "EX"}
RACE_FILES = {
    "race": "race-results.yml",
    "quali": "qualifying-results.yml",
    "grid": "starting-grid-positions.yml",
    "sprint": "sprint-race-results.yml",
    "fl": "fastest-laps.yml",
    "dotd": "driver-of-the-day-results.yml",
    "pits": "pit-stops.yml",
}


# --------------------------------------------------------------------------------------------- loading
def _y(path):
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=Loader)


def _stamp():
    """A cheap fingerprint of the data tree (file count + newest mtime) so a stale cache is rebuilt."""
    n, newest = 0, 0.0
    for root, _dirs, files in os.walk(F1DB):
        for f in files:
            n += 1
            newest = max(newest, os.path.getmtime(os.path.join(root, f)))
    return (CACHE_VERSION, os.path.abspath(F1DB), n, int(newest))


def load_raw():
    stamp = _stamp()
    if CACHE and os.path.exists(CACHE):
        try:
            with open(CACHE, "rb") as fh:
                obj = pickle.load(fh)
            if obj.get("stamp") == stamp:
                return obj["data"]
        except Exception:
            pass
    data = {"races": [], "seasons": {}, "drivers": {}, "constructors": {}, "circuits": {}, "gps": {},
            "engines": {}, "countries": {}}
    for kind, sub in (("drivers", "drivers"), ("constructors", "constructors"), ("circuits", "circuits"),
                      ("gps", "grands-prix"), ("engines", "engine-manufacturers"), ("countries", "countries")):
        for p in sorted(glob.glob(os.path.join(F1DB, sub, "*.yml"))):
            d = _y(p)
            data[kind][d["id"]] = d
    for sdir in sorted(glob.glob(os.path.join(F1DB, "seasons", "*"))):
        year = int(os.path.basename(sdir))
        s = {}
        for key, fn in (("dstand", "driver-standings.yml"), ("cstand", "constructor-standings.yml"),
                        ("entrants", "entrants.yml")):
            p = os.path.join(sdir, fn)
            s[key] = (_y(p) or []) if os.path.exists(p) else None
        data["seasons"][year] = s
        for rdir in sorted(glob.glob(os.path.join(sdir, "races", "*"))):
            race = _y(os.path.join(rdir, "race.yml"))
            race["year"] = year
            race["slug"] = os.path.basename(rdir)
            race["path"] = "seasons/%d/races/%s" % (year, race["slug"])
            race["files"] = sorted(os.listdir(rdir))
            for key, fn in RACE_FILES.items():
                p = os.path.join(rdir, fn)
                race[key] = (_y(p) or []) if os.path.exists(p) else None
            p = os.path.join(rdir, "driver-standings.yml")
            race["dstand_after"] = (_y(p) or []) if os.path.exists(p) else None
            data["races"].append(race)
    data["races"].sort(key=lambda r: (r["year"], r["round"]))
    if CACHE:
        tmp = CACHE + ".tmp%d" % os.getpid()
        with open(tmp, "wb") as fh:
            pickle.dump({"stamp": stamp, "data": data}, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, CACHE)
    return data


D = load_raw()
RACES = D["races"]
DRV, CON, CIR, GPS, ENG, CTRY = (D["drivers"], D["constructors"], D["circuits"], D["gps"], D["engines"],
                                 D["countries"])
SEASONS = D["seasons"]
RESULTED = [r for r in RACES if r["race"]]  # races with race results


# --------------------------------------------------------------------------------------------- helpers
class Drop(Exception):
    """A candidate whose answer is not unambiguous."""


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def norm(s):
    return fold(s).lower()


def pint(row):
    p = row.get("position")
    return p if isinstance(p, int) else None


def rows_at(rows, pos):
    return [r for r in (rows or []) if r.get("position") == pos]


def one_at(rows, pos, what="position"):
    rs = rows_at(rows, pos)
    if len(rs) != 1:
        raise Drop("%s %s has %d rows" % (what, pos, len(rs)))
    return rs[0]


def strict_top(counter, what="", n=5):
    """Leader of a Counter; Drop on a tie at the top. Returns (key, value, ranked list)."""
    ranked = sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))
    if not ranked:
        raise Drop("empty ranking %s" % what)
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        raise Drop("tie at the top %s: %s" % (what, ranked[:3]))
    return ranked[0][0], ranked[0][1], ranked[:n]




def is_start(row):
    return row.get("position") not in NONSTART


def starters(race):
    return sorted({r["driverId"] for r in race["race"] or [] if is_start(r)})




def winners(race):
    return sorted({r["driverId"] for r in rows_at(race["race"], 1)})


def podium_ids(race):
    return sorted({r["driverId"] for r in race["race"] or [] if pint(r) in (1, 2, 3)})


def pole_q(race):
    if "_pq" not in race:
        rs = rows_at(race["quali"], 1)
        race["_pq"] = rs[0]["driverId"] if len(rs) == 1 else None
    return race["_pq"]


def pole_g(race):
    if "_pg" not in race:
        rs = rows_at(race["grid"], 1)
        race["_pg"] = rs[0]["driverId"] if len(rs) == 1 else None
    return race["_pg"]


def fl_id(race):
    rs = rows_at(race["fl"], 1)
    return rs[0]["driverId"] if len(rs) == 1 else None


def dotd_id(race):
    rs = rows_at(race["dotd"], 1)
    return rs[0]["driverId"] if len(rs) == 1 else None


def race_date(race):
    d = race["date"]
    return d if isinstance(d, date) else date.fromisoformat(str(d))


def gp_name(race):
    return GPS[race["grandPrixId"]]["fullName"]


def rlabel(race):
    return "%d %s (round %d, %s)" % (race["year"], gp_name(race), race["round"], race_date(race).isoformat())


def rpath(race, f="race-results.yml"):
    return "%s/%s" % (race["path"], f)


def find_race(year, slug_part):
    rs = [r for r in RACES if r["year"] == year and (r["slug"].split("-", 1)[1] == slug_part
                                                       or r["grandPrixId"] == slug_part)]
    if len(rs) != 1:
        raise Drop("race %d %s: %d matches" % (year, slug_part, len(rs)))
    return rs[0]


def season_races(year, resulted=True):
    return [r for r in RACES if r["year"] == year and (r["race"] or not resulted)]


def races_in(y0, y1):
    return [r for r in RESULTED if y0 <= r["year"] <= y1]


def dname(did):
    return DRV[did]["name"]


def cname(cid):
    return CON[cid]["name"]


def ename(eid):
    return ENG[eid]["name"]


def age_on(did, d):
    b = DRV[did]["dateOfBirth"]
    b = b if isinstance(b, date) else date.fromisoformat(str(b))
    years = d.year - b.year - ((d.month, d.day) < (b.month, b.day))
    last = date(b.year + years, b.month, b.day) if not (b.month == 2 and b.day == 29) else date(b.year + years, 3, 1)
    return years, (d - last).days


def ordinal(n):
    return "%d%s" % (n, "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


WORDS = {0: "zero", 1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
         9: "nine", 10: "ten", 11: "eleven", 12: "twelve"}
ORDW = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth",
        9: "ninth", 10: "tenth"}

ALIASES = {
    "michael-schumacher": ["Schumi"],
    "sergio-perez": ["Checo"],
    "kimi-antonelli": ["Andrea Kimi Antonelli"],
    "nelson-piquet": ["Nelson Piquet Sr"],
    "alexander-albon": ["Alex Albon"],
    "nino-farina": ["Giuseppe Farina"],
}


@lru_cache(maxsize=None)
def all_winner_ids():
    return {d for r in RESULTED for d in winners(r)}


def surname_ok(did, scope):
    ln = norm(DRV[did]["lastName"])
    return not any(norm(DRV[o]["lastName"]) == ln for o in scope if o != did)


def first_last(did):
    d = DRV[did]
    ln = re.sub(r"\s+Jr\.?$", "", d["lastName"]).strip()
    return "%s %s" % (d["firstName"], ln)


def dacc(did, scope=None):
    """Accept strings for a driver: display name, folded, first+surname (Jr. dropped), aliases, surname if
    no other driver with that surname is in scope (scope None = all race winners)."""
    d = DRV[did]
    out = [d["name"], fold(d["name"]), first_last(did), fold(first_last(did))]
    out += ALIASES.get(did, [])
    if scope is None:
        scope = all_winner_ids() | {did}
    if surname_ok(did, set(scope) | {did}):
        ln = re.sub(r"\s+Jr\.?$", "", d["lastName"]).strip()
        out += [ln, fold(ln)]
    return uniq(out)


def dkey(did, scope):
    """accept_all key for a driver: the bare surname when unique in scope, else the display name."""
    return dlast(did) if surname_ok(did, set(scope) | {did}) else DRV[did]["name"]


def dlast(did):
    return re.sub(r"\s+Jr\.?$", "", DRV[did]["lastName"]).strip()


def cacc(cid):
    c = CON[cid]
    out = [c["name"], fold(c["name"]), c["fullName"], fold(c["fullName"])]
    return uniq(out)


def eacc(eid):
    out = [ENG[eid]["name"], fold(ENG[eid]["name"])]
    if eid == "ford":
        out.append("Cosworth")
    return uniq(out)


def uniq(xs):
    seen, out = set(), []
    for x in xs:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


@lru_cache(maxsize=None)
def season_field(year):
    return {r["driverId"] for race in season_races(year) for r in race["race"]}


def race_field(race):
    return {r["driverId"] for r in race["race"] or []}


@lru_cache(maxsize=None)
def gp_wins(did):
    return [r for r in RESULTED if did in winners(r)]


@lru_cache(maxsize=None)
def gp_podiums(did):
    return [r for r in RESULTED if did in podium_ids(r)]


@lru_cache(maxsize=None)
def driver_starts(did):
    return [r for r in RESULTED if any(x["driverId"] == did and is_start(x) for x in r["race"])]


@lru_cache(maxsize=None)
def driver_entries(did):
    return [r for r in RESULTED if any(x["driverId"] == did for x in r["race"])]


@lru_cache(maxsize=None)
def poles(did, grid=False):
    f = pole_g if grid else pole_q
    return [r for r in RESULTED if f(r) == did]


def dstand(year):
    return SEASONS[year]["dstand"]


def cstand(year):
    return SEASONS[year]["cstand"]


def dstand_row(year, did):
    rs = [r for r in dstand(year) if r["driverId"] == did]
    if len(rs) != 1:
        raise Drop("standings row %s %d" % (did, year))
    return rs[0]


def cstand_row(year, cid):
    rs = [r for r in cstand(year) if r["constructorId"] == cid]
    if len(rs) != 1:
        raise Drop("cstanding row %s %d: %d" % (cid, year, len(rs)))
    return rs[0]


def num(x):
    """Points as a display string: 12.5 stays, 12.0 -> 12."""
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return str(x)


def driver_rows_in(did, races):
    out = []
    for r in races:
        for x in r["race"] or []:
            if x["driverId"] == did:
                out.append((r, x))
    return out


def team_of(did, year):
    c = Counter(x["constructorId"] for _r, x in driver_rows_in(did, season_races(year)))
    k, _v, _ = strict_top(c, "team of %s %d" % (did, year))
    return k


def entrant_units(year):
    """Flatten entrants.yml: one dict per (entrant, constructor, engine) unit."""
    out = []
    for e in SEASONS[year]["entrants"] or []:
        units = e.get("constructors") or [e]
        for u in units:
            out.append({"constructorId": u["constructorId"], "engineManufacturerId": u["engineManufacturerId"],
                        "drivers": u.get("drivers") or []})
    return out


def team_engine(cid, year):
    """The single engine maker of a team-season; Drop when race/qualifying rows or entrants show more than one."""
    c = Counter()
    for r in season_races(year):
        for f in ("race", "quali"):
            for x in r[f] or []:
                if x["constructorId"] == cid:
                    c[x["engineManufacturerId"]] += 1
    ent = {u["engineManufacturerId"] for u in entrant_units(year) if u["constructorId"] == cid}
    if len(c) != 1 or ent != set(c):
        raise Drop("engines of %s %d: rows %s, entrants %s" % (cid, year, dict(c), sorted(ent)))
    return next(iter(c)), sum(c.values())


def teammate(did, year, team=None):
    """Team-mate where one driver started >= 80 % of did's starts for the team and nobody else half."""
    team = team or team_of(did, year)
    rs = [r for r, x in driver_rows_in(did, season_races(year)) if x["constructorId"] == team and is_start(x)]
    rs = list({r["id"]: r for r in rs}.values())
    c = Counter()
    for r in rs:
        for o in {x["driverId"] for x in r["race"] if x["constructorId"] == team and is_start(x)
                  and x["driverId"] != did}:
            c[o] += 1
    if not c:
        raise Drop("no team-mate")
    k, v, ranked = strict_top(c, "team-mate %s %d" % (did, year))
    n = len(rs)
    if v < 0.8 * n:
        raise Drop("team-mate %s %d: best %s %d of %d starts (< 80 %%)" % (did, year, k, v, n))
    others = [(o, w) for o, w in ranked[1:] if w >= 0.5 * n]
    if others:
        raise Drop("team-mate %s %d: %s %d of %d, but %s %d also >= half" % (did, year, k, v, n, others[0][0],
                                                                             others[0][1]))
    return team, k, v, n, ranked


def team_first_race(cid):
    return [r for r in RESULTED if any(x["constructorId"] == cid for x in r["race"])][0]


def lineup(cid, year):
    ds = sorted({x["driverId"] for r in season_races(year) for x in r["race"] if x["constructorId"] == cid})
    if len(ds) != 2:
        raise Drop("line-up %s %d has %d drivers" % (cid, year, len(ds)))
    return ds


def season_wins(did, year):
    return [r for r in season_races(year) if did in winners(r)]


def season_podiums(did, year):
    return [r for r in season_races(year) if did in podium_ids(r)]


def season_poles(did, year, grid=False):
    f = pole_g if grid else pole_q
    return [r for r in season_races(year) if f(r) == did]


def team_wins(cid, races=None):
    return [r for r in (races or RESULTED) if any(x["constructorId"] == cid for x in rows_at(r["race"], 1))]


def solo_wins(did):
    return [r for r in RESULTED if any(x["driverId"] == did and pint(x) == 1 and not x.get("sharedCar")
                                       for x in r["race"])]


def vacc(race):
    """Venue accept strings: GP names, circuit names (current and previous), place; minus strings that are part of
    another Grand Prix's / circuit's name that season or of a driver's name in the race."""
    gp, c = GPS[race["grandPrixId"]], CIR[race["circuitId"]]
    cands = [gp["fullName"], gp["shortName"], gp["name"], c["name"], c["fullName"]] + list(
        c.get("previousNames") or []) + [c["placeName"]]
    cands = uniq([s for x in cands for s in (x, fold(x))])
    others = []
    for r in RACES:
        if r["year"] == race["year"] and r["id"] != race["id"]:
            g2, c2 = GPS[r["grandPrixId"]], CIR[r["circuitId"]]
            if r["grandPrixId"] != race["grandPrixId"]:
                others += [g2["fullName"], g2["name"], g2["shortName"]]
            if r["circuitId"] != race["circuitId"]:
                others += [c2["name"], c2["fullName"], c2["placeName"]] + list(c2.get("previousNames") or [])
    others += [d["name"] for d in DRV.values()]
    on = [norm(o) for o in others]
    return [s for s in cands if len(s) >= 4 and not any(norm(s) in o for o in on)]


def pacc(pos):
    out = ["P%d" % pos, ordinal(pos)]
    if pos in ORDW:
        out.append(ORDW[pos])
    if pos == 2:
        out.append("runner-up")
    return out


SPRINT_NOTE = "Sprints are not counted."


# --------------------------------------------------------------------------------------------- records
CANDS = []


def cand(group, key):
    def deco(f):
        CANDS.append((group, key, f))
        return f
    return deco


def R(category, question, accept, note, source, accept_all=None, unavailable=False):
    r = {"category": category, "question": question, "accept": uniq(accept)}
    if accept_all:
        r["accept_all"] = uniq(accept_all)
    r["expect_unavailable"] = bool(unavailable)
    r["answer_note"] = note
    r["source"] = source if isinstance(source, list) else [source]
    return r


def ranked_txt(ranked, fmt=dname, k=4):
    return ", ".join("%s %s" % (fmt(a), num(b)) for a, b in ranked[1:k])


CUT = "data cutoff: 2026 Hungarian Grand Prix, round 11, 2026-07-26"
ALL_RR = "seasons/*/races/*/race-results.yml"
ALL_Q = "seasons/*/races/*/qualifying-results.yml"
ALL_G = "seasons/*/races/*/starting-grid-positions.yml"


# ============================================================================================ aggregate
def circuit_races(cid):
    return [r for r in RESULTED if r["circuitId"] == cid]


def circuit_pole_record(cid):
    rs = circuit_races(cid)
    q, g = Counter(), Counter()
    for r in rs:
        if pole_q(r):
            q[pole_q(r)] += 1
        if pole_g(r):
            g[pole_g(r)] += 1
    k, v, ranked = strict_top(q, "poles at %s" % cid)
    kg, vg, _ = strict_top(g, "grid P1 at %s" % cid)
    if (k, v) != (kg, vg):
        raise Drop("poles at %s: qualifying %s %d, grid %s %d" % (cid, k, v, kg, vg))
    return rs, k, v, ranked


def agg_circuit_poles(cid, question, where):
    rs, k, v, ranked = circuit_pole_record(cid)
    note = ("%s: %d poles at %s (qualifying P1; starting-grid P1 gives the same), from %d championship races there "
            "(%d-%d); next: %s. Sprint qualifying is not counted (%s)." % (
                dname(k), v, where, len(rs), rs[0]["year"], rs[-1]["year"], ranked_txt(ranked), CUT))
    return R("circuit_poles", question, dacc(k), note, [ALL_Q, ALL_G, "seasons/*/races/*/race.yml"],
             accept_all=[str(v)] if "how many" in question.lower() else None)


@cand("aggregate", "melbourne_poles")
def _():
    return agg_circuit_poles("melbourne", "Who has taken the most pole positions at Albert Park in Melbourne?",
                             "Albert Park (Melbourne)")


@cand("aggregate", "watkins_glen_poles")
def _():
    return agg_circuit_poles("watkins-glen", "Which driver started from pole the most often at Watkins Glen?",
                             "Watkins Glen")


@cand("aggregate", "jerez_poles")
def _():
    return agg_circuit_poles("jerez", "Most poles ever at Jerez - who, and how many?", "Jerez")


@cand("aggregate", "montreal_poles")
def _():
    return agg_circuit_poles("montreal", "Who holds the record for pole positions at the Circuit Gilles Villeneuve "
                                         "in Montreal?", "Montreal")


def decade_counter(y0, y1, kind):
    c = Counter()
    for r in races_in(y0, y1):
        if kind == "win":
            ids = winners(r)
        elif kind == "podium":
            ids = podium_ids(r)
        elif kind == "pole":
            ids = [pole_q(r)] if pole_q(r) else []
        elif kind == "pole_g":
            ids = [pole_g(r)] if pole_g(r) else []
        elif kind == "fl":
            ids = [fl_id(r)] if fl_id(r) else []
        for d in ids:
            c[d] += 1
    return c


def agg_decade(y0, kind, question, category):
    y1 = y0 + 9
    c = decade_counter(y0, y1, kind)
    k, v, ranked = strict_top(c, "%s %ds" % (kind, y0))
    extra = ""
    if kind == "pole":
        kg, vg, _ = strict_top(decade_counter(y0, y1, "pole_g"))
        if (kg, vg) != (k, v):
            raise Drop("poles %ds: qualifying %s %d, grid %s %d" % (y0, k, v, kg, vg))
        extra = " Starting-grid P1 gives the same count."
    label = {"win": "Grand Prix wins", "podium": "Grand Prix podiums (P1-P3)", "pole": "pole positions "
             "(qualifying P1)", "fl": "fastest laps (fastest-laps.yml P1)"}[kind]
    nrace = len(races_in(y0, y1))
    note = "%s: %d %s in %d-%d (%d championship races); next: %s. %s%s" % (
        dname(k), v, label, y0, y1, nrace, ranked_txt(ranked), SPRINT_NOTE, extra)
    src = {"win": ALL_RR, "podium": ALL_RR, "pole": ALL_Q, "fl": "seasons/*/races/*/fastest-laps.yml"}[kind]
    srcs = [src.replace("seasons/*", "seasons/%d*" % (y0 // 10))] + (
        [ALL_G.replace("seasons/*", "seasons/%d*" % (y0 // 10))] if kind == "pole" else [])
    return R(category, question, dacc(k), note, srcs)


@cand("aggregate", "wins_2000s")
def _():
    return agg_decade(2000, "win", "Who won the most Grands Prix in the 2000s (2000-2009)?", "decade_wins")


@cand("aggregate", "poles_2010s")
def _():
    return agg_decade(2010, "pole", "Which driver took the most pole positions during the 2010s?", "decade_poles")


@cand("aggregate", "podiums_1990s")
def _():
    return agg_decade(1990, "podium", "Who stood on the podium more than anyone else in the 1990s?",
                      "decade_podiums")


@cand("aggregate", "fl_1970s")
def _():
    return agg_decade(1970, "fl", "Who set the most fastest laps in the 1970s?", "decade_fastest_laps")


@cand("aggregate", "engine_wins_1970s")
def _():
    c = Counter()
    rs = races_in(1970, 1979)
    for r in rs:
        for e in {x["engineManufacturerId"] for x in rows_at(r["race"], 1)}:
            c[e] += 1
    k, v, ranked = strict_top(c, "engine wins 1970s")
    note = ("%s engines won %d of the %d championship races of 1970-1979 (one per race, by the winner's "
            "engineManufacturerId); next: %s. %s" % (ename(k), v, len(rs), ranked_txt(ranked, ename),
                                                       SPRINT_NOTE))
    return R("engine_decade_wins", "Which engine manufacturer powered the most race winners in the 1970s?",
             eacc(k), note, ["seasons/197*/races/*/race-results.yml"])


@cand("aggregate", "team_poles_1980s")
def _():
    q, g = Counter(), Counter()
    rs = races_in(1980, 1989)
    for r in rs:
        a, b = rows_at(r["quali"], 1), rows_at(r["grid"], 1)
        if len(a) == 1:
            q[a[0]["constructorId"]] += 1
        if len(b) == 1:
            g[b[0]["constructorId"]] += 1
    k, v, ranked = strict_top(q, "team poles 1980s")
    kg, vg, _ = strict_top(g)
    if (k, v) != (kg, vg):
        raise Drop("team poles 1980s differ")
    note = ("%s: %d pole positions in 1980-1989 (qualifying P1, counted once per race; starting-grid P1 gives the "
            "same); next: %s. Sprint qualifying is not counted." % (cname(k), v, ranked_txt(ranked, cname)))
    return R("team_decade_poles", "Which constructor took the most poles in the 1980s?", cacc(k), note,
             ["seasons/198*/races/*/qualifying-results.yml", "seasons/198*/races/*/starting-grid-positions.yml"])


def team_driver_counter(cid, kind):
    c = Counter()
    for r in RESULTED:
        if kind in ("starts", "entries", "podiums", "wins"):
            for d in {x["driverId"] for x in r["race"] if x["constructorId"] == cid and (
                    (kind == "starts" and is_start(x)) or kind == "entries"
                    or (kind == "podiums" and pint(x) in (1, 2, 3)) or (kind == "wins" and pint(x) == 1))}:
                c[d] += 1
        elif kind in ("poles", "poles_g"):
            q = rows_at(r["quali" if kind == "poles" else "grid"], 1)
            if len(q) == 1 and q[0]["constructorId"] == cid:
                c[q[0]["driverId"]] += 1
    return c


@cand("aggregate", "minardi_starts")
def _():
    c = team_driver_counter("minardi", "starts")
    k, v, ranked = strict_top(c, "minardi starts")
    ke, ve, _ = strict_top(team_driver_counter("minardi", "entries"))
    if ke != k:
        raise Drop("minardi starts leader differs on entries")
    note = ("%s: %d race starts for Minardi (%d entries counting non-starts); next: %s. A start is a race-results "
            "row that is not DNQ/DNPQ/DNS/DNP/EX." % (dname(k), v, ve, ranked_txt(ranked)))
    return R("team_most_starts", "Who made the most starts for Minardi?", dacc(k, scope=set(c)), note, ALL_RR)


@cand("aggregate", "cooper_top_winner")
def _():
    c = team_driver_counter("cooper", "wins")
    k, v, ranked = strict_top(c, "cooper wins")
    note = "%s won %d Grands Prix for Cooper, more than any other driver; next: %s. %s" % (
        dname(k), v, ranked_txt(ranked), SPRINT_NOTE)
    return R("team_top_winner", "Which driver won the most races in a Cooper?", dacc(k), note, ALL_RR)


def team_poles_agg(cid, question):
    c = team_driver_counter(cid, "poles")
    k, v, ranked = strict_top(c, "%s poles" % cid)
    kg, vg, _ = strict_top(team_driver_counter(cid, "poles_g"))
    if (k, v) != (kg, vg):
        raise Drop("%s pole leader differs on grid" % cid)
    note = ("%s: %d pole positions for %s (qualifying P1; starting-grid P1 gives the same); next: %s. Sprint "
            "qualifying is not counted." % (dname(k), v, cname(cid), ranked_txt(ranked)))
    return R("team_top_poles", question, dacc(k), note, [ALL_Q, ALL_G])


@cand("aggregate", "lotus_poles")
def _():
    return team_poles_agg("lotus", "Who put a Lotus on pole more times than anyone else?")


@cand("aggregate", "williams_poles")
def _():
    return team_poles_agg("williams", "Which driver has the most pole positions with Williams?")


@cand("aggregate", "jordan_podiums")
def _():
    c = team_driver_counter("jordan", "podiums")
    k, v, ranked = strict_top(c, "jordan podiums")
    note = "%s: %d podiums (P1-P3) for Jordan; next: %s. %s" % (dname(k), v, ranked_txt(ranked), SPRINT_NOTE)
    return R("team_top_podiums", "Who scored the most podium finishes for the Jordan team?", dacc(k), note, ALL_RR)


@cand("aggregate", "most_dsq")
def _():
    c = Counter()
    for r in RESULTED:
        for d in {x["driverId"] for x in r["race"] if x["position"] == "DSQ"}:
            c[d] += 1
    k, v, ranked = strict_top(c, "DSQ")
    yrs = Counter((r["year"], x["constructorId"]) for r in RESULTED for x in r["race"]
                  if x["driverId"] == k and x["position"] == "DSQ")
    (y, t), n = yrs.most_common(1)[0]
    note = ("%s: %d race disqualifications (race-results position DSQ), %d of them in %d with %s; next: %s." % (
        dname(k), v, n, y, cname(t), ranked_txt(ranked)))
    return R("most_dsq", "which driver has been disqualified from the most grands prix?", dacc(k), note, ALL_RR)


@cand("aggregate", "country_most_drivers")
def _():
    s, e = Counter(), Counter()
    st = {x["driverId"] for r in RESULTED for x in r["race"] if is_start(x)}
    en = {x["driverId"] for r in RESULTED for x in r["race"]}
    for d in st:
        s[DRV[d]["nationalityCountryId"]] += 1
    for d in en:
        e[DRV[d]["nationalityCountryId"]] += 1
    k, v, ranked = strict_top(s, "country starters")
    ke, ve, _ = strict_top(e, "country entrants")
    if ke != k:
        raise Drop("country with most drivers: %s %d on starters, %s %d on entrants" % (k, v, ke, ve))
    return R("country_drivers", "Which country has produced the most F1 drivers?", [CTRY[k]["name"]], "", ALL_RR)


@cand("aggregate", "fl_without_win")
def _():
    w = {d for r in RESULTED for d in winners(r)}
    c = Counter(fl_id(r) for r in RESULTED if fl_id(r) and fl_id(r) not in w)
    k, v, ranked = strict_top(c, "fastest laps without a win")
    return R("fl_no_win", "Who set the most fastest laps without ever winning a race?", dacc(k), "", ALL_RR)


@cand("aggregate", "drivers_runner_up_most")
def _():
    c = Counter(dstand(y)[1]["driverId"] for y in range(1950, 2026))
    k, v, ranked = strict_top(c, "drivers' runner-up")
    return R("runner_up_most", "Who finished runner-up in the drivers' championship the most times?", dacc(k), "",
             "seasons/*/driver-standings.yml")


@cand("aggregate", "circuits_count")
def _():
    cs = sorted({r["circuitId"] for r in RESULTED})
    later = sorted({r["circuitId"] for r in RACES if not r["race"]} - set(cs))
    note = ("%d different circuits have held a world championship race with results (1950 to the 2026 Hungarian GP)"
            "; %s is on the 2026 calendar but has no race result yet (%s)." % (
                len(cs), ", ".join(CIR[c]["name"] for c in later) or "no new circuit", CUT))
    return R("circuit_count", "How many different circuits have hosted a World Championship Grand Prix?",
             [str(len(cs))], note, "seasons/*/races/*/race.yml")


@cand("aggregate", "interlagos_races")
def _():
    rs = circuit_races("interlagos")
    gps = Counter(GPS[r["grandPrixId"]]["shortName"] for r in rs)
    note = ("%d championship races have been held at Interlagos (José Carlos Pace), %d-%d: %s (%s)." % (
        len(rs), rs[0]["year"], rs[-1]["year"], ", ".join("%s %d" % kv for kv in sorted(gps.items())), CUT))
    return R("circuit_race_count", "How many world championship races has Interlagos hosted?", [str(len(rs))], note,
             "seasons/*/races/*/race.yml")


@cand("aggregate", "sprint_points")
def _():
    c = Counter()
    n = 0
    for r in RESULTED:
        if r["sprint"]:
            n += 1
            for x in r["sprint"]:
                c[x["driverId"]] += x["points"] or 0
    k, v, ranked = strict_top(c, "sprint points")
    note = ("%s: %s points from sprint races (sum of sprint-race-results points over all %d sprints, 2021 to the "
            "2026 Hungarian GP cutoff); next: %s." % (dname(k), num(v), n, ranked_txt(ranked)))
    return R("sprint_points", "Who has scored the most points in sprint races overall?", dacc(k), note,
             "seasons/*/races/*/sprint-race-results.yml")


@cand("aggregate", "dotd_2023")
def _():
    rs = season_races(2023)
    c = Counter(dotd_id(r) for r in rs if dotd_id(r))
    k, v, ranked = strict_top(c, "dotd 2023")
    note = "%s was voted Driver of the Day %d times in 2023 (P1 of driver-of-the-day-results, %d races); next: %s." % (
        dname(k), v, len(rs), ranked_txt(ranked))
    return R("season_dotd", "Who won Driver of the Day the most times in the 2023 season?",
             dacc(k, season_field(2023)), note, "seasons/2023/races/*/driver-of-the-day-results.yml")


@cand("aggregate", "pole_rate")
def _():
    st = Counter(d for r in RESULTED for d in starters(r))
    elig = [d for d in st if st[d] >= 20]
    rq = {d: len(poles(d)) / st[d] for d in elig}
    rg = {d: len(poles(d, True)) / st[d] for d in elig}
    k, v, ranked = strict_top(rq, "pole rate")
    kg, _vg, _ = strict_top(rg)
    if kg != k:
        raise Drop("pole rate leader differs on grid")
    nxt = ", ".join("%s %.1f %%" % (dname(a), 100 * b) for a, b in ranked[1:3])
    note = ("%s: %d poles from %d starts (%.1f %%), the best pole rate among drivers with at least 20 starts "
            "(qualifying P1; starting-grid P1 gives the same leader); next: %s." % (
                dname(k), len(poles(k)), st[k], 100 * v, nxt))
    return R("pole_rate", "Among drivers with 20+ starts, who has the best pole position percentage?", dacc(k), note,
             [ALL_Q, ALL_G, ALL_RR])


@cand("aggregate", "youngest_points")
def _():
    best = {}
    for r in RESULTED:
        for x in r["race"]:
            if (x["points"] or 0) > 0:
                a = age_on(x["driverId"], race_date(r))
                if x["driverId"] not in best or a < best[x["driverId"]][0]:
                    best[x["driverId"]] = (a, r)
    ranked = sorted(best.items(), key=lambda kv: kv[1][0])
    if ranked[0][1][0] == ranked[1][1][0]:
        raise Drop("youngest points tie")
    k, (a, r) = ranked[0]
    (a2, r2) = ranked[1][1]
    note = ("%s was %d years %d days old when he scored points at the %s; next youngest: %s (%d years %d days, %s). "
            "Grand Prix points only." % (dname(k), a[0], a[1], rlabel(r), dname(ranked[1][0]), a2[0], a2[1],
                                         rlabel(r2)))
    return R("youngest_points", "who is the youngest driver ever to score a championship point in a grand prix?",
             dacc(k), note, [ALL_RR, "drivers/*.yml"])


def distinct_winners(year):
    rs = season_races(year)
    return rs, sorted({d for r in rs for d in winners(r)})


@cand("aggregate", "winners_1968")
def _():
    rs, w = distinct_winners(1968)
    note = "%d different drivers won the %d races of 1968: %s. %s" % (
        len(w), len(rs), ", ".join(dname(d) for d in w), SPRINT_NOTE)
    return R("distinct_winners", "How many different drivers won a Grand Prix in 1968?", [str(len(w))], note,
             "seasons/1968/races/*/race-results.yml")


@cand("aggregate", "polesitters_2017")
def _():
    rs = season_races(2017)
    q = sorted({pole_q(r) for r in rs})
    g = sorted({pole_g(r) for r in rs})
    if q != g or None in q:
        raise Drop("2017 pole sitters differ")
    note = ("%d different drivers took pole in 2017 (%d races): %s (qualifying P1; the starting grid gives the same "
            "set; there were no sprints that season)." % (len(q), len(rs), ", ".join(dname(d) for d in q)))
    assert not any(r["sprint"] for r in rs)
    return R("distinct_pole_sitters", "How many different pole sitters were there in the 2017 season?",
             [str(len(q))], note, ["seasons/2017/races/*/qualifying-results.yml",
                                   "seasons/2017/races/*/starting-grid-positions.yml"])


@cand("aggregate", "constructors_runner_up")
def _():
    c = Counter(cstand(y)[1]["constructorId"] for y in range(1958, 2026))
    k, v, ranked = strict_top(c, "constructors' runner-up")
    note = ("%s finished second in the constructors' championship %d times (1958-2025); next: %s." % (
        cname(k), v, ranked_txt(ranked, cname)))
    return R("constructors_runner_up_most", "Which team has been runner-up in the constructors' championship the "
             "most times?", cacc(k), note, "seasons/*/constructor-standings.yml")


@cand("aggregate", "most_p4")
def _():
    c = Counter()
    for r in RESULTED:
        for d in {x["driverId"] for x in rows_at(r["race"], 4)}:
            c[d] += 1
    k, v, ranked = strict_top(c, "P4")
    note = "%s has finished fourth in %d Grands Prix, more than anyone; next: %s (%s)." % (
        dname(k), v, ranked_txt(ranked), CUT)
    return R("most_p4", "Who has the most fourth-place finishes in F1 history - just off the podium?", dacc(k), note,
             ALL_RR)


@cand("aggregate", "points_finishes")
def _():
    c = Counter()
    for r in RESULTED:
        for d in {x["driverId"] for x in r["race"] if (x["points"] or 0) > 0}:
            c[d] += 1
    k, v, ranked = strict_top(c, "points finishes")
    note = ("%s has scored points in %d Grands Prix (race-results points > 0; sprints not counted); next: %s (%s)."
            % (dname(k), v, ranked_txt(ranked), CUT))
    return R("points_finishes", "Which driver has the most points-scoring finishes in Grands Prix?", dacc(k), note,
             ALL_RR)


@cand("aggregate", "renault_engine_wins")
def _():
    c = Counter()
    for r in RESULTED:
        for d in {x["driverId"] for x in rows_at(r["race"], 1) if x["engineManufacturerId"] == "renault"}:
            c[d] += 1
    k, v, ranked = strict_top(c, "renault engine wins")
    note = ("%s won %d Grands Prix with Renault engines (winner's engineManufacturerId renault; the TAG Heuer-badged "
            "units of 2016-2018 are a separate maker in f1db); next: %s. %s" % (
                dname(k), v, ranked_txt(ranked), SPRINT_NOTE))
    return R("engine_driver_wins", "Which driver won the most races with Renault power?", dacc(k), note, ALL_RR)


@cand("aggregate", "reims_poles")
def _():
    return agg_circuit_poles("reims", "Who took the most poles at Reims?", "Reims")


# ============================================================================================ colloquial
def last_race():
    return RESULTED[-1]


def career_count_rec(category, question, did, kind, extra_note=""):
    if kind == "wins":
        n, what = len(gp_wins(did)), "Grand Prix wins"
    elif kind == "podiums":
        n, what = len(gp_podiums(did)), "Grand Prix podiums (P1-P3)"
    elif kind == "poles":
        n, ng = len(poles(did)), len(poles(did, True))
        if n != ng:
            raise Drop("%s poles: qualifying P1 %d, grid P1 %d" % (did, n, ng))
        what = "pole positions (qualifying P1; starting-grid P1 gives the same)"
    elif kind == "starts":
        n, what = len(driver_starts(did)), "race starts (%d entries including non-starts)" % len(
            driver_entries(did))
    note = "%s: %d %s in %d starts%s. %s (%s)" % (
        dname(did), n, what, len(driver_starts(did)), extra_note, SPRINT_NOTE, CUT)
    if kind == "starts":
        note = "%s: %d %s. (%s)" % (dname(did), n, what, CUT)
    src = {"poles": [ALL_Q, ALL_G]}.get(kind, [ALL_RR])
    return R(category, question, [str(n)], note, src)


@cand("colloquial", "dotd_last_race")
def _():
    r = last_race()
    d = dotd_id(r)
    row = rows_at(r["dotd"], 1)[0]
    p2 = rows_at(r["dotd"], 2)[0]
    note = ("The last race with results is the %s. Driver of the Day: %s (%s %%), ahead of %s (%s %%)." % (
        rlabel(r), dname(d), row["percentage"], dname(p2["driverId"]), p2["percentage"]))
    return R("relative_time", "who got driver of the day at the last race lol", dacc(d, race_field(r)), note,
             rpath(r, "driver-of-the-day-results.yml"))


@cand("colloquial", "wdc_p3_now")
def _():
    st = dstand(2026)
    row = one_at(st, 3, "2026 standings")
    note = ("2026 drivers' standings after round 11 (the 2026 Hungarian GP, the last race with results): P1 %s %s, "
            "P2 %s %s, P3 %s %s, P4 %s %s. Points include sprints." % tuple(
                v for i in range(4) for v in (dname(st[i]["driverId"]), num(st[i]["points"]))))
    return R("relative_time", "whos p3 in the wdc rn??", dacc(row["driverId"], season_field(2026)), note,
             "seasons/2026/driver-standings.yml")


@cand("colloquial", "wcc_p3_last_year")
def _():
    st = cstand(2025)
    row = one_at(st, 3, "2025 constructors")
    note = "2025 constructors' championship (last season): P1 %s %s, P2 %s %s, P3 %s %s, P4 %s %s." % tuple(
        v for i in range(4) for v in (cname(st[i]["constructorId"]), num(st[i]["points"])))
    return R("relative_time", "wcc last yr, who finished 3rd?", cacc(row["constructorId"]), note,
             "seasons/2025/constructor-standings.yml")


@cand("colloquial", "bear_wins")
def _():
    return career_count_rec("nickname", "how many gp wins did the bear get? (hulme)", "denny-hulme", "wins")


@cand("colloquial", "mr_saturday_poles")
def _():
    return career_count_rec("nickname", "mr saturday pole count??", "george-russell", "poles")


@cand("colloquial", "predestinato_podiums")
def _():
    return career_count_rec("nickname", "how many podiums has il predestinato got in total", "charles-leclerc",
                            "podiums")


@cand("colloquial", "hunt_shunt_poles")
def _():
    return career_count_rec("nickname", "how many poles did hunt the shunt take in his career",
                            "james-hunt", "poles")


@cand("colloquial", "irv_wins")
def _():
    return career_count_rec("nickname", "irv the swerve won how many races in f1", "eddie-irvine", "wins")


@cand("colloquial", "maestro_seasons")
def _():
    ys = sorted({r["year"] for r in driver_starts("juan-manuel-fangio")})
    missing = [y for y in range(ys[0], ys[-1] + 1) if y not in ys]
    note = ("Juan Manuel Fangio started races in %d seasons: %s (none in %s). A season counts when he started at "
            "least one championship race." % (len(ys), ", ".join(map(str, ys)), ", ".join(map(str, missing))))
    return R("nickname", "the maestro raced how many seasons in f1?", [str(len(ys))], note, ALL_RR)


def winner_rec(category, question, year, gp, extra=""):
    r = find_race(year, gp)
    w = winners(r)
    if len(w) != 1:
        raise Drop("shared win")
    p2 = one_at(r["race"], 2)["driverId"]
    note = "%s won the %s; P2 %s.%s" % (dname(w[0]), rlabel(r), dname(p2), extra)
    return R(category, question, dacc(w[0], race_field(r)), note, rpath(r))


@cand("colloquial", "imola_2005")
def _():
    return winner_rec("typo", "who won at imolla in 2005", 2005, "san-marino")


@cand("colloquial", "sepang_2013_pole")
def _():
    r = find_race(2013, "malaysia")
    q, g = pole_q(r), pole_g(r)
    if q != g:
        raise Drop("sepang 2013 pole differs")
    note = "Pole (qualifying P1) at the %s: %s; the starting grid has him P1 too. Winner: %s." % (
        rlabel(r), dname(q), dname(winners(r)[0]))
    return R("abbreviation", "sepang 2013 quali p1?", dacc(q, race_field(r)), note,
             [rpath(r, "qualifying-results.yml"), rpath(r, "starting-grid-positions.yml")])


@cand("colloquial", "tsunoda_2025_points")
def _():
    row = dstand_row(2025, "yuki-tsunoda")
    note = "Yuki Tsunoda scored %s points in 2025 (last season), P%d in the drivers' standings (sprints included)." % (
        num(row["points"]), row["position"])
    return R("typo", "how many pts did tsunda score last season", [num(row["points"])], note,
             "seasons/2025/driver-standings.yml")


@cand("colloquial", "ricciardo_last_win")
def _():
    w = gp_wins("daniel-ricciardo")
    r = w[-1]
    note = "Daniel Ricciardo's last (and %s) Grand Prix win: the %s at %s, his %d wins in all." % (
        ordinal(len(w)), rlabel(r), CIR[r["circuitId"]]["name"], len(w))
    note = "Daniel Ricciardo's most recent Grand Prix win (win %d of %d) was the %s, at %s." % (
        len(w), len(w), rlabel(r), CIR[r["circuitId"]]["name"])
    return R("typo", "where was ricardo's last win? danny ric i mean", vacc(r), note, rpath(r),
             accept_all=[str(r["year"])])


@cand("colloquial", "grosjean_2020_dnfs")
def _():
    rows = driver_rows_in("romain-grosjean", season_races(2020))
    dnf = [r for r, x in rows if x["position"] == "DNF"]
    note = ("Romain Grosjean had %d DNFs in 2020 (race-results position DNF): %s. He entered %d of the %d races." % (
        len(dnf), "; ".join(rlabel(r) for r in dnf), len(rows), len(season_races(2020))))
    return R("abbreviation", "how many dnfs did grojean have in 2020", [str(len(dnf))], note,
             "seasons/2020/races/*/race-results.yml")


@cand("colloquial", "mick_best")
def _():
    rows = driver_rows_in("mick-schumacher", RESULTED)
    best = min(pint(x) for r, x in rows if pint(x))
    at = [r for r, x in rows if pint(x) == best]
    note = "Mick Schumacher's best Grand Prix finish is P%d (%s), from %d starts." % (
        best, "; ".join(rlabel(r) for r in at), len(driver_starts("mick-schumacher")))
    return R("nickname", "whats micks best ever finish in f1", pacc(best), note, ALL_RR)


@cand("colloquial", "kubica_podiums")
def _():
    return career_count_rec("typo", "how many podiums did kubicaa get", "robert-kubica", "podiums")


@cand("colloquial", "istanbul_2010")
def _():
    return winner_rec("typo", "who won in istambul in 2010?", 2010, "turkey")


@cand("colloquial", "vegas_2024")
def _():
    return winner_rec("relative_time", "2 seasons ago who won in vegas", 2024, "las-vegas",
                      " (Two seasons before 2026 = 2024.)")


@cand("colloquial", "alonso_aston_starts")
def _():
    rows = [(r, x) for r, x in driver_rows_in("fernando-alonso", RESULTED) if x["constructorId"] == "aston-martin"]
    st = [r for r, x in rows if is_start(x)]
    note = ("Fernando Alonso has started %d Grands Prix for Aston Martin (%d to %d; %d entries), as of the %s." % (
        len(st), st[0]["year"], st[-1]["year"], len(rows), CUT))
    return R("typo", "how many gps has fernado done with aston", [str(len(st))], note, ALL_RR)


@cand("colloquial", "pole_last_race")
def _():
    r = last_race()
    q, g = pole_q(r), pole_g(r)
    if q != g:
        raise Drop("last race pole differs")
    p2 = one_at(r["quali"], 2)["driverId"]
    note = ("Pole (Grand Prix qualifying P1) at the last race, the %s: %s, ahead of %s; the grid has him P1 as "
            "well.%s" % (rlabel(r), dname(q), dname(p2), " Sprint qualifying is not counted." if r["sprint"] else
                         " It was not a sprint weekend."))
    return R("relative_time", "quali p1 at the last race?", dacc(q, race_field(r)), note,
             [rpath(r, "qualifying-results.yml"), rpath(r, "starting-grid-positions.yml")])


@cand("colloquial", "lole_first_win")
def _():
    w = gp_wins("carlos-reutemann")
    r = w[0]
    note = "Carlos Reutemann ('Lole') won for the first time at the %s; %d wins in all." % (rlabel(r), len(w))
    return R("nickname", "where did lole get his first win", vacc(r), note, rpath(r), accept_all=[str(r["year"])])


@cand("colloquial", "laps_last_race")
def _():
    r = last_race()
    w = one_at(r["race"], 1)
    if w["laps"] != r["laps"]:
        raise Drop("laps differ")
    note = "The last race, the %s, was scheduled and run over %d laps (%s km); %s won it." % (
        rlabel(r), r["laps"], r["distance"], dname(w["driverId"]))
    return R("relative_time", "how many laps was the last gp", [str(r["laps"])], note,
             [rpath(r, "race.yml"), rpath(r)])


@cand("colloquial", "norris_podiums_2026")
def _():
    p = season_podiums("lando-norris", 2026)
    note = "Lando Norris has %d Grand Prix podiums in 2026 so far (rounds 1-11): %s. %s" % (
        len(p), "; ".join("%s P%d" % (rlabel(r), pint([x for x in r["race"] if x["driverId"] == "lando-norris"][0]))
                          for r in p), SPRINT_NOTE)
    return R("relative_time", "lando podiums this season how many", [str(len(p))], note,
             "seasons/2026/races/*/race-results.yml")


@cand("colloquial", "hadjar_points_2026")
def _():
    row = dstand_row(2026, "isack-hadjar")
    note = ("Isack Hadjar has %s points in 2026 after round 11 (the 2026 Hungarian GP), P%d in the standings "
            "(sprints included)." % (num(row["points"]), row["position"]))
    return R("relative_time", "how many points has hadjar got this yr", [num(row["points"])], note,
             "seasons/2026/driver-standings.yml")


@cand("colloquial", "kovalainen_podiums")
def _():
    return career_count_rec("typo", "kovalinen podiums total?", "heikki-kovalainen", "podiums")


@cand("colloquial", "fisichella_poles")
def _():
    return career_count_rec("typo", "fisichela pole count in his career", "giancarlo-fisichella", "poles")


@cand("colloquial", "big_john_podiums")
def _():
    return career_count_rec("nickname", "big john surtees - how many podiums did he get in f1?", "john-surtees",
                            "podiums")


@cand("colloquial", "mr_monaco_starts")
def _():
    return career_count_rec("nickname", "how many races did mr monaco start (graham hill)", "graham-hill", "starts")


@cand("colloquial", "hhf_poles")
def _():
    return career_count_rec("abbreviation", "hhf poles in his career?", "heinz-harald-frentzen", "poles")


# ============================================================================================ relational
def teammate_rec(question, did, year):
    team, k, v, n, ranked = teammate(did, year)
    rest = ranked[1:]
    note = ("%s drove for %s in %d (%d starts). His team-mate: %s, who started %d of those %d races%s." % (
        dname(did), cname(team), year, n, dname(k), v, n,
        "" if not rest else "; others: " + ", ".join("%s %d" % (dname(a), b) for a, b in rest)))
    return R("teammate", question, dacc(k, season_field(year)), note, "seasons/%d/races/*/race-results.yml" % year)


@cand("relational", "tm_senna_1987")
def _():
    return teammate_rec("Who was Ayrton Senna's team-mate at Lotus in 1987?", "ayrton-senna", 1987)


@cand("relational", "tm_andretti_1978")
def _():
    return teammate_rec("Who partnered Mario Andretti at Lotus in 1978?", "mario-andretti", 1978)


@cand("relational", "tm_prost_1993")
def _():
    assert max(r["year"] for r in driver_starts("alain-prost")) == 1993, "premise: Prost's final season"
    return teammate_rec("Who was Alain Prost's team-mate in his final season, 1993?", "alain-prost", 1993)


@cand("relational", "tm_schumacher_1996")
def _():
    assert min(r["year"] for r, x in driver_rows_in("michael-schumacher", RESULTED)
               if x["constructorId"] == "ferrari") == 1996, "premise: first Ferrari year"
    return teammate_rec("Who was Michael Schumacher's team-mate in his first year at Ferrari (1996)?",
                        "michael-schumacher", 1996)


@cand("relational", "tm_rindt_1970")
def _():
    return teammate_rec("Who was Jochen Rindt's team-mate in 1970?", "jochen-rindt", 1970)


@cand("relational", "tm_sainz_2015")
def _():
    assert driver_entries("carlos-sainz-jr")[0]["year"] == 2015, "premise: Sainz rookie 2015"
    return teammate_rec("Carlos Sainz's team-mate in his rookie season 2015?", "carlos-sainz-jr", 2015)


@cand("relational", "tm_ocon_2017")
def _():
    return teammate_rec("Who was Esteban Ocon paired with at Force India in 2017?", "esteban-ocon", 2017)


@cand("relational", "tm_alesi_1991")
def _():
    return teammate_rec("Who was Jean Alesi's team-mate at Ferrari in 1991?", "jean-alesi", 1991)


def engine_rec(question, cid, year):
    e, n = team_engine(cid, year)
    note = ("%s raced with %s engines in %d: all %d race-results and qualifying rows of the team that season list "
            "%s, and entrants.yml lists no other engine." % (cname(cid), ename(e), year, n, ename(e)))
    acc = eacc(e) + (["Mugen Honda", "Mugen"] if e == "mugen-honda" else [])
    return R("engine", question, acc, note, ["seasons/%d/races/*/race-results.yml" % year,
                                             "seasons/%d/entrants.yml" % year])


@cand("relational", "eng_footwork_1991")
def _():
    return engine_rec("Which engines did Footwork use in 1991?", "footwork", 1991)


@cand("relational", "eng_prost_2001")
def _():
    return engine_rec("What engine was in the back of the Prost cars in 2001?", "prost", 2001)


@cand("relational", "eng_mclaren_1993")
def _():
    return engine_rec("Who supplied McLaren's engines in 1993?", "mclaren", 1993)


@cand("relational", "eng_lotus_1994")
def _():
    return engine_rec("Lotus in 1994 - whose engines were they running?", "lotus", 1994)


@cand("relational", "eng_red_bull_2006")
def _():
    return engine_rec("Which manufacturer powered Red Bull in 2006?", "red-bull", 2006)


def lineup_rec(question, cid, year):
    ds = lineup(cid, year)
    n = Counter(x["driverId"] for r in season_races(year) for x in r["race"] if x["constructorId"] == cid)
    note = "%s's %d drivers: %s. Both names are required." % (
        cname(cid), year, " and ".join("%s (%d entries)" % (dname(d), n[d]) for d in ds))
    scope = season_field(year)
    acc = [a for d in ds for a in dacc(d, scope)]
    return R("lineup", question, acc, note, "seasons/%d/races/*/race-results.yml" % year,
             accept_all=[dkey(d, scope) for d in ds])


@cand("relational", "lineup_haas_2016")
def _():
    assert team_first_race("haas")["year"] == 2016, "premise: Haas debut 2016"
    return lineup_rec("Who drove for Haas in their debut season, 2016?", "haas", 2016)


@cand("relational", "lineup_toyota_2002")
def _():
    return lineup_rec("Who were Toyota's two race drivers in 2002?", "toyota", 2002)


def position_rec(category, question, year, gp, pos, extra=""):
    r = find_race(year, gp)
    row = one_at(r["race"], pos)
    d = row["driverId"]
    around = [(p, one_at(r["race"], p)["driverId"]) for p in range(max(1, pos - 1), pos + 2)]
    note = "%s: %s. %s%s" % (rlabel(r), ", ".join("P%d %s" % (p, dname(x)) for p, x in around),
                             "The answer is P%d, %s." % (pos, dname(d)), extra)
    return R(category, question, dacc(d, race_field(r)), note, rpath(r))


def relative_rec(category, question, year, gp, ref, delta):
    r = find_race(year, gp)
    rows = [x for x in r["race"] if x["driverId"] == ref]
    if len(rows) != 1 or not pint(rows[0]):
        raise Drop("%s has no single classified row" % ref)
    p = pint(rows[0]) + delta
    row = one_at(r["race"], p)
    note = "%s: %s finished P%d; P%d was %s (%s)." % (rlabel(r), dname(ref), pint(rows[0]), p,
                                                      dname(row["driverId"]), cname(row["constructorId"]))
    return R(category, question, dacc(row["driverId"], race_field(r)), note, rpath(r))


@cand("relational", "p2_monza_1961")
def _():
    r = find_race(1961, "italy")
    assert winners(r) == ["phil-hill"] and r["circuitId"] == "monza", "premise: Phil Hill won at Monza 1961"
    return position_rec("second_place", "Who finished second to Phil Hill at Monza in 1961?", 1961, "italy", 2)


@cand("relational", "behind_senna_suzuka_1988")
def _():
    assert find_race(1988, "japan")["circuitId"] == "suzuka"
    return relative_rec("right_behind", "Who crossed the line right behind Senna at Suzuka in 1988?", 1988, "japan",
                        "ayrton-senna", 1)


@cand("relational", "behind_hamilton_turkey_2020")
def _():
    return relative_rec("right_behind", "Who came home right behind Lewis Hamilton at the 2020 Turkish Grand Prix?",
                        2020, "turkey", "lewis-hamilton", 1)


@cand("relational", "p4_hungary_2006")
def _():
    return position_rec("fourth_place", "Who just missed the podium (4th) at the 2006 Hungarian GP?", 2006,
                        "hungary", 4)


@cand("relational", "ahead_verstappen_brazil_2016")
def _():
    assert find_race(2016, "brazil")["circuitId"] == "interlagos"
    return relative_rec("right_ahead", "At Interlagos in 2016, who finished directly ahead of Max Verstappen?",
                        2016, "brazil", "max-verstappen", -1)


@cand("relational", "runner_up_1973")
def _():
    st = dstand(1973)
    row = one_at(st, 2, "1973 standings")
    assert one_at(st, 1)["driverId"] == "jackie-stewart", "premise: Stewart 1973 champion"
    note = "1973 drivers' championship: P1 %s %s, P2 %s %s, P3 %s %s." % tuple(
        v for i in range(3) for v in (dname(st[i]["driverId"]), num(st[i]["points"])))
    return R("drivers_runner_up", "Who was runner-up to Jackie Stewart in the 1973 drivers' championship?",
             dacc(row["driverId"], season_field(1973)), note, "seasons/1973/driver-standings.yml")


@cand("relational", "c_runner_up_1985")
def _():
    st = cstand(1985)
    row = one_at(st, 2, "1985 constructors")
    note = "1985 constructors' championship: P1 %s %s, P2 %s %s, P3 %s %s." % tuple(
        v for i in range(3) for v in (cname(st[i]["constructorId"]), num(st[i]["points"])))
    return R("constructors_runner_up", "Which team finished second in the 1985 constructors' championship?",
             cacc(row["constructorId"]), note, "seasons/1985/constructor-standings.yml")


@cand("relational", "team_mansell_1984")
def _():
    c = Counter(x["constructorId"] for r, x in driver_rows_in("nigel-mansell", season_races(1984)))
    if len(c) != 1:
        raise Drop("mansell 1984 teams")
    t = next(iter(c))
    note = "Nigel Mansell drove for %s in 1984: all %d of his race-results rows that season are %s entries." % (
        cname(t), c[t], cname(t))
    return R("driver_team", "What team did Nigel Mansell drive for in 1984?", cacc(t), note,
             "seasons/1984/races/*/race-results.yml")


@cand("relational", "eng_sauber_1997")
def _():
    return engine_rec("What engine did Sauber use in 1997?", "sauber", 1997)


@cand("relational", "tm_peterson_1973")
def _():
    return teammate_rec("Who was Ronnie Peterson's team-mate in 1973?", "ronnie-peterson", 1973)


@cand("relational", "tm_mansell_1989")
def _():
    return teammate_rec("Who was Nigel Mansell's team-mate at Ferrari in 1989?", "nigel-mansell", 1989)


# ============================================================================================ career_history
def win_venue_rec(question, did, which):
    w = gp_wins(did)
    r = w[0] if which == "first" else w[-1]
    if len(winners(r)) != 1:
        raise Drop("shared win")
    if which == "first":
        note = "%s's first Grand Prix win: the %s, with %s (win 1 of %d). %s" % (
            dname(did), rlabel(r), cname(one_at(r["race"], 1)["constructorId"]), len(w), SPRINT_NOTE)
    else:
        note = "%s's last Grand Prix win: the %s, with %s (win %d of %d)%s. %s" % (
            dname(did), rlabel(r), cname(one_at(r["race"], 1)["constructorId"]), len(w), len(w),
            "" if DRV[did].get("dateOfDeath") or max(x["year"] for x in driver_starts(did)) < 2026
            else ", as of the " + CUT, SPRINT_NOTE)
    return R("%s_win" % which, question, vacc(r), note, rpath(r), accept_all=[str(r["year"])])


@cand("career_history", "first_win_ralf")
def _():
    return win_venue_rec("Where and when did Ralf Schumacher win his first Grand Prix?", "ralf-schumacher", "first")


@cand("career_history", "first_win_berger")
def _():
    return win_venue_rec("Which race gave Gerhard Berger his maiden F1 victory?", "gerhard-berger", "first")


@cand("career_history", "first_win_jv")
def _():
    return win_venue_rec("Jacques Villeneuve's first win - which Grand Prix was it?", "jacques-villeneuve", "first")


@cand("career_history", "last_win_piquet")
def _():
    return win_venue_rec("What was Nelson Piquet's final Grand Prix victory?", "nelson-piquet", "last")


@cand("career_history", "last_win_lauda")
def _():
    return win_venue_rec("Where did Niki Lauda take the last win of his career?", "niki-lauda", "last")


@cand("career_history", "last_win_verstappen")
def _():
    return win_venue_rec("When was the last time Max Verstappen won a Grand Prix?", "max-verstappen", "last")


def debut_team_rec(question, did):
    e = driver_entries(did)[0]
    s = driver_starts(did)[0]
    te = {x["constructorId"] for x in e["race"] if x["driverId"] == did}
    ts = {x["constructorId"] for x in s["race"] if x["driverId"] == did}
    if len(te) != 1 or te != ts:
        raise Drop("debut team ambiguous for %s: entry %s, start %s" % (did, te, ts))
    t = next(iter(te))
    extra = "" if e is s else " (his first entry, the %s, was a non-start)" % rlabel(e)
    note = "%s made his first start for %s at the %s%s." % (dname(did), cname(t), rlabel(s), extra)
    return R("debut_team", question, cacc(t), note, [rpath(s), rpath(e)] if e is not s else rpath(s))


@cand("career_history", "debut_team_damon")
def _():
    return debut_team_rec("Which team did Damon Hill make his F1 debut with?", "damon-hill")


@cand("career_history", "debut_race_brabham")
def _():
    s = driver_starts("jack-brabham")[0]
    e = driver_entries("jack-brabham")[0]
    if s is not e:
        raise Drop("brabham first entry is a non-start")
    t = [x for x in s["race"] if x["driverId"] == "jack-brabham"][0]["constructorId"]
    note = "Jack Brabham's first championship race: the %s, driving a %s." % (rlabel(s), cname(t))
    return R("debut_race", "In which race did Jack Brabham make his world championship debut?", vacc(s), note,
             rpath(s), accept_all=[str(s["year"])])


@cand("career_history", "first_podium_albon")
def _():
    p = gp_podiums("alexander-albon")
    r = p[0]
    pos = pint([x for x in r["race"] if x["driverId"] == "alexander-albon"][0])
    note = "Alex Albon's first Grand Prix podium: P%d at the %s (%d podiums in all). %s" % (
        pos, rlabel(r), len(p), SPRINT_NOTE)
    return R("first_podium", "Where did Alex Albon score his first F1 podium?", vacc(r), note, rpath(r),
             accept_all=[str(r["year"])])


def team_last_win_rec(question, cid):
    w = team_wins(cid)
    r = w[-1]
    d = one_at(r["race"], 1)["driverId"]
    note = "%s's last Grand Prix win: %s at the %s (team win %d of %d). %s" % (
        cname(cid), dname(d), rlabel(r), len(w), len(w), SPRINT_NOTE)
    return R("team_last_win", question, dacc(d, race_field(r)), note, rpath(r), accept_all=[str(r["year"])])


@cand("career_history", "lotus_last_win")
def _():
    return team_last_win_rec("Who gave Team Lotus its last Grand Prix win, and in what year?", "lotus")


@cand("career_history", "mercedes_first_pole")
def _():
    q = [r for r in RESULTED if (lambda a: len(a) == 1 and a[0]["constructorId"] == "mercedes")(rows_at(r["quali"], 1))]
    g = [r for r in RESULTED if (lambda a: len(a) == 1 and a[0]["constructorId"] == "mercedes")(rows_at(r["grid"], 1))]
    r = q[0]
    if g[0] is not r or pole_q(r) != pole_g(r):
        raise Drop("mercedes first pole differs on grid")
    d = pole_q(r)
    early = sorted({x["year"] for x in RESULTED if x["year"] < 2000 and any(
        y["constructorId"] == "mercedes" for y in x["race"])})
    modern = [x for x in q if x["year"] > early[-1]][0]
    note = ("Mercedes' first pole position: %s at the %s (qualifying P1; the starting grid agrees; sprint "
            "qualifying is not counted). f1db files the %d-%d team and the modern works team under the same "
            "constructor; the first pole of the modern era came at the %s (%s)." % (
                dname(d), rlabel(r), early[0], early[-1], rlabel(modern), dname(pole_q(modern))))
    return R("team_first_pole", "Who took Mercedes' first ever pole position, and when?",
             dacc(d, race_field(r)), note, [rpath(r, "qualifying-results.yml"),
                                            rpath(r, "starting-grid-positions.yml")],
             accept_all=[str(r["year"])])


@cand("career_history", "sauber_first_podium")
def _():
    rs = [r for r in RESULTED if any(x["constructorId"] == "sauber" and pint(x) in (1, 2, 3) for x in r["race"])]
    r = rs[0]
    rows = [x for x in r["race"] if x["constructorId"] == "sauber" and pint(x) in (1, 2, 3)]
    if len(rows) != 1:
        raise Drop("two sauber podium rows")
    d = rows[0]["driverId"]
    note = "Sauber's first podium: %s, P%d at the %s." % (dname(d), pint(rows[0]), rlabel(r))
    return R("team_first_podium", "Who scored Sauber's first ever podium, and in which year?",
             dacc(d, race_field(r)), note, rpath(r), accept_all=[str(r["year"])])


@cand("career_history", "patrese_debut_year")
def _():
    s = driver_starts("riccardo-patrese")[0]
    note = "Riccardo Patrese made his debut at the %s." % rlabel(s)
    return R("debut_year", "What year did Riccardo Patrese debut in F1?", [str(s["year"])], note, rpath(s))


@cand("career_history", "kimi_seasons")
def _():
    ys = sorted({r["year"] for r in driver_starts("kimi-raikkonen")})
    runs = []
    for y in ys:
        if runs and runs[-1][1] == y - 1:
            runs[-1][1] = y
        else:
            runs.append([y, y])
    gaps = [y for y in range(ys[0], ys[-1] + 1) if y not in ys]
    note = ("Kimi Räikkönen started races in %d seasons: %s (none in %s). A season counts when he started at least "
            "one race." % (len(ys), " and ".join("%d-%d" % tuple(x) for x in runs), ", ".join(map(str, gaps))))
    return R("seasons_count", "How many seasons did Kimi Räikkönen race in Formula 1?", [str(len(ys))], note, ALL_RR)


@cand("career_history", "hamilton_teams")
def _():
    rows = driver_rows_in("lewis-hamilton", RESULTED)
    ts = []
    for r, x in rows:
        if x["constructorId"] not in ts:
            ts.append(x["constructorId"])
    yrs = {t: sorted({r["year"] for r, x in rows if x["constructorId"] == t}) for t in ts}
    note = "Lewis Hamilton has raced for %d teams: %s (as of the %s)." % (
        len(ts), ", ".join("%s (%d-%d)" % (cname(t), yrs[t][0], yrs[t][-1]) for t in ts), CUT)
    return R("teams_driven_for", "Which teams has Lewis Hamilton driven for in F1?", [cname(t) for t in ts], note,
             ALL_RR, accept_all=[cname(t) for t in ts])


@cand("career_history", "first_win_scheckter")
def _():
    return win_venue_rec("Where did Jody Scheckter win for the first time?", "jody-scheckter", "first")


@cand("career_history", "first_podium_kubica")
def _():
    p = gp_podiums("robert-kubica")
    r = p[0]
    note = "Robert Kubica's first Grand Prix podium: P%d at the %s. %s" % (
        pint([x for x in r["race"] if x["driverId"] == "robert-kubica"][0]), rlabel(r), SPRINT_NOTE)
    return R("first_podium", "Which race gave Robert Kubica his first podium?", vacc(r), note, rpath(r),
             accept_all=[str(r["year"])])


@cand("career_history", "ligier_last_win")
def _():
    return team_last_win_rec("Who won Ligier's last Grand Prix, and when?", "ligier")


@cand("career_history", "last_win_stewart")
def _():
    return win_venue_rec("Which race was Jackie Stewart's last win?", "jackie-stewart", "last")


@cand("career_history", "debut_team_gilles")
def _():
    return debut_team_rec("Which team gave Gilles Villeneuve his first Grand Prix start?", "gilles-villeneuve")


# ============================================================================================ comparative
def cmp_rec(category, question, a, b, va, vb, label, src, fmt=dname, acc=None, both_counts=False, extra=""):
    if va == vb:
        raise Drop("comparison tie %s %s" % (a, b))
    lead, trail, vl, vt = (a, b, va, vb) if va > vb else (b, a, vb, va)
    margin = vl - vt
    if isinstance(margin, float):
        margin = round(margin, 1)
    if not both_counts and margin == 1:
        raise Drop("margin of 1 for %s v %s" % (a, b))
    note = "%s %s v %s %s %s: %s leads by %s.%s" % (fmt(lead), num(vl), fmt(trail), num(vt), label, fmt(lead),
                                                   num(margin), extra)
    acc = acc(lead) if acc else dacc(lead, {a, b})
    aa = [num(vl), num(vt)] if both_counts else [num(margin)]
    return R(category, question, acc, note, src, accept_all=aa)


@cand("comparative", "wins_prost_piquet")
def _():
    a, b = "alain-prost", "nelson-piquet"
    va, vb = len(gp_wins(a)), len(gp_wins(b))
    if va - vb != len(solo_wins(a)) - len(solo_wins(b)):
        raise Drop("shared drives change the margin")
    return cmp_rec("career_wins", "Prost or Piquet - who won more Grands Prix, and by how many?", a, b, va, vb,
                   "career Grand Prix wins (sprints not counted)", ALL_RR)


@cand("comparative", "wins_raikkonen_button")
def _():
    a, b = "kimi-raikkonen", "jenson-button"
    return cmp_rec("career_wins", "Kimi Räikkönen vs Jenson Button: who has more career wins and what's the gap?",
                   a, b, len(gp_wins(a)), len(gp_wins(b)), "career Grand Prix wins (sprints not counted)", ALL_RR)


@cand("comparative", "poles_mansell_prost")
def _():
    a, b = "nigel-mansell", "alain-prost"
    if (len(poles(a)), len(poles(b))) != (len(poles(a, True)), len(poles(b, True))):
        raise Drop("grid differs")
    return cmp_rec("career_poles", "Who took more pole positions, Mansell or Prost, and by how many?", a, b,
                   len(poles(a)), len(poles(b)), "career poles (qualifying P1; grid P1 gives the same)", [ALL_Q, ALL_G])


@cand("comparative", "podiums_rosberg_massa")
def _():
    a, b = "nico-rosberg", "felipe-massa"
    return cmp_rec("career_podiums", "Nico Rosberg or Felipe Massa: who finished on the podium more often, and how "
                   "many more?", a, b, len(gp_podiums(a)), len(gp_podiums(b)),
                   "career Grand Prix podiums (sprints not counted)", ALL_RR)


def season_pts_cmp(question, year, a, b):
    assert year >= 1991
    return cmp_rec("season_points", question, a, b, dstand_row(year, a)["points"], dstand_row(year, b)["points"],
                   "points in the %d drivers' championship" % year, "seasons/%d/driver-standings.yml" % year)


@cand("comparative", "pts_2010_alonso_webber")
def _():
    return season_pts_cmp("In 2010, who scored more points, Fernando Alonso or Mark Webber, and by how much?", 2010,
                          "fernando-alonso", "mark-webber")


@cand("comparative", "pts_1993_prost_senna")
def _():
    return season_pts_cmp("1993 season: Prost v Senna on points - who came out ahead and by how many?", 1993,
                          "alain-prost", "ayrton-senna")


@cand("comparative", "pts_2023_hamilton_russell")
def _():
    return season_pts_cmp("Mercedes team-mates in 2023: did Hamilton or Russell score more points, and what was the "
                          "gap?", 2023, "lewis-hamilton", "george-russell")


@cand("comparative", "cpts_2019_ferrari_redbull")
def _():
    a, b = "ferrari", "red-bull"
    return cmp_rec("team_season_points", "Ferrari vs Red Bull in the 2019 constructors' championship - who had more "
                   "points and by how many?", a, b, cstand_row(2019, a)["points"], cstand_row(2019, b)["points"],
                   "points in the 2019 constructors' championship", "seasons/2019/constructor-standings.yml",
                   fmt=cname, acc=cacc)


def who_higher_rec(question, year, gp, a, b):
    r = find_race(year, gp)
    ra = [x for x in r["race"] if x["driverId"] == a]
    rb = [x for x in r["race"] if x["driverId"] == b]
    if len(ra) != 1 or len(rb) != 1 or not pint(ra[0]) or not pint(rb[0]):
        raise Drop("both must be classified")
    pa, pb = pint(ra[0]), pint(rb[0])
    lead, pl, trail, pt = (a, pa, b, pb) if pa < pb else (b, pb, a, pa)
    note = "%s, Grand Prix result%s: %s finished P%d, %s P%d, so %s finished higher (P%d)." % (
        rlabel(r), " (not the sprint of that weekend)" if r["sprint"] else "", dname(lead), pl, dname(trail), pt,
        dname(lead), pl)
    return R("race_head_to_head", question, dacc(lead, {a, b}), note, rpath(r), accept_all=[str(pl), str(pt)])


@cand("comparative", "higher_silverstone_2026")
def _():
    return who_higher_rec("Silverstone this year: who finished higher, Russell or Antonelli, and in what positions?",
                          2026, "great-britain", "george-russell", "kimi-antonelli")


@cand("comparative", "higher_suzuka_2026")
def _():
    return who_higher_rec("At Suzuka this season, did Norris or Piastri finish ahead? Give both positions.", 2026,
                          "japan", "lando-norris", "oscar-piastri")


@cand("comparative", "wins_2008_hamilton_massa")
def _():
    a, b = "lewis-hamilton", "felipe-massa"
    assert dstand(2008)[0]["driverId"] == a
    return cmp_rec("season_wins", "2008: Hamilton won the title, but did he win more races than Massa? Give both "
                   "win counts.", a, b, len(season_wins(a, 2008)), len(season_wins(b, 2008)),
                   "Grand Prix wins in 2008 (sprints not counted)", "seasons/2008/races/*/race-results.yml",
                   both_counts=True, extra=" The champion won fewer races than his rival.")


@cand("comparative", "team_wins_brabham_benetton")
def _():
    a, b = "brabham", "benetton"
    return cmp_rec("team_wins", "All-time Grand Prix wins: Brabham or Benetton - who has more, and how many more?",
                   a, b, len(team_wins(a)), len(team_wins(b)), "Grand Prix wins (one per race; sprints not counted)",
                   ALL_RR,
                   fmt=cname, acc=cacc)


@cand("comparative", "ctitles_mclaren_mercedes")
def _():
    a, b = "mclaren", "mercedes"
    c = Counter(cstand(y)[0]["constructorId"] for y in range(1958, 2026))
    return cmp_rec("constructors_titles", "Constructors' titles: McLaren vs Mercedes - who has more, and by how many?",
                   a, b, c[a], c[b], "constructors' championships (1958-2025)", "seasons/*/constructor-standings.yml",
                   fmt=cname, acc=cacc)


@cand("comparative", "starts_alonso_hamilton")
def _():
    a, b = "fernando-alonso", "lewis-hamilton"
    sa, sb = len(driver_starts(a)), len(driver_starts(b))
    ea, eb = len(driver_entries(a)), len(driver_entries(b))
    if sa - sb != ea - eb:
        raise Drop("starts margin %d, entries margin %d" % (sa - sb, ea - eb))
    return cmp_rec("career_starts", "Alonso or Hamilton: who has started more Grands Prix, and how many more?", a, b,
                   sa, sb, "race starts", ALL_RR)


@cand("comparative", "fl_senna_mansell")
def _():
    a, b = "ayrton-senna", "nigel-mansell"
    c = Counter(fl_id(r) for r in RESULTED)
    return cmp_rec("career_fastest_laps", "Fastest laps: Senna vs Mansell - who set more in their careers, and by "
                   "how many?", a, b, c[a], c[b], "fastest laps (fastest-laps.yml P1)",
                   "seasons/*/races/*/fastest-laps.yml")


@cand("comparative", "team_wins_tyrrell_brm")
def _():
    a, b = "tyrrell", "brm"
    return cmp_rec("team_wins", "Tyrrell or BRM: which team won more Grands Prix, and by how many?", a, b,
                   len(team_wins(a)), len(team_wins(b)), "Grand Prix wins (one per race)", ALL_RR, fmt=cname,
                   acc=cacc)


@cand("comparative", "dtitles_prost_lauda")
def _():
    a, b = "alain-prost", "niki-lauda"
    c = Counter(dstand(y)[0]["driverId"] for y in range(1950, 2026))
    return cmp_rec("drivers_titles", "Prost or Lauda - who won more world titles, and how many each?", a, b, c[a],
                   c[b], "drivers' championships", "seasons/*/driver-standings.yml", both_counts=True)


# ============================================================================================ multi_part
def champ(year):
    return one_at(dstand(year), 1, "%d drivers' standings" % year)


def cchamp(year):
    return one_at(cstand(year), 1, "%d constructors' standings" % year)


@cand("multi_part", "both_champs_1981")
def _():
    d, c = champ(1981), cchamp(1981)
    t = team_of(d["driverId"], 1981)
    note = ("1981: drivers' champion %s (%s, %s points); constructors' champion %s (%s points). The champion's own "
            "team, %s, was not the constructors' champion. Both are required." % (
                dname(d["driverId"]), cname(t), num(d["points"]), cname(c["constructorId"]), num(c["points"]),
                cname(t)))
    assert t != c["constructorId"]
    return R("both_champions", "Who won the 1981 drivers' title, and which team won the constructors' title?",
             dacc(d["driverId"], season_field(1981)), note,
             ["seasons/1981/driver-standings.yml", "seasons/1981/constructor-standings.yml"],
             accept_all=[dkey(d["driverId"], season_field(1981)), cname(c["constructorId"])])


@cand("multi_part", "champ_wins_1969")
def _():
    d = champ(1969)["driverId"]
    w = season_wins(d, 1969)
    note = "1969 champion: %s (%s), who won %d of the %d races. %s Both parts are required." % (
        dname(d), cname(team_of(d, 1969)), len(w), len(season_races(1969)), SPRINT_NOTE)
    return R("champion_wins", "Who was the 1969 world champion and how many races did he win that year?",
             dacc(d, season_field(1969)), note, ["seasons/1969/driver-standings.yml",
                                                 "seasons/1969/races/*/race-results.yml"],
             accept_all=[dkey(d, season_field(1969)), str(len(w))])


@cand("multi_part", "champ_points_2014")
def _():
    d = champ(2014)
    r2 = one_at(dstand(2014), 2)
    note = "2014 champion: %s with %s points; runner-up %s %s. Name and points are required." % (
        dname(d["driverId"]), num(d["points"]), dname(r2["driverId"]), num(r2["points"]))
    return R("champion_points", "who won the 2014 championship and with how many points",
             dacc(d["driverId"], season_field(2014)), note, "seasons/2014/driver-standings.yml",
             accept_all=[dkey(d["driverId"], season_field(2014)), num(d["points"])])


@cand("multi_part", "champ_team_1974")
def _():
    d = champ(1974)["driverId"]
    t = team_of(d, 1974)
    note = "1974 drivers' champion: %s, driving for %s (%s points). Both are required." % (
        dname(d), cname(t), num(champ(1974)["points"]))
    return R("champion_team", "1974 world champion - who was it, and for which team?", dacc(d, season_field(1974)),
             note, ["seasons/1974/driver-standings.yml", "seasons/1974/races/*/race-results.yml"],
             accept_all=[dkey(d, season_field(1974)), cname(t)])


def pole_winner_rec(question, year, gp):
    r = find_race(year, gp)
    q, g = pole_q(r), pole_g(r)
    if q != g:
        raise Drop("pole differs on grid")
    w = winners(r)
    if len(w) != 1 or w[0] == q:
        raise Drop("pole sitter won / shared")
    note = ("%s: pole %s (Grand Prix qualifying P1, also grid P1); winner %s. Sprints are not counted. Both names "
            "are required." % (rlabel(r), dname(q), dname(w[0])))
    scope = race_field(r)
    return R("pole_and_winner", question, dacc(w[0], scope), note,
             [rpath(r, "qualifying-results.yml"), rpath(r, "starting-grid-positions.yml"), rpath(r)],
             accept_all=[dkey(q, scope), dkey(w[0], scope)])


@cand("multi_part", "pole_win_spain_2016")
def _():
    return pole_winner_rec("Spain 2016: who was on pole and who won the race?", 2016, "spain")


@cand("multi_part", "pole_win_portugal_1989")
def _():
    return pole_winner_rec("At the 1989 Portuguese GP, who started on pole and who took the win?", 1989, "portugal")


def season_two_counts(question, did, year, kinds):
    vals = []
    parts = []
    for k in kinds:
        if k == "wins":
            v = len(season_wins(did, year))
        elif k == "podiums":
            v = len(season_podiums(did, year))
        elif k == "poles":
            v, vg = len(season_poles(did, year)), len(season_poles(did, year, True))
            if v != vg:
                raise Drop("poles differ on grid")
        vals.append(v)
        parts.append("%d %s" % (v, {"wins": "wins", "podiums": "podiums", "poles": "poles (qualifying P1; grid P1 "
                                    "gives the same)"}[k]))
    if len(set(vals)) != len(vals):
        raise Drop("equal counts")
    note = "%s in %d: %s, from %d races. %s Both numbers are required." % (
        dname(did), year, " and ".join(parts), len(season_races(year)), SPRINT_NOTE)
    return R("season_two_counts", question, [str(vals[0])], note, "seasons/%d/races/*/*.yml" % year,
             accept_all=[str(v) for v in vals])


@cand("multi_part", "ham_2016_wins_podiums")
def _():
    return season_two_counts("How many wins and how many podiums did Lewis Hamilton get in 2016?", "lewis-hamilton",
                             2016, ["wins", "podiums"])


@cand("multi_part", "rosberg_2015_wins_poles")
def _():
    return season_two_counts("Nico Rosberg in 2015 - number of wins and number of poles?", "nico-rosberg", 2015,
                             ["wins", "poles"])


@cand("multi_part", "cchamp_points_2019")
def _():
    c = cchamp(2019)
    r2 = one_at(cstand(2019), 2)
    note = "2019 constructors' champion: %s with %s points; P2 %s %s. Team and points are required." % (
        cname(c["constructorId"]), num(c["points"]), cname(r2["constructorId"]), num(r2["points"]))
    return R("constructors_champion_points", "Which team won the 2019 constructors' championship, and how many points "
             "did they score?", cacc(c["constructorId"]), note, "seasons/2019/constructor-standings.yml",
             accept_all=[cname(c["constructorId"]), num(c["points"])])


@cand("multi_part", "both_champs_1985")
def _():
    d, c = champ(1985), cchamp(1985)
    note = "1985: drivers' champion %s (%s points); constructors' champion %s (%s points). Both are required." % (
        dname(d["driverId"]), num(d["points"]), cname(c["constructorId"]), num(c["points"]))
    return R("both_champions", "Name both 1985 champions - driver and constructor.",
             dacc(d["driverId"], season_field(1985)), note,
             ["seasons/1985/driver-standings.yml", "seasons/1985/constructor-standings.yml"],
             accept_all=[dkey(d["driverId"], season_field(1985)), cname(c["constructorId"])])


@cand("multi_part", "arnoux_wins_poles")
def _():
    d = "rene-arnoux"
    w, p, pg = len(gp_wins(d)), len(poles(d)), len(poles(d, True))
    if p != pg:
        raise Drop("arnoux poles differ")
    note = ("René Arnoux: %d Grand Prix wins and %d pole positions (qualifying P1; grid P1 gives the same) in %d "
            "starts. %s Both numbers are required." % (w, p, len(driver_starts(d)), SPRINT_NOTE))
    return R("career_two_counts", "How many wins and how many poles did René Arnoux collect in his career?",
             [str(w)], note, [ALL_RR, ALL_Q, ALL_G], accept_all=[str(w), str(p)])


@cand("multi_part", "champ_runner_up_2019")
def _():
    d, r2 = champ(2019), one_at(dstand(2019), 2)
    note = "2019 drivers' championship: champion %s (%s points), runner-up %s (%s points). Both are required." % (
        dname(d["driverId"]), num(d["points"]), dname(r2["driverId"]), num(r2["points"]))
    return R("champion_runner_up", "2019 - who won the title and who finished second in the drivers' standings?",
             dacc(d["driverId"], season_field(2019)), note, "seasons/2019/driver-standings.yml",
             accept_all=[dkey(d["driverId"], season_field(2019)), dkey(r2["driverId"], season_field(2019))])


@cand("multi_part", "jeddah_2021_p1_p2")
def _():
    r = find_race(2021, "saudi-arabia")
    assert min(x["year"] for x in RESULTED if x["grandPrixId"] == "saudi-arabia") == 2021, "premise: first Saudi GP"
    a, b = one_at(r["race"], 1)["driverId"], one_at(r["race"], 2)["driverId"]
    note = "%s: P1 %s, P2 %s, P3 %s. Winner and runner-up are required." % (
        rlabel(r), dname(a), dname(b), dname(one_at(r["race"], 3)["driverId"]))
    return R("winner_runner_up", "First ever Saudi Arabian GP in 2021 - who won it and who finished second?",
             dacc(a, race_field(r)), note, rpath(r), accept_all=[dkey(a, race_field(r)), dkey(b, race_field(r))])


@cand("multi_part", "redbull_2013_wins_points")
def _():
    w = len(team_wins("red-bull", season_races(2013)))
    c = cstand_row(2013, "red-bull")
    note = "Red Bull in 2013: %d Grand Prix wins from %d races and %s constructors' points (P%d). Both required." % (
        w, len(season_races(2013)), num(c["points"]), c["position"])
    return R("team_season_two_counts", "Red Bull 2013: how many races did they win, and how many constructors' points "
             "did they score?", [str(w)], note, ["seasons/2013/races/*/race-results.yml",
                                                  "seasons/2013/constructor-standings.yml"],
             accept_all=[str(w), num(c["points"])])


@cand("multi_part", "champ_team_1962")
def _():
    d = champ(1962)["driverId"]
    t = team_of(d, 1962)
    note = "1962 drivers' champion: %s, driving for %s. Both are required." % (dname(d), cname(t))
    return R("champion_team", "Who won the 1962 world championship, and in which make of car?",
             dacc(d, season_field(1962)), note, ["seasons/1962/driver-standings.yml",
                                                 "seasons/1962/races/*/race-results.yml"],
             accept_all=[dkey(d, season_field(1962)), cname(t)])


@cand("multi_part", "pole_win_japan_1997")
def _():
    return pole_winner_rec("Suzuka 1997 - pole sitter and race winner?", 1997, "japan")


# ============================================================================================ unavailable
def not_held_rec(question, year, gp, circuit, what):
    if any(r["year"] == year and r["grandPrixId"] == gp for r in RACES):
        raise Drop("%s %d is on the calendar" % (gp, year))
    if circuit and any(r["year"] == year and r["circuitId"] == circuit for r in RACES):
        raise Drop("%s hosted a race in %d" % (circuit, year))
    held = sorted({r["year"] for r in RESULTED if r["grandPrixId"] == gp})
    before = [y for y in held if y < year]
    after = [y for y in held if y > year]
    n = len(season_races(year))
    note = ("There was no %s in %d: the %d calendar in f1db has %d races and none is the %s%s. It was last held "
            "before then in %s%s. So there is no %s to give; the reply should say the race was not held." % (
                GPS[gp]["fullName"], year, year, n, GPS[gp]["fullName"],
                "" if not circuit else " (and no race at %s that year)" % CIR[circuit]["name"],
                before[-1] if before else "never", " and next in %d" % after[0] if after else "", what))
    return R("not_held", question, [], note, "seasons/%d/races/*/race.yml" % year, unavailable=True)


@cand("unavailable", "nh_france_2009")
def _():
    return not_held_rec("Who won the French Grand Prix in 2009?", 2009, "france", "magny-cours", "winner")


@cand("unavailable", "nh_san_marino_2007")
def _():
    return not_held_rec("who was on pole at imola in 2007", 2007, "san-marino", "imola", "pole sitter")


@cand("unavailable", "nh_malaysia_2018")
def _():
    return not_held_rec("Who finished on the podium at Sepang in 2018?", 2018, "malaysia", "sepang", "podium")


@cand("unavailable", "nh_netherlands_1986")
def _():
    return not_held_rec("Who set the fastest lap at the 1986 Dutch GP at Zandvoort?", 1986, "netherlands",
                        "zandvoort", "fastest lap")


@cand("unavailable", "never_started_gary_brabham")
def _():
    did = "gary-brabham"
    rows = driver_rows_in(did, RESULTED)
    if not rows or any(is_start(x) for r, x in rows):
        raise Drop("gary brabham started")
    for r in RESULTED:
        for f in ("grid", "sprint", "quali", "fl"):
            if any(x["driverId"] == did for x in r[f] or []):
                raise Drop("gary brabham has a %s row" % f)
    note = ("Gary Brabham never started a championship race: his only race-results rows are %s, all %s (failed to "
            "pre-qualify), with %s; he has no qualifying, starting-grid or sprint row. So he has no best finish; "
            "the reply should say he never raced (never started a Grand Prix)." % (
                "; ".join(rlabel(r) for r, x in rows), "/".join(sorted({x["position"] for r, x in rows})),
                cname(rows[0][1]["constructorId"])))
    return R("never_started", "What was Gary Brabham's best race finish in F1?", [], note,
             [rpath(r) for r, x in rows], unavailable=True)


def not_run_rec(question, slug, what):
    rs = [r for r in RACES if r["year"] == 2026 and r["slug"] == slug]
    assert len(rs) == 1
    r = rs[0]
    if race_date(r) >= TODAY:
        raise Drop("%s is after today" % slug)
    for f in ("race", "sprint", "quali", "grid", "fl", "dotd"):
        if r[f]:
            raise Drop("%s has %s results" % (slug, f))
    note = ("The %s (round %d) is dated %s, before today (2026-12-04), but f1db has no result for it: the data ends "
            "with the 2026 Hungarian GP (round 11, 2026-07-26) and this round has only %s. So the %s is not in the "
            "data; the reply must not invent one." % (
                "%d %s" % (r["year"], gp_name(r)), r["round"], race_date(r).isoformat(),
                " + ".join(r["files"]), what))
    return R("not_run_yet", question, [], note, "%s/race.yml" % r["path"], unavailable=True)


@cand("unavailable", "nr_singapore_points")
def _():
    return not_run_rec("How many points did Antonelli score at the Singapore Grand Prix this season?",
                       "17-singapore", "points result")


@cand("unavailable", "nr_austin_podium")
def _():
    return not_run_rec("who made the podium in austin this year", "18-united-states", "podium")


@cand("unavailable", "nr_vegas_pole")
def _():
    return not_run_rec("Who took pole for the 2026 Las Vegas Grand Prix?", "21-las-vegas", "pole position")


def field_names(files):
    keys = set()
    for r in RESULTED:
        for f in files:
            for x in r[f] or []:
                keys.update(x)
    return keys


@cand("unavailable", "ns_prize_money")
def _():
    assert not any("prize" in k.lower() or "money" in k.lower() for k in
                   field_names(["race"]) | {k for s in cstand(2025) for k in s})
    note = ("f1db does not store prize money or any financial figures: the 2025 constructors' standings hold only "
            "position, team, engine and points (McLaren P1 with %s points). The reply should say the prize money is "
            "not in the data." % num(cstand_row(2025, "mclaren")["points"]))
    return R("not_stored", "How much prize money did McLaren get for winning the 2025 constructors' title?", [], note,
             "seasons/2025/constructor-standings.yml", unavailable=True)


@cand("unavailable", "ns_pu_elements")
def _():
    assert not any("power" in k.lower() or "element" in k.lower() for k in field_names(["race", "quali", "grid"]))
    note = ("f1db does not record power-unit elements or component usage: race and qualifying rows carry only the "
            "constructor, engine manufacturer, tyres, positions, times and points. The reply should say the number "
            "of power-unit elements Hamilton has used is not in the data.")
    return R("not_stored", "how many power unit elements has hamilton used so far this season?", [], note,
             "seasons/2026/races/*/race-results.yml", unavailable=True)


@cand("unavailable", "ns_track_limits")
def _():
    r = find_race(2023, "austria")
    row = [x for x in r["race"] if x["driverId"] == "carlos-sainz-jr"][0]
    assert not any("limit" in k.lower() or "warning" in k.lower() for k in field_names(["race", "quali"]))
    note = ("f1db has no race-control data (track-limits warnings, deleted laps, flags). It does hold the result: "
            "at the %s Sainz finished P%s with a time penalty of %s s (its reason is not stored). The reply should say the number of track-limit "
            "warnings is not in the data." % (rlabel(r), row["position"], row.get("timePenalty") or "none"))
    return R("not_stored", "How many track limits warnings did Carlos Sainz get in the 2023 Austrian GP?", [], note,
             rpath(r), unavailable=True)


@cand("unavailable", "ns_mp44_weight")
def _():
    p = os.path.join(F1DB, "chassis", "mclaren-mp4-4.yml")
    c = _y(p)
    assert set(c) == {"id", "constructorId", "name", "fullName"}, sorted(c)
    note = ("f1db's chassis record for the McLaren MP4/4 holds only its id, constructor and name; no weight or other "
            "technical specification is stored. The reply should say the car's weight is not in the data.")
    return R("not_stored", "What did the McLaren MP4/4 weigh?", [], note, "chassis/mclaren-mp4-4.yml",
             unavailable=True)


@cand("unavailable", "nh_belgium_1959")
def _():
    return not_held_rec("Who won the 1959 Belgian Grand Prix?", 1959, "belgium", "spa-francorchamps", "winner")


# ============================================================================================ checks + build
EXPECTED_DROPS = {
    "montreal_poles", "country_most_drivers", "fl_without_win", "drivers_runner_up_most", "mr_saturday_poles",
    "tm_andretti_1978", "tm_rindt_1970", "eng_footwork_1991", "poles_mansell_prost", "starts_alonso_hamilton",
}


def grade_match(reply, s):
    r, t = norm(reply), norm(s)
    if re.fullmatch(r"\d+", t):
        return re.search(r"(?<![\d.])(?<!\d\.)%s(?!\d)(?!\.\d)" % re.escape(t), r) is not None
    return t in r


def grade(rec, reply):
    if rec["expect_unavailable"]:
        raise ValueError("unavailable records are graded by hand")
    return any(grade_match(reply, a) for a in rec["accept"]) and all(
        grade_match(reply, a) for a in rec.get("accept_all", []))


def check_cutoff():
    with_results = [r for r in RACES if r["race"] or r["sprint"]]
    last = with_results[-1]
    assert (last["year"], last["round"], last["grandPrixId"]) == (CUTOFF_YEAR, CUTOFF_ROUND, "hungary"), rlabel(last)
    assert str(last["date"]) == "2026-07-26"
    s26 = [r for r in RACES if r["year"] == 2026]
    assert all(r["race"] for r in s26 if r["round"] <= CUTOFF_ROUND), "2026 rounds 1-11 must have results"
    assert not any(r["race"] or r["sprint"] for r in s26 if r["round"] > CUTOFF_ROUND), "later 2026 results"
    after = last["dstand_after"]
    assert [(x["driverId"], x["points"]) for x in after] == [(x["driverId"], x["points"]) for x in dstand(2026)]
    return last


def source_ok(src):
    full = os.path.join(F1DB, src)
    if any(ch in src for ch in "*?["):
        return next(glob.iglob(full), None) is not None
    return os.path.exists(full)


def hygiene(rec, group, removed):
    """Drop accept strings the question itself contains (outside comparatives); accept_all must not be in it."""
    q = rec["question"]
    if group != "comparative" and not rec["expect_unavailable"]:
        keep = []
        for a in rec["accept"]:
            if grade_match(q, a):
                removed.append((rec["question"], a))
            else:
                keep.append(a)
        rec["accept"] = keep
    for a in rec.get("accept_all", []):
        # comparatives name both sides in the question, so only their numbers are checked
        if group != "comparative" or re.fullmatch(r"\d+", a):
            assert not grade_match(q, a), ("accept_all string in the question", q, a)


def build(verbose=False):
    last = check_cutoff()
    targets = dict(TARGETS)
    chosen = {g: [] for g, _ in TARGETS}
    dropped, spares, removed = [], [], []
    keys = [k for _g, k, _f in CANDS]
    assert len(keys) == len(set(keys)), "duplicate candidate keys"
    for group, key, fn in CANDS:
        try:
            rec = fn()
        except Drop as e:
            dropped.append((group, key, str(e)))
            continue
        if len(chosen[group]) >= targets[group]:
            spares.append((group, key))
            continue
        rec["group"] = group
        rec["_key"] = key
        chosen[group].append(rec)
    for g, n in TARGETS:
        assert len(chosen[g]) == n, "group %s has %d of %d" % (g, len(chosen[g]), n)
    assert {k for _g, k, _e in dropped} == EXPECTED_DROPS, sorted({k for _g, k, _e in dropped} ^ EXPECTED_DROPS)
    recs = [r for g, _ in TARGETS for r in chosen[g]]
    qs = [norm(r["question"]) for r in recs]
    assert len(qs) == len(set(qs)), "duplicate questions"
    npass = 0
    for r in recs:
        hygiene(r, r["group"], removed)
        for s in r["source"]:
            assert source_ok(s), (r["_key"], s)
        if r["expect_unavailable"]:
            assert r["accept"] == [] and "accept_all" not in r, r["_key"]
        else:
            assert r["accept"], r["_key"]
            assert grade(r, r["answer_note"]), ("self-check failed", r["_key"], r["answer_note"])
            npass += 1
    answerable = sum(1 for r in recs if not r["expect_unavailable"])
    rng = random.Random(SEED)
    rng.shuffle(recs)
    out = []
    for i, r in enumerate(recs, 1):
        o = {"id": "%s-%03d" % (PREFIX, i), "category": r["category"], "group": r["group"],
             "question": r["question"], "accept": r["accept"]}
        if r.get("accept_all"):
            o["accept_all"] = r["accept_all"]
        o["expect_unavailable"] = r["expect_unavailable"]
        o["answer_note"] = r["answer_note"]
        o["source"] = r["source"]
        out.append((r["_key"], o))
    with open(OUT, "w", encoding="utf-8") as fh:
        for _k, o in out:
            fh.write(json.dumps(o, ensure_ascii=False) + "\n")
    print("wrote %s (%d records); cutoff %s" % (os.path.relpath(OUT, MAIN), len(out), rlabel(last)))
    for g, n in TARGETS:
        print("  %-15s %d" % (g, n))
    print("accept_all used by %d records; %d expect_unavailable" % (
        sum(1 for _k, o in out if "accept_all" in o), sum(1 for _k, o in out if o["expect_unavailable"])))
    print("self-check: %d of %d answerable notes pass" % (npass, answerable))
    print("dropped candidates (%d):" % len(dropped))
    for g, k, e in dropped:
        print("  [%s] %s: %s" % (g, k, e))
    print("accept strings removed because the question contains them: %s" % (
        "; ".join("%r from %r" % (a, q) for q, a in removed) or "none"))
    print("spares (valid, not used): %s" % ", ".join(k for _g, k in spares))
    if verbose:
        for k, o in out:
            print(json.dumps(dict(o, key=k), ensure_ascii=False))
    return out


if __name__ == "__main__":
    build(verbose="-v" in sys.argv[1:])
