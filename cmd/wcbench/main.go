// Command wcbench measures every simdwc kernel on the CPU at hand: GB/s
// per kernel, dialect, counts asked for and buffer size (one per cache
// level and one beyond), each next to a memory-read and a bytes.Count
// baseline timed on the same buffer in the same repeats; then the parallel
// counter over 1..GOMAXPROCS threads, and optionally wc itself.
//
// Every kernel's counts are checked against the reference (scalar.CountAll)
// on every buffer before anything is timed; a kernel that disagrees is not
// timed, the differences are printed and wcbench exits 1.
//
//	go run ./cmd/wcbench -quick
//	go run ./cmd/wcbench -json > bench.json
//	go run ./cmd/wcbench -svg bench.svg -peers -peer 'busybox wc'
//	go run ./cmd/wcbench -file big.txt -peers
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/simdwc/simdwc/cmd/wcbench/internal/bench"
	"github.com/simdwc/simdwc/scalar"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main with its exit status returned: 0 all good, 1 a kernel
// disagreed with the reference, 2 bad usage or an error.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("wcbench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		quick    = fs.Bool("quick", false, "a short run (under 20 s on 2 cores): fewer sizes, dialects, repeats, a 16 MiB memory buffer")
		asJSON   = fs.Bool("json", false, "write the report as JSON on stdout instead of the table")
		svgPath  = fs.String("svg", "", "write a chart of GB/s against buffer size to `FILE`")
		file     = fs.String("file", "", "measure on the file at `PATH` instead of generated text")
		corpus   = fs.String("corpus", "english", "generated corpus of the main table: "+strings.Join(bench.CorpusNames(), ", "))
		corporaF = fs.String("corpora", "", "corpora compared at the L2 size, comma-separated, or none (default all)")
		dialects = fs.String("dialects", "", "dialects, comma-separated (default ascii,gnu-c,utf8,gnu-utf8; -quick: ascii,utf8)")
		needs    = fs.String("needs", "all,lines+words,lines", "counts asked for, comma-separated: all (-lwmcL), lines+words (-lw), lines (-l)")
		kernels  = fs.String("kernels", "", "kernels to measure, comma-separated (default every kernel this CPU runs)")
		reps     = fs.Int("reps", 0, "repeats per measurement (default 7; -quick: 3)")
		sample   = fs.Duration("sample", 0, "least time per sample (default 10ms; -quick: 2ms)")
		maxBytes = fs.String("max-bytes", "", "cap on the buffer size, e.g. 256MiB (default 1GiB; -quick: 16MiB)")
		threads  = fs.Bool("threads", true, "sweep the parallel counter over 1..GOMAXPROCS threads")
		peers    = fs.Bool("peers", false, "also time the wc on PATH (and every -peer) on the same file")
		progress = fs.Bool("progress", true, "report progress on stderr when the run takes more than a few seconds")
		peerCmds []string
	)
	fs.Func("peer", "another `CMD` to time like wc (repeatable; implies -peers), e.g. 'busybox wc'", func(s string) error {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("empty command")
		}
		peerCmds = append(peerCmds, s)
		return nil
	})
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "wcbench: unexpected arguments %q (use -file PATH)\n", fs.Args())
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "wcbench: %v\n", err)
		return 2
	}

	cfg := bench.Config{
		Quick:        *quick,
		Reps:         pick(*reps, 7, 3, *quick),
		Target:       pick(*sample, 10*time.Millisecond, 2*time.Millisecond, *quick),
		SlowPass:     250 * time.Millisecond,
		Corpus:       *corpus,
		File:         *file,
		CorporaLevel: "L2",
		MaxBytes:     pick(0, 1*bench.GiB, 16*bench.MiB, *quick),
		Machine:      bench.DetectMachine(),
		Parallel:     parallelCounter,
	}
	if *maxBytes != "" {
		n, err := parseBytes(*maxBytes)
		if err != nil {
			return fail(fmt.Errorf("-max-bytes: %v", err))
		}
		cfg.MaxBytes = n
	}
	dl := *dialects
	if dl == "" {
		dl = map[bool]string{false: "ascii,gnu-c,utf8,gnu-utf8", true: "ascii,utf8"}[*quick]
	}
	for _, name := range splitList(dl) {
		d, err := scalar.ParseDialect(name)
		if err != nil {
			return fail(err)
		}
		cfg.Dialects = append(cfg.Dialects, d)
	}
	for _, name := range splitList(*needs) {
		n, ok := bench.NeedByName(name)
		if !ok {
			return fail(fmt.Errorf("-needs: unknown %q (want all, lines+words, lines)", name))
		}
		cfg.Needs = append(cfg.Needs, n)
	}
	switch *corporaF {
	case "":
		cfg.Corpora = bench.CorpusNames()
	case "none":
	default:
		cfg.Corpora = splitList(*corporaF)
	}
	all := kernelSource()
	if *kernels == "" {
		cfg.Kernels = all
	} else {
		for _, name := range splitList(*kernels) {
			found := false
			for _, k := range all {
				if k.Name == name {
					cfg.Kernels, found = append(cfg.Kernels, k), true
				}
			}
			if !found {
				return fail(fmt.Errorf("-kernels: %q is not a kernel this CPU runs (%s)", name, strings.Join(cfg.Machine.Kernels, ", ")))
			}
		}
	}
	if len(cfg.Dialects) == 0 || len(cfg.Needs) == 0 || len(cfg.Kernels) == 0 {
		return fail(fmt.Errorf("nothing to measure: no dialects, needs or kernels"))
	}
	if *threads {
		cfg.Threads = bench.ThreadCounts(runtime.GOMAXPROCS(0), *quick)
		// The library's default dialect and its fastest; -quick only the latter.
		for _, d := range cfg.Dialects {
			if d == scalar.ASCII || (d == scalar.UTF8 && !*quick) {
				cfg.SweepDialects = append(cfg.SweepDialects, d)
			}
		}
		if len(cfg.SweepDialects) == 0 {
			cfg.SweepDialects = cfg.Dialects[:1]
		}
	} else {
		cfg.Parallel = bench.Parallel{}
	}
	if *peers || len(peerCmds) > 0 {
		cfg.Peers = append([]string{"wc"}, peerCmds...)
	}
	if *progress {
		cfg.Progress = stderr
	}

	rep, err := bench.Run(cfg)
	if err != nil {
		return fail(err)
	}
	if *asJSON {
		err = bench.WriteJSON(stdout, rep)
	} else {
		err = bench.WriteTable(stdout, rep)
	}
	if err != nil {
		return fail(err)
	}
	if *svgPath != "" {
		f, err := os.Create(*svgPath)
		if err != nil {
			return fail(err)
		}
		err = bench.WriteSVG(f, rep)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fail(err)
		}
	}
	if !rep.Verification.OK {
		fmt.Fprintf(stderr, "wcbench: refusing to report %s: counts differ from the reference\n", strings.Join(rep.Verification.Refused, ", "))
		bench.WriteMismatches(stderr, rep.Verification.Mismatches)
		return 1
	}
	return 0
}

// kernelSource lists the kernels to measure. Tests replace it to slip in a
// kernel that gets the counts wrong and check that wcbench refuses it.
var kernelSource = bench.SIMDKernels

// pick returns v if set, else the quick or full default.
func pick[T comparable](v, full, quick T, isQuick bool) T {
	var zero T
	switch {
	case v != zero:
		return v
	case isQuick:
		return quick
	}
	return full
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// parseBytes reads a size such as 4096, 64KiB, 32MiB, 1GiB (K/M/G and
// KB/MB/GB are taken as binary units too).
func parseBytes(s string) (int, error) {
	t := strings.TrimSpace(s)
	mult := 1
	for _, u := range []struct {
		suffix string
		mult   int
	}{{"KiB", bench.KiB}, {"MiB", bench.MiB}, {"GiB", bench.GiB}, {"KB", bench.KiB}, {"MB", bench.MiB}, {"GB", bench.GiB},
		{"K", bench.KiB}, {"M", bench.MiB}, {"G", bench.GiB}, {"k", bench.KiB}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.Atoi(t)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("bad size %q", s)
	}
	return n * mult, nil
}
