import { Button, Text, Textarea, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import StateView from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMe } from '@/hooks/useMe';
import { useMutation } from '@/hooks/useMutation';
import { usePaged } from '@/hooks/usePaged';
import { pressable } from '@/services/a11y';
import { beijingTime } from '@/services/time';

const STARS = [1, 2, 3, 4, 5];

/** Score, histogram, my review (write or edit) and the published reviews of one outlet, with reports and replies. */
export default function Reviews({ outletId }: { outletId: string }) {
  const signedIn = !!useMe().user;
  const reviews = usePaged('ratings.list', { outletId });
  const mine = useAction('ratings.mine', signedIn ? { outletId } : null);
  const [stars, setStars] = useState(0);
  const [text, setText] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const my = mine.data?.[0] ?? null;
  useEffect(() => {
    if (my) {
      setStars(my.stars);
      setText(my.text);
    }
  }, [my]);

  const rate = useMutation('ratings.submit', {
    invalidates: ['ratings.mine', 'ratings.list', 'outlets.get', 'outlets.nearby'],
    success: (res) => (res.moderated ? '已提交' : '已发布'),
    onSuccess: (res) => setMessage(res.moderated ? '评价已提交，文字内容审核通过后公开' : '评价已发布'),
  });
  const report = useMutation('ratings.report', {
    success: (res) => (res.alreadyReported ? '已举报过' : '已举报'),
    onSuccess: (res) => {
      setMessage(res.alreadyReported ? '您已举报过这条评价' : '已举报，感谢反馈');
      if (res.hidden) reviews.reload();
    },
  });

  function submit() {
    setMessage(null);
    if (!stars) return rate.fail('请先选择星级');
    void rate.run({ outletId, stars, ...(text.trim() ? { text: text.trim() } : {}) });
  }

  return (
    <View className='card reviews'>
      <Text className='section-label block'>{my ? '我的评价（可修改）' : '评价这家网点'}</Text>
      {signedIn ? (
        <>
          <View className='star-picker' {...{ role: 'group', 'aria-label': '星级' }}>
            {STARS.map((n) => (
              <Text
                key={n}
                className={`star star-${n} ${n <= stars ? 'on' : ''}`}
                {...pressable(n === stars, `${n} 星`)}
                onClick={() => setStars(n)}
              >
                {n <= stars ? '★' : '☆'}
              </Text>
            ))}
          </View>
          <Textarea
            className='review-text'
            nativeProps={{ 'aria-label': '评价内容' }}
            placeholder='说说您的体验（选填，500 字以内）'
            value={text}
            maxlength={500}
            onInput={(e) => setText(e.detail.value)}
          />
          <Button
            className='btn-primary submit-review'
            loading={rate.busy}
            disabled={rate.busy || undefined}
            onClick={submit}
          >
            {my ? '更新评价' : '提交评价'}
          </Button>
          {my && my.status !== 'published' && <Text className='muted block'>您的文字评价正在审核中</Text>}
        </>
      ) : (
        <Text className='muted block'>登录后可以评价</Text>
      )}
      {message && <Text className='review-message block'>{message}</Text>}
      {(rate.error ?? report.error) && <Text className='form-error'>{rate.error ?? report.error}</Text>}
      <Text className='section-label block reviews-title'>居民评价</Text>
      <StateView
        loading={reviews.loading && reviews.items.length === 0}
        error={reviews.error}
        onRetry={reviews.reload}
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
              <Text className='link report' {...pressable()} onClick={() => report.run({ ratingId: r.id })}>
                举报
              </Text>
            )}
          </View>
        ))}
        {reviews.hasMore && <Button onClick={reviews.loadMore}>更多评价</Button>}
      </StateView>
    </View>
  );
}
