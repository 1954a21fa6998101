package bench

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/simdwc/simdwc"
	"github.com/simdwc/simdwc/scalar"
)

// PeerResult is one peer command timed against simdwc on the same file,
// with the same counts asked for, in the same locale's dialect.
type PeerResult struct {
	Command string `json:"command"`
	Path    string `json:"path"`
	Locale  string `json:"locale"`
	Dialect string `json:"dialect"`
	Need    string `json:"need"`
	Flags   string `json:"flags"`
	File    string `json:"file"`
	Bytes   int    `json:"bytes"`
	// PeerSeconds is the wall time of the whole peer process; simdwc's is
	// counting the file in this process with Options.CountFile (package
	// parallel on GOMAXPROCS workers), so the peer pays a process start
	// (about a millisecond) that simdwc does not.
	PeerSeconds   Stats `json:"peer_seconds"`
	SimdwcSeconds Stats `json:"simdwc_seconds"`
	PeerGBps      Stats `json:"peer_gbps"`
	SimdwcGBps    Stats `json:"simdwc_gbps"`
	// Speedup is peer time / simdwc time, paired per repeat.
	Speedup Stats `json:"speedup"`
	// Output is the first line the peer printed; Agrees whether its
	// numbers equal the reference's (nil when they could not be read).
	Output string `json:"output,omitempty"`
	Agrees *bool  `json:"agrees,omitempty"`
	Error  string `json:"error,omitempty"`
}

// peerLocales pairs the locale a peer runs under with the dialect that
// reproduces GNU wc 9.1 in it.
var peerLocales = []struct {
	Locale  string
	Dialect scalar.Dialect
}{
	{"C", scalar.GNUC},
	{"C.UTF-8", scalar.GNUUTF8},
}

// PeerJob says what RunPeers compares.
type PeerJob struct {
	Commands []string // each split on spaces; flags and the file are appended
	File     string
	Needs    []NeedSet
	Reps     int
	// Dialects limits the locales to those whose dialect is listed.
	Dialects []scalar.Dialect
	// Progress is called after each peer × locale × need.
	Progress func(label string)
}

// RunPeers times each command against simdwc on job.File.
func RunPeers(job PeerJob) []PeerResult {
	data, err := os.ReadFile(job.File)
	var out []PeerResult
	for _, cmd := range job.Commands {
		argv := strings.Fields(cmd)
		for _, loc := range peerLocales {
			if !hasDialect(job.Dialects, loc.Dialect) {
				continue
			}
			var want scalar.Counts
			if err == nil {
				want = scalar.CountAll(data, loc.Dialect)
			}
			for _, n := range job.Needs {
				r := PeerResult{Command: cmd, Locale: loc.Locale, Dialect: loc.Dialect.String(),
					Need: n.Name, Flags: n.Flags, File: job.File, Bytes: len(data)}
				switch {
				case err != nil:
					r.Error = err.Error()
				case len(argv) == 0:
					r.Error = "empty command"
				default:
					runPeer(&r, argv, loc.Locale, loc.Dialect, n, job.Reps, want)
				}
				out = append(out, r)
				if job.Progress != nil {
					job.Progress(fmt.Sprintf("peer %s %s %s", cmd, loc.Locale, n.Flags))
				}
			}
		}
	}
	return out
}

func hasDialect(ds []scalar.Dialect, d scalar.Dialect) bool {
	for _, x := range ds {
		if x == d {
			return true
		}
	}
	return false
}

func runPeer(r *PeerResult, argv []string, locale string, d scalar.Dialect, n NeedSet, reps int, want scalar.Counts) {
	path, err := exec.LookPath(argv[0])
	if err != nil {
		r.Error = err.Error()
		return
	}
	r.Path = path
	args := append(append(argv[1:len(argv):len(argv)], n.Flags), r.File)
	env := append(os.Environ(), "LC_ALL="+locale)
	runOnce := func() (time.Duration, string, error) {
		c := exec.Command(path, args...)
		c.Env = env
		var stdout, stderr bytes.Buffer
		c.Stdout, c.Stderr = &stdout, &stderr
		start := time.Now()
		err := c.Run()
		t := time.Since(start)
		if err != nil {
			return t, "", fmt.Errorf("%s: %v: %s", strings.Join(c.Args, " "), err, strings.TrimSpace(stderr.String()))
		}
		return t, stdout.String(), nil
	}
	opt := simdwc.Options{Dialect: d, Need: n.Need}
	countSelf := func() (time.Duration, error) {
		start := time.Now()
		c, err := opt.CountFile(r.File)
		sink += c.Bytes
		return time.Since(start), err
	}
	// A first run of each puts the file in the page cache for both.
	_, output, err := runOnce()
	if err != nil {
		r.Error = err.Error()
		return
	}
	if _, err := countSelf(); err != nil {
		r.Error = err.Error()
		return
	}
	r.Output = strings.TrimSpace(strings.SplitN(output, "\n", 2)[0])
	if got, ok := ParseWCOutput(output); ok {
		exp := WCFields(want, n.Flags)
		agrees := len(got) == len(exp)
		for i := 0; agrees && i < len(got); i++ {
			agrees = got[i] == exp[i]
		}
		r.Agrees = &agrees
	}
	var peer, self []float64
	for i := range max(1, reps) {
		// Alternate which goes first, as the kernel timings do.
		var tp, ts time.Duration
		var errP, errS error
		if i%2 == 0 {
			tp, _, errP = runOnce()
			ts, errS = countSelf()
		} else {
			ts, errS = countSelf()
			tp, _, errP = runOnce()
		}
		if errP != nil || errS != nil {
			r.Error = firstErr(errP, errS).Error()
			return
		}
		peer = append(peer, tp.Seconds())
		self = append(self, ts.Seconds())
	}
	r.PeerSeconds, r.SimdwcSeconds = Summarize(peer), Summarize(self)
	r.PeerGBps, r.SimdwcGBps = Summarize(rates(r.Bytes, peer)), Summarize(rates(r.Bytes, self))
	r.Speedup = Summarize(Ratios(peer, self))
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

func rates(n int, secs []float64) []float64 {
	out := make([]float64, len(secs))
	for i, s := range secs {
		out[i] = float64(n) / max(s, 1e-9) / 1e9
	}
	return out
}

// ParseWCOutput reads the numbers wc printed before the file name on its
// first line.
func ParseWCOutput(out string) ([]uint64, bool) {
	line := strings.SplitN(out, "\n", 2)[0]
	var nums []uint64
	for _, f := range strings.Fields(line) {
		v, err := strconv.ParseUint(f, 10, 64)
		if err != nil {
			break
		}
		nums = append(nums, v)
	}
	return nums, len(nums) > 0
}

// WCFields lists the counts wc prints for flags, in wc's fixed order
// (lines, words, chars, bytes, max line length) whatever the flag order.
func WCFields(c scalar.Counts, flags string) []uint64 {
	var out []uint64
	for _, f := range []struct {
		flag byte
		v    uint64
	}{{'l', c.Lines}, {'w', c.Words}, {'m', c.Chars}, {'c', c.Bytes}, {'L', c.MaxLineLength}} {
		if strings.IndexByte(flags, f.flag) >= 0 {
			out = append(out, f.v)
		}
	}
	return out
}
