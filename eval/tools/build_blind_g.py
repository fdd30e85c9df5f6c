#!/usr/bin/env python3
"""Build eval/fan-qa-blind-g.jsonl from the f1db YAML. Self-contained; every answer is computed here.

Only question parameters (driver, team, season, race) are chosen by hand.
Rebuild: python3 eval/tools/build_blind_g.py   (F1DB=<src/data>, BG_CACHE=/tmp/bg.pkl optional)
"""
import glob, json, os, pickle, random, re, unicodedata, datetime as dt
import yaml

D = os.environ.get("F1DB", "/work/shared/data/f1db/src/data")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fan-qa-blind-g.jsonl")
NONSTART = {"DNS", "DNQ", "DNPQ", "EX", "DNP"}
CUT = "data cutoff: 2026 Hungarian Grand Prix, round 11, 2026-07-26"


def y(p):
    with open(p) as f:
        return yaml.load(f, Loader=yaml.CSafeLoader)


def load():
    c = os.environ.get("BG_CACHE")
    if c and os.path.exists(c):
        return pickle.load(open(c, "rb"))
    db = {"drivers": {}, "cons": {}, "gps": {}, "races": [], "ds": {}, "cs": {}, "ent": {}}
    for p in glob.glob(f"{D}/drivers/*.yml"):
        r = y(p); db["drivers"][r["id"]] = r
    for p in glob.glob(f"{D}/constructors/*.yml"):
        r = y(p); db["cons"][r["id"]] = r
    for p in glob.glob(f"{D}/grands-prix/*.yml"):
        r = y(p); db["gps"][r["id"]] = r
    for sd in sorted(glob.glob(f"{D}/seasons/*")):
        s = int(os.path.basename(sd))
        for k, fn in (("ds", "driver-standings.yml"), ("cs", "constructor-standings.yml"), ("ent", "entrants.yml")):
            if os.path.exists(f"{sd}/{fn}"):
                db[k][s] = y(f"{sd}/{fn}") or []
        for rd in sorted(glob.glob(f"{sd}/races/*")):
            r = y(f"{rd}/race.yml"); r["season"] = s; r["dir"] = f"seasons/{s}/races/{os.path.basename(rd)}"
            for k, fn in (("res", "race-results.yml"), ("q", "qualifying-results.yml"), ("grid", "starting-grid-positions.yml"), ("fl", "fastest-laps.yml")):
                r[k] = (y(f"{rd}/{fn}") or []) if os.path.exists(f"{rd}/{fn}") else None
            db["races"].append(r)
    db["races"].sort(key=lambda r: (r["season"], r["round"]))
    if c:
        pickle.dump(db, open(c, "wb"))
    return db


db = load()
RACES = [r for r in db["races"] if r["res"]]
last = RACES[-1]
assert (last["season"], last["round"], last["grandPrixId"]) == (2026, 11, "hungary"), last["dir"]


def fold(s):
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def nm(d):
    return db["drivers"][d]["name"]


def cn(c):
    return db["cons"][c]["name"]


def gpn(r):
    return f"{r['season']} {db['gps'][r['grandPrixId']]['fullName']} ({r['date']})"


def starts_rows(r):
    return [x for x in r["res"] if str(x["position"]) not in NONSTART]


def pos(x):
    return x["position"] if isinstance(x["position"], int) else None


def race(s, gp):
    m = [r for r in db["races"] if r["season"] == s and r["grandPrixId"] == gp]
    assert len(m) == 1, (s, gp, len(m))
    return m[0]


def season_races(s):
    return [r for r in RACES if r["season"] == s]


def winners(r):
    return [x["driverId"] for x in r["res"] if pos(x) == 1]


def at(r, p, key="res"):
    m = [x for x in (r[key] or []) if x.get("position") == p]
    assert len(m) >= 1, (r["dir"], p, key)
    return m


def pole(r, check=True):
    q = at(r, 1, "q")
    if check:
        g = at(r, 1, "grid")
        assert len(q) == 1 and q[0]["driverId"] == g[0]["driverId"], ("pole mismatch", r["dir"])
    return q[0]["driverId"]


ALIASES = {
    "max-verstappen": ["Max", "Verstappen"], "lewis-hamilton": ["Lewis"], "michael-schumacher": ["Michael Schumacher", "Schumi"],
    "sergio-perez": ["Checo", "Sergio Perez"], "carlos-sainz-jr": ["Carlos Sainz"], "nico-rosberg": ["Nico Rosberg"],
    "kimi-raikkonen": ["Kimi"], "jenson-button": ["Jenson"], "daniel-ricciardo": ["Danny Ric"], "fernando-alonso": ["Fernando"],
    "ralf-schumacher": ["Ralf"], "jacques-villeneuve": ["Jacques Villeneuve"], "gilles-villeneuve": ["Gilles Villeneuve"],
    "damon-hill": ["Damon Hill"], "graham-hill": ["Graham Hill"], "phil-hill": ["Phil Hill"], "keke-rosberg": ["Keke Rosberg"],
    "kimi-antonelli": ["Antonelli", "Andrea Kimi Antonelli"], "nelson-piquet": ["Nelson Piquet"],
}


def dnames(d, scope=None, surname_ok=True):
    r = db["drivers"][d]; out = [r["name"], fold(r["name"]), f"{r['firstName']} {r['lastName']}", fold(f"{r['firstName']} {r['lastName']}")]
    out += ALIASES.get(d, [])
    if surname_ok:
        sc = scope if scope is not None else ALL_WINNERS
        ln = fold(r["lastName"]).lower()
        if not any(fold(db["drivers"][o]["lastName"]).lower() == ln for o in sc if o != d):
            out += [r["lastName"], fold(r["lastName"])]
    seen = []
    for s in out:
        if s not in seen:
            seen.append(s)
    return seen


def cnames(c):
    r = db["cons"][c]; out = [r["name"], fold(r["name"])]
    extra = {"ferrari": ["Scuderia Ferrari"], "red-bull": ["Red Bull Racing"], "mercedes": ["Mercedes-AMG"], "mclaren": ["McLaren"]}
    return list(dict.fromkeys(out + extra.get(c, [])))


