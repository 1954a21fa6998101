// Package spectest loads the project's golden vectors from shared/spec (a
// sibling of the repository, never copied into it) for tests in every
// package.
package spectest

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/simdwc/simdwc/scalar"
)

// Vector is one input with the counts expected in one dialect.
type Vector struct {
	Name    string
	Input   []byte
	Dialect scalar.Dialect
	Want    scalar.Counts
}

// Dir returns shared/spec: $SIMDWC_SPEC_DIR if set, else ../shared/spec
// next to the directory holding go.mod.
func Dir() (string, error) {
	if d := os.Getenv("SIMDWC_SPEC_DIR"); d != "" {
		return d, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared", "spec"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("spectest: no go.mod above the working directory")
		}
		dir = parent
	}
}

func readJSON(name string, v any) error {
	dir, err := Dir()
	if err != nil {
		return err
	}
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		return fmt.Errorf("spectest: golden vectors not found (set SIMDWC_SPEC_DIR): %w", err)
	}
	return json.Unmarshal(b, v)
}

// Vectors returns every expectation of vectors.json (all four dialects)
// and wc91-vectors.json (GNU wc 9.1 under C, C.UTF-8 and en_US.UTF-8, with
// and without POSIXLY_CORRECT).
func Vectors() ([]Vector, error) {
	var out []Vector
	var main []struct {
		Name     string                   `json:"name"`
		InputHex string                   `json:"input_hex"`
		Expect   map[string]scalar.Counts `json:"expect"`
	}
	if err := readJSON("vectors.json", &main); err != nil {
		return nil, err
	}
	for _, v := range main {
		in, err := hex.DecodeString(v.InputHex)
		if err != nil {
			return nil, fmt.Errorf("spectest: vector %s: %w", v.Name, err)
		}
		for name, want := range v.Expect {
			d, err := scalar.ParseDialect(name)
			if err != nil {
				return nil, fmt.Errorf("spectest: vector %s: %w", v.Name, err)
			}
			out = append(out, Vector{Name: "vectors/" + v.Name, Input: in, Dialect: d, Want: want})
		}
	}
	var wc91 struct {
		Vectors []struct {
			Name           string `json:"name"`
			Hex            string `json:"hex"`
			Locale         string `json:"locale"`
			PosixlyCorrect bool   `json:"posixly_correct"`
			Expect         struct {
				Lines, Words, Chars, Bytes, Maxlinelen uint64
			} `json:"expect"`
		} `json:"vectors"`
	}
	if err := readJSON("wc91-vectors.json", &wc91); err != nil {
		return nil, err
	}
	for _, v := range wc91.Vectors {
		in, err := hex.DecodeString(v.Hex)
		if err != nil {
			return nil, fmt.Errorf("spectest: wc91 vector %s: %w", v.Name, err)
		}
		d := scalar.GNUC
		switch {
		case v.Locale == "C":
		case v.PosixlyCorrect:
			d = scalar.GNUUTF8Posix
		default:
			d = scalar.GNUUTF8
		}
		e := v.Expect
		out = append(out, Vector{
			Name:    fmt.Sprintf("wc91/%s/%s/posix=%v", v.Name, v.Locale, v.PosixlyCorrect),
			Input:   in,
			Dialect: d,
			Want:    scalar.Counts{Lines: e.Lines, Words: e.Words, Chars: e.Chars, Bytes: e.Bytes, MaxLineLength: e.Maxlinelen},
		})
	}
	return out, nil
}

// Inputs returns every distinct input of the golden vectors, in file order.
func Inputs() ([][]byte, error) {
	vs, err := Vectors()
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out [][]byte
	for _, v := range vs {
		if !seen[string(v.Input)] {
			seen[string(v.Input)] = true
			out = append(out, v.Input)
		}
	}
	return out, nil
}
