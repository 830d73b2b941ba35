package brackets

// The opening bracket each closing one must match.
var opener = map[byte]byte{')': '(', ']': '[', '}': '{'}

// FirstError returns the byte index of the first bracket that breaks the nesting, or -1.
// The rules are in the statement.
func FirstError(s string) int {
	// Indexes of the brackets still open, innermost last.
	var open []int
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '(', '[', '{':
			open = append(open, i)
		case ')', ']', '}':
			if len(open) == 0 || s[open[len(open)-1]] != opener[c] {
				return i
			}
			open = open[:len(open)-1]
		}
	}
	if len(open) > 0 {
		return open[0]
	}
	return -1
}
