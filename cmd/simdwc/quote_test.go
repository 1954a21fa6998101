package main

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Every expectation below was printed by GNU wc 9.1 as a missing file's
// name (quotef), or as --files0-from's (quoteaf).
func TestQuoteF(t *testing.T) {
	both := []struct{ in, want string }{
		{"plain-name_1.txt", "plain-name_1.txt"},
		{"x y", "'x y'"},
		{"x'y", `"x'y"`},
		{"q'u:x", `"q'u:x"`},
		{"x:y", "'x:y'"},
		{":", "':'"},
		{"~x", "'~x'"},
		{"a~", "a~"},
		{"#a", "'#a'"},
		{"a#", "a#"},
		{"{", "'{'"},
		{"a{b}", "a{b}"},
		{`x"y`, `'x"y'`},
		{"a$b", "'a$b'"},
		{"a=b", "'a=b'"},
		{"a!b", "'a!b'"},
		{"a^", "'a^'"},
		{`a\b`, `'a\b'`},
		{"?", "'?'"},
		{"'", `"'"`},
		{"a%b", "a%b"},
		{"a,b@c", "a,b@c"},
		{"a{'", `'a{'\'''`},
		{"x\ny", `'x'$'\n''y'`},
		{"x\ty", `'x'$'\t''y'`},
		{"\x01", `''$'\001'`},
		{"\x7f", `''$'\177'`},
		{"\xff", `''$'\377'`},
		{"", "''"},
		// wc 9.1's quirk: a name with a quote that ends in an escape.
		{"it's\n", `'''it'\''s'$'\n'`},
		{"'\n", `''\'''$'\n'`},
		{"'\n'", `''\'''$'\n'\'''`},
		{"a'b\tc", `'a'\''b'$'\t''c'`},
		{"\x01'x\x01", `'\001'\''x'$'\001'`},
		{"\x01'x", `''$'\001'\''x'`},
	}
	for _, q := range []quoter{{utf8: false}, {utf8: true}} {
		for _, c := range both {
			require.Equal(t, c.want, q.f(c.in), "quotef(%q), utf8=%v", c.in, q.utf8)
		}
	}
	c := quoter{utf8: false}
	u := quoter{utf8: true}
	require.Equal(t, `''$'\303\251'`, c.f("é"))
	require.Equal(t, "é", u.f("é"))
	require.Equal(t, `'a'$'\342\200\250'`, u.f("a\u2028"), "U+2028 is not printable")
	require.Equal(t, `''$'\342\202'`, u.f("\xe2\x82"), "a cut sequence")
}

func TestQuoteAF(t *testing.T) {
	q := quoter{}
	require.Equal(t, "'nope'", q.af("nope"))
	require.Equal(t, "''", q.af(""))
	require.Equal(t, "'-'", q.af("-"))
	require.Equal(t, "'a:b'", q.af("a:b"))
	require.Equal(t, `'''it'\''s'$'\n'`, q.af("it's\n"))
}
