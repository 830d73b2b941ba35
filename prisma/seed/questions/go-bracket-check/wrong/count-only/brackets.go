package brackets

// Counts open brackets without remembering their kind: "(]" passes as matched.
func FirstError(s string) int {
	var open []int
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[', '{':
			open = append(open, i)
		case ')', ']', '}':
			if len(open) == 0 {
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
