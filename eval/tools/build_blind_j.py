#!/usr/bin/env python3
"""Build the held-out fan-QA set J (eval/fan-qa-blind-j.jsonl) from the f1db YAML.

Self-contained: own YAML loading, imports nothing from the other eval tools.
Every answer is computed from the data; only question parameters and phrasing are hand-written.
Season-fixed questions use even-numbered seasons or 2026.

    python3 eval/tools/build_blind_j.py        # F1DB=<src/data>  BJ_CACHE=/tmp/j.pkl
"""
import glob
import json
import os
import pickle
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from datetime import date

import yaml

try:
    Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    Loader = yaml.SafeLoader

ROOT = os.environ.get("F1DB", "/work/shared/data/f1db/src/data")
CACHE = os.environ.get("BJ_CACHE", "/tmp/j.pkl")
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "fan-qa-blind-j.jsonl")
SEED = 20261204
TODAY = date(2026, 12, 3)
NOSTART = {"DNS", "DNQ", "DNPQ", "EX", "DNP"}
RACE_FILES = {
    "results": "race-results.yml",
    "quali": "qualifying-results.yml",
    "grid": "starting-grid-positions.yml",
    "sprint": "sprint-race-results.yml",
    "fl": "fastest-laps.yml",
}


def y(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=Loader)


def load():
    if os.path.exists(CACHE):
        with open(CACHE, "rb") as f:
            return pickle.load(f)
    D = {}
    for kind in ["drivers", "constructors", "grands-prix", "circuits", "engine-manufacturers", "countries"]:
        D[kind] = {}
        for p in glob.glob(os.path.join(ROOT, kind, "*.yml")):
            d = y(p)
            D[kind][d["id"]] = d
    D["races"], D["dst"], D["cst"], D["entrants"] = [], {}, {}, {}
    for sdir in sorted(glob.glob(os.path.join(ROOT, "seasons", "*"))):
        yr = int(os.path.basename(sdir))
        for k, fn in (("dst", "driver-standings.yml"), ("cst", "constructor-standings.yml"), ("entrants", "entrants.yml")):
            p = os.path.join(sdir, fn)
            if os.path.exists(p):
                D[k][yr] = y(p) or []
        for rdir in sorted(glob.glob(os.path.join(sdir, "races", "*"))):
            r = y(os.path.join(rdir, "race.yml"))
            r["year"] = yr
            r["slug"] = os.path.basename(rdir)
            r["path"] = "seasons/%d/races/%s" % (yr, r["slug"])
            for k, fn in RACE_FILES.items():
                p = os.path.join(rdir, fn)
                r[k] = (y(p) or []) if os.path.exists(p) else None
            D["races"].append(r)
    with open(CACHE, "wb") as f:
        pickle.dump(D, f)
    return D


D = load()
RACES = D["races"]
DONE = [r for r in RACES if r["results"]]
DRV, CON, GPS, CIR, ENG = D["drivers"], D["constructors"], D["grands-prix"], D["circuits"], D["engine-manufacturers"]
CUTOFF = "2026 Hungarian Grand Prix (round 11, 2026-07-26)"

# ---------------------------------------------------------------- asserts on the data frame
_last = max(DONE, key=lambda r: (r["year"], r["round"]))
assert (_last["year"], _last["round"], _last["grandPrixId"]) == (2026, 11, "hungary"), _last["slug"]
assert all(not r["results"] and not r["sprint"] for r in RACES if r["year"] == 2026 and r["round"] >= 12)


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def norm(s):
    return fold(s).lower()


def hit(reply, s):
    r, s = norm(reply), norm(s)
    if re.fullmatch(r"\d+", s):
        return re.search(r"(?<![\d])" + s + r"(?![\d]|[.,]\d)", r) is not None
    return s in r


def grade(reply, rec):
    return any(hit(reply, a) for a in rec["accept"]) and all(hit(reply, a) for a in rec.get("accept_all", []))


# ---------------------------------------------------------------- basic helpers
class Skip(Exception):
    pass


def need(cond, msg="check failed"):
    if not cond:
        raise Skip(msg)


def dn(d):
    return DRV[d]["name"]


def cn(c):
    return CON[c]["name"]


def gpn(r):
    return GPS[r["grandPrixId"]]["fullName"]


def rtitle(r):
    return "%d %s (%s)" % (r["year"], gpn(r), r["date"])


def race(year, gp):
    m = [r for r in RACES if r["year"] == year and r["grandPrixId"] == gp]
    assert len(m) == 1, (year, gp, len(m))
    return m[0]


def race_rnd(year, rnd):
    m = [r for r in RACES if r["year"] == year and r["round"] == rnd]
    assert len(m) == 1
    return m[0]


def src(r, k="results"):
    return r["path"] + "/" + RACE_FILES[k]


def at(rows, p):
    m = [x for x in rows if x["position"] == p]
    need(len(m) == 1, "position %s not unique" % p)
    return m[0]


def row_of(rows, d):
    m = [x for x in rows if x["driverId"] == d]
    assert len(m) == 1, d
    return m[0]


def started(x):
    return x["position"] not in NOSTART


def pole(r):
    q = at(r["quali"], 1)["driverId"] if r["quali"] else None
    g = at(r["grid"], 1)["driverId"] if r["grid"] else None
    need(q and g and q == g, "pole disagreement")
    return q


def season_races(yr):
    return [r for r in DONE if r["year"] == yr]


def field(rs):
    return {x["driverId"] for r in rs for x in (r["results"] or [])}


WINNERS = {x["driverId"] for r in DONE for x in r["results"] if x["position"] == 1}
EVERY = field(DONE)

ALIAS = {
    "sergio-perez": ["Checo"],
    "carlos-sainz-jr": ["Carlos Sainz"],
    "andrea-kimi-antonelli": ["Kimi Antonelli", "Antonelli"],
    "michael-schumacher": ["Schumacher"],  # removed below when Ralf/Mick in scope
}


def dacc(d, scope=None):
    scope = WINNERS | {d} if scope is None else set(scope) | {d}
    nm = dn(d)
    out = [nm, fold(nm)]
    ln = DRV[d]["lastName"]
    if not any(DRV[o]["lastName"] == ln for o in scope if o != d):
        out += [ln, fold(ln)]
    for a in ALIAS.get(d, []):
        if a in (ln, "Schumacher") and any(DRV[o]["lastName"] == DRV[d]["lastName"] for o in scope if o != d):
            continue
        out.append(a)
    if d == "carlos-sainz-jr":
        out.append("Sainz")
    return list(dict.fromkeys(out))


def short(d, scope):
    a = dacc(d, scope)
    ln = DRV[d]["lastName"]
    return fold(ln) if ln in a else fold(dn(d))


CALIAS = {"red-bull": ["Red Bull"], "mercedes": ["Mercedes"], "ferrari": ["Ferrari"], "mclaren": ["McLaren"]}


def cacc(c):
    out = [cn(c), fold(cn(c))] + CALIAS.get(c, [])
    return list(dict.fromkeys(out))


def eacc(e):
    return list(dict.fromkeys([ENG[e]["name"], fold(ENG[e]["name"])]))


