package bookings

import (
	"reflect"
	"strings"
	"testing"
)

func mustMerge(t *testing.T, in []Interval) []Interval {
	t.Helper()
	got, err := Merge(in)
	if err != nil {
		t.Fatalf("Merge(%v) returned error %v", in, err)
	}
	return got
}

func TestMergeCases(t *testing.T) {
	cases := []struct {
		name string
		in   []Interval
		want []Interval
	}{
		{"gap stays", []Interval{{9, 10}, {11, 12}}, []Interval{{9, 10}, {11, 12}}},
		{"contained", []Interval{{8, 12}, {9, 10}}, []Interval{{8, 12}}},
		{"contained, shorter first", []Interval{{9, 10}, {8, 12}}, []Interval{{8, 12}}},
		{"chain", []Interval{{3, 5}, {1, 3}, {5, 7}}, []Interval{{1, 7}}},
		{"same start", []Interval{{4, 6}, {4, 9}, {4, 5}}, []Interval{{4, 9}}},
		{"empty inside a gap", []Interval{{1, 2}, {2, 2}, {3, 4}}, []Interval{{1, 2}, {3, 4}}},
		{"empty joining nothing", []Interval{{5, 5}}, []Interval{}},
		{"negative minutes", []Interval{{-30, -10}, {-10, 0}}, []Interval{{-30, 0}}},
		{"reverse order", []Interval{{20, 21}, {10, 11}, {0, 1}}, []Interval{{0, 1}, {10, 11}, {20, 21}}},
	}
	for _, c := range cases {
		c := c
		t.Run(c.name, func(t *testing.T) {
			if got := mustMerge(t, c.in); !reflect.DeepEqual(got, c.want) {
				t.Errorf("Merge(%v) = %v, want %v", c.in, got, c.want)
			}
		})
	}
}

func TestNoBookingsGiveAnEmptySlice(t *testing.T) {
	for _, in := range [][]Interval{nil, {}} {
		got := mustMerge(t, in)
		if got == nil || len(got) != 0 {
			t.Errorf("Merge(%v) = %#v, want an empty non-nil slice", in, got)
		}
	}
}

func TestBrokenBookingAnywhere(t *testing.T) {
	got, err := Merge([]Interval{{1, 2}, {3, 4}, {8, 7}, {5, 6}})
	if err == nil || got != nil {
		t.Fatalf("got %v, %v; want nil and an error", got, err)
	}
	if !strings.Contains(err.Error(), "8") || !strings.Contains(err.Error(), "7") {
		t.Errorf("error %q should name the booking [8, 7)", err)
	}
}

func TestCallerSliceUntouched(t *testing.T) {
	in := []Interval{{5, 6}, {1, 2}, {2, 3}}
	before := append([]Interval(nil), in...)
	mustMerge(t, in)
	if !reflect.DeepEqual(in, before) {
		t.Errorf("Merge changed its input: %v, was %v", in, before)
	}
}

func TestManyBookings(t *testing.T) {
	var in []Interval
	for i := 100000; i > 0; i-- {
		in = append(in, Interval{2 * i, 2*i + 1})
	}
	got := mustMerge(t, in)
	if len(got) != 100000 {
		t.Fatalf("100000 separate bookings: got %d periods", len(got))
	}
	if got[0] != (Interval{2, 3}) || got[len(got)-1] != (Interval{200000, 200001}) {
		t.Errorf("100000 separate bookings: first %v, last %v", got[0], got[len(got)-1])
	}
}
