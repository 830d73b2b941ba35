package brackets

import (
	"strings"
	"testing"
)

func TestEveryKindAndPosition(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want int
	}{
		{"nested all kinds", "{[()()]}[]", -1},
		{"paren closes bracket", "[)", 1},
		{"brace closes paren", "(}", 1},
		{"bracket closes brace", "{]", 1},
		{"late mismatch", "([]{}(]", 6},
		{"closer first", "}()", 0},
		{"extra closer after matched", "()]", 2},
		{"only text", "a, b; c", -1},
		{"single opener", "x(", 1},
	}
	for _, c := range cases {
		c := c
		t.Run(c.name, func(t *testing.T) {
			if got := FirstError(c.in); got != c.want {
				t.Errorf("FirstError(%q) = %d, want %d", c.in, got, c.want)
			}
		})
	}
}

func TestEarliestUnclosedWins(t *testing.T) {
	cases := []struct {
		in   string
		want int
	}{
		{"a(b[c{", 1},
		{"()(x[", 2},
		{"{}{}[(", 4},
	}
	for _, c := range cases {
		if got := FirstError(c.in); got != c.want {
			t.Errorf("FirstError(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestMismatchBeforeUnclosed(t *testing.T) {
	// A breaking closer is reported even when brackets stay open after it.
	if got := FirstError("((]"); got != 2 {
		t.Errorf(`FirstError("((]") = %d, want 2`, got)
	}
}

func TestDeepNestingInLinearTime(t *testing.T) {
	deep := strings.Repeat("([{", 100000) + strings.Repeat("}])", 100000)
	if got := FirstError(deep); got != -1 {
		t.Errorf("deep nesting: got %d, want -1", got)
	}
	if got := FirstError(deep + ")"); got != len(deep) {
		t.Errorf("deep nesting plus a closer: got %d, want %d", got, len(deep))
	}
}
