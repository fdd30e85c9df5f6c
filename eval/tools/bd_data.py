"""Loader for build_blind_d.py (own helper)."""
import os, glob, pickle, yaml, unicodedata, re
D = '/work/shared/data/f1db/src/data'
CACHE = '/tmp/bd_cache.pkl'
def _y(p):
    with open(p) as f:
        return yaml.load(f, Loader=yaml.CSafeLoader)
def load():
    if os.path.exists(CACHE):
        return pickle.load(open(CACHE, 'rb'))
    db = {'drivers': {}, 'constructors': {}, 'gps': {}, 'circuits': {}, 'races': [], 'dstand': {}, 'cstand': {}}
    for kind, key in [('drivers','drivers'),('constructors','constructors'),('grands-prix','gps'),('circuits','circuits')]:
        for p in glob.glob(f'{D}/{kind}/*.yml'):
            x = _y(p); db[key][x['id']] = x
    for sd in sorted(glob.glob(f'{D}/seasons/*')):
        y = int(os.path.basename(sd))
        for nm, key in [('driver-standings.yml','dstand'),('constructor-standings.yml','cstand')]:
            p = f'{sd}/{nm}'
            if os.path.exists(p): db[key][y] = _y(p) or []
        for rd in sorted(glob.glob(f'{sd}/races/*')):
            r = _y(f'{rd}/race.yml'); r['year'] = y; r['dir'] = os.path.relpath(rd, D)
            for nm in ['race-results','qualifying-results','sprint-race-results','starting-grid-positions','pit-stops','fastest-laps','driver-standings','constructor-standings']:
                p = f'{rd}/{nm}.yml'
                r[nm] = (_y(p) or []) if os.path.exists(p) else None
            db['races'].append(r)
    pickle.dump(db, open(CACHE, 'wb'))
    return db
def fold(s):
    return ''.join(c for c in unicodedata.normalize('NFKD', s.lower()) if not unicodedata.combining(c))
def matches(reply, s):
    r = fold(reply); s = fold(s)
    if re.fullmatch(r'\d+', s):
        return re.search(r'(?<![\d.])' + s + r'(?![\d]|\.\d)', r) is not None
    return s in r
