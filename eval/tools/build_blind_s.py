#!/usr/bin/env python3
"""Build the held-out fan-style F1 QA set eval/fan-qa-blind-s.jsonl from the f1db YAML source.

Every answer is computed from the data; only the questions (and their parameters) are written here.
Run from the repository root:  python3 eval/tools/build_blind_s.py
Data: $F1DB_DATA or /work/shared/data/f1db/src/data.  Seed: 20261212.
"""
import glob
import json
import os
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from datetime import date

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("PyYAML is required (pip install pyyaml)")

SEED = 20261212
DATA = os.environ.get("F1DB_DATA", "/work/shared/data/f1db/src/data")
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "fan-qa-blind-s.jsonl")
TODAY = date(2026, 12, 4)
THIS_YEAR, LAST_YEAR = TODAY.year, TODAY.year - 1

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=_Loader)


def entities(sub):
    return {os.path.basename(p)[:-4]: load(p) for p in glob.glob(f"{DATA}/{sub}/*.yml")}


drivers = entities("drivers")
constructors = entities("constructors")
circuits = entities("circuits")
grands_prix = entities("grands-prix")
countries = entities("countries")
engine_makers = entities("engine-manufacturers")

races = []
for _rd in glob.glob(f"{DATA}/seasons/*/races/*"):
    _r = load(_rd + "/race.yml")
    _r["dir"] = os.path.relpath(_rd, DATA)
    _r["year"] = int(_rd.split(os.sep)[-3])
    _r["files"] = {os.path.basename(x)[:-4] for x in glob.glob(_rd + "/*.yml")}
    races.append(_r)
races.sort(key=lambda r: (r["year"], r["round"]))
_cache = {}


def get(r, name):
    k = (r["dir"], name)
    if k not in _cache:
        p = f"{DATA}/{r['dir']}/{name}.yml"
        _cache[k] = (load(p) or []) if os.path.exists(p) else []
    return _cache[k]


done = [r for r in races if "race-results" in r["files"]]
LAST = done[-1]
_season_cache = {}


def season(y, name):
    if (y, name) not in _season_cache:
        _season_cache[(y, name)] = load(f"{DATA}/seasons/{y}/{name}.yml") or []
    return _season_cache[(y, name)]


NONSTART = {"DNQ", "DNPQ", "EX", "DNS", "DNP"}
CUTOFF = (f"data cutoff: {LAST['year']} {grands_prix[LAST['grandPrixId']]['fullName']}, round {LAST['round']}, "
          f"{LAST['date']}")


# ---------------------------------------------------------------- basic queries
def res(r):
    return get(r, "race-results")


def starters(r):
    return [x for x in res(r) if x["position"] not in NONSTART]


def at(r, p, f="race-results"):
    return [x for x in get(r, f) if x["position"] == p]


def winners(r):
    return [x["driverId"] for x in at(r, 1)]


def poles(r):
    return [x["driverId"] for x in at(r, 1, "qualifying-results")]


def grid_at(r, p):
    return [x["driverId"] for x in at(r, p, "starting-grid-positions")]


def find(y, gp):
    c = [r for r in races if r["year"] == y and r["grandPrixId"] == gp]
    assert len(c) == 1, (y, gp)
    return c[0]


def year_races(y):
    return [r for r in done if r["year"] == y]


def gpname(r):
    return grands_prix[r["grandPrixId"]]["fullName"]


def label(r):
    return f"{r['year']} {gpname(r)} ({r['date']})"


def src(r, f="race-results"):
    return f"{r['dir']}/{f}.yml"


def d_(v):
    return v if isinstance(v, date) else date.fromisoformat(str(v))


def age_on(did, day):
    b, day = d_(drivers[did]["dateOfBirth"]), d_(day)
    return day.year - b.year - ((day.month, day.day) < (b.month, b.day))


def fmt(v):
    if v is None:
        return "0"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def uniq(xs):
    out = []
    for x in xs:
        if x and x not in out:
            out.append(x)
    return out


def standings(y):
    return season(y, "driver-standings")


def cstandings(y):
    return season(y, "constructor-standings")


def champion(y):
    return [x["driverId"] for x in standings(y) if x["position"] == 1][0]


def cchampion(y):
    return [x["constructorId"] for x in cstandings(y) if x["position"] == 1][0]


def dpoints(y, did):
    return [x["points"] for x in standings(y) if x["driverId"] == did][0]


def dposition(y, did):
    return [x["position"] for x in standings(y) if x["driverId"] == did][0]


def cpoints(y, cid):
    return [x["points"] for x in cstandings(y) if x["constructorId"] == cid][0]


def wins_of(did, pred=lambda r: True):
    return [r for r in done if pred(r) and did in winners(r)]


def poles_of(did, pred=lambda r: True):
    return [r for r in done if pred(r) and did in poles(r)]


def podiums_of(did, pred=lambda r: True):
    return [r for r in done if pred(r) and any(x["driverId"] == did and x["position"] in (1, 2, 3) for x in res(r))]


def starts_of(did):
    return [r for r in done if any(x["driverId"] == did for x in starters(r))]


def season_titles(did):
    return [y for y in range(1950, THIS_YEAR) if champion(y) == did]


def counter_over(rs, fn):
    c = Counter()
    for r in rs:
        for k in set(fn(r)):
            c[k] += 1
    return c


def top_unique(c):
    (k1, v1), (k2, v2) = c.most_common(2)
    assert v1 > v2, ("tie at the top", c.most_common(3))
    return k1, v1, c.most_common(5)


def listing(c, namefn, n=4):
    return ", ".join(f"{namefn(k)} {fmt(v)}" for k, v in c.most_common(n))


def ordinal(n):
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def same_on_grid(rs, qual_fn):
    """Check that a pole-based answer is the same whether pole = qualifying P1 or starting-grid P1."""
    grid_fn = lambda r: [d for d in grid_at(r, 1)]
    assert all(set(qual_fn(r)) == set(grid_fn(r)) for r in rs), [r["dir"] for r in rs if set(qual_fn(r)) != set(grid_fn(r))]


ALL_WINNERS = {d for r in done for d in winners(r)}


def season_field(y):
    return {x["driverId"] for r in year_races(y) for x in res(r)}


def race_field(r):
    return {x["driverId"] for x in res(r)}


# ---------------------------------------------------------------- accept strings
ALIASES = {
    "sergio-perez": ["Checo Pérez", "Checo Perez", "Checo"],
    "michael-schumacher": ["M. Schumacher", "Schumi"],
    "ralf-schumacher": ["R. Schumacher"],
    "nino-farina": ["Giuseppe Farina", "Dr. Giuseppe Farina"],
    "kimi-antonelli": ["Andrea Kimi Antonelli"],
    "damon-hill": ["D. Hill"],
    "phil-hill": ["P. Hill"],
    "graham-hill": ["G. Hill"],
    "nico-rosberg": ["N. Rosberg"],
    "keke-rosberg": ["Keke"],
    "jacques-villeneuve": ["JV"],
}


def surname(did):
    ln = drivers[did]["lastName"]
    for suf in (" Jr.", " Jr", " Sr."):
        if ln.endswith(suf):
            ln = ln[: -len(suf)]
    return ln


def surname_unique(did, scope):
    s = fold(surname(did)).lower()
    return not any(fold(surname(o)).lower() == s for o in set(scope) | {did} if o != did)


def dacc(did, scope=None):
    """Accept strings for a driver; scope = driver ids the surname must be unique in (default: all winners)."""
    scope = ALL_WINNERS if scope is None else scope
    d = drivers[did]
    name = d["name"]
    base = [name, fold(name)]
    plain = f"{d['firstName']} {surname(did)}"
    base += [plain, fold(plain)]
    base += ALIASES.get(did, [])
    if surname_unique(did, scope):
        base += [surname(did), fold(surname(did))]
    return uniq(base)


def dkey(did, scope=None):
    """Short folded form for accept_all."""
    scope = ALL_WINNERS if scope is None else scope
    return fold(surname(did)) if surname_unique(did, scope) else fold(f"{drivers[did]['firstName']} {surname(did)}")


def cacc(cid):
    c = constructors[cid]
    return uniq([c["name"], fold(c["name"]), c["fullName"], fold(c["fullName"])])


def cname(cid):
    return constructors[cid]["name"]


def dname(did):
    return drivers[did]["name"]


def gpacc(r, circuit=True):
    g = grands_prix[r["grandPrixId"]]
    out = [g["fullName"], g["shortName"]]
    if g["name"] != g["fullName"]:
        out.append(g["name"])
    if circuit:
        c = circuits[r["circuitId"]]
        out += [c["name"], c["placeName"]]
    return uniq(out + [fold(x) for x in out])


# ---------------------------------------------------------------- record building
RECORDS = []


def add(group, category, question, accept, note, source, accept_all=None, unavailable=False):
    rec = {"id": None, "category": category, "group": group, "question": question,
           "accept": [] if unavailable else uniq(accept)}
    if accept_all:
        rec["accept_all"] = uniq(accept_all)
    rec["expect_unavailable"] = bool(unavailable)
    rec["answer_note"] = re.sub(r"(?<!\.)\.\.(?!\.)", ".", note)
    rec["source"] = source if isinstance(source, list) else [source]
    RECORDS.append(rec)


rng = random.Random(SEED)
ALLRES = "seasons/*/races/*/race-results.yml"
ALLQ = "seasons/*/races/*/qualifying-results.yml"

# ==================================================================== AGGREGATE (25)


def most_wins_at_gp(gp, question, extra_note=""):
    rs = [r for r in done if r["grandPrixId"] == gp]
    c = counter_over(rs, winners)
    k, v, _ = top_unique(c)
    add("aggregate", "most_wins_at_gp", question, dacc(k),
        f"{dname(k)} has won the {grands_prix[gp]['fullName']} {v} times ({len(rs)} editions in f1db); "
        f"table: {listing(c, dname)}.{extra_note} ({CUTOFF}).",
        f"seasons/*/races/*-{gp}/race-results.yml")


