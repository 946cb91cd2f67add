#!/usr/bin/env python3
"""Checks recorded HTTP exchanges against the OpenWhisk swagger (Swagger 2.0).

Each line of the exchanges file is one JSON object:
    {"method": "GET", "path": "/api/v1/namespaces/_/actions/hello", "query": "code=false",
     "status": 200, "body": <parsed JSON or null>}

Every exchange is matched to its path template and method in the swagger, then to the response
declared for its status (falling back to `default`). The body is validated with a Draft 4
validator against that response's schema, `#/definitions/...` references resolved inside the
swagger. Every mismatch is reported with the request, the status, the schema location and the
offending value. The exit status is 1 on any mismatch, and also when the file holds fewer
exchanges or covers fewer operations than asked, so a broken recorder cannot pass silently.

Where the swagger is known to disagree with what a real OpenWhisk controller sends, a small
allow-list (DEVIATIONS below) adjusts the schema; each entry gives its reason and is reported
when it was used.

Needs Python 3 and jsonschema (Debian: python3-jsonschema, 4.10 in Debian 12).
"""

import argparse
import copy
import json
import re
import sys
import urllib.parse

try:
    import jsonschema
except ImportError:  # pragma: no cover - depends on the machine
    sys.stderr.write("check_contract: the Python module 'jsonschema' is missing "
                     "(Debian package python3-jsonschema; ./dev installs it)\n")
    sys.exit(2)

# --- Known swagger deviations ----------------------------------------------------------------
# The swagger (apache/openwhisk core/controller/src/main/resources/apiv1swagger.json) lags the
# controller's code in a few places. Each entry names what real OpenWhisk does and where the
# research notes (shared/reference/openwhisk-notes.md) say so. Keep this list short: anything
# not listed here is a mismatch.
DEVIATIONS = {
    "runtime-kinds":
        "ActionExec.kind's enum is one deployment's manifest (no python:3, has nodejs:16); a "
        "server accepts the kinds its own GET / runtimes manifest lists (notes §2.2.1). The "
        "kind is checked against the manifest the server sent, when one was recorded.",
    "status-code-3":
        "Activation/ActivationBrief statusCode enum stops at 2, but the controller records 3 "
        "for 'whisk internal error' (notes §2.6).",
    "list-count":
        "List endpoints accept count=true and answer {\"<collection>\": N} instead of a list; "
        "the swagger does not declare `count` (notes §1, list paging).",
    "undeclared-error-status":
        "The controller turns every rejection into the standard error JSON {error, code} "
        "(notes §1.1-1.3), but the swagger declares only some error statuses per operation "
        "(e.g. 400 for a list limit out of range, 413 on invoke). An undeclared status >= 400 "
        "is checked against ErrorMessage.",
    "package-binding-false":
        "A package that is not a binding carries \"binding\": false, not an object "
        "(notes §2.5); the swagger's PackageBinding is an object.",
    "package-listing-slash":
        "GET /namespaces/{ns}/actions/{pkg}/ (trailing slash) lists the actions of a package "
        "(notes §2.2); the swagger has no such path. Checked as getAllActions.",
}
# Not a deviation: the extended activation JSON drops response.statusCode and adds
# response.success (notes §2.6); the swagger's ActivationResult already has no statusCode.

LIST_COLLECTIONS = {
    "getAllActions": "actions",
    "getAllTriggers": "triggers",
    "getAllRules": "rules",
    "getAllPackages": "packages",
    "getActivations": "activations",
}


class Operation:
    def __init__(self, method, template, spec, base_path):
        self.method = method
        self.template = template
        self.spec = spec
        self.op_id = spec.get("operationId") or "%s %s" % (method, template)
        pattern = ""
        literal = 0
        for part in re.split(r"(\{[^}]+\})", template):
            if part.startswith("{"):
                pattern += "[^/]+"
            else:
                pattern += re.escape(part)
                literal += len(part)
        self.regex = re.compile("^" + re.escape(base_path) + pattern + "$")
        self.literal = literal  # more literal characters = more specific template


