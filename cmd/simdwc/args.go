package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"
)

// Options are read the way glibc's getopt_long reads wc's: operands and
// options mix freely (unless POSIXLY_CORRECT is set, when the first
// operand ends the options), "--" ends them, short options bundle (-lw),
// and a long option may be abbreviated to any unambiguous prefix (--by).
// gnuArgs checks all that and reports errors in getopt's words; pflag then
// parses the normalized result.

// longOpt is one long option, in wc's order (which getopt's "ambiguous"
// message follows).
type longOpt struct {
	name   string
	hasArg bool
}

var longOpts = []longOpt{
	{"bytes", false}, {"chars", false}, {"lines", false}, {"words", false},
	{"debug", false}, {"dialect", true}, {"files0-from", true},
	{"max-line-length", false}, {"help", false}, {"version", false},
}

const shortOpts = "clLmw"

// usageError is an invalid command line: wc prints the message, then
// "Try 'wc --help' for more information.", and exits 1.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// action is what the command line asks for besides counting.
type action uint8

const (
	actCount action = iota
	actHelp
	actVersion
)

// gnuArgs validates args like getopt_long and returns the options, spelled
// out in full (--files0-from=F, -l), and the operands. --help and
// --version act as soon as they are seen, as in wc: what follows them is
// not looked at.
func gnuArgs(args []string, posixlyCorrect bool) (opts, operands []string, act action, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return opts, append(operands, args[i+1:]...), actCount, nil
		case a == "-" || !strings.HasPrefix(a, "-"):
			if posixlyCorrect {
				return opts, append(operands, args[i:]...), actCount, nil
			}
			operands = append(operands, a)
		case strings.HasPrefix(a, "--"):
			name, value, hasValue := strings.Cut(a[2:], "=")
			o, err := findLong(name, a)
			if err != nil {
				return nil, nil, actCount, err
			}
			switch {
			case o.hasArg && !hasValue:
				if i+1 == len(args) {
					return nil, nil, actCount, &usageError{fmt.Sprintf("option '--%s' requires an argument", o.name)}
				}
				i++
				value = args[i]
			case !o.hasArg && hasValue:
				return nil, nil, actCount, &usageError{fmt.Sprintf("option '--%s' doesn't allow an argument", o.name)}
			}
			switch o.name {
			case "help":
				return opts, operands, actHelp, nil
			case "version":
				return opts, operands, actVersion, nil
			}
			if o.hasArg {
				opts = append(opts, "--"+o.name+"="+value)
			} else {
				opts = append(opts, "--"+o.name)
			}
		default:
			for j := 1; j < len(a); j++ {
				if strings.IndexByte(shortOpts, a[j]) < 0 {
					return nil, nil, actCount, &usageError{fmt.Sprintf("invalid option -- '%c'", a[j])}
				}
				opts = append(opts, "-"+a[j:j+1])
			}
		}
	}
	return opts, operands, actCount, nil
}

// findLong resolves a long option name or unambiguous prefix; arg is the
// whole argument, which getopt quotes in its messages.
func findLong(name, arg string) (longOpt, error) {
	var matches []longOpt
	for _, o := range longOpts {
		if o.name == name {
			return o, nil
		}
		if strings.HasPrefix(o.name, name) {
			matches = append(matches, o)
		}
	}
	switch len(matches) {
	case 0:
		return longOpt{}, &usageError{fmt.Sprintf("unrecognized option '%s'", arg)}
	case 1:
		return matches[0], nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "option '%s' is ambiguous; possibilities:", arg)
	for _, o := range matches {
		fmt.Fprintf(&b, " '--%s'", o.name)
	}
	return longOpt{}, &usageError{b.String()}
}

// flags are the parsed options.
type flags struct {
	lines, words, chars, bytes, maxLineLength bool

	debug        bool
	dialect      string // "" when not given
	filesFrom    string
	hasFilesFrom bool
}

// parseFlags parses args (without the program name).
func parseFlags(args []string, posixlyCorrect bool) (flags, []string, action, error) {
	opts, operands, act, err := gnuArgs(args, posixlyCorrect)
	if err != nil || act != actCount {
		return flags{}, nil, act, err
	}
	var f flags
	fs := pflag.NewFlagSet("wc", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.BoolVarP(&f.bytes, "bytes", "c", false, "print the byte counts")
	fs.BoolVarP(&f.chars, "chars", "m", false, "print the character counts")
	fs.BoolVarP(&f.lines, "lines", "l", false, "print the newline counts")
	fs.BoolVarP(&f.words, "words", "w", false, "print the word counts")
	fs.BoolVarP(&f.maxLineLength, "max-line-length", "L", false, "print the maximum display width")
	fs.BoolVar(&f.debug, "debug", false, "report the dialect and kernel on stderr")
	fs.StringVar(&f.dialect, "dialect", "", "count as this dialect")
	fs.StringVar(&f.filesFrom, "files0-from", "", "read NUL-terminated file names from F")
	// gnuArgs has put every operand after "--", so pflag sees no surprises.
	if err := fs.Parse(append(append(opts, "--"), operands...)); err != nil {
		return flags{}, nil, actCount, &usageError{err.Error()}
	}
	f.hasFilesFrom = fs.Changed("files0-from")
	return f, fs.Args(), actCount, nil
}