ENGN = {}
for p in glob.glob(f"{D}/engine-manufacturers/*.yml"):
    e = y(p); ENGN[e["id"]] = e["name"]

ALL_WINNERS = {d for r in RACES for d in winners(r)}


def field(s):
    return {x["driverId"] for r in season_races(s) for x in starts_rows(r)}


def race_field(r):
    return {x["driverId"] for x in r["res"]}


def count(rows):
    c = {}
    for k in rows:
        c[k] = c.get(k, 0) + 1
    return sorted(c.items(), key=lambda kv: -kv[1])


def strict(cnt, n=1):
    assert len(cnt) > n and cnt[0][1] > cnt[1][1] or len(cnt) == 1, ("tie", cnt[:4])
    return cnt[0]


def top(cnt, k=4, f=nm):
    return ", ".join(f"{f(a)} {b}" for a, b in cnt[:k])


def age(d, date):
    b = db["drivers"][d]["dateOfBirth"]
    b = b if isinstance(b, dt.date) else dt.date.fromisoformat(str(b))
    date = date if isinstance(date, dt.date) else dt.date.fromisoformat(str(date))
    yrs = date.year - b.year - ((date.month, date.day) < (b.month, b.day))
    days = (date - dt.date(b.year + yrs, b.month, b.day if not (b.month == 2 and b.day == 29) else 28)).days
    return yrs, days


def wins_of(d, races=None):
    return sum(1 for r in (races or RACES) if d in winners(r))


def podiums_of(d, races=None):
    return sum(1 for r in (races or RACES) for x in r["res"] if x["driverId"] == d and pos(x) in (1, 2, 3))


def starts_of(d, races=None):
    return sum(1 for r in (races or RACES) if any(x["driverId"] == d for x in starts_rows(r)))


def poles_of(d, races=None):
    rs = [r for r in (races or RACES) if r["q"]]
    q = sum(1 for r in rs for x in r["q"] if x["driverId"] == d and x.get("position") == 1)
    g = sum(1 for r in (races or RACES) if r["grid"] for x in r["grid"] if x["driverId"] == d and x.get("position") == 1)
    return q, g


def pts(s, d, key="ds", idk="driverId"):
    m = [x for x in db[key][s] if x.get(idk) == d]
    assert len(m) == 1, (s, d)
    return m[0]


def champ(s, key="ds"):
    return db[key][s][0]


def fmt(v):
    return str(int(v)) if float(v) == int(v) else str(v)


def teammates(s, c, d):
    ds = set()
    for r in season_races(s):
        for x in r["res"]:
            if x["constructorId"] == c:
                ds.add(x["driverId"])
    return sorted(ds - {d})


RECS = []


def add(group, cat, q, accept, note, source, accept_all=None, unavailable=False):
    rec = {"id": None, "category": cat, "group": group, "question": q, "accept": accept if not unavailable else []}
    if accept_all:
        rec["accept_all"] = accept_all
    rec.update({"expect_unavailable": unavailable, "answer_note": note, "source": source})
    RECS.append(rec)


RR = "seasons/*/races/*/race-results.yml"

# ---------------- aggregate ----------------
def gp_most(gp, q, cat="most_wins_at_gp"):
    rs = [r for r in RACES if r["grandPrixId"] == gp]
    cnt = count([d for r in rs for d in winners(r)])
    d, n = strict(cnt)
    add("aggregate", cat, q, dnames(d), f"{nm(d)} with {n} wins of the {db['gps'][gp]['fullName']} ({len(rs)} held, {CUT}); next: {top(cnt[1:],3)}.",
        [f"seasons/*/races/*-{gp}/race-results.yml"], accept_all=[str(n)] if False else None)


gp_most("belgium", "who has won the belgian grand prix the most times?")
gp_most("france", "Most wins ever at the French GP — who?")
gp_most("brazil", "which driver won the brazilian gp the most")
gp_most("malaysia", "who holds the record for most Malaysian Grand Prix wins")
gp_most("united-states", "most us gp victories, which driver?")
gp_most("monaco", "who has the most monaco pole positions? wait no, wins, I mean wins at Monaco excluding Senna... nvm just who's second on the Monaco wins list", "skip") if False else None


def team_top(c, q):
    cnt = count([x["driverId"] for r in RACES for x in r["res"] if pos(x) == 1 and x["constructorId"] == c])
    d, n = strict(cnt)
    add("aggregate", "team_top_winner", q, dnames(d), f"{nm(d)} won {n} Grands Prix for {cn(c)} ({CUT}); next: {top(cnt[1:],3)}.", [RR])


team_top("williams", "Who won the most races driving for Williams?")
team_top("renault", "top race winner in Renault history (the constructor)?")
team_top("mclaren", "which driver has won the most GPs for mclaren") if False else None


def decade_top(a, b, q, what="wins"):
    rs = [r for r in RACES if a <= r["season"] <= b]
    if what == "wins":
        cnt = count([d for r in rs for d in winners(r)])
    elif what == "podiums":
        cnt = count([x["driverId"] for r in rs for x in r["res"] if pos(x) in (1, 2, 3)])
    else:
        cnt = count([pole(r, False) for r in rs if r["q"]])
        assert cnt[0][1] == poles_of(cnt[0][0], rs)[1], "grid differs"
    d, n = strict(cnt)
    add("aggregate", f"decade_most_{what}", q, dnames(d), f"{nm(d)} with {n} {what} in {a}-{b}; next: {top(cnt[1:],3)}.", [f"seasons/{str(a)[:3]}*/races/*/race-results.yml"])


decade_top(1970, 1979, "who won the most grands prix in the 1970s?")
decade_top(1950, 1959, "Most race wins in the 1950s?")
decade_top(1980, 1989, "who took the most pole positions during the 80s", "poles")
decade_top(2000, 2009, "most podium finishes in the 2000s (2000-2009)?", "podiums")


