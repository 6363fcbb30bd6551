import Taro from '@tarojs/taro';
import { API_BASE, ApiError, CLOUD_ENV, cloud } from './api';
import { chooseOnePhoto } from './device';
import { photoProblem } from './photo';
import { currentMe } from './me';
import { getSession } from './session';

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
