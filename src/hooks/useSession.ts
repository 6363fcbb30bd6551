import { useEffect, useState } from 'react';
import { getSession, onSessionChange, type Session } from '@/services/session';

/** The current session, updated on sign-in and sign-out anywhere in the app. */
export function useSession(): Session | null {
  const [session, setState] = useState<Session | null>(getSession);
  useEffect(() => onSessionChange(setState), []);
  return session;
}
