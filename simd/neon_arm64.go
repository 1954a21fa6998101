//go:build !purego

package simd

import (
	"bytes"
	"math/bits"

	"github.com/simdwc/simdwc/scalar"
)

// The NEON kernel: 64 bytes per step, four 16-byte vectors classified
// with compares and one table lookup, reduced to four 64-bit masks (one
// bit per byte: spaces, word range, newlines, specials) that the scalar
// unit turns into word starts and line lengths. See neon_arm64.s for the
// reduction and why it was chosen; README.md for how the instructions the
// Go assembler lacks are encoded (go generate, below).

//go:generate sh -c "tool=${DOLLAR}(GOARCH=arm64 go tool -n asm2plan9s) || exit 1; if [ ${DOLLAR}(go env GOHOSTARCH) = arm64 ]; then exec go tool asm2plan9s neon_arm64.s; fi; dir=${DOLLAR}(mktemp -d) && ln -s ${DOLLAR}(command -v aarch64-linux-gnu-as) ${DOLLAR}dir/as && PATH=${DOLLAR}dir:${DOLLAR}PATH qemu-aarch64-static ${DOLLAR}tool neon_arm64.s; status=${DOLLAR}?; rm -r ${DOLLAR}dir; exit ${DOLLAR}status"

// neonBlocks counts the whole 64-byte blocks of p[:n] (n a multiple of 64,
// at most neonMaxBlocks blocks) into st, and returns how many bytes it
// consumed: all n, or fewer when st.cols is set and a block had special
// bytes other than newlines; it then leaves that block's specials in
// st.hard for neonState.hardBlock to measure.
//
//go:noescape
func neonBlocks(p *byte, n int, d *neonDialect, st *neonState) int

// neonCountByte returns the number of bytes c in p[:n], n a multiple of 64.
//
//go:noescape
func neonCountByte(p *byte, n int, c byte) int

// neonMaxBlocks bounds one neonBlocks call: its popcounts gather in 16-bit
// lanes that take at most 16 per block.
const neonMaxBlocks = 2048

// neonDialect is the dialect as the vector classifier sees it; every byte
// dialect whose table fits this shape gets one (see newNEONDialect):
//
//	space:   stab[b-1] != 0          (so every space byte is in 1..32)
//	word:    b-wlo <= wspan && !space (wrapping byte arithmetic)
//	special: b-splo > spspan && b != nl (not one plain column)
//	newline: b == nl
//
// and everything else transparent.
type neonDialect struct {
	stab                         [32]byte
	nl, wlo, wspan, splo, spspan byte
	units                        [256]scalar.Unit
}

// neonState is the running state of one count, shared with the assembly.
type neonState struct {
	lines, words uint64
	carry        uint64 // 1 when the last byte so far is in a word
	first        uint64 // scalar.Class of the first non-transparent byte
	reset        uint64 // a newline was seen
	headTab      uint64 // Head, as scalar.Cols, when reset
	headA, headH uint64
	tailTab      uint64 // Tail, as scalar.Cols
	tailA, tailH uint64
	max          uint64
	valid        uint64 // in: the bytes of each block that count (bit i: byte i)
	blen         uint64 // in: popcount(valid)
	cols         uint64 // in: nonzero when the line lengths are needed
	hard         uint64 // out: specials and newlines of the block it stopped after
}

var neonDialects = func() (t [256]*neonDialect) {
	for _, d := range scalar.Dialects() {
		if d.Decoder() == scalar.DecodeBytes {
			t[d] = newNEONDialect(d)
		}
	}
	return t
}()

func newNEONDialect(d scalar.Dialect) *neonDialect {
	nd := &neonDialect{}
	for b := range nd.units {
		nd.units[b] = d.ByteUnit(byte(b))
	}
	// The newline: the one byte with Lines, never 0 (the zero padding of
	// the last block must not be one).
	nls := 0
	for b, u := range nd.units {
		if u.Lines != 0 {
			nd.nl, nls = byte(b), nls+1
		}
	}
	if nls != 1 || nd.nl == 0 || nd.units[nd.nl].Lines != 1 || nd.units[nd.nl].Op != scalar.EndLine {
		return nil
	}
	// The word range and the plain range are the smallest ones holding
	// their bytes; the check below decides whether that is exact.
	wlo, whi, plo, phi := 255, 0, 255, 0
	for b, u := range nd.units {
		if u.Class == scalar.Space && b >= 1 && b <= 32 {
			nd.stab[b-1] = 0xff
		}
		if u.Class == scalar.Word {
			wlo, whi = min(wlo, b), max(whi, b)
		}
		if byte(b) != nd.nl && u.Op == scalar.AddCols && u.Cols == 1 {
			plo, phi = min(plo, b), max(phi, b)
		}
	}
	if wlo > whi || plo > phi {
		return nil
	}
	nd.wlo, nd.wspan = byte(wlo), byte(whi-wlo)
	nd.splo, nd.spspan = byte(plo), byte(phi-plo)
	for b := range nd.units {
		if nd.classify(byte(b)) != nd.units[b] {
			return nil
		}
	}
	return nd
}

