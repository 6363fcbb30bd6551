import type { Envelope } from '../../types';
import type { Router, Subscriptions } from '../router/define';
import { callerOpenid, cloudbaseApp } from '../store/cloudbase/app';
import { CloudbaseStore } from '../store/cloudbase/CloudbaseStore';

let store: CloudbaseStore | null = null;

/**
 * WeChat's content-security check (msgSecCheck v2, scene 2 = comments) through CloudBase's open-API call. Any
 * answer but a clear "pass" — including a failed call — sends the text to a person first.
 */
async function wechatContentCheck(text: string, openid: string): Promise<boolean> {
  try {
    const res = (await cloudbaseApp().callWxOpenApi({
      apiName: 'security.msgSecCheck',
      requestData: { content: text, version: 2, scene: 2, openid },
    })) as { result?: { errcode?: number; result?: { suggest?: string } } };
    return !(res.result?.errcode === 0 && res.result.result?.suggest === 'pass');
  } catch {
    return true;
  }
}

/** Licence images are private (readable by their uploader): reviewers see them through a ten-minute link made here. */
async function temporaryFileUrl(fileId: string): Promise<string> {
  const res = await cloudbaseApp().getTempFileURL({ fileList: [{ fileID: fileId, maxAge: 600 }] });
  const url = res.fileList[0]?.tempFileURL;
  if (!url) throw new Error(`no temporary link for ${fileId}: ${res.fileList[0]?.code ?? 'unknown'}`);
  return url;
}

/**
 * The cloud entry of one function: its own area's router, and the reactions to its changes that other areas
 * subscribe (e.g. coverage following an outlet's status). The caller's openid comes from CloudBase's context
 * (the invocation context, or the environment on older runtimes), never from the event: an `openid` or `userInfo` in the event is ignored. Dev sign-in is
 * always off here.
 */
export function cloudMain(router: Router, subscriptions: Subscriptions = {}) {
  return async function main(event: unknown, context?: unknown): Promise<Envelope<unknown>> {
    // The invocation context first (the newer runtime puts the caller there), the environment otherwise.
    const openId = callerOpenid(context);
    store ??= new CloudbaseStore();
    return router.handle(
      event,
      { openid: openId || null },
      {
        store,
        now: () => new Date(),
        devLogin: false,
        subscriptions,
        fileUrl: temporaryFileUrl,
        contentCheck: process.env.WECHAT_CONTENT_CHECK === '1' ? wechatContentCheck : undefined,
      },
    );
  };
}
