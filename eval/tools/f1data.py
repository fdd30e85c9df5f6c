"""Plain loader for the f1db YAML source (read-only). Used by build_blind_a.py."""
import os
import pickle
import glob
import yaml

DATA = "/work/shared/data/f1db/src/data"
CACHE = "/tmp/f1db_blind_a_cache.pkl"
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

RACE_FILES = [
    "race-results", "qualifying-results", "sprint-race-results", "starting-grid-positions",
    "fastest-laps", "pit-stops", "driver-standings", "constructor-standings",
    "sprint-qualifying-results", "free-practice-1-results", "driver-of-the-day-results",
]


def _load(path):
    with open(path) as f:
        return yaml.load(f, Loader=Loader)


def load():
    if os.path.exists(CACHE):
        with open(CACHE, "rb") as f:
            return pickle.load(f)
    db = {"drivers": {}, "constructors": {}, "circuits": {}, "grands_prix": {}, "engines": {},
          "countries": {}, "seasons": {}}
    for kind, folder in [("drivers", "drivers"), ("constructors", "constructors"), ("circuits", "circuits"),
                         ("grands_prix", "grands-prix"), ("engines", "engine-manufacturers"),
                         ("countries", "countries")]:
        for p in glob.glob(f"{DATA}/{folder}/*.yml"):
            d = _load(p)
            db[kind][d["id"]] = d
    for sdir in sorted(glob.glob(f"{DATA}/seasons/*")):
        year = int(os.path.basename(sdir))
        s = {"year": year, "races": []}
        for name in ["driver-standings", "constructor-standings", "entrants"]:
            p = f"{sdir}/{name}.yml"
            s[name] = _load(p) if os.path.exists(p) else None
        for rdir in sorted(glob.glob(f"{sdir}/races/*")):
            r = _load(f"{rdir}/race.yml")
            r["slug"] = os.path.basename(rdir)
            r["path"] = f"seasons/{year}/races/{r['slug']}"
            r["year"] = year
            for name in RACE_FILES:
                p = f"{rdir}/{name}.yml"
                r[name] = _load(p) if os.path.exists(p) else None
            s["races"].append(r)
        s["races"].sort(key=lambda r: r["round"])
        db["seasons"][year] = s
    with open(CACHE, "wb") as f:
        pickle.dump(db, f)
    return db
