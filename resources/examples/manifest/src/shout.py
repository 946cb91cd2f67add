# The second step: the greeting the first step made, in capitals.
def main(args):
    return {"greeting": args.get("greeting", "").upper()}
