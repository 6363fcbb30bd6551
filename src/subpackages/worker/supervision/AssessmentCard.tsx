import { Text, View } from '@tarojs/components';
import type { Assessment } from '@/types';

/** An assessment with the figures behind its score. */
export default function AssessmentCard({ assessment: a }: { assessment: Assessment }) {
  const i = a.inputs;
  return (
    <View className='assessment block'>
      <Text className='block'>
        {a.periodKey}：{a.score} 分 {a.passed ? '合格' : '不合格'}
      </Text>
      {!a.passed && <Text className='form-error block'>{a.reasons.join('；')}</Text>}
      <Text className='muted block'>
        评价 {a.parts.ratings} · 经营 {a.parts.operation} · 检查 {a.parts.inspections} · 社区诉求 {a.parts.community}
      </Text>
      <Text className='muted block'>
        评分 {i.bayes === null ? '暂无' : i.bayes.toFixed(1)}（{i.ratingCount} 条），差评 {i.lowRatings}{' '}
        条；营业时长占比 {Math.round(i.openShare * 100)}%，暂停 {i.suspensions} 次，关闭 {i.closures} 次；检查{' '}
        {i.inspections} 次（合格 {i.checksPassed}、整改 {i.checksRectify}、不合格 {i.checksFailed} 项）；附近诉求{' '}
        {i.demandNear} 条
      </Text>
    </View>
  );
}
