import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { GOVERNANCE_PLAN_PARTS, missingPlanParts, type GovernancePlan } from './hazard-governance-plan.js';
import {
  HAZARD_ACTION_TYPES,
  HAZARD_ERROR_MESSAGES,
  allowedActions,
  createHazard,
  isOverdue,
  transition,
  type HazardAction,
  type HazardActionType,
  type HazardActor,
  type HazardGrade,
  type HazardSource,
  type HazardState,
  type HazardStatus,
} from './hazard-state-machine.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2025-03-01T09:00:00+08:00');
const at = (hours: number): Date => new Date(T0 + hours * HOUR);
const day = (n: number): string => new Date(T0 + n * DAY).toISOString();

const regulator: HazardActor = { kind: 'regulator' };
const officer: HazardActor = { kind: 'enterprise_safety_officer' };
const other: HazardActor = { kind: 'other' };

const plan: GovernancePlan = {
  goals_and_tasks: '消除罐区紧急切断缺失隐患',
  methods_and_measures: '加装紧急切断阀',
  funds_and_materials: '专项资金80万元',
  responsible_body_and_persons: '设备部，张某某',
  time_limit_and_requirements: '30日内完成',
  safety_measures_and_emergency_plan: '降低储量，启动专项预案',
};
const assign = (extra: Partial<Extract<HazardAction, { type: 'assign' }>> = {}): HazardAction => ({
  type: 'assign',
  responsibleUnit: '某化工有限公司',
  responsiblePerson: '李某',
  deadline: day(30),
  ...extra,
});
const submit: HazardAction = { type: 'submit_rectification', evidence: '已更换防爆灯具', photos: ['photo-1.jpg'] };
const formalAccept: HazardAction = { type: 'accept', formal: true, assessmentReportRef: '评估报告〔2025〕12号' };

/** Applies steps that must all succeed; the test fails loudly otherwise. */
function run(hazard: HazardState, steps: [HazardAction, HazardActor][]): HazardState {
  let state = hazard;
  steps.forEach(([action, actor], i) => {
    const result = transition(state, action, actor, at(i + 1));
    if (!result.ok) throw new Error(`step ${i} (${action.type}) refused: ${result.error.code}`);
    state = result.hazard;
  });
  return state;
}
const errorOf = (hazard: HazardState, action: HazardAction, actor: HazardActor, when = at(100)) => {
  const result = transition(hazard, action, actor, when);
  return result.ok ? null : result.error;
};

const general = (source: HazardSource = 'self_inspection') => createHazard({ grade: 'general', source });
const major = (source: HazardSource = 'regulator_inspection') => createHazard({ grade: 'major', source });
const rectifying = (h: HazardState, grade: HazardGrade = h.grade) => run(h, [[assign(grade === 'major' ? { governancePlan: plan } : {}), officer]]);
const awaiting = (h: HazardState) => run(rectifying(h), [[submit, officer]]);

