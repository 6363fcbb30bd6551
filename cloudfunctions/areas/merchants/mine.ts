import type { Res } from '../../../types';
import { hoursToText } from '../../core/hours';
import { STATUS_NAMES } from '../../core/review';
import type { SignedInCtx } from '../../router/define';
import { readAll } from '../../store/port';

/** My businesses and outlets, with each outlet's status, the reviewer's reason and its recent history. */
export async function myBusinesses({ store, openid }: SignedInCtx): Promise<Res<'merchants.mine'>> {
  const [businesses, outlets] = await Promise.all([
    readAll(store, 'businesses', { ownerOpenid: openid }),
    readAll(store, 'outlets', { ownerOpenid: openid }),
  ]);
  const histories = await Promise.all(outlets.map((o) => readAll(store, 'outletReviews', { outletId: o.id })));
  return {
    businesses,
    outlets: outlets.map((o, i) => ({
      outlet: o,
      statusName: STATUS_NAMES[o.status],
      hoursText: hoursToText(o.hours),
      history: histories[i].slice(-5).reverse(),
    })),
  };
}
