package bench

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/simd"
)

// Config is one wcbench run.
type Config struct {
	Quick    bool
	Reps     int
	Target   time.Duration // least time per sample (Sampler.Target)
	SlowPass time.Duration // see Sampler.SlowPass
	Dialects []scalar.Dialect
	Needs    []NeedSet
	// Corpus is the generated corpus of the main matrix; File, when set,
	// replaces it with a real file counted as one buffer.
	Corpus string
	File   string
	// Corpora are the generated corpora compared at CorporaLevel with
	// NeedAll; empty skips that section.
	Corpora      []string
	CorporaLevel string
	MaxBytes     int
	Sizes        []Size // nil: SelectSizes(Machine.CPU.CachesUsed, Quick, MaxBytes)
	Kernels      []Kernel
	// Parallel is swept over Threads on the largest buffer, in
	// SweepDialects; a nil Count skips the sweep.
	Parallel      Parallel
	Threads       []int
	SweepDialects []scalar.Dialect
	// Peers are commands timed against simdwc on the largest buffer
	// (written to a temp file) or on File.
	Peers   []string
	TempDir string
	Machine Machine
	// Progress receives progress lines; nil is silent.
	Progress io.Writer
}

// Machine is where the run happened.
type Machine struct {
	CPU           CPU      `json:"cpu"`
	GoVersion     string   `json:"go_version"`
	GOOS          string   `json:"goos"`
	GOARCH        string   `json:"goarch"`
	GOMAXPROCS    int      `json:"gomaxprocs"`
	NumCPU        int      `json:"num_cpu"`
	Kernels       []string `json:"kernels"`
	DefaultKernel string   `json:"default_kernel"`
}

// DetectMachine describes this machine and the kernels it runs.
func DetectMachine() Machine {
	m := Machine{
		CPU:           DetectCPU(),
		GoVersion:     runtime.Version(),
		GOOS:          runtime.GOOS,
		GOARCH:        runtime.GOARCH,
		GOMAXPROCS:    runtime.GOMAXPROCS(0),
		NumCPU:        runtime.NumCPU(),
		DefaultKernel: simd.Selected().Name,
	}
	for _, k := range simd.Available() {
		m.Kernels = append(m.Kernels, k.Name)
	}
	return m
}

// Report is everything a run measured; the JSON output is this, and the
// table and chart are drawn from it.
type Report struct {
	Schema         int          `json:"schema"`
	Tool           string       `json:"tool"`
	Started        time.Time    `json:"started"`
	ElapsedSeconds float64      `json:"elapsed_seconds"`
	Machine        Machine      `json:"machine"`
	Settings       Settings     `json:"settings"`
	Sizes          []Size       `json:"sizes"`
	Verification   Verification `json:"verification"`
	// Results is the main matrix: kernel × dialect × need × size on the
	// main corpus.
	Results []Result `json:"results"`
	// Corpora compares every corpus at one size with NeedAll.
	Corpora []Result     `json:"corpora"`
	Threads *Sweep       `json:"threads,omitempty"`
	Peers   []PeerResult `json:"peers,omitempty"`
}

// Settings are the choices the run was made with.
type Settings struct {
	Quick        bool     `json:"quick"`
	Reps         int      `json:"reps"`
	TargetMillis float64  `json:"sample_target_ms"`
	Corpus       string   `json:"corpus"`
	File         string   `json:"file,omitempty"`
	Seed         uint64   `json:"seed"`
	Dialects     []string `json:"dialects"`
	Needs        []string `json:"needs"`
	Corpora      []string `json:"corpora"`
	CorporaLevel string   `json:"corpora_level"`
	MaxBytes     int      `json:"max_bytes"`
	Reference    string   `json:"reference"`
	MemRead      string   `json:"memread_baseline"`
	BytesCount   string   `json:"bytes_count_baseline"`
}

// Verification is what was checked against the reference before timing.
type Verification struct {
	Checked    int        `json:"checked"`
	OK         bool       `json:"ok"`
	Refused    []string   `json:"refused"`
	Mismatches []Mismatch `json:"mismatches"`
}

