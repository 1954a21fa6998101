package simd_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/simdwc/simdwc/internal/spectest"
	"github.com/simdwc/simdwc/scalar"
	"github.com/simdwc/simdwc/simd"
)

// UTF-8 dialects against the ascii dialect and a memory-read loop on the
// same buffers (fixed seeds):
//
//	go test ./simd/ -run '^$' -bench 'UTF8/.*/.*/(memread|avx512)' -benchtime 3x -count 5
//
// Names are UTF8/TEXT/SIZE/KERNEL/DIALECT/NEED and UTF8/TEXT/SIZE/memread
// (bytes.IndexByte of an absent byte). TEXT is english (pure ASCII),
// multilingual (valid UTF-8: Latin with accents, Cyrillic, Greek, CJK,
// kana, emoji, Unicode spaces, tabs, ASCII), adversarial (multilingual
// with an invalid byte every ~100 bytes) or european (what a French,
// German, Russian or Greek document holds: accented Latin, Cyrillic,
// Greek, typographic punctuation, no-break spaces; no tabs, no CJK) or
// cjk (Chinese, Japanese and Korean with their punctuation and spaces) or
// world (Devanagari, Bengali, Tamil, Thai, Arabic, Hebrew, Armenian,
// Georgian: scripts with combining marks) or sparse (English prose with a
// typographic quote, dash or accented word about every 300 bytes: most
// blocks pure ASCII, one in five or so not) or rare (likewise, about
// every 4 KiB: runs of pure-ASCII blocks inside the block routines).
// NEED is lwm (wc -lwm) or all (plain Count: max line length too). SIZE
// is 256KiB (in L2), 4MiB (in L3 on most machines) or 64MiB (memory).
// Where a routine's branches follow the text (sparse: which block is
// pure ASCII), 256KiB read again and again is partly learnt by the
// branch predictor and runs up to twice as fast as text it has not seen:
// 4MiB, beyond what it can learn, is the figure to quote for those.

// proseWords are the ASCII words of sparse and rare text, proseOthers
// the others.
var proseOthers = []string{"café", "“quoted”", "—", "naïve"}

const proseWords = "the of and a to in is was that for it with as on be at by this had not are but from or have an they which one you were all we her she there would their will when who him been has more if no out do so can what up said about other into than its time only could new them man some these then two first may any like now my such make over our even most me state after also made many before must through back years where much your way well down should because each just those people how too little us good very "

// multilingualWords are what multilingualText is made of.
var multilingualWords = []string{
	"the", "of", "and", "data", "café", "naïve", "über", "señor", "façade", "Ærøskøbing",
	"привет", "мир", "счётчик", "слов", "λόγος", "καλημέρα", "κόσμε", "中文字", "统计",
	"日本語の", "テキスト", "ひらがな", "한국어", "😀", "🎉", "👍🏽", "—", "“quoted”", "…",
}

var multilingualSeps = []string{" ", " ", " ", " ", " ", " ", "\u00a0", "\u3000", "\u2003", "\t"}

// europeanWords and europeanSeps make the european text.
var (
	europeanWords = []string{
		"the", "of", "data", "café", "naïve", "über", "señor", "façade", "Ærøskøbing", "élève", "Straße",
		"привет", "мир", "счётчик", "слов", "в", "и", "λόγος", "καλημέρα", "κόσμε", "—", "“quoted”", "«citation»", "…", "l’été",
	}
	europeanSeps = []string{" ", " ", " ", " ", " ", " ", " ", "\u00a0", ", ", ". "}
	cjkWords     = []string{"中文字", "统计", "数据", "日本語の", "テキスト", "ひらがな", "カタカナ", "한국어", "문장", "「引用」", "（注）", "２０２６年", "wc"}
	cjkSeps      = []string{"，", "。", "、", " ", "\u3000", "：", "！"}
	// worldWords: scripts outside the gnu allow-list's nibble form, with
	// combining marks (Devanagari, Bengali, Tamil, Thai, Arabic, Hebrew
	// points) and zero-width joiners.
	worldWords = []string{"हिन्दी", "भाषा", "বাংলা", "தமிழ்", "ภาษาไทย", "العربية", "مرحبا", "עברית", "שָׁלוֹם",
		"Հայերեն", "ქართული", "ελληνικά", "русский", "data", "wc"}
	worldSeps = []string{" ", " ", " ", " ", "، ", ". ", "।"}
	// sparseWords: four non-ASCII words among some 270 ASCII ones.
	sparseWords = append(strings.Fields(strings.Repeat(proseWords, 2)), proseOthers...)
	sparseSeps  = []string{" ", " ", " ", " ", " ", " ", ", ", ". "}
	// rareWords: the same four among six times as many ASCII ones.
	rareWords = append(strings.Fields(strings.Repeat(proseWords, 12)), proseOthers...)
)

// multilingualText returns n bytes (cut at a char boundary, then padded
// with spaces) of valid UTF-8 text in lines of 40–100 bytes; with
// badEvery > 0, about every badEvery bytes one invalid byte is inserted.
func multilingualText(rng *rand.Rand, n, badEvery int) []byte {
	return wordText(rng, n, badEvery, multilingualWords, multilingualSeps)
}

