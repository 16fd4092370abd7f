'use client';

import { useEffect, useState } from 'react';

/** False during server rendering and until React has taken over the page; forms wait for it. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
