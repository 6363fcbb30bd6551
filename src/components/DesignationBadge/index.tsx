import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { DESIGNATION_NAMES, type DesignationKind } from '@/types';
import { useDesignations } from '@/hooks/useDesignations';
import { useMe } from '@/hooks/useMe';
import { useMutation } from '@/hooks/useMutation';
import { beijing } from '@/services/time';
import './index.scss';

/** The admin's control beside the badge: designate for this year with a reason, or withdraw. */
function Manage({ kind, targetId, id }: { kind: DesignationKind; targetId: string; id: string | null }) {
  const [reason, setReason] = useState('');
  const opts = { invalidates: ['supervision.designations'] as const };
  const designate = useMutation('supervision.designate', { ...opts, success: `已认定为${DESIGNATION_NAMES[kind]}` });
  const withdraw = useMutation('supervision.undesignate', { ...opts, success: '已撤销示范认定' });
  const year = beijing(Date.now()).year();
  return (
    <View className='designation-manage'>
      {id ? (
        <Button className='btn-primary' loading={withdraw.busy} onClick={() => void withdraw.run({ id })}>
          撤销示范认定
        </Button>
      ) : (
        <>
          <Input
            className='form-input'
            value={reason}
            placeholder='认定理由'
            nativeProps={{ 'aria-label': `${DESIGNATION_NAMES[kind]}认定理由` }}
            onInput={(e) => setReason(e.detail.value)}
          />
          <Button
            className='btn-primary'
            loading={designate.busy}
            onClick={() => void designate.run({ kind, targetId, year, reason: reason.trim() })}
          >
            认定为 {year} 年{DESIGNATION_NAMES[kind]}
          </Button>
        </>
      )}
      {(designate.error || withdraw.error) && (
        <Text className='form-error block'>{designate.error ?? withdraw.error}</Text>
      )}
    </View>
  );
}

/**
 * 「★ 2025 示范网点」 on an outlet or a circle the district bureau designated, 「示范企业」 on the outlets of a designated
 * business (nothing otherwise); with `manage`, the admin also gets the control to designate or withdraw.
 */
export default function DesignationBadge({
  kind,
  targetId,
  manage,
}: {
  kind: DesignationKind;
  targetId: string;
  manage?: boolean;
}) {
  // A 示范企业's badge shows on each of its outlets (`targetId` is then the outlet's id).
  const found = useDesignations().find(
    (d) => d.kind === kind && (d.targetId === targetId || !!d.outletIds?.includes(targetId)),
  );
  const me = useMe();
  return (
    <>
      {found && (
        <Text className='badge designation-badge'>
          ★ {found.year} {DESIGNATION_NAMES[kind]}
        </Text>
      )}
      {manage && me.role === 'admin' && <Manage kind={kind} targetId={targetId} id={found?.id ?? null} />}
    </>
  );
}
