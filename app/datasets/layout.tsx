import type { ReactNode } from 'react';
import '@/components/datasets/datasets.css';

export default function DatasetsLayout({ children }: { children: ReactNode }) {
  return children;
}
