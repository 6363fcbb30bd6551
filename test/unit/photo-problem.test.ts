import { photoProblem } from '../../src/services/photo';

describe('a picked licence photo', () => {
  it('says a file that is not an image is not a picture', () => {
    expect(photoProblem({ type: 'application/json', size: 2000 })).toBe(
      '所选文件不是 JPEG 或 PNG 照片（不是图片），请重新选择',
    );
  });

  it('says an image of another format is not supported', () => {
    expect(photoProblem({ type: 'image/gif', size: 2000 })).toContain('该图片格式不支持');
  });

  it('says how large a photo over 5 MB is', () => {
    expect(photoProblem({ type: null, size: 7.3 * 1024 * 1024 })).toBe('照片过大（7.3 MB），请选择不超过 5 MB 的照片');
  });

  it('accepts a JPEG or PNG up to 5 MB, and a photo whose type the platform does not say', () => {
    expect(photoProblem({ type: 'image/png', size: 5 * 1024 * 1024 })).toBeNull();
    expect(photoProblem({ type: null, size: null })).toBeNull();
  });
});
