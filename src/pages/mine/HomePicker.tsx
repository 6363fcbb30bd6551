import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { User } from '../../../types';
import { useAction } from '../../hooks/useAction';
import { ApiError, callCloud } from '../../services/api';

/** 我的社区: where the person lives, so that surveys and reports of their street and community reach them. */
export default function HomePicker({ user, onSaved }: { user: User; onSaved: () => void }) {
  const streets = useAction('geo.streets', {});
  const [street, setStreet] = useState<string | null>(user.homeCommunityCode?.slice(0, 9) ?? null);
  const communities = useAction('geo.communities', street ? { streetCode: street } : null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const current = communities.data?.items.find((c) => c.code === user.homeCommunityCode);

  async function choose(code: string) {
    try {
      await callCloud('auth.setHome', { communityCode: code });
      setOpen(false);
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '保存失败');
    }
  }

  return (
    <View className='card home-picker'>
      <View className='row' onClick={() => setOpen(!open)}>
        <Text>我的社区</Text>
        <Text className='muted home-current'>
          {user.homeCommunityCode ? (current?.name ?? user.homeCommunityCode) : '未设置 ›'}
        </Text>
      </View>
      {open && (
        <>
          <View className='chips-wrap'>
            {(streets.data ?? []).map((s) => (
              <Text
                key={s.code}
                className={`chip ${street === s.code ? 'chip-on' : ''}`}
                onClick={() => setStreet(s.code)}
              >
                {s.name.replace(/街道$/, '')}
              </Text>
            ))}
          </View>
          <View className='chips-wrap'>
            {(communities.data?.items ?? []).map((c) => (
              <Text
                key={c.code}
                className={`chip home-choice ${user.homeCommunityCode === c.code ? 'chip-on' : ''}`}
                onClick={() => choose(c.code)}
              >
                {c.name.replace(/(社区)?居委会$/, '')}
              </Text>
            ))}
          </View>
        </>
      )}
      {error && <Text className='form-error'>{error}</Text>}
    </View>
  );
}
