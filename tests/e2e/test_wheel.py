"""The package as users get it: a wheel built by the standard frontend, installed into a fresh
venv, used from a user's own pytest suite through the plugin's fixtures.

An editable install sees the whole checkout; only a wheel shows what is really shipped (a
missing subpackage, a data file left out, an entry point that names a module not in the wheel).
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: A user's test file: the plugin's fixtures against the fake, an unbind awaited as a task.
USER_TESTS = """
from qcloud_bmlb import Backend, TaskStatus


def test_unbind_and_wait(bmlb_client, bmlb_fake):
    result = bmlb_client.unbind_bm_l4_listener_rs(
        load_balancer_id="lb-abcdefgh",
        listener_id="lbl-abcdefgh",
        backends=[Backend(instance_id="cpm-abcdefgh", port=1234)],
    )
    done = bmlb_client.wait_for_task(result.request_id, timeout=30, interval=0.05)
    assert done.status is TaskStatus.SUCCEEDED
    left = {(b.instance_id, b.port) for b in bmlb_fake.backends("lb-abcdefgh", "lbl-abcdefgh")}
    assert ("cpm-abcdefgh", 1234) not in left and len(left) == 2
"""

#: A test that has nothing to do with the package: the plugin must not break it.
UNRELATED_TEST = """
def test_unrelated():
    assert 1 + 1 == 2
"""

#: A YAML seed needs PyYAML, which the ``testing`` extra brings.
YAML_SEED_TEST = """
from qcloud_bmlb.testing import load_seed


def test_yaml_seed(tmp_path):
    path = tmp_path / "seed.yaml"
    path.write_text("load_balancers:\\n  - id: lb-yaml0001\\n", encoding="utf-8")
    assert load_seed(path)["load_balancers"][0]["id"] == "lb-yaml0001"
"""


def run(*cmd: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PIP_", "VIRTUAL"))}
    env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run(
        [str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, f"{cmd} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # The sdist first, then the wheel from the unpacked sdist (the frontend's default): a
    # wheel built in the checkout may take stale files from an old build/ folder.
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--outdir", out, ROOT, cwd=ROOT)
    (found,) = out.glob("qcloud_bmlb-*.whl")
    return found


def test_the_wheel_holds_every_subpackage_of_the_package(wheel: Path) -> None:
    shipped = set(zipfile.ZipFile(wheel).namelist())
    source = ROOT / "generated"
    expected = {
        p.relative_to(source).as_posix()
        for p in (source / "qcloud_bmlb").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert expected and expected <= shipped, sorted(expected - shipped)


def test_a_user_suite_runs_on_the_installed_wheel(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    suite = tmp_path / "suite"
    suite.mkdir()
    (suite / "test_user.py").write_text(USER_TESTS, encoding="utf-8")
    (suite / "test_unrelated.py").write_text(UNRELATED_TEST, encoding="utf-8")

    # Without the extra: the plugin is registered and neither breaks an unrelated test nor
    # needs PyYAML for the fixtures.
    run(python, "-m", "pip", "install", "--quiet", wheel, "pytest", cwd=tmp_path)
    where = run(python, "-c", "import qcloud_bmlb; print(qcloud_bmlb.__file__)", cwd=suite)
    assert Path(where.stdout.strip()).is_relative_to(env_dir), where.stdout
    done = run(python, "-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=suite)
    assert "2 passed" in done.stdout, done.stdout

    # With the extra, YAML seeds load too.
    (suite / "test_yaml.py").write_text(YAML_SEED_TEST, encoding="utf-8")
    run(python, "-m", "pip", "install", "--quiet", f"{wheel}[testing]", cwd=tmp_path)
    done = run(python, "-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=suite)
    assert "3 passed" in done.stdout, done.stdout
