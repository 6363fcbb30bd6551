import Taro from '@tarojs/taro';
import { callCloud } from './api';
import { copyText } from './device';

/**
 * Hands a CSV to the person: a file download in the browser; in WeChat (no file system to save into) the text goes
 * to the clipboard, to paste into a spreadsheet or a chat.
 */
export async function saveCsv(filename: string, csv: string): Promise<'downloaded' | 'copied'> {
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.click();
    URL.revokeObjectURL(url);
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
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: DOCX_MIME }));
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    return 'downloaded';
  }
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
