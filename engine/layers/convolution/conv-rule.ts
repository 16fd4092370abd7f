import type { LayerIssue } from '../../diagnostics';
import type { Shape } from '../../shape';
import { checkPositive, unknownDim } from '../common';
import { type ConvParams, convSummary } from './conv-params';
import {
  channelsOf,
  type DataFormat,
  expectSpatial,
  type SpatialRank,
  slideWindow,
  spatialLayout,
  spatialVolume,
  windowVolume,
} from './spatial';

/** The window settings every convolution spec has (some lack dilation or a data format). */
export interface ConvWindowParams {
  kernelSize: number[];
  strides: number[];
  padding: string;
  dataFormat?: DataFormat;
  dilationRate?: number[];
  filters?: number;
}

/** What distinguishes one convolution family member from another, for the shared shape rule. */
export interface ConvRule {
  label: string;
  n: SpatialRank;
  /** Transposed convolutions grow the spatial axes by their strides instead of sliding over them. */
  transposed?: boolean;
  /** Output channels for the given number of input channels; by default the `filters` param. */
  outChannels?(channels: number): number;
}

/**
 * Output shape of an n-d convolution, as TF.js computes it: input must be rank n + 2 with a known
 * channel axis; strides and dilation may not both exceed 1 (TF.js accepts the layer but fails when it
 * runs, so we say so up front); a window that does not fit is an issue rather than a zero-size axis.
 */
export function convShape(x: Shape | undefined, rule: ConvRule, p: ConvWindowParams): Shape[] | LayerIssue {
  const shape = x ?? [];
  const rank = expectSpatial(shape, rule.n, rule.label, p.dataFormat);
  if (rank) return rank;
  if (p.strides.some((s) => s > 1) && (p.dilationRate ?? []).some((d) => d > 1)) {
    return {
      code: 'invalid_param',
      field: 'dilationRate',
      message: `${rule.label} cannot combine strides > 1 with a dilation rate > 1.`,
      hint: 'Set one of them to 1.',
    };
  }
  const channels = channelsOf(shape, rule.n, p.dataFormat);
  if (channels === null) return unknownDim(rule.label, 'channel axis');
  const out = slideWindow(shape, rule.n, {
    size: p.kernelSize,
    strides: p.strides,
    padding: p.padding,
    dilation: p.dilationRate,
    dataFormat: p.dataFormat,
    transposed: rule.transposed,
  });
  out[spatialLayout(rule.n, p.dataFormat).channelAxis] = rule.outChannels?.(channels) ?? p.filters ?? channels;
  return checkPositive(out, rule.label) ?? [out];
}

/** Input channels and kernel taps, the two factors of every convolution's weight count. */
export function filterBank(x: Shape | undefined, n: SpatialRank, p: ConvWindowParams): { channels: number; taps: number } {
  return { channels: channelsOf(x, n, p.dataFormat) ?? 0, taps: windowVolume(p.kernelSize) };
}

/**
 * Weights of a full convolution (regular or transposed): one `taps × channels` filter per output
 * channel, plus a bias each.
 */
export function convWeights(x: Shape | undefined, n: SpatialRank, p: ConvWindowParams & { filters: number; useBias: boolean }) {
  const { channels, taps } = filterBank(x, n, p);
  return { trainable: taps * channels * p.filters + (p.useBias ? p.filters : 0), nonTrainable: 0 };
}

/**
 * FLOPs per sample of a full convolution: each filter tap is a multiply-add at every position the
 * filter visits. A transposed convolution visits the input positions, a regular one the output ones.
 */
export function convFlops(
  x: Shape | undefined,
  y: Shape | undefined,
  rule: Pick<ConvRule, 'n' | 'transposed'>,
  p: ConvWindowParams & { filters: number },
): number {
  const { channels, taps } = filterBank(x, rule.n, p);
  const positions = spatialVolume(rule.transposed ? x : y, rule.n, p.dataFormat);
  return 2 * positions * taps * channels * p.filters;
}

/**
 * The input contract, shape rule, weight count, FLOPs and node text of a standard or transposed
 * convolution, to spread into its spec.
 */
export function convolutionRules(rule: ConvRule) {
  return {
    inputs: { min: 1, max: 1, minRank: rule.n + 2, maxRank: rule.n + 2 },
    outputShape: ([x]: Shape[], p: ConvParams) => convShape(x, rule, p),
    countParams: ([x]: Shape[], p: ConvParams) => convWeights(x, rule.n, p),
    flops: ([x]: Shape[], [y]: Shape[], p: ConvParams) => convFlops(x, y, rule, p),
    summary: (p: ConvParams) => convSummary(p, String(p.filters), rule.transposed ? '↑' : '/'),
  };
}
