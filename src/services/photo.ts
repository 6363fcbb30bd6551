/** A picked photo's type and size, where the platform says them (pure: checked before any upload). */
export interface PhotoFacts {
  type: string | null;
  size: number | null;
}

/** Licence photos: JPEG or PNG, at most 5 MB (the server checks the bytes again). */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** What is wrong with a picked file, in words a person understands (its type, its size), or null. */
export function photoProblem(p: PhotoFacts): string | null {
  if (p.type && !/^image\/(jpeg|png)$/.test(p.type))
    return `所选文件不是 JPEG 或 PNG 照片（${/^image\//.test(p.type) ? '该图片格式不支持' : '不是图片'}），请重新选择`;
  if (p.size !== null && p.size > MAX_PHOTO_BYTES)
    return `照片过大（${(p.size / 1024 / 1024).toFixed(1)} MB），请选择不超过 5 MB 的照片`;
  return null;
}
