import { Button, Text, Textarea, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import StateView, { SignInButton } from '@/components/StateView';
import { useAction } from '@/hooks/useAction';
import { useMe } from '@/hooks/useMe';
import { useMutation } from '@/hooks/useMutation';
import { usePaged } from '@/hooks/usePaged';
import { pressable } from '@/services/a11y';
import { beijingTime } from '@/services/time';

const STARS = [1, 2, 3, 4, 5];

/**
 * Score, histogram, my review (write or edit) and the published reviews of one outlet, with reports and replies. On
 * the merchant's own outlet (`own`) there is no rating form: the merchant replies to each review and edits the reply.
 */
export default function Reviews({ outletId, own }: { outletId: string; own: boolean }) {
  const signedIn = !!useMe().user;
  const reviews = usePaged('ratings.list', { outletId });
  const mine = useAction('ratings.mine', signedIn && !own ? { outletId } : null);
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
  const [replying, setReplying] = useState<string | null>(null);
  const [replyText, setReplyText] = useState('');
  const reply = useMutation('ratings.reply', {
    invalidates: ['ratings.list'],
    success: '已回复',
    onSuccess: () => {
      setReplying(null);
      setReplyText('');
    },
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
      {own ? (
        <Text className='muted block own-outlet'>这是您的网点：可以回复居民的评价，不能给自己评分。</Text>
      ) : (
        <Text className='section-label block'>{my ? '我的评价（可修改）' : '评价这家网点'}</Text>
      )}
      {own ? null : signedIn ? (
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
        <View className='sign-in-to-rate'>
          <Text className='muted block'>登录后可以评价</Text>
          <SignInButton text='登录后评价' />
        </View>
      )}
      {message && <Text className='review-message block'>{message}</Text>}
      {(rate.error ?? report.error ?? reply.error) && (
        <Text className='form-error'>{rate.error ?? report.error ?? reply.error}</Text>
      )}
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
            {own && replying === r.id && (
              <View className='reply-form'>
                <Textarea
                  className='review-text reply-text'
                  nativeProps={{ 'aria-label': '回复内容' }}
                  placeholder='回复这条评价（300 字以内）'
                  value={replyText}
                  maxlength={300}
                  onInput={(e) => setReplyText(e.detail.value)}
                />
                <View className='row'>
                  <Button
                    className='btn-primary send-reply'
                    loading={reply.busy}
                    disabled={reply.busy || undefined}
                    onClick={() =>
                      replyText.trim()
                        ? void reply.run({ ratingId: r.id, text: replyText.trim() })
                        : reply.fail('请填写回复')
                    }
                  >
                    发布回复
                  </Button>
                  <Button onClick={() => setReplying(null)}>取消</Button>
                </View>
              </View>
            )}
            {own && replying !== r.id && (
              <Button
                className='reply-button'
                onClick={() => {
                  setReplying(r.id);
                  setReplyText(r.reply?.text ?? '');
                }}
              >
                {r.reply ? '修改回复' : '回复'}
              </Button>
            )}
            {signedIn && !own && r.id !== my?.id && (
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
