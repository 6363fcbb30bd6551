import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { SIGNUP_LABEL } from '../../../components/EventCard';
import StateView from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { ApiError, callCloud } from '../../../services/api';
import { saveCsv } from '../../../services/download';
import { beijingRange, beijingTime } from '../../../services/time';
import './index.scss';

/** A worker runs an event: counts, attendee list, check-in (scan or type the code), CSV export, cancellation. */
export default function EventManagePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const data = useAction('events.attendees', id ? { id } : null);
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [csv, setCsv] = useState<string | null>(null);

  async function checkIn(raw: string) {
    const typed = raw.trim();
    // A scanned QR code reads "xc-checkin:<eventId>:<code>"; a typed one is the digits alone.
    const value = typed.startsWith('xc-checkin:') ? (typed.split(':')[2] ?? '') : typed;
    try {
      const res = await callCloud('events.checkIn', { id, code: value });
      setMessage({ ok: true, text: res.alreadyCheckedIn ? '此前已签到' : '签到成功' });
      setCode('');
      data.reload();
    } catch (e) {
      setMessage({ ok: false, text: e instanceof ApiError ? e.message : '签到失败，请重试' });
    }
  }

  async function scan() {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await checkIn(res.result);
    } catch {
      setMessage({ ok: false, text: '未能扫码，可直接输入签到码' });
    }
  }

  async function exportCsv() {
    try {
      const res = await callCloud('events.export', { id });
      const how = await saveCsv(res.filename, res.csv);
      setCsv(res.csv);
      if (how === 'copied') setMessage({ ok: true, text: '名单已复制，可粘贴到表格中' });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof ApiError ? e.message : '导出失败' });
    }
  }

  async function cancelEvent() {
    const confirm = await Taro.showModal({ title: '取消活动', content: '取消后所有报名都将取消，确定吗？' });
    if (!confirm.confirm) return;
    try {
      await callCloud('events.cancel', { id });
      data.reload();
    } catch (e) {
      setMessage({ ok: false, text: e instanceof ApiError ? e.message : '取消失败' });
    }
  }

  if (!id) return <StateView loading={false} error={null} empty emptyText='缺少活动参数' />;
  const d = data.data;
  return (
    <View className='page event-manage'>
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
                  <Button className='btn-primary' onClick={scan}>
                    扫码签到
                  </Button>
                )}
                <View className='row code-row'>
                  <Input
                    className='code-input'
                    type='number'
                    placeholder='输入 7 位签到码'
                    value={code}
                    onInput={(e) => setCode(e.detail.value)}
                  />
                  <Button className='code-submit' size='mini' onClick={() => checkIn(code)}>
                    签到
                  </Button>
                </View>
                {message && <Text className={`block ${message.ok ? 'ok-text' : 'form-error'}`}>{message.text}</Text>}
              </View>
            )}
            <View className='card'>
              <View className='row'>
                <Text className='section-label'>报名名单</Text>
                <Button size='mini' onClick={exportCsv}>
                  导出 CSV
                </Button>
              </View>
              {csv && <Text className='muted block'>已导出（{csv.trim().split('\n').length - 1} 人）</Text>}
              {d.items.length === 0 && <Text className='muted block'>还没有人报名</Text>}
              {d.items.map((s) => (
                <View key={s.id} className='row attendee'>
                  <Text>{s.openid}</Text>
                  <Text className='muted'>
                    {SIGNUP_LABEL[s.status]}
                    {s.position ? ` 第${s.position}位` : ''}
                    {s.checkedInAt ? ` · 签到 ${beijingTime(s.checkedInAt)}` : s.noShow ? ' · 未到' : ''}
                  </Text>
                </View>
              ))}
            </View>
            {d.event.status === 'open' ? (
              <Button className='btn-danger' onClick={cancelEvent}>
                取消活动
              </Button>
            ) : (
              <Text className='badge badge-warn'>活动已取消</Text>
            )}
          </>
        )}
      </StateView>
    </View>
  );
}
