//go:build !purego

package simd

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/scalar"
)

// A sequence left open (a lead, or a lead and too few continuations) at
// every offset, followed by ASCII for more than two blocks: its error
// shows only at the ASCII byte after it, so a block that starts there is
// pure ASCII and yet not valid. utf8BlocksNEON's pure-ASCII shortcut must
// not take it (it checks p[-3:0] too): the routine counts the open
// sequence as invalid UTF-8, and all the rest, as the reference does, in
// every dialect.
func TestUTF8NEONOpenBeforeASCIIBlock(t *testing.T) {
	if !hasASIMD() {
		t.Skip("no ASIMD")
	}
	opens := []string{"\xc3", "\xe2", "\xe2\x82", "\xf0", "\xf0\x9f", "\xf0\x9f\x98"}
	tail := strings.Repeat("ab cd\x01e\tfg\nhi\x7f ", 11)
	for _, open := range opens {
		for at := 0; at < 260; at++ {
			q := []byte(strings.Repeat("x y\x02", at/4+1)[:at] + open + tail)
			for _, d := range []scalar.Dialect{scalar.UTF8, scalar.GNUUTF8, scalar.GNUUTF8Posix} {
				needs := []Need{NeedLines | NeedWords | NeedChars, NeedWords}
				if d == scalar.UTF8 {
					needs = append(needs, NeedAll)
				}
				for _, need := range needs {
					part, m := countValid(utf8WordsNEON, q, d, need)
					require.Equal(t, len(q), m, "%s %x at %d: must count invalid UTF-8", d, open, at)
					require.Equal(t, masked(scalar.CountAll(q[:m], d), need), masked(part.Counts(), need),
						"%s %x at %d need %04b", d, open, at, need)
				}
			}
		}
	}
}
