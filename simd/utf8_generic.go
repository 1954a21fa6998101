package simd

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
)

// utf8WordsGo is the generic utf8Block, the pure-Go twin of the assembly
// block routines (utf8WordsAVX512 describes what they count): lines,
// words, chars and line lengths in chars of p, up to the first char it
// cannot count: a multi-byte char outside t's allow-list (the gnu
// dialects'; of two or three bytes, outside gnuBMP's class bits too), or
// an invalid byte (what unicode/utf8 rejects) that t.badWord
// (utf8: one word char, as Go decodes it) or t.badSkip (gnu: skipped, as
// glibc does) does not cover. r.n is that char's index, a char boundary, or len(p);
// everything before it is counted.
//
// Like the assembly it turns blocks of 64 bytes into masks, one bit per
// byte, eight bytes per uint64 step (SWAR; little-endian loads, so bit i
// is byte i on every CPU): continuation bytes, leads, '\n's, the ASCII
// separators and t's transparent ASCII controls. A char counts at its
// first byte, continuation bytes are transparent for words, and the word
// arithmetic is swarCounter's. Each block starts on a char and ends
// before a char that would cross its end, so every block stands alone.
// The continuations the leads announce must be exactly the continuation
// bytes; then each lead is looked up with the two bytes after it in t's
// tables, merged (genTables): the range of the byte after the lead
// (overlong, surrogate, > U+10FFFF), the allow-list, the separators. A
// block that fails is counted again one char at a time (utf8CharsGo),
// which counts invalid bytes (t.badWord) or stops at the exact char.
func utf8WordsGo(p []byte, t *utf8Tables, lineMask uint64) utf8Result {
	if tab := cachedGenTables(t); tab != nil {
		return utf8WordsTab(p, t, tab, lineMask)
	}
	return utf8WordsFresh(p, t, lineMask)
}

// utf8WordsFresh is utf8WordsGo for tables that are not the dialects'
// (tests): their genTables are made on the stack, apart so that
// utf8WordsGo's frame stays small.
//
//go:noinline
func utf8WordsFresh(p []byte, t *utf8Tables, lineMask uint64) utf8Result {
	var tab genTables
	tab.fill(t)
	return utf8WordsTab(p, t, &tab, lineMask)
}

// utf8WordsTab is utf8WordsGo with t's genTables.
func utf8WordsTab(p []byte, t *utf8Tables, tab *genTables, lineMask uint64) utf8Result {
	st := genState{head: ^uint64(0)}
	g := newGenConsts(t, tab)
	n := len(p)
	if !tab.ok {
		n = 0 // nothing counted: the reference counts it all
	}
	s := 0
	streak := 0 // blocks in a row that genBlock could not count
	for s < n {
		var cnt int
		var ok bool
		if n-s >= genWindow {
			cnt, ok = genBlock((*[genWindow]byte)(p[s:s+genWindow]), 64, lineMask, &g, &st)
		} else {
			// The last bytes from a zeroed copy: reads past p see zeros,
			// as the masked loads of the assembly do, and a sequence cut
			// by the end of p is invalid (0 is not a continuation).
			var buf [genWindow]byte
			copy(buf[:], p[s:])
			cnt, ok = genBlock(&buf, min(64, n-s), lineMask, &g, &st)
		}
		if ok {
			s += cnt
			streak = 0
			continue
		}
		// A char at a time over the block, back to blocks at the first
		// ASCII byte after an invalid one; in a streak of failed blocks
		// (invalid bytes every few bytes: a block is 64 bytes of masks for
		// a few bytes counted) over twice as many blocks each time, whole.
		span, resume := 64, streak < 2
		if !resume {
			span = 64 << min(streak-2, 6)
		}
		streak++
		i, stopped := utf8CharsGo(p, s, s+span, resume, &g, &st)
		s = i
		if stopped {
			break
		}
	}
	return utf8Result{
		lines: st.lines, words: st.words, chars: st.chars, inWord: st.in, n: uint64(s),
		head: st.head, max: st.max, lineStart: st.lineStart,
	}
}

// genWindow is what genBlock reads: a block and the bytes after it that
// the lookups of its last chars need.
const genWindow = 64 + 8

// genState is the running count of utf8WordsGo: utf8Result's fields but n.
type genState struct {
	lines, words, chars uint64
	in                  uint64 // 1 when in a word
	head, max           uint64
	lineStart           uint64
}

