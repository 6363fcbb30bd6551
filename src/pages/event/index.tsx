import { Button, Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { CATEGORY_BY_ID, type EventView } from '@/types';
import { SIGNUP_LABEL } from '@/components/EventCard';
import CopyLink from '@/components/CopyLink';
import Page from '@/components/Page';
import QrCode from '@/components/QrCode';
import StateView, { SignInButton } from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMe } from '@/hooks/useMe';
import { useSubscribe } from '@/hooks/useSubscribe';
import { useMutation } from '@/hooks/useMutation';
import { go, setTitle } from '@/services/navigation';
import { beijingRange, beijingTime } from '@/services/time';
import { useShare } from '@/hooks/useShare';
import './index.scss';

/** An event: time, place, services offered, seats; join or cancel; my status and my check-in code. */
export default function EventPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const loaded = useAction('events.get', id ? { id } : null);
  const me = useMe();
  const [view, setView] = useState<EventView | null>(null);
  useEffect(() => setView(loaded.data), [loaded.data]);
  const v = view;
  useShare(v ? `活动：${v.event.title}` : '社区活动', 'event', { id });
  useEffect(() => {
    if (v) setTitle(v.event.title);
  }, [v]);

  const affected = ['events.list', 'events.mine'] as const;
  const join = useMutation('events.join', { invalidates: affected, success: '报名成功', onSuccess: setView });
  const leave = useMutation('events.leave', { invalidates: affected, success: '已取消报名', onSuccess: setView });
  const subscribe = useSubscribe(['promoted', 'reminder', 'eventChanged']);
  const busy = join.busy || leave.busy;
  const error = join.error ?? leave.error;

  const [phone, setPhone] = useState('');
  function signUp() {
    const given = phone.trim();
    if (given && !/^1[3-9]\d{9}$/.test(given)) return join.fail('请填写 11 位手机号码，或留空', 'phone');
    void subscribe().then(() => join.run(given ? { id, phone: given } : { id }));
  }

  const signedIn = !!me.user;
  const live = v?.mine && v.mine.status !== 'cancelled' ? v.mine : null;
  const closed = v ? !v.joinable : false;
  if (!id)
    return (
      <Page name='event'>
        <StateView loading={false} error={null} empty emptyText='缺少活动参数' />
      </Page>
    );
  return (
    <Page name='event'>
      <StateView loading={loaded.loading && !v} error={loaded.error} onRetry={loaded.reload}>
        {v && (
          <>
            <View className='card'>
              <Text className='event-title block'>{v.event.title}</Text>
              <Text className='badge badge-theme'>{v.event.theme}</Text>
              {v.event.demo && <Text className='badge badge-demo'>演示数据</Text>}
              {v.event.status === 'cancelled' && <Text className='badge badge-warn'>活动已取消</Text>}
              <Text className='block'>时间：{beijingRange(v.event.startAt, v.event.endAt)}</Text>
              <Text className='block'>地点：{v.event.placeName}</Text>
              <Text className='block muted'>报名截止：{beijingTime(v.event.deadline)}</Text>
              {v.event.categories.length > 0 && (
                <Text className='block'>
                  提供服务：{v.event.categories.map((c) => CATEGORY_BY_ID[c].name).join('、')}
                </Text>
              )}
              {(v.participants ?? []).length > 0 && (
                <Text className='block'>参与商户：{(v.participants ?? []).map((p) => p.name).join('、')}</Text>
              )}
              {v.event.description && <Text className='block description'>{v.event.description}</Text>}
            </View>
            <View className='card seats'>
              <Text className='seats-count'>
                已报名 {v.event.confirmedCount} / 共 {v.event.capacity}
              </Text>
              <Text className='muted block'>
                {v.seatsLeft > 0 ? `还剩 ${v.seatsLeft} 个名额` : `名额已满，候补 ${v.waitlisted ?? 0} 人`}
              </Text>
              {live && (
                <Text className={`my-status block ${live.status}`}>
                  {live.status === 'confirmed' ? '✓ ' : '⏳ '}
                  我的状态：{SIGNUP_LABEL[live.status]}
                  {live.position ? `（候补第 ${live.position} 位，有人取消即自动递补）` : ''}
                </Text>
              )}
              {error && <Text className='form-error'>{error}</Text>}
              {!signedIn ? (
                <SignInButton text='登录后报名' />
              ) : live ? (
                <Button
                  className='btn-secondary'
                  loading={busy}
                  disabled={busy || undefined}
                  onClick={() => leave.run({ id })}
                >
                  取消报名
                </Button>
              ) : (
                <>
                  {!closed && (
                    <View className='contact'>
                      <Input
                        className='form-input contact-phone'
                        type='number'
                        maxlength={11}
                        nativeProps={{ 'aria-label': '联系电话（选填）' }}
                        placeholder='联系电话（选填）'
                        value={phone}
                        onInput={(e) => setPhone(e.detail.value)}
                      />
                      <Text className='muted block consent'>
                        选填。填写即表示同意本活动的街道（社区）工作人员在活动有变动时打电话联系您；号码不会公开，也不会出现在消息中。
                      </Text>
                    </View>
                  )}
                  <Button
                    className='btn-primary join'
                    loading={busy}
                    disabled={busy || closed || undefined}
                    onClick={signUp}
                  >
                    {closed ? '报名已截止' : v.seatsLeft > 0 ? '我要报名' : '报名候补'}
                  </Button>
                </>
              )}
            </View>
            {(me.role === 'worker' || me.role === 'admin') && (
              <Button className='btn-secondary' onClick={() => go('eventManage', { id })}>
                活动管理（工作人员）
              </Button>
            )}
            {live?.status === 'confirmed' && (
              <View className='card checkin'>
                <Text className='section-label block'>签到码（请在活动现场出示）</Text>
                <QrCode text={`xc-checkin:${v.event.id}:${live.checkInCode}`} />
                <Text className='checkin-code block'>{live.checkInCode}</Text>
                {live.checkedInAt && <Text className='badge badge-ok'>已签到 {beijingTime(live.checkedInAt)}</Text>}
              </View>
            )}
          </>
        )}
      </StateView>
      <CopyLink name='event' params={{ id }} />
    </Page>
  );
}
