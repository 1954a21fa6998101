package main

import (
	"github.com/simdwc/simdwc/cmd/wcbench/internal/bench"
	"github.com/simdwc/simdwc/parallel"
	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/simd"
)

// parallelCounter is what the thread sweep measures: package parallel's
// slice counter (what simdwc.Options.Count runs) with Workers set to the
// thread count. Like Options.Count it keeps inputs below
// parallel.MinParallel on one goroutine, so the sweep uses the largest
// buffer.
var parallelCounter = bench.Parallel{
	Name: "parallel.Config{Workers: N}.Count",
	Count: func(p []byte, d scalar.Dialect, need simd.Need, workers int) scalar.Counts {
		return parallel.Config{Dialect: d, Need: need, Workers: workers}.Count(p).Counts()
	},
}
