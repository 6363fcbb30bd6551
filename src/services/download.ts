import Taro from '@tarojs/taro';
import { callCloud } from './api';
import type { ExportFiles } from '@/types';
import { copyText } from './device';

/** A file to the browser's downloads. */
function downloadInBrowser(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const raw = atob(base64);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

/**
 * Opens an export as a workbook people can use: in the browser an .xlsx download; in WeChat the file is written to
 * the mini-program's own folder and opened in WeChat's document viewer, whose menu forwards it to a chat or opens it
 * in WPS (the function answers the file itself, so nothing is left behind in cloud storage).
 */
export async function openWorkbook(files: ExportFiles): Promise<'downloaded' | 'opened'> {
  const { filename, base64 } = files.xlsx;
  if (process.env.TARO_ENV === 'h5') {
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    downloadInBrowser(filename, new Blob([bytesOf(base64)], { type }));
    return 'downloaded';
  }
  const filePath = await writeUserFile(files.xlsx.filename, files.xlsx.base64);
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
  return 'opened';
}

/** WeChat only: sends the workbook straight to a chat (a colleague, a work group) as a file message. */
export async function sendWorkbook(files: ExportFiles): Promise<void> {
  const filePath = await writeUserFile(files.xlsx.filename, files.xlsx.base64);
  await Taro.shareFileMessage({ filePath, fileName: files.xlsx.filename });
}

/** Writes a file (base64) into the mini-program's own folder; answers its path. */
async function writeUserFile(filename: string, base64: string): Promise<string> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${filename}`;
  await new Promise<void>((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: base64,
      encoding: 'base64',
      success: () => resolve(),
      fail: (e) => reject(new Error(e.errMsg)),
    }),
  );
  return filePath;
}

/**
 * Hands the CSV (for programs) to the person: a file download in the browser; in WeChat, which cannot save a file
 * anywhere a program reads it, the text goes to the clipboard.
 */
export async function saveCsv(filename: string, csv: string): Promise<'downloaded' | 'copied'> {
  if (process.env.TARO_ENV === 'h5') {
    downloadInBrowser(filename, new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    return 'downloaded';
  }
  await copyText(csv);
  return 'copied';
}

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Hands a Word document (base64) to the person: a download in the browser; in WeChat it is written to the app's
 * files and opened with the system viewer, from which it can be forwarded to a chat.
 */
export async function saveDocx(filename: string, base64: string): Promise<'downloaded' | 'opened'> {
  if (process.env.TARO_ENV === 'h5') {
    downloadInBrowser(filename, new Blob([bytesOf(base64)], { type: DOCX_MIME }));
    return 'downloaded';
  }
  const filePath = await writeUserFile(filename, base64);
  await Taro.openDocument({ filePath, fileType: 'docx', showMenu: true });
  return 'opened';
}

/** The browser's print dialog (the page's print stylesheet leaves out buttons and navigation); H5 only. */
export function printPage(): void {
  if (process.env.TARO_ENV === 'h5') window.print();
}

/** A street's 一街一则 as a Word document, made by the server and handed over as above. */
export async function exportGuideline(streetCode: string): Promise<'downloaded' | 'opened'> {
  const file = await callCloud('guidelines.export', { streetCode });
  return saveDocx(file.filename, file.base64);
}
