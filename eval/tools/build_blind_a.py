#!/usr/bin/env python3
"""Build /work/main/eval/fan-qa-blind-a.jsonl: 100 blind fan questions with f1db ground truth.

Every answer is computed here from the f1db YAML (read-only). Definitions:
  win     = race-results position 1 (sprints never count; shared 1950s cars count for both drivers)
  podium  = race-results position 1-3
  pole    = qualifying-results P1 (starting-grid P1 checked where a pole count/name is the answer)
  start   = a race-results row whose position is not DNQ/DNPQ/DNP/EX/DNS
  titles  = P1 of seasons/<y>/driver-standings.yml (1950-2025) / constructor-standings.yml (1958-2025)
  today   = 2026-12-03; last race with results = 2026 Hungarian GP (round 11)
Run:  cd /work/main/eval/tools && python3 build_blind_a.py
"""
import json
import os
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from f1stats import (D, C, S, db, races, rows, pos, winners, pole, podium, dname, cname, fold,  # noqa: E402
                     count_by, race_label, started, driver_races)

OUT = "/work/main/eval/fan-qa-blind-a.jsonl"
RECORDS = []

# ----------------------------------------------------------------------------------------------- names
ALIASES = {
    "sergio-perez": ["Checo", "Checo Perez"],
    "kevin-magnussen": ["KMag", "K-Mag"],
    "nico-hulkenberg": ["Hulk", "Hulkenberg"],
    "kimi-raikkonen": ["Raikkonen", "Iceman"],
    "lewis-hamilton": ["Sir Lewis"],
    "kimi-antonelli": ["Andrea Kimi Antonelli"],
    "carlos-sainz-jr": ["Carlos Sainz", "Sainz"],
    "alain-prost": ["The Professor"],
    "nigel-mansell": ["Il Leone"],
    "daniel-ricciardo": ["Danny Ric", "Honey Badger"],
    "alexander-albon": ["Alex Albon"],
    "nino-farina": ["Giuseppe Farina"],
    "mika-hakkinen": ["Hakkinen"],
    "michael-schumacher": ["M. Schumacher"],
    "fernando-alonso": ["El Nano"],
    "jackie-stewart": ["Sir Jackie"],
}
WINNERS = sorted({w for r in races() for w in winners(r)})


def norm(s):
    return fold(s).lower()


def surname(did):
    return D[did]["lastName"].replace(" Jr.", "")


def names(did, scope=WINNERS, surname_ok=None):
    """f1db display name, accent-folded form, aliases, surname if unambiguous in scope."""
    out = [D[did]["name"], fold(D[did]["name"])]
    out += ALIASES.get(did, [])
    ln = surname(did)
    if surname_ok is None:
        others = [d for d in set(scope) | {did} if d != did and norm(surname(d)) == norm(ln)]
        surname_ok = not others
    if surname_ok:
        out += [ln, fold(ln)]
    seen, res = set(), []
    for s in out:
        if s not in seen:
            seen.add(s)
            res.append(s)
    return res


def key_name(did, scope=WINNERS):
    """the string used in accept_all: surname if unambiguous, else full name."""
    ln = surname(did)
    others = [d for d in set(scope) | {did} if d != did and norm(surname(d)) == norm(ln)]
    return fold(ln) if not others else fold(D[did]["name"])


def field(r):
    return sorted({x["driverId"] for x in rows(r)})


def season_field(y):
    return sorted({x["driverId"] for r in races(y) for x in rows(r)})


def gp_name(r):
    return db["grands_prix"][r["grandPrixId"]]["fullName"]


def find_race(year, gp=None, slug_part=None):
    for r in S[year]["races"]:
        if gp and r["grandPrixId"] == gp:
            return r
        if slug_part and slug_part in r["slug"]:
            return r
    raise KeyError((year, gp, slug_part))


def src(r, kind="race-results"):
    return f"{r['path']}/{kind}.yml"


def grid_p1(r):
    return [x["driverId"] for x in pos(r, 1, "starting-grid-positions")]


def at(r, p):
    return [x["driverId"] for x in pos(r, p)]


def standings(y, kind="driver"):
    return S[y][f"{kind}-standings"]


def champion(y):
    return standings(y)[0]["driverId"]


def age_str(born, date):
    y = date.year - born.year - ((date.month, date.day) < (born.month, born.day))
    last_bd = born.replace(year=born.year + y)
    return f"{y} years {(date - last_bd).days} days"


def ordinal(n):
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def Q(group, category, question, accept, note, source, accept_all=None, unavailable=False):
    rec = {"category": category, "group": group, "question": question,
           "accept": [] if unavailable else accept}
    if accept_all:
        rec["accept_all"] = accept_all
    rec["expect_unavailable"] = unavailable
    rec["answer_note"] = note
    rec["source"] = source if isinstance(source, list) else [source]
    RECORDS.append(rec)


def season_stats(did, year):
    rs = races(year)
    wins = sum(1 for r in rs if did in winners(r))
    poles = sum(1 for r in rs if did in pole(r))
    gpoles = sum(1 for r in rs if did in grid_p1(r))
    pods = sum(1 for r in rs if any(did in p for p in podium(r)))
    return wins, poles, gpoles, pods


WINS = count_by("race-results")
POLES = count_by("qualifying-results")
GPOLES = count_by("starting-grid-positions")
PODS = count_by("race-results", positions=(1, 2, 3))
R26 = races(2026)
LAST = R26[-1]
assert LAST["round"] == 11 and LAST["grandPrixId"] == "hungary"

# =========================================================================================== AGGREGATE (22)
G = "aggregate"

# 1 most Monaco GP wins
c = Counter(w for r in races() if r["grandPrixId"] == "monaco" for w in winners(r))
(top, n), (sec, n2) = c.most_common(2)
assert n > n2
Q(G, "most_wins_gp", "who has won the most monaco grands prix?", names(top),
  f"{dname(top)} has the most Monaco Grand Prix wins with {n}; next {dname(sec)} and "
  f"{', '.join(dname(d) for d, v in c.items() if v == n2 and d != sec)} with {n2}.",
  "seasons/*/races/*-monaco/race-results.yml")

# 2 most wins at Circuit de Barcelona-Catalunya (circuit, not GP name)
cat = [r for r in races() if r["circuitId"] == "catalunya"]
c = Counter(w for r in cat for w in winners(r))
(top, n), (sec, n2) = c.most_common(2)
assert n > n2
hw = [f"{r['year']} {gp_name(r)}" for r in cat if top in winners(r)]
Q(G, "most_wins_circuit", "Which driver has won the most races at the Circuit de Barcelona-Catalunya?",
  names(top),
  f"{dname(top)} has {n} wins at the Circuit de Barcelona-Catalunya ({'; '.join(hw)}); "
  f"{dname(sec)} is next with {n2}. Counted by circuit (circuitId catalunya), so the 2026 Barcelona-Catalunya "
  f"Grand Prix counts alongside the Spanish Grands Prix held there.",
  "seasons/*/races/*/race-results.yml (circuitId catalunya in race.yml)")

