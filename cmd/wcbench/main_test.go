package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/cmd/wcbench/internal/bench"
	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/simd"
)

// tiny are flags for a run that takes well under a second.
var tiny = []string{"-quick", "-max-bytes", "64KiB", "-reps", "1", "-sample", "50us", "-corpora", "none", "-needs", "all,lines", "-progress=false"}

func TestQuickJSON(t *testing.T) {
	var stdout, stderr bytes.Buffer
	dir := t.TempDir()
	svg := filepath.Join(dir, "chart.svg")
	code := run(append(tiny, "-json", "-svg", svg), &stdout, &stderr)
	require.Equal(t, 0, code, "stderr: %s", stderr.String())
	var rep bench.Report
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &rep))
	assert.True(t, rep.Verification.OK)
	assert.Equal(t, []string{"ascii", "utf8"}, rep.Settings.Dialects)
	assert.Equal(t, len(simd.Available())*2*2*len(rep.Sizes), len(rep.Results))
	assert.NotEmpty(t, rep.Machine.CPU.Brand)
	require.NotNil(t, rep.Threads)
	b, err := os.ReadFile(svg)
	require.NoError(t, err)
	assert.Contains(t, string(b), "<svg")
}

func TestRefusesDisagreeingKernel(t *testing.T) {
	real := kernelSource
	t.Cleanup(func() { kernelSource = real })
	kernelSource = func() []bench.Kernel {
		return append(real(), bench.Kernel{Name: "fake", Count: func(p []byte, d scalar.Dialect, need simd.Need) scalar.Partial {
			part := scalar.Count(p, scalar.ASCII)
			part.Sum.Lines += 2
			return scalar.FromSummary(scalar.ASCII, uint64(len(p)), part.Sum)
		}})
	}
	var stdout, stderr bytes.Buffer
	code := run(append(tiny, "-json", "-threads=false"), &stdout, &stderr)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr.String(), "wcbench: refusing to report fake: counts differ from the reference")
	assert.Regexp(t, `MISMATCH kernel fake, dialect ascii, need all, english L1 \d+ KiB: lines want \d+ got \d+`, stderr.String())
	var rep bench.Report
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &rep))
	assert.Equal(t, []string{"fake"}, rep.Verification.Refused)
	for _, r := range rep.Results {
		assert.NotEqual(t, "fake", r.Kernel)
	}
}

func TestTableOnFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "in.txt")
	require.NoError(t, os.WriteFile(file, []byte("hello wörld\nzwei Zeilen\n"), 0o644))
	var stdout, stderr bytes.Buffer
	code := run(append(tiny, "-file", file, "-kernels", "reference", "-threads=false"), &stdout, &stderr)
	require.Equal(t, 0, code, "stderr: %s", stderr.String())
	assert.Contains(t, stdout.String(), "file 25 B  reference  ascii    all")
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"-dialects", "klingon"}, {"-needs", "bytes"}, {"-kernels", "nope"}, {"-max-bytes", "lots"},
		{"-corpus", "nope", "-max-bytes", "64KiB"}, {"stray"}, {"-no-such-flag"},
	} {
		var stdout, stderr bytes.Buffer
		assert.Equal(t, 2, run(args, &stdout, &stderr), "%v", args)
		assert.NotEmpty(t, stderr.String(), "%v", args)
	}
}

func TestParseBytes(t *testing.T) {
	for in, want := range map[string]int{"4096": 4096, "64KiB": 64 << 10, "32MiB": 32 << 20, "1GiB": 1 << 30, "1G": 1 << 30, "16 MB": 16 << 20} {
		got, err := parseBytes(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{"", "0", "-1", "MiB", "1.5GiB"} {
		_, err := parseBytes(in)
		assert.Error(t, err, in)
	}
}
