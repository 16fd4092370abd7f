import { BUILTINS, BuiltinListSchema } from '@/server/datasets/schemas';
import { route } from '@/server/http/route';

// GET /api/builtin-datasets – the built-in datasets, with where each comes from and its license
export const GET = route({ output: BuiltinListSchema }, async () => ({ datasets: [...BUILTINS] }));
