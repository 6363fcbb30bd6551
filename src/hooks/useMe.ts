import { useEffect, useState } from 'react';
import { currentMe, refreshMe, subscribeMe, type Me } from '@/services/me';

/** The session context: who I am, my role, scope and home community — loaded once for the whole app. */
export function useMe(): Me & { reload: () => void } {
  const [me, setMe] = useState<Me>(currentMe);
  useEffect(() => {
    setMe(currentMe());
    return subscribeMe(setMe);
  }, []);
  return { ...me, reload: refreshMe };
}
