<?php
/**
 * A new function. OpenWhisk calls main() with the invocation's parameters merged
 * with the function's default parameters, and expects an array back (it becomes
 * a JSON object). echo output appears in the activation's logs.
 */
function main(array $args): array
{
    $name = $args['name'] ?? 'world';
    echo "greeting $name\n";
    return ['greeting' => "Hello, $name!"];
}
