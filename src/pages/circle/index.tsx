import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import CircleEvaluation from '@/components/CircleEvaluation';
import CopyLink from '@/components/CopyLink';
import DesignationBadge from '@/components/DesignationBadge';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMe } from '@/hooks/useMe';
import { pressable } from '@/services/a11y';
import { go, setTitle } from '@/services/navigation';
import AdminEdit from './AdminEdit';
import { useShare } from '@/hooks/useShare';
import './index.scss';

/** A circle: its basic services (x/8, each with the walk from its farthest member, missing ones marked), its members. */
export default function CirclePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const detail = useAction('circles.get', id ? { id } : null);
  const me = useMe();
  const d = detail.data;
  useShare(d ? `十分钟生活圈：${d.circle.name}` : '十分钟生活圈', 'circle', { id });
  useEffect(() => {
    if (d) setTitle(d.circle.name);
  }, [d]);

  if (!id)
    return (
      <Page name='circle'>
        <StateView loading={false} error={null} empty emptyText='缺少生活圈参数' />
      </Page>
    );
  return (
    <Page name='circle'>
      <StateView loading={detail.loading && !d} error={detail.error} onRetry={detail.reload}>
        {d && (
          <>
            <View className='card'>
              <Text className='circle-title'>{d.circle.name}</Text>
              <DesignationBadge kind='circle' targetId={d.circle.id} />
              <Text className='basic-count'>基本业态 {d.basicCovered}/8</Text>
              <Text className='muted block'>
                步行 {d.circle.minutes} 分钟 · {d.members.length} 个社区 ·{' '}
                {d.circle.year ? `${d.circle.year} 年` : '未排期'}
              </Text>
            </View>
            <View className='card'>
              <Text className='section-label block'>八类基本保障业态</Text>
              {d.categories.map((c) => (
                <View key={c.category} className={`row category-row ${c.missing ? 'is-missing' : ''}`}>
                  <Text>{c.name}</Text>
                  {c.missing ? (
                    <Text className='badge badge-warn'>
                      缺{c.coveredMembers > 0 ? `（${c.coveredMembers}/${d.figure.located} 个社区可达）` : ''}
                    </Text>
                  ) : (
                    <Text className='muted'>最远社区步行约 {c.minutes} 分钟</Text>
                  )}
                </View>
              ))}
            </View>
            <CircleEvaluation circleId={d.circle.id} />
            {me.role === 'admin' && <AdminEdit circle={d.circle} />}
            <View className='card'>
              <Text className='section-label block'>成员社区</Text>
              {d.members.map((m) => (
                <View
                  key={m.code}
                  className='member'
                  {...pressable()}
                  onClick={() => go('community', { code: m.code })}
                >
                  <View className='row'>
                    <Text>{m.name}</Text>
                    {!m.located ? (
                      <Text className='badge badge-warn'>位置待补充</Text>
                    ) : m.missing.length === 0 ? (
                      <Text className='badge badge-ok'>✓ 齐全</Text>
                    ) : (
                      <Text className='badge badge-warn'>缺 {m.missing.length} 类</Text>
                    )}
                  </View>
                  {!m.located && <Text className='muted'>计入规划，暂不计入便利性指数</Text>}
                  {m.located && !m.withinReach && (
                    <Text className='muted'>⚠ 距圈中心超过步行 {d.circle.minutes} 分钟，请街道核对</Text>
                  )}
                </View>
              ))}
            </View>
          </>
        )}
      </StateView>
      <CopyLink name='circle' params={{ id }} />
    </Page>
  );
}
