"""Small statistics helpers over the f1db data loaded by f1data.load()."""
from collections import Counter, defaultdict
import unicodedata

import f1data

db = f1data.load()
D = db["drivers"]
C = db["constructors"]
S = db["seasons"]

NOT_STARTED = {"DNQ", "DNPQ", "DNP", "EX", "DNS"}


def races(year=None, with_results=True):
    years = [year] if year is not None else sorted(S)
    out = []
    for y in years:
        for r in S[y]["races"]:
            if with_results and r["race-results"] is None:
                continue
            out.append(r)
    return out


def rows(r, kind="race-results"):
    return r.get(kind) or []


def pos(r, p, kind="race-results"):
    return [x for x in rows(r, kind) if x["position"] == p]


def winners(r):
    return [x["driverId"] for x in pos(r, 1)]


def pole(r):
    return [x["driverId"] for x in pos(r, 1, "qualifying-results")]


def podium(r):
    return [[x["driverId"] for x in pos(r, p)] for p in (1, 2, 3)]


def dname(i):
    return D[i]["name"]


def cname(i):
    return C[i]["name"]


def fold(s):
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def count_by(kind, pred_race=lambda r: True, positions=(1,), key="driverId", year=None):
    c = Counter()
    for r in races(year):
        if not pred_race(r):
            continue
        for x in rows(r, kind):
            if x["position"] in positions:
                c[x[key]] += 1
    return c


def race_label(r):
    gp = db["grands_prix"][r["grandPrixId"]]["fullName"]
    return f"{r['year']} {gp} ({r['date']})"


def started(x):
    return x["position"] not in NOT_STARTED


def driver_races(did):
    out = []
    for r in races():
        for x in rows(r):
            if x["driverId"] == did:
                out.append((r, x))
    return out
