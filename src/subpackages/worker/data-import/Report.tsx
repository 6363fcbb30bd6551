import { Text, View } from '@tarojs/components';
import type { ImportLine, LocationImportReport, PlanImportReport, PopulationImportReport } from '@/types';

export type AnyReport =
  | { kind: 'locations'; report: LocationImportReport }
  | { kind: 'plan'; report: PlanImportReport }
  | { kind: 'population'; report: PopulationImportReport };

function Lines({ title, lines }: { title: string; lines: ImportLine[] }) {
  if (!lines.length) return null;
  return (
    <View className='card'>
      <Text className='section-label block'>
        {title}（{lines.length} 行）
      </Text>
      {lines.map((l) => (
        <Text key={`${title}-${l.line}`} className='block'>
          第 {l.line} 行{l.code ? `（${l.code}）` : ''}：{l.messages.join('；')}
        </Text>
      ))}
    </View>
  );
}

/** What an import did (or, checked only, would do), with every refused or warned line by its number. */
export default function Report({ result, dryRun }: { result: AnyReport; dryRun: boolean }) {
  const { kind, report } = result;
  let summary: string;
  if (kind === 'locations')
    summary = `读取 ${report.read} 行：新定位 ${report.located}，更正 ${report.moved}，未变 ${report.unchanged}，拒绝 ${report.rejected.length}`;
  else if (kind === 'population')
    summary = `读取 ${report.read} 行：更新 ${report.updated}，未变 ${report.unchanged}，拒绝 ${report.rejected.length}；有人口数据的社区 ${report.withFigure} / ${report.total}`;
  else
    summary =
      `读取 ${report.read} 行：8 分钟 ${report.circles.eight}、10 分钟 ${report.circles.ten}、15 分钟 ${report.circles.fifteen} 个生活圈，` +
      `成员 ${report.members}（位置待补充 ${report.unlocatedMembers}）；${dryRun ? '将替换' : '替换'}现有生活圈 ${report.replaced} 个`;
  const state = report.written
    ? '已写入'
    : kind === 'plan' && report.rejected.length
      ? '文件有误，未写入任何内容'
      : dryRun
        ? '仅检查，未写入'
        : '没有需要写入的内容';
  return (
    <View>
      <View className='card'>
        <Text className='block'>{summary}</Text>
        <Text className={`block ${report.written ? '' : 'muted'}`}>{state}</Text>
        {kind === 'locations' && (
          <Text className='muted block'>
            仍待补充位置：
            {report.streets
              .filter((s) => s.remaining > 0)
              .map((s) => `${s.name} ${s.remaining}`)
              .join('，') || '无，全部社区均已有位置'}
          </Text>
        )}
      </View>
      <Lines title='拒绝' lines={report.rejected} />
      {'warnings' in report && <Lines title='提醒' lines={report.warnings} />}
    </View>
  );
}
