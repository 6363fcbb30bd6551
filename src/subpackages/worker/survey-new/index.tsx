import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { QUESTION_KINDS, type QuestionKind } from '../../../../types';
import FormField from '../../../components/FormField';
import StateView from '../../../components/StateView';
import { routeUrl } from '../../../constants/routes';
import { useAction } from '../../../hooks/useAction';
import { ApiError, callCloud } from '../../../services/api';
import { fromBeijing } from '../../../services/time';

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
}

/** A worker asks the residents of their street (or community) questions, open between two dates. */
export default function SurveyNewPage() {
  const me = useAction('auth.me', {});
  const user = me.data?.user ?? null;
  const [title, setTitle] = useState('');
  const [closes, setCloses] = useState('');
  const [questions, setQuestions] = useState<Draft[]>([{ kind: 'single', title: '', options: '' }]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const setQ = (i: number, d: Partial<Draft>) => setQuestions((qs) => qs.map((q, j) => (j === i ? { ...q, ...d } : q)));

  if (me.loading) return <StateView loading error={null} />;
  if (!user || user.role !== 'worker' || !user.scope)
    return <StateView loading={false} error={null} empty emptyText='请以工作人员身份登录' />;
  const scope = user.scope;

  async function submit() {
    setError(null);
    if (title.trim().length < 2) return setError('请填写问卷标题');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(closes)) return setError('截止日期格式应为 2026-12-31');
    if (questions.some((q) => !q.title.trim())) return setError('每道题都要有题目');
    setBusy(true);
    try {
      const s = await callCloud('surveys.create', {
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
        })),
      });
      Taro.showToast({ title: '问卷已发布', icon: 'success' });
      void Taro.redirectTo({ url: routeUrl('surveyResults', { id: s.id }) });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '发布失败，请重试');
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className='page survey-new'>
      <View className='card'>
        <FormField name='survey-title' label='问卷标题' value={title} onChange={setTitle} />
        <FormField
          name='survey-closes'
          label='截止日期（北京时间当天 23:59 截止）'
          placeholder='2026-12-31'
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
              <Text key={k} className={`chip ${q.kind === k ? 'chip-on' : ''}`} onClick={() => setQ(i, { kind: k })}>
                {KIND_NAMES[k]}
              </Text>
            ))}
          </View>
          <Input
            className='form-input q-title'
            placeholder='题目'
            value={q.title}
            onInput={(e) => setQ(i, { title: e.detail.value })}
          />
          {(q.kind === 'single' || q.kind === 'multiple') && (
            <Input
              className='form-input q-options'
              placeholder='选项，用逗号分隔'
              value={q.options}
              onInput={(e) => setQ(i, { options: e.detail.value })}
            />
          )}
        </View>
      ))}
      <Button
        className='add-question'
        onClick={() => setQuestions((qs) => [...qs, { kind: 'rating', title: '', options: '' }])}
      >
        添加一题
      </Button>
      {error && <Text className='form-error block'>{error}</Text>}
      <Button className='btn-primary submit-survey' loading={busy} disabled={busy || undefined} onClick={submit}>
        发布问卷
      </Button>
    </View>
  );
}