def top(counter, k=4):
    mc = counter.most_common()
    need(mc and (len(mc) == 1 or mc[0][1] > mc[1][1]), "tie at top")
    return mc[0], mc[1:k]


def fmt_d(pairs):
    return ", ".join("%s %d" % (dn(a), b) for a, b in pairs)


def fmt_c(pairs):
    return ", ".join("%s %d" % (cn(a), b) for a, b in pairs)


def wins_of(d, rs=None):
    return [r for r in (rs or DONE) if any(x["driverId"] == d and x["position"] == 1 for x in r["results"])]


def podiums_of(d, rs=None):
    return [r for r in (rs or DONE) if any(x["driverId"] == d and x["position"] in (1, 2, 3) for x in r["results"])]


def poles_of(d, rs=None):
    out = []
    for r in rs or DONE:
        q = r["quali"] and [x for x in r["quali"] if x["position"] == 1]
        if q and q[0]["driverId"] == d:
            out.append(r)
    # cross-check with grid
    g = [r for r in (rs or DONE) if r["grid"] and any(x["driverId"] == d and x["position"] == 1 for x in r["grid"])]
    need(len(g) == len(out), "pole count quali/grid mismatch for %s" % d)
    return out


def starts_of(d, rs=None):
    return [r for r in (rs or DONE) if any(x["driverId"] == d and started(x) for x in r["results"])]


def age(d, on):
    b = DRV[d]["dateOfBirth"]
    yrs = on.year - b.year - ((on.month, on.day) < (b.month, b.day))
    last = date(b.year + yrs, b.month, b.day if not (b.month == 2 and b.day == 29) else 28)
    return yrs, (on - last).days


def standings(yr, kind="dst"):
    rows = D[kind][yr]
    assert rows, (yr, kind)
    return rows


def champion(yr, kind="dst"):
    assert yr <= 2025
    r = standings(yr, kind)[0]
    assert r["position"] == 1
    return r


def titles(d):
    return [yr for yr in range(1950, 2026) if champion(yr)["driverId"] == d]


def ctitles(c):
    return [yr for yr in range(1958, 2026) if champion(yr, "cst")["constructorId"] == c]


def spts(yr, key, ident, kind="dst"):
    m = [x for x in standings(yr, kind) if x[key] == ident]
    assert len(m) == 1
    return m[0]


def num(x):
    return str(int(x)) if float(x) == int(x) else str(x)


# ---------------------------------------------------------------- record factory
RECS = defaultdict(list)


def rec(group, cat, q, accept, note, source, accept_all=None):
    r = {"category": cat, "group": group, "question": q, "accept": accept}
    if accept_all:
        r["accept_all"] = accept_all
    r.update({"expect_unavailable": False, "answer_note": note, "source": source})
    assert grade(note, r), ("self-check", q, note)
    RECS[group].append(r)


def unavail(cat, q, note, source):
    RECS["unavailable"].append({"category": cat, "group": "unavailable", "question": q, "accept": [],
                                "expect_unavailable": True, "answer_note": note, "source": source})


def attempt(fn):
    try:
        fn()
    except Skip as e:
        print("skip: line", fn.__code__.co_firstlineno, e, file=sys.stderr)


ALLR = "seasons/*/races/*/race-results.yml"


# ================================================================ AGGREGATE
def gp_most_wins(gp, q, group="aggregate"):
    rs = [r for r in DONE if r["grandPrixId"] == gp]
    c = Counter(x["driverId"] for r in rs for x in r["results"] if x["position"] == 1)
    (d, n), rest = top(c)
    rec(group, "most_wins_at_gp", q, dacc(d),
        "%s: %d %s wins out of %d held (cutoff %s); next: %s." % (dn(d), n, GPS[gp]["fullName"], len(rs), CUTOFF, fmt_d(rest)),
        ["seasons/*/races/*-%s/race-results.yml" % gp])


def circuit_most_wins(cid, q, group="aggregate"):
    rs = [r for r in DONE if r["circuitId"] == cid]
    c = Counter(x["driverId"] for r in rs for x in r["results"] if x["position"] == 1)
    (d, n), rest = top(c)
    gpset = sorted({GPS[r["grandPrixId"]]["name"] for r in rs})
    rec(group, "most_wins_at_circuit", q, dacc(d),
        "%s: %d wins at %s (all Grands Prix held there: %s; %d races); next: %s." % (
            dn(d), n, CIR[cid]["fullName"], ", ".join(gpset), len(rs), fmt_d(rest)),
        [ALLR, "circuits/%s.yml" % cid])


def gp_most_poles(gp, q, group="aggregate"):
    rs = [r for r in DONE if r["grandPrixId"] == gp]
    c = Counter()
    for r in rs:
        c[pole(r)] += 1
    (d, n), rest = top(c)
    rec(group, "most_poles_at_gp", q, dacc(d),
        "%s: %d poles at the %s (qualifying P1, same as starting-grid P1); next: %s." % (dn(d), n, GPS[gp]["fullName"], fmt_d(rest)),
        ["seasons/*/races/*-%s/qualifying-results.yml" % gp, "seasons/*/races/*-%s/starting-grid-positions.yml" % gp])


def team_top_driver(c_id, q, group="aggregate"):
    c = Counter(x["driverId"] for r in DONE for x in r["results"] if x["position"] == 1 and x["constructorId"] == c_id)
    (d, n), rest = top(c)
    rec(group, "team_top_winner", q, dacc(d),
        "%s won %d Grands Prix for %s, the most of any driver; next: %s (cutoff %s)." % (dn(d), n, cn(c_id), fmt_d(rest), CUTOFF),
        [ALLR])


def season_most(yr, what, q, group="aggregate"):
    rs = season_races(yr)
    c = Counter()
    for r in rs:
        if what == "wins":
            c[at(r["results"], 1)["driverId"]] += 1
        elif what == "poles":
            c[pole(r)] += 1
        elif what == "podiums":
            for x in r["results"]:
                if x["position"] in (1, 2, 3):
                    c[x["driverId"]] += 1
        elif what == "fastest laps":
            need(r["fl"], "no fl")
            c[at(r["fl"], 1)["driverId"]] += 1
        elif what == "DNFs":
            for x in r["results"]:
                if x["position"] == "DNF":
                    c[x["driverId"]] += 1
    (d, n), rest = top(c)
    rec(group, "season_most_" + what.replace(" ", "_"), q, dacc(d, field(rs)),
        "%s had the most %s in %d: %d (%d races); next: %s." % (dn(d), what, yr, n, len(rs), fmt_d(rest)),
        ["seasons/%d/races/*/%s" % (yr, {"wins": "race-results.yml", "podiums": "race-results.yml", "DNFs": "race-results.yml",
                                          "poles": "qualifying-results.yml", "fastest laps": "fastest-laps.yml"}[what])])


