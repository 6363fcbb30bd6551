import type { Envelope, Message } from '../../../types';
import { remindUpcoming } from '../../areas/events';
import { deliverMessages, type MessageSender } from '../../areas/messages';
import { messagesRouter } from '../../areas/messages/router';
import { pruneRateLimits } from '../../router/limits';
import { inviteOpenSurveys } from '../../areas/surveys';
import { cloudbaseApp } from '../../store/cloudbase/app';
import { CloudbaseStore } from '../../store/cloudbase/CloudbaseStore';
import { cloudMain } from '../entry';

/**
 * The WeChat templates, from the function's environment (`WECHAT_TEMPLATES`, JSON): per message kind, the template
 * id and which of the message's fields fill which template keyword, e.g.
 * `{"promoted":{"id":"…","data":{"thing1":"title","thing2":"body","time3":"createdAt"}}}`.
 */
type Templates = Partial<Record<Message['kind'], { id: string; data: Record<string, 'title' | 'body' | 'createdAt'> }>>;

function templates(): Templates {
  try {
    return JSON.parse(process.env.WECHAT_TEMPLATES ?? '{}') as Templates;
  } catch {
    return {};
  }
}

/** `subscribeMessage.send` through CloudBase's open API (the function's config.json grants it). */
const wechatSender: MessageSender = {
  async send(m) {
    const t = templates()[m.kind];
    if (!t) throw new Error(`没有为 ${m.kind} 配置订阅消息模板`);
    const data = Object.fromEntries(
      Object.entries(t.data).map(([keyword, field]) => [keyword, { value: String(m[field]).slice(0, 20) }]),
    );
    const query = new URLSearchParams(m.link.params).toString();
    const res = (await cloudbaseApp().callWxOpenApi({
      apiName: 'subscribeMessage.send',
      requestData: {
        touser: m.recipient,
        template_id: t.id,
        page: `pages/${m.link.page}/index${query ? `?${query}` : ''}`,
        data,
      },
    })) as { result?: { errcode?: number; errmsg?: string } };
    if (res.result?.errcode) throw new Error(`${res.result.errcode} ${res.result.errmsg ?? ''}`);
  },
};

const api = cloudMain(messagesRouter);
/** Expired limit counters deleted per timer run: 12 runs an hour keep up with far more than the district makes. */
const PRUNE_PER_RUN = 500;

/**
 * CloudBase function `messages`: `{ action, data }` → envelope for the app; a timer trigger (see cloudbaserc.json)
 * runs the jobs: reminders a day before events, invitations to surveys that opened, delivery of waiting messages,
 * and the cleanup of expired limit counters.
 */
export async function main(event: unknown, context?: unknown): Promise<Envelope<unknown>> {
  if (event && typeof event === 'object' && (event as { Type?: unknown }).Type === 'Timer') {
    const store = new CloudbaseStore();
    const now = () => new Date();
    const reminded = await remindUpcoming(store, now());
    const invited = await inviteOpenSurveys(store, now());
    const delivered = await deliverMessages(store, wechatSender, now);
    // Limit counters whose time has passed, a bounded number a run (every five minutes).
    const pruned = await pruneRateLimits(store, now(), PRUNE_PER_RUN);
    return { ok: true, data: { reminded, invited, ...delivered, pruned } };
  }
  return api(event, context);
}
