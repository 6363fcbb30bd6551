import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import StreetChips from '@/components/StreetChips';
import { useAction } from '@/hooks/useAction';
import { useMe } from '@/hooks/useMe';
import { useTask } from '@/hooks/useMutation';
import { saveCsv } from '@/services/download';
import { beijingDate, beijingDateTime } from '@/services/time';
import Bars from './Bars';
import ConfigForm from './ConfigForm';
import { streetsCsv, trendCsv } from './csv';
import StreetTable from './StreetTable';
import TrendChart from './TrendChart';
import { DEMAND_LABEL, OUTLET_LABEL } from './labels';
import './index.scss';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

/** Supervision (监测评价): the district (admin) or the worker's street — the index over time and every figure. */
export default function DashboardPage() {
  const me = useMe();
  const user = me.user;
  const admin = user?.role === 'admin';
  const staff = admin || user?.role === 'worker';
  const [street, setStreet] = useState<string | null>(null);
  const streets = useAction('geo.streets', admin ? {} : null);
  const board = useAction('supervision.dashboard', staff ? (street ? { streetCode: street } : {}) : null);
  const progress = useAction('circles.progress', staff ? {} : null);
  const exportCsv = useTask(
    async (what: 'streets' | 'trend') => {
      if (!board.data) return null;
      const d = board.data;
      const name = d.scope.kind === 'street' ? d.scope.streetName : '西城区';
      const csv = what === 'streets' ? streetsCsv(d) : trendCsv(d);
      return saveCsv(`${name}-${what === 'streets' ? '街道监测表' : '便利性指数'}-${beijingDate(Date.now())}.csv`, csv);
    },
    { success: (r) => (r === 'copied' ? '已复制，可粘贴到表格' : r ? '已下载' : null) },
  );

  if (!staff)
    return (
      <Page name='dashboard'>
        <StateView
          loading={me.loading}
          error={null}
          empty
          emptyText='此页面供街道工作人员和区商务局使用，请先以相应身份登录'
        />
      </Page>
    );
  const d = board.data;
  return (
    <Page name='dashboard'>
      {admin && <StreetChips streets={streets.data ?? []} value={street} onChange={setStreet} allLabel='全区' />}
      <StateView loading={board.loading && !d} error={board.error} onRetry={board.reload}>
        {d && (
          <>
            <View className='card summary'>
              <Text className='section-label block'>
                {d.scope.kind === 'street' ? d.scope.streetName : '西城区'} 十分钟便利性指数
              </Text>
              <Text className='figure block'>{pct(d.figure.index)}</Text>
              <Text className='muted block'>
                {d.figure.located} 个已定位社区中 {d.figure.served} 个八类齐全；{d.figure.unlocated} 个位置待补充
                {d.computedAt ? ` · 更新于 ${beijingDateTime(d.computedAt)}` : ''}
              </Text>
            </View>
            <View className='card'>
              <Text className='section-label block'>便利性指数变化（每日记录）</Text>
              <TrendChart trend={d.trend} />
              <Button className='btn-primary' onClick={() => void exportCsv.run('trend')}>
                导出指数记录（CSV）
              </Button>
            </View>
            {progress.data && (
              <View className='card progress'>
                <Text className='section-label block'>生活圈建设进度（全区计划 25 / 15 / 10 个）</Text>
                {progress.data.years.map((y) => (
                  <Text key={y.year} className='block'>
                    {y.year} 年：计划 {y.target} 个，已建成 {y.built} 个，在建 {y.building} 个（累计 {y.cumulativeBuilt}
                    /{y.cumulativeTarget}）
                  </Text>
                ))}
              </View>
            )}
            <View className='card'>
              <Text className='section-label block'>各街道（点街道名查看一街一则）</Text>
              <StreetTable streets={d.streets} />
              <Button className='btn-primary' onClick={() => void exportCsv.run('streets')}>
                导出街道表（CSV）
              </Button>
              {exportCsv.error && <Text className='form-error block'>{exportCsv.error}</Text>}
            </View>
            <Bars
              title='网点（按审核状态）'
              items={d.outlets.byStatus.map((o) => ({ label: OUTLET_LABEL[o.status], count: o.count }))}
            />
            <Bars
              title='已上线网点（按业态类别）'
              items={d.outlets.byTier.map((o) => ({ label: o.name, count: o.count }))}
            />
            <Bars
              title='居民诉求（按类别）'
              items={d.demand.byCategory.map((x) => ({ label: x.name, count: x.count }))}
            />
            <Bars
              title='居民诉求（按办理状态）'
              items={d.demand.byStatus.map((x) => ({ label: DEMAND_LABEL[x.status], count: x.count }))}
            />
            <Bars title='评价星级分布' items={d.ratings.map((count, i) => ({ label: `${i + 1} 星`, count }))} />
            <View className='card'>
              <Text className='section-label block'>活动与问卷</Text>
              <Text className='block'>
                {d.events.year} 年已举办便民活动 {d.events.held} 场，到场 {d.events.reached} 人次
              </Text>
              <Text className='block'>
                问卷 {d.surveys.count} 份，共 {d.surveys.answers} 人次参与
              </Text>
            </View>
            {admin && <ConfigForm />}
          </>
        )}
      </StateView>
    </Page>
  );
}