def distinct_winners(yr, q, group="aggregate"):
    rs = season_races(yr)
    ws = [at(r["results"], 1)["driverId"] for r in rs]
    s = sorted(set(ws), key=lambda d: (-ws.count(d), ws.index(d)))
    rec(group, "distinct_winners", q, [str(len(s))],
        "%d different winners in %d races of %d: %s." % (len(s), len(rs), yr, ", ".join("%s %d" % (dn(d), ws.count(d)) for d in s)),
        ["seasons/%d/races/*/race-results.yml" % yr])


def sprint_most_wins(q, yr=None, group="aggregate"):
    rs = [r for r in DONE if r["sprint"] and (yr is None or r["year"] == yr)]
    rs += [r for r in RACES if r["sprint"] and not r["results"] and (yr is None or r["year"] == yr)]
    c = Counter(at(r["sprint"], 1)["driverId"] for r in rs)
    (d, n), rest = top(c)
    rec(group, "sprint_most_wins", q, dacc(d, field(rs) if yr else None),
        "%s: %d sprint wins (%d sprints%s); next: %s. Sprints are separate from Grand Prix wins." % (
            dn(d), n, len(rs), " in %d" % yr if yr else " 2021-2026, cutoff " + CUTOFF, fmt_d(rest)),
        ["seasons/%s/races/*/sprint-race-results.yml" % (yr or "*")])


def youngest_winner(q):
    best = None
    for r in DONE:
        for x in r["results"]:
            if x["position"] == 1 and DRV[x["driverId"]]["dateOfBirth"]:
                a = (r["date"] - DRV[x["driverId"]]["dateOfBirth"]).days
                if best is None or a < best[0]:
                    best = (a, x["driverId"], r)
    a, d, r = best
    yy, dd = age(d, r["date"])
    rec("aggregate", "youngest_winner", q, dacc(d),
        "%s, aged %d years %d days, at the %s." % (dn(d), yy, dd, rtitle(r)), [ALLR, "drivers/%s.yml" % d])


def youngest_starter(q):
    best = None
    for r in DONE:
        for x in r["results"]:
            if started(x) and DRV[x["driverId"]]["dateOfBirth"]:
                a = (r["date"] - DRV[x["driverId"]]["dateOfBirth"]).days
                if best is None or a < best[0]:
                    best = (a, x["driverId"], r)
    a, d, r = best
    yy, dd = age(d, r["date"])
    rec("aggregate", "youngest_starter", q, dacc(d, EVERY),
        "%s started the %s aged %d years %d days, the youngest ever starter." % (dn(d), rtitle(r), yy, dd), [ALLR])


def nationality_top(country, adj, q):
    c = Counter(x["driverId"] for r in DONE for x in r["results"]
                if x["position"] == 1 and DRV[x["driverId"]]["nationalityCountryId"] == country)
    (d, n), rest = top(c)
    rec("aggregate", "nationality_top_winner", q, dacc(d),
        "%s has the most Grand Prix wins by a %s driver: %d; next: %s." % (dn(d), adj, n, fmt_d(rest)), [ALLR, "drivers/*.yml"])


def team_most_starts(c_id, q):
    c = Counter(x["driverId"] for r in DONE for x in r["results"] if x["constructorId"] == c_id and started(x))
    (d, n), rest = top(c)
    rec("aggregate", "team_most_starts", q, dacc(d, EVERY),
        "%s: %d starts for %s, the most; next: %s (cutoff %s)." % (dn(d), n, cn(c_id), fmt_d(rest), CUTOFF), [ALLR])


def circuit_count(cid, q):
    rs = [r for r in DONE if r["circuitId"] == cid]
    rec("aggregate", "races_at_circuit", q, [str(len(rs))],
        "%d championship Grands Prix have been run at %s (first %d, last %d; cutoff %s)." % (
            len(rs), CIR[cid]["fullName"], rs[0]["year"], rs[-1]["year"], CUTOFF), ["seasons/*/races/*/race.yml"])


def engine_most_wins(y0, y1, q):
    c = Counter()
    for r in DONE:
        if y0 <= r["year"] <= y1:
            c[at(r["results"], 1)["engineManufacturerId"]] += 1
    (e, n), rest = top(c)
    rec("aggregate", "engine_most_wins", q, eacc(e),
        "%s engines won %d of the races %d-%d; next: %s." % (ENG[e]["name"], n, y0, y1, ", ".join("%s %d" % (ENG[a]["name"], b) for a, b in rest)),
        ["seasons/%d..%d/races/*/race-results.yml" % (y0, y1)])


def team_season_podiums(yr, c_id, q):
    rs = season_races(yr)
    n = sum(1 for r in rs for x in r["results"] if x["constructorId"] == c_id and x["position"] in (1, 2, 3))
    rec("aggregate", "team_season_podiums", q, [str(n)],
        "%s scored %d podium finishes (P1-P3 in Grands Prix, sprints excluded) in %d over %d races." % (cn(c_id), n, yr, len(rs)),
        ["seasons/%d/races/*/race-results.yml" % yr])


def most_wins_from_grid(gridp, q):
    c = Counter(x["driverId"] for r in DONE for x in r["results"] if x["position"] == 1 and x.get("gridPosition") == gridp)
    (d, n), rest = top(c)
    rec("aggregate", "wins_from_grid", q, dacc(d),
        "%s: %d wins starting from grid P%d; next: %s." % (dn(d), n, gridp, fmt_d(rest)), [ALLR])


def aggregate():
    A = [
        lambda: gp_most_wins("italy", "Who has won the Italian Grand Prix the most times?"),
        lambda: gp_most_wins("great-britain", "most british gp wins ever?"),
        lambda: gp_most_wins("spain", "who holds the record for Spanish GP victories"),
        lambda: gp_most_wins("abu-dhabi", "Most wins in Abu Dhabi - who?"),
        lambda: gp_most_wins("bahrain", "which driver has won bahrain the most"),
        lambda: gp_most_wins("germany", "Who won the German Grand Prix more than anyone else?"),
        lambda: gp_most_wins("mexico", "most mexican gp wins"),
        lambda: circuit_most_wins("monza", "most wins at monza as a track (any grand prix held there)?"),
        lambda: gp_most_poles("italy", "who has the most poles at the italian gp"),
        lambda: gp_most_poles("great-britain", "Who has taken pole position at the British Grand Prix the most often?"),
        lambda: team_top_driver("ferrari", "Who's won the most races for Ferrari?"),
        lambda: team_top_driver("red-bull", "who has the most wins in a red bull"),
        lambda: team_top_driver("mercedes", "Mercedes' winningest driver?"),
        lambda: season_most(2014, "wins", "who won the most races in 2014?"),
        lambda: season_most(2008, "wins", "Which driver won the most Grands Prix in 2008?"),
        lambda: season_most(1992, "poles", "who took the most pole positions in 1992"),
        lambda: season_most(2016, "poles", "most poles in the 2016 season?"),
        lambda: season_most(2024, "podiums", "who got the most podiums in 2024"),
        lambda: season_most(2024, "fastest laps", "who set the most fastest laps in 2024?"),
        lambda: distinct_winners(2004, "How many different drivers won a race in 2004?"),
        lambda: distinct_winners(1970, "number of different winners in the 1970 season"),
        lambda: sprint_most_wins("Who has won the most F1 sprint races?"),
        lambda: sprint_most_wins("who won the most sprints in 2024", 2024),
        lambda: youngest_winner("Who is the youngest Grand Prix winner ever?"),
        lambda: youngest_starter("youngest driver ever to start an F1 race?"),
        lambda: nationality_top("spain", "Spanish", "Which Spanish driver has won the most Grands Prix?"),
        lambda: nationality_top("mexico", "Mexican", "who's the most successful mexican driver by race wins"),
        lambda: team_most_starts("williams", "Who has started the most races for Williams?"),
        lambda: circuit_count("monza", "how many f1 races have been held at Monza?"),
        lambda: engine_most_wins(2000, 2009, "which engine manufacturer won the most races from 2000 to 2009?"),
        lambda: team_season_podiums(2022, "ferrari", "how many podiums did Ferrari get in 2022?"),
        lambda: most_wins_from_grid(2, "Who has won the most races starting from second on the grid?"),
    ]
    for f in A:
        attempt(f)