// addWords counts the words of a block of cnt lanes: starts its char
// starts, S its separators, T its transparent lanes (continuations too)
// and tr its transparent chars. A transparent run takes the in-word state
// of the char before it (swarCounter.block).
func (st *genState) addWords(starts, S, T, tr uint64, cnt int) {
	W := starts &^ (S | tr)
	cin := st.in
	seed := T & (W<<1 | cin)
	in := W | ((T+seed)^T)&T
	st.words += uint64(bits.OnesCount64(W &^ (in<<1 | cin)))
	st.in = in >> (cnt - 1) & 1
}

// newline counts a '\n' with chars chars (in all) before it.
func (st *genState) newline(chars uint64) {
	st.lines++
	w := chars - st.lineStart
	if st.head == ^uint64(0) {
		st.head = w
	} else if w > st.max {
		st.max = w
	}
	st.lineStart = chars + 1
}

// genConsts are the per-dialect constants of utf8WordsGo.
type genConsts struct {
	tab *genTables
	// tr: some ASCII bytes are transparent: b < trBelow or trEq ≤ b <
	// trEq1 (broadcast to every lane).
	tr                   bool
	trBelow, trEq, trEq1 uint64
	// badWord, badSkip: t's (an invalid byte is one word char, or
	// skipped).
	badWord, badSkip bool
	// rows: the gnu dialects' gnuBMP class bits (bmpRowsFor; nil in the
	// utf8 dialect and for other tables): a char of two or three bytes
	// that t's allow-list patterns reject is counted where its bit is set.
	rows *bmpRows
}

func newGenConsts(t *utf8Tables, tab *genTables) genConsts {
	below, eq := min(t.ctrlBelow[0], 0x80), t.ctrlEq[0]
	g := genConsts{tab: tab, tr: below > 0 || eq < 0x80, badWord: t.badWord, badSkip: t.badSkip}
	g.rows, _, _ = bmpRowsFor(t, false)
	g.trBelow = uint64(below) * lanes01
	g.trEq, g.trEq1 = 0x80*lanes01, 0x80*lanes01 // none
	if eq < 0x80 {
		g.trEq, g.trEq1 = uint64(eq)*lanes01, uint64(eq+1)*lanes01
	}
	return g
}

// genTables are t's tables merged for one lookup per byte: a char of two
// to four bytes b0 b1 b2 (b2 the byte after a two-byte char, 0 past p),
// its continuations checked, has
//
//	x := lead[b0] & n1[b1] & n2[b2]
//
// with x&0xff != 0 when t's separator tables (lead, n1, n2 by the low
// seven bits) say it is a separator, and x>>8 != 0 when it is valid UTF-8
// and allow-listed: each of bits 8–63 is one of t's allow-list patterns
// (t.allow by the low six bits) for one kind of lead (genKind), whose n1
// bytes are only those unicode/utf8 accepts after that lead (overlong,
// surrogate, > U+10FFFF); leads C0, C1 and F5–FF are in none. cls holds
// the class of each ASCII byte (genSep, genWord, genTransparent). ok is
// false when t's patterns do not fit in 56 bits (makeUTF8Tables makes
// none such).
type genTables struct {
	lead, n1, n2 [256]uint64
	conts        [256]byte // genConts
	cls          [128]byte
	ok           bool
}

// genKind is the kind of lead byte b, by the bytes unicode/utf8 accepts
// after it (genAfter): 0 for a byte that starts no valid char.
func genKind(b byte) int {
	switch {
	case b == 0xe0, b == 0xed, b == 0xf0, b == 0xf4:
		return int(b) // one kind each
	case b >= 0xc2 && b <= 0xf4:
		return 1
	}
	return 0
}

// genAfter reports whether continuation byte c may follow a lead of kind k.
func genAfter(k int, c byte) bool {
	switch k {
	case 0xe0:
		return c >= 0xa0
	case 0xed:
		return c <= 0x9f
	case 0xf0:
		return c >= 0x90
	case 0xf4:
		return c <= 0x8f
	}
	return k != 0
}

