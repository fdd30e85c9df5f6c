#!/usr/bin/env python3
"""Build eval/fan-qa-blind-u.jsonl: 120 fan-style F1 questions, answers computed from f1db YAML.

Rebuild: python3 eval/tools/build_blind_u.py   (from the repo root)
Data: $F1DB_DATA or /work/shared/data/f1db/src/data. Seed 20261214. Cutoff: 2026 Hungarian GP (round 11).
Fails loudly (AssertionError) if an assumption breaks, e.g. a tie where one answer is expected.
"""
import collections
import glob
import json
import os
import random
import sys
import unicodedata

import yaml

DATA = os.environ.get("F1DB_DATA", "/work/shared/data/f1db/src/data")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fan-qa-blind-u.jsonl")
SEED = 20261214
CUT_YEAR, CUT_ROUND = 2026, 11
CUTOFF = "data cutoff: 2026 Hungarian Grand Prix, round 11, 2026-07-26"
NONSTART = {"DNQ", "DNPQ", "EX", "DNS", "DNP"}
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=Loader)


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def uniq(seq):
    out = []
    for x in seq:
        if x and x not in out:
            out.append(x)
    return out


# ---------------------------------------------------------------- load
DRIVERS = {os.path.basename(p)[:-4]: load(p) for p in glob.glob(f"{DATA}/drivers/*.yml")}
CONS = {os.path.basename(p)[:-4]: load(p) for p in glob.glob(f"{DATA}/constructors/*.yml")}
GPS = {os.path.basename(p)[:-4]: load(p) for p in glob.glob(f"{DATA}/grands-prix/*.yml")}
CIRC = {os.path.basename(p)[:-4]: load(p) for p in glob.glob(f"{DATA}/circuits/*.yml")}
ENG = {os.path.basename(p)[:-4]: load(p) for p in glob.glob(f"{DATA}/engine-manufacturers/*.yml")}
COUNTRIES = {os.path.basename(p)[:-4]: load(p) for p in glob.glob(f"{DATA}/countries/*.yml")}

RACES = []
for d in sorted(glob.glob(f"{DATA}/seasons/*/races/*")):
    year = int(d.split("/")[-3])
    r = load(f"{d}/race.yml")
    r["year"] = year
    r["dir"] = os.path.relpath(d, DATA)
    for key, fn in [("res", "race-results"), ("quali", "qualifying-results"), ("grid", "starting-grid-positions"),
                    ("fl", "fastest-laps"), ("sprint", "sprint-race-results"), ("dotd", "driver-of-the-day-results")]:
        p = f"{d}/{fn}.yml"
        r[key] = (load(p) or []) if os.path.exists(p) else None
    RACES.append(r)
RACES.sort(key=lambda r: (r["year"], r["round"]))
DONE = [r for r in RACES if r["res"]]
last = DONE[-1]
assert (last["year"], last["round"]) == (CUT_YEAR, CUT_ROUND), (last["year"], last["round"])
assert last["grandPrixId"] == "hungary"
STAND = {}
CSTAND = {}
for y in range(1950, 2027):
    STAND[y] = load(f"{DATA}/seasons/{y}/driver-standings.yml") or []
    p = f"{DATA}/seasons/{y}/constructor-standings.yml"
    CSTAND[y] = (load(p) or []) if os.path.exists(p) else []


def race(year, gp):
    rs = [r for r in RACES if r["year"] == year and r["grandPrixId"] == gp]
    assert len(rs) == 1, (year, gp, len(rs))
    return rs[0]


def season(year):
    return [r for r in DONE if r["year"] == year]


def started(row):
    return str(row["position"]) not in NONSTART


def pos(row):
    p = row["position"]
    return p if isinstance(p, int) else None


def rpath(r, fn="race-results"):
    return f"{r['dir']}/{fn}.yml"


def gpname(r):
    return GPS[r["grandPrixId"]]["fullName"]


def rlabel(r):
    return f"{r['year']} {gpname(r)} ({r['date']})"


# ---------------------------------------------------------------- names / accepts
ALIAS = {"carlos-sainz-jr": ["Carlos Sainz"], "sergio-perez": ["Checo"], "kimi-antonelli": ["Antonelli"],
         "andrea-kimi-antonelli": ["Antonelli"]}


def dn(did):
    assert did in DRIVERS, did
    return DRIVERS[did]["name"]


def acc_d(did, scope=None, surname=True):
    """Display name, folded form, aliases, and the surname only when unique among `scope` driver ids."""
    d = DRIVERS[did]
    out = [d["name"], fold(d["name"])] + ALIAS.get(did, [])
    if surname:
        scope = set(scope if scope is not None else ALL_WINNERS) | {did}
        ln = d["lastName"]
        same = [x for x in scope if DRIVERS[x]["lastName"] == ln]
        if len(same) == 1:
            out += [ln, fold(ln), surname_key(did)]
    return uniq(out)


def surname_key(did):
    ln = fold(DRIVERS[did]["lastName"])
    for suf in (" Jr.", " Sr.", " Jr", " Sr"):
        ln = ln[: -len(suf)] if ln.endswith(suf) else ln
    return ln


def cn(cid):
    return CONS[cid]["name"]


def acc_c(cid):
    c = CONS[cid]
    return uniq([c["name"], fold(c["name"]), c.get("fullName") or ""])


def acc_place(r):
    g = GPS[r["grandPrixId"]]
    c = CIRC[r["circuitId"]]
    return uniq([g["fullName"], g["shortName"], c["name"], fold(c["name"]), c.get("placeName") or ""])


def field(r):
    return {x["driverId"] for x in (r["res"] or [])}


def season_field(y):
    s = set()
    for r in season(y):
        s |= field(r)
    return s


def winners(r):
    return [x["driverId"] for x in r["res"] if x["position"] == 1]


def winner(r):
    w = winners(r)
    assert len(w) == 1, (rlabel(r), w)
    return w[0]


def at(r, p, key="res"):
    rows = [x for x in r[key] if x["position"] == p]
    assert len(rows) == 1, (rlabel(r), key, p, rows)
    return rows[0]


ALL_WINNERS = {d for r in DONE for d in winners(r)}


def count_by(fn):
    c = collections.Counter()
    for r in DONE:
        for k in fn(r):
            c[k] += 1
    return c


def top(counter, n=1):
    ranked = counter.most_common()
    assert ranked, "empty"
    assert len(ranked) == 1 or ranked[0][1] > ranked[1][1], ("tie at top", ranked[:4])
    return ranked[0]


def nxt(counter, k=4, name=dn):
    return ", ".join(f"{name(a)} {b}" for a, b in counter.most_common(k + 1)[1:])


def starts_of(did):
    return [r for r in DONE if any(x["driverId"] == did and started(x) for x in r["res"])]


def wins_of(did, year=None):
    return [r for r in DONE if (year is None or r["year"] == year) and did in winners(r)]


def podiums_of(did, year=None):
    return [r for r in DONE if (year is None or r["year"] == year)
            and any(x["driverId"] == did and pos(x) and pos(x) <= 3 for x in r["res"])]


def pole_of(r):
    """Qualifying P1, checked against grid P1 (returns (quali, grid))."""
    q = [x["driverId"] for x in (r["quali"] or []) if x["position"] == 1]
    g = [x["driverId"] for x in (r["grid"] or []) if x["position"] == 1]
    return (q[0] if q else None), (g[0] if g else None)


