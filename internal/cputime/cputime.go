// Package cputime reads the CPU time a process has used, for benchmarks
// and figures on a shared machine, where wall time says little about what
// a piece of work costs. Where the system cannot tell, both read zero.
package cputime