most_wins_at_gp("great-britain", "whos got the most british gp wins, all time?")
most_wins_at_gp("brazil", "brazilian grand prix — who has won it the most? any venue counts",
                " Counts every Brazilian GP in f1db, at Interlagos and Jacarepaguá; the São Paulo GP (2021 on) is a "
                "separate grand prix in f1db and does not change the leader")


def most_poles_at(pred, place, question, srcglob):
    rs = [r for r in done if pred(r)]
    c = counter_over(rs, poles)
    k, v, _ = top_unique(c)
    gc = counter_over(rs, lambda r: grid_at(r, 1))
    assert gc.most_common(1) == c.most_common(1) and gc.most_common(2)[1][1] < v
    add("aggregate", "most_poles_at_venue", question, dacc(k),
        f"{dname(k)}: {v} poles at {place} (qualifying P1, {len(rs)} races); table: {listing(c, dname)} ({CUTOFF}).",
        srcglob)


most_poles_at(lambda r: r["grandPrixId"] == "monaco", "the Monaco Grand Prix",
              "Monaco pole record. Who owns it?", "seasons/*/races/*-monaco/qualifying-results.yml")
most_poles_at(lambda r: r["circuitId"] == "suzuka", "Suzuka",
              "suzuka is a qualifying track... which driver has taken the most poles there?", ALLQ)


def distinct_winners(y, question, category="distinct_winners_season", group="aggregate"):
    rs = year_races(y)
    w = counter_over(rs, winners)
    add(group, category, question, [str(len(w))],
        f"{y}: {len(w)} different Grand Prix winners in {len(rs)} races with results: {listing(w, dname, 20)}."
        + (f" Only rounds 1-{LAST['round']} of {y} have results ({CUTOFF})." if y == THIS_YEAR else ""),
        f"seasons/{y}/races/*/race-results.yml")


distinct_winners(2012, "2012 was mad wasnt it, how many different guys won a race that year")


def youngest_winner():
    best = []
    for r in done:
        for d in winners(r):
            best.append(((d_(r["date"]) - d_(drivers[d]["dateOfBirth"])).days, d, r))
    best.sort(key=lambda t: t[0])
    days, d, r = best[0]
    nxt = next(t for t in best if t[1] != d)
    add("aggregate", "youngest_winner", "who is the youngest driver ever to win a formula 1 race?", dacc(d),
        f"{dname(d)} won the {label(r)} aged {age_on(d, r['date'])} ({days} days old). Next youngest distinct winner: "
        f"{dname(nxt[1])} at the {label(nxt[2])}, aged {age_on(nxt[1], nxt[2]['date'])}. Ages from dateOfBirth.",
        [src(r), f"drivers/{d}.yml", ALLRES])


youngest_winner()


def record_wins_season():
    c = Counter()
    for r in done:
        for d in set(winners(r)):
            c[(r["year"], d)] += 1
    (k, v), (k2, v2) = c.most_common(2)
    assert v > v2
    add("aggregate", "record_wins_season", "whats the most grands prix anyone has won in one single season?", [str(v)],
        f"{v} wins, by {dname(k[1])} in {k[0]}; next best: {dname(k2[1])} {v2} in {k2[0]}. Grand Prix wins only "
        f"(sprints excluded).", ALLRES)


record_wins_season()


def races_1950():
    rs = year_races(1950)
    names = ", ".join(gpname(r) for r in rs)
    indy = [r for r in rs if r["grandPrixId"] == "indianapolis"]
    assert indy
    add("aggregate", "races_in_season", "how many races were there in the very first world championship, 1950?",
        [str(len(rs))],
        f"{len(rs)} championship rounds in 1950: {names}. The Indianapolis 500 was a round of the championship in "
        f"f1db (so {len(rs) - 1} European Grands Prix plus Indy).", "seasons/1950/races/*/race.yml")


races_1950()


def races_at_circuit(cid, question):
    rs = [r for r in done if r["circuitId"] == cid]
    add("aggregate", "races_at_circuit", question, [str(len(rs))],
        f"{circuits[cid]['fullName']} has held {len(rs)} World Championship races with results, "
        f"{rs[0]['year']}-{rs[-1]['year']} ({CUTOFF}); the {THIS_YEAR} race there, if scheduled after the cutoff, is "
        f"not counted.", "seasons/*/races/*/race.yml")




def country_most_races():
    c = Counter(circuits[r["circuitId"]]["countryId"] for r in done)
    k, v, _ = top_unique(c)
    add("aggregate", "country_most_races", "Which country has hosted the most F1 world championship races?",
        [countries[k]["name"]],
        f"{countries[k]['name']}: {v} championship races with results (by the circuit's country); top: "
        f"{listing(c, lambda x: countries[x]['name'])} ({CUTOFF}).", ["seasons/*/races/*/race.yml", "circuits/*.yml"])


country_most_races()


def engine_most_wins():
    c = counter_over(done, lambda r: [x["engineManufacturerId"] for x in at(r, 1)])
    k, v, _ = top_unique(c)
    cw = counter_over(done, lambda r: [x["constructorId"] for x in at(r, 1)])
    add("aggregate", "engine_most_wins", "which engine manufacturer has powered the most race winners in f1 history?",
        uniq([engine_makers[k]["name"]]),
        f"{engine_makers[k]['name']} engines: {v} Grand Prix wins (races won by a car with that engine; "
        f"engineManufacturerId of the winner); table: {listing(c, lambda x: engine_makers[x]['name'])}. "
        f"(As a constructor, {cname(k) if k in constructors else k} has {cw.get(k, 0)}.) {CUTOFF}.", ALLRES)


engine_most_wins()


def longest_streak():
    best, cur, n = [], None, 0
    start = None
    for i, r in enumerate(done):
        w = winners(r)
        if len(w) == 1 and w[0] == cur:
            n += 1
        else:
            if cur:
                best.append((n, cur, start, done[i - 1]))
            cur, n, start = (w[0] if len(w) == 1 else None), 1, r
    best.append((n, cur, start, done[-1]))
    best.sort(key=lambda t: -t[0])
    n, d, a, b = best[0]
    assert n > best[1][0]
    add("aggregate", "longest_win_streak", "longest winning streak in f1 — who did it?", dacc(d),
        f"{dname(d)}: {n} consecutive Grand Prix wins, from the {label(a)} to the {label(b)}. Next: "
        f"{dname(best[1][1])} {best[1][0]}. Championship races in date order, sprints ignored.", ALLRES)


longest_streak()


def lowest_grid_win():
    g = sorted(((x["gridPosition"], x["driverId"], r) for r in done for x in at(r, 1) if x["gridPosition"]),
               key=lambda t: -t[0])
    assert g[0][0] > g[1][0]
    gp, d, r = g[0]
    add("aggregate", "lowest_grid_win", "whats the furthest back on the grid someone has started from and still won?",
        [str(gp)],
        f"Grid position {gp}: {dname(d)} won the {label(r)} from {ordinal(gp)} on the grid. Next: {dname(g[1][1])} from "
        f"{g[1][0]} ({label(g[1][2])}), {dname(g[2][1])} from {g[2][0]} ({label(g[2][2])}). race-results "
        f"gridPosition; a few 1950s winners have no grid position recorded.", ALLRES)


lowest_grid_win()


def constructors_winning(y, question):
    rs = year_races(y)
    c = counter_over(rs, lambda r: [x["constructorId"] for x in at(r, 1)])
    add("aggregate", "distinct_winning_teams_season", question, [str(len(c))],
        f"{y}: {len(c)} constructors won at least one Grand Prix: {listing(c, cname, 20)} ({len(rs)} races).",
        f"seasons/{y}/races/*/race-results.yml")


constructors_winning(1982, "in 1982 how many different teams won a grand prix?")


def most_points_no_win():
    cp = Counter()
    for y in range(1950, THIS_YEAR + 1):
        for x in standings(y):
            cp[x["driverId"]] += x["points"] or 0
    cand = Counter({d: p for d, p in cp.items() if d not in ALL_WINNERS})
    k, v, _ = top_unique(cand)
    pods = podiums_of(k)
    add("aggregate", "most_points_without_win", "who has scored the most career points without ever winning a gp?",
        dacc(k, set(drivers)),
        f"{dname(k)}: {fmt(v)} career points (sum of season driver-standings points, sprints included, as of the "
        f"cutoff) and no Grand Prix win ({len(pods)} podium(s)); top non-winners: {listing(cand, dname)} ({CUTOFF}).",
        ["seasons/*/driver-standings.yml", ALLRES])


most_points_no_win()


def team_poles_decade():
    rs = [r for r in done if 1990 <= r["year"] <= 1999]
    c = counter_over(rs, lambda r: [x["constructorId"] for x in at(r, 1, "qualifying-results")])
    k, v, _ = top_unique(c)
    gc = counter_over(rs, lambda r: [x["constructorId"] for x in at(r, 1, "starting-grid-positions")])
    assert gc.most_common(1) == c.most_common(1)
    add("aggregate", "team_most_poles_decade", "which team took the most pole positions in the 90s?", cacc(k),
        f"1990-1999: {cname(k)} {v} poles (qualifying P1) out of {len(rs)} races; top: {listing(c, cname)}.",
        "seasons/199*/races/*/qualifying-results.yml")


team_poles_decade()


