#!/usr/bin/env python3
"""Build the held-out fan-style F1 QA set F (eval/fan-qa-blind-f.jsonl).

Every answer is computed here from the f1db YAML source (default
/work/shared/data/f1db/src/data, override with F1DB=...). Nothing is typed by
hand except the question parameters (driver, team, season, race). The script
asserts a strict leader / strict winner for every superlative and comparison,
and grades every answerable record's own answer_note with the grading rules
1-3 of shared/eval/fan-qa-dev-README.md (self-check).

Usage: python3 eval/tools/build_blind_f.py [out.jsonl]
Optional: BF_CACHE=/tmp/some.pkl caches the parsed YAML between runs.
"""
import datetime
import glob
import json
import os
import pickle
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict

import yaml

D = os.environ.get("F1DB", "/work/shared/data/f1db/src/data")
TODAY = datetime.date(2026, 12, 3)
THIS, LAST, BEFORE_LAST = 2026, 2025, 2024
NOSTART = {"DNS", "DNQ", "DNPQ", "EX", "DNP"}
SEED = 20261215


# ----------------------------------------------------------------- loading
def _y(p):
    with open(p) as f:
        return yaml.load(f, Loader=getattr(yaml, "CLoader", yaml.SafeLoader))


def load():
    cache = os.environ.get("BF_CACHE")
    if cache and os.path.exists(cache):
        return pickle.load(open(cache, "rb"))
    db = {k: {} for k in ["drivers", "constructors", "gps", "circuits", "engines", "countries", "dst", "cst", "entrants"]}
    db["races"] = []
    for k, d in [("drivers", "drivers"), ("constructors", "constructors"), ("gps", "grands-prix"),
                 ("circuits", "circuits"), ("engines", "engine-manufacturers"), ("countries", "countries")]:
        for p in glob.glob(f"{D}/{d}/*.yml"):
            o = _y(p)
            db[k][o["id"]] = o
    for sd in sorted(glob.glob(f"{D}/seasons/*")):
        yr = int(os.path.basename(sd))
        for fn, k in [("driver-standings.yml", "dst"), ("constructor-standings.yml", "cst"), ("entrants.yml", "entrants")]:
            if os.path.exists(f"{sd}/{fn}"):
                db[k][yr] = _y(f"{sd}/{fn}") or []
        for rd in sorted(glob.glob(f"{sd}/races/*")):
            r = _y(f"{rd}/race.yml")
            r["year"] = yr
            r["dir"] = os.path.relpath(rd, D)
            r["files"] = sorted(os.listdir(rd))
            for fn in r["files"]:
                if fn != "race.yml":
                    r[fn[:-4]] = _y(f"{rd}/{fn}") or []
            db["races"].append(r)
    db["races"].sort(key=lambda r: (r["year"], r["round"]))
    if cache:
        pickle.dump(db, open(cache, "wb"))
    return db


db = load()
DR, CO, GP, CI, EN = db["drivers"], db["constructors"], db["gps"], db["circuits"], db["engines"]
ALLR = db["races"]
R = [r for r in ALLR if r.get("race-results")]  # races with results
LAST_RACE = R[-1]
assert (LAST_RACE["year"], LAST_RACE["round"], LAST_RACE["grandPrixId"]) == (2026, 11, "hungary"), LAST_RACE["dir"]
CUTOFF = f"data cutoff: 2026 Hungarian Grand Prix, round 11, {LAST_RACE['date']}"


def d_(x):
    return x if isinstance(x, datetime.date) else datetime.date.fromisoformat(str(x))


# ----------------------------------------------------------------- text helpers
def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", str(s)) if not unicodedata.combining(c)).lower()


def uniq(xs):
    out = []
    for x in xs:
        if x and fold(x) not in [fold(o) for o in out]:
            out.append(x)
    return out


def nm(d):
    return DR[d]["name"]


def surname(d):
    return re.sub(r"\s+Jr\.?$", "", DR[d]["lastName"]).strip()


ALIASES = {
    "sergio-perez": ["Checo", "Checo Perez"],
    "michael-schumacher": ["Michael Schumacher", "Schumi"],
    "carlos-sainz-jr": ["Carlos Sainz"],
    "kimi-raikkonen": ["Kimi Raikkonen"],
    "niki-lauda": ["Lauda"],
    "alexander-albon": ["Alex Albon"],
    "nyck-de-vries": ["De Vries"],
    "elio-de-angelis": ["De Angelis"],
    "jacques-villeneuve": ["Jacques Villeneuve"],
    "mario-andretti": ["Andretti"],
    "nelson-piquet": ["Nelson Piquet"],
    "jack-brabham": ["Jack Brabham"],
    "graham-hill": ["Graham Hill"],
    "damon-hill": ["Damon Hill"],
    "ralf-schumacher": ["Ralf Schumacher", "Ralf"],
    "kimi-antonelli": ["Antonelli", "Andrea Kimi Antonelli"],
}


def names(d, scope=None):
    """Accept strings for a driver: display name, folded, first+last, aliases,
    and the bare surname only if no other driver in scope shares it."""
    o = DR[d]
    out = [o["name"], fold(o["name"]), f"{o['firstName']} {surname(d)}"] + ALIASES.get(d, [])
    s = surname(d)
    if scope is not None:
        clash = [x for x in scope if x != d and fold(surname(x)) == fold(s)]
        if not clash:
            out.append(s)
    return uniq(out)


CALIAS = {
    "red-bull": ["Red Bull"], "ferrari": ["Ferrari"], "mercedes": ["Mercedes"], "mclaren": ["McLaren"],
    "lotus": ["Lotus"], "williams": ["Williams"], "benetton": ["Benetton"], "renault": ["Renault"],
    "tyrrell": ["Tyrrell"], "brabham": ["Brabham"], "minardi": ["Minardi"], "jordan": ["Jordan"],
    "brawn": ["Brawn"], "toro-rosso": ["Toro Rosso"], "alphatauri": ["AlphaTauri", "Alpha Tauri"],
}


def cnames(c):
    return uniq([CO[c]["name"], fold(CO[c]["name"])] + CALIAS.get(c, []))


def cn(c):
    return CO[c]["name"]


def gpname(gp):
    return GP[gp]["fullName"]


def rlabel(r):
    return f"{r['year']} {gpname(r['grandPrixId'])}"


def race(y, gp):
    l = [r for r in ALLR if r["year"] == y and r["grandPrixId"] == gp]
    assert len(l) == 1, (y, gp, len(l))
    return l[0]


def src(r, f="race-results"):
    return f"{r['dir']}/{f}.yml"


def res(r, pos):
    return [x for x in r.get("race-results", []) if x["position"] == pos]


def winners(r):
    return [x["driverId"] for x in res(r, 1)]


def started(x):
    return str(x["position"]) not in NOSTART


def pole_q(r):
    return [x["driverId"] for x in r.get("qualifying-results", []) if x["position"] == 1]


def pole_g(r):
    return [x["driverId"] for x in r.get("starting-grid-positions", []) if x["position"] == 1]


def field(r):
    return {x["driverId"] for x in r.get("race-results", [])}


def season_field(y):
    return {x["driverId"] for r in R if r["year"] == y for x in r["race-results"]}


WINNERS = {w for r in R for w in winners(r)}
STARTERS = {x["driverId"] for r in R for x in r["race-results"] if started(x)}


def strict(counter, n=4):
    mc = counter.most_common(n)
    assert len(mc) >= 1
    assert len(mc) == 1 or mc[0][1] > mc[1][1], ("tie", mc)
    return mc


def fmt_top(mc, namer=nm):
    return ", ".join(f"{namer(k)} {v}" for k, v in mc)


def standings(y, kind="dst"):
    return db[kind][y]


def champ(y):
    s = standings(y)
    assert s[0]["position"] == 1 and s[1]["points"] < s[0]["points"] or s[0]["position"] == 1
    return s[0]


def dwins(d, years=None, team=None):
    return [r for r in R if (years is None or r["year"] in years)
            for x in res(r, 1) if x["driverId"] == d and (team is None or x["constructorId"] == team)]


