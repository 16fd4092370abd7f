import { z } from 'zod';
import { route } from '@/server/http/route';
import { runAccess } from '@/server/training/run-access';
import { runModelJson } from '@/server/training/run-weights';
import { RunParamsSchema } from '@/server/training/schemas';

// GET /api/runs/:runId/model – the trained model as TF.js model.json (weights at ./weights.bin), for tf.loadLayersModel
export const GET = route(
  { params: RunParamsSchema, output: z.object({ modelTopology: z.unknown(), weightsManifest: z.array(z.unknown()) }).passthrough() },
  async ({ caller, params }) => {
    await runAccess(caller.userId, params.runId, 'viewer');
    return runModelJson(params.runId);
  },
);
