package bookings

import "fmt"

// Interval is the half-open range [Start, End) in minutes since midnight.
type Interval struct{ Start, End int }

// Merge returns the busy periods of a room from its bookings. The rules are in the statement.
func Merge(bookings []Interval) ([]Interval, error) {
	// Keeps the busy periods sorted and disjoint, and places each booking by scanning them:
	// right on every case, but O(n²) on a day of many separate bookings.
	merged := []Interval{}
	for _, b := range bookings {
		if b.Start > b.End {
			return nil, fmt.Errorf("booking [%d, %d) ends before it starts", b.Start, b.End)
		}
		if b.Start == b.End {
			continue
		}
		i := 0
		for i < len(merged) && merged[i].End < b.Start {
			i++
		}
		j := i
		for j < len(merged) && merged[j].Start <= b.End {
			if merged[j].Start < b.Start {
				b.Start = merged[j].Start
			}
			if merged[j].End > b.End {
				b.End = merged[j].End
			}
			j++
		}
		rest := append([]Interval{b}, merged[j:]...)
		merged = append(merged[:i], rest...)
	}
	return merged, nil
}
