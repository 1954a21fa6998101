package simd_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/simd"
)

var utf8Dialects = []scalar.Dialect{scalar.UTF8, scalar.GNUUTF8, scalar.GNUUTF8Posix}

// utf8Needs: lines+words+chars, words alone, and all five (max line
// length, which the utf8 block routine measures too).
var utf8Needs = []simd.Need{simd.NeedLines | simd.NeedWords | simd.NeedChars, simd.NeedWords, simd.NeedAll}

func checkUTF8(t *testing.T, k *simd.Kernel, p []byte, msg string) {
	t.Helper()
	for _, d := range utf8Dialects {
		want := scalar.CountAll(p, d)
		for _, need := range utf8Needs {
			got := k.Count(p, d, need).Counts()
			if masked(got, need) != masked(want, need) {
				t.Fatalf("%s: %s need %04b:\n got %+v\nwant %+v\ninput %x", msg, d, need, got, want, p)
			}
		}
	}
}

// Multilingual text: every length 0..300 at every alignment 0..63.
func TestUTF8MultilingualLengthsAndAlignments(t *testing.T) {
	text := multilingualText(rand.New(rand.NewPCG(21, 22)), 400, 0)
	buf := make([]byte, 300+64+64)
	eachKernel(t, func(t *testing.T, k *simd.Kernel) {
		for n := 0; n <= 300; n++ {
			for align := 0; align < 64; align++ {
				p := buf[align : align+n]
				copy(p, text)
				checkUTF8(t, k, p, "multilingual")
			}
		}
	})
}

// Multi-byte chars cut by every 64-byte block edge, and the input cut at
// every byte (streaming).
func TestUTF8BlockEdgesAndSplits(t *testing.T) {
	chars := []string{"é", "€", "😀", "\u00a0", "\u3000", "\u2028", "\u0085", "\u2060", "中"}
	eachKernel(t, func(t *testing.T, k *simd.Kernel) {
		for _, c := range chars {
			for lead := 0; lead < 70; lead++ {
				p := make([]byte, 0, 260)
				for len(p) < lead {
					p = append(p, "ab "[len(p)%3])
				}
				for len(p) < 250 {
					p = append(p, c...)
					p = append(p, "x"...)
				}
				checkUTF8(t, k, p, c)
			}
		}
		text := multilingualText(rand.New(rand.NewPCG(23, 24)), 300, 0)
		for _, d := range utf8Dialects {
			want := scalar.CountAll(text, d)
			for cut := 0; cut <= len(text); cut++ {
				for _, need := range utf8Needs {
					got := k.Count(text[:cut], d, need).Merge(k.Count(text[cut:], d, need)).Counts()
					require.Equal(t, masked(want, need), masked(got, need), "%s cut %d", d, cut)
				}
			}
		}
	})
}

// Every separator either dialect knows, those they disagree on, and chars
// the gnu block routine treats specially, at every offset 0..127 among
// multi-byte words.
func TestUTF8SpacesEveryOffset(t *testing.T) {
	spaces := []rune{0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x2060, 0x3000, 0x200b, 0x180e, 0xfeff, 0x2001, 0x2081,
		0x01, 0x1f, 0x7f, '\t', '\r', 0x218c, 0x2190, 0x10ffff} // gnu: transparent ASCII, outside the allow-list
	for r := rune(0x2000); r <= 0x200a; r++ {
		spaces = append(spaces, r)
	}
	base := []byte("дом 中文 αβγ é x\n")
	eachKernel(t, func(t *testing.T, k *simd.Kernel) {
		for _, r := range spaces {
			for off := 0; off < 128; off++ {
				var p []byte
				for len(p) < off {
					p = append(p, base[len(p)%len(base)])
				}
				p = []byte(string(p)) // may end inside a char: that is a test too
				p = utf8.AppendRune(p, r)
				p = append(p, "слово"...)
				p = utf8.AppendRune(p, r)
				p = append(p, base...)
				checkUTF8(t, k, p, string(r))
			}
		}
	})
}

