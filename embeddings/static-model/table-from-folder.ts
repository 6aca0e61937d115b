// Writes the table file of a static model folder built before the file existed, from its tokenizer.json and
// ONNX graph: the rows are the same bytes, so the model's id, and every index built with it, stay valid.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';
import { encodeTable, TABLE_FILE } from './table-file.js';
import { modelFileName, type Precision } from './tokenizer-files.js';

export async function writeTableFromFolder(dir: string, precision: Precision): Promise<void> {
  const tokenizer = JSON.parse(await readFile(join(dir, 'tokenizer.json'), 'utf8')) as { model: { vocab: Record<string, number> } };
  const words: string[] = [];
  for (const [word, id] of Object.entries(tokenizer.model.vocab)) words[id] = word;
  const model = onnxProto.onnx.ModelProto.decode(await readFile(join(dir, modelFileName(precision))));
  const initializer = (name: string) => {
    const tensor = model.graph?.initializer?.find((t) => t.name === name);
    if (!tensor?.rawData || !tensor.dims) throw new Error(`${modelFileName(precision)} has no ${name}`);
    // Copied into a buffer of its own (protobufjs hands out views into a shared one), so that the typed arrays below are aligned.
    const raw = new Uint8Array(tensor.rawData);
    return { buffer: raw.buffer, dims: tensor.dims.map(Number) };
  };
  let bytes: Uint8Array;
  if (precision === 'int8') {
    const values = initializer('embeddings_int8');
    const scales = initializer('row_scales');
    bytes = encodeTable(words, { kind: 'int8', rows: { values: new Int8Array(values.buffer), scales: new Float32Array(scales.buffer) } }, values.dims[1]!);
  } else {
    const matrix = initializer('embeddings');
    bytes = encodeTable(words, { kind: 'float', matrix: new Float32Array(matrix.buffer) }, matrix.dims[1]!);
  }
  // Renamed into place: a reader sees no file or a whole one.
  const temp = join(dir, `${TABLE_FILE}.tmp-${process.pid}`);
  await writeFile(temp, bytes);
  await rename(temp, join(dir, TABLE_FILE));
}
