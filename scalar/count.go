// Package scalar is simdwc's reference counter. It goes one char at a time
// through a table per dialect and defines the numbers every fast path must
// reproduce (shared/spec/semantics.md). It is written to be read, not to be
// fast.
package scalar

// CountAll returns the counts of p taken as a whole input.
func CountAll(p []byte, d Dialect) Counts {
	return countRun(p, d, false, false).Counts()
}

// Count returns the Partial of p taken as one chunk of a longer input:
// bytes at its edges whose chars depend on the neighbouring chunks are
// held back for Merge.
func Count(p []byte, d Dialect) Partial {
	return countRun(p, d, true, true)
}

// countRun counts p. leftOpen: p may continue a char begun before it, so
// its leading continuation bytes (up to maxEdge) are held as the head.
// rightOpen: later bytes may finish a sequence cut off at p's end, so that
// sequence is held as the tail. With both false, p is a whole input.
func countRun(p []byte, d Dialect, leftOpen, rightOpen bool) Partial {
	r := Partial{Dialect: d, Bytes: uint64(len(p))}
	i := 0
	if leftOpen && d.Decoder() != DecodeBytes {
		for i < len(p) && i < d.Decoder().MaxSeq()-1 && isCont(p[i]) {
			i++
		}
		r.head = makeEdge(p[:i])
	}
	s := &r.Sum
	for i < len(p) {
		u, n, st := d.unitAt(p[i:])
		if st == incomplete && rightOpen {
			r.tail = makeEdge(p[i:])
			break
		}
		s.add(u)
		i += n
	}
	return r
}
