import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './persons.ids.js';

describe('time-ordered person ids', () => {
  it('are version 7 UUIDs with the RFC 9562 variant', () => {
    for (let i = 0; i < 100; i += 1) expect(timeOrderedId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sort by the millisecond they were made in, and never repeat', () => {
    const ids = [timeOrderedId(1_700_000_000_000), timeOrderedId(1_700_000_000_001), timeOrderedId(1_800_000_000_000)];
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]!.slice(0, 13).replace('-', '')).toBe((1_700_000_000_000).toString(16).padStart(12, '0'));
    const many = new Set(Array.from({ length: 20_000 }, () => timeOrderedId(1_700_000_000_000)));
    expect(many.size).toBe(20_000);
  });
});
