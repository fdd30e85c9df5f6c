#!/usr/bin/env python3
"""Build the held-out fan-style F1 QA set ``eval/fan-qa-blind-t.jsonl`` from the f1db YAML source.

Every answer is computed from the data at build time; the script only carries the question wording and its
parameters (years, drivers, Grands Prix). Any broken assumption (a tie where one answer is expected, a missing
file, a result where none should exist) aborts the build with ``ASSUMPTION FAILED``.

Usage (from the repository root):  python3 eval/tools/build_blind_t.py
Data location: $F1DB_DATA, default /work/shared/data/f1db/src/data. Stdlib + PyYAML only.
"""
import datetime as dt
import glob
import json
import os
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict

import yaml

SEED = 20261213
TODAY = dt.date(2026, 12, 4)
THIS_YEAR, LAST_YEAR = 2026, 2025
CUTOFF = (2026, 11)  # (season, round) of the last race with results
GROUP_COUNTS = {"aggregate": 25, "colloquial": 22, "relational": 20, "career_history": 15,
                "comparative": 13, "multi_part": 13, "unavailable": 12}
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "fan-qa-blind-t.jsonl"))
DATA = os.environ.get("F1DB_DATA", "/work/shared/data/f1db/src/data")
NONSTART = {"DNQ", "DNPQ", "EX", "DNS", "DNP"}
START_NOTE = "starts = race-results rows other than DNQ/DNPQ/EX/DNS/DNP, one per race"
RNG = random.Random(SEED)


class AssumptionError(Exception):
    pass


def need(cond, msg):
    if not cond:
        raise AssumptionError(msg)


# ----------------------------------------------------------------------------------------------------------------
# loading
# ----------------------------------------------------------------------------------------------------------------
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=LOADER)


def load_dir(sub):
    out = {}
    for p in sorted(glob.glob(os.path.join(DATA, sub, "*.yml"))):
        d = load(p)
        out[d["id"]] = d
    need(out, f"no files under {sub}")
    return out


RACE_FILES = ["race-results", "qualifying-results", "starting-grid-positions", "sprint-race-results",
              "sprint-qualifying-results", "sprint-starting-grid-positions", "fastest-laps", "pit-stops",
              "driver-of-the-day-results", "driver-standings", "constructor-standings",
              "free-practice-1-results"]

need(os.path.isdir(os.path.join(DATA, "seasons")), f"f1db data not found at {DATA} (set F1DB_DATA)")
DRIVERS = load_dir("drivers")
CONS = load_dir("constructors")
ENGM = load_dir("engine-manufacturers")
CIRC = load_dir("circuits")
GPS = load_dir("grands-prix")
COUNTRIES = load_dir("countries")
CHASSIS = load_dir("chassis")

SEASON = {}
RACES = []
for ydir in sorted(glob.glob(os.path.join(DATA, "seasons", "*"))):
    year = int(os.path.basename(ydir))
    s = {"year": year}
    for f in ["driver-standings", "constructor-standings", "entrants"]:
        p = os.path.join(ydir, f + ".yml")
        s[f] = load(p) if os.path.exists(p) else None
    SEASON[year] = s
    for rdir in sorted(glob.glob(os.path.join(ydir, "races", "*"))):
        r = load(os.path.join(rdir, "race.yml"))
        r["year"] = year
        r["slug"] = os.path.basename(rdir)
        r["path"] = os.path.relpath(rdir, DATA)
        r["files"] = sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(rdir, "*.yml")))
        for f in RACE_FILES:
            p = os.path.join(rdir, f + ".yml")
            r[f] = load(p) if os.path.exists(p) else None
        RACES.append(r)
RACES.sort(key=lambda r: (r["year"], r["round"]))
RR = [r for r in RACES if r["race-results"]]  # races with results (World Championship races incl. Indy 500)
LAST = RR[-1]
need((LAST["year"], LAST["round"]) == CUTOFF, f"last race with results is {LAST['year']} r{LAST['round']}")
need(LAST["grandPrixId"] == "hungary", "cutoff race is not the Hungarian GP")
CUTOFF_TXT = f"data cutoff: {LAST['year']} Hungarian Grand Prix, round {LAST['round']}, {LAST['date']}"
for r in RACES:
    if (r["year"], r["round"]) > CUTOFF:
        need(not r["race-results"] and not r["sprint-race-results"], f"result after cutoff: {r['path']}")


# ----------------------------------------------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------------------------------------------
def fold(s):
    s = str(s)
    for a, b in (("ø", "o"), ("Ø", "O"), ("ß", "ss"), ("æ", "ae"), ("ł", "l"), ("đ", "d")):
        s = s.replace(a, b)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def norm(s):
    return fold(s).lower()


def dedupe(xs):
    out, seen = [], set()
    for x in xs:
        if x and x not in seen:
            out.append(x)
            seen.add(x)
    return out


def dn(did):
    return DRIVERS[did]["name"]


def cn(cid):
    return CONS[cid]["name"]


def en(eid):
    return ENGM[eid]["name"]


def gpname(r):
    return GPS[r["grandPrixId"]]["fullName"]


def rname(r):
    return f"{r['year']} {gpname(r)}"


def rsrc(r, f="race-results"):
    return f"{r['path']}/{f}.yml"


def pos(x):
    return x["position"] if isinstance(x["position"], int) else None


def started(x):
    return x["position"] not in NONSTART


def surname(did):
    return re.sub(r"\s+Jr\.?$", "", DRIVERS[did]["lastName"]).strip()


ALIASES = {
    "sergio-perez": ["Checo Pérez", "Checo Perez", "Checo"],
    "carlos-sainz-jr": ["Carlos Sainz"],
    "kimi-antonelli": ["Andrea Kimi Antonelli"],
    "michael-schumacher": ["M. Schumacher"],
    "ralf-schumacher": ["R. Schumacher"],
    "nico-rosberg": ["N. Rosberg"],
    "keke-rosberg": ["K. Rosberg"],
    "damon-hill": ["D. Hill"],
    "graham-hill": ["G. Hill"],
    "phil-hill": ["P. Hill"],
    "jacques-villeneuve": ["J. Villeneuve"],
    "gilles-villeneuve": ["G. Villeneuve"],
    "nelson-piquet": ["Nelson Piquet Sr.", "Piquet Sr"],
    "emerson-fittipaldi": ["Emmo Fittipaldi"],
    "alexander-albon": ["Alex Albon"],
    "jose-froilan-gonzalez": ["Froilán González", "Froilan Gonzalez"],
}


def scope_surnames(scope):
    c = Counter(norm(surname(d)) for d in set(scope))
    return c


def acc_driver(did, scope=None, extra=()):
    """Accept list for a driver: display name, folded, name without 'Jr.', aliases, surname if unique in scope."""
    name = dn(did)
    out = [name, fold(name)]
    base = re.sub(r"\s+Jr\.?$", "", name)
    out += [base, fold(base)]
    out += ALIASES.get(did, [])
    out += [fold(a) for a in ALIASES.get(did, [])]
    if scope is not None:
        sc = set(scope) | {did}
        if scope_surnames(sc)[norm(surname(did))] == 1:
            out += [surname(did), fold(surname(did))]
    out += list(extra)
    return dedupe(out)


def short_driver(did, scope):
    """One string for accept_all: the surname when unique in scope, else the folded full name."""
    sc = set(scope) | {did}
    if scope_surnames(sc)[norm(surname(did))] == 1:
        return fold(surname(did))
    return fold(re.sub(r"\s+Jr\.?$", "", dn(did)))


def acc_cons(cid, extra=()):
    c = CONS[cid]
    return dedupe([c["name"], fold(c["name"]), c.get("fullName"), fold(c.get("fullName") or "")] + list(extra))


def acc_gp(r, extra=()):
    gp = GPS[r["grandPrixId"]]
    ci = CIRC[r["circuitId"]]
    xs = [gp["fullName"], gp["shortName"], ci["name"], ci["fullName"]] + list(extra)
    return dedupe(xs + [fold(x) for x in xs])


def race(year, gp):
    xs = [r for r in RACES if r["year"] == year and r["grandPrixId"] == gp]
    need(len(xs) == 1, f"race {year} {gp}: {len(xs)} matches")
    return xs[0]


def rrace(year, gp):
    r = race(year, gp)
    need(r["race-results"], f"race {year} {gp} has no results")
    return r


def at(r, p, f="race-results"):
    xs = [x for x in (r[f] or []) if x["position"] == p]
    need(len(xs) == 1, f"{rname(r)} {f} position {p}: {len(xs)} rows")
    return xs[0]


def winner(r):
    return at(r, 1)["driverId"]


def pole_row(r):
    q = at(r, 1, "qualifying-results")
    g = at(r, 1, "starting-grid-positions")
    return q, g


def field(r, f="race-results"):
    return [x["driverId"] for x in (r[f] or [])]


def season_races(y):
    return [r for r in RR if r["year"] == y]


def season_field(y):
    return {x["driverId"] for r in season_races(y) for x in r["race-results"]}


ALL_WINNERS = {x["driverId"] for r in RR for x in r["race-results"] if x["position"] == 1}


def dstand(y):
    s = SEASON[y]["driver-standings"]
    need(s, f"no driver standings {y}")
    return s


def cstand(y):
    s = SEASON[y]["constructor-standings"]
    need(s, f"no constructor standings {y}")
    return s


def st_row(rows, key, val):
    xs = [x for x in rows if x[key] == val]
    need(len(xs) == 1, f"standings row {key}={val}: {len(xs)}")
    return xs[0]


def st_pos(rows, p):
    xs = [x for x in rows if x["position"] == p]
    need(len(xs) == 1, f"standings position {p}: {len(xs)} rows")
    return xs[0]


def champion(y):
    need(y <= 2025, "title undecided")
    return st_pos(dstand(y), 1)["driverId"]


def champion_cons(y):
    need(1958 <= y <= 2025, "no constructors' title")
    return st_pos(cstand(y), 1)["constructorId"]


def rows_of(did):
    return [(r, x) for r in RR for x in r["race-results"] if x["driverId"] == did]


def starts_of(did):
    seen, out = set(), []
    for r, x in rows_of(did):
        if started(x) and r["id"] not in seen:
            seen.add(r["id"])
            out.append(r)
    return out


def wins_of(did, races=None):
    races = RR if races is None else races
    return [r for r in races if any(x["driverId"] == did and x["position"] == 1 for x in r["race-results"])]


def podiums_of(did, races=None):
    races = RR if races is None else races
    return [r for r in races if any(x["driverId"] == did and pos(x) in (1, 2, 3) for x in r["race-results"])]


def poles_of(did, races=None, check_grid=True):
    races = RR if races is None else races
    out = [r for r in races if at(r, 1, "qualifying-results")["driverId"] == did]
    return out


def grid_poles_of(did, races=None):
    races = RR if races is None else races
    return [r for r in races if at(r, 1, "starting-grid-positions")["driverId"] == did]


def top(counter, what, n=1):
    """Return the unique leader (key, value) of a Counter; fail on a tie for first place."""
    mc = counter.most_common()
    need(mc, f"{what}: empty")
    need(len(mc) == 1 or mc[0][1] > mc[1][1], f"{what}: tie for first {mc[:3]}")
    return mc[0]


def fmt_top(counter, namef, k=4, skip=1):
    return ", ".join(f"{namef(a)} {b}" for a, b in counter.most_common()[skip:skip + k])


def age_on(did, date):
    dob = DRIVERS[did]["dateOfBirth"]
    if isinstance(dob, str):
        dob = dt.date.fromisoformat(dob)
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    years = date.year - dob.year - ((date.month, date.day) < (dob.month, dob.day))
    anniv = dob.replace(year=dob.year + years) if not (dob.month == 2 and dob.day == 29) else dt.date(dob.year + years, 3, 1)
    return years, (date - anniv).days


def todate(d):
    return d if isinstance(d, dt.date) else dt.date.fromisoformat(str(d))


def season_team_drivers(y, cid):
    """Drivers who started a race for constructor cid in season y, with start counts and round lists."""
    c = defaultdict(list)
    for r in season_races(y):
        seen = set()
        for x in r["race-results"]:
            if x["constructorId"] == cid and started(x) and x["driverId"] not in seen:
                seen.add(x["driverId"])
                c[x["driverId"]].append(r["round"])
    return c


