// The agent as the API and CLI use it: picks the engine from configuration (an LLM provider when one is
// configured, else the offline engine), runs it, and falls back to the offline engine when the
// provider fails (after the SDK's own retries), so a question always gets an answer.
import { channel as diagnosticsChannel } from 'node:diagnostics_channel';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Db } from '../data/db.ts';
import { AnthropicProvider } from './llm/anthropic.ts';
import { OpenAiProvider } from './llm/openai.ts';
import { systemPrompt } from './llm/prompt.ts';
import type { ChatMessage, LlmProvider } from './llm/types.ts';
import { runAgentLoop, type AgentEvents } from './loop.ts';
import { answerOffline, mergeFollowUp, type AnswerStatus } from './offline/engine.ts';
import { entityIndex } from './entities.ts';
import { listTools, type ToolCallOutcome } from './tools/registry.ts';
import { estimateTokens, type SpendLimits } from './spend.ts';
import type { ToolContext } from './tools/types.ts';
import type { ProvisionalLookup } from '../data/provisional/service.ts';

export interface HistoryMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface AgentAnswer {
  answer: string;
  /** "offline" or "llm:<model>" */
  engine: string;
  tools: { name: string; args: unknown; ms: number; ok: boolean }[];
  sources: string[];
  /** Set when the provider failed and the offline engine answered instead. */
  fallback?: string;
  /** Set when a spend limit sent the question to the offline engine (the reason, also said in the answer). */
  limited?: string;
  /** The offline engine's account of its reply: answered, unavailable (not in the data) or abstained. */
  status?: AnswerStatus;
}

/** Published once per answer (an AnswerEvent), for metrics (Node diagnostics_channel). */
export const AGENT_ANSWER_CHANNEL = 'race-engineer.agent.answer';
const answered = diagnosticsChannel(AGENT_ANSWER_CHANNEL);

export interface AnswerEvent {
  engine: string;
  outcome: 'answered' | 'fallback' | 'limited' | 'error';
  tools: { name: string; ok: boolean }[];
}

export function createProvider(config: Config): LlmProvider | undefined {
  const timeoutMs = config.LLM_TIMEOUT * 1000;
  const maxRetries = config.LLM_MAX_RETRIES;
  const want = config.LLM_PROVIDER;
  if (want === 'offline') return undefined;
  if (want === 'openai' || (want === 'auto' && config.OPENAI_API_KEY)) {
    // Local servers (Ollama, llama.cpp) need no key; the SDK insists on a non-empty one.
    return new OpenAiProvider({
      baseURL: config.OPENAI_BASE_URL,
      apiKey: config.OPENAI_API_KEY ?? 'no-key',
      model: config.OPENAI_MODEL,
      timeoutMs,
      maxRetries,
    });
  }
  if (want === 'anthropic' || (want === 'auto' && config.ANTHROPIC_API_KEY)) {
    return new AnthropicProvider({
      baseURL: config.ANTHROPIC_BASE_URL,
      apiKey: config.ANTHROPIC_API_KEY ?? 'no-key',
      model: config.ANTHROPIC_MODEL,
      timeoutMs,
      maxRetries,
    });
  }
  return undefined;
}

const summarize = (tools: ToolCallOutcome[]) =>
  tools.map((t) => ({ name: t.name, args: t.args, ms: t.ms, ok: t.ok }));

/** The message of an error, without anything that looks like a credential. */
export function safeMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\b(sk|key|api|bearer)[-_ ]?[A-Za-z0-9_-]{8,}/gi, '[redacted]').slice(0, 300);
}

/** "and Verstappen?", "what about 2019?", "who was second?", "and in the sprint?": a question that leans on the last one. */
export function isElliptical(question: string): boolean {
  const q = question.trim().toLowerCase();
  if (/^(and|what about|how about|same for|same question for|what of|or|but)\b/.test(q)) return true;
  if (/^(in|at|for|with) [^?]{1,30}\??$/.test(q)) return true;
  return /^(who|which driver) (was|came|finished) (second|third|fourth|fifth|last|p\d{1,2}|\d{1,2}(st|nd|rd|th))\??$/.test(
    q,
  );
}

export interface AskInput {
  question: string;
  history?: HistoryMessage[];
  events?: AgentEvents;
  signal?: AbortSignal;
  /** Who asks (the chat owner), for the per-identity answer limit; none: not limited per identity. */
  identity?: string;
  /** The asker's IANA time zone (validated by the route): session times are also given in it. */
  timeZone?: string;
}

export class Agent {
  readonly provider: LlmProvider | undefined;

  constructor(
    private readonly deps: {
      config: Config;
      logger: Logger;
      db: () => Db;
      now?: () => Date;
      /** Daily limits on model use; none: unlimited. */
      spend?: SpendLimits;
      /** Provisional results from live timing (the results tools fall back on them). */
      provisional?: ProvisionalLookup;
    },
    provider?: LlmProvider | null,
  ) {
    this.provider = provider === null ? undefined : (provider ?? createProvider(deps.config));
  }

  get engineName(): string {
    return this.provider ? `llm:${this.provider.model}` : 'offline';
  }

