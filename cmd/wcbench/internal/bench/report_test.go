package bench

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/scalar"
)

func st(med float64) Stats {
	return Stats{N: 3, Median: med, Min: med * 0.9, Max: med * 1.2, Q1: med * 0.95, Q3: med * 1.1}
}

// sampleReport is a report with every section filled, made up figures.
func sampleReport() *Report {
	agrees := true
	rep := &Report{
		Schema: 1, Tool: "wcbench", ElapsedSeconds: 12.5,
		Machine: Machine{
			CPU: CPU{Brand: "Test <CPU> & Co", Vendor: "GenuineIntel", Family: 6, Model: 143,
				Features:   []Feature{{"AVX2", true}, {"AVX512BW", false}},
				Caches:     Caches{L1D: 48 * KiB, L2: 2 * MiB, L3: 0},
				CachesUsed: Caches{L1D: 48 * KiB, L2: 2 * MiB, L3: DefaultL3}, CachesGuessed: true},
			GoVersion: "go1.26", GOOS: "linux", GOARCH: "amd64", GOMAXPROCS: 2, NumCPU: 2,
			Kernels: []string{"reference", "avx2"}, DefaultKernel: "avx2",
		},
		Settings: Settings{Quick: true, Reps: 3, TargetMillis: 2, Corpus: "english", Seed: corpusSeed,
			Dialects: []string{"ascii", "utf8"}, Needs: []string{"all", "lines"}, Corpora: []string{"english", "random"},
			CorporaLevel: "L2", Reference: "scalar.CountAll"},
		Sizes:        []Size{{Level: "L1", Bytes: 24 * KiB}, {Level: "L2", Bytes: MiB}, {Level: "mem", Bytes: 16 * MiB, Note: "capped"}},
		Verification: Verification{Checked: 48, OK: true, Refused: []string{}},
	}
	for _, s := range rep.Sizes {
		for i, k := range rep.Machine.Kernels {
			for _, d := range rep.Settings.Dialects {
				for _, n := range rep.Settings.Needs {
					g := 2 + float64(i)*9 + float64(s.Bytes)/float64(GiB)
					rep.Results = append(rep.Results, Result{Kernel: k, Dialect: d, Need: n, Corpus: "english",
						Level: s.Level, Bytes: s.Bytes, GBps: st(g), MemReadGBps: st(40), BytesCountGBps: st(30),
						VsMemRead: st(g / 40), VsBytesCount: st(g / 30)})
				}
			}
		}
	}
	for _, c := range rep.Settings.Corpora {
		for _, k := range rep.Machine.Kernels {
			for _, d := range rep.Settings.Dialects {
				rep.Corpora = append(rep.Corpora, Result{Kernel: k, Dialect: d, Need: "all", Corpus: c, Level: "L2",
					Bytes: MiB, GBps: st(3), MemReadGBps: st(40), BytesCountGBps: st(30), VsMemRead: st(0.1), VsBytesCount: st(0.1)})
			}
		}
	}
	rep.Threads = &Sweep{Counter: "split", Corpus: "english", Level: "mem", Bytes: 16 * MiB, Need: "all",
		Points: []ThreadPoint{{Threads: 1, Dialect: "ascii", GBps: st(5), MemReadGBps: st(10), VsMemRead: st(0.5), Scaling: 1},
			{Threads: 2, Dialect: "ascii", GBps: st(9), MemReadGBps: st(18), VsMemRead: st(0.5), Scaling: 1.8}}}
	rep.Peers = []PeerResult{{Command: "wc", Path: "/usr/bin/wc", Locale: "C", Dialect: "gnu-c", Need: "all", Flags: "-lwmcL",
		File: "/tmp/x", Bytes: 16 * MiB, PeerSeconds: st(0.2), SimdwcSeconds: st(0.01), PeerGBps: st(0.08),
		SimdwcGBps: st(1.6), Speedup: st(20), Output: "1 2 3 4 5 /tmp/x", Agrees: &agrees},
		{Command: "busybox wc", Locale: "C", Flags: "-l", Error: "exec: not found"}}
	return rep
}

