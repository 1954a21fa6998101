package scalar

// Cols is the effect of a stretch of chars (with no line end in it) on the
// display column: a function from the column where the stretch starts to the
// column where it ends. Tab stops make it non-linear, but only in a way that
// stays closed under composition:
//
//	!Tab: f(x) = x + A
//	 Tab: f(x) = ((x+A)/8 + 1)*8 + H   (A columns, a tab, then H more)
//
// The zero value is the identity.
type Cols struct {
	Tab  bool
	A, H uint64
}

// Apply returns the column after the stretch when it starts at column x.
func (f Cols) Apply(x uint64) uint64 {
	if !f.Tab {
		return x + f.A
	}
	return ((x+f.A)/8+1)*8 + f.H
}

// Then returns the function of f followed by g.
func (f Cols) Then(g Cols) Cols {
	switch {
	case !g.Tab && !f.Tab:
		return Cols{A: f.A + g.A}
	case !g.Tab: // f has a tab: g only adds after it
		return Cols{Tab: true, A: f.A, H: f.H + g.A}
	case !f.Tab: // first tab is g's
		return Cols{Tab: true, A: f.A + g.A, H: g.H}
	default: // f lands on 8k+f.H; g's tab then lands relative to 8k
		return Cols{Tab: true, A: f.A, H: ((f.H+g.A)/8+1)*8 + g.H}
	}
}

// AddN is the Cols of n plain columns.
func AddN(n uint64) Cols { return Cols{A: n} }

// Tab is the Cols of one tab.
func Tab() Cols { return Cols{Tab: true} }

// Summary holds the counts of a run of whole chars plus what its edges
// looked like, so that Summaries of adjacent runs merge exactly
// (Merge is associative, and the zero Summary is its identity).
//
// Words counts word starts as if a separator preceded the run; Merge takes
// back the one word that continues across the seam. Max line length is kept
// as three parts because the first line's width depends on the column where
// the run starts (tab stops) and the last line goes on in the next run:
//
//	Head: column function up to the first line end (when Reset)
//	Max:  widest line that starts and ends inside the run
//	Tail: column function after the last line end (from column 0 when
//	      Reset), or of the whole run when !Reset.
type Summary struct {
	Lines, Words, Chars uint64

	// First and Last are the classes of the first and last chars that are
	// not Transparent; Transparent when there is none.
	First, Last Class

	Reset      bool // a line end (EndLine char) occurs in the run
	Head, Tail Cols
	Max        uint64
}

// Merge returns the Summary of a followed by b.
func (a Summary) Merge(b Summary) Summary {
	r := Summary{
		Lines: a.Lines + b.Lines,
		Words: a.Words + b.Words,
		Chars: a.Chars + b.Chars,
		First: a.First,
		Last:  b.Last,
	}
	if a.Last == Word && b.First == Word {
		r.Words-- // one word runs across the seam
	}
	if r.First == Transparent {
		r.First = b.First
	}
	if r.Last == Transparent {
		r.Last = a.Last
	}
	switch {
	case !a.Reset && !b.Reset:
		r.Tail = a.Tail.Then(b.Tail)
	case !b.Reset:
		r.Reset, r.Head, r.Max, r.Tail = true, a.Head, a.Max, a.Tail.Then(b.Tail)
	case !a.Reset:
		r.Reset, r.Head, r.Max, r.Tail = true, a.Tail.Then(b.Head), b.Max, b.Tail
	default:
		r.Reset, r.Head, r.Tail = true, a.Head, b.Tail
		r.Max = max(a.Max, b.Max, a.Tail.Then(b.Head).Apply(0))
	}
	return r
}

// MaxLineLength is the widest line of the run when it starts at column 0,
// i.e. at the start of the input.
func (s Summary) MaxLineLength() uint64 {
	m := s.Tail.Apply(0)
	if s.Reset {
		m = max(m, s.Max, s.Head.Apply(0))
	}
	return m
}

// Add returns s followed by one char u. It is the reference's step:
// Summary{}.Add(u1).Add(u2)… defines the counts of u1 u2 ….
func (s Summary) Add(u Unit) Summary {
	s.add(u)
	return s
}

// Step is Add in place: s becomes s followed by one char u (for callers
// that step through many chars without copying the Summary each time).
func (s *Summary) Step(u Unit) { s.add(u) }

func (s *Summary) add(u Unit) {
	s.Chars += uint64(u.Chars)
	s.Lines += uint64(u.Lines)
	switch u.Class {
	case Word:
		if s.Last != Word {
			s.Words++
		}
		fallthrough
	case Space:
		if s.First == Transparent {
			s.First = u.Class
		}
		s.Last = u.Class
	}
	switch u.Op {
	case AddCols:
		if !s.Tail.Tab {
			s.Tail.A += uint64(u.Cols) // the common case, same as Then(AddN)
		} else {
			s.Tail.H += uint64(u.Cols)
		}
	case TabStop:
		s.Tail = s.Tail.Then(Tab())
	case EndLine:
		if !s.Reset {
			s.Reset, s.Head = true, s.Tail
		} else {
			s.Max = max(s.Max, s.Tail.Apply(0))
		}
		s.Tail = Cols{}
	}
}
