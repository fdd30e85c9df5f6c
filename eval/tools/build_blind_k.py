#!/usr/bin/env python3
"""Build the held-out fan-QA set K (eval/fan-qa-blind-k.jsonl) from the f1db YAML.

Self-contained: own YAML loading, imports nothing from other eval tools. Every answer is computed here;
only question parameters and phrasings are chosen by hand.

    python3 eval/tools/build_blind_k.py            # F1DB=<src/data>, BK_CACHE=/tmp/k.pkl
"""
import collections
import datetime as dt
import glob
import json
import os
import pickle
import random
import re
import sys
import unicodedata

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.environ.get("F1DB", "/work/shared/data/f1db/src/data")
CACHE = os.environ.get("BK_CACHE", "/tmp/k.pkl")
OUT = os.path.join(ROOT, "eval", "fan-qa-blind-k.jsonl")
SEED = 20261204
PREFIX = "fbk"
TODAY = dt.date(2026, 12, 3)
NON_START = {"DNS", "DNQ", "DNPQ", "EX", "DNP"}


def yload(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=yaml.CSafeLoader)


def load():
    if os.path.exists(CACHE):
        with open(CACHE, "rb") as f:
            return pickle.load(f)
    db = {"drivers": {}, "constructors": {}, "gps": {}, "engines": {}, "countries": {}, "circuits": {}}
    for key, folder in [("drivers", "drivers"), ("constructors", "constructors"), ("gps", "grands-prix"),
                        ("engines", "engine-manufacturers"), ("countries", "countries"), ("circuits", "circuits")]:
        for p in glob.glob(os.path.join(DATA, folder, "*.yml")):
            d = yload(p)
            db[key][d["id"]] = d
    races, dst, cst = [], {}, {}
    for sdir in sorted(glob.glob(os.path.join(DATA, "seasons", "*"))):
        year = int(os.path.basename(sdir))
        for nm, store in [("driver-standings.yml", dst), ("constructor-standings.yml", cst)]:
            p = os.path.join(sdir, nm)
            if os.path.exists(p):
                store[year] = yload(p) or []
        for rdir in sorted(glob.glob(os.path.join(sdir, "races", "*"))):
            r = yload(os.path.join(rdir, "race.yml"))
            r["year"] = year
            r["slug"] = os.path.basename(rdir)
            for nm, key in [("race-results.yml", "results"), ("qualifying-results.yml", "quali"),
                            ("starting-grid-positions.yml", "grid"), ("fastest-laps.yml", "fl"),
                            ("sprint-race-results.yml", "sprint")]:
                p = os.path.join(rdir, nm)
                r[key] = (yload(p) or []) if os.path.exists(p) else None
            r["files"] = sorted(os.listdir(rdir))
            races.append(r)
    races.sort(key=lambda r: (r["year"], r["round"]))
    db["races"], db["dst"], db["cst"] = races, dst, cst
    with open(CACHE, "wb") as f:
        pickle.dump(db, f)
    return db


DB = load()
DRV, CON, GPS, ENG, CTRY, CIRC = (DB[k] for k in ("drivers", "constructors", "gps", "engines", "countries", "circuits"))
RACES = DB["races"]
HELD = [r for r in RACES if r["results"]]
LAST = HELD[-1]
assert (LAST["year"], LAST["round"], LAST["grandPrixId"]) == (2026, 11, "hungary"), LAST["slug"]
assert not any(r["results"] for r in RACES if r["year"] == 2026 and r["round"] >= 12)
COMPLETE = [y for y in DB["dst"] if y <= 2025]


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def uniq(xs):
    out = []
    for x in xs:
        if x and x not in out:
            out.append(x)
    return out


def dname(d):
    return DRV[d]["name"]


def last(d):
    return DRV[d]["lastName"]


def cname(c):
    return CON[c]["name"]


def race_name(r):
    return "%d %s" % (r["year"], GPS[r["grandPrixId"]]["fullName"])


def rpath(r, f="race-results.yml"):
    return "seasons/%d/races/%s/%s" % (r["year"], r["slug"], f)


WINNER_IDS = {row["driverId"] for r in HELD for row in r["results"] if row["position"] == 1}
ALIASES = {
    "sergio-perez": ["Checo"], "kevin-magnussen": ["KMag"], "nico-hulkenberg": ["Hulk"],
    "carlos-sainz-jr": ["Carlos Sainz", "Sainz"], "kimi-antonelli": ["Andrea Kimi Antonelli", "Antonelli"],
    "michael-schumacher": ["Michael Schumacher", "Schumi"], "ralf-schumacher": ["Ralf Schumacher"],
    "nelson-piquet": ["Nelson Piquet"], "graham-hill": ["Graham Hill"], "damon-hill": ["Damon Hill"],
    "jacques-villeneuve": ["Jacques Villeneuve"], "gilles-villeneuve": ["Gilles Villeneuve"],
}


def acc(d, scope=None):
    """Accepted strings for a driver: display name, folded, aliases, and surname if unique in scope."""
    scope = set(scope or WINNER_IDS) | {d}
    out = [dname(d), fold(dname(d))] + ALIASES.get(d, [])
    ln = last(d)
    if sum(1 for x in scope if last(x) == ln) == 1:
        out += [ln, fold(ln)]
    return uniq(out)


def cacc(c):
    out = [cname(c), fold(cname(c))]
    extra = {"red-bull": ["Red Bull"], "mercedes": ["Mercedes"], "ferrari": ["Ferrari"], "mclaren": ["McLaren"],
             "williams": ["Williams"], "lotus": ["Lotus"], "brabham": ["Brabham"], "benetton": ["Benetton"]}
    return uniq(out + extra.get(c, []))


def eacc(e):
    n = ENG[e]["name"]
    out = [n, fold(n)]
    if e.startswith("ford"):
        out += ["Ford", "Cosworth"]
    return uniq(out)


def surname_ok(d, scope):
    return sum(1 for x in set(scope) | {d} if last(x) == last(d)) == 1


def field(r):
    return [row["driverId"] for row in (r["results"] or [])]


def season_field(y):
    return {row["driverId"] for r in HELD if r["year"] == y for row in r["results"]}


def key_name(d, scope):
    """One string that names the driver in accept_all."""
    s = fold(last(d)) if surname_ok(d, scope) else fold(dname(d))
    return s.replace(" Jr.", "")


def find_race(year, gp):
    rs = [r for r in RACES if r["year"] == year and r["grandPrixId"] == gp]
    assert len(rs) == 1, (year, gp, len(rs))
    return rs[0]


def at(r, pos, key="results"):
    rows = [row for row in r[key] if row["position"] == pos]
    assert len(rows) == 1, (r["slug"], pos, key)
    return rows[0]


