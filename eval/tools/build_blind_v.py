#!/usr/bin/env python3
"""Build eval/fan-qa-blind-v.jsonl: 60 fan-style F1 questions, answers computed from the f1db YAML.

Self-contained (Python 3 + PyYAML). Usage:
    python3 eval/tools/build_blind_v.py [F1DB_DATA_DIR] [OUT_JSONL]
Fails loudly (AssertionError) on ties or unexpected data.
"""
import glob
import json
import os
import random
import sys
import unicodedata
from collections import Counter, defaultdict

import yaml

DATA = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("F1DB_DATA", "/work/shared/data/f1db/src/data")
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "fan-qa-blind-v.jsonl")
SEED = 20261215
CUTOFF = "data cutoff: 2026 Hungarian Grand Prix, round 11, 2026-07-26"
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(path):
    with open(os.path.join(DATA, path), encoding="utf-8") as f:
        return yaml.load(f, Loader=Loader)


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


DRIVERS = {os.path.basename(p)[:-4]: load(p) for p in glob.glob(os.path.join(DATA, "drivers/*.yml"))}
CONS = {os.path.basename(p)[:-4]: load(p) for p in glob.glob(os.path.join(DATA, "constructors/*.yml"))}
GPS = {os.path.basename(p)[:-4]: load(p) for p in glob.glob(os.path.join(DATA, "grands-prix/*.yml"))}
ENG = {os.path.basename(p)[:-4]: load(p) for p in glob.glob(os.path.join(DATA, "engine-manufacturers/*.yml"))}

# races: list of dicts with year, round, dir, gp, date, results (race-results rows or None)
RACES = []
for d in sorted(glob.glob(os.path.join(DATA, "seasons/*/races/*"))):
    rel = os.path.relpath(d, DATA)
    race = load(os.path.join(rel, "race.yml"))
    rr = os.path.join(d, "race-results.yml")
    res = load(os.path.join(rel, "race-results.yml")) if os.path.exists(rr) else None
    year = int(rel.split("/")[1])
    RACES.append(dict(year=year, round=race["round"], dir=rel, gp=race["grandPrixId"], date=str(race["date"]),
                      race=race, results=res))
RACES.sort(key=lambda r: (r["year"], r["round"]))
DONE = [r for r in RACES if r["results"]]
last = DONE[-1]
assert (last["year"], last["round"], last["gp"]) == (2026, 11, "hungary"), last["dir"]

NOSTART = {"DNQ", "DNPQ", "EX", "DNS", "DNP"}


def sub(r, name):
    p = os.path.join(DATA, r["dir"], name)
    return load(os.path.join(r["dir"], name)) if os.path.exists(p) else None


def dname(i):
    return DRIVERS[i]["name"]


def cname(i):
    return CONS[i]["name"]


def gpname(r):
    return f'{r["year"]} {GPS[r["gp"]]["fullName"]}'


def uniq(xs):
    out = []
    for x in xs:
        if x and x not in out:
            out.append(x)
    return out


ALIASES = {"sergio-perez": ["Checo Pérez", "Checo Perez", "Checo"], "carlos-sainz-jr": ["Carlos Sainz"],
           "kimi-raikkonen": ["Kimi Räikkönen"], "michael-schumacher": ["M. Schumacher"]}

ALL_WINNERS = {row["driverId"] for r in DONE for row in r["results"] if row["position"] == 1}


def dacc(i, scope=None):
    """Accept list for a driver: display name, folded, aliases, surname if unique in scope."""
    d = DRIVERS[i]
    names = [d["name"]]
    if d["name"].endswith(" Jr."):
        names.append(d["name"][:-4])
    names += ALIASES.get(i, [])
    scope = set(scope if scope is not None else ALL_WINNERS) | {i}
    ln = d["lastName"]
    if sum(1 for j in scope if DRIVERS[j]["lastName"] == ln) == 1:
        names.append(ln)
    return uniq([y for x in names for y in (x, fold(x))])


def cacc(i):
    c = CONS[i]
    return uniq([c["name"], fold(c["name"]), c.get("fullName"), fold(c.get("fullName") or "")])


def surname(i):
    return fold(DRIVERS[i]["lastName"])


def top(counter, n=4, tie_ok=False):
    items = counter.most_common()
    if not tie_ok:
        assert len(items) < 2 or items[0][1] > items[1][1], f"tie at top: {items[:3]}"
    return items[:n]


def race(year, gp):
    xs = [r for r in RACES if r["year"] == year and r["gp"] == gp]
    assert len(xs) == 1, (year, gp, len(xs))
    return xs[0]


