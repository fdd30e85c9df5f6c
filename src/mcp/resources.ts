// MCP resources: season calendars, race classifications and championship tables as Markdown, produced by
// the same registry tools the agent uses (one source of truth for the text).
import { McpError, type Resource, type ResourceTemplate } from '@modelcontextprotocol/sdk/types.js';
import { runTool } from '../agent/tools/registry.ts';
import { toolContext, type McpDeps } from './context.ts';
import { CHAT_TEMPLATE, chatResources, isChatUri, readChatResource } from './chat-resources.ts';

/** JSON-RPC code the MCP specification gives to "resource not found". */
export const RESOURCE_NOT_FOUND = -32002;
const MARKDOWN = 'text/markdown';

export const RESOURCE_TEMPLATES: ResourceTemplate[] = [
  {
    uriTemplate: 'f1://calendar/{year}',
    name: 'Season calendar',
    description:
      'Every round of a season (year, or "current"): dates, circuits, sprint weekends, what has been run.',
    mimeType: MARKDOWN,
  },
  {
    uriTemplate: 'f1://results/{year}/{grand_prix}',
    name: 'Race classification',
    description:
      'The grand prix classification of one race, e.g. f1://results/2023/austria or f1://results/current/last%20race.',
    mimeType: MARKDOWN,
  },
  {
    uriTemplate: 'f1://standings/{year}/{kind}',
    name: 'Championship standings',
    description: 'Final (or latest) championship table of a season; kind = drivers | constructors.',
    mimeType: MARKDOWN,
  },
  CHAT_TEMPLATE,
];

export async function listResources(deps: McpDeps): Promise<Resource[]> {
  return [
    {
      uri: 'f1://calendar/current',
      name: 'Current season calendar',
      description: 'This season’s calendar with the last and the next race.',
      mimeType: MARKDOWN,
    },
    {
      uri: 'f1://results/current/last%20race',
      name: 'Latest race classification',
      description: 'The classification of the most recent grand prix in the data.',
      mimeType: MARKDOWN,
    },
    {
      uri: 'f1://standings/current/drivers',
      name: 'Current drivers’ championship',
      mimeType: MARKDOWN,
    },
    ...(await chatResources(deps)),
  ];
}

/** A URI → the registry tool and arguments that produce it. */
export function resourceCall(uri: string): { tool: string; args: Record<string, unknown> } {
  const m = /^f1:\/\/([a-z]+)\/([^/]+)(?:\/([^/]+))?$/.exec(uri);
  const notFound = () => new McpError(RESOURCE_NOT_FOUND, `Unknown resource ${uri}`);
  if (!m) throw notFound();
  const [, kind, rawYear, rest] = m;
  const yearText = decodeURIComponent(rawYear!);
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : yearText === 'current' ? undefined : yearText;
  if (kind === 'calendar' && rest === undefined) return { tool: 'get_season_schedule', args: { year } };
  if (kind === 'results' && rest !== undefined)
    return { tool: 'get_race_results', args: { year, grand_prix: decodeURIComponent(rest) } };
  if (kind === 'standings' && (rest === 'drivers' || rest === 'constructors'))
    return {
      tool: rest === 'drivers' ? 'get_driver_standings' : 'get_constructor_standings',
      args: { year },
    };
  throw notFound();
}

export async function readResource(deps: McpDeps, uri: string, signal?: AbortSignal) {
  if (isChatUri(uri)) return readChatResource(deps, uri);
  const { tool, args } = resourceCall(uri);
  const outcome = await runTool(tool, args, toolContext(deps, signal));
  if (!outcome.ok || !outcome.result)
    throw new McpError(RESOURCE_NOT_FOUND, outcome.error ?? `No data for ${uri}`);
  const { markdown, sources } = outcome.result;
  return {
    uri,
    mimeType: MARKDOWN,
    text: sources.length ? `${markdown}\n\nSources: ${sources.join('; ')}` : markdown,
  };
}
