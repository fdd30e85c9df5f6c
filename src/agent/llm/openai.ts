// OpenAI-compatible chat completions through the official SDK: OpenAI, Gemini's OpenAI endpoint, Groq,
// OpenRouter, Ollama, vLLM, llama.cpp server. The SDK retries 429/5xx with exponential backoff
// (LLM_MAX_RETRIES) and enforces the per-request timeout (LLM_TIMEOUT).
import OpenAI from 'openai';
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';
import type { ChatMessage, Completion, CompletionRequest, LlmProvider, ToolCallRequest } from './types.ts';

export interface OpenAiOptions {
  baseURL: string;
  apiKey: string;
  model: string;
  timeoutMs: number;
  maxRetries: number;
}

function toOpenAi(m: ChatMessage): ChatCompletionMessageParam {
  switch (m.role) {
    case 'system':
    case 'user':
      return { role: m.role, content: m.content };
    case 'assistant':
      return {
        role: 'assistant',
        content: m.content || null,
        ...(m.toolCalls?.length
          ? {
              tool_calls: m.toolCalls.map((t) => ({
                id: t.id,
                type: 'function' as const,
                function: { name: t.name, arguments: t.arguments },
              })),
            }
          : {}),
      };
    case 'tool':
      return { role: 'tool', tool_call_id: m.toolCallId, content: m.content };
  }
}

export class OpenAiProvider implements LlmProvider {
  readonly name = 'openai';
  readonly model: string;
  private readonly client: OpenAI;

  constructor(opts: OpenAiOptions) {
    this.model = opts.model;
    this.client = new OpenAI({
      apiKey: opts.apiKey,
      baseURL: opts.baseURL,
      timeout: opts.timeoutMs,
      maxRetries: opts.maxRetries,
    });
  }

  async complete(req: CompletionRequest): Promise<Completion> {
    const tools: ChatCompletionTool[] = req.tools.map((t) => ({
      type: 'function',
      function: { name: t.name, description: t.description, parameters: t.parameters },
    }));
    const stream = await this.client.chat.completions.create(
      {
        model: this.model,
        messages: req.messages.map(toOpenAi),
        ...(tools.length ? { tools, parallel_tool_calls: true } : {}),
        temperature: 0,
        stream: true,
      },
      req.signal ? { signal: req.signal } : {},
    );
    let content = '';
    // Tool calls arrive in fragments keyed by index: id and name first, then argument text in pieces.
    const calls = new Map<number, ToolCallRequest>();
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta;
      if (!delta) continue;
      if (delta.content) {
        content += delta.content;
        req.onDelta?.(delta.content);
      }
      for (const tc of delta.tool_calls ?? []) {
        const call = calls.get(tc.index) ?? { id: '', name: '', arguments: '' };
        if (tc.id) call.id = tc.id;
        if (tc.function?.name) call.name += tc.function.name;
        if (tc.function?.arguments) call.arguments += tc.function.arguments;
        calls.set(tc.index, call);
      }
    }
    const toolCalls = [...calls.entries()]
      .sort(([a], [b]) => a - b)
      .map(([i, c]) => ({ ...c, id: c.id || `call_${i}` }));
    return { content, toolCalls };
  }
}
