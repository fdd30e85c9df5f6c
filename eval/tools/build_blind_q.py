#!/usr/bin/env python3
"""Build the held-out fan-style F1 QA set Q (eval/fan-qa-blind-q.jsonl) from the f1db YAML.

Every answer is computed here from the data; only question parameters and wording are hand-chosen.
Usage: python3 eval/tools/build_blind_q.py [-v]
Env: F1DB=<src/data path>, BQ_CACHE=<pickle path> (default /tmp/q.pkl; empty disables the cache).
"""
import glob, json, os, pickle, random, sys, unicodedata
from collections import Counter, defaultdict

import yaml
try:
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as Loader

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.environ.get("F1DB") or os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "f1db", "src", "data"))
CACHE = os.environ.get("BQ_CACHE", "/tmp/q.pkl")
OUT = os.path.join(ROOT, "eval", "fan-qa-blind-q.jsonl")
SEED = 20261210
TODAY = "2026-12-04"
TARGET = {"aggregate": 25, "colloquial": 22, "relational": 20, "career_history": 15,
          "comparative": 13, "multi_part": 13, "unavailable": 12}
NONSTART = {"DNQ", "DNPQ", "DNS", "DNP", "EX"}


def ld(p):
    with open(p, encoding="utf-8") as f:
        return yaml.load(f, Loader=Loader)


def stamp():
    n, m = 0, 0.0
    for dp, _, fs in os.walk(DATA):
        for f in fs:
            n += 1
            m = max(m, os.path.getmtime(os.path.join(dp, f)))
    return (n, m)


def load():
    st = stamp()
    if CACHE and os.path.exists(CACHE):
        try:
            with open(CACHE, "rb") as f:
                c = pickle.load(f)
            if c.get("stamp") == st:
                return c["db"]
        except Exception:
            pass
    db = {"drivers": {}, "constructors": {}, "gp": {}, "circuits": {}, "engines": {}, "seasons": {}}
    for k, d in (("drivers", "drivers"), ("constructors", "constructors"), ("gp", "grands-prix"),
                 ("circuits", "circuits"), ("engines", "engine-manufacturers")):
        for p in sorted(glob.glob(os.path.join(DATA, d, "*.yml"))):
            o = ld(p)
            db[k][o["id"]] = o
    for sd in sorted(glob.glob(os.path.join(DATA, "seasons", "*"))):
        y = int(os.path.basename(sd))
        s = {"races": [], "ds": None, "cs": None, "entrants": None}
        for fn, k in (("driver-standings.yml", "ds"), ("constructor-standings.yml", "cs"), ("entrants.yml", "entrants")):
            if os.path.exists(os.path.join(sd, fn)):
                s[k] = ld(os.path.join(sd, fn)) or []
        for rd in sorted(glob.glob(os.path.join(sd, "races", "*"))):
            r = ld(os.path.join(rd, "race.yml"))
            r["dir"] = "seasons/%d/races/%s" % (y, os.path.basename(rd))
            r["year"] = y
            for fn in ("race-results", "qualifying-results", "starting-grid-positions", "fastest-laps",
                       "sprint-race-results", "driver-of-the-day-results", "pit-stops"):
                p = os.path.join(rd, fn + ".yml")
                r[fn] = (ld(p) or []) if os.path.exists(p) else None
            s["races"].append(r)
        db["seasons"][y] = s
    if CACHE:
        with open(CACHE, "wb") as f:
            pickle.dump({"stamp": st, "db": db}, f)
    return db


DB = load()
S = DB["seasons"]
D = DB["drivers"]
C = DB["constructors"]


class Drop(Exception):
    pass


def fold(s):
    return "".join(ch for ch in unicodedata.normalize("NFKD", str(s)) if not unicodedata.combining(ch)).lower()


def uniq(xs):
    out, seen = [], set()
    for x in xs:
        if x and fold(x) not in seen:
            seen.add(fold(x))
            out.append(x)
    return out


# ---------- basic accessors ----------
def all_races():
    for y in sorted(S):
        for r in S[y]["races"]:
            yield r


def rr(r):
    return r["race-results"] or []


def started(row):
    return str(row["position"]) not in NONSTART


def winners(r):
    return sorted({x["driverId"] for x in rr(r) if x["position"] == 1})


def at(r, pos):
    xs = [x for x in rr(r) if x["position"] == pos]
    if len(xs) != 1:
        raise Drop("position %s at %s has %d rows" % (pos, r["dir"], len(xs)))
    return xs[0]


def pole(r):
    q = [x for x in (r["qualifying-results"] or []) if x["position"] == 1]
    g = [x for x in (r["starting-grid-positions"] or []) if x["position"] == 1]
    if len(q) != 1 or len(g) != 1 or q[0]["driverId"] != g[0]["driverId"]:
        raise Drop("pole qual/grid disagree at %s" % r["dir"])
    return q[0]["driverId"]


def race(y, gp):
    xs = [r for r in S[y]["races"] if r["grandPrixId"] == gp]
    if len(xs) != 1:
        raise Drop("%d %s: %d calendar entries" % (y, gp, len(xs)))
    return xs[0]


def gpname(r):
    return "%d %s" % (r["year"], DB["gp"][r["grandPrixId"]]["fullName"])


def dname(d):
    return D[d]["name"] if d else "nobody"


def names(d, scope=None):
    o = D[d]
    out = [o["name"], fold(o["name"]), "%s %s" % (o["firstName"], o["lastName"])]
    out.append(fold(out[-1]))
    if scope is not None:
        ln = fold(o["lastName"])
        if sum(1 for x in set(scope) | {d} if fold(D[x]["lastName"]) == ln) == 1:
            out += [o["lastName"], fold(o["lastName"])]
    al = {"michael-schumacher": ["Schumi"], "sergio-perez": ["Checo"], "nelson-piquet": ["Nelson Piquet Sr"],
          "kimi-raikkonen": ["Kimi"], "carlos-sainz-jr": ["Carlos Sainz"]}
    out += al.get(d, [])
    return uniq(out)


def short(d, scope):
    """single string for accept_all: surname if unique in scope, else display name (folded)."""
    n = names(d, scope)
    ln = D[d]["lastName"]
    return fold(ln) if fold(ln) in [fold(x) for x in n] else fold(D[d]["name"])


def cnames(c):
    o = C[c]
    return uniq([o["name"], fold(o["name"]), o.get("fullName"), fold(o.get("fullName") or "")])


def season_field(y):
    return {x["driverId"] for r in S[y]["races"] for x in rr(r)}


def all_winners():
    return {w for r in all_races() for w in winners(r)}


ALLW = all_winners()


def strict_top(cnt, what):
    if not cnt:
        raise Drop("empty " + what)
    top = cnt.most_common()
    if len(top) > 1 and top[0][1] == top[1][1]:
        raise Drop("tie at top: " + what)
    return top[0][0], top[0][1], (top[1] if len(top) > 1 else (None, 0))


def standing(y, pos, kind="ds"):
    xs = [x for x in (S[y][kind] or []) if x["position"] == pos]
    if len(xs) != 1:
        raise Drop("standing %s %d P%d" % (kind, y, pos))
    return xs[0]


def driver_races(d):
    return [(r, x) for r in all_races() for x in rr(r) if x["driverId"] == d]


def driver_wins(d):
    return sorted({r["id"]: r for r, x in driver_races(d) if x["position"] == 1}.values(), key=lambda r: r["date"])


def driver_podiums(d):
    return sorted({r["id"]: r for r, x in driver_races(d) if isinstance(x["position"], int) and x["position"] <= 3}.values(), key=lambda r: r["date"])