// classify is the Unit the vector code assumes for b (specials take
// theirs from the table); newNEONDialect keeps a dialect only when it
// agrees with the table on every byte.
func (nd *neonDialect) classify(b byte) scalar.Unit {
	u := nd.units[b]
	if u.Chars != 1 {
		return scalar.Unit{} // never equal: a char is always one byte here
	}
	space := b >= 1 && b <= 32 && nd.stab[b-1] != 0
	word := b-nd.wlo <= nd.wspan && !space
	special := b-nd.splo > nd.spspan || b == nd.nl
	r := scalar.Unit{Class: scalar.Transparent, Op: scalar.AddCols, Cols: 1, Chars: 1}
	switch {
	case space:
		r.Class = scalar.Space
	case word:
		r.Class = scalar.Word
	}
	if special {
		if u.Op == scalar.AddCols && u.Cols == 1 {
			return scalar.Unit{} // a plain byte outside the plain range
		}
		r.Op, r.Cols = u.Op, u.Cols
	}
	if b == nd.nl {
		r.Lines = 1
	}
	return r
}

func countNEON(p []byte, d scalar.Dialect, need Need) scalar.Summary {
	nd := neonDialects[d]
	if nd == nil {
		return countReference(p, d, need)
	}
	full := len(p) &^ 63
	if need == NeedLines {
		var lines int
		if full > 0 {
			lines = neonCountByte(&p[0], full, nd.nl)
		}
		lines += bytes.Count(p[full:], []byte{nd.nl})
		return scalar.Summary{Lines: uint64(lines)}
	}
	st := neonState{valid: ^uint64(0), blen: 64}
	if need&NeedMaxLineLength != 0 {
		st.cols = 1
	}
	for off := 0; off < full; {
		n := neonBlocks(&p[off], min(full-off, neonMaxBlocks*64), nd, &st)
		off += n
		if st.hard != 0 {
			nd.hardBlock(&st, (*[64]byte)(p[off-64:off]))
		}
	}
	if rem := len(p) - full; rem > 0 {
		// The last bytes go through a zeroed copy, never a read past p;
		// valid keeps the padding out of every mask.
		var buf [64]byte
		copy(buf[:], p[full:])
		st.valid, st.blen = 1<<rem-1, uint64(rem)
		neonBlocks(&buf[0], 64, nd, &st)
		if st.hard != 0 {
			nd.hardBlock(&st, &buf)
		}
	}
	return st.summary()
}

// hardBlock measures the line lengths of block b, whose special bytes
// (st.hard) the assembly leaves to the dialect's table: tabs, line ends
// other than the newline, bytes of no or several columns. It is Summary's
// own column step, visiting only the special bytes.
func (nd *neonDialect) hardBlock(st *neonState, b *[64]byte) {
	pos := uint64(0)
	for m := st.hard; m != 0; m &= m - 1 {
		i := uint64(bits.TrailingZeros64(m))
		st.addCols(i - pos)
		switch u := nd.units[b[i&63]]; u.Op {
		case scalar.AddCols:
			st.addCols(uint64(u.Cols))
		case scalar.TabStop:
			st.tab()
		case scalar.EndLine:
			st.endLine()
		}
		pos = i + 1
	}
	st.addCols(st.blen - pos)
	st.hard = 0
}

func (st *neonState) tail() scalar.Cols {
	return scalar.Cols{Tab: st.tailTab != 0, A: st.tailA, H: st.tailH}
}

func (st *neonState) setTail(c scalar.Cols) {
	st.tailTab, st.tailA, st.tailH = 0, c.A, c.H
	if c.Tab {
		st.tailTab = 1
	}
}

func (st *neonState) addCols(k uint64) {
	if st.tailTab != 0 {
		st.tailH += k
	} else {
		st.tailA += k
	}
}

func (st *neonState) tab() { st.setTail(st.tail().Then(scalar.Tab())) }

func (st *neonState) endLine() {
	if st.reset == 0 {
		st.reset = 1
		st.headTab, st.headA, st.headH = st.tailTab, st.tailA, st.tailH
	} else {
		st.max = max(st.max, st.tail().Apply(0))
	}
	st.setTail(scalar.Cols{})
}

func (st *neonState) summary() scalar.Summary {
	s := scalar.Summary{
		Lines: st.lines,
		Words: st.words,
		First: scalar.Class(st.first),
		Reset: st.reset != 0,
		Head:  scalar.Cols{Tab: st.headTab != 0, A: st.headA, H: st.headH},
		Tail:  st.tail(),
		Max:   st.max,
	}
	switch {
	case st.carry != 0:
		s.Last = scalar.Word
	case s.First != scalar.Transparent:
		s.Last = scalar.Space
	}
	return s
}