def constructor_of(did, r):
    xs = {x["constructorId"] for x in r["race-results"] if x["driverId"] == did}
    need(len(xs) == 1, f"{did} constructors in {rname(r)}: {xs}")
    return xs.pop()


def sprint_races():
    return [r for r in RACES if r["sprint-race-results"]]


# ----------------------------------------------------------------------------------------------------------------
# question registry
# ----------------------------------------------------------------------------------------------------------------
QUESTIONS = []


def Q(group, category):
    def deco(fn):
        QUESTIONS.append((group, category, fn))
        return fn
    return deco


def rec(question, accept, note, source, accept_all=None):
    return {"question": question, "accept": dedupe(accept), "accept_all": accept_all, "note": note,
            "source": source, "unavailable": False}


def unavail(question, note, source):
    return {"question": question, "accept": [], "accept_all": None, "note": note, "source": source,
            "unavailable": True}


# ================================================================================================================
# aggregate (25)
# ================================================================================================================
def start_counter(races):
    c = Counter()
    for r in races:
        for d in {x["driverId"] for x in r["race-results"] if started(x)}:
            c[d] += 1
    return c


@Q("aggregate", "most_starts_no_podium")
def _():
    st = start_counter(RR)
    pod = {x["driverId"] for r in RR for x in r["race-results"] if pos(x) in (1, 2, 3)}
    c = Counter({d: n for d, n in st.items() if d not in pod})
    d, n = top(c, "starts without podium")
    scope = ALL_WINNERS | set(list(c)[:0]) | {a for a, _ in c.most_common(6)}
    return rec("which driver has lined up for the most grands prix without ever getting a podium?",
               acc_driver(d, scope),
               f"{dn(d)}: {n} Grand Prix starts and no top-3 finish ({START_NOTE}; {CUTOFF_TXT}); next: "
               f"{fmt_top(c, dn)}.",
               ["seasons/*/races/*/race-results.yml"])


@Q("aggregate", "most_dnfs")
def _():
    c = Counter(x["driverId"] for r in RR for x in r["race-results"] if x["position"] == "DNF")
    c2 = Counter(x["driverId"] for r in RR for x in r["race-results"] if x["position"] in ("DNF", "NC", "DSQ"))
    d, n = top(c, "DNF")
    d2, n2 = top(c2, "DNF+NC+DSQ")
    need(d == d2, "DNF leader depends on definition")
    return rec("Who has retired from more F1 races than anyone else?",
               acc_driver(d, ALL_WINNERS | {a for a, _ in c.most_common(5)}),
               f"{dn(d)}: {n} races with position DNF in race-results ({n2} if NC and DSQ are added); next: "
               f"{fmt_top(c, dn, 3)} ({CUTOFF_TXT}).",
               ["seasons/*/races/*/race-results.yml"])


@Q("aggregate", "gp_distinct_circuits")
def _():
    rs = [r for r in RR if r["grandPrixId"] == "france"]
    c = Counter(r["circuitId"] for r in rs)
    n = len(c)
    return rec("how many different circuits have held the french grand prix over the years",
               [str(n)],
               f"{n} circuits hosted the {len(rs)} French Grands Prix in the data: "
               + ", ".join(f"{CIRC[k]['name']} {v}" for k, v in c.most_common()) + ".",
               ["seasons/*/races/*-france/race.yml"])


@Q("aggregate", "oldest_winner_since")
def _():
    ys = []
    for r in RR:
        if r["year"] >= 1980:
            for x in r["race-results"]:
                if x["position"] == 1:
                    ys.append((age_on(x["driverId"], r["date"]), x["driverId"], r))
    ys.sort(key=lambda t: t[0], reverse=True)
    (a, d, r) = ys[0]
    nxt = next(t for t in ys if t[1] != d)
    need(a > nxt[0], "oldest winner tie")
    return rec("Since 1980, who's the oldest driver to have won a Grand Prix?",
               acc_driver(d, ALL_WINNERS),
               f"{dn(d)}, aged {a[0]} years {a[1]} days when he won the {rname(r)} ({r['date']}); the oldest other "
               f"winner since 1980 is {dn(nxt[1])} ({nxt[0][0]} years {nxt[0][1]} days, {rname(nxt[2])}). "
               f"Ages from drivers/*.yml dateOfBirth ({CUTOFF_TXT}).",
               [rsrc(r), f"drivers/{d}.yml"])


@Q("aggregate", "youngest_pole")
def _():
    ys = []
    for r in RR:
        q, g = pole_row(r)
        ys.append((age_on(q["driverId"], r["date"]), q["driverId"], r, g["driverId"]))
    ys.sort(key=lambda t: t[0])
    a, d, r, gd = ys[0]
    need(gd == d, "youngest pole: grid P1 differs")
    nxt = next(t for t in ys if t[1] != d)
    return rec("youngest pole sitter in F1 history?",
               acc_driver(d, ALL_WINNERS | {d}),
               f"{dn(d)}: pole for the {rname(r)} ({r['date']}) aged {a[0]} years {a[1]} days (qualifying P1, also "
               f"grid P1). Youngest other pole sitter: {dn(nxt[1])} ({nxt[0][0]} years {nxt[0][1]} days, "
               f"{rname(nxt[2])}; {CUTOFF_TXT}).",
               [rsrc(r, "qualifying-results"), f"drivers/{d}.yml"])


@Q("aggregate", "nationality_wins")
def _():
    c = Counter(x["driverId"] for r in RR for x in r["race-results"]
                if x["position"] == 1 and DRIVERS[x["driverId"]]["nationalityCountryId"] == "finland")
    n = sum(c.values())
    return rec("How many GP wins do Finnish drivers have between them?",
               [str(n)],
               f"{n} Grand Prix wins by drivers of Finnish nationality: "
               + ", ".join(f"{dn(k)} {v}" for k, v in c.most_common()) + f" ({CUTOFF_TXT}).",
               ["seasons/*/races/*/race-results.yml", "drivers/*.yml"])


@Q("aggregate", "distinct_winners_season")
def _():
    y = RNG.choice(range(1970, 1990))
    rs = season_races(y)
    c = Counter(x["driverId"] for r in rs for x in r["race-results"] if x["position"] == 1)
    return rec(f"in {y}, how many different drivers won at least one race?",
               [str(len(c))],
               f"{len(c)} different winners in the {len(rs)} races of {y}: "
               + ", ".join(f"{dn(k)} {v}" for k, v in c.most_common()) + ".",
               [f"seasons/{y}/races/*/race-results.yml"])


@Q("aggregate", "team_most_wins_at_gp")
def _():
    rs = [r for r in RR if r["grandPrixId"] == "canada"]
    c = Counter(at(r, 1)["constructorId"] for r in rs)
    t, n = top(c, "canada team wins")
    return rec("which constructor has won the canadian gp the most?",
               acc_cons(t),
               f"{cn(t)} with {n} Canadian Grand Prix wins; next: {fmt_top(c, cn, 3)} ({len(rs)} Canadian GPs, "
               f"{CUTOFF_TXT}).",
               ["seasons/*/races/*-canada/race-results.yml"])


@Q("aggregate", "season_fastest_laps")
def _():
    y = 2005
    rs = season_races(y)
    c = Counter(at(r, 1, "fastest-laps")["driverId"] for r in rs)
    d, n = top(c, "fastest laps 2005")
    return rec("who set the most fastest laps in the 2005 season",
               acc_driver(d, season_field(y)),
               f"{dn(d)} with {n} fastest laps in the {len(rs)} races of {y}; next: {fmt_top(c, dn, 3)}.",
               [f"seasons/{y}/races/*/fastest-laps.yml"])


@Q("aggregate", "season_driver_of_the_day")
def _():
    y = 2024
    rs = season_races(y)
    need(all(r["driver-of-the-day-results"] for r in rs), "DOTD missing")
    c = Counter(at(r, 1, "driver-of-the-day-results")["driverId"] for r in rs)
    d, n = top(c, "dotd 2024")
    return rec("Who picked up the most Driver of the Day awards in 2024?",
               acc_driver(d, season_field(y)),
               f"{dn(d)} was Driver of the Day {n} times in the {len(rs)} races of {y}; next: {fmt_top(c, dn, 3)}.",
               [f"seasons/{y}/races/*/driver-of-the-day-results.yml"])


@Q("aggregate", "most_sprint_wins")
def _():
    c = Counter(at(r, 1, "sprint-race-results")["driverId"] for r in sprint_races())
    d, n = top(c, "sprint wins")
    scope = {x["driverId"] for r in sprint_races() for x in r["sprint-race-results"]}
    return rec("Most sprint race victories of all time — who?",
               acc_driver(d, scope),
               f"{dn(d)} with {n} wins in the {len(sprint_races())} sprint races held 2021-2026 ({CUTOFF_TXT}); "
               f"next: {fmt_top(c, dn, 3)}.",
               ["seasons/*/races/*/sprint-race-results.yml"])


@Q("aggregate", "record_podiums_season")
def _():
    best = []
    for y in SEASON:
        c = Counter(x["driverId"] for r in season_races(y) for x in r["race-results"] if pos(x) in (1, 2, 3))
        best += [(n, y, d) for d, n in c.items()]
    best.sort(reverse=True)
    need(best[0][0] > best[1][0], "podium season record tie")
    n, y, d = best[0]
    return rec("what's the most podiums anyone has racked up in a single season?",
               [str(n)],
               f"{n}, by {dn(d)} in {y} (of {len(season_races(y))} races; Grand Prix podiums only); next best: "
               f"{best[1][0]} ({dn(best[1][2])} {best[1][1]}).",
               ["seasons/*/races/*/race-results.yml"])


@Q("aggregate", "most_points_without_title")
def _():
    best = [(x["points"], y, x["driverId"], x["position"]) for y in range(1950, 2026) for x in dstand(y)
            if x["position"] != 1]
    best.sort(reverse=True)
    need(best[0][0] > best[1][0], "points without title tie")
    p, y, d, ps = best[0]
    ch = champion(y)
    chp = st_pos(dstand(y), 1)["points"]
    p = int(p) if float(p).is_integer() else p
    return rec("what's the biggest points total ever for a driver who DIDN'T win the title that year? just the number",
               [str(p)], 
               f"{dn(d)}: {p} points in {y}, P{ps} behind champion {dn(ch)} ({chp}); next: "
               f"{dn(best[1][2])} {best[1][0]} ({best[1][1]}). Seasons 1950-2025 (2026 undecided). The number is "
               f"graded.",
               ["seasons/*/driver-standings.yml"])


@Q("aggregate", "most_wins_season_no_title")
def _():
    best = []
    for y in range(1950, 2026):
        ch = champion(y)
        c = Counter(x["driverId"] for r in season_races(y) for x in r["race-results"] if x["position"] == 1)
        best += [(n, y, d) for d, n in c.items() if d != ch]
    best.sort(reverse=True)
    need(best[0][0] > best[1][0], "wins no title tie")
    n, y, d = best[0]
    return rec("most race wins in a season by someone who still lost the title?",
               acc_driver(d, ALL_WINNERS),
               f"{dn(d)}: {n} wins in {y} but P{st_row(dstand(y), 'driverId', d)['position']} behind "
               f"{dn(champion(y))}; next: " + ", ".join(f"{dn(b[2])} {b[0]} ({b[1]})" for b in best[1:4]) + ".",
               [f"seasons/{y}/races/*/race-results.yml", "seasons/*/driver-standings.yml"])


@Q("aggregate", "one_twos_season")
def _():
    y, t = 2016, "mercedes"
    rs = season_races(y)
    xs = [r for r in rs if at(r, 1)["constructorId"] == t and at(r, 2)["constructorId"] == t]
    return rec("How many one-twos did Mercedes manage in 2016?",
               [str(len(xs))],
               f"{len(xs)} Mercedes one-two finishes (P1 and P2) in the {len(rs)} races of {y}: "
               + ", ".join(gpname(r).replace(" Grand Prix", "") for r in xs) + ".",
               [f"seasons/{y}/races/*/race-results.yml"])


@Q("aggregate", "most_starts_decade")
def _():
    rs = [r for r in RR if 1970 <= r["year"] <= 1979]
    c = start_counter(rs)
    d, n = top(c, "starts 1970s")
    return rec("who started the most grands prix during the 1970s?",
               acc_driver(d, ALL_WINNERS),
               f"{dn(d)}: {n} starts in 1970-1979 ({START_NOTE}); next: {fmt_top(c, dn, 3)}.",
               ["seasons/197*/races/*/race-results.yml"])