def dotd(y, question, group="aggregate"):
    rs = year_races(y)
    c = counter_over(rs, lambda r: [x["driverId"] for x in at(r, 1, "driver-of-the-day-results")])
    k, v, _ = top_unique(c)
    add(group, "most_driver_of_the_day", question, dacc(k, season_field(y)),
        f"{y}: {dname(k)} was Driver of the Day {v} times (driver-of-the-day P1); top: {listing(c, dname)}.",
        f"seasons/{y}/races/*/driver-of-the-day-results.yml")


dotd(LAST_YEAR, "who got driver of the day the most times last season")


def grand_slams():
    c = counter_over(done, lambda r: [x["driverId"] for x in res(r) if x.get("grandSlam")])
    k, v, _ = top_unique(c)
    add("aggregate", "most_grand_slams", "most grand slams (pole, win, fastest lap, led every lap) — who holds that?",
        dacc(k), f"{dname(k)} with {v} grand slams (f1db grandSlam flag on race results); top: {listing(c, dname)} "
        f"({CUTOFF}).", ALLRES)


grand_slams()


def most_starts():
    c = counter_over(done, lambda r: [x["driverId"] for x in starters(r)])
    k, v, _ = top_unique(c)
    add("aggregate", "most_starts", "who has done the most races in f1 history", dacc(k),
        f"{dname(k)}: {v} starts (race-results rows excluding DNQ/DNPQ/EX/DNS/DNP non-starts); top: "
        f"{listing(c, dname)} ({CUTOFF}).", ALLRES)


most_starts()


def team_wins_season(cid, y, question):
    rs = year_races(y)
    w = [r for r in rs if any(x["constructorId"] == cid for x in at(r, 1))]
    who = Counter(d for r in w for d in winners(r) if any(x["driverId"] == d and x["constructorId"] == cid for x in at(r, 1)))
    add("aggregate", "team_wins_season", question, [str(len(w))],
        f"{cname(cid)} won {len(w)} of the {len(rs)} races in {y} ({listing(who, dname)}).",
        f"seasons/{y}/races/*/race-results.yml")


team_wins_season("ferrari", 2004, "ferrari in 2004 were unreal. how many races did they actually win that year?")


def most_wins_nationality(cc, question):
    c = counter_over(done, lambda r: [d for d in winners(r) if drivers[d]["nationalityCountryId"] == cc])
    k, v, _ = top_unique(c)
    add("aggregate", "most_wins_nationality", question, dacc(k),
        f"{dname(k)} has the most wins among {countries[cc]['demonym']} drivers: {v}; top: {listing(c, dname)} "
        f"(nationalityCountryId; {CUTOFF}).", [ALLRES, "drivers/*.yml"])


most_wins_nationality("finland", "which finnish driver has won the most grands prix?")


def distinct_team_winners(cid, question):
    ws = defaultdict(list)
    for r in done:
        for x in at(r, 1):
            if x["constructorId"] == cid:
                ws[x["driverId"]].append(len(at(r, 1)) > 1)
    solo = [d for d, v in ws.items() if not all(v)]
    add("aggregate", "distinct_winners_for_team", question, [str(len(ws)), str(len(solo))],
        f"{len(ws)} different drivers have won a Grand Prix for {cname(cid)} ({CUTOFF}); "
        f"{len(solo)} if shared-car wins are left out (either count is accepted; shared-only winner(s): "
        f"{', '.join(dname(d) for d in ws if d not in solo) or 'none'}). Most recent: "
        f"{dname(winners([r for r in done if any(x['constructorId'] == cid for x in at(r, 1))][-1])[0])}.", ALLRES)


distinct_team_winners("ferrari", "how many different drivers have won a race for ferrari?")


def team_best_season():
    c = Counter()
    for r in done:
        for cid in {x["constructorId"] for x in at(r, 1)}:
            c[(r["year"], cid)] += 1
    (k, v), (k2, v2) = c.most_common(2)
    assert v > v2
    n = len(year_races(k[0]))
    add("aggregate", "team_record_wins_season", "most wins by one team in a single season — which team and what year?",
        cacc(k[1]), f"{cname(k[1])} won {v} of {n} races in {k[0]}; next: {cname(k2[1])} {v2} in {k2[0]}.",
        ALLRES, accept_all=[str(k[0])])


team_best_season()


def sprint_wins():
    rs = [r for r in done if "sprint-race-results" in r["files"]]
    c = counter_over(rs, lambda r: [x["driverId"] for x in at(r, 1, "sprint-race-results")])
    k, v, _ = top_unique(c)
    add("aggregate", "most_sprint_wins", "who's won the most sprint races since they brought them in?",
        dacc(k, {x["driverId"] for r in rs for x in get(r, "sprint-race-results")}),
        f"{dname(k)}: {v} sprint wins out of {len(rs)} sprints ({rs[0]['year']}-{rs[-1]['year']}); top: "
        f"{listing(c, dname)} ({CUTOFF}).", "seasons/*/races/*/sprint-race-results.yml")


sprint_wins()


def fastest_laps():
    c = counter_over(done, lambda r: [x["driverId"] for x in at(r, 1, "fastest-laps")])
    k, v, _ = top_unique(c)
    add("aggregate", "most_fastest_laps", "fastest laps all time — whose got the most?", dacc(k),
        f"{dname(k)}: {v} race fastest laps (fastest-laps P1); top: {listing(c, dname)} ({CUTOFF}).",
        "seasons/*/races/*/fastest-laps.yml")


fastest_laps()


def hosted_last_title_decider_none():
    pass


def most_podiums_decade():
    rs = [r for r in done if 1970 <= r["year"] <= 1979]
    c = counter_over(rs, lambda r: [x["driverId"] for x in res(r) if x["position"] in (1, 2, 3)])
    k, v, _ = top_unique(c)
    add("aggregate", "most_podiums_decade", "who had the most podiums in the 1970s?", dacc(k),
        f"1970-1979: {dname(k)} {v} Grand Prix podiums; top: {listing(c, dname)}.", "seasons/197*/races/*/race-results.yml")


most_podiums_decade()

# ==================================================================== COLLOQUIAL (22)


def winner_q(y, gp, question, category, group="colloquial", note_extra=""):
    r = find(y, gp)
    w = winners(r)
    assert len(w) == 1
    p = [x["driverId"] for x in res(r) if x["position"] in (2, 3)]
    add(group, category, question, dacc(w[0], race_field(r)),
        f"{note_extra}{dname(w[0])} won the {label(r)} for {cname(at(r, 1)[0]['constructorId'])}; P2 {dname(p[0])}, "
        f"P3 {dname(p[1])}.", src(r))


winner_q(LAST_YEAR, "azerbaijan", "who won in baku last yr", "relative_time", note_extra=f"Last year = {LAST_YEAR}. ")


def season_poles(did, y, question, category):
    n = len(poles_of(did, lambda r: r["year"] == y))
    add("colloquial", category, question, [str(n)],
        f"{dname(did)} took {n} poles (qualifying P1) in {y}, his "
        f"{'rookie' if starts_of(did)[0]['year'] == y else ''} season with "
        f"{cname(next(x['constructorId'] for r in year_races(y) for x in res(r) if x['driverId'] == did))}.",
        f"seasons/{y}/races/*/qualifying-results.yml")


def rookie_wins(did, question, category):
    y = starts_of(did)[0]["year"]
    ws = wins_of(did, lambda r: r["year"] == y)
    add("colloquial", category, question, [str(len(ws))],
        f"{dname(did)}'s rookie season was {y} (first start: {label(starts_of(did)[0])}); he won {len(ws)} Grands Prix "
        f"that year: {', '.join(gpname(r) for r in ws)}.", f"seasons/{y}/races/*/race-results.yml")


rookie_wins("lewis-hamilton", "how many races did hamliton win in his rookie year", "typo")


def season_points(did, y, question, category, group="colloquial", pre=""):
    pts, pos = dpoints(y, did), dposition(y, did)
    add(group, category, question, [fmt(pts)],
        f"{pre}{dname(did)} finished {y} with {fmt(pts)} points, P{pos} in the drivers' championship.",
        f"seasons/{y}/driver-standings.yml")


season_points("daniel-ricciardo", 2014, "what did the honey badger score in 2014", "nickname",
              pre="'Honey badger' = Daniel Ricciardo. ")


def title_team(did, question, category):
    ts = season_titles(did)
    assert len(ts) == 1
    y = ts[0]
    teams = {x["constructorId"] for r in year_races(y) for x in res(r) if x["driverId"] == did}
    assert len(teams) == 1
    t = teams.pop()
    add("colloquial", category, question, cacc(t),
        f"{dname(did)} ('the Iceman') won his only title in {y} driving for {cname(t)} "
        f"({fmt(dpoints(y, did))} points).", [f"seasons/{y}/driver-standings.yml", f"seasons/{y}/races/*/race-results.yml"])


title_team("kimi-raikkonen", "which team was the iceman driving for when he won his title", "nickname")


def last_win(did, question, category, group="colloquial", pre=""):
    r = wins_of(did)[-1]
    add(group, category, question, gpacc(r), f"{pre}{dname(did)}'s last Grand Prix win: the {label(r)} "
        f"({cname(at(r, 1)[0]['constructorId'])}), his win no. {len(wins_of(did))} ({CUTOFF}).", src(r),
        accept_all=[str(r["year"])])


last_win("michael-schumacher", "schumi's last ever win, which race was it?", "nickname")


def last_race_winner():
    r = LAST
    w = winners(r)[0]
    add("colloquial", "relative_time", "who won the most recent gp?", dacc(w, race_field(r)),
        f"Most recent race with results: the {label(r)}, round {r['round']} of {r['year']}; won by {dname(w)} "
        f"({cname(at(r, 1)[0]['constructorId'])}). Later {r['year']} rounds have no results in the data.", src(r))


last_race_winner()

