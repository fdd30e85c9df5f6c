import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import {
  resolveCircuit,
  resolveConstructor,
  resolveDriver,
  resolveGrandPrix,
  resolveRace,
} from './resolve.ts';
import { testDb } from './test-db.ts';

const db = testDb();
const driver = (q: string, year?: number) => resolveDriver(db, q, { year }).id;

function notFoundError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('not_found');
    return e as AppError;
  }
  throw new Error('expected a not_found error');
}

describe('resolveDriver', () => {
  it('accepts id, code, full name, surname and first name, accent- and case-insensitively', () => {
    for (const q of ['max-verstappen', 'VER', 'ver', 'max verstappen', 'Max Verstappen', 'verstappen']) {
      expect(driver(q)).toBe('max-verstappen');
    }
    expect(driver('Räikkönen')).toBe('kimi-raikkonen');
    expect(driver('raikkonen')).toBe('kimi-raikkonen');
    expect(driver('hulkenberg')).toBe('nico-hulkenberg');
    expect(driver('lewis')).toBe('lewis-hamilton');
  });

  it('prefers the driver active in the given season when codes and surnames recur across eras', () => {
    expect(driver('verstappen', 2001)).toBe('jos-verstappen');
    expect(driver('VER', 2001)).toBe('jos-verstappen');
    expect(driver('MSC', 2005)).toBe('michael-schumacher');
    expect(driver('MSC', 2021)).toBe('mick-schumacher');
    expect(driver('schumacher', 1996)).toBe('michael-schumacher');
    expect(driver('hill', 1968)).toBe('graham-hill');
    // Without a season: the better known (most starts), as the agent reads a name in a question.
    expect(driver('MSC')).toBe('michael-schumacher');
    expect(driver('schumacher')).toBe('michael-schumacher');
    expect(driver('piquet')).toBe('nelson-piquet');
  });

  it('knows the nicknames and suffixed surnames fans use, as the agent does', () => {
    expect(driver('checo')).toBe('sergio-perez');
    expect(driver('the iceman')).toBe('kimi-raikkonen');
    expect(driver('Piquet Jr')).toBe('nelson-piquet-jr');
    expect(driver('sainz')).toBe('carlos-sainz-jr');
    // A nickname several drivers share: the season decides, and without one it is the better known.
    expect(driver('the flying finn', 1998)).toBe('mika-hakkinen');
    expect(driver('the flying finn', 2002)).toBe('kimi-raikkonen');
  });

  it('reads race numbers as raced in that season (Verstappen: 33, then 1 as champion, then 3)', () => {
    expect(driver('33', 2019)).toBe('max-verstappen');
    expect(driver('1', 2023)).toBe('max-verstappen');
    expect(driver('3', 2026)).toBe('max-verstappen');
    expect(driver('1', 2026)).toBe('lando-norris');
    expect(driver('3', 2021)).toBe('daniel-ricciardo');
    expect(driver('33')).toBe('max-verstappen');
    expect(resolveDriver(db, 'VER').permanentNumber).toBe('3');
  });

  it('reports two drivers of one season sharing a surname as ambiguous, listing both', () => {
    const err = notFoundError(() => resolveDriver(db, 'schumacher', { year: 2001 }));
    expect(err.message).toMatch(/ambiguous/);
    const ids = (err.details?.matches as { id: string }[]).map((m) => m.id).sort();
    expect(ids).toEqual(['michael-schumacher', 'ralf-schumacher']);
  });

  it('forgives a small typo but lists the closest names for an unknown one', () => {
    expect(driver('verstapen')).toBe('max-verstappen');
    const err = notFoundError(() => resolveDriver(db, 'Hamiltonian Nobody'));
    expect(err.message).toMatch(/^No driver matches "Hamiltonian Nobody"/);
    expect((err.details?.matches as unknown[]).length).toBeGreaterThan(0);
    notFoundError(() => resolveDriver(db, '999'));
  });
});

