package main

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/simdwc/simdwc/internal/spectest"
)

// The differential tests run the real GNU wc and this program, built once
// into a temporary directory under the name "wc" (so that both print the
// same program name in diagnostics), over the same command lines, inputs
// and environments, and require identical stdout, stderr and exit status.

var (
	ourWC    string // path of the built program
	gnuWC    string // path of GNU wc 9.1, "" if missing
	gnuSkip  string // why the differential tests skip, if they do
	hasCUTF8 bool   // the C.UTF-8 locale is installed
	fixtures string // directory of test inputs, the cwd of every run
)

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	tmp, err := os.MkdirTemp("", "simdwc-cli-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(tmp)

	ourWC = filepath.Join(tmp, "bin", "wc")
	build := exec.Command("go", "build", "-o", ourWC, ".")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		return 1
	}
	fixtures = filepath.Join(tmp, "fx")
	if err := makeFixtures(fixtures); err != nil {
		fmt.Fprintln(os.Stderr, "fixtures:", err)
		return 1
	}
	gnuWC, gnuSkip = findGNUWC()
	hasCUTF8 = newLocaleDB("/usr/lib/locale").envIsUTF8(func(k string) string {
		if k == "LC_ALL" {
			return "C.UTF-8"
		}
		return ""
	})
	return m.Run()
}

// findGNUWC returns the path of GNU coreutils 9.1 wc, or why there is none.
func findGNUWC() (path, skip string) {
	path, err := exec.LookPath("wc")
	if err != nil {
		return "", "no wc in PATH"
	}
	out, err := exec.Command(path, "--version").Output()
	if err != nil || !strings.HasPrefix(string(out), "wc (GNU coreutils) 9.1\n") {
		return "", fmt.Sprintf("%s is not GNU coreutils 9.1 wc (%q)", path, firstLine(out))
	}
	return path, ""
}

func firstLine(b []byte) string {
	s, _, _ := strings.Cut(string(b), "\n")
	return s
}

// Fixture files, written once into the fixtures directory.
var fixtureFiles = map[string]string{
	"a":       "hello world\nfoo\n",
	"b":       "x y z\n",
	"empty":   "",
	"nonl":    "no newline at the end",
	"utf8":    "café olé\n中文字 日本\tx\n\u00a0a\u2007b\u202fc\u2060d\n\ufeffhello world\u200b!\n",
	"invalid": "a\xffb \xc3\x28 \xe2\x82\n\xf4\x90\x80\x80 \xed\xa0\x80z\xc2",
	"ctrl":    "a\x01b \x7f\tc\rd\fe\vf\n\x00\x1c  \t\t|\n",
	"long":    strings.Repeat("The quick brown fox jumps over the lazy dog. ", 40) + "\n",
	"spaces":  "   \n\t\n \u3000 \u2028 \u0085\n",
	// Odd names: how wc prints and quotes them.
	"sp ace":  "1 2\n",
	"q'uote":  "x\n",
	"co:lon":  "y\n",
	"n\nl":    "z\n",
	"t\tab":   "w\n",
	"ümlaut":  "ü\n",
	"\xffbad": "v\n",
	"-dash":   "d\n",
	// --files0-from lists.
	"list":       "a\x00b\x00",
	"list-empty": "",
	"list-zero":  "a\x00\x00b",
	"list-dash":  "-\x00a\x00",
	"list-miss":  "a\x00missing\x00dir\x00empty\x00",
	"list-one":   "a",
	"list-odd":   "sp ace\x00n\nl\x00q'uote\x00",
}

