// Command kernels prints the names of the kernels this CPU runs, one per
// line, for scripts (.ci/run forces each in turn).
package main

import (
	"fmt"

	"github.com/simdwc/simdwc/simd"
)

func main() {
	for _, k := range simd.Available() {
		fmt.Println(k.Name)
	}
}
