//go:build ignore

// gen_corpus writes the seed corpus of the fuzz targets:
// testdata/fuzz/<Target>/seed-<name>, one file per edge case, in Go's
// corpus format. Run it from fuzz/ (go generate ./fuzz/). It rewrites the
// seed-* files only; the files the fuzzer wrote for the inputs it failed
// on (named by hash) are regression inputs and stay.
//
// The golden vectors are not copied here: the targets f.Add them from
// shared/spec at test time.
package main

import (
	"bytes"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// targets, whether each takes a plan after the data, and which seeds it
// gets: every one, or every nth (FuzzParallel counts megabytes per exec).
var targets = []struct {
	name     string
	withPlan bool
	every    int
}{
	{"FuzzKernels", true, 1},
	{"FuzzCounter", true, 1},
	{"FuzzMerge", true, 1},
	{"FuzzGNUWC", false, 1},
	{"FuzzParallel", true, 4},
}

// plans are the plans the seeds take in turn: whole, byte by byte, block
// sizes and their neighbours, empty pieces, many-block pieces.
var plans = [][]byte{nil, {1}, {31}, {32}, {33, 7}, {64, 1, 0}, {0, 3}, {200}, {7, 13, 1, 64}, {63, 65, 127, 129}}

type seed struct {
	name string
	data []byte
}

func rep(s string, n int) string { return strings.Repeat(s, n/len(s)+1)[:n] }

// blockEdges are the lengths around the 16-, 32- and 64-byte blocks and
// the 128-byte unrolled loops of the kernels.
var blockEdges = []int{31, 32, 33, 63, 64, 65, 127, 128, 129}

func seeds() []seed {
	var out []seed
	add := func(name string, data string) { out = append(out, seed{name, []byte(data)}) }

	add("empty", "")

	// Fills at the block-edge lengths. A fill may be cut mid-char at the
	// end: that is a case too.
	fills := []struct{ name, s string }{
		{"word", "x"}, {"spaces", " "}, {"alternating", "a "}, {"transparent", "\x01"},
		{"high", "\x80"}, {"tabs", "\t"}, {"tabbed", "ab\t"}, {"newlines", "\n"},
		{"euro", "€"}, {"mixed", "a\x01 \t€\r\n"},
	}
	for _, n := range blockEdges {
		for _, f := range fills {
			add(fmt.Sprintf("len%d-%s", n, f.name), rep(f.s, n))
		}
	}
	for _, n := range []int{1, 15, 16, 17, 255, 256, 257} {
		for _, f := range fills[:4] {
			add(fmt.Sprintf("len%d-%s", n, f.name), rep(f.s, n))
		}
		add(fmt.Sprintf("len%d-euro", n), rep("€", n))
	}

	// Multi-byte sequences (valid, above U+10FFFF, 5 and 6 bytes,
	// overlong, surrogate) straddling a block edge at every cut, and cut
	// off by the end of input.
	seqs := []struct{ name, s string }{
		{"e-acute", "é"}, {"euro", "€"}, {"emoji", "😀"}, {"above-10ffff", "\xf4\x90\x80\x80"},
		{"5byte", "\xf8\x88\x80\x80\x80"}, {"6byte", "\xfc\x84\x80\x80\x80\x80"},
		{"overlong", "\xe0\x80\xa0"}, {"surrogate", "\xed\xa0\x80"},
	}
	for _, edge := range []int{16, 32, 64} {
		for _, q := range seqs {
			for o := 1; o < len(q.s); o++ {
				add(fmt.Sprintf("%s-across-%d-cut%d", q.name, edge, o), rep("a", edge-o)+q.s+"b c")
			}
		}
	}
	for _, edge := range []int{32, 64} {
		for _, q := range []int{1, 2, 5} {
			s := seqs[q].s
			for o := 1; o < len(s); o++ {
				add(fmt.Sprintf("%s-cut-at-end-%d-%d", seqs[q].name, edge, o), rep("a", edge-o)+s[:o])
			}
		}
	}

	// Transparent runs across edges: a word that goes on through them,
	// or a lone transparent run.
	for _, k := range []int{30, 31, 32, 33, 62, 63, 64, 65, 127} {
		add(fmt.Sprintf("transparent-run-%d", k), "a"+rep("\x01", k)+"b")
	}
	for _, k := range []int{31, 32, 63, 64} {
		add(fmt.Sprintf("high-run-%d", k), " "+rep("\x80", k)+"c ")
		add(fmt.Sprintf("skipped-run-%d", k), "x"+rep("\xc0", k)+"y")
	}
	add("nel-run", "a"+rep("\u0085", 66)+"b")
	add("line-separator-run", "a"+rep("\u2028", 33)+"b\u2029c")
	add("del-nul-run", rep("\x7f\x00", 70)+"z")

	// Tab runs and tabs at every column around a tab stop and a block edge.
	for _, k := range []int{7, 8, 9, 31, 32, 33, 64, 65} {
		add(fmt.Sprintf("tab-run-%d", k), rep("\t", k))
	}
	for _, k := range []int{6, 7, 8, 9, 31, 32, 63} {
		add(fmt.Sprintf("tab-after-%d", k), rep("x", k)+"\ty")
	}
	add("tabs-words", rep("abc\tdefghij\t", 80))
	add("tabs-lines", "ab\t\ncd\t\r\tx\f\t\t\vy\t")

	// Line ends that end a measure (\n \r \f) and \v, which does not.
	add("cr-run", rep("\r", 33))
	add("cr-long-line", rep("y", 40)+"\r"+rep("z", 10)+"\n")
	add("ff-vt", rep("ab\fcd\ve ", 20))
	add("crlf", rep("line\r\n", 12))

	// Wide and zero-width chars across edges.
	add("cjk", rep("中", 33))
	add("cjk-offset", "x"+rep("文字", 22))
	add("combining", rep("e\u0301", 22))
	add("zero-width-space", rep("a\u200b", 25))
	add("soft-hyphen-jamo", rep("\u00ad\u1160x", 12))
	add("bom-private-use", rep("\ufeff\ue000 ", 10))

	// The no-break spaces the gnu dialects disagree on, at a block edge.
	for _, sp := range []string{"\u00a0", "\u2007", "\u202f", "\u2060", "\u1680", "\u3000"} {
		add(fmt.Sprintf("nbsp-%x-at-32", []rune(sp)[0]), rep("x", 31)+sp+"y")
	}

	// Long mixed inputs: several blocks of everything above.
	rng := rand.New(rand.NewPCG(1, 2))
	var parts []string
	for _, s := range out {
		parts = append(parts, string(s.data))
	}
	for i, n := range []int{1000, 4097, 9000} {
		var b strings.Builder
		for b.Len() < n {
			p := parts[rng.IntN(len(parts))]
			b.WriteString(p[:rng.IntN(len(p)+1)])
		}
		add(fmt.Sprintf("long-mix-%d", i), b.String()[:n])
	}
	return out
}

func corpusFile(data []byte, plan []byte, withPlan bool) []byte {
	var b bytes.Buffer
	b.WriteString("go test fuzz v1\n")
	fmt.Fprintf(&b, "[]byte(%q)\n", data)
	if withPlan {
		fmt.Fprintf(&b, "[]byte(%q)\n", plan)
	}
	return b.Bytes()
}

func main() {
	ss := seeds()
	for _, t := range targets {
		dir := filepath.Join("testdata", "fuzz", t.name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			log.Fatal(err)
		}
		old, err := filepath.Glob(filepath.Join(dir, "seed-*"))
		if err != nil {
			log.Fatal(err)
		}
		for _, f := range old {
			if err := os.Remove(f); err != nil {
				log.Fatal(err)
			}
		}
		for i, s := range ss {
			if i%t.every != 0 {
				continue
			}
			name := filepath.Join(dir, "seed-"+s.name)
			if err := os.WriteFile(name, corpusFile(s.data, plans[i%len(plans)], t.withPlan), 0o644); err != nil {
				log.Fatal(err)
			}
		}
	}
	fmt.Printf("wrote %d seeds (every nth for some targets) for %d targets\n", len(ss), len(targets))
}
