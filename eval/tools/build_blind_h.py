#!/usr/bin/env python3
"""Build eval/fan-qa-blind-h.jsonl from the f1db YAML. Self-contained.

Only question parameters are chosen by hand; every answer is computed here.
Rebuild: python3 eval/tools/build_blind_h.py  (F1DB=<src/data>, BH_CACHE=/tmp/bh.pkl optional)
"""
import glob, json, os, pickle, random, unicodedata
from collections import Counter, defaultdict
from datetime import date
import yaml

try:
    Loader = yaml.CSafeLoader
except AttributeError:
    Loader = yaml.SafeLoader

D = os.environ.get("F1DB", "/work/shared/data/f1db/src/data")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fan-qa-blind-h.jsonl")
NOSTART = {"DNQ", "DNPQ", "DNS", "DNP"}


def ld(p):
    with open(p) as f:
        return yaml.load(f, Loader=Loader)


def load():
    c = os.environ.get("BH_CACHE")
    if c and os.path.exists(c):
        return pickle.load(open(c, "rb"))
    db = {"drivers": {}, "cons": {}, "gps": {}, "races": [], "dst": {}, "cst": {}, "ent": {}, "engm": {}, "circ": {}}
    for p in glob.glob(f"{D}/circuits/*.yml"):
        x = ld(p); db["circ"][x["id"]] = x
    for p in glob.glob(f"{D}/drivers/*.yml"):
        x = ld(p); db["drivers"][x["id"]] = x
    for p in glob.glob(f"{D}/constructors/*.yml"):
        x = ld(p); db["cons"][x["id"]] = x
    for p in glob.glob(f"{D}/grands-prix/*.yml"):
        x = ld(p); db["gps"][x["id"]] = x
    for p in glob.glob(f"{D}/engine-manufacturers/*.yml"):
        x = ld(p); db["engm"][x["id"]] = x
    for sd in sorted(glob.glob(f"{D}/seasons/*")):
        y = int(os.path.basename(sd))
        for k, f in (("dst", "driver-standings.yml"), ("cst", "constructor-standings.yml"), ("ent", "entrants.yml")):
            if os.path.exists(f"{sd}/{f}"):
                db[k][y] = ld(f"{sd}/{f}") or []
        for rd in sorted(glob.glob(f"{sd}/races/*")):
            r = ld(f"{rd}/race.yml")
            r["year"] = y
            r["dir"] = f"seasons/{y}/races/{os.path.basename(rd)}"
            for k, f in (("res", "race-results.yml"), ("quali", "qualifying-results.yml"), ("grid", "starting-grid-positions.yml")):
                r[k] = ld(f"{rd}/{f}") or [] if os.path.exists(f"{rd}/{f}") else []
            db["races"].append(r)
    db["races"].sort(key=lambda r: str(r["date"]))
    if c:
        pickle.dump(db, open(c, "wb"))
    return db


db = load()
R = [r for r in db["races"] if r["res"]]
last = R[-1]
assert last["year"] == 2026 and last["round"] == 11 and last["grandPrixId"] == "hungary", last["dir"]
DOB = {k: v["dateOfBirth"] for k, v in db["drivers"].items()}


def fold(s):
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def dn(d):
    return db["drivers"][d]["name"]


def cn(c):
    return db["cons"][c]["name"]


def gpn(g):
    return db["gps"][g]["fullName"]


def dacc(d, extra=()):
    x = db["drivers"][d]
    a = [x["name"], fold(x["name"]), x["lastName"], fold(x["lastName"]), x.get("fullName") or x["name"]]
    a += list(extra)
    out = []
    for s in a:
        if s and s not in out:
            out.append(s)
    return out


def cacc(c, extra=()):
    x = db["cons"][c]
    a = [x["name"], fold(x["name"]), x.get("fullName") or x["name"]] + list(extra)
    out = []
    for s in a:
        if s and s not in out:
            out.append(s)
    return out


def race(y, gp):
    m = [r for r in db["races"] if r["year"] == y and r["grandPrixId"] == gp]
    assert len(m) == 1, (y, gp, len(m))
    return m[0]


def pos(r, p):
    m = [x for x in r["res"] if x["position"] == p]
    assert len(m) == 1, (r["dir"], p, m)  # shared drives would give >1
    return m[0]


def wins_of(d, rs=None):
    return [r for r in (rs or R) if any(x["position"] == 1 and x["driverId"] == d for x in r["res"])]


def poles(r):
    q = [x["driverId"] for x in r["quali"] if x.get("position") == 1]
    g = [x["driverId"] for x in r["grid"] if x.get("position") == 1]
    return q, g


def rname(r):
    return f"{r['year']} {gpn(r['grandPrixId'])}"


def age(d, on):
    b = DOB[d]
    return on.year - b.year - ((on.month, on.day) < (b.month, b.day))