def driver_starts(d):
    return sorted({r["id"]: r for r, x in driver_races(d) if started(x)}.values(), key=lambda r: r["date"])


def driver_poles(d):
    n = 0
    for r in all_races():
        q = [x["driverId"] for x in (r["qualifying-results"] or []) if x["position"] == 1]
        g = [x["driverId"] for x in (r["starting-grid-positions"] or []) if x["position"] == 1]
        if (d in q) != (d in g):
            raise Drop("pole count qual/grid disagree for %s at %s" % (d, r["dir"]))
        n += d in q
    return n


def age(d, date):
    b = D[d]["dateOfBirth"]
    b = str(b)
    by, bm, bd = map(int, b.split("-"))
    y, m, dd = map(int, str(date).split("-"))
    yrs = y - by - ((m, dd) < (bm, bd))
    return yrs


def ordinal(n):
    return {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth",
            9: "ninth", 10: "tenth"}.get(n, "")


def posacc(p):
    suf = {1: "st", 2: "nd", 3: "rd"}.get(p if p < 20 else p % 10, "th")
    if 10 < p % 100 < 14:
        suf = "th"
    return uniq(["P%d" % p, "%d%s" % (p, suf), ordinal(p)])


# ---------- candidate templates: each returns (accept, accept_all, note, source) ----------
def T_most_wins_gp(gp):
    cnt = Counter()
    for r in all_races():
        if r["grandPrixId"] == gp:
            for w in winners(r):
                cnt[w] += 1
    d, n, (d2, n2) = strict_top(cnt, "wins at " + gp)
    return (names(d, ALLW), [str(n)], "%s has the most %s wins: %d (next: %s %d). Grands Prix only, no sprints." %
            (dname(d), DB["gp"][gp]["fullName"], n, dname(d2), n2), ["seasons/*/races/*-%s/race-results.yml" % gp])


def T_most_poles_season(y):
    cnt = Counter(pole(r) for r in S[y]["races"] if rr(r))
    d, n, (d2, n2) = strict_top(cnt, "poles %d" % y)
    return (names(d, season_field(y)), [str(n)], "%s took the most poles in %d: %d (qualifying P1, same as grid P1); next %s %d." %
            (dname(d), y, n, dname(d2), n2), ["seasons/%d/races/*/qualifying-results.yml" % y, "seasons/%d/races/*/starting-grid-positions.yml" % y])


def T_most_wins_for_team(c):
    cnt = Counter()
    for r in all_races():
        for d in {x["driverId"] for x in rr(r) if x["position"] == 1 and x["constructorId"] == c}:
            cnt[d] += 1
    d, n, (d2, n2) = strict_top(cnt, "wins for " + c)
    return (names(d, ALLW), [str(n)], "%s has the most Grand Prix wins for %s: %d (next %s %d)." % (dname(d), C[c]["name"], n, dname(d2), n2),
            ["seasons/*/races/*/race-results.yml"])


def T_distinct_winners(y):
    ws = {w for r in S[y]["races"] for w in winners(r)}
    return ([str(len(ws))], None, "%d different drivers won Grands Prix in %d: %s." % (len(ws), y, ", ".join(sorted(dname(w) for w in ws))),
            ["seasons/%d/races/*/race-results.yml" % y])


def T_num_races(y):
    n = len([r for r in S[y]["races"] if rr(r)])
    return ([str(n)], None, "The %d championship had %d Grands Prix." % (y, n), ["seasons/%d/races/*/race.yml" % y])


def T_most_fl_season(y):
    cnt = Counter()
    for r in S[y]["races"]:
        for x in (r["fastest-laps"] or []):
            if x["position"] == 1:
                cnt[x["driverId"]] += 1
    d, n, (d2, n2) = strict_top(cnt, "fl %d" % y)
    return (names(d, season_field(y)), [str(n)], "%s set the most fastest laps in %d: %d (next %s %d)." % (dname(d), y, n, dname(d2), n2),
            ["seasons/%d/races/*/fastest-laps.yml" % y])


def T_most_wins_circuit(circ):
    cnt = Counter()
    for r in all_races():
        if r["circuitId"] == circ:
            for w in winners(r):
                cnt[w] += 1
    d, n, (d2, n2) = strict_top(cnt, "wins at " + circ)
    return (names(d, ALLW), [str(n)], "%s has the most wins at %s: %d (next %s %d). Grands Prix only." % (dname(d), DB["circuits"][circ]["fullName"], n, dname(d2), n2),
            ["seasons/*/races/*/race-results.yml"])


def T_most_podiums_season(y):
    cnt = Counter()
    for r in S[y]["races"]:
        for d in {x["driverId"] for x in rr(r) if isinstance(x["position"], int) and x["position"] <= 3}:
            cnt[d] += 1
    d, n, (d2, n2) = strict_top(cnt, "podiums %d" % y)
    return (names(d, season_field(y)), [str(n)], "%s had the most podiums in %d: %d (next %s %d)." % (dname(d), y, n, dname(d2), n2),
            ["seasons/%d/races/*/race-results.yml" % y])


def T_most_dnf_season(y):
    cnt = Counter(x["driverId"] for r in S[y]["races"] for x in rr(r) if x["position"] == "DNF")
    d, n, (d2, n2) = strict_top(cnt, "dnf %d" % y)
    return (names(d, season_field(y)), [str(n)], "%s retired (DNF) most often in %d: %d times (next %s %d)." % (dname(d), y, n, dname(d2), n2),
            ["seasons/%d/races/*/race-results.yml" % y])


def T_career_count(d, what):
    f = {"wins": driver_wins, "podiums": driver_podiums, "starts": driver_starts}[what]
    n = len(f(d))
    return ([str(n)], None, "%s: %d career Grand Prix %s as of the 2026 Hungarian GP (sprints excluded)." % (dname(d), n, what),
            ["seasons/*/races/*/race-results.yml"])


def T_career_poles(d):
    n = driver_poles(d)
    return ([str(n)], None, "%s: %d career poles (qualifying P1; grid P1 agrees)." % (dname(d), n), ["seasons/*/races/*/qualifying-results.yml"])


def T_team_wins_season(c, y):
    n = len([r for r in S[y]["races"] if any(x["position"] == 1 and x["constructorId"] == c for x in rr(r))])
    return ([str(n)], None, "%s won %d Grands Prix in %d." % (C[c]["name"], n, y), ["seasons/%d/races/*/race-results.yml" % y])


def T_youngest_winner_season(y, oldest=False):
    ages = {}
    for r in S[y]["races"]:
        for w in winners(r):
            b = str(D[w]["dateOfBirth"])
            ages.setdefault(w, b)
    if len(set(ages.values())) != len(ages):
        raise Drop("birthday tie")
    d = (min if oldest else max)(ages, key=lambda k: ages[k])
    return (names(d, season_field(y)), None, "Among the %d race winners, the %s was %s (born %s)." % (y, "oldest" if oldest else "youngest", dname(d), ages[d]),
            ["seasons/%d/races/*/race-results.yml" % y, "drivers/*.yml"])


def T_most_points_finishes_season(y):
    cnt = Counter(x["driverId"] for r in S[y]["races"] for x in rr(r) if (x.get("points") or 0) > 0)
    d, n, (d2, n2) = strict_top(cnt, "points finishes %d" % y)
    return (names(d, season_field(y)), [str(n)], "%s scored points in the most races in %d: %d (next %s %d)." % (dname(d), y, n, dname(d2), n2),
            ["seasons/%d/races/*/race-results.yml" % y])


