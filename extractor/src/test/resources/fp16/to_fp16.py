"""Writes an fp16 copy of an ONNX model for the tests (Debian python3-onnx; run-tests installs it).

usage: to_fp16.py SRC DST IO
  IO = float32: weights in float16, the graph's inputs and outputs stay float32 through Cast nodes
                (what onnxconverter-common's convert_float_to_float16(keep_io_types=True) exports);
  IO = float16: weights, inputs and outputs all float16.
"""
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

src, dst, io = sys.argv[1:4]
model = onnx.load(src)
graph = model.graph
for i, t in enumerate(graph.initializer):
    if t.data_type == TensorProto.FLOAT:
        graph.initializer[i].CopyFrom(numpy_helper.from_array(numpy_helper.to_array(t).astype(np.float16), t.name))
for v in list(graph.input) + list(graph.output) + list(graph.value_info):
    if v.type.tensor_type.elem_type == TensorProto.FLOAT:
        v.type.tensor_type.elem_type = TensorProto.FLOAT16


def rename(old, new):
    for node in graph.node:
        node.input[:] = [new if x == old else x for x in node.input]
        node.output[:] = [new if x == old else x for x in node.output]


if io == "float32":
    for out in graph.output:
        rename(out.name, out.name + "_fp16")
        graph.node.append(helper.make_node("Cast", [out.name + "_fp16"], [out.name], to=TensorProto.FLOAT))
        out.type.tensor_type.elem_type = TensorProto.FLOAT
    for inp in graph.input:
        rename(inp.name, inp.name + "_fp16")
        graph.node.insert(0, helper.make_node("Cast", [inp.name], [inp.name + "_fp16"], to=TensorProto.FLOAT16))
        inp.type.tensor_type.elem_type = TensorProto.FLOAT
elif io != "float16":
    sys.exit("IO must be float32 or float16, got " + io)
onnx.checker.check_model(model)
onnx.save(model, dst)
