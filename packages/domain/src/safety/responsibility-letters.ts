/**
 * Yearly work-safety responsibility letters (安全生产责任书 / 目标责任书): a government level issues
 * one letter a year to each unit below it, which signs it (签订) or returns it for changes (退回).
 * The platform tracks who has not signed yet.
 */
import type { Label } from './label.js';

export const LETTER_STATUSES = ['pending', 'signed', 'returned'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

export const LETTER_STATUS_LABELS: Readonly<Record<LetterStatus, Label>> = {
  pending: { 'zh-CN': '待签订', en: 'Awaiting signature' },
  signed: { 'zh-CN': '已签订', en: 'Signed' },
  returned: { 'zh-CN': '已退回', en: 'Returned' },
};

/** A letter counts as unsigned until it is signed, whether still waiting or returned for changes. */
export function isUnsigned(status: LetterStatus): boolean {
  return status !== 'signed';
}

export type LetterChange =
  | { to: 'signed'; signedOn: string; signer: string }
  | { to: 'returned'; reason: string }
  | { to: 'pending' };

export type LetterChangeRefusal = 'already_signed' | 'same_status' | 'signed_on_invalid' | 'signed_on_outside_year' | 'signer_required' | 'reason_required';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day YYYY-MM-DD. */
function isDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/**
 * Whether a letter of `year` may move from `from` as asked. A signed letter stays signed (a new
 * letter is issued instead); a returned one may be signed once changed, or reissued (pending).
 * The signing day lies in the letter's year or the first quarter after it (letters of a year are
 * often signed at the start of the next) and not after `today`.
 */
export function checkLetterChange(from: LetterStatus, change: LetterChange, year: number, today: string): LetterChangeRefusal | null {
  if (from === 'signed') return 'already_signed';
  if (from === change.to) return 'same_status';
  if (change.to === 'signed') {
    if (!isDay(change.signedOn) || change.signedOn > today) return 'signed_on_invalid';
    if (change.signedOn < `${year - 1}-10-01` || change.signedOn > `${year + 1}-03-31`) return 'signed_on_outside_year';
    if (change.signer.trim() === '') return 'signer_required';
  }
  if (change.to === 'returned' && change.reason.trim() === '') return 'reason_required';
  return null;
}

export interface LetterTally {
  total: number;
  signed: number;
  pending: number;
  returned: number;
  /** Signed share in per cent, one decimal; null without letters. */
  signedRate: number | null;
}

export function tallyLetters(statuses: readonly LetterStatus[]): LetterTally {
  const tally = { total: statuses.length, signed: 0, pending: 0, returned: 0 };
  for (const status of statuses) tally[status] += 1;
  return { ...tally, signedRate: tally.total === 0 ? null : Math.round((tally.signed / tally.total) * 1000) / 10 };
}