# ================================================================ COLLOQUIAL
def winner_q(group, cat, yr, gp, q, extra=""):
    r = race(yr, gp)
    w = at(r["results"], 1)["driverId"]
    p2 = at(r["results"], 2)["driverId"]
    rec(group, cat, q, dacc(w, field([r])),
        "%s%s won the %s; P2 %s." % (extra, dn(w), rtitle(r), dn(p2)), [src(r)])


def pole_q(group, cat, yr, gp, q, extra=""):
    r = race(yr, gp)
    p = pole(r)
    rec(group, cat, q, dacc(p, field([r])), "%s%s took pole for the %s (qualifying P1 and grid P1)." % (extra, dn(p), rtitle(r)),
        [src(r, "quali"), src(r, "grid")])


def driver_pos_q(group, cat, yr, gp, d, q, extra=""):
    r = race(yr, gp)
    x = row_of(r["results"], d)
    p = x["position"]
    need(isinstance(p, int), "not classified")
    rec(group, cat, q, [str(p)] + (["won", "win", "victory", "first"] if p == 1 else []),
        ("%s%s finished P%d (won the race) at the %s (started P%s, %s)." if p == 1 else "%s%s finished P%d at the %s (started P%s, %s).") % (extra, dn(d), p, rtitle(r), x.get("gridPosition"), cn(x["constructorId"])),
        [src(r)])


def count_q(group, cat, d, what, q, rs=None, scope_note="career", extra=""):
    fn = {"wins": wins_of, "podiums": podiums_of, "poles": poles_of, "starts": starts_of}[what]
    n = len(fn(d, rs))
    acc = [str(n)] + (["none", "zero", "no wins", "no race", "winless", "not won", "hasn't won", "has not won", "yet to win", "without a win"] if n == 0 else [])
    rec(group, cat, q, acc, "%s%s: %d Grand Prix %s (%s; cutoff %s)." % (extra, dn(d), n, what, scope_note, CUTOFF), [ALLR])


def colloquial():
    L = race_rnd(2026, 11)
    C = [
        lambda: winner_q("colloquial", "typo", 2024, "italy", "who won at monzaa in 2024"),
        lambda: winner_q("colloquial", "circuit_name", 2022, "sao-paulo", "interlagos 2022 winner?"),
        lambda: winner_q("colloquial", "relative_time", 2025, "japan", "who won suzuka last yr", "Last year = 2025. "),
        lambda: winner_q("colloquial", "relative_time", 2024, "canada", "the year before last, who won in montreal?", "The year before last = 2024. "),
        lambda: winner_q("colloquial", "short_year", 2006, "monaco", "monaco '06 winner??"),
        lambda: winner_q("colloquial", "short_year", 1998, "belgium", "who won spa in 98 (the crazy wet one)"),
        lambda: pole_q("colloquial", "relative_time", 2026, "hungary", "who got pole at the last race", "Last race with results = 2026 Hungarian GP. "),
        lambda: pole_q("colloquial", "typo", 2024, "azerbaijan", "pole sitter azerbajan 2024?"),
        lambda: driver_pos_q("colloquial", "relative_time", 2026, "hungary", "lando-norris", "where did lando finish in the last race?", "Last race = 2026 Hungarian GP. "),
        lambda: driver_pos_q("colloquial", "nickname", 2024, "monaco", "sergio-perez", "checo monaco 2024 finishing position?"),
        lambda: count_q("colloquial", "nickname", "kimi-raikkonen", "wins", "how many races did the iceman win in total"),
        lambda: count_q("colloquial", "typo", "fernando-alonso", "podiums", "how many podiums has alonzo got in his career?"),
        lambda: count_q("colloquial", "nickname", "nico-hulkenberg", "starts", "how many gp starts does the hulk have"),
        lambda: count_q("colloquial", "typo", "george-russell", "wins", "how many wins does russel have in 2026 so far", season_races(2026), "2026 so far"),
        lambda: count_q("colloquial", "nickname", "daniel-ricciardo", "wins", "honey badger career wins?"),
        lambda: count_q("colloquial", "typo", "oscar-piastri", "poles", "piastry career poles?"),
        lambda: count_q("colloquial", "relative_time", "max-verstappen", "wins", "how many races did max win this season", season_races(2026), "2026 so far", "This season = 2026. "),
        lambda: leader_q(),
        lambda: sprint_last_q(),
        lambda: cst_q("colloquial", "relative_time", 2025, "last season's constructors champs?", "Last season = 2025. ", 2),
        lambda: champ_q("colloquial", "short_year", 2012, "who won the title in 2k12", ""),
        lambda: champ_q("colloquial", "typo", 1986, "86 wdc wiiner?", ""),
        lambda: count_q("colloquial", "nickname", "sebastian-vettel", "poles", "seb's total pole count?"),
        lambda: winner_q("colloquial", "slang", 2026, "monaco", "lol who even won monaco this year"),
    ]
    for f in C:
        attempt(f)


def leader_q():
    s = standings(2026)
    chk = y(os.path.join(ROOT, "seasons/2026/races/11-hungary/driver-standings.yml"))
    assert [(a["driverId"], a["points"]) for a in s] == [(a["driverId"], a["points"]) for a in chk]
    need(s[0]["points"] > s[1]["points"])
    rec("colloquial", "relative_time", "whos leading the drivers championship rn",
        dacc(s[0]["driverId"], field(season_races(2026))),
        "After the %s (last race with results): %s leads with %s points, %s second on %s." % (
            CUTOFF, dn(s[0]["driverId"]), num(s[0]["points"]), dn(s[1]["driverId"]), num(s[1]["points"])),
        ["seasons/2026/driver-standings.yml"])


def sprint_last_q():
    rs = [r for r in RACES if r["sprint"]]
    r = max(rs, key=lambda r: (r["year"], r["round"]))
    assert r["year"] == 2026
    w = at(r["sprint"], 1)["driverId"]
    rec("colloquial", "relative_time", "who won the most recent sprint?", dacc(w, field([r])),
        "The most recent sprint in the data is the %d %s sprint (round %d): won by %s; P2 %s." % (
            r["year"], gpn(r), r["round"], dn(w), dn(at(r["sprint"], 2)["driverId"])), [src(r, "sprint")])