winner_q(THIS_YEAR, year_races(THIS_YEAR)[0]["grandPrixId"], "who won the season opener this year?",
         "relative_time", note_extra=f"This year = {THIS_YEAR}; round 1. ")


def gp_win_year(did, gp, question, category):
    ws = wins_of(did, lambda r: r["grandPrixId"] == gp)
    assert len(ws) == 1
    r = ws[0]
    add("colloquial", category, question, [str(r["year"])],
        f"{dname(did)} won the {grands_prix[gp]['fullName']} once, in {r['year']} ({label(r)}, "
        f"{cname(at(r, 1)[0]['constructorId'])}).", f"seasons/*/races/*-{gp}/race-results.yml")


gp_win_year("sergio-perez", "monaco", "what year did checo win monaco", "nickname")


def season_wins(did, y, question, category, group="colloquial", pre=""):
    n = len(wins_of(did, lambda r: r["year"] == y))
    add(group, category, question, [str(n)],
        f"{pre}{dname(did)} won {n} of the {len(year_races(y))} Grands Prix in {y} (P{dposition(y, did)} in the "
        f"championship, {fmt(dpoints(y, did))} points).", f"seasons/{y}/races/*/race-results.yml")


season_wins("max-verstappen", 2021, "how many wins did mad max get in 2021", "nickname")
winner_q(THIS_YEAR - 10, "belgium", "who won spa a decade ago?", "relative_time",
         note_extra=f"A decade ago = {THIS_YEAR - 10}. ")


def team_poles_season(cid, y, question):
    rs = year_races(y)
    same_on_grid(rs, poles)
    n = [r for r in rs if any(x["constructorId"] == cid for x in at(r, 1, "qualifying-results"))]
    who = counter_over(rs, lambda r: [x["constructorId"] for x in at(r, 1, "qualifying-results")])
    add("colloquial", "typo_relative_time", question, [str(len(n))] + (["none", "zero", "no pole", "without a pole", "yet to take a pole"] if not n else []),
        f"{cname(cid)} took {len(n)} Grand Prix poles in {y} so far (rounds 1-{rs[-1]['round']} with results); poles "
        f"went to {listing(who, cname)}. Sprint shootout P1s are not Grand Prix poles.",
        f"seasons/{y}/races/*/qualifying-results.yml")


team_poles_season("ferrari", THIS_YEAR, "ferarri pole count this season??")


def first_win(did, question, category, group="colloquial", pre=""):
    r = wins_of(did)[0]
    add(group, category, question, gpacc(r), f"{pre}{dname(did)}'s first Grand Prix win: the {label(r)} at "
        f"{circuits[r['circuitId']]['fullName']}, driving for {cname(at(r, 1)[0]['constructorId'])} "
        f"(start no. {len([s for s in starts_of(did) if (s['year'], s['round']) <= (r['year'], r['round'])])}).",
        src(r), accept_all=[str(r["year"])])


first_win("ayrton-senna", "sennna's first ever win, where was that", "typo")
winner_q(2008, "brazil", "interlagoss 2008 who won the race?", "typo")


def career_wins(did, question, category, group="colloquial", pre=""):
    ws = wins_of(did)
    by = Counter(r["year"] for r in ws)
    add(group, category, question, [str(len(ws))],
        f"{pre}{dname(did)}: {len(ws)} Grand Prix wins ({', '.join(f'{y}: {n}' for y, n in sorted(by.items())) or 'none'}); "
        f"sprint wins not counted ({CUTOFF}).", ALLRES)


career_wins("kimi-antonelli", "how many gp wins has antonelli got rn", "slang")


def first_podium(did, question, category):
    r = podiums_of(did)[0]
    p = [x["position"] for x in res(r) if x["driverId"] == did][0]
    add("colloquial", category, question, gpacc(r),
        f"{dname(did)}'s first Grand Prix podium: P{p} at the {label(r)} for "
        f"{cname([x['constructorId'] for x in res(r) if x['driverId'] == did][0])}, in his start no. "
        f"{len([s for s in starts_of(did) if (s['year'], s['round']) <= (r['year'], r['round'])])}.", src(r),
        accept_all=[str(r["year"])])


first_podium("nico-hulkenberg", "the hulk finally got a podium didn't he? which race was it", "nickname")


def standings_position(did, y, question, category):
    pos = dposition(y, did)
    add("colloquial", category, question, [str(pos), f"P{pos}", "second" if pos == 2 else f"P{pos}"],
        f"{dname(did)} finished {y} in P{pos} with {fmt(dpoints(y, did))} points; champion {dname(champion(y))} "
        f"({fmt(dpoints(y, champion(y)))}).", f"seasons/{y}/driver-standings.yml")


standings_position("kimi-raikkonen", 2003, "bwoah. where did kimi end up in the 2003 championship?", "slang")
season_points("lando-norris", LAST_YEAR, "how many points did lando end on last season", "relative_time",
              pre=f"Last season = {LAST_YEAR}. ")


def p_at(y, gp, p, question, category, group="colloquial", pre=""):
    r = find(y, gp)
    d = at(r, p)
    assert len(d) == 1
    add(group, category, question, dacc(d[0]["driverId"], race_field(r)),
        f"{pre}P{p} at the {label(r)}: {dname(d[0]['driverId'])} ({cname(d[0]['constructorId'])}); winner "
        f"{dname(winners(r)[0])}.", src(r))


p_at(THIS_YEAR - 2, "emilia-romagna", 2, "who got p2 at imola two seasons ago?", "relative_time",
     pre=f"Two seasons ago = {THIS_YEAR - 2}. ")


def current_team(did, question, category):
    rs = year_races(THIS_YEAR)
    t = {x["constructorId"] for r in rs for x in res(r) if x["driverId"] == did}
    assert len(t) == 1
    t = t.pop()
    add("colloquial", category, question, cacc(t),
        f"{dname(did)} drives for {cname(t)} in {THIS_YEAR} (all {len(rs)} races with results; "
        f"{fmt(dpoints(THIS_YEAR, did))} points so far).", [f"seasons/{THIS_YEAR}/entrants.yml"])


current_team("gabriel-bortoleto", "what team is bortoletto at this year", "typo_relative_time")
career_wins("carlos-sainz-jr", "how many gp wins has the smooth operator got", "nickname",
            pre="'Smooth operator' = Carlos Sainz Jr. ")
last_win("fernando-alonso", "when did nando last win a race", "nickname", pre="'Nando' = Fernando Alonso. ")


def typo_winner():
    # seeded random pick of an older race; the circuit name in the question gets a seeded typo
    pool = [r for r in done if 1984 <= r["year"] <= 1999 and len(winners(r)) == 1
            and r["circuitId"] in ("hockenheimring", "estoril", "magny-cours", "imola", "adelaide", "jerez")
            and sum(1 for o in done if o["year"] == r["year"] and o["circuitId"] == r["circuitId"]) == 1]
    r = rng.choice(pool)
    nm = circuits[r["circuitId"]]["name"].lower().split()[0]
    i = rng.randrange(1, len(nm) - 1)
    typo = nm[:i] + nm[i + 1] + nm[i] + nm[i + 2:]
    w = winners(r)[0]
    add("colloquial", "typo", f"who won at {typo} in {r['year']}", dacc(w, race_field(r)),
        f"'{typo}' = {circuits[r['circuitId']]['name']} ({r['year']} was its only race that year): {dname(w)} won the "
        f"{label(r)} for {cname(at(r, 1)[0]['constructorId'])}. Circuit picked with seed {SEED}.", src(r))


typo_winner()

# ==================================================================== RELATIONAL (20)


def teammate(did, y, cid, question, category="teammate", pre=""):
    rs = year_races(y)
    mates = Counter(x["driverId"] for r in rs for x in res(r) if x["constructorId"] == cid and x["driverId"] != did)
    k, v = mates.most_common(1)[0]
    assert len(mates) == 1 or mates.most_common(2)[1][1] < v
    add("relational", category, question, dacc(k, season_field(y)),
        f"{pre}{y} {cname(cid)}: {dname(did)} and {dname(k)} ({v} race entries together); other drivers for the team: "
        f"{', '.join(dname(m) for m in mates if m != k) or 'none'}.", f"seasons/{y}/races/*/race-results.yml")


teammate("ayrton-senna", 1992, "mclaren", "who partnered senna at mclaren in 1992?")


def podium(y, gp, question, pick=None, seeded=False):
    r = find(y, gp) if pick is None else pick
    p = [at(r, i)[0]["driverId"] for i in (1, 2, 3)]
    f = race_field(r)
    add("relational", "podium", question, dacc(p[2], f), f"{label(r)}: P1 {dname(p[0])}, P2 {dname(p[1])}, P3 "
        f"{dname(p[2])}; P4 {dname(at(r, 4)[0]['driverId'])}. All three names are required (accept_all)."
        + (f" Race picked with seed {SEED}." if seeded else ""), src(r), accept_all=[dkey(d, f) for d in p])


podium(1986, "australia", "adelaide 86, the title decider — who was on the podium?")


def pole_q(y, gp, question, category="pole"):
    r = find(y, gp)
    p = poles(r)
    assert len(p) == 1 and grid_at(r, 1) == p
    add("relational", category, question, dacc(p[0], race_field(r)),
        f"Pole (qualifying P1 and grid P1) at the {label(r)}: {dname(p[0])} "
        f"({cname(at(r, 1, 'qualifying-results')[0]['constructorId'])}); the race was won by {dname(winners(r)[0])}.",
        [src(r, "qualifying-results"), src(r, "starting-grid-positions")])


pole_q(2005, "japan", "suzuka 2005 who started on pole")


