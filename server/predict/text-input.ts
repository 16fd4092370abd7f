import type { DatasetMeta } from '@/engine/data/meta';
import { encodeText, vocabularyIndex } from '@/engine/data/text/vocabulary';
import { badRequest, parseInput } from '@/server/http/errors';
import { PredictTextsBody } from '@/server/predict/schemas';

/** Texts encoded for the network, and how each was read (tokens, unknown words, words cut off). */
export interface TextPredictInput {
  features: Float32Array;
  count: number;
  texts: { tokens: number; unknown: number; truncated: number }[];
}

/**
 * A predict request's texts as the network's input: each tokenized and looked up with the
 * vocabulary kept with the dataset version the run trained on, padded or cut to its length —
 * exactly how the training texts were encoded.
 */
export function textsInput(body: unknown, meta: DatasetMeta): TextPredictInput {
  const encoding = meta.text;
  if (!encoding) {
    throw badRequest(`This run's network was trained on ${meta.name}, which holds no texts: send { "rows": [[…]] } or an image instead.`);
  }
  const { texts } = parseInput(PredictTextsBody, body);
  const index = vocabularyIndex(encoding.vocabulary);
  const features = new Float32Array(texts.length * encoding.length);
  const readings = texts.map((text, i) => {
    const encoded = encodeText(encoding, text, index);
    features.set(encoded.ids, i * encoding.length);
    return { tokens: encoded.tokens, unknown: encoded.unknown, truncated: encoded.truncated };
  });
  return { features, count: texts.length, texts: readings };
}
