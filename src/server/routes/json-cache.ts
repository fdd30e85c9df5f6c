// Serialised responses of data that cannot change while the database is open (finished rounds, standings
// tables): serialising a 20 kB race payload costs more than everything else a cached request does, so the
// JSON text itself is kept. Per database handle, bounded; a re-imported database gets fresh caches.
import { LRUCache } from 'lru-cache';
import type { FastifyReply } from 'fastify';
import type { Db } from '../../data/db.ts';
import { memoPerDb } from '../../data/queries/statements.ts';

export interface JsonCache {
  /** The cached text for `key`, or builds the value, caches its JSON when `keep(value)`, and returns it. */
  get<T>(db: Db, key: string, build: () => T, keep: (value: T) => boolean): string;
}

export function jsonCache(max: number): JsonCache {
  const perDb = memoPerDb(() => new LRUCache<string, string>({ max }));
  return {
    get(db, key, build, keep) {
      const cache = perDb(db);
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      const value = build();
      const text = JSON.stringify(value);
      if (keep(value)) cache.set(key, text);
      return text;
    },
  };
}

export function sendJson(reply: FastifyReply, text: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(text);
}
