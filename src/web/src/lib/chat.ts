// Chat model for the Pit Wall page: messages with their tool chips, the server's chat list normalised,
// and how one streamed SSE event changes the answer being written. Pure.
import type { SseEvent } from './sse.ts';

export interface ToolChip {
  name: string;
  state: 'running' | 'ok' | 'failed';
  ms?: number;
}

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
  tools?: ToolChip[];
  error?: string;
  stopped?: boolean;
}

export interface ChatSummary {
  id: string;
  title: string;
  updatedAt: string | null;
}

type Json = Record<string, unknown>;
const str = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;

/** Accepts `[...]` or `{chats:[...]}` with id/title and some update time. */
export function normaliseChatList(body: unknown): ChatSummary[] {
  const list = Array.isArray(body)
    ? body
    : Array.isArray((body as Json)?.chats)
      ? ((body as Json).chats as unknown[])
      : [];
  return list.flatMap((c) => {
    const o = c as Json;
    const id = str(o.id) ?? str(o.chatId);
    if (!id) return [];
    return [
      {
        id,
        title: str(o.title) ?? 'Untitled chat',
        updatedAt: str(o.updatedAt) ?? str(o.updated_at) ?? str(o.createdAt) ?? null,
      },
    ];
  });
}

/** Messages of a stored chat (`{messages:[{role, content}]}`), user and assistant turns only. */
export function normaliseChatMessages(body: unknown): ChatMessage[] {
  const msgs = (body as Json)?.messages;
  if (!Array.isArray(msgs)) return [];
  return msgs.flatMap((m) => {
    const o = m as Json;
    const role = o.role;
    const content = str(o.content);
    if ((role !== 'user' && role !== 'assistant') || content === null) return [];
    // Tools used for a stored answer sit in `meta.tools` (names or {name, ok}).
    const rawTools = (o.meta as Json | undefined)?.tools ?? o.tools;
    const tools = Array.isArray(rawTools)
      ? (rawTools as unknown[]).flatMap((t) => {
          const name = typeof t === 'string' ? t : str((t as Json)?.name);
          const ok = typeof t === 'object' && t !== null && (t as Json).ok === false ? false : true;
          return name ? [{ name, state: ok ? ('ok' as const) : ('failed' as const) }] : [];
        })
      : undefined;
    return [{ role, content, ...(tools?.length ? { tools } : {}) }];
  });
}

/** "get_race_results" → "race results". */
export function toolLabel(name: string): string {
  return name.replace(/^(get|search|calculate|lookup|find)_/, '').replace(/_/g, ' ');
}

export interface StreamOutcome {
  /** The chat id the server gave in `done`. */
  chatId?: string;
  done?: boolean;
}

/** Applies one SSE event to the assistant message being streamed. */
export function applyChatEvent(msg: ChatMessage, ev: SseEvent): { msg: ChatMessage; outcome: StreamOutcome } {
  let data: Json;
  try {
    data = ev.data ? (JSON.parse(ev.data) as Json) : {};
  } catch {
    data = { text: ev.data };
  }
  const tools = msg.tools ?? [];
  switch (ev.event) {
    case 'delta':
      return { msg: { ...msg, content: msg.content + (str(data.text) ?? '') }, outcome: {} };
    case 'tool_start':
      return {
        msg: { ...msg, tools: [...tools, { name: str(data.name) ?? 'tool', state: 'running' }] },
        outcome: {},
      };
    case 'tool_end': {
      const name = str(data.name) ?? 'tool';
      const idx = tools.findIndex((t) => t.name === name && t.state === 'running');
      const ended: ToolChip = {
        name,
        state: data.ok === false ? 'failed' : 'ok',
        ...(typeof data.ms === 'number' ? { ms: data.ms } : {}),
      };
      const next = idx === -1 ? [...tools, ended] : tools.map((t, i) => (i === idx ? ended : t));
      return { msg: { ...msg, tools: next }, outcome: {} };
    }
    case 'error':
      return { msg: { ...msg, error: str(data.message) ?? 'The race engineer hit an error.' }, outcome: {} };
    case 'done':
      return { msg, outcome: { done: true, ...(str(data.chatId) ? { chatId: str(data.chatId)! } : {}) } };
    default:
      return { msg, outcome: {} };
  }
}
