package fuzz

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/simdwc/simdwc"
	"github.com/simdwc/simdwc/parallel"
	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/simd"
)

// repeatPartial is the Partial of k copies of the chunk p, by doubling:
// O(log k) merges instead of a reference count of the whole repetition
// (FuzzMerge proves Merge against CountAll on its own).
func repeatPartial(p scalar.Partial, k int) scalar.Partial {
	acc := scalar.Partial{}
	for ; k > 0; k >>= 1 {
		if k&1 == 1 {
			acc = acc.Merge(p)
		}
		p = p.Merge(p)
	}
	return acc
}

// FuzzParallel counts on fuzzer-chosen worker counts (1–8). parallel only
// splits inputs of at least parallel.MinParallel bytes and chooses its own
// task and buffer sizes, so the input is data repeated past that size
// (plus up to 4 KiB more, as the plan says), after a fuzzer-chosen tail of
// data that shifts every task boundary against the pattern. Checked:
// parallel.Config.Count, Config.CountReader over reads of the plan's
// sizes, and through the root Options{Workers}.Count and .CountFile (the
// pread path). First, the data itself is split everywhere with
// fuzzer-chosen Config.ChunkSize and BufferSize.
func FuzzParallel(f *testing.F) {
	// Each exec counts megabytes: a quarter of the golden vectors, and
	// only to seed fuzzing (the other targets run them all).
	if fuzzing() {
		for i, in := range goldenInputs(f) {
			if i%4 == 0 {
				f.Add(in, []byte{byte(i / 4)})
			}
		}
	}
	f.Fuzz(func(t *testing.T, data, planBytes []byte) {
		if len(data) == 0 {
			return
		}
		pl := plan{b: planBytes}
		workers := 1 + int(pl.next()+1)%8 // an empty plan: 2
		off := int(pl.next()) % (len(data) + 1)
		extra := size(pl.next())
		chunk, buf := 1+int(pl.next()), 1+int(pl.next())
		dir := t.TempDir()
		for _, d := range scalar.Dialects() {
			small := parallel.Config{Dialect: d, Need: simd.NeedAll, Workers: workers, ChunkSize: chunk, BufferSize: buf}
			wantSmall := scalar.CountAll(data, d)
			if got := small.Count(data).Counts(); got != wantSmall {
				mismatch(t, "parallel.Config{ChunkSize}.Count", d, simd.Selected().Name, data, got, wantSmall, "%d workers, chunks of %d", workers, chunk)
			}
			part, err := small.CountReader(context.Background(), &chunkReader{pieces: chunks(data, planBytes)})
			if got := part.Counts(); err != nil || got != wantSmall {
				mismatch(t, "parallel.Config{ChunkSize,BufferSize}.CountReader", d, simd.Selected().Name, data, got, wantSmall, "%d workers, chunks of %d, buffers of %d, err %v", workers, chunk, buf, err)
			}
			n := parallel.MinParallel(d) + extra
			k := (n-(len(data)-off))/len(data) + 1
			big := append(bytes.Clone(data[off:]), bytes.Repeat(data, k)...)
			want := scalar.Count(data[off:], d).Merge(repeatPartial(scalar.Count(data, d), k)).Counts()
			how := func() string {
				return "input is data[" + itoa(off) + ":] then data ×" + itoa(k) + ", " + itoa(len(big)) + " bytes, " + itoa(workers) + " workers"
			}
			cfg := parallel.Config{Dialect: d, Need: simd.NeedAll, Workers: workers}
			if got := cfg.Count(big).Counts(); got != want {
				mismatch(t, "parallel.Config.Count", d, simd.Selected().Name, data, got, want, "%s", how())
			}
			part, err = cfg.CountReader(context.Background(), &chunkReader{pieces: chunks(big, planBytes)})
			if got := part.Counts(); err != nil || got != want {
				mismatch(t, "parallel.Config.CountReader", d, simd.Selected().Name, data, got, want, "%s, reads %s, err %v", how(), describeSplit(planBytes, len(big)), err)
			}
			o := simdwc.Options{Dialect: d, Workers: workers}
			if got := o.Count(big); got != want {
				mismatch(t, "simdwc.Options{Workers}.Count", d, simd.Selected().Name, data, got, want, "%s", how())
			}
			name := filepath.Join(dir, d.String())
			if err := os.WriteFile(name, big, 0o644); err != nil {
				t.Fatal(err)
			}
			if got, err := o.CountFile(name); err != nil || got != want {
				mismatch(t, "simdwc.Options{Workers}.CountFile", d, simd.Selected().Name, data, got, want, "%s, err %v", how(), err)
			}
		}
	})
}

func itoa(n int) string { return strconv.Itoa(n) }
