import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { User } from '@/types';
import { useAction } from '@/hooks/useAction';
import { useMutation } from '@/hooks/useMutation';
import { pressable } from '@/services/a11y';
import StreetChips from '@/components/StreetChips';

/** 我的社区: where the person lives, so that surveys and reports of their street and community reach them. */
export default function HomePicker({ user }: { user: User }) {
  const streets = useAction('geo.streets', {});
  const [street, setStreet] = useState<string | null>(user.homeCommunityCode?.slice(0, 9) ?? null);
  const communities = useAction('geo.communities', street ? { streetCode: street } : null);
  const [open, setOpen] = useState(false);
  const current = communities.data?.items.find((c) => c.code === user.homeCommunityCode);
  // The session context reloads (auth.me), and so does everything aimed at my community.
  const setHome = useMutation('auth.setHome', {
    invalidates: ['auth.me', 'surveys.list', 'events.list'],
    success: '已设置我的社区',
    onSuccess: () => setOpen(false),
  });

  return (
    <View className='card home-picker'>
      <View className='row home-toggle' {...pressable(open)} onClick={() => setOpen(!open)}>
        <Text>我的社区</Text>
        <Text className='muted home-current'>
          {user.homeCommunityCode ? (current?.name ?? user.homeCommunityCode) : '未设置'} {open ? '▲' : '›'}
        </Text>
      </View>
      {open && (
        <>
          <StreetChips streets={streets.data ?? []} value={street} onChange={(code) => code && setStreet(code)} />
          <View className='chips-wrap'>
            {(communities.data?.items ?? []).map((c) => (
              <Text
                key={c.code}
                className={`chip home-choice ${user.homeCommunityCode === c.code ? 'chip-on' : ''}`}
                {...pressable(user.homeCommunityCode === c.code)}
                onClick={() => setHome.run({ communityCode: c.code })}
              >
                {c.name.replace(/(社区)?居委会$/, '')}
              </Text>
            ))}
          </View>
        </>
      )}
      {setHome.error && <Text className='form-error'>{setHome.error}</Text>}
    </View>
  );
}