// columns returns the rune offsets where each cell of a tabwriter line
// starts (cells are separated by two or more spaces).
func columns(line string) []int {
	var cols []int
	runes := []rune(line)
	for i := range runes {
		if runes[i] != ' ' && (i == 0 || (i >= 2 && runes[i-1] == ' ' && runes[i-2] == ' ')) {
			cols = append(cols, i)
		}
	}
	return cols
}

// section returns the lines of the table that follows the line starting
// with title, up to the next blank line.
func section(t *testing.T, out, title string) []string {
	t.Helper()
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, title) {
			var tbl []string
			for _, l := range lines[i+1:] {
				if l == "" {
					break
				}
				tbl = append(tbl, l)
			}
			return tbl
		}
	}
	t.Fatalf("no section %q in\n%s", title, out)
	return nil
}

func TestTableIsAligned(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteTable(&b, sampleReport()))
	out := b.String()
	for _, title := range []string{"memory-read", "Corpora at", "Threads on", "Peers on"} {
		tbl := section(t, out, title)
		require.NotEmpty(t, tbl, title)
		head := columns(tbl[0])
		for _, row := range tbl[1:] {
			assert.Equal(t, head, columns(row), "%s: %q vs header %q", title, row, tbl[0])
		}
	}
	main := section(t, out, "memory-read")
	assert.Equal(t, []string{"size", "kernel", "dialect", "need", "GB/s", "[min–max]", "read", "GB/s", "×read", "count", "GB/s", "×count"},
		strings.Fields(main[0]))
	assert.Len(t, main, 1+3*2*2*2, "a row per size × kernel × dialect × need")
	assert.Equal(t, []string{"L1", "24", "KiB", "reference", "ascii", "all", "2.00", "[1.80–2.40]", "40.0", "0.050", "30.0", "0.067"},
		strings.Fields(main[1]))
}

func TestTableHeader(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteTable(&b, sampleReport()))
	out := b.String()
	for _, want := range []string{
		"CPU       Test <CPU> & Co (GenuineIntel family 6 model 143 stepping 0)",
		"SIMD      AVX2 -AVX512BW",
		"Caches    L1D 48 KiB, L2 2 MiB, L3 unknown (assumed 8 MiB)",
		"Go        go1.26 linux/amd64, GOMAXPROCS 2, 2 CPUs",
		"Kernels   reference, avx2 (default avx2)",
		"Verified  48 counts against scalar.CountAll: every kernel agrees",
		"note: mem 16 MiB: capped",
		"wc          C       -lwmcL  0.200   0.010     20.0×",
		"busybox wc  C       -l      -       -         -         -            error: exec: not found",
	} {
		assert.Contains(t, out, want)
	}
	assert.True(t, utf8.ValidString(out))
}

func TestTableShowsRefusal(t *testing.T) {
	rep := sampleReport()
	rep.Verification = Verification{Checked: 48, Refused: []string{"avx2"}, Mismatches: []Mismatch{{
		Kernel: "avx2", Dialect: "ascii", Need: "all", Corpus: "english", Size: "L1 24 KiB", Bytes: 24 * KiB,
		Want: scalar.Counts{Words: 10}, Got: scalar.Counts{Words: 11}, Diff: "words want 10 got 11"}}}
	var b bytes.Buffer
	require.NoError(t, WriteTable(&b, rep))
	assert.Contains(t, b.String(), "REFUSED avx2 (1 mismatches, not timed)")
	assert.Contains(t, b.String(), "MISMATCH kernel avx2, dialect ascii, need all, english L1 24 KiB: words want 10 got 11")
}