def dpoles(d, years=None):
    q = sum(1 for r in R if (years is None or r["year"] in years) if d in pole_q(r))
    g = sum(1 for r in R if (years is None or r["year"] in years) if d in pole_g(r))
    return q, g


def dpodiums(d, years=None):
    return sum(1 for r in R if (years is None or r["year"] in years)
               for x in r["race-results"] if x["driverId"] == d and x["position"] in (1, 2, 3))


def starts(d):
    return [(r, x) for r in R for x in r["race-results"] if x["driverId"] == d and started(x)]


def age_years(d, date):
    b, t = d_(DR[d]["dateOfBirth"]), d_(date)
    return t.year - b.year - ((t.month, t.day) < (b.month, b.day))


def team_drivers(team, y):
    c = Counter(x["driverId"] for r in R if r["year"] == y for x in r["race-results"] if x["constructorId"] == team)
    return c


def dpts(y, d):
    l = [x for x in standings(y) if x["driverId"] == d]
    assert len(l) == 1
    return l[0]


def cpts(y, c):
    l = [x for x in standings(y, "cst") if x["constructorId"] == c]
    assert len(l) == 1, (y, c, l)
    return l[0]


def ordinal(n):
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


# ----------------------------------------------------------------- records
RECS = []


def Q(group, category, question, accept, note, source, accept_all=None, unavailable=False):
    rec = {"id": None, "category": category, "group": group, "question": question,
           "accept": [] if unavailable else uniq(accept)}
    if accept_all:
        rec["accept_all"] = list(accept_all)
    rec["expect_unavailable"] = unavailable
    rec["answer_note"] = note
    rec["source"] = source if isinstance(source, list) else [source]
    RECS.append(rec)
    return rec


def matches(reply, s):
    r, s = fold(reply), fold(s)
    if re.fullmatch(r"\d+", s):
        return re.search(rf"(?<![\d.]){re.escape(s)}(?!\.?\d)", r) is not None
    return s in r


def grade(reply, rec):
    return any(matches(reply, a) for a in rec["accept"]) and all(matches(reply, a) for a in rec.get("accept_all", []))


ALL_RR = "seasons/*/races/*/race-results.yml"

# ================================================================= AGGREGATE
def gp_most_wins(gp, question, extra=""):
    rs = [r for r in R if r["grandPrixId"] == gp]
    c = Counter(w for r in rs for w in winners(r))
    mc = strict(c)
    lead = mc[0][0]
    yrs = [r["year"] for r in rs if lead in winners(r)]
    Q("aggregate", "most_wins_at_gp", question, names(lead, WINNERS),
      f"{nm(lead)}: {mc[0][1]} {gpname(gp)} wins ({', '.join(map(str, yrs))}); next: {fmt_top(mc[1:])}. "
      f"{len(rs)} editions with results, counted by grandPrixId '{gp}'.{extra} ({CUTOFF})",
      f"seasons/*/races/*-{gp}/race-results.yml")
    return mc


gp_most_wins("japan", "Who has won the Japanese Grand Prix the most times?")
gp_most_wins("australia", "most wins ever at the australian gp?")
# Austrian: also state the count with the Styrian GP folded in
_sty = Counter(w for r in R if r["grandPrixId"] in ("austria", "styria") for w in winners(r))
strict(_sty)
assert _sty.most_common(1)[0][0] == "max-verstappen"
gp_most_wins("austria", "Which driver has the most Austrian Grand Prix victories?",
             f" Counting the Styrian GPs (same circuit, 2020-2021) too, the leader is unchanged: "
             f"{fmt_top(_sty.most_common(2))}.")
gp_most_wins("netherlands", "Who won the Dutch GP more than anyone else?")
gp_most_wins("argentina", "Which driver won the Argentine Grand Prix the most?")
gp_most_wins("china", "who's got the most wins in shanghai / the chinese gp")
gp_most_wins("singapore", "Most Singapore Grand Prix wins - who holds that record?")
gp_most_wins("turkey", "who won the turkish gp the most times")


def team_top_winner(team, question):
    c = Counter(x["driverId"] for r in R for x in res(r, 1) if x["constructorId"] == team)
    mc = strict(c)
    Q("aggregate", "team_top_winner", question, names(mc[0][0], WINNERS),
      f"{nm(mc[0][0])} won {mc[0][1]} Grands Prix with {cn(team)} (constructorId '{team}'); next: {fmt_top(mc[1:])}. ({CUTOFF})",
      ALL_RR)


team_top_winner("lotus", "Who won the most races for Lotus?")
team_top_winner("brabham", "Which driver has the most wins in a Brabham?")
team_top_winner("benetton", "who won the most grands prix driving for benetton")
team_top_winner("tyrrell", "Tyrrell's most successful driver by race wins?")


def decade_wins(dec, question, kind="wins"):
    ys = range(dec, dec + 10)
    if kind == "wins":
        c = Counter(w for r in R if r["year"] in ys for w in winners(r))
    else:
        c = Counter(p for r in R if r["year"] in ys for p in pole_q(r))
        g = Counter(p for r in R if r["year"] in ys for p in pole_g(r))
        assert strict(g)[0][0] == strict(c)[0][0]
    mc = strict(c)
    extra = "" if kind == "wins" else f" Starting-grid P1 gives the same leader ({fmt_top(strict(g)[:1])})."
    Q("aggregate", f"most_{kind}_decade", question, names(mc[0][0], WINNERS),
      f"{nm(mc[0][0])}: {mc[0][1]} {kind} in {dec}-{dec + 9}; next: {fmt_top(mc[1:])}.{extra}",
      ALL_RR if kind == "wins" else "seasons/*/races/*/qualifying-results.yml")


decade_wins(1980, "Who won the most Grands Prix during the 1980s?")
decade_wins(1960, "Which driver took the most pole positions in the 1960s?", kind="poles")
decade_wins(2010, "Across the 2010s (2010-2019), who racked up the most race wins?")

# driver of the day
_dotd = Counter(x["driverId"] for r in R for x in r.get("driver-of-the-day-results", []) if x["position"] == 1)
_mc = strict(_dotd)
_dy = sorted({r["year"] for r in R if r.get("driver-of-the-day-results")})
Q("aggregate", "most_driver_of_the_day", "Who has been voted Driver of the Day the most times?",
  names(_mc[0][0], WINNERS),
  f"{nm(_mc[0][0])}: {_mc[0][1]} Driver of the Day awards (P1 of driver-of-the-day-results, {_dy[0]}-{_dy[-1]}); next: {fmt_top(_mc[1:])}. ({CUTOFF})",
  "seasons/*/races/*/driver-of-the-day-results.yml")

# most starts without a win
_st = Counter(x["driverId"] for r in R for x in r["race-results"] if started(x))
_nw = Counter({d: n for d, n in _st.items() if d not in WINNERS})
_mc = strict(_nw)
_ent = Counter(x["driverId"] for r in R for x in r["race-results"])
assert max((n, d) for d, n in _ent.items() if d not in WINNERS)[1] == _mc[0][0]
Q("aggregate", "most_starts_without_win", "Who has started the most F1 races without ever winning one?",
  names(_mc[0][0], STARTERS),
  f"{nm(_mc[0][0])}: {_mc[0][1]} starts and no Grand Prix win; next: {fmt_top(_mc[1:])}. Same leader if every entry is counted. ({CUTOFF})",
  ALL_RR)

# most poles without a win
_pq = Counter(p for r in R for p in pole_q(r))
_pg = Counter(p for r in R for p in pole_g(r))
_mcq = strict(Counter({d: n for d, n in _pq.items() if d not in WINNERS}))
_mcg = strict(Counter({d: n for d, n in _pg.items() if d not in WINNERS}))
assert _mcq[0] == _mcg[0]
Q("aggregate", "most_poles_without_win", "Which driver took the most pole positions but never won a Grand Prix?",
  names(_mcq[0][0], STARTERS),
  f"{nm(_mcq[0][0])}: {_mcq[0][1]} poles (qualifying P1; starting-grid P1 also {_mcg[0][1]}) and no win; next: {fmt_top(_mcq[1:])}.",
  ["seasons/*/races/*/qualifying-results.yml", ALL_RR])

