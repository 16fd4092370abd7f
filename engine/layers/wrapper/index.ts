import { bidirectional } from './bidirectional';
import { timeDistributed } from './time-distributed';

export const wrapperLayers = { bidirectional, timeDistributed };
