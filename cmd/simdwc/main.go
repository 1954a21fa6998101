// Command simdwc is a drop-in GNU wc: the options, output, diagnostics and
// exit status of GNU coreutils 9.1 wc, counted by simdwc's SIMD kernels.
//
//	simdwc [OPTION]... [FILE]...
//	simdwc [OPTION]... --files0-from=F
//
// Like wc it counts as the locale says (LC_ALL, LC_CTYPE, LANG): a UTF-8
// locale gives the gnu-utf8 dialect (gnu-utf8-posix with POSIXLY_CORRECT),
// anything else gnu-c. --dialect=ascii|utf8|gnu-c|gnu-utf8 chooses
// explicitly. Messages start with the program's base name.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/simdwc/simdwc"
)

const version = "0.1.0"

func main() {
	os.Exit(run(os.Args))
}

// run is the whole program; it returns the exit status.
func run(argv []string) (status int) {
	prog := "simdwc"
	if len(argv) > 0 && argv[0] != "" {
		prog = filepath.Base(argv[0])
	}
	w := &wc{prog: prog, stdin: os.Stdin, stderr: os.Stderr, ok: true}
	w.out = bufio.NewWriterSize(os.Stdout, 64<<10)
	defer func() {
		// A bug must not end in a stack trace, but it must not be silent.
		if r := recover(); r != nil {
			w.errorf("internal error: %v", r)
			status = 1
		}
	}()
	status = w.main(argv[min(1, len(argv)):])
	if err := w.out.Flush(); err != nil {
		// wc 9.1 (gnulib's close_stdout) says no more than this.
		w.errorf("write error")
		return 1
	}
	return status
}

// wc is one run of the program.
type wc struct {
	prog   string
	stdin  *os.File
	out    *bufio.Writer
	stderr io.Writer

	q       quoter
	sel     selection
	cnt     counter
	width   int
	total   counts
	ok      bool
	lineBuf []byte
}

// errorf prints a diagnostic as GNU's error() does: "prog: message".
// Standard output is flushed first, so that on a terminal lines and
// messages come in the order they happened.
func (w *wc) errorf(format string, args ...any) {
	w.out.Flush()
	fmt.Fprintf(w.stderr, "%s: %s\n", w.prog, fmt.Sprintf(format, args...))
}

func (w *wc) usageError(msg string) int {
	w.errorf("%s", msg)
	fmt.Fprintf(w.stderr, "Try '%s --help' for more information.\n", w.prog)
	return 1
}

func (w *wc) main(args []string) int {
	_, posixlyCorrect := os.LookupEnv("POSIXLY_CORRECT")
	utf8Env := newLocaleDB("/usr/lib/locale").envIsUTF8(os.Getenv)
	w.q = quoter{utf8: utf8Env}

	fl, operands, act, err := parseFlags(args, posixlyCorrect)
	if err != nil {
		return w.usageError(err.Error())
	}
	switch act {
	case actHelp:
		w.help()
		return 0
	case actVersion:
		fmt.Fprintf(w.out, "%s (simdwc) %s\nCounts as wc (GNU coreutils) 9.1.\n", w.prog, version)
		return 0
	}

	d, err := chooseDialect(fl.dialect, utf8Env, posixlyCorrect)
	if err != nil {
		return w.usageError(err.Error())
	}
	if fl.debug {
		w.errorf("counting in dialect %s", d)
	}
	w.sel = selection{lines: fl.lines, words: fl.words, chars: fl.chars, bytes: fl.bytes, maxLineLength: fl.maxLineLength}.orDefault()
	w.cnt = counter{sel: w.sel, dialect: d}

	var names *nameList
	switch {
	case !fl.hasFilesFrom:
		names = &nameList{list: operands}
	case len(operands) > 0:
		return w.usageError(fmt.Sprintf("extra operand %s\nfile operands cannot be combined with --files0-from", w.q.af(operands[0])))
	default:
		var fatal bool
		names, fatal = w.openFilesFrom(fl.filesFrom)
		if fatal {
			return 1
		}
	}
	w.width = w.columnWidth(names)

	for {
		name, err := names.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			w.errorf("%s: read error: %s", w.q.f(fl.filesFrom), errnoText(err))
			w.ok = false
			break
		}
		switch {
		case fl.hasFilesFrom && fl.filesFrom == "-" && name == "-":
			w.errorf("when reading file names from stdin, no file name of %s allowed", w.q.af(name))
			w.ok = false
		case name == "" && !fl.hasFilesFrom:
			w.errorf("invalid zero-length file name")
			w.ok = false
		case name == "":
			w.errorf("%s:%d: invalid zero-length file name", w.q.f(fl.filesFrom), names.n)
			w.ok = false
		default:
			w.wcFile(name, true)
		}
	}
	if !fl.hasFilesFrom && names.n == 0 {
		w.wcFile("", false)
	}
	if names.n > 1 {
		total := "total"
		w.printLine(w.total, &total)
	}
	if w.ok {
		return 0
	}
	return 1
}

// chooseDialect is --dialect if given, else what wc would count as in this
// environment. POSIXLY_CORRECT (set at all) makes gnu-utf8 the posix
// variant, as it does to wc.
func chooseDialect(name string, utf8Env, posixlyCorrect bool) (simdwc.Dialect, error) {
	d := simdwc.GNUC
	if utf8Env {
		d = simdwc.GNUUTF8
	}
	if name != "" {
		var err error
		if d, err = simdwc.ParseDialect(name); err != nil {
			return 0, fmt.Errorf("invalid argument '%s' for '--dialect'\nValid arguments are:\n  - 'ascii'\n  - 'utf8'\n  - 'gnu-c'\n  - 'gnu-utf8'\n  - 'gnu-utf8-posix'", name)
		}
	}
	if d == simdwc.GNUUTF8 && posixlyCorrect {
		d = simdwc.GNUUTF8Posix
	}
	return d, nil
}