def cst_q(group, cat, yr, q, extra="", k=1):
    c = champion(yr, "cst")
    rec(group, cat, q, cacc(c["constructorId"]),
        "%s%s won the %d constructors' championship with %s points." % (extra, cn(c["constructorId"]), yr, num(c["points"])),
        ["seasons/%d/constructor-standings.yml" % yr])


def champ_q(group, cat, yr, q, extra=""):
    c = champion(yr)
    s2 = standings(yr)[1]
    rec(group, cat, q, dacc(c["driverId"], field(season_races(yr))),
        "%s%s won the %d drivers' title with %s points; runner-up %s (%s)." % (extra, dn(c["driverId"]), yr, num(c["points"]), dn(s2["driverId"]), num(s2["points"])),
        ["seasons/%d/driver-standings.yml" % yr])


# ================================================================ RELATIONAL
def behind_q(yr, gp, d, q):
    r = race(yr, gp)
    x = row_of(r["results"], d)
    need(isinstance(x["position"], int))
    b = at(r["results"], x["position"] + 1)["driverId"]
    rec("relational", "right_behind", q, dacc(b, field([r])),
        "%s finished P%d at the %s; right behind him in P%d was %s." % (dn(d), x["position"], rtitle(r), x["position"] + 1, dn(b)), [src(r)])


def nth_q(yr, gp, p, q, kind="results"):
    r = race(yr, gp)
    rows = r[kind]
    d = at(rows, p)["driverId"]
    label = {"results": "finished P%d in the race", "grid": "started P%d on the grid", "sprint": "finished P%d in the sprint"}[kind] % p
    rec("relational", "nth_" + kind, q, dacc(d, field([r])), "%s %s at the %s." % (dn(d), label, rtitle(r)), [src(r, kind)])


def podium_q(yr, gp, q):
    r = race(yr, gp)
    p = [at(r["results"], i)["driverId"] for i in (1, 2, 3)]
    sc = field([r])
    surn = [dacc(d, sc) for d in p]
    aa = [short(d, sc) for d in p]
    rec("relational", "podium", q, surn[2],
        "%s: P1 %s, P2 %s, P3 %s; P4 %s. All three names are required." % (rtitle(r), dn(p[0]), dn(p[1]), dn(p[2]), dn(at(r["results"], 4)["driverId"])),
        [src(r)], aa)


def teammate_q(yr, d, q, group="relational"):
    rs = season_races(yr)
    tm = Counter()
    for r in rs:
        x = [a for a in r["results"] if a["driverId"] == d and started(a)]
        if not x:
            continue
        for a in r["results"]:
            if a["constructorId"] == x[0]["constructorId"] and a["driverId"] != d and started(a):
                tm[a["driverId"]] += 1
    need(len(tm) == 1, "several team-mates %s" % tm)
    t, n = tm.most_common(1)[0]
    team = [a["constructorId"] for r in rs for a in r["results"] if a["driverId"] == d][0]
    rec(group, "teammate", q, dacc(t, field(rs)),
        "%s's only team-mate at %s in %d was %s (%d shared starts)." % (dn(d), cn(team), yr, dn(t), n), ["seasons/%d/races/*/race-results.yml" % yr])


def engine_q(yr, c_id, q):
    es = {a["engineManufacturerId"] for r in season_races(yr) for a in r["results"] if a["constructorId"] == c_id}
    need(len(es) == 1)
    e = es.pop()
    rec("relational", "engine", q, eacc(e), "%s ran %s engines in every %d race." % (cn(c_id), ENG[e]["name"], yr),
        ["seasons/%d/races/*/race-results.yml" % yr])


def fl_q(yr, gp, q):
    r = race(yr, gp)
    d = at(r["fl"], 1)["driverId"]
    rec("relational", "fastest_lap", q, dacc(d, field([r])),
        "%s set the fastest lap of the %s (%s, lap %s)." % (dn(d), rtitle(r), at(r["fl"], 1)["time"], at(r["fl"], 1)["lap"]), [src(r, "fl")])


def runnerup_q(yr, kind, q, p=2):
    s = standings(yr, kind)
    x = s[p - 1]
    assert x["position"] == p and s[p]["position"] != p and s[p - 2]["position"] != p
    if kind == "dst":
        acc, nm = dacc(x["driverId"], field(season_races(yr))), dn(x["driverId"])
    else:
        acc, nm = cacc(x["constructorId"]), cn(x["constructorId"])
    rec("relational", "standings_p%d" % p, q, acc, "%s finished P%d in the %d %s standings with %s points." % (
        nm, p, yr, "drivers'" if kind == "dst" else "constructors'", num(x["points"])), ["seasons/%d/%s" % (yr, "driver-standings.yml" if kind == "dst" else "constructor-standings.yml")])


def relational():
    R = [
        lambda: behind_q(2024, "great-britain", "lewis-hamilton", "who finished right behind Hamilton at Silverstone 2024?"),
        lambda: behind_q(2026, "hungary", "max-verstappen", "Who came home just behind Verstappen in the most recent race?"),
        lambda: behind_q(2010, "abu-dhabi", "fernando-alonso", "abu dhabi 2010, who was right behind alonso at the flag"),
        lambda: nth_q(2024, "brazil" if False else "sao-paulo", 4, "Who finished fourth in the 2024 São Paulo GP?"),
        lambda: nth_q(2018, "germany", 5, "who was P5 at hockenheim 2018"),
        lambda: nth_q(2026, "austria", 10, "who got the last point (P10) in Austria this year?"),
        lambda: nth_q(2022, "monaco", 2, "Who started second on the grid at Monaco in 2022?", "grid"),
        lambda: nth_q(2024, "austria", 2, "who was 2nd in the austria sprint 2024", "sprint"),
        lambda: podium_q(2016, "malaysia", "Podium at the 2016 Malaysian GP?"),
        lambda: podium_q(2026, "canada", "who was on the podium in canada this season"),
        lambda: podium_q(2000, "japan", "top 3 at suzuka 2000"),
        lambda: teammate_q(2016, "max-verstappen" if False else "kevin-magnussen", "who was kevin magnussen's team-mate in 2016?"),
        lambda: teammate_q(2014, "daniel-ricciardo", "Ricciardo's team-mate in 2014?"),
        lambda: teammate_q(2006, "kimi-raikkonen", "who partnered raikkonen in 2006"),
        lambda: teammate_q(2026, "fernando-alonso", "who is alonso's team mate this year"),
        lambda: engine_q(2016, "mclaren", "what engine was in the back of the mclaren in 2016?"),
        lambda: engine_q(2006, "williams", "williams 2006 engine supplier"),
        lambda: fl_q(2024, "singapore", "who set fastest lap at Singapore 2024?"),
        lambda: runnerup_q(2022, "cst", "Who was runner-up in the 2022 constructors' championship?"),
        lambda: runnerup_q(2018, "dst", "who finished 3rd in the drivers standings in 2018", 3),
        lambda: pole_q("relational", "pole", 1994, "monaco", "who was on pole at monaco 1994?"),
    ]
    for f in R:
        attempt(f)


