import type { CategoryId, EventTheme, Req } from '@/types';
import { fromBeijing } from '@/services/time';

export interface EventForm {
  title: string;
  theme: EventTheme;
  communityCode: string | null;
  placeName: string;
  /** Chosen on the map or from a community (GCJ-02), never typed. */
  point: { lng: number; lat: number } | null;
  date: string;
  start: string;
  end: string;
  deadlineDate: string;
  deadlineTime: string;
  capacity: string;
  categories: CategoryId[];
  outletIds: string[];
  description: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Checks the form field by field; answers Chinese messages by field, or the request. */
export function validateEventForm(
  f: EventForm,
  streetCode: string,
): { errors: Partial<Record<keyof EventForm, string>> } | { req: Req<'events.create'> } {
  const errors: Partial<Record<keyof EventForm, string>> = {};
  if (f.title.trim().length < 2) errors.title = '请填写活动名称（至少 2 个字）';
  if (f.placeName.trim().length < 2) errors.placeName = '请填写活动地点';
  if (!f.point) errors.point = '请选择社区，或在地图上点选活动地点';
  if (!DATE.test(f.date)) errors.date = '请选择活动日期';
  if (!TIME.test(f.start)) errors.start = '请选择开始时间';
  if (!TIME.test(f.end)) errors.end = '请选择结束时间';
  else if (TIME.test(f.start) && f.end <= f.start) errors.end = '结束时间应晚于开始时间';
  if (!DATE.test(f.deadlineDate)) errors.deadlineDate = '请选择报名截止日期';
  if (!TIME.test(f.deadlineTime)) errors.deadlineTime = '请选择报名截止时间';
  else if (DATE.test(f.date) && DATE.test(f.deadlineDate) && TIME.test(f.start)) {
    if (fromBeijing(f.deadlineDate, f.deadlineTime) > fromBeijing(f.date, f.start))
      errors.deadlineDate = '报名截止应早于活动开始';
  }
  const capacity = Number(f.capacity);
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 5000) errors.capacity = '名额应为 1 到 5000 的整数';
  if (Object.keys(errors).length) return { errors };
  return {
    req: {
      title: f.title.trim(),
      theme: f.theme,
      streetCode,
      ...(f.communityCode ? { communityCode: f.communityCode } : {}),
      placeName: f.placeName.trim(),
      lng: f.point!.lng,
      lat: f.point!.lat,
      startAt: fromBeijing(f.date, f.start),
      endAt: fromBeijing(f.date, f.end),
      deadline: fromBeijing(f.deadlineDate, f.deadlineTime),
      capacity,
      categories: f.categories,
      outletIds: f.outletIds,
      description: f.description.trim(),
    },
  };
}