// wordText is multilingualText from other words and separators.
func wordText(rng *rand.Rand, n, badEvery int, words, seps []string) []byte {
	out := make([]byte, 0, n+32)
	col, lineLen := 0, 40+rng.IntN(60)
	next := badEvery
	for len(out) < n {
		w := words[rng.IntN(len(words))]
		out = append(out, w...)
		col += len(w)
		if badEvery > 0 && len(out) >= next {
			out = append(out, []byte{0xff, 0x80, 0xc0, 0xed}[rng.IntN(4)])
			next = len(out) + badEvery/2 + rng.IntN(badEvery)
		}
		if col >= lineLen {
			out = append(out, '\n')
			col, lineLen = 0, 40+rng.IntN(60)
		} else {
			s := seps[rng.IntN(len(seps))]
			out = append(out, s...)
			col += len(s)
		}
	}
	out = out[:n]
	// A char cut by n becomes spaces (only it: the bytes ≥ 0x80 before
	// it may be whole chars).
	i := n - 1
	for i > 0 && i > n-4 && out[i]&0xc0 == 0x80 {
		i--
	}
	if i >= 0 && out[i] >= 0xc0 && !utf8.Valid(out[i:]) {
		for ; i < n; i++ {
			out[i] = ' '
		}
	}
	return out
}

var (
	utf8BenchOnce sync.Once
	utf8BenchText map[string][]byte // 64 MiB each
)

func utf8BenchBuf(text string, n int) []byte {
	utf8BenchOnce.Do(func() {
		utf8BenchText = map[string][]byte{
			"english":      spectest.EnglishText(rand.New(rand.NewPCG(2024, 9)), 64<<20),
			"multilingual": multilingualText(rand.New(rand.NewPCG(2024, 10)), 64<<20, 0),
			"adversarial":  multilingualText(rand.New(rand.NewPCG(2024, 11)), 64<<20, 100),
			"european":     wordText(rand.New(rand.NewPCG(2024, 12)), 64<<20, 0, europeanWords, europeanSeps),
			"cjk":          wordText(rand.New(rand.NewPCG(2024, 13)), 64<<20, 0, cjkWords, cjkSeps),
			"world":        wordText(rand.New(rand.NewPCG(2024, 14)), 64<<20, 0, worldWords, worldSeps),
			"sparse":       wordText(rand.New(rand.NewPCG(2024, 15)), 64<<20, 0, sparseWords, sparseSeps),
			"rare":         wordText(rand.New(rand.NewPCG(2024, 16)), 64<<20, 0, rareWords, sparseSeps),
		}
	})
	return utf8BenchText[text][:n]
}

// utf8BenchNeeds: wc -lwm, and all five counts (what plain Count asks).
var utf8BenchNeeds = []struct {
	name string
	need simd.Need
}{{"lwm", simd.NeedLines | simd.NeedWords | simd.NeedChars}, {"all", simd.NeedAll}}

func BenchmarkUTF8(b *testing.B) {
	for _, text := range []string{"english", "multilingual", "adversarial", "european", "cjk", "world", "sparse", "rare"} {
		for _, size := range []struct {
			name string
			n    int
		}{{"256KiB", 256 << 10}, {"4MiB", 4 << 20}, {"64MiB", 64 << 20}} {
			b.Run(text+"/"+size.name, func(b *testing.B) {
				p := utf8BenchBuf(text, size.n)
				b.Run("memread", func(b *testing.B) {
					b.SetBytes(int64(len(p)))
					for b.Loop() {
						sink += uint64(bytes.IndexByte(p, 0xfe) + 1)
					}
				})
				for _, k := range simd.Available() {
					if k.Name == "reference" {
						continue
					}
					for _, d := range []scalar.Dialect{scalar.ASCII, scalar.UTF8, scalar.GNUUTF8} {
						for _, need := range utf8BenchNeeds {
							b.Run(fmt.Sprintf("%s/%s/%s", k.Name, d, need.name), func(b *testing.B) {
								b.SetBytes(int64(len(p)))
								for b.Loop() {
									sink += k.Count(p, d, need.need).Bytes
								}
							})
						}
					}
				}
			})
		}
	}
}

// The benchmark texts are valid UTF-8 of exactly the length asked for (a
// char cut at the end once left its lead behind, invalid).
func TestWordTextValid(t *testing.T) {
	for n := 0; n < 600; n++ {
		for i, p := range [][]byte{
			multilingualText(rand.New(rand.NewPCG(uint64(n), 1)), n, 0),
			wordText(rand.New(rand.NewPCG(uint64(n), 2)), n, 0, worldWords, worldSeps),
			wordText(rand.New(rand.NewPCG(uint64(n), 3)), n, 0, cjkWords, cjkSeps),
			wordText(rand.New(rand.NewPCG(uint64(n), 4)), n, 0, sparseWords, sparseSeps),
		} {
			if len(p) != n || !utf8.Valid(p) {
				t.Fatalf("text %d, n %d: %d bytes, valid %v: %q", i, n, len(p), utf8.Valid(p), p[max(0, len(p)-8):])
			}
		}
	}
}