# 3 distinct winners 1982
w82 = sorted({w for r in races(1982) for w in winners(r)}, key=dname)
Q(G, "distinct_count", "How many different drivers won a Grand Prix in 1982?", [str(len(w82))],
  f"{len(w82)} different drivers won races in 1982: {', '.join(dname(d) for d in w82)}.",
  "seasons/1982/races/*/race-results.yml")

# 4 youngest pole sitter
ps = []
for r in races():
    for d in pole(r):
        ps.append(((r["date"] - D[d]["dateOfBirth"]).days, d, r))
ps.sort(key=lambda t: t[0])
_, yd, yr = ps[0]
assert grid_p1(yr) == [yd]
second_other = next(t for t in ps if t[1] != yd)
Q(G, "youngest", "who is the youngest driver ever to get pole position in f1?", names(yd),
  f"{dname(yd)} at the {race_label(yr)}, aged {age_str(D[yd]['dateOfBirth'], yr['date'])} "
  f"(qualifying P1 and grid P1). Youngest other pole sitter: {dname(second_other[1])} "
  f"({race_label(second_other[2])}).",
  ["seasons/*/races/*/qualifying-results.yml", "drivers/*.yml"])

# 5 most fastest laps
c = count_by("fastest-laps")
(top, n), (sec, n2) = c.most_common(2)
Q(G, "record", "who's got the most fastest laps of all time", names(top),
  f"{dname(top)} with {n} fastest laps (fastest-laps.yml P1); {dname(sec)} is second with {n2}.",
  "seasons/*/races/*/fastest-laps.yml")

# 6 most podiums without a win
nw = [(v, d) for d, v in PODS.items() if WINS[d] == 0]
nw.sort(reverse=True)
assert nw[0][0] > nw[1][0]
Q(G, "record", "which driver has the most podiums without ever winning a race", names(nw[0][1]),
  f"{dname(nw[0][1])}: {nw[0][0]} podiums and no wins; next {dname(nw[1][1])} with {nw[1][0]}.",
  "seasons/*/races/*/race-results.yml")

# 7 most constructors' titles
ct = Counter(standings(y, "constructor")[0]["constructorId"] for y in range(1958, 2026))
(top, n), (sec, n2) = ct.most_common(2)
Q(G, "titles_count", "Which team has won the most constructors' championships?", [cname(top), "Scuderia Ferrari"],
  f"{cname(top)} with {n} constructors' titles (1958-2025); {cname(sec)} next with {n2}. 2026 is undecided.",
  "seasons/*/constructor-standings.yml")

# 8 Ferrari wins 2004
r04 = races(2004)
fw = sum(1 for r in r04 for x in pos(r, 1) if x["constructorId"] == "ferrari")
Q(G, "season_count", "How many races did Ferrari win in 2004? That car was unreal", [str(fw)],
  f"Ferrari won {fw} of the {len(r04)} Grands Prix in 2004 "
  f"(Michael Schumacher {season_stats('michael-schumacher', 2004)[0]}, "
  f"Rubens Barrichello {season_stats('rubens-barrichello', 2004)[0]}).",
  "seasons/2004/races/*/race-results.yml")

# 9 lowest grid position for a win
lg = sorted([(x["gridPosition"], x["driverId"], r) for r in races() for x in pos(r, 1) if x.get("gridPosition")],
            key=lambda t: -t[0])
g, wd, wr = lg[0]
assert lg[1][0] < g
Q(G, "record", "whats the furthest back on the grid someone has started from and still won a gp?",
  [str(g)],
  f"{ordinal(g)} on the grid: {dname(wd)} won the {race_label(wr)} from {ordinal(g)} ({g}). Next: "
  f"{dname(lg[1][1])} from {ordinal(lg[1][0])} at the {race_label(lg[1][2])}.",
  "seasons/*/races/*/race-results.yml (gridPosition of position 1)", accept_all=[fold(surname(wd))])

# 10 most starts for Ferrari
c = Counter(x["driverId"] for r in races() for x in rows(r) if x["constructorId"] == "ferrari" and started(x))
(top, n), (sec, n2) = c.most_common(2)
Q(G, "team_record", "which driver has the most starts for ferrari ever?", names(top),
  f"{dname(top)} with {n} race starts for Ferrari; {dname(sec)} is second with {n2} (as of the 2026 Hungarian GP). "
  f"A start = a race-results row that is not DNQ/DNPQ/DNP/EX/DNS.",
  "seasons/*/races/*/race-results.yml")

# 11 races at Spa
spa = [r for r in races() if r["circuitId"] == "spa-francorchamps"]
Q(G, "count_circuit", "how many times has spa hosted an f1 race?", [str(len(spa))],
  f"Spa-Francorchamps has hosted {len(spa)} world championship races with results, from {spa[0]['year']} to "
  f"{spa[-1]['year']} (all Belgian Grands Prix; includes the 2026 Belgian GP).",
  "seasons/*/races/*/race.yml (circuitId spa-francorchamps)")

# 12 circuit with most races
cc = Counter(r["circuitId"] for r in races())
(top, n), (sec, n2) = cc.most_common(2)
Q(G, "most_races_circuit", "what track has hosted the most f1 world championship races",
  ["Monza", db["circuits"][top]["fullName"]],
  f"{db['circuits'][top]['fullName']} ({db['circuits'][top]['name']}) with {n} races; "
  f"{db['circuits'][sec]['name']} is second with {n2}.",
  "seasons/*/races/*/race.yml")
assert top == "monza"

# 13 longest consecutive win streak
streak, best, first = Counter(), [], {}
prev = None
for r in races():
    ws = set(winners(r))
    for d in list(streak):
        if d not in ws:
            best.append((streak[d], d, (first[d], prev)))
            del streak[d]
    for d in ws:
        if streak[d] == 0:
            first[d] = r
        streak[d] += 1
    prev = r
best += [(v, d, (first[d], prev)) for d, v in streak.items()]
best.sort(key=lambda t: -t[0])
assert best[0][0] > best[1][0]
Q(G, "record", "What's the record for most consecutive race wins and who holds it?", names(best[0][1]),
  f"{dname(best[0][1])} with {best[0][0]} wins in a row, from the {race_label(best[0][2][0])} to the "
  f"{race_label(best[0][2][1])}; "
  f"next best {best[1][0]} ({dname(best[1][1])}).",
  "seasons/*/races/*/race-results.yml", accept_all=[str(best[0][0])])

# 14 most wins in a season without the title
lst = []
for y in range(1950, 2026):
    c = Counter(w for r in races(y) for w in winners(r))
    for d, v in c.items():
        if d != champion(y):
            lst.append((v, y, d))
lst.sort(key=lambda t: -t[0])
assert lst[0][0] > lst[1][0]
v, y, d = lst[0]
Q(G, "record", "most wins by someone in a season where they didnt win the championship?", names(d),
  f"{dname(d)} won {v} races in {y} but lost the title to {dname(champion(y))}. Next: {lst[1][0]} "
  f"({dname(lst[1][2])} {lst[1][1]}).",
  ["seasons/*/races/*/race-results.yml", "seasons/*/driver-standings.yml"], accept_all=[str(y)])