def pos_of(r, d):
    rows = [row for row in r["results"] if row["driverId"] == d]
    assert len(rows) == 1, (r["slug"], d)
    return rows[0]


def is_start(row):
    return row["position"] not in NON_START


def pole(r):
    """Qualifying P1."""
    return at(r, 1, "quali")["driverId"]


def grid_pole(r):
    g = [row for row in (r["grid"] or []) if row["position"] == 1]
    return g[0]["driverId"] if len(g) == 1 else None


def strict_pole(r):
    """Qualifying P1, only where starting-grid P1 agrees."""
    q = pole(r)
    assert grid_pole(r) == q, ("pole/grid mismatch", r["year"], r["slug"])
    return q


def p1s(r):
    return [row["driverId"] for row in r["results"] if row["position"] == 1]


def has_pole_data(r):
    return bool(r["quali"]) and any(row["position"] == 1 for row in r["quali"])


def wins_of(d, races=HELD):
    return [r for r in races if d in p1s(r)]


def podiums_of(d, races=HELD):
    return [r for r in races if any(row["driverId"] == d and row["position"] in (1, 2, 3) for row in r["results"])]


def starts_of(d, races=HELD):
    return [r for r in races if any(row["driverId"] == d and is_start(row) for row in r["results"])]


def poles_of(d, races=HELD):
    q = [r for r in races if has_pole_data(r) and pole(r) == d]
    g = [r for r in races if has_pole_data(r) and grid_pole(r) == d]
    assert len(q) == len(g), ("pole count differs qualifying vs grid", d, len(q), len(g))
    return q


def season(y):
    return [r for r in HELD if r["year"] == y]


def top(counter, n=1):
    """Leader of a Counter; asserts no tie at the top."""
    mc = counter.most_common()
    assert mc, "empty"
    if len(mc) > 1 and mc[0][1] == mc[1][1]:
        raise Tie(mc[:3])
    return mc[0][0], mc[0][1], mc[1] if len(mc) > 1 else None


class Tie(Exception):
    pass


def age(d, date):
    b = DRV[d]["dateOfBirth"]
    if isinstance(b, str):
        b = dt.date.fromisoformat(b)
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    y = date.year - b.year - ((date.month, date.day) < (b.month, b.day))
    return y, (date - b).days


def standing(y, pos, kind="dst"):
    rows = [row for row in DB[kind][y] if row["position"] == pos]
    assert len(rows) == 1, (y, pos, kind)
    return rows[0]


def spts(y, ident, kind="dst"):
    k = "driverId" if kind == "dst" else "constructorId"
    rows = [row for row in DB[kind][y] if row[k] == ident]
    assert len(rows) == 1, (y, ident)
    return rows[0]


def champ(y):
    assert y in COMPLETE
    return standing(y, 1)["driverId"]


def cchamp(y):
    assert y in COMPLETE
    return standing(y, 1, "cst")["constructorId"]


def num(x):
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return str(x)


def titles(d):
    return [y for y in COMPLETE if champ(y) == d]


# --------------------------------------------------------------------------- records

RECS = []


def rec(group, category, question, accept, note, source, accept_all=None):
    r = {"category": category, "group": group, "question": question, "accept": uniq(accept),
         "expect_unavailable": False, "answer_note": note, "source": source}
    if accept_all:
        r["accept_all"] = uniq(accept_all)
    RECS.append(r)


def unavail(category, question, note, source):
    RECS.append({"category": category, "group": "unavailable", "question": question, "accept": [],
                 "expect_unavailable": True, "answer_note": note, "source": source})


def safe(fn):
    """Run a record builder; skip it (reported) if it hits a tie or an ambiguity."""
    try:
        fn()
    except (Tie, AssertionError) as e:
        import traceback
        tb = traceback.extract_tb(e.__traceback__)
        print("skipped (line %s): %r" % ([f.lineno for f in tb][1:3], e), file=sys.stderr)


# ---------------------------------------------------------------- aggregate

def most_wins_at_gp(gp, q):
    def f():
        rs = [r for r in HELD if r["grandPrixId"] == gp]
        c = collections.Counter(x for r in rs for x in p1s(r))
        d, n, nxt = top(c)
        yrs = [r["year"] for r in rs if d in p1s(r)]
        rec("aggregate", "most_wins_at_gp", q, acc(d),
            "%s: %d wins at the %s (%s); next %s %d. Counted over %d editions with results." % (
                dname(d), n, GPS[gp]["fullName"], ", ".join(map(str, yrs)), dname(nxt[0]), nxt[1], len(rs)),
            ["seasons/*/races/*-%s/race-results.yml" % gp])
    f.__name__ = "most_wins_at_gp_" + gp
    return f


def most_in_season(y, what, q):
    def f():
        rs = season(y)
        if what == "wins":
            c = collections.Counter(x for r in rs for x in p1s(r))
        elif what == "poles":
            c = collections.Counter(strict_pole(r) for r in rs if has_pole_data(r))
        elif what == "podiums":
            c = collections.Counter(row["driverId"] for r in rs for row in r["results"] if row["position"] in (1, 2, 3))
        elif what == "fastest laps":
            c = collections.Counter(at(r, 1, "fl")["driverId"] for r in rs if r["fl"])
        d, n, nxt = top(c)
        rec("aggregate", "most_%s_season" % what.replace(" ", "_"), q, acc(d, season_field(y)),
            "%d season: %s had the most %s, %d (next %s %d), over %d Grands Prix%s." % (
                y, dname(d), what, n, dname(nxt[0]), nxt[1], len(rs),
                " (2026 counted to round 11, the last race with results)" if y == 2026 else ""),
            ["seasons/%d/races/*/%s" % (y, {"poles": "qualifying-results.yml", "fastest laps": "fastest-laps.yml"}.get(what, "race-results.yml"))],
            accept_all=[str(n)])
    f.__name__ = "most_%s_%d" % (what, y)
    return f


def distinct_in_season(y, what, q):
    def f():
        rs = season(y)
        if what == "winners":
            s = {x for r in rs for x in p1s(r)}
        elif what == "pole sitters":
            s = {strict_pole(r) for r in rs if has_pole_data(r)}
        elif what == "winning teams":
            s = {at(r, 1)["constructorId"] for r in rs}
        names = sorted(dname(x) if what != "winning teams" else cname(x) for x in s)
        rec("aggregate", "distinct_%s" % what.replace(" ", "_"), q, [str(len(s))],
            "%d different %s in the %d season (%d Grands Prix): %s." % (len(s), what, y, len(rs), ", ".join(names)),
            ["seasons/%d/races/*/race-results.yml" % y])
    f.__name__ = "distinct_%s_%d" % (what, y)
    return f


