package simd

// The gnu allow-list in nibble form, for block routines that have only
// 16-entry lookups (AVX2's VPSHUFB, NEON's TBL): a multi-byte char is
// rejected where one of a few rectangles, each a product of sets of high
// and low nibbles, holds its first two bytes (the prefix layer, read at
// its second byte) or its first three (the hole layer, read at its third
// byte). What the rectangles leave is a subset of gnuAllow (checked for
// every code point by TestUTF8GNUNibbleAllow), so every char the routine
// accepts is printable in glibc; a few rare chars that gnuAllow admits
// are rejected here too (the rectangles over-approximate), which only
// sends their block to utf8WordsGo.

// nibbleSet is the set of bytes whose high nibble is in hi and low nibble
// in lo.
type nibbleSet struct{ hi, lo []byte }

// ns parses a nibbleSet from two lists of hex digits, with ranges:
// ns("D", "4-7C-F") is D4–D7 and DC–DF.
func ns(hi, lo string) nibbleSet {
	parse := func(s string) []byte {
		val := func(c byte) byte {
			if c >= 'A' {
				return c - 'A' + 10
			}
			return c - '0'
		}
		var out []byte
		for i := 0; i < len(s); i++ {
			lo, hi := val(s[i]), val(s[i])
			if i+2 < len(s) && s[i+1] == '-' {
				hi = val(s[i+2])
				i += 2
			}
			for n := lo; n <= hi; n++ {
				out = append(out, n)
			}
		}
		return out
	}
	return nibbleSet{parse(hi), parse(lo)}
}

// anyCont is every continuation byte.
var anyCont = ns("89AB", "0-F")

// gnuNibbleRect rejects the chars whose lead, second and (hole layer)
// third bytes are in the three sets.
type gnuNibbleRect struct{ lead, n1, n2 nibbleSet }

// gnuPrefixRects: pairs of lead and second byte outside gnuAllow, in two
// sets of eight (one bit each).
var gnuPrefixRects = [2][8]gnuNibbleRect{{
	{lead: ns("C", "2"), n1: ns("89", "0-F")},   // U+0080–009F
	{lead: ns("D", "4-7C-F"), n1: anyCont},      // U+0500–05FF 0700–07FF
	{lead: ns("E", "01E"), n1: anyCont},         // U+0800–1FFF E000–EFFF
	{lead: ns("F", "1-F"), n1: anyCont},         // U+40000 up
	{lead: ns("C", "DE"), n1: ns("8", "0-3BD")}, // U+0380–0383 038B 038D (and 0340–0343 034B 034D)
	{lead: ns("C", "D"), n1: ns("B", "89")},     // U+0378 0379
	{lead: ns("C", "E"), n1: ns("A", "2")},      // U+03A2
	{lead: ns("E", "2"), n1: ns("8", "136")},    // U+20C0–20FF 2180–21BF (and 2040–207F)
}, {
	{lead: ns("E", "2"), n1: ns("9", "0-3C-F")}, // U+2400–24FF 2700–27FF
	{lead: ns("E", "2"), n1: ns("AB", "0-F")},   // U+2800–2FFF
	{lead: ns("E", "3"), n1: ns("8", "4-F")},    // U+3100–33FF
	{lead: ns("E", "AF"), n1: ns("89A", "0-F")}, // U+A000–ABFF F000–FBFF
	{lead: ns("E", "F"), n1: ns("B", "0-BEF")},  // U+FC00–FEFF FF80–FFFF
	{lead: ns("E", "D"), n1: ns("9", "EF")},     // U+D780–D7FF
	{lead: ns("F", "0"), n1: ns("8AB", "0-F")},  // U+20000–3FFFF
	{lead: ns("F", "0"), n1: ns("9", "0-E")},    // U+10000–1EFFF
}}

// gnuHoleRects: first three bytes outside gnuAllow among the pairs the
// prefix layer passes.
var gnuHoleRects = [8]gnuNibbleRect{
	{lead: ns("E", "2"), n1: ns("8", "0"), n2: ns("A", "89")},     // U+2028 2029
	{lead: ns("E", "2"), n1: ns("8", "2"), n2: ns("89", "D-F")},   // U+208F 209D–209F (and 208D 208E)
	{lead: ns("E", "3F"), n1: ns("8B", "1CD"), n2: ns("8", "0")},  // U+3040 FF00 FF40 (and 3300 3340 3F00 3F40)
	{lead: ns("E", "3"), n1: ns("8", "2"), n2: ns("9", "78")},     // U+3097 3098
	{lead: ns("F", "0"), n1: ns("9", "F"), n2: ns("8", "0-B")},    // U+1F000–1F2FF
	{lead: ns("F", "0"), n1: ns("9", "F"), n2: ns("9", "A-F")},    // U+1F680–1F7FF
	{lead: ns("F", "0"), n1: ns("9", "F"), n2: ns("A", "0-38-F")}, // U+1F800–1F8FF 1FA00–1FBFF
	{lead: ns("F", "0"), n1: ns("9", "F"), n2: ns("B", "0-F")},    // U+1FC00–1FFFF
}

// gnuNibbles are the rectangles as VPSHUFB tables, each indexed by one
// nibble of one byte b-k before the byte b the lookup is made at; a char
// is rejected where the lookups of one layer share a bit:
//
//	[0:4]   prefix set 0 at its second byte b: hi(b-1) lo(b-1) hi(b) lo(b)
//	[4:8]   prefix set 1, the same
//	[8:14]  hole layer at its third byte b: hi(b-1) lo(b-1) hi(b) lo(b)
//	        hi(b-2) lo(b-2)
//
// The assembly reads them by symbol (·gnuNibbles).
var gnuNibbles = makeGNUNibbles()

func makeGNUNibbles() (t [14][16]byte) {
	set := func(tabs [][16]byte, k int, s nibbleSet) {
		for _, h := range s.hi {
			tabs[0][h] |= 1 << k
		}
		for _, l := range s.lo {
			tabs[1][l] |= 1 << k
		}
	}
	for i, rects := range gnuPrefixRects {
		for k, r := range rects {
			set(t[4*i:4*i+2], k, r.lead)
			set(t[4*i+2:4*i+4], k, r.n1)
		}
	}
	for k, r := range gnuHoleRects {
		set(t[8:10], k, r.n1)
		set(t[10:12], k, r.n2)
		set(t[12:14], k, r.lead)
	}
	return t
}

// gnuNibbleRejects is what the assembly computes at byte b of a char
// (b[0] its lead, followed by at least two more bytes): whether the prefix
// layer (at b[1]) or the hole layer (at b[2]) rejects it.
func gnuNibbleRejects(b []byte) bool {
	t := &gnuNibbles
	at := func(tab int, x byte) byte { return t[tab][x>>4] & t[tab+1][x&15] }
	for i := 0; i < 2; i++ {
		if at(4*i, b[0])&at(4*i+2, b[1]) != 0 {
			return true
		}
	}
	return at(8, b[1])&at(10, b[2])&at(12, b[0]) != 0
}
