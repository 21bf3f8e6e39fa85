// The server's start-up settings for the Node runtime (instrumentation.ts imports this there).
//
// Memory (issue 13, docs/decisions/017-server-memory.md): V8 lets the old generation grow to up
// to 4× what survived the last full collection before it collects again. Under the submission
// load the live heap is 70–80 MB, so the server's heap rose to ~330 MB of mostly dead request
// objects (RSS ~490 MB). A growing factor of 2× collects earlier: the heap still grows as far as
// the live data needs (this is no cap), it is only swept sooner. Measured: RSS under load
// 290–327 MB, no change in throughput within the machine's noise (docs/benchmarks.md).
import { setFlagsFromString } from "node:v8";

setFlagsFromString(`--heap-growing-percent=${process.env.JIXIAO_HEAP_GROWING_PERCENT ?? "100"}`);