# 15 grand slams
gs = Counter(x["driverId"] for r in races() for x in rows(r) if x.get("grandSlam"))
(top, n), (sec, n2) = gs.most_common(2)
assert n > n2
Q(G, "record", "Who has the most grand slams (pole, win, fastest lap and led every lap)?", names(top),
  f"{dname(top)} with {n} grand slams (f1db grandSlam flag); {', '.join(dname(d) for d, v in gs.items() if v == n2)} "
  f"have {n2}.",
  "seasons/*/races/*/race-results.yml (grandSlam)")

# 16 most wins for McLaren
c = Counter(x["driverId"] for r in races() for x in pos(r, 1) if x["constructorId"] == "mclaren")
(top, n), (sec, n2) = c.most_common(2)
Q(G, "team_record", "Who is McLaren's most successful driver in terms of race wins?", names(top),
  f"{dname(top)} won {n} races for McLaren; {dname(sec)} won {n2}.", "seasons/*/races/*/race-results.yml")

# 17 distinct pole sitters 2026
w26 = sorted({d for r in R26 for d in winners(r)}, key=dname)
Q(G, "distinct_count", "How many different drivers have won a Grand Prix so far this season?", [str(len(w26))],
  f"{len(w26)} different winners in the 11 rounds of 2026 with results: "
  f"{', '.join(f'{dname(d)} ({sum(1 for r in R26 if d in winners(r))})' for d in w26)}. Sprints not counted.",
  "seasons/2026/races/*/race-results.yml")

# 18 youngest champion
ch = []
for y in range(1950, 2026):
    d = champion(y)
    last = races(y)[-1]["date"]
    ch.append(((last - D[d]["dateOfBirth"]).days, y, d, last))
ch.sort()
_, y, d, last = ch[0]
Q(G, "youngest", "Who is the youngest world champion in F1 history?", names(d),
  f"{dname(d)}, {y} champion, aged {age_str(D[d]['dateOfBirth'], last)} at the final race of {y} ({last}). "
  f"Next youngest: {dname(ch[1][2])} ({ch[1][1]}).",
  ["seasons/*/driver-standings.yml", "drivers/*.yml"])

# 19 most points in a season
pts = sorted([(x["points"], y, x["driverId"]) for y in range(1950, 2027) for x in standings(y)], key=lambda t: -t[0])
p, y, d = pts[0]
Q(G, "record", "what's the most points anyone has scored in a single season", [str(p)],
  f"{p} points, {dname(d)} in {y}; next {pts[1][0]} ({dname(pts[1][2])} {pts[1][1]}).",
  "seasons/*/driver-standings.yml", accept_all=[fold(surname(d))])

# 20 Finnish driver with most wins
fin = sorted([(WINS[d], d) for d in D if D[d]["nationalityCountryId"] == "finland" and WINS[d]], reverse=True)
Q(G, "nationality", "Which Finnish driver has won the most Grands Prix?", names(fin[0][1]),
  "Finnish race winners: " + ", ".join(f"{dname(d)} {v}" for v, d in fin) + ".",
  ["seasons/*/races/*/race-results.yml", "drivers/*.yml"])

# 21 distinct constructor winners 2012
c12 = sorted({x["constructorId"] for r in races(2012) for x in pos(r, 1)})
Q(G, "distinct_count", "how many different teams won a race in 2012", [str(len(c12))],
  f"{len(c12)} constructors won races in 2012: {', '.join(cname(c) for c in c12)}.",
  "seasons/2012/races/*/race-results.yml")

# 22 most wins in the 1950s
c = Counter(w for y in range(1950, 1960) for r in races(y) for w in winners(r))
c_solo = Counter(x["driverId"] for y in range(1950, 1960) for r in races(y) for x in pos(r, 1) if not x.get("sharedCar"))
(top, n), (sec, n2) = c.most_common(2)
assert c_solo.most_common(1)[0][0] == top
Q(G, "decade", "Who won the most races in the 1950s?", names(top),
  f"{dname(top)} with {n} wins 1950-1959 ({c_solo[top]} not counting shared-car wins); {dname(sec)} next with "
  f"{n2}. Indianapolis 500s are part of the championship in f1db.",
  "seasons/195*/races/*/race-results.yml")

# =========================================================================================== RELATIONAL (16)
G = "relational"


def team_drivers(year, ctor):
    seen = []
    for r in races(year):
        for x in rows(r):
            if x["constructorId"] == ctor and started(x) and x["driverId"] not in seen:
                seen.append(x["driverId"])
    return seen


# 1 Senna team-mate McLaren 1990
t = team_drivers(1990, "mclaren")
assert len(t) == 2 and "ayrton-senna" in t
mate = [d for d in t if d != "ayrton-senna"][0]
Q(G, "teammate", "Who was Ayrton Senna's team-mate at McLaren in 1990?", names(mate, season_field(1990)),
  f"{dname(mate)} partnered Ayrton Senna at McLaren in every 1990 race.", "seasons/1990/races/*/race-results.yml")

# 2 Brawn 2009 line-up
t = team_drivers(2009, "brawn")
assert len(t) == 2
Q(G, "lineup", "who drove for brawn gp in 2009", names(t[0], season_field(2009)),
  f"Brawn GP's 2009 drivers: {dname(t[0])} and {dname(t[1])} (both names required).",
  "seasons/2009/races/*/race-results.yml", accept_all=[key_name(d, season_field(2009)) for d in t])

# 3 podium 2026 Austria
r = find_race(2026, "austria")
pd = [p[0] for p in podium(r)]
Q(G, "podium", "Who was on the podium at the Austrian GP this year?", names(pd[0], field(r)),
  f"{race_label(r)}: P1 {dname(pd[0])}, P2 {dname(pd[1])}, P3 {dname(pd[2])}; P4 {dname(at(r, 4)[0])}. "
  f"All three names required.", src(r), accept_all=[key_name(d, field(r)) for d in pd])

# 4 P4 at 2008 Brazil
r = find_race(2008, "brazil")
p4 = at(r, 4)[0]
Q(G, "position_n", "Who finished 4th in Brazil 2008, the race where Hamilton won the title on the last lap?", names(p4, field(r)),
  f"{race_label(r)}: P1 {dname(at(r,1)[0])}, P2 {dname(at(r,2)[0])}, P3 {dname(at(r,3)[0])}, "
  f"P4 {dname(p4)}, P5 {dname(at(r,5)[0])}.", src(r))

# 5 McLaren engine 1988
eng = Counter(x["engineManufacturerId"] for r in races(1988) for x in rows(r) if x["constructorId"] == "mclaren")
assert len(eng) == 1
e = list(eng)[0]
Q(G, "engine", "what engine was in the mclaren in 1988?", [db["engines"][e]["name"]],
  f"McLaren used {db['engines'][e]['name']} engines in every 1988 race (the MP4/4).",
  "seasons/1988/races/*/race-results.yml")

