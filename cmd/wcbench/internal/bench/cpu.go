package bench

import (
	"runtime"
	"strings"

	"github.com/klauspost/cpuid/v2"
)

// CPU is what the report says about the processor.
type CPU struct {
	Brand    string `json:"brand"`
	Vendor   string `json:"vendor"`
	Family   int    `json:"family"`
	Model    int    `json:"model"`
	Stepping int    `json:"stepping"`
	// Hypervisor is set when cpuid says we run in a VM (whose cache sizes
	// are whatever the hypervisor chose to report).
	Hypervisor    string `json:"hypervisor,omitempty"`
	PhysicalCores int    `json:"physical_cores"`
	LogicalCores  int    `json:"logical_cores"`
	// Features are the SIMD features simdwc's kernels care about on this
	// architecture, each with whether the CPU (and OS) offer it.
	Features []Feature `json:"features"`
	// Caches as cpuid reported them (0: unknown) and as used for the
	// buffer sizes (unknown ones replaced by the defaults).
	Caches        Caches `json:"caches"`
	CachesUsed    Caches `json:"caches_used"`
	CacheLine     int    `json:"cache_line"`
	CachesGuessed bool   `json:"caches_guessed"`
}

// Feature is one CPU feature and whether it is present.
type Feature struct {
	Name    string `json:"name"`
	Present bool   `json:"present"`
}

// Has reports whether the named feature is listed as present.
func (c CPU) Has(name string) bool {
	for _, f := range c.Features {
		if f.Name == name {
			return f.Present
		}
	}
	return false
}

// FeatureLine lists the features, present ones plain and missing ones
// with a leading '-'.
func (c CPU) FeatureLine() string {
	var parts []string
	for _, f := range c.Features {
		if f.Present {
			parts = append(parts, f.Name)
		} else {
			parts = append(parts, "-"+f.Name)
		}
	}
	return strings.Join(parts, " ")
}

// featuresByArch names what matters to the kernels: the AVX-512 subsets
// are the ones a byte-classifying kernel can use (BW for byte compares,
// VBMI for byte permutes as table lookups, VPOPCNTDQ/BITALG for counting).
var featuresByArch = map[string][]cpuid.FeatureID{
	"amd64": {cpuid.POPCNT, cpuid.BMI2, cpuid.AVX2, cpuid.AVX512F, cpuid.AVX512BW, cpuid.AVX512VL,
		cpuid.AVX512VBMI, cpuid.AVX512VPOPCNTDQ, cpuid.AVX512BITALG},
	"386":   {cpuid.POPCNT, cpuid.AVX2},
	"arm64": {cpuid.ASIMD, cpuid.SVE, cpuid.SVE2},
}

// DetectCPU reads the CPU through cpuid.
func DetectCPU() CPU {
	info := cpuid.CPU
	c := CPU{
		Brand:         strings.TrimSpace(info.BrandName),
		Vendor:        info.VendorString,
		Family:        info.Family,
		Model:         info.Model,
		Stepping:      info.Stepping,
		PhysicalCores: info.PhysicalCores,
		LogicalCores:  info.LogicalCores,
		CacheLine:     info.CacheLine,
		Caches: Caches{
			L1D: max(info.Cache.L1D, 0),
			L2:  max(info.Cache.L2, 0),
			L3:  max(info.Cache.L3, 0),
		},
	}
	if c.Brand == "" {
		c.Brand = "unknown " + runtime.GOARCH + " CPU"
	}
	if info.HypervisorVendorID != cpuid.VendorUnknown || info.HypervisorVendorString != "" {
		c.Hypervisor = info.HypervisorVendorID.String()
		if info.HypervisorVendorID == cpuid.VendorUnknown {
			c.Hypervisor = strings.TrimSpace(info.HypervisorVendorString)
		}
	}
	for _, id := range featuresByArch[runtime.GOARCH] {
		c.Features = append(c.Features, Feature{Name: id.String(), Present: info.Supports(id)})
	}
	c.CachesUsed = c.Caches.withDefaults()
	c.CachesGuessed = c.Caches.L1D <= 0 || c.Caches.L2 <= 0 || c.Caches.L3 <= 0
	return c
}