def team_engine(cid, y, question):
    e = Counter(x["engineManufacturerId"] for r in year_races(y) for x in res(r) if x["constructorId"] == cid)
    assert len(e) == 1
    k = next(iter(e))
    add("relational", "team_engine", question, [engine_makers[k]["name"]],
        f"All {e[k]} {cname(cid)} race entries in {y} used {engine_makers[k]['name']} engines; champion that year: "
        f"{dname(champion(y))}.", f"seasons/{y}/races/*/race-results.yml")


team_engine("brabham", 1983, "piquet's brabham in 83, what engine was in the back of it")


def runner_up(y, question, pre=""):
    st = standings(y)
    a, b = st[0], st[1]
    add("relational", "championship_runner_up", question, dacc(b["driverId"], season_field(y)),
        f"{pre}{y}: champion {dname(a['driverId'])} {fmt(a['points'])}, runner-up {dname(b['driverId'])} "
        f"{fmt(b['points'])} ({fmt(a['points'] - b['points'])} behind).", f"seasons/{y}/driver-standings.yml")


runner_up(1976, "who lost out to james hunt for the 76 title?")


def stand_in():
    y, cid = 1999, "ferrari"
    regular = {"michael-schumacher", "eddie-irvine"}
    rs = year_races(y)
    others = Counter(x["driverId"] for r in rs for x in res(r) if x["constructorId"] == cid and x["driverId"] not in regular)
    assert len(others) == 1
    k, v = others.most_common(1)[0]
    ms = [r["round"] for r in rs if any(x["driverId"] == "michael-schumacher" for x in res(r))]
    sub = [r for r in rs if any(x["driverId"] == k and x["constructorId"] == cid for x in res(r))]
    add("relational", "replacement", "who subbed for schumacher at ferrari after he broke his leg at silverstone in 99?",
        dacc(k, season_field(y)),
        f"{dname(k)} drove the second Ferrari in {v} races (rounds {sub[0]['round']}-{sub[-1]['round']}, "
        f"{gpname(sub[0])} to {gpname(sub[-1])}) while Michael Schumacher was out; Schumacher raced rounds "
        f"{', '.join(map(str, ms))}.", [f"seasons/{y}/races/*/race-results.yml", f"seasons/{y}/entrants.yml"])


stand_in()


def fastest_lap_q(y, gp, question):
    r = find(y, gp)
    f = at(r, 1, "fastest-laps")
    assert len(f) == 1
    add("relational", "fastest_lap", question, dacc(f[0]["driverId"], race_field(r)),
        f"Fastest lap of the {label(r)}: {dname(f[0]['driverId'])}, {f[0]['time']} on lap {f[0]['lap']}; race winner "
        f"{dname(winners(r)[0])}.", src(r, "fastest-laps"))


fastest_lap_q(THIS_YEAR, "belgium", "fastest lap at spa this year, who set it?")


def dotd_race(y, gp, question):
    r = find(y, gp)
    d = at(r, 1, "driver-of-the-day-results")
    assert len(d) == 1
    x = [x for x in res(r) if x["driverId"] == d[0]["driverId"]][0]
    add("relational", "driver_of_the_day", question, dacc(d[0]["driverId"], race_field(r)),
        f"Driver of the Day at the {label(r)}: {dname(d[0]['driverId'])} ({d[0]['percentage']}% of the vote); he "
        f"finished P{x['position']} from grid {x['gridPosition']}.", src(r, "driver-of-the-day-results"))


dotd_race(2024, "sao-paulo", "who did the fans vote driver of the day in the wet sao paulo race in 2024?")


def indy_constructor():
    r = find(1950, "indianapolis")
    w = at(r, 1)[0]
    add("relational", "winning_constructor", "the 1950 indy 500 counted for the championship — what chassis won it?",
        cacc(w["constructorId"]), f"{label(r)}: won by {dname(w['driverId'])} in a {cname(w['constructorId'])} "
        f"with {engine_makers[w['engineManufacturerId']]['name']} power.", src(r))


indy_constructor()


def grid_p2(y, gp, question):
    r = find(y, gp)
    g = grid_at(r, 2)
    assert len(g) == 1
    add("relational", "front_row", question, dacc(g[0], race_field(r)),
        f"{label(r)} starting grid: P1 {dname(grid_at(r, 1)[0])}, P2 {dname(g[0])}. Race winner {dname(winners(r)[0])}.",
        src(r, "starting-grid-positions"))


grid_p2(2021, "abu-dhabi", "abu dhabi 2021, who lined up second on the grid?")
p_at(2008, "canada", 2, "who came home behind kubica when he won in montreal?", "driver_at_position",
     group="relational", pre="Kubica's only win was the 2008 Canadian GP. ")
assert len(wins_of("robert-kubica")) == 1
teammate("lewis-hamilton", 2007, "mclaren", "who was hamilton's team-mate in his first season?")


def successor():
    # who did Russell replace at Mercedes: the 2021 Mercedes driver absent in 2022
    a = {x["driverId"] for r in year_races(2021) for x in res(r) if x["constructorId"] == "mercedes"}
    b = {x["driverId"] for r in year_races(2022) for x in res(r) if x["constructorId"] == "mercedes"}
    gone = a - b
    assert len(gone) == 1 and "george-russell" in b - a
    k = gone.pop()
    add("relational", "replacement", "when george russell got the mercedes seat, whose place did he take?",
        dacc(k, season_field(2021)),
        f"Mercedes 2021: {', '.join(dname(d) for d in sorted(a))}; 2022: {', '.join(dname(d) for d in sorted(b))}. "
        f"Russell took {dname(k)}'s seat (he moved to "
        f"{cname(next(x['constructorId'] for r in year_races(2022) for x in res(r) if x['driverId'] == k))}).",
        ["seasons/2021/races/*/race-results.yml", "seasons/2022/races/*/race-results.yml"])


successor()


def debut_teammate():
    did = "michael-schumacher"
    r = starts_of(did)[0]
    me = [x for x in res(r) if x["driverId"] == did][0]
    mate = [x["driverId"] for x in res(r) if x["constructorId"] == me["constructorId"] and x["driverId"] != did]
    assert len(mate) == 1
    add("relational", "teammate", "schumacher's first ever gp — who was his team-mate that day?",
        dacc(mate[0], race_field(r)),
        f"Michael Schumacher debuted at the {label(r)} for {cname(me['constructorId'])} (retired, {me['reasonRetired']}); "
        f"team-mate {dname(mate[0])}.", src(r))


debut_teammate()


def cons_runner_up(y, question):
    st = cstandings(y)
    add("relational", "constructors_runner_up", question, cacc(st[1]["constructorId"]),
        f"{y} constructors: {cname(st[0]['constructorId'])} {fmt(st[0]['points'])}, {cname(st[1]['constructorId'])} "
        f"{fmt(st[1]['points'])}, {cname(st[2]['constructorId'])} {fmt(st[2]['points'])}.",
        f"seasons/{y}/constructor-standings.yml")


cons_runner_up(1996, "1996 constructors, who finished second to williams?")


def swiss_1982():
    r = find(1982, "switzerland")
    c = circuits[r["circuitId"]]
    add("relational", "race_venue", "where was the 1982 swiss grand prix actually held? which track",
        uniq([c["name"], c["fullName"], fold(c["fullName"]), "Dijon", c["placeName"]]),
        f"The {label(r)} was held at {c['fullName']} near {c['placeName']}, {countries[c['countryId']]['name']} "
        f"(circuit country, not Switzerland); winner {dname(winners(r)[0])}.", [src(r, "race"), f"circuits/{c['id']}.yml"])


swiss_1982()
p_at(THIS_YEAR, "canada", 3, "who got the last podium spot in montreal this season", "driver_at_position",
     group="relational", pre=f"This season = {THIS_YEAR}. ")


def red_bull_swap():
    y = THIS_YEAR
    ent = season(y, "entrants")
    rb = [e for e in ent if e["constructorId"] == "red-bull"][0]["drivers"]
    nxt = races[[r["dir"] for r in races].index(LAST["dir"]) + 1]
    newcomer = [d["driverId"] for d in rb if not d.get("testDriver") and str(d["rounds"]) == str(nxt["round"])]
    leaver = [d["driverId"] for d in rb if not d.get("testDriver") and str(d["rounds"]).endswith(f"-{LAST['round']}")]
    assert len(newcomer) == 1 and len(leaver) == 1
    fp1 = [x for x in get(nxt, "free-practice-1-results") if x["driverId"] == newcomer[0]]
    assert fp1 and fp1[0]["constructorId"] == "red-bull"
    add("relational", "replacement",
        f"saw {surname(leaver[0]).lower()} is out of the red bull seat after hungary — who's in the car at zandvoort?",
        dacc(newcomer[0], season_field(y)),
        f"{y} entrants: {dname(leaver[0])} drove for Red Bull in rounds 1-{LAST['round']}; {dname(newcomer[0])} is "
        f"entered from round {nxt['round']} ({gpname(nxt)}), and ran for Red Bull in that weekend's FP1 and sprint "
        f"qualifying. No race result for round {nxt['round']} exists yet.",
        [f"seasons/{y}/entrants.yml", src(nxt, "free-practice-1-results")])


red_bull_swap()


def sprint_shootout_top():
    r = races[[x["dir"] for x in races].index(LAST["dir"]) + 1]
    s = at(r, 1, "sprint-qualifying-results")
    assert s and "sprint-race-results" not in r["files"]
    add("relational", "sprint_qualifying", "who topped sprint qualifying at zandvoort? the sprint itself i don't care about",
        dacc(s[0]["driverId"], {x["driverId"] for x in get(r, "sprint-qualifying-results")}),
        f"{r['year']} {gpname(r)} sprint qualifying (sprint shootout): P1 {dname(s[0]['driverId'])} "
        f"({cname(s[0]['constructorId'])}). That weekend's sprint and race have no results in the data.",
        src(r, "sprint-qualifying-results"))