class Checker:
    def __init__(self, swagger):
        self.swagger = swagger
        self.base_path = swagger.get("basePath", "")
        self.definitions = self._tightened_definitions(swagger.get("definitions", {}))
        self.operations = []
        for template, item in swagger.get("paths", {}).items():
            for method, spec in item.items():
                if method.lower() in ("get", "put", "post", "delete", "patch", "head", "options"):
                    self.operations.append(Operation(method.upper(), template, spec, self.base_path))
        self.by_id = {op.op_id: op for op in self.operations}
        self.mismatches = []
        self.used_deviations = {}
        self.covered = set()
        self.skipped = []
        self.checked = 0
        self.runtime_kinds = None
        self.swagger_kinds = set(swagger.get("definitions", {}).get("ActionExec", {})
                                 .get("properties", {}).get("kind", {}).get("enum", []))

    # Swagger 2.0 tools read a definition with `properties` as an object; JSON Schema does not
    # (a null or a string would pass it). Say so explicitly, so a body that is not an object fails.
    def _tightened_definitions(self, definitions):
        result = copy.deepcopy(definitions)
        for schema in result.values():
            if "properties" in schema and "type" not in schema:
                schema["type"] = "object"
        # package-binding-false
        result["PackageBinding"] = {"anyOf": [dict(result.get("PackageBinding", {})),
                                              {"type": "boolean", "enum": [False]}]}
        # status-code-3
        for name in ("Activation", "ActivationBrief"):
            code = result.get(name, {}).get("properties", {}).get("statusCode")
            if code is not None and "enum" in code:
                code["enum"] = sorted(set(code["enum"]) | {3})
        return result

    def set_runtime_kinds(self, kinds):
        self.runtime_kinds = kinds

    def _definitions_for_run(self):
        definitions = self.definitions
        kind = definitions.get("ActionExec", {}).get("properties", {}).get("kind")
        if kind is not None:
            definitions = copy.deepcopy(definitions)
            kind = definitions["ActionExec"]["properties"]["kind"]
            kind.pop("enum", None)
            if self.runtime_kinds:
                kind["enum"] = sorted(self.runtime_kinds | {"sequence", "blackbox"})
            else:
                kind["pattern"] = r"^([a-z0-9]+:[A-Za-z0-9_.]+|sequence|blackbox)$"
        return definitions

    def prepare(self):
        self.run_definitions = self._definitions_for_run()
        # Where each subschema lives, to report a readable schema location.
        self.pointers = {}

        def walk(node, pointer):
            if isinstance(node, dict):
                self.pointers[id(node)] = pointer
                for key, value in node.items():
                    walk(value, pointer + "/" + str(key).replace("~", "~0").replace("/", "~1"))
            elif isinstance(node, list):
                for index, value in enumerate(node):
                    walk(value, "%s/%d" % (pointer, index))

        walk(self.run_definitions, "#/definitions")

    def match(self, method, path):
        candidates = [op for op in self.operations if op.regex.match(path)]
        if not candidates:
            return None, False
        with_method = [op for op in candidates if op.method == method]
        if not with_method:
            return None, True
        return max(with_method, key=lambda op: op.literal), True

    def resolve_response(self, response):
        seen = 0
        while isinstance(response, dict) and "$ref" in response and seen < 10:
            ref = response["$ref"]
            if not ref.startswith("#/responses/"):
                break
            response = self.swagger.get("responses", {}).get(ref[len("#/responses/"):], {})
            seen += 1
        return response or {}

    def report(self, where, message, schema_path="", value=None, has_value=False):
        entry = {"where": where, "message": message, "schema_path": schema_path}
        if has_value:
            entry["value"] = value
        self.mismatches.append(entry)

    def note_deviation(self, name):
        self.used_deviations[name] = self.used_deviations.get(name, 0) + 1

    def scan_deviations(self, node):
        """Counts the allow-list entries a body actually relied on."""
        if isinstance(node, dict):
            exec_ = node.get("exec")
            if isinstance(exec_, dict) and isinstance(exec_.get("kind"), str) \
                    and exec_["kind"] not in self.swagger_kinds:
                self.note_deviation("runtime-kinds")
            if node.get("statusCode") == 3 and "activationId" in node:
                self.note_deviation("status-code-3")
            if node.get("binding") is False:
                self.note_deviation("package-binding-false")
            for value in node.values():
                self.scan_deviations(value)
        elif isinstance(node, list):
            for value in node:
                self.scan_deviations(value)

    def validate(self, where, schema, body):
        self.scan_deviations(body)
        root = dict(schema)
        root["definitions"] = self.run_definitions
        validator = jsonschema.Draft4Validator(root)
        errors = sorted(validator.iter_errors(body), key=lambda e: list(e.absolute_path))
        for error in errors:
            pointer = self.pointers.get(id(error.schema))
            if pointer is None:
                pointer = "#/" + "/".join(str(p) for p in error.absolute_schema_path)
                schema_path = pointer
            else:
                schema_path = pointer + "/" + str(error.validator)
            instance_path = "$" + "".join(
                "[%d]" % p if isinstance(p, int) else "." + str(p) for p in error.absolute_path)
            self.report(where, "%s: %s" % (instance_path, error.message), schema_path,
                        error.instance, True)
        return not errors

    def check(self, exchange, line_no):
        method = str(exchange.get("method", "")).upper()
        raw_path = str(exchange.get("path", ""))
        path, _, path_query = raw_path.partition("?")
        query_text = exchange.get("query") or path_query or ""
        query = urllib.parse.parse_qs(query_text, keep_blank_values=True)
        status = exchange.get("status")
        body = exchange.get("body")
        where = "line %d: %s %s%s -> %s" % (line_no, method, path,
                                            "?" + query_text if query_text else "", status)
        if not method or not path or not isinstance(status, int):
            self.report(where, "exchange lacks method, path or an integer status")
            return

        if method in ("OPTIONS", "HEAD"):
            self.skipped.append(where)  # CORS preflight and HEAD: headers only (notes §1)
            return
        op, path_known = self.match(method, path)
        if op is None and method == "GET" and path.endswith("/"):
            # package-listing-slash: /namespaces/{ns}/actions/{pkg}/
            inner = path[:-1]
            if re.match("^" + re.escape(self.base_path) + r"/namespaces/[^/]+/actions/[^/]+$", inner):
                op = self.by_id.get("getAllActions")
                if op is not None:
                    self.note_deviation("package-listing-slash")
        if op is None:
            if path_known and status >= 400:
                # A method the path does not declare, refused: still the standard error JSON.
                self.checked += 1
                self.note_deviation("undeclared-error-status")
                self.validate(where, {"$ref": "#/definitions/ErrorMessage"}, body)
            elif path_known:
                self.report(where, "method %s is not declared for this path in the swagger" % method)
            else:
                self.skipped.append(where)
            return

        self.covered.add(op.op_id)
        self.checked += 1
        responses = op.spec.get("responses", {})
        declared = responses.get(str(status), responses.get("default"))

        collection = LIST_COLLECTIONS.get(op.op_id)
        if collection and status == 200 and query.get("count", [""])[0].lower() == "true":
            self.note_deviation("list-count")
            schema = {"type": "object", "required": [collection], "additionalProperties": False,
                      "properties": {collection: {"type": "integer", "minimum": 0}}}
            self.validate(where, schema, body)
            return

        if declared is None:
            if status >= 400:
                self.note_deviation("undeclared-error-status")
                self.validate(where, {"$ref": "#/definitions/ErrorMessage"}, body)
            else:
                self.report(where, "status %d is not declared for %s (declared: %s)"
                            % (status, op.op_id, ", ".join(sorted(responses))))
            return

        response = self.resolve_response(declared)
        schema = response.get("schema")
        if status == 204:
            if body not in (None, "", {}):
                self.report(where, "a 204 response has no body", "#/paths%s/%s/responses/204"
                            % (op.template, op.method.lower()), body, True)
            return
        if schema is None:
            return  # declared without a schema: any body
        self.validate(where, schema, body)


