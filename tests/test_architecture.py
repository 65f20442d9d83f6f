"""The import rules of docs/architecture.md ("Imports between apps"), read from the source with
`ast` (nothing is imported): `core` names no other danchu app, and the apps' module-level imports
form no cycle. Tests (`tests/` folders) are left out: a test may use any app."""

import ast
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent / "danchu"

# The one known exception to both rules. The register layer and pages in core (registers/,
# actions.py, listcache.py, the context processor and page shell (its organisation switcher), the home page, the login throttle; the demo and
# gen-data commands set up organisations) check access (orgs.access) and write the audit trail
# (audit.trail), while orgs and audit use core's helpers (fields, imports, xlsx, vnformat): core,
# orgs and audit import each other. Taking the register layer out of core is a
# change of its own; until then these core modules, and only these, may import audit and orgs.
CORE_MAY_IMPORT = {
    "audit": {
        "danchu.core.actions",
        "danchu.core.auth",
        "danchu.core.listcache",
        "danchu.core.registers.records",
    },
    "orgs": {
        "danchu.core.actions",
        "danchu.core.context_processors",
        "danchu.core.gendata",
        "danchu.core.listcache",
        "danchu.core.management.commands.demo",
        "danchu.core.registers.declaration",
        "danchu.core.registers.forms",
        "danchu.core.registers.importing",
        "danchu.core.registers.records",
        "danchu.core.registers.views",
        "danchu.core.templatetags.shell",
        "danchu.core.views",
    },
}


def module_name(path):
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path):
    """(imported module, line, module level?) of every import statement in a file; an import
    inside a function (or lambda) is not at module level."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []

    def visit(node, top):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                visit(child, False)
                continue
            if isinstance(child, ast.Import):
                found.extend((alias.name, child.lineno, top) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")[: len(package.split(".")) - child.level + 1]
                    target = ".".join(base + ([child.module] if child.module else []))
                else:
                    target = child.module
                if target.count(".") < 1:  # from danchu import core: each name is an app
                    found.extend((f"{target}.{alias.name}", child.lineno, top) for alias in child.names)
                else:
                    found.append((target, child.lineno, top))
            visit(child, top)

    visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)), True)
    return found


def app_of(module):
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "danchu" else None


def modules():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT).parts
        if len(relative) < 2 or "tests" in relative:
            continue  # settings, urls, wsgi… (the project, not an app) and tests
        yield path


@pytest.fixture(scope="module")
def graph():
    """[(importing module, its app, imported app, line, module level?)] between different apps."""
    rows = []
    for path in modules():
        name = module_name(path)
        app = app_of(name)
        for target, line, top in imports_of(path):
            other = app_of(target)
            if other and other != app and (ROOT / other).is_dir():
                rows.append((name, app, other, line, top))
    return rows


def test_the_source_is_read(graph):
    apps = {row[1] for row in graph}
    assert {"core", "petitions", "oversight", "activities", "reporting"} <= apps


def test_core_names_no_other_app(graph):
    """core finds the apps' modules through `core.plugins.app_modules` (importlib, by name); it
    imports no app, at module or function level, but for the known exception."""
    wrong = [
        f"{module}:{line} imports danchu.{other}"
        for module, app, other, line, _top in graph
        if app == "core" and module not in CORE_MAY_IMPORT.get(other, ())
    ]
    assert not wrong, "core imports another app (docs/architecture.md):\n" + "\n".join(wrong)


def test_the_known_exception_is_still_needed(graph):
    """A core module that no longer imports audit or orgs leaves the list, so it cannot grow back."""
    used = {(module, other) for module, app, other, _line, _top in graph if app == "core"}
    stale = [
        f"{module} -> {other}"
        for other, names in CORE_MAY_IMPORT.items()
        for module in names
        if (module, other) not in used
    ]
    assert not stale, "remove from CORE_MAY_IMPORT:\n" + "\n".join(stale)


def cycles(edges):
    """The strongly connected components of more than one app (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def strong(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(edges.get(node, ())):
            if other not in index:
                strong(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            strong(node)
    return found


def test_cycles_are_found():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_between_apps(graph):
    """Module-level imports between apps form no cycle. An import inside a function runs when the
    function is called, after every module is loaded: it is how a lower app reaches a higher one
    (audit showing a report's label), and it is not counted. The known exception's arrows from
    core are left out."""
    edges, where = {}, {}
    for module, app, other, line, top in graph:
        if not top or (app == "core" and other in CORE_MAY_IMPORT):
            continue
        edges.setdefault(app, set()).add(other)
        where.setdefault((app, other), f"{module}:{line}")
    found = cycles(edges)
    detail = [
        " -> ".join(component)
        + ": "
        + "; ".join(f"{a}->{b} at {where[(a, b)]}" for a in component for b in component if (a, b) in where)
        for component in found
    ]
    assert not found, "import cycle between apps:\n" + "\n".join(detail)


def module_edges():
    """{module: modules it imports at module level}, between danchu's own modules (tests left
    out). `from . import views` is an arrow to the submodule `views`, not to its package."""
    names = {module_name(path): path for path in modules()}
    for path in sorted(ROOT.glob("*.py")):
        names[module_name(path)] = path
    edges = {}
    for name, path in names.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:  # module level only
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module
                for alias in node.names:
                    sub = f"{target}.{alias.name}"
                    targets.add(sub if sub in names else target)
        edges[name] = {t for t in targets if t in names and t != name}
    return edges


def test_no_import_cycle_between_modules():
    """No module of danchu imports, at module level, a module that imports it back, directly or
    through others (the legal models ↔ calendar ↔ deadlines circle was one). A package's
    `__init__` that re-exports its submodules is an arrow from the package to them; a submodule
    importing its own package's `__init__` would close a circle and is refused too."""
    edges = module_edges()
    assert len(edges) > 250  # the whole source was read
    found = cycles(edges)
    assert not found, "import cycle between modules:\n" + "\n".join(" -> ".join(c) for c in found)
