package main

import (
	"strconv"
)

// selection is which counts are printed, always in wc's order: lines,
// words, chars, bytes, max line length.
type selection struct {
	lines, words, chars, bytes, maxLineLength bool
}

// n is the number of counts selected.
func (s selection) n() int {
	n := 0
	for _, b := range []bool{s.lines, s.words, s.chars, s.bytes, s.maxLineLength} {
		if b {
			n++
		}
	}
	return n
}

// orDefault is s, or -lwc when nothing is selected.
func (s selection) orDefault() selection {
	if s.n() == 0 {
		return selection{lines: true, words: true, bytes: true}
	}
	return s
}

// counts are the five numbers of one output line.
type counts struct {
	lines, words, chars, bytes, maxLineLength uint64
}

// add accumulates c into a total: sums, and the max of the line lengths.
func (t *counts) add(c counts) {
	t.lines += c.lines
	t.words += c.words
	t.chars += c.chars
	t.bytes += c.bytes
	t.maxLineLength = max(t.maxLineLength, c.maxLineLength)
}

// inputStat is what wc learns by stat-ing an input before counting.
type inputStat struct {
	ok      bool // the stat succeeded
	regular bool
	size    int64
}

// columnWidth is wc 9.1's compute_number_width for inputs that were
// stat-ed: the digits of the summed sizes of the regular files, at least 7
// if any input is something else (a pipe, a terminal, a directory), at
// least 1. Inputs whose stat failed do not count. (wc skips the stat, and
// uses width 1, when there is one input and one count, or when the names
// come from a --files0-from stream.)
func columnWidth(stats []inputStat) int {
	var total uint64
	minWidth := 1
	for _, st := range stats {
		switch {
		case !st.ok:
		case st.regular:
			total += uint64(max(st.size, 0))
		default:
			minWidth = 7
		}
	}
	return max(len(strconv.FormatUint(total, 10)), minWidth)
}

// appendLine appends one output line: the selected counts right-aligned to
// width, separated by one space, then " name" unless name is nil, and a
// newline.
func appendLine(b []byte, sel selection, width int, c counts, name *string) []byte {
	first := true
	put := func(on bool, v uint64) {
		if !on {
			return
		}
		if !first {
			b = append(b, ' ')
		}
		first = false
		var d [20]byte
		digits := strconv.AppendUint(d[:0], v, 10)
		for i := len(digits); i < width; i++ {
			b = append(b, ' ')
		}
		b = append(b, digits...)
	}
	put(sel.lines, c.lines)
	put(sel.words, c.words)
	put(sel.chars, c.chars)
	put(sel.bytes, c.bytes)
	put(sel.maxLineLength, c.maxLineLength)
	if name != nil {
		b = append(b, ' ')
		b = append(b, *name...)
	}
	return append(b, '\n')
}