# most starts before a first win
_cnt, _fw = defaultdict(int), {}
for r in R:
    for x in r["race-results"]:
        d = x["driverId"]
        if d in _fw or not started(x):
            continue
        _cnt[d] += 1
        if x["position"] == 1:
            _fw[d] = (_cnt[d], r)
_l = sorted(_fw.items(), key=lambda kv: -kv[1][0])
assert _l[0][1][0] > _l[1][1][0]
_d, (_n, _r) = _l[0]
Q("aggregate", "most_starts_before_first_win", "Who needed the most starts before finally winning his first race?",
  names(_d, WINNERS),
  f"{nm(_d)}: his first win, the {rlabel(_r)}, came in his {ordinal(_n)} start ({_n}). Next: "
  + ", ".join(f"{nm(d)} {n} ({rlabel(r)})" for d, (n, r) in _l[1:4]) + ".",
  ALL_RR)

# oldest starter
_ages = sorted(((d_(r["date"]) - d_(DR[x["driverId"]]["dateOfBirth"])).days, x["driverId"], r)
               for r in R for x in r["race-results"] if started(x) and DR[x["driverId"]].get("dateOfBirth"))
_o = _ages[-1]
_o2 = [a for a in reversed(_ages) if a[1] != _o[1]][0]
Q("aggregate", "oldest_starter", "who is the oldest driver ever to start a world championship race?",
  names(_o[1], STARTERS),
  f"{nm(_o[1])}, aged {age_years(_o[1], _o[2]['date'])} ({_o[0]} days) at the {rlabel(_o[2])} ({_o[2]['date']}). "
  f"Next oldest other driver: {nm(_o2[1])}, {age_years(_o2[1], _o2[2]['date'])}, {rlabel(_o2[2])}.",
  [ALL_RR, "drivers/*.yml"])

# longest circuit
_cl = sorted(((r["courseLength"], r["circuitId"], r) for r in R), key=lambda t: t[0])
_lc = _cl[-1]
assert _lc[0] > max(t[0] for t in _cl if t[1] != _lc[1])
_nxt = max((t for t in _cl if t[1] != _lc[1]), key=lambda t: t[0])
Q("aggregate", "longest_circuit", "What's the longest track a world championship Grand Prix has ever been held on?",
  uniq([CI[_lc[1]]["name"], CI[_lc[1]]["fullName"], "Pescara"]),
  f"{CI[_lc[1]]['fullName']} ({CI[_lc[1]]['name']}), {_lc[0]} km a lap, used once: {rlabel(_lc[2])}. "
  f"Next longest: {CI[_nxt[1]]['name']} at {_nxt[0]} km.",
  ["seasons/*/races/*/race.yml", f"circuits/{_lc[1]}.yml"])

# most wins by a French driver
_fr = Counter(w for r in R for w in winners(r) if DR[w]["nationalityCountryId"] == "france")
_mc = strict(_fr)
Q("aggregate", "top_winner_by_nationality", "Which French driver has won the most Grands Prix?",
  names(_mc[0][0], WINNERS),
  f"{nm(_mc[0][0])}: {_mc[0][1]} wins; next French drivers: {fmt_top(_mc[1:])} (nationalityCountryId france). ({CUTOFF})",
  [ALL_RR, "drivers/*.yml"])

# team with most wins in the 1980s
_tw = Counter(c for r in R if 1980 <= r["year"] <= 1989 for c in {x["constructorId"] for x in res(r, 1)})
_mc = strict(_tw)
Q("aggregate", "team_most_wins_decade", "Which constructor won the most races in the 1980s?",
  cnames(_mc[0][0]),
  f"{cn(_mc[0][0])}: {_mc[0][1]} wins in 1980-1989; next: {fmt_top(_mc[1:], cn)}.",
  ALL_RR)

# constructors' points record in a season
_cp = sorted(((x["points"], y, x["constructorId"]) for y, s in db["cst"].items() for x in s), reverse=True)
assert _cp[0][0] > _cp[1][0]
Q("aggregate", "constructor_points_record", "What's the most points a team has scored in a single constructors' championship season?",
  [str(_cp[0][0])], f"{_cp[0][0]} points, {cn(_cp[0][2])} in {_cp[0][1]}; next: "
  + ", ".join(f"{cn(c)} {p} ({y})" for p, y, c in _cp[1:4]) + ".",
  "seasons/*/constructor-standings.yml", accept_all=[cn(_cp[0][2])])

# most podiums in a season
_sp = Counter((r["year"], x["driverId"]) for r in R for x in r["race-results"] if x["position"] in (1, 2, 3))
_mc = strict(_sp)
(_y0, _d0), _n0 = _mc[0]
Q("aggregate", "season_podium_record", "What is the record for most podiums in one season, and who set it?",
  names(_d0, WINNERS),
  f"{_n0} podiums, {nm(_d0)} in {_y0}; next: " + ", ".join(f"{nm(d)} {n} ({y})" for (y, d), n in _mc[1:4]) + ".",
  ALL_RR, accept_all=[str(_n0)])

# ================================================================= RELATIONAL
def teammate(d, y, question, team=None, cat="teammate", note_prefix=""):
    teams = {x["constructorId"] for r in R if r["year"] == y for x in r["race-results"] if x["driverId"] == d}
    assert len(teams) == 1 or team, teams
    team = team or teams.pop()
    tm = team_drivers(team, y)
    others = {k: v for k, v in tm.items() if k != d}
    assert len(others) == 1, (d, y, tm)
    o = list(others)[0]
    Q("relational", cat, question, names(o, season_field(y)),
      f"{note_prefix}{nm(o)} was {nm(d)}'s team-mate at {cn(team)} in {y} ({others[o]} race entries each side: {tm[d]} for {nm(d)}); no other driver raced for {cn(team)} that year.",
      f"seasons/{y}/races/*/race-results.yml")


teammate("niki-lauda", 1984, "Who was Niki Lauda's team-mate in 1984?")
teammate("nico-rosberg", 2010, "who partnered nico rosberg at mercedes in 2010")
teammate("fernando-alonso", 2005, "Who was Alonso's team-mate the year he won his first title?",
         note_prefix="Alonso's first title was 2005 (P1 of 2005 driver-standings). ")
assert champ(2005)["driverId"] == "fernando-alonso" and min(y for y in range(1950, 2026) if champ(y)["driverId"] == "fernando-alonso") == 2005
teammate("ayrton-senna", 1985, "Who was Senna paired with at Lotus in 1985?")
teammate("kimi-raikkonen", 2001, "In his rookie year at Sauber, who was Kimi Räikkönen's team-mate?")
assert min(r["year"] for r, x in starts("kimi-raikkonen")) == 2001
teammate("damon-hill", 1998, "who was damon hill's teammate at jordan in 1998?")


def lineup(team, y, question):
    tm = team_drivers(team, y)
    sf = season_field(y)
    order = sorted(tm, key=lambda k: min(r["round"] for r in R if r["year"] == y for x in r["race-results"]
                                          if x["driverId"] == k and x["constructorId"] == team))
    must = [surname(k) if len(names(k, sf)) and surname(k) in names(k, sf) else nm(k) for k in order]
    Q("relational", "team_lineup", question, names(order[0], sf),
      f"{cn(team)} used {len(order)} drivers in {y}: " + ", ".join(f"{nm(k)} ({tm[k]} races)" for k in order)
      + ". All names are required (accept_all).",
      f"seasons/{y}/races/*/race-results.yml", accept_all=must)


lineup("williams", 1994, "Which drivers raced for Williams in 1994?")
lineup("ferrari", 2009, "who all drove for ferrari in 2009")


def replaced(team, y, newd, question, cat="replacement"):
    rs = [r for r in R if r["year"] == y]
    first = min(i for i, r in enumerate(rs) if any(x["driverId"] == newd and x["constructorId"] == team for x in r["race-results"]))
    before = {x["driverId"] for x in rs[first - 1]["race-results"] if x["constructorId"] == team}
    now = {x["driverId"] for x in rs[first]["race-results"] if x["constructorId"] == team}
    out = before - now
    assert len(out) == 1 and newd not in before, (before, now)
    o = out.pop()
    return o, rs[first], rs[first - 1]