def poles_of(did, year=None, check=True):
    rs = [r for r in DONE if (year is None or r["year"] == year)]
    q = sum(1 for r in rs if pole_of(r)[0] == did)
    g = sum(1 for r in rs if pole_of(r)[1] == did)
    if check:
        assert q == g, (did, year, q, g)
    return q, g


def stand(y, did=None, p=None):
    rows = STAND[y]
    if did:
        rr = [x for x in rows if x["driverId"] == did]
    else:
        rr = [x for x in rows if x["position"] == p]
    assert len(rr) == 1, (y, did, p, rr)
    return rr[0]


def cstand(y, cid=None, p=None):
    rows = CSTAND[y]
    rr = [x for x in rows if (x["constructorId"] == cid if cid else x["position"] == p)]
    assert len(rr) == 1, (y, cid, p, rr)
    return rr[0]


def champ(y):
    assert y <= 2025
    return stand(y, p=1)["driverId"]


def cchamp(y):
    assert 1958 <= y <= 2025
    return cstand(y, p=1)["constructorId"]


def num(x):
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return str(x)


def teams_in(did, y):
    return uniq([x["constructorId"] for r in season(y) for x in r["res"] if x["driverId"] == did and started(x)])


def teammates(did, y, cid):
    s = set()
    for r in season(y):
        for x in r["res"]:
            if x["constructorId"] == cid and x["driverId"] != did and started(x):
                s.add(x["driverId"])
    return sorted(s)


def engines(cid, y):
    return uniq([x["engineManufacturerId"] for r in season(y) for x in r["res"] if x["constructorId"] == cid])


def age(did, date):
    b = DRIVERS[did]["dateOfBirth"]
    return (date - b).days


def fmt_age(days):
    return f"{days // 365.25:.0f} years {days % 365.25:.0f} days"


# ---------------------------------------------------------------- records
RECS = []


def Q(group, category, question, accept, note, source, accept_all=None, unavailable=False):
    if unavailable:
        assert accept == [] and not accept_all
    else:
        assert accept, question
    rec = {"id": None, "category": category, "group": group, "question": question, "accept": uniq(accept)}
    if accept_all:
        rec["accept_all"] = uniq(accept_all)
    rec["expect_unavailable"] = unavailable
    rec["answer_note"] = note
    rec["source"] = source if isinstance(source, list) else [source]
    RECS.append(rec)


RR = "seasons/*/races/*/race-results.yml"
QQ = "seasons/*/races/*/qualifying-results.yml"
rng = random.Random(SEED)

# ================================================================ aggregate (25)
for gp, qtext in [("monaco", "who has won monaco the most times?"),
                  ("belgium", "Most wins ever at the Belgian Grand Prix — which driver?"),
                  ("japan", "which driver has the most japanese gp victories")]:
    c = collections.Counter(d for r in DONE if r["grandPrixId"] == gp for d in winners(r))
    w, n = top(c)
    Q("aggregate", "most_wins_at_gp", qtext, acc_d(w),
      f"{dn(w)} with {n} {GPS[gp]['fullName']} wins; next: {nxt(c, 3)} ({CUTOFF}).", f"seasons/*/races/*-{gp}/race-results.yml")

c = collections.Counter(pole_of(r)[0] for r in DONE if r["circuitId"] == "monza" and pole_of(r)[0])
cg = collections.Counter(pole_of(r)[1] for r in DONE if r["circuitId"] == "monza" and pole_of(r)[1])
w, n = top(c)
assert top(cg)[0] == w
Q("aggregate", "most_poles_at_circuit", "Who holds the record for most pole positions at Monza?", acc_d(w),
  f"{dn(w)}: {n} poles at Monza (qualifying P1; grid P1 gives the same leader, {top(cg)[1]}); next: {nxt(c, 3)}.",
  ["seasons/*/races/*/qualifying-results.yml", "seasons/*/races/*/starting-grid-positions.yml"])

c = collections.Counter()
for r in DONE:
    for d in set(winners(r)):
        c[(d, r["year"])] += 1
(w, y), n = top(c)
Q("aggregate", "record_wins_in_season", "what's the record for most race wins in one season and who set it",
  [str(n)], f"{dn(w)} won {n} Grands Prix in {y} (of {len(season(y))} races); next best: "
  + ", ".join(f"{dn(a)} {b} in {yy}" for (a, yy), b in c.most_common(4)[1:]) + ".", RR,
  accept_all=[str(n), surname_key(w)])

ws = {d for r in season(2012) for d in winners(r)}
Q("aggregate", "distinct_winners_season", "How many different drivers won a race in 2012?", [str(len(ws))],
  f"{len(ws)} different winners in 2012 ({len(season(2012))} races): " + ", ".join(sorted(dn(d) for d in ws)) + ".",
  "seasons/2012/races/*/race-results.yml")

c = collections.Counter()
for r in DONE:
    for cid in {x["constructorId"] for x in r["res"] if x["position"] == 1}:
        c[cid] += 1
w, n = top(c)
Q("aggregate", "constructor_most_wins", "which team has won the most grands prix ever?", acc_c(w),
  f"{cn(w)} with {n} Grand Prix wins; next: {nxt(c, 3, cn)} ({CUTOFF}).", RR)

c = collections.Counter()
for r in DONE:
    for d in {x["driverId"] for x in r["res"] if started(x)}:
        c[d] += 1
w, n = top(c)
Q("aggregate", "most_starts", "who has started the most F1 races of all time", acc_d(w),
  f"{dn(w)} with {n} Grand Prix starts (non-starts DNQ/DNPQ/EX/DNS/DNP excluded); next: {nxt(c, 3)} ({CUTOFF}).", RR)

Q("aggregate", "races_in_season", "how many races were there in the 2021 season?", [str(len(season(2021)))],
  f"{len(season(2021))} World Championship races in 2021 (rounds 1-{season(2021)[-1]['round']}).",
  "seasons/2021/races/*/race.yml")

c = collections.Counter(DRIVERS[d]["nationalityCountryId"] for d in ALL_WINNERS)
w, n = top(c)
Q("aggregate", "country_most_winners", "Which nation has produced the most different Grand Prix winners?",
  uniq([COUNTRIES[w]["name"], "Britain", "British", "UK", "England"] if w == "united-kingdom" else [COUNTRIES[w]["name"]]),
  f"{COUNTRIES[w]['name']}: {n} different drivers have won a Grand Prix; next: "
  + ", ".join(f"{COUNTRIES[a]['name']} {b}" for a, b in c.most_common(4)[1:]) + f" ({CUTOFF}).",
  [RR, "drivers/*.yml"])

c = count_by(lambda r: [x["driverId"] for x in (r["fl"] or []) if x["position"] == 1])
w, n = top(c)
Q("aggregate", "most_fastest_laps", "most fastest laps in f1 history, who's got that record?", acc_d(w),
  f"{dn(w)}: {n} fastest laps (fastest-laps P1); next: {nxt(c, 3)} ({CUTOFF}).", "seasons/*/races/*/fastest-laps.yml")