func makeFixtures(dir string) error {
	if err := os.MkdirAll(filepath.Join(dir, "dir"), 0o755); err != nil {
		return err
	}
	for name, data := range fixtureFiles {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			return err
		}
	}
	// Large enough for several reads, with multi-byte chars cut by them.
	var big bytes.Buffer
	for i := 0; big.Len() < 1<<20+12345; i++ {
		fmt.Fprintf(&big, "line %d: naïve café 中文 \t tab\u00a0nbsp \xff%s\n", i, strings.Repeat("x", i%97))
	}
	if err := os.WriteFile(filepath.Join(dir, "big"), big.Bytes(), 0o644); err != nil {
		return err
	}
	// A size that is a multiple of the page size takes another -c path.
	if err := os.WriteFile(filepath.Join(dir, "page"), bytes.Repeat([]byte("ab cd\n"), 8192/6*6/6+1)[:8192], 0o644); err != nil {
		return err
	}
	if err := os.Symlink("loop2", filepath.Join(dir, "loop1")); err != nil {
		return err
	}
	return os.Symlink("loop1", filepath.Join(dir, "loop2"))
}

// stdinKind says what standard input is for a run.
type stdinKind uint8

const (
	stdinNull   stdinKind = iota // /dev/null, a character device
	stdinFile                    // a regular file (stdinName)
	stdinOffset                  // a regular file read from offset 5
	stdinPipe                    // a pipe carrying the file's bytes
)

// wcRun is one command line to run under both programs.
type wcRun struct {
	args      []string
	env       []string // on top of a bare PATH
	stdin     stdinKind
	stdinName string // fixture for stdinFile, stdinOffset, stdinPipe
}

func (r wcRun) String() string {
	s := fmt.Sprintf("%q %q", r.env, r.args)
	if r.stdin != stdinNull {
		s += fmt.Sprintf(" stdin=%d:%s", r.stdin, r.stdinName)
	}
	return s
}

type wcResult struct {
	stdout, stderr string
	status         int
}

func runWC(t *testing.T, path string, r wcRun) wcResult {
	t.Helper()
	cmd := exec.Command(path, r.args...)
	cmd.Args[0] = "wc"
	cmd.Dir = fixtures
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH")}, r.env...)
	switch r.stdin {
	case stdinFile, stdinOffset:
		f, err := os.Open(filepath.Join(fixtures, r.stdinName))
		require.NoError(t, err)
		defer f.Close()
		if r.stdin == stdinOffset {
			_, err = f.Seek(5, 0)
			require.NoError(t, err)
		}
		cmd.Stdin = f
	case stdinPipe:
		data, err := os.ReadFile(filepath.Join(fixtures, r.stdinName))
		require.NoError(t, err)
		cmd.Stdin = bytes.NewReader(data) // exec feeds it through a pipe
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	status := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		status = exit.ExitCode()
	} else {
		require.NoError(t, err)
	}
	return wcResult{stdout.String(), stderr.String(), status}
}

// requireGNU skips t when there is no GNU wc 9.1 (or, with utf8, no
// C.UTF-8 locale) to compare with.
func requireGNU(t *testing.T, utf8 bool) {
	t.Helper()
	if gnuWC == "" {
		t.Skip("differential test skipped: " + gnuSkip)
	}
	if utf8 && !hasCUTF8 {
		t.Skip("differential test skipped: locale C.UTF-8 is not installed (/usr/lib/locale/C.utf8)")
	}
}

// same runs r under GNU wc and ours and requires identical results.
func same(t *testing.T, r wcRun) wcResult {
	t.Helper()
	want := runWC(t, gnuWC, r)
	got := runWC(t, ourWC, r)
	require.Equal(t, want.stdout, got.stdout, "stdout of %v", r)
	require.Equal(t, want.stderr, got.stderr, "stderr of %v", r)
	require.Equal(t, want.status, got.status, "exit status of %v", r)
	return got
}

// Environments that pick each GNU dialect.
var (
	envC         = []string{"LC_ALL=C"}
	envUTF8      = []string{"LC_ALL=C.UTF-8"}
	envUTF8Posix = []string{"LC_ALL=C.UTF-8", "POSIXLY_CORRECT="}
)

// localeEnvs are the environments every count test runs in.
func localeEnvs(t *testing.T) [][]string {
	requireGNU(t, false)
	if !hasCUTF8 {
		t.Log("C.UTF-8 missing: only the C locale is compared")
		return [][]string{envC}
	}
	return [][]string{envC, envUTF8, envUTF8Posix}
}

