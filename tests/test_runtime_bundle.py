"""One script per channel (scorm_export/assemble.py, runtime_files.py): what each channel ships, the order the
`// needs:` lines give, the refusals, byte-identical output, and stripping that keeps every token."""

from __future__ import annotations

import json
import random
import re
from importlib.resources import files

import pytest
from node_support import needs_node, run_node_json
from zhineng.quizzes.types import TYPES
from zhineng.scorm_export.assemble import assemble, assemble_parts, module_order, parse_module
from zhineng.scorm_export.runtime_files import (
    CHANNELS,
    EN_SCRIPT,
    LMS_SCRIPT,
    PAGES_SCRIPT,
    SCRIPT,
    STYLESHEET,
    channel_roots,
    load_runtime,
)
from zhineng.scorm_export.strip import strip_css, strip_js

from zhineng.errors import ZhinengError

RUNTIME = files("zhineng.scorm_export").joinpath("runtime")
# The xAPI modules a cmi5 launch runs, and those of the learner's answers, which its pages' script holds.
XAPI_LAUNCH = {"xapi-launch.js", "xapi-statements.js", "xapi-outbox.js", "xapi-sender.js", "xapi-adapter.js"}
XAPI_ANSWERS = {"xapi-interactions.js", "xapi-answers.js"}


def shipped(channel: str, script_name: str = SCRIPT) -> list[str]:
    """The modules in one of a channel's scripts, in order, from the `// <file>` line before each."""
    script = load_runtime(channel).shared[script_name].decode()
    return re.findall(r"^// ([a-z0-9-]+\.js)$", script, re.M)


def sources(**needs: str) -> dict[str, str]:
    """Modules named a_js=..., with the given `// needs:` lists (`|` adds an optional list)."""
    out = {}
    for key, spec in needs.items():
        required, _, optional = spec.partition("|")
        lines = f"// needs: {required}\n" + (f"// optional: {optional}\n" if optional else "")
        out[key.replace("_", ".")] = f"/* {key} */\n{lines}(function (Z) {{\n  Z.{key} = 1;\n}})(Zhineng);\n"
    return out


def test_the_scorm_scripts_ship_no_xapi_code_and_the_cmi5_scripts_all_of_it() -> None:
    scorm, cmi5 = shipped("scorm"), shipped("cmi5")
    xapi = {entry.name for entry in RUNTIME.iterdir() if entry.name.startswith("xapi-")}
    assert xapi == XAPI_LAUNCH | XAPI_ANSWERS  # each xAPI module is placed below
    assert not xapi & {
        n for part in load_runtime("scorm").shared if part != STYLESHEET for n in shipped("scorm", part)
    }
    assert set(cmi5) >= XAPI_LAUNCH and set(scorm) - {"adapter.js", "standalone.js"} <= set(cmi5)
    # The answers' statements wait for the pages' script, which every page that takes an answer has loaded.
    assert not XAPI_ANSWERS & set(cmi5) and set(shipped("cmi5", PAGES_SCRIPT)) >= XAPI_ANSWERS
    assert scorm[-1] == cmi5[-1] == "player.js"  # it boots: everything it reads is defined before it
    for channel in CHANNELS:
        shared = load_runtime(channel).shared
        lms = [LMS_SCRIPT] if channel == "cmi5" else []  # a cmi5 launch runs no SCORM adapter
        assert sorted(shared) == sorted([SCRIPT, PAGES_SCRIPT, EN_SCRIPT, STYLESHEET, *lms])
        assert shared[SCRIPT].endswith(b"})(window.Zhineng = {});\n")
        assert shared[PAGES_SCRIPT].endswith(
            b"})(window.Zhineng);\n"
        )  # adds to the launch script's namespace


def test_the_launch_script_leaves_the_pages_modules_to_the_pages_script_and_names_where_they_are() -> None:
    for channel in CHANNELS:
        launch, pages = shipped(channel), shipped(channel, PAGES_SCRIPT)
        assert not set(launch) & set(pages)
        assert {"grader.js", "widgets.js", "task-page.js", "formula.js", "progress.js"} <= set(pages)
        table = re.search(r"^Zhineng\.PARTS=(\{.*\});$", load_runtime(channel).shared[SCRIPT].decode(), re.M)
        assert table is not None
        player = parse_module("player.js", runtime_source("player.js"))
        later = [name for name in load_runtime(channel).shared if name.endswith(".js") and name != SCRIPT]
        where = {n: part for part in later for n in shipped(channel, part) if n in player.later}
        assert set(where) | set(launch) >= set(player.later)
        assert json.loads(table.group(1)) == where
        assert shipped(channel, EN_SCRIPT) == ["i18n-en.js"]  # a zh-TW launch carries no English strings
        if channel == "cmi5":
            assert shipped(channel, LMS_SCRIPT) == ["adapter.js", "standalone.js"]
        else:
            assert {"adapter.js", "standalone.js"} <= set(launch)


