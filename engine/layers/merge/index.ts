import { add } from './add';
import { average } from './average';
import { concatenate } from './concatenate';
import { dot } from './dot';
import { maximum } from './maximum';
import { minimum } from './minimum';
import { multiply } from './multiply';

export const mergeLayers = { add, concatenate, multiply, average, maximum, minimum, dot };
