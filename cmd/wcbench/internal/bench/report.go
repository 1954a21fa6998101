package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"
)

// WriteJSON writes the report as indented JSON.
func WriteJSON(w io.Writer, rep *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// Num formats a figure with three significant digits or so: enough to
// compare, not so many that noise looks like information.
func Num(v float64) string {
	a := max(v, -v)
	switch {
	case a >= 100:
		return fmt.Sprintf("%.0f", v)
	case a >= 10:
		return fmt.Sprintf("%.1f", v)
	case a >= 1:
		return fmt.Sprintf("%.2f", v)
	case a >= 0.01 || a == 0:
		return fmt.Sprintf("%.3f", v)
	}
	// Below 0.01 keep two significant digits, without an exponent.
	return fmt.Sprintf("%.*f", 1-int(math.Floor(math.Log10(a))), v)
}

// Spread formats a Stats' range as [min–max].
func Spread(s Stats) string { return "[" + Num(s.Min) + "–" + Num(s.Max) + "]" }

// WriteTable writes the human-readable report: the machine, the
// verification, then one aligned table per section.
func WriteTable(w io.Writer, rep *Report) error {
	m := rep.Machine
	c := m.CPU
	hdr := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(hdr, "CPU\t%s\n", cpuLine(c))
	fmt.Fprintf(hdr, "SIMD\t%s\n", orNone(c.FeatureLine()))
	fmt.Fprintf(hdr, "Caches\t%s\n", cacheLine(c))
	fmt.Fprintf(hdr, "Go\t%s %s/%s, GOMAXPROCS %d, %d CPUs\n", m.GoVersion, m.GOOS, m.GOARCH, m.GOMAXPROCS, m.NumCPU)
	fmt.Fprintf(hdr, "Kernels\t%s (default %s)\n", strings.Join(m.Kernels, ", "), m.DefaultKernel)
	s := rep.Settings
	mode := "full"
	if s.Quick {
		mode = "quick"
	}
	corpus := fmt.Sprintf("%s (seed %#x)", s.Corpus, s.Seed)
	if s.File != "" {
		corpus = s.File
	}
	fmt.Fprintf(hdr, "Run\t%s, corpus %s, %d repeats, ≥%s ms per sample, %.1f s\n", mode, corpus, s.Reps, Num(s.TargetMillis), rep.ElapsedSeconds)
	v := rep.Verification
	if v.OK {
		fmt.Fprintf(hdr, "Verified\t%d counts against %s: every kernel agrees\n", v.Checked, s.Reference)
	} else {
		fmt.Fprintf(hdr, "Verified\t%d counts against %s: REFUSED %s (%d mismatches, not timed)\n",
			v.Checked, s.Reference, strings.Join(v.Refused, ", "), len(v.Mismatches))
	}
	if err := hdr.Flush(); err != nil {
		return err
	}
	if !v.OK {
		fmt.Fprintln(w)
		WriteMismatches(w, v.Mismatches)
	}
	for _, size := range rep.Sizes {
		if size.Note != "" {
			fmt.Fprintf(w, "note: %s: %s\n", size.Label(), size.Note)
		}
	}

	if len(rep.Results) > 0 {
		fmt.Fprintf(w, "\nThroughput in GB/s: median of %d repeats [min–max]; ×read and ×count are the kernel's speed over the\n", s.Reps)
		fmt.Fprintf(w, "memory-read (%s) and bytes.Count baselines, timed in the same repeats on the same buffer\n", "bytes.IndexByte")
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "size\tkernel\tdialect\tneed\tGB/s\t[min–max]\tread GB/s\t×read\tcount GB/s\t×count")
		for _, r := range rep.Results {
			fmt.Fprintf(tw, "%s %s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
				r.Level, FormatBytes(r.Bytes), r.Kernel, r.Dialect, r.Need,
				Num(r.GBps.Median), Spread(r.GBps), Num(r.MemReadGBps.Median), Num(r.VsMemRead.Median),
				Num(r.BytesCountGBps.Median), Num(r.VsBytesCount.Median))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}

	if len(rep.Corpora) > 0 {
		r0 := rep.Corpora[0]
		fmt.Fprintf(w, "\nCorpora at %s %s, need all: GB/s median [min–max]\n", r0.Level, FormatBytes(r0.Bytes))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprint(tw, "corpus\tkernel\t")
		for _, d := range s.Dialects {
			fmt.Fprintf(tw, "%s GB/s\t[min–max]\t", d)
		}
		fmt.Fprintln(tw, "read GB/s")
		type key struct{ corpus, kernel string }
		var order []key
		cells := map[key]map[string]Result{}
		for _, r := range rep.Corpora {
			k := key{r.Corpus, r.Kernel}
			if cells[k] == nil {
				cells[k] = map[string]Result{}
				order = append(order, k)
			}
			cells[k][r.Dialect] = r
		}
		for _, k := range order {
			fmt.Fprintf(tw, "%s\t%s\t", k.corpus, k.kernel)
			var read Stats
			for _, d := range s.Dialects {
				if r, ok := cells[k][d]; ok {
					fmt.Fprintf(tw, "%s\t%s\t", Num(r.GBps.Median), Spread(r.GBps))
					read = r.MemReadGBps
				} else {
					fmt.Fprint(tw, "-\t\t")
				}
			}
			fmt.Fprintf(tw, "%s\n", Num(read.Median))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}

	if t := rep.Threads; t != nil && len(t.Points) > 0 {
		fmt.Fprintf(w, "\nThreads on %s %s (%s), need all; counter: %s\n", t.Level, FormatBytes(t.Bytes), t.Corpus, t.Counter)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "dialect\tthreads\tGB/s\t[min–max]\tscaling\tN-thread read GB/s\t×read")
		for _, p := range t.Points {
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s×\t%s\t%s\n", p.Dialect, p.Threads, Num(p.GBps.Median), Spread(p.GBps),
				Num(p.Scaling), Num(p.MemReadGBps.Median), Num(p.VsMemRead.Median))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}

	if len(rep.Peers) > 0 {
		p0 := rep.Peers[0]
		fmt.Fprintf(w, "\nPeers on %s (%s): whole-process wall time vs simdwc.Options.CountFile in-process\n", p0.File, FormatBytes(p0.Bytes))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "command\tLC_ALL\tflags\tpeer s\tsimdwc s\tspeed-up\t[min–max]\tagrees")
		for _, p := range rep.Peers {
			if p.Error != "" {
				fmt.Fprintf(tw, "%s\t%s\t%s\t-\t-\t-\t-\terror: %s\n", p.Command, p.Locale, p.Flags, p.Error)
				continue
			}
			agrees := "?"
			if p.Agrees != nil {
				agrees = map[bool]string{true: "yes", false: "NO: " + p.Output}[*p.Agrees]
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s×\t%s\t%s\n", p.Command, p.Locale, p.Flags,
				Num(p.PeerSeconds.Median), Num(p.SimdwcSeconds.Median), Num(p.Speedup.Median), Spread(p.Speedup), agrees)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// WriteMismatches lists the disagreements with the reference.
func WriteMismatches(w io.Writer, ms []Mismatch) {
	const show = 20
	for i, m := range ms {
		if i == show {
			fmt.Fprintf(w, "... and %d more mismatches (see -json)\n", len(ms)-show)
			break
		}
		fmt.Fprintf(w, "MISMATCH %s\n", m)
	}
}

func cpuLine(c CPU) string {
	s := fmt.Sprintf("%s (%s family %d model %d stepping %d", c.Brand, orNone(c.Vendor), c.Family, c.Model, c.Stepping)
	if c.PhysicalCores > 0 {
		s += fmt.Sprintf(", %d cores", c.PhysicalCores)
	}
	if c.LogicalCores > 0 {
		s += fmt.Sprintf(", %d threads", c.LogicalCores)
	}
	if c.Hypervisor != "" {
		s += ", under " + c.Hypervisor
	}
	return s + ")"
}

func cacheLine(c CPU) string {
	part := func(name string, got, used int) string {
		if got > 0 {
			return name + " " + FormatBytes(got)
		}
		return name + " unknown (assumed " + FormatBytes(used) + ")"
	}
	s := part("L1D", c.Caches.L1D, c.CachesUsed.L1D) + ", " + part("L2", c.Caches.L2, c.CachesUsed.L2) + ", " +
		part("L3", c.Caches.L3, c.CachesUsed.L3)
	if c.CacheLine > 0 {
		s += fmt.Sprintf(", %d-byte lines", c.CacheLine)
	}
	return s
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
