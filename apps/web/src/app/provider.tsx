import type { ReactNode } from 'react';
import { BrowserRouter } from 'react-router';
import { SessionProvider } from '../features/auth/components/SessionProvider';

/** Everything the screens rely on: routing and the session. */
export function AppProvider({ children }: { children: ReactNode }) {
  return (
    <BrowserRouter>
      <SessionProvider>{children}</SessionProvider>
    </BrowserRouter>
  );
}
