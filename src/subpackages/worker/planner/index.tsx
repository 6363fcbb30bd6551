import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Req, Res } from '@/types';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMe } from '@/hooks/useMe';
import { useMutation } from '@/hooks/useMutation';
import { pressable } from '@/services/a11y';
import { confirmAction } from '@/services/device';
import { go } from '@/services/navigation';
import './index.scss';

type Mode = 'communities' | 'fifteen' | 'merge';
type Proposal = Res<'circles.propose'>;
type Current = Res<'circles.list'>[number]['circle'];

const MODES: { mode: Mode; label: string }[] = [
  { mode: 'communities', label: '按社区重新划分' },
  { mode: 'fifteen', label: '由一刻钟生活圈拆分' },
  { mode: 'merge', label: '合并小生活圈' },
];
const reachName = (m: 8 | 10) => (m === 8 ? '八分钟' : '十分钟');

function requestOf(mode: Mode, minutes: 8 | 10, streetCode: string): Req<'circles.propose'> {
  return {
    minutes,
    ...(streetCode ? { streetCode } : {}),
    ...(mode === 'fifteen' ? { from: 'fifteen' as const } : {}),
    ...(mode === 'merge' ? { merge: true } : {}),
  };
}

/** What accepting replaces, said before it happens (see circles/propose.ts acceptCircles and merge.ts applyMerge). */
function acceptText(mode: Mode, minutes: 8 | 10, p: Proposal, current: Current[]): string {
  const after = p.counts?.after ?? p.circles.length;
  if (mode === 'merge') {
    const gone = (p.counts?.before ?? 0) - after;
    return `现有 ${p.counts?.before ?? 0} 个生活圈将合并为 ${after} 个：每组保留一个生活圈（名称、年度和建设状态不变），其余 ${gone} 个删除，它们的社区并入保留的生活圈。`;
  }
  const official = current.filter((c) => c.source === 'official').length;
  const scheduled = current.filter((c) => c.year !== null || c.status !== 'planned').length;
  const replaced = current.length
    ? `将删除现有全部 ${current.length} 个八分钟、十分钟生活圈${
        official ? `（其中 ${official} 个为已采纳的正式生活圈，也会被替换）` : ''
      }${scheduled ? `，其中 ${scheduled} 个已排年度或在建、已建成，这些信息不会保留` : ''}。`
    : '目前没有八分钟、十分钟生活圈。';
  return `${replaced}新方案共 ${after} 个${reachName(minutes)}生活圈，均为“规划中”、未排年度。一刻钟（15 分钟）生活圈保留不变。`;
}

/**
 * 生活圈规划: an admin proposes the district's circles (by community, split from the 15-minute circles, or merging
 * small ones), compares them with the current ones and accepts the proposal; a street worker sees their own
 * street's proposal only, to read.
 */