@Q("aggregate", "circuit_most_gp")
def _():
    rs = [r for r in RR if r["grandPrixId"] == "germany"]
    c = Counter(r["circuitId"] for r in rs)
    k, n = top(c, "german gp circuits")
    ci = CIRC[k]
    return rec("Which track has hosted the German GP the most times?",
               dedupe([ci["name"], fold(ci["name"]), ci["fullName"], "Hockenheim"] if k == "hockenheimring"
                      else [ci["name"], fold(ci["name"]), ci["fullName"]]),
               f"{ci['name']} with {n} of the {len(rs)} German Grands Prix; "
               + ", ".join(f"{CIRC[a]['name']} {b}" for a, b in c.most_common()[1:]) + ".",
               ["seasons/*/races/*-germany/race.yml"])


@Q("aggregate", "distinct_winning_teams_season")
def _():
    y = 2012
    rs = season_races(y)
    c = Counter(at(r, 1)["constructorId"] for r in rs)
    return rec("2012 had loads of different winners — how many different teams won a race that year?",
               [str(len(c))],
               f"{len(c)} constructors won in {y}: " + ", ".join(f"{cn(k)} {v}" for k, v in c.most_common())
               + f" ({len(rs)} races).",
               [f"seasons/{y}/races/*/race-results.yml"])


@Q("aggregate", "most_grand_slams")
def _():
    c = Counter(x["driverId"] for r in RR for x in r["race-results"] if x.get("grandSlam"))
    d, n = top(c, "grand slams")
    return rec("who has the most grand slams? (pole, win, fastest lap, led every lap)",
               acc_driver(d, ALL_WINNERS),
               f"{dn(d)} with {n} grand slams (f1db grandSlam flag on race-results); next: {fmt_top(c, dn, 4)} "
               f"({CUTOFF_TXT}).",
               ["seasons/*/races/*/race-results.yml"])


@Q("aggregate", "indy500_count")
def _():
    rs = [r for r in RR if r["grandPrixId"] == "indianapolis"]
    ys = sorted(r["year"] for r in rs)
    return rec("how many times did the indy 500 count towards the f1 world championship",
               [str(len(rs))],
               f"{len(rs)} times: every season {ys[0]}-{ys[-1]} had the Indianapolis 500 as a World Championship "
               f"round.",
               ["seasons/*/races/*-indianapolis/race.yml"])


@Q("aggregate", "most_second_places")
def _():
    c = Counter(x["driverId"] for r in RR for x in r["race-results"] if x["position"] == 2)
    d, n = top(c, "P2")
    return rec("Who's finished runner-up in a race more often than anybody?",
               acc_driver(d, ALL_WINNERS),
               f"{dn(d)} with {n} second places (race-results P2; sprints not counted); next: {fmt_top(c, dn, 3)} "
               f"({CUTOFF_TXT}).",
               ["seasons/*/races/*/race-results.yml"])


@Q("aggregate", "distinct_pole_sitters_current")
def _():
    rs = season_races(THIS_YEAR)
    q = Counter(at(r, 1, "qualifying-results")["driverId"] for r in rs)
    g = Counter(at(r, 1, "starting-grid-positions")["driverId"] for r in rs)
    need(q == g, "2026 qualifying/grid P1 differ")
    return rec("how many different drivers have taken pole so far in 2026?",
               [str(len(q))],
               f"{len(q)} pole sitters in the {len(rs)} races of 2026 with results: "
               + ", ".join(f"{dn(k)} {v}" for k, v in q.most_common())
               + f" (qualifying P1 = grid P1 in every race; {CUTOFF_TXT}).",
               ["seasons/2026/races/*/qualifying-results.yml"])


@Q("aggregate", "team_poles_season")
def _():
    y, t = 1974, "ferrari"
    rs = season_races(y)
    q = [r for r in rs if at(r, 1, "qualifying-results")["constructorId"] == t]
    g = [r for r in rs if at(r, 1, "starting-grid-positions")["constructorId"] == t]
    need(len(q) == len(g), "1974 ferrari poles grid mismatch")
    dc = Counter(at(r, 1, "qualifying-results")["driverId"] for r in q)
    return rec("Ferrari pole positions in 1974 – how many?",
               [str(len(q))],
               f"{len(q)} Ferrari poles in the {len(rs)} races of {y}: "
               + ", ".join(f"{dn(k)} {v}" for k, v in dc.most_common()) + " (qualifying P1 and grid P1 agree).",
               [f"seasons/{y}/races/*/qualifying-results.yml"])


@Q("aggregate", "circuit_race_count")
def _():
    rs = [r for r in RR if r["circuitId"] == "brands-hatch"]
    c = Counter(gpname(r) for r in rs)
    return rec("how many world championship races were held at brands hatch?",
               [str(len(rs))],
               f"{len(rs)} races at Brands Hatch ({rs[0]['year']}-{rs[-1]['year']}): "
               + ", ".join(f"{k} {v}" for k, v in c.most_common()) + ".",
               ["seasons/*/races/*/race.yml"])


@Q("aggregate", "lowest_grid_winner_since")
def _():
    w = []
    for r in RR:
        if r["year"] >= 2000:
            x = at(r, 1)
            g = x["gridPosition"]
            need(isinstance(g, int), f"winner grid {rname(r)}: {g}")
            w.append((g, r, x["driverId"]))
    w.sort(key=lambda t: t[0], reverse=True)
    need(w[0][0] > w[1][0], "lowest grid tie")
    g, r, d = w[0]
    return rec("what's the furthest back on the grid anyone has started and still won, since 2000?",
               [str(g)],
               f"P{g}: {dn(d)} won the {rname(r)} from grid position {g} (race-results gridPosition); next: "
               + ", ".join(f"P{a} {dn(c)} {rname(b)}" for a, b, c in w[1:3]) + f" ({CUTOFF_TXT}).",
               [rsrc(r)])


# ================================================================================================================
# colloquial (22)
# ================================================================================================================
REL = f"today {TODAY.isoformat()}"


def podium_txt(r):
    return ", ".join(f"P{i} {dn(at(r, i)['driverId'])}" for i in (1, 2, 3))


@Q("colloquial", "relative_time")
def _():
    r = rrace(LAST_YEAR, "azerbaijan")
    d = winner(r)
    return rec("who won in baku last year", acc_driver(d, field(r)),
               f"\"Last year\" = {LAST_YEAR} ({REL}); Baku = Azerbaijan GP. {dn(d)} won the {rname(r)} "
               f"({r['date']}); {podium_txt(r)}.", [rsrc(r)])


@Q("colloquial", "nickname")
def _():
    d = "kimi-raikkonen"
    r = wins_of(d)[-1]
    return rec("bwoah. when was the iceman's last ever win?", acc_gp(r, ["Austin", "COTA"]),
               f"\"The Iceman\" = Kimi Räikkönen. His last ({ordinal(len(wins_of(d)))}) Grand Prix win was the {rname(r)} ({r['date']}, "
               f"{CIRC[r['circuitId']]['name']}) with {cn(constructor_of(d, r))}. Race (any accept string) and year "
               f"(accept_all) required.", [rsrc(r)], accept_all=[str(r["year"])])


@Q("colloquial", "typo")
def _():
    d = "kimi-antonelli"
    row = st_row(dstand(THIS_YEAR), "driverId", d)
    return rec("antoneli points tally rn?", [str(row["points"])],
               f"\"antoneli\" = Kimi Antonelli (Mercedes); \"rn\" = now, i.e. after the last race with results "
               f"({CUTOFF_TXT}): {row['points']} points, P{row['position']} in the {THIS_YEAR} drivers' standings.",
               [f"seasons/{THIS_YEAR}/driver-standings.yml"])


@Q("colloquial", "nickname")
def _():
    d = "daniel-ricciardo"
    ys = [r for r in wins_of(d) if r["grandPrixId"] == "monaco"]
    need(len(ys) == 1, "ricciardo monaco wins")
    r = ys[0]
    return rec("what year did the honey badger finally win monaco", [str(r["year"])],
               f"\"The honey badger\" = Daniel Ricciardo: he won the Monaco Grand Prix once, in {r['year']} "
               f"({r['date']}, {cn(constructor_of(d, r))}).", [rsrc(r)])


@Q("colloquial", "nickname")
def _():
    d, y = "michael-schumacher", 2000
    row = st_row(dstand(y), "driverId", d)
    tm = {x["constructorId"] for r in season_races(y) for x in r["race-results"] if x["driverId"] == d}
    tr = {x["constructorId"] for r in season_races(y) for x in r["race-results"] if x["driverId"] == "ralf-schumacher"}
    need(len(tm) == 1 and len(tr) == 1, "schumacher teams 2000")
    return rec("how many points did schumi end up with in 2000", [str(row["points"])],
               f"\"Schumi\" = Michael Schumacher ({cn(tm.pop())}): {row['points']} points, P{row['position']} "
               f"in {y}. (Ralf Schumacher, {cn(tr.pop())}, scored "
               f"{st_row(dstand(y), 'driverId', 'ralf-schumacher')['points']}.)",
               [f"seasons/{y}/driver-standings.yml"])


@Q("colloquial", "slang")
def _():
    d = "nico-hulkenberg"
    r = rrace(LAST_YEAR, "great-britain")
    x = [x for x in r["race-results"] if x["driverId"] == d]
    need(len(x) == 1 and pos(x[0]), "hulk gb")
    p = x[0]["position"]
    need(podiums_of(d)[0]["id"] == r["id"], "hulk first podium")
    return rec("wat did the hulk finish at silverstone last yr", [f"P{p}", str(p)],
               f"\"The Hulk\" = Nico Hülkenberg; last year = {LAST_YEAR}. He finished P{p} in the {rname(r)} "
               f"({r['date']}) for {cn(x[0]['constructorId'])} — his first podium; {podium_txt(r)}.",
               [rsrc(r)])


@Q("colloquial", "relative_time")
def _():
    r = rrace(THIS_YEAR, "belgium")
    q, g = pole_row(r)
    need(q["driverId"] == g["driverId"], "spa pole grid")
    d = q["driverId"]
    return rec("who was quickest in quali at spa this year?", acc_driver(d, field(r, "qualifying-results")),
               f"This year = {THIS_YEAR}. {dn(d)} took pole for the {rname(r)} ({r['date']}; qualifying P1, "
               f"{q.get('q3') or q.get('time')}); grid P1 the same.", [rsrc(r, "qualifying-results")])


@Q("colloquial", "slang")
def _():
    r = LAST
    d = winner(r)
    return rec("who took the W in the latest gp?", acc_driver(d, field(r)),
               f"The latest race with results is the {rname(r)} ({r['date']}, round {r['round']}); later 2026 rounds "
               f"have no results in the data. {dn(d)} won; {podium_txt(r)}.", [rsrc(r)])


@Q("colloquial", "nickname")
def _():
    d, y = "alain-prost", 1985
    w = wins_of(d, season_races(y))
    need(champion(y) == d and {constructor_of(d, r) for r in w} == {"mclaren"}, "prost 1985")
    return rec("the professor's win count in 85?", [str(len(w))],
               f"\"The Professor\" = Alain Prost; '85 = {y}: {len(w)} wins (McLaren) on his way to the title: "
               + ", ".join(gpname(r) for r in w) + ".", [f"seasons/{y}/races/*/race-results.yml"])


@Q("colloquial", "nickname")
def _():
    d = "sergio-perez"
    rows = [(r, x) for r, x in rows_of(d) if r["year"] == THIS_YEAR]
    ps = [pos(x) for r, x in rows if pos(x)]
    best = min(ps)
    at_best = [r for r, x in rows if pos(x) == best]
    return rec("whats checo's best finish this season", [f"P{best}", str(best)],
               f"This season = {THIS_YEAR}; Checo = Sergio Pérez ({cn(rows[0][1]['constructorId'])}). Best race "
               f"finish: P{best} (" + ", ".join(rname(r) for r in at_best) + f"); {len(rows)} races, "
               f"{sum(1 for r, x in rows if x['position'] == 'DNF')} DNFs ({CUTOFF_TXT}).",
               [f"seasons/{THIS_YEAR}/races/*/race-results.yml"])