def team_decade(a, b, q):
    rs = [r for r in RACES if a <= r["season"] <= b]
    cnt = count([c for r in rs for c in {x["constructorId"] for x in r["res"] if pos(x) == 1}])
    c, n = strict(cnt)
    add("aggregate", "team_decade_wins", q, cnames(c), f"{cn(c)} with {n} race wins in {a}-{b}; next: {top(cnt[1:],3,cn)}.", [f"seasons/{str(a)[:3]}*/races/*/race-results.yml"])


team_decade(1990, 1999, "which team won the most races in the 1990s")
team_decade(1960, 1969, "constructor with the most wins in the sixties?")

# most starts for McLaren
cnt = count([x["driverId"] for r in RACES for x in starts_rows(r) if x["constructorId"] == "mclaren"])
d, n = strict(cnt)
add("aggregate", "most_starts_for_team", "Who has started the most races for McLaren?", dnames(d),
    f"{nm(d)} with {n} starts for McLaren (starts exclude DNS/DNQ/DNPQ/EX/DNP; {CUT}); next: {top(cnt[1:],3)}.", [RR])

# oldest pole sitter
best = None
for r in RACES:
    if r["q"]:
        d = pole(r, False); a = age(d, r["date"])
        if best is None or a > best[0]:
            best = (a, d, r)
a, d, r = best
pole(r)
add("aggregate", "oldest_pole_sitter", "who is the oldest driver ever to take pole position?", dnames(d),
    f"{nm(d)}, aged {a[0]} years {a[1]} days, on pole for the {gpn(r)} (qualifying P1, equals grid P1).", [f"{r['dir']}/qualifying-results.yml", "drivers/*.yml"])

# youngest starter
best = None
for r in RACES:
    for x in starts_rows(r):
        a = age(x["driverId"], r["date"])
        if best is None or a < best[0]:
            best = (a, x["driverId"], r)
a, d, r = best
add("aggregate", "youngest_starter", "youngest driver ever to start an F1 race?", dnames(d),
    f"{nm(d)}, aged {a[0]} years {a[1]} days at the {gpn(r)}.", [RR, "drivers/*.yml"])

# distinct winners 2010, distinct pole sitters 2024
for s, q in ((2010, "how many different drivers won a race in 2010?"),):
    ws = sorted({d for r in season_races(s) for d in winners(r)})
    add("aggregate", "distinct_winners", q, [str(len(ws))], f"{len(ws)} different winners in {s}: {', '.join(nm(w) for w in ws)}.", [f"seasons/{s}/races/*/race-results.yml"])
for s, q in ((2024, "How many different pole sitters were there in the 2024 season?"),):
    ps = sorted({pole(r, False) for r in season_races(s)})
    assert set(ps) == {at(r, 1, "grid")[0]["driverId"] for r in season_races(s)}
    add("aggregate", "distinct_pole_sitters", q, [str(len(ps))], f"{len(ps)} different pole sitters in {s}: {', '.join(nm(w) for w in ps)}.", [f"seasons/{s}/races/*/qualifying-results.yml"])

# most wins in a season without the title
best = []
for s in range(1950, 2026):
    ch = champ(s)["driverId"]
    cnt = count([d for r in season_races(s) for d in winners(r)])
    for d, n in cnt:
        if d != ch:
            best.append((n, d, s))
best.sort(reverse=True)
assert best[0][0] > best[1][0], best[:3]
n, d, s = best[0]
add("aggregate", "most_wins_season_no_title", "most wins anyone has had in a single season and still NOT won the championship?", dnames(d), 
    f"{nm(d)} won {n} races in {s} but {nm(champ(s)['driverId'])} took the title; next: " + ", ".join(f"{nm(b)} {a} ({c})" for a, b, c in best[1:4]) + ".",
    [RR, "seasons/*/driver-standings.yml"], accept_all=[str(n)])

# podiums without a pole
pod = count([x["driverId"] for r in RACES for x in r["res"] if pos(x) in (1, 2, 3)])
polers = {x["driverId"] for r in RACES if r["q"] for x in r["q"] if x.get("position") == 1} | {x["driverId"] for r in RACES if r["grid"] for x in r["grid"] if x.get("position") == 1}
c2 = [(d, n) for d, n in pod if d not in polers]
d, n = strict(c2)
add("aggregate", "most_podiums_without_pole", "which driver has the most podiums but never got a pole position?", dnames(d, set(db["drivers"])) + (["Heidfeld"] if d == "nick-heidfeld" else []),
    f"{nm(d)} with {n} podiums and no pole (qualifying or grid P1; {CUT}); next: {top(c2[1:],3)}.", [RR, "seasons/*/races/*/qualifying-results.yml"])

# fastest laps 2022
rs = season_races(2022)
cnt = count([x["driverId"] for r in rs for x in (r["fl"] or []) if x.get("position") == 1])
d, n = strict(cnt)
add("aggregate", "season_most_fastest_laps", "Who set the most fastest laps in 2022?", dnames(d, field(2022)), f"{nm(d)} with {n} fastest laps in 2022 (fastest-laps P1); next: {top(cnt[1:],3)}.", ["seasons/2022/races/*/fastest-laps.yml"])

# races in 1960
rs = season_races(1960)
add("aggregate", "season_race_count", "how many world championship races were there in 1960?", [str(len(rs))], f"{len(rs)} races in 1960 (including the Indianapolis 500): " + ", ".join(db['gps'][r['grandPrixId']]['name'] for r in rs) + ".", ["seasons/1960/races/*/race.yml"])

# starters 2026 so far
f26 = field(2026)
add("aggregate", "season_starters", "how many drivers have started at least one race this season so far?", [str(len(f26))], f"{len(f26)} drivers have started a 2026 race (rounds 1-11 have results; {CUT}).", ["seasons/2026/races/*/race-results.yml"])

# Ferrari wins 2000-2009
rs = [r for r in RACES if 2000 <= r["season"] <= 2009]
n = sum(1 for r in rs if any(pos(x) == 1 and x["constructorId"] == "ferrari" for x in r["res"]))
add("aggregate", "team_decade_win_count", "how many races did ferrari win between 2000 and 2009?", [str(n)], f"Ferrari won {n} of the {len(rs)} races in 2000-2009.", ["seasons/200*/races/*/race-results.yml"])

