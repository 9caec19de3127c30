import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, PLAYGROUND, sameRoute } from './route';

describe('routes in the query string', () => {
  it('round-trips a view with its parameters', () => {
    const route = { view: 'run' as const, params: { id: 'abc123' } };
    expect(formatRoute(route)).toBe('?view=run&id=abc123');
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('is the playground for no query, an unknown view, or a bare page', () => {
    expect(parseRoute('')).toEqual(PLAYGROUND);
    expect(parseRoute('?view=admin')).toEqual(PLAYGROUND);
    expect(formatRoute(PLAYGROUND)).toBe('');
  });

  it('drops oversized values and keeps the first of repeated keys', () => {
    const long = 'x'.repeat(5_000);
    expect(parseRoute(`?view=compare&ids=${long}`).params).toEqual({});
    expect(parseRoute('?view=run&id=a&id=b').params).toEqual({ id: 'a' });
  });

  it('escapes values so any text survives', () => {
    const route = { view: 'history' as const, params: { q: "params.x > 1 and tags.a = 'b&c'" } };
    expect(parseRoute(formatRoute(route))).toEqual(route);
    expect(sameRoute(route, parseRoute(formatRoute(route)))).toBe(true);
  });
});