def team_wins_decade(c, start, q):
    def f():
        rs = [r for r in HELD if start <= r["year"] < start + 10]
        won = [r for r in rs if any(row["position"] == 1 and row["constructorId"] == c for row in r["results"])]
        by = collections.Counter(r["year"] for r in won)
        rec("aggregate", "team_wins_decade", q, [str(len(won))],
            "%s won %d Grands Prix in %d-%d (by season: %s)." % (cname(c), len(won), start, start + 9,
                                                                 ", ".join("%d: %d" % kv for kv in sorted(by.items()))),
            ["seasons/%d/races/*/race-results.yml" % y for y in range(start, start + 10)])
    f.__name__ = "team_wins_%s_%d" % (c, start)
    return f


def team_wins_season(c, y, q):
    def f():
        won = [r for r in season(y) if any(row["position"] == 1 and row["constructorId"] == c for row in r["results"])]
        rec("aggregate", "team_wins_season", q, [str(len(won))],
            "%s won %d of the %d Grands Prix in %d: %s." % (cname(c), len(won), len(season(y)), y,
                                                          "; ".join("%s (%s)" % (GPS[r["grandPrixId"]]["shortName"], last(at(r, 1)["driverId"])) for r in won)),
            ["seasons/%d/races/*/race-results.yml" % y])
    f.__name__ = "team_wins_%s_%d" % (c, y)
    return f


def races_in_season(y, q):
    def f():
        rs = season(y)
        rec("aggregate", "race_count", q, [str(len(rs))],
            "The %d championship had %d rounds with race results (first: %s, last: %s)." % (
                y, len(rs), race_name(rs[0]), race_name(rs[-1])), ["seasons/%d/races/*/race-results.yml" % y])
    f.__name__ = "races_in_%d" % y
    return f


def most_starts(q):
    c = collections.Counter(row["driverId"] for r in HELD for row in r["results"] if is_start(row))
    d, n, nxt = top(c)
    rec("aggregate", "most_starts", q, acc(d),
        "%s has the most Grand Prix starts: %d (next %s %d), counted to the 2026 Hungarian GP." % (dname(d), n, dname(nxt[0]), nxt[1]),
        ["seasons/*/races/*/race-results.yml"])


def youngest_winner(q):
    best = min(((age(x, r["date"])[1], r) for r in HELD for x in p1s(r)), key=lambda t: t[0])
    r = best[1]
    d = at(r, 1)["driverId"]
    y, days = age(d, r["date"])
    rec("aggregate", "youngest_winner", q, acc(d),
        "Youngest Grand Prix winner: %s, %d years old (%d days) at the %s." % (dname(d), y, days, race_name(r)),
        [rpath(r), "drivers/%s.yml" % d])


def oldest_pole(q):
    rows = [(age(pole(r), r["date"])[1], r) for r in HELD if has_pole_data(r) and grid_pole(r) == pole(r)]
    days, r = max(rows, key=lambda t: t[0])
    d = pole(r)
    y, _ = age(d, r["date"])
    rec("aggregate", "oldest_pole", q, acc(d),
        "Oldest pole sitter: %s, %d years old at the %s." % (dname(d), y, race_name(r)),
        [rpath(r, "qualifying-results.yml"), "drivers/%s.yml" % d])


def most_dnfs_season(y, q):
    c = collections.Counter(row["driverId"] for r in season(y) for row in r["results"] if row["position"] == "DNF" or (row.get("reasonRetired") and not isinstance(row["position"], int)))
    d, n, nxt = top(c)
    rec("aggregate", "most_dnfs_season", q, acc(d, season_field(y)),
        "%d: %s retired most often, %d times (position DNF; next %s %d)." % (y, dname(d), n, dname(nxt[0]), nxt[1]),
        ["seasons/%d/races/*/race-results.yml" % y], accept_all=[str(n)])


def most_season_points(q):
    best = max(((row["points"], y, row["driverId"]) for y in COMPLETE for row in DB["dst"][y] if row["position"] == 1))
    alls = sorted((row["points"] for y in COMPLETE for row in DB["dst"][y]), reverse=True)
    assert alls[0] != alls[1]
    p, y, d = best
    rec("aggregate", "most_points_season", q, acc(d), "%s scored %s points in %d, the most by any driver in one season (completed seasons)." % (dname(d), num(p), y),
        ["seasons/*/driver-standings.yml"], accept_all=[num(p)])


def most_wins_nationality(ctry, q):
    c = collections.Counter(x for r in HELD for x in p1s(r) if DRV[x]["nationalityCountryId"] == ctry)
    d, n, nxt = top(c)
    rec("aggregate", "most_wins_nationality", q, acc(d),
        "Among %s drivers, %s has the most Grand Prix wins: %d (next %s %d)." % (CTRY[ctry]["name"], dname(d), n, dname(nxt[0]), nxt[1]),
        ["seasons/*/races/*/race-results.yml", "drivers/*.yml"])


def most_wins_engine(e, q):
    c = collections.Counter(row["driverId"] for r in HELD for row in r["results"] if row["position"] == 1 and row["engineManufacturerId"] == e)
    d, n, nxt = top(c)
    rec("aggregate", "most_wins_engine", q, acc(d),
        "%s won %d Grands Prix with %s power, the most of any driver (next %s %d)." % (dname(d), n, ENG[e]["name"], dname(nxt[0]), nxt[1]),
        ["seasons/*/races/*/race-results.yml"], accept_all=[str(n)])


def most_poles_circuit(circ, q):
    rs = [r for r in HELD if r["circuitId"] == circ and has_pole_data(r)]
    c = collections.Counter(pole(r) for r in rs)
    d, n, nxt = top(c)
    assert n == sum(1 for r in rs if grid_pole(r) == d)
    rec("aggregate", "most_poles_circuit", q, acc(d),
        "%s has the most poles at %s: %d (next %s %d), over %d races there with qualifying data." % (dname(d), CIRC[circ]["name"], n, dname(nxt[0]), nxt[1], len(rs)),
        ["seasons/*/races/*/qualifying-results.yml"])


def most_wins_circuit(circ, q):
    rs = [r for r in HELD if r["circuitId"] == circ]
    c = collections.Counter(x for r in rs for x in p1s(r))
    d, n, nxt = top(c)
    rec("aggregate", "most_wins_circuit", q, acc(d),
        "%s has the most wins at %s: %d (next %s %d), over %d races held there." % (dname(d), CIRC[circ]["name"], n, dname(nxt[0]), nxt[1], len(rs)),
        ["seasons/*/races/*/race.yml", "seasons/*/races/*/race-results.yml"])


