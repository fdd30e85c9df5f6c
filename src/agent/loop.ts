// The agent loop: the model asks for tools, we run them (in parallel, each with TOOL_TIMEOUT), feed
// the results back as data, and stream the final answer. At most MAX_AGENT_TURNS tool rounds; when the
// budget runs out the model is asked once more, without tools, to answer from what it has — and the
// user is told the answer may be incomplete (the seed system discarded that reply unread).
import type { Logger } from '../logger.ts';
import type { ChatMessage, LlmProvider, ToolCallRequest, ToolSpec } from './llm/types.ts';
import { runTool, toolJsonSchema, type AgentTool, type ToolCallOutcome } from './tools/registry.ts';
import type { ToolContext } from './tools/types.ts';

export interface AgentEvents {
  toolStart?(e: { name: string; args: unknown }): void;
  toolEnd?(e: { name: string; ok: boolean; ms: number }): void;
  delta?(text: string): void;
}

export interface LoopResult {
  answer: string;
  tools: ToolCallOutcome[];
  sources: string[];
  turns: number;
  budgetExhausted: boolean;
}

/** Tool output goes back wrapped and defanged: it can never close its wrapper or pose as another turn. */
export function asToolData(name: string, text: string): string {
  // Until nothing is left: removing one tag must not join the halves around it into a new one
  // (`</tool_out<tool_output>put>`).
  let clean = text;
  for (let before = ''; before !== clean;) {
    before = clean;
    clean = clean.replace(/<\s*\/?\s*tool_output[^>]*>/gi, '');
  }
  return `<tool_output name="${name}">\n${clean}\n</tool_output>`;
}

function parseArguments(call: ToolCallRequest): { ok: true; args: unknown } | { ok: false; error: string } {
  if (!call.arguments.trim()) return { ok: true, args: {} };
  try {
    return { ok: true, args: JSON.parse(call.arguments) };
  } catch {
    return { ok: false, error: `Malformed JSON arguments for ${call.name}: ${call.arguments.slice(0, 200)}` };
  }
}

export async function runAgentLoop(opts: {
  provider: LlmProvider;
  messages: ChatMessage[];
  tools: readonly AgentTool[];
  toolCtx: ToolContext;
  maxTurns: number;
  logger: Logger;
  events?: AgentEvents;
  signal?: AbortSignal;
}): Promise<LoopResult> {
  const { provider, tools, toolCtx, maxTurns, logger, events } = opts;
  const specs: ToolSpec[] = tools.map((t) => ({
    name: t.name,
    description: t.description,
    parameters: toolJsonSchema(t),
  }));
  const convo = [...opts.messages];
  const outcomes: ToolCallOutcome[] = [];
  for (let turn = 1; ; turn++) {
    const budgetExhausted = turn > maxTurns;
    if (budgetExhausted) {
      convo.push({
        role: 'system',
        content: `Tool budget exhausted (${maxTurns} rounds). Answer now from the tool results above; say plainly what you could not find.`,
      });
    }
    const started = performance.now();
    const completion = await provider.complete({
      messages: convo,
      tools: budgetExhausted ? [] : specs,
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(events?.delta ? { onDelta: events.delta } : {}),
    });
    logger.info(
      {
        event: 'agent.turn',
        turn,
        provider: provider.name,
        model: provider.model,
        toolCalls: completion.toolCalls.map((c) => c.name),
        ms: Math.round(performance.now() - started),
      },
      'agent turn',
    );
    const sources = [...new Set(outcomes.flatMap((o) => o.result?.sources ?? []))];
    if (completion.toolCalls.length === 0 || budgetExhausted) {
      let answer = completion.content.trim();
      if (budgetExhausted) {
        const note = `\n\n_I hit the limit of ${maxTurns} tool rounds, so this answer may be incomplete — try a more specific question._`;
        if (!answer)
          answer = `I ran out of tool rounds (${maxTurns}) before I could answer. Try a more specific question.`;
        else {
          answer += note;
          events?.delta?.(note);
        }
      }
      return { answer, tools: outcomes, sources, turns: turn, budgetExhausted };
    }
    convo.push({ role: 'assistant', content: completion.content, toolCalls: completion.toolCalls });
    // Parallel tool calls: run together; results go back in the order the model asked for them.
    const results = await Promise.all(
      completion.toolCalls.map(async (call) => {
        const parsed = parseArguments(call);
        events?.toolStart?.({ name: call.name, args: parsed.ok ? parsed.args : call.arguments });
        const outcome: ToolCallOutcome = parsed.ok
          ? await runTool(call.name, parsed.args, toolCtx, tools)
          : { name: call.name, args: call.arguments, ok: false, ms: 0, error: parsed.error };
        events?.toolEnd?.({ name: call.name, ok: outcome.ok, ms: outcome.ms });
        return { call, outcome };
      }),
    );
    for (const { call, outcome } of results) {
      outcomes.push(outcome);
      const content = outcome.ok
        ? asToolData(call.name, outcome.result!.markdown)
        : asToolData(call.name, `ERROR: ${outcome.error}`);
      convo.push({ role: 'tool', toolCallId: call.id, name: call.name, content });
    }
  }
}
