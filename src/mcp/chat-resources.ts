// MCP resources for stored chats, under the same ownership rules as /api/chats: a caller identified over
// HTTP (API token, or the browser's identity cookie) sees its own chats as f1://chats and f1://chats/{id};
// another owner's chat is "not found", and a caller without an identity (stdio, anonymous HTTP) has none.
import { McpError, type Resource, type ResourceTemplate } from '@modelcontextprotocol/sdk/types.js';
import type { McpDeps } from './context.ts';

const RESOURCE_NOT_FOUND = -32002;
const MARKDOWN = 'text/markdown';

export const CHAT_TEMPLATE: ResourceTemplate = {
  uriTemplate: 'f1://chats/{id}',
  name: 'Stored chat',
  description: 'One of your stored race-engineer chats (needs an API token), as a transcript.',
  mimeType: MARKDOWN,
};

export async function chatResources(deps: McpDeps): Promise<Resource[]> {
  if (!deps.owner || !deps.chats) return [];
  const list: Resource = {
    uri: 'f1://chats',
    name: 'Your chats',
    description: 'Your stored race-engineer chats, most recent first.',
    mimeType: MARKDOWN,
  };
  return [
    list,
    ...(await deps.chats.list(deps.owner, 20)).map((c) => ({
      uri: `f1://chats/${c.id}`,
      name: c.title,
      mimeType: MARKDOWN,
    })),
  ];
}

export function isChatUri(uri: string): boolean {
  return uri === 'f1://chats' || uri.startsWith('f1://chats/');
}

export async function readChatResource(deps: McpDeps, uri: string) {
  const notFound = () => new McpError(RESOURCE_NOT_FOUND, `Unknown resource ${uri}`);
  if (!deps.owner || !deps.chats) throw notFound();
  const store = deps.chats;
  if (uri === 'f1://chats') {
    const chats = await store.list(deps.owner);
    const text = chats.length
      ? chats
          .map((c) => `- [${c.title}](f1://chats/${c.id}) — ${c.messageCount} messages, ${c.updatedAt}`)
          .join('\n')
      : 'No stored chats.';
    return { uri, mimeType: MARKDOWN, text };
  }
  const chat = await store.get(decodeURIComponent(uri.slice('f1://chats/'.length)), deps.owner);
  if (!chat) throw notFound();
  const text = [
    `# ${chat.title}`,
    ...chat.messages.map((m) => `**${m.role === 'user' ? 'You' : 'Race engineer'}:** ${m.content}`),
  ].join('\n\n');
  return { uri, mimeType: MARKDOWN, text };
}
