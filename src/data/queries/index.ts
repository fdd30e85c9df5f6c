// The query layer over the F1 database: pure functions of (db, arguments) → plain data, throwing AppError
// (not_found, bad_request) for unknown or invalid input. Used by the REST routes, the agent's tools and the CLI.
export * from './resolve.ts';
export * from './schedule.ts';
export * from './races.ts';
export * from './standings.ts';
export * from './drivers.ts';
export * from './constructors.ts';
export * from './circuits.ts';
export * from './compare.ts';
export { stmt, memoPerDb } from './statements.ts';
