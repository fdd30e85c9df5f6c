#!/usr/bin/env python3
"""Derives expected ergast.com responses straight from the Ergast CSV dump and the documented semantics
(independently of the server's code), for src/ergast/conformance.test.ts. Run:
  python3 src/ergast/samples/derive.py ../shared/data/ergast-csv/data src/ergast/samples && npx prettier --write "src/ergast/samples/*.json"
Each output is {"url", "status", "class", "body"} (class: the difference class of issue 16 it probes); error
cases carry no body, and a probe whose full answer our sources cannot state (lap times the dump does not ship)
carries "fields": {path: value} instead, the parts of the answer that can be stated exactly; "unstated" lists
paths neither the dump nor the documentation settle (not compared). Needs the f1db
source too (F1DB, default ../shared/data/f1db) for what `current` means in our data."""
import csv, json, sys, unicodedata, os

src, out = sys.argv[1], sys.argv[2]
def read(t):
    with open(os.path.join(src, t + '.csv'), newline='', encoding='utf-8') as f:
        return [{k: (None if v in ('\\N', '') else v) for k, v in r.items()} for r in csv.DictReader(f)]
races = {r['raceId']: r for r in read('races')}
circuits = {r['circuitId']: r for r in read('circuits')}
drivers = {r['driverId']: r for r in read('drivers')}
teams = {r['constructorId']: r for r in read('constructors')}
status = {r['statusId']: r['status'] for r in read('status')}
results = read('results')
sprints = read('sprint_results')
standings = read('driver_standings')
COUNTRY = {'United States': 'USA', 'United Kingdom': 'UK', 'United Arab Emirates': 'UAE'}
XMLNS = 'http://ergast.com/mrd/1.5'

def drop_none(o): return {k: v for k, v in o.items() if v is not None}
def driver(d):
    d = drivers[d]
    return drop_none({'driverId': d['driverRef'], 'permanentNumber': d['number'], 'code': d['code'], 'url': d['url'],
        'givenName': d['forename'], 'familyName': d['surname'], 'dateOfBirth': d['dob'], 'nationality': d['nationality']})
def team(c):
    c = teams[c]
    return drop_none({'constructorId': c['constructorRef'], 'url': c['url'], 'name': c['name'], 'nationality': c['nationality']})
def circuit(c):
    c = circuits[c]
    return {'circuitId': c['circuitRef'], 'url': c['url'], 'circuitName': c['name'], 'Location': drop_none({
        'lat': c['lat'], 'long': c['lng'], 'locality': c['location'], 'country': COUNTRY.get(c['country'], c['country'])})}
def race_head(r):
    r = races[r]
    return drop_none({'season': r['year'], 'round': r['round'], 'url': r['url'], 'raceName': r['name'],
        'Circuit': circuit(r['circuitId']), 'date': r['date'], 'time': r['time'] + 'Z' if r['time'] else None})
def envelope(path, limit, offset, total, table, content):
    return {'MRData': {'xmlns': XMLNS, 'series': 'f1', 'url': 'http://ergast.com/api/f1' + path.lower(),
        'limit': str(limit), 'offset': str(offset), 'total': str(total), table: content}}
def points(p): return str(int(float(p))) if float(p).is_integer() else p
def write(name, url, body=None, status=200, cls=None, fields=None, unstated=None):
    with open(os.path.join(out, name), 'w') as f:
        json.dump({'url': url, 'status': status, 'class': cls, **({'body': body} if body else {}),
                   **({'fields': fields} if fields else {}), **({'unstated': unstated} if unstated else {})},
                  f, ensure_ascii=False, indent=1)
        f.write('\n')
def season_races(y): return sorted((r for r in races.values() if r['year'] == y), key=lambda r: int(r['round']))