def pos(r, p, kind="race-results.yml"):
    rows = r["results"] if kind == "race-results.yml" else sub(r, kind)
    xs = [x for x in rows if x["position"] == p]
    assert len(xs) == 1, (r["dir"], p, kind)
    return xs[0]


def field(r):
    return {x["driverId"] for x in r["results"]}


def season_field(year):
    return {x["driverId"] for r in DONE if r["year"] == year for x in r["results"]}


def standings(year, kind="driver"):
    return load(f"seasons/{year}/{kind}-standings.yml")


def champion(year):
    s = standings(year)
    assert s[0]["position"] == 1 and s[1]["position"] != 1
    return s[0]


def starts(i):
    return [r for r in DONE for x in r["results"] if x["driverId"] == i and str(x["position"]) not in NOSTART]


def wins_of(i, pred=lambda r, x: True):
    return [r for r in DONE for x in r["results"] if x["driverId"] == i and x["position"] == 1 and pred(r, x)]


def podiums_of(i, year=None):
    return [r for r in DONE if year in (None, r["year"]) for x in r["results"]
            if x["driverId"] == i and x["position"] in (1, 2, 3)]


QUAL = {}


def pole(r):
    if r["dir"] not in QUAL:
        q = sub(r, "qualifying-results.yml") or []
        ps = [x["driverId"] for x in q if x["position"] == 1]
        if not ps:
            g = sub(r, "starting-grid-positions.yml") or []
            ps = [x["driverId"] for x in g if x["position"] == 1]
        QUAL[r["dir"]] = ps[0] if ps else None
    return QUAL[r["dir"]]


def poles_of(i):
    return sum(1 for r in DONE if pole(r) == i)


def titles(i):
    return [y for y in range(1950, 2026) if champion(y)["driverId"] == i]


def src_race(r, f="race-results.yml"):
    return f'{r["dir"]}/{f}'


RECS = []


def add(group, category, question, accept, note, source, accept_all=None, unavailable=False):
    rec = {"id": None, "category": category, "group": group, "question": question, "accept": accept if not unavailable else []}
    if accept_all:
        rec["accept_all"] = accept_all
    rec["expect_unavailable"] = unavailable
    rec["answer_note"] = note
    rec["source"] = source
    if not unavailable:
        assert accept, question
    RECS.append(rec)


ALLRR = ["seasons/*/races/*/race-results.yml"]

# ---------------------------------------------------------------- aggregate (12)
c = Counter(x["driverId"] for r in DONE if r["gp"] == "monaco" for x in r["results"] if x["position"] == 1)
t = top(c)
add("aggregate", "most_wins_at_gp", "whos got the most monaco gp wins of all time",
    dacc(t[0][0]), f"{dname(t[0][0])} with {t[0][1]} Monaco GP wins; next: "
    + ", ".join(f"{dname(a)} {b}" for a, b in t[1:]) + f" ({CUTOFF}).", ["seasons/*/races/*-monaco/race-results.yml"])

c = Counter(pole(r) for r in DONE if r["gp"] == "italy")
c.pop(None, None)
t = top(c)
add("aggregate", "most_poles_at_gp", "most pole positions at the italian grand prix, who holds that?",
    dacc(t[0][0]), f"{dname(t[0][0])} with {t[0][1]} Italian GP poles (qualifying P1); next: "
    + ", ".join(f"{dname(a)} {b}" for a, b in t[1:]) + f" ({CUTOFF}).",
    ["seasons/*/races/*-italy/qualifying-results.yml"])

w2012 = Counter(pos(r, 1)["driverId"] for r in DONE if r["year"] == 2012)
add("aggregate", "distinct_winners_season", "How many different drivers won a race in the 2012 season?",
    [str(len(w2012))], f"{len(w2012)} different winners in 2012: "
    + ", ".join(f"{dname(a)} {b}" for a, b in w2012.most_common()) + ".", ["seasons/2012/races/*/race-results.yml"])

c = Counter(x["constructorId"] for r in DONE if r["year"] == 1988 for x in r["results"] if x["position"] in (1, 2, 3))
t = top(c)
add("aggregate", "team_most_podiums_season", "which constructor had the most podium finishes in 1988?",
    cacc(t[0][0]), f"{cname(t[0][0])} with {t[0][1]} podium finishes (driver P1-P3 rows) in 1988; next: "
    + ", ".join(f"{cname(a)} {b}" for a, b in t[1:]) + ".", ["seasons/1988/races/*/race-results.yml"])