// Result is one kernel on one buffer in one dialect for one need, with
// the two baselines timed in the same repeats on the same buffer.
type Result struct {
	Kernel  string `json:"kernel"`
	Dialect string `json:"dialect"`
	Need    string `json:"need"`
	Corpus  string `json:"corpus"`
	Level   string `json:"level"`
	Bytes   int    `json:"bytes"`
	// GB/s (1e9 bytes per second) of the kernel and the baselines.
	GBps           Stats `json:"gbps"`
	MemReadGBps    Stats `json:"memread_gbps"`
	BytesCountGBps Stats `json:"bytes_count_gbps"`
	// Kernel GB/s over baseline GB/s, paired per repeat.
	VsMemRead    Stats `json:"vs_memread"`
	VsBytesCount Stats `json:"vs_bytes_count"`
}

// Sweep is the parallel counter at 1..N workers against N goroutines
// reading memory, on the same buffer.
type Sweep struct {
	Counter string        `json:"counter"`
	Corpus  string        `json:"corpus"`
	Level   string        `json:"level"`
	Bytes   int           `json:"bytes"`
	Need    string        `json:"need"`
	Points  []ThreadPoint `json:"points"`
}

// ThreadPoint is one worker count.
type ThreadPoint struct {
	Threads     int    `json:"threads"`
	Dialect     string `json:"dialect"`
	GBps        Stats  `json:"gbps"`
	MemReadGBps Stats  `json:"memread_gbps"`
	VsMemRead   Stats  `json:"vs_memread"`
	// Scaling is the median GB/s over the 1-worker median.
	Scaling float64 `json:"scaling"`
}