# 1. Sprint results with their fastest laps, and the sprint grid filter.
def sprint_item(s):
    o = drop_none({'number': s['number'], 'position': s['positionOrder'], 'positionText': s['positionText'],
        'points': points(s['points']), 'Driver': driver(s['driverId']), 'Constructor': team(s['constructorId']),
        'grid': s['grid'], 'laps': s['laps'], 'status': status[s['statusId']]})
    if s['milliseconds'] and s['time']: o['Time'] = {'millis': s['milliseconds'], 'time': s['time']}
    if s['fastestLapTime']:
        o['FastestLap'] = drop_none({'rank': s['rank'], 'lap': s['fastestLap'], 'Time': {'time': s['fastestLapTime']}})
    return o
def sprint_table(year, grid=None, limit=100):
    ids = [r['raceId'] for r in season_races(year)]
    rows = sorted((s for s in sprints if s['raceId'] in ids and (grid is None or s['grid'] == grid)),
                  key=lambda s: (ids.index(s['raceId']), int(s['positionOrder'])))
    out_races = []
    for s in rows[:limit]:
        if not out_races or out_races[-1]['_id'] != s['raceId']:
            out_races.append({'_id': s['raceId'], **race_head(s['raceId']), 'SprintResults': []})
        out_races[-1]['SprintResults'].append(sprint_item(s))
    for r in out_races: del r['_id']
    return rows, out_races
rows, rs = sprint_table('2023')
write('derived@2023@sprint.json', '/api/f1/2023/sprint.json?limit=100',
      envelope('/2023/sprint.json', 100, 0, len(rows), 'RaceTable', {'season': '2023', 'Races': rs}), cls='sprint-fastest-lap')
rows, rs = sprint_table('2024', grid='1')
write('derived@2024@grid@1@sprint.json', '/api/f1/2024/grid/1/sprint.json',
      envelope('/2024/grid/1/sprint.json', 30, 0, len(rows), 'RaceTable', {'season': '2024', 'grid': '1', 'Races': rs}), cls='sprint-grid')

# 2. Final standings of 1980: every entrant, ties broken by countback (the dump's positions).
def final_standings(year, limit):
    last = season_races(year)[-1]
    # the last round of the season that has standings
    for r in reversed(season_races(year)):
        if any(s['raceId'] == r['raceId'] for s in standings): last = r; break
    rows = sorted((s for s in standings if s['raceId'] == last['raceId']), key=lambda s: int(s['position']))
    ids = [r['raceId'] for r in season_races(year) if int(r['round']) <= int(last['round'])]
    def teams_of(d):
        seen = {}
        for x in results:
            if x['driverId'] == d and x['raceId'] in ids:
                rnd = int(races[x['raceId']]['round'])
                ref = teams[x['constructorId']]['constructorRef']
                if ref not in seen or rnd < seen[ref][0]: seen[ref] = (rnd, x['constructorId'])
        return [team(c) for _, c in sorted(seen.values(), key=lambda v: (v[0], teams[v[1]]['constructorRef']))]
    items = [{'position': s['position'], 'positionText': s['positionText'], 'points': points(s['points']),
              'wins': s['wins'], 'Driver': driver(s['driverId']), 'Constructors': teams_of(s['driverId'])} for s in rows[:limit]]
    return len(rows), {'season': year, 'StandingsLists': [{'season': year, 'round': last['round'], 'DriverStandings': items}]}
total, table = final_standings('1980', 100)
write('derived@1980@driverstandings.json', '/api/f1/1980/driverStandings.json?limit=100',
      envelope('/1980/driverStandings.json', 100, 0, total, 'StandingsTable', table), cls='standings-countback')

# 3. A season's drivers by surname (MySQL's accent- and case-folding collation), ties by id.
def fold(s): return ''.join(c for c in unicodedata.normalize('NFD', s) if unicodedata.category(c) != 'Mn').lower()
ids = {r['raceId'] for r in season_races('2024')}
ds = sorted({x['driverId'] for x in results if x['raceId'] in ids}, key=lambda d: (fold(drivers[d]['surname']), int(d)))
write('derived@2024@drivers.json', '/api/f1/2024/drivers.json',
      envelope('/2024/drivers.json', 30, 0, len(ds), 'DriverTable', {'season': '2024', 'Drivers': [driver(d) for d in ds[:30]]}), cls='row-order')

