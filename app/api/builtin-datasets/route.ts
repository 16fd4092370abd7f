import { BUILTIN_DATASETS } from '@/engine/data/builtins';
import * as routes from '@/server/datasets/routes';
import { handle } from '@/server/http/handle';

export const GET = handle(routes.listBuiltins, async () => ({ datasets: [...BUILTIN_DATASETS] }));