# engine with most 2000s wins -> use 2010s
rs = [r for r in RACES if 2014 <= r["season"] <= 2020]
cnt = count([x["engineManufacturerId"] for r in rs for x in r["res"] if pos(x) == 1])
e, n = strict(cnt)
add("aggregate", "engine_most_wins", "which engine manufacturer powered the most race winners from 2014 to 2020?", [ENGN[e]], f"{ENGN[e]} engines won {n} of {len(rs)} races in 2014-2020; next: {top(cnt[1:],3,lambda k: ENGN[k])}.", ["seasons/201*/races/*/race-results.yml", "seasons/2020/races/*/race-results.yml"])

# most wins from outside front row? -> most starts without podium
pods = {x["driverId"] for r in RACES for x in r["res"] if pos(x) in (1, 2, 3)}
st = count([x["driverId"] for r in RACES for x in starts_rows(r)])
c2 = [(d, n) for d, n in st if d not in pods]
d, n = strict(c2)
add("aggregate", "most_starts_without_podium", "who has done the most races without ever getting a podium?", dnames(d, set(db["drivers"])),
    f"{nm(d)} with {n} starts and no podium ({CUT}); next: {top(c2[1:],3)}.", [RR])

# oldest podium finisher since 2000
best = None
for r in RACES:
    if r["season"] >= 2000:
        for d in [x["driverId"] for x in r["res"] if pos(x) in (1, 2, 3)]:
            a = age(d, r["date"])
            if best is None or a > best[0]:
                best = (a, d, r)
a, d, r = best
add("aggregate", "oldest_podium_since_2000", "oldest guy to get a podium since 2000?", dnames(d),
    f"{nm(d)}, aged {a[0]} years {a[1]} days, finished on the podium at the {gpn(r)}.", [RR, "drivers/*.yml"])


def rdir(r, f="race-results.yml"):
    return f"{r['dir']}/{f}"


def season_src(s, f="race-results.yml"):
    return f"seasons/{s}/races/*/{f}"


# ---------------- colloquial ----------------
def win_rec(group, cat, q, s, gp, extra=""):
    r = race(s, gp); w = winners(r); assert len(w) == 1
    p2 = at(r, 2)[0]["driverId"]
    add(group, cat, q, dnames(w[0], race_field(r)), f"{nm(w[0])} won the {gpn(r)}; P2 {nm(p2)}.{extra}", [rdir(r)])
    return w[0], r


win_rec("colloquial", "typo_short_year", "who won silverstne in 2k16", 2016, "great-britain")
win_rec("colloquial", "short_year", "who won monaco in '18", 2018, "monaco")
win_rec("colloquial", "relative_time", "who won in brasil the year before last?", 2024, "sao-paulo", " The year before last = 2024 (today 2026-12-03); f1db calls it the São Paulo Grand Prix.")
win_rec("colloquial", "typo", "who won at suzaka in 2004", 2004, "japan")
win_rec("colloquial", "typo", "winner of monzza 2010??", 2010, "italy")
win_rec("colloquial", "short_year", "hungaroring 06 who won that one", 2006, "hungary")
win_rec("colloquial", "typo", "who won spa francochamps in 1998", 1998, "belgium")
win_rec("colloquial", "typo", "who won monacco in 1970", 1970, "monaco")
win_rec("colloquial", "circuit_name", "interlagos 1994 winner pls", 1994, "brazil")
r = last; w = winners(r)[0]
add("colloquial", "relative_time", "who won the most recent gp?", dnames(w, race_field(r)), f"The most recent race with results is the {gpn(r)} (round 11); {nm(w)} won it. Rounds 12-23 have no results in the data.", [rdir(r)])


def cnt_rec(group, cat, q, s, d, what, note_extra=""):
    rs = season_races(s)
    if what == "wins":
        n = wins_of(d, rs)
    elif what == "podiums":
        n = podiums_of(d, rs)
    elif what == "poles":
        qn, gn = poles_of(d, rs); assert qn == gn, (d, s, qn, gn); n = qn
    elif what == "points":
        n = pts(s, d)["points"]
    add(group, cat, q, [fmt(n)], f"{nm(d)}: {fmt(n)} {what} in {s} ({len(rs)} races with results).{note_extra}", [season_src(s, "qualifying-results.yml" if what == "poles" else "race-results.yml") if what != "points" else f"seasons/{s}/driver-standings.yml"])
    return n


cnt_rec("colloquial", "nickname", "how many races did mad max win in 2022", 2022, "max-verstappen", "wins")
cnt_rec("colloquial", "relative_time", "how many wins did max get last yr", 2025, "max-verstappen", "wins", " Last year = 2025.")
cnt_rec("colloquial", "relative_time", "how many podiums has lando got this season", 2026, "lando-norris", "podiums", f" This season = 2026; {CUT}.")
cnt_rec("colloquial", "nickname", "nico ros how many wins in his title year", 2016, "nico-rosberg", "wins", " Rosberg's only title was 2016.")
cnt_rec("colloquial", "nickname", "how many points did schumi jr score in 2022", 2022, "mick-schumacher", "points", " Schumi jr = Mick Schumacher (Haas).")
cnt_rec("colloquial", "nickname", "honey badger wins in 2014?", 2014, "daniel-ricciardo", "wins", " Honey badger = Daniel Ricciardo (Red Bull).")
cnt_rec("colloquial", "typo", "leclair wins in 2024?", 2024, "charles-leclerc", "wins")
cnt_rec("colloquial", "typo", "hamiltn 2020 how many poles", 2020, "lewis-hamilton", "poles")
cnt_rec("colloquial", "typo", "verstapen podiums 2024 how many", 2024, "max-verstappen", "podiums")
cnt_rec("colloquial", "nickname", "how many points did el nano get in 06", 2006, "fernando-alonso", "points", " El Nano = Fernando Alonso.")
c = champ(2008, "cs")["constructorId"]
add("colloquial", "typo", "who won the constructers in 2008", cnames(c), f"{cn(c)} won the 2008 constructors' championship with {fmt(champ(2008,'cs')['points'])} points; P2 {cn(db['cs'][2008][1]['constructorId'])}.", ["seasons/2008/constructor-standings.yml"])
d = champ(1982)["driverId"]
add("colloquial", "lowercase", "who was champ in 82", dnames(d, field(1982)), f"{nm(d)} won the 1982 drivers' title with {fmt(champ(1982)['points'])} points.", ["seasons/1982/driver-standings.yml"])

