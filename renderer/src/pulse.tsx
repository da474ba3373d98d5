/** The desk's pulse: the latest dashboard counts, polled by the shell every minute and on focus. */
import { createContext, useContext } from 'react';
import type { DashboardDto } from '../../shared/api/engine-schemas';

export interface DeskPulse {
  dashboard: DashboardDto | null;
  /** Reads the counts again now (after an action, or when a page opens). */
  refresh: () => void;
}

export const DeskPulseContext = createContext<DeskPulse>({ dashboard: null, refresh: () => undefined });

export function useDeskPulse(): DeskPulse {
  return useContext(DeskPulseContext);
}
