#!/usr/bin/env python3
"""check-schema.py SCHEMA FILE...

Validates YAML files against a JSON Schema (draft-07) the way an editor's YAML language server
does, and prints one JSON object per file, in order:
{"file": FILE, "status": "valid" | "invalid" | "unloadable", "errors": [...]}.
Exits 2 when the schema itself is not a valid draft-07 schema.
"""
import json
import re
import sys

import jsonschema
import yaml


class Loader(yaml.SafeLoader):
    """A safe loader that types plain scalars by YAML 1.2's core schema, as editors do (and as
    runbook does): `yes`, `on`, dates and `1:20` stay text."""


Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$",
     list("-+.0123456789")),
]:
    Loader.add_implicit_resolver(tag, re.compile(pattern), first)


def main():
    with open(sys.argv[1], encoding="utf-8") as file:
        schema = json.load(file)
    try:
        jsonschema.Draft7Validator.check_schema(schema)
    except jsonschema.SchemaError as error:
        print(json.dumps({"schema": sys.argv[1], "error": str(error)}))
        return 2
    validator = jsonschema.Draft7Validator(schema)
    for path in sys.argv[2:]:
        try:
            with open(path, encoding="utf-8") as file:
                document = yaml.load(file.read(), Loader=Loader)
        except (yaml.YAMLError, UnicodeDecodeError, ValueError) as error:
            print(json.dumps({"file": path, "status": "unloadable", "errors": [str(error).splitlines()[0]]}))
            continue
        errors = sorted(validator.iter_errors(document), key=lambda error: list(error.absolute_path))
        messages = ["/".join(str(part) for part in error.absolute_path) + ": " + error.message for error in errors]
        print(json.dumps({"file": path, "status": "invalid" if errors else "valid", "errors": messages}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