# ---------------- relational ----------------
def tm_rec(q, s, c, d):
    t = teammates(s, c, d); assert len(t) == 1, (s, c, d, t)
    add("relational", "team_mate", q, dnames(t[0], field(s)), f"{nm(t[0])} was {nm(d)}'s only team-mate at {cn(c)} in {s}.", [season_src(s), f"seasons/{s}/entrants.yml"])


tm_rec("Who was Lewis Hamilton's team-mate at McLaren in 2008?", 2008, "mclaren", "lewis-hamilton")
tm_rec("alonso's teammate in 2006 at renault?", 2006, "renault", "fernando-alonso")
tm_rec("who partnered Jenson Button at BAR in 2004", 2004, "bar", "jenson-button")
tm_rec("vettel's team mate in 2014", 2014, "red-bull", "sebastian-vettel")
tm_rec("who was jacques villeneuve's teammate in 1996", 1996, "williams", "jacques-villeneuve")
tm_rec("Prost's team-mate at Ferrari in 1990?", 1990, "ferrari", "alain-prost")


def lineup_rec(q, s, c):
    ds = teammates(s, c, None); assert len(ds) == 2, ds
    add("relational", "line_up", q, dnames(ds[0], field(s)), f"{cn(c)} {s}: {nm(ds[0])} and {nm(ds[1])} (the only drivers to race for the team that season). Both names are required.",
        [season_src(s)], accept_all=[fold(db["drivers"][x]["lastName"]) for x in ds])


lineup_rec("who drove for ferrari in 2000", 2000, "ferrari")
lineup_rec("McLaren's driver line-up in 2012?", 2012, "mclaren")
r = race(2012, "monaco"); d = at(r, 5)[0]["driverId"]
add("relational", "nth_place", "who finished 5th at Monaco in 2012?", dnames(d, race_field(r)), f"{nm(d)} finished P5 at the {gpn(r)}; P4 {nm(at(r,4)[0]['driverId'])}, P6 {nm(at(r,6)[0]['driverId'])}.", [rdir(r)])
r = race(2010, "abu-dhabi"); v = [x for x in r["res"] if x["driverId"] == "sebastian-vettel"][0]; d = at(r, v["position"] + 1)[0]["driverId"]
add("relational", "right_behind", "who crossed the line right behind Vettel in Abu Dhabi 2010?", dnames(d, race_field(r)), f"Vettel won (P{v['position']}) the {gpn(r)}; P{v['position']+1} was {nm(d)}.", [rdir(r)])
r = race(2002, "monaco"); d = at(r, 3)[0]["driverId"]
add("relational", "nth_place", "who got third at monaco 2002", dnames(d, race_field(r)), f"P3 at the {gpn(r)}: {nm(d)}; P1 {nm(at(r,1)[0]['driverId'])}, P2 {nm(at(r,2)[0]['driverId'])}.", [rdir(r)])


def eng_rec(q, s, c):
    es = {x["engineManufacturerId"] for r in season_races(s) for x in r["res"] if x["constructorId"] == c}
    assert len(es) == 1, es; e = es.pop()
    add("relational", "engine_supplier", q, [ENGN[e]] + (["Cosworth"] if e == "ford" else []), f"{cn(c)} raced with {ENGN[e]} engines in every {s} race.", [season_src(s)])


eng_rec("what engine did lotus use in 1978?", 1978, "lotus")
eng_rec("McLaren engine supplier in 1990?", 1990, "mclaren")
eng_rec("who supplied williams' engines in 2000", 2000, "williams")
eng_rec("red bull 2010 engine?", 2010, "red-bull")
r = race(2018, "singapore"); d = pole(r)
add("relational", "pole_sitter", "who was on pole in singapore 2018", dnames(d, race_field(r)), f"{nm(d)} took pole (qualifying P1 = grid P1) for the {gpn(r)}.", [rdir(r, "qualifying-results.yml")])
r = race(1982, "monaco"); pod = [at(r, i)[0]["driverId"] for i in (1, 2, 3)]
add("relational", "podium", "Who were the three on the podium at Monaco 1982?", dnames(pod[2], race_field(r)), f"{gpn(r)}: P1 {nm(pod[0])}, P2 {nm(pod[1])}, P3 {nm(pod[2])}. All three names are required.", [rdir(r)],
    accept_all=[fold(db["drivers"][x]["lastName"]) for x in pod])
c = champ(1962, "cs")["constructorId"]
add("relational", "constructors_champion", "which constructor won the 1962 constructors' title?", cnames(c), f"{cn(c)} won the 1962 constructors' championship; P2 {cn(db['cs'][1962][1]['constructorId'])}.", ["seasons/1962/constructor-standings.yml"])
c = db["cs"][2000][1]["constructorId"]
add("relational", "constructors_runner_up", "who finished second in the 2000 constructors championship?", cnames(c), f"{cn(c)} was P2 in 2000 with {fmt(db['cs'][2000][1]['points'])} points behind {cn(champ(2000,'cs')['constructorId'])} ({fmt(champ(2000,'cs')['points'])}).", ["seasons/2000/constructor-standings.yml"])
rs = season_races(2024); prev = None
for r in rs:
    cur = {x["driverId"] for x in r["res"] if x["constructorId"] == "williams"}
    if "franco-colapinto" in cur and prev is not None and "franco-colapinto" not in prev:
        gone = prev - cur; assert len(gone) == 1; d = gone.pop(); rr = r; break
    prev = cur
