// HTTP surface of notifications, as a Fastify plugin: the VAPID public key, a browser's subscription with its
// preferences (owned by the browser's identity, like chats), a test notification, and the iCalendar feed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Db } from '../data/db.ts';
import { readMeta } from '../data/db.ts';
import { resolveConstructor } from '../data/queries/resolve.ts';
import type { Identities } from '../agent/identity.ts';
import { notFound } from '../errors.ts';
import { year as yearParam } from '../http/params.ts';
import { calendarSessions } from './calendar.ts';
import { buildCalendarFeed } from './ics.ts';
import type { NotifyService } from './service.ts';
import {
  preferencesSchema,
  pushSubscriptionSchema,
  DEFAULT_LEAD_MINUTES,
  type StoredSubscription,
} from './types.ts';

export interface NotifyRouteDeps {
  config: Pick<Config, 'PUBLIC_URL'>;
  notify: NotifyService;
  identities: Identities;
  db: () => Db;
}

const view = (s: StoredSubscription) => ({
  id: s.id,
  endpoint: s.endpoint,
  preferences: s.prefs,
  createdAt: new Date(s.createdAt).toISOString(),
  updatedAt: new Date(s.updatedAt).toISOString(),
});

const alarmsParam = z
  .string()
  .regex(/^(none|\d{1,5}(,\d{1,5}){0,3})$/, 'alarms is "none" or up to four minute counts, e.g. 30,5')
  .optional()
  .transform((v) =>
    v === undefined ? DEFAULT_LEAD_MINUTES : v === 'none' ? [] : [...new Set(v.split(',').map(Number))],
  )
  .refine((v) => v.every((m) => m >= 1 && m <= 7 * 24 * 60), 'alarm minutes are 1 to 10080');

const feedQuery = z.object({
  season: yearParam.optional(),
  team: z.string().trim().min(1).max(100).optional(),
  alarms: alarmsParam,
});

export async function registerNotifyRoutes(root: FastifyInstance, deps: NotifyRouteDeps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { notify } = deps;

  const ownerOf = async (req: FastifyRequest, reply: FastifyReply) => {
    const id = (await deps.identities.identify(req, reply))!;
    if (id.setCookie) void reply.header('set-cookie', id.setCookie);
    return id.owner;
  };
  const ownSubscription = async (req: FastifyRequest, reply: FastifyReply, id: string) => {
    const owner = await ownerOf(req, reply);
    const sub = await notify.store.subscription(id);
    // Another identity's subscription is indistinguishable from none.
    if (!sub || sub.owner !== owner) throw notFound(`No push subscription ${id} for this browser`);
    return sub;
  };
  const idParams = z.object({ id: z.string().regex(/^[0-9a-f]{32}$/, 'a subscription id is 32 hex digits') });

  app.get(
    '/api/push/key',
    { schema: { tags: ['notifications'], summary: 'The VAPID public key for PushManager.subscribe()' } },
    async (_req, reply) => {
      void reply.header('cache-control', 'no-cache');
      return { publicKey: (await notify.vapid()).publicKey };
    },
  );

  app.get(
    '/api/push/subscriptions',
    { schema: { tags: ['notifications'], summary: "This browser's push subscriptions" } },
    async (req, reply) => {
      void reply.header('cache-control', 'no-store');
      const owner = await ownerOf(req, reply);
      return { subscriptions: (await notify.store.subscriptionsOf(owner)).map(view) };
    },
  );

  app.post(
    '/api/push/subscriptions',
    {
      bodyLimit: 16 * 1024,
      schema: {
        tags: ['notifications'],
        summary: 'Save a push subscription (PushSubscription.toJSON()) with its preferences',
        body: z.object({
          subscription: pushSubscriptionSchema,
          preferences: preferencesSchema.default(preferencesSchema.parse({})),
        }),
      },
    },
    async (req, reply) => {
      const owner = await ownerOf(req, reply);
      const prefs = { ...req.body.preferences, leadMinutes: [...new Set(req.body.preferences.leadMinutes)] };
      const now = notify.clock.now();
      const { subscription, created } = await notify.store.saveSubscription(
        owner,
        req.body.subscription,
        prefs,
        now,
      );
      // Reminders queued under the old preferences go; the scheduler queues what the new ones ask for.
      if (!created) await notify.store.dropPending(subscription.id, 'reminder');
      req.log.info(
        { event: created ? 'push.subscribed' : 'push.preferences', subscription: subscription.id },
        'push subscription saved',
      );
      void notify.scheduler.tick();
      return reply.status(created ? 201 : 200).send(view(subscription));
    },
  );

  app.delete(
    '/api/push/subscriptions/:id',
    { schema: { tags: ['notifications'], summary: 'Unsubscribe', params: idParams } },
    async (req, reply) => {
      const sub = await ownSubscription(req, reply, req.params.id);
      await notify.store.deleteSubscription(sub.id, sub.owner);
      req.log.info({ event: 'push.unsubscribed', subscription: sub.id }, 'push subscription deleted');
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/push/subscriptions/:id/test',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Send a test notification to this subscription',
        params: idParams,
      },
    },
    async (req, reply) => {
      const sub = await ownSubscription(req, reply, req.params.id);
      await notify.sendTest(sub);
      const last = (await notify.store.deliveries(sub.id)).filter((d) => d.kind === 'test').at(-1);
      return reply.status(202).send({ state: last?.state ?? 'pending', error: last?.lastError ?? null });
    },
  );

  app.get(
    '/api/calendar.ics',
    {
      schema: {
        tags: ['notifications'],
        summary: 'iCalendar feed of every session (?season=2026&team=ferrari&alarms=30,5)',
        querystring: feedQuery,
      },
    },
    async (req, reply) => {
      const db = deps.db();
      const { season, team, alarms } = req.query;
      const now = notify.clock.now();
      const thisYear = new Date(now).getUTCFullYear();
      const constructor = team ? resolveConstructor(db, team) : undefined;
      const sessions = calendarSessions(db, {
        fromYear: season ?? thisYear,
        toYear: season ?? thisYear + 1,
        ...(constructor ? { constructorId: constructor.id } : {}),
      });
      if (season !== undefined && sessions.length === 0)
        throw notFound(`No sessions in ${season}${constructor ? ` for ${constructor.name}` : ''}`);
      const base = deps.config.PUBLIC_URL;
      const imported = Date.parse(readMeta(db)['imported_at'] ?? '') || now;
      const body = buildCalendarFeed(sessions, {
        name: `F1 ${season ?? `${thisYear}–${thisYear + 1}`}${constructor ? ` · ${constructor.name}` : ''} (Race Engineer)`,
        alarms,
        now,
        modified: imported,
        domain: base ? new URL(base).hostname : 'race-engineer',
        ...(base ? { baseUrl: base } : {}),
      });
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header(
          'content-disposition',
          `inline; filename="f1-${season ?? 'calendar'}${constructor ? `-${constructor.id}` : ''}.ics"`,
        )
        .header('cache-control', 'public, max-age=900')
        .send(body);
    },
  );
}
