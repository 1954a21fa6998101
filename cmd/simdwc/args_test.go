package main

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseFlags(t *testing.T) {
	cases := []struct {
		args     []string
		posix    bool
		want     flags
		operands []string
	}{
		{nil, false, flags{}, nil},
		{[]string{"-lw", "a"}, false, flags{lines: true, words: true}, []string{"a"}},
		{[]string{"a", "-L", "b"}, false, flags{maxLineLength: true}, []string{"a", "b"}},
		{[]string{"a", "-L", "b"}, true, flags{}, []string{"a", "-L", "b"}},
		{[]string{"--by", "--ch", "--max", "-"}, false, flags{bytes: true, chars: true, maxLineLength: true}, []string{"-"}},
		{[]string{"--files0-from", "F"}, false, flags{filesFrom: "F", hasFilesFrom: true}, nil},
		{[]string{"--files0-from="}, false, flags{filesFrom: "", hasFilesFrom: true}, nil},
		{[]string{"--dia=gnu-c", "--de"}, false, flags{dialect: "gnu-c", debug: true}, nil},
		{[]string{"-c", "--", "-l", "--words"}, false, flags{bytes: true}, []string{"-l", "--words"}},
	}
	for _, c := range cases {
		f, ops, act, err := parseFlags(c.args, c.posix)
		require.NoError(t, err, "%q", c.args)
		require.Equal(t, actCount, act)
		require.Equal(t, c.want, f, "%q", c.args)
		require.Equal(t, len(c.operands), len(ops), "%q", c.args)
		if len(ops) > 0 {
			require.Equal(t, c.operands, ops, "%q", c.args)
		}
	}
}

func TestParseFlagsErrors(t *testing.T) {
	cases := []struct {
		args []string
		msg  string
	}{
		{[]string{"-x"}, "invalid option -- 'x'"},
		{[]string{"-lhw"}, "invalid option -- 'h'"},
		{[]string{"--foo=bar"}, "unrecognized option '--foo=bar'"},
		{[]string{"---x"}, "unrecognized option '---x'"},
		{[]string{"--li=3"}, "option '--lines' doesn't allow an argument"},
		{[]string{"--fi"}, "option '--files0-from' requires an argument"},
		{[]string{"--d"}, "option '--d' is ambiguous; possibilities: '--debug' '--dialect'"},
		{[]string{"a", "-q", "--help"}, "invalid option -- 'q'"},
	}
	for _, c := range cases {
		_, _, _, err := parseFlags(c.args, false)
		require.EqualError(t, err, c.msg, "%q", c.args)
	}
}

func TestParseFlagsActions(t *testing.T) {
	for _, c := range []struct {
		args []string
		act  action
	}{
		{[]string{"--help", "-x"}, actHelp},
		{[]string{"-l", "--vers", "--foo"}, actVersion},
		{[]string{"--he"}, actHelp},
	} {
		_, _, act, err := parseFlags(c.args, false)
		require.NoError(t, err)
		require.Equal(t, c.act, act, "%q", c.args)
	}
}
