"""Run every ACORN check and close on one line: ``N passed, N failed, N skipped``.

Stages, each counted into the closing line:
1. lint: ruff (check and format), pylint-odoo and OCA's module and PO checks, one
   check each;
2. pure tests: pytest over the format packages (no database);
3. Odoo tests: a template database without demo data is built once, cloned per
   scenario (``createdb -T``), and ``--test-tags`` selects our two addons on the
   clone; every outcome is read from a JSON-lines report, skips
   included, and each addon must run at least its minimum number of tests;
4. scripts that need real connections outside Odoo's test cursor, and every
   benchmark at smoke size (figures printed, exit code checked);
5. module operations: on a database that holds demo sales, stock and accounting
   data, install both addons (with their demo data), run the demo smoke test,
   upgrade, uninstall and check nothing is left behind.

Any failure, any skipped browser test, or too few tests exits non-zero. Run it
through tests/run, which prepares the machine first.
"""

import json
import os
import shutil
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from runner_common import (
    CONF,
    ENV,
    PYTHON,
    REPO,
    Tally,
    build_db,
    clone_db,
    drop_db,
    drop_stale_databases,
    log,
    odoo_cmd,
    run,
    wait_build,
)

ADDONS = ("acorn_amazon_vendor", "acorn_pos_bridge")
# A --test-tags typo selects nothing and Odoo exits 0: demand at least this many.
MIN_ODOO_TESTS = {"acorn_amazon_vendor": 220, "acorn_pos_bridge": 78}
MIN_PURE_TESTS = 100
DEPENDENCIES = (
    "sale_management,sale_stock,stock_delivery,stock_picking_batch,"
    "product_expiry,account,point_of_sale"
)
PURE_TEST_DIRS = (
    "tests/pure",
    "acorn_amazon_vendor/x12/tests",
    "acorn_pos_bridge/formats/tests",
)
SCRIPT_TESTS = sorted((REPO / "tests" / "scripts").glob("test_*.py"))
BENCHMARKS = sorted((REPO / "bench").glob("bench_*.py"))


# 1. Lint -----------------------------------------------------------------------


def check_javascript(tally, work):
    """One syntax error in a tour breaks the whole test bundle: check each file."""
    scripts = sorted(REPO.glob("acorn_*/static/**/*.js"))
    bad = []
    for script in scripts:
        module = work / "js" / (script.stem + ".mjs")
        module.parent.mkdir(exist_ok=True)
        shutil.copyfile(script, module)
        code = run(["node", "--check", str(module)], work / "js" / f"{script.stem}.log")
        if code:
            bad.append(str(script.relative_to(REPO)))
            print((work / "js" / f"{script.stem}.log").read_text(encoding="utf-8"))
    tally.add(f"lint: JavaScript syntax of {len(scripts)} files", not bad)


def run_lint(tally, work):
    check_javascript(tally, work)
    venv_bin = Path(PYTHON).parent
    run(
        [str(venv_bin / "ruff"), "check", "."],
        work / "ruff-check.log",
        check_name="lint: ruff check",
        tally=tally,
    )
    run(
        [str(venv_bin / "ruff"), "format", "--check", "."],
        work / "ruff-format.log",
        check_name="lint: ruff format",
        tally=tally,
    )
    run(
        [PYTHON, "setup/gen_readme.py", "--check"],
        work / "readme.log",
        check_name="lint: README.rst matches readme/ fragments",
        tally=tally,
    )
    run(
        [str(venv_bin / "pylint"), "--rcfile=.pylintrc-mandatory", *ADDONS],
        work / "pylint.log",
        check_name="lint: pylint-odoo",
        tally=tally,
    )
    run(
        [str(venv_bin / "oca-checks-odoo-module"), *ADDONS],
        work / "oca-checks-odoo-module.log",
        check_name="lint: oca-checks-odoo-module (manifests, XML, CSV)",
        tally=tally,
    )
    templates = sorted(str(path) for path in REPO.glob("acorn_*/i18n/*.po*"))
    run(
        [str(venv_bin / "oca-checks-po"), *templates],
        work / "oca-checks-po.log",
        check_name=f"lint: oca-checks-po ({len(templates)} translation files)",
        tally=tally,
    )


