import { describe, expect, it } from 'vitest';
import { checkEnforcementCase, checkEnforcementMeasure, totalFineYuan, type EnforcementCaseDraft } from './enforcement.js';

describe('enforcement measures (执法措施)', () => {
  it.each([
    ['an order to rectify needs its deadline', { kind: 'order_rectify' as const }, [{ field: 'm.deadline', problem: 'required' }]],
    ['a deadline must be a real day', { kind: 'order_rectify' as const, deadline: '2026-02-30' }, [{ field: 'm.deadline', problem: 'invalid_date' }]],
    ['a fine needs its amount', { kind: 'fine' as const }, [{ field: 'm.amountYuan', problem: 'required' }]],
    ['a fine is whole yuan above zero', { kind: 'fine' as const, amountYuan: 0.5 }, [{ field: 'm.amountYuan', problem: 'out_of_range' }]],
    ['a fine carries no deadline', { kind: 'fine' as const, amountYuan: 30000, deadline: '2026-05-01' }, [{ field: 'm.deadline', problem: 'not_allowed' }]],
    ['a suspension needs both ends in order', { kind: 'suspension' as const, startsOn: '2026-05-10', endsOn: '2026-05-01' }, [{ field: 'm.endsOn', problem: 'ends_before_start' }]],
    ['another measure is written out', { kind: 'other' as const, description: '  ' }, [{ field: 'm.description', problem: 'required' }]],
    ['a one-day suspension is fine', { kind: 'suspension' as const, startsOn: '2026-05-01', endsOn: '2026-05-01' }, []],
  ])('%s', (_, measure, expected) => {
    expect(checkEnforcementMeasure(measure, 'm')).toEqual(expected);
  });
});

describe('enforcement cases', () => {
  const decided: EnforcementCaseDraft = {
    status: 'decided',
    violations: [{ description: '未如实记录隐患排查治理情况', legalBasis: '《安全生产法》第四十一条' }],
    measures: [{ kind: 'fine', amountYuan: 20000 }, { kind: 'order_rectify', deadline: '2026-06-30' }],
    decidedBy: '连云港市应急管理局',
    decidedOn: '2026-05-20',
  };

  it('lets a case under investigation be empty', () => {
    expect(checkEnforcementCase({ status: 'investigating', violations: [], measures: [], decidedBy: null, decidedOn: null })).toEqual([]);
  });

  it('needs violations, measures, who and when from the decision on', () => {
    expect(checkEnforcementCase(decided)).toEqual([]);
    expect(checkEnforcementCase({ ...decided, violations: [], measures: [], decidedBy: ' ', decidedOn: null }).map((p) => p.field)).toEqual(['violations', 'measures', 'decidedBy', 'decidedOn']);
  });

  it('never moves a case back', () => {
    expect(checkEnforcementCase({ ...decided, status: 'decided' }, 'executed')).toEqual([{ field: 'status', problem: 'status_backwards' }]);
    expect(checkEnforcementCase({ ...decided, status: 'closed' }, 'investigating')).toEqual([]);
  });

  it('adds up the fines', () => {
    expect(totalFineYuan([...decided.measures, { kind: 'fine', amountYuan: 5000 }])).toBe(25000);
  });
});
