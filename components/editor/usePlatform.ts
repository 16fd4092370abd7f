'use client';

import { useSyncExternalStore } from 'react';
import type { Platform } from './store';

const subscribe = () => () => {};
const client = (): Platform => (/Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent) ? 'mac' : 'other');

/** `mac` on Apple devices (shortcuts show ⌘), `other` elsewhere and during server rendering. */
export function usePlatform(): Platform {
  return useSyncExternalStore(subscribe, client, () => 'other');
}