def T_nat_most_wins(country):
    cnt = Counter()
    for r in all_races():
        for w in winners(r):
            if D[w]["nationalityCountryId"] == country:
                cnt[w] += 1
    d, n, (d2, n2) = strict_top(cnt, "nat " + country)
    return (names(d, ALLW), [str(n)], "Top %s winner: %s with %d wins (next %s %d)." % (country, dname(d), n, dname(d2), n2), ["seasons/*/races/*/race-results.yml", "drivers/*.yml"])


def T_winner(y, gp, scope=True):
    r = race(y, gp)
    w = winners(r)
    if len(w) != 1:
        raise Drop("shared win")
    f = {x["driverId"] for x in rr(r)}
    return (names(w[0], f), None, "%s (%s) won the %s." % (dname(w[0]), C[at(r, 1)["constructorId"]]["name"], gpname(r)), [r["dir"] + "/race-results.yml"])


def T_pos_of(y, gp, d):
    r = race(y, gp)
    xs = [x for x in rr(r) if x["driverId"] == d]
    if len(xs) != 1 or not isinstance(xs[0]["position"], int):
        raise Drop("not a single classified row")
    p = xs[0]["position"]
    return (posacc(p), None, "%s finished P%d in the %s." % (dname(d), p, gpname(r)), [r["dir"] + "/race-results.yml"])


def T_at_pos(y, gp, p):
    r = race(y, gp)
    x = at(r, p)
    f = {z["driverId"] for z in rr(r)}
    return (names(x["driverId"], f), None, "P%d in the %s: %s (%s); winner %s." % (p, gpname(r), dname(x["driverId"]), C[x["constructorId"]]["name"], dname(at(r, 1)["driverId"])),
            [r["dir"] + "/race-results.yml"])


def T_behind(y, gp, d, ahead=False):
    r = race(y, gp)
    xs = [x for x in rr(r) if x["driverId"] == d and isinstance(x["position"], int)]
    if len(xs) != 1:
        raise Drop("no single row")
    p = xs[0]["position"] + (-1 if ahead else 1)
    if p < 1:
        raise Drop("nobody ahead")
    x = at(r, p)
    f = {z["driverId"] for z in rr(r)}
    return (names(x["driverId"], f), None, "%s: %s was P%d; %s was P%d, right %s him." % (gpname(r), dname(d), xs[0]["position"], dname(x["driverId"]), p, "ahead of" if ahead else "behind"),
            [r["dir"] + "/race-results.yml"])


def T_pole(y, gp):
    r = race(y, gp)
    d = pole(r)
    f = {z["driverId"] for z in rr(r)}
    return (names(d, f), None, "%s took pole for the %s (qualifying P1, grid P1 agrees)." % (dname(d), gpname(r)), [r["dir"] + "/qualifying-results.yml", r["dir"] + "/starting-grid-positions.yml"])


def T_fl(y, gp):
    r = race(y, gp)
    xs = [x for x in (r["fastest-laps"] or []) if x["position"] == 1]
    if len(xs) != 1:
        raise Drop("fl")
    d = xs[0]["driverId"]
    return (names(d, {z["driverId"] for z in rr(r)}), None, "%s set the fastest lap in the %s (%s, lap %s)." % (dname(d), gpname(r), xs[0]["time"], xs[0]["lap"]), [r["dir"] + "/fastest-laps.yml"])


def T_champion(y, kind="ds"):
    x = standing(y, 1, kind)
    if y == 2026:
        raise Drop("undecided")
    if kind == "ds":
        return (names(x["driverId"], season_field(y)), None, "%s won the %d drivers' title with %s points." % (dname(x["driverId"]), y, x["points"]), ["seasons/%d/driver-standings.yml" % y])
    return (cnames(x["constructorId"]), None, "%s won the %d constructors' title with %s points." % (C[x["constructorId"]]["name"], y, x["points"]), ["seasons/%d/constructor-standings.yml" % y])


def T_standing_pos(y, p):
    x = standing(y, p)
    return (names(x["driverId"], season_field(y)), None, "P%d in the %d drivers' standings: %s with %s points." % (p, y, dname(x["driverId"]), x["points"]), ["seasons/%d/driver-standings.yml" % y])


def T_points(y, d):
    xs = [x for x in S[y]["ds"] if x["driverId"] == d]
    if len(xs) != 1:
        raise Drop("pts")
    pts = xs[0]["points"]
    ps = ("%g" % pts)
    return ([ps], None, "%s had %s points in %d (P%d in the standings%s)." % (dname(d), ps, y, xs[0]["position"], ", after round 11, sprints included" if y == 2026 else ""), ["seasons/%d/driver-standings.yml" % y])


def T_season_wins(y, d):
    n = len([r for r in S[y]["races"] if d in winners(r)])
    return ([str(n)], None, "%s won %d Grands Prix in %d (sprints excluded)." % (dname(d), n, y), ["seasons/%d/races/*/race-results.yml" % y])


def T_sprint_wins(y, d):
    n = len([r for r in S[y]["races"] if any(x["position"] == 1 and x["driverId"] == d for x in (r["sprint-race-results"] or []))])
    return ([str(n)], None, "%s won %d sprint races in %d." % (dname(d), n, y), ["seasons/%d/races/*/sprint-race-results.yml" % y])


def team_starts(y, c):
    out = defaultdict(set)
    for r in S[y]["races"]:
        for x in rr(r):
            if x["constructorId"] == c and started(x):
                out[x["driverId"]].add(r["id"])
    return out


def T_teammate(y, d, c):
    st = team_starts(y, c)
    mine = st.get(d)
    if not mine:
        raise Drop("no starts")
    n = len(mine)
    share = {o: len(v & mine) for o, v in st.items() if o != d}
    good = [o for o, k in share.items() if k >= 0.8 * n]
    half = [o for o, k in share.items() if k >= 0.5 * n]
    if len(good) != 1 or len(half) != 1:
        raise Drop("no single team-mate for %s %d" % (d, y))
    t = good[0]
    return (names(t, season_field(y)), None, "%s's team-mate at %s in %d was %s (together in %d of %s's %d starts)." % (dname(d), C[c]["name"], y, dname(t), share[t], dname(d), n),
            ["seasons/%d/races/*/race-results.yml" % y])


def T_engine(y, c):
    ems = set()
    for r in S[y]["races"]:
        for k in ("race-results", "qualifying-results"):
            for x in (r[k] or []):
                if x["constructorId"] == c:
                    ems.add(x["engineManufacturerId"])
    for e in S[y]["entrants"] or []:
        for k in (e.get("constructors") or [e]):
            if k.get("constructorId") == c:
                if k.get("engineManufacturerId"):
                    ems.add(k["engineManufacturerId"])
                for kk in k.get("engines") or []:
                    if kk.get("engineManufacturerId"):
                        ems.add(kk["engineManufacturerId"])
    if len(ems) != 1:
        raise Drop("engines %s %d: %s" % (c, y, sorted(map(str, ems))))
    e = ems.pop()
    en = DB["engines"][e]["name"]
    return (uniq([en, fold(en)]), None, "Every %s entry in %d used %s engines." % (C[c]["name"], y, en), ["seasons/%d/entrants.yml" % y, "seasons/%d/races/*/race-results.yml" % y])


def T_lineup(y, c):
    ds = sorted({x["driverId"] for r in S[y]["races"] for x in rr(r) if x["constructorId"] == c})
    if len(ds) != 2:
        raise Drop("lineup %s %d has %d" % (c, y, len(ds)))
    f = season_field(y)
    return (names(ds[0], f), [short(x, f) for x in ds], "%s's %d drivers: %s." % (C[c]["name"], y, " and ".join(dname(x) for x in ds)), ["seasons/%d/races/*/race-results.yml" % y])


