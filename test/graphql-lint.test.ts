/**
 * The operations a client ships (operations/*.graphql) pass @graphql-eslint's recommended operation rules against
 * schema.graphql, run by ESLint itself with eslint.config.mjs: every recommended rule is on (one, naming-convention,
 * with a documented allowance), so a stem without its id (require-selections), an unused variable or a deprecated
 * field fails here; and schema.graphql passes its Relay rules (Node, connections, edges, page info).
 */
import graphql from '@graphql-eslint/eslint-plugin';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

describe('@graphql-eslint over operations/*.graphql', () => {
  const eslint = new ESLint({ cwd: process.cwd() });

  it('every recommended operation rule is on', async () => {
    const config = await eslint.calculateConfigForFile('operations/tasks.graphql');
    const recommended = Object.keys(graphql.configs['flat/operations-recommended'].rules ?? {});
    expect(recommended.length).toBeGreaterThan(20);
    const severity = (rule: string): unknown => {
      const setting = (config as { rules?: Record<string, unknown> } | undefined)?.rules?.[rule];
      return Array.isArray(setting) ? setting[0] : setting;
    };
    expect(recommended.filter((rule) => severity(rule) !== 2 && severity(rule) !== 'error')).toEqual([]);
  });

  it('the operations have no problem', async () => {
    const results = await eslint.lintFiles(['operations/*.graphql']);
    expect(results.length).toBeGreaterThanOrEqual(7);
    const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.ruleId}: ${m.message}`));
    expect(problems).toEqual([]);
  });

  it("schema.graphql passes @graphql-eslint's Relay rules (connections, edges, page info, arguments)", async () => {
    const config = (await eslint.calculateConfigForFile('schema.graphql')) as { rules?: Record<string, unknown> } | undefined;
    for (const rule of Object.keys(graphql.configs['flat/schema-relay'].rules ?? {})) expect(config?.rules?.[rule], rule).toBeDefined();
    const [result] = await eslint.lintFiles(['schema.graphql']);
    expect(result?.messages.map((m) => `${m.line} ${m.ruleId}: ${m.message}`)).toEqual([]);
  });

  it('would catch a Stem read without its id', async () => {
    const [result] = await eslint.lintText('query StemsOnly($id: ID!) { task(id: $id) { id stems { kind } } }', {
      filePath: 'operations/probe.graphql',
    });
    expect(result?.messages.map((m) => m.ruleId)).toContain('@graphql-eslint/require-selections');
  });
});
