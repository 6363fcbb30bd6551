import { strToU8, zipSync } from 'fflate';
import type { ExportFiles } from '../../types';
import { csvForPeople } from './csv';

/** An export for people in both forms: CSV (for programs) and .xlsx (to open in WPS or Excel), same rows. */
export function peopleExport(csvFilename: string, sheetName: string, rows: string[][]): ExportFiles {
  return {
    filename: csvFilename,
    csv: csvForPeople(rows),
    xlsx: { filename: xlsxName(csvFilename), base64: Buffer.from(xlsxWorkbook(sheetName, rows)).toString('base64') },
  };
}

/**
 * A one-sheet .xlsx workbook (Office Open XML) that WPS and Excel open directly: the header row bold and frozen,
 * every cell an inline string — text, never a formula, so a cell that begins with `=` cannot run anything. The zip
 * container comes from fflate (≈8 KB, no dependencies), which keeps each cloud function's bundle small; a full
 * spreadsheet library (exceljs, ≈1 MB bundled) is used only by the tests, to read what this writes.
 */
export function xlsxWorkbook(sheetName: string, rows: readonly (readonly string[])[]): Uint8Array {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const sheetRows = rows
    .map((row, y) => {
      const cells = row
        .map((v, x) => {
          const ref = `${column(x)}${y + 1}`;
          const style = y === 0 ? ' s="1"' : '';
          return `<c r="${ref}" t="inlineStr"${style}><is><t xml:space="preserve">${xml(v)}</t></is></c>`;
        })
        .join('');
      return `<row r="${y + 1}">${cells}</row>`;
    })
    .join('');
  const widths = Array.from({ length: width }, (_, x) => {
    const longest = Math.max(4, ...rows.map((r) => displayWidth(r[x] ?? '')));
    return `<col min="${x + 1}" max="${x + 1}" width="${Math.min(60, longest + 2)}" customWidth="1"/>`;
  }).join('');
  const sheet =
    `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    `<sheetViews><sheetView workbookViewId="0">${rows.length > 1 ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' : ''}</sheetView></sheetViews>` +
    `<cols>${widths}</cols><sheetData>${sheetRows}</sheetData></worksheet>`;
  const files: Record<string, string> = {
    '[Content_Types].xml':
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>',
    '_rels/.rels':
      `${HEAD}<Relationships xmlns="${PKG_REL}">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
      `<sheet name="${xml(sheetTitle(sheetName))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `${HEAD}<Relationships xmlns="${PKG_REL}">` +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml':
      `${HEAD}<styleSheet xmlns="${MAIN}">` +
      '<fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
      '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
      '</styleSheet>',
    'xl/worksheets/sheet1.xml': sheet,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])), {
    level: 6,
    mtime: new Date('2026-01-01T00:00:00Z'),
  });
}

/** The .xlsx file name that goes with a .csv one. */
export const xlsxName = (csvName: string) => csvName.replace(/\.csv$/i, '') + '.xlsx';

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A, B, …, Z, AA, AB, … */
function column(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Text for XML: markup characters escaped, characters XML cannot hold dropped. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
function sheetTitle(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';
}

/** Roughly how many columns a text needs: Chinese characters count twice. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFFF]/.test(ch) ? 2 : 1;
  return w;
}
