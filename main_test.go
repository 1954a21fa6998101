package simdwc_test

import (
	"testing"

	"go.uber.org/goleak"
)

// No count — slice, file or stream, failed or cancelled — may leave a
// goroutine behind.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
