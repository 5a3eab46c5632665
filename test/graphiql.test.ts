/**
 * GraphiQL's example tabs as a newcomer sees them. GraphiQL names a tab after the first operation in it (a line not
 * starting with `#` that reads `query|mutation|subscription <Name>`), or "<untitled>". The test takes the tabs from
 * the page the gateway serves and names them with the rule found in that page's own GraphiQL bundle, so a tab whose
 * name GraphiQL would not show, or directions that point to a tab that does not exist, fail here.
 */
import { describe, expect, it } from 'vitest';
import { sandboxGateway } from './helpers.js';

/** GraphiQL's tab title rule (graphiql's fuzzyExtractOperationName); the test checks the served bundle has it. */
const titleRule = /^(?!#).*(query|subscription|mutation)\s+([a-zA-Z0-9_]+)/m;

describe('GraphiQL', () => {
  const setup = sandboxGateway();

  it('opens with example tabs named after their operations, and the first points to tabs by names that exist', async () => {
    const res = await fetch(`${setup.gw.url}/graphql`, { headers: { accept: 'text/html' } });
    const page = await res.text();
    expect(page).toContain(String(titleRule));
    const optionsJson = /renderYogaGraphiQL\(\s*window\.document\.querySelector\('#root'\),\s*(\{.*\}),\s*\);\s*<\/script>/s.exec(page)?.[1];
    const { defaultTabs } = JSON.parse(optionsJson!) as { defaultTabs: { query: string }[] };
    const title = (query: string) => titleRule.exec(query)?.[2] ?? '<untitled>';
    const names = defaultTabs.map((tab) => title(tab.query));
    expect(names).toEqual(['SplitDemoSong', 'ReadTask', 'WatchTask', 'CreateSong', 'TempoOfDemoSong']);

    const pointedTo = [...defaultTabs[0]!.query.matchAll(/the (\S+) tab\b/g)].map((m) => m[1]);
    expect(pointedTo).toEqual(['WatchTask', 'ReadTask']);
    for (const name of pointedTo) expect(names).toContain(name);
  });
});