export default function PlannerPage() {
  const me = useMe();
  const role = me.role;
  const admin = role === 'admin';
  const ownStreet = role === 'worker' ? (me.user?.scope?.streetCode ?? '') : '';
  const staff = admin || role === 'worker';
  const streets = useAction('geo.streets', staff ? {} : null);
  const progress = useAction('circles.progress', staff ? {} : null);
  const list = useAction('circles.list', admin ? {} : null);
  const [mode, setMode] = useState<Mode>('communities');
  const [minutes, setMinutes] = useState<8 | 10>(10);
  const [chosenStreet, setStreet] = useState('');
  const [asked, setAsked] = useState<{ mode: Mode; minutes: 8 | 10; req: Req<'circles.propose'> } | null>(null);
  const [accepted, setAccepted] = useState<{ mode: Mode; count: number } | null>(null);
  const proposal = useAction('circles.propose', asked?.req ?? null);
  const accept = useMutation('circles.save', {
    invalidates: [
      'circles.list',
      'circles.get',
      'circles.progress',
      'circles.propose',
      'coverage.report',
      'geo.communities',
      'geo.community',
    ],
    success: '已采用此方案',
  });

  if (!me.loading && !staff)
    return (
      <Page name='planner'>
        <StateView loading={false} error={null} empty emptyText='只有街道工作人员和区商务局管理员可以使用生活圈规划' />
      </Page>
    );

  const street = role === 'worker' ? ownStreet : chosenStreet;
  const streetName = (code: string) => streets.data?.find((s) => s.code === code)?.name ?? '';
  const fifteenCount = progress.data?.fifteen ?? 0;
  const noFifteen = mode === 'fifteen' && !!progress.data && fifteenCount === 0;
  const current = (list.data ?? []).map((x) => x.circle).filter((c) => c.minutes !== 15);

  const propose = () => {
    setAccepted(null);
    accept.reset();
    setAsked({ mode, minutes, req: requestOf(mode, minutes, street) });
  };

  const p = proposal.data;
  const shown = asked && p ? asked : null;
  const adopt = async () => {
    if (!shown || !p) return;
    const ok = await confirmAction('采用此方案', acceptText(shown.mode, shown.minutes, p, current));
    if (!ok) return;
    const out = await accept.run({
      op: 'accept',
      minutes: shown.minutes,
      ...(shown.mode === 'merge' ? { merge: true } : { replace: true }),
      ...(shown.mode === 'fifteen' ? { from: 'fifteen' as const } : {}),
    });
    if (out)
      setAccepted({ mode: shown.mode, count: shown.mode === 'merge' ? (p.counts?.after ?? 0) : out.circles.length });
  };

  return (
    <Page name='planner'>
      <View className='card'>
        <Text className='section-label block'>划分方式</Text>
        <View className='chips-wrap'>
          {MODES.map((m) => (
            <Text
              key={m.mode}
              className={`chip mode-${m.mode} ${mode === m.mode ? 'chip-on' : ''}`}
              {...pressable(mode === m.mode)}
              onClick={() => setMode(m.mode)}
            >
              {m.label}
            </Text>
          ))}
        </View>
        <Text className='muted block'>
          {mode === 'communities' && '按各社区的位置重新划分，每个社区到生活圈中心的步行时间不超过所选分钟数。'}
          {mode === 'fifteen' &&
            (progress.data
              ? fifteenCount > 0
                ? `把已导入的 ${fifteenCount} 个一刻钟生活圈各自拆分为更小的生活圈。`
                : '尚未导入一刻钟（15 分钟）生活圈，无法拆分：请先在“数据导入”中导入区里的生活圈规划。'
              : '正在查询一刻钟生活圈…')}
          {mode === 'merge' && '把同一街道中步行范围内放得下的小生活圈合并为一个。'}
        </Text>
        <Text className='section-label block'>步行时间</Text>
        <View className='chips-wrap'>
          {([10, 8] as const).map((m) => (
            <Text
              key={m}
              className={`chip reach-${m} ${minutes === m ? 'chip-on' : ''}`}
              {...pressable(minutes === m)}
              onClick={() => setMinutes(m)}
            >
              {m} 分钟
            </Text>
          ))}
        </View>
        <Text className='section-label block'>范围</Text>
        {role === 'worker' ? (
          <Text className='block street-fixed'>{streetName(ownStreet) || '本街道'}（仅本街道）</Text>
        ) : (
          <View className='chips-wrap'>
            {[{ code: '', name: '全区' }, ...(streets.data ?? [])].map((s) => (
              <Text
                key={s.code || 'all'}
                className={`chip ${chosenStreet === s.code ? 'chip-on' : ''}`}
                {...pressable(chosenStreet === s.code)}
                onClick={() => setStreet(s.code)}
              >
                {s.name}
              </Text>
            ))}
          </View>
        )}
        <Button
          className='btn-primary propose-btn'
          disabled={noFifteen || proposal.loading || undefined}
          loading={proposal.loading}
          onClick={propose}
        >
          生成方案
        </Button>
      </View>

      {accepted && (
        <View className='card accepted'>
          <Text className='accepted-title block'>已采用此方案</Text>
          <Text className='block'>
            {accepted.mode === 'merge'
              ? `小生活圈已合并，现有 ${accepted.count} 个生活圈。`
              : `现有 ${accepted.count} 个新划分的生活圈，均为“规划中”。`}
          </Text>
          <Button className='tool-link circles-link' onClick={() => go('circles')}>
            查看生活圈
          </Button>
        </View>
      )}

      {asked && (
        <StateView
          loading={proposal.loading && !p}
          error={proposal.error}
          empty={!!p && p.circles.length === 0 && p.unassigned.length === 0}
          emptyText='没有可划分的社区'
          onRetry={proposal.reload}
        >
          {p && shown && <ProposalView p={p} mode={shown.mode} streetName={streetName} />}
          {p && shown && admin && !accepted && (
            <View className='card adopt'>
              {accept.error && <Text className='form-error block'>{accept.error}</Text>}
              {shown.req.streetCode ? (
                <Text className='muted block'>采用方案针对全区：请把范围选为“全区”后重新生成，再采用。</Text>
              ) : (
                <Button
                  className='btn-primary adopt-btn'
                  loading={accept.busy}
                  disabled={accept.busy || p.circles.length === 0 || undefined}
                  onClick={() => void adopt()}
                >
                  采用此方案
                </Button>
              )}
            </View>
          )}
          {p && role === 'worker' && (
            <Text className='muted block worker-note'>方案仅供参考，由区商务局管理员统一采用。</Text>
          )}
        </StateView>
      )}
    </Page>
  );
}

