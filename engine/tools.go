//go:build tools

// Package tools pins the Pulumi CLI that Paved's real-engine tests run.
// It is never compiled into anything: `go build` of the imported main package
// (see build.sh) builds the pinned CLI from the Go module proxy. Requiring
// pkg/v3 from our own module is what makes that possible: the replace
// directives of pkg/go.mod apply only when pkg is the main module.
package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