sil = [r for r in DONE if r["circuitId"] == "silverstone"]
Q("aggregate", "races_at_circuit", "how many world championship races have been held at silverstone",
  [str(len(sil))], f"{len(sil)} World Championship races at Silverstone, from {sil[0]['year']} to {sil[-1]['year']} "
  f"({CUTOFF}; all are British GPs except {', '.join(rlabel(r) for r in sil if r['grandPrixId'] != 'great-britain')}).",
  "seasons/*/races/*/race.yml")

c = collections.Counter({(x["driverId"], y): x["points"] for y in range(1950, 2026) for x in STAND[y]})
(w, y), n = top(c)
Q("aggregate", "record_points_season", "Most points anyone has scored in a single season? give me the number and the driver",
  [num(n)], f"{dn(w)}: {num(n)} points in {y}; next: "
  + ", ".join(f"{dn(a)} {num(b)} ({yy})" for (a, yy), b in c.most_common(4)[1:]) + ".", "seasons/*/driver-standings.yml",
  accept_all=[num(n), surname_key(w)])

c = collections.Counter(r["circuitId"] for r in DONE)
w, n = top(c)
Q("aggregate", "circuit_most_races", "which track has hosted the most f1 world championship races?",
  uniq([CIRC[w]["name"], CIRC[w]["fullName"]]), f"{CIRC[w]['name']} with {n} races; next: "
  + ", ".join(f"{CIRC[a]['name']} {b}" for a, b in c.most_common(4)[1:]) + f" ({CUTOFF}).", "seasons/*/races/*/race.yml")

best = min(((age(d, r["date"]), d, r) for r in DONE for d in winners(r)), key=lambda t: t[0])
Q("aggregate", "youngest_winner", "youngest ever race winner?", acc_d(best[1]),
  f"{dn(best[1])}, aged {fmt_age(best[0])} at the {rlabel(best[2])}.", [RR, "drivers/*.yml"])

c = collections.Counter()
for r in DONE:
    for d in {x["driverId"] for x in r["res"] if pos(x) and pos(x) <= 3}:
        c[d] += 1
nowin = collections.Counter({d: n for d, n in c.items() if d not in ALL_WINNERS})
w, n = top(nowin)
Q("aggregate", "most_podiums_no_win", "who has the most podiums without ever winning a race?", acc_d(w, set(nowin)),
  f"{dn(w)}: {n} Grand Prix podiums and no win; next: {nxt(nowin, 3)} ({CUTOFF}).", RR)

mon = [r for r in DONE if r["grandPrixId"] == "spain" and r["year"] >= 2000]
pw = [r for r in mon if pole_of(r)[0] == winner(r)]
assert [r for r in mon if pole_of(r)[1] == winner(r)] == pw
Q("aggregate", "pole_to_win_count", "spanish gp since 2000 - how many times did the pole sitter go on to win?",
  [str(len(pw))], f"{len(pw)} of {len(mon)} Spanish GPs (grandPrixId spain; the 2026 Madrid round has no result) from 2000 to {mon[-1]['year']} were won from pole "
  f"(qualifying P1 = grid P1 here): " + ", ".join(f"{r['year']} {dn(winner(r))}" for r in pw) + ".",
  ["seasons/*/races/*-spain/race-results.yml", "seasons/*/races/*-spain/qualifying-results.yml"])

c = count_by(lambda r: [x["driverId"] for x in (r["dotd"] or []) if x["position"] == 1])
w, n = top(c)
Q("aggregate", "most_driver_of_the_day", "who has won driver of the day the most?", acc_d(w),
  f"{dn(w)}: {n} Driver of the Day awards (DOTD P1, recorded from 2016); next: {nxt(c, 3)} ({CUTOFF}).",
  "seasons/*/races/*/driver-of-the-day-results.yml")

ps = {pole_of(r)[0] for r in season(2026)}
assert ps == {pole_of(r)[1] for r in season(2026)}
Q("aggregate", "distinct_polesitters_season", "how many different polesitters have we had so far in 2026?",
  [str(len(ps))], f"{len(ps)} different pole sitters in the 11 races of 2026 with results: "
  + ", ".join(f"{dn(d)} {sum(1 for r in season(2026) if pole_of(r)[0] == d)}" for d in sorted(ps)) + f" ({CUTOFF}).",
  "seasons/2026/races/*/qualifying-results.yml")

c = collections.Counter(cchamp(y) for y in range(1958, 2026))
w, n = top(c)
Q("aggregate", "most_constructors_titles", "Which constructor has the most constructors' championships?", acc_c(w),
  f"{cn(w)}: {n} constructors' titles (1958-2025); next: {nxt(c, 3, cn)}. The 2026 title is undecided.",
  "seasons/*/constructor-standings.yml")

c = collections.Counter()
for r in DONE:
    for x in r["res"]:
        c[x["driverId"]] += x["points"] or 0
    for x in (r["sprint"] or []):
        c[x["driverId"]] += x.get("points") or 0
w, n = top(c)
Q("aggregate", "most_career_points", "who has scored the most career points in f1", acc_d(w),
  f"{dn(w)}: about {num(round(n, 1))} points (Grand Prix plus sprint points as awarded); next: "
  + ", ".join(f"{dn(a)} {num(round(b, 1))}" for a, b in c.most_common(4)[1:]) + f" ({CUTOFF}).",
  [RR, "seasons/*/races/*/sprint-race-results.yml"])

c = collections.Counter()
for r in DONE:
    if 1950 <= r["year"] <= 1959:
        for d in set(winners(r)):
            c[d] += 1
w, n = top(c)
Q("aggregate", "most_wins_decade", "Who won the most races in the 1950s?", acc_d(w),
  f"{dn(w)}: {n} wins 1950-1959 (shared-car wins counted; Indianapolis 500 included); next: {nxt(c, 3)}.",
  "seasons/195*/races/*/race-results.yml")

st = collections.Counter()
for r in DONE:
    for d in {x["driverId"] for x in r["res"] if started(x)}:
        st[d] += 1
nopod = collections.Counter({d: n for d, n in st.items() if d not in c and d not in {
    x["driverId"] for r in DONE for x in r["res"] if pos(x) and pos(x) <= 3}})
w, n = top(nopod)
Q("aggregate", "most_starts_no_podium", "which driver has done the most races without ever getting a podium",
  acc_d(w, set(nopod)), f"{dn(w)}: {n} starts with no Grand Prix podium; next: {nxt(nopod, 3)} ({CUTOFF}).", RR)

Q("aggregate", "total_distinct_winners", "how many different drivers have won a world championship grand prix?",
  [str(len(ALL_WINNERS))], f"{len(ALL_WINNERS)} different drivers have won at least one Grand Prix (shared-car "
  f"wins included, Indianapolis 500 1950-60 included) ({CUTOFF}).", RR)

c = collections.Counter()
for r in DONE:
    for e in {x["engineManufacturerId"] for x in r["res"] if x["position"] == 1}:
        c[e] += 1
w, n = top(c)
Q("aggregate", "engine_most_wins", "which engine manufacturer has powered the most race wins?",
  uniq([ENG[w]["name"]]), f"{ENG[w]['name']} engines: {n} Grand Prix wins; next: "
  + ", ".join(f"{ENG[a]['name']} {b}" for a, b in c.most_common(4)[1:]) + f" ({CUTOFF}).", RR)