def ages(d, on):
    b = DOB[d]
    yrs = age(d, on)
    anniv = date(b.year + yrs, b.month, b.day if not (b.month == 2 and b.day == 29) else 28)
    return yrs, (on - anniv).days


def champ(y, cons=False):
    st = (db["cst"] if cons else db["dst"])[y]
    return st


recs = []


def add(group, cat, q, accept, note, source, accept_all=None, unavailable=False):
    r = {"category": cat, "group": group, "question": q, "accept": accept}
    if accept_all:
        r["accept_all"] = accept_all
    r.update({"expect_unavailable": unavailable, "answer_note": note, "source": source})
    recs.append(r)


def top(counter, what):
    mc = counter.most_common()
    assert len(mc) < 2 or mc[0][1] > mc[1][1], (what, mc[:3])
    return mc


def nm(k):
    return dn(k) if k in db["drivers"] else cn(k)


def fmt(mc, n=3):
    return ", ".join(f"{nm(k)} {v}" for k, v in mc[:n])


# ---------------- aggregate ----------------
for gp, q in [("monaco", "who has the most wins around monaco ever?"),
              ("brazil", "most wins at the brazilian gp of all time - who?"),
              ("japan", "Which driver has won the Japanese Grand Prix the most times?"),
              ("united-states", "who holds the record for most united states gp victories"),
]:
    c = Counter(x["driverId"] for r in R if r["grandPrixId"] == gp for x in r["res"] if x["position"] == 1)
    mc = top(c, gp)
    add("aggregate", "most_wins_gp", q, dacc(mc[0][0]), f"{fmt(mc)} (Grand Prix wins at the {gpn(gp)}, as of the 2026 cutoff).", [f"seasons/*/races/*-{gp}/race-results.yml"])

for y, q in [(1963, "who won the most races in 1963?"), (1977, "most race wins in the 1977 season?"),
             (1985, "which driver won the most GPs in 85"), (1999, "who had the most wins in 1999"),
             (2009, "most wins in 2009, who was it")]:
    c = Counter(x["driverId"] for r in R if r["year"] == y for x in r["res"] if x["position"] == 1)
    mc = top(c, y)
    add("aggregate", "season_most_wins", q, dacc(mc[0][0]), f"{fmt(mc)} wins in {y}.", [f"seasons/{y}/races/*/race-results.yml"])

for y, q in [(1975, "how many different drivers won a race in 1975"), (1983, "number of different race winners in 1983?"),
             (2013, "how many drivers won at least one race in 2013")]:
    ws = sorted({x["driverId"] for r in R if r["year"] == y for x in r["res"] if x["position"] == 1})
    add("aggregate", "distinct_winners", q, [str(len(ws))], f"{len(ws)} different winners in {y}: {', '.join(dn(d) for d in ws)}.", [f"seasons/{y}/races/*/race-results.yml"])

for y, q in [(1967, "who took the most pole positions in 1967?"), (1991, "most poles in the 1991 season"), (2015, "who got the most poles in 2015")]:
    c = Counter(); cg = Counter()
    for r in R:
        if r["year"] == y:
            qp, gp_ = poles(r)
            c.update(qp); cg.update(gp_)
    mc = top(c, y); mg = top(cg, y)
    assert mc[0][0] == mg[0][0]
    add("aggregate", "season_most_poles", q, dacc(mc[0][0]), f"{fmt(mc)} poles in {y} (qualifying P1; starting-grid P1 gives the same leader, {mg[0][1]}).", [f"seasons/{y}/races/*/qualifying-results.yml"])

for con, dec, q in [("mclaren", 1980, "how many races did mclaren win in the 80s?"), ("lotus", 1960, "How many Grands Prix did Lotus win in the 1960s?"),
                    ("williams", 1990, "williams race wins in the 1990s - how many?"), ("ferrari", 1950, "how many wins did ferrari get during the 1950s"),
                    ("red-bull", 2010, "How many races did Red Bull win across the 2010s?")]:
    rs = [r for r in R if dec <= r["year"] < dec + 10 and any(x["position"] == 1 and x["constructorId"] == con for x in r["res"])]
    add("aggregate", "decade_team_wins", q, [str(len(rs))], f"{cn(con)} won {len(rs)} Grands Prix in {dec}-{dec+9} (races with a P1 result for the team; a shared-drive win counted once).", [f"seasons/{dec}..{dec+9}/races/*/race-results.yml"])

# youngest pole sitter (qualifying P1)
best = None
for r in R:
    for d in poles(r)[0]:
        a = (r["date"] - DOB[d]).days
        if best is None or a < best[0]:
            best = (a, d, r)