func (g *genTables) fill(t *utf8Tables) {
	// Each pattern as three sets of 64: leads by b0&0x3f, continuations
	// by b1&0x3f, any byte by b2&0x3f (as t.allow indexes them).
	var pats [56][3]uint64
	np := 0
	g.ok = true
	for s := range t.allow {
		for bit := range 8 {
			for _, k := range [...]int{1, 0xe0, 0xed, 0xf0, 0xf4} {
				var pat [3]uint64
				for i := range 64 {
					if b := 0xc0 | byte(i); t.allow[s][0][i]>>bit&1 != 0 && genKind(b) == k {
						pat[0] |= 1 << i
					}
					if c := 0x80 | byte(i); t.allow[s][1][i]>>bit&1 != 0 && genAfter(k, c) {
						pat[1] |= 1 << i
					}
					if t.allow[s][2][i]>>bit&1 != 0 {
						pat[2] |= 1 << i
					}
				}
				if pat[0] == 0 || pat[1] == 0 || pat[2] == 0 {
					continue
				}
				dup := false
				for _, q := range pats[:np] {
					dup = dup || q == pat
				}
				if dup {
					continue
				}
				if np == len(pats) {
					g.ok = false
					break
				}
				pats[np] = pat
				np++
			}
		}
	}
	for b := range 256 {
		g.lead[b], g.n1[b], g.n2[b] = 0, uint64(t.n1[b&0x7f]), uint64(t.n2[b&0x7f])
		if b >= 0xc0 {
			g.lead[b] = uint64(t.lead[b&0x7f])
		}
		for i, pat := range pats[:np] {
			bit := uint64(1) << (8 + i)
			if b >= 0xc0 && pat[0]>>(b&0x3f)&1 != 0 {
				g.lead[b] |= bit
			}
			if b >= 0x80 && b < 0xc0 && pat[1]>>(b&0x3f)&1 != 0 {
				g.n1[b] |= bit
			}
			if pat[2]>>(b&0x3f)&1 != 0 {
				g.n2[b] |= bit
			}
		}
	}
	g.conts = genConts
	g.cls = makeGenericClasses(t.ctrlBelow[0], t.ctrlEq[0])
}

// Byte sets as swarSet.match tests them: on z = x|lanes80 a lane's bit 7
// after subtracting a bound says b&0x7f ≥ bound.
const (
	genNLLo  = 0x0a * lanes01
	genNLHi  = 0x0b * lanes01
	genSPLo0 = 0x09 * lanes01 // the ASCII separators: 09–0D and 20
	genSPHi0 = 0x0e * lanes01
	genSPLo1 = 0x20 * lanes01
	genSPHi1 = 0x21 * lanes01
	// The gnu tables' transparent ASCII bytes (genConsts).
	genTrBelow = 0x20 * lanes01
	genTrEq    = 0x7f * lanes01
	genTrEq1   = 0x80 * lanes01
	// genGather is gather8's multiplier: the lane bits land in the top
	// byte.
	genGather = 0x0002040810204081
)

// The genMasks functions turn the 64 bytes of q into masks, one bit per
// byte: C continuation bytes, L leads (C0–FF), and for the bytes b that
// are ASCII or b&0x7f is (the caller keeps the ASCII ones) NL '\n', SP the
// ASCII separators and (Tr) TR the transparent ASCII of g or a separator
// (the caller removes those). The ASCII ones are for a block without
// bytes ≥ 0x80. Bit 7 of each lane is gathered by a multiply (gather8),
// step k's into byte k: the steps go down and the masks up a byte a
// step, so that every shift is constant. They are not part of genBlock so
// that their loops have the registers to themselves.
//
//go:noinline
func genMasksASCII(q *[genWindow]byte) (NL, SP uint64) {
	for i := 7; i >= 0; i-- {
		x := binary.LittleEndian.Uint64(q[8*i:])
		z := x | lanes80
		nl := (z - genNLLo) &^ (z - genNLHi)
		sp := (z-genSPLo0)&^(z-genSPHi0) | (z-genSPLo1)&^(z-genSPHi1)
		NL = NL<<8 | nl&lanes80*genGather>>56
		SP = SP<<8 | sp&lanes80*genGather>>56
	}
	return NL, SP
}

//go:noinline
func genMasksASCIITr(q *[genWindow]byte, g *genConsts) (NL, SP, TR uint64) {
	below, eq, eq1 := g.trBelow, g.trEq, g.trEq1
	for i := 7; i >= 0; i-- {
		x := binary.LittleEndian.Uint64(q[8*i:])
		z := x | lanes80
		nl := (z - genNLLo) &^ (z - genNLHi)
		sp := (z-genSPLo0)&^(z-genSPHi0) | (z-genSPLo1)&^(z-genSPHi1)
		tr := ^(z - below) | (z-eq)&^(z-eq1)
		NL = NL<<8 | nl&lanes80*genGather>>56
		SP = SP<<8 | sp&lanes80*genGather>>56
		TR = TR<<8 | tr&lanes80*genGather>>56
	}
	return NL, SP, TR
}

