import { Button, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import StateView from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { ApiError, callCloud } from '../../../services/api';
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

async function runImport(kind: Kind, csv: string, dryRun: boolean): Promise<AnyReport> {
  if (kind === 'locations') return { kind, report: await callCloud('geo.importLocations', { csv, dryRun }) };
  if (kind === 'plan') return { kind, report: await callCloud('circles.importPlan', { csv, dryRun }) };
  return { kind, report: await callCloud('geo.importPopulation', { csv, dryRun }) };
}

/** The admin brings in community locations, the district's circle plan and population figures from CSV files. */
export default function DataImportPage() {
  const me = useAction('auth.me', {});
  const [kind, setKind] = useState<Kind>('locations');
  const [csv, setCsv] = useState('');
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ value: AnyReport; dryRun: boolean } | null>(null);

  if (me.loading || me.error) return <StateView loading={me.loading} error={me.error} onRetry={me.reload} />;
  if (me.data?.user?.role !== 'admin')
    return <StateView loading={false} error={null} empty emptyText='仅区商务局管理员可以导入数据' />;
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
    setBusy(dryRun ? 'check' : 'import');
    try {
      setResult({ value: await runImport(kind, csv, dryRun), dryRun });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '导入失败，请重试');
    } finally {
      setBusy(null);
    }
  }

  return (
    <View className='page data-import'>
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
      {error && <Text className='form-error'>{error}</Text>}
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
    </View>
  );
}
