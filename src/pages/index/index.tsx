import { Text, View } from '@tarojs/components';
import { usePullDownRefresh, stopPullDownRefresh } from '@tarojs/taro';
import { useEffect } from 'react';
import { ROLE_LABELS } from '@/types';
import ElderSwitch from '@/components/ElderSwitch';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useElder } from '@/hooks/useElder';
import { useMe } from '@/hooks/useMe';
import { pressable } from '@/services/a11y';
import { go } from '@/services/navigation';
import ElderHome from './ElderHome';
import './index.scss';

/** Home: the district's 15 streets, each with how many of its communities are located; in 长辈版 a simple grid. */
export default function Home() {
  const { elder } = useElder();
  const { user } = useMe();
  const streets = useAction('geo.streets', elder ? null : {});
  usePullDownRefresh(() => streets.reload());
  useEffect(() => {
    if (!streets.loading) stopPullDownRefresh();
  }, [streets.loading]);

  const list = streets.data ?? [];
  const total = list.reduce((n, s) => n + s.communityCount, 0);
  const located = list.reduce((n, s) => n + s.locatedCount, 0);

  return (
    <Page name='home'>
      <View className='card hero'>
        <Text className='hero-title'>西城区十分钟便民生活圈</Text>
        <Text className='hero-sub'>步行十分钟，买菜、早餐、理发、洗衣、维修、快递都在身边</Text>
        <Text className='hero-user' {...pressable()} onClick={() => go('mine')}>
          {user ? `${user.nickname} · ${ROLE_LABELS[user.role]}` : '登录 / 切换身份 ›'}
        </Text>
      </View>

      <ElderSwitch />

      {elder ? (
        <ElderHome />
      ) : (
        <>
          <View className='card nearby-entry' {...pressable()} onClick={() => go('nearby')}>
            <Text className='nearby-entry-title'>附近的便民服务</Text>
            <Text className='muted'>买菜、早餐、理发、洗衣、维修、快递，看看步行 10 分钟内有什么 ›</Text>
          </View>

          <View className='card nearby-entry' {...pressable()} onClick={() => go('surveys')}>
            <Text className='nearby-entry-title'>问需于民</Text>
            <Text className='muted'>填写问卷、反映身边缺少的服务 ›</Text>
          </View>

          <View className='card nearby-entry events-entry' {...pressable()} onClick={() => go('events')}>
            <Text className='nearby-entry-title'>社区活动</Text>
            <Text className='muted'>便民商业服务进社区：报名、候补、现场签到 ›</Text>
          </View>

          <View className='section-title'>
            {streets.data ? `${list.length} 个街道 · ${total} 个社区 · ${located} 个已定位` : '街道'}
          </View>
          <StateView
            loading={streets.loading && !streets.data}
            error={streets.error}
            empty={list.length === 0}
            emptyText='暂无街道数据'
            onRetry={streets.reload}
          >
            {list.map((s) => (
              <View
                key={s.code}
                className='card street-item'
                {...pressable()}
                onClick={() => go('street', { code: s.code, name: s.name })}
              >
                <View className='row'>
                  <Text className='street-name'>{s.name}</Text>
                  <Text className='muted' aria-hidden='true'>
                    ›
                  </Text>
                </View>
                <View className='row street-meta'>
                  <Text className='muted'>
                    {s.communityCount} 个社区 · 已定位 {s.locatedCount}
                  </Text>
                  {s.locatedCount < s.communityCount && (
                    <Text className='badge badge-warn'>{s.communityCount - s.locatedCount} 个位置待补充</Text>
                  )}
                </View>
                <View className='bar' aria-hidden='true'>
                  <View
                    className='bar-fill'
                    style={{ width: `${s.communityCount ? (100 * s.locatedCount) / s.communityCount : 0}%` }}
                  />
                </View>
              </View>
            ))}
          </StateView>
        </>
      )}
    </Page>
  );
}