//go:noinline
func genMasks(q *[genWindow]byte) (C, L, NL, SP uint64) {
	for i := 7; i >= 0; i-- {
		x := binary.LittleEndian.Uint64(q[8*i:])
		x1 := x << 1
		z := x | lanes80
		nl := (z - genNLLo) &^ (z - genNLHi)
		sp := (z-genSPLo0)&^(z-genSPHi0) | (z-genSPLo1)&^(z-genSPHi1)
		C = C<<8 | x&^x1&lanes80*genGather>>56
		L = L<<8 | x&x1&lanes80*genGather>>56
		NL = NL<<8 | nl&lanes80*genGather>>56
		SP = SP<<8 | sp&lanes80*genGather>>56
	}
	return C, L, NL, SP
}

// genMasksGNU is genMasksTr for the gnu tables' transparent bytes, as
// constants (00–1F and 7F; past 7F the test is always false).
//
//go:noinline
func genMasksGNU(q *[genWindow]byte) (C, L, NL, SP, TR uint64) {
	for i := 7; i >= 0; i-- {
		x := binary.LittleEndian.Uint64(q[8*i:])
		x1 := x << 1
		z := x | lanes80
		nl := (z - genNLLo) &^ (z - genNLHi)
		sp := (z-genSPLo0)&^(z-genSPHi0) | (z-genSPLo1)&^(z-genSPHi1)
		tr := ^(z - genTrBelow) | (z - genTrEq)
		C = C<<8 | x&^x1&lanes80*genGather>>56
		L = L<<8 | x&x1&lanes80*genGather>>56
		NL = NL<<8 | nl&lanes80*genGather>>56
		SP = SP<<8 | sp&lanes80*genGather>>56
		TR = TR<<8 | tr&lanes80*genGather>>56
	}
	return C, L, NL, SP, TR
}

//go:noinline
func genMasksTr(q *[genWindow]byte, g *genConsts) (C, L, NL, SP, TR uint64) {
	below, eq, eq1 := g.trBelow, g.trEq, g.trEq1
	for i := 7; i >= 0; i-- {
		x := binary.LittleEndian.Uint64(q[8*i:])
		x1 := x << 1
		z := x | lanes80
		nl := (z - genNLLo) &^ (z - genNLHi)
		sp := (z-genSPLo0)&^(z-genSPHi0) | (z-genSPLo1)&^(z-genSPHi1)
		tr := ^(z - below) | (z-eq)&^(z-eq1)
		C = C<<8 | x&^x1&lanes80*genGather>>56
		L = L<<8 | x&x1&lanes80*genGather>>56
		NL = NL<<8 | nl&lanes80*genGather>>56
		SP = SP<<8 | sp&lanes80*genGather>>56
		TR = TR<<8 | tr&lanes80*genGather>>56
	}
	return C, L, NL, SP, TR
}

// genLeads looks up each lead of L in q (followed by continuations, as
// genBlock checks next): valid, allow-listed, and a separator or not
// (sepL); and E, the continuations the leads announce, each lead's lane
// bit times genConts. It is not part of genBlock so that its loop has
// the registers to itself.
//
//go:noinline
func genLeads(q *[genWindow]byte, L uint64, tab *genTables) (E, sepL uint64, ok bool) {
	_, _ = q[0], tab.lead[0] // nil checks out of the loop
	for m := L; m != 0; m &= m - 1 {
		j := bits.TrailingZeros64(m) & 63
		b0 := q[j]
		x := tab.lead[b0] & tab.n1[q[j+1]] & tab.n2[q[j+2]]
		if x < 0x100 {
			return 0, 0, false
		}
		bit := m & -m
		E |= bit * uint64(tab.conts[b0])
		if x&0xff != 0 {
			sepL |= bit
		}
	}
	return E, sepL, true
}

