import { useEffect, useState } from 'react';
import type { PublicDesignation } from '@/types';
import { callCloud } from '@/services/api';
import { onInvalidate } from '@/services/queries';

/** How long one answer serves every badge on screen (a list of outlets asks once, not once per card). */
const FRESH_MS = 60_000;
let shared: { at: number; list: Promise<PublicDesignation[]> } | null = null;

function load(): Promise<PublicDesignation[]> {
  if (!shared || Date.now() - shared.at > FRESH_MS) {
    const list = callCloud('supervision.designations', {}).catch(() => [] as PublicDesignation[]);
    shared = { at: Date.now(), list };
  }
  return shared.list;
}

/** Every 示范 designation, shared by all the badges of the page; refreshed after the admin changes one. */
export function useDesignations(): PublicDesignation[] {
  const [list, setList] = useState<PublicDesignation[]>([]);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    void load().then((l) => live && setList(l));
    return () => {
      live = false;
    };
  }, [round]);
  useEffect(() => {
    const forget = () => {
      shared = null;
      setRound((r) => r + 1);
    };
    const a = onInvalidate('supervision.designations', forget);
    return a;
  }, []);
  return list;
}