AGG = [
    most_wins_at_gp("italy", "Who has won the Italian Grand Prix the most times?"),
    most_wins_at_gp("canada", "most wins ever at the canadian gp?"),
    most_wins_at_gp("japan", "Which driver holds the record for most Japanese GP victories?"),
    most_wins_at_gp("belgium", "whos won at the belgian gp more than anyone"),
    most_wins_at_gp("spain", "most spanish gp wins of all time?"),
    most_wins_at_gp("austria", "Who has the most wins at the Austrian Grand Prix?"),
    most_in_season(2019, "poles", "who got the most poles in 2019, how many"),
    most_in_season(1992, "poles", "who took the most pole positions in 1992 and how many"),
    most_in_season(2004, "wins", "Most race wins in the 2004 season, who and how many?"),
    most_in_season(1988, "podiums", "who had the most podium finishes in 1988? number too pls"),
    most_in_season(2026, "podiums", "who has the most podiums so far this season and how many"),
    most_in_season(2025, "fastest laps", "Who set the most fastest laps in 2025, and how many?"),
    most_in_season(2013, "poles", "most poles in 2013 - who and how many"),
    distinct_in_season(2005, "pole sitters", "How many different drivers took pole in 2005?"),
    distinct_in_season(1975, "winners", "how many different race winners were there in 1975"),
    distinct_in_season(1983, "winning teams", "How many different constructors won a race in 1983?"),
    distinct_in_season(2026, "pole sitters", "how many different pole sitters have we had this year"),
    team_wins_decade("ferrari", 1990, "How many Grands Prix did Ferrari win in the 1990s?"),
    team_wins_decade("williams", 1980, "williams race wins in the 80s?"),
    team_wins_season("red-bull", 2023, "How many races did Red Bull win in 2023?"),
    team_wins_season("mercedes", 2016, "how many gps did mercedes win in 2016"),
    races_in_season(1961, "How many championship Grands Prix were there in 1961?"),
    races_in_season(2025, "how many races were on the 2025 calendar in the end"),
    lambda: most_starts("Who has started the most Grands Prix of anyone, ever?"),
    lambda: youngest_winner("who is the youngest ever race winner in f1"),
    lambda: oldest_pole("Who's the oldest driver ever to take a pole position?"),
    lambda: most_dnfs_season(2025, "who retired from the most races in 2025? how many dnfs"),
    lambda: most_season_points("what's the most points anyone has scored in a single season, and who"),
    lambda: most_wins_nationality("finland", "Which Finnish driver has won the most Grands Prix?"),
    lambda: most_wins_engine("honda", "which driver won the most races with honda engines and how many"),
    lambda: most_poles_circuit("monza", "who has the most poles at monza"),
    lambda: most_wins_circuit("interlagos", "Most wins at Interlagos?"),
]

# ---------------------------------------------------------------- relational

def teammate(d, y, q, group="relational", cat="teammate"):
    rs = season(y)
    rows = [(r, row) for r in rs for row in r["results"] if row["driverId"] == d]
    cons = {row["constructorId"] for _, row in rows}
    assert len(cons) == 1, cons
    c = cons.pop()
    mates = collections.Counter(o["driverId"] for r, _ in rows for o in r["results"] if o["constructorId"] == c and o["driverId"] != d)
    m, n, nxt = top(mates)
    assert nxt is None or nxt[1] <= len(rows) // 4, (mates, "no dominant team-mate")
    others = "" if nxt is None else " (also briefly: %s)" % ", ".join("%s %d" % (dname(k), v) for k, v in mates.items() if k != m)
    rec(group, cat, q, acc(m, season_field(y)),
        "%d: %s drove for %s; team-mate %s in %d of his %d races%s." % (y, dname(d), cname(c), dname(m), n, len(rows), others),
        ["seasons/%d/races/*/race-results.yml" % y])


def finisher(y, gp, pos, q, cat="nth_place"):
    r = find_race(y, gp)
    d = at(r, pos)["driverId"]
    ctx = ", ".join("P%d %s" % (p, dname(at(r, p)["driverId"])) for p in range(max(1, pos - 1), pos + 2) if any(x["position"] == p for x in r["results"]))
    rec("relational", cat, q, acc(d, field(r)), "%s (%s): P%d was %s (%s). Around him: %s." % (
        race_name(r), r["date"], pos, dname(d), cname(at(r, pos)["constructorId"]), ctx), [rpath(r)])


def behind(y, gp, d0, q):
    r = find_race(y, gp)
    p = pos_of(r, d0)["position"]
    assert isinstance(p, int)
    d = at(r, p + 1)["driverId"]
    rec("relational", "right_behind", q, acc(d, field(r)), "%s: %s finished P%d; right behind him, P%d, was %s (%s)." % (
        race_name(r), dname(d0), p, p + 1, dname(d), cname(at(r, p + 1)["constructorId"])), [rpath(r)])


def podium(y, gp, q, group="relational"):
    r = find_race(y, gp)
    ds = [at(r, p)["driverId"] for p in (1, 2, 3)]
    rec(group, "podium", q, acc(ds[2], field(r)), "%s (%s): P1 %s, P2 %s, P3 %s; P4 %s. All three names are required (accept_all)." % (
        race_name(r), r["date"], *[dname(x) for x in ds], dname(at(r, 4)["driverId"])), [rpath(r)],
        accept_all=[key_name(x, field(r)) for x in ds])


def engine(c, y, q):
    es = collections.Counter(row["engineManufacturerId"] for r in season(y) for row in r["results"] if row["constructorId"] == c)
    assert len(es) == 1, es
    e = next(iter(es))
    rec("relational", "engine", q, eacc(e), "%s used %s engines in every %d race entry (%d car-races)." % (cname(c), ENG[e]["name"], y, es[e]),
        ["seasons/%d/races/*/race-results.yml" % y])


def runner_up(y, kind, q):
    row = standing(y, 2, kind)
    one = standing(y, 1, kind)
    if kind == "dst":
        d = row["driverId"]
        rec("relational", "drivers_runner_up", q, acc(d, season_field(y)), "%d drivers' championship: 1. %s %s pts, 2. %s %s pts." % (
            y, dname(one["driverId"]), num(one["points"]), dname(d), num(row["points"])), ["seasons/%d/driver-standings.yml" % y])
    else:
        c = row["constructorId"]
        rec("relational", "constructors_runner_up", q, cacc(c), "%d constructors' championship: 1. %s %s pts, 2. %s %s pts." % (
            y, cname(one["constructorId"]), num(one["points"]), cname(c), num(row["points"])), ["seasons/%d/constructor-standings.yml" % y])


def pole_sitter(y, gp, q, group="relational"):
    r = find_race(y, gp)
    d = strict_pole(r)
    rec(group, "pole_sitter", q, acc(d, field(r)), "%s: pole position %s (%s); the race was won by %s." % (
        race_name(r), dname(d), cname(at(r, 1, "quali")["constructorId"]), dname(at(r, 1)["driverId"])), [rpath(r, "qualifying-results.yml")])