// Invalid sequences at every offset.
func TestUTF8InvalidEveryOffset(t *testing.T) {
	bad := [][]byte{
		{0xc0, 0xaf}, {0xe0, 0x80, 0xaf}, {0xf0, 0x80, 0x80, 0xaf}, {0xed, 0xa0, 0x80}, {0xed, 0xbf, 0xbf},
		{0xe2, 0x82}, {0xf0, 0x9f, 0x98}, {0x80}, {0xbf}, {0xc2}, {0xf4, 0x90, 0x80, 0x80}, {0xf5, 0x80, 0x80, 0x80},
		{0xf8, 0x88, 0x80, 0x80, 0x80}, {0xfc, 0x84, 0x80, 0x80, 0x80, 0x80}, {0xfe}, {0xff}, {0xc1, 0xbf},
		{0xe2, 0x82, 0xe2, 0x82}, {0xc3, 0xa9, 0xa9},
	}
	eachKernel(t, func(t *testing.T, k *simd.Kernel) {
		for _, b := range bad {
			for off := 0; off < 140; off++ {
				var p []byte
				for len(p) < off {
					p = append(p, "é a€ "...)
				}
				p = append(p[:off:off], b...)
				checkUTF8(t, k, p, "invalid at end")
				p = append(p, "ж ok 😀 "...)
				for len(p) < 200 {
					p = append(p, "ü"...)
				}
				checkUTF8(t, k, p, "invalid")
			}
		}
	})
}

// Every kind of char (ASCII letter, separator and control, multi-byte
// word char and separator) ending right before a block the block routine
// cannot count (a lone continuation byte; for gnu a char outside the
// allow-list), in a word or after a separator: the routine stops there and
// the char's class must still be applied once.
func TestUTF8CharBeforeStop(t *testing.T) {
	chars := []string{"x", " ", "\x01", "\x7f", "\t", "é", "\u00a0", "中", "😀", "\u3000", "\u2007"}
	stops := []string{"\x80", "\xbf\xbf", "\u0085", "\u2028", "\u0591"}
	eachKernel(t, func(t *testing.T, k *simd.Kernel) {
		for _, c := range chars {
			for _, stop := range stops {
				for _, ctx := range []string{"дом", "дом "} {
					for _, end := range []int{64, 128} {
						for shift := -2; shift <= 3; shift++ {
							var p []byte
							for len(p) < end+shift-len(c)-len(ctx) {
								p = append(p, "ü"...)
							}
							p = append(append(append(p, ctx...), c...), stop...)
							p = append(p, " ab ü"...)
							checkUTF8(t, k, p, c+" before "+stop)
						}
					}
				}
			}
		}
	})
}

// Random pieces of multilingual and adversarial text merged.
func TestUTF8RandomPieces(t *testing.T) {
	rng := rand.New(rand.NewPCG(25, 26))
	eachKernel(t, func(t *testing.T, k *simd.Kernel) {
		for i := 0; i < 30; i++ {
			text := multilingualText(rng, rng.IntN(30000), []int{0, 100, 1000}[i%3])
			for _, d := range utf8Dialects {
				want := scalar.CountAll(text, d)
				for _, need := range utf8Needs {
					require.Equal(t, masked(want, need), masked(k.Count(text, d, need).Counts(), need), "%s whole", d)
					acc := scalar.Partial{}
					for pos := 0; pos < len(text); {
						n := min(rng.IntN(3000), len(text)-pos)
						acc = acc.Merge(k.Count(text[pos:pos+n], d, need))
						pos += n
					}
					require.Equal(t, masked(want, need), masked(acc.Counts(), need), "%s pieces", d)
				}
			}
		}
	})
}

// Multilingual text flush against unreadable pages.
func TestUTF8NeverReadsOutsideSlice(t *testing.T) {
	page := guarded(t)
	text := multilingualText(rand.New(rand.NewPCG(27, 28)), 300, 40)
	eachKernel(t, func(t *testing.T, k *simd.Kernel) {
		for n := 0; n <= 300; n++ {
			end := page[len(page)-n:]
			copy(end, text)
			checkUTF8(t, k, end, "end of page")
			start := page[:n:n]
			copy(start, text)
			checkUTF8(t, k, start, "start of page")
		}
	})
}

