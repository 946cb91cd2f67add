#!/bin/sh
# A new native function: this file, named `exec`, zipped (zip action.zip exec), is run once and
# then reads one JSON request per line on stdin ({"value": {...params...}, "activation_id": ...})
# and writes one JSON object per line to fd 3 (OpenWhisk's actionloop protocol). Output on
# stdout and stderr appears in the activation's logs. Any executable works: C++, Rust, Go, ...
while read -r request; do
  echo "request: $request"
  echo '{"greeting": "Hello from a native action!"}' >&3
done
