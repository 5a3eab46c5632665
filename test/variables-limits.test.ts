/** src/access/variables.ts on its own: the shapes each branch sees (a flat object is not walked; everything else is). */
import { describe, expect, it } from 'vitest';
import { variablesProblem } from '../src/access/variables.js';

const nest = (levels: number): unknown => (levels === 0 ? 'x' : { inner: nest(levels - 1) });

describe('variablesProblem', () => {
  it('a few scalars, nulls included, are fine', () => {
    expect(variablesProblem({ id: 'a', n: 1, on: true, none: null })).toBeUndefined();
    expect(variablesProblem({})).toBeUndefined();
    expect(variablesProblem(null)).toBeUndefined();
  });

  it('20,000 scalars side by side in one object are refused like 20,000 in an array', () => {
    const wide = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`v${i}`, i]));
    expect(variablesProblem(wide)).toMatch(/more than 10000 values/);
    expect(variablesProblem({ ids: Array.from({ length: 20_000 }, String) })).toMatch(/more than 10000 values/);
  });

  it('nesting is counted from the variables object: 32 levels are fine, 33 are not', () => {
    // The variables object is level 1, each `inner` object one more (the scalar at the bottom is no level).
    expect(variablesProblem(nest(32))).toBeUndefined();
    expect(variablesProblem(nest(33))).toMatch(/nest deeper than 32 levels/);
  });
});