// Every ASCII control, the space, '!', '~' and DEL (the edges of the
// printable range) at every offset of the pure-ASCII blocks that follow
// a block with a multi-byte char, in text with and without tabs and
// '\r's: the block routines count such blocks in loops of their own
// (measuring gnu widths too), where a control
// (transparent in the gnu dialects, a word char in utf8; one that stops
// the gnu width measure) must not pass for a printable byte, nor a tab
// or '\r' for a space.
func TestUTF8ASCIIControlsAfterText(t *testing.T) {
	var bytes []byte
	for c := 0; c < 0x80; c++ {
		if c <= 0x21 || c == 0x7e || c == 0x7f {
			bytes = append(bytes, byte(c))
		}
	}
	rng := rand.New(rand.NewPCG(41, 42))
	text := func(seps []string) []byte {
		p := []byte("é")
		for len(p) < 256 {
			p = append(p, []string{"ab", "cd", "x"}[rng.IntN(3)]...)
			p = append(p, seps[rng.IntN(len(seps))]...)
		}
		return p[:256]
	}
	eachKernel(t, func(t *testing.T, k *simd.Kernel) {
		for _, c := range bytes {
			for at := 60; at < 200; at++ {
				for _, seps := range [][]string{{" ", "  ", "\n"}, {" ", "  ", "\n", "\t", "\r\n"}} {
					p := text(seps)
					p[at] = c
					checkUTF8(t, k, p, fmt.Sprintf("%#x at %d", c, at))
				}
			}
		}
	})
}

// sparsePieces: what a mostly-ASCII block may hold: chars the gnu
// dialects count (two and three bytes, world scripts, separators), chars
// they do not (C1 controls, unassigned, line separator, emoji of four
// bytes), invalid sequences (stray continuations, overlong, surrogate,
// cut short).
var sparsePieces = []string{
	"é", "“", "€", "—", "ह", "\u00a0", "\u2003", "\u3000", "\u1680", "\u200b",
	"\u0085", "\u0378", "\u2028", "😀",
	"\xbf\xbf", "\x80", "\xc0\xa1", "\xc1\xbf", "\xed\xa0\x80", "\xe0\x80\xa1", "\xe0\x9f\xbf", "\xe2\x80", "\xc3",
	"\xe2x\x80", "\xf5\x80\x80\x80", "中", "ｱ", "あ",
}

// A piece in an ASCII block after a pure-ASCII one (where the block
// routines check a few multi-byte chars one at a time), at every lane
// of it and across its end, the text ending 0 to 40 bytes after the
// piece, flush against an unreadable page; in half the texts a byte near
// the piece is a lead, a stray continuation, a control, a tab or '\r'.
func TestUTF8SparseBlocks(t *testing.T) {
	page := guarded(t)
	rng := rand.New(rand.NewPCG(43, 44))
	eachKernel(t, func(t *testing.T, k *simd.Kernel) {
		for _, piece := range sparsePieces {
			for at := 112; at < 196; at++ {
				for _, after := range []int{0, 1, 2, 3, 40} {
					p := []byte("é")
					for len(p) < at+len(piece)+after {
						p = append(p, []string{"ab", "cd", "x", "  ", " ", "\n"}[rng.IntN(6)]...)
					}
					p = p[:at+len(piece)+after]
					copy(p[at:], piece)
					if rng.IntN(2) == 0 {
						// A lead (maybe cut short), a stray continuation, a
						// control, a tab or a line end other than '\n', at
						// most 64 bytes from the piece.
						i := at - 1 - rng.IntN(min(at-2, 64))
						if after > 0 && rng.IntN(2) == 0 {
							i = at + len(piece) + rng.IntN(after)
						}
						p[i] = []byte{0xc3, 0xe2, 0x80, '\t', '\r', '\v', '\f', 0x01, 0x1f, 0x7f}[rng.IntN(10)]
					}
					end := page[len(page)-len(p):]
					copy(end, p)
					checkUTF8(t, k, end, fmt.Sprintf("%q at %d", piece, at))
				}
			}
		}
	})
}