# 4. Bad requests: an unknown resource, a malformed offset, a round without a season.
write('derived@error@podiums.json', '/api/f1/2023/podiums.json', status=400, cls='bad-input')
write('derived@error@offset.json', '/api/f1/drivers.json?offset=abc', status=400, cls='bad-input')
write('derived@error@jolpica-standings-without-season.json', '/ergast/f1/driverstandings.json', status=400, cls='bad-input')

# ---------------------------------------------------------------- the per-class probe set (issue 16)
# Every probe below states the whole answer from the dump (and, for `current`, f1db's calendar), unless it
# carries "fields". Class names are those of `race-engineer ergast conformance --classes`.
import glob, re
F1DB = os.environ.get('F1DB', os.path.join(os.path.dirname(src.rstrip('/')), '..', 'f1db'))
qualis = read('qualifying')
pits = read('pit_stops')
cstandings = read('constructor_standings')
by_ref = {d['driverRef']: k for k, d in drivers.items()}
team_ref = {c['constructorRef']: k for k, c in teams.items()}
def race_id(y, rnd): return next(r['raceId'] for r in races.values() if r['year'] == str(y) and r['round'] == str(rnd))
def page(rows, limit, offset): return rows[offset:offset + limit]
def result_item(x):
    o = drop_none({'number': x['number'], 'position': x['positionOrder'], 'positionText': x['positionText'],
        'points': points(x['points']), 'Driver': driver(x['driverId']), 'Constructor': team(x['constructorId']),
        'grid': x['grid'], 'laps': x['laps'], 'status': status[x['statusId']]})
    if x['milliseconds'] and x['time']: o['Time'] = {'millis': x['milliseconds'], 'time': x['time']}
    if x['fastestLapTime']:
        o['FastestLap'] = drop_none({'rank': x['rank'] if x['rank'] not in (None, '0') else None, 'lap': x['fastestLap'],
            'Time': {'time': x['fastestLapTime']},
            'AverageSpeed': {'units': 'kph', 'speed': '%.3f' % float(x['fastestLapSpeed'])} if x['fastestLapSpeed'] else None})
    return o
def race_table(rows, key, item, limit=30, offset=0):
    """Rows (any order) → (total, Races): by season, round and the dump's classification order."""
    rows = sorted(rows, key=lambda x: (int(races[x['raceId']]['year']), int(races[x['raceId']]['round']),
                                       int(x.get('positionOrder') or x.get('position') or 0)))
    out_races = []
    for x in page(rows, limit, offset):
        if not out_races or out_races[-1]['_id'] != x['raceId']:
            out_races.append({'_id': x['raceId'], **race_head(x['raceId']), key: []})
        out_races[-1][key].append(item(x))
    for r in out_races: del r['_id']
    return len(rows), out_races
def ergast(name, path, table, content, total, cls, limit=30, offset=0, query='', unstated=None):
    write(name, '/api/f1' + path + query, envelope(path, limit, offset, total, table, content), cls=cls, unstated=unstated)
def in_year(y): return {r['raceId'] for r in season_races(str(y))}

# sprint-fastest-lap: a constructor's sprints, the first sprint season.
rid = team_ref['red_bull']
total, rs = race_table([s for s in sprints if s['raceId'] in in_year(2023) and s['constructorId'] == rid], 'SprintResults', sprint_item)
ergast('probe@2023@constructors@red_bull@sprint.json', '/2023/constructors/red_bull/sprint.json', 'RaceTable',
       {'season': '2023', 'constructorId': 'red_bull', 'Races': rs}, total, 'sprint-fastest-lap')