sprint_shootout_top()


def seeded_podium():
    pool = [r for r in done if 1970 <= r["year"] <= 1979 and len(at(r, 1)) == 1 and len(at(r, 2)) == 1
            and len(at(r, 3)) == 1 and sum(1 for o in done if o["year"] == r["year"] and o["grandPrixId"] == r["grandPrixId"]) == 1]
    r = rng.choice(pool)
    g = grands_prix[r["grandPrixId"]]
    podium(None, None, f"top 3 at the {r['year']} {g['shortName'].replace(' GP', '').lower()} grand prix?", pick=r, seeded=True)


seeded_podium()

# ==================================================================== CAREER HISTORY (15)


def team_first_win(cid, question, after=None, pre=""):
    ws = [r for r in done if (after is None or r["year"] >= after) and any(x["constructorId"] == cid for x in at(r, 1))]
    r = ws[0]
    d = [x["driverId"] for x in at(r, 1) if x["constructorId"] == cid][0]
    add("career_history", "team_first_win", question, gpacc(r),
        f"{pre}{cname(cid)}'s first Grand Prix win{' since ' + str(after) if after else ''}: the {label(r)}, won by "
        f"{dname(d)}.", [src(r), ALLRES], accept_all=[str(r["year"])])


team_first_win("red-bull", "red bull racing's first ever win — which race?",
               pre="Constructor red-bull (2005 on; Stewart/Jaguar are separate constructors in f1db). ")


def first_title_year(did, question, category="first_title"):
    ts = season_titles(did)
    add("career_history", category, question, [str(ts[0])],
        f"{dname(did)} won the drivers' title in {', '.join(map(str, ts))}; first: {ts[0]} "
        f"({fmt(dpoints(ts[0], did))} points).", "seasons/*/driver-standings.yml")


first_title_year("mika-hakkinen", "what year did hakkinen win his first championship")


def career_poles(did, question):
    n = len(poles_of(did))
    same_on_grid(starts_of(did), poles)
    add("career_history", "career_poles", question, [str(n)],
        f"{dname(did)}: {n} Grand Prix poles (qualifying P1) in {len(starts_of(did))} starts; starting-grid P1 "
        f"count: {sum(1 for r in done if did in grid_at(r, 1))}.", ALLQ)


career_poles("ayrton-senna", "ayrton senna career pole positions total?")


def debut(did, question, seeded=False):
    r = starts_of(did)[0]
    me = [x for x in res(r) if x["driverId"] == did][0]
    add("career_history", "debut", question, gpacc(r),
        f"{dname(did)}'s first Grand Prix start: the {label(r)} for {cname(me['constructorId'])} "
        f"(result: {me['position']}). First start = first race-results row that is not DNQ/DNPQ/EX/DNS/DNP."
        + (f" Driver picked with seed {SEED}." if seeded else ""), src(r), accept_all=[str(r["year"])])


debut("charles-leclerc", "leclerc's first f1 race, which one was it?")


def n_teams(did, question):
    seq = []
    for r in starts_of(did):
        c = [x["constructorId"] for x in starters(r) if x["driverId"] == did][0]
        if c not in seq:
            seq.append(c)
    add("career_history", "career_teams", question, [str(len(seq))],
        f"{dname(did)} has started Grands Prix for {len(seq)} constructors: {', '.join(cname(c) for c in seq)} "
        f"(f1db constructor ids; Renault and Alpine counted separately) ({CUTOFF}).", ALLRES)


n_teams("fernando-alonso", "how many different teams has alonso raced for in his career?")


def team_last_win(cid, question):
    ws = [r for r in done if any(x["constructorId"] == cid for x in at(r, 1))]
    r = ws[-1]
    add("career_history", "team_last_win", question, gpacc(r),
        f"{cname(cid)}'s most recent Grand Prix win: the {label(r)}, by {dname(winners(r)[0])} ({len(ws)} wins in total; "
        f"{CUTOFF}).", [src(r), ALLRES], accept_all=[str(r["year"])])


team_last_win("williams", "last time williams actually won a race?")


def team_last_driver_title(cid, question):
    ys = [y for y in range(1950, THIS_YEAR)
          if any(x["constructorId"] == cid for r in year_races(y) for x in res(r) if x["driverId"] == champion(y))]
    # the champion must have raced only for this team that year
    ys = [y for y in ys if {x["constructorId"] for r in year_races(y) for x in res(r) if x["driverId"] == champion(y)} == {cid}]
    y = ys[-1]
    add("career_history", "team_last_driver_title", question, [str(y)],
        f"Last drivers' champion in a {cname(cid)}: {dname(champion(y))} in {y}. Earlier: "
        f"{', '.join(str(v) for v in ys[-4:-1])}... ({len(ys)} in all).", "seasons/*/driver-standings.yml")


team_last_driver_title("ferrari", "when did a ferrari driver last win the drivers championship")


def first_to_n_titles(n, question):
    cnt, who = Counter(), None
    for y in range(1950, THIS_YEAR):
        c = champion(y)
        cnt[c] += 1
        if cnt[c] == n:
            who, yy = c, y
            break
    add("career_history", "record_first", question, dacc(who),
        f"{dname(who)} became the first {n}-time champion in {yy} (titles: "
        f"{', '.join(map(str, season_titles(who)))}).", "seasons/*/driver-standings.yml")


first_to_n_titles(5, "who was the first guy to win five world titles?")
team_first_win("mercedes", "mercedes came back as a works team in 2010. when did they win their first race after that?",
               after=2010)
first_win("jenson-button", "Jenson Button's first Grand Prix win — where did that happen?", "first_win",
          group="career_history")


def posthumous():
    out = []
    for y in range(1950, THIS_YEAR):
        c = champion(y)
        dd = drivers[c]["dateOfDeath"]
        if dd and d_(dd) <= d_(year_races(y)[-1]["date"]):
            out.append((y, c, dd))
    assert len(out) == 1
    y, c, dd = out[0]
    add("career_history", "posthumous_champion", "which driver was awarded the title after he had died?", dacc(c),
        f"{dname(c)}: {y} champion ({fmt(dpoints(y, c))} points) although he died on {dd}, before the season's last "
        f"race ({year_races(y)[-1]['date']}); only such case (dateOfDeath vs season end).",
        [f"seasons/{y}/driver-standings.yml", f"drivers/{c}.yml"])


posthumous()


def team_titles(cid, question):
    ys = [y for y in range(1958, THIS_YEAR) if cchampion(y) == cid]
    add("career_history", "constructor_titles", question, [str(len(ys))],
        f"{cname(cid)}: {len(ys)} constructors' titles ({', '.join(map(str, ys))}); 2026 undecided in the data.",
        "seasons/*/constructor-standings.yml")


team_titles("mclaren", "how many constructors titles do mclaren have?")
last_win("damon-hill", "damon hill's final gp victory, which race?", "last_win", group="career_history")
team_first_win("honda", "when did honda's own works team first win a grand prix?",
               pre="Constructor honda (the 1960s works team and the 2006-2008 Honda team are the same constructor). ")


def seeded_debut():
    champs = sorted({champion(y) for y in range(1980, 2001)})
    did = rng.choice(champs)
    debut(did, f"where did {dname(did).lower()} make his f1 debut?", seeded=True)


seeded_debut()

# ==================================================================== COMPARATIVE (13)


def cmp_season_points(a, b, y, question, pre=""):
    pa, pb = dpoints(y, a), dpoints(y, b)
    assert pa != pb
    w = a if pa > pb else b
    diff = fmt(abs(pa - pb))
    f = season_field(y)
    add("comparative", "points_comparison", question, [diff], f"{pre}{y}: {dname(a)} {fmt(pa)} (P{dposition(y, a)}), "
        f"{dname(b)} {fmt(pb)} (P{dposition(y, b)}); {dname(w)} ahead by {diff}.", f"seasons/{y}/driver-standings.yml",
        accept_all=[dkey(w, f), diff])


cmp_season_points("nico-rosberg", "lewis-hamilton", 2016, "rosberg v hamilton 2016, what was the final points gap?")


def grid_poles_of(did, pred=lambda r: True):
    return [r for r in done if pred(r) and did in grid_at(r, 1)]


def cmp_count(a, b, fn, what, question, source, category, scope=None, pre="", check=None):
    na, nb = len(fn(a)), len(fn(b))
    alt = ""
    if check:  # same answer under the alternative definition (pole = starting-grid P1)
        ga, gb = len(check(a)), len(check(b))
        assert ga - gb == na - nb, (a, b, ga, gb, na, nb)
        if (ga, gb) != (na, nb):
            alt = f" Counting starting-grid P1 instead: {ga} vs {gb}, same gap."
    assert na != nb
    w = a if na > nb else b
    add("comparative", category, question, [str(abs(na - nb))],
        f"{pre}{dname(a)} {na} {what}, {dname(b)} {nb}: {dname(w)} by {abs(na - nb)} ({CUTOFF}).{alt}", source,
        accept_all=[dkey(w, scope), str(abs(na - nb))])


cmp_count("ayrton-senna", "alain-prost", lambda d: poles_of(d, lambda r: r["year"] == 1988), "poles in 1988",
          "senna vs prost in 1988: how many more poles did the pole-getter of the two get?",
          "seasons/1988/races/*/qualifying-results.yml", "poles_comparison", season_field(1988),
          check=lambda d: grid_poles_of(d, lambda r: r["year"] == 1988))
cmp_count("sebastian-vettel", "fernando-alonso", wins_of, "Grand Prix wins",
          "alonso or vettel, who has more career wins and by how many", ALLRES, "career_difference")
cmp_season_points("carlos-sainz-jr", "charles-leclerc", 2021,
                  "ferrari 2021 sainz and leclerc, who outscored who and by how much")
