package main

import (
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// GNU wc calls setlocale(LC_ALL, ""), and what it counts depends on
// whether the LC_CTYPE that results has a multi-byte (here: UTF-8)
// charset. This file answers that question without cgo, as glibc would:
//
//   - Each category's name is LC_ALL, else LC_<category>, else LANG
//     (empty values count as unset); no name, "C" and "POSIX" mean C.
//   - setlocale(LC_ALL, "") is all or nothing: if the name of any of the 12
//     categories is not installed, every category stays "C".
//   - A name is installed when its entry exists in
//     /usr/lib/locale/locale-archive or a directory
//     /usr/lib/locale/<variant>/LC_<category> exists, where the variants
//     are language[_territory][.codeset][@modifier] with each optional part
//     dropped in turn and the codeset also tried normalized ("UTF-8" →
//     "utf8"), like glibc's _nl_find_locale. A name holding '/' is refused.
//   - The charset is UTF-8 when the name's codeset normalizes to "utf8". A
//     name without a codeset is taken as a single-byte locale.
//
// Not modelled: LOCPATH, /usr/share/locale/locale.alias aliases, and
// multi-byte charsets other than UTF-8 (those count as C here).

// localeCategories are glibc's categories set by setlocale(LC_ALL, "").
var localeCategories = []string{
	"LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE", "LC_MONETARY",
	"LC_MESSAGES", "LC_PAPER", "LC_NAME", "LC_ADDRESS", "LC_TELEPHONE",
	"LC_MEASUREMENT", "LC_IDENTIFICATION",
}

// localeDB says which locales are installed.
type localeDB struct {
	dir     string          // normally /usr/lib/locale
	archive map[string]bool // names in locale-archive; nil until loaded
}

func newLocaleDB(dir string) *localeDB { return &localeDB{dir: dir} }

// envIsUTF8 reports whether setlocale(LC_ALL, "") in an environment read
// through getenv gives a UTF-8 LC_CTYPE.
func (db *localeDB) envIsUTF8(getenv func(string) string) bool {
	name := func(cat string) string {
		if v := getenv("LC_ALL"); v != "" {
			return v
		}
		if v := getenv(cat); v != "" {
			return v
		}
		return getenv("LANG")
	}
	for _, cat := range localeCategories {
		if n := name(cat); !isCLocale(n) && !db.installed(n, cat) {
			return false
		}
	}
	n := name("LC_CTYPE")
	if isCLocale(n) {
		return false
	}
	_, _, codeset, _ := splitLocaleName(n)
	return normalizeCodeset(codeset) == "utf8"
}

func isCLocale(name string) bool { return name == "" || name == "C" || name == "POSIX" }

// splitLocaleName cuts language[_territory][.codeset][@modifier].
func splitLocaleName(name string) (lang, territory, codeset, modifier string) {
	rest := name
	if i := strings.IndexByte(rest, '@'); i >= 0 {
		rest, modifier = rest[:i], rest[i+1:]
	}
	if i := strings.IndexByte(rest, '.'); i >= 0 {
		rest, codeset = rest[:i], rest[i+1:]
	}
	if i := strings.IndexByte(rest, '_'); i >= 0 {
		rest, territory = rest[:i], rest[i+1:]
	}
	return rest, territory, codeset, modifier
}

// normalizeCodeset is glibc's _nl_normalize_codeset: letters and digits
// only, lower case, "iso" in front of an all-digit name.
func normalizeCodeset(cs string) string {
	var b strings.Builder
	digits := true
	for i := 0; i < len(cs); i++ {
		c := cs[i]
		switch {
		case c >= 'a' && c <= 'z':
			digits = false
			b.WriteByte(c)
		case c >= 'A' && c <= 'Z':
			digits = false
			b.WriteByte(c + 'a' - 'A')
		case c >= '0' && c <= '9':
			b.WriteByte(c)
		}
	}
	if b.Len() > 0 && digits {
		return "iso" + b.String()
	}
	return b.String()
}

// localeVariants lists the names glibc tries for name, most specific first.
func localeVariants(name string) []string {
	lang, terr, cs, mod := splitLocaleName(name)
	var terrs, css, mods []string
	if terr != "" {
		terrs = append(terrs, "_"+terr)
	}
	if cs != "" {
		if n := normalizeCodeset(cs); n != cs {
			css = append(css, "."+n)
		}
		css = append(css, "."+cs)
	}
	if mod != "" {
		mods = append(mods, "@"+mod)
	}
	terrs, css, mods = append(terrs, ""), append(css, ""), append(mods, "")
	var out []string
	for _, m := range mods {
		for _, t := range terrs {
			for _, c := range css {
				out = append(out, lang+t+c+m)
			}
		}
	}
	return out
}

// installed reports whether category cat of locale name can be loaded.
func (db *localeDB) installed(name, cat string) bool {
	if strings.ContainsRune(name, '/') || name == "." || name == ".." {
		return false
	}
	lang, terr, cs, mod := splitLocaleName(name)
	if lang == "" {
		return false
	}
	names := db.archiveNames()
	archName := lang
	if terr != "" {
		archName += "_" + terr
	}
	if cs != "" {
		archName += "." + normalizeCodeset(cs)
	}
	if mod != "" {
		archName += "@" + mod
	}
	if names[archName] || names[name] {
		return true
	}
	for _, v := range localeVariants(name) {
		// LC_MESSAGES is a directory (holding SYS_LC_MESSAGES).
		if _, err := os.Stat(filepath.Join(db.dir, v, cat)); err == nil {
			return true
		}
	}
	return false
}

// Layout of glibc's locale-archive (locale/locarchive.h): a header of
// 32-bit words, then a hash table of names pointing into a string table.
const (
	archiveMagic     = 0xde020109
	archiveHeaderLen = 14 * 4
	nameEntryLen     = 3 * 4 // hash, name offset, record offset
	maxArchiveNames  = 1 << 20
)

// archiveNames returns the locale names in locale-archive (none if it is
// missing or not understood). It reads only the header, the name table and
// the names, never the locale data.
func (db *localeDB) archiveNames() map[string]bool {
	if db.archive != nil {
		return db.archive
	}
	db.archive = map[string]bool{}
	f, err := os.Open(filepath.Join(db.dir, "locale-archive"))
	if err != nil {
		return db.archive
	}
	defer f.Close()
	db.archive = readArchiveNames(f)
	return db.archive
}

func readArchiveNames(r io.ReaderAt) map[string]bool {
	names := map[string]bool{}
	var head [archiveHeaderLen]byte
	if _, err := r.ReadAt(head[:], 0); err != nil {
		return names
	}
	word := func(b []byte, i int) uint32 { return binary.NativeEndian.Uint32(b[4*i:]) }
	if word(head[:], 0) != archiveMagic {
		return names
	}
	off, size := word(head[:], 2), word(head[:], 4)
	if size > maxArchiveNames {
		return names
	}
	table := make([]byte, int(size)*nameEntryLen)
	if _, err := r.ReadAt(table, int64(off)); err != nil {
		return names
	}
	buf := make([]byte, 256)
	for i := 0; i < int(size); i++ {
		e := table[i*nameEntryLen:]
		nameOff, recOff := word(e, 1), word(e, 2)
		if nameOff == 0 || recOff == 0 {
			continue
		}
		n, _ := r.ReadAt(buf, int64(nameOff))
		if j := strings.IndexByte(string(buf[:n]), 0); j > 0 {
			names[string(buf[:j])] = true
		}
	}
	return names
}