c = count_by(lambda r: [x["driverId"] for x in (r["sprint"] or []) if x["position"] == 1])
w, n = top(c)
Q("aggregate", "most_sprint_wins", "most sprint race wins, who?", acc_d(w),
  f"{dn(w)}: {n} sprint wins (2021 onwards); next: {nxt(c, 3)} ({CUTOFF}).", "seasons/*/races/*/sprint-race-results.yml")

best = max(((age(d, r["date"]), d, r) for r in DONE for d in winners(r)), key=lambda t: t[0])
Q("aggregate", "oldest_winner", "oldest guy to ever win a grand prix?", acc_d(best[1]),
  f"{dn(best[1])}, aged {fmt_age(best[0])} at the {rlabel(best[2])}"
  + (" (a shared-car win)" if len(winners(best[2])) > 1 else "") + ".", [RR, "drivers/*.yml"])

c = collections.Counter()
for r in DONE:
    for cid in {x["constructorId"] for x in r["res"] if x["position"] == 1}:
        c[(cid, r["year"])] += 1
(w, y), n = top(c)
Q("aggregate", "constructor_record_wins_season", "what's the most wins a team has had in one season",
  [str(n)], f"{cn(w)} won {n} of {len(season(y))} races in {y}; next: "
  + ", ".join(f"{cn(a)} {b} ({yy})" for (a, yy), b in c.most_common(4)[1:]) + ".", RR,
  accept_all=[str(n)])

# ================================================================ colloquial (22)


def win_q(cat, q, y, gp, pre=""):
    r = race(y, gp)
    w = winner(r)
    p2, p3 = at(r, 2)["driverId"], at(r, 3)["driverId"]
    Q("colloquial", cat, q, acc_d(w, field(r)),
      pre + f"{dn(w)} won the {rlabel(r)}; P2 {dn(p2)}, P3 {dn(p3)}.", rpath(r))


win_q("relative_time", "who won at spa last year", 2025, "belgium", "\"Last year\" = 2025 (today 2026-12-04). ")
win_q("typo", "who actualy won baku in 23? was it checo", 2023, "azerbaijan", "\"baku 23\" = 2023 Azerbaijan GP. ")
win_q("relative_time", "monaco the year before last, who won?", 2024, "monaco", "\"The year before last\" = 2024. ")
win_q("typo", "monzaa 1971 winner??", 1971, "italy", "\"monzaa\" = Monza, Italian GP. ")
win_q("slang", "suzuka 89 who ended up winning after all the drama", 1989, "japan",
      "Race result as classified (Senna was disqualified after crossing the line first). ")

q, g = poles_of("michael-schumacher", 2000)
Q("colloquial", "nickname", "how many poles did schumi get in 2000", [str(q)],
  f"\"Schumi\" = Michael Schumacher: {q} poles in 2000 (qualifying P1; grid P1 agrees) of {len(season(2000))} races.",
  "seasons/2000/races/*/qualifying-results.yml")

t = [y for y in range(1950, 2026) if champ(y) == "alain-prost"]
Q("colloquial", "nickname", "the professor — how many world titles did he win", [str(len(t))],
  f"\"The Professor\" = Alain Prost: {len(t)} drivers' titles ({', '.join(map(str, t))}).", "seasons/*/driver-standings.yml")

n = len(wins_of("fernando-alonso", 2005))
Q("colloquial", "nickname", "how many races did el nano win in 05", [str(n)],
  f"\"El Nano\" = Fernando Alonso: {n} wins in 2005 (Renault), his first title year.", "seasons/2005/races/*/race-results.yml")

ty = [y for y in range(1950, 2026) if champ(y) == "kimi-raikkonen"]
assert len(ty) == 1
tm = teams_in("kimi-raikkonen", ty[0])
assert len(tm) == 1
Q("colloquial", "nickname", "what team did the iceman win his title with", acc_c(tm[0]),
  f"\"The Iceman\" = Kimi Räikkönen: champion in {ty[0]} with {cn(tm[0])}.",
  [f"seasons/{ty[0]}/driver-standings.yml", f"seasons/{ty[0]}/races/*/race-results.yml"])

fw = wins_of("daniel-ricciardo")[0]
Q("colloquial", "nickname", "where did the honey badger get his first ever win", acc_place(fw),
  f"\"Honey Badger\" = Daniel Ricciardo: first win at the {rlabel(fw)} (Red Bull). Place and year required.",
  rpath(fw), accept_all=[str(fw["year"])])

r = race(2026, "great-britain")
qp, gp_ = pole_of(r)
assert qp == gp_
Q("colloquial", "relative_time", "who got pole at silverstone this yr", acc_d(qp, field(r)),
  f"\"This year\" = 2026: {dn(qp)} took pole for the {rlabel(r)} (qualifying P1 = grid P1).", rpath(r, "qualifying-results"))

fp = podiums_of("nico-hulkenberg")
assert fp, "hulkenberg podium"
fp = fp[0]
Q("colloquial", "nickname", "hulk's first podium, which race was it", acc_place(fp),
  f"\"Hulk\" = Nico Hülkenberg: first Grand Prix podium at the {rlabel(fp)} "
  f"(P{[pos(x) for x in fp['res'] if x['driverId'] == 'nico-hulkenberg'][0]}, "
  f"{starts_of('nico-hulkenberg').index(fp) + 1}th start). Place and year required.", rpath(fp), accept_all=[str(fp["year"])])

n = len(wins_of("lewis-hamilton", 2020))
Q("colloquial", "typo", "how many wins did hamliton get in 2020", [str(n)],
  f"\"hamliton\" = Lewis Hamilton: {n} wins in 2020 ({len(season(2020))} races).", "seasons/2020/races/*/race-results.yml")

s = stand(2021, "max-verstappen")
Q("colloquial", "typo", "verstapen final pts total 2021?", [num(s["points"])],
  f"\"verstapen\" = Max Verstappen: {num(s['points'])} points, P{s['position']} (champion) in 2021.",
  "seasons/2021/driver-standings.yml")

w = winner(last)
Q("colloquial", "relative_time", "who won the most recent gp", acc_d(w, field(last)),
  f"The most recent race with results is the {rlabel(last)}: {dn(w)} won; P2 {dn(at(last, 2)['driverId'])}, "
  f"P3 {dn(at(last, 3)['driverId'])}. Later 2026 rounds have no results in the data.", rpath(last))

s = stand(2025, p=2)
Q("colloquial", "relative_time", "who was p2 in the drivers champ last season", acc_d(s["driverId"], season_field(2025)),
  f"\"Last season\" = 2025: P2 {dn(s['driverId'])} with {num(s['points'])} points; champion "
  f"{dn(champ(2025))} ({num(stand(2025, p=1)['points'])}).", "seasons/2025/driver-standings.yml")

s = stand(2026, "isack-hadjar")
Q("colloquial", "typo", "how many pts has hadjer got this yr", [num(s["points"])],
  f"\"hadjer\" = Isack Hadjar; \"this year\" = 2026: he has {num(s['points'])} points, P{s['position']} after round 11 ({CUTOFF}).",
  "seasons/2026/driver-standings.yml")

tm = teams_in("valtteri-bottas", 2026)
assert len(tm) == 1, tm
Q("colloquial", "relative_time", "wat team is bottas driving for this season", acc_c(tm[0]),
  f"\"This season\" = 2026: Valtteri Bottas drives for {cn(tm[0])} "
  f"(team-mate {', '.join(dn(d) for d in teammates('valtteri-bottas', 2026, tm[0]))}).", "seasons/2026/races/*/race-results.yml")