total, rs = race_table([s for s in sprints if s['raceId'] in in_year(2021)], 'SprintResults', sprint_item, limit=100)
ergast('probe@2021@sprint.json', '/2021/sprint.json', 'RaceTable', {'season': '2021', 'Races': rs}, total,
       'sprint-fastest-lap', limit=100, query='?limit=100')
# sprint-grid
total, rs = race_table([s for s in sprints if s['raceId'] in in_year(2023) and s['grid'] == '2'], 'SprintResults', sprint_item)
ergast('probe@2023@grid@2@sprint.json', '/2023/grid/2/sprint.json', 'RaceTable',
       {'season': '2023', 'grid': '2', 'Races': rs}, total, 'sprint-grid')

# fastest-zero: /fastest/0/ is no filter; whether ergast.com echoed `fastest: "0"` is not documented (unstated).
def circuits_of(race_ids):
    refs = sorted({circuits[races[r]['circuitId']]['circuitRef'] for r in race_ids})
    ids = {circuits[races[r]['circuitId']]['circuitRef']: races[r]['circuitId'] for r in race_ids}
    return [circuit(ids[c]) for c in refs]
alo = by_ref['alonso']
cs = circuits_of({x['raceId'] for x in results if x['driverId'] == alo and x['raceId'] in in_year(2008)})
ergast('probe@2008@drivers@alonso@fastest@0@circuits.json', '/2008/drivers/alonso/fastest/0/circuits.json',
       'CircuitTable', {'season': '2008', 'driverId': 'alonso', 'Circuits': cs}, len(cs), 'fastest-zero',
       unstated=['MRData.CircuitTable.fastest'])
r1 = race_id(2021, 1)
total, rs = race_table([x for x in results if x['raceId'] == r1], 'Results', result_item)
ergast('probe@2021@1@fastest@0@results.json', '/2021/1/fastest/0/results.json', 'RaceTable',
       {'season': '2021', 'round': '1', 'Races': rs}, total, 'fastest-zero', unstated=['MRData.RaceTable.fastest'])

# relative-rounds: next of a finished season is round 1 of the following one; last its final round;
# current (ergast.com) the season of the latest results, in our data f1db's.
r = race_id(2023, 1)
total, rs = race_table([x for x in results if x['raceId'] == r], 'Results', result_item)
ergast('probe@2022@next@results.json', '/2022/next/results.json', 'RaceTable',
       {'season': '2023', 'round': '1', 'Races': rs}, total, 'relative-rounds')
r = race_id(2022, 22)
total, rs = race_table([x for x in results if x['raceId'] == r], 'Results', result_item)
ergast('probe@2022@last@results.json', '/2022/last/results.json', 'RaceTable',
       {'season': '2022', 'round': '22', 'Races': rs}, total, 'relative-rounds')
def standings_at(year, rnd, limit, echo=None, round_asked=False):
    rid = race_id(year, rnd)
    rows = sorted((s for s in standings if s['raceId'] == rid), key=lambda s: int(s['position']))
    if echo: rows = [s for s in rows if s['position'] == echo]
    ids = [r['raceId'] for r in season_races(str(year)) if int(r['round']) <= rnd]
    def teams_of(d):
        seen = {}
        for x in results:
            if x['driverId'] == d and x['raceId'] in ids:
                rr = int(races[x['raceId']]['round']); ref = teams[x['constructorId']]['constructorRef']
                if ref not in seen or rr < seen[ref][0]: seen[ref] = (rr, x['constructorId'])
        return [team(c) for _, c in sorted(seen.values(), key=lambda v: (v[0], teams[v[1]]['constructorRef']))]
    items = [{'position': s['position'], 'positionText': s['positionText'], 'points': points(s['points']),
              'wins': s['wins'], 'Driver': driver(s['driverId']), 'Constructors': teams_of(s['driverId'])} for s in rows[:limit]]
    return len(rows), {'season': str(year), **({'round': str(rnd)} if round_asked else {}),
        **({'driverStandings': echo} if echo else {}),
        'StandingsLists': [{'season': str(year), 'round': str(rnd), 'DriverStandings': items}]}
