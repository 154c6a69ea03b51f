import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { attendanceStatus, tallyAttendance, tallyAttendanceBy, tallyFromCounts, type AttendanceStatus } from './training-attendance.js';

describe('attendance at a training session', () => {
  it.each<[number, number, AttendanceStatus]>([
    [0, 45, 'absent'],
    [1, 45, 'partial'],
    [44, 45, 'partial'],
    [45, 45, 'attended'],
    [90, 45, 'attended'],
    [1, 1, 'attended'],
  ])('%i of %i minutes is %s', (watched, required, status) => {
    expect(attendanceStatus(watched, required)).toBe(status);
  });

  it('refuses negative, fractional and zero-required figures', () => {
    expect(() => attendanceStatus(-1, 45)).toThrow(RangeError);
    expect(() => attendanceStatus(1.5, 45)).toThrow(RangeError);
    expect(() => attendanceStatus(10, 0)).toThrow(RangeError);
  });

  it('never calls more minutes a lesser attendance', () => {
    const order = { absent: 0, partial: 1, attended: 2 };
    fc.assert(
      fc.property(fc.nat(2000), fc.nat(2000), fc.integer({ min: 1, max: 1440 }), (a, b, required) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(order[attendanceStatus(low, required)]).toBeLessThanOrEqual(order[attendanceStatus(high, required)]);
      }),
    );
  });
});

describe('attendance rates', () => {
  it('counts attended over required', () => {
    expect(tallyAttendance(['attended', 'attended', 'partial', 'absent'])).toEqual({ required: 4, attended: 2, partial: 1, absent: 1, rate: 0.5 });
  });

  it('tallies counts made elsewhere the same way', () => {
    expect(tallyFromCounts({ attended: 3, absent: 1 })).toEqual({ required: 4, attended: 3, partial: 0, absent: 1, rate: 0.75 });
  });

  it('has no rate when nobody was required', () => {
    expect(tallyAttendance([])).toEqual({ required: 0, attended: 0, partial: 0, absent: 0, rate: null });
  });

  it('tallies each group apart, in the order groups first appear', () => {
    const byUnit = tallyAttendanceBy([
      { group: '市应急管理局', status: 'attended' as const },
      { group: '海州区', status: 'partial' as const },
      { group: '市应急管理局', status: 'absent' as const },
      { group: '市应急管理局', status: 'attended' as const },
    ]);
    expect([...byUnit.keys()]).toEqual(['市应急管理局', '海州区']);
    expect(byUnit.get('市应急管理局')).toEqual({ required: 3, attended: 2, partial: 0, absent: 1, rate: 2 / 3 });
    expect(byUnit.get('海州区')).toEqual({ required: 1, attended: 0, partial: 1, absent: 0, rate: 0 });
  });
});