def T_podium(y, gp):
    r = race(y, gp)
    ps = [at(r, p)["driverId"] for p in (1, 2, 3)]
    f = {z["driverId"] for z in rr(r)}
    return (names(ps[2], f), [short(x, f) for x in ps], "%s podium: P1 %s, P2 %s, P3 %s." % ((gpname(r),) + tuple(dname(x) for x in ps)), [r["dir"] + "/race-results.yml"])


def T_cs_runner_up(y):
    x = standing(y, 2, "cs")
    w = standing(y, 1, "cs")
    return (cnames(x["constructorId"]), None, "%d constructors: P2 %s (%s points) behind %s (%s)." % (y, C[x["constructorId"]]["name"], x["points"], C[w["constructorId"]]["name"], w["points"]), ["seasons/%d/constructor-standings.yml" % y])


def T_first_last_win(d, last=False):
    ws = driver_wins(d)
    if not ws:
        raise Drop("no wins")
    r = ws[-1] if last else ws[0]
    g = DB["gp"][r["grandPrixId"]]
    return (uniq([g["fullName"], g["shortName"], fold(g["fullName"])]), [str(r["year"])], "%s's %s Grand Prix win: the %s (%s)." % (dname(d), "last" if last else "first", gpname(r), r["date"]),
            [r["dir"] + "/race-results.yml"])


def T_first_podium(d):
    ps = driver_podiums(d)
    r = ps[0]
    g = DB["gp"][r["grandPrixId"]]
    p = [x for x in rr(r) if x["driverId"] == d][0]["position"]
    return (uniq([g["fullName"], g["shortName"], fold(g["fullName"])]), [str(r["year"])], "%s's first podium: P%d at the %s." % (dname(d), p, gpname(r)), [r["dir"] + "/race-results.yml"])


def T_debut(d, what="race"):
    st = driver_starts(d)
    r = st[0]
    g = DB["gp"][r["grandPrixId"]]
    if what == "year":
        return ([str(r["year"])], None, "%s's first Grand Prix start: the %s." % (dname(d), gpname(r)), [r["dir"] + "/race-results.yml"])
    if what == "team":
        c = [x for x in rr(r) if x["driverId"] == d][0]["constructorId"]
        return (cnames(c), None, "%s started his first Grand Prix (%s) for %s." % (dname(d), gpname(r), C[c]["name"]), [r["dir"] + "/race-results.yml"])
    return (uniq([g["fullName"], g["shortName"], fold(g["fullName"])]), [str(r["year"])], "%s's first Grand Prix start: the %s (%s)." % (dname(d), gpname(r), r["date"]), [r["dir"] + "/race-results.yml"])


def T_num_seasons(d):
    ys = sorted({r["year"] for r in driver_starts(d)})
    return ([str(len(ys))], None, "%s started Grands Prix in %d seasons (%d-%d)." % (dname(d), len(ys), ys[0], ys[-1]), ["seasons/*/races/*/race-results.yml"])


def T_teams(d):
    cs = []
    for r in driver_starts(d):
        c = [x for x in rr(r) if x["driverId"] == d and started(x)][0]["constructorId"]
        if c not in cs:
            cs.append(c)
    if len(cs) < 2 or len(cs) > 5:
        raise Drop("teams count")
    return (cnames(cs[0]), [fold(C[c]["name"]) for c in cs], "%s started Grands Prix for %d constructors: %s." % (dname(d), len(cs), ", ".join(C[c]["name"] for c in cs)), ["seasons/*/races/*/race-results.yml"])


def T_team_first_last_win(c, last=False):
    ws = [r for r in all_races() if any(x["position"] == 1 and x["constructorId"] == c for x in rr(r))]
    if not ws:
        raise Drop("no team wins")
    r = ws[-1] if last else ws[0]
    w = [x["driverId"] for x in rr(r) if x["position"] == 1 and x["constructorId"] == c]
    if len(w) != 1:
        raise Drop("shared")
    return (names(w[0], {z["driverId"] for z in rr(r)}), [str(r["year"])], "%s's %s win: %s at the %s." % (C[c]["name"], "last" if last else "first", dname(w[0]), gpname(r)), [r["dir"] + "/race-results.yml"])


def T_last_season_first_title(c):
    ys = [y for y in sorted(S) if S[y]["cs"] and y < 2026 and standing(y, 1, "cs")["constructorId"] == c]
    if not ys:
        raise Drop("no titles")
    return ([str(ys[0])], None, "%s's first constructors' title: %d (titles: %s)." % (C[c]["name"], ys[0], ", ".join(map(str, ys))), ["seasons/*/constructor-standings.yml"])


def cmp_common(a, b, va, vb, what, src, minmargin=2):
    if va == vb:
        raise Drop("tie")
    if abs(va - vb) < minmargin:
        raise Drop("margin 1")
    hi, lo = (a, b) if va > vb else (b, a)
    m = abs(va - vb)
    ms = "%g" % m
    sc = {a, b}
    return (names(hi, sc), [ms], "%s leads %s on %s: %g v %g, a margin of %s." % (dname(hi), dname(lo), what, max(va, vb), min(va, vb), ms), src)


def T_cmp_career(a, b, what):
    f = {"wins": driver_wins, "podiums": driver_podiums, "starts": driver_starts}[what]
    return cmp_common(a, b, len(f(a)), len(f(b)), "career Grand Prix " + what, ["seasons/*/races/*/race-results.yml"])


def T_cmp_poles(a, b):
    return cmp_common(a, b, driver_poles(a), driver_poles(b), "career poles", ["seasons/*/races/*/qualifying-results.yml"])


def T_cmp_points(y, a, b):
    if y < 1991:
        raise Drop("pre-1991 points")
    pa = [x["points"] for x in S[y]["ds"] if x["driverId"] == a][0]
    pb = [x["points"] for x in S[y]["ds"] if x["driverId"] == b][0]
    return cmp_common(a, b, pa, pb, "%d championship points" % y, ["seasons/%d/driver-standings.yml" % y])


def T_cmp_race(y, gp, a, b):
    r = race(y, gp)
    pa = [x["position"] for x in rr(r) if x["driverId"] == a]
    pb = [x["position"] for x in rr(r) if x["driverId"] == b]
    if len(pa) != 1 or len(pb) != 1 or not isinstance(pa[0], int) or not isinstance(pb[0], int):
        raise Drop("both must be classified")
    hi = a if pa[0] < pb[0] else b
    return (names(hi, {a, b}), ["P%d" % pa[0], "P%d" % pb[0]], "%s: %s P%d, %s P%d; %s finished higher." % (gpname(r), dname(a), pa[0], dname(b), pb[0], dname(hi)), [r["dir"] + "/race-results.yml"])


def T_cmp_quali_h2h(y, a, b):
    wa = wb = 0
    for r in S[y]["races"]:
        q = {x["driverId"]: x["position"] for x in (r["qualifying-results"] or []) if isinstance(x["position"], int)}
        if a in q and b in q:
            if q[a] < q[b]:
                wa += 1
            else:
                wb += 1
    if wa == wb:
        raise Drop("tie")
    hi = a if wa > wb else b
    return (names(hi, {a, b}), [str(max(wa, wb)), str(min(wa, wb))], "%d qualifying head-to-head: %s %d, %s %d." % (y, dname(a), wa, dname(b), wb), ["seasons/%d/races/*/qualifying-results.yml" % y])