def cstandings_at(year, rnd, echo=None):
    rid = race_id(year, rnd)
    rows = sorted((s for s in cstandings if s['raceId'] == rid), key=lambda s: int(s['position']))
    if echo: rows = [s for s in rows if s['position'] == echo]
    items = [{'position': s['position'], 'positionText': s['positionText'], 'points': points(s['points']),
              'wins': s['wins'], 'Constructor': team(s['constructorId'])} for s in rows[:30]]
    return len(rows), {'season': str(year), **({'constructorStandings': echo} if echo else {}),
        'StandingsLists': [{'season': str(year), 'round': str(rnd), 'ConstructorStandings': items}]}
total, t = standings_at(2022, 22, 30, round_asked=True)
ergast('probe@2022@last@driverstandings.json', '/2022/last/driverStandings.json', 'StandingsTable', t, total, 'relative-rounds')
# f1db: the latest season with race results, its last round with them and the first without.
def f1db_rounds(year):
    out = []
    for d in sorted(glob.glob(os.path.join(F1DB, 'src/data/seasons', str(year), 'races', '*'))):
        m = re.search(r'circuitId:\s*(\S+)', open(os.path.join(d, 'race.yml')).read())
        out.append((int(os.path.basename(d).split('-')[0]), m.group(1), os.path.exists(os.path.join(d, 'race-results.yml'))))
    return out
years = sorted(int(os.path.basename(p)) for p in glob.glob(os.path.join(F1DB, 'src/data/seasons', '*')))
current = max(y for y in years if any(done for _, _, done in f1db_rounds(y)))
rounds = f1db_rounds(current)
last = max(n for n, _, done in rounds if done)
nxt = min((n for n, _, done in rounds if not done), default=None)
cref = {c['circuitRef']: k for k, c in circuits.items()}
def circuit_probe(name, prefix, path, season, rnd, ref, cls, https=False):
    c = circuit(cref[ref])
    if https: c = {**c, 'url': c['url'].replace('http://', 'https://')}
    body = envelope(path, 30, 0, 1, 'CircuitTable', {'season': str(season), 'round': str(rnd), 'Circuits': [c]})
    if prefix == '/ergast/f1':  # Jolpica: empty xmlns, the request's own host and path
        body['MRData'].update({'xmlns': '', 'url': 'http://localhost/ergast/f1' + path.lower()})
    write(name, prefix + path, body, cls=cls)
circuit_probe('probe@current@last@circuits.json', '/api/f1', '/current/last/circuits.json', current, last,
              next(c for n, c, _ in rounds if n == last), 'relative-rounds')
if nxt:
    circuit_probe('probe@current@next@circuits.json', '/api/f1', '/current/next/circuits.json', current, nxt,
                  next(c for n, c, _ in rounds if n == nxt), 'relative-rounds')
# Jolpica: current is the calendar year (2026 at the time of writing, as the f1db data's latest season)
circuit_probe('probe@jolpica@current@last@circuits.json', '/ergast/f1', '/current/last/circuits.json', current, last,
              next(c for n, c, _ in rounds if n == last), 'relative-rounds', https=True)
circuit_probe('probe@jolpica@2022@next@circuits.json', '/ergast/f1', '/2022/next/circuits.json', 2023, 1,
              circuits[races[race_id(2023, 1)]['circuitId']]['circuitRef'], 'relative-rounds', https=True)

# table-echoes: driverStandings/constructorStandings echo under their own names, results/N as position.
total, t = standings_at(2023, 22, 30, echo='1')
ergast('probe@2023@driverstandings@1.json', '/2023/driverStandings/1.json', 'StandingsTable', t, total, 'table-echoes')
total, t = cstandings_at(2010, 19, echo='1')
ergast('probe@2010@constructorstandings@1.json', '/2010/constructorStandings/1.json', 'StandingsTable', t, total, 'table-echoes')
total, rs = race_table([x for x in results if x['raceId'] in in_year(2023) and x['position'] == '1'], 'Results', result_item)
ergast('probe@2023@results@1.json', '/2023/results/1.json', 'RaceTable', {'season': '2023', 'position': '1', 'Races': rs},
       total, 'table-echoes')