y_, dd = ages(best[1], best[2]["date"])
add("aggregate", "youngest_pole", "who is the youngest driver ever to take pole?", dacc(best[1]),
    f"{dn(best[1])}, {y_} years {dd} days old, at the {rname(best[2])} (qualifying P1).", ["drivers/*.yml", "seasons/*/races/*/qualifying-results.yml"])

# oldest race winner since 1970
best = None
for r in R:
    if r["year"] >= 1980:
        for x in r["res"]:
            if x["position"] == 1:
                a = (r["date"] - DOB[x["driverId"]]).days
                if best is None or a > best[0]:
                    best = (a, x["driverId"], r)
y_, dd = ages(best[1], best[2]["date"])
add("aggregate", "oldest_winner_since", "oldest guy to win a GP since 1980?", dacc(best[1]),
    f"{dn(best[1])}, {y_} years {dd} days, at the {rname(best[2])}.", ["drivers/*.yml", "seasons/1980..2026/races/*/race-results.yml"])

# most podiums without a win (all-time)
pod = Counter(); won = set()
for r in R:
    for x in r["res"]:
        if x["position"] in (1, 2, 3):
            pod[x["driverId"]] += 1
        if x["position"] == 1:
            won.add(x["driverId"])
c = Counter({d: n for d, n in pod.items() if d not in won})
mc = top(c, "podnowin")
add("aggregate", "most_podiums_no_win", "which driver has the most podiums without ever winning a race?", dacc(mc[0][0]),
    f"{fmt(mc)} podiums, none of them a win (Grand Prix P1-P3, as of the 2026 cutoff).", ["seasons/*/races/*/race-results.yml"])

# constructor with most 1-2 finishes in 1989? use a season
for y, q in [(1993, "how many podiums did Williams get in 1993")]:
    n = sum(1 for r in R if r["year"] == y for x in r["res"] if x["position"] in (1, 2, 3) and x["constructorId"] == "williams")
    add("aggregate", "team_season_podiums", q, [str(n)], f"Williams had {n} podium finishes (cars in P1-P3) in {y}.", [f"seasons/{y}/races/*/race-results.yml"])

# races held in a season
for y, q in [(1957, "how many championship races were there in 1957?")]:
    n = sum(1 for r in R if r["year"] == y)
    indy = any(r["grandPrixId"] == "indianapolis" for r in R if r["year"] == y)
    add("aggregate", "season_race_count", q, [str(n)], f"{n} World Championship races in {y}" + (" (Indianapolis 500 included, as f1db counts it)." if indy else "."), [f"seasons/{y}/races/*/race.yml"])

# ---------------- colloquial ----------------
GPALIAS = {}


def win_q(group, y, gp, q, cat="race_winner"):
    r = race(y, gp)
    w = pos(r, 1)
    add(group, cat, q, dacc(w["driverId"]), f"{rname(r)} ({r['date']}): won by {dn(w['driverId'])} ({cn(w['constructorId'])}); P2 {dn(pos(r, 2)['driverId'])}.", [f"{r['dir']}/race-results.yml"])


for y, gp, q in [(2009, "great-britain", "who won silverstne in 09"), (1997, "belgium", "winner at spa in 97??"),
                 (2005, "san-marino", "imola 05 who won it"), (1987, "japan", "who won suzuka 87"),
                 (1985, "netherlands", "zandvort 85 winner pls"), (1971, "italy", "who won monza in 71, the close one"),
                 (1959, "united-states", "who won the sebring race in '59"), (1979, "south-africa", "kyalami 1979 who took the win"),
                 (2025, "monaco", "who won monaco last season"), (2026, "hungary", "who won the last race?")]:
    win_q("colloquial", y, gp, q)
r1 = [r for r in R if r["year"] == 2026 and r["round"] == 1][0]
w = pos(r1, 1)
add("colloquial", "race_winner", "who won the season opener this year", dacc(w["driverId"]), f"{rname(r1)} ({r1['date']}), round 1 of 2026: {dn(w['driverId'])} ({cn(w['constructorId'])}).", [f"{r1['dir']}/race-results.yml"])


def season_wins(d, y):
    return len(wins_of(d, [r for r in R if r["year"] == y]))


def season_poles(d, y):
    return sum(1 for r in R if r["year"] == y and d in poles(r)[0]), sum(1 for r in R if r["year"] == y and d in poles(r)[1])


def season_podiums(d, y):
    return sum(1 for r in R if r["year"] == y for x in r["res"] if x["driverId"] == d and x["position"] in (1, 2, 3))


for d, y, q in [("kimi-raikkonen", 2007, "how many races did the iceman win in 2007"),
                ("fernando-alonso", 2005, "how many wins did alonos get in 2005"),
                ("max-verstappen", 2026, "how many wins has max got so far this season"),
                ("nigel-mansell", 1987, "how many GPs did il leone win in 87?")]:
    n = season_wins(d, y)
    add("colloquial", "season_wins", q, [str(n)], f"{dn(d)}: {n} Grand Prix wins in {y}" + (" (rounds 1-11 with results, to the 2026 Hungarian GP)." if y == 2026 else "."), [f"seasons/{y}/races/*/race-results.yml"])