# 6 Doohan replacement 2025
r25 = races(2025)
alp = [(r["round"], x["driverId"]) for r in r25 for x in rows(r) if x["constructorId"] == "alpine"]
doo_last = max(rd for rd, d in alp if d == "jack-doohan")
repl = sorted({d for rd, d in alp if rd == doo_last + 1} - {"pierre-gasly"})
assert repl == ["franco-colapinto"]
Q(G, "replacement", "who replaced jack doohan at alpine last year?", names(repl[0], season_field(2025)),
  f"{dname(repl[0])} took over Jack Doohan's Alpine seat from round {doo_last + 1} of 2025 "
  f"({gp_name(r25[doo_last])}); Doohan raced rounds 1-{doo_last}.",
  ["seasons/2025/entrants.yml", "seasons/2025/races/*/race-results.yml"])

# 7 2005 drivers' runner-up
ds = standings(2005)
Q(G, "runner_up", "Who finished second in the 2005 drivers' championship?", names(ds[1]["driverId"], season_field(2005)),
  f"2005: champion {dname(ds[0]['driverId'])} {ds[0]['points']} pts, runner-up {dname(ds[1]['driverId'])} "
  f"{ds[1]['points']} pts.", "seasons/2005/driver-standings.yml")

# 8 2012 constructors' runner-up
cs = standings(2012, "constructor")
Q(G, "runner_up", "Which team was runner-up in the 2012 constructors' championship?", [cname(cs[1]["constructorId"])],
  f"2012 constructors: {cname(cs[0]['constructorId'])} {cs[0]['points']}, {cname(cs[1]['constructorId'])} "
  f"{cs[1]['points']}, {cname(cs[2]['constructorId'])} {cs[2]['points']}.", "seasons/2012/constructor-standings.yml")
assert cs[1]["constructorId"] == "ferrari"

# 9 behind Piastri 2024 Hungary
r = find_race(2024, "hungary")
assert at(r, 1) == ["oscar-piastri"]
Q(G, "behind", "who finished right behind piastri when he got his first win in hungary?", names(at(r, 2)[0], field(r)),
  f"{race_label(r)}: Oscar Piastri won, {dname(at(r,2)[0])} was second, {dname(at(r,3)[0])} third.", src(r))

# 10 Hunt team-mate 1976
t = team_drivers(1976, "mclaren")
mates = [d for d in t if d != "james-hunt"]
assert len(mates) == 1
assert champion(1976) == "james-hunt"
Q(G, "teammate", "Who was James Hunt's team-mate at McLaren in his title year?", names(mates[0], season_field(1976)),
  f"Hunt was the 1976 champion; his McLaren team-mate in every 1976 race was "
  f"{dname(mates[0])}.", ["seasons/1976/driver-standings.yml", "seasons/1976/races/*/race-results.yml"])

# 11 Salo for Schumacher 1999
fer = defaultdict(list)
for r in races(1999):
    for x in rows(r):
        if x["constructorId"] == "ferrari" and started(x):
            fer[x["driverId"]].append(r["round"])
salo = fer["mika-salo"]
Q(G, "replacement", "who stood in for michael schumacher at ferrari after he broke his leg in 99",
  names("mika-salo", season_field(1999)),
  f"Mika Salo drove the second Ferrari in rounds {salo[0]}-{salo[-1]} of 1999 ({len(salo)} races) while Michael "
  f"Schumacher was out after his crash at round 8, the British GP (listed DNS there as he did not take the "
  f"restart); Schumacher raced rounds {', '.join(map(str, fer['michael-schumacher']))}.",
  "seasons/1999/races/*/race-results.yml")

# 12 Williams 1992 line-up
t = sorted(team_drivers(1979, "ferrari"), key=lambda d: d != "jody-scheckter")
assert len(t) == 2 and champion(1979) == "jody-scheckter"
Q(G, "lineup", "who were ferrari's two drivers in 1979", names(t[0], season_field(1979)),
  f"Ferrari 1979: {dname(t[0])} (champion) and {dname(t[1])}, in every race (both required).",
  "seasons/1979/races/*/race-results.yml", accept_all=[key_name(d, season_field(1979)) for d in t])

# 13 first ever WC race podium
r = races(1950)[0]
pd = [p[0] for p in podium(r)]
Q(G, "podium", "who was on the podium at the very first world championship race?", names(pd[0], field(r)),
  f"{race_label(r)} at Silverstone: P1 {dname(pd[0])}, P2 {dname(pd[1])}, P3 {dname(pd[2])} (all Alfa Romeo). "
  f"All three names required.", src(r), accept_all=[key_name(d, field(r)) for d in pd])

# 14 P10 2026 British GP
r = find_race(2026, "great-britain")
p10 = at(r, 10)[0]
x10 = pos(r, 10)[0]
Q(G, "position_n", "Who took the last point in 10th at Silverstone this year?", names(p10, field(r)),
  f"{race_label(r)}: P10 {dname(p10)} ({cname(x10['constructorId'])}, {x10['points']} point); P11 "
  f"{dname(at(r, 11)[0])}.", src(r))

# 15 Alpine engine 2026
eng = Counter(x["engineManufacturerId"] for r in R26 for x in rows(r) if x["constructorId"] == "alpine")
eng25 = Counter(x["engineManufacturerId"] for r in r25 for x in rows(r) if x["constructorId"] == "alpine")
assert list(eng) == ["mercedes"]
Q(G, "engine", "what engine are alpine running this season?", ["Mercedes"],
  f"Alpine run Mercedes engines in 2026 (all 11 rounds so far); in 2025 they used "
  f"{db['engines'][list(eng25)[0]]['name']}.", ["seasons/2026/entrants.yml", "seasons/2026/races/*/race-results.yml"])

# 16 Albon for Gasly 2019
rb = defaultdict(list)
for r in races(2019):
    for x in rows(r):
        if x["constructorId"] == "red-bull" and started(x):
            rb[x["driverId"]].append(r["round"])
assert set(rb) == {"max-verstappen", "pierre-gasly", "alexander-albon"}
Q(G, "replacement", "gasly got dropped by red bull in 2019, who got his seat?", names("alexander-albon", season_field(2019)),
  f"Alexander Albon moved up to Red Bull from round {rb['alexander-albon'][0]} of 2019 "
  f"({gp_name(races(2019)[rb['alexander-albon'][0]-1])}); Pierre Gasly raced rounds 1-{rb['pierre-gasly'][-1]} "
  f"for Red Bull.", "seasons/2019/races/*/race-results.yml")

# =========================================================================================== COLLOQUIAL (16)
G = "colloquial"

Q(G, "nickname", "how many gp wins has checo got", [str(WINS["sergio-perez"])],
  f"Sergio 'Checo' Pérez has {WINS['sergio-perez']} Grand Prix wins (as of the 2026 Hungarian GP; sprints excluded).",
  "seasons/*/races/*/race-results.yml")

km = [x for x in standings(2018) if x["driverId"] == "kevin-magnussen"][0]
Q(G, "nickname", "how many points did kmag score in 2018", [str(km["points"])],
  f"Kevin Magnussen scored {km['points']} points in 2018 (Haas), P{km['position']} in the final standings.",
  "seasons/2018/driver-standings.yml")