# url-case: camel-case resources, MRData.url lower-cased by ergast.com
total, t = cstandings_at(2010, 19)
ergast('probe@2010@constructorStandings.json', '/2010/constructorStandings.json', 'StandingsTable', t, total, 'url-case')
total, t = standings_at(2023, 5, 30, round_asked=True)
ergast('probe@2023@5@driverStandings.json', '/2023/5/driverStandings.json', 'StandingsTable', t, total, 'url-case')

# row-order: drivers by surname; standings rows (ties, 0 points) in the dump's order.
ids = {r['raceId'] for r in season_races('2023')}
ds = sorted({x['driverId'] for x in results if x['raceId'] in ids}, key=lambda d: (fold(drivers[d]['surname']), int(d)))
ergast('probe@2023@drivers.json', '/2023/drivers.json', 'DriverTable', {'season': '2023', 'Drivers': [driver(d) for d in ds[:30]]},
       len(ds), 'row-order')
final1990 = max(int(r['round']) for r in season_races('1990'))
total, t = standings_at(1990, final1990, 100)
ergast('probe@1990@driverStandings.json', '/1990/driverStandings.json', 'StandingsTable', t,
       total, 'row-order', limit=100, query='?limit=100')

# standings-countback: 1980 (countback ties, every entrant incl. 0 points), mid-season too.
total, t = cstandings_at(1980, 14)
ergast('probe@1980@constructorStandings.json', '/1980/constructorStandings.json', 'StandingsTable', t, total, 'standings-countback')
total, t = standings_at(1980, 5, 100, round_asked=True)
ergast('probe@1980@5@driverStandings.json', '/1980/5/driverStandings.json', 'StandingsTable', t, total,
       'standings-countback', limit=100, query='?limit=100')

# qualifying-duplicate: 2023 round 10 once per driver, and the season's paging across it.
def quali_item(q):
    return drop_none({'number': q['number'], 'position': q['position'], 'Driver': driver(q['driverId']),
        'Constructor': team(q['constructorId']), 'Q1': q['q1'], 'Q2': q['q2'], 'Q3': q['q3']})
r10 = race_id(2023, 10)
total, rs = race_table([q for q in qualis if q['raceId'] == r10], 'QualifyingResults', quali_item)
ergast('probe@2023@10@qualifying.json', '/2023/10/qualifying.json', 'RaceTable', {'season': '2023', 'round': '10', 'Races': rs},
       total, 'qualifying-duplicate')
total, rs = race_table([q for q in qualis if q['raceId'] in in_year(2023)], 'QualifyingResults', quali_item, limit=40, offset=190)
ergast('probe@2023@qualifying.json', '/2023/qualifying.json', 'RaceTable', {'season': '2023', 'Races': rs},
       total, 'qualifying-duplicate', limit=40, offset=190, query='?limit=40&offset=190')

# jolpica-qualifying: /qualifying/N matches rank N in Q1, Q2 or Q3 (a session's entrants: those with a time
# there, and those the final order sent there (Q2: top 15, Q3: top 10 of 20) ranked after them by final
# position); a page takes rows by best session rank, each race lists them by final position. Stated as the
# drivers and their order.
def session_ranks(rid):
    qs = [q for q in qualis if q['raceId'] == rid]
    def ms(t): m, s = t.split(':'); return int(m) * 60000 + round(float(s) * 1000)
    ranks = {}
    for col, size in (('q1', len(qs)), ('q2', 15), ('q3', 10)):
        entrants = [q for q in qs if q[col] or int(q['position']) <= size]
        order = sorted(entrants, key=lambda q: (0, ms(q[col]), 0) if q[col] else (1, 0, int(q['position'])))
        for i, q in enumerate(order): ranks.setdefault(q['driverId'], []).append(i + 1)
    return qs, ranks
