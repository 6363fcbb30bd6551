/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-character set (digits and
 * capital letters without I, O, Z, S, V); the 18th is a check character computed from the first 17 with the
 * weights 3^i mod 31.
 */
export const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARS.indexOf(first17[i]) * WEIGHTS[i];
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31];
}

export type CreditCodeProblem = 'length' | 'lowercase' | 'charset' | 'check';

/** Null for a valid code, or what is wrong with it. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  if (code !== code.toUpperCase()) return 'lowercase';
  for (const ch of code) if (!CREDIT_CODE_CHARS.includes(ch)) return 'charset';
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : 'check';
}

export const CREDIT_CODE_MESSAGES: Record<CreditCodeProblem, string> = {
  length: '统一社会信用代码应为 18 位',
  lowercase: '统一社会信用代码中的字母应为大写',
  charset: '统一社会信用代码含有无效字符（不使用 I、O、Z、S、V）',
  check: '统一社会信用代码校验位不正确，请核对',
};