describe('hidden-hazard closed loop (SAWS Order 16)', () => {
  it('records a new hazard as found, unassigned, at version 1', () => {
    expect(general()).toEqual({
      status: 'found', grade: 'general', source: 'self_inspection', responsibleUnit: null, responsiblePerson: null,
      deadline: null, originalDeadline: null, pendingExtension: null, governancePlan: null, rectification: null,
      acceptance: null, version: 1,
    });
  });

  it('closes a general hazard through assign, rectify and accept', () => {
    const closed = run(general(), [[assign(), officer], [submit, officer], [{ type: 'accept' }, officer]]);
    expect(closed).toMatchObject({ status: 'closed', version: 4, deadline: day(30), originalDeadline: day(30) });
    expect(closed.rectification).toEqual({ evidence: '已更换防爆灯具', photos: ['photo-1.jpg'], submittedAt: at(2).toISOString() });
    expect(closed.acceptance).toEqual({ formal: false, assessmentReportRef: null, note: null, acceptedAt: at(3).toISOString() });
  });

  it('closes a major hazard only with a plan and a formal acceptance on an assessment report', () => {
    const closed = run(major(), [[assign({ governancePlan: plan }), officer], [submit, officer], [formalAccept, regulator]]);
    expect(closed).toMatchObject({ status: 'closed', governancePlan: plan, acceptance: { formal: true, assessmentReportRef: '评估报告〔2025〕12号' } });
  });

  describe('assign', () => {
    it('records the responsible unit and person and the deadline, normalised to UTC', () => {
      const result = transition(general(), assign({ responsibleUnit: ' 某公司 ', deadline: '2025-04-01T18:00:00+08:00' }), officer, at(0));
      expect(result.ok && result.hazard).toMatchObject({
        status: 'rectifying', responsibleUnit: '某公司', deadline: '2025-04-01T10:00:00.000Z', originalDeadline: '2025-04-01T10:00:00.000Z', version: 2,
      });
      expect(result.ok && result.event).toMatchObject({ type: 'assigned', from: 'found', to: 'rectifying', version: 2, actor: 'enterprise_safety_officer', at: at(0).toISOString() });
    });

    it.each<[string, Partial<Extract<HazardAction, { type: 'assign' }>>, string]>([
      ['no responsible unit', { responsibleUnit: '' }, 'responsible_required'],
      ['a blank responsible person', { responsiblePerson: '   ' }, 'responsible_required'],
      ['a deadline without a time zone', { deadline: '2025-04-01T18:00:00' }, 'deadline_invalid'],
      ['a date that does not exist', { deadline: '2025-02-30T18:00:00+08:00' }, 'deadline_invalid'],
      ['a deadline in the past', { deadline: day(-1) }, 'deadline_in_past'],
      ['a deadline exactly now', { deadline: at(100).toISOString() }, 'deadline_in_past'],
    ])('refuses %s as %s', (_what, extra, code) => {
      expect(errorOf(general(), assign(extra), officer)?.code).toBe(code);
    });

    it('refuses a major hazard without a governance plan, naming all six missing parts', () => {
      expect(errorOf(major(), assign(), regulator)).toEqual({ code: 'governance_plan_incomplete', missingParts: [...GOVERNANCE_PLAN_PARTS] });
    });

    it('refuses a major hazard whose plan leaves the funds blank, naming that part', () => {
      expect(errorOf(major(), assign({ governancePlan: { ...plan, funds_and_materials: ' ' } }), regulator)).toEqual({
        code: 'governance_plan_incomplete',
        missingParts: ['funds_and_materials'],
      });
    });

    it('needs no plan for a general hazard, but refuses a half plan offered for one', () => {
      expect(errorOf(general(), assign(), officer)).toBeNull();
      expect(errorOf(general(), assign({ governancePlan: { goals_and_tasks: '目标' } }), officer)?.code).toBe('governance_plan_incomplete');
    });

    it('cannot assign a hazard twice', () => {
      expect(errorOf(rectifying(general()), assign(), officer)?.code).toBe('illegal_transition');
    });
  });

  describe('submit rectification', () => {
    it('needs evidence text; photos are optional', () => {
      expect(errorOf(rectifying(general()), { type: 'submit_rectification', evidence: ' ' }, officer)?.code).toBe('evidence_required');
      const result = transition(rectifying(general()), { type: 'submit_rectification', evidence: '已整改' }, officer, at(5));
      expect(result.ok && result.hazard.rectification?.photos).toEqual([]);
    });

    it('withdraws an extension still pending, since nothing is left to extend', () => {
      const pending = run(general(), [[assign(), officer], [{ type: 'request_extension', newDeadline: day(45), reason: '设备到货延迟' }, officer]]);
      const result = transition(pending, submit, officer, at(10));
      expect(result.ok && result.hazard.pendingExtension).toBeNull();
      expect(result.ok && result.event).toMatchObject({ type: 'rectification_submitted', withdrawnExtension: { requestedDeadline: day(45) } });
    });
  });

  describe('accept', () => {
    it.each<[HazardGrade, HazardSource, HazardActor, boolean]>([
      ['general', 'self_inspection', officer, true],
      ['general', 'self_inspection', regulator, true],
      ['general', 'self_inspection', other, false],
      ['general', 'regulator_inspection', officer, false],
      ['general', 'regulator_inspection', regulator, true],
      ['general', 'report', officer, false],
      ['general', 'report', regulator, true],
      ['major', 'self_inspection', officer, false],
      ['major', 'self_inspection', regulator, true],
      ['major', 'regulator_inspection', officer, false],
      ['major', 'regulator_inspection', regulator, true],
    ])('lets a %s hazard from %s be accepted by %j: %s', (grade, source, actor, allowed) => {
      const hazard = awaiting(createHazard({ grade, source }));
      expect(errorOf(hazard, formalAccept, actor)).toEqual(allowed ? null : { code: 'not_allowed_to_accept' });
      expect(allowedActions(hazard, actor).includes('accept')).toBe(allowed);
      expect(allowedActions(hazard, actor).includes('send_back')).toBe(allowed);
    });

    it('refuses an informal acceptance of a major hazard', () => {
      expect(errorOf(awaiting(major()), { type: 'accept', assessmentReportRef: '评估报告' }, regulator)?.code).toBe('formal_acceptance_required');
    });

    it('refuses a formal acceptance of a major hazard without an assessment report', () => {
      expect(errorOf(awaiting(major()), { type: 'accept', formal: true, assessmentReportRef: '' }, regulator)?.code).toBe('assessment_report_required');
    });

    it('cannot accept what was never submitted', () => {
      expect(errorOf(rectifying(general()), { type: 'accept' }, regulator)?.code).toBe('illegal_transition');
    });
  });

  describe('send back', () => {
    it('returns the hazard to rectification with a reason and clears the submission', () => {
      const result = transition(awaiting(general()), { type: 'send_back', reason: '照片不能反映整改情况' }, officer, at(9));
      expect(result.ok && result.hazard).toMatchObject({ status: 'rectifying', rectification: null, version: 4 });
      expect(result.ok && result.event).toMatchObject({ type: 'sent_back', reason: '照片不能反映整改情况', from: 'awaiting_acceptance', to: 'rectifying' });
    });

    it('needs a reason', () => {
      expect(errorOf(awaiting(general()), { type: 'send_back', reason: '' }, regulator)?.code).toBe('reason_required');
    });
  });

  describe('extensions', () => {
    const request = (newDeadline: string, reason = '设备到货延迟'): HazardAction => ({ type: 'request_extension', newDeadline, reason });

    it('records a request without changing the deadline', () => {
      const result = transition(rectifying(general()), request(day(45)), officer, at(5));
      expect(result.ok && result.hazard).toMatchObject({
        status: 'rectifying', deadline: day(30), pendingExtension: { requestedDeadline: day(45), reason: '设备到货延迟', requestedAt: at(5).toISOString() }, version: 3,
      });
    });

    it.each<[string, HazardAction, string]>([
      ['the same deadline', request(day(30)), 'deadline_not_later'],
      ['an earlier deadline', request(day(20)), 'deadline_not_later'],
      ['no reason', request(day(45), ''), 'reason_required'],
      ['an unreadable deadline', request('next month'), 'deadline_invalid'],
    ])('refuses a request with %s', (_what, action, code) => {
      expect(errorOf(rectifying(general()), action, officer, at(5))?.code).toBe(code);
    });

    it('refuses a request later than the deadline but already in the past', () => {
      expect(errorOf(rectifying(general()), request(day(31)), officer, new Date(T0 + 32 * DAY))?.code).toBe('deadline_in_past');
    });

    it('refuses a second request while one is pending', () => {
      const pending = run(rectifying(general()), [[request(day(45)), officer]]);
      expect(errorOf(pending, request(day(50)), officer)?.code).toBe('extension_already_pending');
    });

    it('is only asked for while rectifying', () => {
      expect(errorOf(general(), request(day(45)), officer)?.code).toBe('illegal_transition');
      expect(errorOf(awaiting(general()), request(day(45)), officer)?.code).toBe('illegal_transition');
    });

    it('moves the deadline when a regulator approves, keeping the original on record', () => {
      const approved = run(rectifying(general()), [[request(day(45)), officer], [{ type: 'approve_extension' }, regulator]]);
      expect(approved).toMatchObject({ deadline: day(45), originalDeadline: day(30), pendingExtension: null, version: 4 });
      const again = run(approved, [[request(day(60)), officer], [{ type: 'approve_extension', note: '同意' }, regulator]]);
      expect(again).toMatchObject({ deadline: day(60), originalDeadline: day(30) });
    });

    it('keeps the deadline when a regulator rejects with a reason', () => {
      const pending = run(rectifying(general()), [[request(day(45)), officer]]);
      expect(errorOf(pending, { type: 'reject_extension', reason: '' }, regulator)?.code).toBe('reason_required');
      const rejected = run(pending, [[{ type: 'reject_extension', reason: '理由不充分' }, regulator]]);
      expect(rejected).toMatchObject({ deadline: day(30), pendingExtension: null });
    });

    it.each<[HazardActor]>([[officer], [other]])('lets only a regulator decide, not %j', (actor) => {
      const pending = run(rectifying(general()), [[request(day(45)), officer]]);
      expect(errorOf(pending, { type: 'approve_extension' }, actor)?.code).toBe('not_allowed_to_decide_extension');
      expect(errorOf(pending, { type: 'reject_extension', reason: '不同意' }, actor)?.code).toBe('not_allowed_to_decide_extension');
    });

    it('has nothing to decide without a pending request', () => {
      expect(errorOf(rectifying(general()), { type: 'approve_extension' }, regulator)?.code).toBe('no_pending_extension');
    });
  });

  describe('allowed actions', () => {
    it.each<[string, () => HazardState, HazardActor, HazardActionType[]]>([
      ['a found hazard', () => general(), other, ['assign']],
      ['a hazard being rectified', () => rectifying(general()), officer, ['submit_rectification', 'request_extension']],
      ['a hazard with a pending extension, for a regulator', () => run(rectifying(general()), [[{ type: 'request_extension', newDeadline: day(40), reason: '停产检修' }, officer]]), regulator, ['submit_rectification', 'approve_extension', 'reject_extension']],
      ['a hazard with a pending extension, for the enterprise', () => run(rectifying(general()), [[{ type: 'request_extension', newDeadline: day(40), reason: '停产检修' }, officer]]), officer, ['submit_rectification']],
      ['a submitted major hazard, for the enterprise', () => awaiting(major()), officer, []],
      ['a submitted major hazard, for a regulator', () => awaiting(major()), regulator, ['accept', 'send_back']],
      ['a closed hazard', () => run(awaiting(general()), [[{ type: 'accept' }, regulator]]), regulator, []],
    ])('for %s are %j', (_what, hazard, actor, actions) => {
      expect(allowedActions(hazard(), actor)).toEqual(actions);
    });
  });

  describe('overdue', () => {
    const open = rectifying(general());
    it.each<[string, () => HazardState, number, boolean]>([
      ['an unassigned hazard, which has no deadline', () => general(), 400, false],
      ['a hazard being rectified, before its deadline', () => open, 29 * 24, false],
      ['a hazard being rectified, exactly at its deadline', () => open, 30 * 24, false],
      ['a hazard being rectified, just after its deadline', () => open, 30 * 24 + 0.001, true],
      ['a hazard awaiting acceptance past the deadline', () => awaiting(general()), 31 * 24, true],
      ['a closed hazard past the deadline', () => run(awaiting(general()), [[{ type: 'accept' }, regulator]]), 31 * 24, false],
    ])('treats %s as overdue: %s', (_what, hazard, hours, overdue) => {
      expect(isOverdue(hazard(), at(hours))).toBe(overdue);
    });
  });

  it('has a zh-CN and English message for every error code', () => {
    for (const message of Object.values(HAZARD_ERROR_MESSAGES)) {
      expect(message['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(message.en.trim()).not.toBe('');
    }
  });

  it('refuses an invalid time as a RangeError', () => {
    expect(() => transition(general(), assign(), officer, new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('hidden-hazard closed loop: properties', () => {
  const text = fc.constantFrom('', '  ', '已整改完毕', '设备到货延迟');
  const deadline = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: -5, max: 120 }).map(day) }, { weight: 1, arbitrary: fc.constantFrom('', 'soon', '2025-02-30T00:00:00Z') });
  const draftPlan = fc.oneof(
    fc.constant(undefined),
    fc.constant(plan),
    fc.record(Object.fromEntries(GOVERNANCE_PLAN_PARTS.map((p) => [p, text])) as Record<keyof GovernancePlan, fc.Arbitrary<string>>, { requiredKeys: [] }),
  );
  const action: fc.Arbitrary<HazardAction> = fc.oneof(
    fc.record({ type: fc.constant('assign' as const), responsibleUnit: text, responsiblePerson: text, deadline, governancePlan: draftPlan }),
    fc.record({ type: fc.constant('submit_rectification' as const), evidence: text, photos: fc.array(fc.constantFrom('a.jpg', ' '), { maxLength: 2 }) }),
    fc.record({ type: fc.constant('accept' as const), formal: fc.boolean(), assessmentReportRef: fc.constantFrom(null, '', '评估报告1号') }),
    fc.record({ type: fc.constant('send_back' as const), reason: text }),
    fc.record({ type: fc.constant('request_extension' as const), newDeadline: deadline, reason: text }),
    fc.record({ type: fc.constant('approve_extension' as const) }),
    fc.record({ type: fc.constant('reject_extension' as const), reason: text }),
  );
  const actor = fc.constantFrom<HazardActor>(regulator, officer, other);
  const start = fc.record({ grade: fc.constantFrom<HazardGrade>('general', 'major'), source: fc.constantFrom<HazardSource>('regulator_inspection', 'self_inspection', 'report') }).map(createHazard);
  const steps = fc.array(fc.tuple(action, actor, fc.integer({ min: 0, max: 96 })), { minLength: 5, maxLength: 40, size: 'medium' });

  /** Plays the steps from the hazard, calling `check` after each with what happened. */
  function play(
    hazard: HazardState,
    plays: [HazardAction, HazardActor, number][],
    check: (before: HazardState, after: HazardState, ok: boolean, action: HazardAction, actor: HazardActor) => void,
  ): HazardState {
    let state = hazard;
    let hours = 0;
    for (const [a, who, advance] of plays) {
      hours += advance;
      const snapshot = structuredClone(state);
      const allowed = allowedActions(state, who);
      const result = transition(state, a, who, at(hours));
      expect(state).toEqual(snapshot);
      if (!allowed.includes(a.type)) expect(result.ok).toBe(false);
      const after = result.ok ? result.hazard : state;
      check(snapshot, after, result.ok, a, who);
      if (result.ok) {
        expect(result.event).toMatchObject({ from: snapshot.status, to: after.status, version: after.version });
      }
      state = after;
    }
    return state;
  }

  const EDGES = new Set(['found>rectifying', 'rectifying>awaiting_acceptance', 'awaiting_acceptance>closed', 'awaiting_acceptance>rectifying', 'rectifying>rectifying']);

  it('reaches closed only from awaiting acceptance, and moves only along the loop', () => {
    fc.assert(
      fc.property(start, steps, (hazard, plays) => {
        play(hazard, plays, (before, after, ok) => {
          if (!ok) return;
          expect(EDGES.has(`${before.status}>${after.status}`)).toBe(true);
          if (after.status === 'closed') expect(before.status).toBe('awaiting_acceptance');
        });
      }),
    );
  });

  it('never lets a major hazard leave found without a complete governance plan', () => {
    fc.assert(
      fc.property(start, steps, (hazard, plays) => {
        play(hazard, plays, (_before, after) => {
          if (after.grade === 'major' && after.status !== 'found') expect(missingPlanParts(after.governancePlan)).toEqual([]);
        });
      }),
    );
  });

  it('adds exactly 1 to the version per successful transition and leaves a refused one without effect', () => {
    fc.assert(
      fc.property(start, steps, (hazard, plays) => {
        play(hazard, plays, (before, after, ok) => {
          if (ok) expect(after.version).toBe(before.version + 1);
          else expect(after).toEqual(before);
        });
      }),
    );
  });

  it('succeeds only with an action allowedActions offers', () => {
    fc.assert(
      fc.property(start, steps, (hazard, plays) => {
        play(hazard, plays, (before, _after, ok, a, who) => {
          if (ok) expect(allowedActions(before, who)).toContain(a.type);
        });
      }),
    );
  });

  it('closes only with an acceptance a permitted actor made, and formally with a report for a major hazard', () => {
    fc.assert(
      fc.property(start, steps, (hazard, plays) => {
        play(hazard, plays, (before, after, ok, a, who) => {
          if (!ok || after.status !== 'closed' || before.status === 'closed') return;
          expect(a.type).toBe('accept');
          const enterpriseMay = before.grade === 'general' && before.source === 'self_inspection';
          expect(who.kind === 'regulator' || (who.kind === 'enterprise_safety_officer' && enterpriseMay)).toBe(true);
          if (after.grade === 'major') expect(after.acceptance).toMatchObject({ formal: true, assessmentReportRef: expect.any(String) });
        });
      }),
    );
  });

  it('keeps a pending extension only while rectifying and never moves the deadline before the original', () => {
    fc.assert(
      fc.property(start, steps, (hazard, plays) => {
        play(hazard, plays, (_before, after) => {
          if (after.pendingExtension !== null) expect(after.status).toBe('rectifying');
          expect(after.originalDeadline === null).toBe(after.deadline === null);
          if (after.deadline !== null && after.originalDeadline !== null) expect(after.deadline >= after.originalDeadline).toBe(true);
        });
      }),
    );
  });

  it('offers nothing once closed', () => {
    fc.assert(
      fc.property(start, steps, (hazard, plays) => {
        const end = play(hazard, plays, () => undefined);
        if (end.status === 'closed') for (const who of [regulator, officer, other]) expect(allowedActions(end, who)).toEqual([]);
      }),
    );
  });

  it('generates sequences that close both grades and succeed with every action, so the properties above are not vacuous', () => {
    const reached = new Set<`${HazardGrade}:${HazardStatus}`>();
    const succeeded = new Set<HazardActionType>();
    for (const [hazard, plays] of fc.sample(fc.tuple(start, steps), { numRuns: 500, seed: 42 })) {
      play(hazard, plays, (_b, after, ok, a) => {
        reached.add(`${after.grade}:${after.status}`);
        if (ok) succeeded.add(a.type);
      });
    }
    expect(reached).toContain('general:closed');
    expect(reached).toContain('major:closed');
    expect([...succeeded].sort()).toEqual([...HAZARD_ACTION_TYPES].sort());
  });

  it('knows seven action types', () => {
    expect(HAZARD_ACTION_TYPES).toEqual(['assign', 'submit_rectification', 'accept', 'send_back', 'request_extension', 'approve_extension', 'reject_extension']);
  });
});
