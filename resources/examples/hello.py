"""Hello, Python: an OpenWhisk action, unchanged.

    funcdeskd invoke resources/examples/hello.py --param name=Ada
"""


def main(args):
    name = args.get("name", "stranger")
    print(f"greeting {name}")
    return {"greeting": f"Hello, {name}!"}
