// How messages leave this node: the WebSocket and SSE transports of a client. A broadcast hands the same string to
// every client, so each transport encodes it once per message (the RFC 6455 frame, the SSE chunk), not per client.
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import type { Transport } from './client.ts';

// A broadcast hands the same string to every socket: build its WebSocket frame (RFC 6455: FIN + text opcode,
// unmasked from a server) once, and write those bytes to each socket, instead of encoding and framing per client.
let lastText = '';
let lastFrame = Buffer.alloc(0);
export function textFrame(text: string): Buffer {
  if (text === lastText) return lastFrame;
  const payload = Buffer.from(text, 'utf8');
  const n = payload.length;
  const header = Buffer.alloc(n < 126 ? 2 : n < 65_536 ? 4 : 10);
  header[0] = 0x81;
  if (n < 126) header[1] = n;
  else if (n < 65_536) {
    header[1] = 126;
    header.writeUInt16BE(n, 2);
  } else {
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(n), 2);
  }
  lastText = text;
  lastFrame = Buffer.concat([header, payload]);
  return lastFrame;
}

// The SSE twin: the `event:`/`data:` chunk of a broadcast, encoded once for every SSE client.
let lastSseText = '';
let lastSseType = '';
let lastSseChunk = Buffer.alloc(0);
export function sseChunk(text: string, type: string): Buffer {
  if (text !== lastSseText || type !== lastSseType) {
    lastSseText = text;
    lastSseType = type;
    lastSseChunk = Buffer.from(`event: ${type}\ndata: ${text}\n\n`, 'utf8');
  }
  return lastSseChunk;
}

/** The parts of ws's WebSocket (8.x) the direct write path relies on. */
interface WsInternals {
  _socket?: Socket;
  _sender?: { _state: number; _queue: unknown[] };
}

/** A WebSocket client: frames written straight to the socket when ws's own writer is idle. */
export function wsTransport(socket: WebSocket): Transport {
  // ws keeps its net.Socket as `_socket` and its frame writer as `_sender`. Compression is off and nothing is
  // fragmented, so a whole frame written straight to the socket interleaves safely with ws's own frames (close,
  // pong) as long as the sender is idle (state 0, nothing queued); otherwise ws.send keeps the order. Bytes
  // written directly sit in the socket's writable buffer, which ws's bufferedAmount includes.
  const { _socket: raw, _sender: sender } = socket as unknown as WsInternals;
  const direct = raw !== undefined && sender !== undefined && typeof sender._state === 'number';
  return {
    answersPings: true,
    send: (text) => {
      if (socket.readyState !== 1) return; // OPEN
      if (direct && sender!._state === 0 && sender!._queue.length === 0 && raw!.writable) {
        raw!.write(textFrame(text));
      } else socket.send(text);
    },
    buffered: () => socket.bufferedAmount,
    close: (code, reason) => socket.close(code, reason),
  };
}

/** An SSE client: `event:`/`data:` chunks on the open response; it cannot answer pings. */
export function sseTransport(res: ServerResponse): Transport {
  return {
    answersPings: false,
    send: (text, type) => res.write(sseChunk(text, type)),
    buffered: () => res.writableLength,
    close: () => res.end(),
  };
}