cmp_count("lewis-hamilton", "michael-schumacher", poles_of, "Grand Prix poles",
          "Hamilton vs Michael Schumacher — how big is the gap in career pole positions?", ALLQ, "career_difference",
          check=grid_poles_of)
cmp_count("niki-lauda", "james-hunt", wins_of, "Grand Prix wins",
          "lauda and hunt career wins compared? who has more and whats the difference", ALLRES, "career_difference")


def cmp_cons_points(a, b, y, question, pre=""):
    pa, pb = cpoints(y, a), cpoints(y, b)
    w = a if pa > pb else b
    diff = fmt(abs(pa - pb))
    add("comparative", "team_comparison", question, [diff],
        f"{pre}{y} constructors' standings after round {year_races(y)[-1]['round']}: {cname(a)} {fmt(pa)}, "
        f"{cname(b)} {fmt(pb)}; {cname(w)} ahead by {diff}.", f"seasons/{y}/constructor-standings.yml",
        accept_all=[cname(w), diff])


cmp_cons_points("mercedes", "ferrari", THIS_YEAR, "mercedes vs ferrari this year, how far apart are they in the constructors",
                pre=f"This year = {THIS_YEAR}; ")
cmp_count("rubens-barrichello", "jenson-button", starts_of, "starts",
          "barrichello or button — who started more grands prix, and by how many?", ALLRES, "career_difference",
          pre="Starts = race-results rows excluding DNQ/DNPQ/EX/DNS/DNP. ")


def cmp_team_wins(a, b, y, question):
    rs = year_races(y)
    na = sum(1 for r in rs if any(x["constructorId"] == a for x in at(r, 1)))
    nb = sum(1 for r in rs if any(x["constructorId"] == b for x in at(r, 1)))
    assert na != nb
    w, nw = (a, na) if na > nb else (b, nb)
    add("comparative", "team_wins_comparison", question, [str(nw)],
        f"{y}: {cname(a)} {na} wins, {cname(b)} {nb} wins ({len(rs)} races); {cname(w)} had more, by {abs(na - nb)}.",
        f"seasons/{y}/races/*/race-results.yml", accept_all=[cname(w), str(nw)])


cmp_team_wins("red-bull", "mercedes", 2021, "2021 red bull or mercedes, which team won more races? how many")
cmp_count("jim-clark", "jackie-stewart", poles_of, "Grand Prix poles",
          "jim clark vs jackie stewart — who had more poles, and by how many?", ALLQ, "career_difference",
          check=grid_poles_of)
cmp_count("max-verstappen", "charles-leclerc", lambda d: wins_of(d, lambda r: r["year"] == 2022), "wins in 2022",
          "max v charles in 2022, what was the win count difference", "seasons/2022/races/*/race-results.yml",
          "wins_comparison", season_field(2022))


def cmp_tied_points(a, b, y, question):
    pa, pb = dpoints(y, a), dpoints(y, b)
    assert pa == pb
    add("comparative", "points_tie", question, ["tied", "tie", "level", "equal", "same", "identical", "neither"],
        f"{y}: {dname(a)} and {dname(b)} both finished on {fmt(pa)} points (P{dposition(y, a)} and "
        f"P{dposition(y, b)}, split on countback); champion {dname(champion(y))} {fmt(dpoints(y, champion(y)))}. "
        f"The reply must say they were level and give the number.", f"seasons/{y}/driver-standings.yml",
        accept_all=[fmt(pa)])


cmp_tied_points("lewis-hamilton", "fernando-alonso", 2007,
                "hamilton and alonso at mclaren 2007, who ended up with more points?")


def cmp_titles(a, b, question):
    ta = [y for y in range(1958, THIS_YEAR) if cchampion(y) == a]
    tb = [y for y in range(1958, THIS_YEAR) if cchampion(y) == b]
    w, n = (a, len(ta)) if len(ta) > len(tb) else (b, len(tb))
    d = abs(len(ta) - len(tb))
    add("comparative", "titles_comparison", question, [str(d)],
        f"Constructors' titles: {cname(a)} {len(ta)}, {cname(b)} {len(tb)}; {cname(w)} has {d} more (1958-"
        f"{THIS_YEAR - 1}).", "seasons/*/constructor-standings.yml", accept_all=[cname(w), str(d)])


cmp_titles("ferrari", "williams", "ferrari vs williams constructors championships — how many more does the leader have?")

# ==================================================================== MULTI PART (13)


def mp_champ_margin(y, question):
    st = standings(y)
    a, b = st[0], st[1]
    m = fmt(a["points"] - b["points"])
    add("multi_part", "champion_and_margin", question, dacc(a["driverId"], season_field(y)),
        f"{y}: {dname(a['driverId'])} champion on {fmt(a['points'])}, {m} ahead of {dname(b['driverId'])} "
        f"({fmt(b['points'])}).", f"seasons/{y}/driver-standings.yml",
        accept_all=[dkey(a["driverId"], season_field(y)), m])


mp_champ_margin(1994, "1994 — who took the title, and how many points was it by?")


def mp_pole_winner(y, gp, question):
    r = find(y, gp)
    p, w = poles(r)[0], winners(r)[0]
    assert p != w and grid_at(r, 1) == [p]
    f = race_field(r)
    add("multi_part", "pole_and_winner", question, dacc(w, f),
        f"{label(r)}: pole {dname(p)}, winner {dname(w)} ({cname(at(r, 1)[0]['constructorId'])}). Both names required.",
        [src(r), src(r, "qualifying-results")], accept_all=[dkey(p, f), dkey(w, f)])


mp_pole_winner(1998, "belgium", "spa 98 in the rain: who was on pole and who won it?")


def mp_team_wins_poles(cid, y, question):
    rs = year_races(y)
    w = sum(1 for r in rs if any(x["constructorId"] == cid for x in at(r, 1)))
    p = sum(1 for r in rs if any(x["constructorId"] == cid for x in at(r, 1, "qualifying-results")))
    same_on_grid(rs, poles)
    assert w != p
    add("multi_part", "team_wins_and_poles", question, [str(w)],
        f"{cname(cid)} in {y}: {w} wins and {p} poles from {len(rs)} races.",
        [f"seasons/{y}/races/*/race-results.yml", f"seasons/{y}/races/*/qualifying-results.yml"],
        accept_all=[str(w), str(p)])


mp_team_wins_poles("williams", 1992, "williams fw14b year, 1992: how many wins and how many poles did the team get")


def mp_champ_wins(y, question):
    c = champion(y)
    n = len(wins_of(c, lambda r: r["year"] == y))
    add("multi_part", "champion_and_wins", question, dacc(c, season_field(y)),
        f"{y} champion {dname(c)} ({fmt(dpoints(y, c))} points) won {n} races that year.",
        [f"seasons/{y}/driver-standings.yml", f"seasons/{y}/races/*/race-results.yml"],
        accept_all=[dkey(c, season_field(y)), str(n)])


mp_champ_wins(1976, "who won the 1976 championship and how many races did he win that season?")


def mp_both_champs(y, question):
    d, c = champion(y), cchampion(y)
    add("multi_part", "both_champions", question, dacc(d, season_field(y)),
        f"{y}: drivers' champion {dname(d)} ({fmt(dpoints(y, d))}), constructors' champion {cname(c)} "
        f"({fmt(cpoints(y, c))}). Both required.", [f"seasons/{y}/driver-standings.yml", f"seasons/{y}/constructor-standings.yml"],
        accept_all=[dkey(d, season_field(y)), cname(c)])


mp_both_champs(1999, "1999 drivers champ and constructors champ?")


def mp_sprint_and_gp(y, gp, question):
    r = find(y, gp)
    s, w = at(r, 1, "sprint-race-results")[0]["driverId"], winners(r)[0]
    assert s != w
    f = race_field(r)
    add("multi_part", "sprint_and_race", question, dacc(w, f),
        f"{label(r)}: sprint won by {dname(s)}, Grand Prix won by {dname(w)}. Both names required.",
        [src(r, "sprint-race-results"), src(r)], accept_all=[dkey(s, f), dkey(w, f)])


mp_sprint_and_gp(THIS_YEAR, "great-britain", "silverstone this year: who won the sprint, and who won the actual gp?")


def mp_first_win_detail(did, question):
    r = wins_of(did)[0]
    c = at(r, 1)[0]["constructorId"]
    add("multi_part", "first_win_race_year_team", question, gpacc(r),
        f"{dname(did)}'s first win: the {label(r)}, with {cname(c)}. Race, year and team are all required.", src(r),
        accept_all=[str(r["year"]), cname(c)])


mp_first_win_detail("fernando-alonso", "alonso's first win: what race, what year, and which team was he with?")


def mp_points_position(did, y, question, pre=""):
    p, pos = dpoints(y, did), dposition(y, did)
    add("multi_part", "points_and_position", question, [fmt(p)],
        f"{pre}{dname(did)} in {y}: {fmt(p)} points, P{pos} in the drivers' championship (champion "
        f"{dname(champion(y))} {fmt(dpoints(y, champion(y)))}).", f"seasons/{y}/driver-standings.yml",
        accept_all=[fmt(p), str(pos)])


mp_points_position("oscar-piastri", LAST_YEAR, "piastri last season — how many points, and where did he finish in the standings?",
                   pre=f"Last season = {LAST_YEAR}. ")


def mp_champ_team(y, question):
    c = champion(y)
    t = {x["constructorId"] for r in year_races(y) for x in res(r) if x["driverId"] == c}
    assert len(t) == 1
    t = t.pop()
    add("multi_part", "champion_and_team", question, dacc(c, season_field(y)),
        f"{y} champion: {dname(c)} ({fmt(dpoints(y, c))} points) driving for {cname(t)}.",
        [f"seasons/{y}/driver-standings.yml", f"seasons/{y}/races/*/race-results.yml"],
        accept_all=[dkey(c, season_field(y)), cname(t)])


