package bench

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSummarize(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []float64
		want Stats
	}{
		{"empty", nil, Stats{}},
		{"one", []float64{5}, Stats{N: 1, Median: 5, Min: 5, Max: 5, Q1: 5, Q3: 5}},
		{"odd", []float64{3, 1, 2}, Stats{N: 3, Median: 2, Min: 1, Max: 3, Q1: 1.5, Q3: 2.5}},
		{"even: median is the mean of the middle two", []float64{4, 1, 3, 2}, Stats{N: 4, Median: 2.5, Min: 1, Max: 4, Q1: 1.75, Q3: 3.25}},
		{"outlier moves max, not median", []float64{10, 10, 11, 10, 1000}, Stats{N: 5, Median: 10, Min: 10, Max: 1000, Q1: 10, Q3: 11}},
		{"ties", []float64{7, 7, 7, 7}, Stats{N: 4, Median: 7, Min: 7, Max: 7, Q1: 7, Q3: 7}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := append([]float64(nil), tc.in...)
			got := Summarize(tc.in)
			assert.InDelta(t, tc.want.Median, got.Median, 1e-12)
			assert.InDelta(t, tc.want.Q1, got.Q1, 1e-12)
			assert.InDelta(t, tc.want.Q3, got.Q3, 1e-12)
			assert.Equal(t, tc.want.Min, got.Min)
			assert.Equal(t, tc.want.Max, got.Max)
			assert.Equal(t, tc.want.N, got.N)
			assert.Equal(t, in, tc.in, "Summarize must not reorder its input")
		})
	}
}

func TestRatios(t *testing.T) {
	assert.Equal(t, []float64{0.5, 2}, Ratios([]float64{1, 4}, []float64{2, 2}))
	assert.Equal(t, []float64{3}, Ratios([]float64{3, 9}, []float64{1}), "paired up to the shorter")
	assert.Equal(t, []float64{1}, Ratios([]float64{5, 1}, []float64{0, 1}), "a zero baseline is skipped, not Inf")
	assert.Empty(t, Ratios(nil, nil))
}
