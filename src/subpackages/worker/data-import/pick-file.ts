import Taro from '@tarojs/taro';

/**
 * Lets the admin pick a CSV file and reads it as text: in WeChat from a chat (chooseMessageFile), in the browser
 * build with the browser's file chooser. Resolves null when nothing was chosen.
 */
export function pickCsvText(): Promise<string | null> {
  if (process.env.TARO_ENV === 'h5')
    return new Promise((resolve, reject) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = '.csv,text/csv,text/plain';
      input.onchange = () => {
        const file = input.files?.[0];
        if (!file) return resolve(null);
        file.text().then(resolve, reject);
      };
      input.click();
    });
  return Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'txt'] }).then((res) => {
    const path = res.tempFiles[0]?.path;
    return path ? (Taro.getFileSystemManager().readFileSync(path, 'utf8') as string) : null;
  });
}