REL = [
    lambda: teammate("alain-prost", 1989, "Who was Prost's team-mate in 1989?"),
    lambda: teammate("nelson-piquet", 1986, "who partnered piquet at williams in 86"),
    lambda: teammate("nico-rosberg", 2013, "Who was Nico Rosberg's teammate in 2013?"),
    lambda: teammate("daniel-ricciardo", 2014, "Ricciardo's team-mate in his first Red Bull year (2014)?"),
    lambda: teammate("pierre-gasly", 2026, "who is gasly's team mate this season"),
    lambda: finisher(2010, "abu-dhabi", 4, "Who finished 4th in the 2010 Abu Dhabi GP?", "p4"),
    lambda: finisher(1997, "europe", 2, "Who came second at the 1997 European Grand Prix?", "p2"),
    lambda: finisher(2026, "great-britain", 2, "who was p2 at silverstone this year", "p2"),
    lambda: finisher(1982, "monaco", 3, "who finished third in the 1982 Monaco GP", "p3"),
    lambda: behind(2012, "brazil", "sebastian-vettel", "Who finished right behind Vettel at Brazil 2012?"),
    lambda: behind(2026, "hungary", "kimi-antonelli", "in the last race who finished just behind antonelli"),
    lambda: podium(1996, "monaco", "Who were the three on the podium at Monaco in 1996?"),
    lambda: podium(2021, "abu-dhabi", "name the podium at abu dhabi 2021"),
    lambda: podium(2026, "belgium", "who was on the podium at spa this year?"),
    lambda: engine("williams", 1997, "What engine did Williams use in 1997?"),
    lambda: engine("lotus", 1978, "who supplied lotus' engines in 1978"),
    lambda: engine("aston-martin", 2026, "whose engines is aston martin running this year"),
    lambda: runner_up(1999, "dst", "Who was runner-up in the 1999 drivers' championship?"),
    lambda: runner_up(2019, "cst", "who came second in the constructors in 2019"),
    lambda: pole_sitter(2003, "japan", "who was on pole at suzuka in 2003"),
]

# ---------------------------------------------------------------- colloquial

def driver_stat_season(d, y, what, q, group="colloquial", cat="season_stat"):
    rs = season(y)
    if what == "wins":
        lst = wins_of(d, rs)
    elif what == "podiums":
        lst = podiums_of(d, rs)
    elif what == "poles":
        lst = poles_of(d, rs)
    n = len(lst)
    desc = ", ".join(GPS[r["grandPrixId"]]["shortName"] for r in lst) or "none"
    rec(group, cat, q, [str(n)], "%s: %d %s in %d%s (%s)." % (dname(d), n, what, y,
                                                          " (to round 11, the last race with results)" if y == 2026 else "", desc),
        ["seasons/%d/races/*/%s" % (y, "qualifying-results.yml" if what == "poles" else "race-results.yml")])


def career_count(d, what, q, group="colloquial", cat="career_stat"):
    fn = {"wins": wins_of, "podiums": podiums_of, "poles": poles_of, "starts": starts_of}[what]
    lst = fn(d)
    rec(group, cat, q, [str(len(lst))], "%s: %d career Grand Prix %s (to the 2026 Hungarian GP)%s." % (
        dname(d), len(lst), what, "; first %s, last %s" % (race_name(lst[0]), race_name(lst[-1])) if lst else ""),
        ["seasons/*/races/*/%s" % ("qualifying-results.yml" if what == "poles" else "race-results.yml")])


def team_driver_wins(d, c, q):
    lst = [r for r in wins_of(d) if any(row["position"] == 1 and row["constructorId"] == c and row["driverId"] == d for row in r["results"])]
    rec("colloquial", "wins_with_team", q, [str(len(lst))], "%s won %d Grands Prix with %s: %s." % (
        dname(d), len(lst), cname(c), ", ".join(race_name(r) for r in lst) or "none"), ["seasons/*/races/*/race-results.yml"])


def winner(y, gp, q, group="colloquial", cat="winner"):
    r = find_race(y, gp)
    d = at(r, 1)["driverId"]
    rec(group, cat, q, acc(d, field(r)), "%s (%s, %s): won by %s (%s); P2 %s." % (
        race_name(r), r["date"], CIRC[r["circuitId"]]["name"], dname(d), cname(at(r, 1)["constructorId"]), dname(at(r, 2)["driverId"])), [rpath(r)])


def finish_of(d, r, q, cat="finish_position"):
    row = pos_of(r, d)
    p = row["position"]
    assert isinstance(p, int)
    rec("colloquial", cat, q, ["P%d" % p, "%d" % p], "%s: %s finished P%d (started P%s)." % (race_name(r), dname(d), p, row.get("gridPosition")), [rpath(r)],
        )


def wcc(y, q):
    c = cchamp(y)
    rec("colloquial", "relative_time", q, cacc(c), "%d constructors' champion: %s (%s pts)." % (y, cname(c), num(standing(y, 1, "cst")["points"])),
        ["seasons/%d/constructor-standings.yml" % y])


def cur_standing(pos, kind, q):
    row = standing(2026, pos, kind)
    if kind == "cst":
        rec("colloquial", "current_standings", q, cacc(row["constructorId"]), "2026 constructors' standings after round 11 (Hungary): P%d %s, %s pts." % (
            pos, cname(row["constructorId"]), num(row["points"])), ["seasons/2026/constructor-standings.yml"])
    else:
        rec("colloquial", "current_standings", q, acc(row["driverId"], season_field(2026)), "2026 drivers' standings after round 11 (Hungary): P%d %s, %s pts." % (
            pos, dname(row["driverId"]), num(row["points"])), ["seasons/2026/driver-standings.yml"])


def season_points(d, y, q):
    row = spts(y, d)
    rec("colloquial", "season_points", q, [num(row["points"])], "%s: %s points in the %d drivers' standings (P%d)%s." % (
        dname(d), num(row["points"]), y, row["position"], ", after round 11; sprints included" if y == 2026 else ""), ["seasons/%d/driver-standings.yml" % y])


