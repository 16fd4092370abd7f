import type { Tf } from '../layers/spec';

const factories = new WeakMap<object, Map<string, string>>();

/**
 * The `tf.layers` factory function that makes a layer class, derived from the spec's Keras / TF.js
 * `class_name`: TF.js names every factory after its class in lower camel case, spelling acronyms its
 * own way (`Conv2D` → `conv2d`, `ConvLSTM2D` → `convLstm2d`, `PReLU` → `prelu`, `Cropping2D` →
 * `cropping2D`), so the factory is the function of `tf.layers` whose name is the class name but for
 * case. Where a class is exported too (`RNN` beside `rnn`), the lower-case factory wins. `undefined`
 * for a class TF.js has no factory for.
 *
 * @example
 * tfjsFactory(tf, 'ConvLSTM2D') // 'convLstm2d'
 */
export function tfjsFactory(tf: Tf, className: string): string | undefined {
  let byClass = factories.get(tf.layers);
  if (!byClass) {
    byClass = new Map();
    const names = Object.keys(tf.layers).filter((name) => typeof (tf.layers as Record<string, unknown>)[name] === 'function');
    for (const name of names.sort((a, b) => Number(/^[a-z]/.test(b)) - Number(/^[a-z]/.test(a)))) {
      if (!byClass.has(name.toLowerCase())) byClass.set(name.toLowerCase(), name);
    }
    factories.set(tf.layers, byClass);
  }
  return byClass.get(className.toLowerCase());
}
