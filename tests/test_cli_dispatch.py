"""`briefing` imports only what the command line needs: the named subcommand, none to launch the app.

Help and error messages still come from the full parser, and a subcommand's help is the same whether
the parser holds one subcommand or all of them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli.main import COMMANDS, SUBCOMMANDS, build_parser, main, needed_modules
from store.library import Library

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], ()),
        (["--library", "lib"], ()),
        (["--library=lib"], ()),
        (["--version"], ()),
        (["list"], ("list_cmd",)),
        (["--library", "lib", "show", "abc", "--json"], ("show_cmd",)),
        (["--library=lib", "export", "--format", "md"], ("export_cmd",)),
        (["analyze", "--help"], ("analyze_cmd",)),
        (["--help"], SUBCOMMANDS),
        (["-h"], SUBCOMMANDS),
        (["bogus"], SUBCOMMANDS),
        (["--lib", "x", "list"], SUBCOMMANDS),  # an abbreviated option: argparse decides, with every command
        (["--library"], SUBCOMMANDS),  # a missing value is an error, reported by the full parser
        (["--library", "--help"], SUBCOMMANDS),
        (["--library", " ", "list"], SUBCOMMANDS),
    ],
)
def test_needed_modules(argv: list[str], expected: tuple[str, ...]) -> None:
    assert needed_modules(argv) == expected


def test_every_command_maps_to_its_module() -> None:
    assert set(COMMANDS.values()) == set(SUBCOMMANDS)
    for name, module in COMMANDS.items():
        parser = build_parser((module,))
        assert parser.parse_args(_minimal_args(name)).command == name


def _minimal_args(name: str) -> list[str]:
    required = {
        "import": ["p"],
        "show": ["id"],
        "analyze": ["f"],
        "export": ["--format", "md"],
        "delete": ["id"],
        "restore": ["id"],
        "entity": ["name"],
    }
    return [name, *required.get(name, [])]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_subcommand_help_is_the_same_with_one_or_all_commands(
    name: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    texts = []
    for modules in (needed_modules([name]), SUBCOMMANDS):
        with pytest.raises(SystemExit) as exit_info:
            build_parser(modules).parse_args([name, "--help"])
        assert exit_info.value.code == 0
        texts.append(capsys.readouterr().out)
    assert texts[0] == texts[1]
    assert "examples:" in texts[0]


def test_top_level_help_and_unknown_commands_list_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert all(name in out for name in COMMANDS)
    with pytest.raises(SystemExit) as exit_info:
        main(["bogus"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'bogus'" in err and all(repr(name) in err for name in COMMANDS)


def _loaded_after(code: str) -> dict[str, object]:
    """Run `code` in a fresh interpreter; it prints a JSON object, returned here."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


_REPORT = (
    "import json\n"
    "commands = sorted(m for m in sys.modules if m.startswith('cli.') and m.endswith('_cmd'))\n"
    "heavy = sorted(m for m in ('extract', 'rich', 'textual', 'yaml') if m in sys.modules)\n"
    "print(json.dumps({'commands': commands, 'heavy': heavy, 'status': status}))"
)


def test_launching_the_app_imports_no_subcommand(tmp_path: Path) -> None:
    code = (
        "import sys\nimport cli.launch as launch\nlaunch.launch = lambda args: 0\n"
        f"import cli.main\nstatus = cli.main.main(['--library', {str(tmp_path)!r}])\n{_REPORT}"
    )
    assert _loaded_after(code) == {"commands": [], "heavy": [], "status": 0}


def test_list_imports_neither_the_analysis_engine_nor_rich(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    Library.open(folder, import_samples=False).close()
    code = f"import sys\nimport cli.main\nstatus = cli.main.main(['--library', {str(folder)!r}, 'list'])\n"
    code += _REPORT
    assert _loaded_after(code) == {"commands": ["cli.list_cmd"], "heavy": [], "status": 0}


@pytest.mark.parametrize(
    "argv", [["--version"], ["list", "--version"], ["export", "--version"], ["feeds", "add", "--version"]]
)
def test_version_works_before_and_after_a_command(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from cli import __version__

    with pytest.raises(SystemExit) as ended:
        main(argv)
    assert ended.value.code == 0 and capsys.readouterr().out == f"briefing {__version__}\n"


@pytest.mark.parametrize(
    "argv",
    [
        ["timeline", "--entity", ""],
        ["timeline", "--article", ""],
        ["timeline", "--tag", " "],
        ["timeline", "--source", ""],
        ["timeline", "--entity=", "--json"],
        ["export", "--format", "md", "--entity", ""],
        ["export", "--format", "json", "--article", "abc", ""],
        ["export", "--format", "md", "--tag", "\t"],
        ["series", "--entity", ""],
    ],
)
def test_an_empty_filter_value_is_a_usage_error(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `--entity "$UNSET"` must not quietly mean "no filter" (the whole timeline), as `entity ''` is no name
    with pytest.raises(SystemExit) as exit_:
        main(["--library", str(tmp_path / "library"), *argv])
    assert exit_.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "empty value (leave the option out not to filter)" in captured.err
    assert not (tmp_path / "library").exists()  # refused before the library is opened
