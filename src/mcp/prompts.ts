// MCP prompts: ready-made requests a user picks in their client. Each embeds the relevant data (read
// through the registry tools) so the model starts from facts, and names the tools to dig further.
import { McpError, ErrorCode, type GetPromptResult, type Prompt } from '@modelcontextprotocol/sdk/types.js';
import type { McpDeps } from './context.ts';
import { readResource } from './resources.ts';

export const PROMPTS: Prompt[] = [
  {
    name: 'race_debrief',
    title: 'Race debrief',
    description:
      'A race engineer’s debrief of one grand prix: result, key moments, strategy, who gained and lost.',
    arguments: [
      {
        name: 'grand_prix',
        description: 'The race, e.g. "Austrian GP", "Monza", "last race"',
        required: true,
      },
      { name: 'year', description: 'Season, e.g. 2023 (default: current)', required: false },
    ],
  },
  {
    name: 'season_briefing',
    title: 'Championship briefing',
    description: 'Where a championship stands: the table, the calendar ahead and what each contender needs.',
    arguments: [{ name: 'year', description: 'Season, e.g. 2021 (default: current)', required: false }],
  },
];

const seg = (v: string | undefined) => encodeURIComponent(v?.trim() || 'current');

export async function renderPrompt(
  deps: McpDeps,
  name: string,
  args: Record<string, string>,
  signal?: AbortSignal,
): Promise<GetPromptResult> {
  if (name === 'race_debrief') {
    if (!args.grand_prix)
      throw new McpError(ErrorCode.InvalidParams, 'race_debrief needs a grand_prix argument');
    const classification = await readResource(
      deps,
      `f1://results/${seg(args.year)}/${encodeURIComponent(args.grand_prix)}`,
      signal,
    );
    return {
      description: `Race debrief: ${args.year ?? ''} ${args.grand_prix}`.replace(/\s+/g, ' ').trim(),
      messages: [
        {
          role: 'user',
          content: {
            type: 'text',
            text:
              `Give me a race engineer's debrief of the ${args.year ? `${args.year} ` : ''}${args.grand_prix}. ` +
              'Start from the classification below. Then use get_qualifying_results for the grid story, ' +
              'get_pit_strategy for stints and undercuts, and get_driver_standings for what the result did to ' +
              'the championship. Cover: the winner and how the race was won, the biggest gains and losses ' +
              'from the grid, retirements and why, and strategy calls that decided positions. Cite the data.',
          },
        },
        { role: 'user', content: { type: 'resource', resource: classification } },
      ],
    };
  }
  if (name === 'season_briefing') {
    const [standings, calendar] = await Promise.all([
      readResource(deps, `f1://standings/${seg(args.year)}/drivers`, signal),
      readResource(deps, `f1://calendar/${seg(args.year)}`, signal),
    ]);
    return {
      description: `Championship briefing ${args.year ?? 'current season'}`,
      messages: [
        {
          role: 'user',
          content: {
            type: 'text',
            text:
              `Brief me on the ${args.year ?? 'current'} drivers' championship: who leads and by how much, ` +
              'the form of the contenders, the races left and what each contender needs ' +
              '(use calculate_championship_scenario). Base everything on the data below and the tools.',
          },
        },
        { role: 'user', content: { type: 'resource', resource: standings } },
        { role: 'user', content: { type: 'resource', resource: calendar } },
      ],
    };
  }
  throw new McpError(ErrorCode.InvalidParams, `Unknown prompt "${name}"`);
}
