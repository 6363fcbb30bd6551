import { Button, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMe } from '@/hooks/useMe';
import { useSubscribe } from '@/hooks/useSubscribe';
import { pressable } from '@/services/a11y';
import { go } from '@/services/navigation';
import { beijingTime } from '@/services/time';
import './index.scss';

/** 问卷: the open surveys aimed at my community (workers also see the ones they run). */
export default function SurveysPage() {
  const list = useAction('surveys.list', {});
  const { user } = useMe();
  useDidShow(() => list.reload());
  const subscribe = useSubscribe(['surveyInvite']);
  const weapp = process.env.TARO_ENV === 'weapp';
  const worker = user?.role === 'worker' || user?.role === 'admin';
  return (
    <Page name='surveys'>
      {user && !user.homeCommunityCode && !worker && (
        <View className='card'>
          <Text className='muted'>设置“我的社区”后，可以看到面向您所在街道和社区的问卷。</Text>
          <Button onClick={() => go('mine')}>去设置</Button>
        </View>
      )}
      {weapp && user && !worker && (
        <Button className='subscribe-surveys' onClick={() => void subscribe()}>
          订阅问卷：有新问卷时通知我
        </Button>
      )}
      {user?.role === 'worker' && (
        <Button className='btn-primary new-survey' onClick={() => go('surveyNew')}>
          发布问卷
        </Button>
      )}
      <StateView
        loading={list.loading && !list.data}
        error={list.error}
        empty={(list.data ?? []).length === 0}
        emptyText='暂无进行中的问卷'
        onRetry={list.reload}
      >
        {(list.data ?? []).map(({ survey, open, answered, forMe }) => (
          <View key={survey.id} className='card survey-item'>
            <Text
              className='survey-title'
              {...(forMe ? pressable() : {})}
              onClick={() => (forMe ? go('survey', { id: survey.id }) : undefined)}
            >
              {survey.title}
            </Text>
            <Text className='muted block'>
              {open ? `截止 ${beijingTime(survey.closesAt)}` : `将于 ${beijingTime(survey.opensAt)} 开始`} · 已有{' '}
              {survey.answerCount} 人参与
            </Text>
            <View className='row'>
              {survey.demo && <Text className='badge badge-demo'>演示数据</Text>}
              {forMe && (
                <Text
                  className={`badge survey-go ${answered ? 'badge-ok' : 'badge-warn'}`}
                  {...pressable()}
                  onClick={() => go('survey', { id: survey.id })}
                >
                  {answered ? '✓ 已填写' : open ? '去填写 ›' : '未开始'}
                </Text>
              )}
              {worker && (
                <Text
                  className='badge results-link'
                  {...pressable()}
                  onClick={() => go('surveyResults', { id: survey.id })}
                >
                  查看结果
                </Text>
              )}
            </View>
          </View>
        ))}
      </StateView>
    </Page>
  );
}