// nameList yields the input names: the operands, the names read whole from
// a --files0-from file, or names read one by one from a --files0-from
// stream (stream != nil).
type nameList struct {
	list   []string
	stream *bufio.Reader
	n      int // names yielded so far
}

func (l *nameList) next() (string, error) {
	if l.stream == nil {
		if l.n == len(l.list) {
			return "", io.EOF
		}
		l.n++
		return l.list[l.n-1], nil
	}
	s, err := l.stream.ReadString(0)
	switch {
	case err == io.EOF && s == "":
		return "", io.EOF
	case err != nil && err != io.EOF:
		return "", err
	}
	l.n++
	return strings.TrimSuffix(s, "\x00"), nil
}

// maxNamesFileSize is the largest --files0-from file wc reads whole (and
// then stat-s every name to size the columns); larger ones and non-regular
// ones are read as a stream, with columns of width 1.
const maxNamesFileSize = 10 << 20

// openFilesFrom opens the --files0-from input ("-" is standard input).
// fatal means wc has given up (and said why).
func (w *wc) openFilesFrom(path string) (l *nameList, fatal bool) {
	f := w.stdin
	if path != "-" {
		var err error
		if f, err = os.Open(path); err != nil {
			w.errorf("cannot open %s for reading: %s", w.q.af(path), errnoText(err))
			return nil, true
		}
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Size() > maxNamesFileSize {
		return &nameList{stream: bufio.NewReaderSize(f, 64<<10)}, false
	}
	data, err := io.ReadAll(f)
	if path != "-" {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		w.errorf("cannot read file names from %s", w.q.af(path))
		return nil, true
	}
	list := strings.Split(string(data), "\x00")
	if list[len(list)-1] == "" {
		list = list[:len(list)-1] // the terminator of the last name
	}
	return &nameList{list: list}, false
}

// columnWidth stats the inputs, as wc does before counting, to size the
// columns. It does not when there is one input and one count, or when the
// names come from a stream: the width is then 1.
func (w *wc) columnWidth(names *nameList) int {
	if names.stream != nil {
		return 1
	}
	list := names.list
	implicitStdin := len(list) == 0 && names.stream == nil
	nfiles := max(len(list), 1)
	if nfiles == 1 && w.sel.n() == 1 {
		return 1
	}
	stats := make([]inputStat, 0, nfiles)
	stat := func(name string, stdin bool) {
		var st os.FileInfo
		var err error
		if stdin {
			st, err = w.stdin.Stat()
		} else {
			st, err = os.Stat(name)
		}
		if err != nil {
			stats = append(stats, inputStat{})
			return
		}
		stats = append(stats, inputStat{ok: true, regular: st.Mode().IsRegular(), size: st.Size()})
	}
	if implicitStdin {
		stat("", true)
	}
	for _, name := range list {
		stat(name, name == "-")
	}
	return columnWidth(stats)
}

// wcFile counts and prints one input: the named file, "-" or, when !named,
// standard input without a name.
func (w *wc) wcFile(name string, named bool) {
	f, pos := w.stdin, int64(-1)
	errName := "standard input"
	if named {
		errName = name
		if name != "-" {
			var err error
			if f, err = os.Open(name); err != nil {
				w.errorf("%s: %s", w.q.f(name), errnoText(err))
				w.ok = false
				return
			}
			pos = 0
			defer func() {
				if err := f.Close(); err != nil {
					w.errorf("%s: %s", w.q.f(name), errnoText(err))
					w.ok = false
				}
			}()
		}
	}
	c, err := w.cnt.count(f, pos)
	if err != nil {
		w.errorf("%s: %s", w.q.f(errName), errnoText(err))
		w.ok = false
	}
	switch {
	case !named:
		w.printLine(c, nil)
	case strings.IndexByte(name, '\n') >= 0:
		quoted := w.q.f(name)
		w.printLine(c, &quoted)
	default:
		w.printLine(c, &name)
	}
	w.total.add(c)
}

func (w *wc) printLine(c counts, name *string) {
	w.lineBuf = appendLine(w.lineBuf[:0], w.sel, w.width, c, name)
	w.out.Write(w.lineBuf)
}

func (w *wc) help() {
	p := w.prog
	fmt.Fprintf(w.out, `Usage: %s [OPTION]... [FILE]...
  or:  %s [OPTION]... --files0-from=F
Print newline, word, and byte counts for each FILE, and a total line if
more than one FILE is specified.  A word is a non-zero-length sequence of
printable characters delimited by white space.

With no FILE, or when FILE is -, read standard input.

The options below may be used to select which counts are printed, always in
the following order: newline, word, character, byte, maximum line length.
  -c, --bytes            print the byte counts
  -m, --chars            print the character counts
  -l, --lines            print the newline counts
      --files0-from=F    read input from the files specified by
                           NUL-terminated names in file F;
                           If F is - then read names from standard input
  -L, --max-line-length  print the maximum display width
  -w, --words            print the word counts
      --dialect=D        count words, chars and widths as dialect D:
                           gnu-c or gnu-utf8 (GNU wc 9.1 in the C or a
                           UTF-8 locale), ascii or utf8 (Go's rules);
                           default: as wc would in this locale
      --help        display this help and exit
      --version     output version information and exit

simdwc counts exactly as GNU coreutils 9.1 wc, with SIMD kernels.
`, p, p)
}
