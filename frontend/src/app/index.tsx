import { useState } from 'react';
import { BrowserRouter } from 'react-router-dom';
import { createQueryClient } from '@/lib/react-query';
import { AppProvider } from './provider';
import { AppRoutes } from './router';

// The declarative router: the app loads its data through TanStack Query, so the data router's
// loaders and actions would only add weight (~17 kB gzip) to the first download.
export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <AppProvider queryClient={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProvider>
  );
}