COL = [
    lambda: driver_stat_season("max-verstappen", 2026, "wins", "how many races has max won this season"),
    lambda: driver_stat_season("kimi-antonelli", 2026, "poles", "kimi antoneli poles this yr?"),
    lambda: career_count("fernando-alonso", "wins", "how many gp wins does nando have"),
    lambda: driver_stat_season("sebastian-vettel", 2011, "poles", "how many poles did seb get in 2011"),
    lambda: driver_stat_season("sergio-perez", 2021, "podiums", "checo podiums in 2021??"),
    lambda: winner(1988, "italy", "who won at monza in '88"),
    lambda: driver_stat_season("michael-schumacher", 2000, "wins", "how many races did schumi win in 2000"),
    lambda: driver_stat_season("max-verstappen", 2023, "poles", "mad max pole count 2023"),
    lambda: career_count("pierre-gasly", "podiums", "how many podiums has pierre gasley got in his career"),
    lambda: winner(2025, "australia", "who won the season opener last year", cat="relative_time"),
    lambda: cur_standing(2, "cst", "who's 2nd in the constructors this season?"),
    lambda: season_points("oliver-bearman", 2026, "how many points has ollie bearman got this year"),
    lambda: winner(2019, "belgium", "who won at spa 19"),
    lambda: team_driver_wins("kimi-raikkonen", "lotus-f1", "how many races did kimi win for lotus"),
    lambda: driver_stat_season("jenson-button", 2009, "wins", "jb wins in 2009?"),
    lambda: career_count("david-coulthard", "wins", "DC's career win total?"),
    lambda: finish_of("lewis-hamilton", LAST, "where did lewis finish in the last race"),
    lambda: wcc(2024, "who won the wcc the year before last"),
    lambda: career_count("valtteri-bottas", "poles", "how many poles has valteri botas got"),
    lambda: winner(2024, "sao-paulo", "who won the wet one in brazil last year... wait no the year before, 2024"),
    lambda: driver_stat_season("charles-leclerc", 2022, "poles", "leclrec pole positions in 2022"),
    lambda: career_count("lando-norris", "wins", "norriss how many wins total now"),
    lambda: driver_stat_season("george-russell", 2025, "podiums", "russel podiums last season"),
    lambda: winner(1976, "japan", "who won fuji 76 (the rain one where lauda pulled out)"),
]

# ---------------------------------------------------------------- career history

def gp_acc(r):
    g = GPS[r["grandPrixId"]]
    return uniq([g["fullName"], g["shortName"], g["shortName"].replace(" GP", ""), g["name"], fold(g["shortName"].replace(" GP", ""))])


def first_win(d, q):
    w = wins_of(d)
    r = w[0]
    rec("career_history", "first_win", q, gp_acc(r),
        "%s's first Grand Prix win: %s (%s, %s), from P%s on the grid." % (dname(d), race_name(r), r["date"], cname(at(r, 1)["constructorId"]), at(r, 1).get("gridPosition")),
        [rpath(r)], accept_all=[str(r["year"])])


def last_win(d, q):
    w = wins_of(d)
    r = w[-1]
    rec("career_history", "last_win", q, gp_acc(r),
        "%s's last Grand Prix win (of %d): %s (%s, %s)." % (dname(d), len(w), race_name(r), r["date"], cname(at(r, 1)["constructorId"])),
        [rpath(r)], accept_all=[str(r["year"])])


def title_count(d, q):
    t = titles(d)
    rec("career_history", "title_count", q, [str(len(t))], "%s: %d drivers' titles (%s)." % (dname(d), len(t), ", ".join(map(str, t))),
        ["seasons/*/driver-standings.yml"])


def debut_team(d, q):
    r = starts_of(d)[0] if starts_of(d) else None
    rows = [row for row in r["results"] if row["driverId"] == d]
    c = rows[0]["constructorId"]
    rec("career_history", "debut_team", q, cacc(c), "%s's first Grand Prix start: %s with %s." % (dname(d), race_name(r), cname(c)), [rpath(r)])


def first_champ_from(ctry, q):
    ys = [y for y in COMPLETE if DRV[champ(y)]["nationalityCountryId"] == ctry]
    d = champ(ys[0])
    rec("career_history", "first_champion_nation", q, acc(d), "First %s drivers' champion: %s in %d." % (CTRY[ctry]["name"], dname(d), ys[0]),
        ["seasons/*/driver-standings.yml", "drivers/%s.yml" % d])


def team_first_win(c, q):
    r = [r for r in HELD if any(row["position"] == 1 and row["constructorId"] == c for row in r["results"])][0]
    d = at(r, 1)["driverId"]
    a = acc(d, field(r))
    if last(d) == cname(c):
        a = [dname(d)]
    rec("career_history", "team_first_win", q, a, "%s's first Grand Prix win: %s (%s), driven by %s." % (cname(c), race_name(r), r["date"], dname(d)),
        [rpath(r)], accept_all=[str(r["year"])])


CAR = [
    lambda: first_win("esteban-ocon", "When and where did Ocon get his first win?"),
    lambda: first_win("jenson-button", "where did jenson button win his first race"),
    lambda: first_win("sebastian-vettel", "Vettel's maiden Grand Prix victory - which race?"),
    lambda: first_win("carlos-sainz-jr", "what was sainz's first ever win"),
    lambda: last_win("fernando-alonso", "When was the last time Alonso won a race?"),
    lambda: last_win("jenson-button", "button's final gp win?"),
    lambda: last_win("nico-rosberg", "what was rosberg's last ever win"),
    lambda: title_count("nelson-piquet", "How many world titles did Nelson Piquet win?"),
    lambda: title_count("jack-brabham", "how many championships did jack brabham win"),
    lambda: debut_team("fernando-alonso", "which team did alonso make his f1 debut with"),
    lambda: debut_team("kimi-raikkonen", "Who did Räikkönen drive for in his first F1 race?"),
    lambda: first_champ_from("germany", "who was the first german world champion"),
    lambda: first_champ_from("australia", "first ever aussie f1 champion?"),
    lambda: team_first_win("mclaren", "Who won McLaren's first ever Grand Prix, and what year?"),
    lambda: team_first_win("williams", "who gave williams their first win"),
    lambda: career_count("kimi-raikkonen", "poles", "how many career poles did kimi raikkonen have", group="career_history"),
]

# ---------------------------------------------------------------- comparative

def cmp_career(d1, d2, what, q):
    fn = {"wins": wins_of, "podiums": podiums_of, "poles": poles_of}[what]
    a, b = len(fn(d1)), len(fn(d2))
    assert a != b
    hi, lo, nh, nl = (d1, d2, a, b) if a > b else (d2, d1, b, a)
    rec("comparative", "career_%s" % what, q, acc(hi), "Career Grand Prix %s (to the 2026 Hungarian GP): %s %d, %s %d; %s leads by %d." % (
        what, dname(d1), a, dname(d2), b, dname(hi), nh - nl),
        ["seasons/*/races/*/%s" % ("qualifying-results.yml" if what == "poles" else "race-results.yml")], accept_all=[str(nh - nl)])


def cmp_points(x1, x2, y, kind, q):
    k = "driverId" if kind == "dst" else "constructorId"
    p1, p2 = spts(y, x1, kind)["points"], spts(y, x2, kind)["points"]
    assert p1 != p2
    hi, lo, ph, pl = (x1, x2, p1, p2) if p1 > p2 else (x2, x1, p2, p1)
    nm = dname if kind == "dst" else cname
    a = acc(hi, season_field(y)) if kind == "dst" else cacc(hi)
    rec("comparative", "season_points", q, a, "%d %s standings%s: %s %s pts, %s %s pts; %s ahead by %s." % (
        y, "drivers'" if kind == "dst" else "constructors'", " after round 11" if y == 2026 else "",
        nm(x1), num(p1), nm(x2), num(p2), nm(hi), num(ph - pl)), ["seasons/%d/%s" % (y, "driver-standings.yml" if kind == "dst" else "constructor-standings.yml")],
        accept_all=[num(ph - pl)])