def T_cmp_team_wins(a, b, y0, y1):
    def n(c):
        return len([r for r in all_races() if y0 <= r["year"] <= y1 and any(x["position"] == 1 and x["constructorId"] == c for x in rr(r))])
    va, vb = n(a), n(b)
    if va == vb or abs(va - vb) < 2:
        raise Drop("tie/margin")
    hi, lo = (a, b) if va > vb else (b, a)
    return (cnames(hi), [str(abs(va - vb))], "%d-%d Grand Prix wins: %s %d, %s %d (margin %d)." % (y0, y1, C[hi]["name"], max(va, vb), C[lo]["name"], min(va, vb), abs(va - vb)), ["seasons/*/races/*/race-results.yml"])


# multi-part
def M_champ_team(y):
    x = standing(y, 1)
    d = x["driverId"]
    cs = Counter(z["constructorId"] for r in S[y]["races"] for z in rr(r) if z["driverId"] == d and started(z))
    c, n, _ = strict_top(cs, "champ team")
    if len(cs) != 1:
        raise Drop("champion drove for several teams")
    f = season_field(y)
    return (names(d, f), [short(d, f), fold(C[c]["name"])], "%d champion: %s, driving for %s (%s points)." % (y, dname(d), C[c]["name"], x["points"]), ["seasons/%d/driver-standings.yml" % y, "seasons/%d/races/*/race-results.yml" % y])


def M_champ_wins(y):
    x = standing(y, 1)
    d = x["driverId"]
    n = len([r for r in S[y]["races"] if d in winners(r)])
    f = season_field(y)
    return (names(d, f), [short(d, f), str(n)], "%d champion %s won %d Grands Prix that year." % (y, dname(d), n), ["seasons/%d/driver-standings.yml" % y, "seasons/%d/races/*/race-results.yml" % y])


def M_champ_runner(y):
    a, b = standing(y, 1), standing(y, 2)
    f = season_field(y)
    return (names(a["driverId"], f), [short(a["driverId"], f), short(b["driverId"], f)], "%d: champion %s (%s), runner-up %s (%s)." % (y, dname(a["driverId"]), a["points"], dname(b["driverId"]), b["points"]), ["seasons/%d/driver-standings.yml" % y])


def M_pole_winner(y, gp):
    r = race(y, gp)
    p = pole(r)
    w = winners(r)
    if len(w) != 1:
        raise Drop("shared")
    f = {z["driverId"] for z in rr(r)}
    return (names(w[0], f), [short(p, f), short(w[0], f)], "%s: pole %s, winner %s." % (gpname(r), dname(p), dname(w[0])), [r["dir"] + "/qualifying-results.yml", r["dir"] + "/race-results.yml"])


def M_wins_poles(y, d):
    w = len([r for r in S[y]["races"] if d in winners(r)])
    p = sum(1 for r in S[y]["races"] if rr(r) and pole(r) == d)
    if w == p:
        raise Drop("same numbers")
    return ([str(w)], [str(w), str(p)], "%s in %d: %d wins and %d poles (qualifying P1, grid P1 agrees)." % (dname(d), y, w, p), ["seasons/%d/races/*/race-results.yml" % y, "seasons/%d/races/*/qualifying-results.yml" % y])


def M_career_wins_podiums(d):
    w, p = len(driver_wins(d)), len(driver_podiums(d))
    return ([str(w)], [str(w), str(p)], "%s's career: %d Grand Prix wins and %d podiums." % (dname(d), w, p), ["seasons/*/races/*/race-results.yml"])


def M_cs_champ_points(y):
    x = standing(y, 1, "cs")
    return (cnames(x["constructorId"]), [fold(C[x["constructorId"]]["name"]), "%g" % x["points"]], "%d constructors' champion: %s with %g points." % (y, C[x["constructorId"]]["name"], x["points"]), ["seasons/%d/constructor-standings.yml" % y])


def M_winner_team(y, gp):
    r = race(y, gp)
    x = at(r, 1)
    f = {z["driverId"] for z in rr(r)}
    return (names(x["driverId"], f), [short(x["driverId"], f), fold(C[x["constructorId"]]["name"])], "%s: won by %s for %s." % (gpname(r), dname(x["driverId"]), C[x["constructorId"]]["name"]), [r["dir"] + "/race-results.yml"])


# unavailable
def U_not_held(y, gp):
    if any(r["grandPrixId"] == gp for r in S[y]["races"]):
        raise Drop("was held")
    return ([], None, "There was no %s in %d: it is not on the %d calendar in f1db." % (DB["gp"][gp]["fullName"], y, y), ["seasons/%d/races/*/race.yml" % y])


def U_not_run(gp, what):
    r = race(2026, gp)
    if str(r["date"]) >= TODAY:
        raise Drop("future")
    for k in ("race-results", "qualifying-results", "starting-grid-positions", "fastest-laps", "sprint-race-results", "driver-of-the-day-results"):
        if r[k]:
            raise Drop("has results")
    return ([], None, "The %s (round %d, %s) has no %s in the data: the last race with results is the 2026 Hungarian GP (round 11)." % (gpname(r), r["round"], r["date"], what), [r["dir"] + "/race.yml"])


def U_never_started(d):
    rows = driver_races(d)
    if not rows or any(started(x) for _, x in rows):
        raise Drop("started")
    for r in all_races():
        for k in ("qualifying-results", "starting-grid-positions", "sprint-race-results", "fastest-laps"):
            if any(x["driverId"] == d for x in (r[k] or [])):
                raise Drop("has %s row" % k)
    c = Counter(str(x["position"]) for _, x in rows)
    return ([], None, "%s never started a Grand Prix: %d entries, all non-starts (%s)." % (dname(d), len(rows), ", ".join("%d x %s" % (v, k) for k, v in sorted(c.items()))), ["seasons/*/races/*/race-results.yml"])


def U_not_stored(key, what, r_y=None, r_gp=None):
    for r in all_races():
        for k in ("race-results", "qualifying-results", "fastest-laps", "pit-stops"):
            for x in (r[k] or [])[:3]:
                if key in x:
                    raise Drop("key stored")
    return ([], None, "f1db does not store %s; no result file has such a field. The reply should say it is not in the data." % what, ["seasons/*/races/*/race-results.yml"])


