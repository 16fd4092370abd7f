/** What the predict page knows about the chosen run's inputs (from its dataset). */
export interface RunInput {
  runId: string;
  kind: 'image' | 'tabular' | 'sequence' | 'text';
  featureShape: number[];
  classes: string[] | null;
  datasetName: string;
}
