//go:build ignore

// gen.go builds table.go of package glibc from the real glibc.
//
// It compiles dump.c with the C compiler ($CC, default cc), runs it, and
// turns its output (one line per run of equal raw iswprint, iswspace and
// wcwidth over U+0000..U+10FFFF under setlocale(LC_ALL, "C.UTF-8")) into a
// sorted, gofmt-formatted Go range table. The output depends only on the
// glibc it runs against, so rerunning it reproduces table.go byte for byte.
//
// Run it from scalar/glibc (what go generate does):
//
//	go run ./internal/gen/gen.go -o table.go
//
// It fails loudly when the compiler is missing, when the C.UTF-8 locale is
// not installed, or when glibc reports something the table cannot encode.
package main

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

//go:embed dump.c
var dumpC []byte

const maxCP = 0x10FFFF

// Prop bits; must match lookup.go.
const (
	propPrint      = 1 << 0
	propSpace      = 1 << 1
	propWidthShift = 2
)

type run struct {
	lo    uint32
	props uint8
}

func main() {
	out := flag.String("o", "table.go", "output file")
	flag.Parse()
	if flag.NArg() != 0 {
		fatalf("unexpected arguments: %q", flag.Args())
	}
	raw, err := dump()
	if err != nil {
		fatalf("%v", err)
	}
	version, runs, err := parse(raw)
	if err != nil {
		fatalf("parsing dump output: %v", err)
	}
	src, err := render(version, runs)
	if err != nil {
		fatalf("%v", err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fatalf("%v", err)
	}
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "glibc table generator: "+format+"\n", args...)
	os.Exit(1)
}

