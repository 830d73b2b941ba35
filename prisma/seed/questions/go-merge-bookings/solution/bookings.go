package bookings

import (
	"fmt"
	"sort"
)

// Interval is the half-open range [Start, End) in minutes since midnight.
type Interval struct{ Start, End int }

// Merge returns the busy periods of a room from its bookings. The rules are in the statement.
func Merge(bookings []Interval) ([]Interval, error) {
	// A copy without the empty bookings: the caller's slice stays as it was.
	sorted := make([]Interval, 0, len(bookings))
	for _, b := range bookings {
		if b.Start > b.End {
			return nil, fmt.Errorf("booking [%d, %d) ends before it starts", b.Start, b.End)
		}
		if b.Start < b.End {
			sorted = append(sorted, b)
		}
	}
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })

	merged := []Interval{}
	for _, b := range sorted {
		// Sorted by start, so b can only overlap or touch the last busy period.
		if n := len(merged); n > 0 && b.Start <= merged[n-1].End {
			if b.End > merged[n-1].End {
				merged[n-1].End = b.End
			}
			continue
		}
		merged = append(merged, b)
	}
	return merged, nil
}
