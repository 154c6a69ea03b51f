/**
 * Password policy. GB/T 22239-2019 (MLPS 2.0) 8.1.4.1 a) asks for identification with "complexity
 * requirements"; assessors read that as at least 8 characters from at least 3 of the 4 classes
 * (lower case, upper case, digits, other). OWASP ASVS 4.0 V2.1.7 / NIST SP 800-63B §5.1.1.2 add:
 * refuse passwords known to be common, and ones built from the account name. SECURITY.md row 2.
 * Rotation (off in demo, 90 days in the "mlps3" profile) is configuration, not part of this check.
 */

export type PasswordProblem = 'too_short' | 'too_few_classes' | 'common' | 'contains_username';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MIN_CLASSES = 3;
const USERNAME_MIN_LENGTH = 3;

/**
 * Common passwords, lower case. Sources: SplashData / NordPass yearly "worst passwords" lists, and
 * for Chinese users the 2011 CSDN / Tianya leaks and later analyses of them: 5201314 and 1314520
 * sound like "I love you for a lifetime", woaini is "I love you" in pinyin, 1qaz2wsx / qazwsx are
 * keyboard columns. A password is common when, lower-cased, it equals an entry either as is or
 * after its trailing symbols, or trailing digits and symbols, are taken off (Password123! →
 * password). So no entry may be a bare word that a strong password commonly starts with: 'demo'
 * is deliberately absent, and the demo password Demo@2026 passes.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  // International lists
  'password', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'password1', '123456', '1234567', '12345678',
  '123456789', '1234567890', '12345', '111111', '000000', '123123', '654321', '666666', '888888',
  'qwerty', 'qwertyuiop', 'qwerty123', 'asdfghjkl', 'zxcvbnm', '1q2w3e4r', '1q2w3e', 'admin',
  'administrator', 'root', 'letmein', 'iloveyou', 'welcome', 'abc123', 'abcd1234', 'monkey',
  'dragon', 'football', 'baseball', 'sunshine', 'princess', 'master', 'superman', 'trustno1',
  'changeme', 'login', 'guest', 'test', 'secret', 'starwars', 'shadow', 'michael', 'hello',
  'freedom', 'whatever',
  // Chinese favourites
  '5201314', '1314520', 'woaini', 'woaini1314', 'woaini520', 'aa123456', 'a123456', 'a12345678',
  'a123456789', '123456a', '123456abc', 'abc123456', 'qq123456', 'qwe123', 'qwe123456', '123qwe',
  'asd123', 'zxc123', '1qaz2wsx', 'qazwsx', 'qazwsxedc', '1qaz@wsx', '147258369', '147258',
  '987654321', '11223344', '12344321', '31415926', '88888888', '66666666', '11111111', '00000000',
  'aaaaaa', 'aaaaaaaa', 'woaiwojia', 'zhang123', 'wang123', 'admin123', 'admin@123', 'root123',
  'huawei', 'huawei123', 'qweasdzxc', '1234qwer', 'qwer1234',
]);

/**
 * Returns every way the password breaks the policy, in a fixed order; [] when it is acceptable.
 * Lengths count Unicode code points, so a password of Chinese characters is measured fairly.
 */
export function checkPasswordPolicy(password: string, options: { username?: string } = {}): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (Array.from(password).length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (characterClasses(password) < PASSWORD_MIN_CLASSES) problems.push('too_few_classes');
  if (isCommonPassword(password)) problems.push('common');
  if (containsUsername(password, options.username)) problems.push('contains_username');
  return problems;
}

function characterClasses(password: string): number {
  let lower = false;
  let upper = false;
  let digit = false;
  let other = false;
  for (const c of password) {
    if (c >= 'a' && c <= 'z') lower = true;
    else if (c >= 'A' && c <= 'Z') upper = true;
    else if (c >= '0' && c <= '9') digit = true;
    else other = true;
  }
  return [lower, upper, digit, other].filter(Boolean).length;
}

function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const candidates = [
    lower,
    lower.replace(/[^a-z0-9]+$/, ''), // trailing symbols: aa123456! → aa123456
    lower.replace(/[^a-z]+$/, ''), // trailing digits and symbols: password123! → password
  ];
  return candidates.some((c) => c.length > 0 && COMMON_PASSWORDS.has(c));
}

function containsUsername(password: string, username: string | undefined): boolean {
  const name = (username ?? '').trim().toLowerCase();
  if (Array.from(name).length < USERNAME_MIN_LENGTH) return false;
  return password.toLowerCase().includes(name);
}
