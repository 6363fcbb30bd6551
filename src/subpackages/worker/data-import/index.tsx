import { Button, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useMe } from '@/hooks/useMe';
import { useMutation } from '@/hooks/useMutation';
import { go } from '@/services/navigation';
import type { ActionKey } from '@/types';
import { pickCsvText } from './pick-file';
import Report, { type AnyReport } from './Report';

type Kind = AnyReport['kind'];
const KINDS: { kind: Kind; name: string; columns: string; note: string }[] = [
  {
    kind: 'locations',
    name: '社区位置',
    columns: 'community_code,lng,lat[,source,note]',
    note: '坐标为 GCJ-02；距本街道其他已定位社区都超过 1.5 公里的会提醒核对。导入后重新计算覆盖情况。',
  },
  {
    kind: 'plan',
    name: '生活圈规划',
    columns: 'circle_id,name,street_code,minutes,community_codes[,year,status]',
    note: 'minutes 为 8、10 或 15；社区代码以 | 分隔。有任何一行出错则整份文件不写入；导入后替换同一层级的现有生活圈。',
  },
  {
    kind: 'population',
    name: '人口数据',
    columns: 'community_code,households,population[,source]',
    note: 'households 为户数（可留空），population 为居住人口；覆盖报告将增加按人口计算的指数。',
  },
];

/** The admin brings in community locations, the district's circle plan and population figures from CSV files. */
export default function DataImportPage() {
  const me = useMe();
  const [kind, setKind] = useState<Kind>('locations');
  const [csv, setCsv] = useState('');
  const [mode, setMode] = useState<'check' | 'import' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ value: AnyReport; dryRun: boolean } | null>(null);
  const options = {
    invalidates: ['geo.communities', 'geo.streets', 'circles.list', 'coverage.report'] as ActionKey[],
    failure: '导入失败，请重试',
  };
  const locations = useMutation('geo.importLocations', {
    ...options,
    onSuccess: (report, { dryRun }) => setResult({ value: { kind: 'locations', report }, dryRun: !!dryRun }),
  });
  const plan = useMutation('circles.importPlan', {
    ...options,
    onSuccess: (report, { dryRun }) => setResult({ value: { kind: 'plan', report }, dryRun: !!dryRun }),
  });
  const population = useMutation('geo.importPopulation', {
    ...options,
    onSuccess: (report, { dryRun }) => setResult({ value: { kind: 'population', report }, dryRun: !!dryRun }),
  });
  const importer = kind === 'locations' ? locations : kind === 'plan' ? plan : population;
  const busy = importer.busy ? mode : null;

  if (me.loading || me.error)
    return (
      <Page name='data-import'>
        <StateView loading={me.loading} error={me.error} onRetry={me.reload} />
      </Page>
    );
  if (me.role !== 'admin')
    return (
      <Page name='data-import'>
        <StateView loading={false} error={null} empty emptyText='仅区商务局管理员可以导入数据' />
      </Page>
    );
  const spec = KINDS.find((k) => k.kind === kind)!;

  async function choose() {
    setError(null);
    try {
      const text = await pickCsvText();
      if (text !== null) setCsv(text);
    } catch {
      setError('未能读取文件，也可以把文件内容粘贴到下面');
    }
  }

  async function run(dryRun: boolean) {
    setError(null);
    if (!csv.trim()) return setError('请先选择文件或粘贴内容');
    setMode(dryRun ? 'check' : 'import');
    await importer.run({ csv, dryRun });
  }

  return (
    <Page name='data-import'>
      <View className='chips-wrap'>
        {KINDS.map((k) => (
          <Text
            key={k.kind}
            className={`chip ${kind === k.kind ? 'chip-on' : ''}`}
            onClick={() => {
              setKind(k.kind);
              setResult(null);
            }}
          >
            {k.name}
          </Text>
        ))}
      </View>
      <View className='card'>
        <Text className='section-label block'>文件格式（CSV，UTF-8，第一行为表头）</Text>
        <Text className='block'>{spec.columns}</Text>
        <Text className='muted block'>{spec.note}</Text>
        <Text className='muted block'>以 # 开头的行是注释；sample 列为“是”的示例行不会导入。</Text>
      </View>
      {kind === 'locations' && (
        <Button className='tool-link secondary locate-one' onClick={() => go('communityLocate')}>
          不用文件：在地图上逐个补充社区位置
        </Button>
      )}
      <Button className='tool-link secondary' onClick={choose}>
        选择文件
      </Button>
      <Textarea
        className='form-input'
        value={csv}
        maxlength={-1}
        placeholder='或把 CSV 内容粘贴到这里'
        onInput={(e) => setCsv(e.detail.value)}
      />
      {(error ?? importer.error) && <Text className='form-error'>{error ?? importer.error}</Text>}
      <View className='row'>
        <Button size='mini' loading={busy === 'check'} disabled={!!busy} onClick={() => run(true)}>
          先检查（不写入）
        </Button>
        <Button
          size='mini'
          className='btn-primary'
          loading={busy === 'import'}
          disabled={!!busy}
          onClick={() => run(false)}
        >
          导入
        </Button>
      </View>
      {busy && <Text className='muted block'>{busy === 'check' ? '检查中…' : '导入中，完成后显示结果…'}</Text>}
      {result && <Report result={result.value} dryRun={result.dryRun} />}
    </Page>
  );
}