# ---------- the candidates ----------
# (group, category, question, fn, args)
CANDS = [
    # aggregate
    ("aggregate", "most_wins_gp", "Who has won the Canadian Grand Prix the most times?", T_most_wins_gp, ("canada",)),
    ("aggregate", "most_wins_gp", "Which driver has the most wins at the Argentine Grand Prix?", T_most_wins_gp, ("argentina",)),
    ("aggregate", "most_wins_gp", "Most wins ever at the Mexican Grand Prix - who holds that?", T_most_wins_gp, ("mexico",)),
    ("aggregate", "most_wins_gp", "Who is the most successful driver in the history of the Malaysian Grand Prix?", T_most_wins_gp, ("malaysia",)),
    ("aggregate", "most_poles_season", "Who took the most pole positions in the 1988 season?", T_most_poles_season, (1988,)),
    ("aggregate", "most_poles_season", "Which driver had the most poles in 2004?", T_most_poles_season, (2004,)),
    ("aggregate", "most_poles_season", "Most pole positions in 1967, who?", T_most_poles_season, (1967,)),
    ("aggregate", "most_wins_for_team", "Who has won the most races for Matra?", T_most_wins_for_team, ("matra",)),
    ("aggregate", "most_wins_for_team", "Which driver has the most Grand Prix victories with Mercedes?", T_most_wins_for_team, ("mercedes",)),
    ("aggregate", "most_wins_for_team", "Who won the most Grands Prix for Brabham?", T_most_wins_for_team, ("brabham",)),
    ("aggregate", "distinct_winners", "How many different drivers won a Grand Prix in 1982?", T_distinct_winners, (1982,)),
    ("aggregate", "distinct_winners", "How many different race winners were there in 2012?", T_distinct_winners, (2012,)),
    ("aggregate", "num_races", "How many Grands Prix were on the 1954 calendar?", T_num_races, (1954,)),
    ("aggregate", "most_fl_season", "Who set the most fastest laps in the 2005 season?", T_most_fl_season, (2005,)),
    ("aggregate", "most_fl_season", "Which driver had the most fastest laps in 1994?", T_most_fl_season, (1994,)),
    ("aggregate", "most_wins_circuit", "Who has the most wins at Interlagos?", T_most_wins_circuit, ("interlagos",)),
    ("aggregate", "most_wins_circuit", "Which driver has won the most races at Silverstone?", T_most_wins_circuit, ("silverstone",)),
    ("aggregate", "most_podiums_season", "Who stood on the podium the most times in 2016?", T_most_podiums_season, (2016,)),
    ("aggregate", "most_podiums_season", "Who had the most podium finishes in the 1958 season?", T_most_podiums_season, (1958,)),
    ("aggregate", "most_dnf_season", "Which driver retired from the most races in 2000?", T_most_dnf_season, (2000,)),
    ("aggregate", "career_count", "How many Grands Prix did Jacques Laffite start in his career?", T_career_count, ("jacques-laffite", "starts")),
    ("aggregate", "career_poles", "How many pole positions did Ronnie Peterson take in his career?", T_career_poles, ("ronnie-peterson",)),
    ("aggregate", "team_wins_season", "How many races did McLaren win in 1984?", T_team_wins_season, ("mclaren", 1984)),
    ("aggregate", "youngest_winner_season", "Who was the youngest race winner of the 2003 season?", T_youngest_winner_season, (2003,)),
    ("aggregate", "points_finishes_season", "Who scored points in the most races in 2011?", T_most_points_finishes_season, (2011,)),
    ("aggregate", "nat_most_wins", "Who is the most successful Belgian driver in terms of race wins?", T_nat_most_wins, ("belgium",)),
    ("aggregate", "nat_most_wins", "Which Swedish driver won the most Grands Prix?", T_nat_most_wins, ("sweden",)),
    ("aggregate", "career_count", "How many career podiums did Carlos Reutemann get?", T_career_count, ("carlos-reutemann", "podiums")),
    # colloquial
    ("colloquial", "nickname", "how many gps did the iceman actually win in total", T_career_count, ("kimi-raikkonen", "wins")),
    ("colloquial", "abbrev", "who won the wdc in 2006??", T_champion, (2006,)),
    ("colloquial", "abbrev", "wcc 1999 who won it", T_champion, (1999, "cs")),
    ("colloquial", "typo", "how many poles did ricardo patrese get in his carrer", T_career_poles, ("riccardo-patrese",)),
    ("colloquial", "typo", "who won the monaco gp in 2008 i forgot lol", T_winner, (2008, "monaco")),
    ("colloquial", "relative_time", "how many races has antonelli won this season", T_season_wins, (2026, "kimi-antonelli")),
    ("colloquial", "relative_time", "russell points this season?", T_points, (2026, "george-russell")),
    ("colloquial", "relative_time", "who was p2 in the last race", T_at_pos, (2026, "hungary", 2)),
    ("colloquial", "relative_time", "where did max finish in the last race", T_pos_of, (2026, "hungary", "max-verstappen")),
    ("colloquial", "relative_time", "how many points did piastri end up with last season", T_points, (2025, "oscar-piastri")),
    ("colloquial", "relative_time", "who finished p3 in the championship last year", T_standing_pos, (2025, 3)),
    ("colloquial", "relative_time", "how many gps did norris win last yr", T_season_wins, (2025, "lando-norris")),
    ("colloquial", "nickname", "how many career wins for the professor", T_career_count, ("alain-prost", "wins")),
    ("colloquial", "typo", "who got pole at silverstone in 92? mansel?", T_pole, (1992, "great-britain")),
    ("colloquial", "typo", "fastest lap at spa 2010 who", T_fl, (2010, "belgium")),
    ("colloquial", "nickname", "how many podiums did checo get in total", T_career_count, ("sergio-perez", "podiums")),
    ("colloquial", "abbrev", "p1 at suzuka 1991?", T_winner, (1991, "japan")),
    ("colloquial", "typo", "how many races did jenson buttons team brawn win in 09", T_team_wins_season, ("brawn", 2009)),
    ("colloquial", "relative_time", "how many sprints did antonelli win this year", T_sprint_wins, (2026, "kimi-antonelli")),
    ("colloquial", "typo", "how many grands prix did ayrton sena start", T_career_count, ("ayrton-senna", "starts")),
    ("colloquial", "slang", "who bagged the most poles back in 2001", T_most_poles_season, (2001,)),
    ("colloquial", "relative_time", "who's leading the drivers champ right now", T_standing_pos, (2026, 1)),
    ("colloquial", "slang", "gimme the wdc from 1978", T_champion, (1978,)),
    ("colloquial", "typo", "how many wins does alonzo have", T_career_count, ("fernando-alonso", "wins")),
    # relational
    ("relational", "teammate", "Who was Nigel Mansell's team-mate at Ferrari in 1990?", T_teammate, (1990, "nigel-mansell", "ferrari")),
    ("relational", "teammate", "Who partnered Jody Scheckter at Ferrari in 1979?", T_teammate, (1979, "jody-scheckter", "ferrari")),
    ("relational", "teammate", "Who was Jenson Button's team-mate at McLaren in 2011?", T_teammate, (2011, "jenson-button", "mclaren")),
    ("relational", "teammate", "Who was Nico Rosberg's team-mate at Williams in 2008?", T_teammate, (2008, "nico-rosberg", "williams")),
    ("relational", "teammate", "In 1996, who was Damon Hill's team-mate?", T_teammate, (1996, "damon-hill", "williams")),
    ("relational", "engine", "Which engine did McLaren use in 1993?", T_engine, (1993, "mclaren")),
    ("relational", "engine", "Who supplied Jordan's engines in 1998?", T_engine, (1998, "jordan")),
    ("relational", "engine", "What engine was in the back of the Brabham in 1966?", T_engine, (1966, "brabham")),
    ("relational", "engine", "Which manufacturer powered Toro Rosso in 2008?", T_engine, (2008, "toro-rosso")),
    ("relational", "second", "Who finished second in the 1986 Australian Grand Prix?", T_at_pos, (1986, "australia", 2)),
    ("relational", "second", "Who was runner-up to the winner at the 2012 Brazilian Grand Prix?", T_at_pos, (2012, "brazil", 2)),
    ("relational", "behind", "Who crossed the line right behind Olivier Panis at Monaco in 1996?", T_behind, (1996, "monaco", "olivier-panis")),
    ("relational", "ahead", "Who finished just ahead of Michael Schumacher at the 2012 European Grand Prix?", T_behind, (2012, "europe", "michael-schumacher", True)),
    ("relational", "behind", "Who came home right behind Jean Alesi when he won in Canada in 1995?", T_behind, (1995, "canada", "jean-alesi")),
    ("relational", "lineup", "Who drove for Brawn in 2009?", T_lineup, (2009, "brawn")),
    ("relational", "lineup", "Who were Caterham's two drivers in 2012?", T_lineup, (2012, "caterham")),
    ("relational", "podium", "Who was on the podium at the 1976 Japanese Grand Prix?", T_podium, (1976, "japan")),
    ("relational", "cs_runner_up", "Which team finished second in the 1972 constructors' championship?", T_cs_runner_up, (1972,)),
    ("relational", "cs_runner_up", "Who were runners-up in the 2010 constructors' standings?", T_cs_runner_up, (2010,)),
    ("relational", "third", "Who finished third at the 1961 Italian Grand Prix?", T_at_pos, (1961, "italy", 3)),
    ("relational", "teammate", "Who was Michael Schumacher's team-mate at Benetton in 1994? (the main one)", T_teammate, (1994, "michael-schumacher", "benetton")),
    ("relational", "teammate", "Who was David Coulthard's team-mate at McLaren in 2002?", T_teammate, (2002, "david-coulthard", "mclaren")),
    ("relational", "engine", "What engines did Arrows run in 1999?", T_engine, (1999, "arrows")),
    ("relational", "engine", "Which engine did Minardi use in 2003?", T_engine, (2003, "minardi")),
    # career_history
    ("career_history", "first_win", "Where and when did Jochen Mass get his only Grand Prix win?", T_first_last_win, ("jochen-mass",)),
    ("career_history", "first_win", "Where did Nigel Mansell win his first Grand Prix, and in what year?", T_first_last_win, ("nigel-mansell",)),
    ("career_history", "first_win", "When and where did Eddie Irvine take his first Grand Prix victory?", T_first_last_win, ("eddie-irvine",)),
    ("career_history", "last_win", "What was Jacques Villeneuve's last Grand Prix win?", T_first_last_win, ("jacques-villeneuve", True)),
    ("career_history", "last_win", "When did Rubens Barrichello win his final race?", T_first_last_win, ("rubens-barrichello", True)),
    ("career_history", "first_podium", "Where did Sebastian Vettel score his first podium?", T_first_podium, ("sebastian-vettel",)),
    ("career_history", "first_podium", "When did Oscar Piastri get his first podium in F1?", T_first_podium, ("oscar-piastri",)),
    ("career_history", "debut", "What was Max Verstappen's first Grand Prix?", T_debut, ("max-verstappen",)),
    ("career_history", "debut", "In which year did Jochen Rindt make his F1 race debut?", T_debut, ("jochen-rindt", "year")),
    ("career_history", "debut_team", "Which team did Ayrton Senna make his debut with?", T_debut, ("ayrton-senna", "team")),
    ("career_history", "num_seasons", "How many seasons did Jarno Trulli race in F1?", T_num_seasons, ("jarno-trulli",)),
    ("career_history", "teams", "Which teams did Mika Häkkinen drive for?", T_teams, ("mika-hakkinen",)),
    ("career_history", "team_first_win", "Who gave Red Bull their first ever Grand Prix win, and when?", T_team_first_last_win, ("red-bull",)),
    ("career_history", "team_last_win", "Who won Benetton's last Grand Prix, and when?", T_team_first_last_win, ("benetton", True)),
    ("career_history", "team_first_title", "When did Mercedes win their first constructors' championship?", T_last_season_first_title, ("mercedes",)),
    ("career_history", "team_first_win", "Who took Lotus's first Grand Prix win?", T_team_first_last_win, ("lotus",)),
    # comparative
    ("comparative", "career_wins", "Who won more Grands Prix, Nelson Piquet or Nigel Mansell, and by how many?", T_cmp_career, ("nelson-piquet", "nigel-mansell", "wins")),
    ("comparative", "career_wins", "Jackie Stewart vs Jim Clark: who has more career wins and what's the gap?", T_cmp_career, ("jackie-stewart", "jim-clark", "wins")),
    ("comparative", "career_podiums", "Who has more podiums, Valtteri Bottas or Nico Rosberg? By how many?", T_cmp_career, ("valtteri-bottas", "nico-rosberg", "podiums")),
    ("comparative", "career_starts", "Who started more races in his career, Jarno Trulli or Giancarlo Fisichella, and how many more?", T_cmp_career, ("jarno-trulli", "giancarlo-fisichella", "starts")),
    ("comparative", "career_poles", "Who took more poles, Mario Andretti or Niki Lauda, and by how many?", T_cmp_poles, ("mario-andretti", "niki-lauda")),
    ("comparative", "season_points", "Who scored more points in 1998, David Coulthard or Mika Häkkinen, and by how much?", T_cmp_points, (1998, "david-coulthard", "mika-hakkinen")),
    ("comparative", "season_points", "2018: Lewis Hamilton or Sebastian Vettel, who had more points and what was the margin?", T_cmp_points, (2018, "lewis-hamilton", "sebastian-vettel")),
    ("comparative", "season_points", "Who outscored whom in 2025, Charles Leclerc or Lewis Hamilton, and by how many points?", T_cmp_points, (2025, "charles-leclerc", "lewis-hamilton")),
    ("comparative", "season_points", "In 2005, who scored more: Fernando Alonso or Kimi Räikkönen? Margin?", T_cmp_points, (2005, "fernando-alonso", "kimi-raikkonen")),
    ("comparative", "race_higher", "Who finished higher at the 2026 Austrian Grand Prix, George Russell or Oscar Piastri?", T_cmp_race, (2026, "austria", "george-russell", "oscar-piastri")),
    ("comparative", "race_higher", "At Monza in 1988, who finished ahead: Gerhard Berger or Michele Alboreto?", T_cmp_race, (1988, "italy", "gerhard-berger", "michele-alboreto")),
    ("comparative", "quali_h2h", "What was the 2021 qualifying head-to-head between Max Verstappen and Sergio Pérez?", T_cmp_quali_h2h, (2021, "max-verstappen", "sergio-perez")),
    ("comparative", "team_wins", "Between 1990 and 1999, who won more races, Williams or McLaren, and by how many?", T_cmp_team_wins, ("williams", "mclaren", 1990, 1999)),
    ("comparative", "career_wins", "Emerson Fittipaldi or Jody Scheckter: who has more wins, and by how many?", T_cmp_career, ("emerson-fittipaldi", "jody-scheckter", "wins")),
    # multi_part
    ("multi_part", "champ_team", "Who won the 1975 drivers' title, and for which team?", M_champ_team, (1975,)),
    ("multi_part", "champ_team", "Who was the 2000 world champion and what team was he with?", M_champ_team, (2000,)),
    ("multi_part", "champ_wins", "Who won the 1992 championship and how many races did he win that year?", M_champ_wins, (1992,)),
    ("multi_part", "champ_wins", "Who was the 1953 world champion, and how many Grands Prix did he win that season?", M_champ_wins, (1953,)),
    ("multi_part", "champ_runner", "Who won the 1968 title and who was runner-up?", M_champ_runner, (1968,)),
    ("multi_part", "champ_runner", "Name the 2012 champion and the driver who finished second.", M_champ_runner, (2012,)),
    ("multi_part", "pole_winner", "Who was on pole and who won the 2000 Belgian Grand Prix?", M_pole_winner, (2000, "belgium")),
    ("multi_part", "pole_winner", "1993 European GP at Donington: who took pole and who won?", M_pole_winner, (1993, "europe")),
    ("multi_part", "wins_poles", "How many wins and how many poles did Sebastian Vettel have in 2011?", M_wins_poles, (2011, "sebastian-vettel")),
    ("multi_part", "wins_poles", "Ayrton Senna in 1989: number of wins and number of poles?", M_wins_poles, (1989, "ayrton-senna")),
    ("multi_part", "career_wins_podiums", "How many career wins and podiums did Clay Regazzoni have?", M_career_wins_podiums, ("clay-regazzoni",)),
    ("multi_part", "cs_champ_points", "Which team won the 1995 constructors' title and with how many points?", M_cs_champ_points, (1995,)),
    ("multi_part", "winner_team", "Who won the 1970 Austrian Grand Prix and for which team?", M_winner_team, (1970, "austria")),
    ("multi_part", "winner_team", "Who won the 2026 Canadian Grand Prix, and for what team?", M_winner_team, (2026, "canada")),
    # unavailable
    ("unavailable", "not_held", "Who won the 1985 Argentine Grand Prix?", U_not_held, (1985, "argentina")),
    ("unavailable", "not_held", "Who took pole at the 1971 Mexican Grand Prix?", U_not_held, (1971, "mexico")),
    ("unavailable", "not_held", "Who won the San Marino Grand Prix in 2008?", U_not_held, (2008, "san-marino")),
    ("unavailable", "not_held", "Who won the 1963 Argentine Grand Prix?", U_not_held, (1963, "argentina")),
    ("unavailable", "not_run", "Who won the 2026 Italian Grand Prix at Monza?", U_not_run, ("italy", "race result")),
    ("unavailable", "not_run", "who was on pole for the 2026 singapore gp", U_not_run, ("singapore", "qualifying or grid result")),
    ("unavailable", "not_run", "who got pole in abu dhabi this year", U_not_run, ("abu-dhabi", "qualifying or grid result")),
    ("unavailable", "no_data", "What tyre pressures was Lewis Hamilton running at Monza in 2020?", U_not_stored, ("tyrePressure", "tyre pressures")),
    ("unavailable", "no_data", "what was alonso's heart rate on the last lap at singapore 2012", U_not_stored, ("heartRate", "driver biometric data such as heart rate")),
    ("unavailable", "no_data", "What was Verstappen's throttle trace through Eau Rouge in 2021?", U_not_stored, ("throttle", "telemetry such as throttle traces")),
    ("unavailable", "no_data", "How many times did Norris open DRS during the 2024 Dutch GP?", U_not_stored, ("drsActivations", "DRS usage")),
    ("unavailable", "no_data", "What was the track temperature at the start of the 2019 Hungarian GP?", U_not_stored, ("trackTemperature", "track or weather temperatures")),
    ("unavailable", "no_data", "What was the peak lateral g-force on Leclerc's car at Suzuka 2024?", U_not_stored, ("gForce", "g-force telemetry")),
]


