#!/usr/bin/env python3
"""Build the held-out fan-style F1 QA set P (eval/fan-qa-blind-p.jsonl) from the f1db YAML.

Self-contained: loads the YAML itself (PyYAML, CSafeLoader when available). Every answer is computed here;
only question parameters and wording are chosen by hand. Deterministic output (fixed shuffle seed 20261209).

Env: F1DB=<path to f1db src/data>, BP_CACHE=<pickle path> (default /tmp/p.pkl; empty disables the cache).
Usage: python3 eval/tools/build_blind_p.py [-v]
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

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.environ.get("F1DB", "/work/shared/data/f1db/src/data")
CACHE = os.environ.get("BP_CACHE", "/tmp/p.pkl")
OUT = os.path.join(ROOT, "eval", "fan-qa-blind-p.jsonl")
SEED = 20261209
TODAY = date(2026, 12, 4)
CUT_Y, CUT_R = 2026, 11
VERBOSE = "-v" in sys.argv

TARGETS = [("aggregate", 25), ("colloquial", 22), ("relational", 20), ("career_history", 15),
           ("comparative", 13), ("multi_part", 13), ("unavailable", 12)]
NONSTART = {"DNQ", "DNPQ", "DNS", "DNP", "EX"}
RESULT_FILES = {"res": "race-results.yml", "q": "qualifying-results.yml", "grid": "starting-grid-positions.yml",
                "fl": "fastest-laps.yml", "spr": "sprint-race-results.yml", "dotd": "driver-of-the-day-results.yml",
                "sq": "sprint-qualifying-results.yml", "sgrid": "sprint-starting-grid-positions.yml"}


def yload(p):
    with open(p, encoding="utf-8") as f:
        return yaml.load(f, Loader=Loader)


def tree_sig():
    n, m = 0, 0.0
    for dp, _, fs in os.walk(DATA):
        for f in fs:
            n += 1
            m = max(m, os.path.getmtime(os.path.join(dp, f)))
    return (n, m)


def load():
    sig = tree_sig()
    if CACHE and os.path.exists(CACHE):
        try:
            with open(CACHE, "rb") as f:
                c = pickle.load(f)
            if c.get("sig") == sig:
                return c
        except Exception:
            pass
    D = {"sig": sig}
    for kind in ("drivers", "constructors", "grands-prix", "circuits", "engine-manufacturers"):
        D[kind] = {}
        for p in sorted(glob.glob(os.path.join(DATA, kind, "*.yml"))):
            o = yload(p)
            D[kind][o["id"]] = o
    races = []
    ds, cs, ent = {}, {}, {}
    for sdir in sorted(glob.glob(os.path.join(DATA, "seasons", "*"))):
        y = int(os.path.basename(sdir))
        p = os.path.join(sdir, "driver-standings.yml")
        ds[y] = yload(p) if os.path.exists(p) else []
        p = os.path.join(sdir, "constructor-standings.yml")
        cs[y] = yload(p) if os.path.exists(p) else []
        p = os.path.join(sdir, "entrants.yml")
        ent[y] = yload(p) if os.path.exists(p) else []
        for rdir in sorted(glob.glob(os.path.join(sdir, "races", "*"))):
            slug = os.path.basename(rdir)
            r = yload(os.path.join(rdir, "race.yml"))
            rec = {"y": y, "rnd": r["round"], "slug": slug, "race": r, "date": str(r["date"]),
                   "gp": r["grandPrixId"], "circuit": r["circuitId"],
                   "path": "seasons/%d/races/%s" % (y, slug)}
            for k, fn in RESULT_FILES.items():
                p = os.path.join(rdir, fn)
                rec[k] = (yload(p) or []) if os.path.exists(p) else None
            rec["files"] = sorted(os.listdir(rdir))
            rp = os.path.join(rdir, "driver-standings.yml")
            rec["ds_after"] = yload(rp) if os.path.exists(rp) else None
            races.append(rec)
    races.sort(key=lambda r: (r["y"], r["rnd"]))
    D.update(races=races, ds=ds, cs=cs, ent=ent)
    if CACHE:
        with open(CACHE + ".tmp", "wb") as f:
            pickle.dump(D, f, protocol=4)
        os.replace(CACHE + ".tmp", CACHE)
    return D


D = load()
RACES = D["races"]
DRV, CON, GPS, CIR, ENG = D["drivers"], D["constructors"], D["grands-prix"], D["circuits"], D["engine-manufacturers"]


class Drop(Exception):
    pass


def need(cond, why):
    if not cond:
        raise Drop(why)


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def norm(s):
    return fold(s).lower()


def matches(reply, s):
    r, s = norm(reply), norm(s)
    if re.fullmatch(r"\d+", s):
        return re.search(r"(?<![\d.])" + re.escape(s) + r"(?![\d]|\.\d)", r) is not None
    return s in r


def grade(reply, accept, accept_all):
    return any(matches(reply, a) for a in accept) and all(matches(reply, a) for a in (accept_all or []))


# ---------------------------------------------------------------- basic data views
def ipos(row):
    p = row.get("position")
    return p if isinstance(p, int) else None


def is_start(row):
    return str(row.get("position")) not in NONSTART


def done_races():
    return [r for r in RACES if r["res"]]


DONE = done_races()


def race(y, slug_part):
    c = [r for r in RACES if r["y"] == y and (r["slug"].endswith("-" + slug_part) or r["gp"] == slug_part)]
    need(len(c) == 1, "race %d %s not unique" % (y, slug_part))
    return c[0]


def at(rows, p):
    c = [x for x in rows if ipos(x) == p]
    need(len(c) == 1, "position %s not unique" % p)
    return c[0]


def pole(r):
    q = at(r["q"], 1)["driverId"]
    g = at(r["grid"], 1)["driverId"]
    need(q == g, "pole q %s grid %s at %s" % (q, g, r["path"]))
    return q


def strict_top(counter, what):
    items = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    need(items, "empty " + what)
    need(len(items) == 1 or items[0][1] > items[1][1], "tie at top: %s %s" % (what, items[:3]))
    return items


def per_race_set(races, key, pred, field="driverId"):
    """Counter of field over races (each counted once per race) for rows in result list `key` satisfying pred."""
    c = Counter()
    for r in races:
        seen = set()
        for x in r[key] or []:
            if pred(x) and x[field] not in seen:
                seen.add(x[field])
                c[x[field]] += 1
    return c


def wins_c(races, field="driverId"):
    return per_race_set(races, "res", lambda x: ipos(x) == 1, field)


def pod_c(races, field="driverId"):
    return per_race_set(races, "res", lambda x: ipos(x) is not None and ipos(x) <= 3, field)


def starts_c(races, field="driverId"):
    return per_race_set(races, "res", is_start, field)


def poles_c(races, key="q", field="driverId"):
    return per_race_set(races, key, lambda x: ipos(x) == 1, field)


def fl_c(races, field="driverId"):
    return per_race_set(races, "fl", lambda x: ipos(x) == 1, field)


def poles_checked(races, field="driverId"):
    a, b = poles_c(races, "q", field), poles_c(races, "grid", field)
    return a, b


def year_races(y):
    return [r for r in DONE if r["y"] == y]


def decade(y0):
    return [r for r in DONE if y0 <= r["y"] <= y0 + 9]


def age_on(did, d):
    b = DRV[did]["dateOfBirth"]
    b = b if isinstance(b, date) else date.fromisoformat(str(b))
    d = date.fromisoformat(d)
    yrs = d.year - b.year - ((d.month, d.day) < (b.month, b.day))
    last = date(b.year + yrs, b.month, b.day if not (b.month == 2 and b.day == 29) else 28)
    return yrs, (d - last).days


def standings(y, kind="d"):
    return D["ds"][y] if kind == "d" else D["cs"][y]


def st_at(y, p, kind="d"):
    rows = [x for x in standings(y, kind) if x.get("position") == p]
    need(len(rows) == 1, "standings %d P%d not unique" % (y, p))
    return rows[0]


def st_of(y, ident, kind="d"):
    f = "driverId" if kind == "d" else "constructorId"
    rows = [x for x in standings(y, kind) if x.get(f) == ident]
    need(len(rows) == 1, "standing of %s" % ident)
    return rows[0]


def fmtnum(v):
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v)


# ---------------------------------------------------------------- names and accept strings
ALIASES = {"michael-schumacher": ["Schumi"], "sergio-perez": ["Checo"], "nelson-piquet": ["Nelson Piquet Sr"],
           "alexander-albon": ["Alex Albon"], "kimi-antonelli": ["Andrea Kimi Antonelli"],
           "carlos-sainz-jr": ["Carlos Sainz"]}
ALL_WINNERS = sorted(wins_c(DONE))


def surname(did):
    return DRV[did]["lastName"]


def dname(did):
    return DRV[did]["name"]


def names(did, scope):
    d = DRV[did]
    out = [d["name"], fold(d["name"])]
    fl = (d["firstName"] + " " + d["lastName"]).replace(" Jr.", "")
    out += [fl, fold(fl)]
    out += ALIASES.get(did, [])
    sc = set(scope) | {did}
    if sum(1 for o in sc if norm(DRV[o]["lastName"]) == norm(d["lastName"])) == 1:
        out += [d["lastName"], fold(d["lastName"])]
    return uniq(out)


def key_name(did, scope):
    """The string used in accept_all: surname when unique in scope, else full name."""
    sc = set(scope) | {did}
    if sum(1 for o in sc if norm(DRV[o]["lastName"]) == norm(DRV[did]["lastName"])) == 1:
        return fold(DRV[did]["lastName"])
    return fold(DRV[did]["name"])


def uniq(xs):
    seen, out = set(), []
    for x in xs:
        if x and norm(x) not in seen:
            seen.add(norm(x))
            out.append(x)
    return out


def cnames(cid):
    c = CON[cid]
    return uniq([c["name"], fold(c["name"]), c.get("fullName") or "", fold(c.get("fullName") or "")])


def enames(eid):
    e = ENG[eid]
    out = [e["name"], fold(e["name"])]
    if eid == "ford":
        out.append("Cosworth")
    if eid == "mugen-honda":
        out += ["Mugen Honda", "Mugen"]
    return uniq(out)


def ordinal(n):
    w = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth",
         9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth", 13: "thirteenth", 14: "fourteenth",
         15: "fifteenth", 16: "sixteenth", 17: "seventeenth", 18: "eighteenth", 19: "nineteenth", 20: "twentieth"}
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return ["P%d" % n, "%d%s" % (n, suf)] + ([w[n]] if n in w else [])


def field_of(races):
    return sorted({x["driverId"] for r in races for x in (r["res"] or [])})


def rname(r):
    return "%d %s" % (r["y"], GPS[r["gp"]]["fullName"])


def venue_accept(r):
    gp, ci = GPS[r["gp"]], CIR[r["circuit"]]
    cand = [gp["fullName"], gp.get("shortName") or "", gp["name"], ci["name"], ci.get("fullName") or "",
            ci.get("placeName") or ""]
    for pn in (ci.get("previousNames") or []):
        cand.append(pn)
    cand = [c for c in cand if c and len(c) >= 4]
    others = []
    for o in RACES:
        if o["y"] == r["y"] and o is not r:
            g2, c2 = GPS[o["gp"]], CIR[o["circuit"]]
            others += [g2["fullName"], g2.get("shortName") or "", g2["name"], c2["name"], c2.get("fullName") or ""]
    others += [d["name"] for d in DRV.values()]
    safe = [c for c in cand if not any(norm(c) in norm(o) for o in others if o)]
    need(safe, "no safe venue string")
    return uniq(safe + [fold(s) for s in safe])


def src_res(rs, fn="race-results.yml"):
    return [r["path"] + "/" + fn for r in rs]


CUTOFF_TXT = "data cutoff: 2026 Hungarian Grand Prix, round 11, 2026-07-26"
NOSPR = "Grand Prix races only, sprints not counted"


# ---------------------------------------------------------------- cutoff assertions
def check_cutoff():
    s26 = [r for r in RACES if r["y"] == 2026]
    last = max((r for r in RACES if r["res"] or r["spr"]), key=lambda r: (r["y"], r["rnd"]))
    assert (last["y"], last["rnd"], last["gp"]) == (2026, 11, "hungary"), last["path"]
    assert all(r["res"] for r in s26 if r["rnd"] <= 11)
    assert not any(r["res"] or r["spr"] for r in s26 if r["rnd"] > 11)
    assert last["date"] == "2026-07-26"
    assert [(x["driverId"], x["points"]) for x in D["ds"][2026]] == \
        [(x["driverId"], x["points"]) for x in last["ds_after"]]
    return last


LAST = check_cutoff()

# ---------------------------------------------------------------- candidate registry
CANDS = []


def cand(group, category):
    def deco(f):
        CANDS.append((group, category, f))
        return f
    return deco


def rec(question, accept, note, source, accept_all=None, unavailable=False):
    return {"question": question, "accept": accept, "accept_all": accept_all, "expect_unavailable": unavailable,
            "answer_note": note, "source": source}


def fmt_top(items, n=3, namef=dname):
    return ", ".join("%s %s" % (namef(k), v) for k, v in items[1:n + 1])


def retired(group, category):
    """Candidates written but left out by hand because an earlier set covers the fact."""
    def deco(f):
        RETIRED.append(f.__name__)
        return f
    return deco


RETIRED = []


# ---- aggregate helpers
def agg_driver(question, races, counter, what, source, scope=None, extra="", pole=False):
    items = strict_top(counter, what)
    if pole:
        g = poles_c(races, "grid")
        gi = strict_top(g, what + " (grid)")
        need(gi[0] == items[0], "pole q/grid differ for %s: %s v %s" % (what, items[0], gi[0]))
    top, n = items[0]
    note = "%s: %s with %d%s; next: %s (%s)." % (what, dname(top), n, extra, fmt_top(items), CUTOFF_TXT)
    return rec(question, names(top, scope if scope is not None else ALL_WINNERS), note, source,
               accept_all=[str(n)] if "how many" in question.lower() else None)


def circuit_races(cid):
    return [r for r in DONE if r["circuit"] == cid]


@cand("aggregate", "circuit_poles")
def a_hung_poles():
    rs = circuit_races("hungaroring")
    return agg_driver("Who has taken the most pole positions at the Hungaroring?", rs, poles_c(rs),
                      "Most poles at the Hungaroring (qualifying P1, Grand Prix qualifying only, checked against grid P1)",
                      src_res(rs, "qualifying-results.yml"), pole=True)


@retired("aggregate", "circuit_wins")
def a_zeltweg():
    rs = circuit_races("zeltweg")
    return agg_driver("Which driver won the most championship races at the Österreichring / Red Bull Ring circuit in Spielberg?",
                      rs, wins_c(rs), "Most wins at the Spielberg circuit (circuitId zeltweg, " + NOSPR + ")",
                      src_res(rs))


@cand("aggregate", "decade_podiums")
def a_pod60():
    rs = decade(1960)
    return agg_driver("Who collected the most Grand Prix podiums during the 1960s?", rs, pod_c(rs),
                      "Most podiums 1960-1969 (P1-P3, " + NOSPR + ")", ["seasons/196*/races/*/race-results.yml"])


@retired("aggregate", "decade_poles")
def a_pole70():
    rs = decade(1970)
    return agg_driver("Which driver took the most poles in the 1970s?", rs, poles_c(rs),
                      "Most poles 1970-1979 (qualifying P1, checked against grid P1)",
                      ["seasons/197*/races/*/qualifying-results.yml"], pole=True)


@cand("aggregate", "decade_fastest_laps")
def a_fl90():
    rs = decade(1990)
    return agg_driver("Who set the most fastest laps in Grands Prix in the 1990s?", rs, fl_c(rs),
                      "Most fastest laps 1990-1999 (fastest-laps P1)", ["seasons/199*/races/*/fastest-laps.yml"])


@cand("aggregate", "decade_podiums")
def a_pod10():
    rs = decade(2010)
    return agg_driver("Across the 2010s, which driver stood on the podium most often?", rs, pod_c(rs),
                      "Most podiums 2010-2019 (P1-P3, " + NOSPR + ")", ["seasons/201*/races/*/race-results.yml"])


@retired("aggregate", "decade_wins")
def a_win90():
    rs = decade(1990)
    return agg_driver("Who won the most Grands Prix in the 1990s?", rs, wins_c(rs),
                      "Most wins 1990-1999 (" + NOSPR + ")", ["seasons/199*/races/*/race-results.yml"])


def team_races(cid):
    return [r for r in DONE if any(x["constructorId"] == cid for x in r["res"])]


def team_counter(cid, kind):
    rs = team_races(cid)
    pred = {"win": lambda x: ipos(x) == 1, "pod": lambda x: ipos(x) is not None and ipos(x) <= 3,
            "start": is_start}[kind]
    return rs, per_race_set(rs, "res", lambda x: x["constructorId"] == cid and pred(x))


@retired("aggregate", "team_top_winner")
def a_renault_winner():
    rs, c = team_counter("renault", "win")
    return agg_driver("Who won the most races driving for Renault (the constructor)?", rs, c,
                      "Most wins for the Renault constructor (" + NOSPR + ")", ["seasons/*/races/*/race-results.yml"])


@cand("aggregate", "team_poles")
def a_mclaren_poles():
    rs = team_races("mclaren")
    q = per_race_set(rs, "q", lambda x: x["constructorId"] == "mclaren" and ipos(x) == 1)
    g = per_race_set(rs, "grid", lambda x: x["constructorId"] == "mclaren" and ipos(x) == 1)
    qi, gi = strict_top(q, "mclaren poles"), strict_top(g, "mclaren grid")
    need(qi[0] == gi[0], "mclaren pole q/grid differ")
    top, n = qi[0]
    note = "Most poles for McLaren (qualifying P1, checked against grid P1): %s with %d; next: %s (%s)." % (
        dname(top), n, fmt_top(qi), CUTOFF_TXT)
    return rec("Which driver has the most pole positions in a McLaren?", names(top, ALL_WINNERS), note,
               ["seasons/*/races/*/qualifying-results.yml"])


@cand("aggregate", "team_podiums")
def a_benetton_pods():
    rs, c = team_counter("benetton", "pod")
    return agg_driver("Who scored the most podiums for Benetton?", rs, c,
                      "Most podiums for Benetton (P1-P3, " + NOSPR + ")", ["seasons/*/races/*/race-results.yml"])


@cand("aggregate", "team_starts")
def a_sauber_starts():
    rs, c = team_counter("sauber", "start")
    items = strict_top(c, "sauber starts")
    top, n = items[0]
    scope = list(c)
    note = "Most race starts for the Sauber constructor (race-results rows that are not DNQ/DNPQ/DNS/DNP/EX): %s with %d; next: %s (%s)." % (
        dname(top), n, fmt_top(items), CUTOFF_TXT)
    return rec("Who has started the most races for Sauber?", names(top, scope), note,
               ["seasons/*/races/*/race-results.yml"])


@cand("aggregate", "team_podiums")
def a_tyrrell_pods():
    rs, c = team_counter("tyrrell", "pod")
    return agg_driver("Which driver got the most podium finishes with Tyrrell?", rs, c,
                      "Most podiums for Tyrrell (P1-P3, " + NOSPR + ")", ["seasons/*/races/*/race-results.yml"])


@cand("aggregate", "team_top_winner")
def a_brawn():
    rs, c = team_counter("brawn", "win")
    return agg_driver("Who won the most races for Brawn GP?", rs, c, "Most wins for Brawn (" + NOSPR + ")",
                      ["seasons/2009/races/*/race-results.yml"])


def engine_counter(races, kind):
    c = Counter()
    for r in races:
        seen = set()
        for x in r[kind]:
            if ipos(x) == 1 and x["engineManufacturerId"] not in seen:
                seen.add(x["engineManufacturerId"])
                c[x["engineManufacturerId"]] += 1
    return c


@cand("aggregate", "engine_decade_wins")
def a_eng80():
    rs = decade(1980)
    items = strict_top(engine_counter(rs, "res"), "engine 1980s")
    top, n = items[0]
    note = "Engine maker with most wins 1980-1989 (%s): %s with %d; next: %s." % (
        NOSPR, ENG[top]["name"], n, ", ".join("%s %d" % (ENG[k]["name"], v) for k, v in items[1:4]))
    return rec("Which engine manufacturer powered the most Grand Prix winners in the 1980s?", enames(top), note,
               ["seasons/198*/races/*/race-results.yml"])


@cand("aggregate", "engine_decade_poles")
def a_eng_pole00():
    rs = decade(2000)
    qi = strict_top(engine_counter(rs, "q"), "eng poles 2000s")
    gi = strict_top(engine_counter(rs, "grid"), "eng grid 2000s")
    need(qi[0] == gi[0], "engine pole q/grid differ")
    top, n = qi[0]
    note = "Engine maker with most poles 2000-2009 (qualifying P1, checked against grid P1): %s with %d; next: %s." % (
        ENG[top]["name"], n, ", ".join("%s %d" % (ENG[k]["name"], v) for k, v in qi[1:4]))
    return rec("Which engine make took the most pole positions in the 2000s?", enames(top), note,
               ["seasons/200*/races/*/qualifying-results.yml"])


def nat_top(country, question, what):
    c = Counter({k: v for k, v in wins_c(DONE).items() if DRV[k]["nationalityCountryId"] == country})
    return agg_driver(question, DONE, c, what + " (" + NOSPR + ")", ["seasons/*/races/*/race-results.yml", "drivers/*.yml"])


@retired("aggregate", "nationality_top_winner")
def a_can():
    return nat_top("canada", "Who is the most successful Canadian driver by Grand Prix wins?", "Top Canadian race winner")


@retired("aggregate", "nationality_top_winner")
def a_ita():
    return nat_top("italy", "Which Italian driver has won the most world championship Grands Prix?", "Top Italian race winner")


@retired("aggregate", "nationality_top_winner")
def a_nz():
    return nat_top("new-zealand", "Who has won the most F1 races among New Zealand drivers?", "Top New Zealand race winner")


@cand("aggregate", "youngest_podium")
def a_young_pod():
    best = None
    for r in DONE:
        for x in r["res"]:
            if ipos(x) is not None and ipos(x) <= 3 and DRV[x["driverId"]].get("dateOfBirth"):
                a = age_on(x["driverId"], r["date"])
                k = (a, x["driverId"], r["path"])
                if best is None or k < best[0]:
                    best = (k, r, x)
    ages = sorted({(age_on(x["driverId"], r["date"]), x["driverId"]) for r in DONE for x in r["res"]
                   if ipos(x) is not None and ipos(x) <= 3 and DRV[x["driverId"]].get("dateOfBirth")})
    firsts = []
    for a, d in ages:
        if d not in [f[1] for f in firsts]:
            firsts.append((a, d))
        if len(firsts) == 3:
            break
    need(firsts[0][0] < firsts[1][0], "youngest podium tie")
    (k, r, x) = best
    (yrs, days) = k[0]
    note = "Youngest Grand Prix podium finisher: %s, aged %d years %d days, P%d at the %s (%s); next youngest: %s (%d y %d d). Sprints not counted." % (
        dname(x["driverId"]), yrs, days, ipos(x), rname(r), r["date"], dname(firsts[1][1]), firsts[1][0][0], firsts[1][0][1])
    return rec("Who is the youngest driver ever to finish on a Grand Prix podium?",
               names(x["driverId"], ALL_WINNERS + [firsts[1][1]]), note, ["seasons/*/races/*/race-results.yml", "drivers/*.yml"])


@retired("aggregate", "career_dnfs")
def a_dnfs():
    c = per_race_set(DONE, "res", lambda x: x.get("position") == "DNF")
    items = strict_top(c, "dnfs")
    top, n = items[0]
    note = "Most race DNFs (race-results position DNF): %s with %d; next: %s (%s)." % (dname(top), n, fmt_top(items), CUTOFF_TXT)
    return rec("Which driver has retired (DNF) from the most Grands Prix?", names(top, ALL_WINNERS + [k for k, _ in items[:5]]), note,
               ["seasons/*/races/*/race-results.yml"])


@retired("aggregate", "distinct_winners")
def a_dw_1975():
    rs = year_races(1975)
    w = wins_c(rs)
    note = "1975: %d different Grand Prix winners (%s)." % (len(w), ", ".join(sorted(dname(k) for k in w)))
    return rec("How many different drivers won a Grand Prix in 1975?", [str(len(w))], note, ["seasons/1975/races/*/race-results.yml"])


@cand("aggregate", "distinct_pole_sitters")
def a_dp_1985():
    rs = year_races(1985)
    q, g = set(poles_c(rs)), set(poles_c(rs, "grid"))
    need(q == g, "1985 pole sitter sets differ")
    note = "1985: %d different pole sitters (qualifying P1, same set on grid P1): %s." % (len(q), ", ".join(sorted(dname(k) for k in q)))
    return rec("In the 1985 season, how many different drivers started from pole?", [str(len(q))], note,
               ["seasons/1985/races/*/qualifying-results.yml", "seasons/1985/races/*/starting-grid-positions.yml"])


@retired("aggregate", "most_second_places")
def a_p2():
    c = per_race_set(DONE, "res", lambda x: ipos(x) == 2)
    return agg_driver("Who has finished second in a Grand Prix more times than anyone else?", DONE, c,
                      "Most P2 finishes (" + NOSPR + ")", ["seasons/*/races/*/race-results.yml"])


@cand("aggregate", "points_finishes")
def a_points_fin():
    c = per_race_set(DONE, "res", lambda x: (x.get("points") or 0) > 0)
    return agg_driver("Who has the most points-scoring finishes in Grands Prix?", DONE, c,
                      "Most Grand Prix points finishes (race-results points > 0, sprints not counted)",
                      ["seasons/*/races/*/race-results.yml"])


@cand("aggregate", "engine_wins")
def a_renault_eng():
    c = per_race_set(DONE, "res", lambda x: ipos(x) == 1 and x["engineManufacturerId"] == "renault")
    return agg_driver("Which driver won the most races with Renault engines behind him?", DONE, c,
                      "Most wins with a Renault engine (" + NOSPR + ")", ["seasons/*/races/*/race-results.yml"])


@cand("aggregate", "circuit_poles")
def a_reims():
    rs = circuit_races("reims")
    return agg_driver("Who took the most poles at Reims?", rs, poles_c(rs),
                      "Most poles at Reims (qualifying P1, checked against grid P1)", src_res(rs, "qualifying-results.yml"), pole=True)


@cand("aggregate", "team_poles")
def a_team_season_poles():
    rs = team_races("red-bull")
    q = per_race_set(rs, "q", lambda x: x["constructorId"] == "red-bull" and ipos(x) == 1)
    g = per_race_set(rs, "grid", lambda x: x["constructorId"] == "red-bull" and ipos(x) == 1)
    qi, gi = strict_top(q, "rb poles"), strict_top(g, "rb grid")
    need(qi[0] == gi[0], "red bull pole q/grid differ")
    top, n = qi[0]
    note = "Most poles for Red Bull (qualifying P1, checked against grid P1): %s with %d; next: %s (%s)." % (dname(top), n, fmt_top(qi), CUTOFF_TXT)
    return rec("Who has the most poles for Red Bull Racing?", names(top, ALL_WINNERS), note, ["seasons/*/races/*/qualifying-results.yml"])


@cand("aggregate", "season_races_count")
def a_races_1961():
    rs = year_races(1961)
    note = "1961 had %d championship races (rounds with race results)." % len(rs)
    return rec("How many world championship races were held in 1961?", [str(len(rs))], note, ["seasons/1961/races/*/race.yml"])


# ---------------------------------------------------------------- colloquial
def career(did, kind):
    f = {"win": wins_c, "pod": pod_c, "start": starts_c, "fl": fl_c}
    if kind == "pole":
        q, g = poles_checked(DONE)
        need(q[did] == g[did], "career poles q/grid differ for %s: %d v %d" % (did, q[did], g[did]))
        return q[did]
    return f[kind](DONE)[did]


def colloq_count(question, did, kind, what, src):
    n = career(did, kind)
    note = "%s: %d %s (%s)." % (dname(did), n, what, CUTOFF_TXT)
    return rec(question, [str(n)], note, src)


@cand("colloquial", "nickname")
def c_fisi_poles():
    return colloq_count("how many poles did fisi get in his career??", "giancarlo-fisichella", "pole",
                        "career poles (qualifying P1, Grand Prix qualifying only, same on grid P1; 'fisi' = Giancarlo Fisichella)",
                        ["seasons/*/races/*/qualifying-results.yml"])


@cand("colloquial", "typo")
def c_frentzen():
    return colloq_count("heinz harald frenzten how many pole positions", "heinz-harald-frentzen", "pole",
                        "career poles (qualifying P1, same on grid P1)", ["seasons/*/races/*/qualifying-results.yml"])


@cand("colloquial", "typo")
def c_kova():
    return colloq_count("kovalanen podiums total?", "heikki-kovalainen", "pod",
                        "career Grand Prix podiums (P1-P3, sprints not counted)", ["seasons/*/races/*/race-results.yml"])


@cand("colloquial", "nickname")
def c_surtees():
    return colloq_count("big john surtees - how many times on the f1 podium", "john-surtees", "pod",
                        "career Grand Prix podiums (P1-P3)", ["seasons/*/races/*/race-results.yml"])


@cand("colloquial", "nickname")
def c_ghill():
    return colloq_count("mr monaco graham hill, how many gps did he actually start", "graham-hill", "start",
                        "Grand Prix starts (race-results rows that are not DNQ/DNPQ/DNS/DNP/EX)",
                        ["seasons/*/races/*/race-results.yml"])


@cand("colloquial", "typo")
def c_kimi_fl():
    return colloq_count("how many fastest laps has kimi raikonen got", "kimi-raikkonen", "fl",
                        "career fastest laps (fastest-laps P1 of Grands Prix)", ["seasons/*/races/*/fastest-laps.yml"])


@cand("colloquial", "typo")
def c_decesaris():
    return colloq_count("andrea de cesaris number of race starts? heard its loads", "andrea-de-cesaris", "start",
                        "Grand Prix starts (non-starts excluded)", ["seasons/*/races/*/race-results.yml"])


@retired("colloquial", "typo")
def c_hakkinen_poles():
    return colloq_count("mika hakinen pole positions career", "mika-hakkinen", "pole",
                        "career poles (qualifying P1, same on grid P1)", ["seasons/*/races/*/qualifying-results.yml"])


@cand("colloquial", "typo")
def c_montoya_poles():
    return colloq_count("juan pablo montoyas poles how many", "juan-pablo-montoya", "pole",
                        "career poles (qualifying P1, same on grid P1)", ["seasons/*/races/*/qualifying-results.yml"])


@cand("colloquial", "abbreviation")
def c_piquetjr_best():
    did = "nelson-piquet-jr"
    rows = [(ipos(x), r) for r in DONE for x in r["res"] if x["driverId"] == did and ipos(x)]
    b = min(p for p, _ in rows)
    at_ = [r for p, r in rows if p == b]
    need(len(at_) == 1, "piquet jr best finish not unique")
    note = "Nelson Piquet Jr.'s best Grand Prix finish: P%d at the %s (%s)." % (b, rname(at_[0]), at_[0]["date"])
    return rec("piquet jnr best ever gp result?", ordinal(b), note, src_res(at_))


def last_race_pos(did):
    x = [x for x in LAST["res"] if x["driverId"] == did]
    need(len(x) == 1, "last race row")
    return x[0]


@cand("colloquial", "relative_time")
def c_stroll_last():
    x = last_race_pos("lance-stroll")
    p = x["position"]
    need(isinstance(p, int), "stroll not classified")
    note = "The last race = 2026 Hungarian Grand Prix (round 11, 2026-07-26): Lance Stroll finished P%d (grid %s)." % (p, x.get("gridPosition"))
    return rec("wat did stroll finish in the last race", ordinal(p), note, [LAST["path"] + "/race-results.yml"])


@cand("colloquial", "relative_time")
def c_p3_last():
    x = at(LAST["res"], 3)
    fld = field_of([LAST])
    note = "2026 Hungarian Grand Prix (the last race, round 11): P3 %s (%s); P1 %s, P2 %s." % (
        dname(x["driverId"]), CON[x["constructorId"]]["name"], dname(at(LAST["res"], 1)["driverId"]), dname(at(LAST["res"], 2)["driverId"]))
    return rec("who got the last podium spot (p3) in the last race", names(x["driverId"], fld), note, [LAST["path"] + "/race-results.yml"])


@cand("colloquial", "relative_time")
def c_ham_pts():
    s = st_of(2026, "lewis-hamilton")
    note = "Lewis Hamilton has %s points in 2026 after round 11 (P%d in the standings, sprints included)." % (fmtnum(s["points"]), s["position"])
    return rec("how many pts has sir lewis got this season", [fmtnum(s["points"])], note, ["seasons/2026/driver-standings.yml"])


@retired("colloquial", "relative_time")
def c_russell_2025():
    s = st_of(2025, "george-russell")
    note = "George Russell scored %s points in 2025 (P%d in the final standings, sprints included)." % (fmtnum(s["points"]), s["position"])
    return rec("russell points total last season?", [fmtnum(s["points"])], note, ["seasons/2025/driver-standings.yml"])


@cand("colloquial", "relative_time")
def c_p4_2025():
    s = st_at(2025, 4)
    fld = [x["driverId"] for x in standings(2025)]
    note = "2025 drivers' standings P4: %s with %s points." % (dname(s["driverId"]), fmtnum(s["points"]))
    return rec("who came 4th in the wdc last yr", names(s["driverId"], fld), note, ["seasons/2025/driver-standings.yml"])


@cand("colloquial", "relative_time")
def c_pia_sprints():
    rs = [r for r in RACES if r["y"] == 2025 and r["spr"]]
    n = sum(1 for r in rs if ipos(at(r["spr"], 1)) and at(r["spr"], 1)["driverId"] == "oscar-piastri")
    note = "Oscar Piastri won %d of the %d sprints in 2025 (sprint-race-results P1)." % (n, len(rs))
    return rec("how many sprints did piastri win last year", [str(n)], note, src_res(rs, "sprint-race-results.yml"))


@cand("colloquial", "relative_time")
def c_last_sprint():
    rs = [r for r in RACES if r["y"] == 2026 and r["spr"]]
    r = max(rs, key=lambda r: r["rnd"])
    x = at(r["spr"], 1)
    note = "The most recent sprint with results is the %s sprint (round %d, %s): won by %s." % (rname(r), r["rnd"], r["date"], dname(x["driverId"]))
    return rec("who won the most recent sprint this yr?", names(x["driverId"], field_of([r])), note, [r["path"] + "/sprint-race-results.yml"])


@cand("colloquial", "relative_time")
def c_ocon_dnf():
    rs = year_races(2025)
    n = sum(1 for r in rs for x in r["res"] if x["driverId"] == "esteban-ocon" and x["position"] == "DNF")
    note = "Esteban Ocon had %d DNFs in 2025 Grands Prix (race-results position DNF; sprints not counted)." % n
    return rec("how many dnfs did ocon have last season in gps", [str(n)], note, ["seasons/2025/races/*/race-results.yml"])


@cand("colloquial", "abbreviation")
def c_silverstone_fl():
    r = race(2026, "great-britain")
    x = at(r["fl"], 1)
    note = "2026 British Grand Prix (round %d, %s) fastest lap: %s (%s)." % (r["rnd"], r["date"], dname(x["driverId"]), x.get("time"))
    return rec("who got fastest lap at silverstone this yr", names(x["driverId"], field_of([r])), note, [r["path"] + "/fastest-laps.yml"])


@cand("colloquial", "abbreviation")
def c_quali_monaco():
    r = race(2026, "monaco")
    x = [x for x in r["q"] if x["driverId"] == "charles-leclerc"]
    need(len(x) == 1, "leclerc monaco q")
    p = x[0]["position"]
    need(isinstance(p, int), "q pos")
    note = "2026 Monaco Grand Prix qualifying: Charles Leclerc qualified P%d." % p
    return rec("where did leclrec qualify in monaco this season", ordinal(p), note, [r["path"] + "/qualifying-results.yml"])


@cand("colloquial", "slang")
def c_winner_1982_monaco():
    r = race(1982, "monaco")
    x = at(r["res"], 1)
    note = "1982 Monaco Grand Prix winner: %s (%s)." % (dname(x["driverId"]), CON[x["constructorId"]]["name"])
    return rec("lol who even won monaco in 82, that race was chaos", names(x["driverId"], field_of([r])), note, [r["path"] + "/race-results.yml"])


@retired("colloquial", "slang")
def c_winner_1999_euro():
    r = race(1999, "europe")
    x = at(r["res"], 1)
    note = "1999 European Grand Prix (Nürburgring) winner: %s (%s)." % (dname(x["driverId"]), CON[x["constructorId"]]["name"])
    return rec("nurburgring 99 who won it, the mad rain one", names(x["driverId"], field_of([r])), note, [r["path"] + "/race-results.yml"])


@retired("colloquial", "abbreviation")
def c_wcc_1992():
    s = st_at(1992, 1, "c")
    note = "1992 constructors' champion: %s with %s points." % (CON[s["constructorId"]]["name"], fmtnum(s["points"]))
    return rec("wcc 92 who took it", cnames(s["constructorId"]), note, ["seasons/1992/constructor-standings.yml"])


@cand("colloquial", "typo")
def c_gasly_pts():
    s = st_of(2026, "pierre-gasly")
    note = "Pierre Gasly has %s points in 2026 after round 11 (P%d, sprints included)." % (fmtnum(s["points"]), s["position"])
    return rec("gasley points so far this seaosn", [fmtnum(s["points"])], note, ["seasons/2026/driver-standings.yml"])


# ---------------------------------------------------------------- relational
def team_rows(did, y, cid):
    return [(r, x) for r in year_races(y) for x in r["res"] if x["driverId"] == did and x["constructorId"] == cid and is_start(x)]


def teammate(did, y, cid):
    rows = team_rows(did, y, cid)
    need(rows, "no rows %s %d" % (did, y))
    rs = {r["path"] for r, _ in rows}
    c = Counter()
    for r in year_races(y):
        if r["path"] in rs:
            for o in {x["driverId"] for x in r["res"] if x["constructorId"] == cid and is_start(x) and x["driverId"] != did}:
                c[o] += 1
    items = strict_top(c, "teammate")
    n = len(rs)
    need(items[0][1] >= 0.8 * n, "teammate %s only %d of %d" % (items[0][0], items[0][1], n))
    need(all(v < n / 2 for _, v in items[1:]), "another team-mate started half: %s" % items[1:])
    return items[0][0], items[0][1], n, items[1:]


def rel_teammate(question, did, y, cid):
    tm, k, n, rest = teammate(did, y, cid)
    others = "; others: " + ", ".join("%s %d" % (dname(a), b) for a, b in rest) if rest else ""
    note = "%d %s: %s's team-mate was %s, who started %d of his %d starts for the team%s." % (
        y, CON[cid]["name"], dname(did), dname(tm), k, n, others)
    return rec(question, names(tm, field_of(year_races(y))), note, ["seasons/%d/races/*/race-results.yml" % y])


@cand("relational", "teammate")
def r_peterson73():
    return rel_teammate("Who was Ronnie Peterson's team-mate at Lotus in 1973?", "ronnie-peterson", 1973, "lotus")


@cand("relational", "teammate")
def r_mansell89():
    return rel_teammate("Who partnered Nigel Mansell at Ferrari in 1989?", "nigel-mansell", 1989, "ferrari")


@retired("relational", "teammate")
def r_lauda77():
    return rel_teammate("Who was Niki Lauda's team-mate in his 1977 title season at Ferrari?", "niki-lauda", 1977, "ferrari")


@cand("relational", "teammate")
def r_clark65():
    return rel_teammate("Jim Clark's team-mate at Lotus in 1965?", "jim-clark", 1965, "lotus")


@cand("relational", "teammate")
def r_kubica08():
    return rel_teammate("Who was Robert Kubica's team-mate at BMW Sauber in 2008?", "robert-kubica", 2008, "bmw-sauber")


@retired("relational", "teammate")
def r_piquet83():
    return rel_teammate("Who drove alongside Nelson Piquet at Brabham in 1983?", "nelson-piquet", 1983, "brabham")


@cand("relational", "teammate")
def r_webber07():
    return rel_teammate("Mark Webber's team-mate at Red Bull in 2007 was who?", "mark-webber", 2007, "red-bull")


def engine_of(cid, y):
    rows = [x for r in year_races(y) for k in ("res", "q") for x in (r[k] or []) if x["constructorId"] == cid]
    need(rows, "no rows")
    e = {x["engineManufacturerId"] for x in rows}
    ee = {x.get("engineManufacturerId") for x in D["ent"][y] if x.get("constructorId") == cid}
    need(len(e) == 1 and (not ee or ee == e), "mixed engines %s %d: %s %s" % (cid, y, e, ee))
    return e.pop(), len(rows)


def rel_engine(question, cid, y):
    e, n = engine_of(cid, y)
    note = "%d %s: every race and qualifying entry (%d rows) used a %s engine (engineManufacturerId %s)." % (y, CON[cid]["name"], n, ENG[e]["name"], e)
    return rec(question, enames(e), note, ["seasons/%d/races/*/race-results.yml" % y, "seasons/%d/entrants.yml" % y])


@cand("relational", "engine")
def r_sauber97():
    return rel_engine("What engine did Sauber race with in 1997?", "sauber", 1997)


@cand("relational", "engine")
def r_ligier96():
    return rel_engine("Who supplied Ligier's engines in 1996?", "ligier", 1996)


@retired("relational", "engine")
def r_lotus87():
    return rel_engine("Which engine was in the back of the Lotus in 1987?", "lotus", 1987)


@retired("relational", "engine")
def r_brabham83():
    return rel_engine("What engine powered Brabham in 1983?", "brabham", 1983)


@cand("relational", "engine")
def r_spyker07():
    return rel_engine("Spyker in 2007 used whose engines?", "spyker", 2007)


def rel_lineup(question, cid, y):
    ds = sorted({x["driverId"] for r in year_races(y) for x in r["res"] if x["constructorId"] == cid})
    need(len(ds) == 2, "lineup not two: %s" % ds)
    fld = field_of(year_races(y))
    kn = [key_name(d, fld) for d in ds]
    note = "%d %s drivers (race-results rows): %s and %s." % (y, CON[cid]["name"], dname(ds[0]), dname(ds[1]))
    return rec(question, names(ds[0], fld) + names(ds[1], fld), note, ["seasons/%d/races/*/race-results.yml" % y], accept_all=kn)


@cand("relational", "lineup")
def r_superaguri07():
    return rel_lineup("Who were Super Aguri's two drivers in 2007?", "super-aguri", 2007)


@cand("relational", "lineup")
def r_minardi04():
    return rel_lineup("Name Minardi's race drivers in 2004.", "minardi", 2004)


def rel_pos(question, r, p, what):
    x = at(r["res"], p)
    note = "%s (%s): %s P%d %s (%s); P1 %s." % (rname(r), r["date"], what, p, dname(x["driverId"]), CON[x["constructorId"]]["name"],
                                              dname(at(r["res"], 1)["driverId"]))
    return rec(question, names(x["driverId"], field_of([r])), note, [r["path"] + "/race-results.yml"])


@cand("relational", "second_to_winner")
def r_monaco84():
    return rel_pos("Who finished second behind the winner at Monaco in 1984?", race(1984, "monaco"), 2, "")


@cand("relational", "second_to_winner")
def r_spa98():
    r = race(1998, "belgium")
    need(at(r["res"], 1)["driverId"] == "damon-hill" and r["circuit"] == "spa-francorchamps", "premise")
    return rel_pos("Who came home second to Damon Hill at Spa in 1998?", r, 2, "")


def rel_behind(question, r, did, delta):
    x = [x for x in r["res"] if x["driverId"] == did]
    need(len(x) == 1 and ipos(x[0]), "driver row")
    p = ipos(x[0]) + delta
    y = at(r["res"], p)
    note = "%s (%s): %s finished P%d; P%d was %s (%s)." % (rname(r), r["date"], dname(did), ipos(x[0]), p, dname(y["driverId"]), CON[y["constructorId"]]["name"])
    return rec(question, names(y["driverId"], field_of([r])), note, [r["path"] + "/race-results.yml"])


@retired("relational", "right_behind")
def r_behind_alonso_imola05():
    return rel_behind("At Imola in 2005, who crossed the line right behind Fernando Alonso?", race(2005, "san-marino"), "fernando-alonso", 1)


@retired("relational", "right_ahead")
def r_ahead_hamilton_bra07():
    return rel_behind("In the 2007 Brazilian GP, who finished immediately ahead of Lewis Hamilton?", race(2007, "brazil"), "lewis-hamilton", -1)


@cand("relational", "right_behind")
def r_behind_kimi_suzuka05():
    return rel_behind("Who finished directly behind Kimi Räikkönen at Suzuka in 2005?", race(2005, "japan"), "kimi-raikkonen", 1)


def rel_runnerup(question, y, kind):
    s = st_at(y, 2, kind)
    if kind == "d":
        w = st_at(y, 1)
        note = "%d drivers' standings: P2 %s (%s pts), behind champion %s (%s pts)." % (y, dname(s["driverId"]), fmtnum(s["points"]), dname(w["driverId"]), fmtnum(w["points"]))
        return rec(question, names(s["driverId"], field_of(year_races(y))), note, ["seasons/%d/driver-standings.yml" % y])
    w = st_at(y, 1, "c")
    note = "%d constructors' standings: P2 %s (%s pts), behind %s (%s pts)." % (y, CON[s["constructorId"]]["name"], fmtnum(s["points"]), CON[w["constructorId"]]["name"], fmtnum(w["points"]))
    return rec(question, cnames(s["constructorId"]), note, ["seasons/%d/constructor-standings.yml" % y])


@retired("relational", "drivers_runner_up")
def r_ru_1964():
    return rel_runnerup("Who was runner-up in the 1964 drivers' championship?", 1964, "d")


@cand("relational", "constructors_runner_up")
def r_cru_1976():
    return rel_runnerup("Which team finished second in the 1976 constructors' championship?", 1976, "c")


@cand("relational", "constructors_runner_up")
def r_cru_2003():
    return rel_runnerup("Who were runners-up to Ferrari in the 2003 constructors' standings?", 2003, "c")


@cand("relational", "drivers_team")
def r_prost91():
    rows = [x for r in year_races(1991) for x in r["res"] if x["driverId"] == "alain-prost"]
    c = Counter(x["constructorId"] for x in rows)
    items = strict_top(c, "prost team")
    need(len(items) == 1, "more than one team")
    note = "1991: Alain Prost drove for %s in all %d of his race entries." % (CON[items[0][0]]["name"], items[0][1])
    return rec("Which team did Alain Prost drive for in 1991?", cnames(items[0][0]), note, ["seasons/1991/races/*/race-results.yml"])


# ---------------------------------------------------------------- career history
def driver_rows(did, pred=lambda x: True):
    return [(r, x) for r in DONE for x in r["res"] if x["driverId"] == did and pred(x)]


def venue_rec(question, did, r, what, scope_extra=()):
    note = "%s %s: the %s (%s, %s, round %d)." % (dname(did), what, rname(r), CIR[r["circuit"]]["name"], r["date"], r["rnd"])
    return rec(question, venue_accept(r), note, [r["path"] + "/race-results.yml"], accept_all=[str(r["y"])])


@cand("career_history", "first_win")
def h_scheckter_first():
    r = driver_rows("jody-scheckter", lambda x: ipos(x) == 1)[0][0]
    return venue_rec("Where and when did Jody Scheckter take his first Grand Prix win?", "jody-scheckter", r,
                     "first Grand Prix win (sprints not counted)")


@cand("career_history", "first_win")
def h_ickx_first():
    r = driver_rows("jacky-ickx", lambda x: ipos(x) == 1)[0][0]
    return venue_rec("Which race was Jacky Ickx's first F1 win, and in what year?", "jacky-ickx", r, "first Grand Prix win")


@retired("career_history", "first_win")
def h_webber_first():
    r = driver_rows("mark-webber", lambda x: ipos(x) == 1)[0][0]
    return venue_rec("What was Mark Webber's maiden Grand Prix victory (race and year)?", "mark-webber", r, "first Grand Prix win")


@retired("career_history", "first_win")
def h_massa_first():
    r = driver_rows("felipe-massa", lambda x: ipos(x) == 1)[0][0]
    return venue_rec("Where did Felipe Massa win his first Grand Prix, and when?", "felipe-massa", r, "first Grand Prix win")


@retired("career_history", "last_win")
def h_alonso_last():
    r = driver_rows("fernando-alonso", lambda x: ipos(x) == 1)[-1][0]
    return venue_rec("When and where did Fernando Alonso last win a Grand Prix?", "fernando-alonso", r,
                     "most recent Grand Prix win as of the cutoff (sprints not counted)")


@cand("career_history", "last_win")
def h_hakkinen_last():
    r = driver_rows("mika-hakkinen", lambda x: ipos(x) == 1)[-1][0]
    return venue_rec("What was Mika Häkkinen's final Grand Prix win (race and year)?", "mika-hakkinen", r, "last Grand Prix win")


@cand("career_history", "last_win")
def h_stewart_last():
    r = driver_rows("jackie-stewart", lambda x: ipos(x) == 1)[-1][0]
    return venue_rec("Which Grand Prix was Jackie Stewart's last win, and in which year?", "jackie-stewart", r, "last Grand Prix win")


@cand("career_history", "first_podium")
def h_kubica_pod():
    r = driver_rows("robert-kubica", lambda x: ipos(x) is not None and ipos(x) <= 3)[0][0]
    return venue_rec("Where did Robert Kubica score his first podium, and in what year?", "robert-kubica", r,
                     "first Grand Prix podium (P1-P3)")


def team_first_last(cid, kind, which):
    rows = [(r, x) for r in DONE for x in r["res"] if x["constructorId"] == cid and ipos(x) == 1]
    need(rows, "no wins")
    r = rows[0][0] if which == "first" else rows[-1][0]
    ws = [x for x in r["res"] if x["constructorId"] == cid and ipos(x) == 1]
    need(len(ws) == 1, "shared win")
    return r, ws[0]["driverId"]


def team_win_rec(question, cid, which):
    r, did = team_first_last(cid, "win", which)
    fld = field_of([r])
    note = "%s's %s Grand Prix win: %s at the %s (%s). Sprints not counted." % (CON[cid]["name"], which, dname(did), rname(r), r["date"])
    kn = key_name(did, fld)
    if norm(kn) in norm(question):
        kn = fold(dname(did))
    return rec(question, names(did, fld), note, ["seasons/*/races/*/race-results.yml"], accept_all=[kn, str(r["y"])])


@retired("career_history", "team_first_win")
def h_mclaren_first():
    return team_win_rec("Who gave McLaren its first ever Grand Prix win, and in what year?", "mclaren", "first")


@retired("career_history", "team_first_win")
def h_benetton_first():
    return team_win_rec("Who took Benetton's first win, and which year was it?", "benetton", "first")


@retired("career_history", "team_last_win")
def h_ligier_last():
    return team_win_rec("Who won Ligier's last Grand Prix, and when?", "ligier", "last")


@retired("career_history", "team_last_win")
def h_williams_last():
    return team_win_rec("Who was the last driver to win a race for Williams, and in what year?", "williams", "last")


@retired("career_history", "team_last_win")
def h_brabham_last():
    return team_win_rec("Who won the last Grand Prix for Brabham, and in which season?", "brabham", "last")


@cand("career_history", "debut_team")
def h_gilles_debut():
    rows = driver_rows("gilles-villeneuve", is_start)
    r, x = rows[0]
    note = "Gilles Villeneuve's first start: %s for %s." % (rname(r), CON[x["constructorId"]]["name"])
    return rec("Which team did Gilles Villeneuve make his F1 debut with?", cnames(x["constructorId"]), note, [r["path"] + "/race-results.yml"])


def seasons_raced(did):
    return sorted({r["y"] for r, x in driver_rows(did, is_start)})


@cand("career_history", "number_of_seasons")
def h_massa_seasons():
    s = seasons_raced("felipe-massa")
    note = "Felipe Massa raced (started) in %d seasons: %s." % (len(s), ", ".join(map(str, s)))
    return rec("How many seasons did Felipe Massa race in F1?", [str(len(s))], note, ["seasons/*/races/*/race-results.yml"])


@cand("career_history", "teams_driven_for")
def h_alonso_teams():
    cs_ = []
    for r, x in driver_rows("fernando-alonso", is_start):
        if x["constructorId"] not in cs_:
            cs_.append(x["constructorId"])
    note = "Fernando Alonso has started races for %d constructors: %s (in order, as of the cutoff)." % (len(cs_), ", ".join(CON[c]["name"] for c in cs_))
    return rec("Which teams has Fernando Alonso driven for in F1?", cnames(cs_[0]), note, ["seasons/*/races/*/race-results.yml"],
               accept_all=[CON[c]["name"] for c in cs_])


@cand("career_history", "debut_year")
def h_hulk_debut():
    s = seasons_raced("nico-hulkenberg")
    r, x = driver_rows("nico-hulkenberg", is_start)[0]
    note = "Nico Hülkenberg made his debut in %d at the %s for %s." % (r["y"], rname(r), CON[x["constructorId"]]["name"])
    return rec("What year did Nico Hülkenberg make his Formula 1 debut?", [str(r["y"])], note, [r["path"] + "/race-results.yml"])


# ---------------------------------------------------------------- comparative
def comp(question, a, b, va, vb, what, src, both=False, cmpnames=None):
    need(va != vb, "tie")
    lead, trail = (a, b) if va > vb else (b, a)
    m = abs(va - vb)
    need(m != 1 or both, "margin 1")
    nm = cmpnames or dname
    note = "%s: %s %s v %s %s; %s ahead by %s (%s)." % (what, nm(a), fmtnum(va), nm(b), fmtnum(vb), nm(lead), fmtnum(m), CUTOFF_TXT)
    acc = names(lead, [a, b]) if cmpnames is None else cnames(lead)
    aa = [fmtnum(max(va, vb)), fmtnum(min(va, vb))] if both else [fmtnum(m)]
    return rec(question, acc, note, src, accept_all=aa)


@cand("comparative", "team_wins")
def k_tyrrell_brm():
    w = wins_c(DONE, "constructorId")
    return comp("Tyrrell or BRM: which team won more Grands Prix, and by how many?", "tyrrell", "brm", w["tyrrell"], w["brm"],
                "All-time Grand Prix wins (once per race per team)", ["seasons/*/races/*/race-results.yml"], cmpnames=lambda c: CON[c]["name"])


@cand("comparative", "career_poles")
def k_vettel_kimi_poles():
    q, g = poles_checked(DONE)
    a, b = "sebastian-vettel", "kimi-raikkonen"
    need(q[a] - q[b] == g[a] - g[b], "margin differs on grid")
    return comp("Who has more career poles, Vettel or Räikkönen, and what's the gap?", a, b, q[a], q[b],
                "Career poles (qualifying P1; same margin on grid P1)", ["seasons/*/races/*/qualifying-results.yml"])


@retired("comparative", "career_wins")
def k_piquet_mansell():
    w = wins_c(DONE)
    return comp("Nigel Mansell vs Nelson Piquet — who won more races, and by how many?", "nigel-mansell", "nelson-piquet",
                w["nigel-mansell"], w["nelson-piquet"], "Career Grand Prix wins (" + NOSPR + ")", ["seasons/*/races/*/race-results.yml"])


@retired("comparative", "career_podiums")
def k_vettel_alonso_pods():
    p = pod_c(DONE)
    return comp("Vettel or Alonso: who has more Grand Prix podiums, and by how many?", "sebastian-vettel", "fernando-alonso",
                p["sebastian-vettel"], p["fernando-alonso"], "Career Grand Prix podiums (" + NOSPR + ")", ["seasons/*/races/*/race-results.yml"])


def season_pts(y, a, b, question):
    need(y >= 1991, "dropped scores")
    va, vb = st_of(y, a)["points"], st_of(y, b)["points"]
    return comp(question, a, b, va, vb, "%d drivers' championship points" % y, ["seasons/%d/driver-standings.yml" % y])


@cand("comparative", "season_points")
def k_ric_vet14():
    return season_pts(2014, "daniel-ricciardo", "sebastian-vettel", "In 2014 at Red Bull, how many more points did Ricciardo score than Vettel (or the other way round)?")


@cand("comparative", "season_points")
def k_bot_ham19():
    return season_pts(2019, "lewis-hamilton", "valtteri-bottas", "Hamilton vs Bottas in 2019: points gap between them at the end of the season?")


@cand("comparative", "season_points")
def k_per_ver23():
    return season_pts(2023, "max-verstappen", "sergio-perez", "How many points did Max Verstappen beat Sergio Pérez by in 2023?")


@retired("comparative", "season_points")
def k_but_bar09():
    return season_pts(2009, "jenson-button", "rubens-barrichello", "Button v Barrichello at Brawn in 2009: who scored more points and by how much?")


@retired("comparative", "season_points")
def k_sai_lec22():
    return season_pts(2022, "charles-leclerc", "carlos-sainz-jr", "By how many points did Leclerc outscore Sainz in 2022?")


@cand("comparative", "titles")
def k_prost_lauda_titles():
    t = Counter(st_at(y, 1)["driverId"] for y in range(1950, 2026))
    return comp("Prost or Lauda — who won more world titles?", "alain-prost", "niki-lauda", t["alain-prost"], t["niki-lauda"],
                "Drivers' titles (1950-2025)", ["seasons/*/driver-standings.yml"], both=True)


def finished_higher(question, r, a, b):
    xa = [x for x in r["res"] if x["driverId"] == a][0]
    xb = [x for x in r["res"] if x["driverId"] == b][0]
    pa, pb = ipos(xa), ipos(xb)
    need(pa and pb, "both classified")
    lead = a if pa < pb else b
    note = "%s (%s): %s P%d, %s P%d; %s finished higher." % (rname(r), r["date"], dname(a), pa, dname(b), pb, dname(lead))
    return rec(question, names(lead, [a, b]), note, [r["path"] + "/race-results.yml"], accept_all=["P%d" % min(pa, pb), "P%d" % max(pa, pb)])


@retired("comparative", "finished_higher")
def k_canada26():
    return finished_higher("At the 2026 Canadian GP, who finished higher, Antonelli or Verstappen, and in which positions?",
                           race(2026, "canada"), "kimi-antonelli", "max-verstappen")


@cand("comparative", "quali_head_to_head")
def k_h2h_senna_berger90():
    a, b = "ayrton-senna", "gerhard-berger"
    wa = wb = 0
    for r in year_races(1990):
        qa = [ipos(x) for x in r["q"] if x["driverId"] == a]
        qb = [ipos(x) for x in r["q"] if x["driverId"] == b]
        if qa and qb and qa[0] and qb[0]:
            if qa[0] < qb[0]:
                wa += 1
            else:
                wb += 1
    need(wa + wb >= 10, "too few")
    note = "1990 qualifying head-to-head (qualifying-results positions, McLaren): Ayrton Senna %d, Gerhard Berger %d." % (wa, wb)
    lead = a if wa > wb else b
    need(wa != wb, "tie")
    return rec("1990 McLaren qualifying head-to-head: Senna vs Berger, what was the score?", names(lead, [a, b]), note,
               ["seasons/1990/races/*/qualifying-results.yml"], accept_all=[str(max(wa, wb)), str(min(wa, wb))])


@cand("comparative", "team_poles")
def k_wil_mcl_poles():
    q, g = poles_c(DONE, "q", "constructorId"), poles_c(DONE, "grid", "constructorId")
    a, b = "williams", "mclaren"
    need(q[a] - q[b] == g[a] - g[b], "grid margin differs")
    return comp("All-time poles: McLaren or Williams ahead, and by how many?", b, a, q[b], q[a],
                "Constructor poles (qualifying P1 once per race; same margin on grid P1)", ["seasons/*/races/*/qualifying-results.yml"],
                cmpnames=lambda c: CON[c]["name"])


@cand("comparative", "career_fastest_laps")
def k_ham_ms_fl():
    f = fl_c(DONE)
    return comp("Fastest laps in a career: Michael Schumacher vs Lewis Hamilton, who has more and by how many?",
                "michael-schumacher", "lewis-hamilton", f["michael-schumacher"], f["lewis-hamilton"],
                "Career fastest laps (fastest-laps P1)", ["seasons/*/races/*/fastest-laps.yml"])


# ---------------------------------------------------------------- multi-part
def mp_champ(question, y, extra):
    s = st_at(y, 1)
    did = s["driverId"]
    fld = field_of(year_races(y))
    parts = [key_name(did, fld)]
    note = "%d drivers' champion: %s" % (y, dname(did))
    if extra == "wins":
        n = wins_c(year_races(y))[did]
        parts.append(str(n))
        note += ", with %d Grand Prix wins that season (sprints not counted)" % n
    elif extra == "points":
        parts.append(fmtnum(s["points"]))
        note += ", with %s points" % fmtnum(s["points"])
    elif extra == "team":
        c = Counter(x["constructorId"] for r in year_races(y) for x in r["res"] if x["driverId"] == did)
        items = strict_top(c, "team")
        need(len(items) == 1, "more than one team")
        parts.append(CON[items[0][0]]["name"])
        note += ", driving for %s" % CON[items[0][0]]["name"]
    elif extra == "runner":
        r2 = st_at(y, 2)
        parts.append(key_name(r2["driverId"], fld))
        note += "; runner-up %s (%s v %s points)" % (dname(r2["driverId"]), fmtnum(s["points"]), fmtnum(r2["points"]))
    return rec(question, names(did, fld), note + ".", ["seasons/%d/driver-standings.yml" % y, "seasons/%d/races/*/race-results.yml" % y],
               accept_all=parts)


@cand("multi_part", "champion_team")
def m_1962():
    return mp_champ("Who won the 1962 drivers' title and for which team?", 1962, "team")


@cand("multi_part", "champion_wins")
def m_1960():
    return mp_champ("1960 world champion — who, and how many races did he win that year?", 1960, "wins")


@cand("multi_part", "champion_points")
def m_1971():
    return mp_champ("Who was champion in 1971 and how many points did he finish with?", 1971, "points")


@cand("multi_part", "champion_team")
def m_1997():
    return mp_champ("Who won the 1997 championship, and with which team?", 1997, "team")


@retired("multi_part", "champion_runner_up")
def m_1964():
    return mp_champ("Who were the champion and the runner-up in 1976?", 1976, "runner")


def mp_pole_win(question, r):
    p = pole(r)
    w = at(r["res"], 1)["driverId"]
    fld = field_of([r])
    note = "%s (%s): pole %s (qualifying P1, same on the grid), winner %s." % (rname(r), r["date"], dname(p), dname(w))
    parts = uniq([key_name(p, fld), key_name(w, fld)])
    return rec(question, names(w, fld), note, [r["path"] + "/qualifying-results.yml", r["path"] + "/race-results.yml"], accept_all=parts)


@cand("multi_part", "pole_winner")
def m_suzuka97():
    return mp_pole_win("Japanese GP 1997: who was on pole and who won?", race(1997, "japan"))


@cand("multi_part", "pole_winner")
def m_monaco96():
    return mp_pole_win("Monaco 1996 — who took pole and who won the race?", race(1996, "monaco"))


@retired("multi_part", "pole_winner")
def m_canada11():
    return mp_pole_win("Canada 2011: pole sitter and race winner?", race(2011, "canada"))


def mp_wins_x(question, did, y, x):
    rs = year_races(y)
    w = wins_c(rs)[did]
    if x == "poles":
        q, g = poles_c(rs)[did], poles_c(rs, "grid")[did]
        need(q == g, "poles q/grid differ")
        v, lab = q, "poles (qualifying P1, same on grid P1)"
    else:
        v, lab = pod_c(rs)[did], "podiums"
    need(w != v, "same numbers")
    note = "%s in %d: %d Grand Prix wins and %d %s (sprints not counted)." % (dname(did), y, w, v, lab)
    return rec(question, [str(w)], note, ["seasons/%d/races/*/race-results.yml" % y], accept_all=[str(w), str(v)])


@cand("multi_part", "wins_poles")
def m_hak98():
    return mp_wins_x("How many wins and how many poles did Häkkinen get in 1998?", "mika-hakkinen", 1998, "poles")


@retired("multi_part", "wins_podiums")
def m_ham19():
    return mp_wins_x("Hamilton 2019: number of wins and number of podiums?", "lewis-hamilton", 2019, "podiums")


@cand("multi_part", "team_wins_points")
def m_rb13():
    rs = year_races(2013)
    w = wins_c(rs, "constructorId")["red-bull"]
    s = st_of(2013, "red-bull", "c")
    note = "Red Bull in 2013: %d Grand Prix wins and %s constructors' points (P%d)." % (w, fmtnum(s["points"]), s["position"])
    return rec("Red Bull in 2013: how many wins and how many constructors' points?", [str(w)], note,
               ["seasons/2013/races/*/race-results.yml", "seasons/2013/constructor-standings.yml"], accept_all=[str(w), fmtnum(s["points"])])


@retired("multi_part", "career_wins_podiums")
def m_webber():
    did = "mark-webber"
    w, p = wins_c(DONE)[did], pod_c(DONE)[did]
    note = "Mark Webber's career: %d Grand Prix wins and %d podiums (sprints not counted)." % (w, p)
    return rec("Mark Webber's career: how many wins and how many podiums?", [str(w)], note, ["seasons/*/races/*/race-results.yml"], accept_all=[str(w), str(p)])


@cand("multi_part", "constructors_champion_points")
def m_2008c():
    s = st_at(2008, 1, "c")
    note = "2008 constructors' champion: %s with %s points." % (CON[s["constructorId"]]["name"], fmtnum(s["points"]))
    return rec("Who won the 2008 constructors' championship and on how many points?", cnames(s["constructorId"]), note,
               ["seasons/2008/constructor-standings.yml"], accept_all=[CON[s["constructorId"]]["name"], fmtnum(s["points"])])


@retired("multi_part", "winner_runner_up")
def m_monza_08():
    r = race(2008, "italy")
    fld = field_of([r])
    a, b = at(r["res"], 1)["driverId"], at(r["res"], 2)["driverId"]
    note = "%s (%s): winner %s, runner-up %s." % (rname(r), r["date"], dname(a), dname(b))
    return rec("Monza 2008 — who won, and who finished second?", names(a, fld), note, [r["path"] + "/race-results.yml"], accept_all=[key_name(a, fld), key_name(b, fld)])


# ---------------------------------------------------------------- unavailable
def not_held(question, y, gp):
    rs = [r for r in RACES if r["y"] == y]
    need(rs, "no season")
    need(not any(r["gp"] == gp for r in rs), "%s held in %d" % (gp, y))
    circs = {r["circuit"] for r in RACES if r["gp"] == gp}
    used = sorted({r["circuit"] for r in rs} & circs)
    note = "There was no %s in %d: the %d calendar (%d rounds) has no entry for it%s. The reply should say the race was not held that year." % (
        GPS[gp]["fullName"], y, y, len(rs), ("; its circuit(s) %s hosted another GP that year" % ", ".join(used)) if used else "")
    return rec(question, [], note, ["seasons/%d/races/*/race.yml" % y], unavailable=True)


@cand("unavailable", "not_held")
def u_bel59():
    return not_held("Who won the 1959 Belgian Grand Prix?", 1959, "belgium")


@cand("unavailable", "not_held")
def u_aut06():
    return not_held("Who took pole at the 2006 Austrian GP?", 2006, "austria")


@cand("unavailable", "not_held")
def u_ger17():
    return not_held("Who was on the podium at the 2017 German Grand Prix?", 2017, "germany")


def not_run(question, y, slug):
    r = race(y, slug)
    need(date.fromisoformat(r["date"]) < TODAY, "not before today")
    need(not any(r[k] for k in ("res", "spr", "q", "grid", "fl", "dotd")), "has results")
    note = "The %s (round %d, %s) has no results in the data: the last race with results is the 2026 Hungarian GP (round 11). The reply must not invent a result." % (
        rname(r), r["rnd"], r["date"])
    return rec(question, [], note, [r["path"] + "/race.yml"], unavailable=True)


@retired("unavailable", "not_run")
def u_bahrain26():
    return not_run("Who won the Bahrain Grand Prix this season?", 2026, "bahrain")


@retired("unavailable", "not_run")
def u_sp26():
    return not_run("who was on pole in são paulo this year", 2026, "sao-paulo")


def never_started(question, did):
    rows = driver_rows(did)
    need(rows, "no rows")
    need(all(not is_start(x) for _, x in rows), "has a start")
    for r in RACES:
        for k in ("q", "grid", "spr", "fl"):
            need(not any(x["driverId"] == did for x in (r[k] or [])), "has %s row" % k)
    note = "%s never started a championship race: his %d race-results rows are all non-starts (%s). The reply should say he never raced / has no results." % (
        dname(did), len(rows), ", ".join("%s %s" % (rname(r), x["position"]) for r, x in rows))
    return rec(question, [], note, ["seasons/*/races/*/race-results.yml", "drivers/%s.yml" % did], unavailable=True)


def NS_CANDIDATES():
    out = []
    st = starts_c(DONE)
    for did in sorted({x["driverId"] for r in DONE for x in r["res"]}):
        if st[did] == 0:
            out.append(did)
    return out


@cand("unavailable", "never_started")
def u_langes():
    return never_started("What was Claudio Langes's best race finish in F1?", "claudio-langes")


def not_stored(question, keys, note):
    for r in RACES:
        for k in ("res", "q", "grid", "fl", "spr"):
            for x in (r[k] or [])[:1]:
                need(not any(kk in " ".join(x.keys()).lower() for kk in keys), "key present")
    return rec(question, [], note, ["seasons/*/races/*/race-results.yml"], unavailable=True)


@cand("unavailable", "not_stored")
def u_brake():
    return not_stored("What were Verstappen's brake temperatures at the 2026 Canadian GP?", ["brake", "temp"],
                      "f1db stores results (positions, times, laps, points, grid), not car telemetry: there are no brake temperatures. The reply should say it is not in the data.")


@cand("unavailable", "not_stored")
def u_fuel():
    return not_stored("How much fuel did Senna start the 1988 Monaco GP with?", ["fuel"],
                      "f1db has no fuel-load data. The reply should say it is not in the data.")


@cand("unavailable", "not_stored")
def u_ers():
    return not_stored("how much ers deployment did norris use on the last lap in hungary this season", ["ers", "energy", "battery"],
                      "f1db has no power-unit / ERS deployment data; only results. The reply should say it is not in the data.")


@cand("unavailable", "not_stored")
def u_attend():
    return not_stored("What was the crowd attendance at Silverstone in 1987?", ["attendance", "crowd", "spectator"],
                      "f1db does not record attendance figures. The reply should say it is not in the data.")


@cand("unavailable", "not_stored")
def u_wing():
    return not_stored("What rear wing angle did Leclerc run at Monza in 2019?", ["wing", "setup", "downforce"],
                      "f1db stores no car set-up data (wing angles, downforce levels). The reply should say it is not in the data.")


@retired("unavailable", "not_stored")
def u_gforce():
    return not_stored("What was the peak g-force in Hamilton's car through Copse at the 2020 British GP?", ["force", "accel"],
                      "f1db has no telemetry (g-forces, speeds, throttle). The reply should say it is not in the data.")


@cand("unavailable", "not_stored")
def u_topspeed():
    return not_stored("What top speed did Kimi Antonelli hit in the speed trap at Spa this year?", ["speed", "trap"],
                      "f1db stores no speed-trap or top-speed data. The reply should say it is not in the data.")


# ---------------------------------------------------------------- replacements (facts not in earlier sets)
@cand("aggregate", "nationality_top_winner")
def a_aus():
    return nat_top("australia", "Which Australian has won the most Grands Prix?", "Top Australian race winner")


@cand("aggregate", "nationality_top_winner")
def a_rsa():
    return nat_top("south-africa", "Who is South Africa's most successful F1 race winner?", "Top South African race winner")


@cand("aggregate", "distinct_winners")
def a_dw_1977():
    rs = year_races(1977)
    w = wins_c(rs)
    note = "1977: %d different Grand Prix winners (%s)." % (len(w), ", ".join(sorted(dname(k) for k in w)))
    return rec("How many different drivers won a Grand Prix in 1977?", [str(len(w))], note, ["seasons/1977/races/*/race-results.yml"])


@cand("aggregate", "decade_podiums")
def a_pod50():
    rs = decade(1950)
    return agg_driver("Who had the most Grand Prix podium finishes in the 1950s?", rs, pod_c(rs),
                      "Most podiums 1950-1959 (P1-P3, " + NOSPR + "; a shared drive counts for each driver, once per race)",
                      ["seasons/195*/races/*/race-results.yml"])


@cand("aggregate", "team_top_winner")
def a_jordan_winner():
    rs, c = team_counter("jordan", "win")
    return agg_driver("Which driver won the most races for Jordan?", rs, c, "Most wins for Jordan (" + NOSPR + ")",
                      ["seasons/*/races/*/race-results.yml"])


@cand("aggregate", "team_podiums")
def a_bar_pods():
    rs, c = team_counter("bar", "pod")
    return agg_driver("Who scored the most podiums for BAR?", rs, c, "Most podiums for BAR (" + NOSPR + ")",
                      ["seasons/*/races/*/race-results.yml"])


@cand("aggregate", "circuit_wins")
def a_zandvoort():
    rs = circuit_races("zandvoort")
    return agg_driver("Who has won the most races at the Zandvoort circuit?", rs, wins_c(rs),
                      "Most wins at Zandvoort (circuitId zandvoort, " + NOSPR + ")", src_res(rs))


@cand("aggregate", "circuit_poles")
def a_hockenheim_poles():
    rs = circuit_races("hockenheimring")
    return agg_driver("Who took the most pole positions at Hockenheim?", rs, poles_c(rs),
                      "Most poles at the Hockenheimring (qualifying P1, checked against grid P1)", src_res(rs, "qualifying-results.yml"), pole=True)


@cand("aggregate", "team_podiums")
def a_ferrari_pods():
    rs, c = team_counter("ferrari", "pod")
    return agg_driver("Who has the most podium finishes in a Ferrari?", rs, c, "Most podiums for Ferrari (" + NOSPR + ")",
                      ["seasons/*/races/*/race-results.yml"])


@cand("aggregate", "engine_wins")
def a_honda_eng():
    c = per_race_set(DONE, "res", lambda x: ipos(x) == 1 and x["engineManufacturerId"] == "honda")
    return agg_driver("Which driver has won the most Grands Prix with a Honda engine?", DONE, c,
                      "Most wins with a Honda engine (engineManufacturerId honda, " + NOSPR + ")", ["seasons/*/races/*/race-results.yml"])


@cand("colloquial", "typo")
def c_button_poles():
    return colloq_count("jenson buton how many poles in his whole career", "jenson-button", "pole",
                        "career poles (qualifying P1, same on grid P1)", ["seasons/*/races/*/qualifying-results.yml"])


@cand("colloquial", "nickname")
def c_heidfeld_pods():
    return colloq_count("quick nick... no wait, nick heidfeld, how many podiums did he get", "nick-heidfeld", "pod",
                        "career Grand Prix podiums (P1-P3, sprints not counted)", ["seasons/*/races/*/race-results.yml"])


@cand("colloquial", "relative_time")
def c_alonso_2025():
    s = st_of(2025, "fernando-alonso")
    note = "Fernando Alonso scored %s points in 2025 (P%d in the final standings, sprints included)." % (fmtnum(s["points"]), s["position"])
    return rec("nando pts last season?", [fmtnum(s["points"])], note, ["seasons/2025/driver-standings.yml"])


@cand("colloquial", "abbreviation")
def c_wcc_1977():
    s = st_at(1977, 1, "c")
    note = "1977 constructors' champion: %s with %s points." % (CON[s["constructorId"]]["name"], fmtnum(s["points"]))
    return rec("wcc 77 who won it", cnames(s["constructorId"]), note, ["seasons/1977/constructor-standings.yml"])


@cand("colloquial", "slang")
def c_winner_1993_euro():
    r = race(1993, "europe")
    x = at(r["res"], 1)
    note = "1993 European Grand Prix (Donington Park) winner: %s (%s)." % (dname(x["driverId"]), CON[x["constructorId"]]["name"])
    return rec("donnington 93 in the wet, who won that", names(x["driverId"], field_of([r])), note, [r["path"] + "/race-results.yml"])


@cand("relational", "teammate")
def r_hamilton12():
    return rel_teammate("Who was Lewis Hamilton's team-mate at McLaren in 2012?", "lewis-hamilton", 2012, "mclaren")


@cand("relational", "teammate")
def r_vettel15():
    need(min(r["y"] for r, x in driver_rows("sebastian-vettel") if x["constructorId"] == "ferrari") == 2015, "premise")
    return rel_teammate("Sebastian Vettel's first Ferrari season, 2015: who was his team-mate?", "sebastian-vettel", 2015, "ferrari")


@cand("relational", "engine")
def r_williams84():
    return rel_engine("Which engine did Williams use in 1984?", "williams", 1984)


@cand("relational", "engine")
def r_benetton95():
    return rel_engine("What engine was Benetton running in 1995?", "benetton", 1995)


@cand("relational", "right_behind")
def r_behind_boutsen_hun90():
    r = race(1990, "hungary")
    need(at(r["res"], 1)["driverId"] == "thierry-boutsen", "premise")
    return rel_behind("Hungary 1990: who finished right behind the winner Thierry Boutsen?", r, "thierry-boutsen", 1)


@cand("relational", "right_ahead")
def r_ahead_schumacher_jpn98():
    return rel_behind("At the 1998 Austrian Grand Prix, who finished immediately ahead of Michael Schumacher?", race(1998, "austria"), "michael-schumacher", -1)


@cand("relational", "drivers_runner_up")
def r_ru_1968():
    return rel_runnerup("Who finished runner-up in the 1968 drivers' championship?", 1968, "d")


@cand("career_history", "first_win")
def h_coulthard_first():
    r = driver_rows("david-coulthard", lambda x: ipos(x) == 1)[0][0]
    return venue_rec("Where did David Coulthard get his first Grand Prix win, and in which year?", "david-coulthard", r, "first Grand Prix win")


@cand("career_history", "first_win")
def h_hunt_first():
    r = driver_rows("james-hunt", lambda x: ipos(x) == 1)[0][0]
    return venue_rec("James Hunt's first Grand Prix win: which race and which year?", "james-hunt", r, "first Grand Prix win")


@cand("career_history", "last_win")
def h_alboreto_last():
    r = driver_rows("michele-alboreto", lambda x: ipos(x) == 1)[-1][0]
    return venue_rec("Which race was Michele Alboreto's last win, and when?", "michele-alboreto", r, "last Grand Prix win")


@cand("career_history", "team_last_win")
def h_brm_last():
    return team_win_rec("Who won BRM's last Grand Prix, and in what year?", "brm", "last")


@cand("career_history", "team_first_win")
def h_march_first():
    return team_win_rec("Who scored March's first Grand Prix win, and when?", "march", "first")


@cand("career_history", "team_last_win")
def h_bar_first():
    return team_win_rec("Who gave Honda (the constructor) its last Grand Prix win, and in which year?", "honda", "last")


@cand("career_history", "team_first_win")
def h_toleman():
    return team_win_rec("Who won Wolf's first ever Grand Prix, and in what year?", "wolf", "first")


@cand("comparative", "season_points")
def k_rus_ham22():
    need(min(r["y"] for r, x in driver_rows("george-russell") if x["constructorId"] == "mercedes" and
             any(o["driverId"] == "lewis-hamilton" and o["constructorId"] == "mercedes" for o in r["res"])) == 2022, "premise")
    return season_pts(2022, "george-russell", "lewis-hamilton", "Russell vs Hamilton in 2022, their first year together: who scored more points and by how many?")


@cand("comparative", "career_wins")
def k_rindt_ickx():
    w = wins_c(DONE)
    return comp("Career wins: Jochen Rindt or Jacky Ickx, who has more and by how many?", "jochen-rindt", "jacky-ickx",
                w["jochen-rindt"], w["jacky-ickx"], "Career Grand Prix wins (" + NOSPR + ")", ["seasons/*/races/*/race-results.yml"])


@cand("comparative", "career_podiums")
def k_bar_ber_pods():
    p = pod_c(DONE)
    return comp("Podiums: Gerhard Berger or Rubens Barrichello, who had more and by how many?", "gerhard-berger", "rubens-barrichello",
                p["gerhard-berger"], p["rubens-barrichello"], "Career Grand Prix podiums (" + NOSPR + ")", ["seasons/*/races/*/race-results.yml"])


@cand("comparative", "finished_higher")
def k_miami26():
    return finished_higher("Miami 2026: who finished higher, Hamilton or Leclerc, and where did each finish?",
                           race(2026, "miami"), "lewis-hamilton", "charles-leclerc")


@cand("comparative", "team_wins")
def k_lotus_williams_60s():
    rs = decade(1960)
    w = wins_c(rs, "constructorId")
    return comp("In the 1960s, who won more races, Lotus or BRM, and by how many?", "lotus", "brm", w["lotus"], w["brm"],
                "Grand Prix wins 1960-1969 (once per race per team)", ["seasons/196*/races/*/race-results.yml"], cmpnames=lambda c: CON[c]["name"])


@cand("multi_part", "pole_winner")
def m_brazil03():
    return mp_pole_win("Brazil 2003: who started on pole and who was the winner?", race(2003, "brazil"))


@cand("multi_part", "wins_podiums")
def m_vet17():
    return mp_wins_x("Vettel in 2017: how many wins and how many podiums?", "sebastian-vettel", 2017, "podiums")


@cand("multi_part", "career_wins_podiums")
def m_patrese():
    did = "riccardo-patrese"
    w, p = wins_c(DONE)[did], pod_c(DONE)[did]
    note = "Riccardo Patrese's career: %d Grand Prix wins and %d podiums (sprints not counted)." % (w, p)
    return rec("Riccardo Patrese — career wins and career podiums?", [str(w)], note, ["seasons/*/races/*/race-results.yml"], accept_all=[str(w), str(p)])


@cand("multi_part", "champion_runner_up")
def m_1965():
    return mp_champ("1965: who was world champion and who was runner-up?", 1965, "runner")


@cand("multi_part", "winner_runner_up")
def m_hungary97():
    r = race(1997, "hungary")
    fld = field_of([r])
    a, b = at(r["res"], 1)["driverId"], at(r["res"], 2)["driverId"]
    note = "%s (%s): winner %s, runner-up %s." % (rname(r), r["date"], dname(a), dname(b))
    return rec("Hungaroring 1997 — who won, and who came second?", names(a, fld), note, [r["path"] + "/race-results.yml"], accept_all=[key_name(a, fld), key_name(b, fld)])


@cand("unavailable", "not_run")
def u_qatar26():
    return not_run("who set the fastest lap in qatar this season?", 2026, "qatar")


@cand("unavailable", "not_run")
def u_lv26():
    return not_run("Who was voted Driver of the Day at the 2026 Las Vegas GP?", 2026, "las-vegas")


# ---------------------------------------------------------------- build
def main():
    out, dropped, spares = [], [], []
    counts = Counter()
    tgt = dict(TARGETS)
    for group, category, f in CANDS:
        try:
            r = f()
        except Drop as e:
            dropped.append((f.__name__, str(e)))
            continue
        if counts[group] >= tgt[group]:
            spares.append(f.__name__)
            continue
        counts[group] += 1
        r = dict(r, group=group, category=category, key=f.__name__)
        out.append(r)
    for g, n in TARGETS:
        if counts[g] != n:
            print("dropped:", dropped)
        assert counts[g] == n, (g, counts[g], n)
    qs = [r["question"].lower() for r in out]
    assert len(set(qs)) == len(qs), "duplicate question"
    keys = [r["key"] for r in out]
    assert len(set(keys)) == len(keys)
    npass = 0
    for r in out:
        if r["expect_unavailable"]:
            assert r["accept"] == [] and not r["accept_all"]
        else:
            assert r["accept"]
            # remove accept strings contained in the question (non-comparatives)
            if r["group"] != "comparative":
                r["accept"] = [a for a in r["accept"] if norm(a) not in norm(r["question"])] or r["accept"]
            for a in r["accept_all"] or []:
                if r["group"] == "comparative":
                    if re.fullmatch(r"\d+", a):
                        assert not matches(r["question"], a), (r["key"], a)
                else:
                    assert not matches(r["question"], a), (r["key"], a)
            assert grade(r["answer_note"], r["accept"], r["accept_all"]), r["key"]
            npass += 1
        for s in r["source"]:
            p = os.path.join(DATA, s)
            assert glob.glob(p), s
    rnd = random.Random(SEED)
    rnd.shuffle(out)
    lines = []
    for i, r in enumerate(out, 1):
        o = {"id": "fbp-%03d" % i, "category": r["category"], "group": r["group"], "question": r["question"],
             "accept": r["accept"]}
        if r["accept_all"]:
            o["accept_all"] = r["accept_all"]
        o.update(expect_unavailable=r["expect_unavailable"], answer_note=r["answer_note"], source=r["source"])
        lines.append(json.dumps(o, ensure_ascii=False))
        if VERBOSE:
            print(o["id"], r["key"], json.dumps(o, ensure_ascii=False))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote", OUT, len(lines))
    print("groups:", dict(counts))
    print("accept_all:", sum(1 for r in out if r["accept_all"]), "unavailable:", sum(1 for r in out if r["expect_unavailable"]))
    print("self-check: %d of %d answerable pass" % (npass, sum(1 for r in out if not r["expect_unavailable"])))
    print("dropped:")
    for k, why in dropped:
        print("  ", k, "-", why)
    print("spares:", ", ".join(spares))
    print("retired by hand (fact in an earlier set):", ", ".join(RETIRED))


if __name__ == "__main__":
    main()