q, g = poles_of("ayrton-senna")
Q("colloquial", "nickname", "magic senna career poles total?", [str(q)],
  f"\"Magic\" = Ayrton Senna: {q} pole positions (qualifying P1; grid P1 agrees) in {len(starts_of('ayrton-senna'))} starts.",
  QQ)

n = len(wins_of("nigel-mansell", 1992))
Q("colloquial", "nickname", "il leone in 92, how many wins", [str(n)],
  f"\"Il Leone\" = Nigel Mansell: {n} wins in 1992 (Williams), his title year.", "seasons/1992/races/*/race-results.yml")

n = len(wins_of("jackie-stewart"))
Q("colloquial", "nickname", "how many GPs did the flying scot win in his career", [str(n)],
  f"\"The Flying Scot\" = Jackie Stewart: {n} Grand Prix wins (1965-1973).", RR)

s = stand(2026, p=1)
Q("colloquial", "relative_time", "whos leading the championship rn", acc_d(s["driverId"], season_field(2026)),
  f"After the latest race with results (2026 Hungarian GP, round 11): {dn(s['driverId'])} leads with "
  f"{num(s['points'])} points, P2 {dn(stand(2026, p=2)['driverId'])} {num(stand(2026, p=2)['points'])}.",
  "seasons/2026/driver-standings.yml")

t = [y for y in range(1950, 2026) if champ(y) == "max-verstappen"]
Q("colloquial", "nickname", "how many titles has maxy got now", [str(len(t))],
  f"\"Maxy\" = Max Verstappen: {len(t)} drivers' titles ({', '.join(map(str, t))}); the 2026 title is undecided.",
  "seasons/*/driver-standings.yml")

gw = wins_of("pierre-gasly")
assert len(gw) == 1
Q("colloquial", "slang", "what year was gasly's monza win again", [str(gw[0]["year"])],
  f"Pierre Gasly's only Grand Prix win: the {rlabel(gw[0])}, with AlphaTauri.", rpath(gw[0]))

c = collections.Counter(d for r in season(2026) for d in winners(r))
w, n = top(c)
Q("colloquial", "relative_time", "who's won the most races this season so far?", acc_d(w, season_field(2026)),
  f"\"This season\" = 2026: {dn(w)} with {n} wins of 11; " + nxt(c, 4) + f" ({CUTOFF}).",
  "seasons/2026/races/*/race-results.yml")

# ================================================================ relational (20)
for did, y, cid, q in [("ayrton-senna", 1988, "mclaren", "who was senna's teammate at mclaren in 88?"),
                       ("mika-hakkinen", 2000, "mclaren", "Who partnered Häkkinen at McLaren in 2000?"),
                       ("sebastian-vettel", 2013, "red-bull", "vettel's team mate in 2013"),
                       ("fernando-alonso", 2007, "mclaren", "who was alonso paired with at mclaren in 2007"),
                       ("damon-hill", 1996, "williams", "damon hill's williams teammate the year he won the title?")]:
    tm = teammates(did, y, cid)
    assert len(tm) == 1, (did, y, tm)
    if "title" in q:
        assert champ(y) == did
    Q("relational", "teammate", q, acc_d(tm[0], season_field(y)),
      f"{y} {cn(cid)}: {dn(did)} and {dn(tm[0])} (the only other {cn(cid)} starter that season).",
      f"seasons/{y}/races/*/race-results.yml")


def podium_q(q, r, cat="podium"):
    ps = [at(r, p)["driverId"] for p in (1, 2, 3)]
    Q("relational", cat, q, acc_d(ps[2], field(r)),
      f"{rlabel(r)}: P1 {dn(ps[0])}, P2 {dn(ps[1])}, P3 {dn(ps[2])}. All three names are required (accept_all).",
      rpath(r), accept_all=[surname_key(d) for d in ps])


podium_q("podium at brazil 2008? all three pls", race(2008, "brazil"))
podium_q("who was on the podium at fuji in 1976", race(1976, "japan"))
pool = [r for r in DONE if 1960 <= r["year"] <= 1999
        and all(sum(1 for x in r["res"] if x["position"] == p) == 1 for p in (1, 2, 3)) and len({surname_key(at(r, p)["driverId"]) for p in (1, 2, 3)}) == 3]
rr = rng.choice(pool)
podium_q(f"top 3 finishers of the {rr['year']} {GPS[rr['grandPrixId']]['shortName'].lower()}?", rr)

r = race(2021, "abu-dhabi")
p4 = at(r, 4)["driverId"]
Q("relational", "fourth_place", "who just missed the podium in abu dhabi 2021", acc_d(p4, field(r)),
  f"{rlabel(r)}: P4 {dn(p4)} (P3 {dn(at(r, 3)['driverId'])}).", rpath(r))

for cid, y, q in [("mclaren", 1988, "what engine were mclaren running in 1988"),
                  ("red-bull", 2010, "who supplied red bull's engines in 2010?"),
                  ("brabham", 1983, "piquet's 1983 brabham had whose engine in the back?")]:
    e = engines(cid, y)
    assert len(e) == 1, (cid, y, e)
    Q("relational", "engine_supplier", q, [ENG[e[0]]["name"]],
      f"{cn(cid)} used {ENG[e[0]]['name']} engines in every {y} race.", f"seasons/{y}/races/*/race-results.yml")

s = cstand(1998, p=2)
Q("relational", "constructors_runner_up", "who finished second in the 1998 constructors' championship?",
  acc_c(s["constructorId"]), f"1998: P2 {cn(s['constructorId'])} {num(s['points'])}, behind "
  f"{cn(cstand(1998, p=1)['constructorId'])} {num(cstand(1998, p=1)['points'])}.", "seasons/1998/constructor-standings.yml")

r = race(1994, "san-marino")
qp, gp_ = pole_of(r)
assert qp == gp_
Q("relational", "pole_sitter", "who started from pole at imola 1994", acc_d(qp, field(r)),
  f"{rlabel(r)}: pole {dn(qp)} (qualifying P1 = grid P1); winner {dn(winner(r))}.",
  [rpath(r, "qualifying-results"), rpath(r, "starting-grid-positions")])

r = race(2026, "monaco")
p2 = at(r, 2)["driverId"]
Q("relational", "runner_up_race", "who came second in monaco this year", acc_d(p2, field(r)),
  f"\"This year\" = 2026: {rlabel(r)}: P2 {dn(p2)} behind {dn(winner(r))}.", rpath(r))

r = race(2019, "monaco")
fl = at(r, 1, "fl")["driverId"]
Q("relational", "fastest_lap", "fastest lap at monaco 2019, who set it", acc_d(fl, field(r)),
  f"{rlabel(r)}: fastest lap {dn(fl)} ({at(r, 1, 'fl')['time']}, lap {at(r, 1, 'fl')['lap']}).", rpath(r, "fastest-laps"))

r = race(1998, "belgium")
row = [x for x in r["res"] if x["driverId"] == "damon-hill"]
assert len(row) == 1
Q("relational", "team_in_race", "damon hill won spa 98 — what team was he driving for?", acc_c(row[0]["constructorId"]),
  f"{rlabel(r)}: {dn('damon-hill')} P{row[0]['position']} for {cn(row[0]['constructorId'])}.", rpath(r))