hp = [(r, x) for r, x in driver_races("nico-hulkenberg") if x["position"] in (1, 2, 3)]
assert len(hp) == 1
r = hp[0][0]
Q(G, "nickname", "when did the hulk finally get his first podium?",
  ["British Grand Prix", "British GP", "Silverstone"],
  f"Nico Hülkenberg's first (and so far only) podium was P3 at the {race_label(r)}.", src(r), accept_all=["2025"])

kb = [r for r in races() if r["grandPrixId"] == "belgium" and "kimi-raikkonen" in winners(r)]
Q(G, "nickname", "how many times did the iceman win at spa", [str(len(kb))],
  f"Kimi Räikkönen won the Belgian GP at Spa {len(kb)} times: {', '.join(str(r['year']) for r in kb)}.",
  "seasons/*/races/*-belgium/race-results.yml")

Q(G, "relative_time", "who won the last race?", names(winners(LAST)[0], field(LAST)),
  f"The most recent race with results is the {race_label(LAST)} (round 11); winner {dname(winners(LAST)[0])}. "
  f"Rounds 12-22 have no results in the data.", src(LAST))

ds = standings(2026)
Q(G, "relative_time", "whos leading the championship rn", names(ds[0]["driverId"], season_field(2026)),
  f"After round 11 of 2026 (Hungarian GP) {dname(ds[0]['driverId'])} leads with {ds[0]['points']} points, ahead "
  f"of {dname(ds[1]['driverId'])} ({ds[1]['points']}).", "seasons/2026/driver-standings.yml")

Q(G, "relative_time", "who won the wdc the year before last", names(champion(2024), season_field(2024)),
  f"The year before last = 2024; champion {dname(champion(2024))} with {standings(2024)[0]['points']} points.",
  "seasons/2024/driver-standings.yml")

cs25 = standings(2025, "constructor")
Q(G, "relative_time", "last seasons constructors champs?", [cname(cs25[0]["constructorId"])],
  f"Last season = 2025; constructors' champion {cname(cs25[0]['constructorId'])} with {cs25[0]['points']} points, "
  f"ahead of {cname(cs25[1]['constructorId'])} ({cs25[1]['points']}).", "seasons/2025/constructor-standings.yml")
assert cs25[0]["constructorId"] == "mclaren"

w02 = season_stats("michael-schumacher", 2002)[0]
Q(G, "typo", "how many races did shumacher win in 2002", [str(w02)],
  f"Michael Schumacher won {w02} of the {len(races(2002))} races in 2002 (Ralf Schumacher won "
  f"{season_stats('ralf-schumacher', 2002)[0]}).", "seasons/2002/races/*/race-results.yml")

hpod = [r for r in R26 if any("lewis-hamilton" in p for p in podium(r))]
Q(G, "nickname", "how many podiums has sir lewis got this season", [str(len(hpod))],
  f"Lewis Hamilton has {len(hpod)} Grand Prix podiums in 2026 (rounds 1-11): "
  f"{', '.join(gp_name(r) + ' P' + str([x['position'] for x in rows(r) if x['driverId']=='lewis-hamilton'][0]) for r in hpod)}. "
  f"Sprint podiums not counted.", "seasons/2026/races/*/race-results.yml")

Q(G, "typo", "how many wins did riciardo get in his career??", [str(WINS["daniel-ricciardo"])],
  f"Daniel Ricciardo won {WINS['daniel-ricciardo']} Grands Prix.", "seasons/*/races/*/race-results.yml")

pt = [y for y in range(1950, 2026) if champion(y) == "alain-prost"]
Q(G, "nickname", "how many titles did the professor win", [str(len(pt))],
  f"Alain Prost ('The Professor') won {len(pt)} world titles: {', '.join(map(str, pt))}.",
  "seasons/*/driver-standings.yml")

r = find_race(2025, "italy")
assert pole(r) == grid_p1(r)
Q(G, "relative_time", "who topped quali at monza last yr", names(pole(r)[0], field(r)),
  f"Last year = 2025. {race_label(r)}: pole (qualifying P1) {dname(pole(r)[0])}; he also won the race.",
  src(r, "qualifying-results"))

aw = [r for r, x in driver_races("fernando-alonso") if x["position"] == 1][0]
Q(G, "nickname", "el nano's first ever win?", ["Hungarian Grand Prix", "Hungarian GP", "Hungary", "Hungaroring"],
  f"Fernando Alonso's first win was the {race_label(aw)} for {cname(pos(aw,1)[0]['constructorId'])}.", src(aw),
  accept_all=[str(aw["year"])])

m92 = season_stats("nigel-mansell", 1992)[0]
Q(G, "nickname", "how many wins did il leone get in 92", [str(m92)],
  f"Nigel Mansell ('Il Leone') won {m92} of the {len(races(1992))} races in 1992, his title year.",
  "seasons/1992/races/*/race-results.yml")

Q(G, "relative_time", "who came 2nd in the last race", names(at(LAST, 2)[0], field(LAST)),
  f"Last race with results: {race_label(LAST)}. P1 {dname(at(LAST,1)[0])}, P2 {dname(at(LAST,2)[0])}, "
  f"P3 {dname(at(LAST,3)[0])}.", src(LAST))

# =========================================================================================== COMPARATIVE (12)
G = "comparative"


def cmp_rec(question, a, b, va, vb, what, source, extra="", category="career_compare", scope=WINNERS, alt=None):
    assert va != vb
    lead, trail = (a, b) if va > vb else (b, a)
    hi, lo = max(va, vb), min(va, vb)
    margin = hi - lo
    Q(G, category, question, names(lead, scope),
      f"{dname(a)} {va} vs {dname(b)} {vb} {what}: {dname(lead)} leads by {margin}." + extra,
      source, accept_all=[str(margin)] if alt is None else alt)


cmp_rec("hamilton vs schumacher, who has more poles and by how many?", "lewis-hamilton", "michael-schumacher",
        POLES["lewis-hamilton"], POLES["michael-schumacher"], "pole positions (qualifying P1)",
        "seasons/*/races/*/qualifying-results.yml",
        extra=f" Counting starting-grid P1 instead: {GPOLES['lewis-hamilton']} vs {GPOLES['michael-schumacher']}, "
              f"the same margin of {GPOLES['lewis-hamilton'] - GPOLES['michael-schumacher']}.")
assert POLES["lewis-hamilton"] - POLES["michael-schumacher"] == GPOLES["lewis-hamilton"] - GPOLES["michael-schumacher"]

cmp_rec("Who won more Grands Prix, Senna or Prost, and by how many?", "ayrton-senna", "alain-prost",
        WINS["ayrton-senna"], WINS["alain-prost"], "Grand Prix wins", "seasons/*/races/*/race-results.yml")

