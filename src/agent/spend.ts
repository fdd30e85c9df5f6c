// Spend limits for deployments with an LLM key: at most LLM_DAILY_ANSWERS_PER_IDENTITY model answers per
// identity (chat owner, else client address) per UTC day, and at most LLM_DAILY_TOKEN_BUDGET tokens per day
// for the whole deployment (every node: the counters are in the run-time store). Past either, the offline
// engine answers and says why. 0 turns a limit off. Tokens are estimated from the text sent and received
// (4 characters a token), the same way for every provider.
import type { Config } from '../config.ts';
import type { Completion, CompletionRequest } from './llm/types.ts';
import { TOTAL, type UsageStore } from '../store/usage.ts';

export const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/** Tokens of one model call, estimated from its text (prompt, tool specs, reply and tool calls). */
export function estimateTokens(req: CompletionRequest, res: Completion): number {
  let chars = 0;
  for (const m of req.messages) chars += m.content.length;
  for (const t of req.tools)
    chars += t.name.length + t.description.length + JSON.stringify(t.parameters).length;
  chars += res.content.length;
  for (const c of res.toolCalls) chars += c.name.length + c.arguments.length;
  return Math.ceil(chars / 4);
}

export class SpendLimits {
  constructor(
    private readonly config: Pick<Config, 'LLM_DAILY_TOKEN_BUDGET' | 'LLM_DAILY_ANSWERS_PER_IDENTITY'>,
    private readonly usage: UsageStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get active(): boolean {
    return this.config.LLM_DAILY_TOKEN_BUDGET > 0 || this.config.LLM_DAILY_ANSWERS_PER_IDENTITY > 0;
  }

  /** Why this identity may not use the model now (a sentence for the answer), or null. */
  async refusal(identity: string): Promise<string | null> {
    if (!this.active) return null;
    const day = utcDay(this.now());
    const budget = this.config.LLM_DAILY_TOKEN_BUDGET;
    if (budget > 0 && (await this.usage.get(day, TOTAL)).tokens >= budget)
      return `Today's AI model budget of this server (${budget} tokens) is used up`;
    const perIdentity = this.config.LLM_DAILY_ANSWERS_PER_IDENTITY;
    if (perIdentity > 0 && (await this.usage.get(day, identity)).answers >= perIdentity)
      return `You have had today's ${perIdentity} AI model answers`;
    return null;
  }

  async record(identity: string, tokens: number): Promise<void> {
    if (this.active) await this.usage.add(utcDay(this.now()), identity, tokens);
  }
}
