import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ACCOUNTABILITY_MEASURES,
  ACCOUNTABILITY_STATUSES,
  accountabilityTriggerKey,
  checkAccountabilityDecision,
  measureAppliesTo,
  nextAccountabilityStatuses,
  type AccountabilityDecision,
} from './accountability.js';

const TODAY = '2026-03-10';
const decided = (overrides: Partial<AccountabilityDecision> = {}): AccountabilityDecision => ({ status: 'decided', subjectKind: 'person', measure: 'admonishment', decidedBy: '市纪委监委', decidedOn: '2026-03-09', ...overrides });

describe('accountability measures', () => {
  it('list the measures of the brief in order of weight, with 改组 for organisations', () => {
    expect(ACCOUNTABILITY_MEASURES.map((m) => m.label['zh-CN'])).toEqual(['谈话提醒', '批评教育', '责令检查', '通报批评', '诫勉', '改组', '组织调整', '组织处理', '纪律处分']);
    const severities = ACCOUNTABILITY_MEASURES.map((m) => m.severity);
    expect([...severities].sort((a, b) => a - b)).toEqual(severities);
  });

  it('apply 诫勉 and 纪律处分 to persons only, 改组 to units only, 通报批评 to both', () => {
    expect(measureAppliesTo('admonishment', 'person')).toBe(true);
    expect(measureAppliesTo('admonishment', 'unit')).toBe(false);
    expect(measureAppliesTo('disciplinary_sanction', 'unit')).toBe(false);
    expect(measureAppliesTo('reorganization', 'unit')).toBe(true);
    expect(measureAppliesTo('reorganization', 'person')).toBe(false);
    expect(measureAppliesTo('circulated_criticism', 'unit') && measureAppliesTo('circulated_criticism', 'person')).toBe(true);
    expect(measureAppliesTo('no_such_measure', 'person')).toBe(false);
  });
});

describe('accountability statuses', () => {
  it('go from investigation to a decision or a dismissal, and from a decision to execution or revocation', () => {
    expect(nextAccountabilityStatuses('investigating')).toEqual(['decided', 'dismissed']);
    expect(nextAccountabilityStatuses('decided')).toEqual(['executed', 'revoked']);
    for (const final of ['dismissed', 'executed', 'revoked'] as const) expect(nextAccountabilityStatuses(final)).toEqual([]);
  });

  it('never lead back to investigation', () => {
    for (const status of ACCOUNTABILITY_STATUSES) expect(nextAccountabilityStatuses(status)).not.toContain('investigating');
  });
});

describe('an accountability decision', () => {
  it('is complete with a measure fit for the subject, who decided and a past day', () => {
    expect(checkAccountabilityDecision(decided(), TODAY)).toEqual([]);
    expect(checkAccountabilityDecision(decided({ decidedOn: TODAY }), TODAY)).toEqual([]);
  });

  it.each<[Partial<AccountabilityDecision>, Array<{ field: string; code: string }>]>([
    [{ measure: null }, [{ field: 'measure', code: 'required' }]],
    [{ subjectKind: 'unit' }, [{ field: 'measure', code: 'not_for_subject' }]],
    [{ decidedBy: ' ' }, [{ field: 'decidedBy', code: 'required' }]],
    [{ decidedOn: null }, [{ field: 'decidedOn', code: 'required' }]],
    [{ decidedOn: '2026-03-11' }, [{ field: 'decidedOn', code: 'in_future' }]],
    [{ status: 'dismissed' }, [{ field: 'measure', code: 'not_allowed' }]],
    [{ status: 'investigating', decidedBy: null, decidedOn: null }, [{ field: 'measure', code: 'not_allowed' }]],
  ])('with %j reports %j', (overrides, problems) => {
    expect(checkAccountabilityDecision(decided(overrides), TODAY)).toEqual(problems);
  });

  it('needs nothing more while under investigation', () => {
    expect(checkAccountabilityDecision({ status: 'investigating', subjectKind: 'person', measure: null, decidedBy: null, decidedOn: null }, TODAY)).toEqual([]);
  });

  it('names who dismissed it and when, without a measure', () => {
    expect(checkAccountabilityDecision(decided({ status: 'dismissed', measure: null }), TODAY)).toEqual([]);
  });
});

describe('the trigger key', () => {
  it('joins kind, id and the part when there is one', () => {
    expect(accountabilityTriggerKey('overdue_major_hazard', 'h1')).toBe('overdue_major_hazard:h1');
    expect(accountabilityTriggerKey('late_accident_report', 'a1', 'county')).toBe('late_accident_report:a1:county');
  });

  it('gives different items different keys', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), (a, b) => {
        fc.pre(a !== b);
        expect(accountabilityTriggerKey('accident', a)).not.toBe(accountabilityTriggerKey('accident', b));
      }),
    );
  });
});
