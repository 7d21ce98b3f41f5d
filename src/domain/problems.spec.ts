import { describe, expect, it } from 'vitest';
import {
  acceptDueDate, canTransition, escalationLevelFor, nextStatus, overdueOn, PROBLEM_CATEGORIES, PROBLEM_CATEGORY_LABELS,
  PROBLEM_SEVERITY_LABELS, PROBLEM_STATUSES, PROBLEM_STATUS_LABELS, problemCode,
} from './problems.ts';
import { adjustmentsMap } from './workdays.ts';

describe('labels', () => {
  it('every category, severity and status reads in Chinese', () => {
    expect(PROBLEM_CATEGORIES).toHaveLength(10);
    expect(PROBLEM_CATEGORIES.map((c) => PROBLEM_CATEGORY_LABELS[c])).toEqual([
      '用地', '审批手续', '资金', '征迁安置', '水电气暖', '环保', '能耗指标', '用工', '施工建设', '其他',
    ]);
    expect(PROBLEM_SEVERITY_LABELS).toEqual({ general: '一般', major: '较大', critical: '重大' });
    for (const s of PROBLEM_STATUSES) expect(PROBLEM_STATUS_LABELS[s]).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('codes are WT{year}-{5 digits}', () => {
    expect(problemCode(2024, 17)).toBe('WT2024-00017');
    expect(problemCode(2025, 123456)).toBe('WT2025-123456');
  });
});

describe('status flow', () => {
  it('open → accepted → solved → closed', () => {
    expect(nextStatus('open', 'accept')).toEqual({ ok: true, status: 'accepted' });
    expect(nextStatus('accepted', 'progress')).toEqual({ ok: true, status: 'accepted' });
    expect(nextStatus('accepted', 'solve')).toEqual({ ok: true, status: 'solved' });
    expect(nextStatus('solved', 'verify')).toEqual({ ok: true, status: 'closed' });
  });

  it('solved → reopened → accepted again', () => {
    expect(nextStatus('solved', 'reopen')).toEqual({ ok: true, status: 'reopened' });
    expect(nextStatus('reopened', 'accept')).toEqual({ ok: true, status: 'accepted' });
  });

  it('refuses steps out of order with a Chinese reason', () => {
    expect(canTransition('open', 'solve')).toBe(false);
    expect(canTransition('closed', 'reopen')).toBe(false);
    expect(canTransition('accepted', 'verify')).toBe(false);
    expect(canTransition('reopened', 'solve')).toBe(false);
    const r = nextStatus('open', 'solve');
    expect(r).toEqual({ ok: false, message: '问题当前状态为“待受理”，不能办结' });
  });
});

describe('acceptDueDate', () => {
  it('counts working days across the National Day holiday', () => {
    expect(acceptDueDate('2024-09-27', 3)).toBe('2024-10-08');
    expect(acceptDueDate('2024-09-27', 3, adjustmentsMap([{ date: '2024-09-30', isWorkday: false }]))).toBe('2024-10-09');
  });
});

describe('overdueOn', () => {
  const open = { status: 'open' as const, acceptDue: '2024-10-08', dueDate: null };

  it('is on time up to and including the deadline day', () => {
    expect(overdueOn(open, '2024-10-08')).toEqual({ overdue: false, kind: null, deadline: null, workdays: 0 });
    expect(overdueOn(open, '2024-10-01').overdue).toBe(false);
  });

  it('counts working days overdue for acceptance (reopened too)', () => {
    expect(overdueOn(open, '2024-10-09')).toEqual({ overdue: true, kind: 'accept', deadline: '2024-10-08', workdays: 1 });
    expect(overdueOn({ ...open, status: 'reopened' }, '2024-10-14').workdays).toBe(5);
  });

  it('counts working days overdue for solving once accepted', () => {
    const accepted = { status: 'accepted' as const, acceptDue: '2024-09-20', dueDate: '2024-09-30' };
    // The deadline Monday 30 Sep; the holiday does not count; Tue 8 Oct is the first overdue working day.
    expect(overdueOn(accepted, '2024-10-07')).toEqual({ overdue: true, kind: 'solve', deadline: '2024-09-30', workdays: 0 });
    expect(overdueOn(accepted, '2024-10-08').workdays).toBe(1);
    expect(overdueOn({ ...accepted, dueDate: null }, '2024-10-08').overdue).toBe(false);
  });

  it('never for solved or closed', () => {
    expect(overdueOn({ status: 'solved', acceptDue: '2024-01-01', dueDate: '2024-01-02' }, '2024-10-08').overdue).toBe(false);
    expect(overdueOn({ status: 'closed', acceptDue: '2024-01-01', dueDate: '2024-01-02' }, '2024-10-08').overdue).toBe(false);
  });
});

describe('escalationLevelFor', () => {
  it('climbs at 0, 5 and 10 working days overdue by default', () => {
    expect(escalationLevelFor(0, false)).toBe(0);
    expect(escalationLevelFor(0, true)).toBe(1);
    expect(escalationLevelFor(4, true)).toBe(1);
    expect(escalationLevelFor(5, true)).toBe(2);
    expect(escalationLevelFor(9, true)).toBe(2);
    expect(escalationLevelFor(10, true)).toBe(3);
    expect(escalationLevelFor(50, true)).toBe(3);
  });

  it('follows the configured thresholds', () => {
    expect(escalationLevelFor(1, true, [2, 4, 6])).toBe(0);
    expect(escalationLevelFor(4, true, [2, 4, 6])).toBe(2);
  });
});