// dump compiles dump.c in a temporary directory and returns its stdout.
func dump() ([]byte, error) {
	ccName := os.Getenv("CC")
	if ccName == "" {
		ccName = "cc"
	}
	ccArgs := strings.Fields(ccName)
	cc, err := exec.LookPath(ccArgs[0])
	if err != nil {
		return nil, fmt.Errorf("C compiler %q not found (set $CC or install cc): %v", ccArgs[0], err)
	}
	dir, err := os.MkdirTemp("", "glibc-table-gen-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	csrc := filepath.Join(dir, "dump.c")
	bin := filepath.Join(dir, "dump")
	if err := os.WriteFile(csrc, dumpC, 0o644); err != nil {
		return nil, err
	}
	args := append(ccArgs[1:], "-std=c99", "-O1", "-Wall", "-Wextra", "-Werror", "-o", bin, csrc)
	build := exec.Command(cc, args...)
	build.Stdout = os.Stderr
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		return nil, fmt.Errorf("compiling dump.c with %s: %v", cc, err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin)
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("running dump: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	if stderr.Len() != 0 {
		return nil, fmt.Errorf("dump wrote to stderr: %s", strings.TrimSpace(stderr.String()))
	}
	return stdout.Bytes(), nil
}

// parse checks dump's output and returns the glibc version and the maximal
// runs of equal normalised props covering 0..maxCP.
func parse(raw []byte) (string, []run, error) {
	sc := bufio.NewScanner(bytes.NewReader(raw))
	line := func() (string, bool) {
		if !sc.Scan() {
			return "", false
		}
		return sc.Text(), true
	}
	l, ok := line()
	version, found := strings.CutPrefix(l, "version ")
	if !ok || !found || version == "" || strings.ContainsAny(version, "\"\\\n") {
		return "", nil, fmt.Errorf("bad version line %q", l)
	}
	if l, ok = line(); !ok || l != "codeset UTF-8" {
		return "", nil, fmt.Errorf("bad codeset line %q", l)
	}
	var runs []run
	nraw := 0
	next := uint32(0) // lowest code point the next raw run may start at
	for {
		l, ok = line()
		if !ok {
			return "", nil, errors.New("truncated output: no end line")
		}
		if n, found := strings.CutPrefix(l, "end "); found {
			want, err := strconv.Atoi(n)
			if err != nil || want != nraw {
				return "", nil, fmt.Errorf("end line %q, but read %d runs", l, nraw)
			}
			break
		}
		f := strings.Fields(l)
		if len(f) != 4 {
			return "", nil, fmt.Errorf("bad line %q", l)
		}
		lo, err1 := strconv.ParseUint(f[0], 16, 32)
		pr, err2 := strconv.Atoi(f[1])
		sp, err3 := strconv.Atoi(f[2])
		w, err4 := strconv.Atoi(f[3])
		if err := errors.Join(err1, err2, err3, err4); err != nil {
			return "", nil, fmt.Errorf("bad line %q: %v", l, err)
		}
		if (nraw == 0 && lo != 0) || (nraw > 0 && uint32(lo) < next) || lo > maxCP {
			return "", nil, fmt.Errorf("run start %#x out of order", lo)
		}
		if pr < 0 || pr > 1 || sp < 0 || sp > 1 {
			return "", nil, fmt.Errorf("bad flags in line %q", l)
		}
		var props uint8
		switch {
		case pr == 1 && w >= 0 && w <= 2:
			props = propPrint | uint8(w)<<propWidthShift
		case pr == 1:
			return "", nil, fmt.Errorf("U+%04X: printable with wcwidth %d", lo, w)
		case w == -1 || w == 0: // non-printable: width stored as 0 (NUL has wcwidth 0)
			props = 0
		default:
			return "", nil, fmt.Errorf("U+%04X: non-printable with wcwidth %d", lo, w)
		}
		if sp == 1 {
			props |= propSpace
		}
		nraw++
		next = uint32(lo) + 1
		if len(runs) > 0 && runs[len(runs)-1].props == props {
			continue // same normalised props: extends the previous run
		}
		runs = append(runs, run{lo: uint32(lo), props: props})
	}
	if l, ok = line(); ok {
		return "", nil, fmt.Errorf("trailing output %q", l)
	}
	if err := sc.Err(); err != nil {
		return "", nil, err
	}
	if len(runs) == 0 {
		return "", nil, errors.New("no runs")
	}
	return version, runs, nil
}

func render(version string, runs []run) ([]byte, error) {
	nonPrint := 0
	for i, r := range runs {
		end := uint32(maxCP + 1)
		if i+1 < len(runs) {
			end = runs[i+1].lo
		}
		if r.props&propPrint == 0 {
			nonPrint += int(end - r.lo)
		}
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by go run ./internal/gen/gen.go from glibc %s under setlocale(LC_ALL, \"C.UTF-8\"); DO NOT EDIT.\n\n", version)
	b.WriteString("package glibc\n\n")
	fmt.Fprintf(&b, "// glibcVersion is gnu_get_libc_version() of the glibc that produced ranges.\nconst glibcVersion = %q\n\n", version)
	b.WriteString("// Facts about ranges, recorded by the generator and checked by the tests.\n")
	fmt.Fprintf(&b, "const (\n\tnumRanges = %d\n\tnumNonPrint = %d // code points in U+0000..U+10FFFF with iswprint false\n)\n\n", len(runs), nonPrint)
	b.WriteString("// ranges holds maximal runs of equal Props over U+0000..U+10FFFF, sorted by\n")
	b.WriteString("// lo; a range extends to the next range's lo (the last one to U+10FFFF).\n")
	b.WriteString("// Props: bit 0 iswprint, bit 1 iswspace, bits 2-3 wcwidth (0 when not printable).\n")
	fmt.Fprintf(&b, "var ranges = [numRanges]rng{\n")
	for _, r := range runs {
		fmt.Fprintf(&b, "\t{0x%06X, 0x%02X},\n", r.lo, r.props)
	}
	b.WriteString("}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("gofmt of generated table: %v", err)
	}
	return src, nil
}
