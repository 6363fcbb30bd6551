import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { measureH5 } from '../../scripts/h5-size';

const ROOT = path.resolve(__dirname, '../..');

describe('the H5 build’s JavaScript (issue 14)', () => {
  it('first load ≤ 130 KB compressed, all scripts ≤ 1.2 MB: shared modules live in shared chunks', () => {
    const r = spawnSync('npm', ['run', 'build:h5'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    expect(r.status).toBe(0);
    const size = measureH5(path.join(ROOT, 'dist-h5'));
    console.log(
      `H5 first load ${(size.firstLoad.gzip / 1024).toFixed(1)} KB gzip, ${(size.firstLoad.brotli / 1024).toFixed(1)} KB brotli; ` +
        `total ${(size.total.raw / 1024).toFixed(1)} KB in ${size.total.files} files`,
    );
    expect(size.firstLoad.files.length).toBeGreaterThan(0);
    expect(size.firstLoad.gzip).toBeLessThanOrEqual(130 * 1024);
    expect(size.total.raw).toBeLessThanOrEqual(1.2 * 1024 * 1024);
  }, 300000);
});
