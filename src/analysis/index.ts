// Race analysis — the domain functions behind the agent tools and the REST routes.
//
// All take the F1 database (`ctx.db()` of AppContext) and/or the config; all throw AppError
// (bad_request / not_found / unavailable) on bad input, which the HTTP layer and the agent already handle.
//
//   championshipScenario(db, year, { round?, driver? }) → DriverScenario
//       Title situation after `round` (default: latest): points remaining (races + sprints, that season's
//       system), who can still win, clinched?, per contender what they need at the next round; `driver`
//       (id, code, number or name) adds `driver` with that driver's status.        [calculate_championship_scenario]
//   whatIf(db, year, { afterRound?, results: [{ round, session?: 'RACE'|'SPRINT', order: string[], fastestLap? }] })
//       → WhatIfResult: standings after hypothetical results and the resulting scenario (who clinches).
//   getPitStrategy(config, db, year, round, { driver?, lap? }) → PitStrategy (getPitStrategyAsync: cold seasons parsed off the event loop)
//       Stints (compound, length, fuel-corrected degradation), degradation per compound (s/lap), pit loss and
//       pit-lane time measured from pit in/out, pit stops, undercut/overcut battles and their outcome, rejoin
//       projection for `driver` if he pitted after `lap`, earlier editions at the circuit, safety-car
//       likelihood. Upcoming races: history only.                                   [get_pit_strategy]
//   getWeather({ config, db }, year, round) → Promise<WeatherReport>
//       Open-Meteo current conditions + forecast at the circuit (race within 16 days), recorded weather of
//       past editions (OpenF1 recordings, wet-tyre laps in the lap tables), rain-risk note for strategy.
//       Offline: "forecast unavailable" + history.                                  [get_weather_conditions]
//   getRacePredictions(db, year, round) → RacePrediction
//       For every driver: P(win), P(podium), P(points), expected position with an 80 % interval, main
//       factors in words — from data dated before the race only. Scored: grid slot (and its historical win
//       rate), qualifying gap, recent form; before qualifying: recent qualifying pace and form. Shown as
//       context: circuit and track-type record, team reliability, sprint result. P(win) sums to 1; the
//       model is fitted on earlier seasons. The server and the agent ask
//   predictionThread(config.DATABASE_PATH).predict(db, year, round) → Promise<RacePrediction> instead: the
//       same, computed in a worker thread and cached per (race, data version).     [get_race_predictions]
//   the tracker lives in the run-time store (src/store/): store.tracker.record(prediction, raceHasResult), .scorePending(db), .summary()
//       — the accuracy tracker; `serve` stores the next race's prediction and scores stored ones at start.
export { championshipScenario, whatIf } from './scenario/service.ts';
export type { DriverScenario, ScenarioOptions, WhatIfInput, WhatIfResult } from './scenario/service.ts';
export type { ChampionshipScenario, ContenderStatus } from './scenario/championship.ts';
export { getPitStrategy, getPitStrategyAsync } from './strategy/service.ts';
export type { PitStrategy, StrategyOptions } from './strategy/service.ts';
export { validateRejoin } from './strategy/rejoin-validation.ts';
export { getWeather } from './weather/service.ts';
export type { WeatherReport, WeatherDeps } from './weather/service.ts';
export { getRacePredictions } from './predictions/service.ts';
export { predictionThread } from './predictions/off-thread.ts';
export type { RacePrediction, DriverPrediction } from './predictions/service.ts';
export { PredictionTracker } from './predictions/tracker.ts';
export type { TrackerSummary } from './predictions/tracker.ts';
export { runBacktest } from './predictions/backtest.ts';
export { registerAnalysisRoutes } from './routes.ts';
/** Markdown renderings for agent tools: predictionMarkdown(prediction), weatherMarkdown(report). */
export { predictionMarkdown, weatherMarkdown } from './markdown.ts';
