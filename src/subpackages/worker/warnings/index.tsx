import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { WARNING_RULE_NAMES, WARNING_STATUS_NAMES, WARNING_STATUSES, type WarningStatus } from '@/types';
import Page from '@/components/Page';
import StateView from '@/components/StateView';
import StreetChips from '@/components/StreetChips';
import { useAction } from '@/hooks/useAction';
import { useMe } from '@/hooks/useMe';
import { usePaged } from '@/hooks/usePaged';
import { pressable } from '@/services/a11y';
import { go } from '@/services/navigation';
import { beijingMinute } from '@/services/time';
import './index.scss';

/**
 * 风险预警: the warnings of the worker's street, by status, newest first; an admin sees every street's, or one
 * street's when chosen.
 */
export default function WarningsPage() {
  const [status, setStatus] = useState<WarningStatus>('new');
  const [street, setStreet] = useState<string | null>(null);
  const admin = useMe().user?.role === 'admin';
  const streets = useAction('geo.streets', admin ? {} : null);
  const nameOf = (code: string) => streets.data?.find((s) => s.code === code)?.name ?? '';
  const list = usePaged('warnings.list', street && admin ? { status, streetCode: street } : { status });
  return (
    <Page name='warnings'>
      {admin && (
        <StreetChips
          className='street-chips'
          streets={streets.data ?? []}
          value={street}
          onChange={setStreet}
          allLabel='全部街道'
        />
      )}
      <View className='chips-wrap' role='group' aria-label='预警状态'>
        {WARNING_STATUSES.map((s) => (
          <Text
            key={s}
            className={`chip status-${s} ${status === s ? 'chip-on' : ''}`}
            {...pressable(status === s)}
            onClick={() => setStatus(s)}
          >
            {WARNING_STATUS_NAMES[s]}
          </Text>
        ))}
      </View>
      <StateView
        loading={list.loading && list.items.length === 0}
        error={list.error}
        empty={list.items.length === 0}
        emptyText={`${street && admin ? nameOf(street) : ''}没有“${WARNING_STATUS_NAMES[status]}”的预警`}
        onRetry={list.reload}
      >
        {list.items.map((w) => (
          <View key={w.id} className='card warning-item' {...pressable()} onClick={() => go('warning', { id: w.id })}>
            <Text className='badge badge-warn'>{WARNING_RULE_NAMES[w.rule]}</Text>
            <Text className='warning-title block'>{w.title}</Text>
            <Text className='muted block'>
              {admin && !street && nameOf(w.streetCode) ? `${nameOf(w.streetCode)} · ` : ''}
              {WARNING_STATUS_NAMES[w.status]} · {beijingMinute(w.updatedAt)}
            </Text>
          </View>
        ))}
        {list.hasMore && (
          <Button className='more' onClick={list.loadMore}>
            加载更多
          </Button>
        )}
      </StateView>
    </Page>
  );
}
