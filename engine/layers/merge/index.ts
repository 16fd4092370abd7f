import { add } from './add';
import { concatenate } from './concatenate';

export const mergeLayers = { add, concatenate };
