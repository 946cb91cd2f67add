#!/usr/bin/env python3
"""Self-test of check_contract.py: it passes a correct recording and fails every kind of bad one.

Usage: test_check_contract.py SWAGGER   (the OpenWhisk apiv1swagger.json)
"""

import contextlib
import importlib.util
import io
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
CHECKER = os.path.join(HERE, "check_contract.py")
GOOD = os.path.join(HERE, "selftest", "good_exchanges.jsonl")
WRONG_BODY = os.path.join(HERE, "selftest", "wrong_body.jsonl")
SWAGGER = None
KEEP = object()  # with_body(): leave the body as recorded

spec = importlib.util.spec_from_file_location("check_contract", CHECKER)
check_contract = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_contract)


def good_lines():
    with open(GOOD, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


class CheckContractTest(unittest.TestCase):
    def run_checker(self, exchanges_path, *extra):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = check_contract.main(["--swagger", SWAGGER, "--exchanges", exchanges_path,
                                        *extra])
        return code, out.getvalue()

    def run_lines(self, lines, *extra):
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False,
                                         encoding="utf-8") as f:
            for line in lines:
                f.write(line if isinstance(line, str) else json.dumps(line))
                f.write("\n")
            path = f.name
        try:
            return self.run_checker(path, *extra)
        finally:
            os.unlink(path)

    def with_body(self, index, body=KEEP, status=None, query=None):
        lines = good_lines()
        if body is not KEEP:
            lines[index]["body"] = body
        if status is not None:
            lines[index]["status"] = status
        if query is not None:
            lines[index]["query"] = query
        return lines

    def test_correct_recording_passes(self):
        code, out = self.run_checker(GOOD)
        self.assertEqual(code, 0, out)
        self.assertIn("0 mismatches -> OK", out)

    def test_wrong_body_fails_with_path_status_schema_path_and_value(self):
        code, out = self.run_checker(WRONG_BODY, "--min-exchanges", "1", "--min-operations", "1")
        self.assertEqual(code, 1, out)
        self.assertIn("MISMATCH line 1: GET /api/v1/namespaces/_/actions/hello -> 200", out)
        self.assertIn("schema: #/definitions/ActionLimits/properties/memory/type", out)
        self.assertIn('value:  "256"', out)
        self.assertIn("1 mismatches -> FAIL", out)

    def test_command_line_exit_status_is_one_on_a_mismatch(self):
        result = subprocess.run([sys.executable, CHECKER, "--swagger", SWAGGER, "--exchanges",
                                 WRONG_BODY, "--min-exchanges", "1", "--min-operations", "1"],
                                capture_output=True, text=True, check=False)
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)

    def test_too_few_exchanges_fail(self):
        code, out = self.run_lines(good_lines()[:5])
        self.assertEqual(code, 1, out)
        self.assertIn("only 5 exchanges recorded", out)

    def test_too_few_operations_fail(self):
        code, out = self.run_lines(good_lines()[:3] * 10)
        self.assertEqual(code, 1, out)
        self.assertIn("distinct operations covered", out)

    def test_missing_file_fails(self):
        code, out = self.run_checker(os.path.join(HERE, "no-such-file.jsonl"))
        self.assertEqual(code, 1, out)

    def test_line_that_is_not_json_fails(self):
        code, out = self.run_lines(good_lines() + ["{not json"])
        self.assertEqual(code, 1, out)
        self.assertIn("not JSON", out)

    def test_null_body_where_an_entity_is_declared_fails(self):
        code, out = self.run_lines(self.with_body(6, body=None))
        self.assertEqual(code, 1, out)
        self.assertIn("is not of type 'object'", out)

    def test_missing_required_field_fails(self):
        lines = good_lines()
        del lines[3]["body"]["version"]
        code, out = self.run_lines(lines)
        self.assertEqual(code, 1, out)
        self.assertIn("'version' is a required property", out)

    def test_kind_missing_from_the_servers_manifest_fails(self):
        lines = good_lines()
        lines[3]["body"]["exec"]["kind"] = "nodejs:99"
        code, out = self.run_lines(lines)
        self.assertEqual(code, 1, out)
        self.assertIn("/definitions/ActionExec/properties/kind/enum", out)

    def test_undeclared_success_status_fails(self):
        code, out = self.run_lines(self.with_body(6, status=201))
        self.assertEqual(code, 1, out)
        self.assertIn("status 201 is not declared for getActionByName", out)

    def test_undeclared_error_status_must_still_be_error_json(self):
        code, out = self.run_lines(self.with_body(10, body={"message": "bad limit"}))
        self.assertEqual(code, 1, out)
        self.assertIn("'error' is a required property", out)

    def test_no_content_with_a_body_fails(self):
        code, out = self.run_lines(self.with_body(22, body={"activationId": "x"}))
        self.assertEqual(code, 1, out)
        self.assertIn("a 204 response has no body", out)

    def test_count_answer_must_name_its_collection(self):
        code, out = self.run_lines(self.with_body(9, body={"triggers": 2}))
        self.assertEqual(code, 1, out)

    def test_error_code_must_be_a_string(self):
        code, out = self.run_lines(self.with_body(7, body={"error": "gone", "code": 17}))
        self.assertEqual(code, 1, out)
        self.assertIn("/definitions/ErrorMessage/properties/code/type", out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    SWAGGER = sys.argv.pop(1)
    unittest.main(verbosity=2)
