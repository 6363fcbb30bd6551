import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { CircleEvaluation } from '@/types';
import { useAction } from '@/hooks/useAction';
import { useMutation } from '@/hooks/useMutation';
import { pressable } from '@/services/a11y';
import { beijing } from '@/services/time';

/**
 * For the admin: link the survey that measures satisfaction, mark the circle 已建成 although its evaluation has not
 * passed (a reason is required and kept), and designate it a 示范便民生活圈.
 */
export default function AdminTools({ evaluation }: { evaluation: CircleEvaluation }) {
  const circleId = evaluation.circleId;
  const surveys = useAction('surveys.list', {});
  const [reason, setReason] = useState('');
  const [pick, setPick] = useState<{ surveyId: string; questionId: string } | null>(null);
  const [showcase, setShowcase] = useState('');
  const refresh = ['supervision.evaluation', 'circles.get', 'circles.list', 'circles.progress'] as const;
  const override = useMutation('circles.save', { invalidates: refresh, success: '已标记为已建成（已记录理由）' });
  const link = useMutation('supervision.linkSurvey', { invalidates: refresh, success: '已关联满意度问卷' });
  const designate = useMutation('supervision.designate', {
    invalidates: ['supervision.designations'],
    success: '已认定为示范便民生活圈',
  });
  const questions = (surveys.data ?? []).flatMap(({ survey }) =>
    survey.questions
      .filter((q) => q.kind === 'rating' || q.kind === 'single')
      .map((q) => ({ surveyId: survey.id, questionId: q.id, label: `${survey.title}：${q.title}` })),
  );
  return (
    <View className='admin-tools'>
      <Text className='form-label block'>满意度问卷（打分题 4–5 分或“满意”选项计为满意）</Text>
      <View className='chips-wrap'>
        {questions.map((q) => {
          const on = pick?.surveyId === q.surveyId && pick.questionId === q.questionId;
          return (
            <Text
              key={`${q.surveyId}-${q.questionId}`}
              className={`chip ${on ? 'chip-on' : ''}`}
              {...pressable(on)}
              onClick={() => setPick({ surveyId: q.surveyId, questionId: q.questionId })}
            >
              {q.label}
            </Text>
          );
        })}
        {!questions.length && <Text className='muted'>暂无含打分题或单选题的问卷</Text>}
      </View>
      {pick && (
        <Button className='btn-primary' loading={link.busy} onClick={() => void link.run({ circleId, ...pick })}>
          关联为本圈满意度问卷
        </Button>
      )}
      {link.error && <Text className='form-error block'>{link.error}</Text>}
      {evaluation.status !== 'built' && !evaluation.passed && (
        <>
          <Text className='form-label block'>评价未通过时仍标记为已建成（须填写理由，将记录确认人和时间）</Text>
          <Input
            className='form-input override-reason'
            nativeProps={{ 'aria-label': '标记为已建成的理由' }}
            value={reason}
            placeholder='例如：区级验收会议确认'
            onInput={(e) => setReason(e.detail.value)}
          />
          <Button
            className='btn-primary'
            loading={override.busy}
            onClick={() => void override.run({ op: 'update', id: circleId, status: 'built', override: reason.trim() })}
          >
            仍标记为已建成
          </Button>
          {override.error && <Text className='form-error block'>{override.error}</Text>}
        </>
      )}
      <Text className='form-label block'>认定为示范便民生活圈（{beijing(Date.now()).year()} 年）</Text>
      <Input
        className='form-input showcase-reason'
        nativeProps={{ 'aria-label': '示范认定理由' }}
        value={showcase}
        placeholder='认定理由'
        onInput={(e) => setShowcase(e.detail.value)}
      />
      <Button
        className='btn-primary'
        loading={designate.busy}
        onClick={() =>
          void designate.run({
            kind: 'circle',
            targetId: circleId,
            year: beijing(Date.now()).year(),
            reason: showcase.trim(),
          })
        }
      >
        认定为示范
      </Button>
      {designate.error && <Text className='form-error block'>{designate.error}</Text>}
    </View>
  );
}