// countFlagSets are all 31 non-empty subsets of -lwmcL, and none.
func countFlagSets() [][]string {
	sets := [][]string{nil}
	for mask := 1; mask < 32; mask++ {
		var s []string
		for i, f := range []string{"-l", "-w", "-m", "-c", "-L"} {
			if mask&(1<<i) != 0 {
				s = append(s, f)
			}
		}
		sets = append(sets, s)
	}
	return sets
}

func TestDiffFlagCombinations(t *testing.T) {
	fileSets := [][]string{
		{"a"}, {"utf8"}, {"invalid", "ctrl"}, {"big"},
		{"a", "b", "empty", "nonl", "utf8", "invalid", "ctrl", "long", "spaces"},
	}
	for _, env := range localeEnvs(t) {
		for _, flags := range countFlagSets() {
			for _, files := range fileSets {
				same(t, wcRun{args: append(append([]string{}, flags...), files...), env: env})
			}
		}
	}
}

func TestDiffStdin(t *testing.T) {
	for _, env := range localeEnvs(t) {
		for _, flags := range [][]string{nil, {"-c"}, {"-l"}, {"-m"}, {"-L"}, {"-w"}, {"-lc"}, {"-lwmcL"}} {
			for _, name := range []string{"a", "utf8", "empty", "big", "page"} {
				for _, kind := range []stdinKind{stdinFile, stdinOffset, stdinPipe} {
					same(t, wcRun{args: flags, env: env, stdin: kind, stdinName: name})
					same(t, wcRun{args: append(append([]string{}, flags...), "-"), env: env, stdin: kind, stdinName: name})
					same(t, wcRun{args: append(append([]string{}, flags...), "a", "-", "b"), env: env, stdin: kind, stdinName: name})
				}
			}
			same(t, wcRun{args: flags, env: env})                                          // /dev/null
			same(t, wcRun{args: append(append([]string{}, flags...), "-", "-"), env: env}) // stdin twice
			same(t, wcRun{args: append(append([]string{}, flags...), "-", "a", "-"), env: env, stdin: stdinFile, stdinName: "b"})
			same(t, wcRun{args: append(append([]string{}, flags...), "dir"), env: env, stdin: stdinFile, stdinName: "dir"})
		}
	}
}

func TestDiffStdinIsDirectory(t *testing.T) {
	requireGNU(t, false)
	for _, flags := range [][]string{nil, {"-c"}, {"-l"}, {"-w"}} {
		for _, args := range [][]string{flags, append(append([]string{}, flags...), "-")} {
			r := same(t, wcRun{args: args, env: envC, stdin: stdinFile, stdinName: "dir"})
			require.Equal(t, 1, r.status)
			require.Contains(t, r.stderr, "Is a directory")
		}
	}
}

func TestDiffErrors(t *testing.T) {
	cases := [][]string{
		{"missing"},
		{"missing", "a"},
		{"a", "missing", "b"},
		{"dir"},
		{"-c", "dir"},
		{"-l", "dir"},
		{"-m", "dir", "a"},
		{"a", "dir", "missing", "b"},
		{"a/x"},   // Not a directory
		{"loop1"}, // Too many levels of symbolic links
		{""},      // invalid zero-length file name
		{"a", ""}, //
		{"", "", "b"},
		{"-L", "missing", "dir"},
	}
	for _, env := range localeEnvs(t) {
		for _, args := range cases {
			r := same(t, wcRun{args: args, env: env})
			require.Equal(t, 1, r.status, "%q", args)
		}
	}
}

func TestDiffReadError(t *testing.T) {
	requireGNU(t, false)
	if _, err := os.Stat("/proc/self/mem"); err != nil {
		t.Skip("no /proc/self/mem to give a read error (EIO)")
	}
	for _, flags := range [][]string{nil, {"-c"}, {"-l"}, {"-m"}} {
		r := same(t, wcRun{args: append(append([]string{}, flags...), "a", "/proc/self/mem", "b"), env: envC})
		require.Contains(t, r.stderr, "Input/output error")
	}
}

