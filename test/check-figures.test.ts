import { describe, expect, it } from 'vitest';
import { isCertainCount } from '../src/check/figures.ts';

describe('what the sums and bounds count', () => {
  it('takes whole counts and measured values with decimals', () => {
    expect(isCertainCount({ unit: 'dossiers', value: 1412 })).toBe(true);
    expect(isCertainCount({ unit: 'km2', value: 42.75 })).toBe(true);
  });

  it('leaves out a count with decimals: a rate read from a column whose header the layout split', () => {
    expect(isCertainCount({ unit: 'dossiers', value: 90.5 })).toBe(false);
    expect(isCertainCount({ unit: 'accounts', value: 88.7 })).toBe(false);
  });

  it('leaves out percentages and uncertain numbers', () => {
    expect(isCertainCount({ unit: 'percent', value: 90 })).toBe(false);
    expect(isCertainCount({ unit: 'dossiers', value: 12, uncertain: true })).toBe(false);
  });
});
