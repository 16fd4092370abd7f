import { parseArgs } from 'node:util';
import { EXIT, UsageError } from './errors';

const USAGE = `Usage: netcanvas <command> [options]

Commands:
  summary <graph.json | MODEL> [--json]                    Layers, output shapes, parameters and diagnostics
                                                           (a TF.js graph model: inputs, outputs, operations, weights)
  import <MODEL> -o <graph.json> [--weights x.caffemodel]   Turn a model file into a graph (weights beside it)
  export <graph.json> --format tfjs|keras|ts|onnx -o <DIR>  TF.js model files, Keras Python, TF.js TypeScript or ONNX
  train <GRAPH> --data <DATASET> [--epochs N] [--json]      Train; GRAPH is a file or template:NAME, DATASET builtin:NAME or a file
  diff <A> <B> [--json] [--tolerance X]                     Compare two models of any formats: layers aligned, settings and weights

MODEL is a TF.js model.json, a Keras model JSON (model.to_json()), a Keras HDF5 file (model.save('model.h5')),
a Keras 3 file (model.save('model.keras')), an ONNX file (model.onnx) or a Caffe deploy.prototxt (its .caffemodel beside it, or given with --weights).
Exit codes: 0 valid, 1 the model has errors, 2 usage errors or unreadable files.
diff exits 0 when A and B are the same network (weights within --tolerance, 1e-5 by default), 1 when they differ.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? EXIT.ok : EXIT.usage;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      output: { type: 'string', short: 'o' },
      format: { type: 'string' },
      data: { type: 'string' },
      epochs: { type: 'string' },
      'batch-size': { type: 'string' },
      seed: { type: 'string' },
      'save-weights': { type: 'string' },
      weights: { type: 'string' },
      tolerance: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file) throw new UsageError(`${command}: missing the file argument`);
  if (command === 'diff') {
    const other = positionals[1];
    if (!other) throw new UsageError('diff: two model files are needed: netcanvas diff A B');
    if (positionals.length > 2) throw new UsageError(`diff: unexpected argument "${positionals[2]}"`);
    const { diffCommand } = await import('./commands/diff');
    return diffCommand(file, other, { json: values.json ?? false, tolerance: optionalTolerance(values.tolerance) });
  }
  if (positionals.length > 1) throw new UsageError(`${command}: unexpected argument "${positionals[1]}"`);
  switch (command) {
    case 'summary': {
      const { summaryCommand } = await import('./commands/summary');
      return summaryCommand(file, { json: values.json ?? false });
    }
    case 'import': {
      if (!values.output) throw new UsageError('import: -o <graph.json> is required');
      const { importCommand } = await import('./commands/import');
      return importCommand(file, values.output, { json: values.json ?? false, ...(values.weights ? { weights: values.weights } : {}) });
    }
    case 'export': {
      const format = values.format;
      if (format !== 'tfjs' && format !== 'keras' && format !== 'ts' && format !== 'onnx') {
        throw new UsageError('export: --format must be tfjs, keras, ts or onnx');
      }
      if (!values.output) throw new UsageError('export: -o <DIR> is required');
      const { exportCommand } = await import('./commands/export');
      return exportCommand(file, format, values.output, values.weights ? { weights: values.weights } : {});
    }
    case 'train': {
      if (!values.data) throw new UsageError('train: --data <DATASET> is required (e.g. builtin:spiral)');
      const { trainCommand } = await import('./commands/train');
      return trainCommand(file, values.data, {
        json: values.json ?? false,
        epochs: optionalInt(values.epochs, '--epochs'),
        batchSize: optionalInt(values['batch-size'], '--batch-size'),
        seed: optionalInt(values.seed, '--seed'),
        saveWeights: values['save-weights'],
      });
    }
    default:
      throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);
  }
}

function optionalTolerance(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--tolerance must be a number of 0 or more, got "${value}"`);
  return n;
}

function optionalInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive whole number, got "${value}"`);
  return n;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`netcanvas: ${(error as Error).message}\n`);
    process.exitCode = EXIT.usage;
  } else {
    process.stderr.write(`netcanvas: internal error: ${(error as Error).message}\n`);
    process.exitCode = EXIT.usage;
  }
}
