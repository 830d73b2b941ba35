package bookings

// Interval is the half-open range [Start, End) in minutes since midnight.
type Interval struct{ Start, End int }

// Merge returns the busy periods of a room from its bookings. The rules are in the statement.
func Merge(bookings []Interval) ([]Interval, error) {
	return []Interval{}, nil // not implemented
}