def cmp_season_wins(d1, d2, y, q):
    a, b = len(wins_of(d1, season(y))), len(wins_of(d2, season(y)))
    assert a != b
    hi, nh, nl = (d1, a, b) if a > b else (d2, b, a)
    rec("comparative", "season_wins", q, acc(hi, season_field(y)), "%d wins: %s %d, %s %d." % (y, dname(d1), a, dname(d2), b),
        ["seasons/%d/races/*/race-results.yml" % y], accept_all=[str(nh), str(nl)] if nh != nl else None)


COMP = [
    lambda: cmp_career("sebastian-vettel", "fernando-alonso", "wins", "who has more wins, vettel or alonso, and by how many"),
    lambda: cmp_career("nico-rosberg", "jenson-button", "wins", "Rosberg vs Button: who won more races in their careers? By how many?"),
    lambda: cmp_career("damon-hill", "mika-hakkinen", "wins", "damon hill or hakkinen - more gp wins? margin?"),
    lambda: cmp_career("nelson-piquet", "niki-lauda", "wins", "Who won more Grands Prix, Piquet or Lauda, and by how many?"),
    lambda: cmp_career("felipe-massa", "rubens-barrichello", "poles", "more poles: massa or rubens? how many more"),
    lambda: cmp_career("valtteri-bottas", "kimi-raikkonen", "podiums", "Bottas or Räikkönen - who has more podiums and by how much?"),
    lambda: cmp_points("lewis-hamilton", "george-russell", 2022, "dst", "how many points did russell beat hamilton by in 2022? (or did he)"),
    lambda: cmp_points("lando-norris", "oscar-piastri", 2026, "dst", "norris vs piastri this season, who's ahead on points and by how much"),
    lambda: cmp_points("charles-leclerc", "lewis-hamilton", 2025, "dst", "Leclerc vs Hamilton in 2025 - who scored more and how many more?"),
    lambda: cmp_points("ferrari", "mercedes", 2026, "cst", "ferrari or mercedes ahead in the constructors this year? gap?"),
    lambda: cmp_points("williams", "aston-martin", 2025, "cst", "Williams v Aston Martin last season - who finished higher in the constructors, and by how many points?"),
    lambda: cmp_points("kimi-raikkonen", "lewis-hamilton", 2007, "dst", "kimi vs lewis 2007 final points - who had more and by how much"),
    lambda: cmp_season_wins("nigel-mansell", "nelson-piquet", 1986, "Who won more races in 1986, Mansell or Piquet? Give both numbers"),
    lambda: cmp_season_wins("mika-hakkinen", "michael-schumacher", 1998, "hakkinen vs schumacher 1998 wins? both counts"),
    lambda: cmp_career("lewis-hamilton", "max-verstappen", "poles", "how many more poles does hamilton have than max"),
]

# ---------------------------------------------------------------- unavailable

def future_race(gp, what, q):
    r = find_race(2026, gp)
    assert not r["results"]
    unavail("future_race", q, "The %s (round %d, %s) has no %s in the data: the last race with results is the 2026 Hungarian GP (round 11). Files present: %s. The reply must say the result is not in the data and not invent one." % (
        race_name(r), r["round"], r["date"], what, ", ".join(r["files"])), [rpath(r, "race.yml")])


def not_held(y, gp, q):
    rs = [r for r in RACES if r["year"] == y and r["grandPrixId"] == gp]
    assert not rs
    unavail("race_not_held", q, "There was no %s in %d: it is not on the %d calendar in f1db (%d rounds: %s). The reply must say the race was not held / is not in the data." % (
        GPS[gp]["fullName"], y, y, len([r for r in RACES if r["year"] == y]), ", ".join(GPS[r["grandPrixId"]]["shortName"] for r in RACES if r["year"] == y)),
        ["seasons/%d/races" % y])


def never_raced(d, q):
    assert d in DRV
    rows = [r for r in RACES if any(row["driverId"] == d for row in (r["results"] or []) + (r["quali"] or []) + (r["sprint"] or []))]
    assert not rows
    unavail("never_raced", q, "%s has no race, sprint or qualifying result in f1db (at most a test/reserve entry or practice runs), so there are no points, finishes or wins to report: not in the data." % dname(d),
            ["drivers/%s.yml" % d, "seasons/*/entrants.yml"])


def no_data(kind, q, src, ctx=""):
    unavail("no_data", q, "f1db does not store %s. %sThe reply must say this is not in the data." % (kind, ctx), src)


UNAV = [
    lambda: future_race("azerbaijan", "result", "who won in baku this year"),
    lambda: future_race("bahrain", "result", "What was the podium at the 2026 Bahrain GP?"),
    lambda: future_race("united-states", "qualifying result", "who got pole at cota 2026"),
    lambda: future_race("qatar", "result", "Who won the Qatar Grand Prix this season and by how much?"),
    lambda: future_race("sao-paulo", "result", "how did lando do at interlagos this year, what did he finish"),
    lambda: not_held(2020, "monaco", "Who won the 2020 Monaco Grand Prix?"),
    lambda: not_held(2021, "china", "who took pole at the chinese gp in 2021"),
    lambda: never_raced("felipe-drugovich", "How many points has Felipe Drugovich scored in F1?"),
    lambda: no_data("car set-up data (wing levels, ride height)", "what rear wing level was norris running at monza last year",
                    ["seasons/2025/races/16-italy/race-results.yml"], "Race results give position, time, laps, grid and points only. "),
    lambda: no_data("team radio messages", "What did Hamilton say on the radio after winning at Silverstone in 2024?",
                    ["seasons/2024/races/12-great-britain/race-results.yml"]),
    lambda: no_data("brake temperatures or any car telemetry", "how hot were leclerc's brakes at monza 2019 on the last lap",
                    ["seasons/2019/races/14-italy/race-results.yml"]),
    lambda: no_data("driver contracts or salaries", "hey quick one - I was arguing with my brother about this - how much does Piastri earn a year at McLaren?",
                    ["drivers/oscar-piastri.yml"]),
    lambda: no_data("throttle or braking traces", "show me norris throttle trace through turn 1 on his pole lap in hungary this year",
                    ["seasons/2026/races/11-hungary/qualifying-results.yml"]),
]

# ---------------------------------------------------------------- multi part

