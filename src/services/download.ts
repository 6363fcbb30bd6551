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