mp_champ_team(1961, "1961 world champion, and what team did he drive for?")


def mp_winner_grid(y, gp, question):
    r = find(y, gp)
    w = at(r, 1)[0]
    f = race_field(r)
    add("multi_part", "winner_and_grid", question, dacc(w["driverId"], f),
        f"{label(r)}: won by {dname(w['driverId'])} ({cname(w['constructorId'])}) from grid position "
        f"{w['gridPosition']}; only {len([x for x in res(r) if isinstance(x['position'], int)])} cars were classified.",
        [src(r), src(r, "starting-grid-positions")], accept_all=[dkey(w["driverId"], f), str(w["gridPosition"])])


mp_winner_grid(1996, "monaco", "monaco 96 chaos — who won it and from what grid spot?")


def mp_last_win_race_year(did, question):
    r = wins_of(did)[-1]
    add("multi_part", "last_win_race_year", question, gpacc(r),
        f"{dname(did)}'s last Grand Prix win: the {label(r)} ({cname(at(r, 1)[0]['constructorId'])}). Race and year "
        f"both required.", src(r), accept_all=[str(r["year"])])


mp_last_win_race_year("ayrton-senna", "senna's final win: which race, and what year?")


def mp_season_wins_points(did, y, question):
    n = len(wins_of(did, lambda r: r["year"] == y))
    p = dpoints(y, did)
    add("multi_part", "wins_and_points", question, [str(n)],
        f"{dname(did)} in {y}: {n} wins and {fmt(p)} points (P{dposition(y, did)}).",
        [f"seasons/{y}/races/*/race-results.yml", f"seasons/{y}/driver-standings.yml"], accept_all=[str(n), fmt(p)])




def mp_first_race():
    r = done[0]
    w = winners(r)[0]
    c = circuits[r["circuitId"]]
    add("multi_part", "first_championship_race", "the first ever world championship race — where was it held and who won?",
        dacc(w, race_field(r)),
        f"{label(r)} at {c['fullName']} ({c['placeName']}), won by {dname(w)} ({cname(at(r, 1)[0]['constructorId'])}). "
        f"Venue and winner both required.", src(r), accept_all=[c["name"], dkey(w, race_field(r))])


mp_first_race()


def mp_this_season_leader():
    rs = year_races(THIS_YEAR)
    c = counter_over(rs, winners)
    k, v, _ = top_unique(c)
    add("multi_part", "season_so_far", "how many races have been run this year so far and who's won the most of them?",
        dacc(k, season_field(THIS_YEAR)),
        f"{THIS_YEAR}: {len(rs)} Grands Prix with results (rounds 1-{rs[-1]['round']}, last: {label(rs[-1])}); most wins "
        f"{dname(k)} {v}; all winners: {listing(c, dname, 10)}.", f"seasons/{THIS_YEAR}/races/*/race-results.yml",
        accept_all=[str(len(rs)), dkey(k, season_field(THIS_YEAR))])


mp_this_season_leader()

# ==================================================================== UNAVAILABLE (12)


def future_race(gp, question, what="winner"):
    r = find(THIS_YEAR, gp)
    assert "race-results" not in r["files"] and "qualifying-results" not in r["files"]
    when = "before" if d_(r["date"]) < TODAY else "after"
    add("unavailable", "future_unavailable", question, [],
        f"The {r['year']} {gpname(r)} (round {r['round']}, {r['date']}, {when} 'today' {TODAY}) has only a calendar "
        f"entry in f1db: no qualifying or race results. The {what} is not in the data; the reply must not name one. "
        f"Last race with results: {label(LAST)}.", src(r, "race"), unavailable=True)


future_race("italy", "did antonelli win monza this year? who won it", "winner")
future_race("singapore", "who took pole in singapore this season", "pole sitter")


def dutch_sprint():
    r = races[[x["dir"] for x in races].index(LAST["dir"]) + 1]
    assert "sprint-race-results" not in r["files"] and "race-results" not in r["files"]
    add("unavailable", "future_unavailable", "zandvoort sprint this year, who won?", [],
        f"The {r['year']} {gpname(r)} (round {r['round']}) has only free-practice-1 and sprint-qualifying results in "
        f"f1db: no sprint or race result. The sprint winner is not in the data (sprint qualifying P1 was "
        f"{dname(at(r, 1, 'sprint-qualifying-results')[0]['driverId'])}, which is not the answer).",
        [src(r, "race"), src(r, "sprint-qualifying-results")], unavailable=True)


dutch_sprint()


def undecided_title():
    rs = [r for r in races if r["year"] == THIS_YEAR]
    lead = standings(THIS_YEAR)[0]
    add("unavailable", "future_unavailable", f"who won the {THIS_YEAR} drivers world championship?", [],
        f"Undecided in the data: only {len(year_races(THIS_YEAR))} of {len(rs)} {THIS_YEAR} rounds have results "
        f"(cutoff {LAST['date']}). Standings leader after round {LAST['round']}: {dname(lead['driverId'])} "
        f"{fmt(lead['points'])} points, which is context, not the champion.", f"seasons/{THIS_YEAR}/driver-standings.yml",
        unavailable=True)


undecided_title()


def not_on_calendar(gp, y, question):
    assert not [r for r in races if r["year"] == y and r["grandPrixId"] == gp]
    held = [r["year"] for r in races if r["grandPrixId"] == gp]
    add("unavailable", "not_held", question, [],
        f"There is no {y} {grands_prix[gp]['fullName']} in f1db (the {y} calendar has "
        f"{len([r for r in races if r['year'] == y])} rounds without it; the race was held in "
        f"{', '.join(map(str, held))}). The reply should say it was not held / not on the calendar.",
        f"seasons/{y}/races/*/race.yml", unavailable=True)


not_on_calendar("saudi-arabia", THIS_YEAR, "who won in jeddah this year")
not_on_calendar("emilia-romagna", 2023, "who won at imola in 2023?")


def pre_championship():
    assert min(r["year"] for r in races) == 1950
    add("unavailable", "pre_championship", "who won the 1949 british grand prix", [],
        "f1db starts with the 1950 World Championship; no 1949 race exists in the data (the first race is the "
        f"{label(done[0])}). The reply should say 1949 results are not in the data (pre-championship).",
        "seasons/1950/races/01-great-britain/race.yml", unavailable=True)


pre_championship()


def never_raced(did, question):
    assert not starts_of(did) and not any(x["driverId"] == did for r in done for x in res(r))
    fp = [r for r in races if any(x["driverId"] == did for x in get(r, "free-practice-1-results"))]
    add("unavailable", "never_raced", question, [],
        f"{dname(did)} has no Grand Prix race entry in f1db; he appears only as a test/reserve driver in the "
        f"{THIS_YEAR} entrants and in FP1 at {', '.join(str(r['year']) + ' ' + gpname(r) for r in fp)}. He has no race "
        f"finish, so there is no best result.", [f"seasons/{THIS_YEAR}/entrants.yml", f"drivers/{did}.yml"],
        unavailable=True)


never_raced("colton-herta", "colton herta's best finish in a grand prix so far?")


def no_data(question, note, source):
    add("unavailable", "no_data", question, [], note, source, unavailable=True)


_r = find(2025, "italy")
no_data("what top speed did verstappen hit through the speed trap at monza last year?",
        f"f1db stores no speed-trap or top-speed data. Context only: {dname(winners(_r)[0])} won the {label(_r)}.",
        src(_r))
_r = LAST
_ps = [x for x in get(_r, "pit-stops") if x["driverId"] == "oscar-piastri"]
assert _ps
no_data("how long was piastri stationary for at his stop in hungary this year, like the actual tyre change time",
        f"f1db pit-stops rows carry stop number, lap and the pit-lane time (Piastri's stop(s): "
        f"{', '.join('lap ' + str(x['lap']) + ' ' + str(x['time']) + 's' for x in _ps)}), not the stationary/tyre-change time, which is not in "
        f"the data. Quoting the pit-lane time as context is fine if it is not offered as the stationary time.",
        src(_r, "pit-stops"))
no_data("what did bono say to lewis on the radio after he won silverstone in 2021?",
        "f1db has no team-radio transcripts. Context only: Hamilton won the 2021 British Grand Prix "
        f"({'confirmed' if 'lewis-hamilton' in winners(find(2021, 'great-britain')) else 'NOT'} in race-results).",
        src(find(2021, "great-britain")))
no_data("how much is hamilton getting paid at ferrari",
        "Driver salaries/contracts are not in f1db (it holds results, standings and entities only).",
        f"seasons/{THIS_YEAR}/entrants.yml")

# ==================================================================== output
EXPECT = {"aggregate": 25, "colloquial": 22, "relational": 20, "career_history": 15, "comparative": 13,
          "multi_part": 13, "unavailable": 12}


def main():
    cnt = Counter(r["group"] for r in RECORDS)
    assert cnt == Counter(EXPECT), (cnt, EXPECT)
    assert len({r["question"] for r in RECORDS}) == len(RECORDS)
    for r in RECORDS:
        assert r["expect_unavailable"] == (r["group"] == "unavailable")
        assert r["expect_unavailable"] or r["accept"], r
    order = list(range(len(RECORDS)))
    rng2 = random.Random(SEED)
    rng2.shuffle(order)
    out = [None] * len(RECORDS)
    for slot, i in enumerate(order):
        rec = dict(RECORDS[i])
        rec["id"] = f"fbs-{slot + 1:03d}"
        out[slot] = rec
    with open(OUT, "w", encoding="utf-8") as f:
        for rec in out:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} records to {OUT}: {dict(cnt)}")


if __name__ == "__main__":
    main()