// genLeadsRows is genLeads for a block it fails on in the gnu dialects:
// the leads outside the allow-list patterns must be chars of two or three
// bytes that rows hold (gnuBMP's class bits), looked up first; genLeads
// takes the others. (Apart, so that genLeads' loop stays as it is.)
//
//go:noinline
func genLeadsRows(q *[genWindow]byte, L uint64, tab *genTables, rows *bmpRows) (E, sepL uint64, ok bool) {
	var bad, badSep uint64
	for m := L; m != 0; m &= m - 1 {
		j := bits.TrailingZeros64(m) & 63
		x := tab.lead[q[j]] & tab.n1[q[j+1]] & tab.n2[q[j+2]]
		if x >= 0x100 {
			continue
		}
		if !rowsHave(rows, q[j], q[j+1], q[j+2]) {
			return 0, 0, false
		}
		bit := m & -m
		bad |= bit
		E |= bit * uint64(tab.conts[q[j]])
		if x&0xff != 0 {
			badSep |= bit
		}
	}
	e, sep, ok := genLeads(q, L&^bad, tab)
	return E | e, badSep | sep, ok
}

// genConts is, for each lead byte, the lanes of the continuations it
// announces as a multiplier of its own lane bit (0b110 for a three-byte
// lead: the two lanes above it); 0 for the other bytes.
var genConts = func() (c [256]byte) {
	for b := 0xc0; b < 256; b++ {
		c[b] = byte(1)<<genSize[b] - 2
	}
	return c
}()

// genSize is the length a char start announces: 1 for ASCII (and any
// byte below C0), 2 to 4 by the high bits of a lead (F8–FF: 4, as the
// masks of genBlock count them).
var genSize = func() (s [256]byte) {
	for b := range s {
		s[b] = 1
		if b >= 0xc0 {
			s[b] = 2 + byte(b>>5&1) + byte(b>>5&(b>>4)&1)
		}
	}
	return s
}()

// genCache holds the genTables of the dialects' tables.
var genCache = func() (c [3]struct {
	t   *utf8Tables
	tab genTables
}) {
	for i, t := range []*utf8Tables{goTables, gnuTables, gnuPosixTables} {
		c[i].t = t
		c[i].tab.fill(t)
	}
	return c
}()

// cachedGenTables returns t's genTables, or nil when t is not one of the
// dialects' tables.
func cachedGenTables(t *utf8Tables) *genTables {
	for i := range genCache {
		if genCache[i].t == t {
			return &genCache[i].tab
		}
	}
	return nil
}

// genBlock counts the block q[:64] into st, or reports (ok false) that it
// holds a char utf8WordsGo cannot count, and then changes nothing. q[0]
// starts a char; lanes from nv on are past p (zeros, and not counted).
// It returns how many bytes it counted: min(64, nv), or less where a char
// crosses lane 63 (that char is the next block's).
func genBlock(q *[genWindow]byte, nv int, lineMask uint64, g *genConsts, st *genState) (cnt int, ok bool) {
	le := binary.LittleEndian
	hi := le.Uint64(q[0:]) | le.Uint64(q[8:]) | le.Uint64(q[16:]) | le.Uint64(q[24:]) |
		le.Uint64(q[32:]) | le.Uint64(q[40:]) | le.Uint64(q[48:]) | le.Uint64(q[56:])
	// C: continuation bytes; L: leads (C0–FF); NL: '\n'; SP: ASCII
	// separators; TR: transparent ASCII (genMasks).
	var C, L, NL, SP, TR uint64
	switch {
	case hi&lanes80 == 0 && !g.tr:
		NL, SP = genMasksASCII(q)
	case hi&lanes80 == 0:
		NL, SP, TR = genMasksASCIITr(q, g)
	case !g.tr:
		C, L, NL, SP = genMasks(q)
	case g.trBelow == genTrBelow && g.trEq == genTrEq && g.trEq1 == genTrEq1:
		C, L, NL, SP, TR = genMasksGNU(q)
	default:
		C, L, NL, SP, TR = genMasksTr(q, g)
	}
	TR &^= SP
	var sepL uint64
	if hi&lanes80 != 0 {
		ascii := ^(C | L)
		NL, SP, TR = NL&ascii, SP&ascii, TR&ascii
		var E uint64
		E, sepL, ok = genLeads(q, L, g.tab)
		if !ok && g.rows != nil {
			E, sepL, ok = genLeadsRows(q, L, g.tab, g.rows)
		}
		// The continuations the leads announce must be the continuation
		// bytes (those past lane 63 are the next block's).
		if !ok || E != C {
			return 0, false
		}
	}
	// The block ends before the last char start if that char crosses
	// lane 63 (past p, lanes are zeros: no char crosses there).
	top := 63 - bits.LeadingZeros64(^C) // ^C != 0: lane 0 starts a char
	d := 64 - top - int(genSize[q[top&63]])
	cnt = 64 + d>>(bits.UintSize-1)&(top-64) // top when d < 0
	cnt = min(cnt, nv)
	lim := ^uint64(0) >> ((64 - cnt) & 63) // cnt is 1..64

	starts := ^C & lim
	st.addWords(starts, (SP|sepL)&lim, (C|TR)&lim, TR, cnt)
	if lineMask == 0 {
		st.lines += uint64(bits.OnesCount64(NL & lim))
	} else {
		for m := NL & lim; m != 0; m &= m - 1 {
			below := m & -m
			st.newline(st.chars + uint64(bits.OnesCount64(starts&(below-1))))
		}
	}
	st.chars += uint64(bits.OnesCount64(starts))
	return cnt, true
}

