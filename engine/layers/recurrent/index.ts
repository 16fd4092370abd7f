import { convLstm2d } from './conv-lstm2d';
import { gru } from './gru';
import { lstm } from './lstm';
import { simpleRnn } from './simple-rnn';

export const recurrentLayers = { simpleRnn, lstm, gru, convLstm2d };