_o, _r1, _r0 = replaced("jordan", 1991, "michael-schumacher", None)
Q("relational", "replacement", "Whose seat did Michael Schumacher take at Jordan for his debut in 1991?",
  names(_o, season_field(1991)),
  f"{nm(_o)} drove for Jordan up to the {rlabel(_r0)}; {nm('michael-schumacher')} took the car at the {rlabel(_r1)} (round {_r1['round']}), his first race.",
  [src(_r0), src(_r1)])
assert starts("michael-schumacher")[0][0] is _r1

_r = race(2022, "italy")
_o = [x["driverId"] for x in _r["race-results"] if x["constructorId"] == "williams" and x["driverId"] not in ("nicholas-latifi",)]
assert _o == ["nyck-de-vries"] and "alexander-albon" not in field(_r)
Q("relational", "replacement", "Who stood in for Alex Albon at Williams at Monza in 2022?",
  names("nyck-de-vries", season_field(2022)),
  f"{nm('nyck-de-vries')} drove the Williams at the {rlabel(_r)} in place of {nm('alexander-albon')} "
  f"(finished P{[x['position'] for x in _r['race-results'] if x['driverId'] == 'nyck-de-vries'][0]}); team-mate {nm('nicholas-latifi')}.",
  src(_r))

_o, _r1, _r0 = replaced("alphatauri", 2023, "daniel-ricciardo", None)
assert _o == "nyck-de-vries"
Q("relational", "replacement", "Who replaced Nyck de Vries at AlphaTauri in 2023?",
  names("daniel-ricciardo", season_field(2023)),
  f"{nm('daniel-ricciardo')} took over from the {rlabel(_r1)} (round {_r1['round']}); {nm(_o)}'s last race was the {rlabel(_r0)}. "
  f"(Later that year {nm('liam-lawson')} also stood in for the injured Ricciardo.)",
  [src(_r0), src(_r1)])


def behind(y, gp, d, question):
    r = race(y, gp)
    p = [x["position"] for x in r["race-results"] if x["driverId"] == d][0]
    nx = res(r, p + 1)[0]["driverId"]
    Q("relational", "finished_behind", question, names(nx, field(r)),
      f"{rlabel(r)}: {nm(d)} finished P{p}; P{p + 1} was {nm(nx)}. Winner: {nm(winners(r)[0])}.",
      src(r))


behind(2008, "brazil", "lewis-hamilton", "Who finished right behind Hamilton at Interlagos in 2008?")


def at_pos(y, gp, p, question):
    r = race(y, gp)
    d = res(r, p)[0]["driverId"]
    Q("relational", "driver_at_position", question, names(d, field(r)),
      f"{rlabel(r)} ({CI[r['circuitId']]['name']}): P1 {nm(winners(r)[0])}, P2 {nm(res(r, 2)[0]['driverId'])}, P3 {nm(res(r, 3)[0]['driverId'])}.",
      src(r))


at_pos(1993, "europe", 2, "Who came second behind Senna at Donington in 1993?")
assert winners(race(1993, "europe")) == ["ayrton-senna"]


def podium(y, gp, question):
    r = race(y, gp)
    ps = [res(r, p)[0]["driverId"] for p in (1, 2, 3)]
    f = field(r)
    must = [surname(d) if surname(d) in names(d, f) else nm(d) for d in ps]
    Q("relational", "podium", question, names(ps[0], f),
      f"{rlabel(r)} ({r['date']}, {CI[r['circuitId']]['name']}): P1 {nm(ps[0])}, P2 {nm(ps[1])}, P3 {nm(ps[2])}; "
      f"P4 {nm(res(r, 4)[0]['driverId'])}. All three names are required (accept_all).",
      src(r), accept_all=must)


podium(1976, "japan", "Who was on the podium at Fuji in 1976?")
podium(1986, "australia", "top 3 in adelaide 1986?")


def engine(team, y, question):
    c = Counter(x["engineManufacturerId"] for r in R if r["year"] == y for x in r["race-results"] if x["constructorId"] == team)
    assert len(c) == 1, c
    e = list(c)[0]
    Q("relational", "team_engine", question, [EN[e]["name"]],
      f"{cn(team)} ran {EN[e]['name']} engines in {y}: all {c[e]} of its race entries list engineManufacturerId '{e}'.",
      f"seasons/{y}/races/*/race-results.yml")


engine("williams", 1987, "What engine was in the back of the Williams in 1987?")


def pole(y, gp, question):
    r = race(y, gp)
    assert pole_q(r) == pole_g(r) and len(pole_q(r)) == 1
    d = pole_q(r)[0]
    Q("relational", "pole_sitter", question, names(d, field(r)),
      f"{rlabel(r)}: pole (qualifying P1 and grid P1) {nm(d)}; winner {nm(winners(r)[0])}.",
      [src(r, "qualifying-results"), src(r, "starting-grid-positions")])


pole(1992, "monaco", "Who was on pole for the 1992 Monaco Grand Prix?")

_r, _x = starts("lewis-hamilton")[0]
Q("relational", "debut_race_winner", "Who won the race where Lewis Hamilton made his F1 debut?",
  names(winners(_r)[0], field(_r)),
  f"Hamilton's first race was the {rlabel(_r)} ({_r['date']}), where he finished P{_x['position']}; the winner was {nm(winners(_r)[0])}.",
  src(_r))

_cs = standings(1973, "cst")
assert _cs[0]["points"] > _cs[1]["points"]
Q("relational", "constructors_champion", "which team won the 1973 constructors championship",
  cnames(_cs[0]["constructorId"]),
  f"{cn(_cs[0]['constructorId'])} ({EN[_cs[0]['engineManufacturerId']]['name']} engine) {_cs[0]['points']} points; "
  f"P2 {cn(_cs[1]['constructorId'])} {_cs[1]['points']}. (Drivers' champion: {nm(champ(1973)['driverId'])}.)",
  "seasons/1973/constructor-standings.yml")

_ds = standings(1986)
assert _ds[1]["points"] > _ds[2]["points"] and _ds[0]["points"] > _ds[1]["points"]
Q("relational", "drivers_runner_up", "Who finished runner-up in the 1986 drivers' championship?",
  names(_ds[1]["driverId"], season_field(1986)),
  f"1986: P1 {nm(_ds[0]['driverId'])} {_ds[0]['points']}, P2 {nm(_ds[1]['driverId'])} {_ds[1]['points']}, P3 {nm(_ds[2]['driverId'])} {_ds[2]['points']}.",
  "seasons/1986/driver-standings.yml")

# ================================================================= CAREER HISTORY
def first_last_win(d, which, question, cat, extra=()):
    ws = dwins(d)
    r = ws[0] if which == "first" else ws[-1]
    gp = GP[r["grandPrixId"]]
    acc = uniq([gpname(r["grandPrixId"]), gp["shortName"], gp["name"]] + list(extra))
    same = [w for w in ws if w["grandPrixId"] == r["grandPrixId"]]
    Q("career_history", cat, question, acc,
      f"{nm(d)}'s {which} Grand Prix win: the {rlabel(r)} ({r['date']}, {CI[r['circuitId']]['name']}, {cn(res(r, 1)[0]['constructorId'])}). "
      f"Career wins: {len(ws)}. The year is required ({gp['shortName']} wins by {nm(d)}: {', '.join(str(w['year']) for w in same)}).",
      src(r), accept_all=[str(r["year"])])


first_last_win("kimi-raikkonen", "first", "Which race did Kimi Räikkönen win first, and in what year?", "first_win", ["Sepang"])
first_last_win("lewis-hamilton", "first", "Where and when did Lewis Hamilton get his first Grand Prix win?", "first_win")
first_last_win("nigel-mansell", "first", "What was Nigel Mansell's first F1 win (race and year)?", "first_win", ["Brands Hatch"])
first_last_win("alain-prost", "last", "Which race was Alain Prost's final Grand Prix victory, and what year?", "last_win", ["Hockenheim"])
first_last_win("nigel-mansell", "last", "What was the last race Nigel Mansell ever won, and when?", "last_win", ["Adelaide"])


