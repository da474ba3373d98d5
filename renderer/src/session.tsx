/** What every screen of a logged-in user may read: who is logged in, the office, this desk's prefs. */
import { createContext, useContext } from 'react';
import type { OfficeProfile, Prefs, User } from '../../shared/api/schemas';
import type { Role } from '../../shared/api/roles';

export interface Session {
  user: User;
  office: OfficeProfile;
  prefs: Prefs;
  setOffice: (office: OfficeProfile) => void;
  setPrefs: (prefs: Prefs) => void;
  logout: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession di luar sesi');
  return session;
}

export const FRONT_DESK_ROLES: readonly Role[] = ['front_desk', 'admin'];

export function canRegister(role: Role): boolean {
  return FRONT_DESK_ROLES.includes(role);
}