# 2. Pure tests -----------------------------------------------------------------


def run_pure(tally, work):
    dirs = [d for d in PURE_TEST_DIRS if (REPO / d).is_dir()]
    if not dirs:
        tally.fail("pure tests: no test folder found")
        return
    junit = work / "pure.xml"
    env = dict(ENV, PYTHONPATH=ENV["ODOO_PATH"])
    env.setdefault("ACORN_FUZZ_SECONDS", "60" if ENV.get("CI") else "5")
    code = run(
        [
            PYTHON,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            f"--junitxml={junit}",
            *dirs,
        ],
        env=env,
    )
    if not junit.exists():
        tally.fail(f"pure tests: pytest exited {code} without a report")
        return
    total = failed = skipped = 0
    for suite in ET.parse(junit).getroot().iter("testsuite"):
        total += int(suite.get("tests", 0))
        failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skipped += int(suite.get("skipped", 0))
    tally.passed += total - failed - skipped
    tally.failed += failed
    tally.skipped += skipped
    if failed:
        tally.failures.append(f"pure tests: {failed} failed")
    if code not in (0, 1) or total < MIN_PURE_TESTS:
        tally.fail(f"pure tests: pytest exited {code} after {total} tests")
    log(f"pure tests: {total} run, {failed} failed, {skipped} skipped")


# 3. Odoo tests -----------------------------------------------------------------


def run_odoo_tests(db, tags, work, name):
    """Run Odoo's tests on db with the given tags; return the report's records."""
    report = work / f"{name}.jsonl"
    report.unlink(missing_ok=True)
    env = dict(ENV, ACORN_TEST_REPORT=str(report))
    code = run(
        [
            PYTHON,
            str(REPO / "tests" / "odoo_test_wrapper.py"),
            *odoo_cmd(db, f"--test-tags={tags}", "--log-level=test")[2:],
        ],
        work / f"{name}.log",
        env=env,
    )
    records = []
    if report.exists():
        records = [json.loads(line) for line in report.read_text().splitlines()]
    return code, records


def tally_odoo(tally, records, code, label, log_path, minimums):
    outcomes = {}
    for record in records:
        if record["outcome"] == "start":
            outcomes.setdefault(record["id"], ("pass", record))
        elif record["outcome"] != "pass":
            outcomes[record["id"]] = (record["outcome"], record)
    per_addon = dict.fromkeys(minimums, 0)
    for test_id, (outcome, record) in outcomes.items():
        addon = test_id.split(".")[2] if test_id.startswith("odoo.addons.") else "?"
        per_addon[addon] = per_addon.get(addon, 0) + 1
        if outcome == "skip":
            tally.add(test_id, True, skipped=True)
            if record["browser"]:
                tally.fail(f"browser test skipped: {test_id}: {record['detail']}")
        else:
            tally.add(test_id, outcome == "pass")
            if outcome != "pass":
                log(f"{outcome.upper()}: {test_id}\n{record['detail']}")
    for addon, minimum in minimums.items():
        if per_addon.get(addon, 0) < minimum:
            tally.fail(
                f"{label}: {addon} ran {per_addon.get(addon, 0)} tests, "
                f"fewer than {minimum}"
            )
    if code != 0 and not tally.failed:
        tally.fail(f"{label}: odoo-bin exited {code} (see {log_path})")
    log(
        f"{label}: {len(outcomes)} tests "
        + ", ".join(f"{a}={n}" for a, n in sorted(per_addon.items()))
    )


# 4. Scripts --------------------------------------------------------------------


def run_scripts(tally, template, work):
    """Each script gets its own clone of the template in ACORN_TEST_DB."""
    for script in SCRIPT_TESTS:
        run_on_clone(tally, template, work, [str(script)], f"script: {script.stem}")


def run_benchmarks(tally, template, work):
    """Benchmarks at smoke size: they must run and print their figures."""
    for script in BENCHMARKS:
        name = f"benchmark (smoke): {script.stem}"
        log_path = run_on_clone(tally, template, work, [str(script), "--smoke"], name)
        print(log_path.read_text(encoding="utf-8")[-3000:], flush=True)