def team_first_win(team, question):
    r = [r for r in R if any(x["constructorId"] == team for x in res(r, 1))][0]
    d = [x["driverId"] for x in res(r, 1) if x["constructorId"] == team][0]
    Q("career_history", "team_first_win", question, names(d, field(r)),
      f"{cn(team)}'s first Grand Prix win: the {rlabel(r)} ({r['date']}), won by {nm(d)}. The driver's name and the year are graded.",
      src(r), accept_all=[str(r["year"])])


team_first_win("williams", "Who gave Williams their first ever race win, and in which year?")
team_first_win("mercedes", "Who won Mercedes' first-ever world championship Grand Prix, and when?")
team_first_win("renault", "Renault's first F1 win - who was driving and what year was it?")

_r, _x = starts("fernando-alonso")[0]
Q("career_history", "debut_team", "Which team did Fernando Alonso make his F1 debut with?",
  cnames(_x["constructorId"]),
  f"Alonso's first race: the {rlabel(_r)} ({_r['date']}) for {cn(_x['constructorId'])}.",
  src(_r))


def title_years(d):
    return [y for y in range(1950, 2026) if champ(y)["driverId"] == d]


for _d, _q in [("ayrton-senna", "In which years did Ayrton Senna win the world title?"),
               ("graham-hill", "When did Graham Hill win his championships?")]:
    _ty = title_years(_d)
    Q("career_history", "title_years", _q, [str(_ty[0])],
      f"{nm(_d)} was champion {len(_ty)} times: {', '.join(map(str, _ty))} (P1 of driver-standings). All years are required.",
      "seasons/*/driver-standings.yml", accept_all=[str(y) for y in _ty])

_a = [y for y in range(1950, 2026) if DR[champ(y)["driverId"]]["nationalityCountryId"] == "australia"]
Q("career_history", "first_champion_from_country", "Who became Australia's first F1 world champion, and in which year?",
  names(champ(_a[0])["driverId"], WINNERS),
  f"{nm(champ(_a[0])['driverId'])} in {_a[0]}. Australian champions' titles: {', '.join(f'{y} ' + nm(champ(y)['driverId']) for y in _a)}.",
  ["seasons/*/driver-standings.yml", "drivers/*.yml"], accept_all=[str(_a[0])])

_sw = len(dwins("jackie-stewart"))
Q("career_history", "career_wins", "How many Grands Prix did Jackie Stewart win in his career?",
  [str(_sw)], f"{nm('jackie-stewart')}: {_sw} wins ({dwins('jackie-stewart')[0]['year']}-{dwins('jackie-stewart')[-1]['year']}), three titles.",
  ALL_RR)

_pt = []
for r in dwins("alain-prost"):
    c = res(r, 1)[0]["constructorId"]
    if c not in _pt:
        _pt.append(c)
_pc = Counter(res(r, 1)[0]["constructorId"] for r in dwins("alain-prost"))
Q("career_history", "teams_won_with", "Which teams did Alain Prost win races for?",
  cnames(_pt[0]),
  f"{nm('alain-prost')} won with {len(_pt)} teams: " + ", ".join(f"{cn(c)} {_pc[c]}" for c in _pt) + ". All teams are required.",
  ALL_RR, accept_all=[cn(c) for c in _pt])

_by = sorted({r["year"] for r, x in starts("rubens-barrichello")})
assert _by == list(range(_by[0], _by[-1] + 1))
Q("career_history", "seasons_raced", "how many seasons did rubens barrichello race in f1",
  [str(len(_by))], f"{nm('rubens-barrichello')} started races in {len(_by)} seasons, every year from {_by[0]} to {_by[-1]}; {len(starts('rubens-barrichello'))} starts.",
  ALL_RR)

# ================================================================= COMPARATIVE
def cmp_counts(a, b, ca, cb, what, question, cat, src_, use="margin", extra=""):
    assert ca != cb
    lead, trail = (a, b) if ca > cb else (b, a)
    hi, lo = max(ca, cb), min(ca, cb)
    deciding = [str(hi - lo)] if use == "margin" else [str(hi), str(lo)]
    Q("comparative", cat, question, names(lead, WINNERS if cat != "season_points" else None),
      f"{nm(lead)} {hi} {what} v {nm(trail)} {lo}: {nm(lead)} by {hi - lo}.{extra}",
      src_, accept_all=deciding)


cmp_counts("sebastian-vettel", "lewis-hamilton", len(title_years("sebastian-vettel")), len(title_years("lewis-hamilton")),
           "titles", "seb or lewis - who has more world titles and by how many?", "title_comparison", "seasons/*/driver-standings.yml")
cmp_counts("nico-rosberg", "jenson-button", len(dwins("nico-rosberg")), len(dwins("jenson-button")), "wins",
           "Nico Rosberg vs Jenson Button: who won more races, and how many more?", "career_wins_comparison", ALL_RR)
cmp_counts("daniel-ricciardo", "valtteri-bottas", len(dwins("daniel-ricciardo")), len(dwins("valtteri-bottas")), "wins",
           "Ricciardo v Bottas career wins - who's ahead and what are the two totals?", "career_wins_comparison", ALL_RR, use="both")
cmp_counts("damon-hill", "jacques-villeneuve", len(dwins("damon-hill")), len(dwins("jacques-villeneuve")), "wins",
           "Damon Hill or Jacques Villeneuve - who won more Grands Prix, and by how many?", "career_wins_comparison", ALL_RR)
cmp_counts("mika-hakkinen", "david-coulthard", len(dwins("mika-hakkinen")), len(dwins("david-coulthard")), "wins",
           "How many more wins did Häkkinen get than Coulthard over their careers?", "career_difference", ALL_RR)
_fq, _fg = dpoles("juan-manuel-fangio")
_aq, _ag = dpoles("alberto-ascari")
assert _fq - _aq == _fg - _ag
cmp_counts("juan-manuel-fangio", "alberto-ascari", _fq, _aq, "pole positions",
           "Fangio vs Ascari on pole positions - who had more and by how much?", "poles_comparison",
           "seasons/*/races/*/qualifying-results.yml", extra=" Starting-grid P1 gives the same counts.")
cmp_counts("jackie-stewart", "niki-lauda", len(dwins("jackie-stewart")), len(dwins("niki-lauda")), "wins",
           "Jackie Stewart or Niki Lauda: who won more races, and how many did each win?", "career_wins_comparison", ALL_RR, use="both")
cmp_counts("alain-prost", "niki-lauda", len(dwins("alain-prost")), len(dwins("niki-lauda")), "wins",
           "Prost or Lauda - who has more Grand Prix wins, and what's the gap?", "career_wins_comparison", ALL_RR)
cmp_counts("jenson-button", "rubens-barrichello", dpodiums("jenson-button"), dpodiums("rubens-barrichello"), "podiums",
           "Button or Barrichello - who had more podiums in their careers, and how many more?", "podiums_comparison", ALL_RR)


def cmp_season_pts(y, a, b, question):
    pa, pb = dpts(y, a)["points"], dpts(y, b)["points"]
    assert pa != pb
    lead, trail = (a, b) if pa > pb else (b, a)
    hi, lo = max(pa, pb), min(pa, pb)
    m = hi - lo
    m = int(m) if float(m).is_integer() else m
    Q("comparative", "points_comparison", question, names(lead, season_field(y)),
      f"{y} final standings: {nm(lead)} P{dpts(y, lead)['position']} {hi} points, {nm(trail)} P{dpts(y, trail)['position']} {lo}: gap {m}.",
      f"seasons/{y}/driver-standings.yml", accept_all=[str(m)])