def test_every_module_comes_after_what_it_needs() -> None:
    for channel in CHANNELS:
        order = shipped(channel)
        runtime = load_runtime(channel)
        assert runtime is load_runtime(channel)  # assembled once per process
        modules = {n: parse_module(n, runtime_source(n)) for n in order}
        for position, name in enumerate(order):
            assert set(modules[name].needs) <= set(order[:position]), name
        assert len(order) == len(set(order))


def runtime_source(name: str) -> str:
    return RUNTIME.joinpath(name).read_text(encoding="utf-8")


@needs_node
def test_node_loads_the_modules_in_the_order_the_scripts_hold_them() -> None:
    """tests/js/runtime.js walks the `// needs:` lines itself: it must give each channel's order."""
    roots = {c: list(channel_roots(c)) for c in CHANNELS}
    assert run_node_json("runtime.js", roots) == {c: shipped(c) for c in CHANNELS}


def test_order_follows_the_declarations_and_optional_modules_only_when_shipped() -> None:
    src = sources(a_js="", b_js="a.js", c_js="b.js a.js|d.js", d_js="a.js", e_js="")
    modules = {n: parse_module(n, t) for n, t in src.items()}
    assert module_order(modules, ["c.js"]) == ["a.js", "b.js", "c.js"]  # d.js is optional and not shipped
    assert module_order(modules, ["d.js", "c.js"]) == ["a.js", "d.js", "b.js", "c.js"]
    assert module_order(modules, ["c.js", "d.js"]) == [
        "a.js",
        "b.js",
        "d.js",
        "c.js",
    ]  # d before c, c needs it
    assert module_order(modules, ["e.js", "b.js"]) == ["e.js", "a.js", "b.js"]


def test_same_files_give_the_same_bytes_whatever_order_they_are_read_in() -> None:
    src = sources(a_js="", b_js="a.js", c_js="b.js a.js|d.js", d_js="a.js")
    first = assemble("test", src, ["d.js", "c.js"])
    items = list(src.items())
    random.Random(4).shuffle(items)
    assert assemble("test", dict(items), ["d.js", "c.js"]) == first
    assert first.decode().splitlines()[:4] == [
        "/* zhineng runtime, test channel: assembled from scorm_export/runtime/ (a.js, d.js, b.js, c.js). */",
        "(function (Zhineng) {",
        "// a.js",
        "(function(Z){Z.a_js=1;})(Zhineng);",
    ]


@pytest.mark.parametrize(
    ("src", "roots", "message"),
    [
        (
            {"a.js": "(function (Z) {})(Zhineng);\n"},
            ["a.js"],
            "scorm_export/runtime/a.js:1: no '// needs:' line (list the modules it reads, or leave it empty)",
        ),
        (
            {"a.js": "/* x */\n// needs:\n// needs: b.js\n"},
            ["a.js"],
            "scorm_export/runtime/a.js:3: a second '// needs:' line; declare them once",
        ),
        (
            {"a.js": "// needs: state\n"},
            ["a.js"],
            "scorm_export/runtime/a.js:1: 'state' is not a module file name (like state.js)",
        ),
        (
            sources(a_js="b.js"),
            ["a.js"],
            "scorm_export/runtime/a.js needs 'b.js', which is not in scorm_export/runtime/",
        ),
        (sources(a_js=""), ["z.js"], "the test channel needs 'z.js', which is not in scorm_export/runtime/"),
        (
            sources(a_js="c.js", b_js="a.js", c_js="b.js"),
            ["a.js"],
            "scorm_export/runtime: the modules need each other in a circle: a.js -> c.js -> b.js -> a.js",
        ),
        (
            sources(a_js="|x.js"),
            ["a.js"],
            "scorm_export/runtime/a.js may use 'x.js', which is not in scorm_export/runtime/",
        ),
    ],
)
def test_a_wrong_declaration_is_refused_with_its_place(
    src: dict[str, str], roots: list[str], message: str
) -> None:
    with pytest.raises(ZhinengError) as caught:
        assemble("test", src, roots)
    assert str(caught.value) == message


def later_sources() -> dict[str, str]:
    src = sources(a_js="", b_js="a.js", c_js="a.js", d_js="")
    src["m.js"] = "// needs: a.js\n// later: b.js\n(function (Z) {\n  Z.m = 1;\n})(Zhineng);\n"
    return src


def test_a_later_part_holds_what_its_roots_bring_in_besides_the_launch_script() -> None:
    scripts = assemble_parts(
        "test", later_sources(), [("l.js", ["m.js"]), ("p.js", ["b.js"]), ("q.js", ["d.js"])]
    )
    assert scripts["l.js"].decode().splitlines()[1:4] == [
        "(function (Zhineng) {",
        'Zhineng.PARTS={"b.js":"p.js"};',  # only what a `// later:` line names
        "// a.js",
    ]
    assert scripts["p.js"].decode().splitlines()[1:3] == [
        "(function (Zhineng) {",
        "// b.js",
    ]  # a.js is at launch
    assert scripts["p.js"].endswith(b"})(window.Zhineng);\n")


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (
            [("l.js", ["m.js"]), ("p.js", ["c.js"])],
            "scorm_export/runtime/m.js reads 'b.js' later, but the test channel ships it in no part",
        ),
        (
            [("l.js", ["m.js"]), ("p.js", ["b.js", "d.js"]), ("q.js", ["d.js"])],
            "the test channel would ship scorm_export/runtime/d.js in p.js and in q.js: bring it in at launch, "
            "or in one of them",
        ),
    ],
)
def test_a_later_module_in_no_part_or_in_two_is_refused(
    parts: list[tuple[str, list[str]]], message: str
) -> None:
    with pytest.raises(ZhinengError) as caught:
        assemble_parts("test", later_sources(), parts)
    assert str(caught.value) == message


