package simd

import (
	"math/bits"

	"github.com/simdwc/simdwc/scalar"
)

// utf8WidthsGo is utf8WordsGo measuring the gnu dialects' line widths
// (glibc's wcwidth, as wc 9.1 adds them): the gnu width block routine of
// the kernels that have no SIMD one (swar: other CPUs, purego). Each block
// is taken as genBlock takes it (its masks, genMasksGNU), but each lead is
// looked up once in widthTables, which hold every char of the dialect:
// its class (a separator or a word char; a char glibc does not print
// makes the block hard) and its width (zero, one or two columns). The
// columns: one per printable ASCII byte, none per control, tab stops,
// and the measure ended by '\n', '\r' and '\f'. A tab before the first line
// end is measured only where the column is known (lineMaskAtCol), else
// the block is not counted, and neither is a block genBlock cannot count:
// utf8WidthsGo stops before it (charsGo takes it). lineMask is ^0 or a
// lineMaskAtCol (0: utf8WordsGo without widths); t must be one of the gnu
// dialects' tables, else nothing is counted.
func utf8WidthsGo(p []byte, t *utf8Tables, lineMask uint64) utf8Result {
	if lineMask == 0 {
		return utf8WordsGo(p, t, 0)
	}
	st := genState{head: ^uint64(0)}
	var wt *widthTables
	switch t {
	case gnuTables:
		wt = widthTablesOf(scalar.GNUUTF8)
	case gnuPosixTables:
		wt = widthTablesOf(scalar.GNUUTF8Posix)
	}
	if wt == nil {
		return utf8Result{head: st.head}
	}
	if lineMask != ^uint64(0) {
		// At a known column c (lineMaskAtCol) after a line end, as the
		// AVX2 routine measures it: as if a line had ended c columns
		// before p.
		st.head, st.lineStart = 0, -(lineMask &^ lineMaskCol)
	}
	var cols uint64 // the columns counted, tab stops included
	s := 0
	for s < len(p) {
		var cnt int
		var ok bool
		if len(p)-s >= genWindow {
			cnt, ok = genBlockW((*[genWindow]byte)(p[s:s+genWindow]), 64, wt, &st, &cols)
		} else {
			var buf [genWindow]byte // zeros past p, as in utf8WordsTab
			copy(buf[:], p[s:])
			cnt, ok = genBlockW(&buf, min(64, len(p)-s), wt, &st, &cols)
		}
		if !ok {
			break
		}
		s += cnt
	}
	return utf8Result{
		lines: st.lines, words: st.words, chars: st.chars, inWord: st.in, n: uint64(s),
		head: st.head, max: st.max, lineStart: st.lineStart, extra: cols - st.chars,
	}
}

// genBlockW is genBlock for the gnu dialects (genMasksGNU's transparent
// bytes) measuring line widths in columns: st's head, max and lineStart
// are columns, and *cols the columns counted before q. It counts nothing
// (ok false) where a lead starts no valid char or a char's unit is not
// plain (genLeadsW), where the continuations are not the ones the leads
// announce, in a dense block of long chars (genDenseLeads), or where a
// tab comes before the first line end while the column is unknown
// (st.head ^0).
func genBlockW(q *[genWindow]byte, nv int, wt *widthTables, st *genState, cols *uint64) (cnt int, ok bool) {
	C, L, NL, SP, TR := genMasksGNU(q)
	ascii := ^(C | L)
	CT := TR & ascii // the ASCII controls: 00–1F and 7F, no column
	TR &^= SP
	NL, SP, TR = NL&ascii, SP&ascii, TR&ascii
	var sepL, wide, zero uint64
	if L|C != 0 {
		if nl := bits.OnesCount64(L); nl > genDenseLeads && 2*bits.OnesCount64(C) > 3*nl {
			return 0, false // dense text of long chars: charsGo is faster
		}
		var E uint64
		if E, sepL, wide, zero, ok = genLeadsW(q, L, wt); !ok || E != C {
			return 0, false
		}
	}
	top := 63 - bits.LeadingZeros64(^C) // as in genBlock
	d := 64 - top - int(genSize[q[top&63]])
	cnt = 64 + d>>(bits.UintSize-1)&(top-64)
	cnt = min(cnt, nv)
	lim := ^uint64(0) >> ((64 - cnt) & 63)

	// The measure: '\n' ends it (and counts a line), '\r' and '\f' end
	// it too, tabs move to the next stop; the other controls have no
	// column.
	CT &= lim
	ends := NL & lim
	var tabs uint64
	for m := CT &^ NL; m != 0; m &= m - 1 {
		switch q[bits.TrailingZeros64(m)&63] {
		case '\t':
			tabs |= m & -m
		case '\r', '\f':
			ends |= m & -m
		}
	}
	if st.head == ^uint64(0) && tabs&((ends&-ends)-1) != 0 {
		return 0, false // a tab before the first line end, column unknown
	}
	starts := ^C & lim
	one := starts &^ (CT | zero) // a column each; wide ones one more
	wide &= lim
	base, stops := *cols, uint64(0)
	for m := ends | tabs; m != 0; m &= m - 1 {
		bit := m & -m
		at := base + uint64(bits.OnesCount64(one&(bit-1))+bits.OnesCount64(wide&(bit-1))) + stops
		if tabs&bit != 0 {
			stops += 8 - (at-st.lineStart)%8
			continue
		}
		w := at - st.lineStart
		if st.head == ^uint64(0) {
			st.head = w
		} else if w > st.max {
			st.max = w
		}
		st.lineStart = at
	}
	*cols = base + uint64(bits.OnesCount64(one)+bits.OnesCount64(wide)) + stops

	st.addWords(starts, (SP|sepL)&lim, (C|TR)&lim, TR, cnt)
	st.lines += uint64(bits.OnesCount64(NL & lim))
	st.chars += uint64(bits.OnesCount64(starts))
	return cnt, true
}