// Run verifies every kernel on every buffer, then times them. Kernels that
// disagree with the reference are left out of the timings and listed in
// Report.Verification; the caller should then exit non-zero.
func Run(cfg Config) (*Report, error) {
	start := time.Now()
	rep := &Report{Schema: 1, Tool: "wcbench", Started: start.UTC(), Machine: cfg.Machine,
		Results: []Result{}, Corpora: []Result{}}
	rep.Settings = Settings{
		Quick: cfg.Quick, Reps: cfg.Reps, TargetMillis: float64(cfg.Target) / float64(time.Millisecond),
		Corpus: cfg.Corpus, File: cfg.File, Seed: corpusSeed, Corpora: cfg.Corpora,
		CorporaLevel: cfg.CorporaLevel, MaxBytes: cfg.MaxBytes,
		Reference:  "scalar.CountAll",
		MemRead:    "bytes.IndexByte for the rarest (normally absent) byte",
		BytesCount: `bytes.Count(p, "\n")`,
	}
	if cfg.File != "" {
		rep.Settings.Corpus = "file"
	}
	for _, d := range cfg.Dialects {
		rep.Settings.Dialects = append(rep.Settings.Dialects, d.String())
	}
	for _, n := range cfg.Needs {
		rep.Settings.Needs = append(rep.Settings.Needs, n.Name)
	}

	// Buffers: the main corpus at every size (prefixes of one allocation),
	// or the file; then each comparison corpus at CorporaLevel.
	var main []Buffer
	if cfg.File != "" {
		data, err := os.ReadFile(cfg.File)
		if err != nil {
			return nil, err
		}
		if len(data) == 0 {
			return nil, fmt.Errorf("%s is empty", cfg.File)
		}
		main = []Buffer{{Corpus: filepath.Base(cfg.File), Size: Size{Level: "file", Bytes: len(data)}, Data: data}}
	} else {
		sizes := cfg.Sizes
		if sizes == nil {
			sizes = SelectSizes(cfg.Machine.CPU.CachesUsed, cfg.Quick, cfg.MaxBytes)
		}
		data, err := Generate(cfg.Corpus, sizes[len(sizes)-1].Bytes)
		if err != nil {
			return nil, err
		}
		for _, s := range sizes {
			main = append(main, Buffer{Corpus: cfg.Corpus, Size: s, Data: data[:s.Bytes]})
		}
	}
	for _, b := range main {
		rep.Sizes = append(rep.Sizes, b.Size)
	}
	var side []Buffer
	if len(cfg.Corpora) > 0 {
		size := main[0].Size
		for _, b := range main {
			if b.Size.Level == cfg.CorporaLevel {
				size = b.Size
			}
		}
		rep.Settings.CorporaLevel = size.Level
		for _, name := range cfg.Corpora {
			data, err := Generate(name, size.Bytes)
			if err != nil {
				return nil, err
			}
			side = append(side, Buffer{Corpus: name, Size: size, Data: data})
		}
	}

	prog := newProgress(cfg.Progress)
	prog.status("verifying kernels against scalar.CountAll")
	ms, checked := Verify(cfg.Kernels, append(slices.Clone(main), side...), cfg.Dialects, cfg.Needs)
	largest := main[len(main)-1]
	var sweepDialects []scalar.Dialect
	if cfg.Parallel.Count != nil {
		for _, d := range cfg.SweepDialects {
			want := scalar.CountAll(largest.Data, d)
			got := cfg.Parallel.Count(largest.Data, d, simd.NeedAll, max(2, slices.Max(append(cfg.Threads, 1))))
			checked++
			if got != want {
				ms = append(ms, Mismatch{Kernel: "parallel", Dialect: d.String(), Need: "all",
					Corpus: largest.Corpus, Size: largest.Size.Label(), Bytes: len(largest.Data),
					Want: want, Got: got, Diff: Diff(want, got)})
				continue
			}
			sweepDialects = append(sweepDialects, d)
		}
	}
	rep.Verification = Verification{Checked: checked, OK: len(ms) == 0, Mismatches: ms, Refused: []string{}}
	bad := refused(ms)
	for name := range bad {
		rep.Verification.Refused = append(rep.Verification.Refused, name)
	}
	slices.Sort(rep.Verification.Refused)
	var kernels []Kernel
	for _, k := range cfg.Kernels {
		if !bad[k.Name] {
			kernels = append(kernels, k)
		}
	}

	s := Sampler{Reps: cfg.Reps, Target: cfg.Target, SlowPass: cfg.SlowPass}
	prog.total = len(main)*len(kernels)*len(cfg.Dialects)*len(cfg.Needs) +
		len(side)*len(kernels)*len(cfg.Dialects) + len(sweepDialects)*len(cfg.Threads) +
		len(cfg.Peers)*len(cfg.Needs)*2
	prog.timing = time.Now()
	for _, b := range main {
		rep.Results = append(rep.Results, measureBuffer(s, b, kernels, cfg.Dialects, cfg.Needs, prog)...)
	}
	all := []NeedSet{Needs[0]}
	for _, b := range side {
		rep.Corpora = append(rep.Corpora, measureBuffer(s, b, kernels, cfg.Dialects, all, prog)...)
	}
	if len(sweepDialects) > 0 {
		rep.Threads = sweep(s, largest, cfg.Parallel, cfg.Threads, sweepDialects, prog)
	}
	if len(cfg.Peers) > 0 {
		file := cfg.File
		if file == "" {
			f, err := os.CreateTemp(cfg.TempDir, "wcbench-*.txt")
			if err != nil {
				return nil, err
			}
			defer os.Remove(f.Name())
			_, err = f.Write(largest.Data)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return nil, err
			}
			file = f.Name()
		}
		rep.Peers = RunPeers(PeerJob{Commands: cfg.Peers, File: file, Needs: cfg.Needs,
			Reps: cfg.Reps, Dialects: cfg.Dialects, Progress: prog.step})
	}
	prog.finish()
	rep.ElapsedSeconds = time.Since(start).Seconds()
	return rep, nil
}