for d, y, q in [("lando-norris", 2025, "how many poles did lando get last year"), ("valtteri-bottas", 2019, "poles for valteri botas in 2019?")]:
    a, b = season_poles(d, y)
    assert a == b, (d, y, a, b)
    add("colloquial", "season_poles", q, [str(a)], f"{dn(d)}: {a} poles in {y} (qualifying P1; starting-grid P1 agrees).", [f"seasons/{y}/races/*/qualifying-results.yml"])
for d, y, q in [("fernando-alonso", 2025, "el nano podiums last season - how many?"), ("george-russell", 2026, "how many podiums has russell had this year")]:
    n = season_podiums(d, y)
    add("colloquial", "season_podiums", q, [str(n)], f"{dn(d)}: {n} Grand Prix podiums in {y}" + (" (to the 2026 Hungarian GP, round 11)." if y == 2026 else " (sprints not counted)."), [f"seasons/{y}/races/*/race-results.yml"])


def standing(y, d, cons=False):
    st = (db["cst"] if cons else db["dst"])[y]
    k = "constructorId" if cons else "driverId"
    m = [s for s in st if s.get(k) == d]
    assert len(m) == 1
    return m[0]


s = standing(2021, "sergio-perez")
add("colloquial", "season_points", "checo points total 2021?", [str(s["points"]).removesuffix(".0")], f"Sergio Pérez: {s['points']} points, P{s['position']} in the 2021 drivers' standings.", ["seasons/2021/driver-standings.yml"])
best = min(x["position"] for r in R for x in r["res"] if x["driverId"] == "nico-hulkenberg" and isinstance(x["position"], int))
br = [rname(r) for r in R for x in r["res"] if x["driverId"] == "nico-hulkenberg" and x["position"] == best]
add("colloquial", "best_finish", "whats the hulk's best ever race result", [f"P{best}", "third", "3rd", "podium"] if best == 3 else [f"P{best}"], f"Nico Hülkenberg's best Grand Prix finish: P{best} ({', '.join(br)}).", ["seasons/*/races/*/race-results.yml"])
n = sum(1 for y in db["dst"] if y <= 2025 and db["dst"][y][0]["driverId"] == "alain-prost")
add("colloquial", "titles", "how many titles did the professor win", [str(n)], f"Alain Prost: {n} drivers' titles (" + ", ".join(str(y) for y in sorted(db["dst"]) if y <= 2025 and db["dst"][y][0]["driverId"] == "alain-prost") + ").", ["seasons/*/driver-standings.yml"])

# ---------------- relational ----------------
def teammates(d, con, y):
    """Drivers who started a race for con in year y alongside d (from race results)."""
    out = Counter()
    for r in R:
        if r["year"] != y:
            continue
        rows = [x for x in r["res"] if x["constructorId"] == con and x["position"] not in NOSTART]
        if any(x["driverId"] == d for x in rows):
            for x in rows:
                if x["driverId"] != d:
                    out[x["driverId"]] += 1
    return out


for d, con, y, q in [("ayrton-senna", "mclaren", 1989, "who was senna's team mate at mclaren in 1989"),
                     ("jenson-button", "brawn", 2009, "who partnered button at brawn in 09?"),
                     ("mika-hakkinen", "mclaren", 1999, "hakkinen's teammate in 1999"),
                     ("niki-lauda", "ferrari", 1975, "who drove alongside lauda at ferrari in 1975"),
                     ("kimi-raikkonen", "lotus-f1", 2013, "who was kimi teammate at lotus 2013")]:
    tm = teammates(d, con, y)
    mc = tm.most_common()
    nr = sum(1 for r in R if r["year"] == y and any(x["driverId"] == d and x["position"] not in NOSTART for x in r["res"]))
    assert len(mc) == 1 or mc[0][1] > 2 * mc[1][1], (d, y, mc)
    add("relational", "teammate", q, dacc(mc[0][0]), f"{dn(mc[0][0])} (shared {mc[0][1]} of {dn(d)}'s {nr} starts for {cn(con)} in {y})" + (f"; others: {fmt(mc[1:], 5)}" if len(mc) > 1 else "") + ".", [f"seasons/{y}/races/*/race-results.yml"])