@Q("colloquial", "nickname")
def _():
    d = "carlos-sainz-jr"
    w = [r for r in wins_of(d) if constructor_of(d, r) == "ferrari"]
    return rec("how many races did the smooth operator win in red", [str(len(w))],
               f"\"Smooth Operator\" = Carlos Sainz Jr.; \"in red\" = Ferrari. {len(w)} wins with Ferrari: "
               + ", ".join(rname(r) for r in w) + f" (of {len(wins_of(d))} career wins; {CUTOFF_TXT}).",
               ["seasons/*/races/*/race-results.yml"])


@Q("colloquial", "typo")
def _():
    d = "rubens-barrichello"
    n = len(podiums_of(d))
    st = starts_of(d)
    need(st[-1]["year"] < 2021, "barrichello sprint era")
    return rec("barichello total podiums?", [str(n)],
               f"\"barichello\" = Rubens Barrichello: {n} Grand Prix podiums in {len(st)} starts "
               f"({st[0]['year']}-{st[-1]['year']}, before sprints existed).",
               ["seasons/*/races/*/race-results.yml"])


@Q("colloquial", "relative_time")
def _():
    y = THIS_YEAR - 2
    r = rrace(y, "netherlands")
    d = winner(r)
    return rec("zandvoort the season before last, who won that one?", acc_driver(d, field(r)),
               f"\"The season before last\" = {y} ({REL}). {dn(d)} won the {rname(r)} ({r['date']}); "
               f"{podium_txt(r)}.", [rsrc(r)])


@Q("colloquial", "nickname")
def _():
    d, y = "jack-brabham", 1960
    w = wins_of(d, season_races(y))
    tm = {constructor_of(d, r) for r in w}
    need(len(tm) == 1, "brabham 1960 team")
    return rec("black jack's 1960 season: how many GPs did he win?", [str(len(w))],
               f"\"Black Jack\" = Jack Brabham ({cn(tm.pop())}): {len(w)} wins in {y}: "
               + ", ".join(gpname(r) for r in w) + ".", [f"seasons/{y}/races/*/race-results.yml"])


@Q("colloquial", "typo")
def _():
    d = "fernando-alonso"
    r = wins_of(d)[0]
    return rec("where did alonzo get his first ever win", acc_gp(r, ["Hungary", "Budapest"]),
               f"\"alonzo\" = Fernando Alonso. First Grand Prix win: {rname(r)} ({r['date']}, "
               f"{CIRC[r['circuitId']]['name']}) with {cn(constructor_of(d, r))}. Race (any accept string) and "
               f"year (accept_all) required.", [rsrc(r)], accept_all=[str(r["year"])])


@Q("colloquial", "typo")
def _():
    d, y = "daniel-ricciardo", 2019
    teams = {x["constructorId"] for r in season_races(y) for x in r["race-results"] if x["driverId"] == d}
    need(len(teams) == 1, "ricciardo 2019 teams")
    t = teams.pop()
    td = season_team_drivers(y, t)
    need(len(td) == 2, "renault 2019")
    mate = [k for k in td if k != d][0]
    return rec("which team was ricciardio driving for in 2019", acc_cons(t),
               f"\"ricciardio\" = Daniel Ricciardo: {cn(t)} in {y} ({len(td[d])} of {len(season_races(y))} races; "
               f"team-mate {dn(mate)}).", [f"seasons/{y}/races/*/race-results.yml"])


@Q("colloquial", "slang")
def _():
    rs = season_races(THIS_YEAR)
    w = [r for r in rs if at(r, 1)["constructorId"] == "mercedes"]
    dc = Counter(at(r, 1)["driverId"] for r in w)
    return rec("merc wins so far this yr?", [str(len(w))],
               f"Merc = Mercedes; this year = {THIS_YEAR}. {len(w)} wins in the {len(rs)} races with results ("
               + ", ".join(f"{dn(k)} {v}" for k, v in dc.most_common()) + f"; {CUTOFF_TXT}).",
               [f"seasons/{THIS_YEAR}/races/*/race-results.yml"])


@Q("colloquial", "slang")
def _():
    s = cstand(THIS_YEAR)
    a, b = st_pos(s, 1), st_pos(s, 2)
    return rec("whos top of the constructors atm", acc_cons(a["constructorId"], ["Merc"]),
               f"\"atm\" = now ({CUTOFF_TXT}): {cn(a['constructorId'])} lead the {THIS_YEAR} constructors' "
               f"standings with {a['points']} points, ahead of {cn(b['constructorId'])} ({b['points']}).",
               [f"seasons/{THIS_YEAR}/constructor-standings.yml"])


@Q("colloquial", "typo")
def _():
    d, y = "jacques-villeneuve", 1997
    w = wins_of(d, season_races(y))
    need(champion(y) == d and {constructor_of(d, r) for r in w} == {"williams"}, "jv 1997")
    gl = starts_of("gilles-villeneuve")[-1]["year"]
    return rec("villenueve won how many in 97?", [str(len(w))],
               f"\"villenueve\" in 1997 = Jacques Villeneuve (Williams, champion; Gilles Villeneuve's last start was "
               f"in {gl}): {len(w)} wins from {len(season_races(y))} races.", [f"seasons/{y}/races/*/race-results.yml"])


@Q("colloquial", "relative_time")
def _():
    r = race(THIS_YEAR, "netherlands")
    need(r["sprint-qualifying-results"] and not r["race-results"] and not r["sprint-race-results"],
         "2026 Dutch GP file assumption")
    x = at(r, 1, "sprint-qualifying-results")
    d = x["driverId"]
    return rec("who topped sprint quali at zandvoort this year?",
               acc_driver(d, field(r, "sprint-qualifying-results")),
               f"This year = {THIS_YEAR}. The {rname(r)} weekend (round {r['round']}) has sprint qualifying results "
               f"in the data: P1 {dn(d)} ({x.get('q3') or x.get('time')}). The sprint and the race themselves have no "
               f"results in the data.", [rsrc(r, "sprint-qualifying-results")])


@Q("colloquial", "nickname")
def _():
    d, y = "juan-manuel-fangio", 1954
    w = wins_of(d, season_races(y))
    tc = Counter(constructor_of(d, r) for r in w)
    return rec("el maestro in '54, how many races did he win?", [str(len(w))],
               f"\"El Maestro\" = Juan Manuel Fangio: {len(w)} wins in {y} ("
               + ", ".join(f"{cn(k)} {v}" for k, v in tc.most_common()) + "): "
               + ", ".join(gpname(r) for r in w) + ".", [f"seasons/{y}/races/*/race-results.yml"])


@Q("colloquial", "relative_time")
def _():
    d = "yuki-tsunoda"
    row = st_row(dstand(LAST_YEAR), "driverId", d)
    need(d not in season_field(THIS_YEAR), "tsunoda races in 2026")
    tc = Counter(x["constructorId"] for r in season_races(LAST_YEAR) for x in r["race-results"] if x["driverId"] == d)
    return rec("how many points did yuki score last season", [str(row["points"])],
               f"Last season = {LAST_YEAR}; Yuki Tsunoda ("
               + ", ".join(f"{cn(k)} {v} races" for k, v in tc.most_common())
               + f"): {row['points']} points, P{row['position']}. He has no {THIS_YEAR} race entries.",
               [f"seasons/{LAST_YEAR}/driver-standings.yml"])


# ================================================================================================================
# relational (20)
# ================================================================================================================
def teammates(y, cid, did, min_share=1.0):
    """Team-mates of did at cid in y; with min_share=1.0 require a single full-season team-mate."""
    td = season_team_drivers(y, cid)
    need(did in td, f"{did} not at {cid} {y}")
    others = {d: rs for d, rs in td.items() if d != did}
    return td, others


@Q("relational", "teammate")
def _():
    y, t, d = 1987, "lotus", "ayrton-senna"
    td, o = teammates(y, t, d)
    need(len(o) == 1, "lotus 1987 team-mates")
    m = next(iter(o))
    eng = {x["engineManufacturerId"] for r in season_races(y) for x in r["race-results"] if x["constructorId"] == t}
    need(len(eng) == 1, "lotus 1987 engine")
    return rec("who was senna's team-mate at lotus in 1987?", acc_driver(m, season_field(y)),
               f"{dn(m)} ({len(o[m])} starts) alongside Ayrton Senna ({len(td[d])} starts) at Lotus-{en(eng.pop())} "
               f"in {y}.",
               [f"seasons/{y}/races/*/race-results.yml", f"seasons/{y}/entrants.yml"])


@Q("relational", "driver_at_position")
def _():
    r = rrace(2010, "abu-dhabi")
    need(r.get("driversChampionshipDecider"), "abu dhabi 2010 decider")
    d = at(r, 4)["driverId"]
    return rec("2010 abu dhabi, the title decider: who came home fourth?", acc_driver(d, field(r)),
               f"{dn(d)} finished P4 in the {rname(r)} ({r['date']}); {podium_txt(r)}; P5 "
               f"{dn(at(r, 5)['driverId'])}.", [rsrc(r)])


@Q("relational", "podium")
def _():
    r = rrace(1976, "japan")
    ids = [at(r, i)["driverId"] for i in (1, 2, 3)]
    f = field(r)
    return rec("Fuji 1976, the famous wet one — who made up the podium?", acc_driver(ids[2], f),
               f"{rname(r)} ({r['date']}, Fuji): {podium_txt(r)}; P4 {dn(at(r, 4)['driverId'])}. All three names "
               f"are required (accept_all).", [rsrc(r)], accept_all=[short_driver(d, f) for d in ids])


@Q("relational", "team_engine")
def _():
    y, t = 1983, "brabham"
    c = Counter(x["engineManufacturerId"] for r in season_races(y) for x in r["race-results"] if x["constructorId"] == t)
    need(len(c) == 1, "brabham 1983 engines")
    e, n = c.most_common(1)[0]
    need(champion(y) == "nelson-piquet", "piquet 1983")
    return rec("what engine was in the back of the brabham in 1983?", [en(e), fold(en(e))],
               f"{en(e)} (Brabham-{en(e)}, all {n} Brabham race entries of {y}; Nelson Piquet won the title with it).",
               [f"seasons/{y}/races/*/race-results.yml"])


@Q("relational", "pole_at_race")
def _():
    r = rrace(1996, "monaco")
    q, g = pole_row(r)
    need(q["driverId"] == g["driverId"], "mon96 grid")
    d = q["driverId"]
    need(dn(winner(r)) == "Olivier Panis", "panis monaco 96")
    return rec("panis won monaco 96 but who had started from pole that day?",
               acc_driver(d, field(r, "qualifying-results")),
               f"{dn(d)} ({cn(q['constructorId'])}) was on pole for the {rname(r)} ({r['date']}; qualifying P1 and "
               f"grid P1); the race was won by {dn(winner(r))} from grid P{at(r, 1)['gridPosition']}.",
               [rsrc(r, "qualifying-results"), rsrc(r)])


@Q("relational", "replacement")
def _():
    y, t, d = 1991, "jordan", "bertrand-gachot"
    td = season_team_drivers(y, t)
    last = max(td[d])
    repl = [k for k, v in td.items() if k != d and min(v) == last + 1]
    need(len(repl) == 1, "jordan 1991 replacement")
    m = repl[0]
    later = [k for k, v in td.items() if min(v) > last + 1]
    rr = [r for r in season_races(y) if r["round"] == last + 1][0]
    return rec("when gachot got locked up in 91, who did jordan put in his car first?",
               acc_driver(m, season_field(y)),
               f"{dn(m)} replaced Bertrand Gachot (rounds 1-{last}) at Jordan for round {last + 1}, the {rname(rr)}; "
               f"later in {y} the seat went to " + " and ".join(f"{dn(k)} (rounds {min(td[k])}-{max(td[k])})"
                                                           for k in later) + ".",
               [f"seasons/{y}/races/*/race-results.yml"])


@Q("relational", "constructors_champion_same_year")
def _():
    y = next(yy for yy in range(1950, 2026) if champion(yy) == "keke-rosberg")
    t = champion_cons(y)
    s = cstand(y)
    kt = {x["constructorId"] for r, x in rows_of("keke-rosberg") if r["year"] == y}
    need(kt == {"williams"}, "keke 1982 team")
    return rec("the year keke rosberg won the drivers title, which team took the constructors'?", acc_cons(t),
               f"Keke Rosberg was champion in {y} (Williams); the {y} constructors' title went to {cn(t)} "
               f"({st_pos(s, 1)['points']} points) ahead of {cn(st_pos(s, 2)['constructorId'])} "
               f"({st_pos(s, 2)['points']}).", [f"seasons/{y}/driver-standings.yml",
                                                 f"seasons/{y}/constructor-standings.yml"])


