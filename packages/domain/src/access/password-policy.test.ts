import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { COMMON_PASSWORDS, checkPasswordPolicy, type PasswordProblem } from './password-policy.js';

const lower = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz');
const upper = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const digit = fc.constantFrom(...'0123456789');
const symbol = fc.constantFrom(...'!@#$%^&*()-_=+[]{};:,.<>/?~ ');

describe('password policy (GB/T 22239-2019 8.1.4.1, SECURITY.md row 2)', () => {
  describe('accepts', () => {
    it.each([
      ['Demo@2026', 'the demo password'],
      ['Tr0ub4dor&3', 'all four classes'],
      ['correcthorsebatterY1', 'lower + upper + digit, long'],
      ['zhang.SAN.kaiyuan', 'lower + upper + other'],
      ['7Mountains!', 'upper + lower + digit + other'],
      ['守土有责Shoutu2026', 'Chinese characters count as the "other" class'],
      ['Xq9#Xq9#', 'exactly 8 characters'],
    ])('%j (%s)', (password) => {
      expect(checkPasswordPolicy(password)).toEqual([]);
    });

    it('the demo password for the demo accounts, whatever their user name', () => {
      for (const username of ['demo', 'admin', 'city_leader', 'grid01', 'audit']) {
        expect(checkPasswordPolicy('Demo@2026', { username })).toEqual(
          username === 'demo' ? ['contains_username'] : [],
        );
      }
    });
  });

  describe('length: at least 8 characters', () => {
    it.each([
      ['', ['too_short', 'too_few_classes']],
      ['Ab1!', ['too_short']],
      ['Xq9#Xq9', ['too_short']],
      ['守土有责A1b', ['too_short']], // 7 characters, counted as characters not bytes
    ])('%j → %j', (password, problems) => {
      expect(checkPasswordPolicy(password)).toEqual(problems);
    });
  });

  describe('character classes: at least 3 of lower, upper, digit, other', () => {
    it.each([
      ['zqxjvkwmplrt', 'lower only'],
      ['ZQXJVKWMPLRT', 'upper only'],
      ['73928164502', 'digits only'],
      ['!@#$%^&*()_+', 'symbols only'],
      ['zqxjvkwmPLRT', 'lower + upper'],
      ['zqxjvkwm7392', 'lower + digit'],
      ['ZQXJVKWM7392', 'upper + digit'],
      ['zqxj vkwm.plrt', 'lower + other (space and dot)'],
    ])('refuses %j (%s) as too_few_classes', (password) => {
      expect(checkPasswordPolicy(password)).toEqual(['too_few_classes']);
    });
  });

  describe('common passwords', () => {
    it.each([
      'password', 'Password123!', 'PASSWORD', 'P@ssw0rd', 'p@ssw0rd!', 'P@ssw0rd2026',
      '123456', '12345678', '123456789', 'qwerty', 'Qwerty123!', 'admin', 'Admin@123', 'Admin@2026',
      'letmein', 'Letmein!1', 'iloveyou', 'ILoveYou520', 'welcome', 'Welcome1!', 'abc123', 'Abc123!@#',
      '5201314', '5201314!', 'woaini', 'Woaini1314', 'aa123456', 'Aa123456', 'Aa123456!', '1qaz2wsx',
      '1qaz@WSX', '1Qaz2wsx#', 'qwe123', 'Qwe123!@#', 'Qwe123456.',
    ])('refuses %j as common', (password) => {
      expect(checkPasswordPolicy(password)).toContain('common');
    });

    it('has a built-in list of at least 50 entries, all lower case', () => {
      expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(50);
      for (const entry of COMMON_PASSWORDS) expect(entry).toBe(entry.toLowerCase());
    });

    it('includes the international and Chinese favourites', () => {
      for (const entry of [
        'password', '123456', 'qwerty', 'admin', 'letmein', 'iloveyou', 'welcome', 'abc123', 'p@ssw0rd',
        '5201314', 'woaini', 'aa123456', '1qaz2wsx', 'qwe123',
      ]) {
        expect(COMMON_PASSWORDS.has(entry)).toBe(true);
      }
    });

    it('does not list "demo", so the demo password Demo@2026 is not common', () => {
      expect(COMMON_PASSWORDS.has('demo')).toBe(false);
      expect(checkPasswordPolicy('Demo@2026')).not.toContain('common');
    });

    it('does not refuse a strong password that merely contains a common word in the middle', () => {
      expect(checkPasswordPolicy('My-Password-Is-Long-9')).toEqual([]);
    });

    it('refuses every listed entry, in any letter case and with any trailing digits and symbols', () => {
      const trailing = fc.string({ unit: fc.oneof(digit, symbol), maxLength: 6 });
      fc.assert(
        fc.property(fc.constantFrom(...COMMON_PASSWORDS), fc.boolean(), trailing, (entry, shout, tail) => {
          const cased = shout ? entry.toUpperCase() : entry.charAt(0).toUpperCase() + entry.slice(1);
          // Only an entry ending in a letter can take trailing digits and still be recognised.
          const suffix = /[a-z]$/.test(entry) ? tail : tail.replace(/[0-9]/g, '');
          expect(checkPasswordPolicy(cased + suffix)).toContain('common');
        }),
      );
    });
  });

  describe('user name', () => {
    it.each([
      ['zhangsan', 'Zhangsan@2026'],
      ['zhangsan', 'my-ZHANGSAN-77'],
      ['ZhangSan', 'x1!zhangsanY'],
      ['lee', 'Lee#Strong9'],
      [' lee ', 'Lee#Strong9'],
    ])('refuses user %j using a password containing the name, case-insensitively: %j', (username, password) => {
      expect(checkPasswordPolicy(password, { username })).toEqual(['contains_username']);
    });

    it.each([
      ['li', 'Li#Strong99'],
      ['', 'Demo@2026'],
      ['  ', 'Demo@2026'],
      ['wangwu', 'Zhangsan@2026'],
    ])('ignores user name %j (shorter than 3 characters or not contained) for %j', (username, password) => {
      expect(checkPasswordPolicy(password, { username })).toEqual([]);
    });

    it('is not checked when no user name is given', () => {
      expect(checkPasswordPolicy('Zhangsan@2026')).toEqual([]);
      expect(checkPasswordPolicy('Zhangsan@2026', {})).toEqual([]);
    });
  });

  it('reports every problem at once, in a fixed order', () => {
    const all: PasswordProblem[] = ['too_short', 'too_few_classes', 'common', 'contains_username'];
    expect(checkPasswordPolicy('admin', { username: 'admin' })).toEqual(all);
  });

  describe('properties', () => {
    it('accepts any password of 8+ characters with lower, upper, digit and symbol that is not listed', () => {
      const body = fc.array(fc.oneof(lower, upper, digit, symbol), { minLength: 4, maxLength: 20 });
      fc.assert(
        fc.property(lower, upper, digit, symbol, body, (l, u, d, s, rest) => {
          const password = `${u}${l}${rest.join('')}${d}${s}`;
          fc.pre(Array.from(password).length >= 8);
          const lowered = password.toLowerCase();
          fc.pre(![lowered, lowered.replace(/[^a-z0-9]+$/, ''), lowered.replace(/[^a-z]+$/, '')].some((c) => COMMON_PASSWORDS.has(c)));
          expect(checkPasswordPolicy(password)).toEqual([]);
        }),
      );
    });

    it('refuses any password shorter than 8 characters as too_short', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 7 }), (password) => {
          fc.pre(Array.from(password).length < 8);
          expect(checkPasswordPolicy(password)[0]).toBe('too_short');
        }),
      );
    });

    it('refuses any password drawn from at most two classes as too_few_classes', () => {
      const pairs = fc.constantFrom([lower, upper], [lower, digit], [upper, digit], [digit, symbol], [lower, symbol], [upper, symbol]);
      fc.assert(
        fc.property(
          pairs.chain(([a, b]) => fc.array(fc.oneof(a, b), { minLength: 8, maxLength: 24 })),
          (chars) => {
            expect(checkPasswordPolicy(chars.join(''))).toContain('too_few_classes');
          },
        ),
      );
    });

    it('refuses any password that embeds the user name (3+ characters), whatever the case', () => {
      const name = fc.string({ unit: fc.oneof(lower, digit), minLength: 3, maxLength: 12 });
      fc.assert(
        fc.property(name, fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (username, before, after) => {
          expect(checkPasswordPolicy(before + username.toUpperCase() + after, { username })).toContain('contains_username');
        }),
      );
    });

    it('only ever reports the four known problems, each at most once', () => {
      const known = new Set<PasswordProblem>(['too_short', 'too_few_classes', 'common', 'contains_username']);
      fc.assert(
        fc.property(fc.string(), fc.option(fc.string(), { nil: undefined }), (password, username) => {
          const problems = checkPasswordPolicy(password, { username });
          expect(new Set(problems).size).toBe(problems.length);
          for (const p of problems) expect(known.has(p)).toBe(true);
        }),
      );
    });
  });
});