add("relational", "replacement", "who did Franco Colapinto replace at Williams in 2024?", dnames(d, field(2024)), f"Colapinto's first race was the {gpn(rr)}; he took the seat of {nm(d)}, who raced for Williams in the previous round.", [season_src(2024)])
st = [r for r in RACES if any(x["driverId"] == "ayrton-senna" for x in starts_rows(r))][-1]; w = winners(st)[0]
add("relational", "winner_of_milestone", "who won the race that turned out to be Senna's last?", dnames(w, race_field(st)), f"Senna's last start was the {gpn(st)}; {nm(w)} won it.", [rdir(st)])
r = race(2016, "spain"); d = at(r, 2)[0]["driverId"]
add("relational", "right_behind", "Verstappen won his first race in Spain in 2016 — who came second?", dnames(d, race_field(r)), f"{gpn(r)}: P1 {nm(at(r,1)[0]['driverId'])}, P2 {nm(d)}, P3 {nm(at(r,3)[0]['driverId'])}.", [rdir(r)])

# ---------------- career_history ----------------
def first_last_win(q, d, which):
    rs = [r for r in RACES if d in winners(r)]; r = rs[0] if which == "first" else rs[-1]
    gpname = db["gps"][r["grandPrixId"]]["name"]
    add("career_history", f"{which}_win", q, dnames(d), f"{nm(d)}'s {which} Grand Prix win: the {gpn(r)}, driving for {cn([x for x in r['res'] if x['driverId']==d][0]['constructorId'])} ({len(rs)} wins in all; {CUT}). Year required.",
        [RR], accept_all=[str(r["season"])])


first_last_win("when and where did hakkinen win his first race?", "mika-hakkinen", "first")
first_last_win("alonso's first ever F1 win — which race and year?", "fernando-alonso", "first")
first_last_win("What was Daniel Ricciardo's first grand prix win?", "daniel-ricciardo", "first")
first_last_win("charles leclerc first win, what year?", "charles-leclerc", "first")
first_last_win("when did kimi raikkonen last win a race?", "kimi-raikkonen", "last")
first_last_win("Sebastian Vettel's last F1 win was when?", "sebastian-vettel", "last")
first_last_win("alonso's most recent win, when was it", "fernando-alonso", "last")
first_last_win("Michael Schumacher's final race win?", "michael-schumacher", "last")


def debut(q, d):
    r = [r for r in RACES if any(x["driverId"] == d for x in starts_rows(r))][0]
    c = [x for x in r["res"] if x["driverId"] == d][0]["constructorId"]
    add("career_history", "debut_team", q, cnames(c), f"{nm(d)} made his debut at the {gpn(r)} with {cn(c)}.", [RR])


debut("which team did jenson button make his f1 debut with?", "jenson-button")
debut("Mark Webber's first F1 team?", "mark-webber")
t = [s for s in range(1950, 2026) if champ(s)["driverId"] == "juan-manuel-fangio"]
add("career_history", "title_count", "how many world titles did Fangio win?", [str(len(t))], f"Juan Manuel Fangio won {len(t)} drivers' titles: {', '.join(map(str, t))}.", ["seasons/*/driver-standings.yml"])


def team_first_win(q, c):
    r = [r for r in RACES if any(pos(x) == 1 and x["constructorId"] == c for x in r["res"])][0]
    ds = [x["driverId"] for x in r["res"] if pos(x) == 1 and x["constructorId"] == c]; assert len(ds) == 1, ds
    add("career_history", "team_first_win", q, dnames(ds[0], race_field(r)), f"{cn(c)}'s first Grand Prix win: {nm(ds[0])} at the {gpn(r)}. Year required.", [RR], accept_all=[str(r["season"])])


team_first_win("who gave Ferrari their first ever GP win, and what year?", "ferrari")
team_first_win("McLaren's first race win as a constructor — who drove and when?", "mclaren")
q, g = poles_of("ayrton-senna")
assert q == g
add("career_history", "career_poles", "how many career poles did Senna have?", [str(q)], f"Ayrton Senna: {q} pole positions (qualifying P1; grid P1 gives the same).", ["seasons/*/races/*/qualifying-results.yml"])
s = [s for s in range(1958, 2026) if champ(s, "cs")["constructorId"] == "ferrari"][0]
add("career_history", "first_constructors_title", "what year did ferrari win their first constructors championship?", [str(s)], f"Ferrari's first constructors' title was {s} (constructors' championship from 1958).", ["seasons/*/constructor-standings.yml"])
n = len({r["season"] for r in RACES if any(x["driverId"] == "rubens-barrichello" for x in starts_rows(r))}) if False else None
d = "jenson-button"; ws = [r for r in RACES if d in winners(r)]
add("career_history", "career_wins", "how many GPs did jenson button win in his career", [str(len(ws))], f"Jenson Button won {len(ws)} Grands Prix ({ws[0]['season']}-{ws[-1]['season']}).", [RR])
fin = [s for s in range(1950, 2026) if db["countries"] if False] if False else None
ch = [(s, champ(s)["driverId"]) for s in range(1950, 2026) if db["drivers"][champ(s)["driverId"]]["nationalityCountryId"] == "germany"]
add("career_history", "first_champion_of_country", "first german world champion?", dnames(ch[0][1], ALL_WINNERS), f"{nm(ch[0][1])} in {ch[0][0]} was the first champion with German nationality; German champions: " + ", ".join(f"{nm(d)} ({n})" for d, n in count([d for s, d in ch])) + " titles.", ["seasons/*/driver-standings.yml", "drivers/*.yml"])

# ---------------- comparative ----------------
def cmp_rec(q, a, b, fn, what, src, cat):
    na, nb = fn(a), fn(b); assert na != nb
    w, l, nw, nl = (a, b, na, nb) if na > nb else (b, a, nb, na)
    add("comparative", cat, q, dnames(w), f"{nm(w)} {fmt(nw)} vs {nm(l)} {fmt(nl)} {what}: {nm(w)} by {fmt(nw - nl)} ({CUT}).", src, accept_all=[fmt(nw), fmt(nl)])


