<?php
// Funcdesk PHP launcher. The executor starts it blank (php -d memory_limit=-1 ... launcher.php),
// sends the action's code once (init) and then one request per activation (run) on stdin; the
// protocol is docs/runtime-protocol.md. Action code is OpenWhisk's: function main(array $args): array.

// The outcome channel arrives as fd 3 (php://fd/3 is a copy of it). PHP cannot close fd 3 itself:
// programs the action starts inherit it (docs/runtime-protocol.md, "Launcher behaviour").
$FUNCDESK_OUTCOME = fopen('php://fd/3', 'wb');
$FUNCDESK_STDIN = STDIN;

function funcdesk_json($value)
{
    return json_encode($value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PRESERVE_ZERO_FRACTION |
                                   JSON_THROW_ON_ERROR);
}

function funcdesk_developer_error(string $text): string
{
    return '{"status":"action developer error","result":{"error":' . funcdesk_json($text) . '}}';
}

function funcdesk_init_error(string $reason): string
{
    return funcdesk_json(['ok' => false, 'error' => 'Initialization has failed due to: ' . $reason]);
}

// 'Exception: text (file, line N)' for anything thrown.
function funcdesk_describe(Throwable $error): string
{
    $text = get_class($error) . ': ' . $error->getMessage();
    if ($error instanceof ParseError || $error instanceof CompileError)
        $text .= ' (' . basename($error->getFile()) . ', line ' . $error->getLine() . ')';
    return $text;
}

// Ends an init or run: the action's output first, then the outcome line on fd 3 (the executor
// takes everything in the stdout/stderr pipes up to that line as this activation's output).
function funcdesk_finish(string $outcome, ?string $log = null): void
{
    global $FUNCDESK_OUTCOME;
    while (ob_get_level() > 0)
        @ob_end_flush();
    flush();
    @fflush(STDOUT);
    if ($log !== null)
        fwrite(STDERR, $log);
    @fflush(STDERR);
    fwrite($FUNCDESK_OUTCOME, $outcome . "\n");
    fflush($FUNCDESK_OUTCOME);
}

// Sets an environment variable for getenv(), $_ENV and $_SERVER (PHP's putenv() replaces its own
// earlier value, so per-activation values do not pile up in the process).
function funcdesk_export(string $name, string $value): void
{
    putenv($name . '=' . $value);
    $_ENV[$name] = $value;
    $_SERVER[$name] = $value;
}

// Writes the code (or unpacks the zip) into a private folder; returns the file to load.
function funcdesk_load(array $spec): string
{
    $dir = sys_get_temp_dir() . '/funcdesk-action-' . getmypid();
    if (!is_dir($dir) && !mkdir($dir, 0700))
        throw new RuntimeException("cannot create $dir");
    if (!empty($spec['binary'])) {
        $zip = $dir . '/action.zip';
        $bytes = base64_decode($spec['code'], true);
        if ($bytes === false || file_put_contents($zip, $bytes) === false)
            throw new RuntimeException('the code is not a base64 zip file');
        exec('unzip -qq -o ' . escapeshellarg($zip) . ' -d ' . escapeshellarg($dir) . ' 2>&1', $lines, $status);
        unlink($zip);
        if ($status !== 0)
            throw new RuntimeException('the zip file could not be unpacked: ' . implode("\n", $lines));
        if (!is_file($dir . '/index.php'))
            throw new RuntimeException('the zip file does not contain index.php');
        if (is_file($dir . '/vendor/autoload.php'))
            require_once $dir . '/vendor/autoload.php';
        chdir($dir);
        return $dir . '/index.php';
    }
    $file = $dir . '/index.php';
    file_put_contents($file, $spec['code']);
    return $file;
}

function funcdesk_initialise($request): string
{
    $spec = is_array($request) ? ($request['init'] ?? null) : null;
    if (!is_array($spec) || !is_string($spec['code'] ?? null))
        throw new DomainException('the first request must be an init with the action code');
    foreach (($spec['env'] ?? []) as $key => $value)
        funcdesk_export((string)$key, is_string($value) ? $value : funcdesk_json($value));
    $main = $spec['main'] ?? '';
    if ($main === '' || $main === null)
        $main = 'main';
    if (!is_string($main) || !preg_match('/^[A-Za-z_][A-Za-z0-9_]*$/', $main))
        throw new DomainException('main must be a function name, not ' . json_encode($main));
    $file = funcdesk_load($spec);
    (static function () use ($file) {
        require $file;
    })();
    if (!function_exists($main))
        throw new DomainException("$main is not a function");
    return $main;
}

function funcdesk_run(string $main, array $request): array
{
    foreach ($request as $key => $value) {
        if ($key !== 'value' && is_string($value))
            funcdesk_export('__OW_' . strtoupper($key), $value);
    }
    $args = $request['value'] ?? [];
    try {
        $result = $main(is_array($args) ? $args : []);
    } catch (Throwable $error) {
        return [funcdesk_developer_error('An error has occurred: ' . funcdesk_describe($error)), (string)$error . "\n"];
    }
    if (is_object($result) && !($result instanceof Closure))
        $result = json_decode(funcdesk_json($result), true); // JsonSerializable, stdClass
    if (!is_array($result))
        return ['{"status":"action developer error","result":{"error":"The action did not return a dictionary."}}', null];
    $list = $result !== [] && array_is_list($result);
    $status = !$list && array_key_exists('error', $result) ? 'application error' : 'success';
    try {
        $text = $result === [] ? '{}' : funcdesk_json($result);
    } catch (Throwable $error) { // invalid UTF-8, NAN, INF, recursion
        return [funcdesk_developer_error('The action did not produce a valid JSON response: ' . $error->getMessage()), null];
    }
    return ['{"status":"' . $status . '","result":' . $text . '}', null];
}

function funcdesk_serve(): void
{
    global $FUNCDESK_STDIN;
    $main = null;
    while (($line = fgets($FUNCDESK_STDIN)) !== false) {
        if (trim($line) === '')
            continue;
        if ($main === null) {
            try {
                $main = funcdesk_initialise(json_decode($line, true, 512, JSON_THROW_ON_ERROR));
            } catch (DomainException $failure) {
                funcdesk_finish(funcdesk_init_error($failure->getMessage()));
                exit(1);
            } catch (Throwable $error) {
                funcdesk_finish(funcdesk_init_error(funcdesk_describe($error)), (string)$error . "\n");
                exit(1);
            }
            funcdesk_finish('{"ok":true}');
            continue;
        }
        try {
            $request = json_decode($line, true, 512, JSON_THROW_ON_ERROR);
            if (!is_array($request))
                throw new DomainException('the request is not a JSON object');
            $outcome = array_key_exists('init', $request)
                           ? [funcdesk_init_error('the action is already initialized'), null]
                           : funcdesk_run($main, $request);
        } catch (Throwable $error) { // the launcher's own failure, e.g. a malformed request line
            $outcome = [funcdesk_developer_error('The launcher could not handle the request: ' . funcdesk_describe($error)), null];
        }
        funcdesk_finish(...$outcome);
    }
    exit(0);
}

funcdesk_serve();
