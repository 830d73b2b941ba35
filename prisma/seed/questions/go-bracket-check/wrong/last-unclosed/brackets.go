package brackets

var opener = map[byte]byte{')': '(', ']': '[', '}': '{'}

// Reports the innermost bracket still open at the end instead of the earliest one.
func FirstError(s string) int {
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
		return open[len(open)-1]
	}
	return -1
}