describe('resolveConstructor, resolveCircuit, resolveGrandPrix', () => {
  it('resolves teams by id or name', () => {
    expect(resolveConstructor(db, 'red bull').id).toBe('red-bull');
    expect(resolveConstructor(db, 'Red Bull Racing').id).toBe('red-bull');
    expect(resolveConstructor(db, 'ferrari').id).toBe('ferrari');
    expect(resolveConstructor(db, 'McLaren').id).toBe('mclaren');
    expect(resolveConstructor(db, 'Lotus F1 Team').id).toBe('lotus-f1');
    expect(resolveConstructor(db, 'Team Lotus').id).toBe('lotus');
    // Everyday aliases are the same as in the agent's reading of a question.
    expect(resolveConstructor(db, 'RBR').id).toBe('red-bull');
    expect(resolveConstructor(db, 'the scuderia').id).toBe('ferrari');
    expect(resolveConstructor(db, 'toro rosso').id).toBe('toro-rosso');
  });

  it('resolves circuits by name, full name or town', () => {
    expect(resolveCircuit(db, 'Monza').id).toBe('monza');
    expect(resolveCircuit(db, 'Autodromo Nazionale Monza').id).toBe('monza');
    expect(resolveCircuit(db, 'spa').id).toBe('spa-francorchamps');
    notFoundError(() => resolveCircuit(db, 'Narnia Raceway'));
  });

  it('resolves grands prix by name, adjective or circuit', () => {
    for (const q of ['italian', 'Italian Grand Prix', 'Monza', 'italy', 'ITA']) {
      expect(resolveGrandPrix(db, q).id).toBe('italy');
    }
    expect(resolveGrandPrix(db, 'british').id).toBe('great-britain');
    expect(resolveGrandPrix(db, 'Spa').id).toBe('belgium');
  });
});

describe('resolveRace', () => {
  it('takes a round number or any name of the grand prix that season', () => {
    for (const q of ['16', 16, 'monza', 'Monza', 'italian', 'Italian Grand Prix', 'italy']) {
      expect(resolveRace(db, 2024, q)).toMatchObject({ year: 2024, round: 16, grandPrixId: 'italy' });
    }
    expect(resolveRace(db, 2024, 'interlagos').grandPrixId).toBe('sao-paulo');
    expect(resolveRace(db, 2026, 'madrid').grandPrixId).toBe('spain');
  });

  it('says when a circuit hosted two rounds that season', () => {
    const err = notFoundError(() => resolveRace(db, 2020, 'silverstone'));
    expect(err.message).toMatch(/ambiguous in 2020/);
    expect(err.message).toMatch(/British Grand Prix \(round 4\)/);
    expect(err.message).toMatch(/70th Anniversary Grand Prix \(round 5\)/);
    expect(resolveRace(db, 2020, 'british').round).toBe(4);
  });

  it('rejects unknown seasons and rounds with not_found', () => {
    expect(notFoundError(() => resolveRace(db, 2024, 30)).message).toMatch(
      /No round 30 in 2024 \(the season has 24 rounds\)/,
    );
    expect(notFoundError(() => resolveRace(db, 2099, 1)).message).toMatch(/No 2099 season/);
    notFoundError(() => resolveRace(db, 2024, 'narnia'));
  });

  it('says a known grand prix was not held that season, with the calendar, and knows fan names', () => {
    const err = notFoundError(() => resolveRace(db, 2011, 'Bahrain'));
    expect(err.message).toMatch(
      /^The Bahrain Grand Prix was not held in 2011\. The 2011 calendar: Australian,/,
    );
    expect(err.details).toMatchObject({ reason: 'not_held' });
    expect(resolveRace(db, 2024, 'cota').grandPrixId).toBe('united-states');
    expect(resolveRace(db, 2024, 'vegas').grandPrixId).toBe('las-vegas');
  });
});