@Q("relational", "winner_of_debut")
def _():
    d = "lando-norris"
    r = starts_of(d)[0]
    w = winner(r)
    p = [x for x in r["race-results"] if x["driverId"] == d][0]["position"]
    return rec("Who won the race where Lando Norris made his F1 debut?", acc_driver(w, field(r)),
               f"Norris's first start was the {rname(r)} ({r['date']}, {cn(constructor_of(d, r))}; he finished P{p}). "
               f"It was won by "
               f"{dn(w)}; {podium_txt(r)}.", [rsrc(r)])


@Q("relational", "chassis")
def _():
    y, d = 2009, "jenson-button"
    es = [e for e in SEASON[y]["entrants"] if any(x["driverId"] == d for x in e["drivers"])]
    need(len(es) == 1, "button 2009 entrants")
    ch = CHASSIS[es[0]["chassisId"]]
    need(champion(y) == d, "button champion 2009")
    return rec("what was the name of the car button won the 09 title in?",
               [ch["fullName"], ch["name"], ch["name"].replace(" ", "")],
               f"The {ch['fullName']} ({cn(es[0]['constructorId'])}-{en(es[0]['engineManufacturerId'])}); Jenson "
               f"Button won the {y} drivers' title with it (seasons/{y}/entrants.yml chassisId).",
               [f"seasons/{y}/entrants.yml", f"chassis/{ch['id']}.yml"])


@Q("relational", "team_lineup")
def _():
    y, t = THIS_YEAR, "cadillac"
    td = season_team_drivers(y, t)
    need(len(td) == 2, "cadillac line-up")
    ids = sorted(td)
    f = season_field(y)
    return rec("who's driving for cadillac this year?", acc_driver(ids[0], f),
               f"This year = {y}: Cadillac's race drivers are " + " and ".join(
                   f"{dn(k)} ({len(v)} starts)" for k, v in sorted(td.items()))
               + f" ({CUTOFF_TXT}). Both names are required (accept_all).",
               [f"seasons/{y}/races/*/race-results.yml", f"seasons/{y}/entrants.yml"],
               accept_all=[short_driver(k, f) for k in ids])


@Q("relational", "championship_runner_up")
def _():
    y = 1964
    s = dstand(y)
    a, b = st_pos(s, 1), st_pos(s, 2)
    return rec("who missed out on the 1964 title by finishing second?", acc_driver(b["driverId"], season_field(y)),
               f"{dn(b['driverId'])} was P2 in {y} with {b['points']} points, {num(a['points'] - b['points'])} behind "
               f"champion "
               f"{dn(a['driverId'])} ({a['points']}); P3 {dn(st_pos(s, 3)['driverId'])} ({st_pos(s, 3)['points']}).",
               [f"seasons/{y}/driver-standings.yml"])


@Q("relational", "driver_at_position")
def _():
    r = rrace(1995, "canada")
    d = at(r, 2)["driverId"]
    need(winner(r) == "jean-alesi" and len(wins_of("jean-alesi")) == 1, "alesi only win")
    return rec("alesi's only win, montreal 95 – who finished right behind him?", acc_driver(d, field(r)),
               f"{dn(d)} ({cn(at(r, 2)['constructorId'])}) was P2 in the {rname(r)} ({r['date']}); "
               f"{podium_txt(r)}. It was Jean Alesi's only Grand Prix win ({len(wins_of('jean-alesi'))}).",
               [rsrc(r)])


@Q("relational", "team_engine")
def _():
    y, t = 1993, "mclaren"
    c = Counter(x["engineManufacturerId"] for r in season_races(y) for x in r["race-results"] if x["constructorId"] == t)
    need(len(c) == 1, "mclaren 1993 engines")
    e, n = c.most_common(1)[0]
    for yy, ee in ((y - 1, "honda"), (y + 1, "peugeot")):
        need({x["engineManufacturerId"] for r in season_races(yy) for x in r["race-results"]
              if x["constructorId"] == t} == {ee}, f"mclaren {yy} engine")
    return rec("Between Honda and Peugeot, McLaren ran someone else's engines in 1993 — whose?",
               [en(e), fold(en(e)), "Cosworth"],
               f"{en(e)} (f1db engine manufacturer '{e}', i.e. the Ford-Cosworth V8): all {n} McLaren race entries "
               f"of {y}.", [f"seasons/{y}/races/*/race-results.yml"])


@Q("relational", "fastest_lap")
def _():
    r = rrace(THIS_YEAR, "monaco")
    x = at(r, 1, "fastest-laps")
    d = x["driverId"]
    return rec("fastest lap at monaco this season, who got it?", acc_driver(d, field(r)),
               f"This season = {THIS_YEAR}. {dn(d)} set the fastest lap of the {rname(r)} ({r['date']}): "
               f"{x['time']} on lap {x['lap']}.", [rsrc(r, "fastest-laps")])


@Q("relational", "driver_of_the_day")
def _():
    r = rrace(2024, "sao-paulo")
    d = at(r, 1, "driver-of-the-day-results")["driverId"]
    return rec("who got driver of the day at interlagos in 2024", acc_driver(d, field(r)),
               f"{dn(d)} was voted Driver of the Day at the {rname(r)} ({r['date']}); he won the race from grid "
               f"P{[x for x in r['race-results'] if x['driverId'] == d][0]['gridPosition']}.",
               [rsrc(r, "driver-of-the-day-results")])


@Q("relational", "indy500_winner")
def _():
    r = rrace(1955, "indianapolis")
    d = winner(r)
    return rec("the 1955 indy 500 counted for the world championship — who won it?", acc_driver(d, field(r)),
               f"{dn(d)} won the {r['officialName']} ({r['date']}), round {r['round']} of the {r['year']} World "
               f"Championship.", [rsrc(r)])


@Q("relational", "stand_in")
def _():
    y, t = 1999, "ferrari"
    td = season_team_drivers(y, t)
    o = [k for k in td if k not in ("michael-schumacher", "eddie-irvine")]
    need(len(o) == 1, "ferrari 1999 stand-ins")
    m = o[0]
    ms = td["michael-schumacher"]
    gb = race(y, "great-britain")
    need(gb["round"] == min(td[m]) - 1 and [x["position"] for x in gb["race-results"]
                                             if x["driverId"] == "michael-schumacher"] == ["DNS"], "1999 GB DNS")
    return rec("who stood in for schumacher at ferrari after he broke his leg in 1999?",
               acc_driver(m, season_field(y)),
               f"{dn(m)} drove the second Ferrari in rounds {min(td[m])}-{max(td[m])} of {y}. Michael Schumacher "
               f"crashed at the British GP (round {min(td[m]) - 1}; DNS in f1db, as the race was restarted without "
               f"him), missed rounds {min(td[m])}-{max(td[m])} and returned for rounds "
               f"{min(r for r in ms if r > max(td[m]))}-{max(ms)}.",
               [f"seasons/{y}/races/*/race-results.yml"])


@Q("relational", "winner_tyres")
def _():
    r = rrace(1998, "monaco")
    x = at(r, 1)
    c = Counter(y["tyreManufacturerId"] for y in r["race-results"])
    need(len(c) == 2, "1998 monaco tyre makers")
    tm = x["tyreManufacturerId"]
    tn = load(os.path.join(DATA, "tyre-manufacturers", tm + ".yml"))["name"]
    return rec("Monaco 98, which tyre brand was the winner on?", [tn, fold(tn)],
               f"{dn(x['driverId'])} ({cn(x['constructorId'])}) won the {rname(r)} on {tn} tyres; field: "
               + ", ".join(f"{k} {v}" for k, v in c.most_common()) + " entries.",
               [rsrc(r), f"tyre-manufacturers/{tm}.yml"])


@Q("relational", "teammate")
def _():
    y, t, d = 2014, "marussia", "jules-bianchi"
    td, o = teammates(y, t, d)
    need(len(o) == 1, "marussia 2014")
    m = next(iter(o))
    return rec("jules bianchi's team mate at marussia in 2014?", acc_driver(m, season_field(y)),
               f"{dn(m)} ({len(o[m])} starts) alongside Jules Bianchi ({len(td[d])} starts) at Marussia in {y}.",
               [f"seasons/{y}/races/*/race-results.yml"])


@Q("relational", "teammate")
def _():
    y, t, d = 1979, "ferrari", "gilles-villeneuve"
    td, o = teammates(y, t, d)
    need(len(o) == 1, "ferrari 1979")
    m = next(iter(o))
    need(champion(y) == m, "scheckter 1979")
    return rec("Gilles Villeneuve's team-mate in 1979?", acc_driver(m, season_field(y)),
               f"{dn(m)}, who won the {y} title, alongside Gilles Villeneuve (P"
               f"{st_row(dstand(y), 'driverId', d)['position']}) at Ferrari; both started all {len(td[d])} races.",
               [f"seasons/{y}/races/*/race-results.yml", f"seasons/{y}/driver-standings.yml"])


# ================================================================================================================
# career_history (15)
# ================================================================================================================
def winners(r):
    return [x for x in r["race-results"] if x["position"] == 1]


def ordinal(n):
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def first_start_row(did):
    r = starts_of(did)[0]
    x = [x for x in r["race-results"] if x["driverId"] == did and started(x)][0]
    return r, x


@Q("career_history", "debut")
def _():
    d = "fernando-alonso"
    r, x = first_start_row(d)
    return rec("Which race was Fernando Alonso's first ever F1 start?", acc_gp(r, ["Melbourne", "Albert Park"]),
               f"The {rname(r)} ({r['date']}, {CIRC[r['circuitId']]['name']}) with {cn(x['constructorId'])}; he "
               f"finished P{x['position']}. Race (any accept string) and year (accept_all) required.",
               [rsrc(r)], accept_all=[str(r["year"])])


@Q("career_history", "title_count")
def _():
    d = "alberto-ascari"
    ys = [y for y in range(1950, 2026) if champion(y) == d]
    tm = {x["constructorId"] for r, x in rows_of(d) if r["year"] in ys}
    return rec("how many world titles did alberto ascari win", [str(len(ys))],
               f"{len(ys)} drivers' titles: " + ", ".join(map(str, ys)) + " (" + "/".join(cn(t) for t in sorted(tm))
               + ").",
               ["seasons/*/driver-standings.yml"])


@Q("career_history", "first_win_team")
def _():
    d = "sebastian-vettel"
    r = wins_of(d)[0]
    t = constructor_of(d, r)
    need(at(r, 1, "qualifying-results")["driverId"] == d, "vettel monza 2008 pole")
    return rec("which team gave vettel his first grand prix win?", acc_cons(t, ["STR"]),
               f"{cn(t)}: Sebastian Vettel's first win was the {rname(r)} ({r['date']}) from pole, for {cn(t)}.",
               [rsrc(r)])


@Q("career_history", "first_pole")
def _():
    d = "charles-leclerc"
    q, g = poles_of(d), grid_poles_of(d)
    need(q[0]["id"] == g[0]["id"], "leclerc first pole grid")
    r = q[0]
    return rec("where did leclerc take his first pole?", acc_gp(r, ["Bahrain", "Sakhir"]),
               f"The {rname(r)} ({r['date']}, {CIRC[r['circuitId']]['name']}) with "
               f"{cn(at(r, 1, 'qualifying-results')['constructorId'])} (qualifying P1 and grid "
               f"P1). Race (any accept string) and year (accept_all) required.",
               [rsrc(r, "qualifying-results")], accept_all=[str(r["year"])])


@Q("career_history", "career_starts")
def _():
    d = "daniel-ricciardo"
    st = starts_of(d)
    need(len(st) == len(rows_of(d)), "ricciardo has non-start rows")
    tc = Counter(constructor_of(d, r) for r in st)
    return rec("how many grands prix did daniel ricciardo start in his career?", [str(len(st))],
               f"{len(st)} starts ({st[0]['year']}-{st[-1]['year']}; every one of his race entries was a start, so "
               f"entries = starts): " + ", ".join(f"{cn(k)} {v}" for k, v in tc.most_common()) + f" ({CUTOFF_TXT}).",
               ["seasons/*/races/*/race-results.yml"])


