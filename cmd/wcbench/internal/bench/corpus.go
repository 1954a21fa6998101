package bench

import (
	"fmt"
	"math/rand/v2"
	"sort"

	"github.com/simdwc/simdwc/internal/spectest"
)

// A corpus generator makes n bytes of one kind of text from a seeded
// source, so every run of wcbench on every machine counts the same bytes.
type generator func(rng *rand.Rand, n int) []byte

// corpusSeed is the PCG seed of every corpus; changing it changes every
// published figure, so don't.
const corpusSeed = 0x5eed_cafe

// corpora are the generated inputs, by name. english is what most users
// count; multilingual is where the UTF-8 dialects earn their keep;
// alternating is the worst case for word counting (a word starts every
// other byte); random bytes are the worst case for the UTF-8 decoders.
var corpora = map[string]generator{
	"english":      spectest.EnglishText,
	"multilingual": MultilingualText,
	"alternating":  AlternatingText,
	"random":       RandomBytes,
}

// CorpusNames lists the generated corpora in the order the report shows
// them.
func CorpusNames() []string { return []string{"english", "multilingual", "alternating", "random"} }

// tileSize is how much of a corpus is generated; bigger buffers repeat it.
// A 4 MiB period is far beyond what a branch predictor or prefetcher can
// learn, and generating a gigabyte of text would take longer than timing it.
const tileSize = 4 * MiB

// Generate returns n bytes of the named corpus.
func Generate(name string, n int) ([]byte, error) {
	gen, ok := corpora[name]
	if !ok {
		names := make([]string, 0, len(corpora))
		for k := range corpora {
			names = append(names, k)
		}
		sort.Strings(names)
		return nil, fmt.Errorf("unknown corpus %q (have %v)", name, names)
	}
	rng := rand.New(rand.NewPCG(corpusSeed, uint64(len(name))))
	tile := gen(rng, min(n, tileSize))
	out := make([]byte, n)
	for i := 0; i < n; i += copy(out[i:], tile) {
	}
	return out, nil
}

// AlternatingText returns n bytes of "a a a …": a word starts at every
// other byte and there is no line end, the worst case for word counting.
func AlternatingText(_ *rand.Rand, n int) []byte {
	out := make([]byte, n)
	for i := range out {
		out[i] = "a "[i&1]
	}
	return out
}

// RandomBytes returns n uniformly random bytes.
func RandomBytes(rng *rand.Rand, n int) []byte {
	out := make([]byte, n)
	for i := 0; i < n; i += 8 {
		v := rng.Uint64()
		for j := i; j < min(i+8, n); j++ {
			out[j] = byte(v)
			v >>= 8
		}
	}
	return out
}

// multilingualWords are words in the scripts a UTF-8 counter meets: Latin
// with accents (2-byte chars, some decomposed with a combining accent),
// Cyrillic and Greek (2 bytes), CJK and kana (3 bytes, often no spaces
// between words), Hangul, and emoji (4 bytes, with skin tones, flags and
// ZWJ sequences).
var multilingualWords = [][]string{
	// Latin with accents, and English so that ASCII runs stay common.
	{"café", "naïve", "größer", "São", "Paulo", "żółć", "déjà", "vu", "Ærø", "smörgåsbord",
		"façade", "niño", "crème", "brûlée", "e\u0301te\u0301", "the", "and", "of", "counting", "words"},
	// Cyrillic
	{"привет", "мир", "слово", "считать", "строки", "быстро", "память", "Ёлка"},
	// Greek
	{"καλημέρα", "κόσμε", "λέξη", "γραμμή", "μετρώ", "ΑΒΓΔ"},
	// CJK, kana and Hangul
	{"中文", "我们的世界", "日本語のテキスト", "カタカナ", "漢字", "한국어", "단어", "数える"},
	// emoji
	{"😀", "👍🏽", "🇫🇷", "👩\u200d💻", "🎉🎉", "❤\ufe0f", "🦀"},
}

// unicodeSpaces separate words now and then instead of ' ': no-break
// (U+00A0, U+202F, U+2007, which the dialects disagree on), em and thin
// spaces, and the ideographic space CJK text uses.
var unicodeSpaces = []string{"\u00a0", "\u2003", "\u2009", "\u202f", "\u2007", "\u3000", "\t"}

// MultilingualText returns about n bytes (exactly n; the last char may be
// cut) of valid UTF-8 in lines of 30–90 bytes, mixing the scripts of
// multilingualWords with mostly ASCII spaces and some Unicode ones.
func MultilingualText(rng *rand.Rand, n int) []byte {
	out := make([]byte, 0, n+32)
	col, lineLen := 0, 30+rng.IntN(60)
	script := 0
	for len(out) < n {
		if rng.IntN(8) == 0 { // switch script every few words
			script = rng.IntN(len(multilingualWords))
		}
		words := multilingualWords[script]
		w := words[rng.IntN(len(words))]
		out = append(out, w...)
		col += len(w)
		switch {
		case col >= lineLen:
			out = append(out, '\n')
			col, lineLen = 0, 30+rng.IntN(60)
		case rng.IntN(10) == 0:
			sp := unicodeSpaces[rng.IntN(len(unicodeSpaces))]
			out = append(out, sp...)
			col += len(sp)
		default:
			out = append(out, ' ')
			col++
		}
	}
	return out[:n]
}