# replacement: Lawson at Red Bull 2025
rb = [(r["round"], x["driverId"]) for r in season(2025) for x in r["res"] if x["constructorId"] == "red-bull"]
law = [rd for rd, d in rb if d == "liam-lawson"]
after = sorted({d for rd, d in rb if rd == max(law) + 1} - {"max-verstappen"})
assert len(after) == 1 and "liam-lawson" not in after
Q("relational", "replacement", "who took lawson's red bull seat in 2025", acc_d(after[0], season_field(2025)),
  f"Liam Lawson raced for Red Bull in rounds {min(law)}-{max(law)} of 2025; {dn(after[0])} took the seat from round "
  f"{max(law) + 1} alongside Max Verstappen.", "seasons/2025/races/*/race-results.yml")

fp = [r for r in DONE if pole_of(r)[0] == "max-verstappen"][0]
assert pole_of(fp)[1] == "max-verstappen"
w = winner(fp)
Q("relational", "winner_of_related_race", "who won the race where verstappen took his first ever pole?",
  acc_d(w, field(fp)), f"Max Verstappen's first pole (qualifying P1 = grid P1): {rlabel(fp)}; winner {dn(w)}.",
  [rpath(fp), rpath(fp, "qualifying-results")])

tm = teams_in("oscar-piastri", 2026)
assert len(tm) == 1
mates = teammates("oscar-piastri", 2026, tm[0])
assert len(mates) == 1
Q("relational", "teammate", "who is piastri's team mate this season", acc_d(mates[0], season_field(2026)),
  f"\"This season\" = 2026: Oscar Piastri ({cn(tm[0])}) and {dn(mates[0])}.", "seasons/2026/races/*/race-results.yml")

lineup = sorted({x["driverId"] for r in season(2026) for x in r["res"] if x["constructorId"] == "williams" and started(x)})
assert len(lineup) == 2, lineup
Q("relational", "team_lineup", "williams drivers 2026?", acc_d(lineup[0], season_field(2026)),
  f"Williams in 2026 (rounds 1-11): {dn(lineup[0])} and {dn(lineup[1])}. Both names required (accept_all).",
  "seasons/2026/races/*/race-results.yml", accept_all=[surname_key(d) for d in lineup])

r = race(1950, "great-britain")
podium_q("first ever championship race in 1950, who finished 1-2-3?", r)

# ================================================================ career_history (15)
for did, q in [("lewis-hamilton", "Which race was Lewis Hamilton's first Grand Prix win?"),
               ("charles-leclerc", "leclerc maiden win — where?"),
               ("lando-norris", "where did lando finally get his first win"),
               ("michael-schumacher", "michael schumacher's first ever F1 victory came at which grand prix?")]:
    fw = wins_of(did)[0]
    Q("career_history", "first_win", q, acc_place(fw),
      f"{dn(did)}'s first Grand Prix win: {rlabel(fw)}. Place and year required (accept_all).", rpath(fw),
      accept_all=[str(fw["year"])])

lw = wins_of("kimi-raikkonen")[-1]
Q("career_history", "last_win", "when was kimi's last win", acc_place(lw),
  f"Kimi Räikkönen's last (of {len(wins_of('kimi-raikkonen'))}) Grand Prix wins: {rlabel(lw)} with "
  f"{cn([x for x in lw['res'] if x['driverId'] == 'kimi-raikkonen'][0]['constructorId'])}. Place and year required.",
  rpath(lw), accept_all=[str(lw["year"])])

t = [y for y in range(1950, 2026) if champ(y) == "nelson-piquet"]
Q("career_history", "title_count", "how many championships did nelson piquet sr win", [str(len(t))],
  f"Nelson Piquet: {len(t)} drivers' titles ({', '.join(map(str, t))}); Nelson Piquet Jr. none.",
  "seasons/*/driver-standings.yml")

for cid, q in [("red-bull", "first year red bull won the constructors title"),
               ("mercedes", "when did mercedes first win the constructors' championship?"),
               ("tyrrell", "tyrrell's constructors title — what year?")]:
    t = [y for y in range(1958, 2026) if cchamp(y) == cid]
    assert t, cid
    if cid == "tyrrell":
        assert len(t) == 1, t
    Q("career_history", "first_team_title", q, [str(t[0])],
      f"{cn(cid)} first won the constructors' championship in {t[0]} ({len(t)} title{'s' if len(t) > 1 else ''} in all: "
      f"{', '.join(map(str, t))}; the constructors' championship exists since 1958).", "seasons/*/constructor-standings.yml")

for did, q in [("alain-prost", "how many races did prost win in total"),
               ("jim-clark", "Jim Clark career wins?"),
               ("jenson-button", "total number of gp wins for jenson button")]:
    ws = wins_of(did)
    Q("career_history", "career_wins", q, [str(len(ws))],
      f"{dn(did)}: {len(ws)} Grand Prix wins ({ws[0]['year']}-{ws[-1]['year']}) from {len(starts_of(did))} starts.", RR)

deb = starts_of("fernando-alonso")[0]
tm = [x["constructorId"] for x in deb["res"] if x["driverId"] == "fernando-alonso"]
Q("career_history", "debut_team", "which team did alonso make his f1 debut with?", acc_c(tm[0]),
  f"Fernando Alonso's first start: {rlabel(deb)} with {cn(tm[0])}.", rpath(deb))

deb = starts_of("sebastian-vettel")[0]
Q("career_history", "debut_race", "At which Grand Prix did Sebastian Vettel make his race debut?", acc_place(deb),
  f"Vettel's first start: {rlabel(deb)} with "
  f"{cn([x for x in deb['res'] if x['driverId'] == 'sebastian-vettel'][0]['constructorId'])} (P"
  f"{[x for x in deb['res'] if x['driverId'] == 'sebastian-vettel'][0]['position']}). Place and year required.",
  rpath(deb), accept_all=[str(deb["year"])])

yrs = sorted({r["year"] for r in starts_of("rubens-barrichello")})
Q("career_history", "seasons_count", "how many seasons did barrichello race in f1", [str(len(yrs))],
  f"Rubens Barrichello started races in {len(yrs)} seasons ({yrs[0]}-{yrs[-1]}), {len(starts_of('rubens-barrichello'))} starts.",
  RR)

fy = [y for y in range(1950, 2026) if "ferrari" in teams_in(champ(y), y)][0]
Q("career_history", "first_champion_team", "who was the first driver to win the world title with ferrari?",
  acc_d(champ(fy)), f"{dn(champ(fy))} in {fy} (Ferrari's first drivers' champion).",
  ["seasons/*/driver-standings.yml", f"seasons/{fy}/races/*/race-results.yml"])

t = [y for y in range(1950, 2026) if champ(y) == "jack-brabham"]
Q("career_history", "last_title", "what year was jack brabham's last championship", [str(t[-1])],
  f"Jack Brabham: titles {', '.join(map(str, t))}; the last in {t[-1]} (with his own Brabham team).",
  "seasons/*/driver-standings.yml")

# ================================================================ comparative (13)