for y, gp, p, q in [(2011, "canada", 2, "who finished second at the 2011 canadian gp"),
                    (1995, "monaco", 4, "who came 4th at monaco 1995"),
                    (2021, "great-britain", 2, "who finished right behind hamilton at silverstone 2021"),
                    (1969, "great-britain", 2, "1969 british gp, who was runner up in the race?"),
                    (2026, "hungary", 3, "who got p3 in the most recent race")]:
    r = race(y, gp)
    x = pos(r, p)
    if "right behind" in q:
        assert pos(r, p - 1)["driverId"] == "lewis-hamilton"
    add("relational", "finish_position", q, dacc(x["driverId"]), f"{rname(r)}: P{p} {dn(x['driverId'])} ({cn(x['constructorId'])}); P{p-1} {dn(pos(r, p-1)['driverId'])}.", [f"{r['dir']}/race-results.yml"])

for y, gp, q in [(1981, "monaco", "who was on the podium at monaco in 1981"), (2017, "azerbaijan", "baku 2017 podium - all three please")]:
    r = race(y, gp)
    ps = [pos(r, i)["driverId"] for i in (1, 2, 3)]
    add("relational", "podium", q, dacc(ps[2]), f"{rname(r)}: P1 {dn(ps[0])}, P2 {dn(ps[1])}, P3 {dn(ps[2])}. All three required.", [f"{r['dir']}/race-results.yml"], accept_all=[fold(db["drivers"][p_]["lastName"]) for p_ in ps])


def engm_name(e):
    return db["engm"][e]["name"]


for con, y, q in [("mclaren", 1991, "what engine did mclaren run in 1991"), ("lotus", 1987, "who supplied lotus engines in 87"),
                  ("brabham", 1983, "what engine was in the brabham in 1983?"), ("williams", 2001, "williams engine supplier 2001"),
                  ("red-bull", 2009, "what engine powered red bull in 2009")]:
    es = Counter(x["engineManufacturerId"] for r in R if r["year"] == y for x in r["res"] if x["constructorId"] == con)
    assert len(es) == 1, (con, y, es)
    e = list(es)[0]
    add("relational", "engine_supplier", q, [engm_name(e), fold(engm_name(e))], f"{cn(con)} ran {engm_name(e)} engines in every {y} race entry ({es[e]} car entries).", [f"seasons/{y}/races/*/race-results.yml"])

for y, cons, q in [(2003, True, "who finished 2nd in the constructors in 2003"), (1971, False, "who was runner up in the 1971 drivers championship"),
                   (1995, True, "constructors championship 1995 - who came second?")]:
    st = champ(y, cons)
    k = "constructorId" if cons else "driverId"
    assert st[1]["position"] == 2 and st[2]["position"] == 3
    acc = cacc(st[1][k]) if cons else dacc(st[1][k])
    add("relational", "standings_runner_up", q, acc, f"{y} {'constructors' if cons else 'drivers'}: P1 {nm(st[0][k])} {st[0]['points']}, P2 {nm(st[1][k])} {st[1]['points']}, P3 {nm(st[2][k])} {st[2]['points']}.", [f"seasons/{y}/{'constructor' if cons else 'driver'}-standings.yml"])

# ---------------- career_history ----------------
CIRC = {}
for r in db["races"]:
    CIRC.setdefault(r["grandPrixId"], set()).add(r["circuitId"])


def gp_acc(r):
    g = db["gps"][r["grandPrixId"]]
    c = db["circ"][r["circuitId"]]
    a = [g["fullName"], fold(g["fullName"]), g.get("shortName") or g["name"], g["name"] + " GP", c["name"], fold(c["name"])]
    out = []
    for s in a:
        if s and s not in out:
            out.append(s)
    return out


for d, first, q in [("jenson-button", True, "when did jenson button win his first race?"), ("kimi-raikkonen", True, "where was raikkonen's first gp win"),
                    ("mika-hakkinen", True, "hakkinen first ever win - which race"), ("nigel-mansell", True, "which race did nigel mansell win first"),
                    ("sebastian-vettel", False, "when was vettel's last win?"), ("kimi-raikkonen", False, "what was kimi's final win")]:
    ws = wins_of(d)
    r = ws[0] if first else ws[-1]
    add("career_history", "first_win" if first else "last_win", q, gp_acc(r), f"{dn(d)}'s {'first' if first else 'last'} Grand Prix win: {rname(r)} ({r['date']}), {len(ws)} wins in all. Race name and year required.", [f"{r['dir']}/race-results.yml"], accept_all=[str(r["year"])])

for d, q in [("mark-webber", "how many races did mark webber win in his career"), ("jacky-ickx", "jacky ickx career gp wins?"),
             ("ronnie-peterson", "how many grands prix did Ronnie Peterson win")]:
    n = len(wins_of(d))
    add("career_history", "career_wins", q, [str(n)], f"{dn(d)}: {n} Grand Prix wins.", ["seasons/*/races/*/race-results.yml"])
for d, q in [("rubens-barrichello", "how many poles did rubens get in his whole career")]:
    a = sum(1 for r in R if d in poles(r)[0]); b = sum(1 for r in R if d in poles(r)[1])
    assert a == b
    add("career_history", "career_poles", q, [str(a)], f"{dn(d)}: {a} pole positions (qualifying P1; grid P1 agrees).", ["seasons/*/races/*/qualifying-results.yml"])