cmp_season_pts(2022, "max-verstappen", "charles-leclerc", "2022: how many points clear of Leclerc did Verstappen finish?")
cmp_season_pts(2010, "mark-webber", "sebastian-vettel", "Vettel v Webber in 2010 - who scored more points and by how many?")
cmp_season_pts(2008, "kimi-raikkonen", "felipe-massa", "Ferrari team-mates in 2008: Massa or Räikkönen, who scored more points, and by how much?")


def cmp_team_wins(a, b, years, question):
    ca = sum(1 for r in R if r["year"] in years if a in {x["constructorId"] for x in res(r, 1)})
    cb = sum(1 for r in R if r["year"] in years if b in {x["constructorId"] for x in res(r, 1)})
    assert ca != cb
    lead, trail = (a, b) if ca > cb else (b, a)
    hi, lo = max(ca, cb), min(ca, cb)
    Q("comparative", "team_comparison", question, cnames(lead),
      f"{years[0]}-{years[-1]}: {cn(lead)} {hi} wins, {cn(trail)} {lo}; {cn(lead)} by {hi - lo}.",
      ALL_RR, accept_all=[str(hi - lo)])


cmp_team_wins("red-bull", "ferrari", list(range(2010, 2020)), "In the 2010s, who won more races, Red Bull or Ferrari, and how many more?")
cmp_team_wins("lotus", "brabham", list(range(1950, 2027)), "All time, did Lotus or Brabham win more Grands Prix? By how many?")
assert not any(r["year"] > 1994 and ({"lotus", "brabham"} & {x["constructorId"] for x in res(r, 1)}) for r in R)

# ================================================================= COLLOQUIAL
def winner_q(y, gp, question, cat, extra=""):
    r = race(y, gp)
    w = winners(r)
    assert len(w) == 1
    Q("colloquial", cat, question, names(w[0], field(r)),
      f"{extra}{rlabel(r)} ({r['date']}, {CI[r['circuitId']]['name']}): won by {nm(w[0])} ({cn(res(r, 1)[0]['constructorId'])}); P2 {nm(res(r, 2)[0]['driverId'])}.",
      src(r))


winner_q(LAST, "italy", "who won monza last yr", "relative_time", "Last year = 2025. ")
winner_q(BEFORE_LAST, "japan", "the year before last who won at suzuka??", "relative_time", "The year before last = 2024. ")
winner_q(2019, "monaco", "monaco 2k19 winner?", "slang")
winner_q(2008, "brazil", "gimme the winner of the brasil gp 2008", "typo")
_r1 = [r for r in R if r["year"] == THIS][0]
assert _r1["round"] == 1
Q("colloquial", "relative_time", "who won the first race of this season",
  names(winners(_r1)[0], field(_r1)),
  f"This season = 2026. Round 1 was the {rlabel(_r1)} ({_r1['date']}): won by {nm(winners(_r1)[0])}; P2 {nm(res(_r1, 2)[0]['driverId'])}.",
  src(_r1))
_c21 = champ(THIS - 5)
Q("colloquial", "relative_time", "5 years ago who was world champ?",
  names(_c21["driverId"], season_field(THIS - 5)),
  f"5 years before 2026 = 2021. 2021 champion: {nm(_c21['driverId'])} {_c21['points']} points; P2 {nm(standings(2021)[1]['driverId'])} {standings(2021)[1]['points']}.",
  "seasons/2021/driver-standings.yml")

_pw = dwins("sergio-perez", team="red-bull")
Q("colloquial", "nickname", "how many races did checo win with red bull",
  [str(len(_pw))],
  f"{nm('sergio-perez')} won {len(_pw)} Grands Prix for Red Bull ({', '.join(rlabel(r) for r in _pw)}); his other win, the 2020 Sakhir GP, was for Racing Point ({len(dwins('sergio-perez'))} in total).",
  ALL_RR)
assert len(dwins("sergio-perez")) == len(_pw) + 1

_kb = [r for r in dwins("kimi-raikkonen") if r["grandPrixId"] == "belgium"]
assert all(r["circuitId"] == "spa-francorchamps" for r in _kb)
Q("colloquial", "typo", "how many times did kimi raikonen win at spa",
  [str(len(_kb))],
  f"{nm('kimi-raikkonen')} won the Belgian GP at Spa {len(_kb)} times: {', '.join(str(r['year']) for r in _kb)}.",
  "seasons/*/races/*-belgium/race-results.yml")

_hq, _hg = dpoles("lewis-hamilton", [2016])
assert _hq == _hg
Q("colloquial", "typo", "lewis hamliton pole count in 2016??", [str(_hq)],
  f"{nm('lewis-hamilton')} took {_hq} poles in 2016 (qualifying P1; grid P1 also {_hg}). Team-mate {nm('nico-rosberg')}: {dpoles('nico-rosberg', [2016])[0]}.",
  "seasons/2016/races/*/qualifying-results.yml")

_s91 = dwins("ayrton-senna", [1991])
Q("colloquial", "slang", "how many races did senna win in 91", [str(len(_s91))],
  f"1991: {nm('ayrton-senna')} won {len(_s91)} races ({', '.join(GP[r['grandPrixId']]['shortName'] for r in _s91)}) and the title.",
  "seasons/1991/races/*/race-results.yml")

_rt = {x["constructorId"] for r in R if r["year"] == 2014 for x in r["race-results"] if x["driverId"] == "daniel-ricciardo"}
assert len(_rt) == 1
_rt = _rt.pop()
Q("colloquial", "nickname", "which team was the honey badger driving for in 2014", cnames(_rt),
  f"Honey badger = {nm('daniel-ricciardo')}. In 2014 he drove for {cn(_rt)} (team-mate {nm('sebastian-vettel')}) and won {len(dwins('daniel-ricciardo', [2014]))} races.",
  "seasons/2014/races/*/race-results.yml")

_vf = dwins("sebastian-vettel", team="ferrari")[0]
Q("colloquial", "typo", "sebastion vettle first win for ferrari, which race?",
  uniq([gpname(_vf["grandPrixId"]), GP[_vf["grandPrixId"]]["shortName"], GP[_vf["grandPrixId"]]["name"], CI[_vf["circuitId"]]["name"]]),
  f"Vettel's first Ferrari win: the {rlabel(_vf)} ({_vf['date']}, {CI[_vf['circuitId']]['name']}).",
  src(_vf))

_c09 = champ(2009)
Q("colloquial", "slang", "who was champ in 09", names(_c09["driverId"], season_field(2009)),
  f"2009 champion: {nm(_c09['driverId'])} ({_c09['points']} points) for Brawn; P2 {nm(standings(2009)[1]['driverId'])}.",
  "seasons/2009/driver-standings.yml")

_fp = cpts(LAST, "ferrari")
Q("colloquial", "relative_time", "how many pts did ferrari get last season", [str(_fp["points"])],
  f"Last season = 2025. Ferrari: {_fp['points']} points, P{_fp['position']} in the 2025 constructors' championship.",
  "seasons/2025/constructor-standings.yml")

_lh = dpts(2023, "lewis-hamilton")
assert standings(2023)[_lh["position"] - 2]["points"] != _lh["points"] and standings(2023)[_lh["position"]]["points"] != _lh["points"]
Q("colloquial", "typo", "wat position did lewis finish in the champinship in 2023",
  [f"P{_lh['position']}", f"{ordinal(_lh['position'])}", "third"],
  f"2023: {nm('lewis-hamilton')} finished {ordinal(_lh['position'])} (P{_lh['position']}) with {_lh['points']} points, behind {nm(standings(2023)[0]['driverId'])} and {nm(standings(2023)[1]['driverId'])}.",
  "seasons/2023/driver-standings.yml")
assert _lh["position"] == 3

_al = dwins("fernando-alonso")[-1]
Q("colloquial", "nickname", "nando's last win - when and where was it?",
  uniq([gpname(_al["grandPrixId"]), GP[_al["grandPrixId"]]["shortName"], CI[_al["circuitId"]]["name"], "Barcelona", "Spain"]),
  f"Nando = {nm('fernando-alonso')}. His most recent win: the {rlabel(_al)} ({_al['date']}, {CI[_al['circuitId']]['name']}), win number {len(dwins('fernando-alonso'))}. ({CUTOFF})",
  src(_al), accept_all=[str(_al["year"])])
