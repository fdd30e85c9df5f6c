// Helpers shared by the data tools: argument schemas, race resolution against the tool context,
// Markdown tables and source lines.
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import {
  entityIndex,
  type ConstructorEntity,
  type DriverEntity,
  type EntityIndex,
  type RaceEntity,
} from '../entities.ts';
import { currentSeason, label, resolveRace, THIS_SEASON } from '../race-ref.ts';
import { normalize } from '../text.ts';
import type { ToolContext } from './types.ts';
import { markdownTable } from '../../markdown.ts';

export const yearArg = z
  .union([z.number().int().min(1950).max(2100), z.string()])
  .optional()
  .describe('Season, e.g. 2024. Omit (or "this season") for the current season.');

export const grandPrixArg = z
  .string()
  .min(1)
  .max(200)
  .describe(
    'The race: grand prix name ("Abu Dhabi", "Italian GP"), circuit ("Monza", "Yas Marina"), country, "round 5", "last race" or "next race".',
  );

export function index(ctx: ToolContext): EntityIndex {
  return entityIndex(ctx.db());
}

/** A season argument as a number: numbers pass, "this season"/"current" and omissions mean the current one. */
export function seasonOf(ctx: ToolContext, year: number | string | undefined): number {
  if (typeof year === 'number') return year;
  const text = normalize(year ?? '');
  const digits = /\b(19[5-9]\d|20\d\d)\b/.exec(text);
  if (digits) return Number(digits[1]);
  if (!text || THIS_SEASON.test(text) || /^(this|current|now)$/.test(text))
    return currentSeason(index(ctx), ctx.now());
  throw new AppError('bad_request', `"${year}" is not a season; give a year such as 2024.`);
}

/**
 * The driver a tool argument names (season-aware), or the not_found every route gives for an unknown or
 * ambiguous name, listing the closest candidates.
 */
export function driverOf(ctx: ToolContext, name: string, year?: number): DriverEntity {
  return index(ctx).driver(name, year);
}

/** The team a tool argument names (season-aware), or the same not_found. */
export function teamOf(ctx: ToolContext, name: string, year?: number): ConstructorEntity {
  return index(ctx).constructorNamed(name, year);
}

export function raceOf(ctx: ToolContext, year: number | string | undefined, grandPrix: string): RaceEntity {
  const season = year === undefined ? undefined : seasonOf(ctx, year);
  return resolveRace(index(ctx), { year: season, grandPrix }, ctx.now());
}

export function raceSource(race: RaceEntity, what: string): string {
  return `f1db — ${label(race).replace(' Grand Prix', ' GP')} ${what}`;
}

/** Says plainly that a session has not been run (or is not in the data yet), instead of an empty table. */
export function notRun(race: RaceEntity, session: string, today: string): AppError {
  const when = race.date >= today ? `scheduled for ${race.date}` : `held ${race.date}, not yet in the data`;
  return new AppError('not_found', `The ${session} of the ${label(race)} is not available: ${when}.`, {
    reason: 'not_run',
  });
}

/** The product's markdown table (tool results are read by the LLM and rendered in the chat). */
export const table = markdownTable;
