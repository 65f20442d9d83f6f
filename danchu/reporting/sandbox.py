"""The Jinja environment that renders report templates, including ones an administrator uploads.

An uploaded DOCX is code: its tags run inside the server. So it runs in Jinja's immutable
sandbox (no `__globals__`, no `os`, no private attributes, no mutating lists or dicts), and every
render has a budget: a wall-clock deadline (`REPORT_RENDER_SECONDS`, default 20 s), a cap on the
size of any string or list it builds (`REPORT_RENDER_MAX_CHARS`, default 20 million characters)
and on the numbers it may pass to a function or filter (so `'x'|center(10**9)` or `range` nests
cannot take the machine). Whatever breaks a rule raises `RenderLimit` (a `SecurityError`), which
`rendering.render_template` turns into a Vietnamese message; an upload that tries is refused.
"""

import re
import time
from functools import wraps

from django.conf import settings
from jinja2 import StrictUndefined
from jinja2.compiler import CodeGenerator
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

MAX_ARG = 100_000  # the largest number a tag may pass to a function, filter or operator
RANGE_CHECK_EVERY = 1000
WIDE_FORMAT = re.compile(r"%[^a-zA-Z%]*\d{6,}")


class RenderLimit(SecurityError):
    """A template went over its time or size budget, or tried something the sandbox forbids."""


def _size(value):
    if isinstance(value, (str, bytes, list, tuple, dict, set)):
        return len(value)
    return 0


class _BoundedCodeGenerator(CodeGenerator):
    def visit_Concat(self, node, frame):
        # `a ~ b` builds a string without any call the sandbox sees: check what it built.
        self.write("environment.check_size(")
        super().visit_Concat(node, frame)
        self.write(")")


class ReportEnvironment(ImmutableSandboxedEnvironment):
    code_generator_class = _BoundedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "%", "+", "//"})

    def __init__(self, *, seconds=None, max_chars=None):
        super().__init__(autoescape=True, undefined=StrictUndefined)
        self.seconds = seconds or float(getattr(settings, "REPORT_RENDER_SECONDS", 20))
        self.max_chars = max_chars or int(getattr(settings, "REPORT_RENDER_MAX_CHARS", 20_000_000))
        self.deadline = None
        self.produced = 0
        for name in ("lipsum", "cycler", "joiner"):
            self.globals.pop(name, None)
        self.globals["range"] = self._range
        self.filters = {name: self._bounded(f) for name, f in self.filters.items()}
        self.concat = self._concat

    # ------------------------------------------------------------ budget

    def start(self):
        self.deadline = time.monotonic() + self.seconds
        self.produced = 0

    def tick(self):
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise RenderLimit(f"render took longer than {self.seconds:g} s")

    def check_size(self, value):
        if _size(value) > self.max_chars:
            raise RenderLimit(f"a value grew beyond {self.max_chars} characters")
        self.tick()
        return value

    def _check_args(self, args, kwargs):
        for arg in (*args, *kwargs.values()):
            if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > MAX_ARG:
                raise RenderLimit(f"number {arg} is too large for a report template")
            if _size(arg) > self.max_chars:
                raise RenderLimit("argument too large")

    def _bounded(self, func):
        @wraps(func)
        def wrapper(*args, **kwargs):
            self._check_args(args[1:] if args else args, kwargs)
            if args and isinstance(args[0], str) and WIDE_FORMAT.search(args[0]):
                raise RenderLimit("format width too large")
            return self.check_size(func(*args, **kwargs))

        return wrapper

    def _range(self, *args):
        self._check_args(args, {})
        for i, value in enumerate(range(*args)):
            if i % RANGE_CHECK_EVERY == 0:
                self.tick()
            yield value

    def _concat(self, chunks):
        parts = []
        for chunk in chunks:
            self.produced += len(chunk)
            if self.produced > self.max_chars:
                raise RenderLimit(f"output grew beyond {self.max_chars} characters")
            self.tick()
            parts.append(chunk)
        return "".join(parts)

    # ------------------------------------------------------------ sandbox hooks

    def call_binop(self, context, operator, left, right):
        if operator == "%" and isinstance(left, str) and WIDE_FORMAT.search(left):
            raise RenderLimit("format width too large")
        if operator in ("*", "**"):
            self._check_args((left, right), {})
            if operator == "*" and (_size(left) or _size(right)):
                count = right if _size(left) else left
                if isinstance(count, int) and (_size(left) or _size(right)) * count > self.max_chars:
                    raise RenderLimit("repetition too large")
        result = super().call_binop(context, operator, left, right)
        return self.check_size(result)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's signature)
        __self._check_args(args, kwargs)
        return __self.check_size(super().call(__context, __obj, *args, **kwargs))

    def getattr(self, obj, attribute):
        if isinstance(obj, str) and attribute in ("format", "format_map"):
            raise RenderLimit("str.format is not allowed in report templates")
        return self.check_size(super().getattr(obj, attribute))

    def getitem(self, obj, argument):
        return self.check_size(super().getitem(obj, argument))
