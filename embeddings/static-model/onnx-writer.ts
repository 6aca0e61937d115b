// Encodes a word-vector table as an ONNX graph that transformers.js runs like a transformer encoder:
// token ids in, one vector per token out (`last_hidden_state`), so its feature-extraction pipeline can mean-pool it.
import onnxProto, { type onnx } from 'onnx-proto';
import type { QuantizedRows } from './quantize.js';

const proto = onnxProto.onnx;
const { DataType } = proto.TensorProto;
const INT = proto.AttributeProto.AttributeType.INT;

// IR version 7 is the one that goes with opset 13.
const IR_VERSION = 7;
const OPSET = 13;

export type RowTable = { kind: 'float'; matrix: Float32Array } | { kind: 'int8'; rows: QuantizedRows };

function bytes(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function tensor(name: string, dataType: number, dims: number[], data: ArrayBufferView): onnx.ITensorProto {
  return { name, dataType, dims, rawData: bytes(data) };
}

function valueInfo(name: string, elemType: number, dims: Array<string | number>): onnx.IValueInfoProto {
  const dim = dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d }));
  return { name, type: { tensorType: { elemType, shape: { dim } } } };
}

/** Gather of the rows by `input_ids`; for int8 rows, Gather → Cast → Mul by the row's scale (gathered alongside). */
function graph(table: RowTable, dimensions: number): onnx.IGraphProto {
  const input = valueInfo('input_ids', DataType.INT64, ['batch_size', 'sequence_length']);
  const output = valueInfo('last_hidden_state', DataType.FLOAT, ['batch_size', 'sequence_length', dimensions]);
  if (table.kind === 'float') {
    const rows = table.matrix.length / dimensions;
    return {
      name: 'static_embeddings',
      input: [input],
      output: [output],
      initializer: [tensor('embeddings', DataType.FLOAT, [rows, dimensions], table.matrix)],
      node: [{ opType: 'Gather', input: ['embeddings', 'input_ids'], output: ['last_hidden_state'], attribute: [axis0()] }],
    };
  }
  const rows = table.rows.scales.length;
  return {
    name: 'static_embeddings_int8',
    input: [input],
    output: [output],
    initializer: [
      tensor('embeddings_int8', DataType.INT8, [rows, dimensions], table.rows.values),
      // Shaped [rows, 1] so that gathering it yields [batch, seq, 1], which broadcasts over the vector.
      tensor('row_scales', DataType.FLOAT, [rows, 1], table.rows.scales),
    ],
    node: [
      { opType: 'Gather', input: ['embeddings_int8', 'input_ids'], output: ['token_int8'], attribute: [axis0()] },
      { opType: 'Cast', input: ['token_int8'], output: ['token_float'], attribute: [{ name: 'to', type: INT, i: DataType.FLOAT }] },
      { opType: 'Gather', input: ['row_scales', 'input_ids'], output: ['token_scale'], attribute: [axis0()] },
      { opType: 'Mul', input: ['token_float', 'token_scale'], output: ['last_hidden_state'] },
    ],
  };
}

function axis0(): onnx.IAttributeProto {
  return { name: 'axis', type: INT, i: 0 };
}

export function encodeModel(table: RowTable, dimensions: number): Uint8Array {
  const model: onnx.IModelProto = {
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET }],
    producerName: 'confnotes',
    graph: graph(table, dimensions),
  };
  return proto.ModelProto.encode(model).finish();
}
