package bench

import (
	"math"
	"slices"
)

// Stats summarises repeated samples of one figure. Median is what the
// table shows; Min–Max and the interquartile range Q1–Q3 say how much the
// machine's noise moved it.
type Stats struct {
	N      int     `json:"n"`
	Median float64 `json:"median"`
	Min    float64 `json:"min"`
	Max    float64 `json:"max"`
	Q1     float64 `json:"q1"`
	Q3     float64 `json:"q3"`
}

// Summarize returns the Stats of xs (left unmodified). Quartiles are
// linearly interpolated between order statistics (R's type 7, the
// spreadsheet default), so the median of an even count is the mean of the
// middle two.
func Summarize(xs []float64) Stats {
	if len(xs) == 0 {
		return Stats{}
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return Stats{
		N:      len(s),
		Median: quantile(s, 0.5),
		Min:    s[0],
		Max:    s[len(s)-1],
		Q1:     quantile(s, 0.25),
		Q3:     quantile(s, 0.75),
	}
}

// quantile returns the q-quantile of sorted s.
func quantile(s []float64, q float64) float64 {
	pos := q * float64(len(s)-1)
	lo := int(math.Floor(pos))
	hi := int(math.Ceil(pos))
	frac := pos - float64(lo)
	return s[lo] + (s[hi]-s[lo])*frac
}

// Ratios returns num[i]/den[i] for paired samples: a kernel's repeat and
// the baseline timed right beside it share the machine's state at that
// moment, so their ratio cancels much of the noise either figure has.
func Ratios(num, den []float64) []float64 {
	n := min(len(num), len(den))
	out := make([]float64, 0, n)
	for i := range n {
		if den[i] > 0 {
			out = append(out, num[i]/den[i])
		}
	}
	return out
}
