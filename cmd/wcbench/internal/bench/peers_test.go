package bench

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/scalar"
)

func TestParseWCOutput(t *testing.T) {
	got, ok := ParseWCOutput("  12  40 300 /tmp/x.txt\n")
	assert.True(t, ok)
	assert.Equal(t, []uint64{12, 40, 300}, got)
	got, ok = ParseWCOutput("7\n")
	assert.True(t, ok)
	assert.Equal(t, []uint64{7}, got)
	_, ok = ParseWCOutput("wc: x: No such file\n")
	assert.False(t, ok)
}

func TestWCFieldsInWCOrder(t *testing.T) {
	c := scalar.Counts{Lines: 1, Words: 2, Chars: 3, Bytes: 4, MaxLineLength: 5}
	assert.Equal(t, []uint64{1, 2, 3, 4, 5}, WCFields(c, "-lwmcL"))
	assert.Equal(t, []uint64{4, 5}, WCFields(c, "-Lc"), "wc prints in its own order, not the flags'")
	assert.Equal(t, []uint64{1}, WCFields(c, "-l"))
}

func TestRunPeers(t *testing.T) {
	file := filepath.Join(t.TempDir(), "in.txt")
	data, err := Generate("english", 64*KiB)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(file, data, 0o644))
	cmds := []string{"no-such-wc-binary-here"}
	_, lookErr := exec.LookPath("wc")
	if lookErr == nil {
		cmds = append(cmds, "wc")
	}
	res := RunPeers(PeerJob{Commands: cmds, File: file, Needs: Needs, Reps: 2,
		Dialects: []scalar.Dialect{scalar.GNUC}})
	require.Len(t, res, len(cmds)*len(Needs))
	for _, r := range res[:len(Needs)] {
		assert.NotEmpty(t, r.Error, "a missing peer is reported, not fatal")
	}
	if lookErr != nil {
		t.Skip("no wc on PATH")
	}
	for _, r := range res[len(Needs):] {
		require.Empty(t, r.Error)
		assert.Equal(t, "C", r.Locale)
		assert.Equal(t, 2, r.Speedup.N)
		assert.Positive(t, r.PeerSeconds.Median)
		assert.Positive(t, r.SimdwcSeconds.Median)
		require.NotNil(t, r.Agrees, "wc output %q", r.Output)
		// GNU wc in LC_ALL=C is what the gnu-c dialect reproduces.
		if out, _ := exec.Command("wc", "--version").Output(); len(out) > 0 && string(out[:15]) == "wc (GNU coreuti" {
			assert.True(t, *r.Agrees, "wc %s printed %q", r.Flags, r.Output)
		}
	}
}