def pole_and_winner(y, gp, q):
    r = find_race(y, gp)
    p, w = strict_pole(r), at(r, 1)["driverId"]
    sc = field(r)
    rec("multi_part", "pole_and_winner", q, acc(w, sc), "%s: pole %s, winner %s%s. Both names required." % (
        race_name(r), dname(p), dname(w), " (same driver)" if p == w else ""), [rpath(r), rpath(r, "qualifying-results.yml")],
        accept_all=uniq([key_name(p, sc), key_name(w, sc)]))


def champ_and_runner(y, q):
    a, b = champ(y), standing(y, 2)["driverId"]
    sc = season_field(y)
    rec("multi_part", "champion_and_runner_up", q, acc(a, sc), "%d: champion %s (%s pts), runner-up %s (%s pts). Both names required." % (
        y, dname(a), num(standing(y, 1)["points"]), dname(b), num(standing(y, 2)["points"])), ["seasons/%d/driver-standings.yml" % y],
        accept_all=[key_name(a, sc), key_name(b, sc)])


def wins_poles(d, y, q):
    w, p = len(wins_of(d, season(y))), len(poles_of(d, season(y)))
    assert w != p
    rec("multi_part", "wins_and_poles", q, [str(w)], "%s in %d: %d wins and %d poles. Both numbers required." % (dname(d), y, w, p),
        ["seasons/%d/races/*/race-results.yml" % y, "seasons/%d/races/*/qualifying-results.yml" % y], accept_all=[str(w), str(p)])


def wins_podiums(d, y, q):
    w, p = len(wins_of(d, season(y))), len(podiums_of(d, season(y)))
    assert w != p
    rec("multi_part", "wins_and_podiums", q, [str(w)], "%s in %d%s: %d wins and %d podiums. Both numbers required." % (
        dname(d), y, " (to round 11)" if y == 2026 else "", w, p), ["seasons/%d/races/*/race-results.yml" % y], accept_all=[str(w), str(p)])


def both_titles(y, q):
    d, c = champ(y), cchamp(y)
    rec("multi_part", "both_champions", q, acc(d, season_field(y)), "%d: drivers' champion %s, constructors' champion %s. Both required." % (y, dname(d), cname(c)),
        ["seasons/%d/driver-standings.yml" % y, "seasons/%d/constructor-standings.yml" % y], accept_all=[fold(cname(c))])


def winner_grid(y, gp, q):
    r = find_race(y, gp)
    row = at(r, 1)
    g = row["gridPosition"]
    assert isinstance(g, int)
    rec("multi_part", "winner_and_grid", q, acc(row["driverId"], field(r)), "%s: won by %s from grid P%d. Name and grid slot required." % (
        race_name(r), dname(row["driverId"]), g), [rpath(r)], accept_all=[str(g)])


def champ_and_team(y, q):
    d = champ(y)
    cs = collections.Counter(row["constructorId"] for r in season(y) for row in r["results"] if row["driverId"] == d)
    assert len(cs) == 1
    c = next(iter(cs))
    rec("multi_part", "champion_and_team", q, acc(d, season_field(y)), "%d champion: %s, driving for %s all season." % (y, dname(d), cname(c)),
        ["seasons/%d/driver-standings.yml" % y, "seasons/%d/races/*/race-results.yml" % y], accept_all=[fold(cname(c))])


MULTI = [
    lambda: pole_and_winner(2006, "japan", "suzuka 2006: who was on pole and who won?"),
    lambda: pole_and_winner(2026, "monaco", "monaco this year - pole and race winner?"),
    lambda: pole_and_winner(1994, "germany", "Who took pole and who won the 1994 German GP?"),
    lambda: champ_and_runner(1982, "1982 champion and runner up?"),
    lambda: champ_and_runner(2010, "Who won the 2010 title, and who came second?"),
    lambda: wins_poles("mika-hakkinen", 1999, "how many wins and poles did mika hakkinen have in 1999"),
    lambda: wins_podiums("oscar-piastri", 2026, "piastri this year: wins? podiums?"),
    lambda: wins_podiums("charles-leclerc", 2024, "Leclerc in 2024 - how many wins and how many podiums?"),
    lambda: both_titles(1997, "who won both championships in 1997 (drivers and constructors)"),
    lambda: winner_grid(2026, "canada", "who won in canada this season and where did he start from"),
    lambda: winner_grid(2005, "japan", "Who won the 2005 Japanese GP and from what grid position?"),
    lambda: champ_and_team(1978, "who won the 78 wdc and for which team"),
    lambda: wins_poles("alain-prost", 1993, "prost in '93, wins and poles?"),
]

TARGET = {"aggregate": 25, "colloquial": 22, "relational": 20, "career_history": 15, "comparative": 14,
          "unavailable": 12, "multi_part": 12}


def grade(text, r):
    t = fold(text).lower()

    def hit(s):
        s = fold(s).lower()
        if re.fullmatch(r"\d+(\.\d+)?", s):
            return re.search(r"(?<![\d.])%s(?![\d]|\.\d)" % re.escape(s), t) is not None
        return s in t
    return any(hit(a) for a in r["accept"]) and all(hit(a) for a in r.get("accept_all", []))


def main():
    for lst in (AGG, REL, COL, CAR, COMP, UNAV, MULTI):
        for fn in lst:
            safe(fn)
    by = collections.defaultdict(list)
    for r in RECS:
        by[r["group"]].append(r)
    out = []
    for g, n in TARGET.items():
        got = by[g]
        if len(got) < n:
            print("group %s: only %d of %d" % (g, len(got), n), file=sys.stderr)
        out += got[:n]
    # move surplus into the total if some group fell short
    short = 120 - len(out)
    if short > 0:
        spare = [r for g, n in TARGET.items() for r in by[g][n:]]
        out += spare[:short]
    qs = [r["question"] for r in out]
    assert len(set(qs)) == len(qs), "duplicate question"
    for r in out:
        if r["expect_unavailable"]:
            assert r["accept"] == [] and "not" in r["answer_note"]
        else:
            assert r["accept"], r
            assert grade(r["answer_note"], r), ("self-check failed", r["question"], r["answer_note"], r["accept"], r.get("accept_all"))
    random.Random(SEED).shuffle(out)
    with open(OUT, "w", encoding="utf-8") as f:
        for i, r in enumerate(out, 1):
            rr = {"id": "%s-%03d" % (PREFIX, i)}
            rr.update(r)
            f.write(json.dumps(rr, ensure_ascii=False) + "\n")
    c = collections.Counter(r["group"] for r in out)
    print("wrote %d records to %s" % (len(out), OUT))
    print(dict(c), "accept_all:", sum(1 for r in out if r.get("accept_all")),
          "unavailable:", sum(1 for r in out if r["expect_unavailable"]))


if __name__ == "__main__":
    main()
