import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { approvalRefusal, csvField, csvSafeCell, downloadDeadline, downloadRefusal, exportStatusAt, exportWatermark, needsApproval } from './export-rules.js';

describe('export rules (SECURITY.md row 18)', () => {
  it.each([
    [1_000, true, 1_000, false],
    [1_001, true, 1_000, true],
    [0, true, 0, false],
    [5_000, false, 1_000, false],
    [4, true, 3, true],
  ])('%i rows, personal %s, threshold %i → approval %s', (rows, personal, threshold, expected) => {
    expect(needsApproval(rows, personal, threshold)).toBe(expected);
  });

  it('never asks approval for a list that holds no persons, whatever its length', () => {
    fc.assert(fc.property(fc.nat(), fc.nat(), (rows, threshold) => !needsApproval(rows, false, threshold)));
  });

  it('expires an approved export at the end of its window, and nothing else', () => {
    const approved = new Date('2026-03-01T08:00:00.000Z');
    const deadline = downloadDeadline(approved, 24).toISOString();
    expect(deadline).toBe('2026-03-02T08:00:00.000Z');
    expect(exportStatusAt('approved', deadline, new Date('2026-03-02T07:59:59.999Z'))).toBe('approved');
    expect(exportStatusAt('approved', deadline, new Date('2026-03-02T08:00:00.000Z'))).toBe('expired');
    for (const status of ['pending', 'rejected', 'downloaded'] as const) expect(exportStatusAt(status, deadline, new Date('2027-01-01T00:00:00Z'))).toBe(status);
  });

  it('refuses an approval of one’s own request and of a request already decided', () => {
    expect(approvalRefusal({ requesterId: 'a', status: 'pending' }, 'a')).toBe('own_request');
    expect(approvalRefusal({ requesterId: 'a', status: 'pending' }, 'b')).toBeNull();
    for (const status of ['approved', 'rejected', 'downloaded', 'expired'] as const) expect(approvalRefusal({ requesterId: 'a', status }, 'b')).toBe('not_pending');
    // Four eyes come first: one's own decided request is still one's own.
    expect(approvalRefusal({ requesterId: 'a', status: 'approved' }, 'a')).toBe('own_request');
  });

  it.each([
    ['approved', null],
    ['pending', 'not_approved'],
    ['rejected', 'rejected'],
    ['downloaded', 'gone'],
    ['expired', 'gone'],
  ] as const)('a download of an export %s → %s', (status, refusal) => {
    expect(downloadRefusal(status)).toBe(refusal);
  });

  it('writes who, when and which export into the watermark, in Chinese and in a fixed English shape', () => {
    const mark = exportWatermark({ username: 'haizhou', displayName: '演示·海州区干部', at: new Date('2026-03-01T08:00:00.000Z'), exportId: 'e-1', unmasked: false });
    expect(mark.zh).toBe('导出人 haizhou（演示·海州区干部），导出时间 2026-03-01T08:00:00.000Z，请求编号 e-1。个人信息已脱敏，仅限工作使用，不得外传。');
    expect(mark.en).toBe('exported by haizhou at 2026-03-01T08:00:00.000Z, request e-1');
    expect(mark.line).toBe(`${mark.zh} / ${mark.en}`);
    expect(exportWatermark({ username: 'x', displayName: 'y', at: new Date(0), exportId: 'z', unmasked: true }).zh).toContain('含未脱敏个人信息');
  });

  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['张*', '张*'],
    ['a,b', '"a,b"'],
    ['line\nbreak', '"line\nbreak"'],
    ['', ''],
  ])('keeps %j a value in CSV: %s', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it('never leaves a CSV cell that starts a formula', () => {
    fc.assert(fc.property(fc.string(), (value) => !/^[=+\-@\t\r]/.test(csvSafeCell(value))));
  });
});