cmp_rec("who has more career wins, vettel or alonso, and how many each?", "sebastian-vettel", "fernando-alonso", wins_of, "wins", [RR], "career_wins")
cmp_rec("Hamilton vs Verstappen — poles, how many each?", "lewis-hamilton", "max-verstappen", lambda d: poles_of(d)[0], "poles (qualifying P1)", ["seasons/*/races/*/qualifying-results.yml"], "career_poles")
cmp_rec("rosberg or webber, who had more podiums? numbers pls", "nico-rosberg", "mark-webber", podiums_of, "podiums", [RR], "career_podiums")
cmp_rec("who started more races, barrichello or button? give both counts", "rubens-barrichello", "jenson-button", starts_of, "starts", [RR], "career_starts")
cmp_rec("clark vs graham hill career wins, both numbers?", "jim-clark", "graham-hill", wins_of, "wins", [RR], "career_wins")
cmp_rec("piquet v mansell - who won more grands prix, how many each", "nelson-piquet", "nigel-mansell", wins_of, "wins", [RR], "career_wins")
cmp_rec("senna or schumacher, who got more poles? with numbers", "ayrton-senna", "michael-schumacher", lambda d: poles_of(d)[0], "poles (qualifying P1)", ["seasons/*/races/*/qualifying-results.yml"], "career_poles")


def cmp_season(q, s, a, b):
    pa, pb = pts(s, a)["points"], pts(s, b)["points"]; assert pa != pb
    w, l, nw, nl = (a, b, pa, pb) if pa > pb else (b, a, pb, pa)
    add("comparative", "season_points", q, dnames(w, field(s)), f"{s} drivers' standings: {nm(w)} {fmt(nw)} vs {nm(l)} {fmt(nl)} points, a margin of {fmt(nw - nl)}.", [f"seasons/{s}/driver-standings.yml"], accept_all=[fmt(nw - nl)])


cmp_season("2012 final standings, vettel vs alonso — how many points apart?", 2012, "sebastian-vettel", "fernando-alonso")
cmp_season("by how many points did alonso beat schumacher in 2006?", 2006, "fernando-alonso", "michael-schumacher")
cmp_season("lauda vs prost 1984, what was the gap in points", 1984, "niki-lauda", "alain-prost")
cmp_season("Hamilton v Bottas 2020 points difference?", 2020, "lewis-hamilton", "valtteri-bottas")
fa = sum(1 for r in RACES if any(pos(x) == 1 and x["constructorId"] == "ferrari" for x in r["res"]))
fm = sum(1 for r in RACES if any(pos(x) == 1 and x["constructorId"] == "mclaren" for x in r["res"]))
assert fa > fm
add("comparative", "team_wins", "ferrari or mclaren: who has won more races all-time, and by how many?", cnames("ferrari"), f"Ferrari {fa} vs McLaren {fm} Grand Prix wins: Ferrari by {fa - fm} ({CUT}).", [RR], accept_all=[str(fa - fm)])
m, f = pts(2018, "mercedes", "cs", "constructorId")["points"], pts(2018, "ferrari", "cs", "constructorId")["points"]
assert m > f
add("comparative", "constructor_points", "mercedes vs ferrari in the 2018 constructors', how big was the gap?", cnames("mercedes"), f"2018 constructors' standings: Mercedes {fmt(m)} vs Ferrari {fmt(f)}, a margin of {fmt(m - f)}.", ["seasons/2018/constructor-standings.yml"], accept_all=[fmt(m - f)])
a, b = wins_of("mika-hakkinen", season_races(1998)), wins_of("michael-schumacher", season_races(1998)); assert a > b
add("comparative", "season_wins", "hakkinen vs schumacher in 1998, race wins each?", dnames("mika-hakkinen"), f"1998: Mika Häkkinen {a} wins vs Michael Schumacher {b}.", [season_src(1998)], accept_all=[str(a), str(b)])

# ---------------- unavailable ----------------
def unav(cat, q, note, src):
    add("unavailable", cat, q, [], note, src, unavailable=True)


assert not any(r["season"] == 2006 and r["grandPrixId"] == "belgium" for r in db["races"])
unav("race_not_held", "who won the belgian gp in 2006?", "There was no Belgian Grand Prix in 2006 (not in the 2006 calendar). The reply should say it was not held.", ["seasons/2006/races/"])
assert not any(r["season"] == 2010 and r["grandPrixId"] == "france" for r in db["races"])
unav("race_not_held", "French GP 2010 winner?", "No French Grand Prix was held in 2010 (none between 2009 and 2017 in the data).", ["seasons/2010/races/"])
assert not any(r["season"] == 2020 and r["grandPrixId"] == "australia" for r in db["races"])
unav("race_not_held", "who took pole in melbourne in 2020", "The 2020 Australian Grand Prix was not held (cancelled); 2020 has no Australian round in the data.", ["seasons/2020/races/"])
for rnd, gp, q in ((17, "singapore", "who won the singapore gp this year?"), (19, "mexico", "who was on pole for the mexican gp this season?")):
    r = [r for r in db["races"] if r["season"] == 2026 and r["round"] == rnd][0]
    assert r["grandPrixId"] == gp and not r["res"] and not r["q"] and not r["grid"]
    unav("no_result_yet", q, f"The {gpn(r)} is round {rnd} of 2026 and has no qualifying or race results in the data ({CUT}). The reply must not invent a result.", [r["dir"] + "/race.yml"])
assert not any(x["driverId"] == "ryo-hirakawa" for r in db["races"] for k in ("res", "grid") for x in (r[k] or []))
unav("never_raced", "how many races has ryo hirakawa won?", "Ryo Hirakawa never started a Grand Prix: f1db has him only as an entrant / free-practice driver, with no race results. The reply should say he has not raced (so no wins), not give a count as a race record.", ["drivers/ryo-hirakawa.yml", "seasons/*/entrants.yml"])
unav("no_data", "what were hamilton's tyre temps in the last stint at abu dhabi 2014", "f1db stores no tyre temperatures (no tyre data beyond the tyre manufacturer).", [rdir(race(2014, "abu-dhabi"))])
unav("no_data", "how much was max verstappen paid in 2022?", "Salaries are not in f1db.", ["drivers/max-verstappen.yml"])
unav("no_data", "show me leclerc's throttle trace on his monaco 2024 pole lap", "f1db has no telemetry (throttle, brake, speed traces); qualifying rows hold only lap times.", [rdir(race(2024, "monaco"), "qualifying-results.yml")])
unav("no_data", "how much ERS did russell deploy on the last lap in vegas 2024?", "f1db has no energy-deployment or power-unit data.", [rdir(race(2024, "las-vegas"))])
unav("no_data", "what were norris's brake temperatures in miami 2024", "f1db stores no brake or car sensor data.", [rdir(race(2024, "miami"))])
unav("no_data", "how many people watched the 2022 abu dhabi gp on tv", "TV audiences and attendance are not in f1db.", [rdir(race(2022, "abu-dhabi"), "race.yml")])

