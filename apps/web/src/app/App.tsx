import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppProvider } from './provider';
import { AppRoutes } from './router';

/**
 * A data router around the app's routes (one splat route renders them): its blocker is what lets
 * a form with unsent text ask before in-app navigation leaves it (lib/leave-guard).
 */
const router = createBrowserRouter([
  {
    path: '*',
    element: (
      <AppProvider>
        <AppRoutes />
      </AppProvider>
    ),
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