func TestDiffProcAndSys(t *testing.T) {
	requireGNU(t, false)
	// Files whose st_size is not their length: /proc reports 0, /sys a page.
	var names []string
	for _, p := range []string{"/proc/version", "/sys/kernel/mm/transparent_hugepage/enabled", "/sys/kernel/mm/transparent_hugepage/defrag"} {
		if _, err := os.Stat(p); err == nil {
			names = append(names, p)
		}
	}
	if len(names) == 0 {
		t.Skip("no /proc or /sys files to read")
	}
	for _, flags := range [][]string{nil, {"-c"}, {"-l"}} {
		for _, n := range names {
			same(t, wcRun{args: append(append([]string{}, flags...), n), env: envC})
		}
		same(t, wcRun{args: append(append([]string{}, flags...), names...), env: envC})
	}
}

func TestDiffPermissionDenied(t *testing.T) {
	requireGNU(t, false)
	if os.Geteuid() == 0 {
		t.Skip("running as root, which may read any file: permission denied cannot be provoked " +
			"(other open errors are compared in TestDiffErrors: ENOENT, ENOTDIR, ELOOP)")
	}
	p := filepath.Join(fixtures, "unreadable")
	require.NoError(t, os.WriteFile(p, []byte("secret\n"), 0o000))
	defer os.Remove(p)
	for _, args := range [][]string{{"unreadable"}, {"a", "unreadable", "b"}, {"-c", "unreadable"}} {
		r := same(t, wcRun{args: args, env: envC})
		require.Contains(t, r.stderr, "Permission denied")
	}
}

func TestDiffFilesFrom(t *testing.T) {
	lists := []string{"list", "list-empty", "list-zero", "list-dash", "list-miss", "list-one", "list-odd"}
	for _, env := range localeEnvs(t) {
		for _, flags := range [][]string{nil, {"-c"}, {"-l"}, {"-lwmcL"}} {
			for _, l := range lists {
				f := append([]string{}, flags...)
				same(t, wcRun{args: append(f, "--files0-from="+l), env: env, stdin: stdinFile, stdinName: "b"})
				same(t, wcRun{args: append(f, "--files0-from", l), env: env})
				same(t, wcRun{args: append(f, "--files0-from=-"), env: env, stdin: stdinFile, stdinName: l})
				same(t, wcRun{args: append(f, "--files0-from=-"), env: env, stdin: stdinPipe, stdinName: l})
			}
			f := append([]string{}, flags...)
			same(t, wcRun{args: append(f, "--files0-from=missing"), env: env})
			same(t, wcRun{args: append(f, "--files0-from="), env: env})
			same(t, wcRun{args: append(f, "--files0-from=dir"), env: env})
			same(t, wcRun{args: append(f, "--files0-from=list", "a"), env: env})
			same(t, wcRun{args: append(f, "--files0-from=-"), env: env}) // /dev/null: no names
		}
	}
}

func TestDiffOptions(t *testing.T) {
	cases := [][]string{
		{"-lw", "a"}, {"-wl", "a"}, {"-lwmcL", "a", "b"}, {"-l", "-l", "a"}, {"-cm", "a"},
		{"--lines", "a"}, {"--words", "--bytes", "a"}, {"--chars", "a"}, {"--max-line-length", "a"},
		{"--li", "--wo", "a"}, {"--by", "a"}, {"--ch", "a"}, {"--max", "a"}, {"--files0=list"},
		{"a", "-l"}, {"a", "--words", "b"}, {"--", "-dash"}, {"-l", "--", "a", "-l"}, {"-dash"},
		{"-x"}, {"-lxw", "a"}, {"-h"}, {"--foo"}, {"--foo=bar"}, {"---x"}, {"--"},
		{"--lines=3", "a"}, {"--li=3"}, {"--files0-from"}, {"--fi"}, {"a", "-q"},
		{"-x", "--help"}, {"--foo", "--version"}, // (our --help and --version texts differ)
	}
	for _, env := range localeEnvs(t) {
		for _, args := range cases {
			same(t, wcRun{args: args, env: env})
		}
		// POSIXLY_CORRECT: the first operand ends the options.
		same(t, wcRun{args: []string{"a", "-l"}, env: append(append([]string{}, env...), "POSIXLY_CORRECT=1")})
		same(t, wcRun{args: []string{"-w", "a", "--lines"}, env: append(append([]string{}, env...), "POSIXLY_CORRECT=")})
	}
}