def cmp_q(cat, q, a, b, va, vb, what, src, name=dn, key=surname_key):
    assert va != vb, (q, va, vb)
    hi, lo, vh, vl = (a, b, va, vb) if va > vb else (b, a, vb, va)
    m = num(round(vh - vl, 1))
    Q("comparative", cat, q, [m], f"{name(a)} {num(va)} vs {name(b)} {num(vb)} {what}: {name(hi)} by {m}. "
      "Leader and margin required (accept_all).", src, accept_all=[key(hi), m])


cmp_q("career_difference", "senna or prost, who had more poles and by how many", "ayrton-senna", "alain-prost",
      poles_of("ayrton-senna")[0], poles_of("alain-prost")[0], "career poles (qualifying P1; grid P1 agrees)", QQ)
for y, a, b, q in [(2016, "lewis-hamilton", "nico-rosberg", "2016 hamilton vs rosberg final points gap?"),
                   (2012, "sebastian-vettel", "fernando-alonso", "how close was vettel vs alonso in 2012 on points"),
                   (2025, "lando-norris", "oscar-piastri", "norris v piastri last season, who finished ahead and by how much"),
                   (1976, "niki-lauda", "james-hunt", "lauda vs hunt 76, how many points in it?"),
                   (2009, "jenson-button", "rubens-barrichello", "brawn 2009: button vs barrichello points margin"),
                   (2026, "george-russell", "kimi-antonelli", "russell or antonelli — who's ahead on points this year, by how much")]:
    cmp_q("points_comparison", q, a, b, stand(y, a)["points"], stand(y, b)["points"],
          f"points in {y}" + (" (after round 11)" if y == 2026 else " (final standings)"), f"seasons/{y}/driver-standings.yml")
cmp_q("team_comparison", "ferrari vs mclaren in the 2025 constructors, what was the gap", "ferrari", "mclaren",
      cstand(2025, "ferrari")["points"], cstand(2025, "mclaren")["points"], "constructors' points in 2025",
      "seasons/2025/constructor-standings.yml", name=cn, key=lambda c: cn(c))
cmp_q("career_difference", "hakkinen vs coulthard career wins — who had more and how many more?", "mika-hakkinen",
      "david-coulthard", len(wins_of("mika-hakkinen")), len(wins_of("david-coulthard")), "career Grand Prix wins", RR)
cmp_q("career_difference", "jim clark or jackie stewart: more gp wins, and the difference?", "jim-clark", "jackie-stewart",
      len(wins_of("jim-clark")), len(wins_of("jackie-stewart")), "career Grand Prix wins", RR)
cmp_q("podiums_comparison", "verstappen vs leclerc career podiums, whos got more and by how many", "max-verstappen",
      "charles-leclerc", len(podiums_of("max-verstappen")), len(podiums_of("charles-leclerc")),
      f"career Grand Prix podiums ({CUTOFF})", RR)
cmp_q("team_comparison", "williams or mclaren, who has more constructors titles? by how many", "williams", "mclaren",
      sum(cchamp(y) == "williams" for y in range(1958, 2026)), sum(cchamp(y) == "mclaren" for y in range(1958, 2026)),
      "constructors' titles (1958-2025)", "seasons/*/constructor-standings.yml", name=cn, key=lambda c: cn(c))
fq, mq = poles_of("juan-manuel-fangio", check=False), poles_of("stirling-moss", check=False)
assert fq[0] - mq[0] == fq[1] - mq[1], (fq, mq)
cmp_q("career_difference", "fangio vs moss, career pole positions — difference?", "juan-manuel-fangio", "stirling-moss",
      fq[0], mq[0], f"career poles (qualifying P1; grid P1 counts: {fq[1]} vs {mq[1]})", QQ)

# ================================================================ multi_part (13)


def mp(cat, q, parts, note, src, accept=None):
    Q("multi_part", cat, q, accept or [parts[0]], note + " All parts required (accept_all).", src, accept_all=parts)


w = champ(2005)
tm = teams_in(w, 2005)
assert len(tm) == 1
mp("champion_and_team", "who won the 2005 title and what team was he with", [surname_key(w), cn(tm[0])],
   f"2005 champion {dn(w)} ({num(stand(2005, p=1)['points'])} points) with {cn(tm[0])}.",
   ["seasons/2005/driver-standings.yml", "seasons/2005/races/*/race-results.yml"])

a, b = stand(1986, p=1)["driverId"], stand(1986, p=2)["driverId"]
assert stand(1986, p=2)["points"] != stand(1986, p=3)["points"]
mp("champion_and_runner_up", "1986 champ and runner up?", [surname_key(a), surname_key(b)],
   f"1986: champion {dn(a)} {num(stand(1986, p=1)['points'])}, P2 {dn(b)} {num(stand(1986, p=2)['points'])}, "
   f"P3 {dn(stand(1986, p=3)['driverId'])}.", "seasons/1986/driver-standings.yml")

r = race(2026, "great-britain")
qp, _ = pole_of(r)
w = winner(r)
mp("pole_and_winner", "british gp this year: who was on pole and who won?", [surname_key(qp), surname_key(w)],
   f"{rlabel(r)}: pole {dn(qp)}, winner {dn(w)}." + (" (the same driver)" if qp == w else ""),
   [rpath(r), rpath(r, "qualifying-results")])

for did, y, q in [("lewis-hamilton", 2014, "hamilton 2014 — wins and poles?"),
                  ("michael-schumacher", 2004, "schumacher 2004: how many wins and how many poles")]:
    nw = len(wins_of(did, y))
    npq, _ = poles_of(did, y)
    assert nw != npq, (did, y)
    mp("two_counts", q, [str(nw), str(npq)],
       f"{dn(did)} in {y}: {nw} wins and {npq} poles (qualifying P1; grid P1 agrees) from {len(season(y))} races.",
       [f"seasons/{y}/races/*/race-results.yml", f"seasons/{y}/races/*/qualifying-results.yml"])

nw, npd = len(wins_of("max-verstappen", 2023)), len(podiums_of("max-verstappen", 2023))
assert nw != npd
mp("two_counts", "verstappen 2023 wins and podiums tally?", [str(nw), str(npd)],
   f"Max Verstappen 2023: {nw} wins, {npd} Grand Prix podiums from {len(season(2023))} races (sprints not counted).",
   "seasons/2023/races/*/race-results.yml")

r = DONE[0]
w = winner(r)
mp("place_and_winner", "where was the first ever world championship race and who won it",
   [surname_key(w), CIRC[r["circuitId"]]["name"]], f"The first World Championship race: {rlabel(r)} at "
   f"{CIRC[r['circuitId']]['name']}, won by {dn(w)}.", rpath(r), accept=[CIRC[r["circuitId"]]["name"]])

c = collections.Counter(d for r in season(2026) for d in winners(r))
w, n = top(c)
mp("count_and_leader", "how many races have been run this season and who has won the most of them?",
   [str(len(season(2026))), surname_key(w)], f"2026 so far: {len(season(2026))} races with results (rounds 1-11); most wins "
   f"{dn(w)} with {n}; {nxt(c, 3)} ({CUTOFF}).", "seasons/2026/races/*/race-results.yml")

r = race(2012, "brazil")
w, fl = winner(r), at(r, 1, "fl")["driverId"]
assert w != fl
mp("winner_and_fastest_lap", "interlagos 2012 winner + who got fastest lap?", [surname_key(w), surname_key(fl)],
   f"{rlabel(r)}: winner {dn(w)}, fastest lap {dn(fl)} ({at(r, 1, 'fl')['time']})." + (" Same driver." if w == fl else ""),
   [rpath(r), rpath(r, "fastest-laps")])

