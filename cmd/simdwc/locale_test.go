package main

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestLocaleNames(t *testing.T) {
	l, tr, cs, m := splitLocaleName("en_US.UTF-8@euro")
	require.Equal(t, []string{"en", "US", "UTF-8", "euro"}, []string{l, tr, cs, m})
	require.Equal(t, "utf8", normalizeCodeset("UTF-8"))
	require.Equal(t, "utf8", normalizeCodeset("utf8"))
	require.Equal(t, "iso88591", normalizeCodeset("ISO-8859-1"))
	require.Equal(t, "iso8859", normalizeCodeset("8859"))
	require.Equal(t, []string{"C.utf8", "C.UTF-8", "C"}, localeVariants("C.UTF-8"))
	require.Equal(t, []string{"C.utf8@x", "C@x", "C.utf8", "C"}, localeVariants("C.utf8@x"))
}

// fakeLocales makes a locale directory holding the given locales.
func fakeLocales(t *testing.T, names ...string) string {
	dir := t.TempDir()
	for _, n := range names {
		for _, cat := range localeCategories {
			p := filepath.Join(dir, n, cat)
			require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
			require.NoError(t, os.WriteFile(p, nil, 0o644))
		}
	}
	return dir
}

func envOf(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

func TestEnvIsUTF8(t *testing.T) {
	db := newLocaleDB(fakeLocales(t, "C.utf8", "de_DE.utf8", "fr_FR"))
	cases := []struct {
		env  []string
		want bool
	}{
		{nil, false},
		{[]string{"LANG", "C.UTF-8"}, true},
		{[]string{"LC_ALL", "C.utf8"}, true},
		{[]string{"LC_ALL", "c.utf8"}, false}, // the language is case-sensitive
		{[]string{"LC_ALL", "de_DE.UTF-8@euro"}, true},
		{[]string{"LC_ALL", "fr_FR"}, false}, // installed, but no codeset: single-byte
		{[]string{"LC_ALL", "es_ES.UTF-8"}, false},
		{[]string{"LC_ALL", "C", "LC_CTYPE", "C.UTF-8"}, false},
		{[]string{"LC_ALL", "", "LANG", "C.UTF-8"}, true},
		{[]string{"LC_CTYPE", "C.UTF-8", "LANG", "C"}, true},
		{[]string{"LC_CTYPE", "C", "LANG", "C.UTF-8"}, false},
		{[]string{"LANG", "C.UTF-8", "LC_TIME", "xx_YY.UTF-8"}, false}, // all or nothing
		{[]string{"LC_ALL", "/usr/lib/locale/C.utf8"}, false},
	}
	for _, c := range cases {
		require.Equal(t, c.want, db.envIsUTF8(envOf(c.env...)), "%q", c.env)
	}
}

func TestLocaleArchive(t *testing.T) {
	// A locale-archive with two names in a three-slot table.
	var b bytes.Buffer
	put := func(v ...uint32) {
		for _, x := range v {
			binary.Write(&b, binary.NativeEndian, x)
		}
	}
	const tableOff = archiveHeaderLen
	const strOff = tableOff + 3*nameEntryLen
	put(archiveMagic, 0, tableOff, 2, 3, strOff, 0, 0, 0, 0, 0, 0, 0, 0)
	put(1, strOff, 999)    // "en_US.utf8"
	put(0, 0, 0)           // empty slot
	put(2, strOff+11, 999) // "sv_SE.utf8"
	b.WriteString("en_US.utf8\x00sv_SE.utf8\x00")
	names := readArchiveNames(bytes.NewReader(b.Bytes()))
	require.Equal(t, map[string]bool{"en_US.utf8": true, "sv_SE.utf8": true}, names)

	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "locale-archive"), b.Bytes(), 0o644))
	db := newLocaleDB(dir)
	require.True(t, db.envIsUTF8(envOf("LANG", "en_US.UTF-8")))
	require.False(t, db.envIsUTF8(envOf("LANG", "de_DE.UTF-8")))
	require.Empty(t, readArchiveNames(bytes.NewReader([]byte("not an archive at all, no magic here........................."))))
}