def never_started_cands():
    # pick drivers with only non-start rows, deterministic, a few
    out = []
    for d in sorted(D):
        rows = driver_races(d) if False else None
    return out


def selfcheck(rec):
    def norm(s):
        return fold(s)
    import re
    t = norm(rec["answer_note"])

    def m(s):
        s2 = norm(s)
        if re.fullmatch(r"\d+", s2):
            return re.search(r"(?<![\d.])%s(?![\d]|\.\d)" % re.escape(s2), t) is not None
        return s2 in t
    return any(m(a) for a in rec["accept"]) and all(m(a) for a in rec.get("accept_all") or [])


def main():
    verbose = "-v" in sys.argv
    # cutoff
    r26 = S[2026]["races"]
    withres = [r["round"] for r in r26 if r["race-results"] or r["sprint-race-results"]]
    assert withres == list(range(1, 12)), withres
    last = [r for r in r26 if r["round"] == 11][0]
    assert last["grandPrixId"] == "hungary" and str(last["date"]) == "2026-07-26"
    for r in r26:
        if r["round"] > 11:
            assert not r["race-results"] and not r["sprint-race-results"]
    # never-started candidates
    ns = []
    for d in ("jac-nellemann", "tony-trimmer", "kevin-cogan", "otto-stuppacher", "naoki-hattori"):
        ns.append(("unavailable", "never_started", None, U_never_started, (d,)))
    cands = list(CANDS)
    recs, dropped, spare = [], [], []
    counts = Counter()
    seenq = set()
    ns_q = {"gary-brabham": "How many points did Gary Brabham score in his F1 career? I think he raced for Life in 1990",
            "perry-mccarthy": "what was perry mccarthy's best race finish in f1",
            "claudio-langes": "Best finish for Claudio Langes?",
            "giovanna-amati": "what was giovanna amati's best finish in a grand prix for brabham",
            "vincenzo-sospiri": "How many laps did Vincenzo Sospiri complete in his only Grand Prix start?",
            "jac-nellemann": "What was Jac Nellemann's best Grand Prix finish?",
            "tony-trimmer": "how many points did tony trimmer score in f1",
            "kevin-cogan": "Where did Kevin Cogan finish in his best F1 race?",
            "otto-stuppacher": "What was Otto Stuppacher's best result in a Grand Prix?",
            "naoki-hattori": "what was naoki hattori's best finish in f1",
            "bertrand-fabi": "What was Bertrand Fabi's best Grand Prix result?",
            "jean-louis-schlesser": "what was jean-louis schlesser's best f1 result",
            "kazuyoshi-hoshino": "What was Kazuyoshi Hoshino's best F1 race finish?"}
    for g, cat, q, fn, args in cands[:]:
        pass
    ns_ok = []
    for g, cat, q, fn, args in ns:
        try:
            res = fn(*args)
            ns_ok.append((g, cat, ns_q[args[0]], fn, args, res))
        except Drop as e:
            dropped.append(("never started " + args[0], str(e)))
    # put one or two never-started items before 'no_data' items so they are used
    results = []
    for g, cat, q, fn, args in cands:
        try:
            res = fn(*args)
            results.append((g, cat, q, fn, args, res))
        except Drop as e:
            dropped.append((q, str(e)))
    # order: insert never-started before no_data
    idx = next(i for i, x in enumerate(results) if x[1] == "no_data")
    results = results[:idx] + ns_ok[:2] + results[idx:]
    for g, cat, q, fn, args, res in results:
        if counts[g] >= TARGET[g]:
            spare.append(q)
            continue
        acc, aall, note, src = res
        assert q not in seenq, q
        seenq.add(q)
        rec = {"id": None, "category": cat, "group": g, "question": q,
               "accept": [] if g == "unavailable" else acc}
        if aall and g != "unavailable":
            rec["accept_all"] = aall
        rec["expect_unavailable"] = g == "unavailable"
        rec["answer_note"] = note
        rec["source"] = src
        if g != "unavailable":
            assert rec["accept"], q
            assert selfcheck(rec), (q, rec)
        else:
            assert rec["accept"] == [] and "accept_all" not in rec
        for s in src:
            assert glob.glob(os.path.join(DATA, s)), s
        counts[g] += 1
        recs.append(rec)
    for q, why in dropped:
        print("  dropped:", q, "::", why, file=sys.stderr)
    print("counts", dict(counts), file=sys.stderr)
    for g, n in TARGET.items():
        assert counts[g] == n, (g, counts[g], n)
    random.Random(SEED).shuffle(recs)
    for i, r in enumerate(recs, 1):
        r["id"] = "fbq-%03d" % i
    with open(OUT, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("wrote %d records to %s" % (len(recs), OUT))
    print("groups:", dict(sorted(counts.items())))
    print("accept_all:", sum(1 for r in recs if "accept_all" in r), "unavailable:", sum(r["expect_unavailable"] for r in recs))
    print("self-check: %d of %d answerable pass" % (sum(1 for r in recs if not r["expect_unavailable"]), sum(1 for r in recs if not r["expect_unavailable"])))
    print("dropped:")
    for q, why in dropped:
        print("  -", q, "::", why)
    print("spares:", len(spare))
    for q in spare:
        print("  -", q)
    if verbose:
        for r in recs:
            print(json.dumps(r, ensure_ascii=False))


if __name__ == "__main__":
    main()
