// Pit Wall: chat with the race engineer. Chats live on the server (/api/chats); answers stream over SSE
// from POST /api/chat with live tool chips; stop, regenerate, example prompts, error + retry.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, errorFrom } from '../api.ts';
import { readSse } from '../lib/sse.ts';
import { BROWSER_TZ } from '../lib/time.ts';
import {
  applyChatEvent,
  normaliseChatList,
  normaliseChatMessages,
  toolLabel,
  type ChatMessage,
  type ChatSummary,
} from '../lib/chat.ts';
import { Markdown } from '../components/Markdown.tsx';
import { ErrorBanner } from '../components/Status.tsx';

const EXAMPLES = [
  'Who won the 2021 Abu Dhabi Grand Prix?',
  'Show the drivers’ standings after round 10 of 2024',
  'Compare Norris and Verstappen in 2024',
  'When is the next race?',
  'What does the rulebook say about unsafe releases?',
  'Which constructor has won the most titles?',
];

export function ChatPage() {
  const { chatId } = useParams();
  const navigate = useNavigate();
  const [chats, setChats] = useState<ChatSummary[]>([]);
  const [listError, setListError] = useState<ApiError>();
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [loadError, setLoadError] = useState<ApiError>();
  const [input, setInput] = useState('');
  const [streaming, setStreaming] = useState(false);
  const abortRef = useRef<AbortController | null>(null);
  const bottomRef = useRef<HTMLDivElement>(null);
  // The chat the current stream belongs to, so switching chats mid-answer does not mix them up.
  const activeChat = useRef<string | undefined>(chatId);

  const loadList = useCallback(async () => {
    try {
      const r = await api<unknown>('/api/chats');
      setChats(normaliseChatList(r.data));
      setListError(undefined);
    } catch (err) {
      setListError(err instanceof ApiError ? err : new ApiError('http', String(err)));
    }
  }, []);

  useEffect(() => {
    void loadList();
  }, [loadList]);

  const loadChat = useCallback(async (id: string | undefined) => {
    setLoadError(undefined);
    if (!id) {
      setMessages([]);
      return;
    }
    try {
      const r = await api<unknown>(`/api/chats/${encodeURIComponent(id)}`);
      if (activeChat.current === id) setMessages(normaliseChatMessages(r.data));
    } catch (err) {
      setLoadError(err instanceof ApiError ? err : new ApiError('http', String(err)));
    }
  }, []);

  useEffect(() => {
    // Arriving at the id the stream just created keeps the messages already on screen.
    if (activeChat.current === chatId && messages.length > 0) return;
    abortRef.current?.abort();
    activeChat.current = chatId;
    void loadChat(chatId);
  }, [chatId, loadChat]);

  useEffect(() => {
    bottomRef.current?.scrollIntoView({ block: 'end' });
  }, [messages]);

  const stream = useCallback(
    async (history: ChatMessage[]) => {
      const ctrl = new AbortController();
      abortRef.current = ctrl;
      const startedIn = activeChat.current;
      let answer: ChatMessage = { role: 'assistant', content: '', tools: [] };
      const show = (m: ChatMessage) => {
        if (activeChat.current === startedIn) setMessages([...history, m]);
      };
      show(answer);
      setStreaming(true);
      let newId: string | undefined;
      try {
        let res: Response;
        try {
          res = await fetch('/api/chat', {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
            body: JSON.stringify({
              ...(startedIn ? { chatId: startedIn } : {}),
              messages: history.map((m) => ({ role: m.role, content: m.content })),
              // Race start times come back in the fan's own zone as well as UTC.
              timeZone: BROWSER_TZ,
            }),
            signal: ctrl.signal,
          });
        } catch (err) {
          if (ctrl.signal.aborted) throw err;
          throw new ApiError('network', 'Cannot reach the Race Engineer server. Check that it is running.');
        }
        if (!res.ok || !res.body) throw await errorFrom(res);
        await readSse(res.body, (ev) => {
          const { msg, outcome } = applyChatEvent(answer, ev);
          answer = msg;
          if (outcome.chatId) newId = outcome.chatId;
          show(answer);
        });
        if (!answer.content && !answer.error)
          answer = { ...answer, error: 'The answer ended without any text.' };
      } catch (err) {
        if (ctrl.signal.aborted) answer = { ...answer, stopped: true };
        else answer = { ...answer, error: err instanceof Error ? err.message : String(err) };
      } finally {
        show(answer);
        setStreaming(false);
        abortRef.current = null;
      }
      if (newId && !startedIn && activeChat.current === startedIn) {
        activeChat.current = newId;
        navigate(`/chat/${encodeURIComponent(newId)}`, { replace: true });
      }
      void loadList();
    },
    [loadList, navigate],
  );

  const send = (text: string) => {
    const q = text.trim();
    if (!q || streaming) return;
    setInput('');
    void stream([
      ...messages.filter((m) => !(m.role === 'assistant' && m.error && !m.content)),
      { role: 'user', content: q },
    ]);
  };

  /** Drops the last answer and asks the same question again. */
  const regenerate = () => {
    const lastUser = messages.map((m) => m.role).lastIndexOf('user');
    if (lastUser === -1 || streaming) return;
    void stream(messages.slice(0, lastUser + 1));
  };

  const newChat = () => {
    abortRef.current?.abort();
    activeChat.current = undefined;
    setMessages([]);
    navigate('/');
  };

  const remove = async (id: string) => {
    try {
      await api(`/api/chats/${encodeURIComponent(id)}`, { method: 'DELETE' });
      if (id === chatId) newChat();
      void loadList();
    } catch (err) {
      setListError(err instanceof ApiError ? err : new ApiError('http', String(err)));
    }
  };

  const last = messages[messages.length - 1];

  return (
    <div className="chat">
      <aside className="chat-side panel" aria-label="Chats">
        <button className="btn primary" style={{ width: '100%', marginBottom: '0.75rem' }} onClick={newChat}>
          + New chat
        </button>
        {listError && <ErrorBanner error={listError} onRetry={loadList} />}
        <div className="chat-list" data-testid="chat-list">
          {chats.length === 0 && !listError && <p className="muted small">No chats yet — ask something.</p>}
          {chats.map((c) => (
            <div key={c.id} className={`chat-item ${c.id === chatId ? 'active' : ''}`}>
              <button
                className="open"
                title={c.title}
                onClick={() => navigate(`/chat/${encodeURIComponent(c.id)}`)}
              >
                {c.title}
              </button>
              <button
                className="btn ghost small"
                aria-label={`Delete chat ${c.title}`}
                onClick={() => remove(c.id)}
              >
                ✕
              </button>
            </div>
          ))}
        </div>
      </aside>

      <section className="chat-main">
        {loadError && <ErrorBanner error={loadError} onRetry={() => loadChat(chatId)} />}
        <div className="messages" data-testid="messages">
          {messages.length === 0 && !loadError && (
            <div className="welcome">
              <h1>Welcome to the Pit Wall</h1>
              <p className="muted">
                Ask your race engineer about results, standings, strategy, the rulebook or the next race.
              </p>
              <div className="examples">
                {EXAMPLES.map((e) => (
                  <button key={e} onClick={() => send(e)}>
                    {e}
                  </button>
                ))}
              </div>
            </div>
          )}
          {messages.map((m, i) => (
            <div key={i} className={`msg ${m.role}`} data-testid={`msg-${m.role}`}>
              <div className="who">{m.role === 'user' ? 'You' : 'Race Engineer'}</div>
              {m.tools && m.tools.length > 0 && (
                <div className="chips">
                  {m.tools.map((t, j) => (
                    <span key={j} className={`chip ${t.state}`} data-testid="tool-chip">
                      {t.state === 'running' ? <span className="spinner" /> : t.state === 'ok' ? '✓' : '✕'}
                      {toolLabel(t.name)}
                      {t.ms !== undefined && <span className="muted">{Math.round(t.ms)} ms</span>}
                    </span>
                  ))}
                </div>
              )}
              {m.role === 'assistant' ? (
                <div className="bubble">
                  {m.content ? (
                    <Markdown text={m.content} />
                  ) : streaming && i === messages.length - 1 && !m.error ? (
                    <span className="muted">
                      <span className="spinner" />{' '}
                      {m.tools?.some((t) => t.state === 'running') ? 'Checking the data…' : 'Thinking…'}
                    </span>
                  ) : null}
                  {m.stopped && <p className="muted small">Stopped.</p>}
                </div>
              ) : (
                <div className="bubble">{m.content}</div>
              )}
              {m.error && (
                <ErrorBanner
                  error={m.error}
                  onRetry={i === messages.length - 1 && !streaming ? regenerate : undefined}
                />
              )}
            </div>
          ))}
          <div ref={bottomRef} />
        </div>
        {last?.role === 'assistant' && !streaming && !last.error && (
          <div>
            <button className="btn small" onClick={regenerate}>
              ↻ Regenerate
            </button>
          </div>
        )}
        <form
          className="composer"
          onSubmit={(e) => {
            e.preventDefault();
            send(input);
          }}
        >
          <textarea
            aria-label="Message"
            placeholder="Ask the pit wall…"
            value={input}
            onChange={(e) => setInput(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                send(input);
              }
            }}
          />
          {streaming ? (
            <button type="button" className="btn" onClick={() => abortRef.current?.abort()}>
              ■ Stop
            </button>
          ) : (
            <button type="submit" className="btn primary" disabled={!input.trim()}>
              Send
            </button>
          )}
        </form>
      </section>
    </div>
  );
}