# ================================================================ CAREER HISTORY
def venue(r):
    g = GPS[r["grandPrixId"]]
    out = [g["fullName"], g["shortName"]]
    other = {x["name"].lower() for k, x in GPS.items() if k != r["grandPrixId"]}
    for c in [CIR[r["circuitId"]]["name"]] + list(CIR[r["circuitId"]].get("previousNames") or []):
        if c.lower() not in other:
            out.append(c)
    return list(dict.fromkeys(out + [fold(a) for a in out]))


def first_last_win(d, which, q, group="career_history"):
    ws = wins_of(d)
    need(ws)
    r = ws[0] if which == "first" else ws[-1]
    rec(group, which + "_win", q, [gpn(r).replace(" Grand Prix", ""), GPS[r["grandPrixId"]]["name"]] if False else
        venue(r),
        "%s's %s Grand Prix win: the %s at %s (%d wins in total)." % (dn(d), which, rtitle(r), CIR[r["circuitId"]]["name"], len(ws)),
        [src(r)], [str(r["year"])])


def team_first_win(c_id, q):
    rs = [r for r in DONE if any(x["constructorId"] == c_id and x["position"] == 1 for x in r["results"])]
    r = rs[0]
    ws = [x["driverId"] for x in r["results"] if x["constructorId"] == c_id and x["position"] == 1]
    assert len(ws) == 1
    rec("career_history", "team_first_win", q, dacc(ws[0], field([r])),
        "%s's first Grand Prix win came at the %s with %s." % (cn(c_id), rtitle(r), dn(ws[0])), [src(r)], [str(r["year"])])


def team_last_win(c_id, q):
    rs = [r for r in DONE if any(x["constructorId"] == c_id and x["position"] == 1 for x in r["results"])]
    r = rs[-1]
    ws = [x["driverId"] for x in r["results"] if x["constructorId"] == c_id and x["position"] == 1]
    rec("career_history", "team_last_win", q, dacc(ws[0], field([r])),
        "%s's most recent Grand Prix win (cutoff %s): the %s with %s." % (cn(c_id), CUTOFF, rtitle(r), dn(ws[0])), [src(r)], [str(r["year"])])


def debut_q(d, q):
    r = starts_of(d)[0]
    x = row_of(r["results"], d)
    rec("career_history", "debut", q, list(dict.fromkeys([GPS[r["grandPrixId"]]["fullName"], GPS[r["grandPrixId"]]["shortName"]])),
        "%s's first Grand Prix start was the %s for %s (finished %s)." % (dn(d), rtitle(r), cn(x["constructorId"]), x["position"]),
        [src(r)], [str(r["year"])])


def ctitle_count(c_id, q):
    t = ctitles(c_id)
    rec("career_history", "constructor_titles", q, [str(len(t))],
        "%s: %d constructors' titles (%s), completed seasons 1958-2025." % (cn(c_id), len(t), ", ".join(map(str, t))), ["seasons/*/constructor-standings.yml"])


def first_podium(d, q):
    r = podiums_of(d)[0]
    x = row_of(r["results"], d)
    rec("career_history", "first_podium", q, list(dict.fromkeys([GPS[r["grandPrixId"]]["fullName"], GPS[r["grandPrixId"]]["shortName"]])),
        "%s's first podium: P%d at the %s." % (dn(d), x["position"], rtitle(r)), [src(r)], [str(r["year"])])


def first_champ_nat(country, adj, q):
    for yr in range(1950, 2026):
        d = champion(yr)["driverId"]
        if DRV[d]["nationalityCountryId"] == country:
            rec("career_history", "first_champion_nationality", q, dacc(d),
                "The first %s world champion was %s, in %d." % (adj, dn(d), yr), ["seasons/%d/driver-standings.yml" % yr])
            return
    raise Skip("none")


def career_history():
    H = [
        lambda: first_last_win("carlos-sainz-jr", "first", "where and when did sainz win his first race"),
        lambda: first_last_win("george-russell", "first", "George Russell's first win - which race and year?"),
        lambda: first_last_win("sergio-perez", "first", "checo's maiden win, where & what year"),
        lambda: first_last_win("pierre-gasly", "first", "When did Gasly win his first Grand Prix, and where?"),
        lambda: first_last_win("daniel-ricciardo", "last", "ricciardo's last ever win, which race?"),
        lambda: first_last_win("valtteri-bottas", "last", "When and where was Bottas's most recent win?"),
        lambda: first_last_win("nico-rosberg", "first", "nico rosberg's first grand prix victory?"),
        lambda: team_first_win("benetton", "who gave Benetton its first win, and in what year?"),
        lambda: team_first_win("jordan", "jordan's first ever race win - who drove it and when?"),
        lambda: team_first_win("alpine", "Who won Alpine's first race and when?"),
        lambda: team_first_win("brawn", "first win for brawn gp? driver + year"),
        lambda: team_last_win("williams" if False else "renault", "Renault's most recent GP win as a constructor - who and when?"),
        lambda: debut_q("charles-leclerc", "Which race was Leclerc's F1 debut?"),
        lambda: debut_q("lando-norris", "when did lando norris make his f1 debut (which gp)"),
        lambda: ctitle_count("mercedes", "how many constructors titles does mercedes have"),
        lambda: first_podium("lando-norris", "Where did Norris get his first podium?"),
        lambda: first_champ_nat("brazil" if False else "canada", "Canadian", "who was the first Canadian to win the F1 world championship?"),
    ]
    for f in H:
        attempt(f)


# ================================================================ COMPARATIVE
def cmp_career(a, b, what, q):
    fn = {"wins": wins_of, "podiums": podiums_of, "poles": poles_of, "starts": starts_of}[what]
    na, nb = len(fn(a)), len(fn(b))
    need(na != nb)
    hi, lo, nh, nl = (a, b, na, nb) if na > nb else (b, a, nb, na)
    rec("comparative", "career_" + what, q, dacc(hi, {a, b}),
        "%s has more Grand Prix %s: %d vs %s's %d, a margin of %d (cutoff %s)." % (dn(hi), what, nh, dn(lo), nl, nh - nl, CUTOFF),
        [ALLR], [str(nh - nl)])


def cmp_points(yr, a, b, q):
    pa, pb = spts(yr, "driverId", a)["points"], spts(yr, "driverId", b)["points"]
    need(pa != pb)
    hi, lo, ph, pl = (a, b, pa, pb) if pa > pb else (b, a, pb, pa)
    m = ph - pl
    rec("comparative", "season_points", q, dacc(hi, {a, b}),
        "%d drivers' standings%s: %s %s points vs %s %s, %s ahead by %s." % (
            yr, " after round 11" if yr == 2026 else "", dn(hi), num(ph), dn(lo), num(pl), dn(hi), num(m)),
        ["seasons/%d/driver-standings.yml" % yr], [num(m)])


