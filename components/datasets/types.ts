import type { TaskId } from '@/engine/tasks/registry';

/** Serialisable shapes handed from the dataset pages (server) to their client components. */
export interface VersionItem {
  number: number;
  parentNumber: number | null;
  message: string;
  createdAt: string;
  sampleCount: number;
  counts: { train: number; validation: number; test: number; unlabelled: number };
}

export interface DatasetItem {
  id: string;
  teamId: string;
  teamName: string;
  name: string;
  description: string;
  kind: string;
  source: string;
  headNumber: number | null;
  role: 'owner' | 'editor' | 'viewer';
  versions: VersionItem[];
}

export interface VersionDetailItem extends VersionItem {
  id: string;
  meta: {
    kind: string;
    task: TaskId;
    featureShape: number[];
    classes: string[] | null;
    classCounts: number[] | null;
    split: { seed: number; validation: number; test: number; stratify: boolean };
    normalisation: unknown;
    featureNames: string[] | null;
    image: { width: number; height: number; channels: number; fit: string } | null;
    report: { read: number; kept: number; skipped: { name: string; reason: string }[]; skippedCount: number; notes: string[] };
    license: string;
  };
}

export interface SampleItem {
  index: number;
  label: number | null;
  split: 'train' | 'validation' | 'test' | 'none';
  name: string | null;
  values?: number[];
  /** Detection: the image's boxes, when it has any label. */
  boxes?: { classIndex: number }[];
  /** Segmentation: the image's mask as runs (engine/data/mask-rle.ts), when it has one. */
  mask?: string;
}

export const canEdit = (role: DatasetItem['role']) => role === 'owner' || role === 'editor';
