"""Funcdesk Python launcher.

The executor starts it blank (python3 -u launcher.py), sends the action's code once (init) and then
one request per activation (run) on stdin; the protocol is docs/runtime-protocol.md.
Cold starts matter, so modules needed only for zips and errors are imported when first needed.
"""
import os
import sys

# The json package imports re and enum, which nearly doubles the interpreter's startup time. Its C
# accelerator _json holds the scanner and encoder that json.loads/json.dumps use, and is all we need.
import _json

# The outcome channel arrives as fd 3. os.dup() makes a non-inheritable copy; closing 3 means
# processes the action starts (os.system, fork+exec) never hold it and cannot forge outcomes.
try:
    OUTCOME_FD = os.dup(3)
    os.close(3)
except OSError:
    OUTCOME_FD = 3
# The module name OpenWhisk's Python runtime gives action code: `if __name__ == "__main__"` stays false.
MODULE_NAME = "main__"
LAUNCHER_FILE = __file__

action_source = None  # (filename, source) of plain code, to show its lines in tracebacks
temp_dir = None  # where a zip action was extracted; removed at exit


class InitFailure(Exception):
    """An init failure whose text is the whole reason (no exception name, no traceback)."""


class _DecoderSettings:
    """What json.JSONDecoder hands the C scanner, with json.loads' defaults."""
    strict = True
    object_hook = object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = float  # "NaN", "Infinity", "-Infinity", read as json.loads reads them


_scan = _json.make_scanner(_DecoderSettings())


def parse_json(line):
    """json.loads for one request line."""
    text = line.decode().lstrip()
    try:
        value, end = _scan(text, 0)
    except StopIteration as stop:
        raise ValueError(f"the request is not valid JSON (at character {stop.value})") from None
    if end != len(text) and not text[end:].isspace():
        raise ValueError(f"extra data after the JSON request (at character {end})")
    return value


def _not_serialisable(value):
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def to_json(value):
    """json.dumps(value, separators=(",", ":"), allow_nan=False): compact, ASCII, valid JSON."""
    # A new encoder each time, as json.dumps does: a failed encoding can leave entries in `markers`.
    encode = _json.make_encoder({}, _not_serialisable, _json.encode_basestring_ascii, None,
                                ":", ",", False, False, False)
    return "".join(encode(value, 0))


def developer_error(text):
    return '{"status":"action developer error","result":{"error":' + to_json(text) + "}}"


NOT_A_DICT = developer_error("The action did not return a dictionary.")


def init_error(reason):
    return to_json({"ok": False, "error": "Initialization has failed due to: " + reason})


def describe(error):
    """'ValueError: text' for an exception; never raises, even when its __str__ does."""
    try:
        # str() of a SyntaxError names only the file's base name; the action's full name is clearer.
        if isinstance(error, SyntaxError) and error.lineno:
            return f"SyntaxError: {error.msg} ({error.filename}, line {error.lineno})"
        text = str(error)
    except Exception:
        text = "<exception str() failed>"
    name = type(error).__name__
    return f"{name}: {text}" if text else name


def user_traceback(error):
    """The traceback as Python prints it, without the launcher's own frames."""
    import linecache
    import traceback
    if action_source is not None:  # plain code has no file: give linecache its lines
        filename, source = action_source
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename == LAUNCHER_FILE:
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(error), error, tb))


# --- output -----------------------------------------------------------------------------------

def write_all(fd, data):
    view = memoryview(data)
    while view:
        try:
            view = view[os.write(fd, view):]
        except BlockingIOError:
            # Someone (a Node.js child, say) made the shared pipe non-blocking: wait until writable.
            import select
            select.select([], [fd], [])
        except OSError:
            return  # fd closed or reader gone: nothing useful left to do


def flush_output():
    # User code may have replaced sys.stdout/sys.stderr with anything, so try all and ignore failures.
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            stream.flush()
        except Exception:
            pass


def finish(outcome, log=None):
    """Ends an init or run: user output first, then the outcome line on fd 3 (the executor takes
    everything in the stdout/stderr pipes up to that line as this activation's output)."""
    flush_output()
    if log:
        write_all(2, log.encode(errors="replace"))
    write_all(OUTCOME_FD, outcome.encode() + b"\n")


def exit_now(code):
    """Exits at once: threads left running by user code must not keep a discarded launcher alive."""
    flush_output()
    if temp_dir is not None:
        import shutil
        shutil.rmtree(temp_dir, ignore_errors=True)
    os._exit(code)


# --- init -------------------------------------------------------------------------------------