for con, q in [("mclaren", "how many constructors titles have mclaren won"), ("lotus", "how many constructors' championships did lotus win")]:
    ys = [y for y in db["cst"] if y <= 2025 and db["cst"][y] and db["cst"][y][0]["constructorId"] == con]
    add("career_history", "constructor_titles", q, [str(len(ys))], f"{cn(con)}: {len(ys)} constructors' titles ({', '.join(map(str, ys))}); 2026 undecided.", ["seasons/*/constructor-standings.yml"])
for d, q in [("fernando-alonso", "what team did alonso make his f1 debut with"), ("kimi-raikkonen", "which team did raikkonen start his f1 career at")]:
    r = [r for r in R if any(x["driverId"] == d and x["position"] not in NOSTART for x in r["res"])][0]
    c = [x for x in r["res"] if x["driverId"] == d][0]["constructorId"]
    add("career_history", "debut_team", q, cacc(c), f"{dn(d)} first started at the {rname(r)} for {cn(c)}.", [f"{r['dir']}/race-results.yml"])
ys = sorted(y for y in db["dst"] if y <= 2025 and db["drivers"][db["dst"][y][0]["driverId"]]["nationalityCountryId"] == "finland")
d = db["dst"][ys[0]][0]["driverId"]
add("career_history", "first_nationality_champion", "who was the first finnish world champion", dacc(d), f"{dn(d)} in {ys[0]}. Finnish champions' titles: " + ", ".join(f"{y} {dn(db['dst'][y][0]['driverId'])}" for y in ys) + ".", ["seasons/*/driver-standings.yml", "drivers/*.yml"])

# ---------------- comparative ----------------
def career(d, kind):
    if kind == "wins":
        return len(wins_of(d))
    if kind == "podiums":
        return sum(1 for r in R for x in r["res"] if x["driverId"] == d and x["position"] in (1, 2, 3))
    a = sum(1 for r in R if d in poles(r)[0]); b = sum(1 for r in R if d in poles(r)[1])
    assert a == b, (d, a, b)
    return a


for a, b, kind, q in [("alain-prost", "ayrton-senna", "wins", "prost vs senna - who won more races and by how many?"),
                      ("nico-rosberg", "jenson-button", "wins", "more career wins: rosberg or button? by how much"),
                      ("mika-hakkinen", "david-coulthard", "wins", "hakkinen v coulthard career wins, whats the difference"),
                      ("damon-hill", "jacques-villeneuve", "poles", "who has more poles, damon hill or jacques villeneuve?"),
                      ("jackie-stewart", "jim-clark", "wins", "Jackie Stewart or Jim Clark: who won more Grands Prix, and how many more?"),
                      ("nelson-piquet", "niki-lauda", "podiums", "more podiums in their careers - piquet or lauda?")]:
    va, vb = career(a, kind), career(b, kind)
    assert va != vb
    hi, lo = (a, b) if va > vb else (b, a)
    vh, vl = max(va, vb), min(va, vb)
    asks_margin = any(w in q for w in ("how many", "how much", "difference"))
    key = str(vh - vl) if asks_margin else str(vh)
    add("comparative", f"career_{kind}_comparison", q, [key], f"{dn(hi)} {vh} vs {dn(lo)} {vl} career {kind}: {dn(hi)} by {vh - vl}. Name and the " + ("margin" if asks_margin else "leader's count") + " required.", ["seasons/*/races/*/race-results.yml"] + (["seasons/*/races/*/qualifying-results.yml"] if kind == "poles" else []), accept_all=[fold(db["drivers"][hi]["lastName"]), key])

for y, a, b, q in [(2021, "lewis-hamilton", "valtteri-bottas", "2021 mercedes: how many more points did hamilton score than bottas"),
                   (2017, "sebastian-vettel", "kimi-raikkonen", "vettel vs kimi 2017 points, who beat who and by how much"),
                   (1987, "nelson-piquet", "nigel-mansell", "piquet or mansell in 1987 on points - margin?"),
                   (2023, "lando-norris", "oscar-piastri", "norris vs piastri 2023, points gap?"),
                   (2025, "charles-leclerc", "lewis-hamilton", "leclerc v hamilton last season - who had more points, by how many?"),
                   (2026, "george-russell", "kimi-antonelli", "russell or antonelli ahead on points this season, and by how much")]:
    if y == 2026:
        pa = sum(x["points"] or 0 for r in R if r["year"] == 2026 for x in r["res"] if x["driverId"] == a)
        pb = sum(x["points"] or 0 for r in R if r["year"] == 2026 for x in r["res"] if x["driverId"] == b)
        st = {s["driverId"]: s["points"] for s in db["dst"].get(2026, [])}
        src = ["seasons/2026/driver-standings.yml", "seasons/2026/races/*/race-results.yml"]
        if st:
            pa, pb = st[a], st[b]
    else:
        pa, pb = standing(y, a)["points"], standing(y, b)["points"]
        src = [f"seasons/{y}/driver-standings.yml"]
    assert pa != pb
    hi, lo, vh, vl = (a, b, pa, pb) if pa > pb else (b, a, pb, pa)
    m = vh - vl
    ms = str(m).removesuffix(".0")
    add("comparative", "points_comparison", q, [ms], f"{y}: {dn(hi)} {vh} vs {dn(lo)} {vl} points" + (" (to the 2026 Hungarian GP, sprints included)" if y == 2026 else "") + f": {dn(hi)} by {ms}. Name and margin required.", src, accept_all=[fold(db["drivers"][hi]["lastName"]), ms])

