// The project lifecycle (全周期闭环): which stage changes are allowed, and what each one records.
import type { Stage } from './enums.ts';

const FORWARD: Record<Stage, readonly Stage[]> = {
  reserve: ['preparation', 'withdrawn'],
  preparation: ['started', 'reserve', 'paused', 'withdrawn'],
  started: ['construction', 'completed', 'paused', 'withdrawn'],
  construction: ['completed', 'paused', 'withdrawn'],
  completed: ['production', 'withdrawn'],
  production: [],
  // A paused project resumes to the stage it was paused from (see allowedTransitions).
  paused: ['withdrawn'],
  // A withdrawn project can only re-enter the plan through the reserve.
  withdrawn: ['reserve'],
};

const RESUMABLE: readonly Stage[] = ['preparation', 'started', 'construction'];

/** Stages a project may move to from `from`. `pausedFrom` is the stage held before a pause. */
export function allowedTransitions(from: Stage, pausedFrom?: Stage | null): Stage[] {
  const next = [...FORWARD[from]];
  if (from === 'paused') {
    if (pausedFrom && RESUMABLE.includes(pausedFrom)) next.unshift(pausedFrom);
    else next.unshift(...RESUMABLE);
  }
  return next;
}

export function canTransition(from: Stage, to: Stage, pausedFrom?: Stage | null): boolean {
  return allowedTransitions(from, pausedFrom).includes(to);
}

/** The actual-date field a transition fills in, if any. */
export function actualDateFieldFor(to: Stage): 'actualStart' | 'actualCompletion' | 'actualProduction' | null {
  switch (to) {
    case 'started':
      return 'actualStart';
    case 'completed':
      return 'actualCompletion';
    case 'production':
      return 'actualProduction';
    default:
      return null;
  }
}

/** Stages in which the project counts as active (reports due, cards given). */
export const ACTIVE_STAGES: readonly Stage[] = ['preparation', 'started', 'construction', 'completed'];

/** Stage order for "has it reached stage X" questions (paused and withdrawn sit outside). */
const ORDER: Record<Stage, number> = {
  reserve: 0, preparation: 1, started: 2, construction: 3, completed: 4, production: 5, paused: -1, withdrawn: -1,
};
export function hasReached(stage: Stage, target: Stage): boolean {
  return ORDER[stage] >= ORDER[target] && ORDER[stage] >= 0;
}
