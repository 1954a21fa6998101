package simdwc_test

import (
	"fmt"
	"io"
	"strings"

	"github.com/simdwc/simdwc"
)

func ExampleCount() {
	c := simdwc.Count([]byte("hello world\nsecond line\n"), simdwc.UTF8)
	fmt.Println(c.Lines, c.Words, c.Chars, c.Bytes, c.MaxLineLength)
	// Output: 2 4 24 24 11
}

// The dialects disagree where real tools disagree: GNU wc 9.1 in the C
// locale treats bytes 0x80–0xFF as neither space nor word.
func ExampleCount_dialects() {
	text := []byte("中文 café\n")
	for _, d := range []simdwc.Dialect{simdwc.UTF8, simdwc.ASCII, simdwc.GNUC, simdwc.GNUUTF8} {
		c := simdwc.Count(text, d)
		fmt.Printf("%-8s words=%d chars=%d maxline=%d\n", d, c.Words, c.Chars, c.MaxLineLength)
	}
	// Output:
	// utf8     words=2 chars=8 maxline=7
	// ascii    words=2 chars=13 maxline=12
	// gnu-c    words=1 chars=13 maxline=4
	// gnu-utf8 words=2 chars=8 maxline=9
}

func ExampleParseDialect() {
	d, err := simdwc.ParseDialect("gnu-utf8")
	fmt.Println(d, err)
	_, err = simdwc.ParseDialect("latin1")
	fmt.Println(err)
	// Output:
	// gnu-utf8 <nil>
	// simdwc: unknown dialect "latin1" (want utf8, ascii, gnu-c, gnu-utf8 or gnu-utf8-posix)
}

func ExampleCounter() {
	c := simdwc.NewCounter(simdwc.UTF8)
	// Writes may cut words and multi-byte chars anywhere.
	io.WriteString(c, "naïve wo")
	c.Write([]byte{'r', 'd', 's', ' ', 0xE2, 0x82})
	c.Write([]byte{0xAC, '\n'})
	fmt.Printf("%+v\n", c.Counts())
	// Output: {Lines:1 Words:3 Chars:14 Bytes:17 MaxLineLength:13}
}

func ExampleCountReader() {
	c, err := simdwc.CountReader(strings.NewReader("one two\nthree\n"), simdwc.ASCII)
	fmt.Println(c.Lines, c.Words, c.Bytes, err)
	// Output: 2 3 14 <nil>
}

func ExampleOptions() {
	opt := simdwc.Options{Dialect: simdwc.GNUC, Need: simdwc.Lines | simdwc.Words}
	fmt.Printf("%+v\n", opt.Count([]byte("a b\tc\n")))
	// Output: {Lines:1 Words:3 Chars:0 Bytes:6 MaxLineLength:0}
}
