import { Button, Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { SIGNUP_LABEL } from '@/components/EventCard';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMutation, useTask } from '@/hooks/useMutation';
import { callPhone, confirmAction, scanQr } from '@/services/device';
import { openWorkbook, saveCsv, sendWorkbook } from '@/services/download';
import { beijingRange, beijingTime } from '@/services/time';
import './index.scss';

/** A worker runs an event: counts, attendee list, check-in (scan or type the code), CSV export, cancellation. */
export default function EventManagePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const data = useAction('events.attendees', id ? { id } : null);
  const [code, setCode] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const affected = ['events.attendees', 'events.get', 'events.list', 'events.mine'] as const;
  const checkInCall = useMutation('events.checkIn', {
    invalidates: affected,
    success: (res) => (res.alreadyCheckedIn ? '此前已签到' : '签到成功'),
    onSuccess: (res) => {
      setDone(res.alreadyCheckedIn ? '此前已签到' : '签到成功');
      setCode('');
    },
  });
  const scan = useTask(scanQr, {
    failure: '未能扫码，可直接输入签到码',
    onSuccess: (text) => checkIn(text),
  });
  // Which file the tap asked for (read when the answer arrives).
  const format = useRef<'xlsx' | 'csv' | 'send'>('xlsx');
  const exporter = useMutation('events.export', {
    failure: '导出失败',
    onSuccess: (res) => {
      setCsv(res.csv);
      if (format.current === 'csv')
        void saveCsv(res.filename, res.csv).then((how) => how === 'copied' && setDone('名单已复制，可粘贴到表格中'));
      else if (format.current === 'send') void sendWorkbook(res).catch(() => setDone('未能发送表格，请重试'));
      else void openWorkbook(res).catch(() => setDone('未能打开表格，请重试'));
    },
  });
  const exportAs = (f: 'xlsx' | 'csv' | 'send') => {
    format.current = f;
    void exporter.run({ id });
  };
  const cancel = useMutation('events.cancel', { invalidates: affected, success: '活动已取消' });
  // The full number is asked for one person at a time, on the tap, and handed straight to the phone's dialler.
  const contact = useMutation('events.contact', {
    failure: '未能取得联系电话',
    onSuccess: (res) => callPhone(res.phone),
  });
  const failure = checkInCall.error ?? scan.error ?? exporter.error ?? cancel.error ?? contact.error;
  const message = failure ? { ok: false, text: failure } : done ? { ok: true, text: done } : null;

  function checkIn(raw: string) {
    const typed = raw.trim();
    // A scanned QR code reads "xc-checkin:<eventId>:<code>"; a typed one is the digits alone.
    const value = typed.startsWith('xc-checkin:') ? (typed.split(':')[2] ?? '') : typed;
    setDone(null);
    void checkInCall.run({ id, code: value });
  }

  async function cancelEvent() {
    if (await confirmAction('取消活动', '取消后所有报名都将取消，确定吗？')) void cancel.run({ id });
  }

  if (!id)
    return (
      <Page name='event-manage'>
        <StateView loading={false} error={null} empty emptyText='缺少活动参数' />
      </Page>
    );
  const d = data.data;
  return (
    <Page name='event-manage'>
      <StateView loading={data.loading && !d} error={data.error} onRetry={data.reload}>
        {d && (
          <>
            <View className='card'>
              <Text className='manage-title block'>{d.event.title}</Text>
              <Text className='muted block'>
                {beijingRange(d.event.startAt, d.event.endAt)} · {d.event.placeName}
              </Text>
              <View className='counts'>
                <Text className='count'>
                  已报名 {d.counts.confirmed}/{d.event.capacity}
                </Text>
                <Text className='count'>候补 {d.counts.waitlisted}</Text>
                <Text className='count'>已签到 {d.counts.checkedIn}</Text>
                {d.counts.noShows !== null && <Text className='count'>未到 {d.counts.noShows}</Text>}
              </View>
            </View>
            {d.event.status === 'open' && (
              <View className='card'>
                <Text className='section-label block'>签到</Text>
                {process.env.TARO_ENV === 'weapp' && (
                  <Button className='btn-primary' onClick={() => scan.run(undefined)}>
                    扫码签到
                  </Button>
                )}
                <View className='row code-row'>
                  <Input
                    className='code-input form-input'
                    nativeProps={{ 'aria-label': '签到码' }}
                    type='number'
                    placeholder='输入 7 位签到码'
                    value={code}
                    onInput={(e) => setCode(e.detail.value)}
                  />
                  <Button
                    className='code-submit'
                    disabled={checkInCall.busy || undefined}
                    onClick={() => checkIn(code)}
                  >
                    签到
                  </Button>
                </View>
                {message && <Text className={`block ${message.ok ? 'ok-text' : 'form-error'}`}>{message.text}</Text>}
              </View>
            )}
            <View className='card'>
              <View className='row'>
                <Text className='section-label'>报名名单</Text>
                <View className='row export-buttons'>
                  <Button className='export-xlsx' loading={exporter.busy} onClick={() => exportAs('xlsx')}>
                    导出表格
                  </Button>
                  <Button className='export-csv' disabled={exporter.busy || undefined} onClick={() => exportAs('csv')}>
                    CSV
                  </Button>
                </View>
              </View>
              {csv && <Text className='muted block'>已导出（{csv.trim().split('\n').length - 1} 人）</Text>}
              {d.items.length === 0 && <Text className='muted block'>还没有人报名</Text>}
              {d.items.map((s) => (
                <View key={s.id} className='attendee'>
                  <View className='row'>
                    <Text className='attendee-name'>{s.nickname}</Text>
                    <Text className='muted'>
                      {SIGNUP_LABEL[s.status]}
                      {s.position ? ` 第${s.position}位` : ''}
                      {s.checkedInAt ? ` · 签到 ${beijingTime(s.checkedInAt)}` : s.noShow ? ' · 未到' : ''}
                    </Text>
                  </View>
                  {s.phoneMasked && (
                    <View className='row attendee-phone'>
                      <Text className='muted'>{s.phoneMasked}</Text>
                      <Button
                        className='call'
                        aria-label={`拨打 ${s.nickname} 的电话`}
                        disabled={contact.busy || undefined}
                        onClick={() => void contact.run({ id, signupId: s.id })}
                      >
                        拨打
                      </Button>
                    </View>
                  )}
                </View>
              ))}
            </View>
            {d.event.status === 'open' ? (
              <Button className='btn-danger' disabled={cancel.busy || undefined} onClick={cancelEvent}>
                取消活动
              </Button>
            ) : (
              <Text className='badge badge-warn'>活动已取消</Text>
            )}
          </>
        )}
      </StateView>
    </Page>
  );
}