// Lines between two line ends of one 64-byte block, the widest of the
// text or not: the block routines may skip them once the widest line so
// far is as wide as any of them can be (62 columns, between lanes 0 and
// 63). Lines of width m before such a block, for m around that bound;
// the block itself pure ASCII or holding a two-byte char, and a tab
// (gnu widths: eight columns) or not.
func TestUTF8LinesInsideBlock(t *testing.T) {
	eachKernel(t, func(t *testing.T, k *simd.Kernel) {
		for m := 58; m <= 64; m++ {
			for _, inner := range []string{strings.Repeat("c", 62), "é" + strings.Repeat("c", 60), "\t" + strings.Repeat("c", 61), strings.Repeat("c", 30) + " é " + strings.Repeat("c", 28)} {
				// A multi-byte char first, so that the block routine
				// counts what follows; then lines of width m until one
				// of at most m ends at lane 0 of a block, the inner line
				// after it ending at lane 63.
				// (The first line is apart: the routines keep it as the
				// head, not in their max.)
				p := append([]byte("é"), strings.Repeat("a", m-1)+"\n"+strings.Repeat("b", m)+"\n"...)
				for {
					target := (len(p) + 63) &^ 63
					if target-len(p) <= m {
						p = append(p, strings.Repeat("b", target-len(p))+"\n"...)
						break
					}
					p = append(p, strings.Repeat("b", m)+"\n"...)
				}
				p = append(p, inner+"\nd d\n"...)
				require.Equal(t, 63, bytes.LastIndexByte(p[:len(p)-4], '\n')%64)
				checkUTF8(t, k, p, fmt.Sprintf("width %d, inner %q", m, inner))
			}
		}
	})
}

// A control, tab, '\r', '\f' or '\v' at every offset of the pure-ASCII
// blocks after lines of 64 to 90 columns (after a block with a
// multi-byte char): there the block routines measure lines in registers
// (gnu widths: as long as each block is printable bytes, spaces and
// '\n's), which such a byte must leave with every count as it stands.
func TestUTF8ControlsAfterLongLines(t *testing.T) {
	rng := rand.New(rand.NewPCG(45, 46))
	p0 := []byte("é")
	for len(p0) < 400 {
		line := 64 + rng.IntN(27)
		for col := 0; col < line; {
			w := []string{"ab", "cde", "x", "fgh"}[rng.IntN(4)]
			p0 = append(p0, w...)
			p0 = append(p0, ' ')
			col += len(w) + 1
		}
		p0 = append(p0, '\n')
	}
	p0 = p0[:400]
	eachKernel(t, func(t *testing.T, k *simd.Kernel) {
		for _, c := range []byte{0x01, 0x1f, 0x7f, '\t', '\r', '\f', '\v'} {
			for at := 130; at < 400; at++ {
				p := append([]byte(nil), p0...)
				p[at] = c
				checkUTF8(t, k, p, fmt.Sprintf("%#x at %d", c, at))
			}
		}
	})
}

// Runs of pure-ASCII blocks longer than the block routines count on the
// vectors between two folds (127 blocks), with a line end at the same
// lane of every block (or in every lane), after a multi-byte char and
// with one in the middle of the run, or a control there.
func TestUTF8LongASCIIRuns(t *testing.T) {
	var texts [][]byte
	for _, line := range []int{0, 15, 31, 63} {
		run := bytes.Repeat(append(bytes.Repeat([]byte("a"), line), '\n'), 20000/(line+1))
		for _, mid := range []string{"", "é", "\x01", "\t"} {
			p := append([]byte("é"), run...)
			p = append(p, mid...)
			p = append(p, run...)
			texts = append(texts, append(p, "é\n"...))
		}
	}
	eachKernel(t, func(t *testing.T, k *simd.Kernel) {
		for i, p := range texts {
			checkUTF8(t, k, p, fmt.Sprintf("text %d", i))
		}
	})
}
