// The web client's pure logic: SSE parsing across chunk boundaries, chat events → tool chips and text,
// iCalendar export, countdowns, live delta merging and commentary, prediction normalising, team colours.
import { describe, expect, it } from 'vitest';
import { SseParser } from './sse.ts';
import { applyChatEvent, normaliseChatList, normaliseChatMessages, type ChatMessage } from './chat.ts';
import { buildIcs, icsText } from './ics.ts';
import { countdown, formatPenalty } from './time.ts';
import { commentary, mergeDelta, replayPosition } from './live.ts';
import { normalisePrediction } from './predictions.ts';
import { contrastRatio, KNOWN_TEAMS, MIN_CONTRAST, PANEL, teamColour, teamColourFromFeed } from './teams.ts';

describe('SseParser', () => {
  it('holds an event split anywhere until its blank line, CRLF included', () => {
    const p = new SseParser();
    const text =
      'event: delta\r\ndata: {"text":"Box "}\r\n\r\nevent: delta\ndata: {"text":"box"}\n\nevent: done\ndata: {}\n\n';
    const events = [];
    for (const ch of text) events.push(...p.push(ch)); // one character at a time
    expect(events).toEqual([
      { event: 'delta', data: '{"text":"Box "}' },
      { event: 'delta', data: '{"text":"box"}' },
      { event: 'done', data: '{}' },
    ]);
  });

  it('joins multi-line data, skips comments and flushes a final event without a blank line', () => {
    const p = new SseParser();
    expect(p.push(': keep-alive\n\ndata: a\ndata: b\n\nid: 7\nevent: x\ndata: y')).toEqual([
      { event: 'message', data: 'a\nb' },
    ]);
    expect(p.flush()).toEqual([{ event: 'x', data: 'y', id: '7' }]);
  });
});

describe('chat events', () => {
  const run = (events: [string, unknown][]) => {
    let msg: ChatMessage = { role: 'assistant', content: '' };
    let chatId: string | undefined;
    for (const [event, data] of events) {
      const r = applyChatEvent(msg, { event, data: JSON.stringify(data) });
      msg = r.msg;
      chatId = r.outcome.chatId ?? chatId;
    }
    return { msg, chatId };
  };

  it('turns tool_start/tool_end into chips and deltas into text', () => {
    const { msg, chatId } = run([
      ['tool_start', { name: 'get_race_results', args: {} }],
      ['tool_start', { name: 'get_standings', args: {} }],
      ['tool_end', { name: 'get_standings', ok: false, ms: 4 }],
      ['tool_end', { name: 'get_race_results', ok: true, ms: 22.6 }],
      ['delta', { text: '| A |' }],
      ['delta', { text: '\n|---|' }],
      ['done', { chatId: 'c1' }],
    ]);
    expect(msg.tools).toEqual([
      { name: 'get_race_results', state: 'ok', ms: 22.6 },
      { name: 'get_standings', state: 'failed', ms: 4 },
    ]);
    expect(msg.content).toBe('| A |\n|---|');
    expect(chatId).toBe('c1');
  });

  it('keeps an error event as the message error', () => {
    expect(run([['error', { message: 'rate limited' }]]).msg.error).toBe('rate limited');
  });

  it('normalises stored chats and their messages', () => {
    expect(normaliseChatList({ chats: [{ id: 'a', title: 'Q', updatedAt: 't' }, { nope: 1 }] })).toEqual([
      { id: 'a', title: 'Q', updatedAt: 't' },
    ]);
    expect(
      normaliseChatMessages({
        messages: [
          { role: 'user', content: 'hi' },
          { role: 'assistant', content: 'yo', meta: { tools: ['get_x'] } },
          { role: 'system', content: 'hidden' },
        ],
      }),
    ).toEqual([
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: 'yo', tools: [{ name: 'get_x', state: 'ok' }] },
    ]);
  });
});

describe('iCalendar export', () => {
  it('writes timed and all-day events with escaped text and CRLF lines', () => {
    const ics = buildIcs(
      'Formula 1 2024',
      [
        {
          uid: 'a@x',
          title: 'Monaco GP — Race',
          location: 'Monte Carlo, Monaco',
          startsAt: '2024-05-26T13:00:00Z',
          date: '2024-05-26',
          durationMinutes: 120,
        },
        {
          uid: 'b@x',
          title: 'Old; race',
          location: 'Monza',
          startsAt: null,
          date: '1990-09-09',
          durationMinutes: 120,
        },
      ],
      new Date('2024-01-01T00:00:00Z'),
    );
    const lines = ics.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('DTSTART:20240526T130000Z');
    expect(lines).toContain('DTEND:20240526T150000Z');
    expect(lines).toContain('LOCATION:Monte Carlo\\, Monaco');
    expect(lines).toContain('DTSTART;VALUE=DATE:19900909');
    expect(lines).toContain('DTEND;VALUE=DATE:19900910');
    expect(lines).toContain('SUMMARY:Old\\; race');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(icsText('a\nb')).toBe('a\\nb');
  });
});

