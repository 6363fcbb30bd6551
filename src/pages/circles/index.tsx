import { Text, View } from '@tarojs/components';
import { stopPullDownRefresh, usePullDownRefresh } from '@tarojs/taro';
import { useEffect } from 'react';
import type { Res } from '@/types';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { pressable } from '@/services/a11y';
import { go } from '@/services/navigation';
import './index.scss';

type Item = Res<'circles.list'>[number];
const STATUS: Record<Item['circle']['status'], string> = { planned: '规划中', building: '建设中', built: '已建成' };
const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

/** 生活圈: the district's convenience index, progress against the plan, and every circle by street. */
export default function CirclesPage() {
  const circles = useAction('circles.list', {});
  const streets = useAction('geo.streets', {});
  const report = useAction('coverage.report', {});
  const progress = useAction('circles.progress', {});
  usePullDownRefresh(() => {
    circles.reload();
    report.reload();
    progress.reload();
  });
  useEffect(() => {
    if (!circles.loading) stopPullDownRefresh();
  }, [circles.loading]);

  const byStreet = new Map<string, Item[]>();
  for (const item of circles.data ?? [])
    byStreet.set(item.circle.streetCode, [...(byStreet.get(item.circle.streetCode) ?? []), item]);
  const d = report.data?.district;

  return (
    <Page name='circles'>
      {d && (
        <View className='card summary'>
          <Text className='summary-title'>全区便利性指数（步行 10 分钟）</Text>
          <Text className='summary-index'>{percent(d.index)}</Text>
          <Text className='muted block'>
            {d.located} 个有位置的社区中 {d.served} 个八类基本业态齐全；另有 {d.unlocated} 个社区位置待补充，暂不计入
          </Text>
        </View>
      )}
      {progress.data && (
        <View className='card progress'>
          <Text className='section-label block'>建设进度（计划 25 / 15 / 10 个）</Text>
          {progress.data.years.map((y) => (
            <View key={y.year} className='row progress-row'>
              <Text>{y.year} 年</Text>
              <Text className='muted'>
                已建成 {y.built} / 目标 {y.target}（建设中 {y.building}）
              </Text>
            </View>
          ))}
          <Text className='muted block'>未排期 {progress.data.unscheduled} 个</Text>
        </View>
      )}
      <StateView
        loading={circles.loading && !circles.data}
        error={circles.error}
        empty={(circles.data ?? []).length === 0}
        emptyText='尚未划定生活圈'
        onRetry={circles.reload}
      >
        {(streets.data ?? [])
          .filter((s) => byStreet.has(s.code))
          .map((s) => (
            <View key={s.code} className='street-group'>
              <Text className='section-title block'>{s.name}</Text>
              {byStreet.get(s.code)!.map(({ circle, basicCovered, figure }) => (
                <View
                  key={circle.id}
                  className='card circle-item'
                  {...pressable()}
                  onClick={() => go('circle', { id: circle.id })}
                >
                  <Text className='circle-name'>{circle.name}</Text>
                  <View className='badges'>
                    <Text className='badge badge-reach'>{circle.minutes} 分钟</Text>
                    <Text className='badge badge-year'>{circle.year ? `${circle.year} 年` : '未排期'}</Text>
                    <Text className={`badge badge-status-${circle.status}`}>{STATUS[circle.status]}</Text>
                    <Text className={`badge basic-badge ${basicCovered === 8 ? 'badge-ok' : 'badge-warn'}`}>
                      基本业态 {basicCovered}/8
                    </Text>
                  </View>
                  <Text className='muted block'>
                    {circle.members.length} 个社区 · 便利性指数 {percent(figure.index)}
                  </Text>
                </View>
              ))}
            </View>
          ))}
      </StateView>
    </Page>
  );
}