def quali_hits(rnd, n):
    qs, ranks = session_ranks(race_id(2023, rnd))
    # Jolpica pages by best session rank but prints each race's rows by final position.
    return sorted((q for q in qs if n in ranks.get(q['driverId'], [])), key=lambda q: int(q['position']))
for rnd, n in ((5, 9), (6, 6), (7, 4)):
    hit = quali_hits(rnd, n)
    f = {'MRData.total': str(len(hit))}
    for i, q in enumerate(hit):
        f[f'MRData.RaceTable.Races[0].QualifyingResults[{i}].Driver.driverId'] = drivers[q['driverId']]['driverRef']
        f[f'MRData.RaceTable.Races[0].QualifyingResults[{i}].position'] = q['position']
    write(f'probe@jolpica@2023@{rnd}@qualifying@{n}.json', f'/ergast/f1/2023/{rnd}/qualifying/{n}.json', cls='jolpica-qualifying', fields=f)

# jolpica-status (from 2023): Finished / Lapped / Retired / Disqualified (numbered by classification) /
# Did not start. One driver's result per probe, stated as its status, position and positionText.
def jolpica_status(x):
    s = status[x['statusId']]
    if s == 'Finished': return 'Finished'
    if s.startswith('+'): return 'Lapped'
    if s == 'Disqualified': return 'Disqualified'
    if s in ('Did not start', 'Withdrew'): return 'Did not start'
    return 'Retired'
picked = {}
for x in sorted(results, key=lambda x: int(x['raceId'])):
    if x['raceId'] in in_year(2023) and races[x['raceId']]['round'] != '9':
        picked.setdefault(jolpica_status(x), x)
for st, x in sorted(picked.items()):
    rnd, ref = races[x['raceId']]['round'], drivers[x['driverId']]['driverRef']
    numbered = x['position'] is not None or st == 'Disqualified'
    base = 'MRData.RaceTable.Races[0].Results[0].'
    write(f'probe@jolpica@2023@{rnd}@drivers@{ref}@results.json', f'/ergast/f1/2023/{rnd}/drivers/{ref}/results.json',
          cls='jolpica-status', fields={'MRData.total': '1', base + 'status': st, base + 'position': x['positionOrder'],
          base + 'positionText': x['positionOrder'] if numbered else ('R' if x['positionText'] == 'N' else x['positionText']),
          base + 'laps': x['laps'], base + 'points': points(x['points'])})

# bad-input: more malformed requests; limits clamped to each service's maximum.
write('probe@error@jolpica-podiums.json', '/ergast/f1/2023/podiums.json', status=400, cls='bad-input')
write('probe@error@limit.json', '/api/f1/2023/1/results.json?limit=abc', status=400, cls='bad-input')
write('probe@error@round-word.json', '/api/f1/2023/first/results.json', status=400, cls='bad-input')
ids = {r['raceId'] for r in season_races('1990')}
ds = sorted({x['driverId'] for x in results if x['raceId'] in ids}, key=lambda d: (fold(drivers[d]['surname']), int(d)))
ergast('probe@1990@drivers.json', '/1990/drivers.json', 'DriverTable', {'season': '1990', 'Drivers': [driver(d) for d in ds]},
       len(ds), 'bad-input', limit=1000, query='?limit=5000')
# Jolpica orders drivers by surname alone: a season without two drivers of one surname, nor accents.
def season_drivers(y):
    ids = {r['raceId'] for r in season_races(str(y))}
    return sorted({x['driverId'] for x in results if x['raceId'] in ids}, key=lambda d: (fold(drivers[d]['surname']), int(d)))
jy = next(y for y in range(2024, 1990, -1) if len({fold(drivers[d]['surname']) for d in season_drivers(y)}) == len(season_drivers(y))
          )