s25 = {x["driverId"]: x["points"] for x in standings(2025)}
cmp_rec("Norris or Piastri - who scored more points in 2025 and how big was the gap?", "lando-norris",
        "oscar-piastri", s25["lando-norris"], s25["oscar-piastri"], "points in 2025 (final standings)",
        "seasons/2025/driver-standings.yml", category="season_compare", scope=season_field(2025))

s26 = {x["driverId"]: x["points"] for x in standings(2026)}
cmp_rec("russell vs antonelli this season who's got more points and by how much", "george-russell",
        "kimi-antonelli", s26["george-russell"], s26["kimi-antonelli"], "points after round 11 of 2026",
        "seasons/2026/driver-standings.yml", category="season_compare", scope=season_field(2026))

cw = count_by("race-results", key="constructorId")
fe, mc = cw["ferrari"], cw["mclaren"]
Q(G, "team_compare", "Ferrari vs McLaren: which team has more race wins in total, and what's the difference?",
  ["Ferrari"], f"Ferrari {fe} vs McLaren {mc} Grand Prix wins (as of the 2026 Hungarian GP): Ferrari leads by {fe - mc}.",
  "seasons/*/races/*/race-results.yml", accept_all=[str(fe - mc)])

cmp_rec("alonso or raikkonen, who has more career wins? by how many", "fernando-alonso", "kimi-raikkonen",
        WINS["fernando-alonso"], WINS["kimi-raikkonen"], "Grand Prix wins", "seasons/*/races/*/race-results.yml")

hk, dc = season_stats("mika-hakkinen", 1998)[0], season_stats("david-coulthard", 1998)[0]
cmp_rec("In 1998, how many more races did Häkkinen win than his team-mate Coulthard?", "mika-hakkinen",
        "david-coulthard", hk, dc, "wins in 1998", "seasons/1998/races/*/race-results.yml", category="season_compare",
        scope=season_field(1998))

s76 = {x["driverId"]: x["points"] for x in standings(1976)}
assert s76["james-hunt"] - s76["niki-lauda"] == 1
cmp_rec("Hunt vs Lauda 1976 - final points tally and who came out on top?", "james-hunt", "niki-lauda",
        s76["james-hunt"], s76["niki-lauda"], "points in the 1976 final standings",
        "seasons/1976/driver-standings.yml", category="season_compare", scope=season_field(1976),
        alt=[str(s76["james-hunt"])],
        extra=" The leader's count (69) is the required number, since the margin of 1 is easily written as 'one'.")

vrb = sum(1 for r in races() for x in pos(r, 1) if x["driverId"] == "sebastian-vettel" and x["constructorId"] == "red-bull")
wrb = sum(1 for r in races() for x in pos(r, 1) if x["driverId"] == "mark-webber" and x["constructorId"] == "red-bull")
cmp_rec("how many more races did vettel win than webber when they were red bull team mates (2009-2013)?",
        "sebastian-vettel", "mark-webber", vrb, wrb, "Red Bull wins in 2009-2013 (all of both drivers' Red Bull wins)",
        "seasons/2009..2013/races/*/race-results.yml")

assert POLES["jim-clark"] - POLES["jackie-stewart"] == GPOLES["jim-clark"] - GPOLES["jackie-stewart"]
cmp_rec("Jim Clark vs Jackie Stewart: who had more pole positions, and how many more?", "jim-clark",
        "jackie-stewart", POLES["jim-clark"], POLES["jackie-stewart"], "pole positions",
        "seasons/*/races/*/qualifying-results.yml", extra=" Starting-grid P1 gives the same counts.")
assert POLES["jim-clark"] == GPOLES["jim-clark"] and POLES["jackie-stewart"] == GPOLES["jackie-stewart"]

lp = sum(1 for y in range(2021, 2025) for r in races(y) for p in podium(r) if "charles-leclerc" in p)
sp = sum(1 for y in range(2021, 2025) for r in races(y) for p in podium(r) if "carlos-sainz-jr" in p)
cmp_rec("leclerc v sainz podiums when they were ferrari teammates 2021-2024, who had more and by how much",
        "charles-leclerc", "carlos-sainz-jr", lp, sp, "Grand Prix podiums 2021-2024",
        "seasons/2021..2024/races/*/race-results.yml")

c26 = {x["constructorId"]: x["points"] for x in standings(2026, "constructor")}
Q(G, "team_compare", "How far ahead of Ferrari are Mercedes in the constructors' standings this year?",
  ["Mercedes"], f"After round 11 of 2026: Mercedes {c26['mercedes']} vs Ferrari {c26['ferrari']} points: Mercedes "
  f"lead by {c26['mercedes'] - c26['ferrari']}.", "seasons/2026/constructor-standings.yml",
  accept_all=[str(c26["mercedes"] - c26["ferrari"])])

# =========================================================================================== UNAVAILABLE (12)
G = "unavailable"


def future(year, gp, question, what="race", extra="", names_no="winner"):
    r = find_race(year, gp)
    assert r["race-results"] is None
    files = sorted(k for k in ("qualifying-results", "sprint-race-results", "sprint-qualifying-results",
                               "free-practice-1-results") if r.get(k))
    when = "after today (2026-12-03)" if str(r["date"]) > "2026-12-03" else "before today (2026-12-03)"
    Q(G, "no_result_yet", question, [],
      f"The {year} {gp_name(r)} (round {r['round']}, scheduled {r['date']}, {when}) has no {what} result in the data; "
      f"only a calendar entry{(' plus ' + ', '.join(files)) if files else ''}. The last race with results is the "
      f"2026 Hungarian GP (round 11). A correct reply says it is not available and names no {names_no}.{extra}",
      f"{r['path']}/race.yml", unavailable=True)


future(2026, "italy", "who won the 2026 italian grand prix?")
future(2026, "singapore", "Singapore GP results this year?")
r = find_race(2026, "netherlands")
assert r["sprint-race-results"] is None and r["sprint-qualifying-results"]
Q(G, "no_result_yet", "who won the dutch sprint this year", [],
  f"The 2026 Dutch GP sprint (scheduled {r['sprintRaceDate']}) has no result in the data. Only sprint qualifying "
  f"(P1 {dname(r['sprint-qualifying-results'][0]['driverId'])}) and FP1 are stored; no sprint or race result. "
  f"A reply must not name a sprint winner; mentioning the sprint-qualifying result as such is fine.",
  [f"{r['path']}/race.yml", f"{r['path']}/sprint-qualifying-results.yml"], unavailable=True)
future(2026, "mexico", "who was on pole in mexico city this year", what="qualifying or race", names_no="pole sitter")
future(2026, "abu-dhabi", "Who won the Abu Dhabi Grand Prix this season?",
       extra=" The race has not even been run yet.")

assert not any(r["grandPrixId"] == "germany" for r in S[2015]["races"])
Q(G, "not_held", "Who won the 2015 German Grand Prix?", [],
  f"There was no German Grand Prix in 2015: the {len(S[2015]['races'])} rounds of 2015 do not include it "
  f"(it was held in 2014 and 2016). A correct reply says it was not held.", "seasons/2015/races/", unavailable=True)