func TestNum(t *testing.T) {
	for v, want := range map[float64]string{
		0: "0.000", 123.4: "123", 45.67: "45.7", 3.14159: "3.14", 0.1234: "0.123", 0.012: "0.012",
		0.0053: "0.0053", 0.000053: "0.000053", -2.5: "-2.50",
	} {
		assert.Equal(t, want, Num(v), "%v", v)
	}
	assert.Equal(t, "[0.900–1.20]", Spread(Stats{Min: 0.9, Max: 1.2}))
}

func TestJSONShape(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteJSON(&b, sampleReport()))
	var doc map[string]any
	require.NoError(t, json.Unmarshal(b.Bytes(), &doc))

	// get walks a path of object keys and array indexes.
	get := func(path ...any) any {
		var v any = doc
		for _, p := range path {
			switch k := p.(type) {
			case string:
				m, ok := v.(map[string]any)
				require.True(t, ok, "%v: not an object at %q", path, k)
				v, ok = m[k]
				require.True(t, ok, "%v: no key %q", path, k)
			case int:
				a, ok := v.([]any)
				require.True(t, ok, "%v: not an array at %d", path, k)
				require.Greater(t, len(a), k, "%v", path)
				v = a[k]
			}
		}
		return v
	}
	stats := func(path ...any) {
		for _, k := range []string{"n", "median", "min", "max", "q1", "q3"} {
			assert.IsType(t, float64(0), get(append(path, k)...), "%v.%s", path, k)
		}
	}
	assert.Equal(t, "Test <CPU> & Co", get("machine", "cpu", "brand"))
	for _, k := range []string{"vendor", "family", "model", "stepping", "physical_cores", "logical_cores", "caches_guessed", "cache_line"} {
		get("machine", "cpu", k)
	}
	assert.Equal(t, "AVX2", get("machine", "cpu", "features", 0, "name"))
	assert.Equal(t, true, get("machine", "cpu", "features", 0, "present"))
	assert.Equal(t, float64(48*KiB), get("machine", "cpu", "caches", "l1d"))
	assert.Equal(t, float64(0), get("machine", "cpu", "caches", "l3"), "unknown stays 0 in caches")
	assert.Equal(t, float64(DefaultL3), get("machine", "cpu", "caches_used", "l3"))
	for _, k := range []string{"go_version", "goos", "goarch", "gomaxprocs", "num_cpu", "default_kernel"} {
		get("machine", k)
	}
	assert.Equal(t, "avx2", get("machine", "kernels", 1))
	for _, k := range []string{"quick", "reps", "sample_target_ms", "corpus", "seed", "dialects", "needs", "corpora", "reference", "memread_baseline", "bytes_count_baseline"} {
		get("settings", k)
	}
	assert.Equal(t, "mem", get("sizes", 2, "level"))
	assert.Equal(t, float64(16*MiB), get("sizes", 2, "bytes"))
	assert.Equal(t, true, get("verification", "ok"))
	assert.Equal(t, []any{}, get("verification", "refused"), "an empty list, not null")
	for _, section := range []string{"results", "corpora"} {
		for _, k := range []string{"kernel", "dialect", "need", "corpus", "level", "bytes"} {
			get(section, 0, k)
		}
		for _, k := range []string{"gbps", "memread_gbps", "bytes_count_gbps", "vs_memread", "vs_bytes_count"} {
			stats(section, 0, k)
		}
	}
	get("threads", "counter")
	for _, k := range []string{"gbps", "memread_gbps", "vs_memread"} {
		stats("threads", "points", 1, k)
	}
	assert.Equal(t, 1.8, get("threads", "points", 1, "scaling"))
	for _, k := range []string{"peer_seconds", "simdwc_seconds", "peer_gbps", "simdwc_gbps", "speedup"} {
		stats("peers", 0, k)
	}
	assert.Equal(t, true, get("peers", 0, "agrees"))
	assert.Equal(t, "exec: not found", get("peers", 1, "error"))
}