def initialise(request):
    """Loads the action's code in a fresh module; returns its entry function or raises."""
    global action_source
    spec = request.get("init") if isinstance(request, dict) else None
    if not isinstance(spec, dict) or not isinstance(spec.get("code"), str):
        raise InitFailure("the first request must be an init with the action code")
    for key, value in (spec.get("env") or {}).items():
        os.environ[key] = value if isinstance(value, str) else to_json(value)
    name = spec.get("main") or "main"
    if not isinstance(name, str) or not name.isidentifier():
        raise InitFailure(f"main must be a function name, not {to_json(name)}")
    module = type(sys)(MODULE_NAME)  # types.ModuleType, without importing types
    sys.modules[MODULE_NAME] = module  # dataclasses, pickle and the like look modules up there
    if spec.get("binary"):
        filename = unzip(spec["code"])
        with open(filename, "rb") as file:  # bytes: compile() honours a coding declaration
            source = file.read()
        module.__file__ = filename
    else:
        filename, source = str(spec.get("name") or "action"), spec["code"]
        action_source = (filename, source)
        module.__file__ = os.path.join(os.getcwd(), "__main__.py")
    # Compiled under the action's name, so tracebacks show the user's lines.
    exec(compile(source, filename, "exec"), module.__dict__)
    entry = module.__dict__.get(name)
    if not callable(entry):
        raise InitFailure(f"{name} is not a function")
    return entry


def unzip(code):
    """Extracts a base64 zip into a temporary directory and puts it on sys.path; returns __main__.py.

    A virtualenv/ directory in the zip (OpenWhisk's way to ship packages) is put on sys.path too.
    """
    global temp_dir
    import base64
    import glob
    import io
    import tempfile
    import zipfile
    temp_dir = tempfile.mkdtemp(prefix="funcdesk-action-")
    with zipfile.ZipFile(io.BytesIO(base64.b64decode(code))) as archive:
        archive.extractall(temp_dir)  # extractall refuses paths that leave temp_dir
    entry = os.path.join(temp_dir, "__main__.py")
    if not os.path.isfile(entry):
        raise InitFailure("the zip file does not contain __main__.py")
    site_packages = os.path.join(temp_dir, "virtualenv", "lib", "python3*", "site-packages")
    sys.path[:0] = [temp_dir, *glob.glob(site_packages)]
    return entry


# --- run --------------------------------------------------------------------------------------

# os.environ[...] = v calls setenv(), and glibc keeps every value ever set for the life of the
# process: per-activation ids and deadlines would grow a warm process by ~100 bytes a call, without
# bound. The per-activation variables go into os.environ's own mapping instead (what os.environ and
# os.getenv read); processes the action starts inherit the C environment, which has the values
# that init set (namespace, action name, version) but not the per-activation ones.
_environ_data = getattr(os.environ, "_data", None)


def export(name, value):
    if _environ_data is None:
        os.environ[name] = value
    else:
        _environ_data[os.fsencode(name)] = os.fsencode(value)


def run(entry, request):
    """Calls the action once; returns (outcome line, text for stderr or None)."""
    for key, value in request.items():
        if key != "value" and isinstance(value, str):
            export("__OW_" + key.upper(), value)
    try:
        result = entry(request.get("value", {}))
    except Exception as error:
        return developer_error("An error has occurred: " + describe(error)), user_traceback(error)
    if isinstance(result, dict):
        status = "application error" if "error" in result else "success"
    elif isinstance(result, (list, tuple)):
        status = "success"
    else:
        return NOT_A_DICT, None
    try:
        text = to_json(result)
    except Exception as error:  # cycles, NaN, objects json cannot encode, too deep
        return developer_error("The action did not produce a valid JSON response: " + str(error)), None
    return '{"status":"' + status + '","result":' + text + "}", None


# --- request loop -----------------------------------------------------------------------------

def serve():
    stdin = sys.stdin.buffer  # captured before user code can replace sys.stdin
    entry = None
    for line in stdin:
        if line.isspace():
            continue
        if entry is None:
            try:
                entry = initialise(parse_json(line))
            except InitFailure as failure:
                finish(init_error(str(failure)))
                exit_now(1)
            except Exception as error:
                finish(init_error(describe(error)), user_traceback(error))
                exit_now(1)
            finish('{"ok":true}')
            continue
        try:
            request = parse_json(line)
            if "init" in request:
                outcome = init_error("the action is already initialized"), None
            else:
                outcome = run(entry, request)
        except Exception as error:  # the launcher's own failure, e.g. a malformed request line
            outcome = developer_error("The launcher could not handle the request: " + describe(error)), None
        finish(*outcome)
    exit_now(0)


# Guarded so that a multiprocessing "spawn" child, which imports this file again, does not serve.
if __name__ == "__main__":
    serve()
