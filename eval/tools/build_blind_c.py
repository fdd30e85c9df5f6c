#!/usr/bin/env python3
"""Build the held-out fan QA set C (fan-qa-blind-c.jsonl) from the f1db YAML.

Self-contained: own loader and helpers; imports no other build script.
Run: python3 eval/tools/build_blind_c.py   (from /work/main)
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
    Loader = yaml.CLoader
except AttributeError:  # pragma: no cover
    Loader = yaml.SafeLoader

DATA = "/work/shared/data/f1db/src/data"
OUT = "/work/main/eval/fan-qa-blind-c.jsonl"
CACHE = "/tmp/f1db_blind_c_cache.pkl"
TODAY = date(2026, 12, 3)


def _load(path):
    with open(path) as fh:
        return yaml.load(fh, Loader=Loader)


def load_all():
    if os.path.exists(CACHE):
        with open(CACHE, "rb") as fh:
            return pickle.load(fh)
    db = {}
    for kind in ["drivers", "constructors", "circuits", "grands-prix", "countries", "engine-manufacturers"]:
        d = {}
        for p in glob.glob(f"{DATA}/{kind}/*.yml"):
            rec = _load(p)
            d[rec["id"]] = rec
        db[kind] = d
    races = []
    seasons = {}
    for sdir in sorted(glob.glob(f"{DATA}/seasons/*")):
        year = int(os.path.basename(sdir))
        s = {"year": year}
        for f in ["driver-standings", "constructor-standings", "entrants"]:
            p = f"{sdir}/{f}.yml"
            s[f] = _load(p) if os.path.exists(p) else None
        seasons[year] = s
        for rdir in sorted(glob.glob(f"{sdir}/races/*")):
            r = _load(f"{rdir}/race.yml")
            r["year"] = year
            r["slug"] = os.path.basename(rdir)
            r["path"] = f"seasons/{year}/races/{r['slug']}"
            for f, key in [("race-results", "results"), ("qualifying-results", "quali"),
                           ("starting-grid-positions", "grid"), ("sprint-race-results", "sprint"),
                           ("fastest-laps", "fastest"), ("pit-stops", "pits"),
                           ("driver-standings", "dstand"), ("constructor-standings", "cstand"),
                           ("driver-of-the-day-results", "dotd")]:
                p = f"{rdir}/{f}.yml"
                r[key] = (_load(p) or []) if os.path.exists(p) else None
            races.append(r)
    races.sort(key=lambda r: (r["year"], r["round"]))
    db["races"] = races
    db["seasons"] = seasons
    with open(CACHE, "wb") as fh:
        pickle.dump(db, fh)
    return db


DB = load_all()
RACES = DB["races"]
DONE = [r for r in RACES if r["results"]]  # races with results
DRV = DB["drivers"]
CON = DB["constructors"]
CIR = DB["circuits"]
GP = DB["grands-prix"]
SEAS = DB["seasons"]
ENG = DB["engine-manufacturers"]
CTRY = DB["countries"]


def dn(did):
    return DRV[did]["name"]


def cn(cid):
    return CON[cid]["name"]


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def race(year, gp=None, rnd=None):
    for r in RACES:
        if r["year"] == year and ((gp and r["grandPrixId"] == gp) or (rnd and r["round"] == rnd)):
            return r
    raise KeyError((year, gp, rnd))


def gpname(r):
    return f"{r['year']} {GP[r['grandPrixId']]['fullName']}"


def pos(r, p, key="results"):
    return [x for x in r[key] if x["position"] == p]


def winner(r):
    w = [x["driverId"] for x in r["results"] if x["position"] == 1]
    return w


def pole(r):
    q = r["quali"] or []
    return [x["driverId"] for x in q if x["position"] == 1]


def gridp1(r):
    g = r["grid"] or []
    return [x["driverId"] for x in g if x["position"] == 1]


def is_int(p):
    return isinstance(p, int)


def started(x):
    return x["position"] not in ("DNQ", "DNPQ", "DNP", "DNS", "EX") or (x["position"] == "EX" and x.get("laps"))


def champion(year, kind="driver-standings"):
    st = SEAS[year][kind]
    return [x.get("driverId") or x.get("constructorId") for x in st if x["position"] == 1]


# ---------------------------------------------------------------- helpers (answers)

ALIASES = {
    "sergio-perez": ["Checo Perez", "Checo"],
    "carlos-sainz-jr": ["Carlos Sainz"],
    "kimi-antonelli": ["Andrea Kimi Antonelli"],
    "michael-schumacher": ["M. Schumacher"],
    "alexander-albon": ["Alex Albon"],
    "nino-farina": ["Giuseppe Farina"],
    "daniel-ricciardo": ["Danny Ric"],
    "kimi-raikkonen": ["Iceman"],
}


def surname(did):
    ln = DRV[did]["lastName"]
    return re.sub(r"\s+Jr\.?$", "", ln).strip()


def norm(s):
    return fold(s).lower()


ALL_WINNERS = {d for r in DONE for d in winner(r)}


def field(r):
    return {x["driverId"] for x in r["results"]}


def season_field(y):
    return {x["driverId"] for r in DONE if r["year"] == y for x in r["results"]}


def names(did, scope=None):
    """Display name, accent-folded form, aliases, and the surname if it is unique in scope."""
    out = [dn(did)]
    if fold(dn(did)) != dn(did):
        out.append(fold(dn(did)))
    for a in ALIASES.get(did, []):
        out.append(a)
    if scope is None:
        scope = ALL_WINNERS | {did}
    sn = surname(did)
    clash = [o for o in scope if o != did and norm(surname(o)) == norm(sn)]
    if not clash:
        out.append(sn)
        if fold(sn) != sn:
            out.append(fold(sn))
    seen = []
    for s in out:
        if s not in seen:
            seen.append(s)
    return seen


def key_name(did, scope=None):
    """The single string that must appear for accept_all: surname if unique in scope else full name (folded)."""
    if scope is None:
        scope = ALL_WINNERS | {did}
    sn = surname(did)
    clash = [o for o in scope if o != did and norm(surname(o)) == norm(sn)]
    return fold(sn) if not clash else fold(dn(did))


def adj(gid):
    return GP[gid]["fullName"].replace(" Grand Prix", "")


def race_refs(r, extra=()):
    a = adj(r["grandPrixId"])
    y = r["year"]
    refs = [f"{y} {a}", f"{a} Grand Prix {y}", f"{a} GP {y}"]
    if fold(a) != a:
        refs += [f"{y} {fold(a)}", f"{fold(a)} Grand Prix {y}"]
    refs += list(extra)
    return refs


def rp(r, f="race-results"):
    return f"{r['path']}/{f}.yml"


def ordinal(n):
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def ord_accept(n):
    words = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh",
             8: "eighth", 9: "ninth", 10: "tenth"}
    out = [ordinal(n), f"P{n}"]
    if n in words:
        out.append(words[n])
    return out


def age_yd(did, d):
    b = DRV[did]["dateOfBirth"]
    years = d.year - b.year - ((d.month, d.day) < (b.month, b.day))
    last = date(b.year + years, b.month, b.day if not (b.month == 2 and b.day == 29) else 28)
    return years, (d - last).days


def standing(year, did=None, cid=None):
    if did:
        return next(x for x in SEAS[year]["driver-standings"] if x.get("driverId") == did)
    return next(x for x in SEAS[year]["constructor-standings"] if x.get("constructorId") == cid)


def fmt_pts(p):
    return str(int(p)) if float(p).is_integer() else str(p)


def wins_of(did, rs=None):
    rs = DONE if rs is None else rs
    return [r for r in rs if did in winner(r)]


def poles_of(did, rs=None, grid=False):
    rs = DONE if rs is None else rs
    return [r for r in rs if did in (gridp1(r) if grid else pole(r))]


def podiums_of(did, rs=None):
    rs = DONE if rs is None else rs
    return [r for r in rs for x in r["results"] if x["driverId"] == did and x["position"] in (1, 2, 3)]


def fl_of(did):
    return [r for r in DONE for x in (r["fastest"] or []) if x["driverId"] == did and x["position"] == 1]


def rd(r):
    return f"{gpname(r)} ({r['date'].isoformat()})"


# ---------------------------------------------------------------- grading (rules 1-3)

def _match(s, reply):
    s, reply = norm(s), norm(reply)
    if re.fullmatch(r"\d+", s):
        return re.search(rf"(?<!\d)(?<!\d\.){s}(?!\d)(?!\.\d)", reply) is not None
    return s in reply


def grade(rec, reply):
    if not any(_match(a, reply) for a in rec["accept"]):
        return False
    return all(_match(a, reply) for a in rec.get("accept_all", []))


# ---------------------------------------------------------------- question list

Q = []


def add(group, category, question, accept, note, source, accept_all=None, unavailable=False):
    rec = {"category": category, "group": group, "question": question,
           "accept": [] if unavailable else list(dict.fromkeys(accept)),
           "expect_unavailable": unavailable, "answer_note": note, "source": source}
    if accept_all:
        rec["accept_all"] = list(dict.fromkeys(accept_all))
    Q.append(rec)
    return rec


def check(cond, msg):
    if not cond:
        raise AssertionError(msg)


def by_circuit(cid):
    return [r for r in DONE if r["circuitId"] == cid]


def by_gp(gid):
    return [r for r in DONE if r["grandPrixId"] == gid]


def decade(a, b):
    return [r for r in DONE if a <= r["year"] <= b]


def top(counter, n=3):
    return counter.most_common(n)


def build_aggregate():
    G = "aggregate"
    # a01 most wins at Jacarepagua
    rs = by_circuit("jacarepagua")
    c = Counter(d for r in rs for d in winner(r))
    (d1, n1), (d2, n2) = c.most_common(2)
    check(n1 > n2, "jacarepagua tie")
    add(G, "circuit_record", "who has won the most f1 races at jacarepagua?",
        names(d1), f"Jacarepaguá (f1db circuit id jacarepagua, 'Autódromo Internacional Nelson Piquet', Rio de Janeiro) held "
        f"{len(rs)} championship races ({rs[0]['year']}-{rs[-1]['year']}). {dn(d1)} won {n1} of them; next is "
        f"{', '.join(f'{dn(d)} {n}' for d, n in c.most_common(4)[1:])}.",
        ["seasons/*/races/*/race.yml (circuitId: jacarepagua)", "seasons/*/races/*/race-results.yml"],
        accept_all=[str(n1)])

    # a02 Tyrrell wins in the 1970s
    rs = decade(1970, 1979)
    ty = [r for r in rs for x in pos(r, 1) if x["constructorId"] == "tyrrell"]
    by = Counter(x["driverId"] for r in ty for x in pos(r, 1) if x["constructorId"] == "tyrrell")
    add(G, "team_decade", "Tyrrell's win tally across the 1970s?",
        [str(len(ty))], f"Tyrrell won {len(ty)} races in 1970-1979 (race-results position 1 with constructorId tyrrell): "
        + ", ".join(f"{dn(d)} {n}" for d, n in by.most_common()) + f". First {gpname(ty[0])}, last in the decade {gpname(ty[-1])}.",
        ["seasons/197*/races/*/race-results.yml"])

    # a03 poles at the Mexican GP
    rs = by_gp("mexico")
    cq = Counter(d for r in rs for d in pole(r))
    cg = Counter(d for r in rs for d in gridp1(r))
    (d1, n1), (d2, n2) = cq.most_common(2)
    check(n1 > n2 and cg.most_common(1)[0] == (d1, n1), "mexico poles")
    add(G, "gp_pole_record", "Which driver has taken the most pole positions at the Mexican Grand Prix?",
        names(d1), f"Mexican Grand Prix (grandPrixId mexico, {len(rs)} editions with results, {rs[0]['year']}-{rs[-1]['year']}): "
        f"{dn(d1)} has {n1} poles (qualifying P1; starting-grid P1 gives the same), ahead of "
        + ", ".join(f"{dn(d)} {n}" for d, n in cq.most_common(3)[1:]) + ".",
        ["seasons/*/races/*-mexico/qualifying-results.yml", "seasons/*/races/*-mexico/starting-grid-positions.yml"],
        accept_all=[str(n1)])

    # a04 Hakkinen wins from pole
    d = "mika-hakkinen"
    w = wins_of(d)
    wq = [r for r in w if d in pole(r)]
    wg = [r for r in w if any(x["driverId"] == d and x["gridPosition"] == 1 for x in pos(r, 1))]
    check(len(wq) == len(wg), "hakkinen pole readings")
    add(G, "wins_from_pole", "of mika hakkinens wins how many did he convert from pole position",
        [str(len(wq))], f"{dn(d)} won {len(w)} Grands Prix; {len(wq)} of them from pole (qualifying P1, and the same "
        f"{len(wg)} with gridPosition 1 in race-results). The other {len(w) - len(wq)} came from further back.",
        ["seasons/*/races/*/race-results.yml", "seasons/*/races/*/qualifying-results.yml"])

    # a05 most podiums without a win
    pod = Counter(x["driverId"] for r in DONE for x in r["results"] if x["position"] in (1, 2, 3))
    nw = [(d, n) for d, n in pod.most_common() if d not in ALL_WINNERS]
    (d1, n1), (d2, n2) = nw[:2]
    check(n1 > n2, "podium no win tie")
    add(G, "podiums_no_win", "What's the record for most podium finishes by someone who never won a Grand Prix?",
        names(d1, set(pod)), f"{dn(d1)} has {n1} Grand Prix podiums (race-results P1-P3; sprints not counted) and no win, the most of any "
        f"non-winner. Next: {dn(d2)} {n2}, {dn(nw[2][0])} {nw[2][1]}.",
        ["seasons/*/races/*/race-results.yml"], accept_all=[str(n1)])

    # a06 Australian drivers' combined wins
    au = Counter(d for r in DONE for d in winner(r) if DRV[d]["nationalityCountryId"] == "australia")
    tot = sum(au.values())
    add(G, "nationality_sum", "add up every GP win by an australian driver - whats the total?",
        [str(tot)], f"Australian drivers (nationalityCountryId australia) have {tot} Grand Prix wins in total: "
        + ", ".join(f"{dn(d)} {n}" for d, n in au.most_common()) + ".",
        ["seasons/*/races/*/race-results.yml", "drivers/*.yml"])

    # a07 Maserati wins in the 1950s
    rs = decade(1950, 1959)
    ma = [r for r in rs for x in pos(r, 1) if x["constructorId"] == "maserati"]
    by = Counter(x["driverId"] for r in ma for x in pos(r, 1) if x["constructorId"] == "maserati")
    add(G, "team_decade", "Number of world championship race wins for Maserati during the 1950s?",
        [str(len(ma))], f"Maserati (as constructor) won {len(ma)} championship races in 1950-1959: "
        + ", ".join(f"{dn(d)} {n}" for d, n in by.most_common()) + f"; from {gpname(ma[0])} to {gpname(ma[-1])}.",
        ["seasons/195*/races/*/race-results.yml"])

    # a08 constructor with most Belgian GP wins
    rs = by_gp("belgium")
    c = Counter(x["constructorId"] for r in rs for x in pos(r, 1))
    (c1, n1), (c2, n2) = c.most_common(2)
    check(n1 > n2, "belgium tie")
    add(G, "gp_constructor_record", "which team has the most victories at the Belgian GP",
        [cn(c1), CON[c1]["fullName"]], f"Belgian Grand Prix ({len(rs)} editions with results, {rs[0]['year']}-{rs[-1]['year']}): "
        f"{cn(c1)} has won it {n1} times, then {cn(c2)} {n2}, {cn(c.most_common(3)[2][0])} {c.most_common(3)[2][1]}.",
        ["seasons/*/races/*-belgium/race-results.yml"], accept_all=[str(n1)])

    # a09 circuits that hosted the French GP
    rs = by_gp("france")
    cc = Counter(r["circuitId"] for r in rs)
    add(G, "gp_venues", "How many different circuits have hosted the French Grand Prix?",
        [str(len(cc))], f"The French Grand Prix ({len(rs)} championship editions, {rs[0]['year']}-{rs[-1]['year']}) has used "
        f"{len(cc)} circuits: " + ", ".join(f"{CIR[k]['name']} {v}" for k, v in cc.most_common()) + ".",
        ["seasons/*/races/*-france/race.yml"])

    # a10 races held at Imola
    rs = by_circuit("imola")
    g = Counter(r["grandPrixId"] for r in rs)
    add(G, "circuit_count", "how many world championship grands prix have been held at imola in total",
        [str(len(rs))], f"Imola (circuitId imola) has hosted {len(rs)} championship races: "
        + ", ".join(f"{GP[k]['fullName']} {v}" for k, v in g.most_common()) + f"; first {gpname(rs[0])}, last {gpname(rs[-1])}.",
        ["seasons/*/races/*/race.yml (circuitId: imola)"])

    # a11 youngest pole sitter
    lst = sorted((((r["date"] - DRV[d]["dateOfBirth"]).days, d, r) for r in DONE for d in pole(r)), key=lambda t: t[:2])
    lstg = sorted((((r["date"] - DRV[d]["dateOfBirth"]).days, d, r) for r in DONE for d in gridp1(r)), key=lambda t: t[:2])
    _, d1, r1 = lst[0]
    check(lstg[0][1] == d1, "youngest pole grid reading")
    y, dd = age_yd(d1, r1["date"])
    nxt = next((x for x in lst if x[1] != d1))
    y2, dd2 = age_yd(nxt[1], nxt[2]["date"])
    add(G, "youngest", "who is the youngest pole sitter in formula 1 history?",
        names(d1), f"{dn(d1)} took pole at the {rd(r1)} aged {y} years {dd} days (qualifying P1; grid P1 the same), "
        f"the youngest in the data. The youngest other driver is {dn(nxt[1])} ({y2} y {dd2} d, {gpname(nxt[2])}).",
        [rp(r1, "qualifying-results"), f"drivers/{d1}.yml", "seasons/*/races/*/qualifying-results.yml"])

    # a12 most sprint wins
    sr = [r for r in DONE if r["sprint"]]
    c = Counter(x["driverId"] for r in sr for x in r["sprint"] if x["position"] == 1)
    (d1, n1), (d2, n2) = c.most_common(2)
    check(n1 > n2, "sprint tie")
    add(G, "sprint_record", "who has won the most sprint races?",
        names(d1), f"{len(sr)} sprint races have results ({sr[0]['year']}-{sr[-1]['year']}). {dn(d1)} has won {n1} of them; "
        f"next {dn(d2)} {n2}. (Sprints are not Grand Prix wins.)",
        ["seasons/*/races/*/sprint-race-results.yml"], accept_all=[str(n1)])

    # a13 distinct pole sitters 2026
    rs = [r for r in DONE if r["year"] == 2026]
    ps = Counter(d for r in rs for d in pole(r))
    pg = Counter(d for r in rs for d in gridp1(r))
    check(set(ps) == set(pg), "2026 pole readings")
    add(G, "distinct_count", "So far this season, how many different drivers have started a Grand Prix from pole?",
        [str(len(ps))], f"In 2026 ({len(rs)} rounds with results, up to the {rd(rs[-1])}) there have been {len(ps)} different "
        f"pole sitters: " + ", ".join(f"{dn(d)} {n}" for d, n in ps.most_common()) + " (qualifying P1 and grid P1 agree).",
        ["seasons/2026/races/*/qualifying-results.yml", "seasons/2026/races/*/starting-grid-positions.yml"])

    # a14 most wins for the Brabham team
    c = Counter(x["driverId"] for r in DONE for x in pos(r, 1) if x["constructorId"] == "brabham")
    (d1, n1), (d2, n2) = c.most_common(2)
    add(G, "team_driver_record", "Brabham the team (not Jack the driver): who won the most races in its cars?",
        names(d1), f"Brabham (constructorId brabham) won {sum(c.values())} races. {dn(d1)} won {n1} of them, "
        f"{dn(d2)} {n2}, {dn(c.most_common(3)[2][0])} {c.most_common(3)[2][1]}.",
        ["seasons/*/races/*/race-results.yml"], accept_all=[str(n1)])

    # a15 Honda-powered wins in 1988
    rs = [r for r in DONE if r["year"] == 1988]
    hw = [r for r in rs for x in pos(r, 1) if x["engineManufacturerId"] == "honda"]
    other = [r for r in rs if r not in hw]
    add(G, "engine_season", "In 1988, how many races were won by a Honda-engined car?",
        [str(len(hw))], f"Honda-powered cars won {len(hw)} of the {len(rs)} races in 1988 (all McLaren-Honda). The only other winner: "
        + ", ".join(f"{gpname(r)} ({dn(winner(r)[0])}, {cn(pos(r, 1)[0]['constructorId'])})" for r in other) + ".",
        ["seasons/1988/races/*/race-results.yml"])

    # a16 most points in a season without the title
    lst = sorted(((x["points"], y, x["driverId"]) for y in range(1950, 2026)
                  for x in SEAS[y]["driver-standings"] if x["position"] != 1), reverse=True)
    p1, y1, d1 = lst[0]
    ch = champion(y1)[0]
    add(G, "points_nonchamp", "most points ever scored in a season by a driver who didnt win the title?",
        [fmt_pts(p1)], f"{dn(d1)} scored {fmt_pts(p1)} points in {y1} and finished P{standing(y1, d1)['position']} behind "
        f"{dn(ch)} ({fmt_pts(standing(y1, ch)['points'])}). Next best non-champion: {dn(lst[1][2])} {fmt_pts(lst[1][0])} in {lst[1][1]}. "
        f"Completed seasons 1950-2025 only.",
        [f"seasons/{y1}/driver-standings.yml", "seasons/*/driver-standings.yml"], accept_all=[key_name(d1)])

    # a17 most wins in a season by a non-champion
    lst = []
    for y in range(1950, 2026):
        cc = Counter(d for r in DONE if r["year"] == y for d in winner(r))
        for d, n in cc.items():
            if d not in champion(y):
                lst.append((n, y, d))
    lst.sort(reverse=True)
    n1, y1, d1 = lst[0]
    check(lst[1][0] < n1, "nonchamp wins tie")
    ch = champion(y1)[0]
    add(G, "wins_nonchamp", "Biggest number of wins in one season by a driver who still didn't become champion?",
        [str(n1)], f"{dn(d1)} won {n1} races in {y1} but lost the title to {dn(ch)} "
        f"({sum(1 for r in DONE if r['year'] == y1 and ch in winner(r))} wins). Next: {lst[1][0]} ({dn(lst[1][2])}, {lst[1][1]}).",
        [f"seasons/{y1}/races/*/race-results.yml", f"seasons/{y1}/driver-standings.yml"], accept_all=[key_name(d1)])

    # a18 most pit stops in a race
    lst = []
    for r in DONE:
        if r["pits"]:
            for d, n in Counter(x["driverId"] for x in r["pits"]).items():
                lst.append((n, d, r))
    n1 = max(t[0] for t in lst)
    tops = [t for t in lst if t[0] == n1]
    n2 = max(t[0] for t in lst if t[0] < n1)
    first = min(r["year"] for r in DONE if r["pits"])
    add(G, "pit_stop_record", "What's the most pit stops one driver has made in a single race?",
        [str(n1)], f"In the f1db pit-stop records (available from {first}), the most stops by one driver in a race is {n1}, "
        f"by {len(tops)} drivers: " + ", ".join(f"{dn(d)} ({gpname(r)})" for _, d, r in tops) + f". Next highest is {n2} stops.",
        sorted({rp(r, "pit-stops") for _, _, r in tops}) + ["seasons/*/races/*/pit-stops.yml"])

    # a19 lowest grid position for a win
    lst = sorted((((x["gridPosition"] or 0), x["driverId"], r) for r in DONE for x in pos(r, 1)), key=lambda t: t[:2])
    g1, d1, r1 = lst[-1]
    check(lst[-2][0] < g1, "grid tie")
    q = [x["position"] for x in r1["quali"] if x["driverId"] == d1][0]
    add(G, "lowest_grid_win", "whats the furthest back on the grid anyone has started and still won a grand prix",
        [ordinal(g1), str(g1)], f"{ordinal(g1)}: {dn(d1)} won the {rd(r1)} at {CIR[r1['circuitId']]['name']} from {ordinal(g1)} on the grid (qualified {ordinal(q)}). "
        f"Next furthest back: {ordinal(lst[-2][0])} ({dn(lst[-2][1])}, {gpname(lst[-2][2])}).",
        [rp(r1), rp(r1, "qualifying-results")])

    # a20 most wins in the 1960s
    c = Counter(d for r in decade(1960, 1969) for d in winner(r))
    (d1, n1), (d2, n2) = c.most_common(2)
    add(G, "decade_driver", "Top race winner of the 1960s?",
        names(d1), f"1960-1969: {dn(d1)} won {n1} races, then {dn(d2)} {n2}, "
        + ", ".join(f"{dn(d)} {n}" for d, n in c.most_common(4)[2:]) + ".",
        ["seasons/196*/races/*/race-results.yml"], accept_all=[str(n1)])

    # a21 oldest winner since 1980
    lst = sorted((((r["date"] - DRV[d]["dateOfBirth"]).days, d, r) for r in DONE if r["year"] >= 1980 for d in winner(r)),
                 key=lambda t: t[:2])
    _, d1, r1 = lst[-1]
    y, dd = age_yd(d1, r1["date"])
    nxt = next(x for x in reversed(lst) if x[1] != d1)
    y2, dd2 = age_yd(nxt[1], nxt[2]["date"])
    add(G, "oldest", "since 1980 who is the oldest driver to win a grand prix?",
        names(d1), f"{dn(d1)} won the {rd(r1)} aged {y} years {dd} days, the oldest winner since 1980. "
        f"Next oldest: {dn(nxt[1])}, {y2} years {dd2} days at the {gpname(nxt[2])}.",
        [rp(r1), f"drivers/{d1}.yml", "seasons/*/races/*/race-results.yml"])

    # a22 most wins in 2026 so far
    rs = [r for r in DONE if r["year"] == 2026]
    c = Counter(d for r in rs for d in winner(r))
    (d1, n1), (d2, n2) = c.most_common(2)
    check(n1 > n2, "2026 wins tie")
    add(G, "season_so_far", "2026 so far: who's the leading race winner, and with how many?",
        names(d1, season_field(2026)), f"After {len(rs)} rounds of 2026 (last: {rd(rs[-1])}), {dn(d1)} has {n1} wins; "
        + ", ".join(f"{dn(d)} {n}" for d, n in c.most_common()[1:]) + ". Rounds 12+ have no results.",
        ["seasons/2026/races/*/race-results.yml"], accept_all=[str(n1)])


def team_rows(year, cid):
    return [(r, x) for r in DONE if r["year"] == year for x in r["results"] if x["constructorId"] == cid]


def build_relational():
    G = "relational"
    # r01 Boutsen's team-mate 1988
    rows = team_rows(1988, "benetton")
    mates = Counter(x["driverId"] for _, x in rows)
    mate = [d for d in mates if d != "thierry-boutsen"]
    check(len(mate) == 1, "benetton 1988")
    add(G, "teammate", "who was thierry boutsen's team mate at benetton in 1988",
        names(mate[0], season_field(1988)), f"Benetton (Ford engines) ran {dn('thierry-boutsen')} and {dn(mate[0])} in all "
        f"{mates[mate[0]]} races of 1988.", ["seasons/1988/races/*/race-results.yml", "seasons/1988/entrants.yml"])

    # r02 Stewart 1999 line-up
    rows = team_rows(1999, "stewart")
    ds = Counter(x["driverId"] for _, x in rows)
    check(len(ds) == 2, "stewart lineup")
    a, b = sorted(ds)
    sc = season_field(1999)
    add(G, "lineup", "Stewart Grand Prix driver line-up in 1999?",
        names(a, sc) + names(b, sc), f"Stewart-Ford raced {dn(a)} and {dn(b)} in all {ds[a]} rounds of 1999 (its final season; "
        f"Herbert won the European GP).", ["seasons/1999/races/*/race-results.yml", "seasons/1999/entrants.yml"],
        accept_all=[key_name(a, sc), key_name(b, sc)])

    # r03 Tyrrell 1993 engine
    rows = team_rows(1993, "tyrrell")
    e = Counter(x["engineManufacturerId"] for _, x in rows)
    check(len(e) == 1, "tyrrell engine")
    eid = list(e)[0]
    add(G, "engine_supplier", "what engine was in the back of the tyrrell in 1993",
        [ENG[eid]["name"]], f"Tyrrell used {ENG[eid]['name']} engines in every 1993 race entry ({sum(e.values())} car entries; "
        f"drivers {', '.join(dn(d) for d in sorted({x['driverId'] for _, x in rows}))}).",
        ["seasons/1993/races/*/race-results.yml", "seasons/1993/entrants.yml"])

    # r04 Schumacher's stand-in 1999
    rows = team_rows(1999, "ferrari")
    ds = Counter(x["driverId"] for _, x in rows)
    sub = [d for d in ds if d not in ("michael-schumacher", "eddie-irvine")]
    check(len(sub) == 1, "ferrari sub")
    rnds = sorted(r["round"] for r, x in rows if x["driverId"] == sub[0])
    add(G, "replacement", "Who filled in for Michael Schumacher at Ferrari after he broke his leg at Silverstone in 1999?",
        names(sub[0], season_field(1999)), f"{dn(sub[0])} drove the second Ferrari in rounds {rnds[0]}-{rnds[-1]} of 1999 "
        f"({len(rnds)} races) while Schumacher was out; Schumacher returned for the last two rounds.",
        ["seasons/1999/races/*/race-results.yml", "seasons/1999/entrants.yml"])

    # r05 6th at 1997 Japanese GP
    r = race(1997, "japan")
    x = pos(r, 6)[0]
    add(G, "nth_place", "Who finished sixth in the 1997 Japanese Grand Prix?",
        names(x["driverId"], field(r)), f"{rd(r)}: P6 {dn(x['driverId'])} ({cn(x['constructorId'])}), "
        f"{x['gap']} behind winner {dn(winner(r)[0])}; P5 {dn(pos(r, 5)[0]['driverId'])}, P7 {dn(pos(r, 7)[0]['driverId'])}.",
        [rp(r)])

    # r06 behind Panis Monaco 1996
    r = race(1996, "monaco")
    w = winner(r)[0]
    check(w == "olivier-panis", "monaco96")
    x = pos(r, 2)[0]
    add(G, "right_behind", "when panis won monaco in 96, who came home right behind him?",
        names(x["driverId"], field(r)), f"{rd(r)}: {dn(w)} (Ligier) won, {dn(x['driverId'])} ({cn(x['constructorId'])}) was P2, "
        f"{x['gap']} behind; P3 {dn(pos(r, 3)[0]['driverId'])}.", [rp(r)])

    # r07 last classified 2005 US GP
    r = race(2005, "united-states")
    cls = [x for x in r["results"] if is_int(x["position"])]
    last = cls[-1]
    add(G, "last_classified", "Who was the last classified finisher in the 2005 US Grand Prix at Indianapolis?",
        names(last["driverId"], field(r)), f"{rd(r)}: only {len(cls)} cars took the start (the Michelin teams withdrew; f1db lists the other "
        f"{sum(1 for y in r['results'] if y['position'] == 'DNS')} as DNS). "
        f"The last classified finisher was {dn(last['driverId'])} ({cn(last['constructorId'])}), P{last['position']}, {last['gap']}.",
        [rp(r)])

    # r08 Jordan 1999 constructors
    st = standing(1999, cid="jordan")
    add(G, "constructors_standing", "Where did Jordan end up in the 1999 constructors' championship?",
        ord_accept(st["position"]), f"Jordan ({ENG[st['engineManufacturerId']]['name']} engines) finished {ordinal(st['position'])} "
        f"in the 1999 constructors' championship with {fmt_pts(st['points'])} points, behind "
        + " and ".join(f"{cn(x['constructorId'])} ({fmt_pts(x['points'])})" for x in SEAS[1999]['constructor-standings'][:st['position'] - 1]) + ".",
        ["seasons/1999/constructor-standings.yml"])

    # r09 podium Monza 2008
    r = race(2008, "italy")
    p = [pos(r, i)[0]["driverId"] for i in (1, 2, 3)]
    f = field(r)
    add(G, "podium", "Who was on the podium at Monza in 2008?",
        names(p[2], f), f"{rd(r)}: P1 {dn(p[0])} (Toro Rosso), P2 {dn(p[1])} (McLaren), P3 {dn(p[2])} (BMW Sauber); "
        f"P4 {dn(pos(r, 4)[0]['driverId'])}. All three names are required (accept_all).",
        [rp(r)], accept_all=[key_name(d, f) for d in p])

    # r10 1983 constructors' runner-up
    st = SEAS[1983]["constructor-standings"]
    c1, c2 = st[0]["constructorId"], st[1]["constructorId"]
    check(st[1]["position"] == 2 and st[2]["position"] == 3, "1983 cs")
    add(G, "constructors_runner_up", "who were runners-up in the constructors' championship in 1983?",
        [cn(c2), CON[c2]["fullName"]], f"1983 constructors' standings: 1 {cn(c1)} {fmt_pts(st[0]['points'])}, 2 {cn(c2)} "
        f"{fmt_pts(st[1]['points'])}, 3 {cn(st[2]['constructorId'])} {fmt_pts(st[2]['points'])}.",
        ["seasons/1983/constructor-standings.yml"])

    # r11 Raikkonen's first team-mate
    deb = next(r for r in DONE if any(x["driverId"] == "kimi-raikkonen" for x in r["results"]))
    cid = [x["constructorId"] for x in deb["results"] if x["driverId"] == "kimi-raikkonen"][0]
    mates = Counter(x["driverId"] for _, x in team_rows(deb["year"], cid) if x["driverId"] != "kimi-raikkonen")
    check(len(mates) == 1, "kimi mate")
    m = list(mates)[0]
    add(G, "teammate", "Who partnered Kimi Räikkönen at Sauber in his rookie season?",
        names(m, season_field(deb["year"])), f"Räikkönen debuted at the {rd(deb)} for {cn(cid)}; his team-mate for all "
        f"{mates[m]} races of {deb['year']} was {dn(m)}.",
        [f"seasons/{deb['year']}/races/*/race-results.yml", f"seasons/{deb['year']}/entrants.yml"])

    # r12 engine in Piquet's 1983 Brabham
    rows = [(r, x) for r, x in team_rows(1983, "brabham") if x["driverId"] == "nelson-piquet"]
    e = Counter(x["engineManufacturerId"] for _, x in rows)
    check(len(e) == 1 and champion(1983) == ["nelson-piquet"], "brabham 83")
    eid = list(e)[0]
    add(G, "engine_supplier", "What engine powered Nelson Piquet's Brabham when he won the 1983 title?",
        [ENG[eid]["name"]], f"{dn('nelson-piquet')} was the 1983 champion in a Brabham-{ENG[eid]['name']} "
        f"(engineManufacturerId {eid} in all {len(rows)} of his 1983 races).",
        ["seasons/1983/races/*/race-results.yml", "seasons/1983/driver-standings.yml"])

    # r13 P4 at 2012 European GP
    r = race(2012, "europe")
    x = pos(r, 4)[0]
    add(G, "just_missed_podium", "who just missed out on the podium at valencia 2012 (european gp)?",
        names(x["driverId"], field(r)), f"{rd(r)}: P4 {dn(x['driverId'])} ({cn(x['constructorId'])}), up from {ordinal(x['gridPosition'])} "
        f"on the grid, {x['gap']} behind the winner; P3 was {dn(pos(r, 3)[0]['driverId'])}.", [rp(r)])

    # r14 de Vries replacement
    rows = team_rows(2023, "alphatauri")
    order = []
    for r in sorted({r["round"]: r for r, _ in rows}.values(), key=lambda r: r["round"]):
        ds = [x["driverId"] for x in r["results"] if x["constructorId"] == "alphatauri"]
        order.append((r, ds))
    last_ndv = max(i for i, (r, ds) in enumerate(order) if "nyck-de-vries" in ds)
    nr, nds = order[last_ndv + 1]
    repl = [d for d in nds if d != "yuki-tsunoda"]
    check(len(repl) == 1, "ndv repl")
    add(G, "replacement", "AlphaTauri dropped Nyck de Vries in 2023 - who took his seat?",
        names(repl[0], season_field(2023)), f"De Vries's last race was the {gpname(order[last_ndv][0])} (round {order[last_ndv][0]['round']}); "
        f"{dn(repl[0])} replaced him from the {gpname(nr)} (round {nr['round']}). Later in 2023 Liam Lawson stood in for the injured Ricciardo.",
        ["seasons/2023/races/*/race-results.yml", "seasons/2023/entrants.yml"])

    # r15 Dallas pole
    r = race(1984, "dallas")
    pq, pg = pole(r), gridp1(r)
    check(pq == pg, "dallas")
    add(G, "pole", "Who started from pole at the one and only Dallas Grand Prix?",
        names(pq[0], field(r)), f"The {rd(r)} at Fair Park was the only Dallas GP. Pole: {dn(pq[0])} (Lotus-Renault), "
        f"{r['quali'][0]['time']}; the race was won by {dn(winner(r)[0])}.", [rp(r, "qualifying-results"), rp(r, "starting-grid-positions")])

    # r16 Alonso's team-mate at 2001 Australian GP
    r = race(2001, "australia")
    m = [x["driverId"] for x in r["results"] if x["constructorId"] == "minardi" and x["driverId"] != "fernando-alonso"]
    check(len(m) == 1, "minardi")
    add(G, "teammate", "Who was Fernando Alonso's team-mate at Minardi for his debut at Melbourne 2001?",
        names(m[0], field(r)), f"{rd(r)}: Minardi ran {dn('fernando-alonso')} (P12 on debut) and {dn(m[0])} "
        f"({[x['position'] for x in r['results'] if x['driverId'] == m[0]][0]}). Alex Yoong replaced Marques for the last 3 races of 2001.",
        [rp(r), "seasons/2001/entrants.yml"])


LAST = DONE[-1]


def build_colloquial():
    G = "colloquial"
    # c01 Belgian GP this year (typo)
    r = race(2026, "belgium")
    w = winner(r)[0]
    add(G, "typo_relative_time", "who won the belgain gp this yr",
        names(w, field(r)), f"'this yr' = 2026. {rd(r)} (round {r['round']}, Spa): won by {dn(w)} ({cn(pos(r, 1)[0]['constructorId'])}) "
        f"from {dn(pos(r, 2)[0]['driverId'])} and {dn(pos(r, 3)[0]['driverId'])}.", [rp(r)])

    # c02 iceman wins
    d = "kimi-raikkonen"
    w = wins_of(d)
    add(G, "nickname", "how many races did the iceman win in total",
        [str(len(w))], f"'The Iceman' = {dn(d)}. He won {len(w)} Grands Prix, from the {gpname(w[0])} to the {gpname(w[-1])}.",
        ["seasons/*/races/*/race-results.yml"])

    # c03 Checo poles
    d = "sergio-perez"
    pq, pg = poles_of(d), poles_of(d, grid=True)
    check(len(pq) == len(pg), "perez poles")
    add(G, "nickname", "checo career pole positions total?",
        [str(len(pq))], f"'Checo' = {dn(d)}. {len(pq)} career poles (qualifying P1; grid P1 the same): "
        + ", ".join(gpname(r) for r in pq) + ".", ["seasons/*/races/*/qualifying-results.yml"])

    # c04 most recent race winner
    r = LAST
    w = winner(r)[0]
    add(G, "relative_time", "last race winner??",
        names(w, field(r)), f"The most recent race with results is the {rd(r)}, round {r['round']} of 2026. Winner: {dn(w)} "
        f"({cn(pos(r, 1)[0]['constructorId'])}) from pole; P2 {dn(pos(r, 2)[0]['driverId'])}. Later 2026 rounds have no results.",
        [rp(r)])

    # c05 Hulk podiums
    d = "nico-hulkenberg"
    p = podiums_of(d)
    check(len(p) == 1, "hulk")
    add(G, "nickname", "hulk's podium count in f1??",
        [str(len(p)), f"{p[0]['year']} {adj(p[0]['grandPrixId'])}"], f"'The Hulk' = {dn(d)}. He has {len(p)} Grand Prix podium: "
        f"P3 at the {rd(p[0])} (Sauber). Sprints not counted.", [rp(p[0]), "seasons/*/races/*/race-results.yml"])

    # c06 Lewis's last Mercedes win
    d = "lewis-hamilton"
    mw = [r for r in DONE for x in pos(r, 1) if x["driverId"] == d and x["constructorId"] == "mercedes"]
    r = mw[-1]
    dsq = [x["driverId"] for x in r["results"] if x["position"] == "DSQ"]
    add(G, "nickname_first_last", "lewis's last win for mercedes was which race?",
        race_refs(r, ["Belgium 2024", "Spa 2024", "Spa-Francorchamps 2024"]),
        f"{dn(d)}'s last win for Mercedes was the {rd(r)} at Spa (after {', '.join(dn(x) for x in dsq)} was disqualified). "
        f"His next win, the {gpname(wins_of(d)[-1])}, came with Ferrari.",
        [rp(r), "seasons/*/races/*/race-results.yml"])

    # c07 Sainz points last season (nickname)
    d = "carlos-sainz-jr"
    st = standing(2025, d)
    add(G, "nickname_relative_time", "smooth operator points total last season?",
        [fmt_pts(st["points"])], f"'Smooth Operator' = {dn(d)}; 'last season' = 2025. He scored {fmt_pts(st['points'])} points "
        f"for Williams and finished {ordinal(st['position'])} in the drivers' standings.", ["seasons/2025/driver-standings.yml"])

    # c08 Miami sprint this year
    r = race(2026, "miami")
    w = [x["driverId"] for x in r["sprint"] if x["position"] == 1][0]
    sf = {x["driverId"] for x in r["sprint"]}
    add(G, "relative_time", "miami sprint this year who won it",
        names(w, sf), f"2026 Miami sprint (round {r['round']}, sprint on {r.get('sprintRaceDate')}): won by {dn(w)}, ahead of "
        f"{dn(r['sprint'][1]['driverId'])} and {dn(r['sprint'][2]['driverId'])}. The Grand Prix itself was won by {dn(winner(r)[0])}.",
        [rp(r, "sprint-race-results")])

    # c09 pole at Silverstone last year (typo)
    r = race(2025, "great-britain")
    p = pole(r)
    check(p == gridp1(r), "silverstone 25")
    add(G, "typo_relative_time", "who got pole at silverstone lsat year",
        names(p[0], field(r)), f"'lsat year' = last year = 2025. {rd(r)}: pole {dn(p[0])} ({r['quali'][0]['q3']}); "
        f"the race was won by {dn(winner(r)[0])}.", [rp(r, "qualifying-results")])

    # c10 the professor titles
    d = "alain-prost"
    t = [y for y in range(1950, 2026) if d in champion(y)]
    add(G, "nickname", "how many world titles did the professor win",
        [str(len(t))], f"'The Professor' = {dn(d)}. {len(t)} drivers' titles: {', '.join(map(str, t))}.",
        [f"seasons/{y}/driver-standings.yml" for y in t])

    # c11 our nige 1992
    d = "nigel-mansell"
    w = [r for r in DONE if r["year"] == 1992 and d in winner(r)]
    add(G, "nickname", "our nige in 92 - how many wins was that",
        [str(len(w))], f"'Our Nige' = {dn(d)}; '92' = 1992. He won {len(w)} of the "
        f"{sum(1 for r in DONE if r['year'] == 1992)} races for Williams-Renault on his way to the title.",
        ["seasons/1992/races/*/race-results.yml"])

    # c12 non-native: fastest lap Monaco this year
    r = race(2026, "monaco")
    fl = r["fastest"][0]
    add(G, "non_native", "which driver make the fastest lap in the race of Monaco this year?",
        names(fl["driverId"], field(r)), f"2026 Monaco Grand Prix ({r['date']}): fastest lap {dn(fl['driverId'])}, {fl['time']} on lap "
        f"{fl['lap']}; next {dn(r['fastest'][1]['driverId'])} {r['fastest'][1]['time']}.", [rp(r, "fastest-laps")])

    # c13 phone typo: 2nd at Spa two years ago
    r = race(2024, "belgium")
    x = pos(r, 2)[0]
    dsq = [y["driverId"] for y in r["results"] if y["position"] == "DSQ"]
    add(G, "typo_relative_time", "who finishd 2nd at spa 2 yrs ago",
        names(x["driverId"], field(r)), f"'2 yrs ago' = 2024. {rd(r)}: classified P2 {dn(x['driverId'])}. "
        f"{', '.join(dn(d) for d in dsq)} crossed the line first but was disqualified, so {dn(winner(r)[0])} won.", [rp(r)])

    # c14 Jos the Boss best result
    d = "jos-verstappen"
    best = min(x["position"] for r in DONE for x in r["results"] if x["driverId"] == d and is_int(x["position"]))
    br = [r for r in DONE for x in r["results"] if x["driverId"] == d and x["position"] == best]
    add(G, "nickname", "jos the boss best ever race result?",
        ord_accept(best), f"'Jos the Boss' = {dn(d)}. Best Grand Prix finish: {ordinal(best)} (P{best}), achieved {len(br)} times: "
        + " and ".join(gpname(r) for r in br) + " (both Benetton).", [rp(r) for r in br])

    # c15 honey badger wins
    d = "daniel-ricciardo"
    w = wins_of(d)
    add(G, "nickname", "Honey badger - total GP wins?",
        [str(len(w))], f"'Honey Badger' = {dn(d)}. {len(w)} Grand Prix wins, first the {gpname(w[0])}, last the {gpname(w[-1])}.",
        ["seasons/*/races/*/race-results.yml"])

    # c16 constructors champ two seasons ago
    st = SEAS[2024]["constructor-standings"]
    c = st[0]["constructorId"]
    add(G, "relative_time", "2 seasons ago who took the constructors title",
        [cn(c), CON[c]["fullName"]], f"Two seasons ago = 2024. Constructors' champion: {cn(c)} {fmt_pts(st[0]['points'])} points, "
        f"ahead of {cn(st[1]['constructorId'])} {fmt_pts(st[1]['points'])}.", ["seasons/2024/constructor-standings.yml"])


def build_comparative():
    G = "comparative"

    def two(a, b, na, nb, what, q, src, ask_margin, extra=""):
        check(na != nb, f"tie {a} {b}")
        lead, lag = (a, b) if na > nb else (b, a)
        nl, ng = max(na, nb), min(na, nb)
        margin = nl - ng
        key = str(margin) if ask_margin else str(nl)
        add(G, "head_to_head", q, names(lead) if lead in DRV else [cn(lead), CON[lead]["fullName"]],
            f"{(dn(lead) if lead in DRV else cn(lead))} {nl} vs {(dn(lag) if lag in DRV else cn(lag))} {ng} {what}: "
            f"{(dn(lead) if lead in DRV else cn(lead))} by {margin}.{extra}", src, accept_all=[key])

    # k01 Button vs Rosberg wins (margin)
    two("jenson-button", "nico-rosberg", len(wins_of("jenson-button")), len(wins_of("nico-rosberg")), "career Grand Prix wins",
        "Who won more races, Jenson Button or Nico Rosberg - and by how many?", ["seasons/*/races/*/race-results.yml"], True)

    # k02 Albon vs Sainz 2025 points
    a, b = standing(2025, "alexander-albon"), standing(2025, "carlos-sainz-jr")
    two("alexander-albon", "carlos-sainz-jr", a["points"], b["points"], "points in 2025 (drivers' standings; team-mates at Williams)",
        "Albon or Sainz, who scored more points at Williams last year?", ["seasons/2025/driver-standings.yml"], False,
        f" 'Last year' = 2025; they finished {ordinal(a['position'])} and {ordinal(b['position'])}.")

    # k03 Ferrari vs Lotus 1970s wins
    rs = decade(1970, 1979)
    cf = sum(1 for r in rs for x in pos(r, 1) if x["constructorId"] == "ferrari")
    cl = sum(1 for r in rs for x in pos(r, 1) if x["constructorId"] == "lotus")
    two("ferrari", "lotus", cf, cl, "race wins in 1970-1979", "In the seventies, did Ferrari or Lotus win more Grands Prix?",
        ["seasons/197*/races/*/race-results.yml"], False)

    # k04 Senna vs Prost qualifying 1988
    def qh(y, a, b, key):
        wa = wb = 0
        for r in DONE:
            if r["year"] != y:
                continue
            pa = [x["position"] for x in r[key] if x["driverId"] == a]
            pb = [x["position"] for x in r[key] if x["driverId"] == b]
            if pa and pb and is_int(pa[0]) and is_int(pb[0]):
                if pa[0] < pb[0]:
                    wa += 1
                else:
                    wb += 1
        return wa, wb
    sq = qh(1988, "ayrton-senna", "alain-prost", "quali")
    sg = qh(1988, "ayrton-senna", "alain-prost", "grid")
    check(sq == sg, "88 h2h")
    add(G, "qualifying_h2h", "senna vs prost in qualifying 1988, what was the head to head?",
        names("ayrton-senna"), f"1988 McLaren team-mates: {dn('ayrton-senna')} qualified ahead of {dn('alain-prost')} {sq[0]} times, "
        f"Prost ahead {sq[1]} times (all 16 rounds, qualifying-results positions; the starting grid gives the same {sg[0]}-{sg[1]}). "
        f"Two numbers are required.", ["seasons/1988/races/*/qualifying-results.yml", "seasons/1988/races/*/starting-grid-positions.yml"],
        accept_all=[str(sq[0]), str(sq[1])])

    # k05 Peterson vs Rindt poles
    pa, pb = len(poles_of("ronnie-peterson")), len(poles_of("jochen-rindt"))
    check(pa == len(poles_of("ronnie-peterson", grid=True)) and pb == len(poles_of("jochen-rindt", grid=True)), "poles grid")
    two("ronnie-peterson", "jochen-rindt", pa, pb, "career pole positions (qualifying P1; grid P1 the same)",
        "ronnie peterson or jochen rindt - who had more poles?", ["seasons/*/races/*/qualifying-results.yml"], False)

    # k06 Berger vs Patrese podiums (margin)
    two("gerhard-berger", "riccardo-patrese", len(podiums_of("gerhard-berger")), len(podiums_of("riccardo-patrese")),
        "Grand Prix podiums", "Gerhard Berger vs Riccardo Patrese on career podiums: who has more, and how many more?",
        ["seasons/*/races/*/race-results.yml"], True)

    # k07 Graham Hill vs Prost Monaco wins
    mr = by_gp("monaco")
    two("graham-hill", "alain-prost", len(wins_of("graham-hill", mr)), len(wins_of("alain-prost", mr)), "Monaco Grand Prix wins",
        "Did Graham Hill or Alain Prost win Monaco more often?", ["seasons/*/races/*-monaco/race-results.yml"], False,
        f" Ayrton Senna holds the record with {len(wins_of('ayrton-senna', mr))}.")

    # k08 McLaren vs Williams wins
    cm = sum(1 for r in DONE for x in pos(r, 1) if x["constructorId"] == "mclaren")
    cw = sum(1 for r in DONE for x in pos(r, 1) if x["constructorId"] == "williams")
    two("mclaren", "williams", cm, cw, "Grand Prix wins as constructor (to the 2026 Hungarian GP)",
        "how many more wins does mclaren have than williams all time", ["seasons/*/races/*/race-results.yml"], True)

    # k09 Piquet vs Mansell wins 1987
    rs = [r for r in DONE if r["year"] == 1987]
    two("nelson-piquet", "nigel-mansell", len(wins_of("nelson-piquet", rs)), len(wins_of("nigel-mansell", rs)), "race wins in 1987",
        "Piquet won the 87 title, but who won more races that year, him or Mansell?", ["seasons/1987/races/*/race-results.yml"], False,
        f" Piquet still won the title ({fmt_pts(standing(1987, 'nelson-piquet')['points'])} vs "
        f"{fmt_pts(standing(1987, 'nigel-mansell')['points'])} points).")

    # k10 Hamilton vs Leclerc 2026 points
    a, b = standing(2026, "lewis-hamilton"), standing(2026, "charles-leclerc")
    two("lewis-hamilton", "charles-leclerc", a["points"], b["points"],
        f"points in 2026 so far (standings after round {LAST['round']}, {gpname(LAST)})",
        "is lewis ahead of charles in the standings this year? by how many points", ["seasons/2026/driver-standings.yml"], True)

    # k11 Alesi vs Berger 1995 (margin)
    a, b = standing(1995, "jean-alesi"), standing(1995, "gerhard-berger")
    two("jean-alesi", "gerhard-berger", a["points"], b["points"], "points in 1995 (Ferrari team-mates)",
        "Alesi and Berger were Ferrari team-mates in 1995: points gap between them, and who came out on top?", ["seasons/1995/driver-standings.yml"], True)

    # k12 Raikkonen vs Alonso fastest laps
    two("kimi-raikkonen", "fernando-alonso", len(fl_of("kimi-raikkonen")), len(fl_of("fernando-alonso")),
        "career fastest laps (fastest-laps.yml P1)", "Who set more fastest laps in their career: Räikkönen or Alonso?",
        ["seasons/*/races/*/fastest-laps.yml"], False)


def files_in(r):
    return sorted(os.listdir(f"{DATA}/{r['path']}"))


def build_unavailable():
    G = "unavailable"

    def unrun(q, r, extra=""):
        fs = files_in(r)
        check(r["results"] is None, f"{r['path']} has results")
        add(G, "no_result_yet", q, [], f"The {gpname(r)} (round {r['round']}, scheduled {r['date']}) has no race result in the data "
            f"(files: {', '.join(fs)}). The last race with results is the {rd(LAST)}. The reply must not invent a winner.{extra}",
            [f"{r['path']}/"], unavailable=True)

    r = race(2026, "netherlands")
    unrun("dutch grand prix 2026 result please", r, " Only FP1 and sprint-qualifying data exist for this round; a sprint-qualifying top "
          "spot is not a race result.")
    r = race(2026, rnd=14)
    check(r["circuitId"] == "madring", "madring")
    unrun("Who won the first ever race at the new Madrid track, Madring?", r,
          " Madring has never held a race with results in the data.")
    r = race(2026, "abu-dhabi")
    check(r["date"] > TODAY, "abu dhabi future")
    unrun("what was the result of this year's abu dhabi gp", r, f" It is scheduled after today ({TODAY}), so it has not happened.")
    r = race(2026, "las-vegas")
    unrun("las vegas last month, who won??", r, " 'Last month' = November 2026.")

    # race not held
    check(not any(r["year"] == 2023 and r["grandPrixId"] == "emilia-romagna" for r in RACES), "imola 2023")
    add(G, "not_held", "Emilia Romagna GP 2023 - winner?", [],
        "There was no 2023 Emilia Romagna Grand Prix in the data: seasons/2023/races has no Emilia Romagna/Imola round "
        f"(the event was cancelled). 2023 had {sum(1 for r in DONE if r['year'] == 2023)} races. The reply must say it was not held.",
        ["seasons/2023/races/"], unavailable=True)

    # driver who never started
    d = "colton-herta"
    rr = [r for r in DONE if any(x["driverId"] == d for x in r["results"])]
    check(not rr, "herta raced")
    fp = [r for r in RACES if r.get("path") and os.path.exists(f"{DATA}/{r['path']}/free-practice-1-results.yml")
          and d in open(f"{DATA}/{r['path']}/free-practice-1-results.yml").read()]
    add(G, "never_raced", "how did colton herta get on in his f1 races?", [],
        f"{dn(d)} has never started (or entered) a Grand Prix in the data: no race-results row. He appears only as a test/reserve "
        f"driver in the 2026 entrants and in FP1 at " + ", ".join(gpname(r) for r in fp) + ". The reply must say he has no race results.",
        [f"drivers/{d}.yml", "seasons/2026/entrants.yml"] + [f"{r['path']}/free-practice-1-results.yml" for r in fp], unavailable=True)

    # statistics not stored
    r = race(1988, "monaco")
    add(G, "not_stored", "what was senna's top speed at monaco in 1988?", [],
        "f1db stores no speed-trap or top-speed data. Nearby facts that are in the data: Senna started from pole and retired "
        "after 66 laps (race-results: DNF, reasonRetired Accident). The reply must say top speeds are not available.",
        [rp(r), rp(r, "qualifying-results")], unavailable=True)

    r = race(2026, "hungary")
    x = [x for x in r["quali"] if x["driverId"] == "charles-leclerc"][0]
    add(G, "not_stored", "give me leclerc's sector times from qualifying in hungary this year", [],
        f"f1db has no sector times. It stores only Q1/Q2/Q3 lap times: Leclerc qualified P{x['position']} with Q3 {x['q3']} "
        "at the 2026 Hungarian GP. The reply must say sector times are not in the data.",
        [rp(r, "qualifying-results")], unavailable=True)

    r = race(1976, "japan")
    x = [x for x in r["results"] if x["driverId"] == "james-hunt"][0]
    add(G, "not_stored", "What tyre compound did James Hunt start the 1976 Japanese GP on?", [],
        f"f1db records only the tyre manufacturer ({x['tyreManufacturerId']}) for Hunt's McLaren at Fuji in 1976, not compounds or "
        f"tyre strategy. Hunt finished P{x['position']}. The reply must say the compound is not available.",
        [rp(r)], unavailable=True)

    r = race(2026, "belgium")
    x = [x for x in r["results"] if x["driverId"] == "isack-hadjar"][0]
    add(G, "not_stored", "Hadjar came from way back at Spa this year - how many cars did he overtake?", [],
        f"f1db does not count overtakes. It has only start and finish: {dn('isack-hadjar')} started {ordinal(x['gridPosition'])} "
        f"and finished {ordinal(x['position'])} at the 2026 Belgian GP. A places-gained figure is not an overtake count.",
        [rp(r)], unavailable=True)

    add(G, "not_stored", "how many laps did senna lead in 1991", [],
        "f1db does not store laps led (no lap-by-lap positions). In the data Senna won "
        f"{sum(1 for r in DONE if r['year'] == 1991 and 'ayrton-senna' in winner(r))} races in 1991 and took the title, "
        "but no lap-leader count can be given.", ["seasons/1991/races/*/race-results.yml"], unavailable=True)

    r = race(2026, "monaco")
    x = [x for x in r["results"] if x["driverId"] == "fernando-alonso"][0]
    add(G, "not_stored", "what did alonso say on team radio during the monaco gp this year", [],
        f"Team radio is not in f1db. In the data Alonso finished P{x['position']} at the 2026 Monaco GP. "
        "The reply must say radio messages are not available.", [rp(r)], unavailable=True)


def titles(d):
    return [y for y in range(1950, 2026) if d in champion(y)]


def ctitles(c):
    return [y for y in range(1958, 2026) if c in champion(y, "constructor-standings")]


def first_start(d):
    for r in DONE:
        for x in r["results"]:
            if x["driverId"] == d and started(x):
                return r, x


def build_career():
    G = "career_history"
    # h01 Brabham titles
    t = titles("jack-brabham")
    add(G, "title_years", "Which years was Jack Brabham world champion?", [str(t[0])],
        f"{dn('jack-brabham')} won the drivers' title {len(t)} times: {', '.join(map(str, t))} "
        f"(the first two with Cooper, the last in his own Brabham). All years are required.",
        [f"seasons/{y}/driver-standings.yml" for y in t], accept_all=[str(y) for y in t])

    # h02 Alboreto first win
    w = wins_of("michele-alboreto")
    r = w[0]
    add(G, "first_win", "where did michele alboreto take his first grand prix win?",
        race_refs(r, ["Caesars Palace"]), f"{dn('michele-alboreto')}'s first win was the {rd(r)} in the Caesars Palace car park, "
        f"Las Vegas, for Tyrrell. He won {len(w)} GPs in all.", [rp(r)])

    # h03 Peterson last win
    w = wins_of("ronnie-peterson")
    r = w[-1]
    add(G, "last_win", "Ronnie Peterson - which race was his last win?",
        race_refs(r, ["Austria 1978", "1978 Austria", "Osterreichring 1978", "Österreichring 1978"]),
        f"{dn('ronnie-peterson')}'s last win (of {len(w)}) was the {rd(r)} for Lotus. (He had also won the "
        f"{', '.join(gpname(x) for x in w if x['grandPrixId'] == 'austria' and x is not r)}.)", [rp(r)])

    # h04 Alesi debut
    r, x = first_start("jean-alesi")
    add(G, "debut", "At which race did Jean Alesi make his F1 debut?",
        race_refs(r, ["France 1989", "Paul Ricard 1989"]), f"{dn('jean-alesi')} debuted at the {rd(r)} at Paul Ricard for "
        f"{cn(x['constructorId'])} and finished {ordinal(x['position'])}.", [rp(r)])

    # h05 Benetton first constructors' title
    t = ctitles("benetton")
    add(G, "first_constructors_title", "When did Benetton win its first constructors' championship?", [str(t[0])],
        f"Benetton's first (and only) constructors' title came in {t[0]} ({fmt_pts(standing(t[0], cid='benetton')['points'])} points).",
        [f"seasons/{t[0]}/constructor-standings.yml", "seasons/*/constructor-standings.yml"])

    # h06 first Japanese podium
    jp = [(r, x) for r in DONE for x in r["results"] if x["position"] in (1, 2, 3)
          and DRV[x["driverId"]]["nationalityCountryId"] == "japan"]
    r, x = jp[0]
    add(G, "first_nationality", "who was the first japanese driver to get on an f1 podium",
        names(x["driverId"], {k for k, v in DRV.items() if v["nationalityCountryId"] == "japan"}),
        f"{dn(x['driverId'])}, P{x['position']} at the {rd(r)} ({cn(x['constructorId'])}). Later Japanese podiums: "
        + ", ".join(f"{dn(y['driverId'])} ({gpname(q)})" for q, y in jp[1:]) + ".", [rp(r), "drivers/*.yml"])

    # h07 Jordan first win
    jw = [(r, x) for r in DONE for x in pos(r, 1) if x["constructorId"] == "jordan"]
    r, x = jw[0]
    add(G, "team_first_win", "Who gave Jordan their first ever win?",
        names(x["driverId"]), f"{dn(x['driverId'])} won the {rd(r)} for Jordan, the team's first win "
        f"(Jordan won {len(jw)} races in all). The surname alone is not accepted (Graham and Phil Hill also won races).",
        [rp(r), "seasons/*/races/*/race-results.yml"])

    # h08 Brabham team last win
    bw = [(r, x) for r in DONE for x in pos(r, 1) if x["constructorId"] == "brabham"]
    r, x = bw[-1]
    add(G, "team_last_win", "when did the brabham team last win a race?",
        race_refs(r, ["France 1985", "Paul Ricard 1985"]), f"The Brabham team's last win was the {rd(r)} at Paul Ricard, "
        f"by {dn(x['driverId'])} (Brabham-{ENG[x['engineManufacturerId']]['name']}).", [rp(r)])

    # h09 Laffite poles
    d = "jacques-laffite"
    pq, pg = poles_of(d), poles_of(d, grid=True)
    check(len(pq) == len(pg), "laffite")
    add(G, "career_total", "Jacques Laffite career poles - what's the number?",
        [str(len(pq))], f"{dn(d)}: {len(pq)} poles (qualifying P1; grid P1 the same), from the {gpname(pq[0])} to the {gpname(pq[-1])}.",
        ["seasons/*/races/*/qualifying-results.yml"])

    # h10 Button's age at his title
    d = "jenson-button"
    check(titles(d) == [2009], "button")
    clinch = race(2009, "brazil")
    final = [r for r in DONE if r["year"] == 2009][-1]
    a1, a2 = age_yd(d, clinch["date"]), age_yd(d, final["date"])
    check(a1[0] == a2[0], "button age")
    add(G, "age", "How old was Jenson Button when he won the world championship?", [str(a1[0])],
        f"{dn(d)} (born {DRV[d]['dateOfBirth']}) clinched the 2009 title at the {rd(clinch)} aged {a1[0]} years {a1[1]} days; "
        f"at the season finale ({gpname(final)}, {final['date']}) he was still {a2[0]}.",
        [f"drivers/{d}.yml", "seasons/2009/driver-standings.yml"])

    # h11 Frentzen's winning teams
    d = "heinz-harald-frentzen"
    c = Counter(x["constructorId"] for r in wins_of(d) for x in pos(r, 1))
    cs = sorted(c)
    add(G, "win_teams", "Frentzen won races for which teams?", [cn(cs[0])],
        f"{dn(d)} won {sum(c.values())} GPs: " + ", ".join(f"{cn(k)} {v}" for k, v in c.most_common()) + " ("
        + "; ".join(gpname(r) for r in wins_of(d)) + "). Both teams are required.",
        ["seasons/*/races/*/race-results.yml"], accept_all=[cn(k) for k in cs])

    # h12 Graham Hill second title
    t = titles("graham-hill")
    add(G, "title_years", "What year did Graham Hill win his second world title?", [str(t[1])],
        f"{dn('graham-hill')} won the title in {t[0]} (BRM) and {t[1]} (Lotus); the second was {t[1]}.",
        [f"seasons/{y}/driver-standings.yml" for y in t])


def build_multi():
    G = "multi_part"
    # m01 Monaco 1982 winner + pole
    r = race(1982, "monaco")
    w, p = winner(r)[0], pole(r)[0]
    check(gridp1(r) == [p], "monaco82")
    f = field(r)
    add(G, "winner_and_pole", "Who won the 1982 Monaco Grand Prix and who started on pole?", names(w, f),
        f"{rd(r)}: won by {dn(w)} (Brabham); pole {dn(p)} (Renault). Both names are required.",
        [rp(r), rp(r, "qualifying-results")], accept_all=[key_name(w, f), key_name(p, f)])

    # m02 Senna 1988 wins and poles
    rs = [r for r in DONE if r["year"] == 1988]
    nw, npq = len(wins_of("ayrton-senna", rs)), len(poles_of("ayrton-senna", rs))
    check(npq == len(poles_of("ayrton-senna", rs, grid=True)), "senna88")
    add(G, "two_numbers", "how many wins and how many poles did senna have in 1988", [str(nw)],
        f"1988 ({len(rs)} races): {dn('ayrton-senna')} won {nw} races and took {npq} poles (qualifying P1 = grid P1). Both numbers required.",
        ["seasons/1988/races/*/race-results.yml", "seasons/1988/races/*/qualifying-results.yml"], accept_all=[str(nw), str(npq)])

    # m03 1982 champion and points
    st = SEAS[1982]["driver-standings"]
    d = st[0]["driverId"]
    sf = season_field(1982)
    add(G, "champion_and_points", "Tell me the 1982 world champion and the points total he finished with", names(d, sf),
        f"1982 champion: {dn(d)} with {fmt_pts(st[0]['points'])} points, ahead of {dn(st[1]['driverId'])} "
        f"({fmt_pts(st[1]['points'])}); he won only {len(wins_of(d, [r for r in DONE if r['year'] == 1982]))} race that year.",
        ["seasons/1982/driver-standings.yml"], accept_all=[fmt_pts(st[0]["points"])])

    # m04 British GP 2026 winner + Norris
    r = race(2026, "great-britain")
    w = winner(r)[0]
    n = [x["position"] for x in r["results"] if x["driverId"] == "lando-norris"][0]
    f = field(r)
    add(G, "winner_and_position", "who won at silverstone this year and where did lando finish", names(w, f),
        f"2026 British Grand Prix ({r['date']}): won by {dn(w)}; Lando Norris finished {ordinal(n)} (P{n}).",
        [rp(r)], accept_all=[key_name(w, f), str(n)])

    # m05 1961 champion and team
    st = SEAS[1961]["driver-standings"]
    d = st[0]["driverId"]
    teams = Counter(x["constructorId"] for r in DONE if r["year"] == 1961 for x in r["results"] if x["driverId"] == d)
    check(len(teams) == 1, "1961")
    t = list(teams)[0]
    sf = season_field(1961)
    add(G, "champion_and_team", "1961 world champion - who, and what team was he driving for?", names(d, sf),
        f"1961 champion: {dn(d)} ({fmt_pts(st[0]['points'])} points) driving for {cn(t)}; runner-up {dn(st[1]['driverId'])} "
        f"({fmt_pts(st[1]['points'])}). The surname alone is not accepted (Graham Hill also raced in 1961).",
        ["seasons/1961/driver-standings.yml", "seasons/1961/races/*/race-results.yml"], accept_all=[cn(t)])

    # m06 2009 both titles
    dch, cch = champion(2009)[0], champion(2009, "constructor-standings")[0]
    sf = season_field(2009)
    add(G, "both_titles", "In 2009, who won the drivers' title and which team took the constructors'?", names(dch, sf),
        f"2009: drivers' champion {dn(dch)}, constructors' champion {cn(cch)} ({CON[cch]['fullName']}), in its only season.",
        ["seasons/2009/driver-standings.yml", "seasons/2009/constructor-standings.yml"], accept_all=[key_name(dch, sf), cn(cch)])

    # m07 1985 Australian GP venue + winner
    r = race(1985, "australia")
    w = winner(r)[0]
    f = field(r)
    add(G, "venue_and_winner", "Where was the 1985 Australian GP held and who won it?", [CIR[r["circuitId"]]["name"]],
        f"{rd(r)}, the first Australian GP in the championship, was held at {CIR[r['circuitId']]['fullName']} "
        f"({CIR[r['circuitId']]['name']}); won by {dn(w)} (Williams-Honda).", [rp(r), f"circuits/{r['circuitId']}.yml"],
        accept_all=[CIR[r["circuitId"]]["name"], key_name(w, f)])

    # m08 2021 rounds + Verstappen wins
    rs = [r for r in DONE if r["year"] == 2021]
    nv = len(wins_of("max-verstappen", rs))
    add(G, "two_numbers", "2021 season: number of rounds, and Max's win count?", [str(len(rs))],
        f"The 2021 season had {len(rs)} Grands Prix; {dn('max-verstappen')} won {nv} of them (sprints not counted).",
        ["seasons/2021/races/*/race-results.yml"], accept_all=[str(len(rs)), str(nv)])

    # m09 Williams 1992 wins + Patrese
    rs = [r for r in DONE if r["year"] == 1992]
    ww = [r for r in rs for x in pos(r, 1) if x["constructorId"] == "williams"]
    pw = wins_of("riccardo-patrese", rs)
    add(G, "two_numbers", "In 1992, how many races did Williams win, and how many of those were Patrese's?", [str(len(ww))],
        f"Williams-Renault won {len(ww)} of the {len(rs)} races in 1992: Mansell "
        f"{len(wins_of('nigel-mansell', rs))} and Patrese {len(pw)} ({', '.join(gpname(r) for r in pw)}). Both numbers required.",
        ["seasons/1992/races/*/race-results.yml"], accept_all=[str(len(ww)), str(len(pw))])

    # m10 1958 drivers' champion + first constructors' champion
    d, c = champion(1958)[0], champion(1958, "constructor-standings")[0]
    sf = season_field(1958)
    add(G, "both_titles", "1958: who was drivers' champion, and who won the very first constructors' championship?", names(d, sf),
        f"1958: drivers' champion {dn(d)} ({fmt_pts(standing(1958, d)['points'])} points, ahead of "
        f"{dn(SEAS[1958]['driver-standings'][1]['driverId'])} with {fmt_pts(SEAS[1958]['driver-standings'][1]['points'])}); "
        f"the first constructors' championship went to {cn(c)}.", ["seasons/1958/driver-standings.yml", "seasons/1958/constructor-standings.yml"],
        accept_all=[key_name(d, sf), cn(c)])


# ---------------------------------------------------------------- main

WANT = {"aggregate": 22, "relational": 16, "colloquial": 16, "comparative": 12, "unavailable": 12,
        "career_history": 12, "multi_part": 10}
FIELD_ORDER = ["id", "category", "group", "question", "accept", "accept_all", "expect_unavailable", "answer_note", "source"]
SEED = 20261203


def main():
    build_aggregate()
    build_relational()
    build_colloquial()
    build_comparative()
    build_unavailable()
    build_career()
    build_multi()
    counts = Counter(q["group"] for q in Q)
    check(dict(counts) == WANT, f"group counts {dict(counts)}")
    check(len({q["question"] for q in Q}) == len(Q), "duplicate question")
    recs = list(Q)
    random.Random(SEED).shuffle(recs)
    out = []
    for i, q in enumerate(recs, 1):
        q["id"] = f"fbc-{i:03d}"
        out.append({k: q[k] for k in FIELD_ORDER if k in q})
    # self-check: every answerable record's own answer_note passes rules 1-3
    fails = [q["id"] for q in out if not q["expect_unavailable"] and not grade(q, q["answer_note"])]
    bad_un = [q["id"] for q in out if q["expect_unavailable"] and (q["accept"] or q.get("accept_all"))]
    with open(OUT, "w") as fh:
        for q in out:
            fh.write(json.dumps(q, ensure_ascii=False) + "\n")
    print("wrote", OUT, len(out))
    print("groups", dict(sorted(counts.items())))
    print("accept_all records", sum(1 for q in out if q.get("accept_all")),
          "unavailable", sum(1 for q in out if q["expect_unavailable"]))
    print("self-check:", "PASS" if not fails and not bad_un else f"FAIL {fails} {bad_un}")
    return 0 if not fails and not bad_un else 1


if __name__ == "__main__":
    sys.exit(main())