// utf8CharsGo counts p from i (a char start) into st one char at a time,
// up to the first char at or after end, (resume) the first ASCII byte
// after an invalid one it counted (so that whole blocks resume), or the
// first char it cannot count (stopped true). It returns where it stopped.
func utf8CharsGo(p []byte, i, end int, resume bool, g *genConsts, st *genState) (int, bool) {
	tab := g.tab
	bad := false // an invalid byte was counted
	end = min(end, len(p))
	for i < end {
		var v uint64
		if i+8 <= len(p) {
			v = binary.LittleEndian.Uint64(p[i:])
		} else {
			var buf [8]byte
			copy(buf[:], p[i:])
			v = binary.LittleEndian.Uint64(buf[:])
		}
		c := byte(v)
		if c < 0x80 {
			if bad && resume {
				// Past the invalid bytes: back to whole blocks.
				return i, false
			}
			e := uint64(tab.cls[c])
			w := e & 1
			st.words += w &^ st.in
			st.in = st.in&(e>>1) | w
			if c == '\n' {
				st.newline(st.chars)
			}
			st.chars++
			i++
			continue
		}
		// A lead followed by as many continuations as it announces (XOR
		// 0x80: below 0x40), then genTables: valid, allowed, separator.
		size := 0
		switch {
		case c >= 0xf0:
			size = 4
		case c >= 0xe0:
			size = 3
		case c >= 0xc0:
			size = 2
		}
		x := tab.lead[c] & tab.n1[byte(v>>8)] & tab.n2[byte(v>>16)]
		if size == 0 || (v^lanes80)&(0xc0c0c0>>(8*(4-size))<<8) != 0 || x < 0x100 && !rowsHave(g.rows, c, byte(v>>8), byte(v>>16)) {
			// Invalid, or (gnu) outside the allow-list. An invalid byte
			// is a char and a word char to Go's decoder (badWord); glibc
			// skips it (badSkip: no char, transparent), except before
			// the leads it takes above U+10FFFF. Decoding resumes at the
			// next byte.
			if g.badWord || g.badSkip && (c < 0xf4 || c > 0xfd) {
				if r, n := utf8.DecodeRune(p[i:]); r == utf8.RuneError && n == 1 {
					if g.badWord {
						st.words += 1 &^ st.in
						st.in = 1
						st.chars++
					}
					i++
					bad = true
					continue
				}
			}
			return i, true
		}
		// A word char unless a separator; never transparent.
		var w uint64
		if x&0xff == 0 {
			w = 1
		}
		st.words += w &^ st.in
		st.in = w
		st.chars++
		i += size
	}
	return i, false
}

// Classes of ASCII bytes in genTables.cls: bit 0 a word char, bit 1
// transparent (keeps the word state); 0 is a separator.
const (
	genSep         = 0
	genWord        = 1
	genTransparent = 2
)

// makeGenericClasses returns the ASCII classes for t.ctrlBelow[0] below
// and t.ctrlEq[0] eq: the six POSIX space bytes separate; a byte below
// below or equal to eq is transparent; any other is a word char.
func makeGenericClasses(below, eq byte) (cls [128]byte) {
	for b := range cls {
		switch {
		case b == ' ' || b >= '\t' && b <= '\r':
			cls[b] = genSep
		case byte(b) < below || byte(b) == eq:
			cls[b] = genTransparent
		default:
			cls[b] = genWord
		}
	}
	return cls
}