def cmp_team_points(yr, a, b, q):
    pa, pb = spts(yr, "constructorId", a, "cst")["points"], spts(yr, "constructorId", b, "cst")["points"]
    need(pa != pb)
    hi, lo, ph, pl = (a, b, pa, pb) if pa > pb else (b, a, pb, pa)
    rec("comparative", "team_points", q, cacc(hi),
        "%d constructors' standings: %s %s vs %s %s, a gap of %s." % (yr, cn(hi), num(ph), cn(lo), num(pl), num(ph - pl)),
        ["seasons/%d/constructor-standings.yml" % yr], [num(ph - pl)])


def cmp_h2h_quali(yr, a, b, q):
    wa = wb = 0
    for r in season_races(yr):
        if not r["quali"]:
            continue
        xa = [x for x in r["quali"] if x["driverId"] == a]
        xb = [x for x in r["quali"] if x["driverId"] == b]
        if xa and xb and isinstance(xa[0]["position"], int) and isinstance(xb[0]["position"], int):
            if xa[0]["position"] < xb[0]["position"]:
                wa += 1
            else:
                wb += 1
    need(wa != wb)
    hi, lo, nh, nl = (a, b, wa, wb) if wa > wb else (b, a, wb, wa)
    rec("comparative", "quali_h2h", q, dacc(hi, {a, b}),
        "%d qualifying head-to-head (qualifying-results positions, races where both set a classified position): %s %d, %s %d." % (yr, dn(hi), nh, dn(lo), nl),
        ["seasons/%d/races/*/qualifying-results.yml" % yr], [str(nh), str(nl)])


def comparative():
    K = [
        lambda: cmp_career("lewis-hamilton", "max-verstappen", "wins", "hamilton vs verstappen, who has more wins and by how many?"),
        lambda: cmp_career("fernando-alonso", "sebastian-vettel", "podiums", "Alonso or Vettel - more podiums? by how much"),
        lambda: cmp_career("charles-leclerc", "lando-norris", "poles", "leclerc v norris career poles, who leads & by how many"),
        lambda: cmp_career("nigel-mansell", "nelson-piquet", "poles" , "Mansell or Piquet: who took more poles, and what's the gap?"),
        lambda: cmp_career("kimi-raikkonen", "jenson-button", "wins", "kimi vs button - who won more races and by how many?"),
        lambda: cmp_career("rubens-barrichello", "michael-schumacher", "starts", "who started more races, Barrichello or Michael Schumacher, and by how many?"),
        lambda: cmp_points(2014, "lewis-hamilton", "nico-rosberg", "2014: how many points did Hamilton beat Rosberg by?"),
        lambda: cmp_points(2022, "george-russell", "lewis-hamilton", "russell vs hamilton 2022 points - who was ahead and by how much"),
        lambda: cmp_points(2018, "sebastian-vettel", "kimi-raikkonen", "In 2018 how far ahead was Vettel of Raikkonen in points?"),
        lambda: cmp_points(2026, "charles-leclerc", "lewis-hamilton", "leclerc or hamilton - who has more points this season and how many more?"),
        lambda: cmp_points(2000, "mika-hakkinen", "david-coulthard", "hakkinen v coulthard 2000 championship points gap"),
        lambda: cmp_team_points(2022, "red-bull", "mercedes", "Red Bull vs Mercedes in 2022 constructors' points - what was the gap?"),
        lambda: cmp_team_points(2026, "mclaren", "red-bull", "mclaren or red bull, who's ahead in the constructors this year and by how much"),
        lambda: cmp_h2h_quali(2024, "oscar-piastri", "lando-norris", "2024 quali head to head norris v piastri?"),
        lambda: cmp_career("ayrton-senna", "alain-prost" if False else "nelson-piquet", "wins", "senna or piquet, who won more GPs, by how many?"),
    ]
    for f in K:
        attempt(f)


# ================================================================ UNAVAILABLE
def unavailable():
    for rnd, q, what in [
        (13, "who won the italian gp this year?", "winner"),
        (14, "Who got pole for the 2026 Spanish GP in Madrid?", "pole sitter"),
        (18, "podium at COTA 2026?", "podium"),
        (16, "how many points did antonelli get in bahrain this season", "points"),
    ]:
        r = race_rnd(2026, rnd)
        assert not r["results"] and not r["quali"], r["slug"]
        unavail("no_result_yet", q, "The %s (round %d, %s) has no results in the data (last race with results: %s), so the %s is not available (no result yet)." % (
            gpn(r), rnd, r["date"], CUTOFF, what), [r["path"] + "/race.yml"])
    for yr, gp, q in [(2022, "china", "Who won the 2022 Chinese Grand Prix?"), (2020, "brazil", "who won the brazilian gp in 2020"),
                      (2014, "korea", "2014 korean gp winner?")]:
        assert not [r for r in RACES if r["year"] == yr and r["grandPrixId"] == gp], (yr, gp)
        held = sorted(r["year"] for r in RACES if r["grandPrixId"] == gp)
        circs = {r["circuitId"] for r in RACES if r["grandPrixId"] == gp and r["year"] == held[-1]}
        assert not [r for r in RACES if r["year"] == yr and r["circuitId"] in circs], (yr, gp)
        unavail("not_held", q, "There was no %s in %d: it is not on that season's calendar and no race was run at %s that year (the %s was held in other years, %s-%s). The reply should say the race was not held." % (
            GPS[gp]["fullName"], yr, "/".join(CIR[c]["name"] for c in circs), GPS[gp]["fullName"], held[0], held[-1]), ["seasons/%d/races/" % yr])
    never = None
    for d in ["luke-browning", "dino-beganovic", "victor-martins", "zane-maloney", "theo-pourchaire"]:
        if d in DRV and d not in EVERY and not any(r["quali"] and any(x["driverId"] == d for x in r["quali"]) for r in RACES):
            never = d
            break
    assert never
    unavail("never_raced", "how many grand prix points has %s scored?" % dn(never),
            "%s has never started (or qualified for) a championship Grand Prix in f1db: he appears only in entrants / practice data, so there are no race points to report (0 starts)." % dn(never),
            ["drivers/%s.yml" % never, "seasons/*/entrants.yml"])
    for q, what, s in [
        ("What was Verstappen's heart rate during the 2024 Brazilian GP?", "driver biometrics (heart rate)", "seasons/2024/races/21-sao-paulo/race-results.yml"),
        ("how much downforce was the mclaren running at monza 2024", "car set-up / downforce levels", "seasons/2024/races/16-italy/race-results.yml"),
        ("what's lewis hamilton's ferrari salary", "driver salaries or contracts", "drivers/lewis-hamilton.yml"),
        ("how many fans attended silverstone in 2022?", "attendance figures", "seasons/2022/races/10-great-britain/race.yml"),
        ("What peak g-force did Leclerc pull at Suzuka 2024?", "g-force or telemetry", "seasons/2024/races/04-japan/race-results.yml"),
    ]:
        unavail("not_stored", q, "f1db does not store %s; it has results, grids, lap/pit times and standings only. The reply should say this is not in the data." % what, [s])


