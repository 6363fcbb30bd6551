import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMe } from '@/hooks/useMe';
import { useTask } from '@/hooks/useMutation';
import { useShare } from '@/hooks/useShare';
import { exportGuideline, printPage } from '@/services/download';
import { pressable } from '@/services/a11y';
import { go, setTitle } from '@/services/navigation';
import { beijingDateTime } from '@/services/time';
import Notes from './Notes';
import './index.scss';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
const STATUS = { planned: '规划中', building: '建设中', built: '已建成' } as const;

/** A street's 一街一则 from live data, with the workers' section; printable, exportable as Word, shareable. */
export default function GuidelinePage() {
  const { params } = useRouter();
  const streetCode = params.streetCode ?? '';
  const view = useAction('guidelines.get', streetCode ? { streetCode } : null);
  const me = useMe();
  const g = view.data;
  useShare(g ? `${g.streetName}一街一则` : '一街一则', 'guideline', { streetCode });
  useEffect(() => {
    if (g) setTitle(`${g.streetName}一街一则`);
  }, [g]);
  const user = me.user;
  const canEdit =
    !!user &&
    (user.role === 'admin' ||
      (user.role === 'worker' && user.scope?.kind === 'street' && user.scope.streetCode === streetCode));
  const exportDoc = useTask(() => exportGuideline(streetCode), {
    success: (r) => (r === 'downloaded' ? '已下载 Word 文档' : null),
  });

  if (!streetCode)
    return (
      <Page name='guideline'>
        <StateView loading={false} error={null} empty emptyText='缺少街道参数' />
      </Page>
    );
  return (
    <Page name='guideline'>
      <StateView loading={view.loading && !g} error={view.error} onRetry={view.reload}>
        {g && (
          <>
            <View className='card'>
              <Text className='guideline-title block'>{g.streetName}社区商业生活服务业建设导则</Text>
              <Text className='muted block'>
                {g.date} 生成 · 第 {g.version} 版{g.updatedAt ? `（说明更新于 ${beijingDateTime(g.updatedAt)}）` : ''}
              </Text>
              <Text className='guideline-index block'>便利性指数 {pct(g.figure.index)}</Text>
              <Text className='muted block'>
                {g.figure.located} 个已定位社区中 {g.figure.served} 个步行 10 分钟内八类基本业态齐全
                {g.figure.unlocated ? `；${g.figure.unlocated} 个社区位置待补充` : ''}
              </Text>
            </View>
            <View className='card'>
              <Text className='section-label block'>社区</Text>
              {g.communities.map((c) => (
                <Text key={c.code} className='block line'>
                  {c.name}：{!c.located ? '位置待补充' : c.missing.length ? `缺 ${c.missing.join('、')}` : '八类齐全'}
                </Text>
              ))}
            </View>
            <View className='card'>
              <Text className='section-label block'>生活圈</Text>
              {g.circles.length === 0 && <Text className='muted block'>暂无</Text>}
              {g.circles.map((c) => (
                <Text
                  key={c.id}
                  className='block line link'
                  {...pressable()}
                  onClick={() => go('circle', { id: c.id })}
                >
                  {c.name}（{STATUS[c.status]}，{c.members} 个社区，指数 {pct(c.index)}）
                </Text>
              ))}
            </View>
            <View className='card'>
              <Text className='section-label block'>缺项与选址建议</Text>
              {g.gaps.length === 0 && <Text className='muted block'>八类基本业态均已覆盖全部已定位社区</Text>}
              {g.gaps.map((x) => (
                <View key={x.category} className='line'>
                  <Text className='block'>
                    {x.name}：{x.communities} 个社区缺少
                  </Text>
                  {x.suggestions.map((s) => (
                    <Text key={s} className='muted block'>
                      建议：{s}
                    </Text>
                  ))}
                </View>
              ))}
            </View>
            <View className='card'>
              <Text className='section-label block'>居民诉求最多</Text>
              {g.topDemand.length === 0 && <Text className='muted block'>暂无居民诉求</Text>}
              {g.topDemand.map((d) => (
                <Text key={d.category} className='block line'>
                  {d.name}：{d.count} 条
                </Text>
              ))}
            </View>
            <View className='card'>
              <Text className='section-label block'>推荐业态</Text>
              {g.recommended.map((r) => (
                <View key={r.tier} className='line'>
                  <Text className='block tier-title'>{r.title}</Text>
                  {r.items.map((i) => (
                    <Text key={i} className='block'>
                      · {i}
                    </Text>
                  ))}
                </View>
              ))}
            </View>
            <View className='card'>
              <Text className='section-label block'>示范网点与示范生活圈</Text>
              {g.featured.length === 0 && <Text className='muted block'>暂无</Text>}
              {g.featured.map((f) => (
                <Text key={`${f.kind}-${f.name}`} className='block line'>
                  ★ {f.year} {f.kind}：{f.name}（{f.reason}）
                </Text>
              ))}
            </View>
            <View className='card'>
              <Text className='section-label block'>街道工作说明</Text>
              <Text className='block notes-text'>{g.notes.trim() || '（尚未填写）'}</Text>
              {canEdit && <Notes g={g} />}
              {g.history.length > 0 && (
                <View className='history'>
                  {g.history.slice(0, 5).map((h) => (
                    <Text key={h.version} className='muted block'>
                      第 {h.version} 版 · {beijingDateTime(h.at)} · 当时指数 {pct(h.index)}
                    </Text>
                  ))}
                </View>
              )}
            </View>
            <View className='actions no-print'>
              {canEdit && (
                <Button
                  className='btn-primary export-docx'
                  loading={exportDoc.busy}
                  onClick={() => void exportDoc.run(undefined)}
                >
                  导出 Word 文档
                </Button>
              )}
              {process.env.TARO_ENV === 'h5' && (
                <Text className='link tap print-link' {...pressable()} onClick={printPage}>
                  打印本页
                </Text>
              )}
              {exportDoc.error && <Text className='form-error block'>{exportDoc.error}</Text>}
            </View>
          </>
        )}
      </StateView>
    </Page>
  );
}