c = Counter(x["driverId"] for r in DONE if 1960 <= r["year"] <= 1969 for x in r["results"] if x["position"] == 1)
t = top(c)
add("aggregate", "most_wins_decade", "Across the 1960s (1960 to 1969), which driver won the most Grands Prix?",
    dacc(t[0][0]), f"{dname(t[0][0])} with {t[0][1]} wins in 1960-1969; next: "
    + ", ".join(f"{dname(a)} {b}" for a, b in t[1:]) + ".", ["seasons/196*/races/*/race-results.yml"])

c = Counter(x["driverId"] for r in DONE for x in r["results"] if str(x["position"]) not in NOSTART)
t = top(c)
add("aggregate", "most_starts", "who has started more formula 1 races than anyone else?",
    dacc(t[0][0], set(c)), f"{dname(t[0][0])} with {t[0][1]} Grand Prix starts (DNQ/DNPQ/EX/DNS/DNP excluded); next: "
    + ", ".join(f"{dname(a)} {b}" for a, b in t[1:]) + f" ({CUTOFF}).", ALLRR)

n = sum(1 for r in DONE if r["year"] == 2004 and pos(r, 1)["constructorId"] == "ferrari")
tot = sum(1 for r in DONE if r["year"] == 2004)
add("aggregate", "team_wins_season", "How many races did Ferrari win in 2004?", [str(n)],
    f"Ferrari won {n} of the {tot} races of 2004.", ["seasons/2004/races/*/race-results.yml"])

n = len([r for r in DONE if any(x["position"] == 1 and x["constructorId"] == "williams" for x in r["results"])])
add("aggregate", "team_career_wins", "total number of grand prix victories for williams?", [str(n)],
    f"Williams has {n} Grand Prix wins ({CUTOFF}).", ALLRR)

ages = []
for r in DONE:
    for x in r["results"]:
        if x["position"] == 1:
            dob = DRIVERS[x["driverId"]]["dateOfBirth"]
            ages.append(((r["race"]["date"] - dob).days, x["driverId"], r))
ages.sort(key=lambda a: a[0])
assert ages[0][0] < ages[1][0]
a0 = ages[0]
nxt = [a for a in ages if a[1] != a0[1]][0]
add("aggregate", "youngest_winner", "youngest driver ever to win an f1 race?", dacc(a0[1]),
    f"{dname(a0[1])}, {a0[0] // 365} years ({a0[0]} days) old at the {gpname(a0[2])} ({a0[2]['date']}); "
    f"next youngest other winner: {dname(nxt[1])} ({gpname(nxt[2])}).", ALLRR + ["drivers/*.yml"])

c = Counter((x["driverId"], r["year"]) for r in DONE for x in r["results"] if x["position"] == 1)
t = top(c)
(dw, yw), nw = t[0]
add("aggregate", "record_wins_in_season", "whats the record for most wins in one season, and who set it?",
    [str(nw)], f"{dname(dw)}: {nw} wins in {yw}; next: "
    + ", ".join(f"{dname(a)} {b} ({y})" for (a, y), b in t[1:]) + ". Number and driver required (accept_all).",
    ALLRR, accept_all=[str(nw), surname(dw)])

c = Counter(r["race"]["circuitId"] for r in DONE)
t = top(c)
CIRC = {k: load(f"circuits/{k}.yml") for k, _ in t}
cn = CIRC[t[0][0]]
add("aggregate", "circuit_most_races", "which track has held the most world championship grands prix?",
    uniq([cn["name"], fold(cn["name"]), cn.get("fullName"), cn.get("placeName")]),
    f"{cn['name']} ({cn.get('fullName')}, {cn.get('placeName')}) with {t[0][1]} races with results; next: "
    + ", ".join(f"{CIRC[a]['name']} {b}" for a, b in t[1:]) + f" ({CUTOFF}).", ALLRR[:0] + ["seasons/*/races/*/race.yml"])

w1982 = Counter(pos(r, 1)["driverId"] for r in DONE if r["year"] == 1982)
add("aggregate", "distinct_winners_season", "1982 was chaotic, how many different winners were there that year",
    [str(len(w1982))], f"{len(w1982)} different winners in 1982: "
    + ", ".join(f"{dname(a)} {b}" for a, b in w1982.most_common()) + ".", ["seasons/1982/races/*/race-results.yml"])

# ---------------------------------------------------------------- colloquial (11)
r = race(2025, "great-britain")
w = pos(r, 1)["driverId"]
add("colloquial", "relative_time", "who won silverstone last year", dacc(w, field(r)),
    f"\"Last year\" = 2025 (today 2026-12-04). {dname(w)} won the {gpname(r)} ({r['date']}); P2 "
    f"{dname(pos(r, 2)['driverId'])}, P3 {dname(pos(r, 3)['driverId'])}.", [src_race(r)])