def test_an_unknown_channel_is_refused() -> None:
    with pytest.raises(ZhinengError, match=r"^unknown runtime channel 'aicc' \(known: scorm, cmi5\)$"):
        load_runtime("aicc")


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("var a = 1;\nvar b = `x`;\n", "m.js:2: a template literal: the runtime's scripts use plain strings"),
        ('var a = "x\\\n y";\n', "m.js:1: a string continued over a line break: join it with +"),
        ('var a = "x;\n', "m.js:1: a string that does not end on its line"),
        ("var a = 1;\nvar r = /x;\n", "m.js:2: a regular expression that does not end on its line"),
        ("var a = 1; /* x\n", "m.js:1: a comment that never ends"),
        ("var a = 1;\nvar b = 2;\x00\n", "m.js:2: a NUL character"),
    ],
)
def test_stripping_refuses_what_it_cannot_read_safely(source: str, message: str) -> None:
    with pytest.raises(ZhinengError) as caught:
        strip_js("m.js", source)
    assert str(caught.value) == message


def test_stripping_drops_comments_indentation_blank_lines_and_spaces_between_signs_only() -> None:
    source = (
        "/* head\n * more */\n// needs:\n(function (Z) {\n  var u = 'http://x/*y*/';  // trailing\n\n"
        "  var r = /[/]\\/+/g, d = a / b / c;\n  return /* inline */ typeof /x/;\n})(Zhineng);\n"
    )
    assert strip_js("m.js", source) == (
        "(function(Z){var u='http://x/*y*/';var r= /[/]\\/+/g,d=a / b / c;return typeof /x/;})(Zhineng);"
    )
    # Lines join after ; { , and before } ) ] only: every other line break may end a statement.
    assert strip_js("m.js", "var a = b\n(c);\nx = 1\n++y\nf(a,\nb\n);\nreturn\nz;\n") == (
        "var a=b\n(c);x=1\n++y\nf(a,b);return\nz;"
    )
    # Spaces that keep two signs apart, a number from its dot, or a word from a word stay.
    assert strip_js("m.js", "a = b + +c - -d, e = f + ++g;\nx = 1 .toFixed(2) ? .5 : y;\n") == (
        "a=b+ +c- -d,e=f+ ++g;x=1 .toFixed(2)? .5:y;"
    )
    assert strip_css(
        "m.css", '/* c */\na { content: "/* kept */"; }\n\n  b > c :hover, d {width: calc(1px + 2%)}\n'
    ) == ('a{content:"/* kept */";}b>c :hover,d{width:calc(1px + 2%)}')


@needs_node
def test_stripping_keeps_every_token_of_every_module_and_both_scripts_parse() -> None:
    names = sorted(e.name for e in RUNTIME.iterdir() if e.name.endswith(".js"))
    items: list[dict[str, str | None]] = [
        {"name": n, "source": runtime_source(n), "stripped": strip_js(n, runtime_source(n))} for n in names
    ]
    items += [
        {"name": f"{c} script", "source": None, "stripped": load_runtime(c).shared[SCRIPT].decode()}
        for c in CHANNELS
    ]
    assert run_node_json("tokens.js", items) == {}


@needs_node
def test_the_token_check_sees_a_changed_token() -> None:
    items = [{"name": "m.js", "source": "a = b / c;\n", "stripped": "a = b / d;\n"}]
    assert run_node_json("tokens.js", items) == {"m.js": 'token 4: "Identifier c" became "Identifier d"'}


def test_every_question_type_ships_its_runtime_module_and_no_other_qtype_module_exists() -> None:
    """tests/js/runtime.js runs the qtype-*.js files as the types' modules: they must be exactly the registered ones."""
    files = sorted(e.name for e in RUNTIME.iterdir() if e.name.startswith("qtype-"))
    assert sorted(unit.runtime for unit in TYPES.values()) == files
    for channel in CHANNELS:
        assert set(files) <= set(shipped(channel, PAGES_SCRIPT))


def test_a_kept_stripped_module_is_the_stripped_text() -> None:
    """strip_js keeps each module's result for the next channel: the same as stripping it again."""
    for name in sorted(p.name for p in RUNTIME.iterdir() if p.name.endswith(".js")):
        source = runtime_source(name)
        assert strip_js(name, source) is strip_js(name, source)
        assert strip_js(name, source) == strip_js.__wrapped__(name, source)
