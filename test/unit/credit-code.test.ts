import { CREDIT_CODE_CHARS, creditCodeCheckChar, creditCodeProblem } from '../../cloudfunctions/core/credit-code';
import { canMove, TRANSITIONS } from '../../cloudfunctions/core/review';
import { OUTLET_STATUSES } from '../../types';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts valid codes, including the standard’s own example', () => {
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
    expect(creditCodeProblem('91110000600037341L')).toBeNull();
    for (const body of ['9111010206917520X', '12110000400000000', '52110102MJ0000000']) {
      expect(creditCodeProblem(body + creditCodeCheckChar(body))).toBeNull();
    }
  });

  it('refuses a wrong length', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toBe('length');
    expect(creditCodeProblem('91350100M000100Y433')).toBe('length');
    expect(creditCodeProblem('')).toBe('length');
  });

  it('refuses lowercase letters', () => {
    expect(creditCodeProblem('91350100m000100y43')).toBe('lowercase');
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('refuses the letter %s, which the set leaves out', (letter) => {
    expect(CREDIT_CODE_CHARS).not.toContain(letter);
    expect(creditCodeProblem(`91350100M${letter}00100Y43`)).toBe('charset');
  });

  it('refuses a wrong check character', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toBe('check');
    expect(creditCodeProblem('91110000600037341X')).toBe('check');
  });
});

describe('outlet review state machine', () => {
  it('lets reviewers decide new outlets and owners resubmit, and refuses everything else', () => {
    expect(canMove('pending', 'approved', 'reviewer')).toBe(true);
    expect(canMove('pending', 'approved', 'owner')).toBe(false);
    expect(canMove('changes_requested', 'pending', 'owner')).toBe(true);
    expect(canMove('approved', 'pending', 'reviewer')).toBe(false);
    expect(canMove('approved', 'approved', 'reviewer')).toBe(false);
    expect(canMove('closed', 'approved', 'reviewer')).toBe(false);
    expect(canMove('rejected', 'approved', 'reviewer')).toBe(false);
  });

  it('describes every status, and a closed outlet is final', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...OUTLET_STATUSES].sort());
    for (const to of OUTLET_STATUSES)
      expect(canMove('closed', to, 'reviewer') || canMove('closed', to, 'owner')).toBe(false);
  });
});