  private toolContext(signal?: AbortSignal, timeZone?: string): ToolContext {
    return {
      config: this.deps.config,
      logger: this.deps.logger,
      db: this.deps.db,
      now: this.deps.now ?? (() => new Date()),
      ...(signal ? { signal } : {}),
      ...(timeZone ? { timeZone } : {}),
      ...(this.deps.provisional ? { provisional: this.deps.provisional } : {}),
    };
  }

  async ask(input: AskInput): Promise<AgentAnswer> {
    try {
      const answer = await this.answer(input);
      if (answered.hasSubscribers)
        answered.publish({
          engine: answer.engine,
          outcome: answer.limited ? 'limited' : answer.fallback ? 'fallback' : 'answered',
          tools: answer.tools,
        } satisfies AnswerEvent);
      return answer;
    } catch (err) {
      if (answered.hasSubscribers)
        answered.publish({ engine: this.engineName, outcome: 'error', tools: [] } satisfies AnswerEvent);
      throw err;
    }
  }

  private async answer(input: AskInput): Promise<AgentAnswer> {
    const toolCtx = this.toolContext(input.signal, input.timeZone);
    const spend = this.deps.spend;
    const identity = input.identity ?? 'anonymous';
    const refused = this.provider && spend ? await spend.refusal(identity) : null;
    if (refused) {
      this.deps.logger.info(
        { event: 'agent.limited', reason: refused },
        'spend limit: offline engine answers',
      );
      const note = `_${refused}; the offline engine answers instead._\n\n`;
      input.events?.delta?.(note);
      const offline = await this.offline(input.question, toolCtx, input.events, input.history);
      return { ...offline, answer: note + offline.answer, limited: refused };
    }
    if (this.provider) {
      const base = this.provider;
      let tokens = 0;
      // Counts what each model call sends and receives, for the daily budget.
      const provider: LlmProvider = {
        name: base.name,
        model: base.model,
        complete: async (req) => {
          const res = await base.complete(req);
          tokens += estimateTokens(req, res);
          return res;
        },
      };
      const recordUse = () =>
        spend
          ?.record(identity, tokens)
          .catch((err: unknown) =>
            this.deps.logger.warn({ event: 'agent.spend.record_failed', err }, 'could not record LLM use'),
          );
      let streamed = false;
      const events: AgentEvents = {
        ...input.events,
        delta: (t) => {
          streamed = true;
          input.events?.delta?.(t);
        },
      };
      try {
        const messages: ChatMessage[] = [
          { role: 'system', content: systemPrompt(toolCtx.now(), toolCtx.timeZone) },
          ...(input.history ?? []).map((m) => ({ role: m.role, content: m.content }) as ChatMessage),
          { role: 'user', content: input.question },
        ];
        const result = await runAgentLoop({
          provider,
          messages,
          tools: listTools(this.deps.config),
          toolCtx,
          maxTurns: this.deps.config.MAX_AGENT_TURNS,
          logger: this.deps.logger,
          events,
          ...(input.signal ? { signal: input.signal } : {}),
        });
        await recordUse();
        return {
          answer: result.answer,
          engine: this.engineName,
          tools: summarize(result.tools),
          sources: result.sources,
        };
      } catch (err) {
        await recordUse();
        if (input.signal?.aborted) throw err;
        const reason = safeMessage(err);
        this.deps.logger.warn(
          { event: 'agent.fallback', provider: this.provider.name, err: reason },
          'LLM failed; offline engine answers',
        );
        if (streamed) input.events?.delta?.('\n\n');
        const offline = await this.offline(input.question, toolCtx, input.events, input.history);
        return { ...offline, fallback: reason };
      }
    }
    return this.offline(input.question, toolCtx, input.events, input.history);
  }

  private async offline(
    question: string,
    toolCtx: ToolContext,
    events?: AgentEvents,
    history: HistoryMessage[] = [],
  ): Promise<AgentAnswer> {
    const started = performance.now();
    // A follow-up inherits from the history only when it is elliptical ("and Verstappen?", "what about
    // 2019?", "who was second?"): it is read after the previous question, so its own words win (the latest
    // season named is the one used). A complete question never inherits.
    const previous = history.filter((m) => m.role === 'user').at(-1)?.content;
    const text =
      previous && isElliptical(question)
        ? mergeFollowUp(entityIndex(toolCtx.db()), previous, question)
        : question;
    const result = await answerOffline(text, toolCtx);
    for (const t of result.tools) {
      events?.toolStart?.({ name: t.name, args: t.args });
      events?.toolEnd?.({ name: t.name, ok: t.ok, ms: t.ms });
    }
    // Stream the templated answer in word groups, like a model would.
    if (events?.delta) for (const piece of result.answer.match(/\S+\s*/g) ?? []) events.delta(piece);
    this.deps.logger.info(
      {
        event: 'agent.turn',
        engine: 'offline',
        tools: result.tools.map((t) => t.name),
        ms: Math.round(performance.now() - started),
      },
      'offline answer',
    );
    return {
      answer: result.answer,
      engine: 'offline',
      tools: summarize(result.tools),
      sources: result.sources,
      status: result.status,
    };
  }
}
