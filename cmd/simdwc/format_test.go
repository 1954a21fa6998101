package main

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestColumnWidth(t *testing.T) {
	reg := func(n int64) inputStat { return inputStat{ok: true, regular: true, size: n} }
	pipe := inputStat{ok: true}
	failed := inputStat{}
	cases := []struct {
		name  string
		stats []inputStat
		want  int
	}{
		{"nothing", nil, 1},
		{"empty file", []inputStat{reg(0)}, 1},
		{"12 bytes", []inputStat{reg(12)}, 2},
		{"sizes are summed", []inputStat{reg(60), reg(40)}, 3},
		{"a pipe makes 7", []inputStat{pipe}, 7},
		{"pipe and small file", []inputStat{reg(5), pipe}, 7},
		{"big file beats 7", []inputStat{reg(123456789), pipe}, 9},
		{"failed stats do not count", []inputStat{failed, reg(16)}, 2},
		{"only failures", []inputStat{failed, failed}, 1},
		{"negative size is 0", []inputStat{reg(-1)}, 1},
	}
	for _, c := range cases {
		require.Equal(t, c.want, columnWidth(c.stats), c.name)
	}
}

func TestAppendLine(t *testing.T) {
	name := "f"
	total := "total"
	c := counts{lines: 2, words: 3, chars: 15, bytes: 16, maxLineLength: 11}
	lwc := selection{lines: true, words: true, bytes: true}
	all := selection{true, true, true, true, true}
	cases := []struct {
		sel   selection
		width int
		name  *string
		want  string
	}{
		{lwc, 2, &name, " 2  3 16 f\n"},
		{lwc, 7, nil, "      2       3      16\n"},
		{selection{lines: true}, 1, &name, "2 f\n"},
		{all, 1, &total, "2 3 15 16 11 total\n"},
		{all, 3, &name, "  2   3  15  16  11 f\n"},
		{selection{maxLineLength: true, chars: true}, 1, nil, "15 11\n"}, // narrower than the numbers
	}
	for _, tc := range cases {
		require.Equal(t, tc.want, string(appendLine(nil, tc.sel, tc.width, c, tc.name)))
	}
}

func TestSelection(t *testing.T) {
	require.Equal(t, selection{lines: true, words: true, bytes: true}, selection{}.orDefault())
	require.Equal(t, selection{chars: true}, selection{chars: true}.orDefault())
	require.Equal(t, 3, selection{}.orDefault().n())
	require.Equal(t, 5, selection{true, true, true, true, true}.n())
}

func TestTotal(t *testing.T) {
	var tot counts
	tot.add(counts{1, 2, 3, 4, 50})
	tot.add(counts{10, 20, 30, 40, 7})
	require.Equal(t, counts{11, 22, 33, 44, 50}, tot, "sums, and the max of -L")
}
