/**
 * Display masking of personal information (脱敏). GB/T 35273-2020 §7.3 asks personal information
 * to be shown de-identified; the Cyberspace Administration notice of 9 Feb 2020 forbids publishing
 * name, ID number, phone and address of epidemic subjects unless de-identified. The patterns below
 * are common practice, not text of a standard (RULES.md "Personal information", SECURITY.md #16):
 * ID number first 6 and last 4, phone first 3 and last 4, names keep only the surname.
 *
 * Every function fails closed: input it does not recognise is returned as '' rather than shown
 * unmasked. Lengths are counted in Unicode code points, so rare characters outside the Basic
 * Multilingual Plane (e.g. 𠈌 in a name) count as one character.
 */
import { normalizeMobile } from '../codes/mobile.js';

/**
 * Two-character (compound) surnames (复姓), from the Hundred Family Surnames (百家姓) and the ones
 * still met today. A name starting with one of these keeps both characters. Rare ones such as
 * 宗政, 乐正 or 钟离 are left out on purpose: their first character is a common surname and the
 * second a common given-name character, and reading 宗政明 as a compound would show one more
 * character of the given name than reading it as 宗 + 政明.
 */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙',
  '宇文', '司徒', '令狐', '夏侯', '轩辕', '端木', '南宫', '独孤', '西门', '万俟',
  '闻人', '澹台', '公冶', '濮阳', '淳于', '单于', '太叔', '申屠', '仲孙', '赫连',
  '呼延', '百里', '东郭', '公羊', '拓跋', '完颜', '司空', '司寇', '第五', '左丘',
  '段干', '梁丘', '东门', '羊舌', '微生', '公良',
];

const STARS = (n: number): string => '*'.repeat(Math.max(0, n));

/**
 * 18-digit ID (GB 11643-1999): `320706********1234`. The legacy 15-digit first-generation number
 * is masked the same way (6 and 4 visible, 5 hidden). Anything else gives ''.
 */
export function maskResidentId(id: string): string {
  if (typeof id !== 'string') return '';
  const value = id.trim();
  if (!/^\d{17}[\dXx]$/.test(value) && !/^\d{15}$/.test(value)) return '';
  return value.slice(0, 6) + STARS(value.length - 10) + value.slice(-4).toUpperCase();
}

/** Mainland mobile, in any form `normalizeMobile` accepts: `138****5678`. Anything else gives ''. */
export function maskMobile(mobile: string): string {
  if (typeof mobile !== 'string') return '';
  const value = normalizeMobile(mobile);
  return value === null ? '' : `${value.slice(0, 3)}****${value.slice(7)}`;
}

/**
 * Keeps the surname, one `*` per other character: 张三 → `张*`, 张小明 → `张**`,
 * 欧阳娜娜 → `欧阳**`. A two-character name that happens to spell a compound surname (欧阳) is
 * read as surname + given name (`欧*`), which hides more rather than less. A one-character name
 * has nothing to hide behind and stays as is.
 */
export function maskName(name: string): string {
  if (typeof name !== 'string') return '';
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return chars.join('');
  const first2 = chars.slice(0, 2).join('');
  const surnameLength = chars.length >= 3 && COMPOUND_SURNAMES.includes(first2) ? 2 : 1;
  return chars.slice(0, surnameLength).join('') + STARS(chars.length - surnameLength);
}

/**
 * Keeps the first 6 characters (about province / city / district) then `****`:
 * 江苏省连云港市海州区朝阳路1号 → `江苏省连云港****`. A short address never shows more than half of
 * its characters, so a street address of 8 characters is not shown almost whole.
 */
export function maskAddress(address: string): string {
  if (typeof address !== 'string') return '';
  const chars = Array.from(address.trim());
  if (chars.length === 0) return '';
  const visible = Math.min(6, Math.floor(chars.length / 2));
  return `${chars.slice(0, visible).join('')}****`;
}
