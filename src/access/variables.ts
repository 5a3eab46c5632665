/**
 * How big a request's variables may be, checked on every transport before anything uses them (the whole-answer
 * cache's key, the parser of the variables, a shared subscription's key). No input of the schema nests more than a
 * few levels or holds more than a few hundred values, so variables nested deeper than `maxVariableDepth` or holding
 * more than `maxVariableValues` values are a mistake or an attack: refused with BAD_REQUEST (HTTP 400), never
 * walked by anything recursive (20,000 nested arrays used to overflow the stack of the answer cache's key: a 500).
 */
export const maxVariableDepth = 32;
export const maxVariableValues = 10_000;

/** Why these variables are refused, or undefined. Walks them without recursion, so that it cannot overflow. */
export function variablesProblem(variables: unknown): string | undefined {
  if (variables === null || typeof variables !== 'object') return undefined;
  // The common case, a few scalars (a task id): nothing nested to walk.
  let values = 1;
  let nested = false;
  for (const name in variables) {
    const value = (variables as Record<string, unknown>)[name];
    values++;
    if (value !== null && typeof value === 'object') {
      nested = true;
      break;
    }
  }
  if (!nested && values <= maxVariableValues) return undefined;
  values = 0;
  const pending: [unknown, number][] = [[variables, 1]];
  while (pending.length > 0) {
    const [value, depth] = pending.pop() as [unknown, number];
    if (++values > maxVariableValues) return `The variables hold more than ${maxVariableValues} values.`;
    if (value === null || typeof value !== 'object') continue;
    if (depth > maxVariableDepth) return `The variables nest deeper than ${maxVariableDepth} levels.`;
    for (const inner of Object.values(value)) pending.push([inner, depth + 1]);
  }
  return undefined;
}