assert _al["grandPrixId"] == "spain"

_lt = title_years("niki-lauda")
Q("colloquial", "nickname", "what years did the rat win his titles", [str(_lt[0])],
  f"The Rat = {nm('niki-lauda')}. Champion {len(_lt)} times: {', '.join(map(str, _lt))}. All years are required.",
  "seasons/*/driver-standings.yml", accept_all=[str(y) for y in _lt])

_jv = title_years("jacques-villeneuve")
assert len(_jv) == 1
Q("colloquial", "nickname", "what year did JV win the championship", [str(_jv[0])],
  f"JV = {nm('jacques-villeneuve')}, champion in {_jv[0]} with Williams.",
  f"seasons/{_jv[0]}/driver-standings.yml")

_vr, _vx = starts("max-verstappen")[0]
_va = age_years("max-verstappen", _vr["date"])
Q("colloquial", "slang", "how old was max when he did his first race lol", [str(_va)],
  f"{nm('max-verstappen')}'s first start: the {rlabel(_vr)} ({_vr['date']}), born {DR['max-verstappen']['dateOfBirth']}: aged {_va} ({(d_(_vr['date']) - d_(DR['max-verstappen']['dateOfBirth'])).days} days). Youngest starter in the data.",
  [src(_vr), "drivers/max-verstappen.yml"])
assert _ages[0][1] == "max-verstappen"

_c99 = standings(1999, "cst")
assert _c99[0]["points"] > _c99[1]["points"]
Q("colloquial", "typo", "wich team won the constructers title in 1999", cnames(_c99[0]["constructorId"]),
  f"1999 constructors: {cn(_c99[0]['constructorId'])} {_c99[0]['points']}, {cn(_c99[1]['constructorId'])} {_c99[1]['points']}. (Drivers' title: {nm(champ(1999)['driverId'])}, McLaren.)",
  "seasons/1999/constructor-standings.yml")

_s04 = dwins("michael-schumacher", [2004])
Q("colloquial", "nickname", "schumi 2004 how many wins", [str(len(_s04))],
  f"Schumi = {nm('michael-schumacher')}. In 2004 he won {len(_s04)} of {sum(1 for r in R if r['year'] == 2004)} races and the title.",
  "seasons/2004/races/*/race-results.yml")

_lq, _lg = dpoles("lando-norris", [2024])
Q("colloquial", "abbreviation", "how many poles did NOR get in 2024", [str(_lq)],
  f"NOR = {nm('lando-norris')}: {_lq} pole positions in 2024 (qualifying P1; starting-grid P1 also {_lg}).",
  "seasons/2024/races/*/qualifying-results.yml")
assert _lq == _lg

# ================================================================= UNAVAILABLE
def unavail(cat, question, note, source):
    Q("unavailable", cat, question, [], note, source, unavailable=True)


_r = race(1988, "monaco")
unavail("no_data", "What tyres was Senna running when he crashed out at Monaco in 1988?",
        f"f1db has no tyre compound or stint data (only the tyre manufacturer per entry: {_r['race-results'][0]['tyreManufacturerId']}); the lap tables with compounds start in 2018. "
        f"Context that is in the data: {rlabel(_r)} won by {nm(winners(_r)[0])}; Senna was on pole and is listed "
        f"{[x['position'] for x in _r['race-results'] if x['driverId'] == 'ayrton-senna'][0]}. The reply must say compounds aren't available.",
        src(_r))
_r = race(2005, "italy")
unavail("no_data", "What was Kimi's top speed through the speed trap at Monza in 2005?",
        f"f1db stores no speeds or speed-trap data. In the data: {rlabel(_r)} won by {nm(winners(_r)[0])}. The reply must say top speed isn't available.",
        src(_r))
_r = race(2008, "brazil")
unavail("no_data", "What did Ferrari say to Massa on the radio after the finish in Brazil 2008?",
        f"Team radio is not in f1db. In the data: {rlabel(_r)} won by {nm(winners(_r)[0])}; {nm(champ(2008)['driverId'])} took the title. The reply must say radio messages aren't available.",
        src(_r))
unavail("no_data", "How much was Fernando Alonso paid by Ferrari in 2010?",
        "Salaries and contracts are not in f1db. In the data: Alonso drove for Ferrari in 2010 and finished "
        f"{ordinal(dpts(2010, 'fernando-alonso')['position'])} in the championship. The reply must say pay isn't available.",
        "seasons/2010/driver-standings.yml")
_r = race(1998, "japan")
unavail("no_data", "what was the track temp at suzuka for the 1998 title decider",
        f"f1db has no weather or temperature data (OpenF1 weather covers only 2023-2024). In the data: {rlabel(_r)} won by {nm(winners(_r)[0])}, who took the title. The reply must say track temperature isn't available.",
        src(_r))
_r = race(2011, "canada")
unavail("no_data", "How many overtakes were there in the 2011 Canadian Grand Prix?",
        f"f1db does not count overtakes (no lap-by-lap positions for 2011). In the data: {rlabel(_r)} won by {nm(winners(_r)[0])}. The reply must say overtake counts aren't available.",
        src(_r))
_r = race(1993, "europe")
unavail("no_data", "How many laps did Senna lead at Donington in '93?",
        f"f1db stores no laps-led figures or lap-by-lap positions for 1993. In the data: {rlabel(_r)} won by {nm(winners(_r)[0])}. The reply must say laps led aren't available.",
        src(_r))
assert not any(r["year"] == 2020 and r["grandPrixId"] == "japan" for r in ALLR)
unavail("not_held", "Who won the 2020 Japanese Grand Prix?",
        f"There was no 2020 Japanese GP: the 2020 season in f1db has {sum(1 for r in ALLR if r['year'] == 2020)} rounds and none is in Japan. The reply must say the race was not held.",
        "seasons/2020/races/")
assert not any(r["year"] == 2011 and r["grandPrixId"] == "bahrain" for r in ALLR)
unavail("not_held", "who won bahrain in 2011",
        f"No 2011 Bahrain GP in f1db: the 2011 season has {sum(1 for r in ALLR if r['year'] == 2011)} rounds, none in Bahrain. The reply must say the race was not held.",
        "seasons/2011/races/")
_r = race(2026, "azerbaijan")
assert "race-results.yml" not in _r["files"] and d_(_r["date"]) < TODAY
unavail("future_unavailable", "Who won the Azerbaijan GP this year?",
        f"This year = 2026. The {rlabel(_r)} (round {_r['round']}, {_r['date']}) has only a calendar entry in the data, no results; the last race with results is the 2026 Hungarian GP. The reply must not invent a winner.",
        f"{_r['dir']}/race.yml")
_r = race(2026, "qatar")
assert not set(_r["files"]) & {"race-results.yml", "qualifying-results.yml", "starting-grid-positions.yml"}
unavail("future_unavailable", "who got pole in qatar 2026?",
        f"The {rlabel(_r)} (round {_r['round']}, {_r['date']}) has no qualifying or race results in the data (calendar entry only). The reply must say it's not available.",
        f"{_r['dir']}/race.yml")
_jc = [r for r in ALLR for f in ("race-results", "qualifying-results", "starting-grid-positions", "sprint-race-results")
       for x in r.get(f, []) if x["driverId"] == "jak-crawford"]
_jfp = [r for r in ALLR for x in r.get("free-practice-1-results", []) if x["driverId"] == "jak-crawford"]
assert not _jc and _jfp
unavail("never_raced", "What's Jak Crawford's best race finish in F1?",
        f"Jak Crawford has never started a Grand Prix: in f1db he appears only as a test/reserve driver in entrants and in {len(_jfp)} FP1 sessions ({', '.join(rlabel(r) for r in _jfp)}). The reply must say he has no race results.",
        ["drivers/jak-crawford.yml", "seasons/2025/entrants.yml", "seasons/2026/entrants.yml"])