assert not any(r["grandPrixId"] == "russia" for r in S[2022]["races"])
Q(G, "not_held", "who won the russian gp in 2022", [],
  f"No Russian Grand Prix was held in 2022; the {len(S[2022]['races'])} rounds of 2022 do not include it "
  f"(last held in 2021). A correct reply says it was not held.", "seasons/2022/races/", unavailable=True)

assert not any(x["driverId"] == "patricio-oward" for r in races() for k in ("race-results", "qualifying-results")
               for x in rows(r, k))
Q(G, "never_raced", "what was pato o'ward's best finish in an f1 race?", [],
  "Patricio 'Pato' O'Ward never started a world championship race: he appears only in entrants lists as a test/"
  "reserve driver and in some FP1 sessions (e.g. 2023 Abu Dhabi, 2024 and 2025 Mexico). There is no race result.",
  ["drivers/patricio-oward.yml", "seasons/2024/entrants.yml"], unavailable=True)

Q(G, "no_data", "what was the top speed through the speed trap at monza last year?", [],
  "f1db stores no speed-trap or top-speed data (only lap/qualifying times, results, pit stops, fastest laps). "
  "The 2025 Italian GP result is available but not speed traps.", "seasons/2025/races/16-italy/", unavailable=True)

Q(G, "no_data", "what were norris's tyre temps during the last race", [], "f1db stores no tyre temperatures or any "
  "telemetry. The last race is the 2026 Hungarian GP (Norris won), but tyre temperatures are not in the data.",
  "seasons/2026/races/11-hungary/", unavailable=True)

Q(G, "no_data", "What did Leclerc say on team radio after the Monaco GP this year?", [],
  "Team radio messages are not stored in f1db. (The 2026 Monaco GP result is in the data: Leclerc's finishing "
  "position can be given, but not radio.)", "seasons/2026/races/06-monaco/", unavailable=True)

Q(G, "no_data", "How many laps did Senna lead in 1988?", [],
  "f1db has no lap-by-lap positions or laps-led counts, so laps led cannot be answered. Senna's 1988 wins and "
  "poles are available, but not laps led.", "seasons/1988/races/*/race-results.yml", unavailable=True)

# =========================================================================================== CAREER HISTORY (12)
G = "career_history"


def titles(did):
    return [y for y in range(1950, 2026) if champion(y) == did]


t = titles("alberto-ascari")
Q(G, "titles", "How many world titles did Alberto Ascari win and in which years?", [str(len(t))],
  f"Alberto Ascari won {len(t)} titles: {' and '.join(map(str, t))} (both with Ferrari).", "seasons/195*/driver-standings.yml",
  accept_all=[str(y) for y in t])


def first_win(did, ctor=None):
    for r, x in driver_races(did):
        if x["position"] == 1 and (ctor is None or x["constructorId"] == ctor):
            return r


r = first_win("oscar-piastri")
Q(G, "maiden_win", "When did Oscar Piastri win his first Grand Prix?",
  ["Hungarian Grand Prix", "Hungarian GP", "Hungary", "Hungaroring"],
  f"Oscar Piastri's first Grand Prix win was the {race_label(r)}. (His 2023 Qatar sprint win is a sprint and does not "
  f"count.)", src(r), accept_all=[str(r["year"])])
assert r["year"] == 2024

r = first_win("lewis-hamilton", "ferrari")
hs = [r2 for r2 in races(2025) for x in pos(r2, 1, "sprint-race-results") if x["driverId"] == "lewis-hamilton"]
Q(G, "first_win_team", "When did Lewis Hamilton get his first win for Ferrari?",
  ["Barcelona-Catalunya", "Barcelona", "Catalunya", "Catalonia"],
  f"Hamilton's first Grand Prix win for Ferrari was the {race_label(r)} (round {r['round']}). His "
  f"{hs[0]['year']} Chinese GP sprint win was a sprint, not a Grand Prix win.", src(r), accept_all=[str(r["year"])])

vr = [(r, x) for r, x in driver_races("max-verstappen") if started(x)][0]
Q(G, "debut", "what was max verstappen's first f1 race", ["Australian Grand Prix", "Australian GP", "Australia", "Melbourne"],
  f"Max Verstappen debuted at the {race_label(vr[0])} for {cname(vr[1]['constructorId'])} (result: {vr[1]['position']}"
  f"{', ' + vr[1]['reasonRetired'] if vr[1].get('reasonRetired') else ''}).", src(vr[0]), accept_all=[str(vr[0]["year"])])

kw = [r for r, x in driver_races("kimi-raikkonen") if x["position"] == 1][-1]
Q(G, "last_win", "When was Kimi Räikkönen's last win?",
  ["United States Grand Prix", "United States GP", "US Grand Prix", "US GP", "USGP", "Austin", "COTA",
   "Circuit of the Americas"],
  f"Kimi Räikkönen's last win was the {race_label(kw)} at the Circuit of the Americas (Austin), for "
  f"{cname(pos(kw,1)[0]['constructorId'])}; win number {WINS['kimi-raikkonen']}.", src(kw), accept_all=[str(kw["year"])])

Q(G, "career_total", "how many grands prix did niki lauda win in his career", [str(WINS["niki-lauda"])],
  f"Niki Lauda won {WINS['niki-lauda']} Grands Prix (Ferrari {sum(1 for r in races() for x in pos(r,1) if x['driverId']=='niki-lauda' and x['constructorId']=='ferrari')}, "
  f"Brabham {sum(1 for r in races() for x in pos(r,1) if x['driverId']=='niki-lauda' and x['constructorId']=='brabham')}, "
  f"McLaren {sum(1 for r in races() for x in pos(r,1) if x['driverId']=='niki-lauda' and x['constructorId']=='mclaren')}).",
  "seasons/*/races/*/race-results.yml")

sy = sorted({r["year"] for r, x in driver_races("michael-schumacher") if x["constructorId"] == "ferrari" and started(x)})
assert sy == list(range(1996, 2007))
Q(G, "seasons_with_team", "How many seasons did Michael Schumacher race for Ferrari?", [str(len(sy))],
  f"{len(sy)} seasons: {sy[0]}-{sy[-1]}.", "seasons/199*/races/*/race-results.yml", accept_all=None)

t = titles("juan-manuel-fangio")
Q(G, "title_years", "In which years was Fangio world champion?", [str(t[0])],
  f"Juan Manuel Fangio won {len(t)} titles: {', '.join(map(str, t))}. All five years required.",
  "seasons/195*/driver-standings.yml", accept_all=[str(y) for y in t])

r = first_win("kimi-antonelli")
Q(G, "maiden_win", "where did kimi antonelli win his first grand prix", ["Chinese Grand Prix", "Chinese GP", "China", "Shanghai"],
  f"Kimi Antonelli's first Grand Prix win was the {race_label(r)} for Mercedes.", src(r))

rb1 = [r for r in races() for x in pos(r, 1) if x["constructorId"] == "red-bull"][0]
Q(G, "first_win_team", "Who gave Red Bull Racing their first ever win?", names(winners(rb1)[0], field(rb1)),
  f"{dname(winners(rb1)[0])} at the {race_label(rb1)}.", src(rb1))

