package bench

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// parseSVG checks that b is well-formed XML with an <svg> root and
// returns the elements by name and every text content.
func parseSVG(t *testing.T, b []byte) (map[string]int, []string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = true
	elems := map[string]int{}
	var texts []string
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		switch tk := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				require.Equal(t, "svg", tk.Name.Local)
				require.Equal(t, "http://www.w3.org/2000/svg", tk.Name.Space)
			}
			depth++
			elems[tk.Name.Local]++
			for _, a := range tk.Attr {
				assert.NotContains(t, a.Value, "NaN", "%s %s", tk.Name.Local, a.Name.Local)
				assert.NotContains(t, a.Value, "Inf", "%s %s", tk.Name.Local, a.Name.Local)
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			if s := strings.TrimSpace(string(tk)); s != "" {
				texts = append(texts, s)
			}
		}
	}
	require.Zero(t, depth)
	return elems, texts
}

func TestSVG(t *testing.T) {
	rep := sampleReport()
	var b bytes.Buffer
	require.NoError(t, WriteSVG(&b, rep))
	elems, texts := parseSVG(t, b.Bytes())
	all := strings.Join(texts, "\n")
	// A panel per dialect, a line per kernel and baseline in each.
	assert.Equal(t, 2*(2+2), elems["polyline"])
	for _, want := range []string{
		"dialect ascii", "dialect utf8", "buffer size (log scale)", "GB/s (log scale)",
		"reference", "avx2", "memory read (bytes.IndexByte)", "bytes.Count newlines",
		"L1D 48 KiB", "L2 2 MiB", "L3 8 MiB", "Test <CPU> & Co", "1 MiB", "16 MiB",
	} {
		assert.Contains(t, all, want)
	}
	assert.Contains(t, b.String(), "Test &lt;CPU&gt; &amp; Co", "text is escaped")
}

func TestSVGOfEmptyOrSingleSize(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteSVG(&b, &Report{}))
	parseSVG(t, b.Bytes())

	rep := sampleReport()
	var one []Result
	for _, r := range rep.Results {
		if r.Level == "L2" {
			one = append(one, r)
		}
	}
	rep.Results = one
	b.Reset()
	require.NoError(t, WriteSVG(&b, rep))
	elems, _ := parseSVG(t, b.Bytes())
	assert.Positive(t, elems["circle"])
}
