package brackets

import "testing"

func TestMatchedBrackets(t *testing.T) {
	for _, s := range []string{"f(a[1], {b})", "", "no brackets"} {
		if got := FirstError(s); got != -1 {
			t.Errorf("FirstError(%q) = %d, want -1", s, got)
		}
	}
}

func TestWrongKindOfCloser(t *testing.T) {
	if got := FirstError("(]"); got != 1 {
		t.Errorf(`FirstError("(]") = %d, want 1`, got)
	}
}

func TestCloserWithNothingOpen(t *testing.T) {
	if got := FirstError("a)"); got != 1 {
		t.Errorf(`FirstError("a)") = %d, want 1`, got)
	}
}

func TestStillOpenAtTheEnd(t *testing.T) {
	if got := FirstError("{[()"); got != 0 {
		t.Errorf(`FirstError("{[()") = %d, want 0`, got)
	}
}
