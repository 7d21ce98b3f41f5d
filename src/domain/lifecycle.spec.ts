import { describe, expect, it } from 'vitest';
import { STAGES } from './enums.ts';
import { actualDateFieldFor, allowedTransitions, canTransition, hasReached } from './lifecycle.ts';

describe('lifecycle', () => {
  it('moves forward one step at a time from reserve to production', () => {
    expect(canTransition('reserve', 'preparation')).toBe(true);
    expect(canTransition('preparation', 'started')).toBe(true);
    expect(canTransition('started', 'construction')).toBe(true);
    expect(canTransition('construction', 'completed')).toBe(true);
    expect(canTransition('completed', 'production')).toBe(true);
  });

  it('refuses skipping ahead and moving back from a built project', () => {
    expect(canTransition('reserve', 'started')).toBe(false);
    expect(canTransition('reserve', 'completed')).toBe(false);
    expect(canTransition('preparation', 'construction')).toBe(false);
    expect(canTransition('completed', 'construction')).toBe(false);
    expect(canTransition('construction', 'reserve')).toBe(false);
  });

  it('ends at production and never leaves it', () => {
    expect(allowedTransitions('production')).toEqual([]);
    for (const s of STAGES) expect(canTransition('production', s)).toBe(false);
  });

  it('pauses only a project in preparation or being built, and resumes it where it was', () => {
    expect(canTransition('reserve', 'paused')).toBe(false);
    expect(canTransition('construction', 'paused')).toBe(true);
    expect(allowedTransitions('paused', 'construction')).toEqual(['construction', 'withdrawn']);
    expect(canTransition('paused', 'started', 'construction')).toBe(false);
    // Without a record of where it paused (old data), any building stage is offered.
    expect(allowedTransitions('paused', null)).toEqual(['preparation', 'started', 'construction', 'withdrawn']);
  });

  it('lets a withdrawn project come back only through the reserve', () => {
    expect(allowedTransitions('withdrawn')).toEqual(['reserve']);
    expect(canTransition('withdrawn', 'preparation')).toBe(false);
  });

  it('never allows staying in the same stage', () => {
    for (const s of STAGES) expect(canTransition(s, s, s)).toBe(false);
  });

  it('names the actual date each transition fills in', () => {
    expect(actualDateFieldFor('started')).toBe('actualStart');
    expect(actualDateFieldFor('completed')).toBe('actualCompletion');
    expect(actualDateFieldFor('production')).toBe('actualProduction');
    expect(actualDateFieldFor('paused')).toBeNull();
  });

  it('knows which stages count as reached', () => {
    expect(hasReached('construction', 'started')).toBe(true);
    expect(hasReached('preparation', 'started')).toBe(false);
    expect(hasReached('paused', 'started')).toBe(false);
  });
});