n = len(wins_of("sergio-perez", lambda r, x: x["constructorId"] == "red-bull"))
tot = len(wins_of("sergio-perez"))
add("colloquial", "nickname", "how many races did checo win for red bull", [str(n)],
    f"\"Checo\" = Sergio Pérez: {n} wins with Red Bull (of {tot} career wins).", ALLRR)

n = poles_of("alain-prost")
add("colloquial", "nickname", "how many poles did the professor end up with in his career?", [str(n)],
    f"\"The Professor\" = Alain Prost: {n} pole positions (qualifying P1).", ["seasons/*/races/*/qualifying-results.yml"])

n = len(wins_of("max-verstappen", lambda r, x: r["year"] == 2022))
add("colloquial", "typo", "verstapen wins in 2022??", [str(n)],
    f"\"verstapen\" = Max Verstappen: {n} wins in 2022 (champion).", ["seasons/2022/races/*/race-results.yml"])

r = race(2026, "belgium")
w = pos(r, 1)["driverId"]
add("colloquial", "relative_time", "who won at spa this year?", dacc(w, field(r)),
    f"\"This year\" = 2026. {dname(w)} won the {gpname(r)} ({r['date']}, round {r['round']}); P2 "
    f"{dname(pos(r, 2)['driverId'])}, P3 {dname(pos(r, 3)['driverId'])}.", [src_race(r)])

r = race(2023, "azerbaijan")
w = pos(r, 1)["driverId"]
add("colloquial", "slang", "who took the W in baku back in 2023", dacc(w, field(r)),
    f"Baku = Azerbaijan GP. {dname(w)} won the {gpname(r)} ({r['date']}); P2 {dname(pos(r, 2)['driverId'])}.",
    [src_race(r)])

hp = sorted(podiums_of("nico-hulkenberg"), key=lambda r: (r["year"], r["round"]))
assert hp
r = hp[0]
add("colloquial", "typo", "when did hulkenburg finally get his first podium?",
    [GPS[r["gp"]]["fullName"], GPS[r["gp"]]["shortName"], "Silverstone" if r["gp"] == "great-britain" else GPS[r["gp"]]["name"]],
    f"\"hulkenburg\" = Nico Hülkenberg: first podium at the {gpname(r)} ({r['date']}), after {len([s for s in starts('nico-hulkenberg') if (s['year'], s['round']) < (r['year'], r['round'])])} earlier starts.",
    ALLRR, accept_all=[str(r["year"])])

ty = titles("kimi-raikkonen")
assert len(ty) == 1
add("colloquial", "nickname", "what year did the iceman win the championship", [str(ty[0])],
    f"\"The Iceman\" = Kimi Räikkönen: world champion in {ty[0]} (his only title).", ["seasons/*/driver-standings.yml"])

w = pos(last, 1)["driverId"]
add("colloquial", "relative_time", "who won the most recent race?", dacc(w, field(last)),
    f"The most recent race with results is the {gpname(last)} ({last['date']}, round 11); {dname(w)} won. Later "
    "2026 rounds have no results in the data.", [src_race(last)])

s = [x for x in standings(2025) if x["driverId"] == "fernando-alonso"][0]
add("colloquial", "relative_time", "alonso points tally last season?", [str(s["points"])],
    f"\"Last season\" = 2025: Fernando Alonso scored {s['points']} points, P{s['position']} in the drivers' standings.",
    ["seasons/2025/driver-standings.yml"])

tm = Counter(x["constructorId"] for r in DONE if r["year"] == 2026 for x in r["results"] if x["driverId"] == "carlos-sainz-jr")
assert len(tm) == 1
ct = list(tm)[0]
add("colloquial", "relative_time", "which team is sainz driving for this season", cacc(ct),
    f"\"This season\" = 2026: Carlos Sainz Jr. drives for {cname(ct)} ({tm[ct]} race entries up to round 11).",
    ["seasons/2026/races/*/race-results.yml"])

# ---------------------------------------------------------------- relational (10)


def mates(i, year, con):
    return sorted({x["driverId"] for r in DONE if r["year"] == year for x in r["results"]
                   if x["constructorId"] == con and x["driverId"] != i})


m = mates("jenson-button", 2009, "brawn")
assert len(m) == 1
add("relational", "teammate", "jenson button's teammate at brawn in 2009?", dacc(m[0], season_field(2009)),
    f"{dname(m[0])} (Brawn's only other driver in 2009).", ["seasons/2009/races/*/race-results.yml"])

