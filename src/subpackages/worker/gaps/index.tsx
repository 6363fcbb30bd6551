import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { BASIC_CATEGORIES, CATEGORY_BY_ID, type CategoryId } from '@/types';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import StreetChips from '@/components/StreetChips';
import { useAction } from '@/hooks/useAction';
import { useMe } from '@/hooks/useMe';
import { pressable } from '@/services/a11y';
import DemandList from './DemandList';
import SitingMap from './SitingMap';
import './index.scss';

const name = (c: string) => CATEGORY_BY_ID[c as CategoryId]?.name ?? c;

/** For workers and admins: which communities of a street lack which basic services, and where to add one. */
export default function GapsPage() {
  const { params } = useRouter();
  const me = useMe();
  const streets = useAction('geo.streets', {});
  const user = me.user;
  const scoped = user?.role === 'worker' ? (user.scope?.streetCode ?? null) : null;
  const [chosen, setChosen] = useState<string | null>(params.streetCode ?? null);
  const street = scoped ?? chosen ?? streets.data?.[0]?.code ?? null;
  const [category, setCategory] = useState<CategoryId | null>(null);

  const gaps = useAction('coverage.gaps', street ? { streetCode: street } : null);
  const siting = useAction('coverage.siting', street && category ? { category, k: 3, streetCode: street } : null);
  const allowed = user && (user.role === 'admin' || user.role === 'worker');

  if (me.loading && !user)
    return (
      <Page name='gaps'>
        <StateView loading error={null} />
      </Page>
    );
  if (!allowed)
    return (
      <Page name='gaps'>
        <StateView loading={false} error={null} empty emptyText='此页面供社区工作者和管理员使用，请先以相应身份登录' />
      </Page>
    );

  const list = gaps.data ?? [];
  const lacking = BASIC_CATEGORIES.filter((c) => list.some((g) => g.missing.includes(c)));
  return (
    <Page name='gaps'>
      {user.role === 'admin' && (
        <StreetChips
          streets={streets.data ?? []}
          value={street}
          onChange={(code) => (setChosen(code), setCategory(null))}
        />
      )}
      <StateView
        loading={gaps.loading && !gaps.data}
        error={gaps.error}
        empty={list.length === 0}
        emptyText='本街道没有已定位的社区'
        onRetry={gaps.reload}
      >
        <View className='card'>
          <Text className='section-label block'>选择缺项业态，查看建议选址</Text>
          {lacking.length === 0 && <Text className='muted block'>所有已定位社区的八类基本业态均已齐全</Text>}
          <View className='chips-wrap'>
            {lacking.map((c) => (
              <Text
                key={c}
                className={`chip ${category === c ? 'chip-on' : ''}`}
                {...pressable(category === c)}
                onClick={() => setCategory(c)}
              >
                {name(c)}（缺 {list.filter((g) => g.missing.includes(c)).length}）
              </Text>
            ))}
          </View>
        </View>
        <SitingMap gaps={list} category={category} picks={siting.data?.picks ?? []} />
        {category && (
          <StateView loading={siting.loading} error={siting.error}>
            <View className='card'>
              <Text className='section-label block'>{name(category)}：建议选址（每处可新覆盖的社区数）</Text>
              {(siting.data?.picks ?? []).map((p, i) => (
                <View key={i} className='row pick-row'>
                  <Text>
                    {i + 1}.{' '}
                    {p.label === '网格点'
                      ? `网格点 ${p.point.coordinates[0].toFixed(4)}, ${p.point.coordinates[1].toFixed(4)}`
                      : `${p.label}附近`}
                  </Text>
                  <Text className='badge badge-ok'>新覆盖 {p.covers.length} 个社区</Text>
                </View>
              ))}
            </View>
          </StateView>
        )}
        {street && <DemandList streetCode={street} />}
        {list
          .filter((g) => g.missing.length > 0)
          .map((g) => (
            <View key={g.communityCode} className='card gap-item'>
              <Text className='gap-name'>{g.communityName}</Text>
              {g.nearest
                .filter((n) => n.missing)
                .map((n) => (
                  <Text key={n.category} className='block gap-line'>
                    缺 {name(n.category)}：{n.minutes === null ? '步行 15 分钟内没有' : `最近约 ${n.minutes} 分钟`}
                  </Text>
                ))}
            </View>
          ))}
      </StateView>
    </Page>
  );
}
