"""CPU-bound work: compare the duration at --cpu 1 and --cpu 0.25.

    funcdeskd invoke resources/examples/primes.py --param limit=200000 --cpu 0.25
"""


def main(args):
    limit = int(args.get("limit", 100000))
    sieve = bytearray([1]) * (limit + 1)
    sieve[0:2] = b"\x00\x00"
    for i in range(2, int(limit ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i :: i] = bytearray(len(sieve[i * i :: i]))
    return {"limit": limit, "primes": sum(sieve)}