# ================================================================ MULTI PART
def mp_pole_win(yr, gp, q):
    r = race(yr, gp)
    p, w = pole(r), at(r["results"], 1)["driverId"]
    sc = field([r])
    need(p != w, "same driver")
    rec("multi_part", "pole_and_winner", q, dacc(w, sc),
        "%s: pole %s, winner %s." % (rtitle(r), dn(p), dn(w)), [src(r, "quali"), src(r)], [short(p, sc), short(w, sc)])


def mp_champ_points(yr, q):
    c = champion(yr)
    rec("multi_part", "champion_points", q, dacc(c["driverId"], field(season_races(yr))),
        "%s won the %d title with %s points." % (dn(c["driverId"]), yr, num(c["points"])), ["seasons/%d/driver-standings.yml" % yr], [num(c["points"])])


def mp_wins_poles(d, yr, q):
    rs = season_races(yr)
    w, p = len(wins_of(d, rs)), len(poles_of(d, rs))
    need(w != p, "same number")
    rec("multi_part", "wins_and_poles", q, [str(w)], "%s in %d: %d wins and %d poles (%d races)." % (dn(d), yr, w, p, len(rs)),
        ["seasons/%d/races/*/race-results.yml" % yr, "seasons/%d/races/*/qualifying-results.yml" % yr], [str(w), str(p)])


def mp_gp_sprint(d, yr, q):
    rs = season_races(yr)
    w = len(wins_of(d, rs))
    sp = [r for r in RACES if r["year"] == yr and r["sprint"]]
    s = sum(1 for r in sp if at(r["sprint"], 1)["driverId"] == d)
    need(w != s)
    rec("multi_part", "gp_and_sprint_wins", q, [str(w)], "%s in %d: %d Grand Prix wins and %d sprint wins (%d sprints)." % (dn(d), yr, w, s, len(sp)),
        ["seasons/%d/races/*/race-results.yml" % yr, "seasons/%d/races/*/sprint-race-results.yml" % yr], [str(w), str(s)])


def mp_both_titles(yr, q):
    c, k = champion(yr), champion(yr, "cst")
    rec("multi_part", "both_champions", q, dacc(c["driverId"], field(season_races(yr))),
        "%d: drivers' champion %s, constructors' champion %s." % (yr, dn(c["driverId"]), cn(k["constructorId"])),
        ["seasons/%d/driver-standings.yml" % yr, "seasons/%d/constructor-standings.yml" % yr], [cacc(k["constructorId"])[0]])


def mp_winner_grid(yr, gp, q):
    r = race(yr, gp)
    x = at(r["results"], 1)
    g = x["gridPosition"]
    need(isinstance(g, int) and g > 1)
    rec("multi_part", "winner_and_grid", q, dacc(x["driverId"], field([r])),
        "%s won the %s from grid P%d." % (dn(x["driverId"]), rtitle(r), g), [src(r)], [str(g)])


def mp_champ_margin(yr, q):
    s = standings(yr)
    m = s[0]["points"] - s[1]["points"]
    rec("multi_part", "champion_margin", q, dacc(s[0]["driverId"], field(season_races(yr))),
        "%s won the %d title by %s points over %s (%s to %s)." % (dn(s[0]["driverId"]), yr, num(m), dn(s[1]["driverId"]), num(s[0]["points"]), num(s[1]["points"])),
        ["seasons/%d/driver-standings.yml" % yr], [num(m)])


def mp_wins_podiums(d, yr, q):
    rs = season_races(yr)
    w, p = len(wins_of(d, rs)), len(podiums_of(d, rs))
    need(w != p)
    rec("multi_part", "wins_and_podiums", q, [str(w)], "%s in %d: %d wins and %d podiums (%d races%s)." % (
        dn(d), yr, w, p, len(rs), ", 2026 to the Hungarian GP" if yr == 2026 else ""),
        ["seasons/%d/races/*/race-results.yml" % yr], [str(w), str(p)])


def multi_part():
    M = [
        lambda: mp_pole_win(2024, "belgium", "spa 2024: who was on pole and who won?"),
        lambda: mp_pole_win(2026, "austria", "Austrian GP this year - pole sitter and winner?"),
        lambda: mp_pole_win(2012, "great-britain", "british gp 2012 pole + winner"),
        lambda: mp_champ_points(1996, "who won the 1996 championship and with how many points?"),
        lambda: mp_wins_poles("lewis-hamilton", 2018, "how many wins and poles did hamilton get in 2018"),
        lambda: mp_wins_poles("sebastian-vettel", 2012, "Vettel 2012: wins? poles?"),
        lambda: mp_gp_sprint("max-verstappen", 2024, "max in 2024 - how many GP wins and how many sprint wins?"),
        lambda: mp_both_titles(2008, "2008 drivers and constructors champions?"),
        lambda: mp_both_titles(1982, "who won both championships in 1982 (driver + team)"),
        lambda: mp_winner_grid(2024, "sao-paulo", "who won interlagos 2024 and where did he start from?"),
        lambda: mp_champ_margin(2010, "Who won the 2010 title and by how many points?"),
        lambda: mp_wins_podiums("charles-leclerc", 2026, "leclerc this year: wins and podiums so far?"),
        lambda: mp_wins_podiums("lando-norris", 2024, "norris 2024 wins & podiums"),
        lambda: mp_pole_win(2020, "italy", "monza 2020 - who had pole and who won it?"),
        lambda: mp_champ_margin(2022, "2022 world champ and his winning margin in points?"),
        lambda: mp_wins_poles("max-verstappen", 2022, "how many wins n poles did verstappen have in 2022"),
        lambda: mp_gp_sprint("lando-norris", 2026, "lando this season: how many GP wins and sprint wins?"),
    ]
    for f in M:
        attempt(f)


TARGET = {"aggregate": 25, "colloquial": 22, "relational": 20, "career_history": 15, "comparative": 14, "unavailable": 12, "multi_part": 12}


def main():
    aggregate()
    colloquial()
    relational()
    career_history()
    comparative()
    unavailable()
    multi_part()
    out = []
    for g, n in TARGET.items():
        print(g, len(RECS[g]), "target", n, file=sys.stderr)
        out += RECS[g][:n]
    qs = [r["question"] for r in out]
    assert len(qs) == len(set(qs))
    short = 120 - len(out)
    if short > 0:  # fill from surplus, in group order
        extra = [r for g, n in TARGET.items() for r in RECS[g][n:]]
        out += extra[:short]
    assert len(out) == 120, len(out)
    random.Random(SEED).shuffle(out)
    for i, r in enumerate(out, 1):
        r_ = {"id": "fbj-%03d" % i}
        r_.update(r)
        out[i - 1] = r_
    for r in out:
        if not r["expect_unavailable"]:
            assert grade(r["answer_note"], r), r["id"]
            assert r["accept"] and all(a.strip() for a in r["accept"] + r.get("accept_all", []))
        for s_ in r["source"]:
            if "*" not in s_ and ".." not in s_:
                assert os.path.exists(os.path.join(ROOT, s_)), (r["id"], s_)
    with open(OUT, "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("wrote", len(out), Counter(r["group"] for r in out), file=sys.stderr)


if __name__ == "__main__":
    main()
