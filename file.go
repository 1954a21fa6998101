package simdwc

import "context"

// CountFile counts the named file in dialect d. A regular file is read
// with positional reads on every core, never whole into memory, so files
// larger than RAM count in bounded memory; anything else (a FIFO, a
// device) is read as a stream.
func CountFile(path string, d Dialect) (Counts, error) {
	return Options{Dialect: d}.CountFile(path)
}

// CountFile counts the named file, as o selects.
func (o Options) CountFile(path string) (Counts, error) {
	return o.CountFileContext(context.Background(), path)
}

// CountFileContext is CountFile that stops when ctx is cancelled,
// returning the counts of a prefix of the file with ctx's error. On a
// read error it returns the counts of everything before it with the
// error.
func (o Options) CountFileContext(ctx context.Context, path string) (Counts, error) {
	part, err := o.config().CountPath(ctx, path)
	return o.finish(part), err
}
