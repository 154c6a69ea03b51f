import { describe, expect, it } from 'vitest';
import { checkLetterChange, isUnsigned, LETTER_STATUS_LABELS, tallyLetters, type LetterChange, type LetterStatus } from './responsibility-letters.js';

const TODAY = '2026-03-10';

describe('responsibility letter signing', () => {
  it.each<[LetterStatus, LetterChange, string | null]>([
    ['pending', { to: 'signed', signedOn: '2026-02-01', signer: '王区长' }, null],
    ['pending', { to: 'returned', reason: '目标值需调整' }, null],
    ['returned', { to: 'signed', signedOn: '2026-03-10', signer: '王区长' }, null],
    ['returned', { to: 'pending' }, null],
    ['signed', { to: 'returned', reason: '重签' }, 'already_signed'],
    ['signed', { to: 'pending' }, 'already_signed'],
    ['pending', { to: 'pending' }, 'same_status'],
    ['pending', { to: 'signed', signedOn: '2026-03-11', signer: '王区长' }, 'signed_on_invalid'],
    ['pending', { to: 'signed', signedOn: '2026-02-30', signer: '王区长' }, 'signed_on_invalid'],
    ['pending', { to: 'signed', signedOn: '2025-09-30', signer: '王区长' }, 'signed_on_outside_year'],
    ['pending', { to: 'signed', signedOn: '2025-10-01', signer: '王区长' }, null],
    ['pending', { to: 'signed', signedOn: '2026-02-01', signer: '  ' }, 'signer_required'],
    ['pending', { to: 'returned', reason: ' ' }, 'reason_required'],
  ])('from %s with %j answers %s', (from, change, refusal) => {
    expect(checkLetterChange(from, change, 2026, TODAY)).toBe(refusal);
  });

  it("accepts last year's letter signed up to the end of March, not after", () => {
    expect(checkLetterChange('pending', { to: 'signed', signedOn: '2026-03-10', signer: '李' }, 2025, TODAY)).toBeNull();
    expect(checkLetterChange('pending', { to: 'signed', signedOn: '2026-04-01', signer: '李' }, 2025, '2026-05-01')).toBe('signed_on_outside_year');
  });

  it('counts pending and returned letters as unsigned', () => {
    expect((['pending', 'signed', 'returned'] as const).filter(isUnsigned)).toEqual(['pending', 'returned']);
    expect(LETTER_STATUS_LABELS.pending['zh-CN']).toBe('待签订');
  });

  it('tallies statuses with the signed rate to one decimal', () => {
    expect(tallyLetters(['signed', 'signed', 'pending'])).toEqual({ total: 3, signed: 2, pending: 1, returned: 0, signedRate: 66.7 });
    expect(tallyLetters([])).toEqual({ total: 0, signed: 0, pending: 0, returned: 0, signedRate: null });
  });
});
