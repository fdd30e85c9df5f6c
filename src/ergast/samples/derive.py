#!/usr/bin/env python3
"""Derives expected ergast.com responses straight from the Ergast CSV dump and the documented semantics
(independently of the server's code), for src/ergast/conformance.test.ts. Run:
  python3 src/ergast/samples/derive.py ../shared/data/ergast-csv/data src/ergast/samples
Each output is {"url", "status", "body"}; error cases carry no body."""
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
def write(name, url, body=None, status=200):
    with open(os.path.join(out, name), 'w') as f:
        json.dump({'url': url, 'status': status, **({'body': body} if body else {})}, f, ensure_ascii=False, indent=1)
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
      envelope('/2023/sprint.json', 100, 0, len(rows), 'RaceTable', {'season': '2023', 'Races': rs}))
rows, rs = sprint_table('2024', grid='1')
write('derived@2024@grid@1@sprint.json', '/api/f1/2024/grid/1/sprint.json',
      envelope('/2024/grid/1/sprint.json', 30, 0, len(rows), 'RaceTable', {'season': '2024', 'grid': '1', 'Races': rs}))

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
      envelope('/1980/driverStandings.json', 100, 0, total, 'StandingsTable', table))

# 3. A season's drivers by surname (MySQL's accent- and case-folding collation), ties by id.
def fold(s): return ''.join(c for c in unicodedata.normalize('NFD', s) if unicodedata.category(c) != 'Mn').lower()
ids = {r['raceId'] for r in season_races('2024')}
ds = sorted({x['driverId'] for x in results if x['raceId'] in ids}, key=lambda d: (fold(drivers[d]['surname']), int(d)))
write('derived@2024@drivers.json', '/api/f1/2024/drivers.json',
      envelope('/2024/drivers.json', 30, 0, len(ds), 'DriverTable', {'season': '2024', 'Drivers': [driver(d) for d in ds[:30]]}))

# 4. Bad requests: an unknown resource, a malformed offset, a round without a season.
write('derived@error@podiums.json', '/api/f1/2023/podiums.json', status=400)
write('derived@error@offset.json', '/api/f1/drivers.json?offset=abc', status=400)
write('derived@error@jolpica-standings-without-season.json', '/ergast/f1/driverstandings.json', status=400)
