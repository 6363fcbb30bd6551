import { Button, Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { CATEGORY_BY_ID, type AnswerValue, type CategoryId, type Question } from '@/types';
import CopyLink from '@/components/CopyLink';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import SurveyAudience from '@/components/SurveyAudience';
import { useAction } from '@/hooks/useAction';
import { useMutation } from '@/hooks/useMutation';
import { pressable } from '@/services/a11y';
import { useShare } from '@/hooks/useShare';
import './index.scss';

/** One survey: answer each question once; the answers show after submitting. */
export default function SurveyPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const data = useAction('surveys.get', id ? { id } : null);
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const [done, setDone] = useState(false);
  const set = (q: string, v: AnswerValue) => setAnswers((a) => ({ ...a, [q]: v }));
  const toggle = (q: string, opt: string) => {
    const cur = (answers[q] as string[] | undefined) ?? [];
    set(q, cur.includes(opt) ? cur.filter((x) => x !== opt) : [...cur, opt]);
  };

  const answer = useMutation('surveys.answer', {
    invalidates: ['surveys.get', 'surveys.list'],
    success: '感谢参与',
    onSuccess: () => setDone(true),
  });
  const submit = () => answer.run({ id, answers });
  const busy = answer.busy;
  // A question's error arrives as the field `answers.<question id>`, its message naming the field first.
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(answer.fieldErrors))
    errors[field.replace(/^answers\./, '')] = message.replace(/^参数 \S+ 有误：/, '');
  if (answer.formError) errors.form = answer.formError;

  const d = data.data;
  useShare(d ? `问卷：${d.survey.title}（面向${d.audience}居民）` : '社区问卷', 'survey', { id });
  const options = (q: Question) => (q.kind === 'missing' ? (d?.missingOptions ?? []) : q.options);
  const label = (q: Question, o: string) => (q.kind === 'missing' ? (CATEGORY_BY_ID[o as CategoryId]?.name ?? o) : o);
  return (
    <Page name='survey'>
      <StateView loading={data.loading && !d} error={data.error} onRetry={data.reload}>
        {d && (
          <>
            <View className='card'>
              <Text className='survey-title block'>{d.survey.title}</Text>
              {d.survey.description && <Text className='muted block'>{d.survey.description}</Text>}
            </View>
            <SurveyAudience audience={d.audience} forMe={d.forMe} />
            {d.mine || done ? (
              <View className='card'>
                <Text className='answered block'>您已提交这份问卷，感谢参与！每人只能提交一次。</Text>
              </View>
            ) : !d.forMe ? null : !d.open ? (
              <View className='card'>
                <Text className='muted'>问卷不在填写时间内</Text>
              </View>
            ) : (
              <>
                {d.survey.questions.map((q, i) => (
                  <View key={q.id} className={`card question question-${q.id}`}>
                    <Text className='question-title block'>
                      {i + 1}. {q.title}
                      {q.required !== false ? ' *' : ''}
                    </Text>
                    {q.required === false && <Text className='muted block optional-note'>选答题，可不填</Text>}
                    {(q.kind === 'single' || q.kind === 'multiple' || q.kind === 'missing') && (
                      <View className='chips-wrap'>
                        {options(q).map((o) => {
                          const on =
                            q.kind === 'single'
                              ? answers[q.id] === o
                              : ((answers[q.id] as string[] | undefined) ?? []).includes(o);
                          return (
                            <Text
                              key={o}
                              className={`chip ${on ? 'chip-on' : ''}`}
                              {...pressable(on)}
                              onClick={() => (q.kind === 'single' ? set(q.id, o) : toggle(q.id, o))}
                            >
                              {label(q, o)}
                            </Text>
                          );
                        })}
                      </View>
                    )}
                    {q.kind === 'rating' && (
                      <View className='chips-wrap'>
                        {[1, 2, 3, 4, 5].map((n) => (
                          <Text
                            key={n}
                            className={`chip rating-${n} ${answers[q.id] === n ? 'chip-on' : ''}`}
                            {...pressable(answers[q.id] === n)}
                            onClick={() => set(q.id, n)}
                          >
                            {n} 分
                          </Text>
                        ))}
                      </View>
                    )}
                    {q.kind === 'text' && (
                      <Textarea
                        className='answer-text'
                        nativeProps={{ 'aria-label': q.title }}
                        maxlength={500}
                        value={(answers[q.id] as string) ?? ''}
                        onInput={(e) => set(q.id, e.detail.value)}
                      />
                    )}
                    {errors[q.id] && <Text className='form-error block'>{errors[q.id]}</Text>}
                  </View>
                ))}
                {errors.form && <Text className='form-error block'>{errors.form}</Text>}
                <Button
                  className='btn-primary submit-survey'
                  loading={busy}
                  disabled={busy || undefined}
                  onClick={submit}
                >
                  提交
                </Button>
              </>
            )}
          </>
        )}
      </StateView>
      <CopyLink name='survey' params={{ id }} />
    </Page>
  );
}