# ---------------- multi_part ----------------
def champ_plus(q, s, what):
    c = champ(s); d = c["driverId"]; rs = season_races(s)
    team = count([x["constructorId"] for r in rs for x in r["res"] if x["driverId"] == d])
    if what == "wins":
        v = str(wins_of(d, rs)); txt = f"{v} wins"
    elif what == "points":
        v = fmt(c["points"]); txt = f"{v} points"
    else:
        assert len(team) == 1; v = cn(team[0][0]); txt = f"driving for {v}"
    add("multi_part", f"champion_{what}", q, dnames(d, field(s)), f"{nm(d)} won the {s} title, {txt} ({len(rs)} races).", [f"seasons/{s}/driver-standings.yml", season_src(s)], accept_all=[v])


champ_plus("who won the 1988 championship and how many races did he win?", 1988, "wins")
champ_plus("1964 world champ and which team was he driving for?", 1964, "team")
champ_plus("who was champion in 1994 and with how many points", 1994, "points")
champ_plus("1976 champion + his team?", 1976, "team")
champ_plus("who won the first ever championship in 1950 and for which team", 1950, "team")


def pole_win(q, s, gp):
    r = race(s, gp); p = pole(r); w = winners(r)[0]
    acc = dnames(w, race_field(r))
    aa = [fold(db["drivers"][p]["lastName"])] + ([] if p == w else [fold(db["drivers"][w]["lastName"])])
    add("multi_part", "pole_and_winner", q, acc, f"{gpn(r)}: pole {nm(p)} (qualifying P1 = grid P1), winner {nm(w)}." + (" The same driver did both." if p == w else " Both names are required."), [rdir(r), rdir(r, "qualifying-results.yml")], accept_all=aa)


pole_win("monaco 2018: who was on pole and who won?", 2018, "monaco")
pole_win("suzuka 2000 — pole sitter and winner?", 2000, "japan")


def wins_plus(q, s, d, other):
    rs = season_races(s); w = wins_of(d, rs)
    if other == "poles":
        qn, gn = poles_of(d, rs); assert qn == gn; o = qn
    elif other == "points":
        o = fmt(pts(s, d)["points"])
    else:
        o = podiums_of(d, rs)
    add("multi_part", f"wins_and_{other}", q, [str(w)], f"{nm(d)} in {s}: {w} wins and {o} {other} ({len(rs)} races with results" + (f"; {CUT})." if s == 2026 else ")."), [season_src(s)], accept_all=[str(w), str(o)])


wins_plus("how many wins and poles did hamilton get in 2020?", 2020, "lewis-hamilton", "poles")
wins_plus("verstappen 2024: number of wins and total points?", 2024, "max-verstappen", "points")
wins_plus("russell this season, how many wins and how many podiums so far?", 2026, "george-russell", "podiums")
c = champ(1980, "cs")["constructorId"]
es = count([x["engineManufacturerId"] for r in season_races(1980) for x in r["res"] if x["constructorId"] == c]); assert len(es) == 1
add("multi_part", "constructors_champion_engine", "who won the 1980 constructors title and whose engines did they use?", cnames(c), f"{cn(c)} won the 1980 constructors' championship using {ENGN[es[0][0]]} engines.", ["seasons/1980/constructor-standings.yml", season_src(1980)], accept_all=[ENGN[es[0][0]]])
a, b = db["ds"][2008][0], db["ds"][2008][1]
add("multi_part", "champion_margin", "who won the 2008 title and by how many points?", dnames(a["driverId"], field(2008)), f"{nm(a['driverId'])} {fmt(a['points'])} vs {nm(b['driverId'])} {fmt(b['points'])}: champion by {fmt(a['points'] - b['points'])}.", ["seasons/2008/driver-standings.yml"], accept_all=[fmt(a["points"] - b["points"])])

# ---------------- finish ----------------
drop = {"youngest driver ever to start an F1 race?", "Verstappen won his first race in Spain in 2016 — who came second?", "who got third at monaco 2002",
        "how many world titles did Fangio win?", "alonso's most recent win, when was it", "how many drivers have started at least one race this season so far?"}
RECS[:] = [r for r in RECS if r["question"] not in drop]
qs = [r["question"] for r in RECS]
assert len(qs) == len(set(qs)), "duplicate question"


def norm(s):
    return fold(s).lower()


def hit(reply, s):
    r, s = norm(reply), norm(s)
    if re.fullmatch(r"\d+", s):
        return re.search(rf"(?<![\d.]){s}(?![\d]|\.\d)", r) is not None
    return s in r


for r in RECS:
    if r["expect_unavailable"]:
        assert r["accept"] == []
    else:
        assert r["accept"], r["question"]
        assert any(hit(r["answer_note"], a) for a in r["accept"]) and all(hit(r["answer_note"], a) for a in r.get("accept_all", [])), ("self-check", r["question"], r["answer_note"])

random.Random(20261203).shuffle(RECS)
for i, r in enumerate(RECS, 1):
    r["id"] = f"fbg-{i:03d}"
assert len(RECS) == 120, len(RECS)
with open(OUT, "w") as f:
    for r in RECS:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
by = count([r["group"] for r in RECS])
print(len(RECS), "records ->", os.path.normpath(OUT), dict(by), "accept_all:", sum(1 for r in RECS if r.get("accept_all")), "unavailable:", sum(r["expect_unavailable"] for r in RECS))
