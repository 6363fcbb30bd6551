import { useEffect, useState } from 'react';
import { isElder, onElderChange, setElderChoice } from '@/services/elder';
import { useMe } from './useMe';

/** 长辈版 for the person using the app (remembered per person), and a way to switch it. */
export function useElder(): { elder: boolean; setElder: (on: boolean) => void } {
  const { user } = useMe();
  const person = user?.openid ?? 'guest';
  const [elder, setState] = useState(() => isElder(person));
  useEffect(() => {
    setState(isElder(person));
    return onElderChange(() => setState(isElder(person)));
  }, [person]);
  return { elder, setElder: (on: boolean) => setElderChoice(person, on) };
}