// measureBuffer times every kernel × dialect × need on b, each cell with
// its own interleaved baselines.
func measureBuffer(s Sampler, b Buffer, kernels []Kernel, dialects []scalar.Dialect, needs []NeedSet, prog *progress) []Result {
	absent, _ := RarestByte(b.Data)
	p := b.Data
	memread := func() { sink += uint64(MemRead(p, absent)) }
	count := func() { sink += uint64(CountNewlines(p)) }
	var out []Result
	for _, k := range kernels {
		for _, d := range dialects {
			for _, n := range needs {
				kernel := func() { sink += k.Count(p, d, n.Need).Bytes }
				samples := s.Sample(len(p), kernel, memread, count)
				out = append(out, Result{
					Kernel: k.Name, Dialect: d.String(), Need: n.Name, Corpus: b.Corpus,
					Level: b.Size.Level, Bytes: len(p),
					GBps:           Summarize(samples[0]),
					MemReadGBps:    Summarize(samples[1]),
					BytesCountGBps: Summarize(samples[2]),
					VsMemRead:      Summarize(Ratios(samples[0], samples[1])),
					VsBytesCount:   Summarize(Ratios(samples[0], samples[2])),
				})
				prog.step(fmt.Sprintf("%s %s %s %s %s", b.Corpus, b.Size.Label(), k.Name, d, n.Name))
			}
		}
	}
	return out
}

// sweep times the parallel counter at each worker count against as many
// goroutines reading the same buffer.
func sweep(s Sampler, b Buffer, par Parallel, threads []int, dialects []scalar.Dialect, prog *progress) *Sweep {
	sw := &Sweep{Counter: par.Name, Corpus: b.Corpus, Level: b.Size.Level, Bytes: len(b.Data), Need: "all"}
	absent, _ := RarestByte(b.Data)
	p := b.Data
	for _, d := range dialects {
		var one float64
		for _, n := range threads {
			count := func() { sink += par.Count(p, d, simd.NeedAll, n).Bytes }
			read := func() { ParallelMemRead(p, absent, n) }
			samples := s.Sample(len(p), count, read)
			pt := ThreadPoint{Threads: n, Dialect: d.String(),
				GBps: Summarize(samples[0]), MemReadGBps: Summarize(samples[1]),
				VsMemRead: Summarize(Ratios(samples[0], samples[1]))}
			if n == 1 {
				one = pt.GBps.Median
			}
			if one > 0 {
				pt.Scaling = pt.GBps.Median / one
			}
			sw.Points = append(sw.Points, pt)
			prog.step(fmt.Sprintf("threads %d %s", n, d))
		}
	}
	return sw
}

// progress writes a status line to stderr at most once a second, and only
// once the run has taken a couple of seconds: short runs stay quiet.
type progress struct {
	w           io.Writer
	tty         bool
	start, last time.Time
	// timing is when the timed cells began: the ETA is extrapolated from
	// them, not from the verification before.
	timing      time.Time
	total, done int
	printed     bool
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w, start: time.Now()}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.tty = true
		}
	}
	return p
}

const progressQuiet = 2 * time.Second

func (p *progress) status(msg string) {
	if p.w == nil {
		return
	}
	now := time.Now()
	if now.Sub(p.start) < progressQuiet || now.Sub(p.last) < time.Second {
		return
	}
	p.last = now
	p.print(msg)
}

func (p *progress) print(msg string) {
	el := time.Since(p.start)
	line := fmt.Sprintf("wcbench: %s elapsed", el.Round(100*time.Millisecond))
	if p.total > 0 {
		line = fmt.Sprintf("wcbench: %d/%d cells, %s elapsed", p.done, p.total, el.Round(100*time.Millisecond))
		if p.done > 0 && p.done < p.total {
			per := float64(time.Since(p.timing)) / float64(p.done)
			left := time.Duration(per * float64(p.total-p.done))
			line += fmt.Sprintf(", ~%s left", left.Round(time.Second))
		}
	}
	line += ": " + msg
	if p.tty {
		fmt.Fprintf(p.w, "\r\033[K%s", line)
	} else {
		fmt.Fprintln(p.w, line)
	}
	p.printed = true
}

func (p *progress) step(msg string) {
	p.done++
	p.status(msg)
}

func (p *progress) finish() {
	if p.w == nil || !p.printed {
		return
	}
	if p.tty {
		fmt.Fprint(p.w, "\r\033[K")
	}
	fmt.Fprintf(p.w, "wcbench: done in %s\n", time.Since(p.start).Round(100*time.Millisecond))
}

// joinNames is strings.Join for kernel names.
func joinNames(ks []Kernel) string {
	names := make([]string, len(ks))
	for i, k := range ks {
		names[i] = k.Name
	}
	return strings.Join(names, ", ")
}