r = race(1996, "monaco")
p = [pos(r, k)["driverId"] for k in (1, 2, 3)]
add("relational", "podium", "monaco 96 podium, who were the three?", dacc(p[2], field(r)),
    f"{gpname(r)} ({r['date']}): P1 {dname(p[0])}, P2 {dname(p[1])}, P3 {dname(p[2])}. All three names required.",
    [src_race(r)], accept_all=[surname(k) for k in p])

r = race(2021, "abu-dhabi")
p4 = pos(r, 4)["driverId"]
add("relational", "driver_at_position", "who finished 4th in the 2021 abu dhabi race?", dacc(p4, field(r)),
    f"{dname(p4)} finished P4 at the {gpname(r)} ({r['date']}); podium: "
    + ", ".join(dname(pos(r, k)["driverId"]) for k in (1, 2, 3)) + ".", [src_race(r)])

e = Counter(x["engineManufacturerId"] for r in DONE if r["year"] == 1988 for x in r["results"] if x["constructorId"] == "mclaren")
assert len(e) == 1
en = ENG[list(e)[0]]["name"]
add("relational", "team_engine", "mclaren's engine supplier in 1988", [en],
    f"{en} (every McLaren entry of 1988, {sum(e.values())} rows; Senna and Prost).", ["seasons/1988/races/*/race-results.yml"])

cs = standings(1998, "constructor")
assert cs[1]["position"] == 2
add("relational", "constructors_runner_up", "who were runners-up in the 1998 constructors' championship?",
    cacc(cs[1]["constructorId"]), f"{cname(cs[1]['constructorId'])} with {cs[1]['points']} points; champions "
    f"{cname(cs[0]['constructorId'])} ({cs[0]['points']}).", ["seasons/1998/constructor-standings.yml"])

m = mates("damon-hill", 1996, "williams")
assert len(m) == 1
add("relational", "teammate", "Who partnered Damon Hill at Williams in his title season?", dacc(m[0], season_field(1996)),
    f"Damon Hill's title season = 1996 (champion: {dname(champion(1996)['driverId'])}). Team-mate: {dname(m[0])}.",
    ["seasons/1996/races/*/race-results.yml", "seasons/1996/driver-standings.yml"])

rb = defaultdict(list)
for r in DONE:
    if r["year"] == 2025:
        for x in r["results"]:
            if x["constructorId"] == "red-bull":
                rb[x["driverId"]].append(r["round"])
assert set(rb) == {"max-verstappen", "liam-lawson", "yuki-tsunoda"}, rb
assert max(rb["liam-lawson"]) < min(rb["yuki-tsunoda"])
add("relational", "replacement", "after red bull dropped lawson in 2025, who got his seat?", dacc("yuki-tsunoda", season_field(2025)),
    f"Yuki Tsunoda: Red Bull from round {min(rb['yuki-tsunoda'])}; Liam Lawson raced rounds "
    f"{min(rb['liam-lawson'])}-{max(rb['liam-lawson'])} alongside Max Verstappen.", ["seasons/2025/races/*/race-results.yml"])

r = race(2008, "singapore")
pl = pole(r)
add("relational", "pole", "who was on pole for the first singapore night race in 2008?", dacc(pl, field(r)),
    f"{dname(pl)} took pole (qualifying P1) for the {gpname(r)} ({r['date']}); winner {dname(pos(r, 1)['driverId'])}.",
    [src_race(r, "qualifying-results.yml")])

s = standings(2025)
assert s[3]["position"] == 4 and s[2]["driverId"] == "oscar-piastri"
add("relational", "standings_neighbour", "who ended up right behind piastri in the 2025 drivers standings",
    dacc(s[3]["driverId"], season_field(2025)), f"Oscar Piastri was P3 ({s[2]['points']}); P4 {dname(s[3]['driverId'])} "
    f"({s[3]['points']}).", ["seasons/2025/driver-standings.yml"])

hl = sorted({x["driverId"] for r in DONE if r["year"] == 2016 for x in r["results"] if x["constructorId"] == "haas"})
assert len(hl) == 2, hl
add("relational", "team_lineup", "haas drivers in their first season?", dacc(hl[0], season_field(2016)),
    f"Haas debuted in 2016 with {dname(hl[0])} and {dname(hl[1])}. Both names required.",
    ["seasons/2016/races/*/race-results.yml"], accept_all=[surname(k) for k in hl])

