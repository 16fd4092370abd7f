'use client';

import { useCallback, useRef, useState } from 'react';
import type { Notice } from './EditorContext';

export interface Notifier {
  notices: Notice[];
  notify(text: string, tone?: Notice['tone']): void;
  dismiss(id: number): void;
}

/** Short-lived messages: the newest few, each fading after a while (errors stay longer). */
export function useNotices(limit = 3): Notifier {
  const [notices, setNotices] = useState<Notice[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const notify = useCallback(
    (text: string, tone: Notice['tone'] = 'info') => {
      const id = next.current++;
      setNotices((list) => [...list.filter((n) => n.text !== text), { id, text, tone }].slice(-limit));
      setTimeout(() => dismiss(id), tone === 'error' ? 9000 : 5000);
    },
    [dismiss, limit],
  );
  return { notices, notify, dismiss };
}
