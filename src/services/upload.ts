import Taro from '@tarojs/taro';
import { API_BASE, ApiError, CLOUD_ENV, cloud } from './api';
import { chooseOnePhoto, type PickedPhoto } from './device';
import { currentMe } from './me';
import { getSession } from './session';

/** Licence photos: JPEG or PNG, at most 5 MB (the server checks the bytes again). */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** What is wrong with a picked file, in words a person understands (its type, its size), or null. */
export function photoProblem(p: PickedPhoto): string | null {
  if (p.type && !/^image\/(jpeg|png)$/.test(p.type))
    return `所选文件不是 JPEG 或 PNG 照片（${/^image\//.test(p.type) ? '该图片格式不支持' : '不是图片'}），请重新选择`;
  if (p.size !== null && p.size > MAX_PHOTO_BYTES)
    return `照片过大（${(p.size / 1024 / 1024).toFixed(1)} MB），请选择不超过 5 MB 的照片`;
  return null;
}

/**
 * Lets the person pick a photo and uploads it: to the mini-program's cloud storage when a cloud environment is
 * configured (the file id is kept), else to the local server, which checks that it really is a JPEG or PNG.
 */
export async function pickAndUploadImage(): Promise<{ fileId: string; preview: string }> {
  const picked = await chooseOnePhoto();
  if (!picked) throw new ApiError('INVALID_INPUT', '没有选择照片');
  const problem = photoProblem(picked);
  if (problem) throw new ApiError('INVALID_INPUT', problem);
  const path = picked.path;
  if (CLOUD_ENV) {
    // Licences live in the uploader's own folder: the functions accept no licence file from anywhere else.
    const openid = currentMe().user?.openid;
    if (!openid) throw new ApiError('UNAUTHENTICATED', '请先登录后再上传');
    const res = await cloud().uploadFile({
      cloudPath: `licences/${openid}/${Date.now()}-${Math.random().toString(36).slice(2, 8)}.jpg`,
      filePath: path,
    });
    return { fileId: res.fileID, preview: path };
  }
  const token = getSession()?.token;
  const res = await Taro.uploadFile({
    url: `${API_BASE}/upload`,
    filePath: path,
    name: 'file',
    header: token ? { Authorization: `Bearer ${token}` } : {},
  });
  let body: { ok: boolean; data?: { fileId: string }; error?: { code: 'INVALID_INPUT'; message: string } };
  try {
    body = JSON.parse(res.data) as typeof body;
  } catch {
    throw new ApiError('INTERNAL', '上传失败，请重试');
  }
  if (!body.ok || !body.data)
    throw new ApiError(body.error?.code ?? 'INTERNAL', body.error?.message ?? '上传失败，请重试');
  return { fileId: body.data.fileId, preview: path };
}