# ---------------------------------------------------------------- career_history (8)
vw = sorted(wins_of("sebastian-vettel"), key=lambda r: (r["year"], r["round"]))[0]
vx = pos(vw, 1)
add("career_history", "first_win", "Where did Sebastian Vettel take his first Grand Prix win?",
    [GPS[vw["gp"]]["fullName"], GPS[vw["gp"]]["shortName"], "Monza" if vw["gp"] == "italy" else GPS[vw["gp"]]["name"]],
    f"The {gpname(vw)} ({vw['date']}) with {cname(vx['constructorId'])}.", ALLRR, accept_all=[str(vw["year"])])

ty = titles("alberto-ascari")
add("career_history", "title_count", "how many titles did alberto ascari win", [str(len(ty))],
    f"{len(ty)} drivers' titles: {', '.join(map(str, ty))}.", ["seasons/*/driver-standings.yml"])

fy = [y for y in range(1958, 2026) if standings(y, "constructor")[0]["constructorId"] == "red-bull"]
add("career_history", "first_team_title", "first constructors title for red bull racing, what year?", [str(fy[0])],
    f"{fy[0]}; Red Bull constructors' titles: {', '.join(map(str, fy))}.", ["seasons/*/constructor-standings.yml"])

n = len(wins_of("mika-hakkinen"))
add("career_history", "career_wins_history", "Mika Häkkinen's total career wins?", [str(n)],
    f"Mika Häkkinen won {n} Grands Prix (titles {', '.join(map(str, titles('mika-hakkinen')))}).", ALLRR)

ty = titles("michael-schumacher")
y0 = ty[0]
tm = Counter(x["constructorId"] for r in DONE if r["year"] == y0 for x in r["results"] if x["driverId"] == "michael-schumacher")
assert len(tm) == 1
add("career_history", "title_team", "michael schumacher's first world title came with which team?", cacc(list(tm)[0]),
    f"{y0} with {cname(list(tm)[0])}; all titles: {', '.join(map(str, ty))}.",
    [f"seasons/{y0}/driver-standings.yml", f"seasons/{y0}/races/*/race-results.yml"])

fin = [(y, champion(y)["driverId"]) for y in range(1950, 2026) if DRIVERS[champion(y)["driverId"]]["nationalityCountryId"] == "finland"]
add("career_history", "record_first", "who was the first finnish f1 champion?", dacc(fin[0][1]),
    f"{dname(fin[0][1])} in {fin[0][0]}; Finnish titles: " + ", ".join(f"{y} {dname(d)}" for y, d in fin) + ".",
    ["seasons/*/driver-standings.yml", "drivers/*.yml"])

ty = titles("jenson-button")
assert len(ty) == 1
add("career_history", "title_year", "Which year was Jenson Button crowned world champion?", [str(ty[0])],
    f"{ty[0]} (Brawn).", ["seasons/*/driver-standings.yml"])

n = poles_of("nigel-mansell")
add("career_history", "career_poles", "How many pole positions did Nigel Mansell get in his career?", [str(n)],
    f"Nigel Mansell: {n} poles (qualifying P1).", ["seasons/*/races/*/qualifying-results.yml"])

# ---------------------------------------------------------------- comparative (7)
a, b = poles_of("ayrton-senna"), poles_of("alain-prost")
assert a != b
add("comparative", "career_difference", "senna vs prost in career poles, who had more and by how many?", [str(abs(a - b))],
    f"Ayrton Senna {a} vs Alain Prost {b}: {'Senna' if a > b else 'Prost'} by {abs(a - b)}. Name and margin required.",
    ["seasons/*/races/*/qualifying-results.yml"], accept_all=["Senna" if a > b else "Prost", str(abs(a - b))])

w25 = {k: len(wins_of(k, lambda r, x: r["year"] == 2025)) for k in ("lando-norris", "oscar-piastri")}
s = {x["driverId"]: x["points"] for x in standings(2025)}
a, b = s["lando-norris"], s["oscar-piastri"]
assert a != b
lead = "Norris" if a > b else "Piastri"
add("comparative", "points_comparison", "mclaren teammates last year, norris v piastri - who finished ahead and by how many pts",
    [str(abs(a - b))], f"\"Last year\" = 2025. Lando Norris {a} vs Oscar Piastri {b} points: {lead} by {abs(a - b)} "
    f"(wins: Norris {w25['lando-norris']}, Piastri {w25['oscar-piastri']}). Name and margin required.",
    ["seasons/2025/driver-standings.yml"], accept_all=[lead, str(abs(a - b))])