def run_on_clone(tally, template, work, args, name):
    db = f"{template}_{Path(args[0]).stem}"
    clone_db(template, db)
    env = dict(ENV, ACORN_TEST_DB=db, PYTHONPATH=ENV["ODOO_PATH"])
    log_path = work / f"{Path(args[0]).stem}.log"
    run([PYTHON, *args], log_path, env=env, check_name=name, tally=tally)
    drop_db(db)
    return log_path


# 5. Module operations ----------------------------------------------------------


def run_module_op(tally, db, step, work, label, expect_data=False):
    state_dir = work / db
    state_dir.mkdir(exist_ok=True)
    log_path = work / f"module-{db}-{step}.log"
    script = REPO / "tests" / "module_ops.py"
    cmd = [PYTHON, str(script), "-c", CONF, "-d", db, "--state-dir", str(state_dir)]
    cmd += ["--label", label, step] + (["--expect-data"] if expect_data else [])
    code = run(cmd, log_path)
    checks = 0
    for line in log_path.read_text(encoding="utf-8").splitlines():
        if line.startswith("CHECK "):
            checks += 1
            tally.add(line[6:], line.endswith(" ok"))
            if not line.endswith(" ok"):
                log(line)
    if code != 0 or not checks:
        tally.fail(f"{label} {step}: exited {code} after {checks} checks")
        print(log_path.read_text(encoding="utf-8")[-4000:])


def run_module_operations_fresh(tally, template, work):
    """Upgrade, uninstall and reinstall on a fresh database (no demo data)."""
    db = f"{template}_ops"
    clone_db(template, db)
    for step in ("upgrade", "uninstall", "install"):
        run_module_op(tally, db, step, work, "fresh database:")
    drop_db(db)


def run_module_operations_data(tally, data_db, work):
    """Install, smoke-test, upgrade, uninstall, reinstall on a database with data."""
    label = "database with data:"
    run_module_op(tally, data_db, "install", work, label, expect_data=True)
    code, records = run_odoo_tests(data_db, "acorn_demo", work, "demo-smoke")
    tally_odoo(
        tally,
        records,
        code,
        "demo smoke test",
        work / "demo-smoke.log",
        {"acorn_amazon_vendor": 1},
    )
    for step in ("upgrade", "uninstall", "install"):
        run_module_op(tally, data_db, step, work, label)


# Main --------------------------------------------------------------------------


def main():
    os.chdir(REPO)
    work = Path(tempfile.mkdtemp(prefix="acorn-tests-"))
    tally = Tally()
    suffix = f"{os.getpid()}"
    template, data_db, test_db = (
        f"acorn_tmpl_{suffix}",
        f"acorn_data_{suffix}",
        f"acorn_test_{suffix}",
    )
    log(f"logs in {work}")
    drop_stale_databases()
    try:
        # Both databases build at once: they are the slowest step.
        tmpl_proc = build_db(template, ",".join(ADDONS), False, work / "template.log")
        data_proc = build_db(data_db, DEPENDENCIES, True, work / "data-db.log")
        run_lint(tally, work)
        run_pure(tally, work)
        if wait_build(tmpl_proc) != 0:
            tally.fail("template database: install failed")
            print((work / "template.log").read_text()[-6000:])
        else:
            clone_db(template, test_db)
            code, records = run_odoo_tests(
                test_db, ",".join(f"/{a}" for a in ADDONS), work, "odoo-tests"
            )
            tally_odoo(
                tally,
                records,
                code,
                "odoo tests",
                work / "odoo-tests.log",
                MIN_ODOO_TESTS,
            )
            run_scripts(tally, template, work)
            run_benchmarks(tally, template, work)
            run_module_operations_fresh(tally, template, work)
        if wait_build(data_proc) != 0:
            tally.fail("data database: install of the dependencies failed")
            print((work / "data-db.log").read_text()[-6000:])
        else:
            run_module_operations_data(tally, data_db, work)
    finally:
        for db in (template, data_db, test_db):
            drop_db(db)
        if not tally.failures and not ENV.get("ACORN_KEEP_LOGS"):
            shutil.rmtree(work, ignore_errors=True)
    for name in tally.failures:
        log(f"failed: {name}")
    print(
        f"{tally.passed} passed, {tally.failed} failed, {tally.skipped} skipped",
        flush=True,
    )
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main())