func TestHelpAndVersion(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"--he"}, {"-l", "--help", "-x"}} {
		r := runWC(t, ourWC, wcRun{args: args})
		require.Equal(t, 0, r.status)
		require.Contains(t, r.stdout, "Usage: wc [OPTION]... [FILE]...")
		require.Contains(t, r.stdout, "--dialect=D")
		require.Empty(t, r.stderr)
	}
	r := runWC(t, ourWC, wcRun{args: []string{"--version"}})
	require.Equal(t, 0, r.status)
	require.Contains(t, r.stdout, "GNU coreutils) 9.1")
}

func TestDialectOption(t *testing.T) {
	// -lwmcL of "a\u00a0b é\xff\n": ascii and gnu-c see bytes, utf8 (Go)
	// splits on NBSP, gnu-utf8 too, gnu-utf8-posix does not.
	cases := []struct {
		dialect, env, want string
	}{
		{"ascii", "LC_ALL=C.UTF-8", "1 2 9 9 8"},
		{"gnu-c", "LC_ALL=C.UTF-8", "1 1 9 9 3"},
		{"utf8", "LC_ALL=C", "1 3 7 9 6"},
		{"gnu-utf8", "LC_ALL=C", "1 3 6 9 5"},
		{"gnu-utf8", "POSIXLY_CORRECT=", "1 2 6 9 5"},
		{"gnu-utf8-posix", "LC_ALL=C", "1 2 6 9 5"},
	}
	p := filepath.Join(fixtures, "dialect")
	require.NoError(t, os.WriteFile(p, []byte("a\u00a0b é\xff\n"), 0o644))
	for _, c := range cases {
		r := runWC(t, ourWC, wcRun{args: []string{"-lwmcL", "--dialect=" + c.dialect, "dialect"}, env: []string{c.env}})
		require.Equal(t, 0, r.status, c.dialect)
		require.Equal(t, c.want+" dialect\n", r.stdout, "%s in %s", c.dialect, c.env)
	}
	r := runWC(t, ourWC, wcRun{args: []string{"--dialect=klingon", "a"}})
	require.Equal(t, 1, r.status)
	require.Contains(t, r.stderr, "wc: invalid argument 'klingon' for '--dialect'\n")
	require.Contains(t, r.stderr, "Try 'wc --help' for more information.\n")
	require.Empty(t, r.stdout)
}

func TestDiffFileNames(t *testing.T) {
	names := []string{"sp ace", "q'uote", "co:lon", "n\nl", "t\tab", "ümlaut", "\xffbad"}
	for _, env := range localeEnvs(t) {
		same(t, wcRun{args: append([]string{"--"}, names...), env: env})
		for _, n := range names {
			same(t, wcRun{args: []string{"-l", "--", n}, env: env})
			same(t, wcRun{args: []string{"--", "missing " + n, "a"}, env: env})
		}
		for _, n := range []string{"x'y", "x y", "a{'", "{", "a\\b", "?", "'", ":", "~x", "a~", "#a", "a#", "x\"y",
			"a$b", "a=b", "a!b", "a%b", "a^", "a{b}", "a,b", "a@b", "é", "\x01", "\x7f", "a\u2028", "\x07\x08\x0b\x0c\r",
			"it's:\n", "'\n'", "\u00a0", "a\u0301", "\xe2\x82"} {
			same(t, wcRun{args: []string{"--", n}, env: env})
		}
	}
}

