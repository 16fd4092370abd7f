import { builtinReader } from '@/server/datasets/read/builtin-reader';
import * as routes from '@/server/datasets/routes';
import { handle } from '@/server/http/handle';

export const GET = handle(routes.builtinMeta, async ({ params, query }) => (await builtinReader(params.name, query.dataSeed)).meta);