function ProposalView({ p, mode, streetName }: { p: Proposal; mode: Mode; streetName: (code: string) => string }) {
  const before = p.counts?.before ?? 0;
  const after = p.counts?.after ?? p.circles.length;
  const placed = p.placed;
  const detail = p.unassignedDetail ?? [];
  const unlocated = detail.filter((c) => !c.located).length;
  const codes = [...new Set([...p.circles.map((c) => c.streetCode), ...detail.map((c) => c.streetCode)])];
  return (
    <>
      <View className='card compare'>
        <Text className='section-label block'>调整前后对比</Text>
        <View className='row compare-row compare-circles'>
          <Text>{mode === 'fifteen' ? '一刻钟生活圈 → 新生活圈' : '生活圈'}</Text>
          <Text className='compare-figure'>
            {before} → {after} 个
          </Text>
        </View>
        {placed && (
          <View className='row compare-row compare-placed'>
            <Text>已划入生活圈的社区</Text>
            <Text className='compare-figure'>
              {placed.before} → {placed.after} 个
            </Text>
          </View>
        )}
        {placed && (
          <View className='row compare-row compare-unassigned'>
            <Text>未划入的社区</Text>
            <Text className='compare-figure'>
              {placed.total - placed.before} → {p.unassigned.length} 个
            </Text>
          </View>
        )}
        <Text className='muted block compare-unlocated'>其中位置待补充 {unlocated} 个，补充位置后可再划入。</Text>
      </View>
      {codes.map((code) => {
        const circles = p.circles.filter((c) => c.streetCode === code);
        const left = detail.filter((c) => c.streetCode === code);
        return (
          <View key={code} className='street-plan'>
            <Text className='section-title block'>
              {streetName(code) || '街道'}（{circles.length} 个生活圈）
            </Text>
            {circles.map((c, i) => (
              <View key={`${c.name}-${i}`} className='card plan-circle'>
                <Text className='plan-name block'>{c.name}</Text>
                <Text className='muted block'>
                  {c.members.length} 个社区 ·{' '}
                  {c.farthestMinutes === null || c.farthestMinutes === undefined
                    ? '社区位置待补充'
                    : `最远步行约 ${c.farthestMinutes} 分钟`}
                  {c.minutes === 8 && p.minutes !== 8 ? ' · 八分钟试点' : ''}
                  {c.mergedFrom && c.mergedFrom.length > 1 ? ` · 由 ${c.mergedFrom.length} 个生活圈合并` : ''}
                </Text>
              </View>
            ))}
            {left.length > 0 && (
              <View className='card plan-left'>
                <Text className='section-label block'>未划入的社区</Text>
                {left.map((c) => (
                  <View key={c.code} className='row left-item'>
                    <Text>{c.name}</Text>
                    <Text className={`badge ${c.located ? 'badge-info' : 'badge-warn'}`}>
                      {c.located ? '未在生活圈内' : '位置待补充'}
                    </Text>
                  </View>
                ))}
              </View>
            )}
          </View>
        );
      })}
    </>
  );
}