describe('countdown', () => {
  it('shows days, or hours-minutes-seconds under a day, and "now" once passed', () => {
    const now = Date.parse('2024-01-01T00:00:00Z');
    expect(countdown(now + ((2 * 24 + 3) * 60 + 4) * 60_000, now)).toBe('2d 03h 04m');
    expect(countdown(now + 3_725_000, now)).toBe('1h 02m 05s');
    expect(countdown(now - 1, now)).toBe('now');
  });
});

describe('live', () => {
  it('merges deltas: objects by key, arrays whole, null is a value (a car without a position)', () => {
    const base = { a: { x: 1, y: 2 }, list: [1, 2, 3], position: 1, keep: 'k' };
    expect(mergeDelta(base, { a: { y: 3 }, list: [9], position: null })).toEqual({
      a: { x: 1, y: 3 },
      list: [9],
      position: null,
      keep: 'k',
    });
    expect(base.a.y).toBe(2); // not mutated
  });

  it('words events with the drivers’ codes', () => {
    const drivers = { '1': { tla: 'VER' }, '16': { tla: 'LEC' } } as never;
    expect(commentary({ kind: 'overtake', timeMs: 0, number: '16', passed: '1', position: 1 }, drivers)).toBe(
      'LEC passes VER for P1',
    );
    expect(commentary({ kind: 'fastest_lap', timeMs: 0, number: '1', lapMs: 92_345 }, drivers)).toBe(
      'Fastest lap: VER 1:32.345',
    );
    expect(commentary({ kind: 'track_status', timeMs: 0, status: 'sc' }, drivers)).toBe(
      'Safety car deployed',
    );
  });

  it('advances a playing replay by wall time × speed, capped at the end', () => {
    const r = { playing: true, speed: 10, positionMs: 1000, durationMs: 5000, receivedAt: 0 };
    expect(replayPosition(r, 200)).toBe(3000);
    expect(replayPosition(r, 10_000)).toBe(5000);
    expect(replayPosition({ ...r, playing: false }, 200)).toBe(1000);
  });
});

describe('predictions', () => {
  it('reads driver rows and orders them by P(win)', () => {
    const p = normalisePrediction({
      drivers: [
        {
          driver: { id: 'b', name: 'B' },
          team: { id: 'ferrari', name: 'Ferrari' },
          pWin: 0.2,
          interval: [2, 9],
        },
        {
          driver: { id: 'a', name: 'A', code: 'AAA' },
          pWin: 0.5,
          pPodium: 0.8,
          expectedPosition: 2.1,
          factors: ['fast'],
        },
      ],
      stage: 'post-qualifying',
    });
    expect(p.rows.map((r) => r.driverId)).toEqual(['a', 'b']);
    expect(p.rows[1]!.interval).toEqual([2, 9]);
    expect(p.rows[0]!.factors).toEqual(['fast']);
    expect(p.stage).toBe('post-qualifying');
  });
});

describe('team colours', () => {
  it('uses the feed colour, else the named team, else a stable colour per id', () => {
    expect(teamColourFromFeed('3671C6', 'whatever')).toBe('#3671C6');
    expect(teamColourFromFeed('', 'Red Bull Racing')).toBe(teamColour('red-bull'));
    expect(teamColourFromFeed(null, 'Visa Cash App RB')).toBe(teamColour('racing-bulls'));
    expect(teamColour('some-new-team')).toBe(teamColour('some-new-team'));
    expect(teamColour('some-new-team')).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('formatPenalty', () => {
  it('reads f1db penalties as seconds', () => {
    expect(formatPenalty('5.000')).toBe('+5 s');
    expect(formatPenalty('+10.000')).toBe('+10 s');
    expect(formatPenalty('2.500')).toBe('+2.5 s');
    expect(formatPenalty('drive-through')).toBe('drive-through');
  });
});

describe('team colours on the dark theme', () => {
  it('reach 3:1 against the panel for every known team, unknown ids and no team', () => {
    const colours = [...KNOWN_TEAMS, 'some-new-team', 'another', null].map((id) => teamColour(id));
    for (const c of colours) expect(contrastRatio(c, PANEL), c).toBeGreaterThanOrEqual(MIN_CONTRAST);
    // Liveries that already contrast are left as they are.
    expect(teamColour('mclaren')).toBe('#ff8000');
    expect(teamColour('minardi')).not.toBe('#1a1a1a');
  });
});
