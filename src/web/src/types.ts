// The shapes the data API answers with, taken from the server's own query modules so the client and the
// API cannot drift apart silently (type-only: nothing of the server is bundled).
export type {
  Schedule,
  ScheduleRound,
  SessionTime,
  SeasonSummary,
  RoundStatus,
} from '../../data/queries/schedule.ts';
export type {
  RaceDetail,
  ClassificationRow,
  QualifyingRow,
  PitStopRow,
  DriverBrief,
  TeamBrief,
} from '../../data/queries/races.ts';
export type {
  DriverStandingRow,
  ConstructorStandingRow,
  StandingsAfter,
} from '../../data/queries/standings.ts';
export type { DriverListItem, DriverProfile } from '../../data/queries/drivers.ts';