d, cc = champ(2009), cchamp(2009)
mp("both_champions", "2009: who were the drivers' and constructors' champions", [surname_key(d), cn(cc)],
   f"2009: drivers' champion {dn(d)}, constructors' champion {cn(cc)}.",
   ["seasons/2009/driver-standings.yml", "seasons/2009/constructor-standings.yml"])

t = [y for y in range(1950, 2026) if champ(y) == "ayrton-senna"]
mp("count_and_years", "how many titles did senna win, and which years", [str(len(t))] + [str(y) for y in t],
   f"Ayrton Senna: {len(t)} titles, in {', '.join(map(str, t))} (all with McLaren).", "seasons/*/driver-standings.yml")

r = race(1996, "monaco")
w = winner(r)
tm = [x["constructorId"] for x in r["res"] if x["driverId"] == w]
mp("winner_and_team", "monaco 96 — who won and for which team?", [surname_key(w), cn(tm[0])],
   f"{rlabel(r)}: {dn(w)} won for {cn(tm[0])}; only {sum(1 for x in r['res'] if pos(x))} cars were classified.", rpath(r))

r = race(2026, "monaco")
w = winner(r)
g = [x["gridPosition"] for x in r["res"] if x["driverId"] == w][0]
assert isinstance(g, int)
mp("winner_and_grid", "who won monaco this season and where did they start from?", [surname_key(w), f"{g}"],
   f"\"This season\" = 2026: {dn(w)} won the {rlabel(r)} from grid position {g} (P{g}).",
   [rpath(r), rpath(r, "starting-grid-positions")])

# ================================================================ unavailable (12)
for y, gp, q, what in [(2026, "netherlands", "who won the dutch gp this year?", "race"),
                       (2026, "italy", "who was on pole at monza this season", "qualifying"),
                       (2026, "singapore", "singapore 2026 race winner", "race"),
                       (2026, "abu-dhabi", "how did the abu dhabi season finale go this year? who won", "race")]:
    r = race(y, gp)
    assert not r["res"] and not r["quali"], (y, gp)
    have = [f for f in ("sprint",) if r.get(f)]
    files = sorted(os.listdir(os.path.join(DATA, r["dir"])))
    Q("unavailable", "future_unavailable", q, [],
      f"The {rlabel(r)} (round {r['round']}; today is 2026-12-04"
      + ("; it is scheduled after today, so not yet run" if str(r["date"]) > "2026-12-04" else "")
      + f") has no {what} result in the data (files: "
      f"{', '.join(files)}). The reply should say the result is not available; the latest race with results is the "
      f"2026 Hungarian GP (round 11).", f"{r['dir']}/race.yml", unavailable=True)

for y, gp, q in [(2020, "japan", "who won the japanese gp in 2020"), (2022, "russia", "2022 sochi race winner?")]:
    assert not [r for r in RACES if r["year"] == y and r["grandPrixId"] == gp]
    other = [r["year"] for r in RACES if r["grandPrixId"] == gp and abs(r["year"] - y) <= 2]
    Q("unavailable", "not_held", q, [], f"There was no {GPS[gp]['fullName']} in {y}: it is not among the "
      f"{len([r for r in RACES if r['year'] == y])} rounds of {y} in the data (cancelled). Nearby editions in the data: "
      f"{', '.join(map(str, other))}. The reply should say it was not held.", f"seasons/{y}/races/*/race.yml", unavailable=True)

for did, q in [("theo-pourchaire", "how many points did theo pourchaire score in his f1 career"),
               ("colton-herta", "colton herta's best f1 race finish?")]:
    assert did in DRIVERS
    rows = [r for r in RACES if any(x["driverId"] == did for x in (r["res"] or []) + (r["quali"] or []) + (r["sprint"] or []))]
    assert not rows, did
    Q("unavailable", "never_raced", q, [], f"{dn(did)} has never started (or entered qualifying for) a World Championship "
      "race in the data: no race, qualifying or sprint rows, so no points or finishes. The reply should say he never raced.",
      ["seasons/*/races/*/race-results.yml", f"drivers/{did}.yml"], unavailable=True)

for q, note, src in [
    ("what was verstappen's top speed through the speed trap at monza 2023",
     "f1db has no speed-trap or top-speed data (only results, lap-time based fastest laps, pit stops). The reply should say "
     "it is not available.", "seasons/2023/races/*-italy/race-results.yml"),
    ("what tyre temps was hamilton running at silverstone 2024?",
     "f1db stores no tyre temperatures or telemetry. The reply should say it is not available (Hamilton did win that race).",
     "seasons/2024/races/*-great-britain/race-results.yml"),
    ("what did alonso say on team radio after the 2023 bahrain gp",
     "f1db has no team radio transcripts. The reply should say it is not in the data (his result P3 is in the data).",
     "seasons/2023/races/01-bahrain/race-results.yml"),
    ("how much does leclerc get paid by ferrari in 2025",
     "Driver salaries/contracts are not in f1db. The reply should say it is not available.", "drivers/charles-leclerc.yml"),
]:
    Q("unavailable", "no_data", q, [], note, src, unavailable=True)

# ================================================================ finish
# Spare questions computed above but left out to hit the exact group counts (overlaps / too close to the dev set).
DROP = {"how many races were there in the 2021 season?", "youngest ever race winner?",
        "which team has won the most grands prix ever?", "monaco the year before last, who won?",
        "how many titles has maxy got now", "who's won the most races this season so far?", "vettel's team mate in 2013",
        "first ever championship race in 1950, who finished 1-2-3?", "Jim Clark career wins?",
        "when did mercedes first win the constructors' championship?"}
assert DROP <= {r["question"] for r in RECS}
RECS = [r for r in RECS if r["question"] not in DROP]
WANT = {"aggregate": 25, "colloquial": 22, "relational": 20, "career_history": 15, "comparative": 13,
        "multi_part": 13, "unavailable": 12}
got = collections.Counter(r["group"] for r in RECS)
assert got == collections.Counter(WANT), (got, WANT)
assert len(RECS) == 120
assert len({r["question"] for r in RECS}) == 120

# self-check: every answerable note passes its own grading (rules 1-3)
import re


def norm(s):
    return fold(s).lower()


def hit(reply, s):
    s, reply = norm(s), norm(reply)
    if re.fullmatch(r"\d+", s):
        return re.search(rf"(?<![\d.]){s}(?![\d]|\.\d)", reply) is not None
    return s in reply


for r in RECS:
    if not r["expect_unavailable"]:
        assert any(hit(r["answer_note"], a) for a in r["accept"]), ("accept", r["question"], r["accept"], r["answer_note"])
        for a in r.get("accept_all", []):
            assert hit(r["answer_note"], a), ("accept_all", r["question"], a, r["answer_note"])

order = list(range(len(RECS)))
rng.shuffle(order)
with open(OUT, "w", encoding="utf-8") as f:
    for i, k in enumerate(order):
        rec = RECS[k]
        rec["id"] = f"fbu-{i + 1:03d}"
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
print(f"wrote {len(RECS)} records to {os.path.normpath(OUT)}", dict(got), file=sys.stderr)
