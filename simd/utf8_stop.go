package simd

import "unicode/utf8"

// stopClass is the word state after the char that a block routine which
// classifies each char at its last byte (utf8BlocksAVX2, utf8BlocksNEON)
// left unclassified when it stopped at done, 0 < done < len(p): the
// routine finds a char's end from the byte after it, so a char that ends
// past done (countValid keeps it when it is valid), or at done before an
// invalid continuation byte, has not been applied. carry's top bit is 1
// in a word; words counts word starts. badSkip: the gnu dialects, where
// ASCII controls are transparent.
func stopClass(p []byte, done int, t *utf8Tables, carry, words uint64) (uint64, uint64) {
	i := done - 1
	for i > 0 && i > done-4 && p[i]&0xc0 == 0x80 {
		i--
	}
	_, size := utf8.DecodeRune(p[i:])
	if !(size > 1 || p[i] < 0x80) || !(i+size > done || p[done]&0xc0 == 0x80) {
		return carry, words
	}
	var b [3]byte
	copy(b[:], p[i:])
	space := size > 1 && t.lead[b[0]&0x7f]&t.n1[b[1]&0x7f]&t.n2[b[2]&0x7f] != 0 ||
		size == 1 && (b[0] == ' ' || b[0]-'\t' <= '\r'-'\t')
	ctrl := size == 1 && t.badSkip && (b[0] < 0x20 || b[0] == 0x7f)
	switch {
	case space:
		return 0, words
	case ctrl:
		return carry, words
	case carry>>63 == 0:
		return 1 << 63, words + 1
	}
	return carry, words
}
