package main

import (
	"strings"
	"unicode/utf8"

	"github.com/simdwc/simdwc/scalar/glibc"
)

// quoter quotes file names the way coreutils does with gnulib's quotearg in
// its shell-escape styles: quotef (a name in a diagnostic, and a name that
// holds a newline in the output) and quoteaf (always quoted). What counts
// as printable depends on the locale's charset, hence utf8.
type quoter struct {
	utf8 bool // LC_CTYPE is UTF-8: printable multi-byte chars stay as they are
}

// f is coreutils' quotef: the name unchanged when the shell would read it
// back as is, quoted otherwise; ':' also forces quoting (so that
// "name: message" stays unambiguous).
func (q quoter) f(s string) string { return q.quote(s, false, true) }

// af is coreutils' quoteaf: always quoted.
func (q quoter) af(s string) string { return q.quote(s, true, false) }

// unitKind says how one char of a name is handled.
type unitKind uint8

const (
	unitPlain   unitKind = iota // copied as is
	unitSpecial                 // copied as is, but only inside quotes
	unitEscape                  // written as $'\…' escapes
	unitQuote                   // the single quote
)

// unit is one char (one byte, or one multi-byte char in UTF-8) of a name.
type unit struct {
	s    string
	kind unitKind
	// compat: the char may stand inside "…" as is; a name holding a single
	// quote and only such chars is written as "name" rather than with '\''.
	compat bool
}

// units splits s into chars and classifies them as gnulib's
// quotearg_buffer_restyled does for the shell styles.
func (q quoter) units(s string, colon bool) []unit {
	var us []unit
	for i := 0; i < len(s); {
		c := s[i]
		u := unit{s: s[i : i+1]}
		switch {
		case c == '\'':
			u.kind, u.compat = unitQuote, true
		case c == ' ':
			u.kind, u.compat = unitSpecial, true
		case strings.IndexByte("!\"$&()*;<=>[^`|\\?", c) >= 0:
			u.kind = unitSpecial
		case c == '#' || c == '~':
			if i == 0 {
				u.kind, u.compat = unitSpecial, true
			}
		case c == '{' || c == '}':
			if len(s) == 1 {
				u.kind, u.compat = unitSpecial, true
			}
		case c == ':':
			u.compat = true
			if colon {
				u.kind = unitSpecial
			}
		case c >= 0x20 && c < 0x7F:
			u.compat = true // letters, digits, % + , - . / ] _ @
		case c < 0x80:
			u.kind = unitEscape // controls and DEL
		case q.utf8:
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n <= 1 {
				u.kind = unitEscape // an invalid byte, escaped on its own
				break
			}
			u.s = s[i : i+n]
			if glibc.Lookup(uint32(r)).Print() {
				u.compat = true
			} else {
				u.kind = unitEscape
			}
		default:
			u.kind = unitEscape // non-ASCII bytes are unprintable in C
		}
		us = append(us, u)
		i += len(u.s)
	}
	return us
}

// quote is gnulib's shell_escape style (always=false) or
// shell_escape_always style (always=true).
func (q quoter) quote(s string, always, colon bool) string {
	us := q.units(s, colon)
	if !always && s != "" {
		plain := true
		for _, u := range us {
			if u.kind != unitPlain {
				plain = false
				break
			}
		}
		if plain {
			return s
		}
	}
	// A single quote in an otherwise harmless name reads better as "it's".
	hasQuote, allCompat := false, true
	for _, u := range us {
		hasQuote = hasQuote || u.kind == unitQuote
		allCompat = allCompat && u.compat
	}
	if hasQuote && allCompat {
		return `"` + s + `"`
	}
	if !hasQuote {
		out, _ := render(us, false)
		return out
	}
	// gnulib renders a name holding a single quote twice (the first time
	// only to measure it) and wc 9.1's copy does not reset, between the
	// two, whether it is inside a $'…' run; so a name that ends in an
	// escape starts with a stray '' (or an unopened escape). Copied as is.
	_, inDollar := render(us, false)
	out, _ := render(us, inDollar)
	return out
}

// render writes units in '…', escapes in $'…' runs, starting inside such
// a run if inDollar; it reports whether it ended inside one.
func render(us []unit, inDollar bool) (string, bool) {
	var b strings.Builder
	b.WriteByte('\'')
	for _, u := range us {
		switch u.kind {
		case unitEscape:
			if !inDollar {
				b.WriteString(`'$'`)
				inDollar = true
			}
			for j := 0; j < len(u.s); j++ {
				b.WriteString(escapeByte(u.s[j]))
			}
		case unitQuote:
			b.WriteString(`'\''`)
			inDollar = false
		default:
			if inDollar {
				b.WriteString(`''`)
				inDollar = false
			}
			b.WriteString(u.s)
		}
	}
	b.WriteByte('\'')
	return b.String(), inDollar
}

// escapeByte is c as it appears inside $'…': a C letter escape where
// gnulib uses one, three octal digits otherwise.
func escapeByte(c byte) string {
	switch c {
	case '\a':
		return `\a`
	case '\b':
		return `\b`
	case '\f':
		return `\f`
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\t':
		return `\t`
	case '\v':
		return `\v`
	}
	return string([]byte{'\\', '0' + c>>6, '0' + c>>3&7, '0' + c&7})
}