func TestDiffLocaleEnvironment(t *testing.T) {
	requireGNU(t, true)
	envs := [][]string{
		{}, {"LANG=C.UTF-8"}, {"LC_ALL=C.utf8"}, {"LC_ALL=C.UTF8"}, {"LC_ALL=c.utf8"},
		{"LC_ALL=C.UTF-8@euro"}, {"LC_ALL=POSIX"}, {"LC_ALL=de_DE.UTF-8"}, {"LC_ALL=/usr/lib/locale/C.utf8"},
		{"LC_CTYPE=C.UTF-8"}, {"LC_CTYPE=C.UTF-8", "LANG=C"}, {"LC_CTYPE=C", "LANG=C.UTF-8"},
		{"LC_ALL=", "LANG=C.UTF-8"}, {"LC_ALL=C", "LC_CTYPE=C.UTF-8"},
		{"LANG=C.UTF-8", "LC_TIME=xx_YY.UTF-8"}, {"LANG=C.UTF-8", "LC_MESSAGES=xx"},
		{"LANG=xx", "LC_CTYPE=C.UTF-8"}, {"LANGUAGE=de", "LC_ALL=C"},
		{"LC_ALL=C.UTF-8", "POSIXLY_CORRECT=1"}, {"LANG=C.UTF-8", "POSIXLY_CORRECT="},
		{"LC_ALL=C", "POSIXLY_CORRECT="},
	}
	for _, env := range envs {
		same(t, wcRun{args: []string{"-lwmcL", "utf8", "invalid", "spaces"}, env: env})
		same(t, wcRun{args: []string{"-m"}, env: env, stdin: stdinPipe, stdinName: "utf8"})
		same(t, wcRun{args: []string{"-w", "--", "missing é"}, env: env})
	}
}

// TestDiffGoldenVectors counts every input of wc91-vectors.json, one file
// each, in one run per count and locale.
func TestDiffGoldenVectors(t *testing.T) {
	envs := localeEnvs(t)
	inputs := loadVectorInputs(t)
	dir := filepath.Join(fixtures, "vectors")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	var files []string
	for i, in := range inputs {
		name := filepath.Join("vectors", fmt.Sprintf("v%04d", i))
		require.NoError(t, os.WriteFile(filepath.Join(fixtures, name), in, 0o644))
		files = append(files, name)
	}
	for _, env := range envs {
		for _, flags := range [][]string{{"-l"}, {"-w"}, {"-m"}, {"-c"}, {"-L"}, {"-lc"}, {"-lwmcL"}} {
			same(t, wcRun{args: append(append([]string{}, flags...), files...), env: env})
		}
	}
}

// loadVectorInputs returns the distinct inputs of the golden vectors.
func loadVectorInputs(t *testing.T) [][]byte {
	in, err := spectest.Inputs()
	if err != nil {
		t.Skip("golden vectors unavailable: ", err)
	}
	return in
}

// TestDiffRandomText compares adversarial random text (every class of
// every dialect, invalid and cut sequences) of sizes around the read size.
func TestDiffRandomText(t *testing.T) {
	envs := localeEnvs(t)
	rng := rand.New(rand.NewPCG(7, 9))
	var files []string
	for i, n := range []int{1, 17, 4095, 65536, readBufferSize - 3, readBufferSize + 5, 3*readBufferSize + 1} {
		name := fmt.Sprintf("random%d", i)
		require.NoError(t, os.WriteFile(filepath.Join(fixtures, name), spectest.RandomText(rng, n), 0o644))
		files = append(files, name)
	}
	for _, env := range envs {
		for _, flags := range [][]string{{"-l"}, {"-w"}, {"-m"}, {"-c"}, {"-L"}, {"-lwmcL"}} {
			same(t, wcRun{args: append(append([]string{}, flags...), files...), env: env})
			same(t, wcRun{args: flags, env: env, stdin: stdinPipe, stdinName: files[len(files)-1]})
		}
	}
}
