import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { QUESTION_KINDS, type QuestionKind } from '@/types';
import FormField from '@/components/FormField';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import TimeField from '@/components/TimeField';
import { useMe } from '@/hooks/useMe';
import { useMutation } from '@/hooks/useMutation';
import { pressable } from '@/services/a11y';
import { replace } from '@/services/navigation';
import { beijingDate, fromBeijing } from '@/services/time';
import './index.scss';

const KIND_NAMES: Record<QuestionKind, string> = {
  single: '单选',
  multiple: '多选',
  rating: '打分',
  text: '文字',
  missing: '缺少的服务',
};
interface Draft {
  kind: QuestionKind;
  title: string;
  options: string;
  /** 必答 (the default) or 选答: an optional question may be left empty by residents. */
  required: boolean;
}

/** A worker asks the residents of their street (or community) questions, open between two dates. */
export default function SurveyNewPage() {
  const me = useMe();
  const user = me.user;
  const [title, setTitle] = useState('');
  const [closes, setCloses] = useState('');
  const [questions, setQuestions] = useState<Draft[]>([{ kind: 'single', title: '', options: '', required: true }]);
  const create = useMutation('surveys.create', {
    invalidates: ['surveys.list'],
    success: '问卷已发布',
    onSuccess: (s) => replace('surveyResults', { id: s.id }),
  });
  const error = create.error;
  const busy = create.busy;
  const setQ = (i: number, d: Partial<Draft>) => setQuestions((qs) => qs.map((q, j) => (j === i ? { ...q, ...d } : q)));

  if (me.loading && !user)
    return (
      <Page name='survey-new'>
        <StateView loading error={null} />
      </Page>
    );
  if (!user || user.role !== 'worker' || !user.scope)
    return (
      <Page name='survey-new'>
        <StateView loading={false} error={null} empty emptyText='请以工作人员身份登录' />
      </Page>
    );
  const scope = user.scope;

  function submit() {
    if (title.trim().length < 2) return create.fail('请填写问卷标题');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(closes)) return create.fail('请选择截止日期');
    if (questions.some((q) => !q.title.trim())) return create.fail('每道题都要有题目');
    void create.run({
      title: title.trim(),
      target:
        scope.kind === 'street'
          ? { kind: 'street', streetCode: scope.streetCode }
          : { kind: 'community', communityCode: scope.communityCode },
      opensAt: new Date().toISOString(),
      closesAt: fromBeijing(closes, '23:59'),
      questions: questions.map((q) => ({
        kind: q.kind,
        title: q.title.trim(),
        options: q.options
          .split(/[,，、]/)
          .map((o) => o.trim())
          .filter(Boolean),
        required: q.required,
      })),
    });
  }

  return (
    <Page name='survey-new'>
      <View className='card'>
        <FormField name='survey-title' label='问卷标题' value={title} onChange={setTitle} />
        <TimeField
          name='survey-closes'
          label='截止日期（北京时间当天 23:59 截止）'
          mode='date'
          start={beijingDate(new Date())}
          value={closes}
          onChange={setCloses}
        />
        <Text className='muted block'>面向：{scope.kind === 'street' ? '本街道全体居民' : '本社区居民'}</Text>
      </View>
      {questions.map((q, i) => (
        <View key={i} className={`card question-draft q-${i}`}>
          <Text className='section-label block'>第 {i + 1} 题</Text>
          <View className='chips-wrap'>
            {QUESTION_KINDS.map((k) => (
              <Text
                key={k}
                className={`chip ${q.kind === k ? 'chip-on' : ''}`}
                {...pressable(q.kind === k)}
                onClick={() => setQ(i, { kind: k })}
              >
                {KIND_NAMES[k]}
              </Text>
            ))}
          </View>
          <View className='chips-wrap'>
            <Text
              className={`chip q-required ${q.required ? 'chip-on' : ''}`}
              {...pressable(q.required, `第 ${i + 1} 题必答`)}
              onClick={() => setQ(i, { required: true })}
            >
              必答
            </Text>
            <Text
              className={`chip q-optional ${q.required ? '' : 'chip-on'}`}
              {...pressable(!q.required, `第 ${i + 1} 题选答（可不填）`)}
              onClick={() => setQ(i, { required: false })}
            >
              选答
            </Text>
          </View>
          <Input
            className='form-input q-title'
            nativeProps={{ 'aria-label': `第 ${i + 1} 题题目` }}
            placeholder='题目'
            value={q.title}
            onInput={(e) => setQ(i, { title: e.detail.value })}
          />
          {(q.kind === 'single' || q.kind === 'multiple') && (
            <Input
              className='form-input q-options'
              nativeProps={{ 'aria-label': `第 ${i + 1} 题选项` }}
              placeholder='选项，用逗号分隔'
              value={q.options}
              onInput={(e) => setQ(i, { options: e.detail.value })}
            />
          )}
        </View>
      ))}
      <Button
        className='add-question'
        onClick={() => setQuestions((qs) => [...qs, { kind: 'rating', title: '', options: '', required: true }])}
      >
        添加一题
      </Button>
      {error && <Text className='form-error block'>{error}</Text>}
      <Button className='btn-primary submit-survey' loading={busy} disabled={busy || undefined} onClick={submit}>
        发布问卷
      </Button>
    </Page>
  );
}
