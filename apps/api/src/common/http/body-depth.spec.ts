import { MAX_BODY_DEPTH, nestingDepth } from './body-depth.js';

describe('request body nesting depth', () => {
  it('counts objects and arrays, not scalars', () => {
    expect(nestingDepth('x', 32)).toBe(0);
    expect(nestingDepth({}, 32)).toBe(1);
    expect(nestingDepth({ a: [1, { b: null }] }, 32)).toBe(3);
  });

  it('handles bodies far deeper than the limit without recursion, stopping early', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(nestingDepth(deep, MAX_BODY_DEPTH)).toBe(MAX_BODY_DEPTH + 1);
  });
});