br = [(r, x) for r, x in driver_races("jenson-button") if started(x)][0]
Q(G, "debut", "Which team did Jenson Button make his F1 debut with?", [cname(br[1]["constructorId"])],
  f"Jenson Button debuted with {cname(br[1]['constructorId'])} at the {race_label(br[0])}.", src(br[0]))
assert br[1]["constructorId"] == "williams"

fy = [y for y in range(1958, 2026) if standings(y, "constructor")[0]["constructorId"] == "ferrari"][0]
Q(G, "first_title", "what year did ferrari win their first constructors title", [str(fy)],
  f"Ferrari's first constructors' championship was {fy} (the constructors' title began in 1958).",
  "seasons/*/constructor-standings.yml")

# =========================================================================================== MULTI-PART (10)
G = "multi_part"


def two_numbers(question, a, b, note, source, category="two_facts"):
    Q(G, category, question, [str(a)], note, source, accept_all=[str(a), str(b)] if a != b else [str(a)])


w, p, gp_, _ = season_stats("michael-schumacher", 2001)
assert p == gp_
two_numbers("how many wins and poles did schumacher have in 2001", w, p,
            f"Michael Schumacher in 2001: {w} wins and {p} poles (qualifying P1 = grid P1) from {len(races(2001))} races.",
            ["seasons/2001/races/*/race-results.yml", "seasons/2001/races/*/qualifying-results.yml"])

w, p, gp_, pd = season_stats("lando-norris", 2025)
two_numbers("Lando Norris 2025: how many wins and how many podiums?", w, pd,
            f"Lando Norris in 2025 (his title year): {w} Grand Prix wins and {pd} Grand Prix podiums "
            f"from {len(races(2025))} races (sprints not counted).",
            ["seasons/2025/races/*/race-results.yml"])

sw = count_by("sprint-race-results")
two_numbers("How many Grand Prix wins and how many sprint wins does George Russell have?", WINS["george-russell"],
            sw["george-russell"],
            f"George Russell: {WINS['george-russell']} Grand Prix wins and {sw['george-russell']} sprint wins "
            f"(as of the 2026 Hungarian GP; sprints counted separately).",
            ["seasons/*/races/*/race-results.yml", "seasons/*/races/*/sprint-race-results.yml"])

w, p, gp_, _ = season_stats("ayrton-senna", 1988)
assert p == gp_
two_numbers("Senna's 1988 season - wins and poles?", w, p,
            f"Ayrton Senna in 1988: {w} wins and {p} poles from {len(races(1988))} races.",
            ["seasons/1988/races/*/race-results.yml", "seasons/1988/races/*/qualifying-results.yml"])

w, p, gp_, pd = season_stats("kimi-antonelli", 2026)
two_numbers("antonelli this year so far - wins and podiums pls", w, pd,
            f"Kimi Antonelli after 11 rounds of 2026: {w} Grand Prix wins and {pd} Grand Prix podiums "
            f"(sprints not counted).", ["seasons/2026/races/*/race-results.yml"])

r = find_race(2026, "great-britain")
assert pole(r) == grid_p1(r)
Q(G, "winner_and_pole", "who won the british gp this year and who was on pole?", names(winners(r)[0], field(r)),
  f"{race_label(r)}: winner {dname(winners(r)[0])}, pole {dname(pole(r)[0])} (who finished "
  f"P{[x['position'] for x in rows(r) if x['driverId']==pole(r)[0]][0]}). Both names required.", src(r),
  accept_all=[key_name(winners(r)[0], field(r)), key_name(pole(r)[0], field(r))])

pt = titles("alain-prost")
two_numbers("How many races and how many championships did Alain Prost win?", WINS["alain-prost"], len(pt),
            f"Alain Prost: {WINS['alain-prost']} Grand Prix wins and {len(pt)} world titles ({', '.join(map(str, pt))}).",
            ["seasons/*/races/*/race-results.yml", "seasons/*/driver-standings.yml"])

w, _, _, pd = season_stats("lewis-hamilton", 2020)
h20 = sum(1 for r in races(2020) for x in rows(r) if x["driverId"] == "lewis-hamilton" and started(x))
two_numbers("Hamilton in 2020: wins and podiums?", w, pd,
            f"Lewis Hamilton in 2020: {w} wins and {pd} podiums from {h20} starts; the season had {len(races(2020))} "
            f"races and he missed the Sakhir GP.", "seasons/2020/races/*/race-results.yml")

fw = sum(1 for r in races(2002) for x in pos(r, 1) if x["constructorId"] == "ferrari")
fp = {x["constructorId"]: x["points"] for x in standings(2002, "constructor")}["ferrari"]
two_numbers("ferrari 2002 how many wins and how many constructors points", fw, fp,
            f"Ferrari in 2002: {fw} wins from {len(races(2002))} races and {fp} constructors' points (champions).",
            ["seasons/2002/races/*/race-results.yml", "seasons/2002/constructor-standings.yml"])

w, p, gp_, _ = season_stats("niki-lauda", 1975)
assert p == gp_ and w != p
two_numbers("niki lauda 1975 - how many wins and poles", w, p,
            f"Niki Lauda in 1975: {w} wins and {p} poles (qualifying P1 = grid P1) from {len(races(1975))} races "
            f"(first title, Ferrari).",
            ["seasons/1975/races/*/race-results.yml", "seasons/1975/races/*/qualifying-results.yml"])

# =========================================================================================== self-check + write
def matches(reply, s):
    rn, sn = norm(reply), norm(s)
    if re.fullmatch(r"\d+", sn):
        return re.search(r"(?<!\d)(?<!\d\.)" + sn + r"(?!\d)(?!\.\d)", rn) is not None
    return sn in rn


def grade(reply, rec):
    return any(matches(reply, a) for a in rec["accept"]) and all(matches(reply, a) for a in rec.get("accept_all", []))


def main():
    want = {"aggregate": 22, "relational": 16, "colloquial": 16, "comparative": 12, "unavailable": 12,
            "career_history": 12, "multi_part": 10}
    got = Counter(r["group"] for r in RECORDS)
    assert got == Counter(want), got
    qs = [r["question"] for r in RECORDS]
    assert len(set(qs)) == len(qs)
    bad = 0
    for rec in RECORDS:
        if rec["expect_unavailable"]:
            assert rec["accept"] == [] and "accept_all" not in rec
            continue
        assert rec["accept"], rec
        if not grade(rec["answer_note"], rec):
            bad += 1
            print("SELF-CHECK FAIL:", rec["question"], rec["accept"], rec.get("accept_all"), rec["answer_note"])
    assert bad == 0
    rnd = random.Random(20261203)
    order = RECORDS[:]
    rnd.shuffle(order)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        for i, rec in enumerate(order, 1):
            out = {"id": f"fba-{i:03d}"}
            out.update(rec)
            f.write(json.dumps(out, ensure_ascii=False) + "\n")
    print(f"wrote {len(order)} records to {OUT}; groups {dict(got)}; self-check ok")


if __name__ == "__main__":
    main()
