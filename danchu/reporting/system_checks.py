"""Start-up check: every key an indicator reads from a register's statistics is one the register
declares (its `stats.py` KEYS), so a renamed or dropped figure fails `danchu check` (and every
start) naming the key, rather than a report build."""

from django.core import checks


@checks.register()
def indicator_keys_check(app_configs=None, **kwargs):
    from .indicators.compute import registers
    from .indicators.definitions import INDICATORS, LISTS

    found = []
    reads = [(i.code, i.source, i.key) for i in INDICATORS if not i.is_derived]
    reads += [(f"list {name}", source, key) for name, (source, key) in LISTS.items()]
    plugged = registers()
    for module in plugged.values():
        for attr in ("RECORDS", "KEYS"):
            if not hasattr(module, attr):
                found.append(
                    checks.Error(
                        f"{module.__name__} declares STATISTICS but not {attr}.",
                        hint="A register's stats.py declares STATISTICS, RECORDS and KEYS together.",
                        id="danchu.E102",
                    )
                )
    for code, source, key in reads:
        module = plugged.get(source)
        if module is None or not hasattr(module, "KEYS"):
            continue  # a register not installed yields no figure (origin "missing"), by design
        head = key.split(".")[0]
        if head not in module.KEYS:
            found.append(
                checks.Error(
                    f"Indicator {code} reads the key “{head}” from the {source} statistics, "
                    f"which {module.__name__}.KEYS does not declare.",
                    hint="Rename the indicator's key or add the figure to the register's statistics and KEYS.",
                    obj=code,
                    id="danchu.E101",
                )
            )
    return found
