import { PAYMENT_NAMES, type PaymentMethod } from '@/types';

/** Cash and 老年卡 first (the ways older residents pay), then the others in their usual order. */
const FIRST: readonly PaymentMethod[] = ['cash', 'elderCard'];

export function paymentsCashFirst(methods: readonly PaymentMethod[]): string[] {
  const rank = (m: PaymentMethod) => (FIRST.includes(m) ? FIRST.indexOf(m) : FIRST.length);
  return [...methods].sort((a, b) => rank(a) - rank(b)).map((m) => PAYMENT_NAMES[m]);
}
