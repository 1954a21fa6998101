package parallel_test

import (
	"testing"

	"go.uber.org/goleak"
)

// Every path — slices, files, streams, errors, cancellation — must have
// finished its goroutines when it returns.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
