package scalar

// maxEdge is the most bytes held back at either edge of a Partial: a char
// of glibc's longest (6-byte) form minus one.
const maxEdge = 5

// edge holds bytes at a chunk's edge whose chars cannot be decided without
// the neighbouring chunk.
type edge struct {
	b [maxEdge]byte
	n uint8
}

func (e *edge) bytes() []byte { return e.b[:e.n] }

func makeEdge(p []byte) (e edge) {
	e.n = uint8(copy(e.b[:], p))
	return e
}

// Partial is the count of one chunk of a longer input, exact under Merge:
// for every split of an input into chunks c1 … cn,
//
//	Count(c1, d).Merge(Count(c2, d)) … .Merge(Count(cn, d)).Counts()
//
// equals CountAll(c1‖…‖cn, d). Besides the chunk's Summary it keeps, for
// the UTF-8 dialects, the bytes whose chars straddle a chunk edge: a head
// of leading continuation bytes (they may finish a char begun earlier) and
// a tail that is an incomplete sequence (later bytes may finish it). The
// Summary covers exactly the bytes between them. The zero Partial is the
// empty input; Merge with it is the identity.
type Partial struct {
	Dialect Dialect
	Bytes   uint64
	Sum     Summary // the chars between head and tail
	head    edge
	tail    edge
}

// FromSummary builds the Partial of an n-byte chunk whose every byte is a
// whole char — any chunk in a byte dialect, or pure ASCII in a UTF-8
// dialect — from its Summary as the byte dialect d.ASCIITwin() counts it.
// The SIMD kernels count that way; Chars is set to n. (A kernel asked for
// lines alone uses it for any chunk: lines need no decoding, and the other
// counts are then unspecified.)
func FromSummary(d Dialect, n uint64, s Summary) Partial {
	s.Chars = n
	return Partial{Dialect: d, Bytes: n, Sum: s}
}

// onlyHead reports whether the chunk is nothing but its head: up to
// maxEdge continuation bytes whose fate the left neighbour decides.
func (p Partial) onlyHead() bool { return p.Bytes == uint64(p.head.n) }

// Merge returns the Partial of the chunk p followed by the chunk q.
func (p Partial) Merge(q Partial) Partial {
	if q.Bytes == 0 {
		return p
	}
	if p.Bytes == 0 {
		return q
	}
	if p.Dialect != q.Dialect {
		panic("scalar: Merge of Partials of different dialects " + p.Dialect.String() + " and " + q.Dialect.String())
	}
	d := p.Dialect
	var buf [2 * maxEdge]byte
	r := Partial{Dialect: d, Bytes: p.Bytes + q.Bytes}
	if p.onlyHead() {
		// Two runs of leading continuation bytes join into one; only the
		// first maxEdge of it can still finish an earlier char.
		seam := countRun(append(append(buf[:0], p.head.bytes()...), q.head.bytes()...), d, true, q.onlyHead())
		r.head = seam.head
		r.Sum = seam.Sum.Merge(q.Sum)
		r.tail = q.tail
		return r
	}
	// p's tail and q's head meet: decode them together. Unless q is only
	// head, the byte after the seam is not a continuation byte (or q's
	// head is full), so the seam is decided.
	seam := countRun(append(append(buf[:0], p.tail.bytes()...), q.head.bytes()...), d, false, q.onlyHead())
	r.head = p.head
	r.Sum = p.Sum.Merge(seam.Sum).Merge(q.Sum)
	r.tail = q.tail
	if q.onlyHead() {
		r.tail = seam.tail
	}
	return r
}

// Counts returns the counts of the chunk taken as a whole input: its head
// starts the input and its tail is cut off by the end of input.
func (p Partial) Counts() Counts {
	s := countRun(p.head.bytes(), p.Dialect, false, false).Sum.
		Merge(p.Sum).
		Merge(countRun(p.tail.bytes(), p.Dialect, false, false).Sum)
	c := Counts{
		Lines:         s.Lines,
		Words:         s.Words,
		Chars:         s.Chars,
		Bytes:         p.Bytes,
		MaxLineLength: s.MaxLineLength(),
	}
	if p.Dialect.Decoder() == DecodeBytes {
		c.Chars = p.Bytes
	}
	return c
}

// Counts are the five numbers wc prints.
type Counts struct {
	Lines, Words, Chars, Bytes, MaxLineLength uint64
}
