import { activation } from './activation';
import { dense } from './dense';
import { embedding } from './embedding';
import { flatten } from './flatten';
import { masking } from './masking';
import { permute } from './permute';
import { repeatVector } from './repeat-vector';
import { reshape } from './reshape';

export const coreLayers = { dense, flatten, activation, reshape, permute, repeatVector, masking, embedding };