ds = season_drivers(jy)
body = envelope(f'/{jy}/drivers.json', 100, 0, len(ds), 'DriverTable', {'season': str(jy), 'Drivers': [driver(d) for d in ds[:100]]})
body['MRData'].update({'xmlns': '', 'url': f'http://localhost/ergast/f1/{jy}/drivers.json'})
write(f'probe@jolpica@{jy}@drivers.json', f'/ergast/f1/{jy}/drivers.json?limit=500', body, cls='bad-input')

# Data differences. Baku 2023 sprint as the dump has it; Las Vegas' country; 2023 round 18's pit stops
# (ergast.com: the dump's); 1965 standings with the entrants f1db lacks; 2023 round 18's laps, stated as their
# count (every driver's laps from the results) and where each page starts.
r4 = race_id(2023, 4)
total, rs = race_table([s for s in sprints if s['raceId'] == r4], 'SprintResults', sprint_item)
ergast('probe@2023@4@sprint.json', '/2023/4/sprint.json', 'RaceTable', {'season': '2023', 'round': '4', 'Races': rs},
       total, 'data-baku-sprint')
ergast('probe@circuits@vegas.json', '/circuits/vegas.json', 'CircuitTable', {'circuitId': 'vegas', 'Circuits': [circuit(cref['vegas'])]},
       1, 'data-las-vegas')
r18 = race_id(2023, 18)
def hms(t): h, m, s = map(int, t.split(':')); return h * 3600 + m * 60 + s
ps = sorted((p for p in pits if p['raceId'] == r18), key=lambda p: (hms(p['time']), int(p['stop'])))
items = [{'driverId': drivers[p['driverId']]['driverRef'], 'lap': p['lap'], 'stop': p['stop'], 'time': p['time'],
          'duration': p['duration']} for p in ps]
head = race_head(r18)
ergast('probe@2023@18@pitstops.json', '/2023/18/pitstops.json', 'RaceTable',
       {'season': '2023', 'round': '18', 'Races': [{**head, 'PitStops': items[:100]}]}, len(items), 'data-pitstops-r18',
       limit=100, query='?limit=100')
final1965 = max(int(r['round']) for r in season_races('1965'))
total, t = standings_at(1965, final1965, 100)
ergast('probe@1965@driverStandings.json', '/1965/driverStandings.json', 'StandingsTable', t, total,
       'data-early-entrants', limit=100, query='?limit=100')
laps18 = [x for x in results if x['raceId'] == r18]
per_lap = [sum(1 for x in laps18 if int(x['laps']) >= n) for n in range(1, 57)]
f = {'MRData.total': str(sum(int(x['laps']) for x in laps18)), 'MRData.RaceTable.Races[0].Laps[0].number': '1'}
write('probe@2023@18@laps.json', '/api/f1/2023/18/laps.json?limit=100', cls='data-laps-r18',
      fields={**f, 'MRData.RaceTable.Races[0].Laps[0].Timings.length': str(per_lap[0]),
              'MRData.RaceTable.Races[0].Laps.length': str(next(i + 1 for i in range(56) if sum(per_lap[:i + 1]) >= 100))})
off = per_lap[0]
write('probe@2023@18@laps-page2.json', f'/api/f1/2023/18/laps.json?limit=30&offset={off}', cls='data-laps-r18',
      fields={'MRData.RaceTable.Races[0].Laps[0].number': '2', 'MRData.RaceTable.Races[0].Laps[0].Timings.length': str(min(30, per_lap[1]))})

# data-early-constructors: 1960s results carry the dump's per-result constructor (privateers' brabham-ford,
# lds-alfa_romeo), as in the standings.
for y in (1965,):
    total, rs = race_table([x for x in results if x['raceId'] in in_year(y)], 'Results', result_item, limit=1000)
    ergast(f'probe@{y}@results.json', f'/{y}/results.json', 'RaceTable', {'season': str(y), 'Races': rs}, total,
           'data-early-constructors', limit=1000, query='?limit=1000')
