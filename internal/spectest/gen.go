package spectest

import "math/rand/v2"

// pieces are the fragments random test text is made of: every class of
// every dialect, multi-byte chars, the Unicode spaces the dialects
// disagree on, invalid and truncated sequences, and glibc's > U+10FFFF
// forms.
var pieces = [][]byte{
	[]byte("a"), []byte("word"), []byte("Z9"), []byte(" "), []byte("  "), []byte("\n"), []byte("\t"),
	[]byte("\r"), []byte("\f"), []byte("\v"), []byte("\r\n"), {0x00}, {0x01}, {0x1c}, {0x7f},
	[]byte("é"), []byte("€"), []byte("中文"), []byte("😀"), []byte("\u00a0"), []byte("\u0085"),
	[]byte("\u1680"), []byte("\u2007"), []byte("\u2028"), []byte("\u2029"), []byte("\u202f"),
	[]byte("\u2060"), []byte("\u3000"), []byte("\u200b"), []byte("\ufeff"), []byte("\u0301"),
	{0x80}, {0xbf}, {0xc0, 0xa0}, {0xc2}, {0xe2, 0x82}, {0xe0, 0x80, 0xa0}, {0xed, 0xa0, 0x80},
	{0xf4, 0x90, 0x80, 0x80}, {0xf8, 0x88, 0x80, 0x80, 0x80}, {0xfc, 0x84, 0x80, 0x80, 0x80, 0x80},
	{0xfe}, {0xff}, {0xf0, 0x9f, 0x98}, []byte("\u00ad"), []byte("\u1160"), []byte("\U0010ffff"),
}

// RandomText returns about n bytes of adversarial mixed text.
func RandomText(rng *rand.Rand, n int) []byte {
	out := make([]byte, 0, n+8)
	for len(out) < n {
		switch rng.IntN(4) {
		case 0: // a random byte
			out = append(out, byte(rng.IntN(256)))
		default:
			out = append(out, pieces[rng.IntN(len(pieces))]...)
		}
	}
	return out
}

// EnglishText returns n bytes of English-like ASCII text with lines of
// 40–100 bytes: what most users count.
func EnglishText(rng *rand.Rand, n int) []byte {
	words := []string{"the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was",
		"with", "be", "by", "on", "not", "he", "this", "are", "or", "his", "from", "at", "which",
		"counting", "words", "quickly,", "memory", "bandwidth.", "Lines", "(SIMD)", "kernel"}
	out := make([]byte, 0, n+16)
	col, lineLen := 0, 40+rng.IntN(60)
	for len(out) < n {
		w := words[rng.IntN(len(words))]
		out = append(out, w...)
		col += len(w)
		if col >= lineLen {
			out = append(out, '\n')
			col, lineLen = 0, 40+rng.IntN(60)
		} else {
			out = append(out, ' ')
			col++
		}
	}
	return out[:n]
}
