// Server-Sent Events over a fetch() body (EventSource cannot POST): a parser that accepts text in any
// chunking — an event split across network reads is held until its blank line arrives. Pure.

export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

export class SseParser {
  private buffer = '';

  /** Feeds decoded text; returns the events completed by it. */
  push(text: string): SseEvent[] {
    let raw = this.buffer + text;
    // A CR at the very end may be the first half of a CRLF: keep it until the next chunk says.
    const tail = raw.endsWith('\r') ? '\r' : '';
    if (tail) raw = raw.slice(0, -1);
    const out: SseEvent[] = [];
    // Events end at a blank line; CRLF and CR are line ends too.
    const blocks = raw.replace(/\r\n?/g, '\n').split('\n\n');
    this.buffer = (blocks.pop() ?? '') + tail;
    for (const block of blocks) {
      const ev = parseBlock(block);
      if (ev) out.push(ev);
    }
    return out;
  }

  /** Whatever remains when the stream ends (a final event without its blank line). */
  flush(): SseEvent[] {
    const rest = this.buffer.replace(/\r$/, '');
    this.buffer = '';
    const ev = rest.trim() ? parseBlock(rest) : undefined;
    return ev ? [ev] : [];
  }
}

function parseBlock(block: string): SseEvent | undefined {
  let event = 'message';
  let id: string | undefined;
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') id = value;
  }
  if (data.length === 0 && event === 'message') return undefined;
  return { event, data: data.join('\n'), ...(id !== undefined ? { id } : {}) };
}

/** Reads an SSE response body to the end, calling onEvent for each event. */
export async function readSse(
  body: ReadableStream<Uint8Array>,
  onEvent: (ev: SseEvent) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const ev of parser.push(decoder.decode(value, { stream: true }))) onEvent(ev);
  }
  for (const ev of parser.push(decoder.decode())) onEvent(ev);
  for (const ev of parser.flush()) onEvent(ev);
}
