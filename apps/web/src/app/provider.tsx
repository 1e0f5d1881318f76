import type { ReactNode } from 'react';
import { SessionProvider } from '../features/auth/components/SessionProvider';
import { LeaveGuardProvider } from '../lib/leave-guard';

/** Everything the screens rely on inside the router: unsent-text guards and the session. */
export function AppProvider({ children }: { children: ReactNode }) {
  return (
    <LeaveGuardProvider>
      <SessionProvider>{children}</SessionProvider>
    </LeaveGuardProvider>
  );
}
