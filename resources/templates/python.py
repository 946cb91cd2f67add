"""A new function.

OpenWhisk calls main() with the invocation's parameters merged with the
function's default parameters, and expects a dict back. print() output
appears in the activation's logs.
"""


def main(args):
    name = args.get("name", "world")
    print(f"greeting {name}")
    return {"greeting": f"Hello, {name}!"}