a = sum(1 for r in DONE if r["year"] == 2007 and pos(r, 1)["constructorId"] == "ferrari")
b = sum(1 for r in DONE if r["year"] == 2007 and pos(r, 1)["constructorId"] == "mclaren")
assert a != b
add("comparative", "team_wins_comparison", "2007: ferrari wins vs mclaren wins?", [str(a)],
    f"Ferrari {a} wins, McLaren {b} wins in 2007. Both numbers required.", ["seasons/2007/races/*/race-results.yml"],
    accept_all=[str(a), str(b)])

s = {x["driverId"]: x["points"] for x in standings(2016)}
a, b = s["nico-rosberg"], s["lewis-hamilton"]
assert a != b
mg = abs(a - b)
add("comparative", "points_comparison", "How many points did Rosberg beat Hamilton by in 2016?", [str(mg)],
    f"Nico Rosberg {a} vs Lewis Hamilton {b}: margin {mg}.", ["seasons/2016/driver-standings.yml"])

a, b = len(wins_of("sebastian-vettel")), len(wins_of("fernando-alonso"))
add("comparative", "career_difference", "difference between vettel's and alonso's career win totals", [str(abs(a - b))],
    f"Sebastian Vettel {a} vs Fernando Alonso {b}: {abs(a - b)} more for {'Vettel' if a > b else 'Alonso'}.", ALLRR)

a, b = len(podiums_of("charles-leclerc", 2024)), len(podiums_of("carlos-sainz-jr", 2024))
assert a != b
lead = "Leclerc" if a > b else "Sainz"
add("comparative", "podiums_comparison", "ferrari 2024, leclerc or sainz with more podiums?", [str(max(a, b))],
    f"Charles Leclerc {a} Grand Prix podiums vs Carlos Sainz Jr. {b} in 2024 (sprints not counted): {lead}. "
    "Name and leader's count required.", ["seasons/2024/races/*/race-results.yml"], accept_all=[lead, str(max(a, b))])

s = {x["constructorId"]: x["points"] for x in standings(1995, "constructor")}
a, b = s["benetton"], s["williams"]
assert a > b
add("comparative", "team_comparison", "benetton vs williams constructors points 1995 - gap?", [str(a - b)],
    f"Benetton {a} vs Williams {b}: Benetton by {a - b}.", ["seasons/1995/constructor-standings.yml"])

# ---------------------------------------------------------------- multi_part (6)
r = race(2012, "europe")
w, pl = pos(r, 1)["driverId"], pole(r)
assert w != pl
wg = pos(r, 1)["gridPosition"]
add("multi_part", "winner_and_pole", "valencia 2012: who won, and who had started on pole?", dacc(w, field(r)),
    f"{gpname(r)} ({r['date']}): winner {dname(w)} (from grid P{wg}); pole {dname(pl)}. Both names required.",
    [src_race(r), src_race(r, "qualifying-results.yml")], accept_all=[surname(w), surname(pl)])

n = len(wins_of("niki-lauda", lambda r, x: r["year"] == 1976))
sp = [x for x in standings(1976) if x["driverId"] == "niki-lauda"][0]
add("multi_part", "wins_and_position", "lauda in 1976: number of wins and where did he finish in the championship?", [str(n)],
    f"Niki Lauda won {n} races in 1976 and finished P{sp['position']} ({sp['points']} points; champion "
    f"{dname(champion(1976)['driverId'])}). Both numbers required.", ["seasons/1976/races/*/race-results.yml",
    "seasons/1976/driver-standings.yml"], accept_all=[str(n), str(sp["position"])])

s = standings(2026)
assert s[0]["position"] == 1 and s[1]["points"] < s[0]["points"]
add("multi_part", "standings_leader", "who leads the championship right now and on how many points?",
    dacc(s[0]["driverId"], season_field(2026)), f"After round 11 (2026 Hungarian GP, the last race with results) "
    f"{dname(s[0]['driverId'])} leads with {s[0]['points']} points; P2 {dname(s[1]['driverId'])} {s[1]['points']}. "
    "Name and points required.", ["seasons/2026/driver-standings.yml"], accept_all=[str(s[0]["points"])])

ch = champion(2005)
add("multi_part", "champion_and_points", "2005 world champ + his points total?", dacc(ch["driverId"]),
    f"{dname(ch['driverId'])}, {ch['points']} points. Name and points required.", ["seasons/2005/driver-standings.yml"],
    accept_all=[str(ch["points"])])

r = race(2024, "monaco")
w = pos(r, 1)["driverId"]
fl = pos(r, 1, "fastest-laps.yml")
add("multi_part", "winner_and_fastest_lap", "monaco 2024 winner and who set fastest lap", dacc(w, field(r)),
    f"{gpname(r)} ({r['date']}): winner {dname(w)}; fastest lap {dname(fl['driverId'])} ({fl['time']}, lap {fl['lap']}). "
    "Both names required.", [src_race(r), src_race(r, "fastest-laps.yml")],
    accept_all=[surname(w), surname(fl["driverId"])])