# ================================================================= MULTI-PART
def champ_wins(y, question):
    c = champ(y)
    w = len(dwins(c["driverId"], [y]))
    Q("multi_part", "champion_and_wins", question, names(c["driverId"], season_field(y)),
      f"{y} champion: {nm(c['driverId'])} ({c['points']} points) with {w} wins. Name and win count are required.",
      [f"seasons/{y}/driver-standings.yml", f"seasons/{y}/races/*/race-results.yml"], accept_all=[str(w)])


champ_wins(2000, "Who won the 2000 title, and how many races did he win that year?")
champ_wins(1970, "1970 world champion and how many wins he had that season?")

def pole_winner(y, gp, question):
    r = race(y, gp)
    p, w = pole_q(r), winners(r)
    assert p == pole_g(r) and len(p) == 1 and len(w) == 1
    f = field(r)
    pn = surname(p[0]) if surname(p[0]) in names(p[0], f) else nm(p[0])
    wn = surname(w[0]) if surname(w[0]) in names(w[0], f) else nm(w[0])
    Q("multi_part", "pole_and_winner", question, names(w[0], f),
      f"{rlabel(r)} ({r['date']}): pole {nm(p[0])}, winner {nm(w[0])}. Both names are required.",
      [src(r, "qualifying-results"), src(r)], accept_all=uniq([pn, wn]))


pole_winner(2016, "monaco", "Monaco 2016: who was on pole and who won?")
pole_winner(2026, "monaco", "who took pole at monaco this year and who won the race?")

_sq, _sg = dpoles("michael-schumacher", [2004])
assert _sq == _sg
Q("multi_part", "wins_and_poles", "How many wins and how many poles did Michael Schumacher have in 2004?",
  [str(len(_s04))],
  f"2004: {nm('michael-schumacher')} {len(_s04)} wins and {_sq} poles (qualifying P1; grid P1 also {_sg}). Both numbers are required.",
  ["seasons/2004/races/*/race-results.yml", "seasons/2004/races/*/qualifying-results.yml"], accept_all=[str(len(_s04)), str(_sq)])

_mw = dwins("nigel-mansell", [1992])
_mq, _mg = dpoles("nigel-mansell", [1992])
assert _mq == _mg
Q("multi_part", "wins_and_poles", "mansell in 92 - wins and poles?", [str(len(_mw))],
  f"1992: {nm('nigel-mansell')} {len(_mw)} wins and {_mq} poles (grid P1 also {_mg}), champion. Both numbers are required.",
  ["seasons/1992/races/*/race-results.yml", "seasons/1992/races/*/qualifying-results.yml"], accept_all=[str(len(_mw)), str(_mq)])

_sm = [r for r in dwins("ayrton-senna") if r["grandPrixId"] == "monaco"]
Q("multi_part", "count_and_first", "How many times did Senna win Monaco, and what year was the first?",
  [str(len(_sm))],
  f"{nm('ayrton-senna')} won the Monaco GP {len(_sm)} times: {', '.join(str(r['year']) for r in _sm)}. First: {_sm[0]['year']}. Both numbers are required.",
  "seasons/*/races/*-monaco/race-results.yml", accept_all=[str(len(_sm)), str(_sm[0]["year"])])

_m14 = sum(1 for r in R if r["year"] == 2014 if "mercedes" in {x["constructorId"] for x in res(r, 1)})
_m14p = cpts(2014, "mercedes")
Q("multi_part", "team_wins_and_points", "Mercedes in 2014: how many wins and how many constructors' points?",
  [str(_m14)],
  f"2014: Mercedes won {_m14} of {sum(1 for r in R if r['year'] == 2014)} races and scored {_m14p['points']} points (P{_m14p['position']} in the constructors'). Both numbers are required.",
  ["seasons/2014/races/*/race-results.yml", "seasons/2014/constructor-standings.yml"], accept_all=[str(_m14), str(_m14p["points"])])

_r = race(1984, "portugal")
_c84 = champ(1984)
Q("multi_part", "race_winner_and_champion", "Who won the 1984 Portuguese GP, and who took the title that day?",
  names(winners(_r)[0], field(_r)),
  f"{rlabel(_r)} (final round): won by {nm(winners(_r)[0])}; {nm(res(_r, 2)[0]['driverId'])} finished P2 and won the 1984 title, "
  f"{_c84['points']} points to {standings(1984)[1]['points']}. Both names are required.",
  [src(_r), "seasons/1984/driver-standings.yml"], accept_all=["Prost", "Lauda"])
assert winners(_r) == ["alain-prost"] and _c84["driverId"] == "niki-lauda" and _r["round"] == max(r["round"] for r in R if r["year"] == 1984)

_h07 = dwins("lewis-hamilton", [2007])
_hp = dpts(2007, "lewis-hamilton")
_tied = [nm(x["driverId"]) for x in standings(2007) if x["points"] == _hp["points"] and x["driverId"] != "lewis-hamilton"]
Q("multi_part", "rookie_wins_and_points", "In Hamilton's rookie year, how many races did he win and how many points did he score?",
  [str(len(_h07))],
  f"2007 (his first season): {nm('lewis-hamilton')} won {len(_h07)} races and scored {_hp['points']} points, P{_hp['position']} in the standings (level on points with {', '.join(_tied) or 'nobody'}), {champ(2007)['points'] - _hp['points']} behind champion {nm(champ(2007)['driverId'])} ({champ(2007)['points']}). Both are required.",
  ["seasons/2007/races/*/race-results.yml", "seasons/2007/driver-standings.yml"], accept_all=[str(len(_h07)), str(_hp["points"])])
assert _hp["position"] == 2

_c61 = champ(1961)
_t = {x["constructorId"] for r in R if r["year"] == 1961 for x in r["race-results"] if x["driverId"] == _c61["driverId"]}
assert len(_t) == 1
_t = _t.pop()
Q("multi_part", "champion_and_team", "Who won the 1961 drivers' title and for which team?",
  names(_c61["driverId"], season_field(1961)),
  f"1961 champion: {nm(_c61['driverId'])} ({_c61['points']} points) for {cn(_t)}; P2 {nm(standings(1961)[1]['driverId'])}. Both are required.",
  "seasons/1961/driver-standings.yml", accept_all=[cn(_t)])

_vw = dwins("max-verstappen")[0]
_vt = res(_vw, 1)[0]["constructorId"]
Q("multi_part", "first_win_and_team", "What was Verstappen's first win, and which team was he driving for?",
  uniq([gpname(_vw["grandPrixId"]), GP[_vw["grandPrixId"]]["shortName"], CI[_vw["circuitId"]]["name"], "Barcelona"]),
  f"{nm('max-verstappen')}'s first win: the {rlabel(_vw)} ({_vw['date']}, {CI[_vw['circuitId']]['name']}) for {cn(_vt)}. Race and team are required.",
  src(_vw), accept_all=[cn(_vt)])

# ================================================================= finish
GROUP_ORDER = ["aggregate", "colloquial", "relational", "career_history", "comparative", "unavailable", "multi_part"]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fan-qa-blind-f.jsonl")
    qs = [r["question"].lower() for r in RECS]
    assert len(set(qs)) == len(qs), "duplicate question"
    fails = []
    for r in RECS:
        if r["expect_unavailable"]:
            assert r["accept"] == [] and not r.get("accept_all")
        else:
            assert r["accept"], r
            if not grade(r["answer_note"], r):
                fails.append(r)
    for f in fails:
        print("SELF-CHECK FAIL:", f["question"], f["accept"], f.get("accept_all"), "|", f["answer_note"], file=sys.stderr)
    assert not fails
    recs = list(RECS)
    random.Random(SEED).shuffle(recs)
    for i, r in enumerate(recs, 1):
        r["id"] = f"fbf-{i:03d}"
    with open(out, "w") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    c = Counter(r["group"] for r in recs)
    print(len(recs), "records;", {g: c[g] for g in GROUP_ORDER},
          "accept_all:", sum(1 for r in recs if r.get("accept_all")),
          "unavailable:", sum(1 for r in recs if r["expect_unavailable"]),
          "self-check passed:", sum(1 for r in recs if not r["expect_unavailable"]))


if __name__ == "__main__":
    main()
