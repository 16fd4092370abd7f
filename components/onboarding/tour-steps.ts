/** Which project tab a step's element lives on. */
export type TourTab = 'design' | 'train';

/** One step of the guided first model: what to do, and the element on the page it points at. */
export interface TourStep {
  id: string;
  title: string;
  body: string;
  /** CSS selectors tried in order; the first element found on the page is pointed at. */
  targets: string[];
  /** The tab to open when none of the targets is on the current page. */
  tab: TourTab;
}

/**
 * The five steps of a first model, from a template to a saved version. Each points at a real
 * control; when it is on another tab, the step offers to open that tab.
 */
export const TOUR_STEPS: readonly TourStep[] = [
  {
    id: 'template',
    title: 'Pick a template',
    body: 'Start from a ready network: LeNet-5 reads the handwritten digits. Templates replaces the diagram, and Undo brings it back.',
    targets: ['button[aria-label="Templates"]'],
    tab: 'design',
  },
  {
    id: 'shapes',
    title: 'Look at the shapes',
    body: 'Every connection is labelled with the shape of the tensor it carries, (batch, height, width, channels). Change a layer and watch them follow.',
    targets: ['[data-testid^="edge-label-"]', '.layer-node__shape'],
    tab: 'design',
  },
  {
    id: 'train',
    title: 'Train it',
    body: 'The Train tab picks a dataset that fits the input (the digits for a 28×28×1 image). Train in browser runs right here, no setup.',
    targets: ['.train-actions .button.primary', '.project-tabs a[href$="/train"]'],
    tab: 'train',
  },
  {
    id: 'confusion',
    title: 'Read the confusion matrix',
    body: 'When training ends, each row is a true class and each column what the model said: the diagonal is right, anything else shows which classes it mixes up.',
    targets: ['[data-testid="confusion-matrix"]', '.project-tabs a[href$="/train"]'],
    tab: 'train',
  },
  {
    id: 'save',
    title: 'Save a version',
    body: 'Save version keeps this design in the history with a message. Every version can be opened, compared and restored later.',
    targets: ['.tool--save'],
    tab: 'design',
  },
];

/** Where the tour is between pages (it continues on the tab a step opens). */
export const TOUR_STEP_KEY = 'netcanvas.tour.step';
