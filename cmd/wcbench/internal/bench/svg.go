package bench

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
)

// Chart geometry, in SVG user units (pixels).
const (
	panelW     = 540
	panelH     = 360
	plotLeft   = 64 // room for the y tick labels and title
	plotRight  = 16
	plotTop    = 30 // the panel title
	plotBottom = 52 // x tick labels and title
	headerH    = 96 // title, machine line, legend
	chartPad   = 12
)

var kernelColors = map[string]string{"reference": "#1f77b4", "swar": "#d62728", "avx2": "#2ca02c", "avx512": "#9467bd", "neon": "#ff7f0e"}

var palette = []string{"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"}

// series is one line on a panel: a kernel or a baseline.
type series struct {
	name   string
	color  string
	dash   string
	points []point
}

type point struct {
	bytes         int
	med, min, max float64
}

// WriteSVG draws GB/s against buffer size with NeedAll: one panel per
// dialect, one line per kernel (dots at the medians, whiskers over
// min–max), the two baselines dashed, and the detected cache sizes as
// vertical lines. Both axes are logarithmic: buffer sizes span six orders
// of magnitude, and the reference and memory-read speeds two.
func WriteSVG(w io.Writer, rep *Report) error {
	var dialects []string
	for _, d := range rep.Settings.Dialects {
		if slices.ContainsFunc(rep.Results, func(r Result) bool { return r.Dialect == d && r.Need == "all" }) {
			dialects = append(dialects, d)
		}
	}
	cols := min(2, max(1, len(dialects)))
	rows := max(1, (len(dialects)+cols-1)/cols)
	width := cols*panelW + 2*chartPad
	height := headerH + rows*panelH + chartPad

	var kernels []string
	for _, r := range rep.Results {
		if !slices.Contains(kernels, r.Kernel) {
			kernels = append(kernels, r.Kernel)
		}
	}
	// Known kernels keep their colour from chart to chart; others take
	// the palette's remaining colours in order.
	colors := map[string]string{}
	used := map[string]bool{}
	for _, k := range kernels {
		if c, ok := kernelColors[k]; ok {
			colors[k], used[c] = c, true
		}
	}
	next := 0
	for _, k := range kernels {
		if colors[k] != "" {
			continue
		}
		for used[palette[next%len(palette)]] && next < 2*len(palette) {
			next++
		}
		colors[k] = palette[next%len(palette)]
		used[colors[k]] = true
	}

	// One x and y range for every panel, so panels compare at a glance.
	caches := rep.Machine.CPU.CachesUsed
	xs := []float64{}
	ys := []float64{}
	for _, r := range rep.Results {
		if r.Need != "all" {
			continue
		}
		xs = append(xs, float64(r.Bytes))
		ys = append(ys, r.GBps.Min, r.GBps.Max, r.MemReadGBps.Median, r.BytesCountGBps.Median)
	}
	for _, c := range []int{caches.L1D, caches.L2, caches.L3} {
		if c > 0 {
			xs = append(xs, float64(c))
		}
	}
	if len(xs) == 0 {
		xs = []float64{KiB, MiB}
	}
	if len(ys) == 0 {
		ys = []float64{0.1, 10}
	}
	xlo, xhi := math.Log2(slices.Min(xs))-0.5, math.Log2(slices.Max(xs))+0.5
	ylo, yhi := yRange(ys)

	var b bytes.Buffer
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>`+"\n")
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="Helvetica, Arial, sans-serif" font-size="12">`+"\n", width, height, width, height)
	fmt.Fprintf(&b, `<rect x="0" y="0" width="%d" height="%d" fill="white"/>`+"\n", width, height)
	text(&b, chartPad, 24, "start", "font-size=\"17\" font-weight=\"bold\"", "simdwc kernels: throughput against buffer size (need all, corpus "+rep.Settings.Corpus+")")
	c := rep.Machine.CPU
	text(&b, chartPad, 44, "start", `fill="#444"`, fmt.Sprintf("%s · %s/%s · %s · median of %d repeats, whiskers min–max",
		c.Brand, rep.Machine.GOOS, rep.Machine.GOARCH, rep.Machine.GoVersion, rep.Settings.Reps))

	// Legend: kernels, then the baselines, in one row (wrapping if long).
	lx, ly := chartPad, 70
	legend := func(name, color, dash string) {
		wdt := 34 + 7*len(name) + 18
		if lx+wdt > width-chartPad {
			lx, ly = chartPad, ly+18
		}
		fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="2.5"%s/>`+"\n", lx, ly-4, lx+26, ly-4, color, dashAttr(dash))
		if dash == "" {
			fmt.Fprintf(&b, `<circle cx="%d" cy="%d" r="3.5" fill="%s"/>`+"\n", lx+13, ly-4, color)
		}
		text(&b, lx+32, ly, "start", "", name)
		lx += wdt
	}
	for _, k := range kernels {
		legend(k, colors[k], "")
	}
	legend("memory read (bytes.IndexByte)", "#555555", "7 4")
	legend("bytes.Count newlines", "#999999", "2 3")
	legend("cache size", "#bbbbbb", "")

	for i, d := range dialects {
		ox := chartPad + (i%cols)*panelW
		oy := headerH + (i/cols)*panelH
		var ss []series
		for _, k := range kernels {
			s := series{name: k, color: colors[k]}
			for _, r := range rep.Results {
				if r.Kernel == k && r.Dialect == d && r.Need == "all" {
					s.points = append(s.points, point{r.Bytes, r.GBps.Median, r.GBps.Min, r.GBps.Max})
				}
			}
			ss = append(ss, s)
		}
		ss = append(ss, baseline(rep.Results, d, "memory read", "#555555", "7 4", func(r Result) float64 { return r.MemReadGBps.Median }),
			baseline(rep.Results, d, "bytes.Count", "#999999", "2 3", func(r Result) float64 { return r.BytesCountGBps.Median }))
		panel(&b, ox, oy, d, ss, caches, xlo, xhi, ylo, yhi)
	}
	b.WriteString("</svg>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// baseline is the median over a size's cells of one baseline: every cell
// times its own, and they differ only by noise.
func baseline(rs []Result, dialect, name, color, dash string, f func(Result) float64) series {
	s := series{name: name, color: color, dash: dash}
	by := map[int][]float64{}
	var sizes []int
	for _, r := range rs {
		if r.Dialect == dialect && r.Need == "all" {
			if by[r.Bytes] == nil {
				sizes = append(sizes, r.Bytes)
			}
			by[r.Bytes] = append(by[r.Bytes], f(r))
		}
	}
	slices.Sort(sizes)
	for _, n := range sizes {
		m := Summarize(by[n]).Median
		s.points = append(s.points, point{n, m, m, m})
	}
	return s
}

// yRange returns log10 bounds covering ys (positive values only), widened
// to whole 1-2-5 steps.
func yRange(ys []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, y := range ys {
		if y > 0 {
			lo, hi = min(lo, math.Log10(y)), max(hi, math.Log10(y))
		}
	}
	if math.IsInf(lo, 0) {
		return -1, 1
	}
	lo, hi = math.Floor(lo*3)/3-0.05, math.Ceil(hi*3)/3+0.05
	if hi-lo < 1 {
		mid := (hi + lo) / 2
		lo, hi = mid-0.5, mid+0.5
	}
	return lo, hi
}

func panel(b *bytes.Buffer, ox, oy int, title string, ss []series, caches Caches, xlo, xhi, ylo, yhi float64) {
	x0, y0 := float64(ox+plotLeft), float64(oy+plotTop)
	pw, ph := float64(panelW-plotLeft-plotRight), float64(panelH-plotTop-plotBottom)
	px := func(bytes int) float64 { return x0 + (math.Log2(float64(bytes))-xlo)/(xhi-xlo)*pw }
	py := func(v float64) float64 { return y0 + ph - (math.Log10(v)-ylo)/(yhi-ylo)*ph }

	text(b, float64(ox+plotLeft)+pw/2, float64(oy+18), "middle", `font-size="14" font-weight="bold"`, "dialect "+title)
	fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#fafafa" stroke="#333"/>`+"\n", x0, y0, pw, ph)

	// y grid and ticks: 1-2-5 per decade when there is room, else decades.
	step := []float64{1, 2, 5}
	if yhi-ylo > 3 {
		step = []float64{1}
	}
	for e := math.Floor(ylo); e <= math.Ceil(yhi); e++ {
		for _, m := range step {
			v := m * math.Pow(10, e)
			if l := math.Log10(v); l < ylo || l > yhi {
				continue
			}
			y := py(v)
			fmt.Fprintf(b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#e2e2e2"/>`+"\n", x0, y, x0+pw, y)
			text(b, x0-6, y+4, "end", "", trimNum(v))
		}
	}
	// x ticks at powers of four (or sixteen when the range is wide).
	every := 2
	if xhi-xlo > 16 {
		every = 4
	}
	for e := int(math.Ceil(xlo)); float64(e) <= xhi; e++ {
		if e%every != 0 || e < 0 {
			continue
		}
		x := px(1 << e)
		fmt.Fprintf(b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#e2e2e2"/>`+"\n", x, y0, x, y0+ph)
		text(b, x, y0+ph+16, "middle", "", FormatBytes(1<<e))
	}
	text(b, x0+pw/2, y0+ph+38, "middle", "", "buffer size (log scale)")
	text(b, float64(ox+16), y0+ph/2, "middle", fmt.Sprintf(`transform="rotate(-90 %d %.1f)"`, ox+16, y0+ph/2), "GB/s (log scale)")

	// Cache sizes: a buffer left of the line fits that level.
	for _, c := range []struct {
		name string
		n    int
	}{{"L1D", caches.L1D}, {"L2", caches.L2}, {"L3", caches.L3}} {
		if c.n <= 0 {
			continue
		}
		x := px(c.n)
		if x < x0 || x > x0+pw {
			continue
		}
		fmt.Fprintf(b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#bbbbbb" stroke-width="1.5"/>`+"\n", x, y0, x, y0+ph)
		// Label at the foot of the line, where the curves rarely are, on a
		// white halo; to its left when the line is near the right edge.
		lx, anchor := x+4, "start"
		if x > x0+pw-80 {
			lx, anchor = x-4, "end"
		}
		text(b, lx, y0+ph-8, anchor, `fill="#666" font-size="11" stroke="white" stroke-width="3" paint-order="stroke"`, c.name+" "+FormatBytes(c.n))
	}

	clip := func(v float64) float64 { return math.Max(math.Min(v, math.Pow(10, yhi)), math.Pow(10, ylo)) }
	for _, s := range ss {
		if len(s.points) == 0 {
			continue
		}
		var pts []string
		for _, p := range s.points {
			if p.med > 0 {
				pts = append(pts, fmt.Sprintf("%.1f,%.1f", px(p.bytes), py(clip(p.med))))
			}
		}
		width := "2.5"
		if s.dash != "" {
			width = "1.8"
		}
		fmt.Fprintf(b, `<polyline fill="none" stroke="%s" stroke-width="%s"%s points="%s"><title>%s</title></polyline>`+"\n",
			s.color, width, dashAttr(s.dash), strings.Join(pts, " "), escape(s.name))
		if s.dash != "" {
			continue
		}
		for _, p := range s.points {
			if p.med <= 0 {
				continue
			}
			x := px(p.bytes)
			if p.min > 0 && p.max > p.min {
				fmt.Fprintf(b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="1.2"/>`+"\n",
					x, py(clip(p.min)), x, py(clip(p.max)), s.color)
			}
			fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="3.5" fill="%s"><title>%s %s: %s GB/s [%s–%s]</title></circle>`+"\n",
				x, py(clip(p.med)), s.color, escape(s.name), FormatBytes(p.bytes), Num(p.med), Num(p.min), Num(p.max))
		}
	}
}

func trimNum(v float64) string {
	if v >= 1 {
		return fmt.Sprintf("%g", math.Round(v))
	}
	return fmt.Sprintf("%g", v)
}

func dashAttr(d string) string {
	if d == "" {
		return ""
	}
	return fmt.Sprintf(` stroke-dasharray="%s"`, d)
}

// text writes a <text> element; attrs is raw (trusted) attribute text,
// s is escaped.
func text[T int | float64](b *bytes.Buffer, x, y T, anchor, attrs, s string) {
	fmt.Fprintf(b, `<text x="%.1f" y="%.1f" text-anchor="%s" %s>%s</text>`+"\n", float64(x), float64(y), anchor, attrs, escape(s))
}

func escape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
