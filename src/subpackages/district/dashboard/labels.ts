import type { DemandStatus, OutletStatus } from '@/types';

export const OUTLET_LABEL: Record<OutletStatus, string> = {
  pending: '待审核',
  approved: '已上线',
  rejected: '未通过',
  changes_requested: '待修改',
  suspended: '已暂停',
  closed: '已关闭',
};

export const DEMAND_LABEL: Record<DemandStatus, string> = {
  received: '已收到',
  planned: '已列入计划',
  resolved: '已解决',
};
