package bookings

import (
	"reflect"
	"testing"
)

func check(t *testing.T, in, want []Interval) {
	t.Helper()
	got, err := Merge(in)
	if err != nil {
		t.Fatalf("Merge(%v) returned error %v", in, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Merge(%v) = %v, want %v", in, got, want)
	}
}

func TestTouchingBookingsMerge(t *testing.T) {
	check(t, []Interval{{9, 10}, {10, 11}}, []Interval{{9, 11}})
}

func TestUnsortedOverlaps(t *testing.T) {
	check(t, []Interval{{13, 15}, {9, 10}, {14, 16}}, []Interval{{9, 10}, {13, 16}})
}

func TestEmptyBookingsAreDropped(t *testing.T) {
	check(t, []Interval{{9, 9}, {5, 6}}, []Interval{{5, 6}})
}

func TestBrokenBookingIsAnError(t *testing.T) {
	got, err := Merge([]Interval{{10, 9}})
	if err == nil || got != nil {
		t.Errorf("Merge([{10 9}]) = %v, %v; want nil and an error", got, err)
	}
}
