// Anthropic Messages API through the official SDK (streams text; tool_use blocks become tool calls).
// Like the OpenAI SDK, it retries 429/5xx with backoff and enforces the request timeout.
import Anthropic from '@anthropic-ai/sdk';
import type { MessageParam, Tool, ContentBlockParam } from '@anthropic-ai/sdk/resources/messages';
import type { ChatMessage, Completion, CompletionRequest, LlmProvider } from './types.ts';

export interface AnthropicOptions {
  baseURL?: string | undefined;
  apiKey: string;
  model: string;
  timeoutMs: number;
  maxRetries: number;
}

function parseArgs(text: string): unknown {
  try {
    return JSON.parse(text || '{}');
  } catch {
    return {};
  }
}

/** Anthropic keeps the system prompt apart and wants tool results as user turns of tool_result blocks. */
export function toAnthropic(messages: ChatMessage[]): { system: string; messages: MessageParam[] } {
  const system = messages
    .filter((m) => m.role === 'system')
    .map((m) => m.content)
    .join('\n\n');
  const out: MessageParam[] = [];
  for (const m of messages) {
    if (m.role === 'system') continue;
    if (m.role === 'user') out.push({ role: 'user', content: m.content });
    else if (m.role === 'assistant') {
      const blocks: ContentBlockParam[] = [];
      if (m.content) blocks.push({ type: 'text', text: m.content });
      for (const t of m.toolCalls ?? [])
        blocks.push({ type: 'tool_use', id: t.id, name: t.name, input: parseArgs(t.arguments) });
      out.push({ role: 'assistant', content: blocks.length ? blocks : '' });
    } else {
      const block: ContentBlockParam = { type: 'tool_result', tool_use_id: m.toolCallId, content: m.content };
      const last = out.at(-1);
      if (last?.role === 'user' && Array.isArray(last.content)) last.content.push(block);
      else out.push({ role: 'user', content: [block] });
    }
  }
  return { system, messages: out };
}

export class AnthropicProvider implements LlmProvider {
  readonly name = 'anthropic';
  readonly model: string;
  private readonly client: Anthropic;

  constructor(opts: AnthropicOptions) {
    this.model = opts.model;
    this.client = new Anthropic({
      apiKey: opts.apiKey,
      ...(opts.baseURL ? { baseURL: opts.baseURL } : {}),
      timeout: opts.timeoutMs,
      maxRetries: opts.maxRetries,
    });
  }

  async complete(req: CompletionRequest): Promise<Completion> {
    const { system, messages } = toAnthropic(req.messages);
    const tools: Tool[] = req.tools.map((t) => ({
      name: t.name,
      description: t.description,
      input_schema: t.parameters as Tool['input_schema'],
    }));
    const stream = this.client.messages.stream(
      {
        model: this.model,
        max_tokens: 2048,
        temperature: 0,
        system,
        messages,
        ...(tools.length ? { tools } : {}),
      },
      req.signal ? { signal: req.signal } : {},
    );
    stream.on('text', (text) => req.onDelta?.(text));
    const final = await stream.finalMessage();
    let content = '';
    const toolCalls = [];
    for (const block of final.content) {
      if (block.type === 'text') content += block.text;
      else if (block.type === 'tool_use')
        toolCalls.push({ id: block.id, name: block.name, arguments: JSON.stringify(block.input ?? {}) });
    }
    return { content, toolCalls };
  }
}
