"""Evaluating integer formulas. The grammar and semantics are in the statement."""
from typing import Iterator, NamedTuple


class ParseError(ValueError):
    """The expression is not valid; `position` is where reading it went wrong."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} at position {position}")
        self.position = position


class UndefinedVariableError(LookupError):
    """The expression uses a variable that has no value."""

    def __init__(self, name: str) -> None:
        super().__init__(f"undefined variable {name!r}")
        self.name = name


class Token(NamedTuple):
    kind: str  # "int", "name", "op", "(", ")", "end"
    text: str
    position: int


WHITESPACE = " \t\n\r"
DIGITS = "0123456789"
NAME_START = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_"
NAME_CHARS = NAME_START + DIGITS
# (precedence, right-associative) of binary operators; unary + and - sit at 3.
BINARY = {"+": (1, False), "-": (1, False), "*": (2, False), "/": (2, False), "%": (2, False), "**": (4, False)}  # Wrong: ** groups left to right
UNARY_PRECEDENCE = 3
MAX_EXPONENT = 10_000


def _tokens(text: str) -> Iterator[Token]:
    # Lazy, so a syntax error before an invalid character is reported first.
    i, n = 0, len(text)
    while True:
        while i < n and text[i] in WHITESPACE:
            i += 1
        if i == n:
            yield Token("end", "", n)
            return
        start, ch = i, text[i]
        if ch in DIGITS:
            while i < n and text[i] in DIGITS:
                i += 1
            yield Token("int", text[start:i], start)
        elif ch in NAME_START:
            while i < n and text[i] in NAME_CHARS:
                i += 1
            yield Token("name", text[start:i], start)
        elif text.startswith("**", i):
            i += 2
            yield Token("op", "**", start)
        elif ch in "+-*/%":
            i += 1
            yield Token("op", ch, start)
        elif ch in "()":
            i += 1
            yield Token(ch, ch, start)
        else:
            raise ParseError(f"invalid character {ch!r}", start)


def _to_postfix(expression: str) -> list[Token]:
    """Shunting-yard with an operand/operator state: iterative, so nesting depth is free."""
    output: list[Token] = []
    stack: list[Token] = []  # operators and "(", unary ones as kind "unary"
    expect_operand = True
    for token in _tokens(expression):
        if expect_operand:
            if token.kind in ("int", "name"):
                output.append(token)
                expect_operand = False
            elif token.kind == "(":
                stack.append(token)
            elif token.kind == "op" and token.text in "+-":
                stack.append(Token("unary", token.text, token.position))
            else:
                raise ParseError("expected a number, a variable or '('", token.position)
        elif token.kind == "op":
            precedence, right = BINARY[token.text]
            while stack and stack[-1].kind != "(":
                top = _precedence(stack[-1])
                if top > precedence or (top == precedence and not right):
                    output.append(stack.pop())
                else:
                    break
            stack.append(token)
            expect_operand = True
        elif token.kind == ")":
            while stack and stack[-1].kind != "(":
                output.append(stack.pop())
            if not stack:
                raise ParseError("')' without a matching '('", token.position)
            stack.pop()
        elif token.kind == "end":
            while stack:
                if stack[-1].kind == "(":
                    raise ParseError("missing ')'", token.position)
                output.append(stack.pop())
            return output
        else:
            raise ParseError("expected an operator or ')'", token.position)
    raise ParseError("expected an operand", len(expression))


def _precedence(token: Token) -> int:
    return UNARY_PRECEDENCE if token.kind == "unary" else BINARY[token.text][0]


def _truncating_div(a: int, b: int) -> int:
    if b == 0:
        raise ZeroDivisionError("division by zero")
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def _apply(op: str, a: int, b: int) -> int:
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "/":
        return _truncating_div(a, b)
    if op == "%":
        return a - b * _truncating_div(a, b)
    if not 0 <= b <= MAX_EXPONENT:
        raise ValueError(f"exponent {b} is outside 0..{MAX_EXPONENT}")
    return a**b


def evaluate(expression: str, variables: dict[str, int] | None = None) -> int:
    """The integer value of `expression`, with `variables` substituted."""
    values = variables or {}
    stack: list[int] = []
    for token in _to_postfix(expression):
        if token.kind == "int":
            stack.append(int(token.text))
        elif token.kind == "name":
            if token.text not in values:
                raise UndefinedVariableError(token.text)
            stack.append(values[token.text])
        elif token.kind == "unary":
            if token.text == "-":
                stack[-1] = -stack[-1]
        else:
            b = stack.pop()
            stack[-1] = _apply(token.text, stack[-1], b)
    return stack[0]