def collect_kinds(node, kinds):
    if isinstance(node, dict):
        kind = node.get("kind")
        if isinstance(kind, str):
            kinds.add(kind)
            family = kind.split(":")[0]
            kinds.add(family + ":default")
        for value in node.values():
            collect_kinds(value, kinds)
    elif isinstance(node, list):
        for value in node:
            collect_kinds(value, kinds)


def short(value, limit=300):
    text = json.dumps(value, sort_keys=True)
    return text if len(text) <= limit else text[:limit] + "..."


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--swagger", required=True, help="the OpenWhisk apiv1swagger.json")
    parser.add_argument("--exchanges", required=True, help="JSON lines, one exchange each")
    parser.add_argument("--min-exchanges", type=int, default=20)
    parser.add_argument("--min-operations", type=int, default=12,
                        help="distinct swagger operations the exchanges must cover")
    parser.add_argument("--verbose", action="store_true", help="also list skipped exchanges")
    args = parser.parse_args(argv)

    try:
        with open(args.swagger, encoding="utf-8") as f:
            swagger = json.load(f)
    except (OSError, ValueError) as e:
        print("check_contract: cannot read the swagger %s: %s" % (args.swagger, e))
        return 1
    try:
        with open(args.exchanges, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError as e:
        print("check_contract: cannot read the exchanges %s: %s "
              "(did the integration test run and record them?)" % (args.exchanges, e))
        return 1

    checker = Checker(swagger)
    exchanges = []
    for line_no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            exchange = json.loads(line)
        except ValueError as e:
            checker.report("line %d" % line_no, "not JSON: %s" % e)
            continue
        if not isinstance(exchange, dict):
            checker.report("line %d" % line_no, "not a JSON object")
            continue
        exchanges.append((line_no, exchange))
        # The server's own runtimes manifest, from GET / (runtime-kinds).
        if (str(exchange.get("method", "")).upper() == "GET"
                and str(exchange.get("path", "")).split("?")[0] in ("", "/")
                and exchange.get("status") == 200 and isinstance(exchange.get("body"), dict)):
            kinds = set()
            collect_kinds(exchange["body"].get("runtimes"), kinds)
            if kinds:
                checker.set_runtime_kinds(kinds)

    checker.prepare()
    for line_no, exchange in exchanges:
        checker.check(exchange, line_no)

    for m in checker.mismatches:
        print("MISMATCH %s" % m["where"])
        print("    %s" % m["message"])
        if m["schema_path"]:
            print("    schema: %s" % m["schema_path"])
        if "value" in m:
            print("    value:  %s" % short(m["value"]))

    failures = len(checker.mismatches)
    if len(exchanges) < args.min_exchanges:
        print("FAIL: only %d exchanges recorded, at least %d expected (is the recorder broken?)"
              % (len(exchanges), args.min_exchanges))
        failures += 1
    if len(checker.covered) < args.min_operations:
        print("FAIL: only %d distinct operations covered, at least %d expected"
              % (len(checker.covered), args.min_operations))
        failures += 1

    all_ops = sorted({op.op_id for op in checker.operations})
    print("covered operations (%d of %d): %s" % (len(checker.covered), len(all_ops),
                                                 ", ".join(sorted(checker.covered)) or "none"))
    print("not covered: %s" % (", ".join(op for op in all_ops if op not in checker.covered) or "none"))
    if checker.skipped:
        print("outside the swagger, not checked: %d exchange(s)" % len(checker.skipped))
        if args.verbose:
            for where in checker.skipped:
                print("    %s" % where)
    for name, count in sorted(checker.used_deviations.items()):
        print("allowed deviation %s (%d): %s" % (name, count, DEVIATIONS[name]))
    print("contract: %d exchanges, %d checked, %d mismatches -> %s"
          % (len(exchanges), checker.checked, len(checker.mismatches),
             "FAIL" if failures else "OK"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
