import { Button, Text, Textarea, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import StateView from '../../components/StateView';
import { useAction } from '../../hooks/useAction';
import { usePaged } from '../../hooks/usePaged';
import { useSession } from '../../hooks/useSession';
import { ApiError, callCloud } from '../../services/api';
import { beijingTime } from '../../services/time';

const STARS = [1, 2, 3, 4, 5];

/** Score, histogram, my review (write or edit) and the published reviews of one outlet, with reports and replies. */
export default function Reviews({ outletId, onRated }: { outletId: string; onRated: () => void }) {
  const session = useSession();
  const me = useAction('auth.me', {});
  const signedIn = !!(me.data?.user ?? session);
  const reviews = usePaged('ratings.list', { outletId });
  const mine = useAction('ratings.mine', signedIn ? { outletId } : null);
  const [stars, setStars] = useState(0);
  const [text, setText] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const my = mine.data?.[0] ?? null;
  useEffect(() => {
    if (my) {
      setStars(my.stars);
      setText(my.text);
    }
  }, [my]);

  async function submit() {
    if (!stars) return setMessage('请先选择星级');
    setBusy(true);
    setMessage(null);
    try {
      const res = await callCloud('ratings.submit', { outletId, stars, ...(text.trim() ? { text: text.trim() } : {}) });
      setMessage(res.moderated ? '评价已提交，文字内容审核通过后公开' : '评价已发布');
      mine.reload();
      reviews.reload();
      onRated();
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : '提交失败，请重试');
    } finally {
      setBusy(false);
    }
  }

  async function report(ratingId: string) {
    try {
      const res = await callCloud('ratings.report', { ratingId });
      setMessage(res.alreadyReported ? '您已举报过这条评价' : '已举报，感谢反馈');
      if (res.hidden) reviews.reload();
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : '举报失败');
    }
  }

  return (
    <View className='card reviews'>
      <Text className='section-label block'>{my ? '我的评价（可修改）' : '评价这家网点'}</Text>
      {signedIn ? (
        <>
          <View className='star-picker'>
            {STARS.map((n) => (
              <Text key={n} className={`star star-${n} ${n <= stars ? 'on' : ''}`} onClick={() => setStars(n)}>
                ★
              </Text>
            ))}
          </View>
          <Textarea
            className='review-text'
            placeholder='说说您的体验（选填，500 字以内）'
            value={text}
            maxlength={500}
            onInput={(e) => setText(e.detail.value)}
          />
          <Button className='btn-primary submit-review' loading={busy} disabled={busy || undefined} onClick={submit}>
            {my ? '更新评价' : '提交评价'}
          </Button>
          {my && my.status !== 'published' && <Text className='muted block'>您的文字评价正在审核中</Text>}
        </>
      ) : (
        <Text className='muted block'>登录后可以评价</Text>
      )}
      {message && <Text className='review-message block'>{message}</Text>}
      <Text className='section-label block reviews-title'>居民评价</Text>
      <StateView
        loading={reviews.loading && reviews.items.length === 0}
        error={reviews.error}
        empty={reviews.items.length === 0}
        emptyText='还没有公开的评价'
      >
        {reviews.items.map((r) => (
          <View key={r.id} className='review-item'>
            <View className='row'>
              <Text>
                {r.nickname} {'★'.repeat(r.stars)}
              </Text>
              <Text className='muted'>{beijingTime(r.updatedAt)}</Text>
            </View>
            {r.text && <Text className='block review-body'>{r.text}</Text>}
            {r.reply && <Text className='block merchant-reply'>商家回复：{r.reply.text}</Text>}
            {signedIn && r.id !== my?.id && (
              <Text className='link report' onClick={() => report(r.id)}>
                举报
              </Text>
            )}
          </View>
        ))}
        {reviews.hasMore && (
          <Button size='mini' onClick={reviews.loadMore}>
            更多评价
          </Button>
        )}
      </StateView>
    </View>
  );
}