@Q("career_history", "team_first_champion")
def _():
    t = "lotus"
    ys = []
    for y in range(1950, 2026):
        d = champion(y)
        tm = {x["constructorId"] for r, x in rows_of(d) if r["year"] == y and started(x)}
        if t in tm:
            need(tm == {t}, f"{y} champion drove for several teams")
            ys.append((y, d))
    y, d = ys[0]
    return rec("who was the first driver to become world champion in a lotus?", acc_driver(d, ALL_WINNERS),
               f"{dn(d)}, champion in {y} driving only for Lotus; Lotus-mounted champions: "
               + ", ".join(f"{a} {dn(b)}" for a, b in ys) + ".",
               ["seasons/*/driver-standings.yml", f"seasons/{y}/races/*/race-results.yml"])


@Q("career_history", "career_teams")
def _():
    d = "andrea-de-cesaris"
    st = starts_of(d)
    tc = Counter(constructor_of(d, r) for r in st)
    allc = {x["constructorId"] for r, x in rows_of(d)}
    need(set(tc) == allc, "de cesaris entered for a team he never started for")
    return rec("andrea de cesaris drove for how many different teams?", [str(len(tc))],
               f"{len(tc)} constructors across his {len(st)} starts ({st[0]['year']}-{st[-1]['year']}): "
               + ", ".join(f"{cn(k)} {v}" for k, v in tc.most_common()) + ".",
               ["seasons/*/races/*/race-results.yml"])


@Q("career_history", "nth_win")
def _():
    d = "lewis-hamilton"
    w = wins_of(d)
    r = w[99]
    return rec("at which race did hamilton bring up his 100th win?", acc_gp(r, ["Sochi", "Russia"]),
               f"The {rname(r)} ({r['date']}, {CIRC[r['circuitId']]['name']}) was win no. 100 (he has {len(w)}; "
               f"{CUTOFF_TXT}). Race (any accept string) and year (accept_all) required.",
               [rsrc(r), "seasons/*/races/*/race-results.yml"], accept_all=[str(r["year"])])


@Q("career_history", "career_seasons")
def _():
    d = "graham-hill"
    ys = sorted({r["year"] for r in starts_of(d)})
    need(ys == list(range(ys[0], ys[-1] + 1)), "graham hill seasons not contiguous")
    return rec("Graham Hill raced in F1 for how many seasons?", [str(len(ys))],
               f"{len(ys)} seasons with at least one start, {ys[0]}-{ys[-1]} ({len(starts_of(d))} starts; "
               f"{START_NOTE}).", ["seasons/*/races/*/race-results.yml"])


@Q("career_history", "win_drought")
def _():
    t = "mclaren"
    mw = [r for r in RR if any(x["constructorId"] == t for x in winners(r))]
    i = [k for k, r in enumerate(mw) if r["year"] == 2021 and r["grandPrixId"] == "italy"]
    need(len(i) == 1 and winner(mw[i[0]]) == "daniel-ricciardo", "mclaren monza 2021 win")
    prev = mw[i[0] - 1]
    wd = [x["driverId"] for x in winners(prev)]
    need(len(wd) == 1, "shared")
    return rec("before ricciardo won at monza in 2021, when had mclaren last won a race?",
               acc_gp(prev, ["Interlagos", "Brazil"]),
               f"The {rname(prev)} ({prev['date']}), won by {dn(wd[0])}; McLaren's next win was the 2021 Italian "
               f"Grand Prix (Daniel Ricciardo). Race (any accept string) and year (accept_all) required.",
               [rsrc(prev), rsrc(mw[i[0]])], accept_all=[str(prev["year"])])


@Q("career_history", "first_win")
def _():
    d = "kimi-antonelli"
    w = wins_of(d)
    r = w[0]
    return rec("kimi antonelli's first GP win came where?", acc_gp(r, ["Shanghai", "China"]),
               f"The {rname(r)} ({r['date']}, {CIRC[r['circuitId']]['name']}) for {cn(constructor_of(d, r))}; "
               f"{len(w)} wins so far "
               f"({CUTOFF_TXT}). Sprints are not counted. Race (any accept string) and year (accept_all) required.",
               [rsrc(r)], accept_all=[str(r["year"])])


@Q("career_history", "last_win")
def _():
    d = "damon-hill"
    r = wins_of(d)[-1]
    t = constructor_of(d, r)
    tw = [rr for rr in RR if any(x["constructorId"] == t for x in winners(rr))]
    need(tw[0]["id"] == r["id"], "jordan first win")
    return rec("damon hill's final grand prix win — which race and which team?", acc_gp(r, ["Spa"]),
               f"The {rname(r)} ({r['date']}, {CIRC[r['circuitId']]['name']}) for {cn(t)} (its first win); his "
               f"{ordinal(len(wins_of(d)))} and last win. Race (any accept string) and team (accept_all) required.",
               [rsrc(r)], accept_all=[cn(t)])


@Q("career_history", "posthumous_points")
def _():
    y, d = 1970, "jochen-rindt"
    need(champion(y) == d, "rindt champion")
    row = st_row(dstand(y), "driverId", d)
    last = starts_of(d)[-1]
    return rec("jochen rindt won the 1970 title after his death at monza — what was his final points total?",
               [str(row["points"])],
               f"{row['points']} points (P1 in the {y} standings; runner-up {dn(st_pos(dstand(y), 2)['driverId'])} "
               f"{st_pos(dstand(y), 2)['points']}). His last start was the {rname(last)}.",
               [f"seasons/{y}/driver-standings.yml"])


@Q("career_history", "team_first_win")
def _():
    t = "williams"
    mw = [r for r in RR if any(x["constructorId"] == t for x in winners(r))]
    r = mw[0]
    wd = [x["driverId"] for x in winners(r)]
    need(len(wd) == 1, "williams first win shared")
    return rec("who scored williams' first ever grand prix win?", acc_driver(wd[0], field(r)),
               f"{dn(wd[0])}, at the {rname(r)} ({r['date']}, {CIRC[r['circuitId']]['name']}).", [rsrc(r)])


@Q("career_history", "last_win")
def _():
    d = "niki-lauda"
    r = wins_of(d)[-1]
    return rec("What was the last race Niki Lauda ever won?", acc_gp(r, ["Zandvoort"]),
               f"The {rname(r)} ({r['date']}, {CIRC[r['circuitId']]['name']}) with {cn(constructor_of(d, r))}, his "
               f"{ordinal(len(wins_of(d)))} and final win. Race (any accept string) and year (accept_all) required.",
               [rsrc(r)], accept_all=[str(r["year"])])


# ================================================================================================================
# comparative (13)
# ================================================================================================================
def num(x):
    return int(x) if float(x).is_integer() else x


def cmp_points(y, a, b, question, kind="driver"):
    s = dstand(y) if kind == "driver" else cstand(y)
    key = "driverId" if kind == "driver" else "constructorId"
    ra, rb = st_row(s, key, a), st_row(s, key, b)
    need(ra["points"] != rb["points"], f"points tie {a} {b} {y}")
    hi, lo = (ra, rb) if ra["points"] > rb["points"] else (rb, ra)
    m = num(hi["points"] - lo["points"])
    nm = dn if kind == "driver" else cn
    sh = (lambda k: short_driver(k, season_field(y))) if kind == "driver" else (lambda k: fold(cn(k)))
    return rec(question, [str(m)],
               f"{nm(hi[key])} P{hi['position']} {num(hi['points'])} vs {nm(lo[key])} P{lo['position']} "
               f"{num(lo['points'])} in {y}: {nm(hi[key])} by {m}. Name and margin required (accept_all).",
               [f"seasons/{y}/{kind}-standings.yml"], accept_all=[sh(hi[key]), str(m)])


@Q("comparative", "points_comparison")
def _():
    return cmp_points(1999, "mika-hakkinen", "eddie-irvine",
                      "hakkinen v irvine 1999 — who came out on top and by how many points?")


@Q("comparative", "career_poles")
def _():
    a, b = "nico-rosberg", "jenson-button"
    pa, pb = len(poles_of(a)), len(poles_of(b))
    need((pa, pb) == (len(grid_poles_of(a)), len(grid_poles_of(b))), "rosberg/button grid poles differ")
    need(pa != pb, "tie")
    hi, lo, m = (a, b, pa - pb) if pa > pb else (b, a, pb - pa)
    sc = ALL_WINNERS
    return rec("career poles: nico rosberg or jenson button, who had more and what's the gap?", [str(abs(pa - pb))],
               f"Nico Rosberg {pa} poles vs Jenson Button {pb} (qualifying P1; grid P1 gives the same): "
               f"{dn(hi)} by {m}. Name and margin required (accept_all).",
               ["seasons/*/races/*/qualifying-results.yml"], accept_all=[short_driver(hi, sc), str(m)])


@Q("comparative", "team_points_comparison")
def _():
    return cmp_points(1998, "ferrari", "mclaren",
                      "Ferrari vs McLaren in the 1998 constructors' table: who finished ahead, and by what margin?",
                      kind="constructor")


@Q("comparative", "wins_comparison")
def _():
    y, a, b = 1989, "ayrton-senna", "alain-prost"
    wa, wb = len(wins_of(a, season_races(y))), len(wins_of(b, season_races(y)))
    need(wa != wb, "tie")
    hi, n_hi, n_lo = (a, wa, wb) if wa > wb else (b, wb, wa)
    need(champion(y) == b, "prost 1989 champion")
    return rec("1989 at McLaren: did Senna or Prost win more races? give the numbers",
               [str(n_hi)],
               f"Ayrton Senna {wa} wins vs Alain Prost {wb} in {y} (Prost won the title). {dn(hi)} won more; "
               f"both counts required (accept_all).", [f"seasons/{y}/races/*/race-results.yml"],
               accept_all=[surname(hi), str(wa), str(wb)])


@Q("comparative", "tie_countback")
def _():
    y, a, b = 2007, "lewis-hamilton", "fernando-alonso"
    s = dstand(y)
    ra, rb = st_row(s, "driverId", a), st_row(s, "driverId", b)
    need(ra["points"] == rb["points"], "2007 not tied")
    hi = a if ra["position"] < rb["position"] else b
    lo = b if hi == a else a
    rs = season_races(y)
    def count(d, p):
        return sum(1 for r in rs for x in r["race-results"] if x["driverId"] == d and x["position"] == p)
    tb = next(p for p in range(1, 30) if count(a, p) != count(b, p))
    return rec("alonso and hamilton in 2007 — which of them actually finished higher in the standings?",
               acc_driver(hi, season_field(y)),
               f"Both scored {num(ra['points'])} points; {dn(hi)} is P{min(ra['position'], rb['position'])} and "
               f"{dn(lo)} P{max(ra['position'], rb['position'])} on countback (P{tb} finishes: {dn(a)} "
               f"{count(a, tb)}, {dn(b)} {count(b, tb)}; wins {count(a, 1)} each). Champion: "
               f"{dn(champion(y))} with {num(st_pos(s, 1)['points'])}. Name and the shared points total required "
               f"(accept_all).", [f"seasons/{y}/driver-standings.yml", f"seasons/{y}/races/*/race-results.yml"],
               accept_all=[surname(hi), str(num(ra["points"]))])


@Q("comparative", "career_wins_difference")
def _():
    a, b = "max-verstappen", "charles-leclerc"
    wa, wb = len(wins_of(a)), len(wins_of(b))
    need(wa > wb, "order")
    return rec("how many more wins does verstappen have than leclerc?", [str(wa - wb)],
               f"Max Verstappen {wa} Grand Prix wins vs Charles Leclerc {wb}: {wa - wb} more ({CUTOFF_TXT}; sprints "
               f"not counted).", ["seasons/*/races/*/race-results.yml"])


@Q("comparative", "teammate_points_current")
def _():
    return cmp_points(THIS_YEAR, "lance-stroll", "fernando-alonso",
                      "aston martin this year, stroll or alonso ahead on points? by how much")


@Q("comparative", "career_podiums")
def _():
    a, b = "mark-webber", "felipe-massa"
    pa, pb = len(podiums_of(a)), len(podiums_of(b))
    need(pa != pb, "tie")
    hi, m = (a, pa - pb) if pa > pb else (b, pb - pa)
    return rec("webber or massa — who got more podiums in their careers?", [str(max(pa, pb))],
               f"Mark Webber {pa} Grand Prix podiums vs Felipe Massa {pb}: {dn(hi)} by {m}. Name and his count "
               f"required (accept_all).", ["seasons/*/races/*/race-results.yml"],
               accept_all=[surname(hi), str(max(pa, pb))])


