import ExcelJS from 'exceljs';
import { peopleExport, xlsxName, xlsxWorkbook } from '../../cloudfunctions/core/xlsx';

async function read(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return book.worksheets[0];
}

describe('xlsx workbooks for people', () => {
  it('holds every cell as text, past column Z, with markup characters and Chinese intact', async () => {
    const head = Array.from({ length: 30 }, (_, i) => `列${i + 1}`);
    const row = head.map((_, i) => (i === 0 ? '<b>&"引号"</b>' : i === 27 ? '=1+1' : String(i)));
    const sheet = await read(xlsxWorkbook('报名名单', [head, row]));
    expect(sheet.name).toBe('报名名单');
    expect(sheet.getCell('A1').value).toBe('列1');
    expect(sheet.getCell('AD1').value).toBe('列30');
    expect(sheet.getCell('A2').value).toBe('<b>&"引号"</b>');
    expect(sheet.getCell('AB2').value).toBe('=1+1'); // text, not a formula
    expect(sheet.getCell('AB2').type).toBe(ExcelJS.ValueType.String);
  });

  it('drops characters XML cannot hold and shortens a sheet name Excel would refuse', async () => {
    const sheet = await read(
      xlsxWorkbook('名单/2026年[第一批]:西长安街街道便民服务进社区活动报名', [['a\u0001b\u0008c']]),
    );
    expect(sheet.getCell('A1').value).toBe('abc');
    expect(sheet.name.length).toBeLessThanOrEqual(31);
    expect(sheet.name).not.toMatch(/[:\\/?*[\]]/);
  });

  it('pairs a CSV for programs with a workbook of the same rows', async () => {
    const out = peopleExport('活动-报名名单.csv', '报名名单', [
      ['序号', '昵称'],
      ['1', '-2+3'],
    ]);
    expect(out.csv).toBe("\ufeff序号,昵称\r\n1,'-2+3\r\n"); // neutralised for spreadsheets reading CSV
    expect(out.xlsx.filename).toBe(xlsxName(out.filename));
    expect(out.xlsx.filename).toBe('活动-报名名单.xlsx');
    const sheet = await read(Buffer.from(out.xlsx.base64, 'base64'));
    expect(sheet.getCell('B2').value).toBe('-2+3');
  });
});
