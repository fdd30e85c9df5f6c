// One interface for every language-model provider: a chat with tools, streamed. The loop
// (../loop.ts) only talks to this; each provider file maps it onto its official SDK.

export interface ToolCallRequest {
  id: string;
  name: string;
  /** The raw JSON text the model produced (may be malformed: the loop reports that back). */
  arguments: string;
}

export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: ToolCallRequest[] }
  | { role: 'tool'; toolCallId: string; name: string; content: string };

export interface ToolSpec {
  name: string;
  description: string;
  /** JSON Schema of the arguments. */
  parameters: Record<string, unknown>;
}

export interface CompletionRequest {
  messages: ChatMessage[];
  tools: ToolSpec[];
  signal?: AbortSignal;
  /** Called with each text fragment as it streams in. */
  onDelta?: (text: string) => void;
}

export interface Completion {
  content: string;
  toolCalls: ToolCallRequest[];
}

export interface LlmProvider {
  /** "openai" | "anthropic" */
  readonly name: string;
  readonly model: string;
  complete(req: CompletionRequest): Promise<Completion>;
}