for y, a, b, q in [(2019, "ferrari", "red-bull", "ferrari or red bull in 2019 constructors, and by how many pts"),
                   (1989, "mclaren", "williams", "1989 constructors - how far ahead were mclaren of williams")]:
    pa, pb = standing(y, a, True)["points"], standing(y, b, True)["points"]
    hi, lo, vh, vl = (a, b, pa, pb) if pa > pb else (b, a, pb, pa)
    ms = str(vh - vl).removesuffix(".0")
    add("comparative", "constructor_points_comparison", q, [ms], f"{y} constructors: {cn(hi)} {vh} vs {cn(lo)} {vl}: {cn(hi)} by {ms}. Name and margin required.", [f"seasons/{y}/constructor-standings.yml"], accept_all=[cn(hi), ms])

# ---------------- unavailable ----------------
cal26 = {r["round"]: r for r in db["races"] if r["year"] == 2026}
for rd, q in [(14, "who won the {gp} this year"), (19, "what was the winning margin at the {gp} in 2026?")]:
    r = cal26[rd]
    assert not r["res"], r["dir"]
    add("unavailable", "future_race", q.format(gp=gpn(r["grandPrixId"]).lower().replace(" grand prix", " gp")), [], f"{rname(r)} is round {rd} ({r['date']}); f1db has no race results for it (the last race with results is the 2026 Hungarian GP, round 11). No winner may be asserted.", [f"{r['dir']}/race.yml"], unavailable=True)
r = cal26[16]
assert not r["quali"]
add("unavailable", "future_race", f"who took pole for the {gpn(r['grandPrixId'])} 2026?", [], f"{rname(r)} (round 16, {r['date']}) has no qualifying results in f1db; nothing after round 11 has a result.", [f"{r['dir']}/race.yml"], unavailable=True)
for y, gp, q in [(2023, "emilia-romagna", "who won imola in 2023?"), (2021, "canada", "who won the canadian gp in 2021"), (2021, "australia", "2021 australian gp podium?")]:
    assert not [r for r in db["races"] if r["year"] == y and r["grandPrixId"] == gp], (y, gp)
    add("unavailable", "race_not_held", q, [], f"There was no {gpn(gp)} in {y} (not on the {y} calendar in f1db), so there is no result.", [f"seasons/{y}/races/"], unavailable=True)
for d, q in [("theo-pourchaire", "how many points has theo pourchaire scored in f1?")]:
    assert not [1 for r in db["races"] for x in r["res"] if x["driverId"] == d], d
    add("unavailable", "never_raced", q, [], f"{dn(d)} never started (or entered) a Grand Prix in f1db; he appears only as a test/reserve entrant (e.g. seasons/2023/entrants.yml). No points to report.", ["seasons/2023/entrants.yml"], unavailable=True)
for q, note in [("what were verstappen's tyre temps on his last stint at zandvoort 2023", "f1db stores no tyre temperatures or compound/stint data."),
                ("how much did ferrari pay hamilton for 2025", "f1db has no salary or contract data."),
                ("top speed trap at monza 2019 - who was fastest?", "f1db has no speed-trap or top-speed data."),
                ("what was leclerc's throttle trace through eau rouge in quali 2023", "f1db stores no telemetry (throttle, brake, speed traces)."),
                ("how much fuel did senna start with at donington 1993", "f1db has no fuel-load data.")]:
    add("unavailable", "no_data", q, [], note + " The reply should say the data is not available and must not assert a value.", [], unavailable=True)