@Q("comparative", "career_poles")
def _():
    a, b = "jim-clark", "jackie-stewart"
    pa, pb = len(poles_of(a)), len(poles_of(b))
    need((pa, pb) == (len(grid_poles_of(a)), len(grid_poles_of(b))), "grid poles differ")
    need(pa > pb, "order")
    return rec("Clark vs Stewart, pole positions: how many more did the faster qualifier have?", [str(pa - pb)],
               f"Jim Clark {pa} poles vs Jackie Stewart {pb} (qualifying P1; grid P1 agrees): Clark by {pa - pb}. "
               f"Name and margin required (accept_all).", ["seasons/*/races/*/qualifying-results.yml"],
               accept_all=["Clark", str(pa - pb)])


@Q("comparative", "team_points_comparison")
def _():
    need(champion(1973) == "jackie-stewart", "stewart 1973")
    return cmp_points(1973, "tyrrell", "lotus",
                      "stewart won the drivers title in 73 but did tyrrell beat lotus in the constructors? margin?",
                      kind="constructor")


@Q("comparative", "age_at_first_title")
def _():
    out = {}
    for d in ("damon-hill", "jenson-button"):
        y = next(yy for yy in range(1950, 2026) if champion(yy) == d)
        dec = [r for r in season_races(y) if r.get("driversChampionshipDecider")]
        need(len(dec) == 1, f"decider {d}")
        out[d] = (y, dec[0], age_on(d, dec[0]["date"]))
    (ya, ra, aa), (yb, rb, ab) = out["damon-hill"], out["jenson-button"]
    need(aa[0] != ab[0], "same age in years")
    hi = "damon-hill" if aa > ab else "jenson-button"
    return rec("who was older when he clinched his first world title: damon hill or jenson button?",
               acc_driver(hi, ALL_WINNERS),
               f"Damon Hill clinched the {ya} title at the {rname(ra)} ({ra['date']}) aged {aa[0]} years {aa[1]} "
               f"days; Jenson Button clinched {yb} at the {rname(rb)} ({rb['date']}) aged {ab[0]} years {ab[1]} "
               f"days. {dn(hi)} was older. Name and his age in years required (accept_all).",
               [rsrc(ra, "race"), rsrc(rb, "race"), "drivers/damon-hill.yml", "drivers/jenson-button.yml"],
               accept_all=["Hill" if hi == "damon-hill" else "Button",
                           str(aa[0] if hi == "damon-hill" else ab[0])])


def quali_h2h(y, a, b):
    ca = cb = 0
    for r in season_races(y):
        q = {x["driverId"]: x["position"] for x in r["qualifying-results"]}
        if isinstance(q.get(a), int) and isinstance(q.get(b), int):
            if q[a] < q[b]:
                ca += 1
            else:
                cb += 1
    return ca, cb


@Q("comparative", "quali_head_to_head")
def _():
    y, a, b = 2024, "lewis-hamilton", "george-russell"
    ca, cb = quali_h2h(y, a, b)
    need(ca != cb, "tie")
    hi = a if ca > cb else b
    return rec("Mercedes 2024 quali battle, Hamilton vs Russell — what was the final score?",
               [str(max(ca, cb)), f"{max(ca, cb)}-{min(ca, cb)}", f"{max(ca, cb)}–{min(ca, cb)}"],
               f"{dn(hi)} out-qualified his team-mate {max(ca, cb)} times to {min(ca, cb)} in the {ca + cb} Grand "
               f"Prix qualifying sessions of {y} (qualifying-results positions; sprint qualifying not counted). "
               f"Name and both counts required (accept_all).", [f"seasons/{y}/races/*/qualifying-results.yml"],
               accept_all=[surname(hi), str(max(ca, cb)), str(min(ca, cb))])


@Q("comparative", "quali_head_to_head")
def _():
    y, a, b = THIS_YEAR, "george-russell", "kimi-antonelli"
    ca, cb = quali_h2h(y, a, b)
    need(ca != cb, "tie")
    hi = a if ca > cb else b
    return rec("russell vs antonelli in qualifying so far this season, who's ahead in the head to head?",
               acc_driver(hi, season_field(y)),
               f"This season = {y}: {dn(hi)} leads {max(ca, cb)}-{min(ca, cb)} in Grand Prix qualifying "
               f"(qualifying-results positions over {ca + cb} races; sprint qualifying not counted; {CUTOFF_TXT}). "
               f"Name and his count required (accept_all).", [f"seasons/{y}/races/*/qualifying-results.yml"],
               accept_all=[surname(hi), str(max(ca, cb))])


# ================================================================================================================
# multi_part (13)
# ================================================================================================================
@Q("multi_part", "champion_and_margin")
def _():
    y = 1961
    s = dstand(y)
    a, b = st_pos(s, 1), st_pos(s, 2)
    m = num(a["points"] - b["points"])
    f = season_field(y)
    tm = {x["constructorId"] for r, x in rows_of(a["driverId"]) if r["year"] == y}
    need(len(tm) == 1, "1961 champion team")
    return rec("who won the 1961 championship, and how many points was it by?", acc_driver(a["driverId"], f),
               f"{dn(a['driverId'])} ({cn(tm.pop())}) was {y} champion with {num(a['points'])} points, {m} ahead of "
               f"{dn(b['driverId'])} ({num(b['points'])}). Champion and margin required (accept_all).",
               [f"seasons/{y}/driver-standings.yml"], accept_all=[short_driver(a["driverId"], f), str(m)])


@Q("multi_part", "winner_and_grid")
def _():
    r = rrace(THIS_YEAR, "canada")
    x = at(r, 1)
    q, g = pole_row(r)
    need(isinstance(x["gridPosition"], int), "grid")
    f = field(r)
    return rec("montreal this year: who won and where did he start on the grid?", acc_driver(x["driverId"], f),
               f"{dn(x['driverId'])} won the {rname(r)} ({r['date']}) from grid P{x['gridPosition']}; pole: "
               f"{dn(g['driverId'])}. Winner and grid slot required (accept_all).", [rsrc(r),
                                                                                       rsrc(r, "starting-grid-positions")],
               accept_all=[short_driver(x["driverId"], f), str(x["gridPosition"])])


@Q("multi_part", "pole_and_winner")
def _():
    r = rrace(1999, "europe")
    q, g = pole_row(r)
    need(q["driverId"] == g["driverId"], "grid")
    w = winner(r)
    f = field(r)
    return rec("nurburgring 1999, the chaotic one: who was on pole and who won?", acc_driver(w, f),
               f"{rname(r)} ({r['date']}, {CIRC[r['circuitId']]['name']}): pole {dn(q['driverId'])} (qualifying P1 "
               f"and grid P1), winner {dn(w)} ({cn(at(r, 1)['constructorId'])}). Both names required (accept_all).",
               [rsrc(r, "qualifying-results"), rsrc(r)],
               accept_all=[short_driver(q["driverId"], f), short_driver(w, f)])


@Q("multi_part", "constructors_champion_and_points")
def _():
    y = 1962
    s = cstand(y)
    a, b = st_pos(s, 1), st_pos(s, 2)
    return rec("1962 constructors' title: which team, and on how many points?", acc_cons(a["constructorId"]),
               f"{cn(a['constructorId'])} won the {y} constructors' championship with {num(a['points'])} points "
               f"(P2 {cn(b['constructorId'])} {num(b['points'])}). Team and points required (accept_all).",
               [f"seasons/{y}/constructor-standings.yml"], accept_all=[cn(a["constructorId"]), str(num(a["points"]))])


@Q("multi_part", "short_stint_and_replacement")
def _():
    y, t, d = LAST_YEAR, "red-bull", "liam-lawson"
    td = season_team_drivers(y, t)
    n = len(td[d])
    repl = [k for k, v in td.items() if k not in (d, "max-verstappen") and min(v) == max(td[d]) + 1]
    need(len(repl) == 1, "lawson replacement")
    m = repl[0]
    f = season_field(y)
    rbs = season_team_drivers(y, "racing-bulls")
    need(d in rbs and min(rbs[d]) == min(td[m]), "lawson to racing bulls")
    return rec("how many races did lawson get at red bull last year before they dropped him, and who got the seat?",
               acc_driver(m, f),
               f"Last year = {y}. Liam Lawson drove for Red Bull in {n} races (rounds {min(td[d])}-{max(td[d])}); "
               f"{dn(m)} took the seat from round {min(td[m])} (and Lawson moved to Racing Bulls). Count and name "
               f"required (accept_all).", [f"seasons/{y}/races/*/race-results.yml", f"seasons/{y}/entrants.yml"],
               accept_all=[str(n), short_driver(m, f)])


@Q("multi_part", "sprint_and_race_winner")
def _():
    r = rrace(THIS_YEAR, "miami")
    need(r["sprint-race-results"], "miami sprint")
    s = at(r, 1, "sprint-race-results")["driverId"]
    w = winner(r)
    need(s != w, "same winner")
    f = field(r)
    return rec("miami weekend this year — who won the sprint and who won the actual race?", acc_driver(w, f),
               f"{rname(r)} ({r['date']}): sprint won by {dn(s)}, Grand Prix won by {dn(w)}. Both names required "
               f"(accept_all).", [rsrc(r, "sprint-race-results"), rsrc(r)],
               accept_all=[short_driver(s, f), short_driver(w, f)])


@Q("multi_part", "champion_runner_up_margin")
def _():
    y = 2010
    s = dstand(y)
    a, b = st_pos(s, 1), st_pos(s, 2)
    m = num(a["points"] - b["points"])
    f = season_field(y)
    return rec("2010 title: who won it, who was runner up, and what was the gap?", acc_driver(a["driverId"], f),
               f"{dn(a['driverId'])} {num(a['points'])}, {dn(b['driverId'])} {num(b['points'])}: gap {m} points "
               f"(P3 {dn(st_pos(s, 3)['driverId'])} {num(st_pos(s, 3)['points'])}). All three parts required "
               f"(accept_all).", [f"seasons/{y}/driver-standings.yml"],
               accept_all=[short_driver(a["driverId"], f), short_driver(b["driverId"], f), str(m)])


@Q("multi_part", "season_races_and_wins")
def _():
    y, d = 1968, "graham-hill"
    rs = season_races(y)
    w = wins_of(d, rs)
    need(champion(y) == d and {constructor_of(d, r) for r in w} == {"lotus"}, "hill 1968")
    return rec("How many rounds were there in 1968, and how many did Graham Hill win?", [str(len(rs))],
               f"{len(rs)} World Championship races in {y}; Graham Hill (Lotus, champion) won {len(w)}: "
               + ", ".join(gpname(r) for r in w) + ". Both numbers required (accept_all).",
               [f"seasons/{y}/races/*/race-results.yml"], accept_all=[str(len(rs)), str(len(w))])


@Q("multi_part", "winner_and_fastest_lap")
def _():
    r = rrace(2004, "japan")
    w = winner(r)
    fl = at(r, 1, "fastest-laps")
    f = field(r)
    need(w != fl["driverId"], "same")
    return rec("suzuka 2004 — race winner and fastest lap?", acc_driver(w, f),
               f"{rname(r)} ({r['date']}): won by {dn(w)}; fastest lap {dn(fl['driverId'])} ({fl['time']}, lap "
               f"{fl['lap']}). Both names required (accept_all).", [rsrc(r), rsrc(r, "fastest-laps")],
               accept_all=[short_driver(w, f), short_driver(fl["driverId"], f)])


@Q("multi_part", "lineup_and_team_points")
def _():
    y, t = 1998, "jordan"
    td = season_team_drivers(y, t)
    need(len(td) == 2, "jordan 1998 line-up")
    row = st_row(cstand(y), "constructorId", t)
    f = season_field(y)
    ids = sorted(td)
    eng = {x["engineManufacturerId"] for r in season_races(y) for x in r["race-results"] if x["constructorId"] == t}
    need(len(eng) == 1, "jordan 1998 engine")
    return rec("jordan 1998: who were the two drivers and how many constructors' points did the team end up with?",
               acc_driver(ids[0], f),
               f"Jordan-{en(eng.pop())} {y}: " + " and ".join(f"{dn(k)} ({len(v)} starts)" for k, v in
                                                                   sorted(td.items()))
               + f"; {num(row['points'])} constructors' points, P{row['position']}. Both names and the points "
                 f"required (accept_all).", [f"seasons/{y}/constructor-standings.yml",
                                             f"seasons/{y}/races/*/race-results.yml"],
               accept_all=[short_driver(k, f) for k in ids] + [str(num(row["points"]))])


