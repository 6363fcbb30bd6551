import {
  BRAND_NAMES,
  BRAND_TYPES,
  CATEGORIES,
  GOODS,
  PAYMENT_METHODS,
  PAYMENT_NAMES,
  SERVICES,
  type BrandType,
  type CategoryId,
  type Community,
  type Goods,
  type Outlet,
  type PaymentMethod,
  type Service,
  type Street,
} from '../../../../types';
import { contains } from '../../../core/geo';
import { parseHours } from '../../../core/hours';
import { XICHENG } from '../../geo';

/**
 * The outlet census file: one outlet a row, UTF-8 CSV with a header. Lists inside a cell are separated by `|`;
 * categories, payment and brand may be given by id or by Chinese name. See the README for every column.
 */
export const CENSUS_COLUMNS = [
  'census_id',
  'name',
  'categories',
  'lng',
  'lat',
  'address',
  'street_code',
  'community_code',
  'hours',
  'holiday_note',
  'goods',
  'services',
  'payment',
  'accessible',
  'brand',
  'phone',
  'demo',
] as const;
export const REQUIRED_COLUMNS = [
  'census_id',
  'name',
  'categories',
  'lng',
  'lat',
  'address',
  'street_code',
  'hours',
] as const;

export type CensusRecord = Partial<Record<(typeof CENSUS_COLUMNS)[number], string>>;

export interface CensusContext {
  streets: Map<string, Street>;
  communities: Map<string, Community>;
}

/** The stable key of a census outlet: importing the same row again updates it. */
export const censusOutletId = (censusId: string) => `census-${censusId}`;

const byName = <T extends string>(ids: readonly T[], names: Record<string, string>) => {
  const m = new Map<string, T>();
  for (const id of ids) {
    m.set(id.toLowerCase(), id);
    if (names[id]) m.set(names[id], id);
  }
  return m;
};
const CATEGORY_KEYS = byName(
  CATEGORIES.map((c) => c.id),
  Object.fromEntries(CATEGORIES.map((c) => [c.id, c.name])),
);
const PAYMENT_KEYS = byName(PAYMENT_METHODS, PAYMENT_NAMES);
const BRAND_KEYS = byName(BRAND_TYPES, BRAND_NAMES);
const YES = new Set(['yes', 'y', 'true', '1', '是']);
const NO = new Set(['no', 'n', 'false', '0', '否', '']);

const list = (cell: string | undefined) =>
  (cell ?? '')
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);

/** Checks one row; answers the outlet, or every reason the row is refused (in Chinese, naming the column). */
export function validateCensusRow(
  r: CensusRecord,
  ctx: CensusContext,
  now: Date,
  existing: Outlet | null = null,
): { outlet: Outlet } | { errors: string[] } {
  const errors: string[] = [];
  for (const col of REQUIRED_COLUMNS) if (!r[col]?.trim()) errors.push(`${col} 不能为空`);
  if (errors.length) return { errors };

  const censusId = r.census_id!.trim();
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(censusId))
    errors.push('census_id 只能包含字母、数字、下划线和连字符（至多 64 位）');
  const name = r.name!.trim();
  if (name.length > 60) errors.push('name 超过 60 个字');

  const categories: CategoryId[] = [];
  for (const c of list(r.categories)) {
    const id = CATEGORY_KEYS.get(c) ?? CATEGORY_KEYS.get(c.toLowerCase());
    if (id) {
      if (!categories.includes(id)) categories.push(id);
    } else errors.push(`categories 中的“${c}”不是已知的服务类别`);
  }
  if (categories.length === 0 && !errors.some((e) => e.startsWith('categories')))
    errors.push('categories 至少要有一个类别');

  const lng = Number(r.lng);
  const lat = Number(r.lat);
  if (!Number.isFinite(lng) || !Number.isFinite(lat)) errors.push('lng / lat 应为数字（GCJ-02 经纬度）');
  else if (!contains(XICHENG, lng, lat)) errors.push(`坐标 ${lng}, ${lat} 不在西城区范围内`);

  const street = ctx.streets.get(r.street_code!.trim());
  if (!street) errors.push(`street_code “${r.street_code}”不是西城区的街道代码`);
  let communityCode: string | null = null;
  if (r.community_code?.trim()) {
    const community = ctx.communities.get(r.community_code.trim());
    if (!community) errors.push(`community_code “${r.community_code}”不是已知的社区代码`);
    else if (street && community.streetCode !== street.code) errors.push(`community_code 所属街道不是 ${street.name}`);
    else communityCode = community.code;
  }

  const hours = parseHours(r.hours!, r.holiday_note?.trim() || null);
  if ('error' in hours) errors.push(`hours 有误：${hours.error}`);

  const goods = list(r.goods);
  for (const g of goods)
    if (!(GOODS as readonly string[]).includes(g)) errors.push(`goods 中的“${g}”不在一店多能清单内`);
  const services = list(r.services);
  for (const s of services)
    if (!(SERVICES as readonly string[]).includes(s)) errors.push(`services 中的“${s}”不在一点多用清单内`);
  const payment: PaymentMethod[] = [];
  for (const p of list(r.payment)) {
    const id = PAYMENT_KEYS.get(p) ?? PAYMENT_KEYS.get(p.toLowerCase());
    if (id) payment.push(id);
    else errors.push(`payment 中的“${p}”不是已知的支付方式`);
  }
  const accessibleCell = (r.accessible ?? '').trim().toLowerCase();
  if (!YES.has(accessibleCell) && !NO.has(accessibleCell)) errors.push('accessible 应为 是/否');
  const demoCell = (r.demo ?? '').trim().toLowerCase();
  if (!YES.has(demoCell) && !NO.has(demoCell)) errors.push('demo 应为 是/否');
  let brand: BrandType | null = null;
  if (r.brand?.trim()) {
    brand = BRAND_KEYS.get(r.brand.trim()) ?? BRAND_KEYS.get(r.brand.trim().toLowerCase()) ?? null;
    if (!brand) errors.push(`brand “${r.brand}”应为 品牌连锁/特色小店/老字号/国有`);
  }
  const phone = r.phone?.trim() || null;
  if (phone && !/^[0-9+\-() ]{5,20}$/.test(phone)) errors.push('phone 格式有误');

  if (errors.length || 'error' in hours || !street) return { errors };
  return {
    outlet: {
      id: censusOutletId(censusId),
      name,
      categories,
      location: { type: 'Point', coordinates: [lng, lat] },
      address: r.address!.trim(),
      streetCode: street.code,
      communityCode,
      hours,
      goods: goods as Goods[],
      services: services as Service[],
      payment: payment.length ? [...new Set(payment)] : ['cash'],
      accessible: YES.has(accessibleCell),
      brand,
      phone,
      status: 'approved',
      source: 'census',
      demo: YES.has(demoCell),
      createdAt: existing?.createdAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
    },
  };
}