# ---------------- multi_part ----------------
for y, gp, q in [(2013, "singapore", "2013 singapore gp: who was on pole and who won?"), (1993, "europe", "donington 93 - pole sitter and winner?"),
                 (1977, "great-britain", "silverstone 1977: pole and race winner")]:
    r = race(y, gp)
    qp, gpp = poles(r)
    assert len(qp) == 1 and qp == gpp, (y, gp, qp, gpp)
    w = pos(r, 1)["driverId"]
    add("multi_part", "pole_and_winner", q, dacc(w), f"{rname(r)}: pole {dn(qp[0])}, winner {dn(w)}. Both required.", [f"{r['dir']}/qualifying-results.yml", f"{r['dir']}/race-results.yml"], accept_all=list(dict.fromkeys([fold(db["drivers"][qp[0]]["lastName"]), fold(db["drivers"][w]["lastName"])])))
for y, q in [(1981, "who won the 1981 title and who was second?"), (1959, "1959 world champ and runner-up?"), (2005, "who were 1st and 2nd in the 2005 drivers championship")]:
    st = db["dst"][y]
    assert st[0]["position"] == 1 and st[1]["position"] == 2
    a, b = st[0]["driverId"], st[1]["driverId"]
    add("multi_part", "champion_and_runner_up", q, dacc(a), f"{y}: champion {dn(a)} {st[0]['points']}, runner-up {dn(b)} {st[1]['points']}. Both required.", [f"seasons/{y}/driver-standings.yml"], accept_all=[fold(db["drivers"][a]["lastName"]), fold(db["drivers"][b]["lastName"])])
for d, y, q in [("mika-hakkinen", 1999, "hakkinen 1999: wins and poles?"), ("nelson-piquet", 1983, "piquet in 83, how many wins and how many poles"),
                ("oscar-piastri", 2025, "piastri last season - wins and podiums?")]:
    w = season_wins(d, y)
    if "podiums" in q:
        o = season_podiums(d, y); lab = "podiums"
    else:
        o, og = season_poles(d, y); assert o == og; lab = "poles"
    assert w != o
    add("multi_part", "two_counts", q, [str(w)], f"{dn(d)} in {y}: {w} wins, {o} {lab}. Both numbers required.", [f"seasons/{y}/races/*/race-results.yml"], accept_all=[str(w), str(o)])
for d, con, y, q in [("alain-prost", "ferrari", 1991, "who was prost's teammate at ferrari in 1991 and who finished higher in the standings?")]:
    tm = teammates(d, con, y).most_common()
    t = tm[0][0]
    sa, sb = standing(y, d), standing(y, t)
    hi = d if sa["position"] < sb["position"] else t
    add("multi_part", "teammate_and_standing", q, dacc(t), f"{dn(t)} ({tm[0][1]} shared starts; others: {fmt(tm[1:], 4) or 'none'}). Standings {y}: {dn(d)} P{sa['position']} {sa['points']}, {dn(t)} P{sb['position']} {sb['points']}: {dn(hi)} higher.", [f"seasons/{y}/driver-standings.yml", f"seasons/{y}/races/*/race-results.yml"], accept_all=[fold(db["drivers"][t]["lastName"]), fold(db["drivers"][hi]["lastName"])] if hi != d else [fold(db["drivers"][t]["lastName"])])
for y, gp, q in [(2026, "hungary", "hungary this year: who won and what grid slot did he start from?")]:
    r = race(y, gp); w = pos(r, 1)
    add("multi_part", "winner_and_grid", q, dacc(w["driverId"]), f"{rname(r)}: won by {dn(w['driverId'])} from grid P{w['gridPosition']}. Both required.", [f"{r['dir']}/race-results.yml"], accept_all=[fold(db["drivers"][w["driverId"]]["lastName"]), str(w["gridPosition"])])
for y, q in [(1965, "in 1965 who won the drivers title and which team took the constructors?")]:
    a = db["dst"][y][0]["driverId"]; c = db["cst"][y][0]["constructorId"]
    add("multi_part", "both_champions", q, dacc(a), f"{y}: drivers' champion {dn(a)}, constructors' champion {cn(c)}. Both required.", [f"seasons/{y}/driver-standings.yml", f"seasons/{y}/constructor-standings.yml"], accept_all=[fold(db["drivers"][a]["lastName"]), cn(c)])

# ---------------- output + self-check ----------------
import re


def norm(s):
    return fold(s).lower()


def matches(reply, s):
    r, s = norm(reply), norm(s)
    if re.fullmatch(r"\d+", s):
        return re.search(rf"(?<![\d.]){s}(?![\d]|\.\d)", r) is not None
    return s in r


for r in recs:
    if not r["expect_unavailable"]:
        n = r["answer_note"]
        assert r["accept"] and any(matches(n, a) for a in r["accept"]) and all(matches(n, a) for a in r.get("accept_all", [])), r
qs = [r["question"].lower() for r in recs]
assert len(set(qs)) == len(qs)
random.Random(20261203).shuffle(recs)
out = []
for i, r in enumerate(recs, 1):
    out.append({"id": f"fbh-{i:03d}", **r})
with open(OUT, "w") as f:
    for r in out:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(out), dict(Counter(r["group"] for r in out)))