@Q("multi_part", "first_win_when_where")
def _():
    d = "nigel-mansell"
    r = wins_of(d)[0]
    ci = CIRC[r["circuitId"]]
    x = [x for x in r["race-results"] if x["driverId"] == d][0]
    return rec("when and where did mansell finally get his first win?", acc_gp(r, ["Brands"]),
               f"The {rname(r)} on {r['date']} at {ci['name']} ({cn(x['constructorId'])}-{en(x['engineManufacturerId'])}). Venue or race name (any accept "
               f"string) and year (accept_all) required.", [rsrc(r)], accept_all=[str(r["year"])])


@Q("multi_part", "last_title_and_team")
def _():
    d = "nelson-piquet"
    ys = [y for y in range(1950, 2026) if champion(y) == d]
    y = ys[-1]
    ts = {x["constructorId"] for r, x in rows_of(d) if r["year"] == y}
    need(len(ts) == 1, "piquet team")
    t = ts.pop()
    return rec("Nelson Piquet's last world title: what year, and for which team?", [str(y)],
               f"{y} with {cn(t)} (his titles: " + ", ".join(map(str, ys)) + "). Year and team required "
                                                                              "(accept_all).",
               [f"seasons/{y}/driver-standings.yml", f"seasons/{y}/races/*/race-results.yml"],
               accept_all=[str(y), cn(t)])


@Q("multi_part", "first_win_and_pole")
def _():
    d = "kimi-raikkonen"
    r = wins_of(d)[0]
    q, g = pole_row(r)
    need(q["driverId"] == g["driverId"], "grid")
    need(poles_of(q["driverId"])[0]["id"] == r["id"], "alonso first pole")
    f = field(r)
    return rec("raikkonen's first win — which race was it, and who had pole that weekend?",
               acc_gp(r, ["Sepang", "Malaysia"]),
               f"The {rname(r)} ({r['date']}, {CIRC[r['circuitId']]['name']}); pole: {dn(q['driverId'])} (his first, "
               f"qualifying P1 and grid P1). Race (any accept string), year and pole sitter required (accept_all).",
               [rsrc(r), rsrc(r, "qualifying-results")],
               accept_all=[str(r["year"]), short_driver(q["driverId"], f)])


# ================================================================================================================
# unavailable (12)
# ================================================================================================================
def future_race(year, gp):
    r = race(year, gp)
    need(not r["race-results"] and not r["sprint-race-results"] and not r["qualifying-results"],
         f"{rname(r)} has results")
    return r


def not_held(year, gp):
    need(not [r for r in RACES if r["year"] == year and r["grandPrixId"] == gp], f"{year} {gp} exists")
    held = sorted(r["year"] for r in RR if r["grandPrixId"] == gp)
    return held


def never_started(did):
    need(did in DRIVERS, did)
    need(not starts_of(did), f"{did} has starts")
    return Counter(x["position"] for r, x in rows_of(did))


@Q("unavailable", "future_unavailable")
def _():
    r = future_race(THIS_YEAR, "singapore")
    need(todate(r["date"]) < TODAY, "singapore date")
    return unavail("who won in singapore this year?",
                   f"The {rname(r)} (round {r['round']}, {r['date']}) is before today ({TODAY}) but has only race.yml "
                   f"in the data: no result. The reply must say it is not available; the last race with results is "
                   f"the {rname(LAST)} (round {LAST['round']}).", [f"{r['path']}/race.yml"])


@Q("unavailable", "no_data")
def _():
    r = rrace(2005, "italy")
    x = [x for x in r["race-results"] if x["driverId"] == "juan-pablo-montoya"]
    need(len(x) == 1, "montoya monza 2005")
    return unavail("what was montoya's top speed through the speed trap at monza in 2005?",
                   f"f1db has no speed-trap or top-speed data (and no lap data exists for 2005). The reply should "
                   f"say it is not in the data. Context that is in the data: Montoya finished P{x[0]['position']} in "
                   f"the {rname(r)} ({cn(x[0]['constructorId'])}).", [rsrc(r)])


@Q("unavailable", "no_data")
def _():
    r = rrace(2012, "abu-dhabi")
    need(winner(r) == "kimi-raikkonen" and cn(at(r, 1)["constructorId"]) == "Lotus", "kimi abu dhabi 2012")
    return unavail("what exactly did kimi say on team radio when he won abu dhabi 2012?",
                   f"Team-radio transcripts are not stored in f1db. The reply should say so; that Kimi Räikkönen won "
                   f"the {rname(r)} (Lotus) is in the data and may be mentioned.", [rsrc(r)])


@Q("unavailable", "never_raced")
def _():
    d = "jak-crawford"
    c = never_started(d)
    need(not c, "crawford has race rows")
    fp = [r for r in RACES if r["free-practice-1-results"] and any(x["driverId"] == d
                                                                    for x in r["free-practice-1-results"])]
    return unavail("which race was jak crawford's f1 debut?",
                   f"Jak Crawford has never raced in a Grand Prix: no race-results, qualifying or sprint rows. "
                   f"He appears only as a test/reserve driver in entrants and in {len(fp)} FP1 sessions ("
                   + ", ".join(rname(r) for r in fp) + "). The reply should say he has not raced.",
                   [f"drivers/{d}.yml", "seasons/*/entrants.yml", "seasons/*/races/*/free-practice-1-results.yml"])


@Q("unavailable", "not_held")
def _():
    held = not_held(2023, "emilia-romagna")
    return unavail("imola 2023, who won?",
                   f"There was no 2023 Emilia Romagna Grand Prix: it is not among the "
                   f"{len([r for r in RACES if r['year'] == 2023])} rounds of 2023 in the data (cancelled after the "
                   f"floods). Emilia Romagna GPs with results: " + ", ".join(map(str, held)) + ". The reply should "
                   f"say it was not held.", ["seasons/2023/races/"])


@Q("unavailable", "future_unavailable")
def _():
    r = race(THIS_YEAR, "netherlands")
    need(not r["sprint-race-results"] and r["sprint-qualifying-results"], "zandvoort 2026 sprint")
    return unavail("zandvoort sprint this year, who won it?",
                   f"The {rname(r)} weekend (round {r['round']}, sprint scheduled {r.get('sprintRaceDate')}) has only "
                   f"FP1 and sprint qualifying in the data (P1 {dn(at(r, 1, 'sprint-qualifying-results')['driverId'])}"
                   f"); there is no sprint result, so the winner is not available. Mentioning the sprint-qualifying "
                   f"P1 as context is fine, naming a sprint winner is not.", [f"{r['path']}/"])


@Q("unavailable", "no_data")
def _():
    r = rrace(1988, "monaco")
    q = at(r, 1, "qualifying-results")
    return unavail("senna's sector 3 time in qualifying at monaco 1988?",
                   f"f1db has no sector times; 1988 qualifying rows carry only the lap time (pole: "
                   f"{dn(q['driverId'])}, {q.get('time') or q.get('q1')}). The reply should say sector times are not "
                   f"available; the lap time is fine as context.", [rsrc(r, "qualifying-results")])


@Q("unavailable", "no_data")
def _():
    y = 1992
    w = wins_of("nigel-mansell", season_races(y))
    return unavail("How many laps did Mansell lead in total in 1992?",
                   f"Laps led are not stored in f1db (no lap-by-lap positions for {y}). The reply should say it is "
                   f"not available; his {len(w)} wins and the title are in the data as context.",
                   [f"seasons/{y}/races/*/race-results.yml"])


@Q("unavailable", "never_raced")
def _():
    d = "perry-mccarthy"
    c = never_started(d)
    need(c, "mccarthy rows")
    ys = sorted({r["year"] for r, x in rows_of(d)})
    return unavail("what was perry mccarthy's best ever race finish?",
                   f"Perry McCarthy never started a Grand Prix: his {sum(c.values())} race entries ("
                   + ", ".join(map(str, ys)) + ", Andrea Moda) are all non-starts ("
                   + ", ".join(f"{k} {v}" for k, v in c.most_common()) + "). There is no finishing position; the reply "
                   f"should say he never raced.", [f"drivers/{d}.yml", "seasons/1992/races/*/race-results.yml"])


@Q("unavailable", "not_held")
def _():
    held = not_held(2022, "russia")
    return unavail("who won the 2022 russian grand prix",
                   f"No 2022 Russian Grand Prix in the data (it was cancelled); Russian GPs with results: "
                   + ", ".join(map(str, held)) + ". The reply should say it was not held.", ["seasons/2022/races/"])


@Q("unavailable", "future_unavailable")
def _():
    r = future_race(THIS_YEAR, "abu-dhabi")
    need(todate(r["date"]) > TODAY, "abu dhabi date")
    return unavail("who won the abu dhabi finale this year",
                   f"The {rname(r)} (round {r['round']}) is scheduled for {r['date']}, after today ({TODAY}); it has "
                   f"not been run and has no results. The reply must not name a winner.", [f"{r['path']}/race.yml"])


@Q("unavailable", "no_data")
def _():
    r = rrace(LAST_YEAR, "great-britain")
    return unavail("how many fans were at silverstone for last year's british gp?",
                   f"Attendance figures are not in f1db. The reply should say the data does not include it; race "
                   f"facts such as the winner of the {rname(r)} ({dn(winner(r))}) are fine as context.", [rsrc(r)])


# ================================================================================================================
# build
# ================================================================================================================
def match(reply, s):
    r, t = norm(reply), norm(s)
    if re.fullmatch(r"\d+", t):
        return re.search(r"(?<![\d.])" + t + r"(?![\d]|\.\d)", r) is not None
    return t in r


def self_check(rec_):
    if rec_["expect_unavailable"]:
        return
    note = rec_["answer_note"]
    need(any(match(note, a) for a in rec_["accept"]), f"{rec_['id']}: note matches no accept string")
    for a in rec_.get("accept_all") or []:
        need(match(note, a), f"{rec_['id']}: note misses accept_all {a!r}")


def build():
    out = []
    for group, category, fn in QUESTIONS:
        try:
            r = fn()
        except AssumptionError as e:
            raise SystemExit(f"ASSUMPTION FAILED in {group}/{category} ({fn.__name__}): {e}")
        note = re.sub(r"\.\.+", ".", r["note"]).replace(".)", ")").replace("..", ".")
        x = {"id": None, "category": category, "group": group, "question": r["question"],
             "accept": [] if r["unavailable"] else r["accept"]}
        if r["accept_all"]:
            x["accept_all"] = dedupe(r["accept_all"])
        x["expect_unavailable"] = r["unavailable"]
        x["answer_note"] = note
        x["source"] = r["source"]
        need(r["unavailable"] or x["accept"], f"{r['question']}: empty accept")
        out.append(x)
    counts = Counter(x["group"] for x in out)
    need(dict(counts) == GROUP_COUNTS, f"group counts {dict(counts)} != {GROUP_COUNTS}")
    qs = [norm(x["question"]) for x in out]
    need(len(set(qs)) == len(qs), "duplicate question")
    RNG.shuffle(out)
    for i, x in enumerate(out, 1):
        x["id"] = f"fbt-{i:03d}"
        self_check(x)
    return out


def main():
    try:
        recs = build()
    except AssumptionError as e:
        raise SystemExit(f"ASSUMPTION FAILED: {e}")
    need(len(recs) == 120, "not 120 records")
    with open(OUT, "w", encoding="utf-8") as f:
        for x in recs:
            f.write(json.dumps(x, ensure_ascii=False) + "\n")
    c = Counter(x["group"] for x in recs)
    print(f"wrote {len(recs)} records to {OUT}")
    for g in GROUP_COUNTS:
        print(f"  {g}: {c[g]}")
    print(f"  accept_all: {sum(1 for x in recs if x.get('accept_all'))}, "
          f"expect_unavailable: {sum(1 for x in recs if x['expect_unavailable'])}")


if __name__ == "__main__":
    main()