// genLeadsW is genLeads by wt (the dialect's unit codes, all of glibc's
// chars, no allow-list): for the leads of L in q, E the continuations
// they announce (lane bit times genConts; genBlockW checks they are the
// continuation bytes), the separators, and the chars two columns wide and
// those of none. ok is false where a lead starts no valid char (its
// second byte out of range for it: overlong, surrogate, above U+10FFFF;
// C0, C1, F5–FF), or where a char's unit is not plain: transparent (not
// printable), a width op, three columns (none is).
func genLeadsW(q *[genWindow]byte, L uint64, wt *widthTables) (E, sepL, wide, zero uint64, ok bool) {
	for m := L; m != 0; m &= m - 1 {
		j := bits.TrailingZeros64(m) & 63
		b0, b1 := q[j], q[j+1]
		if b1-genN1Lo[b0] > genN1Span[b0] {
			return 0, 0, 0, 0, false
		}
		c1, c2 := uint32(b1&0x3f), uint32(q[j+2]&0x3f)
		var code unitCode
		switch {
		case b0 < 0xe0:
			code = wt.bmp[uint32(b0&0x1f)<<6|c1]
		case b0 < 0xf0:
			code = wt.bmp[uint32(b0&0x0f)<<12|c1<<6|c2]
		default:
			code = wt.lookup(uint32(b0&0x07)<<18 | c1<<12 | c2<<6 | uint32(q[j+3]&0x3f))
		}
		// Plain (class Space 1 or Word 2, AddCols, no line, 0–2 columns).
		if code&0xcc != 0 || code&0x30 == 0x30 || code&3 == 0 {
			return 0, 0, 0, 0, false
		}
		bit := m & -m
		E |= bit * uint64(genConts[b0])
		if code&3 == 1 {
			sepL |= bit
		}
		switch code >> 4 & 3 {
		case 0:
			zero |= bit
		case 2:
			wide |= bit
		}
	}
	return E, sepL, wide, zero, true
}

// genN1Lo and genN1Span: the second bytes b1 that may follow lead b0
// (genAfter) are those with b1-genN1Lo[b0] ≤ genN1Span[b0] (bytes wrap).
// After a byte that is no lead of a valid char (genKind 0) only b1 = 0xFF
// passes, which is no continuation (genBlockW then fails the block).
var genN1Lo, genN1Span = func() (lo, span [256]byte) {
	for b0 := range lo {
		lo[b0] = 0xff
		k := genKind(byte(b0))
		for b1 := 0xbf; b1 >= 0x80 && k != 0; b1-- {
			if genAfter(k, byte(b1)) {
				if lo[b0] == 0xff {
					span[b0] = byte(b1) // the last, until the first is known
				}
				lo[b0] = byte(b1)
			}
		}
		if lo[b0] != 0xff {
			span[b0] -= lo[b0]
		}
	}
	return
}()

// genDenseLeads: a block with more leads than this, most of them of
// three bytes or more (CJK, Indic scripts), is left to charsGo, which
// counts such text faster than genBlockW's masks and lookups (measured:
// BenchmarkUTF8, swar, gnu-utf8, all). A variable so that tests can turn
// it off (64) where they check what the routine takes.
var genDenseLeads = 16
