<?php
// Hello, PHP: an OpenWhisk action, unchanged.
//
//     funcdeskd invoke resources/examples/hello.php --param name=Ada

function main(array $args): array
{
    $name = $args['name'] ?? 'stranger';
    echo "greeting $name\n";
    return ['greeting' => "Hello, $name!"];
}