nr = sum(1 for r in DONE if r["year"] == 2021)
hw = len(wins_of("lewis-hamilton", lambda r, x: r["year"] == 2021))
add("multi_part", "two_counts", "how many races were there in 2021 and how many did hamilton win", [str(nr)],
    f"{nr} races in 2021; Lewis Hamilton won {hw}. Both numbers required.", ["seasons/2021/races/*/race-results.yml"],
    accept_all=[str(nr), str(hw)])

# ---------------------------------------------------------------- unavailable (6)
r = race(2026, "italy")
assert r["results"] is None
add("unavailable", "future_unavailable", "who won monza this year?", [],
    f"The 2026 Italian GP (round {r['round']}, {r['date']}) has no results in the data (cutoff: 2026 Hungarian GP, "
    "round 11). The reply must say the result is not available.", [f"{r['dir']}/race.yml"], unavailable=True)

r = race(2020, "italy")
add("unavailable", "no_data", "what was hamilton's top speed through the speed trap at monza 2020?", [],
    f"f1db stores no speed-trap or telemetry data (it has results, lap/qualifying times, pit stops). "
    f"Hamilton finished P{pos_h if (pos_h := [x for x in r['results'] if x['driverId'] == 'lewis-hamilton'][0]['position']) else '?'} "
    "in that race, but the reply must say the top speed is not in the data.", [src_race(r)], unavailable=True)

assert not starts("frederik-vesti") and not any(x["driverId"] == "frederik-vesti" for r in DONE for x in r["results"])
add("unavailable", "never_raced", "how many f1 points has frederik vesti scored in races?", [],
    "Frederik Vesti has never started a Grand Prix: f1db has him only in entrants and FP1 sessions. The reply should "
    "say he has not raced (0 starts), rather than invent a points total.", ["drivers/frederik-vesti.yml",
    "seasons/*/entrants.yml"], unavailable=True)

assert not [r for r in RACES if r["year"] == 2023 and r["gp"] == "emilia-romagna"]
add("unavailable", "not_held", "who won imola in 2023", [],
    "The 2023 Emilia Romagna GP was not held (cancelled); it is not among the "
    f"{sum(1 for r in DONE if r['year'] == 2023)} rounds of 2023 in the data. The reply must say it was not held.",
    ["seasons/2023/races"], unavailable=True)

r = race(2026, "singapore")
assert r["results"] is None and not sub(r, "qualifying-results.yml")
add("unavailable", "future_unavailable", "singapore qualy this year - who got pole?", [],
    f"The 2026 Singapore GP (round {r['round']}, {r['date']}) has no qualifying or race results in the data. "
    "The reply must say it is not available.", [f"{r['dir']}/race.yml"], unavailable=True)

add("unavailable", "no_data", "what was the crowd attendance at the 2019 british gp?", [],
    "f1db does not store attendance figures. The reply should say the data does not have it (race facts such as "
    f"the winner, {dname(pos(race(2019, 'great-britain'), 1)['driverId'])}, may be added as context).",
    [src_race(race(2019, "great-britain"))], unavailable=True)

# ---------------------------------------------------------------- finish
want = {"aggregate": 12, "colloquial": 11, "relational": 10, "career_history": 8, "comparative": 7,
        "multi_part": 6, "unavailable": 6}
got = Counter(x["group"] for x in RECS)
assert got == Counter(want), got
for rec in RECS:
    if rec.get("accept_all") is None:
        rec.pop("accept_all", None)


def norm(s):
    return fold(s).lower()


def match(reply, s):
    import re
    r, s = norm(reply), norm(s)
    if s.isdigit():
        return re.search(r"(?<![\d.])" + re.escape(s) + r"(?![\d]|\.\d)", r) is not None
    return s in r


for rec in RECS:  # self-check: answer_note passes its own grading
    if not rec["expect_unavailable"]:
        assert any(match(rec["answer_note"], a) for a in rec["accept"]), rec
        assert all(match(rec["answer_note"], a) for a in rec.get("accept_all", [])), rec

random.seed(SEED)
random.shuffle(RECS)
for k, rec in enumerate(RECS, 1):
    rec["id"] = f"fbv-{k:03d}"
RECS.sort(key=lambda x: x["id"])
with open(OUT, "w", encoding="utf-8") as f:
    for rec in RECS:
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
print(f"wrote {len(RECS)} records to {OUT}: {dict(got)}")
