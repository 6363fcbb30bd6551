import { Button, Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMutation } from '@/hooks/useMutation';
import { openWorkbook, saveCsv, sendWorkbook } from '@/services/download';
import './index.scss';

/** Results: a bar chart per question, the average of ratings, the texts, and the count by community; CSV export. */
export default function SurveyResultsPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const r = useAction('surveys.results', id ? { id } : null);
  const [done, setDone] = useState<string | null>(null);
  // Which file the tap asked for (read when the answer arrives).
  const format = useRef<'xlsx' | 'csv' | 'send'>('xlsx');
  const exporter = useMutation('surveys.export', {
    failure: '导出失败',
    onSuccess: (res) => {
      if (format.current === 'csv')
        void saveCsv(res.filename, res.csv).then((how) =>
          setDone(how === 'copied' ? '结果已复制，可粘贴到表格中' : '已导出'),
        );
      else if (format.current === 'send') void sendWorkbook(res).catch(() => setDone('未能发送表格，请重试'));
      else
        void openWorkbook(res).then(
          () => setDone('已导出表格'),
          () => setDone('未能打开表格，请重试'),
        );
    },
  });
  const exportAs = (f: 'xlsx' | 'csv' | 'send') => {
    format.current = f;
    void exporter.run({ id });
  };
  const message = exporter.error ?? done;
  useDidShow(() => r.reload());

  const d = r.data;
  return (
    <Page name='survey-results'>
      <StateView loading={r.loading && !d} error={r.error} onRetry={r.reload}>
        {d && (
          <>
            <View className='card'>
              <Text className='results-title block'>{d.survey.title}</Text>
              <Text className='results-total block'>共 {d.total} 份</Text>
              <View className='row export-buttons'>
                <Button className='export-xlsx' loading={exporter.busy} onClick={() => exportAs('xlsx')}>
                  导出表格
                </Button>
                <Button className='export-csv' disabled={exporter.busy || undefined} onClick={() => exportAs('csv')}>
                  CSV
                </Button>
              </View>
              {message && <Text className='muted block'>{message}</Text>}
            </View>
            {d.questions.map((q, i) => (
              <View key={q.questionId} className='card chart'>
                <Text className='question-title block'>
                  {i + 1}. {q.title}（{q.answered} 人作答{q.average !== null ? `，平均 ${q.average} 分` : ''}）
                </Text>
                {q.options.map((o) => (
                  <View key={o.option} className='bar-row'>
                    <Text className='bar-label'>{o.option}</Text>
                    <View className='bar-track'>
                      <View className='bar-fill' style={{ width: `${o.percent}%` }} />
                    </View>
                    <Text className='bar-value'>
                      {o.count}（{o.percent}%）
                    </Text>
                  </View>
                ))}
                {q.texts.map((t, j) => (
                  <Text key={j} className='block text-answer'>
                    “{t}”
                  </Text>
                ))}
              </View>
            ))}
            <View className='card'>
              <Text className='question-title block'>按社区</Text>
              {d.byCommunity.map((c) => (
                <View key={c.communityCode ?? 'none'} className='row'>
                  <Text>{c.name}</Text>
                  <Text className='muted'>{c.count} 份</Text>
                </View>
              ))}
            </View>
          </>
        )}
      </StateView>
    </Page>
  );
}
